/*
 * Key players: scores of given sets against NetworkX (tests/ref/ref_control.h, made by
 * tests/ref/make_refs_control.py), the best score over every k-subset (the generator's exhaustive
 * search, and ours through lev_keyplayer_score) against what lev_keyplayers finds, hand-worked
 * paths and stars, thread and seed invariance, edge cases and misuse.
 */
#include "helpers.h"

#include "ref/ref_control.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static lev_network *load_rel(const char *rel) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", LEV_SOURCE_DIR, rel);
    return load_csv(path, NULL);
}

static lev_params *kp_params(int measure, int distance, int directed) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_MEASURE, measure), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_DISTANCE, distance), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, !directed), LEV_OK);
    return p;
}

Test(keyplayers, scores_match_networkx) {
    for (size_t r = 0; r < REF_KP_SCORES_LEN; r++) {
        const ref_kp_score *x = &ref_kp_scores[r];
        lev_network *net = load_rel(x->csv);
        lev_params *p = kp_params(x->measure, x->distance, x->directed);
        uint32_t set[4];
        for (size_t i = 0; i < x->k; i++) cr_assert_eq(lev_actor_find(net, x->set[i], &set[i]), LEV_OK);
        double s = -1;
        cr_assert_eq(lev_keyplayer_score(net, set, x->k, p, &s), LEV_OK, "%s", lev_params_errmsg(p));
        cr_assert(fabs(s - x->value) <= 1e-12, "%s measure %d d %d k %zu: %.17g, networkx %.17g", x->csv,
                  x->measure, x->distance, x->k, s, x->value);
        lev_params_free(p);
        lev_network_free(net);
    }
}

/* The best score over every k-subset, by lev_keyplayer_score. */
static double exhaustive(const lev_network *net, lev_params *p, size_t k, size_t *nbest) {
    uint32_t n = (uint32_t)lev_actor_count(net), s[4];
    for (size_t i = 0; i < k; i++) s[i] = (uint32_t)i;
    double best = -1;
    *nbest = 0;
    for (;;) {
        double v;
        cr_assert_eq(lev_keyplayer_score(net, s, k, p, &v), LEV_OK);
        if (v > best + 1e-12) {
            best = v;
            *nbest = 1;
        } else if (fabs(v - best) <= 1e-12) {
            ++*nbest;
        }
        size_t i = k;
        while (i > 0 && s[i - 1] == n - k + i - 1) i--;
        if (i == 0) break;
        s[i - 1]++;
        for (size_t j = i; j < k; j++) s[j] = s[j - 1] + 1;
    }
    return best;
}

Test(keyplayers, search_reaches_the_exhaustive_optimum) {
    size_t missed_greedy = 0;
    for (size_t r = 0; r < REF_KP_BEST_LEN; r++) {
        const ref_kp_best *x = &ref_kp_best_sets[r];
        lev_network *net = load_rel(x->csv);
        lev_params *p = kp_params(x->measure, x->distance, 0);
        size_t nbest;
        double ex = exhaustive(net, p, x->k, &nbest);
        cr_assert(fabs(ex - x->best) <= 1e-12, "%s measure %d k %zu: our exhaustive %.17g, networkx %.17g", x->csv,
                  x->measure, x->k, ex, x->best);
        cr_assert_eq(nbest, x->nbest, "%s measure %d k %zu: %zu optimal sets, networkx %zu", x->csv, x->measure,
                     x->k, nbest, x->nbest);
        uint32_t set[4];
        double s;
        /* the greedy start and swaps alone */
        cr_assert_eq(lev_keyplayers(net, x->k, p, set, &s), LEV_OK, "%s", lev_params_errmsg(p));
        if (fabs(s - x->best) > 1e-12) missed_greedy++;
        /* with 8 starts the optimum is found on every case here */
        cr_assert_eq(lev_params_set_int(p, LEV_P_KP_STARTS, 8), LEV_OK);
        cr_assert_eq(lev_keyplayers(net, x->k, p, set, &s), LEV_OK, "%s", lev_params_errmsg(p));
        cr_assert(fabs(s - x->best) <= 1e-12, "%s measure %d k %zu: found %.17g, optimum %.17g", x->csv, x->measure,
                  x->k, s, x->best);
        double again;
        cr_assert_eq(lev_keyplayer_score(net, set, x->k, p, &again), LEV_OK);
        cr_assert_eq(again, s, "the reported score is the set's score");
        if (x->nbest == 1)
            for (size_t i = 0; i < x->k; i++) {
                uint32_t want;
                cr_assert_eq(lev_actor_find(net, x->first[i], &want), LEV_OK);
                int found = 0;
                for (size_t j = 0; j < x->k; j++) found |= set[j] == want;
                cr_assert(found, "%s measure %d k %zu: %s not in the set", x->csv, x->measure, x->k, x->first[i]);
            }
        for (size_t i = 1; i < x->k; i++) cr_assert_gt(set[i], set[i - 1], "ascending");
        lev_params_free(p);
        lev_network_free(net);
    }
    cr_log_info("greedy start + swaps missed the optimum on %zu of %d cases", missed_greedy, REF_KP_BEST_LEN);
}

