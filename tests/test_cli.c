/* The leverage CLI: exit statuses, errors on stderr, and PageRank reproduced to 1e-9. */
#include "helpers.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ref/ref_brokerage.h"
#include "ref/ref_dangling.h"
#include "ref/ref_florentine.h"
#include "ref/ref_paths.h"
#include "ref/ref_clustering.h"
#include "ref/ref_paths_opts.h"

/* Parse `actor,score` CSV from the CLI and compare with a reference. */
static void check_rank_csv(char *text, const ref_value *ref, size_t len, double tol) {
    cr_assert(strncmp(text, "actor,score\n", 12) == 0, "no header: %s", text);
    size_t rows = 0;
    for (char *line = strtok(text + 12, "\n"); line; line = strtok(NULL, "\n"), rows++) {
        char *comma = strrchr(line, ',');
        cr_assert_not_null(comma);
        *comma = 0;
        double v = strtod(comma + 1, NULL);
        size_t k = 0;
        while (k < len && strcmp(ref[k].name, line) != 0) k++;
        cr_assert(k < len, "unknown actor %s", line);
        cr_assert(fabs(v - ref[k].value) <= tol, "%s: %.17g vs %.17g", line, v, ref[k].value);
    }
    cr_assert_eq(rows, len);
}

Test(cli, rank_pagerank_reproduces_peers) {
    char *out;
    int st = cli_run(LEV_CLI " rank --measure pagerank --undirected --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " "
                 SRC(REF_FLORENTINE_EDGES_CSV), &out);
    cr_assert_eq(st, 0);
    /* Index order: the actors file's order. */
    cr_assert(strncmp(out, "actor,score\nAcciaiuoli,", 23) == 0, "%s", out);
    check_rank_csv(out, ref_florentine16_pagerank_igraph, REF_FLORENTINE16_N, 1e-9);
    free(out);
    st = cli_run(LEV_CLI " rank --measure=pagerank " SRC(REF_DANGLING_EDGES_CSV), &out);
    cr_assert_eq(st, 0);
    char *copy = strdup(out);
    check_rank_csv(out, ref_dangling_pagerank_nx, REF_DANGLING_N, 1e-9);
    free(out);
    free(copy);
    st = cli_run(LEV_CLI " rank --measure pagerank --unweighted " SRC(REF_DANGLING_EDGES_CSV), &out);
    check_rank_csv(out, ref_dangling_pagerank_unweighted_igraph, REF_DANGLING_N, 1e-9);
    free(out);
    st = cli_run(LEV_CLI " rank --measure pagerank --damping 0.5 --threads 2 " SRC(REF_DANGLING_EDGES_CSV), &out);
    check_rank_csv(out, ref_dangling_pagerank_d050_igraph, REF_DANGLING_N, 1e-9);
    free(out);
}

/* Rows of `actor,score` CSV (after the header) into names and scores; returns the count. */
static size_t rank_rows(char *text, char names[][32], double *score, size_t cap) {
    cr_assert(strncmp(text, "actor,score\n", 12) == 0, "no header: %s", text);
    size_t rows = 0;
    for (char *line = strtok(text + 12, "\n"); line; line = strtok(NULL, "\n"), rows++) {
        cr_assert_lt(rows, cap);
        char *comma = strrchr(line, ',');
        cr_assert_not_null(comma);
        *comma = 0;
        snprintf(names[rows], 32, "%s", line);
        score[rows] = strcmp(comma + 1, "null") == 0 ? NAN : strtod(comma + 1, NULL);
    }
    return rows;
}

/* --top K: the K highest of the full ranking, highest first, ties to the lower index, no score
 * (NaN: reciprocity of an actor without ties) last. Closeness and harmonic take the top K by
 * pruned search (lev_closeness_top, lev_harmonic_top) and must give the same rows. */
