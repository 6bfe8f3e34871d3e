/*
 * Communities: the batched, parallel Leiden path (levels of 4096 nodes or more) on a generated
 * R-MAT network with hubs, against igraph (tests/ref/ref_communities_par.h, made by
 * tests/ref/make_refs_communities_par.py; the header's comments hold the exact peer calls):
 * the same partition for any LEV_P_THREADS, modularity at least igraph's Louvain, directed
 * modularity as deterministic, and cancellation in the middle of a batched pass.
 */
#include "helpers.h"

#include "ref/ref_communities_par.h"

#include <stdint.h>

/* The 64-bit LCG of make_refs_communities_par.py. */
typedef struct lcg { uint64_t x; } lcg;
static uint64_t lcg_r(lcg *g) {
    g->x = g->x * 6364136223846793005ull + 1442695040888963407ull;
    return g->x >> 33;
}

/* rmat13 of make_refs_communities_par.py: 8192 actors "r0".."r8191", R-MAT edges, self-loops
 * dropped, strengths 1..9, parallel edges kept. */
static lev_network *rmat13(void) {
    uint32_t scale = 13, n = 1u << scale;
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "r");
    lcg g = {2024};
    size_t kept = 0;
    for (int e = 0; e < 131072; e++) {
        uint32_t s = 0, t = 0;
        for (uint32_t b = 0; b < scale; b++) {
            uint64_t q = lcg_r(&g) % 100;
            s <<= 1;
            t <<= 1;
            if (q < 57) {
            } else if (q < 76) {
                t |= 1;
            } else if (q < 95) {
                s |= 1;
            } else {
                s |= 1;
                t |= 1;
            }
        }
        double w = (double)(1 + lcg_r(&g) % 9);
        if (s == t) continue;
        cr_assert_eq(lev_edge_add(net, s, t, w, NULL, NULL), LEV_OK);
        kept++;
    }
    cr_assert_eq(kept, REF_RMAT13_EDGES);
    return net;
}

static lev_params *params_threads(int threads) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_int(p, LEV_P_THREADS, threads);
    return p;
}

/* lev_communities with the contract checked: ids in order of first actor, count, and the
 * returned modularity equal to lev_modularity of the partition. */
static double run(lev_network *net, lev_params *p, uint32_t *comm) {
    size_t n = lev_actor_count(net), cnt = 0;
    double q = -9, q2 = -9;
    cr_assert_eq(lev_communities(net, p, comm, &cnt, &q), LEV_OK, "%s", lev_params_errmsg(p));
    uint32_t next = 0;
    for (size_t i = 0; i < n; i++) {
        cr_assert(comm[i] <= next, "community id %u before %u", comm[i], next);
        if (comm[i] == next) next++;
    }
    cr_assert_eq(cnt, next);
    cr_assert_eq(lev_modularity(net, comm, p, &q2), LEV_OK);
    cr_assert_eq(q, q2, "returned %.17g, lev_modularity %.17g", q, q2);
    return q;
}

Test(communities_par, same_partition_for_any_thread_count_and_at_least_igraph) {
    lev_network *net = rmat13();
    size_t n = lev_actor_count(net);
    uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    for (int seed = 1; seed <= 1; seed++) { /* one seed: each call takes ~0.1 s */
        double qa = 0;
        for (int t = 1; t <= 3; t++) {
            lev_params *p = params_threads(t);
            lev_params_set_int(p, LEV_P_SEED, seed);
            double q = run(net, p, t == 1 ? a : b);
            if (t == 1) {
                qa = q;
                cr_log_info("rmat13 seed %d: Q = %.15f (igraph multilevel %.15f, best of 10 %.15f, Leiden 2 "
                            "iterations %.15f)",
                            seed, q, ref_rmat13_q_multilevel, ref_rmat13_q_multilevel_best, ref_rmat13_q_leiden2);
                cr_assert(q >= ref_rmat13_q_multilevel_best, "seed %d: Q %.15f below igraph multilevel's best %.15f",
                          seed, q, ref_rmat13_q_multilevel_best);
            } else {
                cr_assert_eq(memcmp(a, b, n * sizeof *a), 0, "seed %d, threads %d", seed, t);
                cr_assert_eq(q, qa);
            }
            lev_params_free(p);
        }
    }
    free(a);
    free(b);
    lev_network_free(net);
}

Test(communities_par, directed_modularity_same_partition_for_any_thread_count) {
    lev_network *net = rmat13();
    size_t n = lev_actor_count(net);
    uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    double qa = 0;
    for (int t = 1; t <= 3; t++) {
        lev_params *p = params_threads(t);
        lev_params_set_int(p, LEV_P_DIRECTED_MODULARITY, 1);
        double q = run(net, p, t == 1 ? a : b);
        if (t == 1) {
            qa = q;
            cr_assert(q > 0.05, "directed Q %.15f", q);
        } else {
            cr_assert_eq(memcmp(a, b, n * sizeof *a), 0, "threads %d", t);
            cr_assert_eq(q, qa);
        }
        lev_params_free(p);
    }
    free(a);
    free(b);
    lev_network_free(net);
}

/* Cancels at the given call of the progress callback. */
static int cancel_at(void *ud, double done) {
    (void)done;
    int *left = ud;
    return --*left <= 0;
}

Test(communities_par, cancel_inside_a_batched_pass_leaves_outputs) {
    lev_network *net = rmat13();
    size_t n = lev_actor_count(net);
    uint32_t *comm = malloc(n * sizeof *comm);
    /* progress is reported at the end of each level and, inside the batched passes, after every
     * 65536 node visits: cancel at a few of the first calls */
    for (int at = 1; at <= 5; at += 2) {
        for (size_t i = 0; i < n; i++) comm[i] = 0xABCD;
        size_t count = 77;
        double q = -9;
        int left = at;
        lev_params *p = params_threads(2);
        lev_params_set_progress(p, cancel_at, &left);
        cr_assert_eq(lev_communities(net, p, comm, &count, &q), LEV_ECANCELLED, "cancel at call %d", at);
        cr_assert_eq(count, 77);
        cr_assert_eq(q, -9);
        for (size_t i = 0; i < n; i++) cr_assert_eq(comm[i], 0xABCD);
        lev_params_free(p);
    }
    free(comm);
    lev_network_free(net);
}
