"""graph.ttl is written graph by graph: a rebuild copies the parts of the graphs it did not replace
from the previous file, and the result is what writing every part anew gives, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
from synthetic import synthetic_store

from kg.build.output import TURTLE_INDEX
from kg.build.turtle import write_turtle
from kg.graph.namespaces import DEFAULT_BASE_IRI
from kg.graph.rdf import brief_graph

DROPPED = brief_graph(DEFAULT_BASE_IRI, "synthetic-0002")


def union_of(turtle: Path) -> set[pyoxigraph.Triple]:
    parsed = pyoxigraph.Store()
    parsed.load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    return {pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in parsed}


def test_turtle_parses_to_the_union_and_a_rebuild_copies_what_did_not_change(tmp_path: Path) -> None:
    store = synthetic_store(tmp_path / "store", 100, 200)  # 4 briefs of 50 statements
    before = tmp_path / "before"
    before.mkdir()
    write_turtle(store, before, "graph.ttl")
    union = {pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in store.union_triples()}
    assert union_of(before / "graph.ttl") == union
    index = json.loads((before / TURTLE_INDEX).read_text())
    assert [graph for graph, _, _ in index["parts"]] == [g.value for g in store.graphs()]
    text = (before / "graph.ttl").read_bytes()
    assert text.count(b"@prefix kg: ") == 1  # one block of prefixes, at the top

    store.remove_brief(DROPPED)
    scratch, again = tmp_path / "scratch", tmp_path / "again"
    scratch.mkdir()
    again.mkdir()
    write_turtle(store, scratch, "graph.ttl")
    # a kept graph's part is copied from the previous file: marked there, the mark shows up again
    kept, offset, length = index["parts"][1]
    assert kept != DROPPED.value
    marked = text[:offset] + b"#" * (length - 1) + b"\n" + text[offset + length :]
    (before / "graph.ttl").write_bytes(marked)
    write_turtle(store, again, "graph.ttl", previous=before, changed={DROPPED.value})
    assert b"#" * (length - 1) in (again / "graph.ttl").read_bytes()

    (before / "graph.ttl").write_bytes(text)  # unmarked: the same bytes as written from scratch
    write_turtle(store, again, "graph.ttl", previous=before, changed={DROPPED.value})
    assert (again / "graph.ttl").read_bytes() == (scratch / "graph.ttl").read_bytes()
    assert (again / TURTLE_INDEX).read_bytes() == (scratch / TURTLE_INDEX).read_bytes()
    assert union_of(again / "graph.ttl") == {
        pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in store.union_triples()
    }

    (before / "graph.ttl").write_bytes(text + b"# a file that is not the one indexed\n")
    write_turtle(store, again, "graph.ttl", previous=before, changed={DROPPED.value})
    assert (again / "graph.ttl").read_bytes() == (scratch / "graph.ttl").read_bytes()
