/*
 * Campaigns: lev_spread (IC and LT Monte Carlo) and lev_seeds (RR sampling, OPIM-C).
 *  - closed forms on a star, a chain, parallel edges and two cliques joined by one tie;
 *  - every spread lev_seeds reports is re-simulated here by an independent forward Monte Carlo
 *    (its own generator and its own reading of the edges through lev_edge_get);
 *  - on small graphs the seeds' spread is at least (1 - 1/e - eps) of a CELF greedy over the
 *    same live-edge samples;
 *  - determinism across thread counts, constraints, target group, budget, edge cases.
 */
#include "helpers.h"

#include <stdint.h>

/* ---- an independent forward simulator ----------------------------------------------------- */

typedef struct tnet {
    size_t n, m;
    uint32_t *src, *dst;
    double *w;
    double *indeg; /* edge records into each actor */
    double *win;   /* summed strength into each actor */
} tnet;

static tnet tnet_of(const lev_network *net) {
    tnet t = {.n = lev_actor_count(net), .m = lev_edge_count(net)};
    t.src = calloc(t.m + 1, sizeof *t.src);
    t.dst = calloc(t.m + 1, sizeof *t.dst);
    t.w = calloc(t.m + 1, sizeof *t.w);
    t.indeg = calloc(t.n + 1, sizeof *t.indeg);
    t.win = calloc(t.n + 1, sizeof *t.win);
    for (size_t e = 0; e < t.m; e++) {
        cr_assert_eq(lev_edge_get(net, e, &t.src[e], &t.dst[e], &t.w[e], NULL), LEV_OK);
        t.indeg[t.dst[e]] += 1;
        t.win[t.dst[e]] += t.w[e];
    }
    return t;
}

static void tnet_free(tnet *t) {
    free(t->src), free(t->dst), free(t->w), free(t->indeg), free(t->win);
}

/* xorshift64*: nothing shared with the library's generator. */
static double trand(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) * 0x1.0p-53;
}

/* Mean spread (counting only actors with in_group[v], or all when NULL) over `runs` forward
 * simulations. IC probability: prob < 0 means weighted cascade, else the constant (or, with
 * prob == 2, the strength). LT when lt. Sweeps edges in edge order every round (a different
 * traversal from the library's queue over the compact form). */
static double resim(const tnet *t, const uint32_t *seeds, size_t ns, int lt, double prob, const uint8_t *in_group,
                    int runs, double *sd) {
    uint8_t *act = malloc(t->n + 1), *newly = malloc(t->n + 1);
    double *acc = malloc((t->n + 1) * sizeof *acc), *th = malloc((t->n + 1) * sizeof *th);
    uint64_t s = 0x9E3779B97F4A7C15ULL;
    double sum = 0, sq = 0;
    for (int r = 0; r < runs; r++) {
        memset(act, 0, t->n);
        memset(newly, 0, t->n);
        for (size_t v = 0; v < t->n; v++) acc[v] = 0, th[v] = 1 - trand(&s); /* (0, 1] */
        for (size_t i = 0; i < ns; i++) act[seeds[i]] = newly[seeds[i]] = 1;
        int changed = 1;
        while (changed) {
            changed = 0;
            uint8_t *next = calloc(t->n + 1, 1);
            for (size_t e = 0; e < t->m; e++) {
                uint32_t u = t->src[e], v = t->dst[e];
                if (!newly[u] || act[v]) continue;
                if (lt) {
                    acc[v] += t->w[e];
                    if (acc[v] >= th[v] * t->win[v]) act[v] = next[v] = 1, changed = 1;
                } else {
                    double pe = prob < 0 ? 1 / t->indeg[v] : prob == 2 ? t->w[e] : prob;
                    if (trand(&s) < pe) act[v] = next[v] = 1, changed = 1;
                }
            }
            memcpy(newly, next, t->n);
            free(next);
        }
        double c = 0;
        for (size_t v = 0; v < t->n; v++) c += act[v] && (!in_group || in_group[v]);
        sum += c;
        sq += c * c;
    }
    free(act), free(newly), free(acc), free(th);
    double mean = sum / runs;
    if (sd) *sd = sqrt((sq / runs - mean * mean) / runs);
    return mean;
}

/* ---- fixtures ------------------------------------------------------------------------------ */

static lev_network *make(size_t n) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, n, "a");
    return net;
}

static void edge(lev_network *net, uint32_t a, uint32_t b, double w) {
    cr_assert_eq(lev_edge_add(net, a, b, w, NULL, NULL), LEV_OK);
}

