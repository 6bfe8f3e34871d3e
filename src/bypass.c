/*
 * Bypass of leverage: tie bypass (how much of an actor's score survives when its costliest tie
 * is gone), leverage reliance (how much of it does not rest on reciprocated ties) and edge
 * leverage (how much removing one tie moves everyone's scores).
 *
 * Three ways to get a score on a changed network:
 * - degree and strength: the removed tie's own contribution is subtracted (O(1) per tie);
 * - PageRank (directed, damping <= 0.99, one tie): a rank-one (Sherman–Morrison) update, whose
 *   one unknown per tie is read off a row of (I − d·P)^-1 estimated by local backward push
 *   (Andersen et al. 2007) from each actor, with a documented additive error;
 * - every other case: exact recomputation on a "shadow" network that shares the actors of the
 *   real one and carries its own compact form, through the public measure functions; its cost is
 *   estimated first and refused past LEV_P_BYPASS_LIMIT.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the call's state ---------------------------------------------------------------------- */

typedef struct bp {
    lev__ctx c;
    const char *what;
    int measure, k;
    int undirected, weighted, dir; /* dir: LEV_DIR_* after LEV_P_UNDIRECTED */
    double limit, eps, d;
    lev_params q; /* the measure's options: a copy of the caller's, without progress callback */
    /* the ties: distinct ordered pairs (tu[i], tv[i]) of the compact form's out rows, ascending */
    size_t nt;
    uint32_t *tu, *tv;
    double *tw;   /* summed strength of the tie's records */
    uint32_t *tn; /* number of records */
    /* the shadow network (allocated on first use, capacities kept for the free) */
    lev_network sh;
    int sh_live;
    size_t sh_cap;
} bp;

static lev_status bp_begin(bp *b, const lev_network *net, lev_params *p, const char *what, const void *out) {
    memset(b, 0, sizeof *b);
    b->what = what;
    lev_status rc = lev__ctx_begin(&b->c, net, p, what, out);
    if (rc) return rc;
    b->measure = (int)lev__param(p, LEV_P_BYPASS_MEASURE);
    b->k = (int)lev__param(p, LEV_P_BYPASS_TIES);
    b->undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    b->weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    b->dir = b->undirected ? LEV_DIR_ALL : (int)lev__param(p, LEV_P_DIRECTION);
    b->limit = lev__param(p, LEV_P_BYPASS_LIMIT);
    b->eps = lev__param(p, LEV_P_BYPASS_RESIDUAL);
    b->d = lev__param(p, LEV_P_DAMPING);
    if (p)
        b->q = *p;
    else {
        b->q.mem = *lev__params_mem(NULL);
        lev_params_reset(&b->q);
    }
    b->q.progress = NULL;
    b->q.progress_ud = NULL;
    return LEV_OK;
}

/* Pass the failure of an inner measure call on to the caller's params or network. */
static lev_status bp_inner_fail(bp *b, lev_status rc) {
    return lev__ctx_fail(&b->c, rc, "%s: %s", b->what, b->q.errmsg[0] ? b->q.errmsg : lev_strerror(rc));
}

/* The distinct ties, from the out rows (sorted by target, so parallel records are adjacent). */
static lev_status bp_ties(bp *b) {
    const lev__csr *g = b->c.g;
    size_t nt = 0;
    for (uint32_t u = 0; u < g->n; u++)
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++)
            if (k == g->out_off[u] || g->out_adj[k] != g->out_adj[k - 1]) nt++;
    b->nt = nt;
    if (nt == 0) return LEV_OK;
    b->tu = lev__ctx_alloc(&b->c, nt, sizeof *b->tu);
    b->tv = lev__ctx_alloc(&b->c, nt, sizeof *b->tv);
    b->tw = lev__ctx_alloc(&b->c, nt, sizeof *b->tw);
    b->tn = lev__ctx_alloc(&b->c, nt, sizeof *b->tn);
    if (!b->tu || !b->tv || !b->tw || !b->tn) return LEV_ENOMEM;
    size_t i = 0;
    for (uint32_t u = 0; u < g->n; u++)
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
            if (k == g->out_off[u] || g->out_adj[k] != g->out_adj[k - 1]) {
                b->tu[i] = u;
                b->tv[i] = g->out_adj[k];
                b->tw[i] = 0;
                b->tn[i] = 0;
                i++;
            }
            b->tw[i - 1] += lev__ow(g, k);
            b->tn[i - 1]++;
        }
    return LEV_OK;
}

static void bp_end(bp *b) {
    const lev__ctx *c = &b->c;
    if (b->nt) {
        lev__ctx_free(c, b->tu, b->nt, sizeof *b->tu);
        lev__ctx_free(c, b->tv, b->nt, sizeof *b->tv);
        lev__ctx_free(c, b->tw, b->nt, sizeof *b->tw);
        lev__ctx_free(c, b->tn, b->nt, sizeof *b->tn);
    }
    if (b->sh_live) {
        lev__csr *g = &b->sh.csr;
        size_t n1 = (size_t)g->n + 1;
        lev__ctx_free(c, g->out_off, n1, sizeof(size_t));
        lev__ctx_free(c, g->in_off, n1, sizeof(size_t));
        if (b->sh_cap) {
            lev__ctx_free(c, g->out_adj, b->sh_cap, sizeof(uint32_t));
            lev__ctx_free(c, g->in_adj, b->sh_cap, sizeof(uint32_t));
            lev__ctx_free(c, g->out_w, b->sh_cap, sizeof(float));
            lev__ctx_free(c, g->in_w, b->sh_cap, sizeof(float));
        }
        pthread_mutex_destroy(&b->sh.lock);
    }
}

/* ---- the shadow network -------------------------------------------------------------------- */

