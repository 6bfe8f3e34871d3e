/*
 * Brokerage: Burt's structural-hole measures (constraint, effective size, efficiency,
 * hierarchy) and Gould–Fernandez brokerage roles. See docs/brokerage.md.
 *
 * Burt's measures read the symmetric "tie" view: for each actor i its distinct contacts j ≠ i
 * (an edge either way), each with the mutual strength a_ij = Σ w(i→j) + Σ w(j→i) (parallel
 * edges add up; self-loops are dropped; with LEV_P_WEIGHTED 0 every edge counts 1). With
 * S_i = Σ_j a_ij and p_ij = a_ij / S_i, every measure rests on one symmetric sum per tie {i, j}
 * over the common contacts q:
 *
 *     X_ij = Σ_q a_iq · a_jq / S_q   (constraint: Σ_q p_iq p_qj = X_ij / S_i)
 *     X_ij = Σ_q a_iq · a_jq         (effective size: Σ_q p_iq m_jq = X_ij / (S_i max_k a_jk))
 *
 * so c_i = Σ_j ((a_ij + X_ij) / S_i)² and e_i = Σ_j (1 − X_ij / (S_i max_k a_jk)). X_ij is
 * computed once per tie by its owner, the endpoint with more contacts (then the larger index):
 * the owner j spreads a_jq / S_q (or a_jq) over a dense per-thread array, and the list of each
 * lower-ranked contact i is scanned against it, in a fixed order. The owner writes both slots
 * of the tie (in its row and in i's); no other thread writes them. Time O(Σ_ties min(d_i, d_j))
 * instead of igraph's O(Σ_j d_j²), and results bit-identical for any number of threads.
 *
 * Gould–Fernandez counts, for each broker b, the two-paths a → b → c with a, b, c distinct and
 * no edge a → c, by the groups of a, b and c. For b the groups of its out-contacts are
 * histogrammed once; each in-contact a then takes the histogram, minus a itself and minus the
 * closed c (out(a) ∩ out(b)), found by scanning out(a) against a per-thread mark of out(b), or
 * by galloping through out(a) when it is much longer. Counts are integers: exact, and
 * independent of the thread count.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


/* Gould–Fernandez: scan out(a) when it is at most this many times longer than out(b); gallop
 * through it otherwise. */
#define SCAN_RATIO 16
/* Work (in list entries visited, roughly) between two progress reports. */
#define CHUNK_WORK ((uint64_t)1 << 24)
/* Below this many actors (or units of work in a chunk) loops run on the calling thread alone:
 * waking a team costs more than the work. */
#define SMALL 4096
/* Dynamic scheduling grain inside a chunk. */
#define GRAIN 16


/* First position in adj[lo..hi) whose id is >= key, searching from lo by doubling steps. */
static inline size_t gallop(const uint32_t *adj, size_t lo, size_t hi, uint32_t key) {
    if (lo >= hi || adj[lo] >= key) return lo;
    size_t step = 1, prev = lo;
    while (lo + step < hi && adj[lo + step] < key) {
        prev = lo + step;
        step *= 2;
    }
    size_t end = lo + step < hi ? lo + step : hi; /* adj[prev] < key, adj[end] >= key or end == hi */
    lo = prev + 1;
    while (lo < end) {
        size_t mid = lo + (end - lo) / 2;
        if (adj[mid] < key) lo = mid + 1;
        else end = mid;
    }
    return lo;
}

/* count · per · size bytes through the network's allocator; NULL on overflow or failure. */
static void *alloc3(const lev__ctx *c, size_t count, size_t per, size_t size) {
    if (per && count > SIZE_MAX / per) return NULL;
    return lev__ctx_alloc(c, count * per, size);
}

/* ---- simple views: distinct contacts, no self-loops, rows sorted ------------------------------- */

enum { VIEW_OUT = LEV__VIEW_OUT, VIEW_IN = LEV__VIEW_IN, VIEW_SYM = LEV__VIEW_BOTH };

