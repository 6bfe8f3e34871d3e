/* Key players (Borgatti 2006): the set of k actors that reaches the most others (KPP-Pos), or
 * whose removal fragments the network most (KPP-Neg).
 *
 * - Scores (keyplayer_eval): reach and distance-weighted reach by one multi-source breadth-first
 *   search from the set (out rows, or both with LEV_P_UNDIRECTED 1); fragmentation by the
 *   components of what remains when the set is removed (ties read both ways); distance-weighted
 *   fragmentation by a breadth-first search from every remaining actor. Distances are hops;
 *   parallel edges and self-loops fold away (the folded view). Reciprocal distances are summed
 *   from a histogram of distances (count per hop level, then Σ count/d in increasing d), so
 *   two sets with the same distances have bit-identical scores.
 * - Search (lev_keyplayers): Borgatti's greedy-start-plus-swaps. Start 0 is the greedy set (add
 *   the actor with the best score k times); starts 1.. are random sets drawn from LEV_P_SEED and
 *   the start's number (a counter-based stream: no shared generator). From each start, take the
 *   best swap of a member for a non-member while it improves the score strictly. The candidates
 *   of a step are scored in parallel, each into its own slot, and the best is picked in a fixed
 *   order (highest score; ties to the earlier member position, then the lower actor index), so
 *   the answer is the same for any LEV_P_THREADS. The best start wins (ties: the earlier start).
 *
 * See docs/control.md for definitions, worked examples, peers and validation.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* One thread's scratch. */
typedef struct kp_ws {
    uint32_t *dist;  /* n: hop distance, UINT32_MAX unseen */
    uint32_t *queue; /* n */
    uint64_t *hist;  /* n + 1: count per distance */
    int clean;       /* dist all UINT32_MAX and hist all 0: a reach score left them so */
} kp_ws;

typedef struct kp_job {
    const lev__view *vw;
    int measure;
    uint32_t depth;       /* LEV_P_KP_DISTANCE */
    const uint8_t *in;    /* the current set's membership */
    uint32_t drop, add;   /* evaluate the set without `drop` and with `add` (LEV_NONE: neither) */
    uint32_t *ds;         /* n: the set's distances, for scoring reach candidates (or NULL) */
    uint64_t *bh;         /* n + 1: its histogram of distances */
    struct kp_frag *fr;   /* scratch for scoring fragmentation candidates (or NULL) */
} kp_job;

/* One depth-first search over what remains of the network, for all fragmentation candidates:
 * lev__low_points' scratch and per-actor cuts, and which actors are out (n bytes). */
typedef struct kp_frag {
    lev__lowpt lp;
    uint8_t *out;
} kp_frag;

static inline int member(const kp_job *j, uint32_t v) {
    return v == j->add || (j->in[v] && v != j->drop);
}

/* Σ hist[d] / d for d = 1..maxd, in increasing d. */
static double recip_sum(const uint64_t *hist, uint32_t maxd) {
    double s = 0;
    for (uint32_t d = 1; d <= maxd; d++)
        if (hist[d]) s += (double)hist[d] / (double)d;
    return s;
}

/* Breadth-first search along vw from the qt actors on the queue (distance 0 in dist), expanding
 * the actors nearer than limit: each actor reached gets its distance, joins the queue and counts
 * in hist[distance]; *maxd is raised to the largest distance. Returns the queue's length (the
 * actors it started from and every one reached). */
static uint32_t kp_bfs(const lev__view *vw, uint32_t limit, uint32_t *dist, uint32_t *queue, uint32_t qt,
                       uint64_t *hist, uint32_t *maxd) {
    for (uint32_t qh = 0; qh < qt;) {
        uint32_t v = queue[qh++];
        if (dist[v] >= limit) continue;
        for (size_t e = vw->off[v]; e < vw->off[v + 1]; e++) {
            uint32_t u = vw->adj[e];
            if (dist[u] != UINT32_MAX) continue;
            dist[u] = dist[v] + 1;
            queue[qt++] = u;
            hist[dist[u]]++;
            if (dist[u] > *maxd) *maxd = dist[u];
        }
    }
    return qt;
}

