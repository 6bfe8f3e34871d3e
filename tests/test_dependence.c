/*
 * Power-dependence: lev_dependence() and lev_power_advantage().
 *
 * No peer computes Emerson's dependence, so the references are (1) hand-computed cases, worked
 * in docs/dependence.md, (2) exact rational values from tests/ref/make_refs_groups.py on the
 * Florentine families with a needs fixture, and (3) a brute-force O(V²·R) evaluation of the
 * definition on random networks.
 */
#include "helpers.h"

#include "ref/ref_groups.h"

#define TOL 1e-12

/* ---- fixtures ---------------------------------------------------------------------------------- */

typedef struct amount {
    const char *actor, *resource;
    double holds, needs;
} amount;

/* Actors by name, directed edges "a>b" (strength 1), then amounts. */
static lev_network *build(const char *const *actors, size_t na, const char *const *edges, size_t ne,
                          const amount *am, size_t nam) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (size_t i = 0; i < na; i++) cr_assert_eq(lev_actor_add(net, actors[i], NULL, NULL), LEV_OK);
    for (size_t k = 0; k < ne; k++) {
        char s[32], t[32];
        cr_assert_eq(sscanf(edges[k], "%31[^>]>%31s", s, t), 2);
        cr_assert_eq(lev_edge_add_by_name(net, s, t, 1, NULL, NULL), LEV_OK, "%s", lev_errmsg(net));
    }
    for (size_t k = 0; k < nam; k++) {
        uint32_t i, r;
        cr_assert_eq(lev_actor_find(net, am[k].actor, &i), LEV_OK);
        if (lev_resource_find(net, am[k].resource, &r) != LEV_OK)
            cr_assert_eq(lev_resource_add(net, am[k].resource, &r), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(net, i, r, am[k].holds, am[k].needs), LEV_OK);
    }
    return net;
}

/* The worked example of docs/dependence.md: Ann, Bob, Cat; money and votes; Ann → Bob, Cat → Bob. */
static const char *const abc[] = {"Ann", "Bob", "Cat"};
static const char *const abc_edges[] = {"Ann>Bob", "Cat>Bob"};
static const amount abc_amounts[] = {
    {"Ann", "money", 1, 4}, {"Bob", "money", 6, 0}, {"Cat", "money", 2, 2},
    {"Ann", "votes", 3, 0}, {"Bob", "votes", 0, 2}, {"Cat", "votes", 1, 1},
};
static lev_network *worked_example(void) { return build(abc, 3, abc_edges, 2, abc_amounts, 6); }

static lev_params *scope(int s) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SCOPE, s), LEV_OK);
    return p;
}

typedef struct expect {
    uint32_t a, b;
    double dep, adv;
} expect;

/* Run lev_dependence with an exact-size buffer and compare with an expected, ordered list. */
static void check_pairs(const lev_network *net, uint32_t r, lev_params *p, const expect *ex, size_t nex) {
    size_t len = 999;
    lev_status rc = lev_dependence(net, r, p, 0, NULL, NULL, NULL, NULL, &len);
    cr_assert_eq(rc, nex ? LEV_ERANGE : LEV_OK, "%s", lev_status_name(rc));
    cr_assert_eq(len, nex);
    uint32_t a[16], b[16];
    double d[16], adv[16];
    cr_assert_eq(lev_dependence(net, r, p, 16, a, b, d, adv, &len), LEV_OK);
    cr_assert_eq(len, nex);
    for (size_t k = 0; k < nex; k++) {
        cr_assert_eq(a[k], ex[k].a, "pair %zu: dependent %u, expected %u", k, a[k], ex[k].a);
        cr_assert_eq(b[k], ex[k].b, "pair %zu: on %u, expected %u", k, b[k], ex[k].b);
        cr_assert(fabs(d[k] - ex[k].dep) <= TOL, "pair %zu: dep %.17g, expected %.17g", k, d[k], ex[k].dep);
        cr_assert(fabs(adv[k] - ex[k].adv) <= TOL, "pair %zu: advantage %.17g, expected %.17g", k, adv[k],
                  ex[k].adv);
    }
}

static void check_pa(const lev_network *net, uint32_t r, lev_params *p, const double *pa, double imb) {
    double out[8], im = -1;
    cr_assert_eq(lev_power_advantage(net, r, p, out, &im), LEV_OK, "%s", lev_params_errmsg(p));
    for (size_t i = 0; i < lev_actor_count(net); i++)
        cr_assert(fabs(out[i] - pa[i]) <= TOL, "actor %zu: %.17g, expected %.17g", i, out[i], pa[i]);
    cr_assert(fabs(im - imb) <= TOL, "imbalance %.17g, expected %.17g", im, imb);
}

