"""A brief's quads go into the store in batches: the store holds the same graph and union as
when they went in at once, and the batches are bounded whatever the size of the brief."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from conftest import BRIEFS

import kg.graph.store
from kg.graph import DEFAULT_BASE_IRI, KnowledgeStore, brief_graph, brief_quads, export

ROOT = Path(__file__).resolve().parent.parent


def contents(store: KnowledgeStore) -> tuple[list[str], list[str]]:
    return sorted(map(str, store.quads())), sorted(map(str, store.triples()))


def test_batches_give_the_store_that_one_insert_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stores = []
    for name, batch in (("whole", 10**9), ("batched", 7)):
        monkeypatch.setattr(kg.graph.store, "BATCH_QUADS", batch)
        store = KnowledgeStore(tmp_path / name, DEFAULT_BASE_IRI)
        for brief, statements in BRIEFS:
            store.add_brief(brief_quads(brief, statements, DEFAULT_BASE_IRI))
        stores.append(store)
    whole, batched = (contents(store) for store in stores)
    assert len(whole[0]) > 7 * 10  # the briefs' quads took many batches
    assert batched == whole


def test_bulk_loading_gives_the_store_transactions_give(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full build's store is bulk-loaded (several loader batches here, and one brief put twice,
    which replaces its graph): the same quads, union and Turtle as brief-by-brief transactions."""
    monkeypatch.setattr(kg.graph.store, "BULK_QUADS", 50)
    stores, turtles = [], []
    for name in ("transactions", "bulk"):
        store = KnowledgeStore(tmp_path / name, DEFAULT_BASE_IRI)
        if name == "bulk":
            store.start_bulk_load()
        for brief, statements in [*BRIEFS, BRIEFS[0]]:
            store.put_brief(brief_graph(DEFAULT_BASE_IRI, brief.doc), brief_quads(brief, statements, DEFAULT_BASE_IRI))
        store.flush()
        stores.append(contents(store))
        turtle = io.BytesIO()
        export(store, "turtle", turtle)
        turtles.append(turtle.getvalue())
    transactions, bulk = stores
    assert len(transactions[0]) > 50 * 2
    assert bulk == transactions
    assert turtles[0] == turtles[1]


def test_batches_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    inner = store._store
    monkeypatch.setattr(kg.graph.store, "BATCH_QUADS", 5)
    monkeypatch.setattr(store, "_store", _Recording(inner, sizes))
    brief, statements = BRIEFS[0]
    store.add_brief(brief_quads(brief, statements, DEFAULT_BASE_IRI))
    assert sizes and max(sizes) <= 2 * 5  # each batch's quads and their union triples


class _Recording:
    """A store that records the size of each `extend`."""

    def __init__(self, store: object, sizes: list[int]) -> None:
        self._store = store
        self._sizes = sizes

    def extend(self, quads: list[object]) -> None:
        self._sizes.append(len(quads))
        self._store.extend(quads)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


@pytest.mark.timeout(600)
def test_the_huge_brief_benchmark_runs_on_a_small_brief(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_huge_brief import measure

    figures = measure(0.05, tmp_path)
    assert figures["megabytes"] == pytest.approx(0.05, abs=0.01)
    assert figures["statements"] > 100  # type: ignore[operator]
    assert figures["progress_updates_within_the_brief"] >= 2  # type: ignore[operator]
    assert 0 < figures["peak_rss_tree_mib"] < 2048  # type: ignore[operator]


@pytest.mark.parametrize("bulk", [False, True])
def test_rows_loaded_as_n_quads_give_the_store_and_facts_quads_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    """A brief given as rows of texts (`put_brief_rows`, loaded as N-Quads text) gives the store,
    union, Turtle and facts file that its pyoxigraph quads give, whatever its texts hold: quotes,
    backslashes, line breaks, tabs, other scripts, a language tag, typed literals."""
    import dataclasses
    import sqlite3

    from kg.graph.answer_facts import FactsWriter
    from kg.graph.rdf import brief_rows

    monkeypatch.setattr(kg.graph.store, "BULK_QUADS", 60)
    monkeypatch.setattr(kg.graph.store, "BATCH_QUADS", 25)
    odd = 'He said "no" \\ then\nleft;\r\tЛукашэнка said: «нет»'
    briefs = [
        (dataclasses.replace(brief, title=odd), [dataclasses.replace(s, sentence=odd + s.sentence) for s in statements])
        for brief, statements in BRIEFS
    ]
    results = []
    for name in ("quads", "rows"):
        (tmp_path / name).mkdir()
        store = KnowledgeStore(tmp_path / name / "store", DEFAULT_BASE_IRI)
        if bulk:
            store.start_bulk_load()
        writer = FactsWriter(store, tmp_path / name / "answers.sqlite", None)
        for brief, statements in [*briefs, briefs[0]]:  # one brief put twice: its graph replaced
            graph = brief_graph(DEFAULT_BASE_IRI, brief.doc)
            if name == "rows":
                store.put_brief_rows(graph, brief_rows(brief, statements, DEFAULT_BASE_IRI))
            else:
                store.put_brief(graph, brief_quads(brief, statements, DEFAULT_BASE_IRI))
        store.flush()
        writer.finish(store, [])
        turtle = io.BytesIO()
        export(store, "turtle", turtle)
        db = sqlite3.connect(tmp_path / name / "answers.sqlite")
        tables = [
            db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ("statements", "nodes", "described")
        ]
        db.close()
        results.append((contents(store), turtle.getvalue(), tables))
    quads, rows = results
    assert len(quads[0][0]) > 60 * 2
    anchors = [row[14] for row in quads[2][0]]  # the statements' sentences, read back
    assert len(anchors) > 3 and all(anchor.startswith(odd) for anchor in anchors)
    assert rows == quads
