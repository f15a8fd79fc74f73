"""Dates: the date of a clause (a brief's publication date is found by `kg.read.header_dates`).

Clause dates follow TimeML practice (TIMEX3 normalisation): an expression keeps the granularity
it states, so "in 2016" is `2016`, "last month" is a year-month and "On December 16" a full
date; expressions without a year, and relative ones ("last week", "two years ago"), are
anchored to the document creation time, here the date of the segment the clause stands in.
Parsing of the expression itself is dateparser's, read with its `PREFER_DATES_FROM`
"current_period" (a date without a year is in the anchor's year); without an anchor, an
expression that does not name its year gives no date rather than one guessed from today's
clock. The forms that make most of the news's dates ("12 May 2019", "May 12, 2019", "18 March",
"May 2019", "2019", ISO dates) and the counted ones ("two years ago", "three days later", "this
year") are read by rules that give what dateparser gives for them (tests compare the two), as is
the no-date of two months joined ("February and March"); dateparser reads the rest. A call of
dateparser costs about a millisecond and is remembered only per anchor, which changes from brief
to brief: the 200 briefs of /work/ref/c200 made 116 calls (0.30 CPU s), all of these forms. Each
expression is normalised once per anchor (and narrative date): results are cached, since briefs
repeat their dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DASH = r"\s*[–—-]\s*"
YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
RELATIVE = re.compile(r"\b(ago|last|next|previous|past|this|yesterday|today|tomorrow|earlier|later)\b", re.I)
DAY_RANGE = re.compile(rf"\b(\d{{1,2}}){DASH}\d{{1,2}}(\s+{MONTH})", re.I)
MONTH_RANGE = re.compile(rf"\b({MONTH}\s+\d{{1,2}}){DASH}\d{{1,2}}\b", re.I)
LEADING_WORDS = re.compile(r"^(on|in|from|since|by|during|until|at|of|the|late|early|mid)\s+", re.I)
RULE_YEAR = r"(?P<y>(?:1[89]|20)\d{2})"
ORDINAL = r"(?:st|nd|rd|th)?"
RULES = (  # whole expressions, read without dateparser; a missing day or year is filled as dateparser does
    re.compile(rf"{RULE_YEAR}-(?P<m>\d{{2}})(?:-(?P<d>\d{{2}}))?"),  # 2019-05-12, 2019-05
    re.compile(rf"(?P<d>\d{{1,2}}){ORDINAL}\s+(?P<m>{MONTH}),?(?:\s+{RULE_YEAR})?", re.I),  # 12 May 2019, 18 March
    re.compile(rf"(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}){ORDINAL}(?:,?\s+{RULE_YEAR})?", re.I),  # May 12, 2019; December 16
    re.compile(rf"(?P<m>{MONTH}),?(?:\s+{RULE_YEAR})?", re.I),  # May 2019, February
    re.compile(RULE_YEAR),  # 2019
)
MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
COUNTED = re.compile(
    rf"(?P<n>\d{{1,2}}|{'|'.join(COUNT_WORDS)})\s+(?P<unit>year|month|week|day)s?\s+(?P<dir>ago|later)", re.I
)
THIS_UNIT = re.compile(r"this\s+(?P<unit>year|month|week)", re.I)
PAIRED_MONTHS = re.compile(rf"{MONTH}\s+and\s+{MONTH}", re.I)
CACHED_EXPRESSIONS = 16384


class OutOfCalendar(ValueError):
    """A date expression that points outside the calendar ("3000000 days later", years past
    9999): it dates nothing, and one brief's absurd number must not stop a build."""


