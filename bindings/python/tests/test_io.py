"""Readers, writers and the constructors built on them."""
from __future__ import annotations

from pathlib import Path

import pytest

import leverage
from leverage import Network

from conftest import DATA, need

EDGES = "source,target,weight,channel\na,b,1,kin\nb,\"c, the third\",2.5,\n\"c, the third\",a,0.1,money\n"


def test_read_buffer_and_to_csv_round_trip() -> None:
    with Network() as net:
        net.read_buffer(EDGES)
        assert net.actors == ["a", "b", "c, the third"]
        assert list(net.edges()) == [("a", "b", 1.0, "kin"), ("b", "c, the third", 2.5, None),
                                     ("c, the third", "a", 0.1, "money")]
        text = net.to_csv()  # "edges" by default
        assert text.splitlines()[0] == "source,target,weight,channel"
        assert '"c, the third"' in text
        with Network() as back:
            back.read_buffer(text.encode("utf-8"), "edges", name="round-trip")
            assert list(back.edges()) == list(net.edges())  # strengths round-trip exactly


def test_read_csv_takes_paths_text_and_bytes(tmp_path: Path) -> None:
    f = tmp_path / "e.csv"
    f.write_text(EDGES, encoding="utf-8")
    for src in (f, str(f), EDGES, EDGES.encode()):
        with Network() as net:
            net.read_csv(src)
            assert net.edge_count == 3


def test_actors_and_resources_kinds() -> None:
    with Network() as net:
        net.read_csv("name,group\nx,left\ny,\n", kind="actors")
        net.read_csv("source,target,weight\nx,y,1\n")
        net.read_csv("actor,resource,holds,needs\nx,money,5,1\ny,votes,0,2\n", kind="resources")
        assert net.actors == ["x", "y"] and net.group("x") == "left" and net.group("y") is None
        assert net.resources == ["money", "votes"]
        assert net.get_resource("y", "votes") == (0.0, 2.0)
        assert net.to_csv("actors") == "name,group\nx,left\ny,\n"
        assert net.to_csv("resources") == "actor,resource,holds,needs\nx,money,5,1\ny,votes,0,2\n"


def test_write_csv(tmp_path: Path) -> None:
    with Network.from_edges([("a", "b", 2.0, "money")]) as net:
        for kind in ("edges", "actors", "resources"):
            path = tmp_path / f"{kind}.csv"
            net.write_csv(path, kind)
            assert path.read_text(encoding="utf-8") == net.to_csv(kind)
        with pytest.raises(leverage.InputOutputError, match="cannot open for writing") as exc:
            net.write_csv(tmp_path / "no" / "such" / "dir.csv")
        assert isinstance(exc.value, OSError) and exc.value.code == 6


def test_reader_errors_name_file_line_column_and_change_nothing(tmp_path: Path) -> None:
    with Network.from_edges([("a", "b")]) as net:
        with pytest.raises(leverage.ParseError, match=r"^e\.csv:3:5: ") as exc:
            net.read_buffer("source,target,weight\nx,y,1\nc,d,\"x\n", name="e.csv")
        assert isinstance(exc.value, ValueError) and exc.value.name == "LEV_EPARSE"
        with pytest.raises(leverage.InvalidArgument, match=r"<buffer>:2:5: strength"):
            net.read_buffer("source,target,weight\nx,y,nan\n")
        with pytest.raises(leverage.AlreadyExists, match="listed twice"):
            net.read_buffer("name\nq\nq\n", "actors")
        bad = tmp_path / "bad.csv"
        bad.write_text("source,target,weight\nx,y,1\nx,y,-2\n")
        with pytest.raises(leverage.InvalidArgument, match=r"bad\.csv:3:"):
            net.read_csv(bad)
        with pytest.raises(leverage.NotFound, match="cannot open"):
            net.read_csv(tmp_path / "missing.csv")
        with pytest.raises(leverage.InputOutputError, match="read error"):
            net.read_csv(tmp_path)  # a directory opens but cannot be read
        with pytest.raises(leverage.Unsupported, match="graphml"):
            net.read_csv(EDGES, kind="graphml")
        with pytest.raises(leverage.Unsupported):
            net.to_csv("json")
        assert net.actors == ["a", "b"] and net.edge_count == 1  # all or nothing


def test_from_csv_reads_actors_first() -> None:
    with Network.from_csv(need(DATA / "florentine_edges.csv"), need(DATA / "florentine_actors.csv"),
                          need(DATA / "florentine_resources.csv")) as net:
        assert len(net) == 16 and net.edge_count == 20
        assert net.actors == sorted(net.actors)  # the actors file's order, not first appearance
        assert net.group("Medici") == "medicean"
        assert net.resources == ["wealth"]
    with Network.from_csv(EDGES) as net:
        assert len(net) == 3
    with pytest.raises(leverage.ParseError):
        Network.from_csv("source,target\na,b\n", actors="bogus,header\n")


def test_from_edges() -> None:
    with Network.from_edges([("a", "b"), ("b", "c", 2.0), ("c", "a", 3.0, "money"), (0, 2)]) as net:
        assert list(net.edges()) == [("a", "b", 1.0, None), ("b", "c", 2.0, None), ("c", "a", 3.0, "money"),
                                     ("a", "c", 1.0, None)]
    with pytest.raises(leverage.InvalidArgument, match="strength"):
        Network.from_edges([("a", "b", -1.0)])


def test_from_networkx() -> None:
    nx = pytest.importorskip("networkx")
    g = nx.MultiDiGraph()
    g.add_node("x", group="left")
    g.add_node(7)
    g.add_edge("x", 7, weight=2.0, channel="money")
    g.add_edge("x", 7, channel="kin")  # parallel, default weight
    g.add_edge(7, "y")
    with Network.from_networkx(g) as net:
        assert net.actors == ["x", "7", "y"] and net.group("x") == "left" and net.group("7") is None
        assert list(net.edges()) == [("x", "7", 2.0, "money"), ("x", "7", 1.0, "kin"), ("7", "y", 1.0, None)]
    with Network.from_networkx(nx.florentine_families_graph()) as net:
        assert len(net) == 15 and net.edge_count == 20
