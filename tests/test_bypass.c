/* Bypass of leverage: lev_tie_bypass, lev_reliance, lev_edge_leverage against brute force (the
 * measure recomputed by the public API on a copy of the network without each tie), hand-worked
 * cases and edge cases. */
#include "helpers.h"

#include <stdint.h>

/* ---- brute force ----------------------------------------------------------------------------- */

typedef struct tieset {
    size_t n;           /* ties */
    uint32_t *u, *v;    /* sorted by (u, v) */
} tieset;

static int pair_cmp(const void *x, const void *y) {
    const uint32_t *a = x, *b = y;
    if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
    if (a[1] != b[1]) return a[1] < b[1] ? -1 : 1;
    return 0;
}

static tieset ties_of(const lev_network *net) {
    size_t m = lev_edge_count(net);
    uint32_t *pr = malloc((m + 1) * 2 * sizeof *pr);
    for (size_t e = 0; e < m; e++) lev_edge_get(net, e, &pr[2 * e], &pr[2 * e + 1], NULL, NULL);
    qsort(pr, m, 2 * sizeof *pr, pair_cmp);
    tieset t = {0, malloc((m + 1) * sizeof(uint32_t)), malloc((m + 1) * sizeof(uint32_t))};
    for (size_t e = 0; e < m; e++)
        if (e == 0 || pair_cmp(&pr[2 * e], &pr[2 * e - 2]) != 0) {
            t.u[t.n] = pr[2 * e];
            t.v[t.n] = pr[2 * e + 1];
            t.n++;
        }
    free(pr);
    return t;
}

static void ties_free(tieset *t) {
    free(t->u);
    free(t->v);
}

/* A copy of net's actors and edges, without the records of the ties listed. */
static lev_network *copy_without(const lev_network *net, const uint32_t *gu, const uint32_t *gv, size_t ng) {
    lev_network *c;
    cr_assert_eq(lev_network_new(&c), LEV_OK);
    for (uint32_t i = 0; i < lev_actor_count(net); i++)
        cr_assert_eq(lev_actor_add(c, lev_actor_name(net, i), NULL, NULL), LEV_OK);
    for (size_t e = 0; e < lev_edge_count(net); e++) {
        uint32_t s, t;
        double w;
        const char *ch;
        lev_edge_get(net, e, &s, &t, &w, &ch);
        int drop = 0;
        for (size_t j = 0; j < ng; j++) drop |= gu[j] == s && gv[j] == t;
        if (!drop) cr_assert_eq(lev_edge_add(c, s, t, w, ch, NULL), LEV_OK);
    }
    return c;
}

static void measure(const lev_network *net, lev_params *p, double *out) {
    int64_t m;
    lev_params_get_int(p, LEV_P_BYPASS_MEASURE, &m);
    lev_status rc;
    switch (m) {
    case LEV_BYPASS_DEGREE: rc = lev_degree(net, p, out); break;
    case LEV_BYPASS_STRENGTH: rc = lev_strength(net, p, out); break;
    case LEV_BYPASS_BETWEENNESS: rc = lev_betweenness(net, p, out); break;
    case LEV_BYPASS_HARMONIC: rc = lev_harmonic(net, p, out); break;
    default: rc = lev_pagerank(net, NULL, p, out); break;
    }
    cr_assert_eq(rc, LEV_OK, "%s", lev_params_errmsg(p));
}

/* Brute-force tie bypass with one tie: best value and its tie (first in (u, v) order on equal
 * values) and the second-best value (to know whether the tie is well defined). */
static void brute_bypass(const lev_network *net, lev_params *p, double *M, double *best, double *second,
                         size_t *bt) {
    size_t n = lev_actor_count(net);
    tieset t = ties_of(net);
    double *x = malloc(n * sizeof *x);
    measure(net, p, M);
    for (size_t a = 0; a < n; a++) {
        best[a] = second[a] = INFINITY;
        bt[a] = SIZE_MAX;
    }
    for (size_t i = 0; i < t.n; i++) {
        lev_network *c = copy_without(net, &t.u[i], &t.v[i], 1);
        measure(c, p, x);
        uint32_t ends[2] = {t.u[i], t.v[i]};
        for (int e = 0; e < (ends[0] == ends[1] ? 1 : 2); e++) {
            uint32_t a = ends[e];
            if (x[a] < best[a]) {
                second[a] = best[a];
                best[a] = x[a];
                bt[a] = i;
            } else if (x[a] < second[a])
                second[a] = x[a];
        }
        lev_network_free(c);
    }
    free(x);
    ties_free(&t);
}

