/*
 * Bypass: unavoidable brokers — dominators, articulation points, bridges.
 *
 * - lev_dominators: Lengauer–Tarjan (1979), the sophisticated version (path compression and
 *   balanced linking: O(E α(E, V))), with the depth-first search and the compression both
 *   iterative (an explicit stack: a path of millions of actors needs no C stack). Everything
 *   after the search works on depth-first numbers 1..count, 0 being the paper's null vertex.
 * - lev_articulation_points / lev_bridges: one iterative Hopcroft–Tarjan low-point search over
 *   the folded undirected view (lev__view: distinct neighbours, no self-loops), which also
 *   carries the number of edge records between each pair, so a pair joined by two or more
 *   records (in either direction) is never a bridge.
 *
 * See docs/bypass.md for definitions, conventions, peers and validation.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* ==== dominators ============================================================================ */

/* The successors of v (out row; with und also in row), read as one sequence of
 * out_deg + in_deg positions. */
static inline uint32_t succ_at(const lev__csr *g, uint32_t v, size_t k) {
    size_t no = g->out_off[v + 1] - g->out_off[v];
    return k < no ? g->out_adj[g->out_off[v] + k] : g->in_adj[g->in_off[v] + (k - no)];
}

/* Lengauer–Tarjan's forest with balanced linking, on depth-first numbers 1..cnt; 0 is the null
 * vertex (size, label and semi of 0 are 0, so the loops stop there). */
typedef struct lt_forest {
    uint32_t *semi, *anc, *label, *size, *child;
    uint32_t *stack; /* scratch for compress */
} lt_forest;

/* COMPRESS(v), unwound: the path from v up to the child of its root, the vertex nearest the
 * root handled first, as the recursion would. */
static void lt_compress(const lt_forest *f, uint32_t v) {
    uint32_t *anc = f->anc, *label = f->label, sp = 0, x = v;
    const uint32_t *semi = f->semi;
    while (anc[anc[x]] != 0) {
        f->stack[sp++] = x;
        x = anc[x];
    }
    while (sp > 0) {
        uint32_t y = f->stack[--sp], a = anc[y];
        if (semi[label[a]] < semi[label[y]]) label[y] = label[a];
        anc[y] = anc[a];
    }
}

/* EVAL(v) of the sophisticated version. */
static uint32_t lt_eval(const lt_forest *f, uint32_t v) {
    if (f->anc[v] == 0) return f->label[v];
    lt_compress(f, v);
    uint32_t la = f->label[f->anc[v]], lv = f->label[v];
    return f->semi[la] >= f->semi[lv] ? lv : la;
}

/* LINK(v, w): add the tree edge v → w, keeping the forest's subtrees balanced. */
static void lt_link(const lt_forest *f, uint32_t v, uint32_t w) {
    uint32_t *anc = f->anc, *label = f->label, *size = f->size, *child = f->child;
    const uint32_t *semi = f->semi;
    uint32_t s = w;
    while (semi[label[w]] < semi[label[child[s]]]) {
        if ((uint64_t)size[s] + size[child[child[s]]] >= 2 * (uint64_t)size[child[s]]) {
            anc[child[s]] = s;
            child[s] = child[child[s]];
        } else {
            size[child[s]] = size[s];
            s = anc[s] = child[s];
        }
    }
    label[s] = label[w];
    size[v] += size[w];
    if ((uint64_t)size[v] < 2 * (uint64_t)size[w]) {
        uint32_t t = s;
        s = child[v];
        child[v] = t;
    }
    while (s != 0) {
        anc[s] = v;
        s = child[s];
    }
}

