/*
 * Katz, eigenvector, HITS and Bonacich power against NetworkX, igraph, R sna / R igraph and
 * exact numpy solves (tests/ref/ref_spectral.h, made by tests/ref/make_refs_spectral.py; each
 * array's comment holds the exact peer call), plus closed forms on tiny networks, error paths,
 * thread determinism and the allocation-failure sweep.
 */
#include "helpers.h"

#include "ref/ref_spectral.h"
#include "ref/ref_dangling.h"
#include "ref/ref_florentine.h"
#include "ref/ref_karate.h"
#include "ref/ref_kite.h"
#include "ref/ref_lesmis.h"

#define REF(arr) arr, sizeof arr / sizeof arr[0]

/* Iterations run at LEV_P_TOLERANCE 1e-14. Eigenvector: NetworkX is itself within 1.6e-13 of
 * exact (it stops at an L1 change of N·1e-14), igraph and numpy within 1e-15. */
#define EV_TOL 1e-11
#define HITS_TOL 1e-12
/* Katz raw scores: relative to the largest score. */
#define KATZ_RTOL 1e-11
/* Bonacich: a direct solve; peers agree to 4e-14. */
#define BON_TOL 1e-11

typedef lev_status (*measure_fn)(const lev_network *, lev_params *, double *);

static lev_status hubs_only(const lev_network *net, lev_params *p, double *out) { return lev_hits(net, p, out, NULL); }
static lev_status auth_only(const lev_network *net, lev_params *p, double *out) { return lev_hits(net, p, NULL, out); }

static int cancel_at(void *ud, double done);

static lev_params *mkparams(int undirected) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MAX_ITER, 100000), LEV_OK);
    return p;
}

/* Run a measure (asserting LEV_OK); the caller frees the result. */
static double *run(const lev_network *net, measure_fn f, lev_params *p, const char *what) {
    size_t n = lev_actor_count(net);
    double *out = calloc(n ? n : 1, sizeof *out);
    lev_status rc = f(net, p, out);
    cr_assert_eq(rc, LEV_OK, "%s: %s: %s", what, lev_status_name(rc), p ? lev_params_errmsg(p) : lev_errmsg(net));
    return out;
}

static double max_of(const ref_value *ref, size_t len) {
    double m = 0;
    for (size_t k = 0; k < len; k++)
        if (fabs(ref[k].value) > m) m = fabs(ref[k].value);
    return m;
}

/* out / max(out) against a reference scaled so that its largest value is 1 (igraph's scale=TRUE). */
static void check_scaled(const lev_network *net, const double *out, const ref_value *ref, size_t len, double tol,
                         const char *what) {
    size_t n = lev_actor_count(net);
    double m = 0, *s = malloc(n * sizeof *s);
    for (size_t i = 0; i < n; i++)
        if (out[i] > m) m = out[i];
    for (size_t i = 0; i < n; i++) s[i] = out[i] / m;
    check_ref(net, s, ref, len, tol, what);
    free(s);
}

/* out / Σ out against a reference (igraph's HITS scaled to largest 1: divided by its own sum). */
static void check_sum_scaled(const lev_network *net, const double *out, const ref_value *ref, size_t len, double tol,
                             const char *what) {
    double rs = 0;
    for (size_t k = 0; k < len; k++) rs += ref[k].value;
    ref_value *r = malloc(len * sizeof *r);
    for (size_t k = 0; k < len; k++) {
        r[k].name = ref[k].name;
        r[k].value = ref[k].value / rs;
    }
    check_ref(net, out, r, len, tol, what);
    free(r);
}

#define CHECK(net, out, arr, tol) check_ref(net, out, REF(arr), tol, #arr)
#define CHECK_REL(net, out, arr, rtol) check_ref(net, out, REF(arr), (rtol) * max_of(REF(arr)), #arr)

