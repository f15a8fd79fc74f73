"""What every view shows, joined from the store's facts (never from the extractor).

`view_data` joins the facts of `kg.views.facts` as the views need them, the way a SPARQL query
over the union default graph would: the statements (with their optional date, sentence, brief,
source and event code; a statement whose object is a theme aimed at an actor, `kg:target`, joins
its subject to that actor, the theme going on the edge's label), the nodes they connect (labels,
kind, aliases, the actor they act for, and the last actor up each `kg:actsFor` chain) and the
briefs. Event codes (`kg:eventCode`, with `skos:notation`, `skos:prefLabel`, `kg:goldstein`,
`kg:quadClass`, `kg:ploverCategory`) live in the vocabulary graph and are optional: a store built
before event coding existed gives statements without codes. Where the graph holds several values
of a property, the least is taken, so the result depends on the facts alone, never on their order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache, partial
from typing import Any

from kg.graph import KG, GraphStore
from kg.views.facts import (
    ALT_LABEL,
    ANCHOR_OF,
    DATE,
    LABEL,
    NOTATION,
    PREF_LABEL,
    TITLE,
    TYPE,
    Properties,
    Subjects,
    grouped,
    merged,
    read_facts,
    values,
)
from kg.views.parts import Record, merge, record, split

# each subject's distinct descriptions (property tuples) and how many graphs give each (`Union`)
Described = dict[str, dict[Properties, int]]
ACTOR_KINDS = ("Country", "Organisation", "Person", "Group", "Place")
THEME = "Theme"


@dataclass(frozen=True, order=True, slots=True)
class EventCode:
    notation: str
    label: str
    goldstein: float | None
    quad_class: int | None
    plover: str


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Brief:
    iri: str
    title: str
    date: str
    statements: int


@dataclass(frozen=True, slots=True)
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


@cache
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


def read_view_data(store: GraphStore) -> ViewData:
    """Everything the views show, read from the whole store."""
    return view_data(read_facts(store).values())


class Union:
    """The facts of several graphs as one set of triples, by subject: a subject that several graphs
    describe gets a merged description, each value once. `described` holds each subject's distinct
    descriptions (the graphs' own property tuples, shared, never changed) with the number of graphs
    that give each, so that a rebuild takes the graphs it changed out and puts them in again
    (`kg.views.rejoin`) instead of reading every graph's."""

    def __init__(self, graphs: Iterable[Subjects] = (), described: Described | None = None) -> None:
        self.described: Described = {} if described is None else described
        for subjects in graphs:
            self.count(subjects, 1)
        self.subjects: Subjects = {}
        self.typed: dict[str, set[str]] = defaultdict(set)
        self.refresh()

    def count(self, subjects: Subjects, step: int) -> bool:
        """Count a graph's descriptions in (`step` 1) or out (-1); False when one counted out was not in."""
        described = self.described
        for subject, properties in subjects.items():
            counts = described.get(subject)
            if counts is None:
                if step < 0:
                    return False
                described[subject] = {properties: step}
                continue
            count = counts.get(properties, 0) + step
            if count < 0:
                return False
            if count:
                counts[properties] = count
            else:
                del counts[properties]
                if not counts:
                    del described[subject]
        return True

    def refresh(self) -> None:
        """The subjects' descriptions and kinds, from `described`."""
        self.subjects = {
            subject: next(iter(counts)) if len(counts) == 1 else merged(list(counts))
            for subject, counts in self.described.items()
        }
        self.typed.clear()
        for subject, properties in self.subjects.items():
            for kind, _ in values(properties, TYPE):
                self.typed[kind].add(subject)

    def all(self, subject: str, predicate: str) -> list[str]:
        return sorted({v for v, _ in values(self.subjects.get(subject, ()), predicate)})

    def first(self, subject: str, predicate: str) -> str:
        """The least value ("" for none)."""
        found = values(self.subjects.get(subject, ()), predicate)
        return min(found)[0] if found else ""

    def labelled(self, subject: str, predicate: str) -> list[tuple[str, str]]:
        return sorted(set(values(self.subjects.get(subject, ()), predicate)))


def view_data(graphs: Iterable[Subjects]) -> ViewData:
    """What the views show, joined from the facts of every named graph of the store."""
    parts = [split(subjects) for subjects in graphs]
    return joined((p.shared for p in parts), ((p.records, p.parties) for p in parts))


def joined(shared: Iterable[Subjects], statements: Iterable[tuple[list[Record], tuple[str, ...]]]) -> ViewData:
    """What the views show, from every graph's parts (`kg.views.parts`): the `shared` facts of
    each graph first, then each graph's statement records and parties (read one graph at a time:
    a record is dropped once it is a `Statement`). A statement several graphs describe (its event
    code in a graph of codes) is joined from all of them."""
    graph = Union(shared)
    parties: set[str] = set()
    records: dict[str, Record] = {}
    for listed, graph_parties in statements:
        parties.update(graph_parties)
        for r in listed:
            records[r[0]] = merge(records[r[0]], r) if r[0] in records else r
        listed.clear()
    joiner = Joiner(graph)
    found = []
    while records:
        joined_record = joiner.statement(records.popitem()[1], parties)
        if joined_record is not None:
            found.append(joined_record[0])
    return view_data_of(graph, sorted(found, key=place), parties)


def view_data_of(graph: Union, statements: list[Statement], parties: set[str]) -> ViewData:
    """The view data of the joined `statements` (in order), their nodes and briefs read from `graph`;
    `parties`: every subject, object and target of a statement of the graphs."""
    nodes = _nodes(graph, {n for s in statements for n in (s.subject, s.object)})
    briefs = _briefs(graph, Counter(s.brief for s in statements))
    return ViewData(statements, nodes, briefs, _acting_for(graph, parties))


class Joiner:
    """Statements joined from their records and the union of every graph's shared facts (`graph`).
    Relations, polarities, event codes ... recur in thousands of statements: each is looked up once."""

    def __init__(self, graph: Union) -> None:
        self.graph = graph
        self.themes = graph.typed.get(KG + THEME, set())
        self.relations = _Memo(lambda iri: graph.first(iri, LABEL) or local_name(iri))
        self.lowered = _Memo(lambda iri: local_name(iri).lower())
        self.codes = _Memo(partial(_event_code, graph))
        self.source_labels = _Memo(lambda iri: graph.all(iri, PREF_LABEL))

    def statement(self, r: Record, parties: set[str]) -> tuple[Statement, str, Record] | None:
        """The statement of a record (None when it lacks a part), the IRI of its event code ("" for
        none) and the record as joined (with what other graphs say of the statement, if anything);
        `parties` gains what other graphs name as its subject, object or target."""
        graph, iri = self.graph, r[0]
        if iri in graph.subjects:  # other graphs say more of it
            properties = grouped(graph.subjects[iri])
            parties.update(v for p in (KG + "subject", KG + "object", KG + "target") for v, _ in properties.get(p, ()))
            r = merge(r, record(iri, properties, ""))
        _, subject, relation, obj, polarity, modality, target, date, brief, sentence, event_codes, sources, nodes = r
        if not (subject and relation and obj and polarity and modality):
            return None
        theme = ""
        if target and obj in self.themes:  # a statement about a theme aimed at an actor: an edge between the two
            theme, obj = self.relations[obj], target
        anchors = [a for d in nodes if d in graph.subjects for a in graph.all(d, ANCHOR_OF)]
        if anchors:  # sentence nodes other graphs describe
            sentence = min([*anchors, sentence] if sentence else anchors)
        codes = self.codes
        coded = [(codes[c], c) for c in event_codes if codes[c] is not None]
        # (the least by repr, which is slow, only among several)
        code, code_iri = coded[0] if len(coded) == 1 else min(coded, key=_code_repr, default=(None, ""))
        statement = Statement(
            iri=iri,
            subject=subject,
            object=obj,
            relation=self.relations[relation],
            polarity=self.lowered[polarity],
            modality=self.lowered[modality],
            date=date,
            sentence=sentence,
            brief=brief,
            code=code,
            theme=theme,
            source=min((label for s in sources for label in self.source_labels[s]), default=""),
        )
        return statement, code_iri, r


class _Memo(dict[str, Any]):
    """A function's results by argument, each computed once."""

    def __init__(self, function: Callable[[str], Any]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> Any:
        value = self[key] = self.function(key)
        return value


def _code_repr(coded: tuple[EventCode, str]) -> str:
    return repr(coded[0])


def _event_code(graph: Union, code: str) -> EventCode | None:
    notation, goldstein, quad_class = (graph.first(code, p) for p in (NOTATION, KG + "goldstein", KG + "quadClass"))
    if not (notation or goldstein or quad_class):
        return None
    return EventCode(
        notation,
        graph.first(code, PREF_LABEL),
        float(goldstein) if goldstein else None,
        int(quad_class) if quad_class else None,
        graph.first(code, KG + "ploverCategory"),
    )


def place(statement: Statement) -> tuple[str, int, str]:
    """Statement IRIs end in their number within the brief: order by brief, then by that number."""
    head, _, number = statement.iri.rpartition("/")
    return (head, int(number), "") if number.isdigit() else (head, 0, number)


def _nodes(graph: Union, used: set[str]) -> dict[str, Node]:
    """Label (English prefLabel, any prefLabel, rdfs:label), kind, aliases and demonyms of every
    subject and object."""
    result = {}
    for iri in sorted(used):
        kinds = {k.removeprefix(KG) for k in graph.all(iri, TYPE)}
        kind = next((k for k in ACTOR_KINDS if k in kinds), THEME if THEME in kinds else "Actor")
        labels = [(0 if language == "en" else 1, v) for v, language in graph.labelled(iri, PREF_LABEL)]
        labels += [(2, v) for v in graph.all(iri, LABEL)]
        label = min(labels, default=(0, local_name(iri)))[1]
        names = {v for p in (PREF_LABEL, ALT_LABEL, KG + "demonym", LABEL) for v in graph.all(iri, p)}
        result[iri] = Node(iri, label, kind, tuple(sorted(names | {label})), graph.first(iri, KG + "actsFor") or None)
    return result


def _acting_for(graph: Union, parties: set[str]) -> dict[str, tuple[str, str]]:
    """The last actor up each actor's kg:actsFor chain (a minister -> the ministry -> the state):
    of every subject, object and target of a statement (`parties`), the least (IRI, label) of the
    actors it reaches by one or more kg:actsFor that act for nobody."""
    found: dict[str, tuple[str, str]] = {}
    for actor in sorted(parties):
        reached, frontier = set(), graph.all(actor, KG + "actsFor")
        while frontier:
            reached.update(frontier)
            frontier = [up for node in frontier for up in graph.all(node, KG + "actsFor") if up not in reached]
        candidates = [
            (top, label)
            for top in reached
            if not graph.all(top, KG + "actsFor")
            for label in graph.all(top, PREF_LABEL) or [local_name(top)]
        ]
        if candidates:
            found[actor] = min(candidates)
    return found


def _briefs(graph: Union, counts: Counter[str]) -> dict[str, Brief]:
    found: dict[str, Brief] = {}
    for iri in graph.typed.get(KG + "Brief", ()):
        found[iri] = Brief(iri, graph.first(iri, TITLE) or local_name(iri), graph.first(iri, DATE), counts[iri])
    for iri in counts.keys() - found.keys():  # a statement whose brief is not described
        found[iri] = Brief(iri, local_name(iri) or "unknown brief", "", counts[iri])
    return dict(sorted(found.items(), key=lambda item: (item[1].date or "9999", item[1].title, item[0])))
