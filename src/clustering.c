/*
 * Clustering: the local clustering coefficient of every actor (Watts–Strogatz, Onnela's weighted
 * form, Fagiolo's directed forms), their average, and global transitivity.
 *
 * Every form is one kernel on the "tie graph" of the compact form: each distinct neighbour
 * u ≠ v of v once, with a tie value s_vu (self-loops dropped, parallel edges folded):
 *
 *   undirected, unweighted   s = 1                      c_v = t_v / (d (d − 1))
 *   undirected, weighted     s = ∛(ŵ_vu)                 (Onnela: ŵ = w / max w)
 *   directed, unweighted     s = a_vu + a_uv ∈ {1, 2}    c_v = t_v / (2 (d_tot (d_tot − 1) − 2 d↔))
 *   directed, weighted       s = ∛ŵ_vu + ∛ŵ_uv           (Fagiolo 2007)
 *
 * with t_v = Σ_{u,w} s_vu s_uw s_wv over ordered pairs = (S³)_vv. Triangles are found without
 * atomics: actors are ranked by (distinct degree, index), each tie u–w is stored once from its
 * lower-ranked end (the forward list), and for every v the neighbours of v are marked, then
 * for each neighbour u the forward list of u is scanned for marked actors: every triangle at v
 * is met exactly once, from the lower-ranked of its two other corners. That costs
 * Σ_u d(u)·d⁺(u) = O(E^1.5) with d⁺(u) ≤ √(2E). Each actor's sum is made by one thread in a
 * fixed order, so the results are bit-identical for any LEV_P_THREADS; the unweighted
 * undirected form counts in integers. (Counting each triangle once from its lowest corner and
 * crediting all three corners in per-thread counters does a third of the scans but was 35%
 * slower on R-MAT scale 16: the scattered counter writes cost more than the marked reads.)
 *
 * See docs/cohesion.md (Clustering) for definitions, conventions and peers.
 */
#include "internal.h"

#include <math.h>
#include <string.h>

#define CL_CHUNK 16384u /* actors between progress reports */

/* The tie graph: row v lists v's distinct neighbours u ≠ v in increasing order with s_vu (s NULL
 * in the counting form); fwd rows list the neighbours of higher rank with s. deg is the
 * distinct degree (undirected) or d_tot = d_out + d_in (directed); bi the mutual neighbours. */
typedef struct tgraph {
    uint32_t n;
    size_t nnz, fnnz;
    size_t *off, *foff;
    uint32_t *adj, *fadj;
    double *s, *fs;
    uint32_t *deg, *bi;
} tgraph;

static void tg_free(const lev__ctx *c, tgraph *t) {
    size_t n1 = (size_t)t->n + 1, nz = t->nnz ? t->nnz : 1, fz = t->fnnz ? t->fnnz : 1;
    lev__ctx_free(c, t->off, n1, sizeof *t->off);
    lev__ctx_free(c, t->foff, n1, sizeof *t->foff);
    lev__ctx_free(c, t->adj, nz, sizeof *t->adj);
    lev__ctx_free(c, t->s, nz, sizeof *t->s);
    lev__ctx_free(c, t->fadj, fz, sizeof *t->fadj);
    lev__ctx_free(c, t->fs, fz, sizeof *t->fs);
    lev__ctx_free(c, t->deg, n1, sizeof *t->deg);
    lev__ctx_free(c, t->bi, n1, sizeof *t->bi);
    memset(t, 0, sizeof *t);
}

/* Walk the distinct neighbours x ≠ v of v (merging v's out-row, sorted by target, and in-row,
 * sorted by source), giving for each the summed strengths v → x (so) and x → v (si), each 0
 * when there is no such edge; strengths are 1 per edge record when weighted is 0. */
typedef struct nb {
    const lev__csr *g;
    uint32_t v;
    size_t ko, ke, ki, kie;
} nb;

static inline void nb_start(nb *it, const lev__csr *g, uint32_t v) {
    it->g = g;
    it->v = v;
    it->ko = g->out_off[v];
    it->ke = g->out_off[v + 1];
    it->ki = g->in_off[v];
    it->kie = g->in_off[v + 1];
}

