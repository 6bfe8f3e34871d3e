/*
 * Direction: influence exerted (LEV_DIR_OUT) versus received (LEV_DIR_IN, LEV_DIR_ALL) for
 * PageRank, and PageRank's dangling vector (lev_pagerank_dangling), against NetworkX and igraph
 * (tests/ref/ref_direction.h, made by tests/ref/make_refs_direction.py; each array's comment
 * holds the exact peer call), then hand-worked cases for PageRank, closeness, harmonic and Katz
 * in both directions on a star, a chain and a three-level hierarchy.
 */
#include "helpers.h"

#include "ref/ref_direction.h"

/* PageRank runs with LEV_P_TOLERANCE 1e-14 (L1 error about 5.7e-14) and is compared at 1e-12
 * with PRPACK (within 6e-17 of a dense solve) and NetworkX (within 7e-14, its tol is N·1e-15). */
#define PR_TOL 1e-12

#define DANGLING_CSV "tests/data/directed_dangling.csv"
#define INEXACT_CSV "tests/data/directed_inexact.csv"
#define COLEMAN_EDGES "tests/data/coleman_edges.csv"
#define COLEMAN_ACTORS "tests/data/coleman_actors.csv"

static lev_params *params(int dir) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    if (dir) cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dir), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14), LEV_OK);
    return p;
}

/* A per-actor vector in net's index order from a reference table keyed by name. */
static double *vec(const lev_network *net, const ref_value *ref, size_t len) {
    double *v = calloc(lev_actor_count(net), sizeof *v);
    cr_assert_eq(lev_actor_count(net), len);
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, ref[k].name, &i), LEV_OK);
        v[i] = ref[k].value;
    }
    return v;
}
#define VEC(net, arr) vec(net, arr, sizeof arr / sizeof arr[0])

/* PageRank (with a dangling vector when dang is given) compared with a reference table. */
static void check_pr(const lev_network *net, lev_params *p, const double *pers, const double *dang,
                     const ref_value *ref, size_t len, double tol, const char *what) {
    size_t n = lev_actor_count(net);
    double *out = calloc(n, sizeof *out);
    lev_status rc = dang ? lev_pagerank_dangling(net, pers, dang, p, out) : lev_pagerank(net, pers, p, out);
    cr_assert_eq(rc, LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    check_ref(net, out, ref, len, tol, what);
    free(out);
}
#define CHECK_PR(net, p, pers, dang, arr, tol) check_pr(net, p, pers, dang, arr, sizeof arr / sizeof arr[0], tol, #arr)

/* ---- peers: exerted = NetworkX pagerank(G.reverse()), received = pagerank(G) ------------------ */

/* doc: lev_pagerank, LEV_DIR_OUT is NetworkX's pagerank(G.reverse()); IN and ALL are pagerank(G);
 * personalization works in both directions. */
Test(direction, pagerank_dangling_set_matches_peers) {
    lev_network *net = load_csv(SRC(DANGLING_CSV), NULL);
    lev_params *p = params(LEV_DIR_OUT);
    double *ramp = VEC(net, ref_dangling_ramp);
    CHECK_PR(net, p, NULL, NULL, ref_dangling_pagerank_out_nx, PR_TOL);
    CHECK_PR(net, p, NULL, NULL, ref_dangling_pagerank_out_igraph, PR_TOL);
    CHECK_PR(net, p, ramp, NULL, ref_dangling_ppr_ramp_out_nx, PR_TOL);
    CHECK_PR(net, p, ramp, NULL, ref_dangling_ppr_ramp_out_igraph, PR_TOL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN), LEV_OK);
    CHECK_PR(net, p, NULL, NULL, ref_dangling_pagerank_in_nx, PR_TOL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_ALL), LEV_OK);
    CHECK_PR(net, p, NULL, NULL, ref_dangling_pagerank_in_igraph, PR_TOL);
    lev_params_free(p);
    /* The key's default is influence received. */
    p = params(0);
    CHECK_PR(net, p, NULL, NULL, ref_dangling_pagerank_in_igraph, PR_TOL);
    lev_params_free(p);
    free(ramp);
    lev_network_free(net);
}

