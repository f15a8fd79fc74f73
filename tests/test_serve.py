"""`kg serve` over HTTP: SPARQLWrapper gets real rows from a built store, updates are refused,
and a new build is served once it lands."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

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
        [sys.executable, "-m", "kg.cli", "serve", "-o", str(output), "--port", str(port), "--timeout", "2"],
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
    assert select(url, STATEMENTS) == [{"n": built_statements(output)}] == [{"n": "195"}]


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
    assert int(rebuilt) < 195
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


DEEP = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000  # 6 KB: it killed the server
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # answers at the end
STREAMING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # answers as it goes, for hours


def http_answer(request: Request) -> tuple[int, str]:
    try:
        with urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.timeout(120)
def test_a_deeply_nested_query_is_refused_in_one_line_and_the_server_keeps_serving(server: tuple[str, Path]) -> None:
    url, _ = server
    refusal = (
        "kg serve: the query nests brackets 3000 deep; kg runs queries nested at most 64 deep "
        "(deeper ones can crash the SPARQL engine)\n"
    )
    requests = [
        Request(f"{url}/query?{urlencode({'query': DEEP})}"),
        Request(f"{url}/query", data=urlencode({"query": DEEP}).encode(), method="POST"),
        Request(f"{url}/query", data=DEEP.encode(), headers={"Content-Type": "application/sparql-query"}),
    ]
    for request in requests:
        assert http_answer(request) == (400, refusal)
        assert select(url, "SELECT ?one WHERE { BIND(1 AS ?one) }") == [{"one": "1"}]


@pytest.mark.timeout(120)
def test_a_query_past_the_time_limit_is_stopped_and_the_server_keeps_serving(server: tuple[str, Path]) -> None:
    url, _ = server
    started = time.monotonic()
    status, _ = http_answer(Request(f"{url}/query?{urlencode({'query': ENDLESS})}"))
    assert status >= 500
    assert time.monotonic() - started < 30
    assert select(url, "SELECT ?one WHERE { BIND(1 AS ?one) }") == [{"one": "1"}]
    started = time.monotonic()
    with urlopen(Request(f"{url}/query?{urlencode({'query': STREAMING})}"), timeout=60) as response:
        while response.read(1 << 20):  # the gate passes the rows on as they come, and cuts them at the limit
            assert time.monotonic() - started < 30
    assert select(url, "SELECT ?one WHERE { BIND(1 AS ?one) }") == [{"one": "1"}]


def oxigraph_servers(output: Path) -> list[int]:
    """The pids of the Oxigraph servers reading a snapshot of `output` (kg serve's children)."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue  # ended meanwhile
        if b"--location" in words and any(str(output).encode() + b"/.serving-" in word for word in words):
            pids.append(int(cmdline.parent.name))
    return pids


@pytest.mark.timeout(120)
@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the server's process in /proc")
def test_a_server_that_stops_is_restarted(server: tuple[str, Path]) -> None:
    url, output = server
    [pid] = oxigraph_servers(output)
    os.kill(pid, signal.SIGKILL)  # what a crash of the engine looks like from kg serve
    deadline = time.monotonic() + 30
    while True:
        try:
            assert select(url, "SELECT ?one WHERE { BIND(1 AS ?one) }") == [{"one": "1"}]
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    [restarted] = oxigraph_servers(output)
    assert restarted != pid
