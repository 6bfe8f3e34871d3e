/*
 * Coalitions over a resource: the weighted voting game of the actors' holdings of one resource
 * and a quota. Banzhaf and Shapley–Shubik indices exactly by dynamic programming over whole
 * weights (each actor left out once, by divide and conquer), or by Monte Carlo with standard
 * errors; the graph-restricted game (Myerson) by enumeration or sampling; the minimal winning
 * coalitions by an output-sensitive search, counted by dynamic programming; Deegan–Packel and
 * Holler–Packel from them; the cheapest alliance by sorting, a knapsack, or (connected)
 * enumeration or a greedy search.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the game --------------------------------------------------------------------------- */

typedef struct game {
    uint32_t n;
    double *w;      /* n weights: holdings, times 10^d when that makes them all whole */
    double Q;       /* a coalition wins iff the sum of its weights is >= Q */
    double total;   /* sum of w */
    int whole;      /* w and Q whole numbers (sums exact), the DP applies */
    int connected;  /* LEV_P_CONNECTED */
    lev__view vw;   /* (connected) the undirected folded view */
    int has_view;
    const uint32_t *hold; /* (sampling the plain game) the nh actors of positive weight, by index */
    uint32_t nh;
} game;

static int is_whole(double x) { return x == floor(x) && fabs(x) <= 9007199254740992.0; }

static void game_free(const lev__ctx *c, game *g) {
    if (g->w) lev__ctx_free(c, g->w, g->n, sizeof(double));
    if (g->has_view) lev__view_free(c, &g->vw);
    g->w = NULL;
    g->has_view = 0;
}

/* Read holdings and quota. On failure records the message (resource, or out of memory). */
static lev_status game_make(const lev__ctx *c, uint32_t resource, const char *what, game *g) {
    const lev_network *net = c->net;
    memset(g, 0, sizeof *g);
    g->n = c->g->n;
    if (resource >= net->resources.count)
        return lev__ctx_fail(c, LEV_EINVAL, "%s: no resource %u (the network has %u)", what, (unsigned)resource,
                             (unsigned)net->resources.count);
    g->connected = lev__param(c->p, LEV_P_CONNECTED) != 0;
    uint32_t n = g->n;
    if (n) {
        g->w = lev__ctx_alloc(c, n, sizeof(double));
        if (!g->w) return lev__ctx_fail(c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)n);
    }
    const lev__amounts *am = &net->amounts[resource];
    for (uint32_t i = 0; i < n; i++) g->w[i] = i < am->len ? am->v[2 * i] : 0;
    double quota = lev__param(c->p, LEV_P_QUOTA), frac = lev__param(c->p, LEV_P_QUOTA_FRACTION);
    /* Decimal scaling: the smallest d <= 6 making every holding whole (to 1e-9 relative). */
    int d, found = 0;
    double scale = 1;
    for (d = 0; d <= 6 && !found; d++, scale *= 10) {
        int ok = 1;
        for (uint32_t i = 0; i < n && ok; i++) {
            double x = g->w[i] * scale, r = nearbyint(x);
            if (!(fabs(x - r) <= 1e-9 * (fabs(x) > 1 ? fabs(x) : 1)) || !is_whole(r)) ok = 0;
        }
        if (ok) found = 1;
    }
    if (found) scale /= 10; /* the loop stepped once past it */
    else scale = 1;
    double total = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (found) g->w[i] = nearbyint(g->w[i] * scale);
        total += g->w[i];
    }
    g->total = total;
    g->whole = found && is_whole(total);
    if (quota > 0) {
        double x = quota * scale, r = nearbyint(x);
        if (g->whole) g->Q = fabs(x - r) <= 1e-9 * (fabs(x) > 1 ? fabs(x) : 1) ? r : ceil(x);
        else g->Q = x;
        if (!(g->Q <= 9007199254740992.0)) g->whole = 0;
    } else {
        double x = frac * total; /* wins iff sum > f * total */
        g->Q = g->whole ? floor(x) + 1 : nextafter(x, INFINITY);
    }
    if (g->Q <= 0) g->Q = 0;
    if (g->connected && n) {
        if (lev__view_build(c, LEV__VIEW_BOTH, LEV__FOLD_COUNT, 0, &g->vw)) {
            game_free(c, g);
            return lev__ctx_fail(c, LEV_ENOMEM, "%s: out of memory for the undirected view", what);
        }
        g->has_view = 1;
    }
    return LEV_OK;
}

/* ---- seeded streams ------------------------------------------------------------------------ */

static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
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
/* The stream of sample k depends on (seed, k) alone. */
static inline uint64_t rng_stream(uint64_t seed, uint64_t k, uint64_t salt) {
    return mix64(seed ^ 0x632be59bd9b4e019ULL) ^ mix64(k * 2 + salt + 1);
}

/* ---- exact: dynamic programming, each player left out once (divide and conquer) ------------ */

typedef struct dp {
    const game *g;
    uint32_t n, Q, depth;
    int shap, banz;
    double *S;  /* depth levels of n * Q: a[k][w], P(random k-subset of the players added has weight w) */
    double *B;  /* depth levels of Q: P(random subset has weight w) */
    uint32_t *m; /* players added at each level */
    double *sh, *bz;
    const lev__ctx *c;
    const char *what;
    uint32_t done;
} dp;

static void dp_add(dp *x, uint32_t lvl, uint32_t j) {
    uint32_t Q = x->Q, n = x->n;
    double wj = x->g->w[j];
    uint32_t m = x->m[lvl];
    if (x->banz) {
        double *b = x->B + (size_t)lvl * Q;
        if (wj < Q) {
            uint32_t wi = (uint32_t)wj;
            for (uint32_t w = Q; w-- > wi;) b[w] = 0.5 * (b[w] + b[w - wi]);
            for (uint32_t w = 0; w < wi; w++) b[w] *= 0.5;
        } else
            for (uint32_t w = 0; w < Q; w++) b[w] *= 0.5;
    }
    if (x->shap) {
        double *a = x->S + (size_t)lvl * n * Q;
        double m1 = (double)m + 1;
        memset(a + (size_t)(m + 1) * Q, 0, Q * sizeof(double)); /* row m + 1 was not live */
        for (uint32_t k = m + 2; k-- > 0;) {
            double *ak = a + (size_t)k * Q;
            double keep = ((double)m + 1 - k) / m1, take = (double)k / m1;
            if (k == 0) {
                for (uint32_t w = 0; w < Q; w++) ak[w] *= keep;
                continue;
            }
            double *ak1 = ak - Q;
            if (wj < Q) {
                uint32_t wi = (uint32_t)wj;
                for (uint32_t w = Q; w-- > wi;) ak[w] = keep * ak[w] + take * ak1[w - wi];
                for (uint32_t w = 0; w < wi; w++) ak[w] *= keep;
            } else
                for (uint32_t w = 0; w < Q; w++) ak[w] *= keep;
        }
    }
    x->m[lvl] = m + 1;
}

