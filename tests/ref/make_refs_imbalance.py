#!/usr/bin/python3
"""Reference values for the imbalance family: inequality (src/inequality.c) and asymmetry
(src/asymmetry.c). Writes tests/ref/ref_imbalance.h.

Run with the system interpreter (which has NetworkX, igraph, numpy, mpmath) and R with sna:

    /usr/bin/python3 tests/ref/make_refs_imbalance.py

Deterministic: two runs give byte-identical files. Every value is preceded by the exact peer
call that produced it. The script cross-checks the peers against each other and against
independent implementations, prints the largest differences, and exits non-zero if two
sources that should agree differ by more than 1e-9.

Peers:
  * R 'sna' 2.7 (centralization, dyad.census, triad.census, grecip, connectedness,
    hierarchy(measure="krackhardt"), efficiency, lubness) via Rscript; the network is given to
    R as a 0/1 adjacency matrix g (g[i, j] = 1 iff some edge i -> j, i != j; symmetrized for
    the undirected sets), i.e. the simple graph libleverage's census and Krackhardt measures
    read.
  * NetworkX 2.8.8 (triadic_census, reciprocity, flow_hierarchy, betweenness_centrality,
    closeness_centrality).
  * python-igraph 0.10.2 (dyad_census, triad_census, reciprocity), on the simplified graph.
  * No R 'ineq' in Debian: inequality references are computed twice here, in exact rational
    arithmetic (fractions; mpmath at 50 digits for the logarithms of Theil) and by an
    independent numpy implementation using other formulas (Gini from the mean absolute
    difference, Palma by np.interp on the Lorenz curve).
"""
import csv
import math
import os
import random
import subprocess
import sys
from fractions import Fraction

import igraph
import mpmath
import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "ref_imbalance.h")
TOL = 1e-9

AGREE = []
FAILS = []


def agree(label, a, b, tol=TOL):
    d = abs(a - b) if not (math.isinf(a) and math.isinf(b)) else 0.0
    AGREE.append((label, d))
    if not d <= tol:
        FAILS.append(f"{label}: {a!r} vs {b!r} (|diff| {d:.3g})")


# --------------------------------------------------------------------------------------------
# Data sets, as libleverage reads them
# --------------------------------------------------------------------------------------------

def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class DataSet:
    def __init__(self, key, edges_rel=None, actors_rel=None, directed=False, actors=None, edges=None,
                 source=None):
        self.key, self.directed = key, directed
        self.actors = list(actors or [])
        self.edges = list(edges or [])  # (source, target, weight)
        if actors_rel:
            self.actors = [r["name"] for r in read_csv(os.path.join(ROOT, actors_rel))]
        if edges_rel:
            seen = set(self.actors)
            for r in read_csv(os.path.join(ROOT, edges_rel)):
                for a in (r["source"], r["target"]):
                    if a not in seen:
                        seen.add(a)
                        self.actors.append(a)
                self.edges.append((r["source"], r["target"], float(r["weight"])))
        self.index = {a: i for i, a in enumerate(self.actors)}
        self.n = len(self.actors)
        self.source = source or (f"{actors_rel} then {edges_rel}" if actors_rel else edges_rel)

    def arcs(self):
        """The simple digraph: set of (i, j), i != j, with an edge i -> j (both ways if undirected)."""
        s = set()
        for a, b, _ in self.edges:
            i, j = self.index[a], self.index[b]
            if i == j:
                continue
            s.add((i, j))
            if not self.directed:
                s.add((j, i))
        return s

    def strength(self):
        """w[(i, j)] = summed strength of the edges i -> j (float32-rounded, as libleverage reads)."""
        w = {}
        for a, b, x in self.edges:
            i, j = self.index[a], self.index[b]
            w[(i, j)] = w.get((i, j), 0.0) + float(np.float32(x))
        return w

    def nx_digraph(self):
        """nx.DiGraph of the simple digraph (no self-loops, parallel edges once)."""
        G = nx.DiGraph()
        G.add_nodes_from(range(self.n))
        G.add_edges_from(sorted(self.arcs()))
        return G

    def igraph_simple(self):
        g = igraph.Graph(n=self.n, edges=sorted(self.arcs()), directed=True)
        return g


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return state, z ^ (z >> 31)


def random_digraph(key, n, m, seed):
    """Same generator as random_net() in tests/test_asymmetry.c: actors r0..r{n-1}, then m edges
    s -> t with s = next % n, t = next % n, strength 1 + next % 4 (self-loops and parallel
    edges included)."""
    st = seed
    edges = []
    for _ in range(m):
        st, a = splitmix64(st)
        st, b = splitmix64(st)
        st, w = splitmix64(st)
        edges.append((f"r{a % n}", f"r{b % n}", float(1 + w % 4)))
    return DataSet(key, directed=True, actors=[f"r{i}" for i in range(n)], edges=edges,
                   source=f"random_net(n={n}, m={m}, seed={seed}) (splitmix64, see the C test)")


