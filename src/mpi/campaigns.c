/*
 * Campaigns over MPI: lev_mpi_spread (IC/LT Monte Carlo) and lev_mpi_seeds (OPIM-C over RR
 * sets), running libleverage's own sampling code: src/rrsample.c is compiled into this library
 * too (hidden, so neither library exports it), not copied.
 *
 * Design: RR sampling walks the in-edges of any actor and a forward cascade the out-edges, so
 * each rank holds a replica of the compact form's rows the call reads (in-rows for seeds, both
 * for spread), gathered from the owners for the call and freed after it: 8 bytes per edge per
 * side plus 8 per actor, on every rank (docs/scale-out.md's cost model says what that means at
 * 10^9 edges and beyond). The samples themselves are split: RR set i and cascade r are drawn
 * from the counter-based stream of (LEV_P_SEED, i), so rank r drawing its share of every batch
 * draws exactly the sets one process would. The greedy sums its counts over the ranks after
 * every pick (one MPI_Allreduce of n counts per seed, as Ripples does); the sums are integers,
 * exact in any order, so every rank sees one process's counts and picks its seeds.
 */
#include "mpi_internal.h"

#include "../rrsample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

static double param(const lev_params *p, lev_param key) {
    double v = 0;
    lev_params_get_double(p, key, &v); /* NULL p reads the default */
    return v;
}

static void *sys_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

/* Threads of a pass over `items` units of work, as the single-process library caps them. */
static int cap_threads(const lev_params *p, size_t items, size_t grain) {
    int t = (int)param(p, LEV_P_THREADS);
#ifdef _OPENMP
    if (t == 0) t = omp_get_max_threads();
    if (t > omp_get_num_procs()) t = omp_get_num_procs();
#else
    t = 1;
#endif
    size_t most = items / grain + 1;
    if ((size_t)t > most) t = (int)most;
    return t < 1 ? 1 : t;
}

/* ---- the replica of the compact form ------------------------------------------------------------ */

typedef struct replica {
    size_t *in_off, *out_off;
    uint32_t *in_adj, *out_adj;
    float *in_w, *out_w;
    double *win;
} replica;

static void replica_free(replica *r) {
    free(r->in_off);
    free(r->out_off);
    free(r->in_adj);
    free(r->out_adj);
    free(r->in_w);
    free(r->out_w);
    free(r->win);
    memset(r, 0, sizeof *r);
}

/* Every rank gets side sd's rows of every actor, by global id (one all-gather of the degrees,
 * two of the edges). Collective; on failure nothing stays allocated. */
static lev_status gather_side(lev_mpi_network *net, const lmpi_side *sd, size_t **offp, uint32_t **adjp, float **wp,
                              const char *what) {
    int P = net->size;
    uint32_t n = (uint32_t)net->n, nc = net->count;
    lev_status rc = LEV_OK;
    size_t *off = NULL;
    uint32_t *adj = NULL, *loc = NULL, *deg = NULL;
    float *w = NULL;
    int *cnt = calloc(4 * (size_t)P, sizeof *cnt), *dsp = cnt ? cnt + P : NULL, *ecnt = cnt ? cnt + 2 * P : NULL,
        *edsp = cnt ? cnt + 3 * P : NULL;
    uint64_t mine = sd->m, *all = malloc((size_t)P * sizeof *all);
    if (!cnt || !all) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", what);
    if ((rc = lmpi_agree(net, rc))) goto done;
    MPI_Allgather(&mine, 1, MPI_UINT64_T, all, 1, MPI_UINT64_T, net->comm);
    uint64_t tot = 0;
    for (int r = 0; r < P; r++) {
        cnt[r] = (int)(net->bounds[r + 1] - net->bounds[r]);
        dsp[r] = (int)net->bounds[r];
        ecnt[r] = (int)all[r];
        edsp[r] = (int)tot;
        tot += all[r];
    }
    if (tot > INT32_MAX || n > INT32_MAX) /* the same on every rank */
        rc = lmpi_fail(net, LEV_ELIMIT, "%s: %llu edges on %u actors: the replica of the compact form is gathered "
                       "in one exchange of at most 2^31 - 1 entries", what, (unsigned long long)tot, n);
    if ((rc = lmpi_agree(net, rc))) goto done;
    off = malloc(((size_t)n + 1) * sizeof *off);
    deg = malloc(((size_t)n + 1) * sizeof *deg);
    adj = malloc((tot + 1) * sizeof *adj);
    w = malloc((tot + 1) * sizeof *w);
    loc = malloc((sd->m + 1) * sizeof *loc);
    if (!off || !deg || !adj || !w || !loc)
        rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for the replica of %llu edges", what, (unsigned long long)tot);
    if ((rc = lmpi_agree(net, rc))) goto done;
    for (uint32_t v = 0; v < nc; v++) loc[v] = (uint32_t)(sd->off[v + 1] - sd->off[v]);
    MPI_Allgatherv(loc, (int)nc, MPI_UINT32_T, deg, cnt, dsp, MPI_UINT32_T, net->comm);
    off[0] = 0;
    for (uint32_t v = 0; v < n; v++) off[v + 1] = off[v] + deg[v];
    for (size_t k = 0; k < sd->m; k++) { /* local ids to global */
        uint32_t a = sd->adj[k];
        loc[k] = a < nc ? net->first + a : sd->plan.ghost[a - nc];
    }
    MPI_Allgatherv(loc, (int)sd->m, MPI_UINT32_T, adj, ecnt, edsp, MPI_UINT32_T, net->comm);
    MPI_Allgatherv(sd->w, (int)sd->m, MPI_FLOAT, w, ecnt, edsp, MPI_FLOAT, net->comm);
    *offp = off;
    *adjp = adj;
    *wp = w;
    off = NULL;
    adj = NULL;
    w = NULL;
done:
    free(cnt);
    free(all);
    free(off);
    free(adj);
    free(w);
    free(loc);
    free(deg);
    return rc;
}

