"""The build: drives the stages over a source folder into an output folder (`builder`),
incrementally (`incremental`), over worker processes (`parallel`), under a lock (`lock`),
swapping its products in crash-safely (`staging`). `output` names the products and opens a
finished build for reading (`reading`, which no swap interrupts), all that the commands that
only read need."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.build.lock import OutputLocked, output_lock
from kg.build.output import MANIFEST_FILE, STORE_DIR, BuildError, Reading, read_manifest, reading
from kg.lazy import lazy_names

if TYPE_CHECKING:
    from kg.build.builder import build

__all__ = [
    "MANIFEST_FILE",
    "STORE_DIR",
    "BuildError",
    "OutputLocked",
    "Reading",
    "build",
    "output_lock",
    "read_manifest",
    "reading",
]
__getattr__ = lazy_names(__name__, {"build": "builder"})
