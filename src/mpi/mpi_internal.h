/* Internal declarations of libleverage_mpi (nothing here is public). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* fseeko, ftello */
#endif
#ifndef LEV_MPI_INTERNAL_H
#define LEV_MPI_INTERNAL_H

#include "leverage_mpi.h"

#include <stdint.h>

/* The single-process PageRank sums its reductions per block of this many actors; ranks own whole
 * blocks so that the same partial sums exist here and are added in the same order. */
#define LMPI_BLOCK 2048

/* Ghost values of one side: which ids this rank reads from others, and which of its own values it
 * sends. cnt holds 4 · size ints: receive counts, receive displacements, send counts, send
 * displacements (in values). */
typedef struct lmpi_plan {
    uint32_t *ghost;  /* nghost global ids, sorted (so grouped by owner) */
    uint32_t nghost;
    uint32_t *sidx;   /* nsend owned local indices to send, grouped by destination */
    uint32_t nsend;
    int *cnt;
} lmpi_plan;

/* One direction of the owned actors' edges: rows by owned actor (local index), sorted by the other
 * end's id with ties in file order; the other end is local (owned: id − first; ghost g: count + g). */
typedef struct lmpi_side {
    size_t *off;   /* count + 1 */
    uint32_t *adj;
    float *w;
    size_t m;
    lmpi_plan plan;
} lmpi_side;

struct lev_mpi_network {
    MPI_Comm comm;
    int rank, size;
    int loaded;
    uint64_t n, m;
    uint32_t first, count; /* owned ids first .. first + count − 1 */
    uint32_t *bounds;      /* size + 1: the first id of each rank, then n */
    char *names;           /* owned actors' names, NUL-terminated, in id order */
    size_t *name_off;      /* count + 1 */
    lmpi_side in, out;
    uint64_t sent, messages;
    char errmsg[512];
    char pending[512]; /* this rank's message, before the ranks agree */
};

lev_status lmpi_fail(lev_mpi_network *net, lev_status rc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
lev_status lmpi_agree(lev_mpi_network *net, lev_status rc);
int lmpi_owner(const lev_mpi_network *net, uint32_t id);
void lmpi_alltoallv(lev_mpi_network *net, const void *sbuf, const int *scount, const int *sdispl, void *rbuf,
                    const int *rcount, const int *rdispl, MPI_Datatype type);
/* Ghost values of plan pl from the owners' `own` values; scratch holds pl->nsend doubles. */
void lmpi_exchange(lev_mpi_network *net, const lmpi_plan *pl, const double *own, double *ghost, double *scratch);

#endif
