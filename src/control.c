/* Control: the minimum set of driver actors for structural controllability, and each actor's
 * class for control.
 *
 * - lev_drivers: Liu, Slotine & Barabási (2011). The network x' = A x + B u is structurally
 *   controllable with the inputs on N_D = max(n − |M|, 1) actors, M a maximum matching of the
 *   bipartite graph with an out-copy u⁺ and an in-copy v⁻ of every actor and one arc (u⁺, v⁻)
 *   per edge u → v (self-loops count; parallel edges are one arc). The driver actors are the
 *   actors whose in-copy M leaves unmatched (any one actor when M is perfect). M is found by
 *   Hopcroft–Karp (1973): a greedy start, then phases of one breadth-first layering from the free
 *   out-copies and depth-first augmentation along it (iterative, with a per-vertex position), so
 *   O(E √V), sequential and deterministic: rows are read in order.
 * - lev_control_classes: Jia, Pósfai, Slotine, Barabási & Barabási (2013). Driver sets of
 *   minimum size are exactly the sets of unmatched in-copies of the maximum matchings. From one
 *   maximum matching M: an in-copy can be left unmatched by some maximum matching iff it is
 *   unmatched in M or reached from an unmatched in-copy by an even alternating path
 *   r0 ← u (non-matching arc u⁺r0) ⇒ mate(u) = r1 (matching arc), swapping the path's arcs;
 *   one search over the arcs backwards finds them all in O(V + E). Of those, an actor with no
 *   incoming arc can never be matched (critical: in every minimum driver set); any other can be
 *   matched by one swap along an arc into it (intermittent); the rest are in no minimum driver set
 *   (redundant). With a perfect matching one driver suffices and any actor can be it.
 *
 * See docs/control.md for definitions, a worked example, peers and validation.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The arcs of actor v's out-copy (out row; with und also the in row), as one sequence. */
static inline size_t arc_count(const lev__csr *g, uint32_t v, int und) {
    return (g->out_off[v + 1] - g->out_off[v]) + (und ? g->in_off[v + 1] - g->in_off[v] : 0);
}
static inline uint32_t arc_at(const lev__csr *g, uint32_t v, size_t k) {
    size_t no = g->out_off[v + 1] - g->out_off[v];
    return k < no ? g->out_adj[g->out_off[v] + k] : g->in_adj[g->in_off[v] + (k - no)];
}
/* The arcs into actor v's in-copy: the in row (with und also the out row). */
static inline size_t pred_count(const lev__csr *g, uint32_t v, int und) {
    return (g->in_off[v + 1] - g->in_off[v]) + (und ? g->out_off[v + 1] - g->out_off[v] : 0);
}
static inline uint32_t pred_at(const lev__csr *g, uint32_t v, size_t k) {
    size_t ni = g->in_off[v + 1] - g->in_off[v];
    return k < ni ? g->in_adj[g->in_off[v] + k] : g->out_adj[g->out_off[v] + (k - ni)];
}

/* Scratch of one maximum matching: mate_l[u] is the in-copy matched to out-copy u, mate_r[v]
 * the out-copy matched to in-copy v (LEV_NONE when free). */
typedef struct matching {
    uint32_t *mate_l, *mate_r, *dist, *queue, *stack, *vstack;
    size_t *pos;
} matching;

static lev_status matching_alloc(const lev__ctx *c, uint32_t n, matching *m) {
    m->mate_l = lev__ctx_alloc(c, n, sizeof *m->mate_l);
    m->mate_r = lev__ctx_alloc(c, n, sizeof *m->mate_r);
    m->dist = lev__ctx_alloc(c, n, sizeof *m->dist);
    m->queue = lev__ctx_alloc(c, n, sizeof *m->queue);
    m->stack = lev__ctx_alloc(c, n, sizeof *m->stack);
    m->vstack = lev__ctx_alloc(c, n, sizeof *m->vstack);
    m->pos = lev__ctx_alloc(c, n, sizeof *m->pos);
    return (m->mate_l && m->mate_r && m->dist && m->queue && m->stack && m->vstack && m->pos) ? LEV_OK
                                                                                              : LEV_ENOMEM;
}

