"""An object "them" stands for the nearest plural noun before it, a thing as well as an actor.
Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import Brief, Segment


def statements(text: str) -> list[tuple[str, str, str]]:
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    return [(s.subject, s.relation, s.object) for _, found in extract(load_pipeline(), [brief]) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Armenia signed two agreements with Iran. Azerbaijan condemned them.",
            [("Armenia", "sign", "two agreements"), ("Azerbaijan", "condemn", "two agreements")],
        ),
        (
            "Estonia bought new howitzers and sent them to Ukraine.",
            [("Estonia", "buy", "new howitzers"), ("Estonia", "send", "new howitzers")],
        ),
        (
            "The EU proposed new tariffs. Hungary rejected them.",
            [("European Union", "propose", "new tariffs"), ("Hungary", "reject", "new tariffs")],
        ),
        (
            "Russia detained three Estonian citizens and later released them.",
            [("Russia", "detain", "Estonian citizens"), ("Russia", "release", "Estonian citizens")],
        ),
        (
            "Kazakh envoy Erlan Idrissov asked to postpone the vote on all regional resolutions. "
            "He called them a waste of time.",
            [("Erlan Idrissov", "ask", "vote"), ("Erlan Idrissov", "call", "regional resolutions")],
        ),
        (
            "Russia expelled two Latvian diplomats and later sanctioned them.",
            [("Russia", "expel", "Latvia"), ("Russia", "sanction", "Latvia")],
        ),
    ],
)
def test_an_object_them_is_the_nearest_plural_noun(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The delegates read the reports and praised them.",
        "The farmers harvested the apples and sold them.",
        "The students wrote essays and the teachers graded them.",
        "They found the documents and burned them.",
        "The museums lent the paintings and insured them.",
    ],
)
def test_no_statement_when_no_actor_acts(text: str) -> None:
    assert statements(text) == []
