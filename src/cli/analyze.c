/*
 * `leverage analyze`: a report a person can read (text) or a program can (JSON).
 *
 * Headlines first (the top leverage point, how concentrated influence is, where wealth and
 * influence part ways, the top broker, the core, the communities), then the leaders under each
 * measure, the brokers, the core and the communities, the holders of each resource, and the
 * imbalance figures (sections.c).
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct scored {
    const measure *m;
    double *score;
    uint32_t *order; /* actors by descending score, ties by index */
    int ascending;   /* shown lowest first (constraint: low means a broker) */
} scored;

static uint32_t *order_by(const double *score, size_t n, int sign) { return cli_order(score, n, sign); }

static double sum(const double *x, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += x[i];
    return s;
}

/* 1-based position of actor i in order. */
static size_t position(const uint32_t *order, size_t n, uint32_t i) {
    for (size_t k = 0; k < n; k++)
        if (order[k] == i) return k + 1;
    return 0;
}

static const char *ordinal(size_t k, char *b, size_t cap) {
    const char *suf = "th";
    if (k % 100 < 11 || k % 100 > 13) {
        if (k % 10 == 1) suf = "st";
        else if (k % 10 == 2) suf = "nd";
        else if (k % 10 == 3) suf = "rd";
    }
    snprintf(b, cap, "%zu%s", k, suf);
    return b;
}

typedef struct group_row {
    const char *name;
    size_t actors;
    double influence;
} group_row;

/* Distinct group labels with their actor counts and PageRank sums; returns how many. */
static size_t group_table(const lev_network *net, const double *pr, group_row *rows, size_t cap) {
    size_t ng = 0, n = lev_actor_count(net);
    for (size_t i = 0; i < n; i++) {
        const char *g = lev_actor_group(net, (uint32_t)i);
        if (!g) g = "(no group)";
        size_t k = 0;
        while (k < ng && strcmp(rows[k].name, g) != 0) k++;
        if (k == ng) {
            if (ng == cap) return 0; /* too many groups to summarize */
            rows[ng].name = g;
            rows[ng].actors = 0;
            rows[ng].influence = 0;
            ng++;
        }
        rows[k].actors++;
        rows[k].influence += pr[i];
    }
    return ng;
}

#define MAX_GROUPS 12
#define NMEASURES 6
#define NHEAD 12

static void json_top(const lev_network *net, const scored *s, size_t top) {
    printf("\"%s\":{\"title\":", s->m->name);
    cli_json_string(stdout, s->m->title);
    printf(",\"top\":[");
    for (size_t t = 0; t < top; t++) {
        uint32_t i = s->order[t];
        printf(t ? ",{\"rank\":%zu,\"actor\":" : "{\"rank\":%zu,\"actor\":", t + 1);
        cli_json_string(stdout, lev_actor_name(net, i));
        printf(",\"score\":");
        cli_print_number(stdout, s->score[i]);
        putchar('}');
    }
    printf("],\"scores\":{");
    size_t n = lev_actor_count(net);
    for (size_t i = 0; i < n; i++) {
        if (i) putchar(',');
        cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
        putchar(':');
        cli_print_number(stdout, s->score[i]);
    }
    printf("}}");
}

static void text_top(const lev_network *net, const scored *s, size_t top, const char *title) {
    printf("\n%s: %s %zu\n", title ? title : s->m->title, s->ascending ? "lowest" : "top", top);
    for (size_t t = 0; t < top; t++) {
        uint32_t i = s->order[t];
        printf("  %2zu. %-20s ", t + 1, lev_actor_name(net, i));
        if (strcmp(s->m->name, "pagerank") == 0)
            printf("%.4f  (%.1f%% of all influence)\n", s->score[i], 100 * s->score[i]);
        else
            printf("%.4g\n", s->score[i]);
    }
}

