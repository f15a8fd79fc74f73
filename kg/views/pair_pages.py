"""The statements of each pair of actors the timeline shows, a page a year: `pairs/<key>.html`
lists the pair's years (how many statements each, cooperative and conflictual, first and last
date) and links to `pairs/<key>-<year>.html` (and `-undated`), which lists that year's statements
in date order with their evidence.

A busy pair of a large corpus has thousands of statements (at 5,000 briefs the timeline that
listed them all was 133 MB); a year of one pair is a page a browser opens at once, and a build
that changed a few briefs renders only the years whose statements changed (`kg.views.reuse`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.identifiers import slug
from kg.views.data import Statement, ViewData, local_name
from kg.views.items import statement_items
from kg.views.render import render
from kg.views.reuse import PageContent, PageFolder
from kg.views.style import TONE_COLOURS, is_cooperative, tone, tones_in_use

PAIRS_FOLDER = "pairs"
ROOT = "../"
UNDATED = "undated"


@dataclass(frozen=True)
class Pair:
    """A pair of actors shown on the timeline, on one of its tabs (`level`)."""

    level: str  # "named" or "acting"
    label: str  # "A ↔ B"
    statements: list[Statement]
    path: str  # its page, relative to the output folder


@dataclass(frozen=True)
class Year:
    year: str  # "2016", or UNDATED
    href: str  # relative to the pair's page
    statements: int
    cooperative: int
    first: str
    last: str


def pair_path(level: str, parties: tuple[str, str], taken: set[str]) -> str:
    """`pairs/<level>-<a>--<b>.html`, from the slugs of the two actors' IRIs (stable across
    builds), numbered on the rare collision; `taken` holds the keys given so far."""
    base = f"{level}-{slug(local_name(parties[0]))[:40]}--{slug(local_name(parties[1]))[:40]}"
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    taken.add(key)
    return f"{PAIRS_FOLDER}/{key}.html"


def write_pair_pages(
    data: ViewData, pages: dict[str, str], folder: Path, pairs: list[Pair], reuse: tuple[Path, dict[str, str]] | None
) -> dict[str, str]:
    """Write every pair's pages into `folder`/pairs; return each page's digest. With `reuse` (an
    output folder of earlier pages and their digests), an unchanged page is linked from there."""
    target = PageFolder(folder, PAIRS_FOLDER, *(reuse or (None, {})))
    content = PageContent(data, pages)
    for pair in pairs:
        years = []
        stem = Path(pair.path).stem
        for year, statements in _by_year(pair.statements):
            path = f"{PAIRS_FOLDER}/{stem}-{year}.html"
            dates = sorted(s.date for s in statements if s.date) or [""]
            cooperative = sum(1 for s in statements if is_cooperative(tone(s)))
            years.append(Year(year, Path(path).name, len(statements), cooperative, dates[0], dates[-1]))
            if target.unchanged(path, content.digest((pair.label, pair.path, year), statements)):
                continue
            page = render(
                "pair_year.html",
                root=ROOT,
                current="timeline",
                pair=pair,
                year=year,
                items=statement_items(statements, data, pages, ROOT),
                tones=tones_in_use(statements),
                tone_colours=TONE_COLOURS,
            )
            target.write(path, page)
        if not target.unchanged(pair.path, content.digest((pair.label, pair.level, years), ())):
            target.write(pair.path, render("pair.html", root=ROOT, current="timeline", pair=pair, years=years))
    return target.finish()


def _by_year(statements: list[Statement]) -> list[tuple[str, list[Statement]]]:
    """The statements by the year of their date, in order, the undated last."""
    years: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        years[s.date[:4] or UNDATED].append(s)
    return sorted(years.items(), key=lambda item: (item[0] == UNDATED, item[0]))
