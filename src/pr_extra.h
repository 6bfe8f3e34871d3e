/*
 * src/pr_extra.h — the extrapolation rule of the power iterations: lev_pagerank()
 * (src/pagerank.c), lev_mpi_pagerank() (src/mpi/kernels.c: the same steps, the same bits),
 * lev_katz() and lev_eigenvector() (src/spectral.c). The why is in src/pagerank.c's header
 * comment. Header-only: the MPI library does not link the internals of libleverage.
 */
#ifndef LEV_PR_EXTRA_H
#define LEV_PR_EXTRA_H

#include <math.h>
#include <stdint.h>

/* g(v) = ±1, fixed by a multiplicative hash of the actor's index (the global one under MPI). */
static inline double lev__pr_sign(uint64_t v) {
    return ((uint32_t)((uint32_t)v * 0x9E3779B1u) >> 31) ? 1.0 : -1.0;
}

/* What the rule remembers between iterations. */
typedef struct lev__pr_extra {
    int plain;       /* plain iterations in a row, the last one included */
    int off;         /* a step did not pay: no more */
    double err, sgn; /* the previous iteration's L1 and signed change */
    double ratio;    /* the previous ratio of L1 changes, 0 if none */
    int agreed;      /* the previous signed ratio was within 1% of that ratio */
    double check;    /* after a step: the next plain change must be below this (r² times the
                      * change before the step, what two plain iterations would have reached) */
} lev__pr_extra;

#define LEV__PR_EXTRA_INIT {0, 0, 0, 0, 0, 0, 0}

/* Told an iteration's L1 change `err` and signed change `sgn`, and whether it was plain; returns
 * the coefficient c for the next iteration: 0 for a plain one, s/(1 − s) for an extrapolated one.
 * Deterministic: it sees only the two sums, which every thread count and rank count agree on. */
static inline double lev__pr_extrapolate(lev__pr_extra *e, int plain, double err, double sgn) {
    double c = 0;
    if (!plain) {
        e->plain = 0;
        e->agreed = 0;
    }
    else {
        e->plain++;
        if (e->check > 0) { /* the first plain iteration after a step */
            if (!(err < e->check)) e->off = 1;
            e->check = 0;
        }
        double r = 0;
        int agreed = 0;
        if (e->plain >= 2 && e->err > 0 && e->sgn != 0) {
            r = err / e->err;
            double s = sgn / e->sgn;
            agreed = r > 0 && fabs(fabs(s) - r) <= 0.01 * r;
            /* twice: a complex pair's signed ratio can meet r once by chance */
            if (!e->off && e->plain >= 3 && agreed && e->agreed && fabs(r - e->ratio) <= 0.01 * r && s <= 0.9) {
                c = s / (1 - s);
                e->check = r * r * err;
            }
        }
        e->ratio = r;
        e->agreed = agreed;
    }
    e->err = err;
    e->sgn = sgn;
    return c;
}

/* The progress to report for an iteration whose own is `done`: never less than what was shown
 * (an extrapolated step may change more than the iteration before it), and 1 only for a plain
 * iteration (the converging one). */
static inline double lev__pr_progress(double *shown, double done, int plain) {
    if (!plain && done >= 1) done = *shown;
    if (done > *shown) *shown = done;
    return *shown;
}

#endif
