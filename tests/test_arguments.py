"""Arguments of statements: groups named as written, relative clauses inside what was said.
Sentences written for these tests."""

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
    return [(s.subject, s.relation, s.object, s.modality, s.source) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU and US delegations visited Vilnius.",
            [
                ("European Union", "visit", "Lithuania", "asserted", None),
                ("United States", "visit", "Lithuania", "asserted", None),
            ],
        ),
        (
            "European Union member states shipped arms to Ukraine.",
            [("European Union member states", "ship", "arms", "asserted", None)],
        ),
        ("UN member states adopted the resolution.", [("UN member states", "adopt", "resolution", "asserted", None)]),
        ("Non-State armed groups attacked the base.", [("Non-State armed groups", "attack", "base", "asserted", None)]),
        (
            "Turkish special forces raided the village.",
            [("Turkish special forces", "raid", "village", "asserted", None)],
        ),
        (
            "Danish coast guard officers inspected the pipeline.",
            [("Danish coast guard officers", "inspect", "pipeline", "asserted", None)],
        ),
    ],
)
def test_a_group_is_named_as_written(text: str, expected: list[Row]) -> None:
    """The modifiers between the actor's name and the group noun stay; a coordinated modifier
    distributes over the noun (and a body named in the plural is what it acts for)."""
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The spokesman said that Estonia will pay compensation to NATO members that have sent tanks to Ukraine.",
            [("Estonia", "pay", "compensation", "reported", None), ("NATO", "send", "tanks", "reported", None)],
        ),
        (
            "According to the ministry, Latvia, which borders Russia, has closed its consulate.",
            [("Latvia", "close", "consulate", "reported", None), ("Latvia", "border", "Russia", "reported", None)],
        ),
        (
            "Lithuania accused Belarus, which hosts the migrants, of organising the crossings.",
            [
                ("Lithuania", "accuse", "Belarus", "asserted", None),
                ("Belarus", "host", "migrants", "asserted", None),
                ("Belarus", "organise", "crossings", "reported", "Lithuania"),
            ],
        ),
        (
            "Poland, which borders Belarus, closed the crossing, the Polish interior minister said.",
            [
                ("Poland", "close", "crossing", "reported", "Polish interior minister"),
                ("Poland", "border", "Belarus", "reported", "Polish interior minister"),
            ],
        ),
        (
            "Finland said Sweden had sold jets to Hungary, which flies the jets over the Danube.",
            [("Sweden", "sell", "jets", "reported", "Finland"), ("Hungary", "fly", "jets", "reported", "Finland")],
        ),
    ],
)
def test_a_relative_clause_inside_what_was_said_is_said(text: str, expected: list[Row]) -> None:
    """A relative clause belongs to the noun phrase it modifies: inside what someone said, it
    is said too; outside (the object of a stance verb) it is the text's own statement."""
    assert sorted(statements(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses said that the delegations, which arrived late, left early.",
        "Officials from several member states, which were not named, met in a hotel.",
        "The report says there is evidence that the armed groups moved north.",
        "The minister said the proposal, which was long, was discussed.",
        "Reporters said that several groups that had gathered dispersed.",
    ],
)
def test_no_statement_without_an_actor_in_a_relative_clause(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moldova held talks with Romania on gas supplies.", [("Moldova", "hold talks", "Romania")]),
        ("The Kremlin exerted pressure on Armenia.", [("Russia", "exert pressure", "Armenia")]),
        ("Latvia paid a visit to Estonia last week.", [("Latvia", "pay visit", "Estonia")]),
        ("Norway made an offer to Iceland.", [("Norway", "make offer", "Iceland")]),
        ("The EU gave its approval to extending the mission.", [("European Union", "give approval", "extending")]),
        (
            "Belarusian diplomats held consultations with Poland and Lithuania.",
            [("Belarus", "hold consultations", "Poland"), ("Belarus", "hold consultations", "Lithuania")],
        ),
    ],
)
def test_a_support_verbs_object_is_the_participant_of_its_noun(text: str, expected: list[tuple[str, str, str]]) -> None:
    """'held talks with X': the event is the noun, its participant the statement's object, and
    the act a gerund names is no statement of its own."""
    assert [row[:3] for row in statements(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Georgia held a meeting on the budget.", [("Georgia", "hold", "meeting")]),
        ("Serbia gave an interview to journalists.", [("Serbia", "give", "interview")]),
        ("Croatia made progress on reforms.", [("Croatia", "make", "progress")]),
        ("Slovakia put pressure on prices.", [("Slovakia", "put", "pressure")]),
        ("Belarus signed an agreement with Russia.", [("Belarus", "sign", "agreement")]),
    ],
)
def test_a_support_verb_keeps_its_noun_without_an_actor_to_name(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [row[:3] for row in statements(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Alongside Britain, France sent warships to the Red Sea.",
            [("France", "send", "warships"), ("United Kingdom", "send", "warships")],
        ),
        (
            "Japan, along with South Korea, protested the launch.",
            [("Japan", "protest", "launch"), ("South Korea", "protest", "launch")],
        ),
        (
            "Together with Ukraine and Moldova, Georgia applied for membership.",
            [
                ("Georgia", "apply", "membership"),
                ("Ukraine", "apply", "membership"),
                ("Moldova", "apply", "membership"),
            ],
        ),
        (
            "Poland, together with Lithuania, closed the border.",
            [("Poland", "close", "border"), ("Lithuania", "close", "border")],
        ),
        (
            "Along with Sweden, Finland signed the treaty.",
            [("Finland", "sign", "treaty"), ("Sweden", "sign", "treaty")],
        ),
    ],
)
def test_companions_do_what_the_subject_does(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [row[:3] for row in statements(text)] == expected


def test_a_reciprocal_verb_with_an_object_keeps_it() -> None:
    """'X and Y met Z': each met Z (not each other)."""
    assert [row[:3] for row in statements("Belarus and Russia met Chinese officials.")] == [
        ("Belarus", "meet", "China"),
        ("Russia", "meet", "China"),
    ]


def test_both_sides_are_the_states_a_group_acts_for() -> None:
    text = "Minsk reported 17,000 Ukrainian servicemen along the border. Both sides are trying to prevent a clash."
    assert [row[:3] for row in statements(text)][1:] == [
        ("Belarus", "prevent", "clash"),
        ("Ukraine", "prevent", "clash"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister travelled along with journalists.",
        "Activists held talks with residents on the budget.",
        "Several delegations gave a nod to the plan.",
        "Together with farmers, the unions made an appeal to workers.",
        "Officials put pressure on the committee.",
    ],
)
def test_no_statement_from_companions_or_support_verbs_without_actors(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland backed new sanctions targeting the Kremlin.", [("Poland", "back", "new sanctions")]),
        ("Germany proposed a ceasefire allowing Ukraine to rebuild.", [("Germany", "propose", "ceasefire")]),
        ("Hungary vetoed the package blocking Russian oil.", [("Hungary", "veto", "package")]),
        ("Poland imposed a ban forbidding Russian trucks.", [("Poland", "impose", "ban")]),
        ("Serbia signed a deal giving China access to the mine.", [("Serbia", "sign", "deal")]),
    ],
)
def test_a_participle_modifying_a_thing_is_said_of_that_thing(text: str, expected: list[tuple[str, str, str]]) -> None:
    """'sanctions targeting the Kremlin': the sanctions target it, not the subject who backs them."""
    assert [row[:3] for row in statements(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia launched a strategy aiming to isolate Georgia.",
            [("Russia", "launch", "strategy"), ("Russia", "isolate", "Georgia")],
        ),
        (
            "Turkey announced an initiative seeking to end the war.",
            [("Turkey", "announce", "initiative"), ("Turkey", "end", "war")],
        ),
        (
            "Belarus expanded its trade with Asian countries seeking to reduce its dependence on Russia.",
            [("Belarus", "expand", "trade"), ("Belarus", "reduce", "dependence")],
        ),
        ("The EU adopted a plan seeking to support Moldova.", [("European Union", "support", "Moldova")]),
    ],
)
def test_a_plan_or_a_purpose_is_its_holders(text: str, expected: list[tuple[str, str, str]]) -> None:
    """'a strategy aiming to', 'countries seeking to': the aim is the holder's or the subject's."""
    assert sorted(row[:3] for row in statements(text)) == sorted(expected)
