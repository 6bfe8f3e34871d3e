#!/usr/bin/python3
"""Generate libleverage's test data sets and peer reference values.

Run from anywhere with the system interpreter (which has NetworkX and igraph):

    /usr/bin/python3 tests/ref/make_refs.py

It (re)writes, deterministically:
  tests/data/{karate,karate_weighted,lesmis,kite}_edges.csv        (from NetworkX)
  tests/data/directed_{dangling,inexact}.csv                       (hand-made, tables below)
  tests/ref/ref_common.h and tests/ref/ref_<set>.h                 (C reference arrays)
  tests/ref/agreement.txt                                          (peer-vs-peer checks)

Every reference is computed from the CSV files exactly as libleverage reads them (actors in
order of first appearance, source before target, unless an actors file is read first), and
every array is preceded by the exact Python expression that produced it. The expression is
evaluated from the very string printed in the comment, so comment and value cannot drift.

Peer-to-peer agreement (NetworkX vs igraph PRPACK vs igraph ARPACK) is checked to 1e-9 and
each is also checked against an independent 50-digit mpmath solve of the PageRank linear
system; the script fails loudly if any check fails. See tests/ref/README.md.
"""
import csv
import io
import os
import sys

import igraph
import mpmath
import random
import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "tests", "data")
AGREE_TOL = 1e-9
SEED = 1  # igraph's RNG is Python's random module; ARPACK starts from a random vector

# NetworkX power iteration: stop when the L1 change is < N * tol.
NX_TOL = "1e-15"
NX_MAXIT = "100000"

# --------------------------------------------------------------------------------------------
# Data sets
# --------------------------------------------------------------------------------------------

KITE_NAMES = ["Andre", "Beverly", "Carol", "Diane", "Ed",
              "Fernando", "Garth", "Heather", "Ike", "Jane"]

# Hand-made directed network. 8 actors in first-appearance order:
# Alice, Bob, Carol, Dave, Zoë, Eve, Frank, Grace.
#  - dangling (no out-edges): Zoë, Frank;   no in-edges: Grace
#  - self-loop Dave->Dave (empty channel)
#  - parallel edges Alice->Bob in channels money (1) and kinship (2)
#  - reciprocated, unequal: Bob->Dave 4 / Dave->Bob 0.5 and Alice->Carol 0.5 / Carol->Alice 1.5
# Column 3 holds the exactly representable strengths (directed_dangling.csv), column 4 the
# strengths of directed_inexact.csv (none representable in binary floating point).
DIRECTED_ROWS = [
    # source,  target,  exact, inexact, channel
    ("Alice", "Bob",   "1",   "0.1", "money"),
    ("Alice", "Bob",   "2",   "0.3", "kinship"),
    ("Alice", "Carol", "0.5", "0.7", "office"),
    ("Bob",   "Carol", "3",   "1.1", "money"),
    ("Bob",   "Dave",  "4",   "2.3", "money"),
    ("Carol", "Alice", "1.5", "0.9", "kinship"),
    ("Dave",  "Bob",   "0.5", "0.2", "kinship"),
    ("Dave",  "Dave",  "2",   "1.3", ""),
    ("Carol", "Zo\u00eb", "2", "0.6", "office"),
    ("Dave",  "Eve",   "1",   "0.4", ""),
    ("Eve",   "Zo\u00eb", "1.5", "1.7", "money"),
    ("Eve",   "Frank", "0.5", "0.1", "kinship"),
    ("Grace", "Frank", "3",   "3.3", "money"),
    ("Grace", "Alice", "0.5", "0.7", "office"),
]


