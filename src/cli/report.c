/* `leverage report`: one self-contained HTML file (inline SVG and CSS; no script, font or URL)
 * with the network drawn by lev_layout(), the Lorenz curve of influence exerted with its Gini,
 * the group-to-group influence matrix as a heat map, the dependence pairs, and the analyze
 * report's own sections (top actors of each family, imbalance, alliances, where to start,
 * fragile leverage), captured verbatim from `leverage analyze`. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The most actors drawn: the top ones by influence exerted (the page says so above it). */
#define REPORT_MAX_DRAWN 300
/* Leverage points highlighted and labelled on the drawing. */
#define REPORT_LABELLED 8
/* The most dependence pairs listed, and groups in the heat map. */
#define REPORT_MAX_PAIRS 20
#define REPORT_MAX_GROUPS 40

static const char *const palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                      "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};

/* s with & < > " ' written as entities. */
static void esc(FILE *f, const char *s) {
    for (; s && *s; s++) switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
}

static void escn(FILE *f, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        char c[2] = {s[i], 0};
        if (s[i] == 0) continue;
        esc(f, c);
    }
}

static int oom(void) {
    fprintf(stderr, "leverage: out of memory\n");
    return EXIT_FAILED;
}

/* The analyze report's text, as `leverage analyze` prints it (stdout sent to a temporary file
 * meanwhile). */
static int capture_analyze(const cli_args *a, lev_network *net, int bundled, char **text, size_t *len) {
    FILE *tmp = tmpfile();
    if (!tmp) {
        fprintf(stderr, "leverage: report: cannot make a temporary file\n");
        return EXIT_FAILED;
    }
    fflush(stdout);
    int saved = dup(1);
    if (saved < 0 || dup2(fileno(tmp), 1) < 0) {
        if (saved >= 0) close(saved);
        fclose(tmp);
        fprintf(stderr, "leverage: report: cannot capture the analyze report\n");
        return EXIT_FAILED;
    }
    cli_args b = *a;
    b.format = "text";
    int status = cli_analyze_report(&b, net, bundled);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    clearerr(stdout);
    if (status == EXIT_OKAY) {
        long size = ftell(tmp);
        if (size < 0 || fseek(tmp, 0, SEEK_SET) != 0) size = 0;
        *text = malloc((size_t)size + 1);
        if (!*text) status = oom();
        else {
            *len = fread(*text, 1, (size_t)size, tmp);
            (*text)[*len] = 0;
        }
    }
    fclose(tmp);
    return status;
}

/* The analyze text as HTML sections: a heading per "== ... ==" line, the rest in <pre>. */
static void text_sections(FILE *f, const char *text) {
    const char *s = text;
    int open = 0;
    fputs("<section><h2>The analyze report</h2>\n<pre>", f);
    open = 1;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len > 6 && strncmp(s, "== ", 3) == 0 && strncmp(s + len - 3, " ==", 3) == 0) {
            if (open) fputs("</pre></section>\n", f);
            fputs("<section><h2>", f);
            escn(f, s + 3, len - 6);
            fputs("</h2>\n<pre>", f);
            open = 1;
        } else {
            escn(f, s, len);
            fputc('\n', f);
        }
        s += len + (e != NULL);
    }
    if (open) fputs("</pre></section>\n", f);
}

static const char *group_colour(const lev_network *net, uint32_t i, const char **names, size_t ng) {
    const char *g = lev_actor_group(net, i);
    if (!g) return "#9e9e9e";
    for (size_t k = 0; k < ng; k++)
        if (strcmp(names[k], g) == 0) return palette[k % (sizeof palette / sizeof palette[0])];
    return "#9e9e9e";
}