Test(cli, rank_top_is_the_head_of_the_full_ranking) {
    static const char *runs[] = {
        " rank --measure pagerank --undirected --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " " SRC(REF_FLORENTINE_EDGES_CSV),
        " rank --measure degree --undirected --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " " SRC(REF_FLORENTINE_EDGES_CSV),
        " rank --measure reciprocity --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " " SRC(REF_DANGLING_EDGES_CSV) " 2>/dev/null",
        " rank --measure closeness --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " " SRC(REF_FLORENTINE_EDGES_CSV),
        " rank --measure closeness --direction in " SRC(REF_DANGLING_EDGES_CSV),
        " rank --measure harmonic --normalized --unweighted " SRC(REF_DANGLING_EDGES_CSV),
        " rank --measure harmonic --undirected --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " " SRC(REF_FLORENTINE_EDGES_CSV),
    };
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        char cmd[1024], *all, *top, na[64][32], nt[64][32];
        double sa[64], st[64];
        snprintf(cmd, sizeof cmd, "%s%s", LEV_CLI, runs[r]);
        cr_assert_eq(cli_run(cmd, &all), 0, "%s", cmd);
        size_t n = rank_rows(all, na, sa, 64);
        for (long long k = 1; k <= (long long)n + 1; k += k < 3 ? 1 : (long long)n - 2) {
            snprintf(cmd, sizeof cmd, "%s%s --top %lld", LEV_CLI, runs[r], k);
            cr_assert_eq(cli_run(cmd, &top), 0, "%s", cmd);
            size_t got = rank_rows(top, nt, st, 64);
            cr_assert_eq(got, (size_t)k < n ? (size_t)k : n, "%s: %zu rows", cmd, got);
            for (size_t i = 0; i < got; i++) {
                size_t j = 0; /* its place in the full ranking (index order) */
                while (j < n && strcmp(na[j], nt[i]) != 0) j++;
                cr_assert_lt(j, n, "%s: unknown %s", cmd, nt[i]);
                cr_assert(st[i] == sa[j] || (isnan(st[i]) && isnan(sa[j])), "%s: %s", cmd, nt[i]);
                /* nobody outside the list ranks above row i */
                for (size_t q = 0; q < n; q++) {
                    int listed = 0;
                    for (size_t h = 0; h < got; h++) listed |= strcmp(na[q], nt[h]) == 0;
                    if (listed) continue;
                    cr_assert(isnan(sa[q]) || (!isnan(st[i]) && (sa[q] < st[i] || (sa[q] == st[i] && q > j))),
                              "%s: %s is left out but ranks above %s", cmd, na[q], nt[i]);
                }
                if (i == 0) continue;
                size_t p = 0;
                while (strcmp(na[p], nt[i - 1]) != 0) p++;
                cr_assert(isnan(st[i]) || (!isnan(st[i - 1]) && (st[i - 1] > st[i] || (st[i - 1] == st[i] && p < j))),
                          "%s: row %zu out of order", cmd, i);
            }
            free(top);
        }
        free(all);
    }
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " rank --measure pagerank --undirected --top 1 --format json " SRC(REF_FLORENTINE_EDGES_CSV), &out), 0);
    cr_assert(strncmp(out, "{\"measure\":\"pagerank\",\"scores\":[{\"actor\":\"Medici\",\"score\":", 54) == 0, "%s", out);
    cr_assert(strstr(out, "}]}") && !strstr(out, "},{"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure betweenness --edges --top 2 " SRC(REF_FLORENTINE_EDGES_CSV) " 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure degree --top 0 " SRC(REF_FLORENTINE_EDGES_CSV) " 2>/dev/null", NULL), 2);
}

/* A measure's failure is said once: "leverage: katz: alpha = ...", not "katz: katz: ...". */
Test(cli, rank_failure_names_the_measure_once) {
    char *err;
    cr_assert_eq(cli_run(LEV_CLI " rank --measure katz --alpha 1 --undirected " SRC("tests/data/karate_edges.csv")
                                 " 2>&1 >/dev/null", &err), 1);
    cr_assert(strncmp(err, "leverage: katz: alpha = 1 is too large", 38) == 0, "%s", err);
    free(err);
}

Test(cli, rank_degree_measures_and_json) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " rank --measure in-strength " SRC(REF_DANGLING_EDGES_CSV), &out), 0);
    check_rank_csv(out, ref_dangling_instrength_nx, REF_DANGLING_N, 0);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure out-degree " SRC(REF_DANGLING_EDGES_CSV), &out), 0);
    check_rank_csv(out, ref_dangling_outdegree_igraph, REF_DANGLING_N, 0);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure degree --format json " SRC(REF_DANGLING_EDGES_CSV), &out), 0);
    const char *head = "{\"measure\":\"degree\",\"scores\":[{\"actor\":\"Alice\",\"score\":5},";
    cr_assert(strncmp(out, head, strlen(head)) == 0, "%s", out);
    cr_assert(strstr(out, "{\"actor\":\"Zoë\",\"score\":"), "%s", out);
    free(out);
}

