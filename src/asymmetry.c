/*
 * Asymmetry and hierarchy of influence: Freeman centralization, reciprocity, dyad and triad
 * census, the most asymmetric pairs, Krackhardt's four dimensions of hierarchy and Luo–Magee
 * flow hierarchy.
 *
 * Most of these read the network as a simple directed graph: the relation "a has at least one
 * edge to b" for a ≠ b, so parallel edges count once and self-loops not at all. They get it
 * without building anything by merging an actor's out-row (sorted by target) with its in-row
 * (sorted by source): nbr_next() walks the distinct neighbours of v in increasing order with
 * the direction bits and the summed strengths both ways.
 *
 * The triad census (Batagelj–Mrvar) relabels actors by decreasing degree so that each tie is
 * processed from its higher-degree end and the inner loop runs over the lower-degree end; the
 * counts do not depend on the labelling. Counting is parallel over actors with integer
 * counters per thread, so the result is the same for any number of threads.
 *
 * Krackhardt's hierarchy and lubness run on the strongly connected components (iterative
 * Tarjan, lev__scc) and their condensation: reachability sums are computed 64 components at a
 * time with bit sets, in parallel over blocks of 64, again with integer counters.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


/* Set to 0 to build without lev_betweenness()/lev_closeness() (their kinds then give
 * LEV_EUNSUPPORTED). */
#ifndef LEV_ASYM_PATHS
#define LEV_ASYM_PATHS 1
#endif

#define DIR_OUT 1u /* v → x */
#define DIR_IN 2u  /* x → v */

/* ---- distinct neighbours ----------------------------------------------------------------- */

typedef struct nbr_iter {
    const lev__csr *g;
    uint32_t v;
    size_t ko, ke, ki, kie;
} nbr_iter;

static void nbr_start(nbr_iter *it, const lev__csr *g, uint32_t v) {
    it->g = g;
    it->v = v;
    it->ko = g->out_off[v];
    it->ke = g->out_off[v + 1];
    it->ki = g->in_off[v];
    it->kie = g->in_off[v + 1];
}

/* The next distinct neighbour x ≠ v, in increasing order: *bits has DIR_OUT if v → x, DIR_IN
 * if x → v; *wo, *wi (when not NULL) the summed strengths (float32 values added in row order)
 * of the edges v → x and x → v, or their number when weighted is 0. Returns 0 at the end. */
static int nbr_next(nbr_iter *it, uint32_t *x, unsigned *bits, double *wo, double *wi, int weighted) {
    const lev__csr *g = it->g;
    for (;;) {
        int ho = it->ko < it->ke, hi = it->ki < it->kie;
        if (!ho && !hi) return 0;
        uint32_t a = ho ? g->out_adj[it->ko] : UINT32_MAX, b = hi ? g->in_adj[it->ki] : UINT32_MAX;
        uint32_t m = a < b ? a : b;
        unsigned bt = 0;
        double so = 0, si = 0;
        while (it->ko < it->ke && g->out_adj[it->ko] == m) {
            so += weighted ? (double)lev__ow(g, it->ko) : 1.0;
            it->ko++;
            bt |= DIR_OUT;
        }
        while (it->ki < it->kie && g->in_adj[it->ki] == m) {
            si += weighted ? (double)lev__iw(g, it->ki) : 1.0;
            it->ki++;
            bt |= DIR_IN;
        }
        if (m == it->v) continue; /* self-loop */
        *x = m;
        *bits = bt;
        if (wo) *wo = so;
        if (wi) *wi = si;
        return 1;
    }
}

/* Number of distinct out- and in-neighbours of v (self excluded) and of their union. */
static void nbr_counts(const lev__csr *g, uint32_t v, uint32_t *nout, uint32_t *nin, uint32_t *nall) {
    nbr_iter it;
    uint32_t x, o = 0, i = 0, a = 0;
    unsigned b;
    nbr_start(&it, g, v);
    while (nbr_next(&it, &x, &b, NULL, NULL, 0)) {
        o += (b & DIR_OUT) != 0;
        i += (b & DIR_IN) != 0;
        a++;
    }
    *nout = o;
    *nin = i;
    *nall = a;
}

/* ---- Freeman centralization ---------------------------------------------------------------- */

static lev_status centr_fail_from(lev__ctx *c, lev_status rc, const lev_params *q) {
    return lev__ctx_fail(c, rc, "centralization: %s", q->errmsg[0] ? q->errmsg : lev_strerror(rc));
}

lev_status lev_centralization(const lev_network *net, int kind, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "centralization", out);
    if (rc) return rc;
    if (kind != LEV_CENTRALIZATION_DEGREE && kind != LEV_CENTRALIZATION_BETWEENNESS &&
        kind != LEV_CENTRALIZATION_CLOSENESS)
        return lev__ctx_fail(&c, LEV_EUNSUPPORTED, "centralization: unknown kind %d", kind);
#if !LEV_ASYM_PATHS
    if (kind != LEV_CENTRALIZATION_DEGREE)
        return lev__ctx_fail(&c, LEV_EUNSUPPORTED, "centralization: kind %d is not built in", kind);
