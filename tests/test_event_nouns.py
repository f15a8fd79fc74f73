"""CAMEO codes from the event an aspect verb's noun names, on invented sentences: "re-imposed a
blockade" (191), "declared a state of siege" (1724), "were engaged in ethnic cleansing" (203),
"launched rocket fire" (194), "launched air strikes" (195), and "sued" (115, the CAMEO Manual's
"Bring lawsuit against"); an adverbial clause's words are no part of the verb's pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import Brief, Segment


def codes(text: str) -> list[tuple[str, str, str | None]]:
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    return [(s.subject, s.relation, s.event) for _, found in extract(load_pipeline(), [brief]) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey reimposed a blockade on the port of Famagusta.", ("Turkey", "reimpose", "191")),
        ("The junta in Mali declared a state of siege in the north.", ("junta in Mali", "declare", "1724")),
        ("Sudanese militias were engaged in ethnic cleansing in Darfur.", ("Sudanese militias", "engage", "203")),
        ("Azerbaijani forces launched rocket fire at Armenia.", ("Azerbaijani forces", "launch", "194")),
        ("A Greek company is suing Egypt for damages.", ("Greek company", "sue", "115")),
        ("Georgian rebels launched rockets at Tbilisi.", ("Georgian rebels", "launch", "194")),
        # not a labour strike; a support verb names its noun ("launch strikes", kg.extract.support_verbs)
        ("Israeli jets launched air strikes on Gaza.", ("Israeli jets", "launch strikes", "195")),
    ],
)
def test_the_noun_names_the_event(text: str, expected: tuple[str, str, str]) -> None:
    assert codes(text)[0] == expected


def test_an_adverbial_clause_is_no_part_of_the_verb_phrase() -> None:
    """'declare ... opposition' is PETRARCH2's 110; here the opposition is in the participle's clause."""
    found = codes("The Thai army declared martial law in Bangkok, detaining leaders of the opposition.")
    assert found[0] == ("Thai army", "declare", "1724")