/* lev_tie_bypass against brute force: survives to tol (relative to the score), the tie where the
 * best is clear by more than tol. */
static void check_bypass(const lev_network *net, lev_params *p, double tol, const char *what) {
    size_t n = lev_actor_count(net);
    double *M = malloc(n * sizeof *M), *best = malloc(n * sizeof *best), *second = malloc(n * sizeof *second);
    size_t *bt = malloc(n * sizeof *bt);
    double *score = malloc(n * sizeof *score), *surv = malloc(n * sizeof *surv);
    uint32_t *ts = malloc(n * sizeof *ts), *tt = malloc(n * sizeof *tt);
    brute_bypass(net, p, M, best, second, bt);
    cr_assert_eq(lev_tie_bypass(net, p, score, surv, ts, tt), LEV_OK, "%s: %s", what, lev_params_errmsg(p));
    tieset t = ties_of(net);
    for (size_t a = 0; a < n; a++) {
        cr_assert_float_eq(score[a], M[a], 1e-12, "%s: score of %s", what, lev_actor_name(net, (uint32_t)a));
        if (bt[a] == SIZE_MAX || !(M[a] > 0)) {
            cr_assert_eq(surv[a], 1.0, "%s: %s has no tie", what, lev_actor_name(net, (uint32_t)a));
            cr_assert_eq(ts[a], LEV_NONE);
            cr_assert_eq(tt[a], LEV_NONE);
            continue;
        }
        double want = best[a] / M[a];
        cr_assert(fabs(surv[a] - want) <= tol, "%s: survives(%s) = %.15g, brute force %.15g (tol %g)", what,
                  lev_actor_name(net, (uint32_t)a), surv[a], want, tol);
        if ((second[a] - best[a]) / M[a] > 2 * tol) {
            cr_assert_eq(ts[a], t.u[bt[a]], "%s: costliest tie of %s", what, lev_actor_name(net, (uint32_t)a));
            cr_assert_eq(tt[a], t.v[bt[a]], "%s: costliest tie of %s", what, lev_actor_name(net, (uint32_t)a));
        }
    }
    ties_free(&t);
    free(M); free(best); free(second); free(bt); free(score); free(surv); free(ts); free(tt);
}

static lev_params *params(int measure, int direction, int undirected) {
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_BYPASS_MEASURE, measure), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_DIRECTION, direction), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_UNDIRECTED, undirected), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, 1), LEV_OK); /* many tiny solves: no team start-ups */
    return p;
}

static lev_network *florentine(void) {
    return load_csv(SRC("examples/data/florentine_edges.csv"), SRC("examples/data/florentine_actors.csv"));
}
static lev_network *karate(void) { return load_csv(SRC("tests/data/karate_edges.csv"), NULL); }
static lev_network *dangling(void) { return load_csv(SRC("tests/data/directed_dangling.csv"), NULL); }
static lev_network *coleman(void) {
    return load_csv(SRC("tests/data/coleman_edges.csv"), SRC("tests/data/coleman_actors.csv"));
}

/* ---- tie bypass against brute force ------------------------------------------------------------ */

/* doc: lev_tie_bypass, exact paths agree with recomputation to 1e-9 */
Test(bypass, exact_measures_match_brute_force) {
    lev_network *nets[] = {florentine(), karate(), dangling(), coleman()};
    const char *names[] = {"florentine", "karate", "dangling", "coleman"};
    int measures[] = {LEV_BYPASS_DEGREE, LEV_BYPASS_STRENGTH, LEV_BYPASS_HARMONIC, LEV_BYPASS_BETWEENNESS};
    int dirs[] = {LEV_DIR_OUT, LEV_DIR_IN, LEV_DIR_ALL};
    for (size_t k = 0; k < 4; k++)
        for (size_t mi = 0; mi < 4; mi++)
            for (size_t di = 0; di < 3; di++)
                for (int und = 0; und < 2; und++) {
                    /* coleman: betweenness brute force is the slow one; one direction suffices */
                    if (k == 3 && measures[mi] == LEV_BYPASS_BETWEENNESS && (di != 0 || und)) continue;
                    lev_params *p = params(measures[mi], dirs[di], und);
                    char what[96];
                    snprintf(what, sizeof what, "%s measure %d dir %d undirected %d", names[k], measures[mi],
                             dirs[di], und);
                    check_bypass(nets[k], p, 1e-9, what);
                    lev_params_free(p);
                }
    for (size_t k = 0; k < 4; k++) lev_network_free(nets[k]);
}

