"""The views without a browser: what the graph page embeds, that no page references anything
outside itself, that brief text stays data, and that the same store gives the same bytes."""

from __future__ import annotations

import json
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest

from kg.graph.namespaces import DEFAULT_BASE_IRI
from kg.graph.store import KnowledgeStore
from kg.views import write_views

PAGE_LINK = r"(\.\./)?(index|graph|timeline|actors/[a-z0-9-]+|pairs/[a-z0-9-]+|[a-z0-9-]+)\.html"
DATA = re.compile(r'<script id="graph-data" type="application/json">(.*?)</script>', re.S)
PAGES = ["index.html", "graph.html", "timeline.html"]
# each pair the timeline shows has a page listing its years, and a page a year (both tabs: the
# store has no actor acting for another with a counterpart)
VIEW_STORE_PAIR_PAGES = [
    "pairs/acting-belarus--european-union--2024.html",
    "pairs/acting-belarus--european-union.html",
    "pairs/acting-belarus--lithuania--2024.html",
    "pairs/acting-belarus--lithuania.html",
    "pairs/acting-belarus--russia--2024.html",
    "pairs/acting-belarus--russia.html",
    "pairs/acting-belarus--wagner-group--undated.html",
    "pairs/acting-belarus--wagner-group.html",
    "pairs/acting-european-union--lithuania--2024.html",
    "pairs/acting-european-union--lithuania.html",
    "pairs/acting-lithuania--russia--undated.html",
    "pairs/acting-lithuania--russia.html",
    "pairs/acting-markup-group--lithuania--2024.html",
    "pairs/acting-markup-group--lithuania.html",
    "pairs/named-belarus--european-union--2024.html",
    "pairs/named-belarus--european-union.html",
    "pairs/named-belarus--lithuania--2024.html",
    "pairs/named-belarus--lithuania.html",
    "pairs/named-belarus--russia--2024.html",
    "pairs/named-belarus--russia.html",
    "pairs/named-belarus--wagner-group--undated.html",
    "pairs/named-belarus--wagner-group.html",
    "pairs/named-european-union--lithuania--2024.html",
    "pairs/named-european-union--lithuania.html",
    "pairs/named-lithuania--russia--undated.html",
    "pairs/named-lithuania--russia.html",
    "pairs/named-markup-group--lithuania--2024.html",
    "pairs/named-markup-group--lithuania.html",
]
VIEW_STORE_ACTOR_PAGES = [
    "actors/alexander-lukashenko.html",
    "actors/belarus.html",
    "actors/european-union.html",
    "actors/lithuania.html",
    "actors/markup-group.html",
    "actors/russia.html",
    "actors/wagner-group.html",
]


