/*
 * The compact form: CSR adjacency in both directions, built in O(V + E) by counting sort.
 *
 * Memory: 4 bytes of actor id and 4 bytes of float strength per edge and direction, so 16 bytes
 * per edge for both directions, plus 2 · 8 · (V + 1) bytes of row offsets. Rows of `out` are
 * sorted by target and rows of `in` by source: three stable counting-sort passes, the first
 * staged in the `in` arrays themselves:
 *   1. edges in order, placed by target   (in rows: sources in edge order);
 *   2. in rows scanned by target, placed by source (out rows sorted by target);
 *   3. out rows scanned by source, placed by target (in rows sorted by source).
 * Each pass splits its items into T contiguous ranges, one per thread, each with its own
 * cursors: thread t's items for a row go after those of threads < t, so the result is the same
 * for any T (the order of a sequential pass). Scratch: T · (V + 1) cursors. Every pass is one
 * random write per edge; at R-MAT scale 20 they are bound by cache and TLB misses, so two threads
 * nearly halve the time.
 */
#include "internal.h"

#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#define THREAD_NUM() omp_get_thread_num()
#else
#define THREAD_NUM() 0
#endif

void lev__csr_free(const lev__mem *m, lev__csr *g) {
    size_t n1 = (size_t)g->n + 1;
    if (g->out_off) {
        lev__free(m, g->out_off, n1 * sizeof(size_t));
        lev__free(m, g->in_off, n1 * sizeof(size_t));
    }
    lev__free(m, g->out_adj, g->m * sizeof(uint32_t));
    lev__free(m, g->in_adj, g->m * sizeof(uint32_t));
    lev__free(m, g->out_w, g->m * sizeof(float));
    lev__free(m, g->in_w, g->m * sizeof(float));
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

/* Pass 2 or 3: scan the rows of (soff, sadj, sw) in order, place each entry (row r, key sadj[k])
 * at the key's cursor in (dadj, dw), writing r. The T threads scan contiguous position ranges;
 * doff receives the destination offsets. */
static void transpose(const size_t *soff, const uint32_t *sadj, const float *sw, uint32_t n, size_t m,
                      size_t *doff, uint32_t *dadj, float *dw, size_t *cnt, int T) {
    size_t n1 = (size_t)n + 1;
#pragma omp parallel num_threads(T)
    {
        int t = THREAD_NUM();
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        size_t *c = cnt + (size_t)t * n1;
        memset(c, 0, n1 * sizeof *c);
        for (size_t k = lo; k < hi; k++) c[sadj[k]]++;
#pragma omp barrier
#pragma omp single
        cursors(cnt, doff, n, T);
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

lev_status lev__csr_build(const lev__mem *mem, const lev_network *net, lev__csr *g, int threads) {
    lev__csr h;
    memset(&h, 0, sizeof h);
    uint32_t n = net->actors.count;
    size_t m = net->m, n1 = (size_t)n + 1;
    /* A thread for every ~256k edges at most: below that the cursors cost more than they save. */
    int T = threads < 1 ? 1 : threads;
    if ((size_t)T > m / 262144 + 1) T = (int)(m / 262144 + 1);
    h.n = n;
    h.m = m;
    size_t *cnt = n1 > SIZE_MAX / sizeof(size_t) / (size_t)T ? NULL : lev__alloc_array(mem, n1 * (size_t)T, sizeof *cnt);
    h.out_off = lev__alloc_array(mem, n1, sizeof(size_t));
    h.in_off = lev__alloc_array(mem, n1, sizeof(size_t));
    if (m) {
        h.out_adj = lev__alloc_array(mem, m, sizeof(uint32_t));
        h.in_adj = lev__alloc_array(mem, m, sizeof(uint32_t));
        h.out_w = lev__alloc_array(mem, m, sizeof(float));
        h.in_w = lev__alloc_array(mem, m, sizeof(float));
    }
    if (!cnt || !h.out_off || !h.in_off || (m && (!h.out_adj || !h.in_adj || !h.out_w || !h.in_w))) {
        if (cnt) lev__free(mem, cnt, n1 * (size_t)T * sizeof *cnt);
        /* out_off/in_off may be half there: free them one by one. */
        lev__free(mem, h.out_off, n1 * sizeof(size_t));
        lev__free(mem, h.in_off, n1 * sizeof(size_t));
        h.out_off = h.in_off = NULL;
        lev__csr_free(mem, &h);
        return LEV_ENOMEM;
    }
    const uint32_t *src = net->esrc, *tgt = net->etgt;
    const double *w = net->ew;

    /* Pass 1: edges in order, placed by target, staged in the in arrays (in_adj holds sources). */
#pragma omp parallel num_threads(T)
    {
        int t = THREAD_NUM();
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        size_t *c = cnt + (size_t)t * n1;
        memset(c, 0, n1 * sizeof *c);
        for (size_t e = lo; e < hi; e++) c[tgt[e]]++;
#pragma omp barrier
#pragma omp single
        cursors(cnt, h.in_off, n, T);
        for (size_t e = lo; e < hi; e++) {
            size_t k = c[tgt[e]]++;
            h.in_adj[k] = src[e];
            h.in_w[k] = (float)w[e];
        }
    }
    /* Pass 2: scan by target, place by source: out rows come out sorted by target. */
    transpose(h.in_off, h.in_adj, h.in_w, n, m, h.out_off, h.out_adj, h.out_w, cnt, T);
    /* Pass 3: scan by source, place by target: in rows come out sorted by source. The offsets
     * are pass 1's again; transpose rewrites them with the same values. */
    transpose(h.out_off, h.out_adj, h.out_w, n, m, h.in_off, h.in_adj, h.in_w, cnt, T);
    lev__free(mem, cnt, n1 * (size_t)T * sizeof *cnt);
    *g = h;
    return LEV_OK;
}
