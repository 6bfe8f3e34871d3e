/*
 * Inequality of a vector of non-negative numbers: Gini, Theil T and L, Herfindahl–Hirschman,
 * Palma ratio, top share and the Lorenz curve.
 *
 * These calls have no network, so no network allocator: the measures that need the values in
 * order (Gini, Palma, top share, Lorenz) sort a copy allocated through the params' allocator
 * (lev_params_new_with_alloc; the C library's malloc for lev_params_new or NULL params) and
 * free it before returning. Failures are recorded on the params when given (a context with no
 * network records on p, or nowhere when p is NULL too).
 *
 * Conventions shared by every measure (documented in docs/inequality.md):
 *  - x may be NULL only when n is 0; entries must be finite and >= 0 (-0.0 counts as 0),
 *    else LEV_EINVAL naming the first bad index.
 *  - When all values are equal (a zero total included) the result is that of perfect
 *    equality, computed exactly: Gini 0, Theil 0 and 0, HHI 1/n, Palma 1/4, top share k/n,
 *    Lorenz curve on the diagonal. So a zero total never gives NaN.
 *  - Every measure is scale invariant; when the largest value is so large that the total
 *    could overflow (> 2^900), values are scaled by a power of two first (exact).
 */
#include "internal.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BIG 0x1p900

/* The checked vector: its extremes and the power-of-two scale that keeps sums finite. */
typedef struct vinfo {
    double min, max, scale;
} vinfo;

