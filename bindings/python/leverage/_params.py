"""The options of one call (lev_params): lookup by name, enum values by name, the call's params."""
from __future__ import annotations

import functools
import numbers
from ctypes import byref, c_char_p, c_double, c_int, c_int64, c_void_p
from typing import Any, Callable, Dict, List, Mapping, NamedTuple, Optional, Union

from ._errors import Cancelled, NotFound
from ._lib import ALLOC_FN, PROGRESS_FN, error, lib
from ._util import _dec, _enc

__all__ = ["ParamInfo", "param_info", "options"]

# Values of the options whose values are enum constants, by name (leverage.h: lev_direction,
# lev_incrowd, lev_scope; tests/test_header.py checks them against the header).
_DIRECTIONS = {"out": 1, "in": 2, "all": 3}
_INCROWDS = {"group": 1, "core": 2}
_SCOPES = {"all": 1, "neighbours": 2}
#: option name -> {value name: value}
_ENUM_OPTIONS: Dict[str, Mapping[str, int]] = {"direction": _DIRECTIONS, "incrowd": _INCROWDS, "scope": _SCOPES}
# lev_model and lev_probability (campaigns)
_MODELS = {"ic": 1, "lt": 2}
_PROBABILITIES = {"strength": 1, "wc": 2, "constant": 3}
_ENUM_OPTIONS["model"] = _MODELS
_ENUM_OPTIONS["probability"] = _PROBABILITIES
# lev_bypass_measure
_BYPASS_MEASURES = {"pagerank": 1, "degree": 2, "strength": 3, "betweenness": 4, "harmonic": 5}
_ENUM_OPTIONS["bypass_measure"] = _BYPASS_MEASURES
# lev_param_type values
_TYPE_INT, _TYPE_DOUBLE = 1, 2


class ParamInfo(NamedTuple):
    """An option key as lev_param_info() describes it."""
    name: str
    key: int
    type: str  # "int" or "double"
    lo: float
    hi: float
    default: float


def _info(key: int, name: Optional[str] = None) -> ParamInfo:
    cname, typ, lo, hi, dflt = c_char_p(), c_int(), c_double(), c_double(), c_double()
    lib().lev_param_info(key, byref(cname), byref(typ), byref(lo), byref(hi), byref(dflt))
    return ParamInfo(_dec(cname.value) or name or str(key), key, "int" if typ.value == _TYPE_INT else "double",
                     lo.value, hi.value, dflt.value)


@functools.lru_cache(maxsize=None)
def param_info(name: str) -> ParamInfo:
    """Describe the option called ``name`` ("damping", "max_iter"...): its key, type, bounds and
    default (lev_param_find() and lev_param_info()).

    Raises:
        NotFound: no option has that name.
    """
    key = c_int()
    try:
        lib().lev_param_find(_enc(name), byref(key))
    except NotFound:
        raise error("LEV_ENOTFOUND", f"no option named {name!r}") from None
    return _info(key.value, name)


def options() -> List[ParamInfo]:
    """Every option the loaded library knows, in increasing key order (lev_param_at())."""
    L = lib()
    out = []
    key = c_int()
    i = 0
    while True:
        try:
            L.lev_param_at(i, byref(key))
        except NotFound:
            return out
        out.append(_info(key.value))
        i += 1


def _unknown_option(method: str, name: str) -> str:
    """The message for a keyword that names no option: the closest names, then every option."""
    import difflib
    known = sorted(i.name for i in options())
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return (f"{method}() got an unexpected keyword argument {name!r}{hint} (libleverage's options: "
            f"{', '.join(known)})")


