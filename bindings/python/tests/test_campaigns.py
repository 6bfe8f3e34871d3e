"""Campaigns: lev_spread and lev_seeds through the binding, on closed forms (a star, two cliques
joined by one tie) and the Florentine families; the C suite (tests/test_campaigns.c) checks them
against an independent re-simulation and CELF."""
from __future__ import annotations

import math

import pytest

import leverage
from leverage import Network


def star(leaves: int = 9) -> Network:
    net = Network()
    net.add_actor("hub")
    for i in range(leaves):
        net.add_actor(f"l{i}", "leaves")
        net.add_edge("hub", f"l{i}", 0.5)
    return net


def two_cliques(q: float = 0.4) -> Network:
    net = Network()
    for side in "ab":
        for i in range(5):
            net.add_actor(f"{side}{i}", side)
    for side in "ab":
        for i in range(5):
            for j in range(5):
                if i != j:
                    net.add_edge(f"{side}{i}", f"{side}{j}", 1.0)
    net.add_edge("a0", "b0", q)
    return net


def test_spread_closed_forms() -> None:
    net = star()
    r = net.spread(["hub"], model="ic", probability="constant", constant_probability=0.3, runs=20000)
    assert isinstance(r, leverage.Spread)
    sd = math.sqrt(9 * 0.3 * 0.7 / 20000)
    assert abs(r.spread - 3.7) < 5 * sd
    assert r.ci95[0] < r.spread < r.ci95[1]
    assert r.probability["hub"] == 1.0
    assert abs(r.probability["l3"] - 0.3) < 5 * math.sqrt(0.21 / 20000)
    assert net.spread(["hub"]).spread == 10.0  # weighted cascade: each leaf has in-degree 1
    assert net.spread(["hub"], model="lt").spread == 10.0
    arr = net.spread([0], as_array=True, runs=10)
    assert arr.probability[0] == 1.0 and len(arr.probability) == 10


def test_spread_is_the_same_for_any_thread_count() -> None:
    net = two_cliques()
    a = net.spread(["a1", "b2"], probability="strength", runs=3000, threads=1, seed=5)
    b = net.spread(["a1", "b2"], probability="strength", runs=3000, threads=2, seed=5)
    assert a == b


def test_spread_errors() -> None:
    net = Network()
    net.add_edge("x", "y", 2.0)
    with pytest.raises(leverage.InvalidArgument, match=r"edge 0 \(x -> y\) has strength 2"):
        net.spread(["x"], probability="strength")
    with pytest.raises(leverage.InvalidArgument, match="repeats"):
        net.spread(["x", "x"])


def test_seeds_two_cliques() -> None:
    net = two_cliques()
    s = net.seeds(2, probability="strength")
    assert isinstance(s, leverage.Seeds)
    assert s.seeds[0].startswith("a") and s.seeds[1].startswith("b")
    assert abs(s.spread - 10.0) < 1e-9
    assert abs(sum(s.gains) - s.spread) < 1e-9
    assert 1 - 1 / math.e - 0.1 <= s.ratio <= 1
    assert s.rr_sets > 0 and s.rr_bytes > 0
    # required and excluded
    s = net.seeds(2, probability="strength", required=["b3"], excluded=[f"a{i}" for i in range(5)])
    assert s.seeds[0] == "b3" and s.seeds[1].startswith("b")
    # target group: only b's actors count
    s = net.seeds(1, probability="strength", group="b")
    assert s.seeds[0].startswith("b") or s.seeds[0] == "a0"
    # budget over costs: a's actors cost 5, b's 1
    cost = {f"{x}{i}": (5.0 if x == "a" else 1.0) for x in "ab" for i in range(5)}
    s = net.seeds(10, probability="strength", cost=cost, budget=3)
    assert len(s.seeds) == 1 and s.seeds[0].startswith("b")
    idx = net.seeds(2, probability="strength", as_array=True)
    assert len(idx.seeds) == 2 and int(idx.seeds[0]) < 5


def test_seeds_florentine_resimulated(florentine: Network) -> None:
    s = florentine.seeds(3, seed=3)
    check = florentine.spread(s.seeds, runs=20000, seed=9)
    theta = s.rr_sets / 2
    q = s.spread / len(florentine)
    se_rr = len(florentine) * math.sqrt(q * (1 - q) / theta)
    assert abs(s.spread - check.spread) <= 5 * math.hypot(se_rr, check.se)


def test_seeds_errors() -> None:
    net = two_cliques()
    with pytest.raises(leverage.InvalidArgument, match="k is 0"):
        net.seeds(0)
    with pytest.raises(leverage.InvalidArgument, match="required seeds but k is 1"):
        net.seeds(1, required=["a1", "b1"])
    with pytest.raises(leverage.InvalidArgument, match="no group"):
        net.seeds(1, group="nope")
