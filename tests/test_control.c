/*
 * Control: driver actors (N_D against NetworkX's Hopcroft–Karp matching on the bipartite copy:
 * tests/ref/ref_control.h, made by tests/ref/make_refs_control.py) on the data sets (as given,
 * reversed, both ways) and random digraphs; every driver set checked to be the unmatched in-copies
 * of a maximum matching (a plain augmenting-path matching here); the control classes against the
 * enumeration of every maximum matching on small random digraphs; hand-worked stars, chains,
 * cycles, self-loops and parallel edges; length queries and misuse.
 */
#include "helpers.h"

#include "ref/ref_control.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---------------------------------------------------------------------------------- */

static lev_network *from_arrays(size_t n, size_t m, const uint32_t *src, const uint32_t *tgt) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    for (size_t e = 0; e < m; e++) cr_assert_eq(lev_edge_add(net, src[e], tgt[e], 1, NULL, NULL), LEV_OK);
    return net;
}

/* The arcs of net as dense out-lists (form 0 as given, 1 reversed, 2 both ways). */
typedef struct arcs {
    size_t n, m;
    uint32_t *u, *v;
} arcs;

static arcs get_arcs(const lev_network *net, int form) {
    arcs a;
    a.n = lev_actor_count(net);
    size_t m = lev_edge_count(net);
    a.u = malloc((2 * m + 1) * sizeof *a.u);
    a.v = malloc((2 * m + 1) * sizeof *a.v);
    a.m = 0;
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        cr_assert_eq(lev_edge_get(net, e, &s, &t, NULL, NULL), LEV_OK);
        if (form != 1) {
            a.u[a.m] = s;
            a.v[a.m++] = t;
        }
        if (form != 0) {
            a.u[a.m] = t;
            a.v[a.m++] = s;
        }
    }
    return a;
}

static void free_arcs(arcs *a) {
    free(a->u);
    free(a->v);
}

/* Kuhn's augmenting paths, in-copies in `blocked` excluded: the size of a maximum matching. */
static int kuhn_try(const arcs *a, uint32_t u, const uint8_t *blocked, uint32_t *mate_r, uint8_t *seen) {
    for (size_t e = 0; e < a->m; e++) {
        if (a->u[e] != u) continue;
        uint32_t v = a->v[e];
        if (blocked[v] || seen[v]) continue;
        seen[v] = 1;
        if (mate_r[v] == LEV_NONE || kuhn_try(a, mate_r[v], blocked, mate_r, seen)) {
            mate_r[v] = u;
            return 1;
        }
    }
    return 0;
}

static size_t kuhn(const arcs *a, const uint8_t *blocked) {
    uint32_t *mate_r = malloc((a->n + 1) * sizeof *mate_r);
    uint8_t *seen = malloc(a->n + 1);
    size_t size = 0;
    for (size_t v = 0; v < a->n; v++) mate_r[v] = LEV_NONE;
    for (uint32_t u = 0; u < a->n; u++) {
        memset(seen, 0, a->n + 1);
        size += (size_t)kuhn_try(a, u, blocked, mate_r, seen);
    }
    free(mate_r);
    free(seen);
    return size;
}

/* lev_drivers on net with the form's options; checks N_D and that the drivers leave a matching
 * of size n − N_D covering every other in-copy (so they are a minimum driver set). */
static void check_drivers(const lev_network *net, int form, size_t want_nd, const char *what) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_network *use = (lev_network *)net, *rev = NULL;
    if (form == 2) cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    if (form == 1) {
        arcs a = get_arcs(net, 1);
        rev = from_arrays(a.n, a.m, a.u, a.v);
        free_arcs(&a);
        use = rev;
    }
    size_t n = lev_actor_count(net), len = 99;
    cr_assert_eq(lev_drivers(use, p, 0, NULL, &len), LEV_ERANGE);
    cr_assert_eq(len, want_nd, "%s form %d: N_D %zu, networkx %zu", what, form, len, want_nd);
    uint32_t *d = malloc((len + 1) * sizeof *d);
    size_t len2 = 0;
    cr_assert_eq(lev_drivers(use, p, len, d, &len2), LEV_OK, "%s", lev_params_errmsg(p));
    cr_assert_eq(len2, want_nd);
    uint8_t *blocked = calloc(n + 1, 1);
    for (size_t i = 0; i < len2; i++) {
        cr_assert_lt(d[i], n);
        if (i) cr_assert_gt(d[i], d[i - 1], "%s: drivers ascending", what);
        blocked[d[i]] = 1;
    }
    arcs a = get_arcs(use, 2 * (form == 2));
    uint8_t *none = calloc(n + 1, 1);
    size_t full = kuhn(&a, none);
    free(none);
    size_t rest = kuhn(&a, blocked);
    /* a minimum driver set: the others' in-copies are all matched by a maximum matching */
    if (n - full >= 1) {
        cr_assert_eq(rest, full, "%s form %d: the drivers' complement is not matched by a maximum matching", what,
                     form);
        cr_assert_eq(rest, n - len2, "%s form %d", what, form);
    } else {
        cr_assert_eq(len2, 1);
    }
    free_arcs(&a);
    free(blocked);
    free(d);
    lev_network_free(rev);
    lev_params_free(p);
}

