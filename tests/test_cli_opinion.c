/* `leverage opinion`: its numbers are the library's, its input files fail clearly (file, line,
 * reason), and missing actors take the documented defaults. */
#include "helpers.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define EDGES SRC("examples/data/florentine_edges.csv")
#define ACTORS SRC("examples/data/florentine_actors.csv")
#define INITIAL SRC("examples/data/florentine_opinion.csv")
#define LAMBDA SRC("examples/data/florentine_susceptibility.csv")

/* Run a shell command; return its exit status, stdout and stderr (malloc'ed; may be NULL). */
static int run(const char *cmd, char **out, char **err) {
    char path[64], full[4096];
    snprintf(path, sizeof path, "/tmp/lev_cli_opinion_err_%d", (int)getpid());
    snprintf(full, sizeof full, "%s 2>%s", cmd, path);
    FILE *f = popen(full, "r");
    cr_assert_not_null(f);
    sbuf b = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sbuf_sink(&b, buf, n);
    int st = pclose(f);
    if (out) *out = b.s ? b.s : strdup("");
    else free(b.s);
    FILE *e = fopen(path, "rb");
    sbuf eb = {0};
    while (e && (n = fread(buf, 1, sizeof buf, e)) > 0) sbuf_sink(&eb, buf, n);
    if (e) fclose(e);
    unlink(path);
    if (err) *err = eb.s ? eb.s : strdup("");
    else free(eb.s);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *tmpfile_with(const char *name, const char *text) {
    static char paths[4][128];
    static int k;
    char *p = paths[k++ % 4];
    snprintf(p, 128, "/tmp/lev_cli_opinion_%d_%s", (int)getpid(), name);
    FILE *f = fopen(p, "wb");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return p;
}

/* Read `actor,value` files the way the CLI documents (every actor listed here). */
static void read_pairs(const lev_network *net, const char *path, double *v) {
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    char line[512];
    cr_assert_not_null(fgets(line, sizeof line, f));
    while (fgets(line, sizeof line, f)) {
        char *c = strchr(line, ',');
        cr_assert_not_null(c);
        *c = 0;
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, line, &i), LEV_OK, "%s", line);
        v[i] = strtod(c + 1, NULL);
    }
    fclose(f);
}

Test(cli_opinion, csv_is_the_library_s_equilibrium_influence_and_pressure) {
    char cmd[2048], *out;
    snprintf(cmd, sizeof cmd, "%s opinion --undirected --actors %s --initial %s --susceptibility %s --format csv %s",
             LEV_CLI, ACTORS, INITIAL, LAMBDA, EDGES);
    cr_assert_eq(run(cmd, &out, NULL), 0);
    lev_network *net = load_csv(EDGES, ACTORS);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    double u[16], lam[16], x[16], inf[16], du[16], dw[64], pw[16];
    read_pairs(net, INITIAL, u);
    read_pairs(net, LAMBDA, lam);
    cr_assert_eq(lev_friedkin_johnsen(net, u, lam, p, x), LEV_OK);
    cr_assert_eq(lev_friedkin_johnsen_influence(net, lam, p, inf), LEV_OK);
    cr_assert_eq(lev_opinion_pressure(net, u, lam, LEV_NONE, p, du, dw), LEV_OK);
    cr_assert_eq(lev_degroot(net, p, pw, NULL, NULL, NULL), LEV_OK);
    char *line = strtok(out, "\n");
    cr_assert_str_eq(line, "actor,initial,susceptibility,final,influence,pressure,social_power");
    size_t rows = 0;
    while ((line = strtok(NULL, "\n"))) {
        char name[64];
        double v[6];
        cr_assert_eq(sscanf(line, "%63[^,],%lf,%lf,%lf,%lf,%lf,%lf", name, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]), 7,
                     "%s", line);
        uint32_t i;
        cr_assert_eq(lev_actor_find(net, name, &i), LEV_OK);
        const double want[6] = {u[i], lam[i], x[i], inf[i], du[i], pw[i]};
        for (int k = 0; k < 6; k++) cr_assert(v[k] == want[k], "%s column %d: %.17g vs %.17g", name, k, v[k], want[k]);
        rows++;
    }
    cr_assert_eq(rows, 16);
    free(out);
    lev_params_free(p);
    lev_network_free(net);
}