/* doc: lev_tie_bypass, PageRank push with a tiny residual agrees with recomputation to 1e-9 */
Test(bypass, pagerank_push_matches_brute_force) {
    lev_network *nets[] = {florentine(), karate(), dangling(), coleman()};
    const char *names[] = {"florentine", "karate", "dangling", "coleman"};
    int dirs[] = {LEV_DIR_OUT, LEV_DIR_IN};
    for (size_t k = 0; k < 4; k++)
        for (size_t di = 0; di < 2; di++)
            for (int weighted = 0; weighted < 2; weighted++) {
                lev_params *p = params(LEV_BYPASS_PAGERANK, dirs[di], 0);
                cr_assert_eq(lev_params_set_double(p, LEV_P_BYPASS_RESIDUAL, 1e-14), LEV_OK);
                cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14), LEV_OK);
                cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
                char what[96];
                snprintf(what, sizeof what, "%s pagerank dir %d weighted %d", names[k], dirs[di], weighted);
                check_bypass(nets[k], p, 1e-9, what);
                lev_params_free(p);
            }
    for (size_t k = 0; k < 4; k++) lev_network_free(nets[k]);
}

/* doc: lev_tie_bypass, undirected PageRank and damping > 0.99 recompute exactly */
Test(bypass, pagerank_recomputed_matches_brute_force) {
    lev_network *net = florentine();
    lev_params *p = params(LEV_BYPASS_PAGERANK, LEV_DIR_ALL, 1);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-13), LEV_OK);
    check_bypass(net, p, 1e-9, "florentine undirected pagerank");
    lev_params_free(p);
    p = params(LEV_BYPASS_PAGERANK, LEV_DIR_IN, 0);
    cr_assert_eq(lev_params_set_double(p, LEV_P_DAMPING, 0.995), LEV_OK);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-13), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_MAX_ITER, 100000), LEV_OK);
    check_bypass(net, p, 1e-8, "florentine pagerank d = 0.995");
    lev_params_free(p);
    lev_network_free(net);
}

/* doc: guide_bypass_leverage, the push's error bound at the default residual */
Test(bypass, pagerank_push_default_residual_within_bound) {
    lev_network *net = coleman();
    size_t n = lev_actor_count(net);
    lev_params *p = params(LEV_BYPASS_PAGERANK, LEV_DIR_IN, 0);
    cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-14), LEV_OK);
    double *M = malloc(n * sizeof *M), *best = malloc(n * sizeof *best), *second = malloc(n * sizeof *second);
    double *surv = malloc(n * sizeof *surv);
    size_t *bt = malloc(n * sizeof *bt);
    brute_bypass(net, p, M, best, second, bt);
    cr_assert_eq(lev_tie_bypass(net, p, NULL, surv, NULL, NULL), LEV_OK);
    /* ε = 3e-4, d = 0.85: entries within ε/(1 − d) = 2e-3; docs/bypass.md states survives within 1e-3 on the classic sets */
    double worst = 0;
    for (size_t a = 0; a < n; a++) {
        if (bt[a] == SIZE_MAX) continue;
        double e = fabs(surv[a] - best[a] / M[a]);
        if (e > worst) worst = e;
    }
    cr_assert(worst <= 1e-3, "largest survives error %g", worst);
    cr_assert(worst > 0, "the default residual should leave some error (else this test checks nothing)");
    lev_params_free(p);
    free(M); free(best); free(second); free(surv); free(bt);
    lev_network_free(net);
}

/* doc: lev_tie_bypass, bit-identical for any LEV_P_THREADS */
Test(bypass, push_same_for_any_threads) {
    lev_network *net = coleman();
    size_t n = lev_actor_count(net);
    double *s1 = malloc(n * sizeof *s1), *s2 = malloc(n * sizeof *s2);
    lev_params *p = params(LEV_BYPASS_PAGERANK, LEV_DIR_OUT, 0);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, 1), LEV_OK);
    cr_assert_eq(lev_tie_bypass(net, p, NULL, s1, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_params_set_int(p, LEV_P_THREADS, 2), LEV_OK);
    cr_assert_eq(lev_tie_bypass(net, p, NULL, s2, NULL, NULL), LEV_OK);
    cr_assert_eq(memcmp(s1, s2, n * sizeof *s1), 0);
    lev_params_free(p);
    free(s1); free(s2);
    lev_network_free(net);
}

/* ---- greedy k > 1 ---------------------------------------------------------------------------------- */

