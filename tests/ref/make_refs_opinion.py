#!/usr/bin/python3
"""Reference values for the opinion-dynamics family (DeGroot, Friedkin-Johnsen, pressure
points), written to tests/ref/ref_opinion.h.

Run with the system interpreter, which has numpy:

    /usr/bin/python3 tests/ref/make_refs_opinion.py

Deterministic (no randomness). The influence matrix is built here densely, independently of
the library: W[i, j] = (sum of the strengths of the edge records j -> i) / (row sum), both
directions with undirected=True, W[i, i] = 1 for a row with no tie; strengths are rounded to
single precision first (numpy.float32), as the library's compact form holds them. Then:

  * Friedkin-Johnsen: the dense closed form numpy.linalg.solve(I - L W, (I - L) u);
  * total influence: the column sums of numpy.linalg.solve(I - L W, I - L) (V formed densely);
  * DeGroot social power: for every closed class C (a strongly connected component of the
    "listens to" graph, networkx.strongly_connected_components, that no arc leaves), the
    eigenvector of W[C, C].T for the eigenvalue nearest 1 from numpy.linalg.eig (a dense
    solver), scaled to sum 1; 0 outside closed classes;
  * DeGroot limit: lim W^t u (only where every closed class is aperiodic): each closed class's
    power-weighted mean, and for the other actors T the absorbing-chain solve
    numpy.linalg.solve(I - W[T, T], W[T, C] @ limit[C]), checked against
    numpy.linalg.matrix_power(W, 2**16) @ u (agreement to 1e-7: repeated squaring drifts);
  * the 4-actor group of Friedkin & Johnsen (1999), whose published equilibrium is
    (60, 60, 75, 75) after rounding (reproduced in Proskurnikov & Tempo 2017, Part I, sec. 5),
    with the closed form's unrounded values.

The opinions and susceptibilities are given by formulas the C test repeats exactly:
u_i = ((7 i) mod 11) / 10.0 - 0.5 and lambda_i = (1 + (5 i) mod 9) / 10.0.
"""
import csv
import os
import sys

import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = "ref_opinion.h"


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


