/*
 * Centrality from walks: Katz, eigenvector and HITS by power iteration on the compact form, and
 * Bonacich power by a dense LU solve.
 *
 * The iterations pull: actor v's new score reads its neighbours' old scores along the rows of
 * the compact form that the view asks for (in-edges for in-influence, out-edges for
 * out-influence, both for the undirected view). Rows are read in their fixed CSR order, and
 * every reduction (norms, changes) is summed per block of BLOCK actors and then over the blocks
 * in order, so results are bit-identical for any number of threads.
 *
 * Bonacich solves (I − βB) c = B·1 by a blocked right-looking LU with partial pivoting
 * (LAPACK dgetrf's pivots): each panel factored on one thread, then the columns to its right
 * updated in parallel by column tiles; every element is updated by one thread in a fixed order,
 * so this too is bit-identical for any number of threads. A Hager–Higham estimate
 * of the reciprocal condition number (LAPACK dgecon's) decides singularity.
 */
#include "internal.h"
#include "pr_extra.h"

#include <float.h>
#include <math.h>
#include <string.h>


#define BLOCK 2048

/* Which rows a pull reads. */
#define PULL_IN 1  /* v reads u over edges u → v: in-influence, Aᵀx */
#define PULL_OUT 2 /* v reads u over edges v → u: out-influence, Ax */

/* Largest network lev_bonacich() solves: 20000² doubles are 3.2 GB. */
#define BONACICH_MAX_ACTORS 20000u

typedef struct view {
    const lev__csr *g;
    int pull;
    int weighted;
} view;

static inline double pull_rows(const uint32_t *adj, lev__wts w, size_t k0, size_t k1, const double *x,
                               int weighted) {
    double s = 0;
    if (weighted)
        for (size_t k = k0; k < k1; k++) s += (double)lev__wt(w, k) * x[adj[k]];
    else
        for (size_t k = k0; k < k1; k++) s += x[adj[k]];
    return s;
}

/* Σ w(u, v)·x[u] over the rows of v the view reads (in rows first, then out rows). */
static inline double pull(const view *vw, int how, size_t v, const double *x) {
    const lev__csr *g = vw->g;
    double s = 0;
    if (how & PULL_IN) s += pull_rows(g->in_adj, lev__wts_in(g), g->in_off[v], g->in_off[v + 1], x, vw->weighted);
    if (how & PULL_OUT) s += pull_rows(g->out_adj, lev__wts_out(g), g->out_off[v], g->out_off[v + 1], x, vw->weighted);
    return s;
}

/* The view of Katz, eigenvector and Bonacich: in-influence unless LEV_DIR_OUT; both ways when
 * undirected. */
static view make_view(const lev__ctx *c, const lev_params *p) {
    view vw;
    vw.g = c->g;
    vw.weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    if (lev__param(p, LEV_P_UNDIRECTED) != 0) vw.pull = PULL_IN | PULL_OUT;
    else vw.pull = (int)lev__param(p, LEV_P_DIRECTION) == LEV_DIR_OUT ? PULL_OUT : PULL_IN;
    return vw;
}

static inline size_t block_end(size_t b, size_t n) { return (b + 1) * BLOCK < n ? (b + 1) * BLOCK : n; }

/* Sum of per-block partials in block order. */
static double sum_parts(const double *part, size_t nblocks) {
    double s = 0;
    for (size_t b = 0; b < nblocks; b++) s += part[b];
    return s;
}

/* ---- eigenvector ---------------------------------------------------------------------------- */

/*
 * One pass per iteration: the iterate is kept unnormalized, y_k with x_k = y_k / ‖y_k‖₂, and the
 * pass that computes y_{k+1} = (B + I)·y_k / ‖y_k‖₂ also measures the change ‖x_k − x_{k−1}‖₁
 * and the signed change Σ g(v)·(x_k − x_{k−1}) (src/pr_extra.h), reading y_{k−1} from the buffer
 * it overwrites (each actor reads and writes only its own slot there; the pulls read y_k).
 *
 * Extrapolation, as PageRank and Katz (src/pr_extra.h): on R-MAT graphs one real eigenvalue
 * of B + I, often a negative one, carries the error (directed, the first million ties of R-MAT
 * 18: the change shrinks by 0.2269 per iteration and the signed change by −0.2269). A step
 * writes y_{k+1} + c·(y_{k+1} − y_k): y_{k+1} ≈ ‖y_k‖·x_{k+1} as the norms converge, so this
 * is x_{k+1} + c·(x_{k+1} − x_k) up to the scale the normalization removes (and a multiple of
 * x_k, which lies along the eigenvector); values pushed below 0 are set to 0 (the eigenvector
 * is ≥ 0). The pass measures one iteration behind, so the change fed to the rule after a step is
 * decided is the plain one before it, skipped; and only a plain iterate may be the result.
 */