static lev_params *params(int model, int prob, double pc, int runs) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MODEL, model), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_PROBABILITY, prob), LEV_OK);
    if (pc >= 0) cr_assert_eq(lev_params_set_double(p, LEV_P_CONSTANT_PROBABILITY, pc), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_RUNS, runs), LEV_OK);
    return p;
}

/* |got - want| within z standard errors of a Monte Carlo mean of a count whose variance is at
 * most var: z = 5 makes a false alarm a < 1e-6 event. */
static void near_mc(double got, double want, double se, const char *what) {
    cr_assert(fabs(got - want) <= 5 * se + 1e-12, "%s: %.6f, closed form %.6f (5 se = %.6f)", what, got, want, 5 * se);
}

/* ---- lev_spread: closed forms ---------------------------------------------------------------- */

Test(spread, star_ic_constant_and_wc_and_lt) {
    /* centre 0 -> leaves 1..9: spread = 1 + 9p (IC constant p), 10 (WC: each leaf has in-degree
     * 1), 10 (LT: each leaf's one in-edge is its whole incoming strength). */
    lev_network *net = make(10);
    for (uint32_t i = 1; i < 10; i++) edge(net, 0, i, 0.5);
    uint32_t s0 = 0;
    double sp, se, ci[2], prob[10];
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_CONSTANT, 0.3, 20000);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, &se, ci, prob), LEV_OK);
    double want = 1 + 9 * 0.3, sd = sqrt(9 * 0.3 * 0.7 / 20000);
    near_mc(sp, want, sd, "star IC 0.3");
    cr_assert(fabs(se - sd) < 0.2 * sd, "se %.6f vs %.6f", se, sd);
    cr_assert(ci[0] < want && want < ci[1] + 3 * se);
    cr_assert_float_eq(ci[1] - ci[0], 2 * 1.96 * se, 1e-12);
    cr_assert_eq(prob[0], 1.0);
    for (int i = 1; i < 10; i++) near_mc(prob[i], 0.3, sqrt(0.21 / 20000), "leaf probability");
    /* strength 0.5 as the probability */
    cr_assert_eq(lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_STRENGTH), LEV_OK);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, NULL), LEV_OK);
    near_mc(sp, 5.5, sqrt(9 * 0.25 / 20000), "star IC strength 0.5");
    cr_assert_eq(lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_WC), LEV_OK);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, &se, NULL, NULL), LEV_OK);
    cr_assert_eq(sp, 10.0);
    cr_assert_eq(se, 0.0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MODEL, LEV_MODEL_LT), LEV_OK);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, NULL), LEV_OK);
    cr_assert_eq(sp, 10.0);
    /* from a leaf nothing spreads */
    uint32_t s1 = 3;
    cr_assert_eq(lev_spread(net, &s1, 1, p, &sp, NULL, NULL, prob), LEV_OK);
    cr_assert_eq(sp, 1.0);
    cr_assert_eq(prob[3], 1.0);
    cr_assert_eq(prob[0], 0.0);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spread, chain_ic_geometric_and_lt) {
    /* 0 -> 1 -> ... -> 7, constant p: spread = sum_{i=0}^{7} p^i; actor i is reached w.p. p^i. */
    lev_network *net = make(8);
    for (uint32_t i = 0; i < 7; i++) edge(net, i, i + 1, 1);
    uint32_t s0 = 0;
    double sp, prob[8];
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_CONSTANT, 0.6, 20000);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, prob), LEV_OK);
    double want = 0, var = 0;
    for (int i = 0; i < 8; i++) {
        want += pow(0.6, i);
        near_mc(prob[i], pow(0.6, i), sqrt(pow(0.6, i) * (1 - pow(0.6, i)) / 20000) + 1e-12, "chain prob");
    }
    for (int i = 0; i < 8; i++) var += 8 * 8; /* a crude bound: the count is in [1, 8] */
    near_mc(sp, want, sqrt(16.0 / 20000), "chain IC");
    (void)var;
    /* LT: each actor's one in-edge is all its incoming strength: everyone joins. */
    cr_assert_eq(lev_params_set_int(p, LEV_P_MODEL, LEV_MODEL_LT), LEV_OK);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, NULL), LEV_OK);
    cr_assert_eq(sp, 8.0);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spread, parallel_edges_self_loops_and_lt_split) {
    /* two parallel edges 0 -> 1 of probability p each: 1 - (1 - p)^2; a self-loop changes nothing.
     * LT: 2 has in-strengths 1 (from 0) and 3 (from 1): seeded at 0 alone, 2 joins w.p. 1/4. */
    lev_network *net = make(3);
    edge(net, 0, 1, 0.5);
    edge(net, 0, 1, 0.5);
    edge(net, 1, 1, 0.5);
    uint32_t s0 = 0;
    double sp;
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_STRENGTH, -1, 40000);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, NULL), LEV_OK);
    near_mc(sp, 1.75, sqrt(0.75 * 0.25 / 40000), "parallel IC");
    lev_network_free(net);
    net = make(3);
    edge(net, 0, 2, 1);
    edge(net, 1, 2, 3);
    edge(net, 2, 2, 5);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MODEL, LEV_MODEL_LT), LEV_OK);
    double prob[3];
    /* the self-loop's 5 counts in 2's incoming total: 2 joins from 0 w.p. 1/9 */
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, prob), LEV_OK);
    near_mc(prob[2], 1.0 / 9, sqrt(1.0 / 9 * 8 / 9 / 40000), "LT share with a self-loop");
    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, 0), LEV_OK);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, prob), LEV_OK);
    near_mc(prob[2], 1.0 / 3, sqrt(2.0 / 9 / 40000), "LT unweighted share");
    lev_params_free(p);
    lev_network_free(net);
}

