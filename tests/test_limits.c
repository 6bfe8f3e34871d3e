/*
 * Size limits: counts that would overflow 32-bit indices or size_t arithmetic are refused with a
 * clear error, before the allocator is asked for anything absurd, and without the memory.
 *
 * The test links the static library and reads src/internal.h, so it can set a network's counts
 * to the limits artificially (and put them back before anything walks the tables). Every network
 * here runs on `capalloc`, which counts the allocator's calls, records the largest request, and
 * refuses any request above its cap (default 64 MiB) instead of trying it: a huge request that
 * reaches it is seen, and costs nothing.
 *
 * A 4 GiB name is built from one 2 MiB file mapped 2048 times, so it costs 2 MiB of memory.
 */
#define _GNU_SOURCE /* MAP_ANONYMOUS, MAP_FIXED */
#include "helpers.h"
#include "internal.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* ---- a counting allocator that refuses huge requests --------------------------------------- */

typedef struct capalloc {
    size_t cap;        /* refuse (return NULL for) requests above this many bytes */
    long calls;        /* calls that allocate or grow (nsize > 0), refused ones included */
    long refused;
    size_t largest;    /* the largest nsize asked for */
    long live_blocks;
    int bad_osize;
} capalloc;

static void *cap_alloc_fn(void *ud, void *ptr, size_t osize, size_t nsize) {
    capalloc *ca = ud;
    size_t *h = ptr ? (size_t *)ptr - 2 : NULL;
    if (h && h[0] != osize) ca->bad_osize = 1;
    if (nsize == 0) {
        if (h) {
            ca->live_blocks--;
            free(h);
        }
        return NULL;
    }
    ca->calls++;
    if (nsize > ca->largest) ca->largest = nsize;
    if (nsize > ca->cap) {
        ca->refused++;
        return NULL;
    }
    size_t *n = realloc(h, nsize + 2 * sizeof(size_t));
    if (!n) return NULL;
    if (!h) ca->live_blocks++;
    n[0] = nsize;
    return n + 2;
}

#define CAP_DEFAULT ((size_t)64 << 20)

/* A small network: three actors (two groups), two edges (one channel), a resource with holdings. */
static lev_network *small_net(capalloc *ca) {
    memset(ca, 0, sizeof *ca);
    ca->cap = CAP_DEFAULT;
    lev_network *net;
    cr_assert_eq(lev_network_new_with_alloc(&net, cap_alloc_fn, ca), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "A", "red", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "B", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "C", "blue", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 1, 2.0, "money", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 1, 2, 0.5, NULL, NULL), LEV_OK);
    uint32_t r;
    cr_assert_eq(lev_resource_add(net, "land", &r), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 0, r, 5, 1), LEV_OK);
    return net;
}

static void free_net(lev_network *net, capalloc *ca) {
    lev_network_free(net);
    cr_assert_eq(ca->live_blocks, 0, "%ld blocks leaked", ca->live_blocks);
    cr_assert_eq(ca->bad_osize, 0, "a wrong osize reached the allocator");
}

/* Start counting the allocator's calls afresh. */
static void arm(capalloc *ca) {
    ca->calls = ca->refused = 0;
    ca->largest = 0;
}

#define ASSERT_MSG(net, want)                                                                              \
    cr_assert_str_eq(lev_errmsg(net), want, "message \"%s\", want \"%s\"", lev_errmsg(net), want)

/* ---- the building blocks ---------------------------------------------------------------------- */

Test(limits, alloc_array_refuses_overflowing_products) {
    capalloc ca = {.cap = CAP_DEFAULT};
    lev__mem m = {cap_alloc_fn, &ca};
    cr_assert_null(lev__alloc_array(&m, SIZE_MAX / 8 + 1, 8));
    cr_assert_null(lev__alloc_array(&m, SIZE_MAX, 2));
    cr_assert_null(lev__alloc_array(&m, (size_t)1 << 62, 16));
    cr_assert_null(lev__alloc_array(&m, 0, 8));
    cr_assert_null(lev__alloc_array(&m, 8, 0));
    cr_assert_eq(ca.calls, 0, "an overflowing product reached the allocator");
    /* The largest product that fits is asked for as it is (and refused by this allocator). */
    cr_assert_null(lev__alloc_array(&m, SIZE_MAX / 8, 8));
    cr_assert_eq(ca.calls, 1);
    cr_assert_eq(ca.largest, SIZE_MAX / 8 * 8);
}