/* ---- hand-worked ------------------------------------------------------------------------------ */

static lev_network *path5(void) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    const char *names[] = {"a", "b", "c", "d", "e"};
    for (int i = 0; i < 5; i++) cr_assert_eq(lev_actor_add(net, names[i], NULL, NULL), LEV_OK);
    for (uint32_t i = 0; i + 1 < 5; i++) cr_assert_eq(lev_edge_add(net, i, i + 1, 1, NULL, NULL), LEV_OK);
    return net;
}

Test(keyplayers, hand_worked_path) {
    lev_network *net = path5();
    lev_params *p = kp_params(LEV_KP_FRAGMENT, 1, 0);
    uint32_t set[2];
    double s;
    /* removing the middle of a - b - c - d - e leaves two pairs: F = 1 − (2 + 2)/(4·3) = 2/3 */
    cr_assert_eq(lev_keyplayers(net, 1, p, set, &s), LEV_OK);
    cr_assert_eq(set[0], 2);
    cr_assert(fabs(s - 2.0 / 3) < 1e-15);
    /* DF: pairs at distance 1 only, 4 of 12 ordered pairs: 1 − 4/12 = 2/3 as well */
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_MEASURE, LEV_KP_DFRAGMENT), LEV_OK);
    cr_assert_eq(lev_keyplayers(net, 1, p, set, &s), LEV_OK);
    cr_assert_eq(set[0], 2);
    cr_assert(fabs(s - 2.0 / 3) < 1e-15);
    /* the whole path, nobody removed: DF = 1 − (8·1 + 6/2 + 4/3 + 2/4)/20 = 1 − 12.8333/20 */
    cr_assert_eq(lev_keyplayer_score(net, NULL, 0, p, &s), LEV_OK);
    cr_assert(fabs(s - (1 - (8 + 3 + 4.0 / 3 + 0.5) / 20)) < 1e-15, "%.17g", s);
    /* reach along the edges a → b → ...: from b within 2 steps: b, c, d: 3/5 */
    lev_params_free(p);
    p = kp_params(LEV_KP_REACH, 2, 1);
    set[0] = 1;
    cr_assert_eq(lev_keyplayer_score(net, set, 1, p, &s), LEV_OK);
    cr_assert_eq(s, 3.0 / 5);
    /* read both ways, {b, d} reach everyone within 1 step */
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 1), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_DISTANCE, 1), LEV_OK);
    cr_assert_eq(lev_keyplayers(net, 2, p, set, &s), LEV_OK);
    cr_assert_eq(set[0], 1);
    cr_assert_eq(set[1], 3);
    cr_assert_eq(s, 1.0);
    /* distance-weighted reach of {a} directed: (1 + 1 + 1/2 + 1/3 + 1/4)/5 */
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, 0), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_MEASURE, LEV_KP_DREACH), LEV_OK);
    set[0] = 0;
    cr_assert_eq(lev_keyplayer_score(net, set, 1, p, &s), LEV_OK);
    cr_assert(fabs(s - (1 + 1 + 0.5 + 1.0 / 3 + 0.25) / 5) < 1e-15);
    /* k = n: nothing left to fragment, nobody left unreached */
    cr_assert_eq(lev_keyplayers(net, 5, p, (uint32_t[5]){0}, &s), LEV_OK);
    cr_assert_eq(s, 1.0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_MEASURE, LEV_KP_FRAGMENT), LEV_OK);
    uint32_t four[4] = {0, 1, 2, 3};
    cr_assert_eq(lev_keyplayer_score(net, four, 4, p, &s), LEV_OK);
    cr_assert_eq(s, 1.0, "one actor left: no pair, 1 by convention");
    lev_params_free(p);
    lev_network_free(net);
}

