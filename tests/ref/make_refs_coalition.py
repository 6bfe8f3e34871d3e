#!/usr/bin/python3
"""Reference values for the coalition family (weighted voting games), written to
tests/ref/ref_coalition.h.

Run with the system interpreter:

    /usr/bin/python3 tests/ref/make_refs_coalition.py

No peer library computes power indices or graph-restricted games, so every value here comes from
brute-force enumeration of all 2^n coalitions (and all n! orders for Shapley-Shubik on games of
at most 8 actors, checked against the subset formula), in exact rational arithmetic
(fractions.Fraction); connectivity of a coalition in the influence network is decided by
NetworkX (nx.is_connected on G.subgraph(S), G = nx.Graph of the edge records, self-loops
dropped) -- the C code's own bit-mask search is not reused. Deterministic. It exits non-zero when
a check fails:

  * the UN Security Council game (5 members with 7 votes, 10 with 1, quota 39) gives the
    published values: Shapley-Shubik 4/2145 = 0.00186 per non-permanent member and 0.1963 per
    permanent one, normalized Banzhaf 84/5080 = 0.0165 and 848/5080 = 0.1669 (Straffin, P. D.
    (1994). Power and stability in politics. Handbook of Game Theory 2, ch. 32; the closed forms
    are in the comments of the header);
  * the EEC Council of Ministers 1958 (France, Germany, Italy 4; Belgium, Netherlands 2;
    Luxembourg 1; quota 12) gives Shapley-Shubik 14/60, 9/60, 0 and normalized Banzhaf 5/21,
    3/21, 0 (Felsenthal, D. S. & Machover, M. (1998). The Measurement of Voting Power. Edward
    Elgar, sec. 2.3 and 3.2), Luxembourg a dummy;
  * Shapley-Shubik by orders equals Shapley-Shubik by subsets (n <= 8);
  * in the graph-restricted game, a coalition wins iff one of its connected components reaches
    the quota (Myerson's v/G for these proper games: the quota is above half the holdings).
"""
import itertools
import math
import os
import random
import sys
from fractions import Fraction as F

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = "ref_coalition.h"
MAXN = 16
MAXE = 64


def read_florentine():
    import csv
    with open(os.path.join(ROOT, "examples/data/florentine_actors.csv")) as f:
        names = [r[0] for r in list(csv.reader(f))[1:]]
    with open(os.path.join(ROOT, "examples/data/florentine_resources.csv")) as f:
        wealth = {r[0]: int(r[2]) for r in list(csv.reader(f))[1:]}
    with open(os.path.join(ROOT, "examples/data/florentine_edges.csv")) as f:
        edges = [(names.index(r[0]), names.index(r[1])) for r in list(csv.reader(f))[1:]]
    return names, [wealth[x] for x in names], edges


def games():
    g = []
    g.append(dict(name="un_sc", w=[7] * 5 + [1] * 10, quota=39, frac=0, cost=None, edges=None))
    g.append(dict(name="eu1958", w=[4, 4, 4, 2, 2, 1], quota=12, frac=0, cost=[3, 3, 3, 1, 1, 1], edges=None))
    g.append(dict(name="hand3", w=[50, 30, 20], quota=51, frac=0, cost=[10, 2, 2], edges=[(0, 1), (1, 2)]))
    g.append(dict(name="decimal", w=[F("3.5"), F("2.25"), F("1.75"), F(1), F("0.5"), F("0.3")], quota=0,
                  frac=F(1, 2), cost=[5, 4, 3, 1, 1, 2], edges=[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]))
    rnd = random.Random(20)
    w = [rnd.randint(1, 20) for _ in range(12)]
    cost = [rnd.randint(1, 9) for _ in range(12)]
    ed = sorted({tuple(sorted(rnd.sample(range(12), 2))) for _ in range(18)})
    g.append(dict(name="rand12", w=w, quota=math.ceil(0.6 * sum(w)), frac=0, cost=cost, edges=ed))
    g.append(dict(name="path5", w=[3, 1, 4, 1, 5], quota=0, frac=F(1, 2), cost=[1, 1, 1, 1, 1],
                  edges=[(0, 1), (1, 2), (2, 3), (3, 4)]))
    # a self-loop, a parallel record and a reversed record: the undirected simple view is a star
    g.append(dict(name="star6", w=[1, 5, 4, 3, 2, 2], quota=0, frac=F(1, 2), cost=[1, 2, 2, 2, 1, 1],
                  edges=[(0, 1), (2, 0), (0, 3), (0, 4), (5, 0), (0, 1), (1, 0), (3, 3)]))
    names, wealth, fe = read_florentine()
    g.append(dict(name="florentine", w=wealth, quota=0, frac=F(1, 2), cost=[1 + i % 3 for i in range(16)],
                  edges=fe, names=names))
    g.append(dict(name="thirds", w=[F(1, 3), F(2, 3), F(1), F(4, 3), F(1, 3)], quota=0, frac=F(1, 2),
                  cost=None, edges=[(0, 1), (1, 2), (2, 3), (3, 4)]))
    return g


