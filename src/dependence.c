/*
 * Power-dependence from holdings and needs (Emerson 1962).
 *
 * For a resource r, with h(X) what X holds, ν(A) = needs(A)/max_C needs(C) A's relative need
 * (0 when nobody needs r) and S(A) the actors A can obtain r from (everybody else, or A's
 * distinct neighbours, an edge either way; never A itself),
 *
 *     D(A)        = Σ_{C ∈ S(A)} h(C)                    what A can obtain r from
 *     dep(A on B) = ν(A) · h(B) / D(A)  for B ∈ S(A)      0 when D(A) = 0 or B ∉ S(A)
 *
 * and with LEV_NONE dep is summed over every resource. With a(A, r) = ν(A, r)/D(A, r) both
 * directions of a dyad are dot products over the resources:
 *
 *     dep(A on B) = Σ_r a(A, r) h(B, r)      dep(B on A) = Σ_r a(B, r) h(A, r)
 *
 * Both relations "B ∈ S(A)" are symmetric, so every dyad with dependence either way is a
 * candidate of both its actors. Each actor A walks its candidates B once and computes both
 * directions: A's row of the pair list (dep(A on B) > 0), A's net power advantage, and the
 * dyads {A, B} with B > A for the imbalance index. Candidates are A's distinct neighbours
 * (scope neighbours) or the union, over r, of the holders of what A needs and the needers of
 * what A holds (scope all, gathered with a per-thread stamp array).
 *
 * Actors are processed in fixed blocks; each block is one thread's work, in actor order, and
 * block results are combined in block order, so results are bit-identical for any number of
 * threads. The pair list is counted first (cap/len protocol), then filled per block at offsets
 * from the counts, then sorted by dependence (descending), ties by (dependent, on).
 */
#include "internal.h"

#include <assert.h>
#include <math.h>
#include <string.h>


#define BLK 256        /* actors per block */
#define ROUND_BLOCKS 16 /* blocks between progress reports (scope neighbours): 4096 actors */

typedef struct dep_pair {
    uint32_t a, b;  /* a depends on b */
    double d, adv; /* dep(a on b), dep(a on b) − dep(b on a) */
} dep_pair;

typedef struct dep_model {
    uint32_t n, R;       /* actors; resources in the computation */
    int neighbours;      /* scope */
    double *h;           /* n·R, actor-major: h[A·R + j] */
    double *a;           /* n·R: ν/D, 0 when D = 0 */
    size_t *hold_off;    /* R + 1 (scope all): holders of resource j, ascending */
    uint32_t *hold_ids;
    size_t *need_off;    /* R + 1 (scope all): actors with a > 0 for resource j, ascending */
    uint32_t *need_ids;
    uint32_t *stamp, *list; /* per thread, n each (scope all) */
    double hmin;         /* one resource, scope all: the smallest positive holding (counting) */
    lev__view nb;        /* scope neighbours: every actor's distinct neighbours */
} dep_model;

/* Per-block results. */
typedef struct dep_block {
    size_t count;     /* pairs with dep > 0 */
    double num, den;  /* Σ over dyads {A, B}, B > A, of |dAB − dBA| and dAB + dBA */
} dep_block;

/* The distinct neighbours of A other than A, ascending: row A of the shared folded view (scope
 * neighbours builds it once, lev__view_build). */
typedef struct nb_iter {
    const uint32_t *p, *e;
} nb_iter;

static void nb_start(nb_iter *it, const lev__view *nb, uint32_t A) {
    it->p = nb->adj + nb->off[A];
    it->e = nb->adj + nb->off[A + 1];
}

/* Next distinct neighbour into *b; 0 when done. */
static int nb_next(nb_iter *it, uint32_t *b) {
    if (it->p == it->e) return 0;
    *b = *it->p++;
    return 1;
}

static inline double dot(const double *x, const double *y, uint32_t R) {
    double s = 0;
    for (uint32_t j = 0; j < R; j++) s += x[j] * y[j];
    return s;
}

/* Gather the candidates of A (scope all) into list; returns their number. */
static size_t gather_all(const dep_model *m, uint32_t A, uint32_t *stamp, uint32_t *list) {
    size_t c = 0;
    const double *aA = m->a + (size_t)A * m->R, *hA = m->h + (size_t)A * m->R;
    for (uint32_t j = 0; j < m->R; j++) {
        if (aA[j] > 0)
            for (size_t k = m->hold_off[j]; k < m->hold_off[j + 1]; k++) {
                uint32_t B = m->hold_ids[k];
                if (B != A && stamp[B] != A + 1) {
                    stamp[B] = A + 1;
                    list[c++] = B;
                }
            }
        if (hA[j] > 0)
            for (size_t k = m->need_off[j]; k < m->need_off[j + 1]; k++) {
                uint32_t B = m->need_ids[k];
                if (B != A && stamp[B] != A + 1) {
                    stamp[B] = A + 1;
                    list[c++] = B;
                }
            }
    }
    return c;
}

