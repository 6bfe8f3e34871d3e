/*
 * The compact form (src/compact.c), which is also the model's storage of the edges: rows of `out`
 * sorted by target, rows of `in` by source, ties (parallel edges) in edge order, float strengths
 * (coded in a byte when at most 256 distinct ones occur); every record read back by number
 * exactly as added; the same arrays for any number of build threads; allocation failure changes
 * nothing. Links the static library and reads src/internal.h to see the arrays themselves.
 */
#include "helpers.h"
#include "internal.h"

#include <stdint.h>

#define N 20000  /* actors; those >= USED and a few gaps never get an edge (empty rows) */
#define USED 15000
#define M 600000 /* enough edges for three build threads (one per 256k edges at most) */

typedef struct arc {
    uint32_t row, col;
    size_t id;
    float w;
} arc;

static int by_row_col_id(const void *a, const void *b) {
    const arc *x = a, *y = b;
    if (x->row != y->row) return x->row < y->row ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static uint64_t rng(uint64_t *s) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* The records as the test added them (the model keeps no copy of its own to compare with). */
typedef struct recs {
    uint32_t *s, *t;
    double *w;
    unsigned char *c; /* channel "c" */
    size_t m;
} recs;

static void recs_free(recs *r) {
    free(r->s);
    free(r->t);
    free(r->w);
    free(r->c);
}

/* Random edges, skewed towards low ids (hubs), with self-loops, parallel edges and gaps; on a
 * network made with `alloc` (NULL: the default). Strengths: 65 distinct floats, so they are coded;
 * `plus` 1 adds strengths that are not floats, 2 makes them 4 096 distinct floats (not coded). */
static lev_network *random_network_with(failalloc *fa, int plus, recs *r) {
    lev_network *net = NULL;
    if (fa) cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, fa), LEV_OK);
    else cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, N, "a");
    if (r) {
        r->s = malloc(M * sizeof *r->s);
        r->t = malloc(M * sizeof *r->t);
        r->w = malloc(M * sizeof *r->w);
        r->c = malloc(M + 1);
        r->m = M;
        cr_assert(r->s && r->t && r->w && r->c);
    }
    uint64_t s = 42;
    for (size_t e = 0; e < M; e++) {
        uint32_t u = (uint32_t)(rng(&s) % USED), v = (uint32_t)(rng(&s) % USED);
        if (rng(&s) % 4 == 0) u %= 50; /* hubs */
        if (u % 997 == 13) u = 12;     /* gaps: rows 13, 1010, ... stay empty as sources */
        if (e % 1000 == 7) v = u;      /* self-loops */
        double w = 1 + (double)(rng(&s) % (plus == 2 ? 4096 : 64)) / 8;
        if (plus == 1 && e % 5 == 0) w += 0.1; /* not exactly a float */
        for (int twice = 0; twice < 2; twice++) {
            cr_assert_eq(lev_edge_add(net, u, v, w, e % 3 ? NULL : "c", NULL), LEV_OK);
            if (r) r->s[e] = u, r->t[e] = v, r->w[e] = w, r->c[e] = e % 3 == 0;
            if (!(e % 777 == 0 && e + 1 < M) || twice) break;
            e++; /* a parallel edge with another strength */
            w += 1;
        }
    }
    return net;
}

static lev_network *random_network(void) { return random_network_with(NULL, 0, NULL); }

/* Compact now, as the first analysis would. */
static lev_status compact(lev_network *net, int threads) {
    pthread_mutex_lock(&net->lock);
    lev_status rc = lev__compact(net, threads);
    pthread_mutex_unlock(&net->lock);
    return rc;
}

/* Compact on 3 threads with allocation number fail_at (from 0) of net's allocator fa failing. */
static lev_status compact_failing(failalloc *fa, lev_network *net, long fail_at) {
    fa->calls = 0;
    fa->fail_at = fail_at;
    fa->armed = 1;
    lev_status rc = compact(net, 3);
    fa->armed = 0;
    cr_assert_not(fa->bad_osize);
    return rc;
}

/* Check one direction against a sort of the records by (row, col, number). */
static void check_direction(const recs *r, const size_t *off, const uint32_t *adj, lev__wts w, int out) {
    size_t m = r->m;
    arc *a = malloc(m * sizeof *a);
    cr_assert(a);
    for (size_t e = 0; e < m; e++) {
        a[e].row = out ? r->s[e] : r->t[e];
        a[e].col = out ? r->t[e] : r->s[e];
        a[e].id = e;
        a[e].w = (float)r->w[e];
    }
    qsort(a, m, sizeof *a, by_row_col_id);
    cr_assert_eq(off[0], 0);
    cr_assert_eq(off[N], m);
    size_t k = 0;
    for (uint32_t row = 0; row < N; row++) {
        for (; k < m && a[k].row == row; k++) {
            cr_assert(k < off[row + 1], "%s row %u is too short", out ? "out" : "in", row);
            cr_assert_eq(adj[k], a[k].col, "%s row %u, entry %zu: %u, expected %u", out ? "out" : "in", row, k,
                         adj[k], a[k].col);
            cr_assert_eq(lev__wt(w, k), a[k].w, "%s row %u, entry %zu: strength %g, expected %g", out ? "out" : "in",
                         row, k, (double)lev__wt(w, k), (double)a[k].w);
        }
        cr_assert_eq(off[row + 1], k, "%s row %u ends at %zu, expected %zu", out ? "out" : "in", row, off[row + 1], k);
    }
    free(a);
}

/* g and o hold the same strengths in the same form (coded by the same palette, or floats). */
static void same_strengths(const lev__csr *g, const lev__csr *o) {
    size_t m = o->m;
    cr_assert_eq(g->m, m);
    cr_assert(!g->out_c == !o->out_c && !g->in_c == !o->in_c && !g->pal == !o->pal, "forms differ");
    cr_assert(!g->out_w == !o->out_w && !g->in_w == !o->in_w, "forms differ");
    if (g->out_c) cr_assert_eq(memcmp(g->out_c, o->out_c, m), 0, "out codes differ");
    if (g->out_w) cr_assert_eq(memcmp(g->out_w, o->out_w, m * sizeof(float)), 0, "out strengths differ");
    if (g->in_c) cr_assert_eq(memcmp(g->in_c, o->in_c, m), 0, "in codes differ");
    if (g->in_w) cr_assert_eq(memcmp(g->in_w, o->in_w, m * sizeof(float)), 0, "in strengths differ");
    if (g->pal) cr_assert_eq(memcmp(g->pal, o->pal, LEV__PAL * sizeof(float)), 0, "palettes differ");
}

