/*
 * Clustering (lev_clustering, lev_transitivity), per-actor reciprocity (lev_reciprocity_actors)
 * and directed modularity (LEV_P_DIRECTED_MODULARITY in lev_modularity / lev_communities),
 * against NetworkX and igraph (tests/ref/ref_clustering.h, made by
 * tests/ref/make_refs_clustering.py; each array's comment holds the exact peer call, and the
 * script cross-checks the peers with an independent numpy evaluation), and closed forms on tiny
 * networks.
 */
#include "helpers.h"

#include "ref/ref_clustering.h"

#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixtures -------------------------------------------------------------------------------- */

static lev_network *karate(void) { return load_csv(SRC("tests/data/karate_edges.csv"), NULL); }
static lev_network *karate_weighted(void) { return load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL); }
static lev_network *lesmis(void) { return load_csv(SRC("tests/data/lesmis_edges.csv"), NULL); }
static lev_network *florentine(void) {
    return load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
}
static lev_network *coleman(void) {
    return load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
}
static lev_network *dangling(void) { return load_csv(SRC("tests/data/directed_dangling.csv"), NULL); }

typedef struct lcg { uint64_t x; } lcg;
static uint64_t lcg_r(lcg *g) {
    g->x = g->x * 6364136223846793005ull + 1442695040888963407ull;
    return g->x >> 33;
}

static lev_network *numbered(uint32_t n) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "v");
    return net;
}

/* gen_directed of make_refs_cohesion.py: 600 actors, 1000 edges, strengths 1..3. */
static lev_network *gen_directed(void) {
    uint32_t n = 600;
    lev_network *net = numbered(n);
    lcg g = {42};
    for (int e = 0; e < 1000; e++) {
        uint32_t s = (uint32_t)(lcg_r(&g) % n), t = (uint32_t)(lcg_r(&g) % n);
        if (t == s) t = (t + 1) % n;
        double w = (double)(1 + lcg_r(&g) % 3);
        cr_assert_eq(lev_edge_add(net, s, t, w, NULL, NULL), LEV_OK);
    }
    return net;
}

/* A random network with hubs, self-loops and parallel edges, for the thread tests. */
static lev_network *random_net(uint32_t n, size_t m, uint64_t seed) {
    lev_network *net = numbered(n);
    lcg g = {seed};
    for (size_t e = 0; e < m; e++) {
        uint32_t s = (uint32_t)(lcg_r(&g) % n), t = (uint32_t)(lcg_r(&g) % n);
        if (e % 3 == 0) s = (uint32_t)(lcg_r(&g) % 40); /* hubs */
        cr_assert_eq(lev_edge_add(net, s, t, 0.5 * (double)(1 + lcg_r(&g) % 7), NULL, NULL), LEV_OK);
    }
    return net;
}

static lev_params *opts(int undirected, int weighted) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
    return p;
}

/* ==== clustering ============================================================================= */

static void check_clust(lev_network *net, int undirected, int weighted, const ref_value *ref, size_t len, double avg,
                        const char *what) {
    size_t n = lev_actor_count(net);
    double *out = malloc(n * sizeof *out);
    lev_params *p = opts(undirected, weighted);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    check_ref(net, out, ref, len, 1e-12, what);
    double t = -1, a = -1;
    cr_assert_eq(lev_transitivity(net, p, &t, &a), LEV_OK);
    cr_assert(fabs(a - avg) <= 1e-12, "%s: average %.17g vs networkx %.17g", what, a, avg);
    lev_params_free(p);
    free(out);
}

