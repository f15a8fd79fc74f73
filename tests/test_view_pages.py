"""The static pages, read as HTML: the start page's tables, an actor's ego network and statement
list, the timeline's charts. The values come from `view_store` (tests/conftest.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from kg.store import KnowledgeStore
from kg.views import write_views


class Text(HTMLParser):
    """The page's elements as (tag, attributes, text) in document order, the text being what the
    element and its children show (entities decoded, as a browser shows them)."""

    VOID: ClassVar[set[str]] = {"meta", "br", "input", "img", "hr", "link", "path", "line", "circle", "rect"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), []))
        if tag not in self.VOID:
            self.open.append(len(self.elements) - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            index = self.open.pop()
            if self.elements[index][0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for index in self.open:
            self.elements[index][2].append(data)

    def find(self, tag: str, **attrs: str) -> list[tuple[dict[str, str | None], str]]:
        return [
            (a, "".join(text).strip())
            for t, a, text in self.elements
            if t == tag
            and all(
                (a.get(k.rstrip("_")) or "").split().count(v) or a.get(k.rstrip("_")) == v for k, v in attrs.items()
            )
        ]


@pytest.fixture(scope="module")
def folder(view_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    write_views(view_store, folder)
    return folder


def page(folder: Path, name: str) -> Text:
    parsed = Text()
    parsed.feed((folder / name).read_text(encoding="utf-8"))
    return parsed


def rows(parsed: Text, table_class: str) -> list[list[str]]:
    """The body rows of a table, cell texts, found by re-parsing (tables here are simple)."""
    found, inside, current = [], False, None
    for tag, attrs, text in parsed.elements:
        if tag == "table":
            inside = table_class in (attrs.get("class") or "").split()
        elif inside and tag == "tr":
            current = []
            found.append(current)
        elif inside and tag == "td" and current is not None:
            current.append("".join(text).strip())
    return [r for r in found if r]


def test_start_page_lists_briefs_actors_and_views(folder: Path) -> None:
    index = page(folder, "index.html")
    assert index.find("h1")[0][1] == "Knowledge graph of 3 briefs"
    assert index.find("p", id="summary")[0][1] == (
        "12 statements by and about 7 actors and 2 themes, dated from 2024-02 to 2024-06-20."
    )
    assert rows(index, "briefs") == [
        ["Minsk and Moscow deepen ties", "2024-03-01", "4"],
        ["Baltic watch </script><script>window.__xss=3</script>", "2024-04-10", "3"],
        ["Vilnius and Minsk trade accusations", "2024-06-20", "5"],
    ]
    actors = rows(index, "actors")
    assert [r[0] for r in actors] == [
        "Belarus",
        "Lithuania",
        "Russia",
        "European Union",
        "<img src=x onerror=window.__xss=5>Markup Group",
        "Alexander Lukashenko",
        "Wagner Group",
    ]  # busiest first, then by name
    assert actors[1] == ["Lithuania", "Country", "5", "1", "4", "2024-05-14", "2024-06-20"]
    links = {text: a["href"] for a, text in index.find("a") if a["href"].startswith("actors/")}
    assert links["Lithuania"] == "actors/lithuania.html"
    assert {a["href"] for a, _ in index.find("a")} >= {"graph.html", "timeline.html"}


def test_actor_page_draws_its_ego_network(folder: Path) -> None:
    lithuania = page(folder, "actors/lithuania.html")
    assert lithuania.find("h1")[0][1] == "Lithuania"
    assert "Country · 5 statements · 4 counterparts · also written Lithuanian, Vilnius" in lithuania.find("p")[0][1]
    neighbours = [text for _, text in lithuania.find("g", class_="neighbour")]
    # each neighbour: its hover title, then its label and its relations with the actor
    markup = "<img src=x onerror=window.__xss=5>Markup Group"
    assert (
        [re.sub(r"\s+", " ", n) for n in neighbours]
        == [  # busiest first, then by name
            "Belarus: accuse, expel Belarus accuse, expel",
            f"{markup}: threaten {markup[:33]}… threaten",  # labels past 34 characters are shortened
            "European Union: meet European Union meet",
            "Russia: threaten Russia threaten",
        ]
    )
    spokes = [a for tag, a, _ in lithuania.elements if tag == "line" and a.get("stroke-width")]
    by_colour = sorted((a["stroke"], "stroke-dasharray" in a, "marker-end" in a, "marker-start" in a) for a in spokes)
    assert by_colour == [
        ("#0072B2", False, False, True),  # Markup Group threatens Lithuania: uncoded, positive, incoming
        ("#0072B2", True, False, True),  # Russia threatens (reported): dashed
        ("#67A9CF", False, False, True),  # EU meets: verbal cooperation
        ("#B2182B", False, True, True),  # accuse (out), expel (in): a tie of tones, the first by name wins
    ]
    hrefs = {a.get("href") for tag, a, _ in lithuania.elements if tag == "a"}
    assert {"belarus.html", "russia.html", "../index.html"} <= {h.removeprefix("../actors/") for h in hrefs if h}


def test_actor_page_lists_statements_by_date_with_highlighted_evidence(folder: Path) -> None:
    lithuania = page(folder, "actors/lithuania.html")
    claims = [text for _, text in lithuania.find("div", class_="claim")]
    assert claims == [
        "Lithuania accuse Belarus",
        "Belarus expel Lithuania",
        "<img src=x onerror=window.__xss=5>Markup Group threaten Lithuania",
        "European Union meet Lithuania",
        "Russia threaten Lithuania",  # undated: last
    ]
    marks = [(a["class"], text) for a, text in lithuania.find("mark")]
    assert marks[:2] == [("subject", "Vilnius"), ("object", "Minsk")]
    meta = [text for _, text in lithuania.find("div", class_="meta")]
    assert meta[0] == "2024-05-14 · positive, asserted · event 112 Accuse (Goldstein -2.0, verbal conflict, ACCUSE)"
    quotes = [text for _, text in lithuania.find("blockquote")]
    assert quotes[4].startswith("“Moscow reportedly threatened Vilnius <script>alert(1)</script><img src=x onerror")


def test_timeline_counts_cooperation_and_conflict_per_month(folder: Path) -> None:
    timeline = page(folder, "timeline.html")
    assert timeline.find("p", id="summary")[0][1] == "7 pairs of actors have statements with each other."
    titles = [text for a, text in timeline.find("a") if a["href"].startswith("#pair-") and text.count("↔")]
    subtitles = [text for _, text in timeline.find("span", class_="subtitle")]
    assert titles[:2] == ["Belarus ↔ Russia", "Belarus ↔ Lithuania"]
    assert subtitles[:2] == [
        "3 cooperative, 0 conflictual; counted per month; mean Goldstein +7.0",  # only 'deliver' is coded
        "0 cooperative, 2 conflictual; counted per month; mean Goldstein -3.5",
    ]
    charts = timeline.find("figure", class_="bar-chart")
    assert len(charts) == 5  # pairs with a statement dated to a month or a day (Russia - Lithuania has none)
    # Belarus - Russia: February empty, March 1, April 1, May 1 (each bar labelled with its count)
    bars = [a.get("aria-label") for tag, a, _ in timeline.elements if tag == "svg"]
    assert bars[0] == "Belarus ↔ Russia: statements per period"
    first_chart = timeline.elements.index(next(e for e in timeline.elements if e[0] == "figure"))
    next_chart = timeline.elements.index([e for e in timeline.elements if e[0] == "figure"][1])
    chart = timeline.elements[first_chart:next_chart]
    titles = sorted("".join(text) for tag, _, text in chart if tag == "title")
    assert titles == ["Apr 2024: 1 positive", "Mar 2024: 1 positive", "May 2024: 1 material cooperation"]
    counts = ["".join(text) for tag, a, text in chart if tag == "text" and a.get("class") == "count"]
    assert counts == ["1", "1", "1"]
    rows_ = [re.sub(r"\s+", " ", text) for a, text in timeline.find("text") if a.get("text-anchor") == "end"]
    assert "Lithuania ↔ Russia" in rows_ and "+1 undated" in [t for _, t in timeline.find("text")]
