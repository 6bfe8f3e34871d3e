"""The analyses of a Network past degree, strength and PageRank: one method per LEV_API function of
the paths, spectral, brokerage, cohesion, asymmetry, dependence and groups families.

Each method only translates: keyword options become a lev_params (any option of the library, by
its name: ``leverage.options()``), the C function writes into caller-owned buffers (NumPy arrays
with ``as_array=True``), and per-actor results are keyed by actor name otherwise. Nothing here
computes anything the library does not.
"""
from __future__ import annotations

from ctypes import byref, c_double, c_size_t, c_uint32, c_uint64
from ctypes import c_uint8, sizeof
from typing import (TYPE_CHECKING, Any, Callable, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple,
                    Union)

from ._errors import BufferTooSmall
from ._lib import LEV_NONE, error, lib
from ._params import _check_options, _Params
from ._util import Array, _dec, _doubles, _indices, _out, _result, _rows

if TYPE_CHECKING:  # pragma: no cover
    from ._network import Network

Progress = Optional[Callable[[float], Any]]
#: An actor or resource: its name or its index.
Ref = Union[str, int]
#: Per-actor result: {actor name: value}, or an array in index order with as_array=True.
PerActor = Union[Dict[str, float], Array]

# Enum values of leverage.h by Python name (tests/test_header.py checks them against the header).
#: lev_broker_role: the columns of lev_brokerage()'s tables, in column order (LEV_BROKER_ROLES).
BROKER_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")
#: lev_centralization_kind
_CENTRALIZATION = {"degree": 1, "betweenness": 2, "closeness": 3}
#: lev_krackhardt_dim, in index order
KRACKHARDT_DIMS = ("connectedness", "hierarchy", "efficiency", "lubness")
#: lev_triad_census()'s 16 types, in the MAN order of its output
TRIAD_TYPES = ("003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D",
               "120U", "120C", "210", "300")
#: lev_dyad_census()'s 3 counts, in output order
DYAD_TYPES = ("mutual", "asymmetric", "null")
#: lev_outsiders()'s flags (1 outsider, 2 in-crowd member, 0 neither) as strings
_OUTSIDER_FLAGS = {0: None, 1: "outsider", 2: "incrowd"}
#: lev_control_class values 1, 2, 3 by name, in value order
CONTROL_CLASSES = ("critical", "intermittent", "redundant")
#: lev_kp_measure: the ``measure`` of Network.keyplayers() by name
KP_MEASURES = {"reach": 1, "dreach": 2, "fragment": 3, "dfragment": 4}
#: lev_seed_rule, by name
_SEED_RULES = {"allowed": 0, "required": 1, "excluded": 2}


class Brokerage(NamedTuple):
    """lev_brokerage(): four tables, each ``{role: {actor: value}}`` (roles: BROKER_ROLES), or with
    as_array=True an n × 6 array (row = actor, column = role)."""
    raw: Any
    expected: Any
    sd: Any
    z: Any


class Components(NamedTuple):
    """lev_components(): each actor's component id (0..count−1) and the number of components."""
    membership: Any
    count: int


class Communities(NamedTuple):
    """lev_communities(): each actor's community id (0..count−1), their number and the modularity."""
    membership: Any
    count: int
    modularity: float


class CorePeriphery(NamedTuple):
    """lev_core_periphery(): each actor's coreness (maximum 1) and the fit of the model."""
    coreness: Any
    fit: float


class Transitivity(NamedTuple):
    """lev_transitivity(): global transitivity and the average local clustering coefficient."""
    transitivity: float
    average: float


class TieBypass(NamedTuple):
    """lev_tie_bypass() for one actor: its score M, the share that survives its costliest tie's
    removal, and that tie as (source name, target name), or None."""
    score: float
    survives: float
    tie: Optional[Tuple[str, str]]


class Reliance(NamedTuple):
    """lev_reliance(): per-actor reliance on one-way ties, and the power-weighted network figure."""
    per_actor: Any
    network: float


class Reciprocity(NamedTuple):
    """lev_reciprocity(): arc reciprocity and strength reciprocity."""
    arc: float
    weighted: float


class EdgeRepeats(NamedTuple):
    """lev_edge_repeats(): self-loops and edges that repeat an earlier one (same source, target
    and channel), each with the number of the first (None when there is none)."""
    loops: int
    first_loop: Optional[int]
    repeats: int
    first_repeat: Optional[int]


class EdgeArrays(NamedTuple):
    """lev_edges_get(): edges by number as parallel arrays of actor indices (see
    ``Network.actors``), strengths exactly as added, and channel indices (see
    ``Network.channels``; ``leverage.NONE`` for none). Lists, or NumPy arrays with as_array."""
    sources: Any
    targets: Any
    strengths: Any
    channels: Any


class PowerAdvantage(NamedTuple):
    """lev_power_advantage(): each actor's net power advantage, and the network's imbalance index."""
    per_actor: Any
    imbalance: float


class GroupInfluence(NamedTuple):
    """lev_group_influence(): ``matrix[g][h]`` the strength from group g to group h (rows and
    columns in ``Network.groups`` order), and each group's share of actors and of PageRank
    (``{group: share}``, or arrays with as_array=True)."""
    matrix: Any
    actor_share: Any
    influence_share: Any


class EIIndex(NamedTuple):
    """lev_ei_index(): per group ``{group: index}`` (or an array) and the network's index."""
    per_group: Any
    overall: float


class RichClub(NamedTuple):
    """lev_rich_club(): φ(k) for k = 0..len−1 (``raw[k]``), and normalized by degree-preserving
    rewirings (``None`` when not asked for)."""
    raw: Any
    normalized: Any


class KeyPlayers(NamedTuple):
    """lev_keyplayers(): the members (names in index order, or a uint32 array) and the set's score."""
    actors: Any
    score: float


class Spread(NamedTuple):
    """lev_spread(): the expected number of actors reached (seeds included), its standard error,
    the 95% interval ``(low, high)`` and each actor's activation probability (``{actor: p}``, or
    an array with as_array=True)."""
    spread: float
    se: float
    ci95: Tuple[float, float]
    probability: Any


class Seeds(NamedTuple):
    """lev_seeds(): the seeds in selection order (names, or indices with as_array=True), each
    one's marginal gain, the estimated spread, the certified approximation ratio, the RR sets
    drawn and the bytes they held."""
    seeds: Any
    gains: Any
    spread: float
    ratio: float
    rr_sets: int
    rr_bytes: int


class Outsiders(NamedTuple):
    """lev_outsiders(): each actor's share of incoming influence from the in-crowd, and its flag:
    ``"outsider"``, ``"incrowd"`` (a member) or ``None`` (with as_array=True the library's codes
    1, 2 and 0)."""
    share: Any
    flags: Any


def _keyword_call(method: str, fname: str, args: Sequence[Any], options: Dict[str, Any],
                  progress: Progress) -> None:
    """``fname(*args)`` with the placeholder _P replaced by fresh params holding ``options``."""
    _check_options(method, options)
    L = lib()
    with _Params(progress, **options) as p:
        p.call(getattr(L, fname), *[p if a is _P else a for a in args])


#: Placeholder for the call's lev_params in an argument list of _keyword_call.
_P = object()


