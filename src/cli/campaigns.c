/* `leverage spread` and `leverage seeds`: how far a campaign spreads from given seeds, and whom to
 * start with; and the "where to start" section of `leverage analyze`. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --probability strength|wc|P into the library's keys; -1 to go on, else an exit status. */
static int set_probability(cli_args *a) {
    if (!a->probability) return -1;
    if (strcmp(a->probability, "strength") == 0) {
        lev_params_set_int(a->p, LEV_P_PROBABILITY, LEV_PROB_STRENGTH);
        return -1;
    }
    if (strcmp(a->probability, "wc") == 0) {
        lev_params_set_int(a->p, LEV_P_PROBABILITY, LEV_PROB_WC);
        return -1;
    }
    char *end;
    errno = 0;
    double v = strtod(a->probability, &end);
    if (end == a->probability || *end)
        return cli_usage("--probability takes strength, wc or a number in [0, 1] (got \"%s\")", a->probability);
    if (lev_params_set_double(a->p, LEV_P_CONSTANT_PROBABILITY, v) != LEV_OK)
        return cli_usage("--probability %s: %s", a->probability, lev_params_errmsg(a->p));
    lev_params_set_int(a->p, LEV_P_PROBABILITY, LEV_PROB_CONSTANT);
    return -1;
}

/* Actors named in a comma-separated list, into a malloc'ed array; prints the error. */
static int parse_actors(const lev_network *net, const char *list, uint32_t **out, size_t *count) {
    size_t cap = 1;
    for (const char *c = list; *c; c++) cap += *c == ',';
    uint32_t *v = malloc(cap * sizeof *v);
    char *copy = malloc(strlen(list) + 1);
    if (!v || !copy) {
        free(v);
        free(copy);
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    strcpy(copy, list);
    size_t k = 0;
    for (char *tok = copy, *next; tok; tok = next) {
        next = strchr(tok, ',');
        if (next) *next++ = 0;
        if (!*tok) continue;
        if (lev_actor_find(net, tok, &v[k]) != LEV_OK) {
            fprintf(stderr, "leverage: --seeds: no actor named \"%s\"\n", tok);
            free(v);
            free(copy);
            return EXIT_USAGE;
        }
        k++;
    }
    free(copy);
    *out = v;
    *count = k;
    return EXIT_OKAY;
}

/* A copy of net with every tie also running the other way (self-loops once), for --undirected:
 * diffusion follows the ties' direction. Prints the error; *out NULL on failure. */
static int two_way(const lev_network *net, lev_network **out) {
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    lev_network *two = NULL;
    *out = NULL;
    if (lev_network_new(&two) != LEV_OK) goto oom;
    for (size_t v = 0; v < n; v++)
        if (lev_actor_add(two, lev_actor_name(net, (uint32_t)v), lev_actor_group(net, (uint32_t)v), NULL)) goto oom;
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        double w;
        lev_edge_get(net, e, &s, &t, &w, NULL);
        if (lev_edge_add(two, s, t, w, NULL, NULL) || (s != t && lev_edge_add(two, t, s, w, NULL, NULL))) goto oom;
    }
    *out = two;
    return EXIT_OKAY;
oom:
    fprintf(stderr, "leverage: out of memory\n");
    lev_network_free(two);
    return EXIT_FAILED;
}

/* ---- leverage spread ------------------------------------------------------------------------------ */

static const cli_option spread_options[] = {
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json|csv", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format (csv: actor,probability rows)"},
    {.name = "seeds", .kind = CLI_NAME, .field = offsetof(cli_args, seeds), .meta = "A,B,C",
     .help = "the actors who start, by name, comma-separated"},
    {.kind = CLI_WORDS, .key = LEV_P_MODEL, .value = 1, .choices = "ic=1|lt=2", .meta = "M",
     .help = "diffusion model: Independent Cascade or Linear Threshold"},
    {.name = "probability", .kind = CLI_NAME, .field = offsetof(cli_args, probability), .meta = "P",
     .help = "IC tie probability: strength, wc (1/in-degree of the target, the default) or a number"},
    {.kind = CLI_VALUE, .key = LEV_P_RUNS, .meta = "N", .help = "Monte Carlo runs"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed: same seed, same answer"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .field = offsetof(cli_args, top), .meta = "K",
     .help = "how many actors most likely to join to list (text)"},
    {.kind = CLI_END},
};