/* Common checks and the model: the network is loaded, the strengths are probabilities when the
 * options say so. Collective. */
static lev_status model_begin(lev_mpi_network *net, const lev_params *p, const char *what, lev__dmodel *m) {
    lev_status rc = LEV_OK;
    memset(m, 0, sizeof *m);
    m->model = (int)param(p, LEV_P_MODEL);
    m->prob = (int)param(p, LEV_P_PROBABILITY);
    m->pconst = param(p, LEV_P_CONSTANT_PROBABILITY);
    m->weighted = param(p, LEV_P_WEIGHTED) != 0;
    if (m->model == LEV_MODEL_IC && m->prob == LEV_PROB_STRENGTH) {
        const lmpi_side *in = &net->in;
        for (uint32_t v = 0; v < net->count && !rc; v++)
            for (size_t k = in->off[v]; k < in->off[v + 1]; k++)
                if (in->w[k] > 1) {
                    rc = lmpi_fail(net, LEV_EINVAL,
                                   "%s: an edge into %s has strength %g, but with LEV_PROB_STRENGTH a strength is an "
                                   "Independent Cascade probability and must be in [0, 1] (use LEV_PROB_WC or "
                                   "LEV_PROB_CONSTANT, or rescale the strengths)",
                                   what, lev_mpi_actor_name(net, net->first + v), (double)in->w[k]);
                    break;
                }
    }
    return lmpi_agree(net, rc);
}

/* The replica the call reads (in-rows; out-rows too for forward runs), and the model's view. */
static lev_status model_replica(lev_mpi_network *net, lev__dmodel *m, replica *r, int forward, const char *what) {
    lev_status rc = gather_side(net, &net->in, &r->in_off, &r->in_adj, &r->in_w, what);
    if (!rc && forward) rc = gather_side(net, &net->out, &r->out_off, &r->out_adj, &r->out_w, what);
    if (rc) {
        replica_free(r);
        return rc;
    }
    m->g = (lev__rrg){.n = (uint32_t)net->n, .m = (size_t)net->m, .out_off = r->out_off, .in_off = r->in_off,
                      .out_adj = r->out_adj, .in_adj = r->in_adj, .ow = {r->out_w, NULL, NULL}, .iw = {r->in_w, NULL, NULL}};
    if (m->model == LEV_MODEL_LT) {
        r->win = malloc(((size_t)net->n + 1) * sizeof *r->win);
        if (!r->win) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for the thresholds' weights", what);
        if ((rc = lmpi_agree(net, rc))) {
            replica_free(r);
            return rc;
        }
        lev__dmodel_win(m, r->win);
        m->win = r->win;
    }
    return LEV_OK;
}

/* ---- spread ------------------------------------------------------------------------------------- */

