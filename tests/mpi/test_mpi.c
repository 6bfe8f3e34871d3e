/*
 * libleverage_mpi against libleverage itself, under mpirun -np 1, 2 and 4.
 *
 * Every rank also loads the whole file with lev_read_file(); the distributed results, gathered on
 * rank 0, must equal the single-process ones bit for bit (degree, strength, PageRank in every
 * direction and weighting, weak and strong components), and the actor numbering and names must be the same.
 * A generated file puts quoted names with commas, quotes and line breaks, CRLF line ends, blank
 * lines, self-loops, parallel edges and strengths that are not floats across the chunk
 * boundaries. Bad input on one rank's part only must give every rank the single-process error.
 *
 * Usage: test_mpi DATA_DIR SCRATCH_DIR (a plain program: Criterion's forking does not mix with MPI).
 */
#include "leverage_mpi.h"
#include "mpi_check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A distributed vector gathered on rank 0 equals the single-process one, bit for bit. */
static void same_vector(lev_mpi_network *dn, const double *mine, const double *want, size_t n, const char *what,
                        const char *file) {
    double *all = me == 0 ? malloc((n + 1) * sizeof *all) : NULL;
    CHECK(lev_mpi_gather(dn, mine, 0, all) == LEV_OK, "gather %s: %s", what, lev_mpi_errmsg(dn));
    if (me == 0) {
        size_t bad = 0, first_bad = 0;
        for (size_t i = 0; i < n; i++)
            if (memcmp(&all[i], &want[i], sizeof(double)) != 0 && bad++ == 0) first_bad = i;
        CHECK(bad == 0, "%s on %s: %zu of %zu actors differ; first %zu: %.17g vs %.17g", what, file, bad, n, first_bad,
              all[first_bad], want[first_bad]);
    }
    free(all);
}

typedef lev_status (*dist_fn)(lev_mpi_network *, const lev_params *, double *);
typedef lev_status (*one_fn)(const lev_network *, lev_params *, double *);

static lev_status one_pagerank(const lev_network *net, lev_params *p, double *out) {
    return lev_pagerank(net, NULL, p, out);
}