/* Two cliques of 5 (strength 1 both ways: probability 1) joined by a0 -> b0 of strength q. */
static lev_network *two_cliques(double q) {
    lev_network *net = make(10);
    for (uint32_t a = 0; a < 5; a++)
        for (uint32_t b = 0; b < 5; b++)
            if (a != b) {
                edge(net, a, b, 1);
                edge(net, 5 + a, 5 + b, 1);
            }
    edge(net, 0, 5, q);
    return net;
}

Test(spread, two_cliques_closed_form) {
    lev_network *net = two_cliques(0.4);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_STRENGTH, -1, 20000);
    double sp;
    uint32_t a = 3, b = 7;
    cr_assert_eq(lev_spread(net, &a, 1, p, &sp, NULL, NULL, NULL), LEV_OK);
    near_mc(sp, 5 + 0.4 * 5, sqrt(25 * 0.24 / 20000), "clique A");
    cr_assert_eq(lev_spread(net, &b, 1, p, &sp, NULL, NULL, NULL), LEV_OK);
    cr_assert_eq(sp, 5.0);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spread, threads_give_the_same_bits) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("tests/data/lesmis_edges.csv"), NULL), LEV_OK);
    size_t n = lev_actor_count(net);
    uint32_t seeds[3] = {0, 11, 48};
    for (int model = 1; model <= 2; model++) {
        double sp[3], se[3], ci[3][2], *prob[3];
        for (int t = 0; t < 3; t++) {
            lev_params *p = params(model, LEV_PROB_WC, -1, 3000);
            cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t + 1), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 42), LEV_OK);
            prob[t] = malloc(n * sizeof(double));
            cr_assert_eq(lev_spread(net, seeds, 3, p, &sp[t], &se[t], ci[t], prob[t]), LEV_OK);
            lev_params_free(p);
        }
        for (int t = 1; t < 3; t++) {
            cr_assert(memcmp(&sp[0], &sp[t], sizeof sp[0]) == 0 && memcmp(&se[0], &se[t], sizeof se[0]) == 0);
            cr_assert(memcmp(ci[0], ci[t], sizeof ci[0]) == 0);
            cr_assert(memcmp(prob[0], prob[t], n * sizeof(double)) == 0);
        }
        for (int t = 0; t < 3; t++) free(prob[t]);
    }
    lev_network_free(net);
}

Test(spread, independent_resimulation_on_lesmis) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("tests/data/lesmis_edges.csv"), NULL), LEV_OK);
    tnet t = tnet_of(net);
    uint32_t seeds[2] = {0, 11};
    for (int model = 1; model <= 2; model++) {
        lev_params *p = params(model, LEV_PROB_WC, -1, 4000);
        double sp, se, sd;
        cr_assert_eq(lev_spread(net, seeds, 2, p, &sp, &se, NULL, NULL), LEV_OK);
        double want = resim(&t, seeds, 2, model == LEV_MODEL_LT, -1, NULL, 4000, &sd);
        cr_assert(fabs(sp - want) <= 5 * sqrt(se * se + sd * sd), "model %d: library %.4f, re-simulation %.4f", model,
                  sp, want);
        lev_params_free(p);
    }
    tnet_free(&t);
    lev_network_free(net);
}

