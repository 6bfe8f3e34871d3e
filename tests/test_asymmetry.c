/*
 * Asymmetry and hierarchy (src/asymmetry.c) against R sna, NetworkX and igraph
 * (tests/ref/ref_imbalance.h, made by tests/ref/make_refs_imbalance.py; every value's comment
 * holds the exact peer call), closed forms on small networks, the cap/ERANGE protocol, thread
 * determinism, cancellation and the allocation-failure sweep.
 */
#include "helpers.h"

#include "ref/ref_imbalance.h"

#define NREF(a) (sizeof(a) / sizeof((a)[0]))

static const char *TRIAD_NAMES[16] = {"003", "012", "102", "021D", "021U", "021C", "111D", "111U",
                                      "030T", "030C", "201", "120D", "120U", "120C", "210", "300"};

/* The value called key in a table, if there. */
static int lookup(const ref_value *r, size_t len, const char *key, double *v) {
    for (size_t k = 0; k < len; k++)
        if (strcmp(r[k].name, key) == 0) {
            *v = r[k].value;
            return 1;
        }
    return 0;
}

typedef struct table {
    const char *peer;
    const ref_value *r;
    size_t len;
} table;

typedef struct dset {
    const char *name;
    lev_network *net;
    int undirected, connected;
    table t[4]; /* sna, nx, igraph, own */
} dset;

/* Compare got with key in every table that has it; returns how many had it. */
static int against(const dset *d, const char *key, double got, double tol) {
    int found = 0;
    for (int k = 0; k < 4; k++) {
        double v;
        if (!d->t[k].r || !lookup(d->t[k].r, d->t[k].len, key, &v)) continue;
        found++;
        cr_assert(fabs(got - v) <= tol * (fabs(v) > 1 ? fabs(v) : 1), "%s %s (%s): got %.17g, reference %.17g",
                  d->name, key, d->t[k].peer, got, v);
    }
    return found;
}

static lev_params *params(int undirected, int weighted, int dir) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
    if (dir) cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dir), LEV_OK);
    return p;
}

static double centr(const dset *d, int kind, int weighted, int dir) {
    lev_params *p = params(d->undirected, weighted, dir);
    double v = -1;
    cr_assert_eq(lev_centralization(d->net, kind, p, &v), LEV_OK, "%s: %s", d->name, lev_params_errmsg(p));
    lev_params_free(p);
    return v;
}

/* ---- the generated random networks (same generator as make_refs_imbalance.py) ------------- */

static uint64_t splitmix64(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static lev_network *random_net_alloc(uint32_t n, size_t m, uint64_t seed, lev_alloc_fn f, void *ud) {
    lev_network *net;
    cr_assert_eq(f ? lev_network_new_with_alloc(&net, f, ud) : lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "r");
    uint64_t s = seed;
    for (size_t e = 0; e < m; e++) {
        uint64_t a = splitmix64(&s), b = splitmix64(&s), w = splitmix64(&s);
        cr_assert_eq(lev_edge_add(net, (uint32_t)(a % n), (uint32_t)(b % n), (double)(1 + w % 4), NULL, NULL), LEV_OK);
    }
    return net;
}

static lev_network *random_net(uint32_t n, size_t m, uint64_t seed) { return random_net_alloc(n, m, seed, NULL, NULL); }

/* ---- every measure of one data set against its tables --------------------------------------- */

static void check_set(const dset *d) {
    lev_network *net = d->net;
    char key[64];
    /* dyad and triad census: exact */
    {
        lev_params *p = params(d->undirected, 1, 0);
        uint64_t dy[3], tr[16];
        cr_assert_eq(lev_dyad_census(net, p, dy), LEV_OK);
        cr_assert_eq(against(d, "dyad_mut", (double)dy[0], 0), 2, "%s: dyad_mut not in sna and igraph", d->name);
        against(d, "dyad_asym", (double)dy[1], 0);
        against(d, "dyad_null", (double)dy[2], 0);
        cr_assert_eq(lev_triad_census(net, p, tr), LEV_OK);
        uint64_t tot = 0;
        for (int k = 0; k < 16; k++) {
            snprintf(key, sizeof key, "triad_%s", TRIAD_NAMES[k]);
            cr_assert_eq(against(d, key, (double)tr[k], 0), 3, "%s: %s not in sna, nx and igraph", d->name, key);
            tot += tr[k];
        }
        uint64_t n = lev_actor_count(net);
        cr_assert_eq(tot, n * (n - 1) * (n - 2) / 6);
        lev_params_free(p);
    }
    /* Krackhardt */
    {
        lev_params *p = params(d->undirected, 1, 0);
        double k[4];
        cr_assert_eq(lev_krackhardt(net, p, k), LEV_OK, "%s", lev_params_errmsg(p));
        cr_assert(against(d, "connectedness", k[LEV_KRACKHARDT_CONNECTEDNESS], 1e-14));
        cr_assert(against(d, "hierarchy", k[LEV_KRACKHARDT_HIERARCHY], 1e-14));
        cr_assert(against(d, "efficiency", k[LEV_KRACKHARDT_EFFICIENCY], 1e-14));
        if (!against(d, "lubness", k[LEV_KRACKHARDT_LUBNESS], 1e-14))
            cr_assert(strcmp(d->name, "random1000") == 0, "%s: no lubness reference", d->name);
        lev_params_free(p);
    }
    /* Freeman centralization */
    if (d->undirected) {
        cr_assert(against(d, "centr_degree", centr(d, LEV_CENTRALIZATION_DEGREE, 1, 0), 1e-14));
        cr_assert(against(d, "centr_betweenness", centr(d, LEV_CENTRALIZATION_BETWEENNESS, 0, 0), 1e-12));
        cr_assert(against(d, "centr_betweenness_weighted", centr(d, LEV_CENTRALIZATION_BETWEENNESS, 1, 0), 1e-9));
        double cl = centr(d, LEV_CENTRALIZATION_CLOSENESS, 0, 0);
        cr_assert(against(d, "centr_closeness_wf", cl, 1e-12));
        if (d->connected) { /* sna's closeness is 0 for everybody on a disconnected network */
            double v;
            cr_assert(lookup(d->t[0].r, d->t[0].len, "centr_closeness", &v));
            cr_assert_float_eq(cl, v, 1e-12, "%s: closeness vs sna", d->name);
        }
        cr_assert(against(d, "centr_closeness_wf_weighted", centr(d, LEV_CENTRALIZATION_CLOSENESS, 1, 0), 1e-12));
    } else {
        {
            double cd = centr(d, LEV_CENTRALIZATION_DEGREE, 1, LEV_DIR_ALL);
            cr_assert(against(d, "centr_degree", cd, 1e-14));
            cr_assert(against(d, "centr_degree_hand", cd, 1e-14));
        }
        cr_assert(against(d, "centr_indegree", centr(d, LEV_CENTRALIZATION_DEGREE, 1, LEV_DIR_IN), 1e-14));
        cr_assert(against(d, "centr_outdegree", centr(d, LEV_CENTRALIZATION_DEGREE, 1, LEV_DIR_OUT), 1e-14));
        cr_assert(against(d, "centr_betweenness", centr(d, LEV_CENTRALIZATION_BETWEENNESS, 0, 0), 1e-12));
        cr_assert(against(d, "centr_betweenness_weighted", centr(d, LEV_CENTRALIZATION_BETWEENNESS, 1, 0), 1e-9));
        /* closeness: LEV_DIR_OUT and LEV_DIR_ALL (the default) from the actor, LEV_DIR_IN to it,
         * LEV_P_UNDIRECTED 1 on the undirected view */
        const char *dn[4] = {"out", "in", "out", "all"};
        int dv[4] = {LEV_DIR_OUT, LEV_DIR_IN, LEV_DIR_ALL, LEV_DIR_ALL};
        for (int k = 0; k < 4; k++)
            for (int w = 0; w < 2; w++) {
                snprintf(key, sizeof key, "centr_closeness_wf_%s%s", dn[k], w ? "_weighted" : "");
                dset u = *d;
                u.undirected = k == 3;
                cr_assert(against(d, key, centr(&u, LEV_CENTRALIZATION_CLOSENESS, w, dv[k]), 1e-12), "%s", key);
            }
        /* reciprocity */
        lev_params *p = params(0, 1, 0);
        double arc = -1, wr = -1;
        cr_assert_eq(lev_reciprocity(net, p, &arc, &wr), LEV_OK);
        cr_assert(against(d, "reciprocity_arc", arc, 1e-15) == 3, "%s: arc reciprocity peers", d->name);
        cr_assert(against(d, "reciprocity_weighted", wr, 1e-14));
        cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
        cr_assert_eq(lev_reciprocity(net, p, NULL, &wr), LEV_OK);
        cr_assert(against(d, "reciprocity_weighted_unit", wr, 1e-14));
        /* flow hierarchy */
        double fh = -1;
        cr_assert_eq(lev_flow_hierarchy(net, p, &fh), LEV_OK);
        cr_assert(against(d, "flow_hierarchy", fh, 1e-14));
        cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 1), LEV_OK);
        cr_assert_eq(lev_flow_hierarchy(net, p, &fh), LEV_OK);
        cr_assert(against(d, "flow_hierarchy_weighted", fh, 1e-14));
        lev_params_free(p);
    }
}

