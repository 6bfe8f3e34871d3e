/*
 * Opinion dynamics: DeGroot social power, closed classes, periods and limits; Friedkin–Johnsen
 * equilibrium and total influence; pressure points (sensitivities).
 *
 * Peers: tests/ref/ref_opinion.h, written by tests/ref/make_refs_opinion.py from numpy's dense
 * closed forms ((I − ΛW)⁻¹(I − Λ)u, its column sums, the eigenvector of W for eigenvalue 1 by
 * numpy.linalg.eig, W^(2^40) u); the published 4-actor group of Friedkin & Johnsen (1999); hand
 * worked cases (docs/opinion.md); and the sensitivities against central finite differences.
 */
#include "helpers.h"

#include "ref/ref_opinion.h"

/* The formulas make_refs_opinion.py uses. */
static double *u_of(size_t n) {
    double *u = malloc((n ? n : 1) * sizeof *u);
    for (size_t i = 0; i < n; i++) u[i] = (double)((7 * i) % 11) / 10.0 - 0.5;
    return u;
}
static double *lam_of(size_t n) {
    double *l = malloc((n ? n : 1) * sizeof *l);
    for (size_t i = 0; i < n; i++) l[i] = (double)(1 + (5 * i) % 9) / 10.0;
    return l;
}

typedef struct refset {
    const char *csv;
    size_t n;
    int undirected;
    const char *const *names;
    const double *fj, *influence, *power, *limit;
    const uint32_t *cls, *period;
    size_t classes;
} refset;

#define REFSET(k, K)                                                                                      \
    {REF_OP_##K##_CSV, REF_OP_##K##_N, REF_OP_##K##_UNDIRECTED, ref_op_##k##_names, ref_op_##k##_fj,        \
     ref_op_##k##_influence, ref_op_##k##_power, REF_OP_##K##_HAS_LIMIT ? LIMIT_##K : NULL, ref_op_##k##_class, \
     ref_op_##k##_period, REF_OP_##K##_CLASSES}
#define LIMIT_COLEMAN ref_op_coleman_limit
#define LIMIT_DANGLING ref_op_dangling_limit
#define LIMIT_KARATE ref_op_karate_limit
#define LIMIT_LESMIS ref_op_lesmis_limit

static const refset sets[] = {REFSET(coleman, COLEMAN), REFSET(dangling, DANGLING), REFSET(karate, KARATE),
                              REFSET(lesmis, LESMIS)};

static lev_network *load_set(const refset *r, lev_params **p) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", LEV_SOURCE_DIR, r->csv);
    lev_network *net = load_csv(path, NULL);
    cr_assert_eq(lev_actor_count(net), r->n);
    for (size_t i = 0; i < r->n; i++) cr_assert_str_eq(lev_actor_name(net, (uint32_t)i), r->names[i], "index order");
    cr_assert_eq(lev_params_new(p), LEV_OK);
    cr_assert_eq(lev_params_set_int(*p, LEV_P_UNDIRECTED, r->undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(*p, LEV_P_MAX_ITER, 1000000), LEV_OK);
    return net;
}

static void near(const double *got, const double *want, size_t n, double tol, const char *what, const char *set) {
    for (size_t i = 0; i < n; i++)
        cr_assert(fabs(got[i] - want[i]) <= tol, "%s on %s: actor %zu: got %.17g, numpy %.17g (tolerance %g)", what, set,
                  i, got[i], want[i], tol);
}

/* ref: numpy.linalg.solve(I - L @ W, (I - L) @ u) and its column sums (make_refs_opinion.py) */
Test(opinion, friedkin_johnsen_matches_the_dense_closed_form) {
    for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
        const refset *r = &sets[s];
        lev_params *p;
        lev_network *net = load_set(r, &p);
        double *u = u_of(r->n), *l = lam_of(r->n), *x = calloc(r->n, sizeof *x), *inf = calloc(r->n, sizeof *inf);
        cr_assert_eq(lev_friedkin_johnsen(net, u, l, p, x), LEV_OK, "%s", lev_params_errmsg(p));
        /* error ≤ tol·ρ/(1 − ρ), ρ ≤ 0.9: 1e-9 */
        near(x, r->fj, r->n, 2e-9, "friedkin-johnsen", r->csv);
        cr_assert_eq(lev_friedkin_johnsen_influence(net, l, p, inf), LEV_OK, "%s", lev_params_errmsg(p));
        /* the influence sums y to 1e-10 each and scales by (1 − λ) ≤ 0.9 (y ≤ n) */
        near(inf, r->influence, r->n, 1e-8, "influence", r->csv);
        double sum = 0;
        for (size_t i = 0; i < r->n; i++) sum += inf[i];
        cr_assert(fabs(sum - (double)r->n) < 1e-7, "doc: influences sum to the number of actors (%.17g)", sum);
        free(u), free(l), free(x), free(inf);
        lev_params_free(p);
        lev_network_free(net);
    }
}