#endif
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    double nn = (double)n;
    int undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    int dir = (int)lev__param(p, LEV_P_DIRECTION);
    double tmax;
    if (kind == LEV_CENTRALIZATION_DEGREE) {
        if (undirected) tmax = (nn - 1) * (nn - 2);
        else if (dir == LEV_DIR_ALL) tmax = (nn - 1) * (2 * (nn - 1) - 2);
        else tmax = (nn - 1) * (nn - 1);
    } else if (kind == LEV_CENTRALIZATION_BETWEENNESS) {
        tmax = (nn - 1) * (nn - 1) * (nn - 2);
        if (undirected) tmax /= 2;
    } else {
        if (undirected) tmax = n >= 2 ? (nn - 2) * (nn - 1) / (2 * nn - 3) : 0;
        else tmax = n >= 1 ? (nn - 1) * (1 - 1 / nn) : 0;
    }
    if (n == 0 || !(tmax > 0)) {
        *out = 0;
        return LEV_OK;
    }
    double *sc = lev__ctx_alloc(&c, n, sizeof *sc);
    if (!sc) return lev__ctx_fail(&c, LEV_ENOMEM, "centralization: out of memory for %u actors", n);
    if (kind == LEV_CENTRALIZATION_DEGREE) {
        for (uint32_t v = 0; v < n; v++) {
            uint32_t o, i, a;
            nbr_counts(g, v, &o, &i, &a);
            sc[v] = undirected ? a : dir == LEV_DIR_OUT ? o : dir == LEV_DIR_IN ? i : (double)o + i;
        }
    } else {
#if LEV_ASYM_PATHS
        /* A private copy of the options: plain (unnormalized) scores, and the view asked for. */
        lev_params q;
        if (p) q = *p;
        else lev_params_reset(&q);
        q.errcode = LEV_OK;
        q.errmsg[0] = 0;
        q.v[lev__param_slot(LEV_P_NORMALIZED)] = 0;
        if (kind == LEV_CENTRALIZATION_CLOSENESS) {
            /* as lev_closeness(): LEV_DIR_IN distances to the actor, otherwise from it */
            q.v[lev__param_slot(LEV_P_DIRECTION)] = dir == LEV_DIR_IN ? LEV_DIR_IN : LEV_DIR_OUT;
            rc = lev_closeness(net, &q, sc);
        } else {
            rc = lev_betweenness(net, &q, sc);
        }
        if (rc) {
            lev__ctx_free(&c, sc, n, sizeof *sc);
            return centr_fail_from(&c, rc, &q);
        }
#endif
    }
    double mx = sc[0], dev = 0;
    for (uint32_t v = 1; v < n; v++)
        if (sc[v] > mx) mx = sc[v];
    for (uint32_t v = 0; v < n; v++) dev += mx - sc[v];
    lev__ctx_free(&c, sc, n, sizeof *sc);
    *out = dev / tmax;
    return LEV_OK;
}

/* ---- reciprocity and dyad census ------------------------------------------------------------ */

/* Reciprocity's sums over the actors v0..v1−1 (each pair once, from its smaller end). */
typedef struct recip_part {
    uint64_t arcs, mutual;
    double wsum, wmin;
} recip_part;

static void recip_range(const lev__csr *g, uint32_t v0, uint32_t v1, int wtd, recip_part *r) {
    uint64_t arcs = 0, mutual = 0;
    double wsum = 0, wmin = 0;
    for (uint32_t v = v0; v < v1; v++) {
        nbr_iter it;
        uint32_t x;
        unsigned b;
        double wo, wi;
        nbr_start(&it, g, v);
        while (nbr_next(&it, &x, &b, &wo, &wi, wtd)) {
            if (x < v) continue; /* each pair once, from its smaller end */
            arcs += (b & DIR_OUT ? 1u : 0u) + (b & DIR_IN ? 1u : 0u);
            if (b == (DIR_OUT | DIR_IN)) mutual++;
            wsum += wo + wi;
            wmin += 2 * (wo < wi ? wo : wi);
        }
    }
    r->arcs = arcs;
    r->mutual = mutual;
    r->wsum = wsum;
    r->wmin = wmin;
}

/* Actors per block of the parallel passes below; the strength sums are summed per block and then
 * over the blocks in order, so they are the same for any number of threads. */
#define RBLOCK 4096u

lev_status lev_reciprocity(const lev_network *net, lev_params *p, double *arc, double *weighted) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "reciprocity", arc ? (const void *)arc : (const void *)weighted);
    if (rc) return rc;
    const lev__csr *g = c.g;
    int wtd = lev__param(p, LEV_P_WEIGHTED) != 0;
    size_t nb = ((size_t)g->n + RBLOCK - 1) / RBLOCK;
    recip_part one, *part = &one;
    if (nb > 1) {
        part = lev__ctx_alloc(&c, nb, sizeof *part);
        if (!part) return lev__ctx_fail(&c, LEV_ENOMEM, "reciprocity: out of memory for %zu blocks", nb);
    }
    int threads = lev__cap_threads(&c, g->m, (size_t)1 << 16);
    (void)threads;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (threads > 1)
    for (size_t b = 0; b < nb; b++) {
        uint32_t v0 = (uint32_t)(b * RBLOCK), v1 = g->n - v0 < RBLOCK ? g->n : v0 + RBLOCK;
        recip_range(g, v0, v1, wtd, &part[b]);
    }
    uint64_t arcs = 0, mutual = 0;
    double wsum = 0, wmin = 0;
    for (size_t b = 0; b < nb; b++) {
        arcs += part[b].arcs;
        mutual += part[b].mutual;
        wsum += part[b].wsum;
        wmin += part[b].wmin;
    }
    if (nb > 1) lev__ctx_free(&c, part, nb, sizeof *part);
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    if (arc) *arc = arcs == 0 ? 0 : und ? 1 : (double)(2 * mutual) / (double)arcs;
    if (weighted) *weighted = !(wsum > 0) ? 0 : und ? 1 : wmin / wsum;
    return LEV_OK;
}

/* Per actor: 2·(mutual distinct neighbours) / (distinct out + distinct in), NaN without ties. */
lev_status lev_reciprocity_actors(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "reciprocity_actors", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    int threads = lev__cap_threads(&c, g->m, (size_t)1 << 16);
    (void)threads;
    /* Each actor's value is its own: the same for any number of threads. */
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads) if (threads > 1)
    for (uint32_t v = 0; v < g->n; v++) {
        uint32_t nout, nin, nall;
        nbr_counts(g, v, &nout, &nin, &nall);
        uint32_t mutual = nout + nin - nall;
        double tot = (double)nout + (double)nin;
        out[v] = nall == 0 ? NAN : und ? 1.0 : 2.0 * (double)mutual / tot;
    }
    return LEV_OK;
}

lev_status lev_dyad_census(const lev_network *net, lev_params *p, uint64_t *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "dyad_census", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    uint64_t mut = 0, asym = 0, n = g->n;
    int threads = lev__cap_threads(&c, g->m, (size_t)1 << 16);
    (void)threads;
    /* Integer counts: the same for any number of threads. */
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads) if (threads > 1) reduction(+ : mut, asym)
    for (uint32_t v = 0; v < g->n; v++) {
        nbr_iter it;
        uint32_t x;
        unsigned b;
        nbr_start(&it, g, v);
        while (nbr_next(&it, &x, &b, NULL, NULL, 0)) {
            if (x < v) continue;
            if (und || b == (DIR_OUT | DIR_IN)) mut++;
            else asym++;
        }
    }
    out[0] = mut;
    out[1] = asym;
    out[2] = (n * (n - (n > 0))) / 2 - mut - asym;
    return LEV_OK;
}

