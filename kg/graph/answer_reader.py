"""The facts file (`kg.graph.answer_facts`) read on demand by the named queries' answers
(`answer_rows`, `answer_counts`): statements by a condition, the facts of nodes by IRI, loaded
once and kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from kg.graph.answer_order import Term, sort_key

Row = dict[str, Any]
NOTHING: list[Term] = []  # no values (never changed)
NONE: dict[str, list[Term]] = {}  # no facts (never changed)
CHUNK = 500  # node IRIs looked up at a time (SQLite's limit on parameters is higher)
NODE_COLUMNS = {"subject", "relation", "object", "polarity", "modality", "event", "source", "brief"}


class Facts:
    """The facts file read on demand: statements by a condition, nodes' facts by IRI (cached)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.nodes: dict[str, dict[str, list[Term]]] = {}
        self._paths: dict[tuple[str | None, tuple[str, ...]], list[Term]] = {}

    def statements(self, columns: str, where: str = "", args: Iterable[object] = ()) -> list[Row]:
        """The statements' `columns` (comma-separated), their nodes' facts loaded."""
        rows = list(self.each(columns, where, args))
        self.load({row[name] for row in rows for name in NODE_COLUMNS & row.keys()} - {None})
        return rows

    def each(self, columns: str, where: str = "", args: Iterable[object] = ()) -> Iterator[Row]:
        """The statements' `columns` (comma-separated) as they come, nodes not loaded."""
        names = [c.strip().strip('"') for c in columns.split(",")]
        for row in self.db.execute(f"SELECT {columns} FROM statements {where}", tuple(args)):
            yield dict(zip(names, row, strict=True))

    def by_rowid(self, columns: str, rowids: list[int]) -> dict[int, Row]:
        """The statements of `rowids` by rowid (`columns` starts with rowid)."""
        found: dict[int, Row] = {}
        for start in range(0, len(rowids), CHUNK):
            part = rowids[start : start + CHUNK]
            for row in self.statements(columns, f"WHERE rowid IN ({', '.join('?' * len(part))})", part):
                found[row["rowid"]] = row
        return found

    def load(self, iris: set[str]) -> None:
        missing = sorted(iris - self.nodes.keys())
        for iri in missing:
            self.nodes[iri] = {}
        for start in range(0, len(missing), CHUNK):
            part = missing[start : start + CHUNK]
            marks = ", ".join("?" * len(part))
            for iri, pred, value, kind in self.db.execute(
                f"SELECT iri, pred, value, kind FROM nodes WHERE iri IN ({marks})", part
            ):
                self.nodes[iri].setdefault(pred, []).append((value, kind))

    def values(self, iri: str | None, *preds: str) -> list[Term]:
        """The objects of `iri`'s properties `preds`, each as often as the union graph has it."""
        node = self.nodes.get(iri) if iri is not None else None
        if not node:
            return NOTHING
        if len(preds) == 1:
            return node.get(preds[0], NOTHING)
        return [term for pred in preds for term in node.get(pred, NOTHING)]

    def path(self, iri: str | None, *preds: str) -> list[Term]:
        """The objects of the alternative path `pred1|pred2`: each term once."""
        found = self._paths.get((iri, preds))
        if found is None and iri in self.nodes:
            found = self._paths[(iri, preds)] = list(dict.fromkeys(self.values(iri, *preds)))
        return found if found is not None else list(dict.fromkeys(self.values(iri, *preds)))

    def meta(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return "" if row is None else str(row[0])


def sorted_rows(rows: Iterable[tuple[tuple[Term, ...], tuple[Term, ...]]]) -> list[tuple[Term, ...]]:
    """Rows (order keys, cells) in the order of their keys."""
    keyed = [(tuple(map(sort_key, keys)), cells) for keys, cells in rows]
    keyed.sort(key=lambda pair: pair[0])
    return [cells for _, cells in keyed]
