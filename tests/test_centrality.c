/*
 * Degree, strength and PageRank against NetworkX and igraph (tests/ref, made by
 * tests/ref/make_refs.py; each array's comment holds the exact peer call).
 */
#include "helpers.h"
#include "../src/pr_extra.h" /* the extrapolation rule, tested alone */

#include "ref/ref_dangling.h"
#include "ref/ref_florentine.h"
#include "ref/ref_inexact.h"
#include "ref/ref_karate.h"
#include "ref/ref_kite.h"
#include "ref/ref_lesmis.h"

/* PageRank runs with LEV_P_TOLERANCE 1e-14 and is compared to 1e-12 with PRPACK (exact to ~1e-16),
 * ARPACK and NetworkX. */
#define PR_TOL 1e-12

typedef enum { DEG, STR, PR } kind;

static lev_params *params(int undirected, int dir) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    if (dir) cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dir), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14), LEV_OK);
    return p;
}

/* Run one measure and compare with a reference array. */
static void check(const lev_network *net, lev_params *p, kind k, const double *pers, const ref_value *ref,
                  size_t len, double tol, const char *what) {
    size_t n = lev_actor_count(net);
    double *out = calloc(n, sizeof *out);
    lev_status rc = k == DEG ? lev_degree(net, p, out) : k == STR ? lev_strength(net, p, out)
                                                                  : lev_pagerank(net, pers, p, out);
    cr_assert_eq(rc, LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    check_ref(net, out, ref, len, tol, what);
    free(out);
}

#define CHECK(net, p, k, pers, arr, tol) check(net, p, k, pers, arr, sizeof arr / sizeof arr[0], tol, #arr)

/* A personalization vector in net's index order from a reference table keyed by name. */
static double *pers_vector(const lev_network *net, const ref_value *ref, size_t len) {
    double *v = calloc(lev_actor_count(net), sizeof *v);
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, ref[k].name, &i), LEV_OK);
        v[i] = ref[k].value;
    }
    return v;
}
#define PERS(net, arr) pers_vector(net, arr, sizeof arr / sizeof arr[0])

Test(centrality, florentine16_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC(REF_FLORENTINE_EDGES_CSV), SRC(REF_FLORENTINE_ACTORS_CSV));
    cr_assert_eq(lev_actor_count(net), REF_FLORENTINE16_N);
    lev_params *p = params(1, 0);
    CHECK(net, p, DEG, NULL, ref_florentine16_degree_nx, 0);
    CHECK(net, p, DEG, NULL, ref_florentine16_degree_igraph, 0);
    CHECK(net, p, STR, NULL, ref_florentine16_strength_nx, 0);
    CHECK(net, p, STR, NULL, ref_florentine16_strength_igraph, 0);
    CHECK(net, p, PR, NULL, ref_florentine16_pagerank_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_florentine16_pagerank_igraph, PR_TOL);
    CHECK(net, p, PR, NULL, ref_florentine16_pagerank_igraph_arpack, PR_TOL);
    double *pair = PERS(net, ref_florentine16_pers_pair), *ramp = PERS(net, ref_florentine16_pers_ramp);
    CHECK(net, p, PR, pair, ref_florentine16_ppr_pair_nx, PR_TOL);
    CHECK(net, p, PR, pair, ref_florentine16_ppr_pair_igraph, PR_TOL);
    CHECK(net, p, PR, pair, ref_florentine16_ppr_pair_igraph_arpack, PR_TOL);
    CHECK(net, p, PR, ramp, ref_florentine16_ppr_ramp_nx, PR_TOL);
    CHECK(net, p, PR, ramp, ref_florentine16_ppr_ramp_igraph, PR_TOL);
    CHECK(net, p, PR, ramp, ref_florentine16_ppr_ramp_igraph_arpack, PR_TOL);
    free(pair);
    free(ramp);
    lev_params_free(p);
    lev_network_free(net);
}

Test(centrality, florentine15_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC(REF_FLORENTINE_EDGES_CSV), NULL);
    cr_assert_eq(lev_actor_count(net), REF_FLORENTINE15_N);
    lev_params *p = params(1, 0);
    CHECK(net, p, DEG, NULL, ref_florentine15_degree_nx, 0);
    CHECK(net, p, STR, NULL, ref_florentine15_strength_igraph, 0);
    CHECK(net, p, PR, NULL, ref_florentine15_pagerank_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_florentine15_pagerank_igraph, PR_TOL);
    double *pair = PERS(net, ref_florentine15_pers_pair), *ramp = PERS(net, ref_florentine15_pers_ramp);
    CHECK(net, p, PR, pair, ref_florentine15_ppr_pair_nx, PR_TOL);
    CHECK(net, p, PR, pair, ref_florentine15_ppr_pair_igraph, PR_TOL);
    CHECK(net, p, PR, ramp, ref_florentine15_ppr_ramp_nx, PR_TOL);
    CHECK(net, p, PR, ramp, ref_florentine15_ppr_ramp_igraph, PR_TOL);
    free(pair);
    free(ramp);
    lev_params_free(p);
    lev_network_free(net);
}

Test(centrality, karate_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC(REF_KARATE_EDGES_CSV), NULL);
    lev_params *p = params(1, 0);
    CHECK(net, p, DEG, NULL, ref_karate_degree_nx, 0);
    CHECK(net, p, DEG, NULL, ref_karate_degree_igraph, 0);
    CHECK(net, p, STR, NULL, ref_karate_strength_nx, 0);
    CHECK(net, p, PR, NULL, ref_karate_pagerank_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_karate_pagerank_igraph, PR_TOL);
    CHECK(net, p, PR, NULL, ref_karate_pagerank_igraph_arpack, PR_TOL);
    lev_params_free(p);
    lev_network_free(net);
}

Test(centrality, karate_weighted_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC(REF_KARATE_WEIGHTED_EDGES_CSV), NULL);
    lev_params *p = params(1, 0);
    CHECK(net, p, DEG, NULL, ref_karate_weighted_degree_igraph, 0);
    CHECK(net, p, STR, NULL, ref_karate_weighted_strength_nx, 0);
    CHECK(net, p, STR, NULL, ref_karate_weighted_strength_igraph, 0);
    CHECK(net, p, PR, NULL, ref_karate_weighted_pagerank_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_karate_weighted_pagerank_igraph, PR_TOL);
    lev_params_free(p);
    lev_network_free(net);
}

