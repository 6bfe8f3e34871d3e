/*
 * The compact form: CSR adjacency in both directions, and the model's storage of the edges.
 *
 * Memory: 4 bytes of actor id and 4 bytes of float strength per edge and direction, so 16 bytes
 * per edge for both directions, plus 2 · 8 · (V + 1) bytes of row offsets; companions by out
 * position only where needed (the record order when positions are not in record order, exact
 * double strengths, channels). Rows of `out` are sorted by target and rows of `in` by source,
 * ties (parallel edges) in record order.
 *
 * Compaction (lev__compact) turns the pending records (esrc, etgt, ewf, echan: 12 bytes per edge)
 * into the compact form without a second copy of the edges:
 *   1. count the records per source (row offsets);
 *   2. the order: record numbers placed by source (a stable counting sort), then each row
 *      sorted by target, stably;
 *   3. gather by the order: targets into the esrc block (sources are implied by the rows now),
 *      strengths into a new block;
 *   4. transpose (scan by source, place by target) into the etgt block (targets gathered
 *      already) and the ewf block (strengths gathered already).
 * So the peak is the pending 12 bytes + 4 of order + 4 of out strengths = 20 bytes per edge, and
 * what stays is 16 (20 when the order is not the identity). Two cases need less:
 *   - records already in order of source, then target: the pending blocks are the out rows as
 *     they are (no order), and only the in strengths are new: a peak of 16;
 *   - lev_edges_sort (the records renumbered by position, so no order kept), float strengths, no
 *     channels: targets are gathered into the sources' block, strengths into the targets', and
 *     the strengths' block and the order's take the in rows: a peak of 16, nothing allocated
 *     beyond the order, the offsets and the cursors.
 * Every allocation comes before the
 * first write into a pending block, so a failure leaves the records as they were. Passes 2-4
 * split their items into T contiguous ranges, one per thread, each with its own cursors: thread
 * t's items for a row go after those of threads < t, so the result is the same for any T (the
 * order of a sequential pass). Time O(V + E log d), d the largest out-degree; scratch
 * T · (V + 1) cursors and T · d sort buffers.
 *
 * Then, when the strengths take at most LEV__PAL distinct float values, each direction's floats
 * become one-byte codes into a palette, in their own block, which is then shrunk (code_strengths):
 * 10 bytes per edge instead of 16 (8 when every strength is the same), with no peak above the
 * build's.
 */
#include "internal.h"

#include <string.h>


void lev__csr_free(const lev__mem *m, lev__csr *g) {
    size_t n1 = (size_t)g->n + 1;
    if (g->out_off) {
        lev__free(m, g->out_off, n1 * sizeof(size_t));
        lev__free(m, g->in_off, n1 * sizeof(size_t));
    }
    lev__free(m, g->out_adj, g->m * sizeof(uint32_t));
    lev__free(m, g->in_adj, g->m * sizeof(uint32_t));
    lev__free(m, g->out_w, g->m * sizeof(float)); /* each may be NULL: lev__free skips it */
    lev__free(m, g->in_w, g->m * sizeof(float));
    lev__free(m, g->out_c, g->m);
    lev__free(m, g->in_c, g->m);
    lev__free(m, g->pal, LEV__PAL * sizeof(float));
    memset(g, 0, sizeof *g);
}

/* Thread t's share [share(t), share(t + 1)) of m items. */
static size_t share(size_t m, int T, int t) {
    size_t q = m / (size_t)T, r = m % (size_t)T;
    return q * (size_t)t + ((size_t)t < r ? (size_t)t : r);
}

/* The row holding position k of a CSR with offsets off[0..n]: the last r with off[r] <= k. */
static uint32_t row_of(const size_t *off, uint32_t n, size_t k) {
    uint32_t lo = 0, hi = n; /* off[lo] <= k < off[hi] */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (off[mid] <= k) lo = mid; else hi = mid;
    }
    return lo;
}

/* cnt[t·n1 + v] holds thread t's count of row v; turn them into each thread's first position
 * for row v, and off[0..n] into the row offsets (the totals). Sequential: O(T · V). */
static void cursors(size_t *cnt, size_t *off, uint32_t n, int T) {
    size_t n1 = (size_t)n + 1, sum = 0;
    for (uint32_t v = 0; v < n; v++) {
        off[v] = sum;
        for (int t = 0; t < T; t++) {
            size_t c = cnt[(size_t)t * n1 + v];
            cnt[(size_t)t * n1 + v] = sum;
            sum += c;
        }
    }
    off[n] = sum;
}

/* Inside a parallel region of T threads: thread t counts the keys key[lo..hi) per row, then
 * (after a barrier, by one thread) the counts become each thread's cursors and off[] the row
 * offsets. On return every thread's cursors, cnt + t·(n + 1), are ready. */
static void count_rows(const uint32_t *key, size_t lo, size_t hi, size_t *cnt, int t, size_t *off, uint32_t n,
                       int T) {
    size_t n1 = (size_t)n + 1, *c = cnt + (size_t)t * n1;
    memset(c, 0, n1 * sizeof *c);
    for (size_t k = lo; k < hi; k++) c[key[k]]++;
#pragma omp barrier
#pragma omp single
    cursors(cnt, off, n, T);
}

/* Pass 2 or 3: scan the rows of (soff, sadj, sw) in order, place each entry (row r, key sadj[k])
 * at the key's cursor in (dadj, dw), writing r. The T threads scan contiguous position ranges;
 * doff receives the destination offsets. */
static void transpose(const size_t *soff, const uint32_t *sadj, const float *sw, uint32_t n, size_t m,
                      size_t *doff, uint32_t *dadj, float *dw, size_t *cnt, int T) {
    size_t n1 = (size_t)n + 1;
#pragma omp parallel num_threads(T)
    {
        int t = lev__thread_num();
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        size_t *c = cnt + (size_t)t * n1;
        count_rows(sadj, lo, hi, cnt, t, doff, n, T);
        if (lo < hi) {
            uint32_t r = row_of(soff, n, lo);
            size_t end = soff[r + 1];
            for (size_t k = lo; k < hi; k++) {
                while (k == end) end = soff[++r + 1]; /* skips empty rows */
                size_t j = c[sadj[k]]++;
                dadj[j] = r;
                dw[j] = sw[k];
            }
        }
    }
}

