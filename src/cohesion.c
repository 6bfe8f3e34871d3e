/*
 * Cohesion and groups: connected components, k-cores, communities (Leiden), modularity, and
 * continuous core–periphery.
 *
 * - lev_components: strong components by forward–backward search from a pivot (two BFS, shared
 *   by the threads on wide levels) for the big component and an iterative Tarjan over the rest
 *   (no recursion: a cycle of 10^6 actors needs no C stack), renumbered in order of first
 *   actor; weak ones by Afforest, a concurrent union–find whose roots are the smallest index,
 *   so that ids in order of first actor fall out in place, with no scratch at all.
 * - lev_coreness: peeling level by level on edge records (parallel edges count one each,
 *   self-loops are ignored), for in-, out- or all-degree; one random access per edge; heavy
 *   levels peeled by all threads with atomic decrements (PKC).
 * - lev_modularity / lev_communities: the undirected view, pair strength = sum of both
 *   directions. Leiden (fast local moving, refinement, aggregation), iterated until an
 *   iteration moves nobody, in up to 16 seeded runs within a budget of iterations; the best
 *   run wins. Levels of LEIDEN_PAR_MIN nodes or more move, refine and aggregate in parallel
 *   batches: nodes in seeded order, each batch evaluated against the state at its start and
 *   applied in order (move_nodes_par, refine_par), so the same seed gives the same partition
 *   whatever LEV_P_THREADS is; smaller levels run the sequential passes.
 *   With LEV_P_DIRECTED_MODULARITY 1, Leicht–Newman directed modularity: the same undirected
 *   view carries A_ij + A_ji (what a move gains), each node also its out- and in-strength, and
 *   the null model is γ (k_v^out K_c^in + k_v^in K_c^out) / m; the optimizer is then Louvain
 *   (Dugué & Perez 2015; local moving and aggregation, no refinement).
 * - lev_core_periphery: minimum-residual fit of c_i·c_j to a_ij (i ≠ j) by exact coordinate
 *   descent (Gauss–Seidel on c_i = Σ_j a_ij c_j / Σ_{j≠i} c_j²) from the best multiple of the
 *   strengths, with the Heywood case (no finite minimum, e.g. a star) returned as its limit.
 *
 * See docs/cohesion.md for definitions, conventions, peers and validation.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Software prefetch of a row's neighbours' data a few entries ahead (hides L2/L3 latency). */
#define PREFETCH_AHEAD 8

/* ---- scratch: every block through the network's allocator, freed in one place ------------ */

#define SCRATCH_MAX 64

typedef struct scratch {
    const lev__ctx *c;
    void *p[SCRATCH_MAX];
    size_t bytes[SCRATCH_MAX];
    int k;
} scratch;

/* A block of count·size bytes (at least one element); NULL on failure or overflow. */
static void *sc_get(scratch *s, size_t count, size_t size) {
    if (s->k == SCRATCH_MAX) return NULL;
    if (count == 0) count = 1;
    void *q = lev__ctx_alloc(s->c, count, size);
    if (q) {
        s->p[s->k] = q;
        s->bytes[s->k++] = count * size;
    }
    return q;
}

/* Free one block obtained from sc_get (any order). */
static void sc_put(scratch *s, void *q) {
    if (!q) return;
    for (int i = s->k - 1; i >= 0; i--)
        if (s->p[i] == q) {
            lev__free(&s->c->net->mem, q, s->bytes[i]);
            s->p[i] = s->p[s->k - 1];
            s->bytes[i] = s->bytes[s->k - 1];
            s->k--;
            return;
        }
}

static void sc_free_all(scratch *s) {
    while (s->k > 0) {
        s->k--;
        lev__free(&s->c->net->mem, s->p[s->k], s->bytes[s->k]);
    }
}

