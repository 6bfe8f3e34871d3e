#!/usr/bin/python3
"""Reference values for the cohesion family (components, coreness, modularity, communities,
core-periphery), written to tests/ref/ref_cohesion.h.

Run with the system interpreter, which has the peers:

    /usr/bin/python3 tests/ref/make_refs_cohesion.py

Deterministic: two runs give byte-identical output (igraph's RNG is Python's `random`, which is
seeded before every randomized call). It exits non-zero when a cross-check fails:

  * components: NetworkX and igraph give the same partition (compared as canonical labels:
    component ids numbered in order of each component's first actor, libleverage's rule);
  * coreness: NetworkX (where it applies) and igraph agree exactly, and both agree with an
    independent peeling implemented here;
  * modularity: NetworkX and igraph agree to 1e-12 on every given partition, and both agree
    with a direct evaluation of Newman's formula implemented here;
  * core-periphery (no peer implements it): two independent numpy solutions of
    min sum_{i != j} (a_ij - c_i c_j)^2 -- the minres fixed point iterated by
    eigen-decomposition with an imputed diagonal, then polished by Newton's method on the
    gradient; and plain Gauss-Seidel coordinate descent -- agree to 1e-9, the gradient
    vanishes, and the fit is recomputed from its definition with numpy.corrcoef.

Every array or scalar is preceded by a comment with the exact expression that produced it; the
script evaluates that very string, so comment and value cannot drift. Names are actor names;
look values up by name.

Generated networks (built identically by tests/test_cohesion.c, so no data file is needed):

  * gen_directed: 600 actors "v0".."v599" (added in that order), 1000 directed edges from the
    64-bit LCG x <- x*6364136223846793005 + 1442695040888963407 (mod 2^64) started at 42,
    r() = x >> 33: source r() % 600, target r() % 600 (target+1 mod 600 when equal), strength
    1 + r() % 3. Parallel edges possible, no self-loops.
  * planted: 10000 actors "p0".."p9999" in 100 planted groups of 100 (group = index / 100);
    the same LCG started at 7; for each actor i in order: 6 edges i -> j with j drawn in i's
    group (j = group start + r() % 100, redrawn while j == i), then 4 edges i -> j with j drawn
    outside it (j = r() % 10000, redrawn while in i's group). Strength 1. Mixing 0.4,
    mean undirected degree 20; parallel edges possible.
"""
import csv
import os
import random
import sys

import igraph
import networkx as nx
import numpy as np
from networkx.algorithms.community import modularity as nx_modularity

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from make_refs import c_string, c_comment  # noqa: E402  (the shared C-literal helpers)

OUT = "ref_cohesion.h"
FAILS = []
NOTES = []  # agreement lines, printed at the end

LCG_A = 6364136223846793005
LCG_C = 1442695040888963407
MASK = (1 << 64) - 1


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


