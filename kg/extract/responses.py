"""Responses an act draws from an actor: "the march prompted a rebuke from China", "the Ukrainian
authorities resisted, prompting praise from Lukashenka", "Minsk's decision drew criticism from
Warsaw" say that China rebuked the march, Lukashenka praised the authorities, Warsaw criticised
Minsk's decision.

A verb of causing a response (FrameNet's Causation frame: cause, prompt, provoke, trigger,
spark, elicit; and "draw", "earn" of a reaction) takes the
response as its object, a noun naming a speech or stance act ("rebuke", "praise", "criticism":
WordNet derives it from its verb), whose agent a "from" phrase states (NomBank's ARG0 of
communication nouns, as `kg.extract.nominal_events` reads it). What the response is aimed at is
the causing verb's subject: the act or actor that caused it (the causer is the stimulus of the
response: Levin 1993, class 31.1, amuse verbs, whose subject is the stimulus). The small parser
hangs the "from" phrase after the object on the verb as often as on the noun (the attachment of
a prepositional phrase after an object is its most frequent error); after such a verb's response
noun, the phrase is the noun's.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.actors import mention_at
from kg.extract.clauses import Clause
from kg.extract.parse_index import children
from kg.extract.subjects import subjects_of, with_conjuncts

CAUSING_VERBS = {"prompt", "provoke", "trigger", "spark", "cause", "elicit", "draw", "earn"}


def causing_verb(noun: Token) -> Token | None:
    """The verb of causing a response whose direct object the noun is, if any."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in CAUSING_VERBS:
        return None
    return verb


def responders(noun: Token) -> list[Token]:
    """The actors of a "from" phrase the parser hung on the causing verb right after the response
    noun ("prompting praise from Lukashenka"), or []."""
    verb = causing_verb(noun)
    if verb is None:
        return []
    return with_conjuncts(
        [
            g
            for c in children(verb)
            if c.dep_ == "prep" and c.lower_ == "from" and c.i == noun.right_edge.i + 1
            for g in children(c)
            if g.dep_ == "pobj" and mention_at(g) is not None
        ]
    )


def stimuli(noun: Token, agents: list[Token]) -> list[Token]:
    """What caused the response: the causing verb's subjects ("the march prompted a rebuke"), or
    [] unless a "from" phrase names who responded ("attracted Chinese investment" is no response)."""
    verb = causing_verb(noun)
    if verb is None or not any(a.head.lower_ == "from" for a in agents):
        return []
    return [s for s in subjects_of(verb) if s.i != noun.i]


def answered(clauses: list[Clause]) -> set[int]:
    """The causing verbs whose response became a statement of its own ("prompting praise from
    Lukashenka" is Lukashenka's praise): the causing is no statement beside it, as a support verb
    is none beside its noun (`kg.extract.support_verbs`)."""
    return {
        verb.i
        for c in clauses
        if c.predicate.pos_ == "NOUN"
        and (verb := causing_verb(c.predicate)) is not None
        and any(s.head.lower_ == "from" for s in c.subjects)
    }
