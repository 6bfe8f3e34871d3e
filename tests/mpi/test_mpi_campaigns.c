/*
 * lev_mpi_seeds and lev_mpi_spread against lev_seeds and lev_spread, under mpirun -np 1, 2 and 4.
 *
 * Every rank also loads the whole file with lev_read_file(); the distributed results must equal
 * the single-process ones bit for bit: the same seeds in the same order, the same gains, spread,
 * certified ratio, RR sets and RR bytes; the same spread, standard error, interval and
 * per-actor chances. On the classic data sets (owned by rank 0 alone: fewer than 2048 actors,
 * but the samples are still split over the ranks) and on a generated network of 9000 actors
 * that several ranks own. Bad input on one rank only (the docs/bad-input.md rows 460-469) gives
 * every rank the same status and message and writes no output.
 *
 * Usage: test_mpi_campaigns DATA_DIR SCRATCH_DIR (a plain program: Criterion's forking does not
 * mix with MPI).
 */
#include "leverage_mpi.h"
#include "mpi_check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* One option set: up to three int keys and one double key (0: none). */
typedef struct opts {
    const char *what;
    lev_param k1; int64_t v1;
    lev_param k2; int64_t v2;
    lev_param k3; int64_t v3;
    lev_param kd; double vd;
} opts;

static void apply(lev_params *p, const opts *o) {
    lev_params_reset(p);
    if (o->k1) lev_params_set_int(p, o->k1, o->v1);
    if (o->k2) lev_params_set_int(p, o->k2, o->v2);
    if (o->k3) lev_params_set_int(p, o->k3, o->v3);
    if (o->kd) lev_params_set_double(p, o->kd, o->vd);
}

/* rule (and cost) of the whole network, from the actor id: some excluded, and (with_rule 1) a few
 * required. */
static uint8_t rule_of(uint64_t v, uint64_t n, int with_rule) {
    if (with_rule == 1 && n > 20 && (v % 1700 == 3 || v == 4)) return LEV_SEED_REQUIRED;
    return v % 5 == 1 ? LEV_SEED_EXCLUDED : LEV_SEED_ALLOWED;
}
static double cost_of(uint64_t v) { return 1 + (double)(v % 4); }

