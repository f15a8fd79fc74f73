"""A build: briefs -> statements -> store -> exports and views, written into an output folder.

One build at a time holds the output's lock (`kg.build.lock`). Everything is first written into a
staging folder inside the output and swapped into place at the end (`kg.build.staging`), so a failed,
interrupted or killed build leaves the previous output as it was. On an existing output only
new and changed briefs are extracted (`kg.build.incremental`); the staging store starts as a copy of
the previous one, loses the graphs of changed and deleted briefs and gains the new ones.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from contextlib import ExitStack, closing
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

from kg.build.incremental import Plan, SourceFile, fingerprint, plan_build
from kg.build.lock import output_lock
from kg.build.output import (
    MANIFEST_FILE,
    PRODUCTS,
    STATEMENTS_FILE,
    STORE_DIR,
    TURTLE_FILE,
    BuildError,
    read_manifest,
)
from kg.build.parallel import extract_files
from kg.build.staging import make_staging, recover, swap_in
from kg.graph import DEFAULT_BASE_IRI, KnowledgeStore, brief_graph, brief_quads, export
from kg.read import brief_files
from kg.views import write_views


@dataclass(frozen=True)
class BuildSummary:
    briefs: int
    statements: int
    triples: int
    seconds: float
    base_iri: str
    changes: str  # "full build" or "1 changed, 0 added, 0 removed"
    views: list[str]

    def line(self) -> str:
        return (
            f"{self.briefs} briefs, {self.statements} statements, {self.triples} triples "
            f"in {self.seconds:.1f} s ({self.changes})"
        )

    def to_json(self) -> dict[str, object]:
        record = asdict(self)
        del record["views"]
        return record


def build(
    source: Path,
    output: Path,
    base_iri: str = DEFAULT_BASE_IRI,
    progress: Callable[[int, int], None] | None = None,
    *,
    jobs: int = 1,
    full: bool = False,
    status: Callable[[str], None] | None = None,
) -> BuildSummary:
    """Build the graph of the briefs under `source` into `output`. On an output built before
    with the same code, vocabulary and base IRI, only new and changed files are extracted
    (unless `full`); the result is the same as a full build's. `progress` hears of every brief
    extracted, `status` of each later stage."""
    started = time.perf_counter()
    files = brief_files(source, exclude=output)
    if output.exists() and not output.is_dir():
        raise BuildError(f"cannot write to {output}: it is a file, not a folder")
    with ExitStack() as stack:
        try:
            output.mkdir(parents=True, exist_ok=True)
            stack.enter_context(output_lock(output))
        except OSError as error:
            raise BuildError(f"cannot write to {output}: {error.strerror or error}") from error
        recover(output)
        marker = fingerprint(base_iri)
        previous = None if full else _previous_sources(output, marker)
        plan = plan_build(files, source, previous)
        staging = make_staging(output)
        try:
            summary = _build_into(staging, output, plan, base_iri, marker, jobs, progress, status or _silent, started)
            waiting = partial(status or _silent, f"waiting for the commands reading {output} to finish")
            swap_in(staging, output, [*PRODUCTS, *summary.views], waiting)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return summary


def _build_into(
    staging: Path,
    output: Path,
    plan: Plan,
    base_iri: str,
    marker: str,
    jobs: int,
    progress: Callable[[int, int], None] | None,
    status: Callable[[str], None],
    started: float,
) -> BuildSummary:
    """Write every product into `staging`: the store (a copy of the previous one with the
    changed briefs replaced, or a new one), statements.jsonl, graph.ttl, the views, build.json.
    The seconds each phase took go into build.json (`phases`)."""
    phases: dict[str, float] = {}
    clock = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        phases[name] = round(now - clock, 3)
        clock = now

    store = _staging_store(staging / STORE_DIR, output, plan, base_iri)
    for doc in plan.drop:
        store.remove_brief(brief_graph(base_iri, doc))
    previous_lines = _previous_statements(output, plan)
    phase("prepare")
    to_extract = [path for path, record in plan.files if record.path in plan.extract]
    sources: list[SourceFile] = []
    statements = done = 0
    # closing: on any error the generator's workers are stopped at once, not when it is collected
    with (
        closing(extract_files(to_extract, jobs)) as extracted,
        (staging / STATEMENTS_FILE).open("w", encoding="utf-8") as jsonl,
    ):
        for path, record in plan.files:
            if record.path in plan.kept:
                kept = plan.kept[record.path]
                jsonl.writelines(previous_lines.pop(record.path))
                sources.append(kept)
                statements += kept.statements
                continue
            extracted_path, briefs = next(extracted)
            assert extracted_path == path, (extracted_path, path)
            for brief, found in briefs:
                store.add_brief(brief_quads(brief, found, base_iri))
                jsonl.writelines(json.dumps(s.to_json(), ensure_ascii=False) + "\n" for s in found)
            count = sum(len(found) for _, found in briefs)
            sources.append(SourceFile(record.path, record.sha256, tuple(b.doc for b, _ in briefs), count))
            statements += count
            done += 1
            if progress:
                progress(done, len(plan.extract))
    store.flush()
    phase("extract and store")
    if plan.full:  # an incremental build changes little; RocksDB compacts that in the background
        status("compacting the store")
        store.optimize()
        phase("compact")
    status(f"writing {TURTLE_FILE}")
    export(store, "turtle", staging / TURTLE_FILE)
    phase("turtle")
    status("writing the views")
    views = write_views(store, staging)
    phase("views")
    summary = BuildSummary(
        sum(len(s.docs) for s in sources),
        statements,
        store.triple_count(),
        time.perf_counter() - started,
        base_iri,
        plan.line(),
        views,
    )
    manifest = {
        **summary.to_json(),
        "phases": phases,
        "fingerprint": marker,
        "sources": [s.to_json() for s in sources],
    }
    (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    del store  # closes the store before it is moved
    return summary


def _silent(message: str) -> None:
    """The default `status`: say nothing."""


def _staging_store(path: Path, output: Path, plan: Plan, base_iri: str) -> KnowledgeStore:
    if not plan.full:
        KnowledgeStore(output / STORE_DIR, base_iri, read_only=True).copy_to(path)
        return KnowledgeStore(path, base_iri)
    store = KnowledgeStore(path, base_iri)
    store.load_vocabulary()
    store.add_to_union(store.vocabulary_graph)
    return store


def _previous_sources(output: Path, marker: str) -> list[SourceFile] | None:
    """The files of the previous build, if it can be built upon: same fingerprint, store there."""
    try:
        manifest = read_manifest(output)
    except (BuildError, ValueError):
        return None
    if manifest.get("fingerprint") != marker or not (output / STORE_DIR).is_dir():
        return None
    return [SourceFile.from_json(record) for record in manifest.get("sources", [])]  # type: ignore[union-attr]


def _previous_statements(output: Path, plan: Plan) -> dict[str, list[str]]:
    """The previous statements.jsonl lines of each kept file (the file lists them in build order)."""
    if plan.full:
        return {}
    manifest = read_manifest(output)
    lines: dict[str, list[str]] = {}
    with (output / STATEMENTS_FILE).open(encoding="utf-8") as jsonl:
        for record in manifest["sources"]:  # type: ignore[union-attr]
            previous = SourceFile.from_json(record)
            chunk = [jsonl.readline() for _ in range(previous.statements)]
            if previous.path in plan.kept:
                lines[previous.path] = chunk
    return lines