static void dp_copy(dp *x, uint32_t from, uint32_t to) {
    uint32_t Q = x->Q, n = x->n;
    x->m[to] = x->m[from];
    if (x->banz) memcpy(x->B + (size_t)to * Q, x->B + (size_t)from * Q, Q * sizeof(double));
    if (x->shap) /* only rows k <= m are live */
        memcpy(x->S + (size_t)to * n * Q, x->S + (size_t)from * n * Q, (size_t)(x->m[from] + 1) * Q * sizeof(double));
}

static lev_status dp_solve(dp *x, uint32_t lvl, uint32_t lo, uint32_t hi) {
    if (hi - lo == 1) {
        uint32_t i = lo, Q = x->Q;
        double wi = x->g->w[i];
        uint32_t from = wi >= Q ? 0 : Q - (uint32_t)wi;
        if (x->banz) {
            const double *b = x->B + (size_t)lvl * Q;
            double s = 0;
            for (uint32_t w = from; w < Q; w++) s += b[w];
            x->bz[i] = s;
        }
        if (x->shap) {
            const double *a = x->S + (size_t)lvl * x->n * Q;
            double s = 0;
            for (uint32_t k = 0; k <= x->m[lvl]; k++)
                for (uint32_t w = from; w < Q; w++) s += a[(size_t)k * Q + w];
            x->sh[i] = s / x->n;
        }
        x->done++;
        if ((x->done & 63) == 0) return lev__ctx_progress(x->c, (double)x->done / x->n, x->what);
        return LEV_OK;
    }
    uint32_t mid = lo + (hi - lo) / 2;
    lev_status rc;
    dp_copy(x, lvl, lvl + 1);
    for (uint32_t j = mid; j < hi; j++) dp_add(x, lvl + 1, j);
    if ((rc = dp_solve(x, lvl + 1, lo, mid))) return rc;
    dp_copy(x, lvl, lvl + 1);
    for (uint32_t j = lo; j < mid; j++) dp_add(x, lvl + 1, j);
    return dp_solve(x, lvl + 1, mid, hi);
}

static uint32_t dp_depth(uint32_t n) {
    uint32_t d = 1;
    while ((1u << (d - 1)) < n) d++;
    return d + 1;
}

/* Bytes the DP would take (SIZE_MAX when it does not apply). */
static double dp_bytes(const game *g, int shap, int banz) {
    if (!g->whole || g->connected || g->Q < 1 || g->Q > 4294967295.0) return INFINITY;
    double depth = dp_depth(g->n), Q = g->Q;
    return depth * 8.0 * ((shap ? (double)g->n * Q : 0) + (banz ? Q : 0)) + depth * 4.0;
}

/* ---- exact: enumeration of all coalitions (graph-restricted game) --------------------------- */

/* win[S] for every S (n <= 26): S wins iff one of its connected components reaches Q. With
 * conn != NULL, conn[S] = S is connected (nonempty). */
static lev_status enum_win(const lev__ctx *c, const char *what, const game *g, const uint32_t *adjm, uint8_t *win,
                           uint8_t *conn) {
    uint32_t n = g->n;
    uint32_t full = n == 32 ? UINT32_MAX : (1u << n) - 1;
    win[0] = g->Q <= 0;
    if (conn) conn[0] = 0;
    for (uint32_t S = 1; S <= full && S != 0; S++) {
        uint32_t comp = S & (~S + 1), grow = comp;
        while (grow) {
            uint32_t nb = 0, t = grow;
            while (t) {
                int b = __builtin_ctz(t);
                t &= t - 1;
                nb |= adjm[b];
            }
            grow = nb & S & ~comp;
            comp |= grow;
        }
        double s = 0;
        for (uint32_t t = comp; t; t &= t - 1) s += g->w[__builtin_ctz(t)];
        win[S] = s >= g->Q ? 1 : win[S & ~comp];
        if (conn) conn[S] = comp == S;
        if ((S & 0xfffff) == 0) { /* every 2^20 coalitions: about the half of the work done */
            lev_status rc = lev__ctx_progress(c, 0.5 * (double)S / (double)full, what);
            if (rc) return rc;
        }
        if (S == full) break;
    }
    return LEV_OK;
}

static lev_status adj_masks(const game *g, uint32_t *adjm) {
    for (uint32_t v = 0; v < g->n; v++) {
        adjm[v] = 0;
        if (!g->connected) {
            adjm[v] = (g->n == 32 ? UINT32_MAX : (1u << g->n) - 1) & ~(1u << v);
            continue;
        }
        for (size_t e = g->vw.off[v]; e < g->vw.off[v + 1]; e++) adjm[v] |= 1u << g->vw.adj[e];
    }
    return LEV_OK;
}

/* ---- sampling ------------------------------------------------------------------------------ */

typedef struct scratch {
    uint32_t *perm, *parent, *stamp, *order;
    double *cw;
    uint8_t *in;
} scratch;

