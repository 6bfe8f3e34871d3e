/* `leverage convert IN OUT`: a network from one format into another, optionally with scores. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {.name = "output-format", .kind = CLI_NAME, .field = offsetof(cli_args, output_format), .meta = "F",
     .help = "csv (the edges), graphml, pajek, gml, json or dot (default: by OUT's extension)"},
    {.name = "resources", .kind = CLI_PATH, .field = offsetof(cli_args, resources), .meta = "F",
     .help = "resources file, header actor,resource,holds,needs (carried by GraphML and JSON)"},
    {.name = "scores", .kind = CLI_NAME, .field = offsetof(cli_args, scores), .meta = "M,M",
     .help = "measures of `leverage rank` to write as actor attributes (GraphML, GML, JSON, DOT; DOT sizes by the first)"},
    {.kind = CLI_END},
};

static int output_format(const char *path, const char *given, lev_format *fmt) {
    static const struct { const char *name, *ext1, *ext2; lev_format fmt; } f[] = {
        {"csv", ".csv", NULL, LEV_FORMAT_EDGES_CSV},  {"graphml", ".graphml", ".xml", LEV_FORMAT_GRAPHML},
        {"pajek", ".net", ".paj", LEV_FORMAT_PAJEK},   {"gml", ".gml", NULL, LEV_FORMAT_GML},
        {"json", ".json", NULL, LEV_FORMAT_JSON},      {"dot", ".dot", ".gv", LEV_FORMAT_DOT}};
    size_t n = sizeof f / sizeof f[0];
    if (given) {
        for (size_t k = 0; k < n; k++)
            if (strcmp(given, f[k].name) == 0) {
                *fmt = f[k].fmt;
                return -1;
            }
        return cli_usage("--output-format takes csv, graphml, pajek, gml, json or dot (got \"%s\")", given);
    }
    size_t len = strlen(path);
    for (size_t k = 0; k < n; k++)
        for (int e = 0; e < 2; e++) {
            const char *x = e ? f[k].ext2 : f[k].ext1;
            size_t xl = x ? strlen(x) : 0;
            if (!x || len < xl) continue;
            int same = 1;
            for (size_t i = 0; i < xl && same; i++) {
                char c = path[len - xl + i];
                if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
                same = c == x[i];
            }
            if (same) {
                *fmt = f[k].fmt;
                return -1;
            }
        }
    return cli_usage("cannot tell the output format from \"%s\": give --output-format", path);
}

static int run(cli_args *a) {
    if (!a->edges || !a->output) return cli_usage("convert needs an input file and an output file: IN OUT");
    lev_format out = LEV_FORMAT_EDGES_CSV;
    int status = output_format(a->output, a->output_format, &out);
    if (status >= 0) return status;
    /* The measures, checked before anything is read. */
    char *list = NULL;
    const char *names[16];
    const measure *ms[16];
    size_t ns = 0;
    if (a->scores) {
        if (out == LEV_FORMAT_EDGES_CSV || out == LEV_FORMAT_PAJEK)
            return cli_usage("--scores: CSV and Pajek carry no scores (GraphML, GML, JSON and DOT do)");
        list = malloc(strlen(a->scores) + 1);
        if (!list) return EXIT_FAILED;
        strcpy(list, a->scores);
        for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
            if (ns == 16) {
                free(list);
                return cli_usage("--scores: at most 16 measures");
            }
            ms[ns] = cli_measure_find(tok);
            if (!ms[ns]) {
                char hint[96];
                status = cli_usage("--scores: unknown measure \"%s\"%s (see leverage rank --help)", tok,
                                   cli_measure_hint(tok, hint, sizeof hint));
                free(list);
                return status;
            }
            for (char *c = tok; *c; c++)
                if (*c == '-') *c = '_'; /* a GML key: betweenness_approx */
            names[ns++] = tok;
        }
    }
    lev_network *net = NULL;
    double *sc = NULL;
    status = cli_open(a, &net);
    if (status == EXIT_OKAY && ns) {
        size_t n = lev_actor_count(net);
        sc = malloc((ns * n > 0 ? ns * n : 1) * sizeof *sc);
        if (!sc) status = EXIT_FAILED;
        for (size_t k = 0; k < ns && status == EXIT_OKAY; k++)
            if (cli_measure_run(ms[k], net, a->p, sc + k * n) != LEV_OK) status = EXIT_FAILED;
    }
    if (status == EXIT_OKAY && lev_write_scores_file(net, out, ns, names, sc, a->output) != LEV_OK) {
        fprintf(stderr, "leverage: %s\n", lev_errmsg(net));
        status = EXIT_FAILED;
    }
    free(sc);
    free(list);
    lev_network_free(net);
    return status;
}

const cli_command cli_convert = {
    .name = "convert",
    .summary = "a network from one format into another (CSV, GraphML, Pajek, GML; JSON, DOT)",
    .synopsis = "IN OUT [OPTIONS]",
    .about = "Read the network IN (CSV edges, GraphML, Pajek .net or GML, gzipped or not; by extension\n"
             "or --input-format) and write it to OUT (by extension or --output-format): CSV (the edges),\n"
             "GraphML, Pajek, GML, JSON node-link (for d3 and NetworkX) or Graphviz DOT (for dot, sfdp).\n"
             "--scores adds measures as actor attributes; DOT sizes the actors by the first.",
    .format = "text",
    .options = {options, cli_common_options, NULL},
    .run = run,
    .takes_output = 1,
};
