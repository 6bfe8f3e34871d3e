/*
 * Layout: lev_layout (Fruchterman–Reingold). No peer computes the same bits (NetworkX's
 * spring_layout and igraph's layout_fruchterman_reingold draw other random starts), so the tests
 * check what a layout must do: the same bits for the same seed at any thread count, another
 * drawing for another seed, every point in [0, 1]², two cliques joined by one tie drawn as two
 * separated clusters, a path drawn with its middle actor in the middle, karate's two factions
 * apart; and the edge cases (empty network, one actor, self-loops and parallel edges that do not
 * matter), the size limit and misuse.
 */
#include "helpers.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static lev_network *net_of(uint32_t n, const uint32_t (*e)[2], size_t m) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    for (size_t k = 0; k < m; k++) cr_assert_eq(lev_edge_add(net, e[k][0], e[k][1], 1.0, NULL, NULL), LEV_OK);
    return net;
}

/* Two 6-cliques, 0..5 and 6..11, joined by the one tie 5 -> 6. */
static lev_network *two_cliques(void) {
    uint32_t e[31][2];
    size_t m = 0;
    for (uint32_t c = 0; c < 2; c++)
        for (uint32_t i = 0; i < 6; i++)
            for (uint32_t j = i + 1; j < 6; j++) e[m][0] = 6 * c + i, e[m][1] = 6 * c + j, m++;
    e[m][0] = 5, e[m][1] = 6, m++;
    return net_of(12, (const uint32_t (*)[2])e, m);
}

static double dist(const double *xy, uint32_t a, uint32_t b) {
    return hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);
}

static lev_params *params(int64_t seed, int threads) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, seed), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, threads), LEV_OK);
    return p;
}

/* Mean distance within the groups g[i] and between them. */
static void intra_inter(const double *xy, const int *g, uint32_t n, double *intra, double *inter) {
    double s[2] = {0, 0};
    size_t c[2] = {0, 0};
    for (uint32_t a = 0; a < n; a++)
        for (uint32_t b = a + 1; b < n; b++) {
            int k = g[a] != g[b];
            s[k] += dist(xy, a, b);
            c[k]++;
        }
    *intra = s[0] / (double)c[0];
    *inter = s[1] / (double)c[1];
}

Test(layout, two_cliques_are_two_clusters) {
    lev_network *net = two_cliques();
    int g[12];
    for (int i = 0; i < 12; i++) g[i] = i >= 6;
    for (int64_t seed = 1; seed <= 5; seed++) {
        lev_params *p = params(seed, 1);
        double xy[24];
        cr_assert_eq(lev_layout(net, p, xy), LEV_OK, "%s", lev_params_errmsg(p));
        double intra, inter;
        intra_inter(xy, g, 12, &intra, &inter);
        cr_assert(intra < 0.5 * inter, "seed %lld: mean intra-clique distance %g, inter %g", (long long)seed, intra,
                  inter);
        /* and every actor is nearer its own clique's centre than the other's */
        double cx[2] = {0, 0}, cy[2] = {0, 0};
        for (int i = 0; i < 12; i++) cx[g[i]] += xy[2 * i] / 6, cy[g[i]] += xy[2 * i + 1] / 6;
        for (int i = 0; i < 12; i++) {
            double own = hypot(xy[2 * i] - cx[g[i]], xy[2 * i + 1] - cy[g[i]]);
            double other = hypot(xy[2 * i] - cx[!g[i]], xy[2 * i + 1] - cy[!g[i]]);
            cr_assert(own < other, "seed %lld: actor %d is nearer the other clique", (long long)seed, i);
        }
        lev_params_free(p);
    }
    lev_network_free(net);
}