/* A network that shares the real one's actors (names for messages) and has its own compact form,
 * with room for `cap` edge records. */
static lev_status shadow_open(bp *b, size_t cap) {
    const lev_network *net = b->c.net;
    lev_network *s = &b->sh;
    memset(s, 0, sizeof *s);
    s->mem = net->mem;
    s->actors = net->actors; /* borrowed, read only */
    lev__csr *g = &s->csr;
    uint32_t n = b->c.g->n;
    g->n = n;
    g->out_off = lev__ctx_alloc(&b->c, (size_t)n + 1, sizeof(size_t));
    g->in_off = lev__ctx_alloc(&b->c, (size_t)n + 1, sizeof(size_t));
    if (cap) {
        g->out_adj = lev__ctx_alloc(&b->c, cap, sizeof(uint32_t));
        g->in_adj = lev__ctx_alloc(&b->c, cap, sizeof(uint32_t));
        g->out_w = lev__ctx_alloc(&b->c, cap, sizeof(float));
        g->in_w = lev__ctx_alloc(&b->c, cap, sizeof(float));
    }
    if (!g->out_off || !g->in_off || (cap && (!g->out_adj || !g->in_adj || !g->out_w || !g->in_w))) {
        lev__ctx_free(&b->c, g->out_off, (size_t)n + 1, sizeof(size_t));
        lev__ctx_free(&b->c, g->in_off, (size_t)n + 1, sizeof(size_t));
        lev__ctx_free(&b->c, g->out_adj, cap, sizeof(uint32_t));
        lev__ctx_free(&b->c, g->in_adj, cap, sizeof(uint32_t));
        lev__ctx_free(&b->c, g->out_w, cap, sizeof(float));
        lev__ctx_free(&b->c, g->in_w, cap, sizeof(float));
        memset(g, 0, sizeof *g);
        return LEV_ENOMEM;
    }
    pthread_mutex_init(&s->lock, NULL);
    atomic_init(&s->csr_ready, 1);
    b->sh_live = 1;
    b->sh_cap = cap;
    return LEV_OK;
}

/* The in rows of the shadow from its out rows (m records): sorted by source, as the real ones. */
static void shadow_finish(lev_network *s, size_t m) {
    lev__csr *g = &s->csr;
    g->m = m;
    uint32_t n = g->n;
    memset(g->in_off, 0, ((size_t)n + 1) * sizeof(size_t));
    for (size_t k = 0; k < m; k++) g->in_off[g->out_adj[k] + 1]++;
    for (uint32_t v = 0; v < n; v++) g->in_off[v + 1] += g->in_off[v];
    for (uint32_t u = 0; u < n; u++)
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
            size_t at = g->in_off[g->out_adj[k]]++;
            g->in_adj[at] = u;
            g->in_w[at] = g->out_w[k];
        }
    for (uint32_t v = n; v > 0; v--) g->in_off[v] = g->in_off[v - 1];
    g->in_off[0] = 0;
}

/* The shadow = the real network without the records of the ties listed (tie indices). */
static void shadow_without(bp *b, const size_t *gone, size_t ngone) {
    const lev__csr *g = b->c.g;
    lev__csr *h = &b->sh.csr;
    size_t m = 0;
    h->out_off[0] = 0;
    for (uint32_t u = 0; u < g->n; u++) {
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
            uint32_t v = g->out_adj[k];
            int drop = 0;
            for (size_t j = 0; j < ngone && !drop; j++) drop = b->tu[gone[j]] == u && b->tv[gone[j]] == v;
            if (drop) continue;
            h->out_adj[m] = v;
            h->out_w[m] = lev__ow(g, k);
            m++;
        }
        h->out_off[u + 1] = m;
    }
    shadow_finish(&b->sh, m);
}

/* ---- measures ------------------------------------------------------------------------------ */

static lev_status measure_all(bp *b, const lev_network *net, double *out) {
    switch (b->measure) {
    case LEV_BYPASS_DEGREE: return lev_degree(net, &b->q, out);
    case LEV_BYPASS_STRENGTH: return lev_strength(net, &b->q, out);
    case LEV_BYPASS_BETWEENNESS: return lev_betweenness(net, &b->q, out);
    case LEV_BYPASS_HARMONIC: return lev_harmonic(net, &b->q, out);
    default: return lev_pagerank(net, NULL, &b->q, out);
    }
}

/* The measure of actors who[0..nwho) into out[0..nwho); full (n) is scratch. */
static lev_status measure_some(bp *b, const lev_network *net, const uint32_t *who, size_t nwho, double *out,
                               double *full) {
    if (b->measure == LEV_BYPASS_HARMONIC) return lev_harmonic_subset(net, who, nwho, &b->q, out);
    lev_status rc = measure_all(b, net, full);
    if (rc) return rc;
    for (size_t i = 0; i < nwho; i++) out[i] = full[who[i]];
    return LEV_OK;
}

/* What one recomputation costs, in edge visits (the unit of LEV_P_BYPASS_LIMIT). */
static double recompute_cost(const bp *b, int whole) {
    double n = b->c.g->n, m = (double)b->c.g->m, vm = n + m;
    switch (b->measure) {
    case LEV_BYPASS_BETWEENNESS: return n * vm;
    case LEV_BYPASS_HARMONIC: return whole ? n * vm : 2 * vm;
    case LEV_BYPASS_PAGERANK: return 100 * vm;
    default: return vm;
    }
}

static lev_status check_limit(bp *b, double recomputations, int whole) {
    double work = recomputations * recompute_cost(b, whole);
    if (work > b->limit)
        return lev__ctx_fail(&b->c, LEV_ELIMIT,
                             "%s: exact recomputation would take about %.3g edge visits (%.0f recomputations on "
                             "%u actors and %zu edges), more than LEV_P_BYPASS_LIMIT %.3g",
                             b->what, work, recomputations, b->c.g->n, b->c.g->m, b->limit);
    return LEV_OK;
}

