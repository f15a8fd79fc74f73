"""The views of the store: HTML pages an analyst opens in a browser, with or without a network.

`write_views` is the one entry point (the build and `kg view` call it). It reads the store once
(`kg.views.data`, SPARQL only) and writes:

- `index.html`: the briefs, the actors with links to their pages, and the views (`index`);
- `graph.html`: the whole graph, interactive, with filters and an evidence panel (`graph`), and
  `graph-data/`: its statements in parts the page loads when it needs them (`graph_data`);
- `timeline.html`: statements over time per pair of actors, cooperation and conflict per month
  for the busiest pairs (`timeline`, `charts`), and `pairs/`: each of those pairs' statements,
  a page a year (`pair_pages`);
- `actors/<slug>.html`: each actor's ego network and statements in date order (`actor_pages`,
  `ego`).

The same data, as a networkx graph (`statement_graph`), is what `kg export --format
graphml|gexf|csv` and the Python API's `network()` give network tools (`network`).

Every page is self-contained: scripts and styles are inlined from the package, and each page's
Content-Security-Policy forbids loading anything else (the graph page loads only the parts of its
own data, in `graph-data/`).
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.graph import GraphStore
from kg.views.actor_pages import write_actor_pages
from kg.views.cache import CACHE_FILE, RowTap, ViewCache, no_collection
from kg.views.facts import read_facts
from kg.views.graph import GRAPH_PAGE, write_graph_page
from kg.views.graph_data import DATA_FOLDER
from kg.views.index import INDEX_PAGE, write_index
from kg.views.items import ACTORS_FOLDER, actor_pages
from kg.views.network import NETWORK_FORMATS, export_network, statement_graph
from kg.views.pair_pages import PAIRS_FOLDER
from kg.views.parts import split
from kg.views.rejoin import rejoin
from kg.views.reuse import PageContent
from kg.views.timeline import TIMELINE_PAGE, write_timeline

__all__ = [
    "ACTORS_FOLDER",
    "CACHE_FILE",
    "DATA_FOLDER",
    "GRAPH_PAGE",
    "INDEX_PAGE",
    "NETWORK_FORMATS",
    "PAIRS_FOLDER",
    "TIMELINE_PAGE",
    "RowTap",
    "ViewCache",
    "export_network",
    "statement_graph",
    "write_views",
]


def write_views(
    store: GraphStore,
    folder: Path,
    *,
    previous: Path | None = None,
    changed: Collection[str] = (),
    cache: ViewCache | None = None,
) -> list[str]:
    """Write every view of the store into `folder`; return the top-level names written (files,
    the actors folder and the cache), which a build swaps into its output. Each is replaced
    whole, so writing into a folder that holds older views (`kg view`) leaves nothing stale.

    `previous` is a folder with the views of an earlier state of the same store, and `changed`
    the named graphs (IRIs) replaced since: only those graphs are read again and only the pages
    of actors and pairs whose content changed are rendered, the others linked from `previous`.
    The files written are the same, byte for byte, as without `previous`. `cache`, when given,
    is the cache made for `folder` and `previous` as the store was written (`RowTap`): the graphs
    it has the parts of are not read again."""
    cache = cache or ViewCache(folder, store.base_iri, previous)
    with no_collection():
        _update_parts(store, cache, changed)
        join = rejoin(cache)
    data = join.data
    with _frozen():
        pages = actor_pages(data.nodes)
        write_index(data, pages, folder)
        reuse = (previous, cache.pages) if previous and cache.reused else None
        # what the pages and parts show, each statement digested once (or kept from the previous build)
        content = PageContent(data, pages, join.digests)
        digests = write_graph_page(data, pages, folder, content, reuse)
        digests.update(write_timeline(data, folder, content, reuse))
        digests.update(write_actor_pages(data, pages, folder, content, reuse))
        join.keep(cache, content.statement)
        cache.finish(digests)
    return [INDEX_PAGE, GRAPH_PAGE, DATA_FOLDER, TIMELINE_PAGE, PAIRS_FOLDER, ACTORS_FOLDER, CACHE_FILE]


@contextmanager
def _frozen() -> Iterator[None]:
    """Keep the cyclic garbage collector off what the process holds now (`gc.freeze`) while the
    pages are written: the joined data lives until they all are, and each full collection in
    between walked all of it again. A rebuild's views at 1,000 briefs spent 0.04 CPU s in one
    full collection and 0.03 in younger ones; 0.006 in all with the data frozen."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _update_parts(store: GraphStore, cache: ViewCache, changed: Collection[str]) -> None:
    """Bring the cache's parts up to the store: every graph read and split when the cache is new;
    else the changed graphs (and any graph that came or went without being named) read again,
    one graph at a time, and the graphs that are gone dropped; but for the graphs whose parts
    were made from their rows in this build (`ViewCache.ready`)."""
    present = {graph.value for graph in store.graphs()}
    cached = cache.graphs()
    stale = set(changed) | (present ^ cached) if cache.reused else present | cached
    stale -= cache.ready & present  # their parts made from their rows, in this build
    cache.drop(sorted(stale & cached))
    for graph in sorted(stale & present):
        cache.add(graph, split(read_facts(store, [graph]).get(graph, {})))
