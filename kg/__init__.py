"""kg: knowledge graphs of who does what to whom in analytical briefs.

The Python API (paths may be `str` or `pathlib.Path`)::

    import kg

    graph = kg.build_graph("briefs", "output")    # or kg.open("output") for a built one
    graph.query("actor-timeline", actor="Lukashenka")   # named query -> list of row dicts
    graph.query("ASK { actor:belarus relation:propose ?x }")   # -> True
    graph.dataframe("SELECT ?s ?o WHERE { ?s relation:meet ?o }")   # -> pandas.DataFrame
    graph.statements()                              # -> [kg.Statement(doc=..., subject=...), ...]
    graph.network()                                 # -> networkx.MultiDiGraph of the views
    kg.extract_statements("briefs/minsk.txt")       # statements without building anything

`import kg` stays light: what a call needs (spaCy, Oxigraph, networkx, pandas) is imported by
that call. See kg/api.py for each function's contract.
"""

from __future__ import annotations

from typing import Any

from kg.api import KnowledgeGraph, build_graph, extract_statements
from kg.api import open_output as open

__all__ = ["KnowledgeGraph", "QueryError", "Statement", "__version__", "build_graph", "extract_statements", "open"]


def __getattr__(name: str) -> Any:
    """`kg.__version__` (from the installed package's metadata), `kg.Statement` and
    `kg.QueryError`, resolved on first use."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("kg")
        except PackageNotFoundError:
            return "0+unknown"
    if name == "Statement":
        from kg.extract import Statement

        return Statement
    if name == "QueryError":
        from kg.graph import QueryError

        return QueryError
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
