/*
 * bench/drv_networkit.cpp — the NetworKit (C++ core) driver of the benchmark harness (see
 * common.h for the protocol). Optional: bench/run builds it only when given the NetworKit source
 * tree (`--networkit PATH` or NETWORKIT_DIR), compiling the part of NetworKit's C++ core this
 * driver needs (bench/nk_sources.txt) out of tree into bench/out/peers/, or linking a prebuilt
 * copy of that part (`--networkit-build DIR`, a directory with lib/libnetworkit-subset.a).
 *
 * The graph (load_bin) is a NetworKit Graph, directed and weighted, built with addEdge in file
 * order (n vertices, isolated ones included). The views some rows need (unweighted, transposed,
 * undirected) are derived from it before the row, untimed, and kept for the next rows; each row
 * times only the algorithm's run(). NetworKit's own timers are not used.
 *
 * Rows (see bench/run for what each is checked against):
 *   load_bin       read the binary file + Graph(n, weighted, directed) + addEdge per edge
 *   pagerank       PageRank(weighted digraph, 0.85, tol 1e-10, DISTRIBUTE_SINKS), L1 norm,
 *                  at most 1000 iterations
 *   pagerank_unw   the same on the unweighted digraph
 *   betweenness    Betweenness(unweighted digraph, not normalized): exact, hops
 *   closeness      Closeness(transposed unweighted digraph, normalized, GENERALIZED): incoming
 *                  hops, Wasserman–Faust form r²/(S(n−1))
 *   harmonic       HarmonicCloseness(transposed unweighted digraph, not normalized)
 *   kcore          CoreDecomposition of the undirected multigraph (one undirected edge per
 *                  directed edge, so a vertex's degree is its in + out degree)
 *   louvain        PLM(undirected simple graph, reciprocal strengths added; refine false,
 *                  gamma 1); modularity by NetworKit's Modularity on that graph
 *   components     WeaklyConnectedComponents(the digraph): labels compared as a partition
 *   betweenness_eps  KadabraBetweenness(undirected simple unweighted graph, ε = 0.01, δ = 0.1),
 *                  scores times n/(2(n−2)): NetworKit's are twice the share of sampled pairs on
 *                  an undirected graph (KadabraBetweenness.cpp: `approxSum[i] *= 2.`), and
 *                  libleverage's are on the normalized scale, the ordered sum over (n−1)(n−2)
 */
#include <networkit/Globals.hpp>
#include <networkit/auxiliary/Log.hpp>
#include <networkit/auxiliary/Random.hpp>
#include <networkit/centrality/Betweenness.hpp>
#include <networkit/centrality/Closeness.hpp>
#include <networkit/centrality/CoreDecomposition.hpp>
#include <networkit/centrality/HarmonicCloseness.hpp>
#include <networkit/centrality/KadabraBetweenness.hpp>
#include <networkit/centrality/PageRank.hpp>
#include <networkit/community/Modularity.hpp>
#include <networkit/community/PLM.hpp>
#include <networkit/components/WeaklyConnectedComponents.hpp>
#include <networkit/graph/Graph.hpp>
#include <networkit/graph/GraphTools.hpp>

#include <omp.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <tuple>
#include <vector>

#undef _GNU_SOURCE
#include "common.h"

using NetworKit::Graph;
using NetworKit::node;

/* ε and δ of the betweenness_eps row: libleverage's defaults (LEV_P_EPSILON, LEV_P_DELTA). */
#define BENCH_EPS 0.01
#define BENCH_DELTA 0.1

struct nk_aux {
    std::unique_ptr<Graph> unw;        /* directed, unweighted */
    std::unique_ptr<Graph> tr_unw;     /* its transpose */
    std::unique_ptr<Graph> und_multi;  /* undirected, one edge per directed edge, unweighted */
    std::unique_ptr<Graph> und_w;      /* undirected simple, reciprocal strengths added */
    std::unique_ptr<Graph> und_simple; /* undirected simple, unweighted */
};

#define G(c) (*(Graph *)(c)->g)
#define AUX(c) ((nk_aux *)(c)->aux)

static double *scores(bench_out *o, size_t n) {
    o->scores = (double *)calloc(n ? n : 1, sizeof(double));
    o->nscores = n;
    return o->scores;
}