Test(spread, edge_cases) {
    lev_network *net = make(0);
    double sp = -1, se = -1, ci[2];
    cr_assert_eq(lev_spread(net, NULL, 0, NULL, &sp, &se, ci, NULL), LEV_OK);
    cr_assert_eq(sp, 0.0);
    cr_assert_eq(se, 0.0);
    lev_network_free(net);
    net = make(1);
    uint32_t s0 = 0;
    double prob[1];
    cr_assert_eq(lev_spread(net, &s0, 1, NULL, &sp, &se, ci, prob), LEV_OK);
    cr_assert_eq(sp, 1.0);
    cr_assert_eq(prob[0], 1.0);
    cr_assert_eq(ci[0], 1.0);
    /* one run: se 0 */
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_WC, -1, 1);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, &se, NULL, NULL), LEV_OK);
    cr_assert_eq(se, 0.0);
    lev_params_free(p);
    lev_network_free(net);
}

Test(spread, strength_above_one_names_the_edge) {
    lev_network *net = make(3);
    edge(net, 0, 1, 0.5);
    edge(net, 1, 2, 1.5);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_STRENGTH, -1, 10);
    double sp = -7;
    uint32_t s0 = 0;
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, NULL), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "edge 1 (a1 -> a2) has strength 1.5"), "%s", lev_params_errmsg(p));
    cr_assert_eq(sp, -7.0);
    /* LT and WC do not read strengths as probabilities */
    cr_assert_eq(lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_WC), LEV_OK);
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, NULL), LEV_OK);
    lev_params_free(p);
    lev_network_free(net);
}

static int stop(void *ud, double done) {
    (void)ud;
    (void)done;
    return 1;
}

Test(spread, cancel) {
    lev_network *net = make(3);
    edge(net, 0, 1, 0.5);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_WC, -1, 100000);
    cr_assert_eq(lev_params_set_progress(p, stop, NULL), LEV_OK);
    double sp = -3;
    uint32_t s0 = 0;
    cr_assert_eq(lev_spread(net, &s0, 1, p, &sp, NULL, NULL, NULL), LEV_ECANCELLED);
    cr_assert_eq(sp, -3.0);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- lev_seeds -------------------------------------------------------------------------------- */

typedef struct sres {
    uint32_t seeds[64];
    double gains[64], spread, ratio;
    size_t len;
    uint64_t sets, bytes;
} sres;

static void seeds_ok(const lev_network *net, size_t k, const uint8_t *rule, const double *cost, lev_params *p,
                     sres *r) {
    lev_status rc = lev_seeds(net, k, rule, cost, p, r->seeds, r->gains, &r->len, &r->spread, &r->ratio, &r->sets,
                              &r->bytes);
    cr_assert_eq(rc, LEV_OK, "%s: %s", lev_status_name(rc), p ? lev_params_errmsg(p) : lev_errmsg(net));
    double s = 0;
    for (size_t i = 0; i < r->len; i++) s += r->gains[i];
    cr_assert(fabs(s - r->spread) <= 1e-9 * (1 + r->spread), "gains add up to %.9f, spread %.9f", s, r->spread);
    cr_assert(r->ratio >= 0 && r->ratio <= 1);
    cr_assert(r->sets > 0 && r->bytes > 0);
}

/* The standard error of a spread estimated from the validation half of the RR sets, of n roots. */
static double rr_se(const sres *r, double n) {
    double q = r->spread / n;
    return n * sqrt(q * (1 - q) / ((double)r->sets / 2)) + 1e-9;
}

Test(seeds, two_cliques_pick_one_per_clique) {
    lev_network *net = two_cliques(0.4);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_STRENGTH, -1, 1);
    sres r;
    seeds_ok(net, 2, NULL, NULL, p, &r);
    cr_assert_eq(r.len, 2);
    cr_assert(r.seeds[0] < 5, "the first seed reaches 5 + 0.4*5: clique A (got %u)", r.seeds[0]);
    cr_assert(r.seeds[1] >= 5, "the second seed is in clique B (got %u)", r.seeds[1]);
    /* closed form: 10 reached for sure; the estimate is exact here (every RR set is covered) */
    cr_assert_float_eq(r.spread, 10.0, 1e-9);
    cr_assert_float_eq(r.gains[0], 7.0, 1.0); /* 5 + 0.4*5 = 7 in expectation */
    cr_assert(r.ratio >= 1 - exp(-1.0) - 0.1, "certified %.4f", r.ratio);
    /* k = 1: A's seed, spread 7 */
    seeds_ok(net, 1, NULL, NULL, p, &r);
    cr_assert(r.seeds[0] < 5);
    near_mc(r.spread, 7, rr_se(&r, 10), "one seed in A");
    lev_params_free(p);
    lev_network_free(net);
}

