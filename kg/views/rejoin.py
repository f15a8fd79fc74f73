"""The statements joined again only where they may differ from the previous build's.

`kg.views.data.joined` joins every graph's statement records with the union of every graph's
shared facts, and the views then digest every statement (`kg.views.reuse.PageContent`): at 1,000
briefs 0.17 and 0.10 CPU s for 32,933 statements, every build, though a rebuild changes a few
graphs. So the views cache (`kg.views.cache`) keeps, for each graph, its statements as joined,
with their digests, and the subjects the join looked up in the union (the statements' own IRIs,
their subjects, relations, objects, targets, briefs, event codes, sources and sentence nodes);
and the union the previous build joined with, as its subjects' distinct descriptions counted by
graph (`kg.views.data.Union`), so that the graphs changed since are counted out and in again
rather than every graph's shared facts read and merged. A graph's statements are joined again when the
graph changed, or when a subject it looked up is described otherwise in the union now; the others
are taken as they were. A statement that the records of several graphs describe is joined from all
of them, and not kept. The statements are those `joined` gives, in the same order (a test compares
both), and each keeps its digest only while its values, and so its digest, stay the same.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from kg.views.cache import ViewCache
from kg.views.data import Described, Joiner, Statement, Union, ViewData, place, view_data_of
from kg.views.parts import Record, merge

# a statement as the cache keeps it: its fields, the IRI of its event code ("" for none), its digest
Row = tuple[str, str, str, str, str, str, str, str, str, str, str, str, bytes]


@dataclass
class _Fresh:
    """A graph whose statements are joined in this build: what it looked up, its parties, its
    statements with their event codes' IRIs (kept for the next build but when `shared`)."""

    looked_up: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    statements: list[tuple[Statement, str]] = field(default_factory=list)
    shared: bool = False  # a statement of it is described by the records of another graph too


@dataclass
class Rejoined:
    data: ViewData
    digests: dict[str, bytes]  # of the statements taken as they were, by IRI
    fresh: dict[str, _Fresh]
    described: Described  # the union's (`kg.views.data.Union`)

    def keep(self, cache: ViewCache, digest: Callable[[Statement], bytes]) -> None:
        """Keep the statements joined in this build, with their `digest`, for the next one."""
        joins = {
            graph: marshal.dumps((tuple(fresh.looked_up), tuple(fresh.parties), _rows(fresh.statements, digest)))
            for graph, fresh in self.fresh.items()
            if not fresh.shared
        }
        cache.keep_joins(joins, self.fresh.keys() - joins.keys(), marshal.dumps(self.described))


def rejoin(cache: ViewCache) -> Rejoined:
    """The view data of the cache's graphs; statements of unchanged graphs taken from the cache."""
    union, touched = _union(cache)
    kept: dict[str, tuple[tuple[str, ...], tuple[str, ...], list[Row]]] = {}
    again: list[str] = []
    for graph, blob in cache.joins():
        if blob is None or touched is None:
            again.append(graph)
            continue
        looked_up, parties, rows = marshal.loads(blob)
        if touched and not touched.isdisjoint(looked_up):
            again.append(graph)
        else:
            kept[graph] = (looked_up, parties, rows)
    records = dict(cache.records(again))
    if kept and records:  # a statement of a graph joined again that a kept graph describes too
        kept_in = {row[0]: graph for graph, (_, _, rows) in kept.items() for row in rows}
        while (
            also := {kept_in[r[0]] for listed, _ in records.values() for r in listed if r[0] in kept_in} & kept.keys()
        ):
            for graph in also:
                del kept[graph]
            records.update(cache.records(sorted(also)))
    joiner = Joiner(union)
    fresh = _joined(joiner, records)
    parties = {party for f in fresh.values() for party in f.parties}
    chunks = [[s for s, _ in f.statements] for f in fresh.values()]
    digests: dict[str, bytes] = {}
    codes = joiner.codes
    for _, graph_parties, rows in kept.values():
        parties.update(graph_parties)
        chunks.append([Statement(*r[:9], codes[r[11]] if r[11] else None, r[9], r[10]) for r in rows])
        digests.update((r[0], r[12]) for r in rows)
    return Rejoined(view_data_of(union, _in_order(chunks), parties), digests, fresh, union.described)


