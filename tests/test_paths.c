/*
 * Shortest-path centrality: closeness, harmonic, betweenness, edge betweenness, sampled
 * betweenness. Reference values come from NetworkX, igraph, R sna and exact rational arithmetic
 * (tests/ref/ref_paths.h, made by tests/ref/make_refs_paths.py; each array's comment holds the
 * exact peer call), and from closed forms on small graphs.
 */
#include "helpers.h"

#include <pthread.h>

#include "ref/ref_paths.h"
#include "ref/ref_paths_opts.h"

#define TOL 1e-9

enum { CLO, HAR, BET, EDGE, APPROX, SUB };

/* The trailing fields of opts (cutoff, endpoints) are optional: positional initializers that
 * leave them out mean 0. */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

typedef struct opts {
    int undirected, weighted, dir, normalized, threads;
    double eps;    /* sampled betweenness: LEV_P_EPSILON, 0 for the default */
    double cutoff; /* LEV_P_CUTOFF, 0 for the default (none) */
    int endpoints; /* LEV_P_ENDPOINTS */
} opts;

static lev_params *mkp(opts o) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, o.undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, o.weighted), LEV_OK);
    if (o.dir) cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, o.dir), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, o.normalized), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, o.threads), LEV_OK);
    if (o.eps > 0) cr_assert_eq(lev_params_set_double(p, LEV_P_EPSILON, o.eps), LEV_OK);
    if (o.cutoff > 0) cr_assert_eq(lev_params_set_double(p, LEV_P_CUTOFF, o.cutoff), LEV_OK);
    if (o.endpoints) cr_assert_eq(lev_params_set_int(p, LEV_P_ENDPOINTS, 1), LEV_OK);
    return p;
}

#define NA(a) (sizeof(a) / sizeof((a)[0]))

/* The SUB kind: lev_betweenness_subset from these sources to these targets (those < n). */
static const uint32_t SUB_SRC[] = {0, 5, 2, 4, 9, 33, 100, 250}, SUB_TGT[] = {1, 3, 4, 7, 8, 30, 31, 200, 599};

static lev_status run_sub(const lev_network *net, lev_params *p, double *out) {
    uint32_t src[NA(SUB_SRC)], tgt[NA(SUB_TGT)];
    size_t ns = 0, nt = 0, n = lev_actor_count(net);
    for (size_t i = 0; i < NA(SUB_SRC); i++)
        if (SUB_SRC[i] < n) src[ns++] = SUB_SRC[i];
    for (size_t i = 0; i < NA(SUB_TGT); i++)
        if (SUB_TGT[i] < n) tgt[nt++] = SUB_TGT[i];
    return lev_betweenness_subset(net, src, ns, tgt, nt, p, out);
}

static lev_status run(int k, const lev_network *net, lev_params *p, double *out) {
    switch (k) {
    case CLO: return lev_closeness(net, p, out);
    case HAR: return lev_harmonic(net, p, out);
    case BET: return lev_betweenness(net, p, out);
    case EDGE: return lev_edge_betweenness(net, p, out);
    case SUB: return run_sub(net, p, out);
    default: return lev_betweenness_approx(net, p, out);
    }
}

static double *compute(const lev_network *net, int k, opts o) {
    size_t len = k == EDGE ? lev_edge_count(net) : lev_actor_count(net);
    double *out = calloc(len + 1, sizeof *out);
    lev_params *p = mkp(o);
    lev_status rc = run(k, net, p, out);
    cr_assert_eq(rc, LEV_OK, "%s", lev_params_errmsg(p));
    lev_params_free(p);
    return out;
}

static void check_actors(const lev_network *net, int k, opts o, const ref_value *ref, size_t len, const char *what) {
    double *out = compute(net, k, o), worst = 0;
    check_ref(net, out, ref, len, TOL, what);
    for (size_t i = 0; i < len; i++) {
        uint32_t a;
        lev_actor_find(net, ref[i].name, &a);
        if (fabs(out[a] - ref[i].value) > worst) worst = fabs(out[a] - ref[i].value);
    }
    cr_log_info("%s: max |difference| %.3g", what, worst);
    free(out);
}

static void check_edges(const lev_network *net, opts o, const ref_edge_value *ref, size_t len, const char *what) {
    cr_assert_eq(lev_edge_count(net), len, "%s: edge count", what);
    double *out = compute(net, EDGE, o), worst = 0;
    for (size_t e = 0; e < len; e++) {
        uint32_t s, t;
        cr_assert_eq(lev_edge_get(net, e, &s, &t, NULL, NULL), LEV_OK);
        cr_assert_str_eq(lev_actor_name(net, s), ref[e].source, "%s: edge %zu", what, e);
        cr_assert_str_eq(lev_actor_name(net, t), ref[e].target, "%s: edge %zu", what, e);
        cr_assert(fabs(out[e] - ref[e].value) <= TOL, "%s: edge %zu (%s -> %s): got %.17g, reference %.17g", what, e,
                  ref[e].source, ref[e].target, out[e], ref[e].value);
        if (fabs(out[e] - ref[e].value) > worst) worst = fabs(out[e] - ref[e].value);
    }
    cr_log_info("%s: max |difference| %.3g", what, worst);
    free(out);
}

#define CA(net, k, o, arr) check_actors(net, k, o, arr, NA(arr), #arr)
#define CE(net, o, arr) check_edges(net, o, arr, NA(arr), #arr)

