"""The output folder of a build: the names of its products, its manifest (`build.json`), and its
store opened for reading. Commands that only read a build (query, export, validate, view, serve)
need nothing else, so they start without loading spaCy."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from kg.build.lock import OutputLocked, output_lock, read_lock
from kg.build.staging import JOURNAL, recover
from kg.graph import ANSWERS_FILE, GraphStore, KnowledgeStore

STORE_DIR = "store"
STATEMENTS_FILE = "statements.jsonl"
TURTLE_FILE = "graph.ttl"
MANIFEST_FILE = "build.json"
TURTLE_INDEX = ".turtle-index"  # where each named graph's part of graph.ttl is (`kg.build.turtle`)
# answers: kg.graph.answer_facts
PRODUCTS = (STORE_DIR, STATEMENTS_FILE, TURTLE_FILE, TURTLE_INDEX, MANIFEST_FILE, ANSWERS_FILE)


class BuildError(Exception):
    """Input or output that a build cannot use."""


class Reading:
    """A build's manifest and its store, opened for reading when first used, while `reading`
    holds its lock. `folder` is the output folder when the graph is the store in it (the files
    a build writes beside the store then describe it), None for a SPARQL server."""

    def __init__(self, manifest: dict[str, object], open_store: Callable[[], GraphStore], folder: Path | None) -> None:
        self.manifest = manifest
        self.folder = folder
        self._open_store = open_store

    @cached_property
    def store(self) -> GraphStore:
        return self._open_store()


def read_manifest(output: Path) -> dict[str, object]:
    """The manifest of the build in `output` (a swap that a killed build left half-done is
    finished first). Not for use inside `reading`: `reading` gives the manifest."""
    if (output / JOURNAL).is_file():
        _finish_interrupted_swap(output)
    return _manifest(output)


@contextmanager
def reading(output: Path, store_url: str | None = None) -> Iterator[Reading]:
    """The build in `output`, to read while the `with` block runs: a build that finishes
    meanwhile waits for the block to end before it swaps its products in, and the block waits
    for a swap under way (a few milliseconds), so what it reads is one build, whole. The store
    must not be used after the block. With `store_url`, or for a build that wrote to a SPARQL
    server, the graph is read from that server (through the SPARQL 1.1 Protocol); with
    `store_url` the output folder need not hold a build."""
    if store_url and not (output / MANIFEST_FILE).is_file():
        yield Reading({}, lambda: _server(store_url), None)
        return
    if (output / JOURNAL).is_file():
        _finish_interrupted_swap(output)
    with read_lock(output):
        manifest = _manifest(output)
        base_iri, url = str(manifest["base_iri"]), store_url or manifest.get("store")
        if url:
            yield Reading(manifest, lambda: _server(str(url), base_iri), None)
        else:
            yield Reading(manifest, lambda: KnowledgeStore(output / STORE_DIR, base_iri, read_only=True), output)


def _server(url: str, base_iri: str | None = None) -> GraphStore:
    """A SPARQL server's store; its client (urllib, http.client) is imported only for one."""
    from kg.graph import ServerStore

    return ServerStore(url, base_iri)


def _manifest(output: Path) -> dict[str, object]:
    path = output / MANIFEST_FILE
    if not path.is_file():
        raise BuildError(f"{output}: no build found (run `kg build SOURCE -o {output}` first)")
    return json.loads(path.read_text(encoding="utf-8"))


def _finish_interrupted_swap(output: Path) -> None:
    """A build was killed while swapping its products in: finish that, unless a build runs now."""
    try:
        with output_lock(output):
            recover(output)
    except (OutputLocked, OSError):
        pass
