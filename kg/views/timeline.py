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
from kg.views.items import StatementItem, statement_items
from kg.views.render import render, write_page
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
    lists: list[tuple[str, str, list[StatementItem]]]  # label, anchor, statements


def actor_pairs(data: ViewData, acting_for: bool = False) -> list[tuple[str, list[Statement]]]:
    """Pairs of distinct actors ("A ↔ B", labels in order) with their statements, busiest first,
    then by label; with `acting_for`, each actor counts as the one it ultimately acts for."""

    def party(iri: str) -> tuple[str, str]:
        if acting_for and iri in data.acting_for:
            top, label = data.acting_for[iri]
            return label, top
        return data.nodes[iri].label, iri

    pairs: dict[tuple[tuple[str, str], tuple[str, str]], list[Statement]] = defaultdict(list)
    for s in data.statements:
        if s.subject != s.object and data.nodes[s.subject].is_actor and data.nodes[s.object].is_actor:
            a, b = sorted((party(s.subject), party(s.object)))
            if a[1] != b[1]:
                pairs[(a, b)].append(s)
    labelled = [(f"{a[0]} ↔ {b[0]}", statements) for (a, b), statements in pairs.items()]
    return sorted(labelled, key=lambda item: (-len(item[1]), item[0]))


def write_timeline(data: ViewData, pages: dict[str, str], folder: Path) -> Path:
    levels = [
        _level(data, pages, "named", "Actors as named", actor_pairs(data)),
        _level(data, pages, "acting", "Counted for whom they act", actor_pairs(data, acting_for=True)),
    ]
    everything = [s for s in data.statements if data.nodes[s.subject].is_actor and data.nodes[s.object].is_actor]
    page = render(
        "timeline.html",
        root="",
        current="timeline",
        levels=levels,
        tones=tones_in_use(everything),
        tone_colours=TONE_COLOURS,
        max_pairs=MAX_STRIP_PAIRS,
    )
    return write_page(folder / TIMELINE_PAGE, page)


def _level(
    data: ViewData, pages: dict[str, str], key: str, title: str, pairs: list[tuple[str, list[Statement]]]
) -> Level:
    shown = [
        (label, f"{key}-{index}", statements) for index, (label, statements) in enumerate(pairs[:MAX_STRIP_PAIRS], 1)
    ]
    describe = {
        s.iri: f"{s.date} · {data.nodes[s.subject].label} {s.relation} {data.nodes[s.object].label}"
        f" · {s.polarity}, {s.modality}"
        for _, _, statements in shown
        for s in statements
    }
    placed = sorted(
        (row for row in shown if monthly_buckets(row[2])[1]),
        key=lambda row: -sum(1 for s in row[2] if len(s.date) >= 7),
    )[:MAX_BAR_CHARTS]
    scale = max((max(_sides(counts)) for _, _, st in placed for counts in monthly_buckets(st)[1].values()), default=1)
    return Level(
        key=key,
        title=title,
        pair_count=len(pairs),
        charts=[bar_chart(label, anchor, statements, scale) for label, anchor, statements in placed],
        strip=strip_chart(shown, describe),
        lists=[(label, anchor, statement_items(statements, data, pages, "")) for label, anchor, statements in shown],
    )


def _sides(counts: dict[str, int]) -> tuple[int, int]:
    up = sum(n for t, n in counts.items() if is_cooperative(t))
    return up, sum(counts.values()) - up
