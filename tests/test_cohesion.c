/*
 * Cohesion: components, coreness, modularity, communities and core–periphery, against NetworkX
 * and igraph (tests/ref/ref_cohesion.h, made by tests/ref/make_refs_cohesion.py; each array's
 * comment holds the exact peer call), an independent numpy solution (core–periphery, which no
 * peer implements), and closed forms on tiny networks.
 */
#include "helpers.h"

#include "ref/ref_cohesion.h"

#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixtures -------------------------------------------------------------------------------- */

static lev_network *florentine16(void) {
    return load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
}
static lev_network *karate(void) { return load_csv(SRC("tests/data/karate_edges.csv"), NULL); }
static lev_network *karate_weighted(void) { return load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL); }
static lev_network *lesmis(void) { return load_csv(SRC("tests/data/lesmis_edges.csv"), NULL); }
static lev_network *kite(void) { return load_csv(SRC("tests/data/kite_edges.csv"), NULL); }
static lev_network *coleman(void) {
    return load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
}
static lev_network *dangling(void) { return load_csv(SRC("tests/data/directed_dangling.csv"), NULL); }

/* The 64-bit LCG of make_refs_cohesion.py. */
typedef struct lcg { uint64_t x; } lcg;
static uint64_t lcg_r(lcg *g) {
    g->x = g->x * 6364136223846793005ull + 1442695040888963407ull;
    return g->x >> 33;
}

static lev_network *numbered(const char *prefix, uint32_t n) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, prefix);
    return net;
}

/* gen_directed of make_refs_cohesion.py: 600 actors, 1000 edges, strengths 1..3. */
static lev_network *gen_directed(void) {
    uint32_t n = 600;
    lev_network *net = numbered("v", n);
    lcg g = {42};
    for (int e = 0; e < 1000; e++) {
        uint32_t s = (uint32_t)(lcg_r(&g) % n), t = (uint32_t)(lcg_r(&g) % n);
        if (t == s) t = (t + 1) % n;
        double w = (double)(1 + lcg_r(&g) % 3);
        cr_assert_eq(lev_edge_add(net, s, t, w, NULL, NULL), LEV_OK);
    }
    return net;
}

/* planted of make_refs_cohesion.py: 10000 actors in 100 groups of 100, mixing 0.4. */
static lev_network *planted(void) {
    uint32_t n = 10000, size = 100;
    lev_network *net = numbered("p", n);
    lcg g = {7};
    for (uint32_t i = 0; i < n; i++) {
        uint32_t g0 = i / size * size;
        for (int k = 0; k < 6; k++) {
            uint32_t j;
            do j = g0 + (uint32_t)(lcg_r(&g) % size);
            while (j == i);
            cr_assert_eq(lev_edge_add(net, i, j, 1, NULL, NULL), LEV_OK);
        }
        for (int k = 0; k < 4; k++) {
            uint32_t j;
            do j = (uint32_t)(lcg_r(&g) % n);
            while (j / size == i / size);
            cr_assert_eq(lev_edge_add(net, i, j, 1, NULL, NULL), LEV_OK);
        }
    }
    return net;
}

/* A network of n actors "a0".. with the given undirected or directed pairs (strength 1). */
static lev_network *small(uint32_t n, const uint32_t (*pairs)[2], size_t npairs) {
    lev_network *net = numbered("a", n);
    for (size_t k = 0; k < npairs; k++)
        cr_assert_eq(lev_edge_add(net, pairs[k][0], pairs[k][1], 1, NULL, NULL), LEV_OK);
    return net;
}

static lev_network *complete(uint32_t n) {
    lev_network *net = numbered("a", n);
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = i + 1; j < n; j++) cr_assert_eq(lev_edge_add(net, i, j, 1, NULL, NULL), LEV_OK);
    return net;
}

static lev_network *star(uint32_t leaves) {
    lev_network *net = numbered("a", leaves + 1);
    for (uint32_t i = 1; i <= leaves; i++) cr_assert_eq(lev_edge_add(net, 0, i, 1, NULL, NULL), LEV_OK);
    return net;
}

static lev_params *params(int undirected) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    return p;
}

static double *to_double(const uint32_t *a, size_t n) {
    double *d = malloc((n ? n : 1) * sizeof *d);
    for (size_t i = 0; i < n; i++) d[i] = a[i];
    return d;
}

/* ==== components ============================================================================ */