static inline int nb_next(nb *it, uint32_t *x, double *so, double *si, int weighted) {
    const lev__csr *g = it->g;
    for (;;) {
        int ho = it->ko < it->ke, hi = it->ki < it->kie;
        if (!ho && !hi) return 0;
        uint32_t a = ho ? g->out_adj[it->ko] : UINT32_MAX, b = hi ? g->in_adj[it->ki] : UINT32_MAX;
        uint32_t m = a < b ? a : b;
        double o = 0, i = 0;
        for (; it->ko < it->ke && g->out_adj[it->ko] == m; it->ko++) o += weighted ? (double)lev__ow(g, it->ko) : 1.0;
        for (; it->ki < it->kie && g->in_adj[it->ki] == m; it->ki++) i += weighted ? (double)lev__iw(g, it->ki) : 1.0;
        if (m == it->v) continue; /* self-loop: ignored */
        *x = m;
        *so = o;
        *si = i;
        return 1;
    }
}

/* Rank order: u above v when it has the higher degree, ties by index. */
static inline int above(const uint32_t *deg, uint32_t u, uint32_t v) {
    return deg[u] > deg[v] || (deg[u] == deg[v] && u > v);
}

/* Build the tie graph. form: 0 counting (undirected, unweighted: no values), 1 undirected
 * weighted, 2 directed unweighted, 3 directed weighted. */
static lev_status tg_build(const lev__ctx *c, int form, int T, tgraph *t) {
    const lev__csr *g = c->g;
    uint32_t n = g->n;
    int directed = form >= 2, weighted = form == 1 || form == 3, values = form != 0;
    (void)T; /* read only by the OpenMP pragmas */
    memset(t, 0, sizeof *t);
    t->n = n;
    size_t n1 = (size_t)n + 1;
    t->off = lev__ctx_alloc(c, n1, sizeof *t->off);
    t->foff = lev__ctx_alloc(c, n1, sizeof *t->foff);
    t->deg = lev__ctx_alloc(c, n1, sizeof *t->deg);
    t->bi = lev__ctx_alloc(c, n1, sizeof *t->bi);
    if (!t->off || !t->foff || !t->deg || !t->bi) return LEV_ENOMEM;
    /* pass 1: distinct neighbours, degrees, the largest tie strength */
    double maxw = 0;
    int too_many = 0;
#pragma omp parallel for schedule(dynamic, 1024) num_threads(T) reduction(max : maxw) reduction(| : too_many)
    for (uint32_t v = 0; v < n; v++) {
        nb it;
        uint32_t x;
        double so, si;
        size_t cnt = 0, dout = 0, din = 0, bi = 0;
        nb_start(&it, g, v);
        while (nb_next(&it, &x, &so, &si, weighted)) {
            cnt++;
            dout += so > 0;
            din += si > 0;
            bi += so > 0 && si > 0;
            if (directed) {
                if (so > maxw) maxw = so;
            } else if (so + si > maxw) {
                maxw = so + si;
            }
        }
        size_t d = directed ? dout + din : cnt;
        if (d >= UINT32_MAX) too_many = 1;
        t->off[v] = cnt;
        t->deg[v] = (uint32_t)d;
        t->bi[v] = (uint32_t)bi;
    }
    if (too_many) return LEV_ELIMIT;
    size_t sum = 0;
    for (uint32_t v = 0; v < n; v++) {
        size_t k = t->off[v];
        t->off[v] = sum;
        sum += k;
    }
    t->off[n] = sum;
    t->nnz = sum;
    size_t nz = sum ? sum : 1;
    t->adj = lev__ctx_alloc(c, nz, sizeof *t->adj);
    if (!t->adj) return LEV_ENOMEM;
    if (values) {
        t->s = lev__ctx_alloc(c, nz, sizeof *t->s);
        if (!t->s) return LEV_ENOMEM;
    }
    if (!(maxw > 0)) maxw = 1;
    /* pass 2: the rows, with tie values; forward counts */
#pragma omp parallel for schedule(dynamic, 1024) num_threads(T)
    for (uint32_t v = 0; v < n; v++) {
        nb it;
        uint32_t x;
        double so, si;
        size_t k = t->off[v];
        nb_start(&it, g, v);
        while (nb_next(&it, &x, &so, &si, weighted)) {
            t->adj[k] = x;
            if (values) {
                double val;
                if (!directed) val = cbrt((so + si) / maxw);
                else if (!weighted) val = (double)(so > 0) + (double)(si > 0);
                else val = (so > 0 ? cbrt(so / maxw) : 0) + (si > 0 ? cbrt(si / maxw) : 0);
                t->s[k] = val;
            }
            k++;
        }
    }
#pragma omp parallel for schedule(dynamic, 1024) num_threads(T)
    for (uint32_t v = 0; v < n; v++) {
        size_t f = 0;
        for (size_t k = t->off[v]; k < t->off[v + 1]; k++) f += above(t->deg, t->adj[k], v);
        t->foff[v] = f;
    }
    sum = 0;
    for (uint32_t v = 0; v < n; v++) {
        size_t k = t->foff[v];
        t->foff[v] = sum;
        sum += k;
    }
    t->foff[n] = sum;
    t->fnnz = sum;
    nz = sum ? sum : 1;
    t->fadj = lev__ctx_alloc(c, nz, sizeof *t->fadj);
    if (!t->fadj) return LEV_ENOMEM;
    if (values) {
        t->fs = lev__ctx_alloc(c, nz, sizeof *t->fs);
        if (!t->fs) return LEV_ENOMEM;
    }
#pragma omp parallel for schedule(dynamic, 1024) num_threads(T)
    for (uint32_t v = 0; v < n; v++) {
        size_t f = t->foff[v];
        for (size_t k = t->off[v]; k < t->off[v + 1]; k++)
            if (above(t->deg, t->adj[k], v)) {
                t->fadj[f] = t->adj[k];
                if (values) t->fs[f] = t->s[k];
                f++;
            }
    }
    return LEV_OK;
}

