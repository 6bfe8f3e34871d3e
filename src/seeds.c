/*
 * Influence maximization by reverse-reachable (RR) sampling with OPIM-C's stopping rule
 * (Tang, Tang, Xiao & Yuan, SIGMOD 2018), under Independent Cascade or Linear Threshold, with
 * required and excluded actors, a budget over per-actor costs, and a target group.
 *
 * RR set i of collection c (c = 0: selection, c = 1: validation) draws only from the stream
 * made from (LEV_P_SEED, i, c), so the sets, hence the seeds, depend on the seed alone. Under
 * weighted cascade and constant probabilities every in-edge of an actor has the same
 * probability p, and the in-edges that succeed are found by geometric skips (the number of
 * failures before the next success is ⌊ln U / ln(1 − p)⌋), as SUBSIM (Guo et al. 2020) does:
 * a set costs its size, not its in-edges.
 */
#include "campaigns.h"

#include <math.h>
#include <string.h>

#define TAG_RR 0x5252534554530000ULL

/* A collection of RR sets: set s is item[off[s] .. off[s + 1]). */
typedef struct rrc {
    uint32_t *item;
    size_t nitem, citem;
    size_t *off; /* nset + 1 entries */
    size_t nset, coff;
} rrc;

typedef struct im {
    lev__ctx *c;
    const char *what;
    lev__dmodel m;
    const lev__csr *g;
    uint32_t n;
    double *cum;          /* LT, weighted: cumulative in-strength along each in-row (m entries) */
    uint32_t *stamp, tag; /* visited marks of the set being drawn */
    const uint32_t *roots;
    uint32_t nroots;      /* roots are drawn from roots[0 .. nroots) (NULL: every actor) */
    uint64_t seed;
    rrc r[2];
    int nw;   /* threads drawing RR sets (1: the calling thread, with stamp) */
    struct rrw *w; /* nw of them when nw > 1 */
} im;

static lev_status rr_reserve(im *s, rrc *r, size_t sets) {
    const lev__mem *mem = &s->c->net->mem;
    if (lev__grow(mem, (void **)&r->off, &r->coff, sets + 1, sizeof *r->off)) return LEV_ENOMEM;
    return LEV_OK;
}

/* Draw set `id` of collection col into q (room for n actors) with the visited marks `stamp` and
 * their counter *tagp; returns its size. Reads only s: safe from many threads, each with its own
 * stamps and q. */
static size_t rr_gen(const im *s, int col, uint64_t id, uint32_t *stamp, uint32_t *tagp, uint32_t *q) {
    const lev__csr *g = s->g;
    const lev__dmodel *m = &s->m;
    uint64_t st = lev__stream(s->seed, id, TAG_RR + (uint64_t)col);
    if (++*tagp == 0) { /* stamps wrapped: clear them */
        memset(stamp, 0, s->n * sizeof *stamp);
        *tagp = 1;
    }
    uint32_t tag = *tagp;
    uint32_t root = s->roots ? s->roots[lev__below(&st, s->nroots)] : (uint32_t)lev__below(&st, s->n);
    size_t head = 0, tail = 0;
    stamp[root] = tag;
    q[tail++] = root;
    if (m->model == LEV_MODEL_IC) {
        while (head < tail) {
            uint32_t v = q[head++];
            size_t o = g->in_off[v], d = g->in_off[v + 1] - o;
            if (d == 0) continue;
            if (m->prob == LEV_PROB_STRENGTH) {
                for (size_t e = o; e < o + d; e++) {
                    uint32_t u = g->in_adj[e];
                    if (stamp[u] == tag) continue;
                    double pe = g->in_w[e];
                    if (pe >= 1 || lev__unit(&st) < pe) {
                        stamp[u] = tag;
                        q[tail++] = u;
                    }
                }
                continue;
            }
            double pe = m->prob == LEV_PROB_WC ? 1.0 / (double)d : m->pconst;
            if (pe <= 0) continue;
            if (pe >= 1) {
                for (size_t e = o; e < o + d; e++) {
                    uint32_t u = g->in_adj[e];
                    if (stamp[u] != tag) {
                        stamp[u] = tag;
                        q[tail++] = u;
                    }
                }
                continue;
            }
            double lq = log1p(-pe);
            for (double j = floor(log(lev__unit_open0(&st)) / lq); j < (double)d;
                 j += 1 + floor(log(lev__unit_open0(&st)) / lq)) {
                uint32_t u = g->in_adj[o + (size_t)j];
                if (stamp[u] != tag) {
                    stamp[u] = tag;
                    q[tail++] = u;
                }
            }
        }
    } else {
        /* LT: the live-edge graph gives each actor one in-edge, drawn by strength; the RR set is
         * the reverse walk until it meets an actor already in it or one without in-edges. */
        uint32_t v = root;
        for (;;) {
            size_t o = g->in_off[v], d = g->in_off[v + 1] - o, e;
            if (d == 0) break;
            if (s->cum) {
                double x = lev__unit(&st) * s->cum[o + d - 1];
                size_t lo = 0, hi = d - 1; /* first e with cum > x */
                while (lo < hi) {
                    size_t mid = (lo + hi) / 2;
                    if (s->cum[o + mid] > x) hi = mid;
                    else lo = mid + 1;
                }
                e = o + lo;
            } else {
                e = o + (size_t)lev__below(&st, d);
            }
            uint32_t u = g->in_adj[e];
            if (stamp[u] == tag) break;
            stamp[u] = tag;
            q[tail++] = u;
            v = u;
        }
    }
    return tail;
}

