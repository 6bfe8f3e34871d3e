#!/usr/bin/python3
"""Peer reference values for libleverage's brokerage family (tests/test_brokerage.c).

Run with the system interpreter (NetworkX, igraph) and R with sna on the PATH:

    /usr/bin/python3 tests/ref/make_refs_brokerage.py

It (re)writes, deterministically:
  tests/data/coleman_groups.csv              a fixed random group labelling of Coleman's boys
  tests/data/directed_dangling_groups.csv    group labels for directed_dangling.csv
  tests/ref/ref_brokerage.h                  the C reference arrays

Burt's measures come from NetworkX 2.8.8 (constraint, effective size; efficiency and hierarchy
derived from NetworkX's own values by their definitions) and python-igraph 0.10.2 (constraint).
Gould-Fernandez brokerage comes from R sna::brokerage. Every array is preceded by the exact
peer expression that produced it; the script evaluates that very string. Peers are checked
against each other (and the two NetworkX code paths against each other) to 1e-12; the script
exits non-zero if any check fails. The agreement summary is written into the header's first
comment. See docs/brokerage.md for the conventions and why the peers differ where they do.
"""
import os
import sys

# NetworkX iterates neighbour *sets*; with string names their order follows Python's string
# hashing, which is salted per process. Fix the salt so that sums run in the same order and the
# output is byte-identical from run to run.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import csv
import io
import math
import random
import subprocess
import tempfile

import igraph
import networkx as nx
from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "tests", "data")
TOL = 1e-12
NONE_LABEL = "(none)"  # sna needs a class for everyone: actors without a group get this one

CHECKS = []  # (label, max abs difference)
NOTES = []   # peer differences worth recording
FAILS = []


def check(label, a, b, tol=TOL):
    d = max((abs(a[k] - b[k]) for k in a), default=0.0)
    CHECKS.append(f"{label}: max |diff| = {d:.3g}")
    if not d <= tol:
        FAILS.append(CHECKS[-1])


# ---------------------------------------------------------------------------------------------
# Data sets and group labels
# ---------------------------------------------------------------------------------------------

