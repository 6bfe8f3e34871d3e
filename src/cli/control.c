/* `leverage drivers` and `leverage keyplayers`: the few actors that steer the rest (a minimum set
 * of driver actors and every actor's class for control), and the k actors that reach the most
 * others or whose removal fragments the network most. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *const class_names[] = {"", "critical", "intermittent", "redundant"};

static const cli_option drivers_options[] = {
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json|csv", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .field = offsetof(cli_args, top), .meta = "K",
     .help = "how many actors of each class the text names"},
    {.kind = CLI_END},
};

static int drivers_run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    lev_network *net = NULL;
    uint32_t *d = NULL, *cls = NULL;
    uint8_t *is_driver = NULL;
    int status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    status = EXIT_FAILED;
    size_t n = lev_actor_count(net), nd = 0;
    lev_status rc = lev_drivers(net, a->p, 0, NULL, &nd);
    if (rc != LEV_OK && rc != LEV_ERANGE) {
        fprintf(stderr, "leverage: drivers: %s\n", lev_params_errmsg(a->p));
        goto done;
    }
    d = malloc((nd ? nd : 1) * sizeof *d);
    cls = malloc((n ? n : 1) * sizeof *cls);
    is_driver = calloc(n ? n : 1, 1);
    if (!d || !cls || !is_driver) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    if (lev_drivers(net, a->p, nd, d, &nd) != LEV_OK || lev_control_classes(net, a->p, cls) != LEV_OK) {
        fprintf(stderr, "leverage: drivers: %s\n", lev_params_errmsg(a->p));
        goto done;
    }
    for (size_t k = 0; k < nd; k++) is_driver[d[k]] = 1;
    size_t count[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) count[cls[i]]++;
    double frac = n ? (double)nd / (double)n : 0;
    if (strcmp(a->format, "json") == 0) {
        printf("{\"actors\":%zu,\"drivers\":%zu,\"fraction\":", n, nd);
        cli_print_number(stdout, frac);
        printf(",\"critical\":%zu,\"intermittent\":%zu,\"redundant\":%zu,\"driver_actors\":[", count[1], count[2],
               count[3]);
        for (size_t k = 0; k < nd; k++) {
            if (k) printf(",");
            cli_json_string(stdout, lev_actor_name(net, d[k]));
        }
        printf("],\"classes\":[");
        for (size_t i = 0; i < n; i++) {
            printf(i ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",\"class\":\"%s\",\"driver\":%s}", class_names[cls[i]], is_driver[i] ? "true" : "false");
        }
        printf("]}\n");
    } else if (strcmp(a->format, "csv") == 0) {
        printf("actor,class,driver\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",%s,%d\n", class_names[cls[i]], is_driver[i]);
        }
    } else {
        char pct[32];
        printf("Driver actors: %zu of %zu (%s): steered directly, they let influence along the ties steer\n"
               "everyone (structural controllability; one minimum set of several possible):\n",
               nd, n, cli_pct(frac, pct, sizeof pct));
        /* the first --top (R-MAT 18's first million ties have 65 301 drivers: one per line was
         * the whole output); csv and json list them all */
        size_t named = nd < (size_t)a->top ? nd : (size_t)a->top;
        for (size_t k = 0; k < named; k++) printf("%s%s", k ? ", " : "  ", lev_actor_name(net, d[k]));
        if (nd > named) printf(" and %zu more", nd - named);
        if (nd) printf("\n");
        printf("Control classes: %zu critical (in every minimum set: no tie reaches them), %zu intermittent\n"
               "(in some), %zu redundant (in none)\n",
               count[1], count[2], count[3]);
        for (int c = 1; c <= 2; c++) {
            if (!count[c]) continue;
            printf("  %s:", class_names[c]);
            size_t shown = 0;
            for (size_t i = 0; i < n && shown < (size_t)a->top; i++)
                if (cls[i] == (uint32_t)c) printf("%s %s", shown++ ? "," : "", lev_actor_name(net, (uint32_t)i));
            if (count[c] > shown) printf(" and %zu more", count[c] - shown);
            printf("\n");
        }
    }
    status = cli_finish_output();
done:
    free(d);
    free(cls);
    free(is_driver);
    lev_network_free(net);
    return status;
}

const cli_command cli_drivers = {
    .name = "drivers",
    .summary = "the fewest actors to steer directly so that influence reaches everyone",
    .synopsis = "[OPTIONS] EDGES.csv",
    .about = "A minimum set of driver actors for structural controllability (Liu, Slotine and\n"
             "Barabasi 2011; lev_drivers(): maximum matching by Hopcroft-Karp): their number, their share\n"
             "of the actors and who they are, and every actor's class for control (Jia et al. 2013;\n"
             "lev_control_classes()): critical (in every minimum set), intermittent (in some), redundant\n"
             "(in none). Text names the first --top drivers and actors of each class; csv gives\n"
             "actor,class,driver rows; json everything.",
    .format = "text",
    .options = {drivers_options, cli_common_options, NULL},
    .run = drivers_run,
};

