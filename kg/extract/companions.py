"""Companions: "Along with his Latvian counterpart, Nauseda met Biden", "Poland, together with
Lithuania, closed the border", "Estonian troops trained alongside US marines".

A comitative adjunct ("along with", "together with", "alongside") names those who take part in
the act with the subject (Huddleston and Pullum 2002, ch. 8 §4, comitatives; UD's `obl` with
the comitative case): for event data each companion does what the subject does, as each conjunct
of a coordinated subject does ("Conjunctions are split", the gold guideline). The adjunct may hang
on the verb or on the subject ("Nauseda, along with his counterpart, met ...").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.clauses import Clause
from kg.extract.parse_index import children
from kg.extract.subjects import with_conjuncts

COMITATIVE_HEADS = {"along", "together"}  # followed by "with"
COMITATIVE_PREPOSITIONS = {"alongside"}


def with_companions(clause: Clause) -> Clause:
    """The clause with the companions its comitative adjuncts name added to its subjects."""
    companions = [t for head in (clause.predicate, *clause.subjects) for t in _companions(head)]
    known = {t.i for t in clause.subjects}
    added = [t for t in with_conjuncts(companions) if t.i not in known]
    if not added or any(o.i == t.i for o in clause.objects for t in added):
        return clause  # "trained alongside US marines": the parse made the companion the object
    return replace(clause, subjects=[*clause.subjects, *added])


def _companions(head: Token) -> list[Token]:
    """The objects of the comitative prepositions hung on a verb or a noun."""
    found = []
    for prep in children(head):
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in COMITATIVE_HEADS:
            found += [
                p
                for w in children(prep)
                if w.dep_ == "prep" and w.lower_ == "with"
                for p in children(w)
                if p.dep_ == "pobj"
            ]
        elif prep.lower_ == "with" and any(c.lower_ in COMITATIVE_HEADS for c in children(prep) if c.dep_ == "advmod"):
            found += [p for p in children(prep) if p.dep_ == "pobj"]  # "together" hung on "with"
        elif prep.lower_ in COMITATIVE_PREPOSITIONS:
            found += [p for p in children(prep) if p.dep_ == "pobj"]
    return found


def is_companion(token: Token) -> bool:
    """Is the token named by a comitative adjunct ("along with X", "X and Y" after "along with")?"""
    head = next((t for t in (token, *token.ancestors) if t.dep_ != "conj"), token).head
    preposition = head if head.dep_ == "prep" else None
    if preposition is None:
        return False
    if preposition.lower_ in COMITATIVE_PREPOSITIONS:
        return True
    if preposition.lower_ == "with":
        return preposition.head.lower_ in COMITATIVE_HEADS or any(
            c.dep_ == "advmod" and c.lower_ in COMITATIVE_HEADS for c in children(preposition)
        )
    return False
