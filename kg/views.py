"""An interactive graph view of the store: one self-contained HTML page that opens with no network.

`write_graph_view` reads only the store (SPARQL, never the extractor), builds a
`networkx.MultiDiGraph` whose nodes are actors and themes and whose edges are statements, turns it
into vis-network's node/edge records with pyvis, and writes a page of its own (`assets/graph_view.html`)
that inlines vis-network's JS and CSS, read at run time from the installed pyvis package. pyvis's own
templates fetch bootstrap (and with `local`, vis-network) from elsewhere; this page makes no outside
request, and its Content-Security-Policy (`default-src 'none'`) forbids any.

Where the heuristics come from:
- colours are from the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
  distinguishable under the common colour-vision deficiencies: actors by kind, edges by polarity;
- an actor's radius (and its label's font) grows with the square root of its number of statements,
  so its area is proportional to the count: the proportional-symbol rule of cartography (Flannery
  1971) that Gephi and most graph tools follow; the labels of busy actors then stay legible when the
  whole graph is zoomed to fit; themes are small diamonds, so the eye goes to the actors first;
- negated and not-asserted (reported, intended, possible) statements are dashed: dashed strokes are
  what readers most readily take for "uncertain" (MacEachren et al. 2012, "Visual semiotics &
  uncertainty visualization: an empirical study", IEEE TVCG 18(12));
- statements with the same subject, relation, object, polarity and modality share one edge whose
  tooltip lists the evidence (at most MAX_EVIDENCE sentences), so repeated claims stay readable;
- brief text is data, never markup: the JSON is embedded with `<`, `>` and `&` written as `\\u003c`,
  `\\u003e`, `\\u0026` (as Jinja's `htmlsafe_json_dumps` and Django's `json_script` do), so no text
  can close the script element, and tooltips are strings, which vis-network shows with `innerText`.

The page is deterministic: everything is sorted and vis-network's layout seed is fixed.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from importlib.resources import files
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.namespaces import KG, RDF, RDFS, SKOS
from kg.store import KnowledgeStore

ACTOR_KINDS = ("Country", "Organisation", "Person", "Group")
KIND_COLOURS = {"Country": "#56B4E9", "Organisation": "#E69F00", "Person": "#009E73", "Group": "#CC79A7"}
UNKNOWN_ACTOR_COLOUR, THEME_COLOUR = "#999999", "#C8C8C8"
POLARITY_COLOURS = {"positive": "#0072B2", "negative": "#D55E00"}
THEME_SIZE, ACTOR_BASE_SIZE, ACTOR_SIZE_STEP = 8, 10, 6
THEME_FONT, ACTOR_FONT, ACTOR_FONT_STEP, MAX_FONT = 12, 14, 2, 30
MAX_EVIDENCE = 8
VIS_DIR = "templates/lib/vis-9.1.2"
PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
OPTIONS: dict[str, object] = {
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "physics": {
        "solver": "forceAtlas2Based",
        # a stronger pull to the centre than vis's default (0.01) keeps unconnected pieces in view
        "forceAtlas2Based": {
            "gravitationalConstant": -60,
            "centralGravity": 0.03,
            "springLength": 90,
            "avoidOverlap": 0.2,
        },
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150},
    "nodes": {"font": {"size": 14}, "borderWidth": 1},
    "edges": {
        "color": {"inherit": False},
        "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        "smooth": {"type": "dynamic"},
    },
}

STATEMENTS = """SELECT ?statement ?subject ?relation ?label ?object ?polarity ?modality ?date ?sentence ?brief WHERE {
  ?statement a kg:Statement ; kg:subject ?subject ; kg:relation ?relation ; kg:object ?object ;
             kg:polarity ?polarity ; kg:modality ?modality .
  OPTIONAL { ?relation rdfs:label ?label }
  OPTIONAL { ?statement kg:date ?date }
  OPTIONAL { ?statement prov:wasDerivedFrom/nif:anchorOf ?sentence }
  OPTIONAL { ?statement kg:inBrief/dcterms:title ?brief }
}"""
NODES = """SELECT DISTINCT ?node ?property ?value WHERE {
  VALUES ?property { rdf:type skos:prefLabel rdfs:label }
  ?statement a kg:Statement ; kg:subject|kg:object ?node .
  ?node ?property ?value .
}"""


@dataclass(frozen=True, order=True)
class _Statement:
    subject: str
    relation: str
    label: str
    object: str
    polarity: str
    modality: str
    date: str
    sentence: str
    brief: str


@dataclass(frozen=True)
class _Node:
    label: str
    kind: str  # an actor kind, "Actor" when the store gives none, or "Theme"


GRAPH_PAGE = "graph.html"


def write_views(store: KnowledgeStore, folder: Path) -> list[str]:
    """Write every view page of the store into `folder`; return the top-level names written
    (files or folders), which a build swaps into its output."""
    write_graph_view(store, folder / GRAPH_PAGE)
    return [GRAPH_PAGE]


def write_graph_view(store: KnowledgeStore, path: Path) -> Path:
    """Write the store's statements as an offline, interactive HTML graph to `path`; return it."""
    statements = _statements(store)
    nodes = _nodes(store)
    graph = _graph(statements, nodes)
    network = Network(directed=True, cdn_resources="remote")  # only its data is used, not its template
    network.from_nx(graph)
    network.options = OPTIONS
    vis_nodes, vis_edges, _, _, _, options = network.get_network_data()
    data = {"nodes": sorted(vis_nodes, key=lambda n: n["id"]), "edges": vis_edges, "options": json.loads(options)}
    kinds = Counter(nodes[n].kind == "Theme" for n in graph.nodes)
    heading = f"Knowledge graph: {kinds[False]} actors, {kinds[True]} themes, {len(statements)} statements"
    parts = _parts(heading, data)
    page = PLACEHOLDER.sub(lambda m: parts[m[1]], _asset("assets/graph_view.html", "kg"))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(page, encoding="utf-8", newline="\n")
    temporary.replace(path)
    return path