Test(cli_opinion, text_and_json_name_the_consensus_and_the_pressure_points) {
    char cmd[2048], *out;
    snprintf(cmd, sizeof cmd, "%s opinion --undirected --actors %s --initial %s --susceptibility %s --top 2 %s",
             LEV_CLI, ACTORS, INITIAL, LAMBDA, EDGES);
    cr_assert_eq(run(cmd, &out, NULL), 0);
    cr_assert(strstr(out, "Consensus (DeGroot): no - 2 closed classes"), "%s", out); /* Pucci is alone */
    cr_assert(strstr(out, "  closed class 1: Acciaiuoli and 14 others\n  closed class 2: Pucci\n"), "%s", out);
    cr_assert(strstr(out, "  1. Medici  3.046\n"), "%s", out);
    cr_assert(strstr(out, "    1. Medici -> Tornabuoni [marriage]  0.0232\n"), "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s opinion --initial %s --susceptibility %s --format json --target Medici %s",
             LEV_CLI, INITIAL, LAMBDA, EDGES);
    char *err;
    /* without --actors, Pucci (in the files, not in the edges) is an unknown actor */
    cr_assert_eq(run(cmd, &out, &err), 1);
    cr_assert(strstr(err, "florentine_opinion.csv:13: unknown actor \"Pucci\" (not in the network)"), "%s", err);
    free(out), free(err);
    snprintf(cmd, sizeof cmd, "%s opinion --actors %s --initial %s --susceptibility %s --format json --target Medici %s",
             LEV_CLI, ACTORS, INITIAL, LAMBDA, EDGES);
    cr_assert_eq(run(cmd, &out, NULL), 0);
    cr_assert(strstr(out, "\"target\":\"Medici\""), "%s", out);
    cr_assert(strstr(out, "\"degroot\":{\"consensus\":false,\"closed_classes\":"), "%s", out);
    cr_assert(strstr(out, "{\"first\":\"Pucci\",\"size\":1,\"period\":1}"), "%s", out);
    cr_assert(strstr(out, "\"tie_pressure\":[{\"source\":"), "%s", out);
    free(out);
}

