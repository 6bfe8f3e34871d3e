#!/usr/bin/env python3
"""Write the interchange files of tests/data/interchange/ with the peers themselves.

    /usr/bin/python3 tests/data/interchange/make_interchange.py

(the system interpreter, which has python3-networkx 2.8.8 and python3-igraph 0.10.2). The files
are what NetworkX and python-igraph write, by the calls below, from two classic data sets:

* karate: tests/data/karate_weighted_edges.csv (Zachary's karate club, 78 undirected ties with
  strengths 1..7), as an undirected nx.Graph / igraph.Graph with edge attribute "weight";
* florentine: examples/data/florentine_{edges,actors,resources}.csv (20 directed marriage ties,
  15 families with their faction and wealth) as an nx.MultiDiGraph / directed igraph.Graph with
  edge attributes "weight" and "channel", node attributes "group" and (GraphML only, the one
  format whose keys may hold a colon) "holds:wealth".

tests/test_formats.c loads every file and checks it against the CSV: same actors, same edges and
strengths (as unordered pairs for the undirected karate files), same PageRank within 1e-12.
Deterministic: two runs give the same bytes (igraph's GML "Creator" line names the version only).
"""
import csv
import os

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def rows(path):
    with open(os.path.join(ROOT, path), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def karate():
    return [(r["source"], r["target"], float(r["weight"])) for r in rows("tests/data/karate_weighted_edges.csv")]


def florentine():
    edges = [(r["source"], r["target"], float(r["weight"]), r["channel"])
             for r in rows("examples/data/florentine_edges.csv")]
    groups = {r["name"]: r["group"] for r in rows("examples/data/florentine_actors.csv")}
    wealth = {r["actor"]: float(r["holds"]) for r in rows("examples/data/florentine_resources.csv")
              if r["resource"] == "wealth"}
    return edges, groups, wealth


def out(name):
    return os.path.join(HERE, name)


def networkx_files():
    # karate: nx.Graph, weights as floats.
    G = nx.Graph()
    for s, t, w in karate():
        G.add_edge(s, t, weight=w)
    nx.write_graphml(G, out("karate_networkx.graphml"))
    nx.write_gml(G, out("karate_networkx.gml"))
    nx.write_pajek(G, out("karate_networkx.net"))
    # florentine: nx.MultiDiGraph with channels, groups and (GraphML) wealth.
    edges, groups, wealth = florentine()
    M = nx.MultiDiGraph()
    for name, g in groups.items():
        M.add_node(name, group=g)
    for s, t, w, ch in edges:
        M.add_edge(s, t, weight=w, channel=ch)
    H = M.copy()
    for name, v in wealth.items():
        if v != 0:
            H.nodes[name]["holds:wealth"] = v
    nx.write_graphml(H, out("florentine_networkx.graphml"))
    nx.write_gml(M, out("florentine_networkx.gml"))
    nx.write_pajek(M, out("florentine_networkx.net"))


def igraph_files():
    g = igraph.Graph.TupleList(karate(), directed=False, weights=True)
    g.write_graphml(out("karate_igraph.graphml"))
    g.write_gml(out("karate_igraph.gml"), creator="igraph " + igraph.__version__)
    g.vs["id"] = g.vs["name"]  # igraph's Pajek writer labels vertices by the "id" attribute
    g.write_pajek(out("karate_igraph.net"))
    del g.vs["id"]
    edges, groups, wealth = florentine()
    names = list(groups)
    index = {n: i for i, n in enumerate(names)}
    f = igraph.Graph(n=len(names), edges=[(index[s], index[t]) for s, t, _, _ in edges], directed=True)
    f.vs["name"] = names
    f.vs["group"] = [groups[n] for n in names]
    f.es["weight"] = [w for _, _, w, _ in edges]
    f.es["channel"] = [ch for _, _, _, ch in edges]
    f.write_gml(out("florentine_igraph.gml"), creator="igraph " + igraph.__version__)
    f.vs["id"] = names
    f.write_pajek(out("florentine_igraph.net"))
    del f.vs["id"]
    f.vs["holds:wealth"] = [wealth.get(n, 0.0) for n in names]
    f.write_graphml(out("florentine_igraph.graphml"))


def gzipped():
    """gzip copies (mtime 0, no name: the same bytes every run) for the gzip-input tests."""
    import gzip
    for name in ["karate_networkx.gml", "karate_igraph.net", "florentine_networkx.graphml",
                 os.path.join(ROOT, "examples/data/florentine_edges.csv")]:
        with open(out(name), "rb") as f:
            data = f.read()
        with open(out(os.path.basename(name) + ".gz"), "wb") as f:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as z:
                z.write(data)


if __name__ == "__main__":
    networkx_files()
    igraph_files()
    gzipped()
