/*
 * Diffusion: Independent Cascade and Linear Threshold, the expected spread of a seed set by
 * Monte Carlo (lev_spread), and the model set-up shared with influence maximization (seeds.c).
 * One run is rrsample.c's (shared with libleverage_mpi's lev_mpi_spread).
 *
 * Determinism: run r draws only from the stream made from (LEV_P_SEED, r), whatever thread runs
 * it; activation counts are integers (exact in any order) and the squared counts are summed per
 * block of 256 runs in run order, then over blocks in block order.
 */
#include "campaigns.h"

#include <math.h>
#include <string.h>

#define BLOCK LEV__SPREAD_BLOCK /* runs per block of the fixed-order reduction */
#define CHUNK 64    /* blocks between progress reports */

lev_status lev__dmodel_init(const lev__ctx *c, const char *what, lev__dmodel *m) {
    const lev__csr *g = c->g;
    memset(m, 0, sizeof *m);
    lev__rrg_of(&m->g, g);
    m->model = (int)lev__param(c->p, LEV_P_MODEL);
    m->prob = (int)lev__param(c->p, LEV_P_PROBABILITY);
    m->pconst = lev__param(c->p, LEV_P_CONSTANT_PROBABILITY);
    m->weighted = lev__param(c->p, LEV_P_WEIGHTED) != 0;
    if (m->model == LEV_MODEL_IC && m->prob == LEV_PROB_STRENGTH) {
        /* The first edge (by number) whose strength is above 1, if any. */
        const lev_network *net = c->net;
        size_t first = SIZE_MAX, at = 0;
        for (size_t k = 0; k < g->m; k++) {
            size_t e = lev__order(net, k);
            if (lev__pos_w(net, k) > 1 && e < first) first = e, at = k;
        }
        if (first != SIZE_MAX) {
            uint32_t s = 0;
            while (at >= g->out_off[s + 1]) s++;
            return lev__ctx_fail(c, LEV_EINVAL,
                                 "%s: edge %zu (%s -> %s) has strength %g, but with LEV_PROB_STRENGTH a "
                                 "strength is an Independent Cascade probability and must be in [0, 1] "
                                 "(use LEV_PROB_WC or LEV_PROB_CONSTANT, or rescale the strengths)",
                                 what, first, lev_actor_name(net, s), lev_actor_name(net, g->out_adj[at]),
                                 lev__pos_w(net, at));
        }
    }
    if (m->model == LEV_MODEL_LT && g->n) {
        m->win = lev__ctx_alloc(c, g->n, sizeof *m->win);
        if (!m->win)
            return lev__ctx_fail(c, LEV_ENOMEM, "%s: out of memory for the thresholds' weights of %u actors", what,
                                 g->n);
        lev__dmodel_win(m, m->win);
    }
    return LEV_OK;
}

void lev__dmodel_free(const lev__ctx *c, lev__dmodel *m) {
    if (m->win) lev__ctx_free(c, m->win, m->g.n, sizeof *m->win);
    m->win = NULL;
}

