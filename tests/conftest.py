"""Shared fixtures. `small_store` is a knowledge store built from hand-made statements (no extractor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.statements import Actor, Statement
from kg.graph.namespaces import DEFAULT_BASE_IRI
from kg.graph.rdf import brief_graph, brief_quads
from kg.graph.store import KnowledgeStore
from kg.read.briefs import Brief, Segment

FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> list[str]:
    """Lines a test leaves for the end of the run: pytest prints them in a "figures" section of
    its report (with or without -s), e.g. how many items the corpus test ran, and its slowest."""
    return request.config.stash.setdefault(FIGURES, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    lines = config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.section("figures")
        for line in lines:
            terminalreporter.write_line(line)


RUSSIA = Actor("actor/russia", "Russia", "Country")
BELARUS = Actor("actor/belarus", "Belarus", "Country")
LITHUANIA = Actor("actor/lithuania", "Lithuania", "Country")
EU = Actor("actor/european-union", "European Union", "Organisation")
LUKASHENKO = Actor("actor/alexander-lukashenko", "Alexander Lukashenko", "Person", acts_for=BELARUS)
WAGNER = Actor("actor/wagner-group", "Wagner Group", "Group")  # not in the vocabulary: described by its brief

# Brief text is data: none of this may ever run (each payload would set window.__xss or open a dialog).
XSS_SENTENCE = (
    "Moscow reportedly threatened Vilnius <script>alert(1)</script><img src=x onerror=alert(2)> "
    '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> & more.'
)
XSS_TITLE = "Baltic watch </script><script>window.__xss=3</script>"


def _statement(
    doc: str,
    subject: Actor,
    relation: str,
    obj: Actor | str,
    sentence: str,
    start: int,
    polarity: str = "positive",
    modality: str = "asserted",
    date: str | None = None,
) -> Statement:
    theme = obj if isinstance(obj, str) else obj.name
    return Statement(
        doc,
        1,
        subject.name,
        relation,
        theme,
        polarity,
        modality,
        date,
        sentence,  # type: ignore[arg-type]
        start,
        start + len(sentence),
        subject_actor=subject,
        object_actor=None if isinstance(obj, str) else obj,
    )


BRIEF_A = Brief(
    "brief-a",
    Path("brief-a.txt"),
    "Minsk and Moscow deepen ties",
    "2024-03-01",
    (Segment(1, "Minsk and Moscow deepen ties", "2024-03-01", "..."),),
)
BRIEF_B = Brief("brief-b", Path("brief-b.txt"), XSS_TITLE, "2024-04-10", (Segment(1, XSS_TITLE, "2024-04-10", "..."),))
BRIEFS: list[tuple[Brief, list[Statement]]] = [
    (
        BRIEF_A,
        [
            _statement(
                "brief-a", RUSSIA, "support", BELARUS, "Russia continues to support Belarus.", 0, date="2024-03-01"
            ),
            _statement(
                "brief-a",
                EU,
                "sanction",
                BELARUS,
                "The European Union imposed sanctions on Belarus.",
                40,
                date="2024-02",
            ),
            _statement(
                "brief-a",
                EU,
                "recognise",
                "election results",
                "The European Union does not recognise the election results.",
                90,
                polarity="negative",
            ),
            _statement(
                "brief-a",
                WAGNER,
                "train",
                BELARUS,
                "Wagner Group plans to train the Belarusian army.",
                150,
                modality="intended",
            ),
        ],
    ),
    (
        BRIEF_B,
        [
            _statement(
                "brief-b", RUSSIA, "support", BELARUS, "Moscow again promised support to Minsk.", 0, date="2024-04-10"
            ),
            _statement("brief-b", RUSSIA, "threaten", LITHUANIA, XSS_SENTENCE, 50, modality="reported"),
            _statement(
                "brief-b",
                LUKASHENKO,
                "discuss",
                "energy & <b>grid</b>",
                "Lukashenko may discuss the energy grid.",
                300,
                modality="possible",
            ),
        ],
    ),
]


# the nodes the graph view shows for `small_store`: actors and themes that take part in statements
SMALL_STORE_NODE_LABELS = [
    "Alexander Lukashenko",
    "Belarus",
    "European Union",
    "Lithuania",
    "Russia",
    "Wagner Group",
    "election results",
    "energy & <b>grid</b>",
]


@pytest.fixture(scope="session")
def node_labels() -> list[str]:
    return SMALL_STORE_NODE_LABELS


@pytest.fixture(scope="session")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeStore:
    """Two briefs, seven statements (one negative, one carrying markup), plus the vocabulary.
    Shared by the whole session: read it, do not write to it."""
    store = KnowledgeStore(tmp_path_factory.mktemp("small-store") / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    for brief, statements in BRIEFS:
        store.replace_graph(brief_graph(DEFAULT_BASE_IRI, brief.doc), brief_quads(brief, statements, DEFAULT_BASE_IRI))
    store.refresh_union()
    return store


# ---- a richer store for the views: a third brief with dated, event-coded statements ------------
# Event codes have the shape issue 5 gives them (kg:eventCode to a concept with skos:notation,
# skos:prefLabel, kg:goldstein, kg:quadClass, kg:ploverCategory), kept in a graph of their own.
MARKUP_GROUP = Actor("actor/markup-group", "<img src=x onerror=window.__xss=5>Markup Group", "Group")
BRIEF_C = Brief(
    "brief-c",
    Path("brief-c.txt"),
    "Vilnius and Minsk trade accusations",
    "2024-06-20",
    (Segment(1, "Vilnius and Minsk trade accusations", "2024-06-20", "..."),),
)
BRIEF_C_STATEMENTS = [
    _statement(
        "brief-c", LITHUANIA, "accuse", BELARUS, "Vilnius accused Minsk of staging provocations.", 0, date="2024-05-14"
    ),
    _statement("brief-c", RUSSIA, "deliver", BELARUS, "Russia delivered fuel to Belarus.", 60, date="2024-05-20"),
    _statement(
        "brief-c", BELARUS, "expel", LITHUANIA, "Belarus expelled two Lithuanian diplomats.", 100, date="2024-06-02"
    ),
    _statement(
        "brief-c", MARKUP_GROUP, "threaten", LITHUANIA, "The group threatened Lithuania.", 150, date="2024-06-15"
    ),
    _statement(
        "brief-c", EU, "meet", LITHUANIA, "EU envoys met Lithuanian officials in Vilnius.", 200, date="2024-06-20"
    ),
]
# statement number in brief-c -> (notation, label, Goldstein, quad class, PLOVER)
EVENT_CODES = {
    1: ("112", "Accuse", "-2.0", 3, "ACCUSE"),
    2: ("070", "Provide aid", "7.0", 2, "AID"),
    3: ("174", "Expel or deport individuals", "-5.0", 4, "COERCE"),
    5: ("042", "Make a visit", "1.9", 1, "CONSULT"),
}


@pytest.fixture(scope="session")
def view_store(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeStore:
    """`small_store`'s two briefs, a third with five dated statements (four event-coded, one by a
    group whose name carries markup), and the event-code concepts. Read it, do not write to it."""
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.graph.namespaces import KG, SKOS, XSD

    base = DEFAULT_BASE_IRI
    store = KnowledgeStore(tmp_path_factory.mktemp("view-store") / "store", base)
    store.load_vocabulary()
    for brief, statements in [*BRIEFS, (BRIEF_C, BRIEF_C_STATEMENTS)]:
        store.replace_graph(brief_graph(base, brief.doc), brief_quads(brief, statements, base))
    codes = NamedNode(f"{base}graph/test-event-codes")
    quads = []
    for number, (notation, label, goldstein, quad_class, plover) in EVENT_CODES.items():
        code = NamedNode(f"{base}event-code/{notation}")
        quads += [
            Quad(NamedNode(f"{base}statement/brief-c/{number}"), NamedNode(KG + "eventCode"), code, codes),
            Quad(code, NamedNode(SKOS + "notation"), Literal(notation), codes),
            Quad(code, NamedNode(SKOS + "prefLabel"), Literal(label, language="en"), codes),
            Quad(code, NamedNode(KG + "goldstein"), Literal(goldstein, datatype=NamedNode(XSD + "decimal")), codes),
            Quad(
                code, NamedNode(KG + "quadClass"), Literal(str(quad_class), datatype=NamedNode(XSD + "integer")), codes
            ),
            Quad(code, NamedNode(KG + "ploverCategory"), Literal(plover), codes),
        ]
    store.replace_graph(codes, quads)
    store.refresh_union()
    return store
