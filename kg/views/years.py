"""A long list of statements as a page a year: `<stem>--<year>.html` (or `--undated`) beside the
page that lists the years (`years_table` in `macros.html`). The pages of the timeline's pairs
(`kg.views.pair_pages`) and of the busiest actors (`kg.views.actor_pages`) are split so: a
statement list grows with the corpus (Belarus's page held 30,000 statements and weighed 71 MB
at 5,000 briefs) and a year of it stays a page a browser opens at once; a build that changed a
few briefs renders only the years whose statements changed (`kg.views.reuse`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.views.data import Statement
from kg.views.items import statement_items
from kg.views.render import render_parts
from kg.views.reuse import PageContent, PageFolder
from kg.views.style import TONE_COLOURS, is_cooperative, tone, tones_in_use

UNDATED = "undated"


@dataclass(frozen=True)
class Year:
    year: str  # "2016", or UNDATED
    href: str  # its page, relative to the page listing the years
    statements: int
    cooperative: int
    first: str  # the first and last date of its statements ("" for the undated)
    last: str


@dataclass(frozen=True)
class YearPages:
    """Whose statements the pages list: `title` ("Belarus", "Belarus ↔ Russia"), `path` the page
    listing the years (relative to the output folder); the years' pages go beside it."""

    title: str
    path: str


def write_years(
    owner: YearPages, statements: list[Statement], target: PageFolder, content: PageContent, root: str
) -> list[Year]:
    """Write (or link, when unchanged) a page a year of `statements`; return the years, in order,
    undated last. `root` is the way from the pages to the output folder."""
    stem = owner.path.removesuffix(".html")
    years = []
    for year, chosen in _by_year(statements):
        path = f"{stem}--{year}.html"
        dates = [s.date for s in chosen if s.date] or [""]
        cooperative = sum(1 for s in chosen if is_cooperative(tone(s)))
        years.append(Year(year, path.rpartition("/")[2], len(chosen), cooperative, min(dates), max(dates)))
        if target.unchanged(path, content.digest((owner, year), chosen)):
            continue
        page = render_parts(  # written as its items are made: a busy actor's year holds thousands
            "year.html",
            root=root,
            current="year",
            owner=owner,
            back=Path(owner.path).name,
            year=year,
            count=len(chosen),
            items=statement_items(chosen, content.data, content.pages, root),
            tones=tones_in_use(chosen),
            tone_colours=TONE_COLOURS,
        )
        target.write(path, page)
    return years


def _by_year(statements: list[Statement]) -> list[tuple[str, list[Statement]]]:
    years: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        years[s.date[:4] or UNDATED].append(s)
    return sorted(years.items(), key=lambda item: (item[0] == UNDATED, item[0]))
