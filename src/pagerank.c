/*
 * PageRank by pull-based power iteration.
 *
 * Each iteration computes, for every actor v,
 *     x'[v] = d · Σ_{u→v} w(u,v) · x[u] / s(u)  +  (d · D + 1 − d) · q[v]
 * where s is out-strength, D the mass on dangling actors (s = 0) and q the normalized
 * personalization; with a dangling vector g the jump term is d · D · g[v] + (1 − d) · q[v].
 * Influence exerted (LEV_DIR_OUT) is the same walk on the reversed network: v pulls over its
 * out-edges (the other CSR) and s is in-strength, so no reversed copy is built. Rows are read in
 * their fixed CSR order, and the three reductions (D, the L1 change and the signed change below)
 * are summed per block of BLOCK actors and then over blocks in order, so the result is
 * bit-identical for any number of threads.
 *
 * Extrapolation. On R-MAT graphs the change shrinks by a constant factor r (0.36 at scale 18,
 * 0.40 at scale 20) from the third iteration on: one real eigenvalue r of the iteration dominates
 * the error, e_k ≈ a·r^k. One extrapolated step x + c·(x' − x) with c = r/(1 − r) removes that
 * component (Aitken's Δ² with one ratio for every actor; Aitken 1926, Kamvar et al. 2003),
 * at no memory cost: the step is taken inside the sweep, from x[v] and x'[v]. It is taken when
 * the last three iterations were plain and (a) the L1 change shrank by the same ratio r twice
 * (within 1%), and (b) a signed change, Σ_v g(v)·(x'[v] − x[v]) with g(v) = ±1 fixed by a hash
 * of v, shrank twice by a ratio s with |s| within 1% of r. c = s/(1 − s), s ≤ 0.9: a negative
 * eigenvalue (a bipartite undirected network, s ≈ −r) is removed too, by a weighted mean of the
 * last two iterates; a complex pair (the signed ratio wanders) would be amplified, and is left
 * alone. A step that does not pay (the next plain change is not below r² times the change
 * before the step) is the last one. An extrapolated iterate is never the result: the stopping
 * rule applies to plain iterations only, so the result still changed by at most tol over its
 * last iteration, and the fixpoint is the same. Values pushed below 0 by the step are set to 0
 * (the fixpoint is ≥ 0, so this only brings them nearer). R-MAT 18: 25 → 17 iterations, R-MAT
 * 20: 27 → 17, an undirected star 146 → 6 (bench/README.md, sixth round); Barabási–Albert (a
 * complex pair) and Erdős–Rényi (no stable ratio): unchanged.
 */
#include "internal.h"
#include "pr_extra.h"

#include <math.h>


#define BLOCK 2048
/* The gathers y[adj[k]] miss the cache (y is 8 MB at R-MAT scale 20). Prefetching the entry
 * PF_DIST arcs ahead keeps several misses in flight. Into L1 (prefetcht0), distances 64–96 were
 * best (1.5x on one core at scale 20); into L2 only (PF_L2: prefetcht1), far more misses can be
 * in flight, and 256 arcs ahead took another 1.5x at scale 20 and 1.08x at scale 18 on the test
 * machine (bench/profile/pr_pull.c, bench/README.md, "Issue 22"). A prefetch
 * is only a hint: the sums are unchanged. */
#define PF_DIST 256
#if defined(__GNUC__)
#  define PF_L2(p) __builtin_prefetch((p), 0, 2)
#  define PR_ALWAYS_INLINE __attribute__((always_inline))
#else
#  define PF_L2(p) ((void)0)
#  define PR_ALWAYS_INLINE
#endif

typedef struct pr_state {
    const lev__csr *g;
    int undirected, weighted;
    int reversed; /* walk against the edges (influence exerted): pull over out-edges */
    double d;
    const double *q; /* normalized personalization, or NULL for uniform */
    const double *dv; /* normalized dangling vector, or NULL: dangling mass follows q */
    double qu;       /* 1/n */
    const double *inv; /* 1/s(u), 0 for dangling */
    const double *y;   /* x[u] · inv[u] of the previous iterate: what rows gather */
    double *x;         /* updated in place: row v reads x[v] alone */
    double *err_part, *dang_part, *sgn_part; /* one per block */
} pr_state;

