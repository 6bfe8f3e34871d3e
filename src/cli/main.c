/*
 * leverage: the command-line tool over libleverage.
 *
 *   leverage analyze [EDGES.csv] [--actors F] [--resources F] [--format text|json] [--top K]
 *   leverage rank --measure NAME [--actors F] [--format csv|json] [--undirected] [--unweighted]
 *                 [--damping D] EDGES.csv
 *
 * Exit status: 0 success, 1 analysis or input error, 2 usage error. Errors go to stderr as
 * `leverage: FILE:LINE:COLUMN: reason`.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const measure cli_measures[] = {
    {"degree", "Degree (number of ties)", MEASURE_DEGREE, LEV_DIR_ALL},
    {"in-degree", "In-degree (ties received)", MEASURE_DEGREE, LEV_DIR_IN},
    {"out-degree", "Out-degree (ties sent)", MEASURE_DEGREE, LEV_DIR_OUT},
    {"strength", "Strength (total tie strength)", MEASURE_STRENGTH, LEV_DIR_ALL},
    {"in-strength", "In-strength (influence received)", MEASURE_STRENGTH, LEV_DIR_IN},
    {"out-strength", "Out-strength (influence exerted)", MEASURE_STRENGTH, LEV_DIR_OUT},
    {"pagerank", "PageRank (influence that flows along ties)", MEASURE_PAGERANK, 0},
    {NULL, NULL, 0, 0},
};

const measure *cli_measure_find(const char *name) {
    for (const measure *m = cli_measures; m->name; m++)
        if (strcmp(m->name, name) == 0) return m;
    return NULL;
}

lev_status cli_measure_run(const measure *m, const lev_network *net, lev_params *p, double *out) {
    lev_status rc = LEV_OK;
    if (m->kind != MEASURE_PAGERANK) rc = lev_params_set_int(p, LEV_P_DIRECTION, m->direction);
    if (rc == LEV_OK) {
        switch (m->kind) {
        case MEASURE_DEGREE: rc = lev_degree(net, p, out); break;
        case MEASURE_STRENGTH: rc = lev_strength(net, p, out); break;
        default: rc = lev_pagerank(net, NULL, p, out); break;
        }
    }
    if (rc) fprintf(stderr, "leverage: %s: %s\n", m->name, lev_params_errmsg(p));
    return rc;
}

/* ---- usage ------------------------------------------------------------------------------------ */

static const char *usage_main =
    "usage: leverage COMMAND [OPTIONS]\n"
    "\n"
    "Find the leverage points and power imbalances of a social network.\n"
    "\n"
    "Commands:\n"
    "  analyze   a report of who holds leverage (runs on a bundled example without a file)\n"
    "  rank      one score per actor under one measure, as CSV or JSON\n"
    "\n"
    "Options:\n"
    "  --help     this text; `leverage COMMAND --help` for a command's\n"
    "  --version  the program's and the library's versions\n";

static const char *usage_analyze =
    "usage: leverage analyze [EDGES.csv] [--actors F] [--resources F] [--format text|json] [--top K]\n"
    "                        [--undirected] [--unweighted] [--damping D] [--threads N]\n"
    "\n"
    "A report of the network's leverage points: who has the most ties, who is most central\n"
    "when influence flows along ties (PageRank), and who holds each resource.\n"
    "Without EDGES.csv it analyzes a bundled example: Padgett's Florentine families (marriage\n"
    "ties, treated as two-way), with each family's wealth in 1427 and its faction.\n"
    "\n"
    "  EDGES.csv        header source,target,weight[,channel]; one influence tie per row\n"
    "  --actors F       header name[,group]; brings in isolated actors and group labels\n"
    "  --resources F    header actor,resource,holds,needs\n"
    "  --format FMT     text (default) or json\n"
    "  --top K          how many actors to name under each measure (default 5)\n"
    "  --undirected     treat each tie as running both ways\n"
    "  --unweighted     ignore tie strengths\n"
    "  --damping D      PageRank damping factor in [0, 1] (default 0.85)\n"
    "  --threads N      worker threads (default: all cores); results do not depend on it\n";

