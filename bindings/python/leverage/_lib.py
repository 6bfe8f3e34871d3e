"""Loader and prototype table of the shared library (libleverage's one header, include/leverage.h).

Everything that touches ctypes' view of the C ABI is here: the callback types, ``_PROTOS`` (one
row per ``LEV_API`` function, checked against the header by tests/test_header.py), the loader with
its version check, and the error check that turns a status other than LEV_OK into an exception.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import sys
import threading
import warnings
from ctypes import CFUNCTYPE, POINTER, c_char_p, c_double, c_int, c_int64, c_size_t, c_uint32, c_uint64, c_void_p
from ctypes import c_uint8
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from ._errors import Error, LibraryError, make_error

#: The major and minor of leverage.h this package was written for.
ABI_MAJOR = 0
ABI_MINOR = 1

#: LEV_NONE: the index value that names no actor, resource or edge.
LEV_NONE = 0xFFFFFFFF

# ---- callback types (typedefs of leverage.h) ------------------------------------------------------
#: lev_alloc_fn: void *(*)(void *ud, void *ptr, size_t osize, size_t nsize)
ALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t, c_size_t)
#: lev_progress_fn: int (*)(void *ud, double done)
PROGRESS_FN = CFUNCTYPE(c_int, c_void_p, c_double)
#: lev_write_fn: int (*)(void *ud, const char *data, size_t len); data as c_void_p (it is not
#: NUL-terminated), read with ctypes.string_at.
WRITE_FN = CFUNCTYPE(c_int, c_void_p, c_void_p, c_size_t)

# ---- where a failed call leaves its message ---------------------------------------------------------
# The fourth column of _PROTOS: False for a call that returns no status; otherwise a truthy marker
# saying where the message of a failure is.
_NET = ("net", 0)        # on the network in argument 0: lev_errcode/lev_errmsg
_CODE = ("code", -1)     # the call records nothing: lev_strerror(code)


def _P(i: int) -> Tuple[str, int]:
    """On the lev_params in argument i (lev_params_errcode/lev_params_errmsg); when that argument
    is NULL, on the network in argument 0 if the function takes one (analyses), else nowhere."""
    return ("params", i)


_u32p = POINTER(c_uint32)
_u64p = POINTER(c_uint64)
_dblp = POINTER(c_double)
_szp = POINTER(c_size_t)
_vpp = POINTER(c_void_p)
# the most common analysis: f(const lev_network *, lev_params *, double *out)
_NPO = [c_void_p, c_void_p, _dblp]

#: One row per LEV_API function of leverage.h: (name, argtypes, restype, checks status?).
#: Opaque handles are c_void_p and their out-parameters POINTER(c_void_p); enums are c_int.
_PROTOS: List[Tuple[str, List[Any], Any, Union[bool, Tuple[str, int]]]] = [
    # core
    ("lev_version", [], c_uint32, False),
    ("lev_version_string", [], c_char_p, False),
    ("lev_strerror", [c_int], c_char_p, False),
    ("lev_status_name", [c_int], c_char_p, False),
    ("lev_network_new", [_vpp], c_int, _CODE),
    ("lev_network_new_with_alloc", [_vpp, ALLOC_FN, c_void_p], c_int, _CODE),
    ("lev_network_free", [c_void_p], None, False),
    ("lev_errcode", [c_void_p], c_int, False),
    ("lev_errmsg", [c_void_p], c_char_p, False),
    # model
    ("lev_actor_add", [c_void_p, c_char_p, c_char_p, _u32p], c_int, _NET),
    ("lev_actor_find", [c_void_p, c_char_p, _u32p], c_int, _CODE),
    ("lev_actor_count", [c_void_p], c_size_t, False),
    ("lev_actor_name", [c_void_p, c_uint32], c_char_p, False),
    ("lev_actor_group", [c_void_p, c_uint32], c_char_p, False),
    ("lev_actor_set_group", [c_void_p, c_uint32, c_char_p], c_int, _NET),
    ("lev_resource_add", [c_void_p, c_char_p, _u32p], c_int, _NET),
    ("lev_resource_find", [c_void_p, c_char_p, _u32p], c_int, _CODE),
    ("lev_resource_count", [c_void_p], c_size_t, False),
    ("lev_resource_name", [c_void_p, c_uint32], c_char_p, False),
    ("lev_actor_set_resource", [c_void_p, c_uint32, c_uint32, c_double, c_double], c_int, _NET),
    ("lev_actor_get_resource", [c_void_p, c_uint32, c_uint32, _dblp, _dblp], c_int, _CODE),
    ("lev_resource_amounts", [c_void_p, c_uint32, _dblp, _dblp], c_int, _CODE),
    ("lev_edge_add", [c_void_p, c_uint32, c_uint32, c_double, c_char_p, POINTER(c_size_t)], c_int, _NET),
    ("lev_edges_add", [c_void_p, c_size_t, _u32p, _u32p, _dblp, c_char_p, _szp], c_int, _NET),
    ("lev_edge_add_by_name", [c_void_p, c_char_p, c_char_p, c_double, c_char_p, POINTER(c_size_t)], c_int,
     _NET),
    ("lev_edge_count", [c_void_p], c_size_t, False),
    ("lev_network_bytes", [c_void_p], c_size_t, False),
    ("lev_edge_get", [c_void_p, c_size_t, _u32p, _u32p, _dblp, POINTER(c_char_p)], c_int, _CODE),
    ("lev_edges_get", [c_void_p, c_size_t, c_size_t, _u32p, _u32p, _dblp, _u32p], c_int, _NET),
    # options, progress and cancellation
    ("lev_params_new", [_vpp], c_int, _CODE),
    ("lev_params_new_with_alloc", [_vpp, ALLOC_FN, c_void_p], c_int, _CODE),
    ("lev_params_free", [c_void_p], None, False),
    ("lev_params_reset", [c_void_p], None, False),
    ("lev_params_set_int", [c_void_p, c_int, c_int64], c_int, _P(0)),
    ("lev_params_set_double", [c_void_p, c_int, c_double], c_int, _P(0)),
    ("lev_params_get_int", [c_void_p, c_int, POINTER(c_int64)], c_int, _CODE),
    ("lev_params_get_double", [c_void_p, c_int, _dblp], c_int, _CODE),
    ("lev_param_info", [c_int, POINTER(c_char_p), POINTER(c_int), _dblp, _dblp, _dblp], c_int, _CODE),
    ("lev_param_find", [c_char_p, POINTER(c_int)], c_int, _CODE),
    ("lev_param_at", [c_size_t, POINTER(c_int)], c_int, _CODE),
    ("lev_params_set_progress", [c_void_p, PROGRESS_FN, c_void_p], c_int, _CODE),
    ("lev_params_errcode", [c_void_p], c_int, False),
    ("lev_params_errmsg", [c_void_p], c_char_p, False),
    # reading and writing
    ("lev_read_file", [c_void_p, c_int, c_char_p, c_void_p], c_int, _NET),
    ("lev_read_buffer", [c_void_p, c_int, c_char_p, c_size_t, c_char_p, c_void_p], c_int, _NET),
    ("lev_write", [c_void_p, c_int, WRITE_FN, c_void_p], c_int, _NET),
    ("lev_write_file", [c_void_p, c_int, c_char_p], c_int, _NET),
    ("lev_write_scores", [c_void_p, c_int, c_size_t, POINTER(c_char_p), _dblp, WRITE_FN, c_void_p], c_int, _NET),
    ("lev_write_scores_file", [c_void_p, c_int, c_size_t, POINTER(c_char_p), _dblp, c_char_p], c_int, _NET),
    # centrality
    ("lev_degree", [c_void_p, c_void_p, _dblp], c_int, _P(1)),
    ("lev_strength", [c_void_p, c_void_p, _dblp], c_int, _P(1)),
    ("lev_pagerank", [c_void_p, _dblp, c_void_p, _dblp], c_int, _P(2)),
    ("lev_pagerank_dangling", [c_void_p, _dblp, _dblp, c_void_p, _dblp], c_int, _P(3)),
    # centrality on shortest paths
    ("lev_closeness", _NPO, c_int, _P(1)),
    ("lev_harmonic", _NPO, c_int, _P(1)),
    ("lev_betweenness", _NPO, c_int, _P(1)),
    ("lev_edge_betweenness", _NPO, c_int, _P(1)),
    ("lev_betweenness_subset", [c_void_p, _u32p, c_size_t, _u32p, c_size_t, c_void_p, _dblp], c_int, _P(5)),
    ("lev_closeness_subset", [c_void_p, _u32p, c_size_t, c_void_p, _dblp], c_int, _P(3)),
    ("lev_harmonic_subset", [c_void_p, _u32p, c_size_t, c_void_p, _dblp], c_int, _P(3)),
    ("lev_betweenness_approx", _NPO, c_int, _P(1)),
    ("lev_betweenness_sampled", [c_void_p, c_void_p, _dblp, POINTER(c_uint64), _dblp], c_int, _P(1)),
    ("lev_closeness_top", [c_void_p, c_void_p, c_size_t, POINTER(c_uint32), _dblp], c_int, _P(1)),
    ("lev_harmonic_top", [c_void_p, c_void_p, c_size_t, POINTER(c_uint32), _dblp], c_int, _P(1)),
    # centrality from walks
    ("lev_katz", _NPO, c_int, _P(1)),
    ("lev_eigenvector", _NPO, c_int, _P(1)),
    ("lev_hits", [c_void_p, c_void_p, _dblp, _dblp], c_int, _P(1)),
    ("lev_bonacich", _NPO, c_int, _P(1)),
    # brokerage
    ("lev_constraint", _NPO, c_int, _P(1)),
    ("lev_effective_size", _NPO, c_int, _P(1)),
    ("lev_efficiency", _NPO, c_int, _P(1)),
    ("lev_burt_hierarchy", _NPO, c_int, _P(1)),
    ("lev_brokerage", [c_void_p, c_void_p, _dblp, _dblp, _dblp, _dblp], c_int, _P(1)),
    # cohesion
    ("lev_components", [c_void_p, c_void_p, _u32p, _szp], c_int, _P(1)),
    ("lev_coreness", _NPO, c_int, _P(1)),
    ("lev_communities", [c_void_p, c_void_p, _u32p, _szp, _dblp], c_int, _P(1)),
    ("lev_modularity", [c_void_p, _u32p, c_void_p, _dblp], c_int, _P(2)),
    ("lev_core_periphery", [c_void_p, c_void_p, _dblp, _dblp], c_int, _P(1)),
    ("lev_clustering", _NPO, c_int, _P(1)),
    ("lev_transitivity", [c_void_p, c_void_p, _dblp, _dblp], c_int, _P(1)),
    # inequality (no network: messages on the params)
    ("lev_gini", [_dblp, c_size_t, c_void_p, _dblp], c_int, _P(2)),
    ("lev_theil", [_dblp, c_size_t, c_void_p, _dblp, _dblp], c_int, _P(2)),
    ("lev_hhi", [_dblp, c_size_t, c_void_p, _dblp], c_int, _P(2)),
    ("lev_palma", [_dblp, c_size_t, c_void_p, _dblp], c_int, _P(2)),
    ("lev_top_share", [_dblp, c_size_t, c_void_p, _dblp], c_int, _P(2)),
    ("lev_lorenz", [_dblp, c_size_t, c_void_p, _dblp, _dblp], c_int, _P(2)),
    # asymmetry and hierarchy
    ("lev_centralization", [c_void_p, c_int, c_void_p, _dblp], c_int, _P(2)),
    ("lev_reciprocity", [c_void_p, c_void_p, _dblp, _dblp], c_int, _P(1)),
    ("lev_edge_repeats", [c_void_p, c_void_p, _szp, _szp, _szp, _szp], c_int, _P(1)),
    ("lev_edges_sort", [c_void_p, c_void_p], c_int, _P(1)),
    ("lev_reciprocity_actors", _NPO, c_int, _P(1)),
    ("lev_dyad_census", [c_void_p, c_void_p, _u64p], c_int, _P(1)),
    ("lev_triad_census", [c_void_p, c_void_p, _u64p], c_int, _P(1)),
    ("lev_asymmetry", [c_void_p, c_void_p, c_size_t, _u32p, _u32p, _dblp, _szp], c_int, _P(1)),
    ("lev_krackhardt", _NPO, c_int, _P(1)),
    ("lev_flow_hierarchy", _NPO, c_int, _P(1)),
    # power-dependence
    ("lev_dependence", [c_void_p, c_uint32, c_void_p, c_size_t, _u32p, _u32p, _dblp, _dblp, _szp], c_int, _P(2)),
    ("lev_power_advantage", [c_void_p, c_uint32, c_void_p, _dblp, _dblp], c_int, _P(2)),
    # groups
    ("lev_group_count", [c_void_p], c_size_t, False),
    ("lev_group_name", [c_void_p, c_uint32], c_char_p, False),
    ("lev_actor_groups", [c_void_p, _u32p], c_int, _CODE),
    ("lev_group_influence", [c_void_p, c_void_p, _dblp, _dblp, _dblp], c_int, _P(1)),
    ("lev_ei_index", [c_void_p, c_void_p, _dblp, _dblp], c_int, _P(1)),
    ("lev_assortativity_groups", [c_void_p, c_void_p, _dblp], c_int, _P(1)),
    ("lev_assortativity", [c_void_p, _dblp, c_void_p, _dblp], c_int, _P(2)),
    ("lev_rich_club", [c_void_p, c_void_p, c_size_t, _dblp, _dblp, _szp], c_int, _P(1)),
    ("lev_outsiders", [c_void_p, c_void_p, _dblp, _u32p], c_int, _P(1)),
    # bypass: unavoidable brokers
    ("lev_dominators", [c_void_p, c_uint32, c_void_p, _u32p], c_int, _P(2)),
    ("lev_articulation_points", [c_void_p, c_void_p, _u32p], c_int, _P(1)),
    ("lev_bridges", [c_void_p, c_void_p, c_size_t, _u32p, _u32p, _szp], c_int, _P(1)),
    # control and key players
    ("lev_drivers", [c_void_p, c_void_p, c_size_t, _u32p, _szp], c_int, _P(1)),
    ("lev_control_classes", [c_void_p, c_void_p, _u32p], c_int, _P(1)),
    ("lev_keyplayers", [c_void_p, c_size_t, c_void_p, _u32p, _dblp], c_int, _P(2)),
    ("lev_keyplayer_score", [c_void_p, _u32p, c_size_t, c_void_p, _dblp], c_int, _P(3)),
    # opinion dynamics
    ("lev_degroot", [c_void_p, c_void_p, _dblp, _u32p, _u32p, _szp], c_int, _P(1)),
    ("lev_degroot_limit", [c_void_p, _dblp, c_void_p, _dblp], c_int, _P(2)),
    ("lev_friedkin_johnsen", [c_void_p, _dblp, _dblp, c_void_p, _dblp], c_int, _P(3)),
    ("lev_friedkin_johnsen_influence", [c_void_p, _dblp, c_void_p, _dblp], c_int, _P(2)),
    ("lev_opinion_pressure", [c_void_p, _dblp, _dblp, c_uint32, c_void_p, _dblp, _dblp], c_int, _P(4)),
    # coalitions over a resource
    ("lev_voting_power", [c_void_p, c_uint32, c_void_p, _dblp, _dblp, _dblp, _dblp, _dblp, POINTER(c_int)], c_int,
     _P(2)),
    ("lev_minimal_winning", [c_void_p, c_uint32, c_void_p, c_size_t, _u32p, _u32p, _szp, _dblp], c_int, _P(2)),
    ("lev_packel_indices", [c_void_p, c_uint32, c_void_p, _dblp, _dblp], c_int, _P(2)),
    ("lev_cheapest_alliance", [c_void_p, c_uint32, c_uint32, c_void_p, c_size_t, _u32p, _szp, _dblp,
                               POINTER(c_int)], c_int, _P(3)),
    # campaigns: diffusion and influence maximization
    ("lev_spread", [c_void_p, _u32p, c_size_t, c_void_p, _dblp, _dblp, _dblp, _dblp], c_int, _P(3)),
    ("lev_seeds", [c_void_p, c_size_t, POINTER(c_uint8), _dblp, c_void_p, _u32p, _dblp, _szp, _dblp, _dblp,
                   POINTER(c_uint64), POINTER(c_uint64)], c_int, _P(4)),
    # bypass of leverage: tie bypass, reliance, edge leverage
    ("lev_tie_bypass", [c_void_p, c_void_p, _dblp, _dblp, _u32p, _u32p], c_int, _P(1)),
    ("lev_reliance", [c_void_p, c_void_p, _dblp, _dblp], c_int, _P(1)),
    ("lev_edge_leverage", [c_void_p, c_void_p, c_size_t, _u32p, _u32p, _dblp, _szp], c_int, _P(1)),
    ("lev_channel_count", [c_void_p], c_size_t, False),
    ("lev_channel_name", [c_void_p, c_uint32], c_char_p, False),
    ("lev_channel_bypass", [c_void_p, c_void_p, _dblp, _dblp], c_int, _P(1)),
    # drawing: force-directed layout
    ("lev_layout", [c_void_p, c_void_p, _dblp], c_int, _P(1)),
]

# ---- loading -------------------------------------------------------------------------------------
_LOCAL_NAMES = {"darwin": ["libleverage.dylib"], "win32": ["leverage.dll", "libleverage.dll"]}


def _configured_library(here: str) -> Optional[str]:
    """The library named by _config.py (written by ``cmake --install``), made absolute; or None."""
    try:
        from . import _config  # type: ignore[attr-defined]
    except ImportError:
        return None
    path = getattr(_config, "LIBRARY", None)
    if not path:
        return None
    return os.path.normpath(os.path.join(here, path))


def _candidates() -> List[Tuple[str, str]]:
    """(how it was found, path or name) in lookup order: $LEVERAGE_LIBRARY alone if set; else the
    library named by _config.py (an installed package), a libleverage.so next to the package (a
    pip-installed package bundles the one it was built beside), then ctypes.util.find_library."""
    env = os.environ.get("LEVERAGE_LIBRARY")
    if env:
        return [("LEVERAGE_LIBRARY", env)]  # explicit: no fallback
    here = os.path.dirname(os.path.abspath(__file__))
    out = [("next to the package", os.path.join(here, n))
           for n in _LOCAL_NAMES.get(sys.platform, ["libleverage.so"])]
    configured = _configured_library(here)
    if configured:  # the library this package was installed with (cmake --install)
        out.insert(0, ("installed with the package", configured))
    out = [c for c in out if os.path.exists(c[1])]
    found = ctypes.util.find_library("leverage")
    if found:
        out.append(("find_library", found))
    return out


def _check_version(path: str, number: int) -> None:
    """Refuse a library of another major; warn when its minor is older than ABI_MINOR."""
    major, minor, patch = number // 10000, number // 100 % 100, number % 100
    if major != ABI_MAJOR:
        raise LibraryError(
            f"{path} is libleverage {major}.{minor}.{patch}, but this package (leverage "
            f"{ABI_MAJOR}.{ABI_MINOR}) needs major version {ABI_MAJOR}; point LEVERAGE_LIBRARY at a "
            f"libleverage.so.{ABI_MAJOR}")
    if minor < ABI_MINOR:
        warnings.warn(f"{path} is libleverage {major}.{minor}.{patch}, older than the "
                      f"{ABI_MAJOR}.{ABI_MINOR} this package was written for; newer functions raise "
                      f"LibraryError", RuntimeWarning, stacklevel=3)


def _missing(name: str, path: str) -> Callable[..., Any]:
    """Stands for a function the loaded library lacks (an older or half-built libleverage): the
    rest of the package works, and only a call that needs it fails, naming it."""
    def stub(*args: Any) -> Any:
        raise LibraryError(f"{path} has no {name} (it is older than this package, or built from an "
                           f"unfinished source tree)")
    stub.__name__ = name
    return stub


class _Loaded:
    """The loaded library: its CDLL (every _PROTOS function set up) and what is known of it."""

    def __init__(self, cdll: ctypes.CDLL, path: str):
        self.cdll = cdll
        self.path = path
        self.code_by_name: Dict[str, int] = {}


_loaded: Optional[_Loaded] = None
_lock = threading.Lock()


def python_names(text: str) -> str:
    """A library message as a Python caller reads it: an option constant (LEV_P_MAX_ITER) becomes
    its keyword (max_iter), a direction constant (LEV_DIR_IN) its value (direction="in")."""
    text = re.sub(r"\bLEV_P_([A-Z0-9_]+)\b", lambda m: m.group(1).lower(), text)
    return re.sub(r"\bLEV_DIR_([A-Z]+)\b", lambda m: f'direction="{m.group(1).lower()}"', text)


def _errcheck_for(where: Tuple[str, int]) -> Callable[..., Any]:
    kind, idx = where

    def errcheck(rc: int, func: Any, args: Sequence[Any]) -> int:
        if rc == 0:
            return rc
        L = _loaded.cdll  # type: ignore[union-attr]
        msg = b""
        if kind == "net" and L.lev_errcode(args[idx]) == rc:
            msg = L.lev_errmsg(args[idx])
        elif kind == "params" and args[idx] is not None:
            if L.lev_params_errcode(args[idx]) == rc:
                msg = L.lev_params_errmsg(args[idx])
        elif kind == "params" and func.argtypes[0] is c_void_p and args[0] is not None:
            if L.lev_errcode(args[0]) == rc:  # NULL params: an analysis records on its network
                msg = L.lev_errmsg(args[0])
        text = msg.decode("utf-8", "replace") if msg else f"{func.__name__}: {strerror(rc)}"
        raise make_error(rc, status_name(rc), python_names(text))

    return errcheck


def _load() -> _Loaded:
    cands = _candidates()
    if not cands:
        raise LibraryError("libleverage not found: set LEVERAGE_LIBRARY to the path of libleverage.so, "
                           "put libleverage.so next to the leverage package, or install it where "
                           "ctypes.util.find_library('leverage') looks")
    how, path = cands[0]
    try:
        cdll = ctypes.CDLL(path)
    except OSError as e:
        raise LibraryError(f"cannot load libleverage from {path} ({how}): {e}") from e
    try:
        cdll.lev_version.argtypes = []
        cdll.lev_version.restype = c_uint32
    except AttributeError:
        raise LibraryError(f"{path} is not libleverage: it has no lev_version") from None
    _check_version(path, cdll.lev_version())
    for name, argtypes, restype, checks in _PROTOS:
        try:
            f = getattr(cdll, name)
        except AttributeError:
            setattr(cdll, name, _missing(name, path))
            continue
        f.argtypes = argtypes
        f.restype = restype
        if checks:
            f.errcheck = _errcheck_for(checks)
    loaded = _Loaded(cdll, path)
    code = 1
    while True:  # the status names, from the library itself (values are only ever appended)
        name = cdll.lev_status_name(code).decode()
        if name == "LEV_UNKNOWN":
            break
        loaded.code_by_name[name] = code
        code += 1
    return loaded


def lib() -> Any:
    """The loaded library (a ctypes.CDLL with every prototype set); loads it on first use."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _load()
    return _loaded.cdll


def library_path() -> str:
    """The file (or name, when found by find_library) libleverage was loaded from."""
    lib()
    return _loaded.path  # type: ignore[union-attr]


def library_version() -> str:
    """Version of the library actually loaded, as a string ("0.1.0"): lev_version_string()."""
    return lib().lev_version_string().decode()


def strerror(code: int) -> str:
    """Static English text for a status code ("out of memory"): lev_strerror()."""
    return lib().lev_strerror(code).decode()


def status_name(code: int) -> str:
    """The symbolic name of a status code ("LEV_ENOMEM"): lev_status_name()."""
    return lib().lev_status_name(code).decode()


def error(name: str, message: str) -> Error:
    """The exception for the status called ``name`` (e.g. "LEV_EINVAL") with ``message``."""
    lib()
    return make_error(_loaded.code_by_name.get(name, -1), name, message)  # type: ignore[union-attr]