typedef struct ev_state {
    view vw;
    const double *src; /* y_k */
    double *dst;       /* y_{k−1} in, y_{k+1} out */
    double inv, inv_prev; /* 1/‖y_k‖, 1/‖y_{k−1}‖ */
    double c;          /* 0, or the step's coefficient */
    int with_err;
    double *part_sq, *part_err, *part_sgn;
} ev_state;

static void ev_block(const ev_state *st, size_t b) {
    size_t v0 = b * BLOCK, v1 = block_end(b, st->vw.g->n);
    double s2 = 0, err = 0, sgn = 0;
    for (size_t v = v0; v < v1; v++) {
        double xv = st->src[v] * st->inv;
        if (st->with_err) {
            double d = xv - st->dst[v] * st->inv_prev;
            err += fabs(d);
            sgn += lev__pr_sign((uint64_t)v) * d;
        }
        double y = pull(&st->vw, st->vw.pull, v, st->src) * st->inv + xv;
        if (st->c != 0) {
            y += st->c * (y - st->src[v]);
            if (y < 0) y = 0;
        }
        st->dst[v] = y;
        s2 += y * y;
    }
    st->part_sq[b] = s2;
    st->part_err[b] = err;
    st->part_sgn[b] = sgn;
}

lev_status lev_eigenvector(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "eigenvector", out);
    if (rc) return rc;
    size_t n = c.g->n;
    if (n == 0) return LEV_OK;
    double tol = lev__param(p, LEV_P_TOLERANCE);
    long max_iter = (long)lev__param(p, LEV_P_MAX_ITER);
    size_t nblocks = (n + BLOCK - 1) / BLOCK, len = 2 * n + 3 * nblocks;
    double *buf = lev__ctx_alloc(&c, len, sizeof(double));
    if (!buf) return lev__ctx_fail(&c, LEV_ENOMEM, "eigenvector: out of memory for %zu actors", n);
    double *a = buf, *b = buf + n;
    ev_state st;
    st.vw = make_view(&c, p);
    st.part_sq = buf + 2 * n;
    st.part_err = st.part_sq + nblocks;
    st.part_sgn = st.part_err + nblocks;
    st.c = 0;
    lev__pr_extra ex = LEV__PR_EXTRA_INIT;
    /* stepped: whether the iterate of this pass (bit 0) and of the last (bit 1) was extrapolated */
    unsigned stepped = 0;
    double shown = 0;
    int threads = c.threads;
    (void)threads;
    double x0 = 1.0 / sqrt((double)n);
    for (size_t v = 0; v < n; v++) a[v] = x0; /* y_0, unit length */
    st.inv = 1.0;
    st.inv_prev = 1.0;

    /* Pass k (1-based) computes y_k and the change err_{k−1} = ‖x_{k−1} − x_{k−2}‖₁ (from k = 2):
     * up to max_iter + 1 passes decide whether some err_k, k ≤ max_iter, is at most tol. */
    long k;
    double err = INFINITY, norm = 1;
    for (k = 1; k <= max_iter + 1; k++) {
        st.src = a;
        st.dst = b;
        st.with_err = k >= 2;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (nblocks > 1)
        for (size_t blk = 0; blk < nblocks; blk++) ev_block(&st, blk);
        double cnext = 0;
        if (k >= 2) {
            /* err: x_{k−1} against x_{k−2}; plain when x_{k−1} was not stepped (bit 1) */
            err = sum_parts(st.part_err, nblocks);
            int plain = !(stepped & 2u);
            rc = lev__ctx_progress(&c, lev__pr_progress(&shown, lev__iter_progress(err, tol, k - 1, max_iter), plain),
                                   "eigenvector");
            if (rc) goto done;
            if (plain && err <= tol) break; /* x_{k−1} = a · inv */
            /* After a step is decided (this pass took it: bit 0), the change measured now is the
             * plain one before it: not the rule's to see. A step needs room to be measured and
             * followed by plain iterations within max_iter. */
            if (!(stepped & 1u)) {
                double cc = lev__pr_extrapolate(&ex, plain, err, sum_parts(st.part_sgn, nblocks));
                if (k + 3 <= max_iter) cnext = cc;
            }
        }
        if (k == max_iter + 1) break;
        norm = sqrt(sum_parts(st.part_sq, nblocks));
        /* ‖(B + I)x‖ ≥ ‖x‖ = 1 for x ≥ 0 (to rounding): finite unless strengths overflow. */
        if (!(norm > 0.5) || !isfinite(norm)) {
            rc = lev__ctx_fail(&c, LEV_ENOCONV,
                               "eigenvector: the iterate's norm is not finite (%g): strengths too large", norm);
            goto done;
        }
        st.inv_prev = st.inv;
        st.inv = 1.0 / norm;
        st.c = cnext;
        stepped = (stepped << 1 | (cnext != 0)) & 3u;
        double *t = a;
        a = b;
        b = t;
    }
    if (!(err <= tol)) {
        /* norm − 1 estimates λmax of the view (the growth of B + I, less the shift). */
        rc = lev__ctx_fail(&c, LEV_ENOCONV,
                           "eigenvector: did not converge in %ld iterations (L1 change %.3g, tolerance %.3g; "
                           "largest eigenvalue about %.3g: near 0 means no cycle, and a network without "
                           "directed cycles has no eigenvector centrality); raise LEV_P_MAX_ITER or "
                           "LEV_P_TOLERANCE",
                           max_iter, err, tol, norm - 1);
        goto done;
    }
    for (size_t v = 0; v < n; v++) out[v] = a[v] * st.inv;
    rc = LEV_OK;
