"""Node positions for graphs too large for the browser to lay out: a force-directed layout in
Python, shipped with the page so the browser draws at once with physics off.

networkx's `spring_layout` computes every pair's repulsion: measured here, 53 s for 5,000 nodes
(its 'energy' method, 50 iterations). This is Fruchterman & Reingold's algorithm ("Graph Drawing by
Force-directed Placement", Software: Practice and Experience 21(11), 1991) in the grid variant
they give for large graphs: a node repels only the nodes within 2k of it (k is the ideal edge
length), found here with a k-d tree, so an iteration costs about O(n log n) instead of O(n^2).
Attraction along edges is d^2/k and repulsion k^2/d, as in the paper, with d measured between the
nodes' rims rather than their centres, as ForceAtlas2 does to keep big nodes from overlapping
(Jacomy et al. 2014, "prevent overlap"); moves are capped by a temperature that cools
geometrically. A pull towards the centre (ForceAtlas2's gravity) keeps each piece compact; then
the connected components are packed in rings around the largest (as Graphviz's `pack` does), and
a last few passes push apart any nodes still touching, so a click always lands on the node drawn
there. Start positions are random
in a square of the final area, from a fixed seed: the same graph gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

UNIT_PIXELS = 110.0  # the ideal gap k between the rims of two neighbours, in vis-network's canvas pixels
ITERATIONS = 60
GRAVITY = 0.2
FINAL_TEMPERATURE = 0.02  # in units of k
GRID = 16  # cells a side of the far-field grid
OVERLAP_PASSES, MARGIN = 20, 0.15  # the last passes only push apart nodes closer than MARGIN (in k)
PIECE_GAP = 0.5  # between packed components, in k


def spread_layout(graph: nx.Graph, seed: int = 7, iterations: int = ITERATIONS) -> dict[Hashable, tuple[float, float]]:
    """Positions (in canvas pixels, centred on 0) of every node of `graph`, whose edges are taken
    as undirected and unweighted; a node's `size` attribute (its radius in pixels, vis-network's
    meaning) is kept clear of other nodes."""
    nodes = list(graph.nodes)
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    radius = np.array([graph.nodes[n].get("size", 0) for n in nodes], dtype=float) / UNIT_PIXELS
    rng = np.random.default_rng(seed)
    side = math.sqrt(count) * (1 + 2 * radius.mean())
    position = rng.uniform(-side / 2, side / 2, size=(count, 2))
    temperature = side / 8
    cooling = (
        (FINAL_TEMPERATURE / temperature) ** (1 / max(iterations - 1, 1)) if temperature > FINAL_TEMPERATURE else 1
    )
    for _ in range(iterations):
        move = (
            _repulsion(position, radius)
            + _far_repulsion(position)
            - _attraction(position, radius, edges)
            - GRAVITY * position
        )
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        position += move * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cooling
    _pack(position, radius, graph, nodes)
    for _ in range(OVERLAP_PASSES):
        if not _separate(position, radius):
            break
    position -= position.mean(axis=0)
    return {
        node: (float(x) * UNIT_PIXELS, float(y) * UNIT_PIXELS) for node, (x, y) in zip(nodes, position, strict=True)
    }


def _near(position: np.ndarray, radius: np.ndarray, reach: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs whose rims are less than `reach` apart, their directions and their rim-to-rim gaps.
    The k-d tree pairs nodes up to the 98th percentile's size; the few bigger ones (hubs) look
    further for themselves."""
    tree = cKDTree(position)
    typical = float(np.quantile(radius, 0.98))
    near = tree.query_pairs(reach + 2 * typical, output_type="ndarray").reshape(-1, 2)
    hub = radius > typical
    if hub.any():
        near = near[~(hub[near[:, 0]] | hub[near[:, 1]])]  # each hub's pairs come from its own search
        hubs = np.flatnonzero(hub)
        found = tree.query_ball_point(position[hubs], reach + radius[hubs] + radius.max())
        first = np.repeat(hubs, [len(f) for f in found])
        second = np.concatenate([np.asarray(f, dtype=np.int64) for f in found])
        keep = (first != second) & (~hub[second] | (second > first))
        near = np.concatenate([near, np.stack([first[keep], second[keep]], axis=1)])
    if len(near) == 0:
        return near, np.zeros((0, 2)), np.zeros(0)
    delta = position[near[:, 0]] - position[near[:, 1]]
    distance = np.maximum(np.linalg.norm(delta, axis=1), 1e-6)
    gap = distance - radius[near[:, 0]] - radius[near[:, 1]]
    keep = gap < reach
    return near[keep], delta[keep] / distance[keep, None], gap[keep]