/* Every record reads back by number exactly as added, channel included. */
static void check_records(const lev_network *net, const recs *r) {
    cr_assert_eq(lev_edge_count(net), r->m);
    for (size_t e = 0; e < r->m; e++) {
        uint32_t s, t;
        double w;
        const char *ch = (const char *)1;
        cr_assert_eq(lev_edge_get(net, e, &s, &t, &w, &ch), LEV_OK);
        cr_assert(s == r->s[e] && t == r->t[e] && w == r->w[e], "edge %zu: %u -> %u (%.17g), expected %u -> %u (%.17g)",
                  e, s, t, w, r->s[e], r->t[e], r->w[e]);
        cr_assert(r->c[e] ? ch && strcmp(ch, "c") == 0 : ch == NULL, "edge %zu: channel", e);
    }
}

/* Both directions of the compact form, and every record by number. */
static void check_compact(const lev_network *net, const recs *r) {
    const lev__csr *g = &net->csr;
    check_direction(r, g->out_off, g->out_adj, lev__wts_out(g), 1);
    check_direction(r, g->in_off, g->in_adj, lev__wts_in(g), 0);
    check_records(net, r);
}

/* The same records in bulk (lev_edges_get), in three uneven ranges, each output alone too. */
static void check_bulk(const lev_network *net, const recs *r) {
    size_t m = r->m, cut[4] = {0, m / 3, m / 3 + 1, m};
    uint32_t *s = malloc(m * sizeof *s), *t = malloc(m * sizeof *t), *c = malloc(m * sizeof *c);
    double *w = malloc(m * sizeof *w);
    cr_assert(s && t && c && w);
    for (int k = 0; k < 3; k++)
        cr_assert_eq(lev_edges_get(net, cut[k], cut[k + 1] - cut[k], s + cut[k], t + cut[k], w + cut[k], c + cut[k]),
                     LEV_OK);
    uint32_t chan_c = LEV_NONE;
    for (uint32_t i = 0; i < lev_channel_count(net); i++)
        if (strcmp(lev_channel_name(net, i), "c") == 0) chan_c = i;
    for (size_t e = 0; e < m; e++)
        cr_assert(s[e] == r->s[e] && t[e] == r->t[e] && w[e] == r->w[e] && c[e] == (r->c[e] ? chan_c : LEV_NONE),
                  "edge %zu in bulk: %u -> %u (%.17g, channel %u)", e, s[e], t[e], w[e], c[e]);
    memset(t, 0xff, m * sizeof *t);
    cr_assert_eq(lev_edges_get(net, 0, m, NULL, t, NULL, NULL), LEV_OK);
    cr_assert_eq(memcmp(t, r->t, m * sizeof *t), 0, "targets alone");
    cr_assert_eq(lev_edges_get(net, m, 0, NULL, NULL, NULL, NULL), LEV_OK, "nothing from the end");
    cr_assert_eq(lev_edges_get(net, m - 1, 2, s, NULL, NULL, NULL), LEV_EINVAL);
    cr_assert_eq(lev_edges_get(net, SIZE_MAX, 2, s, NULL, NULL, NULL), LEV_EINVAL, "first + count wraps");
    free(s);
    free(t);
    free(c);
    free(w);
}

Test(compact, rows_sorted_ties_in_edge_order) {
    for (int many = 0; many < 2; many++) { /* strengths coded, then floats */
        recs r;
        lev_network *net = random_network_with(NULL, many ? 2 : 0, &r);
        cr_assert_eq(net->m, M);
        check_records(net, &r); /* pending */
        cr_assert_eq(compact(net, 1), LEV_OK);
        const lev__csr *g = &net->csr;
        cr_assert_eq(g->n, N);
        cr_assert_eq(g->m, M);
        cr_assert_null(net->esrc, "the pending list is gone: one copy of the edges");
        cr_assert_not_null(net->order32, "random order: the record order is kept");
        cr_assert_eq(!g->out_w, !many, "out strengths coded: %d", !g->out_w);
        cr_assert_eq(!g->in_w, !many, "in strengths coded: %d", !g->in_w);
        check_compact(net, &r);
        recs_free(&r);
        lev_network_free(net);
    }
}

/* 256 distinct strengths are coded (10 bytes per edge), 257 are not (16), one alone needs no
 * code (8); either way every strength reads back to the bit, through the compact form and by
 * record. */
Test(compact, strengths_coded_up_to_256_values) {
    for (int k = 0; k <= 257; k = k ? k + 1 : 255) { /* k + 1 distinct values: 1, 256, 257, 258 */
        lev_network *net;
        cr_assert_eq(lev_network_new(&net), LEV_OK);
        test_add_actors(net, N, "v"); /* check_direction reads N rows */
        size_t m = 3000;
        uint32_t *s = malloc(m * sizeof *s), *t = malloc(m * sizeof *t);
        double *w = malloc(m * sizeof *w);
        cr_assert(s && t && w);
        for (size_t e = 0; e < m; e++) /* values 0.5, 1.5, ..., each k-th edge; 2^-20 a float too */
            s[e] = (uint32_t)(e % 300), t[e] = (uint32_t)((e * 7 + 3) % 300),
            w[e] = k ? (double)(e % (size_t)k) + 0.5 : 0x1p-20;
        w[m - 1] = 0x1p-20; /* one more distinct value: k + 1 in all */
        cr_assert_eq(lev_edges_add(net, m, s, t, w, NULL, NULL), LEV_OK);
        size_t pending = lev_network_bytes(net);
        cr_assert_eq(compact(net, 2), LEV_OK);
        const lev__csr *g = &net->csr;
        int coded = k + 1 <= LEV__PAL, one = k == 0;
        cr_assert_eq(!!g->out_c, coded && !one, "%d values: out coded %d", k + 1, !!g->out_c);
        cr_assert_eq(!!g->in_c, coded && !one, "%d values: in coded %d", k + 1, !!g->in_c);
        cr_assert_eq(!g->out_w && !g->in_w, coded, "%d values: floats gone", k + 1);
        cr_assert_eq(!!g->pal, coded);
        size_t tie = one ? 8 : coded ? 10 : 16, extra = coded ? LEV__PAL * sizeof(float) : 0;
        cr_assert_eq(lev_network_bytes(net), pending - m * 12 + m * tie + extra + 2 * ((size_t)N + 1) * sizeof(size_t) +
                                                 (net->order32 ? m * sizeof(uint32_t) : 0),
                     "%d values: %zu bytes", k + 1, lev_network_bytes(net));
        recs r = {s, t, w, calloc(m + 1, 1), m};
        check_compact(net, &r);
        recs_free(&r);
        lev_network_free(net);
    }
}

