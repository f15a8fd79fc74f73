"""The build: drives the stages over a source folder into an output folder (`builder`),
incrementally (`incremental`), reading each brief (`reader`) for worker processes that
extract it within a time limit (`parallel`), under a lock (`lock`), swapping its products in
crash-safely (`staging`). `output` names the products and opens a finished build for reading
(`reading`, which no swap interrupts), all that the commands that only read need."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.build.interrupts import interruptible
from kg.build.limits import DEFAULT_BRIEF_TIMEOUT
from kg.build.lock import OutputLocked, output_lock
from kg.lazy import lazy_names

if TYPE_CHECKING:
    from kg.build.builder import build
    from kg.build.output import (
        MANIFEST_FILE,
        STATEMENTS_FILE,
        STORE_DIR,
        BuildError,
        Reading,
        read_manifest,
        reading,
    )
    from kg.build.parallel import Outcome, extract_briefs
    from kg.build.reader import read_stage

__all__ = [
    "DEFAULT_BRIEF_TIMEOUT",
    "MANIFEST_FILE",
    "STATEMENTS_FILE",
    "STORE_DIR",
    "BuildError",
    "Outcome",
    "OutputLocked",
    "Reading",
    "build",
    "extract_briefs",
    "interruptible",
    "output_lock",
    "read_manifest",
    "read_stage",
    "reading",
]
# imported when first asked for: a worker (`worker`) needs none of them, nor the store behind them
# (`kg.graph`, pyoxigraph, sqlite3: 0.01 CPU s of every worker's start)
OUTPUT_NAMES = ("MANIFEST_FILE", "STATEMENTS_FILE", "STORE_DIR", "BuildError", "Reading", "read_manifest", "reading")
__getattr__ = lazy_names(
    __name__,
    {
        "build": "builder",
        "Outcome": "parallel",
        "extract_briefs": "parallel",
        "read_stage": "reader",
        **dict.fromkeys(OUTPUT_NAMES, "output"),
    },
)
