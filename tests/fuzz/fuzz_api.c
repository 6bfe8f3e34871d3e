/*
 * libFuzzer target: a byte-driven sequence of API calls on one network.
 *
 * Each step takes an opcode byte and its operands from the input: add actors, resources and
 * edges (by index, by name and in bulk) with fuzzer-chosen names, strengths and labels; set groups and
 * holdings; set options (in and out of bounds, unknown keys, wrong types); run degree, strength
 * and PageRank (with a personalization vector and a progress callback that may cancel); write
 * through a sink that may refuse; read small CSV snippets; look things up with indices in and
 * out of range. After every step the documented facts are checked:
 *   - a failed mutating call returns its code, records it on the network with a message, and
 *     changes nothing (exact dump through the getters), leaving its out-parameter untouched;
 *   - a successful one grows the counts by exactly what it added, and returns the new index;
 *   - counts never shrink; analyses and lookups change nothing;
 *   - failed analyses leave their output untouched and record on their params;
 *   - degrees sum to 2·E (with LEV_DIR_ALL); PageRank is ≥ 0 and sums to 1 ± 1e-9.
 * At the end the network must survive write → read into a fresh network.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct in {
    const uint8_t *p;
    size_t n;
} in;

static unsigned u8(in *s) {
    if (!s->n) return 0;
    s->n--;
    return *s->p++;
}

static uint32_t u32(in *s) {
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) v = v << 8 | u8(s);
    return v;
}

/* A string of 0..15 bytes from the input (NUL ends it early), or one of a few fixed ones. */
static const char *str(in *s, char *buf) {
    static const char *fixed[] = {"A", "B", "C", "Zo\xc3\xab", "", "\xff", "a\"b,c\nd", " pad ", "\xed\xa0\x80", "red"};
    unsigned k = u8(s);
    if (k < 0x80) {
        size_t len = k % 16, i;
        for (i = 0; i < len && s->n; i++) buf[i] = (char)u8(s);
        buf[i] = 0;
        return buf;
    }
    if (k == 0xFF) return NULL;
    return fixed[k % (sizeof fixed / sizeof fixed[0])];
}

static double num(in *s) {
    static const double fixed[] = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 1e300, 3.4028234663852886e38,
                                   3.4028235677973366e38, 1.401298464324817e-45, 7e-46, 1e-45, INFINITY, -INFINITY,
                                   NAN, 0.85, 1e-10, 1e9, 1025, 1024, 3, 4, 9007199254740993.0, 0.1};
    unsigned k = u8(s);
    if (k < 0xC0) return fixed[k % (sizeof fixed / sizeof fixed[0])];
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++) bits = bits << 8 | u8(s);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* An actor or resource index: usually in range, sometimes just out of it or far out. */
static uint32_t index_of(in *s, size_t count) {
    unsigned k = u8(s);
    switch (k >> 6) {
    case 0: case 1: return count ? (uint32_t)(k % count) : k & 3;
    case 2: return (uint32_t)count + (k & 3);
    default: return k & 1 ? LEV_NONE : u32(s);
    }
}

static lev_param key_of(in *s) {
    static const lev_param keys[] = {LEV_P_SEED, LEV_P_THREADS, LEV_P_TOLERANCE, LEV_P_MAX_ITER, LEV_P_UNDIRECTED,
                                     LEV_P_WEIGHTED, LEV_P_DIRECTION, LEV_P_DAMPING, LEV_P_EXPERIMENTAL_BASE,
                                     (lev_param)0, (lev_param)99, (lev_param)107, (lev_param)-1};
    return keys[u8(s) % (sizeof keys / sizeof keys[0])];
}

typedef struct cancel { long calls, stop_at; } cancel;

static int progress(void *ud, double done) {
    cancel *c = ud;
    FUZZ_CHECK(done >= 0 && done <= 1, "progress %g outside [0, 1]", done);
    return ++c->calls > c->stop_at;
}

/* Check a failed mutating call. */
static void failed_mutation(const lev_network *net, lev_status rc, const char *before, const char *what) {
    FUZZ_CHECK(rc == LEV_EINVAL || rc == LEV_EEXIST || rc == LEV_EMISUSE || rc == LEV_ELIMIT || rc == LEV_EPARSE ||
                   rc == LEV_ENOTFOUND,
               "%s: unexpected %s: %s", what, lev_status_name(rc), lev_errmsg(net));
    FUZZ_CHECK(lev_errcode(net) == rc, "%s: errcode %s, returned %s", what, lev_status_name(lev_errcode(net)),
               lev_status_name(rc));
    FUZZ_CHECK(lev_errmsg(net)[0] != 0, "%s: no message", what);
    char *after = fz_dump(net);
    FUZZ_CHECK(strcmp(before, after) == 0, "%s failed (%s) but changed the network:\n--- before\n%s--- after\n%s",
               what, lev_errmsg(net), before, after);
    free(after);
}