/* ---- keyplayers ------------------------------------------------------------------------------- */

static const cli_option keyplayers_options[] = {
    {.name = "k", .kind = CLI_COUNT, .lo = 1, .hi = 4294967295.0, .value = -1, .field = offsetof(cli_args, k),
     .meta = "K", .help = "how many key players (also -k K)"},
    {.name = "goal", .kind = CLI_WORDS, .key = LEV_P_KP_MEASURE, .value = 1,
     .choices = "reach=1|dreach=2|fragment=3|dfragment=4", .meta = "G",
     .help = "reach (most others within --distance steps), dreach (distance-weighted), fragment or dfragment "
             "(the most fragmented network once removed)"},
    {.name = "distance", .kind = CLI_VALUE, .key = LEV_P_KP_DISTANCE, .meta = "D",
     .help = "steps along which reach counts (goal reach)"},
    {.name = "starts", .kind = CLI_VALUE, .key = LEV_P_KP_STARTS, .meta = "N",
     .help = "starting sets improved by swaps: the greedy one, then random ones"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed of the random starts"},
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json|csv", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format"},
    {.kind = CLI_END},
};

static const char *const goal_names[] = {"", "reach", "dreach", "fragment", "dfragment"};

static int keyplayers_run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    if (a->k < 1) return cli_usage("keyplayers needs -k K, the number of key players");
    lev_network *net = NULL;
    uint32_t *set = NULL;
    int status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    status = EXIT_FAILED;
    size_t k = (size_t)a->k;
    double score = 0;
    set = malloc(k * sizeof *set);
    if (!set) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    int goal = (int)cli_get(a, LEV_P_KP_MEASURE);
    /* Distance-weighted fragmentation scores each candidate by a search from every actor: say
     * so when that is past hours (about 10^9 steps a second), before the wait. */
    double n = (double)lev_actor_count(net), steps = (double)k * n * n * (n + (double)lev_edge_count(net));
    if (goal == LEV_KP_DFRAGMENT && steps > 1e13) {
        char when[32];
        cli_duration(steps / 1e9, when, sizeof when);
        fprintf(stderr,
                "leverage: notice: dfragment scores every candidate by a search from each of the %.0f actors: "
                "about %.1g steps for k = %zu (%s at 10^9 a second); --goal fragment needs one search per "
                "step\n",
                n, steps, k, when);
    }
    if (lev_keyplayers(net, k, a->p, set, &score) != LEV_OK) {
        fprintf(stderr, "leverage: keyplayers: %s\n", lev_params_errmsg(a->p));
        goto done;
    }
    long long dist = (long long)cli_get(a, LEV_P_KP_DISTANCE);
    if (strcmp(a->format, "json") == 0) {
        printf("{\"goal\":\"%s\",\"k\":%zu,", goal_names[goal], k);
        if (goal == LEV_KP_REACH) printf("\"distance\":%lld,", dist);
        printf("\"score\":");
        cli_print_number(stdout, score);
        printf(",\"actors\":[");
        for (size_t i = 0; i < k; i++) {
            if (i) printf(",");
            cli_json_string(stdout, lev_actor_name(net, set[i]));
        }
        printf("]}\n");
    } else if (strcmp(a->format, "csv") == 0) {
        printf("actor,goal,score\n");
        for (size_t i = 0; i < k; i++) {
            cli_csv_field(stdout, lev_actor_name(net, set[i]));
            printf(",%s,", goal_names[goal]);
            cli_print_number(stdout, score);
            printf("\n");
        }
    } else {
        static const char *const what[] = {
            "",
            "share of all actors within %lld step(s) of the set (members count)",
            "distance-weighted reach: the mean of 1/steps from the set (members count 1)",
            "fragmentation once they are removed: the share of pairs of the rest that cannot reach each other",
            "distance-weighted fragmentation once they are removed: 1 - the mean of 1/steps between the rest"};
        printf("Key players (%s, k = %zu):", goal_names[goal], k);
        for (size_t i = 0; i < k; i++) printf("%s %s", i ? "," : "", lev_actor_name(net, set[i]));
        printf("\nScore ");
        cli_print_number(stdout, score);
        printf(": ");
        printf(what[goal], dist);
        printf("\n");
    }
    status = cli_finish_output();
done:
    free(set);
    lev_network_free(net);
    return status;
}

const cli_command cli_keyplayers = {
    .name = "keyplayers",
    .summary = "the k actors that reach the most others, or whose removal fragments the most",
    .synopsis = "[OPTIONS] -k K EDGES.csv",
    .about = "A key-player set (Borgatti 2006; lev_keyplayers()): greedy start plus swaps, seeded and\n"
             "the same for any --threads. --goal reach (default) finds the k actors that reach the\n"
             "most others within --distance steps along their ties (both ways with --undirected);\n"
             "dreach weighs each actor by 1/steps; fragment and dfragment find the k whose removal\n"
             "leaves the network most fragmented (ties read both ways). Prints the set and its score.",
    .format = "text",
    .options = {keyplayers_options, cli_common_options, NULL},
    .run = keyplayers_run,
};