Test(cli, analyze_bundled_example) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " analyze", &out), 0);
    cr_assert(strstr(out, "Florentine"), "%s", out);
    cr_assert(strstr(out, "Medici is the top leverage point"), "%s", out);
    cr_assert(strstr(out, "16 actors, 20 influence ties"), "%s", out);
    cr_assert(strstr(out, "Strozzi holds the most wealth"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " analyze --format json --top 3", &out), 0);
    cr_assert(out[0] == '{' && strstr(out, "\"actors\":16,\"edges\":20,\"undirected\":true"), "%s", out);
    /* The JSON carries the PageRank values to full precision. */
    cr_assert(strstr(out, "\"Medici\":0.144373470"), "%s", out);
    cr_assert(strstr(out, "\"headlines\":["));
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " analyze " SRC(REF_DANGLING_EDGES_CSV) " --top 2", &out), 0);
    cr_assert(strstr(out, "8 actors, 14 influence ties (directed)"), "%s", out);
    cr_assert(strstr(out, "Strength"), "strength shown for a weighted network: %s", out);
    free(out);
}

Test(cli, exit_statuses_and_errors) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " --version", &out), 0);
    cr_assert(strstr(out, LEV_VERSION_STRING));
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " --help", NULL), 0);
    cr_assert_eq(cli_run(LEV_CLI " analyze --help", NULL), 0);
    cr_assert_eq(cli_run(LEV_CLI " rank --help", NULL), 0);
    cr_assert_eq(cli_run(LEV_CLI " analyze -h", &out), 0);
    cr_assert(strstr(out, "usage: leverage analyze"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " analyze -x 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " frobnicate 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure nope x.csv 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " rank x.csv 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure degree 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " analyze --top 0 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " analyze --damping 2 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " analyze --format xml 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " analyze --bogus 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " analyze --undirected=yes 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure degree /nonexistent.csv 2>/dev/null", NULL), 1);
    /* Errors read `leverage: FILE:LINE:COLUMN: reason` on stderr. */
    char path[] = "/tmp/lev_cli_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    const char *bad = "source,target,weight\nA,B,1\nB,C,nan\n";
    cr_assert_eq(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
    close(fd);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s rank --measure degree %s 2>&1 >/dev/null", LEV_CLI, path);
    cr_assert_eq(cli_run(cmd, &out), 1);
    char want[256];
    snprintf(want, sizeof want, "leverage: %s:3:5: strength must be a finite decimal number (got \"nan\")\n", path);
    cr_assert_str_eq(out, want);
    free(out);
    snprintf(cmd, sizeof cmd, "%s analyze %s 2>&1 >/dev/null", LEV_CLI, path);
    cr_assert_eq(cli_run(cmd, &out), 1);
    cr_assert_str_eq(out, want);
    free(out);
    remove(path);
}

/* The measures of the later families reach the CLI with the values the library tests pin. */
Test(cli, rank_paths_and_brokerage_measures) {
    char *out;
    const char *files = " --undirected --unweighted --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " " SRC(REF_FLORENTINE_EDGES_CSV);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s rank --measure betweenness%s", LEV_CLI, files);
    cr_assert_eq(cli_run(cmd, &out), 0);
    check_rank_csv(out, ref_florentine16_betweenness_h_exact, REF_FLORENTINE16_N, 1e-9);
    free(out);
    snprintf(cmd, sizeof cmd, "%s rank --measure constraint --undirected --actors %s %s", LEV_CLI,
             SRC(REF_FLORENTINE_ACTORS_CSV), SRC(REF_FLORENTINE_EDGES_CSV));
    cr_assert_eq(cli_run(cmd, &out), 0);
    check_rank_csv(out, ref_florentine16_constraint_igraph, REF_FLORENTINE16_N, 1e-9);
    free(out);
    /* Edge scores: one row per edge, in file order. */
    snprintf(cmd, sizeof cmd, "%s rank --measure betweenness --edges%s", LEV_CLI, files);
    cr_assert_eq(cli_run(cmd, &out), 0);
    const char *head = "source,target,score\nAcciaiuoli,Medici,";
    cr_assert(strncmp(out, head, strlen(head)) == 0, "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s rank --measure pagerank --edges %s 2>/dev/null", LEV_CLI, SRC(REF_FLORENTINE_EDGES_CSV));
    cr_assert_eq(cli_run(cmd, NULL), 2);
    /* Every measure in the help runs on a directed network. */
    cr_assert_eq(cli_run(LEV_CLI " rank --help", &out), 0);
    const char *names[] = {"katz", "eigenvector", "hub", "authority", "bonacich", "closeness", "harmonic",
                           "betweenness-approx", "effective-size", "efficiency", "burt-hierarchy",
                           "brokerage-total", "coreness", "in-coreness", "core-periphery"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        cr_assert(strstr(out, names[k]), "rank --help lacks %s", names[k]);
        const char *extra = strcmp(names[k], "katz") == 0 ? " --alpha 0.05"
                          : strcmp(names[k], "bonacich") == 0 ? " --beta 0.1" : "";
        snprintf(cmd, sizeof cmd, "%s rank --measure %s --undirected%s %s >/dev/null",
                 LEV_CLI, names[k], extra, SRC("tests/data/karate_edges.csv"));
        cr_assert_eq(cli_run(cmd, NULL), 0, "%s failed", names[k]);
    }
    free(out);
    /* An option the measure does not read is a usage error naming the measure (issue 25). */
    snprintf(cmd, sizeof cmd, "%s rank --measure pagerank --alpha 0.05 %s 2>&1 >/dev/null", LEV_CLI,
             SRC("tests/data/karate_edges.csv"));
    cr_assert_eq(cli_run(cmd, &out), 2);
    cr_assert(strstr(out, "measure pagerank does not read --alpha"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s rank --measure betweenness --direction out %s 2>&1 >/dev/null", LEV_CLI,
             SRC("tests/data/karate_edges.csv"));
    cr_assert_eq(cli_run(cmd, &out), 2);
    cr_assert(strstr(out, "measure betweenness does not read --direction"), "%s", out);
    free(out);
    /* Range errors quote the library's own message. */
    cr_assert_eq(cli_run(LEV_CLI " analyze --damping 2 2>&1 >/dev/null", &out), 2);
    cr_assert(strstr(out, "--damping 2: option damping must be in [0, 1] (got 2)"), "%s", out);
    free(out);
}

Test(cli, groups_and_imbalance_commands) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " groups --undirected --seed 7 " SRC("tests/data/karate_edges.csv"), &out), 0);
    const char *head = "actor,community\n1,0\n"; /* ids in order of first actor */
    cr_assert(strncmp(out, head, strlen(head)) == 0, "%s", out);
    char *again;
    cr_assert_eq(cli_run(LEV_CLI " groups --undirected --seed 7 " SRC("tests/data/karate_edges.csv"), &again), 0);
    cr_assert_str_eq(out, again, "same seed, same partition");
    free(out);
    free(again);
    cr_assert_eq(cli_run(LEV_CLI " groups --format json " SRC("tests/data/karate_edges.csv"), &out), 0);
    cr_assert(strstr(out, "\"modularity\":0.4"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " imbalance " SRC("tests/data/coleman_edges.csv") " --actors " SRC("tests/data/coleman_actors.csv"), &out), 0);
    cr_assert(strstr(out, "73 actors, 243 influence ties (directed)"), "%s", out);
    cr_assert(strstr(out, "Reciprocity:"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " imbalance --format json " SRC(REF_DANGLING_EDGES_CSV), &out), 0);
    cr_assert(strstr(out, "\"triad_census\":{\"003\":"), "%s", out);
    cr_assert(strstr(out, "\"lorenz\":[[0,0],"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " imbalance 2>/dev/null", NULL), 2);
    cr_assert_eq(cli_run(LEV_CLI " groups --alpha 1 x.csv 2>/dev/null", NULL), 2); /* not a groups option */
    /* The bundled report carries the families' sections. */
    cr_assert_eq(cli_run(LEV_CLI " analyze", &out), 0);
    cr_assert(strstr(out, "Medici is the top broker"), "%s", out);
    cr_assert(strstr(out, "Communities ("), "%s", out);
    cr_assert(strstr(out, "How unequal is the power?"), "%s", out);
    cr_assert(strstr(out, "Outsiders"), "%s", out);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " analyze --format json", &out), 0);
    cr_assert(strstr(out, "\"imbalance\":{\"pagerank\":{\"gini\":"), "%s", out);
    free(out);
}

