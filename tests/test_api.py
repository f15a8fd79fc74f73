"""The Python API from a fresh interpreter, as a notebook uses it: string paths, light import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.build import BuildError
from kg.graph import KnowledgeStore
from tests.output_fixture import output_from

SCRIPT = r"""
import json, sys
import kg
heavy = sorted(m for m in ("spacy", "pyoxigraph", "networkx", "pandas", "rdflib") if m in sys.modules)
graph = kg.open(sys.argv[1])
rows = graph.query("actor-timeline", actor="lukashenko")
frame = graph.dataframe("SELECT ?relation (COUNT(*) AS ?n) WHERE { ?s kg:relation/rdfs:label ?relation } "
                        "GROUP BY ?relation ORDER BY DESC(?n) ?relation LIMIT 2")
network = graph.network()
print(json.dumps({
    "heavy_after_import": heavy,
    "version": kg.__version__,
    "rows": rows,
    "ask": graph.query("ASK { actor:russia relation:support actor:belarus }"),
    "describe": len(graph.query("DESCRIBE actor:wagner-group")),
    "frame": frame.to_dict("records"),
    "statements": [[s.doc, s.subject, s.relation, s.object] for s in graph.statements()],
    "network": [network.number_of_nodes(), network.number_of_edges()],
}))
"""


@pytest.fixture(scope="module")
def output(small_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = output_from(small_store, tmp_path_factory.mktemp("api") / "output")
    (folder / "statements.jsonl").write_text(
        json.dumps(
            {
                "doc": "brief-a",
                "segment": 1,
                "subject": "Russia",
                "relation": "support",
                "object": "Belarus",
                "polarity": "positive",
                "modality": "asserted",
                "date": "2024-03-01",
                "sentence": "Russia continues to support Belarus.",
                "start": 0,
                "end": 36,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.timeout(120)
def test_the_api_from_a_fresh_interpreter_with_string_paths(output: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(output)], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["heavy_after_import"] == []
    assert result["version"] == kg.__version__ != "0+unknown"
    assert result["rows"] == [
        {
            "date": None,
            "relation": "discuss",
            "object": "energy & <b>grid</b>",
            "polarity": "positive",
            "modality": "possible",
            "brief": "brief-b",
            "sentence": "Lukashenko may discuss the energy grid.",
        }
    ]
    assert result["ask"] is True
    assert result["describe"] > 0
    assert result["frame"] == [{"relation": "support", "n": 2}, {"relation": "discuss", "n": 1}]
    assert result["statements"] == [["brief-a", "Russia", "support", "Belarus"]]
    assert result["network"] == [8, 7]


def test_api_errors_are_kg_query_errors(output: Path) -> None:
    graph = kg.open(output)
    with pytest.raises(kg.QueryError, match="missing parameter actor"):
        graph.query("actor-timeline")
    with pytest.raises(kg.QueryError, match="a DataFrame holds the rows of a SELECT query, not of an ASK"):
        graph.dataframe("ASK { ?s ?p ?o }")
    with pytest.raises(BuildError, match="no build found"):
        kg.open(output.parent / "nothing")


def test_export_from_the_api(output: Path, tmp_path: Path) -> None:
    graph = kg.open(str(output))
    assert graph.export(str(tmp_path / "g.graphml"), "graphml") == tmp_path / "g.graphml"
    assert (tmp_path / "g.graphml").read_text(encoding="utf-8").startswith("<?xml")


def test_a_dataframe_without_pandas_says_how_to_get_it(output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what `import pandas` meets where it is not installed
    with pytest.raises(ImportError, match=r"^KnowledgeGraph.dataframe needs pandas: pip install pandas$"):
        kg.open(output).dataframe("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    assert kg.open(output).query("SELECT ?l WHERE { actor:russia skos:prefLabel ?l }") == [{"l": "Russia"}]
