"""The graph: `Statement`s to RDF quads, one named graph per brief (`rdf`, `namespaces`), the
Oxigraph store that every product reads (`store`), named SPARQL queries (`queries`, `queries/*.rq`),
exports (`exporter`) and SHACL validation (`validate`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.graph.exporter import export
from kg.graph.namespaces import DEFAULT_BASE_IRI, KG
from kg.graph.queries import QueryError, bind, description, format_results, load_query, named_queries
from kg.graph.store import KnowledgeStore, StoreError
from kg.lazy import lazy_names

if TYPE_CHECKING:
    from kg.graph.rdf import brief_graph, brief_quads
    from kg.graph.validate import validate_store

__all__ = [
    "DEFAULT_BASE_IRI",
    "KG",
    "KnowledgeStore",
    "QueryError",
    "StoreError",
    "bind",
    "brief_graph",
    "brief_quads",
    "description",
    "export",
    "format_results",
    "load_query",
    "named_queries",
    "validate_store",
]
__getattr__ = lazy_names(__name__, {"brief_graph": "rdf", "brief_quads": "rdf", "validate_store": "validate"})
