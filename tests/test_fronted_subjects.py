"""Subjects the parse or the lexicon missed: the subject after a fronted adverbial, which the small
parser reads as more conjuncts of the adverbial's last noun, and people named by an actor ("Chinese
analysts"). Sentences written for these tests."""

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
            "On 12 March in Tashkent, Belarus and Uzbekistan held the fourth meeting.",
            [("Belarus", "hold", "fourth meeting"), ("Uzbekistan", "hold", "fourth meeting")],
        ),
        (
            "In Brussels, Poland and Hungary blocked the sanctions.",
            [("Poland", "block", "sanctions"), ("Hungary", "block", "sanctions")],
        ),
        (
            "After talks in Geneva, Russia and the United States signed a treaty.",
            [("Russia", "sign", "treaty"), ("United States", "sign", "treaty")],
        ),
        (
            "On Monday in Riga, Latvia and Estonia agreed on a plan.",
            [("Latvia", "agree", "plan"), ("Estonia", "agree", "plan")],
        ),
        (
            "At the summit in Vilnius, Lithuania and Poland have signed a pact.",
            [("Lithuania", "sign", "pact"), ("Poland", "sign", "pact")],
        ),
        (
            "During the visit to Paris, Macron and Scholz discussed Ukraine.",
            [("Macron", "discuss", "Ukraine"), ("Scholz", "discuss", "Ukraine")],
        ),
    ],
)
def test_the_phrase_after_a_fronted_adverbial_is_the_subject(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In Warsaw, Krakow and Gdansk, protesters blocked the roads.",
        "After the floods in Bavaria, Saxony and Thuringia, the farmers demanded aid.",
        "In March, prices and wages rose sharply.",
        "On Tuesday in Kyiv, sirens and explosions woke the residents.",
        "At dawn in Aleppo, schools and hospitals closed their doors.",
    ],
)
def test_no_statement_from_places_or_things_after_a_fronted_adverbial(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian hardliners criticised the deal.", [("Iranian hardliners", "criticise", "deal")]),
        ("Chinese analysts praised Pakistan.", [("Chinese analysts", "praise", "Pakistan")]),
        ("Estonian volunteers helped Ukraine.", [("Estonian volunteers", "help", "Ukraine")]),
        ("UNIFIL peacekeepers remained in their positions.", [("UNIFIL peacekeepers", "remain", "positions")]),
        ("Syrian refugees crossed into Turkey.", [("Syrian refugees", "cross", "Turkey")]),
    ],
)
def test_people_named_by_an_actor_are_a_group_acting_for_it(text: str, expected: list[tuple[str, str, str]]) -> None:
    """A plural noun that names people (WordNet's noun.person) modified by an actor is a group."""
    assert statements(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Local farmers blocked the road.",
        "The planners changed the schedule.",
        "Many diplomats left the city.",
        "Angry workers occupied the factory.",
        "Several analysts doubted the figures.",
    ],
)
def test_no_group_from_people_named_by_no_actor(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a name with a slash in the subject ("SPLM/A") belongs to the phrase after the comma
            "With the signing of a Memorandum of Understanding (MOU) on Cessation of Hostilities, "
            "the Sudanese government and SPLM/A have agreed to open the roads.",
            [("Sudan", "agree", "roads")],
        ),
        (
            "With the signing of an Accord on Ceasefire Monitoring (ACM), the Ugandan government and LRA/M "
            "have agreed to exchange prisoners.",
            [("Uganda", "agree", "prisoners"), ("LRA/M", "agree", "prisoners")],
        ),
        (
            "Following the adoption of a Protocol on Humanitarian Access (PHA), the Malian authorities and "
            "MNLA/CMA have agreed to reopen the schools.",
            [("Mali", "agree", "schools"), ("MNLA/CMA", "agree", "schools")],
        ),
        (
            "With the conclusion of a Treaty of Friendship (TOF), the Chadian government and FUC/RDL have "
            "agreed to release the detainees.",
            [("Chad", "agree", "detainees")],
        ),
        (
            "Under the terms of a Memorandum on Demobilisation (MOD), the Somali government and ARS/UIC have "
            "agreed to withdraw their fighters.",
            [("Somalia", "agree", "fighters")],
        ),
    ],
)
def test_a_subject_with_a_slashed_name_after_a_fronted_adverbial(text: str, expected: list[tuple[str, ...]]) -> None:
    assert statements(text) == expected


def test_a_fronted_adverbial_before_a_subject_that_names_no_actor_gives_nothing() -> None:
    text = "With the signing of the MOU on Cessation of Hostilities, access and aid/relief have improved."
    assert statements(text) == []
