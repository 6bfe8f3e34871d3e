/*
 * Centrality on shortest paths: closeness, harmonic, betweenness (vertex, edge, sampled).
 *
 * Every measure runs on a "view" of the compact form built once per call: a CSR in which each
 * actor's neighbours are distinct, self-loops are dropped and parallel edges (and, in the
 * undirected view, the two directions of a pair) are folded to the strongest, whose length is
 * 1/strength (or 1 hop). Edge betweenness also keeps, per view arc, the index of the edge that
 * represents it: the strongest, the first added among equals.
 *
 * Shortest paths: BFS for hops, Dijkstra with an indexed 4-ary heap for lengths; closeness and
 * harmonic in hops from many sources run 64 searches at a time as one bit-parallel multi-source
 * BFS (ms_block). Two weighted
 * path lengths a and b are equal when |a − b| ≤ 1e-10 · (a + b) (igraph's rule), so paths that
 * are equally short in exact arithmetic count as equal although their floating-point sums
 * differ in the last bits.
 *
 * Betweenness is Brandes' accumulation (σ pushed forward on a directed view, pulled on an
 * undirected one, see bfs_paths), dependencies in "pull" form: after the forward search from s, the
 * actors are visited in reverse order and each sums coef[w] = (1 + δ(w))/σ(w) over its
 * successors w on shortest paths, so no predecessor lists are stored. Vertex betweenness in hops
 * (brandes_hops) pushes σ forward on either view and keeps the successor arcs it finds, by position
 * in the visit order, so that this pull reads those arcs alone. Sources are cut into
 * fixed-size blocks (independent of the thread count); a thread accumulates a block into one of
 * its partial slots, and a reorder buffer adds the partials to the total in block order (see
 * run_blocks), so the floating-point result is bit-identical for any LEV_P_THREADS.
 *
 * In the undirected view an actor l with a single neighbour u (of degree ≥ 2) is never a
 * source: its shortest-path tree is u's plus the edge l–u, so its dependencies equal u's on
 * every other actor and it gives u exactly (reach(u) − 2). u's search is counted (1 + #leaves)
 * times instead (exact; Baglioni et al. 2012 prune such leaves the same way).
 */
#include "internal.h"

#include <math.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>


/* Relative tolerance under which two weighted path lengths are equal (igraph's
 * IGRAPH_SHORTEST_PATH_EPSILON, compared as igraph_cmp_epsilon does: relative to |a| + |b|). */
#define PATH_EPS 1e-10

static inline int same_len(double a, double b) { return fabs(a - b) <= PATH_EPS * (a + b); }

/* ---- scratch bookkeeping: every block goes back to the allocator at the end ----------------- */

#define SCR_MAX 32 /* the most any call holds at once is 24 (sampled, directed, weighted, while sampling) */

typedef struct scratch {
    const lev__ctx *c;
    int k;
    void *p[SCR_MAX];
    size_t count[SCR_MAX], size[SCR_MAX];
} scratch;

static void *scr_alloc(scratch *s, size_t count, size_t size) {
    if (s->k == SCR_MAX) return NULL; /* never: see SCR_MAX */
    if (count == 0) count = 1;         /* lev__alloc gives NULL for 0 bytes */
    void *p = lev__ctx_alloc(s->c, count, size);
    if (!p) return NULL;
    s->p[s->k] = p;
    s->count[s->k] = count;
    s->size[s->k] = size;
    s->k++;
    return p;
}

/* Free the most recent block (it must be the last one allocated). */
static void scr_pop(scratch *s) {
    s->k--;
    lev__ctx_free(s->c, s->p[s->k], s->count[s->k], s->size[s->k]);
}

static void scr_free_all(scratch *s) {
    while (s->k > 0) scr_pop(s);
}

/* ---- the view --------------------------------------------------------------------------------- */

enum { VIEW_OUT = LEV__VIEW_OUT, VIEW_IN = LEV__VIEW_IN, VIEW_BOTH = LEV__VIEW_BOTH };

typedef struct view {
    uint32_t n;
    size_t m;       /* arcs */
    size_t *off;    /* n + 1 */
    uint32_t *adj;  /* m */
    double *len;    /* m: 1/strength; NULL when counting hops */
    size_t *eid;    /* m: representative edge; NULL unless asked for */
} view;

/* One folded row (the shared folded view, lev__fold_row): the distinct neighbours of u (≠ u:
 * self-loops are on no shortest path) among the chosen rows, each with the strongest strength.
 * With fill == 0 only counts. Returns the number of neighbours. */
static size_t fold_row(const lev__csr *g, uint32_t u, int dir, int fill, uint32_t *adj, double *bw) {
    return lev__fold_row(g, u, dir, LEV__FOLD_MAX, fill ? adj : NULL, fill ? bw : NULL, NULL);
}

