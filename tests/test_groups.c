/*
 * Groups: influence between groups, E–I index, assortativity by group and by score, rich club,
 * outsiders. References from tests/ref/make_refs_groups.py (tests/ref/ref_groups.h): NetworkX and
 * igraph where they have the measure (each array's comment holds the exact peer call),
 * independent exact code where no peer has it (E–I, the influence matrix, outsiders' shares).
 */
#include "helpers.h"

#include "ref/ref_groups.h"

#define TOL 1e-12
#define LEN(a) (sizeof a / sizeof a[0])

/* ---- fixtures ---------------------------------------------------------------------------------- */

typedef struct dset {
    const char *key, *edges, *actors;
    int directed;
    const ref_value *group; /* NULL: the actors file has them */
    size_t ngroup;
    const ref_value *score;
    size_t nscore;
} dset;

static const dset SETS[] = {
    {"florentine", "examples/data/florentine_edges.csv", "examples/data/florentine_actors.csv", 0, NULL, 0,
     ref_florentine_score, LEN(ref_florentine_score)},
    {"karate", "tests/data/karate_edges.csv", NULL, 0, ref_karate_group, LEN(ref_karate_group), ref_karate_score,
     LEN(ref_karate_score)},
    {"karate_weighted", "tests/data/karate_weighted_edges.csv", NULL, 0, ref_karate_weighted_group,
     LEN(ref_karate_weighted_group), ref_karate_weighted_score, LEN(ref_karate_weighted_score)},
    {"lesmis", "tests/data/lesmis_edges.csv", NULL, 0, ref_lesmis_group, LEN(ref_lesmis_group), ref_lesmis_score,
     LEN(ref_lesmis_score)},
    {"kite", "tests/data/kite_edges.csv", NULL, 0, ref_kite_group, LEN(ref_kite_group), ref_kite_score,
     LEN(ref_kite_score)},
    {"coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv", 1, ref_coleman_group,
     LEN(ref_coleman_group), ref_coleman_score, LEN(ref_coleman_score)},
    {"dangling", "tests/data/directed_dangling.csv", NULL, 1, ref_dangling_group, LEN(ref_dangling_group),
     ref_dangling_score, LEN(ref_dangling_score)},
};
enum { FLORENTINE, KARATE, KARATE_W, LESMIS, KITE, COLEMAN, DANGLING, NSETS };

/* Load a set and give its actors the reference groups (label "g<value>", none for -1). */
static lev_network *load_set(const dset *s) {
    char e[512], a[512];
    snprintf(e, sizeof e, "%s/%s", LEV_SOURCE_DIR, s->edges);
    if (s->actors) snprintf(a, sizeof a, "%s/%s", LEV_SOURCE_DIR, s->actors);
    lev_network *net = load_csv(e, s->actors ? a : NULL);
    for (size_t k = 0; s->group && k < s->ngroup; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, s->group[k].name, &i), LEV_OK, "%s", s->group[k].name);
        cr_assert_eq(i, k, "reference arrays list actors in index order");
        if (s->group[k].value < 0) continue;
        char label[16];
        snprintf(label, sizeof label, "g%d", (int)s->group[k].value);
        cr_assert_eq(lev_actor_set_group(net, i, label), LEV_OK);
    }
    return net;
}

static lev_params *params(int undirected, int weighted) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14), LEV_OK);
    return p;
}

static uint32_t group_index(const lev_network *net, const char *label) {
    for (uint32_t g = 0; g < lev_group_count(net); g++)
        if (!strcmp(lev_group_name(net, g), label)) return g;
    cr_assert_fail("no group %s", label);
    return LEV_NONE;
}

/* Compare a per-group result with a reference keyed by label (entries without a group of that
 * name, like "(overall)", are skipped). */
static double check_groups(const lev_network *net, const double *v, const ref_value *ref, size_t n, double tol,
                           const char *what) {
    double worst = 0;
    size_t seen = 0;
    for (size_t k = 0; k < n; k++) {
        if (ref[k].name[0] == '(') continue;
        uint32_t g = group_index(net, ref[k].name);
        double d = fabs(v[g] - ref[k].value);
        cr_assert(d <= tol, "%s: group %s: got %.17g, reference %.17g", what, ref[k].name, v[g], ref[k].value);
        if (d > worst) worst = d;
        seen++;
    }
    cr_assert_eq(seen, lev_group_count(net), "%s: every group has a reference", what);
    return worst;
}

static double worst_seen; /* per test (each runs in its own process) */

static void near(double got, double want, double tol, const char *what) {
    cr_assert(fabs(got - want) <= tol, "%s: got %.17g, reference %.17g", what, got, want);
    if (fabs(got - want) > worst_seen) worst_seen = fabs(got - want);
}

/* ---- assortativity by group ------------------------------------------------------------------ */

static double assort_groups(const lev_network *net, int undirected, int weighted) {
    lev_params *p = params(undirected, weighted);
    double r = -99;
    cr_assert_eq(lev_assortativity_groups(net, p, &r), LEV_OK, "%s", lev_params_errmsg(p));
    lev_params_free(p);
    return r;
}