/* Every `<!-- output: ARGS -->` block of a page (text) is the tool's real output: a text block of
 * `$ leverage ARGS` and what it prints (ARGS may end in a pipe). Returns how many there are. */
static size_t check_output_samples(const char *page, const char *text) {
    size_t samples = 0;
    for (const char *at = strstr(text, "<!-- output: "); at; at = strstr(at + 1, "<!-- output: ")) {
        const char *args = at + strlen("<!-- output: ");
        const char *close = strstr(args, " -->\n");
        cr_assert_not_null(close);
        char argv_text[512], cmd[1024], *got;
        snprintf(argv_text, sizeof argv_text, "%.*s", (int)(close - args), args);
        snprintf(cmd, sizeof cmd, "cd %s && %s %s 2>/dev/null", LEV_SOURCE_DIR, LEV_CLI, argv_text);
        cr_assert_eq(cli_run(cmd, &got), 0, "%s", cmd);
        const char *body = close + strlen(" -->\n"), *end = strstr(body, "<!-- /output -->");
        cr_assert_not_null(end);
        sbuf want = {0};
        const char *fence = "```text\n$ leverage ";
        sbuf_sink(&want, fence, strlen(fence));
        sbuf_sink(&want, argv_text, strlen(argv_text));
        sbuf_sink(&want, "\n", 1);
        sbuf_sink(&want, got, strlen(got));
        sbuf_sink(&want, "```\n", 4);
        cr_assert(strlen(want.s) == (size_t)(end - body) && strncmp(want.s, body, strlen(want.s)) == 0,
                  "%s's sample of `leverage %s` differs from the tool (run docs/tools/cli-options.sh)",
                  page, argv_text);
        free(got);
        free(want.s);
        samples++;
    }
    return samples;
}

