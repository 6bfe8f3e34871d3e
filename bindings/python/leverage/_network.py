"""The Network class: actors, resources, edges, reading and writing, degree, strength and PageRank
(the other analyses are in _analyses.py)."""
from __future__ import annotations

import operator
import os
from ctypes import POINTER, byref, c_char_p, c_double, c_size_t, c_uint32, c_void_p, string_at
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from ._analyses import _Analyses
from ._coalition import _Coalition
from ._interop import _Interop
from ._errors import Error, NotFound
from ._lib import ALLOC_FN, WRITE_FN, error, lib
from ._params import _DIRECTIONS, ParamInfo, _Params, param_info
from ._params import _suggest_keywords
from ._util import Array, _dec, _enc, _doubles, _indices, _numpy, _out, _result, _u32

__all__ = ["Network", "ParamInfo", "param_info"]

#: An actor (or resource) named by its name or by its index.
Ref = Union[str, int]
#: Path of a file or text of a CSV document.
Source = Union[str, bytes, "os.PathLike[str]"]
#: A Python allocator: (ptr or None, osize, nsize) -> new block address or None (lev_alloc_fn).
Allocator = Callable[[Optional[int], int, int], Optional[int]]

# lev_format values (leverage.h; tests/test_header.py checks them).
_FORMATS = {"edges": 1, "actors": 2, "resources": 3}


# The interchange formats (lev_format 4..8): read (graphml, pajek, gml) and written (all five).
_GRAPH_FORMATS = {"graphml": 4, "pajek": 5, "gml": 6, "json": 7, "dot": 8}


def _graph_format(fmt: str) -> int:
    if fmt in _FORMATS:
        return _FORMATS[fmt]
    try:
        return _GRAPH_FORMATS[fmt]
    except (KeyError, TypeError):
        raise error("LEV_EUNSUPPORTED", f"unknown format {fmt!r}: expected one of "
                    f"{', '.join(list(_GRAPH_FORMATS) + list(_FORMATS))}") from None


def _format(kind: str) -> int:
    try:
        return _FORMATS[kind]
    except (KeyError, TypeError):
        raise error("LEV_EUNSUPPORTED",
                    f"unknown kind {kind!r}: expected one of {', '.join(_FORMATS)}") from None


# ---- the network --------------------------------------------------------------------------------