class Tags(HTMLParser):
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


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def written(view_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("views")
    return folder, write_views(view_store, folder)


@pytest.fixture(scope="module")
def data(written: tuple[Path, list[str]]) -> dict:
    match = DATA.search((written[0] / "graph.html").read_text(encoding="utf-8"))
    assert match, "the graph page embeds its data as a JSON script"
    return json.loads(match[1])


@pytest.fixture(scope="module")
def evidence(written: tuple[Path, list[str]]) -> dict[str, list[dict]]:
    """The statements of every edge (by its key), read from the parts beside the page."""
    found: dict[str, list[dict]] = {}
    for path in sorted((written[0] / "graph-data").glob("evidence-*.js")):
        match = re.fullmatch(r'kgPart\("(evidence-\d+)",(.*)\);\n', path.read_text(encoding="utf-8"), re.S)
        assert match and match[1] == path.stem
        found.update(json.loads(match[2]))
    return found


def _edges(data: dict) -> list[tuple[str, str, str]]:
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    return sorted((labels[e["from"]], e["label"], labels[e["to"]]) for e in data["edges"])


def _edge(data: dict, subject: str, relation: str) -> dict:
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    (edge,) = (e for e in data["edges"] if e["label"] == relation and labels[e["from"]] == subject)
    return edge


def test_write_views_names_what_it_wrote(written: tuple[Path, list[str]]) -> None:
    folder, names = written
    assert names == ["index.html", "graph.html", "graph-data", "timeline.html", "pairs", "actors", ".views-cache"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert sorted(str(p.relative_to(folder)) for p in (folder / "actors").iterdir()) == VIEW_STORE_ACTOR_PAGES
    assert sorted(str(p.relative_to(folder)) for p in (folder / "pairs").iterdir()) == VIEW_STORE_PAIR_PAGES


def test_nodes_are_the_actors_and_themes_of_statements(data: dict, node_labels: list[str]) -> None:
    labels = {n["label"]: n for n in data["nodes"]}
    # vocabulary actors without statements (Poland, Germany ...) stay out
    assert sorted(labels) == sorted([*node_labels, "<img src=x onerror=window.__xss=5>Markup Group"])
    assert {labels[a]["color"] for a in ("Russia", "Belarus", "Lithuania")} == {"#56B4E9"}
    assert labels["European Union"]["color"] == "#E69F00"
    assert labels["Alexander Lukashenko"]["color"] == "#009E73"
    assert labels["Wagner Group"]["color"] == "#CC79A7"
    assert labels["election results"]["shape"] == "diamond" and labels["Russia"]["shape"] == "dot"
    # size grows with the number of statements: Belarus 7 > Lithuania 5 > Russia 4 > EU 3 > Wagner 1 > a theme
    order = ("Belarus", "Lithuania", "Russia", "European Union", "Wagner Group", "election results")
    sizes = [labels[n]["size"] for n in order]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == len(sizes)
    assert labels["Belarus"]["title"] == "Belarus\nCountry, 7 statements"
    assert labels["Belarus"]["page"] == "actors/belarus.html" and labels["election results"]["page"] == ""


def test_edges_are_statements_labelled_by_relation(data: dict, evidence: dict[str, list[dict]]) -> None:
    assert _edges(data) == [
        ("<img src=x onerror=window.__xss=5>Markup Group", "threaten", "Lithuania"),
        ("Alexander Lukashenko", "discuss", "energy & <b>grid</b>"),
        ("Belarus", "expel", "Lithuania"),
        ("European Union", "meet", "Lithuania"),
        ("European Union", "recognise", "election results"),
        ("European Union", "sanction", "Belarus"),
        ("Lithuania", "accuse", "Belarus"),
        ("Russia", "deliver", "Belarus"),
        ("Russia", "support", "Belarus"),
        ("Russia", "threaten", "Lithuania"),
        ("Wagner Group", "train", "Belarus"),
    ]
    assert all(e["arrows"] == "to" for e in data["edges"])
    support = _edge(data, "Russia", "support")  # two statements from two briefs share one edge
    assert [s["date"] for s in evidence[support["ref"]]] == ["2024-03-01", "2024-04-10"]
    assert (support["count"], support["dates"], support["undated"]) == (
        2,
        [["2024-03-01", "2024-03-01", 1], ["2024-04-10", "2024-04-10", 1]],
        0,
    )
    assert support["width"] == 2
    assert sum(e["count"] for e in data["edges"]) == data["statements"] == 12


def test_edge_colour_is_the_quad_class_when_coded_else_the_polarity(data: dict) -> None:
    colours = {
        (subject, relation): _edge(data, subject, relation)["color"]["color"]
        for subject, relation in [
            ("European Union", "meet"),  # 042, verbal cooperation
            ("Russia", "deliver"),  # 070, material cooperation
            ("Lithuania", "accuse"),  # 112, verbal conflict
            ("Belarus", "expel"),  # 174, material conflict
            ("European Union", "sanction"),  # uncoded, positive
            ("European Union", "recognise"),  # uncoded, negative
        ]
    }
    assert list(colours.values()) == ["#56B4E9", "#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7"]
    dashes = {
        r: _edge(data, s, r)["dashes"]
        for s, r in [
            ("European Union", "recognise"),
            ("Russia", "threaten"),
            ("Wagner Group", "train"),
            ("European Union", "sanction"),
            ("Belarus", "expel"),
        ]
    }
    assert dashes == {"recognise": True, "threaten": True, "train": True, "sanction": False, "expel": False}


def test_parallel_edges_bend_apart(data: dict) -> None:
    support, deliver = _edge(data, "Russia", "support"), _edge(data, "Russia", "deliver")
    assert {support["smooth"]["type"], deliver["smooth"]["type"]} == {"curvedCW", "curvedCCW"}
    assert support["smooth"]["roundness"] == deliver["smooth"]["roundness"] > 0
    assert "smooth" not in _edge(data, "European Union", "sanction")  # alone between its nodes: straight


def test_statements_carry_evidence_event_and_highlights(data: dict, evidence: dict[str, list[dict]]) -> None:
    by_sentence = {s["sentence"]: s for records in evidence.values() for s in records}
    assert len(by_sentence) == 12
    expel = by_sentence["Belarus expelled two Lithuanian diplomats."]
    assert expel["event"] == "174 Expel or deport individuals (Goldstein -5.0, material conflict, COERCE)"
    assert (expel["tone"], expel["date"], expel["from"], expel["to"]) == (
        "material conflict",
        "2024-06-02",
        "2024-06-02",
        "2024-06-02",
    )
    (brief,) = (b for b in data["briefs"] if b["id"] == expel["brief"])
    assert brief["title"] == "Vilnius and Minsk trade accusations"
    # the subject and the object found by their names, aliases and demonyms
    sentence = expel["sentence"]
    assert [(sentence[a:b], role) for a, b, role in expel["marks"]] == [
        ("Belarus", "subject"),
        ("Lithuanian", "object"),
    ]
    accuse = by_sentence["Vilnius accused Minsk of staging provocations."]
    assert [(accuse["sentence"][a:b], r) for a, b, r in accuse["marks"]] == [
        ("Vilnius", "subject"),
        ("Minsk", "object"),
    ]
    sanction = by_sentence["The European Union imposed sanctions on Belarus."]
    assert (sanction["event"], sanction["tone"], sanction["from"], sanction["to"]) == (
        "",
        "positive",
        "2024-02-01",
        "2024-02-29",
    )
    assert data["months"] == ["2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    assert data["options"]["physics"]["enabled"] is True  # small: vis-network lays it out
    assert not any("x" in n for n in data["nodes"])


def test_brief_text_cannot_reach_the_html_parser(written: tuple[Path, list[str]]) -> None:
    page = (written[0] / "graph.html").read_text(encoding="utf-8")
    (payload,) = DATA.findall(page)
    assert not re.search(r"[<>&]", payload)
    assert "Baltic watch \\u003c/script\\u003e\\u003cscript\\u003ewindow.__xss=3\\u003c/script\\u003e" in payload
    assert "energy \\u0026 \\u003cb\\u003egrid" in payload
    for name in [*PAGES, *VIEW_STORE_ACTOR_PAGES, *VIEW_STORE_PAIR_PAGES]:
        text = (written[0] / name).read_text(encoding="utf-8")
        for markup in ("<script>alert(1)", "<img src=x", "<script>window.__xss", "<b>grid"):
            assert markup not in text, (name, markup)
    scripts = [attrs.get("id") for tag, attrs in parse(page).tags if tag == "script"]
    assert scripts == [None, "graph-data", None]


@pytest.mark.parametrize("name", [*PAGES, *VIEW_STORE_ACTOR_PAGES, *VIEW_STORE_PAIR_PAGES])
def test_page_references_nothing_outside_itself(written: tuple[Path, list[str]], name: str) -> None:
    page = (written[0] / name).read_text(encoding="utf-8")
    parsed = parse(page)
    references = [
        value
        for _, attrs in parsed.tags
        for attribute, value in attrs.items()
        if attribute in {"src", "href", "action", "srcset", "poster", "data", "xlink:href"}
    ]
    # links go to other pages of the output or to anchors, never outside it
    assert all(re.fullmatch(rf"{PAGE_LINK}|#[a-z0-9-]+|{PAGE_LINK}#(brief=\d+|actor=[\w%.~-]+)", r) for r in references)
    assert not [tag for tag, _ in parsed.tags if tag in {"link", "iframe", "img", "object", "embed", "base", "image"}]
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", "".join(parsed.styles), re.I)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    (policy,) = (attrs["content"] for _, attrs in parsed.tags if attrs.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none';")
    assert ("script-src" in policy) == (name == "graph.html")  # only the graph page runs script


def test_graph_page_inlines_the_vendored_vis_network(written: tuple[Path, list[str]]) -> None:
    page = (written[0] / "graph.html").read_text(encoding="utf-8")
    assert "@version 9.1.13" in page and "new vis.Network(" in page
    assert '<h1 id="heading">Whole graph: 7 actors, 2 themes, 12 statements</h1>' in page


def test_same_store_gives_the_same_bytes(view_store: KnowledgeStore, tmp_path: Path) -> None:
    names = write_views(view_store, tmp_path / "a")
    write_views(view_store, tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.html"))
    assert len(files) == len(PAGES) + len(VIEW_STORE_ACTOR_PAGES) + len(VIEW_STORE_PAIR_PAGES) and names
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert not [*tmp_path.rglob("*.tmp"), *tmp_path.rglob(".actors*"), *tmp_path.rglob(".pairs*")]


def test_rewriting_views_drops_pages_of_actors_that_are_gone(small_store: KnowledgeStore, tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "gone.html").write_text("old", encoding="utf-8")
    write_views(small_store, tmp_path)
    assert sorted(p.name for p in (tmp_path / "actors").iterdir()) == [
        "alexander-lukashenko.html",
        "belarus.html",
        "european-union.html",
        "lithuania.html",
        "russia.html",
        "wagner-group.html",
    ]


def test_empty_store_gives_empty_views(tmp_path: Path) -> None:
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    store.refresh_union()
    write_views(store, tmp_path / "out")
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "Whole graph: 0 actors, 0 themes, 0 statements" in page
    match = DATA.search(page)
    assert match and json.loads(match[1])["nodes"] == [] and json.loads(match[1])["edges"] == []
    assert "No statement joins two actors yet." in (tmp_path / "out" / "timeline.html").read_text(encoding="utf-8")
    assert list((tmp_path / "out" / "actors").iterdir()) == []


def test_every_asset_ships_with_the_package() -> None:
    """pyproject's package-data must name every file the views read at run time (templates,
    scripts, vis-network and its licences), or an installed kg writes pages without them."""
    root = Path(__file__).resolve().parent.parent
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["kg"]
    assets = [p.relative_to(root / "kg") for p in (root / "kg" / "assets").rglob("*") if p.is_file()]
    assert {"assets/vis-network/LICENSE-MIT", "assets/vis-network/LICENSE-APACHE-2.0"} <= {str(a) for a in assets}
    unshipped = [a for a in assets if not any(PurePosixPath(a).match(pattern) for pattern in patterns)]
    assert unshipped == []


def test_kg_view_rebuilds_from_the_store_and_opens_the_start_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.cli import main
    from kg.extract.statements import Actor, Statement
    from kg.graph.rdf import brief_graph, brief_quads
    from kg.read.briefs import Brief, Segment

    belarus, russia = Actor("actor/belarus", "Belarus", "Country"), Actor("actor/russia", "Russia", "Country")
    said = Statement(
        "b",
        1,
        "Russia",
        "support",
        "Belarus",
        "positive",
        "asserted",
        "2024-03-01",
        "Russia supports Belarus.",
        0,
        24,
        subject_actor=russia,
        object_actor=belarus,
    )
    store = KnowledgeStore(tmp_path / "store", DEFAULT_BASE_IRI)
    brief = Brief("b", Path("b.txt"), "A brief", "2024-03-01", (Segment(1, "A brief", "2024-03-01", "..."),))
    store.replace_graph(brief_graph(DEFAULT_BASE_IRI, "b"), brief_quads(brief, [said], DEFAULT_BASE_IRI))
    store.refresh_union()
    store.flush()
    del store
    (tmp_path / "build.json").write_text(json.dumps({"base_iri": DEFAULT_BASE_IRI}), encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    assert main(["view", "-o", str(tmp_path), "--open"]) == 0
    index = (tmp_path / "index.html").resolve()
    assert capsys.readouterr().out.strip() == str(index) and opened == [index.as_uri()]
    assert sorted(p.name for p in (tmp_path / "actors").iterdir()) == ["belarus.html", "russia.html"]
    evidence = '<mark class="subject">Russia</mark> supports <mark class="object">Belarus</mark>.'
    assert evidence in (tmp_path / "actors" / "russia.html").read_text(encoding="utf-8")