lev_status lev_dominators(const lev_network *net, uint32_t source, lev_params *p, uint32_t *idom) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "dominators", idom);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    if (source >= n)
        return lev__ctx_fail(&c, LEV_EINVAL, "dominators: source %u is not an actor (the network has %u)", source,
                             n);
    int und = lev__param(p, LEV_P_UNDIRECTED) != 0;
    size_t n1 = (size_t)n + 1; /* depth-first numbers 1..n, 0 the null vertex */
    uint32_t *num = lev__ctx_alloc(&c, n, sizeof *num), *vert = lev__ctx_alloc(&c, n1, sizeof *vert);
    uint32_t *par = lev__ctx_alloc(&c, n1, sizeof *par), *dom = lev__ctx_alloc(&c, n1, sizeof *dom);
    uint32_t *bhead = lev__ctx_alloc(&c, n1, sizeof *bhead), *bnext = lev__ctx_alloc(&c, n1, sizeof *bnext);
    lt_forest f = {lev__ctx_alloc(&c, n1, sizeof *f.semi),  lev__ctx_alloc(&c, n1, sizeof *f.anc),
                   lev__ctx_alloc(&c, n1, sizeof *f.label), lev__ctx_alloc(&c, n1, sizeof *f.size),
                   lev__ctx_alloc(&c, n1, sizeof *f.child), lev__ctx_alloc(&c, n, sizeof *f.stack)};
    size_t *pos = lev__ctx_alloc(&c, n, sizeof *pos);
    if (!num || !vert || !par || !dom || !bhead || !bnext || !f.semi || !f.anc || !f.label || !f.size ||
        !f.child || !f.stack || !pos) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "dominators: out of memory for %u actors", n);
        goto done;
    }
    /* Depth-first search from source (successors in row order); vert[i] is the actor numbered i,
     * par[i] its parent's number. The actor stack reuses f.stack. */
    uint32_t *stack = f.stack;
    for (uint32_t v = 0; v < n; v++) num[v] = 0;
    uint32_t cnt = 0, sp = 0;
    num[source] = ++cnt;
    vert[cnt] = source;
    par[cnt] = 0;
    stack[sp] = source;
    pos[sp++] = 0;
    while (sp > 0) {
        uint32_t v = stack[sp - 1];
        size_t deg = (g->out_off[v + 1] - g->out_off[v]) + (und ? g->in_off[v + 1] - g->in_off[v] : 0);
        if (pos[sp - 1] == deg) {
            sp--;
            continue;
        }
        uint32_t u = succ_at(g, v, pos[sp - 1]++);
        if (num[u] != 0) continue;
        num[u] = ++cnt;
        vert[cnt] = u;
        par[cnt] = num[v];
        stack[sp] = u;
        pos[sp++] = 0;
    }
    for (uint32_t i = 0; i <= cnt; i++) {
        f.semi[i] = f.label[i] = i;
        f.anc[i] = f.child[i] = 0;
        f.size[i] = 1;
        bhead[i] = 0;
    }
    f.size[0] = 0;
    /* Semidominators in reverse preorder, and idom (or its stand-in) via the buckets. */
    for (uint32_t i = cnt; i >= 2; i--) {
        uint32_t w = vert[i];
        size_t ni = g->in_off[w + 1] - g->in_off[w];
        size_t deg = ni + (und ? g->out_off[w + 1] - g->out_off[w] : 0);
        for (size_t k = 0; k < deg; k++) { /* predecessors: in row, then (undirected) out row */
            uint32_t v = k < ni ? g->in_adj[g->in_off[w] + k] : g->out_adj[g->out_off[w] + (k - ni)];
            if (num[v] == 0) continue; /* unreachable from source: on no influence path */
            uint32_t u = lt_eval(&f, num[v]);
            if (f.semi[u] < f.semi[i]) f.semi[i] = f.semi[u];
        }
        bnext[i] = bhead[f.semi[i]];
        bhead[f.semi[i]] = i;
        lt_link(&f, par[i], i);
        for (uint32_t x = bhead[par[i]]; x != 0; x = bnext[x]) {
            uint32_t u = lt_eval(&f, x);
            dom[x] = f.semi[u] < f.semi[x] ? u : par[i];
        }
        bhead[par[i]] = 0;
    }
    dom[1] = 1;
    for (uint32_t i = 2; i <= cnt; i++)
        if (dom[i] != f.semi[i]) dom[i] = dom[dom[i]];
    /* Nothing can fail from here on. */
    for (uint32_t v = 0; v < n; v++) idom[v] = num[v] == 0 ? LEV_NONE : vert[dom[num[v]]];
