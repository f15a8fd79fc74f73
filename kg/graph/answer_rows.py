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

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from kg.graph.answer_order import Term, integer_term, sort_key
from kg.graph.answer_reader import NODE_COLUMNS, Facts, Row, sorted_rows
from kg.graph.namespaces import KG

THEME = KG + "Theme"
THEME_LABELS = (
    "SELECT label.iri, label.value FROM nodes AS label JOIN nodes AS type ON type.iri = label.iri "
    "AND type.pred = 'type' AND type.value = ? WHERE label.pred = 'label'"
)
ROW_FIELDS = 'subject, relation, object, polarity, modality, brief, sentence, date, date_type, anchor, "begin"'
FIRST_BRIEFS = 2  # who-did-what reads its briefs in groups growing from this many ...
MOST_BRIEFS = 64  # ... to this many
FIRST_GROUPS = 16  # the other row queries make the rows of groups of statements with equal leading
MOST_GROUPS = 4096  # keys, from this many groups at a time to this many


def _iri(value: str | None) -> Term:
    return None if value is None else (value, "")


def _date(row: Row) -> Term:
    return None if row["date"] is None else (row["date"], row["date_type"])


def _begin(row: Row) -> Term:
    return integer_term(row["begin"]) if row["begin"] is not None else None


def _text(row: Row) -> Term:
    return row["anchor"], '"'


def _has(row: Row, *columns: str) -> bool:
    return None not in map(row.__getitem__, columns)


ROW_COLUMNS = ("subject", "relation", "object", "polarity", "modality", "brief", "sentence")


def who_did_what(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[str, ...]]:
    """Brief by brief in the order of their identifiers, a few briefs first, more and more after:
    the rows' cells, texts (`answer_cells`), not terms. (Written out in one loop: its whole
    answer is the one read at length, 157,000 rows at 5,000 briefs. Each node's labels are
    paired with their order keys once, not again for each of its rows; a row's order is its
    brief's key, its sentence's offset as a number and its text as a string: the regular facts
    hold integers there, and one kind of text, `kg.graph.answer_facts`.)"""
    identified = sorted(
        ((value, kind), iri)
        for iri, value, kind in facts.db.execute("SELECT iri, value, kind FROM nodes WHERE pred = 'ident'")
    )
    identified.sort(key=lambda pair: sort_key(pair[0]))
    groups = [list(g) for _, g in groupby(identified, key=lambda pair: pair[0])]
    start, size = 0, FIRST_BRIEFS
    keyed: dict[str, dict[str, list[tuple[Any, Any]]]] = {column: {} for column in LABELLED_BY}

    def labels(iri: str, column: str) -> list[tuple[Any, Any]]:
        """The labels of `iri` that fill `column`, each with its order key: its text (a brief's
        identifier: its term, which says whether it is one of the briefs read)."""
        preds = LABELLED_BY[column]
        terms = facts.path(iri, *preds) if len(preds) > 1 else facts.values(iri, *preds)
        found = keyed[column][iri] = [(sort_key(t), t if column == "brief" else t[0]) for t in terms]  # type: ignore[index]
        return found

    briefs, subjects, relations = keyed["brief"], keyed["subject"], keyed["relation"]
    objects, polarities, modalities = keyed["object"], keyed["polarity"], keyed["modality"]
    complete = " AND ".join(f"{column} IS NOT NULL" for column in WHO_DID_WHAT_NEEDS)
    while start < len(groups):
        part, start, size = groups[start : start + size], start + size, min(2 * size, MOST_BRIEFS)
        nodes = sorted({b for group in part for _, b in group})
        where = f"WHERE is_statement = 1 AND brief IN ({', '.join('?' * len(nodes))}) AND {complete}"
        rows = facts.db.execute(f"SELECT {WHO_DID_WHAT_FIELDS} FROM statements {where}", nodes).fetchall()
        needed: set[str] = set()
        for column in range(6):
            needed.update(map(itemgetter(column), rows))
        facts.load(needed)
        wanted = {ident for group in part for ident, _ in group}
        found = []
        for subject, relation, obj, polarity, modality, brief, date, anchor, begin in rows:
            when_key = (date is not None, date or "")
            for bk, b in briefs.get(brief) or labels(brief, "brief"):
                if b not in wanted:
                    continue
                for sk, s in subjects.get(subject) or labels(subject, "subject"):
                    for rk, r in relations.get(relation) or labels(relation, "relation"):
                        for ok, o in objects.get(obj) or labels(obj, "object"):
                            for pk, p in polarities.get(polarity) or labels(polarity, "polarity"):
                                for mk, m in modalities.get(modality) or labels(modality, "modality"):
                                    order = (bk, begin, sk, rk, ok, pk, mk, when_key, anchor)
                                    found.append((order, (b[0], s, r, o, p, m, date or "", anchor)))
        found.sort(key=_first)
        yield from map(_second, found)


