/*
 * Groups: influence between groups, the E–I index, assortativity (by group and by score), the
 * rich-club coefficient and the in-crowd's outsiders.
 *
 * Every function reads the compact form (rows of `out` sorted by target, of `in` by source,
 * parallel edges and self-loops kept) and the actors' group ids. Edge strengths are the compact
 * form's float32 values, or 1 each with LEV_P_WEIGHTED 0. Sums run in a fixed order (actors
 * ascending, then their rows), so every result is deterministic; the only parallel loop, over the
 * rich club's random rewirings, combines per-sample results in sample order, so it is identical
 * for any LEV_P_THREADS.
 */
#include "internal.h"

#include <math.h>
#include <string.h>

/* The group of actor i: the network keeps no group array until some actor has a group. */
#define GRP(i) (grp ? grp[i] : LEV_NONE)


static inline double ew(lev__wts w, size_t k, int weighted) { return weighted ? (double)lev__wt(w, k) : 1.0; }

/* ---- influence between groups ---------------------------------------------------------------- */

lev_status lev_group_influence(const lev_network *net, lev_params *p, double *matrix, double *actor_share,
                               double *influence_share) {
    static const char what[] = "group_influence";
    lev__ctx c;
    const void *any = matrix ? (const void *)matrix : actor_share ? (const void *)actor_share : (const void *)influence_share;
    lev_status rc = lev__ctx_begin(&c, net, p, what, any);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n, G = net->groups.count;
    const uint32_t *grp = net->actor_group;
    if (G == 0) return LEV_OK;
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0, undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    size_t GG = (size_t)G * G;
    double *M = NULL, *pr = NULL, *cnt = NULL;
    if (matrix && !(M = lev__ctx_alloc(&c, GG, sizeof(double)))) goto oom;
    if (!(cnt = lev__ctx_alloc(&c, 2 * (size_t)G, sizeof(double)))) goto oom;
    if (influence_share && !(pr = lev__ctx_alloc(&c, n, sizeof(double)))) goto oom;
    if (influence_share) {
        rc = lev_pagerank(net, NULL, p, pr); /* records its own message on failure */
        if (rc) goto done;
    }
    if (M) {
        memset(M, 0, GG * sizeof(double));
        for (uint32_t u = 0; u < n; u++) {
            uint32_t gu = GRP(u);
            if (gu == LEV_NONE) continue;
            for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
                uint32_t gv = GRP(g->out_adj[k]);
                if (gv == LEV_NONE) continue;
                double x = ew(lev__wts_out(g), k, weighted);
                M[(size_t)gu * G + gv] += x;
                if (undirected) M[(size_t)gv * G + gu] += x;
            }
        }
    }
    double *na = cnt, *ps = cnt + G;
    for (uint32_t h = 0; h < G; h++) na[h] = ps[h] = 0;
    for (uint32_t u = 0; u < n; u++)
        if (GRP(u) != LEV_NONE) {
            na[GRP(u)] += 1;
            if (pr) ps[GRP(u)] += pr[u];
        }
    if (matrix) memcpy(matrix, M, GG * sizeof(double));
    if (actor_share)
        for (uint32_t h = 0; h < G; h++) actor_share[h] = na[h] / (double)n;
    if (influence_share) memcpy(influence_share, ps, G * sizeof(double));
    rc = LEV_OK;
    goto done;
oom:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u groups and %u actors", what, (unsigned)G,
                       (unsigned)n);
done:
    lev__ctx_free(&c, M, GG, sizeof(double));
    lev__ctx_free(&c, cnt, 2 * (size_t)G, sizeof(double));
    lev__ctx_free(&c, pr, n, sizeof(double));
    return rc;
}

/* ---- E–I index -------------------------------------------------------------------------------- */

