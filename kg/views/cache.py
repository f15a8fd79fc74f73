"""What the views keep between builds (`.views-cache` beside the pages, an SQLite file), so that
a build that replaced a few briefs redoes only what they change: every named graph's part
(`kg.views.parts`: its statements joined as far as the graph allows, and what it says of the
other subjects), its statements as the views joined and digested them (`kg.views.rejoin`) and,
for every page of actors and pairs, a digest of what it shows.

A build copies the previous build's file and replaces the rows of the graphs it changed (and of
any graph that came or went unannounced), so the file is never read or written whole; the parts
are then read back one graph at a time by `kg.views.data.joined`, which gives what a full read
gives. A part is stored with `marshal` (plain dicts, tuples and strings; loading it runs no
code, unlike pickle). The cache is only ever a shortcut: a missing, unreadable or foreign cache
means every graph read and every page rendered.
"""

from __future__ import annotations

import gc
import marshal
import shutil
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import Quad

from kg.graph import Row
from kg.sqlite_meta import read_meta
from kg.views.facts import Subjects, gather, in_order
from kg.views.parts import Part, Record, split

CACHE_FILE = ".views-cache"
FORMAT = "kg-views-4"  # 3: SQLite, a row a graph (`kg.views.parts`); 4: and its statements joined
TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE parts (graph TEXT PRIMARY KEY, shared BLOB, records BLOB);
CREATE TABLE joins (graph TEXT PRIMARY KEY, joined BLOB);
CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE pages (path TEXT PRIMARY KEY, digest TEXT);
"""


class ViewCache:
    """The cache being written into `folder` (as a temporary file until `finish`): a copy of the
    one in `previous` when that one is of this format and base IRI (`reused`), else empty."""

    def __init__(self, folder: Path, base_iri: str, previous: Path | None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.target = folder / CACHE_FILE
        self.path = folder / (CACHE_FILE + ".tmp")
        self.path.unlink(missing_ok=True)
        self.pages: dict[str, str] = {}  # the previous build's page digests
        self.ready: set[str] = set()  # graphs whose parts were made from their rows (`RowTap`)
        # graphs added or dropped since the previous build: their shared facts there (None: none)
        self.before: dict[str, bytes | None] = {}
        self.reused = previous is not None and _readable(previous / CACHE_FILE, base_iri)
        if self.reused:
            shutil.copyfile(previous / CACHE_FILE, self.path)  # type: ignore[operator]
        self.db = sqlite3.connect(self.path)
        if self.reused:
            self.pages = dict(self.db.execute("SELECT path, digest FROM pages"))
        else:
            self.db.executescript(TABLES)
            self.db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("base_iri", base_iri)])

    def graphs(self) -> set[str]:
        return {graph for (graph,) in self.db.execute("SELECT graph FROM parts")}

    def drop(self, graphs: Collection[str]) -> None:
        for graph in graphs:
            self._note(graph)
        self.db.executemany("DELETE FROM parts WHERE graph = ?", ((g,) for g in graphs))
        self.db.executemany("DELETE FROM joins WHERE graph = ?", ((g,) for g in graphs))

    def add(self, graph: str, part: Part) -> None:
        self._note(graph)
        self.db.execute(
            "INSERT OR REPLACE INTO parts VALUES (?, ?, ?)",
            (graph, marshal.dumps(part.shared), marshal.dumps((part.records, part.parties))),
        )
        if self.reused:  # (a new cache has no joins yet)
            self.db.execute("DELETE FROM joins WHERE graph = ?", (graph,))

    def shared(self) -> Iterator[Subjects]:
        """Every graph's shared facts, in graph order."""
        for (blob,) in self.db.execute("SELECT shared FROM parts ORDER BY graph"):
            yield marshal.loads(blob)

    def statements(self) -> Iterator[tuple[list[Record], tuple[str, ...]]]:
        """Every graph's statement records and parties, in graph order."""
        for (blob,) in self.db.execute("SELECT records FROM parts ORDER BY graph"):
            yield marshal.loads(blob)

    def _note(self, graph: str) -> None:
        """Keep what the previous build's cache held of a graph about to change (`before`)."""
        if self.reused and graph not in self.before:
            found = self.db.execute("SELECT shared FROM parts WHERE graph = ?", (graph,)).fetchone()
            self.before[graph] = found[0] if found else None

    def shared_of(self, graphs: Collection[str]) -> Iterator[tuple[str, Subjects]]:
        """The shared facts of the `graphs` named that the cache has, by graph."""
        for graph in graphs:
            for (blob,) in self.db.execute("SELECT shared FROM parts WHERE graph = ?", (graph,)):
                yield graph, marshal.loads(blob)

    def records(self, graphs: Collection[str]) -> Iterator[tuple[str, tuple[list[Record], tuple[str, ...]]]]:
        """The statement records and parties of the `graphs` named, by graph."""
        for graph in graphs:
            for (blob,) in self.db.execute("SELECT records FROM parts WHERE graph = ?", (graph,)):
                yield graph, marshal.loads(blob)

    def joins(self) -> Iterator[tuple[str, bytes | None]]:
        """Every graph, in graph order, with its statements as the previous build joined them
        (`kg.views.rejoin`), None when they are to be joined again."""
        yield from self.db.execute("SELECT graph, joined FROM parts LEFT JOIN joins USING (graph) ORDER BY graph")

    def keep_joins(self, joins: dict[str, bytes], not_kept: Iterable[str], described: bytes) -> None:
        """Keep the statements of the `joins`' graphs as joined (but for the graphs `not_kept`),
        and the descriptions of the union they were joined with (`kg.views.data.Union`)."""
        self.db.executemany("DELETE FROM joins WHERE graph = ?", ((graph,) for graph in not_kept))
        self.db.executemany("INSERT OR REPLACE INTO joins VALUES (?, ?)", joins.items())
        self.db.execute("INSERT OR REPLACE INTO state VALUES ('described', ?)", (described,))

    def described(self) -> bytes | None:
        """The descriptions of the union the previous build joined its statements with."""
        found = self.db.execute("SELECT value FROM state WHERE key = 'described'").fetchone() if self.reused else None
        return found[0] if found else None

    def finish(self, digests: dict[str, str]) -> None:
        """Record the pages' digests and move the file into place."""
        self.db.execute("DELETE FROM pages")
        self.db.executemany("INSERT INTO pages VALUES (?, ?)", sorted(digests.items()))
        self.db.commit()
        self.db.close()
        self.path.replace(self.target)