# who-did-what's columns: the properties of the node that give their labels, and what a row needs
LABELLED_BY = {
    "brief": ("ident",),
    "subject": ("pref",),
    "relation": ("label",),
    "object": ("pref", "label"),
    "polarity": ("label",),
    "modality": ("label",),
}
WHO_DID_WHAT_FIELDS = 'subject, relation, object, polarity, modality, brief, date, anchor, "begin"'
WHO_DID_WHAT_NEEDS = ("subject", "relation", "object", "polarity", "modality", "brief", "sentence", "anchor", '"begin"')


def _second(pair: tuple[Any, Any]) -> Any:
    return pair[1]


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def _in_ties(
    facts: Facts,
    query: tuple[str, str, str, Iterable[object], str],
    ties: Callable[[Row], Iterable[tuple[Term, ...]]],
    expand: Callable[[Row, tuple[Term, ...]], Iterable[tuple[tuple[Term, ...], tuple[Term, ...]]]],
) -> Iterator[tuple[Term, ...]]:
    """Rows in order, their leading keys first. `query` is (the columns the leading keys need, the
    columns the rows need, a WHERE clause and its arguments, and an SQL ORDER BY that orders the
    first leading keys as the query does, or ''): `ties(row)` gives the values of the leading
    ORDER BY keys a statement's rows start with (one for each combination of their labels), from
    the first columns of the statements (those that share them share their ties), and the rows
    of each group of equal leading keys are made (`expand`: their keys, which start with the
    group's, and cells) from the second columns, read and sorted only when the reader gets there:
    with an SQL order, block by block of statements equal in it, so a first page reads the
    statements of its first blocks only."""
    key_columns, row_columns, where, args, order = query
    ordered = f"{order}, " if order else ""
    found = facts.each(
        f"{ordered}{key_columns}, group_concat(rowid)",
        f"{where} GROUP BY {key_columns} {'ORDER BY ' + order if order else ''}",
        args,
    )
    width = len(order.split(",")) if order else 0
    for _, block in groupby(found, key=lambda row: tuple(row.values())[:width]):
        keyed = list(block)
        facts.load({row[name] for row in keyed for name in NODE_COLUMNS & row.keys()} - {None})
        items = [(tuple(map(sort_key, tie)), tie, row["group_concat(rowid)"]) for row in keyed for tie in ties(row)]
        items.sort(key=lambda item: item[0])
        groups = [list(equal) for _, equal in groupby(items, key=lambda item: item[0])]
        start, size = 0, FIRST_GROUPS
        while start < len(groups):
            part, start, size = groups[start : start + size], start + size, min(2 * size, MOST_GROUPS)
            members = [(group[0][1], {int(r) for item in group for r in item[2].split(",")}) for group in part]
            rows = facts.by_rowid(f"rowid, {row_columns}", sorted(set().union(*(rowids for _, rowids in members))))
            for tie, rowids in members:
                yield from sorted_rows(pair for rowid in sorted(rowids) for pair in expand(rows[rowid], tie))


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
    where = f"WHERE subject IN ({', '.join('?' * len(actors))})"
    query = ("brief, date, date_type", ROW_FIELDS, where, actors, "date IS NULL, date")  # dated first, by date

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
    query = ("brief, date, date_type", columns, where, sorted(set(concepts)), "date")  # undated first, by date

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
    query = ("brief", columns, f"WHERE relation IN ({', '.join('?' * len(relations))})", relations, "")

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
    labelled = facts.db.execute(THEME_LABELS, (THEME,))
    objects = sorted({iri for iri, label in labelled if wanted in label.lower()})
    columns = 'subject, relation, object, polarity, modality, brief, sentence, date, date_type, "begin"'
    query = ("brief", columns, f"WHERE object IN ({', '.join('?' * len(objects))})", objects, "")

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
    """Speaker by speaker in the order of their labels (a speaker with two labels twice)."""
    sources = [iri for (iri,) in facts.db.execute("SELECT DISTINCT source FROM statements WHERE source IS NOT NULL")]
    facts.load(set(sources))
    labelled = sorted(((label, iri) for iri in sources for label in facts.values(iri, "pref")), key=_first_key)

    def expand(row: Row, tie: tuple[Term, ...]) -> Iterator[tuple[tuple[Term, ...], tuple[Term, ...]]]:
        who, b = tie
        if not _has(row, *ROW_COLUMNS, "anchor", "begin"):
            return
        for s in facts.values(row["subject"], "pref"):
            for r, o, p, m in _labels(facts, row):
                date, sentence = _date(row), _text(row)
                yield (*tie, _begin(row), s, r, o, p, m, date, sentence), (who, s, r, o, p, m, date, b, sentence)

    for who, group in groupby(labelled, key=lambda pair: pair[0]):
        iris = sorted({iri for _, iri in group})
        where = f"WHERE is_statement = 1 AND source IN ({', '.join('?' * len(iris))})"

        def ties(row: Row, who: Term = who) -> Iterator[tuple[Term, ...]]:
            for b in facts.values(row["brief"], "ident"):
                yield who, b

        yield from _in_ties(facts, ("source, brief", f"source, {ROW_FIELDS}", where, iris, ""), ties, expand)


def _first_key(pair: tuple[Term, Any]) -> tuple[Any, ...]:
    return sort_key(pair[0])