/* Greedy by brute force: for actor a, k steps, each removing the tie leaving the lowest score. */
static double brute_greedy(const lev_network *net, lev_params *p, uint32_t a, int k, uint32_t *first_u,
                           uint32_t *first_v) {
    size_t n = lev_actor_count(net);
    tieset t = ties_of(net);
    double *x = malloc(n * sizeof *x);
    uint32_t gu[8], gv[8];
    size_t ng = 0;
    double cur = 0;
    for (int s = 0; s < k; s++) {
        double best = INFINITY;
        size_t bi = SIZE_MAX;
        for (size_t i = 0; i < t.n; i++) {
            if (t.u[i] != a && t.v[i] != a) continue;
            int used = 0;
            for (size_t j = 0; j < ng; j++) used |= gu[j] == t.u[i] && gv[j] == t.v[i];
            if (used) continue;
            gu[ng] = t.u[i];
            gv[ng] = t.v[i];
            lev_network *c = copy_without(net, gu, gv, ng + 1);
            measure(c, p, x);
            lev_network_free(c);
            if (x[a] < best) {
                best = x[a];
                bi = i;
            }
        }
        if (bi == SIZE_MAX) break;
        gu[ng] = t.u[bi];
        gv[ng] = t.v[bi];
        ng++;
        cur = best;
    }
    *first_u = ng ? gu[0] : LEV_NONE;
    *first_v = ng ? gv[0] : LEV_NONE;
    free(x);
    ties_free(&t);
    return cur;
}

/* doc: lev_tie_bypass, k ties greedily */
Test(bypass, greedy_k_matches_brute_force) {
    lev_network *net = florentine();
    size_t n = lev_actor_count(net);
    int measures[] = {LEV_BYPASS_HARMONIC, LEV_BYPASS_PAGERANK, LEV_BYPASS_STRENGTH};
    double *M = malloc(n * sizeof *M), *score = malloc(n * sizeof *score), *surv = malloc(n * sizeof *surv);
    uint32_t *ts = malloc(n * sizeof *ts), *tt = malloc(n * sizeof *tt);
    for (size_t mi = 0; mi < 3; mi++) {
        lev_params *p = params(measures[mi], LEV_DIR_OUT, 1);
        cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-13), LEV_OK);
        cr_assert_eq(lev_params_set_int(p, LEV_P_BYPASS_TIES, 2), LEV_OK);
        cr_assert_eq(lev_tie_bypass(net, p, score, surv, ts, tt), LEV_OK, "%s", lev_params_errmsg(p));
        measure(net, p, M);
        for (uint32_t a = 0; a < n; a++) {
            uint32_t fu, fv;
            double v = brute_greedy(net, p, a, 2, &fu, &fv);
            if (fu == LEV_NONE || !(M[a] > 0)) {
                cr_assert_eq(surv[a], 1.0);
                continue;
            }
            cr_assert_float_eq(surv[a], v / M[a], 1e-9, "measure %d: %s", measures[mi], lev_actor_name(net, a));
            if (measures[mi] != LEV_BYPASS_PAGERANK) { /* pagerank values may tie within 1e-15 */
                cr_assert_eq(ts[a], fu, "measure %d: first tie of %s", measures[mi], lev_actor_name(net, a));
                cr_assert_eq(tt[a], fv, "measure %d: first tie of %s", measures[mi], lev_actor_name(net, a));
            }
        }
        lev_params_free(p);
    }
    free(M); free(score); free(surv); free(ts); free(tt);
    lev_network_free(net);
}

/* ---- the worked example (docs/bypass.md) ------------------------------------------------------------ */

static lev_network *worked(void) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    const char *names[] = {"Ann", "Bob", "Cal", "Dee"};
    for (int i = 0; i < 4; i++) cr_assert_eq(lev_actor_add(net, names[i], NULL, NULL), LEV_OK);
    cr_assert_eq(lev_edge_add(net, 0, 1, 2, NULL, NULL), LEV_OK); /* Ann → Bob 2 */
    cr_assert_eq(lev_edge_add(net, 1, 0, 1, NULL, NULL), LEV_OK); /* Bob → Ann 1 */
    cr_assert_eq(lev_edge_add(net, 0, 2, 1, NULL, NULL), LEV_OK); /* Ann → Cal 1 */
    cr_assert_eq(lev_edge_add(net, 3, 0, 3, NULL, NULL), LEV_OK); /* Dee → Ann 3 */
    return net;
}