#define CHECK_UND(net, set)                                                                                    \
    do {                                                                                                       \
        check_clust(net, 1, 0, ref_clust_##set##_und, ARRAY_LEN(ref_clust_##set##_und), ref_clust_##set##_und_avg, \
                    #set " undirected");                                                                       \
        check_clust(net, 1, 1, ref_clust_##set##_und_w, ARRAY_LEN(ref_clust_##set##_und_w),                   \
                    ref_clust_##set##_und_w_avg, #set " undirected weighted");                                 \
        double t_ = -1;                                                                                        \
        cr_assert_eq(lev_transitivity(net, NULL, &t_, NULL), LEV_OK);                                          \
        cr_assert(fabs(t_ - ref_clust_##set##_transitivity) <= 1e-14, #set " transitivity %.17g vs %.17g", t_, \
                  ref_clust_##set##_transitivity);                                                             \
    } while (0)
#define CHECK_DIR(net, set)                                                                                    \
    do {                                                                                                       \
        CHECK_UND(net, set);                                                                                   \
        check_clust(net, 0, 0, ref_clust_##set##_dir, ARRAY_LEN(ref_clust_##set##_dir), ref_clust_##set##_dir_avg, \
                    #set " directed");                                                                         \
        check_clust(net, 0, 1, ref_clust_##set##_dir_w, ARRAY_LEN(ref_clust_##set##_dir_w),                   \
                    ref_clust_##set##_dir_w_avg, #set " directed weighted");                                   \
    } while (0)

/* doc: lev_clustering, NetworkX's clustering of the Graph / DiGraph of summed ties */
Test(clustering, matches_networkx_and_igraph) {
    lev_network *net = karate();
    CHECK_UND(net, karate);
    lev_network_free(net);
    net = karate_weighted();
    CHECK_UND(net, karate_weighted);
    lev_network_free(net);
    net = lesmis();
    CHECK_UND(net, lesmis);
    lev_network_free(net);
    net = florentine();
    CHECK_UND(net, florentine);
    lev_network_free(net);
    net = coleman();
    CHECK_DIR(net, coleman);
    lev_network_free(net);
    net = dangling(); /* a self-loop (ignored) and parallel edges in two channels (summed) */
    CHECK_DIR(net, dangling);
    lev_network_free(net);
    net = gen_directed();
    CHECK_DIR(net, gen_directed);
    lev_network_free(net);
}

/* Closed forms: a triangle is 1, a star's centre 0, K_n 1; directed cycle a→b→c→a: S = A + Aᵀ
 * has (S³)_vv = 2, d_tot = 2, d↔ = 0: c = 2 / (2·2) = 1/2; with every tie mutual it is 1. */
Test(clustering, closed_forms) {
    double out[6], t, a;
    lev_network *net = numbered(3);
    lev_edge_add(net, 0, 1, 1, NULL, NULL);
    lev_edge_add(net, 1, 2, 1, NULL, NULL);
    lev_edge_add(net, 2, 0, 1, NULL, NULL);
    lev_params *p = opts(1, 0);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], 1.0);
    cr_assert_eq(lev_transitivity(net, p, &t, &a), LEV_OK);
    cr_assert_eq(t, 1.0);
    cr_assert_eq(a, 1.0);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 0);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], 0.5, "directed cycle: %g", out[i]);
    /* self-loops and a parallel edge change nothing unweighted */
    lev_edge_add(net, 0, 0, 5, NULL, NULL);
    lev_edge_add(net, 0, 1, 3, "other", NULL);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], 0.5);
    /* every tie mutual */
    lev_edge_add(net, 1, 0, 1, NULL, NULL);
    lev_edge_add(net, 2, 1, 1, NULL, NULL);
    lev_edge_add(net, 0, 2, 1, NULL, NULL);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
    for (int i = 0; i < 3; i++) cr_assert_eq(out[i], 1.0);
    lev_network_free(net);

    /* weighted, undirected: triangle 0-1-2 with strengths 1, 1, 8 (the 0-1 tie as 2 parallel
     * edges of 0.5 each, the 1-2 tie as 1 + a self-loop that is ignored): ŵ = 1/8, 1/8, 1, so each
     * corner gets ∛(1/64) = 1/4. A pendant actor 3 on 0 makes 0's degree 3: 2·(1/4) / 6 = 1/12. */
    net = numbered(4);
    lev_edge_add(net, 0, 1, 0.5, NULL, NULL);
    lev_edge_add(net, 1, 0, 0.5, "back", NULL);
    lev_edge_add(net, 1, 2, 1, NULL, NULL);
    lev_edge_add(net, 2, 2, 100, NULL, NULL);
    lev_edge_add(net, 2, 0, 8, NULL, NULL);
    lev_edge_add(net, 3, 0, 1, NULL, NULL);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    lev_params_set_int(p, LEV_P_WEIGHTED, 1);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
    cr_assert(fabs(out[0] - 1.0 / 12) < 1e-15, "%.17g", out[0]);
    cr_assert(fabs(out[1] - 0.25) < 1e-15, "%.17g", out[1]);
    cr_assert(fabs(out[2] - 0.25) < 1e-15, "%.17g", out[2]);
    cr_assert_eq(out[3], 0.0);
    cr_assert_eq(lev_transitivity(net, p, &t, &a), LEV_OK);
    cr_assert(fabs(t - 3.0 / 5) < 1e-15, "transitivity %.17g: 3 triangles-corners over 1+1+3 triples", t);
    cr_assert(fabs(a - (1.0 / 12 + 0.5) / 4) < 1e-15, "average %.17g", a);
    lev_network_free(net);

    /* complete network of 6: every actor 1; a star: 0 everywhere */
    net = numbered(6);
    for (uint32_t i = 0; i < 6; i++)
        for (uint32_t j = i + 1; j < 6; j++) lev_edge_add(net, i, j, 1 + i + j, NULL, NULL);
    lev_params_set_int(p, LEV_P_WEIGHTED, 0);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
    for (int i = 0; i < 6; i++) cr_assert_eq(out[i], 1.0);
    lev_network_free(net);
    net = numbered(6);
    for (uint32_t i = 1; i < 6; i++) lev_edge_add(net, 0, i, 1, NULL, NULL);
    cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
    for (int i = 0; i < 6; i++) cr_assert_eq(out[i], 0.0);
    cr_assert_eq(lev_transitivity(net, p, &t, &a), LEV_OK);
    cr_assert_eq(t, 0.0);
    cr_assert_eq(a, 0.0);
    lev_network_free(net);
    lev_params_free(p);
}

