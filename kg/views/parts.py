"""Each named graph's facts split once for the views, so that a build joins and keeps per graph
what only that graph can say, and holds no graph's raw facts longer than it takes to split them.

A brief graph describes its statements and their sentences (nodes named after the brief, which no
other graph describes: `kg.graph.rdf`) and, beside them, the actors, themes, relations and the
brief it mentions, which other graphs describe too. `split` joins the graph's statements as far as
the graph alone allows, into `Record`s: a statement's parts, the least value of each, its
sentence's text; what needs other graphs (the relation's label, whether the object is a theme,
the event code's and the source's descriptions) stays an IRI, looked up by `kg.views.data` in the
union of every graph's `shared` facts. The parts are what the views cache keeps per graph
(`kg.views.cache`), so a build that replaced a few briefs splits only theirs again.
"""

from __future__ import annotations

from typing import NamedTuple

from kg.graph import KG
from kg.views.facts import ANCHOR_OF, DERIVED_FROM, TYPE, Subjects, grouped, values

STATEMENT = KG + "Statement"
NAMES = ("subject", "relation", "object", "polarity", "modality", "target", "source", "date", "inBrief", "eventCode")
SUBJECT, RELATION, OBJECT, POLARITY, MODALITY, TARGET, SOURCE, DATE, IN_BRIEF, EVENT_CODE = (KG + n for n in NAMES)

# a statement as one graph gives it: iri, subject, relation (IRI), object, polarity, modality,
# target, date, brief (each the least value the graph gives, "" for none), sentence (the least text
# of the sentences the graph describes), and the event codes, sources and sentence nodes (IRIs)
Record = tuple[str, str, str, str, str, str, str, str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
SINGLE = 10  # the record's first fields hold one value each, the others several


class Part(NamedTuple):
    shared: Subjects  # what the graph says of every subject but its statements and their sentences
    records: list[Record]  # its statements, in no particular order (complete or not: another graph may add)
    parties: tuple[str, ...]  # every subject, object and target of its statements


def split(subjects: Subjects) -> Part:
    """A graph's facts as a `Part`."""
    statements = sorted(s for s, props in subjects.items() if any(v == STATEMENT for v, _ in values(props, TYPE)))
    local = set(statements)
    for iri in statements:
        local.update(d for d, _ in values(subjects[iri], DERIVED_FROM) if d in subjects)
    records: list[Record] = []
    parties: set[str] = set()
    for iri in statements:
        properties = grouped(subjects[iri])
        parties.update(v for p in (SUBJECT, OBJECT, TARGET) for v, _ in properties.get(p, ()))
        described = (
            a for d, _ in properties.get(DERIVED_FROM, ()) if d in local for a, _ in values(subjects[d], ANCHOR_OF)
        )
        records.append(record(iri, properties, min(described, default="")))
    shared = {s: properties for s, properties in subjects.items() if s not in local}
    return Part(shared, records, tuple(sorted(parties)))


def record(iri: str, properties: dict[str, list[tuple[str, str]]], sentence: str) -> Record:
    """A statement's record from its properties (`facts.grouped`) and its sentence's text."""
    return (
        iri,
        *(least(properties, p) for p in (SUBJECT, RELATION, OBJECT, POLARITY, MODALITY, TARGET, DATE, IN_BRIEF)),
        sentence,
        *(tuple(sorted({v for v, _ in properties.get(p, ())})) for p in (EVENT_CODE, SOURCE, DERIVED_FROM)),
    )  # type: ignore[return-value]


def merge(one: Record, other: Record) -> Record:
    """The record of a statement that two graphs describe: the least value of each single field,
    the union of the others."""
    single = (min(a, b) if a and b else a or b for a, b in zip(one[:SINGLE], other[:SINGLE], strict=True))
    several = (tuple(sorted({*a, *b})) for a, b in zip(one[SINGLE:], other[SINGLE:], strict=True))
    return (*single, *several)  # type: ignore[return-value]


def least(properties: dict[str, list[tuple[str, str]]], predicate: str) -> str:
    found = properties.get(predicate)
    return min(found)[0] if found else ""