/* ---- peers ------------------------------------------------------------------------------------ */

Test(control, drivers_match_networkx_on_the_data_sets) {
    for (size_t k = 0; k < REF_CONTROL_ND_LEN; k++) {
        const ref_nd *r = &ref_control_nd[k];
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", LEV_SOURCE_DIR, r->csv);
        lev_network *net = load_csv(path, NULL);
        cr_assert_eq(lev_actor_count(net), r->n);
        check_drivers(net, r->form, r->nd, r->csv);
        lev_network_free(net);
    }
}

Test(control, drivers_match_networkx_on_random_digraphs) {
    for (size_t k = 0; k < REF_CONTROL_RANDOM_LEN; k++) {
        const ref_random_nd *r = &ref_control_random[k];
        lev_network *net = from_arrays(r->n, r->m, r->src, r->tgt);
        check_drivers(net, 0, r->nd, "random");
        lev_network_free(net);
    }
}

/* ---- hand-worked -------------------------------------------------------------------------------- */

static void drivers_of(const uint32_t *src, const uint32_t *tgt, size_t n, size_t m, uint32_t *out, size_t *len,
                       uint32_t *cls) {
    lev_network *net = from_arrays(n, m, src, tgt);
    cr_assert_eq(lev_drivers(net, NULL, n ? n : 1, out, len), LEV_OK, "%s", lev_errmsg(net));
    if (cls) cr_assert_eq(lev_control_classes(net, NULL, cls), LEV_OK);
    lev_network_free(net);
}