class RowTap:
    """Makes the parts of the brief graphs a build writes from their rows on their way into the
    store (`kg.graph.KnowledgeStore.watch`), so that the views need not read those graphs back
    (`kg.views.write_views`): at 1,000 briefs that read took about 4 CPU s, the rows' facts take
    under one. A graph written from quads (a failed brief's previous graph) is read back."""

    def __init__(self, cache: ViewCache) -> None:
        self.cache = cache

    def quads(self, quads: Iterator[Quad]) -> Iterator[Quad]:
        """One graph's quads, passed on; the graph is read back."""
        first = next(quads, None)
        if first is None:
            return
        self.cache.ready.discard(str(getattr(first.graph_name, "value", "")))
        yield first
        yield from quads

    def rows(self, graph: str, rows: Iterator[Row]) -> Iterator[Row]:
        """One graph's rows, passed on; its part added to the cache once they are all in."""
        found: dict[str, dict[tuple[str, str, str], None]] = {}
        yield from gather(rows, found)
        self.cache.add(graph, split(in_order(found)))
        self.cache.ready.add(graph)


def _readable(path: Path, base_iri: str) -> bool:
    """Whether `path` is a views cache of this format for this base IRI."""
    meta = read_meta(path) or {}
    return meta.get("format") == FORMAT and meta.get("base_iri") == base_iri


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while hundreds of thousands of small containers are
    made at once (the facts and parts, read or loaded, and their join): it would walk them again
    and again as they grow (loading the cache took 5x as long with it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