Test(layout, karate_factions_apart) {
    /* Zachary's split (Mr Hi's faction: actors 1-9, 11-14, 17, 18, 20, 22, 1-based). */
    static const int hi[34] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0,
                               0, 0, 0, 0, 0, 0, 0};
    lev_network *net = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    lev_params *p = params(42, 2);
    double xy[68];
    cr_assert_eq(lev_layout(net, p, xy), LEV_OK, "%s", lev_params_errmsg(p));
    int g[34];
    for (uint32_t i = 0; i < 34; i++) {
        char name[8];
        uint32_t idx;
        snprintf(name, sizeof name, "%u", i + 1);
        cr_assert_eq(lev_actor_find(net, name, &idx), LEV_OK);
        g[idx] = hi[i];
    }
    double intra, inter;
    intra_inter(xy, g, 34, &intra, &inter);
    cr_assert(intra < 0.8 * inter, "karate: mean intra-faction distance %g, inter %g", intra, inter);
    lev_params_free(p);
    lev_network_free(net);
}

Test(layout, path_middle_in_the_middle) {
    static const uint32_t e[2][2] = {{0, 1}, {2, 1}};
    lev_network *net = net_of(3, e, 2);
    double xy[6];
    cr_assert_eq(lev_layout(net, NULL, xy), LEV_OK);
    double ab = dist(xy, 0, 1), bc = dist(xy, 1, 2), ac = dist(xy, 0, 2);
    cr_assert(ac > ab && ac > bc, "path a-b-c: |ac| %g, |ab| %g, |bc| %g", ac, ab, bc);
    cr_assert(fabs(ab - bc) < 0.05 * ac, "symmetric path: |ab| %g and |bc| %g differ", ab, bc);
    lev_network_free(net);
}

Test(layout, same_seed_same_bits_any_threads) {
    lev_network *net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    size_t n = lev_actor_count(net);
    double *a = malloc(2 * n * sizeof *a), *b = malloc(2 * n * sizeof *b), *c = malloc(2 * n * sizeof *c);
    lev_params *p1 = params(7, 1), *p4 = params(7, 4), *q = params(8, 1);
    cr_assert_eq(lev_params_set_int(p1, LEV_P_LAYOUT_ITERATIONS, 100), LEV_OK);
    cr_assert_eq(lev_params_set_int(p4, LEV_P_LAYOUT_ITERATIONS, 100), LEV_OK);
    cr_assert_eq(lev_params_set_int(q, LEV_P_LAYOUT_ITERATIONS, 100), LEV_OK);
    cr_assert_eq(lev_layout(net, p1, a), LEV_OK);
    cr_assert_eq(lev_layout(net, p4, b), LEV_OK);
    cr_assert_eq(memcmp(a, b, 2 * n * sizeof *a), 0, "1 and 4 threads differ");
    cr_assert_eq(lev_layout(net, p1, b), LEV_OK);
    cr_assert_eq(memcmp(a, b, 2 * n * sizeof *a), 0, "two runs differ");
    cr_assert_eq(lev_layout(net, q, c), LEV_OK);
    cr_assert_neq(memcmp(a, c, 2 * n * sizeof *a), 0, "seeds 7 and 8 give the same drawing");
    /* bounds: in [0, 1]², spanning [0, 1] along the longer side */
    double lo[2] = {1, 1}, hi[2] = {0, 0};
    for (size_t i = 0; i < 2 * n; i++) {
        cr_assert(a[i] >= 0 && a[i] <= 1, "xy[%zu] = %g", i, a[i]);
        lo[i & 1] = fmin(lo[i & 1], a[i]);
        hi[i & 1] = fmax(hi[i & 1], a[i]);
    }
    double ext = fmax(hi[0] - lo[0], hi[1] - lo[1]);
    cr_assert(fabs(ext - 1) < 1e-12, "longer side spans %g", ext);
    cr_assert(fabs(lo[0] + hi[0] - 1) < 1e-12 && fabs(lo[1] + hi[1] - 1) < 1e-12, "not centred");
    lev_params_free(p1);
    lev_params_free(p4);
    lev_params_free(q);
    free(a);
    free(b);
    free(c);
    lev_network_free(net);
}

