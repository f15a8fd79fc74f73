"""The persistent RDF store (Oxigraph): the single source of truth every export and view reads.

Each brief lives in a named graph of its own; the ontology and vocabularies in
`<base>graph/vocabulary`. The default graph is the de-duplicated union of the named graphs,
refreshed after a full load (`refresh_union`) or kept up to date brief by brief (`add_brief`,
`remove_brief`): Oxigraph's `use_default_graph_as_union`
returns a triple once per graph holding it, which would multiply every count of an actor
that several briefs describe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from io import BytesIO
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
)

from kg.graph.namespaces import sparql_prefixes
from kg.graph.nquads import Row, nquads
from kg.ontology import ONTOLOGY_DIR

# Oxigraph keeps inserts in RocksDB's in-memory write buffers until they are flushed: measured
# at about 750 bytes a quad, 700 MiB for 1,000 briefs. Flushing every 100,000 quads bounds that
# to about 75 MiB whatever the number of briefs.
FLUSH_EVERY_QUADS = 100_000
# A brief's quads go in by batches: one `extend` of a 50 MB brief's millions of quads held them
# all twice in Python and once more in the transaction (21 GB resident).
BATCH_QUADS = 20_000
# A new store (a full build's) is written with Oxigraph's bulk loader, which sorts the quads into
# table files and hands them to RocksDB whole, without a transaction or the write-ahead log: on
# 300 briefs 2.4 CPU s where one transaction a brief took 9.4 s (and the store 71 MB, not 256).
# It takes them this many at a time (about 40 MB of quads held in Python), as N-Quads text it
# parses without validating IRIs again (`lenient`): the rows' IRIs are the base IRI, which the
# vocabulary's strict load has checked, and slugs and numbers (`kg.graph.rdf`); 1.23M quads of
# 1,000 briefs load in 7.9 CPU s instead of 10.1.
BULK_QUADS = 200_000
VOCABULARY_FILES = ("kg.ttl", "actors.ttl", "countries.ttl", "cameo.ttl")  # the rest configures the extractor


class StoreError(Exception):
    """The store cannot be opened or read (missing, locked, or of another version)."""


class GraphStore(Protocol):
    """What the commands that read a graph use: the embedded `KnowledgeStore`, or a SPARQL
    server (`kg.graph.server.ServerStore`)."""

    base_iri: str

    def graphs(self) -> list[NamedNode]: ...
    def query(self, sparql: str) -> Any: ...
    def triple_count(self) -> int: ...
    def dump_union(self, output: BinaryIO, rdf_format: RdfFormat, prefixes: dict[str, str] | None) -> None: ...
    def union_triples(self) -> Iterator[Triple]: ...
    def triples(self) -> list[Triple]: ...
    def quads(self) -> Iterator[Quad]: ...


class KnowledgeStore:
    """A thin, typed wrapper over an on-disk `pyoxigraph.Store`."""

    def __init__(self, path: Path, base_iri: str, *, read_only: bool = False) -> None:
        self.path = path
        self.base_iri = base_iri
        self._unflushed = 0
        self._bulk: list[Quad] | None = None  # quads waiting for the bulk loader (`start_bulk_load`)
        self._bulk_text: list[bytes] = []  # ... and N-Quads text, encoded (`put_brief_rows`)
        self._bulk_size = 0  # quads waiting, in all
        self._bulk_graphs: set[NamedNode] = set()
        self._watchers: list[Callable[[Iterator[Quad]], Iterator[Quad]]] = []
        self._row_watchers: list[Callable[[str, Iterator[Row]], Iterator[Row]]] = []
        try:
            self._store = Store.read_only(str(path)) if read_only else Store(str(path))
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {error}") from error

    @property
    def vocabulary_graph(self) -> NamedNode:
        return NamedNode(f"{self.base_iri}graph/vocabulary")

    def load_vocabulary(self, ontology_dir: Path = ONTOLOGY_DIR) -> None:
        """Replace the vocabulary graph with the ontology's Turtle files (relative IRIs resolve
        against the base IRI, so actors are `<base>actor/...`)."""
        self._store.remove_graph(self.vocabulary_graph)
        for name in VOCABULARY_FILES:
            self._store.load(
                path=str(ontology_dir / name),
                format=RdfFormat.TURTLE,
                base_iri=self.base_iri,
                to_graph=self.vocabulary_graph,
            )

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Drop a named graph and insert its new quads."""
        self._store.remove_graph(graph)
        self._store.extend(quads)

    def start_bulk_load(self) -> None:
        """From now on write briefs through the bulk loader, `BULK_QUADS` at a time (the rest at
        `flush`): for a store nobody reads until it is flushed, whose writer discards it whole
        on failure (a full build's staging store). The loader is not transactional: a failure
        may leave part of a batch written."""
        self._bulk = []

    def _write_bulk(self) -> None:
        if self._bulk:
            self._store.bulk_extend(self._bulk)
            self._bulk = []
        if self._bulk_text:
            text = b"".join(self._bulk_text)
            self._store.bulk_load(text, RdfFormat.N_QUADS, lenient=True)  # (see BULK_QUADS)
            self._bulk_text = []
        self._bulk_size = 0

    def watch(
        self,
        watcher: Callable[[Iterator[Quad]], Iterator[Quad]],
        rows: Callable[[str, Iterator[Row]], Iterator[Row]],
    ) -> None:
        """Pass every brief added from now on through a watcher on its way in (one call a brief,
        its quads as they come: `kg.graph.answer_facts.FactsWriter`): its quads through
        `watcher`, or, a brief given as rows (`put_brief_rows`), its graph's IRI and its rows
        through `rows`."""
        self._watchers.append(watcher)
        self._row_watchers.append(rows)

    def add_brief(self, quads: Iterable[Quad]) -> None:
        """Insert a brief's graph (absent until now) and add its triples to the union, in
        batches of `BATCH_QUADS` quads, one transaction each, so memory stays flat whatever
        the size of the brief. (Per brief, this costs what one `refresh_union` after the last
        brief costs per triple, and never holds the whole union in memory as the SPARQL update
        does.) A build that fails half-way through a brief discards its staging store whole."""
        quads = iter(quads)
        for watcher in self._watchers:
            quads = watcher(quads)
        while batch := list(islice(quads, BATCH_QUADS)):
            if self._bulk is not None:
                self._bulk_graphs.add(batch[0].graph_name)  # type: ignore[arg-type]
                self._bulk += batch
                self._bulk += (Quad(q.subject, q.predicate, q.object) for q in batch)
                self._bulk_size += 2 * len(batch)
                if self._bulk_size >= BULK_QUADS:
                    self._write_bulk()
                continue
            self._store.extend([*batch, *(Quad(q.subject, q.predicate, q.object) for q in batch)])
            self._unflushed += 2 * len(batch)
            if self._unflushed >= FLUSH_EVERY_QUADS:
                self.flush()

    def put_brief(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace a brief's graph (and its triples in the union) with `quads`."""
        if graph in self._bulk_graphs or self._store.contains_named_graph(graph):
            self.remove_brief(graph)
        self.add_brief(quads)

    def put_brief_rows(self, graph: NamedNode, rows: Iterable[Row]) -> None:
        """`put_brief` of a brief's quads given as rows of texts (`kg.graph.rdf.brief_rows`),
        loaded as N-Quads text: no pyoxigraph term or quad is made for them."""
        if graph in self._bulk_graphs or self._store.contains_named_graph(graph):
            self.remove_brief(graph)
        rows = iter(rows)
        for watcher in self._row_watchers:
            rows = watcher(graph.value, rows)
        while batch := list(islice(rows, BATCH_QUADS)):
            # encoded a batch at a time: joined first, the text of all of them was as wide as its
            # widest character and took twice as long to encode (c200: 0.15 -> 0.08 CPU s)
            text = nquads(batch, graph.value).encode("utf-8")
            if self._bulk is not None:
                self._bulk_graphs.add(graph)
                self._bulk_text.append(text)
                self._bulk_size += 2 * len(batch)
                if self._bulk_size >= BULK_QUADS:
                    self._write_bulk()
                continue
            self._store.load(text, RdfFormat.N_QUADS)
            self._unflushed += 2 * len(batch)
            if self._unflushed >= FLUSH_EVERY_QUADS:
                self.flush()

    def add_to_union(self, graph: NamedNode) -> None:
        """Add the triples of a named graph already in the store (the vocabulary) to the union."""
        named = self._store.quads_for_pattern(None, None, None, graph)
        self._store.extend([Quad(q.subject, q.predicate, q.object) for q in named])

    def remove_brief(self, graph: NamedNode) -> None:
        """Drop a brief's graph, and from the union the triples no other graph holds."""
        self._write_bulk()
        self._bulk_graphs.discard(graph)
        self._store.update(
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}) }} }}"
        )
        self._store.remove_graph(graph)

    def copy_to(self, path: Path) -> None:
        """Write an independent copy of the store to `path` (RocksDB checkpoint: the immutable
        table files are hard-linked when `path` is on the same file system)."""
        self._store.backup(str(path))

    def graphs(self) -> list[NamedNode]:
        return sorted((g for g in self._store.named_graphs() if isinstance(g, NamedNode)), key=lambda g: g.value)

    def query(self, sparql: str) -> QuerySolutions | QueryTriples | bool:
        """Run a SPARQL query over the union of all graphs, with the project's prefixes declared
        (handed to the parser as a map, not prepended, so that errors name the user's own lines;
        an ASK query answers a bool: pyoxigraph's QueryBoolean is no bool)."""
        results = self._store.query(sparql, prefixes=sparql_prefixes(self.base_iri))
        return bool(results) if isinstance(results, QueryBoolean) else results

    def refresh_union(self) -> None:
        """Make the default graph the union of the named graphs (the store keeps quads as a set)."""
        self._store.update("CLEAR DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def triple_count(self) -> int:
        """The number of triples in the default (union) graph."""
        solutions = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(solutions))["n"].value)  # type: ignore[arg-type, index, union-attr]

    def dump_union(self, output: BinaryIO, rdf_format: RdfFormat, prefixes: dict[str, str] | None) -> None:
        """Serialise the default (union) graph in the store's index order: the order of the
        encoded terms, which depends only on the store's content, never on the order or history
        of inserts. Oxigraph streams it natively, so any size of store can be written."""
        self._store.dump(output, rdf_format, from_graph=DefaultGraph(), prefixes=prefixes)

    def triples(self) -> list[Triple]:
        """Every triple of the default (union) graph, sorted: the order exports are written in."""
        found = (
            Triple(q.subject, q.predicate, q.object)
            for q in self._store.quads_for_pattern(None, None, None, DefaultGraph())
        )
        return sorted(found, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))

    def union_triples(self) -> Iterator[Triple]:
        """The triples of the default (union) graph in the store's index order (grouped by
        subject), streamed."""
        for quad in self._store.quads_for_pattern(None, None, None, DefaultGraph()):
            yield Triple(quad.subject, quad.predicate, quad.object)

    def pattern(self, subject: Any, predicate: Any, obj: Any, graph: Any) -> Iterator[Quad]:
        """The quads matching a pattern (None: any term; `DefaultGraph()`: the union), streamed."""
        return iter(self._store.quads_for_pattern(subject, predicate, obj, graph))

    def dump_graphs(self, graphs: Iterable[NamedNode], prefixes: dict[str, str]) -> Iterator[bytes]:
        """Each named graph's Turtle, in the order given (see `dump_each_graph`)."""
        return dump_each_graph(self._store, graphs, prefixes)

    def graph_quads(self, graph: NamedNode) -> Iterator[Quad]:
        """The quads of one named graph (a brief's), streamed."""
        return iter(self._store.quads_for_pattern(None, None, None, graph))

    def quads(self) -> Iterator[Quad]:
        """The quads of the named graphs (not the derived default graph), in index order."""
        return (q for q in self._store if not isinstance(q.graph_name, DefaultGraph))

    def optimize(self) -> None:
        """Compact the store (RocksDB full compaction): a build's many small flushes leave many
        table files, and queries read each; compacted, the named queries ran 1.3-2x faster on
        1,000 briefs, for 2 s of compaction."""
        self._store.optimize()

    def flush(self) -> None:
        self._write_bulk()
        self._store.flush()
        self._unflushed = 0


def dump_each_graph(store: Store, graphs: Iterable[NamedNode], prefixes: dict[str, str]) -> Iterator[bytes]:
    """The Turtle of each named graph of `store`, one at a time, in the store's index order
    within the graph (which depends only on the graph's triples), each with the `@prefix` lines
    of `prefixes` (none when the graph is empty)."""
    for graph in graphs:
        buffer = BytesIO()
        store.dump(buffer, RdfFormat.TURTLE, from_graph=graph, prefixes=prefixes)
        yield buffer.getvalue()