Test(limits, grow_refuses_capacities_past_size_t) {
    capalloc ca = {.cap = CAP_DEFAULT};
    lev__mem m = {cap_alloc_fn, &ca};
    void *arr = NULL;
    size_t cap = 0;
    /* need > SIZE_MAX / 2: doubling would overflow. */
    cr_assert_eq(lev__grow(&m, &arr, &cap, SIZE_MAX / 2 + 2, 1), LEV_ELIMIT);
    /* need * size past SIZE_MAX. */
    cr_assert_eq(lev__grow(&m, &arr, &cap, SIZE_MAX / 8 + 1, 8), LEV_ELIMIT);
    cr_assert_eq(lev__grow(&m, &arr, &cap, (size_t)1 << 61, 16), LEV_ELIMIT);
    cr_assert_eq(ca.calls, 0, "an overflowing size reached the allocator");
    cr_assert_null(arr);
    cr_assert_eq(cap, 0, "a refused grow changed the capacity");
    /* Large but representable: asked for exactly, refused, nothing changes. */
    cr_assert_eq(lev__grow(&m, &arr, &cap, (size_t)1 << 40, 8), LEV_ENOMEM);
    cr_assert_eq(ca.largest, (size_t)1 << 43);
    cr_assert_null(arr);
    cr_assert_eq(cap, 0);
    /* An existing block: a failed grow keeps it and its capacity. */
    cr_assert_eq(lev__grow(&m, &arr, &cap, 5, 8), LEV_OK);
    cr_assert_eq(cap, 8);
    void *keep = arr;
    cr_assert_eq(lev__grow(&m, &arr, &cap, SIZE_MAX / 4, 8), LEV_ELIMIT);
    cr_assert(arr == keep && cap == 8);
    lev__free(&m, arr, cap * 8);
    cr_assert_eq(ca.live_blocks, 0);
}

Test(limits, strtab_reserve_stops_at_lev_max_actors) {
    capalloc ca = {.cap = CAP_DEFAULT};
    lev__mem m = {cap_alloc_fn, &ca};
    lev__strtab t;
    memset(&t, 0, sizeof t);
    uint32_t id;
    cr_assert_eq(lev__strtab_intern(&m, &t, "x", &id), LEV_OK);
    uint32_t real = t.count;
    arm(&ca);
    t.count = LEV_MAX_ACTORS; /* full */
    cr_assert_eq(lev__strtab_reserve(&m, &t, 1), LEV_ELIMIT);
    t.count = 1;
    cr_assert_eq(lev__strtab_reserve(&m, &t, LEV_MAX_ACTORS), LEV_ELIMIT); /* 1 + MAX > MAX */
    cr_assert_eq(lev__strtab_reserve(&m, &t, (size_t)UINT32_MAX + 5), LEV_ELIMIT); /* past 32 bits */
    cr_assert_eq(ca.calls, 0, "a reserve past LEV_MAX_ACTORS reached the allocator");
    /* One below the limit is allowed: the entry table is asked for 2^31 entries, computed without
     * overflow (2^31 · sizeof entry bytes), and refused here. */
    t.count = LEV_MAX_ACTORS - 1;
    cr_assert_eq(lev__strtab_reserve(&m, &t, 1), LEV_ENOMEM);
    cr_assert_eq(ca.calls, 1);
    cr_assert_eq(ca.largest, ((size_t)1 << 31) * sizeof(lev__strent));
    t.count = real;
    cr_assert_eq(lev__strtab_find(&t, "x", 1), 0, "the table still works");
    lev__strtab_free(&m, &t);
    cr_assert_eq(ca.live_blocks, 0);
}

/* ---- actors ------------------------------------------------------------------------------------- */