/* Stable sort of a row of record numbers o[0..len) by key tgt[o[i]]: insertion sort of runs of
 * RUN, then bottom-up merges through the scratch tk (keys), to (records): len entries each. */
#define RUN 24

#define ROW_SORT(NAME, OT)                                                                                \
    static void NAME(OT *o, size_t len, const uint32_t *tgt, uint32_t *k, uint32_t *tk, OT *to) {          \
        for (size_t i = 0; i < len; i++) k[i] = tgt[o[i]];                                                 \
        for (size_t r = 0; r < len; r += RUN) {                                                            \
            size_t e = r + RUN < len ? r + RUN : len;                                                      \
            for (size_t i = r + 1; i < e; i++) {                                                           \
                uint32_t x = k[i];                                                                         \
                OT y = o[i];                                                                               \
                size_t j = i;                                                                              \
                for (; j > r && k[j - 1] > x; j--) k[j] = k[j - 1], o[j] = o[j - 1];                       \
                k[j] = x;                                                                                  \
                o[j] = y;                                                                                  \
            }                                                                                              \
        }                                                                                                  \
        if (len <= RUN) return;                                                                            \
        uint32_t *sk = k, *dk = tk;                                                                        \
        OT *so = o, *dd = to;                                                                              \
        for (size_t width = RUN; width < len; width *= 2) {                                                \
            for (size_t lo = 0; lo < len; lo += 2 * width) {                                               \
                size_t mid = lo + width < len ? lo + width : len, hi = lo + 2 * width < len ? lo + 2 * width : len; \
                size_t i = lo, j = mid, q = lo;                                                            \
                while (i < mid && j < hi) {                                                                \
                    if (sk[j] < sk[i]) dk[q] = sk[j], dd[q++] = so[j++]; /* equal keys: left first */      \
                    else dk[q] = sk[i], dd[q++] = so[i++];                                                 \
                }                                                                                          \
                for (; i < mid; i++, q++) dk[q] = sk[i], dd[q] = so[i];                                    \
                for (; j < hi; j++, q++) dk[q] = sk[j], dd[q] = so[j];                                     \
            }                                                                                              \
            uint32_t *x = sk; sk = dk; dk = x;                                                             \
            OT *y = so; so = dd; dd = y;                                                                   \
        }                                                                                                  \
        if (so != o) memcpy(o, so, len * sizeof *o);                                                       \
    }
ROW_SORT(sort_row32, uint32_t)
ROW_SORT(sort_row64, size_t)

static int shrink(const lev__mem *mem, void **p, size_t *cap, size_t m, size_t size) {
    if (*cap == m || !*p) return 0;
    void *q = mem->f(mem->ud, *p, *cap * size, m * size);
    if (!q) return -1;
    *p = q;
    *cap = m;
    return 0;
}

/* Whether the m pending records are in order of source, then target (every record pending). */
static int pending_sorted(const lev_network *net, int T) {
    const uint32_t *src = net->esrc, *tgt = net->etgt;
    size_t m = net->m;
    int ok = 1;
    (void)T; /* without OpenMP */
#pragma omp parallel for schedule(static) num_threads(T) reduction(&& : ok)
    for (long kk = 1; kk < (long)m; kk++) {
        size_t k = (size_t)kk;
        ok = ok && (src[k - 1] < src[k] || (src[k - 1] == src[k] && tgt[k - 1] <= tgt[k]));
    }
    return ok;
}

/* Steps 1-2 of the header, every record pending: the row offsets off[0..n] by source, and into
 * ord (m entries, size_t when wide, else uint32_t) the record numbers by source, in record order,
 * then each row sorted by target, stably. cnt: T · (n + 1) cursors. Allocates only the sort
 * buffers (T · d entries, d the largest out-degree), before writing anything: LEV_ENOMEM leaves
 * the outputs unwritten. */
static lev_status order_records(const lev_network *net, int T, size_t *cnt, size_t *off, void *ord, int wide) {
    const lev__mem *mem = &net->mem;
    uint32_t n = net->actors.count;
    size_t m = net->m, n1 = (size_t)n + 1, dmax = 0, osz = wide ? sizeof(size_t) : sizeof(uint32_t);
    const uint32_t *src = net->esrc, *tgt = net->etgt;
    /* 1. rows by source: per-thread counts; the largest row sizes the sort buffers */
#pragma omp parallel num_threads(T)
    {
        int t = lev__thread_num();
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        size_t *c = cnt + (size_t)t * n1;
        memset(c, 0, n1 * sizeof *c);
        for (size_t e = lo; e < hi; e++) c[src[e]]++;
    }
    for (uint32_t v = 0; v < n; v++) {
        size_t d = 0;
        for (int t = 0; t < T; t++) d += cnt[(size_t)t * n1 + v];
        if (d > dmax) dmax = d;
    }
    void *scr = NULL;
    size_t scr_size = 0;
    if (m && dmax > 1) {
        if (dmax > SIZE_MAX / (2 * sizeof(uint32_t) + osz) / (size_t)T) return LEV_ENOMEM;
        scr_size = (size_t)T * dmax * (2 * sizeof(uint32_t) + osz);
        if (!(scr = lev__alloc(mem, scr_size))) return LEV_ENOMEM;
    }
    cursors(cnt, off, n, T);
    uint32_t *o32 = wide ? NULL : ord;
    size_t *o64 = wide ? ord : NULL;
    /* 2. the order: record numbers by source, in record order, then each row by target */
#pragma omp parallel num_threads(T)
    {
        int t = lev__thread_num();
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        size_t *c = cnt + (size_t)t * n1;
        if (o32)
            for (size_t e = lo; e < hi; e++) o32[c[src[e]]++] = (uint32_t)e;
        else
            for (size_t e = lo; e < hi; e++) o64[c[src[e]]++] = e;
    }
    if (scr) {
#pragma omp parallel num_threads(T)
        {
            int t = lev__thread_num();
            char *b = (char *)scr + (size_t)t * dmax * (2 * sizeof(uint32_t) + osz);
            uint32_t *k = (uint32_t *)(void *)b, *tk = k + dmax;
            void *to = tk + dmax;
#pragma omp for schedule(dynamic, 256)
            for (long r = 0; r < (long)n; r++) {
                size_t a = off[r], len = off[r + 1] - a;
                if (len < 2) continue;
                if (o32) sort_row32(o32 + a, len, tgt, k, tk, to);
                else sort_row64(o64 + a, len, tgt, k, tk, to);
            }
        }
        lev__free(mem, scr, scr_size);
    }
    return LEV_OK;
}