static void compare_seeds(const lev_network *net, lev_mpi_network *dn, const opts *o, size_t k, int with_rule,
                          const char *path) {
    size_t n = lev_actor_count(net);
    uint64_t first = 0, count = 0;
    lev_mpi_owned(dn, &first, &count);
    lev_params *p = NULL;
    lev_params_new(&p);
    apply(p, o);
    if (n > 2048 && o->kd != LEV_P_SEEDS_EPSILON) lev_params_set_double(p, LEV_P_SEEDS_EPSILON, 0.3); /* fast */
    uint8_t *rule = NULL, *lrule = NULL;
    double *cost = NULL, *lcost = NULL;
    if (with_rule) {
        rule = malloc(n + 1);
        cost = malloc((n + 1) * sizeof *cost);
        lrule = malloc(count + 1);
        lcost = malloc((count + 1) * sizeof *lcost);
        size_t nreq = 0;
        for (size_t v = 0; v < n; v++) {
            rule[v] = rule_of(v, n, with_rule);
            nreq += rule[v] == LEV_SEED_REQUIRED;
            cost[v] = cost_of(v);
        }
        if (nreq > k) k = nreq + 2;
        for (uint64_t i = 0; i < count; i++) {
            lrule[i] = rule[first + i];
            lcost[i] = cost[first + i];
        }
    }
    size_t nk = k < n ? k : n;
    uint32_t *s1 = malloc((nk + 1) * sizeof *s1);
    uint64_t *sd = malloc((nk + 1) * sizeof *sd);
    double *g1 = malloc((nk + 1) * sizeof *g1), *gd = malloc((nk + 1) * sizeof *gd);
    size_t len1 = 0, lend = 0;
    double sp1 = 0, spd = 0, r1 = 0, rd = 0;
    uint64_t sets1 = 0, setsd = 0, b1 = 0, bd = 0;
    lev_status rc1 = lev_seeds(net, k, rule, cost, p, s1, g1, &len1, &sp1, &r1, &sets1, &b1);
    CHECK(rc1 == LEV_OK, "%s %s: lev_seeds: %s", path, o->what, lev_params_errmsg(p));
    lev_status rcd = lev_mpi_seeds(dn, k, lrule, lcost, p, sd, gd, &lend, &spd, &rd, &setsd, &bd);
    CHECK(rcd == LEV_OK, "%s %s: lev_mpi_seeds: %s", path, o->what, lev_mpi_errmsg(dn));
    if (rc1 == LEV_OK && rcd == LEV_OK) {
        CHECK(lend == len1, "%s %s: %zu seeds, want %zu", path, o->what, lend, len1);
        for (size_t j = 0; j < len1 && j < lend; j++) {
            CHECK(sd[j] == s1[j], "%s %s: seed %zu is %llu, want %u", path, o->what, j, (unsigned long long)sd[j], s1[j]);
            CHECK(same_bits(gd[j], g1[j]), "%s %s: gain %zu is %.17g, want %.17g", path, o->what, j, gd[j], g1[j]);
        }
        CHECK(same_bits(spd, sp1), "%s %s: spread %.17g, want %.17g", path, o->what, spd, sp1);
        CHECK(same_bits(rd, r1), "%s %s: ratio %.17g, want %.17g", path, o->what, rd, r1);
        CHECK(setsd == sets1, "%s %s: %llu RR sets, want %llu", path, o->what, (unsigned long long)setsd,
              (unsigned long long)sets1);
        CHECK(bd == b1, "%s %s: %llu RR bytes, want %llu", path, o->what, (unsigned long long)bd, (unsigned long long)b1);
    }
    free(rule); free(cost); free(lrule); free(lcost); free(s1); free(sd); free(g1); free(gd);
    lev_params_free(p);
}

static void compare_spread(const lev_network *net, lev_mpi_network *dn, const opts *o, const char *path) {
    size_t n = lev_actor_count(net);
    uint64_t first = 0, count = 0;
    lev_mpi_owned(dn, &first, &count);
    lev_params *p = NULL;
    lev_params_new(&p);
    apply(p, o);
    /* seeds: the actors 0, n/3 and n − 1 (distinct when n ≥ 3) */
    uint32_t s1[3];
    uint64_t sd[3];
    size_t ns = n >= 3 ? 3 : n;
    for (size_t i = 0; i < ns; i++) s1[i] = (uint32_t)(i == 0 ? 0 : i == 1 ? n / 3 : n - 1), sd[i] = s1[i];
    double sp1, se1, ci1[2], spd, sed, cid[2];
    double *pr1 = malloc((n + 1) * sizeof *pr1), *prd = malloc((count + 1) * sizeof *prd);
    lev_status rc1 = lev_spread(net, s1, ns, p, &sp1, &se1, ci1, pr1);
    CHECK(rc1 == LEV_OK, "%s %s: lev_spread: %s", path, o->what, lev_params_errmsg(p));
    lev_status rcd = lev_mpi_spread(dn, sd, ns, p, &spd, &sed, cid, prd);
    CHECK(rcd == LEV_OK, "%s %s: lev_mpi_spread: %s", path, o->what, lev_mpi_errmsg(dn));
    if (rc1 == LEV_OK && rcd == LEV_OK) {
        CHECK(same_bits(spd, sp1) && same_bits(sed, se1) && same_bits(cid[0], ci1[0]) && same_bits(cid[1], ci1[1]),
              "%s %s: spread %.17g se %.17g, want %.17g %.17g", path, o->what, spd, sed, sp1, se1);
        for (uint64_t i = 0; i < count; i++)
            if (!same_bits(prd[i], pr1[first + i])) {
                CHECK(0, "%s %s: chance of actor %llu is %.17g, want %.17g", path, o->what,
                      (unsigned long long)(first + i), prd[i], pr1[first + i]);
                break;
            }
        /* the seeds themselves are always reached */
        CHECK(spd >= (double)ns, "%s %s: spread %g below the %zu seeds", path, o->what, spd, ns);
    }
    free(pr1);
    free(prd);
    lev_params_free(p);
}