/* ref: numpy.linalg.eig(W[C, C].T), eigenvalue nearest 1; networkx strongly_connected_components */
Test(opinion, degroot_power_matches_the_dense_eigenvector) {
    for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
        const refset *r = &sets[s];
        lev_params *p;
        lev_network *net = load_set(r, &p);
        lev_params_set_double(p, LEV_P_TOLERANCE, 1e-13);
        double *pw = calloc(r->n, sizeof *pw);
        uint32_t *cls = calloc(r->n, sizeof *cls), *per = calloc(r->n, sizeof *per);
        size_t k = 99;
        cr_assert_eq(lev_degroot(net, p, pw, cls, per, &k), LEV_OK, "%s", lev_params_errmsg(p));
        cr_assert_eq(k, r->classes, "%s: %zu closed classes, networkx %zu", r->csv, k, r->classes);
        for (size_t i = 0; i < r->n; i++) cr_assert_eq(cls[i], r->cls[i], "%s: class of actor %zu", r->csv, i);
        for (size_t c = 0; c < k; c++) cr_assert_eq(per[c], r->period[c], "%s: period of class %zu", r->csv, c);
        near(pw, r->power, r->n, 1e-9, "social power", r->csv);
        if (r->limit) {
            double *u = u_of(r->n), *x = calloc(r->n, sizeof *x);
            cr_assert_eq(lev_degroot_limit(net, u, p, x), LEV_OK, "%s", lev_params_errmsg(p));
            near(x, r->limit, r->n, 1e-9, "degroot limit", r->csv);
            free(u), free(x);
        }
        free(pw), free(cls), free(per);
        lev_params_free(p);
        lev_network_free(net);
    }
}

/* On an undirected network, power is strength over twice the component's total (doc). */
Test(opinion, undirected_power_is_the_strength_share) {
    lev_network *net = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    lev_params_set_int(p, LEV_P_MAX_ITER, 1000000);
    lev_params_set_double(p, LEV_P_TOLERANCE, 1e-13);
    lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_ALL);
    size_t n = lev_actor_count(net);
    double pw[64], st[64], tot = 0;
    cr_assert_eq(lev_degroot(net, p, pw, NULL, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_strength(net, p, st), LEV_OK);
    for (size_t i = 0; i < n; i++) tot += st[i];
    for (size_t i = 0; i < n; i++) cr_assert(fabs(pw[i] - st[i] / tot) < 1e-10, "actor %zu", i);
    lev_params_free(p);
    lev_network_free(net);
}

/* Friedkin & Johnsen (1999), 4-actor group; reproduced in Proskurnikov & Tempo (2017), Part I:
 * equilibrium (60, 60, 75, 75) after rounding, with λ_i = 1 − w_ii. */