/* ---- hand-computed cases (docs/dependence.md) --------------------------------------------------- */

Test(dependence, worked_example_money_all) {
    /* ν = needs/4: Ann 1, Cat 1/2. D(Ann) = 6 + 2 = 8, D(Cat) = 1 + 6 = 7. */
    lev_network *net = worked_example();
    lev_params *p = scope(LEV_SCOPE_ALL);
    const expect ex[] = {
        {0, 1, 0.75, 0.75},                  /* Ann on Bob: 1·6/8 */
        {2, 1, 3.0 / 7, 3.0 / 7},            /* Cat on Bob: ½·6/7 */
        {0, 2, 0.25, 0.25 - 1.0 / 14},       /* Ann on Cat: 1·2/8; Cat on Ann ½·1/7 */
        {2, 0, 1.0 / 14, 1.0 / 14 - 0.25},
    };
    check_pairs(net, 0, p, ex, 4);
    const double pa[] = {1.0 / 14 - 1, 0.75 + 3.0 / 7, 0.25 - 0.5};
    check_pa(net, 0, p, pa, 19.0 / 21); /* (3/4 + 3/7 + 5/28) / (3/4 + 3/7 + 9/28) */
    lev_params_free(p);
    lev_network_free(net);
}

Test(dependence, worked_example_money_neighbours) {
    /* Ann's only neighbour is Bob: she depends on him entirely; Cat likewise by her need ½. */
    lev_network *net = worked_example();
    lev_params *p = scope(LEV_SCOPE_NEIGHBOURS);
    const expect ex[] = {{0, 1, 1, 1}, {2, 1, 0.5, 0.5}};
    check_pairs(net, 0, p, ex, 2);
    const double pa[] = {-1, 1.5, -0.5};
    check_pa(net, 0, p, pa, 1);
    lev_params_free(p);
    lev_network_free(net);
}

Test(dependence, worked_example_all_resources) {
    /* votes: ν = needs/2: Bob 1, Cat ½; D(Bob) = 3 + 1, D(Cat) = 3 + 0.
     * Summed with money: Ann↔Bob 3/4 each way, Cat on Ann 1/14 + 1/2 = 4/7, Cat on Bob 3/7,
     * Ann on Cat 1/4, Bob on Cat 1/4. Equal values list by (dependent, on). */
    lev_network *net = worked_example();
    lev_params *p = scope(LEV_SCOPE_ALL);
    const expect ex[] = {
        {0, 1, 0.75, 0}, {1, 0, 0.75, 0}, {2, 0, 4.0 / 7, 4.0 / 7 - 0.25}, {2, 1, 3.0 / 7, 3.0 / 7 - 0.25},
        {0, 2, 0.25, 0.25 - 4.0 / 7}, {1, 2, 0.25, 0.25 - 3.0 / 7},
    };
    check_pairs(net, LEV_NONE, p, ex, 6);
    const double pa[] = {9.0 / 28, 5.0 / 28, -0.5};
    check_pa(net, LEV_NONE, p, pa, 1.0 / 6); /* (0 + 9/28 + 5/28) / 3 */
    /* The default scope is LEV_SCOPE_ALL. */
    check_pairs(net, LEV_NONE, NULL, ex, 6);
    /* Only votes: Bob on Ann 3/4, Cat on Ann 1/2, Bob on Cat 1/4. */
    const expect exv[] = {{1, 0, 0.75, 0.75}, {2, 0, 0.5, 0.5}, {1, 2, 0.25, 0.25}};
    check_pairs(net, 1, p, exv, 3);
    lev_params_free(p);
    lev_network_free(net);
}

Test(dependence, scale_free_in_units) {
    /* Multiplying a resource's holdings, or its needs, by a constant changes nothing. */
    const amount big[] = {
        {"Ann", "money", 1e200, 4e-300}, {"Bob", "money", 6e200, 0}, {"Cat", "money", 2e200, 2e-300},
    };
    lev_network *net = build(abc, 3, abc_edges, 2, big, 3);
    const expect ex[] = {
        {0, 1, 0.75, 0.75}, {2, 1, 3.0 / 7, 3.0 / 7}, {0, 2, 0.25, 0.25 - 1.0 / 14}, {2, 0, 1.0 / 14, 1.0 / 14 - 0.25},
    };
    check_pairs(net, 0, NULL, ex, 4);
    lev_network_free(net);
}

