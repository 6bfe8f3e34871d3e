"""Degree, strength and PageRank: results, options, arrays, progress, and peer values."""
from __future__ import annotations

import ctypes
import re
import sys
from typing import Dict

import pytest

import leverage
from leverage import Network, _lib
from leverage._network import _Params

from conftest import REF, need

np = pytest.importorskip("numpy")


def ref_values(array: str) -> Dict[str, float]:
    """{actor: value} of ``array`` in tests/ref/ref_florentine.h (the C suite's peer values)."""
    text = need(REF / "ref_florentine.h").read_text(encoding="utf-8")
    m = re.search(re.escape(array) + r"\[\]\s*=\s*\{(.*?)\};", text, flags=re.S)
    assert m, f"{array} not in ref_florentine.h"
    return {k: float(v) for k, v in re.findall(r'\{"([^"]+)",\s*([-+0-9.eE]+)\}', m.group(1))}


# ---- peers ---------------------------------------------------------------------------------------

def test_pagerank_florentine_matches_igraph(florentine: Network) -> None:
    # ref: igraph 0.10.2 g.pagerank(directed=False, damping=0.85, weights="weight", implementation="prpack"),
    # array ref_florentine16_pagerank_igraph of tests/ref/ref_florentine.h
    ref = ref_values("ref_florentine16_pagerank_igraph")
    assert len(ref) == 16
    pr = florentine.pagerank(undirected=True)
    assert list(pr) == florentine.actors
    for name, value in ref.items():
        assert pr[name] == pytest.approx(value, abs=1e-9), name
    assert sum(pr.values()) == pytest.approx(1.0, abs=1e-12)


def test_pagerank_florentine_matches_networkx_ref(florentine: Network) -> None:
    ref = ref_values("ref_florentine16_pagerank_nx")
    pr = florentine.pagerank(undirected=True, as_array=True)
    assert np.allclose(pr, [ref[n] for n in florentine.actors], rtol=0, atol=1e-9)


def test_degree_and_strength_match_networkx(florentine: Network) -> None:
    nx = pytest.importorskip("networkx")
    g = nx.Graph()
    g.add_nodes_from(florentine.actors)
    g.add_weighted_edges_from((s, t, w) for s, t, w, _ in florentine.edges())
    assert florentine.degree(undirected=True) == dict(g.degree())
    assert florentine.strength(undirected=True) == pytest.approx(dict(g.degree(weight="weight")))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # networkx 2.8's pagerank -> pagerank_scipy
def test_directed_measures_match_networkx(triangle: Network) -> None:
    nx = pytest.importorskip("networkx")
    pytest.importorskip("scipy")  # networkx 2.8's pagerank needs it; Debian's networkx does not pull it in
    g = nx.MultiDiGraph()
    g.add_nodes_from(triangle.actors)
    for s, t, w, _ in triangle.edges():
        g.add_edge(s, t, weight=w)
    assert triangle.degree("in") == dict(g.in_degree())
    assert triangle.degree("out") == dict(g.out_degree())
    assert triangle.degree() == dict(g.degree())
    assert triangle.strength("in") == pytest.approx(dict(g.in_degree(weight="weight")), abs=1e-7)
    assert triangle.strength("out", weighted=False) == dict(g.out_degree())
    # strengths here are exact in single precision, so the peer agrees to rounding
    gs = nx.DiGraph(g)
    pers = {"a": 1.0, "c": 3.0}
    ref = nx.pagerank(gs, alpha=0.7, personalization=pers, tol=1e-15, max_iter=100000)
    got = triangle.pagerank(personalization=pers, damping=0.7, tolerance=1e-15)
    assert got == pytest.approx(ref, abs=1e-9)
    ref = nx.pagerank(gs, weight=None, tol=1e-15, max_iter=100000)
    assert triangle.pagerank(weighted=False, tolerance=1e-15) == pytest.approx(ref, abs=1e-9)


# ---- results -------------------------------------------------------------------------------------

