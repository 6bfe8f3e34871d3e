/*
 * Opinion dynamics: DeGroot consensus and social power, Friedkin–Johnsen equilibrium and total
 * influence, and the pressure points of an outcome (its sensitivities).
 *
 * The influence matrix W has row i = the strengths of the ties into i (whom i listens to),
 * divided by their sum S_i: W_ij = a_ij / S_i where a_ij sums the edges j → i (parallel edges
 * add up; a self-loop is i's weight on its own opinion; with LEV_P_UNDIRECTED every edge is a
 * tie both ways, as in lev_pagerank()). An actor no tie reaches (S_i = 0) keeps its own opinion:
 * W_ii = 1. W is never formed: a product Wx reads the in-row of each actor in CSR order, and a
 * transposed product Wᵀz the out-row (the actors that listen to it), each sum in that fixed
 * order; the iterations are Jacobi sweeps, parallel over blocks of actors, whose norms are
 * reduced per block and then over the blocks in order, so results are bit-identical for any
 * number of threads.
 *
 * Closed classes (the sets of actors who listen only to each other, the recurrent classes of
 * the chain W) are the strongly connected components of the listening graph (arcs i → j for
 * W_ij > 0; the shared iterative Tarjan, lev__scc) that no arc leaves; a class's period is the
 * gcd of its cycle lengths, read off one breadth-first search from its first actor as the gcd
 * of level(u) + 1 − level(v) over its arcs u → v.
 */
#include "internal.h"

#include <math.h>
#include <string.h>

#define BLOCK 1024

/* ---- the matrix W ---------------------------------------------------------------------------- */

typedef struct wmat {
    const lev__csr *g;
    int undirected, weighted;
    const double *inv; /* 1/S_i, or 0 when no tie reaches i (W_ii = 1) */
} wmat;

static inline double row_sum(const size_t *off, const uint32_t *adj, lev__wts w, uint32_t v, int weighted,
                             const double *z) {
    double s = 0;
    if (z) {
        if (weighted)
            for (size_t k = off[v]; k < off[v + 1]; k++) s += (double)lev__wt(w, k) * z[adj[k]];
        else
            for (size_t k = off[v]; k < off[v + 1]; k++) s += z[adj[k]];
    } else {
        if (weighted)
            for (size_t k = off[v]; k < off[v + 1]; k++) s += (double)lev__wt(w, k);
        else
            s = (double)(off[v + 1] - off[v]);
    }
    return s;
}

/* (Wx)_i. */
static inline double w_times(const wmat *W, uint32_t i, const double *x) {
    const lev__csr *g = W->g;
    if (W->inv[i] == 0) return x[i];
    double s = row_sum(g->in_off, g->in_adj, lev__wts_in(g), i, W->weighted, x);
    if (W->undirected) s += row_sum(g->out_off, g->out_adj, lev__wts_out(g), i, W->weighted, x);
    return s * W->inv[i];
}

/* ---- Jacobi sweeps ------------------------------------------------------------------------- */

enum { FWD = 0, BWD = 1 };

typedef struct sweep {
    const wmat *W;
    int mode;                    /* FWD: x' = lam∘(Wx) + b;  BWD: x' = b + Wᵀ(lam∘x) */
    const double *lam;           /* NULL: all 1 */
    const double *b;             /* NULL: 0 */
    const double *keep;          /* BWD: x' = keep∘x + (1 − keep)∘x' (NULL: 0) */
    const uint32_t *fixed;       /* actors with fixed[v] != LEV_NONE keep their value (NULL: none) */
    const uint32_t *active;      /* BWD: actors with active[v] == LEV_NONE stay 0 (NULL: all) */
    double *zs;                  /* BWD: lam∘x / S, refreshed per sweep */
    double *sum_part, *max_part, *mag_part; /* per block: L1 and L∞ change, largest |value| */
} sweep;

static void sweep_prep(const sweep *s, uint32_t v, const double *x) {
    double l = s->lam ? s->lam[v] : 1.0;
    s->zs[v] = l * x[v] * s->W->inv[v];
}

