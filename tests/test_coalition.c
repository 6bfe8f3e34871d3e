/*
 * Coalitions over a resource: power indices of weighted voting games (exact DP, enumeration of
 * the graph-restricted game, sampling), minimal winning coalitions, Deegan–Packel and
 * Holler–Packel, the cheapest alliance. References: tests/ref/ref_coalition.h, by brute-force
 * enumeration of every coalition in exact rationals (tests/ref/make_refs_coalition.py), and the
 * published UN Security Council and EEC 1958 values it checks.
 */
#include "helpers.h"
#include "ref/ref_coalition.h"

/* Build the game's network: actors a0.., resource "votes" (and "cost"), the edge records. */
static lev_network *game_net(const ref_game *g) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    test_add_actors(net, g->n, "a");
    cr_assert_eq(lev_resource_add(net, "votes", NULL), LEV_OK);
    cr_assert_eq(lev_resource_add(net, "cost", NULL), LEV_OK);
    for (int i = 0; i < g->n; i++) {
        cr_assert_eq(lev_actor_set_resource(net, (uint32_t)i, 0, g->w[i], 0), LEV_OK);
        if (g->has_cost) cr_assert_eq(lev_actor_set_resource(net, (uint32_t)i, 1, g->cost[i], 0), LEV_OK);
    }
    for (int e = 0; e < g->nedges; e++)
        cr_assert_eq(lev_edge_add(net, (uint32_t)g->edges[e][0], (uint32_t)g->edges[e][1], 1.0, NULL, NULL), LEV_OK);
    return net;
}

static lev_params *game_params(const ref_game *g) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    if (g->quota > 0) cr_assert_eq(lev_params_set_double(p, LEV_P_QUOTA, g->quota), LEV_OK);
    else cr_assert_eq(lev_params_set_double(p, LEV_P_QUOTA_FRACTION, g->frac), LEV_OK);
    return p;
}

static const ref_game *game(const char *name) {
    for (int k = 0; k < REF_NGAMES; k++)
        if (strcmp(ref_games[k].name, name) == 0) return &ref_games[k];
    cr_assert_fail("no game %s", name);
    return NULL;
}

static void check_exact(const ref_game *g, int connected) {
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    if (connected) cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, 1), LEV_OK);
    double raw[REF_COAL_MAXN], bz[REF_COAL_MAXN], ss[REF_COAL_MAXN], be[REF_COAL_MAXN], se[REF_COAL_MAXN];
    int method = 0;
    cr_assert_eq(lev_voting_power(net, 0, p, raw, bz, ss, be, se, &method), LEV_OK, "%s: %s", g->name,
                 lev_params_errmsg(p));
    cr_assert_eq(method, LEV_COALITION_EXACT, "%s", g->name);
    double sraw = 0;
    for (int i = 0; i < g->n; i++) sraw += connected ? g->c_raw[i] : g->raw[i];
    for (int i = 0; i < g->n; i++) {
        double wr = connected ? g->c_raw[i] : g->raw[i], ws = connected ? g->c_ss[i] : g->ss[i];
        cr_assert_float_eq(raw[i], wr, 1e-12, "%s%s raw Banzhaf of a%d: %.17g vs %.17g", g->name,
                           connected ? " (connected)" : "", i, raw[i], wr);
        cr_assert_float_eq(bz[i], sraw > 0 ? wr / sraw : 0, 1e-12, "%s normalized Banzhaf a%d", g->name, i);
        if (!connected) cr_assert_float_eq(bz[i], g->bz[i], 1e-12, "%s normalized Banzhaf a%d", g->name, i);
        cr_assert_float_eq(ss[i], ws, 1e-12, "%s%s Shapley-Shubik of a%d: %.17g vs %.17g", g->name,
                           connected ? " (connected)" : "", i, ss[i], ws);
        cr_assert_eq(be[i], 0);
        cr_assert_eq(se[i], 0);
    }
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, un_security_council_published_values) {
    /* Straffin (1994): SS 0.1963 / 0.00186, normalized Banzhaf 0.1669 / 0.0165 */
    const ref_game *g = game("un_sc");
    check_exact(g, 0);
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    double bz[15], ss[15];
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, bz, ss, NULL, NULL, NULL), LEV_OK);
    cr_assert_float_eq(ss[0], 0.1963, 5e-5);
    cr_assert_float_eq(ss[7], 0.00186, 5e-6);
    cr_assert_float_eq(bz[0], 0.1669, 5e-5);
    cr_assert_float_eq(bz[7], 0.0165, 5e-5);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, eec_1958_known_values) {
    const ref_game *g = game("eu1958");
    check_exact(g, 0);
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    double bz[6], ss[6];
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, bz, ss, NULL, NULL, NULL), LEV_OK);
    cr_assert_float_eq(ss[0], 14.0 / 60, 1e-14);
    cr_assert_float_eq(ss[3], 9.0 / 60, 1e-14);
    cr_assert_eq(ss[5], 0, "Luxembourg is a dummy");
    cr_assert_float_eq(bz[0], 5.0 / 21, 1e-14);
    cr_assert_eq(bz[5], 0);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, exact_dp_matches_enumeration_of_every_coalition) {
    const char *names[] = {"hand3", "decimal", "rand12", "path5", "star6", "florentine"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) check_exact(game(names[k]), 0);
}

