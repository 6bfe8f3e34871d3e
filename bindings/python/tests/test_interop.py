"""NetworkX and pandas bridges, and errors as a Python caller expects them (issue 26)."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

import leverage
from leverage import Network
from leverage._lib import python_names


def test_from_networkx_keeps_the_graphs_node_objects() -> None:
    nx = pytest.importorskip("networkx")
    G = nx.karate_club_graph()
    with Network.from_networkx(G) as net:
        pr = net.pagerank(undirected=True)
        assert list(pr) == list(G.nodes) and 0 in pr and "0" not in pr
        bt = net.betweenness(undirected=True, weighted=False)
        assert bt[0] == pytest.approx(231.0714285714286)  # NetworkX betweenness_centrality(normalized=False)
        assert set(net.closeness(undirected=True)) == set(G.nodes)
        # a node names an actor where an actor is taken
        ppr = net.pagerank(personalization={33: 1.0}, undirected=True)
        assert max(ppr, key=ppr.get) == 33
        # actors added afterwards are keyed by their names
        net.add_actor("newcomer")
        assert list(net.degree())[-2:] == [33, "newcomer"]


def test_from_networkx_with_tuple_nodes() -> None:
    nx = pytest.importorskip("networkx")
    G = nx.DiGraph()
    G.add_edge((0, "a"), (1, "b"), weight=2.0)
    G.add_edge((1, "b"), (2, "c"))
    with Network.from_networkx(G) as net:
        assert net.degree() == {(0, "a"): 1, (1, "b"): 2, (2, "c"): 1}
        assert net.group((1, "b")) is None


def test_to_networkx_writes_scores_as_node_attributes() -> None:
    nx = pytest.importorskip("networkx")
    G = nx.karate_club_graph()
    with Network.from_networkx(G) as net:
        pr = net.pagerank(undirected=True)
        H = net.to_networkx(G, pagerank=pr, core=net.coreness(undirected=True, as_array=True))
        assert H is G
        assert G.nodes[0]["pagerank"] == pr[0] and G.nodes[0]["club"] == "Mr. Hi"
        assert G.nodes[33]["core"] == 4.0
        with pytest.raises(ValueError, match="has 2 values for 34 actors"):
            net.to_networkx(G, bad=[1.0, 2.0])


def test_to_networkx_builds_a_graph_of_the_network() -> None:
    nx = pytest.importorskip("networkx")
    with Network() as net:
        net.add_actor("Ann", "board")
        net.add_edge("Ann", "Bob", 2.0, channel="money")
        net.add_edge("Ann", "Bob", 0.5)
        H = net.to_networkx(pagerank=net.pagerank())
        assert isinstance(H, nx.MultiDiGraph)
        assert dict(H.nodes(data="group")) == {"Ann": "board", "Bob": None}
        assert sorted((u, v, d["weight"], d.get("channel")) for u, v, d in H.edges(data=True)) == [
            ("Ann", "Bob", 0.5, None), ("Ann", "Bob", 2.0, "money")]
        assert H.nodes["Bob"]["pagerank"] == pytest.approx(net.pagerank()["Bob"])


def test_to_dataframe_of_many_measures() -> None:
    pd = pytest.importorskip("pandas")
    nx = pytest.importorskip("networkx")
    with Network.from_networkx(nx.karate_club_graph()) as net:
        df = net.to_dataframe(undirected=True)
        assert isinstance(df, pd.DataFrame)
        assert list(df.columns) == list(leverage._interop.DEFAULT_MEASURES)
        assert list(df.index) == list(range(34)) and df.index.name == "actor"
        assert df.loc[0, "pagerank"] == net.pagerank(undirected=True)[0]
        assert df.loc[33, "betweenness"] == net.betweenness(undirected=True)[33]
        df2 = net.to_dataframe("degree", ("hops", {"measure": "closeness", "weighted": False}), undirected=True)
        assert list(df2.columns) == ["degree", "hops"]
        assert df2.loc[0, "hops"] == net.closeness(undirected=True, weighted=False)[0]
        with pytest.raises(ValueError, match="no per-actor measure 'pagerrank'"):
            net.to_dataframe("pagerrank")


def test_to_dataframe_without_pandas_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    with Network.from_edges([("a", "b")]) as net, pytest.raises(ImportError):
        net.to_dataframe("degree")


def test_missing_file_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    with pytest.raises(FileNotFoundError) as info:
        Network.from_csv(missing)
    e = info.value
    assert isinstance(e, OSError) and isinstance(e, leverage.NotFound) and isinstance(e, leverage.FileNotFound)
    assert e.errno == errno.ENOENT and e.filename == str(missing)
    assert str(missing) in str(e)
    with Network() as net, pytest.raises(FileNotFoundError):
        net.read_csv(str(missing), "actors")


def test_misspelt_option_says_which_exist() -> None:
    with Network.from_edges([("a", "b")]) as net:
        with pytest.raises(TypeError, match=r"'normalise'; did you mean 'normalized'\? .*options: .*undirected"):
            net.betweenness(normalise=True)
        with pytest.raises(TypeError, match=r"'zzz' \(libleverage's options: alpha, "):
            net.closeness(zzz=1)
        with pytest.raises(TypeError, match=r"pagerank\(\) got an unexpected keyword argument 'dampin'; "
                                            r"did you mean 'damping'\? \(its keywords: personalization, damping, "):
            net.pagerank(dampin=0.5)
        with pytest.raises(TypeError, match=r"degree\(\) got .* 'undirectd'; did you mean 'undirected'"):
            net.degree(undirectd=True)
        assert net.pagerank.__doc__ and net.pagerank.__name__ == "pagerank"


def test_messages_name_python_keywords() -> None:
    assert python_names("did not converge; raise LEV_P_MAX_ITER or LEV_P_TOLERANCE") == \
        "did not converge; raise max_iter or tolerance"
    assert python_names("LEV_DIR_IN is not allowed here") == 'direction="in" is not allowed here'
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("a", "c")]
    with Network.from_edges(edges) as net:
        with pytest.raises(leverage.NotConverged) as info:
            net.pagerank(max_iter=1, tolerance=1e-15)
        assert "LEV_P_" not in str(info.value) and "max_iter" in str(info.value)