DANGLING_GROUPS = [  # name, group ("" = none), in directed_dangling.csv's first-appearance order
    ("Alice", "north"), ("Bob", "north"), ("Carol", "south"), ("Dave", "south"),
    ("Zo\u00eb", "east"), ("Eve", "north"), ("Frank", ""), ("Grace", "south"),
]


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_group_files():
    # Coleman: s1..s73 in sna's order, each labelled red/green/blue or none, drawn once from a
    # seeded generator (so the file is the same on every run).
    rng = random.Random(1957)
    rows = []
    for i in range(1, 74):
        rows.append((f"s{i}", rng.choices(["red", "green", "blue", ""], weights=[3, 3, 3, 1])[0]))
    write_csv(os.path.join(DATA, "coleman_groups.csv"), ["name", "group"], rows)
    write_csv(os.path.join(DATA, "directed_dangling_groups.csv"), ["name", "group"], DANGLING_GROUPS)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class DataSet:
    """A data set as libleverage reads it: actors (actors file first, then first appearance in
    the edges file, source before target), groups, edge records."""

    def __init__(self, key, edges_rel, actors_rel=None, directed=False):
        self.key, self.edges_rel, self.actors_rel, self.directed = key, edges_rel, actors_rel, directed
        self.actors, self.groups = [], {}
        if actors_rel:
            for r in read_csv(os.path.join(ROOT, actors_rel)):
                self.actors.append(r["name"])
                self.groups[r["name"]] = r.get("group") or ""
        seen = set(self.actors)
        self.edges = []
        for r in read_csv(os.path.join(ROOT, edges_rel)):
            for a in (r["source"], r["target"]):
                if a not in seen:
                    seen.add(a)
                    self.actors.append(a)
                    self.groups[a] = ""
            self.edges.append((r["source"], r["target"], float(r["weight"])))
        self.index = {a: i for i, a in enumerate(self.actors)}
        if not directed:
            pairs = set()
            for s, t, _ in self.edges:
                assert s != t and frozenset((s, t)) not in pairs, "undirected sets: simple, each tie once"
                pairs.add(frozenset((s, t)))

    def src(self):
        return self.edges_rel if not self.actors_rel else f"{self.actors_rel} then {self.edges_rel}"

    def nx_graph(self):
        """Undirected sets: nx.Graph. Directed: nx.DiGraph with parallel edges summed into one
        edge (weight = summed strength, count = number of records) and self-loops dropped."""
        if not self.directed:
            G = nx.Graph()
            G.add_nodes_from(self.actors)
            for s, t, w in self.edges:
                G.add_edge(s, t, weight=w, count=1)
            return G
        G = nx.DiGraph()
        G.add_nodes_from(self.actors)
        for s, t, w in self.edges:
            if s == t:
                continue
            if G.has_edge(s, t):
                G[s][t]["weight"] += w
                G[s][t]["count"] += 1
            else:
                G.add_edge(s, t, weight=w, count=1)
        return G

    def nx_raw(self):
        """The edge records as they are: nx.MultiDiGraph (directed sets only)."""
        G = nx.MultiDiGraph()
        G.add_nodes_from(self.actors)
        for s, t, w in self.edges:
            G.add_edge(s, t, weight=w)
        return G

    def igraph_graph(self):
        g = igraph.Graph(n=len(self.actors), directed=self.directed)
        g.add_edges([(self.index[s], self.index[t]) for s, t, _ in self.edges])
        g.es["weight"] = [w for _, _, w in self.edges]
        return g

    def describe_nx(self):
        if self.directed:
            return (f"G = nx.DiGraph built from {self.src()}: nodes in libleverage index order; parallel "
                    f"edge records summed into one edge (weight = summed strength, count = number of "
                    f"records); self-loops dropped")
        return (f"G = nx.Graph built from {self.src()}: nodes in libleverage index order, one edge per "
                f"CSV row with weight=float(weight field), count=1")

    def describe_igraph(self):
        return (f"g = igraph.Graph(n={len(self.actors)}, directed={self.directed}) built from {self.src()}: "
                f"vertex i = libleverage actor i, one edge per CSV row (multi-edges and self-loops kept), "
                f"g.es['weight'] = float(weight field)")


# ---------------------------------------------------------------------------------------------
# Header writer
# ---------------------------------------------------------------------------------------------

def c_string(s):
    out = []
    for b in s.encode("utf-8"):
        if b == 0x22 or b == 0x5C:
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def c_double(x):
    assert math.isfinite(x), x
    if x == 0:
        return "0"
    r = "%.17g" % x
    return r


def ascii_text(text):
    """Comments are ASCII: non-ASCII characters become Python escapes (Zo\\u00eb)."""
    return text.encode("ascii", "backslashreplace").decode("ascii").replace("*/", "* /")


def wrap_comment(text):
    return "/* " + ascii_text(text) + " */"


class Header:
    def __init__(self):
        self.lines = []

    def array(self, name, comment, actors, values):
        self.lines.append(wrap_comment(comment))
        self.lines.append(f"static const ref_value {name}[] = {{")
        for a in actors:
            self.lines.append(f"    {{{c_string(a)}, {c_double(values[a])}}},")
        self.lines.append("};")
        self.lines.append(f"#define {name.upper()}_LEN {len(actors)}")
        self.lines.append("")

    def table(self, name, comment, actors, rows):
        self.lines.append(wrap_comment(comment))
        self.lines.append(f"static const ref_brokerage_row {name}[] = {{")
        for a in actors:
            vals = ", ".join(c_double(x) for x in rows[a])
            self.lines.append(f"    {{{c_string(a)}, {{{vals}}}}},")
        self.lines.append("};")
        self.lines.append(f"#define {name.upper()}_LEN {len(actors)}")
        self.lines.append("")

    def raw(self, *lines):
        self.lines.extend(lines)


# ---------------------------------------------------------------------------------------------
# Burt's measures
# ---------------------------------------------------------------------------------------------

