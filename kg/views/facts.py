"""The facts the views are made of, read graph by graph, so that a build re-reads only the briefs
it changed.

Every page is a function of a few properties of the graph (`VIEW_PREDICATES`: a statement's
parts, labels, aliases, kinds, event codes, briefs' titles and dates). The store's default graph
is the union of its named graphs, so the facts of the union are the union of each named graph's
facts: `read_facts` reads them per named graph, and
`kg.views.data.view_data` joins them in Python. A build keeps them beside the views
(`kg.views.cache`) and on the next build reads only the graphs it replaced: the joined result is
the same as a full read, whatever the order or history of the briefs.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.graph import DCTERMS, IRI, KG, NIF, PROV, RDF, RDFS, SKOS, GraphStore, Row

TYPE, LABEL = RDF + "type", RDFS + "label"
PREF_LABEL, ALT_LABEL, NOTATION = SKOS + "prefLabel", SKOS + "altLabel", SKOS + "notation"
DERIVED_FROM, ANCHOR_OF = PROV + "wasDerivedFrom", NIF + "anchorOf"
TITLE, DATE = DCTERMS + "title", DCTERMS + "date"
VIEW_PREDICATES = (
    TYPE,
    *(
        KG + name
        for name in (
            "subject",
            "relation",
            "object",
            "polarity",
            "modality",
            "date",
            "target",
            "source",
            "inBrief",
            "eventCode",
            "goldstein",
            "quadClass",
            "ploverCategory",
            "demonym",
            "actsFor",
        )
    ),
    DERIVED_FROM,
    ANCHOR_OF,
    LABEL,
    PREF_LABEL,
    ALT_LABEL,
    NOTATION,
    TITLE,
    DATE,
)
WANTED = frozenset(VIEW_PREDICATES)

# what one named graph says of each subject, flat: predicate, value (an IRI or a literal's text),
# the literal's language ("" when none), predicate, value, language ... A tuple of strings that are
# mostly interned takes a sixth of the memory of a dict of lists of pairs (720 MiB of facts at
# 5,000 briefs in that form), and marshals as one object.
Properties = tuple[str, ...]
Subjects = dict[str, Properties]
GraphFacts = dict[str, Subjects]  # named graph IRI -> its subjects
Term = NamedNode | BlankNode | Literal


def read_facts(store: GraphStore, graphs: Iterable[str] | None = None) -> GraphFacts:
    """The facts of the named `graphs` that exist (of every named graph when None), per graph
    and subject (`in_order`). Repeated IRIs and labels are interned: a brief names the same
    actors and relations many times, and the cache marshals each string once."""
    found: dict[str, dict[str, dict[tuple[str, str, str], None]]] = {}
    intern = sys.intern
    for graph, subject, predicate, obj in _quads(store, graphs):
        if isinstance(obj, Literal):
            value, language = obj.value if len(obj.value) > 80 else intern(obj.value), intern(obj.language or "")
        else:
            value, language = intern(obj.value), ""
        found.setdefault(graph, {}).setdefault(intern(subject), {})[intern(predicate), value, language] = None
    return {graph: in_order(subjects) for graph, subjects in sorted(found.items())}


def gather(rows: Iterable[Row], found: dict[str, dict[tuple[str, str, str], None]]) -> Iterator[Row]:
    """Pass one named graph's rows on (`kg.graph.rdf.brief_rows`, on their way into the store),
    gathering into `found` what `read_facts` would read of them from the store (`in_order` makes
    it the graph's facts), without reading it: at 1,000 briefs the store's terms take about
    6 us a quad to decode, 4 CPU s in all."""
    intern, wanted = sys.intern, WANTED
    for row in rows:
        subject, predicate, value, kind = row
        if predicate in wanted:
            language = intern(kind[1:]) if kind[:1] == "@" else ""
            value = intern(value) if kind == IRI or len(value) <= 80 else value
            found.setdefault(intern(subject), {})[intern(predicate), value, language] = None
        yield row


def in_order(subjects: dict[str, dict[tuple[str, str, str], None]]) -> Subjects:
    """A graph's subjects, each with its (predicate, value, language) facts once, in the order of
    their texts: the facts depend on the graph alone, whether read from the store (in its index
    order) or from the rows written into it (in the extractor's order, with repeats)."""
    return {s: tuple(part for fact in sorted(subjects[s]) for part in fact) for s in sorted(subjects)}


def values(properties: Properties, predicate: str) -> list[tuple[str, str]]:
    """The (value, language) pairs of one predicate among a subject's properties."""
    return [(properties[i + 1], properties[i + 2]) for i in range(0, len(properties), 3) if properties[i] == predicate]


def grouped(properties: Properties) -> dict[str, list[tuple[str, str]]]:
    """A subject's properties by predicate (for a subject whose properties are read one by one)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for i in range(0, len(properties), 3):
        found.setdefault(properties[i], []).append((properties[i + 1], properties[i + 2]))
    return found


def merged(described: list[Properties]) -> Properties:
    """The properties of a subject that several graphs describe, each (predicate, value, language)
    once. Graphs mostly describe a subject alike (an actor's labels, kinds and allegiances come
    from the same vocabulary in every brief that names it: at 1,000 briefs of the benchmark corpus,
    70,350 descriptions of 303 subjects were 337 distinct ones), so each distinct description is
    read once."""
    triples: dict[tuple[str, str, str], None] = {}
    for properties in dict.fromkeys(described):
        triples.update(dict.fromkeys(zip(properties[0::3], properties[1::3], properties[2::3], strict=True)))
    return tuple(part for triple in triples for part in triple)


def _quads(store: GraphStore, graphs: Iterable[str] | None) -> Iterator[tuple[str, str, str, Term]]:
    """(graph, subject, predicate, object) of the view's predicates in the named graphs: one
    SPARQL pattern a predicate for the whole store (which reads no triple of the default graph),
    one a graph for the named ones; plain SPARQL, so a SPARQL server answers as the embedded
    store does."""
    if graphs is None:
        for predicate in VIEW_PREDICATES:
            query = f"SELECT ?g ?s ?o WHERE {{ GRAPH ?g {{ ?s <{predicate}> ?o }} }}"
            for g, s, o in store.query(query):
                yield g.value, s.value, predicate, o
        return
    wanted = " ".join(f"<{p}>" for p in VIEW_PREDICATES)
    for name in graphs:
        query = f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {wanted} }} GRAPH <{name}> {{ ?s ?p ?o }} }}"
        for s, p, o in store.query(query):
            yield name, s.value, p.value, o