/* ---- a seeded generator: xoshiro256** seeded by splitmix64 ------------------------------- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed) {
    uint64_t x = seed;
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl64(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r) {
    uint64_t *s = r->s;
    uint64_t out = rotl64(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45);
    return out;
}

/* Uniform in 0..n-1 (n ≥ 1), by the multiply-shift map of the high 32 bits. */
static inline uint32_t rng_below(rng *r, uint32_t n) {
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [0, 1). */
static inline double rng_unit(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

static void shuffle(uint32_t *a, uint32_t n, rng *r) {
    for (uint32_t i = n; i > 1; i--) {
        uint32_t j = rng_below(r, i);
        uint32_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* ==== components ============================================================================ */

/* Weak components by Afforest (Sutton, Ben-Nun & Barak 2018): a concurrent union–find in
 * place in comp[], whose links only ever hang a larger root under a smaller one (one
 * compare-and-swap per hook), so comp[x] ≤ x always and every component ends rooted at its
 * smallest actor, whatever the threads did in whichever order. Then:
 * 1. link each actor to its first AFF_ROUNDS out-neighbours, compress: on skewed networks this
 *    already joins the giant component;
 * 2. find the most frequent root among AFF_SAMPLES actors picked by a fixed stride;
 * 3. link the remaining out-edges and all the in-edges of every actor outside that root's
 *    component (an edge from inside it is seen from its other end), compress.
 * A last sequential pass numbers the components in order of first actor: in increasing order,
 * a root gets the next id and any other actor the id its root (smaller, so already numbered)
 * holds by then. Every access to comp[] inside the parallel passes is a relaxed atomic: plain
 * loads and stores on the usual processors, defined behaviour under the memory model. */
#define AFF_ROUNDS 2
#define AFF_SAMPLES 1024

/* Components and coreness use a second thread only from this many actors + edge records on:
 * below it the whole call takes about a millisecond on one thread, and a few parallel regions
 * (each ending with libgomp's idle workers spinning for some milliseconds, on a core a loaded
 * machine needs) would cost more than they save. */
#define COH_GRAIN ((size_t)1 << 19)

#define UF_LOAD(a) __atomic_load_n((a), __ATOMIC_RELAXED)
#define UF_STORE(a, x) __atomic_store_n((a), (x), __ATOMIC_RELAXED)

static inline void uf_link(uint32_t *comp, uint32_t u, uint32_t v) {
    uint32_t p1 = UF_LOAD(&comp[u]), p2 = UF_LOAD(&comp[v]);
    while (p1 != p2) {
        uint32_t high = p1 > p2 ? p1 : p2, low = p1 > p2 ? p2 : p1;
        uint32_t ph = UF_LOAD(&comp[high]);
        if (ph == low) return; /* someone hooked it already */
        if (ph == high) {
            uint32_t expect = high;
            if (__atomic_compare_exchange_n(&comp[high], &expect, low, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
                return;
        }
        p1 = UF_LOAD(&comp[UF_LOAD(&comp[high])]);
        p2 = UF_LOAD(&comp[low]);
    }
}

/* Every entry to its root (no links run concurrently with this). */
static void uf_compress(uint32_t *comp, uint32_t n, int T) {
    (void)T;
#pragma omp parallel for schedule(dynamic, 16384) num_threads(T)
    for (uint32_t v = 0; v < n; v++) {
        uint32_t r = UF_LOAD(&comp[v]), rr;
        while (r != (rr = UF_LOAD(&comp[r]))) r = rr;
        UF_STORE(&comp[v], r);
    }
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static size_t weak_components(const lev__csr *g, uint32_t *comp, int T) {
    uint32_t n = g->n;
    (void)T;
#pragma omp parallel for schedule(static) num_threads(T)
    for (uint32_t v = 0; v < n; v++) comp[v] = v;
    for (size_t r = 0; r < AFF_ROUNDS; r++) {
#pragma omp parallel for schedule(dynamic, 16384) num_threads(T)
        for (uint32_t v = 0; v < n; v++)
            if (g->out_off[v] + r < g->out_off[v + 1]) uf_link(comp, v, g->out_adj[g->out_off[v] + r]);
        uf_compress(comp, n, T);
    }
    /* The most frequent root of a fixed sample (ties: the smallest); only speed depends on it. */
    uint32_t big = LEV_NONE;
    if (n > 0) {
        uint32_t smp[AFF_SAMPLES], ns = n < AFF_SAMPLES ? n : AFF_SAMPLES;
        for (uint32_t i = 0; i < ns; i++) smp[i] = comp[(uint32_t)(((uint64_t)i * n) / ns)];
        qsort(smp, ns, sizeof *smp, cmp_u32);
        uint32_t best = 0;
        for (uint32_t i = 0, j; i < ns; i = j) {
            for (j = i; j < ns && smp[j] == smp[i]; j++) {}
            if (j - i > best) {
                best = j - i;
                big = smp[i];
            }
        }
    }
#pragma omp parallel for schedule(dynamic, 4096) num_threads(T)
    for (uint32_t v = 0; v < n; v++) {
        if (UF_LOAD(&comp[v]) == big) continue;
        for (size_t k = g->out_off[v] + AFF_ROUNDS; k < g->out_off[v + 1]; k++) uf_link(comp, v, g->out_adj[k]);
        for (size_t k = g->in_off[v]; k < g->in_off[v + 1]; k++) uf_link(comp, v, g->in_adj[k]);
    }
    uf_compress(comp, n, T);
    size_t count = 0;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t r = comp[v];
        comp[v] = r == v ? (uint32_t)count++ : comp[r]; /* r < v holds r's id by now */
    }
    return count;
}

/* Breadth-first search from src along rows off/adj, setting `bit` in mark[] of every actor
 * reached (src included); q (n entries) is the queue. It runs on the calling thread while the
 * queue holds fewer than BFS_PAR_MIN actors (a long path costs no synchronization), and the
 * threads share the queue's current contents when it holds more: each gathers what it discovers
 * in a small buffer of its own and appends it with one atomic add, and a fetch-or decides which
 * thread discovers an actor. The set marked is the reachable set, whatever the timing. */
#define BFS_BUF 256
#define BFS_PAR_MIN 4096
static void bfs_mark(const size_t *off, const uint32_t *adj, uint32_t src, uint32_t *mark, uint32_t bit, uint32_t *q,
                     int T) {
    size_t head = 0, tail = 1;
    mark[src] |= bit;
    q[0] = src;
    while (head < tail) {
        if (T > 1 && tail - head >= BFS_PAR_MIN) {
            size_t lo = head, hi = tail;
#pragma omp parallel num_threads(T)
            {
                uint32_t buf[BFS_BUF];
                unsigned nb = 0;
#pragma omp for schedule(dynamic, 64)
                for (size_t i = lo; i < hi; i++) {
                    uint32_t v = q[i];
                    for (size_t e = off[v]; e < off[v + 1]; e++) {
                        uint32_t u = adj[e];
                        if (__atomic_load_n(&mark[u], __ATOMIC_RELAXED) & bit) continue;
                        if (__atomic_fetch_or(&mark[u], bit, __ATOMIC_RELAXED) & bit) continue;
                        buf[nb++] = u;
                        if (nb == BFS_BUF) {
                            size_t at = __atomic_fetch_add(&tail, nb, __ATOMIC_RELAXED);
                            memcpy(q + at, buf, nb * sizeof *buf);
                            nb = 0;
                        }
                    }
                }
                if (nb) {
                    size_t at = __atomic_fetch_add(&tail, nb, __ATOMIC_RELAXED);
                    memcpy(q + at, buf, nb * sizeof *buf);
                }
            }
            head = hi;
        } else {
            uint32_t v = q[head++];
            for (size_t e = off[v]; e < off[v + 1]; e++) {
                uint32_t u = adj[e];
                if (mark[u] & bit) continue;
                mark[u] |= bit;
                q[tail++] = u;
            }
        }
    }
}

/* Strong components: forward–backward from a pivot for the big one, then Tarjan for the rest
 * (the first step of Fleischer, Hendrickson & Pinar's divide and conquer, as in Hong et al.'s
 * multistep method). The pivot is the actor with the largest in-degree × out-degree (ties: the
 * smallest index), the likeliest member of a giant component; the actors both reached from it
 * and reaching it are its component, found by two parallel searches. Tarjan (lev__scc_rest)
 * then runs, on one thread, over the actors left, ignoring the placed ones (no edge between two
 * components can change either), and numbers their components 0, 1, …; the pivot's comes after
 * them. All are then renumbered in order of first actor through map[] (the scratch's low[]):
 * the partition is a fact of the network, so the ids are the same for any thread count. */
#define PLACED (LEV_NONE - 1) /* the pivot's component before numbering: no Tarjan label (< n - 1) */

static size_t strong_components(const lev__csr *g, uint32_t *comp, uint32_t *member, const lev__scc_scratch *w,
                                int T) {
    uint32_t n = g->n;
    if (n == 0) return 0;
    uint64_t best = 0;
    (void)T;
#pragma omp parallel for schedule(static) num_threads(T) reduction(max : best)
    for (uint32_t v = 0; v < n; v++) {
        uint64_t dout = g->out_off[v + 1] - g->out_off[v], din = g->in_off[v + 1] - g->in_off[v];
        uint64_t prod = dout * din;
        if (prod > UINT32_MAX) prod = UINT32_MAX;
        uint64_t key = prod << 32 | (uint64_t)(UINT32_MAX - v);
        if (prod && key > best) best = key;
    }
    for (uint32_t v = 0; v < n; v++) comp[v] = LEV_NONE;
    if (best) {
        uint32_t pivot = UINT32_MAX - (uint32_t)(best & UINT32_MAX), *mark = w->calls;
#pragma omp parallel for schedule(static) num_threads(T)
        for (uint32_t v = 0; v < n; v++) mark[v] = 0;
        bfs_mark(g->out_off, g->out_adj, pivot, mark, 1, member, T);
        bfs_mark(g->in_off, g->in_adj, pivot, mark, 2, member, T);
#pragma omp parallel for schedule(static) num_threads(T)
        for (uint32_t v = 0; v < n; v++)
            if (mark[v] == 3) comp[v] = PLACED;
    }
    uint32_t rest = lev__scc_rest(n, g->out_off, g->out_adj, comp, member, NULL, w);
    if (best) /* the pivot's component: label `rest`, one past Tarjan's (rest < n: it is not empty) */
        for (uint32_t v = 0; v < n; v++)
            if (comp[v] == PLACED) comp[v] = rest;
    uint32_t *map = w->low, count = 0;
    for (uint32_t v = 0; v <= rest && v < n; v++) map[v] = LEV_NONE;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t r = comp[v];
        if (map[r] == LEV_NONE) map[r] = count++;
        comp[v] = map[r];
    }
    return count;
}

lev_status lev_components(const lev_network *net, lev_params *p, uint32_t *component, size_t *count) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "components", component);
    if (rc) return rc;
    const lev__csr *g = c.g;
    size_t cnt;
    if (lev__param(p, LEV_P_UNDIRECTED) != 0) {
        int T = lev__cap_threads(&c, g->n + g->m, COH_GRAIN);
        cnt = weak_components(g, component, T); /* needs no scratch: cannot fail */
    } else {
        scratch s = {&c, {0}, {0}, 0};
        lev__scc_scratch sw = {sc_get(&s, g->n, sizeof *sw.idx), sc_get(&s, g->n, sizeof *sw.low),
                               sc_get(&s, g->n, sizeof *sw.calls), sc_get(&s, g->n, sizeof *sw.next)};
        uint32_t *member = sc_get(&s, g->n, sizeof *member);
        if (!sw.idx || !sw.low || !sw.calls || !sw.next || !member) {
            sc_free_all(&s);
            return lev__ctx_fail(&c, LEV_ENOMEM, "components: out of memory for %u actors", g->n);
        }
        /* Nothing can fail from here on, so component[] may be written directly. */
        cnt = strong_components(g, component, member, &sw, lev__cap_threads(&c, g->n + g->m, COH_GRAIN));
        sc_free_all(&s);
    }
    if (count) *count = cnt;
    return LEV_OK;
}

/* ==== coreness ============================================================================== */

/* How many entries of row v (sorted) equal x: two binary searches. */
static size_t count_in_row(const size_t *off, const uint32_t *adj, uint32_t v, uint32_t x) {
    size_t lo = off[v], hi = off[v + 1];
    while (lo < hi) { /* first entry >= x */
        size_t mid = lo + (hi - lo) / 2;
        if (adj[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    size_t first = lo;
    hi = off[v + 1];
    while (lo < hi) { /* first entry > x */
        size_t mid = lo + (hi - lo) / 2;
        if (adj[mid] <= x) lo = mid + 1;
        else hi = mid;
    }
    return lo - first;
}

/* Remove v at level k: every actor u adjacent through off/adj whose degree is still above k loses
 * one; one that reaches k joins the stack of level k. */
static inline void peel_row(const size_t *off, const uint32_t *adj, uint32_t v, uint32_t k, uint32_t *deg,
                            uint32_t *stack, uint32_t *sp) {
    size_t k0 = off[v], k1 = off[v + 1];
    for (size_t e = k0; e < k1; e++) {
        if (e + PREFETCH_AHEAD < k1) LEV__PREFETCH(&deg[adj[e + PREFETCH_AHEAD]]);
        uint32_t u = adj[e];
        if (deg[u] > k && --deg[u] == k) stack[(*sp)++] = u;
    }
}

/* A level's stack peeled on T threads (the peeling step of Kabir & Madduri's PKC). Thread t
 * takes its slice of the len actors stacked at level k; the last thread keeps its slice in
 * place (its stack grows past len, where nobody else reads), the others copy theirs into
 * stacks + t·n. A neighbour whose degree is still above k is decremented atomically; the one
 * decrement that takes it from k + 1 to k stacks it, and a decrement that finds k or less
 * (another thread got there first) is undone. An actor is stacked once in all, so no stack
 * outgrows its n entries. The numbers that come out (every actor's degree ends at its core
 * number) are facts of the network: the same for any T and any timing. */
static void peel_level_parallel(const lev__csr *g, int use_in, int use_out, uint32_t k, uint32_t *deg,
                                uint32_t *stack, uint32_t len, uint32_t *stacks, int T) {
    uint32_t n = g->n;
    (void)T; /* read only by the pragma: unused in a build without OpenMP */
#pragma omp parallel num_threads(T)
    {
#ifdef _OPENMP
        int t = omp_get_thread_num(), nt = omp_get_num_threads();
#else
        int t = 0, nt = 1;
#endif
        uint32_t lo = (uint32_t)(((uint64_t)len * (uint64_t)t) / (uint64_t)nt);
        uint32_t hi = (uint32_t)(((uint64_t)len * (uint64_t)(t + 1)) / (uint64_t)nt);
        uint32_t *B, sp = hi - lo;
        if (t == nt - 1) {
            B = stack + lo;
        } else {
            B = stacks + (size_t)t * n;
            memcpy(B, stack + lo, (size_t)sp * sizeof *B);
        }
        while (sp) {
            uint32_t v = B[--sp];
            for (int side = 0; side < 2; side++) {
                const size_t *off;
                const uint32_t *adj;
                if (side == 0) {
                    if (!use_in) continue;
                    off = g->out_off, adj = g->out_adj; /* v's targets lose in-degree */
                } else {
                    if (!use_out) continue;
                    off = g->in_off, adj = g->in_adj; /* v's sources lose out-degree */
                }
                size_t k0 = off[v], k1 = off[v + 1];
                for (size_t e = k0; e < k1; e++) {
                    if (e + PREFETCH_AHEAD < k1) LEV__PREFETCH(&deg[adj[e + PREFETCH_AHEAD]]);
                    uint32_t u = adj[e];
                    if (__atomic_load_n(&deg[u], __ATOMIC_RELAXED) <= k) continue;
                    uint32_t old = __atomic_fetch_sub(&deg[u], 1, __ATOMIC_RELAXED);
                    if (old == k + 1) B[sp++] = u;
                    else if (old <= k) __atomic_fetch_add(&deg[u], 1, __ATOMIC_RELAXED);
                }
            }
        }
    }
}

/* A level is peeled on one thread until it has cost this many edge records and its stack holds
 * CORE_PAR_STACK actors; only then do the threads share the rest. A parallel region costs
 * microseconds on an idle machine and far more on a loaded one, and most levels of a skewed
 * network are small: R-MAT scale 18 has 143 levels, and three of them (the shells of 972,
 * 2 886 and 6 157 actors with the largest core numbers) hold two thirds of the edge records. */
#define CORE_PAR_WORK ((size_t)1 << 17)
#define CORE_PAR_STACK 64

lev_status lev_coreness(const lev_network *net, lev_params *p, double *out) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "coreness", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    if (n == 0) return LEV_OK;
    int dir = lev__param(p, LEV_P_UNDIRECTED) != 0 ? LEV_DIR_ALL : (int)lev__param(p, LEV_P_DIRECTION);
    int use_out = (dir & LEV_DIR_OUT) != 0, use_in = (dir & LEV_DIR_IN) != 0;
#ifdef _OPENMP
    int T = lev__cap_threads(&c, (size_t)n + g->m, COH_GRAIN);
#else
    int T = 1;
#endif
    scratch s = {&c, {0}, {0}, 0};
    uint32_t *deg = sc_get(&s, n, sizeof *deg), *rem = sc_get(&s, n, sizeof *rem);
    uint32_t *stack = sc_get(&s, (size_t)n * (size_t)T, sizeof *stack);
    if (!deg || !rem || !stack) {
        sc_free_all(&s);
        return lev__ctx_fail(&c, LEV_ENOMEM, "coreness: out of memory for %u actors", n);
    }
    /* Degrees without self-loops (rows are sorted, so a row's loops are found by binary search).
     * A non-loop edge adds at most 1 to an actor's degree. */
    uint32_t too_big = UINT32_MAX;
    size_t too_big_d = 0;
#pragma omp parallel for schedule(static) num_threads(T) reduction(min : too_big)
    for (uint32_t v = 0; v < n; v++) {
        size_t d = 0;
        if (use_out) d += g->out_off[v + 1] - g->out_off[v] - count_in_row(g->out_off, g->out_adj, v, v);
        if (use_in) d += g->in_off[v + 1] - g->in_off[v] - count_in_row(g->in_off, g->in_adj, v, v);
        if (d >= UINT32_MAX && v < too_big) too_big = v;
        deg[v] = (uint32_t)d;
        rem[v] = v;
    }
    if (too_big != UINT32_MAX) {
        uint32_t v = too_big;
        if (use_out) too_big_d += g->out_off[v + 1] - g->out_off[v] - count_in_row(g->out_off, g->out_adj, v, v);
        if (use_in) too_big_d += g->in_off[v + 1] - g->in_off[v] - count_in_row(g->in_off, g->in_adj, v, v);
        sc_free_all(&s);
        return lev__ctx_fail(&c, LEV_ELIMIT, "coreness: actor %u has %zu edges, 2^32 - 1 or more", v, too_big_d);
    }
    /* Removing v lowers the counted degree of the actors whose counted edges v ends: for
     * in-degree the targets of v's out-edges, for out-degree the sources of its in-edges. Each
     * edge record lowers it by one. */
    uint32_t nrem = n, kmin = UINT32_MAX;
    for (uint32_t v = 0; v < n; v++)
        if (deg[v] < kmin) kmin = deg[v];
    while (nrem) {
        /* Level k: the smallest degree present. Stack the actors at k, keep the others. */
        uint32_t k = kmin, sp = 0, keep = 0;
        for (uint32_t i = 0; i < nrem; i++) {
            uint32_t v = rem[i];
            if (deg[v] == k) stack[sp++] = v;
            else rem[keep++] = v;
        }
        nrem = keep;
        /* Peel on this thread; once the level has cost CORE_PAR_WORK edge records and the stack
         * holds enough to share, the threads take the rest of it. */
        size_t done = 0;
        while (sp) {
            if (T > 1 && done >= CORE_PAR_WORK && sp >= CORE_PAR_STACK) {
                peel_level_parallel(g, use_in, use_out, k, deg, stack, sp, stack + n, T);
                break;
            }
            uint32_t v = stack[--sp];
            if (use_in) {
                peel_row(g->out_off, g->out_adj, v, k, deg, stack, &sp);
                done += g->out_off[v + 1] - g->out_off[v];
            }
            if (use_out) {
                peel_row(g->in_off, g->in_adj, v, k, deg, stack, &sp);
                done += g->in_off[v + 1] - g->in_off[v];
            }
        }
        /* Drop the actors that fell to k during the level; find the next level. */
        keep = 0;
        kmin = UINT32_MAX;
        for (uint32_t i = 0; i < nrem; i++) {
            uint32_t v = rem[i], d = deg[v];
            if (d > k) {
                rem[keep++] = v;
                if (d < kmin) kmin = d;
            }
        }
        nrem = keep;
    }
#pragma omp parallel for schedule(static) num_threads(T)
    for (uint32_t v = 0; v < n; v++) out[v] = (double)deg[v];
    sc_free_all(&s);
    return LEV_OK;
}

/* ==== the undirected view ==================================================================== */

/* A symmetric weighted graph: row v lists each neighbour u ≠ v once with A_vu; self[v] is A_vv
 * (twice the self-loop strength, so that k[v] = Σ_u A_vu + self[v] is the undirected strength
 * with a loop counted twice, as modularity wants); k[v] is that strength. */
typedef struct ugraph {
    uint32_t n;
    size_t nnz;
    size_t *off;
    uint32_t *adj;
    double *w;
    double *self, *k;
    double *ko, *ki; /* directed modularity only (else NULL): out- and in-strength, loops once */
} ugraph;

static void ug_free(scratch *s, ugraph *u) {
    sc_put(s, u->off);
    sc_put(s, u->adj);
    sc_put(s, u->w);
    sc_put(s, u->self);
    sc_put(s, u->k);
    sc_put(s, u->ko);
    sc_put(s, u->ki);
    memset(u, 0, sizeof *u);
}

static lev_status ug_alloc(scratch *s, ugraph *u, uint32_t n, size_t nnz, int directed) {
    memset(u, 0, sizeof *u);
    if (directed) {
        u->ko = sc_get(s, n, sizeof *u->ko);
        u->ki = sc_get(s, n, sizeof *u->ki);
        if (!u->ko || !u->ki) {
            ug_free(s, u);
            return LEV_ENOMEM;
        }
    }
    u->n = n;
    u->nnz = nnz;
    u->off = sc_get(s, (size_t)n + 1, sizeof *u->off);
    u->adj = sc_get(s, nnz, sizeof *u->adj);
    u->w = sc_get(s, nnz, sizeof *u->w);
    u->self = sc_get(s, n, sizeof *u->self);
    u->k = sc_get(s, n, sizeof *u->k);
    if (!u->off || !u->adj || !u->w || !u->self || !u->k) {
        ug_free(s, u);
        return LEV_ENOMEM;
    }
    return LEV_OK;
}

/* Merge v's out row (sorted by target) and in row (sorted by source): each distinct neighbour
 * u ≠ v once, with the summed strength both ways. With adj NULL only counts. Returns the number
 * of neighbours; *loops receives the loop strength summed over both rows (2·w per loop). */
static size_t merge_rows(const lev__csr *g, uint32_t v, int weighted, uint32_t *adj, double *w, double *loops) {
    return lev__fold_row(g, v, LEV__VIEW_BOTH, weighted ? LEV__FOLD_SUM : LEV__FOLD_COUNT, adj, w, loops);
}

/* Build the undirected view of the compact form. With perm (new id → actor) and inv (actor → new
 * id) the nodes are renumbered; rows are then in the order of the actors' ids, not the new ones.
 * Without them, node = actor and rows are sorted by neighbour. */
static lev_status ug_build(scratch *s, const lev__csr *g, int weighted, int directed, int threads,
                           const uint32_t *perm, const uint32_t *inv, ugraph *u) {
    uint32_t n = g->n;
    size_t *cnt = sc_get(s, (size_t)n + 1, sizeof *cnt);
    if (!cnt) return LEV_ENOMEM;
    (void)threads;
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads)
    for (uint32_t i = 0; i < n; i++) {
        double lp;
        cnt[i] = merge_rows(g, perm ? perm[i] : i, weighted, NULL, NULL, &lp);
    }
    size_t nnz = 0;
    for (uint32_t i = 0; i < n; i++) nnz += cnt[i];
    lev_status rc = ug_alloc(s, u, n, nnz, directed);
    if (rc) {
        sc_put(s, cnt);
        return rc;
    }
    size_t sum = 0;
    for (uint32_t i = 0; i < n; i++) {
        u->off[i] = sum;
        sum += cnt[i];
    }
    u->off[n] = sum;
    sc_put(s, cnt);
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads)
    for (uint32_t i = 0; i < n; i++) {
        double lp, kv = 0;
        size_t k0 = u->off[i], len = merge_rows(g, perm ? perm[i] : i, weighted, u->adj + k0, u->w + k0, &lp);
        for (size_t k = 0; k < len; k++) {
            kv += u->w[k0 + k];
            if (inv) u->adj[k0 + k] = inv[u->adj[k0 + k]];
        }
        u->self[i] = lp;
        u->k[i] = kv + lp;
        if (directed) {
            uint32_t a = perm ? perm[i] : i;
            double so = 0, si = 0;
            for (size_t k = g->out_off[a]; k < g->out_off[a + 1]; k++) so += weighted ? (double)lev__ow(g, k) : 1.0;
            for (size_t k = g->in_off[a]; k < g->in_off[a + 1]; k++) si += weighted ? (double)lev__iw(g, k) : 1.0;
            u->ko[i] = so;
            u->ki[i] = si;
        }
    }
    return LEV_OK;
}

/* ==== modularity ============================================================================= */

/* Q = Σ_c [ W_c / m − γ (K_c / 2m)² ] on the undirected view of the compact form, where W_c is
 * the strength of the edge records inside c (a self-loop once), K_c the summed undirected
 * strength of c's actors (a loop twice) and m the total strength. lab[v] in 0..nc−1; inw and
 * kc are scratch of nc entries. 0 when there are no edges. With kin (nc more entries of
 * scratch) directed modularity instead: Q = Σ_c [ W_c / m − γ Kout_c Kin_c / m² ]. */
static double modularity_of(const lev__csr *g, const uint32_t *lab, uint32_t nc, double gamma, int weighted,
                            double *inw, double *kc, double *kin) {
    for (uint32_t i = 0; i < nc; i++) inw[i] = kc[i] = 0;
    if (kin)
        for (uint32_t i = 0; i < nc; i++) kin[i] = 0;
    double m = 0;
    for (uint32_t v = 0; v < g->n; v++) {
        uint32_t cv = lab[v];
        double sout = 0, sin = 0, inside = 0;
        for (size_t k = g->out_off[v]; k < g->out_off[v + 1]; k++) {
            double x = weighted ? (double)lev__ow(g, k) : 1.0;
            sout += x;
            if (lab[g->out_adj[k]] == cv) inside += x;
        }
        if (weighted)
            for (size_t k = g->in_off[v]; k < g->in_off[v + 1]; k++) sin += (double)lev__iw(g, k);
        else
            sin = (double)(g->in_off[v + 1] - g->in_off[v]);
        inw[cv] += inside;
        m += sout;
        if (kin) {
            kc[cv] += sout; /* directed: out- and in-strength apart */
            kin[cv] += sin;
        } else {
            kc[cv] += sout + sin;
        }
    }
    if (!(m > 0)) return 0;
    double q = 0, m2 = 2 * m;
    for (uint32_t i = 0; i < nc; i++) {
        if (kin) {
            q += inw[i] / m - gamma * (kc[i] / m) * (kin[i] / m);
        } else {
            double f = kc[i] / m2;
            q += inw[i] / m - gamma * f * f;
        }
    }
    return q;
}

lev_status lev_modularity(const lev_network *net, const uint32_t *community, lev_params *p, double *q) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "modularity", q);
    if (rc) return rc;
    if (!community) return lev__ctx_fail(&c, LEV_EMISUSE, "modularity: the community array is NULL");
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    if (n == 0) {
        *q = 0;
        return LEV_OK;
    }
    /* Labels are any uint32: number them 0..nc−1 through an open-addressing table. */
    size_t nslot = 16;
    while (nslot < 2 * (size_t)n) nslot *= 2;
    scratch s = {&c, {0}, {0}, 0};
    uint32_t *slot = sc_get(&s, nslot, sizeof *slot), *keys = sc_get(&s, n, sizeof *keys);
    uint32_t *lab = sc_get(&s, n, sizeof *lab);
    double *inw = sc_get(&s, n, sizeof *inw), *kc = sc_get(&s, n, sizeof *kc);
    int directed = lev__param(p, LEV_P_DIRECTED_MODULARITY) != 0;
    double *kin = directed ? sc_get(&s, n, sizeof *kin) : NULL;
    if (!slot || !keys || !lab || !inw || !kc || (directed && !kin)) {
        sc_free_all(&s);
        return lev__ctx_fail(&c, LEV_ENOMEM, "modularity: out of memory for %u actors", n);
    }
    memset(slot, 0, nslot * sizeof *slot);
    uint32_t nc = 0;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t key = community[v];
        size_t h = (size_t)((key * 0x9E3779B1u) ^ (key >> 16)) & (nslot - 1);
        while (slot[h] && keys[slot[h] - 1] != key) h = (h + 1) & (nslot - 1);
        if (!slot[h]) {
            keys[nc] = key;
            slot[h] = ++nc;
        }
        lab[v] = slot[h] - 1;
    }
    *q = modularity_of(g, lab, nc, lev__param(p, LEV_P_RESOLUTION), lev__param(p, LEV_P_WEIGHTED) != 0, inw, kc,
                       kin);
    sc_free_all(&s);
    return LEV_OK;
}

/* ==== Leiden =================================================================================== */

#define LEIDEN_THETA 0.01      /* randomness of the refinement (Traag et al.'s θ) */
#define LEIDEN_BUDGET 1048576.0 /* 2^20: Leiden iterations allowed in all = max(2, this / (V + 2E')) */
#define LEIDEN_MAX_RUNS 16      /* independent runs from singletons at most */
#define PROGRESS_EVERY 65536   /* node visits between progress reports */
#define LEIDEN_PAR_MIN 4096     /* levels of at least this many nodes move in parallel batches */
#define LEIDEN_PAR_THREADS 8    /* threads at most for the batches (each holds 12 B per node) */
#define LEIDEN_PAR_WORK 65536   /* batches of fewer edge entries are evaluated by the calling thread */
#define LEIDEN_BATCHES 32       /* a sweep of a level is cut into this many batches (1024..65536 nodes) */
#define LEIDEN_LATE_MAX 3       /* passes whose helper threads came late before the call goes on alone */
#define LEIDEN_MAX_SWEEPS 64    /* sweeps of batched moving at most per level */
#define LEIDEN_WAVE 1048576     /* aggregation: row slots (entries) built before the rows are moved down */
#define LEIDEN_SWEEP_DQ 1e-4    /* batched moving stops after a sweep that raised modularity by less:
                                 * on R-MAT most of a level's sweeps (47 of 57 at scale 18's level 1)
                                 * each gain less, ~1e-3 in all, which later levels and iterations
                                 * mostly regain */

/* Working arrays, each of the original actor count n0 (every level has at most n0 nodes). */
typedef struct leiden {
    const lev__ctx *c;
    scratch *s;
    rng r;
    double dq_stop;     /* LEIDEN_SWEEP_DQ in the units of a move's gain: ΔQ = (gain − stay) / m */
    double gres;        /* γ / 2m: the resolution per unit of strength product (directed: γ / m) */
    int directed;       /* directed modularity: Louvain (no refinement) on k_out·k_in */
    double *Ko;         /* directed: out-strength per community (ak[2c + 1] then holds the in-strength) */
    uint32_t *comm;     /* community of each node of the current level */
    uint32_t *csize;    /* nodes per community */
    double *K;          /* summed strength per community (refinement, aggregation) */
    double *ak;         /* moving: ak[2c] strength from the current node to c, ak[2c+1] c's strength */
    uint32_t *empty;    /* stack of empty community ids */
    uint32_t *queue;    /* circular queue of nodes to visit */
    unsigned char *flag;/* in queue (moving) / still a singleton (refinement) */
    double *acc;        /* strength from the current node to each community */
    uint32_t *touched;  /* communities with acc > 0 */
    uint32_t *ref;      /* refined community of each node */
    double *Kr, *ext;   /* refined communities: strength; strength to the rest of their community */
    uint32_t *map;      /* relabelling */
    uint32_t *members, *start; /* nodes grouped by refined community (start: n0 + 1) */
    uint32_t *node_of;  /* original actor → node of the current level */
    uint32_t *cand;     /* refinement candidates */
    double *cgain;
    double *tacc;       /* per thread (tn of them), 2 n0 entries: pairs as ak (the first is ak) */
    uint32_t *ttouch;   /* per thread: communities touched */
    int tn;             /* threads for the batched passes (their count never changes a result) */
    int late;           /* batched passes whose helper threads arrived late (see par_note) */
    uint32_t n0;        /* actors: the stride of tacc and ttouch */
    size_t nnz0;        /* entries of the undirected view: the capacity of the level buffers */
    uint32_t *lb_adj[2];/* two level buffers for the rows of aggregated levels (lazily) */
    double *lb_w[2];
    int lb_next;        /* the level buffer the next aggregate writes */
    uint64_t visits;    /* node visits, for progress reports */
    long round, budget;   /* Leiden iterations so far (all runs) and allowed */
} leiden;

static lev_status leiden_progress(leiden *L) {
    double done = (double)L->round / (double)L->budget;
    if (done > 1) done = 1;
    return lev__ctx_progress(L->c, done, "communities");
}

/* Threads for a batched pass over vol edge entries: the call's (L->tn) when the pass is big
 * enough to pay for waking them, else 1. */
static int par_team(const leiden *L, size_t vol) { return vol >= LEIDEN_PAR_WORK ? L->tn : 1; }

/* After a batched pass of `items` on `team` threads, of which the helpers (threads other than
 * the calling one) did `helped`: helpers that took none of the items arrived late (after the
 * calling thread had done them all), as they do on an oversubscribed machine, where every pass would then wait for it to be
 * scheduled; after LEIDEN_LATE_MAX such passes the rest of the call runs on the calling thread.
 * Only the schedule changes: every result is the same for any number of threads. */
static void par_note(leiden *L, int team, uint32_t helped, uint32_t items) {
    (void)items;
    if (team > 1 && helped == 0 && ++L->late >= LEIDEN_LATE_MAX) L->tn = 1;
}

/* Queue-based local moving (Traag et al.'s MoveNodesFast) of the nodes of g, from the partition
 * in L->comm (ids < g->n). Sets *moved when any node changed community. */
static lev_status move_nodes(leiden *L, const ugraph *g, int *moved) {
    uint32_t n = g->n;
    uint32_t *comm = L->comm, *csize = L->csize, *empty = L->empty, *queue = L->queue, *touched = L->touched;
    double *ak = L->ak, gres = L->gres; /* ak[2c]: strength from v to c; ak[2c + 1]: c's strength */
    unsigned char *inq = L->flag;
    int dir = L->directed;
    double *Ko = L->Ko;
    for (uint32_t i = 0; i < n; i++) {
        csize[i] = 0;
        ak[2 * (size_t)i] = ak[2 * (size_t)i + 1] = 0;
        if (dir) Ko[i] = 0;
    }
    for (uint32_t v = 0; v < n; v++) {
        csize[comm[v]]++;
        if (dir) {
            ak[2 * (size_t)comm[v] + 1] += g->ki[v];
            Ko[comm[v]] += g->ko[v];
        } else {
            ak[2 * (size_t)comm[v] + 1] += g->k[v];
        }
    }
    uint32_t ne = 0;
    for (uint32_t i = 0; i < n; i++)
        if (csize[i] == 0) empty[ne++] = i;
    for (uint32_t i = 0; i < n; i++) {
        queue[i] = i;
        inq[i] = 1;
    }
    shuffle(queue, n, &L->r);
    uint32_t head = 0, len = n;
    while (len) {
        uint32_t v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        len--;
        inq[v] = 0;
        if ((++L->visits % PROGRESS_EVERY) == 0) {
            lev_status rc = leiden_progress(L);
            if (rc) return rc;
        }
        uint32_t cv = comm[v], nt = 0;
        double kv = g->k[v], gk = gres * kv;
        /* directed: gain = a[0] − gres·(ko_v·Kin_c + ki_v·Kout_c), as gk·a[1] + gki·Ko[c] */
        double gki = 0;
        if (dir) {
            kv = g->ko[v] + g->ki[v];
            gk = gres * g->ko[v];
            gki = gres * g->ki[v];
        }
        size_t e0 = g->off[v], e1 = g->off[v + 1];
        for (size_t e = e0; e < e1; e++) {
            if (e + PREFETCH_AHEAD < e1) LEV__PREFETCH(&comm[g->adj[e + PREFETCH_AHEAD]]);
            uint32_t cu = comm[g->adj[e]];
            double *a = ak + 2 * (size_t)cu;
            if (a[0] == 0) touched[nt++] = cu;
            a[0] += g->w[e];
        }
        double *acv = ak + 2 * (size_t)cv;
        if (dir) {
            acv[1] -= g->ki[v];
            Ko[cv] -= g->ko[v];
            if (--csize[cv] == 0) acv[1] = Ko[cv] = 0;
        } else {
            acv[1] -= kv;
            if (--csize[cv] == 0) acv[1] = 0;
        }
        double stay = acv[0] - gk * acv[1] - (dir ? gki * Ko[cv] : 0), best_gain = stay;
        uint32_t best = cv;
        for (uint32_t i = 0; i < nt; i++) {
            double *a = ak + 2 * (size_t)touched[i];
            double gain = a[0] - gk * a[1] - (dir ? gki * Ko[touched[i]] : 0);
            a[0] = 0;
            if (gain > best_gain) {
                best_gain = gain;
                best = touched[i];
            }
        }
        acv[0] = 0;
        /* Alone in an empty community the gain is 0. */
        if (best_gain < 0 && csize[cv] > 0) {
            best_gain = 0;
            best = empty[--ne];
        }
        /* Move only on a gain clearly above rounding, so that no two nodes trade places for ever. */
        if (best != cv && !(best_gain - stay > 1e-12 * kv)) {
            if (csize[best] == 0) empty[ne++] = best; /* give the empty id back */
            best = cv;
        }
        comm[v] = best;
        if (dir) {
            ak[2 * (size_t)best + 1] += g->ki[v];
            Ko[best] += g->ko[v];
        } else {
            ak[2 * (size_t)best + 1] += kv;
        }
        csize[best]++;
        if (best != cv) {
            *moved = 1;
            if (csize[cv] == 0) empty[ne++] = cv;
            for (size_t e = g->off[v]; e < g->off[v + 1]; e++) {
                uint32_t u = g->adj[e];
                if (!inq[u] && comm[u] != best) {
                    inq[u] = 1;
                    uint32_t tail = head + len;
                    if (tail >= n) tail -= n;
                    queue[tail] = u;
                    len++;
                }
            }
        }
    }
    return LEV_OK;
}

/* ---- batched parallel local moving (levels of LEIDEN_PAR_MIN nodes or more) ----------------- */

/* The state a batch is evaluated against: community of each node, nodes and strength per
 * community (directed: in-strength in tot, out-strength in Ko). */
typedef struct move_state {
    const ugraph *g;
    const uint32_t *comm, *csize;
    const double *Ko;
    double gres;
    int dir;
} move_state;

#define MOVE_NEW UINT32_MAX /* a move into an empty community */

/* The best move of v against the frozen state S (the sequential rule of move_nodes): returns
 * comm[v] to stay, another community, or MOVE_NEW; *a_best and *a_stay receive the strength from
 * v to the chosen community and to its own. ak is the thread's copy of move_nodes' pairs:
 * ak[2c] the strength from v to c (kept zero between calls), ak[2c + 1] c's strength (directed:
 * in-strength), so that one cache line serves both; touched is the thread's. */