Test(seeds, star_and_chain) {
    lev_network *net = make(10);
    for (uint32_t i = 1; i < 10; i++) edge(net, 0, i, 1);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_WC, -1, 1);
    sres r;
    seeds_ok(net, 1, NULL, NULL, p, &r);
    cr_assert_eq(r.seeds[0], 0);
    cr_assert_float_eq(r.spread, 10.0, 1e-9);
    cr_assert(r.ratio >= 1 - exp(-1.0) - 0.1, "certified %.4f", r.ratio);
    lev_network_free(net);
    /* chain 0 -> ... -> 5 under LT: the head reaches all */
    net = make(6);
    for (uint32_t i = 0; i < 5; i++) edge(net, i, i + 1, 2);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MODEL, LEV_MODEL_LT), LEV_OK);
    seeds_ok(net, 1, NULL, NULL, p, &r);
    cr_assert_eq(r.seeds[0], 0);
    cr_assert_float_eq(r.spread, 6.0, 1e-9);
    lev_params_free(p);
    lev_network_free(net);
}

/* Re-simulate what lev_seeds reports, and compare with CELF over live-edge samples. */
typedef struct live {
    size_t L, n;
    uint8_t *alive; /* L x m */
} live;

static double live_spread(const tnet *t, const live *lv, const uint8_t *chosen) {
    uint8_t *act = malloc(t->n);
    double tot = 0;
    for (size_t l = 0; l < lv->L; l++) {
        memcpy(act, chosen, t->n);
        int changed = 1;
        while (changed) {
            changed = 0;
            for (size_t e = 0; e < t->m; e++)
                if (lv->alive[l * t->m + e] && act[t->src[e]] && !act[t->dst[e]]) act[t->dst[e]] = 1, changed = 1;
        }
        for (size_t v = 0; v < t->n; v++) tot += act[v];
    }
    free(act);
    return tot / lv->L;
}

static double celf(const tnet *t, const live *lv, size_t k) {
    uint8_t *ch = calloc(t->n, 1);
    double *gain = malloc(t->n * sizeof *gain), cur = 0;
    int *fresh = malloc(t->n * sizeof *fresh);
    for (size_t v = 0; v < t->n; v++) {
        ch[v] = 1;
        gain[v] = live_spread(t, lv, ch);
        ch[v] = 0;
        fresh[v] = 0;
    }
    for (size_t it = 0; it < k; it++) {
        for (;;) {
            size_t b = SIZE_MAX;
            for (size_t v = 0; v < t->n; v++)
                if (!ch[v] && (b == SIZE_MAX || gain[v] > gain[b])) b = v;
            if (fresh[b] == (int)it) {
                ch[b] = 1;
                cur += gain[b];
                break;
            }
            ch[b] = 1;
            gain[b] = live_spread(t, lv, ch) - cur;
            ch[b] = 0;
            fresh[b] = (int)it;
        }
    }
    free(ch), free(gain), free(fresh);
    return cur;
}

static void check_against_celf(const char *path, int lt, size_t k) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL), LEV_OK);
    tnet t = tnet_of(net);
    lev_params *p = params(lt ? LEV_MODEL_LT : LEV_MODEL_IC, LEV_PROB_WC, -1, 1);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 7), LEV_OK);
    sres r;
    seeds_ok(net, k, NULL, NULL, p, &r);
    cr_assert_eq(r.len, k);
    /* the reported spread against an independent re-simulation */
    double sd, want = resim(&t, r.seeds, r.len, lt, -1, NULL, 3000, &sd);
    double theta = (double)r.sets / 2, q = r.spread / t.n;
    double se_rr = t.n * sqrt(q * (1 - q) / theta);
    cr_assert(fabs(r.spread - want) <= 5 * sqrt(se_rr * se_rr + sd * sd) + 1e-9,
              "%s: reported spread %.4f, re-simulated %.4f (se %.4f, %.4f)", path, r.spread, want, se_rr, sd);
    /* CELF over the same live-edge samples: IC keeps each edge w.p. 1/in-degree; LT keeps one
     * in-edge per actor, drawn by strength */
    live lv = {.L = 400, .n = t.n};
    lv.alive = calloc(lv.L * t.m + 1, 1);
    uint64_t s = 12345;
    for (size_t l = 0; l < lv.L; l++) {
        if (!lt) {
            for (size_t e = 0; e < t.m; e++) lv.alive[l * t.m + e] = trand(&s) < 1 / t.indeg[t.dst[e]];
        } else {
            for (size_t v = 0; v < t.n; v++) {
                double x = trand(&s) * t.win[v], acc = 0;
                for (size_t e = 0; e < t.m; e++)
                    if (t.dst[e] == v) {
                        acc += t.w[e];
                        if (x < acc) {
                            lv.alive[l * t.m + e] = 1;
                            break;
                        }
                    }
            }
        }
    }
    uint8_t *chosen = calloc(t.n, 1);
    for (size_t i = 0; i < r.len; i++) chosen[r.seeds[i]] = 1;
    double ours = live_spread(&t, &lv, chosen), best = celf(&t, &lv, k);
    cr_assert(ours >= (1 - exp(-1.0) - 0.1) * best, "%s: seeds reach %.3f on the samples, CELF %.3f", path, ours, best);
    cr_assert(ours >= 0.9 * best, "%s: seeds reach %.3f on the samples, CELF %.3f (far below greedy)", path, ours,
              best);
    free(chosen);
    free(lv.alive);
    lev_params_free(p);
    tnet_free(&t);
    lev_network_free(net);
}

