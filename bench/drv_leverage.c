/*
 * bench/drv_leverage.c — the libleverage driver of the benchmark harness (see common.h for
 * the protocol). Built by bench/run against the library in the bench build directory.
 *
 * To add an algorithm: write one `static int a_NAME(bench_ctx *c, bench_out *o)` that fills
 * o->scores (by vertex id) and add a row to ALGOS at the bottom; then add the row to the
 * ALGOS table of bench/run.
 */
#include "common.h"

#include <leverage.h>

typedef struct lev_aux {
    lev_network *text; /* the network read from the CSV file */
} lev_aux;

static lev_params *params(const bench_ctx *c) {
    lev_params *p = NULL;
    if (lev_params_new(&p)) return NULL;
    if (c->threads > 0) lev_params_set_int(p, LEV_P_THREADS, c->threads);
    return p;
}

static double *scores(bench_out *o, size_t n) {
    o->scores = calloc(n ? n : 1, sizeof(double));
    o->nscores = n;
    return o->scores;
}

/* ---- loading ---------------------------------------------------------------------------------- */

static void prep_load_bin(bench_ctx *c) {
    lev_network_free(c->g);
    c->g = NULL;
}

/* Read the binary file, add actors "0".."n-1", then every edge in one lev_edges_add call, then build the
 * compact form (the first analysis does; lev_degree is the cheapest one): the time until the
 * network is ready for analysis. The split is reported in extra. */
static int a_load_bin(bench_ctx *c, bench_out *o) {
    uint64_t rss0;
    double t0, t1;
    bench_edges e;
    if (bench_load_begin(c, o, &e, &rss0, &t0, &t1)) return -1;
    lev_network *net = NULL;
    if (lev_network_new(&net)) return bench_fail(o, "lev_network_new failed"), -1;
    char name[24];
    for (uint64_t v = 0; v < e.n; v++) {
        snprintf(name, sizeof name, "%llu", (unsigned long long)v);
        if (lev_actor_add(net, name, NULL, NULL)) {
            bench_fail(o, "lev_actor_add: %s", lev_errmsg(net));
            lev_network_free(net);
            bench_free_edges(&e);
            return -1;
        }
    }
    double t2 = bench_now();
    size_t held_names = lev_network_bytes(net); /* the handle and the actors' names */
    /* One bulk call; the file's float32 strengths are widened to the doubles the API takes. */
    double *w = malloc((e.m ? e.m : 1) * sizeof *w);
    if (!w) {
        bench_fail(o, "out of memory");
        lev_network_free(net);
        bench_free_edges(&e);
        return -1;
    }
    for (uint64_t k = 0; k < e.m; k++) w[k] = (double)e.w[k];
    if (lev_edges_add(net, (size_t)e.m, e.src, e.dst, w, NULL, NULL)) {
        bench_fail(o, "lev_edges_add: %s", lev_errmsg(net));
        free(w);
        lev_network_free(net);
        bench_free_edges(&e);
        return -1;
    }
    free(w);
    double t3 = bench_now();
    bench_free_edges(&e);
    uint64_t rss1 = bench_rss();
    double t4 = bench_now();
    double *tmp = malloc((c->n ? c->n : 1) * sizeof *tmp);
    lev_status rc = lev_degree(net, NULL, tmp);
    free(tmp);
    double t5 = bench_now();
    if (rc) {
        bench_fail(o, "lev_degree (compact form build): %s", lev_errmsg(net));
        lev_network_free(net);
        return -1;
    }
    uint64_t rss2 = bench_rss();
    c->g = net;
    double m = (double)c->m;
    o->untimed = t4 - t3;
    /* Memory is measured in the first run: later runs reuse heap the allocator kept. */
    static double d_all, d_model;
    if (c->run == 0) d_all = (double)rss2 - (double)rss0, d_model = (double)rss1 - (double)rss0;
    bench_extra(o, "\"t_read\":%.6f,\"t_actors\":%.6f,\"t_edges\":%.6f,\"t_compact\":%.6f", t1 - t0, t2 - t1,
                t3 - t2, t5 - t4);
    bench_extra(o, "\"edges_per_s_add\":%.6g", m / (t3 - t2));
    bench_extra(o, "\"rss_delta\":%.0f,\"rss_delta_model\":%.0f", d_all, d_model);
    bench_extra(o, "\"bytes_per_edge\":%.3f,\"bytes_per_edge_model\":%.3f,\"bytes_per_edge_compact\":%.3f",
                d_all / m, d_model / m, (d_all - d_model) / m);
    /* What the library says it holds (lev_network_bytes), after the first analysis. */
    bench_extra(o, "\"bytes_per_edge_reported\":%.3f", (double)lev_network_bytes(net) / m);
    /* Then without the numbers of the order of addition (lev_edges_sort): what the CLI's rank
     * keeps. The analyses read the same compact form, so the later rows are unaffected. */
    if (lev_edges_sort(net, NULL)) {
        bench_fail(o, "lev_edges_sort: %s", lev_errmsg(net));
        return -1;
    }
    static double d_sorted;
    if (c->run == 0) d_sorted = (double)bench_rss() - (double)rss0;
    bench_extra(o, "\"bytes_per_edge_sorted\":%.3f,\"bytes_per_edge_reported_sorted\":%.3f,"
                   "\"bytes_per_edge_reported_names\":%.3f",
                d_sorted / m, (double)lev_network_bytes(net) / m, (double)held_names / m);
    return 0;
}