Test(dependence, four_actors_self_loop_and_parallel_edges) {
    /* Neighbours are distinct actors other than oneself: the self-loop Dee→Dee and the second
     * Dee→Eli edge change nothing. Dee needs 3 (ν 1), holds 5; Eli holds 1, Fay 3, Gus 4 (Gus
     * is not Dee's neighbour). */
    static const char *const ac[] = {"Dee", "Eli", "Fay", "Gus"};
    static const char *const ed[] = {"Dee>Dee", "Dee>Eli", "Dee>Eli", "Fay>Dee", "Gus>Fay"};
    static const amount am[] = {{"Dee", "food", 5, 3}, {"Eli", "food", 1, 0}, {"Fay", "food", 3, 0},
                                {"Gus", "food", 4, 0}};
    lev_network *net = build(ac, 4, ed, 5, am, 4);
    lev_params *p = scope(LEV_SCOPE_NEIGHBOURS);
    const expect ex[] = {{0, 2, 0.75, 0.75}, {0, 1, 0.25, 0.25}};
    check_pairs(net, 0, p, ex, 2);
    const double pa[] = {-1, 0.25, 0.75, 0};
    check_pa(net, 0, p, pa, 1);
    lev_params_free(p);
    p = scope(LEV_SCOPE_ALL); /* D = 1 + 3 + 4 */
    const expect ex2[] = {{0, 3, 0.5, 0.5}, {0, 2, 0.375, 0.375}, {0, 1, 0.125, 0.125}};
    check_pairs(net, 0, p, ex2, 3);
    lev_params_free(p);
    lev_network_free(net);
}

Test(dependence, nobody_else_holds_it) {
    /* Sole holder needing more: D = 0, no dependence; an actor needing what nobody holds too. */
    static const amount am[] = {{"Ann", "money", 5, 2}, {"Bob", "water", 0, 3}, {"Cat", "water", 0, 1}};
    lev_network *net = build(abc, 3, abc_edges, 2, am, 3);
    check_pairs(net, 0, NULL, NULL, 0);
    check_pairs(net, 1, NULL, NULL, 0);
    check_pairs(net, LEV_NONE, NULL, NULL, 0);
    const double zero[] = {0, 0, 0};
    check_pa(net, LEV_NONE, NULL, zero, 0); /* doc: imbalance 0 when nobody depends on anybody */
    lev_network_free(net);
}