Test(direction, pagerank_coleman_matches_peers) {
    lev_network *net = load_csv(SRC(COLEMAN_EDGES), SRC(COLEMAN_ACTORS));
    cr_assert_eq(lev_actor_count(net), REF_DIR_COLEMAN_N);
    lev_params *p = params(LEV_DIR_OUT);
    double *ramp = VEC(net, ref_coleman_ramp);
    CHECK_PR(net, p, NULL, NULL, ref_coleman_pagerank_out_nx, PR_TOL);
    CHECK_PR(net, p, NULL, NULL, ref_coleman_pagerank_out_igraph, PR_TOL);
    CHECK_PR(net, p, ramp, NULL, ref_coleman_ppr_ramp_out_igraph, PR_TOL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN), LEV_OK);
    CHECK_PR(net, p, NULL, NULL, ref_coleman_pagerank_in_nx, PR_TOL);
    CHECK_PR(net, p, NULL, NULL, ref_coleman_pagerank_in_igraph, PR_TOL);
    lev_params_free(p);
    free(ramp);
    lev_network_free(net);
}

/* doc: lev_edge_add, strengths are read rounded to float32: tight against peers fed the same,
 * within 1e-6 relative of the double-precision answers. */
Test(direction, pagerank_inexact_strengths) {
    lev_network *net = load_csv(SRC(INEXACT_CSV), NULL);
    lev_params *p = params(LEV_DIR_OUT);
    double *ramp = VEC(net, ref_inexact_ramp);
    CHECK_PR(net, p, NULL, NULL, ref_inexact_f32_pagerank_out_nx, PR_TOL);
    CHECK_PR(net, p, NULL, NULL, ref_inexact_f32_pagerank_out_igraph, PR_TOL);
    CHECK_PR(net, p, ramp, NULL, ref_inexact_f32_ppr_ramp_out_igraph, PR_TOL);
    double out[REF_DIR_INEXACT_N];
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
    for (size_t k = 0; k < REF_DIR_INEXACT_N; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, ref_inexact_pagerank_out_igraph[k].name, &i), LEV_OK);
        double ref = ref_inexact_pagerank_out_igraph[k].value;
        cr_assert(fabs(out[i] - ref) <= 1e-6 * ref, "%s: %.17g vs %.17g", ref_inexact_pagerank_out_igraph[k].name,
                  out[i], ref);
    }
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_IN), LEV_OK);
    CHECK_PR(net, p, NULL, NULL, ref_inexact_f32_pagerank_in_igraph, PR_TOL);
    lev_params_free(p);
    free(ramp);
    lev_network_free(net);
}

/* doc: lev_pagerank, LEV_P_UNDIRECTED 1 overrides LEV_P_DIRECTION (bit for bit). */
Test(direction, undirected_overrides_direction) {
    lev_network *net = load_csv(SRC(DANGLING_CSV), NULL);
    double all[8], out[8];
    lev_params *p = params(LEV_DIR_ALL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    cr_assert_eq(lev_pagerank(net, NULL, p, all), LEV_OK);
    for (int dir = LEV_DIR_OUT; dir <= LEV_DIR_IN; dir++) {
        cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, dir), LEV_OK);
        cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
        cr_assert(memcmp(all, out, sizeof out) == 0, "direction %d changed the undirected result", dir);
    }
    /* ...and on a directed network the directions differ. */
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 0), LEV_OK);
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT), LEV_OK);
    cr_assert_eq(lev_pagerank(net, NULL, p, all), LEV_OK);
    cr_assert(memcmp(all, out, sizeof out) != 0);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- the dangling vector ----------------------------------------------------------------------- */

/* doc: lev_pagerank_dangling, NetworkX's pagerank(G, personalization=q, dangling=g), in both
 * directions. */
