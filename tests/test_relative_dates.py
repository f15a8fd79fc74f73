"""Weekdays and periods anchored to the reference time (`kg.relative_dates`), alone and as the
extractor dates clauses with them, on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.extract.relative_dates import resolve_deictic, resolve_relative
from kg.read.briefs import parse_brief

THURSDAY = "2019-10-10"


@pytest.mark.parametrize(
    ("expression", "future", "expected"),
    [
        ("Monday", False, "2019-10-07"),
        ("on Thursday", False, THURSDAY),  # the reference day itself
        ("Friday", False, "2019-10-04"),
        ("Saturday's", False, "2019-10-05"),
        ("Monday", True, "2019-10-14"),
        ("Thursday", True, "2019-10-17"),
        ("the past week", False, "2019-10"),
        ("over the last month", False, "2019-09"),
        ("the previous year", False, "2018"),
        ("later this week", True, "2019-10"),
        ("earlier this year", False, "2019"),
        ("Monday morning talks", False, None),
        ("the past decade", False, None),
        ("October 7", False, None),  # dateparser's: not an anchored expression
    ],
)
def test_resolve_relative(expression: str, future: bool, expected: str | None) -> None:
    assert resolve_relative(expression, THURSDAY, future=future) == expected


def test_no_full_reference_no_date() -> None:
    assert resolve_relative("Monday", "2019-10") is None
    assert resolve_relative("Monday", None) is None


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def dated(nlp: Language, text: str) -> list[tuple[str, str, str, str | None]]:
    [(_, statements)] = list(extract(nlp, [parse_brief("t", text)]))
    return sorted((s.subject, s.relation, s.object, s.date) for s in statements)


def test_weekday_before_the_header_date(nlp: Language) -> None:
    text = "Estonia and Russia\n10 October 2019\n\nOn Monday, Estonia expelled two Russian diplomats from Tallinn.\n"
    assert dated(nlp, text) == [("Estonia", "expel", "Russia", "2019-10-07")]


def test_weekday_counts_from_the_narrative_date(nlp: Language) -> None:
    text = (
        "Estonia and Russia\n10 October 2019\n\n"
        "Estonia expelled two Russian diplomats on 2 October 2019 after a long investigation.\n\n"
        "On Tuesday, Russia expelled two Estonian diplomats from Moscow in return.\n"
    )
    assert dated(nlp, text) == [
        ("Estonia", "expel", "Russia", "2019-10-02"),
        ("Russia", "expel", "Estonia", "2019-10-01"),
    ]


def test_weekday_of_a_future_clause_follows(nlp: Language) -> None:
    text = "Estonia\n10 October 2019\n\nThe Estonian president will visit Latvia on Monday to discuss security.\n"
    assert dated(nlp, text) == [
        ("Estonian president", "discuss", "security", "2019-10-14"),
        ("Estonian president", "visit", "Latvia", "2019-10-14"),
    ]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("today", THURSDAY), ("yesterday", "2019-10-09"), ("Tomorrow", "2019-10-11"), ("this week", None)],
)
def test_resolve_deictic(expression: str, expected: str | None) -> None:
    assert resolve_deictic(expression, THURSDAY) == expected
    assert resolve_deictic(expression, "2019-10") is None  # no full document date, no day


def test_today_is_the_document_date_not_the_narrative_date(nlp: Language) -> None:
    text = (
        "Estonia and Russia\n10 October 2019\n\n"
        "Estonia expelled two Russian diplomats on 2 October 2019 after a long investigation.\n\n"
        "The Estonian president briefed the ambassadors of the European Union today.\n"
    )
    assert dated(nlp, text) == [
        ("Estonia", "expel", "Russia", "2019-10-02"),
        ("Estonian president", "brief", "ambassadors of European Union", THURSDAY),
    ]