lev_status lev_ei_index(const lev_network *net, lev_params *p, double *per_group, double *overall) {
    static const char what[] = "ei_index";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, per_group ? (const void *)per_group : (const void *)overall);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n, G = net->groups.count;
    const uint32_t *grp = net->actor_group;
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    double *EI = NULL;
    if (G && !(EI = lev__ctx_alloc(&c, 2 * (size_t)G, sizeof(double))))
        return lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u groups", what, (unsigned)G);
    double *E = EI, *I = EI + G, Et = 0, It = 0;
    for (uint32_t h = 0; h < G; h++) E[h] = I[h] = 0;
    for (uint32_t u = 0; u < n; u++) {
        uint32_t gu = GRP(u);
        if (gu == LEV_NONE) continue;
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
            uint32_t v = g->out_adj[k], gv = GRP(v);
            if (v == u || gv == LEV_NONE) continue;
            double x = ew(lev__wts_out(g), k, weighted);
            if (gu == gv) {
                I[gu] += x;
                It += x;
            } else {
                E[gu] += x;
                E[gv] += x;
                Et += x;
            }
        }
    }
    if (per_group)
        for (uint32_t h = 0; h < G; h++) per_group[h] = E[h] + I[h] > 0 ? (E[h] - I[h]) / (E[h] + I[h]) : 0.0;
    if (overall) *overall = Et + It > 0 ? (Et - It) / (Et + It) : 0.0;
    lev__ctx_free(&c, EI, 2 * (size_t)G, sizeof(double));
    return LEV_OK;
}

/* ---- assortativity ---------------------------------------------------------------------------- */

lev_status lev_assortativity_groups(const lev_network *net, lev_params *p, double *r) {
    static const char what[] = "assortativity_groups";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, r);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n, G = net->groups.count;
    const uint32_t *grp = net->actor_group;
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0, undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    double *ab = NULL;
    if (G && !(ab = lev__ctx_alloc(&c, 2 * (size_t)G, sizeof(double))))
        return lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u groups", what, (unsigned)G);
    /* a[h]: weight of (oriented) edges leaving group h; b[h]: entering; tr: inside a group. */
    double *a = ab, *b = ab + G, tr = 0, tot = 0;
    for (uint32_t h = 0; h < G; h++) a[h] = b[h] = 0;
    for (uint32_t u = 0; u < n; u++) {
        uint32_t gu = GRP(u);
        if (gu == LEV_NONE) continue;
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
            uint32_t gv = GRP(g->out_adj[k]);
            if (gv == LEV_NONE) continue;
            double x = ew(lev__wts_out(g), k, weighted);
            a[gu] += x;
            b[gv] += x;
            tot += x;
            if (gu == gv) tr += x;
            if (undirected) {
                a[gv] += x;
                b[gu] += x;
                tot += x;
                if (gu == gv) tr += x;
            }
        }
    }
    double res = NAN;
    if (tot > 0) {
        double s = 0;
        for (uint32_t h = 0; h < G; h++) s += (a[h] / tot) * (b[h] / tot);
        double t = tr / tot;
        if (1 - s != 0) res = (t - s) / (1 - s);
    }
    lev__ctx_free(&c, ab, 2 * (size_t)G, sizeof(double));
    *r = res;
    return LEV_OK;
}