/* The measures that read strengths from the compact form give the same bits whether they are
 * coded or floats: the same network compacted twice, once with the coding's first allocation
 * failing (floats kept), once without (65 values: coded). */
typedef lev_status (*measure_fn)(const lev_network *, lev_params *, double *);
static lev_status pagerank_fn(const lev_network *net, lev_params *p, double *out) {
    return lev_pagerank(net, NULL, p, out);
}

Test(compact, measures_same_coded_or_floats) {
    failalloc fa = {0};
    lev_network *flt = random_network_with(&fa, 0, NULL), *cod = random_network();
    for (long fail_at = 0;; fail_at++) /* the first failure the compaction survives is the coding's */
        if (compact_failing(&fa, flt, fail_at) == LEV_OK) break;
    cr_assert(flt->csr.out_w && flt->csr.in_w && !flt->csr.pal, "floats kept");
    cr_assert_eq(compact(cod, 2), LEV_OK);
    cr_assert(cod->csr.out_c && cod->csr.in_c && !cod->csr.out_w, "coded");
    static const struct {
        const char *name;
        measure_fn f;
        int key;
        double value;
    } run[] = {
        {"pagerank", pagerank_fn, 0, 0},
        {"pagerank undirected", pagerank_fn, LEV_P_UNDIRECTED, 1},
        {"pagerank out", pagerank_fn, LEV_P_DIRECTION, LEV_DIR_OUT},
        {"strength", lev_strength, 0, 0},
        {"strength undirected", lev_strength, LEV_P_UNDIRECTED, 1},
        {"katz", lev_katz, LEV_P_ALPHA, 1e-5},
        {"eigenvector", lev_eigenvector, 0, 0},
        {"eigenvector out", lev_eigenvector, LEV_P_DIRECTION, LEV_DIR_OUT},
        {"constraint", lev_constraint, 0, 0},
        {"clustering", lev_clustering, 0, 0},
        {"coreness", lev_coreness, 0, 0},
    };
    double *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    cr_assert(a && b);
    for (size_t i = 0; i < sizeof run / sizeof run[0]; i++) {
        lev_params *p;
        cr_assert_eq(lev_params_new(&p), LEV_OK);
        if (run[i].key) cr_assert_eq(lev_params_set_double(p, run[i].key, run[i].value), LEV_OK, "%s", run[i].name);
        if (run[i].key == LEV_P_ALPHA) cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, 0), LEV_OK);
        cr_assert_eq(run[i].f(flt, p, a), LEV_OK, "%s: %s", run[i].name, lev_params_errmsg(p));
        cr_assert_eq(run[i].f(cod, p, b), LEV_OK, "%s: %s", run[i].name, lev_params_errmsg(p));
        cr_assert_eq(memcmp(a, b, N * sizeof *a), 0, "%s differs", run[i].name);
        lev_params_free(p);
    }
    free(a);
    free(b);
    lev_network_free(flt);
    lev_network_free(cod);
}

/* Coding is an optimization: when an allocation or a shrink of it fails, the compaction still
 * succeeds, with floats in one direction or both, and every strength reads the same; no block
 * leaks. Each failure point in turn, until both directions are coded. */
Test(compact, coded_strengths_fall_back_on_failure) {
    int floats = 0, mixed = 0;
    for (long fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        recs r;
        lev_network *net = random_network_with(&fa, 0, &r);
        lev_status rc = compact_failing(&fa, net, fail_at);
        const lev__csr *g = &net->csr;
        int done = rc == LEV_OK && g->out_c && g->in_c;
        if (rc == LEV_OK) {
            floats += !g->out_c && !g->in_c;
            mixed += !g->out_c != !g->in_c;
            cr_assert_eq(!!g->pal, g->out_c || g->in_c, "a palette exactly when something is coded");
            cr_assert_eq(lev_network_bytes(net), fa.live_bytes, "the network counts what it holds");
            check_compact(net, &r);
        } else {
            cr_assert_eq(rc, LEV_ENOMEM);
        }
        recs_free(&r);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0, "allocation %ld failed: blocks leaked", fail_at);
        if (done) break;
    }
    cr_assert_gt(floats, 0, "a failure left floats in both directions");
    cr_assert_gt(mixed, 0, "a failed shrink left one direction coded, one in floats");
}

/* Exact double strengths survive compaction beside the float ones the analyses read. */
Test(compact, double_strengths_kept_exactly) {
    recs r;
    lev_network *net = random_network_with(NULL, 1, &r);
    cr_assert_eq(compact(net, 2), LEV_OK);
    cr_assert_not_null(net->out_x);
    check_compact(net, &r);
    recs_free(&r);
    lev_network_free(net);
}

