"""The binding is complete: _PROTOS, the error classes and the enum values the binding uses are
diffed against include/leverage.h (or $LEVERAGE_HEADER), so a function or code added to (or
removed from) the header fails here until the binding follows (STYLE rules 25 and 28)."""
from __future__ import annotations

import re
from ctypes import POINTER, c_char_p, c_double, c_int, c_int64, c_size_t, c_uint32, c_uint64, c_void_p
from ctypes import c_uint8
from typing import Any, Dict, List, Tuple


import leverage
from leverage import _analyses, _errors, _lib, _network, _params

_SCALARS: Dict[str, Any] = {
    "void": None, "lev_status": c_int, "int": c_int, "double": c_double, "uint32_t": c_uint32,
    "size_t": c_size_t, "int64_t": c_int64, "uint64_t": c_uint64, "lev_param": c_int, "lev_format": c_int,
    "lev_alloc_fn": _lib.ALLOC_FN, "lev_progress_fn": _lib.PROGRESS_FN, "lev_write_fn": _lib.WRITE_FN,
}
_SCALARS["uint8_t"] = c_uint8
_HANDLES = {"lev_network", "lev_params", "void"}


def _strip_comments(text: str) -> str:
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def header_functions(text: str) -> Dict[str, Tuple[str, List[str]]]:
    """{name: (return type, [parameter types])} of every LEV_API declaration."""
    out = {}
    for m in re.finditer(r"LEV_API\s+([^;()]*?)\b(lev_\w+)\s*\(([^)]*)\)\s*;", _strip_comments(text)):
        ret, name, params = m.group(1), m.group(2), m.group(3)
        types = []
        for p in params.split(","):
            p = " ".join(p.split())
            if p in ("", "void"):
                continue
            types.append(re.sub(r"\s*\b\w+$", "", p))  # drop the parameter name
        out[name] = (" ".join(ret.split()), types)
    return out


def doc_of(text: str, name: str) -> str:
    """The documentation comment just before the declaration of ``name``."""
    m = re.search(r"/\*\*((?:(?!\*/).)*)\*/\s*LEV_API[^;(]*\b" + name + r"\s*\(", text, flags=re.S)
    assert m, f"no documentation for {name}"
    return m.group(1)


def header_status_names(text: str) -> Dict[str, int]:
    m = re.search(r"#define LEV_STATUS_MAP\(X\)(.*?)\n\s*\n", text, flags=re.S)
    assert m, "LEV_STATUS_MAP not found in the header"
    return {"LEV_" + n: int(v) for n, v in re.findall(r"X\((\w+),\s*(\d+),", m.group(1))}


def header_enum(text: str, prefix: str) -> Dict[str, int]:
    return {n: int(v) for n, v in re.findall(r"\b(" + prefix + r"\w+)\s*=\s*(\d+)", _strip_comments(text))}


def ctype_of(c: str) -> Any:
    """The ctypes type the binding must use for the C type ``c``."""
    c = " ".join(c.replace("const", " ").split())
    stars = c.count("*")
    base = c.replace("*", "").strip()
    if stars == 0:
        return _SCALARS[base]
    if base == "char":
        return c_char_p if stars == 1 else POINTER(c_char_p)
    if base in _HANDLES:
        return c_void_p if stars == 1 else POINTER(c_void_p)
    assert stars == 1, c
    return POINTER(_SCALARS[base])


def test_protos_cover_the_header_exactly(header_text: str) -> None:
    funcs = header_functions(header_text)
    assert len(funcs) >= 40, "the LEV_API parser found too few functions"
    names = [row[0] for row in _lib._PROTOS]
    assert len(names) == len(set(names)), "a function is twice in _PROTOS"
    assert sorted(set(funcs) - set(names)) == [], "in leverage.h but not in _PROTOS"
    assert sorted(set(names) - set(funcs)) == [], "in _PROTOS but not in leverage.h"


def test_protos_types_match_the_header(header_text: str) -> None:
    funcs = header_functions(header_text)
    for name, argtypes, restype, checks in _lib._PROTOS:
        ret, params = funcs[name]
        assert restype is ctype_of(ret), f"{name}: restype {restype} for C {ret}"
        assert len(argtypes) == len(params), f"{name}: {len(argtypes)} argtypes for {len(params)} parameters"
        for i, (a, p) in enumerate(zip(argtypes, params)):
            assert a is ctype_of(p), f"{name}: argument {i} is {a} for C {p}"
        assert bool(checks) == (ret == "lev_status" and name not in ("lev_errcode", "lev_params_errcode")), \
            f"{name}: status check {checks} for a function returning {ret}"


def test_callback_types_match_the_header(header_text: str) -> None:
    typedefs = dict(re.findall(r"typedef\s+[^;]*?\(\*(lev_\w+_fn)\)\s*\(([^)]*)\)\s*;", header_text))
    assert set(typedefs) == {"lev_alloc_fn", "lev_progress_fn", "lev_write_fn"}
    for name, cb in (("lev_alloc_fn", _lib.ALLOC_FN), ("lev_progress_fn", _lib.PROGRESS_FN),
                     ("lev_write_fn", _lib.WRITE_FN)):
        params = [re.sub(r"\s*\b\w+$", "", " ".join(p.split())) for p in typedefs[name].split(",")]
        # the writer's data is not NUL-terminated: c_void_p read with string_at, not c_char_p
        want = [c_void_p if p == "const char *" else ctype_of(p) for p in params]
        assert list(cb._argtypes_) == want, name