/* docs/cli.md's option tables are the tool's own (`leverage help --markdown COMMAND`, which
 * docs/tools/cli-options.sh writes into the page): they cannot drift from the code. */
Test(cli, docs_option_tables_match_the_tool) {
    FILE *f = fopen(SRC("docs/cli.md"), "rb");
    cr_assert_not_null(f);
    sbuf doc = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sbuf_sink(&doc, buf, n);
    fclose(f);
    const char *cmds[] = {"analyze", "rank",      "groups",    "imbalance", "opinion", "drivers",
                          "keyplayers", "coalition", "spread", "seeds",     "convert", "bypass",
                          "report"};
    for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++) {
        char marker[64], cmd[256], *table;
        snprintf(marker, sizeof marker, "<!-- options: %s -->\n", cmds[k]);
        const char *start = strstr(doc.s, marker);
        cr_assert_not_null(start, "docs/cli.md lacks %s", marker);
        start += strlen(marker);
        const char *end = strstr(start, "<!-- /options -->");
        cr_assert_not_null(end);
        snprintf(cmd, sizeof cmd, "%s help --markdown %s", LEV_CLI, cmds[k]);
        cr_assert_eq(cli_run(cmd, &table), 0);
        cr_assert(strlen(table) == (size_t)(end - start) && strncmp(table, start, strlen(table)) == 0,
                  "docs/cli.md's %s table differs from `leverage help --markdown %s` "
                  "(run docs/tools/cli-options.sh):\n%s", cmds[k], cmds[k], table);
        free(table);
        /* --help lists every option of the table, with its range. */
        snprintf(cmd, sizeof cmd, "%s %s --help", LEV_CLI, cmds[k]);
        char *help;
        cr_assert_eq(cli_run(cmd, &help), 0);
        cr_assert(strstr(help, "--threads N") && strstr(help, "whole number in [0, 1024]; default 0"), "%s", help);
        free(help);
    }
    /* The output samples are the tool's real output. */
    cr_assert_geq(check_output_samples("docs/cli.md", doc.s), 2);
    free(doc.s);
}

/* README's output sample is the tool's own too (the same mechanism: docs/tools/cli-options.sh). */
Test(cli, readme_output_sample_matches_the_tool) {
    FILE *f = fopen(SRC("README.md"), "rb");
    cr_assert_not_null(f);
    sbuf doc = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sbuf_sink(&doc, buf, n);
    fclose(f);
    cr_assert_geq(check_output_samples("README.md", doc.s), 1);
    free(doc.s);
}