/* Sum of w(u,v) · y[u] over the rows k0..k1 of adj, the strengths as `form` says: 0 all 1
 * (unweighted), 1 floats w, 2 codes c into pal, 3 pal[0] for every arc. */
static inline PR_ALWAYS_INLINE double pull_as(const uint32_t *adj, lev__wts ws, size_t k0, size_t k1, size_t m,
                                               const double *y, const int form) {
    double s = 0;
    if (form == 1)
        for (size_t k = k0; k < k1; k++) {
            if (k + PF_DIST < m) PF_L2(&y[adj[k + PF_DIST]]);
            s += (double)ws.w[k] * y[adj[k]];
        }
    else if (form == 2)
        for (size_t k = k0; k < k1; k++) {
            if (k + PF_DIST < m) PF_L2(&y[adj[k + PF_DIST]]);
            s += (double)ws.pal[ws.c[k]] * y[adj[k]];
        }
    else if (form == 3) {
        double w = (double)ws.pal[0]; /* every strength: still one product per arc, the same bits */
        for (size_t k = k0; k < k1; k++) {
            if (k + PF_DIST < m) PF_L2(&y[adj[k + PF_DIST]]);
            s += w * y[adj[k]];
        }
    }
    else
        for (size_t k = k0; k < k1; k++) {
            if (k + PF_DIST < m) PF_L2(&y[adj[k + PF_DIST]]);
            s += y[adj[k]];
        }
    return s;
}

static inline PR_ALWAYS_INLINE double pull(const uint32_t *adj, lev__wts ws, size_t k0, size_t k1, size_t m,
                                            const double *y, int weighted) {
    if (k0 == k1) return 0; /* an empty row; with no edge at all there is no palette either */
    if (!weighted) return pull_as(adj, ws, k0, k1, m, y, 0);
    return ws.w ? pull_as(adj, ws, k0, k1, m, y, 1)
                : ws.c ? pull_as(adj, ws, k0, k1, m, y, 2) : pull_as(adj, ws, k0, k1, m, y, 3);
}

/* One block of actors. Without a dangling vector every actor jumps with probability `teleport`
 * (d·D + 1 − d) by q; with one, `dmass` (d·D) goes by dv and `teleport` (1 − d) by q. Inlined
 * into one copy per (weighted, undirected), so the arc loop tests neither. */
static inline PR_ALWAYS_INLINE void pr_block_as(const pr_state *st, size_t b, double teleport, double dmass,
                                                double c, const int weighted, const int undirected) {
    const lev__csr *g = st->g;
    size_t v0 = b * BLOCK, v1 = v0 + BLOCK < g->n ? v0 + BLOCK : g->n;
    /* The edges v pulls over: into v for the forward walk, out of v for the reversed one. */
    const size_t *off = st->reversed ? g->out_off : g->in_off;
    const uint32_t *adj = st->reversed ? g->out_adj : g->in_adj;
    lev__wts w = st->reversed ? lev__wts_out(g) : lev__wts_in(g), wo = lev__wts_out(g);
    const double *y = st->y, *inv = st->inv, *q = st->q, *dv = st->dv;
    double *x = st->x;
    double d = st->d, qu = st->qu, err = 0, dang = 0, sgn = 0;
    size_t m = g->m;
    for (size_t v = v0; v < v1; v++) {
        double s = pull(adj, w, off[v], off[v + 1], m, y, weighted);
        if (undirected) s += pull(g->out_adj, wo, g->out_off[v], g->out_off[v + 1], m, y, weighted);
        double qv = q ? q[v] : qu;
        double nv = dv ? d * s + dmass * dv[v] + teleport * qv : d * s + teleport * qv;
        nv += c * (nv - x[v]); /* c = 0 on a plain iteration: nv unchanged, bit for bit */
        if (nv < 0) nv = 0;    /* only after an extrapolated step */
        err += fabs(nv - x[v]);
        sgn += lev__pr_sign((uint64_t)v) * (nv - x[v]);
        x[v] = nv;
        if (inv[v] == 0) dang += nv;
    }
    st->err_part[b] = err;
    st->dang_part[b] = dang;
    st->sgn_part[b] = sgn;
}