static uint32_t uf_find(uint32_t *parent, uint32_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* One permutation: the pivot (the player whose arrival makes the coalition win), or n. */
static uint32_t sample_pivot(const game *g, scratch *s, uint64_t st) {
    uint32_t n = g->n, piv = n;
    if (g->hold) { /* plain game: an actor of weight 0 never pivots; the others' order is uniform */
        uint32_t m = g->nh;
        double sum = 0;
        for (uint32_t i = 0; i < m; i++) s->perm[i] = g->hold[i];
        for (uint32_t t = 0; t < m; t++) {
            uint32_t r = t + (uint32_t)rng_below(&st, m - t);
            uint32_t v = s->perm[r];
            s->perm[r] = s->perm[t];
            s->perm[t] = v;
            sum += g->w[v];
            if (sum >= g->Q) return v;
        }
        return n;
    }
    for (uint32_t i = 0; i < n; i++) s->perm[i] = i;
    double sum = 0;
    uint32_t added = 0;
    for (uint32_t t = 0; t < n; t++) {
        uint32_t r = t + (uint32_t)rng_below(&st, n - t);
        uint32_t v = s->perm[r];
        s->perm[r] = s->perm[t];
        s->perm[t] = v;
        if (!g->connected) {
            sum += g->w[v];
            if (sum >= g->Q) {
                piv = v;
                break;
            }
            continue;
        }
        s->in[v] = 1;
        s->parent[v] = v;
        s->cw[v] = g->w[v];
        s->order[added++] = v;
        uint32_t rv = v;
        for (size_t e = g->vw.off[v]; e < g->vw.off[v + 1]; e++) {
            uint32_t u = g->vw.adj[e];
            if (!s->in[u]) continue;
            uint32_t ru = uf_find(s->parent, u);
            if (ru == rv) continue;
            s->parent[ru] = rv;
            s->cw[rv] += s->cw[ru];
        }
        if (s->cw[rv] >= g->Q) {
            piv = v;
            break;
        }
    }
    for (uint32_t k = 0; k < added; k++) s->in[s->order[k]] = 0;
    return piv;
}

/* One random coalition S: swing[i] += 1 where i is decisive for S \ {i}; tried[i] += 1 where
 * the sample counts for i (every actor, or in the restricted game those outside S). */
static void sample_swings(const game *g, scratch *s, uint64_t st, uint64_t *swing, uint64_t *tried) {
    uint32_t n = g->n;
    uint64_t bits = 0;
    double sum = 0;
    if (g->hold) { /* plain game: an actor of weight 0 is never decisive (its tried count: below) */
        uint32_t m = g->nh;
        for (uint32_t k = 0; k < m; k++) {
            if ((k & 63) == 0) bits = rng_next(&st);
            uint32_t i = g->hold[k];
            s->in[i] = (uint8_t)(bits & 1);
            bits >>= 1;
            if (s->in[i]) sum += g->w[i];
        }
        for (uint32_t k = 0; k < m; k++) {
            uint32_t i = g->hold[k];
            tried[i]++;
            if (s->in[i] ? (sum - g->w[i] < g->Q && sum >= g->Q) : (sum < g->Q && sum + g->w[i] >= g->Q)) swing[i]++;
            s->in[i] = 0;
        }
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        if ((i & 63) == 0) bits = rng_next(&st);
        s->in[i] = (uint8_t)(bits & 1);
        bits >>= 1;
    }
    if (!g->connected) {
        for (uint32_t i = 0; i < n; i++)
            if (s->in[i]) sum += g->w[i];
        for (uint32_t i = 0; i < n; i++) {
            tried[i]++;
            if (s->in[i] ? (sum - g->w[i] < g->Q && sum >= g->Q) : (sum < g->Q && sum + g->w[i] >= g->Q)) swing[i]++;
        }
        for (uint32_t i = 0; i < n; i++) s->in[i] = 0;
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        s->parent[i] = i;
        s->stamp[i] = 0;
        s->cw[i] = s->in[i] ? g->w[i] : 0;
    }
    int wins = 0;
    for (uint32_t v = 0; v < n; v++) {
        if (!s->in[v]) continue;
        for (size_t e = g->vw.off[v]; e < g->vw.off[v + 1]; e++) {
            uint32_t u = g->vw.adj[e];
            if (u > v || !s->in[u]) continue;
            uint32_t ru = uf_find(s->parent, u), rv = uf_find(s->parent, v);
            if (ru == rv) continue;
            s->parent[ru] = rv;
            s->cw[rv] += s->cw[ru];
        }
    }
    for (uint32_t v = 0; v < n && !wins; v++)
        if (s->in[v] && s->parent[v] == v && s->cw[v] >= g->Q) wins = 1;
    for (uint32_t i = 0; i < n; i++) {
        if (s->in[i]) continue;
        tried[i]++;
        if (wins) continue;
        double tot = g->w[i];
        uint32_t mark = i + 1;
        for (size_t e = g->vw.off[i]; e < g->vw.off[i + 1]; e++) {
            uint32_t u = g->vw.adj[e];
            if (!s->in[u]) continue;
            uint32_t ru = uf_find(s->parent, u);
            if (s->stamp[ru] == mark) continue;
            s->stamp[ru] = mark;
            tot += s->cw[ru];
        }
        if (tot >= g->Q) swing[i]++;
    }
    for (uint32_t i = 0; i < n; i++) s->in[i] = 0;
}

/* ---- lev_voting_power ------------------------------------------------------------------------ */

static void normalize_banzhaf(uint32_t n, const double *raw, double *out) {
    double s = 0;
    for (uint32_t i = 0; i < n; i++) s += raw[i];
    for (uint32_t i = 0; i < n; i++) out[i] = s > 0 ? raw[i] / s : 0;
}

lev_status lev_voting_power(const lev_network *net, uint32_t resource, lev_params *p, double *banzhaf_raw,
                            double *banzhaf, double *shapley, double *banzhaf_err, double *shapley_err, int *method) {
    static const char what[] = "voting_power";
    lev__ctx c;
    const void *any = banzhaf_raw ? (const void *)banzhaf_raw : banzhaf ? (const void *)banzhaf : (const void *)shapley;
    lev_status rc = lev__ctx_begin(&c, net, p, what, any);
    if (rc) return rc;
    game g;
    if ((rc = game_make(&c, resource, what, &g))) return rc;
    uint32_t n = g.n;
    int want_b = banzhaf_raw || banzhaf || banzhaf_err, want_s = shapley || shapley_err;
    double *bz = NULL, *sh = NULL, *be = NULL, *se = NULL;
    uint32_t *hold = NULL;
    size_t nn = n ? n : 1;
    int meth = LEV_COALITION_EXACT;
    bz = lev__ctx_alloc(&c, nn, sizeof(double));
    sh = lev__ctx_alloc(&c, nn, sizeof(double));
    be = lev__ctx_alloc(&c, nn, sizeof(double));
    se = lev__ctx_alloc(&c, nn, sizeof(double));
    if (!bz || !sh || !be || !se) goto oom;
    for (uint32_t i = 0; i < n; i++) bz[i] = sh[i] = be[i] = se[i] = 0;
    double limit = lev__param(p, LEV_P_MEMORY_LIMIT);
    if (n == 0 || g.Q > g.total || g.Q <= 0) {
        /* nobody can win (or the empty coalition wins): nobody is ever decisive */
    } else if (!g.connected && dp_bytes(&g, want_s, want_b) <= limit) {
        dp x = {0};
        x.g = &g;
        x.n = n;
        x.Q = (uint32_t)g.Q;
        x.depth = dp_depth(n);
        x.shap = want_s;
        x.banz = want_b;
        x.c = &c;
        x.what = what;
        x.bz = bz;
        x.sh = sh;
        x.m = lev__ctx_alloc(&c, x.depth, sizeof(uint32_t));
        if (x.shap) x.S = lev__ctx_alloc(&c, (size_t)x.depth * n, (size_t)x.Q * sizeof(double));
        if (x.banz) x.B = lev__ctx_alloc(&c, x.depth, (size_t)x.Q * sizeof(double));
        if (!x.m || (x.shap && !x.S) || (x.banz && !x.B)) {
            if (x.m) lev__ctx_free(&c, x.m, x.depth, sizeof(uint32_t));
            if (x.S) lev__ctx_free(&c, x.S, (size_t)x.depth * n, (size_t)x.Q * sizeof(double));
            if (x.B) lev__ctx_free(&c, x.B, x.depth, (size_t)x.Q * sizeof(double));
            goto oom;
        }
        x.m[0] = 0;
        if (x.banz) {
            memset(x.B, 0, (size_t)x.Q * sizeof(double));
            x.B[0] = 1;
        }
        if (x.shap) {
            memset(x.S, 0, (size_t)x.Q * sizeof(double));
            x.S[0] = 1;
        }
        rc = dp_solve(&x, 0, 0, n);
        lev__ctx_free(&c, x.m, x.depth, sizeof(uint32_t));
        if (x.S) lev__ctx_free(&c, x.S, (size_t)x.depth * n, (size_t)x.Q * sizeof(double));
        if (x.B) lev__ctx_free(&c, x.B, x.depth, (size_t)x.Q * sizeof(double));
        if (rc) goto done;
    } else if (g.connected && n <= (uint32_t)lev__param(p, LEV_P_ENUM_LIMIT)) {
        size_t cnt = (size_t)1 << n;
        uint8_t *win = lev__ctx_alloc(&c, cnt, 1);
        uint32_t *adjm = lev__ctx_alloc(&c, n, sizeof(uint32_t));
        double *fw = lev__ctx_alloc(&c, n + 1, sizeof(double));
        if (!win || !adjm || !fw) {
            if (win) lev__ctx_free(&c, win, cnt, 1);
            if (adjm) lev__ctx_free(&c, adjm, n, sizeof(uint32_t));
            if (fw) lev__ctx_free(&c, fw, n + 1, sizeof(double));
            goto oom;
        }
        adj_masks(&g, adjm);
        rc = enum_win(&c, what, &g, adjm, win, NULL);
        /* fw[k] = k!(n-1-k)!/n! = 1 / (n C(n-1, k)) */
        for (uint32_t k = 0; k < n; k++) {
            double b = 1;
            for (uint32_t j = 1; j <= k; j++) b = b * (double)(n - 1 - k + j) / j;
            fw[k] = 1 / ((double)n * b);
        }
        for (size_t S = 0; S < cnt && !rc; S++) {
            if ((S & 0xfffff) == 0xfffff) rc = lev__ctx_progress(&c, 0.5 + 0.5 * (double)S / (double)cnt, what);
            if (win[S]) continue;
            int k = __builtin_popcount((unsigned)S);
            for (uint32_t i = 0; i < n; i++)
                if (!(S >> i & 1) && win[S | (size_t)1 << i]) {
                    bz[i] += 1;
                    sh[i] += fw[k];
                }
        }
        for (uint32_t i = 0; i < n; i++) bz[i] = ldexp(bz[i], -(int)(n - 1));
        lev__ctx_free(&c, win, cnt, 1);
        lev__ctx_free(&c, adjm, n, sizeof(uint32_t));
        lev__ctx_free(&c, fw, n + 1, sizeof(double));
        if (rc) goto done;
    } else {
        meth = LEV_COALITION_SAMPLED;
        /* The plain game samples its players of positive weight only (a random order of all
         * actors, restricted to them, is a random order of them): 5 000 holders among 121 608
         * actors take 1/24 of the work. In the restricted game the others still connect. */
        if (!g.connected && g.Q > 0) {
            if (!(hold = lev__ctx_alloc(&c, nn, sizeof(uint32_t)))) goto oom;
            for (uint32_t i = 0; i < n; i++)
                if (g.w[i] > 0) hold[g.nh++] = i;
            g.hold = hold;
        }
        uint64_t samples = (uint64_t)lev__param(p, LEV_P_COALITION_SAMPLES);
        uint64_t seed = (uint64_t)lev__param(p, LEV_P_SEED);
        int threads = lev__cap_threads(&c, (size_t)samples * n, 1u << 16);
        size_t T = (size_t)threads;
        uint64_t *cnt = lev__ctx_alloc(&c, T * 3, (size_t)n * sizeof(uint64_t)); /* pivots, swings, tried */
        scratch *s = lev__ctx_alloc(&c, T, sizeof(scratch));
        if (!cnt || !s) {
            if (cnt) lev__ctx_free(&c, cnt, T * 3, (size_t)n * sizeof(uint64_t));
            if (s) lev__ctx_free(&c, s, T, sizeof(scratch));
            goto oom;
        }
        memset(cnt, 0, T * 3 * n * sizeof(uint64_t));
        int bad = 0;
        size_t t;
        for (t = 0; t < T; t++) {
            s[t].perm = lev__ctx_alloc(&c, n, 4 * sizeof(uint32_t));
            s[t].cw = lev__ctx_alloc(&c, n, sizeof(double));
            s[t].in = lev__ctx_alloc(&c, n, 1);
            if (!s[t].perm || !s[t].cw || !s[t].in) {
                bad = 1;
                break;
            }
            s[t].parent = s[t].perm + n;
            s[t].stamp = s[t].perm + 2 * (size_t)n;
            s[t].order = s[t].perm + 3 * (size_t)n;
            memset(s[t].in, 0, n);
            memset(s[t].stamp, 0, n * sizeof(uint32_t));
        }
        if (!bad) {
            const uint64_t round = 4096;
            for (uint64_t k0 = 0; k0 < samples && !rc; k0 += round) {
                uint64_t k1 = k0 + round < samples ? k0 + round : samples;
#pragma omp parallel for schedule(static) num_threads(threads)
                for (uint64_t k = k0; k < k1; k++) {
                    int th = lev__thread_num();
                    uint64_t *piv = cnt + (size_t)th * 3 * n, *sw = piv + n, *tr = sw + n;
                    if (want_s) {
                        uint32_t v = sample_pivot(&g, &s[th], rng_stream(seed, k, 0));
                        if (v < n) piv[v]++;
                    }
                    if (want_b) sample_swings(&g, &s[th], rng_stream(seed, k, 1), sw, tr);
                }
                rc = lev__ctx_progress(&c, (double)k1 / (double)samples, what);
            }
            for (uint32_t i = 0; i < n; i++) {
                uint64_t pv = 0, sw = 0, tr = 0;
                for (t = 0; t < T; t++) {
                    pv += cnt[t * 3 * n + i];
                    sw += cnt[t * 3 * n + n + i];
                    tr += cnt[t * 3 * n + 2 * (size_t)n + i];
                }
                double ps = (double)pv / (double)samples;
                sh[i] = ps;
                se[i] = sqrt(ps * (1 - ps) / (double)samples);
                double pb = tr ? (double)sw / (double)tr : 0;
                bz[i] = pb;
                be[i] = tr ? sqrt(pb * (1 - pb) / (double)tr) : 0;
            }
        }
        for (size_t u = 0; u < T && u <= t; u++) {
            if (s[u].perm) lev__ctx_free(&c, s[u].perm, n, 4 * sizeof(uint32_t));
            if (s[u].cw) lev__ctx_free(&c, s[u].cw, n, sizeof(double));
            if (s[u].in) lev__ctx_free(&c, s[u].in, n, 1);
        }
        lev__ctx_free(&c, cnt, T * 3, (size_t)n * sizeof(uint64_t));
        lev__ctx_free(&c, s, T, sizeof(scratch));
        if (bad) goto oom;
        if (rc) goto done;
    }
    if (banzhaf_raw) memcpy(banzhaf_raw, bz, n * sizeof(double));
    if (banzhaf) normalize_banzhaf(n, bz, banzhaf);
    if (shapley) memcpy(shapley, sh, n * sizeof(double));
    if (banzhaf_err) memcpy(banzhaf_err, be, n * sizeof(double));
    if (shapley_err) memcpy(shapley_err, se, n * sizeof(double));
    if (method) *method = meth;
    rc = LEV_OK;
    goto done;
oom:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)n);
done:
    if (hold) lev__ctx_free(&c, hold, nn, sizeof(uint32_t));
    if (bz) lev__ctx_free(&c, bz, nn, sizeof(double));
    if (sh) lev__ctx_free(&c, sh, nn, sizeof(double));
    if (be) lev__ctx_free(&c, be, nn, sizeof(double));
    if (se) lev__ctx_free(&c, se, nn, sizeof(double));
    game_free(&c, &g);
    return rc;
}