/* Each bad input: exit status 1 and `leverage: FILE:LINE: reason`. */
Test(cli_opinion, input_errors_name_file_line_and_reason) {
    struct {
        const char *initial, *lambda, *want;
    } cases[] = {
        {"actor,value\nMedici,1\nZed,2\n", NULL, ":3: unknown actor \"Zed\" (not in the network)"},
        {"actor,value\nMedici,abc\n", NULL, ":2: initial opinion of \"Medici\" is not a finite number (got \"abc\")"},
        {"actor,value\nMedici,nan\n", NULL, ":2: initial opinion of \"Medici\" is not a finite number (got \"nan\")"},
        {"actor,value\nMedici,1\nMedici,2\n", NULL, ":3: actor \"Medici\" is listed twice"},
        {"", NULL, ":1: empty file: a header row actor,value is required"},
        {"actor,value\nMedici\n", NULL, ":2: expected 2 fields actor,value"},
        {NULL, "actor,value\nMedici,1.5\n", ":2: susceptibility of \"Medici\" must be in [0, 1] (got 1.5)"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const char *ini = cases[k].initial ? tmpfile_with("u.csv", cases[k].initial) : INITIAL;
        const char *lam = cases[k].lambda ? tmpfile_with("l.csv", cases[k].lambda) : LAMBDA;
        char cmd[2048], *err;
        snprintf(cmd, sizeof cmd, "%s opinion --actors %s --initial %s --susceptibility %s %s", LEV_CLI, ACTORS, ini,
                 lam, EDGES);
        cr_assert_eq(run(cmd, NULL, &err), 1, "case %zu", k);
        char want[512];
        snprintf(want, sizeof want, "leverage: %s%s\n", cases[k].initial ? ini : lam, cases[k].want);
        cr_assert_str_eq(err, want, "case %zu", k);
        free(err);
    }
    char cmd[2048], *err;
    snprintf(cmd, sizeof cmd, "%s opinion --initial %s %s", LEV_CLI, INITIAL, EDGES);
    cr_assert_eq(run(cmd, NULL, &err), 2);
    cr_assert(strstr(err, "--susceptibility F is needed"), "%s", err);
    free(err);
    snprintf(cmd, sizeof cmd, "%s opinion --actors %s --initial %s --susceptibility %s --target Nobody %s", LEV_CLI,
             ACTORS, INITIAL, LAMBDA, EDGES);
    cr_assert_eq(run(cmd, NULL, &err), 1);
    cr_assert_str_eq(err, "leverage: --target: unknown actor \"Nobody\"\n");
    free(err);
}

/* An actor not listed starts at 0 with susceptibility 1 − its self-weight (0 when no tie reaches
 * it): here A (no tie in: fixed), B listens to A and to itself (w_BB = 1/4: λ = 3/4). */
Test(cli_opinion, missing_actors_take_the_documented_defaults) {
    const char *edges = tmpfile_with("e.csv", "source,target,weight\nA,B,3\nB,B,1\n");
    const char *ini = tmpfile_with("u.csv", "actor,value\nA,1\n");
    const char *lam = tmpfile_with("l.csv", "actor,value\n");
    char cmd[2048], *out;
    snprintf(cmd, sizeof cmd, "%s opinion --initial %s --susceptibility %s --format csv %s", LEV_CLI, ini, lam, edges);
    cr_assert_eq(run(cmd, &out, NULL), 0);
    /* x_B = ¾(¾ · 1 + ¼ x_B) + ¼ · 0 → x_B = (9/16)/(13/16) = 9/13 */
    char *b = strstr(out, "\nB,0,0.75,");
    cr_assert_not_null(b, "%s", out);
    cr_assert(strstr(out, "\nA,1,0,1,"), "%s", out);
    double xb = strtod(b + strlen("\nB,0,0.75,"), NULL);
    cr_assert(fabs(xb - 9.0 / 13) < 1e-9, "x_B = %.17g", xb);
    free(out);
}

/* More ties than three times the actors (the CLI once kept the ties' pressures in its per-actor
 * block and wrote past it): every tie's pressure, in file order, is the library's. */
Test(cli_opinion, tie_pressures_of_many_parallel_ties_are_the_library_s) {
    char edges[4096] = "source,target,weight\n";
    static const char *pairs[6][2] = {{"A", "B"}, {"A", "C"}, {"B", "A"}, {"B", "C"}, {"C", "A"}, {"C", "B"}};
    enum { M = 60 };
    for (int k = 0; k < M; k++)
        snprintf(edges + strlen(edges), sizeof edges - strlen(edges), "%s,%s,%d\n", pairs[k % 6][0], pairs[k % 6][1],
                 1 + (k * 7) % 11);
    char *e = strdup(tmpfile_with("dense_edges.csv", edges));
    char *u = strdup(tmpfile_with("dense_u.csv", "actor,value\nA,0\nB,0.5\nC,1\n"));
    char *l = strdup(tmpfile_with("dense_l.csv", "actor,value\nA,0.5\nB,0.25\nC,0.75\n"));
    char cmd[2048], *out;
    snprintf(cmd, sizeof cmd, "%s opinion --initial %s --susceptibility %s --format json %s", LEV_CLI, u, l, e);
    cr_assert_eq(run(cmd, &out, NULL), 0);
    lev_network *net = load_csv(e, NULL);
    cr_assert_eq(lev_edge_count(net), M);
    lev_params *p;
    cr_assert_eq(lev_params_new(&p), LEV_OK);
    double iu[3], il[3], du[3], dw[M];
    read_pairs(net, u, iu);
    read_pairs(net, l, il);
    cr_assert_eq(lev_opinion_pressure(net, iu, il, LEV_NONE, p, du, dw), LEV_OK);
    const char *at = strstr(out, "\"tie_pressure\":[");
    cr_assert_not_null(at, "%s", out);
    /* Listed by size; a tie is known by its pair and strength (k -> (k mod 6, 7k mod 11) is one to
     * one for k < 66). */
    size_t k = 0, nonzero = 0;
    int seen[M] = {0};
    for (at = strstr(at, "{\"source\":"); at; at = strstr(at + 1, "{\"source\":"), k++) {
        char s[8], t[8];
        int w;
        double v;
        cr_assert_eq(sscanf(at, "{\"source\":\"%7[^\"]\",\"target\":\"%7[^\"]\",\"strength\":%d,\"pressure\":%lf", s, t,
                            &w, &v), 4, "%.80s", at);
        int j = 0;
        while (j < M && !(strcmp(pairs[j % 6][0], s) == 0 && strcmp(pairs[j % 6][1], t) == 0 && 1 + (j * 7) % 11 == w)) j++;
        cr_assert_lt(j, M, "no tie %s -> %s of strength %d", s, t, w);
        cr_assert_not(seen[j]++, "tie %d listed twice", j);
        cr_assert(v == dw[j], "tie %d: %.17g vs %.17g", j, v, dw[j]);
        nonzero += v != 0;
    }
    cr_assert_eq(k, M);
    cr_assert_gt(nonzero, M / 2, "a test of zeros proves little");
    free(out);
    lev_params_free(p);
    lev_network_free(net);
    unlink(e), unlink(u), unlink(l);
    free(e), free(u), free(l);
}
