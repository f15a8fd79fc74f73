"""A worker imports spaCy without spaCy's command line.

`spacy/__init__.py` imports `spacy.cli.info` to offer `spacy.info()`, and with it the package
`spacy.cli`, whose `__init__` imports every command: typer, weasel, requests, httpx and some forty
modules of spaCy's own, 0.1-0.25 CPU s of every worker's start (the import of spaCy took 0.53-0.64
CPU s with them, 0.39-0.54 without), for commands a worker never runs. While spaCy is imported,
stand-ins for those two modules are in `sys.modules`; they are taken out afterwards, so that an
import of `spacy.cli` later in the process gets the real package. `spacy.info` stays a stand-in
that imports the real one when called. Should a spaCy release need more of its command line at
import, spaCy is imported whole, as without this.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import Any

STAND_INS = ("spacy.cli", "spacy.cli.info")


def import_spacy() -> None:
    """Import spaCy, leaving its command line out (see above); nothing if it is imported already."""
    if "spacy" in sys.modules:
        return
    stand_ins = {name: ModuleType(name) for name in STAND_INS}
    stand_ins["spacy.cli"].__path__ = []  # a package with no modules of its own
    stand_ins["spacy.cli.info"].info = _info  # type: ignore[attr-defined]
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        sys.modules.pop("spacy", None)
    else:
        if getattr(spacy, "cli", None) == stand_ins["spacy.cli"]:  # (modules are equal only to themselves)
            delattr(spacy, "cli")  # (`from spacy import cli` imports the real one)
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) == module:
                del sys.modules[name]
    import_module("spacy")  # (whole, if the import with the stand-ins failed)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
