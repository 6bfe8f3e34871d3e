/*
 * The model: a network of actors, resources and influence edges.
 *
 * Every mutation validates first, reserves memory second and commits last, so a failed call
 * changes nothing. Multi-step mutations (readers, add-by-name) take a lev__mark and roll back
 * to it on failure.
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE under -std=c11 */
#endif
#include "internal.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

/* Large blocks (edge arrays, the compact form, per-actor scratch of big networks) are read by
 * random gathers: with 4 KiB pages nearly every gather also misses the TLB. Ask for transparent
 * huge pages on the 2 MiB-aligned inside of such blocks (a hint: nothing changes where THP is
 * off, and a host allocator keeps full control). Measured 1.4–1.6x on PageRank and on building
 * the compact form at R-MAT scale 20 (bench/README.md). */
#define HUGE_MIN ((size_t)4 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)

static void advise_huge(void *p, size_t n) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1), e = ((uintptr_t)p + n) & ~(HUGE_PAGE - 1);
    if (e > a) (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    void *q = realloc(ptr, nsize);
    if (q && nsize >= HUGE_MIN) advise_huge(q, nsize);
    return q;
}

lev_status lev_network_new(lev_network **out) {
    return lev_network_new_with_alloc(out, default_alloc, NULL);
}

/* Every block the network allocates goes through here, so that lev_network_bytes() can say what
 * it holds: the caller's allocator, counted. */
static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    lev_network *net = ud;
    void *q = net->user.f(net->user.ud, ptr, osize, nsize);
    if (nsize == 0)
        atomic_fetch_sub_explicit(&net->held, osize, memory_order_relaxed);
    else if (q) {
        atomic_fetch_add_explicit(&net->held, nsize, memory_order_relaxed);
        atomic_fetch_sub_explicit(&net->held, osize, memory_order_relaxed);
    }
    return q;
}

lev_status lev_network_new_with_alloc(lev_network **out, lev_alloc_fn f, void *ud) {
    if (!out) return LEV_EMISUSE;
    *out = NULL;
    if (!f) return LEV_EMISUSE;
    lev_network *net = f(ud, NULL, 0, sizeof *net);
    if (!net) return LEV_ENOMEM;
    memset(net, 0, sizeof *net);
    net->user.f = f;
    net->user.ud = ud;
    net->mem.f = counting_alloc;
    net->mem.ud = net;
    atomic_init(&net->held, 0);
    atomic_init(&net->rpos_ready, 0);
    if (pthread_mutex_init(&net->lock, NULL) != 0) {
        f(ud, net, sizeof *net, 0);
        return LEV_ENOMEM;
    }
    atomic_init(&net->csr_ready, 0);
    *out = net;
    return LEV_OK;
}

void lev_network_free(lev_network *net) {
    if (!net) return;
    const lev__mem *m = &net->mem;
    lev__compact_free(net);
    for (uint32_t r = 0; r < net->resources.count; r++)
        lev__free(m, net->amounts[r].v, net->amounts[r].len * 2 * sizeof(double));
    lev__free(m, net->amounts, net->acap * sizeof *net->amounts);
    lev__free(m, net->actor_group, net->gcap * sizeof *net->actor_group);
    lev__free(m, net->esrc, net->scap * sizeof *net->esrc);
    lev__free(m, net->etgt, net->tcap * sizeof *net->etgt);
    lev__free(m, net->ew, net->wcap * sizeof *net->ew);
    lev__free(m, net->ewf, net->wcap * sizeof *net->ewf);
    lev__free(m, net->echan, net->ccap * sizeof *net->echan);
    lev__strtab_free(m, &net->actors);
    lev__strtab_free(m, &net->groups);
    lev__strtab_free(m, &net->channels);
    lev__strtab_free(m, &net->resources);
    pthread_mutex_destroy(&net->lock);
    lev__mem mm = net->user;
    lev__free(&mm, net, sizeof *net);
}