def test_results_are_dicts_arrays_or_lists(triangle: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    d = triangle.degree()
    assert d == {"a": 3.0, "b": 2.0, "c": 3.0}
    arr = triangle.degree(as_array=True)
    assert isinstance(arr, np.ndarray) and arr.dtype == np.float64 and arr.tolist() == [3, 2, 3]
    monkeypatch.setitem(sys.modules, "numpy", None)  # as if NumPy were not installed
    lst = triangle.degree(as_array=True)
    assert type(lst) is list and lst == [3.0, 2.0, 3.0]
    pr = triangle.pagerank(as_array=True)
    assert type(pr) is list and len(pr) == 3
    holds, needs = triangle.resource_amounts(triangle.add_resource("m"), as_array=True)
    assert holds == [0.0] * 3 and needs == [0.0] * 3


@pytest.mark.parametrize("method", ["degree", "strength", "pagerank"])
def test_numpy_output_is_written_in_place(triangle: Network, method: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    L = _lib.lib()
    cfunc = getattr(L, "lev_" + method)
    seen = []

    def spy(*args):
        seen.append(ctypes.cast(args[-1], ctypes.c_void_p).value)  # the out pointer given to C
        return cfunc(*args)

    monkeypatch.setattr(L, "lev_" + method, spy)
    arr = getattr(triangle, method)(as_array=True)
    assert seen == [arr.ctypes.data]  # the library wrote into this array's buffer: no copy
    assert arr.flags.owndata and arr.flags.c_contiguous and arr.flags.writeable
    monkeypatch.undo()
    assert np.array_equal(arr, getattr(triangle, method)(as_array=True))


def test_empty_network() -> None:
    with Network() as net:
        assert net.pagerank() == {} and net.degree() == {} and net.strength() == {}
        assert net.pagerank(as_array=True).shape == (0,)


# ---- options -------------------------------------------------------------------------------------

def test_pagerank_options(florentine: Network) -> None:
    base = florentine.pagerank(undirected=True, as_array=True)
    one = florentine.pagerank(undirected=True, threads=1, as_array=True)
    four = florentine.pagerank(undirected=True, threads=4, as_array=True)
    assert np.array_equal(one, four) and np.array_equal(base, one)  # bit-identical for any thread count
    flat = florentine.pagerank(undirected=True, damping=0.0, as_array=True)
    assert np.allclose(flat, 1 / 16)
    loose = florentine.pagerank(undirected=True, tolerance=1e-3, as_array=True)
    assert np.allclose(loose, base, atol=1e-2) and not np.array_equal(loose, base)
    assert florentine.pagerank(undirected=True, max_iter=1000) == florentine.pagerank(undirected=True)
    with pytest.raises(leverage.NotConverged, match="did not converge in 2 iterations") as exc:
        florentine.pagerank(undirected=True, max_iter=2)
    assert isinstance(exc.value, ArithmeticError)
    with pytest.raises(leverage.InvalidArgument, match=r"option damping must be in \[0, 1\]"):
        florentine.pagerank(damping=1.5)
    with pytest.raises(leverage.InvalidArgument, match="max_iter takes a whole number"):
        florentine.pagerank(max_iter=2.5)
    with pytest.raises(leverage.InvalidArgument, match="threads"):
        florentine.pagerank(threads=-1)
    with pytest.raises(leverage.InvalidArgument, match="direction"):
        florentine.degree(direction="sideways")


def test_undirected_ignores_direction(triangle: Network) -> None:
    assert triangle.degree("in", undirected=True) == triangle.degree("all")
    assert triangle.strength("out", undirected=True) == triangle.strength()


def test_personalization_forms(triangle: Network) -> None:
    ref = triangle.pagerank(personalization={"a": 1.0, "c": 3.0}, as_array=True)
    for pers in ({0: 1.0, 2: 3.0}, {"a": 1, "c": 3, "b": 0}, [1, 0, 3], (1.0, 0.0, 3.0),
                 np.array([1, 0, 3]), np.array([2.0, 0.0, 6.0]), np.array([1.0, 5, 0, 9, 3])[::2]):
        assert np.allclose(triangle.pagerank(personalization=pers, as_array=True), ref, atol=1e-15), pers
    with pytest.raises(leverage.InvalidArgument, match=r'personalization of actor 1 \("b"\)'):
        triangle.pagerank(personalization=[1, -1, 1])  # lev_params_errmsg
    with pytest.raises(leverage.InvalidArgument, match="positive sum"):
        triangle.pagerank(personalization=np.zeros(3))
    with pytest.raises(leverage.InvalidArgument, match="2 entries; the network has 3"):
        triangle.pagerank(personalization=[1, 1])
    with pytest.raises(leverage.InvalidArgument, match="shape"):
        triangle.pagerank(personalization=np.ones((3, 1)))
    with pytest.raises(leverage.NotFound):
        triangle.pagerank(personalization={"zz": 1})
    with pytest.raises(leverage.InvalidArgument, match="no actor 3"):
        triangle.pagerank(personalization={3: 1})


# ---- progress ------------------------------------------------------------------------------------

def test_progress_reports_fractions_and_does_not_change_results(florentine: Network) -> None:
    seen = []
    got = florentine.pagerank(undirected=True, progress=lambda f: seen.append(f), as_array=True)
    assert seen and all(0.0 <= f <= 1.0 for f in seen)
    assert seen == sorted(seen)
    assert np.array_equal(got, florentine.pagerank(undirected=True, as_array=True))


def test_progress_cancels_pagerank(triangle: Network) -> None:
    calls = []

    def stop_at_third(fraction: float) -> bool:
        calls.append(fraction)
        return len(calls) == 3

    with pytest.raises(leverage.Cancelled, match="cancelled by the progress callback") as exc:
        triangle.pagerank(tolerance=0, max_iter=10**9, progress=stop_at_third)
    assert leverage.status_name(exc.value.code) == exc.value.name == "LEV_ECANCELLED"
    assert len(calls) == 3  # stopped at once, on the calling thread
    assert calls[0] == pytest.approx(1e-9)  # with tolerance 0: iteration / max_iter
    # a later call on the same network is unaffected
    assert triangle.pagerank(as_array=True).sum() == pytest.approx(1.0)


def test_progress_exception_cancels_and_propagates(triangle: Network) -> None:
    def boom(fraction: float) -> bool:
        raise KeyError("from the callback")

    with pytest.raises(KeyError, match="from the callback") as exc:
        triangle.pagerank(tolerance=0, max_iter=1000, progress=boom)
    assert isinstance(exc.value.__cause__, leverage.Cancelled)


# ---- options objects -----------------------------------------------------------------------------

def test_param_info() -> None:
    d = leverage.param_info("damping")
    assert d == leverage.ParamInfo("damping", 200, "double", 0.0, 1.0, 0.85)
    m = leverage.param_info("max_iter")
    assert (m.type, m.lo, m.default) == ("int", 1.0, 1000.0)
    with pytest.raises(leverage.NotFound, match="no option named 'nope'"):
        leverage.param_info("nope")


def test_params_object() -> None:
    with _Params(damping=0.5, max_iter=7, undirected=True) as p:
        assert p.get("damping") == 0.5 and p.get("max_iter") == 7 and p.get("undirected") == 1
        assert p.get("tolerance") == 1e-10 and p.errcode == 0 and p.errmsg == ""
        p.set("max_iter", 8.0)  # a whole double may set an int option
        assert p.get("max_iter") == 8
        with pytest.raises(leverage.InvalidArgument, match="takes a double"):
            _lib.lib().lev_params_set_int(p, leverage.param_info("damping").key, 1)
        assert p.errcode == 2 and "takes a double" in p.errmsg
        with pytest.raises(leverage.InvalidArgument):
            p.set("max_iter", 2**70)  # beyond int64: out of bounds, not wrapped
        assert p.get("max_iter") == 8  # failed sets change nothing
        p.set_progress(lambda f: False)
        p.reset()
        assert p.get("damping") == 0.85 and p.get("max_iter") == 1000 and p.errcode == 0
    p.close()  # idempotent
    with pytest.raises(leverage.NotFound):
        _Params(nope=1)


# ---- direction and the dangling vector (lev_pagerank_dangling) ----------------------------------

def _dangling_network() -> Network:
    net = Network()
    net.read_csv(str(need(REF.parent / "data" / "directed_dangling.csv")))
    return net


def test_pagerank_direction_matches_networkx_refs() -> None:
    from conftest import ref_values as refv
    with _dangling_network() as net:
        out = net.pagerank(direction="out", tolerance=1e-14)
        for peer in ("nx", "igraph"):
            ref = refv("ref_direction.h", f"ref_dangling_pagerank_out_{peer}")
            assert out == pytest.approx(ref, abs=1e-12)
        ref_in = refv("ref_direction.h", "ref_dangling_pagerank_in_igraph")
        for d in (None, "in", "all"):
            assert net.pagerank(direction=d, tolerance=1e-14) == pytest.approx(ref_in, abs=1e-12)
        # undirected overrides the direction
        assert net.pagerank(direction="out", undirected=True) == net.pagerank(undirected=True)
        with pytest.raises(leverage.InvalidArgument, match="direction"):
            net.pagerank(direction="sideways")


def test_star_boss_first_when_exerted() -> None:
    with Network() as net:
        for leaf in ("Ann", "Bob", "Cy", "Dee", "Ed"):
            net.add_edge("Boss", leaf)
        out = net.pagerank(direction="out", tolerance=1e-14)
        assert out["Boss"] == pytest.approx(21 / 41, abs=1e-12)  # hand-worked: tests/test_direction.c
        assert max(out, key=out.get) == "Boss"
        assert min(net.pagerank(), key=net.pagerank().get) == "Boss"


def test_pagerank_dangling_vector() -> None:
    from conftest import ref_values as refv
    with _dangling_network() as net:
        dvec = refv("ref_direction.h", "ref_dangling_dvec")
        pair = refv("ref_direction.h", "ref_dangling_pair")
        got = net.pagerank(dangling=dvec, tolerance=1e-14)
        assert got == pytest.approx(refv("ref_direction.h", "ref_dangling_dvec_in_nx"), abs=1e-12)
        got = net.pagerank(personalization=pair, dangling=[dvec[a] for a in net.actors], tolerance=1e-14)
        assert got == pytest.approx(refv("ref_direction.h", "ref_dangling_dvec_pair_in_nx"), abs=1e-12)
        got = net.pagerank(dangling=np.array([dvec[a] for a in net.actors]), direction="out", tolerance=1e-14,
                           as_array=True)
        ref = refv("ref_direction.h", "ref_dangling_dvec_out_nx")
        assert np.allclose(got, [ref[a] for a in net.actors], atol=1e-12, rtol=0)
        with pytest.raises(leverage.InvalidArgument, match=r'dangling vector of actor 1 \("Bob"\)'):
            net.pagerank(dangling={"Bob": -1.0, "Alice": 1.0})
        with pytest.raises(leverage.InvalidArgument, match="positive sum"):
            net.pagerank(dangling=np.zeros(len(net)))
        with pytest.raises(leverage.InvalidArgument, match="dangling has 2 entries"):
            net.pagerank(dangling=[1, 1])


# ---- path options: cutoff, endpoints, subsets ------------------------------------------------------

def opts_ref(array: str) -> Dict[str, float]:
    """{actor: value} of ``array`` in tests/ref/ref_paths_opts.h (the C suite's peer values)."""
    text = need(REF / "ref_paths_opts.h").read_text(encoding="utf-8")
    m = re.search(re.escape(array) + r"\[\]\s*=\s*\{(.*?)\};", text, flags=re.S)
    assert m, f"{array} not in ref_paths_opts.h"
    return {k: float(v) for k, v in re.findall(r'\{"([^"]+)",\s*([-+0-9.eE]+)\}', m.group(1))}


def opts_names(array: str) -> list:
    text = need(REF / "ref_paths_opts.h").read_text(encoding="utf-8")
    m = re.search(re.escape(array) + r"\[\]\s*=\s*\{(.*?)\};", text)
    assert m, f"{array} not in ref_paths_opts.h"
    return re.findall(r'"([^"]+)"', m.group(1))


def close_to(got: Dict[str, float], want: Dict[str, float]) -> None:
    assert set(got) == set(want)
    for a, v in want.items():
        assert got[a] == pytest.approx(v, abs=1e-9), a


def test_betweenness_subset_matches_networkx(coleman: Network) -> None:
    src, tgt = opts_names("ref_coleman_subset_sources"), opts_names("ref_coleman_subset_targets")
    close_to(coleman.betweenness_subset(src, tgt, weighted=False), opts_ref("ref_coleman_subset_h_nx"))
    close_to(coleman.betweenness_subset(src, weighted=False, normalized=True),
             opts_ref("ref_coleman_subset_alltargets_norm_h_nx"))
    idx = np.array([coleman.actors.index(a) for a in src], dtype=np.int64)
    arr = coleman.betweenness_subset(idx, tgt, weighted=False, as_array=True)
    want = opts_ref("ref_coleman_subset_h_nx")
    assert arr == pytest.approx([want[a] for a in coleman.actors], abs=1e-9)
    assert set(coleman.betweenness_subset(src, []).values()) == {0.0}
    assert set(coleman.betweenness_subset([], None).values()) == {0.0}


def test_betweenness_subset_rejects_repeats_and_unknown_actors(coleman: Network) -> None:
    with pytest.raises(leverage.InvalidArgument, match=r"sources\[2\] repeats sources\[0\]"):
        coleman.betweenness_subset([0, 1, 0])
    with pytest.raises(leverage.Error):
        coleman.betweenness_subset(["no such actor"])


def test_endpoints_and_cutoff_match_peers(coleman: Network) -> None:
    close_to(coleman.betweenness(weighted=False, endpoints=True),
             opts_ref("ref_coleman_betweenness_endpoints_h_nx"))
    close_to(coleman.betweenness(weighted=False, cutoff=2.0), opts_ref("ref_coleman_betweenness_h_cut2_igraph"))
    close_to(coleman.closeness(weighted=False, cutoff=2.0), opts_ref("ref_coleman_closeness_h_cut2_nx"))
    close_to(coleman.harmonic(weighted=False, cutoff=3.0), opts_ref("ref_coleman_harmonic_h_cut3_nx"))
    with pytest.raises(leverage.InvalidArgument, match="cutoff"):
        coleman.betweenness(cutoff=-1.0)


def test_closeness_and_harmonic_subset_equal_the_full_scores(coleman: Network) -> None:
    full_c, full_h = coleman.closeness(weighted=False), coleman.harmonic(cutoff=3.0, normalized=True)
    pick = [coleman.actors[5], coleman.actors[0], coleman.actors[17]]
    got = coleman.closeness_subset(pick, weighted=False)
    assert list(got) == pick and all(got[a] == full_c[a] for a in pick)
    got = coleman.harmonic_subset([5, 0, 17], cutoff=3.0, normalized=True)
    assert all(got[coleman.actors[i]] == full_h[coleman.actors[i]] for i in (5, 0, 17))
    arr = coleman.closeness_subset(np.array([17, 5], dtype=np.uint32), weighted=False, as_array=True)
    assert list(arr) == [full_c[coleman.actors[17]], full_c[coleman.actors[5]]]
    with pytest.raises(leverage.InvalidArgument, match=r"actors\[1\] repeats actors\[0\]"):
        coleman.closeness_subset([3, 3])
    assert coleman.harmonic_subset([]) == {}
