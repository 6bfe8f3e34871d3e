/*
 * Shared by the fuzz targets: a checking macro that aborts (so libFuzzer and the replay driver
 * both see a crash), an exact dump of a network through the public getters, a writer sink, the
 * fixed fixture every reader target starts from, and the write → read round trip.
 *
 * Only the public header is used: the targets link against the library as any user does.
 */
#ifndef LEV_FUZZ_COMMON_H
#define LEV_FUZZ_COMMON_H

#include "leverage.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond, ...)                                                          \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: invariant failed: %s\n  ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                              \
            fputc('\n', stderr);                                                       \
            abort();                                                                   \
        }                                                                              \
    } while (0)

/* ---- a growing text buffer, also a lev_write_fn sink ---------------------------------------- */

typedef struct fz_buf {
    char *s;
    size_t n, cap;
    size_t limit; /* the sink refuses once n would pass it (0 = no limit) */
} fz_buf;

static inline void fz_put(fz_buf *b, const char *data, size_t len) {
    if (b->n + len + 1 > b->cap) {
        size_t cap = (b->n + len + 1) * 2;
        char *s = realloc(b->s, cap);
        if (!s) abort();
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->n, data, len);
    b->n += len;
    b->s[b->n] = 0;
}

static inline void fz_printf(fz_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void fz_printf(fz_buf *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) abort();
    fz_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Print a string with its exact bytes (escapes for control bytes and quotes). */
static inline void fz_str(fz_buf *b, const char *s) {
    if (!s) { fz_put(b, "(null)", 6); return; }
    fz_put(b, "\"", 1);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == '"' || c == '\\') fz_printf(b, "\\x%02x", c);
        else fz_put(b, s, 1);
    }
    fz_put(b, "\"", 1);
}

static inline int fz_sink(void *ud, const char *data, size_t len) {
    fz_buf *b = ud;
    FUZZ_CHECK(len > 0 && len <= 16384, "sink got a chunk of %zu bytes", len);
    if (b->limit && b->n + len > b->limit) return 1;
    fz_put(b, data, len);
    return 0;
}

/*
 * Everything a network holds, exactly (doubles as %a), through the public getters: actors with
 * groups in index order, edges in index order, resources in index order with every amount.
 * Two networks are equal iff their dumps are. Caller frees.
 */
static inline char *fz_dump(const lev_network *net) {
    fz_buf b = {0};
    size_t na = lev_actor_count(net), ne = lev_edge_count(net), nr = lev_resource_count(net);
    fz_printf(&b, "actors=%zu edges=%zu resources=%zu\n", na, ne, nr);
    for (uint32_t i = 0; i < na; i++) {
        fz_printf(&b, "a%u ", (unsigned)i);
        fz_str(&b, lev_actor_name(net, i));
        fz_put(&b, " ", 1);
        fz_str(&b, lev_actor_group(net, i));
        fz_put(&b, "\n", 1);
    }
    for (size_t e = 0; e < ne; e++) {
        uint32_t s, t;
        double w;
        const char *ch;
        FUZZ_CHECK(lev_edge_get(net, e, &s, &t, &w, &ch) == LEV_OK, "edge %zu", e);
        FUZZ_CHECK(s < na && t < na, "edge %zu: %u -> %u of %zu actors", e, (unsigned)s, (unsigned)t, na);
        FUZZ_CHECK(isfinite(w) && w > 0, "edge %zu: strength %g", e, w);
        fz_printf(&b, "e%zu %u %u %a ", e, (unsigned)s, (unsigned)t, w);
        fz_str(&b, ch);
        fz_put(&b, "\n", 1);
    }
    double *h = na ? malloc(na * sizeof *h) : NULL, *nd = na ? malloc(na * sizeof *nd) : NULL;
    for (uint32_t r = 0; r < nr; r++) {
        fz_printf(&b, "r%u ", (unsigned)r);
        fz_str(&b, lev_resource_name(net, r));
        fz_put(&b, "\n", 1);
        FUZZ_CHECK(lev_resource_amounts(net, r, h, nd) == LEV_OK, "amounts of resource %u", (unsigned)r);
        for (size_t i = 0; i < na; i++) {
            FUZZ_CHECK(isfinite(h[i]) && h[i] >= 0 && isfinite(nd[i]) && nd[i] >= 0, "amount %g/%g", h[i], nd[i]);
            if (h[i] != 0 || nd[i] != 0) fz_printf(&b, "  %zu %a %a\n", i, h[i], nd[i]);
        }
    }
    free(h);
    free(nd);
    return b.s;
}