typedef struct view {
    size_t *off; /* n + 1 */
    uint32_t *adj;
    double *a;   /* mutual strengths (VIEW_SYM with weights only), else NULL */
    size_t len;  /* entries */
} view;

static void view_free(const lev__ctx *c, view *s, size_t n) {
    lev__view vw = {(uint32_t)n, s->len, s->off, s->adj, s->a};
    lev__view_free(c, &vw);
    memset(s, 0, sizeof *s);
}

/* Build a simple view (the shared folded view: distinct contacts, self-loops dropped, the summed
 * strength, or the number of edges when unweighted, both ways); with `sums` the mutual strengths
 * too (and, when S is not NULL, each row's total into S). Returns LEV_ENOMEM (nothing allocated)
 * on failure. */
static lev_status view_build(const lev__ctx *c, int kind, int weighted, int sums, double *S, view *s) {
    lev__view vw;
    memset(s, 0, sizeof *s);
    if (lev__view_build(c, kind, weighted ? LEV__FOLD_SUM : LEV__FOLD_COUNT, sums, &vw)) return LEV_ENOMEM;
    s->off = vw.off;
    s->adj = vw.adj;
    s->a = vw.w;
    s->len = vw.m;
    if (S && s->a) {
        size_t n = vw.n;
        const size_t *off = s->off;
        const double *a = s->a;
        int threads = c->threads;
        (void)threads;
#pragma omp parallel for schedule(static) num_threads(threads) if (n >= SMALL)
        for (size_t v = 0; v < n; v++) {
            double tot = 0;
            for (size_t k = off[v]; k < off[v + 1]; k++) tot += a[k];
            S[v] = tot;
        }
    }
    return LEV_OK;
}

/* ---- chunks of actors between progress reports --------------------------------------------------- */

/* Run body(i) for actors lo..hi-1 in parallel, in chunks of about CHUNK_WORK work (work[i]),
 * reporting progress after each chunk. The body is a function so that it can use per-thread
 * scratch picked by lev__thread_num(). */
typedef void (*actor_fn)(void *st, size_t i, int tid);

static lev_status run_chunks(const lev__ctx *c, const uint64_t *work, size_t n, actor_fn body, void *st,
                             const char *what) {
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++) total += work[i];
    uint64_t done = 0;
    int threads = c->threads;
    (void)threads;
    size_t lo = 0;
    while (lo < n) {
        size_t hi = lo;
        uint64_t acc = 0;
        while (hi < n && (hi == lo || acc < CHUNK_WORK)) acc += work[hi++];
#pragma omp parallel num_threads(threads) if (acc >= SMALL)
        {
            int tid = lev__thread_num();
#pragma omp for schedule(dynamic, GRAIN)
            for (size_t i = lo; i < hi; i++) body(st, i, tid);
        }
        done += acc;
        lev_status rc = lev__ctx_progress(c, total ? (double)done / (double)total : 1.0, what);
        if (rc) return rc;
        lo = hi;
    }
    return LEV_OK;
}

/* ---- Burt's measures ---------------------------------------------------------------------------- */

enum { WANT_CONSTRAINT = 1, WANT_ESIZE = 2, WANT_EFFICIENCY = 4, WANT_HIERARCHY = 8 };

typedef struct burt_state {
    const view *t;        /* the tie view */
    const double *invs;   /* 1 / S_q (0 for an actor without contacts), or NULL: weigh q by 1 */
    double *scratch;      /* per thread: n entries, a_jq / S_q (or a_jq) while j is processed */
    size_t n;
    double *X;            /* per slot of t: the pair sum */
} burt_state;

/* The owner of the pair {i, j} is the endpoint of higher rank: larger degree, then larger index. */
static inline int ranks_below(size_t di, size_t i, size_t dj, size_t j) {
    return di < dj || (di == dj && i < j);
}