/* doc: guide_bypass_leverage, worked example */
Test(bypass, worked_example) {
    lev_network *net = worked();
    lev_params *p = params(LEV_BYPASS_STRENGTH, LEV_DIR_ALL, 0);
    double score[4], surv[4], rel[4], net_rel;
    uint32_t ts[4], tt[4];
    cr_assert_eq(lev_tie_bypass(net, p, score, surv, ts, tt), LEV_OK);
    cr_assert_eq(score[0], 7);
    cr_assert_float_eq(surv[0], 4.0 / 7.0, 1e-15); /* without Dee → Ann */
    cr_assert_eq(ts[0], 3);
    cr_assert_eq(tt[0], 0);
    cr_assert_float_eq(surv[1], 1.0 / 3.0, 1e-15); /* Bob: 3, 1 without Ann → Bob */
    cr_assert_eq(surv[2], 0);
    cr_assert_eq(surv[3], 0);
    cr_assert_eq(lev_reliance(net, p, rel, &net_rel), LEV_OK);
    /* R: Ann ⇄ Bob with strength min(2, 1) = 1 each way; strengths in R: Ann 2, Bob 2 */
    cr_assert_float_eq(rel[0], 5.0 / 7.0, 1e-15);
    cr_assert_float_eq(rel[1], 1.0 / 3.0, 1e-15);
    cr_assert_eq(rel[2], 1);
    cr_assert_eq(rel[3], 1);
    /* (7·5/7 + 3·1/3 + 1·1 + 3·1) / 14 = 10/14 */
    cr_assert_float_eq(net_rel, 10.0 / 14.0, 1e-15);
    cr_assert_eq(lev_params_set_int(p, LEV_P_BYPASS_TIES, 2), LEV_OK);
    cr_assert_eq(lev_tie_bypass(net, p, score, surv, ts, tt), LEV_OK);
    cr_assert_float_eq(surv[0], 2.0 / 7.0, 1e-15); /* then Ann → Bob (2) */
    uint32_t s[4], t[4];
    double lv[4];
    size_t len;
    cr_assert_eq(lev_edge_leverage(net, p, 4, s, t, lv, &len), LEV_OK);
    cr_assert_eq(len, 4);
    /* Dee → Ann: 3 at each end = 6; Ann → Bob 4; Bob → Ann 2; Ann → Cal 2 (tie order) */
    cr_assert_eq(lv[0], 6);
    cr_assert(s[0] == 3 && t[0] == 0);
    cr_assert_eq(lv[1], 4);
    cr_assert(s[1] == 0 && t[1] == 1);
    cr_assert_eq(lv[2], 2);
    cr_assert(s[2] == 0 && t[2] == 2);
    cr_assert_eq(lv[3], 2);
    cr_assert(s[3] == 1 && t[3] == 0);
    lev_params_free(p);
    lev_network_free(net);
}

/* ---- reliance against brute force ------------------------------------------------------------------ */

/* R built through the public API: for each ordered pair with both directions, the min. */
static lev_network *reciprocated(const lev_network *net, int records) {
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    double *w = calloc(n * n, sizeof *w), *c = calloc(n * n, sizeof *c);
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        double x;
        lev_edge_get(net, e, &s, &t, &x, NULL);
        w[(size_t)s * n + t] += (double)(float)x;
        c[(size_t)s * n + t] += 1;
    }
    lev_network *r;
    cr_assert_eq(lev_network_new(&r), LEV_OK);
    for (uint32_t i = 0; i < n; i++) cr_assert_eq(lev_actor_add(r, lev_actor_name(net, i), NULL, NULL), LEV_OK);
    for (uint32_t a = 0; a < n; a++)
        for (uint32_t b = 0; b < n; b++) {
            double x = w[(size_t)a * n + b], y = w[(size_t)b * n + a];
            if (x > 0 && y > 0) {
                if (records) {
                    double k = fmin(c[(size_t)a * n + b], c[(size_t)b * n + a]);
                    for (int j = 0; j < (int)k; j++) cr_assert_eq(lev_edge_add(r, a, b, 1, NULL, NULL), LEV_OK);
                } else
                    cr_assert_eq(lev_edge_add(r, a, b, fmin(x, y), NULL, NULL), LEV_OK);
            }
        }
    free(w);
    free(c);
    return r;
}

