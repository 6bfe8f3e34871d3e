/* `leverage opinion`: where the group's opinion ends up (Friedkin–Johnsen), whether it reaches a
 * consensus (DeGroot), who carries the most weight in it, and its pressure points. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const cli_option options[] = {
    {.name = "initial", .kind = CLI_PATH, .field = offsetof(cli_args, initial), .meta = "F",
     .help = "initial opinions, header actor,value (a finite number; an actor not listed: 0)"},
    {.name = "susceptibility", .kind = CLI_PATH, .field = offsetof(cli_args, susceptibility), .meta = "F",
     .help = "susceptibilities, header actor,value in [0, 1] (an actor not listed: 1 - its self-weight)"},
    {.name = "target", .kind = CLI_NAME, .field = offsetof(cli_args, target), .meta = "ACTOR",
     .help = "pressure points on this actor's final opinion (default: the mean final opinion)"},
    {.name = "format", .kind = CLI_CHOICE, .choices = "text|json|csv", .field = offsetof(cli_args, format),
     .meta = "FMT", .help = "output format (csv: one row per actor)"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .field = offsetof(cli_args, top), .meta = "K",
     .help = "how many actors and ties to name in each list (text)"},
    {.kind = CLI_VALUE, .key = LEV_P_TOLERANCE, .meta = "T", .help = "stop when a sweep moves no value by more than T times max(1, the largest value)"},
    {.kind = CLI_VALUE, .key = LEV_P_MAX_ITER, .meta = "N", .help = "at most N sweeps"},
    {.kind = CLI_END},
};

/* Read `actor,value` rows (header first) of path into v, marking given[]; values checked to be
 * finite, and in [0, 1] when unit. Prints `leverage: PATH:LINE: reason`; returns 0 or -1. */
static int read_values(const char *path, const lev_network *net, double *v, unsigned char *given, int unit,
                       const char *what) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "leverage: %s: cannot open: %s\n", path, strerror(errno));
        return -1;
    }
    char line[4096];
    long ln = 0;
    int header = 1, rc = -1;
    while (fgets(line, sizeof line, f)) {
        ln++;
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            fprintf(stderr, "leverage: %s:%ld: line longer than %zu bytes\n", path, ln, sizeof line - 2);
            goto done;
        }
        char *s = line;
        if (ln == 1 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
            s += 3;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) continue; /* blank line */
        /* the actor: quoted ("" for a quote) or up to the last comma */
        char name[4096], *value;
        size_t k = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                if (!*s) {
                    fprintf(stderr, "leverage: %s:%ld: unterminated quoted actor name\n", path, ln);
                    goto done;
                }
                if (*s == '"' && s[1] == '"') name[k++] = '"', s += 2;
                else if (*s == '"') break;
                else name[k++] = *s++;
            }
            s++;
            while (*s == ' ' || *s == '\t') s++;
            if (*s != ',') {
                fprintf(stderr, "leverage: %s:%ld: expected 2 fields actor,value\n", path, ln);
                goto done;
            }
            value = s + 1;
        } else {
            char *comma = strrchr(s, ',');
            if (!comma) {
                fprintf(stderr, "leverage: %s:%ld: expected 2 fields actor,value\n", path, ln);
                goto done;
            }
            char *e = comma;
            while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
            memcpy(name, s, (size_t)(e - s));
            k = (size_t)(e - s);
            value = comma + 1;
        }
        name[k] = 0;
        if (header) { /* the header row: any two names */
            header = 0;
            continue;
        }
        while (*value == ' ' || *value == '\t') value++;
        char *end = value + strlen(value);
        while (end > value && (end[-1] == ' ' || end[-1] == '\t')) *--end = 0;
        char *stop;
        double x = strtod(value, &stop);
        if (!*value || *stop || strchr(value, ',') || !isfinite(x) || isalpha((unsigned char)*value)) {
            fprintf(stderr, "leverage: %s:%ld: %s of \"%s\" is not a finite number (got \"%s\")\n", path, ln, what,
                    name, value);
            goto done;
        }
        if (unit && (x < 0 || x > 1)) {
            fprintf(stderr, "leverage: %s:%ld: %s of \"%s\" must be in [0, 1] (got %s)\n", path, ln, what, name, value);
            goto done;
        }
        uint32_t i;
        if (lev_actor_find(net, name, &i) != LEV_OK) {
            fprintf(stderr, "leverage: %s:%ld: unknown actor \"%s\" (not in the network)\n", path, ln, name);
            goto done;
        }
        if (given[i]) {
            fprintf(stderr, "leverage: %s:%ld: actor \"%s\" is listed twice\n", path, ln, name);
            goto done;
        }
        given[i] = 1;
        v[i] = x;
    }
    if (ferror(f)) {
        fprintf(stderr, "leverage: %s: read error\n", path);
        goto done;
    }
    if (header) {
        fprintf(stderr, "leverage: %s:1: empty file: a header row actor,value is required\n", path);
        goto done;
    }
    rc = 0;
