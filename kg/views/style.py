"""How statements and nodes look in every view: the tone of a statement and the colours.

A statement's tone is its CAMEO quad class when it carries an event code (verbal or material
cooperation, verbal or material conflict: Schrodt's four-way aggregation of the CAMEO codes) and
its polarity otherwise, the stand-in the views use until every statement is event-coded. Tones
split into a cooperative side (quad classes 1 and 2, positive) and a conflictual one (3 and 4,
negative): the two sides charts count up and down.

Colours: actors by kind and the six tones of statements each take colours of the Okabe-Ito
palette (Okabe & Ito 2008, "Color Universal Design"), chosen to stay apart under the common
colour-vision deficiencies: cooperation in blues (sky blue verbal, blue material), conflict in
oranges (orange verbal, vermillion material), the darker shade for material acts as in CAMEO's
quad classes, and the polarity of statements without an event code in bluish green (positive)
and reddish purple (negative). Simulated for protanopia, deuteranopia and tritanopia (Machado,
Oliveira & Fernandes 2009), no two tones are closer than 16 CIELAB units (the ColorBrewer-based
tones before were 3.7 apart: "material cooperation" and "positive"); tests/test_legend_colours.py
checks it. Tones are edge colours and kinds node colours, so the two sets share hues.
"""

from __future__ import annotations

from functools import cache

from kg.views.data import EventCode, Node, Statement

KIND_COLOURS = {
    "Country": "#56B4E9",
    "Organisation": "#E69F00",
    "Person": "#009E73",
    "Group": "#CC79A7",
    "Place": "#F0E442",  # Okabe-Ito yellow: blue and vermillion are the tones of edges
}
UNKNOWN_ACTOR_COLOUR, THEME_COLOUR = "#999999", "#C8C8C8"

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
TONE_COLOURS = {
    "verbal cooperation": "#56B4E9",
    "material cooperation": "#0072B2",
    "verbal conflict": "#E69F00",
    "material conflict": "#D55E00",
    "positive": "#009E73",
    "negative": "#CC79A7",
}
COOPERATIVE = {"verbal cooperation", "material cooperation", "positive"}


def tone(statement: Statement) -> str:
    """The quad class's name when the statement is event-coded, else its polarity."""
    code = statement.code
    if code is not None and code.quad_class in QUAD_CLASSES:
        return QUAD_CLASSES[code.quad_class]
    return statement.polarity


def is_cooperative(tone_name: str) -> bool:
    return tone_name in COOPERATIVE


def node_colour(node: Node) -> str:
    return THEME_COLOUR if not node.is_actor else KIND_COLOURS.get(node.kind, UNKNOWN_ACTOR_COLOUR)


def tones_in_use(statements: list[Statement]) -> list[str]:
    """The tones present, in legend order (quad classes first, then polarities)."""
    present = {tone(s) for s in statements}
    return [t for t in TONE_COLOURS if t in present]


def event_text(statement: Statement) -> str:
    """ "042 Make a visit (Goldstein +1.9, verbal cooperation, CONSULT)", or "" when uncoded."""
    return "" if statement.code is None else _code_text(statement.code)


@cache
def _code_text(code: EventCode) -> str:
    """(Written once a code: the graph page and its parts ask for every statement's.)"""
    details = []
    if code.goldstein is not None:
        details.append(f"Goldstein {code.goldstein:+.1f}")
    if code.quad_class in QUAD_CLASSES:
        details.append(QUAD_CLASSES[code.quad_class])
    if code.plover:
        details.append(code.plover)
    head = " ".join(part for part in (code.notation, code.label) if part)
    return f"{head} ({', '.join(details)})" if details else head