Test(centrality, lesmis_weighted_and_unweighted) {
    lev_network *net = load_csv(SRC(REF_LESMIS_EDGES_CSV), NULL);
    lev_params *p = params(1, 0);
    CHECK(net, p, DEG, NULL, ref_lesmis_degree_nx, 0);
    CHECK(net, p, STR, NULL, ref_lesmis_strength_nx, 0);
    CHECK(net, p, STR, NULL, ref_lesmis_strength_igraph, 0);
    CHECK(net, p, PR, NULL, ref_lesmis_pagerank_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_lesmis_pagerank_igraph, PR_TOL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    CHECK(net, p, PR, NULL, ref_lesmis_pagerank_unweighted_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_lesmis_pagerank_unweighted_igraph, PR_TOL);
    CHECK(net, p, STR, NULL, ref_lesmis_degree_nx, 0); /* unweighted strength is degree */
    lev_params_free(p);
    lev_network_free(net);
}

Test(centrality, kite_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC(REF_KITE_EDGES_CSV), NULL);
    lev_params *p = params(1, 0);
    CHECK(net, p, DEG, NULL, ref_kite_degree_nx, 0);
    CHECK(net, p, STR, NULL, ref_kite_strength_igraph, 0);
    CHECK(net, p, PR, NULL, ref_kite_pagerank_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_kite_pagerank_igraph, PR_TOL);
    lev_params_free(p);
    lev_network_free(net);
}

Test(centrality, directed_dangling_self_loop_parallel_edges) {
    lev_network *net = load_csv(SRC(REF_DANGLING_EDGES_CSV), NULL);
    cr_assert_eq(lev_edge_count(net), REF_DANGLING_EDGES);
    lev_params *p = params(0, LEV_DIR_ALL);
    CHECK(net, p, DEG, NULL, ref_dangling_degree_nx, 0);
    CHECK(net, p, DEG, NULL, ref_dangling_degree_igraph, 0);
    CHECK(net, p, STR, NULL, ref_dangling_strength_nx, 0);
    CHECK(net, p, STR, NULL, ref_dangling_strength_igraph, 0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN), LEV_OK);
    CHECK(net, p, DEG, NULL, ref_dangling_indegree_nx, 0);
    CHECK(net, p, STR, NULL, ref_dangling_instrength_igraph, 0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT), LEV_OK);
    CHECK(net, p, DEG, NULL, ref_dangling_outdegree_igraph, 0);
    CHECK(net, p, STR, NULL, ref_dangling_outstrength_nx, 0);
    /* PageRank reads LEV_P_DIRECTION too: these references are the standard one (received). */
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_ALL), LEV_OK);
    CHECK(net, p, PR, NULL, ref_dangling_pagerank_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_dangling_pagerank_igraph, PR_TOL);
    CHECK(net, p, PR, NULL, ref_dangling_pagerank_igraph_arpack, PR_TOL);
    double *pair = PERS(net, ref_dangling_pers_pair), *ramp = PERS(net, ref_dangling_pers_ramp);
    CHECK(net, p, PR, pair, ref_dangling_ppr_pair_nx, PR_TOL);
    CHECK(net, p, PR, pair, ref_dangling_ppr_pair_igraph, PR_TOL);
    CHECK(net, p, PR, ramp, ref_dangling_ppr_ramp_nx, PR_TOL);
    CHECK(net, p, PR, ramp, ref_dangling_ppr_ramp_igraph, PR_TOL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    CHECK(net, p, PR, NULL, ref_dangling_pagerank_unweighted_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_dangling_pagerank_unweighted_igraph, PR_TOL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 1), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_DAMPING, 0.5), LEV_OK);
    CHECK(net, p, PR, NULL, ref_dangling_pagerank_d050_nx, PR_TOL);
    CHECK(net, p, PR, NULL, ref_dangling_pagerank_d050_igraph, PR_TOL);
    free(pair);
    free(ramp);
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: lev_edge_add, strengths are read rounded to single precision (relative error <= 6e-8). */
Test(centrality, inexact_strengths_within_documented_bound) {
    lev_network *net = load_csv(SRC(REF_INEXACT_EDGES_CSV), NULL);
    lev_params *p = params(0, LEV_DIR_ALL);
    CHECK(net, p, DEG, NULL, ref_inexact_degree_nx, 0);
    /* Exact against the peers fed the same float32 strengths... */
    CHECK(net, p, STR, NULL, ref_inexact_strength_f32_nx, 1e-15);
    CHECK(net, p, PR, NULL, ref_inexact_pagerank_f32_igraph, PR_TOL);
    double *ramp = PERS(net, ref_inexact_pers_ramp);
    CHECK(net, p, PR, ramp, ref_inexact_ppr_ramp_f32_igraph, PR_TOL);
    /* ...and within the documented relative bound of the double-precision answers. */
    size_t n = lev_actor_count(net);
    double out[REF_INEXACT_N];
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
    for (size_t k = 0; k < n; k++) {
        uint32_t i;
        lev_actor_find(net, ref_inexact_pagerank_igraph[k].name, &i);
        double ref = ref_inexact_pagerank_igraph[k].value;
        cr_assert(fabs(out[i] - ref) <= 1e-6 * ref, "%s: %.17g vs %.17g", ref_inexact_pagerank_igraph[k].name, out[i], ref);
        cr_assert(out[i] != ref || ref == 0, "float32 rounding should be visible on inexact strengths");
    }
    free(ramp);
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: lev_pagerank, scores sum to 1; default options give 1e-9 agreement. */
Test(centrality, pagerank_defaults_and_null_params) {
    lev_network *net = load_csv(SRC(REF_KARATE_EDGES_CSV), NULL);
    double out[34], sum = 0;
    cr_assert_eq(lev_pagerank(net, NULL, NULL, out), LEV_OK); /* directed edges file as given */
    for (int i = 0; i < 34; i++) sum += out[i];
    cr_assert_float_eq(sum, 1.0, 1e-12);
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
    check_ref(net, out, ref_karate_pagerank_igraph, REF_KARATE_N, 1e-9, "default tolerance");
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: lev_pagerank, bit-identical for any LEV_P_THREADS. Needs more than one block of actors. */
Test(centrality, pagerank_bit_identical_for_any_thread_count) {
    lev_network *net;
    lev_network_new(&net);
    const uint32_t n = 20000;
    test_add_actors(net, n, "a");
    uint64_t s = 88172645463325252ull; /* xorshift: a skewed random graph with dangling actors */
    for (uint32_t e = 0; e < 120000; e++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        uint32_t a = (uint32_t)(s % n), b = (uint32_t)((s >> 20) % (a + 1));
        cr_assert_eq(lev_edge_add(net, a, b, 0.1 + (double)(s >> 40 & 1023) / 100.0, NULL, NULL), LEV_OK);
    }
    double *ref = malloc(n * sizeof *ref), *out = malloc(n * sizeof *out);
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_THREADS, 1);
    cr_assert_eq(lev_pagerank(net, NULL, p, ref), LEV_OK);
    for (int t = 2; t <= 5; t++) {
        lev_params_set_int(p, LEV_P_THREADS, t);
        cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
        cr_assert(memcmp(ref, out, n * sizeof *out) == 0, "threads=%d differs from threads=1", t);
    }
    lev_params_free(p);
    free(ref);
    free(out);
    lev_network_free(net);
}

/* A cycle with a chord: uniform is not its PageRank, so tolerance 0 is never met early. */
static lev_network *small_chain(void) {
    lev_network *net;
    lev_network_new(&net);
    cr_assert_eq(lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add_by_name(net, "b", "c", 2, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add_by_name(net, "c", "a", 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add_by_name(net, "a", "c", 1, NULL, NULL), LEV_OK);
    return net;
}

/* doc: LEV_P_TOLERANCE, iteration stops once the L1 change is at most the tolerance: 0 included. */
Test(centrality, pagerank_tolerance_zero_converges_on_exact_fixed_point) {
    lev_network *net;
    lev_network_new(&net);
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    lev_edge_add_by_name(net, "b", "a", 1, NULL, NULL);
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_double(p, LEV_P_TOLERANCE, 0);
    double out[2];
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK); /* uniform is exact: change 0 */
    cr_assert(out[0] == 0.5 && out[1] == 0.5);
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: lev_pagerank, LEV_ENOCONV past LEV_P_MAX_ITER; outputs written only on LEV_OK. */
Test(centrality, pagerank_not_converged_leaves_output) {
    lev_network *net = small_chain();
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_MAX_ITER, 3);
    lev_params_set_double(p, LEV_P_TOLERANCE, 0);
    double out[3] = {-1, -1, -1};
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_ENOCONV);
    cr_assert_eq(lev_params_errcode(p), LEV_ENOCONV);
    cr_assert(strstr(lev_params_errmsg(p), "did not converge in 3 iterations"), "%s", lev_params_errmsg(p));
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], -1);
    lev_params_free(p);
    lev_network_free(net);
}