static void check_components(lev_network *net, int undirected, const ref_value *r1, size_t l1, const ref_value *r2,
                             size_t l2, const char *what) {
    size_t n = lev_actor_count(net), count = 12345;
    uint32_t *comp = malloc(n * sizeof *comp);
    lev_params *p = params(undirected);
    cr_assert_eq(lev_components(net, p, comp, &count), LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    double *d = to_double(comp, n);
    check_ref(net, d, r1, l1, 0, what); /* exact: canonical labels of the peer's partition */
    check_ref(net, d, r2, l2, 0, what);
    /* doc: lev_components, ids 0..count-1 in order of each component's first actor */
    uint32_t next = 0;
    for (size_t i = 0; i < n; i++) {
        cr_assert(comp[i] <= next, "%s: id %u before %u", what, comp[i], next);
        if (comp[i] == next) next++;
    }
    cr_assert_eq(count, next, "%s: count %zu, %u ids", what, count, next);
    free(d);
    free(comp);
    lev_params_free(p);
}

#define CHECK_COMP(net, und, a, b) check_components(net, und, a, ARRAY_LEN(a), b, ARRAY_LEN(b), #a)

Test(cohesion, components_match_networkx_and_igraph) {
    lev_network *net = coleman();
    CHECK_COMP(net, 0, ref_cohesion_coleman_scc_nx, ref_cohesion_coleman_scc_igraph);
    CHECK_COMP(net, 1, ref_cohesion_coleman_wcc_nx, ref_cohesion_coleman_wcc_igraph);
    lev_network_free(net);
    net = dangling();
    CHECK_COMP(net, 0, ref_cohesion_dangling_scc_nx, ref_cohesion_dangling_scc_igraph);
    CHECK_COMP(net, 1, ref_cohesion_dangling_wcc_nx, ref_cohesion_dangling_wcc_igraph);
    lev_network_free(net);
    net = gen_directed();
    CHECK_COMP(net, 0, ref_cohesion_gen_directed_scc_nx, ref_cohesion_gen_directed_scc_igraph);
    CHECK_COMP(net, 1, ref_cohesion_gen_directed_wcc_nx, ref_cohesion_gen_directed_wcc_igraph);
    lev_network_free(net);
    /* undirected sets: each tie listed once, so strong components follow the listed direction */
    net = florentine16();
    CHECK_COMP(net, 0, ref_cohesion_florentine16_scc_nx, ref_cohesion_florentine16_scc_igraph);
    CHECK_COMP(net, 1, ref_cohesion_florentine16_wcc_nx, ref_cohesion_florentine16_wcc_igraph);
    lev_network_free(net);
    net = karate();
    CHECK_COMP(net, 0, ref_cohesion_karate_scc_nx, ref_cohesion_karate_scc_igraph);
    CHECK_COMP(net, 1, ref_cohesion_karate_wcc_nx, ref_cohesion_karate_wcc_igraph);
    lev_network_free(net);
    net = lesmis();
    CHECK_COMP(net, 0, ref_cohesion_lesmis_scc_nx, ref_cohesion_lesmis_scc_igraph);
    CHECK_COMP(net, 1, ref_cohesion_lesmis_wcc_nx, ref_cohesion_lesmis_wcc_igraph);
    lev_network_free(net);
    net = kite();
    CHECK_COMP(net, 0, ref_cohesion_kite_scc_nx, ref_cohesion_kite_scc_igraph);
    CHECK_COMP(net, 1, ref_cohesion_kite_wcc_nx, ref_cohesion_kite_wcc_igraph);
    lev_network_free(net);
}

Test(cohesion, components_edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    uint32_t comp[8] = {7, 7, 7, 7, 7, 7, 7, 7};
    size_t count = 99;
    lev_params *p = params(0);
    /* empty network: 0 components, nothing written */
    cr_assert_eq(lev_components(net, p, comp, &count), LEV_OK);
    cr_assert_eq(count, 0);
    cr_assert_eq(comp[0], 7);
    /* one actor with a self-loop: one component; count may be NULL */
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 0, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_components(net, p, comp, NULL), LEV_OK);
    cr_assert_eq(comp[0], 0);
    lev_network_free(net);
    /* a directed 3-cycle plus a tail and an isolated actor; parallel edges */
    const uint32_t e[][2] = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {2, 3}, {4, 3}};
    net = small(6, e, ARRAY_LEN(e));
    cr_assert_eq(lev_components(net, p, comp, &count), LEV_OK);
    cr_assert_eq(count, 4);
    uint32_t want_s[] = {0, 0, 0, 1, 2, 3};
    for (int i = 0; i < 6; i++) cr_assert_eq(comp[i], want_s[i], "actor %d", i);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    cr_assert_eq(lev_components(net, p, comp, &count), LEV_OK);
    cr_assert_eq(count, 2);
    uint32_t want_w[] = {0, 0, 0, 0, 0, 1};
    for (int i = 0; i < 6; i++) cr_assert_eq(comp[i], want_w[i], "actor %d", i);
    lev_network_free(net);
    lev_params_free(p);
}

/* doc: lev_components, no recursion: a directed cycle of 10^6 actors is one strong component
 * (Tarjan's depth-first search goes 10^6 deep), the path one per actor. */
Test(cohesion, components_million_actor_cycle_and_path, .timeout = 120) {
    uint32_t n = 1000000;
    lev_network *net = numbered("c", n);
    for (uint32_t i = 0; i + 1 < n; i++) cr_assert_eq(lev_edge_add(net, i, i + 1, 1, NULL, NULL), LEV_OK);
    uint32_t *comp = malloc(n * sizeof *comp);
    double *core = malloc(n * sizeof *core);
    size_t count;
    cr_assert_eq(lev_components(net, NULL, comp, &count), LEV_OK);
    cr_assert_eq(count, n);
    for (uint32_t i = 0; i < n; i += 9973) cr_assert_eq(comp[i], i);
    cr_assert_eq(lev_coreness(net, NULL, core), LEV_OK);
    for (uint32_t i = 0; i < n; i += 9973) cr_assert_eq(core[i], 1);
    cr_assert_eq(lev_edge_add(net, n - 1, 0, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_components(net, NULL, comp, &count), LEV_OK);
    cr_assert_eq(count, 1);
    for (uint32_t i = 0; i < n; i += 9973) cr_assert_eq(comp[i], 0);
    cr_assert_eq(lev_coreness(net, NULL, core), LEV_OK);
    for (uint32_t i = 0; i < n; i += 9973) cr_assert_eq(core[i], 2);
    free(comp);
    free(core);
    lev_network_free(net);
}

/* ==== coreness ================================================================================= */

static void check_core(lev_network *net, int undirected, int dir, const ref_value *ref, size_t len, const char *what) {
    size_t n = lev_actor_count(net);
    double *out = malloc(n * sizeof *out);
    lev_params *p = params(undirected);
    if (dir) cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dir), LEV_OK);
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    check_ref(net, out, ref, len, 0, what);
    free(out);
    lev_params_free(p);
}