static void sweep_block(const sweep *s, size_t blk, const double *x, double *xn) {
    uint32_t n = s->W->g->n;
    uint32_t v0 = (uint32_t)(blk * BLOCK), v1 = v0 + BLOCK < n ? v0 + BLOCK : n;
    double l1 = 0, linf = 0, mag = 0;
    for (uint32_t v = v0; v < v1; v++) {
        double y;
        if (s->fixed && s->fixed[v] != LEV_NONE) {
            y = x[v];
        } else if (s->mode == FWD) {
            y = w_times(s->W, v, x);
            if (s->lam) y *= s->lam[v];
            if (s->b) y += s->b[v];
        } else if (s->active && s->active[v] == LEV_NONE) {
            y = 0;
        } else {
            double l = s->lam ? s->lam[v] : 1.0;
            /* wt_times adds z_v for W_vv = 1; z = lam∘x there. */
            const lev__csr *g = s->W->g;
            y = row_sum(g->out_off, g->out_adj, lev__wts_out(g), v, s->W->weighted, s->zs);
            if (s->W->undirected) y += row_sum(g->in_off, g->in_adj, lev__wts_in(g), v, s->W->weighted, s->zs);
            if (s->W->inv[v] == 0) y += l * x[v];
            if (s->b) y += s->b[v];
            if (s->keep) y = s->keep[v] * x[v] + (1 - s->keep[v]) * y;
        }
        double d = fabs(y - x[v]);
        l1 += d;
        if (d > linf || d != d) linf = d;
        if (fabs(y) > mag) mag = fabs(y);
        xn[v] = y;
    }
    s->sum_part[blk] = l1;
    s->max_part[blk] = linf;
    s->mag_part[blk] = mag;
}

/* Iterate from *px (xn is the other buffer) until the change (L1 with l1 set, else L∞ over
 * max(1, largest |value|)) is at most tol; *px points to the result. LEV_ENOCONV or LEV_ECANCELLED (recorded) otherwise. */
static lev_status iterate(const lev__ctx *c, sweep *s, double **px, double **pxn, int l1, const char *what) {
    uint32_t n = s->W->g->n;
    size_t nblocks = ((size_t)n + BLOCK - 1) / BLOCK;
    double tol = lev__param(c->p, LEV_P_TOLERANCE);
    long max_iter = (long)lev__param(c->p, LEV_P_MAX_ITER);
    int threads = lev__cap_threads(c, n, BLOCK);
    (void)threads;
    double *x = *px, *xn = *pxn, err = INFINITY;
    lev_status rc = LEV_OK;
    long it;
    for (it = 1; it <= max_iter; it++) {
        if (s->mode == BWD) {
#pragma omp parallel for schedule(static) num_threads(threads)
            for (uint32_t v = 0; v < n; v++) sweep_prep(s, v, x);
        }
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
        for (size_t b = 0; b < nblocks; b++) sweep_block(s, b, x, xn);
        /* L1: the summed change (power, whose entries sum to 1 per class); else the largest
         * change relative to max(1, the largest |value|), so that values far from 1 (opinions in
         * the hundreds, influences in the thousands) converge to the same relative accuracy. */
        err = 0;
        double mag = 1;
        for (size_t b = 0; b < nblocks; b++) {
            double e = l1 ? s->sum_part[b] : s->max_part[b];
            if (l1) err += e;
            else if (e > err || e != e) err = e;
            if (s->mag_part[b] > mag) mag = s->mag_part[b];
        }
        if (!l1) err /= mag;
        double *t = x;
        x = xn;
        xn = t;
        if (!isfinite(err)) break;
        if ((rc = lev__ctx_progress(c, lev__iter_progress(err, tol, it, max_iter), what))) break;
        if (err <= tol) break;
    }
    *px = x;
    *pxn = xn;
    if (rc) return rc;
    if (it > max_iter || !isfinite(err))
        return lev__ctx_fail(c, LEV_ENOCONV,
                             "%s: did not converge in %ld sweeps (%s change %.3g, tolerance %.3g); raise "
                             "LEV_P_MAX_ITER or LEV_P_TOLERANCE",
                             what, it > max_iter ? max_iter : it, l1 ? "L1" : "relative", err, tol);
    return LEV_OK;
}

/* ---- scratch: one block, carved ------------------------------------------------------------ */

typedef struct arena {
    unsigned char *base;
    size_t size, used;
} arena;

static void *carve(arena *a, size_t count, size_t size) {
    size_t bytes = (count * size + 15) & ~(size_t)15;
    void *p = a->base + a->used;
    a->used += bytes;
    return p;
}

