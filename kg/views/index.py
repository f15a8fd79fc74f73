"""The start page: the briefs, the actors (busiest first, each linked to its page) and the views."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.views.data import ViewData
from kg.views.render import plural, render, write_page
from kg.views.style import KIND_COLOURS, node_colour

INDEX_PAGE = "index.html"


@dataclass(frozen=True)
class ActorRow:
    label: str
    href: str
    kind: str
    colour: str
    statements: int
    as_subject: int
    as_object: int
    first: str
    last: str


def write_index(data: ViewData, pages: dict[str, str], folder: Path) -> Path:
    as_subject = Counter(s.subject for s in data.statements)
    as_object = Counter(s.object for s in data.statements if s.object != s.subject)
    degree = data.degree()
    dates: dict[str, list[str]] = {}
    for s in data.statements:
        if s.date:
            for node in (s.subject, s.object):
                dates.setdefault(node, []).append(s.date)
    rows = [
        ActorRow(
            node.label,
            pages[iri],
            node.kind,
            node_colour(node),
            degree[iri],
            as_subject[iri],
            as_object[iri],
            min(dates.get(iri, [""])),
            max(dates.get(iri, [""])),
        )
        for iri, node in data.nodes.items()
        if iri in pages
    ]
    rows.sort(key=lambda r: (-r.statements, r.label.casefold()))
    themes = sum(1 for n in data.nodes.values() if not n.is_actor)
    dated = sorted(s.date for s in data.statements if s.date)
    span = f", dated from {dated[0]} to {dated[-1]}" if dated else ""
    summary = (
        f"{plural(len(data.statements), 'statement')} by and about {plural(len(rows), 'actor')} "
        f"and {plural(themes, 'theme')}{span}."
    )
    page = render(
        "index.html",
        root="",
        current="index",
        summary=summary,
        briefs=list(data.briefs.values()),
        actors=rows,
        kind_colours=KIND_COLOURS,
    )
    return write_page(folder / INDEX_PAGE, page)