class _Analyses:
    """Mixin of Network: every analysis of leverage.h past degree, strength and PageRank."""

    # -- translation helpers --

    def _call(self: "Network", method: str, fname: str, args: Sequence[Any], options: Dict[str, Any],
              progress: Progress = None) -> None:
        self._live()
        _keyword_call(method, fname, args, options, progress)

    def _keyed(self: "Network", out: Any, as_array: bool, convert: Callable[[Any], Any] = float) -> Any:
        if as_array:
            return _result(out)
        return dict(zip(self._keys(), (convert(v) for v in out)))

    def _per_actor(self: "Network", method: str, fname: str, as_array: bool, options: Dict[str, Any],
                   progress: Progress) -> PerActor:
        """fname(net, params, out) with out of len(self) doubles."""
        out, ptr = _out(len(self), as_array)
        self._call(method, fname, [self, _P, ptr], options, progress)
        return self._keyed(out, as_array)

    def _sized(self: "Network", method: str, fname: str, pre: Sequence[Any], outs: Sequence[Any],
               as_array: bool, options: Dict[str, Any], progress: Progress) -> List[Any]:
        """The cap/len protocol of leverage.h: fname(*pre, params, cap, *outs, &len). Asks for the
        length with cap 0, then fills outputs of that length; LEV_ERANGE never reaches the caller.
        ``outs`` holds the ctypes element type of each output, or None for a NULL output."""
        self._live()
        _check_options(method, options)
        f = getattr(lib(), fname)
        length = c_size_t()
        with _Params(progress, **options) as p:
            cap = 0
            while True:  # twice on an unchanged network: query, then fill
                bufs = [(None, None) if t is None else _out(cap, as_array, t) for t in outs]
                try:
                    p.call(f, *pre, p, cap, *[ptr for _, ptr in bufs], byref(length))
                except BufferTooSmall:
                    if length.value <= cap:  # cannot happen: the library reports the length it needs
                        raise
                    cap = length.value
                    continue
                return [None if b is None else (b[:length.value] if length.value < cap else b) for b, _ in bufs]

    def _resource_or_none(self: "Network", resource: Optional[Ref]) -> int:
        return LEV_NONE if resource is None else self._resource(resource)

    def _actor_vector(self: "Network", x: Any, what: str) -> Tuple[Any, Any]:
        """A per-actor input of doubles: a mapping {actor name or index: value} covering every
        actor, or a sequence / NumPy array of len(self) values in index order."""
        n = len(self)
        if isinstance(x, Mapping):
            buf = (c_double * n)()
            seen = set()
            for a, v in x.items():
                i = self._actor(a)
                if i >= n:
                    raise error("LEV_EINVAL", f"{what}: no actor {i} (the network has {n})")
                buf[i] = v
                seen.add(i)
            if len(seen) != n:
                missing = next(i for i in range(n) if i not in seen)
                raise error("LEV_EINVAL", f"{what}: no value for actor {missing} ({self.actors[missing]!r})")
            return buf, buf
        keep, ptr, _ = _doubles(x, n, what)
        return keep, ptr

    # -- centrality on shortest paths --

    def closeness(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Closeness centrality of every actor (lev_closeness()): for an actor reaching r − 1
        others at total distance S, (r − 1)/S scaled by (r − 1)/(n − 1); 0 if it reaches nobody.

        Options (keywords, library defaults when left out): ``weighted`` (distances 1/strength;
        False counts hops), ``undirected``, ``direction`` ("out" and "all", the default: distances
        from the actor, influence exerted; "in": distances to it, influence received), ``cutoff``
        (only actors within that distance count; 0 = none), ``threads``. ``progress(fraction)`` as
        for :meth:`pagerank`.

        Returns:
            ``{actor name: score}``, or an array in index order with ``as_array=True``.
        """
        return self._per_actor("closeness", "lev_closeness", as_array, options, progress)

    def harmonic(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Harmonic centrality (lev_harmonic()): the sum of 1/d(v, u) over the others; with
        ``normalized=True`` divided by n − 1. Options as :meth:`closeness`, and ``normalized``."""
        return self._per_actor("harmonic", "lev_harmonic", as_array, options, progress)

    def _subset(self: "Network", method: str, fname: str, actors: Any, as_array: bool, options: Dict[str, Any],
                progress: Progress) -> Any:
        """fname(net, actors, n, params, out) with out of one double per listed actor."""
        keep, ptr, count = _indices(actors, "actors", self._actor)
        out, optr = _out(count, as_array)
        self._call(method, fname, [self, ptr, count, _P, optr], options, progress)
        if as_array:
            return _result(out)
        keys = self._keys()
        idx = [int(ptr[i]) for i in range(count)]  # the indices as passed to the library
        del keep
        return {keys[i]: float(v) for i, v in zip(idx, out)}

    def closeness_subset(self, actors: Any, *, as_array: bool = False, progress: Progress = None,
                         **options: Any) -> Any:
        """Closeness of the given ``actors`` only (lev_closeness_subset(), igraph's
        ``closeness(vertices=...)``): names or indices, each at most once; the same values as
        :meth:`closeness` gives them, at the cost of one search per listed actor. A dict keyed by
        those actors, or an array in their order with ``as_array=True``. Options as
        :meth:`closeness`."""
        return self._subset("closeness_subset", "lev_closeness_subset", actors, as_array, options, progress)

    def harmonic_subset(self, actors: Any, *, as_array: bool = False, progress: Progress = None,
                        **options: Any) -> Any:
        """Harmonic centrality of the given ``actors`` only (lev_harmonic_subset()); as
        :meth:`closeness_subset`, options as :meth:`harmonic`."""
        return self._subset("harmonic_subset", "lev_harmonic_subset", actors, as_array, options, progress)

    def betweenness(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Betweenness centrality (lev_betweenness(), Brandes): a count, not a share — the sum
        over pairs of other actors of the fraction of their shortest paths that run through each
        actor; an undirected view counts each unordered pair once. With ``normalized=True`` divided
        by the number of pairs, (n − 1)(n − 2) (halved when undirected), so it is in [0, 1].
        Options: ``weighted``, ``undirected``, ``normalized``, ``endpoints`` (count the path's two
        ends, as NetworkX's ``endpoints=True``), ``cutoff`` (longest path counted, in hops or
        1/strength; 0 = none), ``threads``."""
        return self._per_actor("betweenness", "lev_betweenness", as_array, options, progress)

    def betweenness_subset(self, sources: Any, targets: Any = None, *, as_array: bool = False,
                           progress: Progress = None, **options: Any) -> PerActor:
        """Betweenness counting only shortest paths from ``sources`` to ``targets``
        (lev_betweenness_subset(), NetworkX's ``betweenness_centrality_subset``): actor names or
        indices, each at most once; ``targets=None`` means every actor. Options: ``weighted``,
        ``undirected`` (halves, as NetworkX), ``normalized``, ``cutoff``, ``threads``."""
        s_keep, s_ptr, ns = _indices(sources, "sources", self._actor)
        t_keep, t_ptr, nt = (None, None, 0) if targets is None else _indices(targets, "targets", self._actor)
        out, ptr = _out(len(self), as_array)
        self._call("betweenness_subset", "lev_betweenness_subset", [self, s_ptr, ns, t_ptr, nt, _P, ptr], options,
                   progress)
        del s_keep, t_keep
        return self._keyed(out, as_array)

    def edge_betweenness(self, *, as_array: bool = False, progress: Progress = None,
                         **options: Any) -> Union[List[float], Array]:
        """Betweenness of every edge (lev_edge_betweenness()), as a list in edge index order (the
        order of :meth:`edges`), or an array with ``as_array=True``. Of parallel edges the one that
        carries the paths gets the score, the others 0. Options as :meth:`betweenness`."""
        out, ptr = _out(self.edge_count, as_array)
        self._call("edge_betweenness", "lev_edge_betweenness", [self, _P, ptr], options, progress)
        return _result(out) if as_array else list(out)

    def betweenness_approx(self, *, as_array: bool = False, progress: Progress = None,
                           **options: Any) -> PerActor:
        """Betweenness estimated from sampled shortest paths (lev_betweenness_approx()), on the
        normalized scale: with probability ≥ 1 − ``delta`` every estimate is within ``epsilon``.
        Options: ``epsilon``, ``delta``, ``seed`` (same seed, same answer), ``weighted``,
        ``undirected``, ``threads``."""
        return self._per_actor("betweenness_approx", "lev_betweenness_approx", as_array, options, progress)

    def betweenness_sampled(self, *, as_array: bool = False, progress: Progress = None,
                            **options: Any) -> Tuple[PerActor, int, float]:
        """As :meth:`betweenness_approx`, with the number of samples r and the bound ε
        (lev_betweenness_sampled()): ``(scores, r, epsilon)``, for "estimated from r samples, ±ε
        with probability 1 − δ"; r = 0 and ε = 0 when the scores are exact without sampling."""
        out, ptr = _out(len(self), as_array)
        r, eps = c_uint64(), c_double()
        self._call("betweenness_sampled", "lev_betweenness_sampled", [self, _P, ptr, byref(r), byref(eps)], options,
                   progress)
        return self._keyed(out, as_array), r.value, eps.value

    def _top(self, method: str, fname: str, k: int, options: Dict[str, Any],
             progress: Progress) -> List[Tuple[str, float]]:
        if not isinstance(k, int) or isinstance(k, bool) or k < 0:
            raise TypeError(f"{method}(): k must be an int >= 0 (got {k!r})")
        m = min(k, len(self))
        ids, scores = (c_uint32 * max(m, 1))(), (c_double * max(m, 1))()
        self._call(method, fname, [self, _P, c_size_t(k), ids, scores], options, progress)
        return [(self.actors[ids[i]], float(scores[i])) for i in range(m)]

    def closeness_top(self, k: int, *, progress: Progress = None, **options: Any) -> List[Tuple[str, float]]:
        """The k actors of highest closeness, exactly, best first (lev_closeness_top()): a list of
        ``(actor name, score)``, scores equal to :meth:`closeness`'s, ties by lower index. Options
        as :meth:`closeness`."""
        return self._top("closeness_top", "lev_closeness_top", k, options, progress)

    def harmonic_top(self, k: int, *, progress: Progress = None, **options: Any) -> List[Tuple[str, float]]:
        """The k actors of highest harmonic centrality, exactly, best first (lev_harmonic_top()).
        Options as :meth:`harmonic`."""
        return self._top("harmonic_top", "lev_harmonic_top", k, options, progress)

    # -- centrality from walks --

    def katz(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Katz centrality (lev_katz()): x = α·B·x + 1. Options: ``alpha`` (0.1), ``direction``
        ("all"/"in": in-influence, "out": out-influence), ``undirected``, ``weighted``,
        ``normalized`` (unit Euclidean length), ``tolerance``, ``max_iter``, ``threads``.

        Raises:
            NotConverged: α too large for the network (α ≥ 1/λmax), or too few iterations.
        """
        return self._per_actor("katz", "lev_katz", as_array, options, progress)

    def eigenvector(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Eigenvector centrality (lev_eigenvector()): unit Euclidean length. Options:
        ``direction``, ``undirected``, ``weighted``, ``tolerance``, ``max_iter``, ``threads``.

        Raises:
            NotConverged: e.g. an acyclic directed network, which has none.
        """
        return self._per_actor("eigenvector", "lev_eigenvector", as_array, options, progress)

    def hits(self, *, as_array: bool = False, progress: Progress = None,
             **options: Any) -> Tuple[PerActor, PerActor]:
        """HITS hub and authority scores (lev_hits()), each summing to 1.

        Returns:
            ``(hubs, authorities)``, each ``{actor name: score}`` or an array with ``as_array``.
            Options: ``weighted``, ``undirected``, ``tolerance``, ``max_iter``, ``threads``.
        """
        n = len(self)
        (h, hp), (a, ap) = _out(n, as_array), _out(n, as_array)
        self._call("hits", "lev_hits", [self, _P, hp, ap], options, progress)
        return self._keyed(h, as_array), self._keyed(a, as_array)

    def bonacich(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Bonacich power centrality c(α, β) (lev_bonacich(), as R ``sna::bonpow``). Options:
        ``beta`` (1; negative rewards ties to weak actors), ``direction``, ``undirected``,
        ``weighted``, ``normalized`` (scores sum to 1), ``threads``.

        Raises:
            InvalidArgument: I − βB singular. LimitExceeded: more than 20000 actors.
        """
        return self._per_actor("bonacich", "lev_bonacich", as_array, options, progress)

    # -- brokerage --

    def constraint(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Burt's constraint of every actor (lev_constraint()). Options: ``weighted``, ``threads``."""
        return self._per_actor("constraint", "lev_constraint", as_array, options, progress)

    def effective_size(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Burt's effective size of every actor (lev_effective_size()). Options: ``weighted``, ``threads``."""
        return self._per_actor("effective_size", "lev_effective_size", as_array, options, progress)

    def efficiency(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Burt's efficiency: effective size / number of neighbours (lev_efficiency())."""
        return self._per_actor("efficiency", "lev_efficiency", as_array, options, progress)

    def burt_hierarchy(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Burt's hierarchy: how much an actor's constraint rests on one contact (lev_burt_hierarchy())."""
        return self._per_actor("burt_hierarchy", "lev_burt_hierarchy", as_array, options, progress)

    def brokerage(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Brokerage:
        """Gould–Fernandez brokerage roles by group label (lev_brokerage(), as R ``sna::brokerage``).

        Returns:
            ``Brokerage(raw, expected, sd, z)``; each ``{role: {actor name: value}}`` with roles
            ``leverage.BROKER_ROLES`` ("coordinator" … "liaison", "total"), or with ``as_array`` an
            n × 6 array (columns in that order). Option: ``undirected``.
        """
        n, k = len(self), len(BROKER_ROLES)
        bufs = [_out(n * k, as_array) for _ in range(4)]
        self._call("brokerage", "lev_brokerage", [self, _P] + [ptr for _, ptr in bufs], options, progress)
        if as_array:
            return Brokerage(*(_rows(b, n, k) for b, _ in bufs))
        names = self.actors
        return Brokerage(*({role: {names[i]: b[i * k + c] for i in range(n)} for c, role in enumerate(BROKER_ROLES)}
                           for b, _ in bufs))

    # -- cohesion --

    def components(self, *, as_array: bool = False, **options: Any) -> Components:
        """Connected components (lev_components()): strong by default, weak with
        ``undirected=True``. Ids are 0..count−1 in order of each component's first actor.

        Returns:
            ``Components(membership, count)``: membership ``{actor name: id}``, or with
            ``as_array`` a uint32 array in index order.
        """
        out, ptr = _out(len(self), as_array, c_uint32)
        count = c_size_t()
        self._call("components", "lev_components", [self, _P, ptr, byref(count)], options)
        return Components(self._keyed(out, as_array, int), count.value)

    def coreness(self, *, as_array: bool = False, **options: Any) -> PerActor:
        """k-core number of every actor (lev_coreness()). Options: ``direction``, ``undirected``."""
        return self._per_actor("coreness", "lev_coreness", as_array, options, None)

    def communities(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Communities:
        """Communities maximizing modularity on the undirected view (lev_communities(), Leiden).

        Options: ``resolution``, ``seed`` (same seed, same partition), ``weighted``, ``threads``.

        Returns:
            ``Communities(membership, count, modularity)``: membership ``{actor name: id}`` with
            ids 0..count−1, or a uint32 array with ``as_array``.
        """
        out, ptr = _out(len(self), as_array, c_uint32)
        count, q = c_size_t(), c_double()
        self._call("communities", "lev_communities", [self, _P, ptr, byref(count), byref(q)], options, progress)
        return Communities(self._keyed(out, as_array, int), count.value, q.value)

    def modularity(self, partition: Any, **options: Any) -> float:
        """Modularity of a partition on the undirected view (lev_modularity()).

        Args:
            partition: each actor's community: a mapping ``{actor name or index: label}`` covering
                every actor, or a sequence / array of len(self) labels in index order. Labels are any
                hashable values (equal label, same community), e.g. ``communities().membership``.
            Options: ``resolution``, ``weighted``.
        """
        n = len(self)
        labels: List[Any] = [None] * n
        if isinstance(partition, Mapping):
            seen = set()
            for a, lab in partition.items():
                i = self._actor(a)
                if i >= n:
                    raise error("LEV_EINVAL", f"partition: no actor {i} (the network has {n})")
                labels[i] = lab
                seen.add(i)
            if len(seen) != n:
                missing = next(i for i in range(n) if i not in seen)
                raise error("LEV_EINVAL", f"partition: no community for actor {missing} ({self.actors[missing]!r})")
        else:
            labels = list(partition.tolist() if hasattr(partition, "tolist") else partition)
            if len(labels) != n:
                raise error("LEV_EINVAL", f"partition has {len(labels)} entries; the network has {n} actors")
        ids: Dict[Any, int] = {}
        buf = (c_uint32 * n)(*(ids.setdefault(lab, len(ids)) for lab in labels))
        q = c_double()
        self._call("modularity", "lev_modularity", [self, buf, _P, byref(q)], options)
        return q.value

    def core_periphery(self, *, as_array: bool = False, progress: Progress = None,
                       **options: Any) -> CorePeriphery:
        """Continuous core–periphery coreness (lev_core_periphery(), Borgatti–Everett).

        Returns:
            ``CorePeriphery(coreness, fit)``. Options: ``weighted``, ``tolerance``, ``max_iter``.
        """
        out, ptr = _out(len(self), as_array)
        fit = c_double()
        self._call("core_periphery", "lev_core_periphery", [self, _P, ptr, byref(fit)], options, progress)
        return CorePeriphery(self._keyed(out, as_array), fit.value)

    def clustering(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> PerActor:
        """Local clustering coefficient of every actor (lev_clustering()): directed (Fagiolo) by
        default, Watts–Strogatz / Onnela with ``undirected=True``. Options: ``undirected``,
        ``weighted``, ``threads``."""
        return self._per_actor("clustering", "lev_clustering", as_array, options, progress)

    def transitivity(self, *, progress: Progress = None, **options: Any) -> Transitivity:
        """``Transitivity(transitivity, average)`` (lev_transitivity()): 3·triangles / connected
        triples on the undirected simple view, and the mean of clustering() with the same options
        (zeros counted)."""
        t, a = c_double(), c_double()
        self._call("transitivity", "lev_transitivity", [self, _P, byref(t), byref(a)], options, progress)
        return Transitivity(t.value, a.value)

    # -- bypass: unavoidable brokers --

    def dominators(self, source: Ref, *, as_array: bool = False, **options: Any) -> Any:
        """Immediate dominator of every actor for influence flowing from ``source`` (a name or
        index) (lev_dominators(), Lengauer–Tarjan): the nearest actor every influence path from
        ``source`` passes through. Option: ``undirected``.

        Returns:
            ``{actor name: dominator name}`` for the actors ``source`` reaches (the source maps to
            itself, unreachable actors are left out, as NetworkX's ``immediate_dominators``), or
            with ``as_array`` a uint32 array in index order (LEV_NONE when unreachable).
        """
        s = self._actor(source)
        out, ptr = _out(len(self), as_array, c_uint32)
        self._call("dominators", "lev_dominators", [self, s, _P, ptr], options)
        if as_array:
            return _result(out)
        names = self.actors
        return {names[i]: names[d] for i, d in enumerate(out) if d != LEV_NONE}

    def articulation_points(self, *, as_array: bool = False, **options: Any) -> Any:
        """The actors whose removal disconnects the network read as undirected
        (lev_articulation_points()).

        Returns:
            Their names in index order, or with ``as_array`` a uint32 array of n flags (1: an
            articulation point).
        """
        out, ptr = _out(len(self), as_array, c_uint32)
        self._call("articulation_points", "lev_articulation_points", [self, _P, ptr], options)
        if as_array:
            return _result(out)
        names = self.actors
        return [names[i] for i, f in enumerate(out) if f]

    def bridges(self, *, as_array: bool = False, **options: Any) -> Any:
        """The ties whose removal disconnects their ends, the network read as undirected
        (lev_bridges()); a pair joined by two or more edge records is never a bridge.

        Returns:
            ``[(a name, b name), ...]`` with index a < b, sorted; or with ``as_array`` the arrays
            ``(a, b)`` of actor indices (uint32).
        """
        a, b = self._sized("bridges", "lev_bridges", [self], [c_uint32, c_uint32], as_array, options, None)
        if as_array:
            return _result(a), _result(b)
        names = self.actors
        return [(names[x], names[y]) for x, y in zip(a, b)]

    # -- bypass of leverage: tie bypass, reliance, edge leverage --

    def tie_bypass(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Any:
        """Tie bypass (lev_tie_bypass()): for each actor, its score M, the share of it that survives
        when its costliest tie is removed, and that tie. Options: ``bypass_measure`` ("pagerank",
        "degree", "strength", "betweenness", "harmonic"), ``bypass_ties`` (k, greedily),
        ``bypass_limit``, ``bypass_residual``, and the measure's own options.

        Returns:
            ``{actor name: TieBypass(score, survives, tie)}`` with tie ``(source, target)`` names or
            None; or with ``as_array`` the arrays ``(score, survives, tie_source, tie_target)``
            (indices, LEV_NONE where there is no tie).
        """
        n = len(self)
        sc, psc = _out(n, as_array)
        sv, psv = _out(n, as_array)
        ts, pts = _out(n, as_array, c_uint32)
        tt, ptt = _out(n, as_array, c_uint32)
        self._call("tie_bypass", "lev_tie_bypass", [self, _P, psc, psv, pts, ptt], options, progress)
        if as_array:
            return _result(sc), _result(sv), _result(ts), _result(tt)
        names = self.actors
        return {names[i]: TieBypass(float(sc[i]), float(sv[i]),
                                    None if ts[i] == LEV_NONE else (names[ts[i]], names[tt[i]]))
                for i in range(n)}

    def reliance(self, *, as_array: bool = False, **options: Any) -> Reliance:
        """Leverage reliance (lev_reliance()): the share of each actor's score M that does not rest
        on reciprocated ties, and the power-weighted network figure. Options: ``bypass_measure``
        and the measure's own options.

        Returns:
            ``Reliance(per_actor, network)``: per_actor a ``{name: reliance}`` dict, or with
            ``as_array`` an array in index order.
        """
        out, ptr = _out(len(self), as_array)
        total = c_double()
        self._call("reliance", "lev_reliance", [self, _P, ptr, byref(total)], options)
        return Reliance(self._keyed(out, as_array), total.value)

    def edge_leverage(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Any:
        """Edge leverage (lev_edge_leverage()): for each tie, the L1 distance between everyone's
        scores without it and with it, largest first. Options: ``bypass_measure``,
        ``bypass_limit`` and the measure's own options.

        Returns:
            ``[(source name, target name, leverage), ...]`` largest first; or with ``as_array`` the
            arrays ``(source, target, leverage)``.
        """
        s, t, v = self._sized("edge_leverage", "lev_edge_leverage", [self], [c_uint32, c_uint32, c_double],
                              as_array, options, progress)
        if as_array:
            return _result(s), _result(t), _result(v)
        names = self.actors
        return [(names[a], names[b], float(x)) for a, b, x in zip(s, t, v)]

    @property
    def channels(self: "Network") -> List[str]:
        """The channel labels, in channel index order (lev_channel_count(), lev_channel_name())."""
        self._live()
        return [_dec(lib().lev_channel_name(self, c)) for c in range(lib().lev_channel_count(self))]

    def channel_bypass(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Any:
        """Channel bypass (lev_channel_bypass()): the share of each actor's score M that survives
        when every tie of a channel is removed, and each actor's channel dependence (1 − the
        smallest share). Options: ``bypass_measure``, ``bypass_limit`` and the measure's own.

        Returns:
            ``({actor: {channel: share}}, {actor: dependence})``; or with ``as_array`` an
            actors × channels array (rows in index order) and the dependence array.
        """
        n, names, chans = len(self), self.actors, self.channels
        sh, psh = _out(max(1, n * len(chans)), as_array)
        dep, pdep = _out(n, as_array)
        self._call("channel_bypass", "lev_channel_bypass", [self, _P, psh, pdep], options, progress)
        if as_array:
            return (_rows(sh, n, len(chans)) if chans else [[] for _ in range(n)]), _result(dep)
        k = len(chans)
        return ({names[a]: {chans[c]: float(sh[a * k + c]) for c in range(k)} for a in range(n)},
                {names[a]: float(dep[a]) for a in range(n)})

    # -- asymmetry and hierarchy --

    def centralization(self, kind: str = "degree", *, progress: Progress = None, **options: Any) -> float:
        """Freeman centralization of ``kind`` — "degree", "betweenness" or "closeness" — in [0, 1]
        (lev_centralization(), as R ``sna::centralization``). Options: ``undirected``,
        ``direction``, ``weighted``."""
        try:
            k = _CENTRALIZATION[kind]
        except (KeyError, TypeError):
            raise error("LEV_EUNSUPPORTED", f"unknown centralization kind {kind!r}: expected "
                        f"{', '.join(repr(x) for x in _CENTRALIZATION)}") from None
        out = c_double()
        self._call("centralization", "lev_centralization", [self, k, _P, byref(out)], options, progress)
        return out.value

    def reciprocity(self, **options: Any) -> Reciprocity:
        """``Reciprocity(arc, weighted)`` (lev_reciprocity()): the share of edges returned, and of
        strength matched by strength back."""
        arc, w = c_double(), c_double()
        self._call("reciprocity", "lev_reciprocity", [self, _P, byref(arc), byref(w)], options)
        return Reciprocity(arc.value, w.value)

    def edge_repeats(self, **options: Any) -> EdgeRepeats:
        """``EdgeRepeats(loops, first_loop, repeats, first_repeat)`` (lev_edge_repeats()): does the
        data hold what you think it holds? Self-loops, and edges with an earlier twin."""
        n = [c_size_t() for _ in range(4)]
        self._call("edge_repeats", "lev_edge_repeats", [self, _P] + [byref(x) for x in n], options)
        none = (1 << (8 * sizeof(c_size_t))) - 1
        v = [x.value for x in n]
        return EdgeRepeats(v[0], None if v[1] == none else v[1], v[2], None if v[3] == none else v[3])

    def sort_edges(self, **options: Any) -> None:
        """Number the edges by source, then target (ties in their order of addition), and drop the
        index of the order of addition (lev_edges_sort()): 4 bytes less per edge when they were not
        added in that order, and a compaction that peaks 4 bytes per edge lower. Every analysis
        gives the same results; what changes is every edge number (:meth:`edge`, :meth:`edges`,
        per-edge results, the order of the writers' files). Options: ``threads``.

        Raises:
            OutOfMemory: nothing changed.
        """
        self._call("sort_edges", "lev_edges_sort", [self, _P], options)

    def reciprocity_actors(self, *, as_array: bool = False, **options: Any) -> PerActor:
        """Share of each actor's ties that are returned (lev_reciprocity_actors()); NaN for an
        actor without ties. Options: ``undirected``."""
        return self._per_actor("reciprocity_actors", "lev_reciprocity_actors", as_array, options, None)

    def dyad_census(self, **options: Any) -> Dict[str, int]:
        """``{"mutual": m, "asymmetric": a, "null": n}`` pair counts (lev_dyad_census())."""
        out = (c_uint64 * len(DYAD_TYPES))()
        self._call("dyad_census", "lev_dyad_census", [self, _P, out], options)
        return dict(zip(DYAD_TYPES, out))

    def triad_census(self, *, progress: Progress = None, **options: Any) -> Dict[str, int]:
        """Counts of the 16 triad types keyed by MAN name ("003", "012", … "300", in that order)
        (lev_triad_census()). Option: ``threads``."""
        out = (c_uint64 * len(TRIAD_TYPES))()
        self._call("triad_census", "lev_triad_census", [self, _P, out], options, progress)
        return dict(zip(TRIAD_TYPES, out))

    def asymmetry(self, *, as_array: bool = False, **options: Any) -> Any:
        """The pairs with an edge either way, by asymmetry of influence |w(a→b) − w(b→a)|, largest
        first (lev_asymmetry()); ``a`` is the stronger side. Option: ``weighted``.

        Returns:
            ``[(a name, b name, gap), ...]``, or with ``as_array`` the arrays ``(a, b, gap)`` of
            actor indices (uint32) and gaps.
        """
        a, b, gap = self._sized("asymmetry", "lev_asymmetry", [self], [c_uint32, c_uint32, c_double],
                                as_array, options, None)
        if as_array:
            return _result(a), _result(b), _result(gap)
        names = self.actors
        return [(names[x], names[y], float(g)) for x, y, g in zip(a, b, gap)]

    def krackhardt(self, *, progress: Progress = None, **options: Any) -> Dict[str, float]:
        """Krackhardt's four dimensions of hierarchy (lev_krackhardt()): ``{"connectedness",
        "hierarchy", "efficiency", "lubness"}``."""
        out = (c_double * len(KRACKHARDT_DIMS))()
        self._call("krackhardt", "lev_krackhardt", [self, _P, out], options, progress)
        return dict(zip(KRACKHARDT_DIMS, out))

    def flow_hierarchy(self, **options: Any) -> float:
        """Flow hierarchy (lev_flow_hierarchy(), Luo–Magee): the share of edges on no directed
        cycle. Option: ``weighted`` (strength-weighted share)."""
        out = c_double()
        self._call("flow_hierarchy", "lev_flow_hierarchy", [self, _P, byref(out)], options)
        return out.value

    # -- power-dependence --

    def dependence(self, resource: Optional[Ref] = None, *, as_array: bool = False, progress: Progress = None,
                   **options: Any) -> Any:
        """Who depends on whom for ``resource`` (a name or index; None: all resources, summed),
        largest first (lev_dependence(), Emerson). Option: ``scope`` ("all" or "neighbours"),
        ``threads``.

        Returns:
            ``[(dependent, on, dep, advantage), ...]`` with actor names: ``dependent`` depends on
            ``on`` by ``dep``, and ``advantage`` is ``on``'s power advantage in that dyad; with
            ``as_array`` the four arrays (indices as uint32).
        """
        r = self._resource_or_none(resource)
        d, o, dep, adv = self._sized("dependence", "lev_dependence", [self, r],
                                     [c_uint32, c_uint32, c_double, c_double], as_array, options, progress)
        if as_array:
            return _result(d), _result(o), _result(dep), _result(adv)
        names = self.actors
        return [(names[x], names[y], float(v), float(w)) for x, y, v, w in zip(d, o, dep, adv)]

    def power_advantage(self, resource: Optional[Ref] = None, *, as_array: bool = False,
                        progress: Progress = None, **options: Any) -> PowerAdvantage:
        """Each actor's net power advantage and the imbalance index in [0, 1]
        (lev_power_advantage()); ``resource`` and options as :meth:`dependence`."""
        r = self._resource_or_none(resource)
        out, ptr = _out(len(self), as_array)
        imb = c_double()
        self._call("power_advantage", "lev_power_advantage", [self, r, _P, ptr, byref(imb)], options, progress)
        return PowerAdvantage(self._keyed(out, as_array), imb.value)

    # -- groups --

    @property
    def group_count(self) -> int:
        """Number of distinct group labels ever used (lev_group_count())."""
        return int(self._live().lev_group_count(self))  # type: ignore[attr-defined]

    @property
    def groups(self) -> List[str]:
        """Group labels in group index order (lev_group_name()); a label keeps its index even
        when no actor carries it any more."""
        L = self._live()  # type: ignore[attr-defined]
        return [L.lev_group_name(self, g).decode("utf-8") for g in range(L.lev_group_count(self))]

    def actor_groups(self, *, as_array: bool = False) -> Any:
        """Every actor's group (lev_actor_groups()): ``{actor name: group label or None}``, or with
        ``as_array`` a uint32 array of group indices (``leverage.NONE`` for none)."""
        L = self._live()  # type: ignore[attr-defined]
        out, ptr = _out(len(self), as_array, c_uint32)  # type: ignore[arg-type]
        L.lev_actor_groups(self, ptr)
        if as_array:
            return _result(out)
        groups = self.groups
        return dict(zip(self._keys(), (None if g == LEV_NONE else groups[g] for g in out)))  # type: ignore

    def group_influence(self, *, as_array: bool = False, progress: Progress = None,
                        **options: Any) -> GroupInfluence:
        """Influence between groups (lev_group_influence()).

        Returns:
            ``GroupInfluence(matrix, actor_share, influence_share)``: ``matrix[g][h]`` the summed
            strength from group g to group h as nested lists in :attr:`groups` order (a G × G
            array with ``as_array``); the shares ``{group: share}`` (arrays with ``as_array``).
            Options: ``weighted``, ``undirected``, and PageRank's (``damping``, ``tolerance``…).
        """
        G = self.group_count
        (m, mp), (a, ap), (i, ip) = _out(G * G, as_array), _out(G, as_array), _out(G, as_array)
        self._call("group_influence", "lev_group_influence", [self, _P, mp, ap, ip], options, progress)
        if as_array:
            return GroupInfluence(_rows(m, G, G), _result(a), _result(i))
        names = self.groups
        return GroupInfluence(_rows(m, G, G), dict(zip(names, a)), dict(zip(names, i)))

    def ei_index(self, *, as_array: bool = False, **options: Any) -> EIIndex:
        """Krackhardt–Stern E–I index per group and overall, from −1 (all ties inside) to 1
        (lev_ei_index()). Option: ``weighted``."""
        G = self.group_count
        out, ptr = _out(G, as_array)
        overall = c_double()
        self._call("ei_index", "lev_ei_index", [self, _P, ptr, byref(overall)], options)
        return EIIndex(_result(out) if as_array else dict(zip(self.groups, out)), overall.value)

    def assortativity_groups(self, **options: Any) -> float:
        """Newman's assortativity by group label (lev_assortativity_groups()); NaN when undefined.
        Options: ``undirected``, ``weighted`` (False gives NetworkX's and igraph's value)."""
        r = c_double()
        self._call("assortativity_groups", "lev_assortativity_groups", [self, _P, byref(r)], options)
        return r.value

    def assortativity(self, score: Any, **options: Any) -> float:
        """Assortativity by a numeric score per actor (lev_assortativity()): ``score`` is a mapping
        ``{actor name or index: value}`` covering every actor, or a sequence / array in index order
        (e.g. the result of :meth:`pagerank`). Options: ``undirected``, ``weighted``."""
        keep, ptr = self._actor_vector(score, "score")
        r = c_double()
        self._call("assortativity", "lev_assortativity", [self, ptr, _P, byref(r)], options)
        return r.value

    def rich_club(self, normalized: bool = True, *, as_array: bool = False, progress: Progress = None,
                  **options: Any) -> RichClub:
        """Rich-club coefficient φ(k), k = 0..len−1, on the undirected simple view (lev_rich_club()).

        Args:
            normalized: also compute φ(k) divided by its mean over ``samples`` degree-preserving
                rewirings (seeded: ``seed``); False skips the rewiring (``normalized`` is then None).

        Returns:
            ``RichClub(raw, normalized)``: lists indexed by k, or arrays with ``as_array``.
        """
        raw, norm = self._sized("rich_club", "lev_rich_club", [self], [c_double, c_double if normalized else None],
                                as_array, options, progress)
        conv = _result if as_array else list
        return RichClub(conv(raw), None if norm is None else conv(norm))

    def outsiders(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Outsiders:
        """Outsiders: connected actors receiving less than ``threshold`` of their incoming influence
        from the in-crowd (lev_outsiders()). Options: ``incrowd`` ("group": the label with the most
        PageRank; "core": the innermost k-core), ``threshold``, ``weighted``, ``undirected``, and
        PageRank's for the group in-crowd.

        Returns:
            ``Outsiders(share, flags)``: ``share`` ``{actor name: share}``; ``flags`` ``{actor name:
            "outsider" | "incrowd" | None}``; with ``as_array`` an array and the uint32 codes
            (1 outsider, 2 in-crowd, 0 neither).
        """
        n = len(self)
        (s, sp), (f, fp) = _out(n, as_array), _out(n, as_array, c_uint32)
        self._call("outsiders", "lev_outsiders", [self, _P, sp, fp], options, progress)
        if as_array:
            return Outsiders(_result(s), _result(f))
        return Outsiders(self._keyed(s, False), self._keyed(f, False, lambda v: _OUTSIDER_FLAGS[v]))

    # -- control and key players --

    def drivers(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Any:
        """A minimum set of driver actors for structural control (lev_drivers(), Liu–Slotine–
        Barabási by Hopcroft–Karp matching): the fewest actors whose direct steering lets
        influence along the ties steer everyone. Option: ``undirected``.

        Returns:
            Their names in index order (``len()`` is N_D), or with ``as_array`` a uint32 array.
        """
        (d,) = self._sized("drivers", "lev_drivers", [self], [c_uint32], as_array, options, progress)
        if as_array:
            return _result(d)
        names = self.actors
        return [names[i] for i in d]

    def control_classes(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Any:
        """Each actor's class for control (lev_control_classes(), Jia et al. 2013): "critical" (in
        every minimum driver set), "intermittent" (in some) or "redundant" (in none). Option:
        ``undirected``.

        Returns:
            ``{actor name: class}``, or with ``as_array`` the uint32 codes (1, 2, 3: CONTROL_CLASSES
            in order).
        """
        out, ptr = _out(len(self), as_array, c_uint32)
        self._call("control_classes", "lev_control_classes", [self, _P, ptr], options, progress)
        if as_array:
            return _result(out)
        return self._keyed(out, False, lambda v: CONTROL_CLASSES[v - 1])

    def _kp_options(self, method: str, measure: str, options: Dict[str, Any]) -> Dict[str, Any]:
        try:
            code = KP_MEASURES[measure]
        except (KeyError, TypeError):
            raise error("LEV_EUNSUPPORTED", f"{method}(): unknown measure {measure!r}: expected "
                        f"{', '.join(repr(x) for x in KP_MEASURES)}") from None
        return {**options, "kp_measure": code}

    def keyplayers(self, k: int, measure: str = "reach", *, as_array: bool = False, progress: Progress = None,
                   **options: Any) -> KeyPlayers:
        """The k key players (lev_keyplayers(), Borgatti 2006): greedy start plus swaps. ``measure``:
        "reach" (the share reached within ``kp_distance`` steps), "dreach" (distance-weighted
        reach), "fragment" or "dfragment" (the fragmentation left by removing them). Options:
        ``kp_distance``, ``kp_starts``, ``seed``, ``undirected``, ``threads``.

        Returns:
            ``KeyPlayers(actors, score)``: names in index order (or a uint32 array) and the score.
        """
        if not isinstance(k, int) or isinstance(k, bool) or k < 0:
            raise TypeError(f"keyplayers(): k must be an int >= 0 (got {k!r})")
        opts = self._kp_options("keyplayers", measure, options)
        out, ptr = _out(max(k, 1), as_array, c_uint32)
        score = c_double()
        self._call("keyplayers", "lev_keyplayers", [self, c_size_t(k), _P, ptr, byref(score)], opts, progress)
        if as_array:
            return KeyPlayers(_result(out)[:k], score.value)
        names = self.actors
        return KeyPlayers([names[i] for i in list(out)[:k]], score.value)

    def keyplayer_score(self, actors: Sequence[Ref], measure: str = "reach", **options: Any) -> float:
        """The key-player score of the given actors (names or indices; lev_keyplayer_score()).
        ``measure`` and options as :meth:`keyplayers`."""
        opts = self._kp_options("keyplayer_score", measure, options)
        keep, ptr, count = _indices(actors, "actors", self._actor)
        score = c_double()
        self._call("keyplayer_score", "lev_keyplayer_score", [self, ptr, c_size_t(count), _P, byref(score)], opts)
        return score.value

    # -- opinion dynamics: DeGroot, Friedkin–Johnsen, pressure points --

    def degroot(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> "DeGroot":
        """DeGroot social power and closed classes (lev_degroot()). Options: ``weighted``,
        ``undirected``, ``tolerance``, ``max_iter``, ``threads``.

        Returns:
            ``DeGroot(power, closed_class, period, consensus)``: ``power`` ``{actor: weight in
            its class's consensus}``; ``closed_class`` ``{actor: class number or None}``;
            ``period`` the list of each class's period; ``consensus`` True when there is one
            closed class, of period 1. With ``as_array`` arrays in index order (LEV_NONE for no
            class).
        """
        n = len(self)
        (pw, pp), (c, cp), (per, perp) = _out(n, as_array), _out(n, as_array, c_uint32), _out(n, False, c_uint32)
        k = c_size_t()
        self._call("degroot", "lev_degroot", [self, _P, pp, cp, perp, byref(k)], options, progress)
        periods = [int(per[i]) for i in range(k.value)]
        consensus = k.value == 1 and periods[0] == 1
        if as_array:
            return DeGroot(_result(pw), _result(c), periods, consensus)
        return DeGroot(self._keyed(pw, False), self._keyed(c, False, lambda v: None if v == LEV_NONE else int(v)),
                       periods, consensus)

    def degroot_limit(self, initial: Any, *, as_array: bool = False, progress: Progress = None,
                      **options: Any) -> PerActor:
        """Each actor's final opinion under DeGroot averaging, lim W^t u (lev_degroot_limit());
        ``initial`` is a mapping ``{actor: opinion}`` covering every actor or a sequence in index
        order. Raises NotConverged for a periodic closed class. Options: as :meth:`degroot`."""
        keep, u = self._actor_vector(initial, "initial")
        out, ptr = _out(len(self), as_array)
        self._call("degroot_limit", "lev_degroot_limit", [self, u, _P, ptr], options, progress)
        return self._keyed(out, as_array)

    def friedkin_johnsen(self, initial: Any, susceptibility: Any, *, as_array: bool = False,
                         progress: Progress = None, **options: Any) -> PerActor:
        """Friedkin–Johnsen equilibrium x = ΛWx + (I − Λ)u (lev_friedkin_johnsen()): ``initial``
        and ``susceptibility`` (λ in [0, 1]) are mappings covering every actor or sequences in
        index order. Options: ``weighted``, ``undirected``, ``tolerance``, ``max_iter``,
        ``threads``."""
        k1, u = self._actor_vector(initial, "initial")
        k2, lam = self._actor_vector(susceptibility, "susceptibility")
        out, ptr = _out(len(self), as_array)
        self._call("friedkin_johnsen", "lev_friedkin_johnsen", [self, u, lam, _P, ptr], options, progress)
        return self._keyed(out, as_array)

    def friedkin_johnsen_influence(self, susceptibility: Any, *, as_array: bool = False,
                                   progress: Progress = None, **options: Any) -> PerActor:
        """Each actor's total influence on the Friedkin–Johnsen outcome, the column sums of
        (I − ΛW)⁻¹(I − Λ) (lev_friedkin_johnsen_influence()); they sum to the number of actors.
        Options: as :meth:`friedkin_johnsen`."""
        k, lam = self._actor_vector(susceptibility, "susceptibility")
        out, ptr = _out(len(self), as_array)
        self._call("friedkin_johnsen_influence", "lev_friedkin_johnsen_influence", [self, lam, _P, ptr], options,
                   progress)
        return self._keyed(out, as_array)

    def opinion_pressure(self, initial: Any, susceptibility: Any, target: Optional[Ref] = None, *,
                         as_array: bool = False, progress: Progress = None, **options: Any) -> "Pressure":
        """Pressure points of the Friedkin–Johnsen outcome (lev_opinion_pressure()): the change of
        the target — ``target``'s final opinion, or the mean final opinion when None — per unit
        of each actor's initial opinion and of each tie's strength. Options: as
        :meth:`friedkin_johnsen`.

        Returns:
            ``Pressure(actors, ties)``: ``actors`` ``{actor: ∂T/∂u}``; ``ties`` a list with one
            ∂T/∂w per edge record, in :meth:`edges` order (arrays with ``as_array``).
        """
        k1, u = self._actor_vector(initial, "initial")
        k2, lam = self._actor_vector(susceptibility, "susceptibility")
        t = LEV_NONE if target is None else self._actor(target)
        (a, ap), (e, ep) = _out(len(self), as_array), _out(self.edge_count, as_array)
        self._call("opinion_pressure", "lev_opinion_pressure", [self, u, lam, t, _P, ap, ep], options, progress)
        return Pressure(self._keyed(a, as_array), _result(e) if as_array else list(e))


    # -- campaigns: diffusion and influence maximization --

    def spread(self, seeds: Any, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Spread:
        """Expected spread of a seed set by Monte Carlo (lev_spread()): "if these actors start, how
        many join?". ``seeds``: names or indices, each once. Options: ``model`` ("ic", the
        default, or "lt"), ``probability`` ("wc", the default: 1/in-degree of the target;
        "strength": the edge's strength, which must be in [0, 1]; "constant":
        ``constant_probability``), ``runs`` (10000), ``seed``, ``weighted`` (LT), ``threads``.

        Returns:
            ``Spread(spread, se, ci95, probability)``.
        """
        keep, ptr, count = _indices(seeds, "seeds", self._actor)
        sp, se, ci = c_double(), c_double(), (c_double * 2)()
        out, optr = _out(len(self), as_array)
        self._call("spread", "lev_spread", [self, ptr, count, _P, byref(sp), byref(se), ci, optr], options, progress)
        del keep
        return Spread(sp.value, se.value, (ci[0], ci[1]), self._keyed(out, as_array))

    def seeds(self, k: int, *, required: Any = (), excluded: Any = (), cost: Any = None, group: Optional[Ref] = None,
              as_array: bool = False, progress: Progress = None, **options: Any) -> Seeds:
        """The k seeds that reach the most actors (lev_seeds(), OPIM-C over reverse-reachable
        sets): a (1 − 1/e − ε) approximation with probability 1 − 1/n. ``required`` and
        ``excluded``: actors (names or indices) that must or must not be seeds; ``cost``: a
        per-actor cost (mapping or sequence of n values), read with the ``budget`` option;
        ``group``: a group label (or index) whose actors alone count as reached. Options:
        ``model``, ``probability``, ``constant_probability``, ``weighted`` (as :meth:`spread`),
        ``seeds_epsilon`` (0.1), ``budget``, ``seed``.

        Returns:
            ``Seeds(seeds, gains, spread, ratio, rr_sets, rr_bytes)``.
        """
        if not isinstance(k, int) or isinstance(k, bool) or k < 0:
            raise TypeError(f"seeds(): k must be an int >= 0 (got {k!r})")
        n = len(self)
        rule = None
        if required or excluded:
            rule = (c_uint8 * max(n, 1))()
            for what, val in (("required", 1), ("excluded", 2)):
                for a in (required if what == "required" else excluded):
                    i = self._actor(a)
                    if i >= n:
                        raise error("LEV_EINVAL", f"{what}: no actor {i} (the network has {n})")
                    rule[i] = val
        ckeep, cptr = (None, None) if cost is None else self._actor_vector(cost, "cost")
        if group is not None:
            options["target_group"] = group if isinstance(group, int) else self.groups.index(group) \
                if group in self.groups else _missing_group(group)
        m = max(min(k, n), 1)
        ids, gains = (c_uint32 * m)(), (c_double * m)()
        length, sp, ratio, sets, nbytes = c_size_t(), c_double(), c_double(), c_uint64(), c_uint64()
        self._call("seeds", "lev_seeds", [self, c_size_t(k), rule, cptr, _P, ids, gains, byref(length), byref(sp),
                                          byref(ratio), byref(sets), byref(nbytes)], options, progress)
        del ckeep
        got = length.value
        if as_array:
            chosen: Any = _result(_from_list([ids[i] for i in range(got)], c_uint32))
            g: Any = _result(_from_list([gains[i] for i in range(got)], c_double))
        else:
            names = self.actors
            chosen = [names[ids[i]] for i in range(got)]
            g = [float(gains[i]) for i in range(got)]
        return Seeds(chosen, g, sp.value, ratio.value, sets.value, nbytes.value)

    # -- drawing --

    def layout(self, *, as_array: bool = False, progress: Progress = None, **options: Any) -> Any:
        """A seeded force-directed layout (lev_layout(), Fruchterman & Reingold 1991): where each
        actor goes on a drawing, in [0, 1]². Options: ``layout_iterations`` (300), ``seed``,
        ``threads``. At most LEV_LAYOUT_MAX_ACTORS (10000) actors (else LimitExceeded).

        Returns:
            ``{actor name: (x, y)}``, or with ``as_array`` an actors × 2 array (rows in index order).
        """
        n = len(self)
        xy, ptr = _out(max(1, 2 * n), as_array)
        self._call("layout", "lev_layout", [self, _P, ptr], options, progress)
        if as_array:
            return _rows(xy, n, 2) if n else _rows(xy, 1, 2)[:0]
        names = self.actors
        return {names[i]: (float(xy[2 * i]), float(xy[2 * i + 1])) for i in range(n)}


def _missing_group(group: Any) -> int:
    raise error("LEV_EINVAL", f"seeds: no group {group!r}")


def _from_list(values: List[Any], ctype: Any) -> Any:
    out, _ = _out(len(values), True, ctype)
    for i, v in enumerate(values):
        out[i] = v
    return out


class DeGroot(NamedTuple):
    """lev_degroot(): each actor's social power and closed class (None for none), each class's
    period, and whether a consensus exists (one closed class, of period 1)."""
    power: Any
    closed_class: Any
    period: List[int]
    consensus: bool


class Pressure(NamedTuple):
    """lev_opinion_pressure(): ∂T/∂u per actor and ∂T/∂w per edge record."""
    actors: Any
    ties: Any