#define CHECK_CORE(net, und, dir, a) check_core(net, und, dir, a, ARRAY_LEN(a), #a)

Test(cohesion, coreness_undirected_matches_networkx_and_igraph) {
    lev_network *net = florentine16();
    CHECK_CORE(net, 1, 0, ref_cohesion_florentine16_core_all_igraph);
    CHECK_CORE(net, 1, 0, ref_cohesion_florentine16_core_all_nx);
    lev_network_free(net);
    net = karate();
    CHECK_CORE(net, 1, 0, ref_cohesion_karate_core_all_igraph);
    CHECK_CORE(net, 1, 0, ref_cohesion_karate_core_all_nx);
    lev_network_free(net);
    net = lesmis();
    CHECK_CORE(net, 1, 0, ref_cohesion_lesmis_core_all_igraph);
    CHECK_CORE(net, 1, 0, ref_cohesion_lesmis_core_all_nx);
    /* LEV_P_UNDIRECTED 1 overrides LEV_P_DIRECTION */
    CHECK_CORE(net, 1, LEV_DIR_IN, ref_cohesion_lesmis_core_all_nx);
    lev_network_free(net);
    net = kite();
    CHECK_CORE(net, 1, 0, ref_cohesion_kite_core_all_igraph);
    CHECK_CORE(net, 1, 0, ref_cohesion_kite_core_all_nx);
    lev_network_free(net);
}

Test(cohesion, coreness_directed_matches_igraph_modes) {
    lev_network *net = coleman();
    CHECK_CORE(net, 0, LEV_DIR_ALL, ref_cohesion_coleman_core_all_igraph);
    CHECK_CORE(net, 0, 0, ref_cohesion_coleman_core_all_nx); /* default LEV_DIR_ALL */
    CHECK_CORE(net, 0, LEV_DIR_IN, ref_cohesion_coleman_core_in_igraph);
    CHECK_CORE(net, 0, LEV_DIR_OUT, ref_cohesion_coleman_core_out_igraph);
    lev_network_free(net);
    /* parallel edges count one each; the self-loop Dave->Dave is ignored (igraph was given the
     * network without it: igraph counts a loop twice) */
    net = dangling();
    CHECK_CORE(net, 0, LEV_DIR_ALL, ref_cohesion_dangling_core_all_igraph);
    CHECK_CORE(net, 0, LEV_DIR_IN, ref_cohesion_dangling_core_in_igraph);
    CHECK_CORE(net, 0, LEV_DIR_OUT, ref_cohesion_dangling_core_out_igraph);
    lev_network_free(net);
    net = gen_directed();
    CHECK_CORE(net, 0, LEV_DIR_ALL, ref_cohesion_gen_directed_core_all_igraph);
    CHECK_CORE(net, 0, LEV_DIR_IN, ref_cohesion_gen_directed_core_in_igraph);
    CHECK_CORE(net, 0, LEV_DIR_OUT, ref_cohesion_gen_directed_core_out_igraph);
    lev_network_free(net);
}

Test(cohesion, coreness_closed_forms) {
    lev_params *p = params(1);
    double out[8];
    /* complete graph K5: 4 */
    lev_network *net = complete(5);
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK);
    for (int i = 0; i < 5; i++) cr_assert_eq(out[i], 4);
    lev_network_free(net);
    /* star: 1 everywhere; isolated actor 0 */
    net = star(4);
    cr_assert_eq(lev_actor_add(net, "isolated", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK);
    for (int i = 0; i < 5; i++) cr_assert_eq(out[i], 1);
    cr_assert_eq(out[5], 0);
    lev_network_free(net);
    /* cycle C6 = 2; a triangle with a pendant: 2, 2, 2, 1 */
    const uint32_t cyc[][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}};
    net = small(6, cyc, 6);
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK);
    for (int i = 0; i < 6; i++) cr_assert_eq(out[i], 2);
    lev_network_free(net);
    /* doc: lev_coreness, edge records count one each, self-loops never: three parallel ties
     * between two actors give 3; loops add nothing */
    const uint32_t par[][2] = {{0, 1}, {1, 0}, {0, 1}, {0, 0}, {1, 1}, {1, 1}};
    net = small(2, par, 6);
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK);
    cr_assert_eq(out[0], 3);
    cr_assert_eq(out[1], 3);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 0);
    lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN);
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK); /* in-degrees 1 and 2: the 1-core */
    cr_assert_eq(out[0], 1);
    cr_assert_eq(out[1], 1);
    lev_network_free(net);
    /* empty network and one actor */
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    out[0] = -1;
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK);
    cr_assert_eq(out[0], -1);
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_coreness(net, p, out), LEV_OK);
    cr_assert_eq(out[0], 0);
    lev_network_free(net);
    lev_params_free(p);
}

/* ==== modularity =============================================================================== */

typedef struct qref {
    double gamma;
    int weighted;
    double nx, ig;
} qref;

/* lev_modularity of a reference partition (relabelled with arbitrary uint32 labels) against both
 * peers, for every gamma / weighting in q[]. */
