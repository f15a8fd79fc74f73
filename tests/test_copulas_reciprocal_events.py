"""Predicates the parse hands over in pieces, on sentences written for these tests: adjectives
after copulas other than "be" ("become involved in", "remain vigilant against"), reciprocal
event nouns ("exchanges of fire by X and Y"), theme phrases that keep their hyphens and numbers
("non-state", "resolution 2334"), and a possessive pronoun on a coordinated subject."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

HEADER = "Regional security notes\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, sentence: str) -> list[tuple[str, str, str, str, str]]:
    brief = parse_brief("t", HEADER + sentence)
    assert [s.text for s in brief.segments] == [sentence]
    [(_, found)] = list(extract(nlp, [brief]))
    return sorted((s.subject, s.relation, s.object, s.polarity, s.modality) for s in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Officials warned that Serbia might become involved in the fighting in the north.",
            [("Serbia", "become involved", "fighting", "positive", "possible")],
        ),
        (
            "Turkey will remain vigilant against the threat from armed groups in Syria.",
            [("Turkey", "remain vigilant", "threat", "positive", "asserted")],
        ),
        (
            "Moldova has grown dependent on Romanian electricity since the war began.",
            [("Moldova", "grow dependent", "Romanian electricity", "positive", "asserted")],
        ),
        (
            "Armenia has stayed silent about the incidents on the border for weeks.",
            [("Armenia", "stay silent", "incidents", "positive", "asserted")],
        ),
        (  # "be" keeps the adjective alone, as before
            "Minsk is highly dependent on the Kremlin in terms of energy supplies.",
            [("Belarus", "dependent", "Russia", "positive", "asserted")],
        ),
    ],
)
def test_adjectives_after_copulas(nlp: Language, sentence: str, expected: list) -> None:
    assert statements(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The almost daily exchanges of fire by Armenia and Azerbaijan are in violation of the 2020 ceasefire.",
            [
                ("Armenia", "exchange", "Azerbaijan", "positive", "asserted"),
                ("Armenia", "violate", "2020 ceasefire", "positive", "asserted"),
                ("Azerbaijan", "exchange", "Armenia", "positive", "asserted"),
                ("Azerbaijan", "violate", "2020 ceasefire", "positive", "asserted"),
            ],
        ),
        (
            "Georgia and Russia exchanged fire across the boundary line on Sunday night.",
            [
                ("Georgia", "exchange", "Russia", "positive", "asserted"),
                ("Russia", "exchange", "Georgia", "positive", "asserted"),
            ],
        ),
        (
            "Israel is in violation of resolution 2334 according to the council.",
            [("Israel", "violate", "resolution 2334", "positive", "reported")],
        ),
        (
            "The Estonian response to the cyber attacks came within hours of the incident.",
            [("Estonia", "respond", "cyber attacks", "positive", "asserted")],
        ),
        (
            "Poland condemned the attacks on the Ukrainian grain terminals by non-state actors.",
            [("Poland", "condemn", "attacks", "positive", "asserted")],
        ),
    ],
)
def test_reciprocal_events_and_themes(nlp: Language, sentence: str, expected: list) -> None:
    assert statements(nlp, sentence) == expected


def test_a_possessive_on_a_coordinated_subject(nlp: Language) -> None:
    sentence = "Vucic's long speech and his stubborn refusal to recognise Kosovo have frustrated the European Union."
    assert statements(nlp, sentence) == [
        ("Vucic", "frustrate", "European Union", "positive", "asserted"),
        ("Vucic", "refuse", "Kosovo", "positive", "asserted"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather remained cold during the whole of the exercise.",
        "The situation became tense after the elections in the capital.",
        "The talks seemed promising to most of the observers present.",
        "The council recalled that the attacks are in violation of resolution 2334.",  # no agent named
        "The exchanges of fire along the border continued through the night.",
    ],
)
def test_nothing_without_an_actor(nlp: Language, sentence: str) -> None:
    assert statements(nlp, sentence) == []