/* Install a built compact form, the pending blocks now its arrays or freed. */
static void finish(lev_network *net, size_t *out_off, size_t *in_off, uint32_t *out_adj, uint32_t *in_adj,
                   float *out_w, float *in_w, double *out_x, uint32_t *out_chan, uint32_t *o32, size_t *o64) {
    size_t m = net->m;
    net->esrc = net->etgt = net->echan = NULL;
    net->ewf = NULL;
    net->ew = NULL;
    net->scap = net->tcap = net->wcap = net->ccap = 0;
    lev__csr *g = &net->csr;
    g->n = net->actors.count;
    g->m = m;
    g->out_off = out_off;
    g->in_off = in_off;
    g->out_adj = m ? out_adj : NULL;
    g->in_adj = m ? in_adj : NULL;
    g->out_w = m ? out_w : NULL;
    g->in_w = m ? in_w : NULL;
    net->out_x = out_x;
    net->out_chan = out_chan;
    net->order32 = o32;
    net->order64 = o64;
    atomic_store_explicit(&net->rpos_ready, o32 == NULL && o64 == NULL, memory_order_relaxed);
}

/* A thread for every ~256k edges at most: below that the cursors cost more than they save.
 * One without OpenMP: the passes split their items by lev__thread_num(), always 0 then. */
static int build_threads(size_t m, int threads) {
    int T = threads < 1 ? 1 : threads;
    if ((size_t)T > m / 262144 + 1) T = (int)(m / 262144 + 1);
#ifndef _OPENMP
    T = 1;
#endif
    return T;
}

/* Every record pending (csr.m == 0): build the compact form from them, as the header says.
 * keep = 0 (lev_edges_sort): the records are renumbered by position, so no order is kept. */