/* ---- triad census (Batagelj–Mrvar) ---------------------------------------------------------- */

/* Type (0..15, MAN order) of the triad whose arcs are coded v→u 1, u→v 2, v→w 4, w→v 8,
 * u→w 16, w→u 32 (Batagelj & Mrvar 2001, table 1). Checked in tests/ref/make_refs_imbalance.py
 * against a classification by isomorphism to the 16 MAN representatives. */
static const unsigned char tricode_type[64] = {
    0, 1, 1, 2, 1, 3, 5, 7, 1, 5, 4, 6, 2, 7, 6, 10, 1, 5, 3, 7, 4, 8, 8, 12, 5, 9, 8, 13, 6, 13, 11, 14,
    1, 4, 5, 6, 5, 8, 9, 13, 3, 8, 8, 11, 7, 12, 13, 14, 2, 6, 7, 10, 6, 11, 13, 14, 7, 13, 12, 14, 10, 14, 14, 15};

/* C(n, 3) in 64 bits; 0 on overflow (only n ≥ 3 overflows to give a non-zero answer). */
static int choose3(uint64_t n, uint64_t *res) {
    if (n < 3) {
        *res = 0;
        return 1;
    }
    uint64_t a = n, b = n - 1, cc = n - 2;
    if (a % 2 == 0) a /= 2;
    else b /= 2;
    if (a % 3 == 0) a /= 3;
    else if (b % 3 == 0) b /= 3;
    else cc /= 3;
    if (a > UINT64_MAX / b) return 0;
    uint64_t ab = a * b;
    if (ab > UINT64_MAX / cc) return 0;
    *res = ab * cc;
    return 1;
}

/* Distinct-neighbour lists of the relabelled simple graph: list of x in nb[off[x] .. off[x] +
 * len[x]), ids increasing, with nbits (DIR_OUT: x → y, DIR_IN: y → x). */
typedef struct tri_graph {
    uint32_t n;
    size_t *off;
    uint32_t *len, *nb;
    unsigned char *nbits;
} tri_graph;

#define TRI_CODES 66 /* 64 tricodes, then 012 and 102 from the dyad counts */

static void tri_vertex(const tri_graph *t, uint32_t v, unsigned char *mark, int64_t *cnt) {
    const uint32_t *nv = t->nb + t->off[v];
    const unsigned char *bv = t->nbits + t->off[v];
    uint32_t dv = t->len[v];
    if (dv == 0) return;
    for (uint32_t k = 0; k < dv; k++) mark[nv[k]] = bv[k];
    /* first neighbour above v */
    uint32_t lo = 0, hi = dv;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (nv[mid] > v) hi = mid;
        else lo = mid + 1;
    }
    int64_t rest[4] = {0, 0, 0, 0}; /* neighbours above the current u, by direction bits */
    for (uint32_t k = lo; k < dv; k++) rest[bv[k]]++;
    int64_t nminus2 = (int64_t)t->n - 2;
    for (uint32_t k = lo; k < dv; k++) {
        uint32_t u = nv[k];
        unsigned bvu = bv[k];
        rest[bvu]--;
        const uint32_t *nu = t->nb + t->off[u];
        const unsigned char *bu = t->nbits + t->off[u];
        uint32_t du = t->len[u], common = 0;
        for (uint32_t j = 0; j < du; j++) {
            uint32_t w = nu[j];
            if (w == v) continue;
            unsigned bvw = mark[w], buw = bu[j];
            if (bvw) {
                common++;
                if (w > u) {
                    cnt[bvu | bvw << 2]--;
                    cnt[bvu | bvw << 2 | buw << 4]++;
                }
            } else if (w > v) {
                cnt[bvu | buw << 4]++;
            }
        }
        cnt[bvu | 1u << 2] += rest[1];
        cnt[bvu | 2u << 2] += rest[2];
        cnt[bvu | 3u << 2] += rest[3];
        /* |S| = |N(u) ∪ N(v) \ {u, v}|; the other n − |S| − 2 actors make a dyadic triad. */
        int64_t s = (int64_t)(dv - 1) + (int64_t)(du - 1) - (int64_t)common;
        cnt[bvu == 3 ? 65 : 64] += nminus2 - s;
    }
    for (uint32_t k = 0; k < dv; k++) mark[nv[k]] = 0;
}