/* doc: lev_reliance, definition */
Test(bypass, reliance_matches_definition) {
    lev_network *nets[] = {florentine(), dangling(), coleman(), karate()};
    int measures[] = {LEV_BYPASS_PAGERANK, LEV_BYPASS_DEGREE, LEV_BYPASS_STRENGTH, LEV_BYPASS_BETWEENNESS,
                      LEV_BYPASS_HARMONIC};
    for (size_t k = 0; k < 4; k++) {
        size_t n = lev_actor_count(nets[k]);
        double *M = malloc(n * sizeof *M), *MR = malloc(n * sizeof *MR), *rel = malloc(n * sizeof *rel);
        for (size_t mi = 0; mi < 5; mi++)
            for (int und = 0; und < 2; und++)
                for (int weighted = 0; weighted < 2; weighted++) {
                    lev_params *p = params(measures[mi], LEV_DIR_OUT, und);
                    cr_assert_eq(lev_params_set_int(p, LEV_P_WEIGHTED, weighted), LEV_OK);
                    double nr;
                    cr_assert_eq(lev_reliance(nets[k], p, rel, &nr), LEV_OK, "%s", lev_params_errmsg(p));
                    measure(nets[k], p, M);
                    if (und)
                        memcpy(MR, M, n * sizeof *M);
                    else {
                        lev_network *r = reciprocated(nets[k], measures[mi] == LEV_BYPASS_DEGREE || !weighted);
                        measure(r, p, MR);
                        lev_network_free(r);
                    }
                    double num = 0, den = 0;
                    for (size_t a = 0; a < n; a++) {
                        double want = M[a] > 0 ? fmax(0, 1 - MR[a] / M[a]) : 0;
                        cr_assert_float_eq(rel[a], want, 1e-9, "net %zu measure %d und %d w %d actor %s", k,
                                           measures[mi], und, weighted, lev_actor_name(nets[k], (uint32_t)a));
                        num += M[a] * want;
                        den += M[a];
                    }
                    cr_assert_float_eq(nr, den > 0 ? num / den : 0, 1e-9);
                    if (und) cr_assert_eq(nr, 0);
                    lev_params_free(p);
                }
        free(M); free(MR); free(rel);
    }
    for (size_t k = 0; k < 4; k++) lev_network_free(nets[k]);
}

/* ---- edge leverage against brute force ------------------------------------------------------------- */

/* doc: lev_edge_leverage, definition and order */
Test(bypass, edge_leverage_matches_brute_force) {
    lev_network *nets[] = {florentine(), dangling(), karate()};
    int measures[] = {LEV_BYPASS_PAGERANK, LEV_BYPASS_DEGREE, LEV_BYPASS_STRENGTH, LEV_BYPASS_BETWEENNESS,
                      LEV_BYPASS_HARMONIC};
    for (size_t k = 0; k < 3; k++) {
        size_t n = lev_actor_count(nets[k]);
        tieset t = ties_of(nets[k]);
        double *M = malloc(n * sizeof *M), *x = malloc(n * sizeof *x), *want = malloc(t.n * sizeof *want);
        uint32_t *s = malloc(t.n * sizeof *s), *tg = malloc(t.n * sizeof *tg);
        double *lv = malloc(t.n * sizeof *lv);
        for (size_t mi = 0; mi < 5; mi++) {
            lev_params *p = params(measures[mi], LEV_DIR_IN, 0);
            cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-13), LEV_OK);
            measure(nets[k], p, M);
            for (size_t i = 0; i < t.n; i++) {
                lev_network *c = copy_without(nets[k], &t.u[i], &t.v[i], 1);
                measure(c, p, x);
                lev_network_free(c);
                want[i] = 0;
                for (size_t a = 0; a < n; a++) want[i] += fabs(x[a] - M[a]);
            }
            size_t len = 0;
            cr_assert_eq(lev_edge_leverage(nets[k], p, 0, NULL, NULL, NULL, &len), LEV_ERANGE);
            cr_assert_eq(len, t.n);
            cr_assert_eq(lev_edge_leverage(nets[k], p, t.n, s, tg, lv, &len), LEV_OK, "%s", lev_params_errmsg(p));
            cr_assert_eq(len, t.n);
            for (size_t i = 0; i < t.n; i++) {
                if (i) cr_assert(lv[i] <= lv[i - 1], "largest first");
                size_t j = 0;
                while (t.u[j] != s[i] || t.v[j] != tg[i]) j++;
                cr_assert_float_eq(lv[i], want[j], 1e-9, "net %zu measure %d tie %u -> %u", k, measures[mi], s[i],
                                   tg[i]);
            }
            lev_params_free(p);
        }
        free(M); free(x); free(want); free(s); free(tg); free(lv);
        ties_free(&t);
    }
    for (size_t k = 0; k < 3; k++) lev_network_free(nets[k]);
}

/* ---- edge cases ---------------------------------------------------------------------------------- */

