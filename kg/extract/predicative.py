"""Events predicated through a preposition: "X is in violation of resolution 1701", "Y is in
breach of the ceasefire", "Z is in control of the crossing" give X -violate-> resolution 1701,
Y -breach-> ceasefire, Z -control-> crossing.

A prepositional phrase can be the predicative complement of "be" (Huddleston and Pullum 2002,
ch. 7 §2.1, "in" + noun + "of" idioms: "in breach of", "in violation of", "in support of",
"in control of"); when its noun is an event nominal, the clause says that the subject does what
the noun names, and the "of" phrase is its object, as for the nominal itself (Grimshaw 1990).
The event noun and its verb come from WordNet (`ontology/noun_verbs.tsv`); a subject that is
itself an event with an agent stands for that agent (`kg.extract.nominal_events.metonymic_subjects`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import ADVERBIAL_NOUNS, Clause, polarity_of
from kg.extract.nominal_events import event_agents
from kg.extract.parse_index import children
from kg.extract.subjects import SUBJECT_DEPS, with_conjuncts
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

PREDICATIVE_PREPOSITIONS = {"in"}


def predicative_events(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause for each "be in <event noun> of <object>" with a subject."""
    table = token_table(sentence.doc)
    for token in table.tokens(i for i in range(sentence.start, sentence.end) if table.lemma[i] == "be"):
        if token.lemma_ != "be":
            continue
        subjects = [c for c in children(token) if c.dep_ in SUBJECT_DEPS]
        for noun in _predicative_nouns(token, vocabulary):
            objects = [g for c in children(noun) if c.dep_ == "prep" and c.lower_ == "of" for g in children(c)]
            objects = with_conjuncts([o for o in objects if o.dep_ == "pobj"][:1])
            agents = [a for s in with_conjuncts(subjects) for a in (event_agents(s, vocabulary) or [s])]
            if agents and objects:
                yield Clause(
                    noun,
                    vocabulary.event_nouns[noun.lemma_.lower()],
                    agents,
                    objects,
                    polarity=polarity_of(token, objects, vocabulary),
                )


def _predicative_nouns(copula: Token, vocabulary: Vocabulary) -> list[Token]:
    """The event nouns of the copula's predicative "in ... of" phrase; none where the copula has
    another complement ("is dependent on X in terms of Y": the phrase is an adjunct)."""
    if any(c.dep_ in ("acomp", "attr", "xcomp", "ccomp") for c in children(copula)):
        return []
    return [
        g
        for c in children(copula)
        if c.dep_ == "prep" and c.lower_ in PREDICATIVE_PREPOSITIONS
        for g in children(c)
        if g.dep_ == "pobj"
        and g.pos_ == "NOUN"
        and g.lemma_.lower() in vocabulary.event_nouns
        and g.lemma_.lower() not in ADVERBIAL_NOUNS
    ]