Test(opinion, friedkin_johnsen_1999_four_actor_group) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    const char *nm[4] = {"1", "2", "3", "4"};
    for (int i = 0; i < 4; i++) cr_assert_eq(lev_actor_add(net, nm[i], NULL, NULL), LEV_OK);
    double lam[4], u[4] = {25, 25, 75, 85}, x[4];
    for (uint32_t i = 0; i < 4; i++) {
        lam[i] = 1 - ref_op_fj4_w[4 * i + i];
        for (uint32_t j = 0; j < 4; j++)
            if (ref_op_fj4_w[4 * i + j] > 0) /* i listens to j: the tie j → i */
                cr_assert_eq(lev_edge_add(net, j, i, ref_op_fj4_w[4 * i + j], NULL, NULL), LEV_OK);
    }
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, NULL, x), LEV_OK, "%s", lev_errmsg(net));
    const double published[4] = {60, 60, 75, 75};
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(round(x[i]), published[i], "actor %d: %.6f", i + 1, x[i]);
        cr_assert(fabs(x[i] - ref_op_fj4_x[i]) < 1e-7, "actor %d: %.17g vs numpy %.17g", i + 1, x[i], ref_op_fj4_x[i]);
    }
    lev_network_free(net);
}

/* The hand-worked example of docs/opinion.md: A stubborn (no tie in), B listens to A and C
 * equally, C listens to B; λ = (0, 1/2, 1/2), u = (1, 0, 0). */
static lev_network *three(void) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "A", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "B", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "C", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 1, 1, NULL, NULL), LEV_OK); /* A → B */
    cr_assert_eq(lev_edge_add(net, 2, 1, 1, NULL, NULL), LEV_OK); /* C → B */
    cr_assert_eq(lev_edge_add(net, 1, 2, 1, NULL, NULL), LEV_OK); /* B → C */
    return net;
}

Test(opinion, hand_worked_three_actors) {
    lev_network *net = three();
    double u[3] = {1, 0, 0}, lam[3] = {0, 0.5, 0.5}, x[3], inf[3], sa[3], st[3], pw[3];
    uint32_t cls[3], per[3];
    size_t k;
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, NULL, x), LEV_OK);
    const double wx[3] = {1, 2.0 / 7, 1.0 / 7};
    for (int i = 0; i < 3; i++) cr_assert(fabs(x[i] - wx[i]) < 1e-10, "x[%d] = %.17g", i, x[i]);
    cr_assert_eq(lev_friedkin_johnsen_influence(net, lam, NULL, inf), LEV_OK);
    const double wi[3] = {10.0 / 7, 6.0 / 7, 5.0 / 7};
    for (int i = 0; i < 3; i++) cr_assert(fabs(inf[i] - wi[i]) < 1e-10, "influence[%d] = %.17g", i, inf[i]);
    cr_assert_eq(lev_opinion_pressure(net, u, lam, LEV_NONE, NULL, sa, st), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert(fabs(sa[i] - wi[i] / 3) < 1e-10, "actors[%d] = %.17g", i, sa[i]);
    cr_assert(fabs(st[0] - 3.0 / 49) < 1e-10, "tie A → B: %.17g, by hand 3/49", st[0]);
    /* DeGroot: one closed class {A}; everybody ends at A's opinion. */
    cr_assert_eq(lev_degroot(net, NULL, pw, cls, per, &k), LEV_OK);
    cr_assert_eq(k, 1);
    cr_assert_eq(per[0], 1);
    cr_assert(pw[0] == 1 && pw[1] == 0 && pw[2] == 0);
    cr_assert(cls[0] == 0 && cls[1] == LEV_NONE && cls[2] == LEV_NONE);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14); /* error ≤ tol·ρ/(1 − ρ), ρ = 0.71 here */
    cr_assert_eq(lev_degroot_limit(net, u, p, x), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert(fabs(x[i] - 1) < 1e-12, "limit[%d] = %.17g", i, x[i]);
    lev_params_free(p);
    lev_network_free(net);
}

/* T for the network `net` with edge e's strength replaced (a fresh network: same actors and
 * edges in the same order). */