/* ---- minimal winning coalitions ------------------------------------------------------------- */

/* Players of positive weight, heaviest first (equal weights by index). */
typedef struct wsort {
    double w;
    uint32_t i;
} wsort;

static int wsort_cmp(const void *a, const void *b) {
    const wsort *x = a, *y = b;
    if (x->w != y->w) return x->w > y->w ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

typedef struct mwc {
    const game *g;
    uint32_t m;         /* players of positive weight */
    wsort *ord;         /* m, heaviest first */
    double *suf;        /* m + 1 suffix sums */
    uint32_t *pos, *chosen;
    double *sum;
} mwc;

static lev_status mwc_make(const lev__ctx *c, const game *g, mwc *e) {
    memset(e, 0, sizeof *e);
    e->g = g;
    size_t n = g->n ? g->n : 1;
    e->ord = lev__ctx_alloc(c, n, sizeof(wsort));
    e->suf = lev__ctx_alloc(c, n + 1, sizeof(double));
    e->pos = lev__ctx_alloc(c, n + 1, 2 * sizeof(uint32_t));
    e->sum = lev__ctx_alloc(c, n + 1, sizeof(double));
    if (!e->ord || !e->suf || !e->pos || !e->sum) return LEV_ENOMEM;
    e->chosen = e->pos + n + 1;
    for (uint32_t i = 0; i < g->n; i++)
        if (g->w[i] > 0) e->ord[e->m++] = (wsort){g->w[i], i};
    qsort(e->ord, e->m, sizeof(wsort), wsort_cmp);
    e->suf[e->m] = 0;
    for (uint32_t t = e->m; t-- > 0;) e->suf[t] = e->suf[t + 1] + e->ord[t].w;
    return LEV_OK;
}

static void mwc_free(const lev__ctx *c, mwc *e) {
    size_t n = e->g && e->g->n ? e->g->n : 1;
    if (e->ord) lev__ctx_free(c, e->ord, n, sizeof(wsort));
    if (e->suf) lev__ctx_free(c, e->suf, n + 1, sizeof(double));
    if (e->pos) lev__ctx_free(c, e->pos, n + 1, 2 * sizeof(uint32_t));
    if (e->sum) lev__ctx_free(c, e->sum, n + 1, sizeof(double));
}

/* Visit the minimal winning coalitions in search order (include the heavier player first),
 * at most `most` of them; visit(ud, members, size) gets positions into ord. Returns how many
 * were visited. Every coalition reached by adding its lightest member is minimal: removing any
 * member leaves at most the sum before that last step, which was below the quota. */
typedef void (*mwc_visit)(void *ud, const mwc *e, const uint32_t *members, uint32_t size);

static uint64_t mwc_walk(mwc *e, uint64_t most, mwc_visit visit, void *ud) {
    const double Q = e->g->Q;
    uint64_t found = 0;
    if (e->m == 0 || e->suf[0] < Q || most == 0) return 0;
    uint32_t depth = 0;
    e->pos[0] = 0;
    e->sum[0] = 0;
    for (;;) {
        uint32_t t = e->pos[depth];
        double s = e->sum[depth];
        if (t >= e->m || s + e->suf[t] < Q) {
            if (depth == 0) break;
            depth--;
            e->pos[depth]++;
            continue;
        }
        if (s + e->ord[t].w >= Q) {
            e->chosen[depth] = t;
            visit(ud, e, e->chosen, depth + 1);
            if (++found >= most) break;
            e->pos[depth]++;
            continue;
        }
        e->chosen[depth] = t;
        depth++;
        e->pos[depth] = t + 1;
        e->sum[depth] = s + e->ord[t].w;
    }
    return found;
}

/* The number of minimal winning coalitions by dynamic programming over whole weights: each is
 * its lightest member j with a set of heavier players (earlier in ord) weighing [Q - w_j, Q).
 * Counts are doubles (exact to 2^53). Returns NAN when it does not apply within `limit` bytes,
 * -1 when out of memory. */
static double mwc_count(const lev__ctx *c, const mwc *e, double limit) {
    const game *g = e->g;
    if (e->m == 0 || e->suf[0] < g->Q) return 0;
    if (!g->whole || g->Q > 4294967295.0 || 8.0 * g->Q > limit) return NAN;
    uint32_t Q = (uint32_t)g->Q;
    double *cnt = lev__ctx_alloc(c, Q, sizeof(double));
    if (!cnt) return -1;
    memset(cnt, 0, (size_t)Q * sizeof(double));
    cnt[0] = 1;
    double total = 0;
    for (uint32_t t = 0; t < e->m; t++) {
        double wj = e->ord[t].w;
        uint32_t from = wj >= Q ? 0 : Q - (uint32_t)wj;
        for (uint32_t w = from; w < Q; w++) total += cnt[w];
        if (wj < Q) {
            uint32_t wi = (uint32_t)wj;
            for (uint32_t w = Q; w-- > wi;) cnt[w] += cnt[w - wi];
        }
    }
    lev__ctx_free(c, cnt, Q, sizeof(double));
    return total;
}

typedef struct list_ud {
    uint32_t *coalition, *actor, *tmp;
    size_t cap, len;
    uint64_t k;
} list_ud;

static int u32_cmp(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void list_visit(void *ud, const mwc *e, const uint32_t *members, uint32_t size) {
    list_ud *l = ud;
    if (l->tmp && l->len + size <= l->cap) {
        for (uint32_t k = 0; k < size; k++) l->tmp[k] = e->ord[members[k]].i;
        qsort(l->tmp, size, sizeof(uint32_t), u32_cmp);
        for (uint32_t k = 0; k < size; k++) {
            l->coalition[l->len + k] = (uint32_t)l->k;
            l->actor[l->len + k] = l->tmp[k];
        }
    }
    l->len += size;
    l->k++;
}

lev_status lev_minimal_winning(const lev_network *net, uint32_t resource, lev_params *p, size_t cap,
                               uint32_t *coalition, uint32_t *actor, size_t *len, double *count) {
    static const char what[] = "minimal_winning";
    if (net && len && cap > 0 && (!coalition || !actor)) {
        lev__ctx c0 = {net, p, NULL, 1};
        return lev__ctx_fail(&c0, LEV_EMISUSE, "%s: cap is %zu but coalition or actor is NULL", what, cap);
    }
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, len);
    if (rc) return rc;
    game g;
    if ((rc = game_make(&c, resource, what, &g))) return rc;
    g.connected = 0;
    mwc e;
    uint32_t *tmp = NULL;
    size_t need = 0;
    list_ud l = {0};
    uint64_t most = (uint64_t)lev__param(p, LEV_P_COALITION_LIMIT), seen;
    double total;
    if (mwc_make(&c, &g, &e)) goto oom;
    total = mwc_count(&c, &e, lev__param(p, LEV_P_MEMORY_LIMIT));
    if (total < 0) goto oom;
    /* First pass: the length. */
    seen = mwc_walk(&e, isnan(total) ? most + 1 : most, list_visit, &l);
    if (isnan(total) && seen <= most) total = (double)seen;
    if (seen > most) { /* unknown count: list the first `most` */
        l = (list_ud){0};
        mwc_walk(&e, most, list_visit, &l);
    }
    need = l.len;
    if (cap < need) {
        rc = lev__ctx_erange(&c, what, "members", need, cap, len);
        if (count && cap == 0) *count = total;
        goto done;
    }
    if (need) {
        /* Nothing can fail once tmp is had: the walk writes straight into the caller's arrays
         * (a copy of them cost 8 bytes per pair more: 1.2 GB for 100 000 coalitions of 1 469). */
        tmp = lev__ctx_alloc(&c, g.n, sizeof(uint32_t));
        if (!tmp) goto oom;
        l = (list_ud){coalition, actor, tmp, need, 0, 0};
        mwc_walk(&e, most, list_visit, &l);
    }
    *len = need;
    if (count) *count = total;
    rc = LEV_OK;
    goto done;
oom:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)g.n);
done:
    if (tmp) lev__ctx_free(&c, tmp, g.n, sizeof(uint32_t));
    mwc_free(&c, &e);
    game_free(&c, &g);
    return rc;
}

