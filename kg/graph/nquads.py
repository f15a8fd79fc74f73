"""Rows of texts (`kg.graph.rdf.Row`: subject, predicate, object value and kind) written as
N-Quads (W3C RDF 1.1 N-Quads), the text Oxigraph's loaders read: a brief's quads go into the
store as text, each with its copy in the default (union) graph, with no pyoxigraph object made
for them."""

from __future__ import annotations

from collections.abc import Iterable

Row = tuple[str, str, str, str]  # subject IRI, predicate IRI, object value, object kind
IRI, STRING = "", '"'  # the kinds of an IRI and of a plain string (else "@lang" or a datatype IRI)


def nquads(rows: Iterable[Row], graph: str) -> str:
    """The N-Quads of `rows` in the named graph `graph`, then again in the default graph."""
    triples = [f"<{s}> <{p}> {object_text(value, kind)}" for s, p, value, kind in rows]
    named = f" <{graph}> .\n"
    return "".join([triple + named for triple in triples] + [triple + " .\n" for triple in triples])


def object_text(value: str, kind: str) -> str:
    """An object as N-Quads writes it: `<iri>`, or a quoted string (its quote, backslash and
    line breaks escaped, as the grammar's STRING_LITERAL_QUOTE requires) with its language tag
    or datatype."""
    if kind == IRI:
        return f"<{value}>"
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if kind == STRING:
        return f'"{value}"'
    if kind.startswith("@"):
        return f'"{value}"{kind}'
    return f'"{value}"^^<{kind}>'