/* Is tie i before tie j in the order (source, target)? Tie indices are in that order. */
#define BETTER(val, i, best, bi) ((val) < (best) || ((val) == (best) && (i) < (bi)))

/* ---- tie bypass: degree and strength -------------------------------------------------------- */

/* How much tie i adds to actor a's degree (count) or strength under the call's options. */
static double tie_part(const bp *b, size_t i, uint32_t a) {
    double w = (b->measure == LEV_BYPASS_STRENGTH && b->weighted) ? b->tw[i] : (double)b->tn[i];
    double s = 0;
    if ((b->dir & LEV_DIR_OUT) && b->tu[i] == a) s += w;
    if ((b->dir & LEV_DIR_IN) && b->tv[i] == a) s += w;
    return s;
}

/* ---- tie bypass: PageRank by a rank-one update ------------------------------------------------ */

/* The walk graph, folded: distinct arcs with summed strength, rows sorted by the other end. */
typedef struct walk {
    uint32_t n;
    size_t m;
    size_t *oo, *io;     /* n + 1 each: walk-out and walk-in rows */
    uint32_t *oa, *ia;   /* m each */
    double *ow, *iw;     /* m each */
    double *W;           /* n: out-strength of the walk */
} walk;

static size_t fold_count(const size_t *off, const uint32_t *adj, uint32_t n) {
    size_t m = 0;
    for (uint32_t u = 0; u < n; u++)
        for (size_t k = off[u]; k < off[u + 1]; k++)
            if (k == off[u] || adj[k] != adj[k - 1]) m++;
    return m;
}

static void fold_rows(const size_t *off, const uint32_t *adj, lev__wts w, uint32_t n, int weighted, size_t *fo,
                      uint32_t *fa, double *fw) {
    size_t m = 0;
    fo[0] = 0;
    for (uint32_t u = 0; u < n; u++) {
        for (size_t k = off[u]; k < off[u + 1]; k++) {
            if (k == off[u] || adj[k] != adj[k - 1]) {
                fa[m] = adj[k];
                fw[m] = 0;
                m++;
            }
            fw[m - 1] += weighted ? (double)lev__wt(w, k) : 1.0;
        }
        fo[u + 1] = m;
    }
}

static void walk_free(const lev__ctx *c, walk *w) {
    size_t n1 = (size_t)w->n + 1;
    lev__ctx_free(c, w->oo, n1, sizeof(size_t));
    lev__ctx_free(c, w->io, n1, sizeof(size_t));
    lev__ctx_free(c, w->W, w->n, sizeof(double));
    if (w->m) {
        lev__ctx_free(c, w->oa, w->m, sizeof(uint32_t));
        lev__ctx_free(c, w->ia, w->m, sizeof(uint32_t));
        lev__ctx_free(c, w->ow, w->m, sizeof(double));
        lev__ctx_free(c, w->iw, w->m, sizeof(double));
    }
}

static lev_status walk_build(bp *b, int reversed, walk *w) {
    const lev__csr *g = b->c.g;
    const lev__ctx *c = &b->c;
    memset(w, 0, sizeof *w);
    w->n = g->n;
    const size_t *o_off = reversed ? g->in_off : g->out_off, *i_off = reversed ? g->out_off : g->in_off;
    const uint32_t *o_adj = reversed ? g->in_adj : g->out_adj, *i_adj = reversed ? g->out_adj : g->in_adj;
    lev__wts o_w = reversed ? lev__wts_in(g) : lev__wts_out(g), i_w = reversed ? lev__wts_out(g) : lev__wts_in(g);
    w->m = fold_count(o_off, o_adj, g->n);
    size_t n1 = (size_t)g->n + 1;
    w->oo = lev__ctx_alloc(c, n1, sizeof(size_t));
    w->io = lev__ctx_alloc(c, n1, sizeof(size_t));
    w->W = lev__ctx_alloc(c, g->n, sizeof(double));
    if (w->m) {
        w->oa = lev__ctx_alloc(c, w->m, sizeof(uint32_t));
        w->ia = lev__ctx_alloc(c, w->m, sizeof(uint32_t));
        w->ow = lev__ctx_alloc(c, w->m, sizeof(double));
        w->iw = lev__ctx_alloc(c, w->m, sizeof(double));
    }
    if (!w->oo || !w->io || !w->W || (w->m && (!w->oa || !w->ia || !w->ow || !w->iw))) {
        walk_free(c, w);
        return LEV_ENOMEM;
    }
    fold_rows(o_off, o_adj, o_w, g->n, b->weighted, w->oo, w->oa, w->ow);
    fold_rows(i_off, i_adj, i_w, g->n, b->weighted, w->io, w->ia, w->iw);
    for (uint32_t u = 0; u < g->n; u++) {
        double s = 0;
        for (size_t k = w->oo[u]; k < w->oo[u + 1]; k++) s += w->ow[k];
        w->W[u] = s;
    }
    return LEV_OK;
}

/* Per-thread scratch of the backward push. */
typedef struct push_ws {
    double *res, *est;
    uint32_t *queue, *touched;
    unsigned char *mark;
} push_ws;

/* Backward push from a on P0 (the walk without the dangling rows): est ≈ s_a = (I − d·P0)^-1 e_a
 * with every residual left ≤ eps, so s_a − est ≤ eps/(1 − d) entrywise. Writes r_a = est +
 * kappa·h at a, at a's walk-out arcs (rout) and at its walk-in arcs (rin); then clears. */
