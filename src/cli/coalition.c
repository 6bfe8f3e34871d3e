/* `leverage coalition`: the weighted voting game over one resource (voting power, minimal
 * winning coalitions, the cheapest alliance), and the "alliances" section of `leverage analyze`. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {.name = "resources", .kind = CLI_PATH, .field = offsetof(cli_args, resources), .meta = "F",
     .help = "resources file, header actor,resource,holds,needs (required)"},
    {.name = "resource", .kind = CLI_NAME, .field = offsetof(cli_args, resource), .meta = "NAME",
     .help = "the resource whose holdings are the votes (default: the first)"},
    {.name = "cost", .kind = CLI_NAME, .field = offsetof(cli_args, cost), .meta = "NAME",
     .help = "a resource whose holdings are what each actor costs to win over (default: count actors)"},
    {.kind = CLI_VALUE, .key = LEV_P_QUOTA, .meta = "Q", .help = "votes a coalition needs (0: use --quota-fraction)"},
    {.kind = CLI_VALUE, .key = LEV_P_QUOTA_FRACTION, .meta = "F",
     .help = "when the quota is 0: a coalition needs strictly more than this share of all votes"},
    {.kind = CLI_FLAG, .key = LEV_P_CONNECTED, .value = 1,
     .help = "graph-restricted game: allies must be connected through their ties (either way)"},
    {.kind = CLI_VALUE, .key = LEV_P_MEMORY_LIMIT, .meta = "B", .help = "bytes the exact methods may take; past it, sample"},
    {.kind = CLI_VALUE, .key = LEV_P_COALITION_SAMPLES, .meta = "R", .help = "random orders and coalitions when sampling"},
    {.kind = CLI_VALUE, .key = LEV_P_ENUM_LIMIT, .meta = "N", .help = "largest network solved by enumeration with --connected"},
    {.kind = CLI_VALUE, .key = LEV_P_COALITION_LIMIT, .meta = "K", .help = "most minimal winning coalitions enumerated"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed of the sampled estimates"},
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json|csv", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .field = offsetof(cli_args, top), .meta = "K",
     .help = "how many actors and coalitions the text names"},
    /* the common options this command reads (ties are read both ways, strengths not at all, so
     * --undirected and --unweighted would change nothing: they are not offered) */
    {.name = "actors", .kind = CLI_PATH, .field = offsetof(cli_args, actors), .meta = "F",
     .help = "actors file, header name[,group]: fixes the actors' order, brings in isolated actors and groups"},
    {.kind = CLI_VALUE, .key = LEV_P_THREADS, .meta = "N",
     .help = "worker threads, 0 = all cores; results do not depend on it"},
    {.name = "strict", .kind = CLI_SWITCH, .field = offsetof(cli_args, strict),
     .help = "names in the edges or resources file that the actors file lacks are an error, not a notice"},
    {.kind = CLI_END},
};

static const char *method_name(int m) {
    return m == LEV_COALITION_EXACT ? "exact" : m == LEV_COALITION_SAMPLED ? "sampled" : "heuristic";
}

typedef struct game {
    size_t n;
    uint32_t res, cost;
    double *h, total;
    double *v[7]; /* raw, banzhaf, shapley, raw err, shapley err, deegan-packel, holler-packel */
    int method, packel, amethod;
    uint32_t *mem, *co, *ac;
    size_t nmem, npairs;
    double acost, count;
} game;

static void game_free(game *g) {
    free(g->h);
    for (int k = 0; k < 7; k++) free(g->v[k]);
    free(g->mem);
    free(g->co);
    free(g->ac);
}

/* Compute everything the command prints. Prints the error; returns an exit status. `list`: how
 * many minimal winning coalitions to list (0: as many as LEV_P_COALITION_LIMIT); the count is
 * the library's either way. */