Test(keyplayers, self_loops_and_parallel_edges_fold) {
    lev_network *a = path5(), *b = path5();
    cr_assert_eq(lev_edge_add(b, 2, 2, 1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(b, 0, 1, 5, "money", NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(b, 3, 2, 1, NULL, NULL), LEV_OK); /* both ways: same tie for fragmentation */
    for (int m = LEV_KP_REACH; m <= LEV_KP_DFRAGMENT; m++) {
        lev_params *p = kp_params(m, 2, 0);
        uint32_t sa[2], sb[2];
        double xa, xb;
        cr_assert_eq(lev_keyplayers(a, 2, p, sa, &xa), LEV_OK);
        cr_assert_eq(lev_keyplayers(b, 2, p, sb, &xb), LEV_OK);
        if (m >= LEV_KP_FRAGMENT) {
            cr_assert_eq(xa, xb, "measure %d", m);
            cr_assert_eq(sa[0], sb[0]);
            cr_assert_eq(sa[1], sb[1]);
        }
        lev_params_free(p);
    }
    lev_network_free(a);
    lev_network_free(b);
}

/* ---- determinism ------------------------------------------------------------------------------ */

Test(keyplayers, same_answer_for_any_thread_count_and_seed_repeat) {
    lev_network *net = load_rel("tests/data/lesmis_edges.csv");
    for (int m = LEV_KP_REACH; m <= LEV_KP_FRAGMENT; m++) {
        uint32_t ref[3], set[3];
        double rs = 0, s;
        for (int t = 1; t <= 4; t++) {
            lev_params *p = kp_params(m, 2, 0);
            cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, t), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_KP_STARTS, 4), LEV_OK);
            cr_assert_eq(lev_params_set_int(p, LEV_P_SEED, 99), LEV_OK);
            cr_assert_eq(lev_keyplayers(net, 3, p, t == 1 ? ref : set, t == 1 ? &rs : &s), LEV_OK);
            if (t > 1) {
                cr_assert_eq(memcmp(ref, set, sizeof set), 0, "measure %d threads %d", m, t);
                cr_assert_eq(rs, s);
            }
            lev_params_free(p);
        }
    }
    lev_network_free(net);
}

/* The search scores reach candidates from the set's distances, exploring only what a candidate
 * brings nearer (keyplayers.c, score_reach), and fragmentation candidates all at once from one
 * depth-first search (score_fragment); the score it reports is the best candidate's. It must
 * be, bit for bit, the whole search's score of the set it returns (lev_keyplayer_score): sparse
 * random networks with isolated actors, unreachable parts and cut vertices, both directions,
 * reach at distances 1 to 3, distance-weighted reach and fragmentation, from the greedy and
 * from random starts. */
Test(keyplayers, candidate_scores_are_the_whole_searchs) {
    int checked = 0;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        uint32_t n = 60 + 40 * (uint32_t)seed;
        test_net_shape sh = {.live = n - 7, .loop_every = 29, .wmax = 3, .repeat_every = 41, .repeat_w = 2};
        lev_network *net = test_random_net(n, 2 * (size_t)n, seed, sh);
        for (int m = LEV_KP_REACH; m <= LEV_KP_FRAGMENT; m++)
            for (int dist = 1; dist <= (m == LEV_KP_REACH ? 3 : 1); dist++)
                for (int directed = 0; directed < 2; directed++)
                    for (size_t k = 1; k <= 4; k += 3) {
                        lev_params *p = kp_params(m, dist, directed);
                        cr_assert_eq(lev_params_set_int(p, LEV_P_KP_STARTS, 3), LEV_OK);
                        uint32_t set[4];
                        double found = -1, whole = -2;
                        cr_assert_eq(lev_keyplayers(net, k, p, set, &found), LEV_OK);
                        cr_assert_eq(lev_keyplayer_score(net, set, k, p, &whole), LEV_OK);
                        cr_assert(found == whole, "seed %llu measure %d distance %d directed %d k %zu: %.17g, whole search %.17g",
                                  (unsigned long long)seed, m, dist, directed, k, found, whole);
                        lev_params_free(p);
                        checked++;
                    }
        lev_network_free(net);
    }
    cr_assert_eq(checked, 6 * (3 * 2 * 2 + 2 * 2 + 2 * 2));
}