class Network(_Analyses, _Interop, _Coalition):
    """A network: actors, resources and influence edges (``lev_network``).

    The object owns its C handle: :meth:`close` frees it (idempotent), as does leaving a ``with``
    block or garbage collection. Actors and resources are named by ``str`` or by their dense index
    ``0..n-1`` (order of addition); every per-actor result is in that order.

    Args:
        allocator: ``None`` for the C library's malloc, or a callable ``f(ptr, osize, nsize)`` with
            exactly the contract of ``lev_alloc_fn`` (Lua's ``lua_Alloc``): ``nsize == 0`` frees
            ``ptr`` (which may be ``None``) and returns ``None``; otherwise returns the address of a
            block of ``nsize`` bytes holding the first ``min(osize, nsize)`` bytes of ``ptr``, or
            ``None`` on failure, leaving ``ptr`` valid. It is called for every byte the network
            owns, on the calling thread, until the network is closed. A ``ctypes`` function of type
            ``leverage._lib.ALLOC_FN`` is also accepted.

    Raises:
        OutOfMemory: the allocator failed.
    """

    def __init__(self, allocator: Optional[Allocator] = None):
        self._as_parameter_ = c_void_p()  # NULL until made: close() and __del__ are safe from here
        self._alloc: Any = None
        L = lib()
        if allocator is None:
            L.lev_network_new(byref(self._as_parameter_))
            return
        if isinstance(allocator, ALLOC_FN):
            fn = allocator
        else:
            def call(ud: Any, ptr: Optional[int], osize: int, nsize: int) -> Optional[int]:
                return allocator(ptr, osize, nsize)  # type: ignore[misc]
            fn = ALLOC_FN(call)
        self._alloc = fn  # must outlive lev_network_free, which calls it
        L.lev_network_new_with_alloc(byref(self._as_parameter_), fn, None)

    # -- ownership --

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has freed the handle (or when making it failed)."""
        p = self.__dict__.get("_as_parameter_")
        return p is None or not p.value

    def close(self) -> None:
        """Free the network and everything it owns (lev_network_free). Idempotent."""
        p = self.__dict__.get("_as_parameter_")
        if p is not None and p.value:
            lib().lev_network_free(p)
            p.value = None
        self._alloc = None

    def __enter__(self) -> "Network":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def _live(self) -> Any:
        if self.closed:
            raise error("LEV_EMISUSE", "the network is closed")
        return lib()

    def __repr__(self) -> str:
        if self.closed:
            return "<leverage.Network (closed)>"
        return f"<leverage.Network: {len(self)} actors, {self.edge_count} edges>"

    # -- actors --

    def add_actor(self, name: str, group: Optional[str] = None) -> int:
        """Add an actor and return its index (``len(self)`` before the call); lev_actor_add().

        Args:
            name: non-empty, unique among actors.
            group: group label (faction, department...) or ``None``/``""`` for none.

        Raises:
            InvalidArgument: empty name. AlreadyExists: name taken. LimitExceeded, OutOfMemory.
            On failure nothing changes.
        """
        L = self._live()
        idx = c_uint32()
        L.lev_actor_add(self, _enc(name), None if group is None else _enc(group), byref(idx))
        return idx.value

    def actor(self, name: str) -> int:
        """Index of the actor called ``name`` (lev_actor_find()).

        Raises:
            NotFound: no actor by that name (a ``LookupError``).
        """
        L = self._live()
        idx = c_uint32()
        try:
            L.lev_actor_find(self, _enc(name), byref(idx))
        except NotFound:
            raise error("LEV_ENOTFOUND", f"no actor named {name!r}") from None
        return idx.value

    def __contains__(self, name: object) -> bool:
        """Whether an actor is called ``name``."""
        if not isinstance(name, str):
            return False
        try:
            self.actor(name)
        except NotFound:
            return False
        return True

    def _actor(self, a: Ref) -> int:
        node = self._node_actor(a)  # a node of the graph the network came from (from_networkx)
        if node is not None:
            return node
        return self.actor(a) if isinstance(a, str) else _u32(a, "actor")

    def __len__(self) -> int:
        """Number of actors (lev_actor_count()); their indices are 0..len−1."""
        return int(self._live().lev_actor_count(self))

    @property
    def actors(self) -> List[str]:
        """Names of all actors, in index order (lev_actor_name())."""
        L = self._live()
        return [L.lev_actor_name(self, i).decode("utf-8") for i in range(L.lev_actor_count(self))]

    def group(self, actor: Ref) -> Optional[str]:
        """Group label of an actor, or ``None`` when it has none (lev_actor_group()).

        Raises:
            NotFound: no actor by that name. InvalidArgument: no actor at that index.
        """
        L = self._live()
        i = self._actor(actor)
        # lev_actor_group gives NULL both for "no group" and "no such actor"; lev_actor_name tells.
        if L.lev_actor_name(self, i) is None:
            raise error("LEV_EINVAL", f"no actor {i} (the network has {len(self)})")
        return _dec(L.lev_actor_group(self, i))

    def set_group(self, actor: Ref, group: Optional[str]) -> None:
        """Set, or with ``None``/``""`` clear, the group label of an actor (lev_actor_set_group())."""
        L = self._live()
        L.lev_actor_set_group(self, self._actor(actor), None if group is None else _enc(group))

    # -- resources --

    def add_resource(self, name: str) -> int:
        """Add a resource (money, votes...) and return its index; every actor holds and needs 0 of
        it (lev_resource_add()).

        Raises:
            InvalidArgument: empty name. AlreadyExists. LimitExceeded. OutOfMemory.
        """
        L = self._live()
        idx = c_uint32()
        L.lev_resource_add(self, _enc(name), byref(idx))
        return idx.value

    def resource(self, name: str) -> int:
        """Index of the resource called ``name`` (lev_resource_find()).

        Raises:
            NotFound: no resource by that name.
        """
        L = self._live()
        idx = c_uint32()
        try:
            L.lev_resource_find(self, _enc(name), byref(idx))
        except NotFound:
            raise error("LEV_ENOTFOUND", f"no resource named {name!r}") from None
        return idx.value

    def _resource(self, r: Ref) -> int:
        return self.resource(r) if isinstance(r, str) else _u32(r, "resource")

    @property
    def resources(self) -> List[str]:
        """Names of all resources, in index order (lev_resource_name())."""
        L = self._live()
        return [L.lev_resource_name(self, r).decode("utf-8") for r in range(L.lev_resource_count(self))]

    def set_resource(self, actor: Ref, resource: Ref, holds: float, needs: float) -> None:
        """Set how much of ``resource`` ``actor`` holds and needs, both finite and ≥ 0, in the
        resource's own unit (lev_actor_set_resource()).

        Raises:
            InvalidArgument: bad index, negative or non-finite amount. NotFound: unknown name.
        """
        L = self._live()
        L.lev_actor_set_resource(self, self._actor(actor), self._resource(resource), holds, needs)

    def get_resource(self, actor: Ref, resource: Ref) -> Tuple[float, float]:
        """``(holds, needs)`` of ``resource`` for ``actor``; (0, 0) unless set (lev_actor_get_resource())."""
        L = self._live()
        h, n = c_double(), c_double()
        i, r = self._actor(actor), self._resource(resource)
        L.lev_actor_get_resource(self, i, r, byref(h), byref(n))
        return h.value, n.value

    def resource_amounts(self, resource: Ref, as_array: bool = False
                         ) -> Union[Dict[str, Tuple[float, float]], Tuple[Array, Array]]:
        """Every actor's holdings and needs of ``resource`` (lev_resource_amounts()).

        Returns:
            ``{actor name: (holds, needs)}``; with ``as_array=True`` the pair ``(holds, needs)`` of
            NumPy arrays (written in place by the library) or lists without NumPy.
        """
        L = self._live()
        r = self._resource(resource)
        n = len(self)
        (h, hp), (nd, np_) = _out(n, as_array), _out(n, as_array)
        L.lev_resource_amounts(self, r, hp, np_)
        if as_array:
            return _result(h), _result(nd)
        return dict(zip(self._keys(), zip(h, nd)))

    # -- edges --

    def add_edge(self, source: Ref, target: Ref, strength: float = 1.0,
                 channel: Optional[str] = None) -> int:
        """Add an influence edge ``source → target`` and return its index.

        With two names, actors that do not exist yet are added (without a group), source first,
        all or nothing (lev_edge_add_by_name()). Otherwise each end is an index or the name of an
        existing actor (lev_edge_add()). Self-loops and parallel edges are kept as given.

        Args:
            strength: how much influence flows: finite and > 0 (larger = more influence).
                Algorithms read it rounded to single precision; :meth:`edges` returns it exactly.
            channel: kind of leverage (kinship, money, office...) or ``None``/``""`` for none.

        Raises:
            InvalidArgument: unknown actor index, strength not finite and > 0.
            NotFound: a name that is not an actor (when the other end is an index).
            LimitExceeded, OutOfMemory. On failure nothing changes.
        """
        L = self._live()
        idx = c_size_t()
        ch = None if channel is None else _enc(channel)
        if isinstance(source, str) and isinstance(target, str):
            L.lev_edge_add_by_name(self, _enc(source), _enc(target), strength, ch, byref(idx))
        else:
            L.lev_edge_add(self, self._actor(source), self._actor(target), strength, ch, byref(idx))
        return idx.value

    def add_edges(self, sources: Any, targets: Any, strengths: Any = None,
                  channel: Optional[str] = None) -> int:
        """Add many influence edges at once, ``sources[i] → targets[i]``, and return the index of
        the first (the others follow in order) (lev_edges_add()).

        All or nothing, one validation pass and one reservation: the fast way to load edges that
        are already in arrays. ``sources`` and ``targets`` are NumPy integer arrays (uint32 ones
        are passed without a copy) or sequences of actor indices or names of existing actors.

        Args:
            strengths: a sequence or NumPy array of strengths (each as for :meth:`add_edge`), or
                ``None`` for strength 1 on every edge.
            channel: one channel label for all of them, or ``None``/``""`` for none.

        Raises:
            InvalidArgument: lengths differ, an unknown actor index (the message gives the
                position), a bad strength.
            NotFound: a name that is not an actor.
            LimitExceeded, OutOfMemory. On failure nothing changes.
        """
        L = self._live()
        s_keep, s_ptr, n = _indices(sources, "sources", self._actor)
        t_keep, t_ptr, nt = _indices(targets, "targets", self._actor)
        w_keep, w_ptr = None, None
        nw = n
        if strengths is not None:
            w_keep, w_ptr, nw = _doubles(strengths, None, "strengths")
        if nt != n or nw != n:
            raise error("LEV_EINVAL", f"sources, targets and strengths have {n}, {nt} and {nw} entries "
                        "(they must be the same length)")
        first = c_size_t()
        ch = None if channel is None else _enc(channel)
        L.lev_edges_add(self, n, s_ptr, t_ptr, w_ptr, ch, byref(first))
        del s_keep, t_keep, w_keep
        return first.value

    @property
    def edge_count(self) -> int:
        """Number of influence edges (lev_edge_count()); their indices are 0..count−1."""
        return int(self._live().lev_edge_count(self))

    @property
    def nbytes(self) -> int:
        """Bytes the network holds now (lev_network_bytes()): names, edges, caches."""
        return int(self._live().lev_network_bytes(self))

    def edge(self, i: int) -> Tuple[str, str, float, Optional[str]]:
        """Edge ``i`` as ``(source name, target name, strength, channel or None)`` (lev_edge_get()).

        Raises:
            InvalidArgument: ``i`` out of range.
        """
        L = self._live()
        s, t, w, ch = c_uint32(), c_uint32(), c_double(), c_char_p()
        i = operator.index(i)
        if not 0 <= i < 2**64:
            raise error("LEV_EINVAL", f"edge index {i} is out of range")
        try:
            L.lev_edge_get(self, i, byref(s), byref(t), byref(w), byref(ch))
        except Error as e:
            if e.name != "LEV_EINVAL":
                raise
            raise error("LEV_EINVAL", f"no edge {i} (the network has {self.edge_count})") from None
        return (L.lev_actor_name(self, s.value).decode("utf-8"),
                L.lev_actor_name(self, t.value).decode("utf-8"), w.value, _dec(ch.value))

    def edge_arrays(self, first: int = 0, count: Optional[int] = None, *, as_array: bool = False) -> Any:
        """Edges ``first`` .. ``first + count − 1`` (default: from ``first`` to the last) in one
        call (lev_edges_get()), as ``EdgeArrays(sources, targets, strengths, channels)``: actor
        indices (names: :attr:`actors`), strengths exactly as added, channel indices (labels:
        :attr:`channels`; ``leverage.NONE`` for none). Lists, or NumPy arrays (uint32, float64)
        with ``as_array=True``: the fast way out for a large network, where :meth:`edges` makes
        a tuple per edge.

        Raises:
            InvalidArgument: the range goes past the last edge. OutOfMemory.
        """
        from ._analyses import EdgeArrays
        L = self._live()
        m = self.edge_count
        first = operator.index(first)
        count = m - first if count is None else operator.index(count)
        if first < 0 or count < 0 or first + count > m:
            raise error("LEV_EINVAL", f"no edges {first} to {first} + {count} (the network has {m})")
        (s, sp), (t, tp) = _out(count, as_array, c_uint32), _out(count, as_array, c_uint32)
        (w, wp), (c, cp) = _out(count, as_array), _out(count, as_array, c_uint32)
        L.lev_edges_get(self, first, count, sp, tp, wp, cp)
        if as_array:
            return EdgeArrays(_result(s), _result(t), _result(w), _result(c))
        return EdgeArrays(list(s), list(t), list(w), list(c))

    def edges(self) -> Iterator[Tuple[str, str, float, Optional[str]]]:
        """Iterate over the edges in index order as ``(source, target, strength, channel)``;
        strengths exactly as added, channel ``None`` when the edge has none."""
        self._live()
        i = 0
        while i < self.edge_count:  # the generator holds a reference to the network
            yield self.edge(i)
            i += 1

    # -- reading and writing --

    def read_csv(self, source: Source, kind: str = "edges") -> None:
        """Read CSV into the network, adding to what it holds (lev_read_file() / lev_read_buffer()).

        Args:
            source: a path (``str`` or ``os.PathLike``), or the CSV text itself: ``bytes``, or a
                ``str`` that contains a newline.
            kind: ``"edges"`` (header ``source,target,weight[,channel]``; actors are created on
                first appearance, source before target), ``"actors"`` (``name[,group]``) or
                ``"resources"`` (``actor,resource,holds,needs``; actors must exist).

        All or nothing: on any error the network is as before, and the message reads
        ``FILE:LINE:COLUMN: reason``.

        Raises:
            FileNotFound (a ``FileNotFoundError`` and a ``NotFound``): no such file.
            InputOutputError: the file cannot be read. ParseError: malformed text. InvalidArgument:
            a bad value. AlreadyExists: a duplicate. Unsupported: unknown kind. LimitExceeded,
            OutOfMemory.
        """
        if isinstance(source, (bytes, bytearray)) or (isinstance(source, str) and "\n" in source):
            self.read_buffer(source, kind)
            return
        L = self._live()
        try:
            L.lev_read_file(self, _format(kind), os.fsencode(source), None)
        except NotFound as e:
            if os.path.exists(source):
                raise
            raise _file_not_found(e, source) from None

    def read_buffer(self, data: Union[str, bytes], kind: str = "edges", name: Optional[str] = None) -> None:
        """As :meth:`read_csv`, from CSV text in memory (lev_read_buffer()); ``name`` stands for
        the file name in messages (default ``"<buffer>"``)."""
        L = self._live()
        b = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        L.lev_read_buffer(self, _format(kind), b, len(b), None if name is None else _enc(name), None)

    def to_csv(self, kind: str = "edges") -> str:
        """The network as CSV text (lev_write()): edges with their channels in index order
        (strengths to 17 significant digits, so they round-trip exactly), actors with their
        groups, or one row per actor and resource where holds or needs is not 0."""
        L = self._live()
        chunks: List[bytes] = []

        def sink(ud: Any, data: int, n: int) -> int:
            chunks.append(string_at(data, n))
            return 0

        L.lev_write(self, _format(kind), WRITE_FN(sink), None)
        return b"".join(chunks).decode("utf-8")

    def write_csv(self, path: Union[str, "os.PathLike[str]"], kind: str = "edges") -> None:
        """As :meth:`to_csv`, to the file ``path``, created or truncated (lev_write_file()).

        Raises:
            InputOutputError: the file cannot be opened or written.
        """
        L = self._live()
        L.lev_write_file(self, _format(kind), os.fsencode(path))

    def read_graph(self, source: Source, format: str) -> None:
        """Read a GraphML, Pajek or GML network (a path, or the text as ``bytes`` or a ``str`` with a
        newline), adding to what the network holds; gzipped input is recognized by its bytes
        (lev_read_file() / lev_read_buffer() with ``LEV_FORMAT_GRAPHML``, ``_PAJEK``, ``_GML``).

        Args:
            format: ``"graphml"``, ``"pajek"`` or ``"gml"`` (``"edges"``, ``"actors"``,
                ``"resources"`` are the CSV kinds of :meth:`read_csv`).

        All or nothing, with ``FILE:LINE:COLUMN: reason`` messages, as :meth:`read_csv`.

        Raises:
            Unsupported: a write-only format (``"json"``, ``"dot"``), GraphML in a build without
            expat, gzip without zlib. The rest as :meth:`read_csv`.
        """
        L = self._live()
        f = _graph_format(format)
        if isinstance(source, (bytes, bytearray)) or (isinstance(source, str) and "\n" in source):
            b = source.encode("utf-8") if isinstance(source, str) else bytes(source)
            L.lev_read_buffer(self, f, b, len(b), None, None)
            return
        try:
            L.lev_read_file(self, f, os.fsencode(source), None)
        except NotFound as e:
            if os.path.exists(source):
                raise
            raise _file_not_found(e, source) from None

    def _scores(self, scores: Optional[Mapping[str, Sequence[float]]]) -> Tuple[int, Any, Any]:
        if not scores:
            return 0, None, None
        n = len(self)
        names = (c_char_p * len(scores))(*[_enc(k) for k in scores])
        flat: List[float] = []
        for k, v in scores.items():
            vals = [float(x) for x in v]
            if len(vals) != n:
                raise error("LEV_EINVAL", f"score {k!r} has {len(vals)} values for {n} actors")
            flat.extend(vals)
        return len(scores), names, (c_double * max(len(flat), 1))(*flat)

    def to_text(self, format: str, scores: Optional[Mapping[str, Sequence[float]]] = None) -> str:
        """The network as text in ``format`` (lev_write_scores()): ``"graphml"``, ``"pajek"``,
        ``"gml"``, ``"json"`` (NetworkX's node-link shape, which d3 reads) or ``"dot"``, or a CSV
        kind. ``scores`` maps a name to one value per actor (in actor order): each becomes an actor
        attribute (GraphML, GML, JSON) or sizes the actors (DOT: the first one).

        Raises:
            Unsupported: scores for CSV or Pajek. InvalidArgument: a bad score name, a score of the
            wrong length, or a name the format cannot carry.
        """
        L = self._live()
        ns, names, vals = self._scores(scores)
        chunks: List[bytes] = []

        def sink(ud: Any, data: int, n: int) -> int:
            chunks.append(string_at(data, n))
            return 0

        L.lev_write_scores(self, _graph_format(format), ns, names, vals, WRITE_FN(sink), None)
        return b"".join(chunks).decode("utf-8")

    def write_file(self, path: Union[str, "os.PathLike[str]"], format: str,
                   scores: Optional[Mapping[str, Sequence[float]]] = None) -> None:
        """As :meth:`to_text`, to the file ``path``, created or truncated (lev_write_scores_file())."""
        L = self._live()
        ns, names, vals = self._scores(scores)
        L.lev_write_scores_file(self, _graph_format(format), ns, names, vals, os.fsencode(path))

    @classmethod
    def from_csv(cls, edges: Optional[Source] = None, actors: Optional[Source] = None,
                 resources: Optional[Source] = None) -> "Network":
        """A new network read from CSV files or text (see :meth:`read_csv`): ``actors`` first (so
        actor indices follow that file), then ``edges``, then ``resources``."""
        net = cls()
        try:
            for src, kind in ((actors, "actors"), (edges, "edges"), (resources, "resources")):
                if src is not None:
                    net.read_csv(src, kind)
        except BaseException:
            net.close()
            raise
        return net

    @classmethod
    def from_edges(cls, edges: Iterable[Sequence[Any]]) -> "Network":
        """A new network from ``(source, target[, strength[, channel]])`` tuples, added with
        :meth:`add_edge` (names create actors in order of appearance)."""
        net = cls()
        try:
            for e in edges:
                net.add_edge(*e)
        except BaseException:
            net.close()
            raise
        return net

    @classmethod
    def from_networkx(cls, graph: Any, weight: str = "weight", channel: str = "channel",
                      group: str = "group") -> "Network":
        """A new network from a NetworkX graph: nodes (named ``str(node)``) in ``graph.nodes``
        order with their ``group`` attribute, then every edge (parallel ones of a multigraph too)
        with strength from its ``weight`` attribute (default 1) and its ``channel`` attribute.

        Results stay keyed by the graph's own node objects (karate's ``0``, not ``"0"``), and
        methods that take an actor take a node too (a node before an index: on a graph whose
        nodes are ints, ``1`` is the node 1). :meth:`to_networkx` writes scores back.

        An undirected graph gives one edge ``u → v`` per edge: pass ``undirected=True`` to the
        algorithms to read each as a tie both ways. NetworkX is not imported by this method.
        """
        net = cls()
        try:
            nodes = []
            for node, data in graph.nodes(data=True):
                net.add_actor(str(node), data.get(group))
                nodes.append(node)
            net._set_nodes(nodes)
            for u, v, data in graph.edges(data=True):
                net.add_edge(net.actor(str(u)), net.actor(str(v)), data.get(weight, 1.0), data.get(channel))
        except BaseException:
            net.close()
            raise
        return net

    # -- centrality --

    def _run(self, fname: str, as_array: bool, pre: Tuple[Any, ...] = (),
             progress: Optional[Callable[[float], Any]] = None,
             **options: Any) -> Union[Dict[str, float], Array]:
        """Call ``fname(net, *pre, params, out)`` with fresh params holding ``options`` (None: the
        library's default) and a caller-owned output of len(self) doubles."""
        L = self._live()
        n = len(self)
        out, ptr = _out(n, as_array)
        with _Params(progress, **options) as p:
            p.call(getattr(L, fname), self, *pre, p, ptr)
        if as_array:
            return _result(out)
        return dict(zip(self._keys(), out))

    @_suggest_keywords
    def degree(self, direction: str = "all", undirected: bool = False,
               as_array: bool = False) -> Union[Dict[str, float], Array]:
        """Degree of every actor: the number of edges at it (lev_degree()).

        Parallel edges count one each; a self-loop counts once as out and once as in. With
        ``undirected`` each edge counts at both ends, so the direction does not matter.

        Args:
            direction: ``"all"`` (default), ``"in"`` (edges to the actor) or ``"out"``.
            undirected: treat each edge a → b as a tie both ways.
            as_array: return an array in index order (see :meth:`pagerank`) instead of a dict.

        Returns:
            ``{actor name: degree}``, or an array with ``as_array=True``.
        """
        return self._run("lev_degree", as_array, direction=_direction(direction), undirected=undirected)

    @_suggest_keywords
    def strength(self, direction: str = "all", undirected: bool = False, weighted: bool = True,
                 as_array: bool = False) -> Union[Dict[str, float], Array]:
        """Strength of every actor: the sum of the strengths of the edges at it (lev_strength()).

        Counts edges as :meth:`degree` does, each weighted by its strength (by 1 with
        ``weighted=False``). Arguments as :meth:`degree`.
        """
        return self._run("lev_strength", as_array, direction=_direction(direction), undirected=undirected,
                         weighted=weighted)

    @_suggest_keywords
    def pagerank(self, personalization: Union[None, Mapping[Ref, float], Sequence[float], Any] = None,
                 damping: Optional[float] = None, tolerance: Optional[float] = None,
                 max_iter: Optional[int] = None, undirected: bool = False, weighted: bool = True,
                 threads: Optional[int] = None, progress: Optional[Callable[[float], Any]] = None,
                 as_array: bool = False, direction: Optional[str] = None,
                 dangling: Union[None, Mapping[Ref, float], Sequence[float], Any] = None
                 ) -> Union[Dict[str, float], Array]:
        """PageRank of every actor, weighted by strength, with optional personalization (lev_pagerank(),
        or lev_pagerank_dangling() when ``dangling`` is given).

        By default it answers "who receives influence?": the stationary distribution of a walk
        that, from actor u, follows an edge u → v with probability d·w(u,v)/s(u) (s =
        out-strength; parallel edges add up) and otherwise jumps to actor v with probability
        personalization[v]/Σ personalization (NetworkX's ``pagerank(G)``). With
        ``direction="out"`` it answers "who exerts influence?": the same walk on the reversed
        network (NetworkX's ``pagerank(G.reverse())``). An actor the walk cannot leave jumps by
        the ``dangling`` vector, or by the personalization vector when it is ``None``. Power
        iteration stops when the L1 distance between two iterates is below ``tolerance``. Scores
        are ≥ 0 and sum to 1.

        Args:
            personalization: ``None`` for uniform; a mapping ``{actor name or index: weight}``
                (others 0); or a sequence / NumPy array of ``len(self)`` weights in index order.
                Weights finite and ≥ 0 with a positive sum.
            direction: ``"all"`` or ``"in"`` (the library default: influence received) or
                ``"out"`` (influence exerted). Ignored with ``undirected=True``.
            dangling: where the mass of dangling actors goes, in the same forms as
                ``personalization``; ``None`` uses the personalization vector.
            damping: probability of following an edge, in [0, 1] (library default 0.85).
            tolerance: L1 convergence threshold, in [0, 1] (default 1e-10).
            max_iter: iteration limit, past which NotConverged is raised (default 1000).
            undirected: treat each edge a → b as a tie both ways.
            weighted: ``False`` counts every edge as 1.
            threads: worker threads, 0 = as many as OpenMP offers (default); results do not
                depend on it.
            progress: ``progress(fraction_done)``, called once per iteration on the calling
                thread; a truthy return cancels the call (Cancelled). An exception it raises
                cancels the call and is re-raised.
            as_array: return a NumPy float64 array in index order, written in place by the
                library (no copy), or a list when NumPy is not installed.

        Returns:
            ``{actor name: score}``, or an array with ``as_array=True``.

        Raises:
            InvalidArgument: bad personalization or option value. NotConverged. Cancelled.
            OutOfMemory.
        """
        pers = None if personalization is None else self._personalization(personalization)
        opts = dict(damping=damping, tolerance=tolerance, max_iter=max_iter, undirected=undirected,
                    weighted=weighted, threads=threads, direction=direction)
        if dangling is None:
            return self._run("lev_pagerank", as_array, (None if pers is None else pers[1],), progress, **opts)
        dang = self._personalization(dangling, "dangling")
        return self._run("lev_pagerank_dangling", as_array, (None if pers is None else pers[1], dang[1]), progress,
                         **opts)

    def _personalization(self, x: Any, what: str = "personalization") -> Tuple[Any, Any]:
        n = len(self)
        if isinstance(x, Mapping):
            buf = (c_double * n)()
            for a, w in x.items():
                i = self._actor(a)
                if i >= n:
                    raise error("LEV_EINVAL", f"{what}: no actor {i} (the network has {n})")
                buf[i] = w
            return buf, buf
        np = _numpy()
        if np is not None and isinstance(x, np.ndarray):
            arr = np.ascontiguousarray(x, dtype=np.float64)
            if arr.shape != (n,):
                raise error("LEV_EINVAL",
                            f"{what} has shape {arr.shape}; the network has {n} actors")
            return arr, arr.ctypes.data_as(POINTER(c_double))
        seq = list(x)
        if len(seq) != n:
            raise error("LEV_EINVAL", f"{what} has {len(seq)} entries; the network has {n} actors")
        buf = (c_double * n)(*seq)
        return buf, buf


def _file_not_found(e: Error, path: Source) -> Error:
    """The library's NotFound for a missing file, as a FileNotFound (a FileNotFoundError)."""
    import errno

    from ._errors import FileNotFound
    exc = FileNotFound(e.message)
    exc.code, exc.name, exc.message = e.code, e.name, e.message
    exc.errno = errno.ENOENT
    exc.strerror = os.strerror(errno.ENOENT)
    exc.filename = os.fspath(path)
    return exc


def _direction(d: str) -> int:
    try:
        return _DIRECTIONS[d]
    except (KeyError, TypeError):
        raise error("LEV_EINVAL", f"direction must be 'all', 'in' or 'out' (got {d!r})") from None
