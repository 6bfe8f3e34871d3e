"""Drawing: lev_layout() through the binding: points in [0, 1]², the same for the same seed and
any thread count, another drawing for another seed, the florentine families' two far ends apart,
and errors translated."""
from __future__ import annotations

import math

import numpy as np
import pytest

import leverage
from leverage import Network

from conftest import DATA, need


@pytest.fixture
def flo() -> Network:
    with Network.from_csv(need(DATA / "florentine_edges.csv")) as net:
        yield net


def test_layout_in_the_unit_square_and_seeded(flo: Network) -> None:
    pts = flo.layout(seed=3, layout_iterations=50)
    assert set(pts) == set(flo.actors)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pts.values())
    arr = flo.layout(as_array=True, seed=3, layout_iterations=50, threads=2)
    assert arr.shape == (len(flo), 2)
    assert [tuple(r) for r in arr.tolist()] == [pts[a] for a in flo.actors]
    other = flo.layout(as_array=True, seed=4, layout_iterations=50)
    assert not np.array_equal(arr, other)


def test_layout_tied_actors_closer_than_average(flo: Network) -> None:
    pts = flo.layout(seed=1)
    names = flo.actors
    every = [math.dist(pts[a], pts[b]) for i, a in enumerate(names) for b in names[i + 1:]]
    tied = [math.dist(pts[s], pts[t]) for s, t, _, _ in flo.edges()]
    assert sum(tied) / len(tied) < 0.8 * sum(every) / len(every)


def test_layout_errors() -> None:
    with Network() as net:
        assert net.layout() == {}
        net.add_actor("solo")
        assert net.layout() == {"solo": (0.5, 0.5)}
        with pytest.raises(leverage.InvalidArgument):
            net.layout(layout_iterations=0)
