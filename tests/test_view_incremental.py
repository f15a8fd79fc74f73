"""Views written from an earlier state's cache are the views written from scratch, byte for byte,
and an actor page whose content did not change is linked, not rendered again."""

from __future__ import annotations

import marshal
import sqlite3
from contextlib import closing
from pathlib import Path

from conftest import BELARUS, LITHUANIA, RUSSIA, _statement
from synthetic import synthetic_store

from kg.extract.statements import Actor
from kg.graph.namespaces import DEFAULT_BASE_IRI
from kg.graph.rdf import brief_graph, brief_quads, brief_rows
from kg.graph.store import KnowledgeStore
from kg.read.briefs import Brief, Segment
from kg.views import CACHE_FILE, RowTap, ViewCache, write_views


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != CACHE_FILE
    }


def brief(doc: str, date: str) -> Brief:
    return Brief(doc, Path(f"{doc}.txt"), f"Brief {doc}", date, (Segment(1, "", date, "..."),))


def test_views_from_the_cache_equal_views_from_scratch(tmp_path: Path) -> None:
    store = synthetic_store(tmp_path / "store", 300, 600)  # 12 briefs, event codes in a graph of their own
    before = tmp_path / "before"
    write_views(store, before)
    pages_before = {path.name: path.stat().st_ino for path in (before / "actors").iterdir()}
    pairs_before = {path.name: path.stat().st_ino for path in (before / "pairs").iterdir()}
    bytes_before = files(before)
    # one brief replaced (fewer statements, a new actor), one dropped, one added
    replaced, dropped = brief_graph(DEFAULT_BASE_IRI, "synthetic-0003"), brief_graph(DEFAULT_BASE_IRI, "synthetic-0005")
    newcomer = Actor("actor/new-envoy", "New Envoy", "Person", acts_for=LITHUANIA)
    store.remove_brief(replaced)
    store.add_brief(
        brief_quads(
            brief("synthetic-0003", "2023-02-01"),
            [_statement("synthetic-0003", newcomer, "visit", BELARUS, "The New Envoy visited Belarus.", 0)],
            DEFAULT_BASE_IRI,
        )
    )
    store.remove_brief(dropped)
    added = brief("added", "2024-01-05")
    store.add_brief(
        brief_quads(
            added,
            [_statement("added", RUSSIA, "warn", LITHUANIA, "Russia warned Lithuania.", 0, date="2024-01-04")],
            DEFAULT_BASE_IRI,
        )
    )
    changed = {replaced.value, dropped.value, brief_graph(DEFAULT_BASE_IRI, "added").value}

    again, scratch = tmp_path / "again", tmp_path / "scratch"
    names = write_views(store, again, previous=before, changed=changed)
    assert names == write_views(store, scratch)
    assert files(again) == files(scratch)
    assert "actors/new-envoy.html" in files(again)

    linked = [path.name for path in (again / "actors").iterdir() if pages_before.get(path.name) == path.stat().st_ino]
    differ = [name for name, content in files(scratch).items() if bytes_before.get(name) != content]
    assert "actors/new-envoy.html" in differ and "actors/belarus.html" in differ
    assert not {f"actors/{name}" for name in linked} & set(differ)  # what changed was rendered again
    unchanged = {name for name in files(scratch) if name.startswith("actors/") and name not in differ}
    assert {f"actors/{name}" for name in linked} == unchanged  # and the others were not
    # the pages of the timeline's pairs (a page a year) likewise
    linked = [path.name for path in (again / "pairs").iterdir() if pairs_before.get(path.name) == path.stat().st_ino]
    unchanged = {name for name in files(scratch) if name.startswith("pairs/") and name not in differ}
    assert linked and {f"pairs/{name}" for name in linked} == unchanged
    assert any(name.startswith("pairs/") for name in differ)


