/*
 * The length query of the cap/len calls (lev_asymmetry, lev_dependence, lev_rich_club): cap 0
 * answers LEV_ERANGE with the length in *len and records nothing, on the params or (NULL
 * params) on the network; a cap > 0 that is too small records its message. And lev_dependence's
 * query, which counts without computing values, gives exactly the length the fill writes,
 * including where products underflow to 0.
 */
#include "helpers.h"

/* One cap/len call: f(net, p, cap, len) with room for cap entries in each output. */
typedef lev_status (*sized_fn)(const lev_network *net, lev_params *p, size_t cap, size_t *len);

static uint32_t ua[64], ub[64];
static double da[64], db[64], dc[64];

static lev_status call_asymmetry(const lev_network *net, lev_params *p, size_t cap, size_t *len) {
    return lev_asymmetry(net, p, cap, cap ? ua : NULL, cap ? ub : NULL, cap ? da : NULL, len);
}
static lev_status call_dependence(const lev_network *net, lev_params *p, size_t cap, size_t *len) {
    return lev_dependence(net, LEV_NONE, p, cap, cap ? ua : NULL, cap ? ub : NULL, cap ? da : NULL,
                          cap ? db : NULL, len);
}
static lev_status call_rich_club(const lev_network *net, lev_params *p, size_t cap, size_t *len) {
    return lev_rich_club(net, p, cap, cap ? dc : NULL, NULL, len);
}

/* The Florentine families with their holdings (wealth), and a need of it for every family. */
static lev_network *fixture(void) {
    lev_network *net = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_RESOURCES_CSV, SRC("examples/data/florentine_resources.csv"), NULL),
                 LEV_OK);
    for (uint32_t i = 0; i < lev_actor_count(net); i++) {
        double h;
        cr_assert_eq(lev_actor_get_resource(net, i, 0, &h, NULL), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(net, i, 0, h, 1 + i % 3), LEV_OK);
    }
    return net;
}

static void check_one(const char *what, sized_fn f) {
    lev_network *net = fixture();
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    size_t len = 0, want;
    /* doc: a length query on a fresh params object leaves LEV_OK and "" */
    cr_assert_eq(f(net, p, 0, &len), LEV_ERANGE, "%s", what);
    want = len;
    cr_assert(want > 1, "%s: the fixture has a result of length %zu", what, want);
    cr_assert_eq(lev_params_errcode(p), LEV_OK, "%s: the query recorded %s", what, lev_params_errmsg(p));
    cr_assert_str_eq(lev_params_errmsg(p), "", "%s", what);
    /* doc: the previous message is not replaced */
    cr_assert_eq(lev_params_set_int(p, (lev_param)12345, 1), LEV_EUNSUPPORTED);
    len = 0;
    cr_assert_eq(f(net, p, 0, &len), LEV_ERANGE, "%s", what);
    cr_assert_eq(len, want, "%s", what);
    cr_assert_eq(lev_params_errcode(p), LEV_EUNSUPPORTED, "%s", what);
    cr_assert_str_eq(lev_params_errmsg(p), "unknown option key 12345", "%s", what);
    /* doc: a cap > 0 that is too small is a failure and records its message */
    char expect[128];
    len = 0;
    cr_assert_eq(f(net, p, 1, &len), LEV_ERANGE, "%s", what);
    cr_assert_eq(len, want, "%s", what);
    cr_assert_eq(lev_params_errcode(p), LEV_ERANGE, "%s", what);
    snprintf(expect, sizeof expect, "%zu %s do not fit in cap 1", want,
             f == call_rich_club ? "values" : "pairs");
    cr_assert(strstr(lev_params_errmsg(p), expect), "%s: %s", what, lev_params_errmsg(p));
    /* NULL params: the same on the network */
    cr_assert_eq(lev_actor_add(net, "Medici", NULL, NULL), LEV_EEXIST);
    char before[512];
    snprintf(before, sizeof before, "%s", lev_errmsg(net));
    len = 0;
    cr_assert_eq(f(net, NULL, 0, &len), LEV_ERANGE, "%s", what);
    cr_assert_eq(len, want, "%s", what);
    cr_assert_eq(lev_errcode(net), LEV_EEXIST, "%s", what);
    cr_assert_str_eq(lev_errmsg(net), before, "%s", what);
    cr_assert_eq(f(net, NULL, 1, &len), LEV_ERANGE, "%s", what);
    cr_assert_eq(lev_errcode(net), LEV_ERANGE, "%s", what);
    cr_assert(strstr(lev_errmsg(net), expect), "%s: %s", what, lev_errmsg(net));
    /* a query on a network whose result is empty: LEV_OK, length 0, nothing recorded */
    lev_network *empty;
    cr_assert_eq(lev_network_new(&empty), LEV_OK);
    lev_params_reset(p);
    len = 99;
    cr_assert_eq(f(empty, p, 0, &len), LEV_OK, "%s", what);
    cr_assert_eq(len, 0, "%s", what);
    cr_assert_eq(lev_params_errcode(p), LEV_OK, "%s", what);
    lev_network_free(empty);
    lev_params_free(p);
    lev_network_free(net);
}

Test(length_query, records_nothing) {
    check_one("lev_asymmetry", call_asymmetry);
    check_one("lev_dependence", call_dependence);
    check_one("lev_rich_club", call_rich_club);
}

/* ---- lev_dependence: the counting query agrees with the fill ---------------------------------- */

