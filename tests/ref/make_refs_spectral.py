#!/usr/bin/python3
"""Peer reference values for libleverage's spectral family: Katz, eigenvector, HITS, Bonacich.

Run with the system interpreter (NetworkX, igraph, numpy) and R with sna and igraph on PATH:

    /usr/bin/python3 tests/ref/make_refs_spectral.py

It (re)writes tests/ref/ref_spectral.h deterministically and prints every peer-vs-peer and
peer-vs-exact maximum difference (also written, as a comment, at the end of the header). It exits
non-zero when two peers, or a peer and the exact value, differ by more than 1e-9 where they
define the same quantity.

Every array is preceded by the exact expression that produced it; Python expressions are
evaluated from that very string. R results come from one Rscript run whose source is printed
in the comment (with `d` the sociomatrix, rows = senders, as sna reads it).

Peers:
  * NetworkX 2.8.8: eigenvector_centrality (power iteration on A + I), katz_centrality (power
    iteration) and katz_centrality_numpy (dense solve), hits (scipy svds, whose random start
    vector comes from numpy's global generator: np.random.seed(1) first).
  * python-igraph 0.10.2: eigenvector_centrality (ARPACK), hub_score / authority_score (ARPACK).
    igraph draws ARPACK's start vector from Python's random module: random.seed(1) first.
  * R sna 2.7 bonpow and R igraph 1.3.5 power_centrality (dense solve).
  * "exact": numpy 1.24 dense eigen-decompositions and LU solves of the defining equations.
"""
import csv
import warnings
import os
import random
import subprocess
import sys

import igraph
import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "ref_spectral.h")
AGREE_TOL = 1e-9
SEED = 1
NX_TOL = "1e-14"     # NetworkX stops when the L1 change is < N * tol
NX_MAXIT = "100000"

AGREE = []
FAILS = []
SINGULAR = []  # (set, direction, beta) where sna refuses