/* The score of the set described by j (members given by `set`, k entries, with drop/add
 * applied). */
static double keyplayer_eval(const kp_job *j, const uint32_t *set, size_t k, kp_ws *w) {
    const lev__view *vw = j->vw;
    uint32_t n = vw->n, *dist = w->dist, *queue = w->queue;
    /* A reach score resets what it touched (every actor it reached is in the queue), so a
     * candidate costs its search, not O(V): the greedy step and each swap score V candidates. */
    if (!w->clean) {
        for (uint32_t v = 0; v < n; v++) dist[v] = UINT32_MAX;
        memset(w->hist, 0, ((size_t)n + 1) * sizeof *w->hist);
    }
    w->clean = 0;
    uint32_t qh = 0, qt = 0, nk = 0;
    for (size_t i = 0; i < k; i++)
        if (set[i] != j->drop) {
            dist[set[i]] = 0;
            queue[qt++] = set[i];
        }
    if (j->add != LEV_NONE && dist[j->add] != 0) {
        dist[j->add] = 0;
        queue[qt++] = j->add;
    }
    nk = qt; /* members */
    if (j->measure == LEV_KP_REACH || j->measure == LEV_KP_DREACH) {
        uint32_t maxd = 0;
        qt = kp_bfs(vw, j->measure == LEV_KP_REACH ? j->depth : UINT32_MAX, dist, queue, qt, w->hist, &maxd);
        double r = j->measure == LEV_KP_REACH ? (double)qt / (double)n
                                              : ((double)nk + recip_sum(w->hist, maxd)) / (double)n;
        for (uint32_t i = 0; i < qt; i++) dist[queue[i]] = UINT32_MAX;
        for (uint32_t d = 0; d <= maxd; d++) w->hist[d] = 0;
        w->clean = 1;
        return r;
    }
    /* fragmentation: over the n' actors outside the set */
    uint64_t rest = (uint64_t)n - nk;
    if (rest < 2) return 1.0;
    double pairs = (double)rest * (double)(rest - 1);
    /* dist[v] == 0 marks members (removed); others start unseen */
    if (j->measure == LEV_KP_FRAGMENT) {
        double s = 0;
        for (uint32_t r = 0; r < n; r++) {
            if (dist[r] != UINT32_MAX) continue;
            qh = qt = 0;
            dist[r] = 1;
            queue[qt++] = r;
            while (qh < qt) {
                uint32_t v = queue[qh++];
                for (size_t e = vw->off[v]; e < vw->off[v + 1]; e++) {
                    uint32_t u = vw->adj[e];
                    if (dist[u] != UINT32_MAX) continue;
                    dist[u] = 1;
                    queue[qt++] = u;
                }
            }
            s += (double)qt * (double)(qt - 1);
        }
        return 1.0 - s / pairs;
    }
    /* distance-weighted fragmentation: a search from every remaining actor, members blocked;
     * the marks of members are kept in the membership test (hist is zero: see the top) */
    uint32_t maxd = 0;
    for (uint32_t r = 0; r < n; r++) {
        if (member(j, r)) continue;
        for (uint32_t v = 0; v < n; v++) dist[v] = UINT32_MAX;
        qh = qt = 0;
        dist[r] = 0;
        queue[qt++] = r;
        while (qh < qt) {
            uint32_t v = queue[qh++];
            for (size_t e = vw->off[v]; e < vw->off[v + 1]; e++) {
                uint32_t u = vw->adj[e];
                if (dist[u] != UINT32_MAX || member(j, u)) continue;
                dist[u] = dist[v] + 1;
                w->hist[dist[u]]++;
                if (dist[u] > maxd) maxd = dist[u];
                queue[qt++] = u;
            }
        }
    }
    return 1.0 - recip_sum(w->hist, maxd) / pairs;
}