Test(seeds, karate_ic_wc_resimulated_and_near_celf) { check_against_celf(SRC("tests/data/karate_edges.csv"), 0, 4); }
Test(seeds, florentine_lt_resimulated_and_near_celf) {
    check_against_celf(SRC("examples/data/florentine_edges.csv"), 1, 3);
}
Test(seeds, lesmis_ic_wc_resimulated_and_near_celf) { check_against_celf(SRC("tests/data/lesmis_edges.csv"), 0, 3); }

Test(seeds, deterministic_and_seed_dependent) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC("tests/data/lesmis_edges.csv"), NULL), LEV_OK);
    sres a, b;
    for (int t = 1; t <= 2; t++) {
        lev_params *p = params(LEV_MODEL_IC, LEV_PROB_WC, -1, 1);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
        seeds_ok(net, 5, NULL, NULL, p, t == 1 ? &a : &b);
        lev_params_free(p);
    }
    cr_assert_eq(a.len, b.len);
    cr_assert(memcmp(a.seeds, b.seeds, a.len * sizeof a.seeds[0]) == 0);
    cr_assert(memcmp(a.gains, b.gains, a.len * sizeof a.gains[0]) == 0);
    cr_assert(memcmp(&a.spread, &b.spread, sizeof a.spread) == 0 && a.sets == b.sets && a.bytes == b.bytes);
    lev_network_free(net);
}

Test(seeds, required_first_excluded_never) {
    lev_network *net = two_cliques(0.4);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_STRENGTH, -1, 1);
    uint8_t rule[10] = {0};
    for (int i = 0; i < 5; i++) rule[i] = LEV_SEED_EXCLUDED;
    rule[9] = LEV_SEED_REQUIRED;
    sres r;
    seeds_ok(net, 2, rule, NULL, p, &r);
    cr_assert_eq(r.len, 2);
    cr_assert_eq(r.seeds[0], 9);
    cr_assert(r.seeds[1] >= 5 && r.seeds[1] != 9, "clique A is excluded (got %u)", r.seeds[1]);
    near_mc(r.spread, 5, rr_se(&r, 10), "clique B");
    cr_assert_float_eq(r.gains[1], 0.0, 1e-12);
    lev_params_free(p);
    lev_network_free(net);
}

Test(seeds, rules_fill_k_and_budget_spends_by_cost) {
    lev_network *net = two_cliques(0.4);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_STRENGTH, -1, 1);
    uint8_t rule[10] = {0};
    rule[9] = LEV_SEED_REQUIRED;
    for (int i = 0; i < 5; i++) rule[i] = LEV_SEED_EXCLUDED;
    rule[0] = LEV_SEED_ALLOWED;
    sres r;
    seeds_ok(net, 3, rule, NULL, p, &r);
    /* 9 first (required), then 0 (the only allowed actor of A), then a B actor at gain 0 */
    cr_assert_eq(r.len, 3);
    cr_assert_eq(r.seeds[0], 9);
    cr_assert_eq(r.seeds[1], 0);
    cr_assert(r.seeds[2] >= 5 && r.seeds[2] != 9);
    cr_assert_float_eq(r.gains[2], 0.0, 1e-12);
    cr_assert_float_eq(r.spread, 10.0, 1e-9);
    /* budget 3: A's actors cost 5, B's 1: the best affordable is one B actor plus... only B */
    double cost[10];
    for (int i = 0; i < 10; i++) cost[i] = i < 5 ? 5 : 1;
    cr_assert_eq(lev_params_set_double(p, LEV_P_BUDGET, 3), LEV_OK);
    seeds_ok(net, 10, NULL, cost, p, &r);
    cr_assert_eq(r.len, 1, "one B actor covers B; the rest add nothing");
    cr_assert(r.seeds[0] >= 5);
    near_mc(r.spread, 5, rr_se(&r, 10), "clique B by budget");
    /* budget 6: one A actor (7) + one B actor (the rest of B: 3) = 10 */
    cr_assert_eq(lev_params_set_double(p, LEV_P_BUDGET, 6), LEV_OK);
    seeds_ok(net, 10, NULL, cost, p, &r);
    cr_assert_float_eq(r.spread, 10.0, 1e-9);
    double spent = 0;
    for (size_t i = 0; i < r.len; i++) spent += cost[r.seeds[i]];
    cr_assert(spent <= 6);
    cr_assert(r.ratio >= 0.5 * (1 - exp(-1.0)) - 0.1, "%.4f", r.ratio);
    lev_params_free(p);
    lev_network_free(net);
}

