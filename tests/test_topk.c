/*
 * Exact top-k closeness and harmonic (lev_closeness_top, lev_harmonic_top): the k actors and
 * scores must be the head of lev_closeness()/lev_harmonic()'s output sorted by decreasing score,
 * then index, bit for bit, under every option; on classic data, a directed set and a generated
 * R-MAT network of a few thousand actors, for several k.
 */
#include "helpers.h"

typedef struct topt {
    int undirected, weighted, dir, normalized, threads;
} topt;

static const topt OPTS[] = {
    {0, 0, 0, 0, 1}, {0, 1, 0, 0, 1}, {1, 0, 0, 0, 1}, {1, 1, 0, 0, 2}, {0, 0, LEV_DIR_IN, 0, 2},
    {0, 1, LEV_DIR_IN, 1, 1}, {0, 1, LEV_DIR_OUT, 1, 2}, {1, 0, 0, 1, 2},
};

static lev_params *mk(topt o) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, o.undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, o.weighted), LEV_OK);
    if (o.dir) cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, o.dir), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, o.normalized), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, o.threads), LEV_OK);
    return p;
}

/* Uniform in [0, 1) from a 64-bit LCG (Knuth's MMIX constants). */
static double lcg_unit(uint64_t *x) {
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*x >> 11) * 0x1.0p-53;
}

static const double *g_full;
static int by_score(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (g_full[x] != g_full[y]) return g_full[x] > g_full[y] ? -1 : 1;
    return x < y ? -1 : 1;
}

/* doc: lev_closeness_top, lev_harmonic_top: the head of the sorted full output, exact scores */
static void check_top(const lev_network *net, const char *what, int big) {
    size_t n = lev_actor_count(net), ks[] = {1, 2, 5, 10, 33, n, n + 7}, nk = big ? 4 : 7;
    double *full = malloc((n + 1) * sizeof *full), *sc = malloc((n + 8) * sizeof *sc);
    uint32_t *want = malloc((n + 1) * sizeof *want), *got = malloc((n + 8) * sizeof *got);
    for (int h = 0; h < 2; h++)
        for (size_t o = 0; o < sizeof OPTS / sizeof *OPTS; o++) {
            lev_params *p = mk(OPTS[o]);
            cr_assert_eq((h ? lev_harmonic : lev_closeness)(net, p, full), LEV_OK);
            for (uint32_t v = 0; v < n; v++) want[v] = v;
            g_full = full;
            qsort(want, n, sizeof *want, by_score);
            for (size_t j = 0; j < nk; j++) {
                size_t k = ks[j], len = k < n ? k : n;
                for (size_t i = 0; i < n + 8; i++) got[i] = 0xdeadbeef, sc[i] = -1;
                cr_assert_eq((h ? lev_harmonic_top : lev_closeness_top)(net, p, k, got, sc), LEV_OK, "%s",
                             lev_params_errmsg(p));
                for (size_t i = 0; i < len; i++) {
                    cr_assert_eq(got[i], want[i], "%s %s opts %zu k %zu: place %zu is actor %u, want %u", what,
                                 h ? "harmonic" : "closeness", o, k, i, got[i], want[i]);
                    cr_assert(sc[i] == full[got[i]], "%s: score %.17g != %.17g", what, sc[i], full[got[i]]);
                }
                cr_assert_eq(got[len], 0xdeadbeef, "%s: wrote past min(k, n)", what);
            }
            lev_params_free(p);
        }
    free(full);
    free(sc);
    free(want);
    free(got);
}

Test(topk, karate_and_lesmis) {
    lev_network *net = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    check_top(net, "karate", 0);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    check_top(net, "lesmis", 0);
    lev_network_free(net);
}

Test(topk, directed) {
    lev_network *net = load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
    check_top(net, "coleman", 0);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/directed_dangling.csv"), NULL);
    check_top(net, "directed_dangling", 0);
    lev_network_free(net);
    net = load_csv(SRC("tests/data/directed_inexact.csv"), NULL);
    check_top(net, "directed_inexact", 0);
    lev_network_free(net);
}

/* A directed R-MAT network (a = 0.57, b = c = 0.19) of 2048 actors and about 12,000 ties with
 * strengths 1..5, from a fixed LCG: many equal hop scores, so the ties order is exercised too. */