/* The network drawn: the top `draw` actors by influence exerted (order), laid out by lev_layout. */
static int draw_network(FILE *f, const cli_args *a, const lev_network *net, const double *exerted,
                        const uint32_t *order, size_t n) {
    size_t draw = n < REPORT_MAX_DRAWN ? n : REPORT_MAX_DRAWN;
    size_t ng = lev_group_count(net);
    const char **gnames = calloc(ng ? ng : 1, sizeof *gnames);
    uint32_t *slot = malloc((n ? n : 1) * sizeof *slot);
    double *xy = malloc(2 * (draw ? draw : 1) * sizeof *xy);
    lev_network *sub = NULL;
    int status = EXIT_FAILED;
    if (!gnames || !slot || !xy || lev_network_new(&sub) != LEV_OK) {
        status = oom();
        goto done;
    }
    for (size_t g = 0; g < ng; g++) gnames[g] = lev_group_name(net, (uint32_t)g);
    for (size_t i = 0; i < n; i++) slot[i] = UINT32_MAX;
    for (size_t k = 0; k < draw; k++) {
        slot[order[k]] = (uint32_t)k;
        if (lev_actor_add(sub, lev_actor_name(net, order[k]), lev_actor_group(net, order[k]), NULL) != LEV_OK) {
            fprintf(stderr, "leverage: report: %s\n", lev_errmsg(sub));
            goto done;
        }
    }
    size_t m = lev_edge_count(net);
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        double w;
        if (lev_edge_get(net, e, &s, &t, &w, NULL) == LEV_OK && slot[s] != UINT32_MAX && slot[t] != UINT32_MAX &&
            lev_edge_add(sub, slot[s], slot[t], w, NULL, NULL) != LEV_OK) {
            fprintf(stderr, "leverage: report: %s\n", lev_errmsg(sub));
            goto done;
        }
    }
    lev_params *lp;
    if (lev_params_new(&lp) != LEV_OK) {
        status = oom();
        goto done;
    }
    lev_params_set_int(lp, LEV_P_SEED, (int64_t)cli_get(a, LEV_P_SEED));
    lev_params_set_int(lp, LEV_P_THREADS, (int64_t)cli_get(a, LEV_P_THREADS));
    lev_params_set_int(lp, LEV_P_LAYOUT_ITERATIONS, (int64_t)cli_get(a, LEV_P_LAYOUT_ITERATIONS));
    lev_status rc = draw ? lev_layout(sub, lp, xy) : LEV_OK;
    if (rc != LEV_OK) {
        fprintf(stderr, "leverage: layout: %s\n", lev_params_errmsg(lp));
        lev_params_free(lp);
        goto done;
    }
    lev_params_free(lp);

    const double W = 900, H = 640, pad = 40;
    double top = draw ? exerted[order[0]] : 0;
    fputs("<section><h2>The network</h2>\n", f);
    if (draw < n)
        fprintf(f, "<p class=\"note\">Drawn: the %zu actors who exert the most influence, of %zu (the report draws at "
                   "most %d), with the ties among them.</p>\n", draw, n, REPORT_MAX_DRAWN);
    fprintf(f, "<p>Each circle is an actor, its area proportional to the influence it exerts (PageRank over reversed "
               "ties); colour by group; the %d leading leverage points are outlined and named. Position: a "
               "force-directed layout (lev_layout, seed %.0f).</p>\n",
            REPORT_LABELLED, cli_get(a, LEV_P_SEED));
    fprintf(f, "<svg class=\"net\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">\n", W, H,
            W, H);
    fputs("<g class=\"ties\">\n", f);
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        double w;
        if (lev_edge_get(net, e, &s, &t, &w, NULL) != LEV_OK || slot[s] == UINT32_MAX || slot[t] == UINT32_MAX ||
            s == t)
            continue;
        size_t i = slot[s], j = slot[t];
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", pad + xy[2 * i] * (W - 2 * pad),
                pad + xy[2 * i + 1] * (H - 2 * pad), pad + xy[2 * j] * (W - 2 * pad),
                pad + xy[2 * j + 1] * (H - 2 * pad));
    }
    fputs("</g>\n<g class=\"actors\">\n", f);
    for (size_t k = draw; k-- > 0;) { /* the most influential last, on top */
        uint32_t i = order[k];
        double r = 3 + (top > 0 ? 22 * sqrt(exerted[i] / top) : 0);
        double x = pad + xy[2 * k] * (W - 2 * pad), y = pad + xy[2 * k + 1] * (H - 2 * pad);
        fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"%s><title>", x, y, r,
                group_colour(net, i, gnames, ng), k < REPORT_LABELLED ? " class=\"lever\"" : "");
        esc(f, lev_actor_name(net, i));
        fprintf(f, ": influence exerted %.4f</title></circle>\n", exerted[i]);
    }
    for (size_t k = 0; k < draw && k < REPORT_LABELLED; k++) {
        double r = 3 + (top > 0 ? 22 * sqrt(exerted[order[k]] / top) : 0);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">", pad + xy[2 * k] * (W - 2 * pad),
                pad + xy[2 * k + 1] * (H - 2 * pad) - r - 4);
        esc(f, lev_actor_name(net, order[k]));
        fputs("</text>\n", f);
    }
    fputs("</g>\n</svg>\n", f);
    if (ng) {
        fputs("<p class=\"legend\">", f);
        for (size_t g = 0; g < ng; g++) {
            fprintf(f, "<span><i style=\"background:%s\"></i>", palette[g % (sizeof palette / sizeof palette[0])]);
            esc(f, gnames[g]);
            fputs("</span> ", f);
        }
        int ungrouped = 0; /* "no group" only when a drawn actor has none */
        for (size_t k = 0; k < draw && !ungrouped; k++) ungrouped = lev_actor_group(net, order[k]) == NULL;
        if (ungrouped) fputs("<span><i style=\"background:#9e9e9e\"></i>no group</span>", f);
        fputs("</p>\n", f);
    }
    fputs("</section>\n", f);
    status = EXIT_OKAY;