typedef struct packel_ud {
    double *dp, *hp;
} packel_ud;

static void packel_visit(void *ud, const mwc *e, const uint32_t *members, uint32_t size) {
    packel_ud *u = ud;
    for (uint32_t k = 0; k < size; k++) {
        uint32_t i = e->ord[members[k]].i;
        u->dp[i] += 1.0 / size;
        u->hp[i] += 1;
    }
}

lev_status lev_packel_indices(const lev_network *net, uint32_t resource, lev_params *p, double *deegan_packel,
                              double *holler_packel) {
    static const char what[] = "packel_indices";
    lev__ctx c;
    lev_status rc =
        lev__ctx_begin(&c, net, p, what, deegan_packel ? (const void *)deegan_packel : (const void *)holler_packel);
    if (rc) return rc;
    game g;
    if ((rc = game_make(&c, resource, what, &g))) return rc;
    g.connected = 0;
    mwc e;
    packel_ud u = {NULL, NULL};
    size_t nn = g.n ? g.n : 1;
    uint64_t most = (uint64_t)lev__param(p, LEV_P_COALITION_LIMIT), seen;
    double total, hsum = 0;
    if (mwc_make(&c, &g, &e)) goto oom;
    u.dp = lev__ctx_alloc(&c, nn, sizeof(double));
    u.hp = lev__ctx_alloc(&c, nn, sizeof(double));
    if (!u.dp || !u.hp) goto oom;
    for (uint32_t i = 0; i < g.n; i++) u.dp[i] = u.hp[i] = 0;
    total = mwc_count(&c, &e, lev__param(p, LEV_P_MEMORY_LIMIT));
    if (total < 0) goto oom;
    if (total > (double)most) {
        rc = lev__ctx_fail(&c, LEV_EUNSUPPORTED, "%s: %.17g minimal winning coalitions exceed the coalition_limit %llu",
                           what, total, (unsigned long long)most);
        goto done;
    }
    seen = mwc_walk(&e, most + 1, packel_visit, &u);
    if (seen > most) {
        rc = lev__ctx_fail(&c, LEV_EUNSUPPORTED, "%s: more than %llu minimal winning coalitions (coalition_limit)",
                           what, (unsigned long long)most);
        goto done;
    }
    for (uint32_t i = 0; i < g.n; i++) hsum += u.hp[i];
    for (uint32_t i = 0; i < g.n; i++) {
        if (deegan_packel) deegan_packel[i] = seen ? u.dp[i] / (double)seen : 0;
        if (holler_packel) holler_packel[i] = hsum > 0 ? u.hp[i] / hsum : 0;
    }
    rc = LEV_OK;
    goto done;
oom:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)g.n);
done:
    if (u.dp) lev__ctx_free(&c, u.dp, nn, sizeof(double));
    if (u.hp) lev__ctx_free(&c, u.hp, nn, sizeof(double));
    mwc_free(&c, &e);
    game_free(&c, &g);
    return rc;
}