FLOR_E, FLOR_A = "examples/data/florentine_edges.csv", "examples/data/florentine_actors.csv"
SETS = [
    DataSet("florentine16", FLOR_E, FLOR_A),
    DataSet("florentine15", FLOR_E),
    DataSet("karate", "tests/data/karate_edges.csv"),
    DataSet("karate_weighted", "tests/data/karate_weighted_edges.csv"),
    DataSet("kite", "tests/data/kite_edges.csv"),
    DataSet("lesmis", "tests/data/lesmis_edges.csv"),
    DataSet("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv", directed=True),
    DataSet("dangling", "tests/data/directed_dangling.csv", directed=True),
    random_digraph("random200", 200, 600, 7),
    random_digraph("random1000", 1000, 5000, 42),
]
BY_KEY = {d.key: d for d in SETS}

# --------------------------------------------------------------------------------------------
# R sna
# --------------------------------------------------------------------------------------------

R_UNDIRECTED = [
    ("centr_degree", 'centralization(g, degree, mode="graph")'),
    ("centr_betweenness", 'centralization(g, betweenness, mode="graph")'),
    ("centr_closeness", 'centralization(g, closeness, mode="graph")'),
    ("connectedness", "connectedness(g)"),
    ("hierarchy", 'hierarchy(g, measure="krackhardt")'),
    ("efficiency", "efficiency(g)"),
    ("lubness", "lubness(g)"),
]
R_DIRECTED = [
    ("centr_degree", 'centralization(g, degree, mode="digraph", cmode="freeman")'),
    ("centr_indegree", 'centralization(g, degree, mode="digraph", cmode="indegree")'),
    ("centr_outdegree", 'centralization(g, degree, mode="digraph", cmode="outdegree")'),
    ("centr_betweenness", 'centralization(g, betweenness, mode="digraph")'),
    ("centr_closeness_out", 'centralization(g, closeness, mode="digraph")'),
    ("centr_closeness_in", 'centralization(t(g), closeness, mode="digraph")'),
    ("centr_closeness_all", 'centralization(g, closeness, mode="digraph", cmode="undirected")'),
    ("reciprocity_arc", 'grecip(g, measure="edgewise")'),
    ("connectedness", "connectedness(g)"),
    ("hierarchy", 'hierarchy(g, measure="krackhardt")'),
    ("efficiency", "efficiency(g)"),
    ("lubness", "lubness(g)"),
]
R_CENSUS = [
    ("dyad", "dyad.census(g)"),
    ("triad", 'triad.census(g, mode="digraph")'),
]
R_SKIP = {("random1000", "lubness")}  # sna's lubness is O(n^4): too slow at 1000 actors
TRIADS = ["003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D",
          "120U", "120C", "210", "300"]


def r_describe(ds):
    how = "symmetrized (g <- pmax(g, t(g)))" if not ds.directed else "directed"
    return (f"g = {ds.n}x{ds.n} 0/1 matrix from {ds.source}: g[i, j] = 1 iff an edge i -> j, "
            f"i != j, {how}; actors in libleverage index order")


def run_sna(ds):
    arcs = sorted(ds.arcs())
    lines = ["suppressMessages(library(sna))", f"n <- {ds.n}", "g <- matrix(0, n, n)"]
    if arcs:
        flat = ",".join(f"{i + 1},{j + 1}" for i, j in arcs)
        lines.append(f"g[matrix(c({flat}), ncol = 2, byrow = TRUE)] <- 1")
    lines.append('out <- function(k, v) cat(sprintf("%s %.17g\\n", k, v), sep = "")')
    calls = R_DIRECTED if ds.directed else R_UNDIRECTED
    for k, call in calls + R_CENSUS:
        if (ds.key, k) in R_SKIP:
            continue
        lines.append(f'out("{k}", as.vector({call}))')
    res = subprocess.run(["Rscript", "-"], input="\n".join(lines), capture_output=True, text=True, check=True)
    vals = {}
    for line in res.stdout.splitlines():
        k, v = line.split()
        vals.setdefault(k, []).append(float(v))
    out = {}
    for k, call in calls:
        if (ds.key, k) in R_SKIP:
            continue
        out[k] = (vals[k][0], "sna: " + call)
    d = vals["dyad"]
    for name, v in zip(("dyad_mut", "dyad_asym", "dyad_null"), d):
        out[name] = (v, "sna: dyad.census(g)")
    for name, v in zip(TRIADS, vals["triad"]):
        out["triad_" + name] = (v, 'sna: triad.census(g, mode="digraph")')
    return out


