"""Cities: a named entity the vocabulary lacks is typed by a gazetteer before its NER label.

The small English model labels many city names PERSON ("went to Vilnius and Klaipeda") or GPE,
which the extractor would take for a Country. A name in `ontology/places.tsv` (GeoNames cities,
`scripts/import_places.py`) is a Place:

- an entity the model labels GPE is a Place when the gazetteer lists it as a city (states and
  capitals are in the vocabulary, which is matched first: "Budapest protested" is Hungary);
- an entity labelled PERSON or ORG is a Place only where English puts a place: governed by a
  locative preposition ("in Klaipeda", "to Basra", "near Samarra"), the "of" of a place noun
  ("the port of Odesa"), or coordinated with a place ("Vilnius and Klaipeda"), so that "Bush",
  which GeoNames lists as a town in Egypt, stays the president when he acts.

A Place carries its state's CAMEO code and acts for its state, as PETRARCH2's country
dictionaries code a city by its country ("the port of Odesa" is aimed at Ukraine).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from kg.extract.statements import Actor
from kg.extract.vocabulary import Vocabulary, table_rows
from kg.identifiers import slug

LOCATIVE_PREPOSITIONS = {"in", "to", "from", "near", "at", "into", "outside", "inside", "around", "across", "toward"}
LOCATIVE_PREPOSITIONS |= {"towards", "through", "via", "between", "throughout"}
PLACE_NOUNS = {"port", "city", "town", "village", "capital", "region", "province", "district", "outskirts", "centre"}
PLACE_NOUNS |= {"center", "suburb", "streets", "mayor", "governor", "residents", "people", "enclave", "harbour"}


@lru_cache(maxsize=4)
def load_places(ontology_dir: Path) -> dict[str, str]:
    """City name -> ISO 3166 alpha-3 code of its country."""
    return {row["name"]: row["country"] for row in table_rows(ontology_dir / "places.tsv")}


class Gazetteer:
    def __init__(self, places: dict[str, str], vocabulary: Vocabulary) -> None:
        # a city's name that starts a state's name names the state ("Trinidad", not Trinidad, Cuba)
        states = [
            label for entry in vocabulary.actors.values() if entry.actor.kind == "Country" for label in entry.labels
        ]
        starts = {label.split(" ")[0] for label in states if " " in label}
        self.places = {name: country for name, country in places.items() if name not in starts}
        self.states = {
            entry.actor.code: entry.actor
            for entry in vocabulary.actors.values()
            if entry.actor.kind == "Country" and entry.actor.code and len(entry.actor.code) == 3
        }

    def place(self, span: Span, label: str) -> Actor | None:
        """The Place a named entity is, or None when it is not a listed city where a place goes."""
        name = " ".join(t.text for t in span)
        country = self.places.get(name)
        if country is None or (label != "GPE" and not self._where_a_place_goes(span)):
            return None
        state = self.states.get(country)
        return Actor(f"actor/{slug(name)}", name, "Place", acts_for=state, code=state.code if state else None)

    def _where_a_place_goes(self, span: Span) -> bool:
        token = span.root
        for _ in range(len(span.sent)):  # climbs conjunctions to the first conjunct: bounded by the sentence
            if token.dep_ != "conj":
                break
            if token.head.ent_type_ == "GPE" or token.head.text in self.places:
                return True  # "Vilnius and Klaipeda"
            token = token.head
        if token.dep_ != "pobj":
            return False
        preposition = token.head
        return preposition.lower_ in LOCATIVE_PREPOSITIONS or (
            preposition.lower_ == "of" and preposition.head.lemma_.lower() in PLACE_NOUNS  # "the port of Odesa"
        )