lev_status lev_spread(const lev_network *net, const uint32_t *seeds, size_t nseeds, lev_params *p, double *spread,
                      double *se, double *ci95, double *prob) {
    const char *what = "spread";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, spread);
    if (rc) return rc;
    if (!seeds && nseeds) return lev__ctx_fail(&c, LEV_EMISUSE, "%s: seeds is NULL but nseeds is %zu", what, nseeds);
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    for (size_t i = 0; i < nseeds; i++)
        if (seeds[i] >= n)
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: seeds[%zu] is %u, not an actor (the network has %u)", what, i,
                                 seeds[i], n);
    lev__dmodel m;
    if ((rc = lev__dmodel_init(&c, what, &m))) return rc;
    uint64_t runs = (uint64_t)lev__param(p, LEV_P_RUNS), seed = (uint64_t)lev__param(p, LEV_P_SEED);
    size_t nblocks = (size_t)((runs + BLOCK - 1) / BLOCK);
    int threads = nseeds ? lev__cap_threads(&c, nblocks, 1) : 1;
    lev__fwd *fs = lev__ctx_alloc(&c, (size_t)threads, sizeof *fs);
    uint64_t *bsum = lev__ctx_alloc(&c, nblocks, sizeof *bsum);
    double *bsq = lev__ctx_alloc(&c, nblocks, sizeof *bsq);
    int lt = m.model == LEV_MODEL_LT, oom = !fs || !bsum || !bsq;
    if (fs) memset(fs, 0, (size_t)threads * sizeof *fs);
    for (int t = 0; !oom && t < threads; t++) {
        lev__fwd *f = &fs[t];
        size_t nn = n ? n : 1;
        f->act = lev__ctx_alloc(&c, nn, sizeof *f->act);
        f->q = lev__ctx_alloc(&c, nn, sizeof *f->q);
        if (lt) {
            f->tch = lev__ctx_alloc(&c, nn, sizeof *f->tch);
            f->acc = lev__ctx_alloc(&c, nn, sizeof *f->acc);
            f->theta = lev__ctx_alloc(&c, nn, sizeof *f->theta);
        }
        if (prob) f->count = lev__ctx_alloc(&c, nn, sizeof *f->count);
        oom = !f->act || !f->q || (lt && (!f->tch || !f->acc || !f->theta)) || (prob && !f->count);
        if (!oom) {
            memset(f->act, 0, nn * sizeof *f->act);
            if (lt) memset(f->tch, 0, nn * sizeof *f->tch);
            if (prob) memset(f->count, 0, nn * sizeof *f->count);
        }
    }
    if (oom) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %d thread(s)' scratch on %u actors", what, threads,
                           n);
        goto done;
    }
    if (nseeds) {
        /* Seeds must be distinct: the first thread's stamps find a repeat. */
        for (size_t i = 0; i < nseeds; i++) {
            if (fs[0].act[seeds[i]] == UINT32_MAX) {
                size_t j = 0;
                while (seeds[j] != seeds[i]) j++;
                rc = lev__ctx_fail(&c, LEV_EINVAL, "%s: seeds[%zu] = %u repeats seeds[%zu]", what, i, seeds[i], j);
                break;
            }
            fs[0].act[seeds[i]] = UINT32_MAX;
        }
        for (size_t i = 0; i < nseeds; i++) fs[0].act[seeds[i]] = 0;
        if (rc) goto done;
        for (size_t b0 = 0; b0 < nblocks && rc == LEV_OK; b0 += CHUNK) {
            size_t b1 = b0 + CHUNK < nblocks ? b0 + CHUNK : nblocks;
            lev__spread_blocks(&m, seeds, nseeds, seed, runs, b0, b1, threads, fs, bsum, bsq);
            rc = lev__ctx_progress(&c, (double)b1 / (double)nblocks, what);
        }
        if (rc) goto done;
    }
    {
        double R = (double)runs;
        lev__spread_summary(bsum, bsq, nblocks, runs, nseeds, spread, se, ci95);
        if (prob)
            for (uint32_t v = 0; v < n; v++) {
                uint64_t k = 0;
                if (nseeds)
                    for (int t = 0; t < threads; t++) k += fs[t].count[v];
                prob[v] = (double)k / R;
            }
    }
done:
    if (fs) {
        for (int t = 0; t < threads; t++) {
            size_t nn = n ? n : 1;
            lev__fwd *f = &fs[t];
            if (f->act) lev__ctx_free(&c, f->act, nn, sizeof *f->act);
            if (f->q) lev__ctx_free(&c, f->q, nn, sizeof *f->q);
            if (f->tch) lev__ctx_free(&c, f->tch, nn, sizeof *f->tch);
            if (f->acc) lev__ctx_free(&c, f->acc, nn, sizeof *f->acc);
            if (f->theta) lev__ctx_free(&c, f->theta, nn, sizeof *f->theta);
            if (f->count) lev__ctx_free(&c, f->count, nn, sizeof *f->count);
        }
        lev__ctx_free(&c, fs, (size_t)threads, sizeof *fs);
    }
    if (bsum) lev__ctx_free(&c, bsum, nblocks, sizeof *bsum);
    if (bsq) lev__ctx_free(&c, bsq, nblocks, sizeof *bsq);
    lev__dmodel_free(&c, &m);
    return rc;
}
