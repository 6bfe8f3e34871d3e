/*
 * bench/profile/pr_iters.c — iterations and time weighted PageRank needs to reach an L1 change
 * <= 1e-10 between iterates, with different iteration schemes that share one fixpoint.
 *
 * Not part of the harness. Reads the benchmark's binary edge file (bench/gen.c), builds the
 * in-CSR (rows by target, sources sorted, float strengths) and out-strengths, and runs:
 *
 *   A   Jacobi as src/pagerank.c: x'[v] = d·Σ w(u,v)·y[u] + (d·D + 1 − d)/n, y = x·inv refreshed
 *       after the sweep, blocks of 2048 rows, dynamic schedule, 2 threads, prefetch of
 *       y[adj[k+256]] into L2; reductions per block, summed in block order
 *   B   Gauss–Seidel, one thread: y[v] = x[v]·inv[v] written as soon as row v is done; the
 *       dangling mass D is updated by (x'[v] − x[v]) as soon as a dangling actor changes
 *   C-K deterministic two-level: K fixed contiguous chunks, Gauss–Seidel inside a chunk (own
 *       sources already updated this sweep read fresh y, D updated incrementally inside the
 *       chunk from the previous sweep's D), Jacobi across chunks (previous sweep's y: ping-pong
 *       of two y buffers); chunks scheduled dynamically on 2 threads; reductions per chunk,
 *       summed in chunk order, so the result does not depend on the thread count
 *   D   A started from x0 ∝ (1 − d)/n + d·instr(v)/W (in-strength based), normalized to sum 1
 *   E   A with the library's extrapolated steps (src/pr_extra.h: when the change shrinks twice by
 *       one ratio r and a signed change agrees, one sweep writes x' + r/(1 − r)·(x' − x))
 *   F   D's start with E's steps
 *
 * B and C run in two forms of the jump term (D-form as the library, N-form with the mass on
 * actors that have out-edges: see run_gs); only the N-form converges faster than A.
 *
 * All stop when the L1 change of x over one sweep is <= 1e-10; x is then normalized to sum 1 and
 * compared with A's.
 *
 * Build: cc -O3 -march=native -fopenmp -o /tmp/pr_iters bench/profile/pr_iters.c -lm
 * Run:   /tmp/pr_iters FILE.bin [repeats=3] [variants, e.g. "ABCDE"]
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
#include "../../src/pr_extra.h"

#define BLOCK 2048
#define PF_DIST 256
#define PF_L2(p) __builtin_prefetch((p), 0, 2)
#define DAMP 0.85
#define TOL 1e-10
#define MAXIT 10000

static size_t n, m;
static size_t *off;
static uint32_t *adj;
static float *w;
static double *inv, *instr;


static void normalize(double *x) {
    double sum = 0;
    for (size_t v = 0; v < n; v++) sum += x[v];
    for (size_t v = 0; v < n; v++) x[v] /= sum;
}

/* ---- A / D: Jacobi, the library's loop ------------------------------------------------------ */

/* start: 0 uniform, 1 in-strength; extra: take the library's extrapolated steps */
static long run_jacobi(double *x, int nthreads, int start, int extra) {
    size_t nb = (n + BLOCK - 1) / BLOCK;
    double *y = big(n * 8), *errp = big(nb * 8), *dangp = big(nb * 8), *sgnp = big(nb * 8), cx = 0;
    lev__pr_extra ex = LEV__PR_EXTRA_INIT;
    const double d = DAMP;
    if (start == 0)
        for (size_t v = 0; v < n; v++) x[v] = 1.0 / (double)n;
    else {
        double W = 0;
        for (size_t v = 0; v < n; v++) W += instr[v];
        double s = 0;
        for (size_t v = 0; v < n; v++) s += (x[v] = (1 - d) / (double)n + d * instr[v] / W);
        for (size_t v = 0; v < n; v++) x[v] /= s;
    }
    for (size_t v = 0; v < n; v++) y[v] = x[v] * inv[v];
    double dmass = 0;
    for (size_t v = 0; v < n; v++)
        if (inv[v] == 0) dmass += x[v];
    long it;
    for (it = 1; it <= MAXIT; it++) {
        double tele = d * dmass + (1 - d);
#pragma omp parallel for schedule(dynamic, 1) num_threads(nthreads)
        for (size_t b = 0; b < nb; b++) {
            size_t v0 = b * BLOCK, v1 = v0 + BLOCK < n ? v0 + BLOCK : n;
            double err = 0, dang = 0, sg = 0, qu = 1.0 / (double)n;
            for (size_t v = v0; v < v1; v++) {
                double s = 0;
                for (size_t k = off[v]; k < off[v + 1]; k++) {
                    if (k + PF_DIST < m) PF_L2(&y[adj[k + PF_DIST]]);
                    s += (double)w[k] * y[adj[k]];
                }
                double nv = d * s + tele * qu;
                nv += cx * (nv - x[v]);
                if (nv < 0) nv = 0;
                err += fabs(nv - x[v]);
                sg += lev__pr_sign(v) * (nv - x[v]);
                x[v] = nv;
                if (inv[v] == 0) dang += nv;
            }
            errp[b] = err;
            dangp[b] = dang;
            sgnp[b] = sg;
        }
#pragma omp parallel for schedule(static) num_threads(nthreads)
        for (size_t v = 0; v < n; v++) y[v] = x[v] * inv[v];
        double err = 0, sgn = 0;
        dmass = 0;
        for (size_t b = 0; b < nb; b++) err += errp[b], dmass += dangp[b], sgn += sgnp[b];
        int plain = cx == 0;
        if (plain && err <= TOL) break;
        cx = extra ? lev__pr_extrapolate(&ex, plain, err, sgn) : 0;
    }
    free(y), free(errp), free(dangp), free(sgnp);
    return it;
}

