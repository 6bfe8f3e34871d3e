/*
 * bench/drv_igraph.c — the igraph (C, 0.10) driver of the benchmark harness (see common.h for
 * the protocol). Built by bench/run with `pkg-config igraph` when igraph is installed.
 *
 * The graph is the same directed, weighted simple graph libleverage loads: n vertices (ids =
 * vertex ids of the binary file, isolated ones included), the edges in file order, the
 * strengths in a separate weight vector. Definitions follow the rows of bench/run's table.
 */
#include "common.h"

#include <dlfcn.h>
#include <math.h>

#include <igraph.h>

typedef struct ig_graph {
    igraph_t g;
    igraph_vector_t w;
} ig_graph;

typedef struct ig_aux {
    int have_text;
    igraph_t text;
    int have_und;
    igraph_t und; /* the binary graph made undirected, one undirected edge per directed edge */
    int have_simple;
    igraph_t simple; /* the binary graph made undirected and simple (collapsed) */
} ig_aux;

static double *scores(bench_out *o, size_t n) {
    o->scores = calloc(n ? n : 1, sizeof(double));
    o->nscores = n;
    return o->scores;
}

#define G(c) (&((ig_graph *)(c)->g)->g)
#define W(c) (&((ig_graph *)(c)->g)->w)

/* Run an igraph call; on error say which and return -1. */
#define IGC(o, call)                                                                    \
    do {                                                                                \
        igraph_error_t err_ = (call);                                                   \
        if (err_ != IGRAPH_SUCCESS) {                                                   \
            bench_fail(o, "%s: %s", #call, igraph_strerror(err_));                      \
            return -1;                                                                  \
        }                                                                               \
    } while (0)

static void copy_vec(bench_out *o, const igraph_vector_t *v, size_t n, int nan_to_zero) {
    double *s = scores(o, n);
    for (size_t i = 0; i < n && i < (size_t)igraph_vector_size(v); i++) {
        double x = VECTOR(*v)[i];
        s[i] = nan_to_zero && isnan(x) ? 0.0 : x;
    }
}

/* ---- loading ---------------------------------------------------------------------------------- */

static void prep_load_bin(bench_ctx *c) {
    ig_graph *x = c->g;
    if (x) {
        igraph_destroy(&x->g);
        igraph_vector_destroy(&x->w);
        free(x);
    }
    c->g = NULL;
}

/* Read the binary file, build the edge vector, igraph_create, and the weight vector. */
static int a_load_bin(bench_ctx *c, bench_out *o) {
    uint64_t rss0;
    double t0, t1;
    bench_edges e;
    if (bench_load_begin(c, o, &e, &rss0, &t0, &t1)) return -1;
    igraph_vector_int_t ev;
    ig_graph *x = calloc(1, sizeof *x);
    if (!x || igraph_vector_int_init(&ev, (igraph_integer_t)(2 * e.m)))
        return bench_fail(o, "out of memory"), bench_free_edges(&e), -1;
    for (uint64_t k = 0; k < e.m; k++) {
        VECTOR(ev)[2 * k] = e.src[k];
        VECTOR(ev)[2 * k + 1] = e.dst[k];
    }
    if (igraph_create(&x->g, &ev, (igraph_integer_t)e.n, IGRAPH_DIRECTED) ||
        igraph_vector_init(&x->w, (igraph_integer_t)e.m))
        return bench_fail(o, "igraph_create failed"), bench_free_edges(&e), -1;
    for (uint64_t k = 0; k < e.m; k++) VECTOR(x->w)[k] = e.w[k];
    igraph_vector_int_destroy(&ev);
    bench_free_edges(&e);
    double t2 = bench_now();
    uint64_t rss1 = bench_rss();
    c->g = x;
    static double d; /* memory is measured in the first run: later runs reuse heap the allocator kept */
    if (c->run == 0) d = (double)rss1 - (double)rss0;
    bench_extra(o, "\"t_read\":%.6f,\"t_create\":%.6f,\"rss_delta\":%.0f,\"bytes_per_edge\":%.3f", t1 - t0, t2 - t1,
                d, d / (double)c->m);
    return 0;
}

static void prep_load_text(bench_ctx *c) {
    ig_aux *a = c->aux;
    if (a->have_text) {
        igraph_destroy(&a->text);
        a->have_text = 0;
    }
}

/* igraph has no CSV reader: its text reader for named, weighted edge lists is NCOL (the same
 * rows with spaces: `src dst weight`). Names and weights become attributes. Scores = total
 * degree mapped by name, to check that the text graph is the binary one. */
static int a_load_text(bench_ctx *c, bench_out *o) {
    ig_aux *a = c->aux;
    if (!c->text) return bench_fail(o, "no --text file"), -1;
    FILE *f = fopen(c->text, "r");
    if (!f) return bench_fail(o, "%s: %s", c->text, strerror(errno)), -1;
    uint64_t rss0 = bench_rss();
    igraph_error_t err = igraph_read_graph_ncol(&a->text, f, NULL, 1, IGRAPH_ADD_WEIGHTS_YES, IGRAPH_DIRECTED);
    fclose(f);
    if (err) return bench_fail(o, "igraph_read_graph_ncol: %s", igraph_strerror(err)), -1;
    a->have_text = 1;
    uint64_t rss1 = bench_rss();
    double t0 = bench_now();
    igraph_vector_int_t deg;
    igraph_vector_int_init(&deg, 0);
    igraph_degree(&a->text, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
    double *s = scores(o, c->n);
    igraph_integer_t nv = igraph_vcount(&a->text);
    for (igraph_integer_t i = 0; i < nv; i++) {
        unsigned long id = strtoul(VAS(&a->text, "name", i), NULL, 10);
        if (id < c->n) s[id] = (double)VECTOR(deg)[i];
    }
    igraph_vector_int_destroy(&deg);
    o->untimed = bench_now() - t0;
    double m = (double)igraph_ecount(&a->text);
    static double d;
    if (c->run == 0) d = (double)rss1 - (double)rss0;
    bench_extra(o, "\"edges\":%.0f,\"actors\":%lld,\"bytes_per_edge\":%.3f,\"format\":\"ncol\"", m, (long long)nv,
                d / m);
    return 0;
}

/* ---- centrality ------------------------------------------------------------------------------- */

static int a_degree(bench_ctx *c, bench_out *o) {
    igraph_vector_int_t d;
    igraph_vector_int_init(&d, 0);
    IGC(o, igraph_degree(G(c), &d, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
    double *s = scores(o, c->n);
    for (size_t i = 0; i < c->n; i++) s[i] = (double)VECTOR(d)[i];
    igraph_vector_int_destroy(&d);
    return 0;
}

static int a_strength(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_strength(G(c), &v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, W(c)));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&v);
    return 0;
}

/* PRPACK (igraph's default), directed, weighted, damping 0.85. PRPACK's own stopping rule
 * (tolerance 1e-10, fixed inside igraph) is not adjustable. Threads: OpenMP's default. */
static int a_pagerank(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_real_t value;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_pagerank(G(c), IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value, igraph_vss_all(), IGRAPH_DIRECTED, 0.85,
                           W(c), NULL));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&v);
    return 0;
}

