"""JSON-LD in compacted form, written as a stream: an `@context` that declares the project's
prefixes, and an `@graph` of one node object per subject whose IRIs are compact IRIs
(`actor:belarus`, `skos:prefLabel`).

The form is the one JSON-LD 1.1's compaction algorithm gives for a context made only of prefix
definitions (JSON-LD 1.1, section 4.1.5 "Compact IRIs"): properties and types as compact IRIs,
`rdf:type` as `@type`, a plain string for an `xsd:string` literal, `{"@value", "@language"}` for
a language-tagged one and `{"@value", "@type"}` for other datatypes, `{"@id"}` for a node. It is
written subject by subject as the store gives the triples (grouped by subject in its index
order), so a store of any size is exported without building the document in memory, which a
JSON-LD library's compaction would need. Oxigraph's own JSON-LD writer ignores prefixes and
writes every IRI in full (895 KB for the five seed briefs).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def write_compact_jsonld(triples: Iterable[Triple], prefixes: dict[str, str], output: BinaryIO) -> None:
    """Write `triples` (grouped by subject, as a store's index gives them) as compacted JSON-LD."""
    ordered = sorted(prefixes.items(), key=lambda item: -len(item[1]))  # the longest namespace wins

    def compact(iri: str) -> str:
        for prefix, namespace in ordered:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def value(term: object) -> object:
        if isinstance(term, NamedNode):
            return {"@id": compact(term.value)}
        if isinstance(term, BlankNode):
            return {"@id": f"_:{term.value}"}
        if isinstance(term, Literal):
            if term.language:
                return {"@value": term.value, "@language": term.language}
            if term.datatype.value == XSD_STRING:
                return term.value
            return {"@value": term.value, "@type": compact(term.datatype.value)}
        raise ValueError(f"JSON-LD cannot hold {term!r} (RDF-star)")

    def node_id(term: object) -> str:
        return f"_:{term.value}" if isinstance(term, BlankNode) else compact(term.value)  # type: ignore[attr-defined]

    context = json.dumps({"@context": dict(sorted(prefixes.items()))}, ensure_ascii=False)
    output.write(context[:-1].encode() + b',\n "@graph": [')
    current: object = None
    node: dict[str, Any] = {}
    first = True
    for triple in triples:
        if triple.subject != current:
            if node:
                output.write((("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False)).encode())
                first = False
            current, node = triple.subject, {"@id": node_id(triple.subject)}
        if triple.predicate.value == RDF_TYPE and isinstance(triple.object, NamedNode):
            node.setdefault("@type", []).append(compact(triple.object.value))
        else:
            node.setdefault(compact(triple.predicate.value), []).append(value(triple.object))
    if node:
        output.write((("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False)).encode())
    output.write(b"\n]}\n")
