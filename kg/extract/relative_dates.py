"""Date expressions anchored to the reference time rather than named on the calendar.

TimeML's TIMEX3 guidelines (Pustejovsky et al., 2003; Saurí et al., 2006) resolve an anchored
expression against its reference time: the nearest date the narrative fixed before it, else the
document's creation time. dateparser resolves such expressions against the clock or leaves
them out, so two kinds are resolved here:
- a weekday ("on Monday", "Saturday's protest"): the nearest such day on or before the
  reference date, as news tells the past (Mani and Wilson, 2000: a bare weekday in news refers
  to the week of the report); after it, where the clause speaks of the future;
- the week, month or year before the reference ("the past week", "over the last month", "the
  previous year"), or the reference's own ("later this week", "earlier this month"), at the
  granularity this project writes (a week as its year-month);
- the deictic "today", "yesterday", "tomorrow": the document's own date and the days next to it
  (TIMEX3 anchors them to the document creation time, never to the narrative: `deictic_offset`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(rf"^(?:(?:on|last|this|by|since|until|from)\s+)?(?P<day>{'|'.join(WEEKDAYS)})(?:'s)?$", re.I)
PAST_PERIOD = re.compile(
    r"^(?:(?:over|during|in|for|within|throughout)\s+)?(?:the\s+)?(?:past|last|previous|preceding)\s+"
    r"(?P<unit>week|month|year)$",
    re.I,
)
THIS_PERIOD = re.compile(r"^(?:later|earlier)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)$", re.I)


DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def deictic_offset(expression: str) -> int | None:
    """Days from the document's date that "today", "yesterday", "tomorrow" name, else None."""
    return DEICTIC_DAYS.get(" ".join(expression.lower().split()))


def resolve_deictic(expression: str, document_date: str | None) -> str | None:
    """'were briefed today' in a release of 2017-10-12: 2017-10-12."""
    offset = deictic_offset(expression)
    if offset is None or document_date is None or len(document_date) != 10:
        return None
    return (date.fromisoformat(document_date) + timedelta(days=offset)).isoformat()


def resolve_relative(expression: str, reference: str | None, *, future: bool = False) -> str | None:
    """The ISO date of a weekday or of the past week/month/year, counted from `reference` (a
    full ISO date); None for other expressions or without a full reference date."""
    if reference is None or len(reference) != 10:
        return None
    text = " ".join(expression.split())
    day = date.fromisoformat(reference)
    if match := WEEKDAY.match(text):
        offset = (day.weekday() - WEEKDAYS.index(match["day"].lower())) % 7
        if future:
            return (day + timedelta(days=(7 - offset) % 7 or 7)).isoformat()
        return (day - timedelta(days=offset)).isoformat()
    if match := PAST_PERIOD.match(text):
        unit = match["unit"].lower()
        if unit == "year":
            return f"{day.year - 1:04d}"
        earlier = day - timedelta(days=7) if unit == "week" else day.replace(day=1) - timedelta(days=1)
        return f"{earlier.year:04d}-{earlier.month:02d}"
    if match := THIS_PERIOD.match(text):
        return reference[:4] if match["unit"].lower() == "year" else reference[:7]
    return None