/* Eigenvector against NetworkX, igraph (unit length and max-1) and the exact eigenvector. */
#define CHECK_EIGEN(net, p, pre)                                                    \
    do {                                                                            \
        double *o_ = run(net, lev_eigenvector, p, #pre);                            \
        CHECK(net, o_, pre##_nx, EV_TOL);                                           \
        CHECK(net, o_, pre##_igraph, EV_TOL);                                       \
        CHECK(net, o_, pre##_exact, EV_TOL);                                        \
        check_scaled(net, o_, REF(pre##_igraph_scaled), EV_TOL, #pre "_igraph_scaled"); \
        free(o_);                                                                   \
    } while (0)

/* Katz raw (normalized=False) and normalized (normalized=True) against NetworkX's two solvers. */
#define CHECK_KATZ(net, p, alpha, pre)                                                    \
    do {                                                                                  \
        cr_assert_eq(lev_params_set_double(p, LEV_P_ALPHA, alpha), LEV_OK);               \
        cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, 0), LEV_OK);                 \
        double *o_ = run(net, lev_katz, p, #pre);                                         \
        CHECK_REL(net, o_, pre##_nx, KATZ_RTOL);                                          \
        CHECK_REL(net, o_, pre##_nx_numpy, KATZ_RTOL);                                    \
        free(o_);                                                                         \
        cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, 1), LEV_OK);                 \
        o_ = run(net, lev_katz, p, #pre "_normalized");                                   \
        CHECK(net, o_, pre##_normalized_nx, 1e-12);                                       \
        CHECK(net, o_, pre##_normalized_nx_numpy, 1e-12);                                 \
        free(o_);                                                                         \
        cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, 0), LEV_OK);                 \
    } while (0)

/* HITS against NetworkX (sum 1) and igraph (largest 1, compared after dividing by its sum). */
#define CHECK_HITS(net, p, pre)                                                                   \
    do {                                                                                          \
        double *h_ = run(net, hubs_only, p, #pre "_hubs");                                        \
        double *a_ = run(net, auth_only, p, #pre "_authorities");                                 \
        CHECK(net, h_, pre##_hubs_nx, HITS_TOL);                                                  \
        CHECK(net, a_, pre##_authorities_nx, HITS_TOL);                                           \
        check_sum_scaled(net, h_, REF(pre##_hubs_igraph), HITS_TOL, #pre "_hubs_igraph");         \
        check_sum_scaled(net, a_, REF(pre##_authorities_igraph), HITS_TOL, #pre "_auth_igraph");  \
        free(h_);                                                                                 \
        free(a_);                                                                                 \
    } while (0)

#define CHECK_BON(net, p, beta, arr)                                          \
    do {                                                                      \
        cr_assert_eq(lev_params_set_double(p, LEV_P_BETA, beta), LEV_OK);     \
        double *o_ = run(net, lev_bonacich, p, #arr);                         \
        CHECK(net, o_, arr, BON_TOL);                                         \
        free(o_);                                                             \
    } while (0)

/* The call fails with `want`, its message contains `msg`, and out is untouched. */
static void expect_fail(const lev_network *net, measure_fn f, lev_params *p, lev_status want, const char *msg,
                        const char *what) {
    size_t n = lev_actor_count(net);
    double *out = malloc(n * sizeof *out);
    for (size_t i = 0; i < n; i++) out[i] = -7;
    lev_status rc = f(net, p, out);
    cr_assert_eq(rc, want, "%s: got %s, want %s (%s)", what, lev_status_name(rc), lev_status_name(want),
                 lev_params_errmsg(p));
    cr_assert_eq(lev_params_errcode(p), want, "%s", what);
    cr_assert(strstr(lev_params_errmsg(p), msg), "%s: message \"%s\" lacks \"%s\"", what, lev_params_errmsg(p), msg);
    for (size_t i = 0; i < n; i++) cr_assert_eq(out[i], -7, "%s: output %zu written on failure", what, i);
    free(out);
}

/* ---- peers on the data sets ------------------------------------------------------------------- */

Test(spectral, florentine16_matches_peers) {
    lev_network *net = load_csv(SRC(REF_FLORENTINE_EDGES_CSV), SRC(REF_FLORENTINE_ACTORS_CSV));
    lev_params *p = mkparams(1);
    CHECK_EIGEN(net, p, ref_florentine16_eigenvector);
    CHECK_KATZ(net, p, 0.1, ref_florentine16_katz);
    CHECK_HITS(net, p, ref_florentine16_hits);
    CHECK_BON(net, p, 0.1, ref_florentine16_bonacich_b01_sna);
    CHECK_BON(net, p, 0.1, ref_florentine16_bonacich_b01_rigraph);
    CHECK_BON(net, p, -0.1, ref_florentine16_bonacich_bm01_sna);
    CHECK_BON(net, p, -0.1, ref_florentine16_bonacich_bm01_rigraph);
    CHECK_BON(net, p, -0.5, ref_florentine16_bonacich_bm05_sna);
    CHECK_BON(net, p, -0.5, ref_florentine16_bonacich_bm05_rigraph);
    CHECK_BON(net, p, 1, ref_florentine16_bonacich_b1_sna);
    CHECK_BON(net, p, 1, ref_florentine16_bonacich_b1_rigraph);
    /* doc: isolated Pucci: eigenvector → 0, Katz 1 (β), HITS 0, Bonacich 0. */
    uint32_t pucci;
    cr_assert_eq(lev_actor_find(net, "Pucci", &pucci), LEV_OK);
    double *o = run(net, lev_eigenvector, p, "eigenvector");
    cr_assert(o[pucci] >= 0 && o[pucci] < 1e-15, "Pucci %g", o[pucci]);
    free(o);
    o = run(net, lev_katz, p, "katz");
    cr_assert_eq(o[pucci], 1.0);
    free(o);
    o = run(net, hubs_only, p, "hits");
    cr_assert_eq(o[pucci], 0.0);
    free(o);
    o = run(net, lev_bonacich, p, "bonacich");
    cr_assert_eq(o[pucci], 0.0);
    free(o);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spectral, karate_matches_peers) {
    lev_network *net = load_csv(SRC(REF_KARATE_EDGES_CSV), NULL);
    lev_params *p = mkparams(1);
    CHECK_EIGEN(net, p, ref_karate_eigenvector);
    CHECK_KATZ(net, p, 0.1, ref_karate_katz);
    CHECK_HITS(net, p, ref_karate_hits);
    CHECK_BON(net, p, 0.1, ref_karate_bonacich_b01_sna);
    CHECK_BON(net, p, 0.1, ref_karate_bonacich_b01_rigraph);
    CHECK_BON(net, p, -0.1, ref_karate_bonacich_bm01_sna);
    CHECK_BON(net, p, -0.1, ref_karate_bonacich_bm01_rigraph);
    CHECK_BON(net, p, 1, ref_karate_bonacich_b1_sna);
    CHECK_BON(net, p, 1, ref_karate_bonacich_b1_rigraph);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spectral, karate_weighted_matches_peers) {
    lev_network *net = load_csv(SRC(REF_KARATE_WEIGHTED_EDGES_CSV), NULL);
    lev_params *p = mkparams(1);
    CHECK_EIGEN(net, p, ref_karate_weighted_eigenvector);
    CHECK_KATZ(net, p, 0.02, ref_karate_weighted_katz);
    CHECK_HITS(net, p, ref_karate_weighted_hits);
    CHECK_BON(net, p, 0.1, ref_karate_weighted_bonacich_b01_sna);
    CHECK_BON(net, p, -0.1, ref_karate_weighted_bonacich_bm01_sna);
    CHECK_BON(net, p, -0.5, ref_karate_weighted_bonacich_bm05_sna);
    CHECK_BON(net, p, 1, ref_karate_weighted_bonacich_b1_sna);
    /* Unweighted, the weighted file is the unweighted karate club. */
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    CHECK_EIGEN(net, p, ref_karate_eigenvector);
    CHECK_KATZ(net, p, 0.1, ref_karate_katz);
    CHECK_HITS(net, p, ref_karate_hits);
    CHECK_BON(net, p, 0.1, ref_karate_bonacich_b01_sna);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spectral, lesmis_weighted_and_unweighted_match_peers) {
    lev_network *net = load_csv(SRC(REF_LESMIS_EDGES_CSV), NULL);
    lev_params *p = mkparams(1);
    CHECK_EIGEN(net, p, ref_lesmis_eigenvector);
    CHECK_KATZ(net, p, 0.01, ref_lesmis_katz);
    CHECK_HITS(net, p, ref_lesmis_hits);
    CHECK_BON(net, p, 0.1, ref_lesmis_bonacich_b01_sna);
    CHECK_BON(net, p, -0.1, ref_lesmis_bonacich_bm01_sna);
    CHECK_BON(net, p, 1, ref_lesmis_bonacich_b1_sna);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    CHECK_EIGEN(net, p, ref_lesmis_eigenvector_unweighted);
    CHECK_KATZ(net, p, 0.05, ref_lesmis_katz_unweighted);
    CHECK_HITS(net, p, ref_lesmis_hits_unweighted);
    CHECK_BON(net, p, 0.05, ref_lesmis_bonacich_unweighted_b005_sna);
    CHECK_BON(net, p, 0.05, ref_lesmis_bonacich_unweighted_b005_rigraph);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spectral, kite_matches_peers) {
    lev_network *net = load_csv(SRC(REF_KITE_EDGES_CSV), NULL);
    lev_params *p = mkparams(1);
    CHECK_EIGEN(net, p, ref_kite_eigenvector);
    CHECK_KATZ(net, p, 0.1, ref_kite_katz);
    CHECK_HITS(net, p, ref_kite_hits);
    CHECK_BON(net, p, 0.1, ref_kite_bonacich_b01_sna);
    CHECK_BON(net, p, 0.1, ref_kite_bonacich_b01_rigraph);
    CHECK_BON(net, p, -0.1, ref_kite_bonacich_bm01_sna);
    CHECK_BON(net, p, -0.1, ref_kite_bonacich_bm01_rigraph);
    CHECK_BON(net, p, 1, ref_kite_bonacich_b1_sna);
    CHECK_BON(net, p, 1, ref_kite_bonacich_b1_rigraph);
    /* doc: lev_bonacich, LEV_P_NORMALIZED 1 = sna's rescale=TRUE (scores sum to 1). */
    cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, 1), LEV_OK);
    CHECK_BON(net, p, 0.1, ref_kite_bonacich_normalized_b01_sna);
    CHECK_BON(net, p, 0.1, ref_kite_bonacich_normalized_b01_rigraph);
    lev_params_free(p);
    lev_network_free(net);
}

/* Directed: the default (LEV_DIR_ALL) is in-influence, as LEV_DIR_IN; LEV_DIR_OUT reverses. */
Test(spectral, coleman_directed_matches_peers) {
    lev_network *net = load_csv(SRC(REF_COLEMAN_EDGES_CSV), SRC(REF_COLEMAN_ACTORS_CSV));
    cr_assert_eq(lev_actor_count(net), REF_COLEMAN_N);
    for (int dir = 0; dir <= LEV_DIR_ALL; dir++) {
        if (dir == LEV_DIR_OUT) continue;
        lev_params *p = mkparams(0);
        if (dir) cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dir), LEV_OK);
        CHECK_EIGEN(net, p, ref_coleman_eigenvector);
        CHECK_KATZ(net, p, 0.1, ref_coleman_katz);
        CHECK_HITS(net, p, ref_coleman_hits);
        CHECK_BON(net, p, 0.1, ref_coleman_bonacich_b01_sna);
        CHECK_BON(net, p, 0.1, ref_coleman_bonacich_b01_rigraph);
        CHECK_BON(net, p, -0.1, ref_coleman_bonacich_bm01_sna);
        CHECK_BON(net, p, -0.1, ref_coleman_bonacich_bm01_rigraph);
        CHECK_BON(net, p, -0.5, ref_coleman_bonacich_bm05_sna);
        CHECK_BON(net, p, -0.5, ref_coleman_bonacich_bm05_rigraph);
        CHECK_BON(net, p, 1, ref_coleman_bonacich_b1_sna);
        CHECK_BON(net, p, 1, ref_coleman_bonacich_b1_rigraph);
        lev_params_free(p);
    }
    lev_params *p = mkparams(0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT), LEV_OK);
    CHECK_EIGEN(net, p, ref_coleman_eigenvector_out);
    CHECK_KATZ(net, p, 0.1, ref_coleman_katz_out);
    CHECK_HITS(net, p, ref_coleman_hits); /* HITS ignores LEV_P_DIRECTION */
    /* doc: lev_bonacich with LEV_DIR_OUT is sna's bonpow(d) on the sociomatrix as given */
    CHECK_BON(net, p, 0.1, ref_coleman_bonacich_out_b01_sna);
    CHECK_BON(net, p, 0.1, ref_coleman_bonacich_out_b01_rigraph);
    CHECK_BON(net, p, -0.5, ref_coleman_bonacich_out_bm05_sna);
    CHECK_BON(net, p, -0.5, ref_coleman_bonacich_out_bm05_rigraph);
    lev_params_free(p);
    lev_network_free(net);
}

/* Parallel edges add up, the self-loop Dave→Dave counts once (directed), dangling actors. */
Test(spectral, directed_dangling_matches_peers) {
    lev_network *net = load_csv(SRC(REF_DANGLING_EDGES_CSV), NULL);
    lev_params *p = mkparams(0);
    CHECK_EIGEN(net, p, ref_dangling_eigenvector);
    CHECK_KATZ(net, p, 0.1, ref_dangling_katz);
    CHECK_HITS(net, p, ref_dangling_hits);
    CHECK_BON(net, p, 0.1, ref_dangling_bonacich_b01_sna);
    CHECK_BON(net, p, -0.1, ref_dangling_bonacich_bm01_sna);
    CHECK_BON(net, p, -0.5, ref_dangling_bonacich_bm05_sna);
    CHECK_BON(net, p, 1, ref_dangling_bonacich_b1_sna);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT), LEV_OK);
    CHECK_EIGEN(net, p, ref_dangling_eigenvector_out);
    CHECK_KATZ(net, p, 0.1, ref_dangling_katz_out);
    CHECK_BON(net, p, 0.1, ref_dangling_bonacich_out_b01_sna);
    CHECK_BON(net, p, -0.5, ref_dangling_bonacich_out_bm05_sna);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    CHECK_EIGEN(net, p, ref_dangling_eigenvector_unweighted);
    lev_params_free(p);
    lev_network_free(net);
}

/* Default options (NULL params would read the Florentine file as directed): tolerance 1e-10,
 * α 0.1, β 1, max_iter 1000 are enough for 1e-9. */
Test(spectral, default_tolerance_is_enough_for_1e9) {
    lev_network *net = load_csv(SRC(REF_KARATE_EDGES_CSV), NULL);
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    double *o = run(net, lev_eigenvector, p, "eigenvector");
    CHECK(net, o, ref_karate_eigenvector_exact, 1e-9);
    free(o);
    o = run(net, lev_katz, p, "katz");
    CHECK_REL(net, o, ref_karate_katz_nx_numpy, 1e-9);
    free(o);
    o = run(net, auth_only, p, "hits");
    CHECK(net, o, ref_karate_hits_authorities_nx, 1e-9);
    free(o);
    o = run(net, lev_bonacich, p, "bonacich");
    CHECK(net, o, ref_karate_bonacich_b1_sna, 1e-9);
    free(o);
    lev_params_free(p);
    /* NULL params on a directed network: default = in-influence. */
    lev_network_free(net);
    net = load_csv(SRC(REF_COLEMAN_EDGES_CSV), SRC(REF_COLEMAN_ACTORS_CSV));
    o = run(net, lev_eigenvector, NULL, "eigenvector");
    CHECK(net, o, ref_coleman_eigenvector_exact, 1e-9);
    free(o);
    o = run(net, lev_katz, NULL, "katz");
    CHECK_REL(net, o, ref_coleman_katz_nx_numpy, 1e-9);
    free(o);
    o = run(net, lev_bonacich, NULL, "bonacich");
    CHECK(net, o, ref_coleman_bonacich_b1_sna, 1e-9);
    free(o);
    lev_network_free(net);
}

/* ---- closed forms on tiny networks -------------------------------------------------------------- */

static lev_network *make(const char *const *edges, size_t m, double w) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (size_t k = 0; k < m; k++)
        cr_assert_eq(lev_edge_add_by_name(net, edges[2 * k], edges[2 * k + 1], w, NULL, NULL), LEV_OK);
    return net;
}

static lev_network *star(uint32_t leaves) { /* hub "h" → leaves "l0".. */
    lev_network *net;
    char name[16];
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "h", NULL, NULL), LEV_OK);
    for (uint32_t i = 0; i < leaves; i++) {
        snprintf(name, sizeof name, "l%u", i);
        cr_assert_eq(lev_edge_add_by_name(net, "h", name, 1, NULL, NULL), LEV_OK);
    }
    return net;
}

static lev_network *cycle(uint32_t n, int both) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "c");
    for (uint32_t i = 0; i < n; i++) {
        cr_assert_eq(lev_edge_add(net, i, (i + 1) % n, 1, NULL, NULL), LEV_OK);
        if (both) cr_assert_eq(lev_edge_add(net, (i + 1) % n, i, 1, NULL, NULL), LEV_OK);
    }
    return net;
}

static lev_network *complete(uint32_t n) { /* every ordered pair */
    lev_network *net = cycle(n, 0);
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = 0; j < n; j++)
            if (i != j && j != (i + 1) % n) cr_assert_eq(lev_edge_add(net, i, j, 1, NULL, NULL), LEV_OK);
    return net;
}

Test(spectral, eigenvector_closed_forms) {
    lev_params *p = mkparams(1);
    /* Star with k leaves: λ = √k, hub 1/√2, leaves 1/√(2k). */
    lev_network *net = star(4);
    double *o = run(net, lev_eigenvector, p, "star");
    cr_assert_float_eq(o[0], sqrt(0.5), 1e-13);
    for (int i = 1; i <= 4; i++) cr_assert_float_eq(o[i], sqrt(1.0 / 8), 1e-13);
    free(o);
    lev_network_free(net);
    /* Path a – b – c: (1, √2, 1)/2. */
    const char *path[] = {"a", "b", "b", "c"};
    net = make(path, 2, 3.5);
    o = run(net, lev_eigenvector, p, "path");
    cr_assert_float_eq(o[0], 0.5, 1e-13);
    cr_assert_float_eq(o[1], sqrt(0.5), 1e-13);
    cr_assert_float_eq(o[2], 0.5, 1e-13);
    free(o);
    lev_network_free(net);
    /* Directed cycle (periodic) and complete graph: uniform 1/√n, also directed. */
    lev_params *d = mkparams(0);
    net = cycle(7, 0);
    o = run(net, lev_eigenvector, d, "cycle");
    for (int i = 0; i < 7; i++) cr_assert_float_eq(o[i], 1 / sqrt(7), 1e-15);
    free(o);
    lev_network_free(net);
    net = complete(5);
    o = run(net, lev_eigenvector, d, "complete");
    for (int i = 0; i < 5; i++) cr_assert_float_eq(o[i], 1 / sqrt(5), 1e-15);
    free(o);
    /* doc: no edges: uniform 1/√n (the iteration's start vector is already a fixed point). */
    lev_network_free(net);
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (int i = 0; i < 3; i++) {
        char name[8];
        snprintf(name, sizeof name, "x%d", i);
        lev_actor_add(net, name, NULL, NULL);
    }
    o = run(net, lev_eigenvector, d, "no edges");
    for (int i = 0; i < 3; i++) cr_assert_eq(o[i], 1 / sqrt(3));
    free(o);
    for (int i = 3; i < 60; i++) { /* whatever the rounding of Σ x² = 1 */
        char name[8];
        snprintf(name, sizeof name, "x%d", i);
        lev_actor_add(net, name, NULL, NULL);
        o = run(net, lev_eigenvector, d, "no edges");
        for (int j = 0; j <= i; j++) cr_assert_float_eq(o[j], 1 / sqrt(i + 1), 1e-15);
        free(o);
    }
    lev_network_free(net);
    lev_params_free(p);
    lev_params_free(d);
}

/* doc: lev_eigenvector, LEV_ENOCONV on an acyclic directed network (λmax = 0). */
Test(spectral, eigenvector_acyclic_does_not_converge) {
    const char *dag[] = {"a", "b", "b", "c", "a", "c"};
    lev_network *net = make(dag, 3, 1);
    lev_params *p = mkparams(0);
    lev_params_set_int(p, LEV_P_MAX_ITER, 1000);
    expect_fail(net, lev_eigenvector, p, LEV_ENOCONV, "without directed cycles", "dag");
    lev_params_free(p);
    lev_network_free(net);
}

Test(spectral, katz_closed_forms) {
    lev_params *p = mkparams(0);
    lev_params_set_double(p, LEV_P_ALPHA, 0.3);
    /* Directed cycle: x = 1/(1 − α). */
    lev_network *net = cycle(5, 0);
    double *o = run(net, lev_katz, p, "cycle");
    for (int i = 0; i < 5; i++) cr_assert_float_eq(o[i], 1 / 0.7, 1e-13);
    free(o);
    lev_network_free(net);
    /* Directed star h → leaves: in-influence h = 1, leaves 1 + α; out-influence h = 1 + kα. */
    net = star(4);
    o = run(net, lev_katz, p, "star in");
    cr_assert_eq(o[0], 1.0);
    for (int i = 1; i <= 4; i++) cr_assert_float_eq(o[i], 1.3, 1e-15);
    free(o);
    lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT);
    o = run(net, lev_katz, p, "star out");
    cr_assert_float_eq(o[0], 1 + 4 * 0.3, 1e-15);
    for (int i = 1; i <= 4; i++) cr_assert_eq(o[i], 1.0);
    free(o);
    /* Undirected star, k leaves: hub c = (1 + kα)/(1 − kα²), leaves 1 + αc. */
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    o = run(net, lev_katz, p, "star undirected");
    double c = (1 + 4 * 0.3) / (1 - 4 * 0.09);
    cr_assert_float_eq(o[0], c, 1e-13);
    for (int i = 1; i <= 4; i++) cr_assert_float_eq(o[i], 1 + 0.3 * c, 1e-13);
    free(o);
    /* doc: LEV_P_NORMALIZED 1 gives unit Euclidean length. */
    lev_params_set_int(p, LEV_P_NORMALIZED, 1);
    o = run(net, lev_katz, p, "star normalized");
    double norm = sqrt(c * c + 4 * (1 + 0.3 * c) * (1 + 0.3 * c));
    cr_assert_float_eq(o[0], c / norm, 1e-13);
    free(o);
    lev_network_free(net);
    /* Complete K4 (undirected view of every ordered pair: each pair twice): x = 1/(1 − 6α). */
    lev_params_set_int(p, LEV_P_NORMALIZED, 0);
    lev_params_set_double(p, LEV_P_ALPHA, 0.1);
    net = complete(4);
    o = run(net, lev_katz, p, "complete");
    for (int i = 0; i < 4; i++) cr_assert_float_eq(o[i], 1 / (1 - 0.6), 1e-13);
    free(o);
    /* α = 0: everyone 1. */
    lev_params_set_double(p, LEV_P_ALPHA, 0);
    o = run(net, lev_katz, p, "alpha 0");
    for (int i = 0; i < 4; i++) cr_assert_eq(o[i], 1.0);
    free(o);
    lev_network_free(net);
    lev_params_free(p);
}

/* doc: lev_katz, LEV_ENOCONV with a message that α is too large when α ≥ 1/λmax. */
Test(spectral, katz_alpha_too_large) {
    lev_params *p = mkparams(0);
    /* Directed cycle, λ = 1: α = 1 never settles (each step adds n). */
    lev_network *net = cycle(4, 0);
    lev_params_set_double(p, LEV_P_ALPHA, 1);
    lev_params_set_int(p, LEV_P_MAX_ITER, 500);
    expect_fail(net, lev_katz, p, LEV_ENOCONV, "too large", "cycle alpha 1");
    cr_assert(strstr(lev_params_errmsg(p), "alpha = 1 "), "%s", lev_params_errmsg(p));
    lev_network_free(net);
    /* K5, λ = 4: α = 0.5 overflows. */
    net = complete(5);
    lev_params_set_double(p, LEV_P_ALPHA, 0.5);
    lev_params_set_int(p, LEV_P_MAX_ITER, 100000);
    expect_fail(net, lev_katz, p, LEV_ENOCONV, "too large", "K5 alpha 0.5");
    cr_assert(strstr(lev_params_errmsg(p), "overflow") && strstr(lev_params_errmsg(p), "alpha*lambda_max about 2;") &&
                  strstr(lev_params_errmsg(p), "here about 0.25)"),
              "%s", lev_params_errmsg(p));
    /* Just above 1/λ = 0.25: diverges slowly; reported at the iteration limit. */
    lev_params_set_double(p, LEV_P_ALPHA, 0.2502);
    lev_params_set_int(p, LEV_P_MAX_ITER, 1000);
    expect_fail(net, lev_katz, p, LEV_ENOCONV, "too large", "K5 alpha 0.2502");
    /* Just below: converges slowly; with too few iterations it is "did not converge". */
    lev_params_set_double(p, LEV_P_ALPHA, 0.2498);
    lev_params_set_int(p, LEV_P_MAX_ITER, 50);
    expect_fail(net, lev_katz, p, LEV_ENOCONV, "did not converge in 50 iterations", "K5 alpha 0.2498");
    lev_params_set_int(p, LEV_P_MAX_ITER, 100000);
    double *o = run(net, lev_katz, p, "K5 alpha 0.2498");
    cr_assert_float_eq(o[0], 1 / (1 - 4 * 0.2498), 1e-9 / (1 - 4 * 0.2498));
    free(o);
    lev_network_free(net);
    /* doc: undirected view: a change that grows proves α·λmax > 1, so the call fails at once.
     * Star with 4 leaves, λ = 2: α = 0.51 fails within a few iterations... */
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    net = star(4);
    int left = 1000000;
    lev_params_set_progress(p, cancel_at, &left);
    lev_params_set_double(p, LEV_P_ALPHA, 0.51);
    expect_fail(net, lev_katz, p, LEV_ENOCONV, "too large", "star alpha 0.51");
    cr_assert(1000000 - left < 10, "%d iterations", 1000000 - left);
    /* ... while α = 0.499 (α·λ = 0.998, changes shrinking ever more slowly) converges. */
    lev_params_set_double(p, LEV_P_ALPHA, 0.499);
    o = run(net, lev_katz, p, "star alpha 0.499");
    double c = (1 + 4 * 0.499) / (1 - 4 * 0.499 * 0.499);
    cr_assert_float_eq(o[0], c, 1e-9 * c);
    free(o);
    lev_network_free(net);
    lev_params_free(p);
}

Test(spectral, hits_closed_forms) {
    lev_params *p = mkparams(0);
    /* Directed star h → 4 leaves: hub h 1, authorities 1/4 on each leaf. */
    lev_network *net = star(4);
    double h[6], a[6];
    cr_assert_eq(lev_hits(net, p, h, a), LEV_OK);
    cr_assert_eq(h[0], 1.0);
    cr_assert_eq(a[0], 0.0);
    for (int i = 1; i <= 4; i++) {
        cr_assert_eq(h[i], 0.0);
        cr_assert_float_eq(a[i], 0.25, 1e-16);
    }
    /* doc: undirected and bipartite, the top eigenvalue k of A² is double (one vector per side),
     * and the result is the limit from the all-ones hub vector: a₁ = A·1 = (k, 1, …, 1) is
     * already an eigenvector of A², so authorities (1/2, 1/8, …) and hubs A·a uniform 1/5. */
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    cr_assert_eq(lev_hits(net, p, h, a), LEV_OK);
    cr_assert_float_eq(a[0], 0.5, 1e-15);
    for (int i = 0; i < 5; i++) cr_assert_float_eq(h[i], 0.2, 1e-15);
    for (int i = 1; i < 5; i++) cr_assert_float_eq(a[i], 0.125, 1e-15);
    lev_network_free(net);
    /* Directed cycle: uniform. */
    net = cycle(6, 0);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 0);
    cr_assert_eq(lev_hits(net, p, h, a), LEV_OK);
    for (int i = 0; i < 6; i++) {
        cr_assert_float_eq(h[i], 1.0 / 6, 1e-15);
        cr_assert_float_eq(a[i], 1.0 / 6, 1e-15);
    }
    lev_network_free(net);
    /* doc: no edges: both uniform 1/n. */
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_actor_add(net, "x", NULL, NULL);
    lev_actor_add(net, "y", NULL, NULL);
    cr_assert_eq(lev_hits(net, p, h, a), LEV_OK);
    cr_assert(h[0] == 0.5 && h[1] == 0.5 && a[0] == 0.5 && a[1] == 0.5);
    lev_network_free(net);
    lev_params_free(p);
}

