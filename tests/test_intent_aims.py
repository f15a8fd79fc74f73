"""The aim of an intent noun is intended: "her efforts in shaping its image", "made attempts at
forging ties", "renewed its bid for joining NATO". Sentences written for these tests; each case
asserts the exact statements (subject, relation, object, modality), or that nothing comes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import Brief, Segment

Row = tuple[str, str, str, str]


def statements(text: str) -> list[Row]:
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    found = [s for _, rows in extract(load_pipeline(), [brief]) for s in rows]
    return sorted((s.subject, s.relation, s.object, s.modality) for s in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland continued its efforts in building a coalition against Russia.",
            [("Poland", "build", "coalition", "intended"), ("Poland", "continue", "efforts", "asserted")],
        ),
        (
            "Lithuania made attempts at forging closer ties with Ukraine.",
            [("Lithuania", "forge", "closer ties", "intended"), ("Lithuania", "make", "attempts", "asserted")],
        ),
        (
            "Hungary abandoned its plan for blocking the sanctions.",
            [("Hungary", "abandon", "plan", "asserted"), ("Hungary", "block", "sanctions", "intended")],
        ),
        (
            "Georgia renewed its bid for joining NATO.",
            [("Georgia", "join", "NATO", "intended"), ("Georgia", "renew", "bid", "asserted")],
        ),
        (  # each gerund of a coordination is aimed at
            "Belarus stepped up its efforts in courting China and attracting Chinese loans.",
            [
                ("Belarus", "attract", "Chinese loans", "intended"),
                ("Belarus", "court", "China", "intended"),
                ("Belarus", "step up", "efforts", "asserted"),
            ],
        ),
        (  # no intent noun: what succeeded happened
            "Poland succeeded in building a coalition against Russia.",
            [("Poland", "build", "coalition", "asserted")],
        ),
    ],
)
def test_the_aim_of_an_intent_noun_is_intended(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The efforts in cleaning the river continued through the summer.",
        "Attempts at reaching the summit failed because of the weather.",
        "Their plan for rebuilding the bridge was approved by the town.",
    ],
)
def test_no_statement_without_an_actor(text: str) -> None:
    assert statements(text) == []