static int cancel_at_third(void *ud, double done) {
    int *calls = ud;
    cr_assert(done >= 0 && done <= 1, "progress %g out of [0, 1]", done);
    return ++*calls == 3;
}

/* doc: lev_progress_fn, non-zero cancels; LEV_ECANCELLED and outputs untouched. */
Test(centrality, pagerank_cancelled_by_progress) {
    lev_network *net = small_chain();
    lev_params *p;
    lev_params_new(&p);
    int calls = 0;
    lev_params_set_progress(p, cancel_at_third, &calls);
    lev_params_set_double(p, LEV_P_TOLERANCE, 0);
    double out[3] = {-1, -1, -1};
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_ECANCELLED);
    cr_assert_eq(calls, 3);
    cr_assert(strstr(lev_params_errmsg(p), "cancelled"));
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], -1);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- extrapolation (src/pr_extra.h) ---------------------------------------------------------- */

/* The rule alone: a change shrinking by 0.4 every iteration, signed change likewise. */
Test(centrality, pagerank_extrapolation_rule_fires_on_one_real_mode) {
    lev__pr_extra e = LEV__PR_EXTRA_INIT;
    double err = 1, sgn = -0.3;
    cr_assert_eq(lev__pr_extrapolate(&e, 1, err, sgn), 0); /* one change: no ratio */
    cr_assert_eq(lev__pr_extrapolate(&e, 1, err *= 0.4, sgn *= 0.4), 0); /* one ratio */
    double c = lev__pr_extrapolate(&e, 1, err *= 0.4, sgn *= 0.4);  /* two equal ratios */
    cr_assert_float_eq(c, 0.4 / 0.6, 1e-12, "c = s/(1 - s), got %g", c);
    /* the step paid (the next plain change is far below 0.16 times the last one): it may fire
     * again, but only after three plain iterations */
    cr_assert_eq(lev__pr_extrapolate(&e, 0, err * 0.67, sgn * 0.67), 0);
    err *= 1e-3, sgn *= 1e-3;
    cr_assert_eq(lev__pr_extrapolate(&e, 1, err, sgn), 0);
    cr_assert_eq(lev__pr_extrapolate(&e, 1, err *= 0.4, sgn *= 0.4), 0);
    cr_assert(lev__pr_extrapolate(&e, 1, err *= 0.4, sgn *= 0.4) > 0, "a paying step leaves the rule on");
    cr_assert_eq(e.off, 0);
}

/* A negative eigenvalue −r: the L1 ratio is r, the signed one −r; the step is c = −r/(1 + r), a
 * weighted mean of the last two iterates, which shrinks every smaller mode too. */
Test(centrality, pagerank_extrapolation_rule_fires_on_one_negative_mode) {
    lev__pr_extra e = LEV__PR_EXTRA_INIT;
    double err = 1, sgn = 0.5;
    cr_assert_eq(lev__pr_extrapolate(&e, 1, err, sgn), 0);
    err *= 0.4, sgn *= -0.4;
    cr_assert_eq(lev__pr_extrapolate(&e, 1, err, sgn), 0);
    err *= 0.4, sgn *= -0.4;
    double c = lev__pr_extrapolate(&e, 1, err, sgn);
    cr_assert_float_eq(c, -0.4 / 1.4, 1e-12, "c = s/(1 - s), got %g", c);
}

