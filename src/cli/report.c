/*
 * `leverage analyze`: a report a person can read (text) or a program can (JSON).
 *
 * It ranks the actors under every measure the library has, names the holders of each resource,
 * and states the headline figures: the top leverage point, how concentrated influence is among
 * the top K, where wealth and influence part ways, and each group's share of influence.
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct scored {
    const measure *m;
    double *score;
    uint32_t *order; /* actors by descending score, ties by index */
} scored;

static const double *sort_key;

static int by_score_desc(const void *a, const void *b) {
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    if (sort_key[i] != sort_key[j]) return sort_key[i] > sort_key[j] ? -1 : 1;
    return i < j ? -1 : i > j;
}

static uint32_t *rank_order(const double *score, size_t n) {
    uint32_t *o = malloc((n ? n : 1) * sizeof *o);
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++) o[i] = (uint32_t)i;
    sort_key = score; /* the CLI is single-threaded */
    qsort(o, n, sizeof *o, by_score_desc);
    return o;
}

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

static const char *ordinal(size_t k) {
    static char b[32];
    const char *suf = "th";
    if (k % 100 < 11 || k % 100 > 13) {
        if (k % 10 == 1) suf = "st";
        else if (k % 10 == 2) suf = "nd";
        else if (k % 10 == 3) suf = "rd";
    }
    snprintf(b, sizeof b, "%zu%s", k, suf);
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

int cli_analyze(const cli_opts *o, lev_network *net, int bundled) {
    size_t n = lev_actor_count(net), m = lev_edge_count(net), nres = lev_resource_count(net);
    int json = strcmp(o->format, "json") == 0;
    size_t top = (size_t)o->top < n ? (size_t)o->top : n;
    int status = EXIT_FAILED;
    lev_params *p = NULL;
    scored s[3];
    memset(s, 0, sizeof s);
    double *holds = NULL;
    uint32_t *horder = NULL;
    if (lev_params_new(&p) != LEV_OK) goto oom;
    lev_params_set_int(p, LEV_P_UNDIRECTED, o->undirected);
    lev_params_set_int(p, LEV_P_WEIGHTED, !o->unweighted);
    lev_params_set_double(p, LEV_P_DAMPING, o->damping);
    lev_params_set_int(p, LEV_P_THREADS, o->threads);

    /* Strength is shown only when strengths differ from 1 (otherwise it repeats degree). */
    int weighted = 0;
    for (size_t e = 0; e < m && !o->unweighted; e++) {
        double w;
        lev_edge_get(net, e, NULL, NULL, &w, NULL);
        if (w != 1) weighted = 1;
    }
    const char *names[3] = {"pagerank", "degree", weighted ? "strength" : NULL};
    size_t nm = 0;
    for (int k = 0; k < 3; k++) {
        if (!names[k]) continue;
        s[nm].m = cli_measure_find(names[k]);
        s[nm].score = malloc((n ? n : 1) * sizeof(double));
        if (!s[nm].score) goto oom;
        if (cli_measure_run(s[nm].m, net, p, s[nm].score) != LEV_OK) goto done;
        if (!(s[nm].order = rank_order(s[nm].score, n))) goto oom;
        nm++;
    }
    const double *pr = s[0].score;
    const uint32_t *prorder = s[0].order;
    holds = malloc((n ? n : 1) * (nres ? nres : 1) * sizeof *holds);
    horder = malloc((n ? n : 1) * (nres ? nres : 1) * sizeof *horder);
    if (!holds || !horder) goto oom;
    for (uint32_t r = 0; r < nres; r++) {
        lev_resource_amounts(net, r, holds + (size_t)r * n, NULL);
        uint32_t *ord = rank_order(holds + (size_t)r * n, n);
        if (!ord) goto oom;
        memcpy(horder + (size_t)r * n, ord, n * sizeof *ord);
        free(ord);
    }
    group_row groups[MAX_GROUPS];
    size_t ng = n ? group_table(net, pr, groups, MAX_GROUPS) : 0;
    int has_groups = ng > 1 || (ng == 1 && strcmp(groups[0].name, "(no group)") != 0);

    const char *source = bundled ? "Padgett's Florentine families: marriage ties of the 1430s (bundled example)"
                                 : o->edges;
    const char *how = o->undirected ? "read as two-way" : "directed";

    /* Headlines: sentences a person can take away. */
    char head[8][512];
    size_t nh = 0;
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
        for (uint32_t r = 0; r < nres && nh < 6; r++) {
            const double *h = holds + (size_t)r * n;
            double total = sum(h, n);
            if (!(total > 0)) continue;
            uint32_t rich = horder[(size_t)r * n];
            const char *rn = lev_resource_name(net, r);
            if (rich == a) {
                snprintf(head[nh++], sizeof head[0], "%s also holds the most %s (%.1f%% of all).",
                         lev_actor_name(net, a), rn, 100 * h[a] / total);
            } else {
                char rank_rich[32];
                snprintf(rank_rich, sizeof rank_rich, "%s", ordinal(position(prorder, n, rich)));
                snprintf(head[nh++], sizeof head[0],
                         "%s holds the most %s (%.1f%% of all) yet ranks %s in influence; %s, 1st in influence, "
                         "holds %.1f%% of the %s, %s: leverage here comes from position, not %s alone.",
                         lev_actor_name(net, rich), rn, 100 * h[rich] / total, rank_rich, lev_actor_name(net, a),
                         100 * h[a] / total, rn, ordinal(position(horder + (size_t)r * n, n, a)), rn);
            }
        }
        if (has_groups) {
            size_t best = 0;
            for (size_t g = 1; g < ng; g++)
                if (groups[g].influence / (double)groups[g].actors >
                    groups[best].influence / (double)groups[best].actors)
                    best = g;
            snprintf(head[nh++], sizeof head[0],
                     "Group \"%s\" has %.1f%% of the actors and %.1f%% of the influence.", groups[best].name,
                     100.0 * (double)groups[best].actors / (double)n, 100 * groups[best].influence);
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
               o->undirected ? "true" : "false", o->unweighted ? "false" : "true");
        cli_print_number(stdout, o->damping);
        printf(",\"measures\":{");
        for (size_t k = 0; k < nm; k++) {
            printf(k ? ",\"%s\":{\"title\":" : "\"%s\":{\"title\":", s[k].m->name);
            cli_json_string(stdout, s[k].m->title);
            printf(",\"top\":[");
            for (size_t t = 0; t < top; t++) {
                uint32_t i = s[k].order[t];
                printf(t ? ",{\"rank\":%zu,\"actor\":" : "{\"rank\":%zu,\"actor\":", t + 1);
                cli_json_string(stdout, lev_actor_name(net, i));
                printf(",\"score\":");
                cli_print_number(stdout, s[k].score[i]);
                putchar('}');
            }
            printf("],\"scores\":{");
            for (size_t i = 0; i < n; i++) {
                if (i) putchar(',');
                cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
                putchar(':');
                cli_print_number(stdout, s[k].score[i]);
            }
            printf("}}");
        }
        printf("},\"resources\":{");
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
        printf("],\"headlines\":[");
        for (size_t h = 0; h < nh; h++) {
            if (h) putchar(',');
            cli_json_string(stdout, head[h]);
        }
        printf("]}\n");
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
        for (size_t k = 0; k < nm && n; k++) {
            printf("\n%s: top %zu\n", s[k].m->title, top);
            for (size_t t = 0; t < top; t++) {
                uint32_t i = s[k].order[t];
                printf("  %2zu. %-20s ", t + 1, lev_actor_name(net, i));
                if (s[k].m->kind == MEASURE_PAGERANK)
                    printf("%.4f  (%.1f%% of all influence)\n", s[k].score[i], 100 * s[k].score[i]);
                else
                    printf("%g\n", s[k].score[i]);
            }
        }
        for (uint32_t r = 0; r < nres && n; r++) {
            const double *h = holds + (size_t)r * n;
            double total = sum(h, n);
            printf("\nMost %s held: top %zu (total %g)\n", lev_resource_name(net, r), top, total);
            for (size_t t = 0; t < top; t++) {
                uint32_t i = horder[(size_t)r * n + t];
                printf("  %2zu. %-20s %-10g (%.1f%% of all)\n", t + 1, lev_actor_name(net, i), h[i],
                       total > 0 ? 100 * h[i] / total : 0.0);
            }
        }
        printf("\nPageRank: damping %.2f, ties %s, %s. Scores sum to 1.\n", o->damping, how,
               o->unweighted ? "strengths ignored" : "weighted by strength");
    }
    status = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OKAY : EXIT_FAILED;
    if (status) fprintf(stderr, "leverage: cannot write the output\n");
    goto done;
oom:
    fprintf(stderr, "leverage: out of memory\n");
done:
    for (int k = 0; k < 3; k++) {
        free(s[k].score);
        free(s[k].order);
    }
    free(holds);
    free(horder);
    lev_params_free(p);
    return status;
}
