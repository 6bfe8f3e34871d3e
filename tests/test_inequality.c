/*
 * Inequality measures (src/inequality.c) against exact rational references and an independent
 * numpy implementation (tests/ref/ref_imbalance.h, made by tests/ref/make_refs_imbalance.py;
 * each value's comment holds the call that produced it), closed forms, Florentine wealth and
 * PageRank vectors, and every edge case the header documents.
 */
#include "helpers.h"

#include "ref/ref_imbalance.h"

#define NREF(a) (sizeof(a) / sizeof((a)[0]))

/* The reference value called key in a ref_value table. */
static double refv(const ref_value *r, size_t len, const char *key) {
    for (size_t k = 0; k < len; k++)
        if (strcmp(r[k].name, key) == 0) return r[k].value;
    cr_assert_fail("no reference %s", key);
    return NAN;
}

/* |got − ref| ≤ tol · max(1, |ref|); equal infinities match. */
static void near(double got, double ref, double tol, const char *what, const char *key) {
    if (isinf(ref)) {
        cr_assert(isinf(got) && got > 0, "%s %s: got %.17g, reference +inf", what, key, got);
        return;
    }
    double scale = fabs(ref) > 1 ? fabs(ref) : 1;
    cr_assert(fabs(got - ref) <= tol * scale, "%s %s: got %.17g, reference %.17g (tolerance %g)", what, key, got, ref,
              tol);
}

static lev_params *params(void) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    return p;
}