Test(groups, assortativity_groups_matches_networkx_and_igraph) {
    static const struct {
        int set;
        double nx, ig, weighted;
    } und[] = {
        {FLORENTINE, ref_florentine_assort_groups_nx, ref_florentine_assort_groups_igraph, NAN},
        {KARATE, ref_karate_assort_groups_nx, ref_karate_assort_groups_igraph, NAN},
        {KARATE_W, ref_karate_weighted_assort_groups_nx, ref_karate_weighted_assort_groups_igraph,
         ref_karate_weighted_assort_groups_weighted},
        {LESMIS, ref_lesmis_assort_groups_nx, ref_lesmis_assort_groups_igraph, ref_lesmis_assort_groups_weighted},
        {KITE, ref_kite_assort_groups_nx, ref_kite_assort_groups_igraph, NAN},
    };
    for (size_t k = 0; k < LEN(und); k++) {
        lev_network *net = load_set(&SETS[und[k].set]);
        double r = assort_groups(net, 1, 0);
        near(r, und[k].nx, TOL, SETS[und[k].set].key);
        near(r, und[k].ig, TOL, SETS[und[k].set].key);
        double rw = assort_groups(net, 1, 1);
        near(rw, isnan(und[k].weighted) ? und[k].ig : und[k].weighted, TOL, "weighted");
        lev_network_free(net);
    }
    /* Directed sets: directed view (NetworkX on a MultiDiGraph and igraph agree) and undirected
     * view (igraph: every edge both ways, a self-loop twice). */
    lev_network *net = load_set(&SETS[COLEMAN]);
    near(assort_groups(net, 0, 0), ref_coleman_assort_groups_nx, TOL, "coleman");
    near(assort_groups(net, 0, 0), ref_coleman_assort_groups_igraph, TOL, "coleman");
    near(assort_groups(net, 1, 0), ref_coleman_assort_groups_und_igraph, TOL, "coleman undirected");
    lev_network_free(net);
    net = load_set(&SETS[DANGLING]); /* Grace has no group: her edges do not count */
    near(assort_groups(net, 0, 0), ref_dangling_assort_groups_nx, TOL, "dangling");
    near(assort_groups(net, 0, 0), ref_dangling_assort_groups_igraph, TOL, "dangling");
    near(assort_groups(net, 1, 0), ref_dangling_assort_groups_und_igraph, TOL, "dangling undirected");
    near(assort_groups(net, 0, 1), ref_dangling_assort_groups_weighted, TOL, "dangling weighted");
    near(assort_groups(net, 1, 1), ref_dangling_assort_groups_und_weighted, TOL, "dangling undirected weighted");
    /* doc: LEV_P_WEIGHTED defaults to 1 */
    double r;
    cr_assert_eq(lev_assortativity_groups(net, NULL, &r), LEV_OK);
    near(r, ref_dangling_assort_groups_weighted, TOL, "defaults");
    lev_network_free(net);
    cr_log_info("assortativity by group: max |diff| %.3g", worst_seen);
}

Test(groups, assortativity_groups_hand_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double r = 5;
    /* doc: NaN when undefined — no edges between labelled actors */
    cr_assert_eq(lev_assortativity_groups(net, NULL, &r), LEV_OK);
    cr_assert(isnan(r));
    cr_assert_eq(lev_actor_add(net, "a", "x", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "b", "x", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "c", "y", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "d", "y", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "e", NULL, NULL), LEV_OK);
    r = 5;
    cr_assert_eq(lev_assortativity_groups(net, NULL, &r), LEV_OK);
    cr_assert(isnan(r));
    /* all ties inside one group, one group present: Σ a·b = 1, undefined */
    cr_assert_eq(lev_edge_add(net, 0, 1, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_assortativity_groups(net, NULL, &r), LEV_OK);
    cr_assert(isnan(r));
    /* a–b, c–d: perfectly assortative; the tie to unlabelled e is ignored */
    cr_assert_eq(lev_edge_add(net, 2, 3, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 4, 0, 7, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_assortativity_groups(net, NULL, &r), LEV_OK);
    near(r, 1, 0, "assortative");
    /* a–c, b–d instead: perfectly disassortative (undirected: r = −1) */
    lev_network_free(net);
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_actor_add(net, "a", "x", NULL);
    lev_actor_add(net, "b", "x", NULL);
    lev_actor_add(net, "c", "y", NULL);
    lev_actor_add(net, "d", "y", NULL);
    lev_edge_add(net, 0, 2, 1, NULL, NULL);
    lev_edge_add(net, 1, 3, 1, NULL, NULL);
    lev_params *p = params(1, 1);
    cr_assert_eq(lev_assortativity_groups(net, p, &r), LEV_OK);
    near(r, -1, 1e-15, "disassortative");
    /* an undirected self-loop counts twice, as igraph: a:x, b:x, c:y with a–a, a–b, b–c gives
     * −0.2 (igraph's assortativity_nominal(directed=False); NetworkX, counting the loop once,
     * gives −0.25) */
    {
        lev_network *t;
        cr_assert_eq(lev_network_new(&t), LEV_OK);
        lev_actor_add(t, "a", "x", NULL);
        lev_actor_add(t, "b", "x", NULL);
        lev_actor_add(t, "c", "y", NULL);
        lev_edge_add(t, 0, 0, 1, NULL, NULL);
        lev_edge_add(t, 0, 1, 1, NULL, NULL);
        lev_edge_add(t, 1, 2, 1, NULL, NULL);
        cr_assert_eq(lev_assortativity_groups(t, p, &r), LEV_OK);
        near(r, -0.2, 1e-15, "self-loop twice");
        lev_network_free(t);
    }
    /* directed a→c, b→d: a and b only send, c and d only receive: Σ a·b = 0, r = 0 */
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 0), LEV_OK);
    cr_assert_eq(lev_assortativity_groups(net, p, &r), LEV_OK);
    near(r, 0, 0, "directed");
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- assortativity by score ------------------------------------------------------------------- */

static double *score_vector(const lev_network *net, const ref_value *ref, size_t n) {
    double *x = calloc(lev_actor_count(net), sizeof *x);
    for (size_t k = 0; k < n; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, ref[k].name, &i), LEV_OK);
        x[i] = ref[k].value;
    }
    return x;
}

static double assort_score(const lev_network *net, const double *x, int undirected, int weighted) {
    lev_params *p = params(undirected, weighted);
    double r = -99;
    cr_assert_eq(lev_assortativity(net, x, p, &r), LEV_OK, "%s", lev_params_errmsg(p));
    lev_params_free(p);
    return r;
}