/* ---- the cheapest alliance ---------------------------------------------------------------- */

typedef struct best {
    double cost;
    uint32_t size;
} best;

static int better(double c1, uint32_t s1, double c2, uint32_t s2) { return c1 < c2 || (c1 == c2 && s1 < s2); }

/* Greedy order key: larger is taken first. */
static double greedy_key(const game *g, const double *cost, uint32_t i) {
    double c = cost ? cost[i] : 1;
    return c > 0 ? g->w[i] / c : INFINITY;
}

/* Connected greedy from one seed: grow by the best frontier actor until the quota, then drop
 * members (costliest first) whose removal keeps the alliance connected and winning. Returns
 * the size (0 when the seed's component cannot reach the quota). in[] must be all 0 on entry
 * and is left so. */
static uint32_t grow_from(const game *g, const double *cost, uint32_t seed, uint32_t *mem, uint8_t *in, uint32_t *heap,
                          uint32_t *queue, uint8_t *seen) {
    const lev__view *v = &g->vw;
    uint32_t k = 0, hn = 0;
    double sum = 0;
    /* heap of frontier actors by greedy_key, larger first, then lower index */
#define KEY_GT(a, b) (greedy_key(g, cost, a) > greedy_key(g, cost, b) || \
                      (greedy_key(g, cost, a) == greedy_key(g, cost, b) && (a) < (b)))
    heap[hn++] = seed;
    seen[seed] = 1;
    while (hn && sum < g->Q) {
        uint32_t x = heap[0];
        heap[0] = heap[--hn];
        for (uint32_t i = 0;;) { /* sift down */
            uint32_t l = 2 * i + 1, r = l + 1, b = i;
            if (l < hn && KEY_GT(heap[l], heap[b])) b = l;
            if (r < hn && KEY_GT(heap[r], heap[b])) b = r;
            if (b == i) break;
            uint32_t t = heap[i];
            heap[i] = heap[b];
            heap[b] = t;
            i = b;
        }
        mem[k++] = x;
        in[x] = 1;
        sum += g->w[x];
        for (size_t e = v->off[x]; e < v->off[x + 1]; e++) {
            uint32_t u = v->adj[e];
            if (seen[u]) continue;
            seen[u] = 1;
            uint32_t i = hn++;
            heap[i] = u;
            while (i > 0 && KEY_GT(heap[i], heap[(i - 1) / 2])) { /* sift up */
                uint32_t t = heap[i];
                heap[i] = heap[(i - 1) / 2];
                heap[(i - 1) / 2] = t;
                i = (i - 1) / 2;
            }
        }
    }
