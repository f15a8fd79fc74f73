"""Arguments the parse gets wrong: a phrasal verb's particle read as a preposition, a partitive
object ("some of its tanks"), numbered members ("resolutions 1559 and 1701"), a counterpart, the
pair "both
sides" stands for when two actors are named together, a response drawn "from" an actor, a
typographic apostrophe. Sentences written for these tests; each case asserts the exact
statements (subject, relation, object, modality, source), or that nothing comes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import Brief, Segment

Row = tuple[str, str, str, str, str | None]


def statements(text: str) -> list[Row]:
    """(subject, relation, object, modality, source) of every statement of a one-segment brief."""
    brief = Brief("test", Path("test.txt"), "", "2021-06-01", (Segment(1, "", "2021-06-01", text),))
    found = [s for _, rows in extract(load_pipeline(), [brief]) for s in rows]
    return sorted((s.subject, s.relation, s.object, s.modality, s.source) for s in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Latvian parliament voted down the draft budget of the government.",
            [("Latvian parliament", "vote down", "draft budget of government", "asserted", None)],
        ),
        (
            "The Hungarian parliament voted down the bill on the border fence.",
            [("Hungarian parliament", "vote down", "bill", "asserted", None)],
        ),
        ("Hungary voted down the sanctions.", [("Hungary", "vote down", "sanctions", "asserted", None)]),
        (
            "The Georgian parliament voted down a motion by the opposition.",
            [("Georgian parliament", "vote down", "motion", "asserted", None)],
        ),
        (
            "The Turkish air force shot down the drone over the Black Sea.",
            [("Turkish air force", "shoot down", "drone", "asserted", None)],
        ),
    ],
)
def test_a_particle_read_as_a_preposition_belongs_to_its_verb(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland sent some of its tanks to Ukraine.", [("Poland", "send", "tanks", "asserted", None)]),
        ("Russia withdrew most of its troops from the border.", [("Russia", "withdraw", "troops", "asserted", None)]),
        (
            "Belarus released several of the detained journalists.",
            [("Belarus", "release", "detained journalists", "asserted", None)],
        ),
        ("Russia moved part of its fleet to Syria.", [("Russia", "move", "fleet", "asserted", None)]),
        ("Turkey blocked all of the proposals.", [("Turkey", "block", "proposals", "asserted", None)]),
        ("Minsk freed one of the prisoners.", [("Belarus", "free", "prisoners", "asserted", None)]),
    ],
)
def test_a_partitive_object_is_the_set_its_part_is_taken_from(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the pair is named in the same sentence, before "both sides"
            "Despite the harsh words exchanged by Armenia and Azerbaijan, both sides want to avoid a new war.",
            [
                ("Armenia", "avoid", "new war", "intended", None),
                ("Armenia", "exchange", "Azerbaijan", "asserted", None),
                ("Azerbaijan", "avoid", "new war", "intended", None),
                ("Azerbaijan", "exchange", "Armenia", "asserted", None),
            ],
        ),
        (
            "The rhetoric in Serbia and Croatia grew harsher, and both sides recalled their ambassadors.",
            [
                ("Croatia", "recall", "ambassadors", "asserted", None),
                ("Serbia", "recall", "ambassadors", "asserted", None),
            ],
        ),
        (
            "After the clashes on the border of India and China, the two countries agreed to a ceasefire.",
            [("China", "agree", "ceasefire", "asserted", None), ("India", "agree", "ceasefire", "asserted", None)],
        ),
        (  # the pair of the sentence before
            "Talks between Serbia and Kosovo resumed in Brussels. Both parties rejected the draft.",
            [
                ("Kosovo", "reject", "draft", "asserted", None),
                ("Kosovo", "talk", "Serbia", "asserted", None),
                ("Serbia", "reject", "draft", "asserted", None),
                ("Serbia", "talk", "Kosovo", "asserted", None),
            ],
        ),
        (  # the nearer pair, not the one a clause named two sentences before
            "Poland and Lithuania signed a treaty. Relations between Germany and France improved. "
            "Both sides praised the treaty.",
            [
                ("France", "praise", "treaty", "asserted", None),
                ("Germany", "praise", "treaty", "asserted", None),
                ("Lithuania", "sign", "treaty", "asserted", None),
                ("Poland", "sign", "treaty", "asserted", None),
            ],
        ),
    ],
)
def test_both_sides_are_the_two_actors_named_together_last(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Serbia recognised the new government, prompting a rebuke from Kosovo.",
            [
                ("Kosovo", "rebuke", "Serbia", "asserted", None),
                ("Serbia", "recognise", "new government", "asserted", None),
            ],
        ),
        (
            "The Hungarian veto drew sharp criticism from Poland.",
            [("Poland", "criticise", "Hungarian veto", "asserted", None)],
        ),
        (
            "The Armenian offer to resume the talks earned praise from France.",
            [("France", "praise", "offer", "asserted", None)],
        ),
        (
            "The parade in Tbilisi provoked condemnation from Moscow and Minsk.",
            [("Belarus", "condemn", "parade", "asserted", None), ("Russia", "condemn", "parade", "asserted", None)],
        ),
        (
            "The Georgian authorities banned the march, prompting praise from Moscow.",
            [
                ("Georgia", "ban", "march", "asserted", None),
                ("Russia", "praise", "Georgia", "asserted", None),
            ],
        ),
    ],
)
def test_a_response_from_an_actor_is_aimed_at_what_drew_it(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials in Kyiv responded angrily to President Lukashenko’s calls for a new alliance.",
            [
                ("Alexander Lukashenko", "call", "new alliance", "asserted", None),
                ("Officials in Kyiv", "respond", "calls", "asserted", None),
            ],
        ),
        (
            "Georgian officials reacted sharply to Prime Minister Garibashvili’s calls for early elections.",
            [
                ("Garibashvili", "call", "early elections", "asserted", None),
                ("Georgia", "react", "calls", "asserted", None),
            ],
        ),
        (
            "Moldova’s parliament rejected Russia’s demands for a referendum.",
            [
                ("Moldovan parliament", "reject", "demands", "asserted", None),
                ("Russia", "demand", "referendum", "asserted", None),
            ],
        ),
        (
            "The EU condemned Hungary’s veto on the sanctions package.",
            [
                ("European Union", "condemn", "veto", "asserted", None),
                ("Hungary", "veto", "sanctions package", "asserted", None),
            ],
        ),
        (
            "Lithuania didn’t accept Minsk’s explanation of the crossings.",
            [
                ("Belarus", "explain", "crossings", "asserted", None),
                ("Lithuania", "accept", "explanation of crossings", "asserted", None),
            ],
        ),
    ],
)
def test_a_typographic_apostrophe_parses_as_the_typewriter_one(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected
    assert statements(text.replace("’", "'")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Polish Foreign Minister Zbigniew Rau met his Lithuanian counterpart in Vilnius.",
            [("Zbigniew Rau", "meet", "Lithuanian counterpart", "asserted", None)],
        ),
        (
            "The Estonian foreign minister and his Finnish counterpart condemned the attack.",
            [
                ("Estonian foreign minister", "condemn", "attack", "asserted", None),
                ("Finnish counterpart", "condemn", "attack", "asserted", None),
            ],
        ),
        (
            "Lithuanian President Gitanas Nauseda spoke in Vilnius. He later met his Latvian counterpart in Riga.",
            [
                ("Gitanas Nauseda", "meet", "Latvian counterpart", "asserted", None),
                ("Gitanas Nauseda", "speak", "Lithuania", "asserted", None),
            ],
        ),
        (
            "Hungary's foreign minister called his Serbian counterpart.",
            [("Hungary foreign minister", "call", "Serbian counterpart", "asserted", None)],
        ),
        (
            "The Polish defence minister hosted his Ukrainian counterpart in Warsaw.",
            [("Polish defence minister", "host", "Ukrainian counterpart", "asserted", None)],
        ),
    ],
)
def test_a_counterpart_holds_the_office_in_the_state_its_demonym_names(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Israel has violated Security Council resolutions 242 and 338.",
            [
                ("Israel", "violate", "Security Council resolution 242", "asserted", None),
                ("Israel", "violate", "Security Council resolution 338", "asserted", None),
            ],
        ),
        (
            "Armenia accepted UN resolutions 822 and 853.",
            [
                ("Armenia", "accept", "UN resolution 822", "asserted", None),
                ("Armenia", "accept", "UN resolution 853", "asserted", None),
            ],
        ),
        (
            "Serbia rejected resolutions 1244 and 1160 as outdated.",
            [
                ("Serbia", "reject", "resolution 1160", "asserted", None),
                ("Serbia", "reject", "resolution 1244", "asserted", None),
            ],
        ),
        (  # a "by" agent's phrase after it is the event's
            "The Latvian government cancelled a visit by the Russian envoy to Riga.",
            [("Latvia", "cancel", "visit", "asserted", None), ("Russian envoy", "visit", "Latvia", "asserted", None)],
        ),
        (  # what was planned has not happened yet
            "Turkey cancelled a planned visit by the Swedish defence minister to Ankara.",
            [
                ("Swedish defence minister", "visit", "Turkey", "intended", None),
                ("Turkey", "cancel", "planned visit", "asserted", None),
            ],
        ),
        (
            "Lithuania praised the visit by the Polish president to Vilnius.",
            [
                ("Lithuania", "praise", "visit", "asserted", None),
                ("Polish president", "visit", "Lithuania", "asserted", None),
            ],
        ),
        (  # "them" is the coordination as a whole
            "Poland and Lithuania supported the new sanctions and the travel bans. Hungary opposed them.",
            [
                ("Hungary", "oppose", "new sanctions", "asserted", None),
                ("Hungary", "oppose", "travel bans", "asserted", None),
                ("Lithuania", "support", "new sanctions", "asserted", None),
                ("Lithuania", "support", "travel bans", "asserted", None),
                ("Poland", "support", "new sanctions", "asserted", None),
                ("Poland", "support", "travel bans", "asserted", None),
            ],
        ),
    ],
)
def test_each_member_of_a_plural_object_is_an_object(text: str, expected: list[Row]) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The prices went down in the spring.",  # a particle, but no actor
        "The storm prompted a warning from the weather service.",  # a response from no actor
        "The decision drew criticism from many experts.",
        "The debate between the two candidates was long. Both sides made mistakes.",  # no actors named
        "The market shut down over the holidays.",
        "Relations between the two neighbours are tense, and both sides blame the weather.",
        "The report’s authors’ findings were published in the spring.",
        "Critics’ warnings went unheeded in the capital.",
        "The rain in the valley drew crowds from the city.",
        "Both sides agreed to meet again.",  # no pair named before
        "Some of the delegates left the hall early.",  # a partitive, but no actor
        "The minister met his counterpart in Riga.",  # a counterpart in no state named
        "The negotiations between the two delegations failed.",  # no actors between
        "The council adopted resolutions 2231 and 2232 unanimously.",  # no actor adopts
    ],
)
def test_nothing_without_an_actor(text: str) -> None:
    assert statements(text) == []