def test_every_status_has_its_exception_class(header_text: str) -> None:
    codes = header_status_names(header_text)
    assert codes.pop("LEV_OK") == 0
    assert sorted(_errors.CLASS_BY_NAME) == sorted(codes)
    for name, value in codes.items():  # and the loaded library agrees on names and values
        assert leverage.status_name(value) == name
        e = _lib.error(name, "x")
        assert type(e) is _errors.CLASS_BY_NAME[name] and e.code == value and e.name == name
    assert leverage.status_name(max(codes.values()) + 1) == "LEV_UNKNOWN"


def test_enum_values_used_by_the_binding(header_text: str) -> None:
    fmts = header_enum(header_text, "LEV_FORMAT_")
    assert {k: fmts["LEV_FORMAT_" + k.upper() + "_CSV"] for k in _network._FORMATS} == _network._FORMATS
    assert {k: fmts["LEV_FORMAT_" + k.upper()] for k in _network._GRAPH_FORMATS} == _network._GRAPH_FORMATS
    assert len(fmts) == len(_network._FORMATS) + len(_network._GRAPH_FORMATS), "a format was added to the header"
    dirs = header_enum(header_text, "LEV_DIR_")
    assert {k: dirs["LEV_DIR_" + k.upper()] for k in _network._DIRECTIONS} == _network._DIRECTIONS
    types = header_enum(header_text, "LEV_TYPE_")
    assert (types["LEV_TYPE_INT"], types["LEV_TYPE_DOUBLE"]) == (_params._TYPE_INT, _params._TYPE_DOUBLE)
    assert re.search(r"#define LEV_NONE (\w+)", header_text).group(1) == "UINT32_MAX"
    assert _lib.LEV_NONE == 2**32 - 1 == leverage.NONE


def _by_name(header_text: str, prefix: str) -> Dict[str, int]:
    """{lowercase name without the prefix: value} of an enum of the header."""
    return {k[len(prefix):].lower(): v for k, v in header_enum(header_text, prefix).items()}


def test_new_enums_match_the_header(header_text: str) -> None:
    assert _by_name(header_text, "LEV_INCROWD_") == _params._INCROWDS
    assert _by_name(header_text, "LEV_SCOPE_") == _params._SCOPES
    assert _by_name(header_text, "LEV_MODEL_") == _params._MODELS
    assert _by_name(header_text, "LEV_PROB_") == _params._PROBABILITIES
    assert _by_name(header_text, "LEV_SEED_") == _analyses._SEED_RULES
    assert _by_name(header_text, "LEV_DIR_") == _params._DIRECTIONS
    assert set(_params._ENUM_OPTIONS) == {"direction", "incrowd", "scope", "bypass_measure"} | {"model", "probability"}
    assert _by_name(header_text, "LEV_BYPASS_") == _params._BYPASS_MEASURES
    roles = _by_name(header_text, "LEV_BROKER_")
    assert roles == {r: i for i, r in enumerate(_analyses.BROKER_ROLES)}
    n_roles = int(re.search(r"#define LEV_BROKER_ROLES (\d+)", header_text).group(1))
    assert n_roles == len(leverage.BROKER_ROLES)
    assert _by_name(header_text, "LEV_CENTRALIZATION_") == _analyses._CENTRALIZATION
    assert _by_name(header_text, "LEV_KRACKHARDT_") == {d: i for i, d in enumerate(leverage.KRACKHARDT_DIMS)}
    # the triad types and their order, and the dyad counts' order, from the functions' documentation
    m = re.search(r"\((003,[^)]*)\)", doc_of(header_text, "lev_triad_census"))
    assert m, "the MAN order of lev_triad_census not found in its documentation"
    assert tuple(" ".join(t.replace("*", " ").split()) for t in m.group(1).split(",")) == leverage.TRIAD_TYPES
    assert ", ".join(leverage.DYAD_TYPES) in doc_of(header_text, "lev_dyad_census")


def test_options_named_in_the_header_exist(header_text: str) -> None:
    keys = header_enum(header_text, "LEV_P_")
    keys.pop("LEV_P_EXPERIMENTAL_BASE")
    for macro, key in keys.items():
        info = leverage.param_info(macro[len("LEV_P_"):].lower())
        assert info.key == key
    # lev_param_at lists exactly the header's keys, in increasing order
    listed = leverage.options()
    assert [o.key for o in listed] == sorted(keys.values())
    assert {o.name: o.key for o in listed} == {m[len("LEV_P_"):].lower(): k for m, k in keys.items()}
    assert listed == [leverage.param_info(o.name) for o in listed]


def test_binding_written_for_the_header_version(header_text: str) -> None:
    major = int(re.search(r"#define LEV_VERSION_MAJOR (\d+)", header_text).group(1))
    minor = int(re.search(r"#define LEV_VERSION_MINOR (\d+)", header_text).group(1))
    assert (_lib.ABI_MAJOR, _lib.ABI_MINOR) == (major, minor)
    string = re.search(r'#define LEV_VERSION_STRING "([^"]+)"', header_text).group(1)
    assert leverage.__version__ == string


def test_control_enums_match_the_header(header_text: str) -> None:
    assert _by_name(header_text, "LEV_KP_") == _analyses.KP_MEASURES
    assert _by_name(header_text, "LEV_CONTROL_") == {c: i + 1 for i, c in enumerate(_analyses.CONTROL_CLASSES)}