/* Edges added after a compaction wait, read back by number, and join at the next one. */
Test(compact, additions_after_compaction) {
    recs r;
    lev_network *net = random_network_with(NULL, 0, &r);
    cr_assert_eq(compact(net, 2), LEV_OK);
    size_t extra = 1000, m = r.m + extra;
    r.s = realloc(r.s, m * sizeof *r.s);
    r.t = realloc(r.t, m * sizeof *r.t);
    r.w = realloc(r.w, m * sizeof *r.w);
    r.c = realloc(r.c, m);
    uint64_t s = 7;
    for (size_t e = r.m; e < m; e++) {
        r.s[e] = (uint32_t)(rng(&s) % N);
        r.t[e] = (uint32_t)(rng(&s) % N);
        r.w[e] = e % 2 ? 0.3 : 2; /* some not a float */
        r.c[e] = 0;
        cr_assert_eq(lev_edge_add(net, r.s[e], r.t[e], r.w[e], NULL, NULL), LEV_OK);
    }
    r.m = m;
    /* a failed addition changes nothing, after a compaction too */
    cr_assert_eq(lev_edge_add(net, 0, N + 5, 1, NULL, NULL), LEV_EINVAL);
    cr_assert_eq(lev_actor_add(net, "late", NULL, NULL), LEV_OK); /* a new, empty row */
    for (size_t e = 0; e < m; e++) { /* the old ones through the index, the new ones pending */
        uint32_t a, b;
        double w;
        cr_assert_eq(lev_edge_get(net, e, &a, &b, &w, NULL), LEV_OK);
        cr_assert(a == r.s[e] && b == r.t[e] && w == r.w[e], "edge %zu", e);
    }
    cr_assert_eq(compact(net, 2), LEV_OK);
    cr_assert_eq(net->csr.n, N + 1);
    cr_assert_eq(net->csr.out_off[N + 1], m);
    /* the check works on the first N rows; the last is empty */
    cr_assert_eq(net->csr.out_off[N], m);
    check_records(net, &r);
    recs_free(&r);
    lev_network_free(net);
}

/* Edges added in compact order need no record order; a network's bytes are what it holds. */
Test(compact, sorted_input_keeps_no_order_and_bytes_add_up) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    size_t before = lev_network_bytes(net);
    cr_assert_gt(before, 0);
    enum { K = 1000, D = 16 };
    test_add_actors(net, K, "");
    uint32_t *s = malloc(K * D * sizeof *s), *t = malloc(K * D * sizeof *t);
    for (size_t e = 0; e < (size_t)K * D; e++) s[e] = (uint32_t)(e / D), t[e] = (uint32_t)((e % D) * 7 + e / D) % K;
    for (size_t e = 0; e < (size_t)K * D; e++) /* each row sorted by target */
        for (size_t j = e; j > (e / D) * D && t[j - 1] > t[j]; j--) {
            uint32_t x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
    cr_assert_eq(lev_edges_add(net, K * D, s, t, NULL, NULL, NULL), LEV_OK);
    size_t pending = lev_network_bytes(net);
    cr_assert_geq(pending - before, (size_t)K * D * 12, "12 bytes per pending edge");
    cr_assert_eq(compact(net, 2), LEV_OK);
    cr_assert_null(net->order32);
    cr_assert_null(net->order64);
    size_t after = lev_network_bytes(net), names = pending - (size_t)K * D * 12;
    /* every strength 1: neither floats nor codes, so 8 bytes per edge, the palette and 16 per
     * actor of offsets, beside the names and the handle */
    cr_assert(!net->csr.out_c && !net->csr.in_c && !net->csr.out_w && !net->csr.in_w);
    cr_assert_not_null(net->csr.pal);
    cr_assert_eq(net->csr.pal[0], 1.0f);
    cr_assert_eq(after, names + (size_t)K * D * 8 + LEV__PAL * sizeof(float) + 2 * ((size_t)K + 1) * sizeof(size_t),
                 "%zu bytes", after);
    for (size_t k = 0; k < (size_t)K * D; k += 101) cr_assert_eq(lev__ow(&net->csr, k), 1.0f);
    for (size_t e = 0; e < (size_t)K * D; e += 97) {
        uint32_t a, b;
        cr_assert_eq(lev_edge_get(net, e, &a, &b, NULL, NULL), LEV_OK);
        cr_assert(a == s[e] && b == t[e]);
    }
    cr_assert_eq(lev_network_bytes(net), after, "no index needed for edges added in order");
    free(s);
    free(t);
    lev_network_free(net);
}

Test(compact, same_for_any_thread_count) {
    lev_network *one = random_network();
    cr_assert_eq(compact(one, 1), LEV_OK);
    const lev__csr *o = &one->csr;
    for (int T = 2; T <= 4; T++) {
        lev_network *net = random_network();
        cr_assert_eq(compact(net, T), LEV_OK);
        const lev__csr *g = &net->csr;
        size_t n1 = (size_t)N + 1;
        cr_assert_eq(memcmp(g->out_off, o->out_off, n1 * sizeof(size_t)), 0, "out offsets differ, %d threads", T);
        cr_assert_eq(memcmp(g->in_off, o->in_off, n1 * sizeof(size_t)), 0, "in offsets differ, %d threads", T);
        cr_assert_eq(memcmp(g->out_adj, o->out_adj, M * sizeof(uint32_t)), 0, "out rows differ, %d threads", T);
        cr_assert_eq(memcmp(g->in_adj, o->in_adj, M * sizeof(uint32_t)), 0, "in rows differ, %d threads", T);
        same_strengths(g, o);
        cr_assert_eq(memcmp(net->order32, one->order32, M * sizeof(uint32_t)), 0, "orders differ, %d threads", T);
        lev_network_free(net);
    }
    lev_network_free(one);
}

/* Compact net (on `threads` threads), then add record M: 1 -> 2, strength 0.25, channel "c", to
 * the network and to r, so that the next call has compacted and pending records both. */
static void compact_then_add_one(lev_network *net, int threads, recs *r) {
    cr_assert_eq(compact(net, threads), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 0.25, "c", NULL), LEV_OK);
    r->s = realloc(r->s, (M + 1) * sizeof *r->s);
    r->t = realloc(r->t, (M + 1) * sizeof *r->t);
    r->w = realloc(r->w, (M + 1) * sizeof *r->w);
    r->s[M] = 1, r->t[M] = 2, r->w[M] = 0.25, r->c[M] = 1;
    r->m = M + 1;
}

/* Every allocation of a threaded compaction may fail: it reports LEV_ENOMEM, frees what it took
 * and leaves every record readable as it was; the first and a later compaction alike. */
