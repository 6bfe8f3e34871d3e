/*
 * Sampled betweenness (src/paths.c: hop_block, approx_block, samp_*): KADABRA's adaptive
 * stopping over Riondato–Kornaropoulos' ceiling ω, the hop sampler (a level-synchronous
 * balanced bidirectional BFS) and the weighted one (bidirectional Dijkstra). Each estimate
 * within ε of the exact normalized betweenness (lev_betweenness, itself checked against
 * NetworkX and igraph in test_paths.c) on classic networks and a random digraph, for several
 * seeds; bit-identical answers and sample counts on 1 and 4 threads; r ≤ ω, and r < ω where it
 * should stop early; shortest paths drawn uniformly (a chi-square over the actors' counts on
 * grids whose corner pairs have 6 shortest paths each); disconnected pairs; n ≤ 2.
 */
#include "helpers.h"

#include <stdint.h>

typedef struct sopts {
    int undirected, weighted, threads;
    double eps;
    int64_t seed;
} sopts;

static lev_params *sparams(sopts o) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, o.undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, o.weighted), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, o.threads), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_EPSILON, o.eps), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, o.seed), LEV_OK);
    return p;
}

static double *exact_norm(const lev_network *net, sopts o) {
    size_t n = lev_actor_count(net);
    double *ex = calloc(n ? n : 1, sizeof *ex);
    lev_params *p = sparams(o);
    cr_assert_eq(lev_params_set_int(p, LEV_P_NORMALIZED, 1), LEV_OK);
    cr_assert_eq(lev_betweenness(net, p, ex), LEV_OK, "%s", lev_params_errmsg(p));
    lev_params_free(p);
    return ex;
}

static double *sampled(const lev_network *net, sopts o, uint64_t *r) {
    size_t n = lev_actor_count(net);
    double *est = calloc(n ? n : 1, sizeof *est), e = -1;
    lev_params *p = sparams(o);
    cr_assert_eq(lev_betweenness_sampled(net, p, est, r, &e), LEV_OK, "%s", lev_params_errmsg(p));
    cr_assert_eq(e, *r ? o.eps : 0);
    lev_params_free(p);
    return est;
}

/* n actors, m random arcs of strength 1..4 among the first n − 5 (five isolated actors: pairs
 * with no path), a few self-loops and repeated arcs. */
static lev_network *random_digraph(uint32_t n, size_t m, uint64_t seed) {
    return test_random_net(n, m, seed, (test_net_shape){.live = n - 5, .loop_every = 40, .wmax = 4, .repeat_every = 23,
                                                        .repeat_w = 1});
}

/* Every estimate within ε of the exact value, for seeds 1..nseeds; returns the largest error. */
static double within_eps(const lev_network *net, sopts o, int nseeds, const char *what) {
    size_t n = lev_actor_count(net);
    double *ex = exact_norm(net, o), worst = 0;
    for (int seed = 1; seed <= nseeds; seed++) {
        o.seed = seed;
        uint64_t r = 0;
        double *est = sampled(net, o, &r), w = 0;
        for (size_t v = 0; v < n; v++) w = fmax(w, fabs(est[v] - ex[v]));
        cr_assert_leq(w, o.eps, "%s seed %d: max |diff| %g > ε %g (r = %llu)", what, seed, w, o.eps,
                      (unsigned long long)r);
        cr_assert_gt(w, 0, "%s seed %d: an estimate from samples should not be exact", what, seed);
        worst = fmax(worst, w);
        free(est);
    }
    printf("sampled %s: max |diff| vs exact over %d seeds %.4g (eps %g)\n", what, nseeds, worst, o.eps);
    free(ex);
    return worst;
}

Test(sampled, within_eps_undirected_hops) {
    lev_network *k = load_csv(SRC("tests/data/karate_edges.csv"), NULL);
    lev_network *l = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    lev_network *f = load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
    within_eps(k, (sopts){1, 0, 2, 0.02, 0}, 4, "karate hops");
    within_eps(l, (sopts){1, 0, 2, 0.02, 0}, 4, "lesmis hops");
    within_eps(f, (sopts){1, 0, 2, 0.02, 0}, 4, "florentine hops");
    lev_network_free(k);
    lev_network_free(l);
    lev_network_free(f);
}

Test(sampled, within_eps_directed_and_weighted) {
    lev_network *d = random_digraph(60, 180, 7);
    within_eps(d, (sopts){0, 0, 2, 0.02, 0}, 4, "random digraph hops");
    within_eps(d, (sopts){0, 1, 2, 0.02, 0}, 3, "random digraph weighted");
    within_eps(d, (sopts){1, 0, 2, 0.02, 0}, 3, "random digraph undirected hops");
    lev_network *kw = load_csv(SRC("tests/data/karate_weighted_edges.csv"), NULL);
    within_eps(kw, (sopts){1, 1, 2, 0.02, 0}, 3, "karate weighted");
    lev_network *l = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    within_eps(l, (sopts){1, 1, 2, 0.02, 0}, 3, "lesmis weighted");
    lev_network_free(d);
    lev_network_free(kw);
    lev_network_free(l);
}

