/*
 * A plain (Criterion-free) race test for ThreadSanitizer, which Criterion's process arenas do
 * not run under: 8 threads run every analysis on one network whose compact form is not built,
 * racing to build it; every answer must equal the single-threaded one (for the randomized ones,
 * given the same seed). Prints `N passed, N failed`.
 */
#include "leverage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#define NT 8
#define NOUT 11 /* per-actor outputs compared */
#define TOPK 5
#define K 3 /* key players and seeds */

typedef struct job {
    const lev_network *net;
    double *o[NOUT];
    uint64_t tri[16], samples;
    uint32_t top[TOPK];
    double topsc[TOPK];
    uint32_t kp[K], seeds[K];
    double kps, sp[2], gains[K], spread, ratio;
    size_t nseeds;
    int ok;
} job;

static void *worker(void *arg) {
    job *j = arg;
    lev_params *p, *out;
    if (lev_params_new(&p)) return NULL;
    if (lev_params_new(&out)) {
        lev_params_free(p);
        return NULL;
    }
    lev_params_set_int(p, LEV_P_THREADS, 2);
    lev_params_set_int(out, LEV_P_THREADS, 2);
    lev_params_set_int(out, LEV_P_DIRECTION, LEV_DIR_OUT);
    lev_params_set_double(out, LEV_P_EPSILON, 0.1);
    double eps = 0;
    /* Every parallel family: walks (both directions), paths (exact, sampled, top-k), brokerage,
     * clustering, census. */
    j->ok = lev_pagerank(j->net, NULL, p, j->o[0]) == LEV_OK && lev_degree(j->net, NULL, j->o[1]) == LEV_OK &&
            lev_betweenness(j->net, p, j->o[2]) == LEV_OK && lev_closeness(j->net, p, j->o[3]) == LEV_OK &&
            lev_constraint(j->net, p, j->o[4]) == LEV_OK && lev_triad_census(j->net, p, j->tri) == LEV_OK &&
            lev_pagerank(j->net, NULL, out, j->o[5]) == LEV_OK && lev_clustering(j->net, p, j->o[6]) == LEV_OK &&
            lev_betweenness_sampled(j->net, out, j->o[7], &j->samples, &eps) == LEV_OK &&
            lev_reciprocity_actors(j->net, p, j->o[8]) == LEV_OK &&
            lev_closeness_top(j->net, out, TOPK, j->top, j->topsc) == LEV_OK;
    /* control and key players: the key-player search scores its candidates in parallel */
    size_t nd = 0;
    if (j->ok)
        j->ok = lev_keyplayers(j->net, K, p, j->kp, &j->kps) == LEV_OK && lev_drivers(j->net, p, 0, NULL, &nd) == LEV_ERANGE;
    /* campaigns: Monte Carlo spread (IC and LT) and the RR-set seeds, each with parallel draws */
    lev_params_set_int(p, LEV_P_RUNS, 200);
    lev_params_set_double(p, LEV_P_SEEDS_EPSILON, 0.3);
    uint32_t s[2] = {0, 11};
    for (int model = LEV_MODEL_IC; model <= LEV_MODEL_LT && j->ok; model++) {
        lev_params_set_int(p, LEV_P_MODEL, model);
        j->ok = lev_spread(j->net, s, 2, p, &j->sp[model - 1], NULL, NULL, j->o[8 + model]) == LEV_OK;
    }
    lev_params_set_int(p, LEV_P_MODEL, LEV_MODEL_IC);
    if (j->ok)
        j->ok = lev_seeds(j->net, K, NULL, NULL, p, j->seeds, j->gains, &j->nseeds, &j->spread, &j->ratio, NULL,
                          NULL) == LEV_OK;
    lev_params_free(p);
    lev_params_free(out);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    int passed = 0, failed = 0;
    lev_network *net;
    if (lev_network_new(&net) || lev_read_file(net, LEV_FORMAT_EDGES_CSV, argv[1], NULL)) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    for (int round = 0; round < 4; round++) {
        char name[16];
        snprintf(name, sizeof name, "extra%d", round);
        lev_actor_add(net, name, NULL, NULL); /* drops the compact form */
        size_t n = lev_actor_count(net);
        job jobs[NT + 1];
        pthread_t th[NT];
        memset(jobs, 0, sizeof jobs);
        for (int k = 0; k <= NT; k++) {
            jobs[k].net = net;
            for (int o = 0; o < NOUT; o++) jobs[k].o[o] = calloc(n, sizeof(double));
        }
        for (int k = 0; k < NT; k++) pthread_create(&th[k], NULL, worker, &jobs[k]);
        for (int k = 0; k < NT; k++) pthread_join(th[k], NULL);
        worker(&jobs[NT]);
        for (int k = 0; k < NT; k++) {
            /* memcmp: NaN (reciprocity of an actor without ties) compares equal to itself here */
            int same = jobs[k].ok && jobs[NT].ok && !memcmp(jobs[k].tri, jobs[NT].tri, sizeof jobs[k].tri) &&
                       jobs[k].samples == jobs[NT].samples && !memcmp(jobs[k].top, jobs[NT].top, sizeof jobs[k].top) &&
                       !memcmp(jobs[k].topsc, jobs[NT].topsc, sizeof jobs[k].topsc) &&
                       !memcmp(jobs[k].kp, jobs[NT].kp, sizeof jobs[k].kp) && jobs[k].kps == jobs[NT].kps &&
                       !memcmp(jobs[k].sp, jobs[NT].sp, sizeof jobs[k].sp) && jobs[k].nseeds == jobs[NT].nseeds &&
                       !memcmp(jobs[k].seeds, jobs[NT].seeds, sizeof jobs[k].seeds) &&
                       !memcmp(jobs[k].gains, jobs[NT].gains, sizeof jobs[k].gains) &&
                       jobs[k].spread == jobs[NT].spread && jobs[k].ratio == jobs[NT].ratio;
            for (int o = 0; o < NOUT && same; o++) same = !memcmp(jobs[k].o[o], jobs[NT].o[o], n * sizeof(double));
            if (same) passed++;
            else { failed++; fprintf(stderr, "round %d thread %d differs\n", round, k); }
        }
        for (int k = 0; k <= NT; k++)
            for (int o = 0; o < NOUT; o++) free(jobs[k].o[o]);
    }
    lev_network_free(net);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