/* ---- messages ------------------------------------------------------------------------------ */

void lev__vformat(char *buf, size_t cap, const char *fmt, va_list ap) {
    int n = vsnprintf(buf, cap, fmt, ap);
    if (n < 0) buf[0] = 0;
}

lev_status lev__fail(lev_network *net, lev_status rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lev__vformat(net->errmsg, sizeof net->errmsg, fmt, ap);
    va_end(ap);
    net->errcode = rc;
    return rc;
}

/* A failure of a read-only call: recorded on net under its lock (readers may run in parallel). */
static lev_status fail_ro(const lev_network *net, lev_status rc, const char *fmt, ...) LEV_PRINTF(3, 4);
static lev_status fail_ro(const lev_network *net, lev_status rc, const char *fmt, ...) {
    char msg[LEV_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    lev__vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lev__ctx c = {net, NULL, NULL, 1};
    return lev__ctx_fail(&c, rc, "%s", msg);
}

lev_status lev_errcode(const lev_network *net) { return net ? net->errcode : LEV_EMISUSE; }

const char *lev_errmsg(const lev_network *net) {
    return net ? net->errmsg : "library misuse: network is NULL";
}

/* ---- marks and rollback --------------------------------------------------------------------- */

lev__mark lev__mark_get(const lev_network *net) {
    lev__mark mk = {net->actors.count, net->groups.count, net->channels.count, net->resources.count,
                    net->m, net->echan != NULL, net->actor_group != NULL};
    return mk;
}

/* The compact form no longer holds every record or actor: the next analysis brings it up to date
 * (it is the edges' storage, so nothing is freed). */
void lev__invalidate(lev_network *net) {
    atomic_store_explicit(&net->csr_ready, 0, memory_order_release);
}

void lev__rollback(lev_network *net, lev__mark mk) {
    const lev__mem *m = &net->mem;
    /* Resources added since the mark: free their amounts. */
    for (uint32_t r = mk.resources; r < net->resources.count; r++) {
        lev__free(m, net->amounts[r].v, net->amounts[r].len * 2 * sizeof(double));
        net->amounts[r].v = NULL;
        net->amounts[r].len = 0;
    }
    /* Actors added since the mark hold nothing any more. */
    for (uint32_t r = 0; r < mk.resources; r++) {
        lev__amounts *a = &net->amounts[r];
        if (a->len > mk.actors)
            memset(a->v + 2 * (size_t)mk.actors, 0, (a->len - mk.actors) * 2 * sizeof(double));
    }
    lev__strtab_truncate(m, &net->resources, mk.resources);
    lev__strtab_truncate(m, &net->actors, mk.actors);
    lev__strtab_truncate(m, &net->groups, mk.groups);
    lev__strtab_truncate(m, &net->channels, mk.channels);
    /* Compaction happens only in read-only calls, never between a mark and its rollback, so only
     * pending records can be dropped here. */
    if (mk.m >= net->csr.m) net->m = mk.m;
    if (!mk.had_channels && net->echan) { /* the first edge with a channel was rolled back */
        lev__free(m, net->echan, net->ccap * sizeof *net->echan);
        net->echan = NULL;
        net->ccap = 0;
    }
    if (!mk.had_groups && net->actor_group) { /* the first group given was rolled back */
        lev__free(m, net->actor_group, net->gcap * sizeof *net->actor_group);
        net->actor_group = NULL;
        net->gcap = 0;
    }
    lev__invalidate(net);
}

lev_status lev__groups_make(lev_network *net, size_t extra) {
    size_t n = net->actors.count, had = net->actor_group ? n : 0;
    if (extra > SIZE_MAX - n) return LEV_ELIMIT;
    void *g = net->actor_group;
    lev_status rc = lev__grow(&net->mem, &g, &net->gcap, n + extra, sizeof(uint32_t));
    if (rc) return rc;
    net->actor_group = g;
    for (size_t i = had; i < n; i++) net->actor_group[i] = LEV_NONE;
    return LEV_OK;
}

void lev__network_trim(lev_network *net) {
    lev__strtab_trim(&net->mem, &net->actors);
    lev__strtab_trim(&net->mem, &net->groups);
    lev__strtab_trim(&net->mem, &net->channels);
    lev__strtab_trim(&net->mem, &net->resources);
    size_t n = net->actors.count;
    if (net->actor_group && net->gcap > n && n) {
        uint32_t *g = net->mem.f(net->mem.ud, net->actor_group, net->gcap * sizeof *g, n * sizeof *g);
        if (g) net->actor_group = g, net->gcap = n;
    }
}

/* ---- actors --------------------------------------------------------------------------------- */

/* Check a name or label; writes the reason to why on failure. */
static lev_status check_name(const char *s, const char *what, char *why) {
    size_t len = strlen(s);
    if (len == 0) {
        snprintf(why, LEV_MSG_MAX, "%s is empty", what);
        return LEV_EINVAL;
    }
    if (len >= UINT32_MAX) {
        snprintf(why, LEV_MSG_MAX, "%s is longer than 4 GiB", what);
        return LEV_EINVAL;
    }
    if (!lev__utf8_valid(s, len)) {
        snprintf(why, LEV_MSG_MAX, "%s is not valid UTF-8", what);
        return LEV_EINVAL;
    }
    return LEV_OK;
}

/* Intern an optional label (NULL or "" = none) into t; *id = LEV_NONE for none. */
static lev_status intern_label(lev_network *net, lev__strtab *t, const char *label, const char *what,
                               uint32_t *id, char *why) {
    *id = LEV_NONE;
    if (!label || !*label) return LEV_OK;
    lev_status rc = check_name(label, what, why);
    if (rc) return rc;
    rc = lev__strtab_intern(&net->mem, t, label, id);
    if (rc) snprintf(why, LEV_MSG_MAX, "%s", lev_strerror(rc));
    return rc;
}

lev_status lev__actor_add(lev_network *net, const char *name, uint32_t group, uint32_t *idx, char *why) {
    lev_status rc = check_name(name, "actor name", why);
    if (rc) return rc;
    size_t len = strlen(name);
    if (lev__strtab_find(&net->actors, name, len) != LEV_NONE) {
        snprintf(why, LEV_MSG_MAX, "actor \"%s\" already exists", name);
        return LEV_EEXIST;
    }
    if (net->actors.count >= LEV_MAX_ACTORS) {
        snprintf(why, LEV_MSG_MAX, "a network holds at most %u actors", LEV_MAX_ACTORS);
        return LEV_ELIMIT;
    }
    rc = lev__strtab_reserve(&net->mem, &net->actors, 1);
    if (!rc && (group != LEV_NONE || net->actor_group)) rc = lev__groups_make(net, 1);
    char *copy = rc ? NULL : lev__strtab_copy(&net->mem, &net->actors, name, len);
    if (!rc && !copy) rc = LEV_ENOMEM;
    if (rc) {
        snprintf(why, LEV_MSG_MAX, "%s", lev_strerror(rc));
        return rc;
    }
    uint32_t i = lev__strtab_push(&net->actors, copy, len);
    if (net->actor_group) net->actor_group[i] = group;
    lev__invalidate(net);
    if (idx) *idx = i;
    return LEV_OK;
}

lev_status lev_actor_add(lev_network *net, const char *name, const char *group, uint32_t *idx) {
    if (!net) return LEV_EMISUSE;
    if (!name) return lev__fail(net, LEV_EMISUSE, "lev_actor_add: name is NULL");
    char why[LEV_MSG_MAX];
    lev__mark mk = lev__mark_get(net);
    uint32_t gid;
    lev_status rc = intern_label(net, &net->groups, group, "group label", &gid, why);
    if (!rc) rc = lev__actor_add(net, name, gid, idx, why);
    if (rc) {
        lev__rollback(net, mk);
        return lev__fail(net, rc, "cannot add actor: %s", why);
    }
    return LEV_OK;
}

lev_status lev_actor_find(const lev_network *net, const char *name, uint32_t *idx) {
    if (idx) *idx = LEV_NONE;
    if (!net) return LEV_EMISUSE;
    if (!name) return fail_ro(net, LEV_EMISUSE, "lev_actor_find: name is NULL");
    uint32_t i = lev__strtab_find(&net->actors, name, strlen(name));
    if (i == LEV_NONE) return fail_ro(net, LEV_ENOTFOUND, "no actor named \"%s\"", name);
    if (idx) *idx = i;
    return LEV_OK;
}

size_t lev_actor_count(const lev_network *net) { return net ? net->actors.count : 0; }

const char *lev_actor_name(const lev_network *net, uint32_t i) {
    return net && i < net->actors.count ? net->actors.e[i].s : NULL;
}

const char *lev_actor_group(const lev_network *net, uint32_t i) {
    uint32_t g = net && i < net->actors.count ? lev__group_of(net, i) : LEV_NONE;
    return g == LEV_NONE ? NULL : net->groups.e[g].s;
}

lev_status lev_actor_set_group(lev_network *net, uint32_t i, const char *group) {
    if (!net) return LEV_EMISUSE;
    if (i >= net->actors.count)
        return lev__fail(net, LEV_EINVAL, "cannot set group: no actor %u (the network has %zu)",
                         (unsigned)i, (size_t)net->actors.count);
    char why[LEV_MSG_MAX];
    uint32_t gid;
    lev__mark mk = lev__mark_get(net);
    lev_status rc = intern_label(net, &net->groups, group, "group label", &gid, why);
    if (!rc && gid != LEV_NONE && (rc = lev__groups_make(net, 0))) snprintf(why, sizeof why, "%s", lev_strerror(rc));
    if (rc) {
        lev__rollback(net, mk);
        return lev__fail(net, rc, "cannot set group of \"%s\": %s", net->actors.e[i].s, why);
    }
    if (net->actor_group) net->actor_group[i] = gid;
    return LEV_OK;
}

/* ---- groups ------------------------------------------------------------------------------- */

size_t lev_group_count(const lev_network *net) { return net ? net->groups.count : 0; }

const char *lev_group_name(const lev_network *net, uint32_t g) {
    return net && g < net->groups.count ? net->groups.e[g].s : NULL;
}

lev_status lev_actor_groups(const lev_network *net, uint32_t *group) {
    if (!net) return LEV_EMISUSE;
    if (!group) return fail_ro(net, LEV_EMISUSE, "lev_actor_groups: group is NULL");
    for (uint32_t i = 0; i < net->actors.count; i++) group[i] = lev__group_of(net, i);
    return LEV_OK;
}

/* ---- resources ------------------------------------------------------------------------------ */

lev_status lev_resource_add(lev_network *net, const char *name, uint32_t *idx) {
    if (!net) return LEV_EMISUSE;
    if (!name) return lev__fail(net, LEV_EMISUSE, "lev_resource_add: name is NULL");
    char why[LEV_MSG_MAX];
    lev_status rc = check_name(name, "resource name", why);
    if (rc) return lev__fail(net, rc, "cannot add resource: %s", why);
    size_t len = strlen(name);
    if (lev__strtab_find(&net->resources, name, len) != LEV_NONE)
        return lev__fail(net, LEV_EEXIST, "cannot add resource: \"%s\" already exists", name);
    rc = lev__strtab_reserve(&net->mem, &net->resources, 1);
    if (!rc) {
        void *a = net->amounts;
        rc = lev__grow(&net->mem, &a, &net->acap, (size_t)net->resources.count + 1, sizeof *net->amounts);
        net->amounts = a;
    }
    char *copy = rc ? NULL : lev__strtab_copy(&net->mem, &net->resources, name, len);
    if (!rc && !copy) rc = LEV_ENOMEM;
    if (rc) return lev__fail(net, rc, "cannot add resource \"%s\": %s", name, lev_strerror(rc));
    uint32_t r = lev__strtab_push(&net->resources, copy, len);
    net->amounts[r].v = NULL;
    net->amounts[r].len = 0;
    if (idx) *idx = r;
    return LEV_OK;
}

lev_status lev_resource_find(const lev_network *net, const char *name, uint32_t *idx) {
    if (idx) *idx = LEV_NONE;
    if (!net) return LEV_EMISUSE;
    if (!name) return fail_ro(net, LEV_EMISUSE, "lev_resource_find: name is NULL");
    uint32_t r = lev__strtab_find(&net->resources, name, strlen(name));
    if (r == LEV_NONE) return fail_ro(net, LEV_ENOTFOUND, "no resource named \"%s\"", name);
    if (idx) *idx = r;
    return LEV_OK;
}

size_t lev_resource_count(const lev_network *net) { return net ? net->resources.count : 0; }

const char *lev_resource_name(const lev_network *net, uint32_t r) {
    return net && r < net->resources.count ? net->resources.e[r].s : NULL;
}

/* Make amounts[r] cover every current actor, so that setting one cannot fail. */
lev_status lev__amounts_reserve(lev_network *net, uint32_t r) {
    lev__amounts *a = &net->amounts[r];
    size_t n = net->actors.count;
    if (a->len >= n) return LEV_OK;
    size_t nlen = net->actors.cap; /* >= n: room for the actors the table can already hold */
    if (nlen > SIZE_MAX / (2 * sizeof(double))) return LEV_ELIMIT;
    double *v = net->mem.f(net->mem.ud, a->v, a->len * 2 * sizeof *v, nlen * 2 * sizeof *v);
    if (!v) return LEV_ENOMEM;
    memset(v + 2 * a->len, 0, (nlen - a->len) * 2 * sizeof *v);
    a->v = v;
    a->len = nlen;
    return LEV_OK;
}

static lev_status check_amount(lev_network *net, double x, const char *what) {
    if (!isfinite(x) || x < 0)
        return lev__fail(net, LEV_EINVAL, "amount %s must be finite and >= 0 (got %g)", what, x);
    return LEV_OK;
}

lev_status lev_actor_set_resource(lev_network *net, uint32_t i, uint32_t r, double holds, double needs) {
    if (!net) return LEV_EMISUSE;
    if (i >= net->actors.count)
        return lev__fail(net, LEV_EINVAL, "cannot set resource: no actor %u (the network has %zu)",
                         (unsigned)i, (size_t)net->actors.count);
    if (r >= net->resources.count)
        return lev__fail(net, LEV_EINVAL, "cannot set resource: no resource %u (the network has %zu)",
                         (unsigned)r, (size_t)net->resources.count);
    lev_status rc;
    if ((rc = check_amount(net, holds, "held")) || (rc = check_amount(net, needs, "needed"))) return rc;
    if ((rc = lev__amounts_reserve(net, r)))
        return lev__fail(net, rc, "cannot set resource \"%s\": %s", net->resources.e[r].s, lev_strerror(rc));
    net->amounts[r].v[2 * (size_t)i] = holds;
    net->amounts[r].v[2 * (size_t)i + 1] = needs;
    return LEV_OK;
}

lev_status lev_actor_get_resource(const lev_network *net, uint32_t i, uint32_t r, double *holds, double *needs) {
    if (!net) return LEV_EMISUSE;
    if (i >= net->actors.count)
        return fail_ro(net, LEV_EINVAL, "lev_actor_get_resource: no actor %u (the network has %u)", (unsigned)i,
                       (unsigned)net->actors.count);
    if (r >= net->resources.count)
        return fail_ro(net, LEV_EINVAL, "lev_actor_get_resource: no resource %u (the network has %u)", (unsigned)r,
                       (unsigned)net->resources.count);
    const lev__amounts *a = &net->amounts[r];
    if (holds) *holds = i < a->len ? a->v[2 * (size_t)i] : 0.0;
    if (needs) *needs = i < a->len ? a->v[2 * (size_t)i + 1] : 0.0;
    return LEV_OK;
}

lev_status lev_resource_amounts(const lev_network *net, uint32_t r, double *holds, double *needs) {
    if (!net) return LEV_EMISUSE;
    if (r >= net->resources.count)
        return fail_ro(net, LEV_EINVAL, "lev_resource_amounts: no resource %u (the network has %u)", (unsigned)r,
                       (unsigned)net->resources.count);
    const lev__amounts *a = &net->amounts[r];
    for (size_t i = 0; i < net->actors.count; i++) {
        if (holds) holds[i] = i < a->len ? a->v[2 * i] : 0.0;
        if (needs) needs[i] = i < a->len ? a->v[2 * i + 1] : 0.0;
    }
    return LEV_OK;
}

/* ---- edges ----------------------------------------------------------------------------------- */

lev_status lev__edges_reserve(lev_network *net, size_t extra) {
    if (net->m > SIZE_MAX / 2 || extra > SIZE_MAX / 2 - net->m) return LEV_ELIMIT;
    size_t need = net->m - net->csr.m + extra; /* pending records */
    const lev__mem *m = &net->mem;
    void *p;
    lev_status rc;
    p = net->esrc; rc = lev__grow(m, &p, &net->scap, need, sizeof(uint32_t)); net->esrc = p;
    if (rc) return rc;
    p = net->etgt; rc = lev__grow(m, &p, &net->tcap, need, sizeof(uint32_t)); net->etgt = p;
    if (rc) return rc;
    if (net->ew) {
        p = net->ew; rc = lev__grow(m, &p, &net->wcap, need, sizeof(double)); net->ew = p;
    } else {
        p = net->ewf; rc = lev__grow(m, &p, &net->wcap, need, sizeof(float)); net->ewf = p;
    }
    if (rc) return rc;
    if (net->echan) {
        p = net->echan; rc = lev__grow(m, &p, &net->ccap, need, sizeof(uint32_t)); net->echan = p;
    }
    return rc;
}

static int check_strength(double w, char *why) {
    if (!isfinite(w) || w <= 0) {
        snprintf(why, LEV_MSG_MAX, "strength must be finite and > 0 (got %g)", w);
        return -1;
    }
    if (w > FLT_MAX || w < FLT_MIN) {
        snprintf(why, LEV_MSG_MAX, "strength %g is outside the single-precision range the algorithms read", w);
        return -1;
    }
    return 0;
}

static inline int float_exact(double w) { return (double)(float)w == w; }

/* The first strength that is not exactly a float: move the strengths to double (after
 * lev__edges_reserve, so the capacity is there). On failure nothing changed. */
static lev_status widen_strengths(lev_network *net) {
    if (net->ew) return LEV_OK;
    size_t cap = net->wcap ? net->wcap : 8;
    if (cap > SIZE_MAX / sizeof(double)) return LEV_ELIMIT;
    double *d = lev__alloc(&net->mem, cap * sizeof *d);
    if (!d) return LEV_ENOMEM;
    for (size_t e = 0; e < net->m - net->csr.m; e++) d[e] = net->ewf[e];
    lev__free(&net->mem, net->ewf, net->wcap * sizeof *net->ewf);
    net->ewf = NULL;
    net->ew = d;
    net->wcap = cap;
    return LEV_OK;
}

/* The first edge with a channel: give every earlier edge none. */
static lev_status start_channels(lev_network *net) {
    void *p = NULL;
    size_t cap = 0;
    lev_status rc = lev__grow(&net->mem, &p, &cap, net->scap, sizeof(uint32_t));
    if (rc) return rc;
    net->echan = p;
    net->ccap = cap;
    for (size_t e = 0; e < net->m - net->csr.m; e++) net->echan[e] = LEV_NONE;
    return LEV_OK;
}

/* Append count validated edges with an already interned channel (LEV_NONE for none) and
 * strengths w (NULL: all 1); exact: every strength is exactly a float. On failure nothing is
 * appended (reserved capacity may stay) and why says so. */
static lev_status append_edges(lev_network *net, size_t count, const uint32_t *src, const uint32_t *tgt,
                               const double *w, uint32_t chan, int exact, char *why) {
    lev_status rc = lev__edges_reserve(net, count);
    if (!rc && !exact) rc = widen_strengths(net);
    if (!rc && chan != LEV_NONE && !net->echan) rc = start_channels(net);
    if (rc) {
        snprintf(why, LEV_MSG_MAX, "%s", lev_strerror(rc));
        return rc;
    }
    size_t m0 = net->m - net->csr.m; /* pending index of the first new record */
    memcpy(net->esrc + m0, src, count * sizeof *src);
    memcpy(net->etgt + m0, tgt, count * sizeof *tgt);
    if (net->ew && w)
        memcpy(net->ew + m0, w, count * sizeof *w);
    else
        for (size_t i = 0; i < count; i++) {
            if (net->ew) net->ew[m0 + i] = 1.0;
            else net->ewf[m0 + i] = w ? (float)w[i] : 1.0f;
        }
    if (net->echan)
        for (size_t i = 0; i < count; i++) net->echan[m0 + i] = chan;
    net->m += count;
    lev__invalidate(net);
    return LEV_OK;
}

/* Edge with an already interned channel (LEV_NONE for none). */
lev_status lev__edge_add(lev_network *net, uint32_t s, uint32_t t, double w, uint32_t chan, char *why) {
    if (s >= net->actors.count || t >= net->actors.count) {
        snprintf(why, LEV_MSG_MAX, "no actor %u (the network has %u)", (unsigned)(s >= net->actors.count ? s : t),
                 (unsigned)net->actors.count);
        return LEV_EINVAL;
    }
    if (check_strength(w, why)) return LEV_EINVAL;
    return append_edges(net, 1, &s, &t, &w, chan, float_exact(w), why);
}

lev_status lev_edge_add(lev_network *net, uint32_t source, uint32_t target, double strength,
                        const char *channel, size_t *idx) {
    if (!net) return LEV_EMISUSE;
    char why[LEV_MSG_MAX];
    lev__mark mk = lev__mark_get(net);
    uint32_t chan;
    lev_status rc = intern_label(net, &net->channels, channel, "channel label", &chan, why);
    if (!rc) rc = lev__edge_add(net, source, target, strength, chan, why);
    if (rc) {
        lev__rollback(net, mk);
        return lev__fail(net, rc, "cannot add edge: %s", why);
    }
    if (idx) *idx = net->m - 1;
    return LEV_OK;
}

lev_status lev_edges_add(lev_network *net, size_t count, const uint32_t *sources, const uint32_t *targets,
                         const double *strengths, const char *channel, size_t *first) {
    if (!net) return LEV_EMISUSE;
    if (count && (!sources || !targets))
        return lev__fail(net, LEV_EMISUSE, "lev_edges_add: %s is NULL", sources ? "targets" : "sources");
    if (count == 0) {
        if (first) *first = net->m;
        return LEV_OK;
    }
    char why[LEV_MSG_MAX];
    /* Validate everything first: a bad edge changes nothing. */
    uint32_t n = net->actors.count;
    int exact = 1;
    for (size_t i = 0; i < count; i++) {
        uint32_t s = sources[i], t = targets[i];
        if (s >= n || t >= n)
            return lev__fail(net, LEV_EINVAL, "cannot add edges: edge %zu of %zu: no actor %u (the network has %u)", i,
                             count, (unsigned)(s >= n ? s : t), (unsigned)n);
        if (strengths && check_strength(strengths[i], why))
            return lev__fail(net, LEV_EINVAL, "cannot add edges: edge %zu of %zu: %s", i, count, why);
        if (strengths) exact &= float_exact(strengths[i]);
    }
    lev__mark mk = lev__mark_get(net);
    uint32_t chan;
    size_t m0 = net->m;
    lev_status rc = intern_label(net, &net->channels, channel, "channel label", &chan, why);
    if (!rc) rc = append_edges(net, count, sources, targets, strengths, chan, exact, why);
    if (rc) {
        lev__rollback(net, mk);
        return lev__fail(net, rc, "cannot add %zu edges: %s", count, why);
    }
    if (first) *first = m0;
    return LEV_OK;
}

lev_status lev_edge_add_by_name(lev_network *net, const char *source, const char *target, double strength,
                                const char *channel, size_t *idx) {
    if (!net) return LEV_EMISUSE;
    if (!source || !target) return lev__fail(net, LEV_EMISUSE, "lev_edge_add_by_name: a name is NULL");
    char why[LEV_MSG_MAX];
    lev__mark mk = lev__mark_get(net);
    uint32_t s, t, chan;
    lev_status rc = LEV_OK;
    if ((s = lev__strtab_find(&net->actors, source, strlen(source))) == LEV_NONE)
        rc = lev__actor_add(net, source, LEV_NONE, &s, why);
    if (!rc && (t = lev__strtab_find(&net->actors, target, strlen(target))) == LEV_NONE)
        rc = lev__actor_add(net, target, LEV_NONE, &t, why);
    if (!rc) rc = intern_label(net, &net->channels, channel, "channel label", &chan, why);
    if (!rc) rc = lev__edge_add(net, s, t, strength, chan, why);
    if (rc) {
        lev__rollback(net, mk);
        return lev__fail(net, rc, "cannot add edge \"%s\" -> \"%s\": %s", source, target, why);
    }
    if (idx) *idx = net->m - 1;
    return LEV_OK;
}

size_t lev_edge_count(const lev_network *net) { return net ? net->m : 0; }

lev_status lev_edge_get(const lev_network *net, size_t i, uint32_t *source, uint32_t *target,
                        double *strength, const char **channel) {
    if (!net) return LEV_EMISUSE;
    if (i >= net->m) return fail_ro(net, LEV_EINVAL, "lev_edge_get: no edge %zu (the network has %zu)", i, net->m);
    uint32_t s, t, c;
    double w;
    lev_status rc = lev__recs_read(net, i, 1, &s, &t, &w, &c);
    if (rc) return fail_ro(net, rc, "lev_edge_get: out of memory for the index of %zu edges", net->csr.m);
    if (source) *source = s;
    if (target) *target = t;
    if (strength) *strength = w;
    if (channel) *channel = c == LEV_NONE ? NULL : net->channels.e[c].s;
    return LEV_OK;
}

lev_status lev_edges_get(const lev_network *net, size_t first, size_t count, uint32_t *sources, uint32_t *targets,
                         double *strengths, uint32_t *channels) {
    if (!net) return LEV_EMISUSE;
    if (first > net->m || count > net->m - first)
        return fail_ro(net, LEV_EINVAL, "lev_edges_get: %zu edges from edge %zu go past the last (the network has %zu)",
                       count, first, net->m);
    if (count == 0) return LEV_OK;
    lev_status rc = lev__recs_read(net, first, count, sources, targets, strengths, channels);
    if (rc) return fail_ro(net, rc, "lev_edges_get: out of memory for the index of %zu edges", net->csr.m);
    return LEV_OK;
}

size_t lev_network_bytes(const lev_network *net) {
    return net ? sizeof *net + atomic_load_explicit(&net->held, memory_order_relaxed) : 0;
}