Test(groups, assortativity_score_matches_networkx_and_igraph) {
    static const struct {
        int set;
        double nx, ig, weighted;
    } und[] = {
        {FLORENTINE, ref_florentine_assort_score_nx, ref_florentine_assort_score_igraph, NAN},
        {KARATE, ref_karate_assort_score_nx, ref_karate_assort_score_igraph, NAN},
        {KARATE_W, ref_karate_weighted_assort_score_nx, ref_karate_weighted_assort_score_igraph,
         ref_karate_weighted_assort_score_weighted},
        {LESMIS, ref_lesmis_assort_score_nx, ref_lesmis_assort_score_igraph, ref_lesmis_assort_score_weighted},
        {KITE, ref_kite_assort_score_nx, ref_kite_assort_score_igraph, NAN},
    };
    for (size_t k = 0; k < LEN(und); k++) {
        const dset *s = &SETS[und[k].set];
        lev_network *net = load_set(s);
        double *x = score_vector(net, s->score, s->nscore);
        double r = assort_score(net, x, 1, 0);
        near(r, und[k].nx, TOL, s->key);
        near(r, und[k].ig, TOL, s->key);
        near(assort_score(net, x, 1, 1), isnan(und[k].weighted) ? und[k].ig : und[k].weighted, TOL, "weighted");
        free(x);
        lev_network_free(net);
    }
    lev_network *net = load_set(&SETS[COLEMAN]);
    double *x = score_vector(net, ref_coleman_score, LEN(ref_coleman_score));
    near(assort_score(net, x, 0, 0), ref_coleman_assort_score_nx, TOL, "coleman");
    near(assort_score(net, x, 0, 0), ref_coleman_assort_score_igraph, TOL, "coleman");
    near(assort_score(net, x, 1, 0), ref_coleman_assort_score_und_igraph, TOL, "coleman undirected");
    free(x);
    lev_network_free(net);
    net = load_set(&SETS[DANGLING]);
    x = score_vector(net, ref_dangling_score, LEN(ref_dangling_score));
    near(assort_score(net, x, 0, 0), ref_dangling_assort_score_nx, TOL, "dangling");
    near(assort_score(net, x, 0, 0), ref_dangling_assort_score_igraph, TOL, "dangling");
    near(assort_score(net, x, 1, 0), ref_dangling_assort_score_und_igraph, TOL, "dangling undirected");
    near(assort_score(net, x, 0, 1), ref_dangling_assort_score_weighted, TOL, "dangling weighted");
    near(assort_score(net, x, 1, 1), ref_dangling_assort_score_und_weighted, TOL, "dangling undirected weighted");
    free(x);
    lev_network_free(net);
    /* Florentine with wealth as the score */
    net = load_set(&SETS[FLORENTINE]);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL),
                 LEV_OK);
    double wealth[16];
    cr_assert_eq(lev_resource_amounts(net, 0, wealth, NULL), LEV_OK);
    near(assort_score(net, wealth, 1, 1), ref_florentine_assort_wealth_nx, TOL, "wealth");
    near(assort_score(net, wealth, 1, 1), ref_florentine_assort_wealth_igraph, TOL, "wealth");
    lev_network_free(net);
    cr_log_info("assortativity by score: max |diff| %.3g", worst_seen);
}

