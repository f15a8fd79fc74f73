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

from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract import Actor, Statement
from kg.graph.namespaces import CAMEO, DCTERMS, KG, NIF, PROV, RDF, RDFS, SKOS, XSD, term
from kg.identifiers import slug
from kg.read import Brief

TYPE = term(RDF, "type")
LABEL = term(RDFS, "label")
PREF_LABEL = term(SKOS, "prefLabel")
DATE_TYPES = {10: "date", 7: "gYearMonth", 4: "gYear"}


def brief_graph(base_iri: str, doc: str) -> NamedNode:
    return NamedNode(f"{base_iri}brief/{slug(doc)}")


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=term(XSD, DATE_TYPES[len(value)]))


def brief_quads(brief: Brief, statements: Iterable[Statement], base_iri: str) -> Iterator[Quad]:
    """All quads of one brief, in its own named graph."""
    graph = brief_graph(base_iri, brief.doc)

    def quad(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> Quad:
        return Quad(s, p, o, graph)

    yield quad(graph, TYPE, term(KG, "Brief"))
    yield quad(graph, term(DCTERMS, "identifier"), Literal(brief.doc))
    yield quad(graph, term(DCTERMS, "title"), Literal(brief.title or brief.doc))
    if brief.date:
        yield quad(graph, term(DCTERMS, "date"), date_literal(brief.date))
    for segment in brief.segments:
        node = NamedNode(f"{graph.value}/segment/{segment.number}")
        yield quad(node, TYPE, term(KG, "Segment"))
        yield quad(node, term(DCTERMS, "isPartOf"), graph)
        yield quad(node, term(KG, "segment"), Literal(segment.number))
        yield quad(node, term(DCTERMS, "title"), Literal(segment.title or brief.title or brief.doc))
        if segment.date:
            yield quad(node, term(DCTERMS, "date"), date_literal(segment.date))

    described: set[str] = set()
    for index, statement in enumerate(statements, start=1):
        node = NamedNode(f"{base_iri}statement/{slug(brief.doc)}/{index}")
        sentence = NamedNode(f"{base_iri}sentence/{slug(brief.doc)}/{statement.start}-{statement.end}")
        subject = actor_node(base_iri, statement.subject_actor)
        relation = NamedNode(f"{base_iri}relation/{slug(statement.relation)}")
        if statement.object_actor is not None:
            obj = actor_node(base_iri, statement.object_actor)
        else:
            obj = NamedNode(f"{base_iri}theme/{slug(statement.object)}")
        yield quad(node, TYPE, term(KG, "Statement"))
        yield quad(node, term(KG, "subject"), subject)
        yield quad(node, term(KG, "relation"), relation)
        yield quad(node, term(KG, "object"), obj)
        yield quad(node, term(KG, "polarity"), term(KG, statement.polarity.title()))
        yield quad(node, term(KG, "modality"), term(KG, statement.modality.title()))
        if statement.date:
            yield quad(node, term(KG, "date"), date_literal(statement.date))
        if statement.event:
            yield quad(node, term(KG, "eventCode"), event_node(statement.event))
        if statement.target_actor is not None:
            yield quad(node, term(KG, "target"), actor_node(base_iri, statement.target_actor))
        if statement.source_actor is not None:
            yield quad(node, term(KG, "source"), actor_node(base_iri, statement.source_actor))
        yield quad(node, term(PROV, "wasDerivedFrom"), sentence)
        yield quad(node, term(KG, "inBrief"), graph)
        yield quad(node, term(KG, "segment"), Literal(statement.segment))
        yield quad(node, LABEL, Literal(f"{statement.subject} {statement.relation} {statement.object}"))
        if statement.polarity == "positive":
            yield quad(subject, relation, obj)
        if sentence.value not in described:
            described.add(sentence.value)
            yield quad(sentence, TYPE, term(KG, "Sentence"))
            yield quad(sentence, term(NIF, "anchorOf"), Literal(statement.sentence))
            yield quad(sentence, term(NIF, "beginIndex"), Literal(statement.start))
            yield quad(sentence, term(NIF, "endIndex"), Literal(statement.end))
            yield quad(sentence, term(KG, "inBrief"), graph)
            yield quad(sentence, term(KG, "segment"), Literal(statement.segment))
        if relation.value not in described:
            described.add(relation.value)
            yield quad(relation, TYPE, term(KG, "Relation"))
            yield quad(relation, LABEL, Literal(statement.relation))
        if statement.object_actor is None and obj.value not in described:
            described.add(obj.value)
            yield quad(obj, TYPE, term(KG, "Theme"))
            yield quad(obj, LABEL, Literal(statement.object))
        for actor in (statement.subject_actor, statement.object_actor, statement.target_actor, statement.source_actor):
            if actor is not None and actor.key not in described:
                described.add(actor.key)
                yield from (Quad(s, p, o, graph) for s, p, o in actor_triples(base_iri, actor))


def event_node(code: str) -> NamedNode:
    """The CAMEO concept of an event code (`ontology/cameo.ttl`)."""
    return NamedNode(f"{CAMEO}{code}")


def actor_node(base_iri: str, actor: Actor) -> NamedNode:
    return NamedNode(base_iri + actor.key)


def actor_triples(base_iri: str, actor: Actor) -> Iterator[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    """The type and label of an actor (repeats of vocabulary facts are harmless: RDF is a set)."""
    node = actor_node(base_iri, actor)
    yield node, TYPE, term(KG, actor.kind)
    yield node, PREF_LABEL, Literal(actor.name, language="en")
    if actor.code:
        yield node, term(KG, "cameoCode"), Literal(actor.code)
    if actor.acts_for:
        yield node, term(KG, "actsFor"), actor_node(base_iri, actor.acts_for)
        yield from actor_triples(base_iri, actor.acts_for)