/*
 * Process the actors of block b. With pairs == NULL: count, per-actor advantage (if pa) and the
 * imbalance sums. With pairs: write the block's pairs from pairs[0] on, in actor order.
 */
static void dep_block_run(const dep_model *m, size_t b, int tid, dep_block *out, double *pa, dep_pair *pairs) {
    uint32_t A0 = (uint32_t)(b * BLK), A1 = (uint32_t)((size_t)A0 + BLK < m->n ? (size_t)A0 + BLK : m->n);
    uint32_t R = m->R;
    uint32_t *stamp = m->neighbours ? NULL : m->stamp + (size_t)tid * m->n;
    uint32_t *list = m->neighbours ? NULL : m->list + (size_t)tid * m->n;
    dep_block r = {0, 0, 0};
    size_t pos = 0;
    for (uint32_t A = A0; A < A1; A++) {
        const double *aA = m->a + (size_t)A * R, *hA = m->h + (size_t)A * R;
        double outsum = 0, insum = 0;
        nb_iter it = {0};
        size_t nc = 0, ci = 0;
        if (m->neighbours)
            nb_start(&it, &m->nb, A);
        else
            nc = gather_all(m, A, stamp, list);
        for (;;) {
            uint32_t B;
            if (m->neighbours) {
                if (!nb_next(&it, &B)) break;
            } else {
                if (ci == nc) break;
                B = list[ci++];
            }
            double dAB = dot(aA, m->h + (size_t)B * R, R);
            double dBA = dot(m->a + (size_t)B * R, hA, R);
            if (dAB > 0) {
                if (pairs) {
                    dep_pair *q = &pairs[pos++];
                    q->a = A;
                    q->b = B;
                    q->d = dAB;
                    q->adv = dAB - dBA;
                }
                r.count++;
                outsum += dAB;
            }
            if (dBA > 0) insum += dBA;
            if (B > A) {
                r.num += fabs(dAB - dBA);
                r.den += dAB + dBA;
            }
        }
        if (pa) pa[A] = insum - outsum;
    }
    *out = r;
}

/* dep(A on B) > 0, tested on the very dot product the fill computes (not term by term: a(A, r)
 * overflows to +inf when A's sources hold only subnormal amounts, and inf · 0 is NaN, which
 * makes the whole sum fail the test), so that the count and the fill agree on every pair. */
static inline int depends(const double *x, const double *y, uint32_t R) {
    return dot(x, y, R) > 0;
}

/*
 * The number of pairs with dep > 0 among the actors of block b: what dep_block_run counts, with
 * no value computed. Scope neighbours: one test per distinct neighbour. Scope all: only the
 * holders of what A needs can be depended on; with one resource dep(A on B) is the one rounded
 * product a(A)·h(B), monotone in h(B), so when a(A)·hmin > 0 (+inf included) every other holder
 * counts and A's count is O(1); a non-holder's product is 0 or NaN (inf · 0), never > 0.
 */
static size_t dep_block_count(const dep_model *m, size_t b, int tid) {
    uint32_t A0 = (uint32_t)(b * BLK), A1 = (uint32_t)((size_t)A0 + BLK < m->n ? (size_t)A0 + BLK : m->n);
    uint32_t R = m->R;
    size_t count = 0;
    for (uint32_t A = A0; A < A1; A++) {
        const double *aA = m->a + (size_t)A * R;
        if (m->neighbours) {
            nb_iter it;
            uint32_t B;
            nb_start(&it, &m->nb, A);
            while (nb_next(&it, &B)) count += (size_t)depends(aA, m->h + (size_t)B * R, R);
        } else if (R == 1) {
            if (!(aA[0] > 0)) continue;
            size_t k0 = m->hold_off[0], k1 = m->hold_off[1];
            if (aA[0] * m->hmin > 0) {
                count += k1 - k0 - (m->h[A] > 0);
            } else {
                for (size_t k = k0; k < k1; k++) count += m->hold_ids[k] != A && aA[0] * m->h[m->hold_ids[k]] > 0;
            }
        } else {
            uint32_t *stamp = m->stamp + (size_t)tid * m->n;
            for (uint32_t j = 0; j < R; j++) {
                if (!(aA[j] > 0)) continue;
                for (size_t k = m->hold_off[j]; k < m->hold_off[j + 1]; k++) {
                    uint32_t B = m->hold_ids[k];
                    if (B == A || stamp[B] == A + 1) continue;
                    stamp[B] = A + 1;
                    count += (size_t)depends(aA, m->h + (size_t)B * R, R);
                }
            }
        }
    }
    return count;
}

