"""The vocabulary's Turtle files as an index of plain strings (`kg.extract.vocabulary` reads it).

The files are parsed by Oxigraph's Turtle parser (pyoxigraph, which the store uses anyway) and
every term becomes a string: an IRI its IRI, a literal its lexical form, a blank node `_:` and
its label. Reading them into an rdflib `Graph` cost every extraction process about 0.3 CPU s at
its start (importing rdflib 0.13, its Turtle parser and the parse 0.18); this takes about 0.02.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse


class Triples:
    """The triples of some Turtle files, each once, looked up by subject and predicate or by
    predicate and object; what a look-up gives is in the files' order."""

    def __init__(self, paths: Iterable[Path], base_iri: str) -> None:
        self._objects: dict[tuple[str, str], list[str]] = {}
        self._subjects: dict[tuple[str, str], list[str]] = {}
        self._pairs: dict[str, list[tuple[str, str]]] = {}
        seen: set[tuple[str, str, str]] = set()
        for path in paths:
            for triple in parse(path=path, format=RdfFormat.TURTLE, base_iri=base_iri):
                s, p, o = (_text(term) for term in (triple.subject, triple.predicate, triple.object))
                if (s, p, o) not in seen:
                    seen.add((s, p, o))
                    self._objects.setdefault((s, p), []).append(o)
                    self._subjects.setdefault((p, o), []).append(s)
                    self._pairs.setdefault(p, []).append((s, o))

    def objects(self, subject: str, predicate: str) -> list[str]:
        return self._objects.get((subject, predicate), [])

    def subjects(self, predicate: str, obj: str) -> list[str]:
        return self._subjects.get((predicate, obj), [])

    def subject_objects(self, predicate: str) -> Iterator[tuple[str, str]]:
        return iter(self._pairs.get(predicate, []))

    def value(self, subject: str, predicate: str) -> str | None:
        """The subject's first object of the predicate, if it has one."""
        found = self._objects.get((subject, predicate))
        return found[0] if found else None


def _text(term: object) -> str:
    """An IRI, a literal's lexical form, or `_:` and a blank node's label."""
    if isinstance(term, NamedNode | Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    raise ValueError(f"the vocabulary holds a term of another kind: {term}")
