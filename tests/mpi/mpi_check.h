/* What the MPI tests share: the rank, the count of failed checks, CHECK, and the generator of
 * their random files (the same stream on every rank). Plain C, no Criterion: the tests run under
 * mpirun. */
#ifndef LEV_TEST_MPI_CHECK_H
#define LEV_TEST_MPI_CHECK_H

#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int me, nranks, failures;

#define CHECK(cond, ...)                                                                                   \
    do {                                                                                                   \
        if (!(cond)) {                                                                                     \
            failures++;                                                                                    \
            fprintf(stderr, "[rank %d] %s:%d: check failed: %s: ", me, __FILE__, __LINE__, #cond);          \
            fprintf(stderr, __VA_ARGS__);                                                                  \
            fputc('\n', stderr);                                                                           \
        }                                                                                                  \
    } while (0)

/* xorshift, the same on every rank */
static uint64_t rng = 88172645463325252ULL;
static inline uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Sum the failed checks of every rank, report them on rank 0, finalize MPI; the exit status. */
static inline int mpi_check_finish(const char *name) {
    int total = 0;
    MPI_Allreduce(&failures, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (me == 0) printf("%s on %d ranks: %d failed checks\n", name, nranks, total);
    MPI_Finalize();
    return total ? 1 : 0;
}

#endif
