"""Statements to RDF: each brief becomes the quads of one named graph.

A statement is an n-ary relation node (the W3C "Defining N-ary Relations" pattern 1) with its
subject, relation, object, target actor, polarity, modality, date and source (`kg:source`, a
sub-property of PROV-O's `prov:wasAttributedTo`: who said what the statement says), derived
(PROV-O) from a sentence node
that carries the text and offsets (NIF). Positive statements also get the direct edge
`actor --relation--> object`. Actors found in the text but not in the vocabulary are described
in the brief's own graph, so replacing a brief is "drop graph, insert graph".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract import Actor, Statement
from kg.graph.namespaces import CAMEO, DCTERMS, KG, NIF, PROV, RDF, RDFS, SKOS, XSD, term
from kg.identifiers import slug
from kg.read import Brief

TYPE = term(RDF, "type")
LABEL = term(RDFS, "label")
PREF_LABEL = term(SKOS, "prefLabel")
DATE_TYPES = {10: "date", 7: "gYearMonth", 4: "gYear"}
DATATYPES = {length: term(XSD, name) for length, name in DATE_TYPES.items()}
# the classes and properties every brief's quads use
BRIEF, SEGMENT, STATEMENT, SENTENCE = (term(KG, c) for c in ("Brief", "Segment", "Statement", "Sentence"))
RELATION_CLASS, THEME = term(KG, "Relation"), term(KG, "Theme")
ACTOR_CLASSES = {kind: term(KG, kind) for kind in ("Country", "Organisation", "Person", "Group", "Place")}
IDENTIFIER, TITLE, DATE, IS_PART_OF = (term(DCTERMS, p) for p in ("identifier", "title", "date", "isPartOf"))
SUBJECT, RELATION, OBJECT = (term(KG, p) for p in ("subject", "relation", "object"))
POLARITY, MODALITY = term(KG, "polarity"), term(KG, "modality")
STATEMENT_DATE, EVENT_CODE, TARGET, SOURCE = (term(KG, p) for p in ("date", "eventCode", "target", "source"))
IN_BRIEF, SEGMENT_NUMBER, CAMEO_CODE, ACTS_FOR = (term(KG, p) for p in ("inBrief", "segment", "cameoCode", "actsFor"))
DERIVED_FROM = term(PROV, "wasDerivedFrom")
ANCHOR_OF, BEGIN_INDEX, END_INDEX = (term(NIF, p) for p in ("anchorOf", "beginIndex", "endIndex"))
# polarity and modality values (`Statement.polarity`, `Statement.modality`)
VALUES = {
    value: term(KG, value.title()) for value in ("positive", "negative", "asserted", "reported", "intended", "possible")
}


def brief_graph(base_iri: str, doc: str) -> NamedNode:
    return NamedNode(f"{base_iri}brief/{slug(doc)}")


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=DATATYPES[len(value)])


def brief_quads(brief: Brief, statements: Iterable[Statement], base_iri: str) -> Iterator[Quad]:
    """All quads of one brief, in its own named graph. (The terms every brief repeats are made
    once, those a brief repeats once a brief: a term is an IRI checked and copied into Oxigraph,
    about a microsecond each, and a brief has some 700 quads.)"""
    graph = brief_graph(base_iri, brief.doc)
    doc = slug(brief.doc)
    nodes: dict[str, NamedNode] = {}  # sentences and actors by IRI, made once a brief
    relations: dict[str, NamedNode] = {}  # by name
    themes: dict[str, NamedNode] = {}  # by name
    numbers: dict[int, Literal] = {}  # segment numbers

    def node(iri: str) -> NamedNode:
        made = nodes.get(iri)
        if made is None:
            made = nodes[iri] = NamedNode(iri)
        return made

    def number(value: int) -> Literal:
        made = numbers.get(value)
        if made is None:
            made = numbers[value] = Literal(value)
        return made

    def quad(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> Quad:
        return Quad(s, p, o, graph)

    yield quad(graph, TYPE, BRIEF)
    yield quad(graph, IDENTIFIER, Literal(brief.doc))
    yield quad(graph, TITLE, Literal(brief.title or brief.doc))
    if brief.date:
        yield quad(graph, DATE, date_literal(brief.date))
    for segment in brief.segments:
        segment_node = NamedNode(f"{graph.value}/segment/{segment.number}")
        yield quad(segment_node, TYPE, SEGMENT)
        yield quad(segment_node, IS_PART_OF, graph)
        yield quad(segment_node, SEGMENT_NUMBER, number(segment.number))
        yield quad(segment_node, TITLE, Literal(segment.title or brief.title or brief.doc))
        if segment.date:
            yield quad(segment_node, DATE, date_literal(segment.date))

    described: set[str] = set()
    statement_base, sentence_base = f"{base_iri}statement/{doc}/", f"{base_iri}sentence/{doc}/"
    for index, statement in enumerate(statements, start=1):
        statement_node = NamedNode(f"{statement_base}{index}")
        sentence = node(f"{sentence_base}{statement.start}-{statement.end}")
        subject = node(base_iri + statement.subject_actor.key)
        relation = relations.get(statement.relation)
        if relation is None:
            relation = relations[statement.relation] = NamedNode(f"{base_iri}relation/{slug(statement.relation)}")
        if statement.object_actor is not None:
            obj = node(base_iri + statement.object_actor.key)
        elif statement.object in themes:
            obj = themes[statement.object]
        else:
            obj = themes[statement.object] = NamedNode(f"{base_iri}theme/{slug(statement.object)}")
        segment_number = number(statement.segment)
        yield quad(statement_node, TYPE, STATEMENT)
        yield quad(statement_node, SUBJECT, subject)
        yield quad(statement_node, RELATION, relation)
        yield quad(statement_node, OBJECT, obj)
        yield quad(statement_node, POLARITY, VALUES.get(statement.polarity) or term(KG, statement.polarity.title()))
        yield quad(statement_node, MODALITY, VALUES.get(statement.modality) or term(KG, statement.modality.title()))
        if statement.date:
            yield quad(statement_node, STATEMENT_DATE, date_literal(statement.date))
        if statement.event:
            yield quad(statement_node, EVENT_CODE, event_node(statement.event))
        if statement.target_actor is not None:
            yield quad(statement_node, TARGET, node(base_iri + statement.target_actor.key))
        if statement.source_actor is not None:
            yield quad(statement_node, SOURCE, node(base_iri + statement.source_actor.key))
        yield quad(statement_node, DERIVED_FROM, sentence)
        yield quad(statement_node, IN_BRIEF, graph)
        yield quad(statement_node, SEGMENT_NUMBER, segment_number)
        yield quad(statement_node, LABEL, Literal(f"{statement.subject} {statement.relation} {statement.object}"))
        if statement.polarity == "positive":
            yield quad(subject, relation, obj)
        if sentence.value not in described:
            described.add(sentence.value)
            yield quad(sentence, TYPE, SENTENCE)
            yield quad(sentence, ANCHOR_OF, Literal(statement.sentence))
            yield quad(sentence, BEGIN_INDEX, Literal(statement.start))
            yield quad(sentence, END_INDEX, Literal(statement.end))
            yield quad(sentence, IN_BRIEF, graph)
            yield quad(sentence, SEGMENT_NUMBER, segment_number)
        if relation.value not in described:
            described.add(relation.value)
            yield quad(relation, TYPE, RELATION_CLASS)
            yield quad(relation, LABEL, Literal(statement.relation))
        if statement.object_actor is None and obj.value not in described:
            described.add(obj.value)
            yield quad(obj, TYPE, THEME)
            yield quad(obj, LABEL, Literal(statement.object))
        for actor in (statement.subject_actor, statement.object_actor, statement.target_actor, statement.source_actor):
            if actor is not None and actor.key not in described:
                described.add(actor.key)
                yield from (Quad(s, p, o, graph) for s, p, o in actor_triples(base_iri, actor, node))


def event_node(code: str) -> NamedNode:
    """The CAMEO concept of an event code (`ontology/cameo.ttl`)."""
    return NamedNode(f"{CAMEO}{code}")


def actor_node(base_iri: str, actor: Actor) -> NamedNode:
    return NamedNode(base_iri + actor.key)


def actor_triples(
    base_iri: str, actor: Actor, node: Callable[[str], NamedNode] = NamedNode
) -> Iterator[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    """The type and label of an actor (repeats of vocabulary facts are harmless: RDF is a set);
    `node` makes a node of an IRI."""
    subject = node(base_iri + actor.key)
    yield subject, TYPE, ACTOR_CLASSES.get(actor.kind) or term(KG, actor.kind)
    yield subject, PREF_LABEL, Literal(actor.name, language="en")
    if actor.code:
        yield subject, CAMEO_CODE, Literal(actor.code)
    if actor.acts_for:
        yield subject, ACTS_FOR, node(base_iri + actor.acts_for.key)
        yield from actor_triples(base_iri, actor.acts_for, node)
