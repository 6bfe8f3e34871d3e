/*
 * Bypass: dominators, articulation points and bridges against NetworkX (and igraph and brute
 * force, cross-checked by the generator): tests/ref/ref_structure.h, made by
 * tests/ref/make_refs_structure.py; each table's comment holds the exact peer call. Hand-made
 * networks come with their actors and edge records in the header, so the test builds exactly
 * what the peers saw. Plus long chains (no recursion), length queries and misuse.
 */
#include "helpers.h"

#include "ref/ref_structure.h"

#include <stdint.h>
#include <stdlib.h>

/* ---- fixtures -------------------------------------------------------------------------------- */

static lev_network *build(const char *const *actors, const char *const *edges) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (size_t k = 0; actors[k]; k++) cr_assert_eq(lev_actor_add(net, actors[k], NULL, NULL), LEV_OK);
    for (size_t k = 0; edges[k]; k += 2)
        cr_assert_eq(lev_edge_add_by_name(net, edges[k], edges[k + 1], 1, NULL, NULL), LEV_OK, "%s",
                     lev_errmsg(net));
    return net;
}

static uint32_t idx_of(const lev_network *net, const char *name) {
    uint32_t i;
    cr_assert_eq(lev_actor_find(net, name, &i), LEV_OK, "no actor %s", name);
    return i;
}

/* Every dominator row of the reference; returns the number of rows checked. */
static size_t check_idom(lev_network *net, const ref_idom *ref, const char *what) {
    size_t n = lev_actor_count(net), rows = 0;
    uint32_t *idom = malloc((n ? n : 1) * sizeof *idom);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    for (size_t k = 0; ref[k].source;) {
        int und = ref[k].undirected;
        const char *src = ref[k].source;
        uint32_t s = idx_of(net, src);
        cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, und), LEV_OK);
        for (size_t i = 0; i < n; i++) idom[i] = 12345;
        cr_assert_eq(lev_dominators(net, s, p, idom), LEV_OK, "%s: %s", what, lev_params_errmsg(p));
        size_t seen = 0;
        for (; ref[k].source && ref[k].undirected == und && !strcmp(ref[k].source, src); k++, seen++, rows++) {
            uint32_t v = idx_of(net, ref[k].actor);
            uint32_t want = ref[k].idom ? idx_of(net, ref[k].idom) : LEV_NONE;
            cr_assert_eq(idom[v], want, "%s: undirected %d, source %s: idom(%s) = %u, networkx %s", what, und, src,
                         ref[k].actor, idom[v], ref[k].idom ? ref[k].idom : "(unreachable)");
        }
        cr_assert_eq(seen, n, "%s: the reference lists every actor", what);
    }
    lev_params_free(p);
    free(idom);
    return rows;
}

static void check_ap(const lev_network *net, const char *const *ref, const char *what) {
    size_t n = lev_actor_count(net);
    uint32_t *out = malloc((n ? n : 1) * sizeof *out), *want = calloc(n ? n : 1, sizeof *want);
    for (size_t k = 0; ref[k]; k++) want[idx_of(net, ref[k])] = 1;
    for (size_t i = 0; i < n; i++) out[i] = 7;
    cr_assert_eq(lev_articulation_points(net, NULL, out), LEV_OK, "%s: %s", what, lev_errmsg(net));
    for (size_t i = 0; i < n; i++) cr_assert_eq(out[i], want[i], "%s: actor %zu: got %u, networkx %u", what, i, out[i], want[i]);
    free(out);
    free(want);
}

static int cmp_pair(const void *x, const void *y) {
    const uint32_t *p = x, *q = y;
    if (p[0] != q[0]) return p[0] < q[0] ? -1 : 1;
    return (p[1] > q[1]) - (p[1] < q[1]);
}