lev_status lev_mpi_spread(lev_mpi_network *net, const uint64_t *seeds, size_t nseeds, const lev_params *p,
                          double *spread, double *se, double *ci95, double *prob) {
    const char *what = "spread";
    if (!net) return LEV_EMISUSE;
    lev_status rc = LEV_OK;
    if (!net->loaded) rc = lmpi_fail(net, LEV_EMISUSE, "%s: the network is not loaded", what);
    else if (!spread) rc = lmpi_fail(net, LEV_EMISUSE, "%s: the output array is NULL", what);
    else if (!seeds && nseeds) rc = lmpi_fail(net, LEV_EMISUSE, "%s: seeds is NULL but nseeds is %zu", what, nseeds);
    for (size_t i = 0; !rc && i < nseeds; i++)
        if (seeds[i] >= net->n)
            rc = lmpi_fail(net, LEV_EINVAL, "%s: seeds[%zu] is %llu, not an actor (the network has %llu)", what, i,
                           (unsigned long long)seeds[i], (unsigned long long)net->n);
    if ((rc = lmpi_agree(net, rc))) return rc;
    uint32_t n = (uint32_t)net->n;
    uint32_t *sd = NULL;
    uint64_t *bsum = NULL, *count = NULL;
    double *bsq = NULL;
    lev__fwd *fs = NULL;
    replica rep = {0};
    uint64_t runs = (uint64_t)param(p, LEV_P_RUNS), seed = (uint64_t)param(p, LEV_P_SEED);
    size_t nblocks = (size_t)((runs + LEV__SPREAD_BLOCK - 1) / LEV__SPREAD_BLOCK);
    uint64_t b0, b1;
    lev__rrhooks share = {.rank = net->rank, .size = net->size};
    lev__rr_share(&share, 0, nblocks, &b0, &b1);
    int threads = nseeds ? cap_threads(p, (size_t)(b1 - b0), 1) : 1, lt = 0;
    /* Seeds must be distinct. */
    sd = malloc((nseeds + 1) * sizeof *sd);
    uint32_t *mark = calloc((size_t)n + 1, sizeof *mark);
    if (!sd || !mark) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", what);
    for (size_t i = 0; !rc && i < nseeds; i++) {
        sd[i] = (uint32_t)seeds[i];
        if (mark[sd[i]]) rc = lmpi_fail(net, LEV_EINVAL, "%s: seeds[%zu] = %u repeats seeds[%u]", what, i, sd[i],
                                        mark[sd[i]] - 1);
        else mark[sd[i]] = (uint32_t)i + 1;
    }
    free(mark);
    if ((rc = lmpi_agree(net, rc))) goto done;
    lev__dmodel m;
    if ((rc = model_begin(net, p, what, &m))) goto done;
    lt = m.model == LEV_MODEL_LT;
    if (nseeds && (rc = model_replica(net, &m, &rep, 1, what))) goto done;
    fs = calloc((size_t)threads, sizeof *fs);
    bsum = calloc(nblocks + 1, sizeof *bsum);
    bsq = calloc(nblocks + 1, sizeof *bsq);
    count = prob ? calloc((size_t)n + 1, sizeof *count) : NULL;
    int oom = !fs || !bsum || !bsq || (prob && !count);
    for (int t = 0; !oom && t < threads && nseeds; t++) {
        lev__fwd *f = &fs[t];
        size_t nn = n ? n : 1;
        f->act = calloc(nn, sizeof *f->act);
        f->q = malloc(nn * sizeof *f->q);
        if (lt) {
            f->tch = calloc(nn, sizeof *f->tch);
            f->acc = malloc(nn * sizeof *f->acc);
            f->theta = malloc(nn * sizeof *f->theta);
        }
        if (prob) f->count = calloc(nn, sizeof *f->count);
        oom = !f->act || !f->q || (lt && (!f->tch || !f->acc || !f->theta)) || (prob && !f->count);
    }
    if (oom) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for %d thread(s)' scratch on %u actors", what, threads, n);
    if ((rc = lmpi_agree(net, rc))) goto done;
    if (nseeds) {
        lev__spread_blocks(&m, sd, nseeds, seed, runs, (size_t)b0, (size_t)b1, threads, fs, bsum, bsq);
        /* Each block is one rank's and zero elsewhere: the sums are that rank's values exactly. */
        MPI_Allreduce(MPI_IN_PLACE, bsum, (int)nblocks, MPI_UINT64_T, MPI_SUM, net->comm);
        MPI_Allreduce(MPI_IN_PLACE, bsq, (int)nblocks, MPI_DOUBLE, MPI_SUM, net->comm);
        if (prob) {
            for (int t = 0; t < threads; t++)
                for (uint32_t v = 0; v < n; v++) count[v] += fs[t].count[v];
            MPI_Allreduce(MPI_IN_PLACE, count, (int)n, MPI_UINT64_T, MPI_SUM, net->comm);
        }
    }
    {
        double R = (double)runs;
        lev__spread_summary(bsum, bsq, nblocks, runs, nseeds, spread, se, ci95);
        if (prob)
            for (uint32_t v = 0; v < net->count; v++) prob[v] = nseeds ? (double)count[net->first + v] / R : 0;
    }
done:
    if (fs)
        for (int t = 0; t < threads; t++) {
            free(fs[t].act);
            free(fs[t].q);
            free(fs[t].tch);
            free(fs[t].acc);
            free(fs[t].theta);
            free(fs[t].count);
        }
    free(fs);
    free(bsum);
    free(bsq);
    free(count);
    free(sd);
    replica_free(&rep);
    return rc;
}

