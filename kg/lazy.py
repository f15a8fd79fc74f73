"""Names a package offers but imports on first use (PEP 562 module `__getattr__`), so that the
commands that only read a build (`kg query`, `kg export`, `kg validate`, `kg serve`) never import
spaCy, and the build machinery, the RDF mapping and SHACL load only when a command needs them."""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_names(package: str, homes: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package` that imports each name of `homes` from its module."""

    def __getattr__(name: str) -> object:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{homes[name]}"), name)

    return __getattr__