Test(dependence, empty_networks) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    size_t len = 7;
    double im = -1;
    /* No actors, no resources: LEV_NONE is fine and empty; resource 0 does not exist. */
    cr_assert_eq(lev_dependence(net, LEV_NONE, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0);
    cr_assert_eq(lev_power_advantage(net, LEV_NONE, NULL, NULL, &im), LEV_OK);
    cr_assert_eq(im, 0);
    cr_assert_eq(lev_dependence(net, 0, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_EINVAL);
    /* A resource but no actors. */
    cr_assert_eq(lev_resource_add(net, "money", NULL), LEV_OK);
    cr_assert_eq(lev_dependence(net, 0, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0);
    /* One actor who holds and needs. */
    cr_assert_eq(lev_actor_add(net, "Solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 0, 0, 3, 3), LEV_OK);
    len = 7;
    cr_assert_eq(lev_dependence(net, 0, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0);
    double pa = -1;
    cr_assert_eq(lev_power_advantage(net, 0, NULL, &pa, &im), LEV_OK);
    cr_assert_eq(pa, 0);
    cr_assert_eq(im, 0);
    /* Actors without any amounts (an amounts table shorter than the actor table). */
    cr_assert_eq(lev_resource_add(net, "votes", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "Late", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_dependence(net, LEV_NONE, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0); /* Solo needs money, but Late holds none */
    cr_assert_eq(lev_actor_set_resource(net, 1, 0, 2, 0), LEV_OK);
    cr_assert_eq(lev_dependence(net, LEV_NONE, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_ERANGE);
    cr_assert_eq(len, 1); /* now Solo depends on Late entirely */
    lev_network_free(net);
}

/* ---- the cap/len protocol and errors ------------------------------------------------------------ */

Test(dependence, cap_protocol) {
    lev_network *net = worked_example();
    size_t len = 0;
    /* doc: cap 0 asks for the length */
    cr_assert_eq(lev_dependence(net, 0, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_ERANGE);
    cr_assert_eq(len, 4);
    /* too small: LEV_ERANGE, the length in len, the arrays untouched */
    uint32_t a[4] = {77, 77, 77, 77}, b[4] = {77, 77, 77, 77};
    double d[4] = {-5, -5, -5, -5}, adv[4] = {-5, -5, -5, -5};
    len = 0;
    cr_assert_eq(lev_dependence(net, 0, NULL, 3, a, b, d, adv, &len), LEV_ERANGE);
    cr_assert_eq(len, 4);
    for (int k = 0; k < 4; k++) cr_assert(a[k] == 77 && b[k] == 77 && d[k] == -5 && adv[k] == -5);
    cr_assert(strstr(lev_errmsg(net), "4 pairs"), "%s", lev_errmsg(net));
    /* exact: LEV_OK; advantage may be NULL */
    cr_assert_eq(lev_dependence(net, 0, NULL, 4, a, b, d, NULL, &len), LEV_OK);
    cr_assert_eq(len, 4);
    cr_assert_eq(a[0], 0);
    cr_assert_eq(b[0], 1);
    cr_assert(fabs(d[0] - 0.75) < TOL);
    cr_assert_eq(adv[0], -5);
    lev_network_free(net);
}

Test(dependence, errors_leave_outputs_untouched) {
    lev_network *net = worked_example();
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    uint32_t a[4] = {77}, b[4] = {77};
    double d[4] = {-5}, pa[3] = {-5, -5, -5}, im = -5;
    size_t len = 123;
    /* NULL network, NULL len, missing arrays with cap > 0 */
    cr_assert_eq(lev_dependence(NULL, 0, p, 4, a, b, d, NULL, &len), LEV_EMISUSE);
    cr_assert_eq(lev_dependence(net, 0, p, 4, a, b, d, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_dependence(net, 0, p, 4, a, NULL, d, NULL, &len), LEV_EMISUSE);
    cr_assert_eq(lev_dependence(net, 0, p, 4, NULL, b, d, NULL, &len), LEV_EMISUSE);
    cr_assert_eq(lev_dependence(net, 0, p, 4, a, b, NULL, NULL, &len), LEV_EMISUSE);
    cr_assert_eq(len, 123);
    cr_assert_eq(lev_power_advantage(NULL, 0, p, pa, &im), LEV_EMISUSE);
    cr_assert_eq(lev_power_advantage(net, 0, p, NULL, NULL), LEV_EMISUSE);
    /* a bad resource index: LEV_EINVAL with a message naming it */
    cr_assert_eq(lev_dependence(net, 2, p, 4, a, b, d, NULL, &len), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "no resource 2"), "%s", lev_params_errmsg(p));
    cr_assert(strstr(lev_params_errmsg(p), "has 2"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_power_advantage(net, 9, p, pa, &im), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "no resource 9"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_power_advantage(net, 9, NULL, pa, &im), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "no resource 9"), "%s", lev_errmsg(net));
    cr_assert_eq(len, 123);
    cr_assert(a[0] == 77 && b[0] == 77 && d[0] == -5 && pa[0] == -5 && pa[2] == -5 && im == -5);
    /* per_actor or imbalance alone */
    cr_assert_eq(lev_power_advantage(net, 0, p, NULL, &im), LEV_OK);
    cr_assert(fabs(im - 19.0 / 21) < TOL);
    cr_assert_eq(lev_power_advantage(net, 0, p, pa, NULL), LEV_OK);
    cr_assert(fabs(pa[1] - (0.75 + 3.0 / 7)) < TOL);
    lev_params_free(p);
    lev_network_free(net);
}

static int cancel_cb(void *ud, double done) {
    (void)done;
    (*(int *)ud)++;
    return 1;
}

Test(dependence, cancel) {
    lev_network *net = worked_example();
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    int calls = 0;
    cr_assert_eq(lev_params_set_progress(p, cancel_cb, &calls), LEV_OK);
    uint32_t a[8] = {77}, b[8];
    double d[8], pa[3] = {-5, -5, -5}, im = -5;
    size_t len = 123;
    cr_assert_eq(lev_dependence(net, LEV_NONE, p, 8, a, b, d, NULL, &len), LEV_ECANCELLED);
    cr_assert_eq(lev_power_advantage(net, LEV_NONE, p, pa, &im), LEV_ECANCELLED);
    cr_assert(calls >= 2);
    cr_assert(len == 123 && a[0] == 77 && pa[0] == -5 && im == -5);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- Florentine families: wealth with a needs fixture, and votes ----------------------------- */

static lev_network *florentine_dep(void) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL),
                 LEV_OK);
    uint32_t w, v;
    cr_assert_eq(lev_resource_find(net, "wealth", &w), LEV_OK);
    cr_assert_eq(w, 0);
    cr_assert_eq(lev_resource_add(net, "votes", &v), LEV_OK);
    for (size_t k = 0; k < REF_FLORENTINE_NEEDS_LEN; k++) {
        uint32_t i;
        double h;
        cr_assert_eq(lev_actor_find(net, ref_florentine_needs[k].name, &i), LEV_OK);
        cr_assert_eq(lev_actor_get_resource(net, i, w, &h, NULL), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(net, i, w, h, ref_florentine_needs[k].value), LEV_OK);
        cr_assert_str_eq(ref_florentine_votes_holds[k].name, ref_florentine_needs[k].name);
        cr_assert_eq(lev_actor_set_resource(net, i, v, ref_florentine_votes_holds[k].value,
                                            ref_florentine_votes_needs[k].value),
                     LEV_OK);
    }
    return net;
}

static double ref_lookup(const ref_value *ref, size_t n, const char *key) {
    for (size_t k = 0; k < n; k++)
        if (!strcmp(ref[k].name, key)) return ref[k].value;
    return 0;
}

static void check_florentine(const lev_network *net, uint32_t r, int sc, const ref_value *ref, size_t nref,
                             const ref_value *pa_ref, double imb_ref) {
    lev_params *p = scope(sc);
    size_t len;
    cr_assert_eq(lev_dependence(net, r, p, 0, NULL, NULL, NULL, NULL, &len), LEV_ERANGE);
    cr_assert_eq(len, nref);
    uint32_t *a = malloc(len * sizeof *a), *b = malloc(len * sizeof *b);
    double *d = malloc(len * sizeof *d), *adv = malloc(len * sizeof *adv);
    cr_assert_eq(lev_dependence(net, r, p, len, a, b, d, adv, &len), LEV_OK);
    double worst = 0;
    for (size_t k = 0; k < len; k++) {
        char key[64], rev[64];
        snprintf(key, sizeof key, "%s|%s", lev_actor_name(net, a[k]), lev_actor_name(net, b[k]));
        snprintf(rev, sizeof rev, "%s|%s", lev_actor_name(net, b[k]), lev_actor_name(net, a[k]));
        double x = ref_lookup(ref, nref, key);
        cr_assert(x > 0, "unexpected pair %s", key);
        cr_assert(fabs(d[k] - x) <= TOL, "%s: %.17g vs %.17g", key, d[k], x);
        cr_assert(fabs(adv[k] - (x - ref_lookup(ref, nref, rev))) <= TOL, "%s advantage", key);
        if (fabs(d[k] - x) > worst) worst = fabs(d[k] - x);
        /* doc: sorted by dep descending, ties by (dependent, on) */
        if (k) cr_assert(d[k - 1] > d[k] || (d[k - 1] == d[k] && (a[k - 1] < a[k] || (a[k - 1] == a[k] && b[k - 1] < b[k]))));
    }
    double *pa = malloc(lev_actor_count(net) * sizeof *pa), im;
    cr_assert_eq(lev_power_advantage(net, r, p, pa, &im), LEV_OK);
    check_ref(net, pa, pa_ref, lev_actor_count(net), TOL, "power advantage");
    cr_assert(fabs(im - imb_ref) <= TOL, "imbalance %.17g vs %.17g", im, imb_ref);
    double sum = 0;
    for (size_t i = 0; i < lev_actor_count(net); i++) sum += pa[i];
    cr_assert(fabs(sum) < 1e-12, "net power advantages sum to 0 (got %g)", sum);
    cr_log_info("florentine r=%u scope=%d: %zu pairs, max |diff| %.3g", r, sc, len, worst);
    free(a);
    free(b);
    free(d);
    free(adv);
    free(pa);
    lev_params_free(p);
}

#define CHECK_FL(net, r, sc, ref, pa, imb) check_florentine(net, r, sc, ref, sizeof ref / sizeof ref[0], pa, imb)

Test(dependence, florentine_exact) {
    lev_network *net = florentine_dep();
    CHECK_FL(net, 0, LEV_SCOPE_ALL, ref_florentine_dep_wealth_all, ref_florentine_pa_wealth_all,
             ref_florentine_imbalance_wealth_all);
    CHECK_FL(net, 0, LEV_SCOPE_NEIGHBOURS, ref_florentine_dep_wealth_nb, ref_florentine_pa_wealth_nb,
             ref_florentine_imbalance_wealth_nb);
    CHECK_FL(net, LEV_NONE, LEV_SCOPE_ALL, ref_florentine_dep_both_all, ref_florentine_pa_both_all,
             ref_florentine_imbalance_both_all);
    CHECK_FL(net, LEV_NONE, LEV_SCOPE_NEIGHBOURS, ref_florentine_dep_both_nb, ref_florentine_pa_both_nb,
             ref_florentine_imbalance_both_nb);
    lev_network_free(net);
}

Test(dependence, florentine_hand_checks) {
    /* Pucci (wealth 3, needs 47 = the largest need, so ν = 1) is isolated: with every holder in
     * scope he depends on Strozzi by 146/(681 − 3) = 146/678; among neighbours, on nobody. */
    lev_network *net = florentine_dep();
    uint32_t pucci, strozzi;
    cr_assert_eq(lev_actor_find(net, "Pucci", &pucci), LEV_OK);
    cr_assert_eq(lev_actor_find(net, "Strozzi", &strozzi), LEV_OK);
    size_t len;
    lev_dependence(net, 0, NULL, 0, NULL, NULL, NULL, NULL, &len);
    uint32_t *a = malloc(len * sizeof *a), *b = malloc(len * sizeof *b);
    double *d = malloc(len * sizeof *d);
    cr_assert_eq(lev_dependence(net, 0, NULL, len, a, b, d, NULL, &len), LEV_OK);
    /* the largest dependence: Pucci on Strozzi */
    cr_assert_eq(a[0], pucci);
    cr_assert_eq(b[0], strozzi);
    cr_assert(fabs(d[0] - 146.0 / 678) < TOL);
    free(a);
    free(b);
    free(d);
    lev_params *p = scope(LEV_SCOPE_NEIGHBOURS);
    double pa[16];
    cr_assert_eq(lev_power_advantage(net, 0, p, pa, NULL), LEV_OK);
    cr_assert_eq(pa[pucci], 0);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- brute force on random networks; thread determinism ---------------------------------------- */

static uint64_t rnd(uint64_t *s) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* n actors, m random edges (self-loops and parallel edges happen), R resources; an actor holds
 * each resource with probability hold_pct/100 and needs it with probability 1/3. */
static lev_network *random_net(uint32_t n, uint32_t R, size_t m, uint64_t seed, unsigned hold_pct) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    char name[32];
    test_add_actors(net, n, "a");
    for (uint32_t r = 0; r < R; r++) {
        snprintf(name, sizeof name, "r%u", r);
        cr_assert_eq(lev_resource_add(net, name, NULL), LEV_OK);
    }
    for (size_t k = 0; k < m; k++)
        cr_assert_eq(lev_edge_add(net, (uint32_t)(rnd(&seed) % n), (uint32_t)(rnd(&seed) % n), 1, NULL, NULL),
                     LEV_OK);
    for (uint32_t r = 0; r < R; r++)
        for (uint32_t i = 0; i < n; i++) {
            uint64_t x = rnd(&seed) % 100;
            double h = x >= hold_pct ? 0 : (double)(rnd(&seed) % 100) / 7;
            double nd = rnd(&seed) % 3 ? 0 : (double)(rnd(&seed) % 50) / 3;
            cr_assert_eq(lev_actor_set_resource(net, i, r, h, nd), LEV_OK);
        }
    return net;
}

/* dep(A on B) straight from the definition; H[r·n + i], N[r·n + i] hold the amounts. */
static double brute_dep(uint32_t n, const double *H, const double *N, uint32_t A, uint32_t B, uint32_t r0,
                        uint32_t r1, int nb, const unsigned char *adj) {
    double s = 0;
    if (A == B || (nb && !adj[(size_t)A * n + B])) return 0;
    for (uint32_t r = r0; r < r1; r++) {
        const double *h = H + (size_t)r * n, *nd = N + (size_t)r * n;
        double maxneed = 0, D = 0;
        for (uint32_t i = 0; i < n; i++)
            if (nd[i] > maxneed) maxneed = nd[i];
        for (uint32_t C = 0; C < n; C++)
            if (C != A && (!nb || adj[(size_t)A * n + C])) D += h[C];
        if (maxneed > 0 && D > 0) s += nd[A] / maxneed * h[B] / D;
    }
    return s;
}

Test(dependence, random_networks_match_the_definition) {
    for (int trial = 0; trial < 6; trial++) {
        uint32_t n = 40 + 10 * (uint32_t)trial, R = 1 + (uint32_t)trial % 3;
        lev_network *net = random_net(n, R, 3 * n, 1000 + (uint64_t)trial, 50);
        unsigned char *adj = calloc((size_t)n * n, 1);
        for (size_t e = 0; e < lev_edge_count(net); e++) {
            uint32_t s, t;
            lev_edge_get(net, e, &s, &t, NULL, NULL);
            adj[(size_t)s * n + t] = adj[(size_t)t * n + s] = 1;
        }
        double *H = malloc((size_t)R * n * sizeof *H), *N = malloc((size_t)R * n * sizeof *N);
        for (uint32_t r = 0; r < R; r++) cr_assert_eq(lev_resource_amounts(net, r, H + (size_t)r * n, N + (size_t)r * n), LEV_OK);
        for (int sc = LEV_SCOPE_ALL; sc <= LEV_SCOPE_NEIGHBOURS; sc++)
            for (uint32_t rr = 0; rr <= R; rr++) {
                uint32_t r = rr == R ? LEV_NONE : rr, r0 = rr == R ? 0 : rr, r1 = rr == R ? R : rr + 1;
                lev_params *p = scope(sc);
                size_t len;
                lev_dependence(net, r, p, 0, NULL, NULL, NULL, NULL, &len);
                uint32_t *a = malloc((len + 1) * sizeof *a), *b = malloc((len + 1) * sizeof *b);
                double *d = malloc((len + 1) * sizeof *d), *adv = malloc((len + 1) * sizeof *adv);
                cr_assert_eq(lev_dependence(net, r, p, len, a, b, d, adv, &len), LEV_OK);
                double *M = calloc((size_t)n * n, sizeof *M), *pa = calloc(n, sizeof *pa), num = 0, den = 0;
                size_t cnt = 0;
                for (uint32_t A = 0; A < n; A++)
                    for (uint32_t B = 0; B < n; B++) {
                        M[(size_t)A * n + B] = brute_dep(n, H, N, A, B, r0, r1, sc == LEV_SCOPE_NEIGHBOURS, adj);
                        cnt += M[(size_t)A * n + B] > 0;
                    }
                cr_assert_eq(len, cnt, "trial %d scope %d r %u: %zu pairs, brute force %zu", trial, sc, r, len, cnt);
                for (size_t k = 0; k < len; k++) {
                    double x = M[(size_t)a[k] * n + b[k]], y = M[(size_t)b[k] * n + a[k]];
                    cr_assert(fabs(d[k] - x) <= 1e-12 * (1 + x), "dep %.17g vs %.17g", d[k], x);
                    cr_assert(fabs(adv[k] - (x - y)) <= 1e-12, "adv");
                    if (k) cr_assert(d[k - 1] >= d[k]);
                }
                for (uint32_t A = 0; A < n; A++)
                    for (uint32_t B = 0; B < n; B++) {
                        pa[B] += M[(size_t)A * n + B];
                        pa[A] -= M[(size_t)A * n + B];
                        if (B > A) {
                            num += fabs(M[(size_t)A * n + B] - M[(size_t)B * n + A]);
                            den += M[(size_t)A * n + B] + M[(size_t)B * n + A];
                        }
                    }
                double *got = malloc(n * sizeof *got), im;
                cr_assert_eq(lev_power_advantage(net, r, p, got, &im), LEV_OK);
                for (uint32_t i = 0; i < n; i++) cr_assert(fabs(got[i] - pa[i]) <= 1e-11, "pa %u", i);
                cr_assert(fabs(im - (den > 0 ? num / den : 0)) <= 1e-12);
                free(a);
                free(b);
                free(d);
                free(adv);
                free(M);
                free(pa);
                free(got);
                lev_params_free(p);
            }
        free(adj);
        free(H);
        free(N);
        lev_network_free(net);
    }
}

Test(dependence, threads_bit_identical) {
    /* More than one block of 256 actors, and more than one progress round of blocks. */
    lev_network *net = random_net(17000, 3, 60000, 42, 1);
    for (int sc = LEV_SCOPE_ALL; sc <= LEV_SCOPE_NEIGHBOURS; sc++) {
        uint32_t r = sc == LEV_SCOPE_ALL ? 1 : LEV_NONE;
        size_t n = lev_actor_count(net), len0 = 0;
        uint32_t *a0 = NULL, *b0 = NULL;
        double *d0 = NULL, *v0 = NULL, *pa0 = malloc(n * sizeof *pa0), im0 = 0;
        for (int t = 1; t <= 3; t++) {
            lev_params *p = scope(sc);
            cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
            size_t len;
            lev_dependence(net, r, p, 0, NULL, NULL, NULL, NULL, &len);
            uint32_t *a = malloc(len * sizeof *a), *b = malloc(len * sizeof *b);
            double *d = malloc(len * sizeof *d), *v = malloc(len * sizeof *v), *pa = malloc(n * sizeof *pa), im;
            cr_assert_eq(lev_dependence(net, r, p, len, a, b, d, v, &len), LEV_OK);
            cr_assert_eq(lev_power_advantage(net, r, p, pa, &im), LEV_OK);
            if (t == 1) {
                len0 = len;
                a0 = a;
                b0 = b;
                d0 = d;
                v0 = v;
                memcpy(pa0, pa, n * sizeof *pa);
                im0 = im;
                cr_log_info("scope %d: %zu pairs", sc, len);
            } else {
                cr_assert_eq(len, len0);
                cr_assert_eq(memcmp(a, a0, len * sizeof *a), 0, "threads %d", t);
                cr_assert_eq(memcmp(b, b0, len * sizeof *b), 0);
                cr_assert_eq(memcmp(d, d0, len * sizeof *d), 0);
                cr_assert_eq(memcmp(v, v0, len * sizeof *v), 0);
                cr_assert_eq(memcmp(pa, pa0, n * sizeof *pa), 0);
                cr_assert_eq(memcmp(&im, &im0, sizeof im), 0);
                free(a);
                free(b);
                free(d);
                free(v);
            }
            free(pa);
            lev_params_free(p);
        }
        free(a0);
        free(b0);
        free(d0);
        free(v0);
        free(pa0);
    }
    lev_network_free(net);
}

/* ---- allocation failures ------------------------------------------------------------------------- */

typedef lev_status (*dep_op)(lev_network *net, int variant);

static lev_status op_dependence(lev_network *net, int variant) {
    lev_params *p = scope(variant & 1 ? LEV_SCOPE_NEIGHBOURS : LEV_SCOPE_ALL);
    uint32_t r = variant & 2 ? LEV_NONE : 0;
    uint32_t a[300], b[300];
    double d[300], v[300];
    size_t len;
    lev_status rc = lev_dependence(net, r, p, 300, a, b, d, v, &len);
    lev_params_free(p);
    return rc;
}

static lev_status op_power_advantage(lev_network *net, int variant) {
    lev_params *p = scope(variant & 1 ? LEV_SCOPE_NEIGHBOURS : LEV_SCOPE_ALL);
    uint32_t r = variant & 2 ? LEV_NONE : 0;
    double pa[16], im;
    lev_status rc = lev_power_advantage(net, r, p, pa, &im);
    lev_params_free(p);
    return rc;
}

static void sweep(const char *what, dep_op op, int variant) {
    long fail_at;
    for (fail_at = 0;; fail_at++) {
        failalloc fa = {0};
        lev_network *net;
        cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, &fa), LEV_OK);
        cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, SRC("examples/data/florentine_actors.csv"), NULL), LEV_OK);
        cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("examples/data/florentine_edges.csv"), NULL), LEV_OK);
        uint32_t w, v;
        cr_assert_eq(lev_resource_add(net, "wealth", &w), LEV_OK);
        cr_assert_eq(lev_resource_add(net, "votes", &v), LEV_OK);
        for (size_t k = 0; k < REF_FLORENTINE_NEEDS_LEN; k++) {
            uint32_t i;
            cr_assert_eq(lev_actor_find(net, ref_florentine_needs[k].name, &i), LEV_OK);
            cr_assert_eq(lev_actor_set_resource(net, i, w, 3 + (double)k, ref_florentine_needs[k].value), LEV_OK);
            cr_assert_eq(lev_actor_set_resource(net, i, v, ref_florentine_votes_holds[k].value,
                                                ref_florentine_votes_needs[k].value),
                         LEV_OK);
        }
        char *before = dump_network(net);
        fa.fail_at = fa.calls + fail_at;
        fa.armed = 1;
        lev_status rc = op(net, variant);
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
    cr_log_info("%s/%d: %ld allocation sites failed and recovered", what, variant, fail_at);
    cr_assert(fail_at > 0, "%s allocated nothing?", what);
}

Test(dependence, allocation_failures) {
    for (int variant = 0; variant < 4; variant++) {
        sweep("lev_dependence", op_dependence, variant);
        sweep("lev_power_advantage", op_power_advantage, variant);
    }
}
