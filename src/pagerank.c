/*
 * PageRank by pull-based power iteration.
 *
 * Each iteration computes, for every actor v,
 *     x'[v] = d · Σ_{u→v} w(u,v) · x[u] / s(u)  +  (d · D + 1 − d) · q[v]
 * where s is out-strength, D the mass on dangling actors (s = 0) and q the normalized
 * personalization. Rows are read in their fixed CSR order, and the two reductions (D and the
 * L1 change) are summed per block of BLOCK actors and then over blocks in order, so the result is
 * bit-identical for any number of threads.
 */
#include "internal.h"

#include <math.h>


#define BLOCK 2048
/* The gathers y[adj[k]] miss the cache (y is 8 MB at R-MAT scale 20). Prefetching the entry
 * PF_DIST arcs ahead keeps several misses in flight: 1.5x on one core at scale 20 (distances
 * 16–192 tried; 64–96 were best on the test machine, bench/README.md). */
#define PF_DIST 64

typedef struct pr_state {
    const lev__csr *g;
    int undirected, weighted;
    double d;
    const double *q; /* normalized personalization, or NULL for uniform */
    double qu;       /* 1/n */
    const double *inv; /* 1/s(u), 0 for dangling */
    const double *y;   /* x[u] · inv[u] */
    const double *x;
    double *xn, *yn;
    double *err_part, *dang_part; /* one per block */
} pr_state;

/* Sum of w(u,v) · y[u] over the rows k0..k1 of adj/w. */
static inline double pull(const uint32_t *adj, const float *w, size_t k0, size_t k1, size_t m, const double *y,
                          int weighted) {
    double s = 0;
    if (weighted)
        for (size_t k = k0; k < k1; k++) {
            if (k + PF_DIST < m) LEV__PREFETCH(&y[adj[k + PF_DIST]]);
            s += (double)w[k] * y[adj[k]];
        }
    else
        for (size_t k = k0; k < k1; k++) {
            if (k + PF_DIST < m) LEV__PREFETCH(&y[adj[k + PF_DIST]]);
            s += y[adj[k]];
        }
    return s;
}

static void pr_block(const pr_state *st, size_t b, double teleport) {
    const lev__csr *g = st->g;
    size_t v0 = b * BLOCK, v1 = v0 + BLOCK < g->n ? v0 + BLOCK : g->n;
    double err = 0, dang = 0;
    for (size_t v = v0; v < v1; v++) {
        double s = pull(g->in_adj, g->in_w, g->in_off[v], g->in_off[v + 1], g->m, st->y, st->weighted);
        if (st->undirected) s += pull(g->out_adj, g->out_w, g->out_off[v], g->out_off[v + 1], g->m, st->y, st->weighted);
        double nv = st->d * s + teleport * (st->q ? st->q[v] : st->qu);
        err += fabs(nv - st->x[v]);
        st->xn[v] = nv;
        st->yn[v] = nv * st->inv[v];
        if (st->inv[v] == 0) dang += nv;
    }
    st->err_part[b] = err;
    st->dang_part[b] = dang;
}

