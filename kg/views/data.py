"""What every view shows, read from the store with SPARQL (never from the extractor).

`read_view_data` runs three queries over the union default graph: the statements (with their
optional date, sentence, brief and event code; a statement whose object is a theme aimed at an
actor, `kg:target`, joins its subject to that actor, the theme going on the edge's label), the
nodes they connect (labels, kind, aliases, the actor they act for) and the briefs. Event codes
(`kg:eventCode`, with `skos:notation`, `skos:prefLabel`, `kg:goldstein`, `kg:quadClass`,
`kg:ploverCategory`) live in the vocabulary graph, so they are joined through the union default
graph and are OPTIONAL: a store built before event coding existed gives statements without codes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date

from kg.graph import KG, GraphStore

ACTOR_KINDS = ("Country", "Organisation", "Person", "Group", "Place")
THEME = "Theme"

# The target and the theme test are two OPTIONALs joined on bound variables: Oxigraph evaluates
# a group on its own before the left join, and one group holding both `?statement kg:target
# ?target` and `?object a kg:Theme` (no variable in common) made every target times every theme
# (a 1 MB brief: 13.4 s and 1 GB resident for 7,438 statements; now 0.7 s and 120 MB).
STATEMENTS = """SELECT ?statement ?subject ?relation ?label ?object ?polarity ?modality ?date ?sentence ?brief
                       ?notation ?codeLabel ?goldstein ?quadClass ?plover ?target ?isTheme ?theme ?source WHERE {
  ?statement a kg:Statement ; kg:subject ?subject ; kg:relation ?relation ; kg:object ?object ;
             kg:polarity ?polarity ; kg:modality ?modality .
  OPTIONAL { ?statement kg:target ?target }
  OPTIONAL { ?object a kg:Theme . BIND(true AS ?isTheme) OPTIONAL { ?object rdfs:label ?theme } }
  OPTIONAL { ?relation rdfs:label ?label }
  OPTIONAL { ?statement kg:date ?date }
  OPTIONAL { ?statement kg:source/skos:prefLabel ?source }
  OPTIONAL { ?statement prov:wasDerivedFrom/nif:anchorOf ?sentence }
  OPTIONAL { ?statement kg:inBrief ?brief }
  OPTIONAL {
    ?statement kg:eventCode ?code .
    OPTIONAL { ?code skos:notation ?notation }
    OPTIONAL { ?code skos:prefLabel ?codeLabel }
    OPTIONAL { ?code kg:goldstein ?goldstein }
    OPTIONAL { ?code kg:quadClass ?quadClass }
    OPTIONAL { ?code kg:ploverCategory ?plover }
  }
}"""
NODES = """SELECT DISTINCT ?node ?property ?value WHERE {
  VALUES ?property { rdf:type skos:prefLabel skos:altLabel kg:demonym rdfs:label kg:actsFor }
  ?statement a kg:Statement ; kg:subject|kg:object|kg:target ?node .
  ?node ?property ?value .
}"""
ACTS_FOR = """SELECT DISTINCT ?actor ?top ?label WHERE {
  ?statement a kg:Statement ; kg:subject|kg:object|kg:target ?actor .
  ?actor kg:actsFor+ ?top .
  FILTER NOT EXISTS { ?top kg:actsFor ?higher }
  OPTIONAL { ?top skos:prefLabel ?label }
}"""
BRIEFS = """SELECT ?brief ?title ?date WHERE {
  ?brief a kg:Brief .
  OPTIONAL { ?brief dcterms:title ?title }
  OPTIONAL { ?brief dcterms:date ?date }
}"""


@dataclass(frozen=True, order=True)
class EventCode:
    notation: str
    label: str
    goldstein: float | None
    quad_class: int | None
    plover: str


@dataclass(frozen=True)
class Node:
    """An actor or a theme that takes part in at least one statement."""

    iri: str
    label: str
    kind: str  # one of ACTOR_KINDS, "Actor" when the store names none, or THEME
    names: tuple[str, ...]  # label, aliases and demonyms: how the node may be written in a sentence
    acts_for: str | None = None

    @property
    def is_actor(self) -> bool:
        return self.kind != THEME


@dataclass(frozen=True)
class Brief:
    iri: str
    title: str
    date: str
    statements: int


@dataclass(frozen=True)
class Statement:
    iri: str
    subject: str  # node IRIs
    object: str
    relation: str  # the relation's label (a verb lemma)
    polarity: str  # positive | negative
    modality: str  # asserted | reported | intended | possible
    date: str  # YYYY, YYYY-MM, YYYY-MM-DD, or "" when undated
    sentence: str
    brief: str  # the brief's IRI
    code: EventCode | None = None
    theme: str = ""  # what the statement is about when `object` is its target actor ("efforts")
    source: str = ""  # who said so (the source actor's name), "" for nobody's speech

    @property
    def edge_label(self) -> str:
        """The relation, with the theme when the edge joins the subject to its target actor."""
        return f"{self.relation}: {self.theme}" if self.theme else self.relation

    @property
    def hedged(self) -> bool:
        """Negated or not asserted as fact: drawn dashed everywhere."""
        return self.polarity == "negative" or self.modality != "asserted"

    @property
    def period(self) -> tuple[str, str]:
        """First and last day the date can mean ("2015-02" is 2015-02-01 to 2015-02-28)."""
        return date_period(self.date)


@dataclass(frozen=True)
class ViewData:
    statements: list[Statement]  # ordered by brief, then by place in the brief
    nodes: dict[str, Node]
    briefs: dict[str, Brief]  # ordered by date, then title
    # actor IRI -> IRI and label of the state or organisation it ultimately acts for (kg:actsFor+)
    acting_for: dict[str, tuple[str, str]] = field(default_factory=dict)

    def degree(self) -> Counter[str]:
        """Statements each node takes part in (a statement about itself counts once)."""
        return Counter(node for s in self.statements for node in {s.subject, s.object})


def read_view_data(store: GraphStore) -> ViewData:
    statements = _statements(store)
    nodes = _nodes(store, {n for s in statements for n in (s.subject, s.object)})
    briefs = _briefs(store, Counter(s.brief for s in statements))
    return ViewData(statements, nodes, briefs, _acting_for(store))


def date_period(value: str) -> tuple[str, str]:
    if not value:
        return "", ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        year, month = parts
        last = (Date(year + month // 12, month % 12 + 1, 1) - Date(year, month, 1)).days
        return f"{value}-01", f"{value}-{last:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _value(row: object, name: str) -> str:
    term = row[name]  # type: ignore[index]
    return term.value if term is not None else ""


def _statements(store: GraphStore) -> list[Statement]:
    """One record per statement node (the smallest, should optional values give several rows)."""
    records: dict[str, Statement] = {}
    for row in store.query(STATEMENTS):  # type: ignore[union-attr]
        code = None
        if row["notation"] is not None or row["quadClass"] is not None or row["goldstein"] is not None:
            goldstein, quad_class = _value(row, "goldstein"), _value(row, "quadClass")
            code = EventCode(
                _value(row, "notation"),
                _value(row, "codeLabel"),
                float(goldstein) if goldstein else None,
                int(quad_class) if quad_class else None,
                _value(row, "plover"),
            )
        iri = row["statement"].value
        # a statement about a theme aimed at an actor is an edge between the two actors
        target = _value(row, "target") if row["isTheme"] is not None else ""
        record = Statement(
            iri=iri,
            subject=row["subject"].value,
            object=target or row["object"].value,
            relation=_value(row, "label") or local_name(row["relation"].value),
            polarity=local_name(row["polarity"].value).lower(),
            modality=local_name(row["modality"].value).lower(),
            date=_value(row, "date"),
            sentence=_value(row, "sentence"),
            brief=_value(row, "brief"),
            code=code,
            theme=(_value(row, "theme") or local_name(row["object"].value)) if target else "",
            source=_value(row, "source"),
        )
        previous = records.get(iri)
        records[iri] = record if previous is None else min(previous, record, key=_sort_key)
    return sorted(records.values(), key=_place)


def _sort_key(statement: Statement) -> tuple[str, ...]:
    code = statement.code
    return (statement.relation, statement.date, statement.sentence, statement.brief, repr(code))


def _place(statement: Statement) -> tuple[str, int, str]:
    """Statement IRIs end in their number within the brief: order by brief, then by that number."""
    head, _, number = statement.iri.rpartition("/")
    return (head, int(number), "") if number.isdigit() else (head, 0, number)


def _nodes(store: GraphStore, used: set[str]) -> dict[str, Node]:
    """Label (English prefLabel, any prefLabel, rdfs:label), kind, aliases and demonyms of every
    subject and object."""
    labels: dict[str, list[tuple[int, str]]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    acts_for: dict[str, str] = {}
    for row in store.query(NODES):  # type: ignore[union-attr]
        node, prop, value = row["node"].value, local_name(row["property"].value), row["value"]
        if prop == "type":
            kinds[node].add(value.value.removeprefix(KG))
        elif prop == "actsFor":
            acts_for[node] = min(acts_for.get(node, value.value), value.value)
        else:
            names[node].add(value.value)
            if prop == "prefLabel":
                labels[node].append((0 if getattr(value, "language", None) == "en" else 1, value.value))
            elif prop == "label":
                labels[node].append((2, value.value))
    result = {}
    for iri in sorted(used):
        kind = next((k for k in ACTOR_KINDS if k in kinds[iri]), THEME if THEME in kinds[iri] else "Actor")
        label = min(labels[iri], default=(0, local_name(iri)))[1]
        result[iri] = Node(iri, label, kind, tuple(sorted(names[iri] | {label})), acts_for.get(iri))
    return result


def _acting_for(store: GraphStore) -> dict[str, tuple[str, str]]:
    """The last actor up each actor's kg:actsFor chain (a minister -> the ministry -> the state)."""
    found: dict[str, tuple[str, str]] = {}
    for row in store.query(ACTS_FOR):  # type: ignore[union-attr]
        top = row["top"].value
        candidate = (top, _value(row, "label") or local_name(top))
        found[row["actor"].value] = min(found.get(row["actor"].value, candidate), candidate)
    return found


def _briefs(store: GraphStore, counts: Counter[str]) -> dict[str, Brief]:
    found: dict[str, Brief] = {}
    for row in store.query(BRIEFS):  # type: ignore[union-attr]
        iri = row["brief"].value
        brief = Brief(iri, _value(row, "title") or local_name(iri), _value(row, "date"), counts[iri])
        found[iri] = min(found.get(iri, brief), brief, key=lambda b: (b.title, b.date))
    for iri in counts.keys() - found.keys():  # a statement whose brief is not described
        found[iri] = Brief(iri, local_name(iri) or "unknown brief", "", counts[iri])
    return dict(sorted(found.items(), key=lambda item: (item[1].date or "9999", item[1].title, item[0])))