def winning_fn(game, connected):
    w = [F(x) for x in game["w"]]
    total = sum(w)
    if game["quota"]:
        wins_sum = lambda s: s >= game["quota"]
    else:
        wins_sum = lambda s: s > game["frac"] * total
    n = len(w)
    if not connected:
        return lambda S: wins_sum(sum(w[i] for i in S))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from((a, b) for a, b in game["edges"] if a != b)

    def f(S):
        if not S:
            return wins_sum(0)
        H = G.subgraph(S)
        return any(wins_sum(sum(w[i] for i in c)) for c in nx.connected_components(H))
    return f


def indices(game, connected):
    n = len(game["w"])
    win = winning_fn(game, connected)
    W = {}
    for mask in range(1 << n):
        W[mask] = win([i for i in range(n) if mask >> i & 1])
    raw, ss = [F(0)] * n, [F(0)] * n
    for mask in range(1 << n):
        if W[mask]:
            continue
        k = bin(mask).count("1")
        for i in range(n):
            if not mask >> i & 1 and W[mask | 1 << i]:
                raw[i] += F(1, 2 ** (n - 1))
                ss[i] += F(math.factorial(k) * math.factorial(n - 1 - k), math.factorial(n))
    tot = sum(raw)
    bz = [r / tot if tot else F(0) for r in raw]
    if n <= 8:  # orders, as the definition reads
        ss2 = [F(0)] * n
        for order in itertools.permutations(range(n)):
            m = 0
            for v in order:
                m |= 1 << v
                if W[m]:
                    ss2[v] += 1
                    break
        ss2 = [x / math.factorial(n) for x in ss2]
        assert ss2 == ss, (game["name"], ss, ss2)
    # minimal winning coalitions (plain game only)
    mwc = [m for m in range(1 << n) if W[m] and all(not W[m & ~(1 << i)] for i in range(n) if m >> i & 1)]
    dp, hp = [F(0)] * n, [F(0)] * n
    for m in mwc:
        mem = [i for i in range(n) if m >> i & 1]
        for i in mem:
            dp[i] += F(1, len(mem) * len(mwc))
            hp[i] += 1
    hs = sum(hp)
    hp = [x / hs if hs else F(0) for x in hp]
    # cheapest: fewest actors and least cost over every winning coalition (connected: every
    # connected one, since a winning coalition contains a winning component)
    G = None
    if connected:
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from((a, b) for a, b in game["edges"] if a != b)
    fewest, least = math.inf, math.inf
    for m in range(1, 1 << n):
        if not W[m]:
            continue
        mem = [i for i in range(n) if m >> i & 1]
        if connected and not nx.is_connected(G.subgraph(mem)):
            continue
        fewest = min(fewest, len(mem))
        if game["cost"]:
            least = min(least, sum(game["cost"][i] for i in mem))
    return dict(raw=raw, bz=bz, ss=ss, dp=dp, hp=hp, nmwc=len(mwc), fewest=fewest, least=least)


def fmt(x):
    if x == math.inf:
        return "INFINITY"
    return repr(float(x))


def arr(v, n=MAXN):
    return "{" + (", ".join(fmt(x) for x in v) or "0") + "}"


