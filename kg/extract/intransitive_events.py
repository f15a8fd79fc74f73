"""Events told by an intransitive verb: "President X resigned", "demonstrators rioted", "the
rebels surrendered" give X -resign-> resignation, demonstrators -riot-> riot.

A statement has an object, and these verbs take none: CAMEO codes them all the same, from the
verb alone (PETRARCH2's verb dictionary has a code for each without a pattern: RESIGN 083,
RIOT 145, DEMONSTRATE 141, PROTEST and MARCH 140, RETREAT, SURRENDER and WITHDRAW 080), and the
PLOVER records code them with a source and no target ("Georgian President Eduard Shevardnadze
resigned Sunday": RETREAT). The object is the event itself, named by the verb's nominalisation,
as for an event noun whose agent alone is given ("provocations by Belarus": the event noun is
the object, the gold guideline's "X -escalate-> escalation"). Only a verb used without an object,
a clause complement or a prepositional object: "withdrew from the talks" and "protested that ..."
are clauses of their own (`kg.extract.clauses`, `kg.extract.attribution`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.clauses import Clause, modality_of, objects_of, polarity_of, relation_of
from kg.extract.parse_index import children
from kg.extract.statements import Actor
from kg.extract.subjects import subjects_of
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

# the verbs CAMEO codes alone that are used without an object, with the noun naming their event
EVENT_OF_VERB = {
    "resign": "resignation",
    "riot": "riot",
    "demonstrate": "demonstration",
    "protest": "protest",
    "march": "march",
    "retreat": "retreat",
    "surrender": "surrender",
    "withdraw": "withdrawal",
}
OBJECT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd")


def intransitive_events(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause for each verb of `EVENT_OF_VERB` used without an object, with a subject."""
    table = token_table(sentence.doc)
    for verb in table.tokens(i for i in range(sentence.start, sentence.end) if table.lemma[i] in EVENT_OF_VERB):
        event = EVENT_OF_VERB.get(verb.lemma_.lower())
        if event is None or verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "compound"):
            continue  # "the protesting farmers": a modifier, not a clause
        if objects_of(verb) or any(c.dep_ in OBJECT_DEPS for c in children(verb)):
            continue
        subjects = subjects_of(verb)
        if subjects:
            yield Clause(
                predicate=verb,
                relation=relation_of(verb),
                subjects=subjects,
                object_text=event,
                polarity=polarity_of(verb, [], vocabulary),
                modality=modality_of(verb, vocabulary),
            )


def aimed(clause: Clause, target: Actor | None) -> bool:
    """Whether a clause's event is one CAMEO codes: aimed at a patient or a target, or told by a
    verb CAMEO codes alone. An event noun with its agent alone ("support from Moscow and Beijing",
    "provocations by Belarus") is a statement, its noun the object, but like "Moscow supported"
    (which no clause makes a statement) it says what was done to no one: CAMEO codes who did what
    to whom (Manual 1.1b3, ch. 1), and PETRARCH2, coding verb phrases, codes no such noun; the
    PETRARCH2 validation sentences expect no event from "a step enjoyed support from Moscow"."""
    itself = len(clause.objects) == 1 and clause.objects[0].i == clause.predicate.i
    return not itself or target is not None or clause.relation in EVENT_OF_VERB
