"""The first coded statement of a sentence is the event a CAMEO coder codes: the matrix event
over purpose clauses and subordinate events, a reported event over the speech act, a demand by
report over the reported act. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import Brief, Segment


def main_event(text: str) -> tuple[str, str, str | None]:
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    coded = [s for _, found in extract(load_pipeline(), [brief]) for s in found if s.event]
    return coded[0].subject, coded[0].relation, coded[0].target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the matrix event, not the purpose clause
        ("Estonia sent two ships to the Baltic to protect the cable from sabotage.", ("Estonia", "send", None)),
        # the matrix event, not the subordinate clause of time
        ("Lithuania closed the border after Belarus sent migrants across it.", ("Lithuania", "close", None)),
        # the reported event, not the speech act that reports it
        (
            "Chancellor Scholz told Putin that Germany would send tanks to Ukraine.",
            ("Germany", "send", "Ukraine"),
        ),
        ("Officials in Kyiv said that Russian troops shelled the port of Odesa.", ("Russian troops", "shell", "Odesa")),
        # a demand made by report, before the act demanded
        ("Poland said that Belarus must release the journalists.", ("Poland", "demand", "Belarus")),
        # an act named by the reporting verb's object is the speaker's own
        (
            "The Latvian minister reiterated his demand that Russia withdraw its troops.",
            ("Latvian minister", "reiterate", "Russia"),
        ),
    ],
)
def test_the_first_coded_statement_is_the_main_event(text: str, expected: tuple[str, str, str | None]) -> None:
    assert main_event(text) == expected