Test(compact, allocation_failure_changes_nothing) {
    for (int later = 0; later < 2; later++) {
        failalloc fa = {0};
        recs r;
        lev_network *net = random_network_with(&fa, later, &r);
        if (later) compact_then_add_one(net, 3, &r); /* the merge path */
        for (long fail_at = 0;; fail_at++) {
            long blocks = fa.live_blocks;
            size_t bytes = fa.live_bytes;
            lev_status rc = compact_failing(&fa, net, fail_at);
            if (rc == LEV_OK) {
                cr_assert_gt(fail_at, 3, "the compaction makes at least 4 allocations");
                break;
            }
            cr_assert_eq(rc, LEV_ENOMEM);
            if (later) { /* may have gone back to the pending list on the way: read it all */
                check_records(net, &r);
                continue;
            }
            cr_assert_eq(fa.live_blocks, blocks, "allocation %ld failed: %ld blocks leaked", fail_at,
                         fa.live_blocks - blocks);
            /* only spare capacity of the pending list may have been trimmed */
            cr_assert_leq(fa.live_bytes, bytes, "allocation %ld failed: bytes grew", fail_at);
        }
        /* the index from edge number to place is built at the first lev_edge_get: it may fail too */
        fa.calls = 0;
        fa.fail_at = 0;
        fa.armed = 1;
        uint32_t a = 77;
        cr_assert_eq(lev_edge_get(net, 5, &a, NULL, NULL, NULL), LEV_ENOMEM);
        fa.armed = 0;
        cr_assert_eq(a, 77, "written on failure");
        cr_assert_str_eq(lev_errmsg(net), later ? "lev_edge_get: out of memory for the index of 600001 edges"
                                                : "lev_edge_get: out of memory for the index of 600000 edges");
        fa.calls = 0;
        fa.fail_at = 0;
        fa.armed = 1;
        cr_assert_eq(lev_edges_get(net, 5, 1, &a, NULL, NULL, NULL), LEV_ENOMEM);
        fa.armed = 0;
        cr_assert_eq(a, 77, "written on failure");
        cr_assert(strstr(lev_errmsg(net), "lev_edges_get: out of memory for the index of"), "%s", lev_errmsg(net));
        if (!later) check_compact(net, &r);
        else check_records(net, &r);
        recs_free(&r);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0);
    }
}

/* ---- lev_edges_sort: numbers by source, then target ---------------------------------------------- */

/* r renumbered as lev_edges_sort promises: by source, then target, ties in their old order. */
static void recs_sorted(const recs *r, recs *q) {
    size_t m = r->m;
    arc *a = malloc(m * sizeof *a);
    q->s = malloc(m * sizeof *q->s);
    q->t = malloc(m * sizeof *q->t);
    q->w = malloc(m * sizeof *q->w);
    q->c = malloc(m + 1);
    q->m = m;
    cr_assert(a && q->s && q->t && q->w && q->c);
    for (size_t e = 0; e < m; e++) a[e].row = r->s[e], a[e].col = r->t[e], a[e].id = e;
    qsort(a, m, sizeof *a, by_row_col_id);
    for (size_t k = 0; k < m; k++) {
        size_t e = a[k].id;
        q->s[k] = r->s[e], q->t[k] = r->t[e], q->w[k] = r->w[e], q->c[k] = r->c[e];
    }
    free(a);
}

/* Sorted before the first compaction (in place), after it (the order dropped), and with edges
 * added since (compacted again first): the numbers follow the sort, the compact form is the
 * same bits as without sorting, and no order or index is left. Strengths floats or not. */
Test(compact, edges_sort_numbers_by_source_then_target) {
    for (int when = 0; when < 3; when++)
        for (int plus = 0; plus < 2; plus++) {
            recs r, q;
            lev_network *net = random_network_with(NULL, plus, &r), *ref = random_network_with(NULL, plus, NULL);
            if (when) {
                cr_assert_eq(compact(net, 2), LEV_OK);
                cr_assert_not_null(net->order32, "the random edges need an order");
                cr_assert_eq(lev_edge_get(net, 3, NULL, NULL, NULL, NULL), LEV_OK); /* builds the index */
            }
            if (when == 2) {
                cr_assert_eq(lev_edge_add(net, 1, 2, 0.25, "c", NULL), LEV_OK);
                cr_assert_eq(lev_edge_add(ref, 1, 2, 0.25, "c", NULL), LEV_OK);
            }
            size_t m = lev_edge_count(net);
            recs r2 = r;
            if (when == 2) { /* the records with the new edge last */
                r2.s = malloc(m * sizeof *r2.s), r2.t = malloc(m * sizeof *r2.t), r2.w = malloc(m * sizeof *r2.w);
                r2.c = malloc(m + 1);
                cr_assert(r2.s && r2.t && r2.w && r2.c);
                for (size_t e = 0; e < m; e++)
                    cr_assert_eq(lev_edge_get(ref, e, r2.s + e, r2.t + e, r2.w + e, NULL), LEV_OK);
                memcpy(r2.c, r.c, m - 1);
                r2.c[m - 1] = 1;
                r2.m = m;
            }
            recs_sorted(&r2, &q);
            cr_assert_eq(lev_edges_sort(net, NULL), LEV_OK);
            cr_assert_eq(lev_edge_count(net), m);
            cr_assert_eq(net->csr.m, m, "compacted");
            check_records(net, &q);
            check_bulk(net, &q);
            cr_assert_eq(compact(net, 3), LEV_OK);
            cr_assert_eq(compact(ref, 3), LEV_OK);
            cr_assert(!net->order32 && !net->order64 && !net->rpos32 && !net->rpos64, "an order is left");
            const lev__csr *g = &net->csr, *o = &ref->csr;
            size_t n1 = (size_t)N + 1;
            cr_assert_eq(memcmp(g->out_off, o->out_off, n1 * sizeof(size_t)), 0);
            cr_assert_eq(memcmp(g->in_off, o->in_off, n1 * sizeof(size_t)), 0);
            cr_assert_eq(memcmp(g->out_adj, o->out_adj, m * sizeof(uint32_t)), 0);
            cr_assert_eq(memcmp(g->in_adj, o->in_adj, m * sizeof(uint32_t)), 0);
            same_strengths(g, o);
            cr_assert_eq(!!net->out_x, plus);
            if (plus) cr_assert_eq(memcmp(net->out_x, ref->out_x, m * sizeof(double)), 0);
            cr_assert_eq(memcmp(net->out_chan, ref->out_chan, m * sizeof(uint32_t)), 0);
            check_records(net, &q);
            /* the same bytes as the reference less its order */
            cr_assert_eq(lev_network_bytes(net) + m * sizeof(uint32_t), lev_network_bytes(ref), "%zu against %zu",
                         lev_network_bytes(net), lev_network_bytes(ref));
            cr_assert_eq(lev_edges_sort(net, NULL), LEV_OK); /* in order already: nothing to do */
            check_records(net, &q);
            check_bulk(net, &q);
            check_bulk(ref, &r2); /* by the order of addition, through the index */
            if (r2.s != r.s) recs_free(&r2);
            recs_free(&r);
            recs_free(&q);
            lev_network_free(net);
            lev_network_free(ref);
        }
}