/* doc: LEV_MAX_ACTORS, past it the adding call fails with LEV_ELIMIT. */
Test(limits, actor_add_past_lev_max_actors) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    uint32_t real = net->actors.count, idx = 77;
    net->actors.count = LEV_MAX_ACTORS;
    arm(&ca);
    cr_assert_eq(lev_actor_add(net, "D", NULL, &idx), LEV_ELIMIT);
    cr_assert_eq(ca.calls, 0, "the allocator was called %ld times (largest %zu bytes)", ca.calls, ca.largest);
    cr_assert_eq(idx, 77, "idx written on failure");
    cr_assert_eq(lev_errcode(net), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot add actor: a network holds at most 2147483647 actors");
    /* An existing name is still a duplicate first; LEV_NONE (2^32 − 1) is never an index. */
    cr_assert_eq(lev_actor_add(net, "A", NULL, NULL), LEV_EEXIST);
    /* With a new group label: the label is interned, then rolled back. */
    cr_assert_eq(lev_actor_add(net, "D", "brand-new-group", NULL), LEV_ELIMIT);
    cr_assert_eq(net->groups.count, 2, "the new group label was not rolled back");
    /* By name: neither actor is added. */
    cr_assert_eq(lev_edge_add_by_name(net, "D", "E", 1, NULL, NULL), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot add edge \"D\" -> \"E\": a network holds at most 2147483647 actors");
    cr_assert_eq(net->actors.count, LEV_MAX_ACTORS);
    /* An edge between existing actors still goes in. */
    cr_assert_eq(lev_edge_add_by_name(net, "A", "C", 1, NULL, NULL), LEV_OK);
    cr_assert_eq(ca.largest < 4096, 1, "largest request %zu", ca.largest);
    net->actors.count = real;
    net->m--; /* take the edge back out so that the dump compares */
    lev__invalidate(net);
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
}

/* One below the limit the actor table is asked for its next size, computed without overflow. */
Test(limits, actor_add_just_below_the_limit_asks_the_right_size) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    uint32_t real = net->actors.count;
    net->actors.count = LEV_MAX_ACTORS - 1;
    arm(&ca);
    cr_assert_eq(lev_actor_add(net, "D", NULL, NULL), LEV_ENOMEM);
    cr_assert_eq(ca.refused, 1);
    cr_assert_eq(ca.largest, ((size_t)1 << 31) * sizeof(lev__strent), "asked for %zu bytes", ca.largest);
    ASSERT_MSG(net, "cannot add actor: out of memory");
    net->actors.count = real;
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
}

Test(limits, csv_reader_past_lev_max_actors) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    uint32_t real = net->actors.count;
    net->actors.count = LEV_MAX_ACTORS;
    arm(&ca);
    const char *text = "source,target,weight\nA,B,1\nA,Newcomer,2\n";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, text, strlen(text), "t.csv", NULL), LEV_ELIMIT);
    ASSERT_MSG(net, "t.csv:3:3: a network holds at most 2147483647 actors");
    cr_assert_eq(net->m, 2, "the edge A,B was not rolled back");
    text = "name,group\nNewcomer,g\n";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_ACTORS_CSV, text, strlen(text), "a.csv", NULL), LEV_ELIMIT);
    ASSERT_MSG(net, "a.csv:2:1: a network holds at most 2147483647 actors");
    cr_assert(ca.largest < 4096, "largest request %zu", ca.largest);
    net->actors.count = real;
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
}

/* ---- labels and resources: the same limit ------------------------------------------------------ */