/* doc: lev_betweenness_sampled, same seed, same estimates and r on any LEV_P_THREADS. */
Test(sampled, threads_bit_identical) {
    lev_network *d = random_digraph(1500, 4500, 11); /* n + m ≥ 4096: more than one thread */
    lev_network *l = load_csv(SRC("tests/data/lesmis_edges.csv"), NULL);
    const lev_network *nets[2] = {d, l};
    for (int g = 0; g < 2; g++)
        for (int u = 0; u <= 1; u++)
            for (int w = 0; w <= 1; w++) {
                size_t n = lev_actor_count(nets[g]);
                uint64_t r1 = 0, r4 = 0;
                double *a = sampled(nets[g], (sopts){u, w, 1, 0.05, 5}, &r1);
                double *b = sampled(nets[g], (sopts){u, w, 4, 0.05, 5}, &r4);
                cr_assert_eq(r1, r4, "net %d undirected %d weighted %d: r %llu vs %llu", g, u, w,
                             (unsigned long long)r1, (unsigned long long)r4);
                cr_assert_arr_eq(a, b, n * sizeof *a, "net %d undirected %d weighted %d: 1 and 4 threads differ", g,
                                 u, w);
                free(a);
                free(b);
            }
    lev_network_free(d);
    lev_network_free(l);
}

/* ω = ⌈(0.5/ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))⌉, ε' = ε(n − 2)/n. */
static double omega_for(size_t n, double eps, double delta, double vd) {
    double e2 = eps * ((double)n - 2) / (double)n;
    return ceil(0.5 / (e2 * e2) * (floor(log2(vd - 2)) + 1 + log(2 / delta)));
}

/* A k × k torus, arcs right and down with wraparound: every actor alike, so the bound VD is
 * known: undirected, 2·ecc + 1 = 2·2⌊k/2⌋ + 1; directed, ecc_in + ecc_out + 1 = 4(k − 1) + 1. */
static lev_network *torus(int k) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, (uint32_t)(k * k), "t");
    for (int rr = 0; rr < k; rr++)
        for (int cc = 0; cc < k; cc++) {
            uint32_t v = (uint32_t)(rr * k + cc);
            cr_assert_eq(lev_edge_add(net, v, (uint32_t)(rr * k + (cc + 1) % k), 1, NULL, NULL), LEV_OK);
            cr_assert_eq(lev_edge_add(net, v, (uint32_t)(((rr + 1) % k) * k + cc), 1, NULL, NULL), LEV_OK);
        }
    return net;
}

/* doc: lev_betweenness_sampled, r ≤ ω, r a checkpoint (a multiple of 512) when below it. On the
 * torus every betweenness is small (about 0.02), so KADABRA's variance-aware bounds close long
 * before ω; the estimates are still within ε. */
Test(sampled, adaptive_stops_early) {
    int k = 20;
    lev_network *net = torus(k);
    size_t n = lev_actor_count(net);
    for (int u = 0; u <= 1; u++) {
        double vd = u ? 2 * 2 * (k / 2) + 1 : 4 * (k - 1) + 1, om = omega_for(n, 0.02, 0.1, vd);
        for (int w = 0; w <= 1; w++) {
            sopts o = {u, w, 2, 0.02, 3};
            uint64_t r = 0;
            double *est = sampled(net, o, &r), *ex = exact_norm(net, o), worst = 0;
            printf("sampled adaptive: %dx%d torus undirected %d weighted %d: r = %llu, omega %.0f\n", k, k, u, w,
                   (unsigned long long)r, om);
            cr_assert_lt((double)r, om, "undirected %d weighted %d: r %llu, ω %.0f: no early stop", u, w,
                         (unsigned long long)r, om);
            cr_assert_gt(r, 0);
            cr_assert_eq(r % 512, 0, "r %llu is not a checkpoint", (unsigned long long)r);
            for (size_t v = 0; v < n; v++) worst = fmax(worst, fabs(est[v] - ex[v]));
            cr_assert_leq(worst, 0.02, "torus: max |diff| %g", worst);
            free(est);
            free(ex);
        }
    }
    lev_network_free(net);
    /* elsewhere r never passes ω for the largest VD there can be, n */
    lev_network *d = random_digraph(400, 1600, 3);
    for (int u = 0; u <= 1; u++) {
        uint64_t r = 0;
        double *est = sampled(d, (sopts){u, 0, 2, 0.02, 3}, &r);
        cr_assert_leq((double)r, omega_for(400, 0.02, 0.1, 400), "r %llu above ω", (unsigned long long)r);
        free(est);
    }
    lev_network_free(d);
}

/* ---- uniform paths ------------------------------------------------------------------------------ *
 *
 * On a 3×3 grid the two corners are joined by 6 shortest paths, whose actors are on them 3, 3, 1,
 * 1, 4, 3, 3 (of 6) times: a sampler that walks back by uniform neighbour instead of by σ (1/4
 * through a side's far corner instead of 1/6), or that weighs the meeting arcs wrongly, moves
 * these shares. Each sample puts an actor on its path or not, so its count is Binomial(r, q) with
 * q the actor's exact share (lev_betweenness · (n − 2)/n): Σ z² over the actors (9 − the zero
 * ones) is about χ² with that many degrees of freedom; the bound is its 1 − 10⁻⁴ quantile. On the
 * 5×5 grid the walks back meet predecessors of unequal σ ((1,3) has σ 4 from (0,3), σ 1, and (1,2),
 * σ 3). Fixed seeds. */