static int compute(const lev_network *net, lev_params *p, uint32_t res, uint32_t cost, int mwc, size_t list,
                   game *g) {
    memset(g, 0, sizeof *g);
    g->n = lev_actor_count(net);
    g->res = res;
    g->cost = cost;
    size_t nn = g->n ? g->n : 1;
    g->h = malloc(nn * sizeof(double));
    for (int k = 0; k < 7; k++) g->v[k] = malloc(nn * sizeof(double));
    g->mem = malloc(nn * sizeof(uint32_t));
    for (int k = 0; k < 7; k++)
        if (!g->v[k]) g->h = (free(g->h), NULL);
    if (!g->h || !g->mem) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    lev_resource_amounts(net, res, g->h, NULL);
    for (size_t i = 0; i < g->n; i++) g->total += g->h[i];
    if (lev_voting_power(net, res, p, g->v[0], g->v[1], g->v[2], g->v[3], g->v[4], &g->method) != LEV_OK) {
        fprintf(stderr, "leverage: voting power: %s\n", lev_params_errmsg(p));
        return EXIT_FAILED;
    }
    if (lev_cheapest_alliance(net, res, cost, p, g->n, g->mem, &g->nmem, &g->acost, &g->amethod) != LEV_OK) {
        fprintf(stderr, "leverage: cheapest alliance: %s\n", lev_params_errmsg(p));
        return EXIT_FAILED;
    }
    if (!mwc) return EXIT_OKAY;
    lev_status rc = lev_packel_indices(net, res, p, g->v[5], g->v[6]);
    if (rc == LEV_OK) g->packel = 1;
    else if (rc != LEV_EUNSUPPORTED) {
        fprintf(stderr, "leverage: Deegan-Packel: %s\n", lev_params_errmsg(p));
        return EXIT_FAILED;
    }
    /* The count under the full limit; then, when only `list` are shown (text), the length and
     * the listing under a limit of `list` (100 000 coalitions of 1 469 members were 1.2 GB to
     * show 5). The count stays the first call's. */
    rc = lev_minimal_winning(net, res, p, 0, NULL, NULL, &g->npairs, &g->count);
    int64_t limit = 0;
    lev_params_get_int(p, LEV_P_COALITION_LIMIT, &limit);
    int fewer = rc == LEV_ERANGE && g->npairs && list && (int64_t)list < limit;
    if (fewer) {
        lev_params_set_int(p, LEV_P_COALITION_LIMIT, (int64_t)list);
        rc = lev_minimal_winning(net, res, p, 0, NULL, NULL, &g->npairs, NULL);
    }
    int oom = 0;
    if (rc == LEV_ERANGE && g->npairs) {
        g->co = malloc(g->npairs * sizeof(uint32_t));
        g->ac = malloc(g->npairs * sizeof(uint32_t));
        if (!(oom = !g->co || !g->ac)) rc = lev_minimal_winning(net, res, p, g->npairs, g->co, g->ac, &g->npairs, NULL);
    }
    if (fewer) lev_params_set_int(p, LEV_P_COALITION_LIMIT, limit);
    if (oom) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    if (rc != LEV_OK) {
        fprintf(stderr, "leverage: minimal winning coalitions: %s\n", lev_params_errmsg(p));
        return EXIT_FAILED;
    }
    return EXIT_OKAY;
}

/* "strictly more than 50% of 681 (341 wins)" or "at least 39" */
static void print_quota(lev_params *p, const game *g, FILE *f) {
    double q = 0, fr = 0.5;
    lev_params_get_double(p, LEV_P_QUOTA, &q);
    lev_params_get_double(p, LEV_P_QUOTA_FRACTION, &fr);
    if (q > 0) {
        fputs("at least ", f);
        cli_print_number(f, q);
    } else {
        char b[32];
        fprintf(f, "strictly more than %s of ", cli_pct(fr, b, sizeof b));
        cli_print_number(f, g->total);
    }
}

/* The members, at most `top` named: the heaviest (equal holdings by index), then "and N more". */
static void text_alliance(const lev_network *net, const game *g, size_t top, FILE *f) {
    if (g->nmem == 0) {
        fprintf(f, "  No alliance reaches the quota.\n");
        return;
    }
    double held = 0;
    for (size_t k = 0; k < g->nmem; k++) held += g->h[g->mem[k]];
    fputs("  ", f);
    if (g->nmem <= top) {
        for (size_t k = 0; k < g->nmem; k++) fprintf(f, "%s%s", k ? ", " : "", lev_actor_name(net, g->mem[k]));
    } else {
        double *w = malloc(g->nmem * sizeof *w);
        uint32_t *ord = NULL;
        if (w) {
            for (size_t k = 0; k < g->nmem; k++) w[k] = g->h[g->mem[k]];
            ord = cli_order(w, g->nmem, 1);
        }
        for (size_t k = 0; ord && k < top; k++) fprintf(f, "%s%s", k ? ", " : "", lev_actor_name(net, g->mem[ord[k]]));
        fprintf(f, " and %zu more", g->nmem - (ord ? top : 0));
        free(ord);
        free(w);
    }
    char b[32];
    fprintf(f, "\n  %zu actor%s holding ", g->nmem, g->nmem == 1 ? "" : "s");
    cli_print_number(f, held);
    fprintf(f, " (%s)", cli_pct(g->total > 0 ? held / g->total : 0, b, sizeof b));
    if (g->cost != LEV_NONE) {
        fputs(", total cost ", f);
        cli_print_number(f, g->acost);
    }
    fprintf(f, "; %s.\n", g->amethod == LEV_COALITION_EXACT ? "exact" : "a greedy search, not guaranteed cheapest");
}

