/*
 * bench/drv_gapbs.cc — the GAPBS (GAP Benchmark Suite) driver of the benchmark harness (see
 * common.h for the protocol). Optional: bench/run builds it only when given the GAPBS source
 * tree (`--gapbs PATH` or GAPBS_DIR), compiling this file against PATH/src with GAPBS's own
 * flags (-std=c++11 -O3 -fopenmp) into bench/out/peers/; nothing is written into the tree.
 *
 * GAPBS's kernels live in its programs (pr.cc, bc.cc, cc.cc), each with a main(). This file
 * includes each program inside a namespace of its own, with its main renamed, and calls the
 * kernel function itself, timed here like every other driver (GAPBS's own trial timer is not
 * used). The graph is built the way GAPBS builds one from an edge list (BuilderBase::
 * MakeGraphFromEL then SquishGraph: CSR out and in, neighbours sorted), directed, unweighted,
 * with all n vertices (trailing isolated vertices included, which GAPBS would otherwise drop:
 * PageRank's teleport depends on n).
 *
 * Rows (see bench/run for the definitions each is checked against):
 *   load_bin       read the binary file + MakeGraphFromEL + SquishGraph
 *   pagerank_unw   PageRankPullGS(g, 1000 iterations, epsilon 1e-10): unweighted, Gauss–Seidel
 *                  pull, float scores. GAPBS drops the dangling vertices' mass; with a uniform
 *                  teleport the result is proportional to PageRank with that mass spread
 *                  uniformly, so the scores are divided by their sum (untimed).
 *   betweenness    Brandes(g, every vertex as a source): exact, directed, hops, float32; GAPBS
 *                  credits each source with its own dependency and scales to a maximum of 1:
 *                  both undone, untimed (see bc() below); the harness compares max-scaled vectors
 *   betweenness_src  the same from the BENCH_BC_SOURCES sources 0, 1, ..., K-1
 *   components     Afforest(g): weakly connected components (directed input; labels compared as a
 *                  partition)
 */
#include <omp.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bitmap.h"
#include "command_line.h"
#include "generator.h"
#include "graph.h"
#include "platform_atomics.h"
#include "pvector.h"
#include "reader.h"
#include "sliding_queue.h"
#include "timer.h"
#include "util.h"
/* BuilderBase keeps the vertex count private (a class's default); the driver sets it, so that
 * isolated vertices at the end of the id range are kept. Only builder.h itself is read with
 * `class` spelled `struct` (its includes are all in already). */
#define class struct
#include "builder.h"
#undef class
#include "benchmark.h"

/* Sources in id order (0, 1, 2, ...) instead of GAPBS's random non-isolated ones: with every
 * vertex as a source Brandes is exact, and with K sources it is the same source set as the
 * other libraries' subset rows. Declared before bc.cc, which is its only user. */
template <>
class SourcePicker<Graph> {
  public:
    explicit SourcePicker(const Graph &, NodeID = -1) : next_(0) {}
    NodeID PickNext() { return next_++; }

  private:
    NodeID next_;
};

#define main gapbs_pr_main
namespace gap_pr {
#include "pr.cc"
}
#undef main
#define main gapbs_bc_main
namespace gap_bc {
#include "bc.cc"
}
#undef main
#define main gapbs_cc_main
namespace gap_cc {
#include "cc.cc"
}
#undef main

#undef _GNU_SOURCE
#include "common.h"

/* Sources of the betweenness_src row: vertices 0..K-1 (ids are a random permutation already). */
#define BENCH_BC_SOURCES 256

static double *scores(bench_out *o, size_t n) {
    o->scores = (double *)calloc(n ? n : 1, sizeof(double));
    o->nscores = n;
    return o->scores;
}

/* GAPBS prints (printf) on stdout, which is the protocol's: stdout goes to a temporary file
 * meanwhile; stdout_restore() puts it back and returns the number of lines written (-1: none
 * could be caught, tmp NULL). */
static FILE *stdout_to_tmp(int *saved) {
    fflush(stdout);
    FILE *tmp = tmpfile();
    *saved = tmp ? dup(1) : -1;
    if (tmp) dup2(fileno(tmp), 1);
    return tmp;
}

static long stdout_restore(FILE *tmp, int saved) {
    if (!tmp) return -1;
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    rewind(tmp);
    long lines = 0;
    for (int ch; (ch = fgetc(tmp)) != EOF;) lines += ch == '\n';
    fclose(tmp);
    return lines;
}

#define G(c) (*(Graph *)(c)->g)

static void prep_load_bin(bench_ctx *c) {
    delete (Graph *)c->g;
    c->g = NULL;
}

static int a_load_bin(bench_ctx *c, bench_out *o) {
    uint64_t rss0;
    double t0, t1;
    bench_edges e;
    if (bench_load_begin(c, o, &e, &rss0, &t0, &t1)) return -1;
    if (e.n >= (uint64_t)std::numeric_limits<NodeID>::max()) {
        bench_free_edges(&e);
        return bench_fail(o, "GAPBS NodeID is 32-bit signed: n = %llu too large", (unsigned long long)e.n), -1;
    }
    Graph *g;
    { /* the edge list and the unsquished graph are freed before the memory probe */
        pvector<EdgePair<NodeID, NodeID>> el(e.m);
        for (uint64_t k = 0; k < e.m; k++) el[k] = EdgePair<NodeID, NodeID>((NodeID)e.src[k], (NodeID)e.dst[k]);
        bench_free_edges(&e);
        static char a0[] = "drv_gapbs";
        static char *argv[] = {a0, NULL};
        CLBase cli(1, argv, "bench");
        Builder b(cli);
        b.num_nodes_ = (int64_t)c->n;
        int saved;
        FILE *tmp = stdout_to_tmp(&saved); /* the builder prints its times */
        Graph g0 = b.MakeGraphFromEL(el);
        el.clear();
        g = new Graph(b.SquishGraph(g0));
        stdout_restore(tmp, saved);
    }
    double t2 = bench_now();
    uint64_t rss1 = bench_rss();
    c->g = g;
    static double d;
    if (c->run == 0) d = (double)rss1 - (double)rss0;
    bench_extra(o, "\"t_read\":%.6f,\"t_create\":%.6f,\"rss_delta\":%.0f,\"bytes_per_edge\":%.3f", t1 - t0, t2 - t1,
                d, d / (double)c->m);
    return 0;
}

