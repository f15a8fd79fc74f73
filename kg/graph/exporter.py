"""Exports of the store: Turtle, N-Triples and JSON-LD of the union graph, and TriG with the
named graphs kept. Triples are streamed in the store's index order, which depends only on the
store's content: the same graph gives the same bytes, however it was built (in full, brief by
brief, incrementally), and a store of millions of triples is never sorted in memory."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, serialize

from kg.graph.namespaces import PREFIXES
from kg.graph.store import KnowledgeStore

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "trig": RdfFormat.TRIG,
}


def export(store: KnowledgeStore, format_name: str, output: Path | BinaryIO) -> None:
    """Write the store in one of FORMATS to a path (atomically) or a binary stream."""
    if isinstance(output, Path):
        temporary = output.with_name(output.name + ".tmp")
        with temporary.open("wb") as stream:
            _write(store, FORMATS[format_name], stream)
        temporary.replace(output)
    else:
        _write(store, FORMATS[format_name], output)


def _write(store: KnowledgeStore, rdf_format: RdfFormat, output: BinaryIO) -> None:
    prefixes = {
        **PREFIXES,
        "actor": f"{store.base_iri}actor/",
        "theme": f"{store.base_iri}theme/",
        "relation": f"{store.base_iri}relation/",
    }
    if rdf_format == RdfFormat.TRIG:
        serialize(store.quads(), output, format=rdf_format, prefixes=prefixes)
    else:
        store.dump_union(output, rdf_format, None if rdf_format == RdfFormat.N_TRIPLES else prefixes)
