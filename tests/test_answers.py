"""The named queries answered from the facts a build keeps beside the store (kg/graph/answers.py)
give the rows the SPARQL gives, whole and page by page, for every kind of parameter, on a store
where briefs tie on every leading key and two actors have two labels each; again after an
incremental update (a brief edited, one added, one deleted, an actor's label changed by another
brief); and never for a store they were not made for."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.cli import main
from kg.graph.answer_facts import ANSWERS_FILE, FactsWriter, open_answers, stamp_answers
from kg.graph.answer_order import sort_key
from kg.graph.answers import precomputed_rows
from kg.graph.namespaces import DEFAULT_BASE_IRI, SKOS
from kg.graph.queries import named_queries
from kg.graph.query_params import prepare_query
from kg.graph.rdf import brief_graph, brief_quads
from kg.graph.store import KnowledgeStore
from tests.conftest import BELARUS, RUSSIA
from tests.test_query_paging import _brief

# every kind of parameter, and values that match nothing
PARAMETERS: dict[str, list[dict[str, str]]] = {
    "actor-timeline": [
        {"actor": "Russia"},
        {"actor": "republic of belarus"},
        {"actor": "Lithuania"},
        {"actor": "Nobody"},
    ],
    "evidence": [{"relation": "support"}, {"relation": "ACCUSE"}, {"relation": "nothing"}],
    "theme": [{"theme": "election"}, {"theme": "E"}, {"theme": "zzz"}],
    "events-by-root": [{"root": f"{root:02d}"} for root in range(1, 21)],
}
PAGES = [(0, 1), (0, 7), (5, 7), (0, 100), (13, 0), (10_000, 5)]


def _write(store: KnowledgeStore, numbers: range, edit: int | None = None) -> list[str]:
    graphs = []
    for number in numbers:
        brief, statements = _brief(number)
        if number == edit:  # an edited brief: fewer statements, other dates
            statements = [dataclasses.replace(s, date="2023-12-31") for s in statements[::2]]
        graph = brief_graph(DEFAULT_BASE_IRI, brief.doc)
        store.put_brief(graph, brief_quads(brief, statements, DEFAULT_BASE_IRI))
        graphs.append(graph.value)
    return graphs


def _second_labels(store: KnowledgeStore, labels: list[tuple[object, str]]) -> str:
    """A graph that gives actors another label (as a brief naming them otherwise would)."""
    extra = NamedNode(f"{DEFAULT_BASE_IRI}brief/second-labels")
    label = NamedNode(SKOS + "prefLabel")
    quads = [Quad(NamedNode(DEFAULT_BASE_IRI + a.key), label, Literal(n, language="en"), extra) for a, n in labels]  # type: ignore[attr-defined]
    store.put_brief(extra, quads)
    return extra.value


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A first output (12 briefs, Russia and Belarus with two labels each) with its facts, and a
    second made from it as an incremental build makes it: brief 3 edited, brief 5 deleted,
    brief 12 added, Russia's second label gone."""
    root = tmp_path_factory.mktemp("answers")
    first, second = root / "first", root / "second"
    first.mkdir()
    store = KnowledgeStore(first / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    store.add_to_union(store.vocabulary_graph)
    writer = FactsWriter(store, first / ANSWERS_FILE, None)
    _write(store, range(12))
    _second_labels(store, [(RUSSIA, "Russian Federation"), (BELARUS, "Republic of Belarus")])
    _close(first, store, writer, [])
    del store  # closed: the facts are stamped with the files of the store as closed
    stamp_answers(first / ANSWERS_FILE, first / "store", DEFAULT_BASE_IRI)
    shutil.copytree(first, second)
    (second / ANSWERS_FILE).unlink()
    store = KnowledgeStore(second / "store", DEFAULT_BASE_IRI)
    writer = FactsWriter(store, second / ANSWERS_FILE, first / ANSWERS_FILE)
    changed = _write(store, range(3, 4), edit=3) + _write(store, range(12, 13))
    gone = brief_graph(DEFAULT_BASE_IRI, "brief-05")
    store.remove_brief(gone)
    changed += [gone.value, _second_labels(store, [(BELARUS, "Republic of Belarus")])]
    _close(second, store, writer, changed)
    del store
    stamp_answers(second / ANSWERS_FILE, second / "store", DEFAULT_BASE_IRI)
    return first, second


def _close(output: Path, store: KnowledgeStore, writer: FactsWriter, changed: list[str]) -> None:
    """Finish the facts and the store as a build does, and write its manifest."""
    store.flush()
    writer.finish(store, changed)
    manifest = {"base_iri": store.base_iri, "briefs": len(store.graphs()) - 1, "triples": store.triple_count()}
    (output / "build.json").write_text(json.dumps(manifest), encoding="utf-8")


def _sparql(output: Path, name: str, params: dict[str, str]) -> tuple[list[str], list[list[str]]]:
    store = KnowledgeStore(output / "store", DEFAULT_BASE_IRI, read_only=True)
    solutions = store.query(prepare_query(name, params, store))
    variables = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    return variables, [[_cell(s[v]) for v in variables] for s in solutions]  # type: ignore[union-attr]


def _cell(term: object) -> str:
    return "" if term is None else str(term.value)  # type: ignore[attr-defined]


def _facts_rows(
    output: Path, name: str, params: dict[str, str], offset: int, limit: int | None
) -> tuple[list[str], list[list[str]], bool]:
    answer = precomputed_rows(output, DEFAULT_BASE_IRI, name, params, offset, limit)
    assert answer is not None, "the facts were not used"
    rows = [[str(cell) for cell in row] for row in answer.rows]
    return answer.variables, rows, answer.more


CASES = [(name, params) for name in sorted(named_queries()) for params in PARAMETERS.get(name, [{}])]


@pytest.mark.parametrize("which", ["first", "second"])
@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{'-'.join(p.values())}" for n, p in CASES])
def test_the_facts_answer_every_named_query_as_the_sparql_does(
    which: str, name: str, params: dict[str, str], outputs: tuple[Path, Path]
) -> None:
    output = outputs[0] if which == "first" else outputs[1]
    variables, expected = _sparql(output, name, params)
    got_variables, whole, more = _facts_rows(output, name, params, 0, None)
    assert (got_variables, whole, more) == (variables, expected, False)
    for offset, limit in PAGES:
        _, page, more = _facts_rows(output, name, params, offset, limit or None)
        end = offset + limit if limit else len(expected)
        assert page == expected[offset:end]
        assert more == (end < len(expected))


def test_the_stores_give_rows_enough_and_the_update_changed_them(outputs: tuple[Path, Path]) -> None:
    first, second = outputs
    assert len(_sparql(first, "who-did-what", {})[1]) == 12 * 26  # Russia's and Belarus's rows twice
    # 18 rows a brief without Russia's second label; the edited brief 3 keeps every other statement: 20
    assert len(_sparql(second, "who-did-what", {})[1]) == 11 * 18 + 20
    for name, params in [("pair-counts", {}), ("cooperation-conflict", {}), ("events-by-root", {"root": "11"})]:
        assert _sparql(first, name, params)[1] != _sparql(second, name, params)[1]
        assert len(_sparql(second, name, params)[1]) >= 3


def test_facts_of_another_store_or_other_queries_are_not_used(
    outputs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = outputs
    assert open_answers(first, DEFAULT_BASE_IRI) is not None
    mixed = tmp_path / "mixed"  # the second build's store beside the first build's facts
    shutil.copytree(second, mixed)
    shutil.copyfile(first / ANSWERS_FILE, mixed / ANSWERS_FILE)
    assert open_answers(mixed, DEFAULT_BASE_IRI) is None
    assert open_answers(first, "http://other.example/") is None
    monkeypatch.setattr("kg.graph.answer_facts.queries_digest", lambda: "an edited query")
    assert open_answers(first, DEFAULT_BASE_IRI) is None


def test_kg_query_falls_back_to_the_sparql_without_a_word(
    outputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = outputs
    mixed = tmp_path / "mixed"
    shutil.copytree(second, mixed)
    shutil.copyfile(first / ANSWERS_FILE, mixed / ANSWERS_FILE)
    for output in (second, mixed):
        assert main(["query", "pair-counts", "-o", str(output), "--format", "csv", "--limit", "3"]) == 0
        captured = capsys.readouterr()
        assert captured.out.splitlines()[1:] == [",".join(row) for row in _sparql(second, "pair-counts", {})[1][:3]]
        assert captured.err == "kg: rows 1-3 of more: --offset 3 for the next page, --limit 0 for all\n"


def test_order_keys_order_terms_as_oxigraph_does() -> None:
    terms = [
        '"2015"^^xsd:gYear',
        '"2015-01"^^xsd:gYearMonth',
        '"2015-01-01"^^xsd:date',
        '"2014-12-31"^^xsd:date',
        '"2016"^^xsd:gYear',
        '"b"@en',
        '"a"',
        '"B"@en',
        '"b"',
        '"a"@en',
        '"á"',
        "3",
        "2.5",
        "10",
        "-1",
        "<http://a>",
    ]
    store = Store()
    prefixes = {"xsd": "http://www.w3.org/2001/XMLSchema#"}
    for group in (terms[:5], terms[5:11], terms[11:15]):
        found = store.query(f"SELECT ?x WHERE {{ VALUES ?x {{ {' '.join(group)} }} }} ORDER BY ?x", prefixes=prefixes)
        engine = [row["x"] for row in found]  # type: ignore[index, union-attr]
        keyed = sorted(reversed(engine), key=lambda t: sort_key((t.value, _kind(t))))
        assert keyed == engine


def _kind(term: object) -> str:
    if isinstance(term, Literal):
        if term.language:
            return "@" + term.language
        return '"' if term.datatype.value.endswith("#string") else term.datatype.value
    return ""


SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
SEED_PARAMETERS = {
    "actor-timeline": [{"actor": "Lukashenka"}, {"actor": "belarus"}],
    "evidence": [{"relation": "meet"}],
    "theme": [{"theme": "peace"}],
    "events-by-root": [{"root": "04"}, {"root": "12"}],
}


def _answers_equal_the_sparql(output: Path) -> int:
    """Every named query through `kg query`'s facts equals its SPARQL; the rows compared."""
    compared = 0
    for name in sorted(named_queries()):
        for params in SEED_PARAMETERS.get(name, [{}]):
            variables, expected = _sparql(output, name, params)
            assert _facts_rows(output, name, params, 0, None) == (variables, expected, False), (name, params)
            assert _facts_rows(output, name, params, 3, 5)[1] == expected[3:8], (name, params)
            compared += len(expected)
    return compared


@pytest.mark.timeout(900)
def test_kg_build_keeps_the_facts_of_its_store_full_and_incremental(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "briefs"
    source.mkdir()
    for path in SEEDS[:3]:
        shutil.copy(path, source)
    output = tmp_path / "output"
    assert main(["build", str(source), "-o", str(output), "--quiet"]) == 0
    first = _answers_equal_the_sparql(output)
    edited = source / SEEDS[2].name  # edited: a name changes, a paragraph goes; one deleted, one added
    text = edited.read_text(encoding="utf-8").replace("Lukashenka", "Lukashenko")
    edited.write_text(text.replace(text.split("\n\n")[-2], ""), encoding="utf-8")
    (source / SEEDS[0].name).unlink()
    shutil.copy(SEEDS[3], source)

    # an incremental build starts from the previous file: making a new one would fail
    monkeypatch.setattr("kg.graph.answer_facts.TABLES", "SELECT raise(ABORT, 'a new facts file')")
    assert main(["build", str(source), "-o", str(output), "--quiet"]) == 0
    second = _answers_equal_the_sparql(output)
    assert first > 100 and second > 100 and first != second
