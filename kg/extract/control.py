"""Clauses whose subject is understood from the clause above them (control), and complements
that are statements of their own beside the verb above them (presupposition).

Passive object control (Rosenbaum 1967; Huddleston and Pullum 2002, ch. 14 §5.2): "Pat was
persuaded to go" is Pat going. A verb that controls its infinitive through its object ("prompt",
"oblige", "compel", "force" X to V) hands that control to its passive subject: in "Minsk is
prompted to demonstrate goodwill", "the ministry will be obliged to follow the lead", Minsk
demonstrates and the ministry follows. Without a "by" agent the matrix clause names no one who
acts, so the infinitive is the statement and the passive verb gives none of its own. With an
agent ("was urged by Brussels to release"), or with a directive speech act ("was invited to
hold talks", the lexicon's `kg:Stance` cues), what is asked for is the asker's demand, not the
addressee's act (`kg.extract.directives`).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.parse_index import children
from kg.extract.subjects import PASSIVE_SUBJECT_DEPS
from kg.extract.vocabulary import Vocabulary

CEASING_VERBS = {"stop", "cease", "quit"}


def passive_controller(verb: Token, vocabulary: Vocabulary) -> bool:
    """Is this an agentless passive, not a directive, that controls an infinitive ("Minsk is
    prompted to demonstrate", "has been compelled to respond")?"""
    dependents = children(verb)
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in dependents)
        and not any(c.dep_ == "agent" for c in dependents)
        and verb.lemma_.lower() not in vocabulary.cues["stance"]
        and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in dependents)
    )


def passively_controlled(infinitive: Token, vocabulary: Vocabulary) -> bool:
    """Is this `xcomp` the infinitive of a `passive_controller`?"""
    return infinitive.dep_ == "xcomp" and infinitive.pos_ == "VERB" and passive_controller(infinitive.head, vocabulary)


def presupposed(gerund: Token) -> bool:
    """'If Moscow stops blocking the recognition': a verb of ceasing presupposes that its gerund's
    event goes on until then (Karttunen 1973, "Presuppositions of compound sentences": change-of-state
    verbs; the presupposition holds under negation and in a conditional), so the gerund is a
    statement of its own, asserted, beside the matrix verb's."""
    return gerund.dep_ == "xcomp" and gerund.tag_ == "VBG" and gerund.head.lemma_.lower() in CEASING_VERBS