static uint32_t eval_move(const move_state *S, uint32_t v, double *ak, uint32_t *touched, double *a_best,
                          double *a_stay) {
    const ugraph *g = S->g;
    const uint32_t *comm = S->comm;
    uint32_t cv = comm[v], nt = 0;
    double kv = g->k[v], gk = S->gres * kv, gki = 0, kin = kv, kout = 0;
    if (S->dir) {
        kv = g->ko[v] + g->ki[v];
        gk = S->gres * g->ko[v];
        gki = S->gres * g->ki[v];
        kin = g->ki[v];
        kout = g->ko[v];
    }
    size_t e0 = g->off[v], e1 = g->off[v + 1];
    /* two-stage prefetch: the community of the entry 2·PREFETCH_AHEAD ahead, then the pair of
     * the community PREFETCH_AHEAD ahead (its community is in cache by then) */
    const uint32_t *adj = g->adj;
    const double *w = g->w;
    size_t e = e0;
    if (e1 - e0 > 2 * PREFETCH_AHEAD) {
        for (size_t f = e0; f < e0 + 2 * PREFETCH_AHEAD; f++) LEV__PREFETCH(&comm[adj[f]]);
        for (; e + 2 * PREFETCH_AHEAD < e1; e++) {
            LEV__PREFETCH(&comm[adj[e + 2 * PREFETCH_AHEAD]]);
            LEV__PREFETCH(ak + 2 * (size_t)comm[adj[e + PREFETCH_AHEAD]]);
            uint32_t cu = comm[adj[e]];
            double *a = ak + 2 * (size_t)cu;
            if (a[0] == 0) touched[nt++] = cu;
            a[0] += w[e];
        }
    }
    for (; e < e1; e++) {
        uint32_t cu = comm[adj[e]];
        double *a = ak + 2 * (size_t)cu;
        if (a[0] == 0) touched[nt++] = cu;
        a[0] += w[e];
    }
    /* v's own community without v (exactly 0 when v is alone, as move_nodes has it) */
    int alone = S->csize[cv] == 1;
    double *acv = ak + 2 * (size_t)cv;
    double tcv = alone ? 0 : acv[1] - kin, kocv = S->dir ? (alone ? 0 : S->Ko[cv] - kout) : 0;
    double stay = acv[0] - gk * tcv - gki * kocv, best_gain = stay, abest = acv[0];
    uint32_t best = cv;
    for (uint32_t i = 0; i < nt; i++) {
        uint32_t t = touched[i];
        double *a = ak + 2 * (size_t)t;
        if (t != cv) {
            double gain = a[0] - gk * a[1] - (S->dir ? gki * S->Ko[t] : 0);
            if (gain > best_gain) {
                best_gain = gain;
                best = t;
                abest = a[0];
            }
        }
    }
    *a_stay = acv[0];
    *a_best = abest;
    for (uint32_t i = 0; i < nt; i++) ak[2 * (size_t)touched[i]] = 0;
    if (best_gain < 0 && !alone) {
        best_gain = 0;
        best = MOVE_NEW;
        *a_best = 0;
    }
    if (best != cv && !(best_gain - stay > 1e-12 * kv)) best = cv;
    return best;
}

/* Local moving in batches, deterministic for any number of threads: the nodes are visited in a
 * seeded order; the next (at most B) active ones form a batch, whose best moves are evaluated
 * in parallel against the state frozen at the batch's start, then applied one by one in the
 * batch's order, each re-checked against the state as updated by the moves before it (a move
 * into a community emptied meanwhile, or one that no longer gains, is dropped; a node whose
 * neighbour moved before it in the batch is evaluated again). A node that moves activates its
 * neighbours outside its new community; sweeps repeat while nodes are active (at most
 * LEIDEN_MAX_SWEEPS), and stop after a sweep whose moves together raised modularity by less than
 * LEIDEN_SWEEP_DQ (summed in the order the moves are applied: the same for any thread count).
 * Each thread has its own copy of the community strengths, interleaved with its accumulator (see
 * eval_move); copy 0 is the master, and every move updates all copies. */
static lev_status move_nodes_par(leiden *L, const ugraph *g, int *moved) {
    uint32_t n = g->n;
    uint32_t *comm = L->comm, *csize = L->csize, *empty = L->empty, *order = L->queue;
    uint32_t *batch = L->cand, *dest = L->members, *stamp = L->start;
    double *Ko = L->Ko, *abest = L->cgain, *astay = L->ext, gres = L->gres, *ak0 = L->tacc;
    unsigned char *active = L->flag;
    int dir = L->directed, tn = L->tn;
    size_t stride = 2 * (size_t)L->n0;
    for (uint32_t i = 0; i < n; i++) {
        csize[i] = 0;
        ak0[2 * (size_t)i + 1] = 0;
        if (dir) Ko[i] = 0;
    }
    for (uint32_t v = 0; v < n; v++) {
        csize[comm[v]]++;
        if (dir) {
            ak0[2 * (size_t)comm[v] + 1] += g->ki[v];
            Ko[comm[v]] += g->ko[v];
        } else {
            ak0[2 * (size_t)comm[v] + 1] += g->k[v];
        }
    }
    for (int t = 1; t < tn; t++)
        for (uint32_t i = 0; i < n; i++) ak0[t * stride + 2 * (size_t)i + 1] = ak0[2 * (size_t)i + 1];
    uint32_t ne = 0;
    for (uint32_t i = 0; i < n; i++)
        if (csize[i] == 0) empty[ne++] = i;
    for (uint32_t i = 0; i < n; i++) {
        order[i] = i;
        active[i] = 1;
        stamp[i] = 0;
    }
    shuffle(order, n, &L->r);
    uint32_t nbatch = 0, B = n / LEIDEN_BATCHES;
    if (B < 1024) B = 1024;
    if (B > 65536) B = 65536;
    move_state S = {g, comm, csize, Ko, gres, dir};
    for (int sweep = 0; sweep < LEIDEN_MAX_SWEEPS; sweep++) {
        uint32_t pos = 0, visited = 0;
        double dqs = 0;
        while (pos < n) {
            uint32_t nb = 0;
            size_t vol = 0;
            while (pos < n && nb < B) {
                uint32_t v = order[pos++];
                if (active[v]) {
                    active[v] = 0;
                    batch[nb++] = v;
                    vol += g->off[v + 1] - g->off[v];
                }
            }
            if (nb == 0) break;
            visited += nb;
            int team = par_team(L, vol);
            uint32_t helped = 0;
#pragma omp parallel num_threads(team) if (team > 1) reduction(+ : helped)
            {
                int tid = lev__thread_num();
                double *ak = ak0 + (size_t)tid * stride;
                uint32_t *touched = L->ttouch + (size_t)tid * L->n0;
#pragma omp for schedule(dynamic, 64)
                for (uint32_t i = 0; i < nb; i++) {
                    dest[i] = eval_move(&S, batch[i], ak, touched, &abest[i], &astay[i]);
                    helped += tid != 0;
                }
            }
            par_note(L, team, helped, nb);
            nbatch++;
            for (uint32_t i = 0; i < nb; i++) {
                uint32_t v = batch[i], cv = comm[v], d = dest[i];
                if (d == cv) continue; /* staying is safe whatever moved before it */
                if (stamp[v] == nbatch) { /* a neighbour moved before it in this batch: evaluate again */
                    d = dest[i] = eval_move(&S, v, ak0, L->ttouch, &abest[i], &astay[i]);
                    if (d == cv) continue;
                }
                double kv = g->k[v], kin = kv, kout = 0, gk = gres * kv, gki = 0;
                if (dir) {
                    kin = g->ki[v];
                    kout = g->ko[v];
                    kv = kin + kout;
                    gk = gres * kout;
                    gki = gres * kin;
                }
                if (d != MOVE_NEW && csize[d] == 0) continue; /* emptied by an earlier move */
                int alone = csize[cv] == 1;
                double tcv = alone ? 0 : ak0[2 * (size_t)cv + 1] - kin, kocv = dir ? (alone ? 0 : Ko[cv] - kout) : 0;
                double stay = astay[i] - gk * tcv - gki * kocv, gain = 0;
                if (d == MOVE_NEW) {
                    if (alone) continue;
                } else {
                    gain = abest[i] - gk * ak0[2 * (size_t)d + 1] - (dir ? gki * Ko[d] : 0);
                }
                if (!(gain - stay > 1e-12 * kv)) continue;
                dqs += gain - stay;
                if (d == MOVE_NEW) d = empty[--ne];
                /* leave cv (exactly 0 once empty, as move_nodes has it) and join d, in every copy */
                double tc, td = ak0[2 * (size_t)d + 1] + kin;
                if (--csize[cv] == 0) {
                    tc = 0;
                    if (dir) Ko[cv] = 0;
                    empty[ne++] = cv;
                } else {
                    tc = ak0[2 * (size_t)cv + 1] - kin;
                    if (dir) Ko[cv] -= kout;
                }
                for (int t = 0; t < tn; t++) {
                    ak0[t * stride + 2 * (size_t)cv + 1] = tc;
                    ak0[t * stride + 2 * (size_t)d + 1] = td;
                }
                if (dir) Ko[d] += kout;
                csize[d]++;
                comm[v] = d;
                *moved = 1;
                for (size_t e = g->off[v]; e < g->off[v + 1]; e++) {
                    uint32_t u = g->adj[e];
                    stamp[u] = nbatch;
                    if (comm[u] != d) active[u] = 1;
                }
            }
            L->visits += nb;
            if ((L->visits / PROGRESS_EVERY) != ((L->visits - nb) / PROGRESS_EVERY)) {
                lev_status rc = leiden_progress(L);
                if (rc) return rc;
            }
        }
        if (visited == 0) break;
        if (dqs < L->dq_stop) break; /* the sweep raised modularity by less than LEIDEN_SWEEP_DQ */
    }
    return LEV_OK;
}

/* Number labels lab[0..n−1] (each < n) 0.. in order of first node; returns the count. */
static uint32_t relabel(uint32_t *lab, uint32_t n, uint32_t *map) {
    for (uint32_t i = 0; i < n; i++) map[i] = LEV_NONE;
    uint32_t cnt = 0;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t x = lab[v];
        if (map[x] == LEV_NONE) map[x] = cnt++;
        lab[v] = map[x];
    }
    return cnt;
}

/* Traag et al.'s refinement (MergeNodesSubset for every community at once): from singletons,
 * each still-single, well-connected node joins a well-connected refined community of its own
 * community, drawn with probability ∝ exp(gain/θ) among those with gain ≥ 0 (staying alone has
 * gain 0). L->comm (ids < n) and L->K are the partition being refined. Writes L->ref, numbered
 * 0..R−1 in order of first node; returns R. */