/* sna's formula on a star: hub c0, leaves c1 with c0 = k(1 + β c1), c1 = 1 + β c0. */
Test(spectral, bonacich_closed_forms) {
    lev_params *p = mkparams(1);
    lev_network *net = star(5);
    const double betas[] = {0, 0.2, -0.3, 1};
    for (size_t t = 0; t < sizeof betas / sizeof betas[0]; t++) {
        double b = betas[t], k = 5;
        double c0 = k * (1 + b) / (1 - b * b * k), c1 = 1 + b * c0;
        double s = sqrt(6 / (c0 * c0 + k * c1 * c1));
        lev_params_set_double(p, LEV_P_BETA, b);
        double *o = run(net, lev_bonacich, p, "star");
        cr_assert_float_eq(o[0], c0 * s, 1e-13, "beta %g", b);
        for (int i = 1; i <= 5; i++) cr_assert_float_eq(o[i], c1 * s, 1e-13, "beta %g", b);
        double sq = 0;
        for (int i = 0; i < 6; i++) sq += o[i] * o[i];
        cr_assert_float_eq(sq, 6, 1e-12); /* doc: Σ c² = n */
        free(o);
    }
    lev_network_free(net);
    /* doc: no edges: every score 0 (sna gives NaN). */
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_actor_add(net, "x", NULL, NULL);
    lev_actor_add(net, "y", NULL, NULL);
    double o[2] = {-1, -1};
    cr_assert_eq(lev_bonacich(net, p, o), LEV_OK);
    cr_assert(o[0] == 0 && o[1] == 0);
    lev_params_set_int(p, LEV_P_NORMALIZED, 1);
    cr_assert_eq(lev_bonacich(net, p, o), LEV_OK);
    cr_assert(o[0] == 0 && o[1] == 0);
    lev_network_free(net);
    /* β < 0 on a path a – b – c – d with β = −1: c = (I + A)⁻¹A1 = (0, 1, 1, 0): the ends,
     * tied only to well-connected b and c, have no power. Scaled: (0, √2, √2, 0). */
    const char *path[] = {"a", "b", "b", "c", "c", "d"};
    net = make(path, 3, 1);
    lev_params_set_int(p, LEV_P_NORMALIZED, 0);
    lev_params_set_double(p, LEV_P_BETA, -1);
    double *q = run(net, lev_bonacich, p, "path");
    cr_assert_float_eq(q[0], 0, 1e-14);
    cr_assert_float_eq(q[1], sqrt(2), 1e-14);
    cr_assert_float_eq(q[2], sqrt(2), 1e-14);
    cr_assert_float_eq(q[3], 0, 1e-14);
    free(q);
    lev_network_free(net);
    lev_params_free(p);
}