/* The text lev_write gives for one format. Caller frees. */
static inline char *fz_write(const lev_network *net, lev_format f) {
    fz_buf b = {0};
    lev_status rc = lev_write(net, f, fz_sink, &b);
    FUZZ_CHECK(rc == LEV_OK, "lev_write(%d): %s: %s", (int)f, lev_status_name(rc), lev_errmsg(net));
    if (!b.s) fz_put(&b, "", 0);
    return b.s;
}

/* ---- the fixture the reader targets start from --------------------------------------------- */

/* Actors with and without groups, an edge with and one without a channel, a resource with
 * holdings and one nobody holds. The fuzz seeds name these actors (A, B, C, Zoë). */
static const char FZ_FIX_ACTORS[] = "name,group\nA,red\nB,\nC,blue\nZo\xc3\xab,red\n";
static const char FZ_FIX_EDGES[] = "source,target,weight,channel\nA,B,2,money\nB,C,0.5,\nC,A,1e-3,kin\n";
static const char FZ_FIX_RES[] = "actor,resource,holds,needs\nA,land,5,1\nC,land,0,2\n";

static inline lev_network *fz_fixture(void) {
    lev_network *net;
    FUZZ_CHECK(lev_network_new(&net) == LEV_OK, "lev_network_new");
    FUZZ_CHECK(lev_read_buffer(net, LEV_FORMAT_ACTORS_CSV, FZ_FIX_ACTORS, strlen(FZ_FIX_ACTORS), "fix", NULL) == LEV_OK,
               "%s", lev_errmsg(net));
    FUZZ_CHECK(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, FZ_FIX_EDGES, strlen(FZ_FIX_EDGES), "fix", NULL) == LEV_OK,
               "%s", lev_errmsg(net));
    FUZZ_CHECK(lev_read_buffer(net, LEV_FORMAT_RESOURCES_CSV, FZ_FIX_RES, strlen(FZ_FIX_RES), "fix", NULL) == LEV_OK,
               "%s", lev_errmsg(net));
    FUZZ_CHECK(lev_resource_add(net, "unheld", NULL) == LEV_OK, "%s", lev_errmsg(net));
    return net;
}

/* ---- analyses on a network: their documented facts ------------------------------------------ */

static inline void fz_analyses(const lev_network *net) {
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    double *out = malloc((n ? n : 1) * sizeof *out);
    FUZZ_CHECK(out, "malloc");
    FUZZ_CHECK(lev_degree(net, NULL, out) == LEV_OK, "degree: %s", lev_errmsg(net));
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(out[i] >= 0 && out[i] == floor(out[i]), "degree %g", out[i]);
        sum += out[i];
    }
    FUZZ_CHECK(sum == 2.0 * (double)m, "degrees sum to %g, not 2·%zu", sum, m);
    FUZZ_CHECK(lev_strength(net, NULL, out) == LEV_OK, "strength: %s", lev_errmsg(net));
    for (size_t i = 0; i < n; i++) FUZZ_CHECK(out[i] >= 0 && isfinite(out[i]), "strength %g", out[i]);
    lev_status rc = lev_pagerank(net, NULL, NULL, out);
    FUZZ_CHECK(rc == LEV_OK, "pagerank: %s: %s", lev_status_name(rc), lev_errmsg(net));
    sum = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(out[i] >= 0 && isfinite(out[i]), "pagerank %g", out[i]);
        sum += out[i];
    }
    if (n) FUZZ_CHECK(fabs(sum - 1) <= 1e-9, "pagerank sums to %.17g", sum);
    /* Campaigns: a spread from actor 0 under both models, and up to 3 seeds (cheap settings). */
    lev_params *cp;
    FUZZ_CHECK(lev_params_new(&cp) == LEV_OK, "params");
    lev_params_set_int(cp, LEV_P_RUNS, 32);
    lev_params_set_double(cp, LEV_P_SEEDS_EPSILON, 0.5);
    for (int model = LEV_MODEL_IC; n && model <= LEV_MODEL_LT; model++) {
        uint32_t s0 = 0;
        double sp = -1;
        lev_params_set_int(cp, LEV_P_MODEL, model);
        rc = lev_spread(net, &s0, 1, cp, &sp, NULL, NULL, out);
        FUZZ_CHECK(rc == LEV_OK, "spread: %s", lev_params_errmsg(cp));
        FUZZ_CHECK(sp >= 1 && sp <= (double)n && out[0] == 1, "spread %g of %zu", sp, n);
        for (size_t i = 0; i < n; i++) FUZZ_CHECK(out[i] >= 0 && out[i] <= 1, "activation probability %g", out[i]);
        uint32_t sd[3];
        double g[3], ssp = -1, ratio = -1;
        size_t len = 0, k = n < 3 ? n : 3;
        rc = lev_seeds(net, k, NULL, NULL, cp, sd, g, &len, &ssp, &ratio, NULL, NULL);
        FUZZ_CHECK(rc == LEV_OK, "seeds: %s", lev_params_errmsg(cp));
        FUZZ_CHECK(len == k && ratio >= 0 && ratio <= 1 && ssp >= 0 && ssp <= (double)n * (1 + 1e-12), "seeds: %zu, "
                   "ratio %g, spread %g", len, ratio, ssp);
        for (size_t i = 0; i < len; i++) {
            FUZZ_CHECK(sd[i] < n && g[i] >= 0, "seed %u gain %g", sd[i], g[i]);
            for (size_t j = 0; j < i; j++) FUZZ_CHECK(sd[i] != sd[j], "seed %u twice", sd[i]);
        }
    }
    lev_params_free(cp);
    free(out);
}

