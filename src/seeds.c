/*
 * Influence maximization by reverse-reachable (RR) sampling with OPIM-C's stopping rule
 * (Tang, Tang, Xiao & Yuan, SIGMOD 2018): the checks of lev_seeds()'s arguments. The sampling,
 * the greedy and the schedule are rrsample.c's (lev__im_run), shared with libleverage_mpi's
 * lev_mpi_seeds() so that both run one copy of the code.
 */
#include "campaigns.h"

#include <math.h>
#include <string.h>

static double cost_of(const double *cost, uint32_t v) { return cost ? cost[v] : 1.0; }

/* The engine's hooks on one process: progress through the call's options. */
static lev_status im_progress(void *ud, double done) { return lev__ctx_progress((const lev__ctx *)ud, done, "seeds"); }

static void *ctx_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    const lev__mem *m = ud;
    return m->f(m->ud, ptr, osize, nsize);
}

lev_status lev_seeds(const lev_network *net, size_t k, const uint8_t *rule, const double *cost, lev_params *p,
                     uint32_t *seeds, double *gains, size_t *len, double *spread, double *ratio, uint64_t *rr_sets,
                     uint64_t *rr_bytes) {
    const char *what = "seeds";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, seeds);
    if (rc) return rc;
    if (!len) return lev__ctx_fail(&c, LEV_EMISUSE, "%s: len is NULL", what);
    if (k == 0) return lev__ctx_fail(&c, LEV_EINVAL, "%s: k is 0 (at least one seed must be asked for)", what);
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    double budget = lev__param(p, LEV_P_BUDGET);
    const double *ccost = budget > 0 ? cost : NULL;
    size_t nreq = 0;
    double creq = 0;
    for (uint32_t v = 0; v < n && rule; v++) {
        if (rule[v] > LEV_SEED_EXCLUDED)
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: rule[%u] is %u, not a lev_seed_rule (0 allowed, 1 required, 2 excluded)",
                                 what, v, (unsigned)rule[v]);
    }
    for (uint32_t v = 0; v < n && ccost; v++)
        if (!isfinite(ccost[v]) || !(ccost[v] > 0))
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: cost[%u] (actor %s) must be finite and > 0 (got %g)", what, v,
                                 lev_actor_name(net, v), ccost[v]);
    for (uint32_t v = 0; v < n && rule; v++)
        if (rule[v] == LEV_SEED_REQUIRED) {
            nreq++;
            creq += cost_of(ccost, v);
        }
    if (nreq > k)
        return lev__ctx_fail(&c, LEV_EINVAL, "%s: %zu actors are required seeds but k is %zu", what, nreq, k);
    if (budget > 0 && creq > budget)
        return lev__ctx_fail(&c, LEV_EINVAL, "%s: the required seeds cost %g, more than the budget %g", what, creq,
                             budget);
    int64_t tg = (int64_t)lev__param(p, LEV_P_TARGET_GROUP);
    uint32_t ngroup = 0;
    if (tg >= 0) {
        if ((uint64_t)tg >= lev_group_count(net))
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: target group %lld is not a group (the network has %zu)", what,
                                 (long long)tg, lev_group_count(net));
        for (uint32_t v = 0; v < n; v++) ngroup += lev__group_of(net, v) == (uint32_t)tg;
        if (ngroup == 0)
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: target group %lld (%s) has no actors", what, (long long)tg,
                                 lev_group_name(net, (uint32_t)tg));
    }
    lev__dmodel m;
    if ((rc = lev__dmodel_init(&c, what, &m))) return rc;
    if (n == 0) {
        *len = 0;
        if (spread) *spread = 0;
        if (ratio) *ratio = 1;
        if (rr_sets) *rr_sets = 0;
        if (rr_bytes) *rr_bytes = 0;
        lev__dmodel_free(&c, &m);
        return LEV_OK;
    }
    uint32_t *roots = NULL;
    size_t ngallow = 0;
    if (tg >= 0) {
        roots = lev__ctx_alloc(&c, ngroup, sizeof *roots);
        if (!roots) {
            lev__dmodel_free(&c, &m);
            return lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u RR roots", what, ngroup);
        }
        uint32_t j = 0;
        for (uint32_t v = 0; v < n; v++)
            if (lev__group_of(net, v) == (uint32_t)tg) {
                roots[j++] = v;
                ngallow += !rule || rule[v] == LEV_SEED_ALLOWED;
            }
    }
    /* RR sets are drawn by several threads on networks large enough to give each some work. */
    lev__imargs a = {.m = &m, .k = k, .rule = rule, .cost = ccost, .budget = budget, .nreq = nreq, .creq = creq,
                     .roots = roots, .nroots = ngroup, .ngallow = ngallow, .seed = (uint64_t)lev__param(p, LEV_P_SEED),
                     .eps = lev__param(p, LEV_P_SEEDS_EPSILON), .threads = lev__cap_threads(&c, n, 4096),
                     .f = ctx_alloc, .ud = (void *)&net->mem};
    lev__rrhooks h = {.rank = 0, .size = 1, .ud = &c, .progress = im_progress};
    lev__imout o = {.seeds = seeds, .gains = gains};
    uint64_t drawn = 0;
    rc = lev__im_run(&a, &h, &o, &drawn);
    if (rc == LEV_OK) {
        *len = o.len;
        if (spread) *spread = o.spread;
        if (ratio) *ratio = o.ratio;
        if (rr_sets) *rr_sets = o.rr_sets;
        if (rr_bytes) *rr_bytes = o.rr_bytes;
    } else if (rc == LEV_ENOMEM) {
        lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %llu RR sets on %u actors", what,
                      (unsigned long long)drawn, n);
    }
    if (roots) lev__ctx_free(&c, roots, ngroup, sizeof *roots);
    lev__dmodel_free(&c, &m);
    return rc;
}