def gen_planted():
    n, size, rng = 10000, 100, LCG(7)
    names = [f"p{i}" for i in range(n)]
    edges = []
    for i in range(n):
        g0 = (i // size) * size
        for _ in range(6):
            j = g0 + rng.r() % size
            while j == i:
                j = g0 + rng.r() % size
            edges.append((names[i], names[j], 1.0, ""))
        for _ in range(4):
            j = rng.r() % n
            while j // size == i // size:
                j = rng.r() % n
            edges.append((names[i], names[j], 1.0, ""))
    return Net("planted", names, edges, False, {names[i]: str(i // size) for i in range(n)})


# ------------------------------------------------------------------------------------------------
# Output
# ------------------------------------------------------------------------------------------------

LINES = []
COUNT = [0, 0]  # arrays, scalars


def emit_array(name, comment, values, order):
    assert set(values) == set(order), name
    COUNT[0] += 1
    LINES.append("/* " + c_comment(comment) + " */")
    LINES.append(f"static const ref_value {name}[] = {{")
    for a in order:
        v = values[a]
        LINES.append(f"    {{{c_string(a)}, {'%.17g' % v}}},")
    LINES.append("};")
    LINES.append(f"#define {name.upper()}_LEN {len(order)}")
    LINES.append("")


def emit_scalar(name, comment, value):
    COUNT[1] += 1
    LINES.append("/* " + c_comment(comment) + " */")
    LINES.append(f"static const double {name} = {'%.17g' % value};")
    LINES.append("")


def write_header():
    head = [
        "/* Generated by tests/ref/make_refs_cohesion.py -- do not edit; regenerate with",
        " *     /usr/bin/python3 tests/ref/make_refs_cohesion.py",
        " * Cohesion: components, coreness, modularity, communities, core-periphery.",
        f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, "
        f"numpy {np.__version__}, Python {sys.version.split()[0]}.",
        " * Arrays list actors in libleverage index order; look values up by name. */",
        "#ifndef LEV_TEST_REF_COHESION_H",
        "#define LEV_TEST_REF_COHESION_H",
        "",
        '#include "ref_common.h"',
        "",
        "/* A test file uses only some of these. */",
        "#if defined(__GNUC__) || defined(__clang__)",
        "#pragma GCC diagnostic push",
        '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
        '#pragma GCC diagnostic ignored "-Wunused-variable"',
        "#endif",
        "",
    ]
    tail = ["#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
            "#endif /* LEV_TEST_REF_COHESION_H */", ""]
    with open(os.path.join(HERE, OUT), "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(head + LINES + tail))


def check(cond, what):
    if not cond:
        FAILS.append(what)


# ------------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------------

def canonical(ds, groups):
    """{actor: component id}, ids in order of each group's first actor (libleverage's rule)."""
    label = {}
    for gi, grp in enumerate(groups):
        for a in grp:
            label[a] = gi
    ids, out = {}, {}
    for a in ds.actors:
        k = label[a]
        if k not in ids:
            ids[k] = len(ids)
        out[a] = ids[k]
    return out


def canonical_membership(ds, membership):
    ids, out = {}, {}
    for a, k in zip(ds.actors, membership):
        if k not in ids:
            ids[k] = len(ids)
        out[a] = ids[k]
    return out


def undirected_multi_nx(ds):
    """nx.MultiGraph with one undirected edge per edge record (self-loops kept)."""
    G = nx.MultiGraph()
    G.add_nodes_from(ds.actors)
    for s, t, w, _ in ds.edges:
        G.add_edge(s, t, weight=w)
    return G


def undirected_multi_igraph(ds):
    g = igraph.Graph(n=len(ds.actors), directed=False)
    g.vs["name"] = ds.actors
    g.add_edges([(ds.index[s], ds.index[t]) for s, t, _, _ in ds.edges])
    g.es["weight"] = [w for _, _, w, _ in ds.edges]
    return g


def own_modularity(ds, part, gamma, weighted):
    """Newman's Q on the undirected multigraph view, straight from the definition."""
    m = 0.0
    k = {a: 0.0 for a in ds.actors}
    inside = {}
    for s, t, w, _ in ds.edges:
        x = w if weighted else 1.0
        m += x
        k[s] += x
        k[t] += x
        if part[s] == part[t]:
            inside[part[s]] = inside.get(part[s], 0.0) + x
    K = {}
    for a in ds.actors:
        K[part[a]] = K.get(part[a], 0.0) + k[a]
    return sum(inside.get(c, 0.0) / m - gamma * (K[c] / (2 * m)) ** 2 for c in K)


def own_coreness(ds, mode):
    """Peeling by repeated minimum (O(V^2), independent of both peers). Edge records count one
    each; self-loops are ignored. mode: 'in', 'out', 'all'."""
    deg = {a: 0 for a in ds.actors}
    nbr = {a: [] for a in ds.actors}  # actors whose degree drops when a is removed
    for s, t, _, _ in ds.edges:
        if s == t:
            continue
        if mode in ("in", "all") or not ds.directed:
            deg[t] += 1
            nbr[s].append(t)
        if mode in ("out", "all") or not ds.directed:
            deg[s] += 1
            nbr[t].append(s)
    core, alive, k = {}, set(ds.actors), 0
    while alive:
        v = min(alive, key=lambda a: (deg[a], ds.index[a]))
        k = max(k, deg[v])
        core[v] = k
        alive.remove(v)
        for u in nbr[v]:
            if u in alive:
                deg[u] -= 1
    return core


# ------------------------------------------------------------------------------------------------
# Core-periphery: two independent numpy solutions
# ------------------------------------------------------------------------------------------------

def cp_matrix(ds, weighted):
    n = len(ds.actors)
    A = np.zeros((n, n))
    for s, t, w, _ in ds.edges:
        i, j = ds.index[s], ds.index[t]
        if i != j:
            x = w if weighted else 1.0
            A[i, j] += x
            A[j, i] += x
    return A


def cp_start(A):
    k = A.sum(axis=1)
    P = np.outer(k, k)
    np.fill_diagonal(P, 0)
    alpha = np.sqrt((A * P).sum() / (P * P).sum())
    return alpha * k


def cp_gradient(A, c):
    # F_i = sum_{j != i} (a_ij - c_i c_j) c_j  (= -grad f / 4)
    return A @ c - c * ((c * c).sum() - c * c)


def cp_minres_newton(A):
    """Minres by eigen-decomposition with the diagonal imputed as c_i^2, then Newton."""
    c = cp_start(A)
    for _ in range(20000):
        M = A + np.diag(c * c)
        w, V = np.linalg.eigh(M)
        v = V[:, -1] * np.sign(V[:, -1].sum())
        new = np.sqrt(w[-1]) * v
        if np.abs(new - c).max() <= 1e-15 * new.max():
            c = new
            break
        c = new
    n = len(A)
    for _ in range(50):
        F = cp_gradient(A, c)
        S = (c * c).sum()
        J = A - 2 * np.outer(c, c)
        J[np.diag_indices(n)] = -(S - c * c)
        step = np.linalg.solve(J, F)
        c = c - step
        if np.abs(step).max() <= 1e-16 * np.abs(c).max():
            break
    return np.abs(c)


def cp_gauss_seidel(A):
    c = cp_start(A)
    for _ in range(200000):
        old = c.copy()
        S = (c * c).sum()
        for i in range(len(A)):
            den = S - c[i] ** 2
            new = (A[i] @ c - A[i, i] * c[i]) / den if den > 0 else c[i]
            S += new * new - c[i] ** 2
            c[i] = new
        if np.abs(c - old).max() <= 1e-15 * c.max():
            break
    return c


def cp_fit(A, c):
    iu = ~np.eye(len(A), dtype=bool)
    return float(np.corrcoef(A[iu], np.outer(c, c)[iu])[0, 1])


# ------------------------------------------------------------------------------------------------
# Families
# ------------------------------------------------------------------------------------------------

def components_refs(ds, key, directed_view):
    """directed_view: strong components of the edges as given (and weak ones)."""
    G = ds.nx_graph()
    if not ds.directed:  # the CSV edges as directed ties, for strong components
        G = nx.MultiDiGraph()
        G.add_nodes_from(ds.actors)
        for s, t, w, _ in ds.edges:
            G.add_edge(s, t, weight=w)
    g = igraph.Graph(n=len(ds.actors), directed=True)
    g.vs["name"] = ds.actors
    g.add_edges([(ds.index[s], ds.index[t]) for s, t, _, _ in ds.edges])
    env = {"nx": nx, "G": G, "g": g}
    desc = (f"G = nx.MultiDiGraph, g = igraph.Graph(directed=True): one edge per CSV row of the {key} set, "
            f"actors in libleverage index order; ids renumbered in order of each component's first actor")
    res = {}
    for kind, nx_expr, ig_expr in (
            ("scc", "list(nx.strongly_connected_components(G))", "g.connected_components(mode='strong')"),
            ("wcc", "list(nx.weakly_connected_components(G))", "g.connected_components(mode='weak')")):
        if not directed_view and kind == "scc":
            continue
        a = canonical(ds, eval(nx_expr, env))
        b = canonical_membership(ds, eval(ig_expr, env).membership)
        check(a == b, f"{key} {kind}: networkx and igraph partitions differ")
        res[kind] = a
        emit_array(f"ref_cohesion_{key}_{kind}_nx", f"{nx_expr}; {desc}", a, ds.actors)
        emit_array(f"ref_cohesion_{key}_{kind}_igraph", f"{ig_expr}.membership; {desc}", b, ds.actors)
    NOTES.append(f"{key}: components: networkx == igraph")
    return res


def coreness_refs(ds, key):
    g = ds.igraph_graph()
    loops = [e.index for e in g.es if e.source == e.target]
    g.delete_edges(loops)  # igraph counts a self-loop twice in coreness; libleverage ignores loops
    env = {"nx": nx, "g": g}
    gdesc = (f"g = igraph.Graph(directed={ds.directed}), one edge per CSV row of {key} (parallel edges kept), "
             f"self-loops deleted ({len(loops)})")
    modes = ("all", "in", "out") if ds.directed else ("all",)
    for mode in modes:
        expr = f"g.coreness(mode='{mode}')"
        val = dict(zip(ds.actors, map(float, eval(expr, env))))
        own = own_coreness(ds, mode)
        check(all(val[a] == own[a] for a in ds.actors), f"{key} coreness {mode}: igraph differs from own peeling")
        emit_array(f"ref_cohesion_{key}_core_{mode}_igraph", f"{expr}; {gdesc}", val, ds.actors)
    simple = len({(s, t) for s, t, _, _ in ds.edges}) == len(ds.edges) and not loops
    if simple:
        G = nx.DiGraph() if ds.directed else nx.Graph()
        G.add_nodes_from(ds.actors)
        G.add_edges_from((s, t) for s, t, _, _ in ds.edges)
        env["G"] = G
        expr = "nx.core_number(G)"
        val = {a: float(v) for a, v in eval(expr, env).items()}
        own = own_coreness(ds, "all")
        check(all(val[a] == own[a] for a in ds.actors), f"{key} coreness: networkx differs from own peeling")
        emit_array(f"ref_cohesion_{key}_core_all_nx",
                   f"{expr}; G = nx.{'DiGraph' if ds.directed else 'Graph'} of the CSV rows of {key} "
                   f"(degree = in + out for DiGraph)", val, ds.actors)
    NOTES.append(f"{key}: coreness: igraph == own peeling" + (" == networkx" if simple else
                                                               " (networkx refuses multigraphs/self-loops)"))


def modularity_refs(ds, key, parts):
    """parts: list of (part name, {actor: label})."""
    G = undirected_multi_nx(ds)
    g = undirected_multi_igraph(ds)
    desc = (f"G = nx.MultiGraph, g = igraph.Graph(directed=False): one undirected edge per CSV row of {key} "
            f"(parallel edges and self-loops kept), weight = strength")
    for pname, part in parts:
        emit_array(f"ref_cohesion_{key}_part_{pname}", f"the partition '{pname}' of {key} (labels)", part,
                   ds.actors)
        comms = {}
        for a in ds.actors:
            comms.setdefault(part[a], set()).add(a)
        env = {"nx": nx, "igraph": igraph, "G": G, "g": g, "modularity": nx_modularity,
               "comms": list(comms.values()), "memb": [part[a] for a in ds.actors]}
        for gamma in (1, 0.5, 2):
            for weighted in (1, 0):
                wn, wi = ("'weight'", "'weight'") if weighted else ("None", "None")
                nx_expr = f"modularity(G, comms, weight={wn}, resolution={gamma})"
                # python-igraph 0.10.2's Graph.modularity drops `resolution`: call GraphBase's.
                ig_expr = f"igraph.GraphBase.modularity(g, memb, {wi}, {gamma}, False)"
                qa, qb = eval(nx_expr, env), eval(ig_expr, env)
                qo = own_modularity(ds, part, gamma, weighted)
                d = max(abs(qa - qb), abs(qa - qo), abs(qb - qo))
                check(d <= 1e-12, f"{key} {pname} gamma={gamma} w={weighted}: modularity peers differ by {d:.3g}")
                NOTES.append(f"{key} part {pname} gamma={gamma} weighted={weighted}: Q={qa:.15f}, "
                             f"|nx-igraph|={abs(qa - qb):.2g} |nx-own|={abs(qa - qo):.2g}")
                tag = f"g{str(gamma).replace('.', '')}_{'w' if weighted else 'u'}"
                emit_scalar(f"ref_cohesion_{key}_q_{pname}_{tag}_nx", f"{nx_expr}; {desc}", qa)
                emit_scalar(f"ref_cohesion_{key}_q_{pname}_{tag}_igraph", f"{ig_expr}; {desc}", qb)


def community_refs(ds, key, seeds=50):
    """Modularity reached by igraph's Louvain and Leiden (for quality comparisons)."""
    g = undirected_multi_igraph(ds)
    env = {"g": g, "random": random}
    desc = f"g = igraph.Graph(directed=False), one undirected edge per CSV row of {key}"
    ml_expr = "g.community_multilevel(weights='weight')"
    random.seed(0)
    ml = eval(ml_expr, env)
    q_ml = g.modularity(ml.membership, weights="weight")
    emit_scalar(f"ref_cohesion_{key}_q_multilevel", f"random.seed(0); {ml_expr}.modularity; {desc}", q_ml)
    best = []
    for s in range(seeds):
        random.seed(s)
        best.append(g.modularity(eval(ml_expr, env).membership, weights="weight"))
    emit_scalar(f"ref_cohesion_{key}_q_multilevel_best",
                f"max over random.seed(s), s < {seeds}, of {ml_expr}.modularity; {desc}", max(best))
    ld_expr = "g.community_leiden(objective_function='modularity', weights='weight', n_iterations=-1)"
    lbest = []
    for s in range(seeds):
        random.seed(s)
        lbest.append(g.modularity(eval(ld_expr, env).membership, weights="weight"))
    emit_scalar(f"ref_cohesion_{key}_q_leiden_best",
                f"max over random.seed(s), s < {seeds}, of g.modularity({ld_expr}.membership); {desc}", max(lbest))
    NOTES.append(f"{key}: multilevel seed0 {q_ml:.6f}, multilevel best {max(best):.6f} "
                 f"(mean {np.mean(best):.6f}), leiden best {max(lbest):.6f} (mean {np.mean(lbest):.6f})")
    return ml


def cp_refs(ds, key, weighted):
    A = cp_matrix(ds, weighted)
    c1 = cp_minres_newton(A)
    c2 = cp_gauss_seidel(A)
    d = np.abs(c1 / c1.max() - c2 / c2.max()).max()
    grad = np.abs(cp_gradient(A, c1)).max() / max(1.0, np.abs(A).max())
    check(d <= 1e-9, f"{key} core-periphery: minres/Newton and Gauss-Seidel differ by {d:.3g}")
    check(grad <= 1e-10, f"{key} core-periphery: gradient {grad:.3g} at the solution")
    c = c1 / c1.max()
    fit = cp_fit(A, c)
    tag = "w" if weighted else "u"
    desc = (f"minimize sum_{{i != j}} (a_ij - c_i c_j)^2, a_ij = sum of strengths both ways "
            f"({'weighted' if weighted else 'edge records count 1'}), self-loops dropped; minres with imputed "
            f"diagonal + Newton polish (numpy), scaled to max 1; Gauss-Seidel agrees to {d:.2g}")
    emit_array(f"ref_cohesion_{key}_cp_{tag}", desc, dict(zip(ds.actors, c)), ds.actors)
    emit_scalar(f"ref_cohesion_{key}_cp_{tag}_fit",
                "np.corrcoef(A[i != j], outer(c, c)[i != j])[0, 1] for the vector above", fit)
    NOTES.append(f"{key} core-periphery ({'weighted' if weighted else 'unweighted'}): fit {fit:.6f}, "
                 f"|minres-GS|={d:.2g}, |gradient|={grad:.2g}")


# ------------------------------------------------------------------------------------------------

def main():
    flo = load("florentine16", "examples/data/florentine_edges.csv", "examples/data/florentine_actors.csv")
    karate = load("karate", "tests/data/karate_edges.csv")
    karate_w = load("karate_weighted", "tests/data/karate_weighted_edges.csv")
    lesmis = load("lesmis", "tests/data/lesmis_edges.csv")
    kite = load("kite", "tests/data/kite_edges.csv")
    coleman = load("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv", directed=True)
    dang = load("dangling", "tests/data/directed_dangling.csv", directed=True)
    gen = gen_directed()
    planted = gen_planted()

    LINES.append("/* ---- components: partitions as canonical labels ---- */")
    LINES.append("")
    for ds in (coleman, dang, gen):
        components_refs(ds, ds.key, True)
    for ds in (flo, karate, lesmis, kite):
        components_refs(ds, ds.key, True)

    LINES.append("/* ---- coreness ---- */")
    LINES.append("")
    for ds in (flo, karate, lesmis, kite, coleman, dang, gen):
        coreness_refs(ds, ds.key)

    LINES.append("/* ---- modularity of given partitions ---- */")
    LINES.append("")
    K = nx.karate_club_graph()
    club = {str(v + 1): (0 if K.nodes[v]["club"] == "Mr. Hi" else 1) for v in K}
    for ds in (karate, karate_w):
        ml = community_refs(ds, ds.key)
        modularity_refs(ds, ds.key, [("club", club), ("multilevel", canonical_membership(ds, ml.membership))])
    groups = {a: (0 if flo.groups[a] == "medicean" else 1) for a in flo.actors}
    ml = community_refs(flo, flo.key)
    modularity_refs(flo, flo.key, [("groups", groups), ("multilevel", canonical_membership(flo, ml.membership))])
    for ds in (lesmis, kite, coleman):
        ml = community_refs(ds, ds.key)
        modularity_refs(ds, ds.key, [("multilevel", canonical_membership(ds, ml.membership))])
    # dangling: self-loop Dave->Dave and parallel Alice->Bob; a hand-made split
    hand = {a: (0 if a in ("Alice", "Bob", "Carol", "Dave") else 1) for a in dang.actors}
    modularity_refs(dang, dang.key, [("hand", hand)])
    ml = community_refs(planted, planted.key, seeds=10)
    truth = {a: int(planted.groups[a]) for a in planted.actors}
    q_truth = own_modularity(planted, truth, 1, 1)
    G = undirected_multi_nx(planted)
    comms = {}
    for a in planted.actors:
        comms.setdefault(truth[a], set()).add(a)
    q_nx = nx_modularity(G, list(comms.values()), weight="weight")
    check(abs(q_nx - q_truth) <= 1e-12, "planted truth modularity")
    emit_scalar("ref_cohesion_planted_q_truth",
                "modularity(G, planted groups, weight='weight') with G = nx.MultiGraph of the planted set", q_nx)
    NOTES.append(f"planted: modularity of the planted groups {q_nx:.6f}")

    LINES.append("/* ---- continuous core-periphery (numpy; no peer implements it) ---- */")
    LINES.append("")
    for ds in (karate, karate_w, lesmis, kite, coleman, flo):
        cp_refs(ds, ds.key, True)
    cp_refs(lesmis, lesmis.key, False)
    cp_refs(coleman, coleman.key, False)

    write_header()
    print(f"wrote tests/ref/{OUT}: {COUNT[0]} arrays, {COUNT[1]} scalars")
    for line in NOTES:
        print("  " + line)
    if FAILS:
        print("FAILED CHECKS:\n  " + "\n  ".join(FAILS), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