/* The same on one thread: Debian's igraph is built with OpenMP, and PRPACK runs parallel loops.
 * omp_set_num_threads comes from the libgomp igraph loads (looked up, so no -fopenmp here). */
static int a_pagerank_1t(bench_ctx *c, bench_out *o) {
    void (*set)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    int (*get)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "omp_get_max_threads");
    int before = get ? get() : 1;
    if (set) set(1);
    int rc = a_pagerank(c, o);
    if (set) set(before);
    bench_extra(o, "\"threads\":1,\"omp_found\":%d", set != NULL);
    return rc;
}

/* Exact, directed, unweighted (hops), not normalized: Brandes. */
static int a_betweenness(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_betweenness(G(c), &v, igraph_vss_all(), IGRAPH_DIRECTED, NULL));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&v);
    return 0;
}

/* Incoming hop distances (NetworkX's convention for digraphs), Wasserman–Faust form: with r
 * vertices reaching v at total distance S, (r / S) · r / (n − 1); 0 when none does (igraph's
 * normalized closeness is r / S, NaN there; it also returns r). */
static int a_closeness(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_vector_int_t r;
    igraph_vector_init(&v, 0);
    igraph_vector_int_init(&r, 0);
    IGC(o, igraph_closeness(G(c), &v, &r, NULL, igraph_vss_all(), IGRAPH_IN, NULL, 1));
    copy_vec(o, &v, c->n, 1);
    for (size_t i = 0; i < c->n; i++)
        o->scores[i] = c->n > 1 ? o->scores[i] * (double)VECTOR(r)[i] / (double)(c->n - 1) : 0.0;
    igraph_vector_destroy(&v);
    igraph_vector_int_destroy(&r);
    return 0;
}

