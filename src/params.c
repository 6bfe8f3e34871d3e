/* Options: keyed, typed, bounded, with documented defaults; and the per-call context. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


typedef struct param_def {
    lev_param key;
    const char *name;
    int type;
    double lo, hi, dflt;
} param_def;

/* One row per key; a key's slot in lev_params.v is its row. Keep in step with leverage.h. */
static const param_def defs[LEV__NPARAM] = {
    {LEV_P_SEED, "seed", LEV_TYPE_INT, 0, 9007199254740992.0, 1},
    {LEV_P_THREADS, "threads", LEV_TYPE_INT, 0, 1024, 0},
    {LEV_P_TOLERANCE, "tolerance", LEV_TYPE_DOUBLE, 0, 1, 1e-10},
    {LEV_P_MAX_ITER, "max_iter", LEV_TYPE_INT, 1, 1e9, 1000},
    {LEV_P_UNDIRECTED, "undirected", LEV_TYPE_INT, 0, 1, 0},
    {LEV_P_WEIGHTED, "weighted", LEV_TYPE_INT, 0, 1, 1},
    {LEV_P_DIRECTION, "direction", LEV_TYPE_INT, 1, 3, LEV_DIR_ALL},
    {LEV_P_DAMPING, "damping", LEV_TYPE_DOUBLE, 0, 1, 0.85},
    {LEV_P_NORMALIZED, "normalized", LEV_TYPE_INT, 0, 1, 0},
    {LEV_P_ALPHA, "alpha", LEV_TYPE_DOUBLE, 0, 1e6, 0.1},
    {LEV_P_BETA, "beta", LEV_TYPE_DOUBLE, -1e6, 1e6, 1},
    {LEV_P_EPSILON, "epsilon", LEV_TYPE_DOUBLE, 1e-6, 0.5, 0.01},
    {LEV_P_DELTA, "delta", LEV_TYPE_DOUBLE, 1e-12, 0.5, 0.1},
    {LEV_P_ENDPOINTS, "endpoints", LEV_TYPE_INT, 0, 1, 0},
    {LEV_P_CUTOFF, "cutoff", LEV_TYPE_DOUBLE, 0, 1.7976931348623157e308, 0},
    {LEV_P_RESOLUTION, "resolution", LEV_TYPE_DOUBLE, 1e-9, 1000, 1},
    {LEV_P_DIRECTED_MODULARITY, "directed_modularity", LEV_TYPE_INT, 0, 1, 0},
    {LEV_P_SMALL_SAMPLE, "small_sample", LEV_TYPE_INT, 0, 1, 0},
    {LEV_P_TOP_K, "top_k", LEV_TYPE_INT, 0, 2147483647.0, 0},
    {LEV_P_TOP_FRACTION, "top_fraction", LEV_TYPE_DOUBLE, 0, 1, 0.1},
    {LEV_P_SAMPLES, "samples", LEV_TYPE_INT, 1, 100000, 20},
    {LEV_P_THRESHOLD, "threshold", LEV_TYPE_DOUBLE, 0, 1, 0.1},
    {LEV_P_INCROWD, "incrowd", LEV_TYPE_INT, 1, 2, LEV_INCROWD_GROUP},
    {LEV_P_SCOPE, "scope", LEV_TYPE_INT, 1, 2, LEV_SCOPE_ALL},
    {LEV_P_BYPASS_MEASURE, "bypass_measure", LEV_TYPE_INT, 1, 5, LEV_BYPASS_PAGERANK},
    {LEV_P_BYPASS_TIES, "bypass_ties", LEV_TYPE_INT, 1, 1000, 1},
    {LEV_P_BYPASS_LIMIT, "bypass_limit", LEV_TYPE_DOUBLE, 0, 1e18, 1e9},
    {LEV_P_BYPASS_RESIDUAL, "bypass_residual", LEV_TYPE_DOUBLE, 1e-15, 0.1, 3e-4},
    {LEV_P_MODEL, "model", LEV_TYPE_INT, 1, 2, LEV_MODEL_IC},
    {LEV_P_PROBABILITY, "probability", LEV_TYPE_INT, 1, 3, LEV_PROB_WC},
    {LEV_P_CONSTANT_PROBABILITY, "constant_probability", LEV_TYPE_DOUBLE, 0, 1, 0.01},
    {LEV_P_RUNS, "runs", LEV_TYPE_INT, 1, 1e9, 10000},
    {LEV_P_SEEDS_EPSILON, "seeds_epsilon", LEV_TYPE_DOUBLE, 0.001, 0.6, 0.1},
    {LEV_P_BUDGET, "budget", LEV_TYPE_DOUBLE, 0, 1.7976931348623157e308, 0},
    {LEV_P_TARGET_GROUP, "target_group", LEV_TYPE_INT, -1, 4294967294.0, -1},
    {LEV_P_QUOTA, "quota", LEV_TYPE_DOUBLE, 0, 1.7976931348623157e308, 0},
    {LEV_P_QUOTA_FRACTION, "quota_fraction", LEV_TYPE_DOUBLE, 0, 1, 0.5},
    {LEV_P_MEMORY_LIMIT, "memory_limit", LEV_TYPE_INT, 0, 9007199254740992.0, 67108864},
    {LEV_P_COALITION_SAMPLES, "coalition_samples", LEV_TYPE_INT, 1, 1e9, 20000},
    {LEV_P_CONNECTED, "connected", LEV_TYPE_INT, 0, 1, 0},
    {LEV_P_ENUM_LIMIT, "enum_limit", LEV_TYPE_INT, 0, 26, 20},
    {LEV_P_COALITION_LIMIT, "coalition_limit", LEV_TYPE_INT, 0, 1e9, 100000},
    {LEV_P_KP_MEASURE, "kp_measure", LEV_TYPE_INT, 1, 4, LEV_KP_REACH},
    {LEV_P_KP_DISTANCE, "kp_distance", LEV_TYPE_INT, 1, 2147483647.0, 1},
    {LEV_P_KP_STARTS, "kp_starts", LEV_TYPE_INT, 1, 1e6, 1},
    {LEV_P_LAYOUT_ITERATIONS, "layout_iterations", LEV_TYPE_INT, 1, 1e5, 300},
};