static void check_modularity(lev_network *net, const ref_value *part, size_t len, const qref *q, size_t nq,
                             const char *what) {
    size_t n = lev_actor_count(net);
    cr_assert_eq(n, len);
    uint32_t *lab = malloc(n * sizeof *lab);
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, part[k].name, &i), LEV_OK);
        uint32_t l = (uint32_t)part[k].value;
        lab[i] = l == 0 ? UINT32_MAX : l * 2654435761u + 17; /* doc: any uint32 labels */
    }
    lev_params *p = params(0);
    double worst = 0;
    for (size_t k = 0; k < nq; k++) {
        lev_params_set_double(p, LEV_P_RESOLUTION, q[k].gamma);
        lev_params_set_int(p, LEV_P_WEIGHTED, q[k].weighted);
        double got = -9;
        cr_assert_eq(lev_modularity(net, lab, p, &got), LEV_OK, "%s", lev_params_errmsg(p));
        cr_assert(fabs(got - q[k].nx) <= 1e-12, "%s gamma %g weighted %d: %.17g vs networkx %.17g", what,
                  q[k].gamma, q[k].weighted, got, q[k].nx);
        cr_assert(fabs(got - q[k].ig) <= 1e-12, "%s gamma %g weighted %d: %.17g vs igraph %.17g", what, q[k].gamma,
                  q[k].weighted, got, q[k].ig);
        worst = fmax(worst, fmax(fabs(got - q[k].nx), fabs(got - q[k].ig)));
    }
    cr_log_info("modularity %s: largest difference from NetworkX or igraph %.3g", what, worst);
    lev_params_free(p);
    free(lab);
}