lev_status lev_assortativity(const lev_network *net, const double *score, lev_params *p, double *r) {
    static const char what[] = "assortativity";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, r);
    if (rc) return rc;
    if (!score) return lev__ctx_fail(&c, LEV_EMISUSE, "%s: score is NULL", what);
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    for (uint32_t i = 0; i < n; i++)
        if (!isfinite(score[i]))
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: score of actor %u (\"%s\") is not finite (%g)", what,
                                 (unsigned)i, lev_actor_name(net, i), score[i]);
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0, undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    /* Pearson correlation of (x_source, x_target) over edges, each weighted by its strength; in
     * undirected mode every edge also counts as (x_target, x_source), so both means are the
     * mean over endpoints and both variances are equal. Two passes: means, then centred
     * moments (no cancellation of large uncentred sums). */
    double W = 0, sx = 0, sy = 0;
    for (uint32_t u = 0; u < n; u++) {
        double xu = score[u];
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
            double x = ew(lev__wts_out(g), k, weighted);
            W += x;
            sx += x * xu;
            sy += x * score[g->out_adj[k]];
        }
    }
    double res = NAN;
    if (W > 0) {
        double mx = sx / W, my = sy / W, cxy = 0, cxx = 0, cyy = 0;
        if (undirected) mx = my = (sx + sy) / (2 * W);
        for (uint32_t u = 0; u < n; u++) {
            double du = score[u] - mx;
            for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
                double x = ew(lev__wts_out(g), k, weighted), dv = score[g->out_adj[k]] - my;
                cxy += x * du * dv;
                cxx += x * du * du;
                cyy += x * dv * dv;
            }
        }
        if (undirected) { /* (u, v) and (v, u): Σ 2w·du·dv over Σ w·(du² + dv²) */
            cxy *= 2;
            cxx += cyy;
            cyy = cxx;
        }
        if (cxx > 0 && cyy > 0) {
            res = cxy / sqrt(cxx * cyy);
            if (res > 1) res = 1;
            if (res < -1) res = -1;
        }
    }
    *r = res;
    return LEV_OK;
}

/* ---- rich club -------------------------------------------------------------------------------- */

/* splitmix64: seeds and the swap stream. */
static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static inline uint64_t rng_next(uint64_t *s) { return mix64(*s += 0x9E3779B97F4A7C15ULL); }
/* Uniform in [0, m), m ≥ 1 (53 random bits). */
static inline size_t rng_below(uint64_t *s, size_t m) {
    size_t k = (size_t)((double)(rng_next(s) >> 11) * 0x1.0p-53 * (double)m);
    return k < m ? k : m - 1;
}

/* An open-addressing set of undirected edges, key (u << 32) | v with u < v (never 0). */
typedef struct eset {
    uint64_t *slot;
    size_t mask;
    int shift;
} eset;

static inline uint64_t ekey(uint32_t u, uint32_t v) {
    return u < v ? ((uint64_t)u << 32) | v : ((uint64_t)v << 32) | u;
}
static inline size_t eset_home(const eset *s, uint64_t k) { return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> s->shift); }
static int eset_has(const eset *s, uint64_t k) {
    for (size_t i = eset_home(s, k);; i = (i + 1) & s->mask) {
        if (s->slot[i] == k) return 1;
        if (s->slot[i] == 0) return 0;
    }
}
static void eset_put(eset *s, uint64_t k) {
    size_t i = eset_home(s, k);
    while (s->slot[i]) i = (i + 1) & s->mask;
    s->slot[i] = k;
}
/* Remove a present key; backward-shift deletion keeps probe chains intact. */
static void eset_del(eset *s, uint64_t k) {
    size_t i = eset_home(s, k);
    while (s->slot[i] != k) i = (i + 1) & s->mask;
    size_t j = i;
    for (;;) {
        j = (j + 1) & s->mask;
        if (s->slot[j] == 0) break;
        size_t h = eset_home(s, s->slot[j]);
        /* Move slot j back to i unless its home lies cyclically in (i, j]. */
        if ((j > i && (h <= i || h > j)) || (j < i && (h <= i && h > j))) {
            s->slot[i] = s->slot[j];
            i = j;
        }
    }
    s->slot[i] = 0;
}

#define RC_Q 100 /* swaps per edge per rewiring, as NetworkX's rich_club_coefficient (Q = 100) */

/* φ(k) for k < len from the min-degree histogram of the edges: hist[d] = edges whose smaller
 * end has degree d (d ≤ kmax). nk[k] = actors of degree > k. */
static void rc_phi(const size_t *hist, const double *nk, size_t len, size_t kmax, double *phi) {
    double ek = 0;
    for (size_t d = kmax; d > len; d--) ek += (double)hist[d];
    /* ek now counts edges with min degree > len; walk k down from len − 1. */
    for (size_t k = len; k-- > 0;) {
        ek += (double)hist[k + 1];
        phi[k] = 2 * ek / (nk[k] * (nk[k] - 1));
    }
}