/* The five measures of one set and distance kind against every array the generator wrote. */
#define CHECK_ALL(net, o, set, X)                                                                  \
    do {                                                                                           \
        opts on_ = o;                                                                              \
        on_.normalized = 1;                                                                        \
        CA(net, CLO, o, ref_##set##_closeness_##X##_exact);                                        \
        CA(net, CLO, o, ref_##set##_closeness_##X##_nx);                                           \
        CA(net, CLO, o, ref_##set##_closeness_##X##_igraph);                                       \
        CA(net, HAR, o, ref_##set##_harmonic_##X##_exact);                                         \
        CA(net, HAR, o, ref_##set##_harmonic_##X##_nx);                                            \
        CA(net, HAR, o, ref_##set##_harmonic_##X##_igraph);                                        \
        CA(net, HAR, on_, ref_##set##_harmonic_norm_##X##_sna);                                    \
        CA(net, BET, o, ref_##set##_betweenness_##X##_exact);                                      \
        CA(net, BET, o, ref_##set##_betweenness_##X##_igraph);                                     \
        CA(net, BET, on_, ref_##set##_betweenness_norm_##X##_exact);                               \
        CE(net, o, ref_##set##_edge_betweenness_##X##_exact);                                      \
        CE(net, o, ref_##set##_edge_betweenness_##X##_igraph);                                     \
    } while (0)

/* NetworkX's betweenness, where it is right (not on float ties: see the header's notes). */
#define CHECK_NX_BETWEENNESS(net, o, set, X)                                                       \
    do {                                                                                           \
        opts on_ = o;                                                                              \
        on_.normalized = 1;                                                                        \
        CA(net, BET, o, ref_##set##_betweenness_##X##_nx);                                         \
        CA(net, BET, on_, ref_##set##_betweenness_norm_##X##_nx);                                  \
        CE(net, o, ref_##set##_edge_betweenness_##X##_nx);                                         \
    } while (0)

static const opts UH = {1, 0, 0, 0, 1, 0}; /* undirected, hops */
static const opts UW = {1, 1, 0, 0, 1, 0}; /* undirected, 1/strength */
static const opts DH = {0, 0, 0, 0, 1, 0}; /* directed, hops */
static const opts DW = {0, 1, 0, 0, 1, 0}; /* directed, 1/strength */

static lev_network *from_table(const ref_edge *t, size_t len, const char *actors) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    if (actors) cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, actors, NULL), LEV_OK);
    for (size_t k = 0; k < len; k++)
        cr_assert_eq(lev_edge_add_by_name(net, t[k].source, t[k].target, t[k].strength, NULL, NULL), LEV_OK);
    return net;
}

/* ---- peers and exact values on the classic data sets ---------------------------------------- */

Test(paths, florentine16_matches_peers) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_actor_count(net), REF_FLORENTINE16_N);
    CHECK_ALL(net, UH, florentine16, h);
    CHECK_NX_BETWEENNESS(net, UH, florentine16, h);
    CA(net, BET, UH, ref_florentine16_betweenness_h_sna);
    /* Strength 1 everywhere: lengths equal hops exactly. */
    CA(net, BET, UW, ref_florentine16_betweenness_h_exact);
    CA(net, CLO, UW, ref_florentine16_closeness_h_exact);
    /* doc: an actor that reaches nobody (Pucci) scores 0 everywhere. */
    double *c = compute(net, CLO, UH), *h = compute(net, HAR, UH), *b = compute(net, BET, UH);
    uint32_t pucci;
    cr_assert_eq(lev_actor_find(net, "Pucci", &pucci), LEV_OK);
    cr_assert_eq(c[pucci], 0);
    cr_assert_eq(h[pucci], 0);
    cr_assert_eq(b[pucci], 0);
    free(c);
    free(h);
    free(b);
    lev_network_free(net);
}

Test(paths, florentine_weighted_float_ties_exact) {
    /* Strengths 1, 1.5, 3 by row: equally short paths whose float sums differ; NetworkX is off by
     * 1.75 and R sna by 1.75 here (ref_paths.h notes); libleverage matches exact arithmetic. */
    lev_network *net = from_table(ref_florentine_w_edges, NA(ref_florentine_w_edges),
                                  SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_actor_count(net), REF_FLORENTINE_W_N);
    CHECK_ALL(net, UW, florentine_w, w);
    lev_network_free(net);
}

Test(paths, karate_matches_peers) {
    lev_network *net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    CHECK_ALL(net, UH, karate, h);
    CHECK_NX_BETWEENNESS(net, UH, karate, h);
    CA(net, BET, UH, ref_karate_betweenness_h_sna);
    CA(net, CLO, UH, ref_karate_closeness_h_sna);
    lev_network_free(net);
}

Test(paths, karate_weighted_exact_where_networkx_is_not) {
    /* NetworkX's weighted betweenness is off by 1.0 (actor "3"), sna's by 9.75; igraph is exact. */
    lev_network *net = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    CHECK_ALL(net, UW, karate_w, w);
    CA(net, CLO, UW, ref_karate_w_closeness_w_sna);
    double *b = compute(net, BET, UW);
    uint32_t a3;
    cr_assert_eq(lev_actor_find(net, "3", &a3), LEV_OK);
    cr_assert_eq(b[a3], 177.0); /* NetworkX: 178 */
    free(b);
    lev_network_free(net);
}

Test(paths, lesmis_hops_and_lengths) {
    lev_network *net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    CHECK_ALL(net, UH, lesmis, h);
    CHECK_NX_BETWEENNESS(net, UH, lesmis, h);
    CA(net, BET, UH, ref_lesmis_betweenness_h_sna);
    CA(net, CLO, UH, ref_lesmis_closeness_h_sna);
    CHECK_ALL(net, UW, lesmis, w);
    CHECK_NX_BETWEENNESS(net, UW, lesmis, w); /* NetworkX happens to be exact here; sna is off by 33 */
    CA(net, CLO, UW, ref_lesmis_closeness_w_sna);
    lev_network_free(net);
}

Test(paths, kite_matches_peers_and_roles) {
    lev_network *net = load_csv(SRC("tests/data/kite_edges.csv"), NULL);
    CHECK_ALL(net, UH, kite, h);
    CHECK_NX_BETWEENNESS(net, UH, kite, h);
    CA(net, BET, UH, ref_kite_betweenness_h_sna);
    CA(net, CLO, UH, ref_kite_closeness_h_sna);
    /* Krackhardt's roles: Heather brokers most; Fernando and Garth are closest. */
    double *b = compute(net, BET, UH), *c = compute(net, CLO, UH);
    uint32_t heather, fernando, garth;
    lev_actor_find(net, "Heather", &heather);
    lev_actor_find(net, "Fernando", &fernando);
    lev_actor_find(net, "Garth", &garth);
    for (uint32_t v = 0; v < lev_actor_count(net); v++) {
        if (v != heather) cr_assert_gt(b[heather], b[v]);
        cr_assert_leq(c[v], c[fernando] + 1e-15);
    }
    cr_assert_eq(c[fernando], c[garth]);
    free(b);
    free(c);
    lev_network_free(net);
}

Test(paths, coleman_directed_out_in_and_undirected) {
    lev_network *net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
    cr_assert_eq(lev_actor_count(net), REF_COLEMAN_N);
    CHECK_ALL(net, DH, coleman, h);
    CHECK_NX_BETWEENNESS(net, DH, coleman, h);
    CA(net, BET, DH, ref_coleman_betweenness_h_sna);
    /* doc: LEV_DIR_OUT and LEV_DIR_ALL (the default) both measure distances from the actor. */
    opts out = DH, in = DH;
    out.dir = LEV_DIR_OUT;
    in.dir = LEV_DIR_IN;
    CA(net, CLO, out, ref_coleman_closeness_h_nx);
    CA(net, HAR, out, ref_coleman_harmonic_h_igraph);
    /* LEV_DIR_IN: distances to the actor (NetworkX's default for directed graphs). */
    CA(net, CLO, in, ref_coleman_closeness_in_h_exact);
    CA(net, CLO, in, ref_coleman_closeness_in_h_nx);
    CA(net, HAR, in, ref_coleman_harmonic_in_h_exact);
    CA(net, HAR, in, ref_coleman_harmonic_in_h_nx);
    CA(net, HAR, in, ref_coleman_harmonic_in_h_igraph);
    /* Betweenness ignores LEV_P_DIRECTION. */
    double *b0 = compute(net, BET, DH), *b1 = compute(net, BET, in);
    cr_assert_arr_eq(b0, b1, lev_actor_count(net) * sizeof *b0);
    free(b0);
    free(b1);
    /* LEV_P_UNDIRECTED overrides LEV_P_DIRECTION. */
    opts uin = UH;
    uin.dir = LEV_DIR_IN;
    double *c0 = compute(net, CLO, UH), *c1 = compute(net, CLO, uin);
    cr_assert_arr_eq(c0, c1, lev_actor_count(net) * sizeof *c0);
    free(c0);
    free(c1);
    lev_network_free(net);
}

Test(paths, dangling_directed_parallel_edges_and_self_loop) {
    lev_network *net = load_csv(SRC("tests/data/directed_dangling.csv"), NULL);
    cr_assert_eq(lev_edge_count(net), REF_DANGLING_EDGES);
    CHECK_ALL(net, DH, dangling, h);
    CHECK_NX_BETWEENNESS(net, DH, dangling, h);
    CHECK_ALL(net, DW, dangling, w);
    CHECK_NX_BETWEENNESS(net, DW, dangling, w);
    CA(net, BET, DH, ref_dangling_betweenness_h_sna);
    opts in = DW;
    in.dir = LEV_DIR_IN;
    CA(net, CLO, in, ref_dangling_closeness_in_w_exact);
    CA(net, CLO, in, ref_dangling_closeness_in_w_nx);
    CA(net, HAR, in, ref_dangling_harmonic_in_w_igraph);
    /* doc: of the parallel edges Alice -> Bob (0: strength 1, 1: strength 2) the strongest
     * carries the paths, hop counts or lengths alike; the self-loop Dave -> Dave (7) gets 0. */
    double *eh = compute(net, EDGE, DH), *ew = compute(net, EDGE, DW);
    cr_assert_eq(eh[0], 0);
    cr_assert_gt(eh[1], 0);
    cr_assert_eq(ew[0], 0);
    cr_assert_gt(ew[1], 0);
    cr_assert_eq(eh[7], 0);
    cr_assert_eq(ew[7], 0);
    free(eh);
    free(ew);
    lev_network_free(net);
}

Test(paths, equal_paths_with_unequal_float_sums) {
    /* A-X-B has length 1 + 1, A-P-Q-B 1 + 1/1.5 + 1/3: both 2 exactly, but summed from A in
     * double the second is 1.9999999999999998. Counting them as equal gives the pair {A, B}
     * half to X and half to P and Q. */
    lev_network *net = from_table(ref_tie_edges, NA(ref_tie_edges), NULL);
    CHECK_ALL(net, UW, tie, w);
    CHECK_ALL(net, UH, tie, h);
    CHECK_NX_BETWEENNESS(net, UH, tie, h);
    double *b = compute(net, BET, UW);
    uint32_t x, pp, q;
    lev_actor_find(net, "X", &x);
    lev_actor_find(net, "P", &pp);
    lev_actor_find(net, "Q", &q);
    /* X: half of {A, B}; P: half of {A, B}, all of {A, Q}; Q: half of {A, B}, all of {P, B}, and
     * half of {P, X}, another float tie (P-A-X is 1 + 1, P-Q-B-X 1/1.5 + 1/3 + 1). */
    cr_assert_eq(b[x], 0.5);
    cr_assert_eq(b[pp], 1.5);
    cr_assert_eq(b[q], 2);
    free(b);
    /* The directed view counts each ordered pair: from B the sums tie even in double. */
    double *bd = compute(net, BET, DW);
    cr_assert_eq(bd[x], 0.5); /* A -> X -> B only; half of it */
    free(bd);
    lev_network_free(net);
}

/* ---- closed forms on small graphs ------------------------------------------------------------ */

/* Actors v0..v(n−1) and edges e[2k] -> e[2k + 1] of strength w[k] (1 when w is NULL). */
static lev_network *graph(uint32_t n, const uint32_t *e, size_t m, const double *w) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "v");
    for (size_t k = 0; k < m; k++) cr_assert_eq(lev_edge_add(net, e[2 * k], e[2 * k + 1], w ? w[k] : 1, NULL, NULL), LEV_OK);
    return net;
}

static void expect(const lev_network *net, int k, opts o, const double *want, size_t len, const char *what) {
    double *got = compute(net, k, o);
    for (size_t i = 0; i < len; i++)
        cr_assert(fabs(got[i] - want[i]) <= 1e-12, "%s[%zu]: got %.17g, want %.17g", what, i, got[i], want[i]);
    free(got);
}

Test(paths, star) {
    enum { N = 7 };
    uint32_t e[N - 1][2];
    for (uint32_t i = 1; i < N; i++) e[i - 1][0] = 0, e[i - 1][1] = i;
    lev_network *net = graph(N, e[0], N - 1, NULL);
    double c[N], h[N], b[N], bn[N], eb[N - 1], ebn[N - 1];
    c[0] = 1, h[0] = N - 1, b[0] = (N - 1) * (N - 2) / 2.0, bn[0] = 1;
    for (int i = 1; i < N; i++) {
        c[i] = (N - 1) / (1.0 + 2.0 * (N - 2)), h[i] = 1 + (N - 2) / 2.0, b[i] = 0, bn[i] = 0;
        eb[i - 1] = N - 1;                         /* the leaf's pairs with everyone else */
        ebn[i - 1] = 2.0 * (N - 1) / (N * (N - 1.0)); /* share of ordered pairs */
    }
    expect(net, CLO, UH, c, N, "star closeness");
    expect(net, HAR, UH, h, N, "star harmonic");
    expect(net, BET, UH, b, N, "star betweenness");
    opts n = UH;
    n.normalized = 1;
    expect(net, BET, n, bn, N, "star normalized betweenness");
    expect(net, EDGE, UH, eb, N - 1, "star edge betweenness");
    expect(net, EDGE, n, ebn, N - 1, "star normalized edge betweenness");
    /* Directed out-star: the centre reaches all at 1; leaves reach nobody. */
    double cd[N] = {1}, hd[N] = {N - 1}, bd[N] = {0};
    expect(net, CLO, DH, cd, N, "out-star closeness");
    expect(net, HAR, DH, hd, N, "out-star harmonic");
    expect(net, BET, DH, bd, N, "out-star betweenness");
    lev_network_free(net);
}

Test(paths, path_cycle_complete) {
    enum { N = 6 };
    uint32_t e[N][2];
    for (uint32_t i = 0; i < N; i++) e[i][0] = i, e[i][1] = (i + 1) % N;
    /* Path v0 - v1 - ... - v5: betweenness i(N−1−i), closeness (N−1)/Σ|i−j|. */
    lev_network *path = graph(N, e[0], N - 1, NULL);
    double b[N], c[N], eb[N - 1];
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < N; j++) s += abs(i - j);
        b[i] = i * (N - 1 - i), c[i] = (N - 1) / s;
    }
    for (int i = 0; i < N - 1; i++) eb[i] = (i + 1) * (N - 1 - i);
    expect(path, BET, UH, b, N, "path betweenness");
    expect(path, CLO, UH, c, N, "path closeness");
    expect(path, EDGE, UH, eb, N - 1, "path edge betweenness");
    lev_network_free(path);
    /* Cycle C6: every actor the same; pairs at distance 3 have two paths. */
    lev_network *cyc = graph(N, e[0], N, NULL);
    double bc[N], cc[N], hc[N];
    for (int i = 0; i < N; i++) bc[i] = 2, cc[i] = 5.0 / 9, hc[i] = 2 + 1 + 1.0 / 3;
    expect(cyc, BET, UH, bc, N, "cycle betweenness");
    expect(cyc, CLO, UH, cc, N, "cycle closeness");
    expect(cyc, HAR, UH, hc, N, "cycle harmonic");
    /* Directed cycle: distances 1..5 from every actor; each actor inside 1+2+3+4 = 10 paths... */
    double bdc[N], cdc[N];
    for (int i = 0; i < N; i++) bdc[i] = 10, cdc[i] = 5.0 / 15;
    expect(cyc, BET, DH, bdc, N, "directed cycle betweenness");
    expect(cyc, CLO, DH, cdc, N, "directed cycle closeness");
    lev_network_free(cyc);
    /* Complete K5, weighted 2: distance 0.5 to everyone. */
    uint32_t k5[10][2];
    double w[10];
    size_t m = 0;
    for (uint32_t i = 0; i < 5; i++)
        for (uint32_t j = i + 1; j < 5; j++) k5[m][0] = i, k5[m][1] = j, w[m++] = 2;
    lev_network *k = graph(5, k5[0], m, w);
    double zero[10] = {0}, one[5] = {1, 1, 1, 1, 1}, hk[5] = {8, 8, 8, 8, 8}, ek[10];
    for (int i = 0; i < 10; i++) ek[i] = 1;
    expect(k, BET, UW, zero, 5, "K5 betweenness");
    expect(k, CLO, UH, one, 5, "K5 closeness (hops)");
    double c2[5] = {2, 2, 2, 2, 2};
    expect(k, CLO, UW, c2, 5, "K5 closeness (lengths 0.5)");
    expect(k, HAR, UW, hk, 5, "K5 harmonic (lengths 0.5)");
    expect(k, EDGE, UW, ek, 10, "K5 edge betweenness");
    lev_network_free(k);
}

Test(paths, empty_one_two_actors_isolated_and_self_loops) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double out[4] = {-1, -1, -1, -1};
    /* doc: an empty network gives LEV_OK and writes nothing. */
    for (int k = CLO; k <= APPROX; k++) {
        cr_assert_eq(run(k, net, NULL, out), LEV_OK);
        cr_assert_eq(out[0], -1);
    }
    /* One actor with a self-loop: every score 0; the self-loop's edge betweenness 0. */
    cr_assert_eq(lev_edge_add_by_name(net, "solo", "solo", 2, NULL, NULL), LEV_OK);
    for (int k = CLO; k <= APPROX; k++) {
        out[0] = -1;
        cr_assert_eq(run(k, net, NULL, out), LEV_OK);
        cr_assert_eq(out[0], 0, "measure %d", k);
    }
    /* Two actors, one edge a -> b (strength 4). */
    cr_assert_eq(lev_edge_add_by_name(net, "a", "b", 4, NULL, NULL), LEV_OK);
    double c[3], h[3], b[3], e[2];
    lev_params *p = mkp(DW);
    cr_assert_eq(lev_closeness(net, p, c), LEV_OK);
    cr_assert_eq(lev_harmonic(net, p, h), LEV_OK);
    cr_assert_eq(lev_betweenness(net, p, b), LEV_OK);
    cr_assert_eq(lev_edge_betweenness(net, p, e), LEV_OK);
    /* a reaches 1 of the 2 others at 0.25: (1/0.25)·(1/2). */
    cr_assert_eq(c[1], 2);
    cr_assert_eq(c[2], 0);
    cr_assert_eq(h[1], 4);
    cr_assert_eq(b[0] + b[1] + b[2], 0);
    cr_assert_eq(e[0], 0);
    cr_assert_eq(e[1], 1);
    lev_params_set_int(p, LEV_P_NORMALIZED, 1);
    cr_assert_eq(lev_edge_betweenness(net, p, e), LEV_OK);
    cr_assert_eq(e[1], 1.0 / 6); /* one of the 3·2 ordered pairs */
    cr_assert_eq(lev_harmonic(net, p, h), LEV_OK);
    cr_assert_eq(h[1], 2); /* 4/(n − 1) */
    cr_assert_eq(lev_betweenness(net, p, b), LEV_OK);
    cr_assert_eq(b[0] + b[1] + b[2], 0);
    lev_params_free(p);
    lev_network_free(net);
}

Test(paths, directions_on_a_directed_path) {
    const uint32_t e[2][2] = {{0, 1}, {1, 2}};
    lev_network *net = graph(3, e[0], 2, NULL);
    opts out = DH, in = DH, all = DH;
    out.dir = LEV_DIR_OUT, in.dir = LEV_DIR_IN, all.dir = LEV_DIR_ALL;
    const double c_out[3] = {2.0 / 3, 0.5, 0}, c_in[3] = {0, 0.5, 2.0 / 3}, c_und[3] = {2.0 / 3, 1, 2.0 / 3};
    const double h_out[3] = {1.5, 1, 0}, h_in[3] = {0, 1, 1.5};
    expect(net, CLO, out, c_out, 3, "closeness out");
    expect(net, CLO, all, c_out, 3, "closeness all = out");
    expect(net, CLO, DH, c_out, 3, "closeness default = out");
    expect(net, CLO, in, c_in, 3, "closeness in");
    expect(net, CLO, UH, c_und, 3, "closeness undirected");
    expect(net, HAR, out, h_out, 3, "harmonic out");
    expect(net, HAR, in, h_in, 3, "harmonic in");
    lev_network_free(net);
}

Test(paths, parallel_edges_fold_to_the_strongest_first_added) {
    /* a -> b three times (1, 3, 3), b -> c; and c -> a, a -> c (2 each) for the undirected view. */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_edge_add_by_name(net, "a", "b", 1, "x", NULL), LEV_OK); /* 0 */
    cr_assert_eq(lev_edge_add_by_name(net, "a", "b", 3, "y", NULL), LEV_OK); /* 1 */
    cr_assert_eq(lev_edge_add_by_name(net, "a", "b", 3, "z", NULL), LEV_OK); /* 2 */
    cr_assert_eq(lev_edge_add_by_name(net, "b", "c", 1, NULL, NULL), LEV_OK); /* 3 */
    cr_assert_eq(lev_edge_add_by_name(net, "c", "d", 2, NULL, NULL), LEV_OK); /* 4 */
    cr_assert_eq(lev_edge_add_by_name(net, "d", "c", 2, NULL, NULL), LEV_OK); /* 5 */
    cr_assert_eq(lev_edge_add_by_name(net, "d", "c", 5, NULL, NULL), LEV_OK); /* 6 */
    double *eh = compute(net, EDGE, DH), *ew = compute(net, EDGE, DW);
    /* a -> b carries (a,b), (a,c), (a,d) on edge 1 (strength 3, added before edge 2); b -> c
     * four pairs; c -> d three; d -> c only (d, c), on edge 6 (strength 5). Hops or lengths alike. */
    const double want[7] = {0, 3, 0, 4, 3, 0, 1};
    for (int k = 0; k < 7; k++) {
        cr_assert_eq(eh[k], want[k], "hops: edge %d: %g", k, eh[k]);
        cr_assert_eq(ew[k], want[k], "lengths: edge %d: %g", k, ew[k]);
    }
    free(eh);
    free(ew);
    /* Undirected: the pair c - d has edges 4 (c -> d, 2), 5 (d -> c, 2), 6 (d -> c, 5): edge 6
     * carries (a,d), (b,d), (c,d). */
    double *uh = compute(net, EDGE, UH), *uw = compute(net, EDGE, UW);
    cr_assert_eq(uh[6], 3);
    cr_assert_eq(uw[6], 3);
    cr_assert_eq(uh[4] + uh[5] + uw[4] + uw[5], 0);
    cr_assert_eq(uh[1], 3);
    cr_assert_eq(uh[0] + uh[2], 0);
    free(uh);
    free(uw);
    /* Vertex betweenness is the same as on the folded simple graph a - b - c - d. */
    double *b = compute(net, BET, UW);
    cr_assert_eq(b[0], 0);
    cr_assert_eq(b[1], 2);
    cr_assert_eq(b[2], 2);
    cr_assert_eq(b[3], 0);
    free(b);
    lev_network_free(net);
}

Test(paths, self_loops_change_nothing) {
    lev_network *a = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    lev_network *b = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    for (uint32_t v = 0; v < 34; v += 3) cr_assert_eq(lev_edge_add(b, v, v, 0.01 + v, NULL, NULL), LEV_OK);
    for (int k = CLO; k <= BET; k++)
        for (int w = 0; w < 2; w++) {
            opts o = {1, w, 0, 0, 1, 0};
            double *x = compute(a, k, o), *y = compute(b, k, o);
            cr_assert_arr_eq(x, y, 34 * sizeof *x, "measure %d weighted %d", k, w);
            free(x);
            free(y);
        }
    double *e = compute(b, EDGE, UW);
    for (size_t k = lev_edge_count(a); k < lev_edge_count(b); k++) cr_assert_eq(e[k], 0);
    free(e);
    lev_network_free(a);
    lev_network_free(b);
}

Test(paths, results_follow_mutations) {
    const uint32_t e[2][2] = {{0, 1}, {1, 2}};
    lev_network *net = graph(4, e[0], 2, NULL);
    double *b = compute(net, BET, UH);
    cr_assert_eq(b[1], 1);
    free(b);
    cr_assert_eq(lev_edge_add(net, 2, 3, 1, NULL, NULL), LEV_OK);
    b = compute(net, BET, UH);
    cr_assert_eq(b[1], 2);
    cr_assert_eq(b[2], 2);
    free(b);
    lev_network_free(net);
}

/* ---- a larger random network: thread determinism, cancel, progress --------------------------- */

/* 600 actors, 2400 edges with strengths in {1, 1.5, 2, 3} (many ties), parallel edges and
 * self-loops; deterministic. */
static lev_network *random_net(lev_network *net) {
    if (!net) cr_assert_eq(lev_network_new(&net), LEV_OK);
    uint64_t x = 12345;
    static const double ws[4] = {1, 1.5, 2, 3};
    test_add_actors(net, 600, "r");
    for (int k = 0; k < 2400; k++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        uint32_t s = (uint32_t)(x >> 33) % 600, t = (uint32_t)(x >> 13) % 600;
        if (k % 7 == 0) t = (uint32_t)(x >> 40) % 40; /* hubs */
        cr_assert_eq(lev_edge_add(net, s, t, ws[(x >> 5) & 3], NULL, NULL), LEV_OK);
    }
    return net;
}

Test(paths, bit_identical_for_any_thread_count) {
    lev_network *net = random_net(NULL);
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    for (int k = CLO; k <= APPROX; k++)
        for (int u = 0; u < 2; u++)
            for (int w = 0; w < 2; w++) {
                size_t len = k == EDGE ? m : n;
                double *ref = NULL;
                for (int t = 1; t <= 3; t++) {
                    opts o = {u, w, 0, 0, t, 0.05};
                    double *out = compute(net, k, o);
                    if (!ref)
                        ref = out;
                    else {
                        cr_assert_arr_eq(out, ref, len * sizeof *out, "measure %d undirected %d weighted %d: "
                                         "threads %d differ from 1", k, u, w, t);
                        free(out);
                    }
                }
                free(ref);
            }
    /* The options: cutoffs (hops 2, lengths 1.2), endpoints, subsets (with and without a cutoff). */
    for (int k = CLO; k <= SUB; k++) {
        if (k == APPROX) continue;
        for (int u = 0; u < 2; u++)
            for (int w = 0; w < 2; w++)
                for (int var = 0; var < (k == BET || k == SUB ? 2 : 1); var++) {
                    size_t len = k == EDGE ? m : n;
                    double *ref = NULL;
                    for (int t = 1; t <= 3; t++) {
                        opts o = {u, w, 0, 0, t, 0, 0, 0};
                        if (var == 1 || k != BET) o.cutoff = w ? 1.2 : 2;
                        if (var == 0 && k == SUB) o.cutoff = 0;
                        if (k == BET) o.endpoints = 1;
                        double *out = compute(net, k, o);
                        if (!ref)
                            ref = out;
                        else {
                            cr_assert_arr_eq(out, ref, len * sizeof *out, "measure %d undirected %d weighted %d "
                                             "variant %d: threads %d differ from 1", k, u, w, var, t);
                            free(out);
                        }
                    }
                    free(ref);
                }
    }
    lev_network_free(net);
}

static int cancel_at(void *ud, double done) {
    int *calls = ud;
    cr_assert(done > 0 && done <= 1);
    ++*calls;
    return 1;
}

typedef struct prog {
    int calls;
    double last;
} prog;

static int record(void *ud, double done) {
    prog *pr = ud;
    cr_assert(done >= pr->last && done <= 1, "progress went from %g to %g", pr->last, done);
    pr->last = done;
    pr->calls++;
    return 0;
}

Test(paths, cancel_leaves_output_and_progress_is_monotone) {
    lev_network *net = random_net(NULL);
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    double *out = malloc(m * sizeof *out);
    for (int k = CLO; k <= APPROX; k++)
        for (int t = 1; t <= 2; t++) {
            size_t len = k == EDGE ? m : n;
            for (size_t i = 0; i < len; i++) out[i] = -7;
            opts o = {1, 1, 0, 0, t, 0.05};
            lev_params *p = mkp(o);
            int calls = 0;
            lev_params_set_progress(p, cancel_at, &calls);
            /* doc: a non-zero progress return stops the call: LEV_ECANCELLED, outputs untouched. */
            cr_assert_eq(run(k, net, p, out), LEV_ECANCELLED, "measure %d threads %d", k, t);
            cr_assert_eq(lev_params_errcode(p), LEV_ECANCELLED);
            cr_assert(strstr(lev_params_errmsg(p), "cancelled"), "%s", lev_params_errmsg(p));
            for (size_t i = 0; i < len; i++) cr_assert_eq(out[i], -7, "measure %d: output %zu written", k, i);
            cr_assert_eq(calls, 1, "measure %d: the callback was called again after it cancelled", k);
            /* doc: progress is reported on the calling thread, growing, ending at 1. */
            prog pr = {0, 0};
            lev_params_set_progress(p, record, &pr);
            cr_assert_eq(run(k, net, p, out), LEV_OK);
            cr_assert_eq(pr.last, 1);
            if (t == 1) cr_assert_gt(pr.calls, 2, "measure %d: progress called %d times", k, pr.calls);
            lev_params_free(p);
        }
    free(out);
    lev_network_free(net);
}

Test(paths, misuse) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), NULL);
    double out[16];
    lev_params *p = mkp(UH);
    for (int k = CLO; k <= APPROX; k++) {
        /* doc: LEV_EMISUSE for a NULL network or output; the message goes to the params. */
        cr_assert_eq(run(k, NULL, NULL, out), LEV_EMISUSE);
        cr_assert_eq(run(k, NULL, p, out), LEV_EMISUSE);
        cr_assert_eq(run(k, net, NULL, NULL), LEV_EMISUSE);
        cr_assert_eq(lev_errcode(net), LEV_EMISUSE);
        cr_assert_eq(run(k, net, p, NULL), LEV_EMISUSE);
        cr_assert(strstr(lev_params_errmsg(p), "NULL"), "%s", lev_params_errmsg(p));
    }
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: read-only calls on one network are safe from many threads at once. */
typedef struct conc {
    const lev_network *net;
    int kind;
    double *out;
    lev_status rc;
} conc;

static void *conc_run(void *arg) {
    conc *c = arg;
    lev_params *p;
    if (lev_params_new(&p) != LEV_OK) return NULL;
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    lev_params_set_int(p, LEV_P_THREADS, 2);
    lev_params_set_double(p, LEV_P_EPSILON, 0.05);
    c->rc = run(c->kind, c->net, p, c->out);
    lev_params_free(p);
    return NULL;
}

Test(paths, concurrent_calls_on_one_network) {
    lev_network *net = random_net(NULL); /* compact form not built yet: the calls race to build it */
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    enum { T = 5 };
    pthread_t th[T];
    conc c[T];
    for (int i = 0; i < T; i++) {
        c[i] = (conc){net, i, malloc((i == EDGE ? m : n) * sizeof(double)), LEV_EMISUSE};
        cr_assert_eq(pthread_create(&th[i], NULL, conc_run, &c[i]), 0);
    }
    for (int i = 0; i < T; i++) cr_assert_eq(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < T; i++) {
        cr_assert_eq(c[i].rc, LEV_OK, "measure %d", i);
        opts o = {1, 1, 0, 0, 1, 0.05};
        double *alone = compute(net, i, o);
        cr_assert_arr_eq(alone, c[i].out, (i == EDGE ? m : n) * sizeof(double), "measure %d", i);
        free(alone);
        free(c[i].out);
    }
    lev_network_free(net);
}

/* ---- sampled betweenness ----------------------------------------------------------------------- */

static void approx_within_eps(const char *edges, const char *actors, opts o, double eps) {
    lev_network *net = load_csv(edges, actors);
    size_t n = lev_actor_count(net);
    opts on = o;
    on.normalized = 1;
    double *exact = compute(net, BET, on), *prev = NULL;
    double worst_all = 0;
    for (int seed = 1; seed <= 5; seed++) {
        lev_params *p = mkp(o); /* LEV_P_NORMALIZED 0: the estimates are normalized anyway */
        lev_params_set_int(p, LEV_P_SEED, seed);
        lev_params_set_double(p, LEV_P_EPSILON, eps);
        double *est = calloc(n, sizeof *est), *again = calloc(n, sizeof *again);
        cr_assert_eq(lev_betweenness_approx(net, p, est), LEV_OK, "%s", lev_params_errmsg(p));
        if (seed == 1) {
            cr_assert_eq(lev_betweenness_approx(net, p, again), LEV_OK);
            cr_assert_arr_eq(est, again, n * sizeof *est, "same seed, same answer");
        }
        double worst = 0;
        for (size_t v = 0; v < n; v++) worst = fmax(worst, fabs(est[v] - exact[v]));
        cr_assert_leq(worst, eps, "%s seed %d: max error %g > epsilon %g", edges, seed, worst, eps);
        cr_assert_gt(worst, 0, "%s seed %d: sampling should not be exact", edges, seed);
        if (prev) cr_assert(memcmp(prev, est, n * sizeof *est) != 0, "seeds %d and %d agree", seed - 1, seed);
        worst_all = fmax(worst_all, worst);
        free(prev);
        free(again);
        prev = est;
        lev_params_free(p);
    }
    cr_log_info("%s: sampled betweenness, max error over 5 seeds %.3g (epsilon %g)", edges, worst_all, eps);
    free(prev);
    free(exact);
    lev_network_free(net);
}

Test(paths, approx_within_epsilon_karate) {
    approx_within_eps(SRC("tests/data/karate_edges.csv"), NULL, UH, 0.01);
    approx_within_eps(SRC("tests/data/karate_weighted_edges.csv"), NULL, UW, 0.02);
}

Test(paths, approx_within_epsilon_lesmis) {
    approx_within_eps(SRC("tests/data/lesmis_edges.csv"), NULL, UW, 0.01);
    approx_within_eps(SRC("tests/data/lesmis_edges.csv"), NULL, UH, 0.02);
}

Test(paths, approx_within_epsilon_coleman_directed) {
    approx_within_eps(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"), DH, 0.01);
    approx_within_eps(SRC("tests/data/directed_dangling.csv"), NULL, DW, 0.02);
}

Test(paths, approx_bit_identical_across_threads_directed_weighted) {
    lev_network *net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
    size_t n = lev_actor_count(net);
    double *ref = NULL;
    for (int t = 1; t <= 3; t++) {
        opts o = {0, 1, 0, 0, t, 0};
        double *out = compute(net, APPROX, o);
        if (!ref)
            ref = out;
        else {
            cr_assert_arr_eq(out, ref, n * sizeof *out, "threads %d", t);
            free(out);
        }
    }
    free(ref);
    lev_network_free(net);
}

Test(paths, approx_exact_zero_when_no_actor_can_be_between) {
    /* K4: every shortest path has 2 actors (vertex diameter 2): all zero, no sampling. */
    uint32_t e[6][2];
    size_t m = 0;
    for (uint32_t i = 0; i < 4; i++)
        for (uint32_t j = i + 1; j < 4; j++) e[m][0] = i, e[m++][1] = j;
    lev_network *net = graph(4, e[0], m, NULL);
    double zero[4] = {0};
    expect(net, APPROX, UH, zero, 4, "K4 sampled");
    lev_network_free(net);
    /* Star: leaves are never between (exactly 0); the centre's estimate is within epsilon of 1. */
    const uint32_t s[4][2] = {{0, 1}, {0, 2}, {0, 3}, {0, 4}};
    net = graph(5, s[0], 4, NULL);
    double *est = compute(net, APPROX, UH);
    cr_assert_leq(fabs(est[0] - 1), 0.01);
    for (int v = 1; v < 5; v++) cr_assert_eq(est[v], 0);
    free(est);
    lev_network_free(net);
    /* Two actors, or a network without edges: 0. */
    net = graph(3, s[0], 0, NULL);
    expect(net, APPROX, UH, zero, 3, "no edges");
    lev_network_free(net);
}

/* ---- allocation failure at every site ------------------------------------------------------------ */

typedef struct oomcase {
    const char *edges, *actors;
    int kind;
    opts o;
} oomcase;

static void oom_sweep(const oomcase *oc, int built) {
    long fail_at;
    for (fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        lev_network *net;
        cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
        if (oc->actors) cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, oc->actors, NULL), LEV_OK);
        if (oc->edges)
            cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, oc->edges, NULL), LEV_OK);
        else
            random_net(net);
        size_t len = oc->kind == EDGE ? lev_edge_count(net) : lev_actor_count(net);
        double *out = malloc(len * sizeof *out);
        if (built) cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
        for (size_t i = 0; i < len; i++) out[i] = -7;
        char *before = dump_network(net);
        lev_params *p = mkp(oc->o);
        fa.fail_at = fa.calls + fail_at;
        fa.armed = 1;
        lev_status rc = run(oc->kind, net, p, out);
        fa.armed = 0;
        char *after = dump_network(net);
        int done = rc == LEV_OK;
        if (!done) {
            cr_assert_eq(rc, LEV_ENOMEM, "measure %d: allocation %ld failed with %s", oc->kind, fail_at,
                         lev_status_name(rc));
            cr_assert_eq(lev_params_errcode(p), LEV_ENOMEM);
            cr_assert_str_eq(after, before, "allocation %ld changed the network", fail_at);
            for (size_t i = 0; i < len; i++) cr_assert_eq(out[i], -7, "allocation %ld: output written", fail_at);
        }
        free(before);
        free(after);
        free(out);
        lev_params_free(p);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0, "measure %d: allocation %ld: %ld blocks leaked", oc->kind, fail_at,
                     fa.live_blocks);
        cr_assert_eq(fa.bad_osize, 0, "allocation %ld: wrong osize", fail_at);
        if (done) break;
        cr_assert(fail_at < 1000, "never succeeded");
    }
    cr_log_info("measure %d (%s, compact form %s): %ld allocation sites failed and recovered", oc->kind,
                oc->edges ? oc->edges : "random", built ? "built" : "not built", fail_at);
}