/* Sort order: dependence descending, then dependent, then on (a total order on distinct pairs). */
static inline int pair_before(const dep_pair *x, const dep_pair *y) {
    if (x->d != y->d) return x->d > y->d;
    if (x->a != y->a) return x->a < y->a;
    return x->b < y->b;
}

/* Bottom-up merge sort of v[0..n) using tmp[0..n); the result ends in v. Merges of one width
 * are independent and run in parallel; the order is total, so the result is unique. */
static void sort_pairs(dep_pair *v, dep_pair *tmp, size_t n, int threads) {
    (void)threads;
    /* Runs of 16 by insertion sort first. */
    const size_t RUN = 16;
    size_t nruns = (n + RUN - 1) / RUN;
#pragma omp parallel for schedule(static) num_threads(threads)
    for (size_t r = 0; r < nruns; r++) {
        size_t lo = r * RUN, hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            dep_pair x = v[i];
            size_t j = i;
            while (j > lo && pair_before(&x, &v[j - 1])) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
    }
    dep_pair *src = v, *dst = tmp;
    for (size_t w = RUN; w < n; w *= 2) {
        size_t nm = (n + 2 * w - 1) / (2 * w);
#pragma omp parallel for schedule(static) num_threads(threads)
        for (size_t k = 0; k < nm; k++) {
            size_t lo = k * 2 * w, mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi) dst[o++] = pair_before(&src[j], &src[i]) ? src[j++] : src[i++];
            while (i < mid) dst[o++] = src[i++];
            while (j < hi) dst[o++] = src[j++];
        }
        dep_pair *t = src;
        src = dst;
        dst = t;
    }
    if (src != v) memcpy(v, src, n * sizeof *v);
}

/* Scratch of one computation. */
typedef struct dep_work {
    lev__ctx c;
    dep_model m;
    size_t nblocks;
    dep_block *blocks;
    size_t nh, nneed, nthreads; /* sizes of the holder and needer lists; per-thread arrays */
} dep_work;

static void dep_work_free(dep_work *w) {
    const lev__ctx *c = &w->c;
    size_t nR = (size_t)w->m.n * w->m.R;
    lev__ctx_free(c, w->m.h, nR, sizeof(double));
    lev__ctx_free(c, w->m.a, nR, sizeof(double));
    lev__ctx_free(c, w->m.hold_off, (size_t)w->m.R + 1, sizeof(size_t));
    lev__ctx_free(c, w->m.need_off, (size_t)w->m.R + 1, sizeof(size_t));
    lev__ctx_free(c, w->m.hold_ids, w->nh, sizeof(uint32_t));
    lev__ctx_free(c, w->m.need_ids, w->nneed, sizeof(uint32_t));
    lev__ctx_free(c, w->m.stamp, w->nthreads * w->m.n, sizeof(uint32_t));
    lev__ctx_free(c, w->m.list, w->nthreads * w->m.n, sizeof(uint32_t));
    lev__ctx_free(c, w->blocks, w->nblocks, sizeof(dep_block));
    lev__view_free(c, &w->m.nb);
}