Test(direction, dangling_vector_matches_networkx) {
    lev_network *net = load_csv(SRC(DANGLING_CSV), NULL);
    lev_params *p = params(0);
    double *dvec = VEC(net, ref_dangling_dvec), *pair = VEC(net, ref_dangling_pair);
    CHECK_PR(net, p, NULL, dvec, ref_dangling_dvec_in_nx, PR_TOL);
    CHECK_PR(net, p, pair, dvec, ref_dangling_dvec_pair_in_nx, PR_TOL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, LEV_DIR_OUT), LEV_OK);
    CHECK_PR(net, p, NULL, dvec, ref_dangling_dvec_out_nx, PR_TOL);
    /* The vector matters: without it the answer is lev_pagerank()'s, far from the reference. */
    double out[8];
    cr_assert_eq(lev_pagerank(net, NULL, p, out), LEV_OK);
    double gap = 0;
    for (size_t k = 0; k < 8; k++) {
        uint32_t i;
        lev_actor_find(net, ref_dangling_dvec_out_nx[k].name, &i);
        gap = fmax(gap, fabs(out[i] - ref_dangling_dvec_out_nx[k].value));
    }
    cr_assert(gap > 1e-3, "the dangling vector changed nothing (gap %g)", gap);
    free(dvec);
    free(pair);
    lev_params_free(p);
    lev_network_free(net);

    net = load_csv(SRC(COLEMAN_EDGES), SRC(COLEMAN_ACTORS));
    p = params(LEV_DIR_IN);
    double *ramp = VEC(net, ref_coleman_ramp);
    CHECK_PR(net, p, NULL, ramp, ref_coleman_dvec_ramp_in_nx, PR_TOL);
    free(ramp);
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: lev_pagerank_dangling, a NULL dangling vector gives lev_pagerank()'s result bit for bit;
 * without dangling actors the vector changes nothing. */
Test(direction, dangling_null_is_pagerank) {
    lev_network *net = load_csv(SRC(DANGLING_CSV), NULL);
    double *pair = VEC(net, ref_dangling_pair);
    double a[8], b[8];
    for (int dir = LEV_DIR_OUT; dir <= LEV_DIR_ALL; dir++) {
        lev_params *p = params(dir);
        cr_assert_eq(lev_pagerank(net, pair, p, a), LEV_OK);
        cr_assert_eq(lev_pagerank_dangling(net, pair, NULL, p, b), LEV_OK);
        cr_assert(memcmp(a, b, sizeof a) == 0, "direction %d", dir);
        lev_params_free(p);
    }
    free(pair);
    lev_network_free(net);
    /* A directed 3-cycle has no dangling actor in either direction. */
    lev_network_new(&net);
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    lev_edge_add_by_name(net, "b", "c", 2, NULL, NULL);
    lev_edge_add_by_name(net, "c", "a", 1, NULL, NULL);
    double g[3] = {0, 0, 1}, x[3], y[3];
    lev_params *p = params(LEV_DIR_OUT);
    cr_assert_eq(lev_pagerank(net, NULL, p, x), LEV_OK);
    cr_assert_eq(lev_pagerank_dangling(net, NULL, g, p, y), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert_float_eq(x[i], y[i], 1e-15);
    lev_params_free(p);
    lev_network_free(net);
}

Test(direction, dangling_bad_vector_and_misuse) {
    lev_network *net;
    lev_network_new(&net);
    lev_edge_add_by_name(net, "a", "b", 1, NULL, NULL);
    lev_edge_add_by_name(net, "b", "c", 1, NULL, NULL);
    lev_params *p = params(0);
    double out[3] = {-1, -1, -1}, ok[3] = {1, 1, 1};
    double neg[3] = {1, 1, -2}, zero[3] = {0, 0, 0}, nan_[3] = {0, NAN, 1};
    cr_assert_eq(lev_pagerank_dangling(net, NULL, neg, p, out), LEV_EINVAL);
    cr_assert_str_eq(lev_params_errmsg(p),
                     "pagerank_dangling: dangling vector of actor 2 (\"c\") must be finite and >= 0 (got -2)");
    cr_assert_eq(lev_pagerank_dangling(net, NULL, zero, p, out), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "positive sum"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_pagerank_dangling(net, NULL, nan_, p, out), LEV_EINVAL);
    cr_assert_eq(lev_pagerank_dangling(net, neg, ok, p, out), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "personalization"), "%s", lev_params_errmsg(p));
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], -1, "output written on failure");
    cr_assert_eq(lev_pagerank_dangling(net, NULL, neg, NULL, out), LEV_EINVAL);
    cr_assert(strstr(lev_errmsg(net), "dangling vector"), "%s", lev_errmsg(net));
    cr_assert_eq(lev_pagerank_dangling(NULL, NULL, ok, p, out), LEV_EMISUSE);
    cr_assert_eq(lev_pagerank_dangling(net, NULL, ok, p, NULL), LEV_EMISUSE);
    lev_params_free(p);
    lev_network_free(net);
    /* Empty network: LEV_OK, vectors not read. */
    lev_network_new(&net);
    cr_assert_eq(lev_pagerank_dangling(net, NULL, neg, NULL, out), LEV_OK);
    lev_network_free(net);
}

