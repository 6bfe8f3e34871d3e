/*
 * Brokerage: Burt's constraint, effective size, efficiency and hierarchy against NetworkX and
 * igraph; Gould–Fernandez brokerage against R sna::brokerage (tests/ref/ref_brokerage.h, made
 * by tests/ref/make_refs_brokerage.py; each array's comment holds the exact peer call). Closed
 * forms on stars, paths, cycles and complete graphs; a naive O(n³) implementation of each
 * definition on random graphs with hubs (which take the galloping branch); edge cases, errors,
 * cancellation, allocation failure at every site, and thread determinism.
 */
#include "helpers.h"

#include "ref/ref_brokerage.h"

/* Peer values agree with each other to ~1e-16 (ref_brokerage.h's first comment); libleverage
 * sums in another order, so compare at 1e-12 (the brief's bar is 1e-9). */
#define TOL 1e-12

typedef lev_status (*burt_fn)(const lev_network *, lev_params *, double *);

static const struct {
    const char *name;
    burt_fn f;
} BURT[4] = {{"constraint", lev_constraint},
             {"effective_size", lev_effective_size},
             {"efficiency", lev_efficiency},
             {"burt_hierarchy", lev_burt_hierarchy}};

enum { CON, ESZ, EFF, HIE };

static lev_params *params(int weighted, int undirected, int threads) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, threads), LEV_OK);
    return p;
}

static double *run_burt(const lev_network *net, int which, lev_params *p) {
    size_t n = lev_actor_count(net);
    double *out = calloc(n ? n : 1, sizeof *out);
    lev_status rc = BURT[which].f(net, p, out);
    cr_assert_eq(rc, LEV_OK, "%s: %s", BURT[which].name, p ? lev_params_errmsg(p) : lev_errmsg(net));
    for (size_t i = 0; i < n; i++) cr_assert(isfinite(out[i]), "%s: actor %zu is not finite", BURT[which].name, i);
    return out;
}

/* Compare with a reference table; returns the largest difference. */
static double max_diff(const lev_network *net, const double *out, const ref_value *ref, size_t len, double tol,
                       const char *what) {
    check_ref(net, out, ref, len, tol, what);
    double worst = 0;
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        lev_actor_find(net, ref[k].name, &i);
        double d = fabs(out[i] - ref[k].value);
        if (d > worst) worst = d;
    }
    return worst;
}

static void check_burt(const lev_network *net, int which, int weighted, const ref_value *ref, size_t len,
                       const char *what) {
    lev_params *p = params(weighted, 0, 0);
    double *out = run_burt(net, which, p);
    double d = max_diff(net, out, ref, len, TOL, what);
    cr_log_info("%s: max |diff| %.3g", what, d);
    free(out);
    lev_params_free(p);
}

#define CHECK_BURT(net, which, weighted, arr) check_burt(net, which, weighted, arr, sizeof arr / sizeof arr[0], #arr)

