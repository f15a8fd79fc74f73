"""Target actors: a statement about a theme owned by or aimed at an actor has that actor as its
target (possessor, demonym, the noun's or the verb's recipient, a speech act's addressee), in
statements.jsonl as `target`, in the graph as `kg:target`; event data take subject and target
as the dyad. The sentences are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.extract.statements import Statement
from kg.read.briefs import Brief, Segment


def statements(text: str, date: str = "2021-06-01") -> list[Statement]:
    brief = Brief("test", Path("test.txt"), "", date, (Segment(1, "", date, text),))
    return [s for _, found in extract(load_pipeline(), [brief]) for s in found]


def dyad(text: str) -> tuple[str, str, str, str | None]:
    first = statements(text)[0]
    return first.subject, first.relation, first.object, first.target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # possessor
        ("Lithuania backed Ukraine's initiative on grain exports.", ("Lithuania", "back", "initiative", "Ukraine")),
        ("Norway praised Finland's efforts to end the dispute.", ("Norway", "praise", "efforts", "Finland")),
        # demonym
        (
            "Warsaw criticised the Ukrainian proposal on transit fees.",
            ("Poland", "criticise", "Ukrainian proposal", "Ukraine"),
        ),
        ("Ukraine welcomed the Turkish mediation.", ("Ukraine", "welcome", "Turkish mediation", "Turkey")),
        # the noun's complement
        ("Estonia opened talks with Latvia on a joint border.", ("Estonia", "open", "talks", "Latvia")),
        (
            "The European Union increased pressure on Lithuania over the transit ban.",
            ("European Union", "increase", "pressure", "Lithuania"),
        ),
        ("Canada announced sanctions against Belarus in June.", ("Canada", "announce", "sanctions", "Belarus")),
        # the verb's recipient
        ("Poland imposed new tariffs on Russia.", ("Poland", "impose", "new tariffs", "Russia")),
    ],
)
def test_a_theme_aimed_at_an_actor_has_that_actor_as_target(text: str, expected: tuple[str, ...]) -> None:
    assert dyad(text) == expected


def test_an_actor_object_is_the_target() -> None:
    assert dyad("Finland gave Estonia a loan of two million euros.") == ("Finland", "give", "Estonia", "Estonia")


def test_the_addressee_of_a_speech_act_is_the_target() -> None:
    [told] = [s for s in statements("Chancellor Scholz told Putin that the talks were over.") if s.relation == "tell"]
    assert (told.subject, told.target) == ("Scholz", "Vladimir Putin")
    assert told.target_actor is not None and told.target_actor.code == "RUSGOV"


def test_the_subject_is_never_its_own_target_but_its_state_may_be() -> None:
    assert dyad("Belarus continued its policy of neutrality.")[3] is None
    [lifted] = statements("The Belarusian army lifted the curfew in Belarus.")
    assert (lifted.subject, lifted.subject_actor.code, lifted.target) == ("Belarusian army", "BLRMIL", "Belarus")


def test_target_is_in_statements_jsonl_and_in_the_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "one.txt").write_text(
        "2021-06-01\n\nThe Lithuanian government strongly supported Ukraine's application to join the bloc.\n"
        "Belarus continued its long policy of neutrality in the region.\n"
    )
    output = tmp_path / "output"
    assert main(["build", str(briefs), "-o", str(output), "--quiet"]) == 0
    records = [json.loads(line) for line in (output / "statements.jsonl").read_text().splitlines()]
    assert [(r["subject"], r["object"], r["target"]) for r in records if r["relation"] in ("support", "continue")] == [
        ("Lithuania", "application", "Ukraine"),
        ("Belarus", "long policy of neutrality", None),
    ]
    capsys.readouterr()
    query = "SELECT ?s ?t WHERE { ?x kg:subject/skos:prefLabel ?s ; kg:target/skos:prefLabel ?t }"
    assert main(["query", query, "-o", str(output), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"s": "Lithuania", "t": "Ukraine"}]
    assert main(["validate", "-o", str(output)]) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a relative clause on the object is the thing's author, as a possessor is
        (
            "Germany criticised the plan, which Russia had proposed to Ukraine.",
            ("Germany", "criticise", "plan", "Russia"),
        ),
        (
            "Poland praised the initiative, which Lithuania launched against Belarus.",
            ("Poland", "praise", "initiative", "Lithuania"),
        ),
        ("Estonia supported the mission, which NATO had sent to Kosovo.", ("Estonia", "support", "mission", "NATO")),
        # what the relative clause's verb acts on is another event's target
        ("Estonia opposed the tariff, which targets China.", ("Estonia", "oppose", "tariff", None)),
        ("Poland condemned the law, which discriminates against Lithuania.", ("Poland", "condemn", "law", None)),
        ("Finland criticised the deal, which favours Russia.", ("Finland", "criticise", "deal", None)),
    ],
)
def test_of_a_relative_clause_on_the_object_only_its_subject_may_be_the_target(
    text: str, expected: tuple[str, ...]
) -> None:
    assert dyad(text) == expected
