"""An actor's ego network as a static drawing: the actor in the middle, everyone and everything it
has a statement with on a circle around it, and the ties among those (nx.ego_graph, radius 1).

A radial layout is the usual picture of an ego network (the "egocentric" view of Wasserman &
Faust 1994, ch. 5; Krempel's radial "target" diagrams): each neighbour's distance from the actor
is the same, so the eye compares the spokes, not positions. Neighbours are ordered around the
circle by kind (actors, then themes) and by how many statements they share with the actor, the
busiest at the top right, going clockwise; they sit at evenly spaced heights on the circle's left
and right sides, so their labels, written outwards, stand in rows like a legend and carry the
relations ("support ×2, sanction"): no label crosses a spoke or another label. Spokes take the colour of
the commonest tone of their statements, their width grows with the count, and they are dashed
when every statement on them is negated or not asserted. Past MAX_NEIGHBOURS the quietest
neighbours are left out of the drawing (the statement list below the drawing has them all).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.views.data import Statement, ViewData
from kg.views.render import shorten
from kg.views.style import TONE_COLOURS, node_colour, tone

MAX_NEIGHBOURS = 40
MIN_RADIUS, ROW_SPACING = 120, 32  # px: the circle grows so that labels on a side stay ROW_SPACING apart
SPAN = 0.9  # neighbours use the heights from -SPAN to +SPAN of the radius on either side
LABEL_CHARS, SUMMARY_CHARS = 34, 44
CHAR_WIDTH = 7.2  # px per character of the 13 px labels, for the drawing's width


@dataclass(frozen=True)
class Spoke:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float
    dashed: bool
    outgoing: bool  # the actor is the subject of some statement on it
    incoming: bool


@dataclass(frozen=True)
class Neighbour:
    x: float
    y: float
    radius: float
    colour: str
    theme: bool
    label: str
    summary: str  # the relations, shortened
    title: str  # the full text, shown on hover
    href: str
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor


@dataclass(frozen=True)
class Chord:
    path: str  # an SVG path between two neighbours, bent towards the centre


@dataclass(frozen=True)
class EgoDrawing:
    view_box: str
    width: float
    height: float
    centre_label: str
    centre_colour: str
    centre_radius: float
    spokes: list[Spoke]
    neighbours: list[Neighbour]
    chords: list[Chord]
    left_out: int
    colours: list[str]  # the spoke colours in use, one arrow marker each


def ego_drawing(
    actor: str,
    by_node: dict[str, list[Statement]],
    ties: dict[str, set[str]],
    data: ViewData,
    pages: dict[str, str],
    root: str,
) -> EgoDrawing:
    """`by_node` holds every node's statements (as subject or object), `ties` every node's
    counterparts (`node_ties`)."""
    own = [s for s in by_node[actor] if s.subject != s.object]
    shared: dict[str, list[Statement]] = defaultdict(list)
    for s in own:
        shared[s.object if s.subject == actor else s.subject].append(s)
    ordered = sorted(
        shared, key=lambda n: (not data.nodes[n].is_actor, -len(shared[n]), data.nodes[n].label.casefold())
    )
    shown, left_out = ordered[:MAX_NEIGHBOURS], max(0, len(ordered) - MAX_NEIGHBOURS)
    slots = _slots(len(shown))
    radius = max(MIN_RADIUS, ROW_SPACING * (math.ceil(len(shown) / 2) - 1) / (2 * SPAN))
    centre_radius = 16 + 3 * math.sqrt(len(own))

    neighbours, spokes, places = [], [], {}
    for iri, (side, height) in zip(shown, slots, strict=True):
        y = height * radius
        x = side * math.sqrt(max(radius**2 - y**2, 0.0))
        cos, sin = x / radius, y / radius
        node, statements = data.nodes[iri], shared[iri]
        size = 5 + 2 * math.sqrt(len(statements)) if node.is_actor else 5
        x, y = radius * cos, radius * sin
        places[iri] = (x, y)
        relations = Counter(s.edge_label for s in statements)
        summary = ", ".join(
            f"{r} ×{n}" if n > 1 else r for r, n in sorted(relations.items(), key=lambda i: (-i[1], i[0]))
        )
        anchor = "start" if side > 0 else "end"
        gap = size + 6
        neighbours.append(
            Neighbour(
                x=x,
                y=y,
                radius=size,
                colour=node_colour(node),
                theme=not node.is_actor,
                label=shorten(node.label, LABEL_CHARS),
                summary=shorten(summary, SUMMARY_CHARS),
                title=f"{node.label}: {summary}",
                href=root + pages[iri] if iri in pages else "",
                label_x=x + side * gap,
                label_y=y - 1,
                anchor=anchor,
            )
        )
        tones = Counter(tone(s) for s in statements)
        colour = TONE_COLOURS[min(tones, key=lambda t: (-tones[t], t))]
        spokes.append(
            Spoke(
                x1=cos * centre_radius,
                y1=sin * centre_radius,
                x2=x - cos * (size + 2),
                y2=y - sin * (size + 2),
                colour=colour,
                width=round(1.2 + min(len(statements), 8) * 0.6, 1),
                dashed=all(s.hedged for s in statements),
                outgoing=any(s.subject == actor for s in statements),
                incoming=any(s.object == actor for s in statements),
            )
        )
    chords = _chords(ties, places)
    half_width = radius + 30 + CHAR_WIDTH * max([LABEL_CHARS, SUMMARY_CHARS] if shown else [LABEL_CHARS]) * 0.75
    half_height = radius + 50
    centre = data.nodes[actor]
    return EgoDrawing(
        view_box=f"{-half_width:.0f} {-half_height:.0f} {2 * half_width:.0f} {2 * half_height:.0f}",
        width=round(2 * half_width),
        height=round(2 * half_height),
        centre_label=centre.label,
        centre_colour=node_colour(centre),
        centre_radius=centre_radius,
        spokes=spokes,
        neighbours=neighbours,
        chords=chords,
        left_out=left_out,
        colours=sorted({s.colour for s in spokes}),
    )


def _slots(count: int) -> list[tuple[int, float]]:
    """(side, height) of each neighbour, in order: down the right side of the circle, then up the
    left, at evenly spaced heights (-SPAN..SPAN of the radius), so the labels, written outwards,
    stand in evenly spaced rows and never meet; the circle's top and bottom stay free."""
    right = math.ceil(count / 2)
    slots = []
    for side, members in ((1, right), (-1, count - right)):
        heights = [0.0] if members == 1 else [-SPAN + 2 * SPAN * i / (members - 1) for i in range(members)]
        slots += [(side, h) for h in (heights if side > 0 else heights[::-1])]
    return slots


def node_ties(by_node: dict[str, list[Statement]]) -> dict[str, set[str]]:
    """Each node's counterparts: the other nodes it has a statement with."""
    return {
        node: {s.object if s.subject == node else s.subject for s in statements if s.subject != s.object}
        for node, statements in by_node.items()
    }


def _chords(ties: dict[str, set[str]], places: dict[str, tuple[float, float]]) -> list[Chord]:
    """Ties among the neighbours: quadratic curves through a point halfway to the centre."""
    pairs = {tuple(sorted((a, b))) for a in places for b in ties.get(a, ()) if b in places}
    chords = []
    for a, b in sorted(pairs):
        (x1, y1), (x2, y2) = places[a], places[b]
        cx, cy = (x1 + x2) / 4, (y1 + y2) / 4
        chords.append(Chord(f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"))
    return chords
