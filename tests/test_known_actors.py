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
