"""Event nouns whose agent stands outside their noun phrase (`kg.extract.implicit_agents`), and
event nouns that share the agent phrase of a coordination (`kg.extract.nominal_events`), on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_nominal_events import HEADER, triples  # one-sentence briefs through the extractor

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The talks between Armenia and Azerbaijan resumed in Brussels after a long pause.",
            [("Armenia", "talk", "Azerbaijan"), ("Azerbaijan", "talk", "Armenia")],
        ),
        (
            "Observers expect a new round of negotiations between Serbia and Kosovo next month.",
            [("Kosovo", "negotiate", "Serbia"), ("Serbia", "negotiate", "Kosovo")],
        ),
        (
            "A conflict between India and China would reshape the whole region.",
            [("China", "fight", "India"), ("India", "fight", "China")],
        ),
        (
            "The EU welcomed the cooperation between Moldova and Romania on energy.",
            [
                ("European Union", "welcome", "cooperation"),
                ("Moldova", "cooperate", "Romania"),
                ("Romania", "cooperate", "Moldova"),
            ],
        ),
        (
            "Ukraine welcomed the talks between Russia and the United Nations on grain exports.",
            [
                ("Russia", "talk", "United Nations"),
                ("Ukraine", "welcome", "talks"),
                ("United Nations", "talk", "Russia"),
            ],
        ),
    ],
)
def test_between_names_each_participant_of_a_reciprocal_event(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "During a visit to Ankara, the Swedish foreign minister Tobias Billstrom met Turkish officials.",
            [("Tobias Billstrom", "meet", "Turkey"), ("Tobias Billstrom", "visit", "Turkey")],
        ),
        (
            "After talks with Beijing, Brazil signed a new trade agreement.",
            [("Brazil", "sign", "new trade agreement"), ("Brazil", "talk", "China")],
        ),
        (
            "On a visit to Kyiv, Chancellor Olaf Scholz promised more air defence systems.",
            [("Olaf Scholz", "promise", "air defence systems"), ("Olaf Scholz", "visit", "Kyiv")],
        ),
        (
            "Following a meeting with NATO, Finland announced new defence spending.",
            [("Finland", "announce", "new defence spending"), ("Finland", "meet", "NATO")],
        ),
        (
            "During a meeting with Biden, Zelensky asked for more air defence systems.",
            [("Volodymyr Zelensky", "ask", "air defence systems"), ("Volodymyr Zelensky", "meet", "Joe Biden")],
        ),
        (
            "After consultations with Paris, Berlin postponed the decision.",
            [("Germany", "consult", "France"), ("Germany", "postpone", "decision")],
        ),
    ],
)
def test_an_adverbial_event_is_the_subjects_own(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "U.S. officials reaffirmed support for the One China principle.",
            [("United States", "reaffirm", "support"), ("United States", "support", "One China principle")],
        ),
        (
            "Finland voiced opposition to the new border fees.",
            [("Finland", "oppose", "new border fees"), ("Finland", "voice", "opposition")],
        ),
        (
            "Japan pledged support for the reconstruction of Ukraine.",
            [("Japan", "pledge", "support"), ("Japan", "support", "reconstruction of Ukraine")],
        ),
        (
            "NATO expressed support for Finland at the summit in Vilnius.",
            [("NATO", "express", "support"), ("NATO", "support", "Finland")],
        ),
        (
            "Georgia did not express support for the resolution.",
            [("Georgia", "express", "support"), ("Georgia", "support", "resolution")],
        ),
    ],
)
def test_a_stance_support_verbs_subject_holds_the_stance(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


def test_a_denied_stance_is_negative(nlp: Language) -> None:
    brief = parse_brief("t", HEADER + "Georgia did not express support for the resolution.")
    [(_, statements)] = list(extract(nlp, [brief]))
    assert {(s.relation, s.polarity) for s in statements} == {("express", "negative"), ("support", "negative")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We will remain vigilant against the risk of further escalation and provocation by Minsk.",
            [("Belarus", "escalate", "further escalation"), ("Belarus", "provoke", "provocation")],
        ),
        (
            "The risk of escalation and provocation by Moscow remains high.",
            [("Russia", "escalate", "escalation"), ("Russia", "provoke", "provocation")],
        ),
    ],
)
def test_coordinated_event_nouns_share_the_agent_after_them(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The border between Poland and Belarus remains closed to traffic.",  # no event
        "The talks between the delegations resumed in Geneva.",  # no actor named
        "During the invasion of Ukraine, Poland hosted millions of refugees.",  # a known event, anyone's
        "After a visit by the Pope, Iraq declared a national holiday.",  # the visit has its own agent
        "After the meeting with Germany, France issued a statement.",  # a definite event
        "Germany expressed deep concern at the meeting in Vienna.",  # a stance without its object
    ],
)
def test_no_implicit_agent_event(nlp: Language, sentence: str) -> None:
    relations = {relation for _, relation, _ in triples(nlp, sentence)}
    assert not relations & {"talk", "fight", "invade", "visit", "meet", "concern"}