Test(paths, allocation_failure_at_every_site) {
    const char *flo = SRC("examples/data/florentine_edges.csv"), *dang = SRC("tests/data/directed_dangling.csv");
    const char *inex = SRC("tests/data/directed_inexact.csv");
    const opts u2 = {1, 0, 0, 0, 2, 0.05}, d2 = {0, 0, 0, 0, 2, 0.05}, dw2 = {0, 1, 0, 0, 2, 0.05};
    const oomcase cases[] = {
        {flo, NULL, CLO, UH},    {flo, NULL, HAR, UW},    {flo, NULL, BET, UH},     {flo, NULL, BET, UW},
        {flo, NULL, EDGE, UH},   {dang, NULL, CLO, DW},   {dang, NULL, BET, DH},    {dang, NULL, BET, DW},
        {dang, NULL, EDGE, DH},  {dang, NULL, EDGE, UW},  {flo, NULL, APPROX, UH},  {dang, NULL, APPROX, DW},
        {dang, NULL, APPROX, DH}, {NULL, NULL, BET, u2},  {NULL, NULL, EDGE, d2},   {NULL, NULL, CLO, dw2},
        {NULL, NULL, APPROX, d2},
        /* the options: cutoff, endpoints, subsets */
        {flo, NULL, BET, {1, 0, 0, 0, 1, 0, 2, 1}}, {dang, NULL, CLO, {0, 1, 0, 0, 1, 0, 1.5, 0}},
        {flo, NULL, SUB, UH}, {dang, NULL, SUB, DW}, {NULL, NULL, SUB, u2},
        /* strengths that are not floats: lengths from the model's doubles (exact_arcs) */
        {inex, NULL, BET, DW}, {inex, NULL, EDGE, UW}, {inex, NULL, SUB, UW},
    };
    for (size_t i = 0; i < NA(cases); i++) {
        oom_sweep(&cases[i], 0);
        oom_sweep(&cases[i], 1);
    }
}

