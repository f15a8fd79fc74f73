"""Events without a named agent (`kg.extract.unnamed_agents`), and events told by a verb without
an object (`kg.extract.intransitive_events`): CAMEO codes both, the first by where it happened.
Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.extract.statements import Statement
from kg.read.briefs import Brief, Segment


def statements(text: str) -> list[Statement]:
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    return [s for _, found in extract(load_pipeline(), [brief]) for s in found]


def coded(text: str) -> list[tuple[str, str | None, str, str, str | None]]:
    return [(s.subject, s.subject_actor.code, s.relation, s.object, s.event) for s in statements(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A local reporter was killed in a grenade attack in central Kabul.",
            ("unidentified armed forces in Afghanistan", "AFGUAF", "kill", "local reporter", "190"),
        ),
        (
            "A car bomb near the market of Mosul killed four Iraqi policemen.",
            ("unidentified armed forces in Iraq", "IRQUAF", "kill", "Iraqi policemen", "190"),
        ),
        (
            "Two Turkish engineers were killed by a landmine near the Syrian town of Azaz.",
            ("unidentified armed forces in Syria", "SYRUAF", "kill", "Turkish engineers", "190"),
        ),
        (
            "An explosion outside the Pakistani city of Quetta wounded six soldiers.",
            ("unidentified armed forces in Pakistan", "PAKUAF", "wound", "six soldiers", "180"),
        ),
        (
            "Three Belgian tourists were kidnapped in Mali.",
            ("unidentified armed forces in Mali", "MLIUAF", "kidnap", "Belgian tourists", "181"),
        ),
    ],
)
def test_violence_by_no_one_named_is_by_unidentified_forces_of_the_place(text: str, expected: tuple) -> None:
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Danish activist was arrested in Iran for spying.", ("Iran", "IRN", "arrest", "Danish activist", "173")),
        (
            "A French journalist was detained in Algeria on Monday.",
            ("Algeria", "DZA", "detain", "French journalist", "173"),
        ),
        ("The suspects were placed under investigation in Spain.", ("Spain", "ESP", "place", "suspects", "090")),
        ("Two diplomats were put under arrest in Estonia.", ("Estonia", "EST", "put", "Two diplomats", "173")),
        ("An opposition blogger was jailed in Azerbaijan.", ("Azerbaijan", "AZE", "jail", "opposition blogger", "173")),
    ],
)
def test_an_arrest_by_no_one_named_is_the_states_where_it_was_made(text: str, expected: tuple) -> None:
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A soldier was killed.",  # no place
        "The talks were held in Vilnius.",  # no coercion or violence
        "Missiles were launched from Belarusian territory near the border.",  # done to no one
        "Protesters attacked the police in Minsk.",  # people named as the agent: the resolver's
        "The plan that a bomb in Kyiv killed was forgotten.",  # a relative clause describes
    ],
)
def test_no_unnamed_agent_without_a_place_a_victim_or_violence(text: str) -> None:
    assert [s for s in statements(text) if s.subject.startswith("unidentified")] == []
    assert coded(text) == []


def test_an_agent_the_cause_names_is_no_unnamed_agent() -> None:
    assert [(s, r) for s, _, r, _, _ in coded("A Moscow-backed coup in Belarus toppled the president.")] == [
        ("Russia", "back")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Latvian Prime Minister Krisjanis Karins resigned on Thursday.", ("resign", "resignation", "083")),
        ("Hungarian students rioted after the vote.", ("riot", "riot", "145")),
        ("The Georgian opposition protested after the election.", ("protest", "protest", "140")),
        ("The Armenian rebels surrendered after a week of fighting.", ("surrender", "surrender", "080")),
        ("Russian troops withdrew on Friday.", ("withdraw", "withdrawal", "080")),
    ],
)
def test_an_event_told_without_an_object_is_coded_with_its_noun_as_object(text: str, expected: tuple) -> None:
    assert [(s.relation, s.object, s.event) for s in statements(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarus withdrew from the talks.", ("withdraw", "talks", "080")),  # a prepositional object
        ("The Lithuanian minister resigned his post.", ("resign", "post", "083")),  # a direct object
        ("Estonia did not protest.", ("protest", "protest", None)),  # no event that happened
    ],
)
def test_a_verb_with_its_object_or_negated_keeps_its_clause(text: str, expected: tuple) -> None:
    assert [(s.relation, s.object, s.event) for s in statements(text)] == [expected]


def test_a_participle_modifier_is_no_event() -> None:
    assert statements("The protesting farmers blocked the road.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The plan enjoyed support from Moscow and Beijing.",
        "The proposal received backing from Poland and Latvia.",
        "Provocations by Belarus continued.",
        "Support from Moscow, which has armed the rebels in Syria, was decisive.",
        "The plan enjoyed support from Moscow and Beijing, which have resisted sanctions on Iran.",
    ],
)
def test_an_event_noun_with_its_agent_alone_is_a_statement_but_no_cameo_event(text: str) -> None:
    """ "support from Moscow" aimed at no one: the statement stays (the gold guideline's nominal
    events), the CAMEO code goes, as PETRARCH2's validation sentences expect of such nouns."""
    nouns = [s for s in statements(text) if s.relation in ("support", "back", "provoke")]
    assert nouns and all(s.event is None and s.target is None for s in nouns)
    assert all(s.object.lower() in ("support", "backing", "provocations") for s in nouns)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Protests by Polish farmers spread.", "140"),  # an event CAMEO codes alone
        ("Latvia welcomed support from Estonia for Ukraine.", "051"),  # aimed at Ukraine
    ],
)
def test_an_event_noun_aimed_at_someone_or_coded_alone_keeps_its_code(text: str, code: str) -> None:
    nouns = [s for s in statements(text) if s.relation in ("protest", "support") and s.subject != "Latvia"]
    assert [s.event for s in nouns] == [code]