# --------------------------------------------------------------------------------------------
# NetworkX, igraph and independent computations
# --------------------------------------------------------------------------------------------

def freeman(scores, tmax):
    mx = max(scores)
    return 0.0 if tmax <= 0 else sum(mx - s for s in scores) / tmax


def tmax_closeness(n, undirected):
    return (n - 2) * (n - 1) / (2 * n - 3) if undirected else (n - 1) * (1 - 1 / n)


def weighted_graphs(ds, undirected=False):
    """nx graph for weighted path measures: parallel edges folded to the strongest (shortest
    distance 1/w), self-loops dropped; dist = 1/float32(w). undirected: both directions of a
    directed set folded into one tie, again the strongest."""
    best = {}
    und = undirected or not ds.directed
    for a, b, x in ds.edges:
        i, j = ds.index[a], ds.index[b]
        if i == j:
            continue
        if und and i > j:
            i, j = j, i
        x = float(np.float32(x))
        best[(i, j)] = max(best.get((i, j), 0.0), x)
    G = nx.Graph() if und else nx.DiGraph()
    G.add_nodes_from(range(ds.n))
    for (i, j), x in sorted(best.items()):
        G.add_edge(i, j, dist=1.0 / x, weight=x)
    return G


def nx_refs(ds):
    out = {}
    G = ds.nx_digraph()
    if ds.directed:
        out["reciprocity_arc"] = (nx.reciprocity(G), "nx: nx.reciprocity(D), D = nx.DiGraph of the simple digraph "
                                  "(no self-loops)")
        tc = nx.triadic_census(G)
        for t in TRIADS:
            out["triad_" + t] = (float(tc[t]), "nx: nx.triadic_census(D)")
        M = nx.MultiDiGraph()
        M.add_nodes_from(range(ds.n))
        for a, b, x in ds.edges:
            M.add_edge(ds.index[a], ds.index[b], weight=float(np.float32(x)))
        out["flow_hierarchy"] = (nx.flow_hierarchy(M), "nx: nx.flow_hierarchy(M), M = nx.MultiDiGraph, one edge per "
                                 "CSV row (self-loops and parallel edges kept)")
        out["flow_hierarchy_weighted"] = (nx.flow_hierarchy(M, weight="weight"),
                                          'nx: nx.flow_hierarchy(M, weight="weight"), weight = float32(strength)')
    else:
        tc = nx.triadic_census(G)
        for t in TRIADS:
            out["triad_" + t] = (float(tc[t]), "nx: nx.triadic_census(D), D = both directions of every tie")
    # Freeman centralization of weighted betweenness / closeness (distance 1/strength) and of
    # hop closeness in the Wasserman-Faust form libleverage's lev_closeness() uses.
    W = weighted_graphs(ds)
    n = ds.n
    # Betweenness counts shortest paths, so equal lengths must tie: NetworkX is given exact
    # rational distances (Fraction), with which its Dijkstra compares exactly.
    for u, v, dd in W.edges(data=True):
        dd["qdist"] = Fraction(1) / Fraction(dd["weight"])
    bt = nx.betweenness_centrality(W, weight="qdist", normalized=False)
    tb = (n - 1) ** 2 * (n - 2) / (1 if ds.directed else 2)
    out["centr_betweenness_weighted"] = (float(freeman([Fraction(bt[i]) for i in range(n)], tb)),
                                         'nx: sum(max - c)/tmax, c = nx.betweenness_centrality(W, weight="qdist", '
                                         "normalized=False), W folds parallel edges to the strongest, qdist = "
                                         "Fraction(1)/Fraction(float32(w)) (exact, so equal paths tie), "
                                         "tmax = (n-1)^2 (n-2)" + ("" if ds.directed else " / 2"))
    btf = nx.betweenness_centrality(W, weight="dist", normalized=False)
    agree(f"{ds.key} centr_betweenness_weighted: nx exact vs nx float distances (ties missed)",
          out["centr_betweenness_weighted"][0], freeman([btf[i] for i in range(n)], tb), math.inf)
    # closeness: nx measures distances *to* a node in a DiGraph, so out-closeness is on W.reverse().
    views = [("all", weighted_graphs(ds, undirected=True), True)]
    if ds.directed:
        views += [("out", W.reverse(copy=True), False), ("in", W, False)]
    for name, H, und in views:
        for wtd in (False, True):
            cl = nx.closeness_centrality(H, distance="dist" if wtd else None, wf_improved=True)
            key = "centr_closeness_wf" + ("" if not ds.directed else "_" + name) + ("_weighted" if wtd else "")
            out[key] = (freeman([cl[i] for i in range(n)], tmax_closeness(n, und)),
                        "nx: sum(max - c)/tmax, c = nx.closeness_centrality(H, distance=%s, wf_improved=True), H = %s"
                        ", tmax = %s" % ('"dist"' if wtd else "None",
                                         {"all": "W folded to an undirected graph (strongest of the two directions)", "out": "W.reverse()", "in": "W"}[name],
                                         "(n-2)(n-1)/(2n-3)" if und else "(n-1)(1-1/n)"))
    return out