/* Bytes for `count` elements of `size`, rounded as carve does; SIZE_MAX on overflow. */
static size_t need(size_t count, size_t size) {
    if (size && count > (SIZE_MAX - 16) / size) return SIZE_MAX;
    return (count * size + 15) & ~(size_t)15;
}

static size_t add_sizes(size_t a, size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }

/* ---- the shared setup ---------------------------------------------------------------------- */

/* What every call shares: W, the closed classes, and the scratch. */
typedef struct op {
    lev__ctx c;
    const char *what;
    uint32_t n;
    wmat W;
    arena mem;
    double *inv;
    uint32_t *cls;     /* closed class of each actor, or LEV_NONE */
    uint32_t ncls;
    uint32_t *rep;     /* per class: its lowest-index actor */
    uint32_t *size;    /* per class: its actors */
    uint32_t *period;  /* per class */
    double *x, *xn, *b, *lam, *zs, *part; /* n, n, n, n, n, 3 per block */
} op;

static lev_status check_vector(op *o, const double *v, const char *name, int unit) {
    for (uint32_t i = 0; i < o->n; i++) {
        double x = v[i];
        if (!isfinite(x) || (unit && (x < 0 || x > 1)))
            return lev__ctx_fail(&o->c, LEV_EINVAL, "%s: %s of actor %u (\"%s\") must be %s (got %g)", o->what, name,
                                 i, lev_actor_name(o->c.net, i), unit ? "in [0, 1]" : "finite", x);
    }
    return LEV_OK;
}