Test(groups, assortativity_score_edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double r = 5, x[3] = {1, 2, 3};
    cr_assert_eq(lev_assortativity(net, x, NULL, &r), LEV_OK); /* no edges: NaN */
    cr_assert(isnan(r));
    lev_actor_add(net, "a", NULL, NULL);
    lev_actor_add(net, "b", NULL, NULL);
    lev_actor_add(net, "c", NULL, NULL);
    lev_edge_add(net, 0, 1, 1, NULL, NULL);
    lev_edge_add(net, 1, 2, 1, NULL, NULL);
    /* directed a→b→c with x = 1, 2, 3: sources (1, 2), targets (2, 3): r = 1 */
    cr_assert_eq(lev_assortativity(net, x, NULL, &r), LEV_OK);
    near(r, 1, 1e-15, "chain");
    /* undirected: pairs (1,2),(2,1),(2,3),(3,2): both means 2, covariance 0: r = 0 */
    lev_params *p = params(1, 1);
    cr_assert_eq(lev_assortativity(net, x, p, &r), LEV_OK);
    near(r, 0, 1e-15, "path");
    /* x = 1, 2, 1: pairs (1,2),(2,1),(2,1),(1,2): r = −1 */
    double y[3] = {1, 2, 1};
    cr_assert_eq(lev_assortativity(net, y, p, &r), LEV_OK);
    near(r, -1, 1e-15, "path, alternating");
    /* a constant score: zero variance, NaN */
    double c[3] = {4, 4, 4};
    cr_assert_eq(lev_assortativity(net, c, p, &r), LEV_OK);
    cr_assert(isnan(r));
    /* errors: outputs untouched */
    r = 5;
    double bad[3] = {1, NAN, 3}, inf[3] = {1, 2, INFINITY};
    cr_assert_eq(lev_assortativity(net, bad, p, &r), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "\"b\""), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_assortativity(net, inf, p, &r), LEV_EINVAL);
    cr_assert_eq(lev_assortativity(net, NULL, p, &r), LEV_EMISUSE);
    cr_assert_eq(lev_assortativity(net, x, p, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_assortativity(NULL, x, p, &r), LEV_EMISUSE);
    cr_assert_eq(r, 5);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- E–I index ------------------------------------------------------------------------------- */

static void check_ei(const lev_network *net, int weighted, const ref_value *ref, size_t n, const char *what) {
    lev_params *p = params(0, weighted);
    double *per = calloc(lev_group_count(net) + 1, sizeof *per), all = -9;
    cr_assert_eq(lev_ei_index(net, p, per, &all), LEV_OK);
    check_groups(net, per, ref, n, TOL, what);
    cr_assert_str_eq(ref[n - 1].name, "(overall)");
    near(all, ref[n - 1].value, TOL, what);
    /* LEV_P_UNDIRECTED changes nothing: each tie counts once either way */
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    double all2;
    cr_assert_eq(lev_ei_index(net, p, NULL, &all2), LEV_OK);
    cr_assert_eq(all, all2);
    free(per);
    lev_params_free(p);
}

Test(groups, ei_index_matches_exact_counts) {
    static const struct {
        int set;
        const ref_value *unw, *w;
        size_t nu, nw;
    } cases[] = {
        {FLORENTINE, ref_florentine_ei, NULL, LEN(ref_florentine_ei), 0},
        {KARATE, ref_karate_ei, NULL, LEN(ref_karate_ei), 0},
        {KARATE_W, ref_karate_weighted_ei, ref_karate_weighted_ei_weighted, LEN(ref_karate_weighted_ei),
         LEN(ref_karate_weighted_ei_weighted)},
        {LESMIS, ref_lesmis_ei, ref_lesmis_ei_weighted, LEN(ref_lesmis_ei), LEN(ref_lesmis_ei_weighted)},
        {KITE, ref_kite_ei, NULL, LEN(ref_kite_ei), 0},
        {COLEMAN, ref_coleman_ei, NULL, LEN(ref_coleman_ei), 0},
        {DANGLING, ref_dangling_ei, ref_dangling_ei_weighted, LEN(ref_dangling_ei), LEN(ref_dangling_ei_weighted)},
    };
    for (size_t k = 0; k < LEN(cases); k++) {
        lev_network *net = load_set(&SETS[cases[k].set]);
        check_ei(net, 0, cases[k].unw, cases[k].nu, SETS[cases[k].set].key);
        if (cases[k].w) check_ei(net, 1, cases[k].w, cases[k].nw, SETS[cases[k].set].key);
        lev_network_free(net);
    }
}

Test(groups, ei_index_florentine_factions_by_hand) {
    /* 20 marriage ties: 6 between the factions (Albizzi–Ginori, Albizzi–Medici, Barbadori–Medici,
     * Guadagni–Tornabuoni, Medici–Ridolfi, Ridolfi–Tornabuoni), 4 inside the Medicean faction,
     * 10 inside the oligarchs. Medicean (6 − 4)/10 = 0.2, oligarch (6 − 10)/16 = −0.25,
     * overall (6 − 14)/20 = −0.4. */
    lev_network *net = load_set(&SETS[FLORENTINE]);
    double per[2], all;
    cr_assert_eq(lev_ei_index(net, NULL, per, &all), LEV_OK);
    near(per[group_index(net, "medicean")], 0.2, 1e-15, "medicean");
    near(per[group_index(net, "oligarch")], -0.25, 0, "oligarch");
    near(all, -0.4, 1e-15, "overall");
    lev_network_free(net);
}

Test(groups, ei_index_edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double all = 5, per[3] = {7, 7, 7};
    cr_assert_eq(lev_ei_index(net, NULL, NULL, &all), LEV_OK); /* doc: 0 without ties */
    cr_assert_eq(all, 0);
    lev_actor_add(net, "a", "x", NULL);
    lev_actor_add(net, "b", "y", NULL);
    lev_actor_add(net, "c", NULL, NULL);
    lev_actor_add(net, "d", "z", NULL); /* z: no ties */
    lev_edge_add(net, 0, 0, 5, NULL, NULL); /* self-loop: ignored */
    lev_edge_add(net, 0, 2, 5, NULL, NULL); /* to unlabelled c: ignored */
    lev_edge_add(net, 0, 1, 2, NULL, NULL);
    lev_edge_add(net, 1, 0, 1, "again", NULL); /* reciprocated: a second tie */
    cr_assert_eq(lev_ei_index(net, NULL, per, &all), LEV_OK);
    near(per[0], 1, 0, "x");
    near(per[1], 1, 0, "y");
    near(per[2], 0, 0, "z: no ties, 0");
    near(all, 1, 0, "overall");
    cr_assert_eq(lev_ei_index(net, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_ei_index(NULL, NULL, per, &all), LEV_EMISUSE);
    lev_network_free(net);
}

/* ---- influence between groups ------------------------------------------------------------------ */

Test(groups, group_influence_matches_references) {
    static const struct {
        int set;
        const ref_value *matrix, *actors, *influence;
        size_t nm, na, ni;
    } cases[] = {
#define C(S, s) {S, ref_##s##_influence_matrix, ref_##s##_actor_share, ref_##s##_influence_share_igraph, \
                 LEN(ref_##s##_influence_matrix), LEN(ref_##s##_actor_share), LEN(ref_##s##_influence_share_igraph)}
        C(FLORENTINE, florentine), C(KARATE, karate), C(KARATE_W, karate_weighted), C(LESMIS, lesmis),
        C(KITE, kite), C(COLEMAN, coleman), C(DANGLING, dangling),
#undef C
    };
    double worst_pr = 0;
    for (size_t k = 0; k < LEN(cases); k++) {
        const dset *s = &SETS[cases[k].set];
        lev_network *net = load_set(s);
        lev_params *p = params(!s->directed, 1);
        size_t G = lev_group_count(net);
        double *M = calloc(G * G, sizeof *M), *as = calloc(G, sizeof *as), *is = calloc(G, sizeof *is);
        cr_assert_eq(lev_group_influence(net, p, M, as, is), LEV_OK, "%s", lev_params_errmsg(p));
        cr_assert_eq(cases[k].nm, G * G);
        for (size_t e = 0; e < cases[k].nm; e++) {
            char a[16], b[16];
            cr_assert_eq(sscanf(cases[k].matrix[e].name, "%15[^|]|%15s", a, b), 2);
            double v = M[group_index(net, a) * G + group_index(net, b)];
            near(v, cases[k].matrix[e].value, 0, cases[k].matrix[e].name); /* float32 strengths: exact here */
        }
        check_groups(net, as, cases[k].actors, cases[k].na, 1e-15, "actor share");
        double d = check_groups(net, is, cases[k].influence, cases[k].ni, TOL, "influence share");
        if (d > worst_pr) worst_pr = d;
        /* each output alone gives the same */
        double *is2 = calloc(G, sizeof *is2);
        cr_assert_eq(lev_group_influence(net, p, NULL, NULL, is2), LEV_OK);
        cr_assert_eq(memcmp(is, is2, G * sizeof *is), 0);
        free(is2);
        free(M);
        free(as);
        free(is);
        lev_params_free(p);
        lev_network_free(net);
    }
    cr_log_info("group influence share: max |diff| vs igraph PRPACK %.3g", worst_pr);
}

Test(groups, group_influence_hand_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double M[9] = {0};
    /* doc: no groups: LEV_OK, nothing written */
    cr_assert_eq(lev_group_influence(net, NULL, M, NULL, NULL), LEV_OK);
    lev_actor_add(net, "a", "x", NULL);
    lev_actor_add(net, "b", "y", NULL);
    lev_actor_add(net, "c", NULL, NULL);
    lev_actor_add(net, "d", "x", NULL);
    lev_edge_add(net, 0, 1, 2, NULL, NULL);
    lev_edge_add(net, 0, 1, 0.5, "other", NULL); /* parallel: adds */
    lev_edge_add(net, 3, 0, 1, NULL, NULL);
    lev_edge_add(net, 3, 3, 4, NULL, NULL); /* self-loop: inside x */
    lev_edge_add(net, 2, 1, 9, NULL, NULL); /* from unlabelled: ignored */
    double as[2], is[2];
    cr_assert_eq(lev_group_influence(net, NULL, M, as, is), LEV_OK);
    near(M[0], 5, 0, "x→x");
    near(M[1], 2.5, 0, "x→y");
    near(M[2], 0, 0, "y→x");
    near(M[3], 0, 0, "y→y");
    near(as[0], 0.5, 0, "x: 2 of 4 actors");
    near(as[1], 0.25, 0, "y: 1 of 4 (c has none)");
    double pr[4];
    cr_assert_eq(lev_pagerank(net, NULL, NULL, pr), LEV_OK);
    near(is[0], pr[0] + pr[3], 1e-15, "x's PageRank");
    near(is[1], pr[1], 1e-15, "y's PageRank");
    lev_params *p = params(1, 0); /* undirected, unweighted: each edge 1, both ways */
    cr_assert_eq(lev_group_influence(net, p, M, NULL, NULL), LEV_OK);
    near(M[0], 4, 0, "x–x: d→a twice, the loop twice");
    near(M[1], 2, 0, "x–y");
    near(M[2], 2, 0, "y–x");
    lev_params_free(p);
    /* a group nobody uses any more */
    lev_actor_set_group(net, 1, "z");
    double M3[9], as3[3];
    cr_assert_eq(lev_group_influence(net, NULL, M3, as3, NULL), LEV_OK);
    near(as3[1], 0, 0, "y is empty");
    near(M3[0 * 3 + 2], 2.5, 0, "x→z");
    /* errors */
    cr_assert_eq(lev_group_influence(net, NULL, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_group_influence(NULL, NULL, M, NULL, NULL), LEV_EMISUSE);
    lev_network_free(net);
}

/* ---- rich club ------------------------------------------------------------------------------------ */

static void check_rich_club(const lev_network *net, const ref_value *ref, size_t n, const char *what) {
    size_t len = 999;
    /* doc: cap 0 asks for the length */
    lev_status rc = lev_rich_club(net, NULL, 0, NULL, NULL, &len);
    cr_assert_eq(rc, n ? LEV_ERANGE : LEV_OK);
    cr_assert_eq(len, n, "%s: len %zu, NetworkX has %zu values", what, len, n);
    double *raw = malloc((n + 1) * sizeof *raw);
    cr_assert_eq(lev_rich_club(net, NULL, n, raw, NULL, &len), LEV_OK);
    for (size_t k = 0; k < n; k++) {
        cr_assert_eq((size_t)atoi(ref[k].name), k);
        near(raw[k], ref[k].value, 1e-15, what);
    }
    free(raw);
}

Test(groups, rich_club_raw_matches_networkx) {
    static const struct {
        int set;
        const ref_value *ref;
        size_t n;
    } cases[] = {
        {FLORENTINE, ref_florentine_rich_club_nx, LEN(ref_florentine_rich_club_nx)},
        {KARATE, ref_karate_rich_club_nx, LEN(ref_karate_rich_club_nx)},
        {KARATE_W, ref_karate_weighted_rich_club_nx, LEN(ref_karate_weighted_rich_club_nx)},
        {LESMIS, ref_lesmis_rich_club_nx, LEN(ref_lesmis_rich_club_nx)},
        {KITE, ref_kite_rich_club_nx, LEN(ref_kite_rich_club_nx)},
        {COLEMAN, ref_coleman_rich_club_nx, LEN(ref_coleman_rich_club_nx)},
        {DANGLING, ref_dangling_rich_club_nx, LEN(ref_dangling_rich_club_nx)},
    };
    for (size_t k = 0; k < LEN(cases); k++) {
        lev_network *net = load_set(&SETS[cases[k].set]);
        check_rich_club(net, cases[k].ref, cases[k].n, SETS[cases[k].set].key);
        lev_network_free(net);
    }
}

Test(groups, rich_club_closed_forms) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    size_t len = 9;
    double raw[8], nrm[8];
    /* empty, one actor, no edges: len 0 */
    cr_assert_eq(lev_rich_club(net, NULL, 0, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0);
    lev_actor_add(net, "hub", NULL, NULL);
    cr_assert_eq(lev_rich_club(net, NULL, 8, raw, nrm, &len), LEV_OK);
    cr_assert_eq(len, 0);
    /* a star of 5 leaves: second-largest degree 1, so only k = 0: φ(0) = 2·5/(6·5) = 1/3 */
    char nm[16];
    for (int i = 0; i < 5; i++) {
        snprintf(nm, sizeof nm, "l%d", i);
        lev_actor_add(net, nm, NULL, NULL);
        lev_edge_add(net, 0, (uint32_t)i + 1, 1, NULL, NULL);
    }
    cr_assert_eq(lev_rich_club(net, NULL, 8, raw, nrm, &len), LEV_OK);
    cr_assert_eq(len, 1);
    near(raw[0], 1.0 / 3, 1e-15, "star");
    near(nrm[0], 1, 1e-15, "a star admits no swap: normalized 1");
    lev_network_free(net);
    /* complete graph K5 with a self-loop, parallel and reciprocal edges: the simple view is K5,
     * degrees 4: φ(k) = 1 for k = 0..3 */
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (int i = 0; i < 5; i++) {
        snprintf(nm, sizeof nm, "k%d", i);
        lev_actor_add(net, nm, NULL, NULL);
    }
    for (uint32_t i = 0; i < 5; i++)
        for (uint32_t j = 0; j < 5; j++)
            if (i != j) lev_edge_add(net, i, j, 1, NULL, NULL);
    lev_edge_add(net, 0, 0, 1, NULL, NULL);
    lev_edge_add(net, 0, 1, 3, "again", NULL);
    cr_assert_eq(lev_rich_club(net, NULL, 8, raw, nrm, &len), LEV_OK);
    cr_assert_eq(len, 4);
    for (int k = 0; k < 4; k++) {
        near(raw[k], 1, 0, "K5");
        near(nrm[k], 1, 0, "K5 normalized");
    }
    /* too small a cap: LEV_ERANGE, the length in len, outputs untouched */
    raw[0] = -7;
    len = 0;
    cr_assert_eq(lev_rich_club(net, NULL, 3, raw, nrm, &len), LEV_ERANGE);
    cr_assert_eq(len, 4);
    cr_assert_eq(raw[0], -7);
    cr_assert_eq(lev_rich_club(net, NULL, 3, raw, nrm, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_rich_club(NULL, NULL, 3, raw, nrm, &len), LEV_EMISUSE);
    lev_network_free(net);
}

/* An Erdős–Rényi graph G(n, p) from a fixed LCG. */
static lev_network *er_graph(uint32_t n, double pe, uint64_t seed) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    char nm[16];
    for (uint32_t i = 0; i < n; i++) {
        snprintf(nm, sizeof nm, "v%u", i);
        lev_actor_add(net, nm, NULL, NULL);
    }
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = i + 1; j < n; j++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            if ((double)(seed >> 11) * 0x1.0p-53 < pe) lev_edge_add(net, i, j, 1, NULL, NULL);
        }
    return net;
}

Test(groups, rich_club_normalized_reproducible_and_near_one) {
    lev_network *net = er_graph(400, 0.03, 7);
    size_t len;
    lev_rich_club(net, NULL, 0, NULL, NULL, &len);
    double *ref = malloc(len * sizeof *ref), *x = malloc(len * sizeof *x), *raw = malloc(len * sizeof *raw);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SAMPLES, 7), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 12345), LEV_OK);
    for (int t = 1; t <= 3; t++) {
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
        cr_assert_eq(lev_rich_club(net, p, len, raw, t == 1 ? ref : x, &len), LEV_OK);
        if (t > 1) cr_assert_eq(memcmp(ref, x, len * sizeof *x), 0, "threads %d", t);
    }
    /* same seed, same answer; another seed, another answer */
    cr_assert_eq(lev_rich_club(net, p, len, NULL, x, &len), LEV_OK);
    cr_assert_eq(memcmp(ref, x, len * sizeof *x), 0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 99), LEV_OK);
    cr_assert_eq(lev_rich_club(net, p, len, NULL, x, &len), LEV_OK);
    cr_assert_neq(memcmp(ref, x, len * sizeof *x), 0);
    /* A random graph has no rich club beyond chance: ≈ 1 while the club is large (k up to 10,
     * below the mean degree 12, where over 200 of the 400 actors are in it; further up the
     * club is a few dozen actors and this one graph's own fluctuations show: 0.88 at k = 14,
     * the same with 100 rewirings as with 20). */
    double worst = 0;
    for (size_t k = 0; k <= 10 && k < len; k++)
        if (fabs(ref[k] - 1) > worst) worst = fabs(ref[k] - 1);
    cr_log_info("rich club on G(400, 0.03): %zu values, max |normalized − 1| for k ≤ 10: %.4f", len, worst);
    cr_assert(worst < 0.015, "normalized φ should be ≈ 1 on a random graph (worst %.4f)", worst);
    free(ref);
    free(x);
    free(raw);
    lev_params_free(p);
    lev_network_free(net);
}