def igraph_refs(ds):
    g = ds.igraph_simple()
    out = {}
    d = g.dyad_census()
    out["dyad_mut"] = (float(d[0]), "igraph: g.dyad_census(), g = igraph.Graph(directed=True) of the simple digraph")
    out["dyad_asym"] = (float(d[1]), "igraph: g.dyad_census()")
    out["dyad_null"] = (float(d[2]), "igraph: g.dyad_census()")
    tc = list(g.triad_census())
    for t, v in zip(TRIADS, tc):
        out["triad_" + t] = (float(v), "igraph: g.triad_census()")
    if ds.directed:
        out["reciprocity_arc"] = (g.reciprocity(ignore_loops=True, mode="default"),
                                  'igraph: g.reciprocity(ignore_loops=True, mode="default")')
    return out


def own_refs(ds):
    """Independent computations of what no peer has."""
    out = {}
    w = ds.strength()
    tot = sum(x for (i, j), x in w.items() if i != j)
    mn = sum(min(x, w.get((j, i), 0.0)) for (i, j), x in w.items() if i != j)
    if ds.directed:
        out["reciprocity_weighted"] = (mn / tot if tot else 0.0,
                                       "python: sum over ordered pairs i != j of min(w_ij, w_ji) / sum of w_ij, "
                                       "w_ij = summed float32 strengths of the edges i -> j")
        cnt = {}
        for a, b, _ in ds.edges:
            i, j = ds.index[a], ds.index[b]
            cnt[(i, j)] = cnt.get((i, j), 0) + 1
        tot1 = sum(x for (i, j), x in cnt.items() if i != j)
        mn1 = sum(min(x, cnt.get((j, i), 0)) for (i, j), x in cnt.items() if i != j)
        out["reciprocity_weighted_unit"] = (mn1 / tot1 if tot1 else 0.0,
                                            "python: as reciprocity_weighted with w_ij = number of edges i -> j")
    # degree centralization by hand (distinct neighbours), both conventions
    arcs = ds.arcs()
    n = ds.n
    outd = [0] * n
    ind = [0] * n
    for i, j in arcs:
        outd[i] += 1
        ind[j] += 1
    if ds.directed:
        out["centr_degree_hand"] = (freeman([outd[i] + ind[i] for i in range(n)], (n - 1) * (2 * (n - 1) - 2)),
                                    "python: Freeman with indegree + outdegree of the simple digraph, "
                                    "tmax (n-1)(2(n-1)-2)")
    return out


def asym_pairs(ds, weighted=True):
    """Every pair with an edge either way: (a, b, gap), a the stronger side (a < b on a tie), sorted
    by gap decreasing, then a, then b (libleverage indices)."""
    w = {}
    for a, b, x in ds.edges:
        i, j = ds.index[a], ds.index[b]
        if i == j:
            continue
        w[(i, j)] = w.get((i, j), 0.0) + (float(np.float32(x)) if weighted else 1.0)
    pairs = {}
    for (i, j) in w:
        k = (min(i, j), max(i, j))
        if k in pairs:
            continue
        a, b = k
        wab, wba = w.get((a, b), 0.0), w.get((b, a), 0.0)
        pairs[k] = (a, b, wab - wba) if wab >= wba else (b, a, wba - wab)
    return sorted(pairs.values(), key=lambda t: (-t[2], t[0], t[1]))


# --------------------------------------------------------------------------------------------
# Inequality
# --------------------------------------------------------------------------------------------

