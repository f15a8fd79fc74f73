"""Events named by nouns (`kg.nominal_events`), on sentences written for these tests: the relation
is the verb WordNet derives the noun from, the agent is explicit in the noun phrase."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.extract.vocabulary import load_vocabulary
from kg.ontology import ONTOLOGY_DIR
from kg.read.briefs import parse_brief

HEADER = "Regional security notes\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def triples(nlp: Language, sentence: str) -> list[tuple[str, str, str]]:
    brief = parse_brief("t", HEADER + sentence)
    assert [s.text for s in brief.segments] == [sentence]
    [(_, statements)] = list(extract(nlp, [brief]))
    return sorted((s.subject, s.relation, s.object) for s in statements)


def test_table_comes_from_wordnet() -> None:
    verbs = load_vocabulary(ONTOLOGY_DIR).event_nouns
    assert (verbs["invasion"], verbs["blockade"], verbs["annexation"], verbs["refusal"]) == (
        "invade",
        "blockade",
        "annex",
        "refuse",
    )
    # the dominant sense of these is no act: an organisation, an artefact, a place
    assert not {"government", "embassy", "border", "army"} & set(verbs)
    header = (ONTOLOGY_DIR / "noun_verbs.tsv").read_text(encoding="utf-8").splitlines()[:6]
    assert any("WordNet 3.1" in line for line in header) and any("Princeton University" in line for line in header)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Turkish annexation of the disputed islands alarmed Athens for weeks.",
            [("Turkey", "alarm", "Greece"), ("Turkey", "annex", "disputed islands")],
        ),
        (
            "Moldova condemned the Russian occupation of Transnistria in a long statement.",
            [("Moldova", "condemn", "Russian occupation of Transnistria"), ("Russia", "occupy", "Transnistria")],
        ),
        (
            "Armenia's blockade of the corridor lasted almost a year and cut off every supply.",
            [("Armenia", "blockade", "corridor"), ("Armenia", "cut off", "supply")],
        ),
        (
            "The interception of the convoy by Azerbaijan was condemned by officials in Yerevan.",
            [("Azerbaijan", "intercept", "convoy"), ("officials in Yerevan", "condemn", "interception of convoy")],
        ),
        (
            "Georgia's cooperation with NATO has deepened since the summit in Bucharest.",
            [("Georgia", "cooperate", "NATO")],
        ),
        (
            "Serbia's recognition of Kosovo remains unlikely in the coming years.",
            [("Serbia", "recognise", "Kosovo")],
        ),
        (  # the of-phrase of a noun with an infinitive controls it: the agent
            "The attempts of Hungary to block the aid package failed in the end.",
            [("Hungary", "block", "aid package")],
        ),
        (
            "The refusal of Moldova to join the customs union annoyed the Kremlin.",
            [("Moldova", "refuse", "customs union")],
        ),
        (  # a passive complement: what the refusal is about, not the refusal itself
            "Chisinau's refusal to be drawn into the conflict pleased its neighbours.",
            [("Moldova", "please", "neighbours"), ("Moldova", "refuse", "conflict")],
        ),
    ],
)
def test_nominal_event_with_explicit_agent(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # no actor in the phrase: the invasion of whom, by whom?
        "The invasion of the northern provinces began before dawn on the first day.",
        "An annexation of the islands would break every rule of the old treaty.",
        "Sanctions against the regime have not changed its conduct in any way.",
        "The blockade of the corridor lasted almost a year according to observers.",
        # an actor, but no eventive noun: an organisation, a place, a thing
        "Georgia's government has been in office for only four months now.",
        "The Turkish embassy in the capital was closed for the national holiday.",
        "Armenia's border with the region remains closed to every kind of traffic.",
        "The Russian language is still spoken widely in the eastern districts.",
        # a frame, not an event: "in an interview"
        "In his interview with a local newspaper, the mayor spoke about the weather.",
        # an of-phrase that names no actor controls nothing
        "The refusal of the committee to publish the report annoyed the minister.",
        # an eventive noun and an actor, but nothing it is done to
        "Serbia's decision came as a surprise to many observers in the region.",
    ],
)
def test_nothing_without_an_explicit_actor_or_an_event(nlp: Language, sentence: str) -> None:
    assert triples(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a possessive pronoun on a verb's object repeats its subject: no event of its own
            "Estonian President Alar Karis made his remarks in Riga at the start of a regional tour.",
            [("Alar Karis", "make", "remarks")],
        ),
        (
            "Estonian President Alar Karis praised the new railway during his meeting with the Latvian premier.",
            [("Alar Karis", "meet", "Latvian premier"), ("Alar Karis", "praise", "new railway")],
        ),
    ],
)
def test_possessive_pronouns(nlp: Language, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(nlp, sentence) == sorted(expected)