Test(coalition, graph_restricted_matches_enumeration) {
    const char *names[] = {"hand3", "decimal", "rand12", "path5", "star6", "florentine"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) check_exact(game(names[k]), 1);
}

/* Sampled estimates: within 5 standard errors of the exact value, the same for any thread
 * count, and the method says so. */
static void check_sampled(const ref_game *g, int connected, int force) {
    lev_network *net = game_net(g);
    double r1[REF_COAL_MAXN], s1[REF_COAL_MAXN], be[REF_COAL_MAXN], se[REF_COAL_MAXN];
    double r2[REF_COAL_MAXN], s2[REF_COAL_MAXN];
    int method = 0;
    for (int threads = 1; threads <= 3; threads += 2) {
        lev_params *p = game_params(g);
        if (connected) cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, 1), LEV_OK);
        if (force) {
            cr_assert_eq(lev_params_set_int(p, LEV_P_MEMORY_LIMIT, 0), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_ENUM_LIMIT, 0), LEV_OK);
        }
        cr_assert_eq(lev_params_set_int(p, LEV_P_COALITION_SAMPLES, 20000), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, threads), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 7), LEV_OK);
        cr_assert_eq(lev_voting_power(net, 0, p, threads == 1 ? r1 : r2, NULL, threads == 1 ? s1 : s2, be, se,
                                      &method),
                     LEV_OK);
        lev_params_free(p);
    }
    cr_assert_eq(method, LEV_COALITION_SAMPLED, "%s", g->name);
    int nonzero = 0;
    for (int i = 0; i < g->n; i++) {
        double wr = connected ? g->c_raw[i] : g->raw[i], ws = connected ? g->c_ss[i] : g->ss[i];
        cr_assert_eq(r1[i], r2[i], "%s: thread count changed the estimate", g->name);
        cr_assert_eq(s1[i], s2[i], "%s: thread count changed the estimate", g->name);
        cr_assert(fabs(r1[i] - wr) <= 5 * be[i] + 1e-12, "%s a%d raw Banzhaf %g vs %g (se %g)", g->name, i, r1[i],
                  wr, be[i]);
        cr_assert(fabs(s1[i] - ws) <= 5 * se[i] + 1e-12, "%s a%d Shapley %g vs %g (se %g)", g->name, i, s1[i], ws,
                  se[i]);
        cr_assert(be[i] < 0.01 && se[i] < 0.01);
        nonzero += se[i] > 0;
    }
    cr_assert(nonzero > 0, "no error bars");
    lev_network_free(net);
}

Test(coalition, sampled_within_error_bars_and_thread_independent) {
    check_sampled(game("thirds"), 0, 0); /* thirds: no decimal scale makes them whole */
    check_sampled(game("thirds"), 1, 1);
    check_sampled(game("rand12"), 0, 1);
    check_sampled(game("florentine"), 1, 1);
    check_sampled(game("star6"), 1, 1);
}

Test(coalition, seed_changes_the_sample) {
    const ref_game *g = game("rand12");
    lev_network *net = game_net(g);
    double a[12], b[12];
    lev_params *p = game_params(g);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MEMORY_LIMIT, 0), LEV_OK);
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, a, NULL, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 99), LEV_OK);
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, b, NULL, NULL, NULL), LEV_OK);
    int differ = 0;
    for (int i = 0; i < 12; i++) differ += a[i] != b[i];
    cr_assert(differ > 0);
    lev_params_free(p);
    lev_network_free(net);
}