static lev_status check_vec(lev__ctx *c, const char *what, const double *x, size_t n, int need_n,
                            const void *out, vinfo *vi) {
    if (!out) return lev__ctx_fail(c, LEV_EMISUSE, "%s: the output is NULL", what);
    if (!x && n) return lev__ctx_fail(c, LEV_EMISUSE, "%s: x is NULL but n is %zu", what, n);
    if (need_n && n == 0) return lev__ctx_fail(c, LEV_EINVAL, "%s: needs at least one value (n is 0)", what);
    double lo = INFINITY, hi = 0;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (!isfinite(v) || v < 0)
            return lev__ctx_fail(c, LEV_EINVAL, "%s: x[%zu] must be finite and >= 0 (got %g)", what, i, v);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    vi->min = n ? lo : 0;
    vi->max = hi;
    vi->scale = hi > BIG ? ldexp(1.0, -ilogb(hi)) : 1.0;
    return LEV_OK;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A sorted (ascending), scaled copy of x, from the params' allocator; NULL (recorded) when out
 * of memory. Give it back with sorted_free. */
static double *sorted_copy(lev__ctx *c, const char *what, const double *x, size_t n, double scale) {
    double *s = lev__alloc_array(lev__params_mem(c->p), n, sizeof *s);
    if (!s) {
        lev__ctx_fail(c, LEV_ENOMEM, "%s: out of memory sorting %zu values", what, n);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) s[i] = x[i] * scale + 0.0; /* + 0.0 turns -0.0 into 0.0 */
    qsort(s, n, sizeof *s, cmp_double);
    return s;
}

static void sorted_free(const lev__ctx *c, double *s, size_t n) {
    lev__free(lev__params_mem(c->p), s, n * sizeof *s);
}

static lev__ctx no_net(lev_params *p) {
    lev__ctx c = {NULL, p, NULL, 1};
    return c;
}

lev_status lev_gini(const double *x, size_t n, lev_params *p, double *out) {
    lev__ctx c = no_net(p);
    vinfo vi;
    lev_status rc = check_vec(&c, "gini", x, n, 0, out, &vi);
    if (rc) return rc;
    if (n < 2 || vi.min == vi.max) {
        *out = 0;
        return LEV_OK;
    }
    double *s = sorted_copy(&c, "gini", x, n, vi.scale);
    if (!s) return LEV_ENOMEM;
    /* G = Σ_i (2i − n − 1) x_(i) / (n Σ x), i = 1..n over the values in ascending order. */
    double num = 0, tot = 0, nn = (double)n;
    for (size_t i = 0; i < n; i++) {
        num += (2.0 * (double)(i + 1) - nn - 1.0) * s[i];
        tot += s[i];
    }
    sorted_free(&c, s, n);
    double g = num / (nn * tot);
    if (lev__param(p, LEV_P_SMALL_SAMPLE) != 0) g *= nn / (nn - 1.0);
    *out = g;
    return LEV_OK;
}

lev_status lev_theil(const double *x, size_t n, lev_params *p, double *t, double *l) {
    lev__ctx c = no_net(p);
    vinfo vi;
    lev_status rc = check_vec(&c, "theil", x, n, 0, t ? (const void *)t : (const void *)l, &vi);
    if (rc) return rc;
    if (n == 0 || vi.min == vi.max) {
        if (t) *t = 0;
        if (l) *l = 0;
        return LEV_OK;
    }
    double tot = 0, nn = (double)n, sc = vi.scale;
    for (size_t i = 0; i < n; i++) tot += x[i] * sc;
    double mu = tot / nn;
    /* T = (1/n) Σ r ln r with r = x/μ (0 ln 0 = 0); L = (1/n) Σ ln(μ/x), +∞ when some x is 0. */
    double st = 0, sl = 0;
    int zero = 0;
    for (size_t i = 0; i < n; i++) {
        double xs = x[i] * sc;
        if (xs > 0) {
            double r = xs / mu;
            st += r * log(r);
        }
        if (x[i] == 0) zero = 1;
        else if (xs >= DBL_MIN) sl += log(mu / xs);         /* scaling was exact */
        else sl += log(mu) - log(sc) - log(x[i]);           /* xs lost bits to underflow */
    }
    if (t) *t = st / nn;
    if (l) *l = zero ? INFINITY : sl / nn;
    return LEV_OK;
}

lev_status lev_hhi(const double *x, size_t n, lev_params *p, double *out) {
    lev__ctx c = no_net(p);
    vinfo vi;
    lev_status rc = check_vec(&c, "hhi", x, n, 1, out, &vi);
    if (rc) return rc;
    if (vi.min == vi.max) {
        *out = 1.0 / (double)n;
        return LEV_OK;
    }
    double tot = 0, sq = 0, sc = vi.scale;
    for (size_t i = 0; i < n; i++) tot += x[i] * sc;
    for (size_t i = 0; i < n; i++) {
        double s = x[i] * sc / tot;
        sq += s * s;
    }
    *out = sq;
    return LEV_OK;
}

lev_status lev_palma(const double *x, size_t n, lev_params *p, double *out) {
    lev__ctx c = no_net(p);
    vinfo vi;
    lev_status rc = check_vec(&c, "palma", x, n, 1, out, &vi);
    if (rc) return rc;
    if (vi.min == vi.max) {
        *out = 0.25;
        return LEV_OK;
    }
    double *s = sorted_copy(&c, "palma", x, n, vi.scale);
    if (!s) return LEV_ENOMEM;
    /* Interpolate the Lorenz curve between whole actors: the bottom 40% are the i4 smallest
     * values plus r4/10 of the next; the top 10% are the values above position 0.9 n, i.e.
     * (10 − r9)/10 of value i9 and all after it. Positions in exact integer arithmetic. */
    size_t q = n / 10, rem = n % 10;
    size_t i9 = 9 * q + (9 * rem) / 10, r9 = (9 * rem) % 10;
    size_t i4 = 4 * q + (4 * rem) / 10, r4 = (4 * rem) % 10;
    double top = s[i9] * (double)(10 - r9) / 10.0, bottom = s[i4] * (double)r4 / 10.0;
    for (size_t j = i9 + 1; j < n; j++) top += s[j];
    for (size_t j = 0; j < i4; j++) bottom += s[j];
    sorted_free(&c, s, n);
    *out = bottom > 0 ? top / bottom : INFINITY; /* top > 0 here: the values are not all equal */
    return LEV_OK;
}

/* k = ⌈f·n⌉ whole actors, where an f·n within 1e-9 (relative) of a whole number is that number. */
static size_t top_count(double f, size_t n) {
    double r = f * (double)n, w = nearbyint(r);
    double k = fabs(r - w) <= 1e-9 * (w > 1 ? w : 1) ? w : ceil(r);
    return k >= (double)n ? n : (size_t)k;
}

lev_status lev_top_share(const double *x, size_t n, lev_params *p, double *out) {
    lev__ctx c = no_net(p);
    vinfo vi;
    lev_status rc = check_vec(&c, "top_share", x, n, 1, out, &vi);
    if (rc) return rc;
    double kk = lev__param(p, LEV_P_TOP_K);
    size_t k = kk > 0 ? (kk >= (double)n ? n : (size_t)kk) : top_count(lev__param(p, LEV_P_TOP_FRACTION), n);
    if (k == 0) {
        *out = 0;
        return LEV_OK;
    }
    if (k == n) {
        *out = 1;
        return LEV_OK;
    }
    if (vi.min == vi.max) {
        *out = (double)k / (double)n;
        return LEV_OK;
    }
    double *s = sorted_copy(&c, "top_share", x, n, vi.scale);
    if (!s) return LEV_ENOMEM;
    double top = 0, rest = 0;
    for (size_t j = 0; j < n - k; j++) rest += s[j];
    for (size_t j = n - k; j < n; j++) top += s[j];
    sorted_free(&c, s, n);
    *out = top / (top + rest);
    return LEV_OK;
}

lev_status lev_lorenz(const double *x, size_t n, lev_params *p, double *px, double *py) {
    lev__ctx c = no_net(p);
    vinfo vi;
    if (!px || !py) return lev__ctx_fail(&c, LEV_EMISUSE, "lorenz: px or py is NULL");
    lev_status rc = check_vec(&c, "lorenz", x, n, 1, px, &vi);
    if (rc) return rc;
    double nn = (double)n;
    if (vi.min == vi.max) {
        for (size_t i = 0; i <= n; i++) px[i] = py[i] = (double)i / nn;
        return LEV_OK;
    }
    double *s = sorted_copy(&c, "lorenz", x, n, vi.scale);
    if (!s) return LEV_ENOMEM;
    double tot = 0;
    for (size_t i = 0; i < n; i++) tot += s[i];
    double cum = 0;
    px[0] = py[0] = 0;
    for (size_t i = 1; i < n; i++) {
        cum += s[i - 1];
        px[i] = (double)i / nn;
        py[i] = cum / tot;
    }
    px[n] = py[n] = 1;
    sorted_free(&c, s, n);
    return LEV_OK;
}
