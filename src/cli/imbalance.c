/* `leverage imbalance`: how unequal the power is (the section analyze prints, on its own). */
#include "cli.h"

#include <string.h>

static const cli_option options[] = {
    {.kind = CLI_VALUE, .key = LEV_P_DAMPING, .meta = "D", .help = "PageRank's damping factor"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed of the randomized parts"},
    {.kind = CLI_END},
};

static int run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    lev_network *net = NULL;
    a->sort_edges = 1; /* figures per actor and for the network: no edge is named */
    int status = cli_open(a, &net);
    if (status == EXIT_OKAY) {
        if (strcmp(a->format, "json") == 0) {
            printf("{\"source\":");
            cli_json_string(stdout, a->edges);
            printf(",\"imbalance\":");
            status = cli_imbalance_section(a, net, a->p, NULL, 1, stdout);
            printf("}\n");
        } else {
            printf("Power imbalance: %s\n%zu actors, %zu influence ties (%s).\n\n", a->edges, lev_actor_count(net),
                   lev_edge_count(net), cli_get(a, LEV_P_UNDIRECTED) ? "read as two-way" : "directed");
            status = cli_imbalance_section(a, net, a->p, NULL, 0, stdout);
        }
        if (status == EXIT_OKAY) status = cli_finish_output();
    }
    lev_network_free(net);
    return status;
}

const cli_command cli_imbalance = {
    .name = "imbalance",
    .summary = "how unequal power is: inequality, asymmetry, dependence, in-crowd",
    .synopsis = "EDGES.csv [OPTIONS]",
    .about = "How unequal the power is: inequality of influence and of each resource (Gini, Theil,\n"
             "top shares, Lorenz curve in JSON), centralization, reciprocity and the most one-sided ties,\n"
             "dyad and triad census, Krackhardt's hierarchy, dependence from holdings and needs, each\n"
             "actor's net power advantage, and the in-crowd with its outsiders.",
    .format = "text",
    .options = {cli_report_options, options, cli_common_options, NULL},
    .run = run,
};
