"""Small translation helpers shared by the modules: text, indices and caller-owned outputs."""
from __future__ import annotations

import operator
from ctypes import POINTER, c_double, c_uint32, c_uint64
from typing import TYPE_CHECKING, Any, List, Mapping, Optional, Tuple, Union

from ._lib import LEV_NONE, error

if TYPE_CHECKING:  # pragma: no cover
    import numpy

#: What as_array=True returns: a NumPy array, or a list when NumPy is not installed.
Array = Union["numpy.ndarray", List[float]]

# NumPy dtype of each ctypes element type an output can have.
_DTYPES = {c_double: "float64", c_uint32: "uint32", c_uint64: "uint64"}


def _enc(s: str) -> bytes:
    """A str as the NUL-terminated UTF-8 the C API takes."""
    b = s.encode("utf-8")
    if b"\0" in b:
        raise error("LEV_EINVAL", f"embedded NUL character in {s!r}")
    return b


def _dec(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8")


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def _u32(i: Any, what: str) -> int:
    i = operator.index(i)
    if not 0 <= i < LEV_NONE:
        raise error("LEV_EINVAL", f"{what} index {i} is out of range")
    return i


def _out(n: int, as_array: bool, ctype: Any = c_double) -> Tuple[Any, Any]:
    """A caller-owned output of n elements of ``ctype`` and the pointer to pass: a NumPy array when
    as_array and NumPy is there (the library writes into its buffer), else a ctypes array."""
    if as_array:
        np = _numpy()
        if np is not None:
            arr = np.zeros(n, dtype=_DTYPES[ctype])
            return arr, arr.ctypes.data_as(POINTER(ctype))
    buf = (ctype * n)()
    return buf, buf


def _result(out: Any) -> Array:
    """What as_array=True returns for an output made by _out: the NumPy array itself, or a list."""
    return out if not hasattr(out, "_type_") else list(out)


def _rows(out: Any, nrows: int, ncols: int) -> Any:
    """An output of nrows·ncols elements (row-major, made by _out) as a 2-D NumPy view (no copy),
    or as a list of row lists."""
    if not hasattr(out, "_type_"):
        return out.reshape(nrows, ncols)
    flat = list(out)
    return [flat[r * ncols:(r + 1) * ncols] for r in range(nrows)]


def _doubles(x: Any, n: Optional[int], what: str) -> Tuple[Any, Any, int]:
    """An input vector of doubles: (keep-alive object, pointer, length). ``x`` is a NumPy array
    (passed without a copy when already contiguous float64), a mapping (its values, in order) or
    any sequence. With ``n`` given, the length must be n."""
    np = _numpy()
    if np is not None and isinstance(x, np.ndarray):
        arr = np.ascontiguousarray(x, dtype=np.float64)
        if arr.ndim != 1 or (n is not None and arr.shape[0] != n):
            want = f"; the network has {n} actors" if n is not None else " (expected one dimension)"
            raise error("LEV_EINVAL", f"{what} has shape {arr.shape}{want}")
        return arr, arr.ctypes.data_as(POINTER(c_double)), int(arr.shape[0])
    seq = list(x.values()) if isinstance(x, Mapping) else list(x)
    if n is not None and len(seq) != n:
        raise error("LEV_EINVAL", f"{what} has {len(seq)} entries; the network has {n} actors")
    buf = (c_double * len(seq))(*seq)
    return buf, buf, len(seq)


def _indices(x: Any, what: str, resolve: Any) -> Tuple[Any, Any, int]:
    """An input vector of actor indices as uint32: (keep-alive object, pointer, length). ``x`` is
    a NumPy integer array (passed without a copy when already contiguous uint32; range-checked
    otherwise) or any sequence whose entries ``resolve`` turns into indices (names or ints)."""
    np = _numpy()
    if np is not None and isinstance(x, np.ndarray):
        if x.ndim != 1:
            raise error("LEV_EINVAL", f"{what} has shape {x.shape} (expected one dimension)")
        if x.dtype != np.uint32:
            if x.dtype.kind not in "iu":
                raise error("LEV_EINVAL", f"{what} must hold actor indices (got dtype {x.dtype})")
            if x.size and (int(x.min()) < 0 or int(x.max()) >= LEV_NONE):
                raise error("LEV_EINVAL", f"{what} holds an actor index out of range")
        arr = np.ascontiguousarray(x, dtype=np.uint32)
        return arr, arr.ctypes.data_as(POINTER(c_uint32)), int(arr.shape[0])
    seq = [resolve(a) for a in x]
    buf = (c_uint32 * len(seq))(*seq)
    return buf, buf, len(seq)
