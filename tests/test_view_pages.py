"""The static pages, read as HTML: the start page's tables, an actor's ego network and statement
list, the timeline's charts. The values come from `view_store` (tests/conftest.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from kg.graph.store import KnowledgeStore
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
    written = "also written Lietuvos Respublika, Lithuanian, Republic of Lithuania, Vilnius"
    assert f"Country · 5 statements · 4 counterparts · {written}" in lithuania.find("p")[0][1]
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
        ("#009E73", False, False, True),  # Markup Group threatens Lithuania: uncoded, positive, incoming
        ("#009E73", True, False, True),  # Russia threatens (reported): dashed
        ("#56B4E9", False, False, True),  # EU meets: verbal cooperation
        ("#D55E00", False, True, True),  # accuse (out), expel (in): a tie of tones, the first by name wins
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
    summaries = [text for _, text in timeline.find("p", class_="summary")]
    assert summaries == [
        "7 pairs of actors have statements with each other.",
        "7 pairs of actors have statements with each other, counting people and bodies for the state or"
        " organisation they act for.",  # Lukashenko, who acts for Belarus, spoke only of a theme
    ]
    titles = [text for a, text in timeline.find("a") if a["href"].startswith("pairs/named-") and text.count("↔")]
    subtitles = [text for _, text in timeline.find("span", class_="subtitle")]
    assert titles[:2] == ["Belarus ↔ Russia", "Belarus ↔ Lithuania"]
    assert subtitles[:2] == [
        "3 cooperative, 0 conflictual; counted per month; mean Goldstein +7.0",  # only 'deliver' is coded
        "0 cooperative, 2 conflictual; counted per month; mean Goldstein -3.5",
    ]
    charts = timeline.find("figure", class_="bar-chart")
    # per tab, the pairs with a statement dated to a month or a day (Russia - Lithuania has none);
    # both tabs show the same pairs here, as no actor with a counterpart acts for another
    assert len(charts) == 2 * 5
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
    # strip chart rows: each label's text is its hover title (the whole label), then the label drawn
    strip_rows = [text for a, text in timeline.find("text") if a.get("text-anchor") == "end" and "↔" in text]
    assert "Lithuania ↔ RussiaLithuania ↔ Russia" in strip_rows
    markup_pair = "<img src=x onerror=window.__xss=5>Markup Group ↔ Lithuania"
    assert markup_pair + markup_pair[:37] + "…" in strip_rows  # shortened to fit left of the plot
    assert "+1 undated" in [t for _, t in timeline.find("text")]


def test_timeline_counts_people_for_the_state_they_act_for(tmp_path: Path) -> None:
    from kg.extract.statements import Actor, Statement
    from kg.graph.namespaces import DEFAULT_BASE_IRI
    from kg.graph.rdf import brief_graph, brief_quads
    from kg.graph.store import KnowledgeStore
    from kg.read.briefs import Brief, Segment
    from kg.views.data import read_view_data
    from kg.views.timeline import actor_pairs

    belarus = Actor("actor/belarus", "Belarus", "Country")
    us = Actor("actor/united-states", "United States", "Country")
    lukashenko = Actor("actor/alexander-lukashenko", "Alexander Lukashenko", "Person", acts_for=belarus)
    ministry = Actor("actor/belarusian-foreign-ministry", "Belarusian Foreign Ministry", "Organisation", belarus)
    minister = Actor("actor/vladimir-makei", "Vladimir Makei", "Person", acts_for=ministry)  # two steps up
    carpenter = Actor("actor/michael-carpenter", "Michael Carpenter", "Person", acts_for=us)
    rubin = Actor("actor/eric-rubin", "Eric Rubin", "Person")
    said = [
        (minister, "meet", carpenter, "2016-09-20"),
        (belarus, "propose", us, "2016-10"),
        (lukashenko, "receive", rubin, "2015-02-27"),
        (lukashenko, "instruct", ministry, "2016-09"),
    ]
    statements = [
        Statement(
            *("b", 1, s.name, r, o.name, "positive", "asserted", d, f"{s.name} {r} {o.name}.", 100 * i, 100 * i + 9),
            subject_actor=s,
            object_actor=o,
        )
        for i, (s, r, o, d) in enumerate(said)
    ]
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    brief = Brief("b", Path("b.txt"), "Brief", "2016-10-01", (Segment(1, "Brief", "2016-10-01", "..."),))
    store.replace_graph(brief_graph(DEFAULT_BASE_IRI, "b"), brief_quads(brief, statements, DEFAULT_BASE_IRI))
    store.refresh_union()
    data = read_view_data(store)

    def counted(pairs: list) -> list[tuple[str, int]]:
        return [(label, len(found)) for label, found in pairs]

    assert counted(actor_pairs(data)) == [
        ("Alexander Lukashenko ↔ Belarusian Foreign Ministry", 1),
        ("Alexander Lukashenko ↔ Eric Rubin", 1),
        ("Belarus ↔ United States", 1),
        ("Michael Carpenter ↔ Vladimir Makei", 1),
    ]
    # the president and his ministry are both Belarus: their pair drops out
    assert counted(actor_pairs(data, acting_for=True)) == [("Belarus ↔ United States", 2), ("Belarus ↔ Eric Rubin", 1)]
    write_views(store, tmp_path / "views")
    timeline = page(tmp_path / "views", "timeline.html")
    assert [text for _, text in timeline.find("label")] == ["Actors as named", "Counted for whom they act"]
    assert [text for a, text in timeline.find("a") if a["href"].startswith("pairs/acting-")][:2] == [
        "Belarus ↔ United States",
        "Belarus ↔ Eric Rubin",
    ]


def test_each_pair_of_the_timeline_has_its_statements_a_page_a_year(folder: Path) -> None:
    timeline = page(folder, "timeline.html")
    links = [a["href"] for a, text in timeline.find("a") if text == "Belarus ↔ Russia"]
    assert links[0] == "pairs/named-belarus--russia.html" and "pairs/acting-belarus--russia.html" in links
    listed = [(text, a["href"]) for a, text in timeline.find("a") if a["href"] == "pairs/named-belarus--russia.html"]
    assert len(listed) == 3  # the chart's title, the strip's row and the list of pairs
    pair = page(folder, "pairs/named-belarus--russia.html")
    assert [text for _, text in pair.find("h1")] == ["Belarus ↔ Russia"]
    assert rows(pair, "years") == [["2024", "3", "3", "0", "2024-03-01", "2024-05-20"]]
    assert [a["href"] for a, text in pair.find("a") if text == "2024"] == ["named-belarus--russia--2024.html"]
    year = page(folder, "pairs/named-belarus--russia--2024.html")
    assert [text for _, text in year.find("h1")] == ["Belarus ↔ Russia, 2024"]
    claims = [text for _, text in year.find("div", class_="claim")]
    assert claims == ["Russia support Belarus", "Russia support Belarus", "Russia deliver Belarus"]
    dates = [text.split(" · ")[0] for _, text in year.find("div", class_="meta") if not text.startswith("Brief")]
    assert dates == ["2024-03-01", "2024-04-10", "2024-05-20"]  # in date order
    assert [a["href"] for a, text in year.find("a") if text == "Russia"] == ["../actors/russia.html"] * 3
    undated = page(folder, "pairs/named-lithuania--russia.html")
    assert rows(undated, "years")[0][:2] == ["undated", "1"]


def test_an_actor_with_many_statements_lists_them_a_page_a_year(
    view_store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import import_module

    # Belarus has 7 statements here, Russia 4
    monkeypatch.setattr(import_module("kg.views.actor_pages"), "LIST_LIMIT", 4)
    write_views(view_store, tmp_path)
    belarus = page(tmp_path, "actors/belarus.html")
    assert [text for _, text in belarus.find("h2")][-1] == "Statements, a page a year"
    assert not belarus.find("ol", class_="statements")
    assert rows(belarus, "years") == [
        ["2024", "6", "4", "2", "2024-02", "2024-06-02"],  # the first and last dates as the briefs give them
        ["undated", "1", "1", "0", "", ""],
    ]
    assert [a["href"] for a, text in belarus.find("a") if text in {"2024", "undated"}] == [
        "belarus--2024.html",
        "belarus--undated.html",
    ]
    year = page(tmp_path, "actors/belarus--2024.html")
    assert [text for _, text in year.find("h1")] == ["Belarus, 2024"]
    assert len(year.find("div", class_="claim")) == 6
    assert [a["href"] for a, text in year.find("a") if text.startswith("All years")] == ["belarus.html"]
    russia = page(tmp_path, "actors/russia.html")  # at the limit: its list, as before
    assert len(russia.find("div", class_="claim")) == 4 and not russia.find("table", class_="years")