/* Run a NetworKit call; an exception becomes the row's error. */
#define NKC(o, body)                                                                                 \
    try {                                                                                            \
        body;                                                                                        \
    } catch (const std::exception &ex_) {                                                            \
        bench_fail(o, "%s", ex_.what());                                                             \
        return -1;                                                                                   \
    }

/* ---- loading and views --------------------------------------------------------------------------- */

static void prep_load_bin(bench_ctx *c) {
    delete (Graph *)c->g;
    c->g = NULL;
    *AUX(c) = nk_aux();
}

static int a_load_bin(bench_ctx *c, bench_out *o) {
    uint64_t rss0;
    double t0, t1;
    bench_edges e;
    if (bench_load_begin(c, o, &e, &rss0, &t0, &t1)) return -1;
    Graph *g = NULL;
    NKC(o, {
        g = new Graph((NetworKit::count)e.n, true, true);
        for (uint64_t k = 0; k < e.m; k++) g->addEdge((node)e.src[k], (node)e.dst[k], (double)e.w[k]);
    });
    bench_free_edges(&e);
    double t2 = bench_now();
    uint64_t rss1 = bench_rss();
    c->g = g;
    static double d;
    if (c->run == 0) d = (double)rss1 - (double)rss0;
    bench_extra(o, "\"t_read\":%.6f,\"t_create\":%.6f,\"rss_delta\":%.0f,\"bytes_per_edge\":%.3f", t1 - t0, t2 - t1,
                d, d / (double)c->m);
    return 0;
}

static void need_unw(bench_ctx *c) {
    if (!AUX(c)->unw) AUX(c)->unw.reset(new Graph(NetworKit::GraphTools::toUnweighted(G(c))));
}
static void need_tr_unw(bench_ctx *c) {
    need_unw(c);
    if (!AUX(c)->tr_unw) AUX(c)->tr_unw.reset(new Graph(NetworKit::GraphTools::transpose(*AUX(c)->unw)));
}
static void need_und_multi(bench_ctx *c) {
    if (AUX(c)->und_multi) return;
    Graph *u = new Graph(G(c).numberOfNodes(), false, false);
    G(c).forEdges([&](node a, node b) { u->addEdge(a, b); });
    AUX(c)->und_multi.reset(u);
}
static void need_und_w(bench_ctx *c) {
    if (AUX(c)->und_w) return;
    std::vector<std::tuple<node, node, double>> el;
    el.reserve(G(c).numberOfEdges());
    G(c).forEdges([&](node a, node b, double w) { el.emplace_back(std::min(a, b), std::max(a, b), w); });
    std::sort(el.begin(), el.end());
    Graph *u = new Graph(G(c).numberOfNodes(), true, false);
    for (size_t i = 0; i < el.size();) {
        size_t j = i;
        double w = 0;
        for (; j < el.size() && std::get<0>(el[j]) == std::get<0>(el[i]) && std::get<1>(el[j]) == std::get<1>(el[i]); j++)
            w += std::get<2>(el[j]);
        u->addEdge(std::get<0>(el[i]), std::get<1>(el[i]), w);
        i = j;
    }
    AUX(c)->und_w.reset(u);
}
static void need_und_simple(bench_ctx *c) {
    need_und_w(c);
    if (!AUX(c)->und_simple) AUX(c)->und_simple.reset(new Graph(NetworKit::GraphTools::toUnweighted(*AUX(c)->und_w)));
}

static void copy_scores(bench_out *o, size_t n, const std::vector<double> &v, double scale = 1.0) {
    double *s = scores(o, n);
    for (size_t i = 0; i < n && i < v.size(); i++) s[i] = v[i] * scale;
}

/* ---- rows ---------------------------------------------------------------------------------------- */

static int pagerank(bench_ctx *c, bench_out *o, const Graph &g) {
    NKC(o, {
        NetworKit::PageRank pr(g, 0.85, 1e-10, false, NetworKit::PageRank::SinkHandling::DISTRIBUTE_SINKS);
        pr.norm = NetworKit::PageRank::Norm::L1_NORM;
        pr.maxIterations = 1000;
        pr.run();
        copy_scores(o, c->n, pr.scores());
        bench_extra(o, "\"iters\":%llu,\"threads\":%d", (unsigned long long)pr.numberOfIterations(),
                    omp_get_max_threads());
    });
    return 0;
}

static int a_pagerank(bench_ctx *c, bench_out *o) { return pagerank(c, o, G(c)); }
static void prep_unw(bench_ctx *c) { need_unw(c); }
static int a_pagerank_unw(bench_ctx *c, bench_out *o) { return pagerank(c, o, *AUX(c)->unw); }