static void prep_load_text(bench_ctx *c) {
    lev_aux *x = c->aux;
    lev_network_free(x->text);
    x->text = NULL;
}

/* lev_read_file of the CSV, then the compact form; scores = total degree mapped by name. */
static int a_load_text(bench_ctx *c, bench_out *o) {
    lev_aux *x = c->aux;
    if (!c->text) return bench_fail(o, "no --text file"), -1;
    uint64_t rss0 = bench_rss();
    double t0 = bench_now();
    lev_network *net = NULL;
    if (lev_network_new(&net)) return bench_fail(o, "lev_network_new failed"), -1;
    if (lev_read_file(net, LEV_FORMAT_EDGES_CSV, c->text, NULL)) {
        bench_fail(o, "lev_read_file: %s", lev_errmsg(net));
        lev_network_free(net);
        return -1;
    }
    double t1 = bench_now();
    uint64_t rss1 = bench_rss();
    size_t na = lev_actor_count(net);
    double *deg = malloc((na ? na : 1) * sizeof *deg);
    double t2 = bench_now();
    lev_status rc = lev_degree(net, NULL, deg);
    double t3 = bench_now();
    if (rc) {
        bench_fail(o, "lev_degree: %s", lev_errmsg(net));
        free(deg);
        lev_network_free(net);
        return -1;
    }
    uint64_t rss2 = bench_rss();
    double *out = scores(o, c->n);
    for (size_t i = 0; i < na; i++) {
        unsigned long id = strtoul(lev_actor_name(net, (uint32_t)i), NULL, 10);
        if (id < c->n) out[id] = deg[i];
    }
    free(deg);
    x->text = net;
    double m = (double)lev_edge_count(net);
    o->untimed = (t2 - t1) + (bench_now() - t3);
    static double d_all, d_model; /* first run, as in a_load_bin */
    if (c->run == 0) d_all = (double)rss2 - (double)rss0, d_model = (double)rss1 - (double)rss0;
    bench_extra(o, "\"t_parse\":%.6f,\"t_compact\":%.6f,\"edges_per_s_parse\":%.6g,\"edges\":%.0f,\"actors\":%zu", t1 - t0,
                t3 - t2, m / (t1 - t0), m, na);
    bench_extra(o, "\"bytes_per_edge\":%.3f,\"bytes_per_edge_model\":%.3f,\"bytes_per_edge_reported\":%.3f", d_all / m,
                d_model / m, (double)lev_network_bytes(net) / m);
    return 0;
}

/* ---- centrality ------------------------------------------------------------------------------- */

static int a_degree(bench_ctx *c, bench_out *o) {
    lev_params *p = params(c);
    lev_status rc = lev_degree(c->g, p, scores(o, c->n)); /* LEV_DIR_ALL: in + out */
    if (rc) bench_fail(o, "lev_degree: %s", lev_params_errmsg(p));
    lev_params_free(p);
    return rc ? -1 : 0;
}

static int a_strength(bench_ctx *c, bench_out *o) {
    lev_params *p = params(c);
    lev_status rc = lev_strength(c->g, p, scores(o, c->n));
    if (rc) bench_fail(o, "lev_strength: %s", lev_params_errmsg(p));
    lev_params_free(p);
    return rc ? -1 : 0;
}

static int count_iter(void *ud, double done) {
    (void)done;
    ++*(long *)ud;
    return 0;
}

