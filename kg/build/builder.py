"""A build: briefs -> statements -> store -> exports and views, written into an output folder.

One build at a time holds the output's lock (`kg.build.lock`). Everything is first written into a
staging folder inside the output and swapped into place at the end (`kg.build.staging`), so a failed,
interrupted or killed build leaves the previous output as it was. On an existing output only
new and changed briefs are extracted (`kg.build.incremental`); the staging store starts as a copy of
the previous one, loses the graphs of changed and deleted briefs and gains the new ones.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, closing
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from kg.build.incremental import Plan, SourceFile, fingerprint, plan_build, union_count
from kg.build.interrupts import raise_if_interrupted
from kg.build.limits import DEFAULT_BRIEF_TIMEOUT
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
from kg.build.parallel import extract_briefs
from kg.build.previous import PreviousOutput
from kg.build.reader import read_stage
from kg.build.server_journal import drop_strays, note_writes, settled, unsettled
from kg.build.staging import make_staging, recover, swap_in
from kg.build.turtle import write_turtle
from kg.extract import Statement
from kg.graph import (
    ANSWERS_FILE,
    DEFAULT_BASE_IRI,
    FactsWriter,
    KnowledgeStore,
    brief_graph,
    brief_quads,
    brief_rows,
    stamp_answers,
)
from kg.read import Brief, brief_files
from kg.views import RowTap, ViewCache, write_views
from kg.wording import counted

if TYPE_CHECKING:
    from kg.graph import ServerStore

log = logging.getLogger(__name__)


_json_line = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False), one encoder


class Progress(Protocol):
    def __call__(self, done: int, total: int, detail: str = "") -> None:
        """`done` of `total` briefs extracted; `detail`: how far the current one is."""


@dataclass(frozen=True)
class BuildSummary:
    briefs: int
    statements: int
    triples: int
    seconds: float
    base_iri: str
    changes: str  # "full build" or "1 changed, 0 added, 0 removed"
    views: list[str]
    left_out: int = 0  # briefs over the time limit or that failed: the build is partial
    without_text: int = 0  # briefs with no body text to extract from

    def line(self) -> str:
        line = (
            f"{counted(self.briefs, 'brief')}, {counted(self.statements, 'statement')}, "
            f"{counted(self.triples, 'triple')} "
            f"in {self.seconds:.1f} s ({self.changes})"
        )
        if self.without_text:
            line += f"; {self.without_text} without body text"
        if self.left_out:
            line += f"; {self.left_out} left out (partial build, see above)"
        return line

    def to_json(self) -> dict[str, object]:
        record = asdict(self)
        del record["views"]
        return record


def build(
    source: Path,
    output: Path,
    base_iri: str = DEFAULT_BASE_IRI,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    full: bool = False,
    status: Callable[[str], None] | None = None,
    brief_timeout: float | None = DEFAULT_BRIEF_TIMEOUT,
    dask: str | None = None,
    store_url: str | None = None,
) -> BuildSummary:
    """Build the graph of the briefs under `source` into `output`. On an output built before
    with the same code, vocabulary and base IRI, only new and changed files are extracted
    (unless `full`); the result is the same as a full build's. A brief that takes longer than
    `brief_timeout` seconds, or whose extraction fails, is left out (its previous graph kept,
    marked stale) and named; the summary counts it. Extraction runs in `jobs` worker processes,
    or on the Dask cluster at `dask` (`kg.build.cluster`) when given. The graph goes into
    `output/store`, or into the SPARQL server at `store_url` (`kg.build.server_journal`).
    `progress` hears of every brief extracted (and of the pieces of a long one), `status` of
    each later stage."""
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
        previous = None if full else _previous_sources(output, marker, store_url)
        if previous is not None and store_url:
            previous = unsettled(output, previous)
        plan = plan_build(files, source, previous)
        staging = make_staging(output)
        try:
            settings = _Settings(base_iri, marker, jobs, brief_timeout, progress, status or _silent, dask, store_url)
            summary = _build_into(staging, output, plan, settings, started)
            waiting = partial(status or _silent, f"waiting for the commands reading {output} to finish")
            raise_if_interrupted()  # (a Ctrl-C whose exception a finalizer swallowed: `kg.build.interrupts`)
            swap_in(staging, output, [*PRODUCTS, *summary.views], waiting)
            settled(output)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return summary


@dataclass(frozen=True)
class _Settings:
    base_iri: str
    marker: str
    jobs: int
    brief_timeout: float | None
    progress: Progress | None
    status: Callable[[str], None]
    dask: str | None = None
    store_url: str | None = None


@dataclass
class _Extracted:
    """What the extraction phase put into the staging store and statements.jsonl."""

    sources: list[SourceFile] = field(default_factory=list)
    statements: int = 0
    left_out: list[dict[str, object]] = field(default_factory=list)
    without_text: list[dict[str, str]] = field(default_factory=list)
    changed_graphs: set[str] = field(default_factory=set)  # named graphs dropped or replaced


def _build_into(staging: Path, output: Path, plan: Plan, settings: _Settings, started: float) -> BuildSummary:
    """Write every product into `staging`: the store (a copy of the previous one with the
    changed briefs replaced, or a new one), statements.jsonl, graph.ttl, the views, build.json.
    The seconds each phase took go into build.json (`phases`)."""
    phases: dict[str, float] = {}
    clock = time.perf_counter()
    status = settings.status

    def phase(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        phases[name] = round(now - clock, 3)
        clock = now

    if settings.store_url:
        store: KnowledgeStore | ServerStore = _server_store(settings.store_url, plan, settings.base_iri)
        note_writes(output, plan)
    else:
        store = _staging_store(staging / STORE_DIR, output, plan, settings.base_iri)
    # the named queries' facts, kept beside the store from the quads written (kg.graph.answer_facts)
    # an incremental build redoes the Turtle and the views of what it changed, the rest comes
    # from the output's (not over a server, whose graphs others may have written to since)
    previous = None if plan.full or settings.store_url else output
    answers = view_cache = None
    if isinstance(store, KnowledgeStore):
        answers = FactsWriter(store, staging / ANSWERS_FILE, None if plan.full else output / ANSWERS_FILE)
        view_cache = ViewCache(staging, settings.base_iri, previous)  # the views' facts, from the rows written
        tap = RowTap(view_cache)
        store.watch(tap.quads, tap.rows)
    dropped = [brief_graph(settings.base_iri, doc) for doc in plan.drop]
    for graph in dropped:
        store.remove_brief(graph)
    previous_lines = _previous_statements(output, plan)
    # a full build's failed brief keeps its previous graph from there (an incremental build's
    # store is a copy of it; a server store is not copied: `drop_strays` drops what no brief has)
    before = PreviousOutput(output, settings.base_iri) if plan.full and not settings.store_url else None
    phase("prepare")
    with (staging / STATEMENTS_FILE).open("w", encoding="utf-8") as jsonl:
        extracted = _extract_into(store, jsonl, plan, previous_lines, settings, before)
    if not isinstance(store, KnowledgeStore):
        drop_strays(store, extracted.sources)
    extracted.changed_graphs.update(graph.value for graph in dropped)
    store.flush()
    phase("extract and store")
    if plan.full:  # an incremental build changes little; RocksDB compacts that in the background
        status("compacting the store")
        store.optimize()
        phase("compact")
    if answers is not None and isinstance(store, KnowledgeStore):  # (mypy: a writer is only made for one)
        answers.finish(store, extracted.changed_graphs)
        phase("answers")
    status(f"writing {TURTLE_FILE}")
    write_turtle(store, staging, TURTLE_FILE, previous=previous, changed=extracted.changed_graphs)
    phase("turtle")
    status("writing the views")
    views = write_views(store, staging, previous=previous, changed=extracted.changed_graphs, cache=view_cache)
    phase("views")
    summary = BuildSummary(
        sum(len(s.docs) for s in extracted.sources),
        extracted.statements,
        _triple_count(store, output, plan, extracted.changed_graphs),
        time.perf_counter() - started,
        settings.base_iri,
        plan.line(),
        views,
        len(extracted.left_out),
        len(extracted.without_text),
    )
    manifest = {
        **summary.to_json(),
        "phases": phases,
        "fingerprint": settings.marker,
        "sources": [s.to_json() for s in extracted.sources],
        "left_out_briefs": extracted.left_out,
        "briefs_without_text": extracted.without_text,
        **({"store": settings.store_url} if settings.store_url else {}),
    }
    (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    del store  # closes the store before it is moved
    stamp_answers(staging / ANSWERS_FILE, staging / STORE_DIR, settings.base_iri)  # for the store as closed
    return summary


def _extract_into(
    store: KnowledgeStore | ServerStore,
    jsonl: TextIO,
    plan: Plan,
    previous_lines: dict[str, list[str]],
    settings: _Settings,
    before: PreviousOutput | None,
) -> _Extracted:
    """Store every file's brief, in file order: kept ones as they were, the others as the
    extraction stage returns them. A brief left out keeps its previous graph and lines, if any
    (marked stale in build.json): from the store copy in an incremental build, from the previous
    output (`before`) in a full one."""
    result = _Extracted()
    to_extract = [path for path, record in plan.files if record.path in plan.extract]
    done = 0

    def pieces(brief: Brief, segments: int, total: int) -> None:
        if settings.progress and total > 1:
            settings.progress(done, len(to_extract), f"{brief.path.name}: segment {segments} of {total}")

    items = read_stage(to_extract)
    if settings.dask and to_extract:
        from kg.build.cluster import extract_on_dask  # Dask: an optional extra

        settings.status(f"extracting on the Dask cluster {settings.dask}")
        executor = extract_on_dask(items, settings.dask, settings.brief_timeout)
    else:
        executor = extract_briefs(items, min(settings.jobs, len(to_extract)), settings.brief_timeout, pieces)
    # closing: on any error the workers are stopped at once, not when the generator is collected
    with closing(executor) as outcomes:
        for path, record in plan.files:
            if record.path in plan.kept:
                _keep(result, jsonl, plan.kept[record.path], previous_lines)
                continue
            outcome = next(outcomes)
            assert outcome.brief.path == path, (outcome.brief.path, path)
            previous = plan.replaced.get(record.path)
            if outcome.failure:
                log.warning("%s: left out of this build: %s", path, outcome.failure)
                if previous:
                    _keep(result, jsonl, replace(previous, stale=True), previous_lines)
                kept = previous is not None or _keep_from_before(result, store, jsonl, before, record.path)
                result.left_out.append({"path": record.path, "reason": outcome.failure, "previous_graph_kept": kept})
            else:
                if outcome.without_text:
                    log.warning("%s: %s", path, outcome.without_text)
                    result.without_text.append({"path": record.path, "reason": outcome.without_text})
                graph = brief_graph(settings.base_iri, outcome.brief.doc)
                for doc in previous.docs if previous else ():
                    if brief_graph(settings.base_iri, doc) != graph:
                        store.remove_brief(brief_graph(settings.base_iri, doc))
                    result.changed_graphs.add(brief_graph(settings.base_iri, doc).value)
                count = _store_brief(store, jsonl, outcome.brief, outcome.statements, settings.base_iri)
                result.changed_graphs.add(graph.value)
                result.sources.append(SourceFile(record.path, record.sha256, (outcome.brief.doc,), count))
                result.statements += count
            done += 1
            if settings.progress:
                settings.progress(done, len(to_extract), "")
    return result


def _store_brief(
    store: KnowledgeStore | ServerStore, jsonl: TextIO, brief: Brief, statements: Iterable[Statement], base_iri: str
) -> int:
    """Write a brief's statements into the store and statements.jsonl in one pass (they come
    back from the spool a batch at a time: nothing holds them all); return how many."""
    count = 0

    def written() -> Iterator[Statement]:
        nonlocal count
        for statement in statements:
            jsonl.write(_json_line(statement.to_json()) + "\n")
            count += 1
            yield statement

    graph = brief_graph(base_iri, brief.doc)
    if isinstance(store, KnowledgeStore):  # as N-Quads text, no pyoxigraph quad made
        store.put_brief_rows(graph, brief_rows(brief, written(), base_iri))
    else:
        store.put_brief(graph, brief_quads(brief, written(), base_iri))
    return count


def _keep_from_before(
    result: _Extracted, store: KnowledgeStore | ServerStore, jsonl: TextIO, before: PreviousOutput | None, path: str
) -> bool:
    """A full build's failed file keeps the graph and lines it had in the previous output, if
    any (`kg.build.previous`), marked stale."""
    record = before.record(path) if before else None
    if before is None or record is None or not before.keep(record, store, jsonl):
        return False
    result.sources.append(replace(record, stale=True))
    result.statements += record.statements
    return True


def _keep(result: _Extracted, jsonl: TextIO, record: SourceFile, previous_lines: dict[str, list[str]]) -> None:
    """A file's previous graph stays (it is in the store copy): its lines and record too."""
    jsonl.writelines(previous_lines.pop(record.path))
    result.sources.append(record)
    result.statements += record.statements


