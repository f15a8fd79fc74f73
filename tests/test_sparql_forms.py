"""SPARQL as the standard has it through `kg query`: the four query forms, each in the formats
that fit it; errors at the user's own lines; updates, misspelt forms and unknown names told
apart; queries past the limits refused before the engine sees them; a time limit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.cli import main
from kg.graph.sparql import MAX_NESTING, QueryError, QueryRefused, check_query, nesting_depth
from kg.graph.store import KnowledgeStore
from tests.output_fixture import output_from

CONSTRUCT = "CONSTRUCT { ?a skos:prefLabel ?l } WHERE { ?s kg:subject ?a . ?a skos:prefLabel ?l }"
DESCRIBE = "DESCRIBE actor:wagner-group"


@pytest.fixture(scope="module")
def output(small_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return output_from(small_store, tmp_path_factory.mktemp("forms") / "output")


def run(output: Path, capsys: pytest.CaptureFixture[str], query: str, *options: str) -> tuple[int, str, str]:
    code = main(["query", query, "-o", str(output), *options])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ASK { ?s kg:relation relation:sanction }", True), ("ASK { ?s kg:relation relation:invade }", False)],
)
def test_ask_prints_true_or_false_and_sparql_json(output: Path, capsys, query: str, expected: bool) -> None:
    assert run(output, capsys, query) == (0, f"{str(expected).lower()}\n", "")
    code, out, _ = run(output, capsys, query, "--format", "json")
    assert code == 0
    assert json.loads(out) == {"head": {}, "boolean": expected}


def _graph(text: str, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format=fmt)


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
def test_graph_results_in_turtle_n_triples_and_json_ld(output: Path, capsys, query: str) -> None:
    code, nt, _ = run(output, capsys, query, "--format", "nt")
    assert code == 0
    expected = _graph(nt, "nt")
    assert len(expected) > 0
    for fmt, parser in (("table", "turtle"), ("turtle", "turtle"), ("jsonld", "json-ld"), ("json", "json-ld")):
        code, text, _ = run(output, capsys, query, "--format", fmt)
        assert code == 0
        assert isomorphic(_graph(text, parser), expected), fmt
    if query == CONSTRUCT:
        labels = {str(o) for o in expected.objects()}
        assert labels == {"Russia", "European Union", "Wagner Group", "Alexander Lukashenko"}
        code, text, _ = run(output, capsys, query, "--format", "jsonld")
        document = json.loads(text)
        assert document["@context"]["skos"] == "http://www.w3.org/2004/02/skos/core#"
        assert any("skos:prefLabel" in node for node in document["@graph"])
    else:
        assert (rdflib.URIRef("http://example.org/kg/actor/wagner-group"), None, None) in expected


def test_select_as_tsv(output: Path, capsys) -> None:
    code, out, _ = run(
        output, capsys, "SELECT ?l WHERE { actor:russia skos:prefLabel ?l } ORDER BY ?l", "--format", "tsv"
    )
    assert code == 0
    assert out.splitlines()[0] == "l"
    assert "Russia" in out.splitlines()[1:]


def test_a_format_that_does_not_fit_the_form_is_wrong_usage(output: Path, capsys) -> None:
    code, _, err = run(output, capsys, "ASK { ?s ?p ?o }", "--format", "csv")
    assert code == 2
    assert err == "kg: error: --format csv does not fit an ASK query: use table, json\n"
    code, _, err = run(output, capsys, CONSTRUCT, "--format", "csv")
    assert (code, err.count("\n")) == (2, 1)


def test_syntax_errors_name_the_users_own_line(output: Path, capsys) -> None:
    code, _, err = run(output, capsys, "SELECT ?x\nWHERE {\n  ?x ?y\n}")
    assert code == 1
    assert err.startswith("kg: error: the query does not parse: line 4, column ")
    assert err.count("\n") == 1


def test_misspelt_form_update_and_unknown_name_each_have_their_message(output: Path, capsys) -> None:
    code, _, err = run(output, capsys, "SELEC ?x WHERE { ?x ?y ?z }")
    assert (code, err) == (
        1,
        "kg: error: the query does not parse: line 1, column 1: expected SELECT, ASK, CONSTRUCT or DESCRIBE, "
        "found 'SELEC'\n",
    )
    code, _, err = run(output, capsys, "PREFIX a: <urn:a#>\nINSERT DATA { a:b a:c a:d }")
    assert code == 1
    assert err.startswith("kg: error: 'INSERT' starts a SPARQL Update: kg query only reads the graph")
    code, _, err = run(output, capsys, "actr-timeline")
    assert code == 2
    assert err.startswith("kg: error: no named query 'actr-timeline': did you mean actor-timeline?")


def test_nesting_is_measured_outside_strings_comments_and_iris() -> None:
    assert nesting_depth('SELECT * WHERE { ?s ?p "{{{{((" } # {{{{\n') == 1
    assert nesting_depth("SELECT * WHERE { { ?s <urn:a(b> ?o } FILTER((1)) }") == 3
    assert check_query("PREFIX x: <urn:x#>\n# a comment\nask { ?s ?p ?o }") == "ASK"
    deep = "SELECT * WHERE " + "{" * (MAX_NESTING + 1) + " ?s ?p ?o " + "}" * (MAX_NESTING + 1)
    with pytest.raises(QueryRefused, match=f"nests brackets {MAX_NESTING + 1} deep"):
        check_query(deep)
    with pytest.raises(QueryRefused, match="characters long"):
        check_query("SELECT * WHERE { ?s ?p ?o }" + " " * 300_000)
    with pytest.raises(QueryError, match="found 'the end of the query'"):
        check_query("PREFIX x: <urn:x#>")


@pytest.mark.timeout(60)
def test_a_deeply_nested_query_gets_a_one_line_refusal_not_a_crash(output: Path) -> None:
    """4.4 KB of nested braces made `kg query` die by stack overflow (exit 139)."""
    query = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", query, "-o", str(output)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr == (
        "kg: error: the query nests brackets 3000 deep; kg runs queries nested at most 64 deep "
        "(deeper ones can crash the SPARQL engine)\n"
    )


@pytest.mark.timeout(60)
def test_a_query_past_its_time_limit_stops_with_one_line(output: Path) -> None:
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", endless, "-o", str(output), "--timeout", "0.5"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert done.returncode == 1
    assert done.stderr == "kg: error: the query ran past its time limit of 0.5 s (--timeout SECONDS sets it)\n"


def test_csv_and_tsv_rows_go_out_in_blocks_and_those_before_a_failure_are_written() -> None:
    """Rows are encoded a block at a time (`BLOCK_ROWS`): a block boundary changes no byte, and
    when the rows stop with an error (a query's time limit) every row that came is written."""
    import io

    from kg.graph.results import BLOCK_ROWS, write_rows

    cells = [[f"r{i}", 'say "no", then\nleave', "a\tb\\c"] for i in range(BLOCK_ROWS + 5)]

    def failing() -> object:
        yield from cells
        raise TimeoutError("the query ran out of time")

    for fmt, expected_last in (
        ("csv", f'r{BLOCK_ROWS + 4},"say ""no"", then\nleave",a\tb\\c\n'),
        ("tsv", f'r{BLOCK_ROWS + 4}\tsay "no", then\\nleave\ta\\tb\\\\c\n'),
    ):
        whole = io.BytesIO()
        assert write_rows(["x", "y", "z"], iter(cells), fmt, whole) == BLOCK_ROWS + 5
        text = whole.getvalue().decode()
        assert text.startswith("x,y,z\nr0," if fmt == "csv" else "x\ty\tz\nr0\t")
        assert text.endswith(expected_last)
        cut = io.BytesIO()
        with pytest.raises(TimeoutError):
            write_rows(["x", "y", "z"], failing(), fmt, cut)  # type: ignore[arg-type]
        assert cut.getvalue() == whole.getvalue()


@pytest.mark.parametrize("columns", [1, 2, 5])
def test_csv_is_written_as_pythons_csv_module_writes_it(columns: int) -> None:
    """The CSV of the rows is byte for byte what `csv.writer` writes, whatever the cells hold:
    commas, quotes, line breaks, carriage returns, empty cells, spaces, other scripts."""
    import csv
    import io
    import random

    from kg.graph.results import write_rows

    pieces = ["", "a", " ", ",", '"', "\n", "\r", "\r\n", "\t", "'", ";", "Лукашэнка", "x y", '""', "\\"]
    rng = random.Random(3)
    rows = [["".join(rng.choices(pieces, k=rng.randint(0, 4))) for _ in range(columns)] for _ in range(3000)]
    for with_cr in (True, False):  # a block with a carriage return, and blocks without any
        cells = rows if with_cr else [[c.replace("\r", "") for c in row] for row in rows]
        expected = io.StringIO(newline="")
        writer = csv.writer(expected, lineterminator="\n")
        writer.writerow([f"v{i}" for i in range(columns)])
        writer.writerows(cells)
        out = io.BytesIO()
        write_rows([f"v{i}" for i in range(columns)], iter(cells), "csv", out, texts=True)
        assert out.getvalue().decode() == expected.getvalue()