Test(limits, group_and_channel_labels_past_the_limit) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    uint32_t rg = net->groups.count, rc = net->channels.count;
    net->groups.count = LEV_MAX_ACTORS;
    net->channels.count = LEV_MAX_ACTORS;
    arm(&ca);
    cr_assert_eq(lev_actor_add(net, "D", "new-group", NULL), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot add actor: size limit exceeded");
    cr_assert_eq(lev_actor_set_group(net, 1, "new-group"), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot set group of \"B\": size limit exceeded");
    cr_assert_eq(lev_edge_add(net, 0, 2, 1, "new-channel", NULL), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot add edge: size limit exceeded");
    cr_assert_eq(ca.calls, 0, "the allocator was called %ld times", ca.calls);
    /* Labels that exist still work. */
    cr_assert_eq(lev_actor_set_group(net, 1, "red"), LEV_OK);
    cr_assert_eq(lev_actor_set_group(net, 1, NULL), LEV_OK);
    net->groups.count = rg;
    net->channels.count = rc;
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
}

Test(limits, resources_past_the_limit) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    uint32_t real = net->resources.count, idx = 77;
    net->resources.count = LEV_MAX_ACTORS;
    arm(&ca);
    cr_assert_eq(lev_resource_add(net, "votes", &idx), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot add resource \"votes\": size limit exceeded");
    cr_assert_eq(idx, 77);
    cr_assert_eq(lev_resource_add(net, "land", NULL), LEV_EEXIST); /* duplicates are found first */
    cr_assert_eq(ca.calls, 0);
    net->resources.count = real;
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
}

/* ---- edges: size_t counts, and the bytes of their arrays --------------------------------------- */

/* Set the edge count artificially: m edges in all, those past the compact form pending, with
 * the pending list's capacities to match (so no array is really grown). */
typedef struct edge_sizes { size_t m, scap, tcap, wcap, ccap; } edge_sizes;

static edge_sizes fake_edges(lev_network *net, size_t m) {
    edge_sizes real = {net->m, net->scap, net->tcap, net->wcap, net->ccap};
    net->m = m;
    net->scap = net->tcap = net->wcap = net->ccap = m - net->csr.m;
    return real;
}

static void restore_edges(lev_network *net, edge_sizes real) {
    net->m = real.m;
    net->scap = real.scap;
    net->tcap = real.tcap;
    net->wcap = real.wcap;
    net->ccap = real.ccap;
    lev__invalidate(net);
}

Test(limits, edges_past_what_size_t_counts) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    size_t idx = 77;
    /* More edges than SIZE_MAX / 2: refused before any size is computed. */
    edge_sizes real = fake_edges(net, SIZE_MAX / 2);
    arm(&ca);
    cr_assert_eq(lev_edge_add(net, 0, 1, 1, NULL, &idx), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot add edge: size limit exceeded");
    cr_assert_eq(lev_edge_add_by_name(net, "A", "New", 1, NULL, &idx), LEV_ELIMIT);
    cr_assert_eq(net->actors.count, 3, "the new actor was not rolled back");
    cr_assert_eq(idx, 77);
    cr_assert_eq(net->m, SIZE_MAX / 2);
    /* 2^61 edges: 2^62 four-byte ids do not fit in a size_t of bytes. */
    restore_edges(net, real);
    real = fake_edges(net, (size_t)1 << 61);
    cr_assert_eq(lev_edge_add(net, 0, 1, 1, "money", &idx), LEV_ELIMIT);
    ASSERT_MSG(net, "cannot add edge: size limit exceeded");
    const char *text = "source,target,weight\nA,B,1\n";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, text, strlen(text), "t.csv", NULL), LEV_ELIMIT);
    ASSERT_MSG(net, "t.csv:2:5: size limit exceeded");
    cr_assert_eq(ca.refused, 0, "a request of %zu bytes reached the allocator", ca.largest);
    cr_assert(ca.largest < 4096, "largest request %zu", ca.largest);
    restore_edges(net, real);
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
}

/* 2^40 edges is representable: the next capacity is asked for exactly, and refused. */
Test(limits, edges_at_a_representable_size_ask_the_right_size) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    edge_sizes real = fake_edges(net, (size_t)1 << 40);
    arm(&ca);
    cr_assert_eq(lev_edge_add(net, 0, 1, 1, NULL, NULL), LEV_ENOMEM);
    cr_assert_eq(ca.calls, 1);
    cr_assert_eq(ca.largest, 2 * (((size_t)1 << 40) - net->csr.m) * sizeof(uint32_t), "asked for %zu bytes",
                 ca.largest); /* twice the pending capacity */
    ASSERT_MSG(net, "cannot add edge: out of memory");
    ca.bad_osize = 0; /* the refused call gave the faked capacity as osize: this test's doing */
    restore_edges(net, real);
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
}

