/* A tiny MPI program built against the installed libleverage_mpi (tests/install/run.cmake). */
#include <leverage_mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    lev_mpi_network *net = NULL;
    int ok = argc == 2 && lev_mpi_network_new(MPI_COMM_WORLD, &net) == LEV_OK &&
             lev_mpi_read_edges(net, argv[1], NULL) == LEV_OK && lev_mpi_actor_count(net) == 15; /* the Florentine families with ties */
    uint64_t first = 0, count = 0;
    double pr[64], sum = 0, all = 0;
    if (ok) lev_mpi_owned(net, &first, &count);
    ok = ok && count <= 64 && lev_mpi_pagerank(net, NULL, pr) == LEV_OK;
    for (uint64_t i = 0; ok && i < count; i++) sum += pr[i];
    MPI_Allreduce(&sum, &all, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    ok = ok && all > 0.999999 && all < 1.000001;
    if (rank == 0) printf("libleverage_mpi: pagerank %s\n", ok ? "ok" : (net ? lev_mpi_errmsg(net) : "no network"));
    lev_mpi_network_free(net);
    MPI_Finalize();
    return !ok;
}