static void check_bridges(const lev_network *net, const char *const *ref, const char *what) {
    size_t nref = 0;
    while (ref[2 * nref]) nref++;
    uint32_t *want = malloc((2 * nref + 1) * sizeof *want);
    for (size_t k = 0; k < nref; k++) {
        uint32_t a = idx_of(net, ref[2 * k]), b = idx_of(net, ref[2 * k + 1]);
        want[2 * k] = a < b ? a : b;
        want[2 * k + 1] = a < b ? b : a;
    }
    qsort(want, nref, 2 * sizeof *want, cmp_pair);
    size_t len = 999;
    cr_assert_eq(lev_bridges(net, NULL, 0, NULL, NULL, &len), nref ? LEV_ERANGE : LEV_OK, "%s", what);
    cr_assert_eq(len, nref, "%s: %zu bridges, networkx %zu", what, len, nref);
    uint32_t a[64], b[64];
    cr_assert(nref < 64);
    a[nref] = b[nref] = 777;
    cr_assert_eq(lev_bridges(net, NULL, 64, a, b, &len), LEV_OK, "%s", what);
    cr_assert_eq(len, nref);
    cr_assert_eq(a[nref], 777, "%s: entries past len untouched", what);
    for (size_t k = 0; k < nref; k++) {
        cr_assert_eq(a[k], want[2 * k], "%s: bridge %zu: got %u-%u", what, k, a[k], b[k]);
        cr_assert_eq(b[k], want[2 * k + 1], "%s: bridge %zu: got %u-%u", what, k, a[k], b[k]);
    }
    free(want);
}

static void check_net(lev_network *net, const ref_idom *idom, size_t idom_len, const char *const *ap,
                      const char *const *br, const char *what) {
    cr_assert_eq(check_idom(net, idom, what), idom_len, "%s: every reference row checked", what);
    check_ap(net, ap, what);
    check_bridges(net, br, what);
}

