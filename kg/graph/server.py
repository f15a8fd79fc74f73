"""A SPARQL 1.1 server as the store (`--store URL`): the same interface as `KnowledgeStore`, over
HTTP: writes through the Graph Store HTTP Protocol, reads through the SPARQL 1.1 Protocol
(`kg.graph.protocol`).

A brief's graph is replaced whole or not at all. A Graph Store PUT alone does not promise that:
Oxigraph's server (cli/src/main.rs, 0.5) answers a PUT on an existing graph by clearing it, then
loading the request's body as it arrives, in a second transaction, so a build killed while it
sends the body leaves the graph empty. So the new graph is PUT under a staging name
(`<graph>/staged`) and moved into place by one SPARQL Update, `MOVE`, which the server runs as
one transaction (the staging and swapping of `kg.build.staging`, on the server). A staged graph
that a killed build left behind is dropped by the next build (`kg.build.server_journal`).
A removed brief's graph goes by one Graph Store DELETE.

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
from kg.graph.store import VOCABULARY_FILES, StoreError
from kg.ontology import ONTOLOGY_DIR

VOCABULARY_SUFFIX = "graph/vocabulary"
STAGED_SUFFIX = "/staged"  # a graph PUT under its name plus this, then moved into place


class ServerStore:
    """The graph in a SPARQL 1.1 server at `url` (see `kg.graph.protocol.Endpoints` for the URL
    layouts of Oxigraph's server and Apache Jena Fuseki). Without `base_iri`, the base IRI is
    read from the server (the name of the vocabulary graph a build wrote)."""

    def __init__(self, url: str, base_iri: str | None = None) -> None:
        self.url = url
        self._client = SparqlClient(Endpoints.of(url))
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
        """Replace a brief's graph whole: PUT it staged, then MOVE it into place atomically."""
        triples = (Triple(q.subject, q.predicate, q.object) for q in quads)
        self._put(graph, serialize(triples, format=RdfFormat.N_TRIPLES) or b"")

    def _put(self, graph: NamedNode, n_triples: bytes) -> None:
        staged = NamedNode(f"{graph.value}{STAGED_SUFFIX}")
        self._client.put_graph(staged, n_triples)
        self._client.update(f"MOVE SILENT GRAPH {staged} TO GRAPH {graph}")

    def remove_brief(self, graph: NamedNode) -> None:
        self._client.delete_graph(graph)

    def graphs(self) -> list[NamedNode]:
        solutions = self._client.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted((s["g"] for s in solutions if isinstance(s["g"], NamedNode)), key=lambda g: g.value)

    def query(self, sparql: str) -> QuerySolutions | list[Triple] | bool:
        """Run a SPARQL query on the server, with the project's prefixes declared (prepended as
        PREFIX lines: the protocol has no other way to hand them over)."""
        declared = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sparql_prefixes(self.base_iri).items())
        results = self._client.query(declared + sparql)
        return bool(results) if isinstance(results, QueryBoolean) else results

    def refresh_union(self) -> None:
        self._client.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def flush(self) -> None:
        """Make the default graph the union of the graphs written (one SPARQL Update)."""
        self.refresh_union()

    def optimize(self) -> None:
        """Nothing: the server compacts its own storage."""

    def triple_count(self) -> int:
        [solution] = list(self._client.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(solution["n"].value)  # type: ignore[union-attr]

    def dump_union(self, output: BinaryIO, rdf_format: RdfFormat, prefixes: dict[str, str] | None) -> None:
        with self._loaded(union=True) as store:
            store.dump(output, rdf_format, from_graph=DefaultGraph(), prefixes=prefixes)

    def union_triples(self) -> Iterator[Triple]:
        with self._loaded(union=True) as store:
            for quad in store.quads_for_pattern(None, None, None, DefaultGraph()):
                yield Triple(quad.subject, quad.predicate, quad.object)

    def triples(self) -> list[Triple]:
        found = self._client.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
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
                    for t in self._client.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
                )
            else:
                solutions = self._client.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
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