done:
    lev__ctx_free(&c, num, n, sizeof *num);
    lev__ctx_free(&c, vert, n1, sizeof *vert);
    lev__ctx_free(&c, par, n1, sizeof *par);
    lev__ctx_free(&c, dom, n1, sizeof *dom);
    lev__ctx_free(&c, bhead, n1, sizeof *bhead);
    lev__ctx_free(&c, bnext, n1, sizeof *bnext);
    lev__ctx_free(&c, f.semi, n1, sizeof *f.semi);
    lev__ctx_free(&c, f.anc, n1, sizeof *f.anc);
    lev__ctx_free(&c, f.label, n1, sizeof *f.label);
    lev__ctx_free(&c, f.size, n1, sizeof *f.size);
    lev__ctx_free(&c, f.child, n1, sizeof *f.child);
    lev__ctx_free(&c, f.stack, n, sizeof *f.stack);
    lev__ctx_free(&c, pos, n, sizeof *pos);
    return rc;
}

/* ==== articulation points and bridges ======================================================= */

size_t lev__low_points(const lev__view *vw, const uint8_t *skip, uint32_t *ap, uint32_t *ba, uint32_t *bb,
                       const lev__lowpt *s) {
    uint32_t n = vw->n, t = 0, *disc = s->disc, *low = s->low, *par = s->par, *stack = s->stack;
    uint32_t *size = s->size, *cut = s->cut;
    uint64_t *cut2 = s->cut2;
    size_t *pos = s->pos, nb = 0;
    for (uint32_t v = 0; v < n; v++) disc[v] = LEV_NONE;
    if (ap) memset(ap, 0, (size_t)n * sizeof *ap);
#define LP_OPEN(x, p)                                                                                      \
    do {                                                                                                   \
        disc[x] = low[x] = t;                                                                              \
        if (size) s->order[t] = (x), size[x] = 1, cut[x] = 0, cut2[x] = 0;                                 \
        t++;                                                                                               \
        par[x] = (p);                                                                                      \
        pos[x] = vw->off[x];                                                                               \
        stack[sp++] = (x);                                                                                 \
    } while (0)
    for (uint32_t r = 0; r < n; r++) {
        if (disc[r] != LEV_NONE || (skip && skip[r])) continue;
        uint32_t sp = 0, rootkids = 0, first = t;
        LP_OPEN(r, LEV_NONE);
        while (sp > 0) {
            uint32_t v = stack[sp - 1];
            if (pos[v] < vw->off[v + 1]) {
                uint32_t u = vw->adj[pos[v]++];
                if (skip && skip[u]) continue;
                if (disc[u] == LEV_NONE) {
                    LP_OPEN(u, v);
                    if (v == r) rootkids++;
                } else if (u != par[v] && disc[u] < low[v]) {
                    low[v] = disc[u];
                }
                continue;
            }
            sp--;
            uint32_t q = par[v];
            if (q == LEV_NONE) continue;
            if (low[v] < low[q]) low[q] = low[v];
            if (low[v] >= disc[q]) { /* v's subtree comes apart when q goes */
                if (ap && q != r) ap[q] = 1;
                if (size) {
                    cut[q] += size[v];
                    cut2[q] += (uint64_t)size[v] * (size[v] - 1);
                }
            }
            if (size) size[q] += size[v];
            if (ba && low[v] > disc[q]) {
                /* Tree edge q–v: a bridge unless another edge record joins the pair. */
                size_t lo = vw->off[q], hi = vw->off[q + 1];
                while (lo < hi) { /* find v in q's sorted row */
                    size_t mid = lo + (hi - lo) / 2;
                    if (vw->adj[mid] < v) lo = mid + 1;
                    else hi = mid;
                }
                if (vw->w[lo] == 1.0) {
                    ba[nb] = q < v ? q : v;
                    bb[nb++] = q < v ? v : q;
                }
            }
        }
        if (ap && rootkids >= 2) ap[r] = 1;
        if (size)
            for (uint32_t k = first; k < t; k++) s->csz[s->order[k]] = size[r];
    }
#undef LP_OPEN
    return nb;
}

typedef struct bridge_pair {
    uint32_t a, b;
} bridge_pair;

