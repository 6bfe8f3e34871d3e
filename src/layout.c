/* Drawing: a seeded force-directed layout (Fruchterman & Reingold 1991).
 *
 * Start: actor i at a point drawn from its own stream of (LEV_P_SEED, i). Each of the
 * LEV_P_LAYOUT_ITERATIONS steps computes every actor's displacement from the previous step's
 * positions alone (all pairs repel with k²/d, neighbours attract with d²/k, k = 1/√V), then moves
 * each actor by at most the temperature, which falls linearly from 0.1 to 0. Each actor's sum is
 * taken in a fixed order (actors ascending, then its neighbours ascending), so the bits do not
 * depend on the threads. The result is scaled uniformly into [0, 1]² and centred. */
#include "internal.h"
#include "campaigns.h"

#include <math.h>
#include <string.h>

#define LAYOUT_TAG 0x4C41594FULL /* "LAYO" */

lev_status lev_layout(const lev_network *net, lev_params *p, double *xy) {
    lev__ctx c;
    lev_status rc = lev__ctx_begin(&c, net, p, "layout", xy);
    if (rc) return rc;
    uint32_t n = c.g->n;
    if (n > LEV_LAYOUT_MAX_ACTORS)
        return lev__ctx_fail(&c, LEV_ELIMIT, "layout: %u actors are more than the %u it draws (LEV_LAYOUT_MAX_ACTORS)",
                             n, (unsigned)LEV_LAYOUT_MAX_ACTORS);
    if (n == 0) return LEV_OK;
    int iters = (int)lev__param(p, LEV_P_LAYOUT_ITERATIONS);
    uint64_t seed = (uint64_t)lev__param(p, LEV_P_SEED);
    double *pos = lev__ctx_alloc(&c, 2 * (size_t)n, sizeof *pos);
    double *nxt = lev__ctx_alloc(&c, 2 * (size_t)n, sizeof *nxt);
    lev__view vw;
    memset(&vw, 0, sizeof vw);
    if (!pos || !nxt || lev__view_build(&c, LEV__VIEW_BOTH, LEV__FOLD_COUNT, 0, &vw)) {
        rc = lev__ctx_fail(&c, LEV_ENOMEM, "layout: out of memory for %u actors", n);
        goto done;
    }
    for (uint32_t i = 0; i < n; i++) {
        uint64_t st = lev__stream(seed, i, LAYOUT_TAG);
        pos[2 * (size_t)i] = lev__unit(&st);
        pos[2 * (size_t)i + 1] = lev__unit(&st);
    }
    const double k = 1.0 / sqrt((double)n), k2 = k * k, t0 = 0.1;
    /* a thread per 4M pair visits a step at least (about 5 ms): below, the barrier of each step
     * costs more than it saves, badly so on a loaded machine (300 actors: 0.05 s on 1 thread,
     * 2.4 s on 2 with a grain of 64K) */
    int threads = lev__cap_threads(&c, (size_t)n * n, (size_t)1 << 22);
    (void)threads;
    for (int it = 0; it < iters; it++) {
        double temp = t0 * (1.0 - (double)it / (double)iters);
#pragma omp parallel for schedule(static) num_threads(threads)
        for (uint32_t v = 0; v < n; v++) {
            double xv = pos[2 * (size_t)v], yv = pos[2 * (size_t)v + 1], dx = 0, dy = 0;
            for (uint32_t u = 0; u < n; u++) {
                if (u == v) continue;
                double ex = xv - pos[2 * (size_t)u], ey = yv - pos[2 * (size_t)u + 1];
                double d2 = ex * ex + ey * ey;
                if (d2 < 1e-18) { /* coincident: push apart along a direction fixed by the pair */
                    ex = v < u ? 1e-9 : -1e-9;
                    ey = 0;
                    d2 = 1e-18;
                }
                double f = k2 / d2; /* (e/|e|) * k²/|e| */
                dx += ex * f;
                dy += ey * f;
            }
            for (size_t a = vw.off[v]; a < vw.off[v + 1]; a++) {
                uint32_t u = vw.adj[a];
                double ex = xv - pos[2 * (size_t)u], ey = yv - pos[2 * (size_t)u + 1];
                double d = sqrt(ex * ex + ey * ey) / k; /* (e/|e|) * |e|²/k */
                dx -= ex * d;
                dy -= ey * d;
            }
            double len = sqrt(dx * dx + dy * dy);
            if (len > temp) {
                dx *= temp / len;
                dy *= temp / len;
            }
            double x = xv + dx, y = yv + dy;
            nxt[2 * (size_t)v] = x < 0 ? 0 : x > 1 ? 1 : x;
            nxt[2 * (size_t)v + 1] = y < 0 ? 0 : y > 1 ? 1 : y;
        }
        double *sw = pos;
        pos = nxt;
        nxt = sw;
        if ((it & 15) == 15 && (rc = lev__ctx_progress(&c, (double)(it + 1) / (double)iters, "layout"))) goto done;
    }
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    for (size_t i = 0; i < 2 * (size_t)n; i++) {
        if (pos[i] < lo[i & 1]) lo[i & 1] = pos[i];
        if (pos[i] > hi[i & 1]) hi[i & 1] = pos[i];
    }
    if ((rc = lev__ctx_progress(&c, 1, "layout"))) goto done;
    double ext = fmax(hi[0] - lo[0], hi[1] - lo[1]);
    for (size_t i = 0; i < 2 * (size_t)n; i++) {
        double v = ext > 0 ? 0.5 + (pos[i] - 0.5 * (lo[i & 1] + hi[i & 1])) / ext : 0.5;
        xy[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
done:
    lev__view_free(&c, &vw);
    /* pos and nxt may have been swapped: free both by size */
    lev__ctx_free(&c, pos, 2 * (size_t)n, sizeof *pos);
    lev__ctx_free(&c, nxt, 2 * (size_t)n, sizeof *nxt);
    return rc;
}