/* What every rewiring of one call shares. */
typedef struct rc_job {
    const uint32_t *edges; /* the simple view's E edges (u < v) */
    size_t E;
    const uint32_t *deg;
    const double *nk;
    size_t L, kmax, nslot;
    int shift;
    uint64_t seed;
    size_t target, max_tries; /* successful swaps wanted; attempts allowed */
    const lev__ctx *c;
    long samples, s0;         /* all samples; the first of this round */
    lev_status rc;            /* set by the reporting thread when the callback stops the call */
} rc_job;

#define RC_CHECK 65536 /* attempts between progress reports and cancel checks */

/*
 * Rewiring t of the round: Q·E successful double-edge swaps (at most 10·Q·E attempts, as
 * NetworkX's max_tries), then φ of the result into row. (a, b), (c, d) → (a, d), (c, b) with
 * the second edge's orientation drawn at random; refused when it would make a self-loop or an
 * edge that exists. The random stream depends only on the seed and the sample's index.
 */
static void rc_sample(rc_job *job, long t, uint32_t *ed, size_t *hs, uint64_t *slots, double *row, int reporter,
                      atomic_int *stop) {
    size_t E = job->E;
    eset set = {slots, job->nslot - 1, job->shift};
    memcpy(ed, job->edges, 2 * E * sizeof(uint32_t));
    memset(set.slot, 0, job->nslot * sizeof(uint64_t));
    for (size_t e = 0; e < E; e++) eset_put(&set, ekey(ed[2 * e], ed[2 * e + 1]));
    long sample = job->s0 + t;
    uint64_t st = mix64(job->seed ^ 0x6A09E667F3BCC909ULL) ^ mix64((uint64_t)sample + 0xBB67AE8584CAA73BULL);
    size_t done = 0, tries = 0;
    /* The next attempt's pair of edges is drawn one attempt ahead and prefetched (a deeper
     * pipeline that also prefetched hash slots measured slower). */
    size_t ni = E >= 2 ? rng_below(&st, E) : 0, nj = E >= 2 ? rng_below(&st, E) : 0;
    while (E >= 2 && done < job->target && tries < job->max_tries) {
        if (++tries % RC_CHECK == 0) {
            if (atomic_load_explicit(stop, memory_order_relaxed)) return;
            if (reporter) {
                double frac = ((double)sample + (double)done / (double)job->target) / (double)job->samples;
                lev_status rc = lev__ctx_progress(job->c, frac, "rich_club");
                if (rc) {
                    job->rc = rc;
                    atomic_store(stop, 1);
                    return;
                }
            }
        }
        size_t i = ni, j = nj;
        uint64_t coin = rng_next(&st);
        ni = rng_below(&st, E);
        nj = rng_below(&st, E);
        LEV__PREFETCH(&ed[2 * ni]);
        LEV__PREFETCH(&ed[2 * nj]);
        if (i == j) continue;
        uint32_t a = ed[2 * i], b = ed[2 * i + 1], c = ed[2 * j], d = ed[2 * j + 1];
        if (coin & 1) {
            uint32_t tmp = c;
            c = d;
            d = tmp;
        }
        if (a == d || c == b) continue;
        uint64_t k1 = ekey(a, d), k2 = ekey(c, b);
        if (k1 == k2 || eset_has(&set, k1) || eset_has(&set, k2)) continue;
        eset_del(&set, ekey(a, b));
        eset_del(&set, ekey(c, d));
        eset_put(&set, k1);
        eset_put(&set, k2);
        ed[2 * i] = a < d ? a : d;
        ed[2 * i + 1] = a < d ? d : a;
        ed[2 * j] = c < b ? c : b;
        ed[2 * j + 1] = c < b ? b : c;
        done++;
    }
    for (size_t k = 0; k <= job->kmax; k++) hs[k] = 0;
    for (size_t e = 0; e < E; e++) {
        uint32_t du = job->deg[ed[2 * e]], dv = job->deg[ed[2 * e + 1]];
        hs[du < dv ? du : dv]++;
    }
    rc_phi(hs, job->nk, job->L, job->kmax, row);
}

