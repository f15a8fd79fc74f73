"""The graph: `Statement`s to RDF quads, one named graph per brief (`rdf`, `namespaces`), the
Oxigraph store that every product reads (`store`), SPARQL checked and run under limits
(`sparql`), its answers in the formats that fit each form (`results`), named SPARQL queries with
their declared parameters (`queries`, `query_params`, `queries/*.rq` and `*.toml`), exports
(`exporter`, compacted JSON-LD in `jsonld`) and SHACL validation (`validate`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.graph.exporter import FORMATS, ExportError, check_writable, export, export_prefixes
from kg.graph.namespaces import DCTERMS, DEFAULT_BASE_IRI, KG, NIF, PROV, RDF, RDFS, SKOS, sparql_prefixes
from kg.graph.nquads import IRI, Row
from kg.graph.queries import bind, description, load_query, named_queries, rows
from kg.graph.query_params import (
    check_query_spec,
    declared_parameters,
    describe_parameters,
    prepare_query,
    prepare_run,
)
from kg.graph.results import ALL_FORMATS, check_format, render, write_rows
from kg.graph.sparql import (
    DEFAULT_TIMEOUT_SECONDS,
    MAX_NESTING,
    MAX_QUERY_CHARS,
    Answer,
    QueryError,
    QueryRefused,
    QueryUsageError,
    Rows,
    check_limits,
    evaluate,
    select_rows,
)
from kg.graph.store import GraphStore, KnowledgeStore, StoreError
from kg.lazy import lazy_names

if TYPE_CHECKING:
    from kg.graph.answer_facts import ANSWERS_FILE, FactsWriter, stamp_answers
    from kg.graph.answers import precomputed_rows
    from kg.graph.rdf import brief_graph, brief_quads, brief_rows
    from kg.graph.server import STAGED_SUFFIX, ServerStore
    from kg.graph.validate import validate_store

__all__ = [
    "ALL_FORMATS",
    "ANSWERS_FILE",
    "DCTERMS",
    "DEFAULT_BASE_IRI",
    "DEFAULT_TIMEOUT_SECONDS",
    "FORMATS",
    "IRI",
    "KG",
    "MAX_NESTING",
    "MAX_QUERY_CHARS",
    "NIF",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "STAGED_SUFFIX",
    "Answer",
    "ExportError",
    "FactsWriter",
    "GraphStore",
    "KnowledgeStore",
    "QueryError",
    "QueryRefused",
    "QueryUsageError",
    "Row",
    "Rows",
    "ServerStore",
    "StoreError",
    "bind",
    "brief_graph",
    "brief_quads",
    "brief_rows",
    "check_format",
    "check_limits",
    "check_query_spec",
    "check_writable",
    "declared_parameters",
    "describe_parameters",
    "description",
    "evaluate",
    "export",
    "export_prefixes",
    "load_query",
    "named_queries",
    "precomputed_rows",
    "prepare_query",
    "prepare_run",
    "render",
    "rows",
    "select_rows",
    "sparql_prefixes",
    "stamp_answers",
    "validate_store",
    "write_rows",
]
# the SPARQL server's client (urllib, http.client, email: a fifth of `kg query`'s imports) loads
# only when a command talks to a server
__getattr__ = lazy_names(
    __name__,
    {
        "ANSWERS_FILE": "answer_facts",
        "stamp_answers": "answer_facts",
        "FactsWriter": "answer_facts",
        "precomputed_rows": "answers",
        "brief_graph": "rdf",
        "brief_quads": "rdf",
        "brief_rows": "rdf",
        "validate_store": "validate",
        "STAGED_SUFFIX": "server",
        "ServerStore": "server",
    },
)
