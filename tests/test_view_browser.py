"""The views in headless Chromium (Debian's, never a downloaded one), the way an analyst uses them:
every page opens with no outside request and no page error; clicking an edge shows its evidence;
the date filter, the actor search and the other controls change what is drawn; brief text with
markup is shown, never run. Screenshots of every page go to a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from chromium import CHROMIUM, Offline, offline_browser

from kg.graph.store import KnowledgeStore
from kg.views import write_views

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


@dataclass
class Browser:
    offline: Offline  # the context, with outside requests blocked and listed
    folder: Path  # the written views
    shots: Path  # where screenshots go
    errors: list[str] = field(default_factory=list)  # uncaught exceptions and console errors
    dialogs: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> list[str]:
        return self.offline.blocked

    def open(self, name: str, ready: str | None = None) -> object:
        page = self.offline.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{name}: {error}"))
        page.on("console", lambda m: self.errors.append(f"{name}: {m.text}") if m.type == "error" else None)
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        path, _, fragment = name.partition("#")
        page.goto((self.folder / path).as_uri() + (f"#{fragment}" if fragment else ""))
        if ready:
            # predicates are functions, not strings: the page's CSP forbids eval, which string predicates need
            page.wait_for_function(f"() => document.body.dataset.{ready} === '1'", timeout=20_000)
        return page


@pytest.fixture(scope="module")
def browser(view_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    folder = tmp_path_factory.mktemp("views-browser")
    write_views(view_store, folder)
    with offline_browser() as offline:
        yield Browser(offline, folder, tmp_path_factory.mktemp("screenshots"))


@pytest.fixture(scope="module")
def graph(browser: Browser) -> object:
    page = browser.open("graph.html", ready="ready")
    page.screenshot(path=str(browser.shots / "graph.png"))  # type: ignore[attr-defined]
    return page


def _counts(page: object) -> dict[str, int]:
    values = page.evaluate("(() => ({...document.getElementById('counts').dataset}))()")  # type: ignore[attr-defined]
    return {k: int(v) for k, v in values.items()}


def _visible_edges(page: object) -> list[str]:
    return page.evaluate(  # type: ignore[attr-defined]
        """(() => { const v = window.kgView, labels = new Map(v.nodes.get().map(n => [n.id, n.label]));
        return v.edges.get().filter(e => v.visibleEdges.has(e.id))
          .map(e => labels.get(e.from) + ' ' + e.label + ' ' + labels.get(e.to)).sort(); })()"""
    )


def _edge_point(page: object, subject: str, relation: str) -> tuple[float, float]:
    """Where the middle of an edge is drawn on the screen."""
    return page.evaluate(  # type: ignore[attr-defined]
        """([subject, relation]) => {
        const v = window.kgView, from = v.nodes.get().find(n => n.label === subject).id;
        const id = v.edges.get().find(e => e.label === relation && e.from === from).id;
        const canvas = document.querySelector("#graph canvas").getBoundingClientRect();
        const p = v.network.canvasToDOM(v.network.body.edges[id].edgeType.getPoint(0.5));
        return [canvas.left + p.x, canvas.top + p.y];
    }""",
        [subject, relation],
    )


def _settled(page: object) -> None:
    """Wait until the parts of the graph's data the page asked for are in (`kg.views.graph_data`)."""
    page.wait_for_function("() => document.body.dataset.loading === undefined", timeout=20_000)  # type: ignore[attr-defined]


def _static_page_is_inert(browser: Browser, name: str) -> None:
    page = browser.open(name)
    page.screenshot(path=str(browser.shots / (name.replace("/", "-") + ".png")), full_page=True)  # type: ignore[attr-defined]
    assert page.evaluate("document.querySelectorAll('h1').length") == 1, name  # type: ignore[attr-defined]
    assert page.evaluate("typeof window.__xss") == "undefined", name  # type: ignore[attr-defined]
    assert page.evaluate("document.querySelectorAll('img, script, b').length") == 0, name  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["index.html", "timeline.html"])