#undef KEY_GT
    for (uint32_t i = 0; i < hn; i++) seen[heap[i]] = 0;
    for (uint32_t i = 0; i < k; i++) seen[mem[i]] = 0;
    if (sum < g->Q) {
        for (uint32_t i = 0; i < k; i++) in[mem[i]] = 0;
        return 0;
    }
    /* prune: try members in reverse order of arrival (the last added are the least attractive) */
    for (uint32_t t = k; t-- > 0;) {
        uint32_t x = mem[t];
        if (sum - g->w[x] < g->Q) continue;
        in[x] = 0;
        /* connected without x? BFS from another member */
        uint32_t start = UINT32_MAX, qh = 0, qt = 0, reached = 0;
        for (uint32_t i = 0; i < k && start == UINT32_MAX; i++)
            if (in[mem[i]]) start = mem[i];
        if (start != UINT32_MAX) {
            queue[qt++] = start;
            seen[start] = 1;
            while (qh < qt) {
                uint32_t y = queue[qh++];
                reached++;
                for (size_t e = v->off[y]; e < v->off[y + 1]; e++) {
                    uint32_t u = v->adj[e];
                    if (in[u] && !seen[u]) {
                        seen[u] = 1;
                        queue[qt++] = u;
                    }
                }
            }
            for (uint32_t i = 0; i < qt; i++) seen[queue[i]] = 0;
        }
        uint32_t left = 0;
        for (uint32_t i = 0; i < k; i++) left += in[mem[i]];
        if (reached == left && left > 0) {
            sum -= g->w[x];
            continue;
        }
        in[x] = 1;
    }
    uint32_t out = 0;
    for (uint32_t i = 0; i < k; i++)
        if (in[mem[i]]) {
            in[mem[i]] = 0;
            mem[out++] = mem[i];
        }
    return out;
}