static void matching_free(const lev__ctx *c, uint32_t n, matching *m) {
    lev__ctx_free(c, m->mate_l, n, sizeof *m->mate_l);
    lev__ctx_free(c, m->mate_r, n, sizeof *m->mate_r);
    lev__ctx_free(c, m->dist, n, sizeof *m->dist);
    lev__ctx_free(c, m->queue, n, sizeof *m->queue);
    lev__ctx_free(c, m->stack, n, sizeof *m->stack);
    lev__ctx_free(c, m->vstack, n, sizeof *m->vstack);
    lev__ctx_free(c, m->pos, n, sizeof *m->pos);
}

#define INF UINT32_MAX

/* Hopcroft–Karp. Returns |M|; reports progress once per phase. */
static lev_status hopcroft_karp(const lev__ctx *c, int und, matching *m, uint32_t *size, const char *what) {
    const lev__csr *g = c->g;
    uint32_t n = g->n, msize = 0;
    uint32_t *mate_l = m->mate_l, *mate_r = m->mate_r, *dist = m->dist, *queue = m->queue;
    for (uint32_t v = 0; v < n; v++) mate_l[v] = mate_r[v] = LEV_NONE;
    /* greedy start: each out-copy takes its first free in-copy */
    for (uint32_t u = 0; u < n; u++) {
        size_t d = arc_count(g, u, und);
        for (size_t k = 0; k < d; k++) {
            uint32_t v = arc_at(g, u, k);
            if (mate_r[v] == LEV_NONE) {
                mate_r[v] = u;
                mate_l[u] = v;
                msize++;
                break;
            }
        }
    }
    for (unsigned phase = 0;; phase++) {
        lev_status rc = lev__ctx_progress(c, 1.0 - 1.0 / (phase + 2), what);
        if (rc) return rc;
        /* layering from the free out-copies; stop expanding past the first layer that reaches a
         * free in-copy */
        uint32_t qh = 0, qt = 0, limit = INF;
        for (uint32_t u = 0; u < n; u++) {
            if (mate_l[u] == LEV_NONE) {
                dist[u] = 0;
                queue[qt++] = u;
            } else {
                dist[u] = INF;
            }
        }
        while (qh < qt) {
            uint32_t u = queue[qh++];
            if (dist[u] >= limit) break;
            size_t d = arc_count(g, u, und);
            for (size_t k = 0; k < d; k++) {
                uint32_t w = mate_r[arc_at(g, u, k)];
                if (w == LEV_NONE) {
                    if (limit == INF) limit = dist[u] + 1;
                } else if (dist[w] == INF) {
                    dist[w] = dist[u] + 1;
                    queue[qt++] = w;
                }
            }
        }
        if (limit == INF) break; /* no augmenting path: M is maximum */
        /* augment along vertex-disjoint shortest paths */
        for (uint32_t u = 0; u < n; u++) m->pos[u] = 0;
        for (uint32_t root = 0; root < n; root++) {
            if (mate_l[root] != LEV_NONE || dist[root] != 0) continue;
            uint32_t sp = 0;
            m->stack[sp++] = root;
            while (sp > 0) {
                uint32_t u = m->stack[sp - 1];
                size_t d = arc_count(g, u, und);
                int pushed = 0;
                while (m->pos[u] < d) {
                    uint32_t v = arc_at(g, u, m->pos[u]++);
                    uint32_t w = mate_r[v];
                    if (w == LEV_NONE) {
                        if (dist[u] + 1 != limit) continue;
                        /* augment: level i's out-copy takes vstack[i] */
                        m->vstack[sp - 1] = v;
                        for (uint32_t i = sp; i-- > 0;) {
                            uint32_t ui = m->stack[i], vi = m->vstack[i];
                            mate_l[ui] = vi;
                            mate_r[vi] = ui;
                            dist[ui] = INF; /* used: no other path may pass through it */
                        }
                        msize++;
                        sp = 0;
                        pushed = 1;
                        break;
                    }
                    if (dist[w] != INF && dist[w] == dist[u] + 1) {
                        m->vstack[sp - 1] = v;
                        m->stack[sp++] = w;
                        pushed = 1;
                        break;
                    }
                }
                if (!pushed) {
                    dist[u] = INF; /* a dead end for the rest of the phase */
                    sp--;
                }
            }
        }
    }
    *size = msize;
    return LEV_OK;
}

