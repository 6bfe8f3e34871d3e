/*
 * bench/profile/in_csr.h — shared by the standalone PageRank profiles (pr_pull.c, pr_iters.c):
 * a clock, a median's order, huge-page aligned zeroed blocks, and a benchmark binary edge file (bench/gen.c) read into the
 * in-CSR PageRank pulls over (rows by target, sources ascending, ties in file order, float
 * strengths). Header-only: each profile stays one `cc` line.
 */
#ifndef BENCH_PROFILE_IN_CSR_H
#define BENCH_PROFILE_IN_CSR_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double wall_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* qsort order of doubles (for medians). */
static inline int cmpd(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A zeroed block of `bytes`, 2 MiB aligned and advised for huge pages; exits when out of memory. */
static inline void *big(size_t bytes) {
    void *p = NULL;
    if (posix_memalign(&p, 2u << 20, bytes ? bytes : 1)) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    madvise(p, bytes, MADV_HUGEPAGE);
    memset(p, 0, bytes);
    return p;
}

/* The edges of a file as read (malloc'ed: the caller frees) and its in-CSR (from big()). */
typedef struct in_csr {
    size_t n, m;
    uint32_t *src, *dst;
    float *w0;
    size_t *off;
    uint32_t *adj;
    float *w;
} in_csr;

/* Read `path` into g; 0, or 2 after a message on stderr. */
static inline int in_csr_read(const char *path, in_csr *g) {
    FILE *f = fopen(path, "rb");
    if (!f) return perror(path), 2;
    char hdr[32];
    uint64_t n64, m64;
    uint32_t ver, wb;
    if (fread(hdr, 1, 32, f) != 32 || memcmp(hdr, "LEVBENCH", 8)) return fprintf(stderr, "%s: bad file\n", path), 2;
    memcpy(&ver, hdr + 8, 4);
    memcpy(&wb, hdr + 12, 4);
    memcpy(&n64, hdr + 16, 8);
    memcpy(&m64, hdr + 24, 8);
    if (ver != 1 || wb != 4) return fprintf(stderr, "unsupported version %u / weight bytes %u\n", ver, wb), 2;
    size_t n = g->n = n64, m = g->m = m64;
    g->src = malloc(m * 4), g->dst = malloc(m * 4), g->w0 = malloc(m * 4);
    if (!g->src || !g->dst || !g->w0) return fprintf(stderr, "out of memory\n"), 2;
    if (fread(g->src, 4, m, f) != m || fread(g->dst, 4, m, f) != m || fread(g->w0, 4, m, f) != m)
        return fprintf(stderr, "%s: short file\n", path), 2;
    fclose(f);
    /* counting sort by source, then placed stably by target: rows by target, sources ascending */
    size_t *cnt = calloc(n + 1, sizeof *cnt), *cur = calloc(n + 1, sizeof *cur);
    uint32_t *o1 = malloc(m * 4);
    if (!cnt || !cur || !o1) return fprintf(stderr, "out of memory\n"), 2;
    for (size_t e = 0; e < m; e++) cnt[g->src[e] + 1]++;
    for (size_t v = 0; v < n; v++) cnt[v + 1] += cnt[v];
    for (size_t e = 0; e < m; e++) o1[cnt[g->src[e]]++] = (uint32_t)e;
    g->off = big((n + 1) * sizeof *g->off);
    g->adj = big(m * 4);
    g->w = big(m * 4);
    for (size_t e = 0; e < m; e++) cur[g->dst[e] + 1]++;
    for (size_t v = 0; v < n; v++) cur[v + 1] += cur[v];
    memcpy(g->off, cur, (n + 1) * sizeof *g->off);
    for (size_t k = 0; k < m; k++) {
        uint32_t e = o1[k];
        size_t p = cur[g->dst[e]]++;
        g->adj[p] = g->src[e];
        g->w[p] = g->w0[e];
    }
    free(cnt), free(cur), free(o1);
    return 0;
}

/* Free the edges as read (the CSR stays). */
static inline void in_csr_drop_edges(in_csr *g) {
    free(g->src), free(g->dst), free(g->w0);
    g->src = g->dst = NULL;
    g->w0 = NULL;
}

#endif