static void push_one(const walk *w, double d, double eps, const double *h, double kappa, uint32_t a, push_ws *ws,
                     double *diag, double *rout, double *rin) {
    uint32_t n = w->n;
    size_t head = 0, tail = 0, nt = 0; /* circular queue of at most n entries */
    ws->res[a] = 1;
    ws->queue[tail++] = a;
    if (tail == n) tail = 0;
    ws->mark[a] = 3; /* bit 1: touched; bit 2: queued */
    ws->touched[nt++] = a;
    size_t count = 1;
    while (count) {
        uint32_t z = ws->queue[head];
        head = head + 1 == n ? 0 : head + 1;
        count--;
        ws->mark[z] &= 1;
        double rho = ws->res[z];
        ws->res[z] = 0;
        ws->est[z] += rho;
        double dr = d * rho;
        for (size_t k = w->io[z]; k < w->io[z + 1]; k++) {
            uint32_t y = w->ia[k];
            ws->res[y] += dr * w->iw[k] / w->W[y];
            if (!(ws->mark[y] & 1)) {
                ws->mark[y] |= 1;
                ws->touched[nt++] = y;
            }
            if (!(ws->mark[y] & 2) && ws->res[y] > eps) {
                ws->mark[y] |= 2;
                ws->queue[tail] = y;
                tail = tail + 1 == n ? 0 : tail + 1;
                count++;
            }
        }
    }
    diag[a] = ws->est[a] + kappa * h[a];
    for (size_t k = w->oo[a]; k < w->oo[a + 1]; k++) rout[k] = ws->est[w->oa[k]] + kappa * h[w->oa[k]];
    for (size_t k = w->io[a]; k < w->io[a + 1]; k++) rin[k] = ws->est[w->ia[k]] + kappa * h[w->ia[k]];
    for (size_t i = 0; i < nt; i++) {
        uint32_t y = ws->touched[i];
        ws->res[y] = 0;
        ws->est[y] = 0;
        ws->mark[y] = 0;
    }
}

/* Row a of (I − d·P)^-1 (P with dangling rows uniform) at a and its walk neighbours, for every a.
 * h = (I − d·P0)^-1 g (g: 1 on dangling actors) by iteration, then r_a = s_a + d·p_a/(1 − d)·h. */
static lev_status pr_rows(bp *b, const walk *w, const double *pr, double *diag, double *rout, double *rin) {
    const lev__ctx *c = &b->c;
    uint32_t n = w->n;
    double d = b->d;
    lev_status rc = LEV_OK;
    double *h = lev__ctx_alloc(c, 2 * (size_t)n, sizeof(double));
    if (!h) return LEV_ENOMEM;
    double *h2 = h + n;
    for (uint32_t y = 0; y < n; y++) h[y] = w->W[y] > 0 ? 0 : 1;
    for (int it = 0; it < 100000; it++) {
        double change = 0;
        for (uint32_t y = 0; y < n; y++) {
            double s = w->W[y] > 0 ? 0 : 1;
            if (w->W[y] > 0) {
                double t = 0;
                for (size_t k = w->oo[y]; k < w->oo[y + 1]; k++) t += w->ow[k] * h[w->oa[k]];
                s += d * t / w->W[y];
            }
            double ch = fabs(s - h[y]);
            if (ch > change) change = ch;
            h2[y] = s;
        }
        memcpy(h, h2, (size_t)n * sizeof(double));
        if (change <= 1e-15) break;
    }
    int T = lev__cap_threads(c, n, 64);
    if (T > 256) T = 256; /* ws[] below */
    /* each thread's block: res, est (doubles), queue, touched (uint32), mark (bytes); blocks
     * start on 8-byte boundaries so that the next thread's doubles are aligned */
    size_t per = ((2 * sizeof(double) + 2 * sizeof(uint32_t) + 1) * (size_t)n + 7) / 8 * 8;
    unsigned char *blk = lev__ctx_alloc(c, (size_t)T, per);
    if (!blk) {
        lev__ctx_free(c, h, 2 * (size_t)n, sizeof(double));
        return LEV_ENOMEM;
    }
    memset(blk, 0, (size_t)T * per);
    push_ws ws[256];
    for (int t = 0; t < T; t++) {
        unsigned char *base = blk + (size_t)t * per;
        ws[t].res = (double *)(void *)base;
        ws[t].est = ws[t].res + n;
        ws[t].queue = (uint32_t *)(void *)(ws[t].est + n);
        ws[t].touched = ws[t].queue + n;
        ws[t].mark = (unsigned char *)(ws[t].touched + n);
    }
    double eps = b->eps;
    const size_t chunk = 1024;
    for (size_t a0 = 0; a0 < n; a0 += chunk) {
        size_t a1 = a0 + chunk < n ? a0 + chunk : n;
        (void)T;
#pragma omp parallel for schedule(dynamic, 8) num_threads(T)
        for (size_t a = a0; a < a1; a++) {
            push_ws *my = &ws[lev__thread_num()];
            push_one(w, d, eps, h, d * pr[a] / (1 - d), (uint32_t)a, my, diag, rout, rin);
        }
        if ((rc = lev__ctx_progress(c, (double)a1 / (double)n, b->what))) break;
    }
    lev__ctx_free(c, blk, (size_t)T, per);
    lev__ctx_free(c, h, 2 * (size_t)n, sizeof(double));
    return rc;
}

/* Position of x in the sorted row adj[k0..k1) (it is there). */
static size_t row_find(const uint32_t *adj, size_t k0, size_t k1, uint32_t x) {
    size_t lo = k0, hi = k1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (adj[mid] <= x) lo = mid; else hi = mid;
    }
    return lo;
}

/* Tie bypass of every actor under directed PageRank, one tie: pr is the PageRank; best/bt
 * receive each actor's smallest score without one tie and that tie (index into b's ties). */
