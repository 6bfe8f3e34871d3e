/* `leverage groups`: communities that maximize modularity, as actor,community rows. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {.name = "format", .kind = CLI_CHOICE, .choices = "csv|json", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format"},
    {.kind = CLI_VALUE, .key = LEV_P_RESOLUTION, .meta = "G", .help = "modularity resolution: larger gives smaller communities"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed: same seed, same partition"},
    {.kind = CLI_FLAG, .key = LEV_P_DIRECTED_MODULARITY, .value = 1,
     .help = "maximize directed modularity (Leicht-Newman): ties count by who sends and who receives"},
    {.kind = CLI_END},
};

static int run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    lev_network *net = NULL;
    uint32_t *comm = NULL;
    a->sort_edges = 1; /* groups of actors: no edge is named */
    int status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    status = EXIT_FAILED;
    size_t n = lev_actor_count(net), count = 0;
    double q = 0;
    comm = malloc((n ? n : 1) * sizeof *comm);
    if (!comm) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    if (lev_communities(net, a->p, comm, &count, &q) != LEV_OK) {
        fprintf(stderr, "leverage: communities: %s\n", lev_params_errmsg(a->p));
        goto done;
    }
    if (strcmp(a->format, "json") == 0) {
        printf("{\"communities\":%zu,\"modularity\":", count);
        cli_print_number(stdout, q);
        printf(",\"actors\":[");
        for (size_t i = 0; i < n; i++) {
            printf(i ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",\"community\":%u}", (unsigned)comm[i]);
        }
        printf("]}\n");
    } else {
        printf("actor,community\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",%u\n", (unsigned)comm[i]);
        }
    }
    status = cli_finish_output();
done:
    free(comm);
    lev_network_free(net);
    return status;
}

const cli_command cli_groups = {
    .name = "groups",
    .summary = "communities that maximize modularity: actor,community",
    .synopsis = "[OPTIONS] EDGES.csv",
    .about = "Communities that maximize modularity on the undirected view (--directed-modularity: the\n"
             "directed modularity of Leicht and Newman), as actor,community rows in\n"
             "index order (community ids 0, 1, ... in order of each community's first actor). JSON adds\n"
             "the number of communities and the modularity.",
    .format = "csv",
    .options = {options, cli_common_options, NULL},
    .run = run,
};
