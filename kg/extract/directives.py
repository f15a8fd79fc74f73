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

from kg.extract.actors import mention_at
from kg.extract.clauses import Clause, modality_of, objects_of, polarity_of, relation_of
from kg.extract.parse_index import children
from kg.extract.subjects import subjects_of
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

ADDRESSEE_PREPOSITIONS = {"on", "upon"}  # "call on", "call upon"
# "want Russia to withdraw": a wish for another's act, with that other as the object, is a request
# to it (object control as with "urge"); CAMEO codes it as an appeal (Manual 1.1b3, root 02)
DESIRE_VERBS = frozenset({"want", "wish"})
CONTENT_DEPS = {"conj", "advcl"}  # "to cease ..., to respect ... and to abide by ..."


def directives(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause for each act a directive calls for that has an object, with the directive's
    subject, relation, polarity and modality."""
    for token in _directive_verbs(sentence, vocabulary):
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
    if verb.pos_ != "VERB":
        return []
    if verb.lemma_.lower() in DESIRE_VERBS:
        first = _wished(verb)
    elif verb.lemma_.lower() in vocabulary.cues["stance"] and (addressee := _addressee(verb)) is not None:
        first = next((c for c in children(verb) if c.dep_ == "xcomp" and _infinitive(c) and c.i > addressee.i), None)
    else:
        return []
    if first is None:
        return []
    acts = [first]
    for act in acts:  # grows as it goes: each act's coordinated infinitives, once
        acts.extend(c for c in children(act) if c.dep_ in CONTENT_DEPS and _infinitive(c) and c not in acts)
    return acts


def is_request(verb: Token) -> bool:
    """A verb of wishing with an addressee named or referred to and its infinitive: "wants Russia
    to withdraw" (not "wished the talks to succeed": no one is asked)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DESIRE_VERBS or (act := _wished(verb)) is None:
        return False
    addressee = next((c for c in children(verb) if c.dep_ == "dobj"), None) if act.dep_ == "xcomp" else None
    addressee = addressee or next((c for c in children(act) if c.dep_ == "nsubj"), None)
    return addressee is not None and (addressee.pos_ in ("PROPN", "PRON") or mention_at(addressee) is not None)


def _wished(verb: Token) -> Token | None:
    """The infinitive a verb of wishing wants someone else to do: after its object ("want Russia
    to withdraw"), or with its own subject, as the parser may attach it ("Russia" the subject of
    "to withdraw")."""
    addressee = next((c for c in children(verb) if c.dep_ == "dobj"), None)
    for complement in children(verb):
        if not _infinitive(complement):
            continue
        if complement.dep_ == "xcomp" and addressee is not None and complement.i > addressee.i:
            return complement
        if complement.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in children(complement)):
            return complement
    return None


def controlled_acts(sentence: Span, vocabulary: Vocabulary) -> set[int]:
    """The indices of the infinitives directives govern: they give no clause of their own."""
    return {act.i for token in _directive_verbs(sentence, vocabulary) for act in called_for(token, vocabulary)}


def _directive_verbs(sentence: Span, vocabulary: Vocabulary) -> Iterator[Token]:
    """The verbs of the sentence that `called_for` may find acts of: verbs of wishing and stance verbs."""
    table, stance = token_table(sentence.doc), vocabulary.cues["stance"]
    pos, lemma = table.pos, table.lemma
    return table.tokens(
        i
        for i in range(sentence.start, sentence.end)
        if pos[i] == "VERB" and (lemma[i] in DESIRE_VERBS or lemma[i] in stance)
    )


def _addressee(verb: Token) -> Token | None:
    direct = next((c for c in children(verb) if c.dep_ == "dobj"), None)
    if direct is not None:
        return direct
    return next(
        (
            g
            for c in children(verb)
            if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPOSITIONS
            for g in children(c)
            if g.dep_ == "pobj"
        ),
        None,
    )


def _prepositional_object(verb: Token) -> list[Token]:
    """'to abide by international law': the object of the act's preposition, whichever it is."""
    return [g for c in children(verb) if c.dep_ == "prep" for g in children(c) if g.dep_ == "pobj"][:1]


def _infinitive(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))
