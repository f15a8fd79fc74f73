"""Geometry of the timeline's two charts, drawn as SVG by the template (which escapes the text).

- The strip chart has a row per pair of actors and a mark per dated statement, at its date and as
  wide as the date is vague: a dot for a day, a bar across the month or the year when the brief
  gives no more (the "temporal uncertainty as extent" encoding of Aigner et al. 2011,
  "Visualization of Time-Oriented Data", ch. 3). Marks are filled for asserted statements and
  hollow for negated or not-asserted ones, coloured by tone.
- The bar charts ("small multiples", Tufte 1983) show, per month, the cooperative statements of a
  pair as bars going up and the conflictual ones going down, stacked by tone, every bar labelled
  with its count so the chart reads without hovering; all share one vertical scale. A pair whose
  dates span more than MAX_BUCKETS months is counted per quarter, half-year or year instead.
  Statements dated only to a year cannot be placed in a month and are counted in the subtitle.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from functools import cache

from markupsafe import Markup, escape

from kg.views.data import Statement
from kg.views.render import shorten
from kg.views.style import QUAD_CLASSES, TONE_COLOURS, is_cooperative, tone

STRIP_WIDTH, STRIP_LABEL, STRIP_RIGHT, ROW_HEIGHT, STRIP_TOP = 1000, 260, 80, 24, 30
ROW_LABEL_CHARS = 38  # what fits in STRIP_LABEL pixels at 12 px
BAR_WIDTH, BAR_HEIGHT, BAR_TOP, BAR_BOTTOM, BAR_SIDE = 470, 210, 28, 34, 34
MAX_BUCKETS, MAX_TICKS = 24, 10
BUCKET_MONTHS = (1, 3, 6, 12)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
STACK_ORDER = [
    "material cooperation",
    "verbal cooperation",
    "positive",
    "material conflict",
    "verbal conflict",
    "negative",
]


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class StripRow:
    label: str  # shortened to fit left of the plot
    title: str  # the whole label, shown on hover
    href: str  # the page of the pair's statements
    y: float
    dated: int
    undated: int


@dataclass(frozen=True)
class StripChart:
    width: float
    height: float
    plot_left: float
    plot_right: float
    rows: list[StripRow]
    # the marks as lines of SVG, made as the page is written: a mark per dated statement, 130,000
    # at 5,000 briefs, neither held at once nor drawn attribute by attribute by the template
    marks: Iterator[Markup]
    ticks: list[Tick]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class BarChart:
    title: str
    subtitle: str
    href: str  # the page of the pair's statements
    width: float
    height: float
    zero: float
    plot_left: float
    plot_right: float
    bars: list[Bar]
    counts: list[Label]
    ticks: list[Tick]
    up_label: str
    down_label: str


@cache
def day_number(day: str) -> int:
    return Date.fromisoformat(day).toordinal()


def strip_chart(pairs: list[tuple[str, str, list[Statement]]], describe: Callable[[Statement], str]) -> StripChart:
    """`pairs` are (label, href of its page, statements); `describe` gives a statement's hover text."""
    periods = [s.period for _, _, statements in pairs for s in statements if s.date]
    plot_left, plot_right = STRIP_LABEL, STRIP_WIDTH - STRIP_RIGHT
    if periods:
        first, last = day_number(min(p[0] for p in periods)), day_number(max(p[1] for p in periods)) + 1
    else:
        first = last = 0
    span = max(last - first, 1)

    def x(day: int) -> float:
        return plot_left + (day - first) / span * (plot_right - plot_left)

    def marks() -> Iterator[Markup]:
        for row, (_, _, statements) in zip(rows, pairs, strict=True):
            dated = (s for s in statements if s.date)
            for s in sorted(dated, key=lambda s: (-len(s.date), s.date)):  # vaguest drawn first, beneath
                yield _mark(s, row.y, x, describe)

    rows = []
    for index, (label, href, statements) in enumerate(pairs):
        y = STRIP_TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2
        dated = sum(1 for s in statements if s.date)
        rows.append(StripRow(shorten(label, ROW_LABEL_CHARS), label, href, y, dated, len(statements) - dated))
    height = STRIP_TOP + len(pairs) * ROW_HEIGHT + 28
    return StripChart(STRIP_WIDTH, height, plot_left, plot_right, rows, marks(), _time_ticks(first, last, x))


def _mark(s: Statement, y: float, x: Callable[[int], float], describe: Callable[[Statement], str]) -> Markup:
    """A statement's mark: a dot for a day, a bar across the month or year; hollow when hedged."""
    start, end = s.period
    colour = TONE_COLOURS[tone(s)]
    left, right = x(day_number(start)), x(day_number(end) + 1)
    fill, title = "#fff" if s.hedged else colour, escape(describe(s))
    if len(s.date) == 10:
        return Markup(
            f'  <circle cx="{(left + right) / 2:.1f}" cy="{y:.1f}" r="5" fill="{fill}" stroke="{colour}"'
            f' stroke-width="2"><title>{title}</title></circle>\n'
        )
    height, width = 12 if len(s.date) == 7 else 6, max(right - left, 3)
    return Markup(
        f'  <rect x="{left:.1f}" y="{y - height / 2:.1f}" width="{width:.1f}" height="{height}"'
        f' fill="{fill}" fill-opacity="{1 if s.hedged else 0.55}" stroke="{colour}" stroke-width="1.5">'
        f"<title>{title}</title></rect>\n"
    )