/* The seeds' names, for cli_spread_head. */
typedef struct seed_names {
    const lev_network *net;
    const uint32_t *seeds;
} seed_names;

static const char *seed_name(const void *ctx, size_t i) {
    const seed_names *sn = ctx;
    return lev_actor_name(sn->net, sn->seeds[i]);
}

static int spread_run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    if (!a->seeds) return cli_usage("--seeds is needed: the actors who start, comma-separated");
    int status = set_probability(a);
    if (status >= 0) return status;
    lev_network *net = NULL;
    uint32_t *seeds = NULL, *order = NULL;
    double *prob = NULL;
    size_t ns = 0;
    status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    if (cli_get(a, LEV_P_UNDIRECTED) != 0) {
        lev_network *two;
        if ((status = two_way(net, &two)) != EXIT_OKAY) goto done;
        lev_network_free(net);
        net = two;
    }
    if ((status = parse_actors(net, a->seeds, &seeds, &ns)) != EXIT_OKAY) goto done;
    status = EXIT_FAILED;
    size_t n = lev_actor_count(net);
    prob = malloc((n ? n : 1) * sizeof *prob);
    if (!prob) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    double sp, se, ci[2];
    if (lev_spread(net, seeds, ns, a->p, &sp, &se, ci, prob) != LEV_OK) {
        fprintf(stderr, "leverage: %s\n", lev_params_errmsg(a->p));
        goto done;
    }
    seed_names sn = {net, seeds};
    if (strcmp(a->format, "csv") == 0) {
        printf("actor,probability\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            putchar(',');
            cli_print_number(stdout, prob[i]);
            putchar('\n');
        }
    } else if (strcmp(a->format, "json") == 0) {
        cli_spread_head(1, a->edges, a->p, n, lev_edge_count(net), seed_name, &sn, ns, sp, se, ci);
        for (size_t i = 0; i < n; i++) {
            if (i) putchar(',');
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            putchar(':');
            cli_print_number(stdout, prob[i]);
        }
        printf("}}\n");
    } else {
        cli_spread_head(0, a->edges, a->p, n, lev_edge_count(net), seed_name, &sn, ns, sp, se, ci);
        order = cli_order(prob, n, 1);
        if (!order) {
            fprintf(stderr, "leverage: out of memory\n");
            goto done;
        }
        size_t shown = 0, top = (size_t)a->top;
        for (size_t t = 0; t < n && shown < top; t++) {
            uint32_t v = order[t];
            int is_seed = 0;
            for (size_t i = 0; i < ns; i++) is_seed |= seeds[i] == v;
            if (is_seed || prob[v] <= 0) continue;
            if (!shown) printf("\nMost likely to join:\n");
            printf("  %-24s %.3f\n", lev_actor_name(net, v), prob[v]);
            shown++;
        }
    }
    status = cli_finish_output();
done:
    free(seeds);
    free(prob);
    free(order);
    lev_network_free(net);
    return status;
}

const cli_command cli_spread = {
    .name = "spread",
    .summary = "how far a campaign spreads from given seeds (IC or LT Monte Carlo)",
    .synopsis = "EDGES.csv --seeds A,B,C [OPTIONS]",
    .about = "How far influence spreads from the seeds along the ties (source -> target: the source can win\n"
             "the target over): the expected number of actors reached, its standard error and 95% interval,\n"
             "and each actor's chance of joining, by Monte Carlo under Independent Cascade (each tie one\n"
             "chance, with its probability) or Linear Threshold. Seeded: same seed, same answer for any\n"
             "--threads.",
    .format = "text",
    .options = {spread_options, cli_common_options, NULL},
    .run = spread_run,
};

/* ---- leverage seeds -------------------------------------------------------------------------------- */

static const cli_option seeds_options[] = {
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json|csv", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format (csv: rank,actor,gain,reach rows)"},
    {.name = "k", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .value = -1, .field = offsetof(cli_args, k), .meta = "K",
     .help = "how many seeds (also -k)"},
    {.kind = CLI_WORDS, .key = LEV_P_MODEL, .value = 1, .choices = "ic=1|lt=2", .meta = "M",
     .help = "diffusion model: Independent Cascade or Linear Threshold"},
    {.name = "probability", .kind = CLI_NAME, .field = offsetof(cli_args, probability), .meta = "P",
     .help = "IC tie probability: strength, wc (1/in-degree of the target, the default) or a number"},
    {.name = "epsilon", .kind = CLI_VALUE, .key = LEV_P_SEEDS_EPSILON, .meta = "E",
     .help = "the guarantee is 1 - 1/e - E of the best possible, with probability 1 - 1/n"},
    {.name = "group", .kind = CLI_NAME, .field = offsetof(cli_args, group), .meta = "G",
     .help = "maximize the actors reached in this group only (needs --actors with groups)"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed: same seed, same answer"},
    {.kind = CLI_END},
};

