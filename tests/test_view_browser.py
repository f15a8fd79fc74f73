"""The graph view in headless Chromium (Debian's, never a downloaded one): it draws, with no
outside request, no page error, the store's data, and no brief text run as markup."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.store import KnowledgeStore
from kg.views import write_graph_view

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


@dataclass
class Loaded:
    page: object  # playwright.sync_api.Page
    screenshot: Path
    blocked: list[str] = field(default_factory=list)  # outside requests the router aborted
    requested: list[str] = field(default_factory=list)  # outside requests the page attempted
    errors: list[str] = field(default_factory=list)  # uncaught exceptions and console errors
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def loaded(small_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    from playwright.sync_api import Route, sync_playwright

    folder = tmp_path_factory.mktemp("view-browser")
    view = write_graph_view(small_store, folder / "graph.html")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        state = Loaded(context.new_page(), folder / "graph.png")

        def route(route: Route) -> None:
            if route.request.url.startswith(LOCAL_SCHEMES):
                route.continue_()
            else:
                state.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = state.page
        page.on("request", lambda r: None if r.url.startswith(LOCAL_SCHEMES) else state.requested.append(r.url))
        page.on("pageerror", lambda error: state.errors.append(str(error)))
        page.on("console", lambda m: state.errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda dialog: (state.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(view.as_uri())
        # predicates are functions, not strings: the page's CSP forbids eval, which string predicates need
        page.wait_for_function("() => document.body.dataset.drawn === '1'", timeout=15_000)
        page.screenshot(path=str(state.screenshot))
        yield state
        browser.close()


def test_page_draws_offline_without_errors(loaded: Loaded) -> None:
    size = loaded.page.evaluate(
        "(() => { const c = document.querySelector('#graph canvas'); return c ? [c.width, c.height] : null; })()"
    )
    assert size is not None and size[0] > 0 and size[1] > 0
    assert loaded.blocked == [] and loaded.requested == []
    assert loaded.errors == []
    assert loaded.page.inner_text("#heading") == "Knowledge graph: 6 actors, 2 themes, 7 statements"


def test_network_holds_the_store_data(loaded: Loaded, node_labels: list[str]) -> None:
    edges = loaded.page.evaluate("window.network.body.data.edges.get().map(e => [e.label, e.dashes]).sort()")
    assert edges == [
        ["discuss", True],
        ["recognise", True],
        ["sanction", False],
        ["support", False],
        ["threaten", True],
        ["train", True],
    ]
    labels = loaded.page.evaluate("window.network.body.data.nodes.get().map(n => n.label).sort()")
    assert labels == node_labels


def test_brief_markup_is_shown_not_run(loaded: Loaded) -> None:
    page = loaded.page
    # hover the middle of the edge whose sentence carries the payload, so its tooltip is built
    point = page.evaluate("""(() => {
        const id = window.network.body.data.edges.get().find(e => e.label === "threaten").id;
        const canvas = document.querySelector("#graph canvas").getBoundingClientRect();
        const p = window.network.canvasToDOM(window.network.body.edges[id].edgeType.getPoint(0.5));
        return [canvas.left + p.x, canvas.top + p.y];
    })()""")
    page.mouse.move(point[0] - 5, point[1] - 5)
    page.mouse.move(point[0], point[1])
    page.wait_for_function(
        "() => document.querySelector('div.vis-tooltip')?.style.visibility === 'visible'", timeout=5_000
    )
    tooltip = page.evaluate(
        "(() => { const t = document.querySelector('div.vis-tooltip');"
        " return [t.innerText, [...t.querySelectorAll('*')].map(e => e.tagName)]; })()"
    )
    assert tooltip[0].startswith("Russia → threaten → Lithuania\npositive, reported")
    assert "<script>alert(1)</script><img src=x onerror=alert(2)>" in tooltip[0]
    assert "Baltic watch </script><script>window.__xss=3</script>" in tooltip[0]
    assert set(tooltip[1]) == {"BR"}  # text only: innerText makes line breaks, and no other element
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert loaded.dialogs == [] and loaded.errors == [] and loaded.blocked == []


def test_screenshot_shows_a_drawing(loaded: Loaded) -> None:
    assert loaded.screenshot.stat().st_size > 10_000
    painted = loaded.page.evaluate("""(() => {
        const c = document.querySelector("#graph canvas");
        const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0) painted++;
        return painted / (pixels.length / 4);
    })()""")
    assert 0.005 < painted < 0.9  # nodes, edges and labels cover some, not all, of the canvas
