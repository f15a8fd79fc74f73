"""The order of a sentence's statements: the event a CAMEO coder would code comes first.

A one-event coder (and `kg`'s "main event", the first coded statement of a sentence) follows
the CAMEO/PETRARCH2 conventions:

- the matrix event before the events of embedded clauses: purpose clauses ("sent troops to
  secure the border"), complements and relative clauses are coded only when the main verb is no
  event (PETRARCH2 codes the verb phrase of the main clause and descends into subordinate ones
  only when it finds no pattern there; CAMEO Manual 1.1b3, ch. 2: "the main event of the
  sentence");
- a reported event before the speech act that reports it: "X said that Y attacked Z" is coded
  as Y's attack, not as X's statement (CAMEO Manual 1.1b3, ch. 2: code the event reported, not
  the report; PETRARCH2 discards a "say" event when the reported clause has one), so the step
  from a reporting verb to its reported clause costs nothing, and a speech act with a reported
  clause comes after the events of its own depth;
- a demand made by report ("X said that Y must leave", `kg.extract.demands`) before the reported event,
  as the PLOVER gold records code it (X's DEMAND on Y);
- then the order of the text.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import Clause
from kg.extract.demands import DEMAND
from kg.extract.parse_index import children
from kg.extract.vocabulary import Vocabulary


def main_event_rank(clause: Clause, vocabulary: Vocabulary) -> tuple[int, int, int]:
    """(depth, kind, position): sort a sentence's clauses by it, the main event first."""
    predicate = clause.predicate
    depth = 0
    token = predicate
    for head in predicate.ancestors:
        depth += 0 if token.dep_ == "ccomp" and _reports(head, vocabulary) else 1
        token = head
    speech_act = _reports(predicate, vocabulary) and any(c.dep_ == "ccomp" for c in children(predicate))
    if clause.relation == DEMAND and speech_act:
        kind = 0
    elif speech_act:
        kind = 2
    else:
        kind = 1
    return depth, kind, predicate.i


def _reports(verb: Token, vocabulary: Vocabulary) -> bool:
    """A reporting verb whose clause complement is what it reports: "said (to Putin) that", "told
    Putin that"; not one whose object names the act ("reiterated its demand that Israel ...")."""
    content = any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in children(verb))
    return verb.lemma_.lower() in vocabulary.cues["reported"] and not content
