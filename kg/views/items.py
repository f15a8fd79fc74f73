"""Statements as the static pages list them, and where each actor's page lives."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup, escape

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


def statement_item_html(item: StatementItem) -> Markup:
    """One statement of a list, as `macros.html`'s `statement_list` shows it. Written in Python,
    not as a Jinja macro: the same item is on its subject's page and its object's, often on a
    pair's too, about 100,000 items at 1,000 briefs, and a macro call took ten times as long
    (about 1.5 CPU s at 1,000 briefs). Every text is escaped as Jinja's autoescape escapes it
    (`_escaped`); `evidence` is markup already (`kg.views.evidence.highlighted`)."""
    meta = f"{_escaped(item.date or 'undated')} · {_escaped(item.polarity)}, {_escaped(item.modality)}"
    if item.source:
        meta += f' · <span class="source">according to {_escaped(item.source)}</span>'
    if item.event:
        meta += f" · event {_escaped(item.event)}"
    return Markup(
        f'  <li class="{"hedged" if item.hedged else ""}" style="--tone: {_escaped(item.colour)}">\n'
        f'    <div class="claim">{_party(item.subject)} <span class="relation">{_escaped(item.relation)}</span> '
        f"{_party(item.object)}</div>\n"
        f'    <div class="meta">{meta}</div>\n'
        f'    <blockquote class="evidence">“{escape(item.evidence)}”</blockquote>\n'
        f'    <div class="meta">Brief: {_escaped(item.brief)}</div>\n'
        "  </li>\n"
    )


def _party(party: Party) -> str:
    """A party as `macros.html`'s `party` shows it: its label, linked to its page if it has one."""
    if party.href:
        return f'<a href="{_escaped(party.href)}">{_escaped(party.label)}</a>'
    return _escaped(party.label)


def _escaped(text: str) -> str:
    """`markupsafe.escape` of a plain string, as a plain string: the same five replacements
    (MarkupSafe's own pure-Python fallback), without making a `Markup` for each piece of each
    item (about a million at 1,000 briefs)."""
    return (
        text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")
    )


def chronological(statement: Statement) -> tuple[bool, str, str]:
    return (not statement.date, statement.date, statement.iri)
