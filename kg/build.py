"""A build: briefs -> statements -> store -> exports and view, written into an output folder.

Everything is first written into a fresh folder beside the output and moved into place at the
end, so a failed or interrupted build leaves the previous output as it was.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.briefs import read_briefs
from kg.export import export
from kg.extract import extract
from kg.namespaces import DEFAULT_BASE_IRI
from kg.pipeline import load_pipeline
from kg.rdf import brief_graph, brief_quads
from kg.sources import brief_files
from kg.store import KnowledgeStore
from kg.views import write_views

STORE_DIR = "store"
STATEMENTS_FILE = "statements.jsonl"
TURTLE_FILE = "graph.ttl"
MANIFEST_FILE = "build.json"
PRODUCTS = (STORE_DIR, STATEMENTS_FILE, TURTLE_FILE, MANIFEST_FILE)


class BuildError(Exception):
    """Input or output that a build cannot use."""


@dataclass(frozen=True)
class BuildSummary:
    briefs: int
    statements: int
    triples: int
    seconds: float
    base_iri: str

    def line(self) -> str:
        return f"{self.briefs} briefs, {self.statements} statements, {self.triples} triples in {self.seconds:.1f} s"


def build(
    source: Path,
    output: Path,
    base_iri: str = DEFAULT_BASE_IRI,
    progress: Callable[[int, int], None] | None = None,
) -> BuildSummary:
    started = time.perf_counter()
    files = brief_files(source, exclude=output)
    total = len(files)
    if output.exists() and not output.is_dir():
        raise BuildError(f"cannot write to {output}: it is a file, not a folder")
    try:
        output.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".building-", dir=output))
    except OSError as error:
        raise BuildError(f"cannot write to {output}: {error.strerror or error}") from error
    try:
        store = KnowledgeStore(staging / STORE_DIR, base_iri)
        store.load_vocabulary()
        statements = 0
        with (staging / STATEMENTS_FILE).open("w", encoding="utf-8") as jsonl:
            for done, (brief, found) in enumerate(extract(load_pipeline(), read_briefs(files)), start=1):
                store.replace_graph(brief_graph(base_iri, brief.doc), brief_quads(brief, found, base_iri))
                for statement in found:
                    jsonl.write(json.dumps(statement.to_json(), ensure_ascii=False) + "\n")
                statements += len(found)
                if progress:
                    progress(done, total)
        store.refresh_union()
        store.flush()
        export(store, "turtle", staging / TURTLE_FILE)
        views = write_views(store, staging)
        summary = BuildSummary(total, statements, len(store.triples()), time.perf_counter() - started, base_iri)
        (staging / MANIFEST_FILE).write_text(json.dumps(asdict(summary), indent=1) + "\n", encoding="utf-8")
        del store
        _swap_in(staging, output, [*PRODUCTS, *views])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summary


def _swap_in(staging: Path, output: Path, products: list[str]) -> None:
    """Move the new products into the output folder, each replacing the old one."""
    for name in products:
        new, old = staging / name, output / name
        if old.exists():
            old.rename(staging / f"old-{name}")
        new.rename(old)


def read_manifest(output: Path) -> dict[str, object]:
    path = output / MANIFEST_FILE
    if not path.is_file():
        raise BuildError(f"{output}: no build found (run `kg build SOURCE -o {output}` first)")
    return json.loads(path.read_text(encoding="utf-8"))


def open_store(output: Path, *, read_only: bool = True) -> KnowledgeStore:
    manifest = read_manifest(output)
    return KnowledgeStore(output / STORE_DIR, str(manifest["base_iri"]), read_only=read_only)
