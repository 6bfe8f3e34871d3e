/* Shared test helpers: a checking, failing allocator; a full dump of a network; reference lookups. */
#define _POSIX_C_SOURCE 200809L
#ifndef LEV_TEST_HELPERS_H
#define LEV_TEST_HELPERS_H

#include "leverage.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ref/ref_common.h"

#ifndef LEV_SOURCE_DIR
#error "LEV_SOURCE_DIR must be defined by the build"
#endif
#define SRC(path) LEV_SOURCE_DIR "/" path

/* ---- an allocator that checks the lev_alloc_fn contract and fails on demand ----------------- */

typedef struct failalloc {
    long calls;        /* allocating calls so far (nsize > 0) */
    long fail_at;      /* fail the allocating call with this number (0-based) when armed */
    int armed;
    long live_blocks;
    size_t live_bytes;
    size_t peak_bytes; /* the most live_bytes has been; a test may reset it to live_bytes */
    int bad_osize;     /* set when a call passed an osize that is not the block's size */
} failalloc;

/* Each block carries its size in a 16-byte header, so osize can be checked. */
static inline void *fail_alloc_fn(void *ud, void *ptr, size_t osize, size_t nsize) {
    failalloc *fa = ud;
    size_t *h = ptr ? (size_t *)ptr - 2 : NULL;
    if (h && h[0] != osize) fa->bad_osize = 1;
    if (nsize == 0) {
        if (h) {
            fa->live_blocks--;
            fa->live_bytes -= h[0];
            free(h);
        }
        return NULL;
    }
    if (fa->armed && fa->calls++ == fa->fail_at) return NULL;
    if (!fa->armed) fa->calls++;
    size_t *n = realloc(h, nsize + 2 * sizeof(size_t));
    if (!n) return NULL;
    if (!h) fa->live_blocks++;
    else fa->live_bytes -= n[0];
    n[0] = nsize;
    fa->live_bytes += nsize;
    if (fa->live_bytes > fa->peak_bytes) fa->peak_bytes = fa->live_bytes;
    return n + 2;
}

/* ---- a full dump of a network: the three CSV writers plus counts ------------------------------ */

typedef struct sbuf { char *s; size_t n, cap; } sbuf;

static inline int sbuf_sink(void *ud, const char *data, size_t len) {
    sbuf *b = ud;
    if (b->n + len + 1 > b->cap) {
        size_t cap = (b->n + len + 1) * 2;
        char *s = realloc(b->s, cap);
        if (!s) return 1;
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->n, data, len);
    b->n += len;
    b->s[b->n] = 0;
    return 0;
}

/* SplitMix64: the next number of the stream *st (random test networks). */
static inline uint64_t test_rnd(uint64_t *st) {
    uint64_t z = (*st += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A random test network: n actors "a0", "a1", ...; m arcs between random actors among the first
 * `live` (the rest isolated) of strength 1 + (a draw mod wmax), every loop_every-th a self-loop;
 * after every repeat_every-th, the same arc again with strength repeat_w in channel "other". */
typedef struct test_net_shape {
    uint32_t live;
    unsigned loop_every, wmax, repeat_every;
    double repeat_w;
} test_net_shape;

/* Add n actors named prefix0, prefix1, ... (no group). */
static inline void test_add_actors(lev_network *net, uint32_t n, const char *prefix) {
    char name[64];
    for (uint32_t v = 0; v < n; v++) {
        snprintf(name, sizeof name, "%s%u", prefix, v);
        cr_assert_eq(lev_actor_add(net, name, NULL, NULL), LEV_OK);
    }
}

static inline lev_network *test_random_net(uint32_t n, size_t m, uint64_t seed, test_net_shape sh) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    uint64_t st = seed;
    for (size_t e = 0; e < m; e++) {
        uint32_t a = (uint32_t)(test_rnd(&st) % sh.live), b = (uint32_t)(test_rnd(&st) % sh.live);
        if (e % sh.loop_every == 0) b = a;
        cr_assert_eq(lev_edge_add(net, a, b, 1 + (double)(test_rnd(&st) % sh.wmax), NULL, NULL), LEV_OK);
        if (e % sh.repeat_every == 0) cr_assert_eq(lev_edge_add(net, a, b, sh.repeat_w, "other", NULL), LEV_OK);
    }
    return net;
}

/* Run a shell command (the CLI tests); return its exit status and, if out is not NULL, its
 * stdout (malloc'ed, "" when empty). */
static inline int cli_run(const char *cmd, char **out) {
    FILE *f = popen(cmd, "r");
    cr_assert_not_null(f, "popen %s", cmd);
    sbuf b = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sbuf_sink(&b, buf, n);
    int st = pclose(f);
    if (out) *out = b.s ? b.s : strdup("");
    else free(b.s);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A fresh scratch directory /tmp/lev_<what>_XXXXXX (malloc'ed path) and its removal. */
static inline char *test_tmpdir(const char *what) {
    size_t cap = strlen(what) + sizeof "/tmp/lev__XXXXXX";
    char *d = malloc(cap);
    cr_assert_not_null(d);
    snprintf(d, cap, "/tmp/lev_%s_XXXXXX", what);
    cr_assert_not_null(mkdtemp(d), "mkdtemp %s", d);
    return d;
}
static inline void test_rmdir(char *d) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    cr_assert_eq(system(cmd), 0);
    free(d);
}

/* A malloc'ed text describing everything in net; NULL if a writer failed. */
static inline char *dump_network(const lev_network *net) {
    sbuf b = {0};
    char head[128];
    snprintf(head, sizeof head, "actors=%zu edges=%zu resources=%zu\n", lev_actor_count(net), lev_edge_count(net),
             lev_resource_count(net));
    sbuf_sink(&b, head, strlen(head));
    lev_format f[3] = {LEV_FORMAT_ACTORS_CSV, LEV_FORMAT_EDGES_CSV, LEV_FORMAT_RESOURCES_CSV};
    for (int k = 0; k < 3; k++)
        if (lev_write(net, f[k], sbuf_sink, &b) != LEV_OK) {
            free(b.s);
            return NULL;
        }
    /* resource names, even those nobody holds */
    for (uint32_t r = 0; r < lev_resource_count(net); r++) {
        sbuf_sink(&b, lev_resource_name(net, r), strlen(lev_resource_name(net, r)));
        sbuf_sink(&b, "\n", 1);
    }
    return b.s;
}

/* ---- reference values ------------------------------------------------------------------------- */

/* Compare out[] (indexed by net's actors) with a reference table keyed by name. */
static inline void check_ref(const lev_network *net, const double *out, const ref_value *ref, size_t len, double tol,
                      const char *what) {
    cr_assert_eq(lev_actor_count(net), len, "%s: %zu actors, reference has %zu", what, lev_actor_count(net), len);
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, ref[k].name, &i), LEV_OK, "%s: no actor %s", what, ref[k].name);
        cr_assert(fabs(out[i] - ref[k].value) <= tol, "%s: actor %s: got %.17g, reference %.17g (tolerance %g)", what,
                  ref[k].name, out[i], ref[k].value, tol);
    }
}

/* Build a network from the repository's CSV files (actors may be NULL). */
static inline lev_network *load_csv(const char *edges, const char *actors) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    if (actors) cr_assert_eq(lev_read_file(net, LEV_FORMAT_ACTORS_CSV, actors, NULL), LEV_OK, "%s", lev_errmsg(net));
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, edges, NULL), LEV_OK, "%s", lev_errmsg(net));
    return net;
}

#endif
