"""Node positions for graphs too large for the browser to lay out: a force-directed layout in
Python, shipped with the page so the browser draws at once with physics off.

networkx's `spring_layout` computes every pair's repulsion: measured here, 53 s for 5,000 nodes
(its 'energy' method, 50 iterations). This is Fruchterman & Reingold's algorithm ("Graph Drawing by
Force-directed Placement", Software: Practice and Experience 21(11), 1991) in the grid variant
they give for large graphs: a node repels only the nodes within 2k of it (k is the ideal edge
length), found here with a k-d tree, so an iteration costs about O(n log n) instead of O(n^2).
Attraction along edges is d^2/k and repulsion k^2/d, as in the paper; moves are capped by a
temperature that cools geometrically. A weak pull towards the centre (ForceAtlas2's gravity,
Jacomy et al. 2014) keeps unconnected pieces from drifting away, so they pack around the main
component. Start positions are random in a square of the final area, from a fixed seed: the same
graph gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

UNIT_PIXELS = 110.0  # the ideal edge length k, in vis-network's canvas pixels
ITERATIONS = 150
GRAVITY = 0.03
FINAL_TEMPERATURE = 0.02  # in units of k


def spread_layout(graph: nx.Graph, seed: int = 7, iterations: int = ITERATIONS) -> dict[Hashable, tuple[float, float]]:
    """Positions (in canvas pixels, centred on 0) of every node of `graph`, whose edges are taken
    as undirected and unweighted."""
    nodes = list(graph.nodes)
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = math.sqrt(count)
    position = rng.uniform(-side / 2, side / 2, size=(count, 2))
    temperature = side / 8
    cooling = (
        (FINAL_TEMPERATURE / temperature) ** (1 / max(iterations - 1, 1)) if temperature > FINAL_TEMPERATURE else 1
    )
    for _ in range(iterations):
        move = _repulsion(position, count) - _attraction(position, edges, count) - GRAVITY * position
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        position += move * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cooling
    position -= position.mean(axis=0)
    return {
        node: (float(x) * UNIT_PIXELS, float(y) * UNIT_PIXELS) for node, (x, y) in zip(nodes, position, strict=True)
    }


def _repulsion(position: np.ndarray, count: int) -> np.ndarray:
    """k^2/d (k = 1) between every two nodes closer than 2k, pushing them apart."""
    near = cKDTree(position).query_pairs(2.0, output_type="ndarray")
    if len(near) == 0:
        return np.zeros_like(position)
    delta = position[near[:, 0]] - position[near[:, 1]]
    squared = np.maximum((delta**2).sum(axis=1), 1e-4)
    force = delta / squared[:, None]  # unit vector * k^2/d
    return _gather(near, force, count)


def _attraction(position: np.ndarray, edges: np.ndarray, count: int) -> np.ndarray:
    """d^2/k along each edge, pulling its ends together (returned as the pull on the first end
    towards the second, negated for the second)."""
    if len(edges) == 0:
        return np.zeros_like(position)
    delta = position[edges[:, 0]] - position[edges[:, 1]]
    force = delta * np.linalg.norm(delta, axis=1)[:, None]  # unit vector * d^2/k
    return _gather(edges, force, count)


def _gather(pairs: np.ndarray, force: np.ndarray, count: int) -> np.ndarray:
    """The sum of the forces on each node: +force on a pair's first node, -force on its second."""
    total = np.empty((count, 2))
    for axis in range(2):
        total[:, axis] = np.bincount(pairs[:, 0], force[:, axis], count) - np.bincount(
            pairs[:, 1], force[:, axis], count
        )
    return total
