/*
 * bench/profile/pr_pull.c — the memory-bandwidth bound of a PageRank iteration, and what-if
 * variants of the library's pull loop that attack the part above it (issue 22).
 *
 * Not part of the harness. Reads the benchmark's binary edge file, builds the in-CSR the way
 * the library does (size_t offsets, uint32 ids, float strengths, rows sorted by source, huge
 * pages), and times one PageRank iteration (CPU time of the calling thread, median of `iters`)
 * in variants; then a STREAM triad a[i] = b[i] + s·c[i] for the machine's bandwidth.
 *
 *   A  the library's loop before issue 22: one sequential sum per row, prefetch of
 *      y[adj[k + 64]] into L1 (prefetcht0)
 *   N  the library's loop now (src/pagerank.c): the same sums, prefetch of y[adj[k + 256]] into
 *      L2 (prefetcht1); PR_HINTS=1 (or 2) in the environment times the other distances and hints
 *      tried instead of the variants below
 *   A0 A without the prefetch;  AP A with the prefetch loop split so no arc tests k + 64 < m
 *   L4 A with the row summed in four interleaved partial sums (k mod 4), then (s0+s1)+(s2+s3):
 *      four add chains instead of one (a long row's sum is bound by the add latency otherwise)
 *   SEGn A with the sources cut into n ranges (CSR segmenting, Zhang et al. 2017): each pass
 *      reads only 1/n of y, accumulating into acc[v] in row order — bit-identical to A
 *   T1 / T2 STREAM triad on one thread / two threads (OpenMP), 3 × 128 MiB arrays, counting
 *      24 bytes per element as STREAM does
 *
 * Bytes an iteration must move (the bound): offsets 8(n+1), ids 4m, strengths 4m, and per actor
 * x read, inv read, x' and y' written (32n); the gathers of y are extra (in cache at best).
 *
 * Build: cc -O3 -fopenmp -o pr_pull bench/profile/pr_pull.c -lm
 * Run:   pr_pull bench/out/graphs/rmat-s18-ef16-seed1.bin [iterations]
 */
#define _GNU_SOURCE
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "in_csr.h"

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define PF 64
static size_t n, m;
static size_t *off;
static uint32_t *adj;
static float *w;
static double *inv, *x, *xn, *y, *ynx, *acc;
static uint32_t **seg; /* seg[s][v]: end of v's entries with source < bound(s+1), relative to off[v] */

static double iter_A(void) {
    double tele = 0.15 / (double)n, err = 0;
    for (size_t v = 0; v < n; v++) {
        double s = 0;
        for (size_t k = off[v]; k < off[v + 1]; k++) {
            if (k + PF < m) __builtin_prefetch(&y[adj[k + PF]]);
            s += (double)w[k] * y[adj[k]];
        }
        double nv = 0.85 * s + tele;
        err += fabs(nv - x[v]);
        xn[v] = nv;
        ynx[v] = nv * inv[v];
    }
    return err;
}

static double iter_A0(void) {
    double tele = 0.15 / (double)n, err = 0;
    for (size_t v = 0; v < n; v++) {
        double s = 0;
        for (size_t k = off[v]; k < off[v + 1]; k++) s += (double)w[k] * y[adj[k]];
        double nv = 0.85 * s + tele;
        err += fabs(nv - x[v]);
        xn[v] = nv;
        ynx[v] = nv * inv[v];
    }
    return err;
}

/* A with the prefetch over the whole arc range at once: no bound test per arc (the library's
 * loop tests k + 64 < m on every arc) */
static double iter_AP(void) {
    double tele = 0.15 / (double)n, err = 0;
    size_t mp = m > PF ? m - PF : 0;
    for (size_t v = 0; v < n; v++) {
        double s = 0;
        size_t k = off[v], k1 = off[v + 1], kp = k1 < mp ? k1 : mp;
        for (; k < kp; k++) {
            __builtin_prefetch(&y[adj[k + PF]]);
            s += (double)w[k] * y[adj[k]];
        }
        for (; k < k1; k++) s += (double)w[k] * y[adj[k]];
        double nv = 0.85 * s + tele;
        err += fabs(nv - x[v]);
        xn[v] = nv;
        ynx[v] = nv * inv[v];
    }
    return err;
}