static void compare_file(const char *path) {
    lev_network *net = NULL;
    CHECK(lev_network_new(&net) == LEV_OK, "network");
    lev_status src = lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL);
    CHECK(src == LEV_OK, "single-process read of %s: %s", path, lev_errmsg(net));
    lev_mpi_network *dn = NULL;
    CHECK(lev_mpi_network_new(MPI_COMM_WORLD, &dn) == LEV_OK, "mpi network");
    lev_status drc = lev_mpi_read_edges(dn, path, NULL);
    CHECK(drc == LEV_OK, "distributed read of %s: %s", path, lev_mpi_errmsg(dn));
    if (src || drc) goto done;
    size_t n = lev_actor_count(net);
    CHECK(lev_mpi_actor_count(dn) == n, "%s: %llu actors, want %zu", path, (unsigned long long)lev_mpi_actor_count(dn), n);
    CHECK(lev_mpi_edge_count(dn) == lev_edge_count(net), "%s: edge count", path);
    uint64_t first, count, total = 0;
    lev_mpi_owned(dn, &first, &count);
    MPI_Allreduce(&count, &total, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
    CHECK(total == n, "%s: owned counts add to %llu, want %zu", path, (unsigned long long)total, n);
    CHECK(count == 0 || first % 2048 == 0, "%s: ranks own whole 2048-actor blocks (first %llu)", path, (unsigned long long)first);
    for (uint64_t i = 0; i < count; i++) {
        const char *a = lev_mpi_actor_name(dn, first + i), *b = lev_actor_name(net, (uint32_t)(first + i));
        if (!a || strcmp(a, b) != 0) {
            CHECK(0, "%s: actor %llu is \"%s\", want \"%s\"", path, (unsigned long long)(first + i), a ? a : "(null)", b);
            break;
        }
    }
    CHECK(lev_mpi_actor_name(dn, first + count) == NULL || me == nranks - 1, "name of an actor not owned");
    double *want = malloc((n + 1) * sizeof *want), *mine = malloc((count + 1) * sizeof *mine);
    lev_params *p = NULL;
    lev_params_new(&p);
    /* every kernel under every option that changes it */
    struct { const char *what; dist_fn d; one_fn s; lev_param key; int64_t v; lev_param key2; int64_t v2; } cases[] = {
        {"degree all", lev_mpi_degree, lev_degree, LEV_P_DIRECTION, LEV_DIR_ALL, 0, 0},
        {"degree in", lev_mpi_degree, lev_degree, LEV_P_DIRECTION, LEV_DIR_IN, 0, 0},
        {"degree out", lev_mpi_degree, lev_degree, LEV_P_DIRECTION, LEV_DIR_OUT, 0, 0},
        {"degree undirected", lev_mpi_degree, lev_degree, LEV_P_UNDIRECTED, 1, 0, 0},
        {"strength all", lev_mpi_strength, lev_strength, LEV_P_DIRECTION, LEV_DIR_ALL, 0, 0},
        {"strength in", lev_mpi_strength, lev_strength, LEV_P_DIRECTION, LEV_DIR_IN, 0, 0},
        {"strength out", lev_mpi_strength, lev_strength, LEV_P_DIRECTION, LEV_DIR_OUT, 0, 0},
        {"strength unweighted", lev_mpi_strength, lev_strength, LEV_P_WEIGHTED, 0, 0, 0},
        {"pagerank", lev_mpi_pagerank, one_pagerank, LEV_P_DIRECTION, LEV_DIR_IN, 0, 0},
        {"pagerank exerted", lev_mpi_pagerank, one_pagerank, LEV_P_DIRECTION, LEV_DIR_OUT, 0, 0},
        {"pagerank undirected", lev_mpi_pagerank, one_pagerank, LEV_P_UNDIRECTED, 1, 0, 0},
        {"pagerank unweighted", lev_mpi_pagerank, one_pagerank, LEV_P_WEIGHTED, 0, 0, 0},
        {"pagerank exerted unweighted", lev_mpi_pagerank, one_pagerank, LEV_P_DIRECTION, LEV_DIR_OUT, LEV_P_WEIGHTED, 0},
        {"pagerank undirected unweighted", lev_mpi_pagerank, one_pagerank, LEV_P_UNDIRECTED, 1, LEV_P_WEIGHTED, 0},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        lev_params_reset(p);
        lev_params_set_int(p, cases[c].key, cases[c].v);
        if (cases[c].key2) lev_params_set_int(p, cases[c].key2, cases[c].v2);
        lev_params_set_double(p, LEV_P_TOLERANCE, 1e-12);
        CHECK(cases[c].s(net, p, want) == LEV_OK, "single %s", cases[c].what);
        lev_status rc = cases[c].d(dn, p, mine);
        CHECK(rc == LEV_OK, "%s on %s: %s", cases[c].what, path, lev_mpi_errmsg(dn));
        if (rc == LEV_OK) same_vector(dn, mine, want, n, cases[c].what, path);
    }
    /* weak components: the same ids */
    lev_params_reset(p);
    lev_params_set_int(p, LEV_P_UNDIRECTED, 1);
    uint32_t *comp1 = malloc((n + 1) * sizeof *comp1), *compd = malloc((count + 1) * sizeof *compd);
    size_t nc1 = 0;
    uint64_t ncd = 0;
    CHECK(lev_components(net, p, comp1, &nc1) == LEV_OK, "single components");
    CHECK(lev_mpi_components(dn, p, compd, &ncd) == LEV_OK, "components: %s", lev_mpi_errmsg(dn));
    CHECK(ncd == nc1, "%s: %llu components, want %zu", path, (unsigned long long)ncd, nc1);
    for (uint64_t i = 0; i < count; i++)
        if (compd[i] != comp1[first + i]) {
            CHECK(0, "%s: actor %llu in component %u, want %u", path, (unsigned long long)(first + i), compd[i],
                  comp1[first + i]);
            break;
        }
    /* strong components: the same ids */
    lev_params_reset(p);
    CHECK(lev_components(net, p, comp1, &nc1) == LEV_OK, "single strong components");
    CHECK(lev_mpi_components(dn, p, compd, &ncd) == LEV_OK, "strong components: %s", lev_mpi_errmsg(dn));
    CHECK(ncd == nc1, "%s: %llu strong components, want %zu", path, (unsigned long long)ncd, nc1);
    for (uint64_t i = 0; i < count; i++)
        if (compd[i] != comp1[first + i]) {
            CHECK(0, "%s: actor %llu in strong component %u, want %u", path, (unsigned long long)(first + i), compd[i],
                  comp1[first + i]);
            break;
        }
    /* a second load is refused, and nothing changes */
    CHECK(lev_mpi_read_edges(dn, path, NULL) == LEV_EMISUSE, "second load refused");
    CHECK(lev_mpi_actor_count(dn) == n, "a refused load changes nothing");
    uint64_t bytes = 0, sent = 0;
    lev_mpi_stats(dn, &bytes, NULL, &sent, NULL);
    CHECK(bytes > 0, "stats: bytes");
    CHECK(nranks == 1 ? sent == 0 : 1, "one rank sends nothing to others (sent %llu)", (unsigned long long)sent);
    free(comp1);
    free(compd);
    free(want);
    free(mine);
    lev_params_free(p);
done:
    lev_mpi_network_free(dn);
    lev_network_free(net);
}