lev_status lev_triad_census(const lev_network *net, lev_params *p, uint64_t *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "triad_census", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    uint64_t total;
    if (!choose3(n, &total))
        return lev__ctx_fail(&c, LEV_ELIMIT, "triad_census: C(%u, 3) triads do not fit in 64 bits", n);
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    uint64_t census[16] = {0};
    if (n < 3 || g->m == 0) {
        census[0] = total;
        memcpy(out, census, sizeof census);
        return LEV_OK;
    }
    int threads = lev__cap_threads(&c, n, 1024);
    size_t m2 = 2 * g->m;
    /* Scratch: order, newid, len (n each), off and cursor (n + 1 each), nb, nbits (2m), marks
     * (threads · n) and per-thread counters. */
    uint32_t *order = lev__ctx_alloc(&c, n, sizeof *order);
    uint32_t *newid = lev__ctx_alloc(&c, n, sizeof *newid);
    uint32_t *len = lev__ctx_alloc(&c, n, sizeof *len);
    size_t *off = lev__ctx_alloc(&c, (size_t)n + 1, sizeof *off);
    size_t *cur = lev__ctx_alloc(&c, (size_t)n + 1, sizeof *cur);
    uint32_t *nb = lev__ctx_alloc(&c, m2, sizeof *nb);
    unsigned char *nbits = lev__ctx_alloc(&c, m2, 1);
    unsigned char *mark = lev__ctx_alloc(&c, (size_t)threads * n, 1);
    int64_t *cnts = lev__ctx_alloc(&c, (size_t)threads * TRI_CODES, sizeof *cnts);
    if (!order || !newid || !len || !off || !cur || !nb || !nbits || !mark || !cnts) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "triad_census: out of memory for %u actors and %zu edges", n, g->m);
        goto done;
    }
    /* Rank by raw degree, decreasing (ties by index): a counting sort on degree. */
    {
        size_t maxd = 0;
        for (uint32_t v = 0; v < n; v++) {
            size_t d = (g->out_off[v + 1] - g->out_off[v]) + (g->in_off[v + 1] - g->in_off[v]);
            if (d > maxd) maxd = d;
        }
        /* buckets in cur when maxd < n + 1, else sort indices by comparison-free two passes */
        size_t *bucket = cur;
        size_t nbk = maxd + 1, *big = NULL;
        if (nbk > (size_t)n + 1) {
            big = lev__ctx_alloc(&c, nbk, sizeof *big);
            if (!big) {
                rc = lev__ctx_fail(&c, LEV_ENOMEM, "triad_census: out of memory");
                goto done;
            }
            bucket = big;
        }
        memset(bucket, 0, nbk * sizeof *bucket);
        for (uint32_t v = 0; v < n; v++)
            bucket[maxd - ((g->out_off[v + 1] - g->out_off[v]) + (g->in_off[v + 1] - g->in_off[v]))]++;
        size_t s = 0;
        for (size_t b = 0; b < nbk; b++) {
            size_t k = bucket[b];
            bucket[b] = s;
            s += k;
        }
        for (uint32_t v = 0; v < n; v++) {
            size_t d = (g->out_off[v + 1] - g->out_off[v]) + (g->in_off[v + 1] - g->in_off[v]);
            uint32_t r = (uint32_t)bucket[maxd - d]++;
            order[r] = v;
            newid[v] = r;
        }
        if (big) lev__ctx_free(&c, big, nbk, sizeof *big);
    }
    /* Raw lists by new id (both directions, with duplicates), filled in increasing neighbour id,
     * then compacted in place. */
    {
        size_t s = 0;
        for (uint32_t y = 0; y < n; y++) {
            uint32_t o = order[y];
            off[y] = s;
            cur[y] = s;
            s += (g->out_off[o + 1] - g->out_off[o]) + (g->in_off[o + 1] - g->in_off[o]);
        }
        off[n] = s;
        for (uint32_t y = 0; y < n; y++) {
            uint32_t o = order[y];
            for (size_t k = g->out_off[o]; k < g->out_off[o + 1]; k++) {
                uint32_t t = g->out_adj[k];
                if (t == o) continue;
                size_t j = cur[newid[t]]++;
                nb[j] = y;
                nbits[j] = und ? 3 : DIR_IN; /* y → x, seen from x */
            }
            for (size_t k = g->in_off[o]; k < g->in_off[o + 1]; k++) {
                uint32_t sv = g->in_adj[k];
                if (sv == o) continue;
                size_t j = cur[newid[sv]]++;
                nb[j] = y;
                nbits[j] = und ? 3 : DIR_OUT; /* x → y */
            }
        }
        for (uint32_t x = 0; x < n; x++) {
            size_t a = off[x], e = cur[x], w = a;
            for (size_t k = a; k < e; k++) {
                if (w > a && nb[w - 1] == nb[k]) nbits[w - 1] |= nbits[k];
                else {
                    nb[w] = nb[k];
                    nbits[w] = nbits[k];
                    w++;
                }
            }
            len[x] = (uint32_t)(w - a);
        }
    }
    memset(mark, 0, (size_t)threads * n);
    memset(cnts, 0, (size_t)threads * TRI_CODES * sizeof *cnts);
    {
        tri_graph t = {n, off, len, nb, nbits};
        /* Chunks of actors with about equal list volume, progress after each. */
        size_t vol = off[n], step = vol / 64 + 1;
        uint32_t v0 = 0;
        while (v0 < n) {
            uint32_t v1 = v0;
            size_t target = off[v0] + step;
            while (v1 < n && (v1 == v0 || off[v1] < target) && v1 - v0 < 4096u) v1++;
#ifdef _OPENMP
#pragma omp parallel num_threads(threads)
            {
                int tid = omp_get_thread_num();
                unsigned char *mk = mark + (size_t)tid * n;
                int64_t ct[TRI_CODES] = {0}; /* on the thread's stack: no false sharing */
#pragma omp for schedule(dynamic, 16) nowait
                for (uint32_t v = v0; v < v1; v++) tri_vertex(&t, v, mk, ct);
                int64_t *dst = cnts + (size_t)tid * TRI_CODES;
                for (int k = 0; k < TRI_CODES; k++) dst[k] += ct[k];
            }
#else
            for (uint32_t v = v0; v < v1; v++) tri_vertex(&t, v, mark, cnts);
#endif
            v0 = v1;
            rc = lev__ctx_progress(&c, (double)off[v0] / (double)(vol ? vol : 1), "triad_census");
            if (rc) goto done;
        }
    }
    {
        int64_t sum[TRI_CODES] = {0};
        for (int th = 0; th < threads; th++)
            for (int k = 0; k < TRI_CODES; k++) sum[k] += cnts[(size_t)th * TRI_CODES + k];
        for (int k = 0; k < 64; k++) census[tricode_type[k]] += (uint64_t)sum[k];
        census[1] += (uint64_t)sum[64];
        census[2] += (uint64_t)sum[65];
        uint64_t others = 0;
        for (int k = 1; k < 16; k++) others += census[k];
        census[0] = total - others;
    }
    memcpy(out, census, sizeof census);
    rc = LEV_OK;
done:
    lev__ctx_free(&c, order, n, sizeof *order);
    lev__ctx_free(&c, newid, n, sizeof *newid);
    lev__ctx_free(&c, len, n, sizeof *len);
    lev__ctx_free(&c, off, (size_t)n + 1, sizeof *off);
    lev__ctx_free(&c, cur, (size_t)n + 1, sizeof *cur);
    lev__ctx_free(&c, nb, m2, sizeof *nb);
    lev__ctx_free(&c, nbits, m2, 1);
    lev__ctx_free(&c, mark, (size_t)threads * n, 1);
    lev__ctx_free(&c, cnts, (size_t)threads * TRI_CODES, sizeof *cnts);
    return rc;
}

/* ---- the most asymmetric pairs ---------------------------------------------------------------- */

typedef struct asym_pair {
    double gap;
    uint32_t a, b;
} asym_pair;