static double iter_L4n(void) {
    double tele = 0.15 / (double)n, err = 0;
    for (size_t v = 0; v < n; v++) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        size_t k = off[v], k1 = off[v + 1];
        for (; k + 4 <= k1; k += 4) {
            s0 += (double)w[k] * y[adj[k]];
            s1 += (double)w[k + 1] * y[adj[k + 1]];
            s2 += (double)w[k + 2] * y[adj[k + 2]];
            s3 += (double)w[k + 3] * y[adj[k + 3]];
        }
        for (; k < k1; k++) s0 += (double)w[k] * y[adj[k]];
        double nv = 0.85 * ((s0 + s1) + (s2 + s3)) + tele;
        err += fabs(nv - x[v]);
        xn[v] = nv;
        ynx[v] = nv * inv[v];
    }
    return err;
}

/* A with another prefetch distance and locality hint (3 = prefetcht0 .. 0 = prefetchnta) */
#define AVAR(NAME, DIST, HINT)                                                                       \
    static double NAME(void) {                                                                       \
        double tele = 0.15 / (double)n, err = 0;                                                     \
        for (size_t v = 0; v < n; v++) {                                                             \
            double s = 0;                                                                            \
            for (size_t k = off[v]; k < off[v + 1]; k++) {                                           \
                if (k + DIST < m) __builtin_prefetch(&y[adj[k + DIST]], 0, HINT);                    \
                s += (double)w[k] * y[adj[k]];                                                       \
            }                                                                                        \
            double nv = 0.85 * s + tele;                                                             \
            err += fabs(nv - x[v]);                                                                  \
            xn[v] = nv;                                                                              \
            ynx[v] = nv * inv[v];                                                                    \
        }                                                                                            \
        return err;                                                                                  \
    }
/* two prefetches: far into L2, near into L1 */
#define AVAR2(NAME, FAR, NEAR)                                                                       \
    static double NAME(void) {                                                                       \
        double tele = 0.15 / (double)n, err = 0;                                                     \
        for (size_t v = 0; v < n; v++) {                                                             \
            double s = 0;                                                                            \
            for (size_t k = off[v]; k < off[v + 1]; k++) {                                           \
                if (k + FAR < m) __builtin_prefetch(&y[adj[k + FAR]], 0, 1);                         \
                if (k + NEAR < m) __builtin_prefetch(&y[adj[k + NEAR]], 0, 3);                       \
                s += (double)w[k] * y[adj[k]];                                                       \
            }                                                                                        \
            double nv = 0.85 * s + tele;                                                             \
            err += fabs(nv - x[v]);                                                                  \
            xn[v] = nv;                                                                              \
            ynx[v] = nv * inv[v];                                                                    \
        }                                                                                            \
        return err;                                                                                  \
    }
AVAR(iter_h2, 64, 2)
AVAR(iter_h1, 64, 1)
AVAR(iter_h0, 64, 0)
AVAR(iter_d32, 32, 3)
AVAR(iter_d128, 128, 3)
AVAR(iter_h1d128, 128, 1)
AVAR(iter_h1d256, 256, 1)
AVAR(iter_h1d512, 512, 1)
AVAR(iter_h2d256, 256, 2)
AVAR(iter_h1d192, 192, 1)
AVAR(iter_h1d384, 384, 1)
AVAR2(iter_two256_32, 256, 32)
AVAR2(iter_two256_16, 256, 16)

static double iter_L4(void) {
    double tele = 0.15 / (double)n, err = 0;
    for (size_t v = 0; v < n; v++) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        size_t k = off[v], k1 = off[v + 1];
        for (; k + 4 <= k1; k += 4) {
            if (k + PF + 4 <= m) {
                __builtin_prefetch(&y[adj[k + PF]]);
                __builtin_prefetch(&y[adj[k + PF + 1]]);
                __builtin_prefetch(&y[adj[k + PF + 2]]);
                __builtin_prefetch(&y[adj[k + PF + 3]]);
            }
            s0 += (double)w[k] * y[adj[k]];
            s1 += (double)w[k + 1] * y[adj[k + 1]];
            s2 += (double)w[k + 2] * y[adj[k + 2]];
            s3 += (double)w[k + 3] * y[adj[k + 3]];
        }
        for (; k < k1; k++) s0 += (double)w[k] * y[adj[k]];
        double nv = 0.85 * ((s0 + s1) + (s2 + s3)) + tele;
        err += fabs(nv - x[v]);
        xn[v] = nv;
        ynx[v] = nv * inv[v];
    }
    return err;
}

