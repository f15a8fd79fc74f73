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
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


@dataclass(frozen=True)
class PagePlan:
    """How a named query's answer splits (see the module's docstring)."""

    by: tuple[str, ...]
    keys: str
    ties: tuple[str, ...] = ()

    @classmethod
    def from_table(cls, table: dict[str, Any], where: str) -> PagePlan:
        by, keys = table.get("by"), table.get("keys")
        if not isinstance(by, list) or not by or not isinstance(keys, str):
            raise ValueError(f"{where}: [paging] needs by (a list of variables) and keys (a SELECT query)")
        return cls(tuple(by), keys, tuple(table.get("ties", ())))


class PartSolutions:
    """The solutions of `query` part by part (`variables`, then iteration), as `Store.query`
    gives a SELECT's: rows of the first part are read when the first is asked for."""

    def __init__(self, run: Callable[[str], Any], query: str, plan: PagePlan, keys_query: str) -> None:
        self._run, self._query, self._plan = run, query, plan
        self._parts = _parts(run(keys_query), plan)
        first = next(self._parts, None)
        self._first = run(with_values(query, plan.by, first if first is not None else []))
        self.variables = self._first.variables

    def __iter__(self) -> Iterator[Any]:
        yield from self._first
        for part in self._parts:
            yield from self._run(with_values(self._query, self._plan.by, part))


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
