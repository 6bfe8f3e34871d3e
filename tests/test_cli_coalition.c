/*
 * `leverage coalition` and the "alliances" section of `leverage analyze`: the tool prints what
 * the library computes (values checked in tests/test_coalition.c), in text, CSV and JSON.
 */
#include "helpers.h"

#include <sys/wait.h>
#include <unistd.h>

#define FLO SRC("examples/data/florentine_edges.csv") " --actors " SRC("examples/data/florentine_actors.csv") \
    " --resources " SRC("examples/data/florentine_resources.csv")

static void has(const char *text, const char *needle) {
    cr_assert_not_null(strstr(text, needle), "no \"%s\" in:\n%s", needle, text);
}

Test(cli_coalition, text_on_the_florentine_families) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --top 4", &out), 0);
    has(out, "strictly more than 50.0% of 681 wealth");
    has(out, "1. Strozzi                  Shapley-Shubik 24.7%, Banzhaf 24.8%, holds 21.4%");
    has(out, "Barbadori, Medici, Peruzzi, Strozzi\n  4 actors holding 353 (51.8%); exact.");
    has(out, "Minimal winning coalitions (each member needed): 1530");
    free(out);
}

/* Text names the first --top minimal winning coalitions, the first the JSON lists, under the
 * full count (the tool lists no more than it shows: 100 000 coalitions of 1 469 members once
 * took 1.2 GB to show 5). */
Test(cli_coalition, text_lists_top_coalitions_under_the_full_count) {
    char *out, *json;
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --top 2", &out), 0);
    const char *at = strstr(out, "Minimal winning coalitions (each member needed): 1530\n");
    cr_assert_not_null(at, "%s", out);
    at = strchr(at, '\n') + 1;
    int lines = 0;
    while (at[0] == ' ' && at[1] == ' ') lines++, at = strchr(at, '\n') + 1;
    cr_assert_eq(lines, 2, "%s", out);
    has(out, "\n  Barbadori, Medici, Peruzzi, Strozzi\n  Barbadori, Medici, Pazzi, Strozzi\n");
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --format json", &json), 0);
    has(json, "\"listed\":[[\"Barbadori\",\"Medici\",\"Peruzzi\",\"Strozzi\"],[\"Barbadori\",\"Medici\",\"Pazzi\",\"Strozzi\"],[");
    free(json);
    free(out);
}

Test(cli_coalition, csv_rows_sum_to_one) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --format csv", &out), 0);
    const char *hdr = "actor,holds,banzhaf_raw,banzhaf,shapley_shubik,banzhaf_raw_err,shapley_shubik_err,"
                      "deegan_packel,holler_packel,in_cheapest_alliance\n";
    cr_assert(strncmp(out, hdr, strlen(hdr)) == 0, "%s", out);
    double ss = 0, bz = 0, dp = 0;
    int rows = 0, members = 0;
    for (char *line = strtok(out + strlen(hdr), "\n"); line; line = strtok(NULL, "\n"), rows++) {
        double v[9];
        char *c = strchr(line, ',');
        cr_assert_not_null(c);
        for (int k = 0; k < 9; k++) {
            v[k] = strtod(c + 1, &c);
            cr_assert(*c == ',' || (k == 8 && *c == 0), "row %s", line);
        }
        bz += v[2];
        ss += v[3];
        dp += v[6];
        members += (int)v[8];
    }
    cr_assert_eq(rows, 16);
    cr_assert_eq(members, 4);
    cr_assert_float_eq(ss, 1, 1e-12);
    cr_assert_float_eq(bz, 1, 1e-12);
    cr_assert_float_eq(dp, 1, 1e-12);
    free(out);
}