/* ---- ties under single-precision strengths --------------------------------------------------- */

/* a -> b 1, b -> c 1/2, a -> c 1/(3·f): with f = 1 the paths a-b-c (1 + 2) and a-c (3) are equally
 * short, and b gets half of the pair (a, c). float32 cannot hold 1/3: 1/(float)(1/3) is not 3. */
static lev_network *tie3(double f) {
    static const uint32_t e[] = {0, 1, 1, 2, 0, 2};
    const double w[] = {1, 0.5, 1.0 / (3.0 * f)};
    return graph(3, e, 3, w);
}

Test(paths, float32_strengths_tie_from_the_exact_values) {
    const opts DWx = DW, UWx = UW;
    for (int u = 0; u < 2; u++) {
        opts o = u ? UWx : DWx;
        lev_network *net = tie3(1);
        double *b = compute(net, BET, o);
        cr_assert(fabs(b[1] - 0.5) <= 1e-15, "undirected %d: b = %.17g, want 0.5 (two shortest a-c paths)", u, b[1]);
        cr_assert_eq(b[0], 0);
        cr_assert_eq(b[2], 0);
        free(b);
        /* edge betweenness: the pair (a, c) splits over a -> c and a -> b -> c */
        double *eb = compute(net, EDGE, o);
        const double ewant[] = {1.5, 1.5, 0.5}; /* (a, b) + half (a, c); (b, c) + half (a, c); half (a, c) */
        for (int k = 0; k < 3; k++)
            cr_assert(fabs(eb[k] - ewant[k]) <= 1e-15, "undirected %d edge %d: %.17g", u, k, eb[k]);
        free(eb);
        lev_network_free(net);
        /* Lengths that truly differ must not tie: 1e-4 and 1e-8 relative, either way. float32
         * cannot tell 1/(3(1 + 1e-8)) from 1/3 (so a float tolerance could not either). */
        cr_assert_eq((float)(1.0 / (3.0 * (1 + 1e-8))), (float)(1.0 / 3.0));
        const double fs[] = {1 + 1e-4, 1 - 1e-4, 1 + 1e-8, 1 - 1e-8};
        for (int i = 0; i < 4; i++) {
            net = tie3(fs[i]);
            b = compute(net, BET, o);
            double want = fs[i] > 1 ? 1 : 0; /* a -> c longer: all through b; shorter: none */
            cr_assert_eq(b[1], want, "undirected %d, a -> c length 3·(1 %+g): b = %.17g, want %g", u, fs[i] - 1,
                         b[1], want);
            free(b);
            lev_network_free(net);
        }
    }
}