/* The compact form of more edges than a size_t of bytes can hold is refused before the allocator. */
Test(limits, compact_form_of_too_many_edges) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    double out[3] = {-1, -1, -1};
    size_t real = net->m;
    net->m = ((size_t)1 << 62) + 1;
    lev__invalidate(net);
    arm(&ca);
    cr_assert_eq(lev_degree(net, NULL, out), LEV_ENOMEM);
    ASSERT_MSG(net, "degree: cannot build the compact form: out of memory");
    cr_assert_eq(ca.refused, 0, "a request of %zu bytes reached the allocator", ca.largest);
    cr_assert(out[0] == -1, "output written on failure");
    net->m = real;
    cr_assert_eq(lev_degree(net, NULL, out), LEV_OK);
    cr_assert(out[0] == 1 && out[1] == 2 && out[2] == 1);
    free_net(net, &ca);
}

/* PageRank's scratch for LEV_MAX_ACTORS actors: (3·V + 3·blocks) doubles, computed exactly. */
Test(limits, pagerank_scratch_for_lev_max_actors) {
    capalloc ca;
    lev_network *net = small_net(&ca);
    double out[3] = {-1, -1, -1};
    cr_assert_eq(lev_pagerank(net, NULL, NULL, out), LEV_OK); /* builds the compact form */
    uint32_t real = net->csr.n;
    net->csr.n = LEV_MAX_ACTORS;
    out[0] = -1;
    arm(&ca);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_ENOMEM);
    size_t n = LEV_MAX_ACTORS, blocks = (n + 2047) / 2048;
    cr_assert_eq(ca.largest, (3 * n + 3 * blocks) * sizeof(double), "asked for %zu bytes", ca.largest);
    cr_assert_str_eq(lev_params_errmsg(p), "pagerank: out of memory for 2147483647 actors");
    cr_assert(out[0] == -1, "output written on failure");
    net->csr.n = real;
    lev_params_free(p);
    free_net(net, &ca);
}

/* ---- strings of 4 GiB and more, and files larger than the allocator allows -------------------- */

/* A NUL-terminated string of `len` 'a's, built from one 2 MiB file of 'a's mapped again and
 * again, plus a private tail: 4 GiB of address space, 4 MiB of memory. */
#define CHUNK ((size_t)2 << 20)
typedef struct bigstr { char *base; size_t span; } bigstr;