/* Actors holding nothing are never pivotal nor decisive, so the sampled plain game draws for the
 * holders only: the same game with 500 actors holding nothing interleaved (and an absent quota of
 * theirs: the fraction is of the total) gives the holders the same estimates to the bit, and the
 * others 0. */
Test(coalition, sampled_indices_ignore_actors_holding_nothing) {
    const ref_game *g = game("rand12");
    lev_network *net = game_net(g), *wide;
    cr_assert_eq(lev_network_new(&wide), LEV_OK);
    cr_assert_eq(lev_resource_add(wide, "votes", NULL), LEV_OK);
    enum { EXTRA = 500 };
    uint32_t at[12];
    char name[32];
    for (int i = 0, k = 0; i < g->n; i++) {
        for (int z = 0; z < EXTRA / 12; z++, k++) {
            snprintf(name, sizeof name, "zero%d", k);
            cr_assert_eq(lev_actor_add(wide, name, NULL, NULL), LEV_OK);
        }
        snprintf(name, sizeof name, "a%d", i);
        cr_assert_eq(lev_actor_add(wide, name, NULL, &at[i]), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(wide, at[i], 0, g->w[i], 0), LEV_OK);
    }
    size_t N = lev_actor_count(wide);
    lev_params *p = game_params(g);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MEMORY_LIMIT, 0), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_COALITION_SAMPLES, 3000), LEV_OK);
    double raw[12], sh[12], be[12], se[12], *wraw = malloc(N * sizeof *wraw), *wsh = malloc(N * sizeof *wsh),
           *wbe = malloc(N * sizeof *wbe), *wse = malloc(N * sizeof *wse);
    int m1, m2;
    cr_assert_eq(lev_voting_power(net, 0, p, raw, NULL, sh, be, se, &m1), LEV_OK);
    cr_assert_eq(lev_voting_power(wide, 0, p, wraw, NULL, wsh, wbe, wse, &m2), LEV_OK);
    cr_assert(m1 == LEV_COALITION_SAMPLED && m2 == LEV_COALITION_SAMPLED);
    for (int i = 0; i < g->n; i++) {
        uint32_t j = at[i];
        cr_assert(raw[i] == wraw[j] && sh[i] == wsh[j] && be[i] == wbe[j] && se[i] == wse[j],
                  "a%d: %.17g %.17g against %.17g %.17g", i, raw[i], sh[i], wraw[j], wsh[j]);
    }
    size_t zeros = 0;
    for (size_t j = 0; j < N; j++) {
        if (strncmp(lev_actor_name(wide, (uint32_t)j), "zero", 4) != 0) continue;
        cr_assert(wraw[j] == 0 && wsh[j] == 0 && wbe[j] == 0 && wse[j] == 0, "%s", lev_actor_name(wide, (uint32_t)j));
        zeros++;
    }
    cr_assert_eq(zeros, (size_t)(EXTRA / 12) * (size_t)g->n);
    free(wraw), free(wsh), free(wbe), free(wse);
    lev_params_free(p);
    lev_network_free(wide);
    lev_network_free(net);
}

Test(coalition, packel_indices_and_minimal_winning_count) {
    const char *names[] = {"un_sc", "eu1958", "hand3", "decimal", "rand12", "path5", "star6", "florentine", "thirds"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        const ref_game *g = game(names[k]);
        lev_network *net = game_net(g);
        lev_params *p = game_params(g);
        double dp[REF_COAL_MAXN], hp[REF_COAL_MAXN], count = -1;
        cr_assert_eq(lev_packel_indices(net, 0, p, dp, hp), LEV_OK, "%s", g->name);
        for (int i = 0; i < g->n; i++) {
            cr_assert_float_eq(dp[i], g->dp[i], 1e-12, "%s Deegan-Packel a%d", g->name, i);
            cr_assert_float_eq(hp[i], g->hp[i], 1e-12, "%s Holler-Packel a%d", g->name, i);
        }
        size_t len = 0;
        cr_assert_eq(lev_minimal_winning(net, 0, p, 0, NULL, NULL, &len, &count), LEV_ERANGE);
        cr_assert_eq(count, g->nmwc, "%s: %g minimal winning coalitions, want %g", g->name, count, g->nmwc);
        /* the listed coalitions: each wins and loses without any member; all distinct */
        uint32_t *co = malloc(len * sizeof *co), *ac = malloc(len * sizeof *ac);
        size_t len2 = 0;
        cr_assert_eq(lev_minimal_winning(net, 0, p, len, co, ac, &len2, &count), LEV_OK);
        cr_assert_eq(len2, len);
        uint32_t prev = 0;
        size_t start = 0;
        uint32_t masks[4096];
        size_t nm = 0;
        for (size_t j = 0; j <= len; j++) {
            if (j < len && co[j] == prev) continue;
            uint32_t mask = 0;
            for (size_t t = start; t < j; t++) {
                if (t > start) cr_assert(ac[t] > ac[t - 1], "members ascending");
                mask |= 1u << ac[t];
            }
            cr_assert(nm < 4096);
            for (size_t q = 0; q < nm; q++) cr_assert_neq(masks[q], mask, "%s: coalition listed twice", g->name);
            masks[nm++] = mask;
            if (j < len) {
                cr_assert_eq(co[j], prev + 1, "coalition numbers consecutive");
                prev = co[j];
                start = j;
            }
        }
        cr_assert_eq((double)nm, len ? g->nmwc : 0, "%s: listed %zu", g->name, nm);
        free(co);
        free(ac);
        lev_params_free(p);
        lev_network_free(net);
    }
}

