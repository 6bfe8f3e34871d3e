#!/usr/bin/python3
"""Reference values for the options of libleverage's shortest-path family: LEV_P_CUTOFF
(python-igraph's `cutoff` for betweenness and edge betweenness; for closeness and harmonic,
NetworkX's cut-off searches, cross-checked with igraph's distances, because python-igraph
0.10.2's closeness(cutoff=) and harmonic_centrality(cutoff=) return 1.0 / 0 for every actor), LEV_P_ENDPOINTS (NetworkX's `endpoints=True`) and
lev_betweenness_subset() (NetworkX's `betweenness_centrality_subset`).

Run with the system interpreter (which has the peers):

    /usr/bin/python3 tests/ref/make_refs_paths_opts.py

It writes tests/ref/ref_paths_opts.h, deterministically, and exits non-zero if a check fails.
The data sets and their peer graphs come from make_refs_paths.py (same conventions: actors in
libleverage index order, parallel edges folded to the strongest, distances hops or 1/strength).
Every array is preceded by the exact expression that produced it (evaluated from that string).

Checks made here (not written as arrays): igraph and NetworkX agree with each other where both
compute a quantity (cutoff None = plain betweenness; subset with every actor as source and
target = plain betweenness); the endpoint arrays equal the plain ones plus the closed form
(pairs the actor starts or ends); a cutoff at least the diameter changes nothing.
"""
import math
import os
import sys

import igraph
import networkx as nx

import make_refs_paths as base
from make_refs_paths import TOL, by_actor, c_comment, c_string, emit, diff, LINES, ARRAYS, NOTES, FAILS

HERE = os.path.dirname(os.path.abspath(__file__))


def sets():
    by_key = {ds.key: ds for ds in base.datasets()}
    return [by_key[k] for k in ("karate", "karate_w", "lesmis", "coleman", "dangling")]


def ig_edges(ds, g, vals):
    """igraph's per-edge values of the folded graph, on libleverage's representative edges."""
    m = {g.es[k]["lev_edge"]: x for k, x in enumerate(vals)}
    return [float(m.get(e, 0.0)) for e in range(len(ds.edges))]


def within(d, c):
    # igraph and libleverage both take a path of length d within cutoff c up to 1e-10 relative
    return d <= c or abs(d - c) <= 1e-10 * (d + c)


# Cutoffs: hops 2 and 3 (karate, coleman, lesmis hops); lengths (1/strength) chosen between path
# lengths of the set, printed in each array's comment.
CUTS = {
    ("karate", "h"): (2.0, 3.0),
    ("coleman", "h"): (2.0, 3.0),
    ("lesmis", "h"): (2.0,),
    ("karate_w", "w"): (0.6, 1.2),
    ("lesmis", "w"): (0.75,),
    ("dangling", "w"): (1.5,),
    ("dangling", "h"): (1.0,),
}

# Subsets, by actor name (libleverage takes indices: the test looks the names up).
SUBSETS = {
    "karate": (["1", "34", "3", "17"], ["33", "12", "25", "10", "1"]),
    "coleman": None,  # filled in main from the data (first 6 actors -> last 8)
    "lesmis": (["Valjean", "Myriel", "Gavroche"], ["Javert", "Cosette", "Napoleon", "Child1"]),
}


IGRAPH_BROKEN = []  # (set, |harmonic(cutoff) - reference|max, actors whose closeness(cutoff) is 1 or NaN, n)


def emit_names(name, names):
    ARRAYS.append(name)
    LINES.append(f"static const char *const {name}[] = {{" + ", ".join(c_string(a) for a in names) + "};")
    LINES.append(f"#define {name.upper()}_LEN {len(names)}")
    LINES.append("")


def fail_unless(label, d):
    NOTES.append(f"{label}: max |difference| = {d:.3g}")
    if d > TOL:
        FAILS.append(NOTES[-1])