/* doc: lev_pagerank, bit-identical for any LEV_P_THREADS, in both directions, with a dangling
 * vector. More than one block of actors. */
Test(direction, bit_identical_for_any_thread_count) {
    lev_network *net;
    lev_network_new(&net);
    const uint32_t n = 12000;
    test_add_actors(net, n, "a");
    uint64_t s = 88172645463325252ull; /* xorshift: a skewed graph with actors lacking in- or out-edges */
    for (uint32_t e = 0; e < 60000; e++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        uint32_t a = (uint32_t)(s % n), b = (uint32_t)((s >> 20) % (a + 1));
        cr_assert_eq(lev_edge_add(net, a, b, 0.1 + (double)(s >> 40 & 1023) / 100.0, NULL, NULL), LEV_OK);
    }
    double *ref = malloc(n * sizeof *ref), *out = malloc(n * sizeof *out), *g = malloc(n * sizeof *g);
    for (uint32_t i = 0; i < n; i++) g[i] = 1 + i % 7;
    lev_params *p = params(LEV_DIR_OUT);
    for (int dang = 0; dang < 2; dang++) {
        lev_params_set_int(p, LEV_P_THREADS, 1);
        cr_assert_eq(lev_pagerank_dangling(net, NULL, dang ? g : NULL, p, ref), LEV_OK);
        for (int t = 2; t <= 4; t++) {
            lev_params_set_int(p, LEV_P_THREADS, t);
            cr_assert_eq(lev_pagerank_dangling(net, NULL, dang ? g : NULL, p, out), LEV_OK);
            cr_assert(memcmp(ref, out, n * sizeof *out) == 0, "threads=%d differs (dangling vector %d)", t, dang);
        }
    }
    lev_params_free(p);
    free(ref);
    free(out);
    free(g);
    lev_network_free(net);
}

/* ---- hand-worked cases ------------------------------------------------------------------------- */

/* Run one measure with the given direction (and LEV_P_TOLERANCE 1e-14 for the iterative ones). */
typedef enum { PAGERANK, CLOSENESS, HARMONIC, KATZ } measure;

static void run(const lev_network *net, measure m, int dir, double *out) {
    lev_params *p = params(dir);
    lev_status rc = m == PAGERANK ? lev_pagerank(net, NULL, p, out)
                  : m == CLOSENESS ? lev_closeness(net, p, out)
                  : m == HARMONIC ? lev_harmonic(net, p, out)
                                  : lev_katz(net, p, out);
    cr_assert_eq(rc, LEV_OK, "%s", lev_params_errmsg(p));
    lev_params_free(p);
}