/* t_v (ordered pairs) of actors lo..hi−1 into tv; marks: T·n zeroed entries, left zeroed. */
static void tg_triangles(const tgraph *t, uint32_t lo, uint32_t hi, int T, uint32_t *marks, double *tv) {
    uint32_t n = t->n;
    (void)T;
#pragma omp parallel num_threads(T)
    {
        uint32_t *mark = marks + (size_t)lev__thread_num() * n;
#pragma omp for schedule(dynamic, 64)
        for (uint32_t v = lo; v < hi; v++) {
            size_t k0 = t->off[v], k1 = t->off[v + 1];
            if (k1 - k0 < 2) {
                tv[v] = 0;
                continue;
            }
            for (size_t k = k0; k < k1; k++) mark[t->adj[k]] = (uint32_t)(k - k0 + 1);
            if (!t->s) {
                uint64_t cnt = 0;
                for (size_t k = k0; k < k1; k++) {
                    uint32_t u = t->adj[k];
                    for (size_t f = t->foff[u]; f < t->foff[u + 1]; f++) cnt += mark[t->fadj[f]] != 0;
                }
                tv[v] = 2 * (double)cnt;
            } else {
                double acc = 0;
                for (size_t k = k0; k < k1; k++) {
                    uint32_t u = t->adj[k];
                    double svu = t->s[k];
                    for (size_t f = t->foff[u]; f < t->foff[u + 1]; f++) {
                        uint32_t m = mark[t->fadj[f]];
                        if (m) acc += svu * t->fs[f] * t->s[k0 + m - 1];
                    }
                }
                tv[v] = 2 * acc;
            }
            for (size_t k = k0; k < k1; k++) mark[t->adj[k]] = 0;
        }
    }
}

/* Clustering of every actor into cl (n entries) for the form given; when tri and triads are not
 * NULL (counting form only) also Σ t_v and Σ d(d − 1). Records failures. */
