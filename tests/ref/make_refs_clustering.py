#!/usr/bin/python3
"""Reference values for clustering, transitivity, per-actor reciprocity and directed modularity,
written to tests/ref/ref_clustering.h.

Run with the system interpreter, which has the peers:

    /usr/bin/python3 tests/ref/make_refs_clustering.py

Deterministic: two runs give byte-identical output. It exits non-zero when a cross-check fails:

  * clustering: NetworkX agrees with an independent numpy evaluation of the definitions
    (undirected: t_v = (S^3)_vv with S the 0/1 or cube-root-weight matrix; directed: Fagiolo's
    (S^3)_vv / (2 (d_tot (d_tot - 1) - 2 d_bi)) with S = A + A^T or W^[1/3] + (W^T)^[1/3]) to
    1e-12, and igraph's transitivity_local_undirected(mode="zero") / transitivity_undirected /
    transitivity_avglocal_undirected(mode="zero") agree with NetworkX on the unweighted
    undirected forms to 1e-12;
  * reciprocity per actor: NetworkX agrees with a direct count;
  * directed modularity: NetworkX's community.modularity on the MultiDiGraph of the edge records
    agrees with a direct evaluation of Leicht & Newman's formula to 1e-12.

How libleverage's network maps to the peers' graphs (the conventions of lev_clustering() and
lev_reciprocity_actors()): D = nx.DiGraph with one edge per ordered pair (u != v) carrying the
summed strength of the edge records u -> v (self-loops dropped); U = nx.Graph with one edge per
unordered pair carrying the summed strength of the edge records both ways (self-loops dropped).
Directed modularity uses M = nx.MultiDiGraph with one edge per edge record, self-loops kept.
"""
import csv
import os
import sys

import igraph
import networkx as nx
import numpy as np
from networkx.algorithms import community as nxc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Copied from make_refs.py / make_refs_cohesion.py (which import mpmath, not needed here), so that
# this script runs on its own: the C-literal helpers, the CSV loader and the gen_directed set.
LCG_A = 6364136223846793005
LCG_C = 1442695040888963407
MASK = (1 << 64) - 1


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


class LCG:
    def __init__(self, seed):
        self.x = seed & MASK

    def r(self):
        self.x = (self.x * LCG_A + LCG_C) & MASK
        return self.x >> 33


class Net:
    """A network as libleverage sees it: actors in index order and edge records."""

    def __init__(self, key, actors, edges, directed, groups=None):
        self.key = key
        self.actors = actors
        self.edges = edges  # (source, target, weight, channel)
        self.directed = directed
        self.index = {a: i for i, a in enumerate(actors)}
        self.groups = groups or {}

    def nx_graph(self):
        G = nx.MultiDiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(self.actors)
        for s, t, w, c in self.edges:
            G.add_edge(s, t, weight=w, channel=c)
        return G

    def igraph_graph(self):
        g = igraph.Graph(n=len(self.actors), directed=self.directed)
        g.vs["name"] = self.actors
        g.add_edges([(self.index[s], self.index[t]) for s, t, _, _ in self.edges])
        g.es["weight"] = [w for _, _, w, _ in self.edges]
        return g