static double target_with(const lev_network *net, size_t e, double w, const double *u, const double *lam,
                          uint32_t target, lev_params *p) {
    lev_network *m;
    cr_assert_eq(lev_network_new(&m), LEV_OK);
    size_t n = lev_actor_count(net), E = lev_edge_count(net);
    for (size_t i = 0; i < n; i++) cr_assert_eq(lev_actor_add(m, lev_actor_name(net, (uint32_t)i), NULL, NULL), LEV_OK);
    for (size_t k = 0; k < E; k++) {
        uint32_t s, t;
        double ww;
        const char *ch;
        cr_assert_eq(lev_edge_get(net, k, &s, &t, &ww, &ch), LEV_OK);
        cr_assert_eq(lev_edge_add(m, s, t, k == e ? w : ww, NULL, NULL), LEV_OK);
    }
    double *x = calloc(n, sizeof *x), T = 0;
    cr_assert_eq(lev_friedkin_johnsen(m, u, lam, p, x), LEV_OK, "%s", lev_params_errmsg(p));
    if (target == LEV_NONE) {
        for (size_t i = 0; i < n; i++) T += x[i];
        T /= (double)n;
    } else {
        T = x[target];
    }
    free(x);
    lev_network_free(m);
    return T;
}

static void check_fd(const char *csv, int undirected, uint32_t target) {
    lev_network *net = load_csv(csv, NULL);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_int(p, LEV_P_UNDIRECTED, undirected);
    lev_params_set_double(p, LEV_P_TOLERANCE, 1e-15);
    size_t n = lev_actor_count(net), E = lev_edge_count(net);
    double *u = u_of(n), *lam = lam_of(n), *sa = calloc(n, sizeof *sa), *st = calloc(E, sizeof *st);
    cr_assert_eq(lev_opinion_pressure(net, u, lam, target, p, sa, st), LEV_OK, "%s", lev_params_errmsg(p));
    /* Initial opinions: T is linear in u, so a difference quotient is exact up to rounding. */
    double *x = calloc(n, sizeof *x);
    for (size_t j = 0; j < n; j += 3) {
        double h = 0.25, T[2];
        for (int sg = 0; sg < 2; sg++) {
            double keep = u[j];
            u[j] = keep + (sg ? -h : h);
            cr_assert_eq(lev_friedkin_johnsen(net, u, lam, p, x), LEV_OK);
            T[sg] = 0;
            if (target == LEV_NONE) {
                for (size_t i = 0; i < n; i++) T[sg] += x[i];
                T[sg] /= (double)n;
            } else {
                T[sg] = x[target];
            }
            u[j] = keep;
        }
        double fd = (T[0] - T[1]) / (2 * h);
        cr_assert(fabs(fd - sa[j]) < 1e-11, "%s: actor %zu: %.17g, finite difference %.17g", csv, j, sa[j], fd);
    }
    /* Tie strengths: central differences with h = 2^-10 (exact in single precision on whole
     * strengths); the error is O(h²). */
    size_t step = E > 20 ? E / 10 : 1;
    for (size_t e = 0; e < E; e += step) {
        uint32_t s, t;
        double w;
        const char *ch;
        cr_assert_eq(lev_edge_get(net, e, &s, &t, &w, &ch), LEV_OK);
        double h = 1.0 / 1024;
        double fd = (target_with(net, e, w + h, u, lam, target, p) - target_with(net, e, w - h, u, lam, target, p)) /
                    (2 * h);
        cr_assert(fabs(fd - st[e]) < 1e-7 + 1e-4 * fabs(fd), "%s: tie %zu (%u → %u): %.10g, finite difference %.10g",
                  csv, e, s, t, st[e], fd);
    }
    free(u), free(lam), free(sa), free(st), free(x);
    lev_params_free(p);
    lev_network_free(net);
}

Test(opinion, sensitivities_match_finite_differences) {
    check_fd(SRC("tests/data/directed_dangling.csv"), 0, LEV_NONE);
    check_fd(SRC("tests/data/directed_dangling.csv"), 0, 3);
    check_fd(SRC("tests/data/kite_edges.csv"), 1, LEV_NONE);
    check_fd(SRC("tests/data/karate_weighted_edges.csv"), 1, 5);
}