static void pr_block(const pr_state *st, size_t b, double teleport, double dmass, double c) {
    if (st->weighted) {
        if (st->undirected) pr_block_as(st, b, teleport, dmass, c, 1, 1);
        else pr_block_as(st, b, teleport, dmass, c, 1, 0);
    } else {
        if (st->undirected) pr_block_as(st, b, teleport, dmass, c, 0, 1);
        else pr_block_as(st, b, teleport, dmass, c, 0, 0);
    }
}

/* Check a per-actor input vector (personalization or dangling): entries finite and >= 0 with a
 * positive, finite sum, which goes to *sum. */
static lev_status check_vector(const lev__ctx *c, const char *what, const char *name, const double *v, size_t n,
                               double *sum) {
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i];
        if (!isfinite(x) || x < 0)
            return lev__ctx_fail(c, LEV_EINVAL, "%s: %s of actor %zu (\"%s\") must be finite and >= 0 (got %g)", what,
                                 name, i, lev_actor_name(c->net, (uint32_t)i), x);
        s += x;
    }
    if (!(s > 0) || !isfinite(s))
        return lev__ctx_fail(c, LEV_EINVAL, "%s: %s must have a finite, positive sum (got %g)", what, name, s);
    *sum = s;
    return LEV_OK;
}

/* The one PageRank kernel behind lev_pagerank() and lev_pagerank_dangling(). */
static lev_status pagerank_run(const lev_network *net, const double *personalization, const double *dangling,
                               lev_params *p, double *out, const char *what) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n;
    if (n == 0) return LEV_OK;
    double qsum = 0, dsum = 0;
    if (personalization && (rc = check_vector(&c, what, "personalization", personalization, n, &qsum))) return rc;
    if (dangling && (rc = check_vector(&c, what, "dangling vector", dangling, n, &dsum))) return rc;
    double d = lev__param(p, LEV_P_DAMPING), tol = lev__param(p, LEV_P_TOLERANCE);
    long max_iter = (long)lev__param(p, LEV_P_MAX_ITER);
    int undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    /* Influence exerted walks against the edges; LEV_P_UNDIRECTED overrides the direction. */
    int reversed = !undirected && (int)lev__param(p, LEV_P_DIRECTION) == LEV_DIR_OUT;
    size_t nblocks = (n + BLOCK - 1) / BLOCK;

    /* Scratch: x, y, inv, q (if personalized), dv (if a dangling vector); partials per block.
     * x is updated in place: actor v's row reads x[v] alone (for the change) before writing it,
     * while the others' values are gathered from y, which is brought up to date from x in a
     * second pass once every row has gathered (y[v] = x[v] · inv[v], the product a second copy of
     * y would have held). That pass streams 24 bytes an actor, about 5% of an iteration at R-MAT
     * scale 20, where a second y cost 8 bytes an actor of memory (0.3 B/tie; bench/README.md). */
    size_t nvec = 3 + (personalization != NULL) + (dangling != NULL);
    if (n > (SIZE_MAX / sizeof(double) - 3 * nblocks) / nvec)
        return lev__ctx_fail(&c, LEV_ELIMIT, "%s: %zu actors need more scratch than memory can address", what, n);
    double *buf = lev__ctx_alloc(&c, nvec * n + 3 * nblocks, sizeof(double));
    if (!buf) return lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %zu actors", what, n);
    double *x = buf, *y = x + n, *inv = y + n;
    double *q = personalization ? inv + n : NULL;
    double *dv = dangling ? inv + (personalization ? 2 : 1) * n : NULL;
    double *err_part = buf + nvec * n, *dang_part = err_part + nblocks, *sgn_part = dang_part + nblocks;

    pr_state st = {g, undirected, lev__param(p, LEV_P_WEIGHTED) != 0, reversed, d, q, dv,
                   1.0 / (double)n, inv, y, x, err_part, dang_part, sgn_part};
    /* The strength a walker leaves by: out-strength forwards, in-strength reversed, both undirected. */
    const size_t *soff = reversed ? g->in_off : g->out_off;
    lev__wts sw = reversed ? lev__wts_in(g) : lev__wts_out(g), wi = lev__wts_in(g);
    /* One thread per 65 536 arcs and actors at most: below that an iteration takes tens of
     * microseconds and a second thread only adds the fork and the barrier (on a busy machine,
     * waiting for a descheduled thread: 411 ms against 0.27 ms at R-MAT scale 10, bench/README.md).
     * The result does not depend on it. */
    int threads = lev__cap_threads(&c, g->m + n, (size_t)1 << 16);
    (void)threads;