#define QREFS(set, part)                                                                                  \
    {{1, 1, ref_cohesion_##set##_q_##part##_g1_w_nx, ref_cohesion_##set##_q_##part##_g1_w_igraph},          \
     {1, 0, ref_cohesion_##set##_q_##part##_g1_u_nx, ref_cohesion_##set##_q_##part##_g1_u_igraph},          \
     {0.5, 1, ref_cohesion_##set##_q_##part##_g05_w_nx, ref_cohesion_##set##_q_##part##_g05_w_igraph},      \
     {0.5, 0, ref_cohesion_##set##_q_##part##_g05_u_nx, ref_cohesion_##set##_q_##part##_g05_u_igraph},      \
     {2, 1, ref_cohesion_##set##_q_##part##_g2_w_nx, ref_cohesion_##set##_q_##part##_g2_w_igraph},          \
     {2, 0, ref_cohesion_##set##_q_##part##_g2_u_nx, ref_cohesion_##set##_q_##part##_g2_u_igraph}}
#define CHECK_Q(net, set, part)                                                                           \
    do {                                                                                                  \
        const qref q_[] = QREFS(set, part);                                                               \
        check_modularity(net, ref_cohesion_##set##_part_##part, ARRAY_LEN(ref_cohesion_##set##_part_##part), \
                         q_, ARRAY_LEN(q_), #set " " #part);                                              \
    } while (0)

Test(cohesion, modularity_matches_networkx_and_igraph) {
    lev_network *net = karate();
    CHECK_Q(net, karate, club);
    CHECK_Q(net, karate, multilevel);
    lev_network_free(net);
    net = karate_weighted();
    CHECK_Q(net, karate_weighted, club);
    CHECK_Q(net, karate_weighted, multilevel);
    lev_network_free(net);
    net = florentine16();
    CHECK_Q(net, florentine16, groups);
    CHECK_Q(net, florentine16, multilevel);
    lev_network_free(net);
    net = lesmis();
    CHECK_Q(net, lesmis, multilevel);
    lev_network_free(net);
    net = kite();
    CHECK_Q(net, kite, multilevel);
    lev_network_free(net);
    net = coleman(); /* directed: the undirected view, a mutual pair counting twice */
    CHECK_Q(net, coleman, multilevel);
    lev_network_free(net);
    net = dangling(); /* self-loop and parallel edges */
    CHECK_Q(net, dangling, hand);
    lev_network_free(net);
}

Test(cohesion, modularity_edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    uint32_t lab[4] = {0, 0, 0, 0};
    double q = -9;
    /* empty network: 0 */
    cr_assert_eq(lev_modularity(net, lab, NULL, &q), LEV_OK);
    cr_assert_eq(q, 0);
    /* no edges: 0, never NaN */
    test_add_actors(net, 3, "x");
    q = -9;
    cr_assert_eq(lev_modularity(net, lab, NULL, &q), LEV_OK);
    cr_assert_eq(q, 0);
    /* one community holding everything: 1 - gamma */
    cr_assert_eq(lev_edge_add(net, 0, 1, 2, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_modularity(net, lab, NULL, &q), LEV_OK);
    cr_assert(fabs(q) < 1e-15);
    lev_params *p = params(0);
    lev_params_set_double(p, LEV_P_RESOLUTION, 0.25);
    cr_assert_eq(lev_modularity(net, lab, p, &q), LEV_OK);
    cr_assert(fabs(q - 0.75) < 1e-15);
    /* a NULL community array */
    q = -9;
    cr_assert_eq(lev_modularity(net, NULL, p, &q), LEV_EMISUSE);
    cr_assert_eq(q, -9);
    cr_assert(strstr(lev_params_errmsg(p), "community"));
    lev_params_free(p);
    lev_network_free(net);
}

/* ==== communities ================================================================================ */

/* Run lev_communities and check the contract: ids in order of first actor, count, and the
 * returned modularity equals lev_modularity of the returned partition. Returns the modularity. */
static double run_communities(lev_network *net, lev_params *p, uint32_t *comm, size_t *count) {
    size_t n = lev_actor_count(net), cnt = 0;
    double q = -9, q2 = -9;
    cr_assert_eq(lev_communities(net, p, comm, &cnt, &q), LEV_OK, "%s", p ? lev_params_errmsg(p) : "");
    uint32_t next = 0;
    for (size_t i = 0; i < n; i++) {
        cr_assert(comm[i] <= next, "community id %u before %u", comm[i], next);
        if (comm[i] == next) next++;
    }
    cr_assert_eq(cnt, next);
    cr_assert_eq(lev_modularity(net, comm, p, &q2), LEV_OK);
    cr_assert_eq(q, q2, "returned %.17g, lev_modularity %.17g", q, q2);
    if (count) *count = cnt;
    return q;
}

static void check_quality(lev_network *net, int weighted, double q_ml, double q_ml_best, double q_leiden_best,
                          const char *what) {
    size_t n = lev_actor_count(net);
    uint32_t *comm = malloc(n * sizeof *comm);
    lev_params *p = params(0);
    lev_params_set_int(p, LEV_P_WEIGHTED, weighted);
    for (int seed = 1; seed <= 5; seed++) {
        lev_params_set_int(p, LEV_P_SEED, seed);
        double q = run_communities(net, p, comm, NULL);
        cr_log_info("%s seed %d: Q = %.15f (igraph multilevel %.15f, best of 50 %.15f, Leiden best %.15f)", what, seed,
                    q, q_ml, q_ml_best, q_leiden_best);
        cr_assert(q >= q_ml - 1e-12, "%s seed %d: Q %.15f below igraph multilevel %.15f", what, seed, q, q_ml);
        cr_assert(q >= q_ml_best - 1e-12, "%s seed %d: Q %.15f below igraph multilevel's best %.15f", what, seed, q,
                  q_ml_best);
        cr_assert(q >= q_leiden_best - 1e-12, "%s seed %d: Q %.15f below igraph Leiden's best %.15f", what, seed, q,
                  q_leiden_best);
    }
    free(comm);
    lev_params_free(p);
}

#define CHECK_QUALITY(net, w, set)                                                                        \
    check_quality(net, w, ref_cohesion_##set##_q_multilevel, ref_cohesion_##set##_q_multilevel_best,       \
                  ref_cohesion_##set##_q_leiden_best, #set)

Test(cohesion, communities_quality_against_igraph) {
    lev_network *net = karate();
    CHECK_QUALITY(net, 1, karate);
    lev_network_free(net);
    net = karate_weighted();
    CHECK_QUALITY(net, 1, karate_weighted);
    lev_network_free(net);
    net = florentine16();
    CHECK_QUALITY(net, 1, florentine16);
    lev_network_free(net);
    net = lesmis();
    CHECK_QUALITY(net, 1, lesmis);
    lev_network_free(net);
    net = kite();
    CHECK_QUALITY(net, 1, kite);
    lev_network_free(net);
    net = coleman();
    CHECK_QUALITY(net, 1, coleman);
    lev_network_free(net);
}

Test(cohesion, communities_planted_partition, .timeout = 120) {
    lev_network *net = planted();
    size_t n = lev_actor_count(net), count;
    uint32_t *comm = malloc(n * sizeof *comm);
    lev_params *p = params(0);
    double q = run_communities(net, p, comm, &count);
    cr_log_info("planted: Q = %.15f in %zu communities (igraph multilevel %.15f, best of 10 %.15f, Leiden best "
                "%.15f, planted groups %.15f)",
                q, count, ref_cohesion_planted_q_multilevel, ref_cohesion_planted_q_multilevel_best,
                ref_cohesion_planted_q_leiden_best, ref_cohesion_planted_q_truth);
    cr_assert(q >= ref_cohesion_planted_q_multilevel, "Q %.15f below igraph multilevel %.15f", q,
              ref_cohesion_planted_q_multilevel);
    /* the planted groups: recovered almost exactly (pairs of actors classified alike) */
    uint64_t agree = 0, total = 0;
    for (uint32_t i = 0; i < n; i += 7)
        for (uint32_t j = i + 1; j < n; j += 13) {
            int same_truth = i / 100 == j / 100, same = comm[i] == comm[j];
            agree += same_truth == same;
            total++;
        }
    cr_assert(agree >= 0.99 * (double)total, "pair agreement %.4f", (double)agree / (double)total);
    free(comm);
    lev_params_free(p);
    lev_network_free(net);
}

Test(cohesion, communities_deterministic) {
    lev_network *net = lesmis();
    size_t n = lev_actor_count(net);
    uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    lev_params *p = params(0);
    lev_params_set_int(p, LEV_P_SEED, 12345);
    double qa = run_communities(net, p, a, NULL);
    /* doc: lev_communities, same seed same partition for any LEV_P_THREADS */
    for (int t = 1; t <= 3; t++) {
        lev_params_set_int(p, LEV_P_THREADS, t);
        double qb = run_communities(net, p, b, NULL);
        cr_assert_eq(memcmp(a, b, n * sizeof *a), 0, "threads %d", t);
        cr_assert_eq(qa, qb);
    }
    lev_network_free(net);
    free(a);
    free(b);
    /* a larger network: threads 1, 2, 3 bit-identical */
    net = gen_directed();
    n = lev_actor_count(net);
    a = malloc(n * sizeof *a);
    b = malloc(n * sizeof *b);
    lev_params_set_int(p, LEV_P_THREADS, 1);
    qa = run_communities(net, p, a, NULL);
    for (int t = 2; t <= 3; t++) {
        lev_params_set_int(p, LEV_P_THREADS, t);
        double qb = run_communities(net, p, b, NULL);
        cr_assert_eq(memcmp(a, b, n * sizeof *a), 0, "threads %d", t);
        cr_assert_eq(qa, qb);
    }
    /* other seeds may give other partitions, each as good as the contract says */
    for (int seed = 0; seed < 4; seed++) {
        lev_params_set_int(p, LEV_P_SEED, seed);
        run_communities(net, p, b, NULL);
    }
    free(a);
    free(b);
    lev_params_free(p);
    lev_network_free(net);
}

Test(cohesion, communities_resolution_and_weights) {
    lev_network *net = karate();
    uint32_t comm[34];
    size_t c05, c1, c4;
    lev_params *p = params(0);
    lev_params_set_double(p, LEV_P_RESOLUTION, 0.5);
    run_communities(net, p, comm, &c05);
    lev_params_set_double(p, LEV_P_RESOLUTION, 1);
    run_communities(net, p, comm, &c1);
    lev_params_set_double(p, LEV_P_RESOLUTION, 4);
    run_communities(net, p, comm, &c4);
    cr_assert(c05 <= c1 && c1 < c4, "counts %zu %zu %zu", c05, c1, c4);
    /* tiny resolution: one community per connected component */
    lev_params_set_double(p, LEV_P_RESOLUTION, 1e-9);
    run_communities(net, p, comm, &c1);
    cr_assert_eq(c1, 1);
    lev_network_free(net);
    /* doc: lev_communities, pair strength = both directions summed (1 per edge unweighted): a
     * 2→... directed network analysed as its undirected view equals the same ties listed as
     * one record each way */
    const uint32_t d1[][2] = {{0, 1}, {1, 0}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}};
    const uint32_t d2[][2] = {{0, 1}, {0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}};
    lev_network *n1 = small(6, d1, 8), *n2 = small(6, d2, 8);
    uint32_t x1[6], x2[6];
    double q1 = run_communities(n1, p, x1, NULL), q2 = run_communities(n2, p, x2, NULL);
    cr_assert_eq(memcmp(x1, x2, sizeof x1), 0);
    cr_assert_eq(q1, q2);
    lev_params_set_double(p, LEV_P_RESOLUTION, 1);
    q1 = run_communities(n1, p, x1, NULL);
    uint32_t want[6] = {0, 0, 0, 1, 1, 1};
    cr_assert_eq(memcmp(x1, want, sizeof want), 0);
    cr_assert(q1 > 0.3);
    lev_network_free(n1);
    lev_network_free(n2);
    lev_params_free(p);
}

Test(cohesion, communities_edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    uint32_t comm[4] = {9, 9, 9, 9};
    size_t count = 99;
    double q = -9;
    /* empty network */
    cr_assert_eq(lev_communities(net, NULL, comm, &count, &q), LEV_OK);
    cr_assert_eq(count, 0);
    cr_assert_eq(q, 0);
    cr_assert_eq(comm[0], 9);
    /* no edges: every actor alone, modularity 0 */
    test_add_actors(net, 3, "x");
    cr_assert_eq(lev_communities(net, NULL, comm, &count, &q), LEV_OK);
    cr_assert_eq(count, 3);
    cr_assert_eq(q, 0);
    for (uint32_t i = 0; i < 3; i++) cr_assert_eq(comm[i], i);
    /* self-loops only: still every actor alone, with lev_modularity's value for that partition:
     * m = 4, Q = 1/4 - (2/8)^2 + 3/4 - (6/8)^2 = 0.375 */
    cr_assert_eq(lev_edge_add(net, 0, 0, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 2, 2, 3, NULL, NULL), LEV_OK);
    q = run_communities(net, NULL, comm, &count);
    cr_assert_eq(count, 3);
    cr_assert(fabs(q - 0.375) < 1e-15, "Q %.17g", q);
    for (uint32_t i = 0; i < 3; i++) cr_assert_eq(comm[i], i);
    /* count and modularity may be NULL */
    cr_assert_eq(lev_communities(net, NULL, comm, NULL, NULL), LEV_OK);
    lev_network_free(net);
}

static int cancel_at(void *ud, double done) {
    (void)done;
    int *calls = ud;
    return ++*calls >= 2;
}

Test(cohesion, communities_cancel_leaves_outputs) {
    lev_network *net = planted();
    size_t n = lev_actor_count(net), count = 77;
    uint32_t *comm = malloc(n * sizeof *comm);
    for (size_t i = 0; i < n; i++) comm[i] = 0xABCD;
    double q = -9;
    int calls = 0;
    lev_params *p = params(0);
    lev_params_set_progress(p, cancel_at, &calls);
    cr_assert_eq(lev_communities(net, p, comm, &count, &q), LEV_ECANCELLED);
    cr_assert_eq(lev_params_errcode(p), LEV_ECANCELLED);
    cr_assert_eq(count, 77);
    cr_assert_eq(q, -9);
    for (size_t i = 0; i < n; i++) cr_assert_eq(comm[i], 0xABCD);
    free(comm);
    lev_params_free(p);
    lev_network_free(net);
}

/* ==== core–periphery =========================================================================== */

static void check_cp(lev_network *net, int weighted, const ref_value *ref, size_t len, double fit_ref,
                     const char *what) {
    size_t n = lev_actor_count(net);
    double *out = malloc(n * sizeof *out), fit = -9;
    lev_params *p = params(0);
    lev_params_set_int(p, LEV_P_WEIGHTED, weighted);
    lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14);
    lev_params_set_int(p, LEV_P_MAX_ITER, 100000);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    check_ref(net, out, ref, len, 1e-9, what);
    cr_assert(fabs(fit - fit_ref) <= 1e-9, "%s: fit %.17g vs %.17g", what, fit, fit_ref);
    double worst = 0;
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        lev_actor_find(net, ref[k].name, &i);
        worst = fmax(worst, fabs(out[i] - ref[k].value));
    }
    cr_log_info("core-periphery %s: largest difference from numpy %.3g (fit %.3g)", what, worst, fabs(fit - fit_ref));
    double mx = 0;
    for (size_t i = 0; i < n; i++) mx = out[i] > mx ? out[i] : mx;
    cr_assert_eq(mx, 1.0, "%s: largest value %.17g", what, mx); /* doc: scaled to a maximum of 1 */
    /* default tolerance: still within 1e-6 */
    lev_params_set_double(p, LEV_P_TOLERANCE, 1e-10);
    cr_assert_eq(lev_core_periphery(net, p, out, NULL), LEV_OK);
    check_ref(net, out, ref, len, 1e-6, what);
    worst = 0;
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        lev_actor_find(net, ref[k].name, &i);
        worst = fmax(worst, fabs(out[i] - ref[k].value));
    }
    cr_log_info("core-periphery %s, default tolerance: largest difference from numpy %.3g", what, worst);
    free(out);
    lev_params_free(p);
}

#define CHECK_CP(net, w, set, tag) \
    check_cp(net, w, ref_cohesion_##set##_cp_##tag, ARRAY_LEN(ref_cohesion_##set##_cp_##tag), \
             ref_cohesion_##set##_cp_##tag##_fit, #set " " #tag)

Test(cohesion, core_periphery_matches_numpy) {
    lev_network *net = karate();
    CHECK_CP(net, 1, karate, w);
    lev_network_free(net);
    net = karate_weighted();
    CHECK_CP(net, 1, karate_weighted, w);
    lev_network_free(net);
    net = lesmis();
    CHECK_CP(net, 1, lesmis, w);
    CHECK_CP(net, 0, lesmis, u);
    lev_network_free(net);
    net = kite();
    CHECK_CP(net, 1, kite, w);
    lev_network_free(net);
    net = coleman(); /* mutual friendships count twice */
    CHECK_CP(net, 1, coleman, w);
    CHECK_CP(net, 0, coleman, u);
    lev_network_free(net);
    net = florentine16(); /* Pucci is isolated: 0 */
    CHECK_CP(net, 1, florentine16, w);
    lev_network_free(net);
}

Test(cohesion, core_periphery_closed_forms) {
    double out[8], fit;
    lev_params *p = params(0);
    /* complete graph: every actor 1, exact fit */
    lev_network *net = complete(6);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_OK);
    for (int i = 0; i < 6; i++) cr_assert(fabs(out[i] - 1) < 1e-12, "actor %d: %.17g", i, out[i]);
    cr_assert_eq(fit, 1);
    lev_network_free(net);
    /* a single tie: both 1 (c0 c1 = a, the balanced solution), exact fit */
    const uint32_t one[][2] = {{0, 1}};
    net = small(3, one, 1);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_OK);
    cr_assert(fabs(out[0] - 1) < 1e-12 && fabs(out[1] - 1) < 1e-12 && out[2] == 0);
    cr_assert_eq(fit, 1);
    lev_network_free(net);
    /* doc: lev_core_periphery, star: no finite minimum; the limit: centre 1, leaves 0, fit 1 */
    net = star(5);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_OK, "%s", lev_params_errmsg(p));
    cr_assert_eq(out[0], 1);
    for (int i = 1; i <= 5; i++) cr_assert_eq(out[i], 0);
    cr_assert(fabs(fit - 1) < 1e-12);
    lev_network_free(net);
    /* a cycle: all equal (uniform products), and a fit of 0: the model cannot tell ties apart */
    const uint32_t cyc[][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}};
    net = small(5, cyc, 5);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_OK);
    for (int i = 0; i < 5; i++) cr_assert(fabs(out[i] - 1) < 1e-12);
    cr_assert_eq(fit, 0);
    lev_network_free(net);
    /* no ties (self-loops are not ties): all 0, fit 0; one actor; empty network */
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    out[0] = -1;
    fit = -1;
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_OK);
    cr_assert_eq(out[0], -1);
    cr_assert_eq(fit, 0);
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "other", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 0, 2, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_OK);
    cr_assert(out[0] == 0 && out[1] == 0 && fit == 0);
    lev_network_free(net);
    lev_params_free(p);
}

