"""The output folder of a build: the names of its products, its manifest (`build.json`), and its
store opened for reading. Commands that only read a build (query, export, validate, view, serve)
need nothing else, so they start without loading spaCy."""

from __future__ import annotations

import json
from pathlib import Path

from kg.build.lock import OutputLocked, output_lock
from kg.build.staging import JOURNAL, recover
from kg.graph import KnowledgeStore

STORE_DIR = "store"
STATEMENTS_FILE = "statements.jsonl"
TURTLE_FILE = "graph.ttl"
MANIFEST_FILE = "build.json"
PRODUCTS = (STORE_DIR, STATEMENTS_FILE, TURTLE_FILE, MANIFEST_FILE)


class BuildError(Exception):
    """Input or output that a build cannot use."""


def read_manifest(output: Path) -> dict[str, object]:
    if (output / JOURNAL).is_file():
        _finish_interrupted_swap(output)
    path = output / MANIFEST_FILE
    if not path.is_file():
        raise BuildError(f"{output}: no build found (run `kg build SOURCE -o {output}` first)")
    return json.loads(path.read_text(encoding="utf-8"))


def open_store(output: Path, *, read_only: bool = True) -> KnowledgeStore:
    manifest = read_manifest(output)
    return KnowledgeStore(output / STORE_DIR, str(manifest["base_iri"]), read_only=read_only)


def _finish_interrupted_swap(output: Path) -> None:
    """A build was killed while swapping its products in: finish that, unless a build runs now."""
    try:
        with output_lock(output):
            recover(output)
    except (OutputLocked, OSError):
        pass
