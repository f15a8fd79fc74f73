"""What the views keep between builds (`.views-cache` beside the pages), so that a build that
replaced a few briefs redoes only what they change: the facts of every named graph
(`kg.views.facts`) and, for every actor page, a digest of what it shows.

The facts are the store's, read graph by graph; the next build drops those of the graphs it
replaced, reads theirs again and joins the rest as they were, which gives what a full read gives.
The cache is written with `marshal` (plain dicts, tuples and strings; loading it runs no
code, unlike pickle) and is only ever a shortcut: a missing, unreadable or foreign cache means a
full read and every page rendered.
"""

from __future__ import annotations

import gc
import marshal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.views.facts import GraphFacts

CACHE_FILE = ".views-cache"
FORMAT = "kg-views-2"  # 2: properties as flat tuples (`kg.views.facts`)


@dataclass(frozen=True)
class ViewCache:
    base_iri: str
    facts: GraphFacts
    pages: dict[str, str] = field(default_factory=dict)  # actor page (relative path) -> digest of its content


def load_cache(folder: Path, base_iri: str) -> ViewCache | None:
    """The cache of the views in `folder`, if there is one for this base IRI and it reads."""
    try:
        with (folder / CACHE_FILE).open("rb") as stream, no_collection():
            record = marshal.load(stream)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(record, dict) or record.get("format") != FORMAT or record.get("base_iri") != base_iri:
        return None
    return ViewCache(base_iri, record["facts"], record["pages"])


def save_cache(folder: Path, cache: ViewCache) -> None:
    """Write the cache atomically (through a temporary file and a rename)."""
    record = {"format": FORMAT, "base_iri": cache.base_iri, "facts": cache.facts, "pages": cache.pages}
    temporary = folder / (CACHE_FILE + ".tmp")
    with temporary.open("wb") as stream:
        marshal.dump(record, stream)
    temporary.replace(folder / CACHE_FILE)


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while hundreds of thousands of small containers are
    made at once (the facts, loaded or read, and their join): it would walk them again and again
    as they grow (loading the cache took 5x as long with it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