Test(cohesion, core_periphery_noconv_and_cancel_leave_outputs) {
    lev_network *net = lesmis();
    size_t n = lev_actor_count(net);
    double *out = malloc(n * sizeof *out), fit = -9;
    for (size_t i = 0; i < n; i++) out[i] = -7;
    lev_params *p = params(0);
    lev_params_set_int(p, LEV_P_MAX_ITER, 2);
    lev_params_set_double(p, LEV_P_TOLERANCE, 0);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_ENOCONV);
    cr_assert(strstr(lev_params_errmsg(p), "converge"));
    for (size_t i = 0; i < n; i++) cr_assert_eq(out[i], -7);
    cr_assert_eq(fit, -9);
    lev_params_reset(p);
    int calls = 0;
    lev_params_set_progress(p, cancel_at, &calls);
    cr_assert_eq(lev_core_periphery(net, p, out, &fit), LEV_ECANCELLED);
    for (size_t i = 0; i < n; i++) cr_assert_eq(out[i], -7);
    cr_assert_eq(fit, -9);
    free(out);
    lev_params_free(p);
    lev_network_free(net);
}

Test(cohesion, core_periphery_threads_identical) {
    lev_network *net = gen_directed();
    size_t n = lev_actor_count(net);
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), fa, fb;
    lev_params *p = params(0);
    lev_params_set_int(p, LEV_P_THREADS, 1);
    cr_assert_eq(lev_core_periphery(net, p, a, &fa), LEV_OK, "%s", lev_params_errmsg(p));
    for (int t = 2; t <= 3; t++) {
        lev_params_set_int(p, LEV_P_THREADS, t);
        cr_assert_eq(lev_core_periphery(net, p, b, &fb), LEV_OK);
        cr_assert_eq(memcmp(a, b, n * sizeof *a), 0, "threads %d", t);
        cr_assert_eq(fa, fb);
    }
    free(a);
    free(b);
    lev_params_free(p);
    lev_network_free(net);
}