static char *big_string(bigstr *b, size_t len) {
    size_t nfull = len / CHUNK, tail = len % CHUNK;
    b->span = (nfull + 1) * CHUNK;
    b->base = mmap(NULL, b->span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (b->base == MAP_FAILED) return NULL;
    char path[] = "/tmp/lev_limits_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return NULL;
    unlink(path);
    char *page = malloc(CHUNK);
    memset(page, 'a', CHUNK);
    int ok = write(fd, page, CHUNK) == (ssize_t)CHUNK;
    free(page);
    for (size_t k = 0; ok && k < nfull; k++)
        ok = mmap(b->base + k * CHUNK, CHUNK, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0) != MAP_FAILED;
    close(fd);
    char *t = ok ? mmap(b->base + nfull * CHUNK, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                        -1, 0)
                 : MAP_FAILED;
    if (t == MAP_FAILED) {
        munmap(b->base, b->span);
        return NULL;
    }
    memset(t, 'a', tail);
    t[tail] = 0;
    return b->base;
}

/* doc: lev_actor_add, name shorter than 4 GiB. */
Test(limits, names_and_labels_of_4_gib) {
    bigstr b;
    size_t lens[] = {(size_t)UINT32_MAX, (size_t)UINT32_MAX + 1};
    for (int k = 0; k < 2; k++) {
        char *s = big_string(&b, lens[k]);
        if (!s) cr_skip_test("cannot map a 4 GiB string here");
        capalloc ca;
        lev_network *net = small_net(&ca);
        char *before = dump_network(net);
        arm(&ca);
        cr_assert_eq(lev_actor_add(net, s, NULL, NULL), LEV_EINVAL);
        ASSERT_MSG(net, "cannot add actor: actor name is longer than 4 GiB");
        cr_assert_eq(lev_actor_add(net, "D", s, NULL), LEV_EINVAL);
        ASSERT_MSG(net, "cannot add actor: group label is longer than 4 GiB");
        cr_assert_eq(lev_actor_set_group(net, 0, s), LEV_EINVAL);
        cr_assert_eq(lev_resource_add(net, s, NULL), LEV_EINVAL);
        ASSERT_MSG(net, "cannot add resource: resource name is longer than 4 GiB");
        cr_assert_eq(lev_edge_add(net, 0, 1, 1, s, NULL), LEV_EINVAL);
        ASSERT_MSG(net, "cannot add edge: channel label is longer than 4 GiB");
        cr_assert_eq(ca.calls, 0, "the allocator was called for a 4 GiB name (largest %zu)", ca.largest);
        char *after = dump_network(net);
        cr_assert_str_eq(after, before);
        free(before);
        free(after);
        free_net(net, &ca);
        munmap(b.base, b.span);
    }
}

/* A 4 GiB CSV field is copied into the record buffer, which the allocator refuses: ENOMEM,
 * nothing changes. (The field is quoted, so the copy starts at once and stops at the cap.) */
Test(limits, csv_field_of_4_gib) {
    bigstr b;
    const char head[] = "source,target,weight,channel\nA,B,1,\"";
    size_t hl = sizeof head - 1, len = (size_t)UINT32_MAX + 2 + hl;
    char *s = big_string(&b, len);
    if (!s) cr_skip_test("cannot map a 4 GiB string here");
    /* The head goes in the private tail: build the text as 'a'... then fix the first bytes by
     * mapping a private copy of the first chunk. */
    char *first = mmap(b.base, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    cr_assert(first != MAP_FAILED);
    memset(first, 'a', CHUNK);
    memcpy(first, head, hl);
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    arm(&ca);
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, s, len, "big.csv", NULL), LEV_ENOMEM);
    ASSERT_MSG(net, "big.csv: out of memory");
    cr_assert_eq(ca.refused, 1);
    cr_assert_eq(ca.largest, CAP_DEFAULT * 2, "the record buffer asked for %zu bytes", ca.largest);
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
    free_net(net, &ca);
    munmap(b.base, b.span);
}

/* A file larger than the allocator allows: ENOMEM with the path, nothing read into the network. */
Test(limits, file_larger_than_the_allocator_allows) {
    char path[] = "/tmp/lev_limits_big_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    const char *head = "source,target,weight\n";
    cr_assert_eq(write(fd, head, strlen(head)), (ssize_t)strlen(head));
    char row[64];
    for (int i = 0; i < 40000; i++) {
        int n = snprintf(row, sizeof row, "actor-%d,actor-%d,1\n", i, i + 1);
        cr_assert_eq(write(fd, row, (size_t)n), n);
    }
    close(fd);
    capalloc ca;
    lev_network *net = small_net(&ca);
    char *before = dump_network(net);
    ca.cap = 256 << 10; /* 256 KiB: the file is about 1 MiB */
    arm(&ca);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL), LEV_ENOMEM);
    char want[128];
    snprintf(want, sizeof want, "%s: out of memory reading the file", path);
    ASSERT_MSG(net, want);
    cr_assert(ca.largest <= (size_t)1 << 20, "asked for %zu bytes for a 1 MiB file", ca.largest);
    ca.cap = CAP_DEFAULT;
    char *after = dump_network(net);
    cr_assert_str_eq(after, before);
    /* With room enough it reads. */
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL), LEV_OK, "%s", lev_errmsg(net));
    cr_assert_eq(lev_actor_count(net), 3 + 40001);
    remove(path);
    free(before);
    free(after);
    free_net(net, &ca);
}
