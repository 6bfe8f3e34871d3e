/*
 * bench/gen.c — deterministic graph generator for the libleverage benchmark harness.
 *
 * Depends on nothing but libc. The same (model, scale, edge factor, seed) gives the same bytes
 * on every machine: the generator uses its own PRNG (xoshiro256**, seeded by splitmix64) and
 * integer arithmetic only, except for the R-MAT quadrant draws, which compare a 53-bit uniform
 * double with constants (exact, platform-independent IEEE-754).
 *
 * Models (n = 2^scale vertices, target m = edgefactor · n directed edges):
 *
 *   rmat  Graph500 Kronecker / R-MAT, initiator a=0.57, b=c=0.19, d=0.05, drawn bit by bit as
 *         the Graph500 reference (kronecker_generator.m) does: per level, i_bit = U > a+b,
 *         j_bit = U' > (i_bit ? c/(c+d) : a/(a+b)). Vertex ids are then relabelled by a
 *         seeded uniform random permutation (Fisher–Yates), as Graph500 does (it also shuffles
 *         the edge order; ours is already i.i.d.). Edges are directed source -> target.
 *   ba    Barabási–Albert preferential attachment: vertex v >= k attaches to k = edgefactor
 *         distinct earlier vertices chosen proportionally to degree (the "repeated endpoints"
 *         method), as edges v -> target; vertex k attaches to 0..k-1. Then ids are permuted
 *         like rmat so that vertex age does not leak into memory locality.
 *   er    Erdős–Rényi G(n, m): m uniformly random ordered pairs.
 *   rmatn R-MAT on exactly N = --n vertices and M = --m kept edges (the "report at scale"
 *         network, e.g. --n 20000 --m 200000): rmat edges on 2^⌈log2 N⌉ vertices, ids
 *         permuted, edges with an end ≥ N dropped; before them, one edge v -> (the target of a
 *         random one of those edges) per actor v, so that every actor has a tie and appears in
 *         the CSV; then cleaned as below and cut to the first M. SCALE is ignored (give 0).
 *         With --wmax W, strengths are uniform in [1, W].
 *
 * Cleaning (decided once, the same graph for every library): self-loops and duplicate
 * directed pairs (u, v) are REMOVED, keeping the first occurrence in generation order, so
 * the result is a simple directed graph that NetworkX's DiGraph, igraph and libleverage all
 * hold identically (NetworkX's DiGraph cannot hold parallel edges). The reported m is the
 * number of edges after cleaning. Isolated vertices are kept: every file describes n = 2^scale
 * vertices (the binary file records n; the CSV cannot list isolated vertices, see below).
 *
 * Strengths: integers uniform in [1, 99] from an independent PRNG stream, one per kept edge
 * in output order. Integers are exact in float32, so the compact form's float rounding
 * cannot make libleverage disagree with the double-precision peers.
 *
 * Outputs (any subset):
 *   --bin FILE   binary edge file, little-endian:
 *                  offset 0  char[8]  magic "LEVBENCH"
 *                  offset 8  uint32   version = 1
 *                  offset 12 uint32   weight bytes = 4 (float32)
 *                  offset 16 uint64   n (vertices, ids 0..n-1)
 *                  offset 24 uint64   m (edges)
 *                  offset 32 uint32   src[m], then uint32 dst[m], then float32 w[m]
 *   --csv FILE   `source,target,weight` header, one edge per line, names = decimal ids,
 *                weights as integers ("37"). Vertices with no edge do not appear.
 *   --ncol FILE  the same edges as igraph's NCOL text format (`src dst weight`, no header).
 *
 * Usage: gen MODEL SCALE [--edgefactor K] [--seed S] [--bin F] [--csv F] [--ncol F] [--quiet]
 *            [--n N --m M] (rmatn) [--wmax W] (strengths in [1, W], default 99)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- PRNG: splitmix64 to seed xoshiro256** ------------------------------------------------ */