def _suggest_keywords(f: Callable[..., Any]) -> Callable[..., Any]:
    """For a method with named keywords (pagerank, degree, strength): a misspelt keyword raises
    TypeError naming the closest of its keywords and listing them, as _check_options does."""
    import difflib
    import inspect
    names = [n for n, p in inspect.signature(f).parameters.items()
             if n != "self" and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        unknown = [k for k in kwargs if k not in names]
        if unknown:
            close = difflib.get_close_matches(unknown[0], names, n=3, cutoff=0.6)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            raise TypeError(f"{f.__name__}() got an unexpected keyword argument {unknown[0]!r}{hint} "
                            f"(its keywords: {', '.join(names)})")
        return f(*args, **kwargs)
    return wrapper


def _check_options(method: str, opts: Mapping[str, Any]) -> None:
    """Refuse a keyword that names no library option as Python refuses an unknown keyword."""
    for name in opts:
        try:
            param_info(name)
        except NotFound:
            raise TypeError(_unknown_option(method, name)) from None


def _alloc_fn(allocator: Callable[[Optional[int], int, int], Optional[int]]) -> Any:
    """A Python allocator ``f(ptr, osize, nsize)`` (or an ALLOC_FN) as a lev_alloc_fn."""
    if isinstance(allocator, ALLOC_FN):
        return allocator

    def call(ud: Any, ptr: Optional[int], osize: int, nsize: int) -> Optional[int]:
        return allocator(ptr, osize, nsize)
    return ALLOC_FN(call)


class _Params:
    """Owns a lev_params: the options, progress callback and error message of one call. With
    ``allocator`` (as Network's), made by lev_params_new_with_alloc: the object and the scratch of
    the calls without a network given it come from that allocator."""

    def __init__(self, progress: Optional[Callable[[float], Any]] = None,
                 allocator: Optional[Callable[[Optional[int], int, int], Optional[int]]] = None, **options: Any):
        self._as_parameter_ = c_void_p()
        self._progress: Any = None
        self._alloc: Any = None
        self.exception: Optional[BaseException] = None  # raised by the progress callback
        if allocator is None:
            lib().lev_params_new(byref(self._as_parameter_))
        else:
            self._alloc = _alloc_fn(allocator)  # must outlive lev_params_free, which calls it
            lib().lev_params_new_with_alloc(byref(self._as_parameter_), self._alloc, None)
        try:
            for name, value in options.items():
                if value is not None:
                    self.set(name, value)
            if progress is not None:
                self.set_progress(progress)
        except BaseException:
            self.close()
            raise

    def set(self, name: str, value: Union[int, float, bool, str]) -> None:
        """Set an option by name (lev_params_set_int or lev_params_set_double, by its type). An
        enum option (direction, incrowd, scope) also takes its value's name ("in", "core"...)."""
        info = param_info(name)
        if isinstance(value, str) and name in _ENUM_OPTIONS:
            names = _ENUM_OPTIONS[name]
            if value not in names:
                raise error("LEV_EINVAL", f"{name} must be {', '.join(repr(k) for k in names)} (got {value!r})")
            value = names[value]
        if (info.type == "int" and isinstance(value, numbers.Integral)
                and -2**63 <= int(value) < 2**63):
            lib().lev_params_set_int(self, info.key, int(value))
        else:
            lib().lev_params_set_double(self, info.key, float(value))

    def get(self, name: str) -> Union[int, float]:
        """Current value of an option (lev_params_get_int or lev_params_get_double)."""
        info = param_info(name)
        if info.type == "int":
            i = c_int64()
            lib().lev_params_get_int(self, info.key, byref(i))
            return i.value
        d = c_double()
        lib().lev_params_get_double(self, info.key, byref(d))
        return d.value

    def reset(self) -> None:
        """Every option back to its default; clears the progress callback and message."""
        lib().lev_params_reset(self)
        self._progress = None

    def set_progress(self, callback: Callable[[float], Any]) -> None:
        """Call ``callback(fraction_done)``; a truthy return cancels. An exception it raises
        cancels too, and is kept in ``self.exception``."""
        def trampoline(ud: Any, done: float) -> int:
            try:
                return 1 if callback(done) else 0
            except BaseException as e:  # cannot cross the C frames: cancel, re-raise after
                self.exception = e
                return 1
        fn = PROGRESS_FN(trampoline)
        lib().lev_params_set_progress(self, fn, None)
        self._progress = fn  # kept alive as long as the params refer to it

    def call(self, f: Any, *args: Any) -> Any:
        """``f(*args)`` (a prototype that takes these params); a Cancelled caused by an exception
        of the progress callback re-raises that exception."""
        try:
            return f(*args)
        except Cancelled as e:
            if self.exception is not None:
                raise self.exception from e
            raise

    @property
    def errmsg(self) -> str:
        """lev_params_errmsg()."""
        return lib().lev_params_errmsg(self).decode("utf-8", "replace")

    @property
    def errcode(self) -> int:
        """lev_params_errcode()."""
        return lib().lev_params_errcode(self)

    def close(self) -> None:
        p = self.__dict__.get("_as_parameter_")
        if p is not None and p.value:
            lib().lev_params_free(p)
            p.value = None
        self._alloc = None

    def __enter__(self) -> "_Params":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass
