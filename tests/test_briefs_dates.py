"""Reading brief pages (`kg.read.briefs.parse_brief`) and normalising dates (`kg.dates`), on invented pages."""

from __future__ import annotations

import pytest

from kg.dates import OutOfCalendar, resolve, resolve_in_narrative
from kg.read.briefs import parse_brief
from kg.read.header_dates import find_header_date

BORDER = "Lithuania has closed two of its six border crossings with Belarus, citing security concerns."
NOTE = "Minsk responded with a diplomatic note and promised to reconsider transit agreements with Vilnius."
BULLET = "Lithuanian border guards will also check every lorry heading for Belarus."
LORRIES = "Poland is considering a quota for Belarusian lorries at its eastern border crossings."

PAGE = f"""Home  Analytics  Foreign policy
Foreign policy
Vilnius and Minsk trade accusations over the border crossings
April 22, 2016 18:58
Image: medininkai_crossing_21042016.jpg
Lithuanian border guards at the Medininkai crossing

{BORDER}

Minsk responded with a diplomatic note and promised to reconsider…

{NOTE}

  • {BULLET}

Poland closes the last crossing at Kuznica for an indefinite time Read more

Jonas Petraitis

Jonas Petraitis is a political analyst in Vilnius who studies how Belarus conducts its foreign policy.

Similar articles

Warsaw weighs a new border regime for Belarusian lorries
December 13 – December 19, 2021

{LORRIES}

You have been successfully subscribed

Subscribe to our newsletter

Every week, our analysts explain the most important decisions taken in Minsk and Moscow.
EN
Subscribe
"""


@pytest.fixture(scope="module")
def brief():
    return parse_brief("page", PAGE)


# ---- Segments, titles and header dates ---------------------------------------------------------
def test_main_article_keeps_its_title_and_header_date(brief) -> None:
    assert (brief.doc, brief.title, brief.date) == (
        "page",
        "Vilnius and Minsk trade accusations over the border crossings",
        "2016-04-22",
    )
    assert [s.number for s in brief.segments] == [1, 2]
    assert (brief.segments[0].title, brief.segments[0].date) == (brief.title, brief.date)


def test_similar_articles_start_a_segment_with_its_own_title_and_weekly_date(brief) -> None:
    second = brief.segments[1]
    # "December 13 – December 19, 2021": a weekly digest is dated by its first day
    assert (second.number, second.title, second.date) == (
        2,
        "Warsaw weighs a new border regime for Belarusian lorries",
        "2021-12-13",
    )


def test_image_file_name_stamp_dates_a_page_without_a_written_date() -> None:
    text = f"Minsk and Vilnius at odds again\nImage: lukashenko_nauseda_27022015.jpg\n\n{BORDER}\n"
    brief = parse_brief("stamp", text)
    assert (brief.title, brief.date, brief.segments[0].text) == (
        "Minsk and Vilnius at odds again",
        "2015-02-27",
        BORDER,
    )


def test_a_page_without_body_text_has_no_segments() -> None:
    brief = parse_brief("empty", "Home  Analytics\nBorder crossings\nApril 22, 2016 18:58\nRead more\n")
    assert (brief.segments, brief.title, brief.date) == ((), "", None)


# ---- Clutter dropped: teasers, "Read more" links, captions, author blurbs, newsletter box -------
def test_body_keeps_only_the_prose_of_each_article(brief) -> None:
    # dropped: navigation, the image caption, the "…" teaser repeated by the next paragraph, the
    # "Read more" link, the author blurb, and the newsletter box with everything after it
    assert [s.text.split("\n\n") for s in brief.segments] == [[BORDER, NOTE, BULLET], [LORRIES]]


@pytest.mark.parametrize(
    "clutter",
    [
        "Lithuanian border guards at the Medininkai crossing",  # image caption
        "Poland closes the last crossing",  # "Read more" teaser line
        "Jonas Petraitis",  # author blurb
        "Every week, our analysts",  # newsletter box
        "promised to reconsider…",  # teaser that a later paragraph repeats in full
        "•",  # bullet marker
    ],
)
def test_clutter_is_not_in_any_segment(brief, clutter: str) -> None:
    assert not any(clutter in s.text for s in brief.segments)


def test_source_offset_maps_every_character_back_into_the_page(brief) -> None:
    for segment in brief.segments:
        for start, _, length in segment.paragraphs:
            for position in range(start, start + length):
                assert PAGE[segment.source_offset(position)] == segment.text[position]
        for start, source, length in segment.paragraphs:
            assert PAGE[source : source + length] == segment.text[start : start + length]
    assert PAGE.index(BULLET) == brief.segments[0].source_offset(brief.segments[0].text.index(BULLET))
    assert PAGE.index(LORRIES) == brief.segments[1].source_offset(0)


# ---- Header dates ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 22, 2016 18:58", "2016-04-22"),
        ("September 20th, 2016", "2016-09-20"),
        ("22 April 2016", "2016-04-22"),
        ("13 – 19 December 2021", "2021-12-13"),
        ("Dec. 13 – Dec. 19, 2021", "2021-12-13"),
        ("2016-04-22", "2016-04-22"),
        ("Photo: makei_warsaw_05062019.jpg", "2019-06-05"),
        ("February 31, 2016", None),  # not a date
        ("Category: Foreign policy", None),
    ],
)
def test_find_header_date(line: str, expected: str | None) -> None:
    assert find_header_date([line]) == expected


# ---- Clause dates: kg.dates.resolve ------------------------------------------------------------
@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        # absolute: the anchor does not matter
        ("On September 20th, 2016", None, "2016-09-20"),
        ("On September 20th, 2016", "2021-12-13", "2016-09-20"),
        ("14 – 16 May 2019", None, "2019-05-14"),
        # partial: the year comes from the anchor, the granularity stays the text's
        ("On March 16", "2016-04-22", "2016-03-16"),
        ("in March", "2016-04-22", "2016-03"),
        ("in May", "2016-07", "2016-05"),
        # relative to the anchor
        ("last week", "2016-04-22", "2016-04"),
        ("last month", "2016-04-22", "2016-03"),
        ("last year", "2016-04-22", "2015"),
        ("two years ago", "2016-04-22", "2014"),
        ("this year", "2016-04-22", "2016"),
        # year-only and year-month stay partial
        ("in 2016", None, "2016"),
        ("in 2016", "2018-01-02", "2016"),
        ("in March 2015", None, "2015-03"),
        # no anchor and no year: no date rather than one guessed from today's clock
        ("On December 16", None, None),
        ("last week", None, None),
        ("two years ago", None, None),
        # not a date the text fixes
        ("on Monday", "2016-04-22", None),
        ("recently", "2016-04-22", None),
    ],
)
def test_resolve(expression: str, anchor: str | None, expected: str | None) -> None:
    assert resolve(expression, anchor) == expected


@pytest.mark.parametrize(
    ("expression", "narrative"),
    [
        ("3000000 days later", "2016-03-05"),
        ("3000000 days before", "2016-03-05"),
        ("1 day after", "9999-12-31"),
        ("the next day", "9999-12-31"),
    ],
)
def test_a_narrative_shift_off_the_calendar_is_no_date(expression: str, narrative: str) -> None:
    with pytest.raises(OutOfCalendar):
        resolve_in_narrative(expression, "2016-03-03", narrative)


def test_a_narrative_shift_within_the_calendar_counts_days() -> None:
    assert resolve_in_narrative("3 days later", "2016-03-03", "2016-03-05") == "2016-03-08"
    assert resolve_in_narrative("1 day after", "2016-03-03", "9999-12-30") == "9999-12-31"