/* Unweighted PageRank, Gauss–Seidel pull, damping 0.85, L1 change < 1e-10 or 1000 iterations. */
static int a_pagerank_unw(bench_ctx *c, bench_out *o) {
    /* GAPBS's log (one printf line per iteration) gives the iteration count. */
    int saved;
    FILE *tmp = stdout_to_tmp(&saved);
    pvector<gap_pr::ScoreT> s = gap_pr::PageRankPullGS(G(c), 1000, 1e-10, tmp != NULL);
    double t0 = bench_now();
    long iters = stdout_restore(tmp, saved);
    double *x = scores(o, c->n), sum = 0;
    for (size_t i = 0; i < c->n; i++) sum += (double)s[i];
    for (size_t i = 0; i < c->n; i++) x[i] = (double)s[i] / sum;
    o->untimed = bench_now() - t0;
    bench_extra(o, "\"iters\":%ld,\"float32\":1,\"sum_before_scaling\":%.9g,\"threads\":%d", iters, sum,
                omp_get_max_threads());
    return 0;
}

/* How many vertices each of the sources 0..k-1 reaches (itself excluded): one BFS each. */
static std::vector<double> reach_counts(const Graph &g, NodeID k) {
    std::vector<double> r((size_t)k, 0.0);
#pragma omp parallel
    {
        std::vector<NodeID> seen((size_t)g.num_nodes(), -1), queue;
        queue.reserve((size_t)g.num_nodes());
#pragma omp for schedule(dynamic, 1)
        for (NodeID s = 0; s < k; s++) {
            queue.clear();
            queue.push_back(s);
            seen[s] = s;
            for (size_t h = 0; h < queue.size(); h++)
                for (NodeID v : g.out_neigh(queue[h]))
                    if (seen[v] != s) seen[v] = s, queue.push_back(v);
            r[(size_t)s] = (double)(queue.size() - 1);
        }
    }
    return r;
}

/* GAPBS's Brandes differs from the definition in two ways, both undone here, untimed: it also
 * credits each source s with its own dependency, which is r(s), the number of vertices s reaches
 * (a path's end is not "between"), and it divides every score by the largest, M. A source w that
 * no edge enters lies on no path, so its score is r(w)/M: that gives M; then BC(v) = score(v)·M,
 * minus r(v) for a source. Without such a w the sources' entries are NaN (not compared). */
static int bc(bench_ctx *c, bench_out *o, NodeID k) {
    SourcePicker<Graph> sp(G(c));
    pvector<gap_bc::ScoreT> s = gap_bc::Brandes(G(c), sp, k, false);
    double t0 = bench_now();
    double *x = scores(o, c->n);
    for (size_t i = 0; i < c->n; i++) x[i] = (double)s[i];
    std::vector<double> r = reach_counts(G(c), k);
    double M = 0;
    for (NodeID w = 0; w < k && M == 0; w++)
        if (G(c).in_degree(w) == 0 && r[(size_t)w] > 0 && x[w] > 0) M = r[(size_t)w] / x[w];
    for (size_t i = 0; i < c->n; i++)
        x[i] = M > 0 ? x[i] * M - (i < (size_t)k ? r[i] : 0.0) : i < (size_t)k ? NAN : x[i];
    o->untimed = bench_now() - t0;
    bench_extra(o, "\"sources\":%lld,\"float32\":1,\"source_credit_removed\":%d", (long long)k, M > 0);
    return 0;
}

static int a_betweenness(bench_ctx *c, bench_out *o) { return bc(c, o, (NodeID)c->n); }
static int a_betweenness_src(bench_ctx *c, bench_out *o) {
    return bc(c, o, (NodeID)(c->n < BENCH_BC_SOURCES ? c->n : BENCH_BC_SOURCES));
}

static int a_components(bench_ctx *c, bench_out *o) {
    pvector<NodeID> comp = gap_cc::Afforest(G(c), false);
    double t0 = bench_now();
    double *x = scores(o, c->n);
    for (size_t i = 0; i < c->n; i++) x[i] = (double)comp[i];
    o->untimed = bench_now() - t0;
    return 0;
}

static const bench_algo ALGOS[] = {
    {"load_bin", a_load_bin, prep_load_bin},
    {"pagerank_unw", a_pagerank_unw, NULL},
    {"betweenness", a_betweenness, NULL},
    {"betweenness_src", a_betweenness_src, NULL},
    {"components", a_components, NULL},
};

int main(int argc, char **argv) {
    std::cout.rdbuf(std::cerr.rdbuf()); /* GAPBS prints build times on cout; stdout is the protocol */
    return bench_main(argc, argv, "gapbs", ALGOS, sizeof ALGOS / sizeof *ALGOS, NULL);
}