/* Σ 1/d(u, v) over the u that reach v (incoming hops), not normalized. */
static int a_harmonic(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_harmonic_centrality(G(c), &v, igraph_vss_all(), IGRAPH_IN, NULL, 0));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&v);
    return 0;
}

/* The same with length 1/strength (of parallel edges the shortest counts: the strongest). The
 * lengths are made inside the timed call, as a caller would: n + m work against n searches. */
static int a_harmonic_w(bench_ctx *c, bench_out *o) {
    igraph_vector_t v, len;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_vector_init_copy(&len, W(c)));
    for (igraph_integer_t e = 0; e < igraph_vector_size(&len); e++) VECTOR(len)[e] = 1.0 / VECTOR(len)[e];
    IGC(o, igraph_harmonic_centrality(G(c), &v, igraph_vss_all(), IGRAPH_IN, &len, 0));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&len);
    igraph_vector_destroy(&v);
    return 0;
}

/* ---- cohesion and brokerage ------------------------------------------------------------------- */

/* Core number by total degree (in + out), as NetworkX's core_number on a digraph. */
static int a_kcore(bench_ctx *c, bench_out *o) {
    igraph_vector_int_t k;
    igraph_vector_int_init(&k, 0);
    IGC(o, igraph_coreness(G(c), &k, IGRAPH_ALL));
    double *s = scores(o, c->n);
    for (size_t i = 0; i < c->n; i++) s[i] = (double)VECTOR(k)[i];
    igraph_vector_int_destroy(&k);
    return 0;
}

/* Weak or strong components; membership renumbered (untimed) in order of each component's
 * first vertex, as libleverage numbers them. */
static int components(bench_ctx *c, bench_out *o, igraph_connectedness_t mode) {
    igraph_vector_int_t memb;
    igraph_integer_t nc = 0;
    igraph_vector_int_init(&memb, 0);
    IGC(o, igraph_connected_components(G(c), &memb, NULL, &nc, mode));
    double t0 = bench_now();
    double *s = scores(o, c->n);
    int64_t *map = malloc(((size_t)nc + 1) * sizeof *map);
    for (igraph_integer_t i = 0; i < nc; i++) map[i] = -1;
    int64_t next = 0;
    for (size_t i = 0; i < c->n; i++) {
        igraph_integer_t k = VECTOR(memb)[i];
        if (map[k] < 0) map[k] = next++;
        s[i] = (double)map[k];
    }
    free(map);
    igraph_vector_int_destroy(&memb);
    o->untimed = bench_now() - t0;
    bench_extra(o, "\"components\":%lld", (long long)nc);
    return 0;
}

static int a_components(bench_ctx *c, bench_out *o) { return components(c, o, IGRAPH_WEAK); }
static int a_scc(bench_ctx *c, bench_out *o) { return components(c, o, IGRAPH_STRONG); }

static void prep_clustering(bench_ctx *c) {
    ig_aux *a = c->aux;
    if (a->have_simple) return;
    igraph_copy(&a->simple, G(c));
    igraph_to_undirected(&a->simple, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL);
    igraph_simplify(&a->simple, 1, 1, NULL);
    a->have_simple = 1;
}

/* Local clustering (transitivity) of every vertex on the undirected simple graph, 0 below two
 * neighbours. */
static int a_clustering(bench_ctx *c, bench_out *o) {
    ig_aux *a = c->aux;
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_transitivity_local_undirected(&a->simple, &v, igraph_vss_all(), IGRAPH_TRANSITIVITY_ZERO));
    double *s = scores(o, c->n);
    for (size_t i = 0; i < c->n; i++) s[i] = VECTOR(v)[i];
    igraph_vector_destroy(&v);
    return 0;
}

