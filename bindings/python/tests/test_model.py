"""Network ownership, actors, groups, resources and edges."""
from __future__ import annotations

import gc
import math

import pytest

import leverage
from leverage import Network


# ---- ownership -----------------------------------------------------------------------------------

def test_close_is_idempotent_and_closed_networks_refuse_calls() -> None:
    net = Network()
    net.add_actor("a")
    assert not net.closed
    net.close()
    assert net.closed
    net.close()  # idempotent
    for call in (lambda: len(net), lambda: net.actors, lambda: net.add_actor("b"), lambda: net.pagerank(),
                 lambda: net.to_csv(), lambda: net.edge_count, lambda: list(net.edges())):
        with pytest.raises(leverage.Misuse, match="closed") as exc:
            call()
        assert isinstance(exc.value, ValueError)
        assert exc.value.name == "LEV_EMISUSE"
    assert "closed" in repr(net)


def test_context_manager_closes() -> None:
    with Network() as net:
        net.add_actor("a")
        assert len(net) == 1
        assert repr(net) == "<leverage.Network: 1 actors, 0 edges>"
    assert net.closed
    with pytest.raises(RuntimeError):
        with Network() as net2:
            raise RuntimeError("boom")
    assert net2.closed


def test_del_is_safe_on_half_built_objects() -> None:
    half = Network.__new__(Network)  # __init__ never ran: no handle at all
    half.__del__()
    half.close()
    assert half.closed
    del half
    gc.collect()


def test_failed_constructor_leaves_a_closable_object() -> None:
    with pytest.raises(leverage.OutOfMemory) as exc:
        Network(allocator=lambda ptr, osize, nsize: None)  # fails the very first allocation
    assert exc.value.name == "LEV_ENOMEM" and isinstance(exc.value, MemoryError)
    assert "out of memory" in str(exc.value)
    gc.collect()


def test_edges_iterator_keeps_the_network_alive() -> None:
    it = Network.from_edges([("a", "b"), ("b", "c", 2.0)]).edges()  # no other reference
    gc.collect()
    assert list(it) == [("a", "b", 1.0, None), ("b", "c", 2.0, None)]


# ---- allocator -----------------------------------------------------------------------------------

def test_allocator_sees_every_byte(counting_allocator) -> None:
    a = counting_allocator
    net = Network(allocator=a)
    for i in range(50):
        net.add_edge(f"n{i}", f"n{(i + 1) % 50}", 1.0 + i, "ch")
    net.add_resource("money")
    net.set_resource("n1", "money", 3, 4)
    net.pagerank()  # builds the compact form and scratch through the allocator too
    assert a.live > 0 and a.calls > 0
    net.close()
    assert a.live == 0  # everything given back


def test_allocator_failure_is_out_of_memory_and_changes_nothing(counting_allocator) -> None:
    a = counting_allocator
    with Network(allocator=a) as net:
        net.add_actor("a")
        before = (net.actors, a.live)
        a.fail_after = a.calls  # the next allocation fails
        with pytest.raises(leverage.OutOfMemory) as exc:
            net.add_actor("a much longer name than before, so that it needs memory", "group")
        assert exc.value.code == 1 and "cannot add actor" in str(exc.value)
        assert (net.actors, a.live) == before
        a.fail_after = None
        assert net.add_actor("b") == 1
    assert a.live == 0


# ---- actors ----------------------------------------------------------------------------------------

def test_actors_and_groups() -> None:
    with Network() as net:
        assert len(net) == 0 and net.actors == []
        assert net.add_actor("Medici", "medicean") == 0
        assert net.add_actor("Strozzi") == 1
        assert net.add_actor("Ünïcode ✓", "") == 2
        assert net.actors == ["Medici", "Strozzi", "Ünïcode ✓"]
        assert len(net) == 3
        assert net.actor("Strozzi") == 1 and net.actor("Ünïcode ✓") == 2
        assert "Medici" in net and "Pazzi" not in net and 0 not in net
        assert net.group("Medici") == "medicean" and net.group(0) == "medicean"
        assert net.group(1) is None and net.group(2) is None
        net.set_group("Strozzi", "oligarch")
        assert net.group(1) == "oligarch"
        net.set_group(1, None)
        assert net.group(1) is None
        net.set_group(0, "")
        assert net.group(0) is None