static int cmp_pair(const void *x, const void *y) {
    const asym_pair *p = x, *q = y;
    if (p->gap != q->gap) return p->gap > q->gap ? -1 : 1;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

lev_status lev_asymmetry(const lev_network *net, lev_params *p, size_t cap, uint32_t *a, uint32_t *b,
                         double *gap, size_t *len) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "asymmetry", len);
    if (rc) return rc;
    if (cap > 0 && (!a || !b || !gap))
        return lev__ctx_fail(&c, LEV_EMISUSE, "asymmetry: cap is %zu but an output array is NULL", cap);
    const lev__csr *g = c.g;
    int wtd = lev__param(p, LEV_P_WEIGHTED) != 0;
    size_t np = 0;
    for (uint32_t v = 0; v < g->n; v++) {
        nbr_iter it;
        uint32_t x;
        unsigned bt;
        nbr_start(&it, g, v);
        while (nbr_next(&it, &x, &bt, NULL, NULL, 0)) np += x > v;
    }
    if (np > cap) return lev__ctx_erange(&c, "asymmetry", "pairs", np, cap, len);
    if (np == 0) {
        *len = 0;
        return LEV_OK;
    }
    asym_pair *pr = lev__ctx_alloc(&c, np, sizeof *pr);
    if (!pr) return lev__ctx_fail(&c, LEV_ENOMEM, "asymmetry: out of memory for %zu pairs", np);
    size_t k = 0;
    for (uint32_t v = 0; v < g->n; v++) {
        nbr_iter it;
        uint32_t x;
        unsigned bt;
        double wo, wi;
        nbr_start(&it, g, v);
        while (nbr_next(&it, &x, &bt, &wo, &wi, wtd)) {
            if (x < v) continue;
            if (wo >= wi) pr[k] = (asym_pair){wo - wi, v, x};
            else pr[k] = (asym_pair){wi - wo, x, v};
            k++;
        }
    }
    qsort(pr, np, sizeof *pr, cmp_pair);
    for (k = 0; k < np; k++) {
        a[k] = pr[k].a;
        b[k] = pr[k].b;
        gap[k] = pr[k].gap;
    }
    *len = np;
    lev__ctx_free(&c, pr, np, sizeof *pr);
    return LEV_OK;
}

/* ---- strongly and weakly connected components ---------------------------------------------- */

/* Strong components (lev__scc: Tarjan without recursion). comp[v] receives the component of v;
 * components are numbered in the order they complete, so every edge between two components runs
 * from a higher number to a lower one. Scratch: 4 arrays of n uint32 and one of n size_t. */
static lev_status scc_tarjan(const lev__ctx *c, const lev__csr *g, uint32_t *comp, uint32_t *ncomp) {
    uint32_t n = g->n;
    lev__scc_scratch sw = {lev__ctx_alloc(c, n, sizeof *sw.idx), lev__ctx_alloc(c, n, sizeof *sw.low),
                           lev__ctx_alloc(c, n, sizeof *sw.calls), lev__ctx_alloc(c, n, sizeof *sw.next)};
    uint32_t *member = lev__ctx_alloc(c, n, sizeof *member);
    lev_status rc = LEV_ENOMEM;
    if (!sw.idx || !sw.low || !sw.calls || !sw.next || !member) goto done;
    *ncomp = lev__scc(n, g->out_off, g->out_adj, comp, member, NULL, &sw);
    rc = LEV_OK;
done:
    lev__ctx_free(c, sw.idx, n, sizeof *sw.idx);
    lev__ctx_free(c, sw.low, n, sizeof *sw.low);
    lev__ctx_free(c, sw.calls, n, sizeof *sw.calls);
    lev__ctx_free(c, sw.next, n, sizeof *sw.next);
    lev__ctx_free(c, member, n, sizeof *member);
    return rc;
}

/* Weak components by breadth-first search over both rows; queue is scratch of n. */
static uint32_t weak_components(const lev__csr *g, uint32_t *wc, uint32_t *queue) {
    uint32_t n = g->n, nc = 0;
    for (uint32_t v = 0; v < n; v++) wc[v] = LEV_NONE;
    for (uint32_t r = 0; r < n; r++) {
        if (wc[r] != LEV_NONE) continue;
        uint32_t head = 0, tail = 0;
        queue[tail++] = r;
        wc[r] = nc;
        while (head < tail) {
            uint32_t v = queue[head++];
            for (size_t k = g->out_off[v]; k < g->out_off[v + 1]; k++)
                if (wc[g->out_adj[k]] == LEV_NONE) {
                    wc[g->out_adj[k]] = nc;
                    queue[tail++] = g->out_adj[k];
                }
            for (size_t k = g->in_off[v]; k < g->in_off[v + 1]; k++)
                if (wc[g->in_adj[k]] == LEV_NONE) {
                    wc[g->in_adj[k]] = nc;
                    queue[tail++] = g->in_adj[k];
                }
        }
        nc++;
    }
    return nc;
}

/* ---- flow hierarchy ------------------------------------------------------------------------- */

lev_status lev_flow_hierarchy(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "flow_hierarchy", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n, nc;
    if (g->m == 0) {
        *out = 0;
        return LEV_OK;
    }
    uint32_t *comp = lev__ctx_alloc(&c, n, sizeof *comp);
    if (!comp) return lev__ctx_fail(&c, LEV_ENOMEM, "flow_hierarchy: out of memory for %u actors", n);
    rc = scc_tarjan(&c, g, comp, &nc);
    if (rc) {
        lev__ctx_free(&c, comp, n, sizeof *comp);
        return lev__ctx_fail(&c, rc, "flow_hierarchy: out of memory for %u actors", n);
    }
    int wtd = lev__param(p, LEV_P_WEIGHTED) != 0;
    double all = 0, cyc = 0;
    for (uint32_t v = 0; v < n; v++)
        for (size_t k = g->out_off[v]; k < g->out_off[v + 1]; k++) {
            double w = wtd ? (double)lev__ow(g, k) : 1.0;
            all += w;
            if (comp[g->out_adj[k]] == comp[v]) cyc += w;
        }
    lev__ctx_free(&c, comp, n, sizeof *comp);
    *out = cyc == 0 ? 1.0 : 1.0 - cyc / all;
    return LEV_OK;
}

/* ---- Krackhardt's dimensions ------------------------------------------------------------------ */

/* The condensation: successors of component C in succ[soff[C] .. soff[C + 1]), distinct, all
 * numbered below C. */
typedef struct cond {
    uint32_t nc;
    size_t *soff;
    uint32_t *succ;
    size_t ns;
    uint64_t *size; /* actors per component */
} cond;

