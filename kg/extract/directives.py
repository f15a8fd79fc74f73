"""Directives: "NATO called on Belarus to cease these actions, to respect human rights and to
abide by international law" gives NATO -call-> Belarus (the call and its first act, one demand)
and, for each further act called for, NATO -call-> human rights, NATO -call-> international law.

A directive speech act with an addressee and an infinitive ("urge Russia to withdraw", "call on
Minsk to stop", "ask Serbia to recognise") is object control (Rosenbaum 1967; Postal 1970): the
addressee is the understood subject of the infinitive, never the speaker. What is called for has
not happened and is the speaker's demand, not the addressee's act: analysts list it as the object
of the call (the GUIDELINE's "called on Minsk to stop" gives -call on-> Belarus; CAMEO codes the
demand by its speaker, root 10). So each infinitive's object becomes an object of the directive,
and the infinitives give no clause of their own. The directive verbs are the lexicon's stance
cues (`kg:Stance`: call, urge, demand ...) where they take an addressee and an infinitive.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import Clause, modality_of, objects_of, polarity_of, relation_of
from kg.extract.subjects import subjects_of
from kg.extract.vocabulary import Vocabulary

ADDRESSEE_PREPOSITIONS = {"on", "upon"}  # "call on", "call upon"
CONTENT_DEPS = {"conj", "advcl"}  # "to cease ..., to respect ... and to abide by ..."


def directives(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause for each act a directive calls for that has an object, with the directive's
    subject, relation, polarity and modality."""
    for token in sentence:
        acts = called_for(token, vocabulary)
        if not acts:
            continue
        subjects = subjects_of(token)
        for act in acts[1:]:  # the first act called for is one demand with the addressee's clause
            objects = (objects_of(act) or _prepositional_object(act))[:1]
            if subjects and objects:
                yield Clause(
                    predicate=token,
                    relation=relation_of(token),
                    subjects=subjects,
                    objects=objects,
                    polarity=polarity_of(token, objects, vocabulary),
                    modality=modality_of(token, vocabulary),
                )


def called_for(verb: Token, vocabulary: Vocabulary) -> list[Token]:
    """The infinitives a directive verb with an addressee governs, in order ([] if none)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in vocabulary.cues["stance"]:
        return []
    addressee = _addressee(verb)
    if addressee is None:
        return []
    first = next((c for c in verb.children if c.dep_ == "xcomp" and _infinitive(c) and c.i > addressee.i), None)
    if first is None:
        return []
    acts = [first]
    for act in acts:  # grows as it goes: each act's coordinated infinitives, once
        acts.extend(c for c in act.children if c.dep_ in CONTENT_DEPS and _infinitive(c) and c not in acts)
    return acts


def controlled_acts(sentence: Span, vocabulary: Vocabulary) -> set[int]:
    """The indices of the infinitives directives govern: they give no clause of their own."""
    return {act.i for token in sentence for act in called_for(token, vocabulary)}


def _addressee(verb: Token) -> Token | None:
    direct = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if direct is not None:
        return direct
    return next(
        (
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPOSITIONS
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


def _prepositional_object(verb: Token) -> list[Token]:
    """'to abide by international law': the object of the act's preposition, whichever it is."""
    return [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"][:1]


def _infinitive(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
