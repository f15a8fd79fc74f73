"""The seeds' whole-graph view is a relationship graph: statements about themes aimed at actors
are drawn as actor-to-actor edges, counted in headless Chromium (Debian's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chromium import CHROMIUM, offline_browser

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
TARGET_PAIRS = """SELECT DISTINCT ?subject ?target WHERE {
  ?s a kg:Statement ; kg:subject/skos:prefLabel ?subject ; kg:target/skos:prefLabel ?target .
  FILTER(lang(?subject) = "en" && lang(?target) = "en")
}"""
ACTOR_EDGES = """(() => { const v = window.kgView, nodes = new Map(v.nodes.get().map(n => [n.id, n]));
  return v.edges.get().filter(e => nodes.get(e.from).kind !== "Theme" && nodes.get(e.to).kind !== "Theme")
    .map(e => [nodes.get(e.from).label, nodes.get(e.to).label, e.label]); })()"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.mark.timeout(300)
def test_the_seeds_graph_draws_an_edge_from_each_actor_to_its_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "output"
    assert main(["build", str(ROOT / "seeds"), "-o", str(output), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["query", TARGET_PAIRS, "-o", str(output), "--format", "json", "--limit", "0"]) == 0
    pairs = {(row["subject"], row["target"]) for row in json.loads(capsys.readouterr().out)}
    assert len(pairs) >= 30
    with offline_browser() as offline:
        page = offline.new_page()
        page.goto((output / "graph.html").as_uri())
        page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=20_000)
        edges = page.evaluate(ACTOR_EDGES)
        assert not offline.errors and not offline.blocked
    drawn = {(subject, target) for subject, target, _ in edges}
    assert pairs <= drawn
    assert len(edges) >= len(pairs)
    # the theme a statement was about goes on the edge joining the two actors
    assert ["Ukrainian Foreign Ministry", "Belarus", "reject: proposal"] in edges  # "Belarus’ proposal": Belarus's