static void cond_free(const lev__ctx *c, cond *d) {
    lev__ctx_free(c, d->soff, (size_t)d->nc + 1, sizeof *d->soff);
    lev__ctx_free(c, d->succ, d->ns, sizeof *d->succ);
    lev__ctx_free(c, d->size, d->nc, sizeof *d->size);
}

static lev_status cond_build(const lev__ctx *c, const lev__csr *g, const uint32_t *comp, uint32_t nc, cond *d) {
    uint32_t n = g->n;
    memset(d, 0, sizeof *d);
    d->nc = nc;
    uint32_t *first = lev__ctx_alloc(c, (size_t)nc + 1, sizeof *first); /* members grouped by component */
    uint32_t *memb = lev__ctx_alloc(c, n, sizeof *memb);
    uint32_t *stamp = lev__ctx_alloc(c, nc, sizeof *stamp);
    d->soff = lev__ctx_alloc(c, (size_t)nc + 1, sizeof *d->soff);
    d->size = lev__ctx_alloc(c, nc, sizeof *d->size);
    lev_status rc = LEV_ENOMEM;
    if (!first || !memb || !stamp || !d->soff || !d->size) goto done;
    memset(first, 0, ((size_t)nc + 1) * sizeof *first);
    for (uint32_t v = 0; v < n; v++) first[comp[v] + 1]++;
    for (uint32_t k = 0; k < nc; k++) {
        d->size[k] = 0;
        first[k + 1] += first[k];
    }
    for (uint32_t v = 0; v < n; v++) {
        uint32_t k = comp[v];
        memb[first[k] + d->size[k]++] = v;
    }
    for (int pass = 0; pass < 2; pass++) {
        size_t s = 0;
        for (uint32_t k = 0; k < nc; k++) stamp[k] = LEV_NONE;
        for (uint32_t k = 0; k < nc; k++) {
            if (pass == 0) d->soff[k] = s;
            for (uint32_t i = first[k]; i < first[k + 1]; i++) {
                uint32_t v = memb[i];
                for (size_t e = g->out_off[v]; e < g->out_off[v + 1]; e++) {
                    uint32_t t = comp[g->out_adj[e]];
                    if (t == k || stamp[t] == k) continue;
                    stamp[t] = k;
                    if (pass == 1) d->succ[s] = t;
                    s++;
                }
            }
        }
        if (pass == 0) {
            d->soff[nc] = s;
            d->ns = s;
            if (s) {
                d->succ = lev__ctx_alloc(c, s, sizeof *d->succ);
                if (!d->succ) goto done;
            }
        }
    }
    rc = LEV_OK;
done:
    lev__ctx_free(c, first, (size_t)nc + 1, sizeof *first);
    lev__ctx_free(c, memb, n, sizeof *memb);
    lev__ctx_free(c, stamp, nc, sizeof *stamp);
    if (rc) cond_free(c, d);
    return rc;
}

/* Sum of sizes of the block's components whose bits are set in w: table of 8 bytes × 256. */
static inline uint64_t wpop(const uint64_t *tab, uint64_t w) {
    uint64_t s = 0;
    for (int byte = 0; w; byte++, w >>= 8) s += tab[byte * 256 + (w & 0xff)];
    return s;
}

/* reach[C] += Σ sizes of components in block b that C reaches (C itself included), for C ≥ 64b. */
static void reach_block(const cond *d, uint32_t b, uint64_t *word, uint64_t *tab, uint64_t *acc) {
    uint32_t lo = 64 * b, hi = lo + 64 < d->nc ? lo + 64 : d->nc;
    memset(tab, 0, 8 * 256 * sizeof *tab);
    for (uint32_t k = lo; k < hi; k++) {
        uint32_t bit = k - lo, byte = bit / 8, sub = bit % 8;
        for (uint32_t v = 1u << sub; v < 256; v += 1u << (sub + 1))
            for (uint32_t u = 0; u < (1u << sub); u++) tab[byte * 256 + v + u] += d->size[k];
    }
    for (uint32_t k = lo; k < d->nc; k++) {
        uint64_t w = k < hi ? (uint64_t)1 << (k - lo) : 0;
        for (size_t e = d->soff[k]; e < d->soff[k + 1]; e++) {
            uint32_t t = d->succ[e];
            if (t >= lo) w |= word[t - lo];
        }
        word[k - lo] = w;
        acc[k] += wpop(tab, w);
    }
}

/* Compare two bit sets of W words. */
static int bits_cmp(const uint64_t *x, const uint64_t *y, size_t W) {
    for (size_t i = 0; i < W; i++)
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
}

/* Stable bottom-up merge sort of idx[0..n) by the bit sets bits[idx·W ...]; tmp has room n. */
static void sort_by_bits(uint32_t *idx, uint32_t *tmp, size_t n, const uint64_t *bits, size_t W) {
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = bits_cmp(bits + (size_t)idx[j] * W, bits + (size_t)idx[i] * W, W) < 0 ? idx[j++] : idx[i++];
            while (i < mid) tmp[k++] = idx[i++];
            while (j < hi) tmp[k++] = idx[j++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
    }
}

typedef struct kstate {
    const lev__ctx *c;
    const lev__csr *g;
    uint32_t *comp, *wc;
    uint64_t *wsize;
    uint32_t nwc;
} kstate;