/* Weighted, directed, damping 0.85, L1 change between iterates < 1e-10 (the default). */
static int pagerank(bench_ctx *c, bench_out *o, int threads) {
    lev_params *p = params(c);
    if (threads) lev_params_set_int(p, LEV_P_THREADS, threads);
    lev_params_set_double(p, LEV_P_DAMPING, 0.85);
    lev_params_set_double(p, LEV_P_TOLERANCE, 1e-10);
    lev_params_set_int(p, LEV_P_MAX_ITER, 1000);
    long iters = 1; /* the callback runs after every iteration but the last */
    lev_params_set_progress(p, count_iter, &iters);
    lev_status rc = lev_pagerank(c->g, NULL, p, scores(o, c->n));
    if (rc) bench_fail(o, "lev_pagerank: %s", lev_params_errmsg(p));
    else bench_extra(o, "\"iters\":%ld,\"threads\":%d", iters, threads ? threads : c->threads);
    lev_params_free(p);
    return rc ? -1 : 0;
}

static int a_pagerank(bench_ctx *c, bench_out *o) { return pagerank(c, o, 0); }
static int a_pagerank_1t(bench_ctx *c, bench_out *o) { return pagerank(c, o, 1); }

/* ---- paths, cohesion, brokerage, imbalance ------------------------------------------------------ */

/* Options for one analysis: threads from the command line, then key/value pairs (ints). */
static lev_params *params_kv(const bench_ctx *c, int nkv, const int64_t *kv) {
    lev_params *p = params(c);
    for (int i = 0; p && i < nkv; i++) lev_params_set_int(p, (lev_param)kv[2 * i], kv[2 * i + 1]);
    return p;
}

#define RUN_SCORES(call_, name_)                                                     \
    do {                                                                             \
        lev_status rc_ = (call_);                                                    \
        if (rc_) bench_fail(o, "%s: %s", name_, lev_params_errmsg(p));               \
        lev_params_free(p);                                                          \
        return rc_ ? -1 : 0;                                                         \
    } while (0)

/* Exact, directed, hops, not normalized. */
static int a_betweenness(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_WEIGHTED, 0, LEV_P_NORMALIZED, 0};
    lev_params *p = params_kv(c, 2, kv);
    RUN_SCORES(lev_betweenness(c->g, p, scores(o, c->n)), "lev_betweenness");
}

/* Incoming hop distances, Wasserman–Faust form (NetworkX's default closeness on a digraph). */
static int a_closeness(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_WEIGHTED, 0, LEV_P_DIRECTION, LEV_DIR_IN};
    lev_params *p = params_kv(c, 2, kv);
    RUN_SCORES(lev_closeness(c->g, p, scores(o, c->n)), "lev_closeness");
}

/* Σ 1/d(u, v) over the u that reach v, hops, not normalized. */
static int a_harmonic(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_WEIGHTED, 0, LEV_P_DIRECTION, LEV_DIR_IN, LEV_P_NORMALIZED, 0};
    lev_params *p = params_kv(c, 3, kv);
    RUN_SCORES(lev_harmonic(c->g, p, scores(o, c->n)), "lev_harmonic");
}

/* The same with length 1/strength (LEV_P_WEIGHTED, the default): Dijkstra from every actor. */
static int a_harmonic_w(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_WEIGHTED, 1, LEV_P_DIRECTION, LEV_DIR_IN, LEV_P_NORMALIZED, 0};
    lev_params *p = params_kv(c, 3, kv);
    RUN_SCORES(lev_harmonic(c->g, p, scores(o, c->n)), "lev_harmonic");
}

/* Core number by total degree. */
static int a_kcore(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_DIRECTION, LEV_DIR_ALL};
    lev_params *p = params_kv(c, 1, kv);
    RUN_SCORES(lev_coreness(c->g, p, scores(o, c->n)), "lev_coreness");
}

/* Local clustering on the undirected simple view, unweighted (Watts–Strogatz). */
static int a_clustering(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_UNDIRECTED, 1, LEV_P_WEIGHTED, 0};
    lev_params *p = params_kv(c, 2, kv);
    RUN_SCORES(lev_clustering(c->g, p, scores(o, c->n)), "lev_clustering");
}

/* Burt's constraint, weighted (0 for actors without contacts, where the peers say NaN). */
static int a_constraint(bench_ctx *c, bench_out *o) {
    lev_params *p = params(c);
    RUN_SCORES(lev_constraint(c->g, p, scores(o, c->n)), "lev_constraint");
}