def _triple_count(store: KnowledgeStore | ServerStore, output: Path, plan: Plan, changed: set[str]) -> int:
    """The union's triples; an incremental build into `output/store` counts what it changed only."""
    if plan.full or not isinstance(store, KnowledgeStore):
        return store.triple_count()
    return union_count(store, output / STORE_DIR, read_manifest(output).get("triples"), changed)


def _silent(message: str) -> None:
    """The default `status`: say nothing."""


def _staging_store(path: Path, output: Path, plan: Plan, base_iri: str) -> KnowledgeStore:
    if not plan.full:
        KnowledgeStore(output / STORE_DIR, base_iri, read_only=True).copy_to(path)
        return KnowledgeStore(path, base_iri)
    store = KnowledgeStore(path, base_iri)
    store.load_vocabulary()
    store.add_to_union(store.vocabulary_graph)
    store.start_bulk_load()
    return store


def _server_store(url: str, plan: Plan, base_iri: str) -> ServerStore:
    from kg.graph import ServerStore  # the server's client (urllib, http, ssl): only for --store URL

    store = ServerStore(url, base_iri)
    if plan.full:
        store.load_vocabulary()
    return store


def _previous_sources(output: Path, marker: str, store_url: str | None) -> list[SourceFile] | None:
    """The files of the previous build, if it can be built upon: same fingerprint, same store
    (`output/store` there, or the same server)."""
    try:
        manifest = read_manifest(output)
    except (BuildError, ValueError):
        return None
    if manifest.get("fingerprint") != marker or manifest.get("store") != store_url:
        return None
    if store_url is None and not (output / STORE_DIR).is_dir():
        return None
    return [SourceFile.from_json(record) for record in manifest.get("sources", [])]  # type: ignore[union-attr]


def _previous_statements(output: Path, plan: Plan) -> dict[str, list[str]]:
    """The previous statements.jsonl lines of each kept or changed file (the file lists them in
    build order): a changed file whose brief is left out keeps them."""
    if plan.full:
        return {}
    manifest = read_manifest(output)
    lines: dict[str, list[str]] = {}
    with (output / STATEMENTS_FILE).open(encoding="utf-8") as jsonl:
        for record in manifest["sources"]:  # type: ignore[union-attr]
            previous = SourceFile.from_json(record)
            chunk = [jsonl.readline() for _ in range(previous.statements)]
            if previous.path in plan.kept or previous.path in plan.replaced:
                lines[previous.path] = chunk
    return lines
