#!/usr/bin/python3
"""Reference values for the direction of PageRank and for its dangling vector.

Run with the system interpreter (NetworkX 2.8's pagerank needs scipy: python3-scipy):

    /usr/bin/python3 tests/ref/make_refs_direction.py

It (re)writes tests/ref/ref_direction.h, deterministically (two runs give byte-identical
files), and exits non-zero when NetworkX, igraph (PRPACK) and an independent dense linear solve
(numpy) disagree by more than 1e-9 on any value. Every array is preceded by the exact Python
expression that produced it, and that very string is what the script evaluates.

What it holds, on the directed reference sets (tests/data/directed_dangling.csv,
tests/data/directed_inexact.csv, Coleman's friendships tests/data/coleman_*.csv):
  *_pagerank_out_*   influence exerted: PageRank of the reversed network, G.reverse()
  *_pagerank_in_*    influence received: PageRank of the network as given, G
  *_ppr_ramp_out_*   exerted, personalized by the ramp 1, 2, 3, ... (libleverage index order)
  *_dvec_*           PageRank with a dangling vector: nx.pagerank(G, dangling=...)
  inputs (not results): ref_<set>_ramp, ref_dangling_dvec, ref_dangling_pair
The inexact set also has _f32 arrays: the peers fed the float32-rounded strengths that
libleverage's compact form reads, for a tight comparison.
"""
import csv
import os
import sys

import igraph
import networkx as nx
import numpy as np
import scipy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOL = 1e-9
AGREE, FAILS = [], []