static lev_status ws_alloc(const lev__ctx *c, int t, uint32_t n, kp_ws **out) {
    kp_ws *ws = lev__ctx_alloc(c, (size_t)t, sizeof *ws);
    if (!ws) return LEV_ENOMEM;
    memset(ws, 0, (size_t)t * sizeof *ws);
    *out = ws;
    for (int i = 0; i < t; i++) {
        ws[i].dist = lev__ctx_alloc(c, n, sizeof *ws[i].dist);
        ws[i].queue = lev__ctx_alloc(c, n, sizeof *ws[i].queue);
        ws[i].hist = lev__ctx_alloc(c, (size_t)n + 1, sizeof *ws[i].hist);
        if (!ws[i].dist || !ws[i].queue || !ws[i].hist) return LEV_ENOMEM;
    }
    return LEV_OK;
}

static void ws_free(const lev__ctx *c, int t, uint32_t n, kp_ws *ws) {
    if (!ws) return;
    for (int i = 0; i < t; i++) {
        lev__ctx_free(c, ws[i].dist, n, sizeof *ws[i].dist);
        lev__ctx_free(c, ws[i].queue, n, sizeof *ws[i].queue);
        lev__ctx_free(c, ws[i].hist, (size_t)n + 1, sizeof *ws[i].hist);
    }
    lev__ctx_free(c, ws, (size_t)t, sizeof *ws);
}

static int view_dir(const lev_params *p, int measure) {
    if (measure == LEV_KP_FRAGMENT || measure == LEV_KP_DFRAGMENT) return LEV__VIEW_BOTH;
    return lev__param(p, LEV_P_UNDIRECTED) != 0 ? LEV__VIEW_BOTH : LEV__VIEW_OUT;
}

lev_status lev_keyplayer_score(const lev_network *net, const uint32_t *set, size_t k, lev_params *p,
                               double *score) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "keyplayer score", score);
    if (rc) return rc;
    uint32_t n = c.g->n;
    if (k > 0 && !set) return lev__ctx_fail(&c, LEV_EMISUSE, "keyplayer score: k is %zu but the set is NULL", k);
    if (n == 0) return lev__ctx_fail(&c, LEV_EINVAL, "keyplayer score: the network has no actors");
    if (k > n)
        return lev__ctx_fail(&c, LEV_EINVAL, "keyplayer score: k = %zu is more than the %u actors", k, n);
    int measure = (int)lev__param(p, LEV_P_KP_MEASURE);
    uint8_t *in = lev__ctx_alloc(&c, n, sizeof *in);
    kp_ws *ws = NULL;
    lev__view vw;
    memset(&vw, 0, sizeof vw);
    if (!in) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "keyplayer score: out of memory for %u actors", n);
        goto done;
    }
    memset(in, 0, n);
    for (size_t i = 0; i < k; i++) {
        if (set[i] >= n) {
            rc = lev__ctx_fail(&c, LEV_EINVAL, "keyplayer score: set[%zu] = %u is not an actor (the network has %u)",
                               i, set[i], n);
            goto done;
        }
        if (in[set[i]]) {
            rc = lev__ctx_fail(&c, LEV_EINVAL, "keyplayer score: actor %u is in the set twice (set[%zu])", set[i],
                               i);
            goto done;
        }
        in[set[i]] = 1;
    }
    if (lev__view_build(&c, view_dir(p, measure), LEV__FOLD_COUNT, 0, &vw) || ws_alloc(&c, 1, n, &ws)) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "keyplayer score: out of memory for %u actors", n);
        goto done;
    }
    kp_job j = {&vw, measure, (uint32_t)lev__param(p, LEV_P_KP_DISTANCE), in, LEV_NONE, LEV_NONE, NULL, NULL, NULL};
    *score = keyplayer_eval(&j, set, k, &ws[0]);
done:
    ws_free(&c, 1, n, ws);
    lev__view_free(&c, &vw);
    lev__ctx_free(&c, in, n, sizeof *in);
    return rc;
}