int lev__param_slot(lev_param key) {
    for (int i = 0; i < LEV__NPARAM; i++)
        if (defs[i].key == key) return i;
    return -1;
}

double lev__param(const lev_params *p, lev_param key) {
    int i = lev__param_slot(key);
    return p ? p->v[i] : defs[i].dflt;
}

static lev_status params_fail(lev_params *p, lev_status rc, const char *fmt, ...) LEV_PRINTF(3, 4);
static lev_status params_fail(lev_params *p, lev_status rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lev__vformat(p->errmsg, sizeof p->errmsg, fmt, ap);
    va_end(ap);
    p->errcode = rc;
    return rc;
}

/* The C library's allocator: for params made by lev_params_new, and for the scratch of calls
 * without a network given NULL params. New blocks come from malloc itself (not realloc(NULL, n)),
 * so that a test wrapping malloc sees each of them. */
static void *malloc_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return ptr ? realloc(ptr, nsize) : malloc(nsize);
}

static const lev__mem malloc_mem = {malloc_alloc, NULL};

const lev__mem *lev__params_mem(const lev_params *p) { return p ? &p->mem : &malloc_mem; }

lev_status lev_params_new(lev_params **out) {
    return lev_params_new_with_alloc(out, malloc_alloc, NULL);
}

lev_status lev_params_new_with_alloc(lev_params **out, lev_alloc_fn f, void *ud) {
    if (!out) return LEV_EMISUSE;
    *out = NULL;
    if (!f) return LEV_EMISUSE;
    lev_params *p = f(ud, NULL, 0, sizeof *p);
    if (!p) return LEV_ENOMEM;
    p->mem.f = f;
    p->mem.ud = ud;
    lev_params_reset(p);
    *out = p;
    return LEV_OK;
}