lev_status lev_rich_club(const lev_network *net, lev_params *p, size_t cap, double *raw, double *normalized,
                         size_t *len) {
    static const char what[] = "rich_club";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, len);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    /* The simple undirected view: distinct neighbours other than oneself. */
    uint32_t *deg = n ? lev__ctx_alloc(&c, n, sizeof(uint32_t)) : NULL;
    if (n && !deg) return lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)n);
    size_t E2 = 0, kmax = 0, d1 = 0, d2 = 0; /* twice the edges; max degree; two largest degrees */
    for (uint32_t u = 0; u < n; u++) {
        uint32_t d = (uint32_t)lev__fold_row(g, u, LEV__VIEW_BOTH, LEV__FOLD_COUNT, NULL, NULL, NULL);
        deg[u] = d;
        E2 += d;
        if (d > d1) {
            d2 = d1;
            d1 = d;
        } else if (d > d2) {
            d2 = d;
        }
    }
    kmax = d1;
    size_t L = d2, E = E2 / 2; /* k = 0..L−1 have at least two actors of degree > k */
    if (cap < L) {
        lev__ctx_free(&c, deg, n, sizeof(uint32_t));
        return lev__ctx_erange(&c, what, "values", L, cap, len);
    }
    if (L == 0 || (!raw && !normalized)) {
        lev__ctx_free(&c, deg, n, sizeof(uint32_t));
        *len = L;
        return LEV_OK;
    }
    /* Scratch: N_k, raw φ, the edge list, the min-degree histogram. */
    double *nk = lev__ctx_alloc(&c, L, sizeof(double)), *phi = lev__ctx_alloc(&c, L, sizeof(double));
    size_t *hist = lev__ctx_alloc(&c, kmax + 1, sizeof(size_t));
    uint32_t *edges = lev__ctx_alloc(&c, 2 * E, sizeof(uint32_t));
    uint32_t *row = lev__ctx_alloc(&c, kmax, sizeof(uint32_t)); /* one row of the simple view */
    double *mean = NULL, *rows = NULL;
    size_t *hists = NULL;
    uint32_t *wedges = NULL;
    uint64_t *slots = NULL;
    size_t T = 0, nslot = 0;
    long samples = (long)lev__param(p, LEV_P_SAMPLES);
    if (!nk || !phi || !hist || !edges || !row) goto oom;
    for (size_t k = 0; k <= kmax; k++) hist[k] = 0;
    for (size_t k = 0; k < L; k++) nk[k] = 0;
    for (uint32_t u = 0; u < n; u++)
        for (size_t k = 0; k < deg[u] && k < L; k++) nk[k] += 1;
    {
        size_t e = 0;
        for (uint32_t u = 0; u < n; u++) {
            size_t du = lev__fold_row(g, u, LEV__VIEW_BOTH, LEV__FOLD_COUNT, row, NULL, NULL);
            for (size_t k = 0; k < du; k++) {
                uint32_t v = row[k];
                if (v > u) {
                    edges[2 * e] = u;
                    edges[2 * e + 1] = v;
                    e++;
                    hist[deg[u] < deg[v] ? deg[u] : deg[v]]++;
                }
            }
        }
    }
    rc_phi(hist, nk, L, kmax, phi);
    if (normalized) {
        /* Rewirings run in rounds of T, one sample per thread; each sample's φ goes to its own
         * row and rows are added in sample order, so the mean does not depend on T. */
        T = (size_t)c.threads;
        if (T > (size_t)samples) T = (size_t)samples;
        nslot = 4;
        while (nslot < 2 * E) nslot *= 2;
        mean = lev__ctx_alloc(&c, L, sizeof(double));
        rows = lev__ctx_alloc(&c, T * L, sizeof(double));
        hists = lev__ctx_alloc(&c, T * (kmax + 1), sizeof(size_t));
        wedges = lev__ctx_alloc(&c, T * 2 * E, sizeof(uint32_t));
        slots = lev__ctx_alloc(&c, T * nslot, sizeof(uint64_t));
        if (!mean || !rows || !hists || !wedges || !slots) goto oom;
        for (size_t k = 0; k < L; k++) mean[k] = 0;
        int shift = 64;
        for (size_t s = nslot; s > 1; s >>= 1) shift--;
        uint64_t seed = (uint64_t)lev__param(p, LEV_P_SEED);
        size_t target = (size_t)RC_Q * E, max_tries = 10 * target;
        int threads = (int)T;
        (void)threads;
        rc_job job = {edges, E, deg, nk, L, kmax, nslot, shift, seed, target, max_tries, &c, samples, 0, 0};
        atomic_int stop = 0;
        for (long s0 = 0; s0 < samples && !atomic_load(&stop); s0 += (long)T) {
            long cnt = samples - s0 < (long)T ? samples - s0 : (long)T;
            job.s0 = s0;
#pragma omp parallel num_threads(threads)
            {
                /* One sample per thread; whoever runs thread 0 is the calling thread, the only
                 * one that reports progress. Any team size works: samples go by index. */
                long tid = 0, nth = 1;
#ifdef _OPENMP
                tid = omp_get_thread_num();
                nth = omp_get_num_threads();
#endif
                for (long t = tid; t < cnt; t += nth)
                    rc_sample(&job, t, wedges + (size_t)t * 2 * E, hists + (size_t)t * (kmax + 1),
                              slots + (size_t)t * nslot, rows + (size_t)t * L, tid == 0, &stop);
            }
            if (atomic_load(&stop)) break;
            for (long t = 0; t < cnt; t++)
                for (size_t k = 0; k < L; k++) mean[k] += rows[(size_t)t * L + k];
            rc = lev__ctx_progress(&c, (double)(s0 + cnt) / (double)samples, what);
            if (rc) goto done;
        }
        if (atomic_load(&stop)) {
            rc = job.rc;
            goto done;
        }
    }
    if (raw) memcpy(raw, phi, L * sizeof(double));
    if (normalized)
        for (size_t k = 0; k < L; k++) {
            double m = mean[k] / (double)samples;
            normalized[k] = m > 0 ? phi[k] / m : 0.0;
        }
    *len = L;
    rc = LEV_OK;
    goto done;