/* splitmix64 finalizer: the random starts' streams. */
static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Reach and distance-weighted reach of S ∪ {v} for every candidate v, S the set without
 * j0->drop. S is searched once (its distances ds, count and histogram bh); a candidate's search
 * from v then goes no further than the actors strictly nearer to v than to S: beyond an actor u
 * with ds[u] <= dist(v, u), S reaches everything at least as soon as v does through u, and an
 * actor v does bring nearer lies on shortest paths from v made of such actors only. Its score
 * is the base's with those actors moved: the same integers, hence the same bits, as the whole
 * search from S ∪ {v} (keyplayer_eval), at the cost of what v changes instead of O(V) and
 * all S reaches. Members get -1. */
static void score_reach(const kp_job *j0, const uint32_t *set, size_t k, int threads, kp_ws *ws, double *sc) {
    const lev__view *vw = j0->vw;
    uint32_t n = vw->n, *ds = j0->ds, *queue = ws[0].queue;
    uint64_t *bh = j0->bh;
    int dreach = j0->measure == LEV_KP_DREACH;
    uint32_t limit = dreach ? UINT32_MAX : j0->depth, qt = 0, maxd = 0;
    for (uint32_t v = 0; v < n; v++) ds[v] = UINT32_MAX;
    memset(bh, 0, ((size_t)n + 1) * sizeof *bh);
    for (size_t i = 0; i < k; i++)
        if (set[i] != j0->drop) {
            ds[set[i]] = 0;
            queue[qt++] = set[i];
        }
    uint32_t nk = qt;
    uint32_t base = kp_bfs(vw, limit, ds, queue, qt, bh, &maxd); /* reached by S, members included */
    (void)threads;
#pragma omp parallel for schedule(dynamic, 64) num_threads(threads)
    for (uint32_t v = 0; v < n; v++) {
        if (j0->in[v]) {
            sc[v] = -1;
            continue;
        }
        kp_ws *w = &ws[lev__thread_num()];
        uint32_t *dv = w->dist, *q = w->queue, h = 0, t = 0, far = maxd;
        uint64_t *diff = w->hist; /* changes to bh, modulo 2^64 */
        if (!w->clean) {
            for (uint32_t x = 0; x < n; x++) dv[x] = UINT32_MAX;
            memset(diff, 0, ((size_t)n + 1) * sizeof *diff);
        }
        uint64_t gain = ds[v] == UINT32_MAX; /* v is reached now (a member) */
        if (dreach && !gain) diff[ds[v]]--;
        dv[v] = 0;
        q[t++] = v;
        uint32_t pruned = n; /* actors seen but no nearer to v than to S, from the top of q */
        while (h < t) {
            uint32_t x = q[h++];
            if (dv[x] >= limit) continue;
            uint32_t nd = dv[x] + 1;
            for (size_t e = vw->off[x]; e < vw->off[x + 1]; e++) {
                uint32_t u = vw->adj[e];
                if (dv[u] != UINT32_MAX) continue;
                dv[u] = nd;
                if (ds[u] <= nd) {
                    q[--pruned] = u;
                    continue;
                }
                q[t++] = u;
                if (ds[u] == UINT32_MAX) gain++;
                if (!dreach) continue; /* reach needs the count alone */
                if (ds[u] != UINT32_MAX) diff[ds[u]]--;
                diff[nd]++;
                if (nd > far) far = nd;
            }
        }
        if (dreach) {
            double r = 0;
            for (uint32_t d = 1; d <= far; d++) {
                uint64_t c = bh[d] + diff[d];
                if (c) r += (double)c / (double)d;
                diff[d] = 0;
            }
            diff[0] = 0;
            sc[v] = ((double)nk + 1 + r) / (double)n;
        } else {
            sc[v] = (double)((uint64_t)base + gain) / (double)n;
        }
        for (uint32_t i = 0; i < t; i++) dv[q[i]] = UINT32_MAX;
        for (uint32_t i = pruned; i < n; i++) dv[q[i]] = UINT32_MAX;
        w->clean = 1;
    }
}