Test(control, hand_worked_star_chain_cycle) {
    uint32_t d[8], cls[8];
    size_t len;
    /* out-star: the hub steers four leaves, but one input reaches only one leaf independently:
     * M has one arc, N_D = 5 − 1 = 4: the hub and three leaves */
    const uint32_t ss[] = {0, 0, 0, 0}, st[] = {1, 2, 3, 4};
    drivers_of(ss, st, 5, 4, d, &len, cls);
    cr_assert_eq(len, 4);
    cr_assert_eq(d[0], 0);
    cr_assert_eq(d[1], 2);
    cr_assert_eq(d[2], 3);
    cr_assert_eq(d[3], 4); /* the greedy matching gives leaf 1 to the hub */
    cr_assert_eq(cls[0], LEV_CONTROL_CRITICAL);
    for (int i = 1; i < 5; i++) cr_assert_eq(cls[i], LEV_CONTROL_INTERMITTENT, "leaf %d", i);
    /* in-star: four leaves influence the hub: the leaves are critical, the hub redundant */
    drivers_of(st, ss, 5, 4, d, &len, cls);
    cr_assert_eq(len, 4);
    for (int i = 0; i < 4; i++) cr_assert_eq(d[i], (uint32_t)(i + 1));
    cr_assert_eq(cls[0], LEV_CONTROL_REDUNDANT);
    for (int i = 1; i < 5; i++) cr_assert_eq(cls[i], LEV_CONTROL_CRITICAL);
    /* chain 0 → 1 → 2 → 3: one driver, the head */
    const uint32_t cs[] = {0, 1, 2}, ct[] = {1, 2, 3};
    drivers_of(cs, ct, 4, 3, d, &len, cls);
    cr_assert_eq(len, 1);
    cr_assert_eq(d[0], 0);
    cr_assert_eq(cls[0], LEV_CONTROL_CRITICAL);
    for (int i = 1; i < 4; i++) cr_assert_eq(cls[i], LEV_CONTROL_REDUNDANT);
    /* cycle: a perfect matching; one driver, any actor: actor 0 given, all intermittent */
    const uint32_t ys[] = {0, 1, 2, 3}, yt[] = {1, 2, 3, 0};
    drivers_of(ys, yt, 4, 4, d, &len, cls);
    cr_assert_eq(len, 1);
    cr_assert_eq(d[0], 0);
    for (int i = 0; i < 4; i++) cr_assert_eq(cls[i], LEV_CONTROL_INTERMITTENT);
    /* parallel edges count once: the chain with every edge doubled */
    const uint32_t ps[] = {0, 0, 1, 1, 2, 2}, pt[] = {1, 1, 2, 2, 3, 3};
    drivers_of(ps, pt, 4, 6, d, &len, NULL);
    cr_assert_eq(len, 1);
    /* self-loops count: 0 → 1 with a loop on 0 matches 0⁺0⁻ and 1 is still matched by 0?
     * No: 0⁺ has arcs to 0⁻ and 1⁻, one of them; M = 1, N_D = 1 (either 0 or 1 unmatched) */
    const uint32_t ls[] = {0, 0}, lt[] = {0, 1};
    drivers_of(ls, lt, 2, 2, d, &len, cls);
    cr_assert_eq(len, 1);
    cr_assert_eq(d[0], 1); /* the greedy start takes the loop first (rows sorted by target) */
    cr_assert_eq(cls[0], LEV_CONTROL_INTERMITTENT);
    cr_assert_eq(cls[1], LEV_CONTROL_INTERMITTENT);
    /* one actor: with or without a loop, one driver, critical */
    const uint32_t one[] = {0};
    drivers_of(one, one, 1, 1, d, &len, cls);
    cr_assert_eq(len, 1);
    cr_assert_eq(cls[0], LEV_CONTROL_CRITICAL);
    drivers_of(NULL, NULL, 1, 0, d, &len, cls);
    cr_assert_eq(len, 1);
    cr_assert_eq(d[0], 0);
    cr_assert_eq(cls[0], LEV_CONTROL_CRITICAL);
    /* read both ways, the chain has a perfect matching? 0-1-2-3 undirected: 0⁺1⁻, 1⁺0⁻, 2⁺3⁻,
     * 3⁺2⁻: yes, one driver */
    lev_network *net = from_arrays(4, 3, cs, ct);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    cr_assert_eq(lev_drivers(net, p, 8, d, &len), LEV_OK);
    cr_assert_eq(len, 1);
    lev_params_free(p);
    lev_network_free(net);
}

Test(control, empty_network) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    size_t len = 7;
    uint32_t d[1] = {42}, cls[1] = {42};
    cr_assert_eq(lev_drivers(net, NULL, 0, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0);
    cr_assert_eq(lev_drivers(net, NULL, 1, d, &len), LEV_OK);
    cr_assert_eq(d[0], 42);
    cr_assert_eq(lev_control_classes(net, NULL, cls), LEV_OK);
    cr_assert_eq(cls[0], 42);
    lev_network_free(net);
}

/* ---- classes against every maximum matching --------------------------------------------------- */

typedef struct enum_state {
    const arcs *a;
    uint32_t mate_r[8];
    size_t best;
    uint32_t in_all, in_some; /* bit masks of in-copies unmatched in all / some maximum matchings */
} enum_state;

static void enumerate(enum_state *s, uint32_t u, size_t size) {
    size_t n = s->a->n;
    if (u == n) {
        uint32_t free_mask = 0;
        for (size_t v = 0; v < n; v++)
            if (s->mate_r[v] == LEV_NONE) free_mask |= 1u << v;
        if (s->best == SIZE_MAX || size > s->best) {
            s->best = size;
            s->in_all = s->in_some = free_mask;
        } else if (size == s->best) {
            s->in_all &= free_mask;
            s->in_some |= free_mask;
        }
        return;
    }
    enumerate(s, u + 1, size); /* u unmatched */
    uint32_t tried = 0;
    for (size_t e = 0; e < s->a->m; e++) {
        if (s->a->u[e] != u) continue;
        uint32_t v = s->a->v[e];
        if (s->mate_r[v] != LEV_NONE || (tried >> v & 1)) continue;
        tried |= 1u << v;
        s->mate_r[v] = u;
        enumerate(s, u + 1, size + 1);
        s->mate_r[v] = LEV_NONE;
    }
}