Test(layout, loops_and_parallel_edges_do_not_matter) {
    static const uint32_t plain[3][2] = {{0, 1}, {1, 2}, {2, 3}};
    static const uint32_t extra[7][2] = {{0, 1}, {1, 0}, {1, 2}, {1, 2}, {2, 2}, {3, 2}, {0, 0}};
    lev_network *a = net_of(4, plain, 3), *b = net_of(4, extra, 7);
    double xa[8], xb[8];
    cr_assert_eq(lev_layout(a, NULL, xa), LEV_OK);
    cr_assert_eq(lev_layout(b, NULL, xb), LEV_OK);
    cr_assert_eq(memcmp(xa, xb, sizeof xa), 0);
    lev_network_free(a);
    lev_network_free(b);
}

Test(layout, edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double xy[4] = {7, 7, 7, 7};
    cr_assert_eq(lev_layout(net, NULL, xy), LEV_OK);
    cr_assert_eq(xy[0], 7, "empty network: nothing written");
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_layout(net, NULL, xy), LEV_OK);
    cr_assert(xy[0] == 0.5 && xy[1] == 0.5 && xy[2] == 7, "one actor: (%g, %g)", xy[0], xy[1]);
    /* two actors without a tie still get distinct points */
    cr_assert_eq(lev_actor_add(net, "other", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_layout(net, NULL, xy), LEV_OK);
    cr_assert(dist(xy, 0, 1) > 0.9, "two isolates: %g apart", dist(xy, 0, 1));
    cr_assert_eq(lev_layout(net, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_layout(NULL, NULL, xy), LEV_EMISUSE);
    lev_network_free(net);
}

static int stop_now(void *ud, double done) {
    (void)done;
    ++*(int *)ud;
    return 1;
}

Test(layout, cancel_leaves_output) {
    lev_network *net = two_cliques();
    lev_params *p = params(1, 1);
    int calls = 0;
    cr_assert_eq(lev_params_set_progress(p, stop_now, &calls), LEV_OK);
    double xy[24];
    for (int i = 0; i < 24; i++) xy[i] = -1;
    cr_assert_eq(lev_layout(net, p, xy), LEV_ECANCELLED);
    cr_assert_eq(calls, 1);
    for (int i = 0; i < 24; i++) cr_assert_eq(xy[i], -1, "written on failure");
    lev_params_free(p);
    lev_network_free(net);
}

Test(layout, too_many_actors) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, LEV_LAYOUT_MAX_ACTORS + 1, "a");
    lev_params *p = params(1, 1);
    double x = 7;
    cr_assert_eq(lev_layout(net, p, &x), LEV_ELIMIT);
    cr_assert_str_eq(lev_params_errmsg(p), "layout: 10001 actors are more than the 10000 it draws (LEV_LAYOUT_MAX_ACTORS)");
    cr_assert_eq(x, 7);
    lev_params_free(p);
    lev_network_free(net);
}

Test(layout, same_bits_when_the_threads_really_split_the_work) {
    /* 3000 actors: enough pairs (V² ≥ 2·2^22) that LEV_P_THREADS 4 runs on more than one thread */
    enum { N = 3000 };
    static uint32_t e[2 * N][2];
    for (uint32_t i = 0; i < N; i++) {
        e[2 * i][0] = i, e[2 * i][1] = (i + 1) % N;
        e[2 * i + 1][0] = i, e[2 * i + 1][1] = (i * 7 + 3) % N;
    }
    lev_network *net = net_of(N, (const uint32_t (*)[2])e, 2 * N);
    static double a[2 * N], b[2 * N];
    lev_params *p1 = params(3, 1), *p4 = params(3, 4);
    cr_assert_eq(lev_params_set_int(p1, LEV_P_LAYOUT_ITERATIONS, 3), LEV_OK);
    cr_assert_eq(lev_params_set_int(p4, LEV_P_LAYOUT_ITERATIONS, 3), LEV_OK);
    cr_assert_eq(lev_layout(net, p1, a), LEV_OK);
    cr_assert_eq(lev_layout(net, p4, b), LEV_OK);
    cr_assert_eq(memcmp(a, b, sizeof a), 0, "1 and 4 threads differ on 3000 actors");
    lev_params_free(p1);
    lev_params_free(p4);
    lev_network_free(net);
}