#define DATA_TEST(key, net_expr)                                                                            \
    Test(structure, peers_##key) {                                                                          \
        lev_network *net = net_expr;                                                                        \
        check_net(net, ref_structure_##key##_idom, REF_STRUCTURE_##key##_IDOM_LEN, ref_structure_##key##_ap, \
                  ref_structure_##key##_bridges, #key);                                                     \
        lev_network_free(net);                                                                              \
    }

#define REF_STRUCTURE_karate_IDOM_LEN REF_STRUCTURE_KARATE_IDOM_LEN
#define REF_STRUCTURE_florentine_IDOM_LEN REF_STRUCTURE_FLORENTINE_IDOM_LEN
#define REF_STRUCTURE_lesmis_IDOM_LEN REF_STRUCTURE_LESMIS_IDOM_LEN
#define REF_STRUCTURE_coleman_IDOM_LEN REF_STRUCTURE_COLEMAN_IDOM_LEN
#define REF_STRUCTURE_dangling_IDOM_LEN REF_STRUCTURE_DANGLING_IDOM_LEN
#define REF_STRUCTURE_path_IDOM_LEN REF_STRUCTURE_PATH_IDOM_LEN
#define REF_STRUCTURE_star_IDOM_LEN REF_STRUCTURE_STAR_IDOM_LEN
#define REF_STRUCTURE_triangles_IDOM_LEN REF_STRUCTURE_TRIANGLES_IDOM_LEN
#define REF_STRUCTURE_parallel_IDOM_LEN REF_STRUCTURE_PARALLEL_IDOM_LEN
#define REF_STRUCTURE_loops_IDOM_LEN REF_STRUCTURE_LOOPS_IDOM_LEN
#define REF_STRUCTURE_unreachable_IDOM_LEN REF_STRUCTURE_UNREACHABLE_IDOM_LEN
#define REF_STRUCTURE_example_IDOM_LEN REF_STRUCTURE_EXAMPLE_IDOM_LEN
#define REF_STRUCTURE_single_IDOM_LEN REF_STRUCTURE_SINGLE_IDOM_LEN
#define REF_STRUCTURE_empty_IDOM_LEN REF_STRUCTURE_EMPTY_IDOM_LEN

#define HAND_TEST(key) DATA_TEST(key, build(ref_structure_##key##_actors, ref_structure_##key##_edges))

DATA_TEST(karate, load_csv(SRC("tests/data/karate_edges.csv"), NULL))
DATA_TEST(florentine, load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv")))
DATA_TEST(lesmis, load_csv(SRC("tests/data/lesmis_edges.csv"), NULL))
DATA_TEST(coleman, load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv")))
DATA_TEST(dangling, load_csv(SRC("tests/data/directed_dangling.csv"), NULL))
HAND_TEST(path)
HAND_TEST(star)
HAND_TEST(triangles)
HAND_TEST(parallel)
HAND_TEST(loops)
HAND_TEST(unreachable)
HAND_TEST(example)
HAND_TEST(single)
HAND_TEST(empty)

/* ---- hand-worked (docs/bypass.md) ----------------------------------------------------------- */

Test(structure, worked_example) {
    lev_network *net = build(ref_structure_example_actors, ref_structure_example_edges);
    /* s a b c d e f: c dominates d, e, f; d dominates e and f; s only dominates a, b, c. */
    uint32_t idom[7], want[7] = {0, 0, 0, 0, 3, 4, 4};
    cr_assert_eq(lev_dominators(net, 0, NULL, idom), LEV_OK);
    for (int i = 0; i < 7; i++) cr_assert_eq(idom[i], want[i], "idom[%d] = %u", i, idom[i]);
    uint32_t ap[7], wap[7] = {0, 0, 0, 1, 1, 0, 0};
    cr_assert_eq(lev_articulation_points(net, NULL, ap), LEV_OK);
    for (int i = 0; i < 7; i++) cr_assert_eq(ap[i], wap[i], "ap[%d] = %u", i, ap[i]);
    uint32_t a[2], b[2];
    size_t len;
    cr_assert_eq(lev_bridges(net, NULL, 2, a, b, &len), LEV_OK);
    cr_assert_eq(len, 1);
    cr_assert(a[0] == 4 && b[0] == 6, "bridge d-f, got %u-%u", a[0], b[0]);
    lev_network_free(net);
}

/* A path of 10^6 actors: every search is deep; recursion would need ~10^6 C frames. Influence
 * runs 0 -> 1 -> ... so idom[v] = v - 1; every inner actor is a cut vertex, every tie a bridge. */
Test(structure, long_chain_no_recursion) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    const uint32_t n = 1000000;
    test_add_actors(net, n, "v");
    for (uint32_t i = 0; i + 1 < n; i++) cr_assert_eq(lev_edge_add(net, i, i + 1, 1, NULL, NULL), LEV_OK);
    uint32_t *out = malloc(n * sizeof *out), *b = malloc(n * sizeof *b);
    cr_assert_eq(lev_dominators(net, 0, NULL, out), LEV_OK);
    for (uint32_t i = 1; i < n; i++) cr_assert_eq(out[i], i - 1);
    cr_assert_eq(lev_dominators(net, n - 1, NULL, out), LEV_OK);
    for (uint32_t i = 0; i + 1 < n; i++) cr_assert_eq(out[i], LEV_NONE);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    cr_assert_eq(lev_dominators(net, n / 2, p, out), LEV_OK); /* from the middle, both ways */
    for (uint32_t i = 0; i < n / 2; i++) cr_assert_eq(out[i], i + 1);
    for (uint32_t i = n / 2 + 1; i < n; i++) cr_assert_eq(out[i], i - 1);
    lev_params_free(p);
    cr_assert_eq(lev_articulation_points(net, NULL, out), LEV_OK);
    for (uint32_t i = 0; i < n; i++) cr_assert_eq(out[i], i > 0 && i + 1 < n);
    size_t len;
    cr_assert_eq(lev_bridges(net, NULL, n, out, b, &len), LEV_OK);
    cr_assert_eq(len, n - 1);
    for (uint32_t i = 0; i + 1 < n; i++) cr_assert(out[i] == i && b[i] == i + 1);
    free(out);
    free(b);
    lev_network_free(net);
}

/* Lengauer–Tarjan's own example flowgraph (1979, Fig. 1), R = 0 .. L = 12. */
Test(structure, lengauer_tarjan_figure) {
    static const char *const actors[] = {"R", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", NULL};
    static const char *const edges[] = {"R", "A", "R", "B", "R", "C", "A", "D", "B", "A", "B", "D", "B", "E",
                                        "C", "F", "C", "G", "D", "L", "E", "H", "F", "I", "G", "I", "G", "J",
                                        "H", "E", "H", "K", "I", "K", "J", "I", "K", "I", "K", "R", "L", "H",
                                        NULL};
    lev_network *net = build(actors, edges);
    /* idom: A B C D E F G H I J K L -> R R R R R C C R R G R D */
    uint32_t idom[13], want[13] = {0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 7, 0, 4};
    cr_assert_eq(lev_dominators(net, 0, NULL, idom), LEV_OK);
    for (int i = 0; i < 13; i++) cr_assert_eq(idom[i], want[i], "idom(%s) = %u", actors[i], idom[i]);
    lev_network_free(net);
}

/* ---- contract -------------------------------------------------------------------------------- */

Test(structure, misuse_and_length_query) {
    lev_network *net = build(ref_structure_path_actors, ref_structure_path_edges);
    uint32_t out[5] = {9, 9, 9, 9, 9};
    cr_assert_eq(lev_dominators(NULL, 0, NULL, out), LEV_EMISUSE);
    cr_assert_eq(lev_dominators(net, 0, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_dominators(net, 5, NULL, out), LEV_EINVAL);
    cr_assert_str_eq(lev_errmsg(net), "dominators: source 5 is not an actor (the network has 5)");
    cr_assert_eq(lev_dominators(net, LEV_NONE, NULL, out), LEV_EINVAL);
    for (int i = 0; i < 5; i++) cr_assert_eq(out[i], 9, "outputs untouched on failure");
    cr_assert_eq(lev_articulation_points(NULL, NULL, out), LEV_EMISUSE);
    cr_assert_eq(lev_articulation_points(net, NULL, NULL), LEV_EMISUSE);
    size_t len = 0;
    uint32_t a[4] = {9, 9, 9, 9}, b[4] = {9, 9, 9, 9};
    cr_assert_eq(lev_bridges(net, NULL, 0, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_bridges(net, NULL, 4, NULL, b, &len), LEV_EMISUSE);
    /* a length query records nothing: the message stays the previous one */
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_bridges(net, p, 0, NULL, NULL, &len), LEV_ERANGE);
    cr_assert_eq(len, 4);
    cr_assert_eq(lev_params_errcode(p), LEV_OK);
    cr_assert_eq(lev_bridges(net, p, 3, a, b, &len), LEV_ERANGE);
    cr_assert_eq(len, 4);
    cr_assert_str_eq(lev_params_errmsg(p), "bridges: 4 pairs do not fit in cap 3");
    for (int i = 0; i < 4; i++) cr_assert(a[i] == 9 && b[i] == 9, "arrays untouched on LEV_ERANGE");
    lev_params_free(p);
    lev_network_free(net);
    /* empty network: dominators has no source to take */
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_dominators(net, 0, NULL, out), LEV_EINVAL);
    cr_assert_eq(lev_articulation_points(net, NULL, out), LEV_OK);
    cr_assert_eq(lev_bridges(net, NULL, 0, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0);
    lev_network_free(net);
}

/* ---- random networks against brute force ------------------------------------------------------ */

static uint64_t lcg_x;
static uint32_t lcg(void) {
    lcg_x = lcg_x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(lcg_x >> 33);
}

/* Actors reached from s along the edge lists (both ways when und), skipping actor `skip`. */
static void reach(uint32_t n, size_t m, const uint32_t *es, const uint32_t *et, int und, uint32_t s, uint32_t skip,
                  unsigned char *seen) {
    memset(seen, 0, n);
    if (s == skip) return;
    seen[s] = 1;
    for (int changed = 1; changed;) { /* Bellman–Ford style sweeps: slow but obviously right */
        changed = 0;
        for (size_t e = 0; e < m; e++) {
            uint32_t a = es[e], b = et[e];
            if (seen[a] && !seen[b] && b != skip) seen[b] = 1, changed = 1;
            if (und && seen[b] && !seen[a] && a != skip) seen[a] = 1, changed = 1;
        }
    }
}

/* Dominators from the definition (d dominates v iff v is unreachable without d) on random
 * networks of 1..40 actors, sparse to dense, with parallel edges and self-loops, from every
 * source, both modes; and articulation points and bridges by removal. */
Test(structure, random_against_brute_force) {
    lcg_x = 2026;
    unsigned char *seen = malloc(64), *base = malloc(64), *dom = malloc(64 * 64);
    uint32_t es[400], et[400], idom[64], ap[64], ba[64], bb[64];
    size_t checked = 0;
    for (int round = 0; round < 120; round++) {
        uint32_t n = 1 + lcg() % 40;
        size_t m = lcg() % (size_t)(3 * n + 1);
        lev_network *net;
        cr_assert_eq(lev_network_new(&net), LEV_OK);
        test_add_actors(net, n, "v");
        for (size_t e = 0; e < m; e++) {
            es[e] = lcg() % n;
            et[e] = lcg() % 5 == 0 ? es[e] : lcg() % n; /* some self-loops */
            cr_assert_eq(lev_edge_add(net, es[e], et[e], 1, NULL, NULL), LEV_OK);
        }
        lev_params *p;
        cr_assert_eq(lev_params_new(&p), LEV_OK);
        for (int und = 0; und < 2; und++) {
            cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, und), LEV_OK);
            for (uint32_t s = 0; s < n; s++) {
                cr_assert_eq(lev_dominators(net, s, p, idom), LEV_OK);
                reach(n, m, es, et, und, s, LEV_NONE, base);
                for (uint32_t d = 0; d < n; d++) { /* dom[v*64+d]: d dominates v */
                    reach(n, m, es, et, und, s, d, seen);
                    for (uint32_t v = 0; v < n; v++) dom[v * 64 + d] = base[v] && (v == d || !seen[v]);
                }
                for (uint32_t v = 0; v < n; v++) {
                    uint32_t want = LEV_NONE;
                    if (v == s) want = s;
                    else if (base[v]) { /* the strict dominator with the most dominators */
                        uint32_t best = 0, bestc = 0;
                        for (uint32_t d = 0; d < n; d++) {
                            if (d == v || !dom[v * 64 + d]) continue;
                            uint32_t cnt = 0;
                            for (uint32_t x = 0; x < n; x++) cnt += dom[d * 64 + x];
                            if (cnt > bestc) best = d, bestc = cnt;
                        }
                        want = best;
                    }
                    cr_assert_eq(idom[v], want, "round %d, n %u, m %zu, und %d, source %u: idom(%u) = %u, brute %u",
                                 round, n, m, und, s, v, idom[v], want);
                    checked++;
                }
            }
        }
        /* articulation points and bridges, by removal */
        cr_assert_eq(lev_articulation_points(net, NULL, ap), LEV_OK);
        size_t len;
        cr_assert_eq(lev_bridges(net, NULL, 64, ba, bb, &len), LEV_OK);
        for (uint32_t v = 0; v < n; v++) {
            /* v is a cut vertex iff two of its neighbours are disconnected once v is gone */
            uint32_t want = 0;
            for (size_t e = 0; e < m && !want; e++) {
                uint32_t x = es[e] == v ? et[e] : et[e] == v ? es[e] : LEV_NONE;
                if (x == LEV_NONE || x == v) continue;
                reach(n, m, es, et, 1, x, v, seen);
                for (size_t f = 0; f < m; f++) {
                    uint32_t y = es[f] == v ? et[f] : et[f] == v ? es[f] : LEV_NONE;
                    if (y != LEV_NONE && y != v && !seen[y]) want = 1;
                }
            }
            cr_assert_eq(ap[v], want, "round %d: articulation point %u: got %u, brute %u", round, v, ap[v], want);
        }
        size_t nb = 0;
        for (uint32_t a = 0; a < n; a++)
            for (uint32_t b = a + 1; b < n; b++) {
                size_t recs = 0, only = 0;
                for (size_t e = 0; e < m; e++)
                    if ((es[e] == a && et[e] == b) || (es[e] == b && et[e] == a)) recs++, only = e;
                if (recs != 1) continue;
                uint32_t keep_s = es[only], keep_t = et[only];
                es[only] = et[only] = a; /* remove it: make it a self-loop */
                reach(n, m, es, et, 1, a, LEV_NONE, seen);
                es[only] = keep_s;
                et[only] = keep_t;
                if (seen[b]) continue;
                cr_assert(nb < len && ba[nb] == a && bb[nb] == b, "round %d: bridge %u-%u missing or out of order",
                          round, a, b);
                nb++;
            }
        cr_assert_eq(len, nb, "round %d: %zu bridges, brute force %zu", round, len, nb);
        lev_params_free(p);
        lev_network_free(net);
    }
    cr_assert_gt(checked, 50000);
    cr_log_info("%zu dominator values checked", checked);
    free(seen);
    free(base);
    free(dom);
}