def _statements(store: KnowledgeStore) -> list[_Statement]:
    """One record per statement node (the smallest, when optional values give several rows)."""
    records: dict[str, _Statement] = {}
    for row in store.query(STATEMENTS):  # type: ignore[union-attr]
        value = {f.name: row[f.name].value if row[f.name] is not None else "" for f in fields(_Statement)}
        value["label"] = value["label"] or _local_name(value["relation"])
        value["polarity"], value["modality"] = (_local_name(value[k]).lower() for k in ("polarity", "modality"))
        record = _Statement(**value)
        key = row["statement"].value
        records[key] = min(records.get(key, record), record)
    return sorted(records.values())


def _nodes(store: KnowledgeStore) -> dict[str, _Node]:
    """Label and kind of every subject and object: English prefLabel, any prefLabel, rdfs:label."""
    labels: dict[str, list[tuple[int, str]]] = defaultdict(list)
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in store.query(NODES):  # type: ignore[union-attr]
        node, prop, value = row["node"].value, row["property"].value, row["value"]
        if prop == RDF + "type" and value.value.startswith(KG):
            kinds[node].add(value.value.removeprefix(KG))
        elif prop == SKOS + "prefLabel":
            labels[node].append((0 if getattr(value, "language", None) == "en" else 1, value.value))
        elif prop == RDFS + "label":
            labels[node].append((2, value.value))
    result = {}
    for node in set(labels) | set(kinds):
        kind = next((k for k in ACTOR_KINDS if k in kinds[node]), "Theme" if "Theme" in kinds[node] else "Actor")
        result[node] = _Node(min(labels[node], default=(0, _local_name(node)))[1], kind)
    return result


