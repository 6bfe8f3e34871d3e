#!/usr/bin/python3
"""Reference values for libleverage's dependence and groups families.

Run with the system interpreter (which has NetworkX and igraph):

    /usr/bin/python3 tests/ref/make_refs_groups.py

It (re)writes tests/ref/ref_groups.h, deterministically (two runs give byte-identical files),
and exits non-zero when two peers, or a peer and an independent computation, disagree by more
than 1e-9. Every array is preceded by the exact Python expression that produced it, and that
very string is what the script evaluates.

Peers: NetworkX (attribute/numeric assortativity, rich-club coefficient, PageRank, core number),
python-igraph (nominal and numeric assortativity, PageRank). The E-I index, the group influence
matrix, the outsiders' shares and power-dependence have no peer: they are computed here by
direct, independent code (the E-I index and dependence in exact rational arithmetic).

Inputs that the C tests must set themselves are emitted too (they are not results):
  ref_<set>_group   group number per actor (-1 = no group); the label is "g<number>", except
                    Florentine, whose labels come from examples/data/florentine_actors.csv
  ref_<set>_score   a numeric score per actor, for lev_assortativity()
  ref_florentine_needs, ref_florentine_votes_*   the dependence fixture
"""
import csv
import os
import sys
from fractions import Fraction

import igraph
import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOL = 1e-9
AGREE, FAILS = [], []

KITE_GROUPS = {"Andre": 0, "Beverly": 0, "Carol": 0, "Diane": 0, "Ed": 0,
               "Fernando": 1, "Garth": 1, "Heather": 1, "Ike": 2, "Jane": 2}
# directed_dangling: Grace has no group (tests edges to unlabelled actors).
DANGLING_GROUPS = {"Alice": 0, "Bob": 0, "Carol": 1, "Dave": 1, "Zo\u00eb": 2, "Eve": 2,
                   "Frank": 0, "Grace": -1}
# Karate with three actors left without a group.
KARATE_UNLABELLED = {"5", "12", "20"}

# Dependence fixture on the Florentine families: wealth holdings from
# examples/data/florentine_resources.csv; needs defined here: a family needs 50 - wealth when
# poorer than 50 (so the three richest, and those at 48-49, need little or nothing).
# A second resource, "votes", for the all-resources (LEV_NONE) sum.
FLORENTINE_VOTES = {  # holds, needs
    "Acciaiuoli": (1, 3), "Albizzi": (6, 0), "Barbadori": (2, 2), "Bischeri": (3, 1),
    "Castellani": (2, 4), "Ginori": (1, 2), "Guadagni": (4, 0), "Lamberteschi": (0, 5),
    "Medici": (9, 0), "Pazzi": (0, 3), "Peruzzi": (3, 1), "Pucci": (0, 6),
    "Ridolfi": (2, 2), "Salviati": (1, 1), "Strozzi": (7, 0), "Tornabuoni": (2, 2),
}