static void expect(const lev_network *net, measure m, int dir, const double *want, double tol, const char *what) {
    size_t n = lev_actor_count(net);
    double out[16];
    cr_assert(n <= 16);
    run(net, m, dir, out);
    for (size_t i = 0; i < n; i++)
        cr_assert(fabs(out[i] - want[i]) <= tol, "%s, actor %s: got %.17g, want %.17g", what,
                  lev_actor_name(net, (uint32_t)i), out[i], want[i]);
}

static lev_network *from_edges(const char *const (*e)[2], size_t m) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (size_t k = 0; k < m; k++) cr_assert_eq(lev_edge_add_by_name(net, e[k][0], e[k][1], 1, NULL, NULL), LEV_OK);
    return net;
}

/*
 * The star Boss → Ann, Bob, Cy, Dee, Ed (n = 6, d = 0.85, uniform jumps).
 *
 * PageRank exerted (LEV_DIR_OUT) walks the reversed star: each leaf L goes to Boss, and Boss, whom
 * the reversed walk cannot leave (no in-edges), jumps uniformly. With x_B + 5·x_L = 1:
 *   x_L = 0.15/6 + 0.85·x_B/6,   x_B = 0.15/6 + 0.85·x_B/6 + 0.85·5·x_L
 *   ⇒ 6·x_L = 0.15 + 0.85·x_B and x_B = 1 − 5·x_L ⇒ 10.25·x_B = 5.25: x_B = 21/41, x_L = 4/41.
 * PageRank received (default): the leaves are dangling; with t = (0.15 + 0.85·5·x_L)/6,
 *   x_B = t, x_L = 0.85·x_B/5 + t = 1.17·t, x_B + 5·x_L = 6.85·t = 1: x_B = 20/137, x_L = 23.4/137.
 * Closeness (Wasserman–Faust, (r−1)/S · (r−1)/(n−1)): OUT Boss reaches 5 at 1 each → 1, leaves 0;
 *   IN Boss 0, each leaf is reached by Boss at 1 → (1/1)·(1/5) = 0.2.
 * Harmonic: OUT Boss 5, leaves 0; IN Boss 0, leaves 1.
 * Katz (α = 0.1, x = α·B·x + 1): OUT (B = A) leaves 1, Boss 1 + 5·0.1 = 1.5; IN (default,
 *   B = Aᵀ) Boss 1, leaves 1.1.
 */
Test(direction, star_boss_first_when_exerted) {
    static const char *const e[][2] = {{"Boss", "Ann"}, {"Boss", "Bob"}, {"Boss", "Cy"}, {"Boss", "Dee"}, {"Boss", "Ed"}};
    lev_network *net = from_edges(e, 5);
    double L = 4.0 / 41, Lr = 23.4 / 137;
    expect(net, PAGERANK, LEV_DIR_OUT, (double[]){21.0 / 41, L, L, L, L, L}, 1e-12, "pagerank out");
    expect(net, PAGERANK, 0, (double[]){20.0 / 137, Lr, Lr, Lr, Lr, Lr}, 1e-12, "pagerank default");
    expect(net, PAGERANK, LEV_DIR_IN, (double[]){20.0 / 137, Lr, Lr, Lr, Lr, Lr}, 1e-12, "pagerank in");
    double out[6];
    run(net, PAGERANK, LEV_DIR_OUT, out);
    for (int i = 1; i < 6; i++) cr_assert(out[0] > out[i], "Boss ranks first under LEV_DIR_OUT");
    run(net, PAGERANK, LEV_DIR_ALL, out);
    for (int i = 1; i < 6; i++) cr_assert(out[0] < out[i], "Boss ranks last under the default");
    expect(net, CLOSENESS, LEV_DIR_OUT, (double[]){1, 0, 0, 0, 0, 0}, 1e-15, "closeness out");
    expect(net, CLOSENESS, 0, (double[]){1, 0, 0, 0, 0, 0}, 1e-15, "closeness default");
    expect(net, CLOSENESS, LEV_DIR_IN, (double[]){0, 0.2, 0.2, 0.2, 0.2, 0.2}, 1e-15, "closeness in");
    expect(net, HARMONIC, LEV_DIR_OUT, (double[]){5, 0, 0, 0, 0, 0}, 1e-15, "harmonic out");
    expect(net, HARMONIC, LEV_DIR_IN, (double[]){0, 1, 1, 1, 1, 1}, 1e-15, "harmonic in");
    expect(net, KATZ, LEV_DIR_OUT, (double[]){1.5, 1, 1, 1, 1, 1}, 1e-12, "katz out");
    expect(net, KATZ, 0, (double[]){1, 1.1, 1.1, 1.1, 1.1, 1.1}, 1e-12, "katz default");
    lev_network_free(net);
}