/* doc: lev_bonacich, LEV_EINVAL when I − βA is singular; outputs untouched. */
Test(spectral, bonacich_singular) {
    lev_params *p = mkparams(1);
    /* Undirected 5-cycle: λ = 2, β = 1/2 (sna refuses too: see ref_spectral.h). */
    lev_network *net = cycle(5, 0);
    lev_params_set_double(p, LEV_P_BETA, 0.5);
    expect_fail(net, lev_bonacich, p, LEV_EINVAL, "singular", "5-cycle");
    lev_network_free(net);
    /* Directed 3-cycle: λ = 1, β = 1: an exact zero pivot. */
    lev_params *d = mkparams(0);
    lev_params_set_double(d, LEV_P_BETA, 1);
    net = cycle(3, 0);
    expect_fail(net, lev_bonacich, d, LEV_EINVAL, "singular", "3-cycle");
    lev_network_free(net);
    /* Karate, the kite and weighted Les Misérables have the eigenvalue −2: β = −1/2 (sna refuses
     * all three; ref_spectral.h lists them). */
    lev_params_set_double(p, LEV_P_BETA, -0.5);
    net = load_csv(SRC(REF_KARATE_EDGES_CSV), NULL);
    expect_fail(net, lev_bonacich, p, LEV_EINVAL, "singular", "karate");
    lev_network_free(net);
    net = load_csv(SRC(REF_KITE_EDGES_CSV), NULL);
    expect_fail(net, lev_bonacich, p, LEV_EINVAL, "singular", "kite");
    lev_network_free(net);
    net = load_csv(SRC(REF_LESMIS_EDGES_CSV), NULL);
    expect_fail(net, lev_bonacich, p, LEV_EINVAL, "singular", "lesmis");
    lev_network_free(net);
    lev_params_free(p);
    lev_params_free(d);
}