def load(key, edges_rel, actors_rel=None, directed=False):
    """Read a CSV data set in libleverage's order: actors file first, then first appearance."""
    actors, groups = [], {}
    if actors_rel:
        with open(os.path.join(ROOT, actors_rel), encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                actors.append(r["name"])
                groups[r["name"]] = r.get("group", "")
    seen, edges = set(actors), []
    with open(os.path.join(ROOT, edges_rel), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for a in (r["source"], r["target"]):
                if a not in seen:
                    seen.add(a)
                    actors.append(a)
            edges.append((r["source"], r["target"], float(r["weight"]), r.get("channel", "")))
    return Net(key, actors, edges, directed, groups)


def gen_directed():
    n, m, rng = 600, 1000, LCG(42)
    names = [f"v{i}" for i in range(n)]
    edges = []
    for _ in range(m):
        s = rng.r() % n
        t = rng.r() % n
        if t == s:
            t = (t + 1) % n
        w = 1 + rng.r() % 3
        edges.append((names[s], names[t], float(w), ""))
    return Net("gen_directed", names, edges, True)

OUT = "ref_clustering.h"
FAILS = []
NOTES = []
LINES = []
COUNT = [0, 0]


def check(cond, what):
    if not cond:
        FAILS.append(what)


def emit_array(name, comment, values, order):
    COUNT[0] += 1
    LINES.append("/* " + c_comment(comment) + " */")
    LINES.append(f"static const ref_value {name}[] = {{")
    for a in order:
        LINES.append(f"    {{{c_string(a)}, {'%.17g' % values[a]}}},")
    LINES.append("};")
    LINES.append(f"#define {name.upper()}_LEN {len(order)}")
    LINES.append("")


def emit_scalar(name, comment, value):
    COUNT[1] += 1
    LINES.append("/* " + c_comment(comment) + " */")
    LINES.append(f"static const double {name} = {'%.17g' % value};")
    LINES.append("")


def graphs(ds):
    D = nx.DiGraph()
    U = nx.Graph()
    M = nx.MultiDiGraph()
    for G in (D, U, M):
        G.add_nodes_from(ds.actors)
    for s, t, w, _ in ds.edges:
        M.add_edge(s, t, weight=w)
        if s == t:
            continue
        for G in (D, U):
            if G.has_edge(s, t):
                G[s][t]["weight"] += w
            else:
                G.add_edge(s, t, weight=w)
    return D, U, M


def own_clustering(ds, D, U, directed, weighted):
    n = len(ds.actors)
    idx = ds.index
    if directed:
        W = np.zeros((n, n))
        for s, t, d in D.edges(data=True):
            W[idx[s], idx[t]] = d["weight"] if weighted else 1.0
        A = (W > 0).astype(float)
        if weighted:
            W = np.cbrt(W / W.max()) if W.max() > 0 else W
            S = W + W.T
        else:
            S = A + A.T
        t = np.diag(S @ S @ S)
        dtot = A.sum(0) + A.sum(1)
        dbi = np.diag(A @ A)
        den = 2 * (dtot * (dtot - 1) - 2 * dbi)
    else:
        W = np.zeros((n, n))
        for s, t, d in U.edges(data=True):
            W[idx[s], idx[t]] = W[idx[t], idx[s]] = d["weight"] if weighted else 1.0
        deg = (W > 0).sum(1).astype(float)
        S = np.cbrt(W / W.max()) if weighted and W.max() > 0 else W
        t = np.diag(S @ S @ S)
        den = deg * (deg - 1)
    out = {}
    for a in ds.actors:
        i = idx[a]
        out[a] = 0.0 if t[i] == 0 else t[i] / den[i]
    return out


FORMS = (  # (suffix, directed, weighted)
    ("und", False, False),
    ("und_w", False, True),
    ("dir", True, False),
    ("dir_w", True, True),
)


def clustering_refs(ds, forms):
    D, U, M = graphs(ds)
    env = {"nx": nx, "D": D, "U": U}
    for suffix, directed, weighted in forms:
        g = "D" if directed else "U"
        expr = f"nx.clustering({g}, weight='weight')" if weighted else f"nx.clustering({g})"
        vals = eval(expr, env)
        own = own_clustering(ds, D, U, directed, weighted)
        err = max(abs(vals[a] - own[a]) for a in ds.actors)
        check(err <= 1e-12, f"{ds.key} clustering {suffix}: networkx vs numpy {err:g}")
        NOTES.append(f"{ds.key} clustering {suffix}: networkx vs numpy {err:.2g}")
        emit_array(f"ref_clust_{ds.key}_{suffix}",
                   f"{expr} (D, U as in make_refs_clustering.py's docstring) on the {ds.key} set",
                   vals, ds.actors)
        aexpr = f"nx.average_clustering({g}, weight='weight')" if weighted else f"nx.average_clustering({g})"
        emit_scalar(f"ref_clust_{ds.key}_{suffix}_avg", aexpr, eval(aexpr, env))
    # igraph on the unweighted undirected forms
    g = igraph.Graph(n=len(ds.actors), directed=False)
    g.add_edges([(ds.index[s], ds.index[t]) for s, t in U.edges()])
    loc = g.transitivity_local_undirected(mode="zero")
    nxl = nx.clustering(U)
    err = max(abs(loc[ds.index[a]] - nxl[a]) for a in ds.actors)
    check(err <= 1e-12, f"{ds.key}: igraph local transitivity {err:g}")
    tr = nx.transitivity(U)
    check(abs(g.transitivity_undirected() - tr) <= 1e-12, f"{ds.key}: igraph transitivity")
    check(abs(g.transitivity_avglocal_undirected(mode="zero") - nx.average_clustering(U)) <= 1e-12,
          f"{ds.key}: igraph average local transitivity")
    NOTES.append(f"{ds.key}: igraph vs networkx local clustering {err:.2g}")
    emit_scalar(f"ref_clust_{ds.key}_transitivity", "nx.transitivity(U)", tr)


def reciprocity_refs(ds):
    D, _, _ = graphs(ds)
    vals = nx.reciprocity(D, list(ds.actors))
    have = [a for a in ds.actors if vals[a] is not None]
    for a in ds.actors:
        succ, pred = set(D.successors(a)), set(D.predecessors(a))
        if not succ and not pred:
            check(vals[a] is None, f"{ds.key} reciprocity {a}: expected None")
        else:
            check(abs(vals[a] - 2 * len(succ & pred) / (len(succ) + len(pred))) <= 1e-15,
                  f"{ds.key} reciprocity {a}")
    emit_array(f"ref_recip_{ds.key}",
               f"nx.reciprocity(D, list(actors)) on the {ds.key} set; actors for which it is None "
               f"(no ties) are left out: libleverage gives NaN", {a: vals[a] for a in have}, have)


def own_dir_modularity(ds, part, weighted, gamma=1.0):
    m, kout, kin, inside = 0.0, {}, {}, 0.0
    for s, t, w, _ in ds.edges:
        x = w if weighted else 1.0
        m += x
        kout[s] = kout.get(s, 0.0) + x
        kin[t] = kin.get(t, 0.0) + x
        if part[s] == part[t]:
            inside += x
    Ko, Ki = {}, {}
    for a in ds.actors:
        Ko[part[a]] = Ko.get(part[a], 0.0) + kout.get(a, 0.0)
        Ki[part[a]] = Ki.get(part[a], 0.0) + kin.get(a, 0.0)
    return inside / m - gamma * sum(Ko[c] * Ki[c] for c in Ko) / (m * m)


def louvain_selfloop_fixed():
    """NetworkX 2.8.8's _one_level with the one-line fix of later releases: on a directed graph
    its neighbour weights include a node's own self-loop (created by aggregation), which then
    counts as a tie to its own community and holds the node there, so its directed Louvain stops
    early. The fixed copy skips self-loops, as its undirected branch already does. Returns a
    context manager that installs it in networkx.algorithms.community.louvain."""
    import contextlib
    import inspect
    from networkx.algorithms.community import louvain as lv
    src = inspect.getsource(lv._one_level)
    fixed = src.replace("""            for _, n, wt in G.out_edges(u, data="weight"):
                nbrs[u][n] += wt
            for n, _, wt in G.in_edges(u, data="weight"):
                nbrs[u][n] += wt""", """            for _, n, wt in G.out_edges(u, data="weight"):
                if n != u:
                    nbrs[u][n] += wt
            for n, _, wt in G.in_edges(u, data="weight"):
                if n != u:
                    nbrs[u][n] += wt""")
    assert fixed != src, "networkx's _one_level changed: revisit the fix"

    @contextlib.contextmanager
    def installed():
        original = lv._one_level
        ns = dict(lv.__dict__)
        exec(fixed, ns)
        lv._one_level = ns["_one_level"]
        try:
            yield
        finally:
            lv._one_level = original
    return installed()


def modularity_refs(ds, seeds):
    _, _, M = graphs(ds)
    for weighted in (True, False):
        wkey = "weight" if weighted else None
        tag = "w" if weighted else "unw"
        # louvain partitions of the peer, one per seed
        qs = []
        for seed in seeds:
            expr = f"nxc.louvain_communities(M, weight={wkey!r}, seed={seed})"
            part = eval(expr, {"nxc": nxc, "M": M})
            q = nxc.modularity(M, part, weight=wkey)
            lab = {a: k for k, c in enumerate(part) for a in c}
            own = own_dir_modularity(ds, lab, weighted)
            check(abs(q - own) <= 1e-12, f"{ds.key} directed modularity {tag} seed {seed}: {q} vs {own}")
            qs.append(q)
            if seed == seeds[0]:
                emit_array(f"ref_dmod_{ds.key}_{tag}_part",
                           f"community index of each actor in {expr} (M as in the docstring) on the "
                           f"{ds.key} set", lab, ds.actors)
                emit_scalar(f"ref_dmod_{ds.key}_{tag}_q",
                            f"nxc.modularity(M, {expr}, weight={wkey!r}): directed modularity of that partition", q)
        emit_scalar(f"ref_dmod_{ds.key}_{tag}_louvain_best",
                    f"max(nxc.modularity(M, nxc.louvain_communities(M, weight={wkey!r}, seed=s), "
                    f"weight={wkey!r}) for s in {list(seeds)!r})", max(qs))
        with louvain_selfloop_fixed():
            fq = [nxc.modularity(M, nxc.louvain_communities(M, weight=wkey, seed=seed), weight=wkey)
                  for seed in seeds]
        emit_scalar(f"ref_dmod_{ds.key}_{tag}_louvain_fixed_best",
                    f"the same maximum with louvain_selfloop_fixed() installed (NetworkX 2.8.8's directed "
                    f"Louvain with self-loops skipped in its neighbour weights, as NetworkX 3 does)", max(fq))
        NOTES.append(f"{ds.key} directed modularity {tag}: networkx louvain seed {seeds[0]} {qs[0]:.6f}, "
                     f"best of {len(seeds)} {max(qs):.6f}; with the self-loop fix best {max(fq):.6f}")
    # every actor alone and all in one: closed forms for the test
    alone = {a: i for i, a in enumerate(ds.actors)}
    emit_scalar(f"ref_dmod_{ds.key}_w_singletons",
                "nxc.modularity(M, [{a} for a in actors], weight='weight')",
                nxc.modularity(M, [{a} for a in ds.actors], weight="weight"))
    check(abs(own_dir_modularity(ds, alone, True)
              - nxc.modularity(M, [{a} for a in ds.actors], weight="weight")) <= 1e-12,
          f"{ds.key} singletons")


def write_header():
    head = [
        "/* Generated by tests/ref/make_refs_clustering.py -- do not edit; regenerate with",
        " *     /usr/bin/python3 tests/ref/make_refs_clustering.py",
        " * Clustering, transitivity, per-actor reciprocity, directed modularity.",
        f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, "
        f"numpy {np.__version__}, Python {sys.version.split()[0]}.",
        " * Arrays list actors in libleverage index order; look values up by name. */",
        "#ifndef LEV_TEST_REF_CLUSTERING_H",
        "#define LEV_TEST_REF_CLUSTERING_H",
        "",
        '#include "ref_common.h"',
        "",
        "#if defined(__GNUC__) || defined(__clang__)",
        "#pragma GCC diagnostic push",
        '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
        '#pragma GCC diagnostic ignored "-Wunused-variable"',
        "#endif",
        "",
    ]
    tail = ["#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
            "#endif /* LEV_TEST_REF_CLUSTERING_H */", ""]
    with open(os.path.join(HERE, OUT), "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(head + LINES + tail))


def main():
    karate = load("karate", "tests/data/karate_edges.csv")
    karate_w = load("karate_weighted", "tests/data/karate_weighted_edges.csv")
    lesmis = load("lesmis", "tests/data/lesmis_edges.csv")
    flo = load("florentine", "examples/data/florentine_edges.csv", "examples/data/florentine_actors.csv")
    coleman = load("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv", directed=True)
    dang = load("dangling", "tests/data/directed_dangling.csv", directed=True)
    gen = gen_directed()
    for ds in (karate, karate_w, lesmis, flo):
        clustering_refs(ds, FORMS[:2])
    for ds in (coleman, dang, gen):
        clustering_refs(ds, FORMS)
    for ds in (coleman, dang, gen):
        reciprocity_refs(ds)
    for ds in (coleman, gen):
        modularity_refs(ds, list(range(1, 11)))
    write_header()
    print(f"wrote tests/ref/{OUT}: {COUNT[0]} arrays, {COUNT[1]} scalars")
    for line in NOTES:
        print("  " + line)
    if FAILS:
        print("FAILED CHECKS:\n  " + "\n  ".join(FAILS), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    # NetworkX sums over sets of string names, whose order follows the hash seed: fix it so that
    # two runs give byte-identical output (re-executes once with PYTHONHASHSEED=0).
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    sys.exit(main())
