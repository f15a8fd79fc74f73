"""Crash safety of a build that writes to a SPARQL server (`--store URL`).

A server's graphs cannot be staged and swapped in like `output/store`: the build replaces them
where they are, a batch of briefs at a time. Each write is whole (a batch is one update request,
one transaction on the server; `kg.graph.server`), so a killed build leaves every brief's graph
old or new, never half; what it cannot leave right is the build's record of which is which. So, before its first
write, the build notes in `output/.store-journal.json` every brief file whose graph it will
replace or drop (the write-ahead idea of `kg.build.staging`), and removes the note after its
manifest, written last, is in place. A build that finds a note treats those files as not built
(they are extracted and written again, or their graphs dropped), and every build ends by
dropping the brief graphs on the server that none of its files accounts for (a new brief that a
killed build wrote and that has since been deleted).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.build.incremental import Plan, SourceFile
from kg.graph import brief_graph

if TYPE_CHECKING:
    from kg.graph import ServerStore

JOURNAL = ".store-journal.json"


def note_writes(output: Path, plan: Plan) -> None:
    """Name the files whose graphs this build will replace or drop (atomically, synced)."""
    record = {"paths": sorted(plan.extract), "docs": sorted(plan.drop)}
    temporary = output / (JOURNAL + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(record, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, output / JOURNAL)


def unsettled(output: Path, previous: list[SourceFile]) -> list[SourceFile]:
    """The previous build's files less those a killed build may have half-written."""
    path = output / JOURNAL
    if not path.is_file():
        return previous
    record = json.loads(path.read_text(encoding="utf-8"))
    paths, docs = set(record["paths"]), set(record["docs"])
    return [s for s in previous if s.path not in paths and not docs.intersection(s.docs)]


def settled(output: Path) -> None:
    """The manifest names what the server holds: the note can go."""
    (output / JOURNAL).unlink(missing_ok=True)


def drop_strays(store: ServerStore, sources: list[SourceFile]) -> None:
    """Drop the brief graphs under the build's base IRI that no file of this build accounts for,
    and the staged graphs a killed build left (`ServerStore.put_brief`)."""
    from kg.graph import STAGED_SUFFIX  # (the server's client, imported for --store URL builds only)

    wanted = {brief_graph(store.base_iri, doc) for source in sources for doc in source.docs}
    prefix = f"{store.base_iri}brief/"
    for graph in store.graphs():
        stray = graph.value.startswith(prefix) and graph not in wanted
        if stray or graph.value.endswith(STAGED_SUFFIX):
            store.remove_brief(graph)