def load(rel):
    """Actors in the library's index order (first appearance, source then target) and edges."""
    names, idx, edges = [], {}, []
    with open(os.path.join(ROOT, rel), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for r in rows[1:]:
        if not r:
            continue
        for a in r[:2]:
            if a not in idx:
                idx[a] = len(names)
                names.append(a)
        edges.append((idx[r[0]], idx[r[1]], float(np.float32(float(r[2])))))
    return names, edges


def influence_matrix(n, edges, undirected):
    A = np.zeros((n, n))
    for s, t, w in edges:
        A[t, s] += w
        if undirected:
            A[s, t] += w
    S = A.sum(axis=1)
    W = np.zeros((n, n))
    for i in range(n):
        if S[i] > 0:
            W[i] = A[i] / S[i]
        else:
            W[i, i] = 1.0
    return W


def u_of(n):
    return np.array([((7 * i) % 11) / 10.0 - 0.5 for i in range(n)])


def lam_of(n):
    return np.array([(1 + (5 * i) % 9) / 10.0 for i in range(n)])


def closed_classes(W):
    n = W.shape[0]
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for i in range(n):
        for j in range(n):
            if W[i, j] > 0:
                G.add_edge(i, j)  # i listens to j
    out = []
    for C in nx.strongly_connected_components(G):
        if all(j in C for i in C for j in G.successors(i)):
            out.append(sorted(C))
    out.sort(key=lambda c: c[0])
    return out, G


def _period(G, C):
    H = G.subgraph(C)
    return 1 if nx.is_aperiodic(H) else _gcd_cycles(H)


def _gcd_cycles(H):
    import math
    r = next(iter(H.nodes))
    lev = nx.single_source_shortest_path_length(H, r)
    g = 0
    for a, b in H.edges:
        g = math.gcd(g, abs(lev[a] + 1 - lev[b]))
    return g


def power_dense(W, classes):
    n = W.shape[0]
    pw = np.zeros(n)
    for C in classes:
        M = W[np.ix_(C, C)]
        vals, vecs = np.linalg.eig(M.T)
        k = int(np.argmin(abs(vals - 1)))
        v = np.real(vecs[:, k])
        v = v / v.sum()
        for a, i in enumerate(C):
            pw[i] = v[a]
    return pw


class Header:
    def __init__(self):
        self.parts = []

    def arr(self, name, comment, values, fmt="%.17g", ctype="double"):
        self.parts.append("/* %s */\n" % comment)
        body = ",\n    ".join(fmt % v for v in values) if len(values) else "0"
        self.parts.append("static const %s %s[] = {\n    %s};\n\n" % (ctype, name, body))

    def names(self, name, names):
        self.parts.append("static const char *const %s[] = {\n    %s};\n\n" % (name, ",\n    ".join(c_string(s) for s in names)))

    def raw(self, s):
        self.parts.append(s)


def emit_set(h, key, rel, undirected):
    names, edges = load(rel)
    n = len(names)
    W = influence_matrix(n, edges, undirected)
    u, lam = u_of(n), lam_of(n)
    L = np.diag(lam)
    I = np.eye(n)
    call = "W = influence_matrix(n, edges, undirected=%s) from %s" % (undirected, rel)
    h.raw("/* ---- %s: %s ---- */\n" % (key, call))
    h.raw("#define REF_OP_%s_CSV \"%s\"\n#define REF_OP_%s_N %d\n#define REF_OP_%s_UNDIRECTED %d\n\n"
          % (key.upper(), rel, key.upper(), n, key.upper(), int(undirected)))
    h.names("ref_op_%s_names" % key, names)
    x = np.linalg.solve(I - L @ W, (I - L) @ u)
    h.arr("ref_op_%s_fj" % key, "numpy.linalg.solve(I - L @ W, (I - L) @ u)", x)
    V = np.linalg.solve(I - L @ W, I - L)
    h.arr("ref_op_%s_influence" % key, "numpy.linalg.solve(I - L @ W, I - L).sum(axis=0)", V.sum(axis=0))
    classes, G = closed_classes(W)
    periods = [_period(G, C) for C in classes]
    cls = [0xFFFFFFFF] * n
    for c, C in enumerate(classes):
        for i in C:
            cls[i] = c
    h.raw("#define REF_OP_%s_CLASSES %d\n" % (key.upper(), len(classes)))
    h.arr("ref_op_%s_class" % key, "closed class of each actor (networkx.strongly_connected_components, no arc leaving), "
          "numbered by lowest actor; UINT32_MAX for none", cls, fmt="%uu", ctype="uint32_t")
    h.arr("ref_op_%s_period" % key, "period of each closed class (networkx.is_aperiodic, else gcd over a BFS)", periods,
          fmt="%uu", ctype="uint32_t")
    pw = power_dense(W, classes)
    h.arr("ref_op_%s_power" % key, "numpy.linalg.eig(W[C, C].T), eigenvalue nearest 1, scaled to sum 1 per class", pw)
    if all(p == 1 for p in periods):
        # closed classes agree on pw @ u; the others: x_T = solve(I - W_TT, W_TC x_C)
        lim = np.zeros(n)
        for C in classes:
            lim[C] = pw[C] @ u[C]
        T = [i for i in range(n) if cls[i] == 0xFFFFFFFF]
        Cs = [i for i in range(n) if cls[i] != 0xFFFFFFFF]
        if T:
            lim[T] = np.linalg.solve(np.eye(len(T)) - W[np.ix_(T, T)], W[np.ix_(T, Cs)] @ lim[Cs])
        assert abs(np.linalg.matrix_power(W, 2 ** 16) @ u - lim).max() < 1e-7
        h.raw("#define REF_OP_%s_HAS_LIMIT 1\n" % key.upper())
        h.arr("ref_op_%s_limit" % key, "closed classes: power @ u; the others numpy.linalg.solve(I - W[T, T], "
              "W[T, C] @ limit[C]) (checked against numpy.linalg.matrix_power(W, 2**16) @ u to 1e-7)", lim)
    else:
        h.raw("#define REF_OP_%s_HAS_LIMIT 0\n" % key.upper())
    # sanity checks of the references themselves
    assert abs(V.sum(axis=1) - 1).max() < 1e-9
    assert abs(x - V @ u).max() < 1e-12
    for C in classes:
        assert abs(pw[C] @ W[np.ix_(C, C)] - pw[C]).max() < 1e-12
    print("%s: n=%d, closed classes %d, periods %s" % (key, n, len(classes), periods))


def main():
    h = Header()
    h.raw("/* Generated by tests/ref/make_refs_opinion.py (numpy %s, networkx %s); do not edit. */\n"
          "#ifndef LEV_TEST_REF_OPINION_H\n#define LEV_TEST_REF_OPINION_H\n#include <stdint.h>\n\n"
          "#pragma GCC diagnostic push\n#pragma GCC diagnostic ignored \"-Wunused-const-variable\"\n\n"
          % (np.__version__, nx.__version__))
    emit_set(h, "coleman", "tests/data/coleman_edges.csv", False)
    emit_set(h, "dangling", "tests/data/directed_dangling.csv", False)
    emit_set(h, "karate", "tests/data/karate_weighted_edges.csv", True)
    emit_set(h, "lesmis", "tests/data/lesmis_edges.csv", True)
    # Friedkin & Johnsen (1999): the 4-actor group, lambda_i = 1 - w_ii.
    W = np.array([[.220, .120, .360, .300], [.147, .215, .344, .294], [0, 0, 1, 0], [.090, .178, .446, .286]])
    W32 = W.astype(np.float32).astype(np.float64)
    W32 = W32 / W32.sum(axis=1, keepdims=True)
    lam = 1 - np.diag(W)
    u = np.array([25.0, 25.0, 75.0, 85.0])
    x = np.linalg.solve(np.eye(4) - np.diag(lam) @ W32, (np.eye(4) - np.diag(lam)) @ u)
    assert (np.round(x) == [60, 60, 75, 75]).all(), x
    h.raw("/* ---- Friedkin & Johnsen (1999) 4-actor group: W (row i = whom i listens to), u = (25, 25, 75, 85),\n"
          " * lambda_i = 1 - w_ii; published equilibrium (60, 60, 75, 75) rounded. ---- */\n")
    h.arr("ref_op_fj4_w", "W, row-major", W.flatten())
    h.arr("ref_op_fj4_x", "numpy.linalg.solve(I - L @ W, (I - L) @ u), W from single-precision strengths", x)
    h.raw("#pragma GCC diagnostic pop\n#endif\n")
    with open(os.path.join(HERE, OUT), "w", encoding="utf-8") as f:
        f.write("".join(h.parts))


if __name__ == "__main__":
    main()
