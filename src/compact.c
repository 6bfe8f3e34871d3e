/*
 * The compact form: CSR adjacency in both directions.
 *
 * Memory: 4 bytes of actor id and 4 bytes of float strength per edge and direction, so 16 bytes
 * per edge for both directions, plus 2 · 8 · (V + 1) bytes of row offsets. Rows of `out` are
 * sorted by target and rows of `in` by source, ties (parallel edges) in edge order:
 *   1. edges in order, placed by source (a stable counting sort: out rows in edge order);
 *   2. each out row sorted by target, stably (merge sort, the in arrays as scratch);
 *   3. out rows scanned by source, placed by target (in rows sorted by source).
 * Time O(V + E log d), d the largest out-degree; scratch T · (V + 1) cursors.
 *
 * Passes 1 and 3 split their items into T contiguous ranges, one per thread, each with its own
 * cursors: thread t's items for a row go after those of threads < t, so the result is the same
 * for any T (the order of a sequential pass); pass 2 sorts rows independently. Passes 1 and 3
 * make one random write per edge, bound by cache and TLB misses at R-MAT scale 20; pass 2 stays
 * in cache. (An earlier version sorted by three counting-sort passes; replacing the middle one
 * with the row sorts took a third off the build.)
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

/* Stable sort of a row's (id, strength) pairs by id: insertion sort of runs of RUN, then
 * bottom-up merges through the scratch arrays ta, tw (len entries each). */
#define RUN 24

static void insertion_sort(uint32_t *a, float *w, size_t len) {
    for (size_t i = 1; i < len; i++) {
        uint32_t x = a[i];
        float y = w[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > x; j--) {
            a[j] = a[j - 1];
            w[j] = w[j - 1];
        }
        a[j] = x;
        w[j] = y;
    }
}

static void sort_row(uint32_t *a, float *w, size_t len, uint32_t *ta, float *tw) {
    for (size_t i = 0; i < len; i += RUN) insertion_sort(a + i, w + i, len - i < RUN ? len - i : RUN);
    if (len <= RUN) return;
    uint32_t *sa = a, *da = ta;
    float *sw = w, *dw = tw;
    for (size_t width = RUN; width < len; width *= 2) {
        for (size_t lo = 0; lo < len; lo += 2 * width) {
            size_t mid = lo + width < len ? lo + width : len, hi = lo + 2 * width < len ? lo + 2 * width : len;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (sa[j] < sa[i]) { /* equal ids take the left (earlier) one first: stable */
                    da[k] = sa[j];
                    dw[k++] = sw[j++];
                } else {
                    da[k] = sa[i];
                    dw[k++] = sw[i++];
                }
            }
            for (; i < mid; i++, k++) da[k] = sa[i], dw[k] = sw[i];
            for (; j < hi; j++, k++) da[k] = sa[j], dw[k] = sw[j];
        }
        uint32_t *x = sa; sa = da; da = x;
        float *y = sw; sw = dw; dw = y;
    }
    if (sa != a) {
        memcpy(a, sa, len * sizeof *a);
        memcpy(w, sw, len * sizeof *w);
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

    /* Pass 1: edges in order, placed by source: out rows hold targets in edge order. */
#pragma omp parallel num_threads(T)
    {
        int t = lev__thread_num();
        size_t lo = share(m, T, t), hi = share(m, T, t + 1);
        size_t *c = cnt + (size_t)t * n1;
        count_rows(src, lo, hi, cnt, t, h.out_off, n, T);
        for (size_t e = lo; e < hi; e++) {
            size_t k = c[src[e]]++;
            h.out_adj[k] = tgt[e];
            h.out_w[k] = (float)lev__edge_w(net, e);
        }
    }
    /* Pass 2: sort each out row by target, stably, with the in arrays as scratch. */
#pragma omp parallel for schedule(dynamic, 256) num_threads(T)
    for (long r = 0; r < (long)n; r++) {
        size_t a = h.out_off[r], len = h.out_off[r + 1] - a;
        if (len > 1) sort_row(h.out_adj + a, h.out_w + a, len, h.in_adj + a, h.in_w + a);
    }
    /* Pass 3: scan by source, place by target: in rows come out sorted by source, and ties
     * (parallel edges) keep the out rows' order, which is edge order. */
    transpose(h.out_off, h.out_adj, h.out_w, n, m, h.in_off, h.in_adj, h.in_w, cnt, T);
    lev__free(mem, cnt, n1 * (size_t)T * sizeof *cnt);
    *g = h;
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
                if (g->out_w[i] > best) best = g->out_w[i];
            for (; j < j1 && g->in_adj[j] == u; j++)
                if (g->in_w[j] > best) best = g->in_w[j];
            x = (double)best;
        } else if (how == LEV__FOLD_SUM) {
            /* one accumulator, out entries then in entries, each in row order */
            x = 0;
            for (; i < i1 && g->out_adj[i] == u; i++) x += (double)g->out_w[i];
            for (; j < j1 && g->in_adj[j] == u; j++) x += (double)g->in_w[j];
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
uint32_t lev__scc(uint32_t n, const size_t *off, const uint32_t *adj, uint32_t *comp, uint32_t *member,
                  uint32_t *first, const lev__scc_scratch *w) {
    uint32_t *idx = w->idx, *low = w->low, *calls = w->calls;
    size_t *next = w->next;
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
    if (first) first[nc] = n;
    return nc;
}
