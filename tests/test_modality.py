"""Modality beyond cue verbs, on invented sentences: conditionals, questions, counterfactuals,
hedges, and the intent one is unwilling to have (GUIDELINE: `possible`, `reported`, `intended`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

Row = tuple[str, str, str, str, str, str | None]
HEADER = "Caucasus and Balkans security weekly\nApril 22, 2016 18:58\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, body: str) -> list[Row]:
    brief = parse_brief("t", HEADER + body)
    assert [s.text for s in brief.segments] == [body]
    [(_, found)] = list(extract(nlp, [brief]))
    return sorted(((s.subject, s.relation, s.object, s.polarity, s.modality, s.source) for s in found), key=str)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the antecedent of a conditional
            "If Turkey blocks the accession of Sweden, the alliance will postpone the summit.",
            [("Turkey", "block", "accession of Sweden", "positive", "possible", None)],
        ),
        (  # "unless" too, and the consequent
            "Unless Belarus closes the border, Lithuania will recall its ambassador from Minsk.",
            [
                ("Belarus", "close", "border", "positive", "possible", None),
                ("Lithuania", "recall", "ambassador", "positive", "possible", None),
            ],
        ),
        (  # a question asserts nothing
            "Would Hungary veto the new sanctions package against Russia at the summit?",
            [("Hungary", "veto", "new sanctions package", "positive", "possible", None)],
        ),
        (  # a counterfactual
            "Georgia would have signed the agreement with the European Union without the protests.",
            [("Georgia", "sign", "agreement", "positive", "possible", None)],
        ),
        (  # a hedge: reported, with no one named as its source
            "Serbia allegedly supplied artillery shells to Ukraine through third countries.",
            [("Serbia", "supply", "artillery shells", "positive", "reported", None)],
        ),
        (
            "Azerbaijan is widely assumed to have bought drones from Israel in the spring.",
            [("Azerbaijan", "buy", "drones", "positive", "possible", None)],
        ),
        (  # unwilling: an intent, denied
            "The Armenian government is unwilling to join the military exercises of the CSTO.",
            [("Armenia", "join", "military exercises of CSTO", "negative", "intended", None)],
        ),
        (  # the conditional inside what was said: possible, with its source
            "Ankara said that if Sweden extradited the suspects, Turkey would approve the bid.",
            [
                ("Sweden", "extradite", "suspects", "positive", "possible", "Turkey"),
                ("Turkey", "approve", "bid", "positive", "possible", "Turkey"),
            ],
        ),
    ],
)
def test_marked_modality(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "body",
    [
        "If the weather holds, the harvest will be ready in two weeks.",
        "Would the talks have ended differently with better weather in the city?",
    ],
)
def test_conditions_and_questions_without_actors_give_nothing(nlp: Language, body: str) -> None:
    assert statements(nlp, body) == []