Test(coalition, minimal_winning_limit_and_unknown_count) {
    const ref_game *g = game("un_sc"); /* 210 minimal winning coalitions: 5 permanent + 4 of 10 */
    cr_assert_eq(g->nmwc, 210);
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    cr_assert_eq(lev_params_set_int(p, LEV_P_COALITION_LIMIT, 3), LEV_OK);
    size_t len = 0;
    double count = 0;
    cr_assert_eq(lev_minimal_winning(net, 0, p, 0, NULL, NULL, &len, &count), LEV_ERANGE);
    cr_assert_eq(len, 27, "3 coalitions of 9");
    cr_assert_eq(count, 210);
    uint32_t co[27], ac[27];
    cr_assert_eq(lev_minimal_winning(net, 0, p, 27, co, ac, &len, &count), LEV_OK);
    cr_assert_eq(co[26], 2);
    /* without the DP the count is unknown past the limit */
    cr_assert_eq(lev_params_set_int(p, LEV_P_MEMORY_LIMIT, 0), LEV_OK);
    cr_assert_eq(lev_minimal_winning(net, 0, p, 27, co, ac, &len, &count), LEV_OK);
    cr_assert(isnan(count));
    cr_assert_eq(lev_params_set_int(p, LEV_P_COALITION_LIMIT, 1000), LEV_OK);
    cr_assert_eq(lev_minimal_winning(net, 0, p, 0, NULL, NULL, &len, &count), LEV_ERANGE);
    cr_assert_eq(count, 210, "the enumeration finished: the count is known");
    cr_assert_eq(lev_params_set_int(p, LEV_P_COALITION_LIMIT, 100), LEV_OK);
    double dp[15];
    cr_assert_eq(lev_packel_indices(net, 0, p, dp, NULL), LEV_EUNSUPPORTED);
    lev_params_free(p);
    lev_network_free(net);
}

static void check_alliance(const ref_game *g, int connected, int with_cost) {
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    if (connected) cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, 1), LEV_OK);
    uint32_t mem[REF_COAL_MAXN];
    size_t len = 0;
    double cost = -1;
    int method = 0;
    cr_assert_eq(lev_cheapest_alliance(net, 0, with_cost ? 1 : LEV_NONE, p, REF_COAL_MAXN, mem, &len, &cost, &method),
                 LEV_OK, "%s: %s", g->name, lev_params_errmsg(p));
    cr_assert_eq(method, LEV_COALITION_EXACT, "%s", g->name);
    double want = connected ? (with_cost ? g->c_least : g->c_fewest) : (with_cost ? g->least : g->fewest);
    cr_assert_float_eq(cost, want, 1e-9, "%s%s%s: cost %g want %g", g->name, connected ? " connected" : "",
                       with_cost ? " with costs" : "", cost, want);
    /* the members reach the quota, cost what is said, ascending */
    double sum = 0, c = 0, total = 0;
    for (int i = 0; i < g->n; i++) total += g->w[i];
    for (size_t k = 0; k < len; k++) {
        if (k) cr_assert(mem[k] > mem[k - 1]);
        sum += g->w[mem[k]];
        c += with_cost ? g->cost[mem[k]] : 1;
    }
    cr_assert_float_eq(c, cost, 1e-9);
    if (g->quota > 0) cr_assert(sum >= g->quota);
    else cr_assert(sum > g->frac * total - 1e-9);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, cheapest_alliance_matches_enumeration) {
    const char *names[] = {"un_sc", "eu1958", "hand3", "decimal", "rand12", "path5", "star6", "florentine"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        const ref_game *g = game(names[k]);
        check_alliance(g, 0, 0);
        if (g->has_cost) check_alliance(g, 0, 1);
        if (g->graph) {
            check_alliance(g, 1, 0);
            if (g->has_cost) check_alliance(g, 1, 1);
        }
    }
}

