"""Exports of the store: Turtle, N-Triples and JSON-LD (compacted, `kg.graph.jsonld`) of the union
graph, and TriG with the named graphs kept. Triples are streamed in the store's index order, which depends only on the
store's content: the same graph gives the same bytes, however it was built (in full, brief by
brief, incrementally), and a store of millions of triples is never sorted in memory."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, serialize

from kg.graph.jsonld import write_compact_jsonld
from kg.graph.namespaces import PREFIXES
from kg.graph.store import GraphStore

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "trig": RdfFormat.TRIG,
}


class ExportError(Exception):
    """An export that cannot be written where it was asked to go."""


def export(store: GraphStore, format_name: str, output: Path | BinaryIO) -> None:
    """Write the store in one of FORMATS to a path (atomically) or a binary stream."""
    if isinstance(output, Path):
        check_writable(output)
        temporary = output.with_name(output.name + ".tmp")
        try:
            with temporary.open("wb") as stream:
                _write(store, FORMATS[format_name], stream)
            temporary.replace(output)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise ExportError(f"cannot write {output}: {error.strerror or error}") from error
    else:
        _write(store, FORMATS[format_name], output)


def check_writable(output: Path) -> None:
    """A one-line error, before anything is written, when `output` cannot be created."""
    if not output.parent.is_dir():
        raise ExportError(f"cannot write {output}: the folder {output.parent} does not exist")
    if output.is_dir():
        raise ExportError(f"cannot write {output}: it is a folder")


def export_prefixes(base_iri: str) -> dict[str, str]:
    """The prefixes exports declare: the vocabularies and the graph's own namespaces."""
    return {**PREFIXES, **{name: f"{base_iri}{name}/" for name in ("actor", "theme", "relation")}}


def _write(store: GraphStore, rdf_format: RdfFormat, output: BinaryIO) -> None:
    prefixes = export_prefixes(store.base_iri)
    if rdf_format == RdfFormat.JSON_LD:
        write_compact_jsonld(store.union_triples(), prefixes, output)
    elif rdf_format == RdfFormat.TRIG:
        serialize(store.quads(), output, format=rdf_format, prefixes=prefixes)
    else:
        store.dump_union(output, rdf_format, None if rdf_format == RdfFormat.N_TRIPLES else prefixes)
