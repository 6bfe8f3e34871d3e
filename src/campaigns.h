/*
 * Shared by diffusion.c and seeds.c: the diffusion model read from the options (the model, the
 * random streams and the sampling code itself are in rrsample.h, shared with libleverage_mpi).
 * Private to the campaigns family.
 */
#ifndef LEV_CAMPAIGNS_H
#define LEV_CAMPAIGNS_H

#include "internal.h"

#include <math.h>

#include "rrsample.h"

/* The model's view of the compact form. */
static inline void lev__rrg_of(lev__rrg *v, const lev__csr *g) {
    v->n = g->n;
    v->m = g->m;
    v->out_off = g->out_off;
    v->in_off = g->in_off;
    v->out_adj = g->out_adj;
    v->in_adj = g->in_adj;
    v->ow = lev__wts_out(g);
    v->iw = lev__wts_in(g);
}

/* Read the model's options, check the strengths when they are probabilities (the message names
 * the first edge above 1), and allocate what the model needs. On failure records the message
 * (prefixed by what) and returns the code; nothing stays allocated. */
lev_status lev__dmodel_init(const lev__ctx *c, const char *what, lev__dmodel *m);
void lev__dmodel_free(const lev__ctx *c, lev__dmodel *m);

#endif /* LEV_CAMPAIGNS_H */
