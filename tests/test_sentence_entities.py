"""`SentenceEntities.within` gives what spaCy's `Span.ents` gives for every sentence, also where
an entity runs over a sentence end (spaCy stops at it: the entities after it are not the
sentence's either)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.sentence_entities import SentenceEntities

WORDS = "On Monday Vilnius protested . Riga and Tallinn agreed on 4 March . Minsk said nothing ."


def entities(spans: object) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in spans]  # type: ignore[attr-defined]


def make_doc(labels: list[str], sentence_starts: list[int]) -> Doc:
    words = WORDS.split()
    starts = [i in sentence_starts for i in range(len(words))]
    return Doc(Vocab(), words=words, sent_starts=starts, ents=labels)


def test_each_sentence_gets_the_entities_span_ents_gives() -> None:
    labels = ["O", "B-DATE", "B-GPE", "O", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-DATE", "I-DATE", "O"]
    labels += ["B-GPE", "O", "O", "O"]
    doc = make_doc(labels, [0, 5, 13])
    found = SentenceEntities(doc)
    assert [entities(found.within(s)) for s in doc.sents] == [entities(s.ents) for s in doc.sents]
    assert entities(found.within(list(doc.sents)[1])) == [(5, 6, "GPE"), (7, 8, "GPE"), (10, 12, "DATE")]


def test_an_entity_over_a_sentence_end_stops_the_sentence_as_in_spacy() -> None:
    labels = ["O", "B-DATE", "B-GPE", "O", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-DATE", "I-DATE", "I-DATE"]
    labels += ["I-DATE", "O", "O", "O"]  # "4 March . Minsk": one entity across the second sentence's end
    doc = make_doc(labels, [0, 3, 13])
    found = SentenceEntities(doc)
    sentences = list(doc.sents)
    assert [entities(found.within(s)) for s in sentences] == [entities(s.ents) for s in sentences]
    assert entities(found.within(sentences[1])) == [(5, 6, "GPE"), (7, 8, "GPE")]
    assert entities(found.within(sentences[2])) == []
