"""An output folder (store and build.json) copied from a test store, for the reading commands
(`kg query`, `kg export`, the Python API) without running the extractor."""

from __future__ import annotations

import json
from pathlib import Path

from kg.graph.store import KnowledgeStore


def output_from(store: KnowledgeStore, folder: Path) -> Path:
    """A copy of `store` laid out as a build's output in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    store.copy_to(folder / "store")
    manifest = {"base_iri": store.base_iri, "briefs": len(store.graphs()) - 1, "triples": store.triple_count()}
    (folder / "build.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder
