"""`graph.ttl`: the Turtle of every named graph of the store, one after the other, so that a build
that replaced a few briefs writes only theirs again and copies the rest from the previous file.

The file is one block of `@prefix` lines, then each named graph's triples (the vocabulary's and
each brief's) in the order of the graphs' IRIs, each graph in the store's index order (which
depends only on its triples: `kg.graph.dump_each_graph`). A triple that several graphs hold (an
actor's type and label, which every brief naming it repeats) is written once a graph: RDF is a
set, and the file parses to the store's union graph. Beside the file, `.turtle-index` records
where each graph's part starts and how long it is; the next build copies the parts of the
graphs it did not replace from the previous `graph.ttl` and dumps the others. The result is the
same, byte for byte, as writing every part anew (a clean build), whatever the history.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO, Protocol

from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from kg.build.output import TURTLE_INDEX
from kg.graph import export_prefixes

FORMAT = "kg-turtle-parts-1"


class _Dumps(Protocol):
    base_iri: str

    def graphs(self) -> list[NamedNode]: ...
    def dump_graphs(self, graphs: list[NamedNode], prefixes: dict[str, str]) -> Iterator[bytes]: ...


def write_turtle(
    store: _Dumps, folder: Path, name: str, *, previous: Path | None = None, changed: Collection[str] = ()
) -> None:
    """Write `folder/name` and its index. `previous` is an output whose `name` and index were
    written from an earlier state of the same store, `changed` the graphs replaced since (any
    graph the index does not list is dumped too)."""
    prefixes = export_prefixes(store.base_iri)
    header = _header(prefixes)
    graphs = [graph.value for graph in store.graphs()]
    parts: list[tuple[str, int, int]] = []
    temporary = folder / (name + ".tmp")
    with ExitStack() as stack:
        old, before = _previous_parts(stack, previous / name if previous else None, store.base_iri)
        kept = {g: place for g, place in before.items() if g not in changed}
        dumps = store.dump_graphs([NamedNode(g) for g in graphs if g not in kept], prefixes)
        out = stack.enter_context(temporary.open("wb"))
        out.write(header)
        for graph in graphs:
            start = out.tell()
            if graph in kept and old is not None:
                offset, length = kept[graph]
                old.seek(offset)
                out.write(old.read(length))
            else:
                out.write(next(dumps).removeprefix(header))
            parts.append((graph, start, out.tell() - start))
    temporary.replace(folder / name)
    record = {"format": FORMAT, "base_iri": store.base_iri, "parts": parts}
    (folder / TURTLE_INDEX).write_text(json.dumps(record, separators=(",", ":")) + "\n", encoding="utf-8")


def _previous_parts(
    stack: ExitStack, path: Path | None, base_iri: str
) -> tuple[BinaryIO | None, dict[str, tuple[int, int]]]:
    """The previous Turtle, open, and where each graph's part is in it; (None, {}) when there is
    none, or no index that matches it (written for another base IRI, or not for this file)."""
    if path is None:
        return None, {}
    try:
        record = json.loads((path.parent / TURTLE_INDEX).read_text(encoding="utf-8"))
        stream = stack.enter_context(path.open("rb"))
    except (OSError, ValueError):
        return None, {}
    if not isinstance(record, dict) or record.get("format") != FORMAT or record.get("base_iri") != base_iri:
        return None, {}
    parts = {graph: (offset, length) for graph, offset, length in record["parts"]}
    ends = [offset + length for offset, length in parts.values()]
    if max(ends, default=0) != os.fstat(stream.fileno()).st_size:
        return None, {}
    return stream, parts


def _header(prefixes: dict[str, str]) -> bytes:
    """The `@prefix` lines a dump with `prefixes` starts with (written once, at the top)."""
    example = NamedNode("urn:kg:example")
    text = serialize([Triple(example, example, example)], format=RdfFormat.TURTLE, prefixes=prefixes)
    assert text is not None
    return b"".join(line for line in text.splitlines(keepends=True) if line.startswith(b"@prefix "))