/* Every measure of x against a reference table (keys as written by make_refs_imbalance.py). */
static void check_all(const double *x, size_t n, const ref_value *ref, size_t len, const double *lorenz, double tol,
                      const char *what) {
    lev_params *p = params();
    double v, t, l;
    cr_assert_eq(lev_gini(x, n, p, &v), LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    near(v, refv(ref, len, "gini"), tol, what, "gini");
    cr_assert_eq(lev_theil(x, n, p, &t, &l), LEV_OK);
    near(t, refv(ref, len, "theil_t"), tol, what, "theil_t");
    near(l, refv(ref, len, "theil_l"), tol, what, "theil_l");
    cr_assert_eq(lev_hhi(x, n, p, &v), LEV_OK);
    near(v, refv(ref, len, "hhi"), tol, what, "hhi");
    cr_assert_eq(lev_palma(x, n, p, &v), LEV_OK);
    near(v, refv(ref, len, "palma"), tol, what, "palma");
    cr_assert_eq(lev_params_set_int(p, LEV_P_SMALL_SAMPLE, 1), LEV_OK);
    cr_assert_eq(lev_gini(x, n, p, &v), LEV_OK);
    near(v, refv(ref, len, "gini_small_sample"), tol, what, "gini_small_sample");
    /* the numpy table has no top shares */
    for (size_t k = 0; k < len; k++)
        if (strcmp(ref[k].name, "top_share") == 0) {
            lev_params_reset(p);
            cr_assert_eq(lev_top_share(x, n, p, &v), LEV_OK);
            near(v, ref[k].value, tol, what, "top_share");
            cr_assert_eq(lev_params_set_int(p, LEV_P_TOP_K, 3), LEV_OK);
            cr_assert_eq(lev_top_share(x, n, p, &v), LEV_OK);
            near(v, refv(ref, len, "top_share_k3"), tol, what, "top_share_k3");
            cr_assert_eq(lev_params_set_int(p, LEV_P_TOP_K, 0), LEV_OK);
            cr_assert_eq(lev_params_set_double(p, LEV_P_TOP_FRACTION, 0.25), LEV_OK);
            cr_assert_eq(lev_top_share(x, n, p, &v), LEV_OK);
            near(v, refv(ref, len, "top_share_f025"), tol, what, "top_share_f025");
        }
    if (lorenz) {
        double *px = malloc((n + 1) * sizeof *px), *py = malloc((n + 1) * sizeof *py);
        cr_assert_eq(lev_lorenz(x, n, p, px, py), LEV_OK);
        cr_assert_eq(px[0], 0);
        cr_assert_eq(py[0], 0);
        cr_assert_eq(px[n], 1);
        cr_assert_eq(py[n], 1);
        for (size_t i = 0; i <= n; i++) {
            near(px[i], (double)i / (double)n, 1e-15, what, "lorenz x");
            near(py[i], lorenz[i], tol, what, "lorenz y");
            if (i) cr_assert(py[i] >= py[i - 1] && py[i] <= 1, "%s: Lorenz curve not increasing at %zu", what, i);
        }
        free(px);
        free(py);
    }
    lev_params_free(p);
}

#define CHECK_VEC(name, tol)                                                                                          \
    do {                                                                                                              \
        check_all(ineq_x_##name, NREF(ineq_x_##name), ref_ineq_##name, NREF(ref_ineq_##name),                        \
                  ref_ineq_##name##_lorenz, tol, #name " exact");                                                     \
        check_all(ineq_x_##name, NREF(ineq_x_##name), ref_ineq_##name##_numpy, NREF(ref_ineq_##name##_numpy), NULL,   \
                  tol, #name " numpy");                                                                               \
    } while (0)

/* R ineq::Gini (transcribed; see make_refs_imbalance.py): gini and, when finite, the corrected form. */
static void check_r(const double *x, size_t n, const ref_value *ref, size_t len, const char *what) {
    lev_params *p = params();
    double v;
    for (size_t k = 0; k < len; k++) {
        cr_assert_eq(lev_params_set_int(p, LEV_P_SMALL_SAMPLE, strcmp(ref[k].name, "gini") != 0), LEV_OK);
        cr_assert_eq(lev_gini(x, n, p, &v), LEV_OK);
        near(v, ref[k].value, 1e-14, what, ref[k].name);
    }
    lev_params_free(p);
}
#define CHECK_R(name) check_r(ineq_x_##name, NREF(ineq_x_##name), ref_ineq_##name##_r, NREF(ref_ineq_##name##_r), #name " R")

Test(inequality, gini_matches_r_ineq) {
    CHECK_R(equal5);
    CHECK_R(one_holds_all);
    CHECK_R(two_value);
    CHECK_R(ramp30);
    CHECK_R(ties23);
    CHECK_R(zeros7);
    CHECK_R(decimals);
    CHECK_R(single);
    CHECK_R(pair);
    CHECK_R(florentine_wealth);
    CHECK_R(pagerank_karate);
    CHECK_R(pagerank_lesmis);
    CHECK_R(pagerank_coleman);
    CHECK_R(pagerank_dangling);
}

Test(inequality, hand_vectors_match_exact_and_numpy) {
    CHECK_VEC(equal5, 1e-15);
    CHECK_VEC(one_holds_all, 1e-15);
    CHECK_VEC(two_value, 1e-15);
    CHECK_VEC(ramp30, 1e-14);
    CHECK_VEC(ties23, 1e-14);
    CHECK_VEC(zeros7, 1e-15);
    CHECK_VEC(decimals, 1e-15);
    CHECK_VEC(single, 1e-15);
    CHECK_VEC(pair, 1e-15);
    CHECK_VEC(all_zero, 1e-15);
    CHECK_VEC(huge, 1e-14);
    CHECK_VEC(florentine_wealth, 1e-14);
}

/* The PageRank vectors igraph computed: the inequality of exactly those numbers. */
Test(inequality, igraph_pagerank_vectors) {
    CHECK_VEC(pagerank_karate, 1e-13);
    CHECK_VEC(pagerank_lesmis, 1e-13);
    CHECK_VEC(pagerank_coleman, 1e-13);
    CHECK_VEC(pagerank_dangling, 1e-13);
}

/* Closed forms, stated in the header and docs/inequality.md. */
Test(inequality, closed_forms) {
    double v, t, l;
    /* doc: lev_gini, 0 when all are equal; lev_theil 0 when all are equal; lev_hhi 1/n */
    double eq[7] = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    cr_assert_eq(lev_gini(eq, 7, NULL, &v), LEV_OK);
    cr_assert_eq(v, 0);
    cr_assert_eq(lev_theil(eq, 7, NULL, &t, &l), LEV_OK);
    cr_assert_eq(t, 0);
    cr_assert_eq(l, 0);
    cr_assert_eq(lev_hhi(eq, 7, NULL, &v), LEV_OK);
    cr_assert_eq(v, 1.0 / 7);
    cr_assert_eq(lev_palma(eq, 7, NULL, &v), LEV_OK);
    cr_assert_eq(v, 0.25);
    cr_assert_eq(lev_top_share(eq, 7, NULL, &v), LEV_OK); /* ceil(0.7) = 1 of 7 */
    cr_assert_eq(v, 1.0 / 7);
    /* doc: one holds all: Gini 1 − 1/n (1 with the correction), T = ln n, L = +inf, HHI 1 */
    for (size_t n = 1; n <= 40; n++) {
        double *x = calloc(n, sizeof *x);
        x[n / 2] = 3.5;
        lev_params *p = params();
        cr_assert_eq(lev_gini(x, n, p, &v), LEV_OK);
        cr_assert_float_eq(v, 1 - 1.0 / (double)n, 1e-15, "n=%zu", n);
        cr_assert_eq(lev_params_set_int(p, LEV_P_SMALL_SAMPLE, 1), LEV_OK);
        cr_assert_eq(lev_gini(x, n, p, &v), LEV_OK);
        cr_assert_float_eq(v, n == 1 ? 0 : 1, 1e-15, "n=%zu", n);
        cr_assert_eq(lev_theil(x, n, p, &t, &l), LEV_OK);
        if (n == 1) {
            cr_assert_eq(t, 0);
            cr_assert_eq(l, 0);
        } else {
            cr_assert_float_eq(t, log((double)n), 1e-14, "n=%zu", n);
            cr_assert(isinf(l) && l > 0);
        }
        cr_assert_eq(lev_hhi(x, n, p, &v), LEV_OK);
        cr_assert_eq(v, 1);
        cr_assert_eq(lev_top_share(x, n, p, &v), LEV_OK);
        cr_assert_eq(v, 1);
        cr_assert_eq(lev_palma(x, n, p, &v), LEV_OK);
        if (n == 1) cr_assert_eq(v, 0.25); /* a single actor is equal to itself */
        else cr_assert(isinf(v) && v > 0, "n=%zu: palma %g", n, v); /* the bottom 40% hold nothing */
        lev_params_free(p);
        free(x);
    }
    /* two values a < b, k of n hold b: Gini = k (n − k)(b − a) / (n (k b + (n − k) a)) */
    for (size_t n = 2; n <= 30; n++)
        for (size_t k = 1; k < n; k++) {
            double x[30], a = 1.5, b = 4.0;
            for (size_t i = 0; i < n; i++) x[i] = i < k ? b : a;
            cr_assert_eq(lev_gini(x, n, NULL, &v), LEV_OK);
            double g = (double)k * (double)(n - k) * (b - a) / ((double)n * ((double)k * b + (double)(n - k) * a));
            cr_assert_float_eq(v, g, 1e-14, "n=%zu k=%zu", n, k);
            double tot = (double)k * b + (double)(n - k) * a;
            cr_assert_eq(lev_hhi(x, n, NULL, &v), LEV_OK);
            cr_assert_float_eq(v, ((double)k * b * b + (double)(n - k) * a * a) / (tot * tot), 1e-15);
        }
    /* hand-computed: x = 1, 2, 3, 4: Gini = 10/40 = 0.25; HHI = 30/100 */
    double x4[4] = {4, 1, 3, 2};
    cr_assert_eq(lev_gini(x4, 4, NULL, &v), LEV_OK);
    cr_assert_float_eq(v, 0.25, 1e-16);
    cr_assert_eq(lev_hhi(x4, 4, NULL, &v), LEV_OK);
    cr_assert_float_eq(v, 0.3, 1e-16);
    /* Palma of n = 10: whole actors, top_share(0.1) / (1 − top_share(0.6)); 1..10: 10 / 10 */
    double x10[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    cr_assert_eq(lev_palma(x10, 10, NULL, &v), LEV_OK);
    cr_assert_float_eq(v, 1.0, 1e-15);
    /* n = 5 (not divisible by 10): 1..5. The bottom 0.4·5 = 2 actors hold 1 + 2 = 3; the top
     * 10% start at position 0.9·5 = 4.5, so they hold half of the 5th: 2.5. Palma = 2.5/3. */
    cr_assert_eq(lev_palma(x10, 5, NULL, &v), LEV_OK);
    cr_assert_float_eq(v, 2.5 / 3.0, 1e-15);
    /* n = 3: 1, 2, 3 (total 6): bottom 0.4·3 = 1.2 actors = 1 + 0.2·2 = 1.4; top 0.9·3 = 2.7, so
     * 0.3 of the 3rd: 0.9. Palma = 0.9/1.4. */
    cr_assert_eq(lev_palma(x10, 3, NULL, &v), LEV_OK);
    cr_assert_float_eq(v, 0.9 / 1.4, 1e-15);
}

/* doc: lev_top_share, LEV_P_TOP_FRACTION rounds up to whole actors; LEV_P_TOP_K wins when set. */
Test(inequality, top_share_rounding_and_options) {
    double x[30], v;
    for (int i = 0; i < 30; i++) x[i] = i + 1; /* total 465 */
    lev_params *p = params();
    cr_assert_eq(lev_top_share(x, 30, p, &v), LEV_OK); /* 0.1 · 30 = 3 actors (not 4) */
    cr_assert_float_eq(v, (28.0 + 29 + 30) / 465, 1e-15);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOP_FRACTION, 0.11), LEV_OK); /* 3.3 → 4 */
    cr_assert_eq(lev_top_share(x, 30, p, &v), LEV_OK);
    cr_assert_float_eq(v, (27.0 + 28 + 29 + 30) / 465, 1e-15);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOP_FRACTION, 0.7), LEV_OK); /* 0.7 · 30 = 21 (not 22) */
    cr_assert_eq(lev_top_share(x, 30, p, &v), LEV_OK);
    cr_assert_float_eq(v, (465.0 - 45) / 465, 1e-15);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOP_FRACTION, 0), LEV_OK);
    cr_assert_eq(lev_top_share(x, 30, p, &v), LEV_OK);
    cr_assert_eq(v, 0);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOP_FRACTION, 1), LEV_OK);
    cr_assert_eq(lev_top_share(x, 30, p, &v), LEV_OK);
    cr_assert_eq(v, 1);
    cr_assert_eq(lev_params_set_int(p, LEV_P_TOP_K, 1), LEV_OK);
    cr_assert_eq(lev_top_share(x, 30, p, &v), LEV_OK);
    cr_assert_float_eq(v, 30.0 / 465, 1e-15);
    cr_assert_eq(lev_params_set_int(p, LEV_P_TOP_K, 1000), LEV_OK); /* more than n: everyone */
    cr_assert_eq(lev_top_share(x, 30, p, &v), LEV_OK);
    cr_assert_eq(v, 1);
    double z[4] = {0, 0, 0, 0};
    cr_assert_eq(lev_params_set_int(p, LEV_P_TOP_K, 1), LEV_OK);
    cr_assert_eq(lev_top_share(z, 4, p, &v), LEV_OK); /* zero total: as equal shares */
    cr_assert_eq(v, 0.25);
    lev_params_free(p);
}