done:
    lev__ctx_free(&c, buf, len, sizeof(double));
    return rc;
}

/* ---- Katz ------------------------------------------------------------------------------------- */

typedef struct katz_state {
    view vw;
    double alpha;
    double c; /* 0, or the extrapolated step's coefficient (src/pr_extra.h) */
    const double *x;
    double *y;
    double *part_err, *part_sum, *part_sq, *part_sgn;
} katz_state;

/* y = α·Bx + 1 over one block, or with a step y + c·(y − x) (set to 1 if it falls below: every
 * Katz score is at least 1); partials Σ |y − x|, Σ y (y ≥ 1), Σ (y − x)² and the signed change
 * Σ g(v)·(y − x). */
static void katz_block(const katz_state *st, size_t b) {
    size_t v0 = b * BLOCK, v1 = block_end(b, st->vw.g->n);
    double err = 0, sum = 0, sq = 0, sgn = 0, c = st->c;
    for (size_t v = v0; v < v1; v++) {
        double y = st->alpha * pull(&st->vw, st->vw.pull, v, st->x) + 1.0;
        y += c * (y - st->x[v]); /* c = 0: y unchanged, bit for bit */
        if (y < 1) y = 1;        /* only after a step */
        double d = y - st->x[v];
        st->y[v] = y;
        err += fabs(d);
        sum += y;
        sq += d * d;
        sgn += lev__pr_sign((uint64_t)v) * d;
    }
    st->part_err[b] = err;
    st->part_sum[b] = sum;
    st->part_sq[b] = sq;
    st->part_sgn[b] = sgn;
}