Test(clustering, empty_and_one_actor) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double out[1] = {-7}, t = -1, a = -1;
    cr_assert_eq(lev_clustering(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], -7, "nothing written for 0 actors");
    cr_assert_eq(lev_transitivity(net, NULL, &t, &a), LEV_OK);
    cr_assert_eq(t, 0.0);
    cr_assert_eq(a, 0.0);
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 0, 2, NULL, NULL), LEV_OK); /* only a self-loop */
    cr_assert_eq(lev_clustering(net, NULL, out), LEV_OK);
    cr_assert_eq(out[0], 0.0);
    cr_assert_eq(lev_transitivity(net, NULL, &t, &a), LEV_OK);
    cr_assert_eq(t, 0.0);
    cr_assert_eq(a, 0.0);
    lev_network_free(net);
}

/* doc: lev_clustering, bit-identical for any LEV_P_THREADS */
Test(clustering, threads_bit_identical) {
    lev_network *net = random_net(5000, 60000, 11);
    size_t n = lev_actor_count(net);
    double *ref = malloc(n * sizeof *ref), *out = malloc(n * sizeof *out);
    for (int form = 0; form < 4; form++) {
        lev_params *p = opts(form & 1, form >> 1);
        lev_params_set_int(p, LEV_P_THREADS, 1);
        cr_assert_eq(lev_clustering(net, p, ref), LEV_OK);
        double t1, a1, t2, a2;
        cr_assert_eq(lev_transitivity(net, p, &t1, &a1), LEV_OK);
        for (int th = 2; th <= 4; th++) {
            lev_params_set_int(p, LEV_P_THREADS, th);
            cr_assert_eq(lev_clustering(net, p, out), LEV_OK);
            cr_assert(memcmp(ref, out, n * sizeof *out) == 0, "form %d: %d threads differ", form, th);
            cr_assert_eq(lev_transitivity(net, p, &t2, &a2), LEV_OK);
            cr_assert(t1 == t2 && a1 == a2, "form %d threads %d", form, th);
        }
        double sum = 0;
        for (size_t i = 0; i < n; i++) {
            cr_assert(ref[i] >= 0 && ref[i] <= 1 + 1e-15, "form %d actor %zu: %g", form, i, ref[i]);
            sum += ref[i];
        }
        cr_assert(sum > 0, "form %d found no triangle", form);
        lev_params_free(p);
    }
    free(ref);
    free(out);
    lev_network_free(net);
}