lev_status lev_cheapest_alliance(const lev_network *net, uint32_t resource, uint32_t cost_resource, lev_params *p,
                                 size_t cap, uint32_t *members, size_t *len, double *total_cost, int *method) {
    static const char what[] = "cheapest_alliance";
    if (net && len && cap > 0 && !members) {
        lev__ctx c0 = {net, p, NULL, 1};
        return lev__ctx_fail(&c0, LEV_EMISUSE, "%s: cap is %zu but members is NULL", what, cap);
    }
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, what, len);
    if (rc) return rc;
    if (cost_resource != LEV_NONE && cost_resource >= net->resources.count)
        return lev__ctx_fail(&c, LEV_EINVAL, "%s: no cost resource %u (the network has %u; LEV_NONE counts actors)",
                             what, (unsigned)cost_resource, (unsigned)net->resources.count);
    game g;
    if ((rc = game_make(&c, resource, what, &g))) return rc;
    uint32_t n = g.n;
    size_t nn = n ? n : 1;
    double *cost = NULL, limit = lev__param(p, LEV_P_MEMORY_LIMIT), bcost = INFINITY;
    uint8_t *sel = lev__ctx_alloc(&c, nn, 1);
    uint32_t bsize = 0;
    int meth = LEV_COALITION_EXACT;
    if (!sel) goto oom;
    memset(sel, 0, nn);
    if (cost_resource != LEV_NONE) {
        cost = lev__ctx_alloc(&c, nn, sizeof(double));
        if (!cost) goto oom;
        const lev__amounts *am = &net->amounts[cost_resource];
        for (uint32_t i = 0; i < n; i++) cost[i] = i < am->len ? am->v[2 * i] : 0;
    }
    if (n == 0 || g.total < g.Q) {
        /* no alliance reaches the quota */
    } else if (g.Q <= 0) {
        bcost = 0; /* the empty alliance */
    } else if (g.connected && n <= (uint32_t)lev__param(p, LEV_P_ENUM_LIMIT)) {
        size_t cnt = (size_t)1 << n, bestS = 0;
        uint8_t *win = lev__ctx_alloc(&c, cnt, 1), *conn = lev__ctx_alloc(&c, cnt, 1);
        uint32_t *adjm = lev__ctx_alloc(&c, n, sizeof(uint32_t));
        if (!win || !conn || !adjm) {
            if (win) lev__ctx_free(&c, win, cnt, 1);
            if (conn) lev__ctx_free(&c, conn, cnt, 1);
            if (adjm) lev__ctx_free(&c, adjm, n, sizeof(uint32_t));
            goto oom;
        }
        adj_masks(&g, adjm);
        rc = enum_win(&c, what, &g, adjm, win, conn);
        for (size_t S = 1; S < cnt && !rc; S++) {
            if ((S & 0xfffff) == 0) rc = lev__ctx_progress(&c, 0.5 + 0.5 * (double)S / (double)cnt, what);
            if (!conn[S] || !win[S]) continue;
            double cs = 0;
            for (size_t t = S; t; t &= t - 1) cs += cost ? cost[__builtin_ctzll(t)] : 1;
            uint32_t sz = (uint32_t)__builtin_popcountll(S);
            if (better(cs, sz, bcost, bsize)) {
                bcost = cs;
                bsize = sz;
                bestS = S;
            }
        }
        for (uint32_t i = 0; i < n; i++) sel[i] = (uint8_t)(bestS >> i & 1);
        lev__ctx_free(&c, win, cnt, 1);
        lev__ctx_free(&c, conn, cnt, 1);
        lev__ctx_free(&c, adjm, n, sizeof(uint32_t));
        if (rc) goto done;
    } else if (g.connected) {
        meth = LEV_COALITION_HEURISTIC;
        /* seeds: the 32 heaviest actors (equal weights by index) */
        wsort *ord = lev__ctx_alloc(&c, nn, sizeof(wsort));
        uint32_t *buf = lev__ctx_alloc(&c, nn, 4 * sizeof(uint32_t));
        uint8_t *fl = lev__ctx_alloc(&c, nn, 2);
        if (!ord || !buf || !fl) {
            if (ord) lev__ctx_free(&c, ord, nn, sizeof(wsort));
            if (buf) lev__ctx_free(&c, buf, nn, 4 * sizeof(uint32_t));
            if (fl) lev__ctx_free(&c, fl, nn, 2);
            goto oom;
        }
        memset(fl, 0, 2 * nn);
        uint32_t m = 0;
        for (uint32_t i = 0; i < n; i++)
            if (g.w[i] > 0) ord[m++] = (wsort){g.w[i], i};
        qsort(ord, m, sizeof(wsort), wsort_cmp);
        uint32_t *mem = buf, *heap = buf + nn, *queue = buf + 2 * nn, *bestm = buf + 3 * nn;
        for (uint32_t s = 0; s < m && s < 32; s++) {
            uint32_t k = grow_from(&g, cost, ord[s].i, mem, fl, heap, queue, fl + nn);
            if (k == 0) continue;
            double cs = 0;
            for (uint32_t i = 0; i < k; i++) cs += cost ? cost[mem[i]] : 1;
            if (better(cs, k, bcost, bsize)) {
                bcost = cs;
                bsize = k;
                memcpy(bestm, mem, k * sizeof(uint32_t));
            }
            if ((rc = lev__ctx_progress(&c, (s + 1) / 32.0, what))) break;
        }
        for (uint32_t i = 0; i < bsize; i++) sel[bestm[i]] = 1;
        lev__ctx_free(&c, ord, nn, sizeof(wsort));
        lev__ctx_free(&c, buf, nn, 4 * sizeof(uint32_t));
        lev__ctx_free(&c, fl, nn, 2);
        if (rc) goto done;
    } else if (!cost) {
        /* fewest actors: the heaviest first */
        wsort *ord = lev__ctx_alloc(&c, nn, sizeof(wsort));
        if (!ord) goto oom;
        uint32_t m = 0;
        for (uint32_t i = 0; i < n; i++)
            if (g.w[i] > 0) ord[m++] = (wsort){g.w[i], i};
        qsort(ord, m, sizeof(wsort), wsort_cmp);
        double sum = 0;
        for (uint32_t t = 0; t < m && sum < g.Q; t++) {
            sum += ord[t].w;
            sel[ord[t].i] = 1;
            bsize++;
        }
        bcost = bsize;
        lev__ctx_free(&c, ord, nn, sizeof(wsort));
    } else if (g.whole && g.Q <= 4294967295.0 &&
               ((double)n * (g.Q + 1) / 8 + 16 * (g.Q + 1) + 8.0 * n) <= limit) {
        /* knapsack over weights capped at Q: least (cost, size) to reach each weight */
        uint32_t Q = (uint32_t)g.Q;
        size_t row = ((size_t)Q + 8) / 8;
        best *b = lev__ctx_alloc(&c, (size_t)Q + 1, sizeof(best));
        uint8_t *ch = lev__ctx_alloc(&c, nn, row);
        uint32_t *srcQ = lev__ctx_alloc(&c, nn, sizeof(uint32_t));
        if (!b || !ch || !srcQ) {
            if (b) lev__ctx_free(&c, b, (size_t)Q + 1, sizeof(best));
            if (ch) lev__ctx_free(&c, ch, nn, row);
            if (srcQ) lev__ctx_free(&c, srcQ, nn, sizeof(uint32_t));
            goto oom;
        }
        memset(ch, 0, nn * row);
        b[0] = (best){0, 0};
        for (uint32_t w = 1; w <= Q; w++) b[w] = (best){INFINITY, 0};
        for (uint32_t j = 0; j < n; j++) {
            if (!(g.w[j] > 0) || !(cost[j] < INFINITY)) continue;
            uint64_t wj = (uint64_t)g.w[j];
            uint8_t *cj = ch + (size_t)j * row;
            for (uint32_t w = Q + 1; w-- > 0;) {
                if (!(b[w].cost < INFINITY)) continue;
                uint32_t t = w + wj >= Q ? Q : (uint32_t)(w + wj);
                double nc = b[w].cost + cost[j];
                if (better(nc, b[w].size + 1, b[t].cost, b[t].size)) {
                    b[t] = (best){nc, b[w].size + 1};
                    cj[t / 8] |= (uint8_t)(1u << (t % 8));
                    if (t == Q) srcQ[j] = w;
                }
            }
        }
        if (b[Q].cost < INFINITY) {
            bcost = b[Q].cost;
            bsize = b[Q].size;
            uint32_t st = Q;
            for (uint32_t j = n; j-- > 0;) {
                const uint8_t *cj = ch + (size_t)j * row;
                if (!(cj[st / 8] >> (st % 8) & 1)) continue;
                sel[j] = 1;
                st = st == Q ? srcQ[j] : st - (uint32_t)g.w[j];
            }
        }
        lev__ctx_free(&c, b, (size_t)Q + 1, sizeof(best));
        lev__ctx_free(&c, ch, nn, row);
        lev__ctx_free(&c, srcQ, nn, sizeof(uint32_t));
    } else {
        /* greedy by weight per unit cost, then drop the costliest members that are not needed */
        meth = LEV_COALITION_HEURISTIC;
        wsort *ord = lev__ctx_alloc(&c, nn, sizeof(wsort));
        if (!ord) goto oom;
        uint32_t m = 0;
        for (uint32_t i = 0; i < n; i++)
            if (g.w[i] > 0) ord[m++] = (wsort){greedy_key(&g, cost, i), i};
        qsort(ord, m, sizeof(wsort), wsort_cmp);
        double sum = 0;
        uint32_t k = 0;
        for (; k < m && sum < g.Q; k++) {
            sum += g.w[ord[k].i];
            sel[ord[k].i] = 1;
        }
        for (uint32_t t = k; t-- > 0;) { /* the least attractive last: try them first */
            uint32_t x = ord[t].i;
            if (sum - g.w[x] >= g.Q) {
                sel[x] = 0;
                sum -= g.w[x];
            }
        }
        bcost = 0;
        for (uint32_t i = 0; i < n; i++)
            if (sel[i]) {
                bcost += cost[i];
                bsize++;
            }
        lev__ctx_free(&c, ord, nn, sizeof(wsort));
    }
    if (!(bcost < INFINITY)) bsize = 0;
    if (cap < bsize) {
        rc = lev__ctx_erange(&c, what, "members", bsize, cap, len);
        goto done;
    }
    for (uint32_t i = 0, k = 0; i < n; i++)
        if (sel[i] && bcost < INFINITY) members[k++] = i;
    *len = bsize;
    if (total_cost) *total_cost = bcost;
    if (method) *method = meth;
    rc = LEV_OK;
    goto done;
oom:
    rc = lev__ctx_fail(&c, LEV_ENOMEM, "%s: out of memory for %u actors", what, (unsigned)n);
done:
    if (sel) lev__ctx_free(&c, sel, nn, 1);
    if (cost) lev__ctx_free(&c, cost, nn, sizeof(double));
    game_free(&c, &g);
    return rc;
}