def read_csv(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class DataSet:
    """A data set as libleverage reads it: actors in index order, edge records in file order."""

    def __init__(self, key, edges_rel, actors_rel=None, directed=False):
        self.key, self.edges_rel, self.actors_rel, self.directed = key, edges_rel, actors_rel, directed
        self.actors, self.file_groups = [], {}
        if actors_rel:
            for r in read_csv(actors_rel):
                self.actors.append(r["name"])
                self.file_groups[r["name"]] = r.get("group") or None
        seen = set(self.actors)
        self.edges = []
        for r in read_csv(edges_rel):
            for a in (r["source"], r["target"]):
                if a not in seen:
                    seen.add(a)
                    self.actors.append(a)
            # libleverage reads strengths as float32; every set here has exact strengths
            w = float(r["weight"])
            assert float(np.float32(w)) == w
            self.edges.append((r["source"], r["target"], w))
        self.index = {a: i for i, a in enumerate(self.actors)}
        self.groups = {}  # name -> label or None

    def src(self):
        return f"{self.actors_rel} then {self.edges_rel}" if self.actors_rel else self.edges_rel

    def nx_graph(self, labelled_only=False, unit=True, multi=False, scale=1):
        """NetworkX graph: Graph/DiGraph (or MultiGraph/MultiDiGraph with each edge repeated
        round(w * scale) times when multi). Node attribute "group" (label) and "score"."""
        if multi:
            G = nx.MultiDiGraph() if self.directed else nx.MultiGraph()
        else:
            G = nx.MultiDiGraph() if self.directed else nx.Graph()
        for a in self.actors:
            if labelled_only and self.groups.get(a) is None:
                continue
            # "group": the group's number in libleverage's order (ints hash the same in every run,
            # so NetworkX's set-ordered mixing matrix sums in the same order: deterministic output)
            lab = self.groups.get(a)
            G.add_node(a, group=None if lab is None else group_order(self).index(lab),
                       score=self.scores.get(a) if hasattr(self, "scores") else None)
        for s, t, w in self.edges:
            if s not in G or t not in G:
                continue
            if multi:
                k = round(w * scale)
                assert abs(k - w * scale) < 1e-12
                for _ in range(k):
                    G.add_edge(s, t)
            else:
                G.add_edge(s, t, weight=1.0 if unit else w)
        return G

    def ig_graph(self, labelled_only=False):
        keep = [a for a in self.actors if not labelled_only or self.groups.get(a) is not None]
        idx = {a: i for i, a in enumerate(keep)}
        g = igraph.Graph(n=len(keep), directed=self.directed)
        g.vs["name"] = keep
        g.add_edges([(idx[s], idx[t]) for s, t, _ in self.edges if s in idx and t in idx])
        g.es["weight"] = [w for s, t, w in self.edges if s in idx and t in idx]
        return g


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


def fmt(x):
    x = float(x)
    if x != x:
        return "NAN"
    return "%.17g" % x


class Header:
    def __init__(self):
        self.lines = []

    def array(self, name, comment, pairs):
        """pairs: list of (key string, value)."""
        self.lines.append("/* " + c_comment(comment) + " */")
        self.lines.append(f"static const ref_value {name}[] = {{")
        for k, v in pairs:
            self.lines.append(f"    {{{c_string(k)}, {fmt(v)}}},")
        self.lines.append("};")
        self.lines.append(f"#define {name.upper()}_LEN {len(pairs)}")
        self.lines.append("")

    def scalar(self, name, comment, v):
        self.lines.append("/* " + c_comment(comment) + " */")
        self.lines.append(f"static const double {name} = {fmt(v)};")
        self.lines.append("")

    def write(self, path):
        head = [
            "/* Generated by tests/ref/make_refs_groups.py -- do not edit; regenerate with",
            " *     /usr/bin/python3 tests/ref/make_refs_groups.py",
            " * Dependence and groups families: peer and independent reference values.",
            f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, "
            f"numpy {np.__version__}, Python {sys.version.split()[0]}.",
            " * Per-actor arrays list actors in libleverage index order; look values up by name.",
            " * NAN marks a peer's undefined value (0/0). */",
            "#ifndef LEV_TEST_REF_GROUPS_H",
            "#define LEV_TEST_REF_GROUPS_H",
            "",
            "#include <math.h>",
            '#include "ref_common.h"',
            "",
            "#if defined(__GNUC__) || defined(__clang__)",
            "#pragma GCC diagnostic push",
            '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
            "#endif",
            "",
        ]
        tail = ["#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
                "#endif /* LEV_TEST_REF_GROUPS_H */", ""]
        with open(path, "w", encoding="ascii", newline="\n") as f:
            f.write("\n".join(head + self.lines + tail))


def agree(label, vals, exact=None, tol=TOL):
    """vals: list of (peer, value or dict). Record max |difference| between every two."""
    def diff(a, b):
        if isinstance(a, dict):
            return max((abs(a[k] - b[k]) for k in a), default=0.0)
        if a != a and b != b:
            return 0.0
        return abs(a - b)
    allv = list(vals) + ([("independent", exact)] if exact is not None else [])
    for i in range(len(allv)):
        for j in range(i + 1, len(allv)):
            d = diff(allv[i][1], allv[j][1])
            AGREE.append(f"{label}: |{allv[i][0]} - {allv[j][0]}| = {d:.3g}")
            if not d <= tol:
                FAILS.append(AGREE[-1])


# --------------------------------------------------------------------------------------------
# Independent computations
# --------------------------------------------------------------------------------------------

def oriented(ds, undirected, unit):
    """Edge records as (u, v, w), each twice (both ways) in the undirected view."""
    out = []
    for s, t, w in ds.edges:
        w = 1.0 if unit else w
        out.append((s, t, w))
        if undirected:
            out.append((t, s, w))
    return out


def assort_groups_direct(ds, undirected, unit):
    lab = ds.groups
    M = {}
    for s, t, w in oriented(ds, undirected, unit):
        if lab[s] is None or lab[t] is None:
            continue
        M[(lab[s], lab[t])] = M.get((lab[s], lab[t]), Fraction(0)) + Fraction(w)
    tot = sum(M.values())
    labels = sorted({x for k in M for x in k})
    a = {g: sum(v for (x, _), v in M.items() if x == g) / tot for g in labels}
    b = {g: sum(v for (_, y), v in M.items() if y == g) / tot for g in labels}
    t = sum(M.get((g, g), 0) for g in labels) / tot
    s = sum(a[g] * b[g] for g in labels)
    return float((t - s) / (1 - s))


def numeric_direct(ds, undirected, unit):
    x = ds.scores
    pairs = [(x[s], x[t], w) for s, t, w in oriented(ds, undirected, unit)]
    W = np.array([p[2] for p in pairs])
    X = np.array([p[0] for p in pairs])
    Y = np.array([p[1] for p in pairs])
    mx, my = (W * X).sum() / W.sum(), (W * Y).sum() / W.sum()
    return float((W * (X - mx) * (Y - my)).sum() / np.sqrt((W * (X - mx) ** 2).sum() * (W * (Y - my) ** 2).sum()))


def ei_direct(ds, unit):
    """Per label and overall, exact. Self-loops and edges with an unlabelled end are ignored."""
    lab = ds.groups
    labels = group_order(ds)
    E = {g: Fraction(0) for g in labels}
    I = {g: Fraction(0) for g in labels}
    Et = It = Fraction(0)
    for s, t, w in ds.edges:
        w = Fraction(1) if unit else Fraction(w)
        if s == t or lab[s] is None or lab[t] is None:
            continue
        if lab[s] == lab[t]:
            I[lab[s]] += w
            It += w
        else:
            E[lab[s]] += w
            E[lab[t]] += w
            Et += w
    per = {g: float((E[g] - I[g]) / (E[g] + I[g])) if E[g] + I[g] else 0.0 for g in labels}
    return per, (float((Et - It) / (Et + It)) if Et + It else 0.0)


def group_order(ds):
    """Group labels in libleverage's index order: order of first use. Florentine's actors file
    assigns them in file order; the C tests set the others in actor index order."""
    seen = []
    for a in ds.actors:
        g = ds.groups[a]
        if g is not None and g not in seen:
            seen.append(g)
    return seen


def influence_matrix(ds, undirected, unit):
    lab = ds.groups
    M = {}
    for s, t, w in oriented(ds, undirected, unit):
        if lab[s] is None or lab[t] is None:
            continue
        M[(lab[s], lab[t])] = M.get((lab[s], lab[t]), 0.0) + w
    return M


def simple_view(ds):
    G = nx.Graph()
    G.add_nodes_from(ds.actors)
    G.add_edges_from((s, t) for s, t, _ in ds.edges if s != t)
    return G


def shares(ds, members, undirected, unit):
    """In-strength from members / total in-strength (self-loops ignored)."""
    res = {}
    for v in ds.actors:
        frm = tot = 0.0
        for s, t, w in oriented(ds, undirected, unit):
            if t != v or s == v:
                continue
            w = 1.0 if unit else w
            tot += w
            if s in members:
                frm += w
        res[v] = frm / tot if tot else 0.0
    return res


def dependence_exact(actors, holds, needs, nbrs=None):
    """{(A, B): dep} in exact rationals for one resource; nbrs: name -> set, or None for all."""
    maxneed = max(needs.values())
    dep = {}
    if maxneed == 0:
        return dep
    for A in actors:
        nu = Fraction(needs[A]) / Fraction(maxneed)
        if nu == 0:
            continue
        S = [C for C in actors if C != A and (nbrs is None or C in nbrs[A])]
        D = sum(Fraction(holds[C]) for C in S)
        if D == 0:
            continue
        for B in S:
            if holds[B] > 0:
                dep[(A, B)] = nu * Fraction(holds[B]) / D
    return dep


# --------------------------------------------------------------------------------------------

def main():
    h = Header()
    h.lines.append("/* ---- inputs the tests set: groups and scores ----------------------------------------- */")
    h.lines.append("")
    L = nx.les_miserables_graph()
    sets = [
        DataSet("florentine", "examples/data/florentine_edges.csv", "examples/data/florentine_actors.csv"),
        DataSet("karate", "tests/data/karate_edges.csv"),
        DataSet("karate_weighted", "tests/data/karate_weighted_edges.csv"),
        DataSet("lesmis", "tests/data/lesmis_edges.csv"),
        DataSet("kite", "tests/data/kite_edges.csv"),
        DataSet("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_actors.csv", directed=True),
        DataSet("dangling", "tests/data/directed_dangling.csv", directed=True),
    ]
    K = nx.karate_club_graph()
    club = {str(v + 1): (0 if K.nodes[v]["club"] == "Mr. Hi" else 1) for v in K}
    for ds in sets:
        if ds.key == "florentine":
            ds.groups = dict(ds.file_groups)
            gnum = None
        else:
            if ds.key in ("karate", "karate_weighted"):
                num = dict(club)
                desc = ('club from nx.karate_club_graph(): 0 = "Mr. Hi", 1 = "Officer"')
                if ds.key == "karate":
                    for a in KARATE_UNLABELLED:
                        num[a] = -1
                    desc += f"; actors {sorted(KARATE_UNLABELLED)} have no group"
            elif ds.key == "kite":
                num, desc = dict(KITE_GROUPS), "KITE_GROUPS in make_refs_groups.py"
            elif ds.key == "dangling":
                num, desc = dict(DANGLING_GROUPS), "DANGLING_GROUPS in make_refs_groups.py (Grace none)"
            else:
                if ds.key == "lesmis":
                    U = L
                else:
                    U = simple_view(ds)
                comms = nx.algorithms.community.greedy_modularity_communities(U)
                num = {}
                for c, members in enumerate(comms):
                    for a in members:
                        num[a] = c
                for a in ds.actors:
                    num.setdefault(a, len(comms))  # isolated actors: a group of their own
                desc = ("community number from nx.algorithms.community.greedy_modularity_communities "
                        f"on the {'nx.les_miserables_graph()' if ds.key == 'lesmis' else 'simple undirected view'}"
                        "; isolated actors share the next number")
            ds.groups = {a: (None if num[a] < 0 else f"g{num[a]}") for a in ds.actors}
            gnum = num
            h.array(f"ref_{ds.key}_group", f"input: group of each actor of {ds.src()}: label \"g<value>\", "
                    f"-1 = none; {desc}", [(a, gnum[a]) for a in ds.actors])
        # a numeric score: an index-based pattern with ties and spread
        ds.scores = {a: float((i * 37) % 11) + 0.25 * (i % 4) for i, a in enumerate(ds.actors)}
        h.array(f"ref_{ds.key}_score", "input: score of actor i (index order) = (37 i mod 11) + 0.25 (i mod 4)",
                [(a, ds.scores[a]) for a in ds.actors])

    # ---- assortativity by group ---------------------------------------------------------------
    h.lines.append("/* ---- assortativity by group ------------------------------------------------------- */")
    h.lines.append("")
    for ds in sets:
        dirs = [False, True] if ds.directed else [True]
        for und in dirs:
            tag = "und" if (und and ds.directed) else ""
            base = f"ref_{ds.key}_assort_groups{('_' + tag) if tag else ''}"
            G = ds.nx_graph(labelled_only=True)
            g = ds.ig_graph(labelled_only=True)
            lab = ds.groups
            gid = {x: i for i, x in enumerate(group_order(ds))}
            types = [gid[lab[a]] for a in g.vs["name"]]
            ns = {"nx": nx, "G": G, "g": g, "types": types}
            xi = f"g.assortativity_nominal(types, directed={not und})"
            vi = eval(xi, ns)
            d = assort_groups_direct(ds, und, True)
            vals = [("igraph", vi)]
            what = (f"the subgraph of {ds.src()} induced by actors with a group, "
                    f"types = group numbers; {'undirected' if und else 'directed'} view")
            if not und or not ds.directed:
                xn = 'nx.attribute_assortativity_coefficient(G, "group")'
                vn = eval(xn, ns)
                vals.append(("networkx", vn))
                h.scalar(base + "_nx", f"networkx {nx.__version__}: {xn} on G = "
                         f"{'nx.MultiDiGraph' if ds.directed else 'nx.Graph'} of {what}", vn)
            h.scalar(base + "_igraph", f"igraph {igraph.__version__}: {xi} on g = igraph.Graph of {what}", vi)
            agree(base, vals, d)
            # weighted: the mixing matrix summed over strengths; peer: NetworkX on the multigraph
            # with each edge repeated w*scale times (scale makes strengths whole)
            if any(w != 1 for _, _, w in ds.edges):
                scale = 2 if ds.key == "dangling" else 1
                dw = assort_groups_direct(ds, und, False)
                vals = []
                if not (und and ds.directed):
                    Gm = ds.nx_graph(labelled_only=True, multi=True, scale=scale)
                    xm = 'nx.attribute_assortativity_coefficient(Gm, "group")'
                    vm = eval(xm, {"nx": nx, "Gm": Gm})
                    vals.append(("networkx-multigraph", vm))
                h.scalar(base + "_weighted", "independent: Newman's r of the mixing matrix summed over strengths "
                         f"(Fractions){'' if not vals else f'; equals networkx {xm} on Gm = {type(Gm).__name__} of ' + what + f' with each edge repeated round(weight*{scale}) times'}",
                         dw)
                agree(base + "_weighted", vals, dw)

    # ---- numeric assortativity ------------------------------------------------------------------
    h.lines.append("/* ---- assortativity by score ------------------------------------------------------- */")
    h.lines.append("")
    for ds in sets:
        dirs = [False, True] if ds.directed else [True]
        for und in dirs:
            tag = "und" if (und and ds.directed) else ""
            base = f"ref_{ds.key}_assort_score{('_' + tag) if tag else ''}"
            G = ds.nx_graph()
            g = ds.ig_graph()
            x = [ds.scores[a] for a in g.vs["name"]]
            ns = {"nx": nx, "G": G, "g": g, "x": x}
            xi = f"g.assortativity(types1=x, directed={not und})"
            vi = eval(xi, ns)
            vals = [("igraph", vi)]
            what = f"{ds.src()}, node attribute score / x = ref_{ds.key}_score; {'undirected' if und else 'directed'} view"
            has_loop = any(s == t for s, t, _ in ds.edges)
            if not (und and ds.directed):
                xn = 'nx.numeric_assortativity_coefficient(G, "score")'
                vn = eval(xn, ns)
                vals.append(("networkx", vn))
                h.scalar(base + "_nx", f"networkx {nx.__version__}: {xn} on G = "
                         f"{'nx.MultiDiGraph' if ds.directed else 'nx.Graph'} of {what}", vn)
            h.scalar(base + "_igraph", f"igraph {igraph.__version__}: {xi} on g = igraph.Graph of {what}", vi)
            agree(base, vals, numeric_direct(ds, und, True), tol=1e-12)
            if any(w != 1 for _, _, w in ds.edges):
                dw = numeric_direct(ds, und, False)
                vals = []
                if not (und and ds.directed) and not has_loop:
                    scale = 2 if ds.key == "dangling" else 1
                    Gm = ds.nx_graph(multi=True, scale=scale)
                    vals.append(("networkx-multigraph", nx.numeric_assortativity_coefficient(Gm, "score")))
                h.scalar(base + "_weighted", "independent (numpy): Pearson correlation of (score[source], "
                         "score[target]) over edges weighted by strength"
                         + ("; both ways in the undirected view" if und else "")
                         + ("; equals networkx numeric_assortativity_coefficient on the multigraph with each "
                            "edge repeated weight times" if vals else ""), dw)
                agree(base + "_weighted", vals, dw, tol=1e-12)

    # Florentine: wealth as the score
    fl = sets[0]
    wealth = {r["actor"]: float(r["holds"]) for r in read_csv("examples/data/florentine_resources.csv")}
    G = fl.nx_graph()
    nx.set_node_attributes(G, wealth, "wealth")
    xn = 'nx.numeric_assortativity_coefficient(G, "wealth")'
    vn = eval(xn, {"nx": nx, "G": G})
    g = fl.ig_graph()
    vi = g.assortativity(types1=[wealth[a] for a in g.vs["name"]], directed=False)
    h.scalar("ref_florentine_assort_wealth_nx", f"networkx {nx.__version__}: {xn} on nx.Graph of "
             "florentine, wealth = holds of examples/data/florentine_resources.csv", vn)
    h.scalar("ref_florentine_assort_wealth_igraph", f"igraph {igraph.__version__}: "
             "g.assortativity(types1=wealth, directed=False), same graph", vi)
    agree("florentine wealth assortativity", [("networkx", vn), ("igraph", vi)])

    # ---- E-I index ----------------------------------------------------------------------------
    h.lines.append("/* ---- E-I index (no peer: exact, independent) -------------------------------------- */")
    h.lines.append("")
    for ds in sets:
        for unit in ([True, False] if any(w != 1 for _, _, w in ds.edges) else [True]):
            per, ov = ei_direct(ds, unit)
            base = f"ref_{ds.key}_ei{'' if unit else '_weighted'}"
            h.array(base, "independent (Fractions): per group label, (E - I)/(E + I) over edges between two "
                    "labelled actors, self-loops ignored, each edge record once, "
                    + ("counting 1 per edge" if unit else "summing strengths")
                    + "; the entry \"(overall)\" is over all such edges", [(g, per[g]) for g in group_order(ds)]
                    + [("(overall)", ov)])

    # ---- influence between groups ---------------------------------------------------------------
    h.lines.append("/* ---- influence between groups ------------------------------------------------------ */")
    h.lines.append("")
    for ds in sets:
        und = not ds.directed
        labels = group_order(ds)
        M = influence_matrix(ds, und, False)
        h.array(f"ref_{ds.key}_influence_matrix",
                "independent: matrix[g|h] = sum of strengths of edges from a member of g to a member of h"
                + (" (undirected view: each edge both ways)" if und else "") + "; keys \"g|h\"",
                [(f"{a}|{b}", M.get((a, b), 0.0)) for a in labels for b in labels])
        n = len(ds.actors)
        h.array(f"ref_{ds.key}_actor_share", "independent: members / all actors",
                [(x, sum(1 for a in ds.actors if ds.groups[a] == x) / n) for x in labels])
        G = ds.nx_graph(unit=False)
        xn = 'nx.pagerank(G, alpha=0.85, max_iter=100000, tol=1e-15, weight="weight")'
        prn = eval(xn, {"nx": nx, "G": G})
        g = ds.ig_graph()
        pri = dict(zip(g.vs["name"], g.pagerank(directed=ds.directed, damping=0.85, weights="weight",
                                                  implementation="prpack")))
        sn = {x: sum(prn[a] for a in ds.actors if ds.groups[a] == x) for x in labels}
        si = {x: sum(pri[a] for a in ds.actors if ds.groups[a] == x) for x in labels}
        agree(f"{ds.key} influence_share", [("networkx", sn), ("igraph", si)])
        h.array(f"ref_{ds.key}_influence_share_igraph",
                f"igraph {igraph.__version__}: sum over each group of g.pagerank(directed={ds.directed}, "
                "damping=0.85, weights=\"weight\", implementation=\"prpack\") (NetworkX's nx.pagerank agrees)",
                [(x, si[x]) for x in labels])

    # ---- rich club ---------------------------------------------------------------------------------
    h.lines.append("/* ---- rich club ------------------------------------------------------------------- */")
    h.lines.append("")
    for ds in sets:
        S = simple_view(ds)
        xn = "nx.rich_club_coefficient(S, normalized=False)"
        rc = eval(xn, {"nx": nx, "S": S})
        h.array(f"ref_{ds.key}_rich_club_nx", f"networkx {nx.__version__}: {xn} on S = nx.Graph of {ds.src()} "
                "(simple undirected view: direction ignored, parallel edges merged, self-loops dropped); "
                "key = k", [(str(k), rc[k]) for k in sorted(rc)])
        assert sorted(rc) == list(range(len(rc)))

    # ---- outsiders --------------------------------------------------------------------------------
    h.lines.append("/* ---- outsiders ------------------------------------------------------------------- */")
    h.lines.append("")
    for ds in sets:
        und = not ds.directed
        g = ds.ig_graph()
        pr = dict(zip(g.vs["name"], g.pagerank(directed=ds.directed, damping=0.85, weights="weight",
                                                 implementation="prpack")))
        labels = group_order(ds)
        tot = {x: sum(pr[a] for a in ds.actors if ds.groups[a] == x) for x in labels}
        best = max(labels, key=lambda x: (tot[x], -labels.index(x)))
        members = {a for a in ds.actors if ds.groups[a] == best}
        for unit in ([True, False] if any(w != 1 for _, _, w in ds.edges) else [True]):
            sh = shares(ds, members, und, unit)
            h.array(f"ref_{ds.key}_outsiders_group{'' if unit else '_weighted'}",
                    f"independent: in-crowd = group {best!r} (most igraph PRPACK PageRank); share = "
                    + ("incident" if und else "incoming") + " strength from in-crowd members / all "
                    + ("incident" if und else "incoming") + " strength, self-loops ignored, "
                    + ("1 per edge" if unit else "strengths") + "; 0 without any",
                    [(a, sh[a]) for a in ds.actors])
        if und:
            S = simple_view(ds)
            core = nx.core_number(S)
            top = max(core.values())
            cm = {a for a in ds.actors if core[a] == top}
            sh = shares(ds, cm, und, False)
            h.array(f"ref_{ds.key}_outsiders_core",
                    f"independent: in-crowd = the {top}-core (innermost; nx.core_number on the simple undirected "
                    f"view, {len(cm)} actors); share of incident strength from it",
                    [(a, sh[a]) for a in ds.actors])
            h.array(f"ref_{ds.key}_core_members", f"networkx: 1 if nx.core_number(S)[a] == {top} else 0",
                    [(a, 1.0 if a in cm else 0.0) for a in ds.actors])

    # ---- dependence: Florentine wealth and votes --------------------------------------------------
    h.lines.append("/* ---- dependence (no peer: exact rationals) ----------------------------------------- */")
    h.lines.append("")
    holds = {a: Fraction(int(r["holds"])) for r in read_csv("examples/data/florentine_resources.csv")
             for a in [r["actor"]]}
    needs = {a: max(Fraction(0), 50 - holds[a]) for a in fl.actors}
    h.array("ref_florentine_needs", "input: wealth needed = max(0, 50 - wealth held)",
            [(a, needs[a]) for a in fl.actors])
    h.array("ref_florentine_votes_holds", "input: votes held (FLORENTINE_VOTES)",
            [(a, FLORENTINE_VOTES[a][0]) for a in fl.actors])
    h.array("ref_florentine_votes_needs", "input: votes needed (FLORENTINE_VOTES)",
            [(a, FLORENTINE_VOTES[a][1]) for a in fl.actors])
    nb = {a: set() for a in fl.actors}
    for s, t, _ in fl.edges:
        if s != t:
            nb[s].add(t)
            nb[t].add(s)
    vh = {a: Fraction(FLORENTINE_VOTES[a][0]) for a in fl.actors}
    vn = {a: Fraction(FLORENTINE_VOTES[a][1]) for a in fl.actors}
    for scope, nbrs in (("all", None), ("nb", nb)):
        wdep = dependence_exact(fl.actors, holds, needs, nbrs)
        vdep = dependence_exact(fl.actors, vh, vn, nbrs)
        for res, dep in (("wealth", wdep), ("both", {k: wdep.get(k, 0) + vdep.get(k, 0)
                                                      for k in set(wdep) | set(vdep)})):
            keys = sorted(dep, key=lambda k: (-dep[k], fl.index[k[0]], fl.index[k[1]]))
            h.array(f"ref_florentine_dep_{res}_{scope}",
                    f"independent (Fractions): dep(A on B) = nu(A) h(B) / sum of h over "
                    + ("every other actor" if nbrs is None else "A's neighbours")
                    + ", nu = needs / max needs"
                    + (", summed over wealth and votes" if res == "both" else " (wealth)")
                    + "; key \"A|B\"; listed in libleverage's order (dep descending, then indices)",
                    [(f"{a}|{b}", dep[(a, b)]) for a, b in keys])
            pa = {a: sum((dep.get((b, a), 0) - dep.get((a, b), 0) for b in fl.actors), Fraction(0))
                  for a in fl.actors}
            num = den = Fraction(0)
            for i, a in enumerate(fl.actors):
                for b in fl.actors[i + 1:]:
                    x, y = dep.get((a, b), 0), dep.get((b, a), 0)
                    num += abs(x - y)
                    den += x + y
            h.array(f"ref_florentine_pa_{res}_{scope}", "independent (Fractions): net power advantage "
                    "sum_B dep(B on A) - sum_B dep(A on B)", [(a, pa[a]) for a in fl.actors])
            h.scalar(f"ref_florentine_imbalance_{res}_{scope}", "independent (Fractions): sum over dyads "
                     "|dep(A on B) - dep(B on A)| / sum over dyads (dep(A on B) + dep(B on A))", num / den)

    h.write(os.path.join(HERE, "ref_groups.h"))
    for line in AGREE:
        print(line)
    if FAILS:
        print("FAILED:\n  " + "\n  ".join(FAILS), file=sys.stderr)
        return 1
    print(f"{len(AGREE)} agreement checks passed (tolerance {TOL:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
