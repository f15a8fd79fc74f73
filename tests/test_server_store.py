"""`--store URL`: the graph in a SPARQL 1.1 server (`oxigraph serve`, started here on a free
port) gives the products and answers the embedded store gives; incremental builds against the
server equal a clean build; a build SIGKILLed while it writes leaves every brief's graph on the
server old or new, and the next build repairs the rest."""

from __future__ import annotations

import base64
import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, QueryResultsFormat, parse_query_results
from test_brief_limits import run_kg

from kg.build import build
from kg.cli import main
from kg.graph import STAGED_SUFFIX, KnowledgeStore, ServerStore
from kg.graph.protocol import Endpoints, SparqlClient

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
PRODUCTS = ("graph.ttl", "statements.jsonl", "index.html", "graph.html", "timeline.html")
ADDED = (
    "Border note\nMay 4, 2016\n\n"
    "On 3 May 2016, Latvia invited Estonian officials to joint exercises near the border.\n\n"
    "Estonia rejected the proposal of a shared air patrol.\n"
)
EDIT = "\nOn 9 May 2016, Finland welcomed the decision of Norway to reopen its consulate.\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A writable `oxigraph serve` on a free port, killed after the test."""
    port = free_port()
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(tmp_path / "server-data"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.kill()
        process.wait(10)


def graph_contents(url: str) -> dict[str, set[str]]:
    """Every named graph on the server: its IRI -> its triples (in N-Triples)."""
    query = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    request = urllib.request.Request(
        f"{url}/query?{urllib.parse.urlencode({'query': query})}",
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        solutions = parse_query_results(response.read(), format=QueryResultsFormat.JSON)
    graphs: dict[str, set[str]] = {}
    for row in solutions:  # type: ignore[union-attr]
        graphs.setdefault(row["g"].value, set()).add(f"{row['s']} {row['p']} {row['o']}")
    return graphs


def embedded_contents(output: Path) -> dict[str, set[str]]:
    """The same of an embedded build's store."""
    graphs: dict[str, set[str]] = {}
    for quad in KnowledgeStore(output / "store", "", read_only=True).quads():
        graphs.setdefault(quad.graph_name.value, set()).add(f"{quad.subject} {quad.predicate} {quad.object}")
    return graphs


def brief_graphs(graphs: dict[str, set[str]]) -> dict[str, set[str]]:
    return {g: triples for g, triples in graphs.items() if "/brief/" in g and not g.endswith(STAGED_SUFFIX)}


def answer(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("embedded") / "output"
    build(SEEDS, output)
    return output


@pytest.mark.timeout(300)
def test_a_server_build_gives_the_products_and_answers_of_the_embedded_store(
    server: str, embedded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "output"
    summary = build(SEEDS, output, store_url=server)
    assert summary.triples == json.loads((embedded / "build.json").read_text())["triples"]
    assert not (output / "store").exists()
    for name in PRODUCTS:
        assert (output / name).read_bytes() == (embedded / name).read_bytes(), name
    for query in ("pair-counts", "who-did-what", "ASK { ?s kg:relation ?r }"):
        expected = answer(["query", query, "-o", str(embedded), "--format", "json"], capsys)
        assert answer(["query", query, "-o", str(output), "--format", "json"], capsys) == expected
        # --store alone: an analyst without the output folder reads the server
        assert answer(
            ["query", query, "--store", server, "-o", str(tmp_path / "none"), "--format", "json"], capsys
        ) == (expected)
    for fmt in ("trig", "jsonld", "nt"):
        assert answer(["export", "--format", fmt, "-o", str(output)], capsys) == answer(
            ["export", "--format", fmt, "-o", str(embedded)], capsys
        )
    assert answer(["validate", "-o", str(output)], capsys).startswith("conforms")
    views = tmp_path / "views"
    answer(["view", "--store", server, "-o", str(views)], capsys)
    assert (views / "graph.html").read_bytes() == (embedded / "graph.html").read_bytes()


@pytest.mark.timeout(400)
def test_an_incremental_build_on_the_server_equals_a_clean_one(server: str, tmp_path: Path) -> None:
    source = tmp_path / "briefs"
    shutil.copytree(SEEDS, source)
    output = tmp_path / "output"
    build(source, output, store_url=server)
    first, second = sorted(source.glob("*.txt"))[:2]
    first.write_text(first.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    second.unlink()
    (source / "zz_added.txt").write_text(ADDED, encoding="utf-8")
    summary = build(source, output, store_url=server)
    assert summary.changes == "1 changed, 1 added, 1 removed"
    clean = tmp_path / "clean"
    build(source, clean)
    for name in PRODUCTS:
        assert (output / name).read_bytes() == (clean / name).read_bytes(), name
    graphs = graph_contents(server)
    assert brief_graphs(graphs) == brief_graphs(embedded_contents(clean))  # the removed brief's graph is gone
    assert not any(g.endswith(STAGED_SUFFIX) for g in graphs)
    assert run_kg("export", "--format", "trig", "-o", str(output)).stdout == (
        run_kg("export", "--format", "trig", "-o", str(clean)).stdout
    )


@pytest.mark.timeout(400)
def test_a_build_killed_while_writing_to_the_server_leaves_each_graph_old_or_new(server: str, tmp_path: Path) -> None:
    source = tmp_path / "briefs"
    shutil.copytree(SEEDS, source)
    output = tmp_path / "output"
    build(source, output, store_url=server)
    old = brief_graphs(graph_contents(server))
    paths = sorted(source.glob("*.txt"))
    texts = [path.read_bytes() for path in paths]
    for path, text in zip(paths, texts[1:] + texts[:1], strict=True):  # every brief's text changes
        path.write_bytes(text)
    clean = tmp_path / "clean"
    build(source, clean)
    new = brief_graphs(embedded_contents(clean))
    assert set(new) == set(old) and all(new[g] != old[g] for g in old)
    # batches of two briefs or more (the seeds would fit in one): the kill falls between two;
    # briefs extracted one at a time (not parsed together), so that their graphs come apart in time
    batch = max(len(triples) for triples in new.values()) + 1
    command = ["build", str(source), "-o", str(output), "--store", server, "-q"]
    builder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import kg.graph.server; kg.graph.server.BATCH_TRIPLES = {batch}; "
            "import kg.build.parallel; kg.build.parallel.BATCH_BRIEFS = 1; "
            f"from kg.cli import main; raise SystemExit(main({command!r}))",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        while builder.poll() is None and time.monotonic() < deadline:
            if any(old[g] != triples for g, triples in brief_graphs(graph_contents(server)).items()):
                break
            time.sleep(0.02)
        assert builder.poll() is None, "the build ended before it was killed: nothing was tested"
        builder.send_signal(signal.SIGKILL)
    finally:
        builder.kill()
        builder.wait(30)
    after = brief_graphs(graph_contents(server))
    assert set(after) == set(old)
    assert all(after[g] in (old[g], new[g]) for g in after), [g for g in after if after[g] not in (old[g], new[g])]
    assert any(after[g] == new[g] for g in after) and any(after[g] == old[g] for g in after)
    result = run_kg("build", str(source), "-o", str(output), "--store", server, "-q")
    assert result.returncode == 0, result.stderr
    for name in PRODUCTS:
        assert (output / name).read_bytes() == (clean / name).read_bytes(), name
    assert brief_graphs(graph_contents(server)) == new
    assert not (output / ".store-journal.json").exists()
    assert not any(g.endswith(STAGED_SUFFIX) for g in graph_contents(server))


def test_brief_graphs_go_several_to_a_request_with_their_literals_intact(server: str) -> None:
    base = "http://example.org/kg/"
    store = ServerStore(server, base)
    texts = ['a "quoted" word', "back\\slash \\u0041 not an escape", "two\nlines\tand a tab", "control \x01", "Zürich"]
    graphs = [NamedNode(f"{base}brief/{n}") for n in range(len(texts))]
    note = NamedNode(f"{base}note")
    for graph, text in zip(graphs, texts, strict=True):
        store.put_brief(graph, [Quad(graph, note, Literal(text), graph)])
    assert not brief_graphs(graph_contents(server))  # waiting in one batch
    store.put_brief(graphs[0], [Quad(graphs[0], note, Literal("replaced"), graphs[0])])  # twice in a batch
    found = {g.value: {str(q.object) for q in store.quads() if q.graph_name == g} for g in store.graphs()}
    assert found == {g.value: {str(Literal(t))} for g, t in zip(graphs, ["replaced", *texts[1:]], strict=True)}


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    result = run_kg("query", "pair-counts", "--store", url, "-o", str(tmp_path / "none"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"kg: error: cannot reach the SPARQL server at {url}/query: [Errno 111] Connection refused"
    ]


def test_credentials_come_from_the_environment_or_a_netrc_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine sparql.example.org login analyst password s3cret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    assert SparqlClient(Endpoints.of("https://sparql.example.org/kg"))._authorization == (
        "Basic " + base64.b64encode(b"analyst:s3cret").decode()
    )
    assert SparqlClient(Endpoints.of("https://other.example.org"))._authorization is None
    monkeypatch.setenv("KG_STORE_USER", "reader")
    monkeypatch.setenv("KG_STORE_PASSWORD", "from-env")
    assert SparqlClient(Endpoints.of("https://sparql.example.org/kg"))._authorization == (
        "Basic " + base64.b64encode(b"reader:from-env").decode()
    )


def test_the_url_names_oxigraph_or_a_fuseki_dataset() -> None:
    assert Endpoints.of("http://host:7878") == Endpoints(
        "http://host:7878/query", "http://host:7878/update", "http://host:7878/store"
    )
    assert Endpoints.of("http://host:3030/kg/") == Endpoints(
        "http://host:3030/kg/query", "http://host:3030/kg/update", "http://host:3030/kg/data"
    )
