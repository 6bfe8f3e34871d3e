/* The leverage CLI: exit statuses, errors on stderr, and PageRank reproduced to 1e-9. */
#include "helpers.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ref/ref_dangling.h"
#include "ref/ref_florentine.h"

/* Run a shell command; return its exit status and (malloc'ed) stdout. */
static int run(const char *cmd, char **out) {
    FILE *f = popen(cmd, "r");
    cr_assert_not_null(f);
    sbuf b = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sbuf_sink(&b, buf, n);
    int st = pclose(f);
    if (out) *out = b.s ? b.s : strdup("");
    else free(b.s);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

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
    int st = run(LEV_CLI " rank --measure pagerank --undirected --actors " SRC(REF_FLORENTINE_ACTORS_CSV) " "
                 SRC(REF_FLORENTINE_EDGES_CSV), &out);
    cr_assert_eq(st, 0);
    /* Index order: the actors file's order. */
    cr_assert(strncmp(out, "actor,score\nAcciaiuoli,", 23) == 0, "%s", out);
    check_rank_csv(out, ref_florentine16_pagerank_igraph, REF_FLORENTINE16_N, 1e-9);
    free(out);
    st = run(LEV_CLI " rank --measure=pagerank " SRC(REF_DANGLING_EDGES_CSV), &out);
    cr_assert_eq(st, 0);
    char *copy = strdup(out);
    check_rank_csv(out, ref_dangling_pagerank_nx, REF_DANGLING_N, 1e-9);
    free(out);
    free(copy);
    st = run(LEV_CLI " rank --measure pagerank --unweighted " SRC(REF_DANGLING_EDGES_CSV), &out);
    check_rank_csv(out, ref_dangling_pagerank_unweighted_igraph, REF_DANGLING_N, 1e-9);
    free(out);
    st = run(LEV_CLI " rank --measure pagerank --damping 0.5 --threads 2 " SRC(REF_DANGLING_EDGES_CSV), &out);
    check_rank_csv(out, ref_dangling_pagerank_d050_igraph, REF_DANGLING_N, 1e-9);
    free(out);
}

Test(cli, rank_degree_measures_and_json) {
    char *out;
    cr_assert_eq(run(LEV_CLI " rank --measure in-strength " SRC(REF_DANGLING_EDGES_CSV), &out), 0);
    check_rank_csv(out, ref_dangling_instrength_nx, REF_DANGLING_N, 0);
    free(out);
    cr_assert_eq(run(LEV_CLI " rank --measure out-degree " SRC(REF_DANGLING_EDGES_CSV), &out), 0);
    check_rank_csv(out, ref_dangling_outdegree_igraph, REF_DANGLING_N, 0);
    free(out);
    cr_assert_eq(run(LEV_CLI " rank --measure degree --format json " SRC(REF_DANGLING_EDGES_CSV), &out), 0);
    const char *head = "{\"measure\":\"degree\",\"scores\":[{\"actor\":\"Alice\",\"score\":5},";
    cr_assert(strncmp(out, head, strlen(head)) == 0, "%s", out);
    cr_assert(strstr(out, "{\"actor\":\"Zoë\",\"score\":"), "%s", out);
    free(out);
}

Test(cli, analyze_bundled_example) {
    char *out;
    cr_assert_eq(run(LEV_CLI " analyze", &out), 0);
    cr_assert(strstr(out, "Florentine"), "%s", out);
    cr_assert(strstr(out, "Medici is the top leverage point"), "%s", out);
    cr_assert(strstr(out, "16 actors, 20 influence ties"), "%s", out);
    cr_assert(strstr(out, "Strozzi holds the most wealth"), "%s", out);
    free(out);
    cr_assert_eq(run(LEV_CLI " analyze --format json --top 3", &out), 0);
    cr_assert(out[0] == '{' && strstr(out, "\"actors\":16,\"edges\":20,\"undirected\":true"), "%s", out);
    /* The JSON carries the PageRank values to full precision. */
    cr_assert(strstr(out, "\"Medici\":0.144373470"), "%s", out);
    cr_assert(strstr(out, "\"headlines\":["));
    free(out);
    cr_assert_eq(run(LEV_CLI " analyze " SRC(REF_DANGLING_EDGES_CSV) " --top 2", &out), 0);
    cr_assert(strstr(out, "8 actors, 14 influence ties (directed)"), "%s", out);
    cr_assert(strstr(out, "Strength"), "strength shown for a weighted network: %s", out);
    free(out);
}

Test(cli, exit_statuses_and_errors) {
    char *out;
    cr_assert_eq(run(LEV_CLI " --version", &out), 0);
    cr_assert(strstr(out, LEV_VERSION_STRING));
    free(out);
    cr_assert_eq(run(LEV_CLI " --help", NULL), 0);
    cr_assert_eq(run(LEV_CLI " analyze --help", NULL), 0);
    cr_assert_eq(run(LEV_CLI " rank --help", NULL), 0);
    cr_assert_eq(run(LEV_CLI " analyze -h", &out), 0);
    cr_assert(strstr(out, "usage: leverage analyze"), "%s", out);
    free(out);
    cr_assert_eq(run(LEV_CLI " analyze -x 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " frobnicate 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " rank --measure nope x.csv 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " rank x.csv 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " rank --measure degree 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " analyze --top 0 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " analyze --damping 2 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " analyze --format xml 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " analyze --bogus 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " analyze --undirected=yes 2>/dev/null", NULL), 2);
    cr_assert_eq(run(LEV_CLI " rank --measure degree /nonexistent.csv 2>/dev/null", NULL), 1);
    /* Errors read `leverage: FILE:LINE:COLUMN: reason` on stderr. */
    char path[] = "/tmp/lev_cli_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    const char *bad = "source,target,weight\nA,B,1\nB,C,nan\n";
    cr_assert_eq(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
    close(fd);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s rank --measure degree %s 2>&1 >/dev/null", LEV_CLI, path);
    cr_assert_eq(run(cmd, &out), 1);
    char want[256];
    snprintf(want, sizeof want, "leverage: %s:3:5: strength must be a finite decimal number (got \"nan\")\n", path);
    cr_assert_str_eq(out, want);
    free(out);
    snprintf(cmd, sizeof cmd, "%s analyze %s 2>&1 >/dev/null", LEV_CLI, path);
    cr_assert_eq(run(cmd, &out), 1);
    cr_assert_str_eq(out, want);
    free(out);
    remove(path);
}
