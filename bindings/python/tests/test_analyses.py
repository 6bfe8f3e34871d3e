"""The analyses past PageRank, each called on the Florentine families (undirected) or Coleman's
friendships (directed) and checked against the C suite's peer values in tests/ref/ref_*.h (parsed
from there, so the provenance comment of each array is in that file)."""
from __future__ import annotations

import ctypes
import math
from typing import Dict

import pytest

import leverage
from leverage import Network, _lib

from conftest import (DATA, ROOT, need, ref_define, ref_edge_values, ref_list, ref_rows, ref_scalar,
                      ref_values)

np = pytest.importorskip("numpy")

# Options of the C suite's runs (tests/test_paths.c UH/DH, tests/test_spectral.c mkparams).
HOPS_U = dict(undirected=True, weighted=False)
HOPS_D = dict(weighted=False)
SPECTRAL = dict(undirected=True, tolerance=1e-14, max_iter=100000)


def close(got: Dict[str, float], ref: Dict[str, float], tol: float, rel: bool = False) -> None:
    assert set(ref) <= set(got)
    for name, want in ref.items():
        err = abs(got[name] - want) / (max(abs(want), 1e-300) if rel else 1)
        assert err <= tol, f"{name}: got {got[name]!r}, want {want!r}"


def merged(header: str, *arrays: str) -> Dict[str, float]:
    out: Dict[str, float] = {}
    for a in arrays:
        out.update(ref_values(header, a))
    return out


# ---- centrality on shortest paths (ref_paths.h) ------------------------------------------------------

def test_paths_florentine_exact(florentine: Network) -> None:
    close(florentine.closeness(**HOPS_U), ref_values("ref_paths.h", "ref_florentine16_closeness_h_exact"), 1e-9)
    close(florentine.harmonic(**HOPS_U), ref_values("ref_paths.h", "ref_florentine16_harmonic_h_exact"), 1e-9)
    bet = florentine.betweenness(**HOPS_U)
    close(bet, ref_values("ref_paths.h", "ref_florentine16_betweenness_h_exact"), 1e-9)
    close(bet, ref_values("ref_paths.h", "ref_florentine16_betweenness_h_nx"), 1e-9)
    close(florentine.betweenness(normalized=True, **HOPS_U),
          ref_values("ref_paths.h", "ref_florentine16_betweenness_norm_h_exact"), 1e-9)
    eb = florentine.edge_betweenness(**HOPS_U)
    ref = ref_edge_values("ref_paths.h", "ref_florentine16_edge_betweenness_h_exact")
    assert type(eb) is list and len(eb) == florentine.edge_count == len(ref)
    for k, ((s, t, _, _), (rs, rt, v)) in enumerate(zip(florentine.edges(), ref)):
        assert (s, t) == (rs, rt) and eb[k] == pytest.approx(v, abs=1e-9), k  # edge order
    arr = florentine.edge_betweenness(as_array=True, **HOPS_U)
    assert isinstance(arr, np.ndarray) and arr.tolist() == eb


def test_paths_coleman_directed(coleman: Network) -> None:
    close(coleman.betweenness(**HOPS_D), ref_values("ref_paths.h", "ref_coleman_betweenness_h_exact"), 1e-9)
    close(coleman.closeness(**HOPS_D), ref_values("ref_paths.h", "ref_coleman_closeness_h_exact"), 1e-9)
    close(coleman.closeness(direction="in", **HOPS_D),
          ref_values("ref_paths.h", "ref_coleman_closeness_in_h_exact"), 1e-9)
    close(coleman.harmonic(direction="in", **HOPS_D),
          ref_values("ref_paths.h", "ref_coleman_harmonic_in_h_exact"), 1e-9)
    # sampled betweenness: within epsilon of the exact normalized values (the library's guarantee,
    # with probability 1 - delta; seeded, so the same every run, as tests/test_paths.c checks)
    exact = ref_values("ref_paths.h", "ref_coleman_betweenness_norm_h_exact")
    approx = coleman.betweenness_approx(epsilon=0.01, seed=7, **HOPS_D)
    close(approx, exact, 0.01)
    assert coleman.betweenness_approx(epsilon=0.01, seed=7, threads=1, **HOPS_D) == approx
    scores, r, eps = coleman.betweenness_sampled(epsilon=0.01, seed=7, **HOPS_D)
    assert scores == approx and r > 0 and eps == 0.01


