"""Statements as the static pages list them, and where each actor's page lives."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from kg.identifiers import slug
from kg.views.data import Node, Statement, ViewData, local_name
from kg.views.evidence import find_marks, highlighted
from kg.views.style import TONE_COLOURS, event_text, tone

ACTORS_FOLDER = "actors"


@dataclass(frozen=True)
class Party:
    label: str
    href: str  # "" when the node has no page (a theme)


@dataclass(frozen=True)
class StatementItem:
    date: str
    subject: Party
    relation: str
    object: Party
    polarity: str
    modality: str
    hedged: bool
    colour: str  # of the statement's tone
    event: str
    brief: str
    evidence: Markup
    source: str = ""  # who said so


def actor_pages(nodes: dict[str, Node]) -> dict[str, str]:
    """Each actor's page, relative to the output folder: `actors/<slug>.html`, the slug taken
    from the actor's IRI (readable and stable across builds), numbered on the rare collision."""
    pages: dict[str, str] = {}
    taken: set[str] = set()
    for iri, node in sorted(nodes.items()):
        if not node.is_actor:
            continue
        base = slug(local_name(iri))[:80]
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}-{number}"
        taken.add(name)
        pages[iri] = f"{ACTORS_FOLDER}/{name}.html"
    return pages


def statement_items(
    statements: list[Statement], data: ViewData, pages: dict[str, str], root: str
) -> Iterator[StatementItem]:
    """Chronological (undated last), each with its evidence sentence highlighted, made as they
    are read; `root` is the way from the page to the output folder ("" or "../")."""

    def party(iri: str) -> Party:
        return Party(data.nodes[iri].label, root + pages[iri] if iri in pages else "")

    for s in sorted(statements, key=chronological):
        marks = find_marks(s.sentence, data.nodes[s.subject], data.nodes[s.object])
        brief = data.briefs.get(s.brief)
        yield StatementItem(
            date=s.date,
            subject=party(s.subject),
            relation=s.edge_label,
            object=party(s.object),
            polarity=s.polarity,
            modality=s.modality,
            hedged=s.hedged,
            colour=TONE_COLOURS[tone(s)],
            event=event_text(s),
            brief=brief.title if brief else "",
            evidence=highlighted(s.sentence, marks),
            source=s.source,
        )


def chronological(statement: Statement) -> tuple[bool, str, str]:
    return (not statement.date, statement.date, statement.iri)
