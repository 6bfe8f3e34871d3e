/* A typo on the command line gets "did you mean …?" for commands, options and measures, and no
 * guess when nothing is near or two words are equally near. Exit status 2 either way. */
#include "helpers.h"

#include <stdio.h>

#ifndef LEV_CLI
#error "LEV_CLI must be defined by the build"
#endif

#define FLO SRC("examples/data/florentine_edges.csv")

/* The first line the command writes to stderr, its exit status in *st. */
static char *first_err(const char *args, int *st) {
    char cmd[1024], *out;
    snprintf(cmd, sizeof cmd, LEV_CLI " %s " FLO " 2>&1 >/dev/null", args);
    *st = cli_run(cmd, &out);
    char *nl = strchr(out, '\n');
    if (nl) *nl = 0;
    return out;
}

static void expect(const char *args, const char *line) {
    int st;
    char *got = first_err(args, &st);
    cr_expect_eq(st, 2, "%s: exit %d", args, st);
    cr_expect_str_eq(got, line, "%s", args);
    free(got);
}

Test(cli_typos, a_misspelt_command_gets_the_nearest_one) {
    expect("analyse", "leverage: unknown command: analyse; did you mean analyze?");
    expect("rnak", "leverage: unknown command: rnak; did you mean rank?"); /* two letters swapped */
    expect("spred", "leverage: unknown command: spred; did you mean spread?");
    expect("frobnicate", "leverage: unknown command: frobnicate");
}

Test(cli_typos, a_misspelt_option_gets_the_nearest_one_of_that_command) {
    expect("groups --resolutoin 2", "leverage: unknown option for groups: --resolutoin; did you mean --resolution? "
                                    "(see leverage groups --help)");
    expect("rank --measure pagerank --thread 2", "leverage: unknown option for rank: --thread; did you mean "
                                                 "--threads? (see leverage rank --help)");
    expect("rank --hlep", "leverage: unknown option for rank: --hlep; did you mean --help? (see leverage rank --help)");
    /* --model is an option of seeds, not of groups: no guess there */
    expect("seeds --k 2 --modle lt", "leverage: unknown option for seeds: --modle; did you mean --model? "
                                     "(see leverage seeds --help)");
    /* the start of exactly one option's name: report's --o is --output (-o) */
    expect("report --o r.html",
           "leverage: unknown option for report: --o; did you mean --output? (see leverage report --help)");
    expect("groups --zzzzzz 1", "leverage: unknown option for groups: --zzzzzz (see leverage groups --help)");
}

Test(cli_typos, a_misspelt_measure_gets_the_nearest_one) {
    expect("rank --measure pagernak",
           "leverage: unknown measure: pagernak; did you mean pagerank? (see leverage rank --help)");
    expect("rank --measure betweeness",
           "leverage: unknown measure: betweeness; did you mean betweenness? (see leverage rank --help)");
    /* the start of exactly one measure's name */
    expect("rank --measure closen",
           "leverage: unknown measure: closen; did you mean closeness? (see leverage rank --help)");
    expect("rank --measure xyz", "leverage: unknown measure: xyz (see leverage rank --help)");
}

Test(cli_typos, a_right_spelling_still_runs) {
    int st;
    char *got = first_err("rank --measure pagerank --threads 1", &st);
    cr_expect_eq(st, 0);
    cr_expect_str_eq(got, "");
    free(got);
}