static const char *usage_rank =
    "usage: leverage rank --measure NAME [--actors F] [--format csv|json] [--undirected]\n"
    "                     [--unweighted] [--damping D] [--threads N] EDGES.csv\n"
    "\n"
    "Prints actor,score with a header row, one row per actor in index order: the actors\n"
    "file's order first, then new actors from the edges file in order of first appearance.\n"
    "\n"
    "Measures: degree in-degree out-degree strength in-strength out-strength pagerank\n";

static int usage_error(const char *msg, const char *arg) {
    fprintf(stderr, "leverage: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fprintf(stderr, "Try 'leverage --help'.\n");
    return EXIT_USAGE;
}

/* ---- argument parsing ------------------------------------------------------------------------- */

static int parse_int(const char *s, int lo, int hi, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi) return -1;
    *out = (int)v;
    return 0;
}

/* Parse the options of analyze/rank. Returns -1 on success, else the exit status. */
static int parse_opts(int argc, char **argv, cli_opts *o, const char *usage, int is_rank) {
    for (int i = 0; i < argc; i++) {
        char *a = argv[i];
        const char *val = NULL;
        char name[64];
        if (strcmp(a, "-h") == 0) a = "--help";
        if (strncmp(a, "--", 2) == 0 && a[2]) {
            const char *eq = strchr(a, '=');
            size_t len = eq ? (size_t)(eq - a) : strlen(a);
            if (len >= sizeof name) return usage_error("unknown option", a);
            memcpy(name, a, len);
            name[len] = 0;
            if (eq) val = eq + 1;
        } else {
            if (a[0] == '-' && a[1]) return usage_error("unknown option", a);
            if (o->edges) return usage_error("more than one edges file given", a);
            o->edges = a;
            continue;
        }
        int takes = strcmp(name, "--actors") == 0 || strcmp(name, "--resources") == 0 ||
                    strcmp(name, "--format") == 0 || strcmp(name, "--top") == 0 ||
                    strcmp(name, "--damping") == 0 || strcmp(name, "--threads") == 0 ||
                    strcmp(name, "--measure") == 0;
        if (takes && !val) {
            if (i + 1 >= argc) return usage_error("option needs a value", name);
            val = argv[++i];
        } else if (!takes && val) {
            return usage_error("option takes no value", name);
        }
        if (strcmp(name, "--help") == 0) {
            fputs(usage, stdout);
            return EXIT_OKAY;
        } else if (strcmp(name, "--actors") == 0) {
            o->actors = val;
        } else if (strcmp(name, "--resources") == 0 && !is_rank) {
            o->resources = val;
        } else if (strcmp(name, "--format") == 0) {
            if (is_rank ? strcmp(val, "csv") && strcmp(val, "json") : strcmp(val, "text") && strcmp(val, "json"))
                return usage_error(is_rank ? "--format takes csv or json" : "--format takes text or json", val);
            o->format = val;
        } else if (strcmp(name, "--top") == 0 && !is_rank) {
            if (parse_int(val, 1, 1000000, &o->top)) return usage_error("--top takes a whole number >= 1", val);
        } else if (strcmp(name, "--measure") == 0 && is_rank) {
            if (!cli_measure_find(val)) return usage_error("unknown measure (see leverage rank --help)", val);
            o->measure = val;
        } else if (strcmp(name, "--damping") == 0) {
            char *end;
            errno = 0;
            o->damping = strtod(val, &end);
            if (errno || *end || end == val || !(o->damping >= 0 && o->damping <= 1))
                return usage_error("--damping takes a number in [0, 1]", val);
        } else if (strcmp(name, "--threads") == 0) {
            if (parse_int(val, 0, 1024, &o->threads)) return usage_error("--threads takes 0..1024", val);
        } else if (strcmp(name, "--undirected") == 0) {
            o->undirected = 1;
        } else if (strcmp(name, "--unweighted") == 0) {
            o->unweighted = 1;
        } else {
            return usage_error("unknown option", name);
        }
    }
    return -1;
}