Test(coalition, heuristics_reach_the_quota) {
    const ref_game *g = game("florentine");
    lev_network *net = game_net(g);
    for (int connected = 0; connected <= 1; connected++) {
        lev_params *p = game_params(g);
        cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, connected), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_MEMORY_LIMIT, 0), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_ENUM_LIMIT, 0), LEV_OK);
        uint32_t mem[16];
        size_t len = 0;
        double cost = 0;
        int method = 0;
        cr_assert_eq(lev_cheapest_alliance(net, 0, 1, p, 16, mem, &len, &cost, &method), LEV_OK);
        cr_assert_eq(method, LEV_COALITION_HEURISTIC);
        double want = connected ? g->c_least : g->least, sum = 0, total = 0;
        cr_assert(cost >= want - 1e-9, "a heuristic cannot beat the optimum");
        for (int i = 0; i < 16; i++) total += g->w[i];
        for (size_t k = 0; k < len; k++) sum += g->w[mem[k]];
        cr_assert(sum > total / 2);
        cr_log_info("florentine %s heuristic cost %g, optimum %g", connected ? "connected" : "plain", cost, want);
        lev_params_free(p);
    }
    lev_network_free(net);
}

Test(coalition, hand_worked_three_players) {
    /* docs/alliances.md: A 50, B 30, C 20, quota 51 */
    const ref_game *g = game("hand3");
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    double raw[3], bz[3], ss[3];
    cr_assert_eq(lev_voting_power(net, 0, p, raw, bz, ss, NULL, NULL, NULL), LEV_OK);
    cr_assert_float_eq(raw[0], 0.75, 1e-15);
    cr_assert_float_eq(raw[1], 0.25, 1e-15);
    cr_assert_float_eq(bz[0], 0.6, 1e-15);
    cr_assert_float_eq(ss[0], 2.0 / 3, 1e-15);
    cr_assert_float_eq(ss[2], 1.0 / 6, 1e-15);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, edge_cases) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_resource_add(net, "votes", NULL), LEV_OK);
    double x[2] = {7, 7};
    int method = 0;
    size_t len = 9;
    double cost = 0, count = -1;
    /* empty network */
    cr_assert_eq(lev_voting_power(net, 0, NULL, x, NULL, NULL, NULL, NULL, &method), LEV_OK);
    cr_assert_eq(x[0], 7);
    cr_assert_eq(lev_cheapest_alliance(net, 0, LEV_NONE, NULL, 0, NULL, &len, &cost, NULL), LEV_OK);
    cr_assert_eq(len, 0);
    cr_assert(isinf(cost));
    cr_assert_eq(lev_minimal_winning(net, 0, NULL, 0, NULL, NULL, &len, &count), LEV_OK);
    cr_assert_eq(count, 0);
    /* one actor holding everything: a dictator */
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_actor_set_resource(net, 0, 0, 3, 0), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 0, 1, NULL, NULL), LEV_OK); /* a self-loop */
    double raw, bz, ss;
    cr_assert_eq(lev_voting_power(net, 0, NULL, &raw, &bz, &ss, NULL, NULL, NULL), LEV_OK);
    cr_assert(raw == 1 && bz == 1 && ss == 1);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, 1), LEV_OK);
    cr_assert_eq(lev_voting_power(net, 0, p, &raw, &bz, &ss, NULL, NULL, NULL), LEV_OK);
    cr_assert(raw == 1 && bz == 1 && ss == 1);
    /* quota above every holding: nobody can win */
    cr_assert_eq(lev_params_set_double(p, LEV_P_QUOTA, 4), LEV_OK);
    cr_assert_eq(lev_voting_power(net, 0, p, &raw, &bz, &ss, NULL, NULL, NULL), LEV_OK);
    cr_assert(raw == 0 && bz == 0 && ss == 0);
    uint32_t m;
    cr_assert_eq(lev_cheapest_alliance(net, 0, LEV_NONE, p, 1, &m, &len, &cost, NULL), LEV_OK);
    cr_assert_eq(len, 0);
    /* nobody holds anything: a strict majority of 0 is out of reach */
    cr_assert_eq(lev_actor_set_resource(net, 0, 0, 0, 0), LEV_OK);
    cr_assert_eq(lev_voting_power(net, 0, NULL, &raw, &bz, &ss, NULL, NULL, NULL), LEV_OK);
    cr_assert(raw == 0 && bz == 0 && ss == 0);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, connected_disconnected_rich_pair_cannot_ally) {
    /* two heavy actors without a tie between them cannot ally directly: the poor broker
     * between them gains power in the restricted game */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_resource_add(net, "votes", NULL), LEV_OK);
    const char *nm[] = {"rich1", "broker", "rich2"};
    double w[] = {45, 1, 45};
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(lev_actor_add(net, nm[i], NULL, NULL), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(net, (uint32_t)i, 0, w[i], 0), LEV_OK);
    }
    cr_assert_eq(lev_edge_add(net, 0, 1, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 2, 1, 1, NULL, NULL), LEV_OK);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    double ss[3];
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, ss, NULL, NULL, NULL), LEV_OK);
    cr_assert_float_eq(ss[1], 1.0 / 3, 1e-15, "plain: a 45-45-1 game is symmetric");
    cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, 1), LEV_OK);
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, ss, NULL, NULL, NULL), LEV_OK);
    /* connected, rich1 + rich2 lose: the broker is pivotal in 4 of the 6 orders */
    cr_assert_float_eq(ss[1], 2.0 / 3, 1e-15);
    cr_assert_float_eq(ss[0], 1.0 / 6, 1e-15);
    uint32_t m[3];
    size_t len;
    double cost;
    cr_assert_eq(lev_cheapest_alliance(net, 0, LEV_NONE, p, 3, m, &len, &cost, NULL), LEV_OK);
    cr_assert_eq(len, 2);
    cr_assert(m[0] == 0 && m[1] == 1, "rich1 and the broker (the lowest indices)");
    cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, 0), LEV_OK);
    cr_assert_eq(lev_cheapest_alliance(net, 0, LEV_NONE, p, 3, m, &len, &cost, NULL), LEV_OK);
    cr_assert_eq(len, 2);
    cr_assert(m[0] == 0 && m[1] == 2);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, length_query_and_outputs_untouched) {
    const ref_game *g = game("eu1958");
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    size_t len = 0;
    uint32_t m[1] = {77};
    double cost = -5;
    cr_assert_eq(lev_cheapest_alliance(net, 0, LEV_NONE, p, 0, NULL, &len, &cost, NULL), LEV_ERANGE);
    cr_assert_eq(len, 3);
    cr_assert_eq(cost, -5);
    cr_assert_eq(lev_params_errcode(p), LEV_OK, "a length query records nothing");
    cr_assert_eq(lev_cheapest_alliance(net, 0, LEV_NONE, p, 1, m, &len, &cost, NULL), LEV_ERANGE);
    cr_assert_eq(m[0], 77);
    cr_assert_eq(lev_params_errcode(p), LEV_ERANGE);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, large_game_dp_is_fast_and_sums_to_one) {
    /* 150 actors with holdings 1..50: exact DP (about 23 MB of tables), indices sum to 1 */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_resource_add(net, "votes", NULL), LEV_OK);
    uint32_t n = 150;
    for (uint32_t i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "v%u", i);
        cr_assert_eq(lev_actor_add(net, name, NULL, NULL), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(net, i, 0, 1 + (i * 37) % 50, 0), LEV_OK);
    }
    double *ss = malloc(n * sizeof *ss), *bz = malloc(n * sizeof *bz);
    int method = 0;
    cr_assert_eq(lev_voting_power(net, 0, NULL, NULL, bz, ss, NULL, NULL, &method), LEV_OK);
    cr_assert_eq(method, LEV_COALITION_EXACT);
    double s = 0, b = 0;
    for (uint32_t i = 0; i < n; i++) {
        s += ss[i];
        b += bz[i];
    }
    cr_assert_float_eq(s, 1, 1e-9);
    cr_assert_float_eq(b, 1, 1e-9);
    /* equal holdings, equal power; more holdings, at least as much */
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = 0; j < n; j++)
            if ((i * 37) % 50 < (j * 37) % 50) cr_assert(ss[i] <= ss[j] + 1e-12);
    free(ss);
    free(bz);
    lev_network_free(net);
}

