"""`kg serve` over HTTP: SPARQLWrapper gets real rows from a built store, updates are refused,
and a new build is served once it lands."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PREFIXES = """PREFIX kg: <https://w3id.org/briefkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX relation: <http://example.org/kg/relation/>
"""
WHO_REFUSED = (
    PREFIXES
    + """SELECT ?subject ?object WHERE {
  ?s kg:relation relation:refuse ; kg:subject/skos:prefLabel ?subject ; kg:object/(skos:prefLabel|rdfs:label) ?object
} ORDER BY ?subject ?object"""
)
STATEMENTS = PREFIXES + "SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Statement }"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("briefs")
    for path in SEEDS:
        shutil.copy(path, folder)
    return folder


@pytest.fixture(scope="module")
def server(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    output = tmp_path_factory.mktemp("served") / "output"
    assert main(["build", str(source), "-o", str(output), "--quiet"]) == 0
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "-o", str(output), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    announced = process.stdout.readline()
    triples = json.loads((output / "build.json").read_text(encoding="utf-8"))["triples"]
    expected = (
        f"serving {output} (5 briefs, {triples} triples) at http://127.0.0.1:{port}/query (read only); Ctrl-C stops\n"
    )
    if announced != expected:
        process.kill()
        pytest.fail(f"announced {announced!r}, expected {expected!r}; stderr: {process.communicate()[1]}")
    yield f"http://127.0.0.1:{port}", output
    process.terminate()
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0 and err == "kg: stopped serving\n"
    assert not list(output.glob(".serving-*"))  # the snapshot goes with the server


def select(url: str, query: str) -> list[dict[str, str]]:
    client = SPARQLWrapper(f"{url}/query")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index, call-overload]
    return [{name: value["value"] for name, value in row.items()} for row in bindings]


def built_statements(output: Path) -> str:
    return str(json.loads((output / "build.json").read_text(encoding="utf-8"))["statements"])


def test_select_returns_rows_from_the_built_store(server: tuple[str, Path]) -> None:
    url, output = server
    assert select(url, WHO_REFUSED) == [
        {"subject": "Alexander Lukashenko", "object": "Ukrainian crisis"},
        {"subject": "neighbouring countries of the Alliance", "object": "dialogue"},
    ]
    assert select(url, STATEMENTS) == [{"n": built_statements(output)}] == [{"n": "160"}]


def test_updates_are_refused(server: tuple[str, Path]) -> None:
    url, output = server
    client = SPARQLWrapper(f"{url}/update")
    client.setMethod(POST)
    client.setQuery(PREFIXES + "INSERT DATA { <http://example.org/x> a kg:Statement }")
    with pytest.raises(HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert select(url, STATEMENTS) == [{"n": built_statements(output)}]


def test_a_new_build_is_served_once_it_lands(server: tuple[str, Path], source: Path) -> None:
    url, output = server
    (source / SEEDS[0].name).unlink()
    assert main(["build", str(source), "-o", str(output), "--quiet"]) == 0
    rebuilt = built_statements(output)  # the seeds but the first
    assert int(rebuilt) < 157
    for _ in range(120):  # 30 s at most
        try:
            if select(url, STATEMENTS) == [{"n": rebuilt}]:
                break
        except OSError:
            pass  # the server restarts on the new build
        time.sleep(0.25)
    assert select(url, STATEMENTS) == [{"n": rebuilt}]
    assert select(url, WHO_REFUSED) == [{"subject": "neighbouring countries of the Alliance", "object": "dialogue"}]


def test_a_port_in_use_is_a_one_line_error(server: tuple[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    url, output = server
    port = url.rsplit(":", 1)[1]
    assert main(["serve", "-o", str(output), "--port", port]) == 1
    assert capsys.readouterr().err == (
        f"kg: error: cannot listen on 127.0.0.1:{port}: Address already in use (try --port)\n"
    )
