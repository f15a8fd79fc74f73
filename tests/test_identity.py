"""One node per actor: a body's names, its members and its plural are one actor; a bare
ministry belongs to the state the text is about; hearsay and places are no people. Sentences
written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.identity import canonical_body
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import Brief, Segment


def subjects(text: str) -> list[tuple[str, str | None]]:
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    return [(s.subject, s.subject_actor.code) for _, found in extract(load_pipeline(), [brief]) for s in found]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ministry of Defence", "Defence Ministry"),
        ("Ministry of Defense", "Defence Ministry"),
        ("ministry of foreign affairs", "Foreign Ministry"),
        ("Defense Ministry", "Defence Ministry"),
        ("Interior Ministry", "Interior Ministry"),
    ],
)
def test_a_body_has_one_canonical_name(written: str, canonical: str) -> None:
    assert canonical_body(written) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Defence of Latvia criticised Russia.",
        "Latvia's Ministry of Defense criticised Russia.",
        "The Latvian Defence Ministry criticised Russia.",
        "Latvian Defence Ministry representatives criticised Russia.",
        "Latvian Defence Ministry officials criticised Russia.",
    ],
)
def test_the_names_of_a_ministry_and_its_members_are_one_actor(text: str) -> None:
    assert subjects(text) == [("Latvian Defence Ministry", "LVAGOV")]


def test_bodies_named_in_the_plural_are_what_they_act_for() -> None:
    found = subjects("The EU and US delegations visited Vilnius, and the US delegation praised Lithuania.")
    expected = [("European Union", "IGOEUREEC"), ("US delegation", "USAGOV"), ("United States", "USA")]
    assert sorted(set(found)) == expected


def test_a_bare_ministry_is_the_ministry_of_the_state_the_text_is_about() -> None:
    found = subjects("Estonia hosted the summit. The Foreign Ministry rejected the proposal of Russia.")
    assert ("Estonian Foreign Ministry", "ESTGOV") in found


def test_hearsay_and_places_are_no_actors() -> None:
    assert subjects("Rumor has it that Poland will close the border.") == [("Poland", "POL")]
    assert subjects("Gossip has it that Latvia will expel the diplomats.") == [("Latvia", "LVA")]


def kinds(text: str) -> dict[str, tuple[str, str | None]]:
    """Every actor a text mentions: name -> (kind, CAMEO code)."""
    return {m.actor.name: (m.actor.kind, m.actor.code) for m in load_pipeline()(text)._.actor_mentions}


@pytest.mark.parametrize(
    ("text", "place", "code"),
    [
        ("The minister travelled to Vilnius and Klaipeda to meet Lithuanian officials.", "Klaipeda", "LTU"),
        ("Russian troops shelled the port of Odesa on Monday.", "Odesa", "UKR"),
        ("Canadian officials opened a consulate in Odessa.", "Odessa", "UKR"),
        ("Protesters blocked the road to Basra.", "Basra", "IRQ"),
        ("Turkish police arrested two journalists in Izmir.", "Izmir", "TUR"),
    ],
)
def test_a_city_is_a_place_of_its_state_never_a_person(text: str, place: str, code: str) -> None:
    assert kinds(text).get(place) == ("Place", code)


def test_a_city_name_that_starts_a_state_name_is_the_state() -> None:
    assert "Trinidad" not in {
        name for name, (kind, _) in kinds("Rebels based in Trinidad attacked the port.").items() if kind == "Place"
    }


def test_a_person_named_like_a_town_stays_a_person_where_he_acts() -> None:
    assert kinds("President Bush threatened further action against Russia.")["Bush"][0] == "Person"
