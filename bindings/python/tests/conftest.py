"""Shared fixtures: paths into the source tree, the Florentine network, a counting allocator."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

import leverage

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent  # bindings/python/tests -> repository root
HEADER = Path(os.environ.get("LEVERAGE_HEADER", ROOT / "include" / "leverage.h"))
DATA = ROOT / "examples" / "data"
REF = ROOT / "tests" / "ref"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found (run from the libleverage source tree)")
    return path


# ---- peer values of the C suite (tests/ref/ref_*.h): parsed, not copied -------------------------

def _c_string(s: str) -> str:
    """A C string literal's body (octal escapes are UTF-8 bytes) as text."""
    return re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), s.encode()).decode("utf-8")


def _array_body(header: str, array: str) -> str:
    text = need(REF / header).read_text(encoding="utf-8")
    m = re.search(r"\b" + re.escape(array) + r"\[\]\s*=\s*\{(.*?)\n\};", text, flags=re.S)
    assert m, f"{array} not in {header}"
    return m.group(1)


_NUM = r"([-+0-9.eE]+|INFINITY|NAN)"


def ref_values(header: str, array: str) -> Dict[str, float]:
    """{name: value} of a ``ref_value`` array of tests/ref/<header> (in the array's order)."""
    return {_c_string(k): float(v.replace("INFINITY", "inf"))
            for k, v in re.findall(r'\{"((?:[^"\\]|\\.)*)",\s*' + _NUM + r"\}", _array_body(header, array))}


def ref_list(header: str, array: str) -> List[Tuple[str, float]]:
    """[(name, value), ...] of a ``ref_value`` array, keeping repeated names and order."""
    return [(_c_string(k), float(v)) for k, v in
            re.findall(r'\{"((?:[^"\\]|\\.)*)",\s*' + _NUM + r"\}", _array_body(header, array))]


def ref_edge_values(header: str, array: str) -> List[Tuple[str, str, float]]:
    """[(source, target, value), ...] of a ``ref_edge_value`` array (edge order)."""
    return [(_c_string(s), _c_string(t), float(v)) for s, t, v in
            re.findall(r'\{"([^"]*)",\s*"([^"]*)",\s*' + _NUM + r"\}", _array_body(header, array))]


def ref_rows(header: str, array: str) -> Dict[str, List[float]]:
    """{name: [v0, v1, ...]} of an array of rows such as ``ref_brokerage_row``."""
    return {_c_string(k): [float(x) for x in v.split(",")] for k, v in
            re.findall(r'\{"([^"]*)",\s*\{([^}]*)\}\}', _array_body(header, array))}


def ref_doubles(header: str, array: str) -> List[float]:
    """The values of a plain ``static const double name[]`` array."""
    return [float(x) for x in _array_body(header, array).replace("\n", " ").split(",") if x.strip()]


def ref_scalar(header: str, name: str) -> float:
    """A ``static const double name = value;`` of tests/ref/<header>."""
    text = need(REF / header).read_text(encoding="utf-8")
    m = re.search(r"\b" + re.escape(name) + r"\s*=\s*" + _NUM + ";", text)
    assert m, f"{name} not in {header}"
    return float(m.group(1))


def ref_define(header: str, name: str) -> int:
    text = need(REF / header).read_text(encoding="utf-8")
    m = re.search(r"#define " + re.escape(name) + r" (\d+)", text)
    assert m, f"{name} not in {header}"
    return int(m.group(1))


@pytest.fixture
def coleman() -> Iterator[leverage.Network]:
    """Coleman's high-school friendships (directed, 73 actors, no groups)."""
    with leverage.Network.from_csv(need(ROOT / "tests" / "data" / "coleman_edges.csv"),
                                   need(ROOT / "tests" / "data" / "coleman_actors.csv")) as net:
        yield net


@pytest.fixture
def header_text() -> str:
    return need(HEADER).read_text(encoding="utf-8")


@pytest.fixture
def florentine() -> Iterator[leverage.Network]:
    """Florentine families: actors file first (index order), then the edges and resources."""
    with leverage.Network.from_csv(need(DATA / "florentine_edges.csv"), need(DATA / "florentine_actors.csv"),
                                   need(DATA / "florentine_resources.csv")) as net:
        yield net


@pytest.fixture
def triangle() -> Iterator[leverage.Network]:
    """a -> b (2), b -> c (1, money), c -> a (0.5), a -> c (1): small, directed, weighted."""
    with leverage.Network.from_edges([("a", "b", 2.0), ("b", "c", 1.0, "money"), ("c", "a", 0.5),
                                      ("a", "c")]) as net:
        yield net


class CountingAllocator:
    """A lev_alloc_fn over libc's realloc/free that counts live bytes and can fail on demand."""

    def __init__(self) -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        self._realloc = libc.realloc
        self._realloc.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        self._realloc.restype = ctypes.c_void_p
        self._free = libc.free
        self._free.argtypes = [ctypes.c_void_p]
        self._free.restype = None
        self.live = 0          # bytes held now
        self.calls = 0         # allocations (nsize > 0) so far
        self.fail_after: Optional[int] = None  # fail every allocation once calls exceeds this

    def __call__(self, ptr: Optional[int], osize: int, nsize: int) -> Optional[int]:
        if nsize == 0:
            if ptr:
                self._free(ptr)
                self.live -= osize
            return None
        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            return None
        new = self._realloc(ptr, nsize)
        if new:
            self.live += nsize - (osize if ptr else 0)
        return new


@pytest.fixture
def counting_allocator() -> CountingAllocator:
    return CountingAllocator()
