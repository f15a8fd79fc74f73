"""Exports of the store: Turtle, N-Triples and JSON-LD of the union graph, and TriG with the
named graphs kept. Triples are written in sorted order, so the same store gives the same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, serialize

from kg.namespaces import PREFIXES
from kg.store import KnowledgeStore

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "trig": RdfFormat.TRIG,
}


def export(store: KnowledgeStore, format_name: str, output: Path | BinaryIO) -> None:
    """Write the store in one of FORMATS to a path (atomically) or a binary stream."""
    rdf_format = FORMATS[format_name]
    if rdf_format == RdfFormat.TRIG:
        data = sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    else:
        data = store.triples()
    prefixes = {
        **PREFIXES,
        "actor": f"{store.base_iri}actor/",
        "theme": f"{store.base_iri}theme/",
        "relation": f"{store.base_iri}relation/",
    }
    payload = serialize(data, format=rdf_format, prefixes=None if rdf_format == RdfFormat.N_TRIPLES else prefixes)
    if isinstance(output, Path):
        temporary = output.with_name(output.name + ".tmp")
        temporary.write_bytes(payload)
        temporary.replace(output)
    else:
        output.write(payload)