static uint64_t lcg(uint64_t *s) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* n actors, about 3 edges each, R resources; amounts spread over 600 orders of magnitude so that
 * some products a·h underflow to 0 (those pairs have dep 0 and are not listed). */
static lev_network *random_dep(uint32_t n, uint32_t R, uint64_t seed) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    uint64_t s = seed;
    for (uint32_t i = 0; i < 3 * n; i++) {
        uint32_t a = (uint32_t)(lcg(&s) % n), b = (uint32_t)(lcg(&s) % n);
        cr_assert_eq(lev_edge_add(net, a, b, 1, NULL, NULL), LEV_OK);
    }
    static const double mag[] = {1, 3.5, 1e-10, 1e-160, 1e-300, 4e-320, 1e10};
    char nm[16];
    for (uint32_t r = 0; r < R; r++) {
        snprintf(nm, sizeof nm, "r%u", r);
        cr_assert_eq(lev_resource_add(net, nm, NULL), LEV_OK);
        for (uint32_t i = 0; i < n; i++) {
            uint64_t u = lcg(&s) % 100;
            double h = u < 30 ? mag[lcg(&s) % 7] : 0, nd = u >= 60 ? mag[lcg(&s) % 7] : 0;
            if (u >= 25 && u < 30) nd = mag[lcg(&s) % 7]; /* some hold and need */
            cr_assert_eq(lev_actor_set_resource(net, i, r, h, nd), LEV_OK);
        }
    }
    return net;
}

Test(length_query, dependence_count_matches_the_fill) {
    size_t zero_products = 0;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        uint32_t n = seed % 2 ? 300 : 40, R = seed <= 2 ? 1 : (uint32_t)seed;
        lev_network *net = random_dep(n, R, seed);
        for (int sc = LEV_SCOPE_ALL; sc <= LEV_SCOPE_NEIGHBOURS; sc++)
            for (int th = 1; th <= 3; th += 2)
                for (uint32_t r = 0; r <= R; r++) {
                    uint32_t res = r == R ? LEV_NONE : r;
                    lev_params *p;
                    cr_assert_eq(lev_params_new(&p), LEV_OK);
                    cr_assert_eq(lev_params_set_int(p, LEV_P_SCOPE, sc), LEV_OK);
                    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, th), LEV_OK);
                    size_t len = 0, got = 0;
                    lev_status rc = lev_dependence(net, res, p, 0, NULL, NULL, NULL, NULL, &len);
                    cr_assert(rc == LEV_ERANGE || (rc == LEV_OK && len == 0));
                    size_t cap = len + 1;
                    uint32_t *a = malloc(cap * sizeof *a), *b = malloc(cap * sizeof *b);
                    double *d = malloc(cap * sizeof *d);
                    cr_assert_eq(lev_dependence(net, res, p, cap, a, b, d, NULL, &got), LEV_OK, "%s",
                                 lev_params_errmsg(p));
                    cr_assert_eq(got, len, "seed %llu scope %d resource %u: query %zu, fill %zu",
                                 (unsigned long long)seed, sc, (unsigned)res, len, got);
                    for (size_t k = 0; k < got; k++) cr_assert(d[k] > 0);
                    free(a);
                    free(b);
                    free(d);
                    lev_params_free(p);
                }
        /* the fixture does have needers whose products with some holders underflow */
        for (uint32_t r = 0; r < R; r++)
            for (uint32_t i = 0; i < n; i++) {
                double h;
                cr_assert_eq(lev_actor_get_resource(net, i, r, &h, NULL), LEV_OK);
                zero_products += h > 0 && h < 1e-300;
            }
        lev_network_free(net);
    }
    cr_assert_gt(zero_products, 0);
}

/* Hand-worked: holders H1 (1) and H2 (4e-320, subnormal); needers N1 (need 1) and N2 (need
 * 1e-10). a(N1) = 1/(1 + 4e-320) = 1, so N1 depends on both; a(N2) = 1e-10, and
 * 1e-10 · 4e-320 rounds to 0, so N2 depends on H1 only: 3 pairs, with the query taking the
 * holder-by-holder path for N2 (a(N2) · hmin is 0). */
Test(length_query, dependence_underflow_hand_worked) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    const char *names[] = {"H1", "H2", "N1", "N2"};
    for (int i = 0; i < 4; i++) cr_assert_eq(lev_actor_add(net, names[i], NULL, NULL), LEV_OK);
    uint32_t r;
    cr_assert_eq(lev_resource_add(net, "money", &r), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 0, r, 1, 0), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 1, r, 4e-320, 0), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 2, r, 0, 1), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 3, r, 0, 1e-10), LEV_OK);
    for (uint32_t res = 0; res <= 1; res++) {
        uint32_t which = res ? LEV_NONE : r;
        size_t len = 0;
        cr_assert_eq(lev_dependence(net, which, NULL, 0, NULL, NULL, NULL, NULL, &len), LEV_ERANGE);
        cr_assert_eq(len, 3);
        uint32_t a[4], b[4];
        double d[4];
        cr_assert_eq(lev_dependence(net, which, NULL, 4, a, b, d, NULL, &len), LEV_OK);
        cr_assert_eq(len, 3);
        cr_assert(a[0] == 2 && b[0] == 0 && d[0] == 1);
        cr_assert(a[1] == 3 && b[1] == 0 && d[1] == 1e-10);
        cr_assert(a[2] == 2 && b[2] == 1 && d[2] > 0 && d[2] < 1e-300);
    }
    lev_network_free(net);
}