oom:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %zu edges", what, E);
done:
    lev__ctx_free(&c, deg, n, sizeof(uint32_t));
    lev__ctx_free(&c, nk, L, sizeof(double));
    lev__ctx_free(&c, phi, L, sizeof(double));
    lev__ctx_free(&c, hist, kmax + 1, sizeof(size_t));
    lev__ctx_free(&c, edges, 2 * E, sizeof(uint32_t));
    lev__ctx_free(&c, row, kmax, sizeof(uint32_t));
    lev__ctx_free(&c, mean, L, sizeof(double));
    lev__ctx_free(&c, rows, T * L, sizeof(double));
    lev__ctx_free(&c, hists, T * (kmax + 1), sizeof(size_t));
    lev__ctx_free(&c, wedges, T * 2 * E, sizeof(uint32_t));
    lev__ctx_free(&c, slots, T * nslot, sizeof(uint64_t));
    return rc;
}

/* ---- outsiders -------------------------------------------------------------------------------- */

/* Core numbers of the undirected view, via lev_coreness() with LEV_P_UNDIRECTED forced to 1 and
 * the caller's threads and progress callback. */
static lev_status incrowd_core(const lev__ctx *c, lev_params *p, double *core) {
    lev_params q;
    if (p) q = *p;
    else lev_params_reset(&q);
    lev_params_set_int(&q, LEV_P_UNDIRECTED, 1);
    q.errcode = LEV_OK;
    q.errmsg[0] = 0;
    lev_status rc = lev_coreness(c->net, &q, core);
    if (rc) return lev__ctx_fail(c, rc, "outsiders: %s", q.errmsg[0] ? q.errmsg : lev_strerror(rc));
    return LEV_OK;
}