/* Position of neighbour x in row r of the view (rows are sorted; x is there). */
static size_t arc_find(const view *vw, uint32_t r, uint32_t x) {
    size_t lo = vw->off[r], hi = vw->off[r + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (vw->adj[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* From the model's exact strengths (double), per arc: the strongest strength of the edges it
 * folds, its length 1/strength into vw->len (when want_len), and the representative edge into
 * vw->eid (when vw->eid): the strongest, the first added among equals. Edges are scanned in
 * order, so a later edge replaces the current one only when strictly stronger. O(E log d). */
static int exact_arcs(scratch *s, const lev_network *net, int dir, const uint32_t *rank, view *vw, int want_len) {
    double *best = scr_alloc(s, vw->m, sizeof *best);
    if (!best) return -1;
    for (size_t k = 0; k < vw->m; k++) best[k] = 0;
    if (vw->eid)
        for (size_t k = 0; k < vw->m; k++) vw->eid[k] = SIZE_MAX;
    uint32_t a_row = 0;
    /* The records in the compact form's order (by source, then target), each with its number,
     * so that "first added" is decided by number, not by the order of the scan. */
    const lev__csr *g = &net->csr;
    for (size_t q = 0; q < g->m; q++) {
        while (q == g->out_off[a_row + 1]) a_row++;
        uint32_t a = a_row, b = g->out_adj[q];
        if (a == b) continue;
        size_t e = lev__order(net, q);
        double w = lev__pos_w(net, q);
        for (int side = 0; side < 2; side++) {
            /* the arc a → b lies in row a of an out view, row b of an in view, both of a both-ways view */
            uint32_t from = side ? b : a, to = side ? a : b;
            if (!(dir == VIEW_BOTH || (dir == VIEW_OUT) == (side == 0))) continue;
            size_t k = arc_find(vw, rank[from], rank[to]);
            if (w > best[k] || (w == best[k] && vw->eid && e < vw->eid[k])) {
                best[k] = w;
                if (vw->eid) vw->eid[k] = e;
            }
        }
    }
    if (want_len)
        for (size_t k = 0; k < vw->m; k++) vw->len[k] = 1.0 / best[k];
    scr_pop(s); /* best */
    return 0;
}

/* rank[old] = new index, perm[new] = old: actors sorted by decreasing number of distinct
 * neighbours (either direction), ties by index; a stable counting sort, O(V + E). Hubs get
 * small, adjacent indices, so the per-actor arrays the searches touch most share cache lines
 * (1.5× faster on R-MAT graphs). */
static int relabel_order(scratch *s, const lev__csr *g, uint32_t **rank_out, uint32_t **perm_out) {
    uint32_t n = g->n;
    uint32_t *rank = scr_alloc(s, n, sizeof *rank), *perm = scr_alloc(s, n, sizeof *perm);
    size_t *cnt = scr_alloc(s, (size_t)n + 2, sizeof *cnt); /* degrees are < n */
    if (!rank || !perm || !cnt) return -1;
    memset(cnt, 0, ((size_t)n + 2) * sizeof *cnt);
    for (uint32_t v = 0; v < n; v++) {
        size_t d = fold_row(g, v, VIEW_BOTH, 0, NULL, NULL);
        rank[v] = (uint32_t)d; /* staged */
        cnt[n - d + 1]++;      /* bucket n − d: larger degrees first */
    }
    for (size_t b = 1; b <= (size_t)n + 1; b++) cnt[b] += cnt[b - 1];
    for (uint32_t v = 0; v < n; v++) {
        uint32_t r = (uint32_t)cnt[n - rank[v]]++;
        rank[v] = r;
        perm[r] = v;
    }
    scr_pop(s); /* cnt */
    *rank_out = rank;
    *perm_out = perm;
    return 0;
}

/* Build the view (dir: VIEW_OUT, VIEW_IN or VIEW_BOTH) with actors renamed by rank/perm (from
 * relabel_order): row r is actor perm[r]'s, neighbours given as ranks, in increasing order
 * (filled by transposition: new actors X in order, each appended to the rows of its
 * neighbours in the opposite direction). weighted: 1, lengths 1/strength; 2, lengths 1 (hops). with_eid: representative
 * edge per arc. Returns 0, or -1 when out of memory. */
static int view_build(scratch *s, const lev__ctx *c, int dir, int weighted, int with_eid, const uint32_t *rank,
                      const uint32_t *perm, view *vw) {
    const lev__csr *g = c->g;
    uint32_t n = g->n;
    int rdir = dir == VIEW_OUT ? VIEW_IN : dir == VIEW_IN ? VIEW_OUT : VIEW_BOTH;
    size_t maxd = 0;
    memset(vw, 0, sizeof *vw);
    vw->n = n;
    vw->off = scr_alloc(s, (size_t)n + 1, sizeof *vw->off);
    if (!vw->off) return -1;
    vw->off[0] = 0;
    for (uint32_t r = 0; r < n; r++) {
        vw->off[r + 1] = vw->off[r] + fold_row(g, perm[r], dir, 0, NULL, NULL);
        size_t d2 = fold_row(g, perm[r], rdir, 0, NULL, NULL);
        if (d2 > maxd) maxd = d2;
    }
    size_t m = vw->m = vw->off[n];
    vw->adj = scr_alloc(s, m, sizeof *vw->adj);
    if (!vw->adj) return -1;
    if (weighted && !(vw->len = scr_alloc(s, m, sizeof *vw->len))) return -1;
    if (with_eid && !(vw->eid = scr_alloc(s, m, sizeof *vw->eid))) return -1;
    size_t *cur = scr_alloc(s, n, sizeof *cur);
    uint32_t *tadj = scr_alloc(s, maxd, sizeof *tadj);
    double *tw = scr_alloc(s, maxd, sizeof *tw);
    if (!cur || !tadj || !tw) return -1;
    memcpy(cur, vw->off, n * sizeof *cur);
    for (uint32_t x = 0; x < n; x++) {
        /* Arcs y → perm[x] of the view are the opposite direction's arcs perm[x] → y. */
        size_t d = fold_row(g, perm[x], rdir, 1, tadj, tw);
        for (size_t j = 0; j < d; j++) {
            size_t k = cur[rank[tadj[j]]]++;
            vw->adj[k] = x;
            if (vw->len) vw->len[k] = weighted == 2 ? 1.0 : 1.0 / (double)tw[j];
        }
    }
    scr_pop(s); /* tw */
    scr_pop(s); /* tadj */
    scr_pop(s); /* cur */
    /* The compact form holds strengths as float32; when a strength is not exactly a float the
     * model keeps it in double (out_x), and the lengths come from there, so that lengths
     * equal in the caller's data stay equal up to double rounding (1/(float)(1/3) is not 3). */
    int exact_len = weighted && lev__exact_strengths(c->net);
    if ((with_eid || exact_len) && exact_arcs(s, c->net, dir, rank, vw, exact_len)) return -1;
    return 0;
}

/* ---- per-thread workspace ---------------------------------------------------------------------- */

typedef struct work {
    uint32_t *order; /* visit (settle) order */
    int32_t *hops;   /* −1: not reached (BFS) */
    double *dist;    /* INFINITY: not reached (Dijkstra) */
    uint32_t *heap, *pos; /* Dijkstra: heap of actors; pos = heap index, or n + rank once settled */
    double *hkey;         /* Dijkstra: hkey[i] = dist[heap[i]], kept in the heap's own order */
    double *sigma, *coef;
    double *part;    /* the block's vertex partial */
    double *epart;   /* the block's arc partial */
    uint64_t *count; /* sampled betweenness: internal-vertex counts */
    uint32_t *tlist; /* betweenness: the actors the block's searches reached (their partials may be ≠ 0) */
    uint8_t *tflag;  /* betweenness: 1 for the actors in tlist */
    size_t *tcount;  /* betweenness: how many are in tlist */
    uint64_t rng;
    uint64_t *seen, *vis, *nxt; /* multi-source BFS: MSW words per actor each (ms_block) */
    uint64_t *planes;           /* multi-source BFS: bit-sliced level counters, MS_PLANES × MSW words */
    int32_t maxh;    /* LEV_P_CUTOFF in hops: searches discover nobody beyond it (INT32_MAX: none) */
    double cut;      /* LEV_P_CUTOFF in lengths (INFINITY: none) */
    uint32_t *succ;  /* betweenness in hops: the successor arcs of a search, as positions (brandes_hops) */
    size_t *soff;    /* betweenness in hops: order[i]'s successors are succ[soff[i] .. soff[i + 1]) */
} work;

/* ---- indexed 4-ary heap keyed by dist -------------------------------------------------------- */

/* Each entry's key sits beside it (hkey[i] = dist[heap[i]]): a sift compares keys from the heap's
 * own cache lines instead of loading dist[] of every entry it passes, and four children (one
 * 32-byte run of keys) halve the depth of a binary heap. Any heap settles actors in order of
 * distance; among equal lengths the order may differ, and with it the last bits of a sum over
 * the settled actors (closeness). heap_up(w, i) restores the heap after entry i's actor got a
 * new, smaller dist (or was just put at i). */
static inline void heap_up(work *w, uint32_t i) {
    uint32_t *h = w->heap, *pos = w->pos, x = h[i];
    double *hk = w->hkey, kx = w->dist[x];
    while (i > 0) {
        uint32_t p = (i - 1) >> 2;
        if (hk[p] <= kx) break;
        h[i] = h[p];
        hk[i] = hk[p];
        pos[h[i]] = i;
        i = p;
    }
    h[i] = x;
    hk[i] = kx;
    pos[x] = i;
}

/* A search's start: s at length 0, alone in the heap (the caller's heap size is 1). */
static inline void heap_start(work *w, uint32_t s) {
    w->dist[s] = 0;
    w->heap[0] = s;
    w->hkey[0] = 0;
    w->pos[s] = 0;
}

static inline uint32_t heap_pop(work *w, uint32_t *size) {
    uint32_t *h = w->heap, *pos = w->pos, top = h[0], sz = --*size;
    double *hk = w->hkey;
    if (sz > 0) {
        uint32_t x = h[sz], i = 0;
        double kx = hk[sz];
        for (;;) {
            uint32_t c = 4 * i + 1;
            if (c >= sz) break;
            uint32_t e = c + 4 < sz ? c + 4 : sz, best = c;
            double kb = hk[c];
            for (uint32_t j = c + 1; j < e; j++)
                if (hk[j] < kb) kb = hk[j], best = j;
            if (kb >= kx) break;
            h[i] = h[best];
            hk[i] = kb;
            pos[h[i]] = i;
            i = best;
        }
        h[i] = x;
        hk[i] = kx;
        pos[x] = i;
    }
    return top;
}

/* ---- forward searches -------------------------------------------------------------------------- */

/* x where cond holds, +0 elsewhere, without a branch (x may be any bit pattern). */
static inline double masked(double x, int cond) {
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    b &= (uint64_t)0 - (uint64_t)(cond != 0);
    memcpy(&x, &b, sizeof x);
    return x;
}

/* Σ val[x] over the x = adj[k0..k1) with hops[x] == level, in four interleaved sums (so that
 * the additions do not wait on each other), added in a fixed order. */
static inline double sum_level(const uint32_t *adj, size_t k0, size_t k1, const int32_t *hops, const double *val,
                               int32_t level) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t k = k0;
    for (; k + 4 <= k1; k += 4) {
        uint32_t a = adj[k], b = adj[k + 1], c = adj[k + 2], d = adj[k + 3];
        s0 += masked(val[a], hops[a] == level);
        s1 += masked(val[b], hops[b] == level);
        s2 += masked(val[c], hops[c] == level);
        s3 += masked(val[d], hops[d] == level);
    }
    for (; k < k1; k++) s0 += masked(val[adj[k]], hops[adj[k]] == level);
    return (s0 + s1) + (s2 + s3);
}

/* BFS from s for distances only. Returns the number reached; order holds them by distance. */
static size_t bfs(const view *g, work *w, uint32_t s) {
    uint32_t *order = w->order;
    int32_t *hops = w->hops;
    size_t head = 0, tail = 1;
    order[0] = s;
    hops[s] = 0;
    while (head < tail) {
        uint32_t v = order[head++];
        int32_t dv1 = hops[v] + 1;
        if (dv1 > w->maxh) break; /* the cutoff: the rest are as far as v */
        size_t k1 = g->off[v + 1];
        for (size_t k = g->off[v]; k < k1; k++) {
            uint32_t x = g->adj[k];
            if (hops[x] < 0) {
                hops[x] = dv1;
                order[tail++] = x;
            }
        }
    }
    return tail;
}

/* BFS from s counting shortest paths σ. On an undirected view (pg == g), σ(v) is pulled from
 * v's predecessors (neighbours one hop nearer) when v is dequeued, when all of them are final,
 * the pull and the discovery sharing one scan of the row. On a directed view (pg == NULL), v
 * pushes its final σ along its row to the actors one hop further as it discovers them: one scan
 * of the out-row, where a pull would also scan the in-row. σ are integers, added exactly while
 * below 2^53, so the order of the additions does not change them. Stops once `stop` (≠
 * UINT32_MAX) is dequeued, its σ final. Discovers nobody beyond w->maxh hops (the cutoff's
 * level only receives σ). Returns the number of actors in order (discovered). */
static size_t bfs_paths(const view *g, const view *pg, work *w, uint32_t s, uint32_t stop) {
    uint32_t *order = w->order;
    int32_t *hops = w->hops;
    double *sigma = w->sigma;
    size_t head = 1, tail = 0;
    int32_t maxh = w->maxh;
    order[0] = s;
    hops[s] = 0;
    sigma[s] = 1;
    if (maxh < 1) return 1;
    for (size_t k = g->off[s]; k < g->off[s + 1]; k++) {
        uint32_t x = g->adj[k];
        if (hops[x] < 0) {
            hops[x] = 1;
            sigma[x] = 1; /* pushed from s (a pull finds the same) */
            order[head + tail++] = x;
        }
    }
    tail += head;
    if (s == stop) return tail;
    if (!pg) {
        while (head < tail) {
            uint32_t v = order[head];
            if (hops[v] >= maxh) break; /* the cutoff's level: its σ is final */
            head++;
            if (v == stop) return tail;
            int32_t hp1 = hops[v] + 1;
            double sv = sigma[v];
            size_t k1 = g->off[v + 1];
            for (size_t k = g->off[v]; k < k1; k++) {
                uint32_t x = g->adj[k];
                int32_t hx = hops[x];
                if (hx < 0) {
                    hops[x] = hp1;
                    sigma[x] = sv;
                    order[tail++] = x;
                } else if (hx == hp1) {
                    sigma[x] += sv;
                }
            }
        }
        return tail;
    }
    while (head < tail) {
        uint32_t v = order[head];
        if (hops[v] >= maxh) break; /* the cutoff's level: below */
        head++;
        int32_t hm1 = hops[v] - 1, hp1 = hops[v] + 1;
        double sum = 0;
        size_t k1 = g->off[v + 1];
        if (pg == g) {
            /* Four sums, so that the additions do not wait on each other. */
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            size_t k = g->off[v];
#define LEV_DISCOVER_(acc, off)                                                                     \
    do {                                                                                            \
        uint32_t x = g->adj[k + (off)];                                                             \
        int32_t hx = hops[x];                                                                       \
        if (hx < 0) { /* taken once per actor */                                                    \
            hops[x] = hp1;                                                                          \
            order[tail++] = x;                                                                      \
        }                                                                                           \
        acc += masked(sigma[x], hx == hm1);                                                         \
    } while (0)
            for (; k + 4 <= k1; k += 4) {
                LEV_DISCOVER_(s0, 0);
                LEV_DISCOVER_(s1, 1);
                LEV_DISCOVER_(s2, 2);
                LEV_DISCOVER_(s3, 3);
            }
            for (; k < k1; k++) LEV_DISCOVER_(s0, 0);
#undef LEV_DISCOVER_
            sum = (s0 + s1) + (s2 + s3);
        } else {
            sum = sum_level(pg->adj, pg->off[v], pg->off[v + 1], hops, sigma, hm1);
            for (size_t k = g->off[v]; k < k1; k++) {
                uint32_t x = g->adj[k];
                if (hops[x] < 0) {
                    hops[x] = hp1;
                    order[tail++] = x;
                }
            }
        }
        sigma[v] = sum;
        if (v == stop) return tail;
    }
    /* Actors at the cutoff (every one is discovered): σ from the level before, no discovery. */
    for (; head < tail; head++) {
        uint32_t v = order[head];
        sigma[v] = sum_level(pg->adj, pg->off[v], pg->off[v + 1], hops, sigma, hops[v] - 1);
        if (v == stop) break;
    }
    return tail;
}

static void bfs_reset(work *w, size_t reached) {
    for (size_t i = 0; i < reached; i++) w->hops[w->order[i]] = -1;
}

/* Dijkstra from s counting shortest paths (sigma may be NULL); ties within PATH_EPS. Actors
 * farther than w->cut (beyond PATH_EPS) are never queued. Returns
 * the number settled (in order, by distance). Stops after settling `stop` (≠ UINT32_MAX);
 * *left receives how many actors remain in the heap (to reset them). */
static size_t dijkstra(const view *g, work *w, uint32_t s, int count_paths, uint32_t stop, uint32_t *left) {
    uint32_t n = g->n, hsize = 1, settled = 0;
    double *dist = w->dist, *sigma = w->sigma;
    uint32_t *pos = w->pos;
    heap_start(w, s);
    if (count_paths) sigma[s] = 1;
    while (hsize > 0) {
        uint32_t v = heap_pop(w, &hsize);
        pos[v] = n + settled;
        w->order[settled++] = v;
        if (v == stop) break;
        double dv = dist[v], sv = count_paths ? sigma[v] : 0;
        size_t k1 = g->off[v + 1];
        for (size_t k = g->off[v]; k < k1; k++) {
            uint32_t x = g->adj[k];
            double alt = dv + g->len[k], dx = dist[x];
            if (dx == INFINITY) {
                if (alt > w->cut && !same_len(alt, w->cut)) continue; /* beyond the cutoff */
                dist[x] = alt;
                if (count_paths) sigma[x] = sv;
                w->heap[hsize] = x;
                heap_up(w, hsize++);
            } else if (pos[x] >= n) {
                continue; /* settled: no shorter or equal path can come through v */
            } else if (count_paths && same_len(alt, dx)) {
                sigma[x] += sv;
            } else if (alt < dx) {
                dist[x] = alt;
                if (count_paths) sigma[x] = sv;
                heap_up(w, pos[x]);
            }
        }
    }
    *left = hsize;
    return settled;
}

static void dijkstra_reset(work *w, size_t settled, uint32_t left) {
    for (size_t i = 0; i < settled; i++) w->dist[w->order[i]] = INFINITY;
    for (uint32_t i = 0; i < left; i++) w->dist[w->heap[i]] = INFINITY;
}

/* ---- closeness and harmonic ------------------------------------------------------------------- */

enum { K_CLOSENESS, K_HARMONIC, K_BETWEENNESS, K_EDGE, K_APPROX };

typedef struct job {
    int kind;
    const view *g;   /* forward view */
    const view *rg;  /* the reverse view (in-neighbours); g itself when undirected */
    int weighted;
    size_t bsize;    /* sources (or samples) per block */
    size_t nitems;   /* sources (or samples) */
    const double *mult; /* betweenness: how many sources each search stands for (NULL: 1) */
    const uint32_t *src; /* betweenness, closeness, harmonic: the sources, nitems of them (NULL: 0..nitems−1) */
    const double *tgt;   /* betweenness: per actor 1 if a target, else 0 (NULL: all are) */
    int endpoints;       /* betweenness: LEV_P_ENDPOINTS */
    double *res;     /* closeness, harmonic: one value per source */
    double *total;   /* betweenness: vertex totals */
    double *etotal;  /* edge betweenness: arc totals */
    /* sampled betweenness */
    uint64_t seed;
    const uint32_t *rank;
    size_t bside;    /* the backward workspace of thread t is ws[t + bside] */
    size_t first;    /* sampled betweenness: the number of the round's first sample */
    const uint32_t *comp; /* sampled betweenness, undirected: component of each relabelled actor (else NULL) */
} job;

static void close_block(const job *J, work *w, size_t b) {
    const view *g = J->g;
    size_t s0 = b * J->bsize, s1 = s0 + J->bsize < J->nitems ? s0 + J->bsize : J->nitems;
    double n1 = (double)g->n - 1;
    for (size_t s = s0; s < s1; s++) {
        double sum = 0, harm = 0;
        size_t reached;
        uint32_t from = J->src ? J->src[s] : (uint32_t)s; /* the subset's sources, or every actor */
        if (J->weighted) {
            uint32_t left;
            reached = dijkstra(g, w, from, 0, UINT32_MAX, &left);
            for (size_t i = 1; i < reached; i++) {
                double d = w->dist[w->order[i]];
                sum += d;
                harm += 1.0 / d;
            }
            dijkstra_reset(w, reached, left);
        } else {
            reached = bfs(g, w, from);
            uint64_t hs = 0, cnt = 0;
            int32_t lvl = 1;
            for (size_t i = 1; i < reached; i++) {
                int32_t d = w->hops[w->order[i]];
                hs += (uint64_t)d;
                if (d != lvl) { /* order is by level: level lvl is complete */
                    harm += (double)cnt / (double)lvl;
                    cnt = 0;
                    lvl = d;
                }
                cnt++;
            }
            if (cnt) harm += (double)cnt / (double)lvl;
            sum = (double)hs;
            bfs_reset(w, reached);
        }
        double r1 = (double)(reached - 1);
        if (J->kind == K_HARMONIC)
            J->res[s] = harm;
        else
            J->res[s] = sum > 0 ? (r1 / sum) * (r1 / n1) : 0;
    }
}

/* ---- closeness and harmonic by multi-source BFS ----------------------------------------------- *
 *
 * Then, Kaufmann, Chirigati, Hoang-Vu, Pham, Kemper, Neumann & Vo (2014), "The More the Merrier:
 * Efficient Multi-Source Graph Traversal", PVLDB 8(4): the searches from 64·MSW sources run
 * together, one bit per source in each actor's words: seen (reached by that source), vis (on its
 * frontier) and nxt (reached at the next level). A level either pushes the frontier's words
 * along its arcs (top-down) or, when the frontier's arcs are many, pulls every unfinished
 * actor's words from its in-neighbours (bottom-up, Beamer's direction switch), stopping at an
 * actor once every source has reached it. The actors a source reaches at level d are counted
 * by bit-sliced counters (a carry-save add per word, so counting costs O(1) per actor and level,
 * not O(sources)); closeness takes Σ d·c_d and Σ c_d, harmonic Σ c_d/d added in level order:
 * the single-source BFS path (close_block) computes the same sums in the same order, so the
 * scores do not depend on which path or how many threads ran them. */

#define MSW 1                   /* 64-bit words per actor: 64·MSW sources per batch */
#define MS_SOURCES (64 * MSW)
#define MS_PLANES 33            /* bit-sliced counters: up to 2^33 − 1 actors per level */
#define MS_MIN 32               /* fewer sources than this: one BFS each (close_block) */
#define MS_ALPHA 4              /* pull when the frontier has more than 1/MS_ALPHA of the arcs */

static inline void ms_count(uint64_t *planes, int j, uint64_t x) {
    for (int b = 0; x; b++) {
        uint64_t *c = &planes[(size_t)b * MSW + (size_t)j];
        uint64_t carry = *c & x;
        *c ^= x;
        x = carry;
    }
}

static void ms_block(const job *J, work *w, size_t b) {
    const view *g = J->g, *rg = J->rg;
    uint32_t n = g->n;
    uint64_t *seen = w->seen, *vis = w->vis, *nxt = w->nxt, *planes = w->planes;
    uint32_t *fr = w->order;
    size_t s0 = b * J->bsize, k = s0 + J->bsize < J->nitems ? J->bsize : J->nitems - s0;
    uint64_t all[MSW], hs[MS_SOURCES], reach[MS_SOURCES];
    double harm[MS_SOURCES];
    for (int j = 0; j < MSW; j++) all[j] = 0;
    size_t nf = 0, fa = 0;
    for (size_t i = 0; i < k; i++) {
        uint32_t v = J->src ? J->src[s0 + i] : (uint32_t)(s0 + i);
        uint64_t bit = (uint64_t)1 << (i % 64);
        all[i / 64] |= bit;
        seen[(size_t)v * MSW + i / 64] |= bit;
        vis[(size_t)v * MSW + i / 64] |= bit;
        fr[nf++] = v; /* the sources are distinct */
        fa += g->off[v + 1] - g->off[v];
        hs[i] = 0;
        reach[i] = 1;
        harm[i] = 0;
    }
    size_t m = g->m;
    int32_t d = 0, maxh = w->maxh;
    while (nf > 0 && d < maxh) {
        d++;
        if (fa * MS_ALPHA > m) {
            /* Bottom-up: every actor some source has not reached pulls from its in-neighbours. */
            for (uint32_t x = 0; x < n; x++) {
                uint64_t need[MSW], acc[MSW], open = 0;
                for (int j = 0; j < MSW; j++) open |= need[j] = all[j] & ~seen[(size_t)x * MSW + j];
                if (!open) continue;
                for (int j = 0; j < MSW; j++) acc[j] = 0;
                size_t k1 = rg->off[x + 1];
                for (size_t a = rg->off[x]; a < k1; a++) {
                    const uint64_t *vv = &vis[(size_t)rg->adj[a] * MSW];
                    uint64_t left = 0;
                    for (int j = 0; j < MSW; j++) {
                        acc[j] |= vv[j];
                        left |= need[j] & ~acc[j];
                    }
                    if (!left) break; /* every source that lacks x reaches it now */
                }
                for (int j = 0; j < MSW; j++) nxt[(size_t)x * MSW + j] = acc[j] & need[j];
            }
        } else {
            /* Top-down: the frontier pushes its words along its arcs. */
            for (size_t i = 0; i < nf; i++) {
                uint32_t v = fr[i];
                const uint64_t *vv = &vis[(size_t)v * MSW];
                size_t k1 = g->off[v + 1];
                for (size_t a = g->off[v]; a < k1; a++) {
                    uint64_t *nx = &nxt[(size_t)g->adj[a] * MSW];
                    for (int j = 0; j < MSW; j++) nx[j] |= vv[j];
                }
            }
        }
        /* The new frontier: what each actor got that it had not seen; counted per source. */
        nf = 0;
        fa = 0;
        for (uint32_t x = 0; x < n; x++) {
            uint64_t any = 0;
            for (int j = 0; j < MSW; j++) {
                size_t q = (size_t)x * MSW + j;
                uint64_t nw = nxt[q] & ~seen[q];
                nxt[q] = 0;
                vis[q] = nw;
                seen[q] |= nw;
                any |= nw;
                if (nw) ms_count(planes, j, nw);
            }
            if (any) {
                fr[nf++] = x;
                fa += g->off[x + 1] - g->off[x];
            }
        }
        if (nf == 0) break;
        /* Read the counters out, source by source, and clear them. */
        for (size_t i = 0; i < k; i++) {
            uint64_t c = 0;
            for (int p = 0; p < MS_PLANES; p++) c |= ((planes[(size_t)p * MSW + i / 64] >> (i % 64)) & 1) << p;
            hs[i] += (uint64_t)d * c;
            reach[i] += c;
            harm[i] += (double)c / (double)d;
        }
        memset(planes, 0, (size_t)MS_PLANES * MSW * sizeof *planes);
    }
    /* Leave the words clear for the next batch. */
    for (size_t i = 0; i < (size_t)n * MSW; i++) seen[i] = vis[i] = 0;
    double n1 = (double)n - 1;
    for (size_t i = 0; i < k; i++) {
        double r1 = (double)(reach[i] - 1), sum = (double)hs[i];
        if (J->kind == K_HARMONIC)
            J->res[s0 + i] = harm[i];
        else
            J->res[s0 + i] = sum > 0 ? (r1 / sum) * (r1 / n1) : 0;
    }
}

/* ---- exact betweenness ------------------------------------------------------------------------ */

/* Backward accumulation from the forward search of s, in pull form; adds mult·δ_s(v) to part
 * (vertex) and the arc shares to epart (edge). */
static void accumulate(const job *J, work *w, size_t reached, double mult) {
    const view *g = J->g;
    const uint32_t *order = w->order;
    const double *sigma = w->sigma;
    double *coef = w->coef, *part = w->part, *epart = J->kind == K_EDGE ? w->epart : NULL;
    const double *tgt = J->tgt;
    double ep = J->endpoints ? 1 : 0;   /* v's credit as the target of the path */
    size_t last = J->kind == K_EDGE ? 0 : 1; /* edge betweenness also needs the source's arcs */
    if (!J->weighted) {
        const int32_t *hops = w->hops;
        int32_t maxh = hops[order[reached - 1]];
        for (size_t i = reached; i-- > last;) {
            uint32_t v = order[i];
            int32_t dv1 = hops[v] + 1;
            double sum = 0;
            if (hops[v] < maxh) {
                size_t k1 = g->off[v + 1];
                if (epart) {
                    double sv = sigma[v];
                    for (size_t k = g->off[v]; k < k1; k++) {
                        uint32_t x = g->adj[k];
                        if (hops[x] == dv1) {
                            sum += coef[x];
                            epart[k] += sv * coef[x];
                        }
                    }
                } else {
                    sum = sum_level(g->adj, g->off[v], k1, hops, coef, dv1);
                }
            }
            double d = sigma[v] * sum;
            coef[v] = ((tgt ? tgt[v] : 1) + d) / sigma[v];
            if (i > 0 && part) part[v] += mult * (d + ep);
        }
    } else {
        const double *dist = w->dist;
        const uint32_t *pos = w->pos;
        for (size_t i = reached; i-- > last;) {
            uint32_t v = order[i];
            uint32_t rv = pos[v];
            double dv = dist[v], sum = 0, sv = sigma[v];
            size_t k1 = g->off[v + 1];
            for (size_t k = g->off[v]; k < k1; k++) {
                uint32_t x = g->adj[k];
                /* a successor: settled after v (every reached actor is settled) on a shortest path */
                if (dist[x] != INFINITY && pos[x] > rv && same_len(dv + g->len[k], dist[x])) {
                    sum += coef[x];
                    if (epart) epart[k] += sv * coef[x];
                }
            }
            double d = sv * sum;
            coef[v] = ((tgt ? tgt[v] : 1) + d) / sv;
            if (i > 0 && part) part[v] += mult * (d + ep);
        }
    }
}

/* Brandes from s in hops for vertex betweenness (directed or undirected view): both phases, adding
 * mult·δ_s(v) to part. Returns the number of actors reached (in order).
 *
 * Everything is kept by position in the visit order rather than by actor: at[x] is x's position
 * (UINT32_MAX: not reached; the hops array, whose −1 reads as UINT32_MAX, so bfs_reset clears it),
 * sigma[i] and coef[i] belong to order[i]. A level is a run of positions, and while level h is
 * scanned nobody beyond h + 1 is known, so x is one level further than the scanning actor exactly
 * when at[x] ≥ the end of level h's run (unreached actors included): one load and one test per
 * arc. Each such arc lies on shortest paths: σ is pushed along it (integers, exact below 2^53,
 * so the order of the additions does not matter) and the position of its head is appended to
 * succ, order[i]'s from soff[i] to soff[i + 1]. The backward phase then reads those successor
 * arcs alone, in reverse order, each sum of coef[x] = (t(x) + δ(x))/σ(x) running over positions of
 * the next level, close together: no arc is tested twice (GAPBS marks successor arcs in a bitmap
 * but scans every arc again), and the per-actor values are read in sequence. */
static size_t brandes_hops(const job *J, work *w, uint32_t s, double mult) {
    const view *g = J->g;
    const size_t *off = g->off;
    const uint32_t *adj = g->adj;
    uint32_t *order = w->order, *at = (uint32_t *)w->hops, *succ = w->succ;
    size_t *soff = w->soff;
    double *sigma = w->sigma, *coef = w->coef;
    size_t lo = 0, hi = 1, tail = 1, ns = 0;
    int32_t h = 0, maxh = w->maxh;
    order[0] = s;
    at[s] = 0;
    sigma[0] = 1;
    soff[0] = 0;
    while (lo < hi && h < maxh) { /* the cutoff's level is discovered, not scanned */
        uint32_t next = (uint32_t)hi;
        for (size_t i = lo; i < hi; i++) {
            uint32_t v = order[i];
            double sv = sigma[i];
            size_t k1 = off[v + 1];
            if (i + 8 < hi) __builtin_prefetch(&off[order[i + 8]]);
            if (i + 4 < hi) __builtin_prefetch(&adj[off[order[i + 4]]]);
            for (size_t k = off[v]; k < k1; k++) {
                uint32_t x = adj[k], q = at[x];
                if (q >= next) {
                    if (q == UINT32_MAX) {
                        q = (uint32_t)tail++;
                        at[x] = q;
                        order[q] = x;
                        sigma[q] = sv;
                    } else {
                        sigma[q] += sv;
                    }
                    succ[ns++] = q;
                }
            }
            soff[i + 1] = ns;
        }
        lo = hi;
        hi = tail;
        h++;
    }
    for (size_t i = lo; i < tail; i++) soff[i + 1] = ns; /* not scanned: no successors */
    /* Backward, in pull form by position; four sums so that the additions do not wait on each
     * other, added in a fixed order. The same pass clears at[] and puts the actors reached in
     * the block's tlist (betw_merge visits them alone), as betw_block does for the other searches. */
    const double *tgt = J->tgt;
    double *part = w->part, ep = J->endpoints ? 1 : 0;
    uint32_t *tlist = w->tlist;
    uint8_t *tflag = w->tflag;
    size_t tc = *w->tcount;
    for (size_t i = tail; i-- > 1;) {
        size_t k = soff[i], k1 = soff[i + 1];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (; k + 4 <= k1; k += 4) {
            s0 += coef[succ[k]];
            s1 += coef[succ[k + 1]];
            s2 += coef[succ[k + 2]];
            s3 += coef[succ[k + 3]];
        }
        for (; k < k1; k++) s0 += coef[succ[k]];
        uint32_t v = order[i];
        if (i > 8) __builtin_prefetch(&part[order[i - 8]], 1);
        double sv = sigma[i], d = sv * ((s0 + s1) + (s2 + s3));
        coef[i] = ((tgt ? tgt[v] : 1) + d) / sv;
        part[v] += mult * (d + ep);
        at[v] = UINT32_MAX;
        if (!tflag[v]) {
            tflag[v] = 1;
            tlist[tc++] = v;
        }
    }
    at[s] = UINT32_MAX;
    if (!tflag[s]) {
        tflag[s] = 1;
        tlist[tc++] = s;
    }
    *w->tcount = tc;
    return tail;
}

static void betw_block(const job *J, work *w, size_t b) {
    const view *g = J->g;
    size_t i0 = b * J->bsize, i1 = i0 + J->bsize < J->nitems ? i0 + J->bsize : J->nitems;
    for (size_t i = i0; i < i1; i++) {
        uint32_t s = J->src ? J->src[i] : (uint32_t)i;
        double mult = J->mult ? J->mult[s] : 1;
        if (mult == 0) continue; /* a leaf: counted with its neighbour */
        size_t reached;
        uint32_t left = 0;
        if (w->succ) {
            reached = brandes_hops(J, w, s, mult);
        } else {
            if (J->weighted)
                reached = dijkstra(g, w, s, 1, UINT32_MAX, &left);
            else
                reached = bfs_paths(g, J->rg, w, s, UINT32_MAX);
            if (reached > 1) accumulate(J, w, reached, mult);
        }
        /* The leaves of s, as sources, each reach every actor s reaches but themselves and s. */
        if (mult > 1 && w->part) w->part[s] += (mult - 1) * (double)(reached - 2);
        if (J->endpoints && w->part) {
            /* s as the source of its paths; accumulate gave each other actor its credit as a
             * target, once per search it stands for. A leaf l of s (as a source, it reaches what s
             * reaches) also gets reached − 1 as a source, minus the 1 it got as its own target;
             * and s gets 1 as the target of each leaf. */
            w->part[s] += (double)(reached - 1);
            if (mult > 1)
                for (size_t k = g->off[s]; k < g->off[s + 1]; k++) {
                    uint32_t l = g->adj[k];
                    if (J->mult[l] == 0) {
                        w->part[l] += (double)(reached - 2);
                        w->part[s] += 1;
                    }
                }
        }
        if (w->succ) continue; /* brandes_hops has done the rest */
        /* Remember who may have a partial ≠ 0, so that the merge visits them alone. */
        for (size_t j = 0; j < reached; j++) {
            uint32_t v = w->order[j];
            if (!w->tflag[v]) {
                w->tflag[v] = 1;
                w->tlist[(*w->tcount)++] = v;
            }
        }
        if (J->weighted)
            dijkstra_reset(w, reached, left);
        else
            bfs_reset(w, reached);
    }
}

/* Add a block's partials into the totals, clearing them (called in block order). Only the
 * actors its searches reached (tlist) and their rows can hold a partial ≠ 0; adding the others'
 * +0 would change no total, so the merge costs O(reached), not O(V + E): with a cutoff, a block
 * may reach few actors of a large network. */
static void betw_merge(const job *J, double *part, double *epart, uint32_t *tlist, uint8_t *tflag, size_t *tcount) {
    const view *g = J->g;
    /* Each actor's total gets its own partial, so the order of the actors changes no bits: when
     * the block reached more than an eighth of them, visit them in index order (in sequence
     * through memory) rather than in tlist's order (as found). */
    size_t cnt = *tcount;
    int dense = cnt > g->n / 8;
    for (size_t i = 0, v1 = dense ? g->n : cnt; i < v1; i++) {
        uint32_t v = dense ? (uint32_t)i : tlist[i];
        if (dense && !tflag[v]) continue;
        tflag[v] = 0;
        if (J->total) {
            J->total[v] += part[v];
            part[v] = 0;
        }
        if (J->etotal)
            for (size_t k = g->off[v]; k < g->off[v + 1]; k++) {
                J->etotal[k] += epart[k];
                epart[k] = 0;
            }
    }
    *tcount = 0;
}

/* ---- sampled betweenness (Riondato–Kornaropoulos) ---------------------------------------------- */

static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* splitmix64: the stream of sample i is seeded from (seed, i) alone. */
static inline uint64_t rng_next(uint64_t *st) {
    *st += 0x9e3779b97f4a7c15ULL;
    return mix64(*st);
}

static inline uint64_t rng_below(uint64_t *st, uint64_t bound) {
    uint64_t lim = UINT64_MAX - UINT64_MAX % bound, x;
    do x = rng_next(st);
    while (x >= lim);
    return x % bound;
}

static inline double rng_unit(uint64_t *st) { return (double)(rng_next(st) >> 11) * 0x1.0p-53; }

/* The pair of sample i, drawn from a stream seeded by (LEV_P_SEED, i) alone, by actor index,
 * returned relabelled (the views' numbering); *st is left for the path's own draws. 0 when the
 * two lie in different components of an undirected view (no path: nothing to search). */
static inline int samp_pair(const job *J, size_t i, uint64_t *st, uint32_t *u, uint32_t *t) {
    uint32_t n = J->g->n;
    *st = mix64(J->seed * 0x9e3779b97f4a7c15ULL + mix64((uint64_t)i + 0x632be59bd9b4e019ULL));
    uint32_t a = (uint32_t)rng_below(st, n), z = (uint32_t)rng_below(st, n - 1);
    if (z >= a) z++;
    *u = J->rank[a];
    *t = J->rank[z];
    return !J->comp || J->comp[*u] == J->comp[*t];
}

/* One side of a bidirectional Dijkstra: labels in w, arcs of g (the forward view for the search
 * from s, the reverse view for the one from t), hsize actors in the heap, `settled` settled,
 * `scanned` arcs looked at (the work done, which decides which side goes next). */
typedef struct side {
    work *w;
    const view *g;
    uint32_t hsize, settled;
    size_t scanned;
} side;

static void side_start(side *a, work *w, const view *g, uint32_t x) {
    a->w = w;
    a->g = g;
    a->hsize = 1;
    a->settled = 0;
    a->scanned = 0;
    heap_start(w, x);
    w->sigma[x] = 1;
}

/* Settle the nearest actor of side a (returned) without scanning its arcs. */
static uint32_t side_pop(side *a) {
    work *w = a->w;
    uint32_t v = heap_pop(w, &a->hsize);
    w->pos[v] = a->g->n + a->settled;
    w->order[a->settled++] = v;
    return v;
}

/* Relax the arcs of v (just settled by a), counting shortest paths as dijkstra() does; every arc
 * into an actor the other side b has labelled offers a path s → t of length *mu or less. */
static void side_scan(side *a, const side *b, uint32_t v, double *mu) {
    work *w = a->w;
    const view *g = a->g;
    uint32_t n = g->n, *pos = w->pos;
    double *dist = w->dist, *sigma = w->sigma, dv = dist[v], sv = sigma[v];
    const double *bdist = b->w->dist;
    size_t k0 = g->off[v], k1 = g->off[v + 1];
    a->scanned += k1 - k0 + 1;
    for (size_t k = k0; k < k1; k++) {
        uint32_t x = g->adj[k];
        double alt = dv + g->len[k], dx = dist[x];
        if (bdist[x] != INFINITY && alt + bdist[x] < *mu) *mu = alt + bdist[x];
        if (dx == INFINITY) {
            dist[x] = alt;
            sigma[x] = sv;
            w->heap[a->hsize] = x;
            heap_up(w, a->hsize++);
        } else if (pos[x] >= n) {
            continue;
        } else if (same_len(alt, dx)) {
            sigma[x] += sv;
        } else if (alt < dx) {
            dist[x] = alt;
            sigma[x] = sv;
            heap_up(w, pos[x]);
        }
    }
}

/* Walk from x to `to` along shortest paths of side w (arcs of h lead to the actors settled before
 * x: in-rows for the search from s, out-rows for the one from t), choosing each next actor p with
 * probability σ(p)/σ(x); counts the actors passed on the way, `to` excluded. */
static void walk_back(const view *h, const work *w, uint32_t x, uint32_t to, uint64_t *st, uint64_t *count) {
    uint32_t n = h->n;
    while (x != to) {
        double pick = rng_unit(st) * w->sigma[x], acc = 0;
        uint32_t chosen = UINT32_MAX;
        size_t k1 = h->off[x + 1];
        for (size_t k = h->off[x]; k < k1; k++) {
            uint32_t p = h->adj[k];
            if (!(w->dist[p] != INFINITY && w->pos[p] >= n && w->pos[p] < w->pos[x] &&
                  same_len(w->dist[p] + h->len[k], w->dist[x])))
                continue;
            chosen = p;
            acc += w->sigma[p];
            if (pick < acc) break;
        }
        x = chosen; /* the last one if rounding left pick ≥ the sum */
        if (x != to) count[x]++;
    }
}

/* Sample i: a pair (u, t) and one of its shortest paths, uniformly, by a balanced bidirectional
 * Dijkstra (Borassi & Natale 2019, §5: the side that has scanned fewer arcs goes next). The
 * search stops when the two heap tops add up to more than μ, the shortest length seen; then
 * every shortest path has exactly one arc a → x with a settled from u and x settled from t but
 * not from u (a is the path's last actor settled from u: the actors settled from u are those
 * nearer than its heap top and perhaps some at that distance, a prefix of the path; x is
 * nearer to t than the top of t's heap as the tops add up to more than μ), so σ(u, t) is the
 * sum of σ_u(a)·σ_t(x) over those arcs, and a path is drawn by drawing the arc in proportion,
 * then walking from a back to u and from x on to t. When a side settles the other's end first,
 * its labels alone give the paths (as a one-way search). A side whose heap runs dry means t is
 * out of reach. */
static void approx_block(const job *J, work *w, size_t b) {
    const view *g = J->g, *rg = J->rg;
    uint32_t n = g->n;
    work *wb = w + J->bside; /* the thread's backward workspace */
    size_t i0 = J->first + b * J->bsize, end = J->first + J->nitems, i1 = i0 + J->bsize < end ? i0 + J->bsize : end;
    for (size_t i = i0; i < i1; i++) {
        uint64_t st;
        uint32_t u, t;
        if (!samp_pair(J, i, &st, &u, &t)) continue;
        side F, B;
        side_start(&F, w, g, u);
        side_start(&B, wb, rg, t);
        double mu = INFINITY;
        int how = 0; /* 1: F settled t; 2: B settled u; 3: the two met */
        while (F.hsize > 0 && B.hsize > 0) {
            double tf = w->dist[w->heap[0]], tb = wb->dist[wb->heap[0]];
            if (mu != INFINITY && tf + tb > mu && !same_len(tf + tb, mu)) {
                how = 3;
                break;
            }
            int fwd = F.scanned <= B.scanned;
            side *a = fwd ? &F : &B, *o = fwd ? &B : &F;
            uint32_t v = side_pop(a);
            if (v == (fwd ? t : u)) {
                how = fwd ? 1 : 2;
                break;
            }
            side_scan(a, o, v, &mu);
        }
        if (how == 1) {
            walk_back(rg, w, t, u, &st, w->count);
        } else if (how == 2) {
            walk_back(g, wb, u, t, &st, w->count);
        } else if (how == 3) {
            /* Two passes over the arcs out of F's settled actors: the sum, then the draw. */
            double total = 0, pick = 0, acc = 0;
            uint32_t ca = UINT32_MAX, cx = UINT32_MAX;
            int done = 0;
            for (int pass = 0; pass < 2; pass++) {
                if (pass == 1) pick = rng_unit(&st) * total;
                for (uint32_t j = 0; j < F.settled && !done; j++) {
                    uint32_t a = w->order[j];
                    for (size_t k = g->off[a]; k < g->off[a + 1]; k++) {
                        uint32_t x = g->adj[k];
                        if (w->dist[x] != INFINITY && w->pos[x] >= n) continue; /* settled from u */
                        if (!(wb->dist[x] != INFINITY && wb->pos[x] >= n)) continue;
                        if (!same_len(w->dist[a] + g->len[k] + wb->dist[x], mu)) continue;
                        double c = w->sigma[a] * wb->sigma[x];
                        if (pass == 0) {
                            total += c;
                        } else {
                            acc += c;
                            ca = a; /* the last one if rounding left pick ≥ the sum */
                            cx = x;
                            if (pick < acc) {
                                done = 1;
                                break;
                            }
                        }
                    }
                }
            }
            if (ca != UINT32_MAX) {
                if (ca != u) w->count[ca]++;
                if (cx != t) w->count[cx]++;
                walk_back(rg, w, ca, u, &st, w->count);
                walk_back(g, wb, cx, t, &st, w->count);
            }
        }
        dijkstra_reset(w, F.settled, F.hsize);
        dijkstra_reset(wb, B.settled, B.hsize);
    }
}

/* ---- the hop sampler: a level-synchronous balanced bidirectional BFS ----------------------------- *
 *
 * w->hops holds each actor's side and distance: −1 not reached, d for distance d from s,
 * HOP_T + d for distance d to t; w->sigma the number of shortest paths from s (to t); w->order
 * the queue, each level of each side a contiguous run of it. The thread's second workspace
 * (w + J->bside) lends its sigma and order to the meeting frontier's weights and actors. */

#define HOP_T ((int32_t)1 << 30)

/* From x (tag hx: its side and distance) back to its side's end, each step to a neighbour p one
 * level nearer the end with probability σ(p)/σ(x) (arcs of h lead there: in-rows for the side of
 * s, out-rows for the side of t); counts the actors passed, the end excluded. */
static void hop_walk(const view *h, const work *w, uint32_t x, int32_t hx, uint64_t *st, uint64_t *count) {
    while ((hx & (HOP_T - 1)) > 0) {
        int32_t want = hx - 1;
        double pick = rng_unit(st) * w->sigma[x], acc = 0;
        uint32_t chosen = x;
        for (size_t k = h->off[x], k1 = h->off[x + 1]; k < k1; k++) {
            uint32_t p = h->adj[k];
            if (w->hops[p] != want) continue;
            chosen = p; /* the last one if rounding left pick ≥ the sum */
            acc += w->sigma[p];
            if (pick < acc) break;
        }
        x = chosen;
        hx = want;
        if (hx & (HOP_T - 1)) count[x]++;
    }
}

/* Sample i with hops (Borassi & Natale 2019, §5.1): the searches from s (out-arcs) and from t
 * (in-arcs) take turns by whole levels, the side whose frontier has the smaller degree sum going
 * next, until a level's arcs reach the other side. Those arcs a → x (a on the expanding side's
 * frontier, x necessarily on the other side's last level, so every one closes a shortest path)
 * carry all σ(s, t) shortest paths, σ(a)·σ(x) of them each. One is drawn uniformly: a with
 * probability σ(a)·Σ_x σ(x) / σ(s, t), then x ∝ σ(x), then each half walked back to its end.
 * A frontier with no arcs means t is out of reach. Only the actors reached are reset. */
static void hop_block(const job *J, work *w, size_t b) {
    const view *g = J->g, *rg = J->rg;
    work *wx = w + J->bside;
    int32_t *hops = w->hops;
    double *sig = w->sigma, *aggw = wx->sigma;
    uint32_t *q = w->order, *mlist = wx->order;
    size_t i0 = J->first + b * J->bsize, end = J->first + J->nitems, i1 = i0 + J->bsize < end ? i0 + J->bsize : end;
    for (size_t i = i0; i < i1; i++) {
        uint64_t st;
        uint32_t u, t;
        if (!samp_pair(J, i, &st, &u, &t)) continue;
        hops[u] = 0;
        hops[t] = HOP_T;
        sig[u] = sig[t] = 1;
        q[0] = u;
        q[1] = t;
        size_t fs0 = 0, fs1 = 1, ft0 = 1, ft1 = 2, qend = 2, nm = 0;
        size_t ds = g->off[u + 1] - g->off[u], dt = rg->off[t + 1] - rg->off[t];
        int32_t ls = 0, lt = HOP_T;
        int fwd = 1, met = 0;
        for (;;) {
            fwd = ds <= dt;
            if ((fwd ? ds : dt) == 0) break; /* that side has nowhere to go: no path */
            const view *h = fwd ? g : rg;
            size_t f0 = fwd ? fs0 : ft0, f1 = fwd ? fs1 : ft1, nd = 0, nstart = qend;
            int32_t next = (fwd ? ls : lt) + 1;
            for (size_t j = f0; j < f1; j++) {
                uint32_t a = q[j];
                double sa = sig[a], wsum = 0;
                for (size_t k = h->off[a], k1 = h->off[a + 1]; k < k1; k++) {
                    uint32_t y = h->adj[k];
                    int32_t hy = hops[y];
                    if (hy < 0) {
                        if (met) continue; /* the last level: nobody new is needed */
                        hops[y] = next;
                        sig[y] = sa;
                        q[qend++] = y;
                        nd += h->off[y + 1] - h->off[y];
                    } else if (hy == next) {
                        sig[y] += sa;
                    } else if ((hy >= HOP_T) == fwd) {
                        wsum += sig[y]; /* the other side */
                    }
                }
                if (wsum > 0) {
                    met = 1;
                    aggw[nm] = sa * wsum;
                    mlist[nm++] = a;
                }
            }
            if (met) break;
            if (fwd) {
                fs0 = nstart, fs1 = qend, ds = nd, ls = next;
            } else {
                ft0 = nstart, ft1 = qend, dt = nd, lt = next;
            }
        }
        if (met) {
            const view *h = fwd ? g : rg;
            double total = 0, acc = 0;
            for (size_t j = 0; j < nm; j++) total += aggw[j];
            double pick = rng_unit(&st) * total;
            size_t j = 0;
            for (; j + 1 < nm; j++) {
                acc += aggw[j];
                if (pick < acc) break;
            }
            uint32_t a = mlist[j], x = a;
            double ysum = 0;
            for (size_t k = h->off[a]; k < h->off[a + 1]; k++)
                if (hops[h->adj[k]] >= 0 && (hops[h->adj[k]] >= HOP_T) == fwd) ysum += sig[h->adj[k]];
            pick = rng_unit(&st) * ysum;
            acc = 0;
            for (size_t k = h->off[a]; k < h->off[a + 1]; k++) {
                uint32_t y = h->adj[k];
                if (!(hops[y] >= 0 && (hops[y] >= HOP_T) == fwd)) continue;
                x = y;
                acc += sig[y];
                if (pick < acc) break;
            }
            uint32_t as = fwd ? a : x, at = fwd ? x : a; /* the arc's ends on the side of s, of t */
            if (hops[as] != 0) w->count[as]++;
            if (hops[at] != HOP_T) w->count[at]++;
            hop_walk(rg, w, as, hops[as], &st, w->count);
            hop_walk(g, w, at, hops[at], &st, w->count);
        }
        for (size_t j = 0; j < qend; j++) hops[q[j]] = -1;
    }
}

/* ---- the parallel driver ------------------------------------------------------------------------ */

typedef void (*block_fn)(const job *J, work *w, size_t b);
/* Betweenness blocks, whose partials are added to the totals in block order go through a reorder buffer:
 * each thread owns K partial slots; a finished block leaves its partial in a slot and marks the
 * block ready, and whoever holds the lock adds the ready blocks at the head, in order, freeing
 * their slots. A thread waits only when all K of its slots hold blocks that are still waiting
 * for an earlier one, so a descheduled thread stalls the others K blocks later instead of at
 * once (an OpenMP `ordered` region did the latter). The sums are the same as a sequential run:
 * bit-identical for any thread count. */
typedef struct rob {
    int K;                 /* slots per thread */
    size_t vlen, elen;     /* doubles per vertex slot (n or 0), per arc slot (m or 0) */
    double *vbuf, *ebuf;   /* T·K slots each, thread t's slots at t·K .. t·K + K − 1 */
    size_t n;              /* actors */
    uint32_t *tlist;       /* per slot: n entries, the actors with partials (betw_merge) */
    uint8_t *tflag;        /* per slot: n flags */
    size_t *tcount;        /* per slot */
    atomic_int *ready;     /* per block: 1 + its slot once the partial is there, else 0 */
    atomic_int *busy;      /* per slot: 1 while it holds a partial not yet added */
    size_t nblocks, next;  /* next: the first block not yet added (under lock) */
    pthread_mutex_t lock;
} rob;

/* Add the ready blocks at the head, in order. wait = 0: give up if another thread is at it. */
static void rob_drain(rob *r, const job *J, int wait) {
    if (wait)
        pthread_mutex_lock(&r->lock);
    else if (pthread_mutex_trylock(&r->lock) != 0)
        return;
    while (r->next < r->nblocks) {
        int slot = atomic_load_explicit(&r->ready[r->next], memory_order_acquire);
        if (!slot) break;
        size_t sl = (size_t)(slot - 1);
        betw_merge(J, r->vlen ? r->vbuf + sl * r->vlen : NULL, r->elen ? r->ebuf + sl * r->elen : NULL,
                   r->tlist + sl * r->n, r->tflag + sl * r->n, &r->tcount[sl]); /* zeroes the slot */
        atomic_store_explicit(&r->busy[slot - 1], 0, memory_order_release);
        r->next++;
    }
    pthread_mutex_unlock(&r->lock);
}

/* Point w at one of thread t's free slots, draining (and yielding) until one is free; −1 if
 * the run is stopped meanwhile (a cancel: the block is skipped like any after it). */
static int rob_slot(rob *r, const job *J, work *w, int t, atomic_int *stop) {
    for (;;) {
        if (atomic_load_explicit(stop, memory_order_relaxed)) return -1;
        for (int j = 0; j < r->K; j++) {
            int slot = t * r->K + j;
            if (!atomic_load_explicit(&r->busy[slot], memory_order_acquire)) {
                atomic_store_explicit(&r->busy[slot], 1, memory_order_relaxed);
                w->part = r->vlen ? r->vbuf + (size_t)slot * r->vlen : NULL;
                w->tlist = r->tlist + (size_t)slot * r->n;
                w->tflag = r->tflag + (size_t)slot * r->n;
                w->tcount = &r->tcount[slot];
                w->epart = r->elen ? r->ebuf + (size_t)slot * r->elen : NULL;
                return slot;
            }
        }
        rob_drain(r, J, 0);
        sched_yield();
    }
}

/* Run f on blocks 0..nblocks−1 over `threads` threads. With r (betweenness), each block's
 * partials go through the reorder buffer, which adds them to the totals in block order. The calling thread reports
 * progress after each of its blocks; a cancel stops the others at their next block. */
static lev_status run_blocks(const lev__ctx *c, const job *J, work *ws, int threads, size_t nblocks, block_fn f,
                             rob *r, const char *what) {
    lev_status rc = LEV_OK;
    atomic_int stop = 0;
    atomic_size_t done = 0;
    (void)threads;
    if (nblocks == 0) return lev__ctx_progress(c, 1, what);
#pragma omp parallel num_threads(threads)
    {
        int t = lev__thread_num();
        work *w = &ws[t];
#pragma omp for schedule(dynamic, 1)
        for (size_t b = 0; b < nblocks; b++) {
            if (atomic_load_explicit(&stop, memory_order_relaxed)) continue;
            int slot = r ? rob_slot(r, J, w, t, &stop) : 0;
            if (slot < 0) continue;
            f(J, w, b);
            if (r) {
                atomic_store_explicit(&r->ready[b], slot + 1, memory_order_release);
                rob_drain(r, J, 0);
            }
            size_t d = atomic_fetch_add(&done, 1) + 1;
            if (t == 0 && lev__ctx_progress(c, (double)d / (double)nblocks, what)) {
                rc = LEV_ECANCELLED;
                atomic_store(&stop, 1);
            }
        }
    }
    /* Whatever is still waiting (all blocks are done unless cancelled). */
    if (r && rc == LEV_OK) rob_drain(r, J, 1);
    /* A last report, on the calling thread, whoever did the last block. */
    if (rc == LEV_OK) rc = lev__ctx_progress(c, 1, what);
    return rc;
}

/* Threads to use: no more than blocks, and one for small jobs (same result either way). */
static int pick_threads(const lev__ctx *c, size_t nblocks, double work_units) {
    int t = c->threads;
    if ((size_t)t > nblocks) t = (int)nblocks;
    if (work_units < 2e5) t = 1;
    return t < 1 ? 1 : t;
}

/* Per-thread workspaces: what each kind needs, n entries each (m for arc partials). */
static int alloc_work(scratch *s, work *ws, int threads, const view *g, int kind, int weighted, int slots) {
    size_t n = g->n, T = (size_t)threads, K = slots < 1 ? 1 : (size_t)slots;
    uint32_t *order = scr_alloc(s, T * n, sizeof *order);
    if (!order) return -1;
    int32_t *hops = NULL;
    double *dist = NULL, *sigma = NULL, *coef = NULL, *part = NULL, *epart = NULL;
    uint32_t *heap = NULL, *pos = NULL;
    double *hkey = NULL;
    uint64_t *count = NULL;
    if (weighted) {
        if (!(dist = scr_alloc(s, T * n, sizeof *dist)) || !(heap = scr_alloc(s, T * n, sizeof *heap)) ||
            !(pos = scr_alloc(s, T * n, sizeof *pos)) || !(hkey = scr_alloc(s, T * n, sizeof *hkey)))
            return -1;
    } else if (!(hops = scr_alloc(s, T * n, sizeof *hops))) {
        return -1;
    }
    if (kind != K_CLOSENESS && kind != K_HARMONIC && !(sigma = scr_alloc(s, T * n, sizeof *sigma))) return -1;
    if ((kind == K_BETWEENNESS || kind == K_EDGE) && !(coef = scr_alloc(s, T * n, sizeof *coef))) return -1;
    if (kind == K_BETWEENNESS && !(part = scr_alloc(s, T * K * n, sizeof *part))) return -1;
    if (kind == K_EDGE && !(epart = scr_alloc(s, T * K * g->m, sizeof *epart))) return -1;
    if (kind == K_APPROX && !(count = scr_alloc(s, T * n, sizeof *count))) return -1;
    uint32_t *succ = NULL;
    size_t *soff = NULL;
    if (kind == K_BETWEENNESS && !weighted &&
        (!(succ = scr_alloc(s, T * g->m, sizeof *succ)) || !(soff = scr_alloc(s, T * (n + 1), sizeof *soff))))
        return -1;
    for (size_t t = 0; t < T; t++) {
        work *w = &ws[t];
        memset(w, 0, sizeof *w);
        w->maxh = INT32_MAX; /* no cutoff unless the caller sets one (set_cutoff) */
        w->cut = INFINITY;
        w->order = order + t * n;
        if (weighted) {
            w->dist = dist + t * n;
            w->heap = heap + t * n;
            w->hkey = hkey + t * n;
            w->pos = pos + t * n;
            for (size_t v = 0; v < n; v++) w->dist[v] = INFINITY;
        } else {
            w->hops = hops + t * n;
            for (size_t v = 0; v < n; v++) w->hops[v] = -1;
        }
        if (sigma) {
            w->sigma = sigma + t * n;
            memset(w->sigma, 0, n * sizeof *w->sigma); /* read under a mask before written */
        }
        if (coef) {
            w->coef = coef + t * n;
            memset(w->coef, 0, n * sizeof *w->coef);
        }
        if (part) { /* K slots per thread, zero; w->part points at the first */
            w->part = part + t * K * n;
            memset(w->part, 0, K * n * sizeof *w->part);
        }
        if (epart) {
            w->epart = epart + t * K * g->m;
            memset(w->epart, 0, K * g->m * sizeof *w->epart);
        }
        if (count) {
            w->count = count + t * n;
            memset(w->count, 0, n * sizeof *w->count);
        }
        if (succ) {
            w->succ = succ + t * g->m;
            w->soff = soff + t * (n + 1);
        }
    }
    return 0;
}

/* ---- options ----------------------------------------------------------------------------------- */

/* Closeness and harmonic: out (the default, LEV_DIR_ALL included), in, or both ways. */
static int dist_dir(const lev_params *p) {
    if (lev__param(p, LEV_P_UNDIRECTED) != 0) return VIEW_BOTH;
    return (int)lev__param(p, LEV_P_DIRECTION) == LEV_DIR_IN ? VIEW_IN : VIEW_OUT;
}

/* LEV_P_CUTOFF into the workspaces: > 0 bounds the searches (hops: ⌊cutoff⌋). Returns 1 if set. */
static int set_cutoff(const lev_params *p, work *ws, int threads) {
    double cut = lev__param(p, LEV_P_CUTOFF);
    if (!(cut > 0)) return 0;
    int32_t maxh = cut >= (double)INT32_MAX ? INT32_MAX : (int32_t)floor(cut);
    for (int t = 0; t < threads; t++) {
        ws[t].maxh = maxh;
        ws[t].cut = cut;
    }
    return 1;
}

static lev_status oom(const lev__ctx *c, scratch *s, const char *what, size_t n, size_t m) {
    scr_free_all(s);
    return lev__ctx_fail(c, LEV_ENOMEM, "%s: out of memory for %zu actors and %zu edges", what, n, m);
}

/* ---- public entry points ---------------------------------------------------------------------- */

static lev_status check_subset(const lev__ctx *c, scratch *s, const char *what, const uint32_t *idx, size_t len,
                               const char *name);

/* Closeness or harmonic (kind) of every actor, or with sub of the nact actors given (out[i] is
 * actors[i]'s score: the same searches, so the same bits as the full call). */
static lev_status distance_measure(const lev_network *net, lev_params *p, double *out, int kind, const char *what,
                                   int sub, const uint32_t *actors, size_t nact) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n;
    scratch s = {.c = &c};
    if (sub && (rc = check_subset(&c, &s, what, actors, nact, "actors")) != LEV_OK)
        return rc == LEV_ENOMEM ? oom(&c, &s, what, n, g->m) : rc;
    size_t nitems = sub ? nact : n;
    if (nitems == 0) return LEV_OK;
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    view vw;
    uint32_t *rank, *perm, *src = NULL;
    if (relabel_order(&s, g, &rank, &perm) || view_build(&s, &c, dist_dir(p), weighted, 0, rank, perm, &vw))
        return oom(&c, &s, what, n, g->m);
    if (sub) {
        if (!(src = scr_alloc(&s, nact, sizeof *src))) return oom(&c, &s, what, n, g->m);
        for (size_t i = 0; i < nact; i++) src[i] = rank[actors[i]];
    }
    /* Hops from many sources: the multi-source BFS (ms_block), which pulls along the reverse view. */
    int ms = !weighted && nitems >= MS_MIN;
    view rvw = vw;
    int dir = dist_dir(p);
    if (ms && dir != VIEW_BOTH && view_build(&s, &c, dir == VIEW_OUT ? VIEW_IN : VIEW_OUT, 0, 0, rank, perm, &rvw))
        return oom(&c, &s, what, n, g->m);
    size_t bsize = ms ? MS_SOURCES : nitems >= 4096 ? 64 : 8, nblocks = (nitems + bsize - 1) / bsize;
    int threads = pick_threads(&c, nblocks, (double)nitems * (double)(n + vw.m));
    work *ws = scr_alloc(&s, (size_t)threads, sizeof *ws);
    double *res = scr_alloc(&s, nitems, sizeof *res);
    if (!ws || !res || alloc_work(&s, ws, threads, &vw, kind, weighted, 1)) return oom(&c, &s, what, n, g->m);
    if (ms) {
        size_t words = (size_t)n * MSW, T = (size_t)threads;
        uint64_t *bits = scr_alloc(&s, 3 * T * words, sizeof *bits);
        uint64_t *planes = scr_alloc(&s, T * MS_PLANES * MSW, sizeof *planes);
        if (!bits || !planes) return oom(&c, &s, what, n, g->m);
        memset(bits, 0, 3 * T * words * sizeof *bits);
        memset(planes, 0, T * MS_PLANES * MSW * sizeof *planes);
        for (size_t t = 0; t < T; t++) {
            ws[t].seen = bits + 3 * t * words;
            ws[t].vis = ws[t].seen + words;
            ws[t].nxt = ws[t].vis + words;
            ws[t].planes = planes + t * MS_PLANES * MSW;
        }
    }
    set_cutoff(p, ws, threads);
    job J = {.kind = kind, .g = &vw, .rg = &rvw, .weighted = weighted, .bsize = bsize, .nitems = nitems, .src = src,
             .res = res};
    rc = run_blocks(&c, &J, ws, threads, nblocks, ms ? ms_block : close_block, NULL, what);
    if (rc == LEV_OK) {
        double scale = kind == K_HARMONIC && lev__param(p, LEV_P_NORMALIZED) != 0 && n > 1 ? 1.0 / (double)(n - 1) : 1;
        if (sub)
            for (size_t i = 0; i < nact; i++) out[i] = res[i] * scale;
        else
            for (size_t v = 0; v < n; v++) out[v] = res[rank[v]] * scale;
    }
    scr_free_all(&s);
    return rc;
}

lev_status lev_closeness(const lev_network *net, lev_params *p, double *out) {
    return distance_measure(net, p, out, K_CLOSENESS, "closeness", 0, NULL, 0);
}

lev_status lev_harmonic(const lev_network *net, lev_params *p, double *out) {
    return distance_measure(net, p, out, K_HARMONIC, "harmonic", 0, NULL, 0);
}

lev_status lev_closeness_subset(const lev_network *net, const uint32_t *actors, size_t nactors, lev_params *p,
                                double *out) {
    return distance_measure(net, p, out, K_CLOSENESS, "closeness subset", 1, actors, nactors);
}

lev_status lev_harmonic_subset(const lev_network *net, const uint32_t *actors, size_t nactors, lev_params *p,
                               double *out) {
    return distance_measure(net, p, out, K_HARMONIC, "harmonic subset", 1, actors, nactors);
}

/* Sources per block: fixed by n alone, so the summation order is the same for any thread count. */
static size_t betw_block_size(size_t n) {
    size_t b = n / 256;
    return b < 1 ? 1 : b > 32 ? 32 : b;
}

/* Subset sources and targets: non-NULL unless empty, every index an actor, none twice. */
static lev_status check_subset(const lev__ctx *c, scratch *s, const char *what, const uint32_t *idx, size_t len,
                               const char *name) {
    size_t n = c->g->n;
    if (len > 0 && !idx) return lev__ctx_fail(c, LEV_EMISUSE, "%s: %s is NULL but its length is %zu", what, name, len);
    for (size_t i = 0; i < len; i++)
        if (idx[i] >= n)
            return lev__ctx_fail(c, LEV_EINVAL, "%s: %s[%zu] = %u is not an actor (the network has %zu)", what, name,
                                 i, (unsigned)idx[i], n);
    if (len < 2) return LEV_OK;
    size_t *first = scr_alloc(s, n, sizeof *first);
    if (!first) return LEV_ENOMEM;
    for (size_t v = 0; v < n; v++) first[v] = SIZE_MAX;
    lev_status rc = LEV_OK;
    for (size_t i = 0; i < len && rc == LEV_OK; i++) {
        if (first[idx[i]] != SIZE_MAX)
            rc = lev__ctx_fail(c, LEV_EINVAL, "%s: %s[%zu] repeats %s[%zu] (actor %u); give each actor once", what,
                               name, i, name, first[idx[i]], (unsigned)idx[i]);
        first[idx[i]] = i;
    }
    scr_pop(s); /* first */
    return rc;
}

/* Exact betweenness (kind K_BETWEENNESS or K_EDGE). sub: lev_betweenness_subset's call, from
 * the nsrc sources (NULL: none) to the ntgt targets (NULL: every actor). */
static lev_status betweenness_common(const lev_network *net, lev_params *p, double *out, int kind, int sub,
                                     const uint32_t *sources, size_t nsrc, const uint32_t *targets, size_t ntgt,
                                     const char *what) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n, m = g->m;
    scratch s = {.c = &c};
    if (sub) {
        if ((rc = check_subset(&c, &s, what, sources, nsrc, "sources")) ||
            (targets && (rc = check_subset(&c, &s, what, targets, ntgt, "targets")))) {
            if (rc == LEV_ENOMEM) return oom(&c, &s, what, n, m);
            return rc;
        }
        if (!targets && ntgt > 0)
            return lev__ctx_fail(&c, LEV_EMISUSE, "%s: targets is NULL (every actor) but ntargets is %zu", what,
                                 ntgt);
    }
    if (kind == K_EDGE ? m == 0 : n == 0) return LEV_OK;
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0, undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    int normalized = lev__param(p, LEV_P_NORMALIZED) != 0;
    int endpoints = !sub && kind == K_BETWEENNESS && lev__param(p, LEV_P_ENDPOINTS) != 0;
    int cutoff = lev__param(p, LEV_P_CUTOFF) > 0;
    view vw;
    uint32_t *rank, *perm;
    if (relabel_order(&s, g, &rank, &perm) ||
        view_build(&s, &c, undirected ? VIEW_BOTH : VIEW_OUT, weighted, kind == K_EDGE, rank, perm, &vw))
        return oom(&c, &s, what, n, m);
    double *total = NULL, *etotal = NULL, *mult = NULL;
    if (kind == K_BETWEENNESS) {
        if (!(total = scr_alloc(&s, n, sizeof *total))) return oom(&c, &s, what, n, m);
        memset(total, 0, n * sizeof *total);
        if (undirected && !sub && !cutoff) {
            /* Leaves (one neighbour, itself of degree ≥ 2) ride on their neighbour's search (not
             * with a cutoff: a leaf reaches less far than its neighbour; not from a subset). */
            if (!(mult = scr_alloc(&s, n, sizeof *mult))) return oom(&c, &s, what, n, m);
            for (size_t v = 0; v < n; v++) mult[v] = 1;
            for (size_t v = 0; v < n; v++)
                if (vw.off[v + 1] - vw.off[v] == 1) {
                    uint32_t u = vw.adj[vw.off[v]];
                    if (vw.off[u + 1] - vw.off[u] >= 2) {
                        mult[v] = 0;
                        mult[u] += 1;
                    }
                }
        }
    } else {
        if (!(etotal = scr_alloc(&s, vw.m, sizeof *etotal))) return oom(&c, &s, what, n, m);
        memset(etotal, 0, vw.m * sizeof *etotal);
    }
    uint32_t *src = NULL;
    double *tgt = NULL;
    size_t nitems = n;
    if (sub) {
        /* The sources in the caller's order, as view indices; targets as a 0/1 mask. */
        nitems = nsrc;
        if (!(src = scr_alloc(&s, nsrc, sizeof *src))) return oom(&c, &s, what, n, m);
        for (size_t i = 0; i < nsrc; i++) src[i] = rank[sources[i]];
        if (targets) {
            if (!(tgt = scr_alloc(&s, n, sizeof *tgt))) return oom(&c, &s, what, n, m);
            memset(tgt, 0, n * sizeof *tgt);
            for (size_t i = 0; i < ntgt; i++) tgt[rank[targets[i]]] = 1;
        }
    }
    size_t bsize = betw_block_size(nitems), nblocks = (nitems + bsize - 1) / bsize;
    int threads = pick_threads(&c, nblocks, (double)nitems * (double)(n + vw.m));
    /* Reorder-buffer slots per thread: 3 (n doubles each) for actors; for arcs 2 while a slot is
     * at most 256 MB (2^25 arcs), else 1 (then a thread that finishes its block before the one
     * before it waits for that block). */
    int slots = threads == 1 ? 1 : kind == K_EDGE ? (vw.m <= ((size_t)1 << 25) ? 2 : 1) : 3;
    size_t nslots = (size_t)threads * (size_t)slots;
    work *ws = scr_alloc(&s, (size_t)threads, sizeof *ws);
    atomic_int *ready = scr_alloc(&s, nblocks, sizeof *ready);
    atomic_int *busy = scr_alloc(&s, nslots, sizeof *busy);
    uint32_t *tlist = scr_alloc(&s, nslots * n, sizeof *tlist);
    uint8_t *tflag = scr_alloc(&s, nslots * n, sizeof *tflag);
    size_t *tcount = scr_alloc(&s, nslots, sizeof *tcount);
    if (!ws || !ready || !busy || !tlist || !tflag || !tcount || alloc_work(&s, ws, threads, &vw, kind, weighted, slots))
        return oom(&c, &s, what, n, m);
    memset(tflag, 0, nslots * n * sizeof *tflag);
    memset(tcount, 0, nslots * sizeof *tcount);
    set_cutoff(p, ws, threads);
    for (size_t b = 0; b < nblocks; b++) atomic_init(&ready[b], 0);
    for (size_t k = 0; k < (size_t)threads * (size_t)slots; k++) atomic_init(&busy[k], 0);
    rob r = {.K = slots, .vlen = kind == K_BETWEENNESS ? n : 0, .elen = kind == K_EDGE ? vw.m : 0,
             .vbuf = ws[0].part, .ebuf = ws[0].epart, .n = n, .tlist = tlist, .tflag = tflag, .tcount = tcount,
             .ready = ready, .busy = busy, .nblocks = nblocks, .next = 0};
    if (pthread_mutex_init(&r.lock, NULL) != 0) return oom(&c, &s, what, n, m);
    job J = {.kind = kind, .g = &vw, .rg = undirected ? &vw : NULL, .weighted = weighted, .bsize = bsize,
             .nitems = nitems, .mult = mult, .src = src, .tgt = tgt, .endpoints = endpoints, .total = total,
             .etotal = etotal};
    rc = run_blocks(&c, &J, ws, threads, nblocks, betw_block, &r, what);
    pthread_mutex_destroy(&r.lock);
    if (rc == LEV_OK) {
        double dn = (double)n;
        if (kind == K_BETWEENNESS) {
            /* Ordered pairs; undirected: each unordered pair once. Normalized: share of the
             * (n − 1)(n − 2) ordered pairs of others (the same for both); with endpoints, of the
             * n(n − 1) ordered pairs (NetworkX's _rescale; n = 1 scores 0 either way). */
            double scale = normalized ? (endpoints ? (n > 1 ? 1.0 / (dn * (dn - 1)) : 0)
                                                   : (n > 2 ? 1.0 / ((dn - 1) * (dn - 2)) : 0))
                                      : undirected ? 0.5 : 1;
            for (size_t v = 0; v < n; v++) out[v] = total[rank[v]] * scale;
        } else {
            double *eout = scr_alloc(&s, m, sizeof *eout);
            if (!eout) return oom(&c, &s, what, n, m);
            memset(eout, 0, m * sizeof *eout);
            for (size_t k = 0; k < vw.m; k++) eout[vw.eid[k]] += etotal[k];
            double scale = normalized ? (n > 1 ? 1.0 / (dn * (dn - 1)) : 0) : undirected ? 0.5 : 1;
            for (size_t e = 0; e < m; e++) out[e] = eout[e] * scale;
        }
    }
    scr_free_all(&s);
    return rc;
}

lev_status lev_betweenness(const lev_network *net, lev_params *p, double *out) {
    return betweenness_common(net, p, out, K_BETWEENNESS, 0, NULL, 0, NULL, 0, "betweenness");
}

lev_status lev_edge_betweenness(const lev_network *net, lev_params *p, double *out) {
    return betweenness_common(net, p, out, K_EDGE, 0, NULL, 0, NULL, 0, "edge betweenness");
}

lev_status lev_betweenness_subset(const lev_network *net, const uint32_t *sources, size_t nsources,
                                  const uint32_t *targets, size_t ntargets, lev_params *p, double *out) {
    return betweenness_common(net, p, out, K_BETWEENNESS, 1, sources, nsources, targets, ntargets,
                              "betweenness subset");
}

/* An upper bound VD of the vertex diameter: the most actors on one shortest path of the view
 * (lengths 1/strength, or 1 each for hops), per Riondato–Kornaropoulos (2016) §5, made tight
 * for directed and weighted views. The strongly connected components (Tarjan) cut every
 * shortest path into consecutive runs, one per component it crosses: a path between two actors
 * of a component C stays in C (an actor on it reaches the end and is reached from the start),
 * so each run is a shortest path of C, and the components a path crosses lie on one path of
 * the condensation (a DAG). For C, from any x in C: every shortest path inside C is at most
 * d(a, x) + d(x, b) ≤ ecc_in(x) + ecc_out(x) long (searches restricted to C), and has at most
 * that length / ℓmin arcs (ℓmin: C's shortest arc; hops: ℓmin = 1), so at most
 * VD(C) = min(|C|, ⌊(ecc_in + ecc_out)/ℓmin⌋ + 1) actors. VD is the largest sum of VD(C) along a
 * path of the condensation (longest path in a DAG, in Tarjan's order, which lists a component
 * after every component it reaches). On an undirected view the components are the connected
 * ones and ecc_in = ecc_out: RK's 2·ecc + 1. Note that the hop diameter alone bounds nothing
 * here: a shortest weighted path may have more arcs than the hop diameter (a → c → b of
 * lengths 0.2 + 0.2 beats a → b of length 1), hence the division by ℓmin.
 * O((V + E) log V); uses w (a weighted workspace); 0 on out of memory. */
static uint64_t vertex_diameter_bound(scratch *s, const view *g, const view *rg, work *w, int *oom_out) {
    uint32_t n = g->n;
    int k0 = s->k;
    lev__scc_scratch sw = {scr_alloc(s, n, sizeof *sw.idx), scr_alloc(s, n, sizeof *sw.low),
                           scr_alloc(s, n, sizeof *sw.calls), scr_alloc(s, n, sizeof *sw.next)};
    uint32_t *comp = scr_alloc(s, n, sizeof *comp), *member = scr_alloc(s, n, sizeof *member);
    uint32_t *first = scr_alloc(s, (size_t)n + 1, sizeof *first);
    uint64_t *best = scr_alloc(s, n, sizeof *best); /* per component, in Tarjan order */
    uint64_t vd = 0;
    if (!sw.idx || !sw.low || !sw.calls || !sw.next || !comp || !member || !first || !best) {
        *oom_out = 1;
        while (s->k > k0) scr_pop(s);
        return 0;
    }
    uint32_t ncomp = lev__scc(n, g->off, g->adj, comp, member, first, &sw);
    for (uint32_t nc = 0; nc < ncomp; nc++) {
        uint32_t lo = first[nc], hi = first[nc + 1], size = hi - lo;
        uint32_t v = member[lo]; /* the component's root: where Tarjan's search entered it */
        uint64_t vdc = 1, below = 0;
        if (size > 1) {
            double ecc[2], lmin = INFINITY;
            for (int d = 0; d < 2; d++) {
                const view *h = d ? rg : g;
                uint32_t hsize = 1, settled = 0;
                heap_start(w, v);
                while (hsize > 0) {
                    uint32_t x = heap_pop(w, &hsize);
                    w->pos[x] = n + settled;
                    w->order[settled++] = x;
                    for (size_t k = h->off[x]; k < h->off[x + 1]; k++) {
                        uint32_t y = h->adj[k];
                        if (comp[y] != nc) continue;
                        if (h->len[k] < lmin) lmin = h->len[k];
                        double alt = w->dist[x] + h->len[k];
                        if (w->dist[y] == INFINITY) {
                            w->dist[y] = alt;
                            w->heap[hsize] = y;
                            heap_up(w, hsize++);
                        } else if (w->pos[y] < n && alt < w->dist[y]) {
                            w->dist[y] = alt;
                            heap_up(w, w->pos[y]);
                        }
                    }
                }
                ecc[d] = w->dist[w->order[settled - 1]];
                dijkstra_reset(w, settled, 0);
            }
            double arcs = floor((ecc[0] + ecc[1]) / lmin * (1 + 1e-9));
            vdc = arcs + 1 < (double)size ? (uint64_t)arcs + 1 : size;
        }
        /* The components reached from this one are numbered before it. */
        for (uint32_t j = lo; j < hi; j++) {
            uint32_t x = member[j];
            for (size_t k = g->off[x]; k < g->off[x + 1]; k++) {
                uint32_t cy = comp[g->adj[k]];
                if (cy != nc && best[cy] > below) below = best[cy];
            }
        }
        best[nc] = vdc + below;
        if (best[nc] > vd) vd = best[nc];
    }
    while (s->k > k0) scr_pop(s);
    return vd;
}

/* ---- the adaptive driver (KADABRA) -------------------------------------------------------------- *
 *
 * Borassi & Natale (2019), §4: ω is Riondato–Kornaropoulos' sample size for δ/2, enough alone;
 * a pilot of ⌈ω/100⌉ samples (numbers 0 .. τ₀ − 1, used for nothing else) splits the other δ/2
 * over the actors as δ_L(v) = δ_U(v); the estimate is then built from samples τ₀, τ₀ + 1, …
 * and stops at the first checkpoint τ (every SAMP_ROUND samples, fixed) where every actor's
 * f(b̃, δ_L, ω, τ) and g(b̃, δ_U, ω, τ) are ≤ ε', or at τ = ω. b̃ is a share of the τ samples.
 * Counts are integers, added per thread and summed at the checkpoints, so neither the estimate
 * nor the stopping point depends on the thread count. */

#define SAMP_BLOCK 64
#define SAMP_ROUND 512

/* Samples first .. first + count − 1, counted into the threads' w->count. */
static void samp_run(const job *J0, work *ws, int threads, size_t first, size_t count, block_fn f) {
    job J = *J0;
    J.first = first;
    J.nitems = count;
    size_t nb = (count + J.bsize - 1) / J.bsize;
    (void)threads;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (size_t b = 0; b < nb; b++) f(&J, &ws[lev__thread_num()], b);
}

/* KADABRA's lower and upper deviations (Borassi & Natale 2019, Theorem 4.1 and §4.2) of a share
 * b after tau of at most omega samples, with ln(1/δ) = lnd. */
static inline double kad_f(double b, double lnd, double omega, double tau) {
    double a = omega / tau - 1.0 / 3;
    double e = lnd / tau * (-a + sqrt(a * a + 2 * b * omega / lnd));
    return e < b ? e : b;
}

static inline double kad_g(double b, double lnd, double omega, double tau) {
    double a = omega / tau + 1.0 / 3;
    double e = lnd / tau * (a + sqrt(a * a + 2 * b * omega / lnd));
    return e < 1 - b ? e : 1 - b;
}

/* Σ over threads of the counts of actor v. */
static inline uint64_t samp_count(const work *ws, int threads, uint32_t v) {
    uint64_t c = 0;
    for (int t = 0; t < threads; t++) c += ws[t].count[v];
    return c;
}

/* Per-actor ln(1/δ_v), δ_L = δ_U = δ_v, from the pilot shares (KADABRA's computeDeltaGuess for
 * absolute errors, err = e2): δ_v = exp(−c·e2²/b̃(v)) + δ·β/(4n), with c the smallest (to e2/10)
 * for which 2·Σ exp(−c·e2²/b̃(v)) < (δ/2)(1 − β), β = 0.001, so that Σ (δ_L + δ_U) ≤ δ/2. An
 * actor never seen in the pilot gets δ·β/(4n). Sums in actor order: deterministic. */
static void samp_deltas(const work *ws, int threads, size_t n, double tau0, double e2, double delta,
                        uint32_t *seen, double *lnd) {
    const double beta = 0.001, floor_d = delta * beta / 4 / (double)n;
    size_t ns = 0;
    for (uint32_t v = 0; v < n; v++) {
        lnd[v] = -log(floor_d);
        if (samp_count(ws, threads, v)) seen[ns++] = v;
    }
    double lo = 0, hi = 1 / (e2 * e2) * log((double)n * 4 * (1 - beta) / delta);
    while (hi - lo > e2 / 10) {
        double c = (lo + hi) / 2, sum = 0;
        for (size_t j = 0; j < ns; j++) sum += 2 * exp(-c * e2 * e2 / ((double)samp_count(ws, threads, seen[j]) / tau0));
        if (sum >= delta / 2 * (1 - beta))
            lo = c;
        else
            hi = c;
    }
    for (size_t j = 0; j < ns; j++) {
        uint32_t v = seen[j];
        double b = (double)samp_count(ws, threads, v) / tau0;
        lnd[v] = -log(exp(-hi * e2 * e2 / b) + floor_d);
    }
}

/* Whether every actor's f and g after tau samples are ≤ e2. Hubs come first in the relabelled
 * order and are the last to converge, so an unfinished run is usually seen at once. */
static int samp_done(const work *ws, int threads, size_t n, const double *lnd, double omega, double tau, double e2) {
    for (uint32_t v = 0; v < n; v++) {
        double b = (double)samp_count(ws, threads, v) / tau;
        if (kad_f(b, lnd[v], omega, tau) > e2 || kad_g(b, lnd[v], omega, tau) > e2) return 0;
    }
    return 1;
}

/* Components of an undirected view (a label per relabelled actor), by BFS with queue q. */
static void samp_components(const view *g, uint32_t *comp, uint32_t *q) {
    uint32_t n = g->n;
    for (uint32_t v = 0; v < n; v++) comp[v] = UINT32_MAX;
    for (uint32_t r = 0; r < n; r++) {
        if (comp[r] != UINT32_MAX) continue;
        size_t head = 0, tail = 0;
        comp[r] = r;
        q[tail++] = r;
        while (head < tail) {
            uint32_t x = q[head++];
            for (size_t k = g->off[x]; k < g->off[x + 1]; k++)
                if (comp[g->adj[k]] == UINT32_MAX) {
                    comp[g->adj[k]] = r;
                    q[tail++] = g->adj[k];
                }
        }
    }
}

static lev_status approx_common(const lev_network *net, lev_params *p, double *out, uint64_t *samples,
                                double *epsilon) {
    const char *what = "sampled betweenness";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t n = g->n, m = g->m;
    if (n == 0) {
        if (samples) *samples = 0;
        if (epsilon) *epsilon = 0;
        return LEV_OK;
    }
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0, undirected = lev__param(p, LEV_P_UNDIRECTED) != 0;
    double eps = lev__param(p, LEV_P_EPSILON), delta = lev__param(p, LEV_P_DELTA);
    uint64_t seed = (uint64_t)lev__param(p, LEV_P_SEED);
    scratch s = {.c = &c};
    view vw, rvw;
    uint32_t *rank, *perm;
    /* Lengths on both views, 1 per arc for hops (the vertex-diameter bound runs Dijkstra). */
    int lw = weighted ? 1 : 2;
    if (relabel_order(&s, g, &rank, &perm) ||
        view_build(&s, &c, undirected ? VIEW_BOTH : VIEW_OUT, lw, 0, rank, perm, &vw))
        return oom(&c, &s, what, n, m);
    if (undirected)
        rvw = vw;
    else if (view_build(&s, &c, VIEW_IN, lw, 0, rank, perm, &rvw))
        return oom(&c, &s, what, n, m);
    double *res = scr_alloc(&s, n, sizeof *res);
    work w0;
    if (!res || alloc_work(&s, &w0, 1, &vw, K_APPROX, 1, 1)) return oom(&c, &s, what, n, m);
    memset(res, 0, n * sizeof *res);
    int vd_oom = 0;
    uint64_t vd = n > 2 ? vertex_diameter_bound(&s, &vw, &rvw, &w0, &vd_oom) : 0;
    if (vd_oom) return oom(&c, &s, what, n, m);
    size_t nsamp = 0;
    if (vd >= 3) {
        /* RK's bound is on Σ/(n(n − 1)); ours divides by (n − 1)(n − 2), n/(n − 2) times more,
         * so sample for ε' = ε(n − 2)/n. c = 0.5 (RK §4.1); δ/2 for ω, δ/2 for the stopping rule. */
        double e2 = eps * ((double)n - 2) / (double)n;
        double omega = ceil(0.5 / (e2 * e2) * (floor(log2((double)(vd - 2))) + 1 + log(2 / delta)));
        size_t om = (size_t)omega, tau0 = (om + 99) / 100;
        /* A bidirectional sample costs far less than a search: about √(V + E) arcs on
         * small-world networks, which decides whether a second thread pays. */
        int threads = pick_threads(&c, (om + SAMP_BLOCK - 1) / SAMP_BLOCK, omega * sqrt((double)(n + vw.m)) * 8);
        if (n + vw.m < 4096) threads = 1; /* a sample is a few microseconds: a round's barrier would cost more */
        /* Threads 0..T−1 search from s, T..2T−1 from t (or lend their arrays to the hop sampler). */
        work *ws = scr_alloc(&s, 2 * (size_t)threads, sizeof *ws);
        uint32_t *comp = undirected ? scr_alloc(&s, n, sizeof *comp) : NULL, *seen = scr_alloc(&s, n, sizeof *seen);
        double *lnd = scr_alloc(&s, n, sizeof *lnd);
        if (!ws || (undirected && !comp) || !seen || !lnd || alloc_work(&s, ws, 2 * threads, &vw, K_APPROX, weighted, 1))
            return oom(&c, &s, what, n, m);
        if (comp) samp_components(&vw, comp, seen);
        job J = {.kind = K_APPROX, .g = &vw, .rg = &rvw, .weighted = weighted, .bsize = SAMP_BLOCK,
                 .seed = seed, .rank = rank, .bside = (size_t)threads, .comp = comp};
        block_fn f = weighted ? approx_block : hop_block;
        double total = (double)(tau0 + om);
        samp_run(&J, ws, threads, 0, tau0, f);
        rc = lev__ctx_progress(&c, (double)tau0 / total, what);
        if (rc == LEV_OK) {
            samp_deltas(ws, threads, n, (double)tau0, e2, delta, seen, lnd);
            for (int t = 0; t < threads; t++) memset(ws[t].count, 0, n * sizeof *ws[t].count);
        }
        while (rc == LEV_OK && nsamp < om) {
            size_t step = om - nsamp < SAMP_ROUND ? om - nsamp : SAMP_ROUND;
            samp_run(&J, ws, threads, tau0 + nsamp, step, f);
            nsamp += step;
            rc = lev__ctx_progress(&c, (double)(tau0 + nsamp) / total, what);
            if (rc == LEV_OK && nsamp < om && samp_done(ws, threads, n, lnd, omega, (double)nsamp, e2)) break;
        }
        if (rc == LEV_OK) rc = lev__ctx_progress(&c, 1, what);
        if (rc == LEV_OK) {
            double scale = (double)n / (((double)n - 2) * (double)nsamp);
            for (size_t v = 0; v < n; v++) res[v] = (double)samp_count(ws, threads, rank[v]) * scale;
        }
    }
    if (rc == LEV_OK) {
        memcpy(out, res, n * sizeof *out);
        if (samples) *samples = (uint64_t)nsamp;
        if (epsilon) *epsilon = nsamp ? eps : 0;
    }
    scr_free_all(&s);
    return rc;
}

lev_status lev_betweenness_approx(const lev_network *net, lev_params *p, double *out) {
    return approx_common(net, p, out, NULL, NULL);
}

lev_status lev_betweenness_sampled(const lev_network *net, lev_params *p, double *out, uint64_t *samples,
                                   double *epsilon) {
    return approx_common(net, p, out, samples, epsilon);
}

/* ---- exact top-K closeness and harmonic by pruned search ---------------------------------------- *
 *
 * Bergamini, Borassi, Crescenzi, Marino & Meyerhenke (2019): only the k best scores are needed,
 * so a search from v stops as soon as an upper bound of v's score falls below the k-th best
 * score found so far. The searches are lev_closeness()'s own (the same view, the same BFS or
 * Dijkstra, the sums added in the same order), so the scores of the actors kept are
 * bit-identical to lev_closeness()'s and lev_harmonic()'s. Here, rather than in a file of their
 * own, because they share the view and the searches with them. */

/* An upper bound of the score of an actor whose search has settled r actors (itself included)
 * at total distance S (harmonic sum h), knows of L more at distance ≥ dl (L may be 0), may reach
 * up to M more at distance ≥ dm (M = 0: none) and the others of its R at distance ≥ dr, with
 * dl ≤ dm ≤ dr. Closeness (x − 1)²/((n − 1)·S(x)) with x actors reached in all: the least total
 * distance S(x) is piecewise linear in x (the tiers filled nearest first), and on each piece the
 * score is convex in x (a square over a positive linear function), so its largest value is at
 * the end of a piece: x = r + L, r + L + M or R. */
static double top_bound(int kind, double r, double S, double h, double L, double dl, double M, double dm, double R,
                        double dr, double n1) {
    double left = R - r;
    if (L > left) L = left;
    if (M > left - L) M = left - L;
    double rest = left - L - M;
    if (kind == K_HARMONIC) return h + (L > 0 ? L / dl : 0) + (M > 0 ? M / dm : 0) + (rest > 0 ? rest / dr : 0);
    double x1 = r + L, S1 = S + L * dl, f1 = S1 > 0 ? (x1 - 1) * (x1 - 1) / (n1 * S1) : 0;
    double x2 = x1 + M, S2 = S1 + M * dm, f2 = S2 > 0 ? (x2 - 1) * (x2 - 1) / (n1 * S2) : 0;
    double S3 = S2 + rest * dr, f3 = S3 > 0 ? (R - 1) * (R - 1) / (n1 * S3) : 0;
    double f = f1 > f2 ? f1 : f2;
    return f > f3 ? f : f3;
}

/* The k best so far: a min-heap of (score, actor), the worst (lower score, or the higher actor
 * index among equal scores) at the top; thr is the worst's score once k are held, else −∞. */
typedef struct topk {
    size_t k, size;
    double *score;
    uint32_t *actor;
    atomic_uint_fast64_t thr; /* bits of a double */
    pthread_mutex_t lock;
} topk;

static inline int top_worse(double sa, uint32_t a, double sb, uint32_t b) { return sa < sb || (sa == sb && a > b); }

static inline double top_thr(topk *t) {
    uint64_t b = atomic_load_explicit(&t->thr, memory_order_relaxed);
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static void top_offer(topk *t, double sc, uint32_t a) {
    pthread_mutex_lock(&t->lock);
    size_t i;
    if (t->size < t->k) {
        i = t->size++;
        while (i > 0) { /* sift up */
            size_t p = (i - 1) / 2;
            if (!top_worse(sc, a, t->score[p], t->actor[p])) break;
            t->score[i] = t->score[p];
            t->actor[i] = t->actor[p];
            i = p;
        }
        t->score[i] = sc;
        t->actor[i] = a;
    } else if (top_worse(t->score[0], t->actor[0], sc, a)) {
        i = 0;
        for (;;) { /* sift down */
            size_t l = 2 * i + 1, r = l + 1, c;
            if (l >= t->size) break;
            c = r < t->size && top_worse(t->score[r], t->actor[r], t->score[l], t->actor[l]) ? r : l;
            if (!top_worse(t->score[c], t->actor[c], sc, a)) break;
            t->score[i] = t->score[c];
            t->actor[i] = t->actor[c];
            i = c;
        }
        t->score[i] = sc;
        t->actor[i] = a;
    }
    if (t->size == t->k) {
        uint64_t b;
        memcpy(&b, &t->score[0], sizeof b);
        atomic_store_explicit(&t->thr, b, memory_order_relaxed);
    }
    pthread_mutex_unlock(&t->lock);
}

/* Slack for the bounds' rounding: a bound prunes only when below the threshold by this much. */
#define TOP_SLACK (1 + 1e-9)

typedef struct topjob {
    job base;             /* kind, g, weighted, bsize, nitems */
    const uint32_t *cand; /* actors (view order) by decreasing first bound */
    const double *ub0;    /* their first bounds, scaled */
    const uint32_t *reach; /* per actor (view order): the most actors it can reach, itself included */
    const uint32_t *perm;
    double scale;         /* harmonic LEV_P_NORMALIZED: 1/(n − 1), else 1 */
    double lmin;          /* the shortest tie (lengths) */
    topk *tk;
} topjob;

/* Search from v (view order) as close_block() does, giving up when v cannot make the top k.
 * Returns 1 with *score set, or 0 when pruned. */
static int top_eval(const topjob *T, work *w, uint32_t v, double *score) {
    const view *g = T->base.g;
    int kind = T->base.kind;
    double n1 = (double)g->n - 1, R = (double)T->reach[v], sum = 0, harm = 0;
    size_t reached;
    if (T->base.weighted) {
        uint32_t n = g->n, hsize = 1, settled = 0;
        double *dist = w->dist;
        uint32_t *pos = w->pos;
        heap_start(w, v);
        while (hsize > 0) {
            uint32_t u = heap_pop(w, &hsize);
            pos[u] = n + settled;
            w->order[settled++] = u;
            double du = dist[u];
            if (settled > 1) {
                sum += du;
                harm += 1.0 / du;
            }
            size_t k1 = g->off[u + 1];
            for (size_t k = g->off[u]; k < k1; k++) { /* dijkstra() without path counts */
                uint32_t x = g->adj[k];
                double alt = du + g->len[k], dx = dist[x];
                if (dx == INFINITY) {
                    dist[x] = alt;
                    w->heap[hsize] = x;
                    heap_up(w, hsize++);
                } else if (pos[x] >= n) {
                    continue;
                } else if (alt < dx) {
                    dist[x] = alt;
                    heap_up(w, pos[x]);
                }
            }
            if (hsize > 0) {
                double thr = top_thr(T->tk);
                /* The hsize actors in the heap are at ≥ its top; any other, one tie further. */
                double top = dist[w->heap[0]];
                if (thr > 0 && top_bound(kind, settled, sum, harm, hsize, top, 0, top, R, top + T->lmin, n1) * T->scale *
                                       TOP_SLACK < thr) {
                    dijkstra_reset(w, settled, hsize);
                    return 0;
                }
            }
        }
        reached = settled;
        dijkstra_reset(w, settled, 0);
    } else {
        uint32_t *order = w->order;
        int32_t *hops = w->hops;
        size_t head = 0, tail = 1, lvl_end = 1;
        uint64_t hs = 0, pc = 0; /* pc: actors at `level` summed into hs but not yet into harm */
        uint64_t ties = 0; /* ties out of the actors found so far at level + 1 */
        uint64_t rem = g->off[v + 1] - g->off[v]; /* ties out of the actors at level not yet expanded */
        int32_t level = 0;
        order[0] = v;
        hops[v] = 0;
        while (head < tail) {
            if (head == lvl_end) {
                /* Levels ≤ level are done; order[head, tail) is level + 1, all of it, and at most
                 * `ties` actors are at level + 2 (each is the end of a tie out of level + 1). harm
                 * adds a level's count over its distance, as close_block() does. */
                if (pc) harm += (double)pc / (double)level;
                pc = 0;
                double thr = top_thr(T->tk);
                if (thr > 0 && top_bound(kind, (double)head, (double)hs, harm, (double)(tail - head), level + 1.0,
                                         (double)ties, level + 2.0, R, level + 3.0, n1) * T->scale * TOP_SLACK < thr) {
                    bfs_reset(w, tail);
                    return 0;
                }
                rem = ties;
                ties = 0;
                lvl_end = tail;
                level++;
            }
            uint32_t u = order[head++];
            if (head > 1) {
                hs += (uint64_t)hops[u];
                pc++;
            }
            int32_t du1 = hops[u] + 1;
            size_t k1 = g->off[u + 1];
            if (level > 0 && k1 > g->off[u]) {
                /* Before each expansion: levels ≤ level hold lvl_end actors, those not yet
                 * expanded at `level`; level + 1 holds the tail − lvl_end found so far and at most
                 * `rem` more (ties out of level's actors not yet expanded, u's included), and
                 * the others are at ≥ level + 2: tighter than at the level's start once ties
                 * have met known actors. The level + 1 count lies between the two, and closeness
                 * can fall as it grows, so both ends count (top_bound's L and M). */
                double thr = top_thr(T->tk);
                uint64_t left = lvl_end - head + 1; /* u and the others at `level` after it */
                if (thr > 0 &&
                    top_bound(kind, (double)lvl_end, (double)(hs + (left - 1) * (uint64_t)level),
                              harm + (double)(pc + left - 1) / (double)level, (double)(tail - lvl_end), level + 1.0,
                              (double)rem, level + 1.0, R, level + 2.0, n1) * T->scale * TOP_SLACK < thr) {
                    bfs_reset(w, tail);
                    return 0;
                }
            }
            rem -= k1 - g->off[u];
            for (size_t k = g->off[u]; k < k1; k++) {
                uint32_t x = g->adj[k];
                if (hops[x] < 0) {
                    hops[x] = du1;
                    order[tail++] = x;
                    ties += g->off[x + 1] - g->off[x];
                }
            }
        }
        if (pc) harm += (double)pc / (double)level;
        reached = tail;
        sum = (double)hs;
        bfs_reset(w, reached);
    }
    double r1 = (double)(reached - 1);
    *score = kind == K_HARMONIC ? harm * T->scale : sum > 0 ? (r1 / sum) * (r1 / n1) : 0;
    return 1;
}

static void top_block(const job *J, work *w, size_t b) {
    const topjob *T = (const topjob *)J;
    size_t i0 = b * J->bsize, i1 = i0 + J->bsize < J->nitems ? i0 + J->bsize : J->nitems;
    for (size_t i = i0; i < i1; i++) {
        uint32_t v = T->cand[i];
        double thr = top_thr(T->tk), sc;
        if (thr > 0 && T->ub0[i] * TOP_SLACK < thr) continue; /* cannot make it, without a search */
        if (top_eval(T, w, v, &sc)) top_offer(T->tk, sc, T->perm[v]);
    }
}

typedef struct cand {
    double ub;
    uint32_t v;
} cand;

static int cand_cmp(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->ub != y->ub) return x->ub > y->ub ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

static uint32_t uf_find(uint32_t *par, uint32_t x) {
    while (par[x] != x) x = par[x] = par[par[x]];
    return x;
}

/* reach[v] ≥ the number of actors v reaches, itself included: over the strongly connected
 * components (Tarjan, which lists a component after all those it reaches), reach(C) =
 * min(|weak component|, |C| + Σ reach(C') over the components C' that C has ties into); the
 * sum counts an actor reached along two ways twice, so it is an upper bound, exact on a tree of
 * components. Returns 0, or -1 when out of memory. */
static int top_reach(scratch *s, const view *g, uint32_t *reach) {
    uint32_t n = g->n;
    int k0 = s->k;
    lev__scc_scratch sw = {scr_alloc(s, n, sizeof *sw.idx), scr_alloc(s, n, sizeof *sw.low),
                           scr_alloc(s, n, sizeof *sw.calls), scr_alloc(s, n, sizeof *sw.next)};
    uint32_t *comp = scr_alloc(s, n, sizeof *comp), *stamp = scr_alloc(s, n, sizeof *stamp);
    uint32_t *member = scr_alloc(s, n, sizeof *member), *first = scr_alloc(s, (size_t)n + 1, sizeof *first);
    uint64_t *rc = scr_alloc(s, n, sizeof *rc); /* per component */
    if (!sw.idx || !sw.low || !sw.calls || !sw.next || !comp || !stamp || !member || !first || !rc) {
        while (s->k > k0) scr_pop(s);
        return -1;
    }
    /* Weak components first (union–find in idx, sizes in low), for the cap. */
    uint32_t *par = sw.idx, *wsize = sw.low;
    for (uint32_t v = 0; v < n; v++) par[v] = v, wsize[v] = 0;
    for (uint32_t v = 0; v < n; v++)
        for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
            uint32_t a = uf_find(par, v), b = uf_find(par, g->adj[j]);
            if (a != b) par[a < b ? b : a] = a < b ? a : b;
        }
    for (uint32_t v = 0; v < n; v++) wsize[uf_find(par, v)]++;
    for (uint32_t v = 0; v < n; v++) reach[v] = wsize[uf_find(par, v)]; /* staged: the weak size */
    uint32_t ncomp = lev__scc(n, g->off, g->adj, comp, member, first, &sw);
    for (uint32_t v = 0; v < n; v++) stamp[v] = UINT32_MAX;
    for (uint32_t nc = 0; nc < ncomp; nc++) {
        uint32_t lo = first[nc], hi = first[nc + 1];
        uint64_t sum = hi - lo;
        for (uint32_t j = lo; j < hi; j++)
            for (size_t k = g->off[member[j]]; k < g->off[member[j] + 1]; k++) {
                uint32_t cy = comp[g->adj[k]];
                if (cy != nc && stamp[cy] != nc) {
                    stamp[cy] = nc;
                    sum += rc[cy];
                }
            }
        uint64_t cap = reach[member[lo]]; /* the weak component's size */
        rc[nc] = sum < cap ? sum : cap;
        for (uint32_t j = lo; j < hi; j++) reach[member[j]] = (uint32_t)rc[nc];
    }
    while (s->k > k0) scr_pop(s);
    return 0;
}

static lev_status top_measure(const lev_network *net, lev_params *p, size_t k, uint32_t *actors, double *scores,
                              int kind, const char *what) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, actors);
    if (rc) return rc;
    if (!scores) return lev__ctx_fail(&c, LEV_EMISUSE, "%s: the scores array is NULL", what);
    const lev__csr *g = c.g;
    size_t n = g->n;
    if (k > n) k = n;
    if (k == 0) return lev__ctx_progress(&c, 1, what);
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    scratch s = {.c = &c};
    view vw;
    uint32_t *rank, *perm;
    if (relabel_order(&s, g, &rank, &perm) || view_build(&s, &c, dist_dir(p), weighted, 0, rank, perm, &vw))
        return oom(&c, &s, what, n, g->m);
    /* reach: a bound of how many actors each one reaches, itself included (top_reach). */
    uint32_t *reach = scr_alloc(&s, n, sizeof *reach);
    if (!reach || top_reach(&s, &vw, reach)) return oom(&c, &s, what, n, g->m);
    double scale = kind == K_HARMONIC && lev__param(p, LEV_P_NORMALIZED) != 0 && n > 1 ? 1.0 / (double)(n - 1) : 1;
    double n1 = (double)n - 1, lming = INFINITY;
    if (weighted)
        for (size_t j = 0; j < vw.m; j++)
            if (vw.len[j] < lming) lming = vw.len[j];
    /* First bounds, from the actor's ties and its neighbours' counts of ties: its d neighbours
     * are at ≥ the shortest of its ties ℓv (1 hop); at most M more, M the ties out of the
     * neighbours, are at 2 hops, ≥ ℓv + the shortest tie of all ℓ; the others at ≥ ℓv + 2ℓ. */
    cand *cs = scr_alloc(&s, n, sizeof *cs);
    uint32_t *cv = scr_alloc(&s, n, sizeof *cv);
    double *ub0 = scr_alloc(&s, n, sizeof *ub0);
    topk tk = {.k = k};
    tk.score = scr_alloc(&s, k, sizeof *tk.score);
    tk.actor = scr_alloc(&s, k, sizeof *tk.actor);
    if (!cs || !cv || !ub0 || !tk.score || !tk.actor) return oom(&c, &s, what, n, g->m);
    for (uint32_t v = 0; v < n; v++) {
        double d = (double)(vw.off[v + 1] - vw.off[v]), lv = 1, l2 = 2, l3 = 3;
        uint64_t ties = 0;
        for (size_t j = vw.off[v]; j < vw.off[v + 1]; j++) ties += vw.off[vw.adj[j] + 1] - vw.off[vw.adj[j]];
        if (weighted) {
            lv = INFINITY;
            for (size_t j = vw.off[v]; j < vw.off[v + 1]; j++)
                if (vw.len[j] < lv) lv = vw.len[j];
            l2 = lv + lming;
            l3 = l2 + lming;
        }
        cs[v].ub = d > 0 ? top_bound(kind, 1, 0, 0, d, lv, (double)ties, l2, (double)reach[v], l3, n1) * scale : 0;
        cs[v].v = v;
    }
    qsort(cs, n, sizeof *cs, cand_cmp);
    for (size_t i = 0; i < n; i++) cv[i] = cs[i].v, ub0[i] = cs[i].ub;
    size_t bsize = 16, nblocks = (n + bsize - 1) / bsize;
    int threads = pick_threads(&c, nblocks, (double)n * (double)(n + vw.m));
    work *ws = scr_alloc(&s, (size_t)threads, sizeof *ws);
    if (!ws || alloc_work(&s, ws, threads, &vw, K_CLOSENESS, weighted, 1)) return oom(&c, &s, what, n, g->m);
    double ninf = -INFINITY;
    uint64_t b;
    memcpy(&b, &ninf, sizeof b);
    atomic_init(&tk.thr, b);
    if (pthread_mutex_init(&tk.lock, NULL) != 0) return oom(&c, &s, what, n, g->m);
    topjob T = {.base = {.kind = kind, .g = &vw, .weighted = weighted, .bsize = bsize, .nitems = n},
                .cand = cv, .ub0 = ub0, .reach = reach, .perm = perm, .scale = scale, .lmin = lming, .tk = &tk};
    rc = run_blocks(&c, &T.base, ws, threads, nblocks, top_block, NULL, what);
    pthread_mutex_destroy(&tk.lock);
    if (rc == LEV_OK) {
        /* Best first: pop the worst into the last free place. */
        for (size_t i = k; i-- > 0;) {
            actors[i] = tk.actor[0];
            scores[i] = tk.score[0];
            double sc = tk.score[tk.size - 1];
            uint32_t a = tk.actor[tk.size - 1];
            tk.size--;
            size_t j = 0;
            for (;;) {
                size_t l = 2 * j + 1, r = l + 1, ch;
                if (l >= tk.size) break;
                ch = r < tk.size && top_worse(tk.score[r], tk.actor[r], tk.score[l], tk.actor[l]) ? r : l;
                if (!top_worse(tk.score[ch], tk.actor[ch], sc, a)) break;
                tk.score[j] = tk.score[ch];
                tk.actor[j] = tk.actor[ch];
                j = ch;
            }
            if (tk.size > 0) {
                tk.score[j] = sc;
                tk.actor[j] = a;
            }
        }
    }
    scr_free_all(&s);
    return rc;
}

lev_status lev_closeness_top(const lev_network *net, lev_params *p, size_t k, uint32_t *actors, double *scores) {
    return top_measure(net, p, k, actors, scores, K_CLOSENESS, "closeness top-k");
}

lev_status lev_harmonic_top(const lev_network *net, lev_params *p, size_t k, uint32_t *actors, double *scores) {
    return top_measure(net, p, k, actors, scores, K_HARMONIC, "harmonic top-k");
}