done:
    lev_network_free(sub);
    free(gnames);
    free(slot);
    free(xy);
    return status;
}

/* The Lorenz curve of influence exerted, with its Gini. */
static void draw_lorenz(FILE *f, const double *x, size_t n) {
    double gini = 0;
    double *px = malloc((n + 1) * sizeof *px), *py = malloc((n + 1) * sizeof *py);
    fputs("<section><h2>The Lorenz curve of power</h2>\n", f);
    if (!n || !px || !py || lev_gini(x, n, NULL, &gini) != LEV_OK || lev_lorenz(x, n, NULL, px, py) != LEV_OK) {
        fputs("<p>The Lorenz curve is not defined here.</p></section>\n", f);
        free(px);
        free(py);
        return;
    }
    fprintf(f, "<p>The Lorenz curve of influence exerted: the share of all influence (up) held by the least "
               "influential share of actors (across). The diagonal is perfect equality. Gini %.3f (0: all equal, "
               "1: one actor exerts it all).</p>\n", gini);
    const double S = 300, pad = 40;
    fprintf(f, "<svg class=\"lorenz\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">\n",
            S + 2 * pad, S + 2 * pad, S + 2 * pad, S + 2 * pad);
    fprintf(f, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" class=\"frame\"/>\n", pad, pad, S, S);
    fprintf(f, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" class=\"equal\"/>\n", pad, pad + S, pad + S, pad);
    fputs("<polygon class=\"area\" points=\"", f);
    size_t step = n > 2000 ? n / 2000 : 1;
    for (size_t k = 0; k <= n; k += step) fprintf(f, "%.1f,%.1f ", pad + px[k] * S, pad + S - py[k] * S);
    fprintf(f, "%.1f,%.1f\"/>\n", pad + S, pad);
    fprintf(f, "<text x=\"%.0f\" y=\"%.0f\">share of actors</text>\n", pad + S / 2 - 45, pad + S + 28);
    fprintf(f, "<text x=\"%.0f\" y=\"%.0f\">Gini %.3f</text>\n", pad + 10, pad + 20, gini);
    fputs("</svg>\n</section>\n", f);
    free(px);
    free(py);
}