static uint32_t gcd32(uint32_t a, uint32_t b) {
    while (b) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* The listening arcs of v (whom v listens to): its in-row, and with undirected its out-row. */
#define FOR_LISTEN(g, undirected, v, u, BODY)                                                          \
    do {                                                                                              \
        for (size_t k_ = (g)->in_off[v]; k_ < (g)->in_off[(v) + 1]; k_++) {                          \
            uint32_t u = (g)->in_adj[k_];                                                             \
            BODY                                                                                      \
        }                                                                                             \
        if (undirected)                                                                               \
            for (size_t k_ = (g)->out_off[v]; k_ < (g)->out_off[(v) + 1]; k_++) {                    \
                uint32_t u = (g)->out_adj[k_];                                                        \
                BODY                                                                                  \
            }                                                                                         \
    } while (0)

/* Begin a call: check, build W's row sums and the closed classes, carve the scratch. */
static lev_status op_begin(op *o, const lev_network *net, lev_params *p, const char *what, const void *out) {
    memset(o, 0, sizeof *o);
    o->what = what;
    lev_status rc = lev__ctx_begin(&o->c, net, p, what, out);
    if (rc) return rc;
    const lev__csr *g = o->c.g;
    uint32_t n = o->n = g->n;
    if (!n) return LEV_OK;
    int undirected = lev__param(p, LEV_P_UNDIRECTED) != 0, weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    size_t nblocks = ((size_t)n + BLOCK - 1) / BLOCK;
    /* doubles: inv, x, xn, b, lam, zs, and 3 per block; ids: cls, rep, size, period, comp,
     * member, idx, low, calls (n + 1); offsets: next. Each carved on a 16-byte boundary. */
    size_t bytes = 0;
    for (int k = 0; k < 6; k++) bytes = add_sizes(bytes, need(n, sizeof(double)));
    bytes = add_sizes(bytes, need(3 * nblocks, sizeof(double)));
    for (int k = 0; k < 8; k++) bytes = add_sizes(bytes, need(n, sizeof(uint32_t)));
    bytes = add_sizes(bytes, need((size_t)n + 1, sizeof(uint32_t)));
    bytes = add_sizes(bytes, need(n, sizeof(size_t)));
    if (bytes == SIZE_MAX)
        return lev__ctx_fail(&o->c, LEV_ELIMIT, "%s: %u actors need more scratch than memory can address", what, n);
    o->mem.base = lev__ctx_alloc(&o->c, bytes, 1);
    if (!o->mem.base) return lev__ctx_fail(&o->c, LEV_ENOMEM, "%s: out of memory for %u actors", what, n);
    o->mem.size = bytes;
    lev__view vw = {0};
    if (undirected) {
        if (lev__view_build(&o->c, LEV__VIEW_BOTH, LEV__FOLD_COUNT, 0, &vw)) {
            lev__ctx_free(&o->c, o->mem.base, o->mem.size, 1);
            o->mem.base = NULL;
            return lev__ctx_fail(&o->c, LEV_ENOMEM, "%s: out of memory for the undirected view", what);
        }
    }
    arena *a = &o->mem;
    o->inv = carve(a, n, sizeof(double));
    o->x = carve(a, n, sizeof(double));
    o->xn = carve(a, n, sizeof(double));
    o->b = carve(a, n, sizeof(double));
    o->lam = carve(a, n, sizeof(double));
    o->zs = carve(a, n, sizeof(double));
    o->part = carve(a, 3 * nblocks, sizeof(double));
    o->cls = carve(a, n, sizeof(uint32_t));
    o->rep = carve(a, n, sizeof(uint32_t));
    o->size = carve(a, n, sizeof(uint32_t));
    o->period = carve(a, n, sizeof(uint32_t));
    uint32_t *comp = carve(a, n, sizeof(uint32_t)), *member = carve(a, n, sizeof(uint32_t));
    lev__scc_scratch sw = {carve(a, n, sizeof(uint32_t)), carve(a, n, sizeof(uint32_t)),
                           carve(a, (size_t)n + 1, sizeof(uint32_t)), carve(a, n, sizeof(size_t))};
    o->W = (wmat){g, undirected, weighted, o->inv};

    int threads = lev__cap_threads(&o->c, n, BLOCK);
    (void)threads;
    double *inv = o->inv;
#pragma omp parallel for schedule(static) num_threads(threads)
    for (uint32_t v = 0; v < n; v++) {
        double s = row_sum(g->in_off, g->in_adj, lev__wts_in(g), v, weighted, NULL);
        if (undirected) s += row_sum(g->out_off, g->out_adj, lev__wts_out(g), v, weighted, NULL);
        inv[v] = s > 0 ? 1.0 / s : 0.0;
    }

    /* Strong components of the listening graph, then which of them no arc leaves. */
    if (undirected) {
        lev__scc(n, vw.off, vw.adj, comp, member, NULL, &sw);
        lev__view_free(&o->c, &vw);
    } else {
        lev__scc(n, g->in_off, g->in_adj, comp, member, NULL, &sw);
    }
    uint32_t *open = sw.idx; /* per component: 1 when an arc leaves it */
    for (uint32_t v = 0; v < n; v++) open[v] = 0;
    for (uint32_t v = 0; v < n; v++)
        FOR_LISTEN(g, undirected, v, u, {
            if (comp[u] != comp[v]) open[comp[v]] = 1;
        });
    uint32_t *num = sw.low; /* component -> class number */
    for (uint32_t v = 0; v < n; v++) num[v] = LEV_NONE;
    uint32_t ncls = 0;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t k = comp[v];
        if (open[k]) {
            o->cls[v] = LEV_NONE;
            continue;
        }
        if (num[k] == LEV_NONE) {
            num[k] = ncls;
            o->rep[ncls] = v;
            o->size[ncls] = 0;
            ncls++;
        }
        o->cls[v] = num[k];
        o->size[num[k]]++;
    }
    o->ncls = ncls;
    /* Periods: a breadth-first search of each class from its first actor. */
    uint32_t *level = sw.calls, *queue = member;
    for (uint32_t v = 0; v < n; v++) level[v] = LEV_NONE;
    for (uint32_t c = 0; c < ncls; c++) {
        uint32_t head = 0, tail = 0, per = 0, r = o->rep[c];
        level[r] = 0;
        queue[tail++] = r;
        while (head < tail) {
            uint32_t v = queue[head++];
            if (inv[v] == 0) per = 1; /* W_vv = 1: a loop */
            FOR_LISTEN(g, undirected, v, u, {
                if (level[u] == LEV_NONE) {
                    level[u] = level[v] + 1;
                    queue[tail++] = u;
                } else {
                    uint32_t d = level[v] + 1 >= level[u] ? level[v] + 1 - level[u] : level[u] - level[v] - 1;
                    per = gcd32(per, d);
                }
            });
        }
        o->period[c] = per ? per : 1;
    }
    return LEV_OK;
}