static int nseg;
static double iter_SEG(void) {
    double tele = 0.15 / (double)n, err = 0;
    for (size_t v = 0; v < n; v++) acc[v] = 0;
    for (int s = 0; s < nseg; s++) {
        const uint32_t *lo = s ? seg[s - 1] : NULL, *hi = seg[s];
        for (size_t v = 0; v < n; v++) {
            size_t k0 = off[v] + (lo ? lo[v] : 0), k1 = off[v] + hi[v];
            if (k0 == k1) continue;
            double a = acc[v];
            for (size_t k = k0; k < k1; k++) a += (double)w[k] * y[adj[k]];
            acc[v] = a;
        }
    }
    for (size_t v = 0; v < n; v++) {
        double nv = 0.85 * acc[v] + tele;
        err += fabs(nv - x[v]);
        xn[v] = nv;
        ynx[v] = nv * inv[v];
    }
    return err;
}

static double timeit(const char *name, double (*f)(void), int iters, double bytes, const double *ref, double *keep) {
    double *t = malloc(sizeof(double) * (size_t)iters);
    for (size_t v = 0; v < n; v++) x[v] = 1.0 / (double)n, y[v] = x[v] * inv[v];
    for (int i = 0; i < iters; i++) {
        double t0 = cpu_now();
        f();
        t[i] = cpu_now() - t0;
        double *s = x; x = xn; xn = s;
        s = y; y = ynx; ynx = s;
    }
    qsort(t, (size_t)iters, sizeof *t, cmpd);
    double med = t[iters / 2], maxd = 0;
    if (ref)
        for (size_t v = 0; v < n; v++) maxd = fmax(maxd, fabs(x[v] - ref[v]));
    if (keep) memcpy(keep, x, n * sizeof *x);
    printf("%-34s %7.2f ms/iter %5.2f ns/edge %6.2f GB/s of the bound   max|diff| vs A %.1e%s\n", name, med * 1e3,
           med / (double)m * 1e9, bytes / med / 1e9, maxd, ref && maxd == 0 ? " (bit-identical)" : "");
    fflush(stdout);
    free(t);
    return med;
}