static lev_status build(lev_network *net, int threads, int keep) {
    const lev__mem *mem = &net->mem;
    uint32_t n = net->actors.count;
    size_t m = net->m, n1 = (size_t)n + 1;
    int T = build_threads(m, threads);
    int wide = m > UINT32_MAX, dbl = net->ew != NULL, ch = net->echan != NULL;
    if (m > SIZE_MAX / sizeof(double) / 2) return LEV_ENOMEM; /* no array of it can be sized */
    /* The pending blocks become compact arrays of exactly m entries. */
    if (!m) { /* capacity left by a rollback */
        lev__free(mem, net->esrc, net->scap * sizeof(uint32_t));
        lev__free(mem, net->etgt, net->tcap * sizeof(uint32_t));
        lev__free(mem, net->ewf, net->ewf ? net->wcap * sizeof(float) : 0);
        lev__free(mem, net->ew, net->ew ? net->wcap * sizeof(double) : 0);
        lev__free(mem, net->echan, net->ccap * sizeof(uint32_t));
        net->esrc = net->etgt = net->echan = NULL;
        net->ewf = NULL;
        net->ew = NULL;
        net->scap = net->tcap = net->wcap = net->ccap = 0;
        dbl = ch = 0;
    } else {
        void *p;
        int bad = 0;
        p = net->esrc; bad |= shrink(mem, &p, &net->scap, m, sizeof(uint32_t)); net->esrc = p;
        p = net->etgt; bad = bad || shrink(mem, &p, &net->tcap, m, sizeof(uint32_t)); net->etgt = p;
        if (dbl) { p = net->ew; bad = bad || shrink(mem, &p, &net->wcap, m, sizeof(double)); net->ew = p; }
        else { p = net->ewf; bad = bad || shrink(mem, &p, &net->wcap, m, sizeof(float)); net->ewf = p; }
        if (ch) { p = net->echan; bad = bad || shrink(mem, &p, &net->ccap, m, sizeof(uint32_t)); net->echan = p; }
        if (bad) return LEV_ENOMEM;
    }
    size_t osz = wide ? sizeof(size_t) : sizeof(uint32_t);
    size_t *cnt = n1 > SIZE_MAX / sizeof(size_t) / (size_t)T ? NULL : lev__alloc_array(mem, n1 * (size_t)T, sizeof *cnt);
    size_t *out_off = lev__alloc_array(mem, n1, sizeof(size_t)), *in_off = lev__alloc_array(mem, n1, sizeof(size_t));
    void *ord = NULL;
    float *out_w = NULL, *in_w = NULL;
    double *out_x = NULL;
    uint32_t *out_chan = NULL;
    int sorted = m && pending_sorted(net, T);
    lev_status rc = LEV_ENOMEM;
    if (!cnt || !out_off || !in_off) goto fail;
    const uint32_t *src = net->esrc, *tgt = net->etgt;
    if (sorted) {
        /* Already in order of source, then target (lev_edges_sort, or added so): the pending
         * blocks are the out rows as they are, and no order is needed. Peak 12 + 4 bytes. */
        in_w = lev__alloc_array(mem, m, sizeof(float));
        if (dbl) out_w = lev__alloc_array(mem, m, sizeof(float));
        if (!in_w || (dbl && !out_w)) goto fail;
#pragma omp parallel num_threads(T)
        {
            int t = lev__thread_num();
            count_rows(src, share(m, T, t), share(m, T, t + 1), cnt, t, out_off, n, T);
        }
        if (dbl) {
            out_x = net->ew;
#pragma omp parallel for schedule(static) num_threads(T)
            for (long k = 0; k < (long)m; k++) out_w[k] = (float)out_x[k];
        } else {
            out_w = net->ewf;
        }
        if (ch) out_chan = net->echan;
        transpose(out_off, net->etgt, out_w, n, m, in_off, net->esrc, in_w, cnt, T);
        lev__free(mem, cnt, n1 * (size_t)T * sizeof *cnt);
        finish(net, out_off, in_off, net->etgt, net->esrc, out_w, in_w, out_x, out_chan, NULL, NULL);
        return LEV_OK;
    }
    /* Renumbered, with float strengths and no channels: every block the build needs is one the
     * records or the order leave behind, so the peak is the records' 12 bytes + 4 of order. */
    int lean = m && !keep && !dbl && !ch && !wide;
    if (lean) {
        if (!(ord = lev__alloc_array(mem, m, osz))) goto fail;
        if ((rc = order_records(net, T, cnt, out_off, ord, wide)) != LEV_OK) goto fail;
        /* Nothing can fail from here on. Targets by the order into the sources' block (rows
         * imply the sources now), strengths into the targets' block; the strengths' block and
         * the order's take the in rows. */
        const uint32_t *o = ord;
        uint32_t *oa = net->esrc;
        float *ow = (float *)(void *)net->etgt;
        const float *wf = net->ewf;
#pragma omp parallel for schedule(static) num_threads(T)
        for (long k = 0; k < (long)m; k++) oa[k] = tgt[o[k]];
#pragma omp parallel for schedule(static) num_threads(T)
        for (long k = 0; k < (long)m; k++) ow[k] = wf[o[k]];
        uint32_t *ia = (uint32_t *)(void *)net->ewf;
        float *iw = (float *)ord;
        transpose(out_off, oa, ow, n, m, in_off, ia, iw, cnt, T);
        lev__free(mem, cnt, n1 * (size_t)T * sizeof *cnt);
        finish(net, out_off, in_off, oa, ia, ow, iw, NULL, NULL, NULL, NULL);
        return LEV_OK;
    }
    if (m) {
        ord = lev__alloc_array(mem, m, osz);
        out_w = lev__alloc_array(mem, m, sizeof(float));
        if (dbl) {
            out_x = lev__alloc_array(mem, m, sizeof(double));
            in_w = lev__alloc_array(mem, m, sizeof(float));
        }
        if (ch) out_chan = lev__alloc_array(mem, m, sizeof(uint32_t));
        if (!ord || !out_w || (dbl && (!out_x || !in_w)) || (ch && !out_chan)) goto fail;
    }
    /* 1-2. the row offsets and the order */
    if ((rc = order_records(net, T, cnt, out_off, ord, wide)) != LEV_OK) goto fail;
    /* Nothing can fail from here on. */
    uint32_t *o32 = wide ? NULL : ord;
    size_t *o64 = wide ? ord : NULL;
    /* 3. gather by the order: targets into the esrc block, strengths (and channels) into theirs */
    uint32_t *out_adj = net->esrc;
    const float *wf = net->ewf;
    const double *wd = net->ew;
    const uint32_t *chan = net->echan;
    int identity = 1;
#pragma omp parallel for schedule(static) num_threads(T) reduction(&& : identity)
    for (long kk = 0; kk < (long)m; kk++) {
        size_t k = (size_t)kk, e = o32 ? o32[k] : o64[k];
        identity = identity && e == k;
        out_adj[k] = tgt[e];
        if (wd) {
            out_x[k] = wd[e];
            out_w[k] = (float)wd[e];
        } else {
            out_w[k] = wf[e];
        }
        if (chan) out_chan[k] = chan[e];
    }
    /* 4. scan by source, place by target: in rows come out sorted by source, ties (parallel
     * edges) in the out rows' order, which is record order */
    uint32_t *in_adj = net->etgt;
    if (!dbl) in_w = net->ewf;
    transpose(out_off, out_adj, out_w, n, m, in_off, in_adj, in_w, cnt, T);
    lev__free(mem, cnt, n1 * (size_t)T * sizeof *cnt);
    if (dbl) lev__free(mem, net->ew, m * sizeof(double));
    if (ch) lev__free(mem, net->echan, m * sizeof(uint32_t));
    if (identity || !keep) {
        lev__free(mem, ord, m * osz);
        o32 = NULL;
        o64 = NULL;
    }
    finish(net, out_off, in_off, out_adj, in_adj, out_w, in_w, out_x, out_chan, o32, o64);
    return LEV_OK;
fail:
    lev__free(mem, cnt, cnt ? n1 * (size_t)T * sizeof *cnt : 0);
    lev__free(mem, out_off, n1 * sizeof(size_t));
    lev__free(mem, in_off, n1 * sizeof(size_t));
    lev__free(mem, ord, m * osz);
    if (!sorted) {
        lev__free(mem, out_w, m * sizeof(float));
        lev__free(mem, out_x, m * sizeof(double));
        lev__free(mem, out_chan, m * sizeof(uint32_t));
    } else if (dbl) {
        lev__free(mem, out_w, m * sizeof(float));
    }
    lev__free(mem, in_w, m * sizeof(float));
    return rc;
}

void lev__compact_free(lev_network *net) {
    const lev__mem *mem = &net->mem;
    size_t mc = net->csr.m;
    lev__free(mem, net->out_x, mc * sizeof *net->out_x);
    lev__free(mem, net->out_chan, mc * sizeof *net->out_chan);
    lev__free(mem, net->order32, mc * sizeof *net->order32);
    lev__free(mem, net->order64, mc * sizeof *net->order64);
    lev__free(mem, net->rpos32, mc * sizeof *net->rpos32);
    lev__free(mem, net->rpos64, mc * sizeof *net->rpos64);
    net->out_x = NULL;
    net->out_chan = net->order32 = net->rpos32 = NULL;
    net->order64 = net->rpos64 = NULL;
    lev__csr_free(mem, &net->csr);
    atomic_store_explicit(&net->rpos_ready, 0, memory_order_relaxed);
}