def test_actor_errors() -> None:
    with Network() as net:
        net.add_actor("a")
        with pytest.raises(leverage.AlreadyExists, match='"a"'):
            net.add_actor("a")
        with pytest.raises(leverage.InvalidArgument, match="empty"):
            net.add_actor("")
        with pytest.raises(leverage.InvalidArgument, match="NUL"):
            net.add_actor("a\0b")
        with pytest.raises(leverage.NotFound, match="no actor named 'zz'") as exc:
            net.actor("zz")
        assert isinstance(exc.value, LookupError) and exc.value.code == 3
        with pytest.raises(leverage.InvalidArgument, match="no actor 5"):
            net.group(5)
        with pytest.raises(leverage.InvalidArgument, match="no actor 5"):
            net.set_group(5, "g")
        with pytest.raises(leverage.InvalidArgument, match="out of range"):
            net.group(-1)
        with pytest.raises(leverage.InvalidArgument, match="out of range"):
            net.group(2**32)  # would wrap to actor 0 as a uint32_t
        assert net.actors == ["a"]


# ---- resources -----------------------------------------------------------------------------------

def test_resources() -> None:
    with Network() as net:
        for n in ("a", "b", "c"):
            net.add_actor(n)
        assert net.resources == []
        assert net.add_resource("money") == 0
        assert net.add_resource("votes") == 1
        assert net.resources == ["money", "votes"]
        assert net.resource("votes") == 1
        assert net.get_resource("a", "money") == (0.0, 0.0)
        net.set_resource("a", "money", 10.5, 2)
        net.set_resource(2, 0, 0, 7)
        net.set_resource("b", 1, 3, 0)
        assert net.get_resource(0, "money") == (10.5, 2.0)
        assert net.resource_amounts("money") == {"a": (10.5, 2.0), "b": (0.0, 0.0), "c": (0.0, 7.0)}
        holds, needs = net.resource_amounts(1, as_array=True)
        assert list(holds) == [0, 3, 0] and list(needs) == [0, 0, 0]


def test_resource_errors() -> None:
    with Network() as net:
        net.add_actor("a")
        net.add_resource("money")
        with pytest.raises(leverage.AlreadyExists):
            net.add_resource("money")
        with pytest.raises(leverage.InvalidArgument):
            net.add_resource("")
        with pytest.raises(leverage.NotFound, match="no resource named 'gold'"):
            net.resource("gold")
        with pytest.raises(leverage.NotFound):
            net.set_resource("a", "gold", 1, 1)
        with pytest.raises(leverage.InvalidArgument, match="must be finite and >= 0"):
            net.set_resource("a", "money", -1, 0)
        with pytest.raises(leverage.InvalidArgument, match="finite"):
            net.set_resource("a", "money", 0, math.inf)
        with pytest.raises(leverage.InvalidArgument, match="no resource 4"):
            net.set_resource("a", 4, 1, 1)
        with pytest.raises(leverage.InvalidArgument):
            net.get_resource(3, 0)
        with pytest.raises(leverage.InvalidArgument):
            net.resource_amounts(9)
        assert net.get_resource("a", "money") == (0.0, 0.0)  # failures changed nothing


# ---- edges ---------------------------------------------------------------------------------------