def test_top_k(coleman: Network) -> None:
    # lev_closeness_top / lev_harmonic_top: the head of the full output sorted by score, then index
    for opts in (HOPS_D, {"weighted": True}, {"weighted": False, "direction": "in"}):
        for full, top in ((coleman.closeness, coleman.closeness_top), (coleman.harmonic, coleman.harmonic_top)):
            scores = full(**opts)
            order = sorted(range(len(coleman)), key=lambda i: (-scores[coleman.actors[i]], i))
            want = [(coleman.actors[i], scores[coleman.actors[i]]) for i in order[:5]]
            assert top(5, **opts) == want
    assert coleman.harmonic_top(0) == []
    assert len(coleman.closeness_top(10 ** 6)) == len(coleman)
    with pytest.raises(TypeError):
        coleman.closeness_top(-1)


# ---- walks (ref_spectral.h) ---------------------------------------------------------------------------

def test_spectral_florentine(florentine: Network) -> None:
    close(florentine.eigenvector(**SPECTRAL), ref_values("ref_spectral.h", "ref_florentine16_eigenvector_nx"), 1e-11)
    close(florentine.katz(alpha=0.1, **SPECTRAL), ref_values("ref_spectral.h", "ref_florentine16_katz_nx"), 1e-11,
          rel=True)
    close(florentine.katz(alpha=0.1, normalized=True, **SPECTRAL),
          ref_values("ref_spectral.h", "ref_florentine16_katz_normalized_nx"), 1e-12)
    hubs, auth = florentine.hits(**SPECTRAL)
    close(hubs, ref_values("ref_spectral.h", "ref_florentine16_hits_hubs_nx"), 1e-12)
    close(auth, ref_values("ref_spectral.h", "ref_florentine16_hits_authorities_nx"), 1e-12)
    h, a = florentine.hits(as_array=True, **SPECTRAL)
    assert h.sum() == pytest.approx(1) and list(h) == list(hubs.values()) and list(a) == list(auth.values())
    for beta, arr in ((0.1, "b01"), (-0.5, "bm05")):
        close(florentine.bonacich(beta=beta, undirected=True),
              ref_values("ref_spectral.h", f"ref_florentine16_bonacich_{arr}_sna"), 1e-11)


def test_spectral_coleman_out_influence(coleman: Network) -> None:
    opts = dict(tolerance=1e-14, max_iter=100000)
    close(coleman.katz(alpha=0.1, direction="out", **opts), ref_values("ref_spectral.h", "ref_coleman_katz_out_nx"),
          1e-11, rel=True)
    close(coleman.bonacich(beta=0.1, direction="out"), ref_values("ref_spectral.h", "ref_coleman_bonacich_out_b01_sna"),
          1e-11)


def test_katz_failures_are_translated(florentine: Network) -> None:
    with pytest.raises(leverage.NotConverged, match="alpha|α") as exc:
        florentine.katz(alpha=10, undirected=True)
    assert exc.value.name == "LEV_ENOCONV" and isinstance(exc.value, ArithmeticError)
    with pytest.raises(leverage.Cancelled):
        florentine.katz(undirected=True, tolerance=0, progress=lambda f: True)
    with pytest.raises(leverage.InvalidArgument, match="alpha"):
        florentine.katz(alpha=-1)


# ---- brokerage (ref_brokerage.h) ---------------------------------------------------------------------

def test_burt_florentine(florentine: Network) -> None:
    close(florentine.constraint(), ref_values("ref_brokerage.h", "ref_florentine16_constraint_nx"), 1e-12)
    close(florentine.effective_size(), ref_values("ref_brokerage.h", "ref_florentine16_esize_nx"), 1e-12)
    close(florentine.efficiency(), ref_values("ref_brokerage.h", "ref_florentine16_efficiency_nx"), 1e-12)
    close(florentine.burt_hierarchy(), ref_values("ref_brokerage.h", "ref_florentine16_hierarchy_nx"), 1e-12)
    close(florentine.constraint(weighted=False),
          ref_values("ref_brokerage.h", "ref_florentine16_constraint_unweighted_igraph"), 1e-12)