Test(paths, float32_strengths_tie_along_a_long_path) {
    /* v0 -> v1 -> ... -> v7, seven edges of strength 0.7 (length 10/7 each, 10 in all), and
     * v0 -> v7 of strength 0.1 (length 10): neither strength is a float. Each of v1..v6 lies on
     * one of the two shortest v0 -> v7 paths. */
    uint32_t e[16];
    double w[8];
    for (uint32_t i = 0; i < 7; i++) e[2 * i] = i, e[2 * i + 1] = i + 1, w[i] = 0.7;
    e[14] = 0, e[15] = 7, w[7] = 0.1;
    lev_network *net = graph(8, e, 8, w);
    const uint32_t src = 0, tgt = 7;
    double out[8];
    lev_params *p = mkp(DW);
    cr_assert_eq(lev_betweenness_subset(net, &src, 1, &tgt, 1, p, out), LEV_OK, "%s", lev_params_errmsg(p));
    for (int v = 1; v < 7; v++) cr_assert(fabs(out[v] - 0.5) <= 1e-15, "v%d: %.17g", v, out[v]);
    cr_assert_eq(out[0], 0);
    cr_assert_eq(out[7], 0);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- LEV_P_CUTOFF ------------------------------------------------------------------------------ */

#define CHECK_CUT(net, o, set, tag)                                                                \
    do {                                                                                           \
        CA(net, BET, o, ref_##set##_betweenness_##tag##_igraph);                                   \
        CE(net, o, ref_##set##_edge_betweenness_##tag##_igraph);                                   \
        CA(net, CLO, o, ref_##set##_closeness_##tag##_nx);                                         \
        CA(net, HAR, o, ref_##set##_harmonic_##tag##_nx);                                          \
    } while (0)

static opts with_cut(opts o, double c) {
    o.cutoff = c;
    return o;
}

Test(paths, cutoff_matches_igraph_undirected) {
    lev_network *net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    CHECK_CUT(net, with_cut(UH, 2), karate, h_cut2);
    CHECK_CUT(net, with_cut(UH, 3), karate, h_cut3);
    CHECK_CUT(net, with_cut(UH, 2.5), karate, h_cut2); /* hops: ⌊cutoff⌋ */
    lev_network_free(net);
    net = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    CHECK_CUT(net, with_cut(UW, 0.6), karate_w, w_cut0p6);
    CHECK_CUT(net, with_cut(UW, 1.2), karate_w, w_cut1p2);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    CHECK_CUT(net, with_cut(UH, 2), lesmis, h_cut2);
    CHECK_CUT(net, with_cut(UW, 0.75), lesmis, w_cut0p75);
    lev_network_free(net);
}

Test(paths, cutoff_matches_igraph_directed) {
    lev_network *net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
    CHECK_CUT(net, with_cut(DH, 2), coleman, h_cut2);
    CHECK_CUT(net, with_cut(DH, 3), coleman, h_cut3);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/directed_dangling.csv"), NULL);
    CHECK_CUT(net, with_cut(DH, 1), dangling, h_cut1);
    CHECK_CUT(net, with_cut(DW, 1.5), dangling, w_cut1p5);
    lev_network_free(net);
}

Test(paths, cutoff_boundaries_by_hand) {
    /* a -> b strength 1, b -> c strength 1/2: a-b-c has length 3 (2 hops). */
    static const uint32_t e[] = {0, 1, 1, 2};
    const double w[] = {1, 0.5};
    lev_network *net = graph(3, e, 2, w);
    struct { opts o; double b, clo_a, har_a; } cases[] = {
        {with_cut(DW, 3), 1, 2.0 / 4.0, 1 + 1.0 / 3.0},     /* the path of length 3 counts */
        {with_cut(DW, 2.9), 0, 1.0 / 2.0, 1},             /* a reaches b only: (1/1)(1/2) */
        {with_cut(DW, 0.5), 0, 0, 0},                     /* nobody within 0.5 */
        {with_cut(DH, 2), 1, 2.0 / 3.0, 1.5},
        {with_cut(DH, 1.99), 0, 1.0 / 2.0, 1},
        {with_cut(DH, 0.5), 0, 0, 0},
        {with_cut(DW, 1e300), 1, 2.0 / 4.0, 1 + 1.0 / 3.0}, /* no bound in effect */
    };
    for (size_t i = 0; i < NA(cases); i++) {
        double *b = compute(net, BET, cases[i].o), *c = compute(net, CLO, cases[i].o), *h = compute(net, HAR, cases[i].o);
        cr_assert(fabs(b[1] - cases[i].b) <= 1e-15, "case %zu: b = %.17g", i, b[1]);
        cr_assert(fabs(c[0] - cases[i].clo_a) <= 1e-15, "case %zu: closeness(a) = %.17g", i, c[0]);
        cr_assert(fabs(h[0] - cases[i].har_a) <= 1e-15, "case %zu: harmonic(a) = %.17g", i, h[0]);
        free(b), free(c), free(h);
    }
    lev_network_free(net);
    /* A cutoff beyond the diameter changes nothing (undirected: leaf pruning is off with one). */
    net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    for (int k = CLO; k <= EDGE; k++) {
        size_t len = k == EDGE ? lev_edge_count(net) : lev_actor_count(net);
        double *a = compute(net, k, UH), *b = compute(net, k, with_cut(UH, 100));
        for (size_t i = 0; i < len; i++) cr_assert(fabs(a[i] - b[i]) <= 1e-9, "measure %d [%zu]", k, i);
        free(a), free(b);
    }
    lev_network_free(net);
}

/* ---- LEV_P_ENDPOINTS ------------------------------------------------------------------------------ */

static opts with_ep(opts o, int normalized) {
    o.endpoints = 1;
    o.normalized = normalized;
    return o;
}

Test(paths, endpoints_match_networkx) {
    lev_network *net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    CA(net, BET, with_ep(UH, 0), ref_karate_betweenness_endpoints_h_nx);
    CA(net, BET, with_ep(UH, 1), ref_karate_betweenness_endpoints_norm_h_nx);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    CA(net, BET, with_ep(UH, 0), ref_lesmis_betweenness_endpoints_h_nx);
    CA(net, BET, with_ep(UH, 1), ref_lesmis_betweenness_endpoints_norm_h_nx);
    CA(net, BET, with_ep(UW, 0), ref_lesmis_betweenness_endpoints_w_nx);
    CA(net, BET, with_ep(UW, 1), ref_lesmis_betweenness_endpoints_norm_w_nx);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
    CA(net, BET, with_ep(DH, 0), ref_coleman_betweenness_endpoints_h_nx);
    CA(net, BET, with_ep(DH, 1), ref_coleman_betweenness_endpoints_norm_h_nx);
    lev_network_free(net);
}

Test(paths, endpoints_small_cases) {
    /* One actor: 0. Two actors a -> b: a starts one path, b ends it; normalized by n(n − 1) = 2. */
    lev_network *net = graph(1, NULL, 0, NULL);
    double zero[1] = {0};
    expect(net, BET, with_ep(DH, 1), zero, 1, "one actor");
    lev_network_free(net);
    static const uint32_t e2[] = {0, 1};
    net = graph(2, e2, 1, NULL);
    const double d2[] = {1, 1}, n2[] = {0.5, 0.5}, u2[] = {1, 1};
    expect(net, BET, with_ep(DH, 0), d2, 2, "a -> b");
    expect(net, BET, with_ep(DH, 1), n2, 2, "a -> b normalized");
    expect(net, BET, with_ep(UH, 0), u2, 2, "a - b undirected (two ordered pairs, halved)");
    lev_network_free(net);
    /* A star with centre 0 and 4 leaves, undirected (leaves ride on the centre's search): the
     * centre is on the 6 leaf pairs and ends 4 pairs; each leaf ends 4. With a cutoff of 1 hop
     * only the 4 centre-leaf pairs remain. */
    static const uint32_t es[] = {0, 1, 0, 2, 0, 3, 0, 4};
    net = graph(5, es, 4, NULL);
    const double ws[] = {10, 4, 4, 4, 4}, wc[] = {4, 1, 1, 1, 1};
    expect(net, BET, with_ep(UH, 0), ws, 5, "star");
    opts oc = with_ep(UH, 0);
    oc.cutoff = 1;
    expect(net, BET, oc, wc, 5, "star, cutoff 1");
    lev_network_free(net);
}

/* ---- lev_betweenness_subset ---------------------------------------------------------------------- */

static uint32_t *indices(const lev_network *net, const char *const *names, size_t len) {
    uint32_t *idx = malloc((len + 1) * sizeof *idx);
    for (size_t i = 0; i < len; i++) cr_assert_eq(lev_actor_find(net, names[i], &idx[i]), LEV_OK, "%s", names[i]);
    return idx;
}

static void check_subset(const lev_network *net, opts o, const char *const *src, size_t ns, const char *const *tgt,
                         size_t nt, const ref_value *ref, size_t len, const char *what) {
    uint32_t *s = indices(net, src, ns), *t = tgt ? indices(net, tgt, nt) : NULL;
    size_t n = lev_actor_count(net);
    double *out = calloc(n, sizeof *out);
    for (int threads = 1; threads <= 2; threads++) {
        o.threads = threads;
        lev_params *p = mkp(o);
        cr_assert_eq(lev_betweenness_subset(net, s, ns, t, tgt ? nt : 0, p, out), LEV_OK, "%s", lev_params_errmsg(p));
        check_ref(net, out, ref, len, TOL, what);
        lev_params_free(p);
    }
    free(out);
    free(s);
    free(t);
}

#define CS(net, o, set, tgts, arr)                                                                 \
    check_subset(net, o, ref_##set##_subset_sources, NA(ref_##set##_subset_sources), tgts,          \
                 NA(ref_##set##_subset_targets), arr, NA(arr), #arr)

static opts norm(opts o) {
    o.normalized = 1;
    return o;
}

Test(paths, subset_matches_networkx) {
    lev_network *net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    CS(net, UH, karate, ref_karate_subset_targets, ref_karate_subset_h_nx);
    CS(net, norm(UH), karate, ref_karate_subset_targets, ref_karate_subset_norm_h_nx);
    CS(net, UH, karate, NULL, ref_karate_subset_alltargets_h_nx);
    CS(net, norm(UH), karate, NULL, ref_karate_subset_alltargets_norm_h_nx);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    CS(net, UH, lesmis, ref_lesmis_subset_targets, ref_lesmis_subset_h_nx);
    CS(net, norm(UH), lesmis, ref_lesmis_subset_targets, ref_lesmis_subset_norm_h_nx);
    CS(net, UH, lesmis, NULL, ref_lesmis_subset_alltargets_h_nx);
    CS(net, UW, lesmis, ref_lesmis_subset_targets, ref_lesmis_subset_w_nx);
    CS(net, norm(UW), lesmis, ref_lesmis_subset_targets, ref_lesmis_subset_norm_w_nx);
    CS(net, UW, lesmis, NULL, ref_lesmis_subset_alltargets_w_nx);
    CS(net, norm(UW), lesmis, NULL, ref_lesmis_subset_alltargets_norm_w_nx);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
    CS(net, DH, coleman, ref_coleman_subset_targets, ref_coleman_subset_h_nx);
    CS(net, norm(DH), coleman, ref_coleman_subset_targets, ref_coleman_subset_norm_h_nx);
    CS(net, DH, coleman, NULL, ref_coleman_subset_alltargets_h_nx);
    CS(net, norm(DH), coleman, NULL, ref_coleman_subset_alltargets_norm_h_nx);
    lev_network_free(net);
}

Test(paths, subset_of_everyone_is_betweenness_and_empty_sets_give_zero) {
    lev_network *net = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    size_t n = lev_actor_count(net);
    uint32_t *all = malloc(n * sizeof *all);
    for (size_t i = 0; i < n; i++) all[i] = (uint32_t)(n - 1 - i); /* any order */
    double *out = malloc(n * sizeof *out);
    const opts os[] = {UH, UW, DH, DW, norm(UW), with_cut(UW, 1.2)};
    for (size_t k = 0; k < NA(os); k++) {
        double *b = compute(net, BET, os[k]);
        lev_params *p = mkp(os[k]);
        cr_assert_eq(lev_betweenness_subset(net, all, n, NULL, 0, p, out), LEV_OK);
        for (size_t i = 0; i < n; i++) cr_assert(fabs(out[i] - b[i]) <= 1e-9, "options %zu, actor %zu", k, i);
        cr_assert_eq(lev_betweenness_subset(net, all, n, all, n, p, out), LEV_OK);
        for (size_t i = 0; i < n; i++) cr_assert(fabs(out[i] - b[i]) <= 1e-9, "options %zu, actor %zu", k, i);
        /* no sources, or an empty (non-NULL) target set: every score 0 */
        cr_assert_eq(lev_betweenness_subset(net, NULL, 0, NULL, 0, p, out), LEV_OK);
        for (size_t i = 0; i < n; i++) cr_assert_eq(out[i], 0);
        for (size_t i = 0; i < n; i++) out[i] = 7;
        cr_assert_eq(lev_betweenness_subset(net, all, n, all, 0, p, out), LEV_OK);
        for (size_t i = 0; i < n; i++) cr_assert_eq(out[i], 0);
        lev_params_free(p);
        free(b);
    }
    free(out);
    free(all);
    lev_network_free(net);
}

Test(paths, subset_bad_input) {
    lev_network *net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    double out[34];
    for (int i = 0; i < 34; i++) out[i] = -7;
    lev_params *p = mkp(UH);
    const uint32_t bad[] = {0, 3, 34}, dup[] = {5, 1, 2, 1}, ok[] = {0, 1};
    cr_assert_eq(lev_betweenness_subset(net, bad, 3, NULL, 0, p, out), LEV_EINVAL);
    cr_assert_str_eq(lev_params_errmsg(p), "betweenness subset: sources[2] = 34 is not an actor (the network has 34)");
    cr_assert_eq(lev_betweenness_subset(net, ok, 2, bad, 3, p, out), LEV_EINVAL);
    cr_assert_str_eq(lev_params_errmsg(p), "betweenness subset: targets[2] = 34 is not an actor (the network has 34)");
    cr_assert_eq(lev_betweenness_subset(net, dup, 4, NULL, 0, p, out), LEV_EINVAL);
    cr_assert_str_eq(lev_params_errmsg(p),
                     "betweenness subset: sources[3] repeats sources[1] (actor 1); give each actor once");
    cr_assert_eq(lev_betweenness_subset(net, ok, 2, dup, 4, p, out), LEV_EINVAL);
    cr_assert_eq(lev_betweenness_subset(net, NULL, 2, NULL, 0, p, out), LEV_EMISUSE);
    cr_assert_str_eq(lev_params_errmsg(p), "betweenness subset: sources is NULL but its length is 2");
    cr_assert_eq(lev_betweenness_subset(net, ok, 2, NULL, 3, p, out), LEV_EMISUSE);
    cr_assert_eq(lev_betweenness_subset(net, ok, 2, NULL, 0, p, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_betweenness_subset(NULL, ok, 2, NULL, 0, p, out), LEV_EMISUSE);
    for (int i = 0; i < 34; i++) cr_assert_eq(out[i], -7, "output written on failure");
    /* with p == NULL the message goes to the network */
    cr_assert_eq(lev_betweenness_subset(net, bad, 3, NULL, 0, NULL, out), LEV_EINVAL);
    cr_assert_eq(lev_errcode(net), LEV_EINVAL);
    lev_params_free(p);
    /* an empty network: every index is out of range, and no sources is fine */
    lev_network *empty;
    cr_assert_eq(lev_network_new(&empty), LEV_OK);
    cr_assert_eq(lev_betweenness_subset(empty, ok, 1, NULL, 0, NULL, out), LEV_EINVAL);
    cr_assert_eq(lev_betweenness_subset(empty, NULL, 0, NULL, 0, NULL, out), LEV_OK);
    lev_network_free(empty);
    lev_network_free(net);
}

/* ---- sampled betweenness: the sample count, and unbiased sampling ------------------------------ */

/* doc: lev_betweenness_sampled, r ≤ ω = ⌈(0.5/ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))⌉, ε' = ε(n − 2)/n,
 * VD over the strongly connected components (these small networks run to ω). Hand-worked VDs: */
static void check_samples(const char *edges, int undirected, int weighted, uint64_t vd, double eps, double delta) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, edges, strlen(edges), "<vd>", NULL), LEV_OK, "%s",
                 lev_errmsg(net));
    size_t n = lev_actor_count(net);
    lev_params *p = mkp((opts){undirected, weighted, 0, 0, 2, eps});
    cr_assert_eq(lev_params_set_double(p, LEV_P_DELTA, delta), LEV_OK);
    double *out = calloc(n, sizeof *out), e = -1, e2 = eps * ((double)n - 2) / (double)n;
    uint64_t r = 1;
    cr_assert_eq(lev_betweenness_sampled(net, p, out, &r, &e), LEV_OK, "%s", lev_params_errmsg(p));
    uint64_t want = vd < 3 ? 0 : (uint64_t)ceil(0.5 / (e2 * e2) * (floor(log2((double)(vd - 2))) + 1 + log(2 / delta)));
    cr_assert_eq(r, want, "%s: %llu samples, want %llu (VD %llu)", edges, (unsigned long long)r,
                 (unsigned long long)want, (unsigned long long)vd);
    cr_assert_eq(e, vd < 3 ? 0 : eps);
    double *again = calloc(n, sizeof *again);
    cr_assert_eq(lev_betweenness_approx(net, p, again), LEV_OK);
    cr_assert_arr_eq(out, again, n * sizeof *out, "same scores as lev_betweenness_approx");
    free(again);
    free(out);
    lev_params_free(p);
    lev_network_free(net);
}

Test(paths, approx_sample_count) {
    /* a directed path of 5: five one-actor components in a chain, VD 5 */
    check_samples("source,target,weight\na,b,1\nb,c,1\nc,d,1\nd,e,1\n", 0, 1, 5, 0.1, 0.1);
    /* a directed 3-cycle (ecc_in + ecc_out = 4 hops, capped at its 3 actors) into d: VD 4 */
    check_samples("source,target,weight\na,b,1\nb,c,1\nc,a,1\nc,d,1\n", 0, 0, 4, 0.1, 0.1);
    /* the same weighted, strengths 5, 5, 1 (lengths 0.2, 0.2, 1): still 3 + 1 */
    check_samples("source,target,weight\na,b,5\nb,c,5\nc,a,1\nc,d,1\n", 0, 1, 4, 0.05, 0.01);
    /* an undirected star: from the hub, 2·1 + 1 = 3 */
    check_samples("source,target,weight\nh,a,1\nh,b,1\nh,c,1\nh,d,1\n", 1, 0, 3, 0.1, 0.1);
    /* an undirected path of 6 with lengths 1 and 0.25 (strengths 1, 4): a shortest weighted path
     * may have more ties than the hop diameter; here 6 actors, the component's size */
    check_samples("source,target,weight\na,b,4\nb,c,1\nc,d,4\nd,e,4\ne,f,1\n", 1, 1, 6, 0.1, 0.1);
    /* two actors: nobody is between, 0 samples, exact zeros */
    check_samples("source,target,weight\na,b,1\n", 0, 0, 0, 0.1, 0.1);
}

/* Sharper than "within ε": each estimate is a mean of r Bernoulli draws, so a sampler that picks
 * paths unevenly (e.g. a bidirectional search that miscounts where the two halves meet) shows as
 * errors of many standard deviations even when they are below ε. 6σ per actor (+ 1/r). */
static void approx_unbiased(const char *edges, const char *actors, opts o, uint64_t seed) {
    lev_network *net = load_csv(edges, actors);
    size_t n = lev_actor_count(net);
    opts on = o;
    on.normalized = 1;
    double *exact = compute(net, BET, on), *est = calloc(n, sizeof *est), eps = 0;
    lev_params *p = mkp(o);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, (int64_t)seed), LEV_OK);
    uint64_t r = 0;
    cr_assert_eq(lev_betweenness_sampled(net, p, est, &r, &eps), LEV_OK);
    double k = (double)n / ((double)n - 2); /* estimates are counts/r times n/(n − 2) */
    double worst = 0;
    for (size_t v = 0; v < n; v++) {
        double q = exact[v] / k, sd = sqrt(q * (1 - q) / (double)r) * k;
        double z = fabs(est[v] - exact[v]) / (sd + k / (double)r);
        cr_assert(z <= 6, "%s: actor %zu estimate %.6g exact %.6g (%.1f sd, r = %llu)", edges, v, est[v], exact[v], z,
                  (unsigned long long)r);
        worst = fmax(worst, z);
    }
    cr_log_info("%s: sampled betweenness, worst %.2f sd over %zu actors, r = %llu", edges, worst, n,
                (unsigned long long)r);
    free(exact);
    free(est);
    lev_params_free(p);
    lev_network_free(net);
}

Test(paths, approx_unbiased) {
    approx_unbiased(SRC("tests/data/karate_edges.csv"), NULL, (opts){1, 0, 0, 0, 2, 0.005}, 3);
    approx_unbiased(SRC("tests/data/lesmis_edges.csv"), NULL, (opts){1, 1, 0, 0, 2, 0.005}, 4);
    approx_unbiased(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"),
                    (opts){0, 0, 0, 0, 2, 0.005}, 5);
    approx_unbiased(SRC("tests/data/directed_inexact.csv"), NULL, (opts){0, 1, 0, 0, 2, 0.005}, 6);
}

/* ---- closeness and harmonic of a subset of actors ----------------------------------------------- */

/* doc: lev_closeness_subset, lev_harmonic_subset: out[i] is bit-identical to the full call's
 * element actors[i], for every option the full call reads. */
Test(paths, closeness_and_harmonic_subset_equal_the_full_scores) {
    const char *files[] = {"tests/data/karate_weighted_edges.csv", "tests/data/lesmis_edges.csv",
                           "tests/data/directed_dangling.csv", "tests/data/coleman_edges.csv"};
    const uint32_t pick[] = {5, 0, 17, 3, 33, 1, 70};
    opts forms[] = {UH, UW, DH, DW, {0, 1, LEV_DIR_IN, 0, 2, 0, 0, 0}, {0, 0, LEV_DIR_OUT, 1, 3, 0, 2, 0},
                    {1, 1, 0, 1, 1, 0, 0.6, 0}};
    for (size_t f = 0; f < NA(files); f++) {
        lev_network *net = NULL;
        cr_assert_eq(lev_network_new(&net), LEV_OK);
        char path[512];
        snprintf(path, sizeof path, "%s/%s", LEV_SOURCE_DIR, files[f]);
        cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL), LEV_OK, "%s", lev_errmsg(net));
        size_t n = lev_actor_count(net), k = 0;
        uint32_t sub[NA(pick)];
        for (size_t i = 0; i < NA(pick); i++)
            if (pick[i] < n) sub[k++] = pick[i];
        double *full = calloc(n, sizeof *full), part[NA(pick)];
        for (size_t o = 0; o < NA(forms); o++)
            for (int harmonic = 0; harmonic < 2; harmonic++) {
                lev_params *p = mkp(forms[o]);
                lev_status rc = harmonic ? lev_harmonic(net, p, full) : lev_closeness(net, p, full);
                cr_assert_eq(rc, LEV_OK);
                rc = harmonic ? lev_harmonic_subset(net, sub, k, p, part) : lev_closeness_subset(net, sub, k, p, part);
                cr_assert_eq(rc, LEV_OK, "%s", lev_params_errmsg(p));
                for (size_t i = 0; i < k; i++)
                    cr_assert(part[i] == full[sub[i]], "%s form %zu %s: actor %u %.17g vs %.17g", files[f], o,
                              harmonic ? "harmonic" : "closeness", (unsigned)sub[i], part[i], full[sub[i]]);
                lev_params_free(p);
            }
        /* Bad subsets: named, nothing written. */
        lev_params *p = mkp(DH);
        double guard[2] = {-1, -1};
        uint32_t bad[2] = {0, (uint32_t)n};
        cr_assert_eq(lev_closeness_subset(net, bad, 2, p, guard), LEV_EINVAL);
        cr_assert(strstr(lev_params_errmsg(p), "closeness subset: actors[1]"), "%s", lev_params_errmsg(p));
        uint32_t twice[2] = {1, 1};
        cr_assert_eq(lev_harmonic_subset(net, twice, 2, p, guard), LEV_EINVAL);
        cr_assert(strstr(lev_params_errmsg(p), "actors[1] repeats actors[0]"), "%s", lev_params_errmsg(p));
        cr_assert_eq(lev_closeness_subset(net, NULL, 2, p, guard), LEV_EMISUSE);
        cr_assert(guard[0] == -1 && guard[1] == -1, "output written on failure");
        cr_assert_eq(lev_closeness_subset(net, NULL, 0, p, guard), LEV_OK);
        lev_params_free(p);
        free(full);
        lev_network_free(net);
    }
}
