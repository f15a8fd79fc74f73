"""What someone said is dated by the saying unless it names its own time: the date a speech tag
names, the document's date for a speech act in the present tense, else the date of the speaker's
last dated speech act, else the narrative date.
Sentences written for these tests; each case asserts the exact statements with their dates."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

Row = tuple[str, str, str, str, str | None, str | None]
HEADER = "Baltic and Eastern European security weekly\nApril 22, 2016 18:58\n\n"  # a Friday
BEFORE = "On 12 March, Poland closed two crossings. "  # the narrative date: 2016-03-12, a Saturday
CLOSED = ("Poland", "close", "two crossings", "asserted", None, "2016-03-12")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, body: str) -> list[Row]:
    [(_, found)] = list(extract(nlp, [parse_brief("t", HEADER + body)]))
    return sorted((s.subject, s.relation, s.object, s.modality, s.source, s.date) for s in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the tag names the day of the saying
            "Russia has moved tanks to Kaliningrad, the Estonian defence minister said on 2 April.",
            [("Russia", "move", "tanks", "reported", "Estonia", "2016-04-02")],
        ),
        (  # a weekday in the tag counts back from the narrative date
            "Minsk has sent troops to the border, Latvia's foreign minister told reporters on Tuesday.",
            [("Belarus", "send", "troops", "reported", "Latvia foreign minister", "2016-03-08")],
        ),
        (  # a speech act in the present tense happens at the document's date
            "The Lithuanian foreign ministry says that Russia has moved tanks to Kaliningrad.",
            [("Russia", "move", "tanks", "reported", "Lithuanian foreign ministry", "2016-04-22")],
        ),
        (
            "The Latvian government maintains that Belarus is training the migrants.",
            [("Belarus", "train", "migrants", "reported", "Latvia", "2016-04-22")],
        ),
        (  # what was said names its own time, which wins
            "Latvia says that Belarus trained the migrants in February.",
            [("Belarus", "train", "migrants", "reported", "Latvia", "2016-02")],
        ),
        (  # a speech act in the past without a date of its own happens when the narrative is
            "Latvia said that Belarus had trained the migrants.",
            [("Belarus", "train", "migrants", "reported", "Latvia", "2016-03-12")],
        ),
        (  # the date of the statement the speech verb is made in
            "In a statement on 20 March, the Lithuanian foreign ministry said that Russia had moved tanks to Pskov.",
            [("Russia", "move", "tanks", "reported", "Lithuanian foreign ministry", "2016-03-20")],
        ),
    ],
)
def test_what_was_said_is_dated_by_the_saying(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, BEFORE + body) == sorted([CLOSED, *expected])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Russia has moved tanks to Kaliningrad, the Estonian foreign ministry said on 2 April. "
            "Estonia closed its border in 2015. "
            "“Russia has also moved ships to the Baltic Sea,” the Estonian foreign ministry added.",
            [
                ("Estonia", "close", "border", "asserted", None, "2015"),
                ("Russia", "move", "ships", "reported", "Estonian foreign ministry", "2016-04-02"),
                ("Russia", "move", "tanks", "reported", "Estonian foreign ministry", "2016-04-02"),
            ],
        ),
        (
            "Russia has moved tanks to Kaliningrad, Lithuania said on 2 April. Estonia closed its border in 2015. "
            "Lithuania also said that Belarus had trained the migrants.",
            [
                ("Belarus", "train", "migrants", "reported", "Lithuania", "2016-04-02"),
                ("Estonia", "close", "border", "asserted", None, "2015"),
                ("Russia", "move", "tanks", "reported", "Lithuania", "2016-04-02"),
            ],
        ),
    ],
)
def test_a_speaker_says_more_on_the_day_named_before(nlp: Language, body: str, expected: list[Row]) -> None:
    """The narrative moved to 2015 in between; the speaker's later words keep the day of the first."""
    assert statements(nlp, BEFORE + body) == sorted([CLOSED, *expected])


@pytest.mark.parametrize(
    "body",
    [
        "The weather is unusually cold, the Latvian minister said on Tuesday.",
        "Analysts say that the winter will be cold this year.",
        "The minister said on 2 April that prices had risen sharply.",
    ],
)
def test_no_statement_is_dated_without_an_actor_in_what_was_said(nlp: Language, body: str) -> None:
    assert statements(nlp, body) == []
