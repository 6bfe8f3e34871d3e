/*
 * A plain (Criterion-free) race test for ThreadSanitizer, which Criterion's process arenas do
 * not run under: 8 threads run every analysis on one network whose compact form is not built,
 * racing to build it; every answer must equal the single-threaded one. Prints `N passed, N failed`.
 */
#include "leverage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#define NT 8

typedef struct job { const lev_network *net; double *pr, *deg, *bet, *clo, *con; uint64_t tri[16]; int ok; } job;

static void *worker(void *arg) {
    job *j = arg;
    lev_params *p;
    if (lev_params_new(&p)) return NULL;
    lev_params_set_int(p, LEV_P_THREADS, 2);
    /* Every parallel family: walks, paths, brokerage, census. */
    j->ok = lev_pagerank(j->net, NULL, p, j->pr) == LEV_OK && lev_degree(j->net, NULL, j->deg) == LEV_OK &&
            lev_betweenness(j->net, p, j->bet) == LEV_OK && lev_closeness(j->net, p, j->clo) == LEV_OK &&
            lev_constraint(j->net, p, j->con) == LEV_OK && lev_triad_census(j->net, p, j->tri) == LEV_OK;
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
    for (int round = 0; round < 4; round++) {
        char name[16];
        snprintf(name, sizeof name, "extra%d", round);
        lev_actor_add(net, name, NULL, NULL); /* drops the compact form */
        size_t n = lev_actor_count(net);
        job jobs[NT + 1];
        pthread_t th[NT];
        for (int k = 0; k <= NT; k++) {
            jobs[k].net = net;
            jobs[k].pr = calloc(n, sizeof(double));
            jobs[k].deg = calloc(n, sizeof(double));
            jobs[k].bet = calloc(n, sizeof(double));
            jobs[k].clo = calloc(n, sizeof(double));
            jobs[k].con = calloc(n, sizeof(double));
            jobs[k].ok = 0;
        }
        for (int k = 0; k < NT; k++) pthread_create(&th[k], NULL, worker, &jobs[k]);
        for (int k = 0; k < NT; k++) pthread_join(th[k], NULL);
        worker(&jobs[NT]);
        for (int k = 0; k < NT; k++) {
            int same = jobs[k].ok && jobs[NT].ok && !memcmp(jobs[k].pr, jobs[NT].pr, n * sizeof(double)) &&
                       !memcmp(jobs[k].deg, jobs[NT].deg, n * sizeof(double)) &&
                       !memcmp(jobs[k].bet, jobs[NT].bet, n * sizeof(double)) &&
                       !memcmp(jobs[k].clo, jobs[NT].clo, n * sizeof(double)) &&
                       !memcmp(jobs[k].con, jobs[NT].con, n * sizeof(double)) &&
                       !memcmp(jobs[k].tri, jobs[NT].tri, sizeof jobs[k].tri);
            if (same) passed++;
            else { failed++; fprintf(stderr, "round %d thread %d differs\n", round, k); }
        }
        for (int k = 0; k <= NT; k++) {
            free(jobs[k].pr);
            free(jobs[k].deg);
            free(jobs[k].bet);
            free(jobs[k].clo);
            free(jobs[k].con);
        }
    }
    lev_network_free(net);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
