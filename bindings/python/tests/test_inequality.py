"""Module-level inequality measures against tests/ref/ref_imbalance.h (exact values of the C suite)."""
from __future__ import annotations

import sys

import pytest

import leverage
from leverage import Network, _lib

from conftest import ref_doubles, ref_values

np = pytest.importorskip("numpy")


@pytest.fixture
def wealth() -> list:
    # ineq_x_florentine_wealth: holds of 'wealth' in examples/data/florentine_resources.csv
    return ref_doubles("ref_imbalance.h", "ineq_x_florentine_wealth")


def test_measures_match_exact_values(wealth: list) -> None:
    ref = ref_values("ref_imbalance.h", "ref_ineq_florentine_wealth")
    assert leverage.gini(wealth) == pytest.approx(ref["gini"], abs=1e-12)
    assert leverage.gini(wealth, small_sample=True) == pytest.approx(ref["gini_small_sample"], abs=1e-12)
    t = leverage.theil(wealth)
    assert isinstance(t, leverage.Theil)
    assert t.t == pytest.approx(ref["theil_t"], abs=1e-12) and t.l == pytest.approx(ref["theil_l"], abs=1e-12)
    assert leverage.hhi(wealth) == pytest.approx(ref["hhi"], abs=1e-12)
    assert leverage.palma(wealth) == pytest.approx(ref["palma"], abs=1e-12)
    assert leverage.top_share(wealth) == pytest.approx(ref["top_share"], abs=1e-12)
    assert leverage.top_share(wealth, top_k=3) == pytest.approx(ref["top_share_k3"], abs=1e-12)
    assert leverage.top_share(wealth, top_fraction=0.25) == pytest.approx(ref["top_share_f025"], abs=1e-12)
    lz = leverage.lorenz(wealth)
    want = ref_doubles("ref_imbalance.h", "ref_ineq_florentine_wealth_lorenz")
    assert len(lz.x) == len(lz.y) == len(wealth) + 1
    assert lz.y == pytest.approx(want, abs=1e-12)
    assert lz.x == pytest.approx([i / len(wealth) for i in range(len(wealth) + 1)], abs=1e-15)


def test_inputs_any_vector(wealth: list, florentine: Network) -> None:
    g = leverage.gini(wealth)
    assert leverage.gini(tuple(wealth)) == g
    assert leverage.gini(np.array(wealth)) == g
    assert leverage.gini(np.array(wealth, dtype=np.int64)) == g  # converted
    assert leverage.gini(np.repeat(wealth, 2)[::2]) == g  # strided: copied to contiguous
    holds = florentine.resource_amounts("wealth")
    assert leverage.gini({n: h for n, (h, _) in holds.items()}) == pytest.approx(g, abs=1e-15)  # a mapping: values
    pr = florentine.pagerank(undirected=True)
    assert leverage.gini(pr) == leverage.gini(florentine.pagerank(undirected=True, as_array=True))
    arr = leverage.lorenz(wealth, as_array=True)
    assert isinstance(arr.y, np.ndarray) and arr.y.tolist() == leverage.lorenz(wealth).y
    assert leverage.gini([]) == 0 and leverage.gini([5]) == 0


def test_errors_carry_the_library_message() -> None:
    with pytest.raises(leverage.InvalidArgument) as exc:
        leverage.gini([1.0, -2.0, 3.0])
    assert exc.value.name == "LEV_EINVAL" and "-2" in str(exc.value)  # lev_params_errmsg, not strerror
    with pytest.raises(leverage.InvalidArgument):
        leverage.hhi([float("nan")])
    with pytest.raises(leverage.InvalidArgument, match="top_fraction"):
        leverage.top_share([1, 2], top_fraction=2)
    with pytest.raises(leverage.InvalidArgument, match="one dimension"):
        leverage.gini(np.ones((2, 2)))
    with pytest.raises(TypeError):
        leverage.gini(["a"])


def test_without_numpy(wealth: list, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)
    lz = leverage.lorenz(wealth, as_array=True)
    assert type(lz.x) is list and len(lz.y) == len(wealth) + 1


# ---- an allocator for the calls without a network (lev_params_new_with_alloc) ---------------------

def test_allocator_serves_the_params_and_the_sorted_copy(counting_allocator) -> None:
    a = counting_allocator
    x = [3.0, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    assert leverage.gini(x, allocator=a) == leverage.gini(x)
    assert a.calls == 2 and a.live == 0  # the params block, then the sorted copy; both given back
    assert leverage.theil(x, allocator=a) == leverage.theil(x)
    assert a.calls == 3  # Theil sorts nothing: the params block only
    assert leverage.lorenz(x, allocator=a, as_array=True).y[5] == leverage.lorenz(x).y[5]
    assert leverage.top_share(x, allocator=a, top_k=2) == leverage.top_share(x, top_k=2)
    assert a.live == 0


def test_allocator_failure_is_out_of_memory(counting_allocator) -> None:
    a = counting_allocator
    a.fail_after = 1  # the params block succeeds, the sorted copy fails
    with pytest.raises(leverage.OutOfMemory, match="palma: out of memory sorting 10 values"):
        leverage.palma(list(range(10)), allocator=a)
    assert a.live == 0
    a.fail_after = 0  # the params block itself fails: no object, so the status text
    with pytest.raises(leverage.OutOfMemory):
        leverage.hhi([1.0, 2.0], allocator=a)
    with pytest.raises(TypeError, match="unexpected keyword argument 'nope'"):
        leverage.gini([1.0], allocator=a, nope=1)


def test_params_with_alloc_raw(counting_allocator) -> None:
    from ctypes import byref, c_void_p
    L = _lib.lib()
    a = counting_allocator
    fn = _lib.ALLOC_FN(lambda ud, ptr, osize, nsize: a(ptr, osize, nsize))
    p = c_void_p()
    assert L.lev_params_new_with_alloc(byref(p), fn, None) == 0 and p.value and a.live > 0
    L.lev_params_reset(p)
    L.lev_params_free(p)
    assert a.live == 0
    with pytest.raises(leverage.Misuse):
        L.lev_params_new_with_alloc(byref(p), _lib.ALLOC_FN(), None)
