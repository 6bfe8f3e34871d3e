/*
 * `leverage analyze`: a report a person can read (text) or a program can (JSON).
 *
 * The header and the headlines come first, from what is cheap to compute (PageRank both ways,
 * degree, strength, holdings, groups); then each section is computed and written in turn, and
 * flushed, so a large network shows progress: the leaders by influence exerted and received,
 * degree and strength, betweenness, closeness, the brokers, the brokerage roles between groups,
 * the core and the communities, the holders of each resource, and the imbalance figures
 * (sections.c). Leverage points are ranked by influence *exerted* (PageRank over reversed ties),
 * as the model reads `source -> target` as the source influencing the target.
 *
 * Path measures are exact while V·(V + E) ≤ 2e8 (cli_paths_exact); above it betweenness is estimated
 * by lev_betweenness_sampled (±ε with probability 1 − δ, both shown) and closeness is the exact
 * top K, both in hops (a bidirectional BFS per sample: on R-MAT 18, 1.7 s against 12.2 s with a Dijkstra);
 * --exact forces the exact scores. The report says which it used.
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GROUPS 12
#define NHEAD 12

/* One ranked section: scores (every actor's, or NULL when only the top is known) and an order. */
typedef struct leaders {
    const char *key;   /* JSON member */
    const char *title; /* for people */
    double *score;     /* length n */
    uint32_t *order;   /* best first */
    size_t len;        /* entries of order */
    int estimated;     /* 1: lev_betweenness_approx's estimate */
} leaders;

static void leaders_free(leaders *l) {
    free(l->score);
    free(l->order);
    l->score = NULL;
    l->order = NULL;
}

static double sum(const double *x, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += x[i];
    return s;
}