/* Validate the resource, read the options and build the model. On failure frees what it made. */
static lev_status dep_prepare(dep_work *w, const lev_network *net, uint32_t resource, lev_params *p, const char *what,
                              const void *out) {
    memset(&w->m, 0, sizeof w->m);
    w->blocks = NULL;
    w->nblocks = w->nh = w->nneed = w->nthreads = 0;
    lev_status rc = lev__ctx_begin(&w->c, net, p, what, out);
    if (rc) return rc;
    const lev__ctx *c = &w->c;
    uint32_t nres = net->resources.count;
    if (resource != LEV_NONE && resource >= nres)
        return lev__ctx_fail(c, LEV_EINVAL, "%s: no resource %u (the network has %u; LEV_NONE means all)", what,
                             (unsigned)resource, (unsigned)nres);
    dep_model *m = &w->m;
    m->n = c->g->n;
    m->R = resource == LEV_NONE ? nres : 1;
    m->neighbours = (int)lev__param(p, LEV_P_SCOPE) == LEV_SCOPE_NEIGHBOURS;
    uint32_t n = m->n, R = m->R;
    if (n == 0 || R == 0) {
        m->R = 0; /* nothing allocated: dep_work_free frees nothing */
        return LEV_OK;
    }
    size_t nR = (size_t)n * R;
    w->nblocks = (n + BLK - 1) / BLK;
    m->h = lev__ctx_alloc(c, nR, sizeof(double));
    m->a = lev__ctx_alloc(c, nR, sizeof(double));
    w->blocks = lev__ctx_alloc(c, w->nblocks, sizeof(dep_block));
    if (!m->h || !m->a || !w->blocks) goto oom;

    /* Holdings and relative needs (ν kept in a for now). dep is invariant to the scale of each
     * resource's holdings, so they are divided by their maximum: sums of up to n values in
     * [0, 1] cannot overflow, whatever the unit. */
    for (uint32_t j = 0; j < R; j++) {
        uint32_t r = resource == LEV_NONE ? j : resource;
        const lev__amounts *am = &net->amounts[r];
        size_t len = am->len < n ? am->len : n;
        double maxneed = 0, maxhold = 0;
        for (size_t i = 0; i < len; i++) {
            if (am->v[2 * i] > maxhold) maxhold = am->v[2 * i];
            if (am->v[2 * i + 1] > maxneed) maxneed = am->v[2 * i + 1];
        }
        for (size_t i = 0; i < n; i++) {
            double hv = i < len ? am->v[2 * i] : 0, nv = i < len ? am->v[2 * i + 1] : 0;
            m->h[i * R + j] = maxhold > 0 ? hv / maxhold : 0;
            m->a[i * R + j] = maxneed > 0 ? nv / maxneed : 0;
        }
    }
    /* D and a = ν/D. */
    if (m->neighbours) {
        if (lev__view_build(c, LEV__VIEW_BOTH, LEV__FOLD_COUNT, 0, &m->nb)) goto oom;
        int threads = c->threads;
        (void)threads;
#pragma omp parallel for schedule(dynamic, 256) num_threads(threads)
        for (uint32_t A = 0; A < n; A++) {
            double *aA = m->a + (size_t)A * R;
            for (uint32_t j = 0; j < R; j++) {
                if (!(aA[j] > 0)) continue;
                nb_iter it;
                uint32_t B;
                double D = 0;
                nb_start(&it, &m->nb, A);
                while (nb_next(&it, &B)) D += m->h[(size_t)B * R + j];
                aA[j] = D > 0 ? aA[j] / D : 0;
            }
        }
    } else {
        /* D(A) = Σ_{C<A} h(C) + Σ_{C>A} h(C): two sums of non-negative terms, so no
         * cancellation (unlike total − h(A) when A holds nearly everything). */
        double *suffix = lev__ctx_alloc(c, n, sizeof(double));
        if (!suffix) goto oom;
        for (uint32_t j = 0; j < R; j++) {
            double s = 0;
            for (uint32_t i = n; i-- > 0;) {
                suffix[i] = s;
                s += m->h[(size_t)i * R + j];
            }
            double prefix = 0;
            for (uint32_t i = 0; i < n; i++) {
                double *x = &m->a[(size_t)i * R + j], D = prefix + suffix[i];
                *x = *x > 0 && D > 0 ? *x / D : 0;
                prefix += m->h[(size_t)i * R + j];
            }
        }
        lev__ctx_free(c, suffix, n, sizeof(double));
        /* Holder and needer lists per resource, ascending. */
        m->hold_off = lev__ctx_alloc(c, (size_t)R + 1, sizeof(size_t));
        m->need_off = lev__ctx_alloc(c, (size_t)R + 1, sizeof(size_t));
        if (!m->hold_off || !m->need_off) goto oom;
        m->hold_off[0] = m->need_off[0] = 0;
        for (uint32_t j = 0; j < R; j++) {
            size_t ch = 0, cn = 0;
            for (uint32_t i = 0; i < n; i++) {
                ch += m->h[(size_t)i * R + j] > 0;
                cn += m->a[(size_t)i * R + j] > 0;
            }
            m->hold_off[j + 1] = m->hold_off[j] + ch;
            m->need_off[j + 1] = m->need_off[j] + cn;
        }
        w->nh = m->hold_off[R];
        w->nneed = m->need_off[R];
        if (w->nh) m->hold_ids = lev__ctx_alloc(c, w->nh, sizeof(uint32_t));
        if (w->nneed) m->need_ids = lev__ctx_alloc(c, w->nneed, sizeof(uint32_t));
        if ((w->nh && !m->hold_ids) || (w->nneed && !m->need_ids)) goto oom;
        for (uint32_t j = 0; j < R; j++) {
            size_t kh = m->hold_off[j], kn = m->need_off[j];
            for (uint32_t i = 0; i < n; i++) {
                if (m->h[(size_t)i * R + j] > 0) m->hold_ids[kh++] = i;
                if (m->a[(size_t)i * R + j] > 0) m->need_ids[kn++] = i;
            }
        }
        /* Per-thread stamps and candidate lists. */
        w->nthreads = (size_t)c->threads;
        if (w->nthreads > w->nblocks) w->nthreads = w->nblocks;
        m->stamp = lev__ctx_alloc(c, w->nthreads * n, sizeof(uint32_t));
        m->list = lev__ctx_alloc(c, w->nthreads * n, sizeof(uint32_t));
        if (!m->stamp || !m->list) goto oom;
    }
    return LEV_OK;
oom:
    dep_work_free(w);
    return lev__ctx_fail(c, LEV_ENOMEM, "%s: out of memory for %u actors and %u resources", what, (unsigned)n,
                         (unsigned)R);
}