Test(seeds, target_group_reaches_the_outsiders) {
    /* a hub 0 reaches 1..6 (group "in"); 7 reaches 8, 9 (group "out"): for the out-group the
     * seed is 7 although 0 reaches more actors */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    for (int i = 0; i < 10; i++) {
        char nm[8];
        snprintf(nm, sizeof nm, "v%d", i);
        cr_assert_eq(lev_actor_add(net, nm, i >= 8 ? "out" : "in", NULL), LEV_OK);
    }
    for (uint32_t i = 1; i <= 6; i++) edge(net, 0, i, 1);
    edge(net, 7, 8, 1);
    edge(net, 7, 9, 1);
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_WC, -1, 1);
    sres r;
    seeds_ok(net, 1, NULL, NULL, p, &r);
    cr_assert_eq(r.seeds[0], 0);
    uint32_t gout;
    for (gout = 0; strcmp(lev_group_name(net, gout), "out") != 0; gout++) {}
    cr_assert_eq(lev_params_set_int(p, LEV_P_TARGET_GROUP, gout), LEV_OK);
    seeds_ok(net, 1, NULL, NULL, p, &r);
    cr_assert_eq(r.seeds[0], 7);
    cr_assert_float_eq(r.spread, 2.0, 1e-9);
    lev_params_free(p);
    lev_network_free(net);
}

Test(seeds, edge_cases) {
    lev_network *net = make(0);
    uint32_t s[2] = {7, 7};
    size_t len = 9;
    double sp = -1, ratio = -1;
    uint64_t sets = 9;
    cr_assert_eq(lev_seeds(net, 2, NULL, NULL, NULL, s, NULL, &len, &sp, &ratio, &sets, NULL), LEV_OK);
    cr_assert_eq(len, 0);
    cr_assert_eq(sp, 0.0);
    cr_assert_eq(ratio, 1.0);
    cr_assert_eq(sets, 0);
    lev_network_free(net);
    net = make(1);
    edge(net, 0, 0, 1); /* a self-loop only */
    cr_assert_eq(lev_seeds(net, 2, NULL, NULL, NULL, s, NULL, &len, &sp, &ratio, NULL, NULL), LEV_OK);
    cr_assert_eq(len, 1);
    cr_assert_eq(s[0], 0);
    cr_assert_float_eq(sp, 1.0, 1e-12);
    cr_assert_eq(ratio, 1.0);
    lev_network_free(net);
}

/* A random network large enough (5000 actors) for lev_seeds to draw RR sets on several threads. */
static lev_network *big(failalloc *fa) {
    lev_network *net;
    if (fa) cr_assert_eq(lev_network_new_with_alloc(&net, fail_alloc_fn, fa), LEV_OK);
    else cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, 5000, "b");
    uint64_t s = 77;
    for (int e = 0; e < 12000; e++) {
        uint32_t a = (uint32_t)(trand(&s) * 5000), b = (uint32_t)(trand(&s) * 5000);
        cr_assert_eq(lev_edge_add(net, a, b, 1, NULL, NULL), LEV_OK);
    }
    return net;
}

Test(seeds, parallel_rr_sets_same_as_one_thread) {
    lev_network *net = big(NULL);
    sres r[2];
    for (int t = 1; t <= 2; t++) {
        lev_params *p = params(LEV_MODEL_IC, LEV_PROB_WC, -1, 1);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
        cr_assert_eq(lev_params_set_double(p, LEV_P_SEEDS_EPSILON, 0.3), LEV_OK);
        seeds_ok(net, 5, NULL, NULL, p, &r[t - 1]);
        lev_params_free(p);
    }
    for (int t = 1; t < 2; t++) {
        cr_assert_eq(r[0].len, r[t].len);
        cr_assert(memcmp(r[0].seeds, r[t].seeds, r[0].len * sizeof r[0].seeds[0]) == 0, "threads %d", t + 1);
        cr_assert(memcmp(r[0].gains, r[t].gains, r[0].len * sizeof r[0].gains[0]) == 0, "threads %d", t + 1);
        cr_assert(r[0].sets == r[t].sets && r[0].bytes == r[t].bytes && r[0].ratio == r[t].ratio);
    }
    lev_network_free(net);
}