/* The seeds of net for the options in p, printed as text, JSON or CSV. k seeds; group: an index
 * or -1. `heading` text: the line before the table (NULL: none). */
static int print_seeds(const lev_network *net, lev_params *p, size_t k, const char *fmt, FILE *f, const char *note) {
    uint32_t *s = malloc((k ? k : 1) * sizeof *s);
    double *g = malloc((k ? k : 1) * sizeof *g), sp = 0, ratio = 0;
    size_t len = 0;
    uint64_t sets = 0, bytes = 0;
    int status = EXIT_FAILED;
    if (!s || !g) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    if (lev_seeds(net, k, NULL, NULL, p, s, g, &len, &sp, &ratio, &sets, &bytes) != LEV_OK) {
        fprintf(stderr, "leverage: %s\n", lev_params_errmsg(p));
        goto done;
    }
    double eps = 0;
    int64_t tg = -1;
    lev_params_get_double(p, LEV_P_SEEDS_EPSILON, &eps);
    lev_params_get_int(p, LEV_P_TARGET_GROUP, &tg);
    size_t n = lev_actor_count(net), pool = n;
    if (tg >= 0) {
        pool = 0;
        for (size_t v = 0; v < n; v++) {
            const char *gr = lev_actor_group(net, (uint32_t)v);
            pool += gr && strcmp(gr, lev_group_name(net, (uint32_t)tg)) == 0;
        }
    }
    if (strcmp(fmt, "csv") == 0) {
        fprintf(f, "rank,actor,gain,reach\n");
        double cum = 0;
        for (size_t i = 0; i < len; i++) {
            cum += g[i];
            fprintf(f, "%zu,", i + 1);
            cli_csv_field(f, lev_actor_name(net, s[i]));
            fputc(',', f);
            cli_print_number(f, g[i]);
            fputc(',', f);
            cli_print_number(f, cum);
            fputc('\n', f);
        }
    } else if (strcmp(fmt, "json") == 0) {
        fprintf(f, "{\"model\":\"%s\",\"probability\":\"%s\",\"epsilon\":", cli_model_word(p), cli_prob_word(p));
        cli_print_number(f, eps);
        fprintf(f, ",\"target_group\":");
        if (tg >= 0) cli_json_string(f, lev_group_name(net, (uint32_t)tg));
        else fputs("null", f);
        fprintf(f, ",\"seeds\":[");
        for (size_t i = 0; i < len; i++) {
            fprintf(f, i ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(f, lev_actor_name(net, s[i]));
            fprintf(f, ",\"gain\":");
            cli_print_number(f, g[i]);
            fputc('}', f);
        }
        fprintf(f, "],\"spread\":");
        cli_print_number(f, sp);
        fprintf(f, ",\"certified_ratio\":");
        cli_print_number(f, ratio);
        fprintf(f, ",\"rr_sets\":%llu,\"rr_bytes\":%llu", (unsigned long long)sets, (unsigned long long)bytes);
        if (note) {
            fprintf(f, ",\"note\":");
            cli_json_string(f, note);
        }
        fputc('}', f);
    } else {
        char model[160];
        cli_describe_model(p, model, sizeof model);
        fprintf(f, "%s; epsilon %g.\n", model, eps);
        if (note) fprintf(f, "%s\n", note);
        fprintf(f, "  #  %-24s %10s %10s\n", "seed", "gain", "reach");
        double cum = 0;
        for (size_t i = 0; i < len; i++) {
            cum += g[i];
            fprintf(f, "%3zu  %-24s %10.2f %10.2f\n", i + 1, lev_actor_name(net, s[i]), g[i], cum);
        }
        fprintf(f, "Expected reach: %.2f of %zu actors%s%s%s; certified: at least %.1f%% of the best %zu seeds' reach "
                   "(with probability 1 - 1/%zu), from %llu RR sets (%.*f %s).\n",
                sp, pool, tg >= 0 ? " in group \"" : "", tg >= 0 ? lev_group_name(net, (uint32_t)tg) : "",
                tg >= 0 ? "\"" : "", 100 * ratio, k, n, (unsigned long long)sets, bytes >= 1000000 ? 1 : 0,
                bytes >= 1000000 ? (double)bytes / 1e6 : (double)bytes / 1e3, bytes >= 1000000 ? "MB" : "kB");
    }
    status = EXIT_OKAY;
done:
    free(s);
    free(g);
    return status;
}

static int seeds_run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    if (a->k <= 0) return cli_usage("-k is needed: how many seeds");
    int status = set_probability(a);
    if (status >= 0) return status;
    lev_network *net = NULL;
    status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    if (cli_get(a, LEV_P_UNDIRECTED) != 0) {
        lev_network *two;
        if ((status = two_way(net, &two)) != EXIT_OKAY) goto done;
        lev_network_free(net);
        net = two;
    }
    if (a->group) {
        size_t ng = lev_group_count(net), g = 0;
        while (g < ng && strcmp(lev_group_name(net, (uint32_t)g), a->group) != 0) g++;
        if (g == ng) {
            status = cli_usage("--group: no group named \"%s\" (groups come from --actors)", a->group);
            goto done;
        }
        lev_params_set_int(a->p, LEV_P_TARGET_GROUP, (int64_t)g);
    }
    int text = strcmp(a->format, "text") == 0, json = strcmp(a->format, "json") == 0;
    if (text)
        printf("Where to start: %s\n%zu actors, %zu influence ties.\n", a->edges, lev_actor_count(net),
               lev_edge_count(net));
    if (json) {
        printf("{\"source\":");
        cli_json_string(stdout, a->edges);
        printf(",\"k\":%lld,\"result\":", a->k);
    }
    status = print_seeds(net, a->p, (size_t)a->k, a->format, stdout, NULL);
    if (json && status == EXIT_OKAY) printf("}\n");
    if (status == EXIT_OKAY) status = cli_finish_output();
done:
    lev_network_free(net);
    return status;
}