/* ---- B: sequential Gauss–Seidel -------------------------------------------------------------- */

/* form 0: teleport (d·D + 1 − d)/n with D the dangling mass, updated as dangling actors change;
 * form 1: teleport (1 − d·N)/n with N the mass on non-dangling actors, updated likewise. The same
 * fixpoint (its sum is 1, and then 1 − d·N = d·D + 1 − d), but form 0's iteration matrix has the
 * Perron root d (the sum of x is a slow mode once Gauss–Seidel stops preserving it), form 1's has
 * that mode at 0. */
static long run_gs(double *x, int form) {
    double *y = big(n * 8);
    const double d = DAMP, qu = 1.0 / (double)n;
    for (size_t v = 0; v < n; v++) x[v] = qu, y[v] = x[v] * inv[v];
    double dmass = 0;
    for (size_t v = 0; v < n; v++)
        if ((inv[v] == 0) != form) dmass += x[v];
    long it;
    for (it = 1; it <= MAXIT; it++) {
        double err = 0, dcur = dmass, dnext = 0;
        for (size_t v = 0; v < n; v++) {
            int dg = inv[v] == 0;
            double s = 0;
            for (size_t k = off[v]; k < off[v + 1]; k++) {
                if (k + PF_DIST < m) PF_L2(&y[adj[k + PF_DIST]]);
                s += (double)w[k] * y[adj[k]];
            }
            double nv = d * s + (form ? 1 - d * dcur : d * dcur + (1 - d)) * qu;
            err += fabs(nv - x[v]);
            if (dg != form) { /* form 0 tracks dangling actors, form 1 the others */
                dcur += nv - x[v];
                dnext += nv;
            }
            x[v] = nv;
            y[v] = nv * inv[v];
        }
        dmass = dnext; /* the exact dangling mass of the swept x (drift of dcur discarded) */
        if (err <= TOL) break;
    }
    free(y);
    return it;
}

/* ---- C: K chunks, Gauss–Seidel inside, Jacobi across ---------------------------------------- */

static long run_chunks(double *x, size_t K, int nthreads, int form) {
    double *ya = big(n * 8), *yb = big(n * 8), *errp = big(K * 8), *dangp = big(K * 8);
    const double d = DAMP, qu = 1.0 / (double)n;
    for (size_t v = 0; v < n; v++) x[v] = qu, ya[v] = yb[v] = x[v] * inv[v];
    double dmass = 0;
    for (size_t v = 0; v < n; v++)
        if ((inv[v] == 0) != form) dmass += x[v];
    double *yprev = ya, *ycur = yb; /* yprev: every actor's y of the last sweep; ycur: written now */
    long it;
    for (it = 1; it <= MAXIT; it++) {
#pragma omp parallel for schedule(dynamic, 1) num_threads(nthreads)
        for (size_t c = 0; c < K; c++) {
            size_t v0 = c * n / K, v1 = (c + 1) * n / K;
            double err = 0, dcur = dmass, dang = 0;
            const double *yp = yprev;
            double *yc = ycur;
            for (size_t v = v0; v < v1; v++) {
                double s = 0;
                uint32_t lo = (uint32_t)v0, span = (uint32_t)(v - v0);
                for (size_t k = off[v]; k < off[v + 1]; k++) {
                    if (k + PF_DIST < m) {
                        uint32_t u2 = adj[k + PF_DIST];
                        PF_L2(((uint32_t)(u2 - lo) < span ? yc : yp) + u2);
                    }
                    uint32_t u = adj[k];
                    /* sources of this chunk already swept read this sweep's y */
                    const double *ys = (uint32_t)(u - lo) < span ? yc : yp;
                    s += (double)w[k] * ys[u];
                }
                double nv = d * s + (form ? 1 - d * dcur : d * dcur + (1 - d)) * qu;
                err += fabs(nv - x[v]);
                if ((inv[v] == 0) != form) {
                    dcur += nv - x[v];
                    dang += nv;
                }
                x[v] = nv;
                yc[v] = nv * inv[v];
            }
            errp[c] = err;
            dangp[c] = dang;
        }
        double *t = yprev;
        yprev = ycur, ycur = t;
        double err = 0;
        dmass = 0;
        for (size_t c = 0; c < K; c++) err += errp[c], dmass += dangp[c];
        if (err <= TOL) break;
    }
    free(ya), free(yb), free(errp), free(dangp);
    return it;
}