static lev_network *rmat(unsigned scale, size_t m, uint64_t seed) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    uint32_t n = 1u << scale;
    test_add_actors(net, n, "v");
    uint32_t *src = malloc(m * sizeof *src), *dst = malloc(m * sizeof *dst);
    double *w = malloc(m * sizeof *w);
    uint64_t x = seed;
    for (size_t e = 0; e < m; e++) {
        uint32_t i = 0, j = 0;
        for (unsigned lv = 0; lv < scale; lv++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            double u = (double)(x >> 11) * 0x1.0p-53;
            int ib = u >= 0.76, jb = ib ? u >= 0.76 + 0.19 : u >= 0.57;
            i |= (uint32_t)ib << lv;
            j |= (uint32_t)jb << lv;
        }
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        src[e] = i;
        dst[e] = j;
        w[e] = (double)(1 + (x >> 33) % 5);
    }
    cr_assert_eq(lev_edges_add(net, m, src, dst, w, NULL, NULL), LEV_OK, "%s", lev_errmsg(net));
    free(src);
    free(dst);
    free(w);
    return net;
}

Test(topk, rmat_2048, .timeout = 60) {
    lev_network *net = rmat(11, 12000, 42);
    check_top(net, "rmat", 1);
    lev_network_free(net);
}

/* 150 R-MAT networks of 64 to 512 actors with 2 to 42 ties each and varied skew, from a fixed LCG,
 * in hops (where the searches check a bound before every expansion: src/paths.c, top_eval),
 * four views, k = 1, 3, 5, 10. A bound that takes the next level's count at its upper end only
 * (closeness can fall as more actors are reached, when most of those reached are near) fails
 * on the first network; so does one that drops the lower end of top_bound's middle tier. */
static lev_network *rmat_skewed(uint64_t *x, unsigned scale, size_t m, double a, double b) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    uint32_t n = 1u << scale;
    test_add_actors(net, n, "v");
    uint32_t *src = malloc(m * sizeof *src), *dst = malloc(m * sizeof *dst);
    cr_assert(src && dst);
    for (size_t e = 0; e < m; e++) {
        uint32_t i = 0, j = 0;
        for (unsigned lv = 0; lv < scale; lv++) {
            double u = lcg_unit(x);
            uint32_t ib = u >= a + b, jb = u >= a + b ? u >= a + 2 * b : u >= a;
            i |= ib << lv;
            j |= jb << lv;
        }
        src[e] = i;
        dst[e] = j;
    }
    cr_assert_eq(lev_edges_add(net, m, src, dst, NULL, NULL, NULL), LEV_OK, "%s", lev_errmsg(net));
    free(src);
    free(dst);
    return net;
}

Test(topk, random_hops) {
    int checked = 0;
    for (uint64_t t = 0; t < 150; t++) {
        uint64_t x = t * 7919 + 1;
        unsigned scale = 6 + (unsigned)(lcg_unit(&x) * 4);
        uint32_t n = 1u << scale;
        size_t m = (size_t)(n * (2 + lcg_unit(&x) * 40));
        double a = 0.45 + lcg_unit(&x) * 0.3, b = (1 - a) * (0.2 + lcg_unit(&x) * 0.3);
        lev_network *net = rmat_skewed(&x, scale, m, a, b);
        double *full = malloc(n * sizeof *full);
        uint32_t *want = malloc(n * sizeof *want);
        for (int o = 0; o < 4; o++) {
            lev_params *p = mk((topt){o == 2, 0, o == 1 ? LEV_DIR_IN : o == 3 ? LEV_DIR_OUT : 0, 0, 2});
            for (int h = 0; h < 2; h++) {
                cr_assert_eq((h ? lev_harmonic : lev_closeness)(net, p, full), LEV_OK);
                for (uint32_t v = 0; v < n; v++) want[v] = v;
                g_full = full;
                qsort(want, n, sizeof *want, by_score);
                static const size_t ks[] = {1, 3, 5, 10};
                for (size_t j = 0; j < 4; j++) {
                    uint32_t got[10];
                    double sc[10];
                    cr_assert_eq((h ? lev_harmonic_top : lev_closeness_top)(net, p, ks[j], got, sc), LEV_OK);
                    for (size_t i = 0; i < ks[j]; i++)
                        cr_assert(got[i] == want[i] && sc[i] == full[want[i]],
                                  "network %llu (%u actors, %zu ties) view %d %s k %zu: place %zu is actor %u "
                                  "(%.17g), want %u (%.17g)",
                                  (unsigned long long)t, n, m, o, h ? "harmonic" : "closeness", ks[j], i, got[i],
                                  sc[i], want[i], full[want[i]]);
                    checked++;
                }
            }
            lev_params_free(p);
        }
        free(full);
        free(want);
        lev_network_free(net);
    }
    cr_assert_eq(checked, 150 * 4 * 2 * 4);
}

