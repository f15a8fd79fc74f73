"""Exports for network and table tools: GraphML and GEXF (networkx reads them back with the same
counts and attributes), Gephi's CSV pair, and JSON-LD compacted with the project's prefixes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.cli import main
from kg.graph.store import KnowledgeStore
from kg.views.data import read_view_data
from tests.output_fixture import output_from

BASE = "http://example.org/kg/"
EXPEL = f"{BASE}statement/brief-c/3"


@pytest.fixture(scope="module")
def output(view_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return output_from(view_store, tmp_path_factory.mktemp("network") / "output")


@pytest.fixture(scope="module")
def counts(view_store: KnowledgeStore) -> tuple[int, int]:
    data = read_view_data(view_store)
    return len(data.degree()), len(data.statements)


def export(output: Path, *args: str) -> int:
    return main(["export", "-o", str(output), *args])


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back_in_networkx(output: Path, tmp_path: Path, counts, fmt: str, reader) -> None:
    target = tmp_path / f"graph.{fmt}"
    assert export(output, "--format", fmt, "-f", str(target)) == 0
    graph = reader(target)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == counts == (9, 12)
    assert graph.is_directed() and graph.is_multigraph()
    belarus = graph.nodes[f"{BASE}actor/belarus"]
    assert (belarus["label"], belarus["type"], belarus["cameo_code"], belarus["statements"]) == (
        "Belarus",
        "Country",
        "BLR",
        7,
    )
    assert graph.nodes[f"{BASE}theme/election-results"]["type"] == "Theme"
    [(_, _, expel)] = [e for e in graph.edges(f"{BASE}actor/belarus", data=True) if e[2].get("relation") == "expel"]
    assert expel["event_code"] == "174"
    assert float(expel["goldstein"]) == -5.0
    assert int(expel["quad_class"]) == 4
    assert (expel["date"], expel["brief"], expel["polarity"], expel["modality"]) == (
        "2024-06-02",
        "brief-c",
        "positive",
        "asserted",
    )


def test_csv_writes_gephis_node_and_edge_tables(output: Path, tmp_path: Path, counts) -> None:
    folder = tmp_path / "gephi"
    assert export(output, "--format", "csv", "-f", str(folder)) == 0
    with (folder / "nodes.csv").open(encoding="utf-8") as stream:
        nodes = list(csv.DictReader(stream))
    with (folder / "edges.csv").open(encoding="utf-8") as stream:
        edges = list(csv.DictReader(stream))
    assert (len(nodes), len(edges)) == counts
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:5] == ["Source", "Target", "Type", "Id", "Label"]
    [expel] = [e for e in edges if e["Id"] == EXPEL]
    assert (expel["Source"], expel["Target"], expel["Label"], expel["event_code"], expel["goldstein"]) == (
        f"{BASE}actor/belarus",
        f"{BASE}actor/lithuania",
        "expel",
        "174",
        "-5.0",
    )
    assert {n["Id"] for n in nodes} >= {expel["Source"], expel["Target"]}


def test_csv_needs_a_folder(output: Path, capsys) -> None:
    assert export(output, "--format", "csv") == 1
    assert capsys.readouterr().err == (
        "kg: error: --format csv writes nodes.csv and edges.csv: name their folder with -f FOLDER\n"
    )


def test_json_ld_is_compacted_with_the_projects_prefixes(output: Path, tmp_path: Path) -> None:
    assert export(output, "--format", "jsonld", "-f", str(tmp_path / "g.jsonld")) == 0
    assert export(output, "--format", "nt", "-f", str(tmp_path / "g.nt")) == 0
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["actor"] == f"{BASE}actor/"
    assert document["@context"]["kg"] == "https://w3id.org/briefkg/ontology#"
    [belarus] = [n for n in document["@graph"] if n["@id"] == "actor:belarus"]
    assert "kg:Country" in belarus["@type"]
    graph = rdflib.Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert isomorphic(graph, rdflib.Graph().parse(tmp_path / "g.nt", format="nt"))


def test_a_missing_folder_is_one_line_and_writes_nothing(output: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "missing" / "dir" / "x.ttl"
    assert export(output, "-f", str(target)) == 1
    assert capsys.readouterr().err == f"kg: error: cannot write {target}: the folder {target.parent} does not exist\n"
    assert not (tmp_path / "missing").exists()
