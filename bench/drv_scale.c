/*
 * bench/drv_scale.c — time the shortest-path measures the report needs on one CSV network
 * (e.g. gen rmatn 0 --n 20000 --m 200000 --wmax 5), wall and CPU time per call.
 *
 * Usage: drv_scale FILE.csv THREADS WHAT...   WHAT: close harm betw betw_hops approx approx_hops
 *        closetop harmtop (weighted unless _hops; closetop/harmtop take K=10; add "dirin" to any
 *        closeness/harmonic for LEV_DIR_IN); acc / acc_hops: exact normalized betweenness, then
 *        the sampled one (default ε, δ), and the largest error over all actors
 */
#define _POSIX_C_SOURCE 200809L
#include <leverage.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <math.h>

static double clk(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 4) return 2;
    lev_network *net;
    if (lev_network_new(&net) || lev_read_file(net, LEV_FORMAT_EDGES_CSV, argv[1], NULL)) {
        fprintf(stderr, "load: %s\n", lev_errmsg(net));
        return 1;
    }
    size_t n = lev_actor_count(net);
    double *out = malloc(n * sizeof *out), sc[10];
    uint32_t ids[10];
    printf("%s: %zu actors, %zu edges, %s threads\n", argv[1], n, lev_edge_count(net), argv[2]);
    for (int i = 3; i < argc; i++) {
        const char *w = argv[i];
        lev_params *p;
        lev_params_new(&p);
        lev_params_set_int(p, LEV_P_THREADS, atoi(argv[2]));
        lev_params_set_int(p, LEV_P_WEIGHTED, strstr(w, "hops") ? 0 : 1);
        if (strstr(w, "dirin")) lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN);
        double t0 = clk(CLOCK_MONOTONIC), c0 = clk(CLOCK_PROCESS_CPUTIME_ID);
        lev_status rc = LEV_EINVAL;
        uint64_t samples = 0;
        double eps = 0;
#ifndef BASELINE
        if (!strncmp(w, "closetop", 8)) rc = lev_closeness_top(net, p, 10, ids, sc);
        else if (!strncmp(w, "harmtop", 7)) rc = lev_harmonic_top(net, p, 10, ids, sc);
        else if (!strncmp(w, "approx", 6)) rc = lev_betweenness_sampled(net, p, out, &samples, &eps);
#else
        if (!strncmp(w, "approx", 6)) rc = lev_betweenness_approx(net, p, out);
#endif
        else if (!strncmp(w, "close", 5)) rc = lev_closeness(net, p, out);
        else if (!strncmp(w, "harm", 4)) rc = lev_harmonic(net, p, out);
        else if (!strncmp(w, "betw", 4)) rc = lev_betweenness(net, p, out);
        else if (!strncmp(w, "acc", 3)) {
            double *ex = malloc(n * sizeof *ex), worst = 0;
            lev_params_set_int(p, LEV_P_NORMALIZED, 1);
            rc = lev_betweenness(net, p, ex);
            double t2 = clk(CLOCK_MONOTONIC), c2 = clk(CLOCK_PROCESS_CPUTIME_ID);
            printf("%-14s exact wall %8.3f s  cpu %8.3f s\n", w, t2 - t0, c2 - c0);
            if (!rc) rc = lev_betweenness_sampled(net, p, out, &samples, &eps);
            for (size_t v = 0; v < n; v++) worst = fabs(out[v] - ex[v]) > worst ? fabs(out[v] - ex[v]) : worst;
            printf("%-14s max |sampled - exact| %.3g\n", w, worst);
            free(ex);
        }
        double t1 = clk(CLOCK_MONOTONIC), c1 = clk(CLOCK_PROCESS_CPUTIME_ID);
        printf("%-14s rc=%d wall %8.3f s  cpu %8.3f s", w, rc, t1 - t0, c1 - c0);
        if (samples) printf("  samples %llu eps %g", (unsigned long long)samples, eps);
        if (!strncmp(w, "closetop", 8) || !strncmp(w, "harmtop", 7))
            printf("  top: %s %.6g", rc ? "-" : lev_actor_name(net, ids[0]), rc ? 0 : sc[0]);
        printf("\n");
        fflush(stdout);
        lev_params_free(p);
    }
    free(out);
    lev_network_free(net);
    return 0;
}
