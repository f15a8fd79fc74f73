"""One page an actor (`actors/<slug>.html`): its ego network and its statements in date order, or,
for an actor with more than `LIST_LIMIT` statements, its years, each a page of its own
(`actors/<slug>--<year>.html`, `kg.views.years`).

The pages are static HTML and SVG with no script at all, so they open anywhere, print, and give
brief text no way to run. The folder is written beside the output's and swapped in whole, so a
rebuild (`kg view`) leaves no page of an actor that has gone.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from kg.views.data import Statement, ViewData, local_name
from kg.views.ego import ego_drawing, node_ties
from kg.views.items import ACTORS_FOLDER, Party, statement_items
from kg.views.render import render
from kg.views.reuse import PageContent, PageFolder
from kg.views.style import TONE_COLOURS, node_colour, tones_in_use
from kg.views.years import YearPages, write_years

ROOT = "../"
LIST_LIMIT = 300  # statements an actor's page lists itself; past that, a page a year (`kg.views.years`)


def write_actor_pages(
    data: ViewData,
    pages: dict[str, str],
    folder: Path,
    content: PageContent,
    reuse: tuple[Path, dict[str, str]] | None = None,
) -> dict[str, str]:
    """Write every actor's page into `folder`/actors; return each page's digest (of everything
    it shows, `content`). With `reuse` (an output folder of earlier pages and their digests), a page whose
    digest is unchanged is linked from there instead of rendered."""
    target = PageFolder(folder, ACTORS_FOLDER, *(reuse or (None, {})))
    own: dict[str, list[Statement]] = defaultdict(list)
    for s in data.statements:
        for node in {s.subject, s.object}:
            own[node].append(s)
    ties = node_ties(own)
    for iri, path in pages.items():
        node = data.nodes[iri]
        acts_for = None
        if node.acts_for and node.acts_for in data.nodes:
            acts_for = Party(data.nodes[node.acts_for].label, ROOT + pages.get(node.acts_for, ""))
        elif node.acts_for:
            acts_for = Party(local_name(node.acts_for), "")
        drawing = ego_drawing(iri, own, ties, data, pages, ROOT)
        statements = own[iri]
        years = []
        if len(statements) > LIST_LIMIT:  # a page a year, listed on the actor's page
            years = write_years(YearPages(node.label, path), statements, target, content, ROOT)
            statements = []
        if target.unchanged(path, content.digest((content.node(iri), acts_for, drawing, years), statements, [iri])):
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
            count=len(own[iri]),
            items=statement_items(statements, data, pages, ROOT),
            years=years,
            tones=tones_in_use(own[iri]),
            tone_colours=TONE_COLOURS,
        )
        target.write(path, page)
    return target.finish()
