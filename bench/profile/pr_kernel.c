/*
 * bench/profile/pr_kernel.c — what-if experiments on libleverage's PageRank inner loop.
 *
 * Not part of the harness: a standalone copy of the pull loop of src/pagerank.c (one thread),
 * run on the benchmark's binary edge file in several variants, to measure what a change to
 * the library would buy before anyone makes it. Each variant runs the same fixed number of
 * iterations; reported: ms per iteration, ns per edge, the bytes the loop must stream
 * (offsets, ids, weights, the vectors) and the resulting GB/s, and the max |Δ| of the scores
 * against the baseline after those iterations.
 *
 *   A  baseline: the library's layout (size_t offsets, uint32 ids, float weights, double y)
 *   B  A + madvise(MADV_HUGEPAGE) on every array (THP is "madvise" on the test machine)
 *   C  B + vertices renumbered by descending in-degree before building the CSR (hubs packed
 *      together in cache; results mapped back)
 *   D  C + ids and weights interleaved in one array of {uint32 id; float w}
 *   E  C + the gathered vector y stored as float (half the gather footprint; precision loss)
 *   S  a STREAM-like sum over 1 GiB, for the achievable one-core bandwidth right now
 *
 * Build: cc -O3 -march=x86-64-v2 -o pr_kernel bench/profile/pr_kernel.c -lm
 * Run:   pr_kernel bench/out/graphs/rmat-s20-ef16-seed1.bin [iterations]
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *big(size_t bytes, int huge) {
    void *p = NULL;
    if (posix_memalign(&p, 2u << 20, bytes ? bytes : 1)) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    if (huge) madvise(p, bytes, MADV_HUGEPAGE);
    memset(p, 0, bytes);
    return p;
}

typedef struct csr {
    size_t n, m;
    size_t *off;
    uint32_t *adj;
    float *w;
    struct { uint32_t id; float w; } *aw;
} csr;

/* In-CSR (rows by target, sorted by source) of the edges under the relabelling `perm`. */
static csr build_in(size_t n, size_t m, const uint32_t *src, const uint32_t *dst, const float *w,
                    const uint32_t *perm, int huge, int interleave) {
    csr g = {n, m, big((n + 1) * sizeof(size_t), huge), NULL, NULL, NULL};
    uint32_t *s2 = malloc(m * 4), *d2 = malloc(m * 4);
    size_t *cur = calloc(n + 1, sizeof *cur), *cnt = calloc(n + 1, sizeof *cnt);
    for (size_t e = 0; e < m; e++) s2[e] = perm[src[e]], d2[e] = perm[dst[e]];
    /* sort by source first (counting sort), then stable by target: rows sorted by source */
    uint32_t *order = malloc(m * 4), *order2 = malloc(m * 4);
    for (size_t e = 0; e < m; e++) cnt[s2[e] + 1]++;
    for (size_t v = 0; v < n; v++) cnt[v + 1] += cnt[v];
    for (size_t e = 0; e < m; e++) order[cnt[s2[e]]++] = (uint32_t)e;
    for (size_t e = 0; e < m; e++) cur[d2[e] + 1]++;
    for (size_t v = 0; v < n; v++) cur[v + 1] += cur[v];
    memcpy(g.off, cur, (n + 1) * sizeof *cur);
    for (size_t k = 0; k < m; k++) {
        uint32_t e = order[k];
        order2[cur[d2[e]]++] = e;
    }
    if (interleave) {
        g.aw = big(m * sizeof *g.aw, huge);
        for (size_t k = 0; k < m; k++) g.aw[k].id = s2[order2[k]], g.aw[k].w = w[order2[k]];
    } else {
        g.adj = big(m * 4, huge);
        g.w = big(m * 4, huge);
        for (size_t k = 0; k < m; k++) g.adj[k] = s2[order2[k]], g.w[k] = w[order2[k]];
    }
    free(s2), free(d2), free(cur), free(cnt), free(order), free(order2);
    return g;
}

