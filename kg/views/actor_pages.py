"""One page an actor (`actors/<slug>.html`): its ego network and its statements in date order.

The pages are static HTML and SVG with no script at all, so they open anywhere, print, and give
brief text no way to run. The folder is written beside the output's and swapped in whole, so a
rebuild (`kg view`) leaves no page of an actor that has gone.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

from kg.views.data import Statement, ViewData, local_name
from kg.views.ego import ego_drawing
from kg.views.items import ACTORS_FOLDER, Party, statement_items
from kg.views.render import render, write_page
from kg.views.style import TONE_COLOURS, node_colour, tones_in_use

ROOT = "../"


def write_actor_pages(data: ViewData, pages: dict[str, str], folder: Path) -> Path:
    target = folder / ACTORS_FOLDER
    fresh = folder / f".{ACTORS_FOLDER}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    own: dict[str, list[Statement]] = defaultdict(list)
    for s in data.statements:
        for node in {s.subject, s.object}:
            own[node].append(s)
    for iri, path in pages.items():
        node = data.nodes[iri]
        acts_for = None
        if node.acts_for and node.acts_for in data.nodes:
            acts_for = Party(data.nodes[node.acts_for].label, ROOT + pages.get(node.acts_for, ""))
        elif node.acts_for:
            acts_for = Party(local_name(node.acts_for), "")
        page = render(
            "actor.html",
            root=ROOT,
            current="actor",
            actor=node,
            colour=node_colour(node),
            acts_for=acts_for,
            aliases=[n for n in node.names if n != node.label],
            drawing=ego_drawing(iri, own, data, pages, ROOT),
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
    return target
