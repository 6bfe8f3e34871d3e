/*
 * leverage-mpi: `leverage rank`, `leverage seeds` and `leverage spread` for networks spread over MPI
 * ranks.
 *
 *   mpirun -np P leverage-mpi rank --measure pagerank EDGES.csv
 *   mpirun -np P leverage-mpi seeds -k K EDGES.csv
 *   mpirun -np P leverage-mpi spread --seeds A,B EDGES.csv
 *
 * prints exactly what `leverage rank` prints for the measures it knows (rank 0 writes; the other
 * ranks send it their owned actors' names and scores in turn, so no rank holds more than its part
 * and one other rank's). Options have the spelling and the checks of `leverage rank`: the library
 * options go through lev_params_set_*, whose message a usage error quotes.
 */
#include "leverage_mpi.h"
#include "output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_OKAY = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

typedef struct mmeasure {
    const char *name;
    int dir;             /* the degree-like measures' own direction, 0 = as given */
    int kind;            /* 0 degree, 1 strength, 2 pagerank */
    lev_param reads[8];  /* options the measure reads, besides --threads */
} mmeasure;

static const mmeasure measures[] = {
    {"degree", LEV_DIR_ALL, 0, {LEV_P_UNDIRECTED}},
    {"in-degree", LEV_DIR_IN, 0, {LEV_P_UNDIRECTED}},
    {"out-degree", LEV_DIR_OUT, 0, {LEV_P_UNDIRECTED}},
    {"strength", LEV_DIR_ALL, 1, {LEV_P_UNDIRECTED, LEV_P_WEIGHTED}},
    {"in-strength", LEV_DIR_IN, 1, {LEV_P_UNDIRECTED, LEV_P_WEIGHTED}},
    {"out-strength", LEV_DIR_OUT, 1, {LEV_P_UNDIRECTED, LEV_P_WEIGHTED}},
    {"pagerank", 0, 2,
     {LEV_P_DAMPING, LEV_P_DIRECTION, LEV_P_UNDIRECTED, LEV_P_WEIGHTED, LEV_P_TOLERANCE, LEV_P_MAX_ITER}},
    {NULL, 0, 0, {0}},
};

static int rank0(void) {
    int r;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    return r == 0;
}

static int usage_error(const char *msg, const char *arg) {
    if (rank0()) {
        fprintf(stderr, "leverage-mpi: %s%s\n", msg, arg ? arg : "");
        fputs("usage: mpirun -np P leverage-mpi rank --measure NAME [OPTIONS] EDGES.csv\n"
              "Try `leverage-mpi --help`.\n", stderr);
    }
    return EXIT_USAGE;
}

/* A word that is not an option of the command: the edges file, given once. 0, or the usage error's status. */
static int take_edges(const char *o, const char **edges) {
    if (o[0] == '-' && o[1]) return usage_error("unknown option: ", o);
    if (*edges) return usage_error("one edges file only; extra: ", o);
    *edges = o;
    return 0;
}

/* Every command's network: made on MPI_COMM_WORLD and read from the edges file, collectively;
 * NULL (rank 0 says why) on failure. */
static lev_mpi_network *open_network(const char *edges, lev_params *p) {
    lev_mpi_network *net = NULL;
    if (lev_mpi_network_new(MPI_COMM_WORLD, &net) != LEV_OK) {
        if (rank0()) fprintf(stderr, "leverage-mpi: cannot create the network\n");
        return NULL;
    }
    if (lev_mpi_read_edges(net, edges, p) != LEV_OK) {
        if (rank0()) fprintf(stderr, "leverage-mpi: %s\n", lev_mpi_errmsg(net));
        lev_mpi_network_free(net);
        return NULL;
    }
    return net;
}

static void help(void) {
    if (!rank0()) return;
    fputs("usage: mpirun -np P leverage-mpi rank --measure NAME [OPTIONS] EDGES.csv\n"
          "       mpirun -np P leverage-mpi seeds -k K [OPTIONS] EDGES.csv\n"
          "       mpirun -np P leverage-mpi spread --seeds A,B,C [OPTIONS] EDGES.csv\n"
          "\n"
          "`leverage rank` over MPI: the same output (rank 0 writes it), for networks spread over\n"
          "the ranks. Every rank reads its own part of EDGES.csv (a shared file system).\n"
          "\n"
          "Measures: degree, in-degree, out-degree, strength, in-strength, out-strength, pagerank\n"
          "\n"
          "Options:\n"
          "  --measure NAME     the measure; required\n"
          "  --format FMT       csv (default) or json\n"
          "  --direction D      pagerank: out = influence exerted, in = received (default)\n"
          "  --undirected       read every tie both ways\n"
          "  --unweighted       every tie counts 1\n"
          "  --damping D        PageRank's damping factor (0.85)\n"
          "  --tolerance T      the stopping distance (1e-10)\n"
          "  --max-iter N       at most N iterations (1000)\n"
          "  --threads N        threads per rank\n"
          "\n"
          "`leverage seeds` over MPI: the same output (rank 0 writes it): the k seeds that reach the\n"
          "most, by OPIM-C over RR sets that the ranks draw between them.\n"
          "\n"
          "Options of seeds:\n"
          "  -k K, --k K        how many seeds; required\n"
          "  --format FMT       text (default), json or csv\n"
          "  --model M          ic (default) or lt\n"
          "  --probability P    IC tie probability: strength, wc (default) or a number\n"
          "  --epsilon E        the guarantee is 1 - 1/e - E of the best possible (0.1)\n"
          "  --seed S           seed: same seed, same answer\n"
          "  --unweighted       LT: every tie weighs 1\n"
          "  --threads N        threads per rank\n"
          "\n"
          "`leverage spread` over MPI, the same output: how far a campaign spreads from the seeds\n"
          "(IC or LT Monte Carlo, the runs shared by the ranks). Options: --seeds A,B,C (required),\n"
          "--format text|json|csv, --top K, --model, --probability, --runs N, --seed, --unweighted,\n"
          "--threads.\n", stdout);
}