/* Write text to a new temporary file; returns its path (static buffer per slot). */
static const char *tmpfile_with(int slot, const char *text) {
    static char paths[4][32];
    snprintf(paths[slot], sizeof paths[slot], "/tmp/lev_cli_XXXXXX");
    int fd = mkstemp(paths[slot]);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return paths[slot];
}

/* Issue 25: the report ranks leverage points by influence exerted. On a star Boss -> five
 * others, Boss exerts all the influence there is; the five only receive it. */
Test(cli, report_ranks_influence_exerted) {
    const char *edges = tmpfile_with(0, "source,target,weight\nBoss,Ann,1\nBoss,Bob,1\nBoss,Cy,1\nBoss,Dee,1\nBoss,Ed,1\n");
    char cmd[512], *out;
    snprintf(cmd, sizeof cmd, "%s analyze %s", LEV_CLI, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "Boss is the top leverage point: it exerts"), "%s", out);
    cr_assert(strstr(out, "Influence exerted (PageRank over reversed ties): top 5\n   1. Boss"), "%s", out);
    cr_assert(strstr(out, "Ann receives the most influence"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s analyze --format json %s", LEV_CLI, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "\"influence_exerted\":{\"title\":\"Influence exerted (PageRank over reversed ties)\","
                          "\"method\":\"exact\",\"top\":[{\"rank\":1,\"actor\":\"Boss\""), "%s", out);
    cr_assert(strstr(out, "\"influence_received\":"), "%s", out);
    free(out);
    /* rank --direction out reaches PageRank: Boss first. */
    snprintf(cmd, sizeof cmd, "%s rank --measure pagerank --direction out %s", LEV_CLI, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    double boss = 0, ann = 0;
    char *line = strstr(out, "Boss,"), *line2 = strstr(out, "Ann,");
    cr_assert(line && line2, "%s", out);
    boss = strtod(line + 5, NULL);
    ann = strtod(line2 + 4, NULL);
    cr_assert(boss > 4 * ann, "exerted: Boss %g, Ann %g", boss, ann);
    free(out);
    remove(edges);
}

/* Notices on stderr (self-loops, repeated rows, names the actors file lacks); --strict. */
Test(cli, notices_and_strict) {
    const char *edges = tmpfile_with(0, "source,target,weight\nMayor Alvarez,Ann,1\nmayor alvarez,Ann,2\nAnn,Ann,1\n"
                                        "Mayor Alvarez,Ann,3\n");
    const char *actors = tmpfile_with(1, "name,group\nMayor Alvarez,council\nAnn,press\n");
    char cmd[512], *err;
    snprintf(cmd, sizeof cmd, "%s rank --measure degree --actors %s %s 2>&1 >/dev/null", LEV_CLI, actors, edges);
    cr_assert_eq(cli_run(cmd, &err), 0);
    cr_assert(strstr(err, "1 name is not in the actors file") && strstr(err, "\"mayor alvarez\""), "%s", err);
    /* rank renumbers the edges by source (cli_args.sort_edges): an example, not the first row */
    cr_assert(strstr(err, "1 self-loop (for example Ann → itself)"), "%s", err);
    cr_assert(strstr(err, "1 row repeats an earlier source,target pair in the same channel (for example Mayor Alvarez → "
                          "Ann)"),
              "%s", err);
    free(err);
    snprintf(cmd, sizeof cmd, "%s analyze --strict --actors %s %s 2>&1 >/dev/null", LEV_CLI, actors, edges);
    cr_assert_eq(cli_run(cmd, &err), 1);
    cr_assert(strstr(err, "error:") && strstr(err, "\"mayor alvarez\""), "%s", err);
    cr_assert(strstr(err, "1 self-loop (first: Ann → itself)"), "%s", err); /* analyze keeps the file's numbers */
    cr_assert(strstr(err, "(first: Mayor Alvarez → Ann)"), "%s", err);
    free(err);
    remove(edges);
    remove(actors);
}

/* Issue 17: imbalance shows each actor's net power advantage and Krackhardt's dimensions on
 * undirected networks. A holds the money B needs: B depends on A, so A's advantage is positive,
 * B's negative, and they sum to 0. */