/* doc: lev_bonacich, LEV_ELIMIT above 20000 actors, before allocating anything. */
Test(spectral, bonacich_size_limit) {
    failalloc fa = {0};
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
    test_add_actors(net, 20001, "a");
    lev_params *p;
    lev_params_new(&p);
    double *out = malloc(20001 * sizeof *out);
    cr_assert_eq(lev_degree(net, p, out), LEV_OK); /* builds the compact form */
    long calls = fa.calls;
    size_t bytes = fa.live_bytes;
    out[0] = -7;
    cr_assert_eq(lev_bonacich(net, p, out), LEV_ELIMIT);
    cr_assert(strstr(lev_params_errmsg(p), "20000"), "%s", lev_params_errmsg(p));
    cr_assert_eq(fa.calls, calls);
    cr_assert_eq(fa.live_bytes, bytes);
    cr_assert_eq(out[0], -7);
    free(out);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- edge cases and error paths ------------------------------------------------------------------ */

Test(spectral, misuse_and_empty_network) {
    lev_network *net;
    lev_network_new(&net);
    double out[1] = {-1}, out2[1] = {-1};
    measure_fn fns[] = {lev_katz, lev_eigenvector, lev_bonacich, hubs_only, auth_only};
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        cr_assert_eq(fns[k](NULL, NULL, out), LEV_EMISUSE);
        cr_assert_eq(fns[k](net, NULL, NULL), LEV_EMISUSE);
        /* doc: an empty network gives LEV_OK with nothing written. */
        cr_assert_eq(fns[k](net, NULL, out), LEV_OK);
        cr_assert_eq(out[0], -1);
    }
    cr_assert_eq(lev_hits(net, NULL, NULL, NULL), LEV_EMISUSE); /* not both NULL */
    lev_params *p;
    lev_params_new(&p);
    cr_assert_eq(lev_hits(net, p, NULL, NULL), LEV_EMISUSE);
    cr_assert(strstr(lev_params_errmsg(p), "hits"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_katz(NULL, p, out), LEV_EMISUSE);
    cr_assert(strstr(lev_params_errmsg(p), "katz"), "%s", lev_params_errmsg(p));
    /* One actor, no edge: eigenvector 1, Katz 1, HITS 1 and 1, Bonacich 0. */
    lev_actor_add(net, "solo", NULL, NULL);
    cr_assert_eq(lev_eigenvector(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 1);
    cr_assert_eq(lev_katz(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 1);
    cr_assert_eq(lev_hits(net, NULL, out, out2), LEV_OK);
    cr_assert(out[0] == 1 && out2[0] == 1);
    cr_assert_eq(lev_bonacich(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 0);
    /* One actor with a self-loop of strength 2: Katz x = 1/(1 − 2α) directed, 1/(1 − 4α)
     * undirected (the loop is walked both ways); Bonacich c = 2/(1 − 2β) directed, scaled to
     * |c| = 1 (sign kept: β = 1 gives −1). */
    lev_edge_add(net, 0, 0, 2, NULL, NULL);
    cr_assert_eq(lev_eigenvector(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 1);
    cr_assert_eq(lev_katz(net, NULL, out), LEV_OK); /* default tolerance: relative change 1e-10 */
    cr_assert_float_eq(out[0], 1 / 0.8, 1e-10);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    cr_assert_eq(lev_katz(net, p, out), LEV_OK);
    cr_assert_float_eq(out[0], 1 / 0.6, 1e-10);
    cr_assert_eq(lev_bonacich(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], -1);
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: parallel edges add up: two edges of 1 and 2 in two channels = one edge of 3. */
Test(spectral, parallel_edges_add_up) {
    lev_network *a, *b;
    lev_network_new(&a);
    lev_network_new(&b);
    const char *pairs[] = {"x", "y", "y", "z", "z", "x", "x", "z", "y", "y"};
    for (int k = 0; k < 5; k++) {
        lev_edge_add_by_name(a, pairs[2 * k], pairs[2 * k + 1], 3, NULL, NULL);
        lev_edge_add_by_name(b, pairs[2 * k], pairs[2 * k + 1], 1, "money", NULL);
        lev_edge_add_by_name(b, pairs[2 * k], pairs[2 * k + 1], 2, "kinship", NULL);
    }
    measure_fn fns[] = {lev_katz, lev_eigenvector, lev_bonacich, hubs_only, auth_only};
    lev_params *p = mkparams(0);
    lev_params_set_double(p, LEV_P_ALPHA, 0.05);
    lev_params_set_double(p, LEV_P_BETA, 0.05);
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        double *oa = run(a, fns[k], p, "single"), *ob = run(b, fns[k], p, "parallel");
        for (int i = 0; i < 3; i++) cr_assert_float_eq(oa[i], ob[i], 1e-13, "measure %zu actor %d", k, i);
        free(oa);
        free(ob);
    }
    lev_params_free(p);
    lev_network_free(a);
    lev_network_free(b);
}

/* doc: LEV_P_UNDIRECTED 1 ignores LEV_P_DIRECTION. */
Test(spectral, undirected_ignores_direction) {
    lev_network *net = load_csv(SRC(REF_DANGLING_EDGES_CSV), NULL);
    measure_fn fns[] = {lev_katz, lev_eigenvector, lev_bonacich, hubs_only};
    lev_params *p = mkparams(1);
    lev_params_set_double(p, LEV_P_BETA, 0.1);
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN);
        double *x = run(net, fns[k], p, "in");
        lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT);
        double *y = run(net, fns[k], p, "out");
        cr_assert(memcmp(x, y, 8 * sizeof *x) == 0, "measure %zu", k);
        free(x);
        free(y);
    }
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: outputs written only on LEV_OK: LEV_ENOCONV past LEV_P_MAX_ITER. */
Test(spectral, not_converged_leaves_output) {
    lev_network *net = load_csv(SRC(REF_KARATE_EDGES_CSV), NULL);
    lev_params *p = mkparams(1);
    lev_params_set_int(p, LEV_P_MAX_ITER, 3);
    expect_fail(net, lev_eigenvector, p, LEV_ENOCONV, "did not converge in 3 iterations", "eigenvector");
    expect_fail(net, lev_katz, p, LEV_ENOCONV, "did not converge in 3 iterations", "katz");
    expect_fail(net, hubs_only, p, LEV_ENOCONV, "did not converge in 3 iterations", "hits");
    double h[34], a[34];
    for (int i = 0; i < 34; i++) h[i] = a[i] = -7;
    cr_assert_eq(lev_hits(net, p, h, a), LEV_ENOCONV);
    for (int i = 0; i < 34; i++) cr_assert(h[i] == -7 && a[i] == -7);
    lev_params_free(p);
    lev_network_free(net);
}

static int cancel_at(void *ud, double done) {
    int *left = ud;
    cr_assert(done >= 0 && done <= 1, "progress %g", done);
    return --*left == 0;
}

/* doc: every call reports progress and stops with LEV_ECANCELLED, outputs untouched. */
Test(spectral, cancelled_by_progress) {
    lev_network *net = load_csv(SRC(REF_LESMIS_EDGES_CSV), NULL);
    measure_fn fns[] = {lev_katz, lev_eigenvector, hubs_only};
    lev_params *p = mkparams(1);
    lev_params_set_double(p, LEV_P_ALPHA, 0.01);
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        int left = 2;
        lev_params_set_progress(p, cancel_at, &left);
        expect_fail(net, fns[k], p, LEV_ECANCELLED, "cancelled", "iteration");
        cr_assert_eq(left, 0);
    }
    lev_network_free(net);
    /* Bonacich reports once per 64-column panel: 130 actors have 3 panels. */
    net = cycle(130, 1);
    lev_params_set_double(p, LEV_P_BETA, 0.1);
    int left = 2;
    lev_params_set_progress(p, cancel_at, &left);
    expect_fail(net, lev_bonacich, p, LEV_ECANCELLED, "cancelled", "bonacich");
    left = 1000;
    double *o = run(net, lev_bonacich, p, "bonacich");
    cr_assert_eq(left, 1000 - 2);
    for (int i = 0; i < 130; i++) cr_assert_float_eq(o[i], 1, 1e-13); /* regular: all equal */
    free(o);
    lev_params_free(p);
    lev_network_free(net);
}

/* NULL params: the message goes to the network. */
Test(spectral, null_params_message_on_network) {
    lev_network *net = cycle(4, 0);
    double out[4] = {-7, -7, -7, -7};
    cr_assert_eq(lev_bonacich(net, NULL, out), LEV_EINVAL); /* default β = 1 = 1/λ of a directed cycle */
    cr_assert_eq(lev_errcode(net), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "singular"), "%s", lev_errmsg(net));
    cr_assert_eq(out[0], -7);
    lev_network_free(net);
}

/* ---- threads ----------------------------------------------------------------------------------- */

static lev_network *random_graph(uint32_t n, uint32_t m, int dag) {
    lev_network *net;
    lev_network_new(&net);
    test_add_actors(net, n, "a");
    uint64_t s = 88172645463325252ull;
    for (uint32_t e = 0; e < m; e++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        uint32_t a = (uint32_t)(s % n), b = (uint32_t)((s >> 20) % n);
        if (dag && a == b) continue;
        if (dag && a > b) { uint32_t t = a; a = b; b = t; }
        cr_assert_eq(lev_edge_add(net, a, b, 0.1 + (double)(s >> 40 & 1023) / 100.0, NULL, NULL), LEV_OK);
    }
    return net;
}

/* doc: bit-identical for any LEV_P_THREADS (more than one block of 2048 actors). */
Test(spectral, bit_identical_for_any_thread_count) {
    lev_network *net = random_graph(20000, 120000, 0);
    size_t n = 20000;
    measure_fn fns[] = {lev_katz, lev_eigenvector, hubs_only, auth_only};
    double *ref = malloc(n * sizeof *ref), *out = malloc(n * sizeof *out);
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_double(p, LEV_P_ALPHA, 0.01);
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        lev_params_set_int(p, LEV_P_THREADS, 1);
        cr_assert_eq(fns[k](net, p, ref), LEV_OK, "%s", lev_params_errmsg(p));
        for (int t = 2; t <= 3; t++) {
            lev_params_set_int(p, LEV_P_THREADS, t);
            cr_assert_eq(fns[k](net, p, out), LEV_OK);
            cr_assert(memcmp(ref, out, n * sizeof *out) == 0, "measure %zu: threads=%d differs", k, t);
        }
    }
    lev_network_free(net);
    /* Bonacich: 300 actors, so that the LU's parallel loops run (several panels and tiles). */
    net = random_graph(300, 1500, 0);
    lev_params_set_double(p, LEV_P_BETA, -0.05);
    lev_params_set_int(p, LEV_P_THREADS, 1);
    cr_assert_eq(lev_bonacich(net, p, ref), LEV_OK, "%s", lev_params_errmsg(p));
    for (int t = 2; t <= 3; t++) {
        lev_params_set_int(p, LEV_P_THREADS, t);
        cr_assert_eq(lev_bonacich(net, p, out), LEV_OK);
        cr_assert(memcmp(ref, out, 300 * sizeof *out) == 0, "bonacich: threads=%d differs", t);
    }
    lev_params_free(p);
    free(ref);
    free(out);
    lev_network_free(net);
}

