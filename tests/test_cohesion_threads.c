/*
 * Components and coreness on more than one thread (issue 22): the parallel kernels (Afforest
 * weak components, level-parallel peeling) give exactly what a plain sequential reference gives
 * — the weak components of a textbook union–find and the strong ones of Kosaraju's algorithm,
 * both numbered in order of first actor, and the core
 * numbers of Batagelj–Zaveršnik's bucket algorithm — for LEV_P_THREADS 1, 2 and 4, on skewed
 * networks large enough that the parallel paths run (a dense core and hubs whose levels carry
 * more than 2^17 edge records, more than 2^19 actors plus ties), plus many small components.
 */
#include "helpers.h"

#include <stdint.h>
#include <stdlib.h>

typedef struct lcg { uint64_t x; } lcg;
static uint32_t lcg_r(lcg *g) {
    g->x = g->x * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(g->x >> 33);
}

typedef struct net_edges {
    uint32_t n;
    size_t m;
    uint32_t *s, *t;
} net_edges;

/* A skewed directed network: a dense core of `core` actors (each pair tied one way or both),
 * some hubs, preferential-ish random ties among the first `n_conn` actors, isolated actors, and
 * many small weak components (pairs, stars, directed cycles) among the rest; a few self-loops
 * and parallel edges. */
static lev_network *skewed(uint64_t seed, uint32_t n, uint32_t n_conn, uint32_t core, net_edges *E) {
    lcg g = {seed};
    size_t cap = 1u << 20, m = 0;
    uint32_t *s = malloc(cap * sizeof *s), *t = malloc(cap * sizeof *t);
    cr_assert(s && t);
#define ADD(a, b)                                                                                                  \
    do {                                                                                                           \
        cr_assert(m < cap);                                                                                        \
        s[m] = (a), t[m] = (b), m++;                                                                               \
    } while (0)
    for (uint32_t i = 0; i < core; i++)
        for (uint32_t j = i + 1; j < core; j++) {
            uint32_t r = lcg_r(&g) % 4;
            if (r == 0) continue;
            if (r & 1) ADD(i * 7 % n_conn, j * 7 % n_conn);
            if (r & 2) ADD(j * 7 % n_conn, i * 7 % n_conn);
        }
    for (uint32_t e = 0; e < 8 * n_conn; e++) {
        uint32_t a = lcg_r(&g) % n_conn, b = lcg_r(&g) % n_conn;
        if (e % 3 == 0) b = b % 64;              /* hubs */
        if (e % 5 == 0) a = (a * a) % n_conn;    /* skew */
        ADD(a, b);                               /* self-loops and parallel edges happen */
    }
    uint32_t v = n_conn;
    while (v + 8 < n) {
        uint32_t kind = lcg_r(&g) % 4, len = 2 + lcg_r(&g) % 6;
        if (kind == 0) { /* isolated */
            v++;
            continue;
        }
        for (uint32_t i = 1; i < len; i++) {
            if (kind == 1) ADD(v + i, v);             /* in-star */
            else if (kind == 2) ADD(v + i - 1, v + i); /* path */
            else ADD(v + i - 1, v + i);                /* cycle, closed below */
        }
        if (kind == 3) ADD(v + len - 1, v);
        v += len;
    }
#undef ADD
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    cr_assert_eq(lev_edges_add(net, m, s, t, NULL, NULL, NULL), LEV_OK);
    E->n = n, E->m = m, E->s = s, E->t = t;
    return net;
}

static uint32_t find(uint32_t *p, uint32_t x) {
    while (p[x] != x) x = p[x] = p[p[x]];
    return x;
}

/* Textbook union–find, then ids in order of first actor. */
static size_t ref_weak(const net_edges *E, uint32_t *comp) {
    uint32_t *p = malloc(E->n * sizeof *p), *id = malloc(E->n * sizeof *id);
    for (uint32_t v = 0; v < E->n; v++) p[v] = v, id[v] = UINT32_MAX;
    for (size_t e = 0; e < E->m; e++) {
        uint32_t a = find(p, E->s[e]), b = find(p, E->t[e]);
        if (a != b) p[a > b ? a : b] = a > b ? b : a;
    }
    size_t count = 0;
    for (uint32_t v = 0; v < E->n; v++) {
        uint32_t r = find(p, v);
        if (id[r] == UINT32_MAX) id[r] = (uint32_t)count++;
        comp[v] = id[r];
    }
    free(p);
    free(id);
    return count;
}

/* Kosaraju's strong components, iterative: a post-order of the forward search, then searches
 * on the reversed network in reverse post-order; ids in order of first actor. */
