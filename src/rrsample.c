/*
 * The campaigns family's sampling code, shared by libleverage and libleverage_mpi (see
 * rrsample.h): one forward Independent Cascade / Linear Threshold run (lev_spread's Monte Carlo),
 * and influence maximization by reverse-reachable (RR) sampling with OPIM-C's stopping rule
 * (Tang, Tang, Xiao & Yuan, SIGMOD 2018), under Independent Cascade or Linear Threshold, with
 * required and excluded actors, a budget over per-actor costs, and a target group.
 *
 * RR set i of collection c (c = 0: selection, c = 1: validation) draws only from the stream
 * made from (LEV_P_SEED, i, c), so the sets, hence the seeds, depend on the seed alone, not on
 * the threads nor on how many processes draw them. Under weighted cascade and constant
 * probabilities every in-edge of an actor has the same probability p, and the in-edges that
 * succeed are found by geometric skips (the number of failures before the next success is
 * ⌊ln U / ln(1 − p)⌋), as SUBSIM (Guo et al. 2020) does: a set costs its size, not its in-edges.
 *
 * Several processes (libleverage_mpi): each draws its share of every batch of sets and keeps
 * them; the greedy's counts (how many uncovered sets each actor is in) are summed over the
 * processes after every pick (one all-reduce of n counts per seed, as Ripples does), so every
 * process sees the counts one process would and picks the same seeds.
 */
#include "rrsample.h"

#include <math.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#define TAG_RR 0x5252534554530000ULL
#define TAG_SPREAD 0x5350524541440001ULL

static inline int thread_num(void) {
#ifdef _OPENMP
    return omp_get_thread_num();
#else
    return 0;
#endif
}

void lev__dmodel_win(const lev__dmodel *m, double *win) {
    const lev__rrg *g = &m->g;
    for (uint32_t v = 0; v < g->n; v++) {
        double s = 0;
        for (size_t e = g->in_off[v]; e < g->in_off[v + 1]; e++) s += m->weighted ? (double)lev__wt(g->iw, e) : 1.0;
        win[v] = s;
    }
}

/* ---- forward runs ----------------------------------------------------------------------------- */

/* One forward run r; returns the number of active actors at the end. */
static uint32_t run_once(const lev__dmodel *m, const uint32_t *seeds, size_t ns, uint64_t seed, uint64_t r,
                         lev__fwd *f) {
    const lev__rrg *g = &m->g;
    uint32_t tag = (uint32_t)(r + 1), head = 0, tail = 0;
    uint64_t st = lev__stream(seed, r, TAG_SPREAD);
    for (size_t i = 0; i < ns; i++) {
        f->act[seeds[i]] = tag;
        f->q[tail++] = seeds[i];
    }
    if (m->model == LEV_MODEL_IC) {
        while (head < tail) {
            uint32_t u = f->q[head++];
            for (size_t e = g->out_off[u]; e < g->out_off[u + 1]; e++) {
                uint32_t v = g->out_adj[e];
                if (f->act[v] == tag) continue;
                double pe = lev__ic_prob(m, e, v);
                if (pe >= 1 || lev__unit(&st) < pe) {
                    f->act[v] = tag;
                    f->q[tail++] = v;
                }
            }
        }
    } else {
        while (head < tail) {
            uint32_t u = f->q[head++];
            for (size_t e = g->out_off[u]; e < g->out_off[u + 1]; e++) {
                uint32_t v = g->out_adj[e];
                if (f->act[v] == tag) continue;
                if (f->tch[v] != tag) {
                    f->tch[v] = tag;
                    f->acc[v] = 0;
                    f->theta[v] = lev__unit_open0(&st) * m->win[v];
                }
                f->acc[v] += m->weighted ? (double)lev__wt(g->ow, e) : 1.0;
                if (f->acc[v] >= f->theta[v]) {
                    f->act[v] = tag;
                    f->q[tail++] = v;
                }
            }
        }
    }
    if (f->count)
        for (uint32_t i = 0; i < tail; i++) f->count[f->q[i]]++;
    return tail;
}

