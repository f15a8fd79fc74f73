"""Attribution on invented sentences: what someone said gives statements with `source` (who said
so) and modality reported unless it has its own marker; neutral speech acts give no statement of
their own, speech acts aimed at an actor do (GUIDELINE, Attribution)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

Row = tuple[str, str, str, str, str, str | None, str | None]
HEADER = "Baltic and Eastern European security weekly\nApril 22, 2016 18:58\n\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, body: str, read_as: str | None = None) -> list[Row]:
    """(subject, relation, object, polarity, modality, date, source) of each statement, sorted;
    the reader must keep the body whole (as `read_as` where it reformats a list)."""
    brief = parse_brief("t", HEADER + body)
    assert [s.text for s in brief.segments] == [read_as or body]
    [(_, found)] = list(extract(nlp, [brief]))
    rows = [(s.subject, s.relation, s.object, s.polarity, s.modality, s.date, s.source) for s in found]
    return sorted(rows, key=str)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Warsaw said that Belarus had opened a new crossing point near Grodno.",
            [("Belarus", "open", "new crossing point", "positive", "reported", None, "Poland")],
        ),
        (
            "According to the Estonian government, Russia moved tanks to the border.",
            [("Russia", "move", "tanks", "positive", "reported", None, "Estonia")],
        ),
        (  # what was said keeps its own marker
            "Moscow said it was ready to supply gas to Serbia.",
            [("Russia", "supply", "gas", "positive", "intended", None, "Russia")],
        ),
        (
            "Serbia said that China would probably build a new factory.",
            [("China", "build", "new factory", "positive", "possible", None, "Serbia")],
        ),
        (  # the speaker after a quotation; "told reporters" is no statement
            '"Hungary will block the new aid package," Peter Novak told reporters in Brussels.',
            [("Hungary", "block", "new aid package", "positive", "reported", None, "Peter Novak")],
        ),
        (  # a second quotation of the paragraph has the same speaker
            '"Ukraine has shelled the dam," Moscow said. "It wants to flood the villages."',
            [
                ("Ukraine", "shell", "dam", "positive", "reported", None, "Russia"),
                ("Ukraine", "flood", "villages", "positive", "intended", None, "Russia"),
            ],
        ),
        (  # a stance speech act stays a statement; what it says is sourced
            "Tallinn accused Moscow of jamming GPS signals over the Baltic Sea.",
            [
                ("Estonia", "accuse", "Russia", "positive", "asserted", None, None),
                ("Russia", "jam", "GPS signals", "positive", "reported", None, "Estonia"),
            ],
        ),
        (
            # a claim in the present tense is made at the document's date (kg.extract.clause_dates)
            "The Kremlin claims to have destroyed a Ukrainian drone base.",
            [("Russia", "destroy", "Ukrainian drone base", "positive", "reported", "2016-04-22", "Russia")],
        ),
        (  # voicing one's own intent: the speaker is its own source
            "Kazakhstan declared its readiness to mediate between Armenia and Azerbaijan.",
            [
                ("Kazakhstan", "mediate", "Armenia", "positive", "intended", None, "Kazakhstan"),
                ("Kazakhstan", "mediate", "Azerbaijan", "positive", "intended", None, "Kazakhstan"),
            ],
        ),
        (  # a quoted "we" is the speaker's state
            'Norway held talks with Sweden in Oslo on Monday. "We rejected the proposal from Moscow," '
            "Norway's foreign ministry said.",
            [
                # "on Monday": the Monday before the header's Friday (kg.extract.relative_dates)
                ("Norway", "hold talks", "Sweden", "positive", "asserted", "2016-04-18", None),
                ("Norway", "reject", "proposal", "positive", "reported", "2016-04-18", "Norwegian foreign ministry"),
            ],
        ),
    ],
)
def test_what_was_said_carries_its_source(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == sorted(expected, key=str)


def test_a_colon_announces_what_was_said_down_a_list(nlp: Language) -> None:
    body = (
        "The Latvian government stated in a note on Monday that:\n\n"
        "  • the Belarusian army had closed the border with Poland near Brest;\n"
        "  • Russia had moved twelve aircraft to airfields in Belarus.\n\n"
        "Lithuania has sent a protest note to Minsk about the incident."
    )
    read_as = body.replace("  • ", "").replace(";\n", ";\n\n")
    # what was said is dated by the saying, "on Monday" (kg.extract.clause_dates)
    assert statements(nlp, body, read_as) == [
        ("Belarusian army", "close", "border", "positive", "reported", "2016-04-18", "Latvia"),
        ("Lithuania", "send", "protest note", "positive", "asserted", None, None),
        ("Russia", "move", "twelve aircraft", "positive", "reported", "2016-04-18", "Latvia"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Warsaw said on Monday that the weather was unusually cold.",
        "The spokesman of the ministry said so on Monday morning.",
        "It was announced in the capital that talks would resume soon.",
        '"It is a difficult time for all of us," the Polish president said.',
        "Analysts in the capital noted that the situation remained tense.",
        "According to the latest report, prices rose sharply in the spring.",
        "Vilnius added on Tuesday that more details would follow soon.",
        "Berlin told reporters at the briefing what it knew about it.",
        "The Turkish foreign minister repeated it twice at the press conference.",
        '"Nothing has changed since last week," he told journalists in Kyiv.',
        "Observers said that the elections had been calm and orderly.",
    ],
)
def test_a_neutral_speech_act_alone_gives_nothing(nlp: Language, body: str) -> None:
    assert statements(nlp, body) == []


def test_the_evidence_shows_who_said_so(tmp_path: Path) -> None:
    """The source travels into RDF (`kg:source`, a sub-property of prov:wasAttributedTo) and
    the views show it beside the evidence: on actor pages and in the graph page's data."""
    from kg.extract.statements import Actor, Statement
    from kg.graph.namespaces import DEFAULT_BASE_IRI
    from kg.graph.rdf import brief_graph, brief_quads
    from kg.graph.store import KnowledgeStore
    from kg.read.briefs import Brief, Segment
    from kg.views import write_views

    belarus, russia = Actor("actor/belarus", "Belarus", "Country"), Actor("actor/russia", "Russia", "Country")
    lithuania = Actor("actor/lithuania", "Lithuania", "Country")
    sentence = "Vilnius said that Russia had armed Belarus."
    said = Statement(
        "b", 1, "Russia", "arm", "Belarus", "positive", "reported", None, sentence, 0, len(sentence),
        source="Lithuania", subject_actor=russia, object_actor=belarus, source_actor=lithuania,
    )  # fmt: skip
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    brief = Brief("b", Path("b.txt"), "A brief", "2024-03-01", (Segment(1, "A brief", "2024-03-01", "..."),))
    store.replace_graph(brief_graph(DEFAULT_BASE_IRI, "b"), brief_quads(brief, [said], DEFAULT_BASE_IRI))
    store.refresh_union()
    rows = list(store.query("SELECT ?who WHERE { ?s kg:source/skos:prefLabel ?who }"))  # type: ignore[union-attr]
    assert [row["who"].value for row in rows] == ["Lithuania"]
    write_views(store, tmp_path / "views")
    page = (tmp_path / "views" / "actors" / "russia.html").read_text(encoding="utf-8")
    assert '<span class="source">according to Lithuania</span>' in page
    # the graph page's evidence, in the parts of its data it loads on a click (kg.views.graph_data)
    (part,) = (tmp_path / "views" / "graph-data").glob("evidence-*.js")
    (records,) = json.loads(
        re.fullmatch(r'kgPart\("evidence-\d+",(.*)\);\n', part.read_text(encoding="utf-8"), re.S)[1]
    ).values()
    assert [(s["relation"], s["source"]) for s in records] == [("arm", "Lithuania")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a surname after the full name is the same person, as a mention or not
            "Rasmus Lund, a Danish activist, spoke in Oslo on Monday. "
            "Lund, who leads a small party, burned a flag outside the embassy.",
            [
                # "on Monday": the Monday before the header's Friday (kg.extract.relative_dates)
                ("Rasmus Lund", "burn", "flag", "positive", "asserted", "2016-04-18", None),
                ("Rasmus Lund", "lead", "small party", "positive", "asserted", "2016-04-18", None),
                ("Rasmus Lund", "speak", "Norway", "positive", "asserted", "2016-04-18", None),
            ],
        ),
        (  # the speaker named by surname after a quotation
            'Delia Moreno met the Cuban ambassador in Caracas on Friday. "The United States has imposed '
            'new sanctions on Venezuela," said Moreno.',
            [
                # "on Friday": the header's own Friday, 22 April 2016
                ("Delia Moreno", "meet", "Cuban ambassador", "positive", "asserted", "2016-04-22", None),
                ("United States", "impose", "new sanctions", "positive", "reported", "2016-04-22", "Delia Moreno"),
            ],
        ),
    ],
)
def test_a_surname_names_the_person_named_in_full_before(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # two people share the surname: "Weber" names neither, so "criticised" has no subject
            "Karl Weber and Anna Weber arrived in Vienna on Monday. "
            "Weber, who chairs the party, criticised the budget.",
            [
                ("Anna Weber", "arrive", "Austria", "positive", "asserted", "2016-04-18", None),
                ("Karl Weber", "arrive", "Austria", "positive", "asserted", "2016-04-18", None),
            ],
        ),
        (  # a quoted "we" of a person whose state the text does not give is no actor
            'Delia Moreno spoke to reporters in Caracas on Friday. "We reject the new sanctions," Moreno said.',
            [("Delia Moreno", "speak", "reporters", "positive", "asserted", "2016-04-22", None)],
        ),
    ],
)
def test_an_unresolved_surname_or_we_is_no_subject(nlp: Language, body: str, expected: list[Row]) -> None:
    assert statements(nlp, body) == sorted(expected, key=str)