lev_status lev_katz(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "katz", out);
    if (rc) return rc;
    size_t n = c.g->n;
    if (n == 0) return LEV_OK;
    double tol = lev__param(p, LEV_P_TOLERANCE), alpha = lev__param(p, LEV_P_ALPHA);
    long max_iter = (long)lev__param(p, LEV_P_MAX_ITER);
    int normalized = lev__param(p, LEV_P_NORMALIZED) != 0;
    size_t nblocks = (n + BLOCK - 1) / BLOCK, len = 2 * n + 4 * nblocks;
    double *buf = lev__ctx_alloc(&c, len, sizeof(double));
    if (!buf) return lev__ctx_fail(&c, LEV_ENOMEM, "katz: out of memory for %zu actors", n);
    double *x = buf, *y = buf + n;
    katz_state st = {make_view(&c, p), alpha, 0, NULL, NULL, buf + 2 * n, buf + 2 * n + nblocks,
                     buf + 2 * n + 2 * nblocks, buf + 2 * n + 3 * nblocks};
    int symmetric = st.vw.pull == (PULL_IN | PULL_OUT);
    int threads = c.threads;
    (void)threads;
    /* x₀ = 0 makes x₁ = 1 (β): start there. Every later x_k = Σ_{j≤k} (αB)^j 1 grows monotonically. */
    for (size_t v = 0; v < n; v++) x[v] = 1.0;

    long it;
    double err = INFINITY, sum = (double)n, e1 = 0, e2 = 0, e3 = 0; /* the three changes before err */
    double sq = 0, sq1 = 0; /* ‖change‖₂² now and one iteration before */
    /* Extrapolated steps as lev_pagerank() takes them (src/pr_extra.h): the error of x_k is
     * (αB)^{k+1}(I − αB)^{−1}1, whose slowest part is the Perron vector, a real mode of ratio
     * α·λmax. A step removes it; the stopping rule and the divergence test see plain
     * iterations only. */
    lev__pr_extra ex = LEV__PR_EXTRA_INIT;
    int prev_plain = 1;
    double shown = 0;
    for (it = 1; it <= max_iter; it++) {
        st.x = x;
        st.y = y;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (nblocks > 1)
        for (size_t b = 0; b < nblocks; b++) katz_block(&st, b);
        e3 = e2;
        e2 = e1;
        e1 = err;
        err = sum_parts(st.part_err, nblocks);
        sum = sum_parts(st.part_sum, nblocks);
        sq1 = sq;
        sq = sum_parts(st.part_sq, nblocks);
        double sgn = sum_parts(st.part_sgn, nblocks);
        int plain = st.c == 0;
        double *t = x;
        x = y;
        y = t;
        if (!isfinite(sum) || !isfinite(err)) {
            /* The last changes' growth over two steps estimates alpha*lambda_max, as below. */
            double ratio = e3 > 0 && isfinite(e3) && isfinite(e1) ? sqrt(e1 / e3) : 0;
            if (ratio > 1)
                rc = lev__ctx_fail(&c, LEV_ENOCONV,
                                   "katz: alpha = %g is too large: the scores overflow after %ld iterations "
                                   "(alpha*lambda_max about %.4g; Katz centrality needs alpha < 1/lambda_max, here "
                                   "about %.4g)",
                                   alpha, it, ratio, alpha / ratio);
            else
                rc = lev__ctx_fail(&c, LEV_ENOCONV,
                                   "katz: alpha = %g is too large: the scores overflow after %ld iterations (Katz "
                                   "centrality needs alpha < 1/lambda_max, the largest eigenvalue of the adjacency "
                                   "matrix)",
                                   alpha, it);
            goto done;
        }
        double rel = err / sum;
        /* Undirected view: B is symmetric, the changes are d_k = (αB)^k 1, and
         * ‖d_{k+1}‖₂ / ‖d_k‖₂ ≤ α·λmax for every k (the even moments 1ᵀB^{2k}1 are log-convex).
         * A change that grows (clearly above rounding, while still far from converged) proves
         * α·λmax > 1. A directed view may grow for a while and still converge (long paths). */
        if (symmetric && it >= 2 && plain && prev_plain && rel > 1e-6 && sq > sq1 * (1 + 1e-9) * (1 + 1e-9)) {
            double lower = sqrt(sq / sq1);
            rc = lev__ctx_fail(&c, LEV_ENOCONV,
                               "katz: alpha = %g is too large: the iteration diverges (alpha*lambda_max >= %.4g > 1; "
                               "Katz centrality needs alpha < 1/lambda_max, here at most %.4g)",
                               alpha, lower, alpha / lower);
            goto done;
        }
        rc = lev__ctx_progress(&c, lev__pr_progress(&shown, lev__iter_progress(rel, tol, it, max_iter), plain), "katz");
        if (rc) goto done;
        if (plain && rel <= tol) break;
        prev_plain = plain;
        st.c = it + 1 < max_iter ? lev__pr_extrapolate(&ex, plain, err, sgn) : 0;
    }
    if (it > max_iter) {
        /* The changes are ‖(αB)^k 1‖₁: their growth per step tends to α·λmax (over two steps, so
         * that a bipartite view's alternation cancels). */
        double ratio = it > 3 && e1 > 0 && isfinite(e1) ? sqrt(err / e1 * (e2 > 0 && isfinite(e2) ? e1 / e2 : 1)) : 0;
        if (ratio >= 1 - 1e-6)
            rc = lev__ctx_fail(&c, LEV_ENOCONV,
                               "katz: alpha = %g is too large: the iteration diverges (alpha*lambda_max about %.4g "
                               ">= 1; Katz centrality needs alpha < 1/lambda_max, here about %.4g)",
                               alpha, ratio, alpha > 0 ? alpha / ratio : 0.0);
        else
            rc = lev__ctx_fail(&c, LEV_ENOCONV,
                               "katz: did not converge in %ld iterations (relative L1 change %.3g, tolerance %.3g; "
                               "alpha*lambda_max about %.4g); raise LEV_P_MAX_ITER or LEV_P_TOLERANCE",
                               max_iter, err / sum, tol, ratio);
        goto done;
    }
    if (normalized) {
        double s2 = 0;
        for (size_t b = 0; b < nblocks; b++) {
            double s = 0;
            for (size_t v = b * BLOCK; v < block_end(b, n); v++) s += x[v] * x[v];
            s2 += s;
        }
        double inv = 1.0 / sqrt(s2);
        for (size_t v = 0; v < n; v++) out[v] = x[v] * inv;
    } else {
        memcpy(out, x, n * sizeof *out);
    }
    rc = LEV_OK;
done:
    lev__ctx_free(&c, buf, len, sizeof(double));
    return rc;
}

/* ---- HITS ------------------------------------------------------------------------------------- */

/*
 * Two passes per iteration: raw authorities r = Aᵀh (with their sum), then, per actor, the
 * normalized authorities a = r/Σr, their change against the last ones, and the hubs h = A·r/Σr
 * (read from r, which that pass does not write).
 */
