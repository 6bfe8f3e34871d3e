"""Network's bridges to NetworkX and pandas: results keyed by the graph's own nodes, scores written
back as node attributes, and a DataFrame of many measures in one call. Neither NetworkX nor pandas
is imported until a method here needs it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Hashable, List, Mapping, Optional, Sequence, Tuple, Union

from ._lib import LEV_NONE as NONE

if TYPE_CHECKING:  # pragma: no cover
    from ._network import Network

#: The measures :meth:`_Interop.to_dataframe` computes when none are named: one per family of
#: per-actor scores (who exerts influence, who brokers, who is near, who is embedded).
DEFAULT_MEASURES = ("degree", "strength", "pagerank", "betweenness", "closeness", "constraint", "coreness")


class _Interop:
    """Mixin of Network: from_networkx's node objects, to_networkx, to_dataframe."""

    # -- the graph's own node objects --

    def _set_nodes(self: "Network", nodes: Sequence[Hashable]) -> None:
        """Remember the node objects of actors 0..len(nodes)−1 (from_networkx)."""
        self._nx_nodes: Optional[List[Hashable]] = list(nodes)
        self._nx_index: Dict[Hashable, int] = {node: i for i, node in enumerate(self._nx_nodes)}

    def _keys(self: "Network") -> List[Any]:
        """The keys of a per-actor result, in index order: the graph's node objects for a network
        from :meth:`from_networkx` (actors added later by their names), else the actors' names."""
        names = self.actors
        nodes = getattr(self, "_nx_nodes", None)
        if not nodes:
            return names
        return nodes[:len(names)] + names[len(nodes):]

    def _node_actor(self: "Network", a: Any) -> Optional[int]:
        """The index of the actor made from node ``a`` by from_networkx, or None."""
        index = getattr(self, "_nx_index", None)
        if not index:
            return None
        try:
            return index.get(a)
        except TypeError:  # unhashable: not a node
            return None

    # -- NetworkX --

    def to_networkx(self: "Network", graph: Any = None, **scores: Any) -> Any:
        """Write scores back as node attributes of a NetworkX graph, and return the graph.

        Args:
            graph: the graph to write into (the one given to :meth:`from_networkx`, say); ``None``
                makes a ``networkx.MultiDiGraph`` of this network: every actor (keyed as results
                are) with its ``group``, every edge with its ``weight`` (strength) and ``channel``.
            **scores: ``name=result``, each a per-actor result as an analysis returns it (a dict
                keyed as :meth:`actors`, or by node for a network from :meth:`from_networkx`), or a
                sequence / array in index order. Written as ``graph.nodes[node][name]``.

        Example: ``net.to_networkx(G, pagerank=net.pagerank(), betweenness=net.betweenness())``.
        """
        import networkx as nx

        keys = self._keys()
        if graph is None:
            graph = nx.MultiDiGraph()
            for i, key in enumerate(keys):
                g = self.group(i)
                if g is None:
                    graph.add_node(key)
                else:
                    graph.add_node(key, group=g)
            labels = self.channels
            e = self.edge_arrays()  # one call for all edges (lev_edges_get)
            for s, t, w, c in zip(e.sources, e.targets, e.strengths, e.channels):
                if c == NONE:
                    graph.add_edge(keys[s], keys[t], weight=w)
                else:
                    graph.add_edge(keys[s], keys[t], weight=w, channel=labels[c])
        for name, values in scores.items():
            if isinstance(values, Mapping):
                attrs = dict(values)
            else:
                values = list(values)
                if len(values) != len(keys):
                    raise ValueError(f"to_networkx: {name} has {len(values)} values for {len(keys)} actors")
                attrs = dict(zip(keys, (float(v) for v in values)))
            nx.set_node_attributes(graph, attrs, name)
        return graph

    # -- pandas --

    def to_dataframe(self: "Network", *measures: Union[str, Tuple[str, Mapping[str, Any]]],
                     **options: Any) -> Any:
        """A ``pandas.DataFrame`` of many per-actor measures in one call: one row per actor (the
        index is the actors' keys, as results are), one column per measure.

        Args:
            *measures: names of per-actor methods (``"pagerank"``, ``"betweenness"``,
                ``"closeness"``...), or ``(column, {"measure": name, option: value...})`` pairs
                for one with its own options; none gives :data:`DEFAULT_MEASURES`.
            **options: options for every measure (``undirected=True``, ``weighted=False``,
                ``threads=4``...): given to each measure that takes keyword options, and to the
                others (``degree``, ``strength``, ``pagerank``) only if their signature names it.

        Raises:
            ImportError: pandas is not installed.
        """
        import inspect

        import pandas as pd

        columns: Dict[str, Any] = {}
        for m in measures or DEFAULT_MEASURES:
            if isinstance(m, str):
                column, name, own = m, m, {}
            else:
                column, spec = m
                own = dict(spec)
                name = own.pop("measure", column)
            method = getattr(self, name, None)
            if method is None or name.startswith("_"):
                raise ValueError(f"to_dataframe: no per-actor measure {name!r}")
            params = inspect.signature(method).parameters
            takes_any = any(p.kind is p.VAR_KEYWORD for p in params.values())
            kw = {k: v for k, v in options.items()
                  if k in params or (takes_any and _is_option(k))}
            kw.update(own)
            values = method(as_array=False, **kw)
            if not isinstance(values, Mapping):
                raise ValueError(f"to_dataframe: {name} is not a per-actor measure")
            columns[column] = values
        keys = self._keys()
        return pd.DataFrame({c: [v[k] for k in keys] for c, v in columns.items()},
                            index=pd.Index(keys, name="actor"))


def _is_option(name: str) -> bool:
    from ._errors import NotFound
    from ._params import param_info
    try:
        param_info(name)
    except NotFound:
        return False
    return True