static lev_status refine(leiden *L, const ugraph *g, uint32_t *R) {
    uint32_t n = g->n;
    uint32_t *comm = L->comm, *ref = L->ref, *order = L->queue, *touched = L->touched, *cand = L->cand;
    double *Kr = L->Kr, *ext = L->ext, *acc = L->acc, *K = L->K, *cgain = L->cgain, gres = L->gres;
    unsigned char *single = L->flag;
    for (uint32_t v = 0; v < n; v++) {
        ref[v] = v;
        Kr[v] = g->k[v];
        single[v] = 1;
        double x = 0;
        for (size_t e = g->off[v]; e < g->off[v + 1]; e++)
            if (comm[g->adj[e]] == comm[v]) x += g->w[e];
        ext[v] = x;
        order[v] = v;
    }
    shuffle(order, n, &L->r);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t v = order[i];
        if ((++L->visits % PROGRESS_EVERY) == 0) {
            lev_status rc = leiden_progress(L);
            if (rc) return rc;
        }
        if (!single[v]) continue;
        uint32_t cv = comm[v];
        double kv = g->k[v], KC = K[cv];
        if (ext[v] < gres * kv * (KC - kv)) continue; /* not well connected to its community */
        uint32_t nt = 0;
        for (size_t e = g->off[v]; e < g->off[v + 1]; e++) {
            uint32_t u = g->adj[e];
            if (comm[u] != cv) continue;
            uint32_t ru = ref[u];
            if (acc[ru] == 0) touched[nt++] = ru;
            acc[ru] += g->w[e];
        }
        uint32_t nc = 0;
        double maxg = 0;
        for (uint32_t t = 0; t < nt; t++) {
            uint32_t sct = touched[t];
            if (ext[sct] < gres * Kr[sct] * (KC - Kr[sct])) continue; /* not well connected */
            double gain = acc[sct] - gres * kv * Kr[sct];
            if (gain < 0) continue;
            cand[nc] = sct;
            cgain[nc++] = gain;
            if (gain > maxg) maxg = gain;
        }
        if (nc) {
            /* weights exp((gain − max)/θ); staying alone (gain 0) is the last option */
            double total = exp(-maxg / LEIDEN_THETA);
            for (uint32_t t = 0; t < nc; t++) total += (cgain[t] = exp((cgain[t] - maxg) / LEIDEN_THETA));
            double x = rng_unit(&L->r) * total;
            uint32_t pick = LEV_NONE;
            for (uint32_t t = 0; t < nc; t++) {
                if (x < cgain[t]) {
                    pick = cand[t];
                    break;
                }
                x -= cgain[t];
            }
            if (pick != LEV_NONE) {
                ref[v] = pick;
                Kr[pick] += kv;
                Kr[v] = 0;
                ext[pick] += ext[v] - 2 * acc[pick];
                single[pick] = 0;
                single[v] = 0;
            }
        }
        for (uint32_t t = 0; t < nt; t++) acc[touched[t]] = 0;
    }
    *R = relabel(ref, n, L->map);
    return LEV_OK;
}

/* A uniform number in [0, 1) for node v from a per-call key (counter-based: the same for any
 * schedule). */
static inline double unit_of(uint64_t key, uint32_t v) {
    uint64_t x = key ^ ((uint64_t)v * 0x9E3779B97F4A7C15ull);
    return (double)(splitmix64(&x) >> 11) * 0x1.0p-53;
}

/* The refinement's choice for node v against the frozen state (the rule of refine(), its
 * random number from unit_of): the refined community it joins, or LEV_NONE to stay alone; *av
 * receives the strength from v to it. acc (kept zero) and touched are the thread's. */
static uint32_t eval_refine(const leiden *L, const ugraph *g, uint32_t v, uint64_t key, double *acc,
                            uint32_t *touched, double *av) {
    const uint32_t *comm = L->comm, *ref = L->ref;
    const double *Kr = L->Kr, *ext = L->ext;
    double gres = L->gres;
    uint32_t cv = comm[v];
    double kv = g->k[v], KC = L->K[cv];
    if (ext[v] < gres * kv * (KC - kv)) return LEV_NONE; /* not well connected to its community */
    uint32_t nt = 0;
    for (size_t e = g->off[v]; e < g->off[v + 1]; e++) {
        uint32_t u = g->adj[e];
        if (comm[u] != cv) continue;
        uint32_t ru = ref[u];
        double *a = acc + 2 * (size_t)ru;
        if (a[0] == 0) touched[nt++] = ru;
        a[0] += g->w[e];
    }
    /* the candidates, well connected with a gain ≥ 0, compacted to the front of touched */
    uint32_t nc = 0, pick = LEV_NONE;
    double maxg = 0;
    for (uint32_t t = 0; t < nt; t++) {
        uint32_t sct = touched[t];
        if (ext[sct] < gres * Kr[sct] * (KC - Kr[sct])) continue; /* not well connected */
        double gain = acc[2 * (size_t)sct] - gres * kv * Kr[sct];
        if (gain < 0) continue;
        touched[t] = touched[nc];
        touched[nc++] = sct;
        if (gain > maxg) maxg = gain;
    }
    if (nc) {
        /* weights exp((gain − max)/θ); staying alone (gain 0) is the last option */
        double total = exp(-maxg / LEIDEN_THETA);
        for (uint32_t t = 0; t < nc; t++) total += exp((acc[2 * (size_t)touched[t]] - gres * kv * Kr[touched[t]] - maxg) / LEIDEN_THETA);
        double x = unit_of(key, v) * total;
        for (uint32_t t = 0; t < nc; t++) {
            double wt = exp((acc[2 * (size_t)touched[t]] - gres * kv * Kr[touched[t]] - maxg) / LEIDEN_THETA);
            if (x < wt) {
                pick = touched[t];
                break;
            }
            x -= wt;
        }
    }
    *av = pick == LEV_NONE ? 0 : acc[2 * (size_t)pick];
    for (uint32_t t = 0; t < nt; t++) acc[2 * (size_t)touched[t]] = 0;
    return pick;
}

/* The refinement in batches (levels of LEIDEN_PAR_MIN nodes or more), deterministic for any
 * number of threads: nodes in seeded order, B at a time; each still-single node's choice is
 * drawn in parallel against the state frozen at the batch's start, from its own counter-based
 * random number; the choices are then applied in order, skipping a node that another joined
 * meanwhile and a choice whose refined community emptied meanwhile (the strength to the chosen
 * community is recounted when a neighbour joined a refined community before it in the batch). */
static lev_status refine_par(leiden *L, const ugraph *g, uint32_t *R) {
    uint32_t n = g->n;
    uint32_t *comm = L->comm, *ref = L->ref, *order = L->queue, *batch = L->members, *dest = L->empty;
    uint32_t *stamp = L->start;
    double *Kr = L->Kr, *ext = L->ext, *abuf = L->cgain;
    unsigned char *single = L->flag;
    int tn = L->tn;
    (void)tn; /* read only by the pragmas: unused in a build without OpenMP */
#pragma omp parallel for schedule(dynamic, 1024) num_threads(tn)
    for (uint32_t v = 0; v < n; v++) {
        ref[v] = v;
        Kr[v] = g->k[v];
        single[v] = 1;
        stamp[v] = 0;
        double x = 0;
        for (size_t e = g->off[v]; e < g->off[v + 1]; e++)
            if (comm[g->adj[e]] == comm[v]) x += g->w[e];
        ext[v] = x;
    }
    for (uint32_t v = 0; v < n; v++) order[v] = v;
    shuffle(order, n, &L->r);
    uint64_t key = rng_next(&L->r);
    uint32_t B = n / LEIDEN_BATCHES, nbatch = 0;
    if (B < 1024) B = 1024;
    if (B > 65536) B = 65536;
    for (uint32_t pos = 0; pos < n;) {
        uint32_t nb = 0;
        size_t vol = 0;
        while (pos < n && nb < B) {
            uint32_t v = order[pos++];
            batch[nb++] = v;
            vol += g->off[v + 1] - g->off[v];
        }
        int team = par_team(L, vol);
        uint32_t helped = 0;
#pragma omp parallel num_threads(team) if (team > 1) reduction(+ : helped)
        {
            int tid = lev__thread_num();
            double *acc = L->tacc + (size_t)tid * 2 * L->n0;
            uint32_t *touched = L->ttouch + (size_t)tid * L->n0;
#pragma omp for schedule(dynamic, 64)
            for (uint32_t i = 0; i < nb; i++) {
                uint32_t v = batch[i];
                dest[i] = single[v] ? eval_refine(L, g, v, key, acc, touched, &abuf[i]) : LEV_NONE;
                helped += tid != 0;
            }
        }
        par_note(L, team, helped, nb);
        nbatch++;
        for (uint32_t i = 0; i < nb; i++) {
            uint32_t v = batch[i], pick = dest[i];
            if (pick == LEV_NONE || !single[v] || Kr[pick] == 0) continue;
            double a = abuf[i];
            if (stamp[v] == nbatch) { /* a neighbour joined before it in this batch: recount */
                a = 0;
                for (size_t e = g->off[v]; e < g->off[v + 1]; e++)
                    if (ref[g->adj[e]] == pick) a += g->w[e];
            }
            ref[v] = pick;
            Kr[pick] += g->k[v];
            Kr[v] = 0;
            ext[pick] += ext[v] - 2 * a;
            single[pick] = 0;
            single[v] = 0;
            for (size_t e = g->off[v]; e < g->off[v + 1]; e++) stamp[g->adj[e]] = nbatch;
        }
        L->visits += nb;
        if ((L->visits / PROGRESS_EVERY) != ((L->visits - nb) / PROGRESS_EVERY)) {
            lev_status rc = leiden_progress(L);
            if (rc) return rc;
        }
    }
    *R = relabel(ref, n, L->map);
    return LEV_OK;
}

/* The graph of the refined communities: node S has the summed strength of its members, A_SS the
 * strength inside it (both orders, as self does), and A_ST the strength between S and T. Each
 * row S is built by one thread into its slot of an array of g's size (the slot holds the
 * members' rows, an upper bound), in the order its members' rows name the neighbours; then the
 * rows are moved down to close the gaps, in order, and the arrays shrunk to fit. The same rows,
 * bit for bit, for any number of threads. */