/* Draw set number r->nset of collection col and append it. */
static lev_status rr_draw(im *s, int col) {
    rrc *r = &s->r[col];
    if (r->citem < r->nitem + s->n &&
        lev__grow(&s->c->net->mem, (void **)&r->item, &r->citem, r->nitem + s->n, sizeof *r->item))
        return LEV_ENOMEM;
    r->nitem += rr_gen(s, col, r->nset, s->stamp, &s->tag, r->item + r->nitem);
    r->off[++r->nset] = r->nitem;
    return LEV_OK;
}

/* Per-thread state of the parallel draw: its stamps, its buffer of sets, their sizes, and the
 * next set of its range still to draw. */
typedef struct rrw {
    uint32_t *stamp, tag;
    uint32_t *item;
    size_t nitem, citem;
    size_t *len, clen; /* sizes of the sets of its range, in order */
    uint64_t lo, hi, next;
} rrw;

#define RR_CHUNK 2048 /* sets per thread per parallel pass */

/* Draw sets [r->nset, sets) with s->nw threads: each thread draws a contiguous range into its own
 * buffer (stopping when a set might not fit: the buffers grow on the calling thread between
 * passes), then the ranges are appended in order. The sets are those of the one-thread draw. */
static lev_status rr_extend_par(im *s, int col, size_t sets) {
    rrc *r = &s->r[col];
    const lev__mem *mem = &s->c->net->mem;
    int T = s->nw;
    while (r->nset < sets) {
        uint64_t base = r->nset, todo = sets - r->nset;
        if (todo > (uint64_t)RR_CHUNK * (uint64_t)T) todo = (uint64_t)RR_CHUNK * (uint64_t)T;
        for (int t = 0; t < T; t++) {
            rrw *w = &s->w[t];
            w->lo = base + todo * (uint64_t)t / (uint64_t)T;
            w->hi = base + todo * (uint64_t)(t + 1) / (uint64_t)T;
            w->next = w->lo;
            w->nitem = 0;
            if (lev__grow(mem, (void **)&w->len, &w->clen, (size_t)(w->hi - w->lo) + 1, sizeof *w->len))
                return LEV_ENOMEM;
        }
        for (;;) {
            int left = 0;
            for (int t = 0; t < T; t++) {
                rrw *w = &s->w[t];
                if (w->next < w->hi && w->citem < w->nitem + s->n) {
                    size_t need = w->nitem + s->n, want = w->nitem + (size_t)(w->hi - w->next) * 8;
                    if (want < need) want = need;
                    if (lev__grow(mem, (void **)&w->item, &w->citem, want, sizeof *w->item)) return LEV_ENOMEM;
                }
                left |= w->next < w->hi;
            }
            if (!left) break;
#ifdef _OPENMP
#pragma omp parallel num_threads(T)
#endif
            {
                rrw *w = &s->w[lev__thread_num()];
                while (w->next < w->hi && w->citem >= w->nitem + s->n) {
                    size_t l = rr_gen(s, col, w->next, w->stamp, &w->tag, w->item + w->nitem);
                    w->len[w->next - w->lo] = l;
                    w->nitem += l;
                    w->next++;
                }
            }
        }
        size_t add = 0;
        for (int t = 0; t < T; t++) add += s->w[t].nitem;
        if (r->citem < r->nitem + add &&
            lev__grow(mem, (void **)&r->item, &r->citem, r->nitem + add, sizeof *r->item))
            return LEV_ENOMEM;
        for (int t = 0; t < T; t++) {
            rrw *w = &s->w[t];
            memcpy(r->item + r->nitem, w->item, w->nitem * sizeof *w->item);
            for (uint64_t i = w->lo; i < w->hi; i++) {
                r->nitem += w->len[i - w->lo];
                r->off[++r->nset] = r->nitem;
            }
        }
    }
    return LEV_OK;
}