/* Records were added after a compaction: put every record back in pending form (in record
 * order), then build afresh. Allocates the new pending blocks first: a failure changes nothing.
 * Peak: the compact form plus 12 bytes per edge (20 with double strengths). */
static lev_status decompact(lev_network *net) {
    const lev__mem *mem = &net->mem;
    const lev__csr *g = &net->csr;
    size_t mc = g->m, m = net->m, p = m - mc;
    int dbl = net->out_x || net->ew, ch = net->out_chan || net->echan;
    uint32_t *S = lev__alloc_array(mem, m, sizeof *S), *Tg = lev__alloc_array(mem, m, sizeof *Tg);
    float *Wf = dbl ? NULL : lev__alloc_array(mem, m, sizeof *Wf);
    double *Wd = dbl ? lev__alloc_array(mem, m, sizeof *Wd) : NULL;
    uint32_t *C = ch ? lev__alloc_array(mem, m, sizeof *C) : NULL;
    if (!S || !Tg || (!Wf && !Wd) || (ch && !C)) {
        lev__free(mem, S, m * sizeof *S);
        lev__free(mem, Tg, m * sizeof *Tg);
        lev__free(mem, Wf, Wf ? m * sizeof *Wf : 0);
        lev__free(mem, Wd, Wd ? m * sizeof *Wd : 0);
        lev__free(mem, C, C ? m * sizeof *C : 0);
        return LEV_ENOMEM;
    }
    for (uint32_t u = 0; u < g->n; u++)
        for (size_t k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
            size_t e = lev__order(net, k);
            S[e] = u;
            Tg[e] = g->out_adj[k];
            if (Wd) Wd[e] = lev__pos_w(net, k);
            else Wf[e] = lev__ow(g, k);
            if (C) C[e] = net->out_chan ? net->out_chan[k] : LEV_NONE;
        }
    for (size_t i = 0; i < p; i++) {
        S[mc + i] = net->esrc[i];
        Tg[mc + i] = net->etgt[i];
        if (Wd) Wd[mc + i] = net->ew ? net->ew[i] : (double)net->ewf[i];
        else Wf[mc + i] = net->ewf[i];
        if (C) C[mc + i] = net->echan ? net->echan[i] : LEV_NONE;
    }
    lev__compact_free(net);
    lev__free(mem, net->esrc, net->scap * sizeof *net->esrc);
    lev__free(mem, net->etgt, net->tcap * sizeof *net->etgt);
    lev__free(mem, net->ew, net->ew ? net->wcap * sizeof *net->ew : 0);
    lev__free(mem, net->ewf, net->ewf ? net->wcap * sizeof *net->ewf : 0);
    lev__free(mem, net->echan, net->ccap * sizeof *net->echan);
    net->esrc = S;
    net->etgt = Tg;
    net->ewf = Wf;
    net->ew = Wd;
    net->echan = C;
    net->scap = net->tcap = net->wcap = m;
    net->ccap = C ? m : 0;
    return LEV_OK;
}

/* Actors were added since the last compaction, and no edge: longer offsets, the new rows empty. */
static lev_status grow_rows(lev_network *net) {
    const lev__mem *mem = &net->mem;
    lev__csr *g = &net->csr;
    uint32_t n = net->actors.count;
    size_t n1 = (size_t)n + 1, o1 = (size_t)g->n + 1;
    size_t *a = lev__alloc_array(mem, n1, sizeof *a), *b = lev__alloc_array(mem, n1, sizeof *b);
    if (!a || !b) {
        lev__free(mem, a, a ? n1 * sizeof *a : 0);
        lev__free(mem, b, b ? n1 * sizeof *b : 0);
        return LEV_ENOMEM;
    }
    memcpy(a, g->out_off, o1 * sizeof *a);
    memcpy(b, g->in_off, o1 * sizeof *b);
    for (size_t v = o1; v < n1; v++) a[v] = b[v] = g->m;
    lev__free(mem, g->out_off, o1 * sizeof *a);
    lev__free(mem, g->in_off, o1 * sizeof *b);
    g->out_off = a;
    g->in_off = b;
    g->n = n;
    return LEV_OK;
}

/* The records' order by position of the compact form is gone: positions are the numbers now. */
static void drop_order(lev_network *net) {
    const lev__mem *mem = &net->mem;
    size_t mc = net->csr.m;
    lev__free(mem, net->order32, net->order32 ? mc * sizeof *net->order32 : 0);
    lev__free(mem, net->order64, net->order64 ? mc * sizeof *net->order64 : 0);
    lev__free(mem, net->rpos32, net->rpos32 ? mc * sizeof *net->rpos32 : 0);
    lev__free(mem, net->rpos64, net->rpos64 ? mc * sizeof *net->rpos64 : 0);
    net->order32 = net->rpos32 = NULL;
    net->order64 = net->rpos64 = NULL;
    atomic_store_explicit(&net->rpos_ready, 1, memory_order_release);
}

/* ---- coded strengths ---------------------------------------------------------------------------- */

/* A set of at most LEV__PAL float bit patterns: open addressing over 4 · LEV__PAL slots. */
#define PAL_SLOTS (4 * LEV__PAL)
typedef struct pal_set {
    uint32_t key[PAL_SLOTS];
    uint16_t val[PAL_SLOTS]; /* code + 1, 0 = empty */
    unsigned count;
} pal_set;

static unsigned pal_home(uint32_t bits) { return (bits * 0x9E3779B1u) >> 22; } /* 10 bits: PAL_SLOTS */

/* The slot of bits in ps: where it is, or the empty slot where it would go. */
static unsigned pal_slot(const pal_set *ps, uint32_t bits) {
    unsigned h = pal_home(bits);
    while (ps->val[h] && ps->key[h] != bits) h = (h + 1) & (PAL_SLOTS - 1);
    return h;
}