/* ==== errors ===================================================================================== */

Test(cohesion, null_arguments_and_untouched_outputs) {
    lev_network *net = karate();
    uint32_t comm[34];
    double d[34], q = -9, fit = -9;
    size_t count = 5;
    lev_params *p = params(0);
    cr_assert_eq(lev_components(NULL, p, comm, &count), LEV_EMISUSE);
    cr_assert_eq(lev_components(net, p, NULL, &count), LEV_EMISUSE);
    cr_assert_eq(lev_coreness(NULL, p, d), LEV_EMISUSE);
    cr_assert_eq(lev_coreness(net, p, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_communities(NULL, p, comm, &count, &q), LEV_EMISUSE);
    cr_assert_eq(lev_communities(net, p, NULL, &count, &q), LEV_EMISUSE);
    cr_assert_eq(lev_modularity(NULL, comm, p, &q), LEV_EMISUSE);
    cr_assert_eq(lev_modularity(net, comm, p, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_core_periphery(NULL, p, d, &fit), LEV_EMISUSE);
    cr_assert_eq(lev_core_periphery(net, p, NULL, &fit), LEV_EMISUSE);
    cr_assert_eq(count, 5);
    cr_assert_eq(q, -9);
    cr_assert_eq(fit, -9);
    cr_assert_eq(lev_params_errcode(p), LEV_EMISUSE);
    lev_params_free(p);
    lev_network_free(net);
}

/* ==== allocation failure at every site (the pattern of tests/test_oom.c) ========================= */

typedef lev_status (*op_fn)(lev_network *net);

static lev_status op_scc(lev_network *net) {
    uint32_t c[64];
    size_t k;
    return lev_components(net, NULL, c, &k);
}
static lev_status op_wcc(lev_network *net) {
    uint32_t c[64];
    size_t k;
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    lev_status rc = lev_components(net, p, c, &k);
    lev_params_free(p);
    return rc;
}
static lev_status op_core(lev_network *net) {
    double d[64];
    return lev_coreness(net, NULL, d);
}
static lev_status op_modularity(lev_network *net) {
    uint32_t c[64];
    for (int i = 0; i < 64; i++) c[i] = (uint32_t)(i % 3) * 1000003u;
    double q;
    return lev_modularity(net, c, NULL, &q);
}
static lev_status op_communities(lev_network *net) {
    uint32_t c[64];
    size_t k;
    double q;
    lev_params *p;
    if (lev_params_new(&p)) return LEV_ENOMEM;
    lev_status rc = lev_communities(net, p, c, &k, &q);
    if (rc) cr_assert_eq(lev_params_errcode(p), rc); /* analyses record on their params */
    lev_params_free(p);
    return rc;
}
static lev_status op_cp(lev_network *net) {
    double d[64], f;
    return lev_core_periphery(net, NULL, d, &f);
}

static lev_network *oom_fixture(failalloc *fa) {
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, fa), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, SRC("examples/data/florentine_actors.csv"), NULL), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("examples/data/florentine_edges.csv"), NULL), LEV_OK);
    return net;
}