def test_gould_fernandez_florentine_matches_sna(florentine: Network) -> None:
    b = florentine.brokerage(undirected=True)
    assert isinstance(b, leverage.Brokerage) and list(b.raw) == list(leverage.BROKER_ROLES)
    for table, array in zip(b, ("raw", "exp", "sd", "z")):
        ref = ref_rows("ref_brokerage.h", f"ref_florentine16_brokerage_{array}_sna")
        for name, row in ref.items():
            for role, want in zip(leverage.BROKER_ROLES, row):
                assert table[role][name] == pytest.approx(want, abs=1e-12 * (1 + abs(want))), (array, name, role)
    arr = florentine.brokerage(undirected=True, as_array=True)
    assert arr.raw.shape == (16, 6)
    medici = florentine.actor("Medici")
    assert arr.z[medici].tolist() == [b.z[r]["Medici"] for r in leverage.BROKER_ROLES]


# ---- cohesion -------------------------------------------------------------------------------------------

def test_components_and_cores_florentine(florentine: Network) -> None:
    comp = florentine.components(undirected=True)
    assert comp.count == 2 and comp.membership["Pucci"] == 1  # Pucci is isolated
    assert set(comp.membership.values()) == {0, 1}
    arr = florentine.components(undirected=True, as_array=True).membership
    assert arr.dtype == np.uint32 and arr.tolist() == list(comp.membership.values())
    assert florentine.components().count == 16  # strong: each tie is one edge a -> b
    core = florentine.coreness(undirected=True)
    members = ref_values("ref_groups.h", "ref_florentine_core_members")  # nx.core_number == 2
    assert {n for n, v in core.items() if v == 2} == {n for n, v in members.items() if v == 1}


def test_communities_and_modularity(florentine: Network) -> None:
    c = florentine.communities(seed=3)
    assert c.count == len(set(c.membership.values())) and sorted(set(c.membership.values())) == list(range(c.count))
    assert florentine.communities(seed=3) == c  # seeded: same partition
    assert florentine.modularity(c.membership) == pytest.approx(c.modularity, abs=1e-12)
    as_labels = {n: f"c{v}" for n, v in c.membership.items()}  # any labels
    assert florentine.modularity(as_labels) == pytest.approx(c.modularity, abs=1e-12)
    assert florentine.modularity(florentine.communities(seed=3, as_array=True).membership) == \
        pytest.approx(c.modularity, abs=1e-12)
    # the faction labels as a partition: Newman's Q by hand, 20 ties (2m = 40), degree sums 14 and 26
    groups = florentine.actor_groups()
    assert florentine.modularity(groups) == pytest.approx((8 + 20) / 40 - (14 / 40) ** 2 - (26 / 40) ** 2)
    with pytest.raises(leverage.InvalidArgument, match="no community for actor"):
        florentine.modularity({"Medici": 1})
    with pytest.raises(leverage.InvalidArgument, match="3 entries"):
        florentine.modularity([0, 1, 2])


def test_core_periphery(florentine: Network) -> None:
    cp = florentine.core_periphery()
    assert isinstance(cp, leverage.CorePeriphery) and -1 <= cp.fit <= 1
    assert max(cp.coreness.values()) == pytest.approx(1) and cp.coreness["Pucci"] == pytest.approx(0, abs=1e-9)
    assert max(cp.coreness, key=cp.coreness.get) == "Medici"


# ---- asymmetry and hierarchy (ref_imbalance.h) ----------------------------------------------------------

def test_census_krackhardt_centralization_florentine(florentine: Network) -> None:
    ref = merged("ref_imbalance.h", "ref_asym_florentine16_sna", "ref_asym_florentine16_nx")
    dy = florentine.dyad_census(undirected=True)
    assert dy == {"mutual": ref["dyad_mut"], "asymmetric": ref["dyad_asym"], "null": ref["dyad_null"]}
    assert all(type(v) is int for v in dy.values())
    tri = florentine.triad_census(undirected=True)
    assert list(tri) == list(leverage.TRIAD_TYPES)
    assert tri == {t: ref["triad_" + t] for t in leverage.TRIAD_TYPES}
    k = florentine.krackhardt(undirected=True)
    assert list(k) == list(leverage.KRACKHARDT_DIMS)
    for dim in leverage.KRACKHARDT_DIMS:
        assert k[dim] == pytest.approx(ref[dim], abs=1e-14), dim
    assert florentine.centralization(undirected=True) == pytest.approx(ref["centr_degree"], abs=1e-14)
    assert florentine.centralization("betweenness", undirected=True, weighted=False) == \
        pytest.approx(ref["centr_betweenness"], abs=1e-12)
    assert florentine.centralization("closeness", undirected=True, weighted=False) == \
        pytest.approx(ref["centr_closeness_wf"], abs=1e-12)
    with pytest.raises(leverage.Unsupported, match="'eigen'"):
        florentine.centralization("eigen")