static const opts seed_cases[] = {
    {"ic wc", 0, 0, 0, 0, 0, 0, 0, 0},
    {"ic constant 0.1", LEV_P_PROBABILITY, LEV_PROB_CONSTANT, 0, 0, 0, 0, LEV_P_CONSTANT_PROBABILITY, 0.1},
    {"lt weighted", LEV_P_MODEL, LEV_MODEL_LT, 0, 0, 0, 0, 0, 0},
    {"lt unweighted seed 7", LEV_P_MODEL, LEV_MODEL_LT, LEV_P_WEIGHTED, 0, LEV_P_SEED, 7, 0, 0},
    {"ic wc 2 threads eps 0.3", LEV_P_THREADS, 2, LEV_P_SEED, 3, 0, 0, LEV_P_SEEDS_EPSILON, 0.3},
};

static void compare_file(const char *path, int small, int strength_ok) {
    lev_network *net = NULL;
    lev_network_new(&net);
    lev_status src = lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL);
    CHECK(src == LEV_OK, "single-process read of %s: %s", path, lev_errmsg(net));
    lev_mpi_network *dn = NULL;
    lev_mpi_network_new(MPI_COMM_WORLD, &dn);
    lev_status drc = lev_mpi_read_edges(dn, path, NULL);
    CHECK(drc == LEV_OK, "distributed read of %s: %s", path, lev_mpi_errmsg(dn));
    if (src == LEV_OK && drc == LEV_OK) {
        size_t ncase = sizeof seed_cases / sizeof seed_cases[0];
        for (size_t c = 0; c < ncase; c++) compare_seeds(net, dn, &seed_cases[c], small ? 4 : 6, 0, path);
        /* required and excluded actors; a budget over costs */
        compare_seeds(net, dn, &seed_cases[0], 5, 1, path);
        opts budget = {"ic wc budget 6", 0, 0, 0, 0, 0, 0, LEV_P_BUDGET, 6};
        compare_seeds(net, dn, &budget, 5, 2, path);
        if (strength_ok) {
            opts st = {"ic strength", LEV_P_PROBABILITY, LEV_PROB_STRENGTH, 0, 0, 0, 0, 0, 0};
            compare_seeds(net, dn, &st, 3, 0, path);
            compare_spread(net, dn, &st, path);
        }
        opts sp[] = {{"spread ic wc 2000 runs", LEV_P_RUNS, 2000, 0, 0, 0, 0, 0, 0},
                     {"spread lt 1500 runs 2 threads", LEV_P_MODEL, LEV_MODEL_LT, LEV_P_RUNS, 1500, LEV_P_THREADS, 2, 0, 0},
                     {"spread ic constant 1 run", LEV_P_PROBABILITY, LEV_PROB_CONSTANT, LEV_P_RUNS, 1, 0, 0,
                      LEV_P_CONSTANT_PROBABILITY, 0.2}};
        for (size_t c = 0; c < sizeof sp / sizeof sp[0]; c++) compare_spread(net, dn, &sp[c], path);
    }
    lev_mpi_network_free(dn);
    lev_network_free(net);
}

/* A skewed random network of n actors and m edges; strengths in (0, 1] unless big. */
static void write_generated(const char *path, uint32_t n, uint32_t m, int big) {
    FILE *f = fopen(path, "wb");
    if (!f) { fprintf(stderr, "cannot write %s\n", path); exit(2); }
    fprintf(f, "source,target,strength\n");
    static const double ws[] = {1, 0.5, 0.25, 0.1, 0.75, 1e-3, 0.05};
    for (uint32_t e = 0; e < m; e++) {
        double u = (double)(next() % 1000000) / 1e6, v = (double)(next() % 1000000) / 1e6;
        uint32_t s = (uint32_t)(u * u * n), t = (uint32_t)(v * n);
        if (e % 97 == 0) t = s; /* self-loops */
        double w = ws[next() % 7];
        if (big && e == m - 3) w = 2.5; /* one strength above 1, in the last rank's part */
        fprintf(f, "a%u,a%u,%.17g\n", s, t, w);
    }
    fclose(f);
}

