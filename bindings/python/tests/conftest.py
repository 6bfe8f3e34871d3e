"""Shared fixtures: paths into the source tree, the Florentine network, a counting allocator."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from pathlib import Path
from typing import Iterator, Optional

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