/* Inequality is invariant to order and scale: bit for bit under scaling by powers of two, and
 * under reordering for the measures that sort (all but HHI, which sums in input order). */
Test(inequality, order_and_scale_invariance) {
    double x[23], y[23], z[23];
    for (int i = 0; i < 23; i++) {
        x[i] = ineq_x_ties23[i];
        y[22 - i] = ineq_x_ties23[i] * 1024;
        z[i] = ineq_x_ties23[i] * 0x1p-900;
    }
    typedef lev_status (*fn)(const double *, size_t, lev_params *, double *);
    fn f[4] = {lev_gini, lev_hhi, lev_palma, lev_top_share};
    for (int k = 0; k < 4; k++) {
        double a, b, c;
        cr_assert_eq(f[k](x, 23, NULL, &a), LEV_OK);
        cr_assert_eq(f[k](y, 23, NULL, &b), LEV_OK);
        cr_assert_eq(f[k](z, 23, NULL, &c), LEV_OK);
        if (f[k] == lev_hhi) { /* summed in input order: reversal may change the last bit */
            cr_assert_float_eq(a, b, 1e-15, "hhi");
            cr_assert_eq(lev_hhi(ineq_x_ties23, 23, NULL, &b), LEV_OK);
        }
        cr_assert_eq(a, b, "measure %d", k);
        cr_assert_eq(a, c, "measure %d", k);
    }
}

