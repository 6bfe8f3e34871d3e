"""Every status code becomes its exception class, raised from a real C failure."""
from __future__ import annotations

import ctypes
from ctypes import byref, c_double, c_size_t, c_uint32, c_void_p

import pytest

import leverage
from leverage import Network, _errors, _lib
from leverage._network import _Params

CASES = {
    "LEV_ENOMEM": (leverage.OutOfMemory, MemoryError),
    "LEV_EINVAL": (leverage.InvalidArgument, ValueError),
    "LEV_ENOTFOUND": (leverage.NotFound, LookupError),
    "LEV_EEXIST": (leverage.AlreadyExists, ValueError),
    "LEV_EPARSE": (leverage.ParseError, ValueError),
    "LEV_EIO": (leverage.InputOutputError, OSError),
    "LEV_ENOCONV": (leverage.NotConverged, ArithmeticError),
    "LEV_ECANCELLED": (leverage.Cancelled, leverage.Error),
    "LEV_EMISUSE": (leverage.Misuse, ValueError),
    "LEV_EUNSUPPORTED": (leverage.Unsupported, NotImplementedError),
    "LEV_ERANGE": (leverage.BufferTooSmall, leverage.Error),
    "LEV_ELIMIT": (leverage.LimitExceeded, OverflowError),
}


def _bonacich_too_big() -> None:
    with Network() as big:
        big.read_buffer("name\n" + "\n".join(f"a{i}" for i in range(20001)) + "\n", "actors")
        big.bonacich()


def _real_failure(name: str, tmp_path) -> leverage.Error:
    """Make the C library fail with the status called ``name``; return the exception."""
    # Not symmetric, so the uniform start is not already the answer (tolerance 0 must not be met).
    net = Network.from_edges([("a", "b"), ("b", "a"), ("a", "c")])
    actions = {
        "LEV_ENOMEM": lambda: Network(allocator=lambda p, o, n: None),
        "LEV_EINVAL": lambda: net.add_edge("a", "b", -1.0),
        # straight from C (a missing file is a FileNotFound, a subclass: test_interop.py)
        "LEV_ENOTFOUND": lambda: _lib.lib().lev_actor_find(net, b"nobody", ctypes.byref(ctypes.c_uint32())),
        "LEV_EEXIST": lambda: net.add_actor("a"),
        "LEV_EPARSE": lambda: net.read_buffer("nonsense\n"),
        "LEV_EIO": lambda: net.write_csv(tmp_path / "missing" / "x.csv"),
        "LEV_ENOCONV": lambda: net.pagerank(max_iter=1, tolerance=0),
        "LEV_ECANCELLED": lambda: net.pagerank(tolerance=0, max_iter=10**6, progress=lambda done: True),
        "LEV_EMISUSE": lambda: _lib.lib().lev_network_new(None),  # NULL out: unreachable via Network
        "LEV_EUNSUPPORTED": lambda: _lib.lib().lev_params_set_int(_Params(), 12345, 1),
        # the cap/len protocol's "too small": the raw prototype (Network.asymmetry never lets it out)
        # (cap 1 for 2 pairs: a length query, cap 0, records no message)
        "LEV_ERANGE": lambda: _lib.lib().lev_asymmetry(net, _Params(), 1, (c_uint32 * 1)(), (c_uint32 * 1)(),
                                                       (c_double * 1)(), byref(c_size_t())),
        # Bonacich's dense solve refuses more than 20000 actors before allocating
        "LEV_ELIMIT": _bonacich_too_big,
    }
    try:
        with pytest.raises(leverage.Error) as exc:
            actions[name]()
        return exc.value
    finally:
        net.close()


@pytest.mark.parametrize("name", list(CASES))
def test_real_c_failures_raise_their_class(name: str, tmp_path) -> None:
    cls, builtin = CASES[name]
    e = _real_failure(name, tmp_path)
    assert type(e) is cls and isinstance(e, builtin) and isinstance(e, leverage.Error)
    assert e.name == name == leverage.status_name(e.code)
    assert e.message and str(e) == e.message


def test_messages_come_from_the_handle_that_failed(tmp_path) -> None:
    assert "strength must be finite and > 0" in str(_real_failure("LEV_EINVAL", tmp_path))
    assert str(_real_failure("LEV_EUNSUPPORTED", tmp_path)) == "unknown option key 12345"  # lev_params_errmsg
    assert "cancelled by the progress callback" in str(_real_failure("LEV_ECANCELLED", tmp_path))
    assert str(_real_failure("LEV_EMISUSE", tmp_path)) == "lev_network_new: library misuse"  # lev_strerror
    assert str(_real_failure("LEV_ERANGE", tmp_path)) == "asymmetry: 2 pairs do not fit in cap 1"
    assert "20000" in str(_real_failure("LEV_ELIMIT", tmp_path))


def test_a_stale_message_is_not_reused() -> None:
    with Network() as net:
        with pytest.raises(leverage.AlreadyExists):
            net.add_actor("a") or net.add_actor("a")
        # lev_actor_get_resource records nothing: the message must not be the stale EEXIST one
        with pytest.raises(leverage.InvalidArgument) as exc:
            net.get_resource(0, 0)
        assert "already" not in str(exc.value) and "invalid argument" in str(exc.value)


def test_error_by_name() -> None:
    # the mapping is also reachable by name through the loaded library
    for name in ("LEV_ERANGE", "LEV_ELIMIT"):
        e = _lib.error(name, "msg")
        assert type(e) is CASES[name][0] and isinstance(e, CASES[name][1])
        assert leverage.status_name(e.code) == name and e.message == "msg"


def test_every_class_is_mapped() -> None:
    assert {n: c for n, (c, _) in CASES.items()} == _errors.CLASS_BY_NAME


def test_unknown_code_gives_the_base_class() -> None:
    e = _errors.make_error(99, "LEV_UNKNOWN", "odd")
    assert type(e) is leverage.Error and e.code == 99 and str(e) == "odd"


def test_strerror_and_status_name() -> None:
    assert leverage.strerror(0) == "success"
    assert leverage.strerror(1) == "out of memory"
    assert leverage.strerror(999) == "unknown status"
    assert leverage.status_name(2) == "LEV_EINVAL"
    assert leverage.status_name(-1) == "LEV_UNKNOWN"


def test_raw_prototypes_check_status() -> None:
    # A status-returning function raises by itself; one that returns no status does not.
    L = _lib.lib()
    p = c_void_p()
    L.lev_params_new(byref(p))
    try:
        with pytest.raises(leverage.InvalidArgument, match="damping must be in"):
            L.lev_params_set_double(p, leverage.param_info("damping").key, 3.0)
        assert L.lev_params_errcode(p) == 2
    finally:
        L.lev_params_free(p)
