"""Control and key players: driver actors, control classes, key-player sets, against the NetworkX
values of tests/ref/ref_control.h (made by tests/ref/make_refs_control.py: N_D from
nx.bipartite.hopcroft_karp_matching, key-player optima by exhaustive search over k-subsets)."""
from __future__ import annotations

import re

import numpy as np
import pytest

import leverage
from leverage import Network

from conftest import DATA, REF, need


def _ref_nd(csv: str, form: int) -> int:
    text = need(REF / "ref_control.h").read_text(encoding="utf-8")
    m = re.search(r'\{"' + re.escape(csv) + r'", ' + str(form) + r", (\d+), (\d+), (\d+)\}", text)
    assert m, f"{csv} form {form} not in ref_control.h"
    return int(m.group(2))


def _ref_best(csv: str, measure: int, k: int) -> float:
    text = need(REF / "ref_control.h").read_text(encoding="utf-8")
    m = re.search(r'\{"' + re.escape(csv) + r'", ' + f"{measure}, 1, {k}, " + r"([0-9.e+-]+), ", text)
    assert m, f"{csv} measure {measure} k {k} not in ref_control.h"
    return float(m.group(1))


@pytest.fixture
def flo() -> Network:
    with Network.from_csv(need(DATA / "florentine_edges.csv")) as net:
        yield net


def test_drivers_match_networkx(flo: Network) -> None:
    csv = "examples/data/florentine_edges.csv"
    d = flo.drivers()
    assert len(d) == _ref_nd(csv, 0)
    assert all(isinstance(x, str) for x in d)
    arr = flo.drivers(as_array=True)
    assert arr.dtype == np.uint32 and [flo.actors[i] for i in arr] == d
    assert len(flo.drivers(undirected=True)) == _ref_nd(csv, 2)


def test_control_classes_chain_and_star() -> None:
    with Network() as net:
        for s, t in [("a", "b"), ("b", "c")]:
            net.add_edge(s, t)
        assert net.drivers() == ["a"]
        assert net.control_classes() == {"a": "critical", "b": "redundant", "c": "redundant"}
        assert list(net.control_classes(as_array=True)) == [1, 3, 3]
    with Network() as star:
        for leaf in "bcde":
            star.add_edge("hub", leaf)
        assert len(star.drivers()) == 4
        cls = star.control_classes()
        assert cls["hub"] == "critical" and {cls[x] for x in "bcde"} == {"intermittent"}
    assert leverage.CONTROL_CLASSES == ("critical", "intermittent", "redundant")


def test_keyplayers_reach_the_exhaustive_optimum(flo: Network) -> None:
    csv = "examples/data/florentine_edges.csv"
    for name, code in leverage.KP_MEASURES.items():
        kp = flo.keyplayers(2, name, kp_starts=8, undirected=True)
        assert kp.score == pytest.approx(_ref_best(csv, code, 2), abs=1e-12), name
        assert flo.keyplayer_score(kp.actors, name, undirected=True) == kp.score
    kp = flo.keyplayers(2, "fragment")
    assert sorted(kp.actors) == ["Guadagni", "Medici"]
    arr = flo.keyplayers(2, "fragment", as_array=True)
    assert arr.actors.dtype == np.uint32 and [flo.actors[i] for i in arr.actors] == kp.actors
    # threads do not change the answer
    a = flo.keyplayers(3, "dreach", kp_starts=4, seed=5, threads=1)
    b = flo.keyplayers(3, "dreach", kp_starts=4, seed=5, threads=3)
    assert a == b


def test_keyplayers_errors(flo: Network) -> None:
    with pytest.raises(leverage.InvalidArgument, match="k = 0"):
        flo.keyplayers(0)
    with pytest.raises(leverage.Unsupported, match="unknown measure"):
        flo.keyplayers(2, "influence")
    with pytest.raises(leverage.InvalidArgument, match="twice"):
        flo.keyplayer_score(["Medici", "Medici"])
    with pytest.raises(TypeError):
        flo.keyplayers(1.5)  # type: ignore[arg-type]