static int report(const cli_args *cfg, lev_network *net, int bundled) {
    size_t n = lev_actor_count(net), m = lev_edge_count(net), nres = lev_resource_count(net);
    int json = strcmp(cfg->format, "json") == 0;
    size_t top = (size_t)cfg->top < n ? (size_t)cfg->top : n;
    int undirected = cli_get(cfg, LEV_P_UNDIRECTED) != 0, unweighted = cli_get(cfg, LEV_P_WEIGHTED) == 0;
    double damping = cli_get(cfg, LEV_P_DAMPING);
    int status = EXIT_FAILED;
    lev_params *p = NULL;
    scored s[NMEASURES];
    memset(s, 0, sizeof s);
    double *holds = NULL, *core = NULL;
    uint32_t *horder = NULL, *comm = NULL;
    size_t ncomm = 0;
    double modularity = 0;
    p = cfg->p;

    /* Strength is shown only when strengths differ from 1 (otherwise it repeats degree). */
    int weighted = 0;
    for (size_t e = 0; e < m && !unweighted; e++) {
        double w;
        lev_edge_get(net, e, NULL, NULL, &w, NULL);
        if (w != 1) weighted = 1;
    }
    const char *names[NMEASURES] = {"pagerank", "degree", weighted ? "strength" : NULL, "betweenness",
                                    "closeness", "constraint"};
    size_t nm = 0, ibetween = 0, iconstraint = 0;
    for (int k = 0; k < NMEASURES; k++) {
        if (!names[k]) continue;
        s[nm].m = cli_measure_find(names[k]);
        s[nm].ascending = strcmp(names[k], "constraint") == 0;
        s[nm].score = malloc((n ? n : 1) * sizeof(double));
        if (!s[nm].score) goto oom;
        if (cli_measure_run(s[nm].m, net, p, s[nm].score) != LEV_OK) goto done;
        if (!(s[nm].order = order_by(s[nm].score, n, s[nm].ascending ? -1 : 1))) goto oom;
        if (s[nm].ascending) {
            /* Lowest constraint names brokers; an isolated actor has none and brokers nothing:
             * move the actors without ties (degree 0, s[1]) to the end, keeping the order. */
            size_t w = 0, k2 = 0;
            uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
            if (!tmp) goto oom;
            for (size_t t = 0; t < n; t++)
                if (s[1].score[s[nm].order[t]] > 0) s[nm].order[w++] = s[nm].order[t];
                else tmp[k2++] = s[nm].order[t];
            memcpy(s[nm].order + w, tmp, k2 * sizeof *tmp);
            free(tmp);
        }
        if (strcmp(names[k], "betweenness") == 0) ibetween = nm;
        if (strcmp(names[k], "constraint") == 0) iconstraint = nm;
        nm++;
    }
    const double *pr = s[0].score;
    const uint32_t *prorder = s[0].order;

    /* The core and the communities. */
    core = malloc((n ? n : 1) * sizeof *core);
    comm = malloc((n ? n : 1) * sizeof *comm);
    if (!core || !comm) goto oom;
    if (lev_coreness(net, p, core) != LEV_OK || lev_communities(net, p, comm, &ncomm, &modularity) != LEV_OK) {
        fprintf(stderr, "leverage: %s\n", lev_params_errmsg(p));
        goto done;
    }
    double kmax = 0;
    size_t ncore = 0;
    for (size_t i = 0; i < n; i++) kmax = core[i] > kmax ? core[i] : kmax;
    for (size_t i = 0; i < n; i++) ncore += core[i] == kmax;

    holds = malloc((n ? n : 1) * (nres ? nres : 1) * sizeof *holds);
    horder = malloc((n ? n : 1) * (nres ? nres : 1) * sizeof *horder);
    if (!holds || !horder) goto oom;
    for (uint32_t r = 0; r < nres; r++) {
        lev_resource_amounts(net, r, holds + (size_t)r * n, NULL);
        uint32_t *ord = order_by(holds + (size_t)r * n, n, 1);
        if (!ord) goto oom;
        memcpy(horder + (size_t)r * n, ord, n * sizeof *ord);
        free(ord);
    }
    group_row groups[MAX_GROUPS];
    size_t ng = n ? group_table(net, pr, groups, MAX_GROUPS) : 0;
    int has_groups = ng > 1 || (ng == 1 && strcmp(groups[0].name, "(no group)") != 0);
    double gini = 0;
    int have_gini = n > 1 && lev_gini(pr, n, NULL, &gini) == LEV_OK;

    const char *source = bundled ? "Padgett's Florentine families: marriage ties of the 1430s (bundled example)"
                                 : cfg->edges;
    const char *how = undirected ? "read as two-way" : "directed";

    /* Headlines: sentences a person can take away. */
    char head[NHEAD][512];
    size_t nh = 0;
    char ord1[32], ord2[32];
    if (n && m) {
        uint32_t a = prorder[0];
        snprintf(head[nh++], sizeof head[0],
                 "%s is the top leverage point: %.1f%% of all PageRank influence, %.1f times an equal share (%.1f%%).",
                 lev_actor_name(net, a), 100 * pr[a], pr[a] * (double)n, 100.0 / (double)n);
        if (top > 1 && top < n) {
            double share = 0;
            for (size_t k = 0; k < top; k++) share += pr[prorder[k]];
            snprintf(head[nh++], sizeof head[0],
                     "The top %zu of %zu actors hold %.1f%% of the influence; an equal split would give them %.1f%%.",
                     top, n, 100 * share, 100.0 * (double)top / (double)n);
        }
        if (have_gini)
            snprintf(head[nh++], sizeof head[0],
                     "Influence is %s: the Gini coefficient of PageRank is %.2f (0 = all equal, 1 = one actor holds all).",
                     gini >= 0.35 ? "concentrated" : gini >= 0.2 ? "moderately concentrated" : "close to equal", gini);
        uint32_t b = s[ibetween].order[0];
        size_t cpos = position(s[iconstraint].order, n, b);
        if (s[ibetween].score[b] > 0 && cpos == 1)
            snprintf(head[nh++], sizeof head[0],
                     "%s is the top broker: first in betweenness (it sits on the most shortest paths) and the least "
                     "constrained (its ties overlap least).", lev_actor_name(net, b));
        else if (s[ibetween].score[b] > 0)
            snprintf(head[nh++], sizeof head[0],
                     "%s is the top broker: first in betweenness (it sits on the most shortest paths), %s least "
                     "constrained (how little its ties overlap).",
                     lev_actor_name(net, b), ordinal(cpos, ord1, sizeof ord1));
        for (uint32_t r = 0; r < nres && nh < NHEAD - 3; r++) {
            const double *h = holds + (size_t)r * n;
            double total = sum(h, n);
            if (!(total > 0)) continue;
            uint32_t rich = horder[(size_t)r * n];
            const char *rn = lev_resource_name(net, r);
            if (rich == a) {
                snprintf(head[nh++], sizeof head[0], "%s also holds the most %s (%.1f%% of all).",
                         lev_actor_name(net, a), rn, 100 * h[a] / total);
            } else {
                snprintf(head[nh++], sizeof head[0],
                         "%s holds the most %s (%.1f%% of all) yet ranks %s in influence; %s, 1st in influence, "
                         "holds %.1f%% of the %s, %s: leverage here comes from position, not %s alone.",
                         lev_actor_name(net, rich), rn, 100 * h[rich] / total,
                         ordinal(position(prorder, n, rich), ord1, sizeof ord1), lev_actor_name(net, a),
                         100 * h[a] / total, rn, ordinal(position(horder + (size_t)r * n, n, a), ord2, sizeof ord2), rn);
            }
        }
        snprintf(head[nh++], sizeof head[0],
                 "The core: %zu actor%s in the innermost %g-core; %zu communit%s (modularity %.2f).", ncore,
                 ncore == 1 ? "" : "s", kmax, ncomm, ncomm == 1 ? "y" : "ies", modularity);
        if (has_groups) {
            size_t best = 0;
            for (size_t g = 1; g < ng; g++)
                if (groups[g].influence / (double)groups[g].actors > groups[best].influence / (double)groups[best].actors)
                    best = g;
            snprintf(head[nh++], sizeof head[0], "Group \"%s\" has %.1f%% of the actors and %.1f%% of the influence.",
                     groups[best].name, 100.0 * (double)groups[best].actors / (double)n, 100 * groups[best].influence);
        }
    } else {
        snprintf(head[nh++], sizeof head[0], "The network has %s: there is no leverage to locate.",
                 n ? "no ties" : "no actors");
    }

    if (json) {
        printf("{\"library\":");
        cli_json_string(stdout, lev_version_string());
        printf(",\"source\":");
        cli_json_string(stdout, source);
        printf(",\"actors\":%zu,\"edges\":%zu,\"undirected\":%s,\"weighted\":%s,\"damping\":", n, m,
               undirected ? "true" : "false", unweighted ? "false" : "true");
        cli_print_number(stdout, damping);
        printf(",\"headlines\":[");
        for (size_t h = 0; h < nh; h++) {
            if (h) putchar(',');
            cli_json_string(stdout, head[h]);
        }
        printf("],\"measures\":{");
        for (size_t k = 0; k < nm; k++) {
            if (k) putchar(',');
            json_top(net, &s[k], top);
        }
        printf("},\"core\":{\"k\":");
        cli_print_number(stdout, kmax);
        printf(",\"members\":[");
        int first = 1;
        for (size_t i = 0; i < n; i++)
            if (core[i] == kmax) {
                if (!first) putchar(',');
                first = 0;
                cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            }
        printf("]},\"communities\":{\"count\":%zu,\"modularity\":", ncomm);
        cli_print_number(stdout, modularity);
        printf(",\"of\":{");
        for (size_t i = 0; i < n; i++) {
            if (i) putchar(',');
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            printf(":%u", (unsigned)comm[i]);
        }
        printf("}},\"resources\":{");
        for (uint32_t r = 0; r < nres; r++) {
            const double *h = holds + (size_t)r * n;
            if (r) putchar(',');
            cli_json_string(stdout, lev_resource_name(net, r));
            printf(":{\"total\":");
            cli_print_number(stdout, sum(h, n));
            printf(",\"top\":[");
            for (size_t t = 0; t < top; t++) {
                uint32_t i = horder[(size_t)r * n + t];
                printf(t ? ",{\"rank\":%zu,\"actor\":" : "{\"rank\":%zu,\"actor\":", t + 1);
                cli_json_string(stdout, lev_actor_name(net, i));
                printf(",\"holds\":");
                cli_print_number(stdout, h[i]);
                putchar('}');
            }
            printf("]}");
        }
        printf("},\"groups\":[");
        for (size_t g = 0; has_groups && g < ng; g++) {
            printf(g ? ",{\"group\":" : "{\"group\":");
            cli_json_string(stdout, groups[g].name);
            printf(",\"actors\":%zu,\"pagerank_share\":", groups[g].actors);
            cli_print_number(stdout, groups[g].influence);
            putchar('}');
        }
        printf("],\"imbalance\":");
        if (cli_imbalance_section(cfg, net, p, 1, stdout) != EXIT_OKAY) goto done;
        printf("}\n");
    } else {
        printf("Leverage report: %s\n", source);
        printf("%zu actors, %zu influence ties (%s)", n, m, how);
        if (nres) {
            printf(", %zu resource%s:", nres, nres == 1 ? "" : "s");
            for (uint32_t r = 0; r < nres; r++) printf("%s %s", r ? "," : "", lev_resource_name(net, r));
        }
        printf(".\n");
        if (has_groups) {
            printf("Groups:");
            for (size_t g = 0; g < ng; g++) printf("%s %s (%zu)", g ? "," : "", groups[g].name, groups[g].actors);
            printf(".\n");
        }
        printf("\nHeadlines\n");
        for (size_t h = 0; h < nh; h++) printf("  * %s\n", head[h]);
        if (n) {
            printf("\n== Where is the leverage? ==\n");
            for (size_t k = 0; k < nm; k++)
                text_top(net, &s[k], top, k == iconstraint ? "Brokers: Burt's constraint (low = spans structural holes)"
                                                           : NULL);
            printf("\nThe core (innermost %g-core):", kmax);
            size_t shown = 0;
            for (size_t i = 0; i < n && shown < 12; i++)
                if (core[i] == kmax) printf("%s %s", shown++ ? "," : "", lev_actor_name(net, (uint32_t)i));
            printf(ncore > shown ? ", …\n" : "\n");
            printf("\nCommunities (%zu, modularity %.2f):\n", ncomm, modularity);
            for (size_t c = 0; c < ncomm && c < 8; c++) {
                printf("  %zu:", c + 1);
                shown = 0;
                size_t size = 0;
                for (size_t i = 0; i < n; i++)
                    if (comm[i] == c) {
                        size++;
                        if (shown < 8) printf("%s %s", shown++ ? "," : "", lev_actor_name(net, (uint32_t)i));
                    }
                printf(size > shown ? ", … (%zu actors)\n" : "\n", size);
            }
            if (ncomm > 8) printf("  … and %zu more\n", ncomm - 8);
            for (uint32_t r = 0; r < nres; r++) {
                const double *h = holds + (size_t)r * n;
                double total = sum(h, n);
                printf("\nMost %s held: top %zu (total %g)\n", lev_resource_name(net, r), top, total);
                for (size_t t = 0; t < top; t++) {
                    uint32_t i = horder[(size_t)r * n + t];
                    printf("  %2zu. %-20s %-10g (%.1f%% of all)\n", t + 1, lev_actor_name(net, i), h[i],
                           total > 0 ? 100 * h[i] / total : 0.0);
                }
            }
            printf("\n== How unequal is the power? ==\n");
            fflush(stdout);
            if (cli_imbalance_section(cfg, net, p, 0, stdout) != EXIT_OKAY) goto done;
        }
        printf("\nPageRank: damping %.2f, ties %s, %s. Scores sum to 1. Paths use distance 1/strength%s.\n",
               damping, how, unweighted ? "strengths ignored" : "weighted by strength",
               unweighted ? " (hops, as strengths are ignored)" : "");
    }
    status = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OKAY : EXIT_FAILED;
    if (status) fprintf(stderr, "leverage: cannot write the output\n");
    goto done;
oom:
    fprintf(stderr, "leverage: out of memory\n");
done:
    for (int k = 0; k < NMEASURES; k++) {
        free(s[k].score);
        free(s[k].order);
    }
    free(holds);
    free(horder);
    free(core);
    free(comm);
    return status;
}