lev_status lev_drivers(const lev_network *net, lev_params *p, size_t cap, uint32_t *drivers, size_t *len) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "drivers", len);
    if (rc) return rc;
    if (cap > 0 && !drivers)
        return lev__ctx_fail(&c, LEV_EMISUSE, "drivers: cap is %zu but the drivers array is NULL", cap);
    uint32_t n = c.g->n;
    if (n == 0) {
        *len = 0;
        return LEV_OK;
    }
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    matching m;
    uint32_t msize = 0;
    if (matching_alloc(&c, n, &m)) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "drivers: out of memory for %u actors", n);
        goto done;
    }
    rc = hopcroft_karp(&c, und, &m, &msize, "drivers");
    if (rc) goto done;
    size_t need = msize == n ? 1 : (size_t)(n - msize);
    if (need > cap) {
        rc = lev__ctx_erange(&c, "drivers", "driver actors", need, cap, len);
        goto done;
    }
    if (msize == n) {
        drivers[0] = 0; /* a perfect matching: any one actor will do; the first */
    } else {
        size_t k = 0;
        for (uint32_t v = 0; v < n; v++)
            if (m.mate_r[v] == LEV_NONE) drivers[k++] = v;
    }
    *len = need;
    rc = LEV_OK;
done:
    matching_free(&c, n, &m);
    return rc;
}

lev_status lev_control_classes(const lev_network *net, lev_params *p, uint32_t *cls) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "control classes", cls);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    if (n == 0) return LEV_OK;
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    matching m;
    uint32_t msize = 0;
    uint32_t *mark = NULL;
    if (matching_alloc(&c, n, &m) || !(mark = lev__ctx_alloc(&c, n, sizeof *mark))) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "control classes: out of memory for %u actors", n);
        goto done;
    }
    rc = hopcroft_karp(&c, und, &m, &msize, "control classes");
    if (rc) goto done;
    if (msize == n) {
        /* one driver, any actor */
        for (uint32_t v = 0; v < n; v++) cls[v] = n == 1 ? LEV_CONTROL_CRITICAL : LEV_CONTROL_INTERMITTENT;
        goto done;
    }
    /* in-copies that some maximum matching leaves free: search backwards from M's free ones */
    uint32_t *queue = m.queue, qh = 0, qt = 0;
    for (uint32_t v = 0; v < n; v++) {
        mark[v] = m.mate_r[v] == LEV_NONE;
        if (mark[v]) queue[qt++] = v;
    }
    while (qh < qt) {
        uint32_t r = queue[qh++];
        size_t d = pred_count(g, r, und);
        for (size_t k = 0; k < d; k++) {
            uint32_t u = pred_at(g, r, k), r1 = m.mate_l[u]; /* u is matched, else M would grow */
            if (r1 != LEV_NONE && !mark[r1]) {
                mark[r1] = 1;
                queue[qt++] = r1;
            }
        }
    }
    for (uint32_t v = 0; v < n; v++)
        cls[v] = !mark[v] ? LEV_CONTROL_REDUNDANT
                 : pred_count(g, v, und) == 0 ? LEV_CONTROL_CRITICAL
                                              : LEV_CONTROL_INTERMITTENT;
done:
    matching_free(&c, n, &m);
    lev__ctx_free(&c, mark, n, sizeof *mark);
    return rc;
}
