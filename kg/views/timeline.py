"""The timeline page: statements over time per pair of actors, and cooperation against conflict
for the busiest pairs (static SVG: readable without hovering, printable, no script).

A pair is unordered (a dyad, as event data counts them: Russia -> Belarus and Belarus -> Russia
are one relationship) and joins two actors; statements about themes and about oneself have no
counterpart and stay out. Pairs are ranked by their number of statements.

The page shows the pairs twice, switched by two tabs (radio buttons and CSS, no script): as the
briefs name the actors, and with every person or body counted for the state or organisation it
ultimately acts for (kg:actsFor), the way event data aggregates actors to countries, so that
"Vladimir Makei meets Michael Carpenter" counts for Belarus and the United States. Pairs inside
one state (its president and its ministry) drop out of the second view.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.views.charts import BarChart, StripChart, bar_chart, monthly_buckets, strip_chart
from kg.views.data import Statement, ViewData
from kg.views.pair_pages import Pair, pair_path, write_pair_pages
from kg.views.render import render_parts, write_page
from kg.views.reuse import PageContent
from kg.views.style import TONE_COLOURS, is_cooperative, tones_in_use

TIMELINE_PAGE = "timeline.html"
MAX_STRIP_PAIRS, MAX_BAR_CHARTS = 40, 6


@dataclass(frozen=True)
class Level:
    key: str  # "named" or "acting"
    title: str
    pair_count: int
    charts: list[BarChart]
    strip: StripChart
    pairs: list[Pair]  # the pairs shown, each with a page of its own (`kg.views.pair_pages`)


def actor_pairs(data: ViewData, acting_for: bool = False) -> list[tuple[str, list[Statement]]]:
    """Pairs of distinct actors ("A ↔ B", labels in order) with their statements, busiest first,
    then by label; with `acting_for`, each actor counts as the one it ultimately acts for."""
    return [(label, statements) for label, _, statements in _pairs(data, acting_for)]


def _pairs(data: ViewData, acting_for: bool) -> list[tuple[str, tuple[str, str], list[Statement]]]:
    """`actor_pairs`, with the IRIs of the two actors of each pair."""

    def party(iri: str) -> tuple[str, str]:
        if acting_for and iri in data.acting_for:
            top, label = data.acting_for[iri]
            return label, top
        return data.nodes[iri].label, iri

    parties = {iri: party(iri) for iri, node in data.nodes.items() if node.is_actor}  # (themes: None)
    pairs: dict[tuple[tuple[str, str], tuple[str, str]], list[Statement]] = defaultdict(list)
    for s in data.statements:
        a, b = parties.get(s.subject), parties.get(s.object)
        if a is not None and b is not None and s.subject != s.object:
            if b < a:
                a, b = b, a
            if a[1] != b[1]:
                pairs[(a, b)].append(s)
    labelled = [(f"{a[0]} ↔ {b[0]}", (a[1], b[1]), statements) for (a, b), statements in pairs.items()]
    return sorted(labelled, key=lambda item: (-len(item[2]), item[0]))


def write_timeline(
    data: ViewData,
    folder: Path,
    content: PageContent,
    reuse: tuple[Path, dict[str, str]] | None = None,
) -> dict[str, str]:
    """Write timeline.html and the pages of the pairs it shows (`kg.views.pair_pages`); return
    the digests of the pairs' pages. `reuse`: an earlier output folder and its pages' digests."""
    taken: set[str] = set()
    levels = [
        _level(data, "named", "Actors as named", _pairs(data, False), taken),
        _level(data, "acting", "Counted for whom they act", _pairs(data, True), taken),
    ]
    everything = [s for s in data.statements if data.nodes[s.subject].is_actor and data.nodes[s.object].is_actor]
    page = render_parts(  # written as it is made: its strip charts have a mark per statement
        "timeline.html",
        root="",
        current="timeline",
        levels=levels,
        tones=tones_in_use(everything),
        tone_colours=TONE_COLOURS,
        max_pairs=MAX_STRIP_PAIRS,
    )
    write_page(folder / TIMELINE_PAGE, page)
    return write_pair_pages(folder, [p for level in levels for p in level.pairs], content, reuse)


def _level(
    data: ViewData, key: str, title: str, pairs: list[tuple[str, tuple[str, str], list[Statement]]], taken: set[str]
) -> Level:
    shown = [
        (label, pair_path(key, parties, taken), statements) for label, parties, statements in pairs[:MAX_STRIP_PAIRS]
    ]

    def describe(s: Statement) -> str:
        subject, obj = data.nodes[s.subject].label, data.nodes[s.object].label
        return f"{s.date} · {subject} {s.relation} {obj} · {s.polarity}, {s.modality}"

    buckets = {path: monthly_buckets(statements) for _, path, statements in shown}  # (counted once a pair)
    placed = sorted(  # the pairs with the most statements placed in a month
        (row for row in shown if buckets[row[1]][1]),
        key=lambda row: -sum(sum(counts.values()) for counts in buckets[row[1]][1].values()),
    )[:MAX_BAR_CHARTS]
    scale = max((max(_sides(counts)) for _, path, _ in placed for counts in buckets[path][1].values()), default=1)
    return Level(
        key=key,
        title=title,
        pair_count=len(pairs),
        charts=[bar_chart(label, path, statements, scale, buckets[path]) for label, path, statements in placed],
        strip=strip_chart(shown, describe),
        pairs=[Pair(key, label, statements, path) for label, path, statements in shown],
    )


def _sides(counts: dict[str, int]) -> tuple[int, int]:
    up = sum(n for t, n in counts.items() if is_cooperative(t))
    return up, sum(counts.values()) - up