static void op_end(op *o) {
    if (o->mem.base) lev__ctx_free(&o->c, o->mem.base, o->mem.size, 1);
    o->mem.base = NULL;
}

static sweep make_sweep(op *o, int mode) {
    size_t nblocks = ((size_t)o->n + BLOCK - 1) / BLOCK;
    sweep s = {&o->W, mode, NULL, NULL, NULL, NULL, NULL, o->zs, o->part, o->part + nblocks, o->part + 2 * nblocks};
    return s;
}

/* Social power: per closed class, the left Perron vector of W on it (sums to 1 per class); 0
 * outside the classes. Periodic classes iterate the lazy chain (I + W)/2, which has the same
 * vector. Result in *res (one of o->x, o->xn). */
static lev_status social_power(op *o, double **res) {
    uint32_t n = o->n;
    double *keep = o->b;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t c = o->cls[v];
        o->x[v] = c == LEV_NONE ? 0 : 1.0 / (double)o->size[c];
        keep[v] = c != LEV_NONE && o->period[c] > 1 ? 0.5 : 0;
    }
    sweep s = make_sweep(o, BWD);
    s.keep = keep;
    s.active = o->cls;
    double *x = o->x, *xn = o->xn;
    lev_status rc = iterate(&o->c, &s, &x, &xn, 1, o->what);
    if (rc) return rc;
    /* Rescale each class to sum 1 exactly (sums in actor order). */
    double *sum = o->lam;
    for (uint32_t c = 0; c < o->ncls; c++) sum[c] = 0;
    for (uint32_t v = 0; v < n; v++)
        if (o->cls[v] != LEV_NONE) sum[o->cls[v]] += x[v];
    for (uint32_t v = 0; v < n; v++) x[v] = o->cls[v] == LEV_NONE ? 0 : x[v] / sum[o->cls[v]];
    *res = x;
    return LEV_OK;
}

/* ---- DeGroot --------------------------------------------------------------------------------- */

lev_status lev_degroot(const lev_network *net, lev_params *p, double *power, uint32_t *closed_class,
                       uint32_t *period, size_t *classes) {
    op o;
    lev_status rc = op_begin(&o, net, p, "degroot", power);
    if (rc) return rc;
    if (o.n == 0) {
        if (classes) *classes = 0;
        op_end(&o);
        return LEV_OK;
    }
    double *pw;
    rc = social_power(&o, &pw);
    if (rc == LEV_OK) {
        memcpy(power, pw, (size_t)o.n * sizeof *power);
        if (closed_class) memcpy(closed_class, o.cls, (size_t)o.n * sizeof *closed_class);
        if (period) memcpy(period, o.period, (size_t)o.ncls * sizeof *period);
        if (classes) *classes = o.ncls;
    }
    op_end(&o);
    return rc;
}

lev_status lev_degroot_limit(const lev_network *net, const double *initial, lev_params *p, double *out) {
    op o;
    const char *what = "degroot limit";
    lev_status rc = op_begin(&o, net, p, what, out);
    if (rc) return rc;
    if (!initial) {
        op_end(&o);
        return lev__ctx_fail(&o.c, LEV_EMISUSE, "%s: initial is NULL", what);
    }
    if (o.n == 0 || (rc = check_vector(&o, initial, "initial opinion", 0))) goto done;
    for (uint32_t c = 0; c < o.ncls; c++)
        if (o.period[c] > 1) {
            uint32_t r = o.rep[c];
            rc = lev__ctx_fail(&o.c, LEV_ENOCONV,
                               "%s: the closed class of actor %u (\"%s\", %u actors) has period %u: opinions there "
                               "cycle and have no limit",
                               what, r, lev_actor_name(net, r), o.size[c], o.period[c]);
            goto done;
        }
    double *pw;
    if ((rc = social_power(&o, &pw))) goto done;
    /* Each class agrees on its power-weighted mean (sums in actor order). */
    double *cons = o.lam;
    for (uint32_t c = 0; c < o.ncls; c++) cons[c] = 0;
    for (uint32_t v = 0; v < o.n; v++)
        if (o.cls[v] != LEV_NONE) cons[o.cls[v]] += pw[v] * initial[v];
    double *x = pw == o.x ? o.xn : o.x, *xn = pw; /* x gets the start; pw is free now */
    for (uint32_t v = 0; v < o.n; v++) x[v] = o.cls[v] == LEV_NONE ? initial[v] : cons[o.cls[v]];
    sweep s = make_sweep(&o, FWD);
    s.fixed = o.cls;
    /* fixed[v] != LEV_NONE keeps v: exactly the actors of closed classes. */
    if ((rc = iterate(&o.c, &s, &x, &xn, 0, what))) goto done;
    memcpy(out, x, (size_t)o.n * sizeof *out);
done:
    op_end(&o);
    return rc;
}

