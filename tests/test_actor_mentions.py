"""Actor mentions as the actor ruler finds them: the vocabulary's names (phrase matching), and
the few shapes a state's name or demonym makes with a word of the lexicon (token patterns)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import load_pipeline


def mentions(text: str) -> list[tuple[str, str, str | None]]:
    doc = load_pipeline()(text)
    return [(doc[m.start : m.end].text, m.actor.key, m.actor.code) for m in doc._.actor_mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names of several words; a name that starts in lower case is capitalised at a sentence start
        (
            "The West imposed new sanctions on Minsk after the vote.",
            [("The West", "actor/the-west", "WST"), ("Minsk", "actor/belarus", "BLR")],
        ),
        (
            "Officials in the United States welcomed the decision of the West.",
            [("United States", "actor/united-states", "USA"), ("the West", "actor/the-west", "WST")],
        ),
        # overlapping matches: the longest wins ("Foreign Ministry" alone is a name of the vocabulary)
        ("The Foreign Ministry summoned the envoy.", [("Foreign Ministry", "actor/foreign-ministry", None)]),
        (
            "The Polish Foreign Ministry summoned the Lithuanian ambassador.",
            [
                ("Polish Foreign Ministry", "actor/polish-foreign-ministry", "POLGOV"),
                ("Lithuanian ambassador", "actor/lithuanian-ambassador", "LTUGOV"),
            ],
        ),
        # a state's body: after a demonym (an adjective may come between), after "<state>'s", before "of <state>"
        (
            "The Lithuanian authorities and the Latvian national parliament rejected the plan.",
            [
                ("Lithuanian authorities", "actor/lithuania", "LTU"),
                ("Latvian national parliament", "actor/latvian-national-parliament", "LVALEG"),
            ],
        ),
        (
            "Ukraine's Foreign Ministry and the Ministry of Defence of Lithuania issued a joint note.",
            [
                ("Ukraine's Foreign Ministry", "actor/ukrainian-foreign-ministry", "UKRGOV"),
                ("Ministry of Defence of Lithuania", "actor/lithuanian-defence-ministry", "LTUGOV"),
            ],
        ),
        # an office by its title: after a demonym, after "<state>'s", before "of [the] <state>"
        (
            "The Belarusian defence minister met Poland's foreign minister.",
            [
                ("Belarusian defence minister", "office/belarus/defence-minister", "BLRGOV"),
                ("Poland's foreign minister", "office/poland/foreign-minister", "POLGOV"),
            ],
        ),
        (
            "The president of Belarus and the leader of the Ukraine met.",
            [
                ("president of Belarus", "office/belarus/president", "BLRGOV"),
                ("leader of the Ukraine", "office/ukraine/president", "UKRGOV"),
            ],
        ),
        # a run of lexicon words that is no phrase of the lexicon names nothing more than the demonym
        ("The Belarusian foreign policy changed.", [("Belarusian", "actor/belarusian", "BLR")]),
        # demonym + agent noun: the state's agents
        (
            "Ukrainian soldiers crossed the river at dawn.",
            [("Ukrainian soldiers", "actor/ukrainian-soldiers", "UKRMIL")],
        ),
    ],
)
def test_actor_mentions(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert mentions(text) == expected