/* ---- seeds -------------------------------------------------------------------------------------- */

static void hook_sum(void *ud, void *v, size_t count, int type) {
    lev_mpi_network *net = ud;
    MPI_Datatype t = type == LEV__RR_U32 ? MPI_UINT32_T : type == LEV__RR_U64 ? MPI_UINT64_T : MPI_DOUBLE;
    MPI_Allreduce(MPI_IN_PLACE, v, (int)count, t, MPI_SUM, net->comm);
}

static lev_status hook_agree(void *ud, lev_status rc) {
    lev_mpi_network *net = ud;
    if (rc) lmpi_fail(net, rc, "seeds: out of memory for the RR sets on %llu actors", (unsigned long long)net->n);
    return lmpi_agree(net, rc);
}

lev_status lev_mpi_seeds(lev_mpi_network *net, size_t k, const uint8_t *rule, const double *cost, const lev_params *p,
                         uint64_t *seeds, double *gains, size_t *len, double *spread, double *ratio, uint64_t *rr_sets,
                         uint64_t *rr_bytes) {
    const char *what = "seeds";
    if (!net) return LEV_EMISUSE;
    lev_status rc = LEV_OK;
    uint32_t n = (uint32_t)net->n, nc = net->count;
    double budget = param(p, LEV_P_BUDGET);
    int64_t tg = (int64_t)param(p, LEV_P_TARGET_GROUP);
    if (!net->loaded) rc = lmpi_fail(net, LEV_EMISUSE, "%s: the network is not loaded", what);
    else if (!seeds) rc = lmpi_fail(net, LEV_EMISUSE, "%s: the output array is NULL", what);
    else if (!len) rc = lmpi_fail(net, LEV_EMISUSE, "%s: len is NULL", what);
    else if (k == 0) rc = lmpi_fail(net, LEV_EINVAL, "%s: k is 0 (at least one seed must be asked for)", what);
    for (uint32_t v = 0; !rc && rule && v < nc; v++)
        if (rule[v] > LEV_SEED_EXCLUDED)
            rc = lmpi_fail(net, LEV_EINVAL,
                           "%s: rule[%u] (actor %u, %s) is %u, not a lev_seed_rule (0 allowed, 1 required, 2 excluded)",
                           what, v, net->first + v, lev_mpi_actor_name(net, net->first + v), (unsigned)rule[v]);
    for (uint32_t v = 0; !rc && budget > 0 && cost && v < nc; v++)
        if (!isfinite(cost[v]) || !(cost[v] > 0))
            rc = lmpi_fail(net, LEV_EINVAL, "%s: cost[%u] (actor %u, %s) must be finite and > 0 (got %g)", what, v,
                           net->first + v, lev_mpi_actor_name(net, net->first + v), cost[v]);
    if (!rc && tg >= 0) /* the distributed network has no groups */
        rc = lmpi_fail(net, LEV_EINVAL, "%s: target group %lld is not a group (the network has 0)", what, (long long)tg);
    if ((rc = lmpi_agree(net, rc))) return rc;
    /* Every rank needs every actor's rule and cost (the greedy runs on each): two all-gathers. A
     * rank that passes NULL lets its actors be chosen at cost 1. */
    int P = net->size, have[2] = {rule != NULL, budget > 0 && cost != NULL};
    MPI_Allreduce(MPI_IN_PLACE, have, 2, MPI_INT, MPI_MAX, net->comm);
    uint8_t *grule = NULL, *lrule = NULL;
    double *gcost = NULL, *lcost = NULL;
    int *cnt = malloc(2 * (size_t)P * sizeof *cnt), *dsp = cnt ? cnt + P : NULL;
    uint32_t *sel = NULL;
    replica rep = {0};
    lev__dmodel m;
    if (!cnt || (have[0] && (!(grule = malloc((size_t)n + 1)) || !(lrule = calloc((size_t)nc + 1, 1)))) ||
        (have[1] && (!(gcost = malloc(((size_t)n + 1) * sizeof *gcost)) || !(lcost = malloc(((size_t)nc + 1) * sizeof *lcost)))))
        rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory for the rules and costs of %u actors", what, n);
    if ((rc = lmpi_agree(net, rc))) goto done;
    for (int r = 0; r < P; r++) {
        cnt[r] = (int)(net->bounds[r + 1] - net->bounds[r]);
        dsp[r] = (int)net->bounds[r];
    }
    if (have[0]) {
        if (rule) memcpy(lrule, rule, nc);
        MPI_Allgatherv(lrule, (int)nc, MPI_UINT8_T, grule, cnt, dsp, MPI_UINT8_T, net->comm);
    }
    if (have[1]) {
        for (uint32_t v = 0; v < nc; v++) lcost[v] = cost && budget > 0 ? cost[v] : 1.0;
        MPI_Allgatherv(lcost, (int)nc, MPI_DOUBLE, gcost, cnt, dsp, MPI_DOUBLE, net->comm);
    }
    size_t nreq = 0;
    double creq = 0;
    for (uint32_t v = 0; v < n && grule; v++)
        if (grule[v] == LEV_SEED_REQUIRED) {
            nreq++;
            creq += gcost ? gcost[v] : 1.0;
        }
    if (nreq > k) rc = lmpi_fail(net, LEV_EINVAL, "%s: %zu actors are required seeds but k is %zu", what, nreq, k);
    else if (budget > 0 && creq > budget)
        rc = lmpi_fail(net, LEV_EINVAL, "%s: the required seeds cost %g, more than the budget %g", what, creq, budget);
    if ((rc = lmpi_agree(net, rc))) goto done; /* the same on every rank: computed from the same arrays */
    if ((rc = model_begin(net, p, what, &m))) goto done;
    if (n == 0) {
        *len = 0;
        if (spread) *spread = 0;
        if (ratio) *ratio = 1;
        if (rr_sets) *rr_sets = 0;
        if (rr_bytes) *rr_bytes = 0;
        goto done;
    }
    if ((rc = model_replica(net, &m, &rep, 0, what))) goto done;
    size_t nk = k < n ? k : n;
    sel = malloc(nk * sizeof *sel);
    if (!sel) rc = lmpi_fail(net, LEV_ENOMEM, "%s: out of memory", what);
    if ((rc = lmpi_agree(net, rc))) goto done;
    {
        lev__imargs a = {.m = &m, .k = k, .rule = grule, .cost = gcost, .budget = budget, .nreq = nreq, .creq = creq,
                         .seed = (uint64_t)param(p, LEV_P_SEED), .eps = param(p, LEV_P_SEEDS_EPSILON),
                         .threads = cap_threads(p, n, 4096), .f = sys_alloc};
        lev__rrhooks h = {.rank = net->rank, .size = net->size, .ud = net, .sum = hook_sum, .agree = hook_agree};
        lev__imout o = {.seeds = sel, .gains = gains};
        if ((rc = lev__im_run(&a, &h, &o, NULL))) goto done;
        for (size_t j = 0; j < o.len; j++) seeds[j] = sel[j];
        *len = o.len;
        if (spread) *spread = o.spread;
        if (ratio) *ratio = o.ratio;
        if (rr_sets) *rr_sets = o.rr_sets;
        if (rr_bytes) *rr_bytes = o.rr_bytes;
    }
done:
    free(cnt);
    free(grule);
    free(lrule);
    free(gcost);
    free(lcost);
    free(sel);
    replica_free(&rep);
    return rc;
}