/* A skewed random network of n actors and m edges, with awkward names and line ends; bad_line > 0
 * writes a negative strength on that row (counting the header as line 1, one line per row). */
static void write_generated(const char *path, uint32_t n, uint32_t m, uint32_t bad_line, int crlf) {
    FILE *f = fopen(path, "wb");
    if (!f) { fprintf(stderr, "cannot write %s\n", path); exit(2); }
    const char *eol = crlf ? "\r\n" : "\n";
    fprintf(f, "source,target,strength%s", eol);
    static const double ws[] = {1, 2, 0.5, 0.1, 3.25, 1e-3, 7};
    uint32_t line = 1;
    int planted = 0;
    for (uint32_t e = 0; e < m; e++) {
        double u = (double)(next() % 1000000) / 1e6, v = (double)(next() % 1000000) / 1e6;
        uint32_t s = (uint32_t)(u * u * u * n), t = (uint32_t)(v * v * n);
        if (e % 97 == 0) t = s; /* self-loops */
        char sn[64], tn[64];
        /* every 13th actor has a name that needs quoting; every 101st has a line break in it */
        if (s % 101 == 0) snprintf(sn, sizeof sn, "\"multi\nline %u\"", s);
        else if (s % 13 == 0) snprintf(sn, sizeof sn, "\"comma, \"\"quote\"\" %u\"", s);
        else snprintf(sn, sizeof sn, "a%u", s);
        if (t % 101 == 0) snprintf(tn, sizeof tn, "\"multi\nline %u\"", t);
        else if (t % 13 == 0) snprintf(tn, sizeof tn, "\"comma, \"\"quote\"\" %u\"", t);
        else snprintf(tn, sizeof tn, "a%u", t);
        double w = ws[next() % 7];
        line++;
        if (bad_line && line >= bad_line && !planted) {
            w = -1;
            planted = 1;
        }
        fprintf(f, "%s,%s,%.17g%s", sn, tn, w, eol);
        line += (s % 101 == 0) + (t % 101 == 0);
        if (e % 500 == 0) {
            fputs(eol, f); /* a blank line */
            line++;
        }
    }
    fclose(f);
}