static lev_status pr_bypass(bp *b, const double *pr, double *best, size_t *bt) {
    const lev__ctx *c = &b->c;
    int reversed = (int)lev__param(c->p, LEV_P_DIRECTION) == LEV_DIR_OUT;
    walk w;
    lev_status rc = walk_build(b, reversed, &w);
    if (rc) return rc;
    uint32_t n = w.n;
    double *diag = lev__ctx_alloc(c, n, sizeof(double));
    double *rout = w.m ? lev__ctx_alloc(c, w.m, sizeof(double)) : NULL;
    double *rin = w.m ? lev__ctx_alloc(c, w.m, sizeof(double)) : NULL;
    if (!diag || (w.m && (!rout || !rin))) {
        rc = LEV_ENOMEM;
        goto done;
    }
    if ((rc = pr_rows(b, &w, pr, diag, rout, rin))) goto done;
    double d = b->d;
    for (uint32_t x = 0; x < n; x++) {
        for (size_t k = w.oo[x]; k < w.oo[x + 1]; k++) {
            uint32_t y = w.oa[k];
            double wt = w.ow[k], rest = w.W[x] - wt;
            int last = w.oo[x + 1] - w.oo[x] == 1;
            double zx, zy = 0;
            if (last) {
                zx = pr[x] / (1 - d) - rout[k];
                if (y != x) zy = pr[y] / (1 - d) - diag[y];
            } else {
                double cc = wt / rest;
                zx = cc * ((diag[x] - 1) / d - rout[k]);
                if (y != x) zy = cc * (rin[row_find(w.ia, w.io[y], w.io[y + 1], x)] / d - diag[y]);
            }
            double px = pr[x] / (1 - d * zx);
            double py = y != x ? pr[y] + d * zy * px : px;
            /* the tie: walk arc x → y is edge x → y, or y → x on the reversed walk */
            uint32_t su = reversed ? y : x, sv = reversed ? x : y;
            /* the tie's index, by binary search over (tu, tv) */
            size_t lo = 0, hi = b->nt, ti;
            while (hi - lo > 1) {
                size_t mid = lo + (hi - lo) / 2;
                if (b->tu[mid] < su || (b->tu[mid] == su && b->tv[mid] <= sv)) lo = mid; else hi = mid;
            }
            ti = lo;
            if (BETTER(px, ti, best[x], bt[x])) { best[x] = px; bt[x] = ti; }
            if (y != x && BETTER(py, ti, best[y], bt[y])) { best[y] = py; bt[y] = ti; }
        }
    }
done:
    lev__ctx_free(c, diag, n, sizeof(double));
    if (w.m) {
        lev__ctx_free(c, rout, w.m, sizeof(double));
        lev__ctx_free(c, rin, w.m, sizeof(double));
    }
    walk_free(c, &w);
    return rc;
}

/* ---- tie bypass ------------------------------------------------------------------------------ */