lev_status lev_pagerank(const lev_network *net, const double *personalization, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "pagerank", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n;
    if (n == 0) return LEV_OK;
    double qsum = 0;
    if (personalization) {
        for (size_t v = 0; v < n; v++) {
            double q = personalization[v];
            if (!isfinite(q) || q < 0)
                return lev__ctx_fail(&c, LEV_EINVAL,
                                     "pagerank: personalization of actor %zu (\"%s\") must be finite and >= 0 (got %g)",
                                     v, lev_actor_name(net, (uint32_t)v), q);
            qsum += q;
        }
        if (!(qsum > 0) || !isfinite(qsum))
            return lev__ctx_fail(&c, LEV_EINVAL, "pagerank: personalization must have a finite, positive sum (got %g)",
                                 qsum);
    }
    double d = lev__param(p, LEV_P_DAMPING), tol = lev__param(p, LEV_P_TOLERANCE);
    long max_iter = (long)lev__param(p, LEV_P_MAX_ITER);
    size_t nblocks = (n + BLOCK - 1) / BLOCK;

    /* Scratch: x, xn, y, yn, inv, q (if personalized); partials per block. */
    size_t nvec = personalization ? 6 : 5;
    if (n > (SIZE_MAX / sizeof(double) - 2 * nblocks) / nvec)
        return lev__ctx_fail(&c, LEV_ELIMIT, "pagerank: %zu actors need more scratch than memory can address", n);
    double *buf = lev__ctx_alloc(&c, nvec * n + 2 * nblocks, sizeof(double));
    if (!buf) return lev__ctx_fail(&c, LEV_ENOMEM, "pagerank: out of memory for %zu actors", n);
    double *x = buf, *xn = x + n, *y = xn + n, *yn = y + n, *inv = yn + n;
    double *q = personalization ? inv + n : NULL;
    double *err_part = buf + nvec * n, *dang_part = err_part + nblocks;

    pr_state st = {g, lev__param(p, LEV_P_UNDIRECTED) != 0, lev__param(p, LEV_P_WEIGHTED) != 0, d, q,
                   1.0 / (double)n, inv, y, x, xn, yn, err_part, dang_part};
    int threads = c.threads;
    (void)threads;
#pragma omp parallel for schedule(static) num_threads(threads)
    for (size_t v = 0; v < n; v++) {
        double s;
        if (st.weighted) {
            s = 0;
            for (size_t k = g->out_off[v]; k < g->out_off[v + 1]; k++) s += g->out_w[k];
            if (st.undirected)
                for (size_t k = g->in_off[v]; k < g->in_off[v + 1]; k++) s += g->in_w[k];
        } else {
            s = (double)(g->out_off[v + 1] - g->out_off[v]);
            if (st.undirected) s += (double)(g->in_off[v + 1] - g->in_off[v]);
        }
        inv[v] = s > 0 ? 1.0 / s : 0.0;
        x[v] = 1.0 / (double)n;
        y[v] = x[v] * inv[v];
        if (q) q[v] = personalization[v] / qsum;
    }
    /* Dangling mass of the start vector, in the same block order as every later iteration. */
    double dangling = 0;
    for (size_t b = 0; b < nblocks; b++) {
        double s = 0;
        for (size_t v = b * BLOCK; v < n && v < (b + 1) * BLOCK; v++)
            if (inv[v] == 0) s += x[v];
        dangling += s;
    }

    long it;
    double err = INFINITY;
    for (it = 1; it <= max_iter; it++) {
        double teleport = d * dangling + (1.0 - d);
        st.x = x; st.y = y; st.xn = xn; st.yn = yn;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
        for (size_t b = 0; b < nblocks; b++) pr_block(&st, b, teleport);
        err = 0;
        dangling = 0;
        for (size_t b = 0; b < nblocks; b++) {
            err += err_part[b];
            dangling += dang_part[b];
        }
        double *t = x; x = xn; xn = t;
        t = y; y = yn; yn = t;
        /* Progress on every iteration, the converging one included (it reports 1). */
        double done = err <= tol ? 1 : err >= 1 ? 0 : tol > 0 ? log(err) / log(tol) : (double)it / (double)max_iter;
        rc = lev__ctx_progress(&c, done > 1 ? 1 : done, "pagerank");
        if (rc) goto done;
        if (err <= tol) break;
    }
    if (it > max_iter) {
        rc = lev__ctx_fail(&c, LEV_ENOCONV,
                           "pagerank: did not converge in %ld iterations (L1 change %.3g, tolerance %.3g); raise "
                           "LEV_P_MAX_ITER or LEV_P_TOLERANCE",
                           max_iter, err, tol);
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
    lev__ctx_free(&c, buf, nvec * n + 2 * nblocks, sizeof(double));
    return rc;
}