def _repulsion(position: np.ndarray, radius: np.ndarray) -> np.ndarray:
    """k^2/g (k = 1) between nodes whose rims are less than 2k apart (g, the gap, at least 0.05),
    pushing them apart: FR's repulsion, measured between rims as ForceAtlas2 does to prevent
    overlaps."""
    near, direction, gap = _near(position, radius, 2.0)
    return _gather(near, direction / np.maximum(gap, 0.05)[:, None], len(position))


def _far_repulsion(position: np.ndarray) -> np.ndarray:
    """The repulsion of everything further away, summed per cell of a coarse grid (GRID x GRID
    over the layout) as if each cell's nodes sat at their centroid: a particle-mesh approximation
    (Hockney & Eastwood, "Computer Simulation Using Particles", 1981) costing n x GRID^2. It keeps
    the layout from collapsing, which the 2k cut-off alone allows when long edges pull hard. The
    force is softened by the cell size, so a node's own cell adds a smooth pressure, not a spike."""
    low = position.min(axis=0)
    size = float((position.max(axis=0) - low).max()) / GRID + 1e-9
    cell = np.minimum(((position - low) / size).astype(np.int64), GRID - 1)
    flat = cell[:, 0] * GRID + cell[:, 1]
    mass = np.bincount(flat, minlength=GRID * GRID).astype(float)
    occupied = mass > 0
    centroid = (
        np.stack([np.bincount(flat, position[:, axis], GRID * GRID)[occupied] for axis in range(2)], axis=1)
        / mass[occupied, None]
    )
    mass = mass[occupied]
    squared = (
        (position[:, 0, None] - centroid[None, :, 0]) ** 2
        + (position[:, 1, None] - centroid[None, :, 1]) ** 2
        + size**2
    )
    weight = mass / squared  # sum over cells of m (p - c) / |p - c|^2, as two matrix products
    return position * weight.sum(axis=1)[:, None] - weight @ centroid


def _attraction(position: np.ndarray, radius: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """g^2/k along each edge (g, the gap between the rims), pulling its ends together (returned as
    the pull on the first end away from the second, negated for the second)."""
    if len(edges) == 0:
        return np.zeros_like(position)
    delta = position[edges[:, 0]] - position[edges[:, 1]]
    distance = np.maximum(np.linalg.norm(delta, axis=1), 1e-6)
    gap = np.maximum(distance - radius[edges[:, 0]] - radius[edges[:, 1]], 0)
    return _gather(edges, delta / distance[:, None] * (gap**2)[:, None], len(position))


def _separate(position: np.ndarray, radius: np.ndarray) -> bool:
    """Move every two nodes closer than MARGIN apart by half the shortfall each; say if any were."""
    near, direction, gap = _near(position, radius, MARGIN)
    if len(near) == 0:
        return False
    position += _gather(near, direction * ((MARGIN - gap) / 2)[:, None], len(position))
    return True


def _pack(position: np.ndarray, radius: np.ndarray, graph: nx.Graph, nodes: list[Hashable]) -> None:
    """Move the connected components, each kept as laid out, into rings around the largest,
    biggest first: forces alone leave small pieces on a wide circle far out, which shrinks the
    main component when the page fits everything into view. Each piece takes the room of the
    circle around it; a ring is filled going round, then the next ring starts beyond it."""
    index = {node: i for i, node in enumerate(nodes)}
    pieces = sorted(
        (np.array(sorted(index[n] for n in piece)) for piece in nx.connected_components(nx.Graph(graph))),
        key=lambda members: (-len(members), int(members[0])),
    )
    inner = ring_width = angle = 0.0
    for number, members in enumerate(pieces):
        centre = position[members].mean(axis=0)
        extent = float((np.linalg.norm(position[members] - centre, axis=1) + radius[members]).max()) + MARGIN
        if number == 0:
            position[members] -= centre
            inner = extent + PIECE_GAP
            continue
        distance = inner + extent
        width = 2 * math.asin(min(1.0, extent / distance)) + PIECE_GAP / distance
        if angle + width > 2 * math.pi:  # the ring is full: start the next one beyond it
            inner += ring_width + PIECE_GAP
            ring_width = angle = 0.0
            distance = inner + extent
            width = 2 * math.asin(min(1.0, extent / distance)) + PIECE_GAP / distance
        middle = angle + width / 2
        position[members] += np.array([math.cos(middle), math.sin(middle)]) * distance - centre
        angle += width
        ring_width = max(ring_width, 2 * extent)


def _gather(pairs: np.ndarray, force: np.ndarray, count: int) -> np.ndarray:
    """The sum of the forces on each node: +force on a pair's first node, -force on its second."""
    total = np.zeros((count, 2))
    for axis in range(2):
        total[:, axis] = np.bincount(pairs[:, 0], force[:, axis], count) - np.bincount(
            pairs[:, 1], force[:, axis], count
        )
    return total