/*
 * The chain a → b → c → d (n = 4, d = 0.85).
 *
 * PageRank exerted: the reversed walk d → c → b → a, and a (no in-edges) jumps uniformly. With
 * t = (0.15 + 0.85·x_a)/4, a tiny power series by hand:
 *   x_d = t, x_c = t + 0.85·x_d = 1.85·t, x_b = t + 0.85·x_c = 2.5725·t,
 *   x_a = t + 0.85·x_b = 3.186625·t; the sum 8.609125·t = 1 gives t = 1/8.609125
 *   (check: (0.15 + 0.85·3.186625/8.609125)/4 = (1.29136875 + 2.70863125)/4/8.609125 = t).
 * Received is the mirror image (d first). Closeness OUT: a reaches 3 at 1 + 2 + 3 = 6 → (3/6)·1 =
 *   0.5; b: 2 at 3 → (2/3)·(2/3) = 4/9; c: (1/1)·(1/3) = 1/3; d 0; IN mirrors it.
 * Harmonic OUT: a 1 + 1/2 + 1/3 = 11/6, b 3/2, c 1, d 0; IN mirrors it.
 * Katz OUT (α = 0.1): d 1, c 1.1, b 1.11, a 1.111 (Σ α^k over out-walks); the default mirrors it.
 */
Test(direction, chain_by_hand) {
    static const char *const e[][2] = {{"a", "b"}, {"b", "c"}, {"c", "d"}};
    lev_network *net = from_edges(e, 3);
    double t = 1 / 8.609125;
    double head = 3.186625 * t, second = 2.5725 * t, third = 1.85 * t;
    expect(net, PAGERANK, LEV_DIR_OUT, (double[]){head, second, third, t}, 1e-12, "pagerank out");
    expect(net, PAGERANK, LEV_DIR_IN, (double[]){t, third, second, head}, 1e-12, "pagerank in");
    expect(net, CLOSENESS, LEV_DIR_OUT, (double[]){0.5, 4.0 / 9, 1.0 / 3, 0}, 1e-15, "closeness out");
    expect(net, CLOSENESS, LEV_DIR_IN, (double[]){0, 1.0 / 3, 4.0 / 9, 0.5}, 1e-15, "closeness in");
    expect(net, HARMONIC, LEV_DIR_OUT, (double[]){11.0 / 6, 1.5, 1, 0}, 1e-15, "harmonic out");
    expect(net, HARMONIC, LEV_DIR_IN, (double[]){0, 1, 1.5, 11.0 / 6}, 1e-15, "harmonic in");
    expect(net, KATZ, LEV_DIR_OUT, (double[]){1.111, 1.11, 1.1, 1}, 1e-12, "katz out");
    expect(net, KATZ, LEV_DIR_IN, (double[]){1, 1.1, 1.11, 1.111}, 1e-12, "katz in");
    lev_network_free(net);
}

