/*
 * leverage: the command-line tool over libleverage.
 *
 *   leverage analyze   [EDGES.csv] [--actors F] [--resources F] [--format text|json] [--top K]
 *   leverage rank      --measure NAME [--edges] [--actors F] [--format csv|json] EDGES.csv
 *   leverage groups    [--actors F] [--format csv|json] [--resolution G] [--seed S] EDGES.csv
 *   leverage imbalance EDGES.csv [--actors F] [--resources F] [--format text|json]
 *
 * Exit status: 0 success, 1 analysis or input error, 2 usage error. Errors go to stderr as
 * `leverage: FILE:LINE:COLUMN: reason`.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- usage ------------------------------------------------------------------------------------ */

static const char *usage_main =
    "usage: leverage COMMAND [OPTIONS]\n"
    "\n"
    "Find the leverage points and power imbalances of a social network.\n"
    "\n"
    "Commands:\n"
    "  analyze     a report of who holds leverage and how unequal power is\n"
    "              (runs on a bundled example without a file)\n"
    "  rank        one score per actor (or per edge) under one measure, as CSV or JSON\n"
    "  groups      communities that maximize modularity: actor,community\n"
    "  imbalance   how unequal power is: inequality, asymmetry, dependence, in-crowd\n"
    "\n"
    "Options:\n"
    "  --help     this text; `leverage COMMAND --help` for a command's\n"
    "  --version  the program's and the library's versions\n";

#define COMMON_OPTIONS                                                                             \
    "  --actors F       header name[,group]; brings in isolated actors and group labels\n"        \
    "  --undirected     treat each tie as running both ways\n"                                    \
    "  --unweighted     ignore tie strengths (path measures count hops)\n"                        \
    "  --threads N      worker threads (default: all cores); results do not depend on it\n"

static const char *usage_analyze =
    "usage: leverage analyze [EDGES.csv] [--actors F] [--resources F] [--format text|json] [--top K]\n"
    "                        [--undirected] [--unweighted] [--damping D] [--seed S] [--threads N]\n"
    "\n"
    "A report of the network's leverage points and power imbalances: who is most central, who\n"
    "brokers, the core and the communities, how concentrated influence and resources are, the\n"
    "most one-sided ties and dependences, and the in-crowd with its outsiders.\n"
    "Without EDGES.csv it analyzes a bundled example: Padgett's Florentine families (marriage\n"
    "ties, treated as two-way), with each family's wealth in 1427 and its faction.\n"
    "\n"
    "  EDGES.csv        header source,target,weight[,channel]; one influence tie per row\n"
    "  --resources F    header actor,resource,holds,needs\n"
    "  --format FMT     text (default) or json\n"
    "  --top K          how many actors to name under each measure (default 5)\n"
    "  --damping D      PageRank damping factor in [0, 1] (default 0.85)\n"
    "  --seed S         seed of the randomized parts (communities, rich club; default 1)\n"
    COMMON_OPTIONS;

static const char *usage_rank =
    "usage: leverage rank --measure NAME [--edges] [--actors F] [--format csv|json] [--undirected]\n"
    "                     [--unweighted] [--normalized] [--damping D] [--alpha A] [--beta B]\n"
    "                     [--direction in|out] [--seed S] [--threads N] EDGES.csv\n"
    "\n"
    "Prints actor,score with a header row, one row per actor in index order: the actors\n"
    "file's order first, then new actors from the edges file in order of first appearance.\n"
    "With --edges (betweenness only) prints source,target,score, one row per edge in file order.\n"
    "\n"
    "  --normalized     scale scores to each measure's normalized form (raw by default)\n"
    "  --damping D      PageRank damping factor (default 0.85)\n"
    "  --alpha A        Katz attenuation (default 0.1)\n"
    "  --beta B         Bonacich exponent, may be negative (default 1)\n"
    "  --direction D    in or out: which ties an actor's score comes from (measures that have both)\n"
    "  --seed S         seed of sampled measures (default 1)\n"
    COMMON_OPTIONS
    "\n"
    "Measures:\n";

static const char *usage_groups =
    "usage: leverage groups [--actors F] [--format csv|json] [--resolution G] [--seed S]\n"
    "                       [--unweighted] [--threads N] EDGES.csv\n"
    "\n"
    "Communities that maximize modularity on the undirected view, as actor,community rows in\n"
    "index order (community ids 0, 1, … in order of each community's first actor). JSON adds\n"
    "the number of communities and the modularity.\n"
    "\n"
    "  --resolution G   modularity resolution (default 1; larger gives smaller communities)\n"
    "  --seed S         seed (default 1): same seed, same partition\n"
    COMMON_OPTIONS;

