"""Coalitions over a resource (src/coalition.c): voting power, minimal winning coalitions,
Deegan–Packel and Holler–Packel indices, the cheapest alliance. One method per LEV_API function;
each only translates (options by name, outputs into caller-owned buffers, indices to names).
"""
from __future__ import annotations

from ctypes import byref, c_double, c_int, c_size_t, c_uint32
from typing import TYPE_CHECKING, Any, List, NamedTuple, Optional

from ._analyses import _P, PerActor, Progress, Ref
from ._errors import BufferTooSmall
from ._lib import lib
from ._params import _check_options, _Params
from ._util import _out, _result

if TYPE_CHECKING:  # pragma: no cover
    from ._network import Network

#: lev_coalition_method: how a result was computed (tests/test_coalition.py checks the header).
COALITION_METHODS = {1: "exact", 2: "sampled", 3: "heuristic"}


class VotingPower(NamedTuple):
    """lev_voting_power(): raw and normalized Banzhaf, Shapley–Shubik, the standard errors of the
    raw Banzhaf and Shapley–Shubik estimates (0 when exact), and the method ("exact" or
    "sampled")."""
    banzhaf_raw: Any
    banzhaf: Any
    shapley: Any
    banzhaf_err: Any
    shapley_err: Any
    method: str


class MinimalWinning(NamedTuple):
    """lev_minimal_winning(): the listed coalitions (each a list of actor names, or of indices
    with as_array) and the number of minimal winning coalitions in all (NaN when unknown)."""
    coalitions: List[Any]
    count: float


class Packel(NamedTuple):
    """lev_packel_indices(): Deegan–Packel and Holler–Packel indices."""
    deegan_packel: Any
    holler_packel: Any


class Alliance(NamedTuple):
    """lev_cheapest_alliance(): the members (names, or indices with as_array), their total cost
    (their number without a cost resource; inf when no alliance reaches the quota), and the
    method ("exact" or "heuristic")."""
    members: Any
    cost: float
    method: str


class _Coalition:
    """Mixin of Network: the coalition family of leverage.h."""

    def voting_power(self: "Network", resource: Ref, *, as_array: bool = False, progress: Progress = None,
                     **options: Any) -> VotingPower:
        """Banzhaf (raw and normalized) and Shapley–Shubik indices of the weighted voting game of
        ``resource``'s holdings (lev_voting_power()). Options: ``quota`` or ``quota_fraction``,
        ``connected`` (graph-restricted game), ``memory_limit``, ``enum_limit``,
        ``coalition_samples``, ``seed``, ``threads``."""
        r = self._resource(resource)
        n = len(self)
        bufs = [_out(n, as_array) for _ in range(5)]
        m = c_int()
        self._call("voting_power", "lev_voting_power", [self, r, _P] + [p for _, p in bufs] + [byref(m)], options,
                   progress)
        vals = [self._keyed(b, as_array) for b, _ in bufs]
        return VotingPower(*vals, COALITION_METHODS[m.value])

    def minimal_winning(self: "Network", resource: Ref, *, as_array: bool = False, **options: Any) -> MinimalWinning:
        """The minimal winning coalitions (lev_minimal_winning()), at most ``coalition_limit`` of
        them, in the library's search order, and how many there are. Options: ``quota`` or
        ``quota_fraction``, ``coalition_limit``, ``memory_limit``."""
        r = self._resource(resource)
        self._live()
        _check_options("minimal_winning", options)
        f = lib().lev_minimal_winning
        length, count = c_size_t(), c_double()
        with _Params(None, **options) as p:
            cap = 0
            while True:
                (co, cp), (ac, ap) = _out(cap, True, c_uint32), _out(cap, True, c_uint32)
                try:
                    p.call(f, self, r, p, cap, cp, ap, byref(length), byref(count))
                except BufferTooSmall:
                    cap = length.value
                    continue
                break
        groups: List[List[int]] = []
        for k, a in zip(list(co)[:length.value], list(ac)[:length.value]):
            if k == len(groups):
                groups.append([])
            groups[k].append(int(a))
        names = self.actors
        coalitions = [_result((c_uint32 * len(g))(*g)) if as_array else [names[i] for i in g] for g in groups]
        return MinimalWinning(coalitions, count.value)

    def packel_indices(self: "Network", resource: Ref, *, as_array: bool = False, **options: Any) -> Packel:
        """Deegan–Packel and Holler–Packel indices from the minimal winning coalitions
        (lev_packel_indices()); options as :meth:`minimal_winning`."""
        r = self._resource(resource)
        (d, dp), (h, hp) = _out(len(self), as_array), _out(len(self), as_array)
        self._call("packel_indices", "lev_packel_indices", [self, r, _P, dp, hp], options)
        return Packel(self._keyed(d, as_array), self._keyed(h, as_array))

    def cheapest_alliance(self: "Network", resource: Ref, cost: Optional[Ref] = None, *, as_array: bool = False,
                          progress: Progress = None, **options: Any) -> Alliance:
        """The fewest actors (``cost`` None), or the least total cost (``cost`` a resource whose
        holdings are the costs), whose holdings of ``resource`` reach the quota
        (lev_cheapest_alliance()). Options: ``quota`` or ``quota_fraction``, ``connected``,
        ``enum_limit``, ``memory_limit``."""
        r, c = self._resource(resource), self._resource_or_none(cost)
        self._live()
        _check_options("cheapest_alliance", options)
        f = lib().lev_cheapest_alliance
        length, total, m = c_size_t(), c_double(), c_int()
        with _Params(progress, **options) as p:
            cap = 0
            while True:
                mem, mp = _out(cap, True, c_uint32)
                try:
                    p.call(f, self, r, c, p, cap, mp, byref(length), byref(total), byref(m))
                except BufferTooSmall:
                    cap = length.value
                    continue
                break
        idx = [int(i) for i in list(mem)[:length.value]]
        members = _result((c_uint32 * len(idx))(*idx)) if as_array else [self.actors[i] for i in idx]
        return Alliance(members, total.value, COALITION_METHODS[m.value])


__all__ = ["COALITION_METHODS", "VotingPower", "MinimalWinning", "Packel", "Alliance", "PerActor"]