Test(cli_coalition, json_connected_sampled_and_costs) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --format json --coalition-limit 2", &out), 0);
    has(out, "\"method\":\"exact\"");
    has(out, "\"minimal_winning\":{\"count\":1530,\"listed\":[[\"Barbadori\",\"Medici\",\"Peruzzi\",\"Strozzi\"],[");
    has(out, "\"cheapest_alliance\":{\"size\":4,\"members\":[\"Barbadori\",\"Medici\",\"Peruzzi\",\"Strozzi\"],\"cost\":4,"
             "\"method\":\"exact\"}");
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --connected --enum-limit 0 --coalition-samples 2000", &out), 0);
    has(out, "(sampled: estimates ± one standard error)");
    has(out, "computed for the plain game only");
    has(out, "a greedy search, not guaranteed cheapest");
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --connected", &out), 0);
    has(out, "Who holds the swing votes? (exact)");
    has(out, "1. Medici ");
    free(out);
    /* wealth as its own cost: the least wealth that still holds a majority */
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --cost wealth --quota 341", &out), 0);
    has(out, "The cheapest alliance (least cost)");
    has(out, "total cost 341;");
    free(out);
}

Test(cli_coalition, un_security_council) {
    char dir[] = "/tmp/lev_coalition_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[256], cmd[1024];
    snprintf(path, sizeof path, "%s/edges.csv", dir);
    FILE *f = fopen(path, "w");
    fputs("source,target,weight\nP1,P2,1\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/actors.csv", dir);
    f = fopen(path, "w");
    fputs("name\n", f);
    for (int i = 1; i <= 15; i++) fprintf(f, "%s%d\n", i <= 5 ? "P" : "E", i);
    fclose(f);
    snprintf(path, sizeof path, "%s/votes.csv", dir);
    f = fopen(path, "w");
    fputs("actor,resource,holds,needs\n", f);
    for (int i = 1; i <= 15; i++) fprintf(f, "%s%d,votes,%d,0\n", i <= 5 ? "P" : "E", i, i <= 5 ? 7 : 1);
    fclose(f);
    snprintf(cmd, sizeof cmd, LEV_CLI " coalition %s/edges.csv --actors %s/actors.csv --resources %s/votes.csv "
             "--quota 39 --top 6", dir, dir, dir);
    char *out;
    cr_assert_eq(cli_run(cmd, &out), 0, "%s", out);
    has(out, "at least 39 votes");
    has(out, "Shapley-Shubik 19.6%, Banzhaf 16.7%"); /* 0.1963 and 0.1669 (Straffin 1994) */
    has(out, "6. E6                       Shapley-Shubik 0.2%, Banzhaf 1.7%");
    has(out, "Minimal winning coalitions (each member needed): 210");
    free(out);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

Test(cli_coalition, errors) {
    cr_assert_eq(cli_run(LEV_CLI " coalition " SRC("examples/data/florentine_edges.csv") " 2>/dev/null", NULL), 2,
                 "--resources is required");
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --resource gold 2>/dev/null", NULL), 1);
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --cost gold 2>/dev/null", NULL), 1);
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --quota-fraction 2 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " coalition " FLO " --undirected 2>/dev/null", NULL), 2, "not read: refused");
}

Test(cli_coalition, analyze_has_an_alliances_section) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " analyze", &out), 0);
    has(out, "== Alliances over wealth ==\nThe cheapest alliance to a majority");
    has(out, "Most voting power over wealth, majority rule (exact):\n   1. Strozzi");
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " analyze --format json", &out), 0);
    has(out, ",\"alliances\":{\"resource\":\"wealth\",\"quota_fraction\":0.5,\"cheapest_alliance\":{\"size\":4,"
             "\"members\":[\"Barbadori\",\"Medici\",\"Peruzzi\",\"Strozzi\"]");
    free(out);
    /* at most --top members named, the heaviest first */
    cr_assert_eq(cli_run(LEV_CLI " analyze --top 2", &out), 0);
    has(out, "  Strozzi, Medici and 2 more\n  4 actors holding 353 (51.8%); exact.");
    free(out);
    /* no resources: no section */
    cr_assert_eq(cli_run(LEV_CLI " analyze " SRC("examples/data/florentine_edges.csv") " 2>/dev/null", &out), 0);
    cr_assert_null(strstr(out, "Alliances"));
    free(out);
}