def _time_ticks(first: int, last: int, x: Callable[[int], float]) -> list[Tick]:
    """Year ticks, or month ticks when the span is under two years; at most MAX_TICKS."""
    if last <= first:
        return []
    start, end = Date.fromordinal(first), Date.fromordinal(last)
    if (end - start).days > 730:
        years = list(range(start.year + (start.month > 1 or start.day > 1), end.year + 1))
        step = math.ceil(len(years) / MAX_TICKS)
        return [Tick(x(Date(y, 1, 1).toordinal()), str(y)) for y in years[::step]]
    months = list(range(start.year * 12 + start.month - 1 + (start.day > 1), end.year * 12 + end.month))
    step = math.ceil(len(months) / MAX_TICKS) or 1
    ticks = []
    for month in months[::step]:
        year, index = divmod(month, 12)
        ticks.append(Tick(x(Date(year, index + 1, 1).toordinal()), f"{MONTHS[index]} {year}"))
    return ticks


def _bucket(day: str, months: int) -> int:
    """The index of the bucket (of `months` months) holding the day, counted from year 0."""
    year, month = int(day[:4]), int(day[5:7])
    return (year * 12 + month - 1) // months


def _bucket_label(index: int, months: int) -> str:
    first = index * months
    year, month = divmod(first, 12)
    if months == 1:
        return f"{MONTHS[month]} {year}"
    if months == 3:
        return f"Q{month // 3 + 1} {year}"
    if months == 6:
        return f"H{month // 6 + 1} {year}"
    return str(year)


def monthly_buckets(statements: list[Statement]) -> tuple[int, dict[int, Counter[str]]]:
    """The bucket size in months and, per bucket, the statements counted by tone; statements
    dated to a month or a day only."""
    placed = [s for s in statements if len(s.date) >= 7]
    if not placed:
        return 1, {}
    days = sorted(s.date[:7] + "-01" for s in placed)
    size = next(
        (m for m in BUCKET_MONTHS if _bucket(days[-1], m) - _bucket(days[0], m) < MAX_BUCKETS), BUCKET_MONTHS[-1]
    )
    buckets: dict[int, Counter[str]] = {}
    for s in placed:
        buckets.setdefault(_bucket(s.date, size), Counter())[tone(s)] += 1
    return size, buckets


def bar_chart(
    title: str,
    href: str,
    statements: list[Statement],
    scale: int,
    counted: tuple[int, dict[int, Counter[str]]] | None = None,
) -> BarChart:
    """Cooperative statements up, conflictual down, per bucket; `scale` is the largest count any
    chart of the page shows, so all share one vertical scale. `counted`: the statements'
    `monthly_buckets`, when the caller has them."""
    size, buckets = counted or monthly_buckets(statements)
    unit = {1: "month", 3: "quarter", 6: "half-year", 12: "year"}[size]
    plot_left, plot_right = BAR_SIDE, BAR_WIDTH - 10
    zero = BAR_TOP + (BAR_HEIGHT - BAR_TOP - BAR_BOTTOM) / 2
    half = (BAR_HEIGHT - BAR_TOP - BAR_BOTTOM) / 2 - 12
    if buckets:
        low, high = min(buckets), max(buckets)
        pad = max(0, (6 - (high - low + 1)) // 2)  # a few empty buckets either side of a lone bar
        low, high = low - pad, high + pad
    else:
        low = high = 0
    slots = high - low + 1
    slot = (plot_right - plot_left) / slots
    bars, counts, ticks = [], [], []
    for index in range(low, high + 1):
        tones = buckets.get(index, Counter())
        left = plot_left + (index - low) * slot + slot * 0.15
        width = slot * 0.7
        up = down = 0.0
        for name in STACK_ORDER:
            if not tones[name]:
                continue
            height = tones[name] / max(scale, 1) * half
            label = f"{_bucket_label(index, size)}: {tones[name]} {name}"
            if is_cooperative(name):
                bars.append(Bar(left, zero - up - height, width, height, TONE_COLOURS[name], label))
                up += height
            else:
                bars.append(Bar(left, zero + down, width, height, TONE_COLOURS[name], label))
                down += height
        cooperative = sum(n for t, n in tones.items() if is_cooperative(t))
        conflictual = sum(tones.values()) - cooperative
        if cooperative:
            counts.append(Label(left + width / 2, zero - up - 4, str(cooperative)))
        if conflictual:
            counts.append(Label(left + width / 2, zero + down + 13, str(conflictual)))
    step = math.ceil(slots / 6)
    for index in range(low, high + 1, step):
        ticks.append(Tick(plot_left + (index - low) * slot + slot / 2, _bucket_label(index, size)))
    cooperative = sum(1 for s in statements if is_cooperative(tone(s)))
    vague = sum(1 for s in statements if len(s.date) == 4)
    undated = sum(1 for s in statements if not s.date)
    parts = [f"{cooperative} cooperative, {len(statements) - cooperative} conflictual; counted per {unit}"]
    scores = [s.code.goldstein for s in statements if s.code is not None and s.code.goldstein is not None]
    if scores:
        parts.append(f"mean Goldstein {sum(scores) / len(scores):+.1f}")
    if vague or undated:
        parts.append(f"{vague + undated} not placed in a {unit} (dated to a year or undated)")
    coded = any(s.code is not None and s.code.quad_class in QUAD_CLASSES for s in statements)
    return BarChart(
        title=title,
        subtitle="; ".join(parts),
        href=href,
        width=BAR_WIDTH,
        height=BAR_HEIGHT,
        zero=zero,
        plot_left=plot_left,
        plot_right=plot_right,
        bars=bars,
        counts=counts,
        ticks=ticks,
        up_label="cooperation" if coded else "positive",
        down_label="conflict" if coded else "negative",
    )