static int cancel_now(void *ud, double done) {
    (void)ud;
    (void)done;
    return 1;
}

Test(clustering, misuse_cancel_untouched) {
    lev_network *net = dangling();
    double out[16], t = -3, a = -3;
    for (int i = 0; i < 16; i++) out[i] = -3;
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_clustering(NULL, p, out), LEV_EMISUSE);
    cr_assert_str_eq(lev_params_errmsg(p), "clustering: the network is NULL");
    cr_assert_eq(lev_clustering(net, p, NULL), LEV_EMISUSE);
    cr_assert_str_eq(lev_params_errmsg(p), "clustering: the output array is NULL");
    cr_assert_eq(lev_transitivity(net, p, NULL, &a), LEV_EMISUSE);
    cr_assert_str_eq(lev_params_errmsg(p), "transitivity: the output array is NULL");
    cr_assert_eq(lev_params_set_progress(p, cancel_now, NULL), LEV_OK);
    cr_assert_eq(lev_clustering(net, p, out), LEV_ECANCELLED);
    cr_assert_eq(lev_transitivity(net, p, &t, &a), LEV_ECANCELLED);
    for (int i = 0; i < 16; i++) cr_assert_eq(out[i], -3, "written on failure");
    cr_assert(t == -3 && a == -3, "written on failure");
    lev_params_free(p);
    lev_network_free(net);
}

/* ==== per-actor reciprocity ================================================================== */