static void analysis(const lev_network *net, in *s, lev_params *p, cancel *cc) {
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    unsigned which = u8(s) % 3;
    lev_params *use = u8(s) & 1 ? p : NULL;
    double *out = malloc((n + 1) * sizeof *out);
    double *pers = NULL;
    FUZZ_CHECK(out, "malloc");
    for (size_t i = 0; i <= n; i++) out[i] = -7.0; /* a sentinel the analyses never write */
    lev_status rc;
    cc->calls = 0;
    cc->stop_at = u8(s) * 4; /* cancel after 0..1020 iterations: no input can loop for ever */
    lev_params_set_progress(p, progress, cc);
    if (which == 0) {
        rc = lev_degree(net, use, out);
    } else if (which == 1) {
        rc = lev_strength(net, use, out);
    } else {
        if (u8(s) & 1) {
            pers = malloc((n + 1) * sizeof *pers);
            FUZZ_CHECK(pers, "malloc");
            for (size_t i = 0; i < n; i++) pers[i] = u8(s) & 1 ? num(s) : (double)(u8(s) & 3);
        }
        /* With NULL params there is no callback: the defaults bound the work (1000 iterations). */
        rc = lev_pagerank(net, pers, use, out);
    }
    FUZZ_CHECK(out[n] == -7.0, "analysis wrote past the end");
    if (rc != LEV_OK) {
        FUZZ_CHECK(rc == LEV_EINVAL || rc == LEV_ENOCONV || rc == LEV_ECANCELLED, "analysis %u: unexpected %s", which,
                   lev_status_name(rc));
        if (use) FUZZ_CHECK(lev_params_errcode(use) == rc && lev_params_errmsg(use)[0], "message on params");
        else FUZZ_CHECK(lev_errcode(net) == rc && lev_errmsg(net)[0], "message on the network");
        for (size_t i = 0; i < n; i++) FUZZ_CHECK(out[i] == -7.0, "failed analysis wrote out[%zu]", i);
        if (rc == LEV_ECANCELLED) FUZZ_CHECK(use && cc->calls > cc->stop_at, "cancelled without being asked");
    } else {
        double sum = 0;
        for (size_t i = 0; i < n; i++) {
            FUZZ_CHECK(out[i] >= 0 && isfinite(out[i]), "analysis %u: out[%zu] = %g", which, i, out[i]);
            sum += out[i];
        }
        if (which == 0) {
            int64_t und = 0, dir = LEV_DIR_ALL;
            lev_params_get_int(use, LEV_P_UNDIRECTED, &und);
            lev_params_get_int(use, LEV_P_DIRECTION, &dir);
            double want = und || dir == LEV_DIR_ALL ? 2.0 * (double)m : (double)m;
            FUZZ_CHECK(sum == want, "degrees sum to %g, want %g", sum, want);
        }
        if (which == 2 && n) FUZZ_CHECK(fabs(sum - 1) <= 1e-9, "pagerank sums to %.17g", sum);
    }
    lev_params_set_progress(p, NULL, NULL);
    free(pers);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    in s = {data, size};
    lev_network *net;
    lev_params *p;
    FUZZ_CHECK(lev_network_new(&net) == LEV_OK, "new");
    FUZZ_CHECK(lev_params_new(&p) == LEV_OK, "params");
    cancel cc = {0, 0};
    char b1[16], b2[16], b3[16];
    int steps = 0;
    char *before = fz_dump(net);
    while (s.n && steps++ < 64) {
        size_t na = lev_actor_count(net), ne = lev_edge_count(net), nr = lev_resource_count(net);
        unsigned op = u8(&s) % 15;
        lev_status rc = LEV_OK;
        int mutating = 1;
        const char *what = "?";
        switch (op) {
        case 0: {
            const char *name = str(&s, b1), *group = str(&s, b2);
            uint32_t idx = 12345;
            what = "lev_actor_add";
            rc = lev_actor_add(net, name, group, &idx);
            if (rc == LEV_OK) {
                FUZZ_CHECK(idx == na && lev_actor_count(net) == na + 1, "actor_add index %u of %zu", (unsigned)idx, na);
                FUZZ_CHECK(strcmp(lev_actor_name(net, idx), name) == 0, "name stored");
                uint32_t f;
                FUZZ_CHECK(lev_actor_find(net, name, &f) == LEV_OK && f == idx, "find after add");
            } else {
                FUZZ_CHECK(idx == 12345, "idx written on failure");
            }
            break;
        }
        case 1: {
            const char *name = str(&s, b1);
            uint32_t idx = 12345;
            what = "lev_resource_add";
            rc = lev_resource_add(net, name, &idx);
            if (rc == LEV_OK) FUZZ_CHECK(idx == nr && lev_resource_count(net) == nr + 1, "resource index");
            else FUZZ_CHECK(idx == 12345, "idx written on failure");
            break;
        }
        case 2: {
            uint32_t a = index_of(&s, na), t = index_of(&s, na);
            double w = num(&s);
            const char *ch = str(&s, b1);
            size_t idx = 12345;
            what = "lev_edge_add";
            rc = lev_edge_add(net, a, t, w, ch, &idx);
            if (rc == LEV_OK) FUZZ_CHECK(idx == ne && lev_edge_count(net) == ne + 1 && lev_actor_count(net) == na,
                                         "edge_add counts");
            else FUZZ_CHECK(idx == 12345, "idx written on failure");
            break;
        }
        case 3: {
            const char *a = str(&s, b1), *t = str(&s, b2);
            double w = num(&s);
            const char *ch = str(&s, b3);
            size_t idx = 12345;
            what = "lev_edge_add_by_name";
            rc = lev_edge_add_by_name(net, a, t, w, ch, &idx);
            if (rc == LEV_OK) {
                FUZZ_CHECK(idx == ne && lev_edge_count(net) == ne + 1, "edge_add_by_name edge count");
                FUZZ_CHECK(lev_actor_count(net) >= na && lev_actor_count(net) <= na + 2, "edge_add_by_name actors");
                uint32_t es, et;
                lev_edge_get(net, idx, &es, &et, NULL, NULL);
                FUZZ_CHECK(strcmp(lev_actor_name(net, es), a) == 0 && strcmp(lev_actor_name(net, et), t) == 0,
                           "edge_add_by_name endpoints");
            } else {
                FUZZ_CHECK(idx == 12345, "idx written on failure");
            }
            break;
        }
        case 4: {
            uint32_t i = index_of(&s, na);
            const char *g = str(&s, b1);
            what = "lev_actor_set_group";
            rc = lev_actor_set_group(net, i, g);
            if (rc == LEV_OK) {
                const char *got = lev_actor_group(net, i);
                FUZZ_CHECK((!g || !*g) ? got == NULL : (got && strcmp(got, g) == 0), "group stored");
            }
            break;
        }
        case 5: {
            uint32_t i = index_of(&s, na), r = index_of(&s, nr);
            double h = num(&s), nd = num(&s);
            what = "lev_actor_set_resource";
            rc = lev_actor_set_resource(net, i, r, h, nd);
            if (rc == LEV_OK) {
                double gh, gn;
                FUZZ_CHECK(lev_actor_get_resource(net, i, r, &gh, &gn) == LEV_OK, "get after set");
                FUZZ_CHECK(gh == h && gn == nd, "amounts stored");
            }
            break;
        }
        case 6: { /* options: never change the network */
            mutating = 0;
            lev_param k = key_of(&s);
            double lo, hi, v0;
            int known = lev_param_info(k, NULL, NULL, &lo, &hi, NULL) == LEV_OK;
            lev_status g0 = lev_params_get_double(p, k, &v0);
            FUZZ_CHECK(known == (g0 == LEV_OK), "info and get disagree on key %d", (int)k);
            lev_status r2;
            double v;
            if (u8(&s) & 1) {
                int64_t iv = (int64_t)u32(&s) - 16;
                r2 = lev_params_set_int(p, k, iv);
                v = (double)iv;
            } else {
                v = num(&s);
                r2 = lev_params_set_double(p, k, v);
            }
            double v1;
            if (!known) {
                FUZZ_CHECK(r2 == LEV_EUNSUPPORTED, "unknown key %d: %s", (int)k, lev_status_name(r2));
            } else if (r2 == LEV_OK) {
                FUZZ_CHECK(v >= lo && v <= hi, "key %d accepted %g outside [%g, %g]", (int)k, v, lo, hi);
                lev_params_get_double(p, k, &v1);
                FUZZ_CHECK(v1 == v, "option not stored");
            } else {
                FUZZ_CHECK(r2 == LEV_EINVAL, "set: %s", lev_status_name(r2));
                FUZZ_CHECK(lev_params_errcode(p) == LEV_EINVAL && lev_params_errmsg(p)[0], "params message");
                lev_params_get_double(p, k, &v1);
                FUZZ_CHECK(memcmp(&v1, &v0, sizeof v0) == 0, "a refused option changed");
            }
            break;
        }
        case 7:
            mutating = 0;
            analysis(net, &s, p, &cc);
            break;
        case 8: { /* read a small CSV snippet from the input */
            static const char *heads[] = {"source,target,weight,channel\n", "name,group\n",
                                          "actor,resource,holds,needs\n", ""};
            unsigned f = u8(&s);
            lev_format fmt = (lev_format)(1 + f % 3);
            const char *head = heads[(f >> 2) % 4];
            size_t len = u8(&s) % 64;
            if (len > s.n) len = s.n;
            char text[128];
            size_t hl = strlen(head);
            memcpy(text, head, hl);
            memcpy(text + hl, s.p, len);
            s.p += len;
            s.n -= len;
            what = "lev_read_buffer";
            rc = lev_read_buffer(net, fmt, text, hl + len, u8(&s) & 1 ? NULL : "api", NULL);
            break;
        }
        case 9: { /* writers through a sink that may refuse */
            mutating = 0;
            fz_buf out = {0};
            out.limit = u8(&s) & 1 ? (size_t)u8(&s) : 0;
            lev_format fmt = (lev_format)(u8(&s) % 10);
            lev_status r2 = lev_write(net, fmt, fz_sink, &out);
            if (fmt < 1 || fmt > 8) FUZZ_CHECK(r2 == LEV_EUNSUPPORTED, "write format %d: %s", (int)fmt, lev_status_name(r2));
            else if (fmt == LEV_FORMAT_GRAPHML || fmt == LEV_FORMAT_PAJEK) /* names they cannot carry: EINVAL */
                FUZZ_CHECK(r2 == LEV_OK || r2 == LEV_EINVAL || (r2 == LEV_EIO && out.limit), "write: %s", lev_status_name(r2));
            else FUZZ_CHECK(r2 == LEV_OK || (r2 == LEV_EIO && out.limit), "write: %s", lev_status_name(r2));
            free(out.s);
            break;
        }
        case 10: { /* lookups, in and out of range: outputs untouched on failure, which is recorded
                    * on the network (under its lock: lookups are read-only calls) */
            mutating = 0;
            uint32_t i = index_of(&s, na), r = index_of(&s, nr);
            size_t e = u8(&s) & 1 ? ne + (u8(&s) & 3) : (ne ? u8(&s) % ne : 0);
            uint32_t es = 7, et = 7;
            double w = -7, h = -7, nd = -7;
            const char *ch = "untouched";
            lev_status r2 = lev_edge_get(net, e, &es, &et, &w, &ch);
            if (e < ne) FUZZ_CHECK(r2 == LEV_OK && es < na && et < na && w > 0, "edge_get %zu", e);
            else FUZZ_CHECK(r2 == LEV_EINVAL && es == 7 && et == 7 && w == -7 && strcmp(ch, "untouched") == 0 &&
                                lev_errcode(net) == LEV_EINVAL,
                            "edge_get out of range");
            r2 = lev_actor_get_resource(net, i, r, &h, &nd);
            if (i < na && r < nr) FUZZ_CHECK(r2 == LEV_OK && h >= 0 && nd >= 0, "get_resource");
            else FUZZ_CHECK(r2 == LEV_EINVAL && h == -7 && nd == -7 && lev_errcode(net) == LEV_EINVAL,
                            "get_resource out of range");
            FUZZ_CHECK((lev_actor_name(net, i) != NULL) == (i < na), "actor_name %u", (unsigned)i);
            FUZZ_CHECK((lev_resource_name(net, r) != NULL) == (r < nr), "resource_name %u", (unsigned)r);
            if (i >= na) FUZZ_CHECK(lev_actor_group(net, i) == NULL, "group of no actor");
            const char *name = str(&s, b1);
            uint32_t f = 5;
            r2 = lev_actor_find(net, name, &f);
            if (!name) FUZZ_CHECK(r2 == LEV_EMISUSE && f == LEV_NONE, "find NULL");
            else if (r2 == LEV_OK) FUZZ_CHECK(f < na && strcmp(lev_actor_name(net, f), name) == 0, "find");
            else FUZZ_CHECK(r2 == LEV_ENOTFOUND && f == LEV_NONE, "find: %s", lev_status_name(r2));
            if (r2 != LEV_OK) FUZZ_CHECK(lev_errcode(net) == r2, "find failure not recorded");
            r2 = lev_resource_find(net, name, &f);
            if (r2 == LEV_OK) FUZZ_CHECK(f < nr && strcmp(lev_resource_name(net, f), name) == 0, "resource_find");
            else FUZZ_CHECK(lev_errcode(net) == r2 && f == LEV_NONE, "resource_find failure");
            break;
        }
        case 11:
            mutating = 0;
            lev_params_reset(p);
            FUZZ_CHECK(lev_params_errcode(p) == LEV_OK && lev_params_errmsg(p)[0] == 0, "reset");
            break;
        case 12: { /* NULL handles and NULL required pointers */
            mutating = 0;
            double o[1];
            FUZZ_CHECK(lev_degree(NULL, p, o) == LEV_EMISUSE, "degree NULL net");
            FUZZ_CHECK(lev_pagerank(net, NULL, p, NULL) == LEV_EMISUSE, "pagerank NULL out");
            FUZZ_CHECK(lev_params_errcode(p) == LEV_EMISUSE, "pagerank NULL out: message on params");
            FUZZ_CHECK(lev_actor_add(NULL, "x", NULL, NULL) == LEV_EMISUSE, "actor_add NULL net");
            FUZZ_CHECK(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, NULL, 3, NULL, NULL) == LEV_EMISUSE, "read NULL data");
            FUZZ_CHECK(lev_read_buffer(net, (lev_format)(9 + u8(&s)), "x", 1, NULL, NULL) == LEV_EUNSUPPORTED,
                       "read bad format");
            FUZZ_CHECK(lev_write(net, LEV_FORMAT_EDGES_CSV, NULL, NULL) == LEV_EMISUSE, "write NULL sink");
            break;
        }
        case 14: { /* lev_edges_add: 0..7 edges from arrays, strengths or NULL (all 1) */
            unsigned k = u8(&s) % 8;
            uint32_t src[8], tgt[8];
            double w[8];
            for (unsigned j = 0; j < k; j++) {
                src[j] = index_of(&s, na);
                tgt[j] = index_of(&s, na);
                w[j] = num(&s);
            }
            int unit = u8(&s) & 1;
            const char *ch = str(&s, b1);
            size_t first = 12345;
            what = "lev_edges_add";
            rc = lev_edges_add(net, k, src, tgt, unit ? NULL : w, ch, &first);
            if (rc == LEV_OK) {
                FUZZ_CHECK(first == ne && lev_edge_count(net) == ne + k, "edges_add counts");
                for (unsigned j = 0; j < k; j++) {
                    uint32_t es, et;
                    double ew;
                    lev_edge_get(net, ne + j, &es, &et, &ew, NULL);
                    FUZZ_CHECK(es == src[j] && et == tgt[j] && ew == (unit ? 1.0 : w[j]), "edges_add edge %u", j);
                }
            } else {
                FUZZ_CHECK(first == 12345, "first written on failure");
            }
            break;
        }
        default: { /* many actors at once, to grow the tables past a few resizes */
            unsigned k = u8(&s) % 64;
            what = "bulk lev_actor_add";
            for (unsigned j = 0; j < k && rc == LEV_OK; j++) {
                char nm[32];
                snprintf(nm, sizeof nm, "bulk-%zu-%u", na, j);
                rc = lev_actor_add(net, nm, j % 3 ? NULL : "bulk", NULL);
                FUZZ_CHECK(rc == LEV_OK || rc == LEV_EEXIST, "bulk add: %s", lev_errmsg(net));
            }
            if (rc == LEV_EEXIST) { /* an earlier name took it: not a mutation failure to check */
                rc = LEV_OK;
                free(before);
                before = fz_dump(net);
            }
            break;
        }
        }
        FUZZ_CHECK(lev_actor_count(net) >= na && lev_edge_count(net) >= ne && lev_resource_count(net) >= nr,
                   "counts shrank after op %u", op);
        if (!mutating || rc != LEV_OK) {
            if (mutating) {
                failed_mutation(net, rc, before, what);
            } else {
                char *after = fz_dump(net);
                FUZZ_CHECK(strcmp(before, after) == 0, "a read-only op %u changed the network", op);
                free(after);
            }
            FUZZ_CHECK(lev_actor_count(net) == na && lev_edge_count(net) == ne && lev_resource_count(net) == nr,
                       "counts changed by op %u", op);
        } else {
            free(before);
            before = fz_dump(net);
        }
    }
    free(before);
    fz_round_trip(net);
    fz_analyses(net);
    lev_params_free(p);
    lev_network_free(net);
    return 0;
}
