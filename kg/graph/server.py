"""A SPARQL 1.1 server as the store (`--store URL`): the same interface as `KnowledgeStore`, over
HTTP: writes through the Graph Store HTTP Protocol, reads through the SPARQL 1.1 Protocol
(`kg.graph.protocol`).

A brief's graph is replaced whole or not at all, several briefs to a request. The briefs wait in
a batch until they hold `BATCH_TRIPLES` triples; the batch is then one SPARQL Update request,
`DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }` for each brief, which the server runs
as one transaction (SPARQL 1.1 Update, section 2.2: "Each request SHOULD be treated atomically";
Oxigraph's server runs an update request in one transaction). Against one Graph Store PUT and
one MOVE a brief, this took the server a third of the CPU (1.6 s against 4.9 s for 100 briefs'
63,000 triples, a quarter when the graphs were there before) and one request instead of two a
brief. A graph larger than a batch (a huge brief) and the vocabulary go alone, streamed by the
Graph Store HTTP Protocol: a PUT alone does not promise a whole graph (Oxigraph's server,
cli/src/main.rs, 0.5, answers a PUT on an existing graph by clearing it, then loading the body
as it arrives, in a second transaction, so a build killed while it sends the body leaves the
graph empty), so it is PUT under a staging name (`<graph>/staged`) and moved into place by one
SPARQL Update, `MOVE`, one transaction (the staging and swapping of `kg.build.staging`, on the
server). A staged graph that a killed build left behind is dropped by the next build
(`kg.build.server_journal`). A removed brief's graph goes by one Graph Store DELETE.

As in the embedded store, the default graph holds the de-duplicated union of the named graphs;
the server keeps it by one SPARQL Update (`refresh_union`) when the build has written every
brief (`flush`). Exports are written from a temporary Oxigraph store on disk loaded with what
the server answers: the bytes then follow Oxigraph's index order, which depends only on the
triples, so `graph.ttl` is the same whichever store the build wrote to (an in-memory Oxigraph
store orders them otherwise).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    serialize,
)

from kg.graph.namespaces import sparql_prefixes
from kg.graph.protocol import Endpoints, SparqlClient
from kg.graph.store import VOCABULARY_FILES, StoreError, dump_each_graph
from kg.ontology import ONTOLOGY_DIR

VOCABULARY_SUFFIX = "graph/vocabulary"
STAGED_SUFFIX = "/staged"  # a graph PUT under its name plus this, then moved into place
# The triples of the briefs sent in one update request (about 1 MB of N-Triples). On 100 briefs
# the server's CPU was the same at 5,000 and 20,000; the build's memory holds one batch.
BATCH_TRIPLES = 5_000


class ServerStore:
    """The graph in a SPARQL 1.1 server at `url` (see `kg.graph.protocol.Endpoints` for the URL
    layouts of Oxigraph's server and Apache Jena Fuseki). Without `base_iri`, the base IRI is
    read from the server (the name of the vocabulary graph a build wrote)."""

    def __init__(self, url: str, base_iri: str | None = None) -> None:
        self.url = url
        self._client = SparqlClient(Endpoints.of(url))
        self._pending: list[tuple[NamedNode, str]] = []  # graphs waiting to be sent, as N-Triples
        self._pending_triples = 0
        self.base_iri = base_iri or self._stored_base_iri()

    @property
    def vocabulary_graph(self) -> NamedNode:
        return NamedNode(f"{self.base_iri}{VOCABULARY_SUFFIX}")

    def load_vocabulary(self, ontology_dir: Path = ONTOLOGY_DIR) -> None:
        """Replace the vocabulary graph with the ontology's Turtle files (relative IRIs resolved
        against the base IRI, as `KnowledgeStore.load_vocabulary` does)."""
        parsed = Store()
        for name in VOCABULARY_FILES:
            parsed.load(path=str(ontology_dir / name), format=RdfFormat.TURTLE, base_iri=self.base_iri)
        triples = [q.triple for q in parsed]
        self._put(self.vocabulary_graph, serialize(triples, format=RdfFormat.N_TRIPLES) or b"")

    def add_to_union(self, graph: NamedNode) -> None:
        """Nothing now: `flush` makes the union of every graph the server holds."""

    def put_brief(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace a brief's graph whole: in the waiting batch, sent when it is full or anything
        reads from or removes on the server (or `flush`); a graph larger than a batch, or with
        blank nodes (whose labels one request's operations may not share), PUT staged and
        moved into place."""
        triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
        n_triples = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        if len(triples) > BATCH_TRIPLES or b"_:" in n_triples:
            self._written()
            self._put(graph, n_triples)
            return
        self._pending.append((graph, n_triples.decode("utf-8")))
        self._pending_triples += len(triples)
        if self._pending_triples >= BATCH_TRIPLES:
            self._written()

    def _written(self) -> SparqlClient:
        """The server's client, once the waiting batch is on the server (one update request)."""
        if self._pending:
            operations = (f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{nt}}} }}" for g, nt in self._pending)
            self._client.update(" ;\n".join(operations))
            self._pending, self._pending_triples = [], 0
        return self._client

    def _put(self, graph: NamedNode, n_triples: bytes) -> None:
        staged = NamedNode(f"{graph.value}{STAGED_SUFFIX}")
        self._client.put_graph(staged, n_triples)
        self._client.update(f"MOVE SILENT GRAPH {staged} TO GRAPH {graph}")

    def remove_brief(self, graph: NamedNode) -> None:
        self._written().delete_graph(graph)

    def graphs(self) -> list[NamedNode]:
        solutions = self._written().select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted((s["g"] for s in solutions if isinstance(s["g"], NamedNode)), key=lambda g: g.value)

    def query(self, sparql: str) -> QuerySolutions | list[Triple] | bool:
        """Run a SPARQL query on the server, with the project's prefixes declared (prepended as
        PREFIX lines: the protocol has no other way to hand them over)."""
        declared = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sparql_prefixes(self.base_iri).items())
        results = self._written().query(declared + sparql)
        return bool(results) if isinstance(results, QueryBoolean) else results

    def refresh_union(self) -> None:
        self._written().update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def flush(self) -> None:
        """Make the default graph the union of the graphs written (one SPARQL Update)."""
        self.refresh_union()

    def optimize(self) -> None:
        """Nothing: the server compacts its own storage."""

    def triple_count(self) -> int:
        [solution] = list(self._written().select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(solution["n"].value)  # type: ignore[union-attr]

    def dump_union(self, output: BinaryIO, rdf_format: RdfFormat, prefixes: dict[str, str] | None) -> None:
        with self._loaded(union=True) as store:
            store.dump(output, rdf_format, from_graph=DefaultGraph(), prefixes=prefixes)

    def dump_graphs(self, graphs: Iterable[NamedNode], prefixes: dict[str, str]) -> Iterator[bytes]:
        """Each named graph's Turtle, in the order given, from a copy of the server's graphs in
        an on-disk Oxigraph store: the same bytes as the embedded store's (`dump_each_graph`)."""
        with self._loaded(union=False) as store:
            yield from dump_each_graph(store, graphs, prefixes)

    def union_triples(self) -> Iterator[Triple]:
        with self._loaded(union=True) as store:
            for quad in store.quads_for_pattern(None, None, None, DefaultGraph()):
                yield Triple(quad.subject, quad.predicate, quad.object)

    def triples(self) -> list[Triple]:
        found = self._written().construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        return sorted(found, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))

    def quads(self) -> Iterator[Quad]:
        with self._loaded(union=False) as store:
            yield from store

    @contextmanager
    def _loaded(self, *, union: bool) -> Iterator[Store]:
        """A temporary on-disk Oxigraph store holding the union (default graph) or the named
        graphs, as the server answers them."""
        folder = Path(tempfile.mkdtemp(prefix="kg-server-copy-"))
        try:
            store = Store(str(folder))
            if union:
                store.bulk_extend(
                    Quad(t.subject, t.predicate, t.object)
                    for t in self._written().construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
                )
            else:
                solutions = self._written().select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
                store.bulk_extend(Quad(s["s"], s["p"], s["o"], s["g"]) for s in solutions)  # type: ignore[arg-type]
            yield store
            del store
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _stored_base_iri(self) -> str:
        for graph in self.graphs():
            if graph.value.endswith(VOCABULARY_SUFFIX):
                return graph.value.removesuffix(VOCABULARY_SUFFIX)
        raise StoreError(f"{self.url}: no graph built by kg on this server (run `kg build SOURCE --store {self.url}`)")