/* Fragmentation of the network without S and v, for every candidate v at once, S the set
 * without j0->drop. Removing v from its component (C actors) of what remains without S leaves
 * the subtrees of its depth-first children c with low[c] >= disc[v] as components of their own
 * (every child, for the root), and the rest, C − 1 minus their sizes, as one: so one search
 * (lev__low_points: articulation points, with subtree sizes) gives each candidate's Σ q(q − 1) over the
 * components, O(V + E) in all instead of O(V + E) per candidate. The sums are the integers the
 * whole search adds up (exactly, in doubles, below 2^53: callers keep V below 2^26), so the
 * scores have the same bits. Members get -1. */
static void score_fragment(const kp_job *j0, const uint32_t *set, size_t k, double *sc) {
    const lev__view *vw = j0->vw;
    const kp_frag *f = j0->fr;
    uint32_t n = vw->n, nk = 0;
    for (size_t i = 0; i < k; i++) nk += set[i] != j0->drop;
    uint64_t rest = (uint64_t)n - nk - 1; /* actors outside the set once a candidate is in */
    if (rest < 2) {
        for (uint32_t v = 0; v < n; v++) sc[v] = j0->in[v] ? -1 : 1.0;
        return;
    }
    /* what remains: the network without the set, the dropped member back in */
    memcpy(f->out, j0->in, n);
    if (j0->drop != LEV_NONE) f->out[j0->drop] = 0;
    lev__low_points(vw, f->out, NULL, NULL, NULL, &f->lp);
    const uint32_t *csz = f->lp.csz, *cut = f->lp.cut;
    const uint64_t *cut2 = f->lp.cut2;
    uint64_t base = 0; /* Σ c (c − 1) over the components, each counted at its root */
    for (uint32_t v = 0; v < n; v++)
        if (!f->out[v] && f->lp.par[v] == LEV_NONE) base += (uint64_t)csz[v] * (csz[v] - 1);
    double pairs = (double)rest * (double)(rest - 1);
    for (uint32_t v = 0; v < n; v++) {
        if (j0->in[v]) {
            sc[v] = -1;
            continue;
        }
        uint64_t c = csz[v], left = c - 1 - cut[v];
        uint64_t s = base - c * (c - 1) + cut2[v] + (left ? left * (left - 1) : 0);
        sc[v] = 1.0 - (double)s / pairs;
    }
}

/* Score every candidate v (not in the set, j->drop fixed) into sc[v]; -1 for members. With a
 * progress range (c not NULL) the candidates done move the progress from base to base + span,
 * reported by the calling thread after each of its candidates: a whole search per candidate
 * (distance-weighted fragmentation) takes hours on 10^5 actors, and the bar then says so and
 * a cancel stops the sweep (LEV_ECANCELLED, returned; the scores are then not all written). */
static lev_status score_candidates(const kp_job *j0, const uint32_t *set, size_t k, int threads, kp_ws *ws,
                                   double *sc, const lev__ctx *c, double base, double span) {
    uint32_t n = j0->vw->n;
    if (j0->ds && (j0->measure == LEV_KP_REACH || j0->measure == LEV_KP_DREACH)) {
        score_reach(j0, set, k, threads, ws, sc);
        return LEV_OK;
    }
    if (j0->fr && j0->measure == LEV_KP_FRAGMENT) {
        score_fragment(j0, set, k, sc);
        return LEV_OK;
    }
    atomic_size_t done = 0;
    atomic_int stop = 0;
    (void)threads;
#pragma omp parallel for schedule(dynamic, 8) num_threads(threads)
    for (uint32_t v = 0; v < n; v++) {
        if (atomic_load_explicit(&stop, memory_order_relaxed)) continue;
        if (j0->in[v]) {
            sc[v] = -1;
            continue;
        }
        kp_job j = *j0;
        j.add = v;
        sc[v] = keyplayer_eval(&j, set, k, &ws[lev__thread_num()]);
        size_t d = atomic_fetch_add_explicit(&done, 1, memory_order_relaxed) + 1;
        if (c && lev__thread_num() == 0 &&
            lev__ctx_progress(c, base + span * (double)d / (double)n, "keyplayers"))
            atomic_store(&stop, 1);
    }
    return atomic_load(&stop) ? LEV_ECANCELLED : LEV_OK;
}