static lev_status rr_extend(im *s, int col, size_t sets) {
    rrc *r = &s->r[col];
    if (rr_reserve(s, r, sets)) return LEV_ENOMEM;
    if (r->nset == 0) r->off[0] = 0;
    if (s->nw > 1) return rr_extend_par(s, col, sets);
    while (r->nset < sets)
        if (rr_draw(s, col)) return LEV_ENOMEM;
    return LEV_OK;
}

/* Sum of the `k` largest values of v[0 .. n) (order destroyed). */
static double top_sum(uint32_t *v, size_t n, size_t k) {
    if (k >= n) {
        double s = 0;
        for (size_t i = 0; i < n; i++) s += v[i];
        return s;
    }
    size_t lo = 0, hi = n; /* quickselect: after it, v[0 .. k) are the k largest */
    uint64_t st = 0x1234567ULL;
    while (hi - lo > 1) {
        uint32_t piv = v[lo + lev__below(&st, hi - lo)];
        size_t a = lo, b = lo, c2 = hi; /* [lo,a) > piv, [a,b) == piv, [c2,hi) < piv */
        while (b < c2) {
            if (v[b] > piv) {
                uint32_t t = v[a]; v[a] = v[b]; v[b] = t;
                a++, b++;
            } else if (v[b] == piv) {
                b++;
            } else {
                c2--;
                uint32_t t = v[c2]; v[c2] = v[b]; v[b] = t;
            }
        }
        if (k < a) hi = a;
        else if (k <= b) break;
        else lo = b;
    }
    double s = 0;
    for (size_t i = 0; i < k; i++) s += v[i];
    return s;
}

/* Scratch of the greedy, n or nset sized. */
typedef struct gsc {
    size_t *ioff;    /* n + 1: the inverse index's offsets */
    uint32_t *inv;   /* nitem of collection 0 */
    uint32_t *cnt;   /* n: sets of collection 0 each actor covers and that nothing chosen covers */
    uint32_t *tmp;   /* n: for the top-k sums */
    uint8_t *cov;    /* nset of collection 0 */
    uint8_t *chosen; /* n */
    uint32_t *heap, *hkey; /* n each: the lazy greedy's heap of actors and their counts when pushed */
    size_t cinv, ccov;
} gsc;

/* Heap order: larger key first, then lower index. */
static int above(const gsc *w, size_t a, size_t b) {
    return w->hkey[a] > w->hkey[b] || (w->hkey[a] == w->hkey[b] && w->heap[a] < w->heap[b]);
}

static void sift_down(gsc *w, size_t hn, size_t i) {
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, top = i;
        if (l < hn && above(w, l, top)) top = l;
        if (r < hn && above(w, r, top)) top = r;
        if (top == i) return;
        uint32_t t = w->heap[i];
        w->heap[i] = w->heap[top];
        w->heap[top] = t;
        t = w->hkey[i];
        w->hkey[i] = w->hkey[top];
        w->hkey[top] = t;
        i = top;
    }
}