static int a_betweenness(bench_ctx *c, bench_out *o) {
    NKC(o, {
        NetworKit::Betweenness b(*AUX(c)->unw, false);
        b.run();
        copy_scores(o, c->n, b.scores());
    });
    return 0;
}

static void prep_tr_unw(bench_ctx *c) { need_tr_unw(c); }
static int a_closeness(bench_ctx *c, bench_out *o) {
    NKC(o, {
        NetworKit::Closeness cl(*AUX(c)->tr_unw, true, NetworKit::ClosenessVariant::GENERALIZED);
        cl.run();
        copy_scores(o, c->n, cl.scores());
    });
    return 0;
}

static int a_harmonic(bench_ctx *c, bench_out *o) {
    NKC(o, {
        NetworKit::HarmonicCloseness h(*AUX(c)->tr_unw, false);
        h.run();
        copy_scores(o, c->n, h.scores());
    });
    return 0;
}

static void prep_und_multi(bench_ctx *c) { need_und_multi(c); }
static int a_kcore(bench_ctx *c, bench_out *o) {
    NKC(o, {
        NetworKit::CoreDecomposition cd(*AUX(c)->und_multi);
        cd.run();
        copy_scores(o, c->n, cd.scores());
    });
    return 0;
}

static void prep_und_w(bench_ctx *c) { need_und_w(c); }
static int a_louvain(bench_ctx *c, bench_out *o) {
    NKC(o, {
        Aux::Random::setSeed(42, false);
        NetworKit::PLM plm(*AUX(c)->und_w, false, 1.0);
        plm.run();
        const NetworKit::Partition &part = plm.getPartition();
        double t0 = bench_now();
        double q = NetworKit::Modularity().getQuality(part, *AUX(c)->und_w);
        double *s = scores(o, c->n);
        for (size_t i = 0; i < c->n; i++) s[i] = (double)part.subsetOf((node)i);
        o->untimed = bench_now() - t0;
        bench_extra(o, "\"modularity\":%.9f,\"communities\":%llu,\"method\":\"plm\"", q,
                    (unsigned long long)part.numberOfSubsets());
    });
    return 0;
}

static int a_components(bench_ctx *c, bench_out *o) {
    NKC(o, {
        NetworKit::WeaklyConnectedComponents wc(G(c));
        wc.run();
        double t0 = bench_now();
        double *s = scores(o, c->n);
        for (size_t i = 0; i < c->n; i++) s[i] = (double)wc.componentOfNode((node)i);
        o->untimed = bench_now() - t0;
        bench_extra(o, "\"components\":%llu", (unsigned long long)wc.numberOfComponents());
    });
    return 0;
}

static void prep_und_simple(bench_ctx *c) { need_und_simple(c); }
static int a_betweenness_eps(bench_ctx *c, bench_out *o) {
    NKC(o, {
        Aux::Random::setSeed(42, false);
        NetworKit::KadabraBetweenness k(*AUX(c)->und_simple, BENCH_EPS, BENCH_DELTA);
        k.run();
        double n = (double)c->n;
        copy_scores(o, c->n, k.scores(), n > 2 ? n / (2 * (n - 2)) : 0.0);
        bench_extra(o, "\"epsilon\":%g,\"delta\":%g,\"samples\":%llu", BENCH_EPS, BENCH_DELTA,
                    (unsigned long long)k.getNumberOfIterations());
    });
    return 0;
}

static const bench_algo ALGOS[] = {
    {"load_bin", a_load_bin, prep_load_bin},
    {"pagerank", a_pagerank, NULL},
    {"pagerank_unw", a_pagerank_unw, prep_unw},
    {"betweenness", a_betweenness, prep_unw},
    {"closeness", a_closeness, prep_tr_unw},
    {"harmonic", a_harmonic, prep_tr_unw},
    {"kcore", a_kcore, prep_und_multi},
    {"louvain", a_louvain, prep_und_w},
    {"components", a_components, NULL},
    {"betweenness_eps", a_betweenness_eps, prep_und_simple},
};

int main(int argc, char **argv) {
    static nk_aux aux;
    Aux::Log::setLogLevel("ERROR");
    return bench_main(argc, argv, "networkit", ALGOS, sizeof ALGOS / sizeof *ALGOS, &aux);
}
