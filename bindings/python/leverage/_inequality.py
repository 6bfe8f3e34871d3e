"""Inequality of any vector of non-negative numbers (PageRank, strength, holdings…): the
lev_gini … lev_lorenz family of leverage.h, which needs no network.

Each function takes any sequence, a mapping (its values, in order: e.g. ``net.pagerank()``) or a
NumPy array (passed without a copy when it is contiguous float64), and library options as keywords.
``allocator=f`` (a callable ``f(ptr, osize, nsize)`` with the contract of ``lev_alloc_fn``, as
``Network(allocator=...)`` takes) makes the call's params with lev_params_new_with_alloc, so that
its scratch (the sorted copy of x) comes from ``f`` instead of malloc.
"""
from __future__ import annotations

from ctypes import byref, c_double
from typing import Any, Callable, NamedTuple, Optional

from ._analyses import _P
from ._lib import lib
from ._params import _check_options, _Params
from ._util import _doubles, _out, _result

__all__ = ["gini", "theil", "hhi", "palma", "top_share", "lorenz", "Theil", "Lorenz"]

#: A Python allocator ``f(ptr, osize, nsize)`` with the contract of lev_alloc_fn (as Network's).
Allocator = Callable[[Optional[int], int, int], Optional[int]]


class Theil(NamedTuple):
    """lev_theil(): Theil's T and L (mean log deviation; infinite when a value is 0)."""
    t: float
    l: float  # noqa: E741 (the index's name)


class Lorenz(NamedTuple):
    """lev_lorenz(): the n + 1 points of the Lorenz curve, from (0, 0) to (1, 1)."""
    x: Any
    y: Any


def _call(method: str, fname: str, args: Any, options: Any, allocator: Optional[Allocator]) -> None:
    """``fname(*args)`` with _P replaced by params holding ``options``: made with ``allocator``
    (lev_params_new_with_alloc) when given, so that the sorted copy some measures make of x comes
    from it; else lev_params_new (malloc)."""
    _check_options(method, options)
    with _Params(None, allocator, **options) as p:
        p.call(getattr(lib(), fname), *[p if a is _P else a for a in args])


def _scalar(method: str, fname: str, x: Any, options: Any, allocator: Optional[Allocator]) -> float:
    keep, ptr, n = _doubles(x, None, "x")
    out = c_double()
    _call(method, fname, [ptr, n, _P, byref(out)], options, allocator)
    return out.value


def gini(x: Any, *, allocator: Optional[Allocator] = None, **options: Any) -> float:
    """Gini coefficient (lev_gini()): 0 when all are equal, up to 1 − 1/n when one holds all
    (1 with ``small_sample=True``); 0 for a zero total or fewer than two values.

    Raises:
        InvalidArgument: a negative or non-finite value.
    """
    return _scalar("gini", "lev_gini", x, options, allocator)


def theil(x: Any, *, allocator: Optional[Allocator] = None, **options: Any) -> Theil:
    """Theil's T and L indices (lev_theil()), as ``Theil(t, l)``."""
    keep, ptr, n = _doubles(x, None, "x")
    t, l_ = c_double(), c_double()
    _call("theil", "lev_theil", [ptr, n, _P, byref(t), byref(l_)], options, allocator)
    return Theil(t.value, l_.value)


def hhi(x: Any, *, allocator: Optional[Allocator] = None, **options: Any) -> float:
    """Herfindahl–Hirschman index of the shares (lev_hhi()): from 1/n (equal) to 1."""
    return _scalar("hhi", "lev_hhi", x, options, allocator)


def palma(x: Any, *, allocator: Optional[Allocator] = None, **options: Any) -> float:
    """Palma ratio (lev_palma()): the top 10 %'s share over the bottom 40 %'s."""
    return _scalar("palma", "lev_palma", x, options, allocator)


def top_share(x: Any, *, allocator: Optional[Allocator] = None, **options: Any) -> float:
    """Share of the total held by the top ``top_k`` values, or (``top_k`` 0, the default) the top
    ``top_fraction`` of them (lev_top_share())."""
    return _scalar("top_share", "lev_top_share", x, options, allocator)


def lorenz(x: Any, *, as_array: bool = False, allocator: Optional[Allocator] = None, **options: Any) -> Lorenz:
    """The Lorenz curve (lev_lorenz()): ``Lorenz(x, y)``, n + 1 cumulative shares of actors and of
    the total, as lists (arrays with ``as_array=True``)."""
    keep, ptr, n = _doubles(x, None, "x")
    (px, pxp), (py, pyp) = _out(n + 1, as_array), _out(n + 1, as_array)
    _call("lorenz", "lev_lorenz", [ptr, n, _P, pxp, pyp], options, allocator)
    conv = _result if as_array else list
    return Lorenz(conv(px), conv(py))