static void prep_louvain(bench_ctx *c) {
    ig_aux *a = c->aux;
    if (a->have_und) return;
    igraph_copy(&a->und, G(c));
    igraph_to_undirected(&a->und, IGRAPH_TO_UNDIRECTED_EACH, NULL); /* edge ids (and weights) kept */
    a->have_und = 1;
}

/* Louvain (multilevel) on the undirected graph (reciprocal edges add up), weighted, resolution 1,
 * seed 42. Scores = membership; randomized, so compared by modularity, not by value. */
static int a_louvain(bench_ctx *c, bench_out *o) {
    ig_aux *a = c->aux;
    igraph_vector_int_t memb;
    igraph_vector_t q;
    igraph_vector_int_init(&memb, 0);
    igraph_vector_init(&q, 0);
    igraph_rng_seed(igraph_rng_default(), 42);
    IGC(o, igraph_community_multilevel(&a->und, W(c), 1.0, &memb, NULL, &q));
    double best = igraph_vector_size(&q) ? igraph_vector_max(&q) : 0;
    double *s = scores(o, c->n);
    igraph_integer_t ncom = 0;
    for (size_t i = 0; i < c->n; i++) {
        s[i] = (double)VECTOR(memb)[i];
        if (VECTOR(memb)[i] + 1 > ncom) ncom = VECTOR(memb)[i] + 1;
    }
    bench_extra(o, "\"modularity\":%.9f,\"communities\":%lld", best, (long long)ncom);
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&q);
    return 0;
}

/* Burt's constraint, weighted, ties in both directions added (a_ij + a_ji). NaN for isolates. */
static int a_constraint(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_constraint(G(c), &v, igraph_vss_all(), W(c)));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&v);
    return 0;
}

/* The 16 triad counts in the order 003 012 102 021D 021U 021C 111D 111U 030T 030C 201 120D 120U
 * 120C 210 300. */
static int a_triad_census(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_triad_census(G(c), &v));
    copy_vec(o, &v, 16, 0);
    igraph_vector_destroy(&v);
    return 0;
}

/* ---- rows shared with the optional peers (GAPBS, NetworKit) ------------------------------------ */

/* Unweighted PageRank (PRPACK, no weights), otherwise as a_pagerank. */
static int a_pagerank_unw(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_real_t value;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_pagerank(G(c), IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value, igraph_vss_all(), IGRAPH_DIRECTED, 0.85,
                           NULL, NULL));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&v);
    return 0;
}

/* Betweenness from the sources 0..K-1 to every target (K = BENCH_BC_SOURCES), directed, hops. */
#define BENCH_BC_SOURCES 256
static int a_betweenness_src(bench_ctx *c, bench_out *o) {
    igraph_vector_t v;
    igraph_integer_t k = c->n < BENCH_BC_SOURCES ? (igraph_integer_t)c->n : BENCH_BC_SOURCES;
    igraph_vector_init(&v, 0);
    IGC(o, igraph_betweenness_subset(G(c), &v, igraph_vss_all(), IGRAPH_DIRECTED, igraph_vss_range(0, k),
                                     igraph_vss_all(), NULL));
    copy_vec(o, &v, c->n, 0);
    igraph_vector_destroy(&v);
    bench_extra(o, "\"sources\":%lld", (long long)k);
    return 0;
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
    {"clustering", a_clustering, prep_clustering},
    {"louvain", a_louvain, prep_louvain},
    {"constraint", a_constraint, NULL},
    {"triad_census", a_triad_census, NULL},
    {"components", a_components, NULL},
    {"scc", a_scc, NULL},
    {"pagerank_unw", a_pagerank_unw, NULL},
    {"betweenness_src", a_betweenness_src, NULL},
};

int main(int argc, char **argv) {
    static ig_aux aux;
    igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_set_attribute_table(&igraph_cattribute_table); /* names and weights of the NCOL reader */
    return bench_main(argc, argv, "igraph", ALGOS, sizeof ALGOS / sizeof *ALGOS, &aux);
}