Test(cli, imbalance_power_advantage_and_undirected_krackhardt) {
    const char *edges = tmpfile_with(0, "source,target,weight\nA,B,1\nB,C,1\nC,A,1\n");
    const char *res = tmpfile_with(1, "actor,resource,holds,needs\nA,money,10,0\nB,money,0,10\nC,money,0,0\n");
    char cmd[512], *out;
    snprintf(cmd, sizeof cmd, "%s imbalance --format json --resources %s %s", LEV_CLI, res, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    char *pa = strstr(out, "\"power_advantage\":{\"A\":");
    cr_assert_not_null(pa, "%s", out);
    double a = strtod(pa + strlen("\"power_advantage\":{\"A\":"), NULL);
    char *pb = strstr(pa, "\"B\":");
    cr_assert_not_null(pb);
    double b = strtod(pb + 4, NULL);
    cr_assert(a > 0 && b < 0 && fabs(a + b) < 1e-12, "A %g, B %g", a, b);
    free(out);
    snprintf(cmd, sizeof cmd, "%s imbalance --resources %s %s", LEV_CLI, res, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "Net power advantage") && strstr(out, "most A (+"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s imbalance --undirected --format json %s", LEV_CLI, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "\"krackhardt\":{\"connectedness\":1,"), "%s", out);
    free(out);
    remove(edges);
    remove(res);
}

/* Issue 25: what the report tells a user — brokerage roles in words, the in-crowd's name, ties
 * among holders said as ties, percentages with the digits they need. */
Test(cli, report_words) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " analyze", &out), 0);
    cr_assert(strstr(out, "Brokerage between groups") && strstr(out, "gatekeeper      Medici: 8 times (z = 3.83)"), "%s", out);
    cr_assert(strstr(out, "In-crowd: group \"oligarch\""), "%s", out);
    cr_assert(strstr(out, "2 actors hold 48 each (7.0% of all each): Pazzi, Tornabuoni"), "%s", out);
    cr_assert(strstr(out, "(on 45.2% of shortest paths between other pairs)"), "%s", out);
    free(out);
    /* A star of 3000: each leaf holds a tiny share, which is never printed as 0.0%. */
    sbuf b = {0};
    const char *head = "source,target,weight\n";
    sbuf_sink(&b, head, strlen(head));
    for (int i = 0; i < 3000; i++) {
        char row[64];
        snprintf(row, sizeof row, "hub,a%d,1\n", i);
        sbuf_sink(&b, row, strlen(row));
    }
    const char *edges = tmpfile_with(0, b.s);
    free(b.s);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s analyze --undirected %s", LEV_CLI, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(!strstr(out, " 0.0%"), "%s", out);
    cr_assert(strstr(out, "equal share (0.033%)"), "%s", out);
    free(out);
    remove(edges);
}

/* Issue 25: z-scores of the Gould–Fernandez roles reach `rank`, equal to R sna's. */
Test(cli, rank_brokerage_z_matches_sna) {
    const char *names[] = {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"};
    for (int role = 0; role < 6; role++) {
        ref_value ref[REF_BRK_FLORENTINE16_N];
        for (size_t i = 0; i < REF_BRK_FLORENTINE16_N; i++) {
            ref[i].name = ref_florentine16_brokerage_z_sna[i].name;
            /* sna gives NaN where sd is 0; the library documents 0 there */
            double v = ref_florentine16_brokerage_z_sna[i].v[role];
            ref[i].value = isnan(v) ? 0 : v;
        }
        char cmd[1024], *out;
        snprintf(cmd, sizeof cmd, "%s rank --measure brokerage-%s-z --undirected --actors %s %s", LEV_CLI, names[role],
                 SRC(REF_FLORENTINE_ACTORS_CSV), SRC(REF_FLORENTINE_EDGES_CSV));
        cr_assert_eq(cli_run(cmd, &out), 0);
        check_rank_csv(out, ref, REF_BRK_FLORENTINE16_N, 1e-9);
        free(out);
    }
}

/* The measures of the clustering family reach `rank` with the values NetworkX gives. */
Test(cli, rank_clustering_matches_networkx) {
    char *out;
    cr_assert_eq(cli_run(LEV_CLI " rank --measure clustering --undirected --unweighted " SRC("tests/data/karate_edges.csv"),
                     &out), 0);
    check_rank_csv(out, ref_clust_karate_und, REF_CLUST_KARATE_UND_LEN, 1e-12);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " rank --measure clustering --unweighted --actors " SRC("tests/data/coleman_actors.csv") " " SRC("tests/data/coleman_edges.csv"), &out), 0);
    check_rank_csv(out, ref_clust_coleman_dir, sizeof ref_clust_coleman_dir / sizeof ref_clust_coleman_dir[0], 1e-12);
    free(out);
    cr_assert_eq(cli_run(LEV_CLI " groups --directed-modularity --format json " SRC("tests/data/coleman_edges.csv"), &out), 0);
    cr_assert(strstr(out, "\"modularity\":0.68"), "%s", out);
    free(out);
}