/* ---- write → read round trip ------------------------------------------------------------------ */

/*
 * Write net in the three formats, read them (actors, edges, resources) into a fresh network and
 * check that it holds the same actors, groups, edges and non-zero amounts. Resources nobody holds
 * are not written and resource indices follow the rows' order, so resources compare by name.
 */
static inline void fz_round_trip(const lev_network *net) {
    char *ac = fz_write(net, LEV_FORMAT_ACTORS_CSV), *ed = fz_write(net, LEV_FORMAT_EDGES_CSV),
         *rs = fz_write(net, LEV_FORMAT_RESOURCES_CSV);
    lev_network *b;
    FUZZ_CHECK(lev_network_new(&b) == LEV_OK, "lev_network_new");
    lev_status rc = lev_read_buffer(b, LEV_FORMAT_ACTORS_CSV, ac, strlen(ac), "rt-actors", NULL);
    FUZZ_CHECK(rc == LEV_OK, "re-reading the actors written: %s\n%s", lev_errmsg(b), ac);
    rc = lev_read_buffer(b, LEV_FORMAT_EDGES_CSV, ed, strlen(ed), "rt-edges", NULL);
    FUZZ_CHECK(rc == LEV_OK, "re-reading the edges written: %s\n%s", lev_errmsg(b), ed);
    rc = lev_read_buffer(b, LEV_FORMAT_RESOURCES_CSV, rs, strlen(rs), "rt-resources", NULL);
    FUZZ_CHECK(rc == LEV_OK, "re-reading the resources written: %s\n%s", lev_errmsg(b), rs);

    size_t na = lev_actor_count(net);
    FUZZ_CHECK(lev_actor_count(b) == na, "%zu actors, re-read %zu", na, lev_actor_count(b));
    FUZZ_CHECK(lev_edge_count(b) == lev_edge_count(net), "%zu edges, re-read %zu", lev_edge_count(net),
               lev_edge_count(b));
    for (uint32_t i = 0; i < na; i++) {
        FUZZ_CHECK(strcmp(lev_actor_name(net, i), lev_actor_name(b, i)) == 0, "actor %u", (unsigned)i);
        const char *g1 = lev_actor_group(net, i), *g2 = lev_actor_group(b, i);
        FUZZ_CHECK((!g1 && !g2) || (g1 && g2 && strcmp(g1, g2) == 0), "group of actor %u: %s / %s", (unsigned)i,
                   g1 ? g1 : "(none)", g2 ? g2 : "(none)");
    }
    for (size_t e = 0; e < lev_edge_count(net); e++) {
        uint32_t s1, t1, s2, t2;
        double w1, w2;
        const char *c1, *c2;
        lev_edge_get(net, e, &s1, &t1, &w1, &c1);
        FUZZ_CHECK(lev_edge_get(b, e, &s2, &t2, &w2, &c2) == LEV_OK, "edge %zu", e);
        FUZZ_CHECK(s1 == s2 && t1 == t2, "edge %zu endpoints", e);
        FUZZ_CHECK(memcmp(&w1, &w2, sizeof w1) == 0, "edge %zu strength %a re-read as %a", e, w1, w2);
        FUZZ_CHECK((!c1 && !c2) || (c1 && c2 && strcmp(c1, c2) == 0), "edge %zu channel", e);
    }
    double *h1 = malloc((na ? na : 1) * sizeof(double)), *n1 = malloc((na ? na : 1) * sizeof(double));
    double *h2 = malloc((na ? na : 1) * sizeof(double)), *n2 = malloc((na ? na : 1) * sizeof(double));
    for (uint32_t r = 0; r < lev_resource_count(net); r++) {
        lev_resource_amounts(net, r, h1, n1);
        uint32_t r2;
        int any = 0;
        for (size_t i = 0; i < na; i++) any |= h1[i] != 0 || n1[i] != 0;
        if (lev_resource_find(b, lev_resource_name(net, r), &r2) != LEV_OK) {
            FUZZ_CHECK(!any, "resource %s held but not written", lev_resource_name(net, r));
            continue;
        }
        FUZZ_CHECK(any, "resource %s held by nobody but written", lev_resource_name(net, r));
        lev_resource_amounts(b, r2, h2, n2);
        for (size_t i = 0; i < na; i++)
            FUZZ_CHECK(h1[i] == h2[i] && n1[i] == n2[i], "resource %s actor %zu: %a/%a re-read as %a/%a",
                       lev_resource_name(net, r), i, h1[i], n1[i], h2[i], n2[i]);
    }
    FUZZ_CHECK(lev_resource_count(b) <= lev_resource_count(net), "re-read has more resources");
    /* Writing the re-read network gives the same actors and edges text. */
    char *ac2 = fz_write(b, LEV_FORMAT_ACTORS_CSV), *ed2 = fz_write(b, LEV_FORMAT_EDGES_CSV);
    FUZZ_CHECK(strcmp(ac, ac2) == 0, "actors text differs after a round trip");
    /* A network that had an edge with a channel keeps writing the channel column (documented). */
    FUZZ_CHECK(strcmp(ed, ed2) == 0 || (strncmp(ed, "source,target,weight,channel\n", 29) == 0 &&
                                        strncmp(ed2, "source,target,weight\n", 21) == 0),
               "edges text differs after a round trip:\n%s---\n%s", ed, ed2);
    free(h1); free(n1); free(h2); free(n2);
    free(ac); free(ed); free(rs); free(ac2); free(ed2);
    lev_network_free(b);
}

