"""People the vocabulary lacks are coded as PETRARCH2's country dictionary codes them
(`ontology/known_actors.tsv`), by name or by title and name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import load_pipeline


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (m.actor.name, m.actor.code, m.actor.acts_for.name if m.actor.acts_for else None)
        for m in load_pipeline()(text)._.actor_mentions
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Bush praised the farmers.", ("Bush", "USAGOV", "United States")),  # title and name
        ("President Clinton visited the troops.", ("Clinton", "USAGOV", "United States")),
        ("Abdelaziz Bouteflika met the envoy.", ("Abdelaziz Bouteflika", "DZAGOV", "Algeria")),  # full name
        ("Recep Tayyip Erdogan criticised the report.", ("Tayyip Erdogan", "TURGOV", "Turkey")),
        ("President Laurent Gbagbo closed the border.", ("Laurent Gbagbo", "CIVGOV", "Ivory Coast")),
    ],
)
def test_a_leader_the_vocabulary_lacks_is_coded_by_the_dictionary(text: str, expected: tuple[str, ...]) -> None:
    assert coded(text)[0] == expected


def test_a_name_the_dictionary_lacks_stays_uncoded() -> None:
    assert coded("Mr Smith praised the farmers.") == [("Smith", None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Bush administration criticised the tariffs.", ("Bush administration", "USAGOV", "United States")),
        ("The Clinton administration welcomed the accord.", ("Clinton administration", "USAGOV", "United States")),
        ("The Obama administration imposed new duties.", ("Obama administration", "USAGOV", "United States")),
        ("The Reagan administration ended the talks.", ("Reagan administration", "USAGOV", "United States")),
        ("The Assad regime shelled the suburbs.", ("Assad regime", "SYRGOV", "Syria")),
    ],
)
def test_a_government_named_after_its_leader_is_the_states_government(text: str, expected: tuple[str, ...]) -> None:
    """The dictionary lists the leader's name with the noun as one actor; the tagger names the
    leader alone, and was the subject (an uncoded "Bush administration", a body of "Bush")."""
    assert coded(text)[0] == expected


def test_a_name_and_a_noun_the_dictionary_does_not_list_stay_apart() -> None:
    assert [name for name, _, _ in coded("The Bush campaign criticised the tariffs.")] == ["Bush"]
