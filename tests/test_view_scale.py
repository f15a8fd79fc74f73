"""Large graphs: the layout computed in Python (kg.views.layout) and a graph page past
PHYSICS_LIMIT nodes that opens with physics off and the shipped positions. Timings are in
benchmarks/bench_views.py, not here."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from chromium import BUSIEST_NODE_POINT, CHROMIUM, offline_browser
from scipy.spatial import cKDTree
from synthetic import synthetic_store

from kg.views import write_views
from kg.views.graph import PHYSICS_LIMIT
from kg.views.layout import UNIT_PIXELS, spread_layout

LARGE = PHYSICS_LIMIT + 100


def _sized_graph(nodes: int, seed: int = 3) -> nx.Graph:
    graph = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    graph.add_edges_from((nodes + i, nodes + i + 1) for i in range(0, 20, 2))  # ten pieces apart from the rest
    for node in graph:
        graph.nodes[node]["size"] = round(10 + 6 * math.sqrt(graph.degree(node)))
    return graph


@pytest.fixture(scope="module")
def laid_out() -> tuple[nx.Graph, dict]:
    graph = _sized_graph(600)
    return graph, spread_layout(graph)


def test_layout_is_deterministic(laid_out: tuple[nx.Graph, dict]) -> None:
    graph, positions = laid_out
    assert spread_layout(graph) == positions
    assert spread_layout(graph, seed=8) != positions


def test_no_two_nodes_overlap(laid_out: tuple[nx.Graph, dict]) -> None:
    graph, positions = laid_out
    nodes = list(graph)
    points = np.array([positions[n] for n in nodes])
    sizes = np.array([graph.nodes[n]["size"] for n in nodes], dtype=float)
    pairs = cKDTree(points).query_pairs(2 * sizes.max(), output_type="ndarray")
    gaps = np.linalg.norm(points[pairs[:, 0]] - points[pairs[:, 1]], axis=1) - sizes[pairs[:, 0]] - sizes[pairs[:, 1]]
    assert gaps.min() > 0  # a click on a node always lands on that node


def test_neighbours_are_drawn_close_and_pieces_stay_in_view(laid_out: tuple[nx.Graph, dict]) -> None:
    graph, positions = laid_out
    points = {n: np.array(p) for n, p in positions.items()}
    edge_length = np.mean([np.linalg.norm(points[u] - points[v]) for u, v in graph.edges()])
    rng = np.random.default_rng(0)
    nodes = list(graph)
    random_pairs = [(nodes[a], nodes[b]) for a, b in rng.integers(0, len(nodes), size=(2000, 2)) if a != b]
    typical = np.mean([np.linalg.norm(points[u] - points[v]) for u, v in random_pairs])
    assert edge_length < 0.5 * typical  # in a random layout the two are the same
    extent = max(np.linalg.norm(p) for p in points.values())
    assert extent < 3 * math.sqrt(len(nodes)) * UNIT_PIXELS  # the ten small pieces did not drift away
    assert np.linalg.norm(np.mean(list(points.values()), axis=0)) < 1e-6  # centred on 0


def test_layout_of_tiny_graphs() -> None:
    assert spread_layout(nx.Graph()) == {}
    single = nx.Graph()
    single.add_node("a")
    assert spread_layout(single) == {"a": (0.0, 0.0)}


@pytest.fixture(scope="module")
def large_views(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("large")
    write_views(synthetic_store(folder / "store", LARGE, 2 * LARGE), folder / "views")
    return folder / "views"


def test_large_graph_ships_positions_and_starts_without_physics(large_views: Path) -> None:
    page = (large_views / "graph.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    assert match
    data = json.loads(match[1])
    assert len(data["nodes"]) == LARGE and len(data["edges"]) > LARGE
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["smooth"] is False and data["options"]["layout"]["improvedLayout"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == LARGE


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_large_graph_opens_still_and_answers_clicks(large_views: Path) -> None:
    with offline_browser() as browser:
        page = browser.new_page()
        page.goto((large_views / "graph.html").as_uri())
        page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=30_000)
        shipped = page.evaluate("""(() => {
            const v = window.kgView, node = v.nodes.get()[0];
            const at = v.network.getPositions([node.id])[node.id];
            return [node.x, node.y, at.x, at.y, v.network.physics.physicsEnabled, node.label];
        })()""")
        assert abs(shipped[0] - shipped[2]) <= 1 and abs(shipped[1] - shipped[3]) <= 1  # vis rounds positions
        assert shipped[4] is False  # drawn where Python put it, and still
        x, y, label = page.evaluate(BUSIEST_NODE_POINT)
        page.mouse.click(x, y)
        assert page.locator("#panel h2").inner_text() == label
    assert browser.blocked == [] and browser.errors == []