/* ---- the graph formats (GraphML, Pajek, GML) --------------------------------------------------- */

static inline int fz_graph_format(lev_format f) {
    return f == LEV_FORMAT_GRAPHML || f == LEV_FORMAT_PAJEK || f == LEV_FORMAT_GML;
}

/*
 * Write net in fmt and read it into a fresh network: the same actors (names, in order) and edges
 * (endpoints, exact strengths; channels except in Pajek, which is written without them), and
 * for GraphML and GML the same groups. A writer may refuse names its format cannot carry
 * (LEV_EINVAL): GraphML control characters, Pajek quotes and line breaks.
 */
static inline void fz_graph_round_trip(const lev_network *net, lev_format fmt) {
    fz_buf t = {0};
    lev_status rc = lev_write(net, fmt, fz_sink, &t);
    if (rc == LEV_EINVAL && fmt != LEV_FORMAT_GML) { free(t.s); return; }
    FUZZ_CHECK(rc == LEV_OK, "writing format %d: %s: %s", (int)fmt, lev_status_name(rc), lev_errmsg(net));
    lev_network *b;
    FUZZ_CHECK(lev_network_new(&b) == LEV_OK, "new");
    rc = lev_read_buffer(b, fmt, t.s ? t.s : "", t.n, "rt", NULL);
    FUZZ_CHECK(rc == LEV_OK, "re-reading format %d: %s\n%s", (int)fmt, lev_errmsg(b), t.s ? t.s : "");
    size_t na = lev_actor_count(net), ne = lev_edge_count(net);
    FUZZ_CHECK(lev_actor_count(b) == na && lev_edge_count(b) == ne, "counts after a format %d round trip", (int)fmt);
    for (uint32_t i = 0; i < na; i++) {
        FUZZ_CHECK(strcmp(lev_actor_name(net, i), lev_actor_name(b, i)) == 0, "actor %u", (unsigned)i);
        if (fmt == LEV_FORMAT_PAJEK) continue;
        const char *g1 = lev_actor_group(net, i), *g2 = lev_actor_group(b, i);
        FUZZ_CHECK((!g1 && !g2) || (g1 && g2 && strcmp(g1, g2) == 0), "group of actor %u", (unsigned)i);
    }
    for (size_t e = 0; e < ne; e++) {
        uint32_t s1, t1, s2, t2;
        double w1, w2;
        const char *c1, *c2;
        lev_edge_get(net, e, &s1, &t1, &w1, &c1);
        lev_edge_get(b, e, &s2, &t2, &w2, &c2);
        FUZZ_CHECK(s1 == s2 && t1 == t2 && memcmp(&w1, &w2, sizeof w1) == 0, "edge %zu after a format %d round trip", e,
                   (int)fmt);
        if (fmt != LEV_FORMAT_PAJEK) /* Pajek as written carries no channels */
            FUZZ_CHECK((!c1 && !c2) || (c1 && c2 && strcmp(c1, c2) == 0), "channel of edge %zu", e);
    }
    free(t.s);
    lev_network_free(b);
}