static uint32_t f_bits(float x) {
    uint32_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

/* Codes of w[lo..hi) by ps (every value is in it), written from byte `at` of w's block onward:
 * at <= 4 lo, so each byte written lies at or before the float it codes, which was read. */
static void code_range(const pal_set *ps, float *w, size_t lo, size_t hi, size_t at) {
    uint8_t *c = (uint8_t *)(void *)w + at;
    uint32_t last = f_bits(w[lo]) ^ 1u;
    uint8_t lc = 0;
    for (size_t k = lo; k < hi; k++) {
        uint32_t b = f_bits(w[k]);
        if (b != last) {
            last = b;
            lc = (uint8_t)(ps->val[pal_slot(ps, b)] - 1);
        }
        *c++ = lc;
    }
}

/* One direction, floats w[0..m) → codes in the same block, shrunk to m bytes; with one value
 * only, no codes: the block is freed. On failure to shrink, the floats are put back (codes read
 * last to first: float k lies at or after code k). */
static int code_side(const lev__mem *mem, const pal_set *ps, const float *pal, float **wp, uint8_t **cp, size_t m,
                     int T) {
    float *w = *wp;
    if (ps->count == 1) {
        lev__free(mem, w, m * sizeof(float));
        *wp = NULL;
        return 0;
    }
#pragma omp parallel num_threads(T)
    {
        int t = lev__thread_num();
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        if (lo < hi) code_range(ps, w, lo, hi, 4 * lo);
    }
    uint8_t *c = (uint8_t *)(void *)w;
    for (int t = 1; t < T; t++) { /* in thread order: each range moves down, past nothing unread */
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        if (lo < hi) memmove(c + lo, c + 4 * lo, hi - lo);
    }
    void *q = mem->f(mem->ud, w, m * sizeof(float), m);
    if (!q) {
        for (size_t k = m; k-- > 0;) w[k] = pal[c[k]];
        return -1;
    }
    *wp = NULL;
    *cp = q;
    return 0;
}

/* Code the compact form's strengths when they take at most LEV__PAL distinct values: 16 bytes per
 * edge become 10, or 8 when every strength is the same (an unweighted network). An optimization
 * only: on any failure (out of memory), the floats stay, wholly or for one direction, and the
 * strengths read the same. O(E) time, 6 KiB of scratch (the set) and the 1 KiB palette. */
static void code_strengths(lev_network *net, int T) {
    lev__csr *g = &net->csr;
    const lev__mem *mem = &net->mem;
    size_t m = g->m;
    if (!m || !g->out_w || !g->in_w || g->pal) return;
    pal_set *ps = lev__alloc(mem, sizeof *ps);
    if (!ps) return;
    memset(ps, 0, sizeof *ps);
    const float *w = g->out_w;
    uint32_t last = f_bits(w[0]) ^ 1u;
    for (size_t k = 0; k < m; k++) { /* the in strengths are the same values, permuted */
        uint32_t b = f_bits(w[k]);
        if (b == last) continue;
        last = b;
        unsigned h = pal_slot(ps, b);
        if (ps->val[h]) continue;
        if (ps->count == LEV__PAL) goto done;
        ps->key[h] = b;
        ps->val[h] = (uint16_t)++ps->count;
    }
    float *pal = lev__alloc(mem, LEV__PAL * sizeof(float));
    if (!pal) goto done;
    for (unsigned h = 0; h < PAL_SLOTS; h++)
        if (ps->val[h]) memcpy(&pal[ps->val[h] - 1], &ps->key[h], sizeof(float));
    for (unsigned i = ps->count; i < LEV__PAL; i++) pal[i] = 0;
    g->pal = pal;
    int bad_out = code_side(mem, ps, pal, &g->out_w, &g->out_c, m, T);
    int bad_in = code_side(mem, ps, pal, &g->in_w, &g->in_c, m, T);
    if (bad_out && bad_in) {
        lev__free(mem, pal, LEV__PAL * sizeof(float));
        g->pal = NULL;
    }
done:
    lev__free(mem, ps, sizeof *ps);
}

/* lev__compact, and with keep = 0 (lev_edges_sort) the records renumbered by position. */
static lev_status compact_as(lev_network *net, int threads, int keep) {
    lev_status rc = LEV_OK;
    if (atomic_load_explicit(&net->csr_ready, memory_order_relaxed)) {
        /* current */
    } else if (net->m == net->csr.m && net->csr.out_off) {
        if (net->actors.count > net->csr.n) rc = grow_rows(net);
    } else {
        if (net->csr.m) rc = decompact(net);
        if (!rc) {
            lev__compact_free(net); /* an empty compact form of fewer actors */
            rc = build(net, threads, keep);
        }
        if (!rc) code_strengths(net, build_threads(net->m, threads));
    }
    if (rc) return rc;
    if (!keep) drop_order(net);
    atomic_store_explicit(&net->csr_ready, 1, memory_order_release);
    return LEV_OK;
}

lev_status lev__compact(lev_network *net, int threads) { return compact_as(net, threads, 1); }

lev_status lev__rpos_build(lev_network *net) {
    if (atomic_load_explicit(&net->rpos_ready, memory_order_acquire)) return LEV_OK;
    size_t mc = net->csr.m;
    if (net->order32) {
        uint32_t *r = lev__alloc_array(&net->mem, mc, sizeof *r);
        if (!r) return LEV_ENOMEM;
        for (size_t k = 0; k < mc; k++) r[net->order32[k]] = (uint32_t)k;
        net->rpos32 = r;
    } else if (net->order64) {
        size_t *r = lev__alloc_array(&net->mem, mc, sizeof *r);
        if (!r) return LEV_ENOMEM;
        for (size_t k = 0; k < mc; k++) r[net->order64[k]] = k;
        net->rpos64 = r;
    }
    atomic_store_explicit(&net->rpos_ready, 1, memory_order_release);
    return LEV_OK;
}

/* ---- renumbering by source, then target (lev_edges_sort) ----------------------------------------- */

lev_status lev_edges_sort(lev_network *net, lev_params *p) {
    lev__ctx c;
    lev_status rc = lev__ctx_open(&c, net, p, "edges_sort");
    if (rc) return rc;
    pthread_mutex_lock(&net->lock);
    rc = compact_as(net, c.threads, 0);
    pthread_mutex_unlock(&net->lock);
    if (rc) return lev__ctx_fail(&c, rc, "edges_sort: out of memory for %zu edges", net->m);
    return LEV_OK;
}

static void rec(const lev_network *net, size_t e, uint32_t *s, uint32_t *t, double *w, uint32_t *chan) {
    const lev__csr *g = &net->csr;
    if (e >= g->m) {
        size_t p = e - g->m;
        *s = net->esrc[p];
        *t = net->etgt[p];
        *w = net->ew ? net->ew[p] : (double)net->ewf[p];
        *chan = net->echan ? net->echan[p] : LEV_NONE;
        return;
    }
    size_t k = net->rpos32 ? net->rpos32[e] : net->rpos64 ? net->rpos64[e] : e;
    *s = row_of(g->out_off, g->n, k);
    *t = g->out_adj[k];
    *w = lev__pos_w(net, k);
    *chan = net->out_chan ? net->out_chan[k] : LEV_NONE;
}

lev_status lev__recs_read(const lev_network *net, size_t e0, size_t count, uint32_t *s, uint32_t *t, double *w,
                          uint32_t *chan) {
    lev_network *wn = (lev_network *)net; /* the lock and the record index are caches */
    /* Not current: pending records, which a concurrent analysis may be compacting, so read under
     * the lock. Current and indexed: nothing can move until the next mutation. */
    int lock = !atomic_load_explicit(&net->csr_ready, memory_order_acquire) ||
               !atomic_load_explicit(&net->rpos_ready, memory_order_acquire);
    if (lock) pthread_mutex_lock(&wn->lock);
    lev_status rc = e0 < net->csr.m ? lev__rpos_build(wn) : LEV_OK;
    if (!rc)
        for (size_t i = 0; i < count; i++) {
            uint32_t a, b, c;
            double x;
            rec(net, e0 + i, &a, &b, &x, &c);
            if (s) s[i] = a;
            if (t) t[i] = b;
            if (w) w[i] = x;
            if (chan) chan[i] = c;
        }
    if (lock) pthread_mutex_unlock(&wn->lock);
    return rc;
}

/* ---- repeated edges and self-loops ------------------------------------------------------------ */

lev_status lev_edge_repeats(const lev_network *net, lev_params *p, size_t *loops, size_t *first_loop,
                            size_t *repeats, size_t *first_repeat) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "edge_repeats", (const void *)net); /* outputs may all be NULL */
    if (rc) return rc;
    const lev__csr *g = c.g;
    const uint32_t *ch = net->out_chan;
    size_t nl = 0, fl = SIZE_MAX, nr = 0, fr = SIZE_MAX;
    for (uint32_t u = 0; u < g->n; u++) {
        size_t end = g->out_off[u + 1];
        for (size_t k = g->out_off[u]; k < end;) {
            /* a group of equal targets, in record order */
            size_t j = k + 1;
            while (j < end && g->out_adj[j] == g->out_adj[k]) j++;
            if (g->out_adj[k] == u) {
                nl += j - k;
                size_t e = lev__order(net, k); /* the group's first is its earliest */
                if (e < fl) fl = e;
            }
            for (size_t q = k + 1; q < j; q++) {
                int rep = !ch;
                for (size_t r = k; r < q && !rep; r++) rep = ch[r] == ch[q];
                if (!rep) continue;
                nr++;
                size_t e = lev__order(net, q);
                if (e < fr) fr = e;
            }
            k = j;
        }
    }
    if (loops) *loops = nl;
    if (first_loop) *first_loop = fl;
    if (repeats) *repeats = nr;
    if (first_repeat) *first_repeat = fr;
    return LEV_OK;
}

