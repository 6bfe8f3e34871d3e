"""Interchange formats: the peers read our files back (issue 21).

Our GraphML, GML, Pajek and JSON node-link files of two classic networks are read by NetworkX
(read_graphml, read_gml, read_pajek, node_link_graph) and, when installed, python-igraph
(Read_GraphML, Read_GML, Read_Pajek): the same actors, edges and strengths (and channels, groups
and wealth where the format carries them). The other direction, the peers' own files loaded by
libleverage, is tests/test_formats.c. Skipped only when NetworkX is missing.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import leverage
from conftest import DATA, ROOT, need

nx = pytest.importorskip("networkx")

KARATE = ROOT / "tests" / "data" / "karate_weighted_edges.csv"


def florentine() -> leverage.Network:
    return leverage.Network.from_csv(need(DATA / "florentine_edges.csv"), need(DATA / "florentine_actors.csv"),
                                     need(DATA / "florentine_resources.csv"))


def karate() -> leverage.Network:
    return leverage.Network.from_csv(need(KARATE))


def our_edges(net: leverage.Network, channels: bool = True) -> Counter:
    c: Counter = Counter()
    for s, t, w, ch in net.edges():
        c[(s, t, w, ch if channels else None)] += 1
    return c


def nx_edges(G, channels: bool = True) -> Counter:
    c: Counter = Counter()
    for u, v, d in G.edges(data=True):
        c[(str(u), str(v), float(d.get("weight", 1.0)), d.get("channel") if channels else None)] += 1
    return c


@pytest.mark.parametrize("which", ["florentine", "karate"])
def test_networkx_reads_our_graphml(tmp_path: Path, which: str) -> None:
    net = florentine() if which == "florentine" else karate()
    pr = net.pagerank(as_array=True)
    path = tmp_path / "ours.graphml"
    net.write_file(path, "graphml", scores={"pagerank": list(pr)})
    G = nx.read_graphml(path)
    assert sorted(G.nodes) == sorted(net.actors)
    assert nx_edges(G) == our_edges(net)
    for i, name in enumerate(net.actors):
        d = G.nodes[name]
        assert d.get("group") == net.group(i)
        assert d["pagerank"] == pr[i]
    if which == "florentine":
        assert G.nodes["Medici"]["holds:wealth"] == 103.0


@pytest.mark.parametrize("which", ["florentine", "karate"])
def test_networkx_reads_our_gml(tmp_path: Path, which: str) -> None:
    net = florentine() if which == "florentine" else karate()
    path = tmp_path / "ours.gml"
    net.write_file(path, "gml")
    G = nx.read_gml(path, label="label")
    assert sorted(G.nodes) == sorted(net.actors)
    assert nx_edges(G) == our_edges(net)
    for i, name in enumerate(net.actors):
        assert G.nodes[name].get("group") == net.group(i)


@pytest.mark.parametrize("which", ["florentine", "karate"])
def test_networkx_reads_our_pajek(tmp_path: Path, which: str) -> None:
    net = florentine() if which == "florentine" else karate()
    path = tmp_path / "ours.net"
    net.write_file(path, "pajek")
    G = nx.read_pajek(path)
    assert sorted(G.nodes) == sorted(net.actors)
    assert nx_edges(G, channels=False) == our_edges(net, channels=False)


def test_networkx_reads_our_json_node_link() -> None:
    net = florentine()
    pr = net.pagerank(as_array=True)
    data = json.loads(net.to_text("json", scores={"pagerank": list(pr)}))
    G = nx.node_link_graph(data)
    assert G.is_directed() and G.is_multigraph()
    assert sorted(G.nodes) == sorted(net.actors)
    assert nx_edges(G) == our_edges(net)
    assert G.nodes["Strozzi"]["pagerank"] == pr[net.actor("Strozzi")]
    assert G.nodes["Strozzi"]["group"] == "oligarch"


def test_dot_is_drawn_by_graphviz_when_present(tmp_path: Path) -> None:
    import shutil
    import subprocess
    net = florentine()
    path = tmp_path / "ours.dot"
    net.write_file(path, "dot", scores={"pagerank": list(net.pagerank(as_array=True))})
    text = path.read_text(encoding="utf-8")
    assert text.startswith("digraph leverage {") and text.count(" -> ") == len(list(net.edges()))
    if shutil.which("dot") is None:
        pytest.skip("graphviz not installed")
    r = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, text=True, check=True)
    assert "<svg" in r.stdout and r.stderr == ""


def test_igraph_reads_ours(tmp_path: Path) -> None:
    ig = pytest.importorskip("igraph")
    net = florentine()
    want = Counter((s, t, w) for s, t, w, _ in net.edges())
    for fmt, reader, label in [("graphml", ig.Graph.Read_GraphML, "id"), ("gml", ig.Graph.Read_GML, "label"),
                               ("pajek", ig.Graph.Read_Pajek, "id")]:
        path = tmp_path / f"ours.{fmt}"
        net.write_file(path, fmt)
        g = reader(str(path))
        names = g.vs[label]
        assert sorted(names) == sorted(net.actors), fmt
        got = Counter((names[e.source], names[e.target], float(e["weight"])) for e in g.es)
        assert got == want, fmt


def graphml_supported() -> bool:
    """False when libleverage was built without expat (GraphML reading is optional)."""
    try:
        leverage.Network().read_graph(b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', "graphml")
    except leverage.Unsupported:
        return False
    except leverage.Error:
        pass
    return True


def test_read_graph_and_round_trip(tmp_path: Path) -> None:
    net = florentine()
    for fmt in (["graphml"] if graphml_supported() else []) + ["gml", "pajek"]:
        text = net.to_text(fmt)
        back = leverage.Network()
        back.read_graph(text, fmt)
        assert our_edges(back, channels=fmt != "pajek") == our_edges(net, channels=fmt != "pajek"), fmt
        path = tmp_path / f"x.{fmt}"
        net.write_file(path, fmt)
        again = leverage.Network()
        again.read_graph(str(path), fmt)
        assert again.actors == net.actors


def test_errors() -> None:
    net = leverage.Network()
    with pytest.raises(leverage.ParseError, match=r"<buffer>:1:1: no \*Vertices section"):
        net.read_graph(b"", "pajek")
    with pytest.raises(leverage.Unsupported):
        net.read_graph(b"{}\n", "json")
    with pytest.raises(leverage.Unsupported):
        net.read_graph(b"x\n", "xlsx")
    net.read_csv("source,target,weight\na,b,1\n")
    with pytest.raises(leverage.Unsupported):
        net.to_text("pajek", scores={"x": [1, 2]})
    with pytest.raises(leverage.InvalidArgument):
        net.to_text("json", scores={"group": [1, 2]})
    with pytest.raises(leverage.InvalidArgument):
        net.to_text("json", scores={"x": [1]})
    with pytest.raises(FileNotFoundError):
        net.read_graph("/nonexistent/x.gml", "gml")