@lru_cache(maxsize=256)
def _parser_for(anchor: str | None) -> DateDataParser:
    """dateparser, imported on first use: the rules read most dates, and its import (0.02-0.05
    CPU s) would be part of every worker's start, a one-brief rebuild's too."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "current_period"}
    if anchor:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(_complete(anchor))
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=CACHED_EXPRESSIONS)
def resolve(expression: str, anchor: str | None) -> str | None:
    """Normalise a date expression to ISO at its own granularity (day, month or year); None
    when it is no date, `OutOfCalendar` when it is one off the calendar."""
    text = DAY_RANGE.sub(r"\1\2", MONTH_RANGE.sub(r"\1", expression.strip()))
    while LEADING_WORDS.match(text):
        text = LEADING_WORDS.sub("", text)
    if not text or not re.search(r"\d|" + MONTH + r"|\b(week|month|year|day)s?\b", text, re.I):
        return None
    has_year = bool(YEAR.search(text))
    if not has_year and anchor is None:
        return None
    if not has_year and not RELATIVE.search(text) and not re.search(MONTH, text, re.I):
        return None
    if PAIRED_MONTHS.fullmatch(text):
        return None  # dateparser reads no date in "February and March" (`resolve_in_narrative` takes the first)
    return _by_rules(text, anchor) or _by_dateparser(text, anchor)


def _by_rules(text: str, anchor: str | None) -> str | None:
    """The ISO value of an expression of one of the `RULES` forms, at its granularity; None for
    any other expression (and for days off the calendar, which dateparser judges)."""
    for rule in RULES:
        if match := rule.fullmatch(text):
            found = match.groupdict()
            year = found["y"] or (anchor[:4] if anchor else None)
            month = found.get("m")
            if year is None:
                return None
            if month is None:
                return year
            number = int(month) if month.isdigit() else MONTH_NUMBERS.get(month[:3].lower())
            if number is None or not 1 <= number <= 12:
                return None
            if found.get("d") is None:
                return f"{year}-{number:02d}"
            try:
                return date(int(year), number, int(found["d"])).isoformat()
            except ValueError:
                return None
    return _by_count(text, anchor)


def _by_count(text: str, anchor: str | None) -> str | None:
    """'two years ago', 'three days later', 'this year': the anchor (its first day, when it is a
    month or a year) moved by the count of units, at the unit's granularity (a week's as its
    year-month), as dateparser's relative-date ("freshness") parser counts them; None for any
    other expression, and for a year outside 1000-9999, which dateparser judges."""
    if anchor is None:
        return None
    base = date.fromisoformat(_complete(anchor))
    if match := THIS_UNIT.fullmatch(text):
        return f"{base.year:04d}" if match["unit"].lower() == "year" else f"{base.year:04d}-{base.month:02d}"
    match = COUNTED.fullmatch(text)
    if match is None:
        return None
    count = int(match["n"]) if match["n"].isdigit() else COUNT_WORDS[match["n"].lower()]
    count = -count if match["dir"].lower() == "ago" else count
    unit = match["unit"].lower()
    if unit == "year":
        year, found = base.year + count, f"{base.year + count:04d}"
    elif unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + count, 12)
        found = f"{year:04d}-{month + 1:02d}"
    else:
        day = base + timedelta(days=count * (7 if unit == "week" else 1))  # (a 99 weeks' move stays in range)
        year, found = day.year, day.isoformat() if unit == "day" else f"{day.year:04d}-{day.month:02d}"
    return found if 1000 <= year <= 9999 else None


def _by_dateparser(text: str, anchor: str | None) -> str | None:
    try:
        parsed = _parser_for(anchor).get_date_data(text)
    except (OverflowError, ValueError) as error:  # dateparser's arithmetic on an absurd number
        raise OutOfCalendar(str(error)) from None
    if parsed is None or parsed.date_obj is None:
        return None
    found, period = parsed.date_obj, parsed.period
    if period == "year":
        return f"{found.year:04d}"
    if period in ("month", "week"):
        return f"{found.year:04d}-{found.month:02d}"
    return found.date().isoformat()


def _complete(partial: str) -> str:
    """'2016' -> '2016-01-01', '2016-03' -> '2016-03-01': an anchor for relative dates."""
    parts = partial.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}
LATER = re.compile(
    r"^(?P<n>\d+|one|two|three|four|five|six|seven|a|an)\s+days?\s+(?P<dir>later|earlier|before|after)", re.I
)
SAME_DAY = re.compile(r"^(the\s+)?(same|that)\s+day\b", re.I)
NEXT_DAY = re.compile(r"^(the\s+)?(next|following)\s+day\b", re.I)
MAX_DAYS_AHEAD = 31  # a weekly digest dated by its first day still reports the days after it
FIRST_MONTH = re.compile(rf"\b({MONTH})\b", re.I)


@lru_cache(maxsize=CACHED_EXPRESSIONS)
def resolve_in_narrative(
    expression: str, anchor: str | None, narrative: str | None, *, past: bool = False
) -> str | None:
    """Like `resolve`, but "the same day", "the next day" and "three days later" count from the
    narrative date (the last date the text fixed), "February and March" keeps its first month,
    and a date without a year told in the past tense is not after the anchor ("On December 16,
    Poland closed ..." in a brief of April 2016 is December 2015). `OutOfCalendar` when the
    expression points outside the calendar ("3000000 days later")."""
    text = expression.strip()
    if narrative and len(narrative) == 10:
        day = date.fromisoformat(narrative)
        if SAME_DAY.match(text):
            return narrative
        if NEXT_DAY.match(text):
            return _shifted(day, 1)
        if match := LATER.match(text):
            count = int(match["n"]) if match["n"].isdigit() else NUMBERS[match["n"].lower()]
            sign = 1 if match["dir"].lower() in ("later", "after") else -1
            return _shifted(day, sign * count)
    resolved = resolve(text, anchor)
    if resolved is None and (month := FIRST_MONTH.search(text)) and " and " in text:
        resolved = resolve(month.group(1), anchor)
    yearless = not YEAR.search(text) and not RELATIVE.search(text)
    if past and resolved and anchor and yearless and _days_after(resolved, anchor) > MAX_DAYS_AHEAD:
        resolved = f"{int(resolved[:4]) - 1:04d}{resolved[4:]}"
    return resolved


def _shifted(day: date, days: int) -> str:
    """`day` moved by `days`; `OutOfCalendar` where that leaves the calendar."""
    try:
        return (day + timedelta(days=days)).isoformat()
    except (OverflowError, ValueError) as error:
        raise OutOfCalendar(str(error)) from None


def _days_after(value: str, anchor: str) -> int:
    return (date.fromisoformat(_complete(value)) - date.fromisoformat(_complete(anchor))).days