def test_a_graph_that_came_unannounced_is_read_and_a_broken_cache_means_a_full_read(tmp_path: Path) -> None:
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    store.add_to_union(store.vocabulary_graph)
    first = brief("first", "2024-03-01")
    store.add_brief(
        brief_quads(
            first, [_statement("first", RUSSIA, "support", BELARUS, "Russia backs Belarus.", 0)], DEFAULT_BASE_IRI
        )
    )
    before = tmp_path / "before"
    write_views(store, before)
    second = brief("second", "2024-03-02")
    store.add_brief(
        brief_quads(
            second, [_statement("second", BELARUS, "expel", LITHUANIA, "Belarus expelled envoys.", 0)], DEFAULT_BASE_IRI
        )
    )
    scratch = tmp_path / "scratch"
    write_views(store, scratch)

    unannounced = tmp_path / "unannounced"
    write_views(store, unannounced, previous=before)  # `changed` does not name the new graph
    assert files(unannounced) == files(scratch)

    (before / CACHE_FILE).write_bytes(b"not a cache")
    broken = tmp_path / "broken"
    write_views(store, broken, previous=before, changed={brief_graph(DEFAULT_BASE_IRI, "second").value})
    assert files(broken) == files(scratch)
    pair = broken / "pairs" / "named-belarus--lithuania--undated.html"
    assert "</mark> expelled envoys." in pair.read_text(encoding="utf-8")


def _parts(folder: Path) -> dict[str, tuple[object, object]]:
    with closing(sqlite3.connect(folder / CACHE_FILE)) as db:
        return {g: (marshal.loads(s), marshal.loads(r)) for g, s, r in db.execute("SELECT * FROM parts")}


def test_views_made_from_the_rows_written_equal_views_read_from_the_store(tmp_path: Path) -> None:
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    store.add_to_union(store.vocabulary_graph)
    tapped = tmp_path / "tapped"
    cache = ViewCache(tapped, DEFAULT_BASE_IRI, None)
    tap = RowTap(cache)
    store.watch(tap.quads, tap.rows)
    envoy = Actor("actor/envoy", 'The "Envoy"', "Person", acts_for=LITHUANIA)
    said = {
        "one": [
            _statement("one", RUSSIA, "warn", LITHUANIA, 'Russia warned "Lithuania"\\\nagain.', 0, date="2024-01"),
            _statement("one", RUSSIA, "warn", LITHUANIA, "Russia warned Lithuania twice.", 40, "negative"),
        ],
        "two": [_statement("two", envoy, "visit", BELARUS, "The Envoy visited Belarus.", 0, "positive", "reported")],
        "three": [_statement("three", BELARUS, "seek", "dialogue", "Belarus sought dialogue.", 0, date="2023")],
        "four": [_statement("four", RUSSIA, "support", BELARUS, "Russia backs Belarus.", 0)],
    }
    for doc, statements in said.items():
        store.put_brief_rows(
            brief_graph(DEFAULT_BASE_IRI, doc), brief_rows(brief(doc, "2024-02-03"), statements, DEFAULT_BASE_IRI)
        )
    # one graph written from its rows is then replaced from quads (it is read back), one removed
    other = [_statement("three", LITHUANIA, "expel", RUSSIA, "Lithuania expelled envoys.", 0)]
    store.put_brief(
        brief_graph(DEFAULT_BASE_IRI, "three"), brief_quads(brief("three", "2024"), other, DEFAULT_BASE_IRI)
    )
    store.remove_brief(brief_graph(DEFAULT_BASE_IRI, "four"))
    store.flush()
    assert cache.ready == {brief_graph(DEFAULT_BASE_IRI, doc).value for doc in ("one", "two", "four")}

    scratch = tmp_path / "scratch"
    assert write_views(store, tapped, cache=cache) == write_views(store, scratch)
    assert files(tapped) == files(scratch)
    assert _parts(tapped) == _parts(scratch)
    assert "expelled envoys." in (tapped / "actors" / "lithuania.html").read_text(encoding="utf-8")
