"""`kg query` answers a page at a time (--limit, default 100; --offset; --limit 0 for all) in a
stable order, writes rows as the engine gives them, and looks an actor's IRI up once."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from pyoxigraph import Literal, Variable

from kg.cli import main
from kg.graph.queries import bind_nodes
from kg.graph.query_params import ACTOR_NAMES, NO_ACTOR, prepare_query
from kg.graph.sparql import Rows, select_rows
from kg.graph.store import KnowledgeStore
from tests.output_fixture import output_from

STATEMENTS = "SELECT ?s ?relation WHERE { ?s kg:relation/rdfs:label ?relation } ORDER BY ?s"


@pytest.fixture(scope="module")
def output(view_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return output_from(view_store, tmp_path_factory.mktemp("pages") / "output")


def query(output: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert main(["query", *args, "-o", str(output)]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_pages_follow_each_other_and_limit_0_gives_every_row(output: Path, capsys) -> None:
    everything, note = query(output, capsys, STATEMENTS, "--format", "csv", "--limit", "0")
    header, *rows = everything.splitlines()
    assert note == "" and len(rows) == 12
    pages = []
    for offset in range(0, 12, 5):
        page, note = query(output, capsys, STATEMENTS, "--format", "csv", "--limit", "5", "--offset", str(offset))
        assert page.splitlines()[0] == header
        pages += page.splitlines()[1:]
        last = min(offset + 5, 12)
        more = f"kg: rows {offset + 1}-{last} of more: --offset {last} for the next page, --limit 0 for all\n"
        assert note == (more if last < 12 else "")
    assert pages == rows


def test_the_table_says_where_the_next_page_starts(output: Path, capsys) -> None:
    table, note = query(output, capsys, STATEMENTS, "--limit", "3", "--offset", "3")
    assert note == ""
    assert table.splitlines()[-1] == "(3 rows; rows 4-6 of more: --offset 6 for the next page, --limit 0 for all)"
    assert query(output, capsys, STATEMENTS)[0].splitlines()[-1] == "(12 rows)"  # within the default 100


def test_json_and_json_lines_are_written_row_by_row_as_one_document(output: Path, capsys) -> None:
    rows = [line.split(",") for line in query(output, capsys, STATEMENTS, "--format", "csv")[0].splitlines()[1:]]
    expected = [{"s": s, "relation": r} for s, r in rows]
    listed, _ = query(output, capsys, STATEMENTS, "--format", "json")
    assert json.loads(listed) == expected
    assert listed == json.dumps(expected, indent=1) + "\n"
    lines, _ = query(output, capsys, STATEMENTS, "--format", "jsonl")
    assert [json.loads(line) for line in lines.splitlines()] == expected
    empty, _ = query(output, capsys, "SELECT ?s WHERE { ?s kg:relation relation:invade }", "--format", "json")
    assert empty == "[]\n"


class Endless:
    """Solutions that never end, counting how many were read."""

    def __init__(self) -> None:
        self.variables = [Variable("n")]
        self.read = 0

    def __iter__(self) -> Endless:
        return self

    def __next__(self) -> dict[Variable | str, Literal]:
        self.read += 1
        return {"n": Literal(str(self.read))}


def test_rows_are_read_as_they_are_wanted_and_the_reading_stops_with_the_page() -> None:
    solutions = Endless()
    page = select_rows(lambda _: solutions, "SELECT ?n WHERE { }", 10, offset=5, limit=3)
    assert isinstance(page, Rows) and page.variables == ["n"]
    assert [row[0].value for row in page.rows] == ["6", "7", "8"] and page.more
    everything = select_rows(lambda _: solutions, "SELECT ?n WHERE { }", 10)
    assert isinstance(everything, Rows)
    assert len(list(itertools.islice(everything.rows, 2000))) == 2000
    everything.rows.close()  # type: ignore[attr-defined]  # the writer stops: so does the reading
    read = solutions.read
    assert read < 2000 + 9 * 512 + 100  # at most the queue's chunks ahead, never the endless rest


def test_an_actor_is_looked_up_once_by_any_name_and_queried_by_its_iri(view_store: KnowledgeStore) -> None:
    sparql = prepare_query("actor-timeline", {"actor": "LUKASHENKO"}, view_store)
    assert "<http://example.org/kg/actor/alexander-lukashenko>" in sparql and "LCASE" not in sparql
    assert f"<{NO_ACTOR}>" in prepare_query("actor-timeline", {"actor": "Nobody Atall"}, view_store)
    rows = [[t.value for t in row] for row in view_store.query(ACTOR_NAMES.replace("?given", '"belarus"'))]  # type: ignore[union-attr]
    assert rows == [["http://example.org/kg/actor/belarus"]]


def test_a_name_two_actors_share_binds_both() -> None:
    bound = bind_nodes("SELECT ?x WHERE { ?x kg:subject ?actor }", {"actor": ["urn:a", "urn:b"]})
    assert bound == "SELECT ?x WHERE { VALUES ?actor { <urn:a> <urn:b> } ?x kg:subject ?actor }"
    one = bind_nodes("SELECT ?x WHERE { ?x kg:subject ?actor }", {"actor": ["urn:a"]})
    assert one == "SELECT ?x WHERE { ?x kg:subject <urn:a> }"