void lev__spread_blocks(const lev__dmodel *m, const uint32_t *seeds, size_t ns, uint64_t seed, uint64_t runs,
                        size_t b0, size_t b1, int threads, lev__fwd *fs, uint64_t *bsum, double *bsq) {
    (void)threads;
#ifdef _OPENMP
#pragma omp parallel for schedule(static, 1) num_threads(threads)
#endif
    for (size_t b = b0; b < b1; b++) {
        lev__fwd *f = &fs[thread_num()];
        uint64_t r0 = (uint64_t)b * LEV__SPREAD_BLOCK, r1 = r0 + LEV__SPREAD_BLOCK < runs ? r0 + LEV__SPREAD_BLOCK : runs,
                 s = 0;
        double sq = 0;
        for (uint64_t r = r0; r < r1; r++) {
            uint32_t a = run_once(m, seeds, ns, seed, r, f);
            s += a;
            sq += (double)a * (double)a;
        }
        bsum[b] = s;
        bsq[b] = sq;
    }
}

/* ---- memory through the caller's allocator ------------------------------------------------------ */

typedef struct rmem {
    lev_alloc_fn f;
    void *ud;
} rmem;

static void *m_alloc(const rmem *m, size_t count, size_t size) {
    if (count == 0 || size == 0 || count > SIZE_MAX / size) return NULL;
    return m->f(m->ud, NULL, 0, count * size);
}
static void m_free(const rmem *m, void *p, size_t count, size_t size) {
    if (p) m->f(m->ud, p, count * size, 0);
}
/* Grow *arr (capacity *cap elements) to hold at least `need`; doubles (as lev__grow). */
static lev_status m_grow(const rmem *m, void **arr, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return LEV_OK;
    if (need > SIZE_MAX / 2) return LEV_ELIMIT;
    size_t ncap = *cap > SIZE_MAX / 2 ? need : 2 * *cap;
    if (ncap < need) ncap = need;
    if (ncap < 8) ncap = 8;
    if (ncap > SIZE_MAX / size) return LEV_ELIMIT;
    void *p = m->f(m->ud, *arr, *cap * size, ncap * size);
    if (!p) return LEV_ENOMEM;
    *arr = p;
    *cap = ncap;
    return LEV_OK;
}

/* ---- RR sets ------------------------------------------------------------------------------------ */

/* A collection of RR sets: set s is item[off[s] .. off[s + 1]). */
typedef struct rrc {
    uint32_t *item;
    size_t nitem, citem;
    size_t *off; /* nset + 1 entries */
    size_t nset, coff;
    uint64_t drawn; /* sets of the whole collection drawn (by every process) */
} rrc;

typedef struct im {
    rmem mem;
    const lev__rrhooks *h;
    const lev__dmodel *m;
    const lev__rrg *g;
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
    if (m_grow(&s->mem, (void **)&r->off, &r->coff, sets + 1, sizeof *r->off)) return LEV_ENOMEM;
    return LEV_OK;
}

/* Draw set `id` of collection col into q (room for n actors) with the visited marks `stamp` and
 * their counter *tagp; returns its size. Reads only s: safe from many threads, each with its own
 * stamps and q. */
