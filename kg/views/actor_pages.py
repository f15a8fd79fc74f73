"""One page an actor (`actors/<slug>.html`): its ego network and its statements in date order.

The pages are static HTML and SVG with no script at all, so they open anywhere, print, and give
brief text no way to run. The folder is written beside the output's and swapped in whole, so a
rebuild (`kg view`) leaves no page of an actor that has gone.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import defaultdict
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

from kg.views.data import Statement, ViewData, local_name
from kg.views.ego import EgoDrawing, ego_drawing, node_ties
from kg.views.items import ACTORS_FOLDER, Party, statement_items
from kg.views.render import render, write_page
from kg.views.style import TONE_COLOURS, node_colour, tones_in_use

ROOT = "../"
_FIELDS = attrgetter(*(f.name for f in fields(Statement)))  # a statement's values, as a tuple


def write_actor_pages(
    data: ViewData, pages: dict[str, str], folder: Path, reuse: tuple[Path, dict[str, str]] | None = None
) -> dict[str, str]:
    """Write every actor's page into `folder`/actors; return each page's digest (of everything
    it shows). With `reuse` (a folder of earlier pages and their digests), a page whose digest
    is unchanged is linked from there instead of rendered."""
    target = folder / ACTORS_FOLDER
    fresh = folder / f".{ACTORS_FOLDER}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    own: dict[str, list[Statement]] = defaultdict(list)
    for s in data.statements:
        for node in {s.subject, s.object}:
            own[node].append(s)
    ties = node_ties(own)
    digests = {}
    content = _Content(data, pages)
    for iri, path in pages.items():
        node = data.nodes[iri]
        acts_for = None
        if node.acts_for and node.acts_for in data.nodes:
            acts_for = Party(data.nodes[node.acts_for].label, ROOT + pages.get(node.acts_for, ""))
        elif node.acts_for:
            acts_for = Party(local_name(node.acts_for), "")
        drawing = ego_drawing(iri, own, ties, data, pages, ROOT)
        digests[path] = digest = content.digest(iri, acts_for, drawing, own[iri])
        if reuse and reuse[1].get(path) == digest and _link(reuse[0] / Path(path).name, fresh / Path(path).name):
            continue
        page = render(
            "actor.html",
            root=ROOT,
            current="actor",
            actor=node,
            colour=node_colour(node),
            acts_for=acts_for,
            aliases=[n for n in node.names if n != node.label],
            drawing=drawing,
            items=statement_items(own[iri], data, pages, ROOT),
            tones=tones_in_use(own[iri]),
            tone_colours=TONE_COLOURS,
        )
        write_page(fresh / Path(path).name, page)
    old = folder / f".{ACTORS_FOLDER}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return digests


class _Content:
    """Digests of what an actor's page shows: the actor, whom it acts for, its drawing, and its
    statements with what their items show of them (`statement_items`: the statement, the labels,
    names and pages of its subject and object, its brief's title). Each statement and node is
    written out once a build, however many pages show it."""

    def __init__(self, data: ViewData, pages: dict[str, str]) -> None:
        self.data, self.pages = data, pages
        self.statements: dict[str, bytes] = {}
        self.nodes: dict[str, bytes] = {}

    def digest(self, iri: str, acts_for: Party | None, drawing: EgoDrawing, statements: list[Statement]) -> str:
        hashed = hashlib.blake2b(repr((self._node(iri), acts_for, drawing)).encode(), digest_size=16)
        shown = {iri}
        for s in statements:
            hashed.update(self._statement(s))
            shown.update((s.subject, s.object))
        for node in sorted(shown):
            hashed.update(self._node(node))
        return hashed.hexdigest()

    def _statement(self, s: Statement) -> bytes:
        found = self.statements.get(s.iri)
        if found is None:
            brief = self.data.briefs.get(s.brief)
            found = self.statements[s.iri] = repr((_FIELDS(s), brief.title if brief else None)).encode()
        return found

    def _node(self, iri: str) -> bytes:
        found = self.nodes.get(iri)
        if found is None:
            found = self.nodes[iri] = repr((self.data.nodes[iri], self.pages.get(iri))).encode()
        return found


def _link(source: Path, destination: Path) -> bool:
    """Hard-link an unchanged page (a copy where links are not possible); False if it is gone."""
    try:
        os.link(source, destination)
    except FileNotFoundError:
        return False
    except OSError:
        try:
            shutil.copyfile(source, destination)
        except OSError:
            return False
    return True