static int stop_now(void *ud, double done) {
    (void)done;
    ++*(int *)ud;
    return 1;
}

Test(coalition, cancel_leaves_outputs_untouched) {
    const ref_game *g = game("rand12");
    lev_network *net = game_net(g);
    lev_params *p = game_params(g);
    int calls = 0;
    cr_assert_eq(lev_params_set_progress(p, stop_now, &calls), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MEMORY_LIMIT, 0), LEV_OK); /* sampled: progress per round */
    double ss[12];
    for (int i = 0; i < 12; i++) ss[i] = -7;
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, ss, NULL, NULL, NULL), LEV_ECANCELLED);
    cr_assert(calls > 0);
    for (int i = 0; i < 12; i++) cr_assert_eq(ss[i], -7);
    cr_assert_eq(lev_params_errcode(p), LEV_ECANCELLED);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, banzhaf_alone_stays_exact_further) {
    /* 400 actors holding 1..50: the Shapley–Shubik tables (about 180 MB) pass the default
     * 64 MiB, the Banzhaf ones (about 0.4 MB) do not */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_resource_add(net, "votes", NULL), LEV_OK);
    uint32_t n = 400;
    for (uint32_t i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "v%u", i);
        cr_assert_eq(lev_actor_add(net, name, NULL, NULL), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(net, i, 0, 1 + (i * 7) % 50, 0), LEV_OK);
    }
    double *bz = malloc(n * sizeof *bz), *ss = malloc(n * sizeof *ss);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_COALITION_SAMPLES, 500), LEV_OK);
    int method = 0;
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, bz, NULL, NULL, NULL, &method), LEV_OK);
    cr_assert_eq(method, LEV_COALITION_EXACT);
    double s = 0;
    for (uint32_t i = 0; i < n; i++) s += bz[i];
    cr_assert_float_eq(s, 1, 1e-9);
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, ss, NULL, NULL, &method), LEV_OK);
    cr_assert_eq(method, LEV_COALITION_SAMPLED);
    free(bz);
    free(ss);
    lev_params_free(p);
    lev_network_free(net);
}