def test_reciprocity_flow_asymmetry_coleman(coleman: Network) -> None:
    ref = merged("ref_imbalance.h", "ref_asym_coleman_sna", "ref_asym_coleman_nx", "ref_asym_coleman_own")
    r = coleman.reciprocity()
    assert r.arc == pytest.approx(ref["reciprocity_arc"], abs=1e-15)
    assert r.weighted == pytest.approx(ref["reciprocity_weighted"], abs=1e-14)
    assert coleman.flow_hierarchy(weighted=False) == pytest.approx(ref["flow_hierarchy"], abs=1e-14)
    assert coleman.centralization(direction="in") == pytest.approx(ref["centr_indegree"], abs=1e-14)
    assert coleman.dyad_census() == {"mutual": 62, "asymmetric": 119, "null": 2447}  # sna's dyad.census
    pairs = coleman.asymmetry()
    want = ref_list("ref_imbalance.h", "ref_asym_coleman_pairs")  # "a>b": gap, in the library's order
    assert len(pairs) == ref_define("ref_imbalance.h", "REF_ASYM_COLEMAN_NPAIRS")
    for (a, b, gap), (key, value) in zip(pairs, want):
        assert f"{a}>{b}" == key and gap == value
    a, b, gap = coleman.asymmetry(as_array=True)
    assert a.dtype == np.uint32 and len(a) == len(b) == len(gap) == len(pairs)
    assert [(coleman.actors[x], coleman.actors[y]) for x, y in zip(a[:5], b[:5])] == [p[:2] for p in pairs[:5]]


