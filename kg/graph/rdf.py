"""Statements to RDF: each brief becomes the quads of one named graph.

A statement is an n-ary relation node (the W3C "Defining N-ary Relations" pattern 1) with its
subject, relation, object, target actor, polarity, modality, date and source (`kg:source`, a
sub-property of PROV-O's `prov:wasAttributedTo`: who said what the statement says), derived
(PROV-O) from a sentence node
that carries the text and offsets (NIF). Positive statements also get the direct edge
`actor --relation--> object`. Actors found in the text but not in the vocabulary are described
in the brief's own graph, so replacing a brief is "drop graph, insert graph".

The quads are made as rows of texts (`brief_rows`: subject, predicate, and the object's value
and kind as `kg.graph.answer_facts.term_kind` gives them): the store loads a brief's rows as
N-Quads text (`kg.graph.nquads`) and the facts file reads them as they are, so a full build makes
no pyoxigraph term or quad for them (2 us a quad, and its copy for the union graph 2 us more).
`brief_quads` gives the same quads as pyoxigraph objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract import Actor, Statement
from kg.graph.namespaces import CAMEO, DCTERMS, KG, NIF, PROV, RDF, RDFS, SKOS, XSD
from kg.graph.nquads import IRI, STRING, Row
from kg.identifiers import slug
from kg.read import Brief

TYPE, LABEL, PREF_LABEL = RDF + "type", RDFS + "label", SKOS + "prefLabel"
DATE_TYPES = {10: "date", 7: "gYearMonth", 4: "gYear"}
DATATYPES = {length: XSD + name for length, name in DATE_TYPES.items()}
ENGLISH, INTEGER = "@en", XSD + "integer"  # kinds of objects (`Row`), besides IRI and STRING
BRIEF, SEGMENT, STATEMENT, SENTENCE = (KG + c for c in ("Brief", "Segment", "Statement", "Sentence"))
RELATION_CLASS, THEME = KG + "Relation", KG + "Theme"
IDENTIFIER, TITLE, DATE, IS_PART_OF = (DCTERMS + p for p in ("identifier", "title", "date", "isPartOf"))
SUBJECT, RELATION, OBJECT = KG + "subject", KG + "relation", KG + "object"
POLARITY, MODALITY = KG + "polarity", KG + "modality"
STATEMENT_DATE, EVENT_CODE, TARGET, SOURCE = (KG + p for p in ("date", "eventCode", "target", "source"))
IN_BRIEF, SEGMENT_NUMBER, CAMEO_CODE, ACTS_FOR = (KG + p for p in ("inBrief", "segment", "cameoCode", "actsFor"))
DERIVED_FROM = PROV + "wasDerivedFrom"
ANCHOR_OF, BEGIN_INDEX, END_INDEX = (NIF + p for p in ("anchorOf", "beginIndex", "endIndex"))


# a relation's or a theme's IRI segment: briefs name the same few hundred again and again
_slug = lru_cache(maxsize=1 << 16)(slug)


def brief_graph(base_iri: str, doc: str) -> NamedNode:
    return NamedNode(f"{base_iri}brief/{slug(doc)}")


def brief_quads(brief: Brief, statements: Iterable[Statement], base_iri: str) -> Iterator[Quad]:
    """All quads of one brief, in its own named graph (`brief_rows` as pyoxigraph quads)."""
    graph = brief_graph(base_iri, brief.doc)
    nodes: dict[str, NamedNode] = {}  # each IRI made once a brief

    def node(iri: str) -> NamedNode:
        made = nodes.get(iri)
        if made is None:
            made = nodes[iri] = NamedNode(iri)
        return made

    for subject, predicate, value, kind in brief_rows(brief, statements, base_iri):
        yield Quad(node(subject), node(predicate), node(value) if kind == IRI else literal(value, kind), graph)


def literal(value: str, kind: str) -> Literal:
    """The literal of a row's object (`kind` not an IRI's)."""
    if kind == STRING:
        return Literal(value)
    if kind.startswith("@"):
        return Literal(value, language=kind[1:])
    return Literal(value, datatype=NamedNode(kind))


def brief_rows(brief: Brief, statements: Iterable[Statement], base_iri: str) -> Iterator[Row]:
    """All quads of one brief as rows of texts (its named graph is `brief_graph`). Each brief's
    relations and themes are named (`slug`) once a brief, not once a statement; the names of
    the last 65,536 are kept for the next briefs."""
    doc = slug(brief.doc)
    graph = f"{base_iri}brief/{doc}"
    relations: dict[str, str] = {}  # relation IRIs by name
    themes: dict[str, str] = {}  # theme IRIs by name
    yield graph, TYPE, BRIEF, IRI
    yield graph, IDENTIFIER, brief.doc, STRING
    yield graph, TITLE, brief.title or brief.doc, STRING
    if brief.date:
        yield graph, DATE, brief.date, DATATYPES[len(brief.date)]
    for segment in brief.segments:
        node = f"{graph}/segment/{segment.number}"
        yield node, TYPE, SEGMENT, IRI
        yield node, IS_PART_OF, graph, IRI
        yield node, SEGMENT_NUMBER, str(segment.number), INTEGER
        yield node, TITLE, segment.title or brief.title or brief.doc, STRING
        if segment.date:
            yield node, DATE, segment.date, DATATYPES[len(segment.date)]

    described: set[str] = set()
    statement_base, sentence_base = f"{base_iri}statement/{doc}/", f"{base_iri}sentence/{doc}/"
    for index, statement in enumerate(statements, start=1):
        node = f"{statement_base}{index}"
        sentence = f"{sentence_base}{statement.start}-{statement.end}"
        subject = base_iri + statement.subject_actor.key
        relation = relations.get(statement.relation)
        if relation is None:
            relation = relations[statement.relation] = f"{base_iri}relation/{_slug(statement.relation)}"
        if statement.object_actor is not None:
            obj = base_iri + statement.object_actor.key
        elif statement.object in themes:
            obj = themes[statement.object]
        else:
            obj = themes[statement.object] = f"{base_iri}theme/{_slug(statement.object)}"
        segment_number = str(statement.segment)
        yield node, TYPE, STATEMENT, IRI
        yield node, SUBJECT, subject, IRI
        yield node, RELATION, relation, IRI
        yield node, OBJECT, obj, IRI
        yield node, POLARITY, KG + statement.polarity.title(), IRI
        yield node, MODALITY, KG + statement.modality.title(), IRI
        if statement.date:
            yield node, STATEMENT_DATE, statement.date, DATATYPES[len(statement.date)]
        if statement.event:
            yield node, EVENT_CODE, CAMEO + statement.event, IRI
        if statement.target_actor is not None:
            yield node, TARGET, base_iri + statement.target_actor.key, IRI
        if statement.source_actor is not None:
            yield node, SOURCE, base_iri + statement.source_actor.key, IRI
        yield node, DERIVED_FROM, sentence, IRI
        yield node, IN_BRIEF, graph, IRI
        yield node, SEGMENT_NUMBER, segment_number, INTEGER
        yield node, LABEL, f"{statement.subject} {statement.relation} {statement.object}", STRING
        if statement.polarity == "positive":
            yield subject, relation, obj, IRI
        if sentence not in described:
            described.add(sentence)
            yield sentence, TYPE, SENTENCE, IRI
            yield sentence, ANCHOR_OF, statement.sentence, STRING
            yield sentence, BEGIN_INDEX, str(statement.start), INTEGER
            yield sentence, END_INDEX, str(statement.end), INTEGER
            yield sentence, IN_BRIEF, graph, IRI
            yield sentence, SEGMENT_NUMBER, segment_number, INTEGER
        if relation not in described:
            described.add(relation)
            yield relation, TYPE, RELATION_CLASS, IRI
            yield relation, LABEL, statement.relation, STRING
        if statement.object_actor is None and obj not in described:
            described.add(obj)
            yield obj, TYPE, THEME, IRI
            yield obj, LABEL, statement.object, STRING
        for actor in (statement.subject_actor, statement.object_actor, statement.target_actor, statement.source_actor):
            if actor is not None and actor.key not in described:
                described.add(actor.key)
                yield from actor_rows(base_iri, actor)


def actor_rows(base_iri: str, actor: Actor) -> Iterator[Row]:
    """The type and label of an actor (repeats of vocabulary facts are harmless: RDF is a set)."""
    node = base_iri + actor.key
    yield node, TYPE, KG + actor.kind, IRI
    yield node, PREF_LABEL, actor.name, ENGLISH
    if actor.code:
        yield node, CAMEO_CODE, actor.code, STRING
    if actor.acts_for:
        yield node, ACTS_FOR, base_iri + actor.acts_for.key, IRI
        yield from actor_rows(base_iri, actor.acts_for)