Test(groups, rich_club_normalized_detects_a_rich_club) {
    /* A clique of 8 hubs, each also with 6 private leaves, plus a ring through the leaves:
     * the hubs are far more connected among themselves than rewiring gives. */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    char nm[16];
    for (uint32_t i = 0; i < 8 + 48; i++) {
        snprintf(nm, sizeof nm, "n%u", i);
        lev_actor_add(net, nm, NULL, NULL);
    }
    for (uint32_t i = 0; i < 8; i++)
        for (uint32_t j = i + 1; j < 8; j++) lev_edge_add(net, i, j, 1, NULL, NULL);
    for (uint32_t i = 0; i < 48; i++) {
        lev_edge_add(net, i / 6, 8 + i, 1, NULL, NULL);
        lev_edge_add(net, 8 + i, 8 + (i + 1) % 48, 1, NULL, NULL);
    }
    size_t len;
    double raw[32], nrm[32];
    cr_assert_eq(lev_rich_club(net, NULL, 32, raw, nrm, &len), LEV_OK);
    cr_assert_eq(len, 13); /* hubs have degree 13 */
    near(raw[3], 1, 0, "k = 3: the 8 hubs form a clique");
    cr_assert(nrm[3] > 1.2, "normalized %.3f", nrm[3]);
    lev_network_free(net);
}