/* members: every one, or (cap) the first `cap` by index with "size" the whole count */
static void json_alliance(const lev_network *net, const game *g, size_t cap, FILE *f) {
    fprintf(f, "{\"size\":%zu,\"members\":[", g->nmem);
    for (size_t k = 0; k < g->nmem && k < cap; k++) {
        if (k) fputc(',', f);
        cli_json_string(f, lev_actor_name(net, g->mem[k]));
    }
    fputs("],\"cost\":", f);
    if (g->nmem) cli_print_number(f, g->acost);
    else fputs("null", f);
    fprintf(f, ",\"method\":\"%s\"}", method_name(g->amethod));
}

/* The top actors by Shapley–Shubik (ties by index), at most k. */
static void text_power(const lev_network *net, const game *g, size_t k, FILE *f) {
    uint32_t *ord = cli_order(g->v[2], g->n, 1);
    if (!ord) return;
    char b1[32], b2[32];
    for (size_t t = 0; t < g->n && t < k; t++) {
        uint32_t i = ord[t];
        fprintf(f, "  %2zu. %-24s Shapley-Shubik %s", t + 1, lev_actor_name(net, i), cli_pct(g->v[2][i], b1, sizeof b1));
        if (g->method == LEV_COALITION_SAMPLED) fprintf(f, " ± %s", cli_pct(g->v[4][i], b2, sizeof b2));
        fprintf(f, ", Banzhaf %s", cli_pct(g->v[1][i], b1, sizeof b1));
        fprintf(f, ", holds %s\n", cli_pct(g->total > 0 ? g->h[i] / g->total : 0, b2, sizeof b2));
    }
    free(ord);
}

static uint32_t find_resource(const lev_network *net, const char *name, const char *what, int *status) {
    uint32_t r = LEV_NONE;
    *status = EXIT_OKAY;
    if (!name) return lev_resource_count(net) ? 0 : LEV_NONE;
    if (lev_resource_find(net, name, &r) != LEV_OK) {
        fprintf(stderr, "leverage: no %s resource named '%s' in the resources file\n", what, name);
        *status = EXIT_FAILED;
    }
    return r;
}

