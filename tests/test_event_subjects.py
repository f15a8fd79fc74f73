"""Events that stand for their agents, on sentences written for these tests: a subject that is an
event noun with an explicit agent (`kg.extract.nominal_events.metonymic_subjects`), events
predicated through "be in <noun> of" (`kg.extract.predicative`), and intent and stance nouns
("hopes for", "concerns over", "the risk of")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

HEADER = "Regional security notes\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, sentence: str) -> list[tuple[str, str, str, str, str]]:
    brief = parse_brief("t", HEADER + sentence)
    assert [s.text for s in brief.segments] == [sentence]
    [(_, found)] = list(extract(nlp, [brief]))
    return sorted((s.subject, s.relation, s.object, s.polarity, s.modality) for s in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The repeated shelling of the villages by Armenian forces is in violation of the ceasefire agreement.",
            [
                ("Armenian forces", "shell", "villages", "positive", "asserted"),
                ("Armenian forces", "violate", "ceasefire agreement", "positive", "asserted"),
            ],
        ),
        (
            "Azerbaijan is in breach of the trilateral statement signed in November.",
            [("Azerbaijan", "breach", "trilateral statement", "positive", "asserted")],
        ),
        (
            "Serbia has been in breach of the Brussels agreement since the elections.",
            [("Serbia", "breach", "Brussels agreement", "positive", "asserted")],
        ),
        (
            "The transfer of drones by Iran is in violation of resolution 2231.",
            [
                ("Iran", "transfer", "drones", "positive", "asserted"),
                ("Iran", "violate", "resolution 2231", "positive", "asserted"),
            ],
        ),
        (
            "Moldova is not in breach of the transit agreement with Ukraine.",
            [("Moldova", "breach", "transit agreement", "negative", "asserted")],
        ),
    ],
)
def test_events_predicated_through_in_of(nlp: Language, sentence: str, expected: list) -> None:
    assert statements(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Turkey's decision to close the straits angered Moscow last week.",
            [
                ("Turkey", "anger", "Russia", "positive", "asserted"),
                ("Turkey", "decide", "straits", "positive", "asserted"),
            ],
        ),
        (
            "The Polish blockade of the border hurt Ukrainian farmers badly.",
            [
                ("Poland", "blockade", "border", "positive", "asserted"),
                ("Poland", "hurt", "Ukrainian farmers", "positive", "asserted"),
            ],
        ),
        (
            "The Hungarian veto delayed the aid package for several months.",
            [("Hungary", "delay", "aid package", "positive", "asserted")],
        ),
        (
            "Croatian actions have provoked protests in the Slovenian parliament.",
            [("Croatia", "provoke", "protests", "positive", "asserted")],
        ),
        (
            "The Russian invasion of Ukraine has changed the security landscape in Europe.",
            [
                ("Russia", "change", "security landscape", "positive", "asserted"),
                ("Russia", "invade", "Ukraine", "positive", "asserted"),
            ],
        ),
    ],
)
def test_an_event_subject_stands_for_its_agent(nlp: Language, sentence: str, expected: list) -> None:
    assert statements(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Observers warned of the risk of further escalation by Azerbaijan in the spring.",
            [("Azerbaijan", "escalate", "further escalation", "positive", "possible")],
        ),
        (
            "Analysts doubt the Russian hopes for a quick victory in the south.",
            [("Russia", "hope", "quick victory", "positive", "intended")],
        ),
        (
            "Romania shares the growing Polish concerns over the troop build-up.",
            [
                ("Poland", "concern", "troop build-up", "positive", "asserted"),
                ("Romania", "share", "growing Polish concerns", "positive", "asserted"),
            ],
        ),
    ],
)
def test_intent_stance_and_risk_nouns(nlp: Language, sentence: str, expected: list) -> None:
    assert statements(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Her visit was in line with the earlier agreement on transit.",  # no event noun after "in"
        "The talks were in progress when the shelling started again.",
        "The Georgian proposal is an important step for the region.",  # "be" describes the proposal
        "The shelling of the villages is in violation of the ceasefire agreement.",  # no agent named
        "A decision on the visa regime is expected before the summit in May.",
    ],
)
def test_no_agent_no_statement(nlp: Language, sentence: str) -> None:
    assert statements(nlp, sentence) == []


def test_an_adjunct_in_of_phrase_is_no_predicate(nlp: Language) -> None:
    sentence = "Minsk is highly dependent on the Kremlin in terms of energy supplies."
    assert statements(nlp, sentence) == [("Belarus", "dependent", "Russia", "positive", "asserted")]
