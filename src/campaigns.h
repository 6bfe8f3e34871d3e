/*
 * Shared by diffusion.c and seeds.c: the diffusion model read from the options, and the seeded
 * counter-based random streams. Private to the campaigns family.
 */
#ifndef LEV_CAMPAIGNS_H
#define LEV_CAMPAIGNS_H

#include "internal.h"

#include <math.h>

/* The model of one call. */
typedef struct lev__dmodel {
    const lev__csr *g;
    int model;    /* LEV_MODEL_IC or LEV_MODEL_LT */
    int prob;     /* LEV_PROB_* (IC) */
    double pconst;
    int weighted; /* LT: strengths (1) or 1 per edge (0) */
    double *win;  /* LT: each actor's total incoming weight (n entries), else NULL */
} lev__dmodel;

/* Read the model's options, check the strengths when they are probabilities (the message names
 * the first edge above 1), and allocate what the model needs. On failure records the message
 * (prefixed by what) and returns the code; nothing stays allocated. */
lev_status lev__dmodel_init(const lev__ctx *c, const char *what, lev__dmodel *m);
void lev__dmodel_free(const lev__ctx *c, lev__dmodel *m);

/* IC probability of out-edge e (an index into out_adj) into v. */
static inline double lev__ic_prob(const lev__dmodel *m, size_t e, uint32_t v) {
    switch (m->prob) {
    case LEV_PROB_STRENGTH: return (double)m->g->out_w[e];
    case LEV_PROB_WC: return 1.0 / (double)(m->g->in_off[v + 1] - m->g->in_off[v]);
    default: return m->pconst;
    }
}

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

#endif /* LEV_CAMPAIGNS_H */