Test(bypass, empty_and_one_actor) {
    lev_network *net;
    cr_assert_eq(lev_network_new(&net), LEV_OK);
    double s = 42, r = 42, nr = 42;
    uint32_t a = 7, b = 7;
    size_t len = 9;
    cr_assert_eq(lev_tie_bypass(net, NULL, &s, &s, &a, &b), LEV_OK);
    cr_assert_eq(s, 42);
    cr_assert_eq(lev_reliance(net, NULL, &r, &nr), LEV_OK);
    cr_assert_eq(r, 42);
    cr_assert_eq(nr, 0);
    cr_assert_eq(lev_edge_leverage(net, NULL, 0, NULL, NULL, NULL, &len), LEV_OK);
    cr_assert_eq(len, 0);
    cr_assert_eq(lev_actor_add(net, "solo", NULL, NULL), LEV_OK);
    cr_assert_eq(lev_tie_bypass(net, NULL, &s, &r, &a, &b), LEV_OK);
    cr_assert_eq(s, 1); /* PageRank of a lone actor */
    cr_assert_eq(r, 1);
    cr_assert_eq(a, LEV_NONE);
    cr_assert_eq(b, LEV_NONE);
    /* a self-loop: a tie of its actor; removing it leaves PageRank 1 (the push reads
     * r = 1/(1 − d) to within ε/(1 − d): survives 1 to within d·ε/(1 − d)²) */
    cr_assert_eq(lev_edge_add(net, 0, 0, 2, NULL, NULL), LEV_OK);
    cr_assert_eq(lev_tie_bypass(net, NULL, &s, &r, &a, &b), LEV_OK);
    cr_assert_float_eq(r, 1, 0.85 * 3e-4 / (0.15 * 0.15));
    cr_assert_eq(a, 0);
    cr_assert_eq(b, 0);
    lev_network_free(net);
}

Test(bypass, parallel_records_form_one_tie) {
    lev_network *net = dangling(); /* Alice → Bob twice (money 1, kinship 2) */
    lev_params *p = params(LEV_BYPASS_STRENGTH, LEV_DIR_OUT, 0);
    size_t n = lev_actor_count(net);
    double *sc = malloc(n * sizeof *sc), *sv = malloc(n * sizeof *sv);
    uint32_t alice, bob;
    cr_assert_eq(lev_actor_find(net, "Alice", &alice), LEV_OK);
    cr_assert_eq(lev_actor_find(net, "Bob", &bob), LEV_OK);
    uint32_t *ts = malloc(n * sizeof *ts), *tt = malloc(n * sizeof *tt);
    cr_assert_eq(lev_tie_bypass(net, p, sc, sv, ts, tt), LEV_OK);
    cr_assert_eq(ts[alice], alice);
    cr_assert_eq(tt[alice], bob);
    cr_assert_float_eq(sv[alice], (sc[alice] - 3) / sc[alice], 1e-15);
    lev_params_free(p);
    free(sc); free(sv); free(ts); free(tt);
    lev_network_free(net);
}

