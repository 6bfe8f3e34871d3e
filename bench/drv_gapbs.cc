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
 *   betweenness    Brandes(g, every vertex as a source): exact, directed, hops, float, scaled
 *                  by GAPBS to a maximum of 1 (the harness compares max-scaled vectors)
 *   betweenness_src  the same from the BENCH_BC_SOURCES sources 0, 1, ..., K-1
 *   components     Afforest(g): weakly connected components (directed input; labels compared as a
 *                  partition)
 */
#include <omp.h>

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

#define G(c) (*(Graph *)(c)->g)

static void prep_load_bin(bench_ctx *c) {
    delete (Graph *)c->g;
    c->g = NULL;
}

static int a_load_bin(bench_ctx *c, bench_out *o) {
    uint64_t rss0 = bench_rss();
    double t0 = bench_now();
    bench_edges e;
    if (bench_read_bin(c->bin, &e, o->err, sizeof o->err)) return -1;
    if (e.n >= (uint64_t)std::numeric_limits<NodeID>::max()) {
        bench_free_edges(&e);
        return bench_fail(o, "GAPBS NodeID is 32-bit signed: n = %llu too large", (unsigned long long)e.n), -1;
    }
    c->n = e.n;
    c->m = e.m;
    double t1 = bench_now();
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
        Graph g0 = b.MakeGraphFromEL(el);
        el.clear();
        g = new Graph(b.SquishGraph(g0));
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
    pvector<gap_pr::ScoreT> s = gap_pr::PageRankPullGS(G(c), 1000, 1e-10, getenv("BENCH_GAPBS_LOG") != NULL);
    double t0 = bench_now();
    double *x = scores(o, c->n), sum = 0;
    for (size_t i = 0; i < c->n; i++) sum += (double)s[i];
    for (size_t i = 0; i < c->n; i++) x[i] = (double)s[i] / sum;
    o->untimed = bench_now() - t0;
    bench_extra(o, "\"float32\":1,\"sum_before_scaling\":%.9g,\"threads\":%d", sum, omp_get_max_threads());
    return 0;
}

static int bc(bench_ctx *c, bench_out *o, NodeID k) {
    SourcePicker<Graph> sp(G(c));
    pvector<gap_bc::ScoreT> s = gap_bc::Brandes(G(c), sp, k, false);
    double *x = scores(o, c->n);
    for (size_t i = 0; i < c->n; i++) x[i] = (double)s[i];
    bench_extra(o, "\"sources\":%lld,\"scaled_to_max_1\":1,\"float32\":1", (long long)k);
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
