"""The views of the store: HTML pages an analyst opens in a browser, with or without a network.

`write_views` is the one entry point (the build and `kg view` call it). It reads the store once
(`kg.views.data`, SPARQL only) and writes:

- `index.html`: the briefs, the actors with links to their pages, and the views (`index`);
- `graph.html`: the whole graph, interactive, with filters and an evidence panel (`graph`);
- `timeline.html`: statements over time per pair of actors, cooperation and conflict per month
  for the busiest pairs (`timeline`, `charts`);
- `actors/<slug>.html`: each actor's ego network and statements in date order (`actor_pages`,
  `ego`).

The same data, as a networkx graph (`statement_graph`), is what `kg export --format
graphml|gexf|csv` and the Python API's `network()` give network tools (`network`).

Every page is self-contained: scripts and styles are inlined from the package, and each page's
Content-Security-Policy forbids loading anything else.
"""

from __future__ import annotations

from pathlib import Path

from kg.graph import GraphStore
from kg.views.actor_pages import write_actor_pages
from kg.views.data import read_view_data
from kg.views.graph import GRAPH_PAGE, write_graph_page
from kg.views.index import INDEX_PAGE, write_index
from kg.views.items import ACTORS_FOLDER, actor_pages
from kg.views.network import NETWORK_FORMATS, export_network, statement_graph
from kg.views.timeline import TIMELINE_PAGE, write_timeline

__all__ = [
    "ACTORS_FOLDER",
    "GRAPH_PAGE",
    "INDEX_PAGE",
    "NETWORK_FORMATS",
    "TIMELINE_PAGE",
    "export_network",
    "statement_graph",
    "write_views",
]


def write_views(store: GraphStore, folder: Path) -> list[str]:
    """Write every view of the store into `folder`; return the top-level names written (files and
    the actors folder), which a build swaps into its output. Each is replaced whole, so writing
    into a folder that holds older views (`kg view`) leaves nothing stale."""
    data = read_view_data(store)
    pages = actor_pages(data.nodes)
    write_index(data, pages, folder)
    write_graph_page(data, pages, folder)
    write_timeline(data, pages, folder)
    write_actor_pages(data, pages, folder)
    return [INDEX_PAGE, GRAPH_PAGE, TIMELINE_PAGE, ACTORS_FOLDER]