void lev_params_free(lev_params *p) {
    if (!p) return;
    lev__mem m = p->mem;
    lev__free(&m, p, sizeof *p);
}

void lev_params_reset(lev_params *p) {
    if (!p) return;
    lev__mem m = p->mem; /* the allocator is not an option: it stays */
    memset(p, 0, sizeof *p);
    p->mem = m;
    for (int i = 0; i < LEV__NPARAM; i++) p->v[i] = defs[i].dflt;
}

static lev_status set_value(lev_params *p, lev_param key, double v, int from_int) {
    if (!p) return LEV_EMISUSE;
    int i = lev__param_slot(key);
    if (i < 0) return params_fail(p, LEV_EUNSUPPORTED, "unknown option key %d", (int)key);
    const param_def *d = &defs[i];
    if (d->type == LEV_TYPE_DOUBLE && from_int)
        return params_fail(p, LEV_EINVAL, "option %s takes a double: use lev_params_set_double", d->name);
    if (isnan(v)) return params_fail(p, LEV_EINVAL, "option %s: value is NaN", d->name);
    if (d->type == LEV_TYPE_INT && v != floor(v))
        return params_fail(p, LEV_EINVAL, "option %s takes a whole number (got %g)", d->name, v);
    if (v < d->lo || v > d->hi)
        return params_fail(p, LEV_EINVAL, "option %s must be in [%.17g, %.17g] (got %.17g)", d->name, d->lo,
                           d->hi, v);
    p->v[i] = v;
    return LEV_OK;
}

lev_status lev_params_set_int(lev_params *p, lev_param key, int64_t v) {
    /* Every bound is within ±2^53, where doubles hold integers exactly: beyond it, refuse before
     * the conversion could round the value into range. */
    if (p && lev__param_slot(key) >= 0 && (v > 9007199254740992LL || v < -9007199254740992LL))
        return params_fail(p, LEV_EINVAL, "option %d: %lld is out of bounds", (int)key, (long long)v);
    return set_value(p, key, (double)v, 1);
}

lev_status lev_params_set_double(lev_params *p, lev_param key, double v) {
    return set_value(p, key, v, 0);
}

lev_status lev_params_get_double(const lev_params *p, lev_param key, double *out) {
    if (!out) return LEV_EMISUSE;
    int i = lev__param_slot(key);
    if (i < 0) return LEV_EUNSUPPORTED;
    *out = p ? p->v[i] : defs[i].dflt;
    return LEV_OK;
}

lev_status lev_params_get_int(const lev_params *p, lev_param key, int64_t *out) {
    double v;
    if (!out) return LEV_EMISUSE;
    lev_status rc = lev_params_get_double(p, key, &v);
    if (rc == LEV_OK) *out = (int64_t)v;
    return rc;
}

lev_status lev_param_info(lev_param key, const char **name, int *type, double *lo, double *hi, double *dflt) {
    int i = lev__param_slot(key);
    if (i < 0) return LEV_EUNSUPPORTED;
    if (name) *name = defs[i].name;
    if (type) *type = defs[i].type;
    if (lo) *lo = defs[i].lo;
    if (hi) *hi = defs[i].hi;
    if (dflt) *dflt = defs[i].dflt;
    return LEV_OK;
}

lev_status lev_param_find(const char *name, lev_param *key) {
    if (!name || !key) return LEV_EMISUSE;
    for (int i = 0; i < LEV__NPARAM; i++)
        if (strcmp(defs[i].name, name) == 0) {
            *key = defs[i].key;
            return LEV_OK;
        }
    return LEV_ENOTFOUND;
}

lev_status lev_param_at(size_t i, lev_param *key) {
    if (!key) return LEV_EMISUSE;
    if (i >= LEV__NPARAM) return LEV_ENOTFOUND;
    *key = defs[i].key;
    return LEV_OK;
}

lev_status lev_params_set_progress(lev_params *p, lev_progress_fn f, void *ud) {
    if (!p) return LEV_EMISUSE;
    p->progress = f;
    p->progress_ud = f ? ud : NULL;
    return LEV_OK;
}