static lev_status aggregate(leiden *L, const ugraph *g, uint32_t R, ugraph *h) {
    uint32_t n = g->n, *ref = L->ref, *members = L->members, *start = L->start;
    for (uint32_t i = 0; i <= R; i++) start[i] = 0;
    for (uint32_t v = 0; v < n; v++) start[ref[v] + 1]++;
    for (uint32_t i = 0; i < R; i++) start[i + 1] += start[i];
    for (uint32_t v = 0; v < n; v++) members[start[ref[v]]++] = v;
    for (uint32_t i = R; i > 0; i--) start[i] = start[i - 1];
    start[0] = 0;
    /* rows go into one of two level buffers of the undirected view's size, kept for the whole
     * call (a level's rows never outnumber the view's), alternately: the level being aggregated
     * holds the other one */
    int b = L->lb_next;
    if (!L->lb_adj[b]) {
        L->lb_adj[b] = sc_get(L->s, L->nnz0, sizeof *h->adj);
        L->lb_w[b] = sc_get(L->s, L->nnz0, sizeof *h->w);
        if (!L->lb_adj[b] || !L->lb_w[b]) return LEV_ENOMEM;
    }
    lev_status rc = ug_alloc(L->s, h, R, 0, L->directed);
    if (rc) return rc;
    sc_put(L->s, h->adj);
    sc_put(L->s, h->w);
    h->adj = L->lb_adj[b];
    h->w = L->lb_w[b];
    L->lb_next = b ^ 1;
    /* Rows are built in waves of consecutive S whose slots (each the summed row lengths of its
     * members, an upper bound) hold at most LEIDEN_WAVE entries (or one row): a wave's slots
     * start where the rows before it ended, and its rows are moved down together before the
     * next wave, so the level buffer is touched little beyond the rows it keeps. */
    size_t *slot = h->off, pos = 0;
    for (uint32_t S = 0; S < R; S++) {
        size_t rb = 0;
        for (uint32_t i = start[S]; i < start[S + 1]; i++) rb += g->off[members[i] + 1] - g->off[members[i]];
        slot[S] = rb; /* the row's bound until its wave places it */
    }
    uint32_t *len = L->map; /* row lengths, R ≤ n entries */
    for (uint32_t S0 = 0, S1; S0 < R; S0 = S1) {
        size_t wb = 0;
        for (S1 = S0; S1 < R && (S1 == S0 || wb + slot[S1] <= LEIDEN_WAVE); S1++) {
            size_t rb = slot[S1];
            slot[S1] = pos + wb;
            wb += rb;
        }
        int team = R >= LEIDEN_PAR_MIN ? par_team(L, wb) : 1;
        uint32_t helped = 0;
#pragma omp parallel num_threads(team) if (team > 1) reduction(+ : helped)
        {
            int tid = lev__thread_num();
            double *acc = L->tacc + (size_t)tid * 2 * L->n0; /* pairs: the even entries */
            uint32_t *touched = L->ttouch + (size_t)tid * L->n0;
#pragma omp for schedule(dynamic, 256)
            for (uint32_t S = S0; S < S1; S++) {
                uint32_t nt = 0;
                double self = 0, k = 0, ko = 0, ki = 0;
                size_t at = slot[S];
                for (uint32_t i = start[S]; i < start[S + 1]; i++) {
                    uint32_t v = members[i];
                    self += g->self[v];
                    k += g->k[v];
                    if (L->directed) {
                        ko += g->ko[v];
                        ki += g->ki[v];
                    }
                    size_t e1 = g->off[v + 1];
                    for (size_t e = g->off[v]; e < e1; e++) {
                        if (e + PREFETCH_AHEAD < e1) LEV__PREFETCH(&ref[g->adj[e + PREFETCH_AHEAD]]);
                        uint32_t T = ref[g->adj[e]];
                        if (T == S) {
                            self += g->w[e];
                            continue;
                        }
                        double *a = acc + 2 * (size_t)T;
                        if (a[0] == 0) touched[nt++] = T;
                        a[0] += g->w[e];
                    }
                }
                for (uint32_t t = 0; t < nt; t++) {
                    double *a = acc + 2 * (size_t)touched[t];
                    h->adj[at] = touched[t];
                    h->w[at++] = a[0];
                    a[0] = 0;
                }
                len[S] = nt;
                helped += tid != 0;
                h->self[S] = self;
                h->k[S] = k;
                if (L->directed) {
                    h->ko[S] = ko;
                    h->ki[S] = ki;
                }
            }
        }
        par_note(L, team, helped, S1 - S0);
        for (uint32_t S = S0; S < S1; S++) {
            size_t from = slot[S];
            h->off[S] = pos;
            if (from != pos && len[S]) {
                memmove(h->adj + pos, h->adj + from, len[S] * sizeof *h->adj);
                memmove(h->w + pos, h->w + from, len[S] * sizeof *h->w);
            }
            pos += len[S];
        }
    }
    h->off[R] = pos;
    h->nnz = pos;
    return LEV_OK;
}

/* One Leiden iteration on g0 from the partition memb[] (ids < n0); writes the new partition
 * back into memb[] (numbered in order of first actor) and sets *moved if it changed. */
static lev_status leiden_round(leiden *L, const ugraph *g0, uint32_t *memb, int *moved) {
    uint32_t n0 = g0->n;
    lev_status rc = LEV_OK;
    ugraph cur = *g0, next;
    int own = 0; /* cur was allocated here (not g0); its rows are in a level buffer */
    L->lb_next = 0;
    for (uint32_t v = 0; v < n0; v++) {
        L->comm[v] = memb[v];
        L->node_of[v] = v;
    }
    for (;;) {
        rc = cur.n >= LEIDEN_PAR_MIN ? move_nodes_par(L, &cur, moved) : move_nodes(L, &cur, moved);
        if (rc) break;
        uint32_t nc = relabel(L->comm, cur.n, L->map);
        if (nc == cur.n) break; /* every node alone: done */
        /* K per (relabelled) community for the refinement's well-connectedness tests */
        for (uint32_t i = 0; i < nc; i++) L->K[i] = 0;
        for (uint32_t v = 0; v < cur.n; v++) L->K[L->comm[v]] += cur.k[v];
        uint32_t R = cur.n;
        if (!L->directed) { /* directed: Louvain, aggregate by the partition itself */
            rc = cur.n >= LEIDEN_PAR_MIN ? refine_par(L, &cur, &R) : refine(L, &cur, &R);
            if (rc) break;
        }
        if (R == cur.n) { /* the refinement merged nothing: aggregate by the partition itself */
            for (uint32_t v = 0; v < cur.n; v++) L->ref[v] = L->comm[v];
            R = nc;
        }
        rc = aggregate(L, &cur, R, &next);
        if (rc) break;
        /* The aggregate's start partition: each refined community in its community. */
        for (uint32_t v = 0; v < cur.n; v++) L->map[L->ref[v]] = L->comm[v];
        for (uint32_t S = 0; S < R; S++) L->comm[S] = L->map[S];
        for (uint32_t v = 0; v < n0; v++) L->node_of[v] = L->ref[L->node_of[v]];
        if (own) {
            cur.adj = NULL; /* the level buffer stays */
            cur.w = NULL;
            ug_free(L->s, &cur);
        }
        cur = next;
        own = 1;
        rc = leiden_progress(L);
        if (rc) break;
    }
    if (rc == LEV_OK) {
        for (uint32_t v = 0; v < n0; v++) memb[v] = L->comm[L->node_of[v]];
        relabel(memb, n0, L->map);
    }
    if (own) {
        cur.adj = NULL;
        cur.w = NULL;
        ug_free(L->s, &cur);
    }
    return rc;
}

lev_status lev_communities(const lev_network *net, lev_params *p, uint32_t *community, size_t *count,
                           double *modularity) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "communities", community);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    if (n == 0) {
        if (count) *count = 0;
        if (modularity) *modularity = 0;
        return LEV_OK;
    }
    double gamma = lev__param(p, LEV_P_RESOLUTION);
    int weighted = lev__param(p, LEV_P_WEIGHTED) != 0;
    int directed = lev__param(p, LEV_P_DIRECTED_MODULARITY) != 0;
    scratch s = {&c, {0}, {0}, 0};
    leiden L;
    memset(&L, 0, sizeof L);
    L.c = &c;
    L.s = &s;
    L.directed = directed;
    ugraph g0;
    memset(&g0, 0, sizeof g0);
    uint32_t *memb = sc_get(&s, n, sizeof *memb), *best = sc_get(&s, n, sizeof *best);
    uint32_t *spare = sc_get(&s, n, sizeof *spare);
    int have_best = 0;
    L.comm = sc_get(&s, n, sizeof *L.comm);
    L.csize = sc_get(&s, n, sizeof *L.csize);
    L.K = sc_get(&s, n, sizeof *L.K);
    L.empty = sc_get(&s, n, sizeof *L.empty);
    L.queue = sc_get(&s, n, sizeof *L.queue);
    L.flag = sc_get(&s, n, sizeof *L.flag);
    L.acc = sc_get(&s, n, sizeof *L.acc);
    L.ak = sc_get(&s, 2 * (size_t)n, sizeof *L.ak);
    L.touched = sc_get(&s, n, sizeof *L.touched);
    L.ref = sc_get(&s, n, sizeof *L.ref);
    L.Kr = sc_get(&s, n, sizeof *L.Kr);
    L.ext = sc_get(&s, n, sizeof *L.ext);
    L.map = sc_get(&s, n, sizeof *L.map);
    L.members = sc_get(&s, n, sizeof *L.members);
    L.start = sc_get(&s, (size_t)n + 1, sizeof *L.start);
    L.node_of = sc_get(&s, n, sizeof *L.node_of);
    L.cand = sc_get(&s, n, sizeof *L.cand);
    L.cgain = sc_get(&s, n, sizeof *L.cgain);
    if (directed && !(L.Ko = sc_get(&s, n, sizeof *L.Ko))) goto nomem;
    if (!memb || !best || !spare || !L.comm || !L.csize || !L.K || !L.empty || !L.queue || !L.flag || !L.acc || !L.ak || !L.touched || !L.ref ||
        !L.Kr || !L.ext || !L.map || !L.members || !L.start || !L.node_of || !L.cand || !L.cgain)
        goto nomem;
    for (uint32_t v = 0; v < n; v++) L.acc[v] = 0; /* refine() and aggregate() keep it zero between uses */
    /* Threads for the batched passes, each with a zeroed accumulator of n entries (one thread:
     * acc and touched themselves). */
    L.n0 = n;
    L.tn = n >= LEIDEN_PAR_MIN ? lev__cap_threads(&c, n, LEIDEN_PAR_MIN) : 1;
    if (L.tn > LEIDEN_PAR_THREADS) L.tn = LEIDEN_PAR_THREADS;
    for (size_t i = 0; i < 2 * (size_t)n; i++) L.ak[i] = 0; /* even entries: kept zero between uses */
    if (L.tn == 1) {
        L.tacc = L.ak;
        L.ttouch = L.touched;
    } else {
        L.tacc = sc_get(&s, (size_t)L.tn * 2 * n, sizeof *L.tacc);
        L.ttouch = sc_get(&s, (size_t)L.tn * n, sizeof *L.ttouch);
        if (!L.tacc || !L.ttouch) goto nomem;
        memset(L.tacc, 0, (size_t)L.tn * 2 * n * sizeof *L.tacc);
    }
    /* Nodes are numbered by decreasing number of edge records (ties by actor index): the
     * communities of the busiest actors, which most rows point to, then share cache lines. */
    uint32_t *perm = sc_get(&s, n, sizeof *perm), *inv = sc_get(&s, n, sizeof *inv);
    if (!perm || !inv) goto nomem;
    {
        uint32_t *bucket = L.start; /* n + 1 entries: counts by degree capped at n − 1 */
        for (uint32_t d = 0; d <= n; d++) bucket[d] = 0;
        for (uint32_t v = 0; v < n; v++) {
            size_t d = (g->out_off[v + 1] - g->out_off[v]) + (g->in_off[v + 1] - g->in_off[v]);
            inv[v] = d >= n ? 0 : n - 1 - (uint32_t)d; /* key: 0 for the highest degree */
            bucket[inv[v] + 1]++;
        }
        for (uint32_t d = 0; d < n; d++) bucket[d + 1] += bucket[d];
        for (uint32_t v = 0; v < n; v++) {
            uint32_t i = bucket[inv[v]]++;
            perm[i] = v;
        }
        for (uint32_t i = 0; i < n; i++) inv[perm[i]] = i;
    }
    if (ug_build(&s, g, weighted, directed, c.threads, perm, inv, &g0)) goto nomem;
    L.nnz0 = g0.nnz;
    double m2 = 0;
    for (uint32_t v = 0; v < n; v++) m2 += g0.k[v];
    double *kin = directed ? L.cgain : NULL; /* modularity_of's third scratch array */
    for (uint32_t v = 0; v < n; v++) best[v] = v;
    uint32_t nc = n;
    /* Without edges (m2 = 0) every actor stays alone with modularity 0 (what modularity_of
     * gives then); with edges the first run's partition replaces this one whatever its value. */
    double q = 0;
    if (m2 > 0) {
        /* Runs from singletons, each of Leiden iterations until one moves nobody, while the
         * budget of iterations lasts; the first run always gets two. The best run wins (the
         * earliest on a tie). */
        double units = (double)n + (double)g0.nnz, budget = floor(LEIDEN_BUDGET / units);
        L.budget = budget < 2 ? 2 : budget > 1e6 ? 1000000 : (long)budget;
        L.dq_stop = LEIDEN_SWEEP_DQ * m2 / 2;
        L.gres = directed ? 2 * gamma / m2 : gamma / m2; /* γ/m directed (m2 = 2m), γ/2m undirected */
        uint64_t seed = (uint64_t)lev__param(p, LEV_P_SEED);
        for (int run = 0; run < LEIDEN_MAX_RUNS && L.round < L.budget; run++) {
            rng_seed(&L.r, seed + 0xD1B54A32D192ED03ull * (uint64_t)run);
            for (uint32_t v = 0; v < n; v++) memb[v] = v;
            int stable = 0;
            while (L.round < L.budget) {
                int moved = 0;
                L.round++;
                rc = leiden_round(&L, &g0, memb, &moved);
                if (rc == LEV_ENOMEM) goto nomem;
                if (rc) goto done;
                if (!moved) {
                    stable = 1;
                    break;
                }
            }
            /* memb is by node; the candidate by actor goes into the spare array */
            uint32_t *cand_part = have_best ? spare : best;
            for (uint32_t v = 0; v < n; v++) cand_part[v] = memb[inv[v]];
            uint32_t k = relabel(cand_part, n, L.map);
            double qr = modularity_of(g, cand_part, k, gamma, weighted, L.Kr, L.ext, kin);
            if (!have_best || qr > q) {
                q = qr;
                nc = k;
                if (cand_part != best) {
                    uint32_t *t = best;
                    best = spare;
                    spare = t;
                }
                have_best = 1;
            }
            if (!stable) break;
        }
    }
    rc = lev__ctx_progress(&c, 1, "communities");
    if (rc) goto done;
    memcpy(community, best, (size_t)n * sizeof *community);
    if (count) *count = nc;
    if (modularity) *modularity = q;
    rc = LEV_OK;
