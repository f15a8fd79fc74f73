"""The actor vocabulary and the extractor's lexicon, read from the Turtle files in `ontology/`.

Adding an actor, an alias, a designator noun or a modality cue is an edit to those files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from kg.statements import Actor, ActorKind

KG = Namespace("https://w3id.org/briefkg/ontology#")
VOCABULARY_BASE = "http://vocabulary.invalid/"
KINDS: tuple[ActorKind, ...] = ("Country", "Organisation", "Person", "Group")


@dataclass(frozen=True)
class VocabularyActor:
    actor: Actor
    labels: tuple[str, ...]
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    actors: dict[str, VocabularyActor]
    designators: frozenset[str]
    bodies: frozenset[str]
    titles: frozenset[str]
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    event_nouns: dict[str, str] = field(default_factory=dict)
    intent_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()

    def demonym_of(self, key: str) -> str | None:
        demonyms = self.actors[key].demonyms
        return demonyms[0] if demonyms else None


def _key(node: URIRef) -> str:
    return str(node).removeprefix(VOCABULARY_BASE)


def _collection(graph: Graph, name: str) -> frozenset[str]:
    return frozenset(
        str(label).lower()
        for member in graph.objects(KG[name], SKOS.member)
        for label in graph.objects(member, SKOS.prefLabel)
    )


@lru_cache(maxsize=4)
def load_vocabulary(ontology_dir: Path) -> Vocabulary:
    graph = Graph()
    for name in ("actors.ttl", "lexicon.ttl"):
        graph.parse(ontology_dir / name, format="turtle", publicID=VOCABULARY_BASE)
    actors: dict[str, VocabularyActor] = {}
    parents: dict[str, str] = {}
    for kind in KINDS:
        for node in sorted(graph.subjects(RDF.type, KG[kind])):
            actor = Actor(_key(node), str(graph.value(node, SKOS.prefLabel)), kind)
            labels = (actor.name, *sorted(str(label) for label in graph.objects(node, SKOS.altLabel)))
            demonyms = tuple(sorted(str(d) for d in graph.objects(node, KG.demonym)))
            actors[actor.key] = VocabularyActor(actor, labels, demonyms)
            if (parent := graph.value(node, KG.actsFor)) is not None:
                parents[actor.key] = _key(parent)
    for key, parent in parents.items():
        entry = actors[key]
        actors[key] = replace(entry, actor=replace(entry.actor, acts_for=actors[parent].actor))
    cues = {
        modality: frozenset(str(cue).lower() for cue in graph.objects(KG[modality.title()], KG.cue))
        for modality in ("reported", "intended", "possible", "negative")
    }
    event_nouns = {
        str(graph.value(member, SKOS.prefLabel)): str(graph.value(member, KG.verb))
        for member in graph.objects(KG.nominalisations, SKOS.member)
    }
    intent_nouns = frozenset(str(graph.value(m, SKOS.prefLabel)) for m in graph.subjects(RDF.type, KG.IntentNoun))
    return Vocabulary(
        actors=actors,
        event_nouns=event_nouns,
        intent_nouns=intent_nouns,
        group_nouns=_collection(graph, "groups"),
        designators=_collection(graph, "designators"),
        bodies=_collection(graph, "bodies"),
        titles=_collection(graph, "titles"),
        cues=cues,
    )