/* Hierarchy and lubness from the condensation (see docs/asymmetry.md for the derivation). */
static lev_status krack_directed(kstate *ks, double *hier, double *lub) {
    const lev__ctx *c = ks->c;
    const lev__csr *g = ks->g;
    uint32_t n = g->n, nc = 0;
    lev_status rc = scc_tarjan(c, g, ks->comp, &nc);
    if (rc) return rc;
    cond d;
    rc = cond_build(c, g, ks->comp, nc, &d);
    if (rc) return rc;
    uint32_t nblocks = (nc + 63) / 64;
    int threads = lev__cap_threads(c, nblocks, 4);
    uint64_t *word = lev__ctx_alloc(c, (size_t)threads * nc, sizeof *word);
    uint64_t *tab = lev__ctx_alloc(c, (size_t)threads * 2048, sizeof *tab);
    uint64_t *acc = lev__ctx_alloc(c, (size_t)threads * nc, sizeof *acc);
    uint32_t *label = NULL, *cwc = NULL, *midx = NULL, *srcidx = NULL, *ord = NULL, *tmp = NULL;
    uint64_t *bits = NULL, *good = NULL, *mS = NULL, *csize = NULL;
    size_t nm = 0, ns = 0, W = 0;
    if (!word || !tab || !acc) {
        rc = LEV_ENOMEM;
        goto done;
    }
    memset(acc, 0, (size_t)threads * nc * sizeof *acc);
    {
        uint32_t chunk = (uint32_t)threads * 4;
        for (uint32_t b0 = 0; b0 < nblocks; b0 += chunk) {
            uint32_t b1 = b0 + chunk < nblocks ? b0 + chunk : nblocks;
#ifdef _OPENMP
#pragma omp parallel num_threads(threads)
            {
                int tid = omp_get_thread_num();
#pragma omp for schedule(dynamic, 1)
                for (uint32_t b = b0; b < b1; b++)
                    reach_block(&d, b, word + (size_t)tid * nc, tab + (size_t)tid * 2048, acc + (size_t)tid * nc);
            }
#else
            for (uint32_t b = b0; b < b1; b++) reach_block(&d, b, word, tab, acc);
#endif
            double done_frac = 1.0 - (double)(nblocks - b1) * (nblocks - b1) / ((double)nblocks * nblocks);
            rc = lev__ctx_progress(c, 0.9 * done_frac, "krackhardt");
            if (rc) goto done;
        }
        for (int th = 1; th < threads; th++)
            for (uint32_t k = 0; k < nc; k++) acc[k] += acc[(size_t)th * nc + k];
    }
    /* Hierarchy: R ordered reachable pairs, M mutual (same component) unordered pairs. */
    {
        uint64_t R = 0, M = 0;
        for (uint32_t k = 0; k < nc; k++) {
            R += d.size[k] * (acc[k] - 1);
            M += d.size[k] * (d.size[k] - 1) / 2;
        }
        *hier = R - M > 0 ? (double)(R - 2 * M) / (double)(R - M) : 0;
    }
    /* Lubness: label each component with the one source component reaching it, or MULTI. */
    label = lev__ctx_alloc(c, nc, sizeof *label);
    cwc = lev__ctx_alloc(c, nc, sizeof *cwc);
    good = lev__ctx_alloc(c, ks->nwc, sizeof *good);
    mS = lev__ctx_alloc(c, nc, sizeof *mS);
    if (!label || !cwc || !good || !mS) {
        rc = LEV_ENOMEM;
        goto done;
    }
    const uint32_t MULTI = LEV_NONE - 1;
    for (uint32_t k = 0; k < nc; k++) label[k] = LEV_NONE;
    for (uint32_t v = 0; v < n; v++) cwc[ks->comp[v]] = ks->wc[v];
    memset(good, 0, ks->nwc * sizeof *good);
    for (uint32_t k = nc; k-- > 0;) {
        if (label[k] == LEV_NONE) label[k] = k; /* nothing reached it: a source */
        for (size_t e = d.soff[k]; e < d.soff[k + 1]; e++) {
            uint32_t t = d.succ[e];
            if (label[t] == LEV_NONE) label[t] = label[k];
            else if (label[t] != label[k]) label[t] = MULTI;
        }
    }
    /* Pairs with one source S in common, where one side is reached by S alone:
     * m_S (r_S − 1) − C(m_S, 2), m_S actors reached by S alone, r_S actors reached by S. */
    memset(mS, 0, (size_t)nc * sizeof *mS);
    for (uint32_t k = 0; k < nc; k++) {
        if (label[k] == MULTI) nm++;
        else mS[label[k]] += d.size[k];
        if (label[k] == k) ns++;
    }
    for (uint32_t k = 0; k < nc; k++)
        if (label[k] == k) good[cwc[k]] += mS[k] * (acc[k] - 1) - mS[k] * (mS[k] - 1) / 2;
    /* Pairs of actors both reached by two or more sources: compare their source sets. */
    if (nm >= 2) {
        W = (ns + 63) / 64;
        midx = lev__ctx_alloc(c, nc, sizeof *midx);
        srcidx = lev__ctx_alloc(c, nc, sizeof *srcidx);
        ord = lev__ctx_alloc(c, nm, sizeof *ord);
        tmp = lev__ctx_alloc(c, nm, sizeof *tmp);
        csize = lev__ctx_alloc(c, nm, sizeof *csize);
        bits = nm <= SIZE_MAX / W ? lev__ctx_alloc(c, nm * W, sizeof *bits) : NULL;
        if (!midx || !srcidx || !ord || !tmp || !csize || !bits) {
            rc = LEV_ENOMEM;
            goto done;
        }
        uint32_t si = 0, mi = 0;
        for (uint32_t k = 0; k < nc; k++) {
            srcidx[k] = label[k] == k ? si++ : LEV_NONE;
            midx[k] = label[k] == MULTI ? mi++ : LEV_NONE;
        }
        memset(bits, 0, nm * W * sizeof *bits);
        for (uint32_t k = nc; k-- > 0;) {
            for (size_t e = d.soff[k]; e < d.soff[k + 1]; e++) {
                uint32_t t = d.succ[e];
                if (midx[t] == LEV_NONE) continue;
                uint64_t *bt = bits + (size_t)midx[t] * W;
                if (midx[k] != LEV_NONE) {
                    const uint64_t *bk = bits + (size_t)midx[k] * W;
                    for (size_t i = 0; i < W; i++) bt[i] |= bk[i];
                } else {
                    uint32_t s = srcidx[label[k]];
                    bt[s / 64] |= (uint64_t)1 << (s % 64);
                }
            }
        }
        /* group equal sets (classes), then count class pairs with exactly one common source */
        uint32_t *mcomp = srcidx; /* reuse: component of the i-th multi component */
        for (uint32_t k = 0; k < nc; k++)
            if (midx[k] != LEV_NONE) mcomp[midx[k]] = k;
        for (uint32_t i = 0; i < nm; i++) ord[i] = i;
        sort_by_bits(ord, tmp, nm, bits, W);
        /* classes: representative index (in ord) and actor count, stored back into tmp/ord */
        uint32_t ncls = 0;
        for (uint32_t i = 0; i < nm;) {
            uint32_t j = i;
            uint64_t sz = 0;
            while (j < nm && bits_cmp(bits + (size_t)ord[i] * W, bits + (size_t)ord[j] * W, W) == 0)
                sz += d.size[mcomp[ord[j++]]];
            tmp[ncls] = ord[i];
            csize[ncls] = sz;
            ncls++;
            i = j;
        }
        /* the first and last non-zero word of each class's set bound the words to compare */
        uint32_t *lo = midx, *hi = label; /* reuse: both have room for nc ≥ ncls entries */
        for (uint32_t x = 0; x < ncls; x++) {
            const uint64_t *bx = bits + (size_t)tmp[x] * W;
            uint32_t f = 0, l = (uint32_t)W - 1;
            while (!bx[f]) f++; /* a multi component's set has at least two bits */
            while (!bx[l]) l--;
            lo[x] = f;
            hi[x] = l;
            ord[x] = cwc[mcomp[tmp[x]]]; /* weak component of the class */
        }
        for (uint32_t x = 0; x < ncls; x++) {
            const uint64_t *bx = bits + (size_t)tmp[x] * W;
            uint32_t wx = ord[x];
            for (uint32_t y = x + 1; y < ncls; y++) {
                if (ord[y] != wx) continue;
                const uint64_t *by = bits + (size_t)tmp[y] * W;
                uint32_t a = lo[x] > lo[y] ? lo[x] : lo[y], z = hi[x] < hi[y] ? hi[x] : hi[y];
                int common = 0;
                for (uint32_t i = a; i <= z && a <= z; i++) {
                    uint64_t both = bx[i] & by[i];
                    if (!both) continue;
                    if (common || (both & (both - 1))) {
                        common = 2; /* two or more sources in common */
                        break;
                    }
                    common = 1;
                }
                if (common == 1) good[wx] += csize[x] * csize[y];
            }
            if ((x & 255) == 255) {
                rc = lev__ctx_progress(c, 0.9 + 0.1 * (double)x / ncls, "krackhardt");
                if (rc) goto done;
            }
        }
    }
    {
        double viol = 0, maxv = 0;
        for (uint32_t w = 0; w < ks->nwc; w++) {
            uint64_t s = ks->wsize[w];
            if (s <= 2) continue;
            viol += (double)(s * (s - 1) / 2 - good[w]);
            maxv += (double)((s - 1) * (s - 2) / 2);
        }
        *lub = maxv > 0 ? 1 - viol / maxv : 1;
    }
    rc = LEV_OK;
done:
    cond_free(c, &d);
    lev__ctx_free(c, word, (size_t)threads * nc, sizeof *word);
    lev__ctx_free(c, tab, (size_t)threads * 2048, sizeof *tab);
    lev__ctx_free(c, acc, (size_t)threads * nc, sizeof *acc);
    lev__ctx_free(c, label, nc, sizeof *label);
    lev__ctx_free(c, cwc, nc, sizeof *cwc);
    lev__ctx_free(c, good, ks->nwc, sizeof *good);
    lev__ctx_free(c, mS, nc, sizeof *mS);
    lev__ctx_free(c, csize, nm, sizeof *csize);
    lev__ctx_free(c, midx, nc, sizeof *midx);
    lev__ctx_free(c, srcidx, nc, sizeof *srcidx);
    lev__ctx_free(c, ord, nm, sizeof *ord);
    lev__ctx_free(c, tmp, nm, sizeof *tmp);
    if (bits) lev__ctx_free(c, bits, nm * W, sizeof *bits);
    return rc;
}