/* doc: n = 0 and n = 1; all zero; the documented values never NaN. */
Test(inequality, empty_single_and_zero) {
    double v = 42, t = 42, l = 42, px[2] = {42, 42}, py[2] = {42, 42};
    lev_params *p = params();
    cr_assert_eq(lev_gini(NULL, 0, p, &v), LEV_OK);
    cr_assert_eq(v, 0);
    cr_assert_eq(lev_theil(NULL, 0, p, &t, &l), LEV_OK);
    cr_assert_eq(t, 0);
    cr_assert_eq(l, 0);
    v = 42;
    cr_assert_eq(lev_hhi(NULL, 0, p, &v), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "at least one value"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_palma(NULL, 0, p, &v), LEV_EINVAL);
    cr_assert_eq(lev_top_share(NULL, 0, p, &v), LEV_EINVAL);
    cr_assert_eq(lev_lorenz(NULL, 0, p, px, py), LEV_EINVAL);
    cr_assert_eq(v, 42);
    cr_assert_eq(px[0], 42);
    double one = 2.5;
    cr_assert_eq(lev_lorenz(&one, 1, p, px, py), LEV_OK);
    cr_assert(px[0] == 0 && py[0] == 0 && px[1] == 1 && py[1] == 1);
    double zero[3] = {0, -0.0, 0};
    double px3[4], py3[4];
    cr_assert_eq(lev_gini(zero, 3, p, &v), LEV_OK);
    cr_assert_eq(v, 0);
    cr_assert_eq(lev_theil(zero, 3, p, &t, &l), LEV_OK);
    cr_assert(t == 0 && l == 0);
    cr_assert_eq(lev_hhi(zero, 3, p, &v), LEV_OK);
    cr_assert_eq(v, 1.0 / 3);
    cr_assert_eq(lev_palma(zero, 3, p, &v), LEV_OK);
    cr_assert_eq(v, 0.25);
    cr_assert_eq(lev_lorenz(zero, 3, p, px3, py3), LEV_OK);
    for (int i = 0; i <= 3; i++) cr_assert_eq(px3[i], py3[i]); /* the diagonal */
    /* Theil with only one of T and L asked for */
    cr_assert_eq(lev_theil(ineq_x_zeros7, 7, p, &t, NULL), LEV_OK);
    cr_assert_float_eq(t, refv(ref_ineq_zeros7, NREF(ref_ineq_zeros7), "theil_t"), 1e-15);
    cr_assert_eq(lev_theil(ineq_x_zeros7, 7, p, NULL, &l), LEV_OK);
    cr_assert(isinf(l));
    lev_params_free(p);
}