/* ---- outsiders ------------------------------------------------------------------------------------ */

static void outsiders_run(const lev_network *net, lev_params *p, double *share, uint32_t *code) {
    cr_assert_eq(lev_outsiders(net, p, share, code), LEV_OK, "%s", lev_params_errmsg(p));
}

Test(groups, outsiders_match_references) {
    static const struct {
        int set;
        const ref_value *unw, *w;
        size_t nu, nw;
    } cases[] = {
        {FLORENTINE, ref_florentine_outsiders_group, NULL, LEN(ref_florentine_outsiders_group), 0},
        {KARATE, ref_karate_outsiders_group, NULL, LEN(ref_karate_outsiders_group), 0},
        {KARATE_W, ref_karate_weighted_outsiders_group, ref_karate_weighted_outsiders_group_weighted,
         LEN(ref_karate_weighted_outsiders_group), LEN(ref_karate_weighted_outsiders_group_weighted)},
        {LESMIS, ref_lesmis_outsiders_group, ref_lesmis_outsiders_group_weighted, LEN(ref_lesmis_outsiders_group),
         LEN(ref_lesmis_outsiders_group_weighted)},
        {KITE, ref_kite_outsiders_group, NULL, LEN(ref_kite_outsiders_group), 0},
        {COLEMAN, ref_coleman_outsiders_group, NULL, LEN(ref_coleman_outsiders_group), 0},
        {DANGLING, ref_dangling_outsiders_group, ref_dangling_outsiders_group_weighted,
         LEN(ref_dangling_outsiders_group), LEN(ref_dangling_outsiders_group_weighted)},
    };
    for (size_t k = 0; k < LEN(cases); k++) {
        const dset *s = &SETS[cases[k].set];
        lev_network *net = load_set(s);
        size_t n = lev_actor_count(net);
        double *sh = calloc(n, sizeof *sh);
        uint32_t *code = calloc(n, sizeof *code);
        for (int weighted = 0; weighted <= 1; weighted++) {
            const ref_value *ref = weighted ? cases[k].w : cases[k].unw;
            if (!ref) continue;
            lev_params *p = params(!s->directed, weighted);
            outsiders_run(net, p, sh, code);
            check_ref(net, sh, ref, n, 1e-15, s->key);
            double thr;
            cr_assert_eq(lev_params_get_double(p, LEV_P_THRESHOLD, &thr), LEV_OK);
            cr_assert_eq(thr, 0.1, "doc: default threshold 0.1");
            for (size_t i = 0; i < n; i++)
                if (code[i] != 2) {
                    int connected = 0;
                    for (size_t e = 0; e < lev_edge_count(net) && !connected; e++) {
                        uint32_t a, b;
                        lev_edge_get(net, e, &a, &b, NULL, NULL);
                        connected = a != b && (a == i || b == i);
                    }
                    cr_assert_eq(code[i], connected && sh[i] < thr ? 1u : 0u, "%s actor %zu", s->key, i);
                }
            lev_params_free(p);
        }
        free(sh);
        free(code);
        lev_network_free(net);
    }
}