def test_static_pages_open_offline_without_errors(browser: Browser, name: str) -> None:
    _static_page_is_inert(browser, name)
    assert browser.blocked == [] and browser.errors == [] and browser.dialogs == []


def test_a_timeline_pair_opens_from_the_timeline_year_by_year(browser: Browser) -> None:
    timeline = browser.open("timeline.html")
    timeline.click("figcaption a")  # type: ignore[attr-defined]  # the first chart's title: its pair
    timeline.wait_for_selector("table.years")  # type: ignore[attr-defined]
    assert timeline.inner_text("h1") == "Belarus ↔ Russia"  # type: ignore[attr-defined]
    timeline.click("table.years a")  # type: ignore[attr-defined]
    timeline.wait_for_selector("ol.statements")  # type: ignore[attr-defined]
    assert timeline.inner_text("h1") == "Belarus ↔ Russia, 2024"  # type: ignore[attr-defined]
    assert timeline.evaluate("document.querySelectorAll('ol.statements li').length") == 3  # type: ignore[attr-defined]
    timeline.close()  # type: ignore[attr-defined]
    for name in ("pairs/named-belarus--russia.html", "pairs/named-belarus--russia--2024.html"):
        _static_page_is_inert(browser, name)
    assert browser.blocked == [] and browser.errors == [] and browser.dialogs == []


def test_every_actor_page_opens_offline_without_errors(browser: Browser) -> None:
    pages = sorted(p.relative_to(browser.folder).as_posix() for p in (browser.folder / "actors").iterdir())
    assert len(pages) == 7
    for name in pages:
        _static_page_is_inert(browser, name)
    assert browser.blocked == [] and browser.errors == [] and browser.dialogs == []


def test_graph_draws_offline_without_errors(browser: Browser, graph: object) -> None:
    size = graph.evaluate(
        "(() => { const c = document.querySelector('#graph canvas'); return [c.width, c.height]; })()"
    )  # type: ignore[attr-defined]
    assert size[0] > 300 and size[1] > 300
    assert graph.inner_text("#heading") == "Whole graph: 7 actors, 2 themes, 12 statements"  # type: ignore[attr-defined]
    assert _counts(graph) == {"edges": 11, "statements": 12, "nodes": 9}
    assert graph.evaluate("window.kgView.network.physics.physicsEnabled") is False  # type: ignore[attr-defined]
    assert browser.blocked == [] and browser.errors == []
    painted = graph.evaluate("""(() => {
        const c = document.querySelector("#graph canvas");
        const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
        return painted / (pixels.length / 4);
    })()""")  # type: ignore[attr-defined]
    assert 0.005 < painted < 0.9  # nodes, edges and labels cover some, not all, of the canvas


@pytest.fixture
def fresh(graph: object) -> object:
    """The graph page with every filter, the search and the panel reset."""
    graph.click("#reset")  # type: ignore[attr-defined]
    graph.keyboard.press("Escape")  # type: ignore[attr-defined]
    return graph


def test_clicking_an_edge_shows_its_evidence(fresh: object) -> None:
    x, y = _edge_point(fresh, "Belarus", "expel")
    fresh.mouse.click(x, y)  # type: ignore[attr-defined]
    _settled(fresh)
    panel = fresh.locator("#panel")  # type: ignore[attr-defined]
    assert panel.is_visible()
    assert panel.locator("h2").inner_text() == "Belarus → expel → Lithuania"
    assert panel.locator("blockquote.evidence").inner_text() == "“Belarus expelled two Lithuanian diplomats.”"
    assert panel.locator("mark.subject").all_inner_texts() == ["Belarus"]
    assert panel.locator("mark.object").all_inner_texts() == ["Lithuanian"]
    meta = panel.locator("li.statement .meta").all_inner_texts()
    assert meta == [
        "2024-06-02 · positive, asserted · event 174 Expel or deport individuals"
        " (Goldstein -5.0, material conflict, COERCE)",
        "Brief: Vilnius and Minsk trade accusations (2024-06-20)",
    ]


