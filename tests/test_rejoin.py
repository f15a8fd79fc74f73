"""A build's statements taken from the previous build's join (`kg.views.rejoin`) are the ones a
join of every graph gives (`kg.views.data.joined`): a graph is joined again when it changed or
when something its statements looked up in other graphs did, and a statement that several graphs
describe is joined from all of them."""

from __future__ import annotations

from pathlib import Path

from kg.graph import KG
from kg.views.cache import ViewCache
from kg.views.data import ViewData, joined
from kg.views.facts import LABEL, TITLE, TYPE, Subjects, in_order
from kg.views.parts import split
from kg.views.rejoin import Rejoined, rejoin
from kg.views.reuse import PageContent

BASE = "http://example.org/kg/"
Facts = dict[str, list[tuple[str, str]]]


def facts(described: Facts) -> Subjects:
    return in_order({s: {(p, v, ""): None for p, v in pairs} for s, pairs in described.items()})


def statement(doc: str, relation: str, **more: str) -> Facts:
    """A brief graph: one statement of Belarus and Russia, its brief and its relation's label."""
    iri = f"{BASE}statement/{doc}/0"
    parts = {"subject": "actor/belarus", "relation": "relation/meet", "object": "actor/russia", **more}
    properties = [(TYPE, KG + "Statement"), (KG + "inBrief", f"{BASE}brief/{doc}")]
    properties += [(KG + name, value) for name, value in parts.items()]
    properties += [(KG + "polarity", KG + "positive"), (KG + "modality", KG + "asserted")]
    return {
        iri: properties,
        f"{BASE}brief/{doc}": [(TITLE, f"Brief {doc}")],
        "relation/meet": [(LABEL, relation)],
    }


def build(folder: Path, previous: Path | None, graphs: dict[str, Facts], changed: set[str]) -> Rejoined:
    """The views' join of the graphs in a cache made for `folder` from `previous`'s, the graphs
    `changed` (all, without `previous`) put in anew; compared with a join of every graph."""
    cache = ViewCache(folder, BASE, previous)
    cache.drop(sorted(cache.graphs() - graphs.keys()))
    for graph in sorted(changed if previous else graphs):
        cache.add(graph, split(facts(graphs[graph])))
    join = rejoin(cache)
    parts = [split(facts(graphs[graph])) for graph in sorted(graphs)]
    scratch = joined((p.shared for p in parts), ((p.records, p.parties) for p in parts))
    assert same(join.data, scratch)
    content = PageContent(join.data, {})
    assert all(content.statement(s) == PageContent(scratch, {}).statement(s) for s in join.data.statements)
    join.keep(cache, content.statement)
    cache.finish({})
    return join


def same(one: ViewData, other: ViewData) -> bool:
    return (one.statements, one.nodes, one.briefs, one.acting_for) == (
        other.statements,
        other.nodes,
        other.briefs,
        other.acting_for,
    )


def test_a_graph_is_joined_again_when_what_its_statements_looked_up_changed(tmp_path: Path) -> None:
    graphs = {"g/one": statement("one", "meet"), "g/two": statement("two", "meet")}
    first = build(tmp_path / "1", None, graphs, set())
    assert not first.digests and set(first.fresh) == set(graphs)

    graphs["g/two"] = statement("two", "meet", date="2024-01")
    again = build(tmp_path / "2", tmp_path / "1", graphs, {"g/two"})
    assert set(again.fresh) == {"g/two"} and f"{BASE}statement/one/0" in again.digests  # one kept

    # the relation both use is labelled otherwise in two: one is joined again too
    graphs["g/two"] = {**statement("two", "meet"), "relation/meet": [(LABEL, "greet")]}
    relabelled = build(tmp_path / "3", tmp_path / "2", graphs, {"g/two"})
    assert set(relabelled.fresh) == {"g/one", "g/two"} and not relabelled.digests
    assert [s.relation for s in relabelled.data.statements] == ["greet", "greet"]

    del graphs["g/two"]
    dropped = build(tmp_path / "4", tmp_path / "3", graphs, set())
    assert [s.relation for s in dropped.data.statements] == ["meet"]


def test_a_statement_several_graphs_describe_is_joined_from_all_of_them(tmp_path: Path) -> None:
    one = statement("one", "meet")
    iri = f"{BASE}statement/one/0"
    graphs = {"g/one": one, "g/two": statement("two", "meet")}
    build(tmp_path / "1", None, graphs, set())
    # a graph that types the statement too, with a date of its own: both records are merged
    graphs["g/dates"] = {iri: [(TYPE, KG + "Statement"), (KG + "date", "2023")]}
    added = build(tmp_path / "2", tmp_path / "1", graphs, {"g/dates"})
    assert {"g/one", "g/dates"} <= set(added.fresh)
    assert [s.date for s in added.data.statements if s.iri == iri] == ["2023"]
    graphs["g/dates"] = {iri: [(TYPE, KG + "Statement"), (KG + "date", "2022")]}
    changed = build(tmp_path / "3", tmp_path / "2", graphs, {"g/dates"})
    assert [s.date for s in changed.data.statements if s.iri == iri] == ["2022"]
    # a graph of codes that describes the statement without typing it
    del graphs["g/dates"]
    graphs["g/codes"] = {iri: [(KG + "eventCode", "code/040")], "code/040": [(KG + "quadClass", "1")]}
    coded = build(tmp_path / "4", tmp_path / "3", graphs, {"g/codes"})
    assert [s.code is not None for s in coded.data.statements] == [True, False]
    assert "g/two" not in coded.fresh