/* Communities by modularity on the undirected view (Leiden), weighted, resolution 1, seed 42;
 * scores = community ids, compared by modularity. */
static int a_louvain(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_SEED, 42};
    lev_params *p = params_kv(c, 1, kv);
    uint32_t *com = malloc((c->n ? c->n : 1) * sizeof *com);
    size_t count = 0;
    double q = 0;
    lev_status rc = lev_communities(c->g, p, com, &count, &q);
    if (rc) {
        bench_fail(o, "lev_communities: %s", lev_params_errmsg(p));
    } else {
        double *s = scores(o, c->n);
        for (size_t i = 0; i < c->n; i++) s[i] = com[i];
        bench_extra(o, "\"modularity\":%.9f,\"communities\":%zu,\"method\":\"leiden\"", q, count);
    }
    free(com);
    lev_params_free(p);
    return rc ? -1 : 0;
}

/* The 16 triad counts in MAN order. */
static int a_triad_census(bench_ctx *c, bench_out *o) {
    lev_params *p = params(c);
    uint64_t t[16];
    lev_status rc = lev_triad_census(c->g, p, t);
    if (rc) {
        bench_fail(o, "lev_triad_census: %s", lev_params_errmsg(p));
    } else {
        double *s = scores(o, 16);
        for (int i = 0; i < 16; i++) s[i] = (double)t[i];
    }
    lev_params_free(p);
    return rc ? -1 : 0;
}

/* ---- bypass ------------------------------------------------------------------------------------ */

/* Tie bypass of every actor under PageRank (weighted, directed, received, damping 0.85; the
 * library's default push residual): scores = survives. The naive method it replaces solves
 * PageRank once per tie; removing one tie does not change a solve's cost, so it is timed as the
 * mean of 3 exact lev_pagerank runs on the whole network (untimed here) times the number of ties,
 * and reported as an extrapolation in extra. */
static int a_bypass(bench_ctx *c, bench_out *o) {
    lev_params *p = params(c);
    size_t n = c->n;
    double *sv = scores(o, n);
    double t0 = bench_now();
    lev_status rc = lev_tie_bypass(c->g, p, NULL, sv, NULL, NULL);
    double t1 = bench_now();
    if (rc) {
        bench_fail(o, "lev_tie_bypass: %s", lev_params_errmsg(p));
        lev_params_free(p);
        return -1;
    }
    double *pr = malloc((n ? n : 1) * sizeof *pr), solve = 0;
    for (int k = 0; k < 3 && pr; k++) {
        double s0 = bench_now();
        if (lev_pagerank(c->g, NULL, p, pr)) break;
        solve += (bench_now() - s0) / 3;
    }
    free(pr);
    double ties = (double)c->m; /* the generator's graphs have no parallel records */
    o->untimed = bench_now() - t1;
    bench_extra(o, "\"bypass_s\":%.3f,\"naive_solve_s\":%.4f,\"naive_ties\":%.0f,\"naive_extrapolated_s\":%.0f,"
                   "\"speedup\":%.0f",
                t1 - t0, solve, ties, solve * ties, solve * ties / (t1 - t0));
    lev_params_free(p);
    return 0;
}

/* Weak components (LEV_P_UNDIRECTED 1) and strong ones; scores = component id, which
 * libleverage numbers in order of each component's first actor (the drivers of the peers
 * renumber theirs that way, untimed). */
static int components_row(bench_ctx *c, bench_out *o, lev_params *p) {
    uint32_t *comp = malloc((c->n ? c->n : 1) * sizeof *comp);
    size_t count = 0;
    lev_status rc = comp ? lev_components(c->g, p, comp, &count) : LEV_ENOMEM;
    double t0 = bench_now();
    double *s = scores(o, c->n);
    for (size_t i = 0; !rc && i < c->n; i++) s[i] = (double)comp[i];
    free(comp);
    o->untimed = bench_now() - t0;
    if (!rc) bench_extra(o, "\"components\":%zu", count);
    RUN_SCORES(rc, "lev_components");
}

static int a_components(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_UNDIRECTED, 1};
    return components_row(c, o, params_kv(c, 1, kv));
}

static int a_scc(bench_ctx *c, bench_out *o) { return components_row(c, o, params(c)); }

/* ---- rows shared with the optional peers (GAPBS, NetworKit) ------------------------------------ */

