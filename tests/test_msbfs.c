/*
 * Closeness and harmonic in hops by the multi-source BFS (src/paths.c, ms_block): the full calls
 * (64 sources per batch) must equal, bit for bit, the single-source searches that subsets of
 * fewer than 32 actors take, and a plain BFS written here, on random digraphs with isolated
 * actors, self-loops and parallel edges, with more than 64 and not a multiple of 64 actors, in
 * every direction, with and without a cutoff, on 1 and 4 threads.
 */
#include "helpers.h"

#include <stdint.h>

/* n actors; m random arcs among the first n − n/10 (the rest isolated), some self-loops and
 * some arcs repeated in a second channel. */
static lev_network *random_net(uint32_t n, size_t m, uint64_t seed) {
    return test_random_net(n, m, seed, (test_net_shape){.live = n - n / 10, .loop_every = 50, .wmax = 5,
                                                        .repeat_every = 17, .repeat_w = 2});
}

/* A plain BFS over the edges as given (out, in or both ways), up to maxh hops: closeness and
 * harmonic as the library defines them (harmonic: each level's count over its distance, added
 * in level order). */
static void naive(const lev_network *net, int dir, int maxh, double *clo, double *har) {
    uint32_t n = (uint32_t)lev_actor_count(net);
    size_t m = lev_edge_count(net);
    int *dist = malloc(n * sizeof *dist);
    uint32_t *queue = malloc(n * sizeof *queue);
    uint32_t *es = malloc(m * sizeof *es), *et = malloc(m * sizeof *et);
    for (size_t e = 0; e < m; e++) {
        double w;
        cr_assert_eq(lev_edge_get(net, e, &es[e], &et[e], &w, NULL), LEV_OK);
    }
    for (uint32_t s = 0; s < n; s++) {
        for (uint32_t v = 0; v < n; v++) dist[v] = -1;
        size_t head = 0, tail = 0;
        dist[s] = 0;
        queue[tail++] = s;
        uint64_t sum = 0, cnt[64] = {0};
        while (head < tail) {
            uint32_t v = queue[head++];
            if (dist[v] >= maxh) continue;
            for (size_t e = 0; e < m; e++) { /* O(E) per actor: the graphs are small */
                uint32_t x;
                if ((dir == 0 || dir == 2) && es[e] == v) x = et[e];
                else if ((dir == 1 || dir == 2) && et[e] == v) x = es[e];
                else continue;
                if (dist[x] < 0) {
                    dist[x] = dist[v] + 1;
                    queue[tail++] = x;
                    sum += (uint64_t)dist[x];
                    cnt[dist[x]]++;
                }
            }
        }
        double h = 0, r1 = (double)(tail - 1);
        for (int d = 1; d < 64; d++) h += (double)cnt[d] / (double)d;
        har[s] = h;
        clo[s] = sum > 0 ? (r1 / (double)sum) * (r1 / ((double)n - 1)) : 0;
    }
    free(dist);
    free(queue);
    free(es);
    free(et);
}

static lev_params *opts(int dir, int threads, double cutoff) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, threads), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK); /* hops */
    if (dir == 2) cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    else cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dir == 1 ? LEV_DIR_IN : LEV_DIR_OUT), LEV_OK);
    if (cutoff > 0) cr_assert_eq(lev_params_set_double(p, LEV_P_CUTOFF, cutoff), LEV_OK);
    return p;
}