def _joined(joiner: Joiner, records: dict[str, tuple[list[Record], tuple[str, ...]]]) -> dict[str, _Fresh]:
    """The statements of the graphs' records (each graph's in order), and what each graph looked up."""
    fresh = {graph: _Fresh(parties=set(parties)) for graph, (_, parties) in records.items()}
    merged: dict[str, tuple[Record, list[str]]] = {}
    for graph, (listed, _) in records.items():
        fresh[graph].looked_up.update(part for r in listed for part in _looked_up(r))
        for r in listed:
            if r[0] in merged:
                one, graphs = merged[r[0]]
                merged[r[0]] = (merge(one, r), [*graphs, graph])
            else:
                merged[r[0]] = (r, [graph])
        listed.clear()
    while merged:
        r, graphs = merged.popitem()[1]
        owner = fresh[graphs[0]]
        found = joiner.statement(r, owner.parties)
        if found is not None and found[2] != r:  # joined with what other graphs say of the statement
            owner.looked_up.update(_looked_up(found[2]))
        if len(graphs) > 1:
            for graph in graphs:
                fresh[graph].shared = True
        if found is not None:
            owner.statements.append(found[:2])
    for f in fresh.values():
        f.statements.sort(key=_placed)
    return fresh


def _placed(joined: tuple[Statement, str]) -> tuple[str, int, str]:
    return place(joined[0])


def _in_order(chunks: list[list[Statement]]) -> list[Statement]:
    """The statements of the chunks (each in order), in order: the chunks one after the other when
    none overlaps the next (a graph holds one brief's statements), else all sorted again."""
    chunks = sorted((chunk for chunk in chunks if chunk), key=lambda chunk: place(chunk[0]))
    if all(place(one[-1]) < place(other[0]) for one, other in pairwise(chunks)):
        return [s for chunk in chunks for s in chunk]
    return sorted((s for chunk in chunks for s in chunk), key=place)


def _looked_up(r: Record) -> tuple[str, ...]:
    """The subjects the join of a record looks up in the union (and "" for a part it lacks)."""
    return (*r[:4], r[6], r[8], *r[10], *r[11], *r[12])


def _rows(statements: list[tuple[Statement, str]], digest: Callable[[Statement], bytes]) -> list[Row]:
    return [
        (
            s.iri,
            s.subject,
            s.object,
            s.relation,
            s.polarity,
            s.modality,
            s.date,
            s.sentence,
            s.brief,
            s.theme,
            s.source,
            code,
            digest(s),
        )
        for s, code in statements
    ]


def _union(cache: ViewCache) -> tuple[Union, set[str] | None]:
    """The union of every graph's shared facts, and the subjects it describes otherwise than the
    previous build's union did (None: there is none to compare with). The previous build's union
    is taken, the graphs changed since counted out of it as they were and in as they are; at 1,000
    briefs reading every graph's shared facts and merging them took 0.06-0.07 CPU s."""
    described = cache.described()
    if described is not None:
        union = Union(described=marshal.loads(described))
        before = [marshal.loads(blob) for blob in cache.before.values() if blob is not None]
        now = [subjects for _, subjects in cache.shared_of(sorted(cache.before))]
        affected = {subject for subjects in (*before, *now) for subject in subjects}
        was = {subject: set(union.described.get(subject, ())) for subject in affected}
        if all(union.count(subjects, -1) for subjects in before):  # (else the cache is not the previous build's)
            for subjects in now:
                union.count(subjects, 1)
            union.refresh()
            return union, {subject for subject in affected if set(union.described.get(subject, ())) != was[subject]}
    return Union(cache.shared()), None