typedef struct choice {
    const uint8_t *rule;
    const double *cost;
    double budget; /* 0: none */
    size_t k, nreq;
    double creq;   /* cost of the required */
} choice;

static int allowed(const choice *ch, uint32_t v) { return !ch->rule || ch->rule[v] == LEV_SEED_ALLOWED; }
static double cost_of(const choice *ch, uint32_t v) { return ch->cost ? ch->cost[v] : 1.0; }

/* The upper bound on the coverage, in collection 0, of the best allowed set, given the current
 * state (the chosen set covers `covd` sets): covd + what the best allowed completion could add. */
static double opt_bound(const im *s, const choice *ch, gsc *w, double covd) {
    size_t nt = 0, kk = ch->k - ch->nreq;
    double bestr = 0, room = ch->budget - ch->creq;
    for (uint32_t v = 0; v < s->n; v++) {
        if (!allowed(ch, v) || w->chosen[v]) continue;
        if (ch->budget > 0) {
            double cv = cost_of(ch, v);
            if (cv > room) continue;
            if (w->cnt[v] / cv > bestr) bestr = w->cnt[v] / cv;
        }
        w->tmp[nt++] = w->cnt[v];
    }
    double b = covd + top_sum(w->tmp, nt, kk);
    if (ch->budget > 0 && covd + room * bestr < b) b = covd + room * bestr;
    return b;
}

static void pick(const im *s, gsc *w, uint32_t u, double *covd) {
    const rrc *r = &s->r[0];
    w->chosen[u] = 1;
    for (size_t i = w->ioff[u]; i < w->ioff[u + 1]; i++) {
        uint32_t set = w->inv[i];
        if (w->cov[set]) continue;
        w->cov[set] = 1;
        *covd += 1;
        for (size_t j = r->off[set]; j < r->off[set + 1]; j++) w->cnt[r->item[j]]--;
    }
}

/* Greedy on collection 0: writes the seeds in order into sel, returns their number; *covd the
 * sets they cover, *ub the upper bound on the best allowed set's coverage. */
