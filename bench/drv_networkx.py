#!/usr/bin/python3
"""bench/drv_networkx.py — the NetworkX driver of the benchmark harness.

Same protocol as the C drivers (bench/common.h): the command line

    drv_networkx.py --bin FILE [--text FILE] --algos a,b@R2,c [--repeat R] [--scores DIR]

and one JSON line per algorithm on stdout. Scores are written as raw little-endian float64
by vertex id. The graph is an nx.DiGraph with nodes 0..n-1 (ints) and a 'weight' attribute.

To add an algorithm: write one `def a_name(ctx)` returning (scores, extra) and add it to ALGOS.
"""
import array
import gc
import json
import math
import statistics
import sys
import time

import networkx as nx

BUDGET = 60.0  # seconds of runs after which a measurement is not repeated further


def rss(key="VmRSS"):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def read_bin(path):
    with open(path, "rb") as f:
        hdr = f.read(32)
        if hdr[:8] != b"LEVBENCH":
            raise ValueError(path + ": not a LEVBENCH edge file")
        ver, wb = int.from_bytes(hdr[8:12], "little"), int.from_bytes(hdr[12:16], "little")
        n, m = int.from_bytes(hdr[16:24], "little"), int.from_bytes(hdr[24:32], "little")
        if ver != 1 or wb != 4:
            raise ValueError(path + ": unsupported version")
        src, dst, w = array.array("I"), array.array("I"), array.array("f")
        src.fromfile(f, m)
        dst.fromfile(f, m)
        w.fromfile(f, m)
    return n, m, src, dst, w


class Ctx:
    def __init__(self):
        self.bin = self.text = self.scores_dir = None
        self.repeat = 5
        self.n = self.m = 0
        self.G = None
        self.text_G = None
        self.und = None
        self.mem = {}


def by_id(ctx, d, default=0.0):
    out = [default] * ctx.n
    for k, v in d.items():
        out[k] = float(v)
    return out


# ---- loading ---------------------------------------------------------------------------------


def prep_load_bin(ctx):
    ctx.G = None
    gc.collect()


def a_load_bin(ctx):
    """Read the binary file, add nodes 0..n-1 and every weighted edge."""
    r0 = rss()
    n, m, src, dst, w = read_bin(ctx.bin)
    ctx.n, ctx.m = n, m
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(src, dst, w))
    del src, dst, w
    ctx.G = G
    # first run: the process is fresh, so the delta is the graph's (later runs reuse freed arenas)
    ctx.mem.setdefault("load_bin", rss() - r0)
    d = ctx.mem["load_bin"]
    return None, {"rss_delta": d, "bytes_per_edge": d / m}


def prep_load_text(ctx):
    ctx.text_G = None
    gc.collect()


def a_load_text(ctx):
    """NetworkX's edge-list parser on the CSV (header skipped), names kept as strings."""
    r0 = rss()
    with open(ctx.text) as f:
        f.readline()
        G = nx.parse_edgelist(f, delimiter=",", create_using=nx.DiGraph, nodetype=str, data=[("weight", float)])
    ctx.text_G = G
    ctx.mem.setdefault("load_text", rss() - r0)
    t0 = time.perf_counter()
    out = [0.0] * ctx.n
    for name, d in G.degree():
        out[int(name)] = float(d)
    untimed = time.perf_counter() - t0
    m = G.number_of_edges()
    return out, {"edges": m, "actors": G.number_of_nodes(), "bytes_per_edge": ctx.mem["load_text"] / m,
                 "_untimed": untimed}


# ---- centrality ------------------------------------------------------------------------------


def a_degree(ctx):
    return by_id(ctx, dict(ctx.G.degree())), {}


def a_strength(ctx):
    return by_id(ctx, dict(ctx.G.degree(weight="weight"))), {}


def a_pagerank(ctx):
    # NetworkX stops when the L1 change is below N * tol: tol = 1e-10 / N is libleverage's rule.
    tol = 1e-10 / ctx.n
    pr = nx.pagerank(ctx.G, alpha=0.85, tol=tol, max_iter=1000, weight="weight")
    return by_id(ctx, pr), {"tol": tol}


def a_betweenness(ctx):
    return by_id(ctx, nx.betweenness_centrality(ctx.G, normalized=False, weight=None)), {}


def a_closeness(ctx):
    # incoming distances on a digraph, Wasserman-Faust form (the default wf_improved=True)
    return by_id(ctx, nx.closeness_centrality(ctx.G, wf_improved=True)), {}


def a_harmonic(ctx):
    return by_id(ctx, nx.harmonic_centrality(ctx.G)), {}


# ---- cohesion and brokerage ------------------------------------------------------------------


def a_kcore(ctx):
    return by_id(ctx, nx.core_number(ctx.G)), {}


def first_order(ctx, comps):
    """Component ids in order of each component's smallest vertex (libleverage's numbering)."""
    t0 = time.perf_counter()
    out = [0.0] * ctx.n
    for i, c in enumerate(sorted((sorted(c) for c in comps), key=lambda c: c[0])):
        for v in c:
            out[v] = float(i)
    return out, time.perf_counter() - t0