Test(centrality, pagerank_extrapolation_rule_refuses_other_modes) {
    double err = 1;
    /* a complex pair: the signed ratio wanders */
    lev__pr_extra f = LEV__PR_EXTRA_INIT;
    err = 1;
    for (int k = 0; k < 20; k++, err *= 0.6)
        cr_assert_eq(lev__pr_extrapolate(&f, 1, err, err * cos(1.3 * k)), 0, "iteration %d", k);
    /* a ratio past 0.9 */
    lev__pr_extra g = LEV__PR_EXTRA_INIT;
    err = 1;
    for (int k = 0; k < 10; k++, err *= 0.95) cr_assert_eq(lev__pr_extrapolate(&g, 1, err, err), 0);
    /* ratios 1% apart or more */
    lev__pr_extra h = LEV__PR_EXTRA_INIT;
    err = 1;
    double r = 0.4;
    for (int k = 0; k < 10; k++, err *= r, r *= 1.02) cr_assert_eq(lev__pr_extrapolate(&h, 1, err, err), 0);
}

Test(centrality, pagerank_extrapolation_rule_stops_after_a_step_that_does_not_pay) {
    lev__pr_extra e = LEV__PR_EXTRA_INIT;
    double err = 1;
    lev__pr_extrapolate(&e, 1, err, err);
    err *= 0.5;
    lev__pr_extrapolate(&e, 1, err, err);
    err *= 0.5;
    cr_assert(lev__pr_extrapolate(&e, 1, err, err) > 0);
    cr_assert_eq(lev__pr_extrapolate(&e, 0, err, err), 0); /* the step: never two in a row */
    lev__pr_extrapolate(&e, 1, err * 0.25, err * 0.25);    /* not below 0.5² times the change before */
    cr_assert_eq(e.off, 1);
    err *= 0.25;
    for (int k = 0; k < 10; k++, err *= 0.5) cr_assert_eq(lev__pr_extrapolate(&e, 1, err, err), 0);
}

/* Plain power iteration over an edge list, as documented in docs/centrality.md: the reference the
 * extrapolated lev_pagerank() is checked against. Returns the iterations to an L1 change <= tol;
 * x gets the normalized result. */
static long plain_pagerank_q(size_t n, size_t m, const uint32_t *src, const uint32_t *dst, const double *w,
                             const double *q, int undirected, double tol, long max_iter, double *x) {
    double *s = calloc(n, sizeof *s), *y = malloc(n * sizeof *y), *xn = malloc(n * sizeof *xn);
    for (size_t e = 0; e < m; e++) {
        s[src[e]] += w[e];
        if (undirected) s[dst[e]] += w[e];
    }
    for (size_t v = 0; v < n; v++) x[v] = 1.0 / (double)n;
    long it;
    for (it = 1; it <= max_iter; it++) {
        double dm = 0, err = 0, sum = 0;
        for (size_t v = 0; v < n; v++) {
            y[v] = s[v] > 0 ? x[v] / s[v] : 0;
            if (s[v] == 0) dm += x[v];
        }
        for (size_t v = 0; v < n; v++) xn[v] = (0.85 * dm + 0.15) * (q ? q[v] : 1.0 / (double)n);
        for (size_t e = 0; e < m; e++) {
            xn[dst[e]] += 0.85 * w[e] * y[src[e]];
            if (undirected) xn[src[e]] += 0.85 * w[e] * y[dst[e]];
        }
        for (size_t v = 0; v < n; v++) err += fabs(xn[v] - x[v]), x[v] = xn[v], sum += x[v];
        if (err <= tol) {
            for (size_t v = 0; v < n; v++) x[v] /= sum;
            break;
        }
    }
    free(s), free(y), free(xn);
    return it;
}

static long plain_pagerank(size_t n, size_t m, const uint32_t *src, const uint32_t *dst, const double *w,
                           int undirected, double tol, long max_iter, double *x) {
    return plain_pagerank_q(n, m, src, dst, w, NULL, undirected, tol, max_iter, x);
}

/* A network of actors "a0".."a<n-1>" and the m edges src[e] → dst[e] of strength w[e]. */
static lev_network *net_of_arrays(uint32_t n, size_t m, const uint32_t *src, const uint32_t *dst, const double *w) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    for (size_t e = 0; e < m; e++) cr_assert_eq(lev_edge_add(net, src[e], dst[e], w[e], NULL, NULL), LEV_OK);
    return net;
}

static int count_calls(void *ud, double done) {
    (void)done;
    ++*(long *)ud;
    return 0;
}

/* lev_pagerank(net, q) with the options given; returns its iterations (progress calls). */
static long counted_pagerank(const lev_network *net, const double *q, int undirected, int out, double *got) {
    long calls = 0;
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_progress(p, count_calls, &calls);
    lev_params_set_int(p, LEV_P_UNDIRECTED, undirected);
    lev_params_set_int(p, LEV_P_DIRECTION, out ? LEV_DIR_OUT : LEV_DIR_IN);
    cr_assert_eq(lev_pagerank(net, q, p, got), LEV_OK, "%s", lev_params_errmsg(p));
    lev_params_free(p);
    return calls;
}

