"""Rule-based coreference: pronouns and definite descriptions to the most salient actor.

A simplified Lappin and Leass (1994) salience model: every actor mention in the segment gets a
score from its recency (halved per sentence of distance, as in their model) and its
grammatical role (subjects weigh more than objects, which weigh more than other mentions).
A pronoun or description takes the highest-scoring *compatible* antecedent that precedes it:
"he"/"she" need a person, "it"/"its" a state or organisation, "they"/"their" any non-person
actor; "the president"/"the minister" need a person whose role names that title; "the
authorities"/"the regime" need a state; "the foreign ministry" becomes that body of the most
salient state. Nothing compatible within the window gives None: no statement rather than a
wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.statements import Actor

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
ROLE_WEIGHT = {"subject": 80, "object": 50, "other": 30}
MAX_SENTENCE_DISTANCE = 4


@dataclass(frozen=True)
class Salient:
    actor: Actor
    sentence: int
    token: int
    weight: int
    plural: bool  # mentioned by a plural noun: "the Americans", "NATO members"


class SalienceModel:
    """The actors seen so far in one segment, with their salience factors."""

    def __init__(self) -> None:
        self.seen: list[Salient] = []
        self._pair: tuple[int, list[Actor]] = (-99, [])

    def pair(self, sentence: int, actors: list[Actor]) -> None:
        """Remember the last clause with two parties: "Belarus and the US discussed ...",
        "Lukashenka received Eyyubov": the antecedent of "both parties", "they"."""
        unique = list({a.key: a for a in actors}.values())
        if len(unique) == 2:
            self._pair = (sentence, unique)

    def recent_pair(self, sentence: int, window: int) -> list[Actor]:
        number, actors = self._pair
        return actors if 0 < sentence - number <= window else []

    def observe(self, actor: Actor, token: Token, sentence: int) -> None:
        role = (
            "subject"
            if token.dep_ in ("nsubj", "nsubjpass")
            else "object"
            if token.dep_ in ("dobj", "pobj")
            else "other"
        )
        self.seen.append(Salient(actor, sentence, token.i, ROLE_WEIGHT[role], token.tag_ in ("NNS", "NNPS")))

    def _best(self, before: int, sentence: int, compatible, plural: bool = False) -> Actor | None:
        scored: dict[str, tuple[float, Actor]] = {}
        for item in self.seen:
            if plural and not item.plural:
                continue
            distance = sentence - item.sentence
            if item.token >= before or distance > MAX_SENTENCE_DISTANCE or not compatible(item.actor):
                continue
            score = item.weight / (1 + distance)
            previous = scored.get(item.actor.key, (0.0, item.actor))[0]
            scored[item.actor.key] = (previous + score, item.actor)
        if not scored:
            return None
        return max(scored.values(), key=lambda pair: pair[0])[1]

    def resolve_pronoun(self, token: Token, sentence: int) -> Actor | None:
        word = token.lower_
        if word in PERSON_PRONOUNS:
            return self._best(token.i, sentence, lambda a: a.kind == "Person")
        if word in THING_PRONOUNS:
            return self._best(token.i, sentence, lambda a: a.kind in ("Country", "Organisation"))
        if word in PLURAL_PRONOUNS:  # number agreement first: "... without the Americans", so "they must"
            return self._best(token.i, sentence, _not_person, plural=True) or self._best(token.i, sentence, _not_person)
        return None

    def resolve_description(
        self, token: Token, sentence: int, designators: frozenset[str], titles: frozenset[str]
    ) -> Actor | None:
        """'the president', 'the authorities': a definite noun phrase without a name."""
        if not any(child.lower_ in ("the", "this", "these") for child in token.children):
            return None
        noun = token.lemma_.lower()
        if noun in titles:
            # a person titled so in the text, else any person (vocabulary people carry no title)
            titled = self._best(token.i, sentence, lambda a: a.kind == "Person" and noun in (a.role or "").lower())
            return titled or self._best(token.i, sentence, lambda a: a.kind == "Person" and not a.role)
        if noun in designators or token.lower_ in designators:
            return self._best(token.i, sentence, lambda a: a.kind == "Country")
        return None


def _not_person(actor: Actor) -> bool:
    return actor.kind != "Person"