def main():
    out = []
    out.append("/* Generated by tests/ref/make_refs_coalition.py -- do not edit; regenerate with\n"
               " *     /usr/bin/python3 tests/ref/make_refs_coalition.py\n"
               " * Weighted voting games: every value by brute-force enumeration of all 2^n coalitions in\n"
               " * exact rationals (Python %s), connectivity by networkx %s (nx.is_connected on\n"
               " * G.subgraph(S), G = nx.Graph of the edge records without self-loops). */\n"
               % (sys.version.split()[0], nx.__version__))
    out.append("#ifndef LEV_TEST_REF_COALITION_H\n#define LEV_TEST_REF_COALITION_H\n\n#include <math.h>\n\n")
    out.append("#define REF_COAL_MAXN %d\n#define REF_COAL_MAXE %d\n\n" % (MAXN, MAXE))
    out.append("""/* One game: holdings w (votes), the quota (absolute; 0: strictly more than frac of all
 * holdings), costs (has_cost 0: none), the influence ties as edge records (nedges; graph 0: no
 * graph-restricted values), and the values of the plain game (raw/bz/ss Banzhaf raw and
 * normalized, Shapley-Shubik; dp/hp Deegan-Packel, Holler-Packel; nmwc minimal winning
 * coalitions; fewest actors and least cost to reach the quota) and of the graph-restricted game
 * (c_*). */
typedef struct {
    const char *name;
    int n;
    double w[REF_COAL_MAXN], quota, frac;
    int has_cost;
    double cost[REF_COAL_MAXN];
    int graph, nedges;
    int edges[REF_COAL_MAXE][2];
    double raw[REF_COAL_MAXN], bz[REF_COAL_MAXN], ss[REF_COAL_MAXN], dp[REF_COAL_MAXN], hp[REF_COAL_MAXN];
    double nmwc, fewest, least;
    double c_raw[REF_COAL_MAXN], c_ss[REF_COAL_MAXN], c_fewest, c_least;
} ref_game;

""")
    out.append("static const ref_game ref_games[] = {\n")
    names = []
    for g in games():
        n = len(g["w"])
        plain = indices(g, False)
        graph = g["edges"] is not None
        con = indices(g, True) if graph else None
        if g["name"] == "un_sc":
            assert plain["ss"][5] == F(4, 2145) and plain["ss"][0] == (1 - 10 * F(4, 2145)) / 5
            assert plain["bz"][5] == F(84, 5080) and plain["bz"][0] == F(848, 5080)
            assert round(float(plain["ss"][0]), 4) == 0.1963 and round(float(plain["ss"][5]), 5) == 0.00186
            assert round(float(plain["bz"][0]), 4) == 0.1669 and round(float(plain["bz"][5]), 4) == 0.0165
        if g["name"] == "eu1958":
            assert plain["ss"] == [F(14, 60)] * 3 + [F(9, 60)] * 2 + [F(0)]
            assert plain["bz"] == [F(5, 21)] * 3 + [F(3, 21)] * 2 + [F(0)]
        if g["name"] == "hand3":
            assert plain["ss"] == [F(2, 3), F(1, 6), F(1, 6)] and plain["raw"] == [F(3, 4), F(1, 4), F(1, 4)]
        total = sum(F(x) for x in g["w"])
        if graph and not g["quota"]:
            assert g["frac"] >= F(1, 2)  # proper: the simple-game restriction is Myerson's
        ed = g["edges"] or []
        assert len(ed) <= MAXE and n <= MAXN
        names.append(g["name"])
        if g["name"] == "un_sc":
            out.append("    /* UN Security Council: SS permanent (1 - 10*4/2145)/5 = 0.19627, other 4/2145 =\n"
                       "     * 0.001865; Banzhaf swings 848 = sum_{k>=4} C(10,k) and 84 = C(9,3), normalized\n"
                       "     * 848/5080 = 0.1669 and 84/5080 = 0.0165 (Straffin 1994) */\n")
        if g["name"] == "eu1958":
            out.append("    /* EEC Council 1958: SS 14/60, 9/60, 0; Banzhaf 5/21, 3/21, 0 (Felsenthal & Machover 1998) */\n")
        out.append("    {\"%s\", %d, %s, %s, %s, %d, %s, %d, %d,\n" % (
            g["name"], n, arr(g["w"]), fmt(g["quota"]), fmt(g["frac"]), 1 if g["cost"] else 0,
            arr(g["cost"] or []), 1 if graph else 0, len(ed)))
        out.append("     {%s},\n" % ", ".join("{%d, %d}" % e for e in ed) if ed else "     {{0, 0}},\n")
        out.append("     %s,\n     %s,\n     %s,\n     %s,\n     %s,\n" % (
            arr(plain["raw"]), arr(plain["bz"]), arr(plain["ss"]), arr(plain["dp"]), arr(plain["hp"])))
        out.append("     %d, %s, %s,\n" % (plain["nmwc"], fmt(plain["fewest"]), fmt(plain["least"])))
        if con:
            out.append("     %s,\n     %s, %s, %s},\n" % (arr(con["raw"]), arr(con["ss"]), fmt(con["fewest"]),
                                                          fmt(con["least"])))
        else:
            out.append("     {0}, {0}, 0, 0},\n")
    out.append("};\n\n#define REF_NGAMES %d\n\n#endif\n" % len(names))
    with open(os.path.join(HERE, OUT), "w") as f:
        f.write("".join(out))
    print("wrote", OUT, names)


if __name__ == "__main__":
    main()
