"""Synthetic stores of a chosen size, for the scale tests and `benchmarks/bench_views.py`.

A store of N nodes and M statements: 60 % of the nodes are actors (of the four kinds, in turn),
the rest themes. Every node first gets one statement tying it to an earlier node, so none is left
out; the other statements pick their subject with probability growing with its number of
statements so far (preferential attachment, Barabási & Albert 1999), which gives the few busy
hubs and many quiet actors real briefs have. Dates spread over three years (some only to the
month, some undated), half the statements carry an event code, and briefs hold 50 statements each.
The same arguments give the same store.
"""

from __future__ import annotations

import random
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract.statements import Actor, Statement
from kg.graph.namespaces import DEFAULT_BASE_IRI, KG, SKOS, XSD
from kg.graph.rdf import brief_graph, brief_quads
from kg.graph.store import KnowledgeStore
from kg.read.briefs import Brief, Segment

KINDS = ("Country", "Organisation", "Person", "Group")
RELATIONS = ("meet", "support", "criticise", "accuse", "visit", "sign", "threaten", "discuss", "sanction", "aid")
MODALITIES = ("asserted", "asserted", "asserted", "reported", "intended", "possible")
CODES = (  # notation, label, Goldstein, quad class, PLOVER
    ("042", "Make a visit", "1.9", 1, "CONSULT"),
    ("057", "Sign formal agreement", "8.0", 1, "AGREE"),
    ("070", "Provide aid", "7.0", 2, "AID"),
    ("112", "Accuse", "-2.0", 3, "ACCUSE"),
    ("138", "Threaten with military force", "-7.0", 3, "THREATEN"),
    ("163", "Impose embargo, boycott, or sanctions", "-8.0", 4, "SANCTION"),
)
PER_BRIEF = 50


def synthetic_store(path: Path, nodes: int, statements: int, seed: int = 1) -> KnowledgeStore:
    rng = random.Random(seed)
    actor_count = max(2, round(nodes * 0.6))
    actors = [Actor(f"actor/synthetic-{i}", f"Actor {i}", KINDS[i % len(KINDS)]) for i in range(actor_count)]  # type: ignore[arg-type]
    themes = [f"theme {i}" for i in range(nodes - actor_count)]
    objects: list[Actor | str] = [*actors, *themes]
    weight = [1] * actor_count
    pairs: list[tuple[int, Actor | str]] = []
    for index in range(1, len(objects)):  # tie every node to an earlier actor
        subject = rng.randrange(min(index, actor_count))
        pairs.append((subject, objects[index]))
        weight[subject] += 1
    while len(pairs) < statements:
        subject = rng.choices(range(actor_count), weight)[0]
        pairs.append((subject, rng.choice(objects)))
        weight[subject] += 1

    store = KnowledgeStore(path, DEFAULT_BASE_IRI)
    store.load_vocabulary()
    codes: list[Quad] = []
    code_graph = NamedNode(f"{DEFAULT_BASE_IRI}graph/synthetic-event-codes")
    for start in range(0, len(pairs), PER_BRIEF):
        doc = f"synthetic-{start // PER_BRIEF:04d}"
        brief = Brief(
            doc,
            Path(f"{doc}.txt"),
            f"Synthetic brief {start // PER_BRIEF}",
            "2023-01-01",
            (Segment(1, "", "2023-01-01", "..."),),
        )
        found = [
            _statement(doc, actors[s], o, rng, offset) for offset, (s, o) in enumerate(pairs[start : start + PER_BRIEF])
        ]
        store.replace_graph(brief_graph(DEFAULT_BASE_IRI, doc), brief_quads(brief, found, DEFAULT_BASE_IRI))
        for number in range(1, len(found) + 1):
            if rng.random() < 0.5:
                code = NamedNode(f"{DEFAULT_BASE_IRI}event-code/{rng.choice(CODES)[0]}")
                codes.append(
                    Quad(
                        NamedNode(f"{DEFAULT_BASE_IRI}statement/{doc}/{number}"),
                        NamedNode(KG + "eventCode"),
                        code,
                        code_graph,
                    )
                )
    for notation, label, goldstein, quad_class, plover in CODES:
        code = NamedNode(f"{DEFAULT_BASE_IRI}event-code/{notation}")
        codes += [
            Quad(code, NamedNode(SKOS + "notation"), Literal(notation), code_graph),
            Quad(code, NamedNode(SKOS + "prefLabel"), Literal(label, language="en"), code_graph),
            Quad(
                code, NamedNode(KG + "goldstein"), Literal(goldstein, datatype=NamedNode(XSD + "decimal")), code_graph
            ),
            Quad(
                code,
                NamedNode(KG + "quadClass"),
                Literal(str(quad_class), datatype=NamedNode(XSD + "integer")),
                code_graph,
            ),
            Quad(code, NamedNode(KG + "ploverCategory"), Literal(plover), code_graph),
        ]
    store.replace_graph(code_graph, codes)
    store.refresh_union()
    return store


def _statement(doc: str, subject: Actor, obj: Actor | str, rng: random.Random, offset: int) -> Statement:
    relation = rng.choice(RELATIONS)
    name = obj if isinstance(obj, str) else obj.name
    sentence = f"{subject.name} will {relation} {name}, officials said."
    roll = rng.random()
    year, month, day = rng.randrange(2020, 2023), rng.randrange(1, 13), rng.randrange(1, 29)
    date = f"{year}-{month:02d}-{day:02d}" if roll < 0.7 else f"{year}-{month:02d}" if roll < 0.8 else None
    return Statement(
        doc,
        1,
        subject.name,
        relation,
        name,
        "negative" if rng.random() < 0.1 else "positive",
        rng.choice(MODALITIES),  # type: ignore[arg-type]
        date,
        sentence,
        offset * 100,
        offset * 100 + len(sentence),
        subject_actor=subject,
        object_actor=None if isinstance(obj, str) else obj,
    )