/* Owner j: with b_q = a_jq / S_q (constraint) or b_q = a_jq (effective size) in the dense
 * array for j's contacts q and 0 elsewhere, each lower-ranked contact i's list is scanned once,
 * giving X = Σ_q a_iq b_q over q in N(i) ∩ N(j), in ascending q. Both slots of the pair, (j, i)
 * and (i, j), receive the sum: every slot is written by its pair's owner only. */
static void pair_owner(void *vst, size_t j, int tid) {
    const burt_state *st = vst;
    const size_t *off = st->t->off;
    const uint32_t *adj = st->t->adj;
    const double *a = st->t->a, *invs = st->invs;
    double *X = st->X;
    size_t k0 = off[j], k1 = off[j + 1], dj = k1 - k0;
    if (dj == 0) return;
    double *D = st->scratch + (size_t)tid * st->n;
    if (invs)
        for (size_t k = k0; k < k1; k++) D[adj[k]] = a[k] * invs[adj[k]];
    else
        for (size_t k = k0; k < k1; k++) D[adj[k]] = a[k];
    for (size_t k = k0; k < k1; k++) {
        uint32_t i = adj[k];
        size_t l0 = off[i], l1 = off[i + 1];
        if (!ranks_below(l1 - l0, i, dj, j)) continue;
        /* four partial sums break the add-latency chain; their order is fixed, so the result
         * does not depend on the thread count */
        double x0 = 0, x1 = 0, x2 = 0, x3 = 0;
        size_t l = l0;
        for (; l + 4 <= l1; l += 4) {
            x0 += D[adj[l]] * a[l];
            x1 += D[adj[l + 1]] * a[l + 1];
            x2 += D[adj[l + 2]] * a[l + 2];
            x3 += D[adj[l + 3]] * a[l + 3];
        }
        for (; l < l1; l++) x0 += D[adj[l]] * a[l];
        double x = (x0 + x1) + (x2 + x3);
        size_t tw = gallop(adj, l0, l1, (uint32_t)j); /* j's slot in i's row: always there */
        X[k] = X[tw] = x;
    }
    for (size_t k = k0; k < k1; k++) D[adj[k]] = 0;
}

static lev_status burt(const lev_network *net, lev_params *p, double *out, int want, const char *what) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n;
    if (n == 0) return LEV_OK;
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    int threads = c.threads;
    if ((size_t)threads > n) threads = (int)n;
    c.threads = threads;
    int need_y = (want & (WANT_ESIZE | WANT_EFFICIENCY)) != 0;

    view t;
    double *S = NULL, *maxa = NULL, *res = NULL, *X = NULL, *scratch = NULL;
    uint64_t *work = NULL;
    size_t slots = 1;
    memset(&t, 0, sizeof t);
    S = lev__ctx_alloc(&c, n, sizeof *S);
    if (!S) goto nomem;
    if (view_build(&c, VIEW_SYM, weighted, 1, S, &t)) goto nomem;
    slots = t.len ? t.len : 1;
    res = lev__ctx_alloc(&c, n, sizeof *res);
    work = lev__ctx_alloc(&c, n, sizeof *work);
    X = lev__ctx_alloc(&c, slots, sizeof *X);
    scratch = alloc3(&c, (size_t)threads, n, sizeof *scratch);
    if (need_y) maxa = lev__ctx_alloc(&c, n, sizeof *maxa);
    if (!res || !work || !X || !scratch || (need_y && !maxa)) goto nomem;

    const size_t *off = t.off;
    const uint32_t *adj = t.adj;
    const double *a = t.a;
#pragma omp parallel for schedule(static) num_threads(threads) if (n >= SMALL)
    for (size_t v = 0; v < n; v++) {
        size_t k0 = off[v], k1 = off[v + 1], dv = k1 - k0;
        uint64_t w = 1 + dv;
        double mx = 0;
        for (size_t k = k0; k < k1; k++) {
            size_t i = adj[k], di = off[i + 1] - off[i];
            if (ranks_below(di, i, dv, v)) w += di;
            if (a[k] > mx) mx = a[k];
        }
        work[v] = w;
        if (maxa) maxa[v] = mx;
    }
    /* every scratch array, one per potential worker (first touched by a worker when large) */