def test_edges_by_name_and_index() -> None:
    with Network() as net:
        assert net.add_edge("a", "b") == 0  # creates both, source first
        assert net.actors == ["a", "b"]
        assert net.add_edge("b", "c", 2.5, "money") == 1
        assert net.add_edge(0, 2, 0.1) == 2
        assert net.add_edge("c", 0, 3.0, "") == 3  # a name and an index: the name must exist
        assert net.add_edge(1, 1, 1e-30) == 4  # self-loop, strength kept exactly (not rounded to float)
        assert net.add_edge("a", "b", 1.0, "kinship") == 5  # parallel, another channel
        assert net.edge_count == 6 and len(net) == 3
        assert net.edge(1) == ("b", "c", 2.5, "money")
        assert list(net.edges()) == [
            ("a", "b", 1.0, None), ("b", "c", 2.5, "money"), ("a", "c", 0.1, None),
            ("c", "a", 3.0, None), ("b", "b", 1e-30, None), ("a", "b", 1.0, "kinship")]
        # The edges live in the compact form once an analysis has run: read back the same, in order.
        before = list(net.edges())
        net.degree()
        assert list(net.edges()) == before
        net.add_edge("c", "b", 0.3)  # waits beside the compact form
        assert list(net.edges()) == before + [("c", "b", 0.3, None)]
        net.pagerank()
        assert list(net.edges()) == before + [("c", "b", 0.3, None)]


def test_edge_repeats() -> None:
    with Network() as net:
        for s, t, ch in [("B", "C", None), ("A", "B", "kin"), ("A", "B", None), ("C", "C", None),
                         ("A", "B", "kin"), ("B", "C", None), ("C", "C", None)]:
            net.add_edge(s, t, 1.0, ch)
        assert net.edge_repeats() == (2, 3, 3, 4)  # loops 3, 6; repeats 4, 5, 6
    with Network() as net:
        assert net.edge_repeats() == (0, None, 0, None)


def test_sort_edges_renumbers_by_source_then_target() -> None:
    rows = [("C", "A", 1.0, None), ("A", "C", 2.0, "kin"), ("B", "A", 0.1, None), ("A", "B", 3.0, None),
            ("A", "C", 4.0, None), ("A", "B", 0.5, "kin")]
    with Network() as net, Network() as ref:
        for name in "ABC":
            net.add_actor(name)
            ref.add_actor(name)
        for s, t, w, ch in rows:
            net.add_edge(s, t, w, ch)
            ref.add_edge(s, t, w, ch)
        before = ref.pagerank()
        net.sort_edges(threads=1)
        # by source, then target; A→B and A→C twice each, in their order of addition
        assert list(net.edges()) == [("A", "B", 3.0, None), ("A", "B", 0.5, "kin"), ("A", "C", 2.0, "kin"),
                                     ("A", "C", 4.0, None), ("B", "A", 0.1, None), ("C", "A", 1.0, None)]
        assert net.pagerank() == before
        assert net.nbytes < ref.nbytes  # ref keeps the numbers of its order of addition
        net.add_edge("B", "B", 1.0)  # numbered after the others, as ever
        assert net.edge(6) == ("B", "B", 1.0, None)
        with pytest.raises(TypeError, match="thread"):
            net.sort_edges(thread=1)


def test_edge_arrays_in_one_call() -> None:
    with Network() as net:
        for s, t, w, ch in [("A", "B", 1.5, None), ("B", "C", 0.1, "kin"), ("C", "A", 2.0, None)]:
            net.add_edge(s, t, w, ch)
        net.pagerank()  # compacted: read back through the index
        e = net.edge_arrays()
        assert e == leverage.EdgeArrays([0, 1, 2], [1, 2, 0], [1.5, 0.1, 2.0], [leverage.NONE, 0, leverage.NONE])
        assert net.channels[e.channels[1]] == "kin"
        assert net.edge_arrays(1, 1) == ([1], [2], [0.1], [0])
        assert net.edge_arrays(3) == ([], [], [], [])
        with pytest.raises(leverage.InvalidArgument, match="the network has 3"):
            net.edge_arrays(2, 2)
        np = pytest.importorskip("numpy")
        a = net.edge_arrays(as_array=True)
        assert a.sources.dtype == np.uint32 and a.strengths.dtype == np.float64
        assert a.targets.tolist() == [1, 2, 0]