/* xorshift64: the generator of the network the clamp test was found on */
static uint64_t xs64(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Two clusters of 600 and 1200 actors, 8 ties out of each actor inside its cluster and one tie
 * across for one actor in 50: the mass moving between the clusters is one slow real mode, and
 * plain iteration needs 98 iterations. */
Test(centrality, pagerank_extrapolation_agrees_with_plain_iteration_in_fewer_iterations) {
    const size_t n = 1800, cap = 1800 * 9;
    uint32_t *src = malloc(cap * sizeof *src), *dst = malloc(cap * sizeof *dst);
    double *w = malloc(cap * sizeof *w);
    size_t m = 0;
    uint64_t st = 12345;
    for (uint32_t a = 0; a < n; a++) {
        uint32_t lo = a < 600 ? 0 : 600, span = a < 600 ? 600 : 1200;
        for (int k = 0; k < 8; k++) {
            src[m] = a, dst[m] = lo + (uint32_t)(test_rnd(&st) % span), w[m] = 1 + (double)(test_rnd(&st) % 5);
            m++;
        }
        if (test_rnd(&st) % 50 == 0) {
            src[m] = a, dst[m] = (a < 600 ? 600 + (uint32_t)(test_rnd(&st) % 1200) : (uint32_t)(test_rnd(&st) % 600));
            w[m++] = 1;
        }
    }
    lev_network *net = net_of_arrays((uint32_t)n, m, src, dst, w);
    double *got = malloc(n * sizeof *got), *plain = malloc(n * sizeof *plain), *exact = malloc(n * sizeof *exact);
    long calls = counted_pagerank(net, NULL, 0, 0, got);
    long plain_its = plain_pagerank(n, m, src, dst, w, 0, 1e-10, 1000, plain);
    plain_pagerank(n, m, src, dst, w, 0, 0, 2000, exact); /* as far as doubles go */
    double d_got = 0, d_plain = 0;
    for (size_t v = 0; v < n; v++) d_got += fabs(got[v] - exact[v]), d_plain += fabs(plain[v] - exact[v]);
    cr_log_info("two clusters: %ld iterations extrapolated, %ld plain; L1 error %.3g against %.3g", calls, plain_its,
                d_got, d_plain);
    cr_assert(plain_its > 80, "the test network lost its slow mode: %ld plain iterations", plain_its);
    cr_assert(calls <= plain_its / 2, "%ld iterations, plain %ld", calls, plain_its);
    /* the stopping rule's bound, d/(1 − d)·tol, holds for the extrapolated result too */
    cr_assert(d_got <= 0.85 / 0.15 * 1e-10, "L1 error %g", d_got);
    /* undirected, the same network: a symmetric walk, whose slowest mode may be negative */
    calls = counted_pagerank(net, NULL, 1, 0, got);
    plain_its = plain_pagerank(n, m, src, dst, w, 1, 1e-10, 1000, plain);
    plain_pagerank(n, m, src, dst, w, 1, 0, 2000, exact);
    d_got = 0;
    for (size_t v = 0; v < n; v++) d_got += fabs(got[v] - exact[v]);
    cr_log_info("two clusters, undirected: %ld iterations extrapolated, %ld plain; L1 error %.3g", calls, plain_its,
                d_got);
    cr_assert(calls <= plain_its, "%ld iterations, plain %ld", calls, plain_its);
    cr_assert(d_got <= 0.85 / 0.15 * 1e-10, "L1 error %g", d_got);
    lev_network_free(net);
    free(src), free(dst), free(w), free(got), free(plain), free(exact);
}

/* An undirected star is bipartite: the error flips sign every iteration (an eigenvalue −0.85
 * holds it), and plain iteration needs 146 iterations. One step with c = −0.85/1.85 removes it. */
Test(centrality, pagerank_extrapolation_on_a_negative_mode) {
    const size_t n = 40;
    uint32_t src[39], dst[39];
    double w[39];
    lev_network *net;
    lev_network_new(&net);
    test_add_actors(net, (uint32_t)n, "a");
    for (uint32_t k = 0; k < 39; k++) {
        src[k] = 0, dst[k] = k + 1, w[k] = 1 + k % 3;
        cr_assert_eq(lev_edge_add(net, 0, k + 1, w[k], NULL, NULL), LEV_OK);
    }
    double got[40], plain[40], exact[40];
    long calls = counted_pagerank(net, NULL, 1, 0, got);
    long plain_its = plain_pagerank(n, 39, src, dst, w, 1, 1e-10, 1000, plain);
    plain_pagerank(n, 39, src, dst, w, 1, 0, 2000, exact);
    double d_got = 0;
    for (size_t v = 0; v < n; v++) d_got += fabs(got[v] - exact[v]);
    cr_log_info("undirected star: %ld iterations extrapolated, %ld plain; L1 error %.3g", calls, plain_its, d_got);
    cr_assert(plain_its > 100, "%ld plain iterations", plain_its);
    cr_assert(calls <= 20, "%ld iterations, plain %ld", calls, plain_its);
    cr_assert(d_got <= 0.85 / 0.15 * 1e-10, "L1 error %g", d_got);
    lev_network_free(net);
}

/* Jumps to one actor of a small cluster tied weakly to a big one: the big cluster's scores fall
 * toward their limits along the slow mode, and actors the walk cannot reach from actor 0 toward
 * 0. A step overshoots some of those below 0; set to 0, they stay at their limit. Without that
 * the result held scores down to -1.3e-13. */
Test(centrality, pagerank_extrapolation_keeps_scores_nonnegative) {
    const uint32_t na = 100, nb = 900, n = na + nb;
    size_t cap = (size_t)n * 5, m = 0;
    uint32_t *src = malloc(cap * sizeof *src), *dst = malloc(cap * sizeof *dst);
    double *w = malloc(cap * sizeof *w), *q = calloc(n, sizeof *q);
    uint64_t st = 99;
    q[0] = 1;
    for (uint32_t a = 0; a < n; a++) {
        uint32_t lo = a < na ? 0 : na, span = a < na ? na : nb;
        for (int k = 0; k < 4; k++) {
            double wk = 1 + (double)(xs64(&st) % 3);
            src[m] = a, dst[m] = lo + (uint32_t)(xs64(&st) % span), w[m++] = wk;
        }
        if (xs64(&st) % 100 == 0) {
            uint32_t b = a < na ? na + (uint32_t)(xs64(&st) % nb) : (uint32_t)(xs64(&st) % na);
            src[m] = a, dst[m] = b, w[m++] = 1;
        }
    }
    lev_network *net = net_of_arrays((uint32_t)n, m, src, dst, w);
    double *got = malloc(n * sizeof *got), *plain = malloc(n * sizeof *plain), *exact = malloc(n * sizeof *exact);
    long calls = counted_pagerank(net, q, 0, 0, got);
    long plain_its = plain_pagerank_q(n, m, src, dst, w, q, 0, 1e-10, 1000, plain);
    plain_pagerank_q(n, m, src, dst, w, q, 0, 0, 3000, exact);
    double d_got = 0, lowest = 1;
    size_t zeros = 0;
    for (size_t v = 0; v < n; v++) {
        d_got += fabs(got[v] - exact[v]);
        if (got[v] < lowest) lowest = got[v];
        zeros += got[v] == 0;
    }
    cr_log_info("jumps to one actor: %ld iterations, plain %ld; L1 error %.3g; lowest score %g, %zu at 0", calls,
                plain_its, d_got, lowest, zeros);
    cr_assert(calls < plain_its, "no step taken: %ld iterations, plain %ld", calls, plain_its);
    cr_assert(lowest >= 0, "a score below 0: %g", lowest);
    cr_assert(zeros > 0, "the test network lost its unreachable actors");
    cr_assert(d_got <= 0.85 / 0.15 * 1e-10, "L1 error %g", d_got);
    lev_network_free(net);
    free(src), free(dst), free(w), free(q), free(got), free(plain), free(exact);
}

/* Random small networks of five shapes (random, two clusters, star, ring with chords, two-mode),
 * random strengths, directions, undirected mode and personalizations (some with zeros): the
 * result is ≥ 0, sums to 1, and is within 2·d/(1 − d)·tol of the limit in L1 (the map is a
 * d-contraction in L1 from any start ≥ 0, so the last, plain, iteration bounds the error of the
 * iterate by d/(1 − d)·tol whatever steps came before; normalizing can at most double it). */
Test(centrality, pagerank_extrapolated_results_within_the_stopping_bound) {
    uint64_t st = 20261207;
    int cases = 120, stepped = 0;
    for (int t = 0; t < cases; t++) {
        uint32_t n = 2 + (uint32_t)(xs64(&st) % 300);
        int shape = (int)(xs64(&st) % 5), undirected = (int)(xs64(&st) % 3 == 0), out = (int)(xs64(&st) % 2);
        size_t cap = (size_t)n * 6 + 8, m = 0;
        uint32_t *src = malloc(cap * sizeof *src), *dst = malloc(cap * sizeof *dst);
        double *w = malloc(cap * sizeof *w), *q = NULL;
        for (uint32_t a = 0; a < n; a++) {
            int deg = shape == 2 ? (a == 0 ? 0 : 1) : 1 + (int)(xs64(&st) % 4);
            for (int k = 0; k < deg && m < cap; k++) {
                uint32_t b;
                if (shape == 0) b = (uint32_t)(xs64(&st) % n);
                else if (shape == 1) { /* two clusters, one tie in 40 across */
                    uint32_t half = n / 2 + 1, lo = a < half ? 0 : half, span = a < half ? half : n - half;
                    b = xs64(&st) % 40 == 0 ? (uint32_t)(xs64(&st) % n)
                                            : lo + (uint32_t)(xs64(&st) % (span ? span : 1));
                } else if (shape == 2) b = 0; /* star: every actor to the hub */
                else if (shape == 3) b = k == 0 ? (a + 1) % n : (uint32_t)(xs64(&st) % n);
                else /* two-mode: even actors tie to odd ones and back */
                    b = a % 2 == 0 ? (uint32_t)(1 + 2 * (xs64(&st) % (n / 2 ? n / 2 : 1))) % n
                                   : (uint32_t)(2 * (xs64(&st) % ((n + 1) / 2))) % n;
                src[m] = a, dst[m] = b, w[m++] = 1 + (double)(xs64(&st) % 5);
            }
        }
        if (xs64(&st) % 2) {
            q = calloc(n, sizeof *q);
            double qs = 0;
            for (uint32_t v = 0; v < n; v++) qs += (q[v] = xs64(&st) % 3 == 0 ? 0 : (double)(xs64(&st) % 7));
            if (qs == 0) q[0] = 1, qs = 1;
            for (uint32_t v = 0; v < n; v++) q[v] /= qs;
        }
        lev_network *net = net_of_arrays((uint32_t)n, m, src, dst, w);
        double *got = malloc(n * sizeof *got), *plain = malloc(n * sizeof *plain), *exact = malloc(n * sizeof *exact);
        long calls = counted_pagerank(net, q, undirected, out, got);
        /* the reversed walk is the walk on the reversed edges */
        const uint32_t *rs = out && !undirected ? dst : src, *rd = out && !undirected ? src : dst;
        long plain_its = plain_pagerank_q(n, m, rs, rd, w, q, undirected, 1e-10, 1000, plain);
        plain_pagerank_q(n, m, rs, rd, w, q, undirected, 1e-15, 3000, exact);
        double es = 0, gs = 0, l1 = 0, lowest = 1;
        for (uint32_t v = 0; v < n; v++) es += exact[v], gs += got[v];
        for (uint32_t v = 0; v < n; v++) {
            l1 += fabs(got[v] - exact[v] / es);
            if (got[v] < lowest) lowest = got[v];
        }
        stepped += calls < plain_its;
        cr_assert(lowest >= 0, "case %d (shape %d, n %u): a score %g", t, shape, n, lowest);
        cr_assert(fabs(gs - 1) <= 1e-12, "case %d: sum %.17g", t, gs);
        cr_assert(l1 <= 2 * 0.85 / 0.15 * 1e-10, "case %d (shape %d, n %u, undirected %d, out %d, q %d): L1 error %g, "
                  "%ld iterations, plain %ld", t, shape, n, undirected, out, q != NULL, l1, calls, plain_its);
        lev_network_free(net);
        free(src), free(dst), free(w), free(q), free(got), free(plain), free(exact);
    }
    cr_log_info("random networks: %d of %d took fewer iterations than plain iteration", stepped, cases);
    cr_assert(stepped >= cases / 10, "only %d of %d cases took a step: the test no longer exercises them", stepped,
              cases);
}

/* Plain Katz iteration, x ← α·Bx + 1 from x = 1 over an edge list (B = Aᵀ: x_v gathers its
 * in-edges; undirected: both ways), stopping when the L1 change is at most tol times the L1 norm
 * of the new x: the reference for lev_katz()'s extrapolated steps. Returns the iterations. */
static long plain_katz(size_t n, size_t m, const uint32_t *src, const uint32_t *dst, const double *w, double alpha,
                       int undirected, double tol, long max_iter, double *x) {
    double *xn = malloc(n * sizeof *xn);
    for (size_t v = 0; v < n; v++) x[v] = 1;
    long it;
    for (it = 1; it <= max_iter; it++) {
        for (size_t v = 0; v < n; v++) xn[v] = 0;
        for (size_t e = 0; e < m; e++) {
            xn[dst[e]] += w[e] * x[src[e]];
            if (undirected) xn[src[e]] += w[e] * x[dst[e]];
        }
        double err = 0, sum = 0;
        for (size_t v = 0; v < n; v++) {
            double y = alpha * xn[v] + 1;
            err += fabs(y - x[v]), sum += y, x[v] = y;
        }
        if (err <= tol * sum) break;
    }
    free(xn);
    return it;
}

/* Katz's slowest mode is the Perron vector, real, of ratio α·λmax: with α·λmax = 0.85 plain
 * iteration needs ~140 iterations; the steps remove that mode. Directed and undirected, on a
 * random network; the scores stay within the stopping rule's reach of the limit. */
Test(centrality, katz_extrapolation_agrees_with_plain_iteration_in_fewer_iterations) {
    const uint32_t n = 1500;
    size_t cap = (size_t)n * 6, m = 0;
    uint32_t *src = malloc(cap * sizeof *src), *dst = malloc(cap * sizeof *dst);
    double *w = malloc(cap * sizeof *w);
    uint64_t st = 7;
    for (uint32_t a = 0; a < n; a++)
        for (int k = 0, deg = 1 + (int)(xs64(&st) % 6); k < deg; k++) {
            double wk = 1 + (double)(xs64(&st) % 3);
            src[m] = a, dst[m] = (uint32_t)(xs64(&st) % n), w[m++] = wk;
        }
    lev_network *net = net_of_arrays(n, m, src, dst, w);
    double *got = malloc(n * sizeof *got), *plain = malloc(n * sizeof *plain), *exact = malloc(n * sizeof *exact);
    for (int undirected = 0; undirected < 2; undirected++) {
        /* λmax of B by power iteration (B ≥ 0), then α = 0.85/λmax */
        double lambda = 0;
        for (size_t v = 0; v < n; v++) exact[v] = 1;
        for (int it = 0; it < 2000; it++) {
            for (size_t v = 0; v < n; v++) plain[v] = exact[v];
            for (size_t e = 0; e < m; e++) {
                plain[dst[e]] += w[e] * exact[src[e]];
                if (undirected) plain[src[e]] += w[e] * exact[dst[e]];
            }
            double norm = 0;
            for (size_t v = 0; v < n; v++) norm += plain[v];
            for (size_t v = 0; v < n; v++) exact[v] = plain[v] / norm;
            lambda = norm - 1; /* the iteration is on B + I (aperiodic), x of L1 norm 1 */
        }
        double alpha = 0.85 / lambda;
        long calls = 0;
        lev_params *p;
        lev_params_new(&p);
        lev_params_set_progress(p, count_calls, &calls);
        lev_params_set_double(p, LEV_P_ALPHA, alpha);
        lev_params_set_int(p, LEV_P_UNDIRECTED, undirected);
        cr_assert_eq(lev_katz(net, p, got), LEV_OK, "%s", lev_params_errmsg(p));
        lev_params_free(p);
        long plain_its = plain_katz(n, m, src, dst, w, alpha, undirected, 1e-10, 5000, plain);
        plain_katz(n, m, src, dst, w, alpha, undirected, 1e-16, 5000, exact);
        double d_got = 0, d_plain = 0, norm = 0, lowest = INFINITY;
        for (size_t v = 0; v < n; v++) {
            d_got += fabs(got[v] - exact[v]), d_plain += fabs(plain[v] - exact[v]), norm += exact[v];
            if (got[v] < lowest) lowest = got[v];
        }
        cr_log_info("katz, undirected %d, alpha*lambda 0.85: %ld iterations, plain %ld; relative L1 error %.3g "
                    "against %.3g", undirected, calls, plain_its, d_got / norm, d_plain / norm);
        cr_assert(plain_its > 100, "%ld plain iterations", plain_its);
        cr_assert(calls <= plain_its / 2, "%ld iterations, plain %ld", calls, plain_its);
        cr_assert(lowest >= 1, "a Katz score below 1: %g", lowest);
        /* plain iteration's own reach, r/(1 − r)·tol = 5.7e-10 relative, with room for a factor 2 */
        cr_assert(d_got / norm <= 2 * 0.85 / 0.15 * 1e-10, "relative L1 error %g", d_got / norm);
    }
    lev_network_free(net);
    free(src), free(dst), free(w), free(got), free(plain), free(exact);
}

/* Plain eigenvector iteration as lev_eigenvector() defines it: x ← (B + I)x / ‖(B + I)x‖₂ from
 * x = 1/√n (B = Aᵀ: x_v gathers its in-edges; undirected: both ways), stopping when the L1
 * change is at most tol: the reference for its extrapolated steps. Returns the iterations. */
static long plain_eigenvector(size_t n, size_t m, const uint32_t *src, const uint32_t *dst, const double *w,
                              int undirected, double tol, long max_iter, double *x) {
    double *xn = malloc(n * sizeof *xn);
    for (size_t v = 0; v < n; v++) x[v] = 1 / sqrt((double)n);
    long it;
    for (it = 1; it <= max_iter; it++) {
        for (size_t v = 0; v < n; v++) xn[v] = x[v];
        for (size_t e = 0; e < m; e++) {
            xn[dst[e]] += w[e] * x[src[e]];
            if (undirected) xn[src[e]] += w[e] * x[dst[e]];
        }
        double norm = 0, err = 0;
        for (size_t v = 0; v < n; v++) norm += xn[v] * xn[v];
        norm = sqrt(norm);
        for (size_t v = 0; v < n; v++) {
            double y = xn[v] / norm;
            err += fabs(y - x[v]), x[v] = y;
        }
        if (err <= tol) break;
    }
    free(xn);
    return it;
}

/* Two clusters of 400 actors, one tie in 6 across: the second eigenvalue is real and near the
 * first, so plain iteration is slow; the steps (taken one iteration late, as the pass measures
 * the change one behind) remove that mode. Directed and undirected; the scores stay as near
 * the limit as plain iteration's. */
Test(centrality, eigenvector_extrapolation_agrees_with_plain_iteration_in_fewer_iterations) {
    const uint32_t n = 800, half = 400;
    size_t cap = (size_t)n * 6, m = 0;
    uint32_t *src = malloc(cap * sizeof *src), *dst = malloc(cap * sizeof *dst);
    double *w = malloc(cap * sizeof *w);
    uint64_t st = 11;
    for (uint32_t a = 0; a < n; a++)
        for (int k = 0, deg = 2 + (int)(xs64(&st) % 4); k < deg; k++) {
            uint32_t lo = a < half ? 0 : half;
            uint32_t b = xs64(&st) % 6 == 0 ? (uint32_t)(xs64(&st) % n) : lo + (uint32_t)(xs64(&st) % half);
            src[m] = a, dst[m] = b, w[m++] = 1 + (double)(xs64(&st) % 3);
        }
    lev_network *net = net_of_arrays(n, m, src, dst, w);
    double *got = malloc(n * sizeof *got), *plain = malloc(n * sizeof *plain), *exact = malloc(n * sizeof *exact);
    for (int undirected = 0; undirected < 2; undirected++) {
        long calls = 0;
        lev_params *p;
        lev_params_new(&p);
        lev_params_set_progress(p, count_calls, &calls);
        lev_params_set_int(p, LEV_P_UNDIRECTED, undirected);
        cr_assert_eq(lev_eigenvector(net, p, got), LEV_OK, "%s", lev_params_errmsg(p));
        lev_params_free(p);
        long plain_its = plain_eigenvector(n, m, src, dst, w, undirected, 1e-10, 5000, plain);
        plain_eigenvector(n, m, src, dst, w, undirected, 1e-15, 20000, exact);
        double d_got = 0, d_plain = 0, lowest = INFINITY;
        for (size_t v = 0; v < n; v++) {
            d_got += fabs(got[v] - exact[v]), d_plain += fabs(plain[v] - exact[v]);
            if (got[v] < lowest) lowest = got[v];
        }
        cr_log_info("eigenvector, undirected %d, two clusters: %ld iterations, plain %ld; L1 error %.3g against "
                    "%.3g", undirected, calls, plain_its, d_got, d_plain);
        cr_assert(plain_its > 60, "%ld plain iterations: the test network lost its slow mode", plain_its);
        cr_assert(calls <= plain_its * 2 / 3, "%ld iterations, plain %ld", calls, plain_its);
        cr_assert(lowest >= 0, "a score below 0: %g", lowest);
        cr_assert(d_got <= 2 * d_plain + 1e-12, "L1 error %g, plain iteration's %g", d_got, d_plain);
    }
    lev_network_free(net);
    free(src), free(dst), free(w), free(got), free(plain), free(exact);
}

/* A directed ring of 7 with every jump to actor 0: the error is a sum of the ring's rotating
 * modes 0.85·e^(2πik/7), complex pairs of one modulus. The L1 ratio is steady, the signed ratio
 * wanders, and no step is taken: the iterations are exactly the plain ones. */
Test(centrality, pagerank_no_extrapolation_on_complex_pairs) {
    const size_t n = 7;
    uint32_t src[7], dst[7];
    double w[7], q[7] = {1, 0, 0, 0, 0, 0, 0};
    lev_network *net;
    lev_network_new(&net);
    test_add_actors(net, (uint32_t)n, "a");
    for (uint32_t k = 0; k < 7; k++) {
        src[k] = k, dst[k] = (k + 1) % 7, w[k] = 1;
        cr_assert_eq(lev_edge_add(net, src[k], dst[k], w[k], NULL, NULL), LEV_OK);
    }
    double got[7], plain[7];
    long calls = counted_pagerank(net, q, 0, 0, got);
    long plain_its = plain_pagerank_q(n, 7, src, dst, w, q, 0, 1e-10, 1000, plain);
    cr_log_info("ring, jumps to one actor: %ld iterations, plain %ld", calls, plain_its);
    cr_assert_eq(calls, plain_its, "%ld iterations, plain %ld", calls, plain_its);
    for (size_t v = 0; v < n; v++) cr_assert_float_eq(got[v], plain[v], 1e-14, "actor %zu", v);
    lev_network_free(net);
}

Test(centrality, pagerank_bad_personalization) {
    lev_network *net = small_chain();
    lev_params *p;
    lev_params_new(&p);
    double out[3] = {-1, -1, -1};
    double neg[3] = {1, -1, 1}, zero[3] = {0, 0, 0}, nan_[3] = {1, NAN, 0}, inf_[3] = {INFINITY, 1, 1};
    cr_assert_eq(lev_pagerank(net, neg, p, out), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "\"b\""), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_pagerank(net, zero, p, out), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "positive sum"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_pagerank(net, nan_, p, out), LEV_EINVAL);
    cr_assert_eq(lev_pagerank(net, inf_, p, out), LEV_EINVAL);
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], -1);
    /* With NULL params the message goes to the network. */
    cr_assert_eq(lev_pagerank(net, neg, NULL, out), LEV_EINVAL);
    cr_assert_eq(lev_errcode(net), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "personalization"), "%s", lev_errmsg(net));
    lev_params_free(p);
    lev_network_free(net);
}