lev_status lev_tie_bypass(const lev_network *net, lev_params *p, double *score, double *survives,
                          uint32_t *tie_source, uint32_t *tie_target) {
    bp b;
    lev_status rc = bp_begin(&b, net, p, "tie_bypass", survives);
    if (rc) return rc;
    const lev__ctx *c = &b.c;
    uint32_t n = c->g->n;
    if (n == 0) return LEV_OK;
    /* scratch: M (n), best (n), full (n), bt (n size_t), per-actor greedy lists */
    double *buf = lev__ctx_alloc(c, 3 * (size_t)n, sizeof(double));
    size_t *bt = lev__ctx_alloc(c, n, sizeof(size_t));
    size_t *gone = NULL, *cand = NULL;
    if (!buf || !bt) {
        rc = lev__ctx_fail(c, LEV_ENOMEM, "tie_bypass: out of memory for %u actors", n);
        goto done;
    }
    if ((rc = bp_ties(&b))) {
        rc = lev__ctx_fail(c, rc, "tie_bypass: out of memory for the ties of %u actors", n);
        goto done;
    }
    double *M = buf, *best = buf + n, *full = buf + 2 * (size_t)n;
    if ((rc = measure_all(&b, net, M))) {
        rc = bp_inner_fail(&b, rc);
        goto done;
    }
    for (uint32_t a = 0; a < n; a++) {
        best[a] = INFINITY;
        bt[a] = SIZE_MAX;
    }
    size_t nt = b.nt;
    int fast_pr = b.measure == LEV_BYPASS_PAGERANK && b.k == 1 && !b.undirected && b.d <= 0.99;
    if (b.measure == LEV_BYPASS_DEGREE || b.measure == LEV_BYPASS_STRENGTH) {
        /* Greedy k: each step removes the tie that takes the most from the actor, i.e. its k
         * largest contributions (ties by tie order). */
        for (size_t i = 0; i < nt; i++) {
            uint32_t ends[2] = {b.tu[i], b.tv[i]};
            for (int e = 0; e < (ends[0] == ends[1] ? 1 : 2); e++) {
                uint32_t a = ends[e];
                double v = M[a] - tie_part(&b, i, a);
                if (BETTER(v, i, best[a], bt[a])) { best[a] = v; bt[a] = i; }
            }
        }
        if (b.k > 1 && nt) {
            /* the k largest parts of each actor: collect its ties, repeatedly take the largest */
            cand = lev__ctx_alloc(c, (size_t)n + 1, sizeof(size_t));
            if (!cand) {
                rc = lev__ctx_fail(c, LEV_ENOMEM, "tie_bypass: out of memory for %zu ties", nt);
                goto done;
            }
            /* ties by actor (CSR over actors; a self-loop once) */
            memset(cand, 0, ((size_t)n + 1) * sizeof(size_t));
            for (size_t i = 0; i < nt; i++) {
                cand[b.tu[i] + 1]++;
                if (b.tv[i] != b.tu[i]) cand[b.tv[i] + 1]++;
            }
            for (uint32_t a = 0; a < n; a++) cand[a + 1] += cand[a];
            /* fill with a moving cursor kept in full[] (as doubles: exact below 2^53) */
            for (uint32_t a = 0; a < n; a++) full[a] = (double)cand[a];
            size_t *lst = NULL;
            size_t tot = cand[n];
            lst = lev__ctx_alloc(c, tot, sizeof(size_t));
            if (!lst) {
                rc = lev__ctx_fail(c, LEV_ENOMEM, "tie_bypass: out of memory for %zu ties", nt);
                goto done;
            }
            for (size_t i = 0; i < nt; i++) {
                lst[(size_t)full[b.tu[i]]++] = i;
                if (b.tv[i] != b.tu[i]) lst[(size_t)full[b.tv[i]]++] = i;
            }
            for (uint32_t a = 0; a < n; a++) {
                double v = M[a];
                size_t first = SIZE_MAX;
                size_t k0 = cand[a], k1 = cand[a + 1];
                for (int step = 0; step < b.k && k0 + (size_t)step < k1; step++) {
                    size_t pick = k0 + (size_t)step;
                    for (size_t j = pick + 1; j < k1; j++) {
                        double pj = tie_part(&b, lst[j], a), pp = tie_part(&b, lst[pick], a);
                        if (pj > pp || (pj == pp && lst[j] < lst[pick])) pick = j;
                    }
                    size_t t = lst[pick];
                    lst[pick] = lst[k0 + (size_t)step];
                    lst[k0 + (size_t)step] = t;
                    v -= tie_part(&b, t, a);
                    if (step == 0) first = t;
                }
                if (first != SIZE_MAX) { best[a] = v; bt[a] = first; }
            }
            lev__ctx_free(c, lst, tot, sizeof(size_t));
        }
    } else if (fast_pr) {
        if (nt && (rc = pr_bypass(&b, M, best, bt))) {
            if (rc == LEV_ENOMEM) rc = lev__ctx_fail(c, rc, "tie_bypass: out of memory for the push of %u actors", n);
            goto done;
        }
    } else if (b.k == 1) {
        if ((rc = check_limit(&b, (double)nt, 0))) goto done;
        if (nt && (rc = shadow_open(&b, c->g->m))) {
            rc = lev__ctx_fail(c, rc, "tie_bypass: out of memory for a copy of %zu edges", c->g->m);
            goto done;
        }
        for (size_t i = 0; i < nt; i++) {
            shadow_without(&b, &i, 1);
            uint32_t who[2] = {b.tu[i], b.tv[i]};
            double val[2];
            size_t nw = who[0] == who[1] ? 1 : 2;
            if ((rc = measure_some(&b, &b.sh, who, nw, val, full))) {
                rc = bp_inner_fail(&b, rc);
                goto done;
            }
            for (size_t e = 0; e < nw; e++)
                if (BETTER(val[e], i, best[who[e]], bt[who[e]])) { best[who[e]] = val[e]; bt[who[e]] = i; }
            if ((rc = lev__ctx_progress(c, (double)(i + 1) / (double)nt, "tie_bypass"))) goto done;
        }
    } else {
        /* greedy k > 1 by recomputation, actor by actor */
        double recs = 0;
        size_t *deg = lev__ctx_alloc(c, n, sizeof(size_t));
        if (!deg) {
            rc = lev__ctx_fail(c, LEV_ENOMEM, "tie_bypass: out of memory for %u actors", n);
            goto done;
        }
        memset(deg, 0, (size_t)n * sizeof(size_t));
        for (size_t i = 0; i < nt; i++) {
            deg[b.tu[i]]++;
            if (b.tv[i] != b.tu[i]) deg[b.tv[i]]++;
        }
        for (uint32_t a = 0; a < n; a++)
            for (size_t s = 0; s < (size_t)b.k && s < deg[a]; s++) recs += (double)(deg[a] - s);
        lev__ctx_free(c, deg, n, sizeof(size_t));
        if ((rc = check_limit(&b, recs, 0))) goto done;
        if (nt) {
            gone = lev__ctx_alloc(c, (size_t)b.k, sizeof(size_t));
            if (!gone || (rc = shadow_open(&b, c->g->m))) {
                rc = lev__ctx_fail(c, LEV_ENOMEM, "tie_bypass: out of memory for a copy of %zu edges", c->g->m);
                goto done;
            }
        }
        for (uint32_t a = 0; a < n && nt; a++) {
            if (!(M[a] > 0)) continue; /* survives 1 whatever is removed */
            size_t ngone = 0;
            double cur = M[a];
            for (int step = 0; step < b.k; step++) {
                double sb = INFINITY;
                size_t si = SIZE_MAX;
                for (size_t i = 0; i < nt; i++) {
                    if (b.tu[i] != a && b.tv[i] != a) continue;
                    int used = 0;
                    for (size_t j = 0; j < ngone; j++) used |= gone[j] == i;
                    if (used) continue;
                    gone[ngone] = i;
                    shadow_without(&b, gone, ngone + 1);
                    double v;
                    if ((rc = measure_some(&b, &b.sh, &a, 1, &v, full))) {
                        rc = bp_inner_fail(&b, rc);
                        goto done;
                    }
                    if (BETTER(v, i, sb, si)) { sb = v; si = i; }
                }
                if (si == SIZE_MAX) break;
                gone[ngone++] = si;
                cur = sb;
            }
            if (ngone) { best[a] = cur; bt[a] = gone[0]; }
            if ((rc = lev__ctx_progress(c, (double)(a + 1) / (double)n, "tie_bypass"))) goto done;
        }
    }
    /* commit */
    for (uint32_t a = 0; a < n; a++) {
        int none = bt[a] == SIZE_MAX || !(M[a] > 0);
        if (score) score[a] = M[a];
        survives[a] = none ? 1.0 : best[a] / M[a];
        if (tie_source) tie_source[a] = none ? LEV_NONE : b.tu[bt[a]];
        if (tie_target) tie_target[a] = none ? LEV_NONE : b.tv[bt[a]];
    }
    rc = LEV_OK;
done:
    if (gone) lev__ctx_free(c, gone, (size_t)b.k, sizeof(size_t));
    if (cand) lev__ctx_free(c, cand, (size_t)n + 1, sizeof(size_t));
    lev__ctx_free(c, buf, 3 * (size_t)n, sizeof(double));
    lev__ctx_free(c, bt, n, sizeof(size_t));
    bp_end(&b);
    return rc;
}