def ineq_exact(x, top_k=None, top_frac="0.1"):
    """Exact rational values (mpmath at 50 digits for logarithms)."""
    X = [Fraction(v) for v in x]
    n = len(X)
    s = sorted(X)
    tot = sum(X)
    res = {}
    equal = s[0] == s[-1]
    # Gini: mean absolute difference over twice the mean
    if n < 2 or equal:
        g = Fraction(0)
    else:
        g = sum(abs(a - b) for a in X for b in X) / (2 * n * n * (tot / n))
    res["gini"] = g
    res["gini_small_sample"] = g * n / (n - 1) if n >= 2 else Fraction(0)
    mpmath.mp.dps = 50
    if equal:
        res["theil_t"] = 0
        res["theil_l"] = 0
    else:
        mu = mpmath.mpf(tot.numerator) / tot.denominator / n
        t = sum((mpmath.mpf(v.numerator) / v.denominator / mu) * mpmath.log(mpmath.mpf(v.numerator) / v.denominator / mu)
                for v in X if v > 0) / n
        res["theil_t"] = t
        res["theil_l"] = (sum(mpmath.log(mu / (mpmath.mpf(v.numerator) / v.denominator)) for v in X) / n
                          if all(v > 0 for v in X) else math.inf)
    res["hhi"] = Fraction(1, n) if equal else sum((v / tot) ** 2 for v in X)

    def L(p):  # Lorenz curve, linear between (i/n, F_i)
        if equal:
            return p
        i = math.floor(p * n)
        cum = sum(s[:i])
        frac = p * n - i
        if i < n:
            cum += frac * s[i]
        return cum / tot

    top10, bot40 = 1 - L(Fraction(9, 10)), L(Fraction(2, 5))
    res["palma"] = top10 / bot40 if bot40 > 0 else math.inf

    def top_share(k):
        k = min(k, n)
        if k == 0:
            return Fraction(0)
        if equal:
            return Fraction(k, n)
        return sum(s[n - k:]) / tot

    res["top_share"] = top_share(math.ceil(Fraction(top_frac) * n))
    res["top_share_k3"] = top_share(3)
    res["top_share_f025"] = top_share(math.ceil(Fraction("0.25") * n))
    res["lorenz"] = [Fraction(i, n) if equal else sum(s[:i]) / tot for i in range(n + 1)]
    return res


def ineq_numpy(x):
    """Independent double-precision implementation with different formulas."""
    a = np.array(x, dtype=float)
    if a.max() > 0:
        a = a / a.max()  # every measure is scale invariant; keeps sums of huge values finite
    n = len(a)
    res = {}
    tot = a.sum()
    if n < 2 or a.max() == a.min():
        res["gini"] = 0.0
    else:
        s = np.sort(a)
        idx = np.arange(1, n + 1)
        res["gini"] = float((np.sum((2 * idx - n - 1) * s)) / (n * s.sum()))
    res["gini_small_sample"] = res["gini"] * n / (n - 1) if n >= 2 else 0.0
    if a.max() == a.min():
        res["theil_t"] = res["theil_l"] = 0.0
        res["hhi"] = 1.0 / n
        res["palma"] = 0.25
        res["lorenz"] = [i / n for i in range(n + 1)]
    else:
        r = a / a.mean()
        nz = r[r > 0]
        res["theil_t"] = float(np.sum(nz * np.log(nz)) / n)
        res["theil_l"] = float(np.mean(-np.log(r))) if np.all(r > 0) else math.inf
        sh = a / tot
        res["hhi"] = float(np.dot(sh, sh))
        s = np.sort(a)
        py = np.concatenate([[0.0], np.cumsum(s) / tot])
        px = np.arange(n + 1) / n
        top = 1 - np.interp(0.9, px, py)
        bot = np.interp(0.4, px, py)
        res["palma"] = float(top / bot) if bot > 0 else math.inf
        res["lorenz"] = [float(v) for v in py]
    return res


INEQ_VECTORS = [
    ("equal5", "five equal values", [3.0] * 5),
    ("one_holds_all", "one of ten holds everything", [0.0] * 9 + [7.0]),
    ("two_value", "six hold 1, four hold 4 (n = 10)", [1.0] * 6 + [4.0] * 4),
    ("ramp30", "1, 2, ..., 30 (top 10% is 3 actors: 0.1 * 30 must not round up to 4)",
     [float(i) for i in range(1, 31)]),
    ("ties23", "23 values with ties and zeros (n not divisible by 10)",
     [5, 0, 3, 3, 8, 1, 0, 13, 2, 2, 21, 5, 8, 3, 1, 34, 0, 5, 2, 8, 1, 1, 55]),
    ("zeros7", "seven values with zeros", [0.0, 0.0, 1.0, 2.0, 2.0, 5.0, 10.0]),
    ("decimals", "inexact decimals", [0.1, 0.2, 0.3, 0.4]),
    ("single", "one value", [5.0]),
    ("pair", "two values", [1.0, 3.0]),
    ("all_zero", "all zero", [0.0, 0.0, 0.0]),
    ("huge", "values near DBL_MAX (sums overflow without scaling)", [1e300, 1.5e308, 5e307, 1.7e308]),
]