static int cmp_bridge(const void *x, const void *y) {
    const bridge_pair *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* Shared body: what = "articulation points" (ap given) or "bridges" (ba, bb given). */
static lev_status cut_search(const lev__ctx *c, const char *what, uint32_t *ap, uint32_t *ba, uint32_t *bb,
                             size_t *nb) {
    uint32_t n = c->g->n;
    lev__view vw = {0};
    uint32_t *disc = lev__ctx_alloc(c, n, sizeof *disc), *low = lev__ctx_alloc(c, n, sizeof *low);
    uint32_t *par = lev__ctx_alloc(c, n, sizeof *par), *stack = lev__ctx_alloc(c, n, sizeof *stack);
    size_t *pos = lev__ctx_alloc(c, n, sizeof *pos);
    lev_status rc = LEV_ENOMEM;
    if (!disc || !low || !par || !stack || !pos) goto done;
    if (lev__view_build(c, LEV__VIEW_BOTH, LEV__FOLD_COUNT, ba != NULL, &vw) != LEV_OK) goto done;
    lev__lowpt lp = {disc, low, par, stack, pos, NULL, NULL, NULL, NULL, NULL};
    size_t k = lev__low_points(&vw, NULL, ap, ba, bb, &lp);
    if (nb) *nb = k;
    rc = LEV_OK;
done:
    lev__view_free(c, &vw);
    lev__ctx_free(c, disc, n, sizeof *disc);
    lev__ctx_free(c, low, n, sizeof *low);
    lev__ctx_free(c, par, n, sizeof *par);
    lev__ctx_free(c, stack, n, sizeof *stack);
    lev__ctx_free(c, pos, n, sizeof *pos);
    if (rc) return lev__ctx_fail(c, rc, "%s: out of memory for %u actors", what, n);
    return LEV_OK;
}

lev_status lev_articulation_points(const lev_network *net, lev_params *p, uint32_t *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "articulation points", out);
    if (rc) return rc;
    uint32_t n = c.g->n;
    if (n == 0) return LEV_OK;
    uint32_t *ap = lev__ctx_alloc(&c, n, sizeof *ap);
    if (!ap) return lev__ctx_fail(&c, LEV_ENOMEM, "articulation points: out of memory for %u actors", n);
    rc = cut_search(&c, "articulation points", ap, NULL, NULL, NULL);
    if (rc == LEV_OK) memcpy(out, ap, (size_t)n * sizeof *ap);
    lev__ctx_free(&c, ap, n, sizeof *ap);
    return rc;
}

lev_status lev_bridges(const lev_network *net, lev_params *p, size_t cap, uint32_t *a, uint32_t *b, size_t *len) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "bridges", len);
    if (rc) return rc;
    if (cap > 0 && (!a || !b))
        return lev__ctx_fail(&c, LEV_EMISUSE, "bridges: cap is %zu but an output array is NULL", cap);
    uint32_t n = c.g->n;
    if (n == 0) {
        *len = 0;
        return LEV_OK;
    }
    uint32_t *ba = lev__ctx_alloc(&c, n, sizeof *ba), *bb = lev__ctx_alloc(&c, n, sizeof *bb);
    bridge_pair *pr = NULL;
    size_t nb = 0;
    if (!ba || !bb) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "bridges: out of memory for %u actors", n);
        goto done;
    }
    rc = cut_search(&c, "bridges", NULL, ba, bb, &nb);
    if (rc) goto done;
    if (nb > cap) {
        rc = lev__ctx_erange(&c, "bridges", "pairs", nb, cap, len);
        goto done;
    }
    if (nb > 0) {
        pr = lev__ctx_alloc(&c, nb, sizeof *pr);
        if (!pr) {
            rc = lev__ctx_fail(&c, LEV_ENOMEM, "bridges: out of memory for %zu pairs", nb);
            goto done;
        }
        for (size_t k = 0; k < nb; k++) pr[k] = (bridge_pair){ba[k], bb[k]};
        qsort(pr, nb, sizeof *pr, cmp_bridge);
        for (size_t k = 0; k < nb; k++) {
            a[k] = pr[k].a;
            b[k] = pr[k].b;
        }
    }
    *len = nb;
done:
    if (pr) lev__ctx_free(&c, pr, nb, sizeof *pr);
    lev__ctx_free(&c, ba, n, sizeof *ba);
    lev__ctx_free(&c, bb, n, sizeof *bb);
    return rc;
}
