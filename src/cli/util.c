/* What the commands share: reading the network (output.c writes numbers, JSON strings, CSV fields). */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Notices on what the data hold that a user may not expect: self-loops, and rows that repeat a
 * pair in the same channel (kept as parallel ties), each with an example: the earliest row, or,
 * when the edges were renumbered by source (sorted), the first by source, then target. One line
 * each, on stderr. One pass over the compact form (lev_edge_repeats): O(V + E), no memory. */
static void notices(const lev_network *net, const char *edges, int sorted) {
    size_t loops = 0, dups = 0, fl = SIZE_MAX, first_dup = SIZE_MAX;
    uint32_t ls = 0, ds = 0, dt = 0;
    const char *eg = sorted ? "for example" : "first:";
    if (lev_edge_repeats(net, NULL, &loops, &fl, &dups, &first_dup) != LEV_OK) return; /* no notice, then */
    if (loops) lev_edge_get(net, fl, &ls, NULL, NULL, NULL);
    if (dups) lev_edge_get(net, first_dup, &ds, &dt, NULL, NULL);
    if (loops)
        fprintf(stderr, "leverage: notice: %s: %zu self-loop%s (%s %s → itself); kept: degree, strength and walk "
                        "measures (PageRank, Katz) count them, path and brokerage measures ignore them\n", edges, loops, loops == 1 ? "" : "s",
                eg, lev_actor_name(net, ls));
    if (dups)
        fprintf(stderr, "leverage: notice: %s: %zu row%s repeat%s an earlier source,target pair in the same channel "
                        "(%s %s → %s); kept as parallel ties: strengths and walks add them up, shortest paths "
                        "take the strongest\n", edges, dups, dups == 1 ? "" : "s", dups == 1 ? "s" : "",
                eg, lev_actor_name(net, ds), lev_actor_name(net, dt));
}

int cli_load(const cli_args *a, lev_network *net) {
    struct { const char *path; lev_format fmt; } files[] = {
        {a->actors, LEV_FORMAT_ACTORS_CSV}, {a->edges, LEV_FORMAT_EDGES_CSV}, {a->resources, LEV_FORMAT_RESOURCES_CSV}};
    size_t known = 0;
    if (a->edges && cli_input_format(a->edges, a->input_format, &files[1].fmt) >= 0) return EXIT_USAGE;
    for (size_t k = 0; k < 3; k++) {
        if (!files[k].path) continue;
        if (lev_read_file(net, files[k].fmt, files[k].path, NULL) != LEV_OK) {
            fprintf(stderr, "leverage: %s\n", lev_errmsg(net));
            return EXIT_FAILED;
        }
        if (k == 0) known = lev_actor_count(net);
        if (k == 1 && a->sort_edges && lev_edges_sort(net, a->p) != LEV_OK) {
            fprintf(stderr, "leverage: %s\n", lev_params_errmsg(a->p));
            return EXIT_FAILED;
        }
        if (k == 1) notices(net, a->edges, a->sort_edges);
        /* Names the actors file lacks: often a typo ("mayor alvarez" for "Mayor Alvarez"). */
        size_t n = lev_actor_count(net);
        if (k > 0 && a->actors && n > known) {
            fprintf(stderr, "leverage: %s: %s: %zu name%s not in the actors file %s:", a->strict ? "error" : "notice",
                    files[k].path, n - known, n - known == 1 ? " is" : "s are", a->actors);
            for (size_t i = known; i < n && i < known + 5; i++)
                fprintf(stderr, "%s \"%s\"", i > known ? "," : "", lev_actor_name(net, (uint32_t)i));
            fprintf(stderr, "%s%s\n", n - known > 5 ? ", ..." : "",
                    a->strict ? "" : " (added as actors without a group; --strict makes this an error)");
            if (a->strict) return EXIT_FAILED;
            known = n;
        }
    }
    return EXIT_OKAY;
}

int cli_open(const cli_args *a, lev_network **net) {
    if (lev_network_new(net) != LEV_OK) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    int status = cli_load(a, *net);
    if (status != EXIT_OKAY) {
        lev_network_free(*net);
        *net = NULL;
    }
    return status;
}