/* ---- the folded view: distinct neighbours, self-loops apart -------------------------------------- */

size_t lev__fold_row(const lev__csr *g, uint32_t v, int dir, int how, uint32_t *adj, double *w, double *loops) {
    size_t i = 0, i1 = 0, j = 0, j1 = 0, cnt = 0;
    if (dir & LEV__VIEW_OUT) {
        i = g->out_off[v];
        i1 = g->out_off[v + 1];
    }
    if (dir & LEV__VIEW_IN) {
        j = g->in_off[v];
        j1 = g->in_off[v + 1];
    }
    double lp = 0;
    while (i < i1 || j < j1) {
        uint32_t a = i < i1 ? g->out_adj[i] : UINT32_MAX, b = j < j1 ? g->in_adj[j] : UINT32_MAX;
        uint32_t u = a < b ? a : b;
        double x;
        if (how == LEV__FOLD_MAX) {
            float best = 0;
            for (; i < i1 && g->out_adj[i] == u; i++)
                if (lev__ow(g, i) > best) best = lev__ow(g, i);
            for (; j < j1 && g->in_adj[j] == u; j++)
                if (lev__iw(g, j) > best) best = lev__iw(g, j);
            x = (double)best;
        } else if (how == LEV__FOLD_SUM) {
            /* one accumulator, out entries then in entries, each in row order */
            x = 0;
            for (; i < i1 && g->out_adj[i] == u; i++) x += (double)lev__ow(g, i);
            for (; j < j1 && g->in_adj[j] == u; j++) x += (double)lev__iw(g, j);
        } else {
            size_t k = 0;
            for (; i < i1 && g->out_adj[i] == u; i++) k++;
            for (; j < j1 && g->in_adj[j] == u; j++) k++;
            x = (double)k;
        }
        if (u == v) {
            lp += x;
            continue;
        }
        if (adj) {
            adj[cnt] = u;
            if (w) w[cnt] = x;
        }
        cnt++;
    }
    if (loops) *loops = lp;
    return cnt;
}