static size_t ref_strong(const net_edges *E, uint32_t *comp) {
    uint32_t n = E->n;
    size_t *fo = calloc((size_t)n + 1, sizeof *fo), *ro = calloc((size_t)n + 1, sizeof *ro);
    for (size_t e = 0; e < E->m; e++) fo[E->s[e] + 1]++, ro[E->t[e] + 1]++;
    for (uint32_t v = 0; v < n; v++) fo[v + 1] += fo[v], ro[v + 1] += ro[v];
    uint32_t *fa = malloc((E->m + 1) * sizeof *fa), *ra = malloc((E->m + 1) * sizeof *ra);
    size_t *fp = malloc(((size_t)n + 1) * sizeof *fp), *rp = malloc(((size_t)n + 1) * sizeof *rp);
    memcpy(fp, fo, ((size_t)n + 1) * sizeof *fp);
    memcpy(rp, ro, ((size_t)n + 1) * sizeof *rp);
    for (size_t e = 0; e < E->m; e++) fa[fp[E->s[e]]++] = E->t[e], ra[rp[E->t[e]]++] = E->s[e];
    uint32_t *order = malloc(n * sizeof *order), *st = malloc(n * sizeof *st), no = 0;
    uint8_t *seen = calloc(n, 1);
    for (uint32_t r = 0; r < n; r++) {
        if (seen[r]) continue;
        uint32_t sp = 0;
        st[sp++] = r, seen[r] = 1, fp[r] = fo[r];
        while (sp) {
            uint32_t v = st[sp - 1];
            if (fp[v] < fo[v + 1]) {
                uint32_t u = fa[fp[v]++];
                if (!seen[u]) seen[u] = 1, fp[u] = fo[u], st[sp++] = u;
            } else {
                order[no++] = v, sp--;
            }
        }
    }
    uint32_t *lab = malloc(n * sizeof *lab), *id = malloc(n * sizeof *id);
    for (uint32_t v = 0; v < n; v++) lab[v] = UINT32_MAX, id[v] = UINT32_MAX;
    for (uint32_t i = n; i-- > 0;) {
        uint32_t r = order[i], sp = 0;
        if (lab[r] != UINT32_MAX) continue;
        st[sp++] = r, lab[r] = r;
        while (sp) {
            uint32_t v = st[--sp];
            for (size_t k = ro[v]; k < ro[v + 1]; k++)
                if (lab[ra[k]] == UINT32_MAX) lab[ra[k]] = r, st[sp++] = ra[k];
        }
    }
    size_t count = 0;
    for (uint32_t v = 0; v < n; v++) {
        if (id[lab[v]] == UINT32_MAX) id[lab[v]] = (uint32_t)count++;
        comp[v] = id[lab[v]];
    }
    free(fo), free(ro), free(fa), free(ra), free(fp), free(rp), free(order), free(st), free(seen), free(lab), free(id);
    return count;
}

/* Batagelj–Zaveršnik bucket peeling over edge records, self-loops ignored: dir 1 in-degree
 * (removing v lowers its targets), 2 out-degree, 3 both. */
static void ref_core(const net_edges *E, int dir, uint32_t *core) {
    uint32_t n = E->n;
    size_t *off = calloc((size_t)n + 1, sizeof *off);
    for (size_t e = 0; e < E->m; e++) {
        if (E->s[e] == E->t[e]) continue;
        if (dir & 1) off[E->s[e] + 1]++; /* the record lowers t's in-degree when s goes */
        if (dir & 2) off[E->t[e] + 1]++;
    }
    for (uint32_t v = 0; v < n; v++) off[v + 1] += off[v];
    uint32_t *adj = malloc((off[n] ? off[n] : 1) * sizeof *adj), *deg = calloc(n, sizeof *deg);
    size_t *pos = malloc((size_t)n * sizeof *pos);
    for (uint32_t v = 0; v < n; v++) pos[v] = off[v];
    for (size_t e = 0; e < E->m; e++) {
        if (E->s[e] == E->t[e]) continue;
        if (dir & 1) adj[pos[E->s[e]]++] = E->t[e], deg[E->t[e]]++;
        if (dir & 2) adj[pos[E->t[e]]++] = E->s[e], deg[E->s[e]]++;
    }
    uint32_t md = 0;
    for (uint32_t v = 0; v < n; v++)
        if (deg[v] > md) md = deg[v];
    uint32_t *bin = calloc((size_t)md + 2, sizeof *bin), *vert = malloc(n * sizeof *vert), *ps = malloc(n * sizeof *ps);
    for (uint32_t v = 0; v < n; v++) bin[deg[v]]++;
    uint32_t start = 0;
    for (uint32_t d = 0; d <= md; d++) {
        uint32_t c = bin[d];
        bin[d] = start;
        start += c;
    }
    for (uint32_t v = 0; v < n; v++) ps[v] = bin[deg[v]], vert[ps[v]] = v, bin[deg[v]]++;
    for (uint32_t d = md; d > 0; d--) bin[d] = bin[d - 1];
    bin[0] = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t v = vert[i];
        for (size_t k = off[v]; k < off[v + 1]; k++) {
            uint32_t u = adj[k];
            if (deg[u] > deg[v]) {
                uint32_t du = deg[u], pu = ps[u], pw = bin[du], w = vert[pw];
                if (u != w) ps[u] = pw, vert[pu] = w, ps[w] = pu, vert[pw] = u;
                bin[du]++;
                deg[u]--;
            }
        }
    }
    memcpy(core, deg, n * sizeof *core);
    free(off), free(adj), free(deg), free(pos), free(bin), free(vert), free(ps);
}