def write_edges(path, rows):
    """rows: (source, target, weight_text, channel). RFC 4180, UTF-8, LF, minimal quoting."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["source", "target", "weight", "channel"])
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def wtext(x):
    if isinstance(x, (int, np.integer)) or float(x).is_integer():
        return str(int(x))
    return repr(float(x))


def write_data_sets():
    os.makedirs(DATA, exist_ok=True)
    # Karate: node i of NetworkX is named str(i + 1) (1-based, like Zachary's numbering).
    K = nx.karate_club_graph()
    write_edges(os.path.join(DATA, "karate_edges.csv"),
                [(str(u + 1), str(v + 1), "1", "") for u, v in K.edges()])
    write_edges(os.path.join(DATA, "karate_weighted_edges.csv"),
                [(str(u + 1), str(v + 1), wtext(d["weight"]), "") for u, v, d in K.edges(data=True)])
    L = nx.les_miserables_graph()
    write_edges(os.path.join(DATA, "lesmis_edges.csv"),
                [(u, v, wtext(d["weight"]), "") for u, v, d in L.edges(data=True)])
    T = nx.krackhardt_kite_graph()
    write_edges(os.path.join(DATA, "kite_edges.csv"),
                [(KITE_NAMES[u], KITE_NAMES[v], "1", "") for u, v in T.edges()])
    write_edges(os.path.join(DATA, "directed_dangling.csv"),
                [(s, t, w, c) for s, t, w, _, c in DIRECTED_ROWS])
    write_edges(os.path.join(DATA, "directed_inexact.csv"),
                [(s, t, w, c) for s, t, _, w, c in DIRECTED_ROWS])


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class DataSet:
    """A data set as libleverage sees it: actors in index order and edge records."""

    def __init__(self, key, edges_rel, actors_rel=None, directed=False, f32=False):
        self.key = key
        self.edges_rel = edges_rel
        self.actors_rel = actors_rel
        self.directed = directed
        self.actors = []
        self.groups = {}
        if actors_rel:
            for r in read_csv(os.path.join(ROOT, actors_rel)):
                assert r["name"] not in self.groups
                self.actors.append(r["name"])
                self.groups[r["name"]] = r.get("group", "")
        self.edges = []  # (source, target, weight as float, channel)
        seen = set(self.actors)
        for r in read_csv(os.path.join(ROOT, edges_rel)):
            for a in (r["source"], r["target"]):
                if a not in seen:
                    seen.add(a)
                    self.actors.append(a)
            w = float(r["weight"])
            if f32:  # the strength libleverage's compact form reads
                w = float(np.float32(w))
            assert w > 0
            self.edges.append((r["source"], r["target"], w, r["channel"]))
        if not directed:
            ties = set()
            for s, t, _, _ in self.edges:
                assert s != t, "undirected sets have no self-loops"
                k = frozenset((s, t))
                assert k not in ties, "undirected sets list each tie once"
                ties.add(k)
        self.index = {a: i for i, a in enumerate(self.actors)}

    # Peer graphs. Nodes/vertices are added in libleverage index order.
    def nx_graph(self, unit=False):
        G = nx.MultiDiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(self.actors)
        for s, t, w, c in self.edges:
            G.add_edge(s, t, weight=1.0 if unit else w, channel=c)
        return G

    def igraph_graph(self, unit=False):
        g = igraph.Graph(n=len(self.actors), directed=self.directed)
        g.vs["name"] = self.actors
        g.add_edges([(self.index[s], self.index[t]) for s, t, _, _ in self.edges])
        g.es["weight"] = [1.0 if unit else w for _, _, w, _ in self.edges]
        g.es["channel"] = [c for _, _, _, c in self.edges]
        return g

    def describe_nx(self):
        kind = "nx.MultiDiGraph" if self.directed else "nx.Graph"
        src = self.edges_rel if not self.actors_rel else f"{self.actors_rel} then {self.edges_rel}"
        return (f"G = {kind} built from {src}: nodes added in libleverage index order, one edge "
                f"per CSV row with weight=float(weight field)")

    def describe_igraph(self):
        src = self.edges_rel if not self.actors_rel else f"{self.actors_rel} then {self.edges_rel}"
        return (f"g = igraph.Graph(n={len(self.actors)}, directed={self.directed}) built from {src}: "
                f"vertex i = libleverage actor i, one edge per CSV row (multi-edges kept), "
                f"g.es['weight'] = float(weight field)")


# --------------------------------------------------------------------------------------------
# Independent check: PageRank by a 50-digit linear solve
# --------------------------------------------------------------------------------------------

def exact_pagerank(ds, damping, pers=None, unit=False):
    """x = d (P^T x + (dangling . x) v) + (1-d) v, solved with mpmath at 50 digits."""
    mpmath.mp.dps = 50
    n = len(ds.actors)
    W = [[mpmath.mpf(0)] * n for _ in range(n)]
    for s, t, w, _ in ds.edges:
        w = mpmath.mpf(1) if unit else mpmath.mpf(w)
        i, j = ds.index[s], ds.index[t]
        W[i][j] += w
        if not ds.directed:
            W[j][i] += w
    v = [mpmath.mpf(1)] * n if pers is None else [mpmath.mpf(pers[a]) for a in ds.actors]
    sv = sum(v)
    v = [x / sv for x in v]
    d = mpmath.mpf(damping)
    A = mpmath.matrix(n, n)
    for i in range(n):
        A[i, i] = 1
    for u in range(n):
        su = sum(W[u])
        for j in range(n):
            if su == 0:
                A[j, u] -= d * v[j]
            elif W[u][j]:
                A[j, u] -= d * W[u][j] / su
    b = mpmath.matrix([(1 - d) * x for x in v])
    x = mpmath.lu_solve(A, b)
    tot = sum(x)
    return {a: float(x[i] / tot) for i, a in enumerate(ds.actors)}


def exact_strength(ds, m):
    """Strength summed in exact rational arithmetic from the float weights, then rounded."""
    from fractions import Fraction
    acc = {a: Fraction(0) for a in ds.actors}
    for s, t, w, _ in ds.edges:
        w = Fraction(w)
        if m in ("strength", "outstrength"):
            acc[s] += w
        if m in ("strength", "instrength"):
            acc[t] += w
    return {a: float(v) for a, v in acc.items()}


# --------------------------------------------------------------------------------------------
# C output
# --------------------------------------------------------------------------------------------

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


class Header:
    def __init__(self, fname, title):
        self.fname = fname
        self.guard = "LEV_TEST_" + fname.upper().replace(".", "_")
        self.lines = []
        self.arrays = []  # (name, len)
        self.title = title

    def raw(self, s=""):
        self.lines.append(s)

    def array(self, name, comment, values, order):
        assert set(values) == set(order), name
        self.arrays.append((name, len(order)))
        self.raw("/* " + c_comment(comment) + " */")
        self.raw(f"static const ref_value {name}[] = {{")
        for a in order:
            self.raw(f"    {{{c_string(a)}, {'%.17g' % values[a]}}},")
        self.raw("};")
        self.raw(f"#define {name.upper()}_LEN {len(order)}")
        self.raw()

    def write(self):
        head = [
            "/* Generated by tests/ref/make_refs.py -- do not edit; regenerate with",
            " *     /usr/bin/python3 tests/ref/make_refs.py",
            f" * {c_comment(self.title)}",
            f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, "
            f"numpy {np.__version__}, Python {sys.version.split()[0]}.",
            " * Arrays list actors in libleverage index order; look values up by name. */",
            f"#ifndef {self.guard}",
            f"#define {self.guard}",
            "",
            '#include "ref_common.h"',
            "",
            "/* A test file uses only some of these arrays. */",
            "#if defined(__GNUC__) || defined(__clang__)",
            "#pragma GCC diagnostic push",
            '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
            "#endif",
            "",
        ]
        with open(os.path.join(HERE, self.fname), "w", encoding="ascii", newline="\n") as f:
            tail = ["#if defined(__GNUC__) || defined(__clang__)",
                    "#pragma GCC diagnostic pop", "#endif", "",
                    f"#endif /* {self.guard} */", ""]
            f.write("\n".join(head + self.lines + tail))


AGREE = []   # lines for agreement.txt
FAILS = []


def compare(label, results, exact=None, tol=AGREE_TOL, exact_label="mpmath"):
    """results: list of (peer label, {name: value}). Records the max abs differences."""
    names = list(results[0][1])
    for i in range(len(results)):
        for j in range(i + 1, len(results)):
            (la, a), (lb, b) = results[i], results[j]
            d = max(abs(a[n] - b[n]) for n in names)
            AGREE.append(f"{label}: |{la} - {lb}|max = {d:.3g}")
            if d > tol:
                FAILS.append(AGREE[-1])
    if exact is not None:
        for la, a in results:
            d = max(abs(a[n] - exact[n]) for n in names)
            AGREE.append(f"{label}: |{la} - {exact_label}|max = {d:.3g}")
            if d > tol:
                FAILS.append(AGREE[-1])


def by_name(g, values):
    return dict(zip(g.vs["name"], values))


def emit_degree_strength(h, ds, prefix, suffix="", strengths_only=False):
    G, g = ds.nx_graph(), ds.igraph_graph()
    ns = {"nx": nx, "G": G, "g": g}
    dn, dg = ds.describe_nx(), ds.describe_igraph()
    if ds.directed:
        measures = [
            ("degree", "dict(G.degree())", 'g.degree(mode="all", loops=True)'),
            ("indegree", "dict(G.in_degree())", 'g.degree(mode="in", loops=True)'),
            ("outdegree", "dict(G.out_degree())", 'g.degree(mode="out", loops=True)'),
            ("strength", 'dict(G.degree(weight="weight"))',
             'g.strength(mode="all", loops=True, weights="weight")'),
            ("instrength", 'dict(G.in_degree(weight="weight"))',
             'g.strength(mode="in", loops=True, weights="weight")'),
            ("outstrength", 'dict(G.out_degree(weight="weight"))',
             'g.strength(mode="out", loops=True, weights="weight")'),
        ]
    else:
        measures = [
            ("degree", "dict(G.degree())", "g.degree()"),
            ("strength", 'dict(G.degree(weight="weight"))', 'g.strength(weights="weight")'),
        ]
    if strengths_only:
        measures = [t for t in measures if "strength" in t[0]]
    for m, xn, xi in measures:
        vn = {k: float(v) for k, v in eval(xn, ns).items()}
        vi = by_name(g, [float(v) for v in eval(xi, ns)])
        h.array(f"ref_{prefix}_{m}{suffix}_nx", f"networkx {nx.__version__}: {xn} on {dn}",
                vn, ds.actors)
        h.array(f"ref_{prefix}_{m}{suffix}_igraph", f"igraph {igraph.__version__}: {xi} on {dg}",
                vi, ds.actors)
        if "degree" in m:  # counts: must be identical
            if vn != vi:
                FAILS.append(f"{prefix} {m}: networkx and igraph differ: {vn} vs {vi}")
            AGREE.append(f"ref_{prefix}_{m}: networkx == igraph exactly: {vn == vi}")
        else:  # sums of doubles: the peers add in different orders
            compare(f"ref_{prefix}_{m}{suffix}", [("networkx", vn), ("igraph", vi)],
                    exact_strength(ds, m), exact_label="exact-sum")


def emit_pagerank(h, ds, prefix, suffix, damping="0.85", pers=None, pers_name=None, unit=False,
                  arpack=True):
    """One PageRank result from NetworkX, igraph PRPACK and igraph ARPACK."""
    G, g = ds.nx_graph(), ds.igraph_graph()
    ns = {"nx": nx, "G": G, "g": g}
    wn = "None" if unit else '"weight"'
    wi = "None" if unit else '"weight"'
    dirarg = "True" if ds.directed else "False"
    if pers is None:
        xn = (f"nx.pagerank(G, alpha={damping}, max_iter={NX_MAXIT}, tol={NX_TOL}, "
              f"weight={wn})")
        xi = (f'g.pagerank(directed={dirarg}, damping={damping}, weights={wi}, '
              f'implementation="%s")')
    else:
        ns["p"] = dict(pers)
        ns["reset"] = [pers[a] for a in ds.actors]
        xn = (f"nx.pagerank(G, alpha={damping}, personalization=p, max_iter={NX_MAXIT}, "
              f"tol={NX_TOL}, weight={wn}, dangling=None)")
        xi = (f'g.personalized_pagerank(directed={dirarg}, damping={damping}, reset=reset, '
              f'weights={wi}, implementation="%s")')
    where_p = ""
    if pers is not None:
        where_p = (f"; p = {{name: value}} from {pers_name}, reset = the same values in "
                   f"vertex order")
    vn = eval(xn, ns)
    random.seed(SEED)  # igraph draws from Python's random (ARPACK's start vector)
    vi = by_name(g, eval(xi % "prpack", ns))
    res = [("networkx", vn), ("igraph-prpack", vi)]
    base = f"ref_{prefix}_{suffix}"
    h.array(base + "_nx", f"networkx {nx.__version__}: {xn} on {ds.describe_nx()}{where_p}",
            vn, ds.actors)
    h.array(base + "_igraph",
            f"igraph {igraph.__version__}: {xi % 'prpack'} on {ds.describe_igraph()}{where_p}",
            vi, ds.actors)
    if arpack:
        random.seed(SEED)
        va = by_name(g, eval(xi % "arpack", ns))
        res.append(("igraph-arpack", va))
        h.array(base + "_igraph_arpack",
                f"igraph {igraph.__version__}: random.seed({SEED}); {xi % 'arpack'} on "
                f"{ds.describe_igraph()}{where_p}",
                va, ds.actors)
    exact = exact_pagerank(ds, float(damping), pers, unit)
    for lab, v in res:
        s = sum(v.values())
        if abs(s - 1) > 1e-12:
            FAILS.append(f"{base}: {lab} sums to {s!r}")
    compare(base, res, exact)
    return res, exact


def emit_vector(h, name, comment, pers, order):
    h.array(name, comment, {a: float(pers[a]) for a in order}, order)


# --------------------------------------------------------------------------------------------

def main():
    write_data_sets()

    common = os.path.join(HERE, "ref_common.h")
    with open(common, "w", encoding="ascii", newline="\n") as f:
        f.write(
            "/* Generated by tests/ref/make_refs.py -- do not edit; regenerate with\n"
            " *     /usr/bin/python3 tests/ref/make_refs.py\n"
            " * Shared type of the peer reference arrays in tests/ref/ref_*.h. */\n"
            "#ifndef LEV_TEST_REF_COMMON_H\n"
            "#define LEV_TEST_REF_COMMON_H\n\n"
            "/* One actor's reference value, keyed by actor name (UTF-8). */\n"
            "typedef struct { const char *name; double value; } ref_value;\n\n"
            "#endif /* LEV_TEST_REF_COMMON_H */\n")

    # ---------------- Florentine families (16 actors with Pucci, and 15 without) -----------
    h = Header("ref_florentine.h",
               "Florentine families marriage network (Padgett): examples/data/florentine_edges.csv, "
               "undirected, weight 1.")
    h.raw('#define REF_FLORENTINE_EDGES_CSV "examples/data/florentine_edges.csv"')
    h.raw('#define REF_FLORENTINE_ACTORS_CSV "examples/data/florentine_actors.csv"')
    h.raw("#define REF_FLORENTINE16_N 16 /* actors file, then edges file: Pucci is isolated */")
    h.raw("#define REF_FLORENTINE15_N 15 /* edges file only */")
    h.raw("#define REF_FLORENTINE_EDGES 20")
    h.raw()
    f16 = DataSet("florentine16", "examples/data/florentine_edges.csv",
                  "examples/data/florentine_actors.csv")
    f15 = DataSet("florentine15", "examples/data/florentine_edges.csv")
    assert len(f16.actors) == 16 and len(f15.actors) == 15 and len(f15.edges) == 20
    # Sanity: same ties as NetworkX's own copy of the data.
    ff = nx.florentine_families_graph()
    assert {frozenset(e) for e in ff.edges()} == {frozenset((s, t)) for s, t, _, _ in f15.edges}
    for ds in (f16, f15):
        pfx = ds.key
        emit_degree_strength(h, ds, pfx)
        emit_pagerank(h, ds, pfx, "pagerank")
        pair = {a: (1.0 if a in ("Medici", "Strozzi") else 0.0) for a in ds.actors}
        ramp = {a: float(i + 1) for i, a in enumerate(ds.actors)}
        emit_vector(h, f"ref_{pfx}_pers_pair",
                    "personalization input (not a result): 1 on Medici and Strozzi, 0 elsewhere",
                    pair, ds.actors)
        emit_vector(h, f"ref_{pfx}_pers_ramp",
                    "personalization input (not a result): 1, 2, 3, ... in libleverage index order",
                    ramp, ds.actors)
        emit_pagerank(h, ds, pfx, "ppr_pair", pers=pair, pers_name=f"ref_{pfx}_pers_pair")
        emit_pagerank(h, ds, pfx, "ppr_ramp", pers=ramp, pers_name=f"ref_{pfx}_pers_ramp")
    h.write()
    headers = [h]

    # ---------------- Karate -----------------------------------------------------------------
    h = Header("ref_karate.h", "Zachary's karate club from nx.karate_club_graph(), undirected; "
               "actor names \"1\"..\"34\" = NetworkX node + 1.")
    h.raw('#define REF_KARATE_EDGES_CSV "tests/data/karate_edges.csv"')
    h.raw('#define REF_KARATE_WEIGHTED_EDGES_CSV "tests/data/karate_weighted_edges.csv"')
    h.raw("#define REF_KARATE_N 34")
    h.raw("#define REF_KARATE_EDGES 78")
    h.raw()
    k = DataSet("karate", "tests/data/karate_edges.csv")
    kw = DataSet("karate_weighted", "tests/data/karate_weighted_edges.csv")
    assert len(k.actors) == 34 and len(k.edges) == 78 and kw.actors == k.actors
    for ds in (k, kw):
        emit_degree_strength(h, ds, ds.key)
        emit_pagerank(h, ds, ds.key, "pagerank")
    h.write()
    headers.append(h)

    # ---------------- Les Miserables ----------------------------------------------------------
    h = Header("ref_lesmis.h", "Les Miserables co-appearance network from nx.les_miserables_graph(), "
               "undirected, integer weights; names as in NetworkX.")
    h.raw('#define REF_LESMIS_EDGES_CSV "tests/data/lesmis_edges.csv"')
    h.raw("#define REF_LESMIS_N 77")
    h.raw("#define REF_LESMIS_EDGES 254")
    h.raw()
    lm = DataSet("lesmis", "tests/data/lesmis_edges.csv")
    assert len(lm.actors) == 77 and len(lm.edges) == 254
    emit_degree_strength(h, lm, "lesmis")
    emit_pagerank(h, lm, "lesmis", "pagerank")
    emit_pagerank(h, lm, "lesmis", "pagerank_unweighted", unit=True)
    h.write()
    headers.append(h)

    # ---------------- Krackhardt kite ----------------------------------------------------------
    h = Header("ref_kite.h", "Krackhardt kite from nx.krackhardt_kite_graph(), undirected, weight 1; "
               "node 0..9 = Andre, Beverly, Carol, Diane, Ed, Fernando, Garth, Heather, Ike, Jane.")
    h.raw('#define REF_KITE_EDGES_CSV "tests/data/kite_edges.csv"')
    h.raw("#define REF_KITE_N 10")
    h.raw("#define REF_KITE_EDGES 18")
    h.raw()
    kt = DataSet("kite", "tests/data/kite_edges.csv")
    assert len(kt.actors) == 10 and len(kt.edges) == 18
    # The traditional roles: Diane has the most ties; Fernando and Garth are closest;
    # Heather is the broker; Jane is the periphery.
    Gk = kt.nx_graph()
    assert max(Gk.degree(), key=lambda t: t[1])[0] == "Diane"
    cc = nx.closeness_centrality(Gk)
    assert cc["Fernando"] == cc["Garth"] == max(cc.values())
    bc = nx.betweenness_centrality(Gk)
    assert max(bc, key=bc.get) == "Heather" and Gk.degree("Jane") == 1
    emit_degree_strength(h, kt, "kite")
    emit_pagerank(h, kt, "kite", "pagerank")
    h.write()
    headers.append(h)

    # ---------------- Hand-made directed ---------------------------------------------------------
    for key, fname, title in [
        ("dangling", "directed_dangling.csv",
         "Hand-made directed network, strengths exactly representable in binary."),
        ("inexact", "directed_inexact.csv",
         "Same topology as directed_dangling.csv, strengths like 0.1 (not representable in binary)."),
    ]:
        h = Header(f"ref_{key}.h", title + " Directed, with multi-edges and a self-loop.")
        h.raw(f'#define REF_{key.upper()}_EDGES_CSV "tests/data/{fname}"')
        h.raw(f"#define REF_{key.upper()}_N 8")
        h.raw(f"#define REF_{key.upper()}_EDGES {len(DIRECTED_ROWS)}")
        h.raw()
        ds = DataSet(key, f"tests/data/{fname}", directed=True)
        assert ds.actors == ["Alice", "Bob", "Carol", "Dave", "Zo\u00eb", "Eve", "Frank", "Grace"]
        pair = {a: (1.0 if a in ("Alice", "Dave") else 0.0) for a in ds.actors}
        ramp = {a: float(i + 1) for i, a in enumerate(ds.actors)}
        if key == "dangling":
            emit_vector(h, f"ref_{key}_pers_pair",
                        "personalization input (not a result): 1 on Alice and Dave, 0 elsewhere",
                        pair, ds.actors)
        emit_vector(h, f"ref_{key}_pers_ramp",
                    "personalization input (not a result): 1, 2, 3, ... in libleverage index order",
                    ramp, ds.actors)
        emit_degree_strength(h, ds, key)
        emit_pagerank(h, ds, key, "pagerank")
        if key == "dangling":
            emit_pagerank(h, ds, key, "pagerank_d050", damping="0.5")
            emit_pagerank(h, ds, key, "pagerank_unweighted", unit=True)
            for suffix, pers in (("ppr_pair", pair), ("ppr_ramp", ramp)):
                res, exact = emit_pagerank(h, ds, key, suffix, pers=pers,
                                           pers_name=f"ref_{key}_{suffix.replace('ppr', 'pers')}")
                # Sensitivity: had a peer sent dangling mass uniformly (not by the
                # personalization vector), it would be off by this much.
                G = ds.nx_graph()
                alt = nx.pagerank(G, alpha=0.85, personalization=pers, max_iter=100000,
                                  tol=1e-15, weight="weight", dangling={a: 1.0 for a in ds.actors})
                for lab, v in res:
                    d = max(abs(v[a] - alt[a]) for a in ds.actors)
                    AGREE.append(f"ref_{key}_{suffix}: |{lab} - (dangling teleports uniformly)|max "
                                 f"= {d:.3g}  (so {lab} teleports dangling mass by the "
                                 f"personalization vector)")
                    if d < 1e-3:
                        FAILS.append(AGREE[-1])
        else:
            emit_pagerank(h, ds, key, "ppr_ramp", pers=ramp, pers_name=f"ref_{key}_pers_ramp")
            # The same, with every strength rounded to float32 first (what libleverage's
            # compact form reads): a tight reference for the inexact set.
            d32 = DataSet("inexact_f32", f"tests/data/{fname}", directed=True, f32=True)
            emit_degree_strength(h, d32, key, suffix="_f32", strengths_only=True)
            r64 = {}
            for suffix, pers in (("pagerank", None), ("ppr_ramp", ramp)):
                res32, _ = emit_pagerank(h, d32, key, suffix + "_f32", pers=pers,
                                         pers_name=f"ref_{key}_pers_ramp" if pers else None)
                r64 = exact_pagerank(ds, 0.85, pers)
                r32 = exact_pagerank(d32, 0.85, pers)
                rel = max(abs(r32[a] - r64[a]) / r64[a] for a in ds.actors)
                AGREE.append(f"ref_{key}_{suffix}: max relative change from rounding strengths "
                             f"to float32 = {rel:.3g}")
        h.write()
        headers.append(h)

    with open(os.path.join(HERE, "agreement.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by tests/ref/make_refs.py: max absolute differences between peers\n"
                "# (networkx, igraph-prpack, igraph-arpack) and a 50-digit mpmath linear solve.\n"
                f"# Failure threshold {AGREE_TOL:g}.\n")
        f.write("\n".join(AGREE) + "\n")
    total = 0
    for hd in headers:
        for name, n in hd.arrays:
            total += 1
    print(f"wrote {len(headers)} headers, {total} arrays; {len(AGREE)} checks")
    if FAILS:
        print("FAILED CHECKS:\n  " + "\n  ".join(FAILS), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