void lev__view_free(const lev__ctx *c, lev__view *vw) {
    size_t cap = vw->m ? vw->m : 1;
    if (vw->off) lev__ctx_free(c, vw->off, (size_t)vw->n + 1, sizeof *vw->off);
    lev__ctx_free(c, vw->adj, cap, sizeof *vw->adj);
    lev__ctx_free(c, vw->w, cap, sizeof *vw->w);
    memset(vw, 0, sizeof *vw);
}

/* Two passes over the rows, each split statically between the threads (rows are independent,
 * so the view is the same for any number of threads): count, then fill at the offsets. */
lev_status lev__view_build(const lev__ctx *c, int dir, int how, int with_w, lev__view *vw) {
    const lev__csr *g = c->g;
    uint32_t n = g->n;
    int threads = c->threads;
    (void)threads;
    memset(vw, 0, sizeof *vw);
    vw->n = n;
    vw->off = lev__ctx_alloc(c, (size_t)n + 1, sizeof *vw->off);
    if (!vw->off) return LEV_ENOMEM;
    size_t *off = vw->off;
#pragma omp parallel for schedule(static) num_threads(threads) if (n >= LEV__VIEW_PARALLEL)
    for (uint32_t v = 0; v < n; v++) off[v + 1] = lev__fold_row(g, v, dir, LEV__FOLD_COUNT, NULL, NULL, NULL);
    off[0] = 0;
    for (uint32_t v = 0; v < n; v++) off[v + 1] += off[v];
    vw->m = off[n];
    size_t cap = vw->m ? vw->m : 1;
    vw->adj = lev__ctx_alloc(c, cap, sizeof *vw->adj);
    if (with_w) vw->w = lev__ctx_alloc(c, cap, sizeof *vw->w);
    if (!vw->adj || (with_w && !vw->w)) {
        lev__view_free(c, vw);
        return LEV_ENOMEM;
    }
    uint32_t *adj = vw->adj;
    double *w = vw->w;
#pragma omp parallel for schedule(static) num_threads(threads) if (n >= LEV__VIEW_PARALLEL)
    for (uint32_t v = 0; v < n; v++) (void)lev__fold_row(g, v, dir, how, adj + off[v], w ? w + off[v] : NULL, NULL);
    return LEV_OK;
}

/* ---- strongly connected components ------------------------------------------------------------ */

/* Tarjan's algorithm with an explicit call stack (no recursion: a cycle of 10^6 actors would
 * overflow the C stack). idx[v] is 0 while v is unvisited, else its visit number (from 1); an
 * actor is on Tarjan's stack exactly while it is visited and comp[v] is still LEV_NONE. Tarjan's
 * stack grows down from member[n - 1] while the emitted components fill member[] from 0: with e
 * actors emitted and sp on the stack, e + sp ≤ n, so the two never meet. An emitted component
 * lies on the stack deepest-first (its root, the first visited, last); it is reversed in place
 * and moved down to member[e ..), root first. */
static uint32_t scc(uint32_t n, const size_t *off, const uint32_t *adj, uint32_t *comp, uint32_t *member,
                    uint32_t *first, const lev__scc_scratch *w, int rest) {
    uint32_t *idx = w->idx, *low = w->low, *calls = w->calls;
    size_t *next = w->next;
    /* With rest, an actor already placed (comp ≠ LEV_NONE) looks visited and off the stack: it
     * is neither entered nor followed, and keeps its comp. */
    if (rest)
        for (uint32_t v = 0; v < n; v++) idx[v] = comp[v] == LEV_NONE ? 0 : UINT32_MAX;
    else
        for (uint32_t v = 0; v < n; v++) idx[v] = 0, comp[v] = LEV_NONE;
    uint32_t counter = 0, top = n, nc = 0, e = 0; /* the stack is member[top .. n) */
    for (uint32_t r = 0; r < n; r++) {
        if (idx[r]) continue;
        uint32_t cp = 0;
        calls[cp++] = r;
        next[r] = off[r];
        idx[r] = low[r] = ++counter;
        member[--top] = r;
        while (cp) {
            uint32_t v = calls[cp - 1];
            if (next[v] < off[v + 1]) {
                uint32_t y = adj[next[v]++];
                if (!idx[y]) {
                    idx[y] = low[y] = ++counter;
                    next[y] = off[y];
                    member[--top] = y;
                    calls[cp++] = y;
                } else if (comp[y] == LEV_NONE && idx[y] < low[v]) {
                    low[v] = idx[y]; /* y is on the stack */
                }
                continue;
            }
            cp--;
            if (cp && low[v] < low[calls[cp - 1]]) low[calls[cp - 1]] = low[v];
            if (low[v] != idx[v]) continue;
            /* v roots component nc: its members are on the stack from the top down to v. */
            uint32_t z = 0;
            while (member[top + z] != v) comp[member[top + z++]] = nc;
            comp[v] = nc;
            z++;
            for (uint32_t i = 0, j = z - 1; i < j; i++, j--) {
                uint32_t t = member[top + i];
                member[top + i] = member[top + j];
                member[top + j] = t;
            }
            if (top != e) memmove(member + e, member + top, (size_t)z * sizeof *member);
            if (first) first[nc] = e;
            top += z;
            e += z;
            nc++;
        }
    }
    if (first) first[nc] = e;
    return nc;
}

uint32_t lev__scc(uint32_t n, const size_t *off, const uint32_t *adj, uint32_t *comp, uint32_t *member,
                  uint32_t *first, const lev__scc_scratch *w) {
    return scc(n, off, adj, comp, member, first, w, 0);
}

uint32_t lev__scc_rest(uint32_t n, const size_t *off, const uint32_t *adj, uint32_t *comp, uint32_t *member,
                       uint32_t *first, const lev__scc_scratch *w) {
    return scc(n, off, adj, comp, member, first, w, 1);
}
