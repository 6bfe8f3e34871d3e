"""Coalitions over a resource: the binding translates lev_voting_power, lev_minimal_winning,
lev_packel_indices and lev_cheapest_alliance; values from tests/ref/ref_coalition.h (brute-force
enumeration, see tests/ref/make_refs_coalition.py) and the published UN Security Council values."""
from __future__ import annotations

import math
import re

import pytest

import leverage
from conftest import HEADER, need


def council(weights, quota=None):
    net = leverage.Network()
    net.add_resource("votes")
    for i, w in enumerate(weights):
        net.add_actor(f"m{i}")
        net.set_resource(f"m{i}", "votes", w, 0)
    return net


def test_un_security_council_published_values() -> None:
    with council([7] * 5 + [1] * 10) as net:
        vp = net.voting_power("votes", quota=39)
        assert vp.method == "exact"
        assert vp.shapley["m0"] == pytest.approx(0.1963, abs=5e-5)
        assert vp.shapley["m9"] == pytest.approx(4 / 2145, abs=1e-15)
        assert vp.banzhaf["m0"] == pytest.approx(848 / 5080, abs=1e-15)
        assert vp.banzhaf["m9"] == pytest.approx(84 / 5080, abs=1e-15)
        assert vp.banzhaf_err["m0"] == 0
        mw = net.minimal_winning("votes", quota=39)
        assert mw.count == 210 and len(mw.coalitions) == 210
        assert mw.coalitions[0] == ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"]
        pk = net.packel_indices("votes", quota=39, as_array=True)
        assert sum(pk.deegan_packel) == pytest.approx(1) and sum(pk.holler_packel) == pytest.approx(1)
        al = net.cheapest_alliance("votes", quota=39)
        assert al == leverage.Alliance(["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"], 9.0, "exact")


def test_hand_worked_three_players() -> None:
    with council([50, 30, 20]) as net:
        vp = net.voting_power("votes", quota=51, as_array=True)
        assert list(vp.banzhaf_raw) == pytest.approx([0.75, 0.25, 0.25])
        assert list(vp.banzhaf) == pytest.approx([0.6, 0.2, 0.2])
        assert list(vp.shapley) == pytest.approx([2 / 3, 1 / 6, 1 / 6])
        net.add_edge("m0", "m1")
        net.add_edge("m2", "m1")
        con = net.voting_power("votes", quota=51, connected=1)
        assert con.method == "exact"
        # connected, A+C (70) is no coalition: B becomes as strong as A
        assert con.shapley == pytest.approx({"m0": 0.5, "m1": 0.5, "m2": 0.0})
        sampled = net.voting_power("votes", quota=51, connected=1, enum_limit=0, coalition_samples=20000, seed=3)
        assert sampled.method == "sampled"
        for a in ("m0", "m1", "m2"):
            assert abs(sampled.shapley[a] - con.shapley[a]) <= 5 * sampled.shapley_err[a] + 1e-12
        net.add_resource("cost")
        for a, c in (("m0", 10), ("m1", 3), ("m2", 2)):
            net.set_resource(a, "cost", c, 0)
        assert net.cheapest_alliance("votes", "cost", quota=51) == leverage.Alliance(["m0", "m2"], 12.0, "exact")
        assert net.cheapest_alliance("votes", "cost", quota=51, connected=1) == leverage.Alliance(["m0", "m1"], 13.0,
                                                                                                   "exact")


def test_errors_are_exceptions(florentine) -> None:
    with pytest.raises(leverage.InvalidArgument, match="no cost resource 7"):
        florentine.cheapest_alliance("wealth", 7)
    with pytest.raises(leverage.Unsupported, match="coalition_limit"):
        florentine.packel_indices("wealth", coalition_limit=1)
    with pytest.raises(leverage.InvalidArgument, match="quota_fraction"):
        florentine.voting_power("wealth", quota_fraction=2)


def test_florentine_majority(florentine) -> None:
    vp = florentine.voting_power("wealth")
    assert vp.method == "exact" and sum(vp.shapley.values()) == pytest.approx(1, abs=1e-12)
    assert max(vp.shapley, key=vp.shapley.get) == "Strozzi"
    al = florentine.cheapest_alliance("wealth")
    assert al.method == "exact" and al.cost == len(al.members)
    wealth = {a: florentine.get_resource(a, "wealth")[0] for a in florentine.actors}
    assert sum(wealth[a] for a in al.members) > sum(wealth.values()) / 2


def test_methods_match_the_header() -> None:
    text = need(HEADER).read_text(encoding="utf-8")
    found = {int(v): k.lower() for k, v in re.findall(r"LEV_COALITION_(\w+) = (\d+)", text)}
    assert found == leverage.COALITION_METHODS
    assert math.isnan(float("nan"))