static size_t greedy(const im *s, const choice *ch, gsc *w, uint32_t *sel, double *covd, double *ub) {
    const rrc *r = &s->r[0];
    uint32_t n = s->n;
    memset(w->ioff, 0, (n + 1) * sizeof *w->ioff);
    for (size_t i = 0; i < r->nitem; i++) w->ioff[r->item[i] + 1]++;
    for (uint32_t v = 0; v < n; v++) w->ioff[v + 1] += w->ioff[v];
    memset(w->cnt, 0, n * sizeof *w->cnt);
    for (size_t set = 0; set < r->nset; set++)
        for (size_t j = r->off[set]; j < r->off[set + 1]; j++) {
            uint32_t x = r->item[j];
            w->inv[w->ioff[x] + w->cnt[x]++] = (uint32_t)set;
        }
    memset(w->cov, 0, r->nset);
    memset(w->chosen, 0, n);
    size_t ns = 0;
    *covd = 0;
    for (uint32_t v = 0; v < n && ch->rule; v++)
        if (ch->rule[v] == LEV_SEED_REQUIRED) {
            pick(s, w, v, covd);
            sel[ns++] = v;
        }
    double covm = *covd, room = ch->budget - ch->creq;
    double b0 = opt_bound(s, ch, w, covm);
    /* The best single affordable actor after the required (the budgeted variant's fallback). */
    uint32_t single = LEV_NONE, singleg = 0;
    if (ch->budget > 0 && ns < ch->k)
        for (uint32_t v = 0; v < n; v++)
            if (allowed(ch, v) && !w->chosen[v] && cost_of(ch, v) <= room && (single == LEV_NONE || w->cnt[v] > singleg))
                single = v, singleg = w->cnt[v];
    double spent = ch->creq;
    size_t nfree = 0;
    for (uint32_t v = 0; v < n; v++) nfree += allowed(ch, v);
    /* Without a budget: lazy greedy over a max-heap of (count, lower index first). Counts only
     * fall, so a popped entry whose count is current is the scan's argmax, ties included. */
    size_t hn = 0;
    if (ch->budget <= 0) {
        for (uint32_t v = 0; v < n; v++)
            if (allowed(ch, v) && !w->chosen[v]) w->heap[hn] = v, w->hkey[hn++] = w->cnt[v];
        for (size_t i = hn / 2; i-- > 0;) sift_down(w, hn, i);
    }
    while (ns < ch->k) {
        uint32_t best = LEV_NONE;
        if (ch->budget <= 0) {
            while (hn) {
                uint32_t v = w->heap[0];
                if (w->hkey[0] == w->cnt[v]) {
                    best = v;
                    w->heap[0] = w->heap[--hn];
                    w->hkey[0] = w->hkey[hn];
                    sift_down(w, hn, 0);
                    break;
                }
                w->hkey[0] = w->cnt[v]; /* stale: refresh and sink */
                sift_down(w, hn, 0);
            }
            if (best == LEV_NONE) break;
        } else if (ch->budget > 0) {
            double br = -1;
            for (uint32_t v = 0; v < n; v++) {
                if (!allowed(ch, v) || w->chosen[v]) continue;
                double cv = cost_of(ch, v);
                if (spent + cv > ch->budget) continue;
                if (w->cnt[v] / cv > br) br = w->cnt[v] / cv, best = v;
            }
            if (best == LEV_NONE || w->cnt[best] == 0) break;
            spent += cost_of(ch, best);
        }
        pick(s, w, best, covd);
        sel[ns++] = best;
    }
    double bf = opt_bound(s, ch, w, *covd);
    double ubv = b0 < bf ? b0 : bf;
    size_t kk = ch->k - ch->nreq, got = ns - ch->nreq;
    if (ch->budget <= 0 && kk > 0 && got == kk) {
        double f = 1 - pow(1 - 1.0 / (double)kk, (double)kk);
        double gb = covm + (*covd - covm) / f;
        if (gb < ubv) ubv = gb;
    }
    if (ch->budget > 0 && single != LEV_NONE && covm + singleg > *covd) {
        /* The single actor covers more than the cost-benefit greedy: keep it alone. */
        memset(w->cov, 0, r->nset);
        memset(w->chosen, 0, n);
        for (uint32_t v = 0; v < n; v++) w->cnt[v] = (uint32_t)(w->ioff[v + 1] - w->ioff[v]);
        ns = 0;
        *covd = 0;
        for (uint32_t v = 0; v < n && ch->rule; v++)
            if (ch->rule[v] == LEV_SEED_REQUIRED) {
                pick(s, w, v, covd);
                sel[ns++] = v;
            }
        pick(s, w, single, covd);
        sel[ns++] = single;
    }
    if (ch->budget > 0) {
        /* Modified greedy: max(cost-benefit greedy, best single) ≥ ½(1 − 1/e) OPT (KMN 1999). */
        double gb = covm + (*covd - covm) / (0.5 * (1 - exp(-1.0)));
        if (gb < ubv) ubv = gb;
    }
    (void)nfree;
    *ub = ubv;
    return ns;
}

static void rr_free(const im *s, rrc *r) {
    const lev__mem *mem = &s->c->net->mem;
    if (r->item) lev__free(mem, r->item, r->citem * sizeof *r->item);
    if (r->off) lev__free(mem, r->off, r->coff * sizeof *r->off);
    memset(r, 0, sizeof *r);
}