def read_csv(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class DataSet:
    """A data set as libleverage reads it: actors in index order, one record per CSV row."""

    def __init__(self, key, edges_rel, actors_rel=None, directed=False, title=""):
        self.key, self.edges_rel, self.actors_rel, self.directed, self.title = (
            key, edges_rel, actors_rel, directed, title)
        self.actors = []
        if actors_rel:
            self.actors = [r["name"] for r in read_csv(actors_rel)]
        seen = set(self.actors)
        self.edges = []
        for r in read_csv(edges_rel):
            for a in (r["source"], r["target"]):
                if a not in seen:
                    seen.add(a)
                    self.actors.append(a)
            self.edges.append((r["source"], r["target"], float(r["weight"])))
        self.index = {a: i for i, a in enumerate(self.actors)}
        self.n = len(self.actors)

    def src(self):
        return self.edges_rel if not self.actors_rel else f"{self.actors_rel} then {self.edges_rel}"

    def matrix(self, unit=False):
        """Sociomatrix W[i, j] = sum of strengths of records i -> j (symmetrized if undirected)."""
        W = np.zeros((self.n, self.n))
        for s, t, w in self.edges:
            w = 1.0 if unit else w
            W[self.index[s], self.index[t]] += w
            if not self.directed:
                W[self.index[t], self.index[s]] += w
        return W

    def nx_graph(self, reverse=False):
        """nx.Graph, or nx.DiGraph with parallel records folded: weight = summed strength,
        count = number of records (NetworkX's Katz and eigenvector refuse multigraphs)."""
        G = nx.DiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(self.actors)
        for s, t, w in self.edges:
            if reverse:
                s, t = t, s
            if G.has_edge(s, t):
                G[s][t]["weight"] += w
                G[s][t]["count"] += 1
            else:
                G.add_edge(s, t, weight=w, count=1)
        return G

    def igraph_graph(self, reverse=False):
        g = igraph.Graph(n=self.n, directed=self.directed)
        g.vs["name"] = self.actors
        pairs = [(self.index[s], self.index[t]) for s, t, _ in self.edges]
        if reverse:
            pairs = [(t, s) for s, t in pairs]
        g.add_edges(pairs)
        g.es["weight"] = [w for _, _, w in self.edges]
        return g

    def describe_nx(self, reverse=False):
        kind = "nx.DiGraph" if self.directed else "nx.Graph"
        r = ", every edge reversed" if reverse else ""
        fold = (" (parallel records folded: weight = summed strength, count = number of records)"
                if self.directed else "")
        return f"G = {kind} built from {self.src()}: nodes in libleverage index order{fold}{r}"

    def describe_igraph(self, reverse=False):
        r = ", every edge reversed" if reverse else ""
        return (f"g = igraph.Graph(n={self.n}, directed={self.directed}) built from {self.src()}: "
                f"vertex i = libleverage actor i, one edge per CSV row{r}, g.es['weight'] = strengths")


# ---------------------------------------------------------------------------------------------
# Exact values (numpy, double precision) from the defining equations
# ---------------------------------------------------------------------------------------------

def view_matrix(ds, direction, unit=False):
    """B with row i = what actor i's score reads: Aᵀ (in), A (out), A (undirected, symmetric)."""
    W = ds.matrix(unit)
    return W.T.copy() if (ds.directed and direction == "in") else W


def exact_eigenvector(ds, direction="in", unit=False):
    B = view_matrix(ds, direction, unit)
    vals, vecs = np.linalg.eig(B)
    order = np.argsort(-vals.real)
    top = vals[order[0]].real
    gap = top - vals[order[1]].real
    if gap < 1e-9:
        FAILS.append(f"{ds.key}: eigenvector: leading eigenvalue {top} not simple (gap {gap})")
    v = np.abs(vecs[:, order[0]].real)
    v /= np.linalg.norm(v)
    return dict(zip(ds.actors, v)), top


def exact_katz(ds, alpha, direction="in", unit=False, normalized=False):
    B = view_matrix(ds, direction, unit)
    x = np.linalg.solve(np.eye(ds.n) - float(alpha) * B, np.ones(ds.n))
    if normalized:
        x /= np.linalg.norm(x)
    return dict(zip(ds.actors, x))


def exact_hits(ds, unit=False):
    A = ds.matrix(unit)
    vals, vecs = np.linalg.eigh(A.T @ A)
    if vals[-1] - vals[-2] < 1e-9:
        FAILS.append(f"{ds.key}: hits: leading eigenvalue of A^T A not simple")
    a = np.abs(vecs[:, -1])
    h = A @ a
    return dict(zip(ds.actors, h / h.sum())), dict(zip(ds.actors, a / a.sum()))


def exact_bonacich(ds, beta, direction="in", unit=False, normalized=False):
    B = view_matrix(ds, direction, unit)
    c = np.linalg.solve(np.eye(ds.n) - beta * B, B.sum(axis=1))
    c = c / c.sum() if normalized else c * np.sqrt(ds.n / (c @ c))
    return dict(zip(ds.actors, c))


# ---------------------------------------------------------------------------------------------
# C output
# ---------------------------------------------------------------------------------------------

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


LINES = []
NARRAYS = 0


def array(name, comment, values, order):
    global NARRAYS
    assert set(values) == set(order), name
    NARRAYS += 1
    LINES.append("/* " + c_comment(comment) + " */")
    LINES.append(f"static const ref_value {name}[] = {{")
    for a in order:
        LINES.append(f"    {{{c_string(a)}, {'%.17g' % float(values[a])}}},")
    LINES.append("};")
    LINES.append(f"#define {name.upper()}_LEN {len(order)}")
    LINES.append("")


def compare(label, results, tol=AGREE_TOL):
    """results: list of (peer label, {name: value}); all pairs are compared."""
    names = list(results[0][1])
    for i in range(len(results)):
        for j in range(i + 1, len(results)):
            (la, a), (lb, b) = results[i], results[j]
            d = max(abs(a[n] - b[n]) for n in names)
            AGREE.append(f"{label}: |{la} - {lb}|max = {d:.3g}")
            if d > tol:
                FAILS.append(AGREE[-1])


def by_name(names, values):
    return dict(zip(names, [float(v) for v in values]))


def nx_eval(expr, G):
    return {k: float(v) for k, v in eval(expr, {"nx": nx, "G": G}).items()}


def ig_eval(expr, g):
    random.seed(SEED)
    return eval(expr, {"g": g})


# ---------------------------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------------------------

def emit_eigenvector(ds, suffix="", direction="in", unit=False):
    rev = ds.directed and direction == "out"
    G, g = ds.nx_graph(rev), ds.igraph_graph(rev)
    w = ("count" if ds.directed else None) if unit else "weight"
    wn = "None" if w is None else f'"{w}"'
    wi = "None" if unit else '"weight"'
    xn = f"nx.eigenvector_centrality(G, max_iter={NX_MAXIT}, tol={NX_TOL}, weight={wn})"
    xi = f"g.eigenvector_centrality(scale=False, weights={wi})"
    xs = f"g.eigenvector_centrality(scale=True, weights={wi})"
    vn = nx_eval(xn, G)
    vi = by_name(ds.actors, ig_eval(xi, g))
    vs = by_name(ds.actors, ig_eval(xs, g))
    ex, lam = exact_eigenvector(ds, direction, unit)
    base = f"ref_{ds.key}_eigenvector{suffix}"
    array(base + "_nx", f"networkx {nx.__version__}: {xn} on {ds.describe_nx(rev)}", vn, ds.actors)
    array(base + "_igraph", f"igraph {igraph.__version__}: random.seed({SEED}); {xi} on "
          f"{ds.describe_igraph(rev)}", vi, ds.actors)
    array(base + "_igraph_scaled", f"igraph {igraph.__version__}: random.seed({SEED}); {xs} on "
          f"{ds.describe_igraph(rev)} (largest = 1)", vs, ds.actors)
    array(base + "_exact", f"numpy {np.__version__}: the unit-length nonnegative eigenvector of the "
          f"largest eigenvalue ({lam:.17g}) of {'A^T' if ds.directed and direction == 'in' else 'A'} "
          f"(np.linalg.eig)", ex, ds.actors)
    mx = max(vs.values())
    vs_unit = {k: v / np.linalg.norm(list(vs.values())) for k, v in vs.items()}
    compare(base, [("networkx", vn), ("igraph", vi), ("igraph-scaled/norm", vs_unit), ("exact", ex)])
    d = max(abs(vs[k] - ex[k] / max(ex.values())) for k in ds.actors)
    AGREE.append(f"{base}: |igraph-scaled - exact/max(exact)|max = {d:.3g} (max {mx:.17g})")
    if d > AGREE_TOL:
        FAILS.append(AGREE[-1])


def emit_katz(ds, alpha, suffix="", direction="in", unit=False):
    rev = ds.directed and direction == "out"
    G = ds.nx_graph(rev)
    w = ("count" if ds.directed else None) if unit else "weight"
    wn = "None" if w is None else f'"{w}"'
    base = f"ref_{ds.key}_katz{suffix}"
    for norm, tag in (("False", ""), ("True", "_normalized")):
        xn = (f"nx.katz_centrality(G, alpha={alpha}, beta=1.0, max_iter={NX_MAXIT}, tol={NX_TOL}, "
              f"normalized={norm}, weight={wn})")
        xp = f"nx.katz_centrality_numpy(G, alpha={alpha}, beta=1.0, normalized={norm}, weight={wn})"
        vn, vp = nx_eval(xn, G), nx_eval(xp, G)
        ex = exact_katz(ds, alpha, direction, unit, norm == "True")
        array(base + tag + "_nx", f"networkx {nx.__version__}: {xn} on {ds.describe_nx(rev)}",
              vn, ds.actors)
        array(base + tag + "_nx_numpy", f"networkx {nx.__version__}: {xp} on {ds.describe_nx(rev)}",
              vp, ds.actors)
        tol = AGREE_TOL * (max(ex.values()) if norm == "False" else 1)
        compare(base + tag, [("networkx", vn), ("networkx-numpy", vp), ("exact", ex)], tol)


def emit_hits(ds, unit=False, suffix=""):
    G, g = ds.nx_graph(), ds.igraph_graph()
    wi = "None" if unit else '"weight"'
    if unit and ds.directed:
        for u, v, d in G.edges(data=True):
            d["weight"] = float(d["count"])
    if unit and not ds.directed:
        for u, v, d in G.edges(data=True):
            d["weight"] = 1.0
    xn = f"nx.hits(G, max_iter={NX_MAXIT}, tol={NX_TOL})"
    np.random.seed(SEED)  # scipy's svds draws its start vector from numpy's global generator
    hn, an = eval(xn, {"nx": nx, "G": G})
    hn = {k: float(v) for k, v in hn.items()}
    an = {k: float(v) for k, v in an.items()}
    xh = f"g.hub_score(weights={wi}, scale=True)"
    xa = f"g.authority_score(weights={wi}, scale=True)"
    hi = by_name(ds.actors, ig_eval(xh, g))
    ai = by_name(ds.actors, ig_eval(xa, g))
    he, ae = exact_hits(ds, unit)
    base = f"ref_{ds.key}_hits{suffix}"
    wtxt = " (weight attribute: the folded count, i.e. unit strengths)" if unit else ""
    array(base + "_hubs_nx", f"networkx {nx.__version__}: np.random.seed({SEED}); {xn}[0] on "
          f"{ds.describe_nx()}{wtxt}", hn, ds.actors)
    array(base + "_authorities_nx", f"networkx {nx.__version__}: np.random.seed({SEED}); {xn}[1] on "
          f"{ds.describe_nx()}{wtxt}", an, ds.actors)
    array(base + "_hubs_igraph", f"igraph {igraph.__version__}: random.seed({SEED}); {xh} on "
          f"{ds.describe_igraph()} (largest = 1)", hi, ds.actors)
    array(base + "_authorities_igraph", f"igraph {igraph.__version__}: random.seed({SEED}); {xa} on "
          f"{ds.describe_igraph()} (largest = 1)", ai, ds.actors)
    sh, sa = sum(hi.values()), sum(ai.values())
    compare(base + "_hubs", [("networkx", hn), ("igraph/sum", {k: v / sh for k, v in hi.items()}),
                             ("exact", he)])
    compare(base + "_authorities", [("networkx", an), ("igraph/sum", {k: v / sa for k, v in ai.items()}),
                                    ("exact", ae)])


R_HEAD = "suppressMessages({library(sna); library(igraph)})"


def run_r(script):
    """Run R source text (fed on stdin: -e truncates long expressions) and return its output."""
    r = subprocess.run(["Rscript", "--vanilla", "/dev/stdin"], input=script, capture_output=True,
                       text=True, check=True)
    return r.stdout


def r_matrix(W):
    vals = ",".join("%.17g" % x for x in W.flatten())
    return f"d <- matrix(c({vals}), nrow={W.shape[0]}, byrow=TRUE)"


def emit_bonacich(ds, betas, direction="in", unit=False, suffix="", rigraph=False, normalized=False):
    """sna::bonpow (and R igraph's power_centrality for 0/1 data) on the view matrix."""
    W = ds.matrix(unit)  # rows = senders
    inview = ds.directed and direction == "in"
    mat = "t(d)" if inview else "d"
    for beta in betas:
        tag = ("m" if beta < 0 else "") + ("%g" % abs(beta)).replace(".", "")
        rescale = "TRUE" if normalized else "FALSE"
        call = f"sna::bonpow({mat}, exponent={beta!r}, diag=TRUE, rescale={rescale})"
        script = (f"{R_HEAD}; {r_matrix(W)}; x <- tryCatch({call}, error=function(e) NULL); "
                  "if (is.null(x)) cat('SINGULAR\\n') else cat(sprintf('%.17g', x), sep='\\n')")
        out = run_r(script).split()
        base = f"ref_{ds.key}_bonacich{suffix}_b{tag}"
        if out == ["SINGULAR"]:
            B = view_matrix(ds, direction, unit)
            M = np.eye(ds.n) - beta * B
            rc = 1.0 / (np.linalg.norm(M, 1) * np.linalg.norm(np.linalg.pinv(M), 1))
            ev = np.linalg.eigvals(B)
            near = ev[np.argmin(abs(ev - 1.0 / beta))]
            AGREE.append(f"{base}: sna refuses (rcond < 1e-7); not emitted. numpy: eigenvalue "
                         f"{near.real:.17g} of B vs 1/beta = {1.0 / beta:g}, rcond via pinv {rc:.3g}")
            SINGULAR.append((ds.key, direction, beta))
            continue
        ex = exact_bonacich(ds, beta, direction, unit, normalized)
        vs = by_name(ds.actors, out)
        dm = "the sociomatrix of " + ds.src() + (" (rows = senders; parallel records summed"
                                                 + (", unit strengths" if unit else "") + ")")
        array(base + "_sna", f"R sna 2.7: {call} with d = {dm}", vs, ds.actors)
        res = [("sna", vs), ("exact", ex)]
        if rigraph:
            gm = "igraph::graph_from_adjacency_matrix(" + mat + ', mode="directed")'
            rcall = (f"igraph::power_centrality({gm}, exponent={beta!r}, loops=TRUE, rescale={rescale}, "
                     "sparse=FALSE)")
            script = (f"{R_HEAD}; {r_matrix(W)}; x <- {rcall}; "
                      "cat(sprintf('%.17g', x), sep='\\n')")
            vr = by_name(ds.actors, run_r(script).split())
            array(base + "_rigraph", f"R igraph 1.3.5: {rcall} with d = {dm}", vr, ds.actors)
            res.append(("R-igraph", vr))
        compare(base, res)


def main():
    warnings.simplefilter("ignore", FutureWarning)
    sets = {
        "florentine16": DataSet("florentine16", "examples/data/florentine_edges.csv",
                                "examples/data/florentine_actors.csv",
                                title="Florentine families, 16 actors (Pucci isolated), undirected"),
        "karate": DataSet("karate", "tests/data/karate_edges.csv", title="karate, undirected"),
        "karate_weighted": DataSet("karate_weighted", "tests/data/karate_weighted_edges.csv",
                                   title="karate, weighted, undirected"),
        "lesmis": DataSet("lesmis", "tests/data/lesmis_edges.csv", title="Les Miserables, weighted"),
        "kite": DataSet("kite", "tests/data/kite_edges.csv", title="Krackhardt kite"),
        "coleman": DataSet("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv",
                           directed=True, title="Coleman friendships (fall), directed"),
        "dangling": DataSet("dangling", "tests/data/directed_dangling.csv", directed=True,
                            title="hand-made directed: parallel edges, self-loop, dangling"),
    }
    assert sets["florentine16"].n == 16 and sets["coleman"].n == 73 and sets["dangling"].n == 8

    # Coleman as read from the CSV is sna's own coleman[1,,].
    W = sets["coleman"].matrix()
    ref = run_r(f"{R_HEAD}; data(coleman); cat(as.vector(t(coleman[1,,])), sep='\\n')").split()
    assert np.array_equal(W.flatten(), np.array([float(x) for x in ref])), "coleman differs from sna's"

    # Katz attenuation per set: about 0.3..0.7 of 1/lambda_max.
    alphas = {"florentine16": "0.1", "karate": "0.1", "karate_weighted": "0.02", "lesmis": "0.01",
              "kite": "0.1", "coleman": "0.1", "dangling": "0.1"}
    for key, ds in sets.items():
        emit_eigenvector(ds)
        emit_katz(ds, alphas[key])
        emit_hits(ds)
        emit_bonacich(ds, [0.1, -0.1, -0.5, 1.0], rigraph=key not in ("karate_weighted", "lesmis", "dangling"))
        if ds.directed:
            emit_eigenvector(ds, "_out", "out")
            emit_katz(ds, alphas[key], "_out", "out")
            emit_bonacich(ds, [0.1, -0.5], "out", suffix="_out", rigraph=key == "coleman")
    lm, dg = sets["lesmis"], sets["dangling"]
    emit_eigenvector(lm, "_unweighted", unit=True)
    emit_katz(lm, "0.05", "_unweighted", unit=True)
    emit_hits(lm, unit=True, suffix="_unweighted")
    emit_bonacich(lm, [0.05], unit=True, suffix="_unweighted", rigraph=True)
    emit_eigenvector(dg, "_unweighted", unit=True)
    emit_bonacich(sets["kite"], [0.1, -0.5], suffix="_normalized", rigraph=True, normalized=True)

    # The tests expect exactly these to be singular (eigenvalue -2, beta = -1/2).
    expect = [("karate", "in", -0.5), ("lesmis", "in", -0.5), ("kite", "in", -0.5), ("kite", "in", -0.5)]
    if SINGULAR != expect:
        FAILS.append(f"singular cases changed: {SINGULAR}")

    # Singular I - beta*A: a 5-cycle (lambda = 2) at beta = 1/2. sna refuses it too.
    err = run_r(f"{R_HEAD}; d <- matrix(0, 5, 5); for (i in 1:5) {{ j <- i %% 5 + 1; d[i, j] <- 1; "
                "d[j, i] <- 1 }; x <- tryCatch(sna::bonpow(d, exponent=0.5), error=function(e) 'ERR'); cat(x[1])")
    AGREE.append(f"5-cycle, bonpow(d, exponent=0.5): sna gives {err!r} (singular)")
    if err != "ERR":
        FAILS.append(AGREE[-1])

    head = [
        "/* Generated by tests/ref/make_refs_spectral.py -- do not edit; regenerate with",
        " *     /usr/bin/python3 tests/ref/make_refs_spectral.py",
        " * Katz, eigenvector, HITS and Bonacich power on the test data sets (tests/ref/README.md).",
        f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, numpy {np.__version__}, "
        f"R sna 2.7, R igraph 1.3.5, Python {sys.version.split()[0]}.",
        " * Arrays list actors in libleverage index order; look values up by name. */",
        "#ifndef LEV_TEST_REF_SPECTRAL_H",
        "#define LEV_TEST_REF_SPECTRAL_H",
        "",
        '#include "ref_common.h"',
        "",
        "#if defined(__GNUC__) || defined(__clang__)",
        "#pragma GCC diagnostic push",
        '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
        "#endif",
        "",
        '#define REF_COLEMAN_EDGES_CSV "tests/data/coleman_edges.csv"',
        '#define REF_COLEMAN_ACTORS_CSV "tests/data/coleman_actors.csv"',
        "#define REF_COLEMAN_N 73",
        "",
    ]
    for a in AGREE:
        assert "*/" not in a
    tail = ["/* Agreement (max absolute difference over actors; failure threshold "
            f"{AGREE_TOL:g}, scaled by the largest value for raw Katz):"]
    tail += [" *   " + c_comment(a) for a in AGREE]
    tail += [" */", "",
             "#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
             "#endif /* LEV_TEST_REF_SPECTRAL_H */", ""]
    with open(OUT, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(head + LINES + tail))
    print("\n".join(AGREE))
    print(f"wrote {OUT}: {NARRAYS} arrays, {len(AGREE)} checks")
    if FAILS:
        print("FAILED CHECKS:\n  " + "\n  ".join(FAILS), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