static size_t rr_gen(const im *s, int col, uint64_t id, uint32_t *stamp, uint32_t *tagp, uint32_t *q) {
    const lev__rrg *g = s->g;
    const lev__dmodel *m = s->m;
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
                    double pe = lev__wt(g->iw, e);
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

/* Draw set `id` of collection col and append it. */
static lev_status rr_draw(im *s, int col, uint64_t id) {
    rrc *r = &s->r[col];
    if (r->citem < r->nitem + s->n &&
        m_grow(&s->mem, (void **)&r->item, &r->citem, r->nitem + s->n, sizeof *r->item))
        return LEV_ENOMEM;
    r->nitem += rr_gen(s, col, id, s->stamp, &s->tag, r->item + r->nitem);
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

/* Draw sets [from, to) with s->nw threads: each thread draws a contiguous range into its own
 * buffer (stopping when a set might not fit: the buffers grow on the calling thread between
 * passes), then the ranges are appended in order. The sets are those of the one-thread draw. */
static lev_status rr_extend_par(im *s, int col, uint64_t from, uint64_t to) {
    rrc *r = &s->r[col];
    const rmem *mem = &s->mem;
    int T = s->nw;
    while (from < to) {
        uint64_t base = from, todo = to - from;
        if (todo > (uint64_t)RR_CHUNK * (uint64_t)T) todo = (uint64_t)RR_CHUNK * (uint64_t)T;
        for (int t = 0; t < T; t++) {
            rrw *w = &s->w[t];
            w->lo = base + todo * (uint64_t)t / (uint64_t)T;
            w->hi = base + todo * (uint64_t)(t + 1) / (uint64_t)T;
            w->next = w->lo;
            w->nitem = 0;
            if (m_grow(mem, (void **)&w->len, &w->clen, (size_t)(w->hi - w->lo) + 1, sizeof *w->len))
                return LEV_ENOMEM;
        }
        for (;;) {
            int left = 0;
            for (int t = 0; t < T; t++) {
                rrw *w = &s->w[t];
                if (w->next < w->hi && w->citem < w->nitem + s->n) {
                    size_t need = w->nitem + s->n, want = w->nitem + (size_t)(w->hi - w->next) * 8;
                    if (want < need) want = need;
                    if (m_grow(mem, (void **)&w->item, &w->citem, want, sizeof *w->item)) return LEV_ENOMEM;
                }
                left |= w->next < w->hi;
            }
            if (!left) break;
#ifdef _OPENMP
#pragma omp parallel num_threads(T)
#endif
            {
                rrw *w = &s->w[thread_num()];
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
        if (r->citem < r->nitem + add && m_grow(mem, (void **)&r->item, &r->citem, r->nitem + add, sizeof *r->item))
            return LEV_ENOMEM;
        for (int t = 0; t < T; t++) {
            rrw *w = &s->w[t];
            memcpy(r->item + r->nitem, w->item, w->nitem * sizeof *w->item);
            for (uint64_t i = w->lo; i < w->hi; i++) {
                r->nitem += w->len[i - w->lo];
                r->off[++r->nset] = r->nitem;
            }
        }
        from += todo;
    }
    return LEV_OK;
}

/* Bring collection col to `sets` sets in all: this process draws its share of the new ones. */
static lev_status rr_extend(im *s, int col, uint64_t sets) {
    rrc *r = &s->r[col];
    uint64_t lo, hi;
    lev__rr_share(s->h, r->drawn, sets, &lo, &hi);
    if (rr_reserve(s, r, r->nset + (size_t)(hi - lo))) return LEV_ENOMEM;
    if (r->nset == 0) r->off[0] = 0;
    if (s->nw > 1) {
        if (rr_extend_par(s, col, lo, hi)) return LEV_ENOMEM;
    } else {
        for (uint64_t id = lo; id < hi; id++)
            if (rr_draw(s, col, id)) return LEV_ENOMEM;
    }
    r->drawn = sets;
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
    size_t *ioff;    /* n + 1: the inverse index's offsets (of this process's sets) */
    uint32_t *inv;   /* nitem of collection 0 */
    uint32_t *cnt;   /* n: sets of collection 0 each actor covers and that nothing chosen covers */
    uint32_t *lcnt;  /* n: the same over this process's sets (cnt itself with one process) */
    uint32_t *tmp;   /* n: for the top-k sums */
    uint8_t *cov;    /* nset of collection 0 */
    uint8_t *chosen; /* n */
    uint32_t *heap, *hkey; /* n each: the lazy greedy's heap of actors and their counts when pushed */
    size_t cinv, ccov;
} gsc;

/* cnt = the sum of every process's lcnt. */
static void sync_counts(const im *s, gsc *w) {
    if (w->lcnt == w->cnt) return;
    memcpy(w->cnt, w->lcnt, s->n * sizeof *w->cnt);
    s->h->sum(s->h->ud, w->cnt, s->n, LEV__RR_U32);
}

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

/* Choose u: it covers its cnt[u] sets not yet covered (over every process). */
static void pick(const im *s, gsc *w, uint32_t u, double *covd) {
    const rrc *r = &s->r[0];
    *covd += w->cnt[u];
    w->chosen[u] = 1;
    for (size_t i = w->ioff[u]; i < w->ioff[u + 1]; i++) {
        uint32_t set = w->inv[i];
        if (w->cov[set]) continue;
        w->cov[set] = 1;
        for (size_t j = r->off[set]; j < r->off[set + 1]; j++) w->lcnt[r->item[j]]--;
    }
    sync_counts(s, w);
}

/* Greedy on collection 0: writes the seeds in order into sel, returns their number; *covd the
 * sets they cover, *ub the upper bound on the best allowed set's coverage. */
static size_t greedy(const im *s, const choice *ch, gsc *w, uint32_t *sel, double *covd, double *ub) {
    const rrc *r = &s->r[0];
    uint32_t n = s->n;
    memset(w->ioff, 0, (n + 1) * sizeof *w->ioff);
    for (size_t i = 0; i < r->nitem; i++) w->ioff[r->item[i] + 1]++;
    for (uint32_t v = 0; v < n; v++) w->ioff[v + 1] += w->ioff[v];
    memset(w->lcnt, 0, n * sizeof *w->lcnt);
    for (size_t set = 0; set < r->nset; set++)
        for (size_t j = r->off[set]; j < r->off[set + 1]; j++) {
            uint32_t x = r->item[j];
            w->inv[w->ioff[x] + w->lcnt[x]++] = (uint32_t)set;
        }
    sync_counts(s, w);
    memset(w->cov, 0, r->nset ? r->nset : 1);
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
        memset(w->cov, 0, r->nset ? r->nset : 1);
        memset(w->chosen, 0, n);
        for (uint32_t v = 0; v < n; v++) w->lcnt[v] = (uint32_t)(w->ioff[v + 1] - w->ioff[v]);
        sync_counts(s, w);
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
    *ub = ubv;
    return ns;
}

static void rr_free(const im *s, rrc *r) {
    if (r->item) m_free(&s->mem, r->item, r->citem, sizeof *r->item);
    if (r->off) m_free(&s->mem, r->off, r->coff, sizeof *r->off);
    memset(r, 0, sizeof *r);
}

static lev_status agree(const lev__rrhooks *h, lev_status rc) { return h && h->agree ? h->agree(h->ud, rc) : rc; }

lev_status lev__im_run(const lev__imargs *a, const lev__rrhooks *h, lev__imout *out, uint64_t *nsets) {
    static const lev__rrhooks one = {.rank = 0, .size = 1};
    if (!h) h = &one;
    const lev__rrg *g = &a->m->g;
    uint32_t n = g->n;
    size_t k = a->k, nk = k < n ? k : n;
    int dist = h->sum != NULL;
    lev_status rc = LEV_OK;
    choice ch = {.rule = a->rule, .cost = a->budget > 0 ? a->cost : NULL, .budget = a->budget, .k = k,
                 .nreq = a->nreq, .creq = a->creq};
    im s = {.mem = {a->f, a->ud}, .h = h, .m = a->m, .g = g, .n = n, .seed = a->seed, .roots = a->roots,
            .nroots = a->roots ? a->nroots : 0, .nw = a->threads < 1 ? 1 : a->threads};
    const rmem *mem = &s.mem;
    gsc w = {0};
    uint32_t *sel = NULL, *rank = NULL;
    double *g2 = NULL;
    size_t nsel = 0;
    int lt_cum = a->m->model == LEV_MODEL_LT && a->m->weighted && g->m;
    s.stamp = m_alloc(mem, n, sizeof *s.stamp);
    if (s.nw > 1) {
        s.w = m_alloc(mem, (size_t)s.nw, sizeof *s.w);
        if (!s.w) s.nw = 0;
        else {
            memset(s.w, 0, (size_t)s.nw * sizeof *s.w);
            for (int t = 0; t < s.nw && !rc; t++) {
                s.w[t].stamp = m_alloc(mem, n, sizeof *s.w[t].stamp);
                if (!s.w[t].stamp) rc = LEV_ENOMEM;
                else memset(s.w[t].stamp, 0, n * sizeof *s.w[t].stamp);
            }
        }
    }
    w.ioff = m_alloc(mem, (size_t)n + 1, sizeof *w.ioff);
    w.cnt = m_alloc(mem, n, sizeof *w.cnt);
    w.lcnt = dist ? m_alloc(mem, n, sizeof *w.lcnt) : w.cnt;
    w.tmp = m_alloc(mem, n, sizeof *w.tmp);
    w.chosen = m_alloc(mem, n, 1);
    w.heap = m_alloc(mem, n, sizeof *w.heap);
    w.hkey = m_alloc(mem, n, sizeof *w.hkey);
    sel = m_alloc(mem, nk, sizeof *sel);
    rank = m_alloc(mem, n, sizeof *rank);
    g2 = m_alloc(mem, nk + 1, sizeof *g2);
    if (lt_cum) s.cum = m_alloc(mem, g->m, sizeof *s.cum);
    if (rc || !s.nw || !s.stamp || !w.ioff || !w.cnt || !w.lcnt || !w.tmp || !w.chosen || !w.heap || !w.hkey || !sel ||
        !rank || !g2 || (lt_cum && !s.cum))
        rc = LEV_ENOMEM;
    if ((rc = agree(h, rc))) goto done;
    memset(s.stamp, 0, n * sizeof *s.stamp);
    if (lt_cum)
        for (uint32_t v = 0; v < n; v++) {
            double acc = 0;
            for (size_t e = g->in_off[v]; e < g->in_off[v + 1]; e++) s.cum[e] = acc += (double)lev__wt(g->iw, e);
        }
    double nroot = a->roots ? (double)a->nroots : (double)n;
    /* OPIM-C's schedule. */
    size_t nallow = 0;
    for (uint32_t v = 0; v < n; v++) nallow += allowed(&ch, v);
    size_t ngallow = a->roots ? a->ngallow : nallow;
    size_t kfree = k - ch.nreq, kk = kfree < nallow ? kfree : nallow;
    double eps = a->eps, e1 = 1 - exp(-1.0);
    double delta = 1.0 / (double)n, l6 = log(6 / delta);
    double kr = kk ? (double)kk : 1;
    /* ln C(nallow, kk) as a sum: lgamma writes the global signgam, a data race between calls. */
    double lnc = 0;
    for (size_t i = 1; i <= kk && kk <= nallow; i++) lnc += log(((double)(nallow - kk) + (double)i) / (double)i);
    if (!(lnc > 0)) lnc = 0;
    double lb = ch.budget > 0 ? 1 : (a->roots ? (double)(ngallow < kk ? ngallow : kk) : kr);
    if (lb < 1) lb = 1;
    double tt = e1 * sqrt(l6) + sqrt(e1 * (lnc + l6));
    double theta_max = 2 * nroot * tt * tt / (eps * eps * lb), theta0 = theta_max * eps * eps * lb / nroot;
    int imax = (int)ceil(log2(theta_max / theta0));
    if (imax < 1) imax = 1;
    double la = log(3 * imax / delta);
    double target = ch.budget > 0 ? 0.5 * e1 - eps : e1 - eps;
    int trivial = kk == 0 || (ch.budget <= 0 && nallow <= kfree);
    size_t theta = (size_t)ceil(theta0);
    if (theta < 1) theta = 1;
    double alpha = 1, cov1 = 0, ub = 0;
    for (int i = 1;; i++) {
        rc = rr_extend(&s, 0, theta) || rr_extend(&s, 1, theta) ? LEV_ENOMEM : LEV_OK;
        if (!rc && (m_grow(mem, (void **)&w.inv, &w.cinv, s.r[0].nitem ? s.r[0].nitem : 1, sizeof *w.inv) ||
                    m_grow(mem, (void **)&w.cov, &w.ccov, s.r[0].nset ? s.r[0].nset : 1, 1)))
            rc = LEV_ENOMEM;
        if ((rc = agree(h, rc))) goto done;
        nsel = greedy(&s, &ch, &w, sel, &cov1, &ub);
        /* Coverage of the seeds in collection 1, credited to the first seed (in selection order)
         * each set contains. */
        for (uint32_t v = 0; v < n; v++) rank[v] = LEV_NONE;
        for (size_t j = 0; j <= nsel; j++) g2[j] = 0; /* g2[nsel]: the sets covered */
        for (size_t j = 0; j < nsel; j++) rank[sel[j]] = (uint32_t)j;
        const rrc *r2 = &s.r[1];
        for (size_t set = 0; set < r2->nset; set++) {
            uint32_t best = LEV_NONE;
            for (size_t j = r2->off[set]; j < r2->off[set + 1]; j++)
                if (rank[r2->item[j]] < best) best = rank[r2->item[j]];
            if (best != LEV_NONE) {
                g2[best] += 1;
                g2[nsel] += 1;
            }
        }
        if (dist) h->sum(h->ud, g2, nsel + 1, LEV__RR_F64);
        double cov2 = g2[nsel];
        double th = (double)theta;
        double sl = (sqrt(cov2 + 2 * la / 9) - sqrt(la / 2));
        sl = (sl > 0 ? sl * sl : 0) - la / 18;
        if (sl < 0) sl = 0;
        double su = sqrt(ub + la / 2) + sqrt(la / 2);
        su = su * su;
        alpha = trivial ? 1 : (su > 0 ? (sl / th) / (su / th) : 1);
        if (alpha > 1) alpha = 1;
        if (h->progress && (rc = h->progress(h->ud, alpha >= target || i >= imax ? 1.0 : (double)i / imax)))
            goto done;
        if (trivial || alpha >= target || i >= imax) {
            double scale = nroot / th;
            uint64_t tot[2] = {s.r[0].nitem, s.r[1].nitem};
            if (dist) h->sum(h->ud, tot, 2, LEV__RR_U64);
            out->len = nsel;
            memcpy(out->seeds, sel, nsel * sizeof *sel);
            if (out->gains)
                for (size_t j = 0; j < nsel; j++) out->gains[j] = g2[j] * scale;
            out->spread = cov2 * scale;
            out->ratio = alpha;
            out->rr_sets = 2 * (uint64_t)theta;
            /* The bytes the sets and the greedy's index take on one process (summed over the
             * processes: the same count, less each process's own offsets and index rows). */
            out->rr_bytes = (tot[0] + tot[1]) * sizeof(uint32_t) + (2 * (uint64_t)theta + 2) * sizeof(size_t) +
                            tot[0] * sizeof(uint32_t) + ((uint64_t)n + 1) * sizeof(size_t) + (uint64_t)theta;
            break;
        }
        theta *= 2;
    }
done:
    if (rc == LEV_ENOMEM && nsets) *nsets = s.r[0].drawn + s.r[1].drawn;
    rr_free(&s, &s.r[0]);
    rr_free(&s, &s.r[1]);
    if (s.w) {
        for (int t = 0; t < s.nw; t++) {
            rrw *tw = &s.w[t];
            if (tw->stamp) m_free(mem, tw->stamp, n, sizeof *tw->stamp);
            if (tw->item) m_free(mem, tw->item, tw->citem, sizeof *tw->item);
            if (tw->len) m_free(mem, tw->len, tw->clen, sizeof *tw->len);
        }
        m_free(mem, s.w, (size_t)s.nw, sizeof *s.w);
    }
    if (w.inv) m_free(mem, w.inv, w.cinv, sizeof *w.inv);
    if (w.cov) m_free(mem, w.cov, w.ccov, 1);
    if (s.stamp) m_free(mem, s.stamp, n, sizeof *s.stamp);
    if (w.ioff) m_free(mem, w.ioff, (size_t)n + 1, sizeof *w.ioff);
    if (dist && w.lcnt) m_free(mem, w.lcnt, n, sizeof *w.lcnt);
    if (w.cnt) m_free(mem, w.cnt, n, sizeof *w.cnt);
    if (w.tmp) m_free(mem, w.tmp, n, sizeof *w.tmp);
    if (w.chosen) m_free(mem, w.chosen, n, 1);
    if (w.heap) m_free(mem, w.heap, n, sizeof *w.heap);
    if (w.hkey) m_free(mem, w.hkey, n, sizeof *w.hkey);
    if (sel) m_free(mem, sel, nk, sizeof *sel);
    if (rank) m_free(mem, rank, n, sizeof *rank);
    if (g2) m_free(mem, g2, nk + 1, sizeof *g2);
    if (s.cum) m_free(mem, s.cum, g->m, sizeof *s.cum);
    return rc;
}

void lev__spread_summary(const uint64_t *bsum, const double *bsq, size_t nblocks, uint64_t runs, size_t nseeds,
                         double *mean, double *se, double *ci95) {
    uint64_t tot = 0;
    double sq = 0;
    if (nseeds)
        for (size_t b = 0; b < nblocks; b++) {
            tot += bsum[b];
            sq += bsq[b];
        }
    double R = (double)runs, mu = nseeds ? (double)tot / R : 0, var = 0;
    if (nseeds && runs > 1) {
        var = (sq - R * mu * mu) / (R - 1);
        if (var < 0) var = 0;
    }
    double sdev = sqrt(var / R);
    *mean = mu;
    if (se) *se = sdev;
    if (ci95) {
        ci95[0] = mu - 1.96 * sdev;
        ci95[1] = mu + 1.96 * sdev;
    }
}

