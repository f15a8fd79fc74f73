"""Named queries read part by part (kg/graph/paging.py) give the rows the whole query gives, in
its order, on a store where parts must be many: forty briefs whose statements tie on every
leading key (the same sentences at the same offsets, the same dates), an actor with two labels
(every row of its statements twice), sources and event codes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

import kg.graph.paging as paging
from kg.cli import main
from kg.extract.statements import Statement
from kg.graph.namespaces import DEFAULT_BASE_IRI, SKOS
from kg.graph.paging import PagePlan, _parts, with_values
from kg.graph.queries import named_queries
from kg.graph.query_params import page_plan, prepare_run
from kg.graph.rdf import brief_graph, brief_quads
from kg.graph.store import KnowledgeStore
from kg.read.briefs import Brief, Segment
from tests.conftest import BELARUS, BRIEF_C_STATEMENTS, BRIEFS, RUSSIA
from tests.output_fixture import output_from

PARAMS = {
    "actor-timeline": {"actor": "Russia"},
    "evidence": {"relation": "support"},
    "theme": {"theme": "election"},
    "events-by-root": {"root": "11"},
}
EVENTS = {"accuse": "112", "threaten": "130", "support": "051", "sanction": "163"}
DATES = [None, "2024-03-01", "2024-02", "2024"]


def _brief(number: int) -> tuple[Brief, list[Statement]]:
    """Brief `number`: the test briefs' statements again, each dated by the brief's number (so
    that dates tie across briefs), every third said by Belarus, event-coded by relation."""
    doc = f"brief-{number:02d}"
    templates = [s for _, statements in BRIEFS for s in statements] + BRIEF_C_STATEMENTS
    statements = []
    for index, template in enumerate(templates):
        statements.append(
            dataclasses.replace(
                template,
                doc=doc,
                date=DATES[(number + index) % len(DATES)],
                event=EVENTS.get(template.relation),
                source="Belarus" if index % 3 == 0 else None,
                subject_actor=template.subject_actor,
                object_actor=template.object_actor,
                source_actor=BELARUS if index % 3 == 0 else None,
            )
        )
    segments = (Segment(1, f"Brief {number}", None, "..."),)
    return Brief(doc, Path(f"{doc}.txt"), f"Brief {number}", None, segments), statements


@pytest.fixture(scope="module")
def paging_store(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeStore:
    store = KnowledgeStore(tmp_path_factory.mktemp("paging") / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    for number in range(40):
        brief, statements = _brief(number)
        store.replace_graph(brief_graph(DEFAULT_BASE_IRI, brief.doc), brief_quads(brief, statements, DEFAULT_BASE_IRI))
    extra = NamedNode(f"{DEFAULT_BASE_IRI}graph/second-labels")  # Russia and Belarus have two labels each
    second = [(RUSSIA, "Russian Federation"), (BELARUS, "Republic of Belarus")]
    label = NamedNode(SKOS + "prefLabel")
    store.replace_graph(
        extra, [Quad(NamedNode(DEFAULT_BASE_IRI + a.key), label, Literal(n, language="en"), extra) for a, n in second]
    )
    store.refresh_union()
    return store


def _text(rows: object) -> list[list[str]]:
    return [[str(term) for term in row] for row in rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_a_named_query_gives_the_whole_querys_rows_part_by_part(
    name: str, paging_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "FIRST_VALUES", 1)
    monkeypatch.setattr(paging, "MOST_VALUES", 3)
    sparql, run = prepare_run(name, PARAMS.get(name, {}), paging_store)
    whole = paging_store.query(sparql)
    variables = [v.value for v in whole.variables]  # type: ignore[union-attr]
    expected = _text([solution[v] for v in variables] for solution in whole)  # type: ignore[union-attr]
    parted = run(sparql)
    assert [v.value for v in parted.variables] == variables
    assert _text([solution[v] for v in variables] for solution in parted) == expected
    assert len(expected) >= 10  # the store gives every query rows enough for many parts
    if page_plan(named_queries()[name]) is not None:
        assert run is not paging_store.query and isinstance(parted, paging.PartSolutions)
    assert prepare_run(name, PARAMS.get(name, {}), paging_store, whole=True)[1] == paging_store.query  # --limit 0


def test_the_store_makes_the_parts_many_and_their_keys_tie(paging_store: KnowledgeStore) -> None:
    sparql, _ = prepare_run("who-did-what", {}, paging_store)
    rows = [[cell.split('"')[1] if '"' in cell else cell for cell in row] for row in _text(paging_store.query(sparql))]
    # a brief's 12 statements give 26 rows: Russia's and Belarus's each once per label (two)
    assert len(rows) == 40 * 26
    # three sentences begin at 0 in every brief; the two that tie on all but the sentence follow it
    assert [row[1:4] + row[6:] for row in rows[:4]] == [
        ["Lithuania", "accuse", "Belarus", "2024", "Vilnius accused Minsk of staging provocations."],
        ["Lithuania", "accuse", "Republic of Belarus", "2024", "Vilnius accused Minsk of staging provocations."],
        ["Russia", "support", "Belarus", "None", "Moscow again promised support to Minsk."],
        ["Russia", "support", "Belarus", "None", "Russia continues to support Belarus."],
    ]


def test_pages_through_kg_query_follow_each_other(
    paging_store: KnowledgeStore, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "FIRST_VALUES", 2)
    output = output_from(paging_store, tmp_path / "output")
    command = ["query", "who-claims-what", "-o", str(output), "--format", "csv"]
    assert main([*command, "--limit", "0"]) == 0
    _, *everything = capsys.readouterr().out.splitlines()
    pages = []
    for offset in range(0, len(everything), 7):
        assert main([*command, "--limit", "7", "--offset", str(offset)]) == 0
        pages += capsys.readouterr().out.splitlines()[1:]
    assert pages == everything and len(everything) > 40 * 4  # 4 statements a brief said by Belarus
    assert everything[0].startswith("Belarus,") and everything[-1].startswith("Republic of Belarus,")


def test_parts_grow_and_never_split_values_whose_ties_are_equal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "FIRST_VALUES", 2)
    monkeypatch.setattr(paging, "MOST_VALUES", 4)
    dates = ["a", "a", "a", "b", "c", "d", "d", "e", "f", "g", "h", "i"]
    keys = [{"s": NamedNode(f"urn:s{i}"), "date": Literal(d)} for i, d in enumerate(dates)]
    keys.insert(5, {"s": NamedNode("urn:s0"), "date": Literal("z")})  # seen already: left out
    parts = list(_parts(keys, PagePlan(("s",), "", ("date",))))
    sizes = [len(part) for part in parts]
    assert sizes == [3, 4, 4, 1]  # the first part grows past 2 to keep the three "a" together
    assert parts[0] == ["(<urn:s0>)", "(<urn:s1>)", "(<urn:s2>)"]


def test_values_go_at_the_top_of_the_where_block() -> None:
    query = "SELECT ?x WHERE { ?x kg:p ?y } ORDER BY ?x"
    assert with_values(query, ("x", "y"), ['(<urn:a> "b"@en)']) == (
        'SELECT ?x WHERE { VALUES (?x ?y) { (<urn:a> "b"@en) } ?x kg:p ?y } ORDER BY ?x'
    )


def test_a_plan_needs_its_variables_and_keys(tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?x WHERE { ?x ?p ?o }", encoding="utf-8")
    plan = '[paging]\nby = "x"\nkeys = "SELECT ?x WHERE { ?x ?p ?o }"\n'
    query.with_suffix(".toml").write_text(plan, encoding="utf-8")
    with pytest.raises(ValueError, match="by \\(a list of variables\\)"):
        page_plan(query)


def test_members_keep_each_value_whole_and_in_its_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "MOST_MEMBERS", 3)
    plan = PagePlan(("b",), "", (), "members", ("s", "b"))
    counts = ((2, 2), (1, 2), (3, 4))
    members = [{"b": NamedNode(f"urn:b{b}"), "s": NamedNode(f"urn:s{b}{i}")} for b, n in counts for i in range(n)]
    part = ["(<urn:b1>)", "(<urn:b2>)", "(<urn:b4>)", "(<urn:b3>)"]  # b4 has no members
    assert list(paging._member_parts(members, part, plan)) == [
        ["(<urn:s10> <urn:b1>)", "(<urn:s11> <urn:b1>)"],  # with b2's two it would be four
        ["(<urn:s20> <urn:b2>)", "(<urn:s21> <urn:b2>)"],
        ["(<urn:s30> <urn:b3>)", "(<urn:s31> <urn:b3>)", "(<urn:s32> <urn:b3>)", "(<urn:s33> <urn:b3>)"],
    ]