int cli_load_bundled(lev_network *net) {
    if (lev_read_buffer(net, LEV_FORMAT_ACTORS_CSV, lev_example_actors, lev_example_actors_len,
                        "florentine_actors.csv", NULL) ||
        lev_read_buffer(net, LEV_FORMAT_EDGES_CSV, lev_example_edges, lev_example_edges_len,
                        "florentine_edges.csv", NULL) ||
        lev_read_buffer(net, LEV_FORMAT_RESOURCES_CSV, lev_example_resources, lev_example_resources_len,
                        "florentine_resources.csv", NULL)) {
        fprintf(stderr, "leverage: bundled example: %s\n", lev_errmsg(net));
        return EXIT_FAILED;
    }
    return EXIT_OKAY;
}

int cli_finish_output(void) {
    if (fflush(stdout) == 0 && !ferror(stdout)) return EXIT_OKAY;
    fprintf(stderr, "leverage: cannot write the output\n");
    return EXIT_FAILED;
}

static const double *sort_key;
static int sort_sign;

/* By score (sort_sign 1: highest first), ties to the lower index; NaN (no score) last either way,
 * so that the order is a total one. */
static int by_score(const void *a, const void *b) {
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    double x = sort_key[i], y = sort_key[j];
    int xn = isnan(x), yn = isnan(y);
    if (xn != yn) return xn ? 1 : -1;
    if (!xn && x != y) return (x > y ? -1 : 1) * sort_sign;
    return i < j ? -1 : i > j;
}

uint32_t *cli_order(const double *score, size_t n, int sign) {
    uint32_t *o = malloc((n ? n : 1) * sizeof *o);
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++) o[i] = (uint32_t)i;
    sort_key = score; /* the CLI is single-threaded */
    sort_sign = sign;
    qsort(o, n, sizeof *o, by_score);
    return o;
}

const char *cli_pct(double share, char *b, size_t cap) {
    double v = 100 * share, a = fabs(v);
    if (!isfinite(v)) snprintf(b, cap, "n/a");
    else if (v == 0) snprintf(b, cap, "0%%");
    else if (a >= 0.1 || a == 100) snprintf(b, cap, "%.1f%%", v);
    else snprintf(b, cap, "%.2g%%", v); /* as many digits as it needs: 0.0042%, never 0.0% */
    return b;
}

const char *cli_duration(double s, char *b, size_t cap) {
    double days = s / 86400;
    if (s < 90) snprintf(b, cap, "%.0f s", s);
    else if (s < 5400) snprintf(b, cap, "%.0f min", s / 60);
    else if (days < 2) snprintf(b, cap, "%.1f h", s / 3600);
    else if (days < 730) snprintf(b, cap, "%.0f days", days);
    else snprintf(b, cap, "%.0f years", days / 365);
    return b;
}

int cli_paths_exact(const cli_args *a, const lev_network *net) {
    double n = (double)lev_actor_count(net), m = (double)lev_edge_count(net);
    return a->exact || n * (n + m) <= 2e8;
}

static int ends_with(const char *s, size_t len, const char *suffix) {
    size_t k = strlen(suffix);
    if (len < k) return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[len - k + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != suffix[i]) return 0;
    }
    return 1;
}

int cli_input_format(const char *path, const char *given, lev_format *fmt) {
    static const struct { const char *name; lev_format fmt; } names[] = {
        {"csv", LEV_FORMAT_EDGES_CSV}, {"graphml", LEV_FORMAT_GRAPHML}, {"pajek", LEV_FORMAT_PAJEK},
        {"gml", LEV_FORMAT_GML}};
    if (given) {
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
            if (strcmp(given, names[k].name) == 0) {
                *fmt = names[k].fmt;
                return -1;
            }
        return cli_usage("--input-format takes csv, graphml, pajek or gml (got \"%s\")", given);
    }
    size_t len = strlen(path);
    if (ends_with(path, len, ".gz")) len -= 3;
    if (ends_with(path, len, ".graphml") || ends_with(path, len, ".xml")) *fmt = LEV_FORMAT_GRAPHML;
    else if (ends_with(path, len, ".net") || ends_with(path, len, ".paj")) *fmt = LEV_FORMAT_PAJEK;
    else if (ends_with(path, len, ".gml")) *fmt = LEV_FORMAT_GML;
    else *fmt = LEV_FORMAT_EDGES_CSV;
    return -1;
}