#pragma omp parallel for schedule(static, 1) num_threads(threads) if (n >= SMALL)
    for (int tt = 0; tt < threads; tt++) memset(scratch + (size_t)tt * n, 0, n * sizeof *scratch);
    {
        burt_state st = {&t, NULL, scratch, n, X};
        if (!need_y) { /* res holds 1/S_q until the results overwrite it */
            for (size_t q = 0; q < n; q++) res[q] = S[q] > 0 ? 1.0 / S[q] : 0.0;
            st.invs = res;
        }
        rc = run_chunks(&c, work, n, pair_owner, &st, what);
        if (rc) goto done;
    }
    /* Per actor, from its own row: c_ij = ((a_ij + X_ij) / S_i)², or the redundancy of j,
     * X_ij / (S_i · max_k a_jk). An actor without contacts scores 0. */
#pragma omp parallel for schedule(dynamic, 256) num_threads(threads) if (n >= SMALL)
    for (size_t i = 0; i < n; i++) {
        size_t k0 = off[i], k1 = off[i + 1], di = k1 - k0;
        double r = 0;
        if (di) {
            double Si = S[i], C = 0, E = 0;
            if (want & (WANT_CONSTRAINT | WANT_HIERARCHY))
                for (size_t k = k0; k < k1; k++) {
                    double cij = (a[k] + X[k]) / Si;
                    C += cij * cij;
                }
            if (need_y)
                for (size_t k = k0; k < k1; k++) E += 1.0 - X[k] / (Si * maxa[adj[k]]);
            if (want & WANT_CONSTRAINT) r = C;
            else if (want & WANT_ESIZE) r = E;
            else if (want & WANT_EFFICIENCY) r = E / (double)di;
            else if (di > 1) {
                /* Burt's hierarchy: Σ_j r_j ln r_j / (N ln N), r_j = c_ij / (C / N) */
                double N = (double)di, mean = C / N;
                for (size_t k = k0; k < k1; k++) {
                    double cij = (a[k] + X[k]) / Si, x = cij * cij / mean;
                    if (x > 0) r += x * log(x);
                }
                r /= N * log(N);
            }
        }
        res[i] = r;
    }
    memcpy(out, res, n * sizeof *out);
    rc = LEV_OK;
    goto done;
nomem:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %zu actors", what, n);
done:
    view_free(&c, &t, n);
    if (S) lev__ctx_free(&c, S, n, sizeof *S);
    if (maxa) lev__ctx_free(&c, maxa, n, sizeof *maxa);
    if (res) lev__ctx_free(&c, res, n, sizeof *res);
    if (work) lev__ctx_free(&c, work, n, sizeof *work);
    if (X) lev__ctx_free(&c, X, slots, sizeof *X);
    if (scratch) lev__ctx_free(&c, scratch, (size_t)threads * n, sizeof *scratch);
    return rc;
}

lev_status lev_constraint(const lev_network *net, lev_params *p, double *out) {
    return burt(net, p, out, WANT_CONSTRAINT, "constraint");
}

lev_status lev_effective_size(const lev_network *net, lev_params *p, double *out) {
    return burt(net, p, out, WANT_ESIZE, "effective_size");
}

lev_status lev_efficiency(const lev_network *net, lev_params *p, double *out) {
    return burt(net, p, out, WANT_EFFICIENCY, "efficiency");
}

lev_status lev_burt_hierarchy(const lev_network *net, lev_params *p, double *out) {
    return burt(net, p, out, WANT_HIERARCHY, "burt_hierarchy");
}

/* ---- Gould–Fernandez brokerage ------------------------------------------------------------------ */

