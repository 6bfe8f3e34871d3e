#!/usr/bin/python3
"""Reference values for the bypass family (dominators, articulation points, bridges), written to
tests/ref/ref_structure.h.

Run with the system interpreter, which has the peers:

    /usr/bin/python3 tests/ref/make_refs_structure.py

Deterministic (no randomness). It exits non-zero when a cross-check fails:

  * dominators: NetworkX's immediate_dominators(G, s) and igraph's Graph.dominator(s, mode="out")
    give the same tree (igraph: -1 for the root, nan for unreachable actors), and the tree agrees
    with the definition checked by brute force here (d dominates v iff v is unreachable from s
    once d is removed);
  * articulation points: NetworkX (articulation_points on the simple undirected graph, self-loops
    removed), igraph (Graph.articulation_points()) and brute force (removing the actor adds a
    component) agree;
  * bridges: NetworkX (bridges on the undirected MultiGraph of the edge records, self-loops
    removed: networkx 2.8 skips a pair with more than one edge, `len(G[u][v]) > 1`), igraph
    (Graph.bridges() on the undirected multigraph) and brute force (removing every record of the
    pair adds a component, and the pair has one record) agree.

Every table is preceded by a comment with the exact peer call. Names are actor names; the test
looks indices up by name. Hand-made cases carry their actors (in index order) and edge records,
so the test builds exactly the network the peers saw.
"""
import csv
import math
import os
import sys

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

OUT = "ref_structure.h"


# The C-literal helpers, as in make_refs.py (copied: importing it needs mpmath).
def c_string(s):
    out = ['"']
    for b in s.encode("utf-8"):
        ch = chr(b)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= b < 127 and ch != "?":  # '?' avoided: trigraphs
            out.append(ch)
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def c_comment(text):
    assert "*/" not in text
    return text.encode("ascii", "backslashreplace").decode("ascii")

FAILS = []


class Net:
    def __init__(self, key, actors, edges):
        self.key = key
        self.actors = actors
        self.edges = edges  # (source, target)
        self.index = {a: i for i, a in enumerate(actors)}


