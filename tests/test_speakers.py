"""Who said so, on invented sentences: speech tags the parse misses, speech nouns, a content
clause the parse hung on a noun, speaker pronouns under Binding Principle C, a speaker kept
salient by the pronouns that refer to it, and an office named by its title."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.authors import SPEECH_NOUNS, speech_words
from kg.extract.coref import SalienceModel
from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.extract.statements import Actor
from kg.read.briefs import parse_brief

Row = tuple[str, str, str, str, str | None]
HEADER = "Baltic and Eastern European security weekly\nApril 22, 2016 18:58\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, body: str) -> list[Row]:
    """(subject, relation, object, modality, source) of each statement, sorted."""
    brief = parse_brief("t", HEADER + body)
    [(_, found)] = list(extract(nlp, [brief]))
    return sorted(((s.subject, s.relation, s.object, s.modality, s.source) for s in found), key=str)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the tag after the comma
            "Russian troops shelled the port of Odesa overnight, the Ukrainian Defence Ministry said.",
            [("Russian troops", "shell", "port of Odesa", "reported", "Ukrainian Defence Ministry")],
        ),
        (  # inverted
            "Poland will close the border crossing at Kuznica, said Foreign Minister Jan Nowak.",
            [("Poland", "close", "border crossing", "reported", "Jan Nowak")],
        ),
        (  # in the middle
            "Latvia, the government spokesman said, will expel three Russian diplomats.",
            [("Latvia", "expel", "Russia", "reported", "government spokesman")],
        ),
        (  # "told reporters" after the comma, with a date after it
            "Moldova will buy gas from Romania, Moldovan Energy Minister Victor Parlicov told reporters on Monday.",
            [("Moldova", "buy", "gas", "reported", "Victor Parlicov")],
        ),
        (  # a speech noun with its possessor: the claim is no statement, what was claimed is
            "Vladimir Putin's claim that Ukraine attacked the bridge was rejected in Kyiv.",
            [("Ukraine", "attack", "bridge", "reported", "Vladimir Putin")],
        ),
        (
            "The Hungarian prime minister's statement that Hungary would block the aid package surprised Brussels.",
            [("Hungary", "block", "aid package", "possible", "Hungarian prime minister")],
        ),
        (  # the that-clause the parse hangs on "meeting" is what was told; "told" is no statement
            "Marta Lis told a meeting of the Polish cabinet that Poland would build a new fence.",
            [("Poland", "build", "new fence", "possible", "Marta Lis")],
        ),
        (  # "maintain that" reports
            "Serbia maintains that Kosovo has violated the agreement.",
            [("Kosovo", "violate", "agreement", "reported", "Serbia")],
        ),
        (  # a definite title with no holder named: a person named by the title
            "The Foreign Secretary said that Nepal would open two new consulates.",
            [("Nepal", "open", "two new consulates", "possible", "Foreign Secretary")],
        ),
    ],
)
def test_the_speaker_is_found_where_the_parse_does_not_hand_it_over(
    nlp: Language, body: str, expected: list[Row]
) -> None:
    assert statements(nlp, body) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # "she" c-commands what she said: not Jan Nowak, named in it
            "Prime Minister Anna Kowalska arrived in Vilnius on Monday. "
            "The government of President Jan Nowak will send troops to Lithuania, she said.",
            [
                ("Anna Kowalska", "arrive", "Lithuania", "asserted", None),
                ("government of President Jan Nowak", "send", "troops", "reported", "Anna Kowalska"),
            ],
        ),
        (  # the participle's subject is "he": not Scholz, named in it
            "Estonian President Alar Karis met Olaf Scholz in Berlin. "
            "Commenting on the talks with Scholz, he said Germany would deliver more tanks.",
            [
                ("Alar Karis", "comment", "talks", "asserted", None),
                ("Alar Karis", "meet", "Olaf Scholz", "asserted", None),
                ("Germany", "deliver", "tanks", "possible", "Alar Karis"),
            ],
        ),
        (  # a finite "if" clause before the subject is outside its reach: "it" is Turkey
            "If Turkey blocks the vote, it will lose the support of Sweden.",
            [
                ("Turkey", "block", "vote", "possible", None),
                ("Turkey", "lose", "support of Sweden", "possible", None),
            ],
        ),
    ],
)
def test_a_pronoun_is_not_a_name_it_c_commands(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == sorted(expected, key=str)


def test_the_pronouns_that_refer_to_a_speaker_keep_it_salient(nlp: Language) -> None:
    """Named once, then referred to by "he" in every sentence: five sentences on, "he" is still
    the speaker (each resolved "he" counts as a mention of him)."""
    body = (
        "Finnish Defence Minister Antti Kaikkonen visited Narva on Monday. "
        "He inspected the border fence. "
        "He said that Estonia had built new watchtowers. "
        "He praised the Estonian border guards. "
        '"Russia has moved two brigades to the border," he said. '
        '"Finland will send more observers," he said.'
    )
    sourced = [row for row in statements(nlp, body) if row[4] is not None]
    assert sourced == [
        ("Estonia", "build", "new watchtowers", "reported", "Antti Kaikkonen"),
        ("Finland", "send", "observers", "reported", "Antti Kaikkonen"),
        ("Russia", "move", "two brigades", "reported", "Antti Kaikkonen"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "When the talks ended, the minister said nothing.",
        "It is reported that the weather in the capital was cold.",
        "There is evidence that the harvest was poor, the report said.",
        "Rumours that the talks had failed spread quickly, analysts said.",
        '"The weather was fine," she said.',
        "The statement that the prices were rising surprised nobody.",
        "It seems that the meeting was short.",
        "His claim that the weather was bad was wrong.",
        "Asked about the talks, the spokesman said he had nothing to add.",
        "The minister's remark that the weather was cold was noted.",
    ],
)
def test_no_actor_said_or_did_anything(nlp: Language, body: str) -> None:
    assert statements(nlp, body) == []


def test_a_pleonastic_it_refers_to_nothing(nlp: Language) -> None:
    """'It is stated that ...', 'it seems that ...': no actor, however salient one is."""
    poland = Actor("actor/poland", "Poland", "Country")
    for text in ("Poland met Latvia. It is stated that talks went well.", "Poland met Latvia. It seems that it rains."):
        doc = nlp.make_doc(text)
        for name, process in nlp.pipeline:
            if name != "statement_extractor":
                doc = process(doc)
        salience = SalienceModel()
        salience.observe(poland, doc[0], 0)
        it = next(t for t in doc if t.lower_ == "it")
        assert salience.resolve_pronoun(it, 1) is None
        assert salience.resolve_pronoun(doc[0], 1) is None  # "Poland" is no pronoun


def test_a_named_event_a_speech_verb_reports_is_sourced(nlp: Language) -> None:
    assert statements(nlp, "Lithuania announced Belarus's expulsion of two diplomats.") == [
        ("Belarus", "expel", "two diplomats", "reported", "Lithuania"),
        ("Lithuania", "announce", "expulsion of two diplomats", "asserted", None),
    ]


def titled(nlp: Language, text: str) -> list[Row]:
    [(_, found)] = list(extract(nlp, [parse_brief("t", text)]))
    return sorted(((s.subject, s.relation, s.object, s.modality, s.source) for s in found), key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "Remarks by X": "I" is X, and what "I told" is X's report
            "Remarks by Foreign Minister Radoslaw Sikorski at the OSCE Council\n\n"
            "I told the Council that Russia had violated the Helsinki Final Act. We will support Moldova.\n",
            [
                ("Radosław Sikorski", "support", "Moldova", "asserted", None),
                ("Radosław Sikorski", "tell", "Council", "asserted", None),
                ("Russia", "violate", "Helsinki Final Act", "reported", "Radosław Sikorski"),
            ],
        ),
        (  # "Statement of the ministry": "we" is the ministry
            "Statement of the Ministry of Foreign Affairs of Ukraine on the referendum\n\n"
            "We condemn the so-called referendum in the occupied territories.\n",
            [("Ukrainian Foreign Ministry", "condemn", "so-called referendum", "asserted", None)],
        ),
        (  # a title that names no speaker: the first person is the author's own voice
            "Notes from the border\n\nWe think that Russia moved troops to the border near Kharkiv last week.\n",
            [("Russia", "move", "troops", "asserted", None)],
        ),
    ],
)
def test_the_title_names_who_speaks_in_the_first_person(nlp: Language, text: str, expected: list[Row]) -> None:
    assert titled(nlp, text) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "word", ["Remarks", "Speeches", "Addresses", "Declarations", "Communiqués", "Messages", "messaged", "addressing"]
)
def test_a_title_is_parsed_when_a_word_may_be_a_speech_noun(nlp: Language, word: str) -> None:
    """The words whose lemma is a speech noun are all `speech_words`, so a title with none of
    them needs no parse."""
    doc = nlp(f"{word} by the foreign minister of Moldova on the elections")
    found = speech_words(nlp)
    assert found is not None
    assert doc[0].lemma_.lower() in SPEECH_NOUNS
    assert doc[0].lower_ in found
    assert not any(t.lower_ in found for t in doc[1:])


def test_a_title_with_a_plural_speech_noun_names_its_speaker(nlp: Language) -> None:
    text = "Speeches by Foreign Minister Radoslaw Sikorski in Kyiv\n\nWe will support Moldova.\n"
    assert titled(nlp, text) == [
        ("Radosław Sikorski", "speak", "Kyiv", "asserted", None),  # the title's own statement
        ("Radosław Sikorski", "support", "Moldova", "asserted", None),  # "we": the title's speaker
    ]


def test_an_announced_list_goes_on_in_a_paragraph_an_additive_connective_opens(nlp: Language) -> None:
    """The list after "He stated that:" is his, however long (the speaker is resolved where the
    speech verb stands), and so is the paragraph "In addition, ..." after it; the next is not."""
    body = (
        "Polish President Andrzej Duda spoke to reporters in Warsaw on Monday. He stated that:\n\n"
        "  • Russia had moved new missiles to Kaliningrad in the past two weeks;\n\n"
        "  • Belarus had closed two border crossings with Poland near the town of Terespol;\n\n"
        "  • Hungary had blocked the new European sanctions against Russia in Brussels;\n\n"
        "  • Serbia had bought a large number of Chinese drones for its army.\n\n"
        "In addition, Lithuania has always supported the territorial integrity of Ukraine.\n\n"
        "Latvia held parliamentary elections in October and a new government was formed."
    )
    found = [row for row in statements(nlp, body) if row[0] in ("Serbia", "Lithuania", "Latvia")]
    assert found == [
        ("Latvia", "hold", "parliamentary elections", "asserted", None),
        ("Lithuania", "support", "territorial integrity of Ukraine", "reported", "Andrzej Duda"),
        ("Serbia", "buy", "large number of Chinese drones", "reported", "Andrzej Duda"),
    ]