static const char *usage_imbalance =
    "usage: leverage imbalance EDGES.csv [--actors F] [--resources F] [--format text|json]\n"
    "                          [--top K] [--undirected] [--unweighted] [--seed S] [--threads N]\n"
    "\n"
    "How unequal the power is: inequality of influence and of each resource (Gini, Theil,\n"
    "top shares, Lorenz curve in JSON), centralization, reciprocity and the most one-sided ties,\n"
    "dyad and triad census, Krackhardt's hierarchy, dependence from holdings and needs, and the\n"
    "in-crowd with its outsiders.\n"
    "\n"
    "  --resources F    header actor,resource,holds,needs\n"
    "  --format FMT     text (default) or json\n"
    "  --top K          how many pairs and actors to name (default 5)\n"
    COMMON_OPTIONS;

static int usage_error(const char *msg, const char *arg) {
    fprintf(stderr, "leverage: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fprintf(stderr, "Try 'leverage --help'.\n");
    return EXIT_USAGE;
}

/* ---- argument parsing ------------------------------------------------------------------------- */

enum { CMD_ANALYZE, CMD_RANK, CMD_GROUPS, CMD_IMBALANCE };

static int parse_int(const char *s, long long lo, long long hi, long long *out) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || end == s || !(v >= lo && v <= hi)) return -1;
    *out = v;
    return 0;
}

static void print_usage(int cmd) {
    const char *u = cmd == CMD_ANALYZE ? usage_analyze : cmd == CMD_RANK ? usage_rank
                  : cmd == CMD_GROUPS  ? usage_groups  : usage_imbalance;
    fputs(u, stdout);
    if (cmd == CMD_RANK)
        for (const measure *m = cli_measures; m->name; m++) printf("  %-26s %s\n", m->name, m->title);
}

/* Which options each command takes. */
static int allowed(int cmd, const char *name) {
    static const struct { const char *name; unsigned cmds; } table[] = {
        {"--actors", 15},    {"--undirected", 15}, {"--unweighted", 15}, {"--threads", 15},
        {"--format", 15},    {"--seed", 15},       {"--resources", 1 | 8}, {"--top", 1 | 8},
        {"--damping", 1 | 2 | 8}, {"--measure", 2}, {"--edges", 2},    {"--normalized", 2},
        {"--alpha", 2},      {"--beta", 2},        {"--direction", 2}, {"--resolution", 4},
        {"--help", 15},
    };
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (strcmp(table[k].name, name) == 0) return (table[k].cmds >> cmd) & 1;
    return 0;
}