/* All four measures, weighted and not, against every array of one data set. */
#define CHECK_SET(net, set)                                                         \
    do {                                                                            \
        CHECK_BURT(net, CON, 1, ref_##set##_constraint_nx);                         \
        CHECK_BURT(net, CON, 1, ref_##set##_constraint_igraph);                     \
        CHECK_BURT(net, ESZ, 1, ref_##set##_esize_nx);                              \
        CHECK_BURT(net, EFF, 1, ref_##set##_efficiency_nx);                         \
        CHECK_BURT(net, HIE, 1, ref_##set##_hierarchy_nx);                          \
        CHECK_BURT(net, CON, 0, ref_##set##_constraint_unweighted_nx);              \
        CHECK_BURT(net, CON, 0, ref_##set##_constraint_unweighted_igraph);          \
        CHECK_BURT(net, ESZ, 0, ref_##set##_esize_unweighted_nx);                   \
        CHECK_BURT(net, EFF, 0, ref_##set##_efficiency_unweighted_nx);              \
        CHECK_BURT(net, HIE, 0, ref_##set##_hierarchy_unweighted_nx);               \
    } while (0)

/* ---- Burt's measures against NetworkX and igraph ------------------------------------------------ */

Test(brokerage, florentine16_burt_matches_networkx_and_igraph) {
    /* ref: nx.local_constraint sums, nx.effective_size, g.constraint(weights=...); Pucci is isolated */
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_actor_count(net), REF_BRK_FLORENTINE16_N);
    CHECK_SET(net, florentine16);
    lev_network_free(net);
}

Test(brokerage, florentine15_burt_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), NULL);
    cr_assert_eq(lev_actor_count(net), REF_BRK_FLORENTINE15_N);
    CHECK_SET(net, florentine15);
    lev_network_free(net);
}

Test(brokerage, karate_burt_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    CHECK_SET(net, karate);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    CHECK_SET(net, karate_weighted);
    lev_network_free(net);
}

Test(brokerage, kite_burt_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC("tests/data/kite_edges.csv"), NULL);
    CHECK_SET(net, kite);
    lev_network_free(net);
}

Test(brokerage, lesmis_burt_matches_networkx_and_igraph) {
    lev_network *net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    CHECK_SET(net, lesmis);
    lev_network_free(net);
}

Test(brokerage, coleman_burt_matches_networkx_and_igraph) {
    /* directed; s10 has one in-contact only (NetworkX's nx.constraint says NaN), s25, s72, s73
     * are isolated */
    lev_network *net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_groups.csv"));
    cr_assert_eq(lev_actor_count(net), REF_BRK_COLEMAN_N);
    CHECK_SET(net, coleman);
    lev_network_free(net);
}

Test(brokerage, dangling_burt_matches_networkx_and_igraph) {
    /* directed; parallel edges Alice→Bob (1 + 2), self-loop Dave→Dave, in-only Zoë and Frank */
    lev_network *net = load_csv(SRC("tests/data/directed_dangling.csv"), SRC("tests/data/directed_dangling_groups.csv"));
    cr_assert_eq(lev_actor_count(net), REF_BRK_DANGLING_N);
    CHECK_SET(net, dangling);
    lev_network_free(net);
}

Test(brokerage, direction_does_not_matter_for_burt) {
    /* doc: lev_constraint, LEV_P_UNDIRECTED is ignored (the mutual strength already counts both ways) */
    lev_network *net = load_csv(SRC("tests/data/directed_dangling.csv"), NULL);
    for (int w = 0; w < 4; w++) {
        lev_params *p0 = params(1, 0, 1), *p1 = params(1, 1, 1);
        double *a = run_burt(net, w, p0), *b = run_burt(net, w, p1);
        cr_assert_eq(memcmp(a, b, lev_actor_count(net) * sizeof *a), 0, "%s", BURT[w].name);
        free(a);
        free(b);
        lev_params_free(p0);
        lev_params_free(p1);
    }
    lev_network_free(net);
}

/* ---- Gould–Fernandez brokerage against R sna ---------------------------------------------------- */

static void check_brokerage(const lev_network *net, int undirected, const ref_brokerage_row *const tabs[4], size_t len,
                            const char *what) {
    size_t n = lev_actor_count(net);
    cr_assert_eq(n, len);
    double *t[4];
    for (int k = 0; k < 4; k++) t[k] = calloc(n * LEV_BROKER_ROLES, sizeof(double));
    lev_params *p = params(1, undirected, 0);
    cr_assert_eq(lev_brokerage(net, p, t[0], t[1], t[2], t[3]), LEV_OK, "%s", lev_params_errmsg(p));
    static const char *tn[4] = {"raw", "exp", "sd", "z"};
    double worst[4] = {0};
    for (size_t r = 0; r < len; r++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, tabs[0][r].name, &i), LEV_OK);
        for (int k = 0; k < 4; k++) {
            cr_assert_str_eq(tabs[k][r].name, tabs[0][r].name);
            for (int c = 0; c < LEV_BROKER_ROLES; c++) {
                double got = t[k][i * LEV_BROKER_ROLES + c], want = tabs[k][r].v[c];
                double tol = k == 0 ? 0 : 1e-12 * (1 + fabs(want));
                cr_assert(fabs(got - want) <= tol, "%s %s: actor %s column %d: got %.17g, sna %.17g", what, tn[k],
                          tabs[0][r].name, c, got, want);
                if (fabs(got - want) > worst[k]) worst[k] = fabs(got - want);
            }
        }
    }
    cr_log_info("%s: max |diff| raw %.3g exp %.3g sd %.3g z %.3g", what, worst[0], worst[1], worst[2], worst[3]);
    /* outputs may be NULL one by one: z alone gives the same z */
    double *z = calloc(n * LEV_BROKER_ROLES, sizeof *z);
    cr_assert_eq(lev_brokerage(net, p, NULL, NULL, NULL, z), LEV_OK);
    cr_assert_eq(memcmp(z, t[3], n * LEV_BROKER_ROLES * sizeof *z), 0);
    free(z);
    for (int k = 0; k < 4; k++) free(t[k]);
    lev_params_free(p);
}

#define CHECK_GF(net, undirected, set)                                                                   \
    do {                                                                                                 \
        const ref_brokerage_row *const tabs_[4] = {ref_##set##_brokerage_raw_sna, ref_##set##_brokerage_exp_sna, \
                                                   ref_##set##_brokerage_sd_sna, ref_##set##_brokerage_z_sna};   \
        check_brokerage(net, undirected, tabs_,                                                          \
                        sizeof ref_##set##_brokerage_raw_sna / sizeof ref_##set##_brokerage_raw_sna[0], #set); \
    } while (0)

Test(brokerage, florentine16_gould_fernandez_matches_sna) {
    /* ref: sna::brokerage(g, cl) on the symmetrized matrix, cl = medicean/oligarch (Pucci isolated) */
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    CHECK_GF(net, 1, florentine16);
    lev_network_free(net);
}

Test(brokerage, kite_gould_fernandez_matches_sna_without_groups) {
    /* doc: lev_brokerage, actors without a group form one group of their own (here: everybody) */
    lev_network *net = load_csv(SRC("tests/data/kite_edges.csv"), NULL);
    CHECK_GF(net, 1, kite);
    lev_network_free(net);
}

Test(brokerage, coleman_gould_fernandez_matches_sna) {
    /* ref: directed, groups red/green/blue and none from tests/data/coleman_groups.csv */
    lev_network *net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_groups.csv"));
    CHECK_GF(net, 0, coleman);
    lev_network_free(net);
}

Test(brokerage, dangling_gould_fernandez_matches_sna) {
    /* ref: parallel edges count once, the self-loop not at all (sna's matrix has no diagonal) */
    lev_network *net = load_csv(SRC("tests/data/directed_dangling.csv"), SRC("tests/data/directed_dangling_groups.csv"));
    CHECK_GF(net, 0, dangling);
    lev_network_free(net);
}

/* ---- closed forms ------------------------------------------------------------------------------- */

static lev_network *build(size_t n, uint32_t (*e)[2], const double *w, size_t m) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "v");
    for (size_t k = 0; k < m; k++)
        cr_assert_eq(lev_edge_add(net, e[k][0], e[k][1], w ? w[k] : 1.0, NULL, NULL), LEV_OK);
    return net;
}

static void expect_all(const lev_network *net, uint32_t i, double c, double es, double ef, double h,
                       const char *what) {
    double want[4] = {c, es, ef, h};
    for (int k = 0; k < 4; k++) {
        double *out = run_burt(net, k, NULL);
        cr_assert(fabs(out[i] - want[k]) <= 1e-14, "%s: %s of actor %u: got %.17g, want %.17g", what, BURT[k].name,
                  i, out[i], want[k]);
        free(out);
    }
}

Test(brokerage, star_path_cycle_complete_closed_forms) {
    /* star, centre 0 and k leaves: centre 1/k, k, 1, 0; a leaf 1, 1, 1, 0 */
    uint32_t e[64][2];
    for (uint32_t k = 1; k <= 6; k++) e[k - 1][0] = 0, e[k - 1][1] = k;
    lev_network *net = build(7, e, NULL, 6);
    expect_all(net, 0, 1.0 / 6, 6, 1, 0, "star centre");
    expect_all(net, 3, 1, 1, 1, 0, "star leaf");
    lev_network_free(net);
    /* path 0-1-2: ends 1, 1, 1, 0; middle 1/2, 2, 1, 0 */
    uint32_t pe[2][2] = {{0, 1}, {1, 2}};
    net = build(3, pe, NULL, 2);
    expect_all(net, 0, 1, 1, 1, 0, "path end");
    expect_all(net, 1, 0.5, 2, 1, 0, "path middle");
    lev_network_free(net);
    /* cycle of 6: two unlinked contacts: 1/2, 2, 1, 0 */
    for (uint32_t k = 0; k < 6; k++) e[k][0] = k, e[k][1] = (k + 1) % 6;
    net = build(6, e, NULL, 6);
    for (uint32_t k = 0; k < 6; k++) expect_all(net, k, 0.5, 2, 1, 0, "cycle");
    lev_network_free(net);
    /* complete graph K_n: c = (2n−3)²/(n−1)³, effective size 1, efficiency 1/(n−1), hierarchy 0 */
    for (uint32_t nn = 3; nn <= 7; nn++) {
        size_t m = 0;
        for (uint32_t a = 0; a < nn; a++)
            for (uint32_t b = a + 1; b < nn; b++) e[m][0] = a, e[m][1] = b, m++;
        net = build(nn, e, NULL, m);
        double d = nn - 1.0;
        for (uint32_t k = 0; k < nn; k++)
            expect_all(net, k, (2 * nn - 3.0) * (2 * nn - 3.0) / (d * d * d), 1, 1 / d, 0, "complete");
        lev_network_free(net);
    }
}

Test(brokerage, hierarchy_hand_computed) {
    /* triangle A-B-C plus pendant D on A. A: p = 1/3 each; c_AB = c_AC = (1/3 + 1/3·1/2)² = 1/4,
     * c_AD = 1/9; C = 11/18; r = (27/22, 27/22, 12/22). B: p_BA = p_BC = 1/2; c_BA = (1/2 + 1/2·1/2)²
     * = 9/16, c_BC = (1/2 + 1/2·1/3)² = 4/9. */
    uint32_t e[4][2] = {{0, 1}, {0, 2}, {1, 2}, {0, 3}};
    lev_network *net = build(4, e, NULL, 4);
    double rb = 27.0 / 22, rd = 12.0 / 22;
    double hA = (2 * rb * log(rb) + rd * log(rd)) / (3 * log(3.0));
    double cB1 = 9.0 / 16, cB2 = 4.0 / 9, mB = (cB1 + cB2) / 2;
    double hB = (cB1 / mB * log(cB1 / mB) + cB2 / mB * log(cB2 / mB)) / (2 * log(2.0));
    /* effective size of A: 3 − 2·1/3 (B and C each redundant by 1/3) = 7/3; of B: 2 − 2·1/2 = 1 */
    expect_all(net, 0, 11.0 / 18, 7.0 / 3, 7.0 / 9, hA, "triangle+pendant A");
    expect_all(net, 1, cB1 + cB2, 1, 0.5, hB, "triangle+pendant B");
    expect_all(net, 3, 1, 1, 1, 0, "triangle+pendant D");
    cr_assert(hA > 0 && hB > 0);
    lev_network_free(net);
    /* weighted star 1, 2, 3: p = w/6, no indirect ties: C = 14/36, effective size 3, r = (3, 12, 27)/14 */
    uint32_t s[3][2] = {{0, 1}, {0, 2}, {0, 3}};
    double w[3] = {1, 2, 3};
    net = build(4, s, w, 3);
    double h = (3.0 / 14 * log(3.0 / 14) + 12.0 / 14 * log(12.0 / 14) + 27.0 / 14 * log(27.0 / 14)) / (3 * log(3.0));
    expect_all(net, 0, 14.0 / 36, 3, 1, h, "weighted star");
    lev_network_free(net);
}

Test(brokerage, mutual_strength_parallel_edges_and_self_loops) {
    /* doc: lev_constraint, a_ij = Σ w(i→j) + Σ w(j→i); parallel edges add up; self-loops ignored.
     * A→B 1, B→A 3, A→C 2: A's contacts B (4) and C (2): p = 2/3, 1/3, C = 5/9. */
    uint32_t e[3][2] = {{0, 1}, {1, 0}, {0, 2}};
    double w[3] = {1, 3, 2};
    lev_network *net = build(3, e, w, 3);
    expect_all(net, 0, 5.0 / 9, 2, 1, (8.0 / 5 * log(8.0 / 5) + 2.0 / 5 * log(2.0 / 5)) / (2 * log(2.0)),
               "mutual");
    /* the same with A→C split into two parallel edges of 1 and a self-loop on A: same values */
    uint32_t e2[5][2] = {{0, 1}, {1, 0}, {0, 2}, {0, 2}, {0, 0}};
    double w2[5] = {1, 3, 1, 1, 7};
    lev_network *net2 = build(3, e2, w2, 5);
    for (int k = 0; k < 4; k++) {
        double *a = run_burt(net, k, NULL), *b = run_burt(net2, k, NULL);
        for (int i = 0; i < 3; i++) cr_assert(fabs(a[i] - b[i]) <= 1e-15, "%s actor %d", BURT[k].name, i);
        free(a);
        free(b);
    }
    /* unweighted: every edge record counts 1, so A's ties are B (2) and C (2 parallel): p = 1/2, 1/2 */
    lev_params *p = params(0, 0, 1);
    double *c = run_burt(net2, CON, p);
    cr_assert(fabs(c[0] - 0.5) <= 1e-15, "unweighted parallel: %.17g", c[0]);
    free(c);
    lev_params_free(p);
    lev_network_free(net);
    lev_network_free(net2);
}

Test(brokerage, empty_one_actor_isolated_and_loop_only) {
    /* doc: lev_constraint, an actor without contacts (isolated, or with self-loops only) scores 0
     * in all four measures; an empty network is LEV_OK with nothing written */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double sentinel = 42;
    for (int k = 0; k < 4; k++) cr_assert_eq(BURT[k].f(net, NULL, &sentinel), LEV_OK);
    double raw = 42;
    cr_assert_eq(lev_brokerage(net, NULL, &raw, NULL, NULL, NULL), LEV_OK);
    cr_assert_eq(sentinel, 42);
    cr_assert_eq(raw, 42);
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    expect_all(net, 0, 0, 0, 0, 0, "one actor");
    double t[4][LEV_BROKER_ROLES];
    cr_assert_eq(lev_brokerage(net, NULL, t[0], t[1], t[2], t[3]), LEV_OK);
    for (int k = 0; k < 4; k++)
        for (int c = 0; c < LEV_BROKER_ROLES; c++) cr_assert_eq(t[k][c], 0, "one actor brokerage %d/%d", k, c);
    cr_assert_eq(lev_edge_add(net, 0, 0, 2, NULL, NULL), LEV_OK);
    expect_all(net, 0, 0, 0, 0, 0, "self-loop only");
    cr_assert_eq(lev_actor_add(net, "x", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "y", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 1, NULL, NULL), LEV_OK);
    expect_all(net, 0, 0, 0, 0, 0, "isolated next to a tie");
    expect_all(net, 1, 1, 1, 1, 0, "single tie");
    lev_network_free(net);
}

Test(brokerage, gould_fernandez_hand_computed) {
    /* a → b → c, one group, N = 3: d = 2/6, d²(1−d) = 2/27; b's w_I and t: raw 1, exp 4/27,
     * var = 4/27 · 25/27 (the cubic term has (n − 3) = 0), sd = 10/27, z = 2.3. With a → c
     * added the two-path is closed: raw 0. */
    uint32_t e[3][2] = {{0, 1}, {1, 2}, {0, 2}};
    lev_network *net = build(3, e, NULL, 2);
    double t[4][3 * LEV_BROKER_ROLES];
    cr_assert_eq(lev_brokerage(net, NULL, t[0], t[1], t[2], t[3]), LEV_OK);
    int b = LEV_BROKER_ROLES;
    cr_assert_eq(t[0][b + LEV_BROKER_COORDINATOR], 1);
    cr_assert_eq(t[0][b + LEV_BROKER_TOTAL], 1);
    cr_assert(fabs(t[1][b + LEV_BROKER_COORDINATOR] - 4.0 / 27) < 1e-15);
    cr_assert(fabs(t[2][b + LEV_BROKER_COORDINATOR] - 10.0 / 27) < 1e-15);
    cr_assert(fabs(t[3][b + LEV_BROKER_COORDINATOR] - 2.3) < 1e-14);
    /* one group: itinerant, representative, gatekeeper, liaison are impossible: exp = sd = z = 0 */
    for (int k = 1; k <= 4; k++) {
        cr_assert_eq(t[1][b + k], 0);
        cr_assert_eq(t[2][b + k], 0);
        cr_assert_eq(t[3][b + k], 0, "doc: z is 0 where sd is 0");
    }
    lev_network_free(net);
    net = build(3, e, NULL, 3);
    cr_assert_eq(lev_brokerage(net, NULL, t[0], NULL, NULL, NULL), LEV_OK);
    for (int k = 0; k < 3 * LEV_BROKER_ROLES; k++) cr_assert_eq(t[0][k], 0, "closed triad: no brokerage");
    lev_network_free(net);
    /* roles by group: a in g1, b in g2, c in g1 → itinerant; c in g2 → gatekeeper; a, b in g1 and
     * c in g2 → representative; three groups → liaison */
    static const struct {
        const char *ga, *gb, *gc;
        int role;
    } cases[] = {{"g1", "g2", "g1", LEV_BROKER_ITINERANT},
                 {"g1", "g2", "g2", LEV_BROKER_GATEKEEPER},
                 {"g1", "g1", "g2", LEV_BROKER_REPRESENTATIVE},
                 {"g1", "g2", "g3", LEV_BROKER_LIAISON},
                 {"g1", NULL, "g1", LEV_BROKER_ITINERANT}, /* no group: a group of its own */
                 {NULL, NULL, "g1", LEV_BROKER_REPRESENTATIVE}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        net = build(3, e, NULL, 2);
        cr_assert_eq(lev_actor_set_group(net, 0, cases[k].ga), LEV_OK);
        cr_assert_eq(lev_actor_set_group(net, 1, cases[k].gb), LEV_OK);
        cr_assert_eq(lev_actor_set_group(net, 2, cases[k].gc), LEV_OK);
        cr_assert_eq(lev_brokerage(net, NULL, t[0], NULL, NULL, NULL), LEV_OK);
        for (int r = 0; r < LEV_BROKER_ROLES; r++)
            cr_assert_eq(t[0][b + r], r == cases[k].role || r == LEV_BROKER_TOTAL ? 1 : 0, "case %zu role %d", k, r);
        lev_network_free(net);
    }
}

/* ---- naive implementations of the definitions, on random graphs with hubs -------------------------- */

typedef struct rgraph {
    size_t n, m;
    uint32_t (*e)[2];
    double *w;
    uint32_t *group; /* LEV_NONE = none */
} rgraph;

static uint64_t rng_next(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* n actors; hubs 0..nh-1 tied to about half of everybody (both directions at random), the rest
 * sparse; parallel edges, reciprocated edges and self-loops included; strengths in {0.5, …, 4}. */
static rgraph random_graph(size_t n, size_t nh, size_t extra, uint64_t seed) {
    rgraph g = {n, 0, NULL, NULL, NULL};
    size_t cap = nh * n + extra + 16;
    g.e = malloc(cap * sizeof *g.e);
    g.w = malloc(cap * sizeof *g.w);
    g.group = malloc(n * sizeof *g.group);
    uint64_t s = seed;
    for (size_t h = 0; h < nh; h++)
        for (size_t v = nh; v < n; v++)
            if (rng_next(&s) % 2) {
                int out = rng_next(&s) % 3 != 0;
                g.e[g.m][0] = (uint32_t)(out ? h : v);
                g.e[g.m][1] = (uint32_t)(out ? v : h);
                g.w[g.m++] = 0.5 * (double)(1 + rng_next(&s) % 8);
            }
    for (size_t k = 0; k < extra; k++) {
        uint32_t a = (uint32_t)(nh + rng_next(&s) % (n - nh)), b = (uint32_t)(nh + rng_next(&s) % (n - nh));
        if (rng_next(&s) % 40 == 0) b = a; /* a few self-loops */
        g.e[g.m][0] = a;
        g.e[g.m][1] = b;
        g.w[g.m++] = 0.5 * (double)(1 + rng_next(&s) % 8);
        if (rng_next(&s) % 10 == 0) { /* a parallel edge */
            g.e[g.m][0] = a;
            g.e[g.m][1] = b;
            g.w[g.m++] = 1;
        }
    }
    for (size_t v = 0; v < n; v++) {
        uint64_t r = rng_next(&s) % 5;
        g.group[v] = r == 4 ? LEV_NONE : (uint32_t)r;
    }
    return g;
}

static void rgraph_free(rgraph *g) {
    free(g->e);
    free(g->w);
    free(g->group);
}

static lev_network *rgraph_net(const rgraph *g, lev_alloc_fn f, void *ud) {
    lev_network *net;
    cr_assert_eq(f ? lev_network_new_with_alloc(&net, f, ud) : lev_network_new(&net), LEV_OK);
    static const char *gn[4] = {"a", "b", "c", "d"};
    for (size_t i = 0; i < g->n; i++) {
        char name[32];
        snprintf(name, sizeof name, "r%zu", i);
        cr_assert_eq(lev_actor_add(net, name, g->group[i] == LEV_NONE ? NULL : gn[g->group[i]], NULL), LEV_OK);
    }
    for (size_t k = 0; k < g->m; k++) cr_assert_eq(lev_edge_add(net, g->e[k][0], g->e[k][1], g->w[k], NULL, NULL), LEV_OK);
    return net;
}

/* Burt's four measures straight from the definitions, on a dense matrix of mutual strengths. */
static void naive_burt(const rgraph *g, int weighted, double *out[4]) {
    size_t n = g->n;
    double *A = calloc(n * n, sizeof *A), *S = calloc(n, sizeof *S), *mx = calloc(n, sizeof *mx);
    for (size_t k = 0; k < g->m; k++) {
        uint32_t a = g->e[k][0], b = g->e[k][1];
        if (a == b) continue;
        double w = weighted ? g->w[k] : 1;
        A[a * n + b] += w;
        A[b * n + a] += w;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            S[i] += A[i * n + j];
            if (A[i * n + j] > mx[i]) mx[i] = A[i * n + j];
        }
    double *cij = malloc(n * sizeof *cij);
    for (size_t i = 0; i < n; i++) {
        double C = 0, E = 0;
        size_t N = 0;
        for (size_t j = 0; j < n; j++) {
            if (A[i * n + j] == 0) continue;
            double ind = 0, red = 0;
            for (size_t q = 0; q < n; q++) {
                if (q == i || q == j || A[i * n + q] == 0) continue;
                ind += A[i * n + q] / S[i] * (A[q * n + j] / S[q]);
                red += A[i * n + q] / S[i] * (A[j * n + q] / mx[j]);
            }
            double c = A[i * n + j] / S[i] + ind;
            cij[N++] = c * c;
            C += c * c;
            E += 1 - red;
        }
        double H = 0;
        if (N > 1) {
            for (size_t k = 0; k < N; k++) H += cij[k] / (C / N) * log(cij[k] / (C / N));
            H /= N * log((double)N);
        }
        out[CON][i] = C;
        out[ESZ][i] = E;
        out[EFF][i] = N ? E / N : 0;
        out[HIE][i] = H;
    }
    free(cij);
    free(A);
    free(S);
    free(mx);
}

/* Gould–Fernandez raw counts straight from the definition. */
static void naive_gf(const rgraph *g, int undirected, double *raw) {
    size_t n = g->n;
    unsigned char *E = calloc(n * n, 1);
    for (size_t k = 0; k < g->m; k++) {
        uint32_t a = g->e[k][0], b = g->e[k][1];
        if (a == b) continue;
        E[a * n + b] = 1;
        if (undirected) E[b * n + a] = 1;
    }
    memset(raw, 0, n * LEV_BROKER_ROLES * sizeof *raw);
    for (size_t b = 0; b < n; b++)
        for (size_t a = 0; a < n; a++) {
            if (a == b || !E[a * n + b]) continue;
            for (size_t c = 0; c < n; c++) {
                if (c == a || c == b || !E[b * n + c] || E[a * n + c]) continue;
                uint32_t ga = g->group[a], gb = g->group[b], gc = g->group[c];
                int r = ga == gb ? (gb == gc ? LEV_BROKER_COORDINATOR : LEV_BROKER_REPRESENTATIVE)
                        : gb == gc ? LEV_BROKER_GATEKEEPER
                        : ga == gc ? LEV_BROKER_ITINERANT
                                   : LEV_BROKER_LIAISON;
                raw[b * LEV_BROKER_ROLES + r]++;
                raw[b * LEV_BROKER_ROLES + LEV_BROKER_TOTAL]++;
            }
        }
    free(E);
}

Test(brokerage, random_graphs_match_naive_definitions) {
    /* hubs make d_j > 16 d_i, so both the scanning and the galloping intersections run */
    for (uint64_t seed = 1; seed <= 4; seed++) {
        rgraph g = random_graph(160 + 20 * seed, seed, 400 * seed, seed);
        lev_network *net = rgraph_net(&g, NULL, NULL);
        size_t n = g.n;
        double *want[4];
        for (int k = 0; k < 4; k++) want[k] = malloc(n * sizeof(double));
        for (int weighted = 0; weighted <= 1; weighted++) {
            naive_burt(&g, weighted, want);
            lev_params *p = params(weighted, 0, 2);
            for (int k = 0; k < 4; k++) {
                double *got = run_burt(net, k, p), worst = 0;
                for (size_t i = 0; i < n; i++) {
                    double d = fabs(got[i] - want[k][i]);
                    cr_assert(d <= 1e-12 * (1 + fabs(want[k][i])), "seed %llu %s weighted %d actor %zu: %.17g vs %.17g",
                              (unsigned long long)seed, BURT[k].name, weighted, i, got[i], want[k][i]);
                    if (d > worst) worst = d;
                }
                cr_log_info("seed %llu %s weighted %d: max |diff| vs naive %.3g", (unsigned long long)seed,
                            BURT[k].name, weighted, worst);
                free(got);
            }
            lev_params_free(p);
        }
        double *raw = malloc(n * LEV_BROKER_ROLES * sizeof *raw), *got = malloc(n * LEV_BROKER_ROLES * sizeof *got);
        for (int und = 0; und <= 1; und++) {
            naive_gf(&g, und, raw);
            lev_params *p = params(1, und, 2);
            cr_assert_eq(lev_brokerage(net, p, got, NULL, NULL, NULL), LEV_OK);
            for (size_t k = 0; k < n * LEV_BROKER_ROLES; k++)
                cr_assert_eq(got[k], raw[k], "seed %llu undirected %d actor %zu role %zu: %g vs %g",
                             (unsigned long long)seed, und, k / LEV_BROKER_ROLES, k % LEV_BROKER_ROLES, got[k], raw[k]);
            lev_params_free(p);
        }
        free(raw);
        free(got);
        for (int k = 0; k < 4; k++) free(want[k]);
        lev_network_free(net);
        rgraph_free(&g);
    }
}

Test(brokerage, results_identical_for_any_thread_count) {
    /* doc: lev_constraint, bit-identical for any LEV_P_THREADS */
    rgraph g = random_graph(3000, 6, 20000, 99);
    lev_network *net = rgraph_net(&g, NULL, NULL);
    size_t n = g.n, nb = n * LEV_BROKER_ROLES;
    for (int k = 0; k < 4; k++) {
        double *r[3];
        for (int t = 1; t <= 3; t++) {
            lev_params *p = params(1, 0, t);
            r[t - 1] = run_burt(net, k, p);
            lev_params_free(p);
        }
        cr_assert_eq(memcmp(r[0], r[1], n * sizeof(double)), 0, "%s: 1 vs 2 threads", BURT[k].name);
        cr_assert_eq(memcmp(r[0], r[2], n * sizeof(double)), 0, "%s: 1 vs 3 threads", BURT[k].name);
        for (int t = 0; t < 3; t++) free(r[t]);
    }
    for (int und = 0; und <= 1; und++) {
        double *r[3][4];
        for (int t = 1; t <= 3; t++) {
            lev_params *p = params(1, und, t);
            for (int k = 0; k < 4; k++) r[t - 1][k] = malloc(nb * sizeof(double));
            cr_assert_eq(lev_brokerage(net, p, r[t - 1][0], r[t - 1][1], r[t - 1][2], r[t - 1][3]), LEV_OK);
            lev_params_free(p);
        }
        for (int k = 0; k < 4; k++) {
            cr_assert_eq(memcmp(r[0][k], r[1][k], nb * sizeof(double)), 0, "brokerage table %d: 1 vs 2", k);
            cr_assert_eq(memcmp(r[0][k], r[2][k], nb * sizeof(double)), 0, "brokerage table %d: 1 vs 3", k);
            for (int t = 0; t < 3; t++) free(r[t][k]);
        }
    }
    lev_network_free(net);
    rgraph_free(&g);
}

/* ---- errors, cancellation, outputs untouched ------------------------------------------------------ */

Test(brokerage, null_arguments_are_misuse) {
    lev_network *net = load_csv(SRC("tests/data/kite_edges.csv"), NULL);
    lev_params *p = params(1, 0, 1);
    double out[16];
    for (int k = 0; k < 4; k++) {
        cr_assert_eq(BURT[k].f(NULL, NULL, out), LEV_EMISUSE);
        cr_assert_eq(BURT[k].f(NULL, p, out), LEV_EMISUSE);
        cr_assert_eq(lev_params_errcode(p), LEV_EMISUSE);
        cr_assert_eq(BURT[k].f(net, NULL, NULL), LEV_EMISUSE);
        cr_assert_eq(BURT[k].f(net, p, NULL), LEV_EMISUSE);
        cr_assert(strstr(lev_params_errmsg(p), BURT[k].name), "%s", lev_params_errmsg(p));
    }
    cr_assert_eq(lev_brokerage(NULL, p, out, out, out, out), LEV_EMISUSE);
    cr_assert_eq(lev_brokerage(net, p, NULL, NULL, NULL, NULL), LEV_EMISUSE, "doc: every output NULL is misuse");
    cr_assert(strstr(lev_params_errmsg(p), "brokerage"));
    lev_params_free(p);
    lev_network_free(net);
}

static int calls_until_cancel;
static int cancel_cb(void *ud, double done) {
    int *calls = ud;
    cr_assert(done >= 0 && done <= 1);
    return ++*calls >= calls_until_cancel;
}

Test(brokerage, cancelled_calls_leave_outputs_untouched) {
    /* doc: outputs written only on LEV_OK; progress reported at least once; cancel → LEV_ECANCELLED */
    rgraph g = random_graph(2000, 40, 5000, 7); /* enough work for several progress reports */
    lev_network *net = rgraph_net(&g, NULL, NULL);
    size_t n = g.n, nb = n * LEV_BROKER_ROLES;
    double *out = malloc(nb * sizeof *out);
    lev_params *p = params(1, 0, 2);
    for (int k = 0; k <= 4; k++) {
        int calls = 0;
        calls_until_cancel = 1 << 30;
        cr_assert_eq(lev_params_set_progress(p, cancel_cb, &calls), LEV_OK);
        lev_status rc = k < 4 ? BURT[k].f(net, p, out) : lev_brokerage(net, p, out, NULL, NULL, NULL);
        cr_assert_eq(rc, LEV_OK);
        cr_assert(calls >= 1, "no progress report");
        int total = calls;
        for (int stop = 1; stop <= total; stop += total > 3 ? total / 3 : 1) {
            for (size_t i = 0; i < nb; i++) out[i] = -7;
            calls = 0;
            calls_until_cancel = stop;
            rc = k < 4 ? BURT[k].f(net, p, out) : lev_brokerage(net, p, out, out, out, out);
            cr_assert_eq(rc, LEV_ECANCELLED, "call %d stopped at report %d of %d", k, stop, total);
            cr_assert(strstr(lev_params_errmsg(p), "cancelled"));
            for (size_t i = 0; i < nb; i++) cr_assert_eq(out[i], -7, "output %zu written on cancel", i);
        }
    }
    free(out);
    lev_params_free(p);
    lev_network_free(net);
    rgraph_free(&g);
}

Test(brokerage, progress_is_reported_between_chunks) {
    /* doc: progress at least every ~100 ms of work; cancelling in the middle leaves out untouched */
    rgraph g = random_graph(20000, 60, 40000, 11);
    lev_network *net = rgraph_net(&g, NULL, NULL);
    double *out = malloc(g.n * LEV_BROKER_ROLES * sizeof *out);
    lev_params *p = params(1, 0, 2);
    int calls = 0;
    calls_until_cancel = 1 << 30;
    cr_assert_eq(lev_params_set_progress(p, cancel_cb, &calls), LEV_OK);
    cr_assert_eq(lev_constraint(net, p, out), LEV_OK);
    cr_log_info("constraint on %zu actors: %d progress reports", g.n, calls);
    cr_assert(calls >= 2, "%d progress reports", calls);
    calls = 0;
    calls_until_cancel = 1;
    for (size_t i = 0; i < g.n; i++) out[i] = -7;
    cr_assert_eq(lev_constraint(net, p, out), LEV_ECANCELLED);
    for (size_t i = 0; i < g.n; i++) cr_assert_eq(out[i], -7);
    free(out);
    lev_params_free(p);
    lev_network_free(net);
    rgraph_free(&g);
}

/* ---- allocation failure at every site ------------------------------------------------------------- */

typedef lev_status (*op_fn)(lev_network *net, double *out);
static lev_status op_constraint(lev_network *net, double *out) { return lev_constraint(net, NULL, out); }
static lev_status op_esize(lev_network *net, double *out) { return lev_effective_size(net, NULL, out); }
static lev_status op_efficiency(lev_network *net, double *out) { return lev_efficiency(net, NULL, out); }
static lev_status op_hierarchy(lev_network *net, double *out) { return lev_burt_hierarchy(net, NULL, out); }
static lev_status op_brokerage(lev_network *net, double *out) {
    size_t nb = lev_actor_count(net) * LEV_BROKER_ROLES;
    return lev_brokerage(net, NULL, out, out + nb, out + 2 * nb, out + 3 * nb);
}
static lev_status op_brokerage_und(lev_network *net, double *out) {
    lev_params *p = params(1, 1, 2);
    lev_status rc = lev_brokerage(net, p, out, NULL, NULL, NULL);
    lev_params_free(p);
    return rc;
}

static void sweep(const char *what, op_fn op) {
    for (int built = 0; built <= 1; built++) {
        long fail_at;
        for (fail_at = 0;; fail_at++) {
            failalloc fa = {0};
            lev_network *net;
            cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
            cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, SRC("tests/data/directed_dangling_groups.csv"), NULL),
                         LEV_OK);
            cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("tests/data/directed_dangling.csv"), NULL), LEV_OK);
            size_t n = lev_actor_count(net), len = 4 * n * LEV_BROKER_ROLES;
            double *out = malloc(len * sizeof *out);
            if (built) cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
            for (size_t i = 0; i < len; i++) out[i] = -7;
            char *before = dump_network(net);
            fa.fail_at = fa.calls + fail_at;
            fa.armed = 1;
            lev_status rc = op(net, out);
            fa.armed = 0;
            char *after = dump_network(net);
            int done = rc == LEV_OK;
            if (!done) {
                cr_assert_eq(rc, LEV_ENOMEM, "%s: allocation %ld failed with %s", what, fail_at, lev_status_name(rc));
                cr_assert_str_eq(after, before, "%s: allocation %ld changed the network", what, fail_at);
                for (size_t i = 0; i < len; i++) cr_assert_eq(out[i], -7, "%s: output written on failure", what);
            }
            free(before);
            free(after);
            free(out);
            lev_network_free(net);
            cr_assert_eq(fa.live_blocks, 0, "%s: allocation %ld: %ld blocks leaked", what, fail_at, fa.live_blocks);
            cr_assert_eq(fa.bad_osize, 0, "%s: allocation %ld: wrong osize", what, fail_at);
            if (done) break;
            cr_assert(fail_at < 1000, "%s never succeeded", what);
        }
        cr_log_info("%s (compact form %s): %ld allocation sites failed and recovered", what,
                    built ? "built" : "not built", fail_at);
    }
}

Test(brokerage, allocation_failure_sweep) {
    sweep("constraint", op_constraint);
    sweep("effective_size", op_esize);
    sweep("efficiency", op_efficiency);
    sweep("burt_hierarchy", op_hierarchy);
    sweep("brokerage", op_brokerage);
    sweep("brokerage undirected", op_brokerage_und);
}