/* doc: negative, NaN and infinite entries are LEV_EINVAL; NULL outputs LEV_EMISUSE; outputs untouched. */
Test(inequality, invalid_input_and_misuse) {
    lev_params *p = params();
    double bad[4][3] = {{1, 2, -1}, {1, NAN, 2}, {INFINITY, 1, 2}, {1, 2, -INFINITY}};
    for (int k = 0; k < 4; k++) {
        double v = 42, t = 42, l = 42, px[4] = {42}, py[4] = {42};
        cr_assert_eq(lev_gini(bad[k], 3, p, &v), LEV_EINVAL);
        cr_assert_eq(lev_params_errcode(p), LEV_EINVAL);
        cr_assert(strstr(lev_params_errmsg(p), "gini: x["), "%s", lev_params_errmsg(p));
        cr_assert_eq(lev_theil(bad[k], 3, p, &t, &l), LEV_EINVAL);
        cr_assert_eq(lev_hhi(bad[k], 3, p, &v), LEV_EINVAL);
        cr_assert_eq(lev_palma(bad[k], 3, p, &v), LEV_EINVAL);
        cr_assert_eq(lev_top_share(bad[k], 3, p, &v), LEV_EINVAL);
        cr_assert_eq(lev_lorenz(bad[k], 3, p, px, py), LEV_EINVAL);
        cr_assert(strstr(lev_params_errmsg(p), "lorenz: x["), "%s", lev_params_errmsg(p));
        cr_assert(v == 42 && t == 42 && l == 42 && px[0] == 42 && py[0] == 42);
        /* with NULL params: same code, nothing to record on */
        cr_assert_eq(lev_gini(bad[k], 3, NULL, &v), LEV_EINVAL);
    }
    double x[3] = {1, 2, 3}, v = 42, px[4], py[4];
    cr_assert_eq(lev_gini(x, 3, p, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_gini(NULL, 3, p, &v), LEV_EMISUSE);
    cr_assert_eq(lev_theil(x, 3, p, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_hhi(x, 3, p, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_palma(NULL, 3, p, &v), LEV_EMISUSE);
    cr_assert_eq(lev_top_share(x, 3, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_lorenz(x, 3, p, NULL, py), LEV_EMISUSE);
    cr_assert_eq(lev_lorenz(x, 3, p, px, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_params_errcode(p), LEV_EMISUSE);
    cr_assert_eq(v, 42);
    lev_params_free(p);
}

/* Florentine wealth read through the model (lev_resource_amounts) and PageRank computed by
 * libleverage, against the references on the peers' numbers. */
static void measure_vector(const double *x, size_t n, const ref_value *ref, size_t len, double tol, const char *what) {
    check_all(x, n, ref, len, NULL, tol, what);
}

Test(inequality, florentine_wealth_through_the_model) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL),
                 LEV_OK);
    uint32_t r;
    cr_assert_eq(lev_resource_find(net, "wealth", &r), LEV_OK);
    size_t n = lev_actor_count(net);
    double *h = malloc(n * sizeof *h);
    cr_assert_eq(lev_resource_amounts(net, r, h, NULL), LEV_OK);
    measure_vector(h, n, ref_ineq_florentine_wealth, NREF(ref_ineq_florentine_wealth), 1e-14, "florentine wealth");
    free(h);
    lev_network_free(net);
}

static void pagerank_case(const char *edges, const char *actors, int undirected, int weighted, const ref_value *ref,
                          size_t len, const char *what) {
    lev_network *net = load_csv(edges, actors);
    lev_params *p = params();
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14), LEV_OK);
    size_t n = lev_actor_count(net);
    double *pr = malloc(n * sizeof *pr);
    cr_assert_eq(lev_pagerank(net, NULL, p, pr), LEV_OK);
    /* PageRank agrees with igraph's PRPACK to ~1e-13; the measures are Lipschitz in it. */
    measure_vector(pr, n, ref, len, 1e-10, what);
    free(pr);
    lev_params_free(p);
    lev_network_free(net);
}