Test(seeds, parallel_draw_allocation_failures) {
    /* Fail each allocation of a two-thread lev_seeds in turn: LEV_ENOMEM, outputs untouched,
     * nothing leaked, every osize true. */
    failalloc fa = {0};
    lev_network *net = big(&fa); /* one network: lev_seeds only reads it */
    lev_params *p = params(LEV_MODEL_IC, LEV_PROB_WC, -1, 1);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, 2), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_SEEDS_EPSILON, 0.5), LEV_OK);
    double d[5000];
    cr_assert_eq(lev_degree(net, NULL, d), LEV_OK); /* the compact form, outside the sweep */
    for (long fail_at = 0;; fail_at++) {
        long blocks = fa.live_blocks;
        uint32_t s[3] = {7, 7, 7};
        size_t len = 99;
        double sp = -1;
        fa.fail_at = fa.calls + fail_at;
        fa.armed = 1;
        lev_status rc = lev_seeds(net, 3, NULL, NULL, p, s, NULL, &len, &sp, NULL, NULL, NULL);
        fa.armed = 0;
        cr_assert(!fa.bad_osize, "an osize was wrong");
        cr_assert_eq(fa.live_blocks, blocks, "allocation %ld: %ld blocks leaked", fail_at, fa.live_blocks - blocks);
        if (rc == LEV_OK) break;
        cr_assert_eq(rc, LEV_ENOMEM, "allocation %ld: %s", fail_at, lev_status_name(rc));
        cr_assert(len == 99 && s[0] == 7 && sp == -1, "outputs written on failure");
    }
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- exact values by enumerating every live-edge world (tests/ref/make_refs_campaigns.py) ---- */

#include "ref/ref_campaigns.h"

static void check_exact(int model, const char *const *names, size_t ns, const ref_value *ref, double spread) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_read_file(net, LEV_FORMAT_EDGES_CSV, SRC(REF_CAMPAIGNS_EDGES_CSV), NULL), LEV_OK);
    cr_assert_eq(lev_actor_count(net), REF_CAMPAIGNS_N);
    uint32_t seeds[2];
    uint8_t rule[REF_CAMPAIGNS_N] = {0};
    for (size_t i = 0; i < ns; i++) {
        cr_assert_eq(lev_actor_find(net, names[i], &seeds[i]), LEV_OK);
        rule[seeds[i]] = LEV_SEED_REQUIRED;
    }
    const int R = 40000;
    lev_params *p = params(model, LEV_PROB_WC, -1, R);
    double sp, se, prob[REF_CAMPAIGNS_N];
    cr_assert_eq(lev_spread(net, seeds, ns, p, &sp, &se, NULL, prob), LEV_OK);
    near_mc(sp, spread, se, "spread against the exact value");
    for (size_t i = 0; i < REF_CAMPAIGNS_N; i++) {
        uint32_t v;
        cr_assert_eq(lev_actor_find(net, ref[i].name, &v), LEV_OK);
        near_mc(prob[v], ref[i].value, sqrt(fmax(0, ref[i].value * (1 - ref[i].value)) / R) + 1e-9, ref[i].name);
    }
    /* lev_seeds with the seeds required: its RR estimate of their spread */
    sres r;
    seeds_ok(net, ns, rule, NULL, p, &r);
    cr_assert_eq(r.len, ns);
    near_mc(r.spread, spread, rr_se(&r, REF_CAMPAIGNS_N), "RR estimate against the exact value");
    lev_params_free(p);
    lev_network_free(net);
}

Test(exact, ic_weighted_cascade_florentine) {
    const char *m[] = {"Medici"}, *ms[] = {"Medici", "Strozzi"};
    check_exact(LEV_MODEL_IC, m, 1, ref_campaigns_ic_wc_medici, REF_CAMPAIGNS_IC_WC_MEDICI_SPREAD);
    check_exact(LEV_MODEL_IC, ms, 2, ref_campaigns_ic_wc_medici_strozzi, REF_CAMPAIGNS_IC_WC_MEDICI_STROZZI_SPREAD);
}

Test(exact, linear_threshold_florentine) {
    const char *m[] = {"Medici"}, *ms[] = {"Medici", "Strozzi"};
    check_exact(LEV_MODEL_LT, m, 1, ref_campaigns_lt_medici, REF_CAMPAIGNS_LT_MEDICI_SPREAD);
    check_exact(LEV_MODEL_LT, ms, 2, ref_campaigns_lt_medici_strozzi, REF_CAMPAIGNS_LT_MEDICI_STROZZI_SPREAD);
}
