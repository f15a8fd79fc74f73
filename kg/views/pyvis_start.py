"""pyvis imported without IPython.

`pyvis/network.py` imports `IPython.display.IFrame` when it is imported, to show a network in a
notebook (`Network.show` in notebook mode), and with it IPython's shell, traitlets, jedi's
settings and some sixty modules: 0.035-0.06 CPU s of every build (pyvis took 0.068-0.096 CPU s
to import with them, 0.035-0.038 without), for a notebook the views never open: they take
pyvis's records of the nodes and edges (`kg.views.graph`). While pyvis is imported, a stand-in for
`IPython.display` is in `sys.modules`, whose `IFrame` imports the real one when called; it is taken
out afterwards, so that an import of IPython later in the process gets the real package. Where
IPython is imported already, or pyvis needs more of it, pyvis is imported as it is.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyvis.network import Network

STAND_INS = ("IPython", "IPython.display")


def pyvis_network() -> type[Network]:
    """pyvis's `Network`, imported without IPython (see above) unless it is imported already."""
    if "pyvis.network" not in sys.modules and "IPython" not in sys.modules:
        stand_ins = {name: ModuleType(name) for name in STAND_INS}
        stand_ins["IPython"].__path__ = []  # a package with no modules of its own
        stand_ins["IPython"].display = stand_ins["IPython.display"]  # type: ignore[attr-defined]
        stand_ins["IPython.display"].IFrame = _iframe  # type: ignore[attr-defined]
        sys.modules.update(stand_ins)
        try:
            import pyvis.network  # noqa: F401
        except ImportError:
            sys.modules.pop("pyvis.network", None)
            sys.modules.pop("pyvis", None)
        finally:
            for name, module in stand_ins.items():
                if sys.modules.get(name) == module:  # (modules are equal only to themselves)
                    del sys.modules[name]
    from pyvis.network import Network  # (whole, if the import with the stand-in failed)

    return Network


def _iframe(*args: Any, **kwargs: Any) -> Any:
    """`IPython.display.IFrame`, imported when first called."""
    from IPython.display import IFrame

    return IFrame(*args, **kwargs)