Test(opinion, periodic_and_several_classes) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (int i = 0; i < 5; i++) {
        char nm[2] = {(char)('a' + i), 0};
        cr_assert_eq(lev_actor_add(net, nm, NULL, NULL), LEV_OK);
    }
    /* a ⇄ b (period 2); c → d → e → c (period 3) */
    lev_edge_add(net, 0, 1, 1, NULL, NULL);
    lev_edge_add(net, 1, 0, 3, NULL, NULL);
    lev_edge_add(net, 2, 3, 1, NULL, NULL);
    lev_edge_add(net, 3, 4, 1, NULL, NULL);
    lev_edge_add(net, 4, 2, 1, NULL, NULL);
    double pw[5], x[5] = {7, 7, 7, 7, 7}, u[5] = {0, 1, 2, 3, 4};
    uint32_t cls[5], per[5];
    size_t k;
    cr_assert_eq(lev_degroot(net, NULL, pw, cls, per, &k), LEV_OK, "%s", lev_errmsg(net));
    cr_assert_eq(k, 2);
    cr_assert(per[0] == 2 && per[1] == 3, "periods %u %u", per[0], per[1]);
    cr_assert(cls[0] == 0 && cls[1] == 0 && cls[2] == 1 && cls[3] == 1 && cls[4] == 1);
    for (int i = 0; i < 2; i++) cr_assert(fabs(pw[i] - 0.5) < 1e-10, "pw[%d] = %.17g", i, pw[i]);
    for (int i = 2; i < 5; i++) cr_assert(fabs(pw[i] - 1.0 / 3) < 1e-10, "pw[%d] = %.17g", i, pw[i]);
    cr_assert_eq(lev_degroot_limit(net, u, NULL, x), LEV_ENOCONV);
    cr_assert_str_eq(lev_errmsg(net), "degroot limit: the closed class of actor 0 (\"a\", 2 actors) has period 2: "
                                      "opinions there cycle and have no limit");
    cr_assert(x[0] == 7, "doc: outputs untouched on error");
    /* A self-loop on a makes its class aperiodic; f listens to both classes. */
    lev_edge_add(net, 0, 0, 1, NULL, NULL);
    lev_edge_add(net, 3, 2, 1, NULL, NULL); /* c also listens to d: the cycle c → d → c of length 2, gcd(3, 2) = 1 */
    cr_assert_eq(lev_actor_add(net, "f", NULL, NULL), LEV_OK);
    lev_edge_add(net, 1, 5, 1, NULL, NULL);
    lev_edge_add(net, 4, 5, 3, NULL, NULL);
    double pw6[6], x6[6], u6[6] = {0, 1, 2, 3, 4, 100};
    uint32_t cls6[6], per6[6];
    cr_assert_eq(lev_degroot(net, NULL, pw6, cls6, per6, &k), LEV_OK);
    cr_assert(k == 2 && per6[0] == 1 && per6[1] == 1, "periods %u %u", per6[0], per6[1]);
    cr_assert_eq(cls6[5], LEV_NONE);
    cr_assert_eq(pw6[5], 0);
    cr_assert_eq(lev_degroot_limit(net, u6, NULL, x6), LEV_OK, "%s", lev_errmsg(net));
    /* {a, b}: W_aa = 1/4, W_ab = 3/4, W_ba = 1, so π = πW gives π = (4/7, 3/7). */
    cr_assert(fabs(pw6[0] - 4.0 / 7) < 1e-10 && fabs(pw6[1] - 3.0 / 7) < 1e-10, "%.17g %.17g", pw6[0], pw6[1]);
    double ca = x6[0], cc = x6[2];
    cr_assert(fabs(x6[1] - ca) < 1e-9 && fabs(x6[3] - cc) < 1e-9 && fabs(x6[4] - cc) < 1e-9);
    cr_assert(fabs(x6[5] - (0.25 * ca + 0.75 * cc)) < 1e-9, "f ends between the classes: %.17g", x6[5]);
    double wantca = pw6[0] * 0 + pw6[1] * 1;
    cr_assert(fabs(ca - wantca) < 1e-12);
    lev_network_free(net);
}