def test_an_edge_of_two_briefs_lists_both_statements_by_date(fresh: object) -> None:
    x, y = _edge_point(fresh, "Russia", "support")
    fresh.mouse.click(x, y)  # type: ignore[attr-defined]
    _settled(fresh)
    assert fresh.locator("#panel blockquote.evidence").all_inner_texts() == [  # type: ignore[attr-defined]
        "“Russia continues to support Belarus.”",
        "“Moscow again promised support to Minsk.”",
    ]


def test_moving_the_date_filter_changes_the_visible_edges(fresh: object) -> None:
    fresh.uncheck("#undated")  # type: ignore[attr-defined]
    assert _counts(fresh) == {"edges": 7, "statements": 8, "nodes": 5}
    fresh.focus("#date-from")  # type: ignore[attr-defined]
    for _ in range(3):  # February -> May 2024
        fresh.keyboard.press("ArrowRight")  # type: ignore[attr-defined]
    assert fresh.inner_text("#date-range") == "May 2024 – Jun 2024"  # type: ignore[attr-defined]
    assert _counts(fresh) == {"edges": 5, "statements": 5, "nodes": 5}
    assert _visible_edges(fresh) == [
        "<img src=x onerror=window.__xss=5>Markup Group threaten Lithuania",
        "Belarus expel Lithuania",
        "European Union meet Lithuania",
        "Lithuania accuse Belarus",
        "Russia deliver Belarus",
    ]
    fresh.focus("#date-to")  # type: ignore[attr-defined]
    fresh.keyboard.press("ArrowLeft")  # type: ignore[attr-defined]
    assert _visible_edges(fresh) == ["Lithuania accuse Belarus", "Russia deliver Belarus"]
    drawn = fresh.evaluate("Object.keys(window.kgView.network.body.edges).length")  # type: ignore[attr-defined]
    assert drawn == 2  # the network itself holds just those edges, not only the counter
    fresh.check("#undated")  # type: ignore[attr-defined]
    assert _counts(fresh)["edges"] == 2 + 4  # plus the edges with undated statements


def test_the_other_filters(fresh: object) -> None:
    fresh.check("#hide-themes")  # type: ignore[attr-defined]
    assert _counts(fresh) == {"edges": 9, "statements": 10, "nodes": 6}  # Lukashenko spoke only of a theme
    fresh.uncheck("#hide-themes")  # type: ignore[attr-defined]
    fresh.select_option("#relation", "threaten")  # type: ignore[attr-defined]
    assert _counts(fresh) == {"edges": 2, "statements": 2, "nodes": 3}
    fresh.select_option("#relation", "")  # type: ignore[attr-defined]
    fresh.select_option("#tone", "tone:material conflict")  # type: ignore[attr-defined]
    assert _visible_edges(fresh) == ["Belarus expel Lithuania"]
    fresh.select_option("#tone", "event:042 Make a visit (Goldstein +1.9, verbal cooperation, CONSULT)")  # type: ignore[attr-defined]
    assert _visible_edges(fresh) == ["European Union meet Lithuania"]
    fresh.select_option("#tone", "")  # type: ignore[attr-defined]
    fresh.uncheck("input.modality[value=reported]")  # type: ignore[attr-defined]
    assert "Russia threaten Lithuania" not in _visible_edges(fresh) and _counts(fresh)["edges"] == 10
    fresh.check("input.modality[value=reported]")  # type: ignore[attr-defined]
    fresh.select_option("#brief", label="Baltic watch </script><script>window.__xss=3</script> (2024-04-10)")  # type: ignore[attr-defined]
    _settled(fresh)  # the brief's part of the data is loaded on demand
    assert _visible_edges(fresh) == [
        "Alexander Lukashenko discuss energy & <b>grid</b>",
        "Russia support Belarus",
        "Russia threaten Lithuania",
    ]
    x, y = _edge_point(fresh, "Russia", "support")  # its other statement is in another brief
    fresh.mouse.click(x, y)  # type: ignore[attr-defined]
    _settled(fresh)
    panel = fresh.locator("#panel")  # type: ignore[attr-defined]
    assert panel.locator("blockquote.evidence").all_inner_texts() == ["“Moscow again promised support to Minsk.”"]
    assert panel.locator("p.meta").all_inner_texts() == ["1 statement", "1 more on this edge hidden by the filters."]