/* 1-based position of actor i in order (0 if absent). */
static size_t position(const uint32_t *order, size_t len, uint32_t i) {
    for (size_t k = 0; k < len; k++)
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

/* Distinct group labels with their actor counts and influence sums; returns how many. */
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

/* The state of one report, shared by its sections. */
typedef struct report {
    const cli_args *a;
    lev_network *net;
    lev_params *p;
    size_t n, m, nres, top;
    int json, directed, unweighted, exact, first_member;
    double epsilon, delta;
    uint64_t samples; /* of the betweenness estimate */
    leaders exerted, received, degree, strength, between, close, constraint;
    double *holds;    /* nres × n */
    uint32_t *horder; /* nres × n */
} report;

/* ---- computing -------------------------------------------------------------------------------- */

static int oom(void) {
    fprintf(stderr, "leverage: out of memory\n");
    return EXIT_FAILED;
}

static int fail(report *r, const char *what) {
    fprintf(stderr, "leverage: %s: %s\n", what, lev_params_errmsg(r->p));
    return EXIT_FAILED;
}

/* Every actor's score under f, and the order (sign 1: highest first). */
static int full(report *r, leaders *l, lev_status (*f)(const lev_network *, lev_params *, double *), int sign,
                const char *what) {
    l->score = malloc((r->n ? r->n : 1) * sizeof *l->score);
    if (!l->score) return oom();
    if (f(r->net, r->p, l->score) != LEV_OK) return fail(r, what);
    if (!(l->order = cli_order(l->score, r->n, sign))) return oom();
    l->len = r->n;
    return EXIT_OKAY;
}

static int pagerank_dir(report *r, leaders *l, int dir) {
    l->score = malloc((r->n ? r->n : 1) * sizeof *l->score);
    if (!l->score) return oom();
    lev_params_set_int(r->p, LEV_P_DIRECTION, dir);
    lev_status rc = lev_pagerank(r->net, NULL, r->p, l->score);
    lev_params_set_int(r->p, LEV_P_DIRECTION, LEV_DIR_ALL);
    if (rc != LEV_OK) return fail(r, "pagerank");
    if (!(l->order = cli_order(l->score, r->n, 1))) return oom();
    l->len = r->n;
    return EXIT_OKAY;
}

static int degree_dir(report *r, leaders *l, int weighted) {
    l->score = malloc((r->n ? r->n : 1) * sizeof *l->score);
    if (!l->score) return oom();
    lev_status rc = weighted ? lev_strength(r->net, r->p, l->score) : lev_degree(r->net, r->p, l->score);
    if (rc != LEV_OK) return fail(r, weighted ? "strength" : "degree");
    if (!(l->order = cli_order(l->score, r->n, 1))) return oom();
    l->len = r->n;
    return EXIT_OKAY;
}

/* ---- writing ---------------------------------------------------------------------------------- */

static void member(report *r, const char *name) {
    printf("%s\"%s\":", r->first_member ? "" : ",", name);
    r->first_member = 0;
}

static void json_leaders(report *r, const leaders *l, const char *method) {
    member(r, l->key);
    printf("{\"title\":");
    cli_json_string(stdout, l->title);
    printf(",\"method\":");
    cli_json_string(stdout, method);
    printf(",\"top\":[");
    size_t top = r->top < l->len ? r->top : l->len;
    for (size_t t = 0; t < top; t++) {
        uint32_t i = l->order[t];
        printf(t ? ",{\"rank\":%zu,\"actor\":" : "{\"rank\":%zu,\"actor\":", t + 1);
        cli_json_string(stdout, lev_actor_name(r->net, i));
        printf(",\"score\":");
        cli_print_number(stdout, l->score[i]);
        putchar('}');
    }
    printf("]");
    if (l->len == r->n) {
        printf(",\"scores\":{");
        for (size_t i = 0; i < r->n; i++) {
            if (i) putchar(',');
            cli_json_string(stdout, lev_actor_name(r->net, (uint32_t)i));
            putchar(':');
            cli_print_number(stdout, l->score[i]);
        }
        putchar('}');
    }
    putchar('}');
}

/* The leaders of l as a text section; note(i, buf) adds a remark after actor i's score. */
static void text_leaders(report *r, const leaders *l, const char *heading, int lowest,
                         void (*note)(report *, uint32_t, char *, size_t)) {
    size_t top = r->top < l->len ? r->top : l->len;
    printf("\n%s: %s %zu\n", heading, lowest ? "lowest" : "top", top);
    for (size_t t = 0; t < top; t++) {
        uint32_t i = l->order[t];
        char extra[256] = "";
        if (note) note(r, i, extra, sizeof extra);
        if (extra[0]) printf("  %2zu. %-20s %-10.4g  %s\n", t + 1, lev_actor_name(r->net, i), l->score[i], extra);
        else printf("  %2zu. %-20s %.4g\n", t + 1, lev_actor_name(r->net, i), l->score[i]);
    }
}

static void note_exerted(report *r, uint32_t i, char *b, size_t cap) {
    char pct[32], pct2[32], ord[32];
    if (r->directed)
        snprintf(b, cap, "(%s of all influence exerted; receives %s, %s)", cli_pct(r->exerted.score[i], pct, sizeof pct),
                 cli_pct(r->received.score[i], pct2, sizeof pct2),
                 ordinal(position(r->received.order, r->n, i), ord, sizeof ord));
    else
        snprintf(b, cap, "(%s of all influence)", cli_pct(r->exerted.score[i], pct, sizeof pct));
}

static void note_received(report *r, uint32_t i, char *b, size_t cap) {
    char pct[32], ord[32];
    snprintf(b, cap, "(%s of all influence received; %s in influence exerted)",
             cli_pct(r->received.score[i], pct, sizeof pct),
             ordinal(position(r->exerted.order, r->n, i), ord, sizeof ord));
}

/* Raw betweenness as a share of the shortest paths between other pairs. */
static double pairs_of_others(const report *r) {
    double n = (double)r->n;
    return r->n < 3 ? 0 : r->directed ? (n - 1) * (n - 2) : (n - 1) * (n - 2) / 2;
}

static void note_between(report *r, uint32_t i, char *b, size_t cap) {
    char pct[32], eps[32];
    if (r->between.estimated)
        snprintf(b, cap, "(on about %s of shortest paths between other pairs, ±%s)",
                 cli_pct(r->between.score[i], pct, sizeof pct), cli_pct(r->epsilon, eps, sizeof eps));
    else if (pairs_of_others(r) > 0)
        snprintf(b, cap, "(on %s of shortest paths between other pairs)",
                 cli_pct(r->between.score[i] / pairs_of_others(r), pct, sizeof pct));
}

static void note_close(report *r, uint32_t i, char *b, size_t cap) {
    if (r->close.score[i] > 0)
        snprintf(b, cap, "(1/closeness %.3g)", 1 / r->close.score[i]);
}

/* ---- the sections ----------------------------------------------------------------------------- */

static const char *role_words[LEV_BROKER_ROLES] = {
    "brokers between two members of its own group",
    "brokers between two members of another group",
    "carries its own group's influence out to another group",
    "lets another group's influence into its own group",
    "links two groups, neither of them its own",
    "all roles",
};
static const char *role_keys[LEV_BROKER_ROLES] = {"coordinator", "itinerant", "representative", "gatekeeper",
                                                  "liaison", "total"};

/* Gould–Fernandez roles: per role, the actor with the highest z-score. */
static int brokerage_section(report *r) {
    size_t n = r->n;
    double *raw = malloc((n ? n : 1) * LEV_BROKER_ROLES * sizeof *raw);
    double *z = malloc((n ? n : 1) * LEV_BROKER_ROLES * sizeof *z);
    int status = EXIT_FAILED;
    if (!raw || !z) {
        status = oom();
        goto done;
    }
    if (lev_brokerage(r->net, r->p, raw, NULL, NULL, z) != LEV_OK) {
        status = fail(r, "brokerage");
        goto done;
    }
    if (r->json) {
        member(r, "brokerage");
        putchar('{');
    } else {
        printf("\nBrokerage between groups (Gould–Fernandez; z = how far above chance, given the group sizes "
               "and the density):\n");
    }
    int any = 0;
    for (int role = 0; role < LEV_BROKER_ROLES - 1; role++) {
        uint32_t best = 0;
        for (size_t i = 1; i < n; i++)
            if (z[i * LEV_BROKER_ROLES + (size_t)role] > z[(size_t)best * LEV_BROKER_ROLES + (size_t)role]) best = (uint32_t)i;
        double bz = n ? z[(size_t)best * LEV_BROKER_ROLES + (size_t)role] : 0;
        double braw = n ? raw[(size_t)best * LEV_BROKER_ROLES + (size_t)role] : 0;
        if (r->json) {
            printf("%s\"%s\":", role ? "," : "", role_keys[role]);
            if (braw > 0) {
                printf("{\"actor\":");
                cli_json_string(stdout, lev_actor_name(r->net, best));
                printf(",\"count\":");
                cli_print_number(stdout, braw);
                printf(",\"z\":");
                cli_print_number(stdout, bz);
                putchar('}');
            } else {
                printf("null");
            }
        } else if (braw > 0) {
            printf("  %-15s %s: %g time%s (z = %.2f); %s %s %s\n", role_keys[role], lev_actor_name(r->net, best), braw,
                   braw == 1 ? "" : "s", bz, strchr("aeiou", role_keys[role][0]) ? "an" : "a", role_keys[role], role_words[role]);
            any = 1;
        }
    }
    if (r->json) putchar('}');
    else if (!any) printf("  Nobody brokers between two others here.\n");
    status = EXIT_OKAY;
done:
    free(raw);
    free(z);
    return status;
}

static int core_and_communities(report *r) {
    size_t n = r->n, ncomm = 0;
    double q = 0, kmax = 0;
    double *core = malloc((n ? n : 1) * sizeof *core);
    uint32_t *comm = malloc((n ? n : 1) * sizeof *comm);
    int status = EXIT_FAILED;
    if (!core || !comm) {
        status = oom();
        goto done;
    }
    if (lev_coreness(r->net, r->p, core) != LEV_OK) {
        status = fail(r, "coreness");
        goto done;
    }
    if (lev_communities(r->net, r->p, comm, &ncomm, &q) != LEV_OK) {
        status = fail(r, "communities");
        goto done;
    }
    size_t ncore = 0;
    for (size_t i = 0; i < n; i++) kmax = core[i] > kmax ? core[i] : kmax;
    for (size_t i = 0; i < n; i++) ncore += core[i] == kmax;
    if (r->json) {
        member(r, "core");
        printf("{\"k\":");
        cli_print_number(stdout, kmax);
        printf(",\"members\":[");
        int first = 1;
        for (size_t i = 0; i < n; i++)
            if (core[i] == kmax) {
                if (!first) putchar(',');
                first = 0;
                cli_json_string(stdout, lev_actor_name(r->net, (uint32_t)i));
            }
        printf("]}");
        member(r, "communities");
        printf("{\"count\":%zu,\"modularity\":", ncomm);
        cli_print_number(stdout, q);
        printf(",\"of\":{");
        for (size_t i = 0; i < n; i++) {
            if (i) putchar(',');
            cli_json_string(stdout, lev_actor_name(r->net, (uint32_t)i));
            printf(":%u", (unsigned)comm[i]);
        }
        printf("}}");
    } else {
        printf("\nThe core: %zu actor%s in the innermost %g-core:", ncore, ncore == 1 ? "" : "s", kmax);
        size_t shown = 0;
        for (size_t i = 0; i < n && shown < 12; i++)
            if (core[i] == kmax) printf("%s %s", shown++ ? "," : "", lev_actor_name(r->net, (uint32_t)i));
        printf(ncore > shown ? ", …\n" : "\n");
        printf("\nCommunities (%zu, modularity %.2f):\n", ncomm, q);
        for (size_t c = 0; c < ncomm && c < 8; c++) {
            printf("  %zu:", c + 1);
            shown = 0;
            size_t size = 0;
            for (size_t i = 0; i < n; i++)
                if (comm[i] == c) {
                    size++;
                    if (shown < 8) printf("%s %s", shown++ ? "," : "", lev_actor_name(r->net, (uint32_t)i));
                }
            printf(size > shown ? ", … (%zu actors)\n" : "\n", size);
        }
        if (ncomm > 8) printf("  … and %zu more\n", ncomm - 8);
    }
    status = EXIT_OKAY;
done:
    free(core);
    free(comm);
    return status;
}

/* How many of the holders of resource r hold exactly what the k-th holder holds. */
static size_t tied_with(const report *r, uint32_t res, size_t k) {
    const double *h = r->holds + (size_t)res * r->n;
    const uint32_t *ord = r->horder + (size_t)res * r->n;
    size_t t = k;
    while (t < r->n && h[ord[t]] == h[ord[k]]) t++;
    return t - k;
}

static void resources_section(report *r) {
    char pct[32];
    for (uint32_t res = 0; res < r->nres; res++) {
        const double *h = r->holds + (size_t)res * r->n;
        const uint32_t *ord = r->horder + (size_t)res * r->n;
        double total = sum(h, r->n);
        size_t holders = 0;
        for (size_t i = 0; i < r->n; i++) holders += h[i] > 0;
        if (r->json) {
            if (res) putchar(',');
            cli_json_string(stdout, lev_resource_name(r->net, res));
            printf(":{\"total\":");
            cli_print_number(stdout, total);
            printf(",\"holders\":%zu,\"top\":[", holders);
            for (size_t t = 0; t < r->top && t < holders; t++) {
                uint32_t i = ord[t];
                printf(t ? ",{\"rank\":%zu,\"actor\":" : "{\"rank\":%zu,\"actor\":", t + 1);
                cli_json_string(stdout, lev_actor_name(r->net, i));
                printf(",\"holds\":");
                cli_print_number(stdout, h[i]);
                putchar('}');
            }
            printf("]}");
            continue;
        }
        printf("\nMost %s held (%zu holder%s of %zu actors; total %g):\n", lev_resource_name(r->net, res), holders,
               holders == 1 ? "" : "s", r->n, total);
        if (!holders) printf("  Nobody holds any.\n");
        /* Ties are said as ties: "6 actors hold 16.7% each". */
        for (size_t t = 0, rank = 1; t < holders && t < r->top; rank++) {
            size_t k = tied_with(r, res, t);
            uint32_t i = ord[t];
            if (k == 1) {
                printf("  %2zu. %-20s %-10g (%s of all)\n", rank, lev_actor_name(r->net, i), h[i],
                       cli_pct(h[i] / total, pct, sizeof pct));
            } else {
                printf("  %2zu. %zu actors hold %g each (%s of all each):", rank, k, h[i],
                       cli_pct(h[i] / total, pct, sizeof pct));
                for (size_t j = 0; j < k && j < 8; j++) printf("%s %s", j ? "," : "", lev_actor_name(r->net, ord[t + j]));
                printf(k > 8 ? ", …\n" : "\n");
            }
            t += k;
        }
    }
}

/* ---- the report ------------------------------------------------------------------------------- */

static int report_run(report *r, int bundled) {
    const cli_args *a = r->a;
    lev_network *net = r->net;
    size_t n = r->n, m = r->m, nres = r->nres;
    int status;
    char pct[32], pct2[32], ord1[32], ord2[32];

    /* Cheap first: PageRank both ways, degree, strength, holdings, groups. */
    if ((status = pagerank_dir(r, &r->exerted, r->directed ? LEV_DIR_OUT : LEV_DIR_ALL)) != EXIT_OKAY) return status;
    r->exerted.key = "influence_exerted";
    r->exerted.title = r->directed ? "Influence exerted (PageRank over reversed ties)"
                                   : "Influence (PageRank; ties read both ways, so exerted = received)";
    if (r->directed) {
        if ((status = pagerank_dir(r, &r->received, LEV_DIR_IN)) != EXIT_OKAY) return status;
        r->received.key = "influence_received";
        r->received.title = "Influence received (PageRank along ties)";
    }
    int weighted = 0;
    for (size_t e = 0; e < m && !r->unweighted; e++) {
        double w;
        lev_edge_get(net, e, NULL, NULL, &w, NULL);
        if (w != 1) weighted = 1;
    }
    if ((status = degree_dir(r, &r->degree, 0)) != EXIT_OKAY) return status;
    r->degree.key = "degree";
    r->degree.title = "Degree (ties sent and received)";
    if (weighted) {
        if ((status = degree_dir(r, &r->strength, 1)) != EXIT_OKAY) return status;
        r->strength.key = "strength";
        r->strength.title = "Strength (total tie strength, sent and received)";
    }
    r->holds = malloc((n ? n : 1) * (nres ? nres : 1) * sizeof *r->holds);
    r->horder = malloc((n ? n : 1) * (nres ? nres : 1) * sizeof *r->horder);
    if (!r->holds || !r->horder) return oom();
    for (uint32_t res = 0; res < nres; res++) {
        lev_resource_amounts(net, res, r->holds + (size_t)res * n, NULL);
        uint32_t *o = cli_order(r->holds + (size_t)res * n, n, 1);
        if (!o) return oom();
        memcpy(r->horder + (size_t)res * n, o, n * sizeof *o);
        free(o);
    }
    const double *pr = r->exerted.score;
    const uint32_t *prorder = r->exerted.order;
    group_row groups[MAX_GROUPS];
    size_t ng = n ? group_table(net, pr, groups, MAX_GROUPS) : 0;
    int has_groups = ng > 1 || (ng == 1 && strcmp(groups[0].name, "(no group)") != 0);
    double gini = 0;
    int have_gini = n > 1 && lev_gini(pr, n, NULL, &gini) == LEV_OK;

    const char *source = bundled ? "Padgett's Florentine families: marriage ties of the 1430s (bundled example)"
                                 : a->edges;
    const char *how = r->directed ? "directed" : "read as two-way";
    const char *what = r->directed ? "influence exerted" : "influence";

    /* Headlines: sentences a person can take away. */
    char head[NHEAD][640];
    size_t nh = 0, top = r->top;
    if (n && m) {
        uint32_t t0 = prorder[0];
        if (r->directed)
            snprintf(head[nh++], sizeof head[0],
                     "%s is the top leverage point: it exerts %s of all influence (PageRank over reversed ties), "
                     "%.1f times an equal share (%s).", lev_actor_name(net, t0), cli_pct(pr[t0], pct, sizeof pct),
                     pr[t0] * (double)n, cli_pct(1.0 / (double)n, pct2, sizeof pct2));
        else
            snprintf(head[nh++], sizeof head[0],
                     "%s is the top leverage point: %s of all PageRank influence, %.1f times an equal share (%s).",
                     lev_actor_name(net, t0), cli_pct(pr[t0], pct, sizeof pct), pr[t0] * (double)n,
                     cli_pct(1.0 / (double)n, pct2, sizeof pct2));
        if (r->directed && r->received.order[0] != t0) {
            uint32_t rc = r->received.order[0];
            snprintf(head[nh++], sizeof head[0],
                     "%s receives the most influence (%s of all, PageRank along ties) but ranks %s in influence "
                     "exerted: a target of pressure rather than its source.", lev_actor_name(net, rc),
                     cli_pct(r->received.score[rc], pct, sizeof pct),
                     ordinal(position(prorder, n, rc), ord1, sizeof ord1));
        }
        if (top > 1 && top < n) {
            double share = 0;
            for (size_t k = 0; k < top; k++) share += pr[prorder[k]];
            snprintf(head[nh++], sizeof head[0], "The top %zu of %zu actors hold %s of the %s; an equal split would "
                     "give them %s.", top, n, cli_pct(share, pct, sizeof pct), what,
                     cli_pct((double)top / (double)n, pct2, sizeof pct2));
        }
        if (have_gini)
            snprintf(head[nh++], sizeof head[0],
                     "%s is %s: the Gini coefficient of PageRank is %.2f (0 = all equal, 1 = one actor holds all).",
                     r->directed ? "Influence exerted" : "Influence",
                     gini >= 0.35 ? "concentrated" : gini >= 0.2 ? "moderately concentrated" : "close to equal", gini);
        for (uint32_t res = 0; res < nres && nh < NHEAD - 2; res++) {
            const double *h = r->holds + (size_t)res * n;
            const uint32_t *hord = r->horder + (size_t)res * n;
            double total = sum(h, n);
            if (!(total > 0)) continue;
            uint32_t rich = hord[0];
            size_t tied = tied_with(r, res, 0);
            const char *rn = lev_resource_name(net, res);
            if (tied > 1) {
                snprintf(head[nh++], sizeof head[0], "%zu actors tie for the most %s, %s each; %s, 1st in %s, %s.",
                         tied, rn, cli_pct(h[rich] / total, pct, sizeof pct), lev_actor_name(net, t0), what,
                         h[t0] == h[rich] ? "is one of them" : h[t0] > 0 ? "is not" : "holds none");
            } else if (rich == t0) {
                snprintf(head[nh++], sizeof head[0], "%s also holds the most %s (%s of all).", lev_actor_name(net, t0), rn,
                         cli_pct(h[t0] / total, pct, sizeof pct));
            } else if (h[t0] > 0) {
                snprintf(head[nh++], sizeof head[0],
                         "%s holds the most %s (%s of all) yet ranks %s in %s; %s, 1st in %s, holds %s of the %s, "
                         "%s: leverage here comes from position, not %s alone.",
                         lev_actor_name(net, rich), rn, cli_pct(h[rich] / total, pct, sizeof pct),
                         ordinal(position(prorder, n, rich), ord1, sizeof ord1), what, lev_actor_name(net, t0), what,
                         cli_pct(h[t0] / total, pct2, sizeof pct2), rn, ordinal(position(hord, n, t0), ord2, sizeof ord2),
                         rn);
            } else {
                snprintf(head[nh++], sizeof head[0],
                         "%s holds the most %s (%s of all) yet ranks %s in %s; %s, 1st in %s, holds none: leverage "
                         "here comes from position, not %s.", lev_actor_name(net, rich), rn,
                         cli_pct(h[rich] / total, pct, sizeof pct), ordinal(position(prorder, n, rich), ord1, sizeof ord1),
                         what, lev_actor_name(net, t0), what, rn);
            }
        }
        if (has_groups) {
            size_t best = 0;
            for (size_t g = 1; g < ng; g++)
                if (groups[g].influence / (double)groups[g].actors > groups[best].influence / (double)groups[best].actors)
                    best = g;
            snprintf(head[nh++], sizeof head[0], "Group \"%s\" has %s of the actors and %s of the %s.", groups[best].name,
                     cli_pct((double)groups[best].actors / (double)n, pct, sizeof pct),
                     cli_pct(groups[best].influence, pct2, sizeof pct2), what);
        }
    } else {
        snprintf(head[nh++], sizeof head[0], "The network has %s: there is no leverage to locate.",
                 n ? "no ties" : "no actors");
    }

    /* The header and the headlines. */
    if (r->json) {
        printf("{\"library\":");
        cli_json_string(stdout, lev_version_string());
        printf(",\"source\":");
        cli_json_string(stdout, source);
        printf(",\"actors\":%zu,\"edges\":%zu,\"undirected\":%s,\"weighted\":%s,\"damping\":", n, m,
               r->directed ? "false" : "true", r->unweighted ? "false" : "true");
        cli_print_number(stdout, cli_get(a, LEV_P_DAMPING));
        printf(",\"headlines\":[");
        for (size_t h = 0; h < nh; h++) {
            if (h) putchar(',');
            cli_json_string(stdout, head[h]);
        }
        printf("],\"groups\":[");
        for (size_t g = 0; has_groups && g < ng; g++) {
            printf(g ? ",{\"group\":" : "{\"group\":");
            cli_json_string(stdout, groups[g].name);
            printf(",\"actors\":%zu,\"influence_share\":", groups[g].actors);
            cli_print_number(stdout, groups[g].influence);
            putchar('}');
        }
        printf("],\"resources\":{");
        resources_section(r);
        printf("},\"measures\":{");
        r->first_member = 1;
        json_leaders(r, &r->exerted, "exact");
        if (r->directed) json_leaders(r, &r->received, "exact");
        json_leaders(r, &r->degree, "exact");
        if (weighted) json_leaders(r, &r->strength, "exact");
    } else {
        printf("Leverage report: %s\n", source);
        printf("%zu actors, %zu influence ties (%s)", n, m, how);
        if (nres) {
            printf(", %zu resource%s:", nres, nres == 1 ? "" : "s");
            for (uint32_t res = 0; res < nres; res++) printf("%s %s", res ? "," : "", lev_resource_name(net, res));
        }
        printf(".\n");
        if (has_groups) {
            printf("Groups:");
            for (size_t g = 0; g < ng; g++) printf("%s %s (%zu)", g ? "," : "", groups[g].name, groups[g].actors);
            printf(".\n");
        }
        printf("\nHeadlines\n");
        for (size_t h = 0; h < nh; h++) printf("  * %s\n", head[h]);
        if (!n) goto tail;
        printf("\n== Where is the leverage? ==\n");
        text_leaders(r, &r->exerted, r->exerted.title, 0, note_exerted);
        int differ = 0; /* influence received gets its own list where its leaders differ */
        for (size_t k = 0; r->directed && k < r->top; k++) differ |= r->exerted.order[k] != r->received.order[k];
        if (differ) text_leaders(r, &r->received, r->received.title, 0, note_received);
        text_leaders(r, &r->degree, r->degree.title, 0, NULL);
        if (weighted) text_leaders(r, &r->strength, r->strength.title, 0, NULL);
    }
    if ((status = cli_finish_output()) != EXIT_OKAY) return status;

    /* Betweenness: exact while cheap, else the (ε, δ) estimate. */
    char method[256];
    if (n) {
        if (r->exact) {
            if ((status = full(r, &r->between, lev_betweenness, 1, "betweenness")) != EXIT_OKAY) return status;
            snprintf(method, sizeof method, "exact");
        } else {
            r->between.estimated = 1;
            r->between.score = malloc(n * sizeof *r->between.score);
            if (!r->between.score) return oom();
            int64_t w = 1;
            lev_params_get_int(r->p, LEV_P_WEIGHTED, &w);
            lev_params_set_int(r->p, LEV_P_WEIGHTED, 0);
            lev_status rc = lev_betweenness_sampled(r->net, r->p, r->between.score, &r->samples, &r->epsilon);
            lev_params_set_int(r->p, LEV_P_WEIGHTED, w);
            if (rc != LEV_OK) return fail(r, "betweenness");
            if (!(r->between.order = cli_order(r->between.score, n, 1))) return oom();
            r->between.len = n;
            snprintf(method, sizeof method, "estimate from %llu sampled shortest paths: every score within %g of the "
                     "exact share of shortest paths, with probability %g (lev_betweenness_sampled), distances in hops",
                     (unsigned long long)r->samples, r->epsilon, 1 - r->delta);
        }
        r->between.key = "betweenness";
        r->between.title = r->between.estimated ? "Betweenness in hops: share of the shortest paths between others "
                                                  "that run through the actor (estimated; at this size the report "
                                                  "counts ties, not 1/strength)"
                                                : "Betweenness: shortest paths between others that run through the actor";
        if (r->json) {
            json_leaders(r, &r->between, method);
        } else {
            text_leaders(r, &r->between, r->between.title, 0, note_between);
            if (r->between.estimated)
                printf("  (estimated from %llu sampled shortest paths: each share is within ±%s of the exact one "
                       "with probability %g; --exact computes every score exactly)\n", (unsigned long long)r->samples,
                       cli_pct(r->epsilon, pct, sizeof pct), 1 - r->delta);
        }
        if ((status = cli_finish_output()) != EXIT_OKAY) return status;

        /* Closeness: every exact score while cheap; above, the exact top K by pruned search
         * (lev_closeness_top) over hops, whose pruning works at any size. */
        const char *cmethod = "exact";
        if (r->exact) {
            if ((status = full(r, &r->close, lev_closeness, 1, "closeness")) != EXIT_OKAY) return status;
        } else {
            size_t k = r->top ? r->top : 1;
            r->close.score = calloc(n, sizeof *r->close.score);
            r->close.order = malloc(k * sizeof *r->close.order);
            double *sc = malloc(k * sizeof *sc);
            if (!r->close.score || !r->close.order || !sc) {
                free(sc);
                return oom();
            }
            int64_t w = 1;
            lev_params_get_int(r->p, LEV_P_WEIGHTED, &w);
            lev_params_set_int(r->p, LEV_P_WEIGHTED, 0);
            lev_status rc = lev_closeness_top(r->net, r->p, k, r->close.order, sc);
            lev_params_set_int(r->p, LEV_P_WEIGHTED, w);
            if (rc != LEV_OK) {
                free(sc);
                return fail(r, "closeness");
            }
            for (size_t t = 0; t < k; t++) r->close.score[r->close.order[t]] = sc[t];
            free(sc);
            r->close.len = k;
            cmethod = "exact top K by pruned search (lev_closeness_top), distances in hops";
        }
        r->close.key = "closeness";
        r->close.title = !r->exact ? "Closeness in hops: how near the actor is to those it reaches (exact top K; at "
                                     "this size the report counts ties, not 1/strength; --exact for every score)"
                       : r->directed ? "Closeness: how near the actor is to those it reaches along its ties out "
                                       "(1/closeness is the mean distance when it reaches everyone)"
                                     : "Closeness: how near the actor is to the others (1/closeness is the mean "
                                       "distance when it reaches everyone)";
        if (r->json) json_leaders(r, &r->close, cmethod);
        else text_leaders(r, &r->close, r->close.title, 0, note_close);
        if ((status = cli_finish_output()) != EXIT_OKAY) return status;

        /* Brokers: lowest constraint first; actors without ties broker nothing and go last. */
        if ((status = full(r, &r->constraint, lev_constraint, -1, "constraint")) != EXIT_OKAY) return status;
        {
            size_t w = 0, k2 = 0;
            uint32_t *tmp = malloc(n * sizeof *tmp);
            if (!tmp) return oom();
            for (size_t t = 0; t < n; t++)
                if (r->degree.score[r->constraint.order[t]] > 0) r->constraint.order[w++] = r->constraint.order[t];
                else tmp[k2++] = r->constraint.order[t];
            memcpy(r->constraint.order + w, tmp, k2 * sizeof *tmp);
            free(tmp);
        }
        r->constraint.key = "constraint";
        r->constraint.title = "Brokers: Burt's constraint (low = the actor's ties overlap least: it spans structural "
                              "holes)";
        uint32_t b = r->between.order[0];
        char broker[512] = "";
        size_t cpos = position(r->constraint.order, n, b);
        if (m && r->between.score[b] > 0)
            snprintf(broker, sizeof broker, "%s is the top broker: first in betweenness (it sits on the most shortest "
                     "paths) and %s least constrained (%s).", lev_actor_name(net, b),
                     cpos == 1 ? "the" : ordinal(cpos, ord1, sizeof ord1),
                     cpos == 1 ? "its ties overlap least" : "how little its ties overlap");
        if (r->json) {
            json_leaders(r, &r->constraint, "exact");
            putchar('}'); /* the measures end here; the rest are the report's own members */
            member(r, "top_broker");
            cli_json_string(stdout, broker);
        } else {
            if (broker[0]) printf("\n%s\n", broker);
            text_leaders(r, &r->constraint, r->constraint.title, 1, NULL);
        }
        if (has_groups && (status = brokerage_section(r)) != EXIT_OKAY) return status;
        if ((status = core_and_communities(r)) != EXIT_OKAY) return status;
        if (!r->json) resources_section(r);
        if ((status = cli_finish_output()) != EXIT_OKAY) return status;
    }
    if (r->json) {
        printf("%s,\"imbalance\":", n ? "" : "}");
        if ((status = cli_imbalance_section(a, net, r->p, r->exerted.score, 1, stdout)) != EXIT_OKAY) return status;
        if (lev_resource_count(net) && n) { /* alliances over the first resource (coalition.c) */
            printf(",\"alliances\":");
            if ((status = cli_alliances_section(a, net, 1, stdout)) != EXIT_OKAY) return status;
        }
        printf(",\"where_to_start\":");
        if ((status = cli_seeds_section(a, net, 1, stdout)) != EXIT_OKAY) return status;
        printf(",\"fragile_leverage\":");
        if ((status = cli_fragile_section(a, net, r->p, 1, stdout)) != EXIT_OKAY) return status;
        printf("}\n");
    } else {
        printf("\n== How unequal is the power? ==\n");
        if ((status = cli_imbalance_section(a, net, r->p, r->exerted.score, 0, stdout)) != EXIT_OKAY) return status;
        if (lev_resource_count(net) && n && (status = cli_alliances_section(a, net, 0, stdout)) != EXIT_OKAY)
            return status; /* alliances over the first resource (coalition.c) */
        printf("\n== Where to start? ==\nThe 3 seeds that reach the most actors in expectation, and their reach:\n");
        if ((status = cli_seeds_section(a, net, 0, stdout)) != EXIT_OKAY) return status;
        printf("\n== Fragile leverage ==\n");
        if ((status = cli_fragile_section(a, net, r->p, 0, stdout)) != EXIT_OKAY) return status;
    tail:
        printf("\nPageRank: damping %.2f, ties %s, %s. Scores sum to 1. Paths use %s.%s\n", cli_get(a, LEV_P_DAMPING),
               how, r->unweighted ? "strengths ignored" : "weighted by strength",
               r->unweighted ? "hops (strengths are ignored)" : "distance 1/strength",
               r->directed ? " Influence exerted is PageRank over reversed ties: an actor scores by the ties it "
                             "sends to actors who themselves exert influence."
                           : "");
    }
    return cli_finish_output();
}

static int report_main(const cli_args *a, lev_network *net, int bundled) {
    report r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.net = net;
    r.p = a->p;
    r.n = lev_actor_count(net);
    r.m = lev_edge_count(net);
    r.nres = lev_resource_count(net);
    r.top = (size_t)a->top < r.n ? (size_t)a->top : r.n;
    r.json = strcmp(a->format, "json") == 0;
    r.directed = cli_get(a, LEV_P_UNDIRECTED) == 0;
    r.unweighted = cli_get(a, LEV_P_WEIGHTED) == 0;
    r.epsilon = cli_get(a, LEV_P_EPSILON);
    r.delta = cli_get(a, LEV_P_DELTA);
    r.exact = cli_paths_exact(a, net);
    int status = report_run(&r, bundled);
    leaders *all[] = {&r.exerted, &r.received, &r.degree, &r.strength, &r.between, &r.close, &r.constraint};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) leaders_free(all[k]);
    free(r.holds);
    free(r.horder);
    return status;
}