# The exact expressions evaluated (and printed above each array). W is the weight key: "weight"
# (strengths; LEV_P_WEIGHTED 1) or the unweighted form (LEV_P_WEIGHTED 0: every edge record
# counts 1, parallel records add up): None on the simple undirected sets, "count" on the
# collapsed directed sets.
NX_CONSTRAINT = ("{v: sum(nx.local_constraint(G, v, u, weight=W) for u in set(nx.all_neighbors(G, v))) "
                 "for v in G}")
NX_CONSTRAINT_BUILTIN = "nx.constraint(G, weight=W)"
NX_ESIZE_BUILTIN = "nx.effective_size(G, weight=W)"
NX_ESIZE_FORMULA = ("{v: sum(1 - sum(nmw(G, v, w, weight=W) * nmw(G, u, w, norm=max, weight=W) "
                    "for w in set(nx.all_neighbors(G, v))) for u in set(nx.all_neighbors(G, v))) for v in G}")
NX_CONTACTS = "{v: len(set(nx.all_neighbors(G, v)) - {v}) for v in G}"
NX_HIERARCHY = ("{v: hierarchy([nx.local_constraint(G, v, u, weight=W) "
                "for u in sorted(set(nx.all_neighbors(G, v)) - {v})]) for v in G}")
IG_CONSTRAINT = "g.constraint(weights=WI)"


def hierarchy(cs):
    """Burt (1992): sum_j r_j ln r_j / (N ln N), r_j = c_ij / (C / N); 0 for N <= 1."""
    n = len(cs)
    if n <= 1:
        return 0.0
    mean = sum(cs) / n
    return sum((c / mean) * math.log(c / mean) for c in cs) / (n * math.log(n))


def burt_refs(h, ds, prefix, weighted):
    G, g = ds.nx_graph(), ds.igraph_graph()
    if weighted:
        W, WI, tag = '"weight"', '"weight"', ""
    else:
        W, WI, tag = ("None" if not ds.directed else '"count"'), "None", "_unweighted"
    ns = {"nx": nx, "nmw": nmw, "G": G, "g": g, "hierarchy": hierarchy}
    env_w = f"W = {W}"
    sub = lambda e: e.replace("WI", WI).replace("W", W)
    dn, dg = ds.describe_nx(), ds.describe_igraph()

    # constraint: NetworkX's local_constraint summed over all neighbours (what nx.constraint does,
    # without its isolation test, which looks at successors only on a DiGraph)
    xc = sub(NX_CONSTRAINT)
    con = eval(xc, ns)
    builtin = eval(sub(NX_CONSTRAINT_BUILTIN), ns)
    nan_nx = [v for v in G if math.isnan(builtin[v])]
    check(f"{prefix}{tag}: nx.constraint vs local_constraint sum (where nx.constraint is not NaN)",
          {v: builtin[v] for v in G if v not in nan_nx}, {v: con[v] for v in G if v not in nan_nx}, 0.0)
    for v in nan_nx:
        deg = len(set(nx.all_neighbors(G, v)) - {v})
        NOTES.append(f"{prefix}{tag}: nx.constraint gives NaN for {v!r} ({deg} contacts; "
                     f"{'isolated' if deg == 0 else 'no out-edge: NetworkX tests len(G[v]), the successors'}); "
                     f"the local_constraint sum gives {con[v]!r}")
    h.array(f"ref_{prefix}_constraint{tag}_nx",
            f"networkx {nx.__version__}: {xc} on {dn}. Equals {sub(NX_CONSTRAINT_BUILTIN)} wherever that is "
            f"not NaN" + (f" (it is NaN for: {', '.join(nan_nx)}; the sum gives 0 for an actor without "
                          f"contacts)" if nan_nx else ""),
            ds.actors, con)

    xi = sub(IG_CONSTRAINT)
    vi = [float(x) for x in eval(xi, ns)]
    ig = {a: vi[ds.index[a]] for a in ds.actors}
    nan_ig = [a for a in ds.actors if math.isnan(ig[a])]
    for a in nan_ig:
        ig[a] = 0.0
    h.array(f"ref_{prefix}_constraint{tag}_igraph",
            f"igraph {igraph.__version__}: {xi} on {dg}" +
            (f". NaN (igraph's value for an actor without edges) replaced by 0, libleverage's documented "
             f"value, for: {', '.join(nan_ig)}" if nan_ig else ""),
            ds.actors, ig)
    check(f"{prefix}{tag}: constraint igraph vs nx", ig, con)

    # effective size: NetworkX's own value, and its formula where it gives NaN
    xe = sub(NX_ESIZE_BUILTIN)
    es_b = eval(xe, ns)
    xf = sub(NX_ESIZE_FORMULA)
    es_f = eval(xf, ns)
    nan_e = [v for v in G if math.isnan(es_b[v])]
    check(f"{prefix}{tag}: {xe} vs its weighted formula (where not NaN)",
          {v: es_b[v] for v in G if v not in nan_e}, {v: es_f[v] for v in G if v not in nan_e})
    es = {v: (es_f[v] if v in nan_e else es_b[v]) for v in G}
    h.array(f"ref_{prefix}_esize{tag}_nx",
            f"networkx {nx.__version__}: {xe} on {dn}" +
            (" (Borgatti's n - 2t/n: undirected, unweighted)" if (not ds.directed and W == "None") else "") +
            (f"; where it is NaN ({', '.join(nan_e)}) the body of its redundancy formula, {xf}, with nmw = "
             f"networkx.algorithms.structuralholes.normalized_mutual_weight (0 for no contacts)" if nan_e else ""),
            ds.actors, es)

    contacts = eval(NX_CONTACTS, ns)
    eff = {v: (es[v] / contacts[v] if contacts[v] else 0.0) for v in G}
    h.array(f"ref_{prefix}_efficiency{tag}_nx",
            f"networkx {nx.__version__}: effective size (above) / {NX_CONTACTS}[v] (number of distinct "
            f"contacts; 0 for none) on {dn}", ds.actors, eff)

    xh = sub(NX_HIERARCHY)
    hi = eval(xh, ns)
    h.array(f"ref_{prefix}_hierarchy{tag}_nx",
            f"networkx {nx.__version__}: {xh} on {dn}, with hierarchy(cs) = Burt's sum_j r_j ln r_j / "
            f"(N ln N), r_j = c_j / (sum(cs) / N), 0 for N <= 1", ds.actors, hi)
    _ = env_w