def test_asymmetry_hides_the_cap_protocol(coleman: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    """LEV_ERANGE is part of the cap/len protocol, not an error: the binding asks for the length
    (cap 0), then fills arrays of that length, and the caller never sees it."""
    L = _lib.lib()
    real = L.lev_asymmetry
    caps = []

    def spy(net, p, cap, a, b, gap, length):
        caps.append(cap)
        return real(net, p, cap, a, b, gap, length)

    monkeypatch.setattr(L, "lev_asymmetry", spy)
    pairs = coleman.asymmetry()
    assert caps == [0, len(pairs)]
    with Network() as empty:  # no pair: one call answers LEV_OK with length 0
        caps.clear()
        assert empty.asymmetry() == [] and caps == [0]
        assert len(empty.asymmetry(as_array=True)[0]) == 0
    monkeypatch.undo()
    # the raw prototype does raise it: BufferTooSmall, with the needed length written; the length
    # query (cap 0) records no message on the params, a cap > 0 that is too small records one
    length = ctypes.c_size_t()
    one = [(ctypes.c_uint32 * 1)(), (ctypes.c_uint32 * 1)(), (ctypes.c_double * 1)()]
    with leverage._network._Params() as p:
        with pytest.raises(leverage.BufferTooSmall) as exc:
            L.lev_asymmetry(coleman, p, 0, None, None, None, ctypes.byref(length))
        assert exc.value.name == "LEV_ERANGE" and length.value == 181
        assert L.lev_params_errcode(p) == 0 and L.lev_params_errmsg(p) == b""
        with pytest.raises(leverage.BufferTooSmall, match="181 pairs do not fit in cap 1") as exc:
            L.lev_asymmetry(coleman, p, 1, *one, ctypes.byref(length))
        assert length.value == 181 and L.lev_params_errcode(p) == exc.value.code
    with pytest.raises(leverage.BufferTooSmall, match="181 pairs do not fit in cap 1"):  # NULL params: on net
        L.lev_asymmetry(coleman, None, 1, *one, ctypes.byref(length))


# ---- power-dependence (ref_groups.h) ----------------------------------------------------------------

@pytest.fixture
def florentine_needs(florentine: Network) -> Network:
    """Florentine wealth with the needs of tests/test_dependence.c (max(0, 50 − wealth))."""
    for name, needs in ref_values("ref_groups.h", "ref_florentine_needs").items():
        held, _ = florentine.get_resource(name, "wealth")
        florentine.set_resource(name, "wealth", held, needs)
    return florentine


def test_dependence_florentine_exact(florentine_needs: Network) -> None:
    net = florentine_needs
    ref = ref_values("ref_groups.h", "ref_florentine_dep_wealth_all")  # {"A|B": dep(A on B)}
    deps = net.dependence("wealth")
    assert len(deps) == len(ref) and len({(a, b) for a, b, _, _ in deps}) == len(deps)
    for a, b, dep, adv in deps:
        assert dep == pytest.approx(ref[f"{a}|{b}"], abs=1e-12)
        assert adv == pytest.approx(ref[f"{a}|{b}"] - ref.get(f"{b}|{a}", 0.0), abs=1e-12)
    # largest first (equal values in exact arithmetic may differ in the last bit, so the
    # reference's tie order is not compared)
    assert all(x[2] >= y[2] for x, y in zip(deps, deps[1:]))
    assert net.dependence(0) == deps == net.dependence()  # one resource: all = wealth
    d, o, dep, adv = net.dependence("wealth", as_array=True)
    assert d.dtype == np.uint32 and dep.tolist() == [x[2] for x in deps]
    pa = net.power_advantage("wealth")
    close(pa.per_actor, ref_values("ref_groups.h", "ref_florentine_pa_wealth_all"), 1e-12)
    assert pa.imbalance == pytest.approx(ref_scalar("ref_groups.h", "ref_florentine_imbalance_wealth_all"), abs=1e-12)
    nb = net.dependence("wealth", scope="neighbours")
    assert {f"{a}|{b}": d for a, b, d, _ in nb} == pytest.approx(ref_values("ref_groups.h", "ref_florentine_dep_wealth_nb"),
                                                                abs=1e-12)
    with pytest.raises(leverage.NotFound, match="no resource named 'gold'"):
        net.dependence("gold")
    with pytest.raises(leverage.InvalidArgument, match="scope must be 'all', 'neighbours'"):
        net.dependence(scope="galaxy")


# ---- groups (ref_groups.h) ----------------------------------------------------------------------------------

def test_groups_florentine(florentine: Network) -> None:
    assert florentine.group_count == 2 and florentine.groups == ["medicean", "oligarch"]
    assert florentine.actor_groups()["Medici"] == "medicean"
    idx = florentine.actor_groups(as_array=True)
    assert idx.dtype == np.uint32 and idx[florentine.actor("Strozzi")] == 1
    florentine.set_group("Pucci", None)
    assert florentine.actor_groups()["Pucci"] is None
    assert florentine.actor_groups(as_array=True)[florentine.actor("Pucci")] == leverage.NONE


def test_group_measures_florentine(florentine: Network) -> None:
    ei = florentine.ei_index()
    ref = ref_values("ref_groups.h", "ref_florentine_ei")
    assert ei.per_group == pytest.approx({g: ref[g] for g in florentine.groups}, abs=1e-12)
    assert ei.overall == pytest.approx(ref["(overall)"], abs=1e-12)
    gi = florentine.group_influence(undirected=True, tolerance=1e-14)
    matrix = ref_values("ref_groups.h", "ref_florentine_influence_matrix")
    G = florentine.groups
    assert gi.matrix == [[matrix[f"{g}|{h}"] for h in G] for g in G]
    assert gi.actor_share == ref_values("ref_groups.h", "ref_florentine_actor_share")
    close(gi.influence_share, ref_values("ref_groups.h", "ref_florentine_influence_share_igraph"), 1e-9)
    arr = florentine.group_influence(undirected=True, as_array=True)
    assert arr.matrix.shape == (2, 2) and arr.matrix.tolist() == gi.matrix
    assert florentine.assortativity_groups(undirected=True, weighted=False) == pytest.approx(
        ref_scalar("ref_groups.h", "ref_florentine_assort_groups_nx"), abs=1e-12)
    score = ref_values("ref_groups.h", "ref_florentine_score")
    want = ref_scalar("ref_groups.h", "ref_florentine_assort_score_nx")
    assert florentine.assortativity(score, undirected=True, weighted=False) == pytest.approx(want, abs=1e-12)
    as_list = [score[n] for n in florentine.actors]
    assert florentine.assortativity(np.array(as_list), undirected=True, weighted=False) == pytest.approx(want, abs=1e-12)
    with pytest.raises(leverage.InvalidArgument, match="no value for actor"):
        florentine.assortativity({"Medici": 1.0})
    with pytest.raises(leverage.InvalidArgument, match="finite|Acciaiuoli"):
        florentine.assortativity([math.nan] + as_list[1:])


def test_rich_club_and_outsiders_florentine(florentine: Network) -> None:
    rc = florentine.rich_club(seed=5, samples=4)
    ref = ref_values("ref_groups.h", "ref_florentine_rich_club_nx")  # key = k
    assert rc.raw == pytest.approx([ref[str(k)] for k in range(len(ref))], abs=1e-12)
    assert len(rc.normalized) == len(rc.raw) and florentine.rich_club(seed=5, samples=4) == rc
    raw_only = florentine.rich_club(normalized=False)
    assert raw_only.normalized is None and raw_only.raw == rc.raw
    assert florentine.rich_club(as_array=True, normalized=False).raw.tolist() == rc.raw
    out = florentine.outsiders(undirected=True)
    close(out.share, ref_values("ref_groups.h", "ref_florentine_outsiders_group"), 1e-12)
    assert {n for n, f in out.flags.items() if f == "incrowd"} == \
        {n for n, g in florentine.actor_groups().items() if g == "oligarch"}
    assert {n for n, f in out.flags.items() if f == "outsider"} == \
        {n for n, s in out.share.items() if s < 0.1 and florentine.actor_groups()[n] != "oligarch" and n != "Pucci"}
    core = florentine.outsiders(undirected=True, incrowd="core")
    close(core.share, ref_values("ref_groups.h", "ref_florentine_outsiders_core"), 1e-12)
    share, flags = florentine.outsiders(undirected=True, as_array=True)
    assert flags.dtype == np.uint32 and set(flags.tolist()) <= {0, 1, 2}
    with pytest.raises(leverage.InvalidArgument, match="incrowd must be 'group', 'core'"):
        florentine.outsiders(incrowd="vip")


# ---- options and arrays ------------------------------------------------------------------------------------

def test_unknown_keyword_is_a_type_error(florentine: Network) -> None:
    with pytest.raises(TypeError, match="katz\\(\\) got an unexpected keyword argument 'alfa'"):
        florentine.katz(alfa=0.2)
    with pytest.raises(TypeError, match="gini"):
        leverage.gini([1, 2], smallsample=True)


def test_options_listing() -> None:
    names = [o.name for o in leverage.options()]
    for n in ("alpha", "beta", "normalized", "resolution", "seed", "epsilon", "delta", "samples", "threshold",
              "incrowd", "scope", "direction"):
        assert n in names
    assert leverage.param_info("scope").default == 1  # LEV_SCOPE_ALL


@pytest.mark.parametrize("method", ["katz", "betweenness", "closeness", "constraint", "coreness"])
def test_new_outputs_are_written_in_place(florentine: Network, method: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    L = _lib.lib()
    cfunc = getattr(L, "lev_" + method)
    seen = []

    def spy(*args):
        seen.append(ctypes.cast(args[-1], ctypes.c_void_p).value)
        return cfunc(*args)

    monkeypatch.setattr(L, "lev_" + method, spy)
    arr = getattr(florentine, method)(as_array=True, undirected=True)
    assert seen == [arr.ctypes.data] and arr.dtype == np.float64


def test_empty_network_and_closed_network() -> None:
    with Network() as net:
        assert net.betweenness() == {} and net.edge_betweenness() == [] and net.katz() == {}
        assert net.components().count == 0 and net.group_count == 0 and net.groups == []
        assert net.group_influence() == (([]), {}, {}) and net.dependence() == []
        assert net.rich_club() == leverage.RichClub([], [])
    with pytest.raises(leverage.Misuse, match="closed"):
        net.betweenness()
    with pytest.raises(leverage.Misuse, match="closed"):
        net.asymmetry()


def test_limit_from_bonacich() -> None:
    """LEV_ELIMIT is reachable since 0.1's Bonacich: more than 20000 actors (checked first)."""
    with Network() as net:
        net.read_buffer("name\n" + "\n".join(f"a{i}" for i in range(20001)) + "\n", "actors")
        with pytest.raises(leverage.LimitExceeded) as exc:
            net.bonacich()
        assert exc.value.name == "LEV_ELIMIT" and isinstance(exc.value, OverflowError)


def test_coleman_groups_brokerage(coleman: Network) -> None:
    coleman.read_csv(need(ROOT / "tests" / "data" / "coleman_groups.csv"), "actors")  # adds the groups
    b = coleman.brokerage()
    ref = ref_rows("ref_brokerage.h", "ref_coleman_brokerage_raw_sna")
    for name, row in ref.items():
        assert [b.raw[r][name] for r in leverage.BROKER_ROLES] == row, name
    assert DATA.exists()


# ---- clustering, per-actor reciprocity, directed modularity (ref_clustering.h) ------------------------

def test_clustering_and_transitivity(coleman: Network) -> None:
    close(coleman.clustering(weighted=False), ref_values("ref_clustering.h", "ref_clust_coleman_dir"), 1e-12)
    close(coleman.clustering(), ref_values("ref_clustering.h", "ref_clust_coleman_dir_w"), 1e-12)
    close(coleman.clustering(undirected=True, weighted=False),
          ref_values("ref_clustering.h", "ref_clust_coleman_und"), 1e-12)
    arr = coleman.clustering(undirected=True, weighted=True, as_array=True)
    assert arr[0] == pytest.approx(ref_values("ref_clustering.h", "ref_clust_coleman_und_w")[coleman.actors[0]],
                                   abs=1e-12)
    t = coleman.transitivity(undirected=True, weighted=False)
    assert isinstance(t, leverage.Transitivity)
    assert t.transitivity == pytest.approx(ref_scalar("ref_clustering.h", "ref_clust_coleman_transitivity"), abs=1e-14)
    assert t.average == pytest.approx(ref_scalar("ref_clustering.h", "ref_clust_coleman_und_avg"), abs=1e-12)
    assert coleman.transitivity().average == \
        pytest.approx(ref_scalar("ref_clustering.h", "ref_clust_coleman_dir_w_avg"), abs=1e-12)


def test_reciprocity_actors(coleman: Network) -> None:
    r = coleman.reciprocity_actors()
    want = ref_values("ref_clustering.h", "ref_recip_coleman")
    close(r, want, 1e-15)
    assert all(math.isnan(v) for k, v in r.items() if k not in want)
    assert all(v == 1 for k, v in coleman.reciprocity_actors(undirected=True).items() if k in want)


def test_directed_modularity(coleman: Network) -> None:
    part = ref_values("ref_clustering.h", "ref_dmod_coleman_w_part")
    q = coleman.modularity({k: int(v) for k, v in part.items()}, directed_modularity=True)
    assert q == pytest.approx(ref_scalar("ref_clustering.h", "ref_dmod_coleman_w_q"), abs=1e-12)
    c = coleman.communities(directed_modularity=True, seed=1)
    assert c.modularity >= ref_scalar("ref_clustering.h", "ref_dmod_coleman_w_louvain_fixed_best") - 1e-12
    assert coleman.modularity(c.membership, directed_modularity=True) == pytest.approx(c.modularity, abs=1e-12)
    with pytest.raises(leverage.InvalidArgument):
        coleman.modularity(c.membership, directed_modularity=2)


def test_bypass_florentine(florentine: Network) -> None:
    """Dominators, articulation points and bridges against the NetworkX values of
    tests/ref/ref_structure.h (nx.immediate_dominators, nx.articulation_points, nx.bridges)."""
    d = florentine.dominators("Medici")  # directed: edges as listed, Medici reaches 4 families
    assert d == {"Medici": "Medici", "Ridolfi": "Medici", "Salviati": "Medici", "Strozzi": "Ridolfi",
                 "Tornabuoni": "Medici"}
    arr = florentine.dominators("Medici", as_array=True)
    assert arr.dtype == np.uint32 and arr[florentine.actor("Pucci")] == _lib.LEV_NONE
    und = florentine.dominators("Medici", undirected=True)
    assert und["Pazzi"] == "Salviati" and und["Salviati"] == "Medici" and "Pucci" not in und
    assert florentine.articulation_points() == ["Albizzi", "Guadagni", "Medici", "Salviati"]
    assert florentine.articulation_points(as_array=True).sum() == 4
    assert florentine.bridges() == [("Acciaiuoli", "Medici"), ("Albizzi", "Ginori"), ("Guadagni", "Lamberteschi"),
                                    ("Medici", "Salviati"), ("Pazzi", "Salviati")]
    a, b = florentine.bridges(as_array=True)
    assert a.dtype == np.uint32 and (a < b).all() and len(a) == 5
    with pytest.raises(leverage.InvalidArgument, match="source 99 is not an actor"):
        florentine.dominators(99)


def test_bypass_parallel_edges_are_not_bridges() -> None:
    with Network() as net:
        for s, t in [("a", "b"), ("b", "a"), ("b", "c")]:
            net.add_edge(s, t)
        assert net.bridges() == [("b", "c")]
        assert net.articulation_points() == ["b"]
        assert net.dominators("a") == {"a": "a", "b": "a", "c": "b"}


# -- bypass of leverage: tie bypass, reliance, edge leverage (tests/test_bypass.c checks the values
# against brute-force recomputation; here the worked example of docs/bypass.md) --

def _worked() -> Network:
    net = Network()
    for a, b, w in [("Ann", "Bob", 2), ("Bob", "Ann", 1), ("Ann", "Cal", 1), ("Dee", "Ann", 3)]:
        net.add_edge(a, b, w)
    return net


def test_tie_bypass_worked_example() -> None:
    with _worked() as net:
        tb = net.tie_bypass(bypass_measure="strength")
        assert tb["Ann"].score == 7
        assert tb["Ann"].survives == pytest.approx(4 / 7, abs=1e-15)
        assert tb["Ann"].tie == ("Dee", "Ann")
        assert tb["Bob"].survives == pytest.approx(1 / 3, abs=1e-15)
        assert net.tie_bypass(bypass_measure="strength", bypass_ties=2)["Ann"].survives == pytest.approx(2 / 7)
        score, surv, src, tgt = net.tie_bypass(bypass_measure="strength", as_array=True)
        assert list(src) == [3, 0, 0, 3] and list(tgt) == [0, 1, 2, 0]
        pr = net.tie_bypass()  # PageRank by default
        assert abs(sum(t.score for t in pr.values()) - 1) < 1e-9
        with pytest.raises(leverage.InvalidArgument):
            net.tie_bypass(bypass_measure="closeness")


def test_reliance_worked_example() -> None:
    with _worked() as net:
        r = net.reliance(bypass_measure="strength")
        assert r.per_actor["Ann"] == pytest.approx(5 / 7, abs=1e-15)
        assert r.per_actor["Bob"] == pytest.approx(1 / 3, abs=1e-15)
        assert r.per_actor["Cal"] == 1 and r.per_actor["Dee"] == 1
        assert r.network == pytest.approx(10 / 14, abs=1e-15)
        assert net.reliance(bypass_measure="strength", undirected=True).network == 0
        arr = net.reliance(bypass_measure="strength", as_array=True).per_actor
        assert len(arr) == 4


def test_edge_leverage_worked_example() -> None:
    with _worked() as net:
        assert net.edge_leverage(bypass_measure="strength") == [
            ("Dee", "Ann", 6.0), ("Ann", "Bob", 4.0), ("Ann", "Cal", 2.0), ("Bob", "Ann", 2.0)]
        s, t, v = net.edge_leverage(bypass_measure="strength", as_array=True)
        assert list(v) == [6, 4, 2, 2]
        with pytest.raises(leverage.LimitExceeded):
            net.edge_leverage(bypass_measure="betweenness", bypass_limit=1)


def test_channel_bypass() -> None:
    with Network() as net:
        for a, b, w, ch in [("Ann", "Bob", 2, "money"), ("Bob", "Ann", 1, "kin"), ("Ann", "Cal", 1, "money"),
                            ("Dee", "Ann", 3, "kin")]:
            net.add_edge(a, b, w, ch)
        assert net.channels == ["money", "kin"]
        share, dep = net.channel_bypass(bypass_measure="strength")
        assert share["Ann"] == {"money": pytest.approx(4 / 7), "kin": pytest.approx(3 / 7)}
        assert dep["Ann"] == pytest.approx(4 / 7)
        assert dep["Cal"] == 1 and share["Cal"]["kin"] == 1
        arr, darr = net.channel_bypass(bypass_measure="strength", as_array=True)
        assert len(arr) == 4 and len(arr[0]) == 2