Test(coalition, enumeration_is_cancellable) {
    /* 21 actors on a path: 2^21 coalitions, the progress callback is asked every 2^20 */
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    cr_assert_eq(lev_resource_add(net, "votes", NULL), LEV_OK);
    for (uint32_t i = 0; i < 21; i++) {
        char name[16];
        snprintf(name, sizeof name, "p%u", i);
        cr_assert_eq(lev_actor_add(net, name, NULL, NULL), LEV_OK);
        cr_assert_eq(lev_actor_set_resource(net, i, 0, 1 + i % 4, 0), LEV_OK);
        if (i) cr_assert_eq(lev_edge_add(net, i - 1, i, 1, NULL, NULL), LEV_OK);
    }
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_CONNECTED, 1), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_ENUM_LIMIT, 21), LEV_OK);
    int calls = 0;
    cr_assert_eq(lev_params_set_progress(p, stop_now, &calls), LEV_OK);
    double ss[21];
    uint32_t m[21];
    size_t len = 99;
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, ss, NULL, NULL, NULL), LEV_ECANCELLED);
    cr_assert_eq(lev_cheapest_alliance(net, 0, LEV_NONE, p, 21, m, &len, NULL, NULL), LEV_ECANCELLED);
    cr_assert_eq(len, 99);
    cr_assert_eq(calls, 2);
    /* uncancelled, the path's restricted game: connected intervals only */
    cr_assert_eq(lev_params_set_progress(p, NULL, NULL), LEV_OK);
    int method = 0;
    cr_assert_eq(lev_voting_power(net, 0, p, NULL, NULL, ss, NULL, NULL, &method), LEV_OK);
    cr_assert_eq(method, LEV_COALITION_EXACT);
    double s = 0;
    for (int i = 0; i < 21; i++) s += ss[i];
    cr_assert_float_eq(s, 1, 1e-12);
    lev_params_free(p);
    lev_network_free(net);
}