def a_components(ctx):
    comps = list(nx.weakly_connected_components(ctx.G))
    out, u = first_order(ctx, comps)
    return out, {"components": len(comps), "_untimed": u}


def a_scc(ctx):
    comps = list(nx.strongly_connected_components(ctx.G))
    out, u = first_order(ctx, comps)
    return out, {"components": len(comps), "_untimed": u}


def prep_clustering(ctx):
    if getattr(ctx, "simple", None) is None:
        ctx.simple = nx.Graph(ctx.G.to_undirected(as_view=True))


def a_clustering(ctx):
    return by_id(ctx, nx.clustering(ctx.simple)), {}


def prep_louvain(ctx):
    if ctx.und is None:
        U = nx.Graph()
        U.add_nodes_from(range(ctx.n))
        for u, v, w in ctx.G.edges(data="weight"):
            if U.has_edge(u, v):
                U[u][v]["weight"] += w
            else:
                U.add_edge(u, v, weight=w)
        ctx.und = U


def a_louvain(ctx):
    comms = nx.community.louvain_communities(ctx.und, weight="weight", resolution=1, seed=42)
    t0 = time.perf_counter()
    q = nx.community.modularity(ctx.und, comms, weight="weight")
    out = [0.0] * ctx.n
    for k, c in enumerate(comms):
        for v in c:
            out[v] = float(k)
    return out, {"modularity": q, "communities": len(comms), "_untimed": time.perf_counter() - t0}


def a_constraint(ctx):
    return by_id(ctx, nx.constraint(ctx.G, weight="weight"), default=math.nan), {}


TRIADS = ("003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D", "120U",
          "120C", "210", "300")


def a_triad_census(ctx):
    tc = nx.triadic_census(ctx.G)
    return [float(tc[k]) for k in TRIADS], {}


ALGOS = {
    "load_bin": (a_load_bin, prep_load_bin),
    "load_text": (a_load_text, prep_load_text),
    "degree": (a_degree, None),
    "strength": (a_strength, None),
    "pagerank": (a_pagerank, None),
    "betweenness": (a_betweenness, None),
    "closeness": (a_closeness, None),
    "harmonic": (a_harmonic, None),
    "kcore": (a_kcore, None),
    "louvain": (a_louvain, prep_louvain),
    "clustering": (a_clustering, prep_clustering),
    "constraint": (a_constraint, None),
    "triad_census": (a_triad_census, None),
    "components": (a_components, None),
    "scc": (a_scc, None),
}


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def run(ctx, name):
    fn, prep = ALGOS[name]
    times, cpu, scores, extra = [], [], None, {}
    reset_peak()
    for _ in range(max(1, ctx.repeat)):
        if sum(times) >= BUDGET:  # as the C drivers: no more runs once 60 s were spent
            break
        if prep:
            prep(ctx)
        scores = extra = None
        c0 = time.process_time()
        t0 = time.perf_counter()
        try:
            scores, extra = fn(ctx)
        except Exception as e:  # reported, not fatal: the other algorithms still run
            emit({"lib": "networkx", "algo": name, "status": "error", "message": "%s: %s" % (type(e).__name__, e)})
            return False
        t = time.perf_counter() - t0
        c = time.process_time() - c0
        u = extra.pop("_untimed", 0.0)
        times.append(t - u)
        cpu.append(c - u)
    peak = rss("VmHWM")
    rec = {"lib": "networkx", "algo": name, "status": "ok", "times": times, "cpu_times": cpu,
           "median": statistics.median(times), "cpu_median": statistics.median(cpu),
           "peak_rss": peak, "n": ctx.n, "m": ctx.m, "nscores": len(scores) if scores else 0, "extra": extra}
    if scores is not None and ctx.scores_dir:
        path = "%s/networkx.%s.f64" % (ctx.scores_dir, name)
        a = array.array("d", scores)
        if sys.byteorder != "little":
            a.byteswap()
        with open(path, "wb") as f:
            a.tofile(f)
        rec["scores"] = path
    emit(rec)
    return True


def main(argv):
    ctx = Ctx()
    algos = ["load_bin"]
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("--bin", "--text", "--algos", "--repeat", "--scores", "--threads") and i + 1 < len(argv):
            v = argv[i + 1]
            i += 2
            if a == "--bin":
                ctx.bin = v
            elif a == "--text":
                ctx.text = v
            elif a == "--algos":
                algos = v.split(",")
            elif a == "--repeat":
                ctx.repeat = int(v)
            elif a == "--scores":
                ctx.scores_dir = v
        else:
            sys.stderr.write("usage: drv_networkx.py --bin FILE [--text FILE] --algos a,b [--repeat R] [--scores DIR]\n")
            return 2
    loaded = False
    status = 0
    repeat = ctx.repeat
    for name in algos:
        name, _, r = name.partition("@")  # NAME@R: R runs for this one
        ctx.repeat = int(r) if r else repeat
        if name == "load_bin":
            if not run(ctx, name):
                return 1
            loaded = True
            continue
        if not loaded:
            a_load_bin(ctx)
            loaded = True
        if name not in ALGOS:
            emit({"lib": "networkx", "algo": name, "status": "unsupported"})
            continue
        if not run(ctx, name):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