/*
 * One sweep over the blocks: counts/sums (pairs NULL) or the fill (pairs and offsets given).
 * Progress goes from p0 to p1. Returns LEV_ECANCELLED (recorded) if the callback stops it.
 */
static lev_status dep_sweep(dep_work *w, double *pa, dep_pair *pairs, const size_t *offs, double p0, double p1,
                            const char *what) {
    const dep_model *m = &w->m;
    int threads = (int)(w->nthreads ? w->nthreads : (size_t)w->c.threads);
    (void)threads;
    /* Stamps hold A + 1 for the last A that gathered an actor: clear them between sweeps. */
    if (m->stamp) memset(m->stamp, 0, w->nthreads * m->n * sizeof(uint32_t));
    /* Scope all visits up to V candidates per actor: report after every two blocks per thread. */
    size_t round = m->neighbours ? ROUND_BLOCKS : 2 * (size_t)threads;
    for (size_t b0 = 0; b0 < w->nblocks; b0 += round) {
        size_t b1 = b0 + round < w->nblocks ? b0 + round : w->nblocks;
        dep_block *blocks = w->blocks;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
        for (size_t b = b0; b < b1; b++) {
            dep_block tmp;
            dep_block_run(m, b, lev__thread_num(), pairs ? &tmp : &blocks[b], pa, pairs ? pairs + offs[b] : NULL);
            assert(!pairs || tmp.count == blocks[b].count); /* the fill writes what was counted */
        }
        lev_status rc = lev__ctx_progress(&w->c, p0 + (p1 - p0) * (double)b1 / (double)w->nblocks, what);
        if (rc) return rc;
    }
    return LEV_OK;
}

/* The counting sweep: blocks[b].count for every block, nothing else. */
static lev_status dep_count_sweep(dep_work *w, double p1, const char *what) {
    const dep_model *m = &w->m;
    int threads = (int)(w->nthreads ? w->nthreads : (size_t)w->c.threads);
    (void)threads;
    if (m->stamp) memset(m->stamp, 0, w->nthreads * m->n * sizeof(uint32_t));
    size_t round = m->neighbours ? ROUND_BLOCKS : 16 * (size_t)threads;
    for (size_t b0 = 0; b0 < w->nblocks; b0 += round) {
        size_t b1 = b0 + round < w->nblocks ? b0 + round : w->nblocks;
        dep_block *blocks = w->blocks;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
        for (size_t b = b0; b < b1; b++) blocks[b].count = dep_block_count(m, b, lev__thread_num());
        lev_status rc = lev__ctx_progress(&w->c, p1 * (double)b1 / (double)w->nblocks, what);
        if (rc) return rc;
    }
    return LEV_OK;
}