/* Bonacich on a larger network than the references: against an exact small-β series. For
 * |β|·λmax < 1, c = Σ_k β^k B^{k+1} 1; the series is summed to convergence here. */
Test(spectral, bonacich_matches_series_on_300_actors) {
    lev_network *net = random_graph(300, 1500, 0);
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_double(p, LEV_P_BETA, -0.01);
    lev_params_set_int(p, LEV_P_WEIGHTED, 0);
    double *o = run(net, lev_bonacich, p, "bonacich");
    /* series with B = Aᵀ (in-influence), unit strengths: x_{k+1} = Aᵀ1 + β Aᵀ x_k */
    size_t n = 300, m = lev_edge_count(net);
    double *x = calloc(n, sizeof *x), *y = calloc(n, sizeof *y), *d = calloc(n, sizeof *d);
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        lev_edge_get(net, e, &s, &t, NULL, NULL);
        d[t] += 1;
    }
    for (int it = 0; it < 200; it++) {
        for (size_t i = 0; i < n; i++) y[i] = d[i];
        for (size_t e = 0; e < m; e++) {
            uint32_t s, t;
            lev_edge_get(net, e, &s, &t, NULL, NULL);
            y[t] += -0.01 * x[s];
        }
        memcpy(x, y, n * sizeof *x);
    }
    double s2 = 0;
    for (size_t i = 0; i < n; i++) s2 += x[i] * x[i];
    for (size_t i = 0; i < n; i++) cr_assert_float_eq(o[i], x[i] * sqrt((double)n / s2), 1e-12, "actor %zu", i);
    free(x);
    free(y);
    free(d);
    free(o);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- allocation failures ------------------------------------------------------------------------ */