typedef struct rng { uint64_t s[4]; } rng;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed, uint64_t stream) {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rng_next(rng *r) {
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform double in [0, 1) with 53 random bits. */
static inline double rng_unif(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

/* Uniform integer in [0, n), Lemire's multiply-shift (bias < n / 2^64: negligible, deterministic). */
static inline uint64_t rng_below(rng *r, uint64_t n) {
    return (uint64_t)(((unsigned __int128)rng_next(r) * n) >> 64);
}

/* ---- helpers ---------------------------------------------------------------------------------- */

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) { fprintf(stderr, "gen: out of memory (%zu bytes)\n", n); exit(2); }
    return p;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Seeded uniform permutation of 0..n-1 (Fisher–Yates). */
static uint32_t *permutation(uint64_t n, uint64_t seed) {
    uint32_t *p = xmalloc(n * sizeof *p);
    for (uint64_t i = 0; i < n; i++) p[i] = (uint32_t)i;
    rng r;
    rng_seed(&r, seed, 2);
    for (uint64_t i = n - 1; i > 0; i--) {
        uint64_t j = rng_below(&r, i + 1);
        uint32_t t = p[i]; p[i] = p[j]; p[j] = t;
    }
    return p;
}

/* Remove self-loops and repeated (u, v) pairs, keeping first occurrences, in place. */
static uint64_t clean(uint32_t *src, uint32_t *dst, uint64_t m) {
    uint64_t cap = 1;
    while (cap < 2 * m + 2) cap <<= 1;
    uint64_t *slot = calloc(cap, sizeof *slot); /* key + 1; 0 = empty */
    if (!slot) { fprintf(stderr, "gen: out of memory for the duplicate filter\n"); exit(2); }
    uint64_t k = 0;
    for (uint64_t e = 0; e < m; e++) {
        if (src[e] == dst[e]) continue;
        uint64_t key = ((uint64_t)src[e] << 32 | dst[e]) + 1, x = key;
        uint64_t h = splitmix64(&x) & (cap - 1);
        int dup = 0;
        while (slot[h]) {
            if (slot[h] == key) { dup = 1; break; }
            h = (h + 1) & (cap - 1);
        }
        if (dup) continue;
        slot[h] = key;
        src[k] = src[e];
        dst[k] = dst[e];
        k++;
    }
    free(slot);
    return k;
}

/* ---- models ------------------------------------------------------------------------------------ */

static uint64_t gen_rmat(int scale, uint64_t m, uint64_t seed, uint32_t *src, uint32_t *dst) {
    const double A = 0.57, B = 0.19, C = 0.19;
    const double ab = A + B, c_norm = C / (1.0 - ab), a_norm = A / ab;
    rng r;
    rng_seed(&r, seed, 1);
    for (uint64_t e = 0; e < m; e++) {
        uint32_t i = 0, j = 0;
        for (int lv = 0; lv < scale; lv++) {
            int ib = rng_unif(&r) > ab;
            int jb = rng_unif(&r) > (ib ? c_norm : a_norm);
            i |= (uint32_t)ib << lv;
            j |= (uint32_t)jb << lv;
        }
        src[e] = i;
        dst[e] = j;
    }
    return m;
}

static uint64_t gen_ba(uint64_t n, uint64_t k, uint64_t seed, uint32_t *src, uint32_t *dst) {
    if (n <= k) { fprintf(stderr, "gen: ba needs more than %llu vertices\n", (unsigned long long)k); exit(2); }
    rng r;
    rng_seed(&r, seed, 1);
    uint64_t mtot = (n - k) * k;
    uint32_t *rep = xmalloc(2 * mtot * sizeof *rep); /* every edge end point, once per edge */
    uint32_t *stamp = calloc(n, sizeof *stamp);       /* stamp[t] == v + 1: t already chosen by v */
    uint32_t *pick = xmalloc(k * sizeof *pick);
    if (!stamp) { fprintf(stderr, "gen: out of memory\n"); exit(2); }
    uint64_t nrep = 0, e = 0;
    for (uint64_t v = k; v < n; v++) {
        for (uint64_t t = 0; t < k; t++) {
            uint32_t x;
            if (v == k) {
                x = (uint32_t)t;
            } else {
                do x = rep[rng_below(&r, nrep)]; while (stamp[x] == v + 1);
            }
            stamp[x] = (uint32_t)(v + 1);
            pick[t] = x;
        }
        for (uint64_t t = 0; t < k; t++) {
            src[e] = (uint32_t)v;
            dst[e] = pick[t];
            e++;
            rep[nrep++] = (uint32_t)v;
            rep[nrep++] = pick[t];
        }
    }
    free(rep);
    free(stamp);
    free(pick);
    return e;
}

static uint64_t gen_er(uint64_t n, uint64_t m, uint64_t seed, uint32_t *src, uint32_t *dst) {
    rng r;
    rng_seed(&r, seed, 1);
    for (uint64_t e = 0; e < m; e++) {
        src[e] = (uint32_t)rng_below(&r, n);
        dst[e] = (uint32_t)rng_below(&r, n);
    }
    return m;
}

/* ---- writers ------------------------------------------------------------------------------------ */

static void wfail(const char *path) {
    perror(path);
    exit(2);
}

static void write_bin(const char *path, uint64_t n, uint64_t m, const uint32_t *src, const uint32_t *dst,
                      const float *w) {
    FILE *f = fopen(path, "wb");
    if (!f) wfail(path);
    char hdr[32];
    memset(hdr, 0, sizeof hdr);
    memcpy(hdr, "LEVBENCH", 8);
    uint32_t ver = 1, wb = 4;
    memcpy(hdr + 8, &ver, 4);
    memcpy(hdr + 12, &wb, 4);
    memcpy(hdr + 16, &n, 8);
    memcpy(hdr + 24, &m, 8);
    if (fwrite(hdr, 1, 32, f) != 32 || fwrite(src, 4, m, f) != m || fwrite(dst, 4, m, f) != m ||
        fwrite(w, 4, m, f) != m || fclose(f))
        wfail(path);
}

static char *put_u32(char *p, uint32_t v) {
    char tmp[10];
    int k = 0;
    do { tmp[k++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (k) *p++ = tmp[--k];
    return p;
}

static void write_text(const char *path, const char *header, char sep, uint64_t m, const uint32_t *src,
                       const uint32_t *dst, const float *w) {
    FILE *f = fopen(path, "wb");
    if (!f) wfail(path);
    size_t cap = 1 << 20;
    char *buf = xmalloc(cap + 64), *p = buf;
    if (header) p += sprintf(p, "%s\n", header);
    for (uint64_t e = 0; e < m; e++) {
        p = put_u32(p, src[e]);
        *p++ = sep;
        p = put_u32(p, dst[e]);
        *p++ = sep;
        p = put_u32(p, (uint32_t)w[e]);
        *p++ = '\n';
        if ((size_t)(p - buf) >= cap) {
            if (fwrite(buf, 1, (size_t)(p - buf), f) != (size_t)(p - buf)) wfail(path);
            p = buf;
        }
    }
    if (fwrite(buf, 1, (size_t)(p - buf), f) != (size_t)(p - buf) || fclose(f)) wfail(path);
    free(buf);
}

/* ---- main ---------------------------------------------------------------------------------------- */

static void usage(void) {
    fprintf(stderr, "usage: gen rmat|ba|er|rmatn SCALE [--edgefactor K] [--seed S] [--bin F] [--csv F] [--ncol F] [--quiet]\n"
                    "           [--n N --m M] [--wmax W]\n");
    exit(2);
}

int main(int argc, char **argv) {
    if (argc < 3) usage();
    const char *model = argv[1];
    int scale = atoi(argv[2]);
    uint64_t ef = 16, seed = 1, nn = 0, mm = 0, wmax = 99;
    const char *bin = NULL, *csv = NULL, *ncol = NULL;
    int quiet = 0;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--edgefactor") && i + 1 < argc) ef = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--bin") && i + 1 < argc) bin = argv[++i];
        else if (!strcmp(argv[i], "--csv") && i + 1 < argc) csv = argv[++i];
        else if (!strcmp(argv[i], "--ncol") && i + 1 < argc) ncol = argv[++i];
        else if (!strcmp(argv[i], "--quiet")) quiet = 1;
        else if (!strcmp(argv[i], "--n") && i + 1 < argc) nn = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--m") && i + 1 < argc) mm = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--wmax") && i + 1 < argc) wmax = strtoull(argv[++i], NULL, 10);
        else usage();
    }
    int rmatn = !strcmp(model, "rmatn");
    if (rmatn) {
        if (nn < 2 || nn > ((uint64_t)1 << 31) || mm < 1) usage();
        scale = 1;
        while (((uint64_t)1 << scale) < nn) scale++;
        ef = (3 * mm + nn - 1) / nn; /* draw 3M: about half fall outside N, a few are duplicates */
    }
    if (scale < 1 || scale > 31 || ef < 1 || wmax < 1 || wmax > 1000000) usage();
    uint64_t n = (uint64_t)1 << scale, want = ef * n;
    double t0 = now();
    uint32_t *src = xmalloc(want * sizeof *src), *dst = xmalloc(want * sizeof *dst);
    uint64_t m;
    int permute = 1;
    if (!strcmp(model, "rmat") || rmatn) m = gen_rmat(scale, want, seed, src, dst);
    else if (!strcmp(model, "ba")) m = gen_ba(n, ef, seed, src, dst);
    else if (!strcmp(model, "er")) { m = gen_er(n, want, seed, src, dst); permute = 0; }
    else usage();
    if (permute) {
        uint32_t *p = permutation(n, seed);
        for (uint64_t e = 0; e < m; e++) {
            src[e] = p[src[e]];
            dst[e] = p[dst[e]];
        }
        free(p);
    }
    if (rmatn) { /* keep the edges inside the first N ids, after one out-edge per actor */
        uint64_t k = 0;
        for (uint64_t e = 0; e < m; e++)
            if (src[e] < nn && dst[e] < nn) src[k] = src[e], dst[k] = dst[e], k++;
        if (k < 2) { fprintf(stderr, "gen: rmatn kept no edges\n"); exit(2); }
        uint32_t *s2 = xmalloc((nn + k) * sizeof *s2), *d2 = xmalloc((nn + k) * sizeof *d2);
        rng r4;
        rng_seed(&r4, seed, 4);
        for (uint64_t v = 0; v < nn; v++) { /* v -> the target of a random R-MAT edge: every actor has a tie */
            uint32_t t;
            do t = dst[rng_below(&r4, k)]; while (t == v);
            s2[v] = (uint32_t)v;
            d2[v] = t;
        }
        memcpy(s2 + nn, src, k * sizeof *s2);
        memcpy(d2 + nn, dst, k * sizeof *d2);
        free(src);
        free(dst);
        src = s2;
        dst = d2;
        m = nn + k;
        n = nn;
    }
    uint64_t raw = m;
    m = clean(src, dst, m);
    if (rmatn) {
        if (m < mm) { fprintf(stderr, "gen: rmatn kept only %llu edges\n", (unsigned long long)m); exit(2); }
        m = mm;
    }
    float *w = xmalloc((m ? m : 1) * sizeof *w);
    rng r;
    rng_seed(&r, seed, 3);
    for (uint64_t e = 0; e < m; e++) w[e] = (float)(1 + rng_below(&r, wmax));
    if (bin) write_bin(bin, n, m, src, dst, w);
    if (csv) write_text(csv, "source,target,weight", ',', m, src, dst, w);
    if (ncol) write_text(ncol, NULL, ' ', m, src, dst, w);
    if (!quiet)
        fprintf(stderr, "gen: %s scale %d ef %llu seed %llu: n=%llu, %llu edges drawn, %llu kept (%.1f%% self-loops/duplicates removed), %.2f s\n",
                model, scale, (unsigned long long)ef, (unsigned long long)seed, (unsigned long long)n,
                (unsigned long long)raw, (unsigned long long)m, raw ? 100.0 * (double)(raw - m) / (double)raw : 0.0,
                now() - t0);
    free(src);
    free(dst);
    free(w);
    return 0;
}