def pagerank_vector(ds, weighted):
    g = igraph.Graph(n=ds.n, directed=ds.directed)
    g.add_edges([(ds.index[a], ds.index[b]) for a, b, _ in ds.edges])
    w = [float(np.float32(x)) for _, _, x in ds.edges] if weighted else None
    return list(g.pagerank(directed=ds.directed, damping=0.85, weights=w, implementation="prpack"))


# --------------------------------------------------------------------------------------------
# C output
# --------------------------------------------------------------------------------------------

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


def cnum(v):
    v = float(v)
    if math.isinf(v):
        return "INFINITY"
    return "%.17g" % v


LINES = []


def raw(s=""):
    LINES.append(s)


def scalars(name, comment, items):
    """items: list of (key, value, call)."""
    raw("/* " + c_comment(comment) + " */")
    raw(f"static const ref_value {name}[] = {{")
    for k, v, call in items:
        raw(f"    {{{c_string(k)}, {cnum(v)}}}, /* {c_comment(call)} */")
    raw("};")
    raw(f"#define {name.upper()}_LEN {len(items)}")
    raw()


def doubles(name, comment, values):
    raw("/* " + c_comment(comment) + " */")
    raw(f"static const double {name}[] = {{")
    for i in range(0, len(values), 6):
        raw("    " + ", ".join(cnum(v) for v in values[i:i + 6]) + ",")
    raw("};")
    raw(f"#define {name.upper()}_N {len(values)}")
    raw()