/* ---- driver ----------------------------------------------------------------------------------- */

static const double *xref;

static void report(const char *name, int reps, long *its, double *ms, double *x) {
    qsort(ms, (size_t)reps, sizeof *ms, cmpd);
    double med = ms[reps / 2], maxd = 0, l1 = 0;
    if (xref)
        for (size_t v = 0; v < n; v++) {
            double e = fabs(x[v] - xref[v]);
            if (e > maxd) maxd = e;
            l1 += e;
        }
    int same = 1;
    for (int r = 1; r < reps; r++) same &= its[r] == its[0];
    printf("%-12s iters %5ld%s  ms %9.1f (min %8.1f max %8.1f)  ms/iter %7.2f  max|x-xA| %.3g  L1 %.3g\n", name,
           its[0], same ? "" : "*", med, ms[0], ms[reps - 1], med / (double)its[0], maxd, l1);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: pr_iters FILE.bin [repeats] [variants]\n");
        return 2;
    }
    int reps = argc > 2 ? atoi(argv[2]) : 3;
    const char *which = argc > 3 ? argv[3] : "ABCDE";
    if (reps < 1 || reps > 64) reps = 3;
    in_csr g;
    if (in_csr_read(argv[1], &g)) return 2;
    n = g.n, m = g.m, off = g.off, adj = g.adj, w = g.w;
    const uint32_t *src = g.src, *dst = g.dst;
    const float *w0 = g.w0;
    inv = big(n * 8);
    instr = big(n * 8);
    double *outs = calloc(n, 8);
    for (size_t e = 0; e < m; e++) outs[src[e]] += w0[e], instr[dst[e]] += w0[e];
    size_t ndang = 0;
    for (size_t v = 0; v < n; v++) {
        inv[v] = outs[v] > 0 ? 1.0 / outs[v] : 0;
        ndang += outs[v] == 0;
    }
    in_csr_drop_edges(&g);
    free(outs);
    printf("%s: n = %zu, m = %zu, dangling %zu; median of %d, wall time of the iterations (x, y init incl.)\n",
           argv[1], n, m, ndang, reps);

    double *xa = big(n * 8), *x = big(n * 8);
    long its[64];
    double ms[64];
/* reps runs of `call` (iterating into xv, returning its sweeps), then xv normalized and reported */
#define MEASURE(name, xv, call)                  \
    do {                                         \
        for (int r = 0; r < reps; r++) {         \
            double t0 = wall_now();              \
            its[r] = (call);                     \
            ms[r] = (wall_now() - t0) * 1e3;     \
        }                                        \
        normalize(xv);                           \
        report(name, reps, its, ms, xv);         \
    } while (0)
    /* A first: the reference */
    MEASURE("A jacobi", xa, run_jacobi(xa, 2, 0, 0));
    xref = xa;
    if (strchr(which, 'B')) {
        for (int form = 0; form < 2; form++) MEASURE(form ? "B gs N-form" : "B gs D-form", x, run_gs(x, form));
    }
    if (strchr(which, 'C')) {
        size_t Ks[] = {1, 2, 8, 64, (n + BLOCK - 1) / BLOCK};
        for (size_t i = 0; i < sizeof Ks / sizeof *Ks; i++)
        for (int form = 0; form < 2; form++) {
            if (Ks[i] == 1 && !strchr(which, '1')) continue;
            char name[32];
            snprintf(name, sizeof name, "C%c K=%zu", form ? 'N' : 'D', Ks[i]);
            int th = Ks[i] == 1 ? 1 : 2;
            MEASURE(name, x, run_chunks(x, Ks[i], th, form));
        }
    }
    if (strchr(which, 'D')) MEASURE("D jac-instr", x, run_jacobi(x, 2, 1, 0));
    if (strchr(which, 'E')) MEASURE("E jac-extra", x, run_jacobi(x, 2, 0, 1));
    if (strchr(which, 'F')) MEASURE("F D + E", x, run_jacobi(x, 2, 1, 1));
    /* A again, last: the first run pays for a cold machine */
    if (strchr(which, 'a')) MEASURE("A again", x, run_jacobi(x, 2, 0, 0));
    if (strchr(which, 'T')) { /* determinism check: C with K chunks on 1 thread vs 2 */
        double *x1 = big(n * 8);
        size_t K = 64;
        long i1 = run_chunks(x1, K, 1, 1), i2 = run_chunks(x, K, 2, 1);
        printf("C K=64 1 thread vs 2 threads: iters %ld / %ld, bit-identical %s\n", i1, i2,
               memcmp(x1, x, n * 8) ? "NO" : "yes");
        free(x1);
    }
    return 0;
}
