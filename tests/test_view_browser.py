"""The views in headless Chromium (Debian's, never a downloaded one), the way an analyst uses them:
every page opens with no outside request and no page error; clicking an edge shows its evidence;
the date filter, the actor search and the other controls change what is drawn; brief text with
markup is shown, never run. Screenshots of every page go to a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.store import KnowledgeStore
from kg.views import write_views

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
STATIC_PAGES = ["index.html", "timeline.html", "actors/lithuania.html", "actors/markup-group.html"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


@dataclass
class Browser:
    context: object  # playwright.sync_api.BrowserContext
    folder: Path  # the written views
    shots: Path  # where screenshots go
    blocked: list[str] = field(default_factory=list)  # outside requests the router aborted
    errors: list[str] = field(default_factory=list)  # uncaught exceptions and console errors
    dialogs: list[str] = field(default_factory=list)

    def open(self, name: str, ready: str | None = None) -> object:
        page = self.context.new_page()  # type: ignore[attr-defined]
        page.on("pageerror", lambda error: self.errors.append(f"{name}: {error}"))
        page.on("console", lambda m: self.errors.append(f"{name}: {m.text}") if m.type == "error" else None)
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto((self.folder / name).as_uri())
        if ready:
            # predicates are functions, not strings: the page's CSP forbids eval, which string predicates need
            page.wait_for_function(f"() => document.body.dataset.{ready} === '1'", timeout=20_000)
        return page


@pytest.fixture(scope="module")
def browser(view_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    from playwright.sync_api import Route, sync_playwright

    folder = tmp_path_factory.mktemp("views-browser")
    write_views(view_store, folder)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = chromium.new_context(viewport={"width": 1280, "height": 820})
        state = Browser(context, folder, tmp_path_factory.mktemp("screenshots"))

        def route(route: Route) -> None:
            if route.request.url.startswith(LOCAL_SCHEMES):
                route.continue_()
            else:
                state.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        yield state
        chromium.close()


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


@pytest.mark.parametrize("name", STATIC_PAGES)
def test_static_pages_open_offline_without_errors(browser: Browser, name: str) -> None:
    page = browser.open(name)
    page.screenshot(path=str(browser.shots / (name.replace("/", "-") + ".png")), full_page=True)  # type: ignore[attr-defined]
    assert page.evaluate("document.querySelectorAll('h1').length") == 1  # type: ignore[attr-defined]
    assert page.evaluate("typeof window.__xss") == "undefined"  # type: ignore[attr-defined]
    assert page.evaluate("document.querySelectorAll('img, script, b').length") == 0  # type: ignore[attr-defined]
    assert browser.blocked == [] and browser.errors == [] and browser.dialogs == []
    page.close()  # type: ignore[attr-defined]


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
