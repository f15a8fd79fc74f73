"""What the browser tests and benchmarks/bench_views.py share: Debian's Chromium (never a
downloaded one), its flags, the URL schemes a page may load from, and where to click a graph's
busiest node."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

# [x, y, label] of the node drawn largest on the graph page, in page coordinates
BUSIEST_NODE_POINT = """(() => {
    const v = window.kgView, busiest = v.nodes.get().sort((a, b) => b.size - a.size)[0];
    const canvas = document.querySelector("#graph canvas").getBoundingClientRect();
    const p = v.network.canvasToDOM(v.network.getPositions([busiest.id])[busiest.id]);
    return [canvas.left + p.x, canvas.top + p.y, busiest.label];
})()"""


@dataclass
class Offline:
    """A browser context whose requests outside LOCAL_SCHEMES are aborted and listed here."""

    context: Any  # playwright.sync_api.BrowserContext
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # uncaught exceptions of pages made by new_page

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page


@contextmanager
def offline_browser() -> Iterator[Offline]:
    """Headless Chromium with a 1280 x 820 window and every outside request blocked and counted."""
    from playwright.sync_api import Route, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        offline = Offline(browser.new_context(viewport={"width": 1280, "height": 820}))

        def route(route: Route) -> None:
            if route.request.url.startswith(LOCAL_SCHEMES):
                route.continue_()
            else:
                offline.blocked.append(route.request.url)
                route.abort()

        offline.context.route("**/*", route)
        try:
            yield offline
        finally:
            browser.close()