typedef struct gf_state {
    const view *out, *in;
    const uint32_t *cls;  /* class of each actor */
    uint32_t *stamp;      /* per thread: n entries */
    uint32_t *hist;       /* per thread: nclass entries */
    size_t n, nclass;
    uint64_t *raw;        /* n × 5 counts */
} gf_state;

static void gf_actor(void *vst, size_t bi, int tid) {
    const gf_state *st = vst;
    const size_t *oo = st->out->off, *io = st->in->off;
    const uint32_t *oa = st->out->adj, *ia = st->in->adj, *cls = st->cls;
    uint64_t *r = st->raw + bi * 5;
    uint32_t b = (uint32_t)bi;
    size_t b0 = oo[b], b1 = oo[b + 1], T = b1 - b0;
    r[0] = r[1] = r[2] = r[3] = r[4] = 0;
    if (T == 0 || io[b] == io[b + 1]) return;
    uint32_t *stamp = st->stamp + (size_t)tid * st->n, *H = st->hist + (size_t)tid * st->nclass;
    uint32_t mark = b + 1, B = cls[b];
    for (size_t k = b0; k < b1; k++) {
        stamp[oa[k]] = mark;
        H[cls[oa[k]]]++;
    }
    uint64_t wI = 0, wO = 0, bIO = 0, bOI = 0, bO = 0;
    for (size_t k = io[b]; k < io[b + 1]; k++) {
        uint32_t av = ia[k], A = cls[av];
        uint64_t ina = stamp[av] == mark;
        uint64_t tot = T - ina, nA = H[A] - ina, nB = H[B] - (A == B ? ina : 0);
        size_t a0 = oo[av], a1 = oo[av + 1], da = a1 - a0;
        if (da <= SCAN_RATIO * T) {
            for (size_t l = a0; l < a1; l++) {
                uint32_t cv = oa[l];
                if (stamp[cv] != mark) continue;
                tot--;
                if (cls[cv] == A) nA--;
                if (cls[cv] == B) nB--;
            }
        } else {
            size_t l = a0;
            for (size_t m = b0; m < b1 && l < a1; m++) {
                uint32_t cv = oa[m];
                l = gallop(oa, l, a1, cv);
                if (l < a1 && oa[l] == cv) {
                    tot--;
                    if (cls[cv] == A) nA--;
                    if (cls[cv] == B) nB--;
                    l++;
                }
            }
        }
        if (A == B) {
            wI += nB;
            bIO += tot - nB;
        } else {
            bOI += nB;
            wO += nA;
            bO += tot - nA - nB;
        }
    }
    for (size_t k = b0; k < b1; k++) H[cls[oa[k]]] = 0;
    r[0] = wI;
    r[1] = wO;
    r[2] = bIO;
    r[3] = bOI;
    r[4] = bO;
}

static int cmp_size(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* x(x − 1)/2, R's choose(x, 2) for integer x. */
static double choose2(double x) { return x * (x - 1) / 2; }

/* Expectation and variance of the six counts for a broker in a class of size s, under
 * sna::brokerage's null model (density d, class sizes sz[0..D) with multiplicities cnt). */
static void gf_moments(double s, double N, double d, const double *sz, const double *cnt, size_t D, double T2,
                       double T3, double Q, double *e, double *v) {
    double k = d * d * (1 - d), h = d * d * d * ((1 - d) * (1 - d) * (1 - d));
    double sum2 = T2 - s * (s - 1), sum3 = T3 - s * (s - 1) * (s - 2), sq = Q - s * s;
    double lia = 0; /* Σ over the other classes of n_k · choose(N − n_k − s, 2) */
    for (size_t t = 0; t < D; t++) {
        double m = cnt[t] - (sz[t] == s ? 1 : 0);
        if (m > 0) lia += m * (sz[t] * choose2(N - sz[t] - s));
    }
    e[0] = k * (s - 1) * (s - 2);
    v[0] = e[0] * (1 - k) + 2 * (s - 1) * (s - 2) * (s - 3) * h;
    e[1] = k * sum2;
    v[1] = e[1] * (1 - k) + 2 * sum3 * h;
    e[2] = k * (N - s) * (s - 1);
    v[2] = e[2] * (1 - k) + 2 * ((s - 1) * choose2(N - s) + (N - s) * choose2(s - 1)) * h;
    e[3] = e[2];
    v[3] = v[2];
    e[4] = k * ((N - s) * (N - s) - sq);
    v[4] = e[4] * (1 - k) + 4 * lia * h;
    e[5] = k * (N - 1) * (N - 2);
    v[5] = e[5] * (1 - k) + 2 * (N - 1) * (N - 2) * (N - 3) * h;
}

lev_status lev_brokerage(const lev_network *net, lev_params *p, double *raw, double *expected, double *sd,
                         double *z) {
    const void *any = raw ? (const void *)raw : expected ? (const void *)expected : sd ? (const void *)sd : (const void *)z;
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "brokerage", any);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n;
    if (n == 0) return LEV_OK;
    int undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    int threads = c.threads;
    if ((size_t)threads > n) threads = (int)n;
    c.threads = threads;
    size_t ngroups = net->groups.count, nclass = ngroups + 1; /* class ngroups: no group */

    view vo, vi;
    memset(&vo, 0, sizeof vo);
    memset(&vi, 0, sizeof vi);
    uint32_t *cls = NULL, *stamp = NULL, *hist = NULL;
    uint64_t *counts = NULL, *work = NULL, *sizes = NULL;
    double *tab = NULL, *res = NULL;
    size_t ntab = 0;

    cls = lev__ctx_alloc(&c, n, sizeof *cls);
    sizes = lev__ctx_alloc(&c, nclass, 2 * sizeof *sizes);
    if (!cls || !sizes) goto nomem;
    if (view_build(&c, undirected ? VIEW_SYM : VIEW_OUT, 0, 0, NULL, &vo)) goto nomem;
    if (!undirected && view_build(&c, VIEW_IN, 0, 0, NULL, &vi)) goto nomem;
    counts = lev__ctx_alloc(&c, n, 5 * sizeof *counts);
    work = lev__ctx_alloc(&c, n, sizeof *work);
    stamp = alloc3(&c, (size_t)threads, n, sizeof *stamp);
    hist = alloc3(&c, (size_t)threads, nclass, sizeof *hist);
    res = lev__ctx_alloc(&c, n, 4 * LEV_BROKER_ROLES * sizeof *res);
    if (!counts || !work || !stamp || !hist || !res) goto nomem;
    {
        const view *in = undirected ? &vo : &vi;
        memset(sizes, 0, nclass * sizeof *sizes);
        for (size_t v = 0; v < n; v++) {
            uint32_t gid = lev__group_of(net, (uint32_t)v);
            cls[v] = gid == LEV_NONE ? (uint32_t)ngroups : gid;
            sizes[cls[v]]++;
        }
        memset(stamp, 0, (size_t)threads * n * sizeof *stamp);
        memset(hist, 0, (size_t)threads * nclass * sizeof *hist);
        const size_t *oo = vo.off, *io = in->off;
        const uint32_t *ia = in->adj;
#pragma omp parallel for schedule(static) num_threads(threads) if (n >= SMALL)
        for (size_t b = 0; b < n; b++) {
            size_t T = oo[b + 1] - oo[b];
            uint64_t w = 1 + T;
            if (T)
                for (size_t k = io[b]; k < io[b + 1]; k++) {
                    size_t da = oo[ia[k] + 1] - oo[ia[k]];
                    w += da <= SCAN_RATIO * T ? da : T;
                }
            work[b] = w;
        }
        gf_state st = {&vo, in, cls, stamp, hist, n, nclass, counts};
        rc = run_chunks(&c, work, n, gf_actor, &st, "brokerage");
        if (rc) goto done;
    }
    {
        /* The null model: density of distinct non-loop ordered pairs, and class sizes. */
        double N = (double)n;
        double d = n > 1 ? (double)vo.len / (N * (N - 1)) : 0.0;
        uint64_t *sorted = sizes + nclass;
        memcpy(sorted, sizes, nclass * sizeof *sizes);
        qsort(sorted, nclass, sizeof *sorted, cmp_size);
        size_t D = 0;
        for (size_t k = 0; k < nclass; k++)
            if (sorted[k] && (D == 0 || sorted[D - 1] != sorted[k])) sorted[D++] = sorted[k];
        ntab = D * 14; /* per distinct size: e[6] and v[6]; then sz[D], cnt[D] */
        tab = lev__ctx_alloc(&c, ntab, sizeof *tab);
        if (!tab) goto nomem;
        double *sz = tab + 12 * D, *cnt = sz + D, T2 = 0, T3 = 0, Q = 0;
        for (size_t t = 0; t < D; t++) {
            sz[t] = (double)sorted[t];
            cnt[t] = 0;
        }
        /* each class's size index replaces its size in sizes[]; T2, T3, Q over the classes */
        for (size_t k = 0; k < nclass; k++) {
            if (!sizes[k]) continue;
            double s = (double)sizes[k];
            T2 += s * (s - 1);
            T3 += s * (s - 1) * (s - 2);
            Q += s * s;
            size_t lo = 0, hi = D;
            while (lo + 1 < hi) {
                size_t mid = (lo + hi) / 2;
                if (sz[mid] <= s) lo = mid;
                else hi = mid;
            }
            cnt[lo] += 1;
            sizes[k] = lo; /* from here on: the class's size index */
        }
        for (size_t t = 0; t < D; t++) gf_moments(sz[t], N, d, sz, cnt, D, T2, T3, Q, tab + 12 * t, tab + 12 * t + 6);
        const size_t R = LEV_BROKER_ROLES, table = n * R;
        for (size_t v = 0; v < n; v++) {
            const double *e = tab + 12 * sizes[cls[v]], *var = e + 6;
            const uint64_t *cv = counts + 5 * v;
            double x[LEV_BROKER_ROLES];
            uint64_t t = 0;
            for (size_t r = 0; r < 5; r++) {
                x[r] = (double)cv[r];
                t += cv[r];
            }
            x[5] = (double)t;
            for (size_t r = 0; r < R; r++) {
                double sdv = sqrt(var[r]);
                res[v * R + r] = x[r];
                res[table + v * R + r] = e[r];
                res[2 * table + v * R + r] = sdv;
                res[3 * table + v * R + r] = sdv > 0 ? (x[r] - e[r]) / sdv : 0.0;
            }
        }
        if (raw) memcpy(raw, res, table * sizeof *res);
        if (expected) memcpy(expected, res + table, table * sizeof *res);
        if (sd) memcpy(sd, res + 2 * table, table * sizeof *res);
        if (z) memcpy(z, res + 3 * table, table * sizeof *res);
        rc = LEV_OK;
    }
    goto done;
nomem:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "brokerage: out of memory for %zu actors", n);
done:
    view_free(&c, &vo, n);
    view_free(&c, &vi, n);
    if (cls) lev__ctx_free(&c, cls, n, sizeof *cls);
    if (sizes) lev__ctx_free(&c, sizes, nclass, 2 * sizeof *sizes);
    if (counts) lev__ctx_free(&c, counts, n, 5 * sizeof *counts);
    if (work) lev__ctx_free(&c, work, n, sizeof *work);
    if (stamp) lev__ctx_free(&c, stamp, (size_t)threads * n, sizeof *stamp);
    if (hist) lev__ctx_free(&c, hist, (size_t)threads * nclass, sizeof *hist);
    if (res) lev__ctx_free(&c, res, n, 4 * LEV_BROKER_ROLES * sizeof *res);
    if (tab) lev__ctx_free(&c, tab, ntab, sizeof *tab);
    return rc;
}