static void sweep(const char *what, op_fn op, int built) {
    long fail_at;
    for (fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        lev_network *net = oom_fixture(&fa);
        double d[64];
        if (built) cr_assert_eq(lev_degree(net, NULL, d), LEV_OK);
        char *before = dump_network(net);
        fa.fail_at = fa.calls + fail_at;
        fa.armed = 1;
        lev_status rc = op(net);
        fa.armed = 0;
        char *after = dump_network(net);
        int done = rc == LEV_OK;
        if (!done) cr_assert_eq(rc, LEV_ENOMEM, "%s: allocation %ld failed with %s", what, fail_at, lev_status_name(rc));
        cr_assert_str_eq(after, before, "%s: allocation %ld changed the network", what, fail_at);
        free(before);
        free(after);
        lev_network_free(net);
        cr_assert_eq(fa.live_blocks, 0, "%s: allocation %ld: %ld blocks leaked", what, fail_at, fa.live_blocks);
        cr_assert_eq(fa.bad_osize, 0, "%s: allocation %ld: wrong osize", what, fail_at);
        if (done) break;
        cr_assert(fail_at < 100000, "%s never succeeded", what);
    }
    cr_log_info("%s (compact form %s): %ld allocation sites failed and recovered", what, built ? "built" : "not built",
                fail_at);
}

Test(cohesion, allocation_failure_sweep) {
    struct { const char *name; op_fn op; } ops[] = {
        {"lev_components (strong)", op_scc}, {"lev_components (weak)", op_wcc}, {"lev_coreness", op_core},
        {"lev_modularity", op_modularity},   {"lev_communities", op_communities}, {"lev_core_periphery", op_cp},
    };
    for (size_t k = 0; k < ARRAY_LEN(ops); k++) {
        sweep(ops[k].name, ops[k].op, 0);
        sweep(ops[k].name, ops[k].op, 1);
    }
}