def main():
    # ---- the tricode table of src/asymmetry.c, checked by isomorphism classes ----------------
    import itertools
    reps = {"003": [], "012": [(0, 1)], "102": [(0, 1), (1, 0)], "021D": [(0, 1), (0, 2)], "021U": [(1, 0), (2, 0)],
            "021C": [(0, 1), (1, 2)], "111D": [(0, 1), (1, 0), (2, 0)], "111U": [(0, 1), (1, 0), (0, 2)],
            "030T": [(0, 1), (1, 2), (0, 2)], "030C": [(0, 1), (1, 2), (2, 0)],
            "201": [(0, 1), (1, 0), (0, 2), (2, 0)], "120D": [(0, 1), (0, 2), (1, 2), (2, 1)],
            "120U": [(1, 0), (2, 0), (1, 2), (2, 1)], "120C": [(0, 1), (1, 2), (0, 2), (2, 0)],
            "210": [(0, 1), (1, 2), (2, 1), (0, 2), (2, 0)],
            "300": [(a, b) for a in range(3) for b in range(3) if a != b]}

    def canon(E):
        return min(tuple(sorted((p[a], p[b]) for a, b in E)) for p in itertools.permutations(range(3)))
    cls = {canon(E): k for k, E in reps.items()}
    assert len(cls) == 16
    bits = [(0, 1, 1), (1, 0, 2), (0, 2, 4), (2, 0, 8), (1, 2, 16), (2, 1, 32)]
    table = [TRIADS.index(cls[canon([(a, b) for a, b, x in bits if c & x])]) for c in range(64)]
    src = open(os.path.join(ROOT, "src", "asymmetry.c"), encoding="utf-8").read()
    body = src[src.index("tricode_type[64] = {") + len("tricode_type[64] = {"):]
    ctab = [int(t) for t in body[:body.index("}")].replace("\n", " ").split(",") if t.strip()]
    if ctab != table:
        FAILS.append("src/asymmetry.c tricode_type differs from the isomorphism classification")
    AGREE.append(("tricode table of src/asymmetry.c vs isomorphism classes", 0.0 if ctab == table else 1.0))

    raw("/* ================= inequality ================= */")
    raw()
    # ---- inequality of hand vectors, Florentine wealth and PageRank vectors ------------------
    vectors = list(INEQ_VECTORS)
    wealth = {r["actor"]: float(r["holds"]) for r in read_csv(os.path.join(ROOT, "examples/data/florentine_resources.csv"))}
    vectors.append(("florentine_wealth", "Florentine wealth (examples/data/florentine_resources.csv, holds of "
                    "'wealth', in the resources file's order)", list(wealth.values())))
    pr_sets = [("karate", False), ("lesmis", True), ("coleman", False), ("dangling", True)]
    for key, wtd in pr_sets:
        ds = BY_KEY[key]
        vectors.append((f"pagerank_{key}", f"igraph PRPACK PageRank of {ds.source}: g.pagerank(directed="
                        f"{ds.directed}, damping=0.85, weights={'float32(strength)' if wtd else 'None'}, "
                        f"implementation='prpack') (libleverage index order)", pagerank_vector(ds, wtd)))
    # R's ineq package is not in Debian: its Gini function (ineq 0.2-13, R/ineq.R) is transcribed
    # here verbatim and run in R on every vector.
    ineq_r = ["Gini <- function(x, corr = FALSE, na.rm = TRUE) {",
              "  if (!na.rm && any(is.na(x))) return(NA_real_)",
              "  x <- as.numeric(na.omit(x)); n <- length(x); x <- sort(x)",
              "  G <- sum(x * 1L:n); G <- 2 * G/sum(x) - (n + 1L)",
              "  if (corr) G/(n - 1L) else G/n }"]
    for name, _, x in vectors:
        xs = ",".join("%.17g" % v for v in x)
        ineq_r.append(f'cat(sprintf("{name} %.17g %.17g\\n", Gini(c({xs})), Gini(c({xs}), corr = TRUE)))')
    res = subprocess.run(["Rscript", "-"], input="\n".join(ineq_r), capture_output=True, text=True, check=True)
    rgini = {}
    for line in res.stdout.splitlines():
        k, a, b = line.split()
        rgini[k] = (float(a), float(b))
    for name, desc, x in vectors:
        ex = ineq_exact(x)
        npv = ineq_numpy(x)
        ra, rb = rgini[name]
        items = []
        if math.isfinite(ra):
            agree(f"ineq {name} gini: exact vs R ineq::Gini", float(ex["gini"]), ra, 1e-12)
            items.append(("gini", ra, "R: Gini(x), ineq::Gini transcribed"))
        if math.isfinite(rb) and len(x) > 1:
            agree(f"ineq {name} gini_small_sample: exact vs R ineq::Gini", float(ex["gini_small_sample"]), rb, 1e-12)
            items.append(("gini_small_sample", rb, "R: Gini(x, corr = TRUE), ineq::Gini transcribed"))
        if items:
            scalars(f"ref_ineq_{name}_r", f"inequality of ineq_x_{name}: R ineq::Gini (ineq 0.2-13, transcribed: "
                    "the package is not in Debian); NaN cases (zero total, n = 1 corrected) left out", items)
        keys = ["gini", "gini_small_sample", "theil_t", "theil_l", "hhi", "palma"]
        for k in keys:
            agree(f"ineq {name} {k}: exact vs numpy", float(ex[k]), npv[k], 1e-12 if name != "huge" else 1e-9)
        for i, (a, b) in enumerate(zip(ex["lorenz"], npv["lorenz"])):
            agree(f"ineq {name} lorenz[{i}]: exact vs numpy", float(a), b, 1e-12)
        doubles(f"ineq_x_{name}", f"input: {desc}", x)
        items = [(k, ex[k], "exact: " + {
            "gini": "sum_ij |x_i - x_j| / (2 n^2 mean) in fractions",
            "gini_small_sample": "gini * n / (n - 1)",
            "theil_t": "(1/n) sum (x/mu) ln(x/mu), mpmath 50 digits",
            "theil_l": "(1/n) sum ln(mu/x), mpmath 50 digits (INFINITY when some x is 0)",
            "hhi": "sum (x_i / sum x)^2 in fractions",
            "palma": "(1 - L(9/10)) / L(2/5), L the Lorenz curve linear between (i/n, F_i)",
            "top_share": "share of the ceil(n * 1/10) largest (decimal 0.1, exactly)",
            "top_share_k3": "share of the 3 largest",
            "top_share_f025": "share of the ceil(n / 4) largest"}[k])
            for k in keys + ["top_share", "top_share_k3", "top_share_f025"]]
        scalars(f"ref_ineq_{name}", f"inequality of ineq_x_{name}: exact rational arithmetic "
                "(Fractions of the binary values; mpmath for logarithms)", items)
        scalars(f"ref_ineq_{name}_numpy", f"inequality of ineq_x_{name}: independent numpy implementation",
                [(k, npv[k], {"gini": "np: sum((2i - n - 1) x_(i)) / (n sum x)",
                              "gini_small_sample": "np: gini * n/(n-1)",
                              "theil_t": "np: sum(r log r)/n, r = x/mean",
                              "theil_l": "np: mean(-log(x/mean))",
                              "hhi": "np: dot(s, s), s = x/sum(x)",
                              "palma": "np: (1 - np.interp(0.9, px, py)) / np.interp(0.4, px, py)"}[k])
                 for k in keys])
        doubles(f"ref_ineq_{name}_lorenz", f"Lorenz curve of ineq_x_{name}: F_i = (sum of the i smallest)/total, "
                "i = 0..n, exact", [float(v) for v in ex["lorenz"]])

    raw("/* ================= asymmetry ================= */")
    raw()
    for ds in SETS:
        print(f"{ds.key}: sna ...", file=sys.stderr)
        sna = run_sna(ds)
        nxr = nx_refs(ds)
        igr = igraph_refs(ds)
        own = own_refs(ds)
        # cross-checks between peers
        for k in sna:
            if k in igr:
                agree(f"{ds.key} {k}: sna vs igraph", sna[k][0], igr[k][0], 0)
            if k in nxr:
                agree(f"{ds.key} {k}: sna vs nx", sna[k][0], nxr[k][0], 1e-12)
        if "centr_degree_hand" in own:
            agree(f"{ds.key} centr_degree: sna vs hand", sna["centr_degree"][0], own["centr_degree_hand"][0], 1e-12)
        for k in igr:
            if k in nxr:
                agree(f"{ds.key} {k}: igraph vs nx", igr[k][0], nxr[k][0], 1e-12)
        for peer, table in (("sna", sna), ("nx", nxr), ("igraph", igr), ("own", own)):
            desc = {"sna": r_describe(ds),
                    "nx": f"NetworkX {nx.__version__} on {ds.source}",
                    "igraph": f"python-igraph {igraph.__version__}, simple digraph of {ds.source} "
                              "(both directions of each tie for the undirected sets)",
                    "own": f"independent Python on {ds.source}"}[peer]
            if table:
                scalars(f"ref_asym_{ds.key}_{peer}", desc, [(k, v, c) for k, (v, c) in sorted(table.items())])
        if ds.directed:
            pairs = asym_pairs(ds)
            shown = pairs if len(pairs) <= 300 else pairs[:60]
            raw(f"/* lev_asymmetry of {c_comment(ds.source)}: python sorted(pairs, key=(-gap, a, b)), gap = "
                "summed float32 strengths a->b minus b->a; names \"a>b\"; the first "
                f"{len(shown)} of {len(pairs)} pairs */")
            raw(f"static const ref_value ref_asym_{ds.key}_pairs[] = {{")
            for a, b, gp in shown:
                raw(f"    {{{c_string(ds.actors[a] + '>' + ds.actors[b])}, {cnum(gp)}}},")
            raw("};")
            raw(f"#define REF_ASYM_{ds.key.upper()}_PAIRS_LEN {len(shown)}")
            raw(f"#define REF_ASYM_{ds.key.upper()}_NPAIRS {len(pairs)}")
            raw()
            pu = asym_pairs(ds, weighted=False)
            raw(f"/* the same with LEV_P_WEIGHTED 0 (each edge counts 1): the first 20 of {len(pu)} pairs */")
            raw(f"static const ref_value ref_asym_{ds.key}_pairs_unit[] = {{")
            for a, b, gp in pu[:20]:
                raw(f"    {{{c_string(ds.actors[a] + '>' + ds.actors[b])}, {cnum(gp)}}},")
            raw("};")
            raw(f"#define REF_ASYM_{ds.key.upper()}_PAIRS_UNIT_LEN {min(20, len(pu))}")
            raw()

    head = [
        "/* Generated by tests/ref/make_refs_imbalance.py -- do not edit; regenerate with",
        " *     /usr/bin/python3 tests/ref/make_refs_imbalance.py",
        " * Reference values for src/inequality.c and src/asymmetry.c.",
        f" * Peers: R sna 2.7 (Rscript), networkx {nx.__version__}, python-igraph {igraph.__version__}, "
        f"numpy {np.__version__}, mpmath {mpmath.__version__}, Python {sys.version.split()[0]}.",
        " * Graph-level results are ref_value arrays keyed by measure name (not actor name); each",
        " * entry's comment holds the exact peer call. Inputs of the inequality measures are the",
        " * ineq_x_* arrays. */",
        "#ifndef LEV_TEST_REF_IMBALANCE_H",
        "#define LEV_TEST_REF_IMBALANCE_H",
        "",
        "#include <math.h>",
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
            "#endif /* LEV_TEST_REF_IMBALANCE_H */", ""]
    with open(OUT, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(head + LINES + tail))

    worst = {}
    for label, d in AGREE:
        if ": " in label:
            left, right = label.split(": ", 1)
            measure = left.split()[-1].split("[")[0]
            if measure.startswith(("triad_", "dyad_")):
                measure = measure.split("_")[0] + " census"
            kind = measure + ": " + right
        else:
            kind = label
        if kind not in worst or d > worst[kind][0]:
            worst[kind] = (d, label)
    print("largest differences by comparison kind:")
    for kind, (d, label) in sorted(worst.items()):
        print(f"  {d:.3g}  {label}")
    if FAILS:
        print("DISAGREEMENTS:", file=sys.stderr)
        for f in FAILS:
            print("  " + f, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