/* Set a library option from its text, as `leverage` does; 0 or a usage status. */
static int set_option(lev_params *p, lev_param key, const char *spelled, const char *text) {
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end) {
        char b[256];
        snprintf(b, sizeof b, "%s %s: not a number", spelled, text);
        return usage_error(b, NULL);
    }
    int type = 0;
    lev_param_info(key, NULL, &type, NULL, NULL, NULL);
    lev_status rc = type == LEV_TYPE_INT && v == (double)(int64_t)v ? lev_params_set_int(p, key, (int64_t)v)
                                                                      : lev_params_set_double(p, key, v);
    if (rc) {
        char b[700];
        snprintf(b, sizeof b, "%s %s: %s", spelled, text, lev_params_errmsg(p));
        return usage_error(b, NULL);
    }
    return 0;
}

/* Rank 0 prints its part, then each other rank's in turn (names as one block, then scores). */
static int print_all(lev_mpi_network *net, const char *measure, const double *score, int json) {
    int me, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    uint64_t first, count;
    lev_mpi_owned(net, &first, &count);
    int first_row = 1, failed = 0;
    if (me == 0) {
        if (json) {
            printf("{\"measure\":");
            cli_json_string(stdout, measure);
            printf(",\"scores\":[");
        } else {
            printf("actor,score\n");
        }
    }
    for (int r = 0; r < size; r++) {
        /* rank r's names and scores reach rank 0 */
        char *names = NULL;
        double *sc = NULL;
        uint64_t cnt = 0, bytes = 0;
        if (r == me) {
            cnt = count;
            for (uint64_t i = 0; i < count; i++) bytes += strlen(lev_mpi_actor_name(net, first + i)) + 1;
        }
        if (r != 0) {
            if (me == r) {
                MPI_Send(&cnt, 1, MPI_UINT64_T, 0, 1, MPI_COMM_WORLD);
                MPI_Send(&bytes, 1, MPI_UINT64_T, 0, 2, MPI_COMM_WORLD);
            } else if (me == 0) {
                MPI_Recv(&cnt, 1, MPI_UINT64_T, r, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                MPI_Recv(&bytes, 1, MPI_UINT64_T, r, 2, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
        }
        if (me != r && me != 0) continue;
        names = malloc(bytes + 1);
        sc = malloc((cnt + 1) * sizeof *sc);
        if (!names || !sc) failed = 1; /* checked after the exchange: the sends must still match */
        if (me == r && names && sc) {
            size_t o = 0;
            for (uint64_t i = 0; i < count; i++) {
                const char *nm = lev_mpi_actor_name(net, first + i);
                size_t l = strlen(nm) + 1;
                memcpy(names + o, nm, l);
                o += l;
            }
            memcpy(sc, score, count * sizeof *sc);
        }
        if (r != 0) {
            char dummy = 0;
            double dd = 0;
            if (me == r) {
                MPI_Send(names ? names : &dummy, names ? (int)bytes : 0, MPI_CHAR, 0, 3, MPI_COMM_WORLD);
                MPI_Send(sc ? sc : &dd, sc ? (int)cnt : 0, MPI_DOUBLE, 0, 4, MPI_COMM_WORLD);
            } else {
                MPI_Recv(names ? names : &dummy, names ? (int)bytes : 0, MPI_CHAR, r, 3, MPI_COMM_WORLD,
                         MPI_STATUS_IGNORE);
                MPI_Recv(sc ? sc : &dd, sc ? (int)cnt : 0, MPI_DOUBLE, r, 4, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
        }
        if (me == 0 && names && sc) {
            const char *nm = names;
            for (uint64_t i = 0; i < cnt; i++) {
                if (json) {
                    printf(first_row ? "{\"actor\":" : ",{\"actor\":");
                    cli_json_string(stdout, nm);
                    printf(",\"score\":");
                    cli_print_number(stdout, sc[i]);
                    putchar('}');
                } else {
                    cli_csv_field(stdout, nm);
                    putchar(',');
                    cli_print_number(stdout, sc[i]);
                    putchar('\n');
                }
                first_row = 0;
                nm += strlen(nm) + 1;
            }
        }
        free(names);
        free(sc);
    }
    if (me == 0 && json) printf("]}\n");
    if (me == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "leverage-mpi: cannot write the output\n");
        failed = 1;
    }
    if (me == 0 && failed) fprintf(stderr, "leverage-mpi: out of memory printing the scores\n");
    int any = 0;
    MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    return any ? EXIT_FAILED : EXIT_OKAY;
}

static int run_rank(int argc, char **argv) {
    const char *measure = NULL, *format = "csv", *edges = NULL;
    lev_params *p = NULL;
    int status = EXIT_USAGE;
    lev_param given[16];
    const char *spelled[16];
    int ngiven = 0;
    if (lev_params_new(&p) != LEV_OK) {
        if (rank0()) fprintf(stderr, "leverage-mpi: out of memory\n");
        return EXIT_FAILED;
    }
    static const struct {
        const char *name;
        lev_param key;
        int flag; /* value set by the flag itself; 0: takes a value */
        double value;
    } libopts[] = {
        {"--undirected", LEV_P_UNDIRECTED, 1, 1}, {"--unweighted", LEV_P_WEIGHTED, 1, 0},
        {"--damping", LEV_P_DAMPING, 0, 0},      {"--tolerance", LEV_P_TOLERANCE, 0, 0},
        {"--max-iter", LEV_P_MAX_ITER, 0, 0},    {"--threads", LEV_P_THREADS, 0, 0},
    };
    for (int i = 0; i < argc; i++) {
        const char *o = argv[i];
        int k, matched = 0;
        if (strcmp(o, "--measure") == 0 || strcmp(o, "--format") == 0 || strcmp(o, "--direction") == 0) {
            if (i + 1 >= argc) { status = usage_error("missing value for ", o); goto done; }
            const char *v = argv[++i];
            if (o[2] == 'm') measure = v;
            else if (o[2] == 'f') {
                if (strcmp(v, "csv") && strcmp(v, "json")) { status = usage_error("--format must be csv or json, not ", v); goto done; }
                format = v;
            } else {
                int d = strcmp(v, "out") == 0 ? LEV_DIR_OUT : strcmp(v, "in") == 0 ? LEV_DIR_IN : 0;
                if (!d) { status = usage_error("--direction must be out or in, not ", v); goto done; }
                lev_params_set_int(p, LEV_P_DIRECTION, d);
                given[ngiven] = LEV_P_DIRECTION;
                spelled[ngiven++] = "--direction";
            }
            continue;
        }
        for (k = 0; k < (int)(sizeof libopts / sizeof libopts[0]); k++)
            if (strcmp(o, libopts[k].name) == 0) {
                matched = 1;
                if (libopts[k].flag) lev_params_set_int(p, libopts[k].key, (int64_t)libopts[k].value);
                else {
                    if (i + 1 >= argc) { status = usage_error("missing value for ", o); goto done; }
                    if ((status = set_option(p, libopts[k].key, o, argv[++i])) != 0) goto done;
                }
                if (libopts[k].key != LEV_P_THREADS && ngiven < 16) {
                    given[ngiven] = libopts[k].key;
                    spelled[ngiven++] = libopts[k].name;
                }
                break;
            }
        if (matched) continue;
        if ((status = take_edges(o, &edges)) != 0) goto done;
    }
    if (!measure) { status = usage_error("rank needs --measure NAME", NULL); goto done; }
    const mmeasure *m = measures;
    while (m->name && strcmp(m->name, measure) != 0) m++;
    if (!m->name) { status = usage_error("unknown measure (leverage-mpi knows degree, strength and their in-/out- forms, pagerank): ", measure); goto done; }
    for (int g = 0; g < ngiven; g++) {
        int ok = 0;
        for (int r = 0; r < 8 && m->reads[r]; r++) ok |= m->reads[r] == given[g];
        if (!ok) {
            char b[200];
            snprintf(b, sizeof b, "measure %s does not read %s", m->name, spelled[g]);
            status = usage_error(b, NULL);
            goto done;
        }
    }
    if (!edges) { status = usage_error("an edges file is needed", NULL); goto done; }

    status = EXIT_FAILED;
    lev_mpi_network *net = open_network(edges, p);
    if (!net) goto done;
    uint64_t count;
    lev_mpi_owned(net, NULL, &count);
    double *score = malloc((count + 1) * sizeof *score);
    int bad = !score, anybad = 0;
    MPI_Allreduce(&bad, &anybad, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    if (anybad) {
        if (rank0()) fprintf(stderr, "leverage-mpi: out of memory\n");
    } else {
        lev_status rc;
        if (m->dir) lev_params_set_int(p, LEV_P_DIRECTION, m->dir);
        if (m->kind == 0) rc = lev_mpi_degree(net, p, score);
        else if (m->kind == 1) rc = lev_mpi_strength(net, p, score);
        else rc = lev_mpi_pagerank(net, p, score);
        if (rc != LEV_OK) {
            if (rank0()) fprintf(stderr, "leverage-mpi: %s: %s\n", m->name, lev_mpi_errmsg(net));
        } else {
            status = print_all(net, m->name, score, strcmp(format, "json") == 0);
        }
    }
    free(score);
    lev_mpi_network_free(net);
done:
    lev_params_free(p);
    return status;
}


/* ---- seeds --------------------------------------------------------------------------------------- */

/* The names of actors ids[0 .. n) on rank 0 (NUL-separated, in order, malloc'ed; NULL elsewhere
 * or on failure): every rank sends the names of those it owns. Collective; 0 or EXIT_FAILED. */
static int names_on_rank0(lev_mpi_network *net, const uint64_t *ids, size_t n, char **out) {
    int me, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    uint64_t first, count;
    lev_mpi_owned(net, &first, &count);
    size_t bytes = 0;
    for (size_t j = 0; j < n; j++)
        bytes += (ids[j] >= first && ids[j] < first + count ? strlen(lev_mpi_actor_name(net, ids[j])) : 0) + 1;
    char *buf = malloc(bytes + 1), *all = NULL;
    int *cnt = me == 0 ? calloc(2 * (size_t)size, sizeof *cnt) : NULL, mine = (int)bytes, bad = !buf || (me == 0 && !cnt);
    size_t o = 0;
    for (size_t j = 0; buf && j < n; j++) {
        const char *nm = ids[j] >= first && ids[j] < first + count ? lev_mpi_actor_name(net, ids[j]) : "";
        size_t l = strlen(nm) + 1;
        memcpy(buf + o, nm, l);
        o += l;
    }
    MPI_Gather(&mine, 1, MPI_INT, cnt ? cnt : &mine, 1, MPI_INT, 0, MPI_COMM_WORLD);
    long long tot = 0;
    if (me == 0 && cnt)
        for (int r = 0; r < size; r++) {
            cnt[size + r] = (int)tot;
            tot += cnt[r];
        }
    if (me == 0 && !bad && !(all = malloc((size_t)tot + 1))) bad = 1;
    int anybad = 0;
    MPI_Allreduce(&bad, &anybad, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    if (!anybad)
        MPI_Gatherv(buf, mine, MPI_CHAR, all, cnt, cnt ? cnt + size : NULL, MPI_CHAR, 0, MPI_COMM_WORLD);
    char *res = NULL;
    if (me == 0 && !anybad) { /* name j: the non-empty one among the ranks' j-th strings */
        size_t rb = 0;
        for (size_t j = 0; j < n; j++) {
            const char *p = all;
            for (int r = 0; r < size; r++) {
                const char *q = all + cnt[size + r];
                for (size_t i = 0; i < j; i++) q += strlen(q) + 1;
                if (*q) p = q;
            }
            rb += strlen(p) + 1;
        }
        res = malloc(rb + 1);
        if (res) {
            size_t w = 0;
            for (size_t j = 0; j < n; j++) {
                const char *p = "";
                for (int r = 0; r < size; r++) {
                    const char *q = all + cnt[size + r];
                    for (size_t i = 0; i < j; i++) q += strlen(q) + 1;
                    if (*q) p = q;
                }
                size_t l = strlen(p) + 1;
                memcpy(res + w, p, l);
                w += l;
            }
        }
    }
    free(buf);
    free(all);
    free(cnt);
    *out = res;
    return anybad || (me == 0 && !res) ? EXIT_FAILED : EXIT_OKAY;
}

/* The campaign options shared by seeds (and their checks, as `leverage` makes them); i is moved
 * past a value. 1: matched, 0: not an option of these, or a usage status < 0 negated. */
static int campaign_option(lev_params *p, int argc, char **argv, int *i) {
    const char *o = argv[*i];
    static const struct { const char *name; lev_param key; } vals[] = {
        {"--epsilon", LEV_P_SEEDS_EPSILON}, {"--seed", LEV_P_SEED}, {"--threads", LEV_P_THREADS},
        {"--runs", LEV_P_RUNS}};
    if (strcmp(o, "--unweighted") == 0) {
        lev_params_set_int(p, LEV_P_WEIGHTED, 0);
        return 1;
    }
    for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++)
        if (strcmp(o, vals[k].name) == 0) {
            if (*i + 1 >= argc) return -usage_error("missing value for ", o);
            int st = set_option(p, vals[k].key, o, argv[++*i]);
            return st ? -st : 1;
        }
    if (strcmp(o, "--model") == 0) {
        if (*i + 1 >= argc) return -usage_error("missing value for ", o);
        const char *v = argv[++*i];
        if (strcmp(v, "ic") && strcmp(v, "lt")) return -usage_error("--model takes ic or lt, not ", v);
        lev_params_set_int(p, LEV_P_MODEL, strcmp(v, "lt") == 0 ? LEV_MODEL_LT : LEV_MODEL_IC);
        return 1;
    }
    if (strcmp(o, "--probability") == 0) {
        if (*i + 1 >= argc) return -usage_error("missing value for ", o);
        const char *v = argv[++*i];
        if (strcmp(v, "strength") == 0) lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_STRENGTH);
        else if (strcmp(v, "wc") == 0) lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_WC);
        else {
            int st = set_option(p, LEV_P_CONSTANT_PROBABILITY, "--probability", v);
            if (st) return -st;
            lev_params_set_int(p, LEV_P_PROBABILITY, LEV_PROB_CONSTANT);
        }
        return 1;
    }
    if (strcmp(o, "--undirected") == 0 || strcmp(o, "--group") == 0 || strcmp(o, "--actors") == 0)
        return -usage_error("not over MPI (diffusion follows the ties as the edges file gives them; no groups): ", o);
    return 0;
}

static int run_seeds(int argc, char **argv) {
    const char *format = "text", *edges = NULL;
    long long k = 0;
    lev_params *p = NULL;
    int status = EXIT_USAGE;
    if (lev_params_new(&p) != LEV_OK) {
        if (rank0()) fprintf(stderr, "leverage-mpi: out of memory\n");
        return EXIT_FAILED;
    }
    for (int i = 0; i < argc; i++) {
        const char *o = argv[i];
        if (strcmp(o, "-k") == 0 || strcmp(o, "--k") == 0) {
            if (i + 1 >= argc) { status = usage_error("missing value for ", o); goto done; }
            char *end;
            k = strtoll(argv[++i], &end, 10);
            if (end == argv[i] || *end || k < 1 || k > 1000000) {
                status = usage_error("-k takes a whole number in [1, 1000000], not ", argv[i]);
                goto done;
            }
            continue;
        }
        if (strcmp(o, "--format") == 0) {
            if (i + 1 >= argc) { status = usage_error("missing value for ", o); goto done; }
            format = argv[++i];
            if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv")) {
                status = usage_error("--format must be text, json or csv, not ", format);
                goto done;
            }
            continue;
        }
        int c = campaign_option(p, argc, argv, &i);
        if (c < 0) { status = -c; goto done; }
        if (c) continue;
        if ((status = take_edges(o, &edges)) != 0) goto done;
    }
    if (!edges) { status = usage_error("an edges file is needed", NULL); goto done; }
    if (k <= 0) { status = usage_error("-k is needed: how many seeds", NULL); goto done; }

    status = EXIT_FAILED;
    lev_mpi_network *net = open_network(edges, p);
    if (!net) goto done;
    int me;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    uint64_t n = lev_mpi_actor_count(net), m = lev_mpi_edge_count(net);
    size_t nk = (size_t)k < n ? (size_t)k : (size_t)n;
    uint64_t *s = malloc((nk + 1) * sizeof *s), sets = 0, bytes = 0;
    double *g = malloc((nk + 1) * sizeof *g), sp = 0, ratio = 0;
    size_t len = 0;
    char *names = NULL;
    int bad = !s || !g, anybad = 0;
    MPI_Allreduce(&bad, &anybad, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    int text = strcmp(format, "text") == 0, json = strcmp(format, "json") == 0;
    if (anybad) {
        if (rank0()) fprintf(stderr, "leverage-mpi: out of memory\n");
    } else if (lev_mpi_seeds(net, (size_t)k, NULL, NULL, p, s, g, &len, &sp, &ratio, &sets, &bytes) != LEV_OK) {
        /* `leverage seeds` has printed its first lines by then */
        if (rank0()) {
            if (text) printf("Where to start: %s\n%llu actors, %llu influence ties.\n", edges, (unsigned long long)n,
                             (unsigned long long)m);
            if (json) {
                printf("{\"source\":");
                cli_json_string(stdout, edges);
                printf(",\"k\":%lld,\"result\":", k);
            }
            fprintf(stderr, "leverage-mpi: %s\n", lev_mpi_errmsg(net));
        }
    } else if (names_on_rank0(net, s, len, &names) != EXIT_OKAY) {
        if (rank0()) fprintf(stderr, "leverage-mpi: out of memory\n");
    } else if (me == 0) {
        double eps = 0;
        lev_params_get_double(p, LEV_P_SEEDS_EPSILON, &eps);
        const char *nm = names;
        FILE *f = stdout;
        if (text)
            printf("Where to start: %s\n%llu actors, %llu influence ties.\n", edges, (unsigned long long)n,
                   (unsigned long long)m);
        if (json) {
            printf("{\"source\":");
            cli_json_string(stdout, edges);
            printf(",\"k\":%lld,\"result\":", k);
        }
        if (strcmp(format, "csv") == 0) {
            fprintf(f, "rank,actor,gain,reach\n");
            double cum = 0;
            for (size_t i = 0; i < len; i++, nm += strlen(nm) + 1) {
                cum += g[i];
                fprintf(f, "%zu,", i + 1);
                cli_csv_field(f, nm);
                fputc(',', f);
                cli_print_number(f, g[i]);
                fputc(',', f);
                cli_print_number(f, cum);
                fputc('\n', f);
            }
        } else if (json) {
            fprintf(f, "{\"model\":\"%s\",\"probability\":\"%s\",\"epsilon\":", cli_model_word(p), cli_prob_word(p));
            cli_print_number(f, eps);
            fprintf(f, ",\"target_group\":null,\"seeds\":[");
            for (size_t i = 0; i < len; i++, nm += strlen(nm) + 1) {
                fprintf(f, i ? ",{\"actor\":" : "{\"actor\":");
                cli_json_string(f, nm);
                fprintf(f, ",\"gain\":");
                cli_print_number(f, g[i]);
                fputc('}', f);
            }
            fprintf(f, "],\"spread\":");
            cli_print_number(f, sp);
            fprintf(f, ",\"certified_ratio\":");
            cli_print_number(f, ratio);
            fprintf(f, ",\"rr_sets\":%llu,\"rr_bytes\":%llu}}\n", (unsigned long long)sets, (unsigned long long)bytes);
        } else {
            char model[160];
            cli_describe_model(p, model, sizeof model);
            fprintf(f, "%s; epsilon %g.\n", model, eps);
            fprintf(f, "  #  %-24s %10s %10s\n", "seed", "gain", "reach");
            double cum = 0;
            for (size_t i = 0; i < len; i++, nm += strlen(nm) + 1) {
                cum += g[i];
                fprintf(f, "%3zu  %-24s %10.2f %10.2f\n", i + 1, nm, g[i], cum);
            }
            fprintf(f, "Expected reach: %.2f of %llu actors; certified: at least %.1f%% of the best %lld seeds' reach "
                       "(with probability 1 - 1/%llu), from %llu RR sets (%.*f %s).\n",
                    sp, (unsigned long long)n, 100 * ratio, k, (unsigned long long)n, (unsigned long long)sets,
                    bytes >= 1000000 ? 1 : 0, bytes >= 1000000 ? (double)bytes / 1e6 : (double)bytes / 1e3,
                    bytes >= 1000000 ? "MB" : "kB");
        }
        if (fflush(stdout) != 0 || ferror(stdout)) fprintf(stderr, "leverage-mpi: cannot write the output\n");
        else status = EXIT_OKAY;
    } else {
        status = EXIT_OKAY;
    }
    int st = status, worst = 0;
    MPI_Allreduce(&st, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    status = worst;
    free(names);
    free(s);
    free(g);
    lev_mpi_network_free(net);
done:
    lev_params_free(p);
    return status;
}

/* ---- spread ------------------------------------------------------------------------------------ */

/* Rank 0 writes every actor's value in id order, each rank's part in turn: CSV rows "name,v" or
 * JSON members "name":v (comma-separated). Collective; 0 or EXIT_FAILED. */
static int print_values(lev_mpi_network *net, const double *v, int json) {
    int me, size, failed = 0, first_row = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    uint64_t first, count;
    lev_mpi_owned(net, &first, &count);
    for (int r = 0; r < size; r++) {
        uint64_t meta[2] = {0, 0}; /* count, name bytes */
        if (r == me) {
            meta[0] = count;
            for (uint64_t i = 0; i < count; i++) meta[1] += strlen(lev_mpi_actor_name(net, first + i)) + 1;
        }
        if (r != 0) {
            if (me == r) MPI_Send(meta, 2, MPI_UINT64_T, 0, 5, MPI_COMM_WORLD);
            else if (me == 0) MPI_Recv(meta, 2, MPI_UINT64_T, r, 5, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        }
        if (me != r && me != 0) continue;
        char *names = malloc(meta[1] + 1), dummy = 0;
        double *val = malloc((meta[0] + 1) * sizeof *val), dd = 0;
        if (!names || !val) failed = 1;
        if (me == r && names && val) {
            size_t o = 0;
            for (uint64_t i = 0; i < count; i++) {
                const char *nm = lev_mpi_actor_name(net, first + i);
                size_t l = strlen(nm) + 1;
                memcpy(names + o, nm, l);
                o += l;
            }
            memcpy(val, v, count * sizeof *val);
        }
        if (r != 0) {
            if (me == r) {
                MPI_Send(names ? names : &dummy, names ? (int)meta[1] : 0, MPI_CHAR, 0, 6, MPI_COMM_WORLD);
                MPI_Send(val ? val : &dd, val ? (int)meta[0] : 0, MPI_DOUBLE, 0, 7, MPI_COMM_WORLD);
            } else {
                MPI_Recv(names ? names : &dummy, names ? (int)meta[1] : 0, MPI_CHAR, r, 6, MPI_COMM_WORLD,
                         MPI_STATUS_IGNORE);
                MPI_Recv(val ? val : &dd, val ? (int)meta[0] : 0, MPI_DOUBLE, r, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
        }
        if (me == 0 && names && val) {
            const char *nm = names;
            for (uint64_t i = 0; i < meta[0]; i++, nm += strlen(nm) + 1) {
                if (json) {
                    if (!first_row) putchar(',');
                    cli_json_string(stdout, nm);
                    putchar(':');
                } else {
                    cli_csv_field(stdout, nm);
                    putchar(',');
                }
                cli_print_number(stdout, val[i]);
                if (!json) putchar('\n');
                first_row = 0;
            }
        }
        free(names);
        free(val);
    }
    int any = 0;
    MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    return any ? EXIT_FAILED : EXIT_OKAY;
}

/* One candidate of the "most likely to join" list. */
typedef struct cand {
    double p;
    uint64_t id;
} cand;

static int by_chance(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->p != y->p) return x->p > y->p ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Rank 0 prints the `top` actors most likely to join (not seeds, chance > 0), as `leverage spread`
 * lists them: by chance, ties by id. Each rank sends its own best `top`. Collective. */
static int print_top(lev_mpi_network *net, const double *prob, const uint64_t *seeds, size_t ns, size_t top) {
    int me, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    uint64_t first, count;
    lev_mpi_owned(net, &first, &count);
    cand *c = malloc((count + 1) * sizeof *c);
    int bad = !c, any = 0;
    MPI_Allreduce(&bad, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    if (any) {
        free(c);
        return EXIT_FAILED;
    }
    size_t nc = 0;
    for (uint64_t i = 0; i < count; i++) {
        int is_seed = 0;
        for (size_t j = 0; j < ns; j++) is_seed |= seeds[j] == first + i;
        if (!is_seed && prob[i] > 0) c[nc].p = prob[i], c[nc++].id = first + i;
    }
    qsort(c, nc, sizeof *c, by_chance);
    if (nc > top) nc = top;
    uint64_t *ids = malloc((nc + 1) * sizeof *ids);
    char *names = NULL;
    if (ids)
        for (size_t i = 0; i < nc; i++) ids[i] = c[i].id;
    /* every rank's candidates to all (few: top per rank), then their names to rank 0 */
    int mine = (int)nc, *cnt = malloc(2 * (size_t)size * sizeof *cnt);
    bad = !ids || !cnt;
    MPI_Allreduce(&bad, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    int status = EXIT_FAILED;
    if (!any) {
        MPI_Allgather(&mine, 1, MPI_INT, cnt, 1, MPI_INT, MPI_COMM_WORLD);
        int tot = 0;
        for (int r = 0; r < size; r++) cnt[size + r] = tot, tot += cnt[r];
        cand *all = malloc(((size_t)tot + 1) * sizeof *all);
        MPI_Datatype ct;
        MPI_Type_contiguous((int)sizeof(cand), MPI_BYTE, &ct);
        MPI_Type_commit(&ct);
        bad = !all;
        MPI_Allreduce(&bad, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
        if (!any) {
            MPI_Allgatherv(c, mine, ct, all, cnt, cnt + size, ct, MPI_COMM_WORLD);
            qsort(all, (size_t)tot, sizeof *all, by_chance);
            size_t show = (size_t)tot < top ? (size_t)tot : top;
            uint64_t *sid = malloc((show + 1) * sizeof *sid);
            bad = !sid;
            MPI_Allreduce(&bad, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
            if (!any) {
                for (size_t i = 0; i < show; i++) sid[i] = all[i].id;
                if (names_on_rank0(net, sid, show, &names) == EXIT_OKAY) {
                    status = EXIT_OKAY;
                    if (me == 0) {
                        const char *nm = names;
                        for (size_t i = 0; i < show; i++, nm += strlen(nm) + 1) {
                            if (!i) printf("\nMost likely to join:\n");
                            printf("  %-24s %.3f\n", nm, all[i].p);
                        }
                    }
                }
            }
            free(sid);
        }
        MPI_Type_free(&ct);
        free(all);
    }
    free(names);
    free(ids);
    free(cnt);
    free(c);
    return status;
}

/* The i-th of the seeds' names as given (a char *const * context), for cli_spread_head. */
static const char *token(const void *ctx, size_t i) { return ((char *const *)ctx)[i]; }

static int run_spread(int argc, char **argv) {
    const char *format = "text", *edges = NULL, *seedlist = NULL;
    long long top = 5;
    lev_params *p = NULL;
    int status = EXIT_USAGE;
    if (lev_params_new(&p) != LEV_OK) {
        if (rank0()) fprintf(stderr, "leverage-mpi: out of memory\n");
        return EXIT_FAILED;
    }
    for (int i = 0; i < argc; i++) {
        const char *o = argv[i];
        if (strcmp(o, "--seeds") == 0 || strcmp(o, "--format") == 0 || strcmp(o, "--top") == 0) {
            if (i + 1 >= argc) { status = usage_error("missing value for ", o); goto done; }
            const char *v = argv[++i];
            if (o[2] == 's') seedlist = v;
            else if (o[2] == 'f') {
                if (strcmp(v, "text") && strcmp(v, "json") && strcmp(v, "csv")) {
                    status = usage_error("--format must be text, json or csv, not ", v);
                    goto done;
                }
                format = v;
            } else {
                char *end;
                top = strtoll(v, &end, 10);
                if (end == v || *end || top < 1 || top > 1000000) {
                    status = usage_error("--top takes a whole number in [1, 1000000], not ", v);
                    goto done;
                }
            }
            continue;
        }
        int c = campaign_option(p, argc, argv, &i);
        if (c < 0) { status = -c; goto done; }
        if (c) continue;
        if ((status = take_edges(o, &edges)) != 0) goto done;
    }
    if (!edges) { status = usage_error("an edges file is needed", NULL); goto done; }
    if (!seedlist) { status = usage_error("--seeds is needed: the actors who start, comma-separated", NULL); goto done; }

    status = EXIT_FAILED;
    lev_mpi_network *net = open_network(edges, p);
    if (!net) goto done;
    int me;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    uint64_t first, count, n = lev_mpi_actor_count(net), m = lev_mpi_edge_count(net);
    lev_mpi_owned(net, &first, &count);
    /* the seeds by name: each rank looks among its own actors */
    size_t cap = 1, ns = 0;
    for (const char *c = seedlist; *c; c++) cap += *c == ',';
    uint64_t *seeds = malloc(cap * sizeof *seeds);
    char *copy = malloc(strlen(seedlist) + 1), **tok = malloc(cap * sizeof *tok);
    double *prob = malloc((count + 1) * sizeof *prob);
    int bad = !seeds || !copy || !tok || !prob, any = 0;
    MPI_Allreduce(&bad, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    if (any) {
        if (rank0()) fprintf(stderr, "leverage-mpi: out of memory\n");
        goto out;
    }
    strcpy(copy, seedlist);
    for (char *t = copy, *next; t; t = next) {
        next = strchr(t, ',');
        if (next) *next++ = 0;
        if (!*t) continue;
        uint64_t id = UINT64_MAX;
        for (uint64_t i = 0; i < count && id == UINT64_MAX; i++)
            if (strcmp(lev_mpi_actor_name(net, first + i), t) == 0) id = first + i;
        MPI_Allreduce(MPI_IN_PLACE, &id, 1, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD);
        if (id == UINT64_MAX) {
            if (rank0()) fprintf(stderr, "leverage-mpi: --seeds: no actor named \"%s\"\n", t);
            status = EXIT_USAGE;
            goto out;
        }
        tok[ns] = t;
        seeds[ns++] = id;
    }
    double sp, se, ci[2];
    if (lev_mpi_spread(net, seeds, ns, p, &sp, &se, ci, prob) != LEV_OK) {
        if (rank0()) fprintf(stderr, "leverage-mpi: %s\n", lev_mpi_errmsg(net));
        goto out;
    }
    if (strcmp(format, "csv") == 0) {
        if (me == 0) printf("actor,probability\n");
        status = print_values(net, prob, 0);
    } else if (strcmp(format, "json") == 0) {
        if (me == 0) cli_spread_head(1, edges, p, n, m, token, tok, ns, sp, se, ci);
        status = print_values(net, prob, 1);
        if (me == 0) printf("}}\n");
    } else {
        if (me == 0) cli_spread_head(0, edges, p, n, m, token, tok, ns, sp, se, ci);
        status = print_top(net, prob, seeds, ns, (size_t)top);
    }
    if (me == 0 && status == EXIT_OKAY && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "leverage-mpi: cannot write the output\n");
        status = EXIT_FAILED;
    }
    {
        int st = status, worst = 0;
        MPI_Allreduce(&st, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        status = worst;
    }
out:
    free(seeds);
    free(copy);
    free(tok);
    free(prob);
    lev_mpi_network_free(net);
done:
    lev_params_free(p);
    return status;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int status;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        help();
        status = argc < 2 ? EXIT_USAGE : EXIT_OKAY;
    } else if (strcmp(argv[1], "--version") == 0) {
        if (rank0()) printf("leverage-mpi %s (libleverage %s)\n", LEV_VERSION_STRING, lev_version_string());
        status = EXIT_OKAY;
    } else if (strcmp(argv[1], "rank") == 0) {
        status = run_rank(argc - 2, argv + 2);
    } else if (strcmp(argv[1], "seeds") == 0) {
        status = run_seeds(argc - 2, argv + 2);
    } else if (strcmp(argv[1], "spread") == 0) {
        status = run_spread(argc - 2, argv + 2);
    } else {
        status = usage_error("unknown command: ", argv[1]);
    }
    MPI_Finalize();
    return status;
}