Test(groups, outsiders_florentine_by_hand) {
    /* The oligarchs hold 61.6% of PageRank: they are the in-crowd. Medicean families whose ties
     * reach no oligarch are outsiders: Acciaiuoli (tie to Medici only), Pazzi (Salviati),
     * Salviati (Medici, Pazzi). Ginori (tie to Albizzi: share 1), Medici (3 of 6 ties to
     * oligarchs) and Tornabuoni (2 of 3) are not; Pucci has no tie at all, so is not counted. */
    lev_network *net = load_set(&SETS[FLORENTINE]);
    lev_params *p = params(1, 1);
    double sh[16];
    uint32_t code[16];
    outsiders_run(net, p, sh, code);
    static const char *const out[] = {"Acciaiuoli", "Pazzi", "Salviati"};
    for (uint32_t i = 0; i < 16; i++) {
        const char *name = lev_actor_name(net, i);
        int is_out = 0;
        for (int k = 0; k < 3; k++) is_out |= !strcmp(name, out[k]);
        uint32_t want = !strcmp(lev_actor_group(net, i), "oligarch") ? 2u : is_out ? 1u : 0u;
        cr_assert_eq(code[i], want, "%s: %u, expected %u", name, code[i], want);
    }
    uint32_t medici;
    lev_actor_find(net, "Medici", &medici);
    near(sh[medici], 0.5, 0, "Medici");
    /* threshold 0.6: Medici (0.5) becomes an outsider too; threshold 0: nobody */
    cr_assert_eq(lev_params_set_double(p, LEV_P_THRESHOLD, 0.6), LEV_OK);
    outsiders_run(net, p, NULL, code);
    cr_assert_eq(code[medici], 1);
    cr_assert_eq(lev_params_set_double(p, LEV_P_THRESHOLD, 0), LEV_OK);
    outsiders_run(net, p, NULL, code);
    for (uint32_t i = 0; i < 16; i++) cr_assert_neq(code[i], 1);
    /* the in-crowd as the innermost core: the 2-core of 10 families; only Pazzi (tie to
     * Salviati, outside it) is an outsider */
    cr_assert_eq(lev_params_set_double(p, LEV_P_THRESHOLD, 0.1), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_INCROWD, LEV_INCROWD_CORE), LEV_OK);
    outsiders_run(net, p, sh, code);
    check_ref(net, sh, ref_florentine_outsiders_core, 16, 1e-15, "core shares");
    for (uint32_t i = 0; i < 16; i++) {
        uint32_t want = ref_florentine_core_members[i].value == 1 ? 2u : !strcmp(lev_actor_name(net, i), "Pazzi");
        cr_assert_str_eq(ref_florentine_core_members[i].name, lev_actor_name(net, i));
        cr_assert_eq(code[i], want, "%s", lev_actor_name(net, i));
    }
    lev_params_free(p);
    lev_network_free(net);
}

Test(groups, outsiders_core_matches_references) {
    static const struct {
        int set;
        const ref_value *share, *members;
        size_t n;
    } cases[] = {
        {KARATE, ref_karate_outsiders_core, ref_karate_core_members, LEN(ref_karate_core_members)},
        {KARATE_W, ref_karate_weighted_outsiders_core, ref_karate_weighted_core_members,
         LEN(ref_karate_weighted_core_members)},
        {LESMIS, ref_lesmis_outsiders_core, ref_lesmis_core_members, LEN(ref_lesmis_core_members)},
        {KITE, ref_kite_outsiders_core, ref_kite_core_members, LEN(ref_kite_core_members)},
    };
    for (size_t k = 0; k < LEN(cases); k++) {
        lev_network *net = load_set(&SETS[cases[k].set]);
        size_t n = lev_actor_count(net);
        lev_params *p = params(1, 1);
        cr_assert_eq(lev_params_set_int(p, LEV_P_INCROWD, LEV_INCROWD_CORE), LEV_OK);
        double *sh = calloc(n, sizeof *sh);
        uint32_t *code = calloc(n, sizeof *code);
        outsiders_run(net, p, sh, code);
        check_ref(net, sh, cases[k].share, n, 1e-15, SETS[cases[k].set].key);
        for (size_t i = 0; i < n; i++) {
            uint32_t j;
            lev_actor_find(net, cases[k].members[i].name, &j);
            cr_assert_eq(code[j] == 2, cases[k].members[i].value == 1, "%s", cases[k].members[i].name);
        }
        free(sh);
        free(code);
        lev_params_free(p);
        lev_network_free(net);
    }
}

Test(groups, outsiders_core_is_lev_coreness_innermost) {
    /* On a directed set the in-crowd is the top core of lev_coreness() with LEV_P_UNDIRECTED 1
     * (edge records count one each: a reciprocated choice counts twice). */
    lev_network *net = load_set(&SETS[COLEMAN]);
    size_t n = lev_actor_count(net);
    lev_params *p = params(1, 1);
    double *core = calloc(n, sizeof *core), top = 0;
    cr_assert_eq(lev_coreness(net, p, core), LEV_OK);
    for (size_t i = 0; i < n; i++)
        if (core[i] > top) top = core[i];
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 0), LEV_OK); /* the in-crowd ignores it */
    cr_assert_eq(lev_params_set_int(p, LEV_P_INCROWD, LEV_INCROWD_CORE), LEV_OK);
    uint32_t *code = calloc(n, sizeof *code);
    outsiders_run(net, p, NULL, code);
    size_t members = 0;
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(code[i] == 2, core[i] == top, "actor %zu", i);
        members += code[i] == 2;
    }
    cr_log_info("coleman: innermost core %g has %zu actors", top, members);
    free(core);
    free(code);
    lev_params_free(p);
    lev_network_free(net);
}