lev_status lev_seeds(const lev_network *net, size_t k, const uint8_t *rule, const double *cost, lev_params *p,
                     uint32_t *seeds, double *gains, size_t *len, double *spread, double *ratio, uint64_t *rr_sets,
                     uint64_t *rr_bytes) {
    const char *what = "seeds";
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, seeds);
    if (rc) return rc;
    if (!len) return lev__ctx_fail(&c, LEV_EMISUSE, "%s: len is NULL", what);
    if (k == 0) return lev__ctx_fail(&c, LEV_EINVAL, "%s: k is 0 (at least one seed must be asked for)", what);
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    choice ch = {.rule = rule, .cost = NULL, .budget = lev__param(p, LEV_P_BUDGET), .k = k};
    if (ch.budget > 0) ch.cost = cost;
    for (uint32_t v = 0; v < n && rule; v++) {
        if (rule[v] > LEV_SEED_EXCLUDED)
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: rule[%u] is %u, not a lev_seed_rule (0 allowed, 1 required, 2 excluded)",
                                 what, v, (unsigned)rule[v]);
    }
    for (uint32_t v = 0; v < n && ch.cost; v++)
        if (!isfinite(ch.cost[v]) || !(ch.cost[v] > 0))
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: cost[%u] (actor %s) must be finite and > 0 (got %g)", what, v,
                                 lev_actor_name(net, v), ch.cost[v]);
    for (uint32_t v = 0; v < n && rule; v++)
        if (rule[v] == LEV_SEED_REQUIRED) {
            ch.nreq++;
            ch.creq += cost_of(&ch, v);
        }
    if (ch.nreq > k)
        return lev__ctx_fail(&c, LEV_EINVAL, "%s: %zu actors are required seeds but k is %zu", what, ch.nreq, k);
    if (ch.budget > 0 && ch.creq > ch.budget)
        return lev__ctx_fail(&c, LEV_EINVAL, "%s: the required seeds cost %g, more than the budget %g", what, ch.creq,
                             ch.budget);
    int64_t tg = (int64_t)lev__param(p, LEV_P_TARGET_GROUP);
    uint32_t ngroup = 0;
    if (tg >= 0) {
        if ((uint64_t)tg >= lev_group_count(net))
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: target group %lld is not a group (the network has %zu)", what,
                                 (long long)tg, lev_group_count(net));
        for (uint32_t v = 0; v < n; v++) ngroup += net->actor_group[v] == (uint32_t)tg;
        if (ngroup == 0)
            return lev__ctx_fail(&c, LEV_EINVAL, "%s: target group %lld (%s) has no actors", what, (long long)tg,
                                 lev_group_name(net, (uint32_t)tg));
    }
    im s = {.c = &c, .what = what, .g = g, .n = n, .seed = (uint64_t)lev__param(p, LEV_P_SEED)};
    if ((rc = lev__dmodel_init(&c, what, &s.m))) return rc;
    if (n == 0) {
        *len = 0;
        if (spread) *spread = 0;
        if (ratio) *ratio = 1;
        if (rr_sets) *rr_sets = 0;
        if (rr_bytes) *rr_bytes = 0;
        lev__dmodel_free(&c, &s.m);
        return LEV_OK;
    }
    gsc w = {0};
    uint32_t *sel = NULL, *rank = NULL, *roots = NULL;
    double *g2 = NULL;
    size_t nsel = 0;
    int lt_cum = s.m.model == LEV_MODEL_LT && s.m.weighted && g->m;
    s.stamp = lev__ctx_alloc(&c, n, sizeof *s.stamp);
    /* RR sets are drawn by several threads on networks large enough to give each some work. */
    s.nw = lev__cap_threads(&c, n, 4096);
    if (s.nw > 1) {
        s.w = lev__ctx_alloc(&c, (size_t)s.nw, sizeof *s.w);
        if (!s.w) s.nw = 0;
        else {
            memset(s.w, 0, (size_t)s.nw * sizeof *s.w);
            for (int t = 0; t < s.nw; t++) {
                s.w[t].stamp = lev__ctx_alloc(&c, n, sizeof *s.w[t].stamp);
                if (!s.w[t].stamp) {
                    rc = LEV_ENOMEM;
                    goto done;
                }
                memset(s.w[t].stamp, 0, n * sizeof *s.w[t].stamp);
            }
        }
    }
    w.ioff = lev__ctx_alloc(&c, (size_t)n + 1, sizeof *w.ioff);
    w.cnt = lev__ctx_alloc(&c, n, sizeof *w.cnt);
    w.tmp = lev__ctx_alloc(&c, n, sizeof *w.tmp);
    w.chosen = lev__ctx_alloc(&c, n, 1);
    w.heap = lev__ctx_alloc(&c, n, sizeof *w.heap);
    w.hkey = lev__ctx_alloc(&c, n, sizeof *w.hkey);
    sel = lev__ctx_alloc(&c, k < n ? k : n, sizeof *sel);
    rank = lev__ctx_alloc(&c, n, sizeof *rank);
    g2 = lev__ctx_alloc(&c, k < n ? k : n, sizeof *g2);
    if (lt_cum) s.cum = lev__ctx_alloc(&c, g->m, sizeof *s.cum);
    if (tg >= 0) s.roots = roots = lev__ctx_alloc(&c, ngroup, sizeof *roots);
    if (!s.nw || !s.stamp || !w.ioff || !w.cnt || !w.tmp || !w.chosen || !w.heap || !w.hkey || !sel || !rank || !g2 || (lt_cum && !s.cum) ||
        (tg >= 0 && !roots)) {
        rc = LEV_ENOMEM;
        goto done;
    }
    memset(s.stamp, 0, n * sizeof *s.stamp);
    if (lt_cum)
        for (uint32_t v = 0; v < n; v++) {
            double acc = 0;
            for (size_t e = g->in_off[v]; e < g->in_off[v + 1]; e++) s.cum[e] = acc += (double)g->in_w[e];
        }
    if (roots) {
        uint32_t j = 0;
        for (uint32_t v = 0; v < n; v++)
            if (net->actor_group[v] == (uint32_t)tg) roots[j++] = v;
        s.nroots = ngroup;
    }
    double nroot = roots ? (double)ngroup : (double)n;
    /* OPIM-C's schedule. */
    size_t nallow = 0, ngallow = 0;
    for (uint32_t v = 0; v < n; v++)
        if (allowed(&ch, v)) {
            nallow++;
            ngallow += !roots || net->actor_group[v] == (uint32_t)tg;
        }
    size_t kfree = k - ch.nreq, kk = kfree < nallow ? kfree : nallow;
    double eps = lev__param(p, LEV_P_SEEDS_EPSILON), e1 = 1 - exp(-1.0);
    double delta = 1.0 / (double)n, l6 = log(6 / delta);
    double kr = kk ? (double)kk : 1;
    /* ln C(nallow, kk) as a sum: lgamma writes the global signgam, a data race between calls. */
    double lnc = 0;
    for (size_t i = 1; i <= kk && kk <= nallow; i++) lnc += log(((double)(nallow - kk) + (double)i) / (double)i);
    if (!(lnc > 0)) lnc = 0;
    double lb = ch.budget > 0 ? 1 : (roots ? (double)(ngallow < kk ? ngallow : kk) : kr);
    if (lb < 1) lb = 1;
    double tt = e1 * sqrt(l6) + sqrt(e1 * (lnc + l6));
    double theta_max = 2 * nroot * tt * tt / (eps * eps * lb), theta0 = theta_max * eps * eps * lb / nroot;
    int imax = (int)ceil(log2(theta_max / theta0));
    if (imax < 1) imax = 1;
    double a = log(3 * imax / delta);
    double target = ch.budget > 0 ? 0.5 * e1 - eps : e1 - eps;
    int trivial = kk == 0 || (ch.budget <= 0 && nallow <= kfree);
    size_t theta = (size_t)ceil(theta0);
    if (theta < 1) theta = 1;
    double alpha = 1, cov1 = 0, ub = 0;
    for (int i = 1;; i++) {
        if (rr_extend(&s, 0, theta) || rr_extend(&s, 1, theta)) {
            rc = LEV_ENOMEM;
            goto done;
        }
        if (lev__grow(&c.net->mem, (void **)&w.inv, &w.cinv, s.r[0].nitem ? s.r[0].nitem : 1, sizeof *w.inv) ||
            lev__grow(&c.net->mem, (void **)&w.cov, &w.ccov, s.r[0].nset, 1)) {
            rc = LEV_ENOMEM;
            goto done;
        }
        nsel = greedy(&s, &ch, &w, sel, &cov1, &ub);
        /* Coverage of the seeds in collection 1, credited to the first seed (in selection order)
         * each set contains. */
        for (uint32_t v = 0; v < n; v++) rank[v] = LEV_NONE;
        for (size_t j = 0; j < nsel; j++) {
            rank[sel[j]] = (uint32_t)j;
            g2[j] = 0;
        }
        double cov2 = 0;
        const rrc *r2 = &s.r[1];
        for (size_t set = 0; set < r2->nset; set++) {
            uint32_t best = LEV_NONE;
            for (size_t j = r2->off[set]; j < r2->off[set + 1]; j++)
                if (rank[r2->item[j]] < best) best = rank[r2->item[j]];
            if (best != LEV_NONE) {
                g2[best] += 1;
                cov2 += 1;
            }
        }
        double th = (double)theta;
        double sl = (sqrt(cov2 + 2 * a / 9) - sqrt(a / 2));
        sl = (sl > 0 ? sl * sl : 0) - a / 18;
        if (sl < 0) sl = 0;
        double su = sqrt(ub + a / 2) + sqrt(a / 2);
        su = su * su;
        alpha = trivial ? 1 : (su > 0 ? (sl / th) / (su / th) : 1);
        if (alpha > 1) alpha = 1;
        if ((rc = lev__ctx_progress(&c, alpha >= target || i >= imax ? 1.0 : (double)i / imax, what))) goto done;
        if (trivial || alpha >= target || i >= imax) {
            double scale = nroot / th;
            *len = nsel;
            memcpy(seeds, sel, nsel * sizeof *seeds);
            if (gains)
                for (size_t j = 0; j < nsel; j++) gains[j] = g2[j] * scale;
            if (spread) *spread = cov2 * scale;
            if (ratio) *ratio = alpha;
            if (rr_sets) *rr_sets = (uint64_t)(s.r[0].nset + s.r[1].nset);
            if (rr_bytes)
                *rr_bytes = (uint64_t)((s.r[0].nitem + s.r[1].nitem) * sizeof(uint32_t) +
                                       (s.r[0].nset + s.r[1].nset + 2) * sizeof(size_t) + s.r[0].nitem * sizeof(uint32_t) +
                                       ((size_t)n + 1) * sizeof(size_t) + s.r[0].nset);
            break;
        }
        theta *= 2;
    }