/* The point of renumbering: compacting while keeping the numbers of added order peaks at the
 * records' 12 bytes per edge + 8 (order, strengths), lev_edges_sort at 12 + 4 (plus cursors and
 * row buffers), and keeps 4 bytes per edge less. Measured with a counting allocator, on edges
 * added in one call (a list without spare room). */
Test(compact, edges_sort_peaks_at_16_bytes_per_edge) {
    size_t peak[2] = {0}, held[2] = {0};
    uint32_t *s = malloc(M * sizeof *s), *t = malloc(M * sizeof *t);
    double *w = malloc(M * sizeof *w);
    cr_assert(s && t && w);
    uint64_t z = 7;
    size_t deg[USED] = {0}, dmax = 0;
    for (size_t e = 0; e < M; e++) {
        s[e] = (uint32_t)(rng(&z) % USED), t[e] = (uint32_t)(rng(&z) % USED), w[e] = 1 + (double)(rng(&z) % 64);
        if (e % 4 == 0) s[e] %= 50; /* hubs */
        if (++deg[s[e]] > dmax) dmax = deg[s[e]];
    }
    size_t extra = 5 * ((size_t)N + 1) * sizeof(size_t) + 3 * dmax * 12; /* cursors, offsets, row buffers */
    for (int sorted = 0; sorted < 2; sorted++) {
        failalloc fa = {0};
        lev_network *net;
        cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
        test_add_actors(net, N, "a");
        cr_assert_eq(lev_edges_add(net, M, s, t, w, NULL, NULL), LEV_OK);
        cr_assert(net->scap == M && net->tcap == M && net->wcap == M, "no spare room");
        size_t base = fa.peak_bytes = fa.live_bytes;
        if (sorted) {
            lev_params *p;
            cr_assert_eq(lev_params_new(&p), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, 3), LEV_OK);
            cr_assert_eq(lev_edges_sort(net, p), LEV_OK);
            lev_params_free(p);
        } else {
            cr_assert_eq(compact(net, 3), LEV_OK);
        }
        peak[sorted] = fa.peak_bytes - base;
        held[sorted] = fa.live_bytes;
        cr_log_info("%s: %.2f bytes per edge above the pending list at the peak", sorted ? "lev_edges_sort" : "compaction",
                    (double)peak[sorted] / M);
        if (sorted) cr_assert_leq(peak[1], (size_t)M * 4 + extra, "sorted: %zu bytes above the list's", peak[1]);
        else cr_assert_geq(peak[0], (size_t)M * 8, "kept: %zu bytes above the list's", peak[0]);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0);
    }
    cr_assert_eq(held[0], held[1] + M * sizeof(uint32_t), "the order's 4 bytes per edge are all the difference");
    free(s);
    free(t);
    free(w);
}

/* Every allocation of lev_edges_sort may fail, pending or compacted: LEV_ENOMEM, the records as
 * they were, nothing leaked; then it succeeds. */
Test(compact, edges_sort_allocation_failure_changes_nothing) {
    for (int when = 0; when < 2; when++) {
        failalloc fa = {0};
        recs r;
        lev_network *net = random_network_with(&fa, when, &r);
        if (when) compact_then_add_one(net, 2, &r); /* sorting compacts again first */
        long fail_at = 0;
        for (;; fail_at++) {
            fa.calls = 0;
            fa.fail_at = fail_at;
            fa.armed = 1;
            lev_status rc = lev_edges_sort(net, NULL);
            fa.armed = 0;
            cr_assert_not(fa.bad_osize);
            if (rc == LEV_OK) break;
            cr_assert_eq(rc, LEV_ENOMEM);
            cr_assert_eq(lev_errcode(net), LEV_ENOMEM);
            check_records(net, &r);
        }
        cr_assert_gt(fail_at, 2, "the sort makes at least 3 allocations");
        recs q;
        recs_sorted(&r, &q);
        check_records(net, &q);
        recs_free(&q);
        recs_free(&r);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0);
    }
}

/* ---- the shared folded view (lev__fold_row, lev__view_build) ----------------------------------- */

/* A → B twice (1, 2.5), B → A (4), A → A (3), A → C (0.5), C → C (1), B → C (2):
 * folded rows of A, by rows read and fold. */
Test(compact, fold_row_hand_worked) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert_eq(lev_actor_add(net, (const char *[]){"A", "B", "C"}[i], NULL, NULL), LEV_OK);
    const uint32_t s[] = {0, 0, 1, 0, 0, 2, 1}, t[] = {1, 1, 0, 0, 2, 2, 2};
    const double w[] = {1, 2.5, 4, 3, 0.5, 1, 2};
    cr_assert_eq(lev_edges_add(net, 7, s, t, w, NULL, NULL), LEV_OK);
    cr_assert_eq(compact(net, 1), LEV_OK);
    const lev__csr g = net->csr;
    uint32_t adj[4];
    double x[4], loops = -1;
    /* out rows, summed: B 1 + 2.5, C 0.5; the loop 3 apart */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_OUT, LEV__FOLD_SUM, adj, x, &loops), 2);
    cr_assert(adj[0] == 1 && x[0] == 3.5 && adj[1] == 2 && x[1] == 0.5 && loops == 3);
    /* both rows, summed: B 1 + 2.5 + 4 (out entries first), C 0.5; the loop in both rows: 6 */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_BOTH, LEV__FOLD_SUM, adj, x, &loops), 2);
    cr_assert(adj[0] == 1 && x[0] == 7.5 && adj[1] == 2 && x[1] == 0.5 && loops == 6);
    /* both rows, counted: B 3 edges, C 1; loop 2 */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_BOTH, LEV__FOLD_COUNT, adj, x, &loops), 2);
    cr_assert(x[0] == 3 && x[1] == 1 && loops == 2);
    /* in rows, strongest: B 4 (A has no other in-neighbour but itself) */
    cr_assert_eq(lev__fold_row(&g, 0, LEV__VIEW_IN, LEV__FOLD_MAX, adj, x, NULL), 1);
    cr_assert(adj[0] == 1 && x[0] == 4);
    /* C: in-neighbours A and B; only counting */
    cr_assert_eq(lev__fold_row(&g, 2, LEV__VIEW_IN, LEV__FOLD_MAX, NULL, NULL, NULL), 2);
    lev_network_free(net);
}