Test(bypass, misuse_and_limit) {
    lev_network *net = karate();
    size_t n = lev_actor_count(net);
    double *x = malloc(n * sizeof *x);
    size_t len;
    cr_assert_eq(lev_tie_bypass(NULL, NULL, x, x, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_tie_bypass(net, NULL, x, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_reliance(net, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_edge_leverage(net, NULL, 0, NULL, NULL, NULL, NULL), LEV_EMISUSE);
    cr_assert_eq(lev_edge_leverage(net, NULL, 3, NULL, NULL, NULL, &len), LEV_EMISUSE);
    lev_params *p = params(LEV_BYPASS_BETWEENNESS, LEV_DIR_ALL, 0);
    cr_assert_eq(lev_params_set_double(p, LEV_P_BYPASS_LIMIT, 1000), LEV_OK);
    x[0] = 42;
    cr_assert_eq(lev_tie_bypass(net, p, NULL, x, NULL, NULL), LEV_ELIMIT);
    cr_assert(strstr(lev_params_errmsg(p), "LEV_P_BYPASS_LIMIT"), "%s", lev_params_errmsg(p));
    cr_assert_eq(x[0], 42);
    cr_assert_eq(lev_edge_leverage(net, p, 0, NULL, NULL, NULL, &len), LEV_ERANGE); /* the count needs no work */
    uint32_t s[200], t[200];
    double lv[200];
    cr_assert_eq(lev_edge_leverage(net, p, 200, s, t, lv, &len), LEV_ELIMIT);
    cr_assert_eq(lev_params_set_int(p, LEV_P_BYPASS_MEASURE, 6), LEV_EINVAL);
    cr_assert_eq(lev_params_set_int(p, LEV_P_BYPASS_TIES, 0), LEV_EINVAL);
    lev_params_free(p);
    free(x);
    lev_network_free(net);
}

static int cancel_at_once(void *ud, double done) {
    (void)ud;
    (void)done;
    return 1;
}

Test(bypass, cancellable) {
    lev_network *net = karate();
    size_t n = lev_actor_count(net);
    double *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++) x[i] = 42;
    lev_params *p = params(LEV_BYPASS_PAGERANK, LEV_DIR_IN, 0);
    cr_assert_eq(lev_params_set_progress(p, cancel_at_once, NULL), LEV_OK);
    cr_assert_eq(lev_tie_bypass(net, p, NULL, x, NULL, NULL), LEV_ECANCELLED);
    cr_assert_eq(x[0], 42);
    lev_params_free(p);
    free(x);
    lev_network_free(net);
}

/* ---- channel bypass against brute force --------------------------------------------------------- */

/* doc: lev_channel_bypass, definition */
Test(bypass, channel_bypass_matches_brute_force) {
    lev_network *net = dangling(); /* channels money, kinship, office, ... and edges without one */
    size_t n = lev_actor_count(net), C = lev_channel_count(net);
    cr_assert(C >= 2, "the fixture has %zu channels", C);
    cr_assert_null(lev_channel_name(net, (uint32_t)C));
    double *sh = malloc(n * C * sizeof *sh), *dep = malloc(n * sizeof *dep);
    double *M = malloc(n * sizeof *M), *x = malloc(n * sizeof *x);
    int measures[] = {LEV_BYPASS_PAGERANK, LEV_BYPASS_DEGREE, LEV_BYPASS_STRENGTH, LEV_BYPASS_BETWEENNESS,
                      LEV_BYPASS_HARMONIC};
    for (size_t mi = 0; mi < 5; mi++)
        for (int dir = LEV_DIR_OUT; dir <= LEV_DIR_IN; dir++) {
            lev_params *p = params(measures[mi], dir, 0);
            cr_assert_eq(lev_params_set_double(p, LEV_P_TOLERANCE, 1e-13), LEV_OK);
            cr_assert_eq(lev_channel_bypass(net, p, sh, dep), LEV_OK, "%s", lev_params_errmsg(p));
            measure(net, p, M);
            double *lo = malloc(n * sizeof *lo);
            for (size_t a = 0; a < n; a++) lo[a] = 1;
            for (uint32_t c = 0; c < C; c++) {
                lev_network *cp;
                cr_assert_eq(lev_network_new(&cp), LEV_OK);
                for (uint32_t i = 0; i < n; i++) cr_assert_eq(lev_actor_add(cp, lev_actor_name(net, i), NULL, NULL), LEV_OK);
                for (size_t e = 0; e < lev_edge_count(net); e++) {
                    uint32_t s, t;
                    double w;
                    const char *ch;
                    lev_edge_get(net, e, &s, &t, &w, &ch);
                    if (ch && strcmp(ch, lev_channel_name(net, c)) == 0) continue;
                    cr_assert_eq(lev_edge_add(cp, s, t, w, ch, NULL), LEV_OK);
                }
                measure(cp, p, x);
                lev_network_free(cp);
                for (size_t a = 0; a < n; a++) {
                    double want = M[a] > 0 ? x[a] / M[a] : 1;
                    cr_assert_float_eq(sh[a * C + c], want, 1e-9, "measure %d dir %d channel %s actor %s",
                                       measures[mi], dir, lev_channel_name(net, c), lev_actor_name(net, (uint32_t)a));
                    if (want < lo[a]) lo[a] = want;
                }
            }
            for (size_t a = 0; a < n; a++) cr_assert_float_eq(dep[a], 1 - lo[a], 1e-9);
            free(lo);
            lev_params_free(p);
        }
    /* no channel: dependence 0, share untouched */
    lev_network *k = karate();
    size_t nk = lev_actor_count(k);
    double *dk = malloc(nk * sizeof *dk), one = 42;
    cr_assert_eq(lev_channel_count(k), 0);
    cr_assert_eq(lev_channel_bypass(k, NULL, &one, dk), LEV_OK);
    cr_assert_eq(one, 42);
    cr_assert_eq(dk[0], 0);
    cr_assert_eq(lev_channel_bypass(k, NULL, NULL, dk), LEV_EMISUSE);
    free(dk);
    lev_network_free(k);
    free(sh); free(dep); free(M); free(x);
    lev_network_free(net);
}
