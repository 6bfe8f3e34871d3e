/*
 * The compact form: CSR adjacency in both directions, built in O(V + E) by counting sort.
 *
 * Memory: 4 bytes of actor id and 4 bytes of float strength per edge and direction, so 16 bytes
 * per edge for both directions, plus 2 · 8 · (V + 1) bytes of row offsets. Rows of `out` are
 * sorted by target and rows of `in` by source (three stable counting-sort passes, the first
 * staged in the `in` arrays themselves, so the only scratch is one cursor per actor).
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

/* Turn per-row counts in off[0..n-1] into offsets off[0..n]; cur gets a copy of the starts. */
static void prefix(size_t *off, size_t *cur, uint32_t n) {
    size_t sum = 0;
    for (uint32_t v = 0; v < n; v++) {
        size_t c = off[v];
        off[v] = sum;
        cur[v] = sum;
        sum += c;
    }
    off[n] = sum;
}

lev_status lev__csr_build(const lev__mem *mem, const lev_network *net, lev__csr *g) {
    lev__csr h;
    memset(&h, 0, sizeof h);
    uint32_t n = net->actors.count;
    size_t m = net->m, n1 = (size_t)n + 1;
    h.n = n;
    h.m = m;
    size_t *cur = lev__alloc_array(mem, n1, sizeof *cur);
    h.out_off = lev__alloc_array(mem, n1, sizeof(size_t));
    h.in_off = lev__alloc_array(mem, n1, sizeof(size_t));
    if (m) {
        h.out_adj = lev__alloc_array(mem, m, sizeof(uint32_t));
        h.in_adj = lev__alloc_array(mem, m, sizeof(uint32_t));
        h.out_w = lev__alloc_array(mem, m, sizeof(float));
        h.in_w = lev__alloc_array(mem, m, sizeof(float));
    }
    if (!cur || !h.out_off || !h.in_off || (m && (!h.out_adj || !h.in_adj || !h.out_w || !h.in_w))) {
        lev__free(mem, cur, n1 * sizeof *cur);
        /* out_off/in_off may be half there: free them one by one. */
        lev__free(mem, h.out_off, n1 * sizeof(size_t));
        lev__free(mem, h.in_off, n1 * sizeof(size_t));
        h.out_off = h.in_off = NULL;
        lev__csr_free(mem, &h);
        return LEV_ENOMEM;
    }
    const uint32_t *src = net->esrc, *tgt = net->etgt;
    const double *w = net->ew;

    /* Pass 1: by target, in edge order, staged in the in arrays (in_adj holds sources). */
    memset(h.in_off, 0, n1 * sizeof(size_t));
    memset(h.out_off, 0, n1 * sizeof(size_t));
    for (size_t e = 0; e < m; e++) {
        h.in_off[tgt[e]]++;
        h.out_off[src[e]]++;
    }
    prefix(h.in_off, cur, n);
    for (size_t e = 0; e < m; e++) {
        size_t k = cur[tgt[e]]++;
        h.in_adj[k] = src[e];
        h.in_w[k] = (float)w[e];
    }
    /* Pass 2: scan by target, place by source: out rows come out sorted by target. */
    prefix(h.out_off, cur, n);
    for (uint32_t t = 0; t < n; t++)
        for (size_t k = h.in_off[t]; k < h.in_off[t + 1]; k++) {
            size_t j = cur[h.in_adj[k]]++;
            h.out_adj[j] = t;
            h.out_w[j] = h.in_w[k];
        }
    /* Pass 3: scan by source, place by target: in rows come out sorted by source. */
    for (uint32_t t = 0; t < n; t++) cur[t] = h.in_off[t];
    for (uint32_t s = 0; s < n; s++)
        for (size_t j = h.out_off[s]; j < h.out_off[s + 1]; j++) {
            size_t k = cur[h.out_adj[j]]++;
            h.in_adj[k] = s;
            h.in_w[k] = h.out_w[j];
        }
    lev__free(mem, cur, n1 * sizeof *cur);
    *g = h;
    return LEV_OK;
}