static void triad(int threads) {
    size_t N = (size_t)1 << 24; /* 128 MiB per array */
    double *a = big(N * 8), *b = big(N * 8), *c = big(N * 8);
#pragma omp parallel for num_threads(threads) schedule(static)
    for (size_t i = 0; i < N; i++) b[i] = (double)i, c[i] = 1.0, a[i] = 0;
    double best = INFINITY, best_cpu = INFINITY;
    for (int r = 0; r < 5; r++) {
        double t0 = wall_now(), c0 = (double)clock() / CLOCKS_PER_SEC;
#pragma omp parallel for num_threads(threads) schedule(static)
        for (size_t i = 0; i < N; i++) a[i] = b[i] + 3.0 * c[i];
        double t = wall_now() - t0, tc = (double)clock() / CLOCKS_PER_SEC - c0;
        if (t < best) best = t;
        if (tc < best_cpu) best_cpu = tc;
    }
    printf("T%d STREAM triad, %d thread(s): best %.2f GB/s wall (%.1f ms; CPU %.1f ms), checksum %.3g\n", threads,
           threads, (double)N * 24 / best / 1e9, best * 1e3, best_cpu * 1e3, a[N / 2]);
    free(a), free(b), free(c);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: pr_pull FILE.bin [iterations]\n");
        return 2;
    }
    int iters = argc > 2 ? atoi(argv[2]) : 9;
    in_csr g;
    if (in_csr_read(argv[1], &g)) return 2;
    n = g.n, m = g.m, off = g.off, adj = g.adj, w = g.w;
    const uint32_t *src = g.src;
    const float *w0 = g.w0;
    inv = big(n * 8), x = big(n * 8), xn = big(n * 8), y = big(n * 8), ynx = big(n * 8), acc = big(n * 8);
    double *outs = calloc(n, 8);
    for (size_t e = 0; e < m; e++) outs[src[e]] += w0[e];
    for (size_t v = 0; v < n; v++) inv[v] = outs[v] > 0 ? 1.0 / outs[v] : 0;
    double bytes = 8.0 * (double)(n + 1) + 8.0 * (double)m + 32.0 * (double)n;
    printf("n = %zu, m = %zu; an iteration must move %.1f MB (offsets %.1f, ids + strengths %.1f, vectors %.1f); "
           "y is %.1f MB; one thread, CPU time, median of %d iterations\n",
           n, m, bytes / 1e6, 8.0 * (double)(n + 1) / 1e6, 8.0 * (double)m / 1e6, 32.0 * (double)n / 1e6,
           8.0 * (double)n / 1e6, iters);
    double *ref = malloc(n * 8);
    double tA = timeit("A  library loop", iter_A, iters, bytes, NULL, ref);
    double tN = timeit("N  library loop now (L2, 256 ahead)", iter_h2d256, iters, bytes, ref, NULL);
    printf("    (N vs A %.2fx)\n", tA / tN);
    double tA0 = timeit("A0 A without the prefetch", iter_A0, iters, bytes, ref, NULL);
    double tAP = timeit("AP A, prefetch without bound test", iter_AP, iters, bytes, ref, NULL);
    if (getenv("PR_HINTS")) {
        for (int r = 0; r < 2; r++) {
            if (getenv("PR_HINTS")[0] == '2') {
                timeit("A hint 2 (prefetcht1)", iter_h2, iters, bytes, ref, NULL);
                timeit("A hint 1 (prefetcht2)", iter_h1, iters, bytes, ref, NULL);
                timeit("A hint 0 (prefetchnta)", iter_h0, iters, bytes, ref, NULL);
                timeit("A distance 32", iter_d32, iters, bytes, ref, NULL);
                timeit("A distance 128", iter_d128, iters, bytes, ref, NULL);
            }
            timeit("A hint 1 distance 128", iter_h1d128, iters, bytes, ref, NULL);
            timeit("A hint 1 distance 192", iter_h1d192, iters, bytes, ref, NULL);
            timeit("A hint 1 distance 256", iter_h1d256, iters, bytes, ref, NULL);
            timeit("A hint 1 distance 384", iter_h1d384, iters, bytes, ref, NULL);
            timeit("A hint 1 distance 512", iter_h1d512, iters, bytes, ref, NULL);
            timeit("A hint 2 distance 256", iter_h2d256, iters, bytes, ref, NULL);
            timeit("A L2 at 256 + L1 at 32", iter_two256_32, iters, bytes, ref, NULL);
            timeit("A L2 at 256 + L1 at 16", iter_two256_16, iters, bytes, ref, NULL);
            timeit("A  library loop again", iter_A, iters, bytes, ref, NULL);
        }
        return 0;
    }
    double tL = timeit("L4 four partial sums per row", iter_L4, iters, bytes, ref, NULL);
    double tL4n = timeit("L4n L4 without the prefetch", iter_L4n, iters, bytes, ref, NULL);
    printf("vs A: A0 %.2fx, AP %.2fx, L4 %.2fx, L4n %.2fx\n", tA / tA0, tA / tAP, tA / tL, tA / tL4n);
    int segs[] = {2, 4, 8};
    for (int i = 0; i < 3; i++) {
        nseg = segs[i];
        seg = malloc(sizeof *seg * (size_t)nseg);
        for (int s = 0; s < nseg; s++) {
            seg[s] = big(n * 4);
            uint32_t bound = (uint32_t)(((uint64_t)n * (uint64_t)(s + 1)) / (uint64_t)nseg);
            for (size_t v = 0; v < n; v++) {
                size_t lo = off[v], hi = off[v + 1];
                while (lo < hi) {
                    size_t mid = lo + (hi - lo) / 2;
                    if (adj[mid] < bound) lo = mid + 1;
                    else hi = mid;
                }
                seg[s][v] = (uint32_t)(lo - off[v]);
            }
        }
        char name[64];
        snprintf(name, sizeof name, "SEG%d  sources in %d ranges", nseg, nseg);
        double ts = timeit(name, iter_SEG, iters, bytes + 4.0 * (double)n * nseg + 16.0 * (double)n * nseg, ref, NULL);
        printf("    (vs A %.2fx)\n", tA / ts);
        for (int s = 0; s < nseg; s++) free(seg[s]);
        free(seg);
    }
    triad(1);
    triad(2);
    return 0;
}