def burt_peer_differences(ds):
    """Record, for directed_dangling, how NetworkX on the raw records and with self-loops differs."""
    G = ds.nx_graph()
    M = ds.nx_raw()
    D = nx.DiGraph(M)  # keeps one record per pair (the last) and the self-loop
    base = eval(NX_CONSTRAINT.replace("W", '"weight"'), {"nx": nx, "G": G})
    raw = nx.constraint(M, weight="weight")
    NOTES.append("directed_dangling: nx.constraint(nx.MultiDiGraph of the records, weight='weight') "
                 "reads G[u][v].get('weight', 1) on the key dict of a multigraph, so every connected "
                 "pair counts 1 whatever its strength: " +
                 ", ".join(f"{v} {raw[v]:.6g} (vs {base[v]:.6g})" for v in G if not math.isnan(raw[v])))
    S = G.copy()
    S.add_edge("Dave", "Dave", weight=2.0, count=1)
    loop = eval(NX_CONSTRAINT.replace("W", '"weight"'), {"nx": nx, "G": S})
    NOTES.append("directed_dangling: with the self-loop Dave->Dave kept, NetworkX counts Dave as his own "
                 f"contact (mutual weight 2w): Dave {loop['Dave']:.6g} instead of {base['Dave']:.6g}, and "
                 f"Dave's contacts change too (Bob {loop['Bob']:.6g} vs {base['Bob']:.6g}); igraph and "
                 f"libleverage drop self-loops")
    g = ds.igraph_graph()
    un = g.constraint()
    nxc = eval(NX_CONSTRAINT.replace("W", "None"), {"nx": nx, "G": G})
    NOTES.append("directed_dangling: unweighted, igraph g.constraint() counts parallel records (Alice->Bob "
                 f"twice): Alice {un[0]:.6g}; NetworkX weight=None on the collapsed DiGraph counts the pair "
                 f"once: Alice {nxc['Alice']:.6g}; libleverage (LEV_P_WEIGHTED 0) counts records, as igraph")