lev_status lev_outsiders(const lev_network *net, lev_params *p, double *share, uint32_t *outsider) {
    static const char what[] = "outsiders";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, share ? (const void *)share : (const void *)outsider);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n, G = net->groups.count;
    const uint32_t *grp = net->actor_group;
    int incrowd = (int)lev__param(p, LEV_P_INCROWD);
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0, undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    double thr = lev__param(p, LEV_P_THRESHOLD);
    if (incrowd == LEV_INCROWD_GROUP) {
        uint32_t i = 0;
        while (i < n && GRP(i) == LEV_NONE) i++;
        if (G == 0 || i == n)
            return lev__ctx_fail(&c, LEV_EINVAL,
                                 "%s: the in-crowd is the group with the most PageRank (LEV_INCROWD_GROUP), but no "
                                 "actor has a group",
                                 what);
    }
    if (n == 0) return LEV_OK;
    double *sc = lev__ctx_alloc(&c, 2 * (size_t)n, sizeof(double)); /* PageRank or core; then shares */
    uint8_t *in = lev__ctx_alloc(&c, n, 1);
    double *gs = incrowd == LEV_INCROWD_GROUP ? lev__ctx_alloc(&c, G, sizeof(double)) : NULL;
    if (!sc || !in || (incrowd == LEV_INCROWD_GROUP && !gs)) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)n);
        goto done;
    }
    double *sh = sc + n;
    if (incrowd == LEV_INCROWD_GROUP) {
        rc = lev_pagerank(net, NULL, p, sc);
        if (rc) goto done;
        for (uint32_t h = 0; h < G; h++) gs[h] = 0;
        for (uint32_t u = 0; u < n; u++)
            if (GRP(u) != LEV_NONE) gs[GRP(u)] += sc[u];
        uint32_t best = 0;
        for (uint32_t h = 1; h < G; h++)
            if (gs[h] > gs[best]) best = h;
        for (uint32_t u = 0; u < n; u++) in[u] = GRP(u) == best;
    } else {
        rc = incrowd_core(&c, p, sc);
        if (rc) goto done;
        double top = 0;
        for (uint32_t u = 0; u < n; u++)
            if (sc[u] > top) top = sc[u];
        for (uint32_t u = 0; u < n; u++) in[u] = sc[u] == top;
    }
    for (uint32_t v = 0; v < n; v++) {
        double from = 0, all = 0;
        for (size_t k = g->in_off[v]; k < g->in_off[v + 1]; k++) {
            uint32_t u = g->in_adj[k];
            if (u == v) continue;
            double x = ew(lev__wts_in(g), k, weighted);
            all += x;
            if (in[u]) from += x;
        }
        if (undirected)
            for (size_t k = g->out_off[v]; k < g->out_off[v + 1]; k++) {
                uint32_t u = g->out_adj[k];
                if (u == v) continue;
                double x = ew(lev__wts_out(g), k, weighted);
                all += x;
                if (in[u]) from += x;
            }
        sh[v] = all > 0 ? from / all : 0.0;
    }
    if (share) memcpy(share, sh, (size_t)n * sizeof(double));
    if (outsider)
        for (uint32_t v = 0; v < n; v++) {
            int connected = 0;
            for (size_t k = g->out_off[v]; k < g->out_off[v + 1] && !connected; k++) connected = g->out_adj[k] != v;
            for (size_t k = g->in_off[v]; k < g->in_off[v + 1] && !connected; k++) connected = g->in_adj[k] != v;
            outsider[v] = in[v] ? 2u : connected && sh[v] < thr ? 1u : 0u;
        }
    rc = LEV_OK;
done:
    lev__ctx_free(&c, sc, 2 * (size_t)n, sizeof(double));
    lev__ctx_free(&c, in, n, 1);
    lev__ctx_free(&c, gs, G, sizeof(double));
    return rc;
}
