"""The graph of statements as a `networkx.MultiDiGraph`, and its exports for network tools.

Nodes are the actors and themes that take part in statements, keyed by IRI, with `label`,
`type` (Country, Organisation, Person, Group, Actor or Theme), `cameo_code` (an actor's CAMEO
actor code, where it has one) and `statements` (how many statements it takes part in). Edges
are statements, from subject to object, keyed by the statement's IRI, with `relation`,
`polarity`, `modality`, `date`, `brief` (its identifier), `sentence` and, for events, `event_code`
(CAMEO), `event`, `goldstein` and `quad_class`. The graph is read from the same `ViewData` the
pages are drawn from, so an export and `graph.html` always agree.

- GraphML and GEXF are written by networkx's writers (`write_graphml`, `write_gexf`), which
  declare each attribute's type for Gephi, Cytoscape and yEd; an attribute a node or edge lacks
  is left out, as both formats allow.
- CSV is the pair Gephi's spreadsheet import reads (Gephi manual, "Import CSV Data"):
  `nodes.csv` with `Id,Label` first and `edges.csv` with `Source,Target,Type,Id,Label` first,
  then the attributes above as further columns.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.graph import ExportError, GraphStore, check_writable
from kg.views.data import ViewData, local_name, read_view_data

NETWORK_FORMATS = ("graphml", "gexf", "csv")
CAMEO_CODES = """SELECT ?node ?code WHERE {
  ?statement a kg:Statement ; kg:subject|kg:object ?node .
  ?node kg:cameoCode ?code .
}"""
NODE_COLUMNS = ("Id", "Label", "type", "cameo_code", "statements")
EDGE_COLUMNS = (
    "Source",
    "Target",
    "Type",
    "Id",
    "Label",
    "relation",
    "polarity",
    "modality",
    "event_code",
    "event",
    "goldstein",
    "quad_class",
    "date",
    "brief",
    "sentence",
)


def statement_graph(store: GraphStore, data: ViewData | None = None) -> nx.MultiDiGraph:
    """The statements of `store` as a MultiDiGraph (see the module's docstring)."""
    data = data or read_view_data(store)
    codes: dict[str, str] = {}
    for row in store.query(CAMEO_CODES):  # type: ignore[union-attr]
        node = row["node"].value
        codes[node] = min(codes.get(node, row["code"].value), row["code"].value)
    graph = nx.MultiDiGraph()
    for iri, count in sorted(data.degree().items()):
        node = data.nodes[iri]
        attributes: dict[str, object] = {"label": node.label, "type": node.kind, "statements": count}
        if iri in codes:
            attributes["cameo_code"] = codes[iri]
        graph.add_node(iri, **attributes)
    for s in data.statements:
        edge: dict[str, object] = {
            "relation": s.relation,
            "polarity": s.polarity,
            "modality": s.modality,
            "brief": local_name(s.brief),
            "sentence": s.sentence,
        }
        if s.date:
            edge["date"] = s.date
        if s.code:
            edge |= {"event_code": s.code.notation, "event": s.code.label}
            if s.code.goldstein is not None:
                edge["goldstein"] = s.code.goldstein
            if s.code.quad_class is not None:
                edge["quad_class"] = s.code.quad_class
        graph.add_edge(s.subject, s.object, key=s.iri, **edge)
    return graph


def write_network(graph: nx.MultiDiGraph, fmt: str, target: Path) -> list[Path]:
    """Write `graph` as GraphML or GEXF to the file `target`, or as CSV into the folder `target`
    (created if its parent exists); return the files written."""
    if fmt in ("graphml", "gexf"):
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(_prepared(graph, fmt), target)
        return [target]
    target.mkdir(exist_ok=True)
    nodes, edges = target / "nodes.csv", target / "edges.csv"
    with nodes.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(NODE_COLUMNS)
        for iri, a in graph.nodes(data=True):
            writer.writerow([iri, a["label"], a["type"], a.get("cameo_code", ""), a["statements"]])
    with edges.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(EDGE_COLUMNS)
        for source, target_node, key, a in graph.edges(keys=True, data=True):
            row = [source, target_node, "Directed", key, a["relation"]]
            writer.writerow(row + ["" if a.get(c) is None else a[c] for c in EDGE_COLUMNS[5:]])
    return [nodes, edges]


def _prepared(graph: nx.MultiDiGraph, fmt: str) -> nx.MultiDiGraph:
    """GEXF edges carry an `id` and a `label`: the statement's IRI and its relation."""
    if fmt == "graphml":
        return graph
    copy = graph.copy()
    for _, _, key, attributes in copy.edges(keys=True, data=True):
        attributes["id"] = key
        attributes["label"] = attributes["relation"]
    return copy


def export_network(store: GraphStore, fmt: str, target: Path | None, stream: BinaryIO) -> list[Path]:
    """`kg export --format graphml|gexf|csv`: to `target` (a file; for csv a folder), or for
    GraphML and GEXF to `stream` when no target is given."""
    graph = statement_graph(store)
    if fmt == "csv":
        if target is None:
            raise ExportError("--format csv writes nodes.csv and edges.csv: name their folder with -f FOLDER")
        check_writable(target / "nodes.csv" if target.is_dir() else target)
        return write_network(graph, fmt, target)
    if target is None:
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(_prepared(graph, fmt), stream)
        return []
    check_writable(target)
    temporary = target.with_name(target.name + ".tmp")
    write_network(graph, fmt, temporary)
    temporary.replace(target)
    return [target]