const cli_command cli_seeds = {
    .name = "seeds",
    .summary = "whom to start with: the k seeds that reach the most (influence maximization)",
    .synopsis = "EDGES.csv -k K [OPTIONS]",
    .about = "The k actors that, won over first, reach the most actors in expectation, with a (1 - 1/e - E)\n"
             "guarantee by reverse-reachable sampling (OPIM-C), the ratio actually certified, each seed's\n"
             "marginal gain in selection order, and the RR sets used. --group G counts only the actors of\n"
             "group G as reached (reach the outsiders, not the in-crowd).",
    .format = "text",
    .options = {seeds_options, cli_common_options, NULL},
    .run = seeds_run,
};

/* ---- the "where to start" section of analyze ------------------------------------------------------- */

int cli_seeds_section(const cli_args *a, const lev_network *net, int json, FILE *f) {
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    lev_params *p = NULL;
    lev_network *two = NULL;
    int status = EXIT_FAILED;
    if (lev_params_new(&p) != LEV_OK) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    lev_params_set_int(p, LEV_P_THREADS, (int64_t)cli_get(a, LEV_P_THREADS));
    lev_params_set_int(p, LEV_P_SEED, (int64_t)cli_get(a, LEV_P_SEED));
    /* At scale, a looser guarantee keeps the section within a fraction of a second. */
    double eps = m > 1000000 ? 0.5 : m > 100000 ? 0.3 : 0.1;
    lev_params_set_double(p, LEV_P_SEEDS_EPSILON, eps);
    char note[256];
    snprintf(note, sizeof note, "Ties spread %s.%s", cli_get(a, LEV_P_UNDIRECTED) ? "both ways" : "from source to target",
             eps > 0.1 ? " Epsilon loosened from 0.1 above 100k ties (0.3) and 1M (0.5), to keep the report fast."
                       : "");
    const lev_network *use = net;
    (void)m;
    if (cli_get(a, LEV_P_UNDIRECTED) != 0) {
        if (two_way(net, &two) != EXIT_OKAY) {
            lev_params_free(p);
            return EXIT_FAILED;
        }
        use = two;
    }
    size_t k = n < 3 ? n : 3;
    if (k == 0) {
        if (json) fputs("null", f);
        else fputs("No actors.\n", f);
        status = EXIT_OKAY;
    } else {
        status = print_seeds(use, p, k, json ? "json" : "text", f, note);
    }
    lev_network_free(two);
    lev_params_free(p);
    return status;
}