typedef struct hits_state {
    view vw;
    int how_a, how_h;
    const double *h_in; /* pass 1 reads */
    double *r;          /* pass 1 writes, pass 2 reads */
    double *a, *h;      /* pass 2 writes */
    const double *a_prev;
    double inv;
    double *part_a, *part_b, *part_c;
} hits_state;

static void hits_auth_block(const hits_state *st, size_t b) {
    size_t v0 = b * BLOCK, v1 = block_end(b, st->vw.g->n);
    double s = 0;
    for (size_t v = v0; v < v1; v++) {
        double y = pull(&st->vw, st->how_a, v, st->h_in);
        st->r[v] = y;
        s += y;
    }
    st->part_a[b] = s;
}

static void hits_hub_block(const hits_state *st, size_t b) {
    size_t v0 = b * BLOCK, v1 = block_end(b, st->vw.g->n);
    double err = 0, hs = 0;
    for (size_t v = v0; v < v1; v++) {
        double av = st->r[v] * st->inv;
        st->a[v] = av;
        err += fabs(av - st->a_prev[v]);
        double hv = pull(&st->vw, st->how_h, v, st->r) * st->inv;
        st->h[v] = hv;
        hs += hv;
    }
    st->part_b[b] = err;
    st->part_c[b] = hs;
}

lev_status lev_hits(const lev_network *net, lev_params *p, double *hubs, double *authorities) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "hits", hubs ? (const void *)hubs : (const void *)authorities);
    if (rc) return rc;
    size_t n = c.g->n;
    if (n == 0) return LEV_OK;
    double tol = lev__param(p, LEV_P_TOLERANCE);
    long max_iter = (long)lev__param(p, LEV_P_MAX_ITER);
    size_t nblocks = (n + BLOCK - 1) / BLOCK, len = 4 * n + 3 * nblocks;
    double *buf = lev__ctx_alloc(&c, len, sizeof(double));
    if (!buf) return lev__ctx_fail(&c, LEV_ENOMEM, "hits: out of memory for %zu actors", n);
    double *a = buf, *a_prev = buf + n, *h = buf + 2 * n, *r = buf + 3 * n;
    hits_state st;
    st.vw = make_view(&c, p);
    int both = st.vw.pull == (PULL_IN | PULL_OUT);
    st.how_a = both ? PULL_IN | PULL_OUT : PULL_IN;  /* a = Aᵀh */
    st.how_h = both ? PULL_IN | PULL_OUT : PULL_OUT; /* h = A a */
    st.r = r;
    st.h = h;
    st.h_in = h;
    st.part_a = buf + 4 * n;
    st.part_b = st.part_a + nblocks;
    st.part_c = st.part_b + nblocks;
    int threads = c.threads;
    (void)threads;
    double u = 1.0 / (double)n;
    for (size_t v = 0; v < n; v++) {
        a_prev[v] = u;
        h[v] = 1.0;
    }
    long it = 1;
    double err = 0, hsum = (double)n; /* no edges: both stay uniform */
    if (c.g->m > 0) {
        for (it = 1; it <= max_iter; it++) {
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (nblocks > 1)
            for (size_t b = 0; b < nblocks; b++) hits_auth_block(&st, b);
            double s = sum_parts(st.part_a, nblocks);
            if (!(s > 0) || !isfinite(s)) {
                rc = lev__ctx_fail(&c, LEV_ENOCONV, "hits: the authority scores sum to %g", s);
                goto done;
            }
            st.inv = 1.0 / s;
            st.a = a;
            st.a_prev = a_prev;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (nblocks > 1)
            for (size_t b = 0; b < nblocks; b++) hits_hub_block(&st, b);
            err = sum_parts(st.part_b, nblocks);
            hsum = sum_parts(st.part_c, nblocks);
            double *t = a;
            a = a_prev;
            a_prev = t; /* a_prev: the authorities just computed */
            rc = lev__ctx_progress(&c, lev__iter_progress(err, tol, it, max_iter), "hits");
            if (rc) goto done;
            if (err <= tol) break;
        }
        if (it > max_iter) {
            rc = lev__ctx_fail(&c, LEV_ENOCONV,
                               "hits: did not converge in %ld iterations (L1 change of the authorities %.3g, "
                               "tolerance %.3g); raise LEV_P_MAX_ITER or LEV_P_TOLERANCE",
                               max_iter, err, tol);
            goto done;
        }
        if (!(hsum > 0) || !isfinite(hsum)) {
            rc = lev__ctx_fail(&c, LEV_ENOCONV, "hits: the hub scores sum to %g", hsum);
            goto done;
        }
    }
    if (hubs)
        for (size_t v = 0; v < n; v++) hubs[v] = h[v] / hsum;
    if (authorities) memcpy(authorities, a_prev, n * sizeof *authorities);
    rc = LEV_OK;