Test(opinion, edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double d[1] = {5}, u[1] = {2}, l[1] = {0.5};
    uint32_t c[1] = {9}, per[1] = {9};
    size_t k = 9;
    /* empty network: LEV_OK, nothing written but the count */
    cr_assert_eq(lev_degroot(net, NULL, d, c, per, &k), LEV_OK);
    cr_assert(k == 0 && d[0] == 5 && c[0] == 9);
    cr_assert_eq(lev_friedkin_johnsen(net, u, l, NULL, d), LEV_OK);
    cr_assert_eq(lev_friedkin_johnsen_influence(net, l, NULL, d), LEV_OK);
    cr_assert_eq(lev_opinion_pressure(net, u, l, LEV_NONE, NULL, d, NULL), LEV_OK);
    cr_assert_eq(lev_degroot_limit(net, u, NULL, d), LEV_OK);
    cr_assert_eq(d[0], 5);
    /* one actor, no tie: its own closed class, keeps its opinion */
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_degroot(net, NULL, d, c, per, &k), LEV_OK);
    cr_assert(k == 1 && d[0] == 1 && c[0] == 0 && per[0] == 1);
    cr_assert_eq(lev_friedkin_johnsen(net, u, l, NULL, d), LEV_OK);
    cr_assert_eq(d[0], 2);
    cr_assert_eq(lev_friedkin_johnsen_influence(net, l, NULL, d), LEV_OK);
    cr_assert(fabs(d[0] - 1) < 1e-10, "%.17g: error ≤ tol·ρ/(1 − ρ) = 1e-10", d[0]);
    l[0] = 1;
    cr_assert_eq(lev_friedkin_johnsen(net, u, l, NULL, d), LEV_EINVAL);
    cr_assert_str_eq(lev_errmsg(net), "friedkin-johnsen: actor 0 (\"solo\") listens to nobody else and has "
                                      "susceptibility 1: its opinion is not determined (give it susceptibility < 1)");
    /* a self-loop alone keeps it a closed class of period 1 */
    cr_assert_eq(lev_edge_add(net, 0, 0, 2, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_degroot(net, NULL, d, c, per, &k), LEV_OK);
    cr_assert(k == 1 && d[0] == 1 && per[0] == 1);
    lev_network_free(net);
}

/* A self-loop is the actor's weight on its own opinion; parallel edges add up. */
Test(opinion, self_loops_and_parallel_edges) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_actor_add(net, "A", NULL, NULL);
    lev_actor_add(net, "B", NULL, NULL);
    lev_edge_add(net, 0, 1, 1, "money", NULL); /* B listens to A: 1 + 2 */
    lev_edge_add(net, 0, 1, 2, "kin", NULL);
    lev_edge_add(net, 1, 1, 1, NULL, NULL); /* and to itself: 1 → W_BA = 3/4, W_BB = 1/4 */
    double u[2] = {1, 0}, lam[2] = {0, 1}, x[2];
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, NULL, x), LEV_OK);
    /* x_B = 3/4·1 + 1/4·x_B → x_B = 1 */
    cr_assert(fabs(x[1] - 1) < 1e-9, "x_B = %.17g", x[1]);
    lam[1] = 0.5;
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, NULL, x), LEV_OK);
    /* x_B = ½(¾ + ¼ x_B) → x_B = (3/8)/(7/8) = 3/7 */
    cr_assert(fabs(x[1] - 3.0 / 7) < 1e-10, "x_B = %.17g", x[1]);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_int(p, LEV_P_WEIGHTED, 0); /* 2 parallel edges and the loop: W_BA = 2/3 */
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, p, x), LEV_OK);
    /* x_B = ½(⅔ + ⅓ x_B) → x_B = (1/3)/(5/6) = 2/5 */
    cr_assert(fabs(x[1] - 0.4) < 1e-10, "x_B = %.17g", x[1]);
    lev_params_free(p);
    lev_network_free(net);
}