Test(centrality, misuse_and_empty_network) {
    lev_network *net;
    lev_network_new(&net);
    double out[1] = {-1};
    cr_assert_eq(lev_pagerank(NULL, NULL, NULL, out), LEV_EMISUSE);
    cr_assert_eq(lev_degree(NULL, NULL, out), LEV_EMISUSE);
    cr_assert_eq(lev_strength(NULL, NULL, out), LEV_EMISUSE);
    cr_assert_eq(lev_pagerank(net, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_degree(net, NULL, NULL), LEV_EMISUSE);
    /* doc: an empty network gives LEV_OK with nothing written. */
    cr_assert_eq(lev_pagerank(net, NULL, NULL, out), LEV_OK);
    cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], -1);
    /* One actor, no edge: dangling, all mass on it. */
    lev_actor_add(net, "solo", NULL, NULL);
    cr_assert_eq(lev_pagerank(net, NULL, NULL, out), LEV_OK);
    cr_assert_float_eq(out[0], 1.0, 1e-15);
    cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 0);
    lev_network_free(net);
}

/* The compact form is rebuilt after every change (results follow the model). */
Test(centrality, results_follow_mutations) {
    lev_network *net = small_chain();
    double out[4];
    cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 3);
    lev_edge_add_by_name(net, "a", "d", 1, NULL, NULL);
    cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 4);
    cr_assert_eq(out[3], 1);
    lev_network_free(net);
}

/* Undirected mode: a self-loop counts at both ends; direction no longer matters. */
Test(centrality, undirected_ignores_direction) {
    lev_network *net = small_chain();
    lev_edge_add(net, 0, 0, 5, NULL, NULL);
    lev_params *p = params(1, LEV_DIR_IN);
    double a[3], b[3];
    cr_assert_eq(lev_strength(net, p, a), LEV_OK);
    lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT);
    cr_assert_eq(lev_strength(net, p, b), LEV_OK);
    cr_assert_eq(memcmp(a, b, sizeof a), 0);
    cr_assert_eq(a[0], 1 + 1 + 1 + 5 + 5);
    lev_params_free(p);
    lev_network_free(net);
}
