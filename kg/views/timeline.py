"""The timeline page: statements over time per pair of actors, and cooperation against conflict
for the busiest pairs (static SVG: readable without hovering, printable, no script).

A pair is unordered (a dyad, as event data counts them: Russia -> Belarus and Belarus -> Russia
are one relationship) and joins two actors; statements about themes and about oneself have no
counterpart and stay out. Pairs are ranked by their number of statements.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from kg.views.charts import bar_chart, monthly_buckets, strip_chart
from kg.views.data import Statement, ViewData
from kg.views.items import statement_items
from kg.views.render import render, write_page
from kg.views.style import TONE_COLOURS, is_cooperative, tones_in_use

TIMELINE_PAGE = "timeline.html"
MAX_STRIP_PAIRS, MAX_BAR_CHARTS = 40, 6


def actor_pairs(data: ViewData) -> list[tuple[tuple[str, str], list[Statement]]]:
    """Pairs of distinct actors with their statements, busiest first (then by the labels)."""
    pairs: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for s in data.statements:
        if s.subject != s.object and data.nodes[s.subject].is_actor and data.nodes[s.object].is_actor:
            a, b = sorted((s.subject, s.object), key=lambda n: (data.nodes[n].label, n))
            pairs[(a, b)].append(s)
    return sorted(pairs.items(), key=lambda item: (-len(item[1]), _pair_label(data, item[0])))


def _pair_label(data: ViewData, pair: tuple[str, str]) -> str:
    return f"{data.nodes[pair[0]].label} ↔ {data.nodes[pair[1]].label}"


def write_timeline(data: ViewData, pages: dict[str, str], folder: Path) -> Path:
    pairs = actor_pairs(data)
    shown = [
        (_pair_label(data, pair), f"pair-{index}", statements)
        for index, (pair, statements) in enumerate(pairs[:MAX_STRIP_PAIRS], 1)
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
    charts = [bar_chart(label, anchor, statements, scale) for label, anchor, statements in placed]
    everything = [s for _, _, statements in shown for s in statements]
    page = render(
        "timeline.html",
        root="",
        current="timeline",
        pair_count=len(pairs),
        strip=strip_chart(shown, describe),
        charts=charts,
        lists=[(label, anchor, statement_items(statements, data, pages, "")) for label, anchor, statements in shown],
        tones=tones_in_use(everything),
        tone_colours=TONE_COLOURS,
        max_pairs=MAX_STRIP_PAIRS,
    )
    return write_page(folder / TIMELINE_PAGE, page)


def _sides(counts: dict[str, int]) -> tuple[int, int]:
    up = sum(n for t, n in counts.items() if is_cooperative(t))
    return up, sum(counts.values()) - up