# ---------------------------------------------------------------------------------------------
# Gould-Fernandez brokerage (R sna)
# ---------------------------------------------------------------------------------------------

SNA_CALL = "b <- sna::brokerage(g, cl)"
COLS = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"]


def sna_matrix(ds, symmetric, loops=False):
    n = len(ds.actors)
    A = [[0] * n for _ in range(n)]
    for s, t, _ in ds.edges:
        i, j = ds.index[s], ds.index[t]
        if i == j and not loops:
            continue
        A[i][j] = 1
        if symmetric:
            A[j][i] = 1
    return A


def run_sna(A, cl):
    n = len(A)
    flat = ",".join(str(x) for row in A for x in row)
    cls = ",".join('"' + c.replace('"', '\\"') + '"' for c in cl)
    script = (
        "suppressMessages(library(sna))\n"
        f"g <- matrix(c({flat}), nrow={n}, byrow=TRUE)\n"
        f"cl <- c({cls})\n"
        f"{SNA_CALL}\n"
        "for (tab in list(b$raw.nli, b$exp.nli, b$sd.nli, b$z.nli)) { cat(sprintf('%.17g', t(tab)), sep='\\n'); cat('\\n') }\n"
        "cat('version', as.character(packageVersion('sna')), '\\n')\n"
    )
    with tempfile.TemporaryDirectory() as tmp:  # Rscript -e is limited to 10000 bytes
        path = os.path.join(tmp, "brokerage.R")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        out = subprocess.run(["Rscript", path], check=True, capture_output=True, text=True).stdout.split("\n")
    version = [l for l in out if l.startswith("version")][0].split()[1]
    vals = [float(x) for x in out if x and not x.startswith("version")]
    assert len(vals) == 4 * 6 * n, (len(vals), n)
    tabs = [vals[k * 6 * n:(k + 1) * 6 * n] for k in range(4)]
    return [[t[6 * i:6 * i + 6] for i in range(n)] for t in tabs], version


def brokerage_refs(h, ds, prefix, symmetric):
    A = sna_matrix(ds, symmetric)
    cl = [ds.groups[a] or NONE_LABEL for a in ds.actors]
    (raw, exp, sd, z), version = run_sna(A, cl)
    # z is NaN in sna where sd is 0 (0/0): libleverage documents 0 there
    nan_z = []
    for i, a in enumerate(ds.actors):
        for k in range(6):
            if math.isnan(z[i][k]):
                assert sd[i][k] == 0 and raw[i][k] == exp[i][k] == 0, (a, k)
                z[i][k] = 0.0
                nan_z.append(f"{a}/{COLS[k]}")
    desc = (f"g = the 0/1 matrix of {ds.src()} (g[i, j] = 1 when some edge i -> j exists, i != j; "
            f"{'symmetrized: an undirected set, analyzed with LEV_P_UNDIRECTED 1' if symmetric else 'directed'}; "
            f"actor i = libleverage index i), cl = each actor's group, \"{NONE_LABEL}\" for none")
    names = {"raw": "b$raw.nli", "exp": "b$exp.nli", "sd": "b$sd.nli", "z": "b$z.nli"}
    for key, tab in (("raw", raw), ("exp", exp), ("sd", sd), ("z", z)):
        extra = ""
        if key == "z" and nan_z:
            extra = f". NaN (0/0 where sd = 0) replaced by 0, libleverage's documented value, for {len(nan_z)} cells"
        h.table(f"ref_{prefix}_brokerage_{key}_sna",
                f"R sna {version}: {SNA_CALL}; {names[key]} (columns {', '.join(COLS)}), with {desc}{extra}",
                ds.actors, {a: tab[i] for i, a in enumerate(ds.actors)})
    return version


