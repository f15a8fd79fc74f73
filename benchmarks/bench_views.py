"""How the views scale: for synthetic stores of 100, 1,000 and 5,000 nodes (two statements a
node), the graph page's size, the time `write_views` takes (every page: index, graph, timeline,
actor pages), and the time headless Chromium takes to draw the graph's canvas and to answer a
click on a node (the side panel opens), measured from the start of navigation.

    .venv/bin/python benchmarks/bench_views.py [--sizes 100,1000,5000] [--keep FOLDER]

Target: the 5,000-node page is interactive in under 10 s on the 2-core CI machine. Chromium is
Debian's (/usr/bin/chromium), every request outside file:// is blocked and counted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from chromium import BUSIEST_NODE_POINT, offline_browser
from synthetic import synthetic_store

from kg.views import write_views
from kg.views.graph import PHYSICS_LIMIT

TARGET_SECONDS = 10.0


def measure_page(path: Path) -> tuple[float, float, int, list[str]]:
    """Seconds from navigation start to the first drawn canvas and to a click on the busiest node
    being answered; outside requests; page errors."""
    with offline_browser() as browser:
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function("() => document.body.dataset.drawn === '1'", timeout=120_000, polling=50)
        drawn = time.perf_counter() - started
        page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=120_000, polling=50)
        x, y, label = page.evaluate(BUSIEST_NODE_POINT)
        page.mouse.click(x, y)
        page.wait_for_function(
            "label => document.querySelector('#panel h2')?.textContent === label",
            arg=label,
            timeout=120_000,
            polling=20,
        )
        interactive = time.perf_counter() - started
    return drawn, interactive, len(browser.blocked), browser.errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="node counts, comma-separated")
    parser.add_argument("--keep", type=Path, help="write the views here (one folder a size) instead of a temp folder")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for nodes in (int(n) for n in args.sizes.split(",")):
            folder = (args.keep or Path(temporary)) / f"views-{nodes}"
            store = synthetic_store(Path(temporary) / f"store-{nodes}", nodes, 2 * nodes)
            started = time.perf_counter()
            write_views(store, folder)
            generated = time.perf_counter() - started
            size = (folder / "graph.html").stat().st_size
            drawn, interactive, blocked, errors = measure_page(folder / "graph.html")
            rows.append((nodes, 2 * nodes, size, generated, drawn, interactive, blocked, len(errors)))
            print(f"measured {nodes} nodes", file=sys.stderr)
    print(f"layout computed in Python past {PHYSICS_LIMIT} nodes (physics off); vis-network physics below")
    print(
        "| nodes | statements | graph.html | write_views (all pages) | canvas drawn | interactive (click answered) "
        "| outside requests | page errors |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for nodes, edges, size, generated, drawn, interactive, blocked, errors in rows:
        print(
            f"| {nodes:,} | {edges:,} | {size / 1e6:.1f} MB | {generated:.1f} s | {drawn:.1f} s | {interactive:.1f} s "
            f"| {blocked} | {errors} |"
        )
    slowest = max(row[5] for row in rows)
    ok = slowest < TARGET_SECONDS and all(row[6] == row[7] == 0 for row in rows)
    verdict = "OK" if ok else "TOO SLOW OR FAILING"
    print(f"{verdict}: slowest page interactive in {slowest:.1f} s (target {TARGET_SECONDS:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
