"""Speech acts performed in the simple present take the document's date (`kg.extract.performatives`);
other present-tense clauses do not. Invented press releases."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

HEADER = "Statement by the Council of the Baltic Sea States\n\nPress Release\n\n3 June 2024\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def dated(nlp: Language, sentence: str) -> list[tuple[str, str, str, str | None]]:
    brief = parse_brief("t", HEADER + sentence)
    assert [s.text for s in brief.segments] == [sentence]
    [(_, statements)] = list(extract(nlp, [brief]))
    return sorted((s.subject, s.relation, s.object, s.date) for s in statements)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Finland condemns the repeated violations of its airspace by Russian aircraft.",
            [
                ("Finland", "condemn", "repeated violations of airspace", "2024-06-03"),
                ("Russian aircraft", "violate", "airspace", None),  # the violations: no date of their own
            ],
        ),
        (
            "Estonia and Latvia welcome the decision of the European Commission on transit.",
            [
                ("Estonia", "welcome", "decision of European Commission", "2024-06-03"),
                ("Latvia", "welcome", "decision of European Commission", "2024-06-03"),
            ],
        ),
        (
            "Lithuania urges Belarus to release all political prisoners without delay.",
            [("Lithuania", "urge", "Belarus", "2024-06-03")],
        ),
        (
            "Poland rejects the accusations made by the Belarusian foreign ministry.",
            [
                ("Belarusian foreign ministry", "make", "accusations", None),
                ("Poland", "reject", "accusations", "2024-06-03"),
            ],
        ),
        (
            "Denmark commends the candidacy of Ukraine for membership in the organisation.",
            [("Denmark", "commend", "candidacy of Ukraine", "2024-06-03")],
        ),
    ],
)
def test_performative_speech_acts_take_the_document_date(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert [row for row in dated(nlp, sentence) if row[1] != "release"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # no speech act: a state of affairs in the present
        (
            "Finland shares a long land border with Russia in the east of the country.",
            [("Finland", "share", "long land border", None)],
        ),
        # a stance that holds, not one performed by saying it
        (
            "Denmark supports the candidacy of Ukraine for membership in the organisation.",
            [("Denmark", "support", "candidacy of Ukraine", None)],
        ),
        # a speech act, but not performed by being said: a modal, a progressive
        (
            "Finland may condemn the repeated violations of its airspace next week.",
            [("Finland", "condemn", "repeated violations of airspace", "2024-06")],  # "next week", not today
        ),
        (
            "Estonia is considering new measures against the shadow fleet in the Baltic.",
            [("Estonia", "consider", "new measures", None)],
        ),
    ],
)
def test_other_present_clauses_keep_no_document_date(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert dated(nlp, sentence) == expected
