"""Support-verb constructions: "held consultations with Belgium", "put pressure on Kyiv", "gave
a nod to relocating the unit".

A support verb (a light verb) adds little meaning of its own: the event is the noun it takes as
its object, and the noun's arguments are the event's (NomBank's support verbs, Meyers et al.
2004; Mel'čuk's lexical function Oper1; Huddleston and Pullum 2002, ch. 4 §7, on light verbs:
"have a look", "give a push", "make an offer"). An analyst lists the participant the noun's
preposition introduces ("consultations with X", "pressure on X", "a nod to X") as the
statement's object, and the relation names verb and noun together ("put pressure", "hold
consultations"), as it already does for "take part".

Only an eventive noun counts (one WordNet derives from a verb: `Vocabulary.event_nouns`), and
only a participant that is an actor or an act (a gerund: "a nod to relocating the unit"); a noun
whose preposition introduces anything else keeps its noun as the object ("held consultations
with their colleagues").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.actors import mention_at
from kg.extract.clauses import Clause
from kg.extract.parse_index import children
from kg.extract.subjects import with_conjuncts
from kg.extract.vocabulary import Vocabulary

# the support verbs of NomBank's most frequent nominalisations, as news English uses them
SUPPORT_VERBS = frozenset(
    {"hold", "give", "make", "put", "exert", "pay", "conduct", "have", "launch", "mount", "stage"}
)
# prepositions that introduce a participant of the noun's event, in the order they are tried
PARTICIPANT_PREPOSITIONS = ("with", "on", "to", "against", "toward", "towards")


def supported(clause: Clause, vocabulary: Vocabulary) -> Clause:
    """The clause with the participant of its support verb's noun as its object, if it has one."""
    verb = clause.predicate
    if (
        verb.lemma_.lower() not in SUPPORT_VERBS
        or clause.object_text is not None
        or clause.relation != verb.lemma_.lower()
    ):
        return clause
    noun = clause.objects[0] if clause.objects else None
    if (
        noun is None
        or noun.dep_ != "dobj"
        or noun.head.i != verb.i
        or noun.lemma_.lower() not in vocabulary.event_nouns
    ):
        return clause
    participants = _participants(noun, verb)
    if not participants:
        return clause
    return replace(clause, relation=f"{clause.relation} {noun.lower_}", objects=participants)


def _participants(noun: Token, verb: Token) -> list[Token]:
    """The actors or acts the noun's first participant preposition introduces ([] if none): a
    preposition of the noun, or one the parser hung on the verb right after the noun (the
    attachment of a prepositional phrase after an object is the parser's most frequent error,
    and after a support verb's noun the phrase is the noun's)."""
    after = [c for c in children(verb) if c.i > noun.i and c.i == noun.right_edge.i + 1]
    prepositions = sorted(
        (c for c in (*children(noun), *after) if c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPOSITIONS),
        key=lambda p: PARTICIPANT_PREPOSITIONS.index(p.lower_),
    )
    for preposition in prepositions:
        for child in children(preposition):
            if child.dep_ == "pcomp" and child.tag_ == "VBG":
                return [child]
            if child.dep_ == "pobj":
                heads = with_conjuncts([child])
                if all(_is_actor(t) for t in heads):
                    return heads
    return []


def _is_actor(token: Token) -> bool:
    """An actor's mention ends at the token, or the token is a personal pronoun."""
    mention = mention_at(token)
    return (mention is not None and mention.end - 1 == token.i) or token.tag_ == "PRP"


def absorbed(clauses: list[Clause]) -> set[int]:
    """The gerunds that support-verb clauses took as their object ("gave a nod to relocating the
    unit"): the act is what was (not) approved, no statement of its own."""
    return {
        o.i
        for c in clauses
        if c.predicate.lemma_.lower() in SUPPORT_VERBS and c.relation != c.predicate.lemma_.lower()
        for o in c.objects
        if o.tag_ == "VBG"
    }