static const cli_option options[] = {
    {.name = "resources", .kind = CLI_PATH, .field = offsetof(cli_args, resources), .meta = "F",
     .help = "resources file, header actor,resource,holds,needs"},
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .field = offsetof(cli_args, top), .meta = "K",
     .help = "how many actors to name under each measure"},
    {.kind = CLI_VALUE, .key = LEV_P_DAMPING, .meta = "D", .help = "PageRank's damping factor"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed of the randomized parts (communities, rich club)"},
    {.kind = CLI_END},
};

static int run(cli_args *a) {
    int bundled = !a->edges;
    if (bundled && (a->actors || a->resources)) return cli_usage("--actors and --resources need an edges file");
    lev_network *net = NULL;
    if (lev_network_new(&net) != LEV_OK) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    int status = bundled ? cli_load_bundled(net) : cli_load(a, net);
    if (bundled) lev_params_set_int(a->p, LEV_P_UNDIRECTED, 1); /* marriage ties run both ways */
    if (status == EXIT_OKAY) status = report(a, net, bundled);
    lev_network_free(net);
    return status;
}

const cli_command cli_analyze = {
    .name = "analyze",
    .summary = "a report of who holds leverage and how unequal power is\n"
               "              (runs on a bundled example without a file)",
    .synopsis = "[EDGES.csv] [OPTIONS]",
    .about = "A report of the network's leverage points and power imbalances: who is most central, who\n"
             "brokers, the core and the communities, how concentrated influence and resources are, the\n"
             "most one-sided ties and dependences, and the in-crowd with its outsiders.\n"
             "Without EDGES.csv it analyzes a bundled example: Padgett's Florentine families (marriage\n"
             "ties, treated as two-way), with each family's wealth in 1427 and its faction.\n"
             "EDGES.csv has the header source,target,weight[,channel]: one influence tie per row.",
    .format = "text",
    .options = {options, cli_common_options, NULL},
    .run = run,
};
