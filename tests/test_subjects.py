"""Subjects the parse does not hand over: a document standing for its author, the author of a text
speaking as "we", the addressee of a directive who does not act; on sentences written
for these tests. Each case asserts the exact statements (subject, relation, object, polarity,
modality), or that nothing comes out."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

Row = tuple[str, str, str, str, str]
HEADER = "Regional security notes\nMarch 14, 2019\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, body: str) -> list[Row]:
    brief = parse_brief("t", HEADER + body)
    assert [s.text for s in brief.segments] == [body]  # all of it is read as body text
    [(_, found)] = list(extract(nlp, [brief]))
    return sorted((s.subject, s.relation, s.object, s.polarity, s.modality) for s in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # "the text" is the draft's, and the draft is the country's that tabled it
            "The last draft was tabled by Moldova at the General Assembly. "
            "The text called Russia an aggressor and condemned the occupation of Transnistria.",
            [
                ("Moldova", "call", "Russia", "positive", "asserted"),
                ("Moldova", "condemn", "occupation of Transnistria", "positive", "asserted"),
                ("Moldova", "table", "last draft", "positive", "asserted"),
            ],
        ),
        (  # the statement a body issues, through the relative pronoun that stands for it
            "The Estonian Defence Forces issued a statement that names Russia a direct threat to the region.",
            [
                ("Estonian Defence Forces", "issue", "statement", "positive", "asserted"),
                ("Estonian Defence Forces", "name", "Russia", "positive", "asserted"),
            ],
        ),
        (  # a "by" phrase on the document names its author
            "The resolution adopted by the European Parliament condemned the arrest of the journalists.",
            [
                ("European Parliament", "adopt", "resolution", "positive", "asserted"),
                ("European Parliament", "condemn", "arrest of journalists", "positive", "asserted"),
            ],
        ),
        (  # a possessor names it
            "Georgia's declaration rejected the annexation of the two regions by the Russian Federation.",
            [
                ("Georgia", "reject", "annexation of two regions", "positive", "asserted"),
                ("Russia", "annex", "two regions", "positive", "asserted"),
            ],
        ),
    ],
)
def test_a_document_stands_for_its_author(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # nobody is named as the text's author
        "The text called the occupation of the two regions a violation of international law.",
        # the author named four sentences before is too far away to be meant
        "The draft was tabled by Moldova in the spring of that year without much support. "
        "The weather in the city was cold and wet for the whole of the week. "
        "Many of the delegates complained about the long queues at the entrance. "
        "The coffee in the hall ran out early on the first day of the session. "
        "The text called the occupation of the two regions a violation of international law.",
    ],
)
def test_a_document_without_a_known_author_gives_nothing(nlp: Language, body: str) -> None:
    assert [s for s in statements(nlp, body) if s[1] != "table"] == []


def titled(nlp: Language, title: str, body: str) -> list[Row]:
    brief = parse_brief("t", f"{title}\nMarch 14, 2019\n\n{body}")
    assert [s.text for s in brief.segments] == [body]
    [(_, found)] = list(extract(nlp, [brief]))
    return sorted((s.subject, s.relation, s.object, s.polarity, s.modality) for s in found)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Statement by the European Commission on the situation in Moldova",
            "We will continue to support the reform of the judiciary in the Republic of Moldova.",
            [("European Commission", "support", "reform of judiciary", "positive", "asserted")],
        ),
        (
            "Remarks by the NATO Secretary General at the press conference in Brussels",
            "Last week I welcomed the decision of the Finnish parliament on the membership.",
            [("NATO Secretary General", "welcome", "decision of Finnish parliament", "positive", "asserted")],
        ),
    ],
)
def test_an_unquoted_we_is_the_title_author(nlp: Language, title: str, body: str, expected: list[Row]) -> None:
    assert titled(nlp, title, body) == expected


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # an analyst's title names no text someone issued: the analyst's "we" is no actor
        ("Minsk tries to get off the escalation train", "We will continue to support the reform of the judiciary."),
    ],
)
def test_a_we_without_an_author_gives_nothing(nlp: Language, title: str, body: str) -> None:
    assert titled(nlp, title, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the addressee does not act: each further act called for is the caller's demand
            "Poland called on Belarus to stop the flights, to release the journalists "
            "and to respect the border treaty.",
            [
                ("Poland", "call", "Belarus", "positive", "asserted"),
                ("Poland", "call", "border treaty", "positive", "asserted"),
                ("Poland", "call", "journalists", "positive", "asserted"),
            ],
        ),
        (
            "The European Union urged Russia to withdraw its troops and to pay compensation to the victims.",
            [
                ("European Union", "urge", "Russia", "positive", "asserted"),
                ("European Union", "urge", "compensation", "positive", "asserted"),
            ],
        ),
    ],
)
def test_a_directive_calls_for_its_addressees_acts(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # "this country": the state named before, not the clause's own subject (the Kremlin's Russia)
            "Belarus depends on Russian gas and on the loans from Moscow. "
            "The Kremlin has tried for years to dominate this country and its army.",
            [
                ("Belarus", "depend", "Russian gas", "positive", "asserted"),
                ("Russia", "dominate", "Belarus", "positive", "intended"),
                ("Russia", "dominate", "army", "positive", "intended"),
            ],
        ),
    ],
)
def test_this_country_is_the_state_named_before(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == expected


def test_this_country_without_a_state_before_gives_no_actor(nlp: Language) -> None:
    body = "The Kremlin has tried for years to dominate this country and its small army."
    assert statements(nlp, body) == [
        ("Russia", "dominate", "country", "positive", "intended"),
        ("Russia", "dominate", "small army", "positive", "intended"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the name in apposition to a title names the person described (the tagger calls it ORG)
            "The Latvian foreign minister, Edgars Rinkevics, criticised the decision of the Russian government.",
            [("Edgars Rinkevics", "criticise", "decision of Russian government", "positive", "asserted")],
        ),
        (
            "The minister, Edgars Rinkevics, criticised the decision of the Russian government on the border.",
            [("Edgars Rinkevics", "criticise", "decision of Russian government", "positive", "asserted")],
        ),
        (  # the title in apposition to the name: the name stays
            "Gitanas Nauseda, the Lithuanian president, rejected the accusations of the Russian embassy.",
            [("Gitanas Nauseda", "reject", "accusations of Russian embassy", "positive", "asserted")],
        ),
    ],
)
def test_a_name_in_apposition_names_the_person_described(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == expected


def test_the_title_a_surname_bore_names_the_person_in_full_later(nlp: Language) -> None:
    # "Minister Novak" after "Tomas Novak": the full name, keeping the title, so "the foreign minister" is him
    body = (
        "Tomas Novak, Minister of Foreign Affairs, said the Czech government has refused to pay compensation "
        "to Slovakia.\n\nMinister Novak told reporters after a meeting in Brussels that Prague would block "
        "the new package.\n\nThe foreign minister added that the Czech Republic had not supplied weapons to the rebels."
    )
    brief = parse_brief("t", HEADER + body)
    [(_, found)] = list(extract(nlp, [brief]))
    assert [(s.subject, s.relation, s.object, s.polarity, s.source) for s in found] == [
        ("Czech Republic", "refuse", "compensation", "positive", "Tomas Novak"),
        ("Czech Republic", "block", "new package", "positive", "Tomas Novak"),
        ("Czech Republic", "supply", "weapons", "negative", "Tomas Novak"),
    ]