def emit_cutoff(ds, X):
    g = ds.igraph_folded()
    env = {"g": g, "math": math, "within": within}
    d_ig = '"dist"' if X == "w" else "None"
    kind = "1/strength" if X == "w" else "hops"
    n = ds.n
    pre = f"ref_{ds.key}"
    plain = by_actor(ds, g.betweenness(directed=ds.directed, weights=None if X == "h" else "dist"))
    D = g.distances(mode="out", weights=None if X == "h" else "dist")
    diam = max(x for row in D for x in row if x != math.inf)
    big = by_actor(ds, g.betweenness(directed=ds.directed, weights=None if X == "h" else "dist",
                                     cutoff=diam * 1.5 + 1))
    fail_unless(f"{pre} {X}: igraph betweenness with a cutoff above the diameter vs without", diff(big, plain, ds))
    for c in CUTS[(ds.key, X)]:
        tag = f"{X}_cut{('%g' % c).replace('.', 'p')}"
        note = f"[{base.IG_GRAPH}; distances {kind}; cutoff {c!r}]"
        expr = f"g.betweenness(directed={ds.directed}, weights={d_ig}, cutoff={c!r})"
        emit(f"{pre}_betweenness_{tag}_igraph", f"{expr}  {note}", ds, by_actor(ds, eval(expr, env)))
        expr = f"g.edge_betweenness(directed={ds.directed}, weights={d_ig}, cutoff={c!r})"
        emit(f"{pre}_edge_betweenness_{tag}_igraph",
             f"{expr}  {note}; igraph edge k is libleverage edge g.es[k]['lev_edge'], 0 on the other parallel "
             f"edges and self-loops", ds, ig_edges(ds, g, eval(expr, env)))
        # closeness and harmonic: python-igraph 0.10.2's closeness(cutoff=) and
        # harmonic_centrality(cutoff=) are broken (1.0 / 0 for every actor, checked below), so
        # these come from NetworkX's cut-off searches, cross-checked with igraph's distances.
        G = ds.nx_graph()
        env.update(nx=nx, G=G)
        sp = (f"nx.single_source_dijkstra_path_length(G, a, cutoff={c!r}, weight='dist')" if X == "w" else
              f"nx.single_source_shortest_path_length(G, a, cutoff={c!r})")
        D = {a: {b: d for b, d in eval(sp, dict(env, a=a)).items() if b != a} for a in ds.actors}
        Dig = {a: {ds.actors[u]: d for u, d in enumerate(g.distances(source=i, mode="out", weights=None if X == "h"
                                                                     else "dist")[0])
                   if u != i and d != math.inf and within(d, c)} for i, a in enumerate(ds.actors)}
        agree = all(set(D[a]) == set(Dig[a]) and all(abs(D[a][b] - Dig[a][b]) <= 1e-12 for b in D[a])
                    for a in ds.actors)
        NOTES.append(f"{pre} {tag}: NetworkX's cut-off distances equal igraph's distances <= cutoff: {agree}")
        if not agree:
            FAILS.append(NOTES[-1])
        clo = {a: (len(D[a]) / sum(D[a].values())) * (len(D[a]) / (n - 1)) if D[a] else 0.0 for a in ds.actors}
        har = {a: sum(1.0 / d for d in D[a].values()) for a in ds.actors}
        emit(f"{pre}_closeness_{tag}_nx", f"for each actor a, D = {sp} without a itself; closeness = "
             f"(len(D)/sum(D.values())) * (len(D)/(n-1)), 0 if D is empty  [{base.NX_GRAPH}; distances {kind}; "
             f"G's edges followed forwards (distances from a)]", ds, clo)
        emit(f"{pre}_harmonic_{tag}_nx", f"for each actor a, D as above; harmonic = sum(1/d for d in "
             f"D.values())  [{base.NX_GRAPH}; distances {kind}]", ds, har)
        ig_h = by_actor(ds, g.harmonic_centrality(mode="out", weights=None if X == "h" else "dist",
                                                  normalized=False, cutoff=c))
        ig_c = by_actor(ds, g.closeness(mode="out", weights=None if X == "h" else "dist", normalized=True,
                                        cutoff=c))
        IGRAPH_BROKEN.append((f"{pre} {tag}", diff(ig_h, har, ds),
                              sum(1 for a in ds.actors if math.isnan(ig_c[a]) or ig_c[a] == 1.0), n))


def emit_endpoints(ds, X):
    G = ds.nx_graph()
    env = {"nx": nx, "G": G}
    d_nx = '"dist"' if X == "w" else "None"
    kind = "1/strength" if X == "w" else "hops"
    pre = f"ref_{ds.key}"
    reach_out = {a: len(nx.descendants(G, a)) if ds.directed else len(nx.node_connected_component(G, a)) - 1
                 for a in ds.actors}
    reach_in = {a: len(nx.ancestors(G, a)) if ds.directed else reach_out[a] for a in ds.actors}
    plain = nx.betweenness_centrality(G, weight=None if X == "h" else "dist", normalized=False)
    for norm in (False, True):
        expr = f"nx.betweenness_centrality(G, weight={d_nx}, normalized={norm}, endpoints=True)"
        val = {a: float(x) for a, x in eval(expr, env).items()}
        half = 1.0 if ds.directed else 0.5
        scale = 1.0 / (ds.n * (ds.n - 1)) if norm else half
        closed = {a: (plain[a] / half + reach_out[a] + reach_in[a]) * scale for a in ds.actors}
        fail_unless(f"{pre} {X} endpoints normalized={norm}: NetworkX vs plain + pairs the actor ends",
                    diff(val, closed, ds))
        emit(f"{pre}_betweenness_endpoints{'_norm' if norm else ''}_{X}_nx",
             f"{expr}  [{base.NX_GRAPH}; distances {kind}]", ds, val)


