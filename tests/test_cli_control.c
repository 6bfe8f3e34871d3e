/*
 * `leverage drivers` and `leverage keyplayers`: the numbers the tool prints are the library's
 * (N_D against NetworkX through tests/ref/ref_control.h; key players against the exhaustive
 * optimum there), in every format; usage errors.
 */
#include "helpers.h"

#include "ref/ref_control.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static size_t ref_nd_of(const char *csv, int form) {
    for (size_t k = 0; k < REF_CONTROL_ND_LEN; k++)
        if (!strcmp(ref_control_nd[k].csv, csv) && ref_control_nd[k].form == form) return ref_control_nd[k].nd;
    cr_assert_fail("no reference for %s", csv);
    return 0;
}

Test(cli_control, drivers_json_matches_networkx) {
    char cmd[1024], *out;
    const char *sets[] = {"tests/data/karate_edges.csv", "tests/data/lesmis_edges.csv",
                          "examples/data/florentine_edges.csv"};
    for (int s = 0; s < 3; s++)
        for (int und = 0; und <= 1; und++) {
            snprintf(cmd, sizeof cmd, "%s drivers --format json %s %s/%s", LEV_CLI, und ? "--undirected" : "",
                     LEV_SOURCE_DIR, sets[s]);
            cr_assert_eq(cli_run(cmd, &out), 0, "%s", cmd);
            char want[64];
            snprintf(want, sizeof want, "\"drivers\":%zu,", ref_nd_of(sets[s], und ? 2 : 0));
            cr_assert(strstr(out, want), "%s: %s lacks %s", cmd, out, want);
            free(out);
        }
}

Test(cli_control, drivers_csv_and_text) {
    char cmd[1024], *out;
    snprintf(cmd, sizeof cmd, "%s drivers --format csv %s/examples/data/florentine_edges.csv", LEV_CLI,
             LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strncmp(out, "actor,class,driver\n", 19) == 0, "%s", out);
    size_t rows = 0, drivers = 0;
    for (char *p = strchr(out, '\n'); p && p[1]; p = strchr(p + 1, '\n')) {
        rows++;
        char *eol = strchr(p + 1, '\n');
        drivers += eol && eol[-1] == '1';
    }
    cr_assert_eq(rows, 15);
    cr_assert_eq(drivers, ref_nd_of("examples/data/florentine_edges.csv", 0));
    free(out);
    snprintf(cmd, sizeof cmd, "%s drivers %s/examples/data/florentine_edges.csv", LEV_CLI, LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "Driver actors: 5 of 15 (33.3%)"), "%s", out);
    cr_assert(strstr(out, "possible):\n  Acciaiuoli, Albizzi, Barbadori, Bischeri, Pazzi\nControl classes"), "%s", out);
    free(out);
    /* the text names the first --top drivers, the rest counted */
    snprintf(cmd, sizeof cmd, "%s drivers --top 2 %s/examples/data/florentine_edges.csv", LEV_CLI, LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "possible):\n  Acciaiuoli, Albizzi and 3 more\nControl classes"), "%s", out);
    free(out);
}

Test(cli_control, keyplayers_reach_the_optimum) {
    char cmd[1024], *out;
    /* karate, fragmentation, k = 3: the exhaustive optimum over every 3-subset has one set */
    for (size_t r = 0; r < REF_KP_BEST_LEN; r++) {
        const ref_kp_best *x = &ref_kp_best_sets[r];
        if (strcmp(x->csv, "tests/data/karate_edges.csv") || x->measure != LEV_KP_FRAGMENT || x->k != 3) continue;
        snprintf(cmd, sizeof cmd, "%s keyplayers -k 3 --goal fragment --starts 8 --format json %s/%s", LEV_CLI,
                 LEV_SOURCE_DIR, x->csv);
        cr_assert_eq(cli_run(cmd, &out), 0, "%s", cmd);
        const char *sc = strstr(out, "\"score\":");
        cr_assert_not_null(sc, "%s", out);
        cr_assert(fabs(strtod(sc + 8, NULL) - x->best) < 1e-12, "%s", out);
        for (int i = 0; i < 3; i++) {
            char q[32];
            snprintf(q, sizeof q, "\"%s\"", x->first[i]);
            cr_assert(strstr(out, q), "%s lacks %s", out, q);
        }
        free(out);
        return;
    }
    cr_assert_fail("no karate fragmentation k = 3 reference");
}