done:
    sc_free_all(&s);
    return rc;
nomem:
    sc_free_all(&s);
    return lev__ctx_fail(&c, LEV_ENOMEM, "communities: out of memory for %u actors", n);
}

/* ==== continuous core–periphery ============================================================ */

/* f(c) = Σ_{i≠j} (a_ij − c_i c_j)² over ordered pairs, from the row sums of the fit. */
static double cp_residual(const ugraph *u, const double *cv, double suma2) {
    /* Σ_{i≠j} (a − cc)² = Σ a² − 2 Σ a c_i c_j + Σ_{i≠j} c_i² c_j² */
    double sac = 0, s2 = 0, s4 = 0;
    for (uint32_t i = 0; i < u->n; i++) {
        double ci = cv[i], r = 0;
        for (size_t e = u->off[i]; e < u->off[i + 1]; e++) r += u->w[e] * cv[u->adj[e]];
        sac += ci * r;
        s2 += ci * ci;
        s4 += ci * ci * ci * ci;
    }
    double f = suma2 - 2 * sac + (s2 * s2 - s4);
    return f > 0 ? f : 0;
}

/* Pearson correlation over pairs i ≠ j of a_ij and p_ij, where p_ij = c_i c_j (hub == LEV_NONE)
 * or, in the Heywood limit, p_ij = a_ij on the pairs of the hub and 0 elsewhere. Both sides
 * constant: 1 when they are positive (the complete network fitted exactly), else 0. One side
 * constant: 0. */
static double cp_fit(const ugraph *u, const double *cv, uint32_t hub) {
    uint32_t n = u->n;
    double N = (double)n * (double)(n - 1);
    double sa = 0, sa2 = 0, sp = 0, sp2 = 0, sap = 0;
    if (hub == LEV_NONE) {
        double s1 = 0, s2 = 0, s4 = 0;
        for (uint32_t i = 0; i < n; i++) {
            double ci = cv[i];
            s1 += ci;
            s2 += ci * ci;
            s4 += ci * ci * ci * ci;
        }
        sp = s1 * s1 - s2;
        sp2 = s2 * s2 - s4;
    }
    for (uint32_t i = 0; i < n; i++)
        for (size_t e = u->off[i]; e < u->off[i + 1]; e++) {
            uint32_t j = u->adj[e];
            double a = u->w[e];
            sa += a;
            sa2 += a * a;
            if (hub == LEV_NONE) {
                sap += a * cv[i] * cv[j];
            } else if (i == hub || j == hub) {
                sp += a;
                sp2 += a * a;
                sap += a * a;
            }
        }
    double ma = sa / N, mp = sp / N;
    double va = sa2 / N - ma * ma, vp = sp2 / N - mp * mp, cov = sap / N - ma * mp;
    /* relative test for "constant": variance lost in rounding */
    int ca = !(va > 1e-14 * (sa2 / N)), cp = !(vp > 1e-14 * (sp2 / N));
    if (ca || cp) return ca && cp && ma > 0 && mp > 0 ? 1.0 : 0.0;
    double r = cov / sqrt(va * vp);
    return r > 1 ? 1 : r < -1 ? -1 : r;
}

lev_status lev_core_periphery(const lev_network *net, lev_params *p, double *out, double *fit) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "core_periphery", out);
    if (rc) return rc;
    const lev__csr *g = c.g;
    uint32_t n = g->n;
    if (n == 0) {
        if (fit) *fit = 0;
        return LEV_OK;
    }
    double tol = lev__param(p, LEV_P_TOLERANCE);
    long max_iter = (long)lev__param(p, LEV_P_MAX_ITER);
    scratch s = {&c, {0}, {0}, 0};
    ugraph u;
    memset(&u, 0, sizeof u);
    double *cv = sc_get(&s, n, sizeof *cv);
    if (!cv || ug_build(&s, g, lev__param(p, LEV_P_WEIGHTED) != 0, 0, c.threads, NULL, NULL, &u)) {
        sc_free_all(&s);
        return lev__ctx_fail(&c, LEV_ENOMEM, "core_periphery: out of memory for %u actors", n);
    }
    /* Start: the best multiple α·k of the strengths k_i = Σ_j a_ij (i ≠ j), i.e.
     * α² = Σ_{i≠j} a_ij k_i k_j / Σ_{i≠j} k_i² k_j²; exact for any regular network. */
    double suma2 = 0, sakk = 0, sk2 = 0, sk4 = 0;
    for (uint32_t i = 0; i < n; i++) {
        double ki = u.k[i] - u.self[i];
        cv[i] = ki;
        sk2 += ki * ki;
        sk4 += ki * ki * ki * ki;
    }
    for (uint32_t i = 0; i < n; i++)
        for (size_t e = u.off[i]; e < u.off[i + 1]; e++) {
            double a = u.w[e];
            suma2 += a * a;
            sakk += a * cv[i] * cv[u.adj[e]];
        }
    uint32_t hub = LEV_NONE;
    long it = 0;
    if (!(suma2 > 0) || n < 2) {
        for (uint32_t i = 0; i < n; i++) cv[i] = 0; /* no ties: nothing to fit */
    } else {
        double alpha = sqrt(sakk / (sk2 * sk2 - sk4));
        for (uint32_t i = 0; i < n; i++) cv[i] *= alpha;
        /* Heywood level: the infimum of f as one actor's value grows without bound (all
         * others → 0) is Σ a² − 2 Σ_j a_hj², smallest for the hub with the largest Σ_j a_hj². */
        double best_hub = 0;
        for (uint32_t i = 0; i < n; i++) {
            double r = 0;
            for (size_t e = u.off[i]; e < u.off[i + 1]; e++) r += u.w[e] * u.w[e];
            if (r > best_hub) best_hub = r;
        }
        double f_heywood = suma2 - 2 * best_hub;
        int converged = 0;
        for (it = 1; it <= max_iter; it++) {
            double S = 0, cmax = 0, delta = 0;
            for (uint32_t i = 0; i < n; i++) S += cv[i] * cv[i];
            for (uint32_t i = 0; i < n; i++) {
                double num = 0, old = cv[i], den = S - old * old;
                for (size_t e = u.off[i]; e < u.off[i + 1]; e++) num += u.w[e] * cv[u.adj[e]];
                double nw = den > 0 ? num / den : old;
                S += nw * nw - old * old;
                cv[i] = nw;
                double d = fabs(nw - old);
                if (d > delta) delta = d;
                if (nw > cmax) cmax = nw;
            }
            rc = lev__ctx_progress(&c, (double)it / (double)max_iter, "core_periphery");
            if (rc) goto done;
            if (!(cmax > 0) || delta <= tol * cmax) {
                converged = 1;
                break;
            }
        }
        if (!converged) {
            /* Coordinate descent never raises f. If f is still at or above the Heywood level,
             * the iterates head for it: one actor's value diverges, the rest vanish; return that
             * limit. Otherwise they converge to a finite point, only too slowly. */
            double f = cp_residual(&u, cv, suma2);
            if (f >= f_heywood * (1 - 1e-12)) {
                for (uint32_t i = 0; i < n; i++)
                    if (hub == LEV_NONE || cv[i] > cv[hub]) hub = i;
            } else {
                double cmax = 0;
                for (uint32_t i = 0; i < n; i++)
                    if (cv[i] > cmax) cmax = cv[i];
                rc = lev__ctx_fail(&c, LEV_ENOCONV,
                                   "core_periphery: did not converge in %ld sweeps (tolerance %.3g relative to the "
                                   "largest value %.6g); raise LEV_P_MAX_ITER or LEV_P_TOLERANCE",
                                   max_iter, tol, cmax);
                goto done;
            }
        }
    }
    {
        double f = 0;
        if (hub != LEV_NONE) {
            for (uint32_t i = 0; i < n; i++) cv[i] = i == hub ? 1.0 : 0.0;
            f = cp_fit(&u, cv, hub);
        } else {
            double cmax = 0;
            for (uint32_t i = 0; i < n; i++)
                if (cv[i] > cmax) cmax = cv[i];
            if (cmax > 0) {
                for (uint32_t i = 0; i < n; i++) cv[i] /= cmax;
                f = cp_fit(&u, cv, LEV_NONE);
            }
        }
        memcpy(out, cv, (size_t)n * sizeof *out);
        if (fit) *fit = f;
    }
    rc = LEV_OK;
done:
    sc_free_all(&s);
    return rc;
}