def read_csv(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class DataSet:
    """A directed data set as libleverage reads it: actors in index order (actors file first,
    then first appearance, source before target), one edge per CSV row."""

    def __init__(self, key, edges_rel, actors_rel=None, f32=False):
        self.key, self.edges_rel, self.actors_rel = key, edges_rel, actors_rel
        self.actors = [r["name"] for r in read_csv(actors_rel)] if actors_rel else []
        seen = set(self.actors)
        self.edges = []
        for r in read_csv(edges_rel):
            for a in (r["source"], r["target"]):
                if a not in seen:
                    seen.add(a)
                    self.actors.append(a)
            w = float(r["weight"])
            if f32:
                w = float(np.float32(w))
            self.edges.append((r["source"], r["target"], w))
        self.index = {a: i for i, a in enumerate(self.actors)}
        self.src = edges_rel if not actors_rel else f"{actors_rel} then {edges_rel}"
        self.wdesc = "float(np.float32(weight field))" if f32 else "float(weight field)"

    def nx_graph(self):
        G = nx.MultiDiGraph()
        G.add_nodes_from(self.actors)
        for s, t, w in self.edges:
            G.add_edge(s, t, weight=w)
        return G

    def igraph_graph(self, reverse=False):
        g = igraph.Graph(n=len(self.actors), directed=True)
        g.vs["name"] = self.actors
        g.add_edges([(self.index[t], self.index[s]) if reverse else (self.index[s], self.index[t])
                     for s, t, _ in self.edges])
        g.es["weight"] = [w for _, _, w in self.edges]
        return g

    def describe(self):
        return (f"G = nx.MultiDiGraph built from {self.src}: nodes added in libleverage index order, one "
                f"edge per CSV row with weight={self.wdesc}")

    def describe_ig(self):
        return (f"g = igraph.Graph(n={len(self.actors)}, directed=True) built from {self.src}, vertex i = "
                f"libleverage actor i, one edge per CSV row, weight={self.wdesc}; grev the same with every "
                f"edge reversed (target -> source)")


def exact_pagerank(ds, reverse, d=0.85, pers=None, dang=None):
    """Independent: solve x = d (P^T x + (m . x) g) + (1 - d) q densely (numpy), where P is the
    row-normalized strength matrix of the walk, m marks dangling actors, q the normalized
    personalization and g the normalized dangling vector (q when None)."""
    n = len(ds.actors)
    W = np.zeros((n, n))
    for s, t, w in ds.edges:
        i, j = ds.index[s], ds.index[t]
        if reverse:
            i, j = j, i
        W[i, j] += w
    out = W.sum(axis=1)
    P = np.divide(W, out[:, None], out=np.zeros_like(W), where=out[:, None] > 0)
    q = np.ones(n) if pers is None else np.array([pers[a] for a in ds.actors], dtype=float)
    q = q / q.sum()
    g = q if dang is None else np.array([dang[a] for a in ds.actors], dtype=float)
    g = g / g.sum()
    m = (out == 0).astype(float)
    M = np.eye(n) - d * (P.T + np.outer(g, m))
    x = np.linalg.solve(M, (1 - d) * q)
    return {a: x[i] for i, a in enumerate(ds.actors)}


def c_string(s):
    out = ['"']
    for b in s.encode("utf-8"):
        ch = chr(b)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= b < 127 and ch != "?":
            out.append(ch)
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def c_comment(text):
    assert "*/" not in text
    return text.encode("ascii", "backslashreplace").decode("ascii")


class Header:
    def __init__(self):
        self.lines = []

    def array(self, name, comment, pairs):
        self.lines.append("/* " + c_comment(comment) + " */")
        self.lines.append(f"static const ref_value {name}[] = {{")
        for k, v in pairs:
            self.lines.append(f"    {{{c_string(k)}, {'%.17g' % float(v)}}},")
        self.lines.append("};")
        self.lines.append(f"#define {name.upper()}_LEN {len(pairs)}")
        self.lines.append("")

    def define(self, name, value):
        self.lines.append(f"#define {name} {value}")

    def write(self, path):
        head = [
            "/* Generated by tests/ref/make_refs_direction.py -- do not edit; regenerate with",
            " *     /usr/bin/python3 tests/ref/make_refs_direction.py",
            " * PageRank's direction (influence exerted = PageRank of the reversed network) and dangling vector.",
            f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, "
            f"numpy {np.__version__}, scipy {scipy.__version__}, Python {sys.version.split()[0]}.",
            " * Arrays list actors in libleverage index order; look values up by name. */",
            "#ifndef LEV_TEST_REF_DIRECTION_H",
            "#define LEV_TEST_REF_DIRECTION_H",
            "",
            '#include "ref_common.h"',
            "",
            "#if defined(__GNUC__) || defined(__clang__)",
            "#pragma GCC diagnostic push",
            '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
            "#endif",
            "",
        ]
        tail = ["#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
                "#endif /* LEV_TEST_REF_DIRECTION_H */", ""]
        with open(path, "w", encoding="ascii", newline="\n") as f:
            f.write("\n".join(head + self.lines + tail))


def agree(label, vals):
    """vals: list of (peer, dict). Every pair within TOL; records the worst difference."""
    for i in range(len(vals)):
        for j in range(i + 1, len(vals)):
            (pa, a), (pb, b) = vals[i], vals[j]
            diff = max(abs(a[k] - b[k]) for k in a)
            AGREE.append(f"{label}: {pa} vs {pb}: max |diff| = {diff:.2g}")
            if not diff <= TOL:
                FAILS.append(f"{label}: {pa} vs {pb} differ by {diff:.3g}")


NX_OPTS = 'alpha=0.85, max_iter=100000, tol=1e-15, weight="weight"'


def main():
    h = Header()
    sets = [
        DataSet("dangling", "tests/data/directed_dangling.csv"),
        DataSet("inexact", "tests/data/directed_inexact.csv"),
        DataSet("inexact_f32", "tests/data/directed_inexact.csv", f32=True),
        DataSet("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv"),
    ]
    for ds in sets:
        G = ds.nx_graph()
        g = ds.igraph_graph()
        grev = ds.igraph_graph(reverse=True)
        ramp = {a: float(i + 1) for i, a in enumerate(ds.actors)}
        key = ds.key
        h.lines.append(f"/* ---- {key}: {ds.describe()} ---- */")
        h.lines.append("")
        if key != "inexact_f32":
            h.define(f"REF_DIR_{key.upper()}_N", len(ds.actors))
            h.lines.append("")
            h.array(f"ref_{key}_ramp", "personalization input (not a result): 1, 2, 3, ... in libleverage "
                    "index order", list(ramp.items()))
        env = dict(nx=nx, G=G, g=g, grev=grev, ramp=ramp)
        runs = [  # (measure, nx expression, igraph expression, exact kwargs)
            ("pagerank_out", f"nx.pagerank(G.reverse(), {NX_OPTS})",
             'grev.pagerank(directed=True, damping=0.85, weights="weight", implementation="prpack")',
             dict(reverse=True)),
            ("pagerank_in", f"nx.pagerank(G, {NX_OPTS})",
             'g.pagerank(directed=True, damping=0.85, weights="weight", implementation="prpack")',
             dict(reverse=False)),
            ("ppr_ramp_out", f"nx.pagerank(G.reverse(), personalization=ramp, {NX_OPTS})",
             'grev.personalized_pagerank(directed=True, damping=0.85, reset=[ramp[a] for a in grev.vs["name"]], '
             'weights="weight", implementation="prpack")',
             dict(reverse=True, pers=ramp)),
        ]
        if key == "dangling":
            dvec = {a: 0.0 for a in ds.actors}
            dvec.update({"Grace": 3.0, "Bob": 1.0})
            pair = {a: 0.0 for a in ds.actors}
            pair.update({"Alice": 1.0, "Dave": 1.0})
            env.update(dvec=dvec, pair=pair)
            h.array("ref_dangling_dvec", "dangling-vector input (not a result): 3 on Grace, 1 on Bob, 0 elsewhere",
                    list(dvec.items()))
            h.array("ref_dangling_pair", "personalization input (not a result): 1 on Alice and Dave, 0 elsewhere",
                    list(pair.items()))
            runs += [
                ("dvec_in", f"nx.pagerank(G, dangling=dvec, {NX_OPTS})", None, dict(reverse=False, dang=dvec)),
                ("dvec_pair_in", f"nx.pagerank(G, personalization=pair, dangling=dvec, {NX_OPTS})", None,
                 dict(reverse=False, pers=pair, dang=dvec)),
                ("dvec_out", f"nx.pagerank(G.reverse(), dangling=dvec, {NX_OPTS})", None,
                 dict(reverse=True, dang=dvec)),
            ]
        if key == "coleman":
            runs += [("dvec_ramp_in", f"nx.pagerank(G, dangling=ramp, {NX_OPTS})", None,
                      dict(reverse=False, dang=ramp))]
        for measure, nx_expr, ig_expr, ex in runs:
            r_nx = eval(nx_expr, env)
            h.array(f"ref_{key}_{measure}_nx", f"networkx {nx.__version__}: {nx_expr} on {ds.describe()}",
                    [(a, r_nx[a]) for a in ds.actors])
            vals = [("nx", r_nx)]
            if ig_expr:
                lst = eval(ig_expr, env)
                r_ig = {a: lst[i] for i, a in enumerate(ds.actors)}
                h.array(f"ref_{key}_{measure}_igraph", f"igraph {igraph.__version__}: {ig_expr} on {ds.describe_ig()}",
                        [(a, r_ig[a]) for a in ds.actors])
                vals.append(("igraph", r_ig))
            vals.append(("numpy solve", exact_pagerank(ds, **ex)))
            agree(f"{key}_{measure}", vals)

    h.write(os.path.join(HERE, "ref_direction.h"))
    for line in AGREE:
        print(line)
    if FAILS:
        print("FAILED:\n  " + "\n  ".join(FAILS), file=sys.stderr)
        return 1
    print(f"{len(AGREE)} agreement checks passed (tolerance {TOL:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
