"""The statements of each pair of actors the timeline shows, a page a year: `pairs/<key>.html`
lists the pair's years (how many statements each, cooperative and conflictual, first and last
date) and links to `pairs/<key>--<year>.html` (and `--undated`), which lists that year's
statements in date order with their evidence (`kg.views.years`). At 5,000 briefs the timeline
that listed every shown pair's statements was one page of 133 MB.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.identifiers import slug
from kg.views.data import Statement, local_name
from kg.views.render import render
from kg.views.reuse import PageContent, PageFolder
from kg.views.years import YearPages, write_years

PAIRS_FOLDER = "pairs"
ROOT = "../"


@dataclass(frozen=True)
class Pair:
    """A pair of actors shown on the timeline, on one of its tabs (`level`)."""

    level: str  # "named" or "acting"
    label: str  # "A ↔ B"
    statements: list[Statement]
    path: str  # its page, relative to the output folder


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
    folder: Path, pairs: list[Pair], content: PageContent, reuse: tuple[Path, dict[str, str]] | None
) -> dict[str, str]:
    """Write every pair's pages into `folder`/pairs; return each page's digest. With `reuse` (an
    output folder of earlier pages and their digests), an unchanged page is linked from there."""
    target = PageFolder(folder, PAIRS_FOLDER, *(reuse or (None, {})))
    for pair in pairs:
        years = write_years(YearPages(pair.label, pair.path), pair.statements, target, content, ROOT)
        if not target.unchanged(pair.path, content.digest((pair.label, pair.level, years), ())):
            target.write(pair.path, render("pair.html", root=ROOT, current="timeline", pair=pair, years=years))
    return target.finish()