lev_status lev_dependence(const lev_network *net, uint32_t resource, lev_params *p, size_t cap, uint32_t *dependent,
                          uint32_t *on, double *dep, double *advantage, size_t *len) {
    static const char what[] = "dependence";
    dep_work w;
    if (net && len && cap > 0 && (!dependent || !on || !dep)) {
        lev__ctx c = {net, p, NULL, 1};
        return lev__ctx_fail(&c, LEV_EMISUSE, "%s: cap is %zu but dependent, on or dep is NULL", what, cap);
    }
    lev_status rc = dep_prepare(&w, net, resource, p, what, len);
    if (rc) return rc;
    if (w.m.R == 0) { /* no actors or no resources: nobody depends on anybody */
        *len = 0;
        return LEV_OK;
    }
    dep_pair *pairs = NULL, *tmp = NULL;
    size_t *offs = NULL, total = 0;
    if (!w.m.neighbours && w.m.R == 1) {
        w.m.hmin = INFINITY;
        for (size_t k = w.m.hold_off[0]; k < w.m.hold_off[1]; k++)
            if (w.m.h[w.m.hold_ids[k]] < w.m.hmin) w.m.hmin = w.m.h[w.m.hold_ids[k]];
    }
    rc = dep_count_sweep(&w, cap ? 0.1 : 1.0, what); /* counts only: a length query ends here */
    if (rc) goto done;
    for (size_t b = 0; b < w.nblocks; b++) total += w.blocks[b].count;
    if (cap < total) {
        rc = lev__ctx_erange(&w.c, what, "pairs", total, cap, len);
        goto done;
    }
    if (total) {
        offs = lev__ctx_alloc(&w.c, w.nblocks, sizeof(size_t));
        pairs = lev__ctx_alloc(&w.c, total, sizeof(dep_pair));
        tmp = lev__ctx_alloc(&w.c, total, sizeof(dep_pair));
        if (!offs || !pairs || !tmp) {
            rc = lev__ctx_fail(&w.c, LEV_ENOMEM, "%s: out of memory for %zu pairs", what, total);
            goto done;
        }
        size_t o = 0;
        for (size_t b = 0; b < w.nblocks; b++) {
            offs[b] = o;
            o += w.blocks[b].count;
        }
        rc = dep_sweep(&w, NULL, pairs, offs, 0.1, 0.9, what);
        if (rc) goto done;
        sort_pairs(pairs, tmp, total, w.c.threads);
        rc = lev__ctx_progress(&w.c, 1, what);
        if (rc) goto done;
        for (size_t k = 0; k < total; k++) {
            dependent[k] = pairs[k].a;
            on[k] = pairs[k].b;
            dep[k] = pairs[k].d;
            if (advantage) advantage[k] = pairs[k].adv;
        }
    }
    *len = total;
    rc = LEV_OK;
done:
    lev__ctx_free(&w.c, offs, w.nblocks, sizeof(size_t));
    lev__ctx_free(&w.c, pairs, total, sizeof(dep_pair));
    lev__ctx_free(&w.c, tmp, total, sizeof(dep_pair));
    dep_work_free(&w);
    return rc;
}

lev_status lev_power_advantage(const lev_network *net, uint32_t resource, lev_params *p, double *per_actor,
                               double *imbalance) {
    static const char what[] = "power_advantage";
    dep_work w;
    if (net && !per_actor && !imbalance) {
        lev__ctx c = {net, p, NULL, 1};
        return lev__ctx_fail(&c, LEV_EMISUSE, "%s: per_actor and imbalance are both NULL", what);
    }
    lev_status rc = dep_prepare(&w, net, resource, p, what, per_actor ? (const void *)per_actor : (const void *)imbalance);
    if (rc) return rc;
    if (w.m.R == 0) {
        if (per_actor)
            for (uint32_t i = 0; i < w.m.n; i++) per_actor[i] = 0;
        if (imbalance) *imbalance = 0;
        return LEV_OK;
    }
    double *pa = NULL;
    if (per_actor) {
        pa = lev__ctx_alloc(&w.c, w.m.n, sizeof(double));
        if (!pa) {
            rc = lev__ctx_fail(&w.c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)w.m.n);
            goto done;
        }
    }
    rc = dep_sweep(&w, pa, NULL, NULL, 0, 1, what);
    if (rc) goto done;
    double num = 0, den = 0;
    for (size_t b = 0; b < w.nblocks; b++) {
        num += w.blocks[b].num;
        den += w.blocks[b].den;
    }
    if (per_actor) memcpy(per_actor, pa, (size_t)w.m.n * sizeof(double));
    if (imbalance) *imbalance = den > 0 ? (num < den ? num / den : 1.0) : 0.0;
    rc = LEV_OK;
done:
    lev__ctx_free(&w.c, pa, w.m.n, sizeof(double));
    dep_work_free(&w);
    return rc;
}
