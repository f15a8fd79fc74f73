"""Dates read by rules give what dateparser gives; each expression is parsed once per anchor."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import dates

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_NAMES = [*MONTHS, *(m[:3] for m in MONTHS), *(f"{m[:3]}." for m in MONTHS), "Sept", "march", "MAY"]
FORMS = [
    "{d} {m} {y}",
    "{d} {m}",
    "{d}th {m}",
    "{d} {m}, {y}",
    "{m} {d}",
    "{m} {d}, {y}",
    "{m} {d} {y}",
    "{m} {d}th, {y}",
    "{m} {y}",
    "{m}, {y}",
    "{m}",
    "{y}",
    "{y}-{n:02d}-{d:02d}",
    "{y}-{n:02d}",
]
ANCHORS = [None, "2016-04-22", "2015-03", "2019-12-31", "2021-02-28"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    form=st.sampled_from(FORMS),
    month=st.sampled_from(MONTH_NAMES),
    day=st.integers(1, 31),
    year=st.sampled_from(["1999", "2019", "2024"]),
    anchor=st.sampled_from(ANCHORS),
)
def test_the_rules_read_dates_as_dateparser_does(
    form: str, month: str, day: int, year: str, anchor: str | None
) -> None:
    number = [m[:3].lower() for m in MONTHS].index(month[:3].lower()) + 1
    text = form.format(d=day, m=month, y=year, n=number)
    ruled = dates._by_rules(text, anchor)
    assert ruled == dates._by_dateparser(text, anchor) or ruled is None
    if ("{y}" in form or anchor) and day <= 28:  # a day every month has: the rules read the form
        assert ruled is not None


COUNTS = [*dates.COUNT_WORDS, "Two", "A", "TWELVE", *map(str, range(100))]
COUNT_ANCHORS = [*ANCHORS[1:], "2016-02-29", "2016", "2020-01-01", "2024-01-31", "1999-12"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    count=st.sampled_from(COUNTS),
    unit=st.sampled_from(["year", "years", "month", "months", "week", "weeks", "day", "days", "Years"]),
    direction=st.sampled_from(["ago", "later", "Ago"]),
    anchor=st.sampled_from(COUNT_ANCHORS),
)
def test_counted_expressions_are_read_as_dateparser_reads_them(
    count: str, unit: str, direction: str, anchor: str
) -> None:
    text = f"{count} {unit} {direction}"
    ruled = dates._by_rules(text, anchor)
    assert ruled is not None
    assert ruled == dates._by_dateparser(text, anchor)


@pytest.mark.parametrize("text", ["this year", "This Year", "this month", "THIS WEEK"])
@pytest.mark.parametrize("anchor", COUNT_ANCHORS)
def test_this_unit_is_read_as_dateparser_reads_it(text: str, anchor: str) -> None:
    ruled = dates._by_rules(text, anchor)
    assert ruled is not None
    assert ruled == dates._by_dateparser(text, anchor)


@pytest.mark.parametrize("first", MONTH_NAMES)
def test_two_months_joined_are_no_date_for_dateparser_either(first: str) -> None:
    for second in MONTH_NAMES:
        text = f"{first} and {second}"
        assert dates.resolve(text, "2016-04-22") is None
        assert dates._by_dateparser(text, "2016-04-22") is None


@pytest.mark.parametrize("text", ["last month", "February and March", "the 1990s", "two years earlier", "in two weeks"])
def test_other_expressions_are_left_to_dateparser(text: str) -> None:
    assert dates._by_rules(text, "2016-04-22") is None


@pytest.fixture
def empty_caches() -> Iterator[None]:
    dates.resolve.cache_clear()
    dates.resolve_in_narrative.cache_clear()
    yield
    dates.resolve.cache_clear()
    dates.resolve_in_narrative.cache_clear()


@pytest.mark.usefixtures("empty_caches")
def test_an_expression_is_parsed_once_per_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[tuple[str, str | None]] = []

    def counting(text: str, anchor: str | None) -> str | None:
        parsed.append((text, anchor))
        return "2016-04"

    monkeypatch.setattr(dates, "_by_dateparser", counting)
    for narrative in ("2016-04-20", "2016-04-21", None):
        assert dates.resolve_in_narrative("last month", "2016-04-22", narrative, past=True) == "2016-04"
    assert dates.resolve("last month", "2016-04-22") == "2016-04"
    assert dates.resolve("last month", "2017-01-01") == "2016-04"
    assert parsed == [("last month", "2016-04-22"), ("last month", "2017-01-01")]


def test_dateparser_is_imported_only_when_an_expression_needs_it() -> None:
    """A worker imports `kg.dates` at its start; dateparser only comes with the first expression
    the rules leave to it."""
    check = (
        "import sys\nfrom kg import dates\n"
        "print(dates.resolve('12 May 2019', None), 'dateparser' in sys.modules)\n"
        "print(dates.resolve('Tuesday, May 14, 2019', None), 'dateparser' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[:2] == ["2019-05-12 False", "2019-05-14 True"]
