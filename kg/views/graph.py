"""The whole graph (`graph.html`): one self-contained page, drawn by vis-network, that opens with no
network and stays usable on graphs of thousands of nodes.

The store's statements become a `networkx.MultiDiGraph` (nodes are actors and themes, edges are
statements; a statement about a theme aimed at an actor is an edge from its subject to that actor,
labelled with the relation and the theme: "support: efforts"); pyvis turns it into vis-network's
node and edge records, and the page's own template (`assets/templates/graph.html`) inlines the
vendored vis-network and the data, so the page needs no CDN (pyvis's templates fetch bootstrap
even in their `local` and `in_line` modes) and shows every brief string as text (pyvis puts HTML
in tooltips, which vis-network 9 shows as raw text).
The evidence for an edge is in a side panel opened by clicking it, built with `textContent`; the
statements it lists are read from parts beside the page when first needed (`kg.views.graph_data`),
and the page's edges carry only what the filters need (their statements' dates, with counts).

Where the heuristics come from:
- an actor's radius (and its label's font) grows with the square root of its number of
  statements, so its area is proportional to the count: the proportional-symbol rule of
  cartography (Flannery 1971) that Gephi and most graph tools follow; themes are small diamonds,
  so the eye goes to the actors first; colours are explained in `kg.views.style`;
- negated and not-asserted (reported, intended, possible) statements are dashed: dashed strokes
  are what readers most readily take for "uncertain" (MacEachren et al. 2012, "Visual semiotics &
  uncertainty visualization: an empirical study", IEEE TVCG 18(12));
- statements with the same subject, relation, object, polarity, modality and event code share one
  edge, whose width grows with their number; parallel edges between two nodes are bent by growing
  amounts to either side, so neither they nor their labels overlap;
- labels of themes and relations are drawn only once the zoom makes them at least DETAIL_THRESHOLD
  pixels high, actors' from 5 (vis-network's default): the overview names the actors, zooming in
  brings the detail (semantic zoom; Shneiderman's "overview first, zoom and filter, then
  details-on-demand", 1996), so a hub's dozens of themes do not bury its name;
- up to PHYSICS_LIMIT nodes vis-network lays the graph out itself (forceAtlas2, a fixed seed)
  and freezes it once stable; past that its physics would keep the browser busy for minutes
  (pyvis pages freeze past ~1,000 nodes), so the layout is computed here (`kg.views.layout`) and
  the page opens with physics off, edges straight and hidden while dragging or zooming.

The page is deterministic: everything is sorted and the layout seeds are fixed.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from kg.views.data import Statement, ViewData
from kg.views.graph_data import DATA_FOLDER, EdgeKey, brief_id, edge_dates, edge_id, write_graph_data
from kg.views.pyvis_start import pyvis_network
from kg.views.render import GRAPH_SCRIPT, SCRIPT_POLICY, VIS_NETWORK, inline_script, plural, render, write_page
from kg.views.reuse import PageContent
from kg.views.style import KIND_COLOURS, THEME_COLOUR, TONE_COLOURS, event_text, node_colour, tone, tones_in_use

GRAPH_PAGE = "graph.html"
PHYSICS_LIMIT = 300  # nodes; past this the layout is computed in Python and physics starts off
THEME_SIZE, ACTOR_BASE_SIZE, ACTOR_SIZE_STEP = 8, 10, 6
THEME_FONT, ACTOR_FONT, ACTOR_FONT_STEP, MAX_FONT = 12, 14, 2, 30
BEND_STEP = 0.22  # roundness added per pair of parallel edges
DETAIL_THRESHOLD = 9  # px on screen: smaller theme and relation labels are not drawn until zoomed in

NODE_OPTIONS: dict[str, object] = {"borderWidth": 1}
EDGE_OPTIONS: dict[str, object] = {
    "color": {"inherit": False},
    "font": {"size": 11, "align": "middle", "strokeWidth": 3},
    "smooth": False,
    "scaling": {"label": {"drawThreshold": DETAIL_THRESHOLD}},
}
SMALL_GRAPH_OPTIONS: dict[str, object] = {
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "physics": {
        "enabled": True,
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
    "nodes": NODE_OPTIONS,
    "edges": EDGE_OPTIONS,
}
LARGE_GRAPH_OPTIONS: dict[str, object] = {
    "layout": {"improvedLayout": False},
    "physics": {"enabled": False, "solver": "barnesHut", "stabilization": {"enabled": False}},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
    "nodes": NODE_OPTIONS,
    "edges": EDGE_OPTIONS,
}


def write_graph_page(
    data: ViewData,
    pages: dict[str, str],
    folder: Path,
    content: PageContent,
    reuse: tuple[Path, dict[str, str]] | None = None,
) -> dict[str, str]:
    """The page, and its statements in parts beside it (`kg.views.graph_data`); return the
    parts' digests. `reuse`: an earlier output folder and its pages' digests."""
    groups: dict[EdgeKey, list[int]] = defaultdict(list)
    for index, s in enumerate(data.statements):
        code = s.code.notation if s.code else ""
        groups[(s.subject, s.object, s.edge_label, s.polarity, s.modality, code)].append(index)
    edge_part, brief_part, digests = write_graph_data(data, groups, folder, content, reuse)
    context = graph_page_context(data, pages, groups, edge_part, brief_part)
    write_page(folder / GRAPH_PAGE, render(GRAPH_PAGE, **context))
    return digests


def graph_page_context(
    data: ViewData,
    pages: dict[str, str],
    groups: dict[EdgeKey, list[int]],
    edge_part: dict[str, int],
    brief_part: dict[str, int],
) -> dict[str, object]:
    degree = data.degree()
    ids = {iri: f"n{index}" for index, iri in enumerate(sorted(degree))}
    graph = _graph(data, pages, ids, degree, groups, edge_part)
    large = graph.number_of_nodes() > PHYSICS_LIMIT
    if large:
        from kg.views.layout import spread_layout  # numpy and scipy: only for graphs this large

        for node, (x, y) in spread_layout(graph).items():
            graph.nodes[node].update(x=round(x, 1), y=round(y, 1))
    network = pyvis_network()(directed=True, cdn_resources="remote")  # only its data is used, not its template
    network.from_nx(graph)
    vis_nodes, vis_edges, *_ = network.get_network_data()
    kinds = Counter(data.nodes[iri].is_actor for iri in degree)
    payload = {
        "nodes": sorted(vis_nodes, key=lambda n: int(n["id"][1:])),
        "edges": vis_edges,
        "briefs": [
            {"title": b.title, "date": b.date, "id": brief_id(iri), "part": brief_part[brief_id(iri)]}
            for iri, b in data.briefs.items()
        ],
        "statements": len(data.statements),
        "months": _months(data.statements),
        "options": LARGE_GRAPH_OPTIONS if large else SMALL_GRAPH_OPTIONS,
        "toneColours": TONE_COLOURS,
        "dataFolder": DATA_FOLDER,
    }
    relations = Counter(s.relation for s in data.statements)
    codes = Counter(event_text(s) for s in data.statements if s.code)
    return {
        "root": "",
        "current": "graph",
        "policy": SCRIPT_POLICY,
        "heading": (
            f"{plural(kinds[True], 'actor')}, {plural(kinds[False], 'theme')}, "
            f"{plural(len(data.statements), 'statement')}"
        ),
        "data": payload,
        "vis_network": inline_script(VIS_NETWORK),
        "page_script": inline_script(GRAPH_SCRIPT),
        "kind_colours": KIND_COLOURS,
        "theme_colour": THEME_COLOUR,
        "tones": tones_in_use(data.statements),
        "tone_colours": TONE_COLOURS,
        "briefs": list(data.briefs.values()),
        "relations": sorted(relations.items(), key=lambda item: (-item[1], item[0])),
        "codes": sorted(codes.items()),
        "modalities": ["asserted", "reported", "intended", "possible"],
        "actor_names": sorted({data.nodes[iri].label for iri in degree if data.nodes[iri].is_actor}, key=str.casefold),
    }


def _graph(
    data: ViewData,
    pages: dict[str, str],
    ids: dict[str, str],
    degree: Counter[str],
    groups: dict[EdgeKey, list[int]],
    edge_part: dict[str, int],
) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for iri in sorted(degree):
        graph.add_node(ids[iri], **_node_attributes(data, iri, degree[iri], pages.get(iri, "")))
    bends = _bends(groups)
    for number, (key, members) in enumerate(sorted(groups.items()), start=1):
        subject, obj = key[0], key[1]
        first: Statement = data.statements[members[0]]
        colour = TONE_COLOURS[tone(first)]
        dates, undated = edge_dates(data.statements[i] for i in members)
        key_id = edge_id(key)
        attributes: dict[str, object] = {
            "id": f"e{number}",
            "label": first.edge_label,
            "title": (
                f"{data.nodes[subject].label} → {first.edge_label} → {data.nodes[obj].label}\n"
                f"{first.polarity}, {first.modality}{' · ' + event_text(first) if first.code else ''}"
                f" · {plural(len(members), 'statement')}"
                " · click for the evidence"
            ),
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "dashes": first.hedged,
            "weight": 1 + min(len(members), 5) / 2,
            # what the filters and the evidence panel need (every statement of an edge shares these)
            "ref": key_id,
            "part": edge_part[key_id],
            "count": len(members),
            "dates": dates,
            "undated": undated,
            "relation": first.relation,
            "polarity": first.polarity,
            "modality": first.modality,
            "tone": tone(first),
            "event": event_text(first),
        }
        if key in bends:
            attributes["smooth"] = bends[key]
        graph.add_edge(ids[subject], ids[obj], key=number, **attributes)
    return graph


def _bends(groups: dict[EdgeKey, list[int]]) -> dict[EdgeKey, dict[str, object]]:
    """Curves for edges that share their two nodes: the first stays straight when their number is
    odd, the others alternate sides with growing roundness. The side is taken relative to the pair
    in sorted order, so A->B and B->A bend apart too."""
    pairs: dict[tuple[str, str], list[EdgeKey]] = defaultdict(list)
    for key in sorted(groups):
        pairs[tuple(sorted(key[:2]))].append(key)  # type: ignore[index]
    bends = {}
    for (low, _), keys in pairs.items():
        for index, key in enumerate(keys):
            step = index + 1 - len(keys) % 2
            if step == 0:
                continue
            clockwise = (step % 2 == 1) == (key[0] == low)
            bends[key] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(BEND_STEP * ((step + 1) // 2), 2),
            }
    return bends


def _node_attributes(data: ViewData, iri: str, count: int, page: str) -> dict[str, object]:
    node = data.nodes[iri]
    title = f"{node.label}\n{node.kind}, {plural(count, 'statement')}"
    common = {
        "label": node.label,
        "title": title,
        "color": node_colour(node),
        "kind": node.kind,
        "iri": iri,
        "page": page,
        "names": [name for name in node.names if name != node.label],  # aliases: the search box matches them
    }
    if not node.is_actor:
        return {
            **common,
            "shape": "diamond",
            "size": THEME_SIZE,
            "font": {"size": THEME_FONT},
            "scaling": {"label": {"drawThreshold": DETAIL_THRESHOLD}},
        }
    size = round(ACTOR_BASE_SIZE + ACTOR_SIZE_STEP * math.sqrt(count))
    font = min(round(ACTOR_FONT + ACTOR_FONT_STEP * math.sqrt(count)), MAX_FONT)
    return {**common, "shape": "dot", "size": size, "font": {"size": font}}


def _months(statements: list[Statement]) -> list[str]:
    """Every month from the first dated statement's to the last's: the date sliders' steps."""
    periods = [s.period for s in statements if s.date]
    if not periods:
        return []
    first, last = min(p[0] for p in periods), max(p[1] for p in periods)
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last[:7]:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
