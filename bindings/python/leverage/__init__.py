"""libleverage for Python: leverage points and power imbalances in social networks.

A thin ctypes binding of the C library libleverage (``include/leverage.h``): it translates
types, errors and ownership, nothing else. The shared library is looked up, on first use, at
``$LEVERAGE_LIBRARY``, then the one it was installed with (``_config.py``), then next to this package,
then with ``ctypes.util.find_library``.

    >>> import leverage
    >>> with leverage.Network.from_edges([("Ann", "Bob", 2.0), ("Bob", "Cy")]) as net:
    ...     ranks = net.pagerank()

Every failed call raises a subclass of :class:`Error` carrying the library's message. The
inequality measures (:func:`gini`, :func:`theil`, :func:`hhi`, :func:`palma`, :func:`top_share`,
:func:`lorenz`) take any vector and need no network.
"""
from ._errors import (AlreadyExists, BufferTooSmall, Cancelled, Error, InputOutputError, InvalidArgument,
                      LibraryError, LimitExceeded, Misuse, NotConverged, NotFound, OutOfMemory, ParseError,
                      Unsupported)
from ._errors import FileNotFound
from ._analyses import (BROKER_ROLES, DYAD_TYPES, KRACKHARDT_DIMS, TRIAD_TYPES, Brokerage, Communities,
                        Components, CorePeriphery, EdgeArrays, EdgeRepeats, EIIndex, GroupInfluence, Outsiders, PowerAdvantage, Reciprocity,
                        RichClub)
from ._analyses import Transitivity
from ._analyses import CONTROL_CLASSES, KP_MEASURES, KeyPlayers
from ._analyses import DeGroot, Pressure
from ._coalition import COALITION_METHODS, Alliance, MinimalWinning, Packel, VotingPower
from ._analyses import Seeds, Spread
from ._analyses import Reliance, TieBypass
from ._inequality import Lorenz, Theil, gini, hhi, lorenz, palma, theil, top_share
from ._lib import LEV_NONE as NONE
from ._lib import library_path, library_version, status_name, strerror
from ._network import Network
from ._params import ParamInfo, options, param_info
from ._version import __version__

__all__ = [
    "__version__", "library_version", "library_path", "strerror", "status_name",
    "Network", "ParamInfo", "param_info", "options", "NONE",
    "gini", "theil", "hhi", "palma", "top_share", "lorenz", "Theil", "Lorenz",
    "BROKER_ROLES", "TRIAD_TYPES", "DYAD_TYPES", "KRACKHARDT_DIMS",
    "Brokerage", "Components", "Communities", "CorePeriphery", "EdgeArrays", "EdgeRepeats", "Reciprocity", "PowerAdvantage",
    "GroupInfluence", "EIIndex", "RichClub", "Outsiders",
    "Transitivity",
    "COALITION_METHODS", "VotingPower", "MinimalWinning", "Packel", "Alliance",
    "Error", "OutOfMemory", "InvalidArgument", "NotFound", "AlreadyExists", "ParseError",
    "InputOutputError", "NotConverged", "Cancelled", "Misuse", "Unsupported", "BufferTooSmall",
    "LimitExceeded", "LibraryError",
]
__all__ += ["CONTROL_CLASSES", "KP_MEASURES", "KeyPlayers"]
__all__ += ["FileNotFound"]
__all__ += ["DeGroot", "Pressure"]
__all__ += ["Spread", "Seeds"]
__all__ += ["TieBypass", "Reliance"]
