"""Shared fixtures. `small_store` is a knowledge store built from hand-made statements (no extractor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.briefs import Brief, Segment
from kg.namespaces import DEFAULT_BASE_IRI
from kg.rdf import brief_graph, brief_quads
from kg.statements import Actor, Statement
from kg.store import KnowledgeStore

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