#define CHECK_RECIP(net, set)                                                                                   \
    do {                                                                                                        \
        size_t n_ = lev_actor_count(net);                                                                       \
        double *o_ = malloc(n_ * sizeof *o_);                                                                   \
        cr_assert_eq(lev_reciprocity_actors(net, NULL, o_), LEV_OK);                                            \
        size_t tied_ = 0;                                                                                       \
        for (size_t k = 0; k < ARRAY_LEN(ref_recip_##set); k++) {                                               \
            uint32_t i_;                                                                                        \
            cr_assert_eq(lev_actor_find(net, ref_recip_##set[k].name, &i_), LEV_OK);                            \
            cr_assert(fabs(o_[i_] - ref_recip_##set[k].value) <= 1e-15, #set " %s: %.17g vs %.17g",             \
                      ref_recip_##set[k].name, o_[i_], ref_recip_##set[k].value);                               \
        }                                                                                                       \
        for (size_t i = 0; i < n_; i++) tied_ += !isnan(o_[i]);                                                 \
        cr_assert_eq(tied_, ARRAY_LEN(ref_recip_##set), #set ": NaN exactly for the actors without ties");      \
        free(o_);                                                                                               \
    } while (0)

/* doc: lev_reciprocity_actors, NetworkX's reciprocity(G, nodes); NaN without ties */
Test(reciprocity_actors, matches_networkx) {
    lev_network *net = coleman();
    CHECK_RECIP(net, coleman);
    lev_network_free(net);
    net = dangling();
    CHECK_RECIP(net, dangling);
    lev_network_free(net);
    net = gen_directed();
    CHECK_RECIP(net, gen_directed);
    lev_network_free(net);
}

Test(reciprocity_actors, closed_forms) {
    lev_network *net = numbered(5);
    /* 0 ⇄ 1, 0 → 2 (twice, two channels), 3 → 3 (self-loop only), 4 alone */
    lev_edge_add(net, 0, 1, 1, NULL, NULL);
    lev_edge_add(net, 1, 0, 1, NULL, NULL);
    lev_edge_add(net, 0, 2, 1, NULL, NULL);
    lev_edge_add(net, 0, 2, 4, "money", NULL);
    lev_edge_add(net, 3, 3, 1, NULL, NULL);
    double out[5];
    cr_assert_eq(lev_reciprocity_actors(net, NULL, out), LEV_OK);
    cr_assert(fabs(out[0] - 2.0 / 3) < 1e-15, "0: 2·1 / (2 out + 1 in) = %g", out[0]);
    cr_assert_eq(out[1], 1.0);
    cr_assert_eq(out[2], 0.0);
    cr_assert(isnan(out[3]) && isnan(out[4]), "no ties: NaN");
    lev_params *p = opts(1, 1);
    cr_assert_eq(lev_reciprocity_actors(net, p, out), LEV_OK);
    cr_assert(out[0] == 1 && out[1] == 1 && out[2] == 1 && isnan(out[3]) && isnan(out[4]));
    /* the tie-weighted mean of r_v is the arc reciprocity: Σ r_v·tot_v / Σ tot_v = 2M / arcs */
    lev_params_set_int(p, LEV_P_UNDIRECTED, 0);
    lev_network *g = gen_directed();
    static unsigned char adj[600][600];
    memset(adj, 0, sizeof adj);
    for (size_t e = 0; e < lev_edge_count(g); e++) {
        uint32_t s, t;
        cr_assert_eq(lev_edge_get(g, e, &s, &t, NULL, NULL), LEV_OK);
        if (s != t) adj[s][t] = 1;
    }
    double r[600], arc, num = 0, den = 0;
    cr_assert_eq(lev_reciprocity_actors(g, p, r), LEV_OK);
    cr_assert_eq(lev_reciprocity(g, p, &arc, NULL), LEV_OK);
    for (int i = 0; i < 600; i++) {
        double tot = 0;
        for (int j = 0; j < 600; j++) tot += adj[i][j] + adj[j][i];
        cr_assert_eq(isnan(r[i]), tot == 0);
        if (tot > 0) {
            num += r[i] * tot;
            den += tot;
        }
    }
    cr_assert(fabs(num / den - arc) < 1e-12, "%.17g vs %.17g", num / den, arc);
    cr_assert(arc > 0);
    lev_network_free(g);
    cr_assert_eq(lev_reciprocity_actors(net, p, NULL), LEV_EMISUSE);
    cr_assert_str_eq(lev_params_errmsg(p), "reciprocity_actors: the output array is NULL");
    lev_params_free(p);
    lev_network_free(net);
}

/* ==== directed modularity ===================================================================== */

static lev_params *dmod(int weighted) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTED_MODULARITY, 1), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
    return p;
}

static void check_dmod(lev_network *net, const ref_value *part, size_t len, int weighted, double qref,
                       const char *what) {
    size_t n = lev_actor_count(net);
    cr_assert_eq(n, len);
    uint32_t *lab = malloc(n * sizeof *lab);
    for (size_t k = 0; k < len; k++) {
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, part[k].name, &i), LEV_OK);
        lab[i] = (uint32_t)part[k].value * 7919u + 3; /* any uint32 labels */
    }
    lev_params *p = dmod(weighted);
    double q = -9;
    cr_assert_eq(lev_modularity(net, lab, p, &q), LEV_OK);
    cr_assert(fabs(q - qref) <= 1e-12, "%s: %.17g vs networkx %.17g", what, q, qref);
    lev_params_free(p);
    free(lab);
}

/* doc: LEV_P_DIRECTED_MODULARITY, NetworkX's community.modularity of the MultiDiGraph */
Test(directed_modularity, matches_networkx) {
    lev_network *net = coleman();
    check_dmod(net, ref_dmod_coleman_w_part, ARRAY_LEN(ref_dmod_coleman_w_part), 1, ref_dmod_coleman_w_q, "coleman w");
    check_dmod(net, ref_dmod_coleman_unw_part, ARRAY_LEN(ref_dmod_coleman_unw_part), 0, ref_dmod_coleman_unw_q,
               "coleman unw");
    lev_network_free(net);
    net = gen_directed();
    check_dmod(net, ref_dmod_gen_directed_w_part, ARRAY_LEN(ref_dmod_gen_directed_w_part), 1,
               ref_dmod_gen_directed_w_q, "gen_directed w");
    check_dmod(net, ref_dmod_gen_directed_unw_part, ARRAY_LEN(ref_dmod_gen_directed_unw_part), 0,
               ref_dmod_gen_directed_unw_q, "gen_directed unw");
    /* every actor alone */
    uint32_t lab[600];
    for (uint32_t i = 0; i < 600; i++) lab[i] = i;
    lev_params *p = dmod(1);
    double q;
    cr_assert_eq(lev_modularity(net, lab, p, &q), LEV_OK);
    cr_assert(fabs(q - ref_dmod_gen_directed_w_singletons) <= 1e-15, "%.17g", q);
    lev_params_free(p);
    lev_network_free(net);
}

/* On a network where every edge has its reverse of equal strength, directed modularity equals
 * the undirected one; a self-loop counts once in W_c, k_out and k_in. */
Test(directed_modularity, symmetric_equals_undirected_and_hand_case) {
    lev_network *net = random_net(300, 2000, 5);
    lev_network *sym = numbered(300);
    size_t m = lev_edge_count(net);
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        double w;
        cr_assert_eq(lev_edge_get(net, e, &s, &t, &w, NULL), LEV_OK);
        lev_edge_add(sym, s, t, w, NULL, NULL);
        lev_edge_add(sym, t, s, w, NULL, NULL);
    }
    uint32_t lab[300];
    for (uint32_t i = 0; i < 300; i++) lab[i] = i % 7;
    lev_params *p = dmod(1);
    double qd, qu;
    cr_assert_eq(lev_modularity(sym, lab, p, &qd), LEV_OK);
    lev_params_set_int(p, LEV_P_DIRECTED_MODULARITY, 0);
    cr_assert_eq(lev_modularity(sym, lab, p, &qu), LEV_OK);
    cr_assert(fabs(qd - qu) <= 1e-14, "%.17g vs %.17g", qd, qu);
    lev_network_free(sym);
    lev_network_free(net);
    /* a → b (2), b → c (1), c → c (1); partition {a, b}, {c}: m = 4, W = 2 + 1, k_out = (2, 1, 1),
     * k_in = (0, 2, 2): Q = 3/4 − [(3·2) + (1·2)] / 16 = 3/4 − 1/2 = 1/4 */
    net = numbered(3);
    lev_edge_add(net, 0, 1, 2, NULL, NULL);
    lev_edge_add(net, 1, 2, 1, NULL, NULL);
    lev_edge_add(net, 2, 2, 1, NULL, NULL);
    uint32_t l3[3] = {5, 5, 9};
    lev_params_set_int(p, LEV_P_DIRECTED_MODULARITY, 1);
    cr_assert_eq(lev_modularity(net, l3, p, &qd), LEV_OK);
    cr_assert(fabs(qd - 0.25) < 1e-15, "%.17g", qd);
    lev_network_free(net);
    lev_params_free(p);
}

static double run_dcomm(lev_network *net, int weighted, int seed, int threads, uint32_t *comm) {
    lev_params *p = dmod(weighted);
    lev_params_set_int(p, LEV_P_SEED, seed);
    lev_params_set_int(p, LEV_P_THREADS, threads);
    size_t count = 0;
    double q = -9, q2 = -8;
    cr_assert_eq(lev_communities(net, p, comm, &count, &q), LEV_OK, "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_modularity(net, comm, p, &q2), LEV_OK);
    cr_assert_eq(q, q2, "communities' modularity is lev_modularity's for its partition");
    lev_params_free(p);
    return q;
}

/* doc: lev_communities with LEV_P_DIRECTED_MODULARITY: at least NetworkX's Louvain (the best of
 * seeds 1..10, both NetworkX 2.8.8 as shipped and with its directed self-loop bug fixed) */
Test(directed_modularity, communities_at_least_networkx_louvain) {
    static const struct {
        lev_network *(*make)(void);
        int weighted;
        double seed1, best, fixed;
        const char *what;
    } cases[] = {
        {coleman, 1, ref_dmod_coleman_w_q, ref_dmod_coleman_w_louvain_best, ref_dmod_coleman_w_louvain_fixed_best,
         "coleman w"},
        {coleman, 0, ref_dmod_coleman_unw_q, ref_dmod_coleman_unw_louvain_best,
         ref_dmod_coleman_unw_louvain_fixed_best, "coleman unw"},
        {gen_directed, 1, ref_dmod_gen_directed_w_q, ref_dmod_gen_directed_w_louvain_best,
         ref_dmod_gen_directed_w_louvain_fixed_best, "gen_directed w"},
        {gen_directed, 0, ref_dmod_gen_directed_unw_q, ref_dmod_gen_directed_unw_louvain_best,
         ref_dmod_gen_directed_unw_louvain_fixed_best, "gen_directed unw"},
    };
    for (size_t k = 0; k < ARRAY_LEN(cases); k++) {
        lev_network *net = cases[k].make();
        size_t n = lev_actor_count(net);
        uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
        double q = run_dcomm(net, cases[k].weighted, 1, 1, a);
        cr_log_info("directed communities %s: %.6f; networkx louvain seed 1 %.6f, best of 10 seeds %.6f, "
                    "best of 10 with the self-loop fix %.6f",
                    cases[k].what, q, cases[k].seed1, cases[k].best, cases[k].fixed);
        cr_assert(q >= cases[k].seed1 - 1e-12, "%s: %.17g below networkx seed 1's %.17g", cases[k].what, q,
                  cases[k].seed1);
        cr_assert(q >= cases[k].best - 1e-12, "%s: %.17g below networkx's best of 10 seeds %.17g", cases[k].what,
                  q, cases[k].best);
        cr_assert(q >= cases[k].fixed - 1e-12, "%s: %.17g below the fixed networkx louvain's best %.17g",
                  cases[k].what, q, cases[k].fixed);
        /* same seed, same partition, any thread count */
        double q2 = run_dcomm(net, cases[k].weighted, 1, 3, b);
        cr_assert(q2 == q && memcmp(a, b, n * sizeof *a) == 0, "%s: not deterministic", cases[k].what);
        free(a);
        free(b);
        lev_network_free(net);
    }
}

Test(directed_modularity, edge_cases) {
    lev_params *p = dmod(1);
    uint32_t comm[4] = {9, 9, 9, 9};
    size_t count = 7;
    double q = -9, q2 = -8;
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_communities(net, p, comm, &count, &q), LEV_OK); /* empty */
    cr_assert(count == 0 && q == 0 && comm[0] == 9);
    cr_assert_eq(lev_modularity(net, comm, p, &q), LEV_OK);
    cr_assert_eq(q, 0.0);
    lev_network_free(net);
    net = numbered(4); /* no edges: every actor alone, Q = 0 */
    cr_assert_eq(lev_communities(net, p, comm, &count, &q), LEV_OK);
    cr_assert(count == 4 && q == 0 && comm[0] == 0 && comm[3] == 3);
    /* only a self-loop: still alone; Q = lev_modularity of singletons = 1 − 1·1/1 = 0 */
    lev_edge_add(net, 2, 2, 3, NULL, NULL);
    cr_assert_eq(lev_communities(net, p, comm, &count, &q), LEV_OK);
    cr_assert_eq(count, 4);
    cr_assert_eq(lev_modularity(net, comm, p, &q2), LEV_OK);
    cr_assert(q == q2 && fabs(q) < 1e-15, "%g %g", q, q2);
    /* a one-way chain 0 → 1 → 2 → 3, m = 3, k_out = (1, 1, 1, 0), k_in = (0, 1, 1, 1):
     * {0,1},{2,3}: W = 2, Kout·Kin = 2·1 + 1·2 → Q = 6/9 − 4/9 = 2/9, the best of all 15
     * partitions (all in one: 1 − 9/9 = 0; {0,1,2},{3}: 6/9 − 6/9 = 0; {0,1},{2},{3}: 3/9 − 3/9 = 0;
     * singletons: 0 − 1/9) */
    lev_network_free(net);
    net = numbered(4);
    lev_edge_add(net, 0, 1, 1, NULL, NULL);
    lev_edge_add(net, 1, 2, 1, NULL, NULL);
    lev_edge_add(net, 2, 3, 1, NULL, NULL);
    cr_assert_eq(lev_communities(net, p, comm, &count, &q), LEV_OK);
    cr_assert(fabs(q - 2.0 / 9) < 1e-15, "chain: %.17g", q);
    cr_assert(count == 2 && comm[0] == comm[1] && comm[2] == comm[3] && comm[1] != comm[2]);
    lev_network_free(net);
    lev_params_free(p);
}