static lev_network *grid(int k) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, (uint32_t)(k * k), "g");
    for (int rr = 0; rr < k; rr++)
        for (int cc = 0; cc < k; cc++) {
            uint32_t v = (uint32_t)(rr * k + cc);
            if (cc < k - 1) cr_assert_eq(lev_edge_add(net, v, v + 1, 1, NULL, NULL), LEV_OK);
            if (rr < k - 1) cr_assert_eq(lev_edge_add(net, v, v + (uint32_t)k, 1, NULL, NULL), LEV_OK);
        }
    return net;
}

static void chi_square(const lev_network *net, sopts o, const char *what) {
    size_t n = lev_actor_count(net);
    double *ex = exact_norm(net, o), chi = 0, k = ((double)n - 2) / (double)n;
    uint64_t r = 0;
    double *est = sampled(net, o, &r);
    int df = 0;
    for (size_t v = 0; v < n; v++) {
        double q = ex[v] * k, cnt = (double)llround(est[v] * k * (double)r);
        cr_assert_leq(fabs(est[v] * k * (double)r - cnt), 1e-6 * (double)r, "counts are integers");
        if (q == 0) {
            cr_assert_eq(cnt, 0, "%s: actor %zu is on no shortest path but was counted", what, v);
            continue;
        }
        double z = (cnt - (double)r * q) / sqrt((double)r * q * (1 - q));
        chi += z * z;
        df++;
    }
    /* the 1 − 10⁻⁴ quantile of χ²(df), Wilson–Hilferty (z = 3.719) */
    double h = 2.0 / (9 * df), bound = df * pow(1 - h + 3.719 * sqrt(h), 3);
    printf("sampled %s: chi-square %.2f over %d actors (bound %.1f), r = %llu\n", what, chi, df, bound,
           (unsigned long long)r);
    cr_assert_leq(chi, bound, "%s: chi-square %.2f over %d actors, r = %llu", what, chi, df, (unsigned long long)r);
    free(ex);
    free(est);
}

Test(sampled, paths_drawn_uniformly) {
    for (int k = 3; k <= 5; k += 2) {
        lev_network *g = grid(k);
        char what[64];
        for (int64_t seed = 1; seed <= 2; seed++) {
            snprintf(what, sizeof what, "directed %dx%d grid, hops", k, k);
            chi_square(g, (sopts){0, 0, 1, 0.005, seed}, what);
            snprintf(what, sizeof what, "undirected %dx%d grid, hops", k, k);
            chi_square(g, (sopts){1, 0, 1, 0.005, seed}, what);
            snprintf(what, sizeof what, "undirected %dx%d grid, weighted", k, k);
            chi_square(g, (sopts){1, 1, 1, 0.005, seed}, what);
        }
        lev_network_free(g);
    }
}

/* Two components (a directed 4-path and a triangle) and isolated actors: pairs across them have
 * no path and count nowhere; the estimates stay within ε. */
Test(sampled, disconnected_pairs) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    const char *csv = "source,target,weight\na,b,1\nb,c,1\nc,d,1\nx,y,2\ny,z,1\nz,x,1\n";
    cr_assert_eq(lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, csv, strlen(csv), "<dis>", NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "lonely", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_add(net, "alone", NULL, NULL), LEV_OK);
    for (int u = 0; u <= 1; u++)
        for (int w = 0; w <= 1; w++) within_eps(net, (sopts){u, w, 2, 0.02, 0}, 2, "two components");
    lev_network_free(net);
}

/* n ≤ 2: nobody can be between; 0 samples, ε 0, exact zeros. */
Test(sampled, tiny_networks) {
    for (int n = 0; n <= 2; n++) {
        lev_network *net;
        cr_assert_eq(lev_network_new(&net), LEV_OK);
        for (int v = 0; v < n; v++) {
            char name[4] = {(char)('a' + v), 0};
            cr_assert_eq(lev_actor_add(net, name, NULL, NULL), LEV_OK);
        }
        if (n == 2) {
            cr_assert_eq(lev_edge_add(net, 0, 1, 1, NULL, NULL), LEV_OK);
            cr_assert_eq(lev_edge_add(net, 1, 0, 1, NULL, NULL), LEV_OK);
        }
        for (int u = 0; u <= 1; u++) {
            double out[2] = {7, 7}, e = -1;
            uint64_t r = 9;
            lev_params *p = sparams((sopts){u, 0, 2, 0.05, 1});
            cr_assert_eq(lev_betweenness_sampled(net, p, out, &r, &e), LEV_OK);
            cr_assert_eq(r, 0);
            cr_assert_eq(e, 0);
            for (int v = 0; v < n; v++) cr_assert_eq(out[v], 0);
            lev_params_free(p);
        }
        lev_network_free(net);
    }
}
