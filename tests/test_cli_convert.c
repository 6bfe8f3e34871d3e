/* `leverage convert` and `--input-format`: formats by name and by extension, gzip, scores, and
 * the usage errors. LEV_TEST_EXPAT / LEV_TEST_ZLIB: this build's optional dependencies. */
#include "helpers.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef LEV_CLI
#error "LEV_CLI must be defined by the build"
#endif

#define FLO_EDGES SRC("examples/data/florentine_edges.csv")
#define FLO_ACTORS SRC("examples/data/florentine_actors.csv")

Test(cli_convert, every_output_format_by_extension_and_back) {
    char *d = test_tmpdir("convert"), cmd[2048], *out;
    const char *exts[] = {"gml", "net", "graphml", "csv"};
    char *ref = NULL;
    cr_assert_eq(cli_run(LEV_CLI " rank --measure pagerank --undirected --actors " FLO_ACTORS " " FLO_EDGES, &ref), 0);
    for (int k = 0; k < 4; k++) {
        if (!LEV_TEST_EXPAT && !strcmp(exts[k], "graphml")) continue;
        snprintf(cmd, sizeof cmd, LEV_CLI " convert %s %s/f.%s --actors %s", FLO_EDGES, d, exts[k], FLO_ACTORS);
        cr_assert_eq(cli_run(cmd, NULL), 0, "%s", cmd);
        /* the converted file, read by its extension, ranks as the CSV files do (the CSV output
         * holds the edges only: Pucci, who has no tie, is not in it) */
        if (!strcmp(exts[k], "csv")) continue;
        snprintf(cmd, sizeof cmd, LEV_CLI " rank --measure pagerank --undirected %s/f.%s", d, exts[k]);
        cr_assert_eq(cli_run(cmd, &out), 0, "%s", cmd);
        cr_assert_str_eq(out, ref, "%s", exts[k]);
        free(out);
    }
    free(ref);
    test_rmdir(d);
}

Test(cli_convert, input_format_overrides_the_extension) {
    char *d = test_tmpdir("convert"), cmd[1024];
    snprintf(cmd, sizeof cmd, LEV_CLI " convert %s %s/x.txt --output-format gml", FLO_EDGES, d);
    cr_assert_eq(cli_run(cmd, NULL), 0, "%s", cmd);
    snprintf(cmd, sizeof cmd, LEV_CLI " rank --measure degree %s/x.txt 2>/dev/null", d);
    cr_assert_eq(cli_run(cmd, NULL), 1, "a GML file read as CSV fails");
    snprintf(cmd, sizeof cmd, LEV_CLI " rank --measure degree --input-format gml %s/x.txt", d);
    cr_assert_eq(cli_run(cmd, NULL), 0, "%s", cmd);
    snprintf(cmd, sizeof cmd, LEV_CLI " rank --measure degree --input-format xlsx %s/x.txt 2>&1", d);
    char *out;
    cr_assert_eq(cli_run(cmd, &out), 2);
    cr_assert(strstr(out, "--input-format takes csv, graphml, pajek or gml (got \"xlsx\")"), "%s", out);
    free(out);
    test_rmdir(d);
}

Test(cli_convert, gzip_by_extension) {
    char *out;
    int st = cli_run(LEV_CLI " rank --measure degree " SRC("tests/data/interchange/karate_networkx.gml.gz") " 2>&1", &out);
    if (LEV_TEST_ZLIB) {
        cr_assert_eq(st, 0, "%s", out);
        cr_assert(!strncmp(out, "actor,score\n", 12), "%s", out);
    } else {
        cr_assert_eq(st, 1);
        cr_assert(strstr(out, "built without zlib"), "%s", out);
    }
    free(out);
}

Test(cli_convert, scores_and_json) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " /dev/stdout --output-format json --actors " FLO_ACTORS
                             " --scores pagerank,betweenness,brokerage-coordinator-z",
                     &out),
                 0);
    cr_assert(strstr(out, "{\"id\": \"Medici\", \"group\": \"medicean\", \"pagerank\": "), "%s", out);
    cr_assert(strstr(out, "\"brokerage_coordinator_z\": "), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " /dev/stdout --output-format dot --scores pagerank", &out), 0);
    cr_assert(!strncmp(out, "digraph leverage {", 18), "%s", out);
    free(out);
}

Test(cli_convert, usage_errors) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " 2>&1", &out), 2);
    cr_assert(strstr(out, "convert needs an input file and an output file: IN OUT"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " /tmp/x.weird 2>&1", &out), 2);
    cr_assert(strstr(out, "cannot tell the output format from \"/tmp/x.weird\": give --output-format"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " /tmp/x.net --scores pagerank 2>&1", &out), 2);
    cr_assert(strstr(out, "CSV and Pajek carry no scores"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " /tmp/x.gml --scores nosuch 2>&1", &out), 2);
    cr_assert(strstr(out, "unknown measure \"nosuch\""), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " /tmp/x.gml --output-format xlsx 2>&1", &out), 2);
    cr_assert(strstr(out, "--output-format takes csv, graphml, pajek, gml, json or dot (got \"xlsx\")"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " convert " FLO_EDGES " a.gml b.gml 2>&1", &out), 2);
    free(out);
    /* a reader's error names the file, line and column */
    cr_assert_eq(cli_run(LEV_CLI " convert " SRC("tests/fuzz/corpus/pajek/seed-bad-number.net") " /tmp/x.gml 2>&1", &out), 1);
    cr_assert(strstr(out, "seed-bad-number.net:3:3: vertex number must be 1..2 (got \"9\")"), "%s", out);
    free(out);
}