static lev_status clustering_run(const lev__ctx *c, int form, const char *what, double *cl, uint64_t *tri,
                                 uint64_t *triads) {
    const lev__csr *g = c->g;
    uint32_t n = g->n;
    int T = lev__cap_threads(c, n, 1024);
    tgraph t;
    uint32_t *marks = NULL;
    lev_status rc = tg_build(c, form, T, &t);
    if (rc == LEV_ELIMIT) {
        tg_free(c, &t);
        return lev__ctx_fail(c, rc, "%s: an actor has 2^32 − 1 or more ties", what);
    }
    if (rc == LEV_OK) {
        marks = lev__ctx_alloc(c, (size_t)T * n, sizeof *marks);
        if (!marks) rc = LEV_ENOMEM;
    }
    if (rc) {
        tg_free(c, &t);
        return lev__ctx_fail(c, LEV_ENOMEM, "%s: out of memory for %u actors", what, n);
    }
    memset(marks, 0, (size_t)T * n * sizeof *marks);
    for (uint32_t lo = 0; lo < n; lo += CL_CHUNK) {
        uint32_t hi = n - lo > CL_CHUNK ? lo + CL_CHUNK : n;
        tg_triangles(&t, lo, hi, T, marks, cl);
        rc = lev__ctx_progress(c, (double)hi / (double)n, what);
        if (rc) goto done;
    }
    uint64_t st = 0, sd = 0;
    for (uint32_t v = 0; v < n; v++) {
        double tv = cl[v], d = (double)t.deg[v], den;
        if (form < 2) den = d * (d - 1);
        else den = 2 * (d * (d - 1) - 2 * (double)t.bi[v]);
        if (tri) {
            st += (uint64_t)tv;
            sd += (uint64_t)t.deg[v] * (t.deg[v] ? t.deg[v] - 1 : 0);
        }
        cl[v] = tv == 0 ? 0 : tv / den;
    }
    if (tri) *tri = st;
    if (triads) *triads = sd;
done:
    lev__ctx_free(c, marks, (size_t)T * n, sizeof *marks);
    tg_free(c, &t);
    return rc;
}

static int form_of(const lev_params *p) {
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0, w = lev__param(p, LEV_P_WEIGHTED) != 0;
    return und ? (w ? 1 : 0) : (w ? 3 : 2);
}

lev_status lev_clustering(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "clustering", out);
    if (rc) return rc;
    uint32_t n = c.g->n;
    if (n == 0) return LEV_OK;
    double *cl = lev__ctx_alloc(&c, n, sizeof *cl);
    if (!cl) return lev__ctx_fail(&c, LEV_ENOMEM, "clustering: out of memory for %u actors", n);
    rc = clustering_run(&c, form_of(p), "clustering", cl, NULL, NULL);
    if (rc == LEV_OK) memcpy(out, cl, (size_t)n * sizeof *out);
    lev__ctx_free(&c, cl, n, sizeof *cl);
    return rc;
}

lev_status lev_transitivity(const lev_network *net, lev_params *p, double *transitivity, double *average) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "transitivity", transitivity);
    if (rc) return rc;
    uint32_t n = c.g->n;
    if (n == 0) {
        *transitivity = 0;
        if (average) *average = 0;
        return LEV_OK;
    }
    double *cl = lev__ctx_alloc(&c, n, sizeof *cl);
    if (!cl) return lev__ctx_fail(&c, LEV_ENOMEM, "transitivity: out of memory for %u actors", n);
    uint64_t tri = 0, triads = 0;
    rc = clustering_run(&c, 0, "transitivity", cl, &tri, &triads);
    int form = form_of(p);
    if (rc == LEV_OK && average && form != 0) rc = clustering_run(&c, form, "transitivity", cl, NULL, NULL);
    if (rc == LEV_OK) {
        double sum = 0;
        for (uint32_t v = 0; v < n; v++) sum += cl[v];
        *transitivity = tri == 0 ? 0 : (double)tri / (double)triads;
        if (average) *average = sum / (double)n;
    }
    lev__ctx_free(&c, cl, n, sizeof *cl);
    return rc;
}