/*
 * A three-level hierarchy: boss → m1, m2; m1 → w1, w2; m2 → w3, w4 (n = 7, d = 0.85).
 *
 * PageRank exerted: each worker walks to its manager, each manager to the boss, and the boss
 * (no in-edges) jumps uniformly. With t = (0.15 + 0.85·x_boss)/7:
 *   x_w = t, x_m = t + 0.85·2·x_w = 2.7·t, x_boss = t + 0.85·2·x_m = 5.59·t;
 *   4·t + 2·2.7·t + 5.59·t = 14.99·t = 1 (check: (0.15 + 0.85·5.59/14.99)/7 = 7/14.99/7 = t).
 * Closeness OUT: boss reaches 6 at 1 + 1 + 2 + 2 + 2 + 2 = 10 → 6/10 = 0.6; a manager reaches 2
 *   at 1 each → (2/2)·(2/6) = 1/3; workers 0. IN: boss 0; manager (1/1)·(1/6) = 1/6; worker:
 *   reached by its manager at 1 and the boss at 2 → (2/3)·(2/6) = 2/9.
 * Harmonic OUT: boss 2 + 4/2 = 4, manager 2, worker 0. IN: boss 0, manager 1, worker 1 + 1/2.
 * Katz OUT (α = 0.1): worker 1, manager 1 + 2·0.1 = 1.2, boss 1 + 2·0.1 + 4·0.01 = 1.24.
 */
Test(direction, hierarchy_by_hand) {
    static const char *const e[][2] = {{"boss", "m1"}, {"boss", "m2"}, {"m1", "w1"}, {"m1", "w2"},
                                       {"m2", "w3"}, {"m2", "w4"}};
    lev_network *net = from_edges(e, 6); /* index order: boss, m1, m2, w1, w2, w3, w4 */
    double t = 1 / 14.99, M = 2.7 * t, B = 5.59 * t;
    expect(net, PAGERANK, LEV_DIR_OUT, (double[]){B, M, M, t, t, t, t}, 1e-12, "pagerank out");
    double third = 1.0 / 3, sixth = 1.0 / 6, w9 = 2.0 / 9;
    expect(net, CLOSENESS, LEV_DIR_OUT, (double[]){0.6, third, third, 0, 0, 0, 0}, 1e-15, "closeness out");
    expect(net, CLOSENESS, 0, (double[]){0.6, third, third, 0, 0, 0, 0}, 1e-15, "closeness default");
    expect(net, CLOSENESS, LEV_DIR_IN, (double[]){0, sixth, sixth, w9, w9, w9, w9}, 1e-15, "closeness in");
    expect(net, HARMONIC, LEV_DIR_OUT, (double[]){4, 2, 2, 0, 0, 0, 0}, 1e-15, "harmonic out");
    expect(net, HARMONIC, LEV_DIR_IN, (double[]){0, 1, 1, 1.5, 1.5, 1.5, 1.5}, 1e-15, "harmonic in");
    expect(net, KATZ, LEV_DIR_OUT, (double[]){1.24, 1.2, 1.2, 1, 1, 1, 1}, 1e-12, "katz out");
    lev_network_free(net);
}

/* doc: LEV_P_DIRECTION, lev_group_influence() passes it to lev_pagerank(): on the star with Boss
 * in group "top", the top's influence share is 21/41 exerted and 20/137 received (above). */
Test(direction, group_influence_follows_direction) {
    lev_network *net;
    lev_network_new(&net);
    cr_assert_eq(lev_actor_add(net, "Boss", "top", NULL), LEV_OK);
    static const char *const leaves[] = {"Ann", "Bob", "Cy", "Dee", "Ed"};
    for (int i = 0; i < 5; i++) {
        cr_assert_eq(lev_actor_add(net, leaves[i], "staff", NULL), LEV_OK);
        cr_assert_eq(lev_edge_add(net, 0, (uint32_t)i + 1, 1, NULL, NULL), LEV_OK);
    }
    double share[2];
    lev_params *p = params(LEV_DIR_OUT);
    cr_assert_eq(lev_group_influence(net, p, NULL, NULL, share), LEV_OK);
    cr_assert_float_eq(share[0], 21.0 / 41, 1e-12);
    lev_params_free(p);
    p = params(0);
    cr_assert_eq(lev_group_influence(net, p, NULL, NULL, share), LEV_OK);
    cr_assert_float_eq(share[0], 20.0 / 137, 1e-12);
    lev_params_free(p);
    lev_network_free(net);
}