/* Parse a command's options. Returns -1 on success, else the exit status. */
static int parse_opts(int argc, char **argv, cli_opts *o, int cmd) {
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
        if (!allowed(cmd, name)) return usage_error("unknown option for this command", name);
        int flag = strcmp(name, "--help") == 0 || strcmp(name, "--undirected") == 0 ||
                   strcmp(name, "--unweighted") == 0 || strcmp(name, "--normalized") == 0 ||
                   strcmp(name, "--edges") == 0;
        if (!flag && !val) {
            if (i + 1 >= argc) return usage_error("option needs a value", name);
            val = argv[++i];
        } else if (flag && val) {
            return usage_error("option takes no value", name);
        }
        long long iv;
        if (strcmp(name, "--help") == 0) {
            print_usage(cmd);
            return EXIT_OKAY;
        } else if (strcmp(name, "--actors") == 0) {
            o->actors = val;
        } else if (strcmp(name, "--resources") == 0) {
            o->resources = val;
        } else if (strcmp(name, "--format") == 0) {
            int ok = cmd == CMD_RANK || cmd == CMD_GROUPS ? !strcmp(val, "csv") || !strcmp(val, "json")
                                                         : !strcmp(val, "text") || !strcmp(val, "json");
            if (!ok)
                return usage_error(cmd == CMD_RANK || cmd == CMD_GROUPS ? "--format takes csv or json"
                                                                       : "--format takes text or json", val);
            o->format = val;
        } else if (strcmp(name, "--top") == 0) {
            if (parse_int(val, 1, 1000000, &iv)) return usage_error("--top takes a whole number >= 1", val);
            o->top = (int)iv;
        } else if (strcmp(name, "--measure") == 0) {
            if (!cli_measure_find(val)) return usage_error("unknown measure (see leverage rank --help)", val);
            o->measure = val;
        } else if (strcmp(name, "--damping") == 0) {
            if (parse_double(val, 0, 1, &o->damping)) return usage_error("--damping takes a number in [0, 1]", val);
        } else if (strcmp(name, "--alpha") == 0) {
            if (parse_double(val, 0, 1e6, &o->alpha)) return usage_error("--alpha takes a number in [0, 1e6]", val);
            o->have_alpha = 1;
        } else if (strcmp(name, "--beta") == 0) {
            if (parse_double(val, -1e6, 1e6, &o->beta)) return usage_error("--beta takes a number in [-1e6, 1e6]", val);
            o->have_beta = 1;
        } else if (strcmp(name, "--resolution") == 0) {
            if (parse_double(val, 1e-9, 1000, &o->resolution))
                return usage_error("--resolution takes a number in (0, 1000]", val);
            o->have_resolution = 1;
        } else if (strcmp(name, "--seed") == 0) {
            if (parse_int(val, 0, 9007199254740992LL, &o->seed)) return usage_error("--seed takes 0..2^53", val);
            o->have_seed = 1;
        } else if (strcmp(name, "--direction") == 0) {
            if (strcmp(val, "in") == 0) o->direction = LEV_DIR_IN;
            else if (strcmp(val, "out") == 0) o->direction = LEV_DIR_OUT;
            else return usage_error("--direction takes in or out", val);
        } else if (strcmp(name, "--threads") == 0) {
            if (parse_int(val, 0, 1024, &iv)) return usage_error("--threads takes 0..1024", val);
            o->threads = (int)iv;
        } else if (strcmp(name, "--undirected") == 0) {
            o->undirected = 1;
        } else if (strcmp(name, "--unweighted") == 0) {
            o->unweighted = 1;
        } else if (strcmp(name, "--normalized") == 0) {
            o->normalized = 1;
        } else if (strcmp(name, "--edges") == 0) {
            o->edge_scores = 1;
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

lev_params *cli_params(const cli_opts *o) {
    lev_params *p;
    if (lev_params_new(&p) != LEV_OK) return NULL;
    lev_params_set_int(p, LEV_P_UNDIRECTED, o->undirected);
    lev_params_set_int(p, LEV_P_WEIGHTED, !o->unweighted);
    lev_params_set_int(p, LEV_P_NORMALIZED, o->normalized);
    lev_params_set_double(p, LEV_P_DAMPING, o->damping);
    lev_params_set_int(p, LEV_P_THREADS, o->threads);
    if (o->direction) lev_params_set_int(p, LEV_P_DIRECTION, o->direction);
    if (o->have_alpha) lev_params_set_double(p, LEV_P_ALPHA, o->alpha);
    if (o->have_beta) lev_params_set_double(p, LEV_P_BETA, o->beta);
    if (o->have_resolution) lev_params_set_double(p, LEV_P_RESOLUTION, o->resolution);
    if (o->have_seed) lev_params_set_int(p, LEV_P_SEED, o->seed);
    return p;
}

static int finish_output(void) {
    if (fflush(stdout) == 0 && !ferror(stdout)) return EXIT_OKAY;
    fprintf(stderr, "leverage: cannot write the output\n");
    return EXIT_FAILED;
}

static int print_edge_scores(const cli_opts *o, const lev_network *net, lev_params *p) {
    size_t m = lev_edge_count(net);
    double *score = malloc((m ? m : 1) * sizeof *score);
    if (!score) {
        fprintf(stderr, "leverage: out of memory for %zu edges\n", m);
        return EXIT_FAILED;
    }
    lev_status rc = lev_edge_betweenness(net, p, score);
    if (rc) {
        fprintf(stderr, "leverage: betweenness: %s\n", lev_params_errmsg(p));
        free(score);
        return EXIT_FAILED;
    }
    int json = strcmp(o->format, "json") == 0;
    printf(json ? "{\"measure\":\"betweenness\",\"edges\":[" : "source,target,score\n");
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        lev_edge_get(net, e, &s, &t, NULL, NULL);
        if (json) {
            printf(e ? ",{\"source\":" : "{\"source\":");
            cli_json_string(stdout, lev_actor_name(net, s));
            printf(",\"target\":");
            cli_json_string(stdout, lev_actor_name(net, t));
            printf(",\"score\":");
            cli_print_number(stdout, score[e]);
            putchar('}');
        } else {
            cli_csv_field(stdout, lev_actor_name(net, s));
            putchar(',');
            cli_csv_field(stdout, lev_actor_name(net, t));
            putchar(',');
            cli_print_number(stdout, score[e]);
            putchar('\n');
        }
    }
    if (json) printf("]}\n");
    free(score);
    return finish_output();
}

/* The common start of rank, groups and imbalance: parse, check, load. */
static int start(int argc, char **argv, int cmd, cli_opts *o, lev_network **net, lev_params **p) {
    o->format = cmd == CMD_RANK || cmd == CMD_GROUPS ? "csv" : "text";
    o->damping = 0.85;
    o->top = 5;
    int r = parse_opts(argc, argv, o, cmd);
    if (r >= 0) return r;
    if (cmd == CMD_RANK && !o->measure) return usage_error("rank needs --measure NAME", NULL);
    if (cmd == CMD_RANK && o->edge_scores && strcmp(o->measure, "betweenness") != 0)
        return usage_error("--edges goes with --measure betweenness", NULL);
    if (!o->edges) return usage_error("an edges file is needed", NULL);
    if (lev_network_new(net) != LEV_OK || !(*p = cli_params(o))) {
        fprintf(stderr, "leverage: out of memory\n");
        return EXIT_FAILED;
    }
    return load(o, *net);
}

static int cmd_rank(int argc, char **argv) {
    cli_opts o = {0};
    lev_network *net = NULL;
    lev_params *p = NULL;
    double *score = NULL;
    int status = start(argc, argv, CMD_RANK, &o, &net, &p);
    if (status != EXIT_OKAY || !net) goto done;
    if (o.edge_scores) {
        status = print_edge_scores(&o, net, p);
        goto done;
    }
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
    status = finish_output();
done:
    free(score);
    lev_params_free(p);
    lev_network_free(net);
    return status;
}

static int cmd_groups(int argc, char **argv) {
    cli_opts o = {0};
    lev_network *net = NULL;
    lev_params *p = NULL;
    uint32_t *comm = NULL;
    int status = start(argc, argv, CMD_GROUPS, &o, &net, &p);
    if (status != EXIT_OKAY || !net) goto done;
    status = EXIT_FAILED;
    size_t n = lev_actor_count(net), count = 0;
    double q = 0;
    comm = malloc((n ? n : 1) * sizeof *comm);
    if (!comm) {
        fprintf(stderr, "leverage: out of memory\n");
        goto done;
    }
    if (lev_communities(net, p, comm, &count, &q) != LEV_OK) {
        fprintf(stderr, "leverage: communities: %s\n", lev_params_errmsg(p));
        goto done;
    }
    if (strcmp(o.format, "json") == 0) {
        printf("{\"communities\":%zu,\"modularity\":", count);
        cli_print_number(stdout, q);
        printf(",\"actors\":[");
        for (size_t i = 0; i < n; i++) {
            printf(i ? ",{\"actor\":" : "{\"actor\":");
            cli_json_string(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",\"community\":%u}", (unsigned)comm[i]);
        }
        printf("]}\n");
    } else {
        printf("actor,community\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, lev_actor_name(net, (uint32_t)i));
            printf(",%u\n", (unsigned)comm[i]);
        }
    }
    status = finish_output();
done:
    free(comm);
    lev_params_free(p);
    lev_network_free(net);
    return status;
}

static int cmd_imbalance(int argc, char **argv) {
    cli_opts o = {0};
    lev_network *net = NULL;
    lev_params *p = NULL;
    int status = start(argc, argv, CMD_IMBALANCE, &o, &net, &p);
    if (status == EXIT_OKAY && net) status = cli_imbalance(&o, net, o.edges);
    lev_params_free(p);
    lev_network_free(net);
    return status;
}

static int cmd_analyze(int argc, char **argv) {
    cli_opts o = {0};
    o.format = "text";
    o.damping = 0.85;
    o.top = 5;
    int r = parse_opts(argc, argv, &o, CMD_ANALYZE);
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
    if (strcmp(cmd, "groups") == 0) return cmd_groups(argc - 2, argv + 2);
    if (strcmp(cmd, "imbalance") == 0) return cmd_imbalance(argc - 2, argv + 2);
    return usage_error("unknown command", cmd);
}
