/* `leverage rank`: one score per actor (or per edge) under one measure, as CSV or JSON. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {.name = "measure", .kind = CLI_NAME, .field = offsetof(cli_args, measure), .meta = "NAME",
     .help = "the measure (listed below); required"},
    {.name = "edges", .kind = CLI_SWITCH, .field = offsetof(cli_args, edge_scores),
     .help = "one score per edge instead (betweenness only)"},
    {.name = "format", .kind = CLI_CHOICE, .choices = "csv|json", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 2147483647, .field = offsetof(cli_args, rank_top), .meta = "K",
     .choices = "every actor, in index order",
     .help = "only the K highest scores, highest first (ties to the lower index, no score last)"},
    {.kind = CLI_WORDS, .key = LEV_P_DIRECTION, .choices = "out=1|in=2", .meta = "D",
     .help = "out: influence an actor exerts (its ties out); in: influence it receives (its ties in)"},
    {.kind = CLI_FLAG, .key = LEV_P_NORMALIZED, .value = 1, .help = "each measure's normalized form"},
    {.kind = CLI_VALUE, .key = LEV_P_DAMPING, .meta = "D", .help = "PageRank's damping factor"},
    {.kind = CLI_VALUE, .key = LEV_P_ALPHA, .meta = "A", .help = "Katz attenuation"},
    {.kind = CLI_VALUE, .key = LEV_P_BETA, .meta = "B", .help = "Bonacich exponent, may be negative"},
    {.kind = CLI_VALUE, .key = LEV_P_EPSILON, .meta = "E", .help = "sampled betweenness: the error bound"},
    {.kind = CLI_VALUE, .key = LEV_P_DELTA, .meta = "P", .help = "sampled betweenness: the chance of missing it"},
    {.kind = CLI_VALUE, .key = LEV_P_CUTOFF, .meta = "L",
     .help = "path measures: count only paths of length <= L (hops, or 1/strength), 0 = all"},
    {.kind = CLI_FLAG, .key = LEV_P_ENDPOINTS, .value = 1, .help = "betweenness: count a path's two ends too"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed of sampled measures"},
    {.kind = CLI_VALUE, .key = LEV_P_TOLERANCE, .meta = "T", .help = "iterative measures: the stopping distance"},
    {.kind = CLI_VALUE, .key = LEV_P_MAX_ITER, .meta = "N", .help = "iterative measures: at most N iterations"},
    {.kind = CLI_END},
};

/* The options a measure reads, as rank spells them ("--damping, --direction, ..."), into b. */
static const char *reads_list(const measure *m, char *b, size_t cap) {
    size_t len = 0;
    char name[64];
    b[0] = 0;
    for (int r = 0; m->reads[r] && len < cap; r++)
        len += (size_t)snprintf(b + len, cap - len, "%s%s", r ? ", " : "",
                                cli_key_spelling(&cli_rank, m->reads[r], name, sizeof name));
    return b;
}

static void measures_help(FILE *f) {
    fputs("\nMeasures (each reads the options after it, and --threads):\n", f);
    char list[512];
    for (const measure *m = cli_measures; m->name; m++) {
        fprintf(f, "  %-26s %s\n", m->name, m->title);
        if (m->reads[0]) fprintf(f, "  %-26s   reads %s\n", "", reads_list(m, list, sizeof list));
    }
}

static int print_edge_scores(const cli_args *a, const lev_network *net) {
    size_t m = lev_edge_count(net);
    double *score = malloc((m ? m : 1) * sizeof *score);
    if (!score) {
        fprintf(stderr, "leverage: out of memory for %zu edges\n", m);
        return EXIT_FAILED;
    }
    if (lev_edge_betweenness(net, a->p, score) != LEV_OK) {
        fprintf(stderr, "leverage: betweenness: %s\n", lev_params_errmsg(a->p));
        free(score);
        return EXIT_FAILED;
    }
    int json = strcmp(a->format, "json") == 0;
    printf(json ? "{\"measure\":\"betweenness\",\"edges\":[" : "source,target,score\n");
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        lev_edge_get(net, e, &s, &t, NULL, NULL);
        if (json) {
            printf(e ? ",{\"source\":" : "{\"source\":");
            cli_json_string(stdout, lev_actor_name(net, s));
            printf(",\"target\":");
            cli_json_string(stdout, lev_actor_name(net, t));
            printf(",\"score\":");
            cli_print_number(stdout, score[e]);
            putchar('}');
        } else {
            cli_csv_field(stdout, lev_actor_name(net, s));
            putchar(',');
            cli_csv_field(stdout, lev_actor_name(net, t));
            putchar(',');
            cli_print_number(stdout, score[e]);
            putchar('\n');
        }
    }
    if (json) printf("]}\n");
    free(score);
    return cli_finish_output();
}

/* With --top K, closeness and harmonic without a cutoff take the exact top K by pruned search
 * (lev_closeness_top, lev_harmonic_top): the same rows, scores bit for bit and ties to the lower
 * index, as sorting every actor's score, without a search from every actor. */