/* The group-to-group influence matrix as a heat map (strength of ties from row to column). */
static void draw_heatmap(FILE *f, lev_network *net, lev_params *p) {
    size_t ng = lev_group_count(net);
    if (ng < 1) return;
    fputs("<section><h2>Influence between groups</h2>\n", f);
    if (ng > REPORT_MAX_GROUPS) {
        fprintf(f, "<p class=\"note\">%zu groups: the heat map is drawn for at most %d.</p></section>\n", ng,
                REPORT_MAX_GROUPS);
        return;
    }
    double *mx = malloc(ng * ng * sizeof *mx);
    if (!mx || lev_group_influence(net, p, mx, NULL, NULL) != LEV_OK) {
        fputs("<p>Not available.</p></section>\n", f);
        free(mx);
        return;
    }
    double hi = 0;
    for (size_t k = 0; k < ng * ng; k++) hi = fmax(hi, mx[k]);
    fputs("<p>Total strength of the ties from the row's group to the column's; darker is more.</p>\n"
          "<table class=\"heat\"><tr><th>from \\ to</th>", f);
    for (size_t h = 0; h < ng; h++) {
        fputs("<th>", f);
        esc(f, lev_group_name(net, (uint32_t)h));
        fputs("</th>", f);
    }
    fputs("</tr>\n", f);
    for (size_t g = 0; g < ng; g++) {
        fputs("<tr><th>", f);
        esc(f, lev_group_name(net, (uint32_t)g));
        fputs("</th>", f);
        for (size_t h = 0; h < ng; h++) {
            double v = mx[g * ng + h], t = hi > 0 ? v / hi : 0;
            int c = (int)lround(255 - 200 * t);
            fprintf(f, "<td style=\"background:rgb(%d,%d,255);color:%s\">%.4g</td>", c, c, t > 0.5 ? "#fff" : "#000",
                    v);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n</section>\n", f);
    free(mx);
}

/* The strongest dependence pairs (lev_dependence over every resource, strongest first). */
static void dependence_pairs(FILE *f, lev_network *net, lev_params *p) {
    if (!lev_resource_count(net)) return;
    size_t len = 0;
    fputs("<section><h2>Who depends on whom</h2>\n", f);
    lev_status rc = lev_dependence(net, LEV_NONE, p, 0, NULL, NULL, NULL, NULL, &len);
    if (rc == LEV_OK || len == 0) {
        fputs("<p>No actor needs what another holds: no dependence pairs.</p></section>\n", f);
        return;
    }
    uint32_t *da = malloc(len * sizeof *da), *db = malloc(len * sizeof *db);
    double *dep = malloc(len * sizeof *dep), *adv = malloc(len * sizeof *adv);
    if (!da || !db || !dep || !adv || lev_dependence(net, LEV_NONE, p, len, da, db, dep, adv, &len) != LEV_OK) {
        fputs("<p>Not available.</p></section>\n", f);
    } else {
        fprintf(f, "<p>The %zu strongest of %zu pairs (Emerson's power-dependence: how much the first needs what the "
                   "second holds and cannot get elsewhere).</p>\n<table class=\"pairs\"><tr><th>actor</th><th>depends "
                   "on</th><th>dependence</th><th>power advantage of the second</th></tr>\n",
                len < REPORT_MAX_PAIRS ? len : (size_t)REPORT_MAX_PAIRS, len);
        for (size_t k = 0; k < len && k < REPORT_MAX_PAIRS; k++) {
            fputs("<tr><td>", f);
            esc(f, lev_actor_name(net, da[k]));
            fputs("</td><td>", f);
            esc(f, lev_actor_name(net, db[k]));
            fprintf(f, "</td><td>%.4f</td><td>%.4f</td></tr>\n", dep[k], adv[k]);
        }
        fputs("</table>\n</section>\n", f);
    }
    free(da);
    free(db);
    free(dep);
    free(adv);
}

static const char css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:24px auto;"
    "max-width:960px;color:#222;background:#fff}h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;"
    "border-bottom:1px solid #ddd;padding-bottom:3px;margin-top:28px}.note{background:#fff7d6;padding:6px 10px}"
    "pre{background:#f6f6f6;padding:10px;overflow-x:auto;font:12.5px/1.35 ui-monospace,Menlo,Consolas,monospace}"
    "svg.net{border:1px solid #ddd;background:#fcfcfc;max-width:100%;height:auto}.ties line{stroke:#9aa;"
    "stroke-width:.8;stroke-opacity:.55}.actors circle{stroke:#fff;stroke-width:1;fill-opacity:.9}"
    ".actors circle.lever{stroke:#111;stroke-width:3}.actors text{font-size:13px;font-weight:600;"
    "text-anchor:middle;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}.legend span{margin-right:12px}"
    ".legend i{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:4px;vertical-align:-1px}"
    "svg.lorenz .frame{fill:none;stroke:#999}svg.lorenz .equal{stroke:#999;stroke-dasharray:4 3}"
    "svg.lorenz .area{fill:#d62728;fill-opacity:.25;stroke:#d62728;stroke-width:2}svg.lorenz text{font-size:13px}"
    "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}"
    "th{background:#f3f3f3}table.pairs td{text-align:left}";

static int write_html(FILE *f, const cli_args *a, lev_network *net, int bundled, const char *text) {
    size_t n = lev_actor_count(net);
    int status = EXIT_FAILED;
    double *exerted = malloc((n ? n : 1) * sizeof *exerted);
    uint32_t *order = NULL;
    if (!exerted) return oom();
    lev_params_set_int(a->p, LEV_P_DIRECTION, LEV_DIR_OUT);
    lev_status rc = n ? lev_pagerank(net, NULL, a->p, exerted) : LEV_OK;
    lev_params_set_int(a->p, LEV_P_DIRECTION, LEV_DIR_ALL);
    if (rc != LEV_OK) {
        fprintf(stderr, "leverage: pagerank: %s\n", lev_params_errmsg(a->p));
        goto done;
    }
    if (!(order = cli_order(exerted, n, 1))) {
        status = oom();
        goto done;
    }
    const char *source = bundled ? "The bundled example (Padgett's Florentine families)" : a->edges;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Leverage report: ", f);
    esc(f, source);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>Leverage report</h1>\n<p>", css);
    esc(f, source);
    fprintf(f, ": %zu actors, %zu influence ties. Made by libleverage %s; this page needs no network "
               "connection.</p>\n", n, lev_edge_count(net), lev_version_string());
    if (n && (status = draw_network(f, a, net, exerted, order, n)) != EXIT_OKAY) goto done;
    draw_lorenz(f, exerted, n);
    draw_heatmap(f, net, a->p);
    dependence_pairs(f, net, a->p);
    text_sections(f, text);
    fputs("</body>\n</html>\n", f);
    status = EXIT_OKAY;
done:
    free(exerted);
    free(order);
    return status;
}

static const cli_option options[] = {
    {.name = "output", .letter = 'o', .kind = CLI_PATH, .field = offsetof(cli_args, output), .meta = "FILE",
     .help = "the HTML file to write (required)"},
    {.name = "resources", .kind = CLI_PATH, .field = offsetof(cli_args, resources), .meta = "F",
     .help = "resources file, header actor,resource,holds,needs"},
    {.name = "top", .kind = CLI_COUNT, .lo = 1, .hi = 1000000, .field = offsetof(cli_args, top), .meta = "K",
     .help = "how many actors (or pairs) to name in each list"},
    {.kind = CLI_VALUE, .key = LEV_P_SEED, .meta = "S", .help = "seed of the layout and the randomized parts"},
    {.kind = CLI_VALUE, .key = LEV_P_LAYOUT_ITERATIONS, .meta = "N", .help = "layout steps"},
    {.kind = CLI_VALUE, .key = LEV_P_DAMPING, .meta = "D", .help = "PageRank's damping factor"},
    {.kind = CLI_END},
};

static int run(cli_args *a) {
    int bundled = !a->edges;
    if (bundled && (a->actors || a->resources)) return cli_usage("--actors and --resources need an edges file");
    if (!a->output) return cli_usage("-o FILE is needed: where to write the HTML report");
    lev_network *net = NULL;
    if (lev_network_new(&net) != LEV_OK) return oom();
    int status = bundled ? cli_load_bundled(net) : cli_load(a, net);
    if (bundled) lev_params_set_int(a->p, LEV_P_UNDIRECTED, 1); /* marriage ties run both ways */
    char *text = NULL;
    size_t tlen = 0;
    if (status == EXIT_OKAY) status = capture_analyze(a, net, bundled, &text, &tlen);
    if (status == EXIT_OKAY) {
        FILE *f = fopen(a->output, "wb");
        if (!f) {
            fprintf(stderr, "leverage: cannot write %s\n", a->output);
            status = EXIT_FAILED;
        } else {
            status = write_html(f, a, net, bundled, text);
            if (fclose(f) != 0 && status == EXIT_OKAY) {
                fprintf(stderr, "leverage: cannot write %s\n", a->output);
                status = EXIT_FAILED;
            }
        }
    }
    free(text);
    lev_network_free(net);
    return status;
}

const cli_command cli_report = {
    .name = "report",
    .summary = "one self-contained HTML page: the network drawn, inequality, groups,\n"
               "              dependences and the analyze report (runs on a bundled example without a file)",
    .synopsis = "[EDGES.csv] [OPTIONS] -o report.html",
    .about = "Writes one HTML file that opens offline (inline SVG and CSS, no script, font or URL): the\n"
             "network drawn with a seeded force-directed layout (lev_layout), node area by influence exerted,\n"
             "colour by group, the leading leverage points outlined and named; the Lorenz curve of influence\n"
             "exerted with its Gini; the group-to-group influence matrix as a heat map; the strongest\n"
             "dependence pairs; and every section of `leverage analyze` (top actors of each family,\n"
             "imbalance, alliances, where to start, fragile leverage). At most 300 actors are drawn: the top\n"
             "ones by influence exerted, and the page says so. Without EDGES.csv it reports on the bundled\n"
             "example (Padgett's Florentine families).",
    .format = "text",
    .options = {options, cli_common_options, NULL},
    .run = run,
};
