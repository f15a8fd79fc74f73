"""The graph view, without a browser: what the page embeds, that it references nothing outside
itself, that brief text stays data, and that the same store gives the same bytes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.namespaces import DEFAULT_BASE_IRI
from kg.store import KnowledgeStore
from kg.views import write_graph_view

DATA = re.compile(r'<script id="graph-data" type="application/json">(.*?)</script>', re.S)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every <style> element (script and
    style contents are raw text to an HTML parser, as to a browser)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.styles.append(data)


@pytest.fixture(scope="module")
def page(small_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_graph_view(small_store, tmp_path_factory.mktemp("view") / "graph.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(page: str) -> dict:
    match = DATA.search(page)
    assert match, "the page embeds its data as a JSON script"
    return json.loads(match[1])


def _edge(data: dict, label: str) -> dict:
    (edge,) = (e for e in data["edges"] if e["label"] == label)
    return edge


def test_nodes_are_the_actors_and_themes_of_statements(data: dict, node_labels: list[str]) -> None:
    labels = {n["label"]: n for n in data["nodes"]}
    assert sorted(labels) == node_labels  # vocabulary actors without statements (Poland, Germany ...) stay out
    assert {labels[a]["color"] for a in ("Russia", "Belarus", "Lithuania")} == {"#56B4E9"}
    assert labels["European Union"]["color"] == "#E69F00"
    assert labels["Alexander Lukashenko"]["color"] == "#009E73"
    assert labels["Wagner Group"]["color"] == "#CC79A7"
    assert labels["election results"]["shape"] == "diamond" and labels["Russia"]["shape"] == "dot"
    # size grows with the number of statements: Belarus 4 > Russia 3 > EU 2 > Lithuania 1 > a theme
    sizes = [labels[n]["size"] for n in ("Belarus", "Russia", "European Union", "Lithuania", "election results")]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == len(sizes)
    assert labels["Belarus"]["title"] == "Belarus\nCountry, 4 statements"


def test_edges_are_statements_labelled_by_relation(data: dict) -> None:
    ids = {n["id"]: n["label"] for n in data["nodes"]}
    edges = sorted((ids[e["from"]], e["label"], ids[e["to"]]) for e in data["edges"])
    assert edges == [
        ("Alexander Lukashenko", "discuss", "energy & <b>grid</b>"),
        ("European Union", "recognise", "election results"),
        ("European Union", "sanction", "Belarus"),
        ("Russia", "support", "Belarus"),
        ("Russia", "threaten", "Lithuania"),
        ("Wagner Group", "train", "Belarus"),
    ]
    assert all(e["arrows"] == "to" for e in data["edges"])


def test_edge_style_follows_polarity_and_modality(data: dict) -> None:
    negative, asserted = _edge(data, "recognise"), _edge(data, "sanction")
    assert negative["color"]["color"] == "#D55E00" and negative["dashes"] is True
    assert asserted["color"]["color"] == "#0072B2" and asserted["dashes"] is False
    assert [_edge(data, r)["dashes"] for r in ("threaten", "train", "discuss")] == [True, True, True]


def test_tooltips_hold_the_evidence_as_plain_text(data: dict) -> None:
    support = _edge(data, "support")  # two statements from two briefs share one edge
    assert support["width"] == 2
    assert support["title"].splitlines() == [
        "Russia → support → Belarus",
        "positive, asserted · 2 statements",
        "",
        "2024-03-01 · Minsk and Moscow deepen ties",
        "“Russia continues to support Belarus.”",
        "",
        "2024-04-10 · Baltic watch </script><script>window.__xss=3</script>",
        "“Moscow again promised support to Minsk.”",
    ]
    recognise = _edge(data, "recognise")["title"]
    assert "negative, asserted" in recognise and "does not recognise the election results" in recognise
    assert "<script>alert(1)</script><img src=x onerror=alert(2)>" in _edge(data, "threaten")["title"]


def test_brief_text_cannot_reach_the_html_parser(page: str) -> None:
    (payload,) = DATA.findall(page)
    assert not re.search(r"[<>&]", payload)
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003cimg src=x onerror=alert(2)\\u003e" in payload
    assert "energy \\u0026 \\u003cb\\u003egrid" in payload
    for markup in ("<script>alert(1)", "<img src=x", "<script>window.__xss", "<b>grid"):
        assert markup not in page
    parser = _Tags()
    parser.feed(page)
    assert [attrs.get("id") for tag, attrs in parser.tags if tag == "script"] == [None, "graph-data", None]


def test_page_references_nothing_outside_itself(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    references = {
        (tag, name, value)
        for tag, attrs in parser.tags
        for name, value in attrs.items()
        if name in {"src", "href", "action", "srcset", "poster", "data"}
    }
    assert references == set()
    assert not [tag for tag, _ in parser.tags if tag in {"link", "iframe", "img", "object", "embed", "base"}]
    css = "".join(parser.styles)
    assert "vis-network" in css and not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css, re.I)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    (policy,) = (attrs["content"] for tag, attrs in parser.tags if attrs.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none';")
    assert "new vis.Network(" in page and "window.network = network" in page


def test_heading_counts_actors_themes_and_statements(page: str) -> None:
    assert '<h1 id="heading">Knowledge graph: 6 actors, 2 themes, 7 statements</h1>' in page


def test_same_store_gives_the_same_bytes(small_store: KnowledgeStore, tmp_path: Path) -> None:
    first = write_graph_view(small_store, tmp_path / "a" / "graph.html").read_bytes()
    second = write_graph_view(small_store, tmp_path / "b" / "graph.html").read_bytes()
    assert first == second
    assert not list(tmp_path.rglob("*.tmp"))


def test_empty_store_gives_an_empty_graph(tmp_path: Path) -> None:
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    store.refresh_union()
    page = write_graph_view(store, tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "Knowledge graph: 0 actors, 0 themes, 0 statements" in page
    match = DATA.search(page)
    assert match and json.loads(match[1])["nodes"] == [] and json.loads(match[1])["edges"] == []