done:
    lev__ctx_free(&c, buf, len, sizeof(double));
    return rc;
}

/* ---- Bonacich power: dense LU ------------------------------------------------------------------- */

#define NB 64  /* panel width */
#define JT 256 /* widest column tile of the trailing update */

/* The panel's columns ke..n−1 of rows k0..n−1 for the column tile j0..j1−1: first U12 = L11⁻¹·A12
 * (rows k0..ke−1), then A22 −= L21·U12 (rows ke..n−1). Every element is updated in the order of
 * the panel's columns, four at a time with one load and store of ri[j] per four updates (the same
 * order of operations as one at a time, so the same bits), whatever the tile's width. */
static void lu_tile(double *a, size_t n, size_t k0, size_t ke, size_t j0, size_t j1) {
    for (size_t k = k0; k < ke; k++) {
        const double *rk = a + k * n;
        for (size_t i = k + 1; i < ke; i++) {
            double *ri = a + i * n;
            double l = ri[k];
            if (l != 0)
                for (size_t j = j0; j < j1; j++) ri[j] -= l * rk[j];
        }
    }
    for (size_t i = ke; i < n; i++) {
        double *ri = a + i * n;
        size_t k = k0;
        for (; k + 4 <= ke; k += 4) {
            double l0 = ri[k], l1 = ri[k + 1], l2 = ri[k + 2], l3 = ri[k + 3];
            if (l0 == 0 && l1 == 0 && l2 == 0 && l3 == 0) continue;
            const double *r0 = a + k * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
            for (size_t j = j0; j < j1; j++) {
                double t = ri[j];
                t -= l0 * r0[j];
                t -= l1 * r1[j];
                t -= l2 * r2[j];
                t -= l3 * r3[j];
                ri[j] = t;
            }
        }
        for (; k < ke; k++) {
            double l = ri[k];
            if (l != 0) {
                const double *rk = a + k * n;
                for (size_t j = j0; j < j1; j++) ri[j] -= l * rk[j];
            }
        }
    }
}

/*
 * LU with partial pivoting of the n×n row-major matrix a, in place: P·a = L·U with unit L below
 * the diagonal and U on and above it; row k was swapped with row piv[k] ≥ k at step k. The pivot
 * of each column is its first entry of largest magnitude, as LAPACK's idamax picks it. Returns
 * LEV_OK, LEV_EINVAL at an exact zero pivot, or LEV_ECANCELLED.
 *
 * Blocked, right-looking: a panel of NB columns is factored on one thread (about NB/n of the
 * work: a parallel region per column cost more than it saved, 3.5x the CPU time on two threads
 * of a loaded machine at n = 2000), then one parallel region per panel updates the columns to
 * its right, a column tile per task (lu_tile). Each element is written by one thread in a fixed
 * order, so the factors are bit-identical for any number of threads.
 */
static lev_status lu_factor(const lev__ctx *c, double *a, uint32_t *piv, size_t n) {
    int threads = c->threads;
    for (size_t k0 = 0; k0 < n; k0 += NB) {
        size_t kb = n - k0 < NB ? n - k0 : NB, ke = k0 + kb;
        /* Panel: columns k0..ke−1, rows k0..n−1, unblocked. */
        for (size_t k = k0; k < ke; k++) {
            size_t pr = k;
            double best = fabs(a[k * n + k]);
            for (size_t i = k + 1; i < n; i++) {
                double v = fabs(a[i * n + k]);
                if (v > best) {
                    best = v;
                    pr = i;
                }
            }
            piv[k] = (uint32_t)pr;
            if (best == 0) return LEV_EINVAL;
            if (pr != k) {
                double *r1 = a + k * n, *r2 = a + pr * n;
                for (size_t j = 0; j < n; j++) {
                    double t = r1[j];
                    r1[j] = r2[j];
                    r2[j] = t;
                }
            }
            const double *rk = a + k * n;
            double inv = 1.0 / rk[k];
            for (size_t i = k + 1; i < n; i++) {
                double *ri = a + i * n;
                double l = ri[k] * inv;
                ri[k] = l;
                if (l != 0)
                    for (size_t j = k + 1; j < ke; j++) ri[j] -= l * rk[j];
            }
        }
        if (ke == n) break;
        size_t cols = n - ke, rows = n - k0;
        /* Tiles narrow enough for four per thread, at least 32 columns wide, at most JT. */
        size_t jt = JT;
        while (jt > 32 && cols < 4 * (size_t)threads * jt) jt /= 2;
        size_t ntiles = (cols + jt - 1) / jt;
        int T = rows * cols * kb > 262144 && ntiles > 1 ? threads : 1;
        (void)T;
#pragma omp parallel for schedule(dynamic, 1) num_threads(T) if (T > 1)
        for (size_t t = 0; t < ntiles; t++) {
            size_t j0 = ke + t * jt, j1 = j0 + jt < n ? j0 + jt : n;
            lu_tile(a, n, k0, ke, j0, j1);
        }
        double left = (double)(n - ke) / (double)n;
        lev_status rc = lev__ctx_progress(c, 1 - left * left * left, "bonacich");
        if (rc) return rc;
    }
    return LEV_OK;
}

