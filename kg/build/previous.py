"""What a full build keeps of the previous output for a brief it leaves out.

An incremental build starts from a copy of the previous store, so a changed brief that fails
keeps its previous graph there (`kg.build.builder`). A full build (`--full`, or new code, an edited
vocabulary or another model: `kg.build.incremental`) starts from an empty store; a brief it leaves
out (over `--brief-timeout`, or a crash) would lose the graph it had. `PreviousOutput` copies that
graph from the previous store, and its lines from the previous statements.jsonl, into the new
build, where they are marked stale like an incremental build's: the analyst keeps what the brief
said, and the next build tries the brief again. Only a previous build with the same base IRI is
drawn on (another base IRI's graph would join nothing in the new one), and only one that kept
its graph in `output/store` (a build into a SPARQL server, `--store URL`, is not copied from). The
previous store is opened read-only, and only once a brief fails.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kg.build.incremental import SourceFile
from kg.build.output import STATEMENTS_FILE, STORE_DIR, BuildError, read_manifest
from kg.graph import KnowledgeStore, StoreError, brief_graph

if TYPE_CHECKING:
    from kg.graph import ServerStore


class PreviousOutput:
    """The build that `output` holds, if it can give a failed brief its previous graph."""

    def __init__(self, output: Path, base_iri: str) -> None:
        self.output = output
        self.base_iri = base_iri
        self.sources = self._sources()  # in statements.jsonl order
        self._by_path = {source.path: source for source in self.sources}
        self._store: KnowledgeStore | None = None

    def _sources(self) -> list[SourceFile]:
        try:
            manifest = read_manifest(self.output)
        except (BuildError, ValueError):
            return []
        if manifest.get("base_iri") != self.base_iri or manifest.get("store") or not (self.output / STORE_DIR).is_dir():
            return []
        records = manifest.get("sources", [])
        return [SourceFile.from_json(record) for record in records] if isinstance(records, list) else []

    def record(self, path: str) -> SourceFile | None:
        """The previous build's record of the file at `path` (relative to the source), if any."""
        return self._by_path.get(path)

    def keep(self, record: SourceFile, store: KnowledgeStore | ServerStore, jsonl: TextIO) -> bool:
        """Copy the file's previous graphs into `store` and its lines into `jsonl`; False if the
        previous store cannot be opened (nothing is copied then)."""
        try:
            if self._store is None:
                self._store = KnowledgeStore(self.output / STORE_DIR, self.base_iri, read_only=True)
        except StoreError:
            return False
        for doc in record.docs:
            graph = brief_graph(self.base_iri, doc)
            store.put_brief(graph, self._store.graph_quads(graph))
        before = sum(s.statements for s in self.sources[: self.sources.index(record)])
        with (self.output / STATEMENTS_FILE).open(encoding="utf-8") as lines:
            jsonl.writelines(islice(lines, before, before + record.statements))
        return True