def test_physics_can_be_switched_on_and_off(fresh: object) -> None:
    fresh.check("#physics")  # type: ignore[attr-defined]
    assert fresh.evaluate("window.kgView.network.physics.physicsEnabled") is True  # type: ignore[attr-defined]
    fresh.uncheck("#physics")  # type: ignore[attr-defined]
    assert fresh.evaluate("window.kgView.network.physics.physicsEnabled") is False  # type: ignore[attr-defined]


def test_searching_an_actor_focuses_it_and_its_neighbours(browser: Browser, fresh: object) -> None:
    fresh.fill("#search", "lithuania")  # type: ignore[attr-defined]
    fresh.press("#search", "Enter")  # type: ignore[attr-defined]
    state = fresh.evaluate("""(() => {
        const v = window.kgView, id = v.nodes.get().find(n => n.label === "Lithuania").id;
        const at = v.network.getPositions([id])[id], view = v.network.getViewPosition();
        return { selected: v.network.getSelectedNodes(), id: id, offset: Math.hypot(at.x - view.x, at.y - view.y),
                 colours: Object.fromEntries(v.nodes.get().map(n => [n.label, n.color.background || n.color])) };
    })()""")  # type: ignore[attr-defined]
    assert state["selected"] == [state["id"]]
    assert state["offset"] < 1  # the view is centred on it
    colours = state["colours"]
    assert colours["Lithuania"] == colours["Belarus"] == colours["Russia"] == "#56B4E9"  # itself and neighbours
    assert colours["European Union"] == "#E69F00"
    assert colours["Wagner Group"] == colours["election results"] == "#eeeeee"  # everyone else dimmed
    assert fresh.locator("#panel h2").inner_text() == "Lithuania"  # type: ignore[attr-defined]
    assert fresh.locator("#panel a").get_attribute("href") == "actors/lithuania.html"  # type: ignore[attr-defined]
    label_colour = "(() => window.kgView.nodes.get().find(n => n.label === 'Wagner Group').font.color)()"
    assert fresh.evaluate(label_colour) == "#c8c8c8"  # type: ignore[attr-defined]
    fresh.screenshot(path=str(browser.shots / "graph-search.png"))  # type: ignore[attr-defined]
    fresh.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert fresh.evaluate(label_colour) == "#343434"  # type: ignore[attr-defined]  # undimmed again
    assert fresh.evaluate("window.kgView.nodes.get().find(n => n.label === 'Wagner Group').color") == "#CC79A7"  # type: ignore[attr-defined]


def test_brief_markup_is_shown_not_run(browser: Browser, fresh: object) -> None:
    x, y = _edge_point(fresh, "Russia", "threaten")
    fresh.mouse.click(x, y)  # type: ignore[attr-defined]
    _settled(fresh)
    panel = fresh.locator("#panel")  # type: ignore[attr-defined]
    text = panel.inner_text()
    assert "<script>alert(1)</script><img src=x onerror=alert(2)>" in text
    assert "Brief: Baltic watch </script><script>window.__xss=3</script> (2024-04-10)" in text
    fresh.screenshot(path=str(browser.shots / "graph-evidence.png"))  # type: ignore[attr-defined]
    fresh.fill("#search", "<img")  # type: ignore[attr-defined]
    fresh.press("#search", "Enter")  # type: ignore[attr-defined]
    assert panel.locator("h2").inner_text() == "<img src=x onerror=window.__xss=5>Markup Group"
    assert fresh.evaluate("typeof window.__xss") == "undefined"  # type: ignore[attr-defined]
    assert fresh.evaluate("document.querySelectorAll('img, b, #panel script').length") == 0  # type: ignore[attr-defined]
    assert browser.dialogs == [] and browser.errors == [] and browser.blocked == []