Test(topk, edge_cases) {
    lev_network *net;
    uint32_t ids[4] = {7, 7, 7, 7};
    double sc[4] = {-1, -1, -1, -1};
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    /* empty network, k = 0: LEV_OK, nothing written */
    cr_assert_eq(lev_closeness_top(net, NULL, 3, ids, sc), LEV_OK);
    cr_assert_eq(ids[0], 7);
    cr_assert_eq(lev_actor_add(net, "a", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_harmonic_top(net, NULL, 0, ids, sc), LEV_OK);
    cr_assert_eq(ids[0], 7);
    /* one actor: itself, score 0 */
    cr_assert_eq(lev_harmonic_top(net, NULL, 4, ids, sc), LEV_OK);
    cr_assert_eq(ids[0], 0);
    cr_assert_eq(sc[0], 0);
    cr_assert_eq(ids[1], 7);
    /* self-loops and parallel edges: b -> c twice, c -> c; a -> b */
    cr_assert_eq(lev_actor_add(net, "b", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "c", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 4, "x", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 2, 2, 9, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 1, 2, NULL, NULL), LEV_OK);
    /* hops, out: a reaches b (1), c (2): harmonic 1.5; b reaches c: 1; c: 0 */
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    cr_assert_eq(lev_harmonic_top(net, p, 3, ids, sc), LEV_OK);
    cr_assert_eq(ids[0], 0);
    cr_assert_eq(ids[1], 1);
    cr_assert_eq(ids[2], 2);
    cr_assert_float_eq(sc[0], 1.5, 1e-15);
    cr_assert_float_eq(sc[1], 1.0, 1e-15);
    cr_assert_eq(sc[2], 0);
    /* closeness: a: (2/3)·(2/2) = 2/3; b: (1/1)·(1/2) = 1/2 */
    cr_assert_eq(lev_closeness_top(net, p, 2, ids, sc), LEV_OK);
    cr_assert_eq(ids[0], 0);
    cr_assert_float_eq(sc[0], 2.0 / 3, 1e-15);
    cr_assert_float_eq(sc[1], 0.5, 1e-15);
    /* misuse: NULL outputs, message on p; outputs untouched */
    ids[0] = 9;
    cr_assert_eq(lev_closeness_top(net, p, 2, NULL, sc), LEV_EMISUSE);
    cr_assert_eq(lev_harmonic_top(net, p, 2, ids, NULL), LEV_EMISUSE);
    cr_assert(strstr(lev_params_errmsg(p), "scores") != NULL, "%s", lev_params_errmsg(p));
    cr_assert_eq(ids[0], 9);
    cr_assert_eq(lev_harmonic_top(NULL, p, 2, ids, sc), LEV_EMISUSE);
    lev_params_free(p);
    lev_network_free(net);
}

static int cancel_now(void *ud, double done) {
    (void)ud;
    (void)done;
    return 1;
}

/* doc: lev_closeness_top, outputs untouched on LEV_ECANCELLED */
Test(topk, cancel_leaves_outputs) {
    lev_network *net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_progress(p, cancel_now, NULL), LEV_OK);
    uint32_t ids[3] = {5, 5, 5};
    double sc[3] = {-2, -2, -2};
    cr_assert_eq(lev_closeness_top(net, p, 3, ids, sc), LEV_ECANCELLED);
    cr_assert_eq(ids[0], 5);
    cr_assert_eq(sc[0], -2);
    lev_params_free(p);
    lev_network_free(net);
}