/* Solve (P⁻¹LU) x = b in place (x overwrites b). */
static void lu_solve(const double *a, const uint32_t *piv, size_t n, double *b) {
    for (size_t k = 0; k < n; k++) {
        double t = b[k];
        b[k] = b[piv[k]];
        b[piv[k]] = t;
    }
    for (size_t i = 0; i < n; i++) {
        const double *ri = a + i * n;
        double s = b[i];
        for (size_t j = 0; j < i; j++) s -= ri[j] * b[j];
        b[i] = s;
    }
    for (size_t i = n; i-- > 0;) {
        const double *ri = a + i * n;
        double s = b[i];
        for (size_t j = i + 1; j < n; j++) s -= ri[j] * b[j];
        b[i] = s / ri[i];
    }
}

/* Solve (P⁻¹LU)ᵀ x = b in place: Uᵀw = b, Lᵀv = w, x = Pᵀv. Row-oriented (contiguous) updates. */
static void lu_solve_t(const double *a, const uint32_t *piv, size_t n, double *b) {
    for (size_t j = 0; j < n; j++) {
        const double *rj = a + j * n;
        double w = b[j] / rj[j];
        b[j] = w;
        if (w != 0)
            for (size_t i = j + 1; i < n; i++) b[i] -= rj[i] * w;
    }
    for (size_t j = n; j-- > 0;) {
        const double *rj = a + j * n;
        double v = b[j];
        if (v != 0)
            for (size_t i = 0; i < j; i++) b[i] -= rj[i] * v;
    }
    for (size_t k = n; k-- > 0;) {
        double t = b[k];
        b[k] = b[piv[k]];
        b[piv[k]] = t;
    }
}

static double norm1(const double *x, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += fabs(x[i]);
    return s;
}

/* Hager–Higham estimate of ‖M⁻¹‖₁ from M's LU, following LAPACK's dlacn2 step by step (at most
 * five refinements, then Higham's alternating vector). x and z: n doubles of scratch each. */
static double inv_norm1_estimate(const double *a, const uint32_t *piv, size_t n, double *x, double *z) {
    for (size_t i = 0; i < n; i++) x[i] = 1.0 / (double)n;
    lu_solve(a, piv, n, x);
    double est = norm1(x, n);
    if (n == 1) return est;
    /* z holds the sign vector ξ, then Mᵀ⁻¹ξ */
    for (size_t i = 0; i < n; i++) z[i] = x[i] >= 0 ? 1.0 : -1.0;
    lu_solve_t(a, piv, n, z);
    size_t j = 0;
    for (size_t i = 1; i < n; i++)
        if (fabs(z[i]) > fabs(z[j])) j = i;
    for (int iter = 2;; iter++) {
        memset(x, 0, n * sizeof *x);
        x[j] = 1.0;
        lu_solve(a, piv, n, x);
        double old = est;
        est = norm1(x, n);
        if (est <= old) {
            est = old;
            break;
        }
        if (iter >= 5) break;
        for (size_t i = 0; i < n; i++) z[i] = x[i] >= 0 ? 1.0 : -1.0;
        lu_solve_t(a, piv, n, z);
        size_t jlast = j;
        j = 0;
        for (size_t i = 1; i < n; i++)
            if (fabs(z[i]) > fabs(z[j])) j = i;
        if (fabs(z[jlast]) == fabs(z[j])) break;
    }
    for (size_t i = 0; i < n; i++) x[i] = (i % 2 ? -1.0 : 1.0) * (1.0 + (double)i / (double)(n - 1));
    lu_solve(a, piv, n, x);
    double alt = 2.0 * norm1(x, n) / (3.0 * (double)n);
    return alt > est ? alt : est;
}

