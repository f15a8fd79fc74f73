"""Briefs without a paragraph of prose (`kg.read.headlines`): headline-style briefs and one-line
leads without a full stop are read; pages with a body keep their clutter rules. Invented pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.read.briefs import parse_brief
from kg.read.headlines import is_headline

LEAD = "Finnish border guards closed the last crossing to Russia on Thursday night after new arrivals"


def bodies(text: str) -> list[str]:
    return [segment.text for segment in parse_brief("t", text).segments]


def test_one_line_lead_without_full_stop() -> None:
    assert bodies(LEAD + "\n") == [LEAD]


def test_dated_lead_without_full_stop() -> None:
    brief = parse_brief("t", f"30 November 2023\n\n{LEAD}\n")
    assert [(s.date, s.title, s.text) for s in brief.segments] == [("2023-11-30", LEAD, LEAD)]


def test_headline_style_brief() -> None:
    text = "Finland shuts border crossings\nMoscow summons Finnish envoy over closure\n"
    assert bodies(text) == ["Finland shuts border crossings\n\nMoscow summons Finnish envoy over closure"]


def test_short_benchmark_sentence_file() -> None:
    assert bodies("2023-11-30\n\nHelsinki recalls its ambassador\n") == ["Helsinki recalls its ambassador"]


def test_lead_with_stamp_and_headline() -> None:
    brief = parse_brief("t", f"Border closed\n\n(2023-11-30) {LEAD}\n")  # a two-word label, then the lead
    assert [(s.date, s.title, s.text) for s in brief.segments] == [("2023-11-30", LEAD, LEAD)]


def test_body_keeps_clutter_rules() -> None:
    prose = "Finland closed the last crossing on its eastern border after a week of new arrivals."
    text = f"Finland shuts border\n30 November 2023\n\n{prose}\n\nFinnish border guards at the Vaalimaa crossing\n"
    assert bodies(text) == [prose]  # the caption without a full stop stays out where a body exists


@pytest.mark.parametrize(
    "line",
    [
        "HOME NEWS WORLD POLITICS",  # a menu
        "Photo: border_crossing_2023.jpg",
        "By Matti Virtanen",
        "30 November 2023 14:05",
        "Share",
        "Read more at https://example.org/news",
    ],
)
def test_labels_are_no_headlines(line: str) -> None:
    assert not is_headline(line)
    assert bodies(f"{line}\n") == []


def test_one_line_briefs_are_read_through_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 16's acceptance, through `kg build`: a brief of one line without a full stop, a
    dated one-sentence brief and a brief of headlines each give their statement."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "lead.txt").write_text("Estonia expels two Russian diplomats over espionage\n")
    (briefs / "dated.txt").write_text("2023-11-30\n\nHelsinki recalls its ambassador from Moscow\n")
    (briefs / "headlines.txt").write_text("Border news\nLatvia closes its border with Belarus\nMarkets calm\n")
    output = tmp_path / "output"
    assert main(["build", str(briefs), "-o", str(output), "--quiet"]) == 0
    records = [json.loads(line) for line in (output / "statements.jsonl").read_text().splitlines()]
    found = sorted((r["doc"], r["subject"], r["relation"], r["target"]) for r in records)
    assert [(doc.split("_")[0], *rest) for doc, *rest in found] == [
        ("dated", "Finland", "recall", "Russia"),
        ("headlines", "Latvia", "close", "Belarus"),
        ("lead", "Estonia", "expel", "Russia"),
    ]