/* ---- leverage reliance ------------------------------------------------------------------------ */

/* The shadow = R, the reciprocated ties: a → b with min(w(a→b), w(b→a)) when both exist. When the
 * measure counts records (degree, or LEV_P_WEIGHTED 0) the pair gets min(n(a→b), n(b→a)) records
 * of strength 1 instead. */
static void shadow_reciprocated(bp *b) {
    const lev__csr *g = b->c.g;
    lev__csr *h = &b->sh.csr;
    int records = b->measure == LEV_BYPASS_DEGREE || !b->weighted;
    size_t m = 0;
    h->out_off[0] = 0;
    for (uint32_t a = 0; a < g->n; a++) {
        size_t i = g->out_off[a], ie = g->out_off[a + 1], j = g->in_off[a], je = g->in_off[a + 1];
        while (i < ie && j < je) {
            uint32_t x = g->out_adj[i], y = g->in_adj[j];
            if (x < y) { i++; continue; }
            if (y < x) { j++; continue; }
            double wo = 0, wi = 0;
            size_t no = 0, ni = 0;
            for (; i < ie && g->out_adj[i] == x; i++, no++) wo += lev__ow(g, i);
            for (; j < je && g->in_adj[j] == x; j++, ni++) wi += lev__iw(g, j);
            if (records) {
                size_t r = no < ni ? no : ni;
                for (size_t t = 0; t < r; t++) {
                    h->out_adj[m] = x;
                    h->out_w[m] = 1;
                    m++;
                }
            } else {
                h->out_adj[m] = x;
                h->out_w[m] = (float)(wo < wi ? wo : wi);
                m++;
            }
        }
        h->out_off[a + 1] = m;
    }
    shadow_finish(&b->sh, m);
}

lev_status lev_reliance(const lev_network *net, lev_params *p, double *per_actor, double *network) {
    bp b;
    lev_status rc = bp_begin(&b, net, p, "reliance", per_actor);
    if (rc) return rc;
    const lev__ctx *c = &b.c;
    uint32_t n = c->g->n;
    if (n == 0) {
        if (network) *network = 0;
        return LEV_OK;
    }
    double *buf = lev__ctx_alloc(c, 2 * (size_t)n, sizeof(double));
    if (!buf) return lev__ctx_fail(c, LEV_ENOMEM, "reliance: out of memory for %u actors", n);
    double *M = buf, *MR = buf + n;
    if ((rc = measure_all(&b, net, M))) {
        rc = bp_inner_fail(&b, rc);
        goto done;
    }
    if (b.undirected) {
        memcpy(MR, M, (size_t)n * sizeof(double)); /* every tie is reciprocated */
    } else {
        if ((rc = shadow_open(&b, c->g->m))) {
            rc = lev__ctx_fail(c, rc, "reliance: out of memory for a copy of %zu edges", c->g->m);
            goto done;
        }
        shadow_reciprocated(&b);
        if ((rc = measure_all(&b, &b.sh, MR))) {
            rc = bp_inner_fail(&b, rc);
            goto done;
        }
    }
    double num = 0, den = 0;
    for (uint32_t a = 0; a < n; a++) {
        double r = M[a] > 0 ? 1 - MR[a] / M[a] : 0;
        if (!(r > 0)) r = 0;
        MR[a] = r;
        if (M[a] > 0) {
            num += M[a] * r;
            den += M[a];
        }
    }
    memcpy(per_actor, MR, (size_t)n * sizeof(double));
    if (network) *network = den > 0 ? num / den : 0;
    rc = LEV_OK;
done:
    lev__ctx_free(c, buf, 2 * (size_t)n, sizeof(double));
    bp_end(&b);
    return rc;
}

/* ---- edge leverage --------------------------------------------------------------------------- */

typedef struct lev_item {
    double v;
    size_t i;
} lev_item;

