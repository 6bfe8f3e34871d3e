/*
 * Concurrent read-only calls on one network: 8 threads run the analyses at once on a network
 * whose compact form is not built yet (they race to build it), and each result must equal the
 * single-threaded answer. Run under TSan in the sanitizer preset as well.
 */
#include "helpers.h"

#include <pthread.h>

#define NT 8

typedef struct job {
    const lev_network *net;
    double *pr, *deg, *str;
    int ok;
} job;

static void *worker(void *arg) {
    job *j = arg;
    lev_params *p;
    if (lev_params_new(&p)) return NULL;
    lev_params_set_int(p, LEV_P_THREADS, 1);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    j->ok = lev_pagerank(j->net, NULL, p, j->pr) == LEV_OK && lev_degree(j->net, p, j->deg) == LEV_OK &&
            lev_strength(j->net, NULL, j->str) == LEV_OK;
    lev_params_free(p);
    return NULL;
}

Test(threads, eight_readers_agree_with_one) {
    lev_network *net = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    size_t n = lev_actor_count(net);
    job jobs[NT + 1];
    for (int k = 0; k <= NT; k++) {
        jobs[k].net = net;
        jobs[k].pr = calloc(n, sizeof(double));
        jobs[k].deg = calloc(n, sizeof(double));
        jobs[k].str = calloc(n, sizeof(double));
        jobs[k].ok = 0;
    }
    pthread_t th[NT];
    for (int round = 0; round < 3; round++) {
        /* Each round starts from an unbuilt compact form: a mutation drops it. */
        lev_actor_add(net, round == 0 ? "x0" : round == 1 ? "x1" : "x2", NULL, NULL);
        n = lev_actor_count(net);
        for (int k = 0; k <= NT; k++) {
            jobs[k].pr = realloc(jobs[k].pr, n * sizeof(double));
            jobs[k].deg = realloc(jobs[k].deg, n * sizeof(double));
            jobs[k].str = realloc(jobs[k].str, n * sizeof(double));
        }
        for (int k = 0; k < NT; k++) cr_assert_eq(pthread_create(&th[k], NULL, worker, &jobs[k]), 0);
        for (int k = 0; k < NT; k++) pthread_join(th[k], NULL);
        worker(&jobs[NT]);
        cr_assert(jobs[NT].ok);
        for (int k = 0; k < NT; k++) {
            cr_assert(jobs[k].ok, "thread %d failed", k);
            cr_assert_eq(memcmp(jobs[k].pr, jobs[NT].pr, n * sizeof(double)), 0, "pagerank differs on thread %d", k);
            cr_assert_eq(memcmp(jobs[k].deg, jobs[NT].deg, n * sizeof(double)), 0);
            cr_assert_eq(memcmp(jobs[k].str, jobs[NT].str, n * sizeof(double)), 0);
        }
    }
    for (int k = 0; k <= NT; k++) {
        free(jobs[k].pr);
        free(jobs[k].deg);
        free(jobs[k].str);
    }
    lev_network_free(net);
}