/* doc: lev_closeness, lev_harmonic: hops, bit-identical whichever search path and thread count */
static void check(uint32_t n, size_t m, uint64_t seed) {
    lev_network *net = random_net(n, m, seed);
    double *clo = malloc(n * sizeof *clo), *har = malloc(n * sizeof *har);
    double *full = malloc(n * sizeof *full), *full4 = malloc(n * sizeof *full4), *sub = malloc(n * sizeof *sub);
    uint32_t *ids = malloc(n * sizeof *ids);
    static const double cuts[] = {0, 2, 3.5};
    for (int dir = 0; dir < 3; dir++)
        for (int c = 0; c < 3; c++) {
            naive(net, dir, cuts[c] > 0 ? (int)cuts[c] : 1 << 30, clo, har);
            lev_params *p1 = opts(dir, 1, cuts[c]), *p4 = opts(dir, 4, cuts[c]);
            for (int h = 0; h < 2; h++) {
                const double *want = h ? har : clo;
                cr_assert_eq((h ? lev_harmonic : lev_closeness)(net, p1, full), LEV_OK);
                cr_assert_eq((h ? lev_harmonic : lev_closeness)(net, p4, full4), LEV_OK);
                /* Subsets of 7 (the single-source path), in a scrambled order. */
                for (uint32_t i = 0; i < n; i++) ids[i] = (uint32_t)(((uint64_t)i * 37 + 11) % n);
                for (uint32_t i0 = 0; i0 < n; i0 += 7) {
                    size_t len = n - i0 < 7 ? n - i0 : 7;
                    double part[7];
                    cr_assert_eq((h ? lev_harmonic_subset : lev_closeness_subset)(net, ids + i0, len, p1, part),
                                 LEV_OK);
                    for (size_t j = 0; j < len; j++) sub[ids[i0 + j]] = part[j];
                }
                for (uint32_t v = 0; v < n; v++) {
                    cr_assert(full4[v] == full[v], "n %u dir %d %s actor %u: 4 threads %.17g, 1 thread %.17g", n,
                              dir, h ? "harmonic" : "closeness", v, full4[v], full[v]);
                    cr_assert(sub[v] == full[v], "n %u dir %d %s actor %u: one BFS %.17g, multi-source %.17g", n,
                              dir, h ? "harmonic" : "closeness", v, sub[v], full[v]);
                    cr_assert(full[v] == want[v], "n %u dir %d cut %g %s actor %u: %.17g, plain BFS %.17g", n, dir,
                              cuts[c], h ? "harmonic" : "closeness", v, full[v], want[v]);
                }
                /* A subset of ≥ 32 in a scrambled order takes the multi-source path too. */
                size_t len = n > 100 ? 100 : n;
                cr_assert_eq((h ? lev_harmonic_subset : lev_closeness_subset)(net, ids, len, p4, sub), LEV_OK);
                for (size_t j = 0; j < len; j++) cr_assert(sub[j] == full[ids[j]], "subset of %zu, place %zu", len, j);
            }
            lev_params_free(p1);
            lev_params_free(p4);
        }
    free(clo);
    free(har);
    free(full);
    free(full4);
    free(sub);
    free(ids);
    lev_network_free(net);
}

Test(msbfs, sparse_digraph_of_200) { check(200, 300, 1); }
Test(msbfs, denser_digraph_of_131) { check(131, 900, 2); }
Test(msbfs, exactly_64_and_65_and_33) {
    check(64, 150, 3);
    check(65, 150, 4);
    check(33, 60, 5);
}
Test(msbfs, long_paths_many_levels) { check(300, 330, 6); }

/* A hand-worked case: the directed path 0 → 1 → 2 → … → 69 (70 actors, more than a word). Out:
 * actor i reaches the 69 − i after it at distances 1..69 − i. */
Test(msbfs, directed_path_by_hand) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, 70, "p");
    for (uint32_t v = 0; v + 1 < 70; v++) cr_assert_eq(lev_edge_add(net, v, v + 1, 1, NULL, NULL), LEV_OK);
    double clo[70], har[70];
    lev_params *p = opts(0, 2, 0);
    cr_assert_eq(lev_closeness(net, p, clo), LEV_OK);
    cr_assert_eq(lev_harmonic(net, p, har), LEV_OK);
    lev_params_free(p);
    for (int i = 0; i < 70; i++) {
        double r = 69 - i, S = r * (r + 1) / 2, h = 0;
        for (int d = 1; d <= 69 - i; d++) h += 1.0 / d;
        cr_assert(clo[i] == (S > 0 ? (r / S) * (r / 69) : 0), "closeness of p%d: %.17g", i, clo[i]);
        cr_assert(har[i] == h, "harmonic of p%d: %.17g, want %.17g", i, har[i], h);
    }
    lev_network_free(net);
}