static int top_by_search(const measure *m, const lev_params *p) {
    double cutoff = 0;
    lev_params_get_double(p, LEV_P_CUTOFF, &cutoff);
    return cutoff == 0 && (strcmp(m->name, "closeness") == 0 || strcmp(m->name, "harmonic") == 0);
}

/* Every library option given must be one the measure reads: none is silently ignored. */
static int check_reads(const cli_args *a, const measure *m) {
    char list[512];
    for (size_t k = 0; k < a->ngiven; k++)
        if (!cli_measure_reads(m, a->given[k]))
            return cli_usage("measure %s does not read %s (it reads %s%s--threads)", m->name, a->spelled[k],
                             reads_list(m, list, sizeof list), m->reads[0] ? ", " : "");
    return -1;
}

static int run(cli_args *a) {
    if (!a->measure) return cli_usage("rank needs --measure NAME");
    const measure *m = cli_measure_find(a->measure);
    char hint[96];
    if (!m)
        return cli_usage("unknown measure: %s%s (see leverage rank --help)", a->measure,
                         cli_measure_hint(a->measure, hint, sizeof hint));
    if (a->edge_scores && strcmp(m->name, "betweenness") != 0)
        return cli_usage("--edges goes with --measure betweenness");
    if (a->edge_scores && a->rank_top)
        return cli_usage("--top ranks actors; with --edges every edge is listed in the file's order");
    if (a->edge_scores && cli_given(a, LEV_P_ENDPOINTS))
        return cli_usage("--endpoints does not apply to edge scores (--edges): an edge has no endpoints to add");
    int status = check_reads(a, m);
    if (status >= 0) return status;
    if (!a->edges) return cli_usage("an edges file is needed");
    lev_network *net = NULL;
    double *score = NULL;
    uint32_t *order = NULL;
    a->sort_edges = !a->edge_scores; /* edge scores (--edges) are listed in the file's order */
    status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    if (a->edge_scores) {
        status = print_edge_scores(a, net);
        goto done;
    }
    status = EXIT_FAILED;
    size_t n = lev_actor_count(net);
    score = malloc((n ? n : 1) * sizeof *score);
    if (!score) {
        fprintf(stderr, "leverage: out of memory for %zu actors\n", n);
        goto done;
    }
    size_t rows = n;
    if (a->rank_top && top_by_search(m, a->p)) {
        rows = (size_t)a->rank_top < n ? (size_t)a->rank_top : n;
        double *top = malloc((rows ? rows : 1) * sizeof *top);
        order = malloc((rows ? rows : 1) * sizeof *order);
        if (!top || !order) {
            free(top);
            fprintf(stderr, "leverage: out of memory for %zu actors\n", rows);
            goto done;
        }
        lev_status rc = (strcmp(m->name, "closeness") == 0 ? lev_closeness_top : lev_harmonic_top)(net, a->p, rows,
                                                                                                   order, top);
        if (rc != LEV_OK) cli_measure_error(m, a->p, rc);
        for (size_t k = 0; rc == LEV_OK && k < rows; k++) score[order[k]] = top[k];
        free(top);
        if (rc != LEV_OK) goto done;
    } else if (cli_measure_run(m, net, a->p, score) != LEV_OK) {
        goto done;
    } else if (a->rank_top) { /* after the measure has freed its scratch: no higher peak */
        if (!(order = cli_order(score, n, 1))) {
            fprintf(stderr, "leverage: out of memory for %zu actors\n", n);
            goto done;
        }
        if ((size_t)a->rank_top < rows) rows = (size_t)a->rank_top;
    }
    if (strcmp(a->format, "json") == 0) {
        printf("{\"measure\":");
        cli_json_string(stdout, m->name);
        printf(",\"scores\":[");
        for (size_t k = 0; k < rows; k++) {
            size_t i = order ? order[k] : k;
            printf(k ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",\"score\":");
            cli_print_number(stdout, score[i]);
            putchar('}');
        }
        printf("]}\n");
    } else {
        printf("actor,score\n");
        for (size_t k = 0; k < rows; k++) {
            size_t i = order ? order[k] : k;
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            putchar(',');
            cli_print_number(stdout, score[i]);
            putchar('\n');
        }
    }
    status = cli_finish_output();
done:
    free(order);
    free(score);
    lev_network_free(net);
    return status;
}

const cli_command cli_rank = {
    .name = "rank",
    .summary = "one score per actor (or per edge) under one measure, as CSV or JSON",
    .synopsis = "--measure NAME [OPTIONS] EDGES.csv",
    .about = "Prints actor,score with a header row, one row per actor in index order: the actors\n"
             "file's order first, then new actors from the edges file in order of first appearance.\n"
             "With --top K, only the K highest scores, highest first.\n"
             "With --edges (betweenness only) prints source,target,score, one row per edge in file order.\n"
             "An option the measure does not read is an error, never silently ignored.",
    .format = "csv",
    .options = {options, cli_common_options, NULL},
    .run = run,
    .more_help = measures_help,
};
