"""Subjects and agents the parse leaves implicit, on sentences written for these tests: passive
object control (`kg.extract.control`), agentive participle compounds (`kg.extract.compounds`),
and event nouns whose agent is a "by"/"from" phrase or whose degree a participle changes
(`kg.extract.nominal_events`)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_nominal_events import triples  # one-sentence briefs through the extractor

from kg.extract.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hungary was prompted to lift its veto on the aid package after a week of talks.",
            [("Hungary", "lift", "veto")],
        ),
        (
            "The Serbian government will be obliged to recognise the new border treaty.",
            [("Serbia", "recognise", "new border treaty")],
        ),
        (
            "Armenia has been forced to withdraw its troops from the disputed villages.",
            [("Armenia", "withdraw", "troops")],
        ),
        (
            "After the elections, Georgia was compelled to suspend the accession talks.",
            [("Georgia", "suspend", "accession talks")],
        ),
        (
            "Moldova was persuaded to postpone the referendum on the new constitution.",
            [("Moldova", "postpone", "referendum")],
        ),
        (  # with an agent, the asker's act is the statement, not the addressee's
            "Estonia was urged by Brussels to reopen the border crossings.",
            [("European Union", "urge", "Estonia")],
        ),
    ],
)
def test_passive_subject_controls_the_infinitive(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The coup was followed by a Kremlin-backed campaign against the opposition.",
            [("Russia", "back", "campaign")],
        ),
        ("The fighting spread to Turkish-held areas near the border.", [("Turkey", "hold", "areas")]),
        ("Rebels seized the Iran-funded militia's headquarters near Aleppo.", [("Iran", "fund", "militia")]),
        ("The committee debated the situation in Russia-occupied Crimea.", [("Russia", "occupy", "Crimea")]),
        ("The simulation begins with a Moscow-backed coup in the capital.", [("Russia", "back", "coup")]),
    ],
)
def test_actor_participle_compounds(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The country suffered from reduced investment from China after the crisis.",
            [("China", "reduce", "investment")],
        ),
        (
            "Tehran warned against increased pressure from Washington on its nuclear programme.",
            [("Iran", "warn", "increased pressure"), ("United States", "increase", "pressure")],
        ),
        (
            "Analysts expect an escalation by Azerbaijan in the coming weeks.",
            [("Azerbaijan", "escalate", "escalation")],
        ),
        (
            "Kyiv openly ignored the repeated threats from Moscow during the talks.",
            [("Russia", "threaten", "repeated threats"), ("Ukraine", "ignore", "repeated threats")],
        ),
        (
            "Observers welcomed the statements from Ankara about the grain corridor.",
            [("Turkey", "state", "grain corridor")],
        ),
    ],
)
def test_event_nouns_with_by_or_from_agents(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Kazakhstan was invited to join the customs union next year.",  # a directive: the inviter's demand
        "The ministers were expected to arrive in Geneva on Monday.",
        "The report was written at a Minsk-based institute last spring.",  # a place, not an agent
        "Investigators examined the Moscow-bound train at the station.",
        "The long-awaited agreement was finally signed in Doha last night.",
        "The Georgian decision was announced at the summit in Batumi.",  # an adjective alone: no act on anything
        "His proposal came too late for the summit.",
        "The incursions by unidentified aircraft alarmed the crews.",  # no actor in the by-phrase
        "The state-owned company sold its shares last year.",
        "Reduced investment slowed the recovery of the economy.",  # no agent for the reduction
    ],
)
def test_nothing_without_an_actor_or_an_act(nlp: Language, sentence: str) -> None:
    assert triples(nlp, sentence) == []