done:
    fclose(f);
    return rc;
}

/* A number for people: 4 significant digits. */
static void pn(double v) { printf("%.4g", v); }

typedef struct tie {
    size_t e;
    double d;
} tie;

static int by_size(const void *a, const void *b) {
    const tie *x = a, *y = b;
    double ax = fabs(x->d), ay = fabs(y->d);
    if (ax != ay) return ax < ay ? 1 : -1;
    return x->e < y->e ? -1 : x->e > y->e;
}

static void print_tie(const lev_network *net, size_t e, int json) {
    uint32_t s, t;
    double w;
    const char *ch;
    lev_edge_get(net, e, &s, &t, &w, &ch);
    if (json) {
        printf("{\"source\":");
        cli_json_string(stdout, lev_actor_name(net, s));
        printf(",\"target\":");
        cli_json_string(stdout, lev_actor_name(net, t));
        printf(",\"strength\":");
        cli_print_number(stdout, w);
        if (ch) {
            printf(",\"channel\":");
            cli_json_string(stdout, ch);
        }
    } else {
        printf("%s -> %s", lev_actor_name(net, s), lev_actor_name(net, t));
        if (ch) printf(" [%s]", ch);
    }
}

static int run(cli_args *a) {
    if (!a->edges) return cli_usage("an edges file is needed");
    if (!a->initial) return cli_usage("--initial F is needed (header actor,value)");
    if (!a->susceptibility) return cli_usage("--susceptibility F is needed (header actor,value)");
    lev_network *net = NULL;
    double *buf = NULL, *dw = NULL; /* dw: one value per tie */
    unsigned char *given = NULL;
    uint32_t *cls = NULL, *order = NULL;
    tie *ties = NULL;
    int status = cli_open(a, &net);
    if (status != EXIT_OKAY) goto done;
    status = EXIT_FAILED;
    size_t n = lev_actor_count(net), m = lev_edge_count(net);
    uint32_t target = LEV_NONE;
    if (a->target && lev_actor_find(net, a->target, &target) != LEV_OK) {
        fprintf(stderr, "leverage: --target: unknown actor \"%s\"\n", a->target);
        goto done;
    }
    size_t nn = n ? n : 1;
    buf = calloc(8 * nn, sizeof *buf);
    dw = calloc(m ? m : 1, sizeof *dw);
    given = calloc(nn, 1);
    cls = calloc(3 * nn, sizeof *cls);
    ties = calloc(m ? m : 1, sizeof *ties);
    if (!buf || !dw || !given || !cls || !ties) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    double *u = buf, *lam = u + nn, *x = lam + nn, *infl = x + nn, *du = infl + nn, *power = du + nn,
           *self = power + nn, *in = self + nn;
    uint32_t *period = cls + nn;
    if (read_values(a->initial, net, u, given, 0, "initial opinion")) goto done;
    size_t n_initial = 0;
    for (size_t i = 0; i < n; i++) n_initial += given[i];
    /* Missing susceptibilities: 1 − w_ii (Friedkin and Johnsen's coupling), from the ties into
     * each actor as the library reads them (an actor no tie reaches: w_ii = 1, so 0). */
    int undirected = cli_get(a, LEV_P_UNDIRECTED) != 0, weighted = cli_get(a, LEV_P_WEIGHTED) != 0;
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        double w;
        lev_edge_get(net, e, &s, &t, &w, NULL);
        if (!weighted) w = 1;
        in[t] += w;
        if (s == t) self[t] += w;
        if (undirected) {
            in[s] += w;
            if (s == t) self[s] += w;
        }
    }
    memset(given, 0, nn);
    if (read_values(a->susceptibility, net, lam, given, 1, "susceptibility")) goto done;
    size_t n_lam = 0;
    for (size_t i = 0; i < n; i++) {
        n_lam += given[i];
        if (!given[i]) lam[i] = in[i] > 0 ? 1 - self[i] / in[i] : 0;
    }
    lev_params *p = a->p;
    if (lev_friedkin_johnsen(net, u, lam, p, x) != LEV_OK) {
        fprintf(stderr, "leverage: friedkin-johnsen: %s\n", lev_params_errmsg(p));
        goto done;
    }
    if (lev_friedkin_johnsen_influence(net, lam, p, infl) != LEV_OK ||
        lev_opinion_pressure(net, u, lam, target, p, du, dw) != LEV_OK) {
        fprintf(stderr, "leverage: opinion: %s\n", lev_params_errmsg(p));
        goto done;
    }
    size_t classes = 0;
    lev_status drc = lev_degroot(net, p, power, cls, period, &classes);
    char dmsg[512] = "";
    if (drc != LEV_OK) snprintf(dmsg, sizeof dmsg, "%s", lev_params_errmsg(p));
    int consensus = drc == LEV_OK && classes == 1 && period[0] == 1;
    size_t periodic = 0;
    if (drc == LEV_OK)
        for (size_t c = 0; c < classes; c++) periodic += period[c] > 1;
    /* Each closed class's size and first actor (classes are numbered by their first actor). */
    double *csize = in; /* the incoming strengths are no longer needed */
    uint32_t *cfirst = cls + 2 * nn;
    if (drc == LEV_OK) {
        for (size_t c = 0; c < classes; c++) csize[c] = 0, cfirst[c] = LEV_NONE;
        for (size_t i = 0; i < n; i++)
            if (cls[i] != LEV_NONE) {
                if (cfirst[cls[i]] == LEV_NONE) cfirst[cls[i]] = (uint32_t)i;
                csize[cls[i]] += 1;
            }
    }
    double mean0 = 0, mean1 = 0;
    for (size_t i = 0; i < n; i++) mean0 += u[i], mean1 += x[i];
    if (n) mean0 /= (double)n, mean1 /= (double)n;
    for (size_t e = 0; e < m; e++) ties[e] = (tie){e, dw[e]};
    qsort(ties, m, sizeof *ties, by_size);
    order = cli_order(du, n, 1);
    if (!order) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    const char *tname = target == LEV_NONE ? NULL : lev_actor_name(net, target);

    if (strcmp(a->format, "csv") == 0) {
        printf("actor,initial,susceptibility,final,influence,pressure,social_power\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            double row[6] = {u[i], lam[i], x[i], infl[i], du[i], power[i]};
            for (int k = 0; k < 6; k++) {
                putchar(',');
                if (k < 5 || drc == LEV_OK) cli_print_number(stdout, row[k]);
            }
            putchar('\n');
        }
    } else if (strcmp(a->format, "json") == 0) {
        printf("{\"actors\":%zu,\"ties\":%zu,\"initial_given\":%zu,\"susceptibility_given\":%zu,", n, m, n_initial,
               n_lam);
        printf("\"mean_initial\":");
        cli_print_number(stdout, mean0);
        printf(",\"mean_final\":");
        cli_print_number(stdout, mean1);
        printf(",\"target\":");
        if (tname) cli_json_string(stdout, tname);
        else printf("null");
        printf(",\"degroot\":");
        if (drc != LEV_OK) {
            printf("{\"error\":");
            cli_json_string(stdout, dmsg);
            printf("}");
        } else {
            printf("{\"consensus\":%s,\"closed_classes\":%zu,\"periods\":[", consensus ? "true" : "false", classes);
            for (size_t c = 0; c < classes; c++) printf(c ? ",%u" : "%u", (unsigned)period[c]);
            printf("],\"classes\":[");
            for (size_t c = 0; c < classes; c++) {
                printf(c ? ",{\"first\":" : "{\"first\":");
                cli_json_string(stdout, lev_actor_name(net, cfirst[c]));
                printf(",\"size\":%.0f,\"period\":%u}", csize[c], (unsigned)period[c]);
            }
            printf("]}");
        }
        printf(",\"per_actor\":[");
        for (size_t i = 0; i < n; i++) {
            printf(i ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            const char *keys[6] = {"initial", "susceptibility", "final", "influence", "pressure", "social_power"};
            double row[6] = {u[i], lam[i], x[i], infl[i], du[i], power[i]};
            for (int k = 0; k < 6; k++) {
                printf(",\"%s\":", keys[k]);
                if (k < 5 || drc == LEV_OK) cli_print_number(stdout, row[k]);
                else printf("null");
            }
            if (drc == LEV_OK) {
                printf(",\"closed_class\":");
                if (cls[i] == LEV_NONE) printf("null");
                else printf("%u", (unsigned)cls[i]);
            }
            printf("}");
        }
        printf("],\"tie_pressure\":[");
        for (size_t k = 0; k < m; k++) {
            if (k) putchar(',');
            print_tie(net, ties[k].e, 1);
            printf(",\"pressure\":");
            cli_print_number(stdout, ties[k].d);
            printf("}");
        }
        printf("]}\n");
    } else {
        size_t top = (size_t)a->top;
        printf("Opinion dynamics: %zu actors, %zu ties%s.\n", n, m, undirected ? " (read as two-way)" : "");
        printf("Initial opinions given for %zu actors (the others start at 0); susceptibilities for %zu (the others: "
               "1 - their self-weight).\n\n",
               n_initial, n_lam);
        if (drc != LEV_OK) printf("Consensus (DeGroot): not computed: %s\n", dmsg);
        else if (consensus) printf("Consensus (DeGroot): yes - one closed class, aperiodic.\n");
        else if (classes > 1)
            printf("Consensus (DeGroot): no - %zu closed classes listen only to themselves%s.\n", classes,
                   periodic ? ", and some are periodic" : "");
        else printf("Consensus (DeGroot): no - the closed class is periodic (period %u): opinions cycle.\n",
                    (unsigned)period[0]);
        if (drc == LEV_OK && !consensus)
            for (size_t c = 0; c < classes && c < top; c++) {
                printf("  closed class %zu: %s", c + 1, lev_actor_name(net, cfirst[c]));
                if (csize[c] > 1) printf(" and %.0f other%s", csize[c] - 1, csize[c] > 2 ? "s" : "");
                if (period[c] > 1) printf(" (period %u)", (unsigned)period[c]);
                putchar('\n');
            }
        printf("Friedkin-Johnsen equilibrium: mean opinion ");
        pn(mean0);
        printf(" at the start, ");
        pn(mean1);
        printf(" at the end.\n\nTotal influence on the outcome (they sum to %zu):\n", n);
        uint32_t *oi = cli_order(infl, n, 1);
        if (!oi) {
            fprintf(stderr, "leverage: out of memory\n");
            goto done;
        }
        for (size_t k = 0; k < n && k < top; k++) {
            printf("  %zu. %s  ", k + 1, lev_actor_name(net, oi[k]));
            pn(infl[oi[k]]);
            putchar('\n');
        }
        free(oi);
        printf("\nPressure points on %s%s:\n", tname ? "the final opinion of " : "the mean final opinion",
               tname ? tname : "");
        printf("  actors whose initial opinion moves it most (per unit):\n");
        for (size_t k = 0; k < n && k < top; k++) {
            printf("    %zu. %s  ", k + 1, lev_actor_name(net, order[k]));
            pn(du[order[k]]);
            putchar('\n');
        }
        printf("  ties whose strengthening moves it most (per unit of strength; + raises it, - lowers it):\n");
        for (size_t k = 0; k < m && k < top; k++) {
            printf("    %zu. ", k + 1);
            print_tie(net, ties[k].e, 0);
            printf("  ");
            pn(ties[k].d);
            putchar('\n');
        }
    }
    status = cli_finish_output();
done:
    free(buf);
    free(dw);
    free(given);
    free(cls);
    free(order);
    free(ties);
    lev_network_free(net);
    return status;
}

const cli_command cli_opinion = {
    .name = "opinion",
    .summary = "where opinions settle (Friedkin-Johnsen), consensus, influence, pressure points",
    .synopsis = "[OPTIONS] EDGES.csv --initial U.csv --susceptibility L.csv",
    .about = "Where the group's opinions settle when each actor listens to the ties into it and stays\n"
             "anchored to its initial opinion (Friedkin-Johnsen: x = LWx + (I - L)u, W row-normalized\n"
             "ties in), whether plain averaging reaches a consensus (DeGroot: one aperiodic closed\n"
             "class), each actor's total influence on the outcome, and the pressure points of the\n"
             "target (the mean final opinion, or --target's): the actors whose initial opinion and\n"
             "the ties whose strength move it most per unit. Both files are actor,value with a\n"
             "header row; an actor not listed starts at 0 and has susceptibility 1 - its self-weight\n"
             "(0 for an actor no tie reaches).",
    .format = "text",
    .options = {options, cli_common_options, NULL},
    .run = run,
};