static void check_network(uint64_t seed, uint32_t n, uint32_t n_conn, uint32_t core_size, int parallel) {
    net_edges E;
    lev_network *net = skewed(seed, n, n_conn, core_size, &E);
    uint32_t *want = malloc(n * sizeof *want), *got = malloc(n * sizeof *got), *one = malloc(n * sizeof *one);
    double *out = malloc(n * sizeof *out);
    size_t want_count = ref_weak(&E, want), count = 0, strong_count = ref_strong(&E, one);
    cr_assert_gt(strong_count, want_count, "the network has strong components within weak ones");
    cr_assert_gt(want_count, 1000, "the network has many weak components");
    /* cohesion.c's COH_GRAIN: a second thread from 2^19 actors + edge records on */
    if (parallel) cr_assert_gt((double)E.m + n, 524288.0, "large enough for the parallel paths");
    const int threads[] = {1, 2, 4};
    for (int ti = 0; ti < 3; ti++) {
        lev_params *p;
        cr_assert_eq(lev_params_new(&p), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, threads[ti]), LEV_OK);
        /* weak: the reference exactly */
        cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
        for (uint32_t v = 0; v < n; v++) got[v] = 0xdeadbeef;
        cr_assert_eq(lev_components(net, p, got, &count), LEV_OK);
        cr_assert_eq(count, want_count, "threads %d: %zu weak components, want %zu", threads[ti], count, want_count);
        for (uint32_t v = 0; v < n; v++)
            cr_assert_eq(got[v], want[v], "threads %d: actor %u in weak component %u, want %u", threads[ti], v,
                         got[v], want[v]);
        /* strong: Kosaraju's exactly */
        cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 0), LEV_OK);
        cr_assert_eq(lev_components(net, p, got, &count), LEV_OK);
        cr_assert_eq(count, strong_count, "threads %d: %zu strong components, want %zu", threads[ti], count,
                     strong_count);
        for (uint32_t v = 0; v < n; v++)
            cr_assert_eq(got[v], one[v], "threads %d: actor %u in strong component %u, want %u", threads[ti], v, got[v],
                         one[v]);
        /* coreness in every direction: Batagelj–Zaveršnik exactly */
        const int dirs[] = {LEV_DIR_IN, LEV_DIR_OUT, LEV_DIR_ALL};
        for (int di = 0; di < 3; di++) {
            cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dirs[di]), LEV_OK);
            cr_assert_eq(lev_coreness(net, p, out), LEV_OK, "%s", lev_params_errmsg(p));
            ref_core(&E, dirs[di] == LEV_DIR_IN ? 1 : dirs[di] == LEV_DIR_OUT ? 2 : 3, got);
            uint32_t top = 0;
            for (uint32_t v = 0; v < n; v++) {
                cr_assert_eq(out[v], (double)got[v], "threads %d, direction %d: actor %u core %g, want %u",
                             threads[ti], dirs[di], v, out[v], got[v]);
                if (got[v] > top) top = got[v];
            }
            cr_assert_gt(top, 100, "a dense core: levels large enough to peel in parallel");
        }
        lev_params_free(p);
    }
    free(want), free(got), free(one), free(out), free(E.s), free(E.t);
    lev_network_free(net);
}

/* doc: lev_components, ids in order of first actor and the same for any LEV_P_THREADS */
/* doc: lev_coreness, the same for any LEV_P_THREADS */
Test(cohesion_threads, parallel_components_and_cores_match_sequential_references) {
    check_network(1, 60000, 20000, 900, 1);
    check_network(7, 40000, 30000, 300, 0);
}
