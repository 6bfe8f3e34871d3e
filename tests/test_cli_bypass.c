/* `leverage bypass` and the report's fragile leverage section: the worked example of
 * docs/bypass_leverage.md through the tool, the JSON shape, --source, usage errors. */
#include "helpers.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* The worked example as a CSV file; returns its path (static buffer). */
static const char *worked_csv(void) {
    static char path[] = "/tmp/lev_bypass_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    const char text[] = "source,target,weight\nAnn,Bob,2\nBob,Ann,1\nAnn,Cal,1\nDee,Ann,3\n";
    cr_assert_eq(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    return path;
}

Test(cli_bypass, json_worked_example) {
    const char *csv = worked_csv();
    char cmd[512], *out;
    snprintf(cmd, sizeof cmd, LEV_CLI " bypass --measure strength --source Dee --format json %s", csv);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "{\"measure\":\"strength\",\"reliance\":0.714285714285714"), "%s", out);
    cr_assert(strstr(out, "{\"actor\":\"Ann\",\"score\":7,\"survives\":0.571428571428571"), "%s", out);
    cr_assert(strstr(out, "\"costliest_tie\":{\"source\":\"Dee\",\"target\":\"Ann\"},\"reliance\":0.714285714285714"),
              "%s", out);
    cr_assert(strstr(out, "\"edges\":[{\"source\":\"Dee\",\"target\":\"Ann\",\"leverage\":6},"), "%s", out);
    cr_assert(strstr(out, "\"articulation_points\":[\"Ann\"]"), "%s", out);
    cr_assert(strstr(out, "\"bridges\":[[\"Ann\",\"Cal\"],[\"Ann\",\"Dee\"]]"), "%s", out);
    cr_assert(strstr(out, "\"dominators\":{\"source\":\"Dee\",\"immediate\":{\"Ann\":\"Dee\",\"Bob\":\"Ann\",\"Cal\":\"Ann\"}}}"),
              "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, LEV_CLI " bypass --measure strength --ties 2 %s", csv);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "Ann                      keeps    28.6% without Dee -> Ann"), "%s", out);
    free(out);
    unlink(csv);
}

/* The text names the first --top of each list after its count: a path A1 -> ... -> A9 has 7
 * cut vertices, 8 bridges, and from A1 each of A3 .. A9 is dominated by the one before. */
Test(cli_bypass, text_lists_are_counted_and_capped) {
    static char path[] = "/tmp/lev_bypass_path_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    char text[256] = "source,target,weight\n";
    for (int i = 1; i < 9; i++) snprintf(text + strlen(text), sizeof text - strlen(text), "A%d,A%d,1\n", i, i + 1);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    char cmd[512], *out;
    snprintf(cmd, sizeof cmd, LEV_CLI " bypass --measure degree --top 3 --source A1 %s", path);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "Unavoidable brokers (the network read as undirected): 7: A2, A3, A4, ...\n"), "%s", out);
    cr_assert(strstr(out, "Bridges: 8: A1 -- A2, A2 -- A3, A3 -- A4, ...\n"), "%s", out);
    cr_assert(strstr(out, "  A3 <- A2\n  A4 <- A3\n  A5 <- A4\n  ... and 4 more (--top, or --format json for all)\n"), "%s",
              out);
    free(out);
    snprintf(cmd, sizeof cmd, LEV_CLI " bypass --measure degree --top 10 --source A1 %s", path);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, ": 7: A2, A3, A4, A5, A6, A7, A8\n"), "%s", out);
    cr_assert(strstr(out, "  A9 <- A8\n"), "%s", out);
    cr_assert_null(strstr(out, "..."), "%s", out);
    free(out);
    unlink(path);
}

Test(cli_bypass, limit_leaves_edges_out) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " bypass --measure harmonic --bypass-limit 20000 --format json " SRC("tests/data/karate_edges.csv"),
                     &out), 0);
    cr_assert(strstr(out, "\"edges\":null"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " bypass --measure betweenness --bypass-limit 10 " SRC("tests/data/karate_edges.csv") " 2>/dev/null",
                     NULL), 1);
}

Test(cli_bypass, channels) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " bypass --format json " SRC("tests/data/directed_dangling.csv") " 2>/dev/null", &out), 0);
    cr_assert(strstr(out, "\"reliance\":0,\"channels\":{\"money\":"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " bypass " SRC("tests/data/directed_dangling.csv") " 2>/dev/null", &out), 0);
    cr_assert(strstr(out, "Power that rests on one channel"), "%s", out);
    cr_assert(strstr(out, "  Dave                        43.1% (without money)"), "%s", out);
    free(out);
}

Test(cli_bypass, usage_errors) {
    cr_assert_eq(cli_run(LEV_CLI " bypass --source Nobody " SRC("tests/data/karate_edges.csv") " 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " bypass --measure closeness " SRC("tests/data/karate_edges.csv") " 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " bypass --ties 0 " SRC("tests/data/karate_edges.csv") " 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " bypass 2>/dev/null", NULL), 2);
}

Test(cli_bypass, report_section) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " analyze --format json", &out), 0);
    cr_assert(strstr(out, ",\"fragile_leverage\":{\"measure\":\"pagerank exerted\",\"reliance\":0,\"tie_bypass\":true,"
                          "\"fragile\":[{\"actor\":\"Pazzi\""), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " analyze", &out), 0);
    cr_assert(strstr(out, "== Fragile leverage ==\nPower resting on one-way ties"), "%s", out);
    free(out);
}