/* NULL params would read the Florentine ties as directed, one way each: no cycle to converge on. */
static lev_params *sweep_params;
static lev_params *undirected_params(void) { return sweep_params; }
static lev_status op_katz(const lev_network *net, double *o) { return lev_katz(net, undirected_params(), o); }
static lev_status op_eigen(const lev_network *net, double *o) { return lev_eigenvector(net, undirected_params(), o); }
static lev_status op_hits(const lev_network *net, double *o) { return lev_hits(net, undirected_params(), o, o + 16); }
static lev_status op_bon(const lev_network *net, double *o) { return lev_bonacich(net, undirected_params(), o); }

/* doc: each allocation failure gives LEV_ENOMEM, leaks nothing and leaves the network and the
 * outputs as they were; compact form built beforehand or not. */
Test(spectral, allocation_failure_sweep) {
    lev_status (*ops[])(const lev_network *, double *) = {op_katz, op_eigen, op_hits, op_bon};
    const char *names[] = {"katz", "eigenvector", "hits", "bonacich"};
    lev_params_new(&sweep_params);
    lev_params_set_int(sweep_params, LEV_P_UNDIRECTED, 1);
    for (size_t k = 0; k < 4; k++)
        for (int built = 0; built <= 1; built++) {
            long fail_at;
            for (fail_at = 0;; fail_at++) {
                failalloc fa = {0};
                lev_network *net;
                cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
                cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, SRC(REF_FLORENTINE_ACTORS_CSV), NULL), LEV_OK);
                cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC(REF_FLORENTINE_EDGES_CSV), NULL), LEV_OK);
                double out[32];
                if (built) cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
                char *before = dump_network(net);
                for (int i = 0; i < 32; i++) out[i] = -7;
                fa.fail_at = fa.calls + fail_at;
                fa.armed = 1;
                lev_status rc = ops[k](net, out);
                fa.armed = 0;
                char *after = dump_network(net);
                int done = rc == LEV_OK;
                if (!done) {
                    cr_assert_eq(rc, LEV_ENOMEM, "%s: allocation %ld: %s", names[k], fail_at, lev_status_name(rc));
                    cr_assert_str_eq(after, before, "%s: allocation %ld changed the network", names[k], fail_at);
                    for (int i = 0; i < 32; i++) cr_assert_eq(out[i], -7, "%s: output written", names[k]);
                }
                free(before);
                free(after);
                lev_network_free(net);
                cr_assert_eq(fa.live_blocks, 0, "%s: allocation %ld: %ld blocks leaked", names[k], fail_at,
                             fa.live_blocks);
                cr_assert_eq(fa.bad_osize, 0, "%s: wrong osize", names[k]);
                if (done) break;
                cr_assert(fail_at < 1000, "%s never succeeded", names[k]);
            }
            cr_assert(fail_at >= 1, "%s: no allocation was failed", names[k]);
        }
    lev_params_free(sweep_params);
}