/* ---- Friedkin–Johnsen ------------------------------------------------------------------------ */

/* Check the susceptibilities and that every closed class holds an actor with λ < 1 (else
 * I − ΛW is singular: the class's opinions are not determined); copy them into o->lam. */
static lev_status check_anchored(op *o, const double *susceptibility) {
    lev_status rc;
    if ((rc = check_vector(o, susceptibility, "susceptibility", 1))) return rc;
    double *anchors = o->xn; /* per class: its actors with λ < 1 (xn is free until the solve) */
    for (uint32_t c = 0; c < o->ncls; c++) anchors[c] = 0;
    for (uint32_t v = 0; v < o->n; v++)
        if (o->cls[v] != LEV_NONE && susceptibility[v] < 1) anchors[o->cls[v]] += 1;
    for (uint32_t c = 0; c < o->ncls; c++) {
        if (anchors[c] > 0) continue;
        uint32_t r = o->rep[c];
        if (o->size[c] == 1)
            return lev__ctx_fail(&o->c, LEV_EINVAL,
                                 "%s: actor %u (\"%s\") listens to nobody else and has susceptibility 1: its "
                                 "opinion is not determined (give it susceptibility < 1)",
                                 o->what, r, lev_actor_name(o->c.net, r));
        return lev__ctx_fail(&o->c, LEV_EINVAL,
                             "%s: the %u actors of the closed class of actor %u (\"%s\") listen only to each other "
                             "and all have susceptibility 1: their opinions are not determined (give one of them "
                             "susceptibility < 1)",
                             o->what, o->size[c], r, lev_actor_name(o->c.net, r));
    }
    memcpy(o->lam, susceptibility, (size_t)o->n * sizeof *o->lam);
    return LEV_OK;
}

/* x = ΛWx + (I − Λ)u from x = u; the result in *res. o->lam must hold λ. */
static lev_status fj_solve(op *o, const double *initial, double **res) {
    for (uint32_t v = 0; v < o->n; v++) {
        o->b[v] = (1 - o->lam[v]) * initial[v];
        o->x[v] = initial[v];
    }
    sweep s = make_sweep(o, FWD);
    s.lam = o->lam;
    s.b = o->b;
    double *x = o->x, *xn = o->xn;
    lev_status rc = iterate(&o->c, &s, &x, &xn, 0, o->what);
    *res = x;
    return rc;
}

/* y = c + WᵀΛy from y = c, with c = o->b; the result in *res. */
static lev_status fj_adjoint(op *o, double *x, double *xn, double **res) {
    memcpy(x, o->b, (size_t)o->n * sizeof *x);
    sweep s = make_sweep(o, BWD);
    s.lam = o->lam;
    s.b = o->b;
    lev_status rc = iterate(&o->c, &s, &x, &xn, 0, o->what);
    *res = x;
    return rc;
}

lev_status lev_friedkin_johnsen(const lev_network *net, const double *initial, const double *susceptibility,
                                lev_params *p, double *out) {
    op o;
    const char *what = "friedkin-johnsen";
    lev_status rc = op_begin(&o, net, p, what, out);
    if (rc) return rc;
    if (!initial) {
        rc = lev__ctx_fail(&o.c, LEV_EMISUSE, "%s: initial is NULL", what);
        goto done;
    }
    if (!susceptibility) {
        rc = lev__ctx_fail(&o.c, LEV_EMISUSE, "%s: susceptibility is NULL", what);
        goto done;
    }
    if (o.n == 0) goto done;
    if ((rc = check_vector(&o, initial, "initial opinion", 0)) || (rc = check_anchored(&o, susceptibility)))
        goto done;
    double *x;
    if ((rc = fj_solve(&o, initial, &x))) goto done;
    memcpy(out, x, (size_t)o.n * sizeof *out);
done:
    op_end(&o);
    return rc;
}

