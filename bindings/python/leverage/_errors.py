"""Exceptions: every status other than LEV_OK becomes an instance of a subclass of Error.

Classes are keyed by the symbolic status name (``lev_status_name``), not by number, so the
binding follows ``LEV_STATUS_MAP`` in ``leverage.h``; an unknown code raises the base class.
"""
from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "Error", "OutOfMemory", "InvalidArgument", "NotFound", "AlreadyExists", "ParseError",
    "InputOutputError", "NotConverged", "Cancelled", "Misuse", "Unsupported", "BufferTooSmall",
    "LimitExceeded", "LibraryError",
]


class Error(Exception):
    """A libleverage call failed.

    Attributes:
        code: the status code (an ``int``, ``LEV_E*`` in ``leverage.h``).
        name: its symbolic name, e.g. ``"LEV_EINVAL"``.
        message: the library's message for the failure: what, where and why (``lev_errmsg`` or
            ``lev_params_errmsg``), or ``lev_strerror(code)`` when the call records none.
    """

    #: symbolic status name of the class (``None`` on the base class)
    name: Optional[str] = None
    code: int = -1
    message: str = ""

    def __str__(self) -> str:
        return self.message


class OutOfMemory(Error, MemoryError):
    """LEV_ENOMEM: the allocator returned NULL."""
    name = "LEV_ENOMEM"


class InvalidArgument(Error, ValueError):
    """LEV_EINVAL: a value out of its domain (NaN, <= 0, unknown index...)."""
    name = "LEV_EINVAL"


class NotFound(Error, LookupError):
    """LEV_ENOTFOUND: no actor, resource, option or file by that name."""
    name = "LEV_ENOTFOUND"


class AlreadyExists(Error, ValueError):
    """LEV_EEXIST: a duplicate name."""
    name = "LEV_EEXIST"


class ParseError(Error, ValueError):
    """LEV_EPARSE: malformed input text; the message reads ``FILE:LINE:COLUMN: reason``."""
    name = "LEV_EPARSE"


class InputOutputError(Error, OSError):
    """LEV_EIO: a file could not be opened, read or written (or a writer's sink stopped)."""
    name = "LEV_EIO"


class NotConverged(Error, ArithmeticError):
    """LEV_ENOCONV: an iterative algorithm did not converge within ``max_iter`` iterations."""
    name = "LEV_ENOCONV"


class Cancelled(Error):
    """LEV_ECANCELLED: the progress callback asked to stop; outputs are untouched."""
    name = "LEV_ECANCELLED"


class Misuse(Error, ValueError):
    """LEV_EMISUSE: library misuse, e.g. an operation on a closed Network."""
    name = "LEV_EMISUSE"


class Unsupported(Error, NotImplementedError):
    """LEV_EUNSUPPORTED: an unknown option key, format or enum value."""
    name = "LEV_EUNSUPPORTED"


class BufferTooSmall(Error):
    """LEV_ERANGE: an output buffer was too small."""
    name = "LEV_ERANGE"


class LimitExceeded(Error, OverflowError):
    """LEV_ELIMIT: more actors, resources or edges than the ids can hold."""
    name = "LEV_ELIMIT"


class FileNotFound(NotFound, FileNotFoundError):
    """LEV_ENOTFOUND for a file that does not exist: both a :class:`NotFound` and Python's
    ``FileNotFoundError`` (an ``OSError``, with ``errno`` ENOENT and ``filename``)."""
    name = "LEV_ENOTFOUND"


class LibraryError(ImportError):
    """The shared library could not be found or loaded, or its major version is not the one
    this package was written for."""


#: symbolic name -> class; the header test checks it against LEV_STATUS_MAP.
CLASS_BY_NAME: Dict[str, Type[Error]] = {
    c.name: c for c in (OutOfMemory, InvalidArgument, NotFound, AlreadyExists, ParseError,
                        InputOutputError, NotConverged, Cancelled, Misuse, Unsupported,
                        BufferTooSmall, LimitExceeded)
    if c.name is not None
}


def make_error(code: int, name: str, message: str) -> Error:
    """The exception for status ``code`` whose symbolic name is ``name``."""
    cls = CLASS_BY_NAME.get(name, Error)
    # Constructed with the message alone: OSError's constructor gives meaning to extra args.
    exc = cls(message)
    exc.code = code
    exc.name = name
    exc.message = message
    return exc
