"""Publication dates of every common header layout, and stamps leading the first paragraph
(`kg.read.header_dates`, `kg.read.briefs.parse_brief`), on invented pages."""

from __future__ import annotations

import pytest

from kg.read.briefs import parse_brief
from kg.read.header_dates import find_header_date, leading_stamp

PROSE = "The Latvian government has extended the state of emergency along its eastern border by three months."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("9 March 2020", "2020-03-09"),
        ("LSM 2020.03.09 11:05", "2020-03-09"),
        ("2020/03/09", "2020-03-09"),
        ("Published 09.03.2020 | Comments 4", "2020-03-09"),
        ("2020-03-09 08:41 Editor: J. Ozols", "2020-03-09"),
        ("March 2 – March 8, 2020", "2020-03-02"),
        ("February 24 – March 1, 2020", "2020-02-24"),
        ("24 February – 1 March 2020", "2020-02-24"),
        ("31.02.2020", None),  # no such day
        ("Published 9.3.2020", "2020-03-09"),  # day first with dots, as Europe writes it
        ("PR (2020) 112", None),
        ("12/03/2020", None),  # day or month first: ambiguous, not read
    ],
)
def test_header_date_layouts(line: str, expected: str | None) -> None:
    assert find_header_date([line]) == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        (f"date 2020-03-09 {PROSE}", None, ("2020-03-09", PROSE)),
        (f"(2020-03-09) {PROSE}", None, ("2020-03-09", PROSE)),
        (f"RIGA, March 9 (Reuters) - {PROSE}", "2020", ("2020-03-09", PROSE)),
        (f"RIGA, Latvia, Mar. 9, 2020 (AP) — {PROSE}", None, ("2020-03-09", PROSE)),
        (f"RIGA, March 9 (Reuters) - {PROSE}", None, (None, PROSE)),  # no year anywhere: no guess
        (PROSE, "2020", (None, PROSE)),
        (f"(in Latvian) {PROSE}", None, (None, f"(in Latvian) {PROSE}")),
    ],
)
def test_leading_stamp(text: str, year: str | None, expected: tuple[str | None, str]) -> None:
    found, end = leading_stamp(text, year)
    assert (found, text[end:]) == expected


def test_stamp_is_the_date_and_leaves_the_paragraph() -> None:
    page = (
        f"Latvia extends emergency\n\n date 2020-03-09 {PROSE}\n\n"
        "Riga said the measure was temporary and would be reviewed.\n"
    )
    segment = parse_brief("lv", page).segments[0]
    assert segment.date == "2020-03-09"
    assert segment.text.split("\n\n")[0] == PROSE
    assert page[segment.source_offset(0) :].startswith(PROSE)


def test_date_below_a_bulleted_title() -> None:
    title = "• Statement by the Council on the situation at the eastern border of the Union"
    page = f"{title}\n\nPress Release\n\n9 March 2020\n\n{PROSE}\n"
    assert parse_brief("lv", page).segments[0].date == "2020-03-09"


def test_date_below_a_title_that_asks_a_question() -> None:
    title = "Is Riga About to Close Its Border With Belarus for Good This Time?"
    page = f"{title}\n\nOPINION 09.03.2020 Comments 0\n\n{PROSE}\n\n{PROSE}\n"
    assert parse_brief("lv", page).segments[0].date == "2020-03-09"


def test_no_date_in_prose_makes_a_header_date() -> None:
    page = (
        f"Latvia extends emergency\n\n{PROSE}\n\nThe previous extension was decided on 9 March 2020 by the cabinet.\n"
    )
    assert parse_brief("lv", page).segments[0].date is None