/* One variant: `iters` Jacobi iterations exactly as src/pagerank.c does them (one thread). */
static double run(const char *name, size_t n, size_t m, const uint32_t *src, const uint32_t *dst, const float *w,
                  const uint32_t *perm, int huge, int interleave, int fy, int iters, double *out, const double *ref) {
    csr g = build_in(n, m, src, dst, w, perm, huge, interleave);
    double *outs = big(n * 8, huge), *inv = big(n * 8, huge), *x = big(n * 8, huge), *xn = big(n * 8, huge);
    double *y = big(n * 8, huge);
    float *yf = big(n * 4, huge);
    for (size_t e = 0; e < m; e++) outs[perm[src[e]]] += w[e];
    for (size_t v = 0; v < n; v++) {
        inv[v] = outs[v] > 0 ? 1.0 / outs[v] : 0;
        x[v] = 1.0 / (double)n;
        y[v] = x[v] * inv[v];
        yf[v] = (float)y[v];
    }
    double d = 0.85, dang = 0;
    for (size_t v = 0; v < n; v++)
        if (inv[v] == 0) dang += x[v];
    double t0 = cpu_now();
    for (int it = 0; it < iters; it++) {
        double tele = (d * dang + 1 - d) / (double)n, nd = 0, err = 0;
        for (size_t v = 0; v < n; v++) {
            double s = 0;
            size_t k0 = g.off[v], k1 = g.off[v + 1];
            if (interleave)
                for (size_t k = k0; k < k1; k++) s += (double)g.aw[k].w * y[g.aw[k].id];
            else if (fy)
                for (size_t k = k0; k < k1; k++) s += (double)g.w[k] * (double)yf[g.adj[k]];
            else
                for (size_t k = k0; k < k1; k++) s += (double)g.w[k] * y[g.adj[k]];
            double nv = d * s + tele;
            err += fabs(nv - x[v]);
            xn[v] = nv;
            if (inv[v] == 0) nd += nv;
        }
        for (size_t v = 0; v < n; v++) {
            x[v] = xn[v];
            y[v] = xn[v] * inv[v];
            if (fy) yf[v] = (float)y[v];
        }
        dang = nd;
        (void)err;
    }
    double t = (cpu_now() - t0) / iters;
    /* bytes the library's loop streams per iteration: offsets, ids, weights, and per vertex
     * x (read), xn and yn (written), inv (read); the gathers of y are extra (random). */
    double bytes = (double)(n + 1) * 8 + (double)m * 8 + (double)n * 8 * 4;
    double maxd = 0;
    for (size_t v = 0; v < n; v++) {
        out[v] = x[perm[v]];
        if (ref) maxd = fmax(maxd, fabs(out[v] - ref[v]));
    }
    printf("%-58s %8.1f ms/iter %6.2f ns/edge %6.2f GB/s streamed   max|diff| %.1e\n", name, t * 1e3,
           t / (double)m * 1e9, bytes / t / 1e9, maxd);
    fflush(stdout);
    free(g.off), free(g.adj), free(g.w), free(g.aw), free(outs), free(inv), free(x), free(xn), free(y), free(yf);
    return t;
}

static size_t *g_deg;
static int by_deg(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (g_deg[x] != g_deg[y]) return g_deg[x] < g_deg[y] ? 1 : -1;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: pr_kernel FILE.bin [iterations]\n");
        return 2;
    }
    int iters = argc > 2 ? atoi(argv[2]) : 10;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return perror(argv[1]), 2;
    char hdr[32];
    uint64_t n, m;
    if (fread(hdr, 1, 32, f) != 32 || memcmp(hdr, "LEVBENCH", 8)) return fprintf(stderr, "bad file\n"), 2;
    memcpy(&n, hdr + 16, 8);
    memcpy(&m, hdr + 24, 8);
    uint32_t *src = malloc(m * 4), *dst = malloc(m * 4);
    float *w = malloc(m * 4);
    if (fread(src, 4, m, f) != m || fread(dst, 4, m, f) != m || fread(w, 4, m, f) != m) return 2;
    fclose(f);
    printf("n = %llu, m = %llu, %d iterations per variant, one thread, CPU time\n", (unsigned long long)n,
           (unsigned long long)m, iters);
    uint32_t *id = malloc(n * 4), *deg = malloc(n * 4), *order = malloc(n * 4);
    g_deg = calloc(n, sizeof *g_deg);
    for (size_t v = 0; v < n; v++) id[v] = order[v] = (uint32_t)v;
    for (size_t e = 0; e < m; e++) g_deg[dst[e]]++;
    qsort(order, n, 4, by_deg);
    for (size_t r = 0; r < n; r++) deg[order[r]] = (uint32_t)r; /* old id -> new id */
    double *ref = malloc(n * 8), *out = malloc(n * 8);
    double tA = run("A baseline (library layout)", n, m, src, dst, w, id, 0, 0, 0, iters, ref, NULL);
    double tB = run("B + huge pages", n, m, src, dst, w, id, 1, 0, 0, iters, out, ref);
    /* run() maps scores back to the original ids, so every variant compares with A directly. */
    double tC = run("C + huge pages + in-degree order", n, m, src, dst, w, deg, 1, 0, 0, iters, out, ref);
    double tD = run("D + huge pages + in-degree order + interleaved id/w", n, m, src, dst, w, deg, 1, 1, 0, iters,
                    out, ref);
    double tE = run("E + huge pages + in-degree order + float y", n, m, src, dst, w, deg, 1, 0, 1, iters, out, ref);
    (void)tB;
    /* STREAM-like read bandwidth on one core. */
    size_t N = (size_t)1 << 27;
    double *a = big(N * 8, 1), s = 0, acc[8] = {0};
    for (size_t i = 0; i < N; i++) a[i] = (double)i;
    double t0 = cpu_now();
    for (int r = 0; r < 3; r++)
        for (size_t i = 0; i < N; i += 8) /* 8 accumulators: bandwidth-bound, not add-latency-bound */
            for (int j = 0; j < 8; j++) acc[j] += a[i + j];
    double ts = (cpu_now() - t0) / 3;
    for (int j = 0; j < 8; j++) s += acc[j];
    printf("S STREAM-like sum over 1 GiB: %.2f GB/s (checksum %.3g)\n", (double)N * 8 / ts / 1e9, s);
    printf("speed-up vs A: C %.2fx, D %.2fx, E %.2fx\n", tA / tC, tA / tD, tA / tE);
    return 0;
}
