"""A quoted "you" is the addressee: named by the speech verb, else the actors the text was just
talking about other than the speaker's side. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import Brief, Segment


def statements(text: str) -> list[tuple[str, str, str, str | None]]:
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    found = [s for _, rows in extract(load_pipeline(), [brief]) for s in rows]
    return [(s.subject, s.relation, s.object, s.source) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“You must stop the attacks,” the Polish president told Lukashenko.",
            [("Alexander Lukashenko", "stop", "attacks", "Polish president")],
        ),
        (
            "Lithuania criticised Russia. “You are violating our airspace,” the Lithuanian foreign minister said.",
            [("Russia", "violate", "airspace", "Lithuanian foreign minister")],
        ),
        (
            "Norway and Denmark rejected the plan. “If you block the pipeline, we will sanction you,” Putin said.",
            [
                ("Norway", "block", "pipeline", "Vladimir Putin"),
                ("Denmark", "block", "pipeline", "Vladimir Putin"),
                ("Russia", "sanction", "Norway", "Vladimir Putin"),
                ("Russia", "sanction", "Denmark", "Vladimir Putin"),
            ],
        ),
        (
            "Japan expelled two Chinese diplomats. “You will regret this decision,” the Chinese ambassador said.",
            [("Japan", "regret", "decision", "Chinese ambassador")],
        ),
        (
            "Serbia recognised the vote. “We thank you for your courage,” the Hungarian prime minister said.",
            [("Hungary", "thank", "Serbia", "Hungarian prime minister")],
        ),
    ],
)
def test_a_quoted_you_is_the_addressee(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    found = statements(text)
    assert sorted(row for row in found if row in expected or row[3] is not None) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "If you look at the map, you see the border.",
        "You can never trust the weather in spring.",
        "“You never know what the markets will do,” a trader said.",
        "As you may have read, the festival was cancelled.",
        "“Thank you for coming,” the host said to the guests.",
    ],
)
def test_no_statement_from_a_generic_you(text: str) -> None:
    assert statements(text) == []