static const cli_option options[] = {
    {.name = "exact", .kind = CLI_SWITCH, .field = offsetof(cli_args, exact),
     .help = "exact path measures at any size (default: estimated when V·(V+E) > 2e8)"},
    {.kind = CLI_VALUE, .key = LEV_P_EPSILON, .meta = "E", .help = "estimated betweenness: the error bound"},
    {.kind = CLI_VALUE, .key = LEV_P_DELTA, .meta = "P", .help = "estimated betweenness: the chance of missing it"},
    {.kind = CLI_VALUE, .key = LEV_P_DAMPING, .meta = "D", .help = "PageRank's damping factor"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed of the randomized parts (communities, estimates)"},
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
    if (status == EXIT_OKAY) status = report_main(a, net, bundled);
    lev_network_free(net);
    return status;
}

const cli_command cli_analyze = {
    .name = "analyze",
    .summary = "a report of who holds leverage and how unequal power is\n"
               "              (runs on a bundled example without a file)",
    .synopsis = "[EDGES.csv] [OPTIONS]",
    .about = "A report of the network's leverage points and power imbalances: who exerts and who receives\n"
             "influence, who brokers, the core and the communities, how concentrated influence and\n"
             "resources are, the most one-sided ties and dependences, and the in-crowd with its outsiders.\n"
             "Leverage points are ranked by influence exerted (PageRank over reversed ties). Sections are\n"
             "written as they are computed.\n"
             "Without EDGES.csv it analyzes a bundled example: Padgett's Florentine families (marriage\n"
             "ties, treated as two-way), with each family's wealth in 1427 and its faction.\n"
             "EDGES.csv has the header source,target,weight[,channel]: one influence tie per row.",
    .format = "text",
    .options = {cli_report_options, options, cli_common_options, NULL},
    .run = run,
};

/* The whole analyze report, for `leverage report` (cli.h). */
int cli_analyze_report(const cli_args *a, lev_network *net, int bundled) { return report_main(a, net, bundled); }