/* Unweighted PageRank (LEV_P_WEIGHTED 0), otherwise as the pagerank row: GAPBS's PageRank is
 * unweighted. */
static int a_pagerank_unw(bench_ctx *c, bench_out *o) {
    lev_params *p = params(c);
    lev_params_set_int(p, LEV_P_WEIGHTED, 0);
    lev_params_set_double(p, LEV_P_DAMPING, 0.85);
    lev_params_set_double(p, LEV_P_TOLERANCE, 1e-10);
    lev_params_set_int(p, LEV_P_MAX_ITER, 1000);
    long iters = 1;
    lev_params_set_progress(p, count_iter, &iters);
    lev_status rc = lev_pagerank(c->g, NULL, p, scores(o, c->n));
    if (rc) bench_fail(o, "lev_pagerank: %s", lev_params_errmsg(p));
    else bench_extra(o, "\"iters\":%ld", iters);
    lev_params_free(p);
    return rc ? -1 : 0;
}

/* Betweenness from the sources 0..K-1 only (K = BENCH_BC_SOURCES; ids are a random permutation
 * already), to every target: directed, hops, not normalized. */
#define BENCH_BC_SOURCES 256
static int a_betweenness_src(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_WEIGHTED, 0, LEV_P_NORMALIZED, 0};
    size_t k = c->n < BENCH_BC_SOURCES ? (size_t)c->n : BENCH_BC_SOURCES;
    uint32_t src[BENCH_BC_SOURCES];
    for (size_t i = 0; i < k; i++) src[i] = (uint32_t)i;
    bench_extra(o, "\"sources\":%zu", k);
    lev_params *p = params_kv(c, 2, kv);
    RUN_SCORES(lev_betweenness_subset(c->g, src, k, NULL, 0, p, scores(o, c->n)), "lev_betweenness_subset");
}

/* (ε, δ) betweenness on the undirected simple view, hops: ε = 0.01, δ = 0.1 (the defaults),
 * seed 42; normalized scale. NetworKit runs KADABRA with the same ε, δ. */
static int a_betweenness_eps(bench_ctx *c, bench_out *o) {
    const int64_t kv[] = {LEV_P_WEIGHTED, 0, LEV_P_UNDIRECTED, 1, LEV_P_SEED, 42};
    lev_params *p = params_kv(c, 3, kv);
    lev_params_set_double(p, LEV_P_EPSILON, 0.01);
    lev_params_set_double(p, LEV_P_DELTA, 0.1);
    uint64_t r = 0;
    double eps = 0;
    lev_status rc = lev_betweenness_sampled(c->g, p, scores(o, c->n), &r, &eps);
    if (rc) bench_fail(o, "lev_betweenness_sampled: %s", lev_params_errmsg(p));
    else bench_extra(o, "\"epsilon\":%g,\"delta\":0.1,\"samples\":%llu", eps, (unsigned long long)r);
    lev_params_free(p);
    return rc ? -1 : 0;
}

/* ---- the table -------------------------------------------------------------------------------- */

static const bench_algo ALGOS[] = {
    {"load_bin", a_load_bin, prep_load_bin},
    {"load_text", a_load_text, prep_load_text},
    {"degree", a_degree, NULL},
    {"strength", a_strength, NULL},
    {"pagerank", a_pagerank, NULL},
    {"pagerank_1t", a_pagerank_1t, NULL},
    {"betweenness", a_betweenness, NULL},
    {"closeness", a_closeness, NULL},
    {"harmonic", a_harmonic, NULL},
    {"harmonic_w", a_harmonic_w, NULL},
    {"kcore", a_kcore, NULL},
    {"clustering", a_clustering, NULL},
    {"louvain", a_louvain, NULL},
    {"constraint", a_constraint, NULL},
    {"triad_census", a_triad_census, NULL},
    {"bypass", a_bypass, NULL},
    {"components", a_components, NULL},
    {"scc", a_scc, NULL},
    {"pagerank_unw", a_pagerank_unw, NULL},
    {"betweenness_src", a_betweenness_src, NULL},
    {"betweenness_eps", a_betweenness_eps, NULL},
    /* names not in this table are reported as "unsupported" ("not yet implemented") */
};

int main(int argc, char **argv) {
    static lev_aux aux;
    return bench_main(argc, argv, "leverage", ALGOS, sizeof ALGOS / sizeof *ALGOS, &aux);
}
