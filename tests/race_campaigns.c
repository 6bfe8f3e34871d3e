/*
 * A plain (Criterion-free) race test of the campaigns family for ThreadSanitizer: 8 threads run
 * lev_spread (IC and LT) and lev_seeds on one network whose compact form is not built, racing
 * to build it; every answer must equal the one computed alone. Prints `N passed, N failed`.
 */
#include "leverage.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NT 8
#define K 3

typedef struct job {
    const lev_network *net;
    double *prob[2], sp[2], gains[K], spread, ratio;
    uint32_t seeds[K];
    size_t len;
    int ok;
} job;

static void *worker(void *arg) {
    job *j = arg;
    lev_params *p;
    if (lev_params_new(&p)) return NULL;
    lev_params_set_int(p, LEV_P_RUNS, 200);
    lev_params_set_int(p, LEV_P_THREADS, 2);
    lev_params_set_double(p, LEV_P_SEEDS_EPSILON, 0.3);
    uint32_t s[2] = {0, 11};
    j->ok = 1;
    for (int model = LEV_MODEL_IC; model <= LEV_MODEL_LT; model++) {
        lev_params_set_int(p, LEV_P_MODEL, model);
        j->ok &= lev_spread(j->net, s, 2, p, &j->sp[model - 1], NULL, NULL, j->prob[model - 1]) == LEV_OK;
    }
    lev_params_set_int(p, LEV_P_MODEL, LEV_MODEL_IC);
    j->ok &= lev_seeds(j->net, K, NULL, NULL, p, j->seeds, j->gains, &j->len, &j->spread, &j->ratio, NULL, NULL) ==
             LEV_OK;
    lev_params_free(p);
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
    for (int round = 0; round < 2; round++) {
        char name[16];
        snprintf(name, sizeof name, "extra%d", round);
        lev_actor_add(net, name, NULL, NULL); /* drops the compact form */
        size_t n = lev_actor_count(net);
        job jobs[NT + 1];
        pthread_t th[NT];
        memset(jobs, 0, sizeof jobs);
        for (int k = 0; k <= NT; k++) {
            jobs[k].net = net;
            for (int o = 0; o < 2; o++) jobs[k].prob[o] = calloc(n, sizeof(double));
        }
        for (int k = 0; k < NT; k++) pthread_create(&th[k], NULL, worker, &jobs[k]);
        for (int k = 0; k < NT; k++) pthread_join(th[k], NULL);
        worker(&jobs[NT]);
        for (int k = 0; k < NT; k++) {
            const job *a = &jobs[k], *b = &jobs[NT];
            int same = a->ok && b->ok && !memcmp(a->sp, b->sp, sizeof a->sp) && a->len == b->len &&
                       !memcmp(a->seeds, b->seeds, sizeof a->seeds) && !memcmp(a->gains, b->gains, sizeof a->gains) &&
                       a->spread == b->spread && a->ratio == b->ratio;
            for (int o = 0; o < 2 && same; o++) same = !memcmp(a->prob[o], b->prob[o], n * sizeof(double));
            if (same) passed++;
            else { failed++; fprintf(stderr, "round %d thread %d differs\n", round, k); }
        }
        for (int k = 0; k <= NT; k++)
            for (int o = 0; o < 2; o++) free(jobs[k].prob[o]);
    }
    lev_network_free(net);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
