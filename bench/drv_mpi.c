/*
 * bench/drv_mpi.c — libleverage_mpi's PageRank against libleverage's OpenMP one, and the
 * communication the cost model of docs/scale-out.md predicts. A benchmark, not a test.
 *
 *   mpirun -np P drv_mpi EDGES.csv            distributed: load, PageRank (tol 1e-10), volumes
 *   drv_mpi EDGES.csv --single T              one process, T OpenMP threads (no MPI traffic)
 *
 * Prints one line of key=value pairs (rank 0): ranks, load_s, pagerank_s, and per rank the
 * largest part in bytes, ghosts, and bytes/messages sent per PageRank iteration (measured over
 * 10 fixed iterations, so they do not depend on convergence).
 */
#include "leverage_mpi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double now(void) { return MPI_Wtime(); }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int me, np;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &np);
    if (argc < 2) {
        if (me == 0) fprintf(stderr, "usage: drv_mpi EDGES.csv [--single THREADS]\n");
        MPI_Finalize();
        return 2;
    }
    lev_params *p = NULL;
    lev_params_new(&p);
    if (argc == 4 && strcmp(argv[2], "--single") == 0) {
        lev_params_set_int(p, LEV_P_THREADS, atoi(argv[3]));
        lev_network *net = NULL;
        lev_network_new(&net);
        double t0 = now();
        if (lev_read_file(net, LEV_FORMAT_EDGES_CSV, argv[1], NULL)) {
            fprintf(stderr, "%s\n", lev_errmsg(net));
            return 1;
        }
        double t1 = now();
        size_t n = lev_actor_count(net);
        double *x = malloc(n * sizeof *x);
        lev_degree(net, p, x); /* builds the compact form, outside the PageRank timing */
        double t2 = now();
        if (lev_pagerank(net, NULL, p, x)) fprintf(stderr, "%s\n", lev_params_errmsg(p));
        double t3 = now();
        printf("mode=openmp threads=%s actors=%zu edges=%zu load_s=%.3f compact_s=%.3f pagerank_s=%.3f\n", argv[3], n,
               lev_edge_count(net), t1 - t0, t2 - t1, t3 - t2);
        free(x);
        lev_network_free(net);
        lev_params_free(p);
        MPI_Finalize();
        return 0;
    }
    lev_mpi_network *dn = NULL;
    lev_mpi_network_new(MPI_COMM_WORLD, &dn);
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = now();
    if (lev_mpi_read_edges(dn, argv[1], p)) {
        if (me == 0) fprintf(stderr, "%s\n", lev_mpi_errmsg(dn));
        MPI_Finalize();
        return 1;
    }
    MPI_Barrier(MPI_COMM_WORLD);
    double t1 = now();
    uint64_t count;
    lev_mpi_owned(dn, NULL, &count);
    double *x = malloc((count + 1) * sizeof *x);
    if (lev_mpi_pagerank(dn, p, x) && me == 0) fprintf(stderr, "%s\n", lev_mpi_errmsg(dn));
    MPI_Barrier(MPI_COMM_WORLD);
    double t2 = now();
    /* traffic of 10 fixed iterations: 11 exchanges (the first values, then one per iteration) */
    uint64_t s0, m0, s1, m1, bytes, ghosts;
    lev_mpi_stats(dn, &bytes, &ghosts, &s0, &m0);
    lev_params_set_double(p, LEV_P_TOLERANCE, 0);
    lev_params_set_int(p, LEV_P_MAX_ITER, 10);
    lev_mpi_pagerank(dn, p, x); /* LEV_ENOCONV, on purpose */
    lev_mpi_stats(dn, NULL, NULL, &s1, &m1);
    double per_it[3] = {(double)(s1 - s0) / 11, (double)(m1 - m0) / 11, (double)bytes}, mx[3];
    double gh = (double)ghosts, ghmax, own = (double)count, ownmax;
    MPI_Reduce(per_it, mx, 3, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    MPI_Reduce(&gh, &ghmax, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    MPI_Reduce(&own, &ownmax, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    if (me == 0)
        printf("mode=mpi ranks=%d actors=%llu edges=%llu load_s=%.3f pagerank_s=%.3f max_part_bytes=%.0f "
               "B_per_edge_total=%.1f max_owned=%.0f max_ghosts=%.0f max_sent_B_per_iter=%.0f max_msgs_per_iter=%.1f\n",
               np, (unsigned long long)lev_mpi_actor_count(dn), (unsigned long long)lev_mpi_edge_count(dn), t1 - t0,
               t2 - t1, mx[2], mx[2] * np / (double)lev_mpi_edge_count(dn), ownmax, ghmax, mx[0], mx[1]);
    free(x);
    lev_mpi_network_free(dn);
    lev_params_free(p);
    MPI_Finalize();
    return 0;
}
