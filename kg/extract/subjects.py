"""Subjects the parse does not hand over: the controller of a complement that is the matrix
verb's object, not its subject; and a person named again by the surname alone.

Object control (Rosenbaum 1967; Postal 1970): in "Tallinn accused Moscow of jamming signals",
"Kyiv blamed Moscow for shelling the plant" or "stopped Minsk from sending troops", the
understood subject of the gerund after of / for / from is the matrix verb's direct object
(Levin 1993, the judgement verbs of class 33 and the prevent verbs of class 67). "Of" and "from"
after a direct object mark such a complement ("suspected Minsk of", "barred Moscow from"); "for"
does only after a judgement verb ("shaped an image for promoting the idea" is the subject's
purpose). A gerund after other prepositions ("by shelling", "after meeting") is an adverbial of
the matrix subject's act and keeps that subject.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.statements import Actor

CONTROLLED_PREPOSITIONS = {"of", "for", "from"}
# Levin (1993) class 33, judgement verbs, as news English uses them of states
JUDGEMENT_VERBS = {
    "blame", "criticise", "criticize", "praise", "thank", "condemn", "punish", "reward", "fault", "commend",
    "censure", "denounce", "reproach", "rebuke", "penalise", "penalize", "forgive", "congratulate", "applaud",
    "sanction", "attack", "slam", "castigate",
}  # fmt: skip


def object_controller(predicate: Token) -> list[Token]:
    """The direct object that controls a gerund complement ("accused Moscow of jamming"), or []."""
    if predicate.dep_ != "pcomp" or predicate.tag_ != "VBG":
        return []
    preposition = predicate.head
    if preposition.dep_ != "prep" or preposition.lower_ not in CONTROLLED_PREPOSITIONS:
        return []
    verb = preposition.head
    if verb.pos_ != "VERB" or (preposition.lower_ == "for" and verb.lemma_.lower() not in JUDGEMENT_VERBS):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < preposition.i]
    return [t for o in objects for t in (o, *o.conjuncts)]


def reduced_name(token: Token, seen: Iterable[Actor]) -> Actor | None:
    """'Rasmus Paludan ... Paludan, who also has Swedish citizenship': a proper noun equal to the
    surname of exactly one person named in full earlier (news style names a person in full
    once, then by surname: AP Stylebook, "names")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    return full_name(token.text, seen)


def full_name(surname: str, seen: Iterable[Actor]) -> Actor | None:
    """The one person named in full earlier whose surname this is, if exactly one."""
    people = {a.key: a for a in seen if a.kind == "Person" and " " in a.name and a.name.rsplit(" ", 1)[1] == surname}
    return next(iter(people.values())) if len(people) == 1 else None