static int run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    if (!a->resources) return cli_usage("coalition needs --resources: the holdings are the votes");
    lev_network *net = NULL;
    game g;
    memset(&g, 0, sizeof g);
    int status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    uint32_t res = find_resource(net, a->resource, "votes", &status);
    if (status != EXIT_OKAY) goto done;
    if (res == LEV_NONE) {
        fprintf(stderr, "leverage: the resources file has no resource\n");
        status = EXIT_FAILED;
        goto done;
    }
    uint32_t cost = a->cost ? find_resource(net, a->cost, "cost", &status) : LEV_NONE;
    if (status != EXIT_OKAY) goto done;
    int connected = cli_get(a, LEV_P_CONNECTED) != 0;
    /* minimal winning coalitions and the Packel indices are of the plain game only */
    /* JSON lists every coalition up to the limit; text names the first --top (CSV none) */
    size_t list = strcmp(a->format, "json") == 0 ? 0 : (size_t)a->top;
    if ((status = compute(net, a->p, res, cost, !connected, list, &g)) != EXIT_OKAY) goto done;
    const char *rname = lev_resource_name(net, res);
    uint8_t *in = calloc(g.n ? g.n : 1, 1);
    if (!in) {
        fprintf(stderr, "leverage: out of memory\n");
        status = EXIT_FAILED;
        goto done;
    }
    for (size_t k = 0; k < g.nmem; k++) in[g.mem[k]] = 1;
    if (strcmp(a->format, "csv") == 0) {
        printf("actor,holds,banzhaf_raw,banzhaf,shapley_shubik,banzhaf_raw_err,shapley_shubik_err,deegan_packel,"
               "holler_packel,in_cheapest_alliance\n");
        for (size_t i = 0; i < g.n; i++) {
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            for (int k = -1; k < 7; k++) {
                putchar(',');
                if (k >= 5 && !g.packel) continue; /* empty: not computed */
                cli_print_number(stdout, k < 0 ? g.h[i] : g.v[k][i]);
            }
            printf(",%d\n", in[i]);
        }
    } else if (strcmp(a->format, "json") == 0) {
        printf("{\"source\":");
        cli_json_string(stdout, a->edges);
        printf(",\"resource\":");
        cli_json_string(stdout, rname);
        printf(",\"total\":");
        cli_print_number(stdout, g.total);
        printf(",\"quota\":");
        cli_print_number(stdout, cli_get(a, LEV_P_QUOTA));
        printf(",\"quota_fraction\":");
        cli_print_number(stdout, cli_get(a, LEV_P_QUOTA_FRACTION));
        printf(",\"connected\":%s,\"method\":\"%s\",\"actors\":[", connected ? "true" : "false", method_name(g.method));
        static const char *const keys[] = {"banzhaf_raw", "banzhaf", "shapley_shubik", "banzhaf_raw_err",
                                           "shapley_shubik_err", "deegan_packel", "holler_packel"};
        for (size_t i = 0; i < g.n; i++) {
            printf(i ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",\"holds\":");
            cli_print_number(stdout, g.h[i]);
            for (int k = 0; k < 7; k++) {
                if (k >= 5 && !g.packel) continue;
                printf(",\"%s\":", keys[k]);
                cli_print_number(stdout, g.v[k][i]);
            }
            putchar('}');
        }
        printf("],\"minimal_winning\":{\"count\":");
        if (isnan(g.count) || connected) printf("null");
        else cli_print_number(stdout, g.count);
        printf(",\"listed\":[");
        for (size_t j = 0; j < g.npairs; j++) {
            int first = j == 0 || g.co[j] != g.co[j - 1];
            if (first) printf(j ? "],[" : "[");
            else putchar(',');
            cli_json_string(stdout, lev_actor_name(net, g.ac[j]));
        }
        printf(g.npairs ? "]]}" : "]}");
        printf(",\"cheapest_alliance\":");
        json_alliance(net, &g, g.nmem, stdout);
        printf("}\n");
    } else {
        printf("Coalitions over %s: %s\n%zu actors; a coalition wins with ", rname, a->edges, g.n);
        print_quota(a->p, &g, stdout);
        printf(" %s%s.\n", rname,
               connected ? ", and only through allies connected by their ties (graph-restricted game)" : "");
        printf("\nWho holds the swing votes? (%s)\n",
               g.method == LEV_COALITION_EXACT ? "exact" : "sampled: estimates ± one standard error");
        text_power(net, &g, (size_t)a->top, stdout);
        printf("\nWhom to win over? The cheapest alliance (%s):\n", cost == LEV_NONE ? "fewest actors" : "least cost");
        text_alliance(net, &g, (size_t)a->top, stdout);
        printf("\nMinimal winning coalitions (each member needed): ");
        if (connected) printf("computed for the plain game only (without --connected)\n");
        else if (isnan(g.count)) printf("more than the %.0f listed\n", cli_get(a, LEV_P_COALITION_LIMIT));
        else if (isinf(g.count)) printf("more than 10^308\n");
        else {
            cli_print_number(stdout, g.count);
            putchar('\n');
        }
        /* the first --top coalitions, at most 12 members named on each line */
        size_t shown = 0, named = 0, size = 0;
        for (size_t j = 0; j < g.npairs; j++) {
            int first = j == 0 || g.co[j] != g.co[j - 1];
            if (first) {
                if (size > named) printf(" and %zu more", size - named);
                if (++shown > (size_t)a->top) break;
                size = named = 0;
                for (size_t t = j; t < g.npairs && g.co[t] == g.co[j]; t++) size++;
            }
            if (named < 12) {
                printf(first ? (j ? "\n  " : "  ") : ", ");
                printf("%s", lev_actor_name(net, g.ac[j]));
                named++;
            }
            if (j + 1 == g.npairs && size > named) printf(" and %zu more", size - named);
        }
        if (g.npairs) putchar('\n');
        if (!g.packel && !connected) printf("(Deegan-Packel and Holler-Packel need every minimal winning coalition: too many.)\n");
    }
    free(in);
    status = cli_finish_output();
done:
    game_free(&g);
    lev_network_free(net);
    return status;
}