Test(compact, view_is_its_rows_for_any_thread_count) {
    lev_network *net = random_network();
    lev__view ref = {0};
    for (int T = 1; T <= 3; T += 2) {
        lev_params *p;
        cr_assert_eq(lev_params_new(&p), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, T), LEV_OK);
        lev__ctx c;
        double dummy;
        cr_assert_eq(lev__ctx_begin(&c, net, p, "test", &dummy), LEV_OK);
        lev__view vw;
        cr_assert_eq(lev__view_build(&c, LEV__VIEW_BOTH, LEV__FOLD_SUM, 1, &vw), LEV_OK);
        cr_assert_eq(vw.n, c.g->n);
        uint32_t *adj = malloc((size_t)c.g->n * sizeof *adj);
        double *x = malloc((size_t)c.g->n * sizeof *x);
        for (uint32_t v = 0; v < vw.n; v++) {
            size_t d = lev__fold_row(c.g, v, LEV__VIEW_BOTH, LEV__FOLD_SUM, adj, x, NULL);
            cr_assert_eq(vw.off[v + 1] - vw.off[v], d);
            for (size_t k = 0; k < d; k++) {
                cr_assert_eq(vw.adj[vw.off[v] + k], adj[k]);
                cr_assert(memcmp(&vw.w[vw.off[v] + k], &x[k], sizeof x[k]) == 0);
                if (k) cr_assert_lt(adj[k - 1], adj[k]);
                cr_assert_neq(adj[k], v);
            }
        }
        free(adj);
        free(x);
        if (T == 1) {
            ref = vw;
        } else {
            cr_assert_eq(vw.m, ref.m);
            cr_assert(memcmp(vw.off, ref.off, ((size_t)vw.n + 1) * sizeof *vw.off) == 0);
            cr_assert(memcmp(vw.adj, ref.adj, vw.m * sizeof *vw.adj) == 0);
            cr_assert(memcmp(vw.w, ref.w, vw.m * sizeof *vw.w) == 0);
            lev__view_free(&c, &vw);
            lev__view_free(&c, &ref);
        }
        lev_params_free(p);
    }
    lev_network_free(net);
}

/* Self-loops and repeats, by number: a repeat has an earlier edge with the same source, target and
 * channel. Hand-worked. */
Test(compact, edge_repeats_hand_worked) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    size_t n[4] = {9, 9, 9, 9};
    cr_assert_eq(lev_edge_repeats(net, NULL, n, n + 1, n + 2, n + 3), LEV_OK); /* empty */
    cr_assert(n[0] == 0 && n[1] == SIZE_MAX && n[2] == 0 && n[3] == SIZE_MAX);
    /* 0 B->C, 1 A->B kin, 2 A->B, 3 C->C, 4 A->B kin (repeats 1), 5 B->C (repeats 0), 6 A->B money,
     * 7 C->C (loop, repeats 3), 8 A->A */
    static const char *const e[][3] = {{"B", "C", NULL}, {"A", "B", "kin"}, {"A", "B", NULL}, {"C", "C", NULL},
                                       {"A", "B", "kin"}, {"B", "C", NULL}, {"A", "B", "money"}, {"C", "C", NULL},
                                       {"A", "A", NULL}};
    for (int i = 0; i < 9; i++) cr_assert_eq(lev_edge_add_by_name(net, e[i][0], e[i][1], 1, e[i][2], NULL), LEV_OK);
    cr_assert_eq(lev_edge_repeats(net, NULL, n, n + 1, n + 2, n + 3), LEV_OK);
    cr_assert(n[0] == 3 && n[1] == 3, "loops %zu, first %zu", n[0], n[1]);
    cr_assert(n[2] == 3 && n[3] == 4, "repeats %zu, first %zu", n[2], n[3]);
    cr_assert_eq(lev_edge_repeats(net, NULL, NULL, NULL, NULL, NULL), LEV_OK);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_edge_repeats(NULL, p, n, NULL, NULL, NULL), LEV_EMISUSE);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- lev_read_file reads an edges CSV in blocks (src/csv.c, edges_stream) ------------------------ */

/* The same network, status and message as lev_read_buffer of the whole text, for blocks of any
 * size: records cut by a block end, quoted line ends, CRLF, a BOM, errors on any line. */
Test(compact, edges_file_in_blocks_reads_as_the_whole_text) {
    static const char *const texts[] = {
        "source,target,weight\nA,B,1\nB,C,2.5\nC,A,0.25\n",
        "\xEF\xBB\xBFsource,target,weight,channel\r\nA,B,1,kin\r\n\r\nB,\"C\nD\",2,\"mo\"\"ney\"\r\nA,A,3,\r\n",
        "from,to,strength\n\"a, b\",c,1\n  c , d ,2\nd,\"a, b\",3", /* no line end at the end */
        "source,target,weight\nA,B,1\nB,C,zero\nC,D,1\n",           /* a bad number on line 3 */
        "source,target,weight\nA,B,1\nB,\"C,2\nD,E,1\n",             /* a quote never closed */
        "source,target,weight\nA,B,1\nB,C\n",                         /* too few fields */
        "source,target,weight\nA,B\"x,1\n",                           /* a quote inside a field */
        "target,weight\nA,1\n",                                       /* no source column */
        "",                                                           /* no header */
        "source,target,weight\n" /* many rows: blocks cut them everywhere */
        "a1,a2,1\na2,a3,2\na3,a4,3\na4,a5,4\na5,a6,5\na6,a7,6\na7,a8,7\na8,a9,8\na9,a1,9\n"
        "b1,\"b\n2\",1\n\"b\n2\",b3,2\nb3,b1,3\n",
    };
    char *dir = test_tmpdir("stream");
    char path[512];
    snprintf(path, sizeof path, "%s/e.csv", dir);
    size_t saved = lev__stream_block;
    static const size_t blocks[] = {1, 2, 3, 5, 8, 13, 64, 4096};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        FILE *f = fopen(path, "wb");
        cr_assert(f);
        fwrite(texts[i], 1, strlen(texts[i]), f);
        fclose(f);
        lev_network *ref;
        cr_assert_eq(lev_network_new(&ref), LEV_OK);
        lev_status rref = lev_read_buffer(ref, LEV_FORMAT_EDGES_CSV, texts[i], strlen(texts[i]), path, NULL);
        char *want = dump_network(ref);
        for (size_t b = 0; b < sizeof blocks / sizeof *blocks; b++) {
            lev__stream_block = blocks[b];
            lev_network *net;
            cr_assert_eq(lev_network_new(&net), LEV_OK);
            lev_status rc = lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL);
            cr_assert_eq(rc, rref, "text %zu, blocks of %zu: %s, expected %s", i, blocks[b], lev_status_name(rc),
                         lev_status_name(rref));
            cr_assert_str_eq(lev_errmsg(net), lev_errmsg(ref), "text %zu, blocks of %zu", i, blocks[b]);
            char *got = dump_network(net);
            cr_assert_str_eq(got, want, "text %zu, blocks of %zu", i, blocks[b]);
            free(got);
            lev_network_free(net);
        }
        free(want);
        lev_network_free(ref);
    }
    lev__stream_block = saved;
    test_rmdir(dir);
}