/* ---- misuse ----------------------------------------------------------------------------------- */

Test(keyplayers, edge_cases_and_misuse) {
    lev_network *net = path5(), *empty;
    cr_assert_eq(lev_network_new(&empty), LEV_OK);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    uint32_t set[6] = {7, 7, 7, 7, 7, 7};
    double s = -5;
    cr_assert_eq(lev_keyplayers(net, 0, p, set, &s), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "k = 0"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_keyplayers(net, 6, p, set, &s), LEV_EINVAL);
    cr_assert_eq(lev_keyplayers(empty, 1, p, set, &s), LEV_EINVAL);
    cr_assert_eq(set[0], 7);
    cr_assert_eq(s, -5);
    cr_assert_eq(lev_keyplayers(NULL, 1, p, set, &s), LEV_EMISUSE);
    cr_assert_eq(lev_keyplayers(net, 1, p, NULL, &s), LEV_EMISUSE);
    cr_assert_eq(lev_keyplayers(net, 1, p, set, NULL), LEV_EMISUSE);
    uint32_t dup[2] = {1, 1}, bad[1] = {5};
    cr_assert_eq(lev_keyplayer_score(net, dup, 2, p, &s), LEV_EINVAL);
    cr_assert(strstr(lev_params_errmsg(p), "twice"), "%s", lev_params_errmsg(p));
    cr_assert_eq(lev_keyplayer_score(net, bad, 1, p, &s), LEV_EINVAL);
    cr_assert_eq(lev_keyplayer_score(net, NULL, 1, p, &s), LEV_EMISUSE);
    cr_assert_eq(lev_keyplayer_score(net, dup, 6, p, &s), LEV_EINVAL);
    cr_assert_eq(lev_keyplayer_score(empty, NULL, 0, p, &s), LEV_EINVAL);
    cr_assert_eq(lev_keyplayer_score(net, dup, 1, p, NULL), LEV_EMISUSE);
    cr_assert_eq(s, -5);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_MEASURE, 5), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_DISTANCE, 0), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_STARTS, 0), LEV_EINVAL);
    /* an empty set scores the network itself: a path is one component, F = 0 */
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_MEASURE, LEV_KP_FRAGMENT), LEV_OK);
    cr_assert_eq(lev_keyplayer_score(net, NULL, 0, p, &s), LEV_OK);
    cr_assert_eq(s, 0.0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_KP_MEASURE, LEV_KP_REACH), LEV_OK);
    cr_assert_eq(lev_keyplayer_score(net, NULL, 0, p, &s), LEV_OK);
    cr_assert_eq(s, 0.0);
    lev_params_free(p);
    lev_network_free(net);
    lev_network_free(empty);
}

static int stop_now(void *ud, double done) {
    (void)done;
    ++*(int *)ud;
    return 1;
}

Test(keyplayers, cancel) {
    lev_network *net = path5();
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    int calls = 0;
    cr_assert_eq(lev_params_set_progress(p, stop_now, &calls), LEV_OK);
    uint32_t set[2] = {9, 9};
    double s = -1;
    cr_assert_eq(lev_keyplayers(net, 2, p, set, &s), LEV_ECANCELLED);
    cr_assert_eq(set[0], 9);
    cr_assert_eq(s, -1);
    cr_assert_eq(calls, 1);
    lev_params_free(p);
    lev_network_free(net);
}