def load(key, edges_rel, actors_rel=None):
    """A CSV data set in libleverage's order: actors file first, then first appearance."""
    actors = []
    if actors_rel:
        with open(os.path.join(ROOT, actors_rel), encoding="utf-8", newline="") as f:
            actors = [r["name"] for r in csv.DictReader(f)]
    seen, edges = set(actors), []
    with open(os.path.join(ROOT, edges_rel), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for a in (r["source"], r["target"]):
                if a not in seen:
                    seen.add(a)
                    actors.append(a)
            edges.append((r["source"], r["target"]))
    return Net(key, actors, edges)


def hand(key, actors, edges):
    return Net(key, actors, edges)


DATA = [
    load("karate", "tests/data/karate_edges.csv"),
    load("florentine", "examples/data/florentine_edges.csv", "examples/data/florentine_actors.csv"),
    load("lesmis", "tests/data/lesmis_edges.csv"),
    load("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv"),
    load("dangling", "tests/data/directed_dangling.csv"),
]
HAND = [
    hand("path", ["a", "b", "c", "d", "e"], [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]),
    hand("star", ["hub", "x", "y", "z", "w"], [("hub", "x"), ("hub", "y"), ("z", "hub"), ("hub", "w")]),
    # two triangles joined by the bridge c - d; the second triangle runs against the first's flow
    hand("triangles", ["a", "b", "c", "d", "e", "f"],
         [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d"), ("a", "c")]),
    # parallel edges: a->b twice, b->c and c->b, c->d once; d->e and e->d
    hand("parallel", ["a", "b", "c", "d", "e"],
         [("a", "b"), ("a", "b"), ("b", "c"), ("c", "b"), ("c", "d"), ("d", "e"), ("e", "d")]),
    # self-loops everywhere on a path, and a self-loop alone on an isolated actor
    hand("loops", ["a", "b", "c", "lonely"],
         [("a", "a"), ("a", "b"), ("b", "b"), ("b", "c"), ("c", "c"), ("lonely", "lonely")]),
    # unreachable actors: x -> a feeds in, {u, v} is apart; diamond a -> {b, c} -> d -> e
    hand("unreachable", ["a", "b", "c", "d", "e", "x", "u", "v"],
         [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("x", "a"), ("u", "v")]),
    # the docs' worked example (docs/bypass.md)
    hand("example", ["s", "a", "b", "c", "d", "e", "f"],
         [("s", "a"), ("s", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "c"), ("d", "f")]),
    hand("single", ["only"], []),
    hand("empty", [], []),
]

LINES = []
NOTES = []


def nx_directed(net, undirected):
    G = nx.MultiDiGraph()
    G.add_nodes_from(net.actors)
    for s, t in net.edges:
        G.add_edge(s, t)
        if undirected:
            G.add_edge(t, s)
    return G


def ig_graph(net, directed, undirected=False):
    g = igraph.Graph(n=len(net.actors), directed=directed)
    pairs = [(net.index[s], net.index[t]) for s, t in net.edges]
    if undirected:
        pairs += [(b, a) for a, b in pairs]
    g.add_edges(pairs)
    return g


def reach(net, s, removed, undirected):
    adj = {a: [] for a in net.actors}
    for a, b in net.edges:
        adj[a].append(b)
        if undirected:
            adj[b].append(a)
    seen, stack = {s}, [s]
    while stack:
        v = stack.pop()
        for u in adj[v]:
            if u != removed and u not in seen:
                seen.add(u)
                stack.append(u)
    return seen


def dominators(net, s, undirected):
    G = nx_directed(net, undirected)
    d = nx.immediate_dominators(G, s)
    # igraph
    g = ig_graph(net, True, undirected)
    ig = g.dominator(net.index[s], mode="out")
    for i, a in enumerate(net.actors):
        x = ig[i]
        if a == s:
            ok = x == -1
        elif isinstance(x, float) and math.isnan(x):
            ok = a not in d
        else:
            ok = d.get(a) == net.actors[int(x)]
        if not ok:
            FAILS.append(f"dominators {net.key} from {s}: igraph disagrees at {a}")
    # brute force: dom(v) = {d : v not reachable from s without d} (plus v, s)
    R = reach(net, s, None, undirected)
    doms = {v: {s, v} for v in R}
    for x in R:
        if x == s:
            continue
        r = reach(net, s, x, undirected)
        for v in R:
            if v != x and v not in r:
                doms[v].add(x)
    for v in R:
        if v == s:
            if d[v] != s:
                FAILS.append(f"dominators {net.key}: idom[source] != source")
            continue
        # idom = the strict dominator dominated by every other strict dominator: the one with most dominators
        strict = doms[v] - {v}
        best = max(strict, key=lambda x: len(doms[x]))
        if d[v] != best:
            FAILS.append(f"dominators {net.key} from {s}: brute force idom({v}) = {best}, networkx {d[v]}")
    if set(d) != R:
        FAILS.append(f"dominators {net.key} from {s}: networkx reach differs")
    return d


def simple_undirected(net):
    G = nx.Graph()
    G.add_nodes_from(net.actors)
    G.add_edges_from((s, t) for s, t in net.edges if s != t)
    return G


def components(net, removed_actor=None, removed_pair=None):
    G = nx.MultiGraph()
    G.add_nodes_from(a for a in net.actors if a != removed_actor)
    for s, t in net.edges:
        if s == t or removed_actor in (s, t) or (removed_pair and {s, t} == set(removed_pair)):
            continue
        G.add_edge(s, t)
    return nx.number_connected_components(G)


def articulation(net):
    ap = set(nx.articulation_points(simple_undirected(net)))
    g = ig_graph(net, False)
    g.simplify()
    ig = {net.actors[i] for i in g.articulation_points()} if net.actors else set()
    base = components(net)
    bf = {a for a in net.actors if components(net, removed_actor=a) > base}
    if ap != ig or ap != bf:
        FAILS.append(f"articulation {net.key}: networkx {sorted(ap)} igraph {sorted(ig)} brute {sorted(bf)}")
    return ap


def bridges(net):
    M = nx.MultiGraph()
    M.add_nodes_from(net.actors)
    M.add_edges_from((s, t) for s, t in net.edges if s != t)
    br = {tuple(sorted((net.index[u], net.index[v]))) for u, v in nx.bridges(M)}
    g = ig_graph(net, False)
    ig = set()
    if net.actors:
        for e in g.bridges():
            a, b = g.es[e].tuple
            if a != b:
                ig.add(tuple(sorted((a, b))))
    base = components(net)
    bf = set()
    pairs = {}
    for s, t in net.edges:
        if s != t:
            k = tuple(sorted((net.index[s], net.index[t])))
            pairs[k] = pairs.get(k, 0) + 1
    for (a, b), cnt in pairs.items():
        if cnt == 1 and components(net, removed_pair=(net.actors[a], net.actors[b])) > base:
            bf.add((a, b))
    if br != ig or br != bf:
        FAILS.append(f"bridges {net.key}: networkx {sorted(br)} igraph {sorted(ig)} brute {sorted(bf)}")
    return sorted(br)


def sources_of(net):
    if not net.actors:
        return []
    n = len(net.actors)
    if n <= 40:
        return list(range(n))
    return sorted({0, 1, 2, n // 2, n - 1})


def emit_net(net, hand_made):
    k = net.key
    if hand_made:
        LINES.append(f"/* hand-made network {k}: actors in index order, then edge records (source, target) */")
        LINES.append(f"static const char *const ref_structure_{k}_actors[] = {{" +
                     "".join(c_string(a) + ", " for a in net.actors) + "NULL};")
        LINES.append(f"static const char *const ref_structure_{k}_edges[] = {{" +
                     "".join(c_string(s) + ", " + c_string(t) + ", " for s, t in net.edges) + "NULL};")
        LINES.append("")
    # dominators
    doms = []
    for mode in (0, 1):
        for si in sources_of(net):
            s = net.actors[si]
            d = dominators(net, s, mode == 1)
            for a in net.actors:
                doms.append((mode, s, a, d.get(a)))
    LINES.append("/* " + c_comment(
        f"nx.immediate_dominators(G, source) for {k}; undirected 0: G = nx.MultiDiGraph of the edge records; "
        "undirected 1: the same with every record also reversed. Rows: undirected, source, actor, "
        "idom (NULL: not reachable, omitted by networkx)") + " */")
    LINES.append(f"static const ref_idom ref_structure_{k}_idom[] = {{")
    for mode, s, a, x in doms:
        LINES.append(f"    {{{mode}, {c_string(s)}, {c_string(a)}, {c_string(x) if x is not None else 'NULL'}}},")
    LINES.append("    {0, NULL, NULL, NULL}};")
    LINES.append(f"#define REF_STRUCTURE_{k.upper()}_IDOM_LEN {len(doms)}")
    LINES.append("")
    ap = articulation(net)
    LINES.append("/* " + c_comment(
        f"sorted(nx.articulation_points(G)) for {k}; G = nx.Graph of the edge records, self-loops "
        "removed") + " */")
    LINES.append(f"static const char *const ref_structure_{k}_ap[] = {{" +
                 "".join(c_string(a) + ", " for a in net.actors if a in ap) + "NULL};")
    LINES.append("")
    br = bridges(net)
    LINES.append("/* " + c_comment(
        f"nx.bridges(M) for {k}; M = nx.MultiGraph of the edge records, self-loops removed; as index "
        "pairs a < b, sorted; names given") + " */")
    LINES.append(f"static const char *const ref_structure_{k}_bridges[] = {{" +
                 "".join(c_string(net.actors[a]) + ", " + c_string(net.actors[b]) + ", " for a, b in br) +
                 "NULL};")
    LINES.append("")
    NOTES.append(f"{k}: {len(net.actors)} actors, {len(doms)} dominator rows, {len(ap)} articulation points, "
                 f"{len(br)} bridges")


def main():
    for net in DATA:
        emit_net(net, False)
    for net in HAND:
        emit_net(net, True)
    head = [
        "/* Generated by tests/ref/make_refs_structure.py -- do not edit; regenerate with",
        " *     /usr/bin/python3 tests/ref/make_refs_structure.py",
        " * Bypass: dominators, articulation points, bridges.",
        f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, "
        f"Python {sys.version.split()[0]}; cross-checked by brute force.",
        " * Names are actor names; look indices up by name. */",
        "#ifndef LEV_TEST_REF_STRUCTURE_H",
        "#define LEV_TEST_REF_STRUCTURE_H",
        "",
        "#include <stddef.h>",
        "",
        "/* One dominator row: mode (LEV_P_UNDIRECTED), source, actor, its immediate dominator. */",
        "typedef struct { int undirected; const char *source, *actor, *idom; } ref_idom;",
        "",
        "#if defined(__GNUC__) || defined(__clang__)",
        "#pragma GCC diagnostic push",
        '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
        '#pragma GCC diagnostic ignored "-Wunused-variable"',
        "#endif",
        "",
    ]
    tail = ["#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
            "#endif /* LEV_TEST_REF_STRUCTURE_H */", ""]
    with open(os.path.join(HERE, OUT), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(head + LINES + tail))
    for line in NOTES:
        print(line)
    if FAILS:
        for x in FAILS:
            print("FAIL:", x, file=sys.stderr)
        sys.exit(1)
    print(f"wrote {OUT}; all cross-checks agree")


if __name__ == "__main__":
    main()