/* Factor a = I − βB (‖a‖₁ = anorm), refuse it if singular, and solve a·c = b into c. */
static lev_status bonacich_solve(const lev__ctx *c, double *a, uint32_t *piv, size_t n, double beta, const double *b,
                                 double *x, double *z) {
    double anorm = 0;
    memset(x, 0, n * sizeof *x);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) x[j] += fabs(a[i * n + j]);
    for (size_t j = 0; j < n; j++)
        if (x[j] > anorm) anorm = x[j];
    lev_status rc = lu_factor(c, a, piv, n);
    if (rc == LEV_EINVAL)
        return lev__ctx_fail(c, LEV_EINVAL,
                             "bonacich: I - beta*A is singular for beta = %g (1/beta is an eigenvalue of the "
                             "adjacency matrix); choose another beta",
                             beta);
    if (rc) return rc;
    double rcond = 1.0 / (anorm * inv_norm1_estimate(a, piv, n, x, z));
    if (!(rcond >= DBL_EPSILON))
        return lev__ctx_fail(c, LEV_EINVAL,
                             "bonacich: I - beta*A is singular to working precision for beta = %g (reciprocal "
                             "condition number %.3g; 1/beta is an eigenvalue of the adjacency matrix, or nearly "
                             "so); choose another beta",
                             beta, rcond);
    memcpy(x, b, n * sizeof *x);
    lu_solve(a, piv, n, x);
    return LEV_OK;
}

lev_status lev_bonacich(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "bonacich", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n;
    if (n == 0) return LEV_OK;
    if (n > BONACICH_MAX_ACTORS)
        return lev__ctx_fail(&c, LEV_ELIMIT,
                             "bonacich: %zu actors is more than the %u the dense solve takes (it needs n^2 doubles, "
                             "%.3g GB here)",
                             n, BONACICH_MAX_ACTORS, (double)n * (double)n * 8e-9);
    double beta = lev__param(p, LEV_P_BETA);
    int normalized = lev__param(p, LEV_P_NORMALIZED) != 0;
    view vw = make_view(&c, p);
    /* Scratch: the matrix, then b (becomes c), two vectors for the estimate; pivots apart. */
    size_t len = n * n + 3 * n;
    double *a = lev__ctx_alloc(&c, len, sizeof(double));
    uint32_t *piv = a ? lev__ctx_alloc(&c, n, sizeof(uint32_t)) : NULL;
    if (!piv) {
        lev__ctx_free(&c, a, len, sizeof(double));
        return lev__ctx_fail(&c, LEV_ENOMEM, "bonacich: out of memory for the %zu x %zu matrix", n, n);
    }
    double *b = a + n * n, *w1 = b + n, *w2 = w1 + n;
    int threads = c.threads;
    (void)threads;

    /* Row i of B holds what i's score reads: B = Aᵀ (in-influence), A (out-influence, sna's
     * rows = senders) or A + Aᵀ (undirected). b = B·1, a = I − βB. */
    memset(a, 0, n * n * sizeof *a);
    size_t nedges = 0;
#pragma omp parallel for schedule(dynamic, 64) num_threads(threads) reduction(+ : nedges)
    for (size_t i = 0; i < n; i++) {
        double *ri = a + i * n, s = 0;
        for (int side = PULL_IN; side <= PULL_OUT; side++) {
            if (!(vw.pull & side)) continue;
            const size_t *off = side == PULL_IN ? g->in_off : g->out_off;
            const uint32_t *adj = side == PULL_IN ? g->in_adj : g->out_adj;
            lev__wts wt = side == PULL_IN ? lev__wts_in(g) : lev__wts_out(g);
            for (size_t k = off[i]; k < off[i + 1]; k++) {
                double w = vw.weighted ? (double)lev__wt(wt, k) : 1.0;
                ri[adj[k]] += w;
                s += w;
                nedges++;
            }
        }
        b[i] = s;
        for (size_t j = 0; j < n; j++) ri[j] = -beta * ri[j];
        ri[i] += 1.0;
    }
    double *cv = w1; /* the raw scores c */
    if (nedges == 0) { /* B = 0, so c = 0: documented */
        memset(cv, 0, n * sizeof *cv);
    } else {
        rc = bonacich_solve(&c, a, piv, n, beta, b, w1, w2);
        if (rc) goto done;
    }
    double s2 = 0, s1 = 0;
    for (size_t v = 0; v < n; v++) {
        s2 += cv[v] * cv[v];
        s1 += cv[v];
    }
    if (!isfinite(s2) || !isfinite(s1)) {
        rc = lev__ctx_fail(&c, LEV_EINVAL, "bonacich: the solution is not finite for beta = %g; choose another beta",
                           beta);
        goto done;
    }
    double scale = 0;
    if (nedges && normalized) {
        if (s1 == 0) {
            rc = lev__ctx_fail(&c, LEV_EINVAL,
                               "bonacich: the scores sum to 0 for beta = %g, so they cannot be scaled to sum 1 "
                               "(LEV_P_NORMALIZED)",
                               beta);
            goto done;
        }
        scale = 1.0 / s1;
    } else if (nedges) {
        scale = sqrt((double)n / s2);
    }
    for (size_t v = 0; v < n; v++) out[v] = cv[v] * scale;
    rc = LEV_OK;
done:
    lev__ctx_free(&c, piv, n, sizeof(uint32_t));
    lev__ctx_free(&c, a, len, sizeof(double));
    return rc;
}
