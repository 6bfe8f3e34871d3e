"""Opinion dynamics through the binding: the hand-worked 3-actor example of docs/opinion.md (exact
fractions), Friedkin & Johnsen's (1999) 4-actor group (equilibrium 60, 60, 75, 75 rounded), and
the errors the library raises."""
from __future__ import annotations

import math

import pytest

import leverage
from leverage import Network


def three() -> Network:
    net = Network()
    for a in "ABC":
        net.add_actor(a)
    net.add_edge("A", "B")  # B listens to A and C; C listens to B
    net.add_edge("C", "B")
    net.add_edge("B", "C")
    return net


def test_hand_worked_three_actors() -> None:
    with three() as net:
        u = {"A": 1.0, "B": 0.0, "C": 0.0}
        lam = [0.0, 0.5, 0.5]
        x = net.friedkin_johnsen(u, lam)
        for a, want in zip("ABC", (1, 2 / 7, 1 / 7)):
            assert math.isclose(x[a], want, abs_tol=1e-10)
        inf = net.friedkin_johnsen_influence(lam)
        for a, want in zip("ABC", (10 / 7, 6 / 7, 5 / 7)):
            assert math.isclose(inf[a], want, abs_tol=1e-10)
        pr = net.opinion_pressure(u, lam)
        assert math.isclose(pr.actors["A"], 10 / 21, abs_tol=1e-10)
        assert len(pr.ties) == 3 and math.isclose(pr.ties[0], 3 / 49, abs_tol=1e-10)
        pr_b = net.opinion_pressure(u, lam, target="B", as_array=True)
        assert len(pr_b.actors) == 3
        d = net.degroot()
        assert d.consensus and d.period == [1]
        assert d.power == {"A": 1.0, "B": 0.0, "C": 0.0}
        assert d.closed_class == {"A": 0, "B": None, "C": None}
        lim = net.degroot_limit(u, tolerance=1e-14)
        assert all(math.isclose(v, 1, abs_tol=1e-12) for v in lim.values())


def test_friedkin_johnsen_1999() -> None:
    W = [[.220, .120, .360, .300], [.147, .215, .344, .294], [0, 0, 1, 0], [.090, .178, .446, .286]]
    with Network() as net:
        for a in "1234":
            net.add_actor(a)
        for i in range(4):
            for j in range(4):
                if W[i][j] > 0:
                    net.add_edge(str(j + 1), str(i + 1), W[i][j])
        x = net.friedkin_johnsen([25, 25, 75, 85], [1 - W[i][i] for i in range(4)], as_array=True)
        assert [round(v) for v in x] == [60, 60, 75, 75]


def test_periodic_class_and_errors() -> None:
    with Network() as net:
        net.add_edge("a", "b")
        net.add_edge("b", "a")
        d = net.degroot()
        assert not d.consensus and d.period == [2]
        with pytest.raises(leverage.NotConverged, match="period 2"):
            net.degroot_limit([0, 1])
        with pytest.raises(leverage.InvalidArgument, match="all have susceptibility 1"):
            net.friedkin_johnsen([0, 1], [1, 1])
        with pytest.raises(leverage.InvalidArgument, match=r"must be in \[0, 1\]"):
            net.friedkin_johnsen_influence([0.5, 2])
        with pytest.raises(leverage.InvalidArgument, match="not an actor"):
            net.opinion_pressure([0, 1], [0.5, 0.5], target=7)
