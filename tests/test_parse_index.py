"""What the extractor's components read from `kg.extract.parse_index` is spaCy's own answer: the
children of each token (in spaCy's order) and its sentence; the statements are the same with the
index as without; a question is told from the end of a sentence's text as from the whole text.
On invented paragraphs with coordination, relative and content clauses, quotations,
parentheses, questions and a paragraph break."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.actors
import kg.extract.extractor
from kg.extract.extractor import extract
from kg.extract.modality import _is_question
from kg.extract.parse_index import CHILDREN, SENTENCES, children, parse_index, sentence_of
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

HEADER = "Weekly review of the Danube region\nMarch 9, 2019 10:00\n\n"
BODY = (
    "On Tuesday in Bucharest, Romania and Moldova signed an accord on river transport, which the "
    'Hungarian government, according to its spokesman, had opposed for months. "We will not accept '
    'any delay," the Romanian foreign minister told reporters, adding that Kyiv and Chisinau had '
    "agreed to open two crossings (near Reni and Giurgiulesti) before the summer.\n\n"
    "Moldova's parliament approved the plan, and its president urged Russia to withdraw the troops "
    "it keeps in Transnistria. Ukraine said it would send observers; Belarus, which rarely comments "
    "on the region, did not respond to the invitation that the OSCE had issued three days later. "
    'Will Hungary lift its veto?  Budapest asked: "who pays for the bridge?" \n\nNobody knows ? \n'
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def parsed(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name not in ("actor_ruler", "statement_extractor"):
            doc = component(doc)
    return doc


def test_the_index_answers_as_spacy(nlp: Language) -> None:
    for text in (BODY, HEADER + BODY, "Minsk protested.", ""):
        doc = parsed(nlp, text)
        with parse_index(doc):
            for _ in range(2):  # asked, then remembered
                for token in doc:
                    assert [c.i for c in children(token)] == [c.i for c in token.children]
                    assert (sentence_of(token).start, sentence_of(token).end) == (token.sent.start, token.sent.end)


def test_the_answers_are_dropped_after_the_block(nlp: Language) -> None:
    doc = parsed(nlp, BODY)
    with parse_index(doc):
        inside = {t.i: [c.i for c in children(t)] for t in doc}
        assert doc.user_data[CHILDREN] and doc.user_data[SENTENCES] == [] and sentence_of(doc[0]).end > 1
    assert CHILDREN not in doc.user_data and SENTENCES not in doc.user_data  # no cycle through the tokens
    assert inside == {t.i: [c.i for c in children(t)] for t in doc}  # spaCy's answers now


@contextmanager
def no_index(doc: Doc) -> Iterator[None]:
    yield


def test_the_statements_are_those_without_the_index(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    brief = parse_brief("t", HEADER + BODY)
    [(_, indexed)] = list(extract(nlp, [brief]))
    monkeypatch.setattr(kg.extract.extractor, "parse_index", no_index)
    monkeypatch.setattr(kg.extract.actors, "parse_index", no_index)
    [(_, unindexed)] = list(extract(nlp, [brief]))
    assert len(indexed) >= 5
    assert [s.to_json() for s in indexed] == [s.to_json() for s in unindexed]


def test_a_question_is_told_from_the_end_of_the_sentence(nlp: Language) -> None:
    sentences = list(parsed(nlp, BODY).sents)
    assert [_is_question(s) for s in sentences] == [s.text.rstrip().endswith("?") for s in sentences]
    assert sum(map(_is_question, sentences)) == 2