def test_nbytes_counts_what_the_network_holds() -> None:
    with Network() as net:
        empty = net.nbytes
        assert empty > 0
        for i in range(500):
            net.add_actor(str(i))
        net.add_edges(list(range(500)), [(i * 7) % 500 for i in range(500)])
        assert net.nbytes > empty + 500 * 12  # names, and 12 bytes per edge waiting
        net.degree()  # the compact form: 16 bytes per edge, 4 more for the edge order
        assert empty + 500 * 16 < net.nbytes


def test_add_edges_in_bulk() -> None:
    with Network() as net:
        for a in "abcd":
            net.add_actor(a)
        assert net.add_edges([0, "b", 2], ["b", 2, "a"], [0.5, 2.0, 3.0], "kin") == 0
        assert net.add_edges((3,), (3,)) == 3  # strength 1 by default, no channel
        assert net.add_edges([], []) == 4  # nothing to add
        assert list(net.edges()) == [
            ("a", "b", 0.5, "kin"), ("b", "c", 2.0, "kin"), ("c", "a", 3.0, "kin"), ("d", "d", 1.0, None)]


def test_add_edges_from_numpy_arrays() -> None:
    np = pytest.importorskip("numpy")
    with Network() as a, Network() as b:
        for net in (a, b):
            for i in range(50):
                net.add_actor(f"v{i}")
        rng = np.random.default_rng(7)
        src = rng.integers(0, 50, 400)  # int64: converted with a range check
        tgt = rng.integers(0, 50, 400).astype(np.uint32)  # passed without a copy
        w = rng.integers(1, 9, 400).astype(np.float64)
        assert a.add_edges(src, tgt, w) == 0
        for s, t, x in zip(src, tgt, w):
            b.add_edge(int(s), int(t), float(x))
        assert list(a.edges()) == list(b.edges())
        assert a.pagerank() == b.pagerank()


def test_add_edges_errors_change_nothing() -> None:
    np = pytest.importorskip("numpy")
    with Network() as net:
        net.add_edge("a", "b")
        before = list(net.edges())
        with pytest.raises(leverage.InvalidArgument, match="edge 1 of 2: no actor 5"):
            net.add_edges([0, 1], [1, 5])
        with pytest.raises(leverage.InvalidArgument, match="edge 0 of 2: strength"):
            net.add_edges([0, 1], [1, 0], [-1.0, 1.0])
        with pytest.raises(leverage.InvalidArgument, match="same length"):
            net.add_edges([0, 1], [1])
        with pytest.raises(leverage.InvalidArgument, match="out of range"):
            net.add_edges(np.array([0, -1]), np.array([1, 0]))
        with pytest.raises(leverage.InvalidArgument, match="dtype"):
            net.add_edges(np.array([0.0, 1.0]), np.array([1, 0]))
        with pytest.raises(leverage.NotFound):
            net.add_edges(["a", "nobody"], ["b", "a"])
        assert list(net.edges()) == before


def test_edge_errors_leave_the_network_unchanged() -> None:
    with Network() as net:
        net.add_edge("a", "b")
        with pytest.raises(leverage.InvalidArgument, match="strength") as exc:
            net.add_edge("x", "y", -1.0)
        assert exc.value.code == 2 and exc.value.name == "LEV_EINVAL"
        assert "cannot add edge" in exc.value.message
        for bad in (0.0, math.nan, math.inf):
            with pytest.raises(leverage.InvalidArgument, match="strength"):
                net.add_edge(0, 1, bad)
        with pytest.raises(leverage.InvalidArgument, match="actor"):
            net.add_edge(0, 7)
        with pytest.raises(leverage.NotFound):
            net.add_edge("nobody", 0)
        with pytest.raises(leverage.InvalidArgument, match="no edge 1"):
            net.edge(1)
        with pytest.raises(leverage.InvalidArgument):
            net.edge(-1)
        assert net.actors == ["a", "b"] and net.edge_count == 1  # "x", "y" not half-added
