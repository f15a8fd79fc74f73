"""The named queries answered from the facts file (`kg.graph.answer_facts`) instead of the store:
the same rows in the same order as the `.rq` files give (`tests/test_answers.py` compares every
named query both ways, whole and by pages, for every kind of parameter, after full and
incremental builds), at a fraction of the cost: a statement's row is a few dictionary lookups,
not 17 index lookups in RocksDB, and who-did-what's first page reads the first briefs only.

Each function below follows its query's graph pattern: a triple pattern that may match several
values gives a row for each (SPARQL's multiset semantics), an alternative path `(a|b)` a set, a
UNION a row for each branch, and rows are ordered by the query's ORDER BY
(`kg.graph.answer_order`). The `.rq` files stay the definition: `open_answers` disables these
answers when any query file differs from the one they were written for.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import groupby, islice
from typing import Any

from kg.graph.answer_order import Term, decimal_term, integer_term, number, sort_key, text
from kg.graph.namespaces import KG

Row = dict[str, Any]
NEGATIVE = KG + "Negative"
THEME = KG + "Theme"
CHUNK = 500  # node IRIs looked up at a time (SQLite's limit on parameters is higher)
NODE_COLUMNS = {"subject", "relation", "object", "polarity", "modality", "event", "source", "brief"}
ROW_FIELDS = 'subject, relation, object, polarity, modality, brief, sentence, date, date_type, anchor, "begin"'
FIRST_BRIEFS = 2  # who-did-what reads its briefs in groups growing from this many ...
MOST_BRIEFS = 64  # ... to this many
FIRST_GROUPS = 16  # the other row queries make the rows of groups of statements with equal leading
MOST_GROUPS = 4096  # keys, from this many groups at a time to this many


class Facts:
    """The facts file read on demand: statements by a condition, nodes' facts by IRI (cached)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._nodes: dict[str, dict[str, list[Term]]] = {}

    def statements(self, columns: str, where: str = "", args: Iterable[object] = ()) -> list[Row]:
        """The statements' `columns` (comma-separated), their nodes' facts loaded."""
        names = [c.strip().strip('"') for c in columns.split(",")]
        found = self.db.execute(f"SELECT {columns} FROM statements {where}", tuple(args))
        rows = [dict(zip(names, row, strict=True)) for row in found]
        nodes = [name for name in names if name in NODE_COLUMNS]
        self.load({row[name] for row in rows for name in nodes} - {None})
        return rows

    def by_rowid(self, columns: str, rowids: list[int]) -> dict[int, Row]:
        """The statements of `rowids` by rowid (`columns` starts with rowid)."""
        found: dict[int, Row] = {}
        for start in range(0, len(rowids), CHUNK):
            part = rowids[start : start + CHUNK]
            for row in self.statements(columns, f"WHERE rowid IN ({', '.join('?' * len(part))})", part):
                found[row["rowid"]] = row
        return found

    def load(self, iris: set[str]) -> None:
        missing = sorted(iris - self._nodes.keys())
        for iri in missing:
            self._nodes[iri] = defaultdict(list)
        for start in range(0, len(missing), CHUNK):
            part = missing[start : start + CHUNK]
            marks = ", ".join("?" * len(part))
            for iri, pred, value, kind in self.db.execute(
                f"SELECT iri, pred, value, kind FROM nodes WHERE iri IN ({marks})", part
            ):
                self._nodes[iri][pred].append((value, kind))

    def values(self, iri: str | None, *preds: str) -> list[Term]:
        """The objects of `iri`'s properties `preds`, each as often as the union graph has it."""
        if iri is None:
            return []
        node = self._nodes.get(iri) or {}
        return [term for pred in preds for term in node.get(pred, ())]

    def path(self, iri: str | None, *preds: str) -> list[Term]:
        """The objects of the alternative path `pred1|pred2`: each term once."""
        return list(dict.fromkeys(self.values(iri, *preds)))

    def meta(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return "" if row is None else str(row[0])


def _iri(value: str | None) -> Term:
    return None if value is None else (value, "")


def _date(row: Row) -> Term:
    return None if row["date"] is None else (row["date"], row["date_type"])


def _begin(row: Row) -> Term:
    return integer_term(row["begin"]) if row["begin"] is not None else None


def _text(row: Row) -> Term:
    return row["anchor"], '"'


def _has(row: Row, *columns: str) -> bool:
    return all(row[c] is not None for c in columns)


def _sorted(rows: Iterable[tuple[tuple[Term, ...], tuple[Term, ...]]]) -> list[tuple[Term, ...]]:
    """Rows (order keys, cells) in the order of their keys."""
    keyed = [(tuple(sort_key(t) for t in keys), cells) for keys, cells in rows]
    keyed.sort(key=lambda pair: pair[0])
    return [cells for _, cells in keyed]


ROW_COLUMNS = ("subject", "relation", "object", "polarity", "modality", "brief", "sentence")


def _statement_rows(
    facts: Facts, rows: list[Row], subject_labels: bool = True
) -> Iterator[tuple[Row, Term, Term, Term, Term, Term, Term]]:
    """(statement, subject, relation, object, polarity, modality, brief) for every combination of
    labels: `?s skos:prefLabel ?subject . ?r rdfs:label ?relation . ?o (skos:prefLabel|rdfs:label)
    ?object . ?p rdfs:label ?polarity . ?m rdfs:label ?modality . ?b dcterms:identifier ?brief`
    (without the subject's labels: the subject None, once)."""
    for row in rows:
        for s in facts.values(row["subject"], "pref") if subject_labels else [None]:
            for r, o, p, m in _labels(facts, row):
                for b in facts.values(row["brief"], "ident"):
                    yield row, s, r, o, p, m, b


def who_did_what(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    """Brief by brief in the order of their identifiers, a few briefs first, more and more after."""
    identified = sorted(
        ((value, kind), iri)
        for iri, value, kind in facts.db.execute("SELECT iri, value, kind FROM nodes WHERE pred = 'ident'")
    )
    identified.sort(key=lambda pair: sort_key(pair[0]))
    groups = [list(g) for _, g in groupby(identified, key=lambda pair: pair[0])]
    start, size = 0, FIRST_BRIEFS
    while start < len(groups):
        part, start, size = groups[start : start + size], start + size, min(2 * size, MOST_BRIEFS)
        nodes = sorted({b for group in part for _, b in group})
        marks = ", ".join("?" * len(nodes))
        rows = facts.statements(ROW_FIELDS, f"WHERE is_statement = 1 AND brief IN ({marks})", nodes)
        wanted = {ident for group in part for ident, _ in group}
        yield from _sorted(
            ((b, _begin(row), s, r, o, p, m, _date(row), _text(row)), (b, s, r, o, p, m, _date(row), _text(row)))
            for row, s, r, o, p, m, b in _statement_rows(facts, rows)
            if _has(row, *ROW_COLUMNS, "anchor", "begin") and b in wanted
        )


def _in_ties(
    facts: Facts,
    query: tuple[str, str, str, Iterable[object]],
    ties: Callable[[Row], Iterable[tuple[Term, ...]]],
    expand: Callable[[Row, tuple[Term, ...]], Iterable[tuple[tuple[Term, ...], tuple[Term, ...]]]],
) -> Iterator[tuple[Term, ...]]:
    """Rows in order, their leading keys first. `query` is (the columns the leading keys need, the
    columns the rows need, a WHERE clause and its arguments): `ties(row)` gives the values of the
    leading ORDER BY keys a statement's rows start with (one for each combination of their labels),
    from the first columns of every statement, and the rows of each group of equal leading keys
    are made (`expand`: their keys, which start with the group's, and cells) from the second
    columns, read and sorted only when the reader gets there, a few groups first and more and
    more after: a first page makes the rows of its first groups only."""
    key_columns, row_columns, where, args = query
    items = [
        (tuple(map(sort_key, tie)), row["rowid"], tie)
        for row in facts.statements(f"rowid, {key_columns}", where, args)
        for tie in ties(row)
    ]
    items.sort(key=lambda item: item[:2])
    groups = [list(group) for _, group in groupby(items, key=lambda item: item[0])]
    start, size = 0, FIRST_GROUPS
    while start < len(groups):
        part, start, size = groups[start : start + size], start + size, min(2 * size, MOST_GROUPS)
        rows = facts.by_rowid(f"rowid, {row_columns}", sorted({item[1] for group in part for item in group}))
        for group in part:
            yield from _sorted(pair for _, rowid, tie in group for pair in expand(rows[rowid], tie))


def _labels(facts: Facts, row: Row) -> Iterator[tuple[Term, Term, Term, Term]]:
    """`?r rdfs:label ?relation . ?o (skos:prefLabel|rdfs:label) ?object . ?p rdfs:label ?polarity .
    ?m rdfs:label ?modality`: each combination."""
    for r in facts.values(row["relation"], "label"):
        for o in facts.path(row["object"], "pref", "label"):
            for p in facts.values(row["polarity"], "label"):
                for m in facts.values(row["modality"], "label"):
                    yield r, o, p, m


def actor_timeline(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    actors = values["actor"]
    query = ("brief, date, date_type", ROW_FIELDS, f"WHERE subject IN ({', '.join('?' * len(actors))})", actors)

    def ties(row: Row) -> Iterator[tuple[Term, ...]]:
        for b in facts.values(row["brief"], "ident"):
            yield integer_term(int(row["date"] is None)), _date(row), b

    def expand(row: Row, tie: tuple[Term, ...]) -> Iterator[tuple[tuple[Term, ...], tuple[Term, ...]]]:
        b = tie[2]
        if not _has(row, *ROW_COLUMNS, "anchor", "begin"):
            return
        for r, o, p, m in _labels(facts, row):
            yield (*tie, _begin(row), r, o, p, m, _text(row)), (_date(row), r, o, p, m, b, _text(row))

    return _in_ties(facts, query, ties, expand)


def events_by_root(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    root = values["root"]
    concepts = [
        iri
        for iri, value, kind in facts.db.execute("SELECT iri, value, kind FROM nodes WHERE pred = 'notation'")
        if _is_string(kind) and value.startswith(root)
    ]
    columns = "event, subject, relation, object, brief, date, date_type"
    where = f"WHERE event IN ({', '.join('?' * len(set(concepts)))})"
    query = ("brief, date, date_type", columns, where, sorted(set(concepts)))

    def ties(row: Row) -> Iterator[tuple[Term, ...]]:
        for b in facts.values(row["brief"], "ident"):
            yield _date(row), b

    def expand(row: Row, tie: tuple[Term, ...]) -> Iterator[tuple[tuple[Term, ...], tuple[Term, ...]]]:
        if not _has(row, "subject", "relation", "object", "brief"):
            return
        for code in facts.values(row["event"], "notation"):
            if code is None or not _is_string(code[1]) or not code[0].startswith(root):
                continue
            for event in facts.values(row["event"], "pref"):
                for s in facts.values(row["subject"], "pref"):
                    for r in facts.values(row["relation"], "label"):
                        for o in facts.values(row["object"], "pref", "label"):  # a UNION: each branch
                            yield (*tie, code, s, event, r, o), (code, event, s, r, o, *tie)

    return _in_ties(facts, query, ties, expand)


def _is_string(kind: str) -> bool:
    """A simple or language-tagged literal: what STRSTARTS and CONTAINS take."""
    return kind == '"' or kind.startswith("@")


def _brief_ties(facts: Facts) -> Callable[[Row], Iterator[tuple[Term, ...]]]:
    def ties(row: Row) -> Iterator[tuple[Term, ...]]:
        for b in facts.values(row["brief"], "ident"):
            yield (b,)

    return ties


def evidence(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    wanted = values["relation"].lower()
    relations = sorted(
        {
            iri
            for (iri, value) in facts.db.execute("SELECT iri, value FROM nodes WHERE pred = 'label'")
            if value.lower() == wanted
        }
    )
    columns = 'iri, relation, subject, object, brief, sentence, anchor, "begin", "end"'
    query = ("brief", columns, f"WHERE relation IN ({', '.join('?' * len(relations))})", relations)

    def expand(row: Row, tie: tuple[Term, ...]) -> Iterator[tuple[tuple[Term, ...], tuple[Term, ...]]]:
        if not _has(row, "subject", "object", "brief", "sentence", "anchor", "begin", "end"):
            return
        begin, end, statement = _begin(row), integer_term(row["end"]), _iri(row["iri"])
        for label in facts.values(row["relation"], "label"):
            if label is None or label[0].lower() != wanted:
                continue
            for s in facts.values(row["subject"], "pref"):
                for o in facts.path(row["object"], "pref", "label"):
                    yield (*tie, begin, end, statement, s, o), (statement, s, o, *tie, begin, end, _text(row))

    return _in_ties(facts, query, _brief_ties(facts), expand)


def theme(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    wanted = values["theme"].lower()
    themes = {iri for (iri,) in facts.db.execute("SELECT iri FROM nodes WHERE pred = 'type' AND value = ?", (THEME,))}
    facts.load(themes)
    objects = sorted(
        t for t in themes if any(wanted in label[0].lower() for label in facts.values(t, "label") if label)
    )
    columns = 'subject, relation, object, polarity, modality, brief, sentence, date, date_type, "begin"'
    query = ("brief", columns, f"WHERE object IN ({', '.join('?' * len(objects))})", objects)

    def expand(row: Row, tie: tuple[Term, ...]) -> Iterator[tuple[tuple[Term, ...], tuple[Term, ...]]]:
        if not _has(row, "subject", "relation", "polarity", "modality", "brief", "sentence", "begin"):
            return
        for o in facts.values(row["object"], "label"):
            if o is None or wanted not in o[0].lower():
                continue
            for s in facts.values(row["subject"], "pref"):
                for r in facts.values(row["relation"], "label"):
                    for p in facts.values(row["polarity"], "label"):
                        for m in facts.values(row["modality"], "label"):
                            date = _date(row)
                            yield (*tie, _begin(row), s, r, o, p, m, date), (s, r, o, p, m, date, *tie)

    return _in_ties(facts, query, _brief_ties(facts), expand)


def who_claims_what(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    query = ("source, brief", f"source, {ROW_FIELDS}", "WHERE is_statement = 1 AND source IS NOT NULL", ())

    def ties(row: Row) -> Iterator[tuple[Term, ...]]:
        for who in facts.values(row["source"], "pref"):
            for b in facts.values(row["brief"], "ident"):
                yield who, b

    def expand(row: Row, tie: tuple[Term, ...]) -> Iterator[tuple[tuple[Term, ...], tuple[Term, ...]]]:
        who, b = tie
        if not _has(row, *ROW_COLUMNS, "anchor", "begin"):
            return
        for s in facts.values(row["subject"], "pref"):
            for r, o, p, m in _labels(facts, row):
                date, sentence = _date(row), _text(row)
                yield (*tie, _begin(row), s, r, o, p, m, date, sentence), (who, s, r, o, p, m, date, b, sentence)

    return _in_ties(facts, query, ties, expand)


def _is_actor(facts: Facts, node: str, classes: set[str]) -> bool:
    """`FILTER EXISTS { ?o a ?kind . ?kind rdfs:subClassOf* kg:Actor }`."""
    return any(kind is not None and kind[1] == "" and kind[0] in classes for kind in facts.values(node, "type"))


def _labelled_sums(facts: Facts, groups: dict[tuple[str, ...], list[Any]]) -> dict[tuple[Term, ...], list[Any]]:
    """Groups of (subject node, object node, ...) summed by their labels (the outer GROUP BY),
    keeping pairs whose object is an actor."""
    classes = set(json.loads(facts.meta("actor_classes") or "[]"))
    facts.load({node for key in groups for node in key[:2]})
    labelled: dict[tuple[Term, ...], list[Any]] = {}
    for (s, o, *rest), sums in groups.items():
        if not _is_actor(facts, o, classes):
            continue
        for subject in facts.values(s, "pref"):
            for obj in facts.values(o, "pref"):
                key = (subject, obj, *((month, '"') for month in rest))
                total = labelled.setdefault(key, [0] * len(sums))
                for i, value in enumerate(sums):
                    total[i] += value
    return labelled


def pair_counts(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    groups: dict[tuple[str, ...], list[Any]] = {}
    query = (
        "SELECT subject, object, COUNT(*), SUM(polarity = ?) FROM statements "
        "WHERE subject IS NOT NULL AND object IS NOT NULL AND polarity IS NOT NULL GROUP BY subject, object"
    )
    for s, o, count, negatives in facts.db.execute(query, (NEGATIVE,)):
        groups[(s, o)] = [count, negatives]
    labelled = _labelled_sums(facts, groups)
    return iter(
        _sorted(
            ((integer_term(-count), subject, obj), (subject, obj, integer_term(count), integer_term(negatives)))
            for (subject, obj), (count, negatives) in labelled.items()
        )
    )


def cooperation_conflict(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    query = (
        "SELECT subject, object, substr(date, 1, 7), event, COUNT(*) FROM statements "
        "WHERE event IS NOT NULL AND date IS NOT NULL AND subject IS NOT NULL AND object IS NOT NULL "
        "GROUP BY subject, object, substr(date, 1, 7), event"
    )
    counted = facts.db.execute(query).fetchall()
    facts.load({event for *_, event, _ in counted})
    groups: dict[tuple[str, ...], list[Any]] = {}
    for subject, obj, month, event, count in counted:
        goldsteins = [number(g) for g in facts.values(event, "goldstein")] or [Decimal("0.0")]
        for quad in facts.values(event, "quad"):
            for goldstein in goldsteins:
                sums = groups.setdefault((subject, obj, month), [0, Decimal(0), 0, 0, 0, 0])
                sums[0] += count
                sums[1] += count * (goldstein if goldstein is not None else 0)
                for quad_class in range(1, 5):
                    sums[1 + quad_class] += count if number(quad) == quad_class else 0
    labelled = _labelled_sums(facts, groups)
    return iter(
        _sorted(
            (
                (subject, obj, month),
                (subject, obj, month, integer_term(sums[0]), decimal_term(sums[1]), *map(integer_term, sums[2:])),
            )
            for (subject, obj, month), sums in labelled.items()
        )
    )


ANSWERS: dict[str, Callable[[Facts, dict[str, Any]], Iterator[tuple[Term, ...]]]] = {
    "who-did-what": who_did_what,
    "actor-timeline": actor_timeline,
    "events-by-root": events_by_root,
    "evidence": evidence,
    "theme": theme,
    "who-claims-what": who_claims_what,
    "pair-counts": pair_counts,
    "cooperation-conflict": cooperation_conflict,
}


def actor_nodes(facts: Facts, name: str) -> list[str]:
    """`ACTOR_NAMES`: the nodes with a preferred or alternative label `name`, in any case."""
    wanted = name.lower()
    found = facts.db.execute("SELECT iri, value FROM nodes WHERE pred IN ('pref', 'alt')")
    return sorted({iri for iri, value in found if value.lower() == wanted})


def answer_cells(
    facts: Facts, name: str, values: dict[str, Any], offset: int, limit: int | None
) -> Iterator[list[str | None]]:
    """The cells of the named query's rows from `offset`, at most `limit` (None: all)."""
    rows = ANSWERS[name](facts, values)
    for row in islice(rows, offset, None if limit is None else offset + limit):
        yield [text(term) for term in row]