Test(inequality, libleverage_pagerank_vectors) {
    pagerank_case(SRC("tests/data/karate_edges.csv"), NULL, 1, 0, ref_ineq_pagerank_karate,
                  NREF(ref_ineq_pagerank_karate), "pagerank karate");
    pagerank_case(SRC("tests/data/lesmis_edges.csv"), NULL, 1, 1, ref_ineq_pagerank_lesmis,
                  NREF(ref_ineq_pagerank_lesmis), "pagerank lesmis");
    pagerank_case(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"), 0, 0,
                  ref_ineq_pagerank_coleman, NREF(ref_ineq_pagerank_coleman), "pagerank coleman");
    pagerank_case(SRC("tests/data/directed_dangling.csv"), NULL, 0, 1, ref_ineq_pagerank_dangling,
                  NREF(ref_ineq_pagerank_dangling), "pagerank dangling");
}

/* A large vector: results agree with a direct O(n) evaluation on sorted input. */
Test(inequality, large_vector) {
    size_t n = 200001;
    double *x = malloc(n * sizeof *x);
    uint64_t s = 12345;
    for (size_t i = 0; i < n; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        x[i] = (double)(s >> 40) / 16.0; /* exact, with ties */
    }
    double g, g2 = 0, tot = 0;
    cr_assert_eq(lev_gini(x, n, NULL, &g), LEV_OK);
    /* Gini = Σ_i Σ_j |x_i − x_j| / (2 n² μ): by counting sort on the 24-bit keys */
    size_t *cnt = calloc(1u << 24, sizeof *cnt);
    for (size_t i = 0; i < n; i++) {
        cnt[(size_t)(x[i] * 16)]++;
        tot += x[i];
    }
    double below = 0, nb = 0; /* Σ |x_i − x_j| over pairs = 2 Σ_k x_k (rank_k) − ... */
    for (size_t k = 0; k < (1u << 24); k++) {
        if (!cnt[k]) continue;
        double v = (double)k / 16.0, c = (double)cnt[k];
        g2 += c * (v * nb - below); /* pairs with a smaller value */
        below += c * v;
        nb += c;
    }
    g2 = 2 * g2 / (2.0 * (double)n * (double)n * (tot / (double)n));
    cr_assert_float_eq(g, g2, 1e-12);
    free(cnt);
    free(x);
}