static void bad_input(const char *path) {
    lev_network *net = NULL;
    lev_network_new(&net);
    lev_status want = lev_read_file(net, LEV_FORMAT_EDGES_CSV, path, NULL);
    lev_mpi_network *dn = NULL;
    lev_mpi_network_new(MPI_COMM_WORLD, &dn);
    lev_status rc = lev_mpi_read_edges(dn, path, NULL);
    CHECK(want != LEV_OK, "the single-process reader refuses %s", path);
    CHECK(rc == want, "%s: status %d, want %d", path, (int)rc, (int)want);
    CHECK(strcmp(lev_mpi_errmsg(dn), lev_errmsg(net)) == 0, "%s: message \"%s\", want \"%s\"", path,
          lev_mpi_errmsg(dn), lev_errmsg(net));
    /* the same message on every rank */
    char msg[512] = {0}, root[512] = {0};
    snprintf(msg, sizeof msg, "%s", lev_mpi_errmsg(dn));
    memcpy(root, msg, sizeof root);
    MPI_Bcast(root, (int)sizeof root, MPI_CHAR, 0, MPI_COMM_WORLD);
    CHECK(strcmp(msg, root) == 0, "rank %d says \"%s\", rank 0 \"%s\"", me, msg, root);
    CHECK(lev_mpi_actor_count(dn) == 0 && lev_mpi_edge_count(dn) == 0, "a failed load leaves the network empty");
    uint64_t count = 9;
    lev_mpi_owned(dn, NULL, &count);
    CHECK(count == 0, "a failed load owns nothing");
    double x;
    CHECK(lev_mpi_pagerank(dn, NULL, &x) == LEV_EMISUSE, "kernels refuse an unloaded network");
    lev_mpi_network_free(dn);
    lev_network_free(net);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &nranks);
    if (argc != 3) {
        if (me == 0) fprintf(stderr, "usage: test_mpi DATA_DIR SCRATCH_DIR\n");
        MPI_Finalize();
        return 2;
    }
    const char *files[] = {"examples/data/florentine_edges.csv", "tests/data/karate_weighted_edges.csv",
                           "tests/data/directed_dangling.csv", "tests/data/directed_inexact.csv",
                           "tests/data/lesmis_edges.csv", "tests/data/coleman_edges.csv"};
    char path[4096];
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        snprintf(path, sizeof path, "%s/%s", argv[1], files[k]);
        compare_file(path);
    }
    /* generated: more than one 2048-actor block, so several ranks own actors */
    char gen[4096], gen2[4096], bad[4096], bad2[4096];
    snprintf(gen, sizeof gen, "%s/mpi_gen_np%d.csv", argv[2], nranks);
    snprintf(gen2, sizeof gen2, "%s/mpi_gen_crlf_np%d.csv", argv[2], nranks);
    snprintf(bad, sizeof bad, "%s/mpi_bad_np%d.csv", argv[2], nranks);
    snprintf(bad2, sizeof bad2, "%s/mpi_bad_crlf_np%d.csv", argv[2], nranks);
    if (me == 0) {
        rng = 1; write_generated(gen, 9000, 60000, 0, 0);
        rng = 2; write_generated(gen2, 5000, 20000, 0, 1);
        rng = 3; write_generated(bad, 9000, 60000, 52000, 0);  /* in the last rank's part */
        rng = 4; write_generated(bad2, 5000, 20000, 9000, 1);  /* in a middle part */
    }
    MPI_Barrier(MPI_COMM_WORLD);
    compare_file(gen);
    compare_file(gen2);
    bad_input(bad);
    bad_input(bad2);
    snprintf(path, sizeof path, "%s/no/such/file.csv", argv[2]);
    bad_input(path);
    /* misuse: every rank gets the same refusal */
    lev_mpi_network *dn = NULL;
    CHECK(lev_mpi_network_new(MPI_COMM_WORLD, NULL) == LEV_EMISUSE, "NULL out");
    lev_mpi_network_new(MPI_COMM_WORLD, &dn);
    CHECK(lev_mpi_read_edges(dn, NULL, NULL) == LEV_EMISUSE, "NULL path");
    CHECK(strstr(lev_mpi_errmsg(dn), "path is NULL") != NULL, "message: %s", lev_mpi_errmsg(dn));
    CHECK(lev_mpi_gather(dn, NULL, nranks, NULL) == LEV_EMISUSE, "root out of range");
    lev_mpi_network_free(dn);
    lev_mpi_network_free(NULL);
    CHECK(strcmp(lev_mpi_errmsg(NULL), "invalid network") == 0, "NULL errmsg");

    return mpi_check_finish("test_mpi");
}