static int item_cmp(const void *x, const void *y) {
    const lev_item *a = x, *b = y;
    if (a->v > b->v) return -1;
    if (a->v < b->v) return 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

lev_status lev_edge_leverage(const lev_network *net, lev_params *p, size_t cap, uint32_t *source,
                             uint32_t *target, double *leverage, size_t *len) {
    bp b;
    lev_status rc = bp_begin(&b, net, p, "edge_leverage", "");
    if (rc) return rc;
    const lev__ctx *c = &b.c;
    if (!len) return lev__ctx_fail(c, LEV_EMISUSE, "edge_leverage: len is NULL");
    if (cap > 0 && (!source || !target || !leverage))
        return lev__ctx_fail(c, LEV_EMISUSE, "edge_leverage: source, target and leverage must not be NULL when cap > 0");
    uint32_t n = c->g->n;
    lev_item *it = NULL;
    double *buf = NULL;
    if ((rc = bp_ties(&b))) {
        rc = lev__ctx_fail(c, rc, "edge_leverage: out of memory for the ties of %u actors", n);
        goto done;
    }
    size_t nt = b.nt;
    if (nt > cap) {
        rc = lev__ctx_erange(c, "edge_leverage", "ties", nt, cap, len);
        goto done;
    }
    if (nt == 0) {
        *len = 0;
        rc = LEV_OK;
        goto done;
    }
    int cheap = b.measure == LEV_BYPASS_DEGREE || b.measure == LEV_BYPASS_STRENGTH;
    if (!cheap && (rc = check_limit(&b, (double)nt, 1))) goto done;
    buf = lev__ctx_alloc(c, 2 * (size_t)n, sizeof(double));
    it = lev__ctx_alloc(c, nt, sizeof *it);
    if (!buf || !it) {
        rc = lev__ctx_fail(c, LEV_ENOMEM, "edge_leverage: out of memory for %zu ties", nt);
        goto done;
    }
    double *M = buf, *Mt = buf + n;
    if ((rc = measure_all(&b, net, M))) {
        rc = bp_inner_fail(&b, rc);
        goto done;
    }
    if (!cheap && (rc = shadow_open(&b, c->g->m))) {
        rc = lev__ctx_fail(c, rc, "edge_leverage: out of memory for a copy of %zu edges", c->g->m);
        goto done;
    }
    for (size_t i = 0; i < nt; i++) {
        double s = 0;
        if (cheap) {
            s = tie_part(&b, i, b.tu[i]);
            if (b.tv[i] != b.tu[i]) s += tie_part(&b, i, b.tv[i]);
        } else {
            shadow_without(&b, &i, 1);
            if ((rc = measure_all(&b, &b.sh, Mt))) {
                rc = bp_inner_fail(&b, rc);
                goto done;
            }
            for (uint32_t a = 0; a < n; a++) s += fabs(Mt[a] - M[a]);
            if ((rc = lev__ctx_progress(c, (double)(i + 1) / (double)nt, "edge_leverage"))) goto done;
        }
        it[i].v = s;
        it[i].i = i;
    }
    qsort(it, nt, sizeof *it, item_cmp);
    for (size_t i = 0; i < nt; i++) {
        source[i] = b.tu[it[i].i];
        target[i] = b.tv[it[i].i];
        leverage[i] = it[i].v;
    }
    *len = nt;
    rc = LEV_OK;
done:
    if (it) lev__ctx_free(c, it, b.nt, sizeof *it);
    if (buf) lev__ctx_free(c, buf, 2 * (size_t)n, sizeof(double));
    bp_end(&b);
    return rc;
}

/* ---- channel bypass -------------------------------------------------------------------------------- */

size_t lev_channel_count(const lev_network *net) { return net ? net->channels.count : 0; }

const char *lev_channel_name(const lev_network *net, uint32_t c) {
    return net && c < net->channels.count ? net->channels.e[c].s : NULL;
}

lev_status lev_channel_bypass(const lev_network *net, lev_params *p, double *share, double *dependence) {
    bp b;
    lev_status rc = bp_begin(&b, net, p, "channel_bypass", share);
    if (rc) return rc;
    const lev__ctx *c = &b.c;
    uint32_t n = c->g->n;
    size_t C = net->channels.count, m = net->m;
    if (n == 0) return LEV_OK;
    if (C && n > SIZE_MAX / sizeof(double) / C)
        return lev__ctx_fail(c, LEV_ELIMIT, "channel_bypass: %u actors by %zu channels do not fit in memory", n, C);
    if ((rc = check_limit(&b, (double)C, 1))) return rc;
    double *buf = lev__ctx_alloc(c, (2 + (size_t)C) * n, sizeof(double));
    if (!buf) {
        rc = lev__ctx_fail(c, LEV_ENOMEM, "channel_bypass: out of memory for %u actors, %zu channels", n, C);
        goto done;
    }
    double *M = buf, *Mc = buf + n, *sh = buf + 2 * (size_t)n;
    if ((rc = measure_all(&b, net, M))) {
        rc = bp_inner_fail(&b, rc);
        goto done;
    }
    if (C && (rc = shadow_open(&b, m))) {
        rc = lev__ctx_fail(c, rc, "channel_bypass: out of memory for a copy of %zu edges", m);
        goto done;
    }
    /* The compact form holds the records by (source, target), record order among equals: the
     * shadow's out rows are its rows without the channel's records. */
    const lev__csr *g = c->g;
    for (size_t ch = 0; ch < C; ch++) {
        lev__csr *h = &b.sh.csr;
        size_t mm = 0;
        h->out_off[0] = 0;
        for (uint32_t u = 0; u < n; u++) {
            for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
                if (net->out_chan && net->out_chan[k] == ch) continue;
                h->out_adj[mm] = g->out_adj[k];
                h->out_w[mm] = lev__ow(g, k);
                mm++;
            }
            h->out_off[u + 1] = mm;
        }
        shadow_finish(&b.sh, mm);
        if ((rc = measure_all(&b, &b.sh, Mc))) {
            rc = bp_inner_fail(&b, rc);
            goto done;
        }
        for (uint32_t a = 0; a < n; a++) sh[(size_t)a * C + ch] = M[a] > 0 ? Mc[a] / M[a] : 1.0;
        if ((rc = lev__ctx_progress(c, (double)(ch + 1) / (double)C, "channel_bypass"))) goto done;
    }
    if (C) memcpy(share, sh, (size_t)n * C * sizeof(double));
    if (dependence)
        for (uint32_t a = 0; a < n; a++) {
            double lo = 1;
            for (size_t ch = 0; ch < C; ch++)
                if (sh[(size_t)a * C + ch] < lo) lo = sh[(size_t)a * C + ch];
            dependence[a] = 1 - lo;
        }
    rc = LEV_OK;
done:
    if (buf) lev__ctx_free(c, buf, (2 + (size_t)C) * n, sizeof(double));
    bp_end(&b);
    return rc;
}