Test(control, classes_match_every_maximum_matching) {
    uint64_t st = 12345;
    int checked = 0;
    for (int trial = 0; trial < 400; trial++) {
        st = st * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t n = 1 + (size_t)((st >> 33) % 7), m = (size_t)((st >> 40) % (2 * n + 2));
        uint32_t src[20], tgt[20];
        for (size_t e = 0; e < m; e++) {
            st = st * 6364136223846793005ULL + 1442695040888963407ULL;
            src[e] = (uint32_t)((st >> 33) % n);
            tgt[e] = (uint32_t)((st >> 45) % n);
        }
        lev_network *net = from_arrays(n, m, src, tgt);
        for (int form = 0; form <= 2; form += 2) {
            lev_params *p;
            cr_assert_eq(lev_params_new(&p), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, form == 2), LEV_OK);
            arcs a = get_arcs(net, form);
            enum_state s;
            memset(&s, 0, sizeof s);
            s.a = &a;
            s.best = SIZE_MAX;
            for (int v = 0; v < 8; v++) s.mate_r[v] = LEV_NONE;
            enumerate(&s, 0, 0);
            uint32_t cls[8];
            cr_assert_eq(lev_control_classes(net, p, cls), LEV_OK);
            size_t len;
            cr_assert_eq(lev_drivers(net, p, 0, NULL, &len), LEV_ERANGE);
            cr_assert_eq(len, s.best == n ? 1 : n - s.best, "trial %d", trial);
            for (uint32_t v = 0; v < n; v++) {
                uint32_t want;
                if (s.best == n)
                    want = n == 1 ? LEV_CONTROL_CRITICAL : LEV_CONTROL_INTERMITTENT;
                else
                    want = (s.in_all >> v & 1)    ? LEV_CONTROL_CRITICAL
                           : (s.in_some >> v & 1) ? LEV_CONTROL_INTERMITTENT
                                                  : LEV_CONTROL_REDUNDANT;
                cr_assert_eq(cls[v], want, "trial %d form %d actor %u: class %u, enumeration %u", trial, form, v,
                             cls[v], want);
            }
            free_arcs(&a);
            lev_params_free(p);
            checked++;
        }
        lev_network_free(net);
    }
    cr_assert_eq(checked, 800);
}

/* ---- length query and misuse ------------------------------------------------------------------ */

Test(control, length_query_and_misuse) {
    const uint32_t ss[] = {0, 0, 0, 0}, st[] = {1, 2, 3, 4};
    lev_network *net = from_arrays(5, 4, ss, st);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    size_t len = 0;
    uint32_t d[4] = {9, 9, 9, 9};
    cr_assert_eq(lev_drivers(net, p, 0, NULL, &len), LEV_ERANGE);
    cr_assert_eq(len, 4);
    cr_assert_eq(lev_params_errcode(p), LEV_OK, "a length query records nothing");
    cr_assert_eq(lev_drivers(net, p, 3, d, &len), LEV_ERANGE);
    cr_assert_eq(len, 4);
    cr_assert_eq(d[0], 9, "nothing written on LEV_ERANGE");
    cr_assert_eq(lev_params_errcode(p), LEV_ERANGE);
    cr_assert(strstr(lev_params_errmsg(p), "drivers"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_drivers(net, p, 2, NULL, &len), LEV_EMISUSE);
    cr_assert_eq(lev_drivers(net, p, 4, d, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_drivers(NULL, p, 4, d, &len), LEV_EMISUSE);
    cr_assert_eq(lev_control_classes(net, p, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_control_classes(NULL, p, d), LEV_EMISUSE);
    lev_params_free(p);
    lev_network_free(net);
}

/* The progress callback can stop the matching. */
static int stop_now(void *ud, double done) {
    (void)done;
    ++*(int *)ud;
    return 1;
}

Test(control, cancel) {
    const uint32_t cs[] = {0, 1, 2}, ct[] = {1, 2, 3};
    lev_network *net = from_arrays(4, 3, cs, ct);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    int calls = 0;
    cr_assert_eq(lev_params_set_progress(p, stop_now, &calls), LEV_OK);
    uint32_t cls[4] = {9, 9, 9, 9};
    cr_assert_eq(lev_control_classes(net, p, cls), LEV_ECANCELLED);
    cr_assert_eq(cls[0], 9);
    cr_assert_eq(calls, 1);
    lev_params_free(p);
    lev_network_free(net);
}
