"""A named query's answer read part by part, in its order, so that the first page never waits for
the whole answer to be joined and sorted.

Oxigraph evaluates `ORDER BY ... LIMIT n` by joining and sorting every row before it gives the
first (it has no top-k sort: oxigraph/oxigraph#1873, #1871), and sorting strings reads each
from its string table, so the first 100 rows of who-did-what cost what all of them cost (19 s
at 5,000 briefs). A named query may declare, in its `.toml`, how its answer splits:

    [paging]
    by = ["b"]                # variables bound in every row of the answer
    ties = ["brief"]          # the leading ORDER BY keys (variables) that `keys` also gives
    keys = "SELECT ?b ?brief WHERE { ... } ORDER BY ?brief"

`keys` lists the values of `by` in the order of the answer's leading keys (every value that has
rows; others are harmless), and each value of `by` must have one value of the `ties` in the
answer (a statement one brief; a statement said by a source with two labels is two values of
`by = ["statement", "source"]`). The answer is then the query run on a few values of `by` at a
time (a `VALUES` block at the top of its WHERE), part after part: the rows of each part sorted by
the query's own ORDER BY, the parts in the order of `keys`. Values whose `ties` are equal go into
one part, so rows the leading keys cannot tell apart are always sorted together; the query's
ORDER BY must order every row (it names all the columns that can differ), or rows equal in it
could come in another order than the whole query gives them. The parts grow from FIRST_VALUES
values to MOST_VALUES as the reader goes on, so a first page reads a few briefs and the whole
answer is read in a few hundred queries, never held or sorted whole. The same rows as the
whole query: `tests/test_query_paging.py` compares every named query both ways.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

FIRST_VALUES = 4
MOST_VALUES = 256
MOST_MEMBERS = 128  # a part's members run at most this many at a time
MEMBERS_UP_TO = 16  # parts of more values run whole: fewer queries for a long answer
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


@dataclass(frozen=True)
class PagePlan:
    """How a named query's answer splits (see the module's docstring)."""

    by: tuple[str, ...]
    keys: str
    ties: tuple[str, ...] = ()
    members: str = ""  # optional: a query from values of `by` to finer ones (`members_by`)
    members_by: tuple[str, ...] = ()

    @classmethod
    def from_table(cls, table: dict[str, Any], where: str) -> PagePlan:
        by, keys = table.get("by"), table.get("keys")
        if not isinstance(by, list) or not by or not isinstance(keys, str):
            raise ValueError(f"{where}: [paging] needs by (a list of variables) and keys (a SELECT query)")
        members, members_by = table.get("members", ""), table.get("members_by", [])
        if bool(members) != bool(members_by):
            raise ValueError(f"{where}: [paging] members and members_by go together")
        return cls(tuple(by), keys, tuple(table.get("ties", ())), members, tuple(members_by))


class PartSolutions:
    """The solutions of `query` part by part (`variables`, then iteration), as `Store.query`
    gives a SELECT's: rows of the first part are read when the first is asked for. `keys` and
    `members` are the plan's queries with the query's parameters bound."""

    def __init__(self, run: Callable[[str], Any], query: str, plan: PagePlan, keys: str, members: str = "") -> None:
        # no reference back to self (a cycle): the engine's results must be freed by the thread
        # that read them (pyoxigraph's solutions are bound to their thread), not by the collector
        self._run = run
        self._parts = _part_queries(run, query, plan, members, _parts(run(keys), plan))
        self._first = run(next(self._parts, None) or with_values(query, plan.by, []))
        self.variables = self._first.variables

    def __iter__(self) -> Iterator[Any]:
        yield from self._first
        for part in self._parts:
            yield from self._run(part)


def _part_queries(
    run: Callable[[str], Any], query: str, plan: PagePlan, members: str, parts: Iterator[list[str]]
) -> Iterator[str]:
    """The query of each part: on the part's values, or on their members (small parts)."""
    for part in parts:
        if not plan.members or len(part) > MEMBERS_UP_TO:
            yield with_values(query, plan.by, part)
            continue
        for finer in _member_parts(run(with_values(members, plan.by, part)), part, plan):
            yield with_values(query, plan.members_by, finer)


def _member_parts(members: Any, part: list[str], plan: PagePlan) -> Iterator[list[str]]:
    """The members of a part's values (rows of a VALUES block of `plan.members_by`), a value's
    members never split, at most MOST_MEMBERS a part unless one value has more, in the order of
    the part's values: Oxigraph plans a VALUES block of statements well up to a few hundred
    (100 statements: 21 ms at 5,000 briefs, where the same rows by their 4 briefs took 139 ms),
    and far worse beyond (1,000 statements: 34 s)."""
    grouped: dict[str, list[str]] = {}
    for solution in members:
        owner = f"({' '.join(str(solution[name]) for name in plan.by)})"
        grouped.setdefault(owner, []).append(f"({' '.join(str(solution[name]) for name in plan.members_by)})")
    finer: list[str] = []
    for value in part:
        found = grouped.get(value, [])
        if finer and len(finer) + len(found) > MOST_MEMBERS:
            yield finer
            finer = []
        finer += found
    if finer:
        yield finer


def _parts(keys: Any, plan: PagePlan) -> Iterator[list[str]]:
    """The values of `plan.by` from the keys' solutions (each a row of a VALUES block), as parts
    that grow from FIRST_VALUES to MOST_VALUES values and never split values of equal ties."""
    size, part, seen = FIRST_VALUES, list[str](), set[str]()
    last_ties: tuple[Any, ...] | None = None
    for solution in keys:
        values = [solution[name] for name in plan.by]
        if None in values or (text := f"({' '.join(map(str, values))})") in seen:
            continue
        ties = tuple(solution[name] for name in plan.ties)
        if len(part) >= size and ties != last_ties:
            yield part
            part, size = [], min(2 * size, MOST_VALUES)
        seen.add(text)
        part.append(text)
        last_ties = ties
    if part:
        yield part


def with_values(query: str, variables: tuple[str, ...], rows: list[str]) -> str:
    """`query` with `VALUES (?a ?b) { (x y) ... }` at the top of its WHERE (`rows` are written
    in N-Triples form, in brackets)."""
    where = _WHERE.search(query)
    if where is None:
        raise ValueError("a paged query needs a WHERE block")
    names = " ".join(f"?{name}" for name in variables)
    return f"{query[: where.end()]} VALUES ({names}) {{ {' '.join(rows)} }}{query[where.end() :]}"