lev_status lev_friedkin_johnsen_influence(const lev_network *net, const double *susceptibility, lev_params *p,
                                          double *out) {
    op o;
    const char *what = "friedkin-johnsen influence";
    lev_status rc = op_begin(&o, net, p, what, out);
    if (rc) return rc;
    if (!susceptibility) {
        rc = lev__ctx_fail(&o.c, LEV_EMISUSE, "%s: susceptibility is NULL", what);
        goto done;
    }
    if (o.n == 0) goto done;
    if ((rc = check_anchored(&o, susceptibility))) goto done;
    for (uint32_t v = 0; v < o.n; v++) o.b[v] = 1;
    double *y;
    if ((rc = fj_adjoint(&o, o.x, o.xn, &y))) goto done;
    for (uint32_t v = 0; v < o.n; v++) out[v] = (1 - o.lam[v]) * y[v];
done:
    op_end(&o);
    return rc;
}

lev_status lev_opinion_pressure(const lev_network *net, const double *initial, const double *susceptibility,
                                uint32_t target, lev_params *p, double *actors, double *ties) {
    op o;
    const char *what = "opinion pressure";
    lev_status rc = op_begin(&o, net, p, what, actors ? (const void *)actors : (const void *)ties);
    if (rc) return rc;
    if (!initial) {
        rc = lev__ctx_fail(&o.c, LEV_EMISUSE, "%s: initial is NULL", what);
        goto done;
    }
    if (!susceptibility) {
        rc = lev__ctx_fail(&o.c, LEV_EMISUSE, "%s: susceptibility is NULL", what);
        goto done;
    }
    if (target != LEV_NONE && target >= o.n) {
        rc = lev__ctx_fail(&o.c, LEV_EINVAL,
                           "%s: target %u is not an actor (the network has %u); LEV_NONE targets the mean opinion",
                           what, target, o.n);
        goto done;
    }
    if (o.n == 0) goto done;
    if ((rc = check_vector(&o, initial, "initial opinion", 0)) || (rc = check_anchored(&o, susceptibility)))
        goto done;
    uint32_t n = o.n;
    double *x;
    if ((rc = fj_solve(&o, initial, &x))) goto done;
    /* The equilibrium stays in x; Wx at it goes into the other buffer (the ties need (Wx)_t);
     * the adjoint iterates in a block of its own. */
    double *xe = x, *other = x == o.x ? o.xn : o.x;
    for (uint32_t v = 0; v < n; v++) o.b[v] = target == LEV_NONE ? 1.0 / (double)n : (v == target ? 1.0 : 0.0);
    /* Wx at the equilibrium, before xe is overwritten: (Wx)_t is needed per tie. */
    double *wx = other;
    for (uint32_t v = 0; v < n; v++) wx[v] = w_times(&o.W, v, xe);
    /* Two more buffers for the adjoint: a scratch block of 2n doubles. */
    double *buf = lev__ctx_alloc(&o.c, 2 * (size_t)n, sizeof(double));
    if (!buf) {
        rc = lev__ctx_fail(&o.c, LEV_ENOMEM, "%s: out of memory for %u actors", what, n);
        goto done;
    }
    double *y;
    rc = fj_adjoint(&o, buf, buf + n, &y);
    if (rc == LEV_OK) {
        if (actors)
            for (uint32_t v = 0; v < n; v++) actors[v] = (1 - o.lam[v]) * y[v];
        if (ties) {
            const lev__csr *g = &net->csr; /* every record, by source (ready: lev__ctx_begin) */
            uint32_t s = 0;
            for (size_t k = 0; k < g->m; k++) {
                while (k == g->out_off[s + 1]) s++;
                uint32_t t = g->out_adj[k];
                size_t e = lev__order(net, k);
                double d = y[t] * o.lam[t] * (xe[s] - wx[t]) * o.inv[t];
                if (o.W.undirected) d += y[s] * o.lam[s] * (xe[t] - wx[s]) * o.inv[s];
                ties[e] = d;
            }
        }
    }
    lev__ctx_free(&o.c, buf, 2 * (size_t)n, sizeof(double));
done:
    op_end(&o);
    return rc;
}