lev_status lev_keyplayers(const lev_network *net, size_t k, lev_params *p, uint32_t *set, double *score) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "keyplayers", set);
    if (rc) return rc;
    if (!score) return lev__ctx_fail(&c, LEV_EMISUSE, "keyplayers: the score output is NULL");
    uint32_t n = c.g->n;
    if (k == 0 || k > n)
        return lev__ctx_fail(&c, LEV_EINVAL, "keyplayers: k = %zu must be from 1 to the number of actors (%u)", k,
                             n);
    int measure = (int)lev__param(p, LEV_P_KP_MEASURE);
    uint64_t starts = (uint64_t)lev__param(p, LEV_P_KP_STARTS), seed = (uint64_t)lev__param(p, LEV_P_SEED);
    int threads = lev__cap_threads(&c, n, 64);
    uint8_t *in = lev__ctx_alloc(&c, n, sizeof *in);
    uint32_t *cur = lev__ctx_alloc(&c, k, sizeof *cur), *best = lev__ctx_alloc(&c, k, sizeof *best);
    uint32_t *perm = lev__ctx_alloc(&c, n, sizeof *perm);
    double *sc = lev__ctx_alloc(&c, n, sizeof *sc);
    int reach = measure == LEV_KP_REACH || measure == LEV_KP_DREACH;
    uint32_t *ds = reach ? lev__ctx_alloc(&c, n, sizeof *ds) : NULL;
    uint64_t *bh = reach ? lev__ctx_alloc(&c, (size_t)n + 1, sizeof *bh) : NULL;
    /* fragmentation by one search per step while its sums stay exact in doubles */
    kp_frag fr, *frp = measure == LEV_KP_FRAGMENT && n < ((uint32_t)1 << 26) ? &fr : NULL;
    memset(&fr, 0, sizeof fr);
    uint32_t **fa[] = {&fr.lp.disc, &fr.lp.low, &fr.lp.par, &fr.lp.stack, &fr.lp.size, &fr.lp.order, &fr.lp.cut, &fr.lp.csz};
    int frag_ok = 1;
    if (frp) {
        for (size_t i = 0; i < sizeof fa / sizeof *fa; i++)
            frag_ok &= (*fa[i] = lev__ctx_alloc(&c, n, sizeof(uint32_t))) != NULL;
        frag_ok &= (fr.lp.pos = lev__ctx_alloc(&c, n, sizeof *fr.lp.pos)) != NULL;
        frag_ok &= (fr.lp.cut2 = lev__ctx_alloc(&c, n, sizeof *fr.lp.cut2)) != NULL;
        frag_ok &= (fr.out = lev__ctx_alloc(&c, n, sizeof *fr.out)) != NULL;
    }
    kp_ws *ws = NULL;
    lev__view vw;
    memset(&vw, 0, sizeof vw);
    if (!in || !cur || !best || !perm || !sc || (reach && (!ds || !bh)) || !frag_ok ||
        lev__view_build(&c, view_dir(p, measure), LEV__FOLD_COUNT, 0, &vw) || ws_alloc(&c, threads, n, &ws)) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "keyplayers: out of memory for %u actors", n);
        goto done;
    }
    double best_score = -1;
    kp_job j = {&vw, measure, (uint32_t)lev__param(p, LEV_P_KP_DISTANCE), in, LEV_NONE, LEV_NONE, ds, bh, frp};
    for (uint64_t s = 0; s < starts; s++) {
        memset(in, 0, n);
        double cur_score;
        if (s == 0) {
            /* greedy: add the best actor k times */
            for (size_t i = 0; i < k; i++) {
                j.drop = LEV_NONE;
                double at = ((double)s + 0.25 * (double)i / (double)k) / (double)starts;
                if ((rc = score_candidates(&j, cur, i, threads, ws, sc, &c, at, 0.25 / (double)k / (double)starts)))
                    goto done;
                uint32_t bv = LEV_NONE;
                for (uint32_t v = 0; v < n; v++)
                    if (!in[v] && (bv == LEV_NONE || sc[v] > sc[bv])) bv = v;
                cur[i] = bv;
                in[bv] = 1;
                rc = lev__ctx_progress(&c, ((double)s + 0.25 * (double)(i + 1) / (double)k) / (double)starts,
                                       "keyplayers");
                if (rc) goto done;
            }
        } else {
            /* k distinct actors: a partial Fisher–Yates shuffle on the start's own stream */
            uint64_t st = mix64(seed ^ 0x6A09E667F3BCC909ULL) ^ mix64(s + 0xBB67AE8584CAA73BULL);
            for (uint32_t v = 0; v < n; v++) perm[v] = v;
            for (size_t i = 0; i < k; i++) {
                uint64_t r = mix64(st += 0x9E3779B97F4A7C15ULL);
                size_t pick = i + (size_t)((double)(r >> 11) * 0x1.0p-53 * (double)(n - i));
                uint32_t t = perm[i];
                perm[i] = perm[pick];
                perm[pick] = t;
                cur[i] = perm[i];
                in[cur[i]] = 1;
            }
        }
        j.drop = j.add = LEV_NONE;
        cur_score = keyplayer_eval(&j, cur, k, &ws[0]);
        /* swaps: the best improving one, while there is one */
        for (;;) {
            double bs = cur_score;
            size_t bi = 0;
            uint32_t bv = LEV_NONE;
            if (k < n) {
                for (size_t i = 0; i < k; i++) {
                    j.drop = cur[i];
                    if ((rc = score_candidates(&j, cur, k, threads, ws, sc, NULL, 0, 0))) goto done;
                    for (uint32_t v = 0; v < n; v++)
                        if (!in[v] && sc[v] > bs) {
                            bs = sc[v];
                            bi = i;
                            bv = v;
                        }
                }
            }
            j.drop = LEV_NONE;
            rc = lev__ctx_progress(&c, ((double)s + 0.5) / (double)starts, "keyplayers");
            if (rc) goto done;
            if (bv == LEV_NONE) break;
            in[cur[bi]] = 0;
            in[bv] = 1;
            cur[bi] = bv;
            cur_score = bs;
        }
        if (cur_score > best_score) {
            best_score = cur_score;
            memcpy(best, cur, k * sizeof *best);
        }
    }
    rc = lev__ctx_progress(&c, 1, "keyplayers");
    if (rc) goto done;
    qsort(best, k, sizeof *best, cmp_u32);
    memcpy(set, best, k * sizeof *set);
    *score = best_score;
done:
    ws_free(&c, threads, n, ws);
    lev__view_free(&c, &vw);
    lev__ctx_free(&c, in, n, sizeof *in);
    lev__ctx_free(&c, cur, k, sizeof *cur);
    lev__ctx_free(&c, best, k, sizeof *best);
    lev__ctx_free(&c, perm, n, sizeof *perm);
    lev__ctx_free(&c, sc, n, sizeof *sc);
    lev__ctx_free(&c, ds, n, sizeof *ds);
    lev__ctx_free(&c, bh, (size_t)n + 1, sizeof *bh);
    for (size_t i = 0; i < sizeof fa / sizeof *fa; i++) lev__ctx_free(&c, *fa[i], n, sizeof(uint32_t));
    lev__ctx_free(&c, fr.lp.pos, n, sizeof *fr.lp.pos);
    lev__ctx_free(&c, fr.lp.cut2, n, sizeof *fr.lp.cut2);
    lev__ctx_free(&c, fr.out, n, sizeof *fr.out);
    return rc;
}