/* The path options reach `rank`: a length cutoff (igraph's and NetworkX's cut-off searches) and
 * betweenness with endpoints (NetworkX's endpoints=True). */
Test(cli, rank_path_options_match_peers) {
    const char *k = " --undirected --unweighted " SRC("tests/data/karate_edges.csv");
    char cmd[512], *out;
    snprintf(cmd, sizeof cmd, "%s rank --measure betweenness --cutoff 2%s", LEV_CLI, k);
    cr_assert_eq(cli_run(cmd, &out), 0);
    check_rank_csv(out, ref_karate_betweenness_h_cut2_igraph, REF_KARATE_BETWEENNESS_H_CUT2_IGRAPH_LEN, 1e-9);
    free(out);
    snprintf(cmd, sizeof cmd, "%s rank --measure closeness --cutoff 2%s", LEV_CLI, k);
    cr_assert_eq(cli_run(cmd, &out), 0);
    check_rank_csv(out, ref_karate_closeness_h_cut2_nx, REF_KARATE_CLOSENESS_H_CUT2_NX_LEN, 1e-9);
    free(out);
    snprintf(cmd, sizeof cmd, "%s rank --measure harmonic --cutoff 3%s", LEV_CLI, k);
    cr_assert_eq(cli_run(cmd, &out), 0);
    check_rank_csv(out, ref_karate_harmonic_h_cut3_nx, REF_KARATE_HARMONIC_H_CUT3_NX_LEN, 1e-9);
    free(out);
    snprintf(cmd, sizeof cmd, "%s rank --measure betweenness --endpoints%s", LEV_CLI, k);
    cr_assert_eq(cli_run(cmd, &out), 0);
    check_rank_csv(out, ref_karate_betweenness_endpoints_h_nx, 34, 1e-9);
    free(out);
    snprintf(cmd, sizeof cmd, "%s rank --measure betweenness --edges --endpoints%s 2>/dev/null", LEV_CLI, k);
    cr_assert_eq(cli_run(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s rank --measure pagerank --cutoff 2%s 2>/dev/null", LEV_CLI, k);
    cr_assert_eq(cli_run(cmd, NULL), 2);
}

/* Above V·(V + E) = 2e8 the report estimates betweenness and takes the exact top K of closeness,
 * and says so: a star of 15 000 leaves (V·(V + E) = 4.5e8). */
Test(cli, report_at_scale_names_its_estimates) {
    sbuf b = {0};
    const char *head = "source,target,weight\n";
    sbuf_sink(&b, head, strlen(head));
    for (int i = 0; i < 15000; i++) {
        char row[64];
        snprintf(row, sizeof row, "hub,a%d,%d\n", i, 1 + i % 3);
        sbuf_sink(&b, row, strlen(row));
    }
    const char *edges = tmpfile_with(0, b.s);
    free(b.s);
    char cmd[512], *out;
    snprintf(cmd, sizeof cmd, "%s analyze --undirected --epsilon 0.05 %s", LEV_CLI, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "(estimated from ") && strstr(out, "sampled shortest paths: each share is within ±5.0%"),
              "%s", out);
    cr_assert(strstr(out, "Betweenness in hops: share of the shortest paths between others that run through the "
                          "actor (estimated; at this size the report counts ties, not 1/strength): top 5\n"
                          "   1. hub                  1 "), "%s", out);
    cr_assert(strstr(out, "Closeness in hops") && strstr(out, "exact top K"), "%s", out);
    cr_assert(strstr(out, "need every exact path score"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s analyze --undirected --epsilon 0.05 --format json %s", LEV_CLI, edges);
    cr_assert_eq(cli_run(cmd, &out), 0);
    cr_assert(strstr(out, "\"method\":\"estimate from ") && strstr(out, "(lev_betweenness_sampled), distances in hops\""),
              "%s", out);
    cr_assert(strstr(out, "\"method\":\"exact top K by pruned search (lev_closeness_top), distances in hops\""), "%s",
              out);
    free(out);
    remove(edges);
}