def test_other_pages_link_into_the_graph(browser: Browser) -> None:
    page = browser.open("graph.html#actor=Lithuania", ready="ready")
    assert page.evaluate("window.kgView.network.getSelectedNodes().length") == 1  # type: ignore[attr-defined]
    assert page.locator("#panel h2").inner_text() == "Lithuania"  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]
    page = browser.open("graph.html#brief=1", ready="ready")
    assert _counts(page) == {"edges": 3, "statements": 3, "nodes": 5}  # the brief with the markup title
    page.close()  # type: ignore[attr-defined]
    assert browser.errors == []


def test_theme_and_relation_labels_wait_for_the_zoom(fresh: object) -> None:
    seen = fresh.evaluate("""(() => {
        const v = window.kgView, network = v.network, nodes = v.nodes.get();
        const theme = nodes.find(n => n.label === "election results").id;
        const actor = nodes.find(n => n.label === "Belarus").id;
        const edge = v.edges.get().find(e => e.label === "sanction").id;
        const labels = () => [network.body.nodes[theme], network.body.nodes[actor], network.body.edges[edge]]
            .map(item => item.labelModule.visible());
        network.moveTo({ scale: 0.6 }); network.redraw();
        const far = labels();
        network.moveTo({ scale: 1.5 }); network.redraw();
        const near = labels();
        network.fit();
        return [far, near];
    })()""")  # type: ignore[attr-defined]
    assert seen == [[False, True, False], [True, True, True]]  # [theme, actor, relation] at 0.6 and 1.5


def test_the_search_box_finds_an_actor_by_any_alias(fresh: object) -> None:
    """The briefs write 'Lukashenka'; the vocabulary's altLabels travel into the page data."""
    for written in ("Lukashenka", "aliaksandr lukashenka"):
        fresh.fill("#search", written)  # type: ignore[attr-defined]
        fresh.press("#search", "Enter")  # type: ignore[attr-defined]
        assert fresh.locator("#panel h2").inner_text() == "Alexander Lukashenko"  # type: ignore[attr-defined]
        assert fresh.inner_text("#search-result") == f"“{written}”: Alexander Lukashenko"  # type: ignore[attr-defined]
        focused = fresh.evaluate("window.kgView.nodes.get(document.body.dataset.focus).label")  # type: ignore[attr-defined]
        assert focused == "Alexander Lukashenko"
        fresh.keyboard.press("Escape")  # type: ignore[attr-defined]


def test_a_new_fragment_on_the_open_page_is_followed(browser: Browser) -> None:
    page = browser.open("graph.html", ready="ready")
    page.evaluate("location.hash = 'actor=Lukashenka'")  # type: ignore[attr-defined]
    page.wait_for_function("() => document.body.dataset.focus !== undefined")  # type: ignore[attr-defined]
    assert page.locator("#panel h2").inner_text() == "Alexander Lukashenko"  # type: ignore[attr-defined]
    page.evaluate("location.hash = 'brief=1'")  # type: ignore[attr-defined]
    page.wait_for_function("() => document.getElementById('counts').dataset.edges === '3'")  # type: ignore[attr-defined]
    assert _counts(page) == {"edges": 3, "statements": 3, "nodes": 5}
    page.close()  # type: ignore[attr-defined]
    assert browser.errors == []


def test_a_filter_that_leaves_nothing_says_so_and_offers_a_reset(fresh: object) -> None:
    empty = fresh.locator("#empty")  # type: ignore[attr-defined]
    assert not empty.is_visible()
    fresh.uncheck("input.polarity[value=positive]")  # type: ignore[attr-defined]
    fresh.select_option("#relation", "expel")  # type: ignore[attr-defined]
    assert _counts(fresh)["edges"] == 0
    assert empty.is_visible()
    assert empty.inner_text() == "No statement matches these filters. Reset filters"
    fresh.click("#empty-reset")  # type: ignore[attr-defined]
    assert not empty.is_visible()
    assert _counts(fresh) == {"edges": 11, "statements": 12, "nodes": 9}