/*
 * One reader target: fixture, dump, read the input; on failure the network must be exactly as
 * before (and the message must name the buffer); on success the result must survive a round trip
 * and the analyses. A second read of the same input into a fresh empty network is checked too.
 */
static inline void fz_reader(lev_format fmt, const uint8_t *data, size_t size) {
    for (int fresh = 0; fresh < 2; fresh++) {
        lev_network *net;
        if (fresh) FUZZ_CHECK(lev_network_new(&net) == LEV_OK, "new");
        else net = fz_fixture();
        double pr0 = 0;
        if (!fresh && (size & 1)) { /* half the time, the compact form is built before the read */
            double pr[4];
            FUZZ_CHECK(lev_pagerank(net, NULL, NULL, pr) == LEV_OK, "fixture pagerank");
            pr0 = pr[0];
        }
        char *before = fz_dump(net);
        char *wbefore = fz_write(net, LEV_FORMAT_EDGES_CSV);
        size_t na = lev_actor_count(net), ne = lev_edge_count(net), nr = lev_resource_count(net);
        lev_status rc = lev_read_buffer(net, fmt, (const char *)data, size, "fuzz", NULL);
        if (rc != LEV_OK) {
            FUZZ_CHECK(rc == LEV_EPARSE || rc == LEV_EINVAL || rc == LEV_EEXIST || rc == LEV_ENOTFOUND ||
                           rc == LEV_ELIMIT || (fz_graph_format(fmt) && rc == LEV_EUNSUPPORTED),
                       "unexpected status %s: %s", lev_status_name(rc), lev_errmsg(net));
            FUZZ_CHECK(lev_errcode(net) == rc, "errcode %d, returned %d", lev_errcode(net), rc);
            FUZZ_CHECK(strncmp(lev_errmsg(net), "fuzz:", 5) == 0, "message does not name the buffer: %s",
                       lev_errmsg(net));
            char *after = fz_dump(net);
            FUZZ_CHECK(strcmp(before, after) == 0, "failed read (%s) changed the network:\n--- before\n%s--- after\n%s",
                       lev_errmsg(net), before, after);
            char *wafter = fz_write(net, LEV_FORMAT_EDGES_CSV);
            FUZZ_CHECK(strcmp(wbefore, wafter) == 0, "failed read changed the edges written:\n%s---\n%s", wbefore,
                       wafter);
            free(wafter);
            free(after);
            if (!fresh && (size & 1)) {
                double pr[4];
                FUZZ_CHECK(lev_pagerank(net, NULL, NULL, pr) == LEV_OK, "pagerank after a failed read");
                FUZZ_CHECK(pr[0] == pr0, "pagerank changed after a failed read");
            }
        } else {
            FUZZ_CHECK(lev_actor_count(net) >= na && lev_edge_count(net) >= ne && lev_resource_count(net) >= nr,
                       "a successful read lost something");
            if (fmt == LEV_FORMAT_ACTORS_CSV || fmt == LEV_FORMAT_RESOURCES_CSV)
                FUZZ_CHECK(lev_edge_count(net) == ne, "edges from a non-edge file");
            if (fmt != LEV_FORMAT_RESOURCES_CSV && fmt != LEV_FORMAT_GRAPHML)
                FUZZ_CHECK(lev_resource_count(net) == nr, "resources appeared");
            if (fmt == LEV_FORMAT_RESOURCES_CSV) FUZZ_CHECK(lev_actor_count(net) == na, "actors appeared");
            fz_round_trip(net);
            if (fz_graph_format(fmt)) fz_graph_round_trip(net, fmt);
            fz_analyses(net);
        }
        free(before);
        free(wbefore);
        lev_network_free(net);
    }
}

#endif