#pragma omp parallel for schedule(static) num_threads(threads)
    for (size_t v = 0; v < n; v++) {
        double s;
        if (st.weighted) {
            s = 0;
            for (size_t k = soff[v]; k < soff[v + 1]; k++) s += lev__wt(sw, k);
            if (st.undirected)
                for (size_t k = g->in_off[v]; k < g->in_off[v + 1]; k++) s += lev__wt(wi, k);
        } else {
            s = (double)(soff[v + 1] - soff[v]);
            if (st.undirected) s += (double)(g->in_off[v + 1] - g->in_off[v]);
        }
        inv[v] = s > 0 ? 1.0 / s : 0.0;
        x[v] = 1.0 / (double)n;
        y[v] = x[v] * inv[v];
        if (q) q[v] = personalization[v] / qsum;
        if (dv) dv[v] = dangling[v] / dsum;
    }
    /* Dangling mass of the start vector, in the same block order as every later iteration. */
    double dmass = 0;
    for (size_t b = 0; b < nblocks; b++) {
        double s = 0;
        for (size_t v = b * BLOCK; v < n && v < (b + 1) * BLOCK; v++)
            if (inv[v] == 0) s += x[v];
        dmass += s;
    }

    long it;
    double err = INFINITY, cx = 0, shown = 0;
    lev__pr_extra ex = LEV__PR_EXTRA_INIT;
    for (it = 1; it <= max_iter; it++) {
        /* Without a dangling vector the dangling mass jumps by q with the rest (one term, as
         * before); with one it goes by dv and only 1 − d by q. */
        double teleport = dv ? 1.0 - d : d * dmass + (1.0 - d), dterm = d * dmass;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
        for (size_t b = 0; b < nblocks; b++) pr_block(&st, b, teleport, dterm, cx);
#pragma omp parallel for schedule(static) num_threads(threads)
        for (size_t v = 0; v < n; v++) y[v] = x[v] * inv[v];
        double sgn = 0;
        err = 0;
        dmass = 0;
        for (size_t b = 0; b < nblocks; b++) {
            err += err_part[b];
            dmass += dang_part[b];
            sgn += sgn_part[b];
        }
        int plain = cx == 0;
        /* Progress on every iteration, the converging one included (it reports 1); never
         * backwards (an extrapolated step may change more than the iteration before it). */
        rc = lev__ctx_progress(&c, lev__pr_progress(&shown, lev__iter_progress(err, tol, it, max_iter), plain), what);
        if (rc) goto done;
        if (plain && err <= tol) break;
        cx = it + 1 < max_iter ? lev__pr_extrapolate(&ex, plain, err, sgn) : 0;
    }
    if (it > max_iter) {
        rc = lev__ctx_fail(&c, LEV_ENOCONV,
                           "%s: did not converge in %ld iterations (L1 change %.3g, tolerance %.3g); raise "
                           "LEV_P_MAX_ITER or LEV_P_TOLERANCE",
                           what, max_iter, err, tol);
        goto done;
    }
    {
        double sum = 0;
        for (size_t b = 0; b < nblocks; b++) {
            double s = 0;
            for (size_t v = b * BLOCK; v < n && v < (b + 1) * BLOCK; v++) s += x[v];
            sum += s;
        }
        for (size_t v = 0; v < n; v++) out[v] = x[v] / sum;
    }
    rc = LEV_OK;
done:
    lev__ctx_free(&c, buf, nvec * n + 3 * nblocks, sizeof(double));
    return rc;
}

lev_status lev_pagerank(const lev_network *net, const double *personalization, lev_params *p, double *out) {
    return pagerank_run(net, personalization, NULL, p, out, "pagerank");
}

lev_status lev_pagerank_dangling(const lev_network *net, const double *personalization, const double *dangling,
                                 lev_params *p, double *out) {
    return pagerank_run(net, personalization, dangling, p, out, "pagerank_dangling");
}