Test(opinion, bit_identical_for_any_thread_count) {
    lev_network *net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    size_t n = lev_actor_count(net), E = lev_edge_count(net);
    double *u = u_of(n), *l = lam_of(n);
    double *r[2][5];
    for (int t = 0; t < 2; t++) {
        lev_params *p;
        cr_assert_eq(lev_params_new(&p), LEV_OK);
        lev_params_set_int(p, LEV_P_THREADS, t ? 2 : 1);
        lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
        lev_params_set_int(p, LEV_P_MAX_ITER, 1000000);
        for (int k = 0; k < 5; k++) r[t][k] = calloc(E > n ? E : n, sizeof(double));
        cr_assert_eq(lev_friedkin_johnsen(net, u, l, p, r[t][0]), LEV_OK);
        cr_assert_eq(lev_friedkin_johnsen_influence(net, l, p, r[t][1]), LEV_OK);
        cr_assert_eq(lev_degroot(net, p, r[t][2], NULL, NULL, NULL), LEV_OK);
        cr_assert_eq(lev_opinion_pressure(net, u, l, 4, p, r[t][3], r[t][4]), LEV_OK);
        lev_params_free(p);
    }
    for (int k = 0; k < 5; k++) {
        cr_assert(memcmp(r[0][k], r[1][k], (k == 4 ? E : n) * sizeof(double)) == 0, "output %d differs", k);
        free(r[0][k]), free(r[1][k]);
    }
    free(u), free(l);
    lev_network_free(net);
}

static int cancel_at_once(void *ud, double done) {
    (void)done;
    ++*(int *)ud;
    return 1;
}

Test(opinion, no_convergence_and_cancel_leave_outputs) {
    lev_network *net = three();
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_int(p, LEV_P_MAX_ITER, 1);
    double u[3] = {1, 0, 0}, lam[3] = {0, 0.5, 0.5}, x[3] = {7, 7, 7};
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, p, x), LEV_ENOCONV);
    cr_assert(strstr(lev_params_errmsg(p), "friedkin-johnsen: did not converge in 1 sweeps"), "%s",
              lev_params_errmsg(p));
    cr_assert(x[0] == 7 && x[1] == 7 && x[2] == 7);
    lev_params_reset(p);
    int calls = 0;
    lev_params_set_progress(p, cancel_at_once, &calls);
    cr_assert_eq(lev_friedkin_johnsen_influence(net, lam, p, x), LEV_ECANCELLED);
    cr_assert_eq(calls, 1);
    cr_assert(x[0] == 7);
    lev_params_free(p);
    lev_network_free(net);
}

/* A closed class of several actors, all with susceptibility 1: not determined, named. */
Test(opinion, unanchored_class_is_named) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_edge_add_by_name(net, "x", "a", 1, NULL, NULL); /* x listened to by a, a ⇄ b */
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    lev_edge_add_by_name(net, "b", "a", 1, NULL, NULL);
    lev_edge_add_by_name(net, "y", "y", 1, NULL, NULL); /* y listens only to itself */
    lev_edge_add_by_name(net, "b", "z", 1, NULL, NULL);
    lev_edge_add_by_name(net, "z", "b", 1, NULL, NULL);
    double u[5] = {0, 1, 2, 3, 4}, lam[5] = {0.5, 1, 1, 1, 1}, x[5];
    /* closed classes: {x} (anchored), {y} (λ = 1, a self-loop only); {a, b, z} listens to x */
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, NULL, x), LEV_EINVAL);
    cr_assert_str_eq(lev_errmsg(net), "friedkin-johnsen: actor 3 (\"y\") listens to nobody else and has "
                                      "susceptibility 1: its opinion is not determined (give it susceptibility < 1)");
    lam[3] = 0.25;
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, NULL, x), LEV_OK, "%s", lev_errmsg(net));
    /* a, b, z have λ = 1 and hear x only through a: they all end at x's opinion, 0 */
    for (int i = 1; i < 5; i++)
        if (i != 3) cr_assert(fabs(x[i]) < 1e-9, "x[%d] = %.17g", i, x[i]);
    lev_network_free(net);
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    lev_edge_add_by_name(net, "b", "a", 1, NULL, NULL);
    double l2[2] = {1, 1}, u2[2] = {0, 1}, x2[2];
    cr_assert_eq(lev_friedkin_johnsen_influence(net, l2, NULL, x2), LEV_EINVAL);
    cr_assert_str_eq(lev_errmsg(net), "friedkin-johnsen influence: the 2 actors of the closed class of actor 0 "
                                      "(\"a\") listen only to each other and all have susceptibility 1: their "
                                      "opinions are not determined (give one of them susceptibility < 1)");
    cr_assert_eq(lev_opinion_pressure(net, u2, l2, 0, NULL, x2, NULL), LEV_EINVAL);
    lev_network_free(net);
}
