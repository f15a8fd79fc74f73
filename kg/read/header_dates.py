"""A brief's publication date, from its page header or from a stamp leading its first paragraph.

Pages and wire copy write the date of publication in a handful of layouts (the forms below are
those of news sites, ministries' press releases, think-tank digests and wire services):
- a written month: "April 22, 2016 18:58", "22 April 2016", "September 20th, 2016";
- a weekly digest's range: "December 13 – December 19, 2021", "13 – 19 December 2021",
  "February 28 – March 6, 2022" (its first day is the date);
- numbers: ISO "2016-04-22" (also "2018-05-10 14:24"), year first with dots or slashes
  ("2021.06.14 14:37", "2021/06/14"), day first with dots ("20.05.2022", the European and
  Slavic order; a slash-separated day-first date is ambiguous with the US order and is left out);
- a day-month-year stamp in an image file name ("lukashenko_rubin_27022015.jpg");
- a stamp leading the first paragraph: "date 2023-01-23 Sweden ...", "(2017-10-12) The ...",
  and the wire dateline "WARSAW, March 3 (Reuters) - ..." (place in capitals, date, agency),
  whose year is the header's, as wire copy states it once (AP Stylebook, "datelines").
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DASH = r"\s*[–—-]\s*"
ORDINAL = r"(?:st|nd|rd|th)?"
HEADER_PATTERNS = (
    # "December 13 – December 19, 2021", "February 28 – March 6, 2022": a digest's first day
    re.compile(
        rf"(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}){ORDINAL}{DASH}(?:{MONTH}\s+)?\d{{1,2}}{ORDINAL},?\s+(?P<y>\d{{4}})", re.I
    ),
    # "April 22, 2016 18:58", "September 20th, 2016"
    re.compile(rf"(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}){ORDINAL},?\s+(?P<y>\d{{4}})", re.I),
    # "28 February – 6 March 2022"
    re.compile(
        rf"(?P<d>\d{{1,2}}){ORDINAL}\s+(?P<m>{MONTH}){DASH}\d{{1,2}}{ORDINAL}\s+{MONTH},?\s+(?P<y>\d{{4}})", re.I
    ),
    # "22 April 2016", "13 – 19 December 2021"
    re.compile(rf"(?P<d>\d{{1,2}}){ORDINAL}(?:{DASH}\d{{1,2}}{ORDINAL})?\s+(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})", re.I),
    # "2016-04-22", "2021.06.14 14:37", "2021/06/14"
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
    # "20.05.2022"
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\d)"),
    # "lukashenko_rubin_27022015.jpg"
    re.compile(r"(?<!\d)(?P<d>\d{2})(?P<m>\d{2})(?P<y>(?:19|20)\d{2})(?!\d)[^\s]*\.(?:jpe?g|png|gif|webp)\b", re.I),
)
LEADING_STAMP = re.compile(r"^\s*(?:date:?\s+(?P<a>\S+)|\((?P<b>[^)]{6,20})\))\s*(?:[-–—|:]\s*)?(?=\S)", re.I)
# "WARSAW, March 3 (Reuters) -", "KYIV, Ukraine, Nov. 2 (AP) —", "BEIJING, May 10 (Xinhua) --"
WIRE_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'-]+,(?:\s+[A-Z][\w .]+,)?\s+(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})"
    r"(?:,?\s+(?P<y>\d{4}))?\s*(?:\([^)]{2,30}\)\s*)?(?:-{1,2}|[–—])\s*(?=\S)"
)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        month_number = int(month) if month.isdigit() else datetime.strptime(month[:3].title(), "%b").month
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


def find_header_date(lines: list[str]) -> str | None:
    """The first full date written in a page header, as an ISO date, or None."""
    for line in lines:
        for pattern in HEADER_PATTERNS:
            for match in pattern.finditer(line):
                if found := _iso(match["y"], match["m"], match["d"]):
                    return found
    return None


def header_year(lines: list[str]) -> str | None:
    """The first year a header names ("© 2022", "Updated 2022"): the year of a wire dateline."""
    return next((match.group() for line in lines if (match := YEAR.search(line))), None)


def leading_stamp(text: str, year: str | None) -> tuple[str | None, int]:
    """The date stamped before a paragraph's first sentence and where the sentence starts:
    ("2023-01-23", 16) for "date 2023-01-23 Sweden ...", (None, 0) where no stamp leads."""
    if match := LEADING_STAMP.match(text):
        found = find_header_date([match["a"] or match["b"]])
        return (found, match.end()) if found else (None, 0)
    if match := WIRE_DATELINE.match(text):
        stated = match["y"] or year
        return (_iso(stated, match["m"], match["d"]) if stated else None), match.end()
    return None, 0