lev_status lev_params_errcode(const lev_params *p) { return p ? p->errcode : LEV_EMISUSE; }

const char *lev_params_errmsg(const lev_params *p) {
    return p ? p->errmsg : "library misuse: params is NULL";
}

/* ---- the per-call context ------------------------------------------------------------------- */

lev_status lev__ctx_fail(const lev__ctx *c, lev_status rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (c->p) {
        lev__vformat(c->p->errmsg, sizeof c->p->errmsg, fmt, ap);
        c->p->errcode = rc;
    } else if (c->net) {
        /* Analyses take a const network; its message slot is the one mutable part, and
         * writers are serialized by the lock (last writer wins). */
        lev_network *net = (lev_network *)c->net;
        pthread_mutex_lock(&net->lock);
        lev__vformat(net->errmsg, sizeof net->errmsg, fmt, ap);
        net->errcode = rc;
        pthread_mutex_unlock(&net->lock);
    }
    va_end(ap);
    return rc;
}

lev_status lev__ctx_erange(const lev__ctx *c, const char *what, const char *unit, size_t need, size_t cap,
                          size_t *len) {
    *len = need;
    if (cap == 0) return LEV_ERANGE; /* a length query: the documented way to ask, not a failure */
    return lev__ctx_fail(c, LEV_ERANGE, "%s: %zu %s do not fit in cap %zu", what, need, unit, cap);
}

lev_status lev__ctx_open(lev__ctx *c, const lev_network *net, lev_params *p, const char *what) {
    c->net = net;
    c->p = p;
    c->g = NULL;
    c->threads = 1;
    if (!net) return p ? lev__ctx_fail(c, LEV_EMISUSE, "%s: the network is NULL", what) : LEV_EMISUSE;
    int t = (int)lev__param(p, LEV_P_THREADS);
#ifdef _OPENMP
    if (t == 0) t = omp_get_max_threads();
#else
    t = 1;
#endif
    c->threads = t < 1 ? 1 : t;
    return LEV_OK;
}

lev_status lev__ctx_begin(lev__ctx *c, const lev_network *net, lev_params *p, const char *what, const void *out) {
    lev_status rc = lev__ctx_open(c, net, p, what);
    if (rc) return rc;
    if (!out) return lev__ctx_fail(c, LEV_EMISUSE, "%s: the output array is NULL", what);
    if (!atomic_load_explicit(&net->csr_ready, memory_order_acquire)) {
        lev_network *w = (lev_network *)net; /* the compact form is a cache, built under the lock */
        pthread_mutex_lock(&w->lock);
        if (!atomic_load_explicit(&w->csr_ready, memory_order_relaxed)) {
            rc = lev__compact(w, c->threads);
        }
        pthread_mutex_unlock(&w->lock);
        if (rc) return lev__ctx_fail(c, rc, "%s: cannot build the compact form: %s", what, lev_strerror(rc));
    }
    c->g = &net->csr;
    return LEV_OK;
}

lev_status lev__ctx_progress(const lev__ctx *c, double done, const char *what) {
    if (c->p && c->p->progress && c->p->progress(c->p->progress_ud, done))
        return lev__ctx_fail(c, LEV_ECANCELLED, "%s: cancelled by the progress callback at %.0f%%", what,
                             100 * done);
    return LEV_OK;
}

double lev__iter_progress(double err, double tol, long it, long max_iter) {
    double done = err <= tol ? 1 : err >= 1 ? 0 : tol > 0 ? log(err) / log(tol) : (double)it / (double)max_iter;
    return done > 1 ? 1 : done < 0 ? 0 : done;
}

void *lev__ctx_alloc(const lev__ctx *c, size_t count, size_t size) {
    return lev__alloc_array(&c->net->mem, count, size);
}

void lev__ctx_free(const lev__ctx *c, void *ptr, size_t count, size_t size) {
    lev__free(&c->net->mem, ptr, count * size);
}
