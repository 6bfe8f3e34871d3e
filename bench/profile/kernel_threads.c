/*
 * bench/profile/kernel_threads.c — which analyses gain from a second core (issue 22's audit).
 *
 * Not part of the harness. Loads the benchmark's binary edge file through the public API (actors
 * "0".."n-1", every fourth actor in one of 8 groups, one lev_edges_add), builds the compact form,
 * then times each whole-network analysis once with LEV_P_THREADS = 1 and once with 2: wall time
 * and process CPU time. On a shared machine wall time with 2 threads says little (the second
 * thread waits for a core); CPU time shows whether the work is split or spun away.
 *
 * Build: cc -O2 -Iinclude -o kernel_threads bench/profile/kernel_threads.c -Lbuild -lleverage -lm
 * Run:   LD_LIBRARY_PATH=build kernel_threads bench/out/graphs/rmat-s18-ef16-seed1.bin [name,name]
 *        LD_LIBRARY_PATH=build kernel_threads bonacich N   (random network, N actors, 8N ties,
 *        β = 0.01: the dense LU on 1 and 2 threads, and whether the scores are bit-identical)
 */
#define _GNU_SOURCE
#include <leverage.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common.h"

static lev_network *net;
static size_t n;
static double *d1, *d2;
static uint32_t *u1;
static uint64_t cnt[16];

