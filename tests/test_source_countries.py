"""The state an actor acts for, where the text gives it only through who the actor is: an ethnic
group CAMEO places in one state, a misspelt name of a person PETRARCH2's dictionary knows, a
body named inside an owner's possessive, a people the text places. The sentences are written
for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.known_actors import KnownActors
from kg.extract.pipeline import load_pipeline
from kg.extract.statements import Actor, Statement
from kg.extract.vocabulary import load_vocabulary
from kg.ontology import ONTOLOGY_DIR
from kg.read.briefs import Brief, Segment


def statements(text: str, date: str = "2001-06-01") -> list[Statement]:
    brief = Brief("test", Path("test.txt"), "", date, (Segment(1, "", date, text),))
    return [s for _, found in extract(load_pipeline(), [brief]) for s in found]


def subject_code(text: str) -> tuple[str, str | None]:
    subject = statements(text)[0].subject_actor
    return subject.name, subject.code or (subject.acts_for.code if subject.acts_for else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yoruba traders blocked the road to the port.", "NGAYRB"),
        ("Igbo community leaders condemned the curfew.", "NGAIBO"),
        ("The Hausa elders rejected the proposal.", "NGAHAU"),
    ],
)
def test_an_ethnic_group_is_coded_where_cameo_places_it(text: str, expected: str) -> None:
    assert subject_code(text)[1] == expected


def known() -> KnownActors:
    codes = {"JOHANNES RAU": "DEUGOV", "FRANCOIS MITTERRAND": "FRAGOV", "JACQUES CHIRAC": "FRAGOV"}
    return KnownActors(codes, load_vocabulary(ONTOLOGY_DIR))


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Francois Mitterand", "FRAGOV"),  # one letter left out
        ("Jacques Chirak", "FRAGOV"),  # one letter changed
        ("Francois Miterand", None),  # two edits
        ("Johannes Rat", None),  # too short a name to guess
        ("Jacques Dhirac", None),  # another initial: another name
    ],
)
def test_a_name_one_edit_from_a_known_person_is_that_person(name: str, code: str | None) -> None:
    assert known().coded(Actor(f"actor/{name}", name, "Person")).code == code


def test_a_misspelt_president_acts_for_his_state() -> None:
    assert subject_code("President Francois Mitterand received the Chadian president on Monday.")[1] == "FRAGOV"


def test_a_body_named_after_its_owner_is_one_group() -> None:
    found = statements("Osama bin Laden's al-Qaeda network threatened Jordan.")
    assert [(s.subject, s.subject_actor.code) for s in found] == [("al-Qaeda network", "IMGMOSALQ")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Serbs of northern Kosovo demanded autonomy from the government.", "Serbs"),
        ("The Hungarians in Romania demanded autonomy from the government.", "Hungarians"),
    ],
)
def test_a_people_the_text_places_is_a_group_not_its_state(text: str, expected: str) -> None:
    subject = statements(text)[0].subject_actor
    assert subject.kind == "Group" and subject.name.startswith(expected)


def test_the_people_unplaced_is_still_its_state() -> None:
    assert statements("The Russians supplied weapons to Armenia.")[0].subject == "Russia"


def test_a_name_cut_inside_its_gloss_in_brackets_is_the_name() -> None:
    assert statements("The Homeland Front (Conservatives) criticised the budget.")[0].subject == "Homeland Front"


def test_negotiators_act_for_their_government() -> None:
    assert subject_code("Chilean negotiators returned to Bolivia on Monday.") == ("Chilean negotiators", "CHLGOV")


def test_the_agents_of_one_event_are_not_each_others_targets() -> None:
    found = statements("The plan won support from Ghana and Togo.")
    assert [(s.subject, s.relation, s.target) for s in found] == [("Ghana", "support", None), ("Togo", "support", None)]
