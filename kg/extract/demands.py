"""Demands made by report: "Russia said that Sudan must return the helicopter" -> Russia -demand-> Sudan.

A speaker who says that another actor must, should or has to act makes a demand on that actor:
CAMEO codes such a report as the speaker's demand (root 10) with the other actor as its target
(Manual 1.1b3, ch. 6, 10: "demand ... that the target ..."; the PLOVER gold records code "X said
that Y must ..." as X's DEMAND). The reported clause keeps its own statement, modality reported;
this adds the speaker's. Obligation is read from the modal auxiliary of the reported verb
("must", "should", "ought") or from a governing "has to" / "needs to"; the cues are data
(`kg:Obligation` in the lexicon). A speaker who is also the reported subject ("X said it must")
commits itself and makes no demand.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import Clause, modality_of, polarity_of
from kg.extract.parse_index import children
from kg.extract.subjects import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, subjects_of
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

DEMAND = "demand"


def reported_demands(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A `demand` clause for each reporting verb whose reported clause obliges another actor."""
    table, reporting = token_table(sentence.doc), vocabulary.cues["reported"]
    for token in table.tokens(i for i in range(sentence.start, sentence.end) if table.lemma[i] in reporting):
        if token.lemma_.lower() not in reporting:
            continue
        speakers = subjects_of(token)
        if not speakers:
            continue
        for complement in (c for c in children(token) if c.dep_ == "ccomp" and obliges(c, vocabulary)):
            addressees = [
                s for s in children(complement) if s.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and s.pos_ != "PRON"
            ]
            speaker_words = {s.lower_ for s in speakers}
            if not addressees or any(a.lower_ in speaker_words for a in addressees):
                continue
            addressees += [t for a in addressees for t in a.conjuncts if t.i > a.i]
            yield Clause(
                predicate=token,
                relation=DEMAND,
                subjects=speakers,
                objects=addressees,
                polarity=polarity_of(token, addressees, vocabulary),
                modality=modality_of(token, vocabulary),
            )


def obliges(predicate: Token, vocabulary: Vocabulary) -> bool:
    """ "must return", "should be ready", "has to leave", "needs to stop"."""
    cues = vocabulary.cues["obligation"]
    if any(c.tag_ == "MD" and c.lemma_.lower() in cues for c in children(predicate)):  # not perfect "has"
        return True
    return predicate.lemma_.lower() in cues and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children(c)) for c in children(predicate)
    )
