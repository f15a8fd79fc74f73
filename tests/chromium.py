"""What the browser tests and benchmarks/bench_views.py share: Debian's Chromium (never a
downloaded one), its flags, the URL schemes a page may load from, and where to click a graph's
busiest node."""

from __future__ import annotations

from pathlib import Path

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