Test(groups, outsiders_edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    double sh[4] = {-1, -1, -1, -1};
    uint32_t code[4] = {9, 9, 9, 9};
    /* doc: LEV_EINVAL for LEV_INCROWD_GROUP without groups (even when empty) */
    cr_assert_eq(lev_outsiders(net, p, sh, code), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "no actor has a group"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_params_set_int(p, LEV_P_INCROWD, LEV_INCROWD_CORE), LEV_OK);
    cr_assert_eq(lev_outsiders(net, p, sh, code), LEV_OK); /* empty: nothing to write */
    lev_actor_add(net, "a", NULL, NULL);
    lev_actor_add(net, "b", NULL, NULL);
    lev_actor_add(net, "c", NULL, NULL);
    lev_actor_add(net, "d", NULL, NULL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_INCROWD, LEV_INCROWD_GROUP), LEV_OK);
    cr_assert_eq(lev_outsiders(net, p, sh, code), LEV_EINVAL);
    cr_assert(sh[0] == -1 && code[0] == 9, "outputs untouched");
    /* directed: a→b, c→b, c→d, d→d; group x = {a}, y = {b, c, d}; y holds more PageRank */
    lev_actor_set_group(net, 0, "x");
    lev_actor_set_group(net, 1, "y");
    lev_actor_set_group(net, 2, "y");
    lev_actor_set_group(net, 3, "y");
    lev_edge_add(net, 0, 1, 1, NULL, NULL);
    lev_edge_add(net, 2, 1, 3, NULL, NULL);
    lev_edge_add(net, 2, 3, 1, NULL, NULL);
    lev_edge_add(net, 3, 3, 5, NULL, NULL);
    cr_assert_eq(lev_outsiders(net, p, sh, code), LEV_OK);
    /* a receives nothing: share 0 and, being connected, an outsider */
    near(sh[0], 0, 0, "a");
    cr_assert_eq(code[0], 1);
    near(sh[1], 0.75, 0, "b: 3 of 4 from c");
    near(sh[3], 1, 0, "d: the self-loop does not count");
    cr_assert(code[1] == 2 && code[2] == 2 && code[3] == 2);
    /* unweighted: b gets 1 of 2 */
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    cr_assert_eq(lev_outsiders(net, p, sh, NULL), LEV_OK);
    near(sh[1], 0.5, 0, "b unweighted");
    /* undirected: a's tie to b counts; a's share is 1 */
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    cr_assert_eq(lev_outsiders(net, p, sh, code), LEV_OK);
    near(sh[0], 1, 0, "a undirected");
    cr_assert_eq(code[0], 0);
    cr_assert_eq(lev_outsiders(net, p, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_outsiders(NULL, p, sh, code), LEV_EMISUSE);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- threads ----------------------------------------------------------------------------------- */

Test(groups, threads_bit_identical) {
    lev_network *net = load_set(&SETS[LESMIS]);
    size_t n = lev_actor_count(net), G = lev_group_count(net);
    double M0[400], I0[20], S0[80], M[400], I[20], S[80];
    uint32_t C0[80], C[80];
    for (int t = 1; t <= 3; t++) {
        lev_params *p = params(1, 1);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
        cr_assert(G * G <= 400 && n <= 80);
        cr_assert_eq(lev_group_influence(net, p, t == 1 ? M0 : M, NULL, t == 1 ? I0 : I), LEV_OK);
        cr_assert_eq(lev_outsiders(net, p, t == 1 ? S0 : S, t == 1 ? C0 : C), LEV_OK);
        if (t > 1) {
            cr_assert_eq(memcmp(M, M0, G * G * sizeof *M), 0);
            cr_assert_eq(memcmp(I, I0, G * sizeof *I), 0);
            cr_assert_eq(memcmp(S, S0, n * sizeof *S), 0);
            cr_assert_eq(memcmp(C, C0, n * sizeof *C), 0);
        }
        lev_params_free(p);
    }
    lev_network_free(net);
}

/* ---- allocation failures ------------------------------------------------------------------------ */

typedef lev_status (*gop)(lev_network *net);

static lev_status op_influence(lev_network *net) {
    double M[4], a[2], i[2];
    return lev_group_influence(net, NULL, M, a, i);
}
static lev_status op_ei(lev_network *net) {
    double per[2], all;
    return lev_ei_index(net, NULL, per, &all);
}
static lev_status op_assort_groups(lev_network *net) {
    double r;
    return lev_assortativity_groups(net, NULL, &r);
}
static lev_status op_assort(lev_network *net) {
    double x[16], r;
    for (int i = 0; i < 16; i++) x[i] = i % 5;
    return lev_assortativity(net, x, NULL, &r);
}
static lev_status op_rich_club(lev_network *net) {
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_SAMPLES, 3);
    lev_params_set_int(p, LEV_P_THREADS, 2);
    double raw[16], nrm[16];
    size_t len;
    lev_status rc = lev_rich_club(net, p, 16, raw, nrm, &len);
    lev_params_free(p);
    return rc;
}
static lev_status op_outsiders_group(lev_network *net) {
    double sh[16];
    uint32_t code[16];
    return lev_outsiders(net, NULL, sh, code);
}
static lev_status op_outsiders_core(lev_network *net) {
    lev_params *p;
    lev_params_new(&p);
    lev_params_set_int(p, LEV_P_INCROWD, LEV_INCROWD_CORE);
    double sh[16];
    uint32_t code[16];
    lev_status rc = lev_outsiders(net, p, sh, code);
    lev_params_free(p);
    return rc;
}

static void sweep(const char *what, gop op) {
    long fail_at;
    for (fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        lev_network *net;
        cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
        cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, SRC("examples/data/florentine_actors.csv"), NULL), LEV_OK);
        cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("examples/data/florentine_edges.csv"), NULL), LEV_OK);
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
        cr_assert_eq(fa.bad_osize, 0, "%s: wrong osize", what);
        if (done) break;
        cr_assert(fail_at < 1000, "%s never succeeded", what);
    }
    cr_log_info("%s: %ld allocation sites failed and recovered", what, fail_at);
    cr_assert(fail_at > 0);
}

Test(groups, allocation_failures) {
    sweep("lev_group_influence", op_influence);
    sweep("lev_ei_index", op_ei);
    sweep("lev_assortativity_groups", op_assort_groups);
    sweep("lev_assortativity", op_assort);
    sweep("lev_rich_club", op_rich_club);
    sweep("lev_outsiders (group)", op_outsiders_group);
    sweep("lev_outsiders (core)", op_outsiders_core);
}

static int stop_at(void *ud, double done) {
    int *calls = ud;
    (void)done;
    return ++*calls >= 2; /* let the first report through, stop at the second */
}

Test(groups, rich_club_cancel) {
    /* A graph large enough for progress reports inside a rewiring (every 65536 attempts). */
    lev_network *net = er_graph(1500, 0.01, 3);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    int calls = 0;
    cr_assert_eq(lev_params_set_progress(p, stop_at, &calls), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SAMPLES, 3), LEV_OK);
    double raw[64], nrm[64];
    for (int k = 0; k < 64; k++) raw[k] = nrm[k] = -3;
    size_t len = 1234;
    cr_assert_eq(lev_rich_club(net, p, 64, raw, nrm, &len), LEV_ECANCELLED);
    cr_assert_eq(calls, 2);
    cr_assert(strstr(lev_params_errmsg(p), "cancel"), "%s", lev_params_errmsg(p));
    cr_assert(len == 1234 && raw[0] == -3 && nrm[0] == -3, "outputs untouched");
    /* raw alone does no rewiring and reports nothing */
    calls = 0;
    cr_assert_eq(lev_rich_club(net, p, 64, raw, NULL, &len), LEV_OK);
    cr_assert_eq(calls, 0);
    lev_params_free(p);
    lev_network_free(net);
}