Test(cli_control, keyplayers_formats_and_usage) {
    char cmd[1024], *out;
    snprintf(cmd, sizeof cmd, "%s keyplayers -k 2 --goal fragment --format csv %s/examples/data/florentine_edges.csv",
             LEV_CLI, LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert_str_eq(out, "actor,goal,score\nMedici,fragment,0.7051282051282051\nGuadagni,fragment,0.7051282051282051\n");
    free(out);
    snprintf(cmd, sizeof cmd, "%s keyplayers --goal fragment %s/examples/data/florentine_edges.csv 2>&1", LEV_CLI,
             LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 2);
    cr_assert(strstr(out, "needs -k K"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s keyplayers -k 99 %s/examples/data/florentine_edges.csv 2>&1", LEV_CLI,
             LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 1);
    cr_assert(strstr(out, "k = 99 must be from 1 to the number of actors (15)"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s keyplayers -k 2 --goal influence %s/examples/data/florentine_edges.csv 2>&1",
             LEV_CLI, LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 2);
    cr_assert(strstr(out, "--goal takes reach, dreach, fragment or dfragment"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s keyplayers -k 2 --distance 0 %s/examples/data/florentine_edges.csv 2>&1", LEV_CLI,
             LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &out), 2);
    cr_assert(strstr(out, "kp_distance must be in [1, 2147483647]"), "%s", out);
    free(out);
    /* same set for any thread count */
    char *one, *four;
    snprintf(cmd, sizeof cmd, "%s keyplayers -k 3 --goal dreach --starts 4 --threads 1 --format json %s/tests/data/lesmis_edges.csv",
             LEV_CLI, LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &one), 0);
    snprintf(cmd, sizeof cmd, "%s keyplayers -k 3 --goal dreach --starts 4 --threads 4 --format json %s/tests/data/lesmis_edges.csv",
             LEV_CLI, LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &four), 0);
    cr_assert_str_eq(one, four);
    free(one);
    free(four);
}

/* Distance-weighted fragmentation past hours of work says so before it starts (the run itself
 * is cut by timeout(1) after the notice): about 15 600 actors, 30 000 ties and k = 3 are about
 * 3e13 steps. A small network gets no notice. */
Test(cli_control, keyplayers_dfragment_warns_when_it_would_take_hours) {
    char *dir = test_tmpdir("kpwarn"), path[256], cmd[1024], *err;
    snprintf(path, sizeof path, "%s/big.csv", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("source,target,weight\n", f);
    uint64_t st = 7;
    for (int e = 0; e < 30000; e++) {
        unsigned a = (unsigned)(test_rnd(&st) % 16000), b = (unsigned)(test_rnd(&st) % 16000);
        fprintf(f, "a%u,a%u,1\n", a, b);
    }
    fclose(f);
    snprintf(cmd, sizeof cmd, "timeout 2 %s keyplayers -k 3 --goal dfragment %s 2>&1 >/dev/null", LEV_CLI, path);
    cli_run(cmd, &err);
    cr_assert(strstr(err, "leverage: notice: dfragment scores every candidate by a search from each of the") &&
                  strstr(err, "--goal fragment needs one search per step"),
              "%s", err);
    free(err);
    snprintf(cmd, sizeof cmd, "%s keyplayers -k 2 --goal dfragment %s/tests/data/karate_edges.csv 2>&1 >/dev/null",
             LEV_CLI, LEV_SOURCE_DIR);
    cr_assert_eq(cli_run(cmd, &err), 0);
    cr_assert_null(strstr(err, "dfragment scores"), "%s", err);
    free(err);
    unlink(path);
    test_rmdir(dir);
}