def emit_subset(ds, X, srcs, tgts):
    G = ds.nx_graph()
    env = {"nx": nx, "G": G, "S": srcs, "T": tgts}
    d_nx = '"dist"' if X == "w" else "None"
    kind = "1/strength" if X == "w" else "hops"
    pre = f"ref_{ds.key}"
    every = nx.betweenness_centrality_subset(G, list(G), list(G), weight=None if X == "h" else "dist")
    plain = nx.betweenness_centrality(G, weight=None if X == "h" else "dist", normalized=False)
    fail_unless(f"{pre} {X}: NetworkX subset with every actor vs plain betweenness",
                diff({a: every[a] for a in ds.actors}, plain, ds))
    for norm in (False, True):
        for tname, tv in (("", "T"), ("_alltargets", "list(G)")):
            expr = f"nx.betweenness_centrality_subset(G, S, {tv}, normalized={norm}, weight={d_nx})"
            val = {a: float(x) for a, x in eval(expr, env).items()}
            emit(f"{pre}_subset{tname}{'_norm' if norm else ''}_{X}_nx",
                 f"{expr}  [{base.NX_GRAPH}; S = {pre}_subset_sources, T = {pre}_subset_targets; distances "
                 f"{kind}]", ds, val)


def main():
    ds_list = sets()
    by_key = {ds.key: ds for ds in ds_list}
    col = by_key["coleman"]
    SUBSETS["coleman"] = (col.actors[:6], col.actors[-8:])
    for ds in ds_list:
        LINES.append(f"/* ---- {c_comment(ds.key)}: {c_comment(ds.title)} ---- */")
        LINES.append("")
        for X in ("h", "w"):
            if (ds.key, X) in CUTS:
                emit_cutoff(ds, X)
        if ds.key in ("karate", "coleman", "lesmis"):
            for X in (("h", "w") if ds.key == "lesmis" else ("h",)):
                emit_endpoints(ds, X)
        if ds.key in SUBSETS:
            srcs, tgts = SUBSETS[ds.key]
            emit_names(f"ref_{ds.key}_subset_sources", srcs)
            emit_names(f"ref_{ds.key}_subset_targets", tgts)
            for X in (("h", "w") if ds.key == "lesmis" else ("h",)):
                emit_subset(ds, X, srcs, tgts)

    for key, dh, bad, n in IGRAPH_BROKEN:
        NOTES.append(f"python-igraph {igraph.__version__} with a cutoff, {key}: harmonic_centrality off by {dh:.3g}, "
                     f"closeness 1.0 or NaN for {bad} of {n} actors (not used)")
    if not any(dh > 0.1 for _, dh, _, _ in IGRAPH_BROKEN):
        FAILS.append("python-igraph's harmonic_centrality(cutoff=) was expected to be broken: use it instead")
    head = [
        "/* Generated by tests/ref/make_refs_paths_opts.py -- do not edit; regenerate with",
        " *     /usr/bin/python3 tests/ref/make_refs_paths_opts.py",
        f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, Python {sys.version.split()[0]}.",
        " * Options of the shortest-path family: LEV_P_CUTOFF (igraph's cutoff), LEV_P_ENDPOINTS",
        " * (NetworkX's endpoints=True), lev_betweenness_subset() (NetworkX's betweenness_centrality_subset).",
        " * Array names: ref_<set>_<measure>_<h|w>[_cut<c>]_<peer>; h = hops, w = distances 1/strength;",
        " * data sets as in ref_paths.h (REF_<SET>_N, ...). Checks made by the generator:",
    ] + [" *   " + c_comment(x) for x in NOTES] + [
        " */",
        "#ifndef LEV_TEST_REF_PATHS_OPTS_H",
        "#define LEV_TEST_REF_PATHS_OPTS_H",
        "",
        '#include "ref_paths.h"',
        "",
        "#if defined(__GNUC__) || defined(__clang__)",
        "#pragma GCC diagnostic push",
        '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
        "#endif",
        "",
    ]
    tail = ["#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
            "#endif /* LEV_TEST_REF_PATHS_OPTS_H */", ""]
    with open(os.path.join(HERE, "ref_paths_opts.h"), "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(head + LINES + tail))
    print(f"wrote ref_paths_opts.h: {len(ARRAYS)} arrays")
    if FAILS:
        print("FAILED CHECKS:\n  " + "\n  ".join(FAILS), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
