"""Agentless passives of verbs of referring, classifying and inviting take as their agent the
body the text is reporting on (`kg.extract.implicit_passives`), on briefs written for these
tests; passives of other verbs, and texts naming no body, yield no such statement."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_nominal_events import HEADER

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, body: str) -> list[tuple[str, str, str, str]]:
    [(_, found)] = list(extract(nlp, [parse_brief("t", HEADER + body)]))
    return sorted((s.subject, s.relation, s.object, s.polarity) for s in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Georgian State Security Service said on Friday that it had detained three men near the border. "
            "Russian intelligence officers were mentioned, but no specific agency was named.",
            [
                ("Georgian State Security Service", "detain", "three men", "positive"),
                ("Georgian State Security Service", "mention", "Russian intelligence officers", "positive"),
                ("Georgian State Security Service", "name", "specific agency", "negative"),
            ],
        ),
        (
            "The Moldovan foreign ministry published its annual security review on Monday. "
            "Transnistria is described as the main threat to stability in the region.",
            [
                ("Moldovan foreign ministry", "describe", "Transnistria", "positive"),
                ("Moldovan foreign ministry", "publish", "annual security review", "positive"),
            ],
        ),
        (
            "The Lithuanian defence ministry held talks with Polish officers in Vilnius on Tuesday. "
            "The Polish side was invited to join a new air defence exercise next year.",
            [
                ("Lithuanian Defence ministry", "hold talks", "Polish officers", "positive"),
                ("Lithuanian Defence ministry", "invite", "Poland", "positive"),
            ],
        ),
        (
            "The Armenian government released a long report on the blockade of the corridor. "
            "Azerbaijan is named as the party responsible for the shortages.",
            [("Armenia", "name", "Azerbaijan", "positive"), ("Armenia", "release", "long report", "positive")],
        ),
        (
            "The Alliance adopted a new strategic concept at the summit in Madrid. "
            "Russia was classified as the most significant threat to the security of the Allies.",
            [("NATO", "adopt", "new strategic concept", "positive"), ("NATO", "classify", "Russia", "positive")],
        ),
    ],
)
def test_a_passive_of_referring_is_the_reported_bodys(nlp: Language, body: str, expected: list) -> None:
    assert statements(nlp, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a passive of another verb: its agent may be anyone
        "The Serbian police arrested two men near the border on Monday. One of them was killed in the shootout.",
        # no body named before: nobody to refer
        "The report covers the whole year of fighting in the east. Several villages were mentioned as targets.",
        # the agent is named: the ordinary passive
        "The Armenian government released a long report on Monday. Azerbaijan is named by the report's authors.",
    ],
)
def test_no_implicit_passive_agent(nlp: Language, body: str) -> None:
    assert not [s for s in statements(nlp, body) if s[1] in ("kill", "mention", "name")]
