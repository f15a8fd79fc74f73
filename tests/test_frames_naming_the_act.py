"""A reporting verb whose object names the act ("reiterated its demand that Israel ...") is the
speaker's own statement, not a frame around what was said: the object says what the speaker did
(`kg.extract.main_event` reads such a verb the same way). Sentences written for these tests."""

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
    ("text", "own"),
    [
        (
            "The World Health Organization (WHO) reiterated its demand today that Syria open the crossings.",
            ("World Health Organization", "reiterate", "demand"),
        ),
        (
            "The European Union (EU) repeated its call yesterday that Serbia recognise Kosovo.",
            ("European Union", "repeat", "call"),
        ),
        (
            "The United Nations (UN) reiterated its appeal today that Ethiopia allow aid convoys.",
            ("United Nations", "reiterate", "appeal"),
        ),
        (
            "The International Atomic Energy Agency (IAEA) renewed its demand on Monday that Iran admit "
            "the inspectors.",
            ("International Atomic Energy Agency", "renew", "demand"),
        ),
        (
            "The Council of Europe (CoE) repeated its demand today that Azerbaijan free the journalists.",
            ("Council of Europe", "repeat", "demand"),
        ),
    ],
)
def test_a_reporting_verb_whose_object_names_the_act_is_a_statement(text: str, own: tuple[str, str, str]) -> None:
    assert statements(text)[0] == own


def test_a_neutral_frame_is_no_statement_of_its_own() -> None:
    assert statements("The Polish minister said today that Belarus would close the border.") == [
        ("Belarus", "close", "border")
    ]