/* The asymmetric pairs against the reference list ("a>b" names, in order). */
static void check_pairs(lev_network *net, const ref_value *ref, size_t len, size_t npairs, int weighted) {
    lev_params *p = params(0, weighted, 0);
    size_t need = 12345;
    lev_status rc = lev_asymmetry(net, p, 0, NULL, NULL, NULL, &need);
    cr_assert_eq(rc, npairs ? LEV_ERANGE : LEV_OK);
    cr_assert_eq(need, npairs);
    uint32_t *a = malloc(need * sizeof *a), *b = malloc(need * sizeof *b);
    double *gap = malloc(need * sizeof *gap);
    size_t got;
    cr_assert_eq(lev_asymmetry(net, p, need, a, b, gap, &got), LEV_OK);
    cr_assert_eq(got, npairs);
    for (size_t k = 0; k < len; k++) {
        char name[128];
        snprintf(name, sizeof name, "%s>%s", lev_actor_name(net, a[k]), lev_actor_name(net, b[k]));
        cr_assert_str_eq(name, ref[k].name, "pair %zu", k);
        cr_assert_eq(gap[k], ref[k].value, "pair %zu (%s)", k, name);
    }
    for (size_t k = 1; k < got; k++) /* the whole list is in order */
        cr_assert(gap[k] < gap[k - 1] || (gap[k] == gap[k - 1] && (a[k] > a[k - 1] || (a[k] == a[k - 1] && b[k] > b[k - 1]))),
                  "order at %zu", k);
    free(a);
    free(b);
    free(gap);
    lev_params_free(p);
}