def brokerage_loop_note(ds):
    A = sna_matrix(ds, False, loops=True)
    cl = [ds.groups[a] or NONE_LABEL for a in ds.actors]
    (raw, exp, _, _), _ = run_sna(A, cl)
    (raw0, exp0, _, _), _ = run_sna(sna_matrix(ds, False), cl)
    assert raw == raw0
    NOTES.append(f"directed_dangling brokerage: with the self-loop Dave->Dave in g, sna counts it in m (density "
                 f"m / (N (N - 1))), so exp.nli changes (Alice t: {exp[0][5]:.9g} vs {exp0[0][5]:.9g} without); "
                 f"raw counts are the same. libleverage's density counts distinct non-loop pairs")


# ---------------------------------------------------------------------------------------------

def main():
    write_group_files()
    sets = [
        # key, edges, actors, directed, brokerage?
        ("florentine16", "examples/data/florentine_edges.csv", "examples/data/florentine_actors.csv", False, True),
        ("florentine15", "examples/data/florentine_edges.csv", None, False, False),
        ("karate", "tests/data/karate_edges.csv", None, False, False),
        ("karate_weighted", "tests/data/karate_weighted_edges.csv", None, False, False),
        ("kite", "tests/data/kite_edges.csv", None, False, True),
        ("lesmis", "tests/data/lesmis_edges.csv", None, False, False),
        ("coleman", "tests/data/coleman_edges.csv", "tests/data/coleman_groups.csv", True, True),
        ("dangling", "tests/data/directed_dangling.csv", "tests/data/directed_dangling_groups.csv", True, True),
    ]
    h = Header()
    sna_version = None
    for key, edges, actors, directed, brok in sets:
        ds = DataSet(key, edges, actors, directed)
        h.raw(f"/* ---- {key}: {ds.src()}, {len(ds.actors)} actors, {len(ds.edges)} edge records, "
              f"{'directed' if directed else 'undirected (LEV_P_UNDIRECTED 1 for brokerage)'} ---- */",
              f"#define REF_BRK_{key.upper()}_N {len(ds.actors)}", "")
        for weighted in (True, False):
            burt_refs(h, ds, key, weighted)
        if brok:
            sna_version = brokerage_refs(h, ds, key, symmetric=not directed)
        if key == "dangling":
            burt_peer_differences(ds)
            brokerage_loop_note(ds)

    head = [
        "/* Generated by tests/ref/make_refs_brokerage.py -- do not edit; regenerate with",
        " *     /usr/bin/python3 tests/ref/make_refs_brokerage.py",
        f" * Peers: networkx {nx.__version__}, python-igraph {igraph.__version__}, R sna {sna_version}, "
        f"Python {sys.version.split()[0]}.",
        " * Arrays list actors in libleverage index order; look values up by name.",
        " *",
        " * Checks (all must hold to 1e-12, or exactly where 0):",
    ] + [" *   " + ascii_text(c) for c in CHECKS] + [
        " *",
        " * Peer differences recorded (see docs/brokerage.md):",
    ] + [" *   " + ascii_text(n) for n in NOTES] + [
        " */",
        "#ifndef LEV_TEST_REF_BROKERAGE_H",
        "#define LEV_TEST_REF_BROKERAGE_H",
        "",
        '#include "ref_common.h"',
        "",
        "/* One actor's row of an sna::brokerage table: w_I, w_O, b_IO, b_OI, b_O, t. */",
        "typedef struct { const char *name; double v[6]; } ref_brokerage_row;",
        "",
        "/* A test file uses only some of these arrays. */",
        "#if defined(__GNUC__) || defined(__clang__)",
        "#pragma GCC diagnostic push",
        '#pragma GCC diagnostic ignored "-Wunused-const-variable"',
        "#endif",
        "",
    ]
    tail = ["#if defined(__GNUC__) || defined(__clang__)", "#pragma GCC diagnostic pop", "#endif", "",
            "#endif /* LEV_TEST_REF_BROKERAGE_H */", ""]
    with open(os.path.join(HERE, "ref_brokerage.h"), "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(head + h.lines + tail))
    for c in CHECKS:
        print(c)
    for n in NOTES:
        print("note:", n)
    if FAILS:
        print("FAILED:", *FAILS, sep="\n  ", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
