/*
 * The campaigns family's sampling code, shared by libleverage (lev_spread, lev_seeds) and
 * libleverage_mpi (lev_mpi_spread, lev_mpi_seeds): the same source file is compiled into both
 * libraries, with hidden visibility, so neither exports it and there is one copy of the code.
 *
 * It depends on no library internals: the graph is a view of compact-form arrays (rows as in
 * lev__csr: in-rows and out-rows sorted by the other end, ties in edge order), memory comes
 * through a lev_alloc_fn, and a process that holds only part of the samples reaches the others
 * through the hooks of lev__rrhooks (one process: all NULL).
 */
#ifndef LEV_RRSAMPLE_H
#define LEV_RRSAMPLE_H

#include "leverage.h"
#include "wts.h"

#include <stddef.h>
#include <stdint.h>

/* A view of a compact form: n actors, m edges, rows by actor (either side may be NULL when the
 * caller's kernel does not read it). */
typedef struct lev__rrg {
    uint32_t n;
    size_t m;
    const size_t *out_off, *in_off;   /* n + 1 each */
    const uint32_t *out_adj, *in_adj; /* m each */
    lev__wts ow, iw;                  /* m each */
} lev__rrg;

/* The diffusion model of one call. */
typedef struct lev__dmodel {
    lev__rrg g;
    int model;    /* LEV_MODEL_IC or LEV_MODEL_LT */
    int prob;     /* LEV_PROB_* (IC) */
    double pconst;
    int weighted; /* LT: strengths (1) or 1 per edge (0) */
    double *win;  /* LT: each actor's total incoming weight (n entries), else NULL */
} lev__dmodel;

/* IC probability of out-edge e (an index into out_adj) into v. */
static inline double lev__ic_prob(const lev__dmodel *m, size_t e, uint32_t v) {
    switch (m->prob) {
    case LEV_PROB_STRENGTH: return (double)lev__wt(m->g.ow, e);
    case LEV_PROB_WC: return 1.0 / (double)(m->g.in_off[v + 1] - m->g.in_off[v]);
    default: return m->pconst;
    }
}

/* LT: each actor's total incoming weight into win (n entries). */
void lev__dmodel_win(const lev__dmodel *m, double *win);

/* ---- random streams: splitmix64, stream i made from (seed, i) alone ------------------------ */

static inline uint64_t lev__mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static inline uint64_t lev__stream(uint64_t seed, uint64_t i, uint64_t tag) {
    return lev__mix64(seed ^ lev__mix64(tag)) ^ lev__mix64(i * 0xD1B54A32D192ED03ULL + tag);
}
static inline uint64_t lev__next(uint64_t *st) { return lev__mix64(*st += 0x9E3779B97F4A7C15ULL); }
/* Uniform in [0, 1). */
static inline double lev__unit(uint64_t *st) { return (double)(lev__next(st) >> 11) * 0x1.0p-53; }
/* Uniform in (0, 1]. */
static inline double lev__unit_open0(uint64_t *st) { return (double)((lev__next(st) >> 11) + 1) * 0x1.0p-53; }
/* Uniform in 0..bound-1 (bound >= 1), without bias. */
static inline uint64_t lev__below(uint64_t *st, uint64_t bound) {
    uint64_t lim = UINT64_MAX - UINT64_MAX % bound, x;
    do x = lev__next(st);
    while (x >= lim);
    return x % bound;
}

/* ---- the hooks of a process that holds part of the samples --------------------------------- */

enum { LEV__RR_U32, LEV__RR_U64, LEV__RR_F64 };

typedef struct lev__rrhooks {
    int rank, size; /* this process draws its share of every batch of samples (0 and 1: all) */
    void *ud;
    /* Element-wise sum over the processes, in place (integer-valued: exact in any order). NULL:
     * one process. */
    void (*sum)(void *ud, void *v, size_t count, int type);
    /* Every process's status becomes the first failed one's (NULL: one process). */
    lev_status (*agree)(void *ud, lev_status rc);
    /* Progress in [0, 1]; nonzero cancels (NULL: none). */
    lev_status (*progress)(void *ud, double done);
} lev__rrhooks;

/* The share [lo, hi) of samples [a, b) that process `rank` of `size` draws. */
static inline void lev__rr_share(const lev__rrhooks *h, uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi) {
    uint64_t P = h && h->size > 1 ? (uint64_t)h->size : 1, r = h && h->size > 1 ? (uint64_t)h->rank : 0;
    *lo = a + (b - a) * r / P;
    *hi = a + (b - a) * (r + 1) / P;
}

/* ---- forward simulation (lev_spread) ----------------------------------------------------------- */

/* Per-thread scratch of the forward simulation, n entries each. */
typedef struct lev__fwd {
    uint32_t *act, *tch, *q; /* run stamps (run + 1) and the queue of active actors */
    double *acc, *theta;     /* LT: weight received, threshold (valid when tch is this run's) */
    uint64_t *count;         /* activations per actor, or NULL */
} lev__fwd;

#define LEV__SPREAD_BLOCK 256 /* runs per block of the fixed-order reduction */

/* Runs blocks [b0, b1) (block b: runs b·256 .. min((b+1)·256, runs)) with `threads` threads, each
 * with its fs[thread]; block b's activations into bsum[b], their squares into bsq[b]. */
void lev__spread_blocks(const lev__dmodel *m, const uint32_t *seeds, size_t ns, uint64_t seed, uint64_t runs,
                        size_t b0, size_t b1, int threads, lev__fwd *fs, uint64_t *bsum, double *bsq);

/* The mean of nblocks blocks' activations over `runs` runs (sums bsum, squares bsq, added in
 * block order), its standard error and 95% interval; all 0 with no seeds. se, ci95 may be NULL. */
void lev__spread_summary(const uint64_t *bsum, const double *bsq, size_t nblocks, uint64_t runs, size_t nseeds,
                         double *mean, double *se, double *ci95);

/* ---- influence maximization (lev_seeds) -------------------------------------------------------- */

typedef struct lev__imargs {
    const lev__dmodel *m;
    size_t k;
    const uint8_t *rule;  /* n entries or NULL */
    const double *cost;   /* n entries or NULL (1 each); read only with a budget */
    double budget;        /* 0: none */
    size_t nreq;          /* required actors, and their cost */
    double creq;
    const uint32_t *roots; /* RR roots are drawn from roots[0 .. nroots) (NULL: every actor) */
    uint32_t nroots;
    size_t ngallow;        /* allowed actors among the roots (with roots) */
    uint64_t seed;
    double eps;
    int threads;           /* drawing threads (1: the calling thread) */
    lev_alloc_fn f;
    void *ud;
} lev__imargs;

typedef struct lev__imout {
    uint32_t *seeds; /* min(k, n) entries */
    double *gains;   /* or NULL */
    size_t len;
    double spread, ratio;
    uint64_t rr_sets, rr_bytes;
} lev__imout;

/* OPIM-C with the sets drawn by the processes of h (NULL: one process). n ≥ 1. Writes *out on
 * LEV_OK; otherwise returns LEV_ENOMEM (*nsets: the RR sets drawn by then) or what a hook
 * returned. With h->agree, every process returns the same status. */
lev_status lev__im_run(const lev__imargs *a, const lev__rrhooks *h, lev__imout *out, uint64_t *nsets);

#endif /* LEV_RRSAMPLE_H */