def _graph(statements: list[_Statement], nodes: dict[str, _Node]) -> nx.MultiDiGraph:
    groups: dict[tuple[str, str, str, str, str], list[_Statement]] = defaultdict(list)
    degree: Counter[str] = Counter()
    for s in statements:
        groups[(s.subject, s.object, s.relation, s.polarity, s.modality)].append(s)
        degree.update({s.subject, s.object})
    for iri in degree:
        nodes.setdefault(iri, _Node(_local_name(iri), "Actor"))
    graph = nx.MultiDiGraph()
    for iri in sorted(degree):
        graph.add_node(iri, **_node_attributes(nodes[iri], degree[iri]))
    for index, (key, group) in enumerate(sorted(groups.items()), start=1):
        subject, obj, relation, polarity, modality = key
        colour = POLARITY_COLOURS.get(polarity, POLARITY_COLOURS["positive"])
        graph.add_edge(
            subject,
            obj,
            key=f"{relation} {polarity} {modality}",
            id=f"e{index}",
            label=group[0].label,
            title=_edge_title(nodes[subject].label, nodes[obj].label, group),
            color={"color": colour, "highlight": colour, "hover": colour},
            dashes=polarity == "negative" or modality != "asserted",
            weight=1 + min(len(group), 5) / 2,
        )
    return graph


def _node_attributes(node: _Node, count: int) -> dict[str, object]:
    plural = "statement" if count == 1 else "statements"
    title = f"{node.label}\n{node.kind}, {count} {plural}"
    if node.kind == "Theme":
        return {
            "label": node.label,
            "title": title,
            "shape": "diamond",
            "size": THEME_SIZE,
            "color": THEME_COLOUR,
            "font": {"size": THEME_FONT},
        }
    size = round(ACTOR_BASE_SIZE + ACTOR_SIZE_STEP * math.sqrt(count))
    font = min(round(ACTOR_FONT + ACTOR_FONT_STEP * math.sqrt(count)), MAX_FONT)
    colour = KIND_COLOURS.get(node.kind, UNKNOWN_ACTOR_COLOUR)
    return {"label": node.label, "title": title, "shape": "dot", "size": size, "color": colour, "font": {"size": font}}


def _edge_title(subject: str, obj: str, group: list[_Statement]) -> str:
    """Plain text: the claim, its polarity and modality, then dated evidence with brief titles."""
    first = group[0]
    count = f"{len(group)} statement" + ("s" if len(group) > 1 else "")
    lines = [f"{subject} → {first.label} → {obj}", f"{first.polarity}, {first.modality} · {count}"]
    evidence = sorted(group, key=lambda s: (s.date, s.brief, s.sentence))
    for s in evidence[:MAX_EVIDENCE]:
        lines += ["", f"{s.date or 'undated'} · {s.brief}", f"“{s.sentence}”"]
    if len(group) > MAX_EVIDENCE:
        lines += ["", f"… and {len(group) - MAX_EVIDENCE} more"]
    return "\n".join(lines)


def _parts(heading: str, data: dict[str, object]) -> dict[str, str]:
    return {
        "HEADING": html.escape(heading),
        "LEGEND": _legend(),
        "DATA": _script_json(data),
        "VIS_JS": _script_safe(_asset(f"{VIS_DIR}/vis-network.min.js", "pyvis")),
        "VIS_CSS": re.sub(r"</(style)", r"<\\/\1", _asset(f"{VIS_DIR}/vis-network.css", "pyvis"), flags=re.I),
    }


def _legend() -> str:
    items = [f'<span><i style="background:{c}"></i>{k}</span>' for k, c in KIND_COLOURS.items()]
    items.append(f'<span><i style="background:{THEME_COLOUR};border-radius:0"></i>Theme</span>')
    items += [f'<span><i class="line" style="color:{c}"></i>{p}</span>' for p, c in POLARITY_COLOURS.items()]
    items.append('<span><i class="line dashed" style="color:#555"></i>negated or not asserted</span>')
    return "".join(items)


def _script_json(data: object) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` can reach the HTML parser."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _script_safe(script: str) -> str:
    """Vendor JS inlined in <script>: `</script` and `<!--` only ever occur in its strings, where
    `<\\/` and `<\\!` mean the same to JavaScript but nothing to the HTML parser."""
    return re.sub(r"</(script)", r"<\\/\1", script, flags=re.I).replace("<!--", "<\\!--")


def _asset(name: str, package: str) -> str:
    return (files(package) / name).read_text(encoding="utf-8")


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]