/* Read the files named in o into net; prints the error. */
static int load(const cli_opts *o, lev_network *net) {
    struct { const char *path; lev_format fmt; } files[] = {
        {o->actors, LEV_FORMAT_ACTORS_CSV}, {o->edges, LEV_FORMAT_EDGES_CSV}, {o->resources, LEV_FORMAT_RESOURCES_CSV}};
    for (size_t k = 0; k < 3; k++) {
        if (!files[k].path) continue;
        if (lev_read_file(net, files[k].fmt, files[k].path, NULL) != LEV_OK) {
            fprintf(stderr, "leverage: %s\n", lev_errmsg(net));
            return EXIT_FAILED;
        }
    }
    return EXIT_OKAY;
}

static int load_bundled(lev_network *net) {
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

/* Options for the library from the command line. */
static lev_params *make_params(const cli_opts *o) {
    lev_params *p;
    if (lev_params_new(&p) != LEV_OK) return NULL;
    lev_params_set_int(p, LEV_P_UNDIRECTED, o->undirected);
    lev_params_set_int(p, LEV_P_WEIGHTED, !o->unweighted);
    lev_params_set_double(p, LEV_P_DAMPING, o->damping);
    lev_params_set_int(p, LEV_P_THREADS, o->threads);
    return p;
}

static int cmd_rank(int argc, char **argv) {
    cli_opts o = {0};
    o.format = "csv";
    o.damping = 0.85;
    int r = parse_opts(argc, argv, &o, usage_rank, 1);
    if (r >= 0) return r;
    if (!o.measure) return usage_error("rank needs --measure NAME", NULL);
    if (!o.edges) return usage_error("rank needs an edges file", NULL);
    lev_network *net = NULL;
    lev_params *p = NULL;
    double *score = NULL;
    int status = EXIT_FAILED;
    if (lev_network_new(&net) != LEV_OK || !(p = make_params(&o))) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    if ((status = load(&o, net)) != EXIT_OKAY) goto done;
    status = EXIT_FAILED;
    size_t n = lev_actor_count(net);
    score = malloc((n ? n : 1) * sizeof *score);
    if (!score) {
        fprintf(stderr, "leverage: out of memory for %zu actors\n", n);
        goto done;
    }
    const measure *m = cli_measure_find(o.measure);
    if (cli_measure_run(m, net, p, score) != LEV_OK) goto done;
    if (strcmp(o.format, "json") == 0) {
        printf("{\"measure\":");
        cli_json_string(stdout, m->name);
        printf(",\"scores\":[");
        for (size_t i = 0; i < n; i++) {
            printf(i ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",\"score\":");
            cli_print_number(stdout, score[i]);
            putchar('}');
        }
        printf("]}\n");
    } else {
        printf("actor,score\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            putchar(',');
            cli_print_number(stdout, score[i]);
            putchar('\n');
        }
    }
    status = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OKAY : EXIT_FAILED;
    if (status) fprintf(stderr, "leverage: cannot write the output\n");
done:
    free(score);
    lev_params_free(p);
    lev_network_free(net);
    return status;
}

static int cmd_analyze(int argc, char **argv) {
    cli_opts o = {0};
    o.format = "text";
    o.damping = 0.85;
    o.top = 5;
    int r = parse_opts(argc, argv, &o, usage_analyze, 0);
    if (r >= 0) return r;
    int bundled = !o.edges;
    if (bundled && (o.actors || o.resources))
        return usage_error("--actors and --resources need an edges file", NULL);
    lev_network *net = NULL;
    if (lev_network_new(&net) != LEV_OK) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    int status = bundled ? load_bundled(net) : load(&o, net);
    if (bundled) o.undirected = 1; /* marriage ties run both ways */
    if (status == EXIT_OKAY) status = cli_analyze(&o, net, bundled);
    lev_network_free(net);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage_main, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_main, stdout);
        return EXIT_OKAY;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("leverage %s (library %s)\n", LEV_VERSION_STRING, lev_version_string());
        return EXIT_OKAY;
    }
    if (lev_version() / 10000 != LEV_VERSION_MAJOR) {
        fprintf(stderr, "leverage: built for library %d.x but loaded %s\n", LEV_VERSION_MAJOR, lev_version_string());
        return EXIT_FAILED;
    }
    if (strcmp(cmd, "analyze") == 0) return cmd_analyze(argc - 2, argv + 2);
    if (strcmp(cmd, "rank") == 0) return cmd_rank(argc - 2, argv + 2);
    return usage_error("unknown command", cmd);
}