lev_status lev_krackhardt(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "krackhardt", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    double res[4];
    if (n == 0) {
        res[LEV_KRACKHARDT_CONNECTEDNESS] = 1;
        res[LEV_KRACKHARDT_HIERARCHY] = 0;
        res[LEV_KRACKHARDT_EFFICIENCY] = 1;
        res[LEV_KRACKHARDT_LUBNESS] = 1;
        memcpy(out, res, sizeof res);
        return LEV_OK;
    }
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    uint32_t *wc = lev__ctx_alloc(&c, n, sizeof *wc), *comp = lev__ctx_alloc(&c, n, sizeof *comp);
    uint64_t *wsize = NULL;
    uint32_t nwc = 0;
    if (!wc || !comp) {
        rc = LEV_ENOMEM;
        goto done;
    }
    nwc = weak_components(g, wc, comp);
    wsize = lev__ctx_alloc(&c, nwc, sizeof *wsize);
    if (!wsize) {
        rc = LEV_ENOMEM;
        goto done;
    }
    memset(wsize, 0, (size_t)nwc * sizeof *wsize);
    for (uint32_t v = 0; v < n; v++) wsize[wc[v]]++;
    {
        double pairs = 0, req = 0, maxv = 0, nn = (double)n;
        for (uint32_t w = 0; w < nwc; w++) {
            double s = (double)wsize[w];
            pairs += s * (s - 1) / 2;
            req += s - 1;
            maxv += (s - 1) * (s - 1);
        }
        res[LEV_KRACKHARDT_CONNECTEDNESS] = n <= 1 ? 1 : pairs / (nn * (nn - 1) / 2);
        uint64_t arcs = 0;
        for (uint32_t v = 0; v < n; v++) {
            uint32_t o, i, a;
            nbr_counts(g, v, &o, &i, &a);
            arcs += und ? a : o;
        }
        res[LEV_KRACKHARDT_EFFICIENCY] = maxv > 0 ? 1 - ((double)arcs - req) / maxv : 1;
    }
    if (und) {
        res[LEV_KRACKHARDT_HIERARCHY] = 0;
        res[LEV_KRACKHARDT_LUBNESS] = 1;
    } else {
        kstate ks = {&c, g, comp, wc, wsize, nwc};
        rc = krack_directed(&ks, &res[LEV_KRACKHARDT_HIERARCHY], &res[LEV_KRACKHARDT_LUBNESS]);
        if (rc) goto done;
    }
    memcpy(out, res, sizeof res);
    rc = LEV_OK;
done:
    lev__ctx_free(&c, wc, n, sizeof *wc);
    lev__ctx_free(&c, comp, n, sizeof *comp);
    lev__ctx_free(&c, wsize, nwc, sizeof *wsize);
    if (rc == LEV_ENOMEM) return lev__ctx_fail(&c, rc, "krackhardt: out of memory for %u actors", n);
    return rc;
}