#define TABLES(set)                                                                                               \
    {{"sna", ref_asym_##set##_sna, NREF(ref_asym_##set##_sna)},                                                   \
     {"nx", ref_asym_##set##_nx, NREF(ref_asym_##set##_nx)},                                                      \
     {"igraph", ref_asym_##set##_igraph, NREF(ref_asym_##set##_igraph)},                                          \
     {"own", NULL, 0}}
#define TABLES_OWN(set)                                                                                           \
    {{"sna", ref_asym_##set##_sna, NREF(ref_asym_##set##_sna)},                                                   \
     {"nx", ref_asym_##set##_nx, NREF(ref_asym_##set##_nx)},                                                      \
     {"igraph", ref_asym_##set##_igraph, NREF(ref_asym_##set##_igraph)},                                          \
     {"own", ref_asym_##set##_own, NREF(ref_asym_##set##_own)}}

Test(asymmetry, florentine_karate_kite_lesmis_undirected) {
    dset s[] = {
        {"florentine16", load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv")),
         1, 0, TABLES(florentine16)},
        {"florentine15", load_csv(SRC("examples/data/florentine_edges.csv"), NULL), 1, 1, TABLES(florentine15)},
        {"karate", load_csv(SRC("tests/data/karate_edges.csv"), NULL), 1, 1, TABLES(karate)},
        {"karate_weighted", load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL), 1, 1, TABLES(karate_weighted)},
        {"kite", load_csv(SRC("tests/data/kite_edges.csv"), NULL), 1, 1, TABLES(kite)},
        {"lesmis", load_csv(SRC("tests/data/lesmis_edges.csv"), NULL), 1, 1, TABLES(lesmis)},
    };
    for (size_t k = 0; k < NREF(s); k++) {
        check_set(&s[k]);
        lev_network_free(s[k].net);
    }
}

Test(asymmetry, coleman_and_directed_dangling) {
    dset s[] = {
        {"coleman", load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv")), 0, 0,
         TABLES_OWN(coleman)},
        {"dangling", load_csv(SRC("tests/data/directed_dangling.csv"), NULL), 0, 0, TABLES_OWN(dangling)},
    };
    for (size_t k = 0; k < NREF(s); k++) check_set(&s[k]);
    check_pairs(s[0].net, ref_asym_coleman_pairs, REF_ASYM_COLEMAN_PAIRS_LEN, REF_ASYM_COLEMAN_NPAIRS, 1);
    check_pairs(s[0].net, ref_asym_coleman_pairs_unit, REF_ASYM_COLEMAN_PAIRS_UNIT_LEN, REF_ASYM_COLEMAN_NPAIRS, 0);
    check_pairs(s[1].net, ref_asym_dangling_pairs, REF_ASYM_DANGLING_PAIRS_LEN, REF_ASYM_DANGLING_NPAIRS, 1);
    check_pairs(s[1].net, ref_asym_dangling_pairs_unit, REF_ASYM_DANGLING_PAIRS_UNIT_LEN, REF_ASYM_DANGLING_NPAIRS, 0);
    for (size_t k = 0; k < NREF(s); k++) lev_network_free(s[k].net);
}

Test(asymmetry, random_directed_200_and_1000) {
    dset s[] = {
        {"random200", random_net(200, 600, 7), 0, 0, TABLES_OWN(random200)},
        {"random1000", random_net(1000, 5000, 42), 0, 0, TABLES_OWN(random1000)},
    };
    for (size_t k = 0; k < NREF(s); k++) check_set(&s[k]);
    check_pairs(s[0].net, ref_asym_random200_pairs, REF_ASYM_RANDOM200_PAIRS_LEN, REF_ASYM_RANDOM200_NPAIRS, 1);
    check_pairs(s[0].net, ref_asym_random200_pairs_unit, REF_ASYM_RANDOM200_PAIRS_UNIT_LEN, REF_ASYM_RANDOM200_NPAIRS, 0);
    check_pairs(s[1].net, ref_asym_random1000_pairs, REF_ASYM_RANDOM1000_PAIRS_LEN, REF_ASYM_RANDOM1000_NPAIRS, 1);
    check_pairs(s[1].net, ref_asym_random1000_pairs_unit, REF_ASYM_RANDOM1000_PAIRS_UNIT_LEN,
                REF_ASYM_RANDOM1000_NPAIRS, 0);
    for (size_t k = 0; k < NREF(s); k++) lev_network_free(s[k].net);
}

/* ---- closed forms on small networks ----------------------------------------------------------- */

/* A network of n actors a0..a{n−1} with the given edges (pairs of indices, strength 1 unless w). */
static lev_network *small(uint32_t n, const uint32_t (*e)[2], size_t m, const double *w) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    for (size_t k = 0; k < m; k++) cr_assert_eq(lev_edge_add(net, e[k][0], e[k][1], w ? w[k] : 1, NULL, NULL), LEV_OK);
    return net;
}

static void krack(lev_network *net, int undirected, double *k) {
    lev_params *p = params(undirected, 1, 0);
    cr_assert_eq(lev_krackhardt(net, p, k), LEV_OK);
    lev_params_free(p);
}

Test(asymmetry, krackhardt_closed_forms) {
    double k[4];
    /* doc: an out-tree (boss → subordinate) has hierarchy 1 and lubness 1, efficiency 1, connectedness 1 */
    const uint32_t tree[6][2] = {{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}, {2, 6}};
    lev_network *net = small(7, tree, 6, NULL);
    krack(net, 0, k);
    cr_assert(k[0] == 1 && k[1] == 1 && k[2] == 1 && k[3] == 1, "%g %g %g %g", k[0], k[1], k[2], k[3]);
    double fh;
    cr_assert_eq(lev_flow_hierarchy(net, NULL, &fh), LEV_OK);
    cr_assert_eq(fh, 1);
    lev_network_free(net);
    /* the in-tree (subordinate → boss): hierarchy 1 but leaves have no common upper bound */
    const uint32_t itree[3][2] = {{1, 0}, {2, 0}, {3, 1}};
    net = small(4, itree, 3, NULL);
    krack(net, 0, k);
    cr_assert_eq(k[1], 1);
    cr_assert_float_eq(k[3], 1.0 / 3, 1e-15); /* sna::lubness gives 0.3333 */
    lev_network_free(net);
    /* doc: a directed cycle has hierarchy 0; efficiency 1 − 1/(n−1)² (one edge more than a tree) */
    const uint32_t cyc[4][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 0}};
    net = small(4, cyc, 4, NULL);
    krack(net, 0, k);
    cr_assert(k[0] == 1 && k[1] == 0 && k[3] == 1);
    cr_assert_float_eq(k[2], 1 - 1.0 / 9, 1e-15);
    cr_assert_eq(lev_flow_hierarchy(net, NULL, &fh), LEV_OK);
    cr_assert_eq(fh, 0);
    lev_network_free(net);
    /* two components: connectedness = C(3,2) + C(2,2) over C(5,2) */
    const uint32_t two[3][2] = {{0, 1}, {1, 2}, {3, 4}};
    net = small(5, two, 3, NULL);
    krack(net, 0, k);
    cr_assert_float_eq(k[0], 4.0 / 10, 1e-15);
    /* undirected view: every reachable pair is mutual */
    krack(net, 1, k);
    cr_assert(k[1] == 0 && k[3] == 1);
    cr_assert_float_eq(k[2], 1 - (6.0 - 3) / (4 + 1), 1e-15); /* sna on the symmetric matrix */
    lev_network_free(net);
    /* doc: empty network, one actor, only isolates: connectedness 1 (n ≤ 1) or 0, hierarchy 0,
     * efficiency 1, lubness 1 (sna gives NaN for the last three) */
    net = small(0, NULL, 0, NULL);
    krack(net, 0, k);
    cr_assert(k[0] == 1 && k[1] == 0 && k[2] == 1 && k[3] == 1);
    lev_network_free(net);
    const uint32_t loop[1][2] = {{0, 0}};
    net = small(1, loop, 1, NULL);
    krack(net, 0, k);
    cr_assert(k[0] == 1 && k[1] == 0 && k[2] == 1 && k[3] == 1);
    lev_network_free(net);
    net = small(3, NULL, 0, NULL);
    krack(net, 0, k);
    cr_assert(k[0] == 0 && k[1] == 0 && k[2] == 1 && k[3] == 1);
    lev_network_free(net);
}

Test(asymmetry, centralization_closed_forms) {
    double v;
    lev_params *und = params(1, 0, 0);
    /* doc: the star is the most central network: 1 for degree, betweenness and closeness */
    for (uint32_t n = 3; n <= 9; n++) {
        uint32_t e[8][2];
        for (uint32_t i = 1; i < n; i++) {
            e[i - 1][0] = 0;
            e[i - 1][1] = i;
        }
        lev_network *net = small(n, (const uint32_t(*)[2])e, n - 1, NULL);
        for (int kind = 1; kind <= 3; kind++) {
            cr_assert_eq(lev_centralization(net, kind, und, &v), LEV_OK);
            cr_assert_float_eq(v, 1, 1e-14, "n=%u kind %d", n, kind);
        }
        /* directed out-star: out-degree centralization 1; betweenness 0 (nobody is between) */
        lev_params *d = params(0, 0, LEV_DIR_OUT);
        cr_assert_eq(lev_centralization(net, LEV_CENTRALIZATION_DEGREE, d, &v), LEV_OK);
        cr_assert_float_eq(v, 1, 1e-15);
        cr_assert_eq(lev_centralization(net, LEV_CENTRALIZATION_BETWEENNESS, d, &v), LEV_OK);
        cr_assert_eq(v, 0);
        /* doc: sna's directed closeness maximum (n−1)(1−1/n) is below the out-star's n/(n−1) */
        cr_assert_eq(lev_centralization(net, LEV_CENTRALIZATION_CLOSENESS, d, &v), LEV_OK);
        cr_assert_float_eq(v, (double)n / (n - 1), 1e-14, "n=%u", n);
        lev_params_free(d);
        lev_network_free(net);
    }
    /* complete graph: 0; parallel edges and self-loops do not count in degree centralization */
    const uint32_t k4[8][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {0, 1}, {2, 2}};
    lev_network *net = small(4, k4, 8, NULL);
    for (int kind = 1; kind <= 3; kind++) {
        cr_assert_eq(lev_centralization(net, kind, und, &v), LEV_OK);
        cr_assert_eq(v, 0, "kind %d: %g", kind, v);
    }
    lev_network_free(net);
    /* doc: fewer actors than the normalization allows gives 0 */
    net = small(2, k4, 1, NULL);
    for (int kind = 1; kind <= 3; kind++) {
        cr_assert_eq(lev_centralization(net, kind, und, &v), LEV_OK);
        cr_assert_eq(v, 0);
    }
    lev_network_free(net);
    net = small(0, NULL, 0, NULL);
    cr_assert_eq(lev_centralization(net, LEV_CENTRALIZATION_BETWEENNESS, NULL, &v), LEV_OK);
    cr_assert_eq(v, 0);
    /* unknown kind: LEV_EUNSUPPORTED, output untouched */
    v = 42;
    cr_assert_eq(lev_centralization(net, 0, und, &v), LEV_EUNSUPPORTED);
    cr_assert_eq(lev_centralization(net, 4, und, &v), LEV_EUNSUPPORTED);
    cr_assert(strstr(lev_params_errmsg(und), "unknown kind"));
    cr_assert_eq(v, 42);
    lev_network_free(net);
    lev_params_free(und);
}

Test(asymmetry, census_reciprocity_closed_forms) {
    uint64_t dy[3], tr[16];
    double arc, w;
    /* parallel edges and self-loops are ignored: a→b twice, b→b, c isolated is one 012 triad */
    const uint32_t e[4][2] = {{0, 1}, {0, 1}, {1, 1}, {1, 0}};
    const double ws[4] = {1, 2, 5, 0.5};
    lev_network *net = small(3, e, 3, ws);
    cr_assert_eq(lev_dyad_census(net, NULL, dy), LEV_OK);
    cr_assert(dy[0] == 0 && dy[1] == 1 && dy[2] == 2);
    cr_assert_eq(lev_triad_census(net, NULL, tr), LEV_OK);
    for (int k = 0; k < 16; k++) cr_assert_eq(tr[k], k == 1 ? 1u : 0u, "type %s", TRIAD_NAMES[k]);
    cr_assert_eq(lev_reciprocity(net, NULL, &arc, &w), LEV_OK);
    cr_assert(arc == 0 && w == 0);
    lev_network_free(net);
    /* add b→a 0.5: mutual; strength reciprocity Σ min / Σ w = 2·0.5 / (3 + 0.5); self-loop excluded */
    net = small(3, e, 4, ws);
    cr_assert_eq(lev_dyad_census(net, NULL, dy), LEV_OK);
    cr_assert(dy[0] == 1 && dy[1] == 0 && dy[2] == 2);
    cr_assert_eq(lev_triad_census(net, NULL, tr), LEV_OK);
    cr_assert_eq(tr[2], 1u);
    cr_assert_eq(lev_reciprocity(net, NULL, &arc, &w), LEV_OK);
    cr_assert_eq(arc, 1);
    cr_assert_float_eq(w, 1.0 / 3.5, 1e-15);
    lev_params *p = params(0, 0, 0); /* unweighted: 2 edges a→b, 1 back: Σ min = 2, Σ = 3 */
    cr_assert_eq(lev_reciprocity(net, p, NULL, &w), LEV_OK);
    cr_assert_float_eq(w, 2.0 / 3, 1e-15);
    lev_params_free(p);
    lev_network_free(net);
    /* complete digraph on 5: all 300; undirected view of a path: 102 and 201 only */
    uint32_t kd[20][2];
    size_t m = 0;
    for (uint32_t i = 0; i < 5; i++)
        for (uint32_t j = 0; j < 5; j++)
            if (i != j) {
                kd[m][0] = i;
                kd[m++][1] = j;
            }
    net = small(5, (const uint32_t(*)[2])kd, m, NULL);
    cr_assert_eq(lev_triad_census(net, NULL, tr), LEV_OK);
    cr_assert_eq(tr[15], 10u);
    cr_assert_eq(lev_dyad_census(net, NULL, dy), LEV_OK);
    cr_assert(dy[0] == 10 && dy[1] == 0 && dy[2] == 0);
    lev_network_free(net);
    const uint32_t path[3][2] = {{0, 1}, {1, 2}, {2, 3}};
    net = small(4, path, 3, NULL);
    p = params(1, 1, 0);
    cr_assert_eq(lev_triad_census(net, p, tr), LEV_OK);
    cr_assert(tr[0] == 0 && tr[2] == 2 && tr[10] == 2, "%lu %lu %lu", (unsigned long)tr[0], (unsigned long)tr[2],
              (unsigned long)tr[10]);
    cr_assert_eq(lev_dyad_census(net, p, dy), LEV_OK);
    cr_assert(dy[0] == 3 && dy[1] == 0 && dy[2] == 3);
    cr_assert_eq(lev_reciprocity(net, p, &arc, &w), LEV_OK); /* doc: 1 in the undirected view */
    cr_assert(arc == 1 && w == 1);
    lev_params_free(p);
    /* directed: the path is 2 × 021C and 2 × 012 */
    cr_assert_eq(lev_triad_census(net, NULL, tr), LEV_OK);
    cr_assert(tr[5] == 2 && tr[1] == 2);
    lev_network_free(net);
    /* an actor with more edge records than there are actors (degree-rank buckets grow) */
    const uint32_t par[1][2] = {{0, 1}};
    net = small(3, NULL, 0, NULL);
    for (int k = 0; k < 10; k++) cr_assert_eq(lev_edge_add(net, par[0][0], par[0][1], 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_triad_census(net, NULL, tr), LEV_OK);
    for (int k = 0; k < 16; k++) cr_assert_eq(tr[k], k == 5 ? 1u : 0u, "type %s", TRIAD_NAMES[k]); /* 021C */
    lev_network_free(net);
    /* empty network and one actor: zeros everywhere */
    for (uint32_t n = 0; n <= 2; n++) {
        net = small(n, NULL, 0, NULL);
        double fh = 42;
        cr_assert_eq(lev_dyad_census(net, NULL, dy), LEV_OK);
        cr_assert(dy[0] == 0 && dy[1] == 0 && dy[2] == (n == 2));
        cr_assert_eq(lev_triad_census(net, NULL, tr), LEV_OK);
        for (int k = 0; k < 16; k++) cr_assert_eq(tr[k], 0u);
        cr_assert_eq(lev_reciprocity(net, NULL, &arc, &w), LEV_OK);
        cr_assert(arc == 0 && w == 0);
        cr_assert_eq(lev_flow_hierarchy(net, NULL, &fh), LEV_OK); /* doc: 0 without edges */
        cr_assert_eq(fh, 0);
        lev_network_free(net);
    }
    /* a lone self-loop is a cycle: flow hierarchy 0 (as nx.flow_hierarchy) */
    const uint32_t self[1][2] = {{0, 0}};
    net = small(1, self, 1, NULL);
    double fh;
    cr_assert_eq(lev_flow_hierarchy(net, NULL, &fh), LEV_OK);
    cr_assert_eq(fh, 0);
    lev_network_free(net);
}

/* Triad census on a graph big enough for several chunks, against a brute-force count. */
Test(asymmetry, triad_census_brute_force) {
    lev_network *net = random_net(90, 700, 3);
    uint64_t tr[16], bf[16] = {0};
    cr_assert_eq(lev_triad_census(net, NULL, tr), LEV_OK);
    static const unsigned char type[64] = {
        0, 1, 1, 2, 1, 3, 5, 7, 1, 5, 4, 6, 2, 7, 6, 10, 1, 5, 3, 7, 4, 8, 8, 12, 5, 9, 8, 13, 6, 13, 11, 14,
        1, 4, 5, 6, 5, 8, 9, 13, 3, 8, 8, 11, 7, 12, 13, 14, 2, 6, 7, 10, 6, 11, 13, 14, 7, 13, 12, 14, 10, 14, 14, 15};
    static unsigned char adj[90][90];
    memset(adj, 0, sizeof adj);
    for (size_t e = 0; e < lev_edge_count(net); e++) {
        uint32_t s, t;
        double w;
        const char *ch;
        cr_assert_eq(lev_edge_get(net, e, &s, &t, &w, &ch), LEV_OK);
        if (s != t) adj[s][t] = 1;
    }
    for (int v = 0; v < 90; v++)
        for (int u = v + 1; u < 90; u++)
            for (int x = u + 1; x < 90; x++)
                bf[type[adj[v][u] | adj[u][v] << 1 | adj[v][x] << 2 | adj[x][v] << 3 | adj[u][x] << 4 | adj[x][u] << 5]]++;
    for (int k = 0; k < 16; k++) cr_assert_eq(tr[k], bf[k], "%s: %lu vs %lu", TRIAD_NAMES[k], (unsigned long)tr[k],
                                              (unsigned long)bf[k]);
    lev_network_free(net);
}

/* Krackhardt's four measures by sna's definitions, brute force (O(n^4) lubness as sna's
 * lubness_con_R), on random DAGs and sparse digraphs with many sources and components. */
#define BF_N 40
static void krack_brute(const unsigned char adj[BF_N][BF_N], int n, double *out) {
    static unsigned char r[BF_N][BF_N];
    int wc[BF_N], ncomp = 0, size[BF_N];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) r[i][j] = i == j || adj[i][j];
    for (int k = 0; k < n; k++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (r[i][k] && r[k][j]) r[i][j] = 1;
    for (int i = 0; i < n; i++) wc[i] = -1;
    for (int i = 0; i < n; i++) {
        if (wc[i] >= 0) continue;
        int stack[BF_N], sp = 0;
        wc[i] = ncomp;
        size[ncomp] = 0;
        stack[sp++] = i;
        while (sp) {
            int v = stack[--sp];
            size[ncomp]++;
            for (int u = 0; u < n; u++)
                if ((adj[v][u] || adj[u][v]) && wc[u] < 0) {
                    wc[u] = ncomp;
                    stack[sp++] = u;
                }
        }
        ncomp++;
    }
    double pairs = 0, req = 0, maxv = 0, arcs = 0, mut = 0, one = 0, viol = 0, maxl = 0;
    for (int c = 0; c < ncomp; c++) {
        pairs += size[c] * (size[c] - 1) / 2.0;
        req += size[c] - 1;
        maxv += (double)(size[c] - 1) * (size[c] - 1);
        if (size[c] > 2) maxl += (size[c] - 1) * (size[c] - 2) / 2.0;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) arcs += i != j && adj[i][j];
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            if (r[i][j] && r[j][i]) mut++;
            else if (r[i][j] || r[j][i]) one++;
            if (wc[i] != wc[j] || size[wc[i]] <= 2) continue;
            int ub[BF_N], nub = 0, lub = 0;
            for (int k = 0; k < n; k++)
                if (r[k][i] && r[k][j]) ub[nub++] = k;
            for (int a = 0; a < nub && !lub; a++) {
                int all = 1;
                for (int b = 0; b < nub && all; b++) all = r[ub[a]][ub[b]];
                lub = all;
            }
            viol += !lub;
        }
    out[0] = n <= 1 ? 1 : pairs / (n * (n - 1) / 2.0);
    out[1] = mut + one > 0 ? one / (mut + one) : 0;
    out[2] = maxv > 0 ? 1 - (arcs - req) / maxv : 1;
    out[3] = maxl > 0 ? 1 - viol / maxl : 1;
}

Test(asymmetry, krackhardt_brute_force) {
    uint64_t s = 2024;
    static unsigned char adj[BF_N][BF_N];
    for (int trial = 0; trial < 60; trial++) {
        int n = 5 + (int)(splitmix64(&s) % (BF_N - 4));
        int m = (int)(splitmix64(&s) % (uint64_t)(2 * n));
        int dag = trial % 3 != 0, cyc = trial % 5 == 0;
        memset(adj, 0, sizeof adj);
        lev_network *net = small((uint32_t)n, NULL, 0, NULL);
        for (int e = 0; e < m; e++) {
            uint32_t a = (uint32_t)(splitmix64(&s) % (uint64_t)n), b = (uint32_t)(splitmix64(&s) % (uint64_t)n);
            if (dag && a > b) {
                uint32_t t = a;
                a = b;
                b = t;
            }
            if (cyc && e % 7 == 0) { /* a few cycles among the DAG */
                uint32_t t = a;
                a = b;
                b = t;
            }
            cr_assert_eq(lev_edge_add(net, a, b, 1, NULL, NULL), LEV_OK);
            adj[a][b] = 1;
        }
        double got[4], want[4];
        krack(net, 0, got);
        krack_brute((const unsigned char(*)[BF_N])adj, n, want);
        for (int k = 0; k < 4; k++)
            cr_assert_float_eq(got[k], want[k], 1e-14, "trial %d (n=%d, m=%d): dimension %d: %.17g vs %.17g", trial, n,
                               m, k, got[k], want[k]);
        lev_network_free(net);
    }
}

/* ---- the cap / ERANGE protocol of lev_asymmetry ---------------------------------------------- */

Test(asymmetry, asymmetry_cap_protocol) {
    lev_network *net = load_csv(SRC("tests/data/directed_dangling.csv"), NULL);
    lev_params *p = params(0, 1, 0);
    size_t len = 0;
    /* doc: cap 0 asks for the number of pairs (LEV_ERANGE with *len) */
    cr_assert_eq(lev_asymmetry(net, p, 0, NULL, NULL, NULL, &len), LEV_ERANGE);
    cr_assert_eq(len, 10u);
    cr_assert_eq(lev_params_errcode(p), LEV_OK); /* doc: a length query records nothing */
    uint32_t a[16], b[16];
    double g[16];
    for (int i = 0; i < 16; i++) {
        a[i] = b[i] = 777;
        g[i] = -1;
    }
    /* too small: LEV_ERANGE, needed length reported, outputs untouched */
    len = 0;
    cr_assert_eq(lev_asymmetry(net, p, 9, a, b, g, &len), LEV_ERANGE);
    cr_assert_eq(len, 10u);
    for (int i = 0; i < 16; i++) cr_assert(a[i] == 777 && b[i] == 777 && g[i] == -1);
    /* exact and larger: LEV_OK; entries past the pairs untouched */
    cr_assert_eq(lev_asymmetry(net, p, 10, a, b, g, &len), LEV_OK);
    cr_assert_eq(len, 10u);
    cr_assert_eq(lev_asymmetry(net, p, 16, a, b, g, &len), LEV_OK);
    cr_assert_eq(len, 10u);
    for (int i = 10; i < 16; i++) cr_assert(a[i] == 777 && b[i] == 777 && g[i] == -1);
    cr_assert(g[0] == 3.5 && strcmp(lev_actor_name(net, a[0]), "Bob") == 0 && strcmp(lev_actor_name(net, b[0]), "Dave") == 0);
    /* misuse */
    cr_assert_eq(lev_asymmetry(net, p, 16, NULL, b, g, &len), LEV_EMISUSE);
    cr_assert_eq(lev_asymmetry(net, p, 16, a, b, g, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_asymmetry(NULL, p, 16, a, b, g, &len), LEV_EMISUSE);
    lev_network_free(net);
    /* no pairs: cap 0 is enough (LEV_OK, *len 0); self-loops are no pair */
    const uint32_t loop[1][2] = {{0, 0}};
    net = small(2, loop, 1, NULL);
    len = 5;
    cr_assert_eq(lev_asymmetry(net, p, 0, NULL, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0u);
    lev_network_free(net);
    /* equal strengths both ways: gap 0, a is the lower index */
    const uint32_t mut[2][2] = {{1, 0}, {0, 1}};
    net = small(2, mut, 2, NULL);
    cr_assert_eq(lev_asymmetry(net, p, 1, a, b, g, &len), LEV_OK);
    cr_assert(len == 1 && a[0] == 0 && b[0] == 1 && g[0] == 0);
    lev_network_free(net);
    lev_params_free(p);
}

/* ---- misuse, untouched outputs ------------------------------------------------------------------ */

Test(asymmetry, misuse_and_untouched_outputs) {
    lev_network *net = load_csv(SRC("tests/data/directed_dangling.csv"), NULL);
    double v = 42, k[4] = {42, 42, 42, 42};
    uint64_t c[16];
    cr_assert_eq(lev_centralization(NULL, 1, NULL, &v), LEV_EMISUSE);
    cr_assert_eq(lev_centralization(net, 1, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_reciprocity(NULL, NULL, &v, &v), LEV_EMISUSE);
    cr_assert_eq(lev_reciprocity(net, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_dyad_census(NULL, NULL, c), LEV_EMISUSE);
    cr_assert_eq(lev_dyad_census(net, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_triad_census(NULL, NULL, c), LEV_EMISUSE);
    cr_assert_eq(lev_triad_census(net, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_krackhardt(NULL, NULL, k), LEV_EMISUSE);
    cr_assert_eq(lev_krackhardt(net, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_flow_hierarchy(NULL, NULL, &v), LEV_EMISUSE);
    cr_assert_eq(lev_flow_hierarchy(net, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_errcode(net), LEV_EMISUSE); /* NULL params: recorded on the network */
    cr_assert_eq(v, 42);
    cr_assert_eq(k[0], 42);
    /* one output of lev_reciprocity is enough */
    cr_assert_eq(lev_reciprocity(net, NULL, &v, NULL), LEV_OK);
    cr_assert_float_eq(v, 4.0 / 12, 1e-15);
    lev_network_free(net);
}

/* ---- threads, progress, cancellation ---------------------------------------------------------- */

Test(asymmetry, bit_identical_for_any_thread_count) {
    lev_network *net = random_net(20000, 120000, 99);
    /* add a few hubs and a hierarchy so that degrees are skewed and many components exist */
    for (uint32_t i = 1; i < 3000; i++) cr_assert_eq(lev_edge_add(net, 0, i * 5, 1, NULL, NULL), LEV_OK);
    uint64_t tr[3][16];
    double kr[3][4];
    for (int t = 1; t <= 3; t++) {
        lev_params *p = params(0, 1, 0);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
        cr_assert_eq(lev_triad_census(net, p, tr[t - 1]), LEV_OK);
        cr_assert_eq(lev_krackhardt(net, p, kr[t - 1]), LEV_OK);
        lev_params_free(p);
    }
    for (int t = 1; t < 3; t++) {
        cr_assert(memcmp(tr[0], tr[t], sizeof tr[0]) == 0, "triad census differs with %d threads", t + 1);
        cr_assert(memcmp(kr[0], kr[t], sizeof kr[0]) == 0, "krackhardt differs with %d threads", t + 1);
    }
    uint64_t tot = 0, n = lev_actor_count(net);
    for (int k = 0; k < 16; k++) tot += tr[0][k];
    cr_assert_eq(tot, n * (n - 1) * (n - 2) / 6);
    lev_network_free(net);
}

/* Reciprocity (its strength sums are summed per block of actors, then over the blocks in order),
 * reciprocity per actor and the dyad census run on two threads from 65 536 arcs: the same bits for
 * 1, 2 and 3 threads, on strengths whose sums round (not integers). */
Test(asymmetry, reciprocity_and_dyads_bit_identical_for_any_thread_count) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    uint32_t n = 30000;
    test_add_actors(net, n, "r");
    uint64_t s = 7;
    for (size_t e = 0; e < 150000; e++) {
        uint64_t a = splitmix64(&s) % n, b = splitmix64(&s) % (e % 2 ? 300 : n), w = splitmix64(&s);
        double x = 1 + (double)(w % 1000) / 7.0;
        cr_assert_eq(lev_edge_add(net, (uint32_t)a, (uint32_t)b, x, NULL, NULL), LEV_OK);
        if (e % 3 == 0) cr_assert_eq(lev_edge_add(net, (uint32_t)b, (uint32_t)a, x / 3, NULL, NULL), LEV_OK);
    }
    double arc[3], wtd[3], *ra[3];
    uint64_t dy[3][3];
    for (int t = 1; t <= 3; t++) {
        lev_params *p = params(0, 1, 0);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
        ra[t - 1] = malloc(n * sizeof(double));
        cr_assert_eq(lev_reciprocity(net, p, &arc[t - 1], &wtd[t - 1]), LEV_OK);
        cr_assert_eq(lev_reciprocity_actors(net, p, ra[t - 1]), LEV_OK);
        cr_assert_eq(lev_dyad_census(net, p, dy[t - 1]), LEV_OK);
        lev_params_free(p);
    }
    cr_assert(arc[0] > 0.2 && arc[0] < 0.9 && wtd[0] > 0 && wtd[0] < arc[0], "arc %g weighted %g", arc[0], wtd[0]);
    for (int t = 1; t < 3; t++) {
        cr_assert(memcmp(&arc[0], &arc[t], sizeof arc[0]) == 0, "arc reciprocity differs with %d threads", t + 1);
        cr_assert(memcmp(&wtd[0], &wtd[t], sizeof wtd[0]) == 0, "weighted reciprocity differs with %d threads", t + 1);
        cr_assert(memcmp(ra[0], ra[t], n * sizeof(double)) == 0, "per-actor reciprocity differs with %d threads", t + 1);
        cr_assert(memcmp(dy[0], dy[t], sizeof dy[0]) == 0, "dyad census differs with %d threads", t + 1);
    }
    cr_assert_eq(dy[0][0] + dy[0][1] + dy[0][2], (uint64_t)n * (n - 1) / 2);
    for (int t = 0; t < 3; t++) free(ra[t]);
    lev_network_free(net);
}

typedef struct prog {
    int calls, stop_at;
    double last;
    int monotone;
} prog;

static int on_progress(void *ud, double done) {
    prog *pg = ud;
    if (done < pg->last) pg->monotone = 0;
    pg->last = done;
    return ++pg->calls >= pg->stop_at;
}

Test(asymmetry, progress_and_cancel) {
    lev_network *net = random_net(30000, 150000, 5);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    prog pg = {0, 1 << 30, 0, 1};
    cr_assert_eq(lev_params_set_progress(p, on_progress, &pg), LEV_OK);
    uint64_t tr[16];
    cr_assert_eq(lev_triad_census(net, p, tr), LEV_OK);
    cr_assert(pg.calls >= 8, "%d progress calls", pg.calls);
    cr_assert(pg.monotone);
    cr_assert_eq(pg.last, 1);
    /* cancelled: LEV_ECANCELLED, output untouched */
    uint64_t t2[16];
    memset(t2, 0x5a, sizeof t2);
    pg = (prog){0, 2, 0, 1};
    cr_assert_eq(lev_triad_census(net, p, t2), LEV_ECANCELLED);
    cr_assert(strstr(lev_params_errmsg(p), "cancelled"));
    for (int k = 0; k < 16; k++) cr_assert_eq(t2[k], 0x5a5a5a5a5a5a5a5aULL);
    double k4[4] = {42, 42, 42, 42};
    pg = (prog){0, 1 << 30, 0, 1};
    cr_assert_eq(lev_krackhardt(net, p, k4), LEV_OK);
    cr_assert(pg.calls >= 1);
    pg = (prog){0, 1, 0, 1};
    k4[0] = 42;
    cr_assert_eq(lev_krackhardt(net, p, k4), LEV_ECANCELLED);
    cr_assert_eq(k4[0], 42);
    lev_network_free(net);
    /* centralization passes the callback to the centrality it summarizes */
    net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    double v = 42;
    pg = (prog){0, 1, 0, 1};
    cr_assert_eq(lev_centralization(net, LEV_CENTRALIZATION_BETWEENNESS, p, &v), LEV_ECANCELLED);
    cr_assert_eq(v, 42);
    cr_assert_eq(lev_params_errcode(p), LEV_ECANCELLED);
    cr_assert(strstr(lev_params_errmsg(p), "centralization: "), "%s", lev_params_errmsg(p));
    lev_network_free(net);
    lev_params_free(p);
}

/* ---- allocation failure at every site ---------------------------------------------------------- */

typedef lev_status (*op_fn)(lev_network *net, lev_params *p);

static lev_status op_centr_degree(lev_network *net, lev_params *p) {
    double v;
    return lev_centralization(net, LEV_CENTRALIZATION_DEGREE, p, &v);
}
static lev_status op_centr_betweenness(lev_network *net, lev_params *p) {
    double v;
    return lev_centralization(net, LEV_CENTRALIZATION_BETWEENNESS, p, &v);
}
static lev_status op_centr_closeness(lev_network *net, lev_params *p) {
    double v;
    return lev_centralization(net, LEV_CENTRALIZATION_CLOSENESS, p, &v);
}
static lev_status op_reciprocity(lev_network *net, lev_params *p) {
    double a, w;
    return lev_reciprocity(net, p, &a, &w);
}
static lev_status op_dyad(lev_network *net, lev_params *p) {
    uint64_t c[3];
    return lev_dyad_census(net, p, c);
}
static lev_status op_triad(lev_network *net, lev_params *p) {
    uint64_t c[16];
    return lev_triad_census(net, p, c);
}
static lev_status op_asymmetry(lev_network *net, lev_params *p) {
    uint32_t a[512], b[512];
    double g[512];
    size_t len;
    return lev_asymmetry(net, p, 512, a, b, g, &len);
}
static lev_status op_krackhardt(lev_network *net, lev_params *p) {
    double k[4];
    return lev_krackhardt(net, p, k);
}
static lev_status op_flow(lev_network *net, lev_params *p) {
    double v;
    return lev_flow_hierarchy(net, p, &v);
}

/* coleman plus a second weak component with several sources, so every lubness path allocates */
static lev_network *oom_fixture(failalloc *fa) {
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, fa), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, SRC("tests/data/coleman_actors.csv"), NULL), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("tests/data/coleman_edges.csv"), NULL), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("tests/data/directed_dangling.csv"), NULL), LEV_OK);
    return net;
}

static void sweep(const char *what, op_fn op, int threads) {
    for (int built = 0; built < 2; built++) {
        long fail_at;
        for (fail_at = 0;; fail_at++) {
            failalloc fa = {0};
            lev_network *net = oom_fixture(&fa);
            lev_params *p;
            cr_assert_eq(lev_params_new(&p), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, threads), LEV_OK);
            double deg[128];
            if (built) cr_assert_eq(lev_degree(net, NULL, deg), LEV_OK);
            char *before = dump_network(net);
            fa.fail_at = fa.calls + fail_at;
            fa.armed = 1;
            lev_status rc = op(net, p);
            fa.armed = 0;
            char *after = dump_network(net);
            int done = rc == LEV_OK;
            if (!done) {
                cr_assert_eq(rc, LEV_ENOMEM, "%s: allocation %ld failed with %s", what, fail_at, lev_status_name(rc));
                cr_assert_eq(lev_params_errcode(p), LEV_ENOMEM, "%s: not recorded on params", what);
                cr_assert(lev_params_errmsg(p)[0], "%s: no message", what);
                cr_assert_str_eq(after, before, "%s: allocation %ld changed the network", what, fail_at);
            }
            free(before);
            free(after);
            lev_params_free(p);
            lev_network_free(net);
            cr_assert_eq(fa.live_blocks, 0, "%s: allocation %ld: %ld blocks leaked", what, fail_at, fa.live_blocks);
            cr_assert_eq(fa.bad_osize, 0, "%s: allocation %ld: wrong osize", what, fail_at);
            if (done) break;
            cr_assert(fail_at < 10000, "%s never succeeded", what);
        }
        cr_log_info("%s (compact form %s): %ld allocation sites", what, built ? "built" : "not built", fail_at);
        if (!built) cr_assert(fail_at >= 1, "%s allocated nothing", what);
    }
}

/* Above 4096 actors lev_reciprocity() allocates its per-block sums (the fixture above has one
 * block, so nothing): a failure there leaves both outputs untouched and leaks nothing. */
Test(asymmetry, reciprocity_block_sums_allocation_failure) {
    failalloc fa = {0};
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
    test_add_actors(net, 5000, "a");
    for (uint32_t i = 0; i < 5000; i++) cr_assert_eq(lev_edge_add(net, i, (i * 7 + 1) % 5000, 1.5, NULL, NULL), LEV_OK);
    double *all = malloc(5000 * sizeof(double));
    cr_assert_eq(lev_degree(net, NULL, all), LEV_OK); /* the compact form */
    free(all);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    double a = 42, w = 42;
    fa.fail_at = fa.calls;
    fa.armed = 1;
    cr_assert_eq(lev_reciprocity(net, p, &a, &w), LEV_ENOMEM);
    fa.armed = 0;
    cr_assert_eq(lev_params_errcode(p), LEV_ENOMEM);
    cr_assert(strstr(lev_params_errmsg(p), "reciprocity"), "%s", lev_params_errmsg(p));
    cr_assert(a == 42 && w == 42);
    cr_assert_eq(lev_reciprocity(net, p, &a, &w), LEV_OK);
    /* i -> 7i + 1 (mod 5000) is returned for the 8 actors i = 104 (mod 625): 4 mutual pairs, 8 of 5000 ties */
    cr_assert_float_eq(a, 8.0 / 5000, 1e-15, "%.17g", a);
    cr_assert_float_eq(w, a, 1e-15, "equal strengths: %g %g", w, a);
    lev_params_free(p);
    lev_network_free(net);
    cr_assert_eq(fa.live_blocks, 0);
    cr_assert_eq(fa.bad_osize, 0);
}

Test(asymmetry, allocation_failure_sweep, .timeout = 120) {
    sweep("lev_centralization degree", op_centr_degree, 1);
    sweep("lev_centralization betweenness", op_centr_betweenness, 1);
    sweep("lev_centralization closeness", op_centr_closeness, 2);
    sweep("lev_reciprocity", op_reciprocity, 1);
    sweep("lev_dyad_census", op_dyad, 1);
    sweep("lev_triad_census", op_triad, 2);
    sweep("lev_asymmetry", op_asymmetry, 1);
    sweep("lev_krackhardt", op_krackhardt, 2);
    sweep("lev_flow_hierarchy", op_flow, 1);
}