/* The same status and message on every rank, and the message wanted. */
static void same_error(lev_mpi_network *dn, lev_status rc, lev_status want, const char *msg, const char *row) {
    CHECK(rc == want, "row %s: status %d, want %d (%s)", row, (int)rc, (int)want, lev_mpi_errmsg(dn));
    CHECK(strcmp(lev_mpi_errmsg(dn), msg) == 0, "row %s: message \"%s\", want \"%s\"", row, lev_mpi_errmsg(dn), msg);
    char mine[512] = {0}, root[512] = {0};
    snprintf(mine, sizeof mine, "%s", lev_mpi_errmsg(dn));
    memcpy(root, mine, sizeof root);
    MPI_Bcast(root, (int)sizeof root, MPI_CHAR, 0, MPI_COMM_WORLD);
    CHECK(strcmp(mine, root) == 0, "row %s: rank %d says \"%s\", rank 0 \"%s\"", row, me, mine, root);
}

/* docs/bad-input.md rows 460-469, on the generated network that several ranks own. */
static void bad_rows(const char *path, const char *bigpath) {
    lev_mpi_network *dn = NULL;
    lev_mpi_network_new(MPI_COMM_WORLD, &dn);
    uint64_t seeds[4] = {7, 7, 7, 7}, sp[2];
    double g[4] = {-1, -1, -1, -1}, spread = -1, x = -1;
    size_t len = 99;
    /* 460: not loaded */
    same_error(dn, lev_mpi_seeds(dn, 3, NULL, NULL, NULL, seeds, g, &len, &spread, NULL, NULL, NULL), LEV_EMISUSE,
               "seeds: the network is not loaded", "460");
    same_error(dn, lev_mpi_spread(dn, NULL, 0, NULL, &spread, NULL, NULL, NULL), LEV_EMISUSE,
               "spread: the network is not loaded", "460");
    CHECK(lev_mpi_read_edges(dn, path, NULL) == LEV_OK, "load %s: %s", path, lev_mpi_errmsg(dn));
    uint64_t first = 0, count = 0, n = lev_mpi_actor_count(dn);
    lev_mpi_owned(dn, &first, &count);
    CHECK(n == 8997, "the generated network has %llu actors; docs/bad-input.md row 467 says 8997", (unsigned long long)n);
    /* 461: k 0 */
    same_error(dn, lev_mpi_seeds(dn, 0, NULL, NULL, NULL, seeds, g, &len, &spread, NULL, NULL, NULL), LEV_EINVAL,
               "seeds: k is 0 (at least one seed must be asked for)", "461");
    /* 462: NULL len */
    same_error(dn, lev_mpi_seeds(dn, 3, NULL, NULL, NULL, seeds, g, NULL, &spread, NULL, NULL, NULL), LEV_EMISUSE,
               "seeds: len is NULL", "462");
    /* 463: a bad rule on the last rank's part only */
    uint8_t *rule = calloc(count + 1, 1);
    double *cost = malloc((count + 1) * sizeof *cost);
    for (uint64_t i = 0; i < count; i++) cost[i] = 1;
    char want[512];
    uint64_t bad = n - 5; /* owned by the last rank that owns actors */
    if (bad >= first && bad < first + count) rule[bad - first] = 3;
    snprintf(want, sizeof want,
             "seeds: rule[%llu] (actor %llu, a%s) is 3, not a lev_seed_rule (0 allowed, 1 required, 2 excluded)",
             (unsigned long long)(bad - (bad / 2048) * 2048 - 0), (unsigned long long)bad, "");
    {
        /* the name and local index come from the owner: ask it */
        char nm[256] = {0};
        uint64_t loc = 0;
        if (bad >= first && bad < first + count) {
            snprintf(nm, sizeof nm, "%s", lev_mpi_actor_name(dn, bad));
            loc = bad - first;
        }
        MPI_Allreduce(MPI_IN_PLACE, nm, (int)sizeof nm, MPI_CHAR, MPI_MAX, MPI_COMM_WORLD);
        MPI_Allreduce(MPI_IN_PLACE, &loc, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
        snprintf(want, sizeof want,
                 "seeds: rule[%llu] (actor %llu, %s) is 3, not a lev_seed_rule (0 allowed, 1 required, 2 excluded)",
                 (unsigned long long)loc, (unsigned long long)bad, nm);
    }
    same_error(dn, lev_mpi_seeds(dn, 3, rule, NULL, NULL, seeds, g, &len, &spread, NULL, NULL, NULL), LEV_EINVAL, want,
               "463");
    CHECK(seeds[0] == 7 && g[0] == -1 && len == 99 && spread == -1, "row 463: outputs untouched");
    /* 464: a bad cost on one rank only, with a budget */
    memset(rule, 0, count + 1);
    lev_params *p = NULL;
    lev_params_new(&p);
    lev_params_set_double(p, LEV_P_BUDGET, 5);
    char nm[256] = {0};
    uint64_t loc = 0;
    if (bad >= first && bad < first + count) {
        cost[bad - first] = -2;
        snprintf(nm, sizeof nm, "%s", lev_mpi_actor_name(dn, bad));
        loc = bad - first;
    }
    MPI_Allreduce(MPI_IN_PLACE, nm, (int)sizeof nm, MPI_CHAR, MPI_MAX, MPI_COMM_WORLD);
    MPI_Allreduce(MPI_IN_PLACE, &loc, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
    snprintf(want, sizeof want, "seeds: cost[%llu] (actor %llu, %s) must be finite and > 0 (got -2)",
             (unsigned long long)loc, (unsigned long long)bad, nm);
    same_error(dn, lev_mpi_seeds(dn, 3, rule, cost, p, seeds, g, &len, &spread, NULL, NULL, NULL), LEV_EINVAL, want,
               "464");
    /* 465: more required seeds than k (required on one rank's part only) */
    lev_params_reset(p);
    for (uint64_t i = 0; i < count && i < 3; i++) if (first + count == n) rule[i] = LEV_SEED_REQUIRED;
    {
        uint64_t nreq = 0;
        for (uint64_t i = 0; i < count; i++) nreq += rule[i] == LEV_SEED_REQUIRED;
        MPI_Allreduce(MPI_IN_PLACE, &nreq, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
        snprintf(want, sizeof want, "seeds: %llu actors are required seeds but k is 2", (unsigned long long)nreq);
    }
    same_error(dn, lev_mpi_seeds(dn, 2, rule, NULL, p, seeds, g, &len, &spread, NULL, NULL, NULL), LEV_EINVAL, want,
               "465");
    /* 466: a target group (the distributed network has none) */
    lev_params_set_int(p, LEV_P_TARGET_GROUP, 0);
    same_error(dn, lev_mpi_seeds(dn, 3, NULL, NULL, p, seeds, g, &len, &spread, NULL, NULL, NULL), LEV_EINVAL,
               "seeds: target group 0 is not a group (the network has 0)", "466");
    /* 467: a seed that is not an actor */
    lev_params_reset(p);
    sp[0] = 1;
    sp[1] = n;
    snprintf(want, sizeof want, "spread: seeds[1] is %llu, not an actor (the network has %llu)", (unsigned long long)n,
             (unsigned long long)n);
    same_error(dn, lev_mpi_spread(dn, sp, 2, p, &spread, NULL, NULL, NULL), LEV_EINVAL, want, "467");
    /* 468: a repeated seed */
    sp[1] = 1;
    same_error(dn, lev_mpi_spread(dn, sp, 2, p, &spread, NULL, NULL, NULL), LEV_EINVAL,
               "spread: seeds[1] = 1 repeats seeds[0]", "468");
    CHECK(spread == -1, "rows 467-468: spread untouched");
    (void)x;
    free(rule);
    free(cost);
    lev_mpi_network_free(dn);
    /* 469: a strength above 1 under LEV_PROB_STRENGTH, in the last rank's part */
    lev_mpi_network_new(MPI_COMM_WORLD, &dn);
    CHECK(lev_mpi_read_edges(dn, bigpath, NULL) == LEV_OK, "load %s: %s", bigpath, lev_mpi_errmsg(dn));
    lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_STRENGTH);
    lev_status rc = lev_mpi_seeds(dn, 3, NULL, NULL, p, seeds, g, &len, &spread, NULL, NULL, NULL);
    CHECK(rc == LEV_EINVAL, "row 469: status %d", (int)rc);
    CHECK(strstr(lev_mpi_errmsg(dn), "has strength 2.5, but with LEV_PROB_STRENGTH") != NULL, "row 469: %s",
          lev_mpi_errmsg(dn));
    rc = lev_mpi_spread(dn, sp, 1, p, &spread, NULL, NULL, NULL);
    char msg[512];
    snprintf(msg, sizeof msg, "%s", lev_mpi_errmsg(dn));
    CHECK(strncmp(msg, "spread: an edge into ", 21) == 0 && strstr(msg, "has strength 2.5, but with LEV_PROB_STRENGTH"),
          "row 469: %s", msg);
    same_error(dn, rc, LEV_EINVAL, msg, "469");
    lev_mpi_network_free(dn);
    lev_params_free(p);
}

/* An empty network (a header only): no seeds, nothing spreads, as on one process. */
static void empty(const char *path) {
    lev_mpi_network *dn = NULL;
    lev_mpi_network_new(MPI_COMM_WORLD, &dn);
    CHECK(lev_mpi_read_edges(dn, path, NULL) == LEV_OK, "load %s: %s", path, lev_mpi_errmsg(dn));
    uint64_t s[1] = {9}, sets = 9, bytes = 9;
    size_t len = 9;
    double sp = -1, ratio = -1;
    CHECK(lev_mpi_seeds(dn, 3, NULL, NULL, NULL, s, NULL, &len, &sp, &ratio, &sets, &bytes) == LEV_OK, "empty: %s",
          lev_mpi_errmsg(dn));
    CHECK(len == 0 && sp == 0 && ratio == 1 && sets == 0 && bytes == 0, "empty: len %zu spread %g ratio %g", len, sp,
          ratio);
    CHECK(lev_mpi_spread(dn, NULL, 0, NULL, &sp, NULL, NULL, NULL) == LEV_OK && sp == 0, "empty spread");
    lev_mpi_network_free(dn);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &nranks);
    if (argc != 3) {
        if (me == 0) fprintf(stderr, "usage: test_mpi_campaigns DATA_DIR SCRATCH_DIR\n");
        MPI_Finalize();
        return 2;
    }
    struct { const char *file; int strength_ok; } files[] = {
        {"examples/data/florentine_edges.csv", 1}, {"tests/data/karate_weighted_edges.csv", 0},
        {"tests/data/directed_dangling.csv", 0}, {"tests/data/lesmis_edges.csv", 0}};
    char path[4096];
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        snprintf(path, sizeof path, "%s/%s", argv[1], files[k].file);
        compare_file(path, 1, files[k].strength_ok);
    }
    char gen[4096], big[4096], emp[4096];
    snprintf(gen, sizeof gen, "%s/mpi_camp_gen_np%d.csv", argv[2], nranks);
    snprintf(big, sizeof big, "%s/mpi_camp_big_np%d.csv", argv[2], nranks);
    snprintf(emp, sizeof emp, "%s/mpi_camp_empty_np%d.csv", argv[2], nranks);
    if (me == 0) {
        rng = 11; write_generated(gen, 9000, 40000, 0);
        rng = 12; write_generated(big, 9000, 20000, 1);
        FILE *f = fopen(emp, "wb");
        if (f) { fputs("source,target,strength\n", f); fclose(f); }
    }
    MPI_Barrier(MPI_COMM_WORLD);
    compare_file(gen, 0, 1);
    bad_rows(gen, big);
    empty(emp);
    return mpi_check_finish("test_mpi_campaigns");
}