done:
    if (rc == LEV_ENOMEM)
        lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %zu RR sets on %u actors", what,
                      s.r[0].nset + s.r[1].nset, n);
    rr_free(&s, &s.r[0]);
    rr_free(&s, &s.r[1]);
    if (s.w) {
        for (int t = 0; t < s.nw; t++) {
            rrw *tw = &s.w[t];
            if (tw->stamp) lev__ctx_free(&c, tw->stamp, n, sizeof *tw->stamp);
            if (tw->item) lev__free(&c.net->mem, tw->item, tw->citem * sizeof *tw->item);
            if (tw->len) lev__free(&c.net->mem, tw->len, tw->clen * sizeof *tw->len);
        }
        lev__ctx_free(&c, s.w, (size_t)s.nw, sizeof *s.w);
    }
    if (w.inv) lev__free(&c.net->mem, w.inv, w.cinv * sizeof *w.inv);
    if (w.cov) lev__free(&c.net->mem, w.cov, w.ccov);
    if (s.stamp) lev__ctx_free(&c, s.stamp, n, sizeof *s.stamp);
    if (w.ioff) lev__ctx_free(&c, w.ioff, (size_t)n + 1, sizeof *w.ioff);
    if (w.cnt) lev__ctx_free(&c, w.cnt, n, sizeof *w.cnt);
    if (w.tmp) lev__ctx_free(&c, w.tmp, n, sizeof *w.tmp);
    if (w.chosen) lev__ctx_free(&c, w.chosen, n, 1);
    if (w.heap) lev__ctx_free(&c, w.heap, n, sizeof *w.heap);
    if (w.hkey) lev__ctx_free(&c, w.hkey, n, sizeof *w.hkey);
    if (sel) lev__ctx_free(&c, sel, k < n ? k : n, sizeof *sel);
    if (rank) lev__ctx_free(&c, rank, n, sizeof *rank);
    if (g2) lev__ctx_free(&c, g2, k < n ? k : n, sizeof *g2);
    if (s.cum) lev__ctx_free(&c, s.cum, g->m, sizeof *s.cum);
    if (roots) lev__ctx_free(&c, roots, ngroup, sizeof *roots);
    lev__dmodel_free(&c, &s.m);
    return rc;
}
