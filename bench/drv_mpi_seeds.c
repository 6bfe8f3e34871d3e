/*
 * bench/drv_mpi_seeds.c — lev_mpi_seeds against lev_seeds with OpenMP threads: influence
 * maximization (IC, weighted cascade, k seeds, epsilon 0.1 unless given) on one graph. A
 * benchmark, not a test.
 *
 *   mpirun -np P drv_mpi_seeds EDGES.csv [K] [EPS]          distributed, 1 thread per rank
 *   drv_mpi_seeds EDGES.csv [K] [EPS] --single T            one process, T OpenMP threads
 *
 * Prints one line of key=value pairs (rank 0): the call's wall seconds, CPU seconds (summed over
 * the ranks; the replica of the in-rows is built inside the call and counted), RR sets, the
 * certified ratio, the spread and a hash of the seed list (equal across modes: the same seeds).
 */
#include "leverage_mpi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static unsigned long long hash(const uint64_t *s, size_t n) {
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int me, np;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &np);
    if (argc < 2) {
        if (me == 0) fprintf(stderr, "usage: drv_mpi_seeds EDGES.csv [K] [EPS] [--single THREADS]\n");
        MPI_Finalize();
        return 2;
    }
    size_t k = argc > 2 && argv[2][0] != '-' ? (size_t)atoll(argv[2]) : 50;
    double eps = argc > 3 && argv[3][0] != '-' ? atof(argv[3]) : 0.1;
    int single = 0;
    for (int i = 2; i + 1 < argc; i++)
        if (strcmp(argv[i], "--single") == 0) single = atoi(argv[i + 1]);
    lev_params *p = NULL;
    lev_params_new(&p);
    lev_params_set_double(p, LEV_P_SEEDS_EPSILON, eps);
    uint64_t *s = malloc(k * sizeof *s), sets = 0, bytes = 0;
    double *g = malloc(k * sizeof *g), sp = 0, ratio = 0;
    size_t len = 0;
    if (single) {
        lev_params_set_int(p, LEV_P_THREADS, single);
        lev_network *net = NULL;
        lev_network_new(&net);
        if (lev_read_file(net, LEV_FORMAT_EDGES_CSV, argv[1], NULL)) {
            fprintf(stderr, "%s\n", lev_errmsg(net));
            return 1;
        }
        double *x = malloc(lev_actor_count(net) * sizeof *x);
        lev_degree(net, p, x); /* builds the compact form, outside the timing */
        free(x);
        uint32_t *s32 = malloc(k * sizeof *s32);
        double c0 = cpu(), t0 = MPI_Wtime();
        if (lev_seeds(net, k, NULL, NULL, p, s32, g, &len, &sp, &ratio, &sets, &bytes))
            fprintf(stderr, "%s\n", lev_params_errmsg(p));
        double t1 = MPI_Wtime(), c1 = cpu();
        for (size_t i = 0; i < len; i++) s[i] = s32[i];
        printf("mode=openmp threads=%d actors=%zu edges=%zu k=%zu eps=%g seeds_s=%.3f cpu_s=%.3f rr_sets=%llu "
               "ratio=%.4f spread=%.2f seeds_hash=%016llx\n",
               single, lev_actor_count(net), lev_edge_count(net), k, eps, t1 - t0, c1 - c0, (unsigned long long)sets,
               ratio, sp, hash(s, len));
        free(s32);
        lev_network_free(net);
    } else {
        lev_params_set_int(p, LEV_P_THREADS, 1);
        lev_mpi_network *dn = NULL;
        lev_mpi_network_new(MPI_COMM_WORLD, &dn);
        if (lev_mpi_read_edges(dn, argv[1], p)) {
            if (me == 0) fprintf(stderr, "%s\n", lev_mpi_errmsg(dn));
            MPI_Finalize();
            return 1;
        }
        MPI_Barrier(MPI_COMM_WORLD);
        double c0 = cpu(), t0 = MPI_Wtime();
        if (lev_mpi_seeds(dn, k, NULL, NULL, p, s, g, &len, &sp, &ratio, &sets, &bytes) && me == 0)
            fprintf(stderr, "%s\n", lev_mpi_errmsg(dn));
        MPI_Barrier(MPI_COMM_WORLD);
        double t1 = MPI_Wtime(), c = cpu() - c0, csum = 0;
        MPI_Reduce(&c, &csum, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
        if (me == 0)
            printf("mode=mpi ranks=%d actors=%llu edges=%llu k=%zu eps=%g seeds_s=%.3f cpu_s=%.3f rr_sets=%llu "
                   "ratio=%.4f spread=%.2f seeds_hash=%016llx\n",
                   np, (unsigned long long)lev_mpi_actor_count(dn), (unsigned long long)lev_mpi_edge_count(dn), k, eps,
                   t1 - t0, csum, (unsigned long long)sets, ratio, sp, hash(s, len));
        lev_mpi_network_free(dn);
    }
    free(s);
    free(g);
    lev_params_free(p);
    MPI_Finalize();
    return 0;
}