const cli_command cli_coalition = {
    .name = "coalition",
    .summary = "voting power over a resource, the cheapest alliance to a quota",
    .synopsis = "EDGES.csv --resources R.csv [--resource NAME] [--quota Q] [OPTIONS]",
    .about = "The weighted voting game of the actors' holdings of one resource: who holds the swing votes\n"
             "(Banzhaf and Shapley-Shubik, exact by dynamic programming or sampled with standard errors),\n"
             "the minimal winning coalitions (Deegan-Packel and Holler-Packel indices when they can all be\n"
             "enumerated) and the cheapest alliance that reaches the quota. --connected counts a coalition\n"
             "only through allies connected by their ties. CSV: one row per actor.",
    .format = "text",
    .options = {options, NULL},
    .run = run,
};

/* ---- the "alliances" section of `leverage analyze` ------------------------------------------- */

int cli_alliances_section(const cli_args *a, const lev_network *net, int json, FILE *f) {
    size_t n = lev_actor_count(net);
    lev_params *p;
    if (lev_params_new(&p) != LEV_OK) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    /* capped: at most 1 MiB of exact tables (else 2000 samples), no power indices past
     * CLI_ALLIANCE_MAX actors */
    lev_params_set_int(p, LEV_P_THREADS, (int64_t)cli_get(a, LEV_P_THREADS));
    lev_params_set_int(p, LEV_P_SEED, (int64_t)cli_get(a, LEV_P_SEED));
    lev_params_set_int(p, LEV_P_MEMORY_LIMIT, 1 << 20);
    lev_params_set_int(p, LEV_P_COALITION_SAMPLES, 2000);
    int power = n <= CLI_ALLIANCE_MAX;
    game g;
    memset(&g, 0, sizeof g);
    int status = EXIT_OKAY;
    const char *rname = lev_resource_name(net, 0);
    if (power) status = compute(net, p, 0, LEV_NONE, 0, 0, &g);
    else {
        /* only the alliance: O(V log V) */
        g.n = n;
        g.cost = LEV_NONE;
        g.h = malloc((n ? n : 1) * sizeof(double));
        g.mem = malloc((n ? n : 1) * sizeof(uint32_t));
        if (!g.h || !g.mem) {
            fprintf(stderr, "leverage: out of memory\n");
            status = EXIT_FAILED;
        } else {
            lev_resource_amounts(net, 0, g.h, NULL);
            for (size_t i = 0; i < n; i++) g.total += g.h[i];
            if (lev_cheapest_alliance(net, 0, LEV_NONE, p, n, g.mem, &g.nmem, &g.acost, &g.amethod) != LEV_OK) {
                fprintf(stderr, "leverage: cheapest alliance: %s\n", lev_params_errmsg(p));
                status = EXIT_FAILED;
            }
        }
    }
    if (status == EXIT_OKAY) {
        size_t top = (size_t)a->top;
        if (json) {
            fputs("{\"resource\":", f);
            cli_json_string(f, rname);
            fputs(",\"quota_fraction\":0.5,\"cheapest_alliance\":", f);
            json_alliance(net, &g, top, f);
            fputs(",\"voting_power\":", f);
            if (!power) fputs("null", f);
            else {
                fprintf(f, "{\"method\":\"%s\",\"top\":[", method_name(g.method));
                uint32_t *ord = cli_order(g.v[2], n, 1);
                for (size_t t = 0; ord && t < n && t < top; t++) {
                    fprintf(f, t ? ",{\"rank\":%zu,\"actor\":" : "{\"rank\":%zu,\"actor\":", t + 1);
                    cli_json_string(f, lev_actor_name(net, ord[t]));
                    fputs(",\"shapley_shubik\":", f);
                    cli_print_number(f, g.v[2][ord[t]]);
                    fputs(",\"shapley_shubik_err\":", f);
                    cli_print_number(f, g.v[4][ord[t]]);
                    fputs(",\"banzhaf\":", f);
                    cli_print_number(f, g.v[1][ord[t]]);
                    fputc('}', f);
                }
                free(ord);
                fputs("]}", f);
            }
            fputc('}', f);
        } else {
            fprintf(f, "\n== Alliances over %s ==\n", rname);
            fprintf(f, "The cheapest alliance to a majority (fewest actors holding more than half of all %s):\n",
                    rname);
            text_alliance(net, &g, top, f);
            if (power) {
                fprintf(f, "Most voting power over %s, majority rule (%s):\n", rname,
                        g.method == LEV_COALITION_EXACT ? "exact"
                                                        : "sampled, 2000 random orders: ± one standard error");
                text_power(net, &g, top, f);
            } else {
                fprintf(f, "(Voting power is left out above %d actors; `leverage coalition` computes it.)\n",
                        CLI_ALLIANCE_MAX);
            }
        }
    }
    game_free(&g);
    lev_params_free(p);
    return status;
}