/* ---- the names (src/memory.c's table) and the group array -------------------------------------- */

/* An entry is one pointer; a reader gives back the room doubling left; long names are found by
 * their bytes, not a prefix or an extension of them; the group array exists only once some actor
 * has a group, and a failed call that made it takes it back. */
Test(names, hold_what_they_use) {
    enum { K = 1025 }; /* one past a power of two: doubling would leave 1023 entries unused */
    cr_assert_eq(sizeof(lev__strent), sizeof(char *));
    failalloc fa = {0};
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
    char *buf = malloc((size_t)K * 40 + 16), name[48];
    size_t len = (size_t)sprintf(buf, "name\n");
    for (unsigned k = 0; k < K; k++) len += (size_t)sprintf(buf + len, k % 2 ? "a%u\n" : "a-long-name-%u\n", k);
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_ACTORS_CSV, buf, len, "t.csv", NULL), LEV_OK);
    cr_assert_eq(net->actors.count, K);
    cr_assert_eq(net->actors.cap, K, "the reader gives back what doubling left (cap %u)", (unsigned)net->actors.cap);
    cr_assert_null(net->actor_group, "no group array while no actor has a group");
    for (unsigned k = 0; k < K; k++) {
        uint32_t i = LEV_NONE;
        snprintf(name, sizeof name, k % 2 ? "a%u" : "a-long-name-%u", k);
        cr_assert_eq(lev_actor_find(net, name, &i), LEV_OK, "%s", name);
        cr_assert_eq(i, k);
        cr_assert_null(lev_actor_group(net, k));
    }
    uint32_t i;
    cr_assert_neq(lev_actor_find(net, "a-long-name-", &i), LEV_OK, "a prefix of a long name is not it");
    cr_assert_neq(lev_actor_find(net, "a-long-name-00", &i), LEV_OK, "nor is an extension");
    cr_assert_neq(lev_actor_find(net, "a-long-name-1000x", &i), LEV_OK);
    /* A read that gives the first group and then fails takes the array back, and the label (the
     * tables keep the room they grew by, as after any failed call). */
    static const char bad[] = "name,group\na-long-name-0,red\nnew,blue\nx,\xff\n";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_ACTORS_CSV, bad, sizeof bad - 1, "t.csv", NULL), LEV_EINVAL);
    cr_assert_null(net->actor_group);
    cr_assert_eq(lev_group_count(net), 0);
    cr_assert_eq(lev_actor_count(net), K);
    /* The first group given, through each way of giving one. */
    cr_assert_eq(lev_actor_set_group(net, 5, "red"), LEV_OK);
    cr_assert_not_null(net->actor_group);
    cr_assert_str_eq(lev_actor_group(net, 5), "red");
    cr_assert_null(lev_actor_group(net, 4));
    cr_assert_null(lev_actor_group(net, K - 1));
    cr_assert_eq(lev_actor_add(net, "later", NULL, &i), LEV_OK);
    cr_assert_null(lev_actor_group(net, i));
    cr_assert_eq(lev_actor_add(net, "blue one", "blue", &i), LEV_OK);
    cr_assert_str_eq(lev_actor_group(net, i), "blue");
    lev_network *two;
    cr_assert_eq(lev_network_new(&two), LEV_OK);
    cr_assert_eq(lev_actor_add(two, "a", NULL, NULL), LEV_OK);
    cr_assert_null(two->actor_group);
    cr_assert_eq(lev_actor_add(two, "b", "g", NULL), LEV_OK);
    cr_assert_null(lev_actor_group(two, 0));
    cr_assert_str_eq(lev_actor_group(two, 1), "g");
    uint32_t groups[2];
    cr_assert_eq(lev_actor_groups(two, groups), LEV_OK);
    cr_assert(groups[0] == LEV_NONE && groups[1] == 0);
    lev_network_free(two);
    /* Setting the first group fails cleanly when memory runs out. */
    lev_network *three;
    failalloc fb = {0};
    cr_assert_eq(lev_network_new_with_alloc(&three, fail_alloc_fn, &fb), LEV_OK);
    cr_assert_eq(lev_actor_add(three, "a", NULL, NULL), LEV_OK);
    for (long at = 0;; at++) {
        fb.calls = 0, fb.fail_at = at, fb.armed = 1;
        lev_status rc = lev_actor_set_group(three, 0, "g");
        fb.armed = 0;
        if (rc == LEV_OK) break;
        cr_assert_eq(rc, LEV_ENOMEM);
        cr_assert_null(three->actor_group);
        cr_assert_eq(lev_group_count(three), 0);
    }
    cr_assert_gt(fb.fail_at, 1, "the label and the array are two allocations at least");
    cr_assert_str_eq(lev_actor_group(three, 0), "g");
    lev_network_free(three);
    free(buf);
    lev_network_free(net);
    cr_assert_eq(fa.live_blocks, 0);
}