#define CALL(expr)                                                                                 \
    do {                                                                                           \
        lev_status rc_ = (expr);                                                                   \
        if (rc_ && rc_ != LEV_ERANGE) fprintf(stderr, "  %s: %s\n", #expr, lev_strerror(rc_));      \
    } while (0)

static void k_degree(lev_params *p) { CALL(lev_degree(net, p, d1)); }
static void k_strength(lev_params *p) { CALL(lev_strength(net, p, d1)); }
static void k_pagerank(lev_params *p) { CALL(lev_pagerank(net, NULL, p, d1)); }
static void k_katz(lev_params *p) { CALL(lev_katz(net, p, d1)); }
static void k_eigenvector(lev_params *p) { CALL(lev_eigenvector(net, p, d1)); }
static void k_hits(lev_params *p) { CALL(lev_hits(net, p, d1, d2)); }
static void k_reciprocity(lev_params *p) {
    double a, b;
    CALL(lev_reciprocity(net, p, &a, &b));
}
static void k_reciprocity_actors(lev_params *p) { CALL(lev_reciprocity_actors(net, p, d1)); }
static void k_dyad_census(lev_params *p) { CALL(lev_dyad_census(net, p, cnt)); }
static void k_triad_census(lev_params *p) { CALL(lev_triad_census(net, p, cnt)); }
static void k_krackhardt(lev_params *p) { CALL(lev_krackhardt(net, p, d1)); }
static void k_flow_hierarchy(lev_params *p) { CALL(lev_flow_hierarchy(net, p, d1)); }
static void k_asymmetry(lev_params *p) {
    size_t len;
    CALL(lev_asymmetry(net, p, 0, NULL, NULL, NULL, &len));
}
static void k_clustering(lev_params *p) { CALL(lev_clustering(net, p, d1)); }
static void k_constraint(lev_params *p) { CALL(lev_constraint(net, p, d1)); }
static void k_effective_size(lev_params *p) { CALL(lev_effective_size(net, p, d1)); }
static void k_components(lev_params *p) {
    size_t c;
    CALL(lev_components(net, p, u1, &c));
}
static void k_coreness(lev_params *p) { CALL(lev_coreness(net, p, d1)); }
static void k_communities(lev_params *p) {
    size_t c;
    double q;
    CALL(lev_communities(net, p, u1, &c, &q));
}
static void k_bridges(lev_params *p) {
    size_t len;
    CALL(lev_bridges(net, p, 0, NULL, NULL, &len));
}
static void k_articulation(lev_params *p) { CALL(lev_articulation_points(net, p, u1)); }
static void k_dominators(lev_params *p) { CALL(lev_dominators(net, 0, p, u1)); }
static void k_ei_index(lev_params *p) {
    double all;
    CALL(lev_ei_index(net, p, d1, &all));
}
static void k_assortativity(lev_params *p) {
    double r;
    for (size_t v = 0; v < n; v++) d2[v] = (double)(v % 97);
    CALL(lev_assortativity(net, d2, p, &r));
}
static void k_rich_club(lev_params *p) {
    size_t len;
    CALL(lev_rich_club(net, p, 0, NULL, NULL, &len));
}
static void k_drivers(lev_params *p) {
    size_t len;
    CALL(lev_drivers(net, p, 0, NULL, &len));
}
static void k_gini(lev_params *p) {
    double g;
    for (size_t v = 0; v < n; v++) d2[v] = (double)((v * 2654435761u) % 1000);
    CALL(lev_gini(d2, n, p, &g));
}
static void k_reliance(lev_params *p) {
    double all;
    CALL(lev_reliance(net, p, d1, &all));
}

static const struct {
    const char *name;
    void (*f)(lev_params *);
} K[] = {{"degree", k_degree},
         {"strength", k_strength},
         {"pagerank", k_pagerank},
         {"katz", k_katz},
         {"eigenvector", k_eigenvector},
         {"hits", k_hits},
         {"reciprocity", k_reciprocity},
         {"reciprocity_actors", k_reciprocity_actors},
         {"dyad_census", k_dyad_census},
         {"triad_census", k_triad_census},
         {"krackhardt", k_krackhardt},
         {"flow_hierarchy", k_flow_hierarchy},
         {"asymmetry", k_asymmetry},
         {"clustering", k_clustering},
         {"constraint", k_constraint},
         {"effective_size", k_effective_size},
         {"components", k_components},
         {"coreness", k_coreness},
         {"communities", k_communities},
         {"bridges", k_bridges},
         {"articulation_points", k_articulation},
         {"dominators", k_dominators},
         {"ei_index", k_ei_index},
         {"assortativity", k_assortativity},
         {"rich_club", k_rich_club},
         {"drivers", k_drivers},
         {"gini", k_gini},
         {"reliance", k_reliance}};

static int bonacich(size_t nb) {
    if (lev_network_new(&net)) return 2;
    char name[24];
    for (size_t v = 0; v < nb; v++) {
        snprintf(name, sizeof name, "%zu", v);
        if (lev_actor_add(net, name, NULL, NULL)) return 2;
    }
    uint64_t s = 1;
    for (size_t e = 0; e < 8 * nb; e++) {
        s = s * 6364136223846793005u + 1442695040888963407u;
        uint32_t a = (uint32_t)((s >> 33) % nb);
        s = s * 6364136223846793005u + 1442695040888963407u;
        uint32_t b = (uint32_t)((s >> 33) % nb);
        if (a != b && lev_edge_add(net, a, b, 1 + (double)(s % 5), NULL, NULL)) return 2;
    }
    double *o[2] = {malloc(nb * sizeof(double)), malloc(nb * sizeof(double))};
    lev_params *p = NULL;
    lev_params_new(&p);
    lev_params_set_double(p, LEV_P_BETA, 0.01);
    CALL(lev_degree(net, NULL, o[0]));
    printf("bonacich, n = %zu, %zu ties drawn; wall / process CPU, ms\n", nb, 8 * nb);
    for (int th = 1; th <= 2; th++) {
        lev_params_set_int(p, LEV_P_THREADS, th);
        double w0 = bench_now(), c0 = bench_cpu();
        CALL(lev_bonacich(net, p, o[th - 1]));
        printf("| bonacich n=%zu | %d thread(s) | %.1f | %.1f |\n", nb, th, (bench_now() - w0) * 1e3,
               (bench_cpu() - c0) * 1e3);
    }
    printf("1 and 2 threads bit-identical: %s\n", memcmp(o[0], o[1], nb * sizeof(double)) ? "NO" : "yes");
    lev_params_free(p);
    lev_network_free(net);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 2 && !strcmp(argv[1], "bonacich")) return bonacich((size_t)atol(argv[2]));
    if (argc < 2) {
        fprintf(stderr, "usage: kernel_threads FILE.bin [name,name,...]\n");
        return 2;
    }
    bench_edges e;
    char err[256];
    if (bench_read_bin(argv[1], &e, err, sizeof err)) return fprintf(stderr, "%s\n", err), 2;
    n = (size_t)e.n;
    if (lev_network_new(&net)) return 2;
    char name[24], group[8];
    for (size_t v = 0; v < n; v++) {
        snprintf(name, sizeof name, "%zu", v);
        snprintf(group, sizeof group, "g%zu", (v / 4) % 8);
        if (lev_actor_add(net, name, v % 4 == 0 ? group : NULL, NULL)) return fprintf(stderr, "actor\n"), 2;
    }
    double *w = malloc(e.m * sizeof *w);
    for (size_t k = 0; k < e.m; k++) w[k] = (double)e.w[k];
    if (lev_edges_add(net, (size_t)e.m, e.src, e.dst, w, NULL, NULL)) return fprintf(stderr, "%s\n", lev_errmsg(net)), 2;
    free(w);
    d1 = malloc(n * sizeof *d1);
    d2 = malloc(n * sizeof *d2);
    u1 = malloc(n * sizeof *u1);
    lev_params *p = NULL;
    lev_params_new(&p);
    CALL(lev_degree(net, NULL, d1)); /* the compact form, before any clock */
    printf("n = %zu, m = %llu; wall / process CPU, ms\n", n, (unsigned long long)e.m);
    printf("| analysis | 1 thread wall | 1 thread CPU | 2 threads wall | 2 threads CPU |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < sizeof K / sizeof K[0]; i++) {
        if (argc > 2 && !strstr(argv[2], K[i].name)) continue;
        double t[2][2];
        for (int th = 1; th <= 2; th++) {
            lev_params_set_int(p, LEV_P_THREADS, th);
            double w0 = bench_now(), c0 = bench_cpu();
            K[i].f(p);
            t[th - 1][0] = bench_now() - w0;
            t[th - 1][1] = bench_cpu() - c0;
        }
        printf("| %s | %.1f | %.1f | %.1f | %.1f |\n", K[i].name, t[0][0] * 1e3, t[0][1] * 1e3, t[1][0] * 1e3,
               t[1][1] * 1e3);
        fflush(stdout);
    }
    lev_params_free(p);
    lev_network_free(net);
    return 0;
}
