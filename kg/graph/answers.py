"""A named query answered from the facts the build keeps beside the store (`answer_facts`,
`answer_rows`), when they belong to that store; otherwise (None) the caller runs the SPARQL."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from kg.graph.answer_counts import cooperation_conflict, pair_counts
from kg.graph.answer_facts import open_answers
from kg.graph.answer_order import Term
from kg.graph.answer_reader import Facts
from kg.graph.answer_rows import actor_timeline, events_by_root, evidence, theme, who_claims_what, who_did_what
from kg.graph.queries import load_query, named_queries
from kg.graph.query_params import NO_ACTOR, check_parameters, declared_parameters
from kg.graph.sparql import Rows, mask

ANSWERS: dict[str, Callable[[Facts, dict[str, Any]], Iterator[tuple[Term, ...]]]] = {
    "actor-timeline": actor_timeline,
    "events-by-root": events_by_root,
    "evidence": evidence,
    "theme": theme,
    "who-claims-what": who_claims_what,
    "pair-counts": pair_counts,
    "cooperation-conflict": cooperation_conflict,
}
# the answers whose rows are their cells already (texts, not terms)
CELLS: dict[str, Callable[[Facts, dict[str, Any]], Iterator[tuple[str, ...]]]] = {"who-did-what": who_did_what}


def actor_nodes(facts: Facts, name: str) -> list[str]:
    """`ACTOR_NAMES`: the nodes with a preferred or alternative label `name`, in any case."""
    wanted = name.lower()
    found = facts.db.execute("SELECT iri, value FROM nodes WHERE pred IN ('pref', 'alt')")
    return sorted({iri for iri, value in found if value.lower() == wanted})


def answer_cells(
    facts: Facts, name: str, values: dict[str, Any], offset: int, limit: int | None
) -> Iterator[Sequence[str]]:
    """The cells of the named query's rows from `offset`, at most `limit` (None: all): each
    term's value, '' for an unbound one (as `kg.graph.results.term_text` writes it)."""
    stop = None if limit is None else offset + limit
    if name in CELLS:
        return islice(CELLS[name](facts, values), offset, stop)
    return ([term[0] if term else "" for term in row] for row in islice(ANSWERS[name](facts, values), offset, stop))


def precomputed_rows(
    output: Path, base_iri: str, name: str, given: dict[str, str], offset: int, limit: int | None
) -> Rows | None:
    """The rows of the named query `name` from `offset`, at most `limit` (None: all), as
    `select_rows` gives them, from the facts file of the build in `output`; None when there is
    none for the store there (the SPARQL then runs)."""
    if name not in ANSWERS and name not in CELLS:
        return None
    path = named_queries()[name]
    declared = declared_parameters(path)
    values: dict[str, Any] = check_parameters(name, declared, given)
    db = open_answers(output, base_iri)
    if db is None:
        return None
    facts = Facts(db)
    for parameter in declared:
        if parameter.type == "actor" and parameter.name in values:
            values[parameter.name] = actor_nodes(facts, values[parameter.name]) or [NO_ACTOR]
    wanted = None if limit is None else limit + 1  # one more tells whether the page is the last
    result = Rows(projection(load_query(name)), iter(()), texts=True)

    def rows() -> Iterator[Sequence[str]]:
        try:
            if limit is None:
                yield from answer_cells(facts, name, values, offset, None)
                return
            for given_rows, row in enumerate(answer_cells(facts, name, values, offset, wanted)):
                if limit is not None and given_rows == limit:
                    result.more = True
                    return
                yield row
        finally:
            db.close()

    result.rows = rows()
    return result


def projection(query: str) -> list[str]:
    """The variables a SELECT query's answer has, in order: `?x` and `(... AS ?x)` of its first
    SELECT clause."""
    masked = mask(query)
    start = re.search(r"\bSELECT\b", masked, re.I)
    end = re.search(r"\bWHERE\b", masked, re.I)
    if start is None or end is None:
        raise ValueError("a named query answered from facts is a SELECT with a WHERE block")
    names, depth, last = [], 0, ""
    for token in re.findall(r"[()]|[?$]\w+", masked[start.end() : end.start()]):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth == 0:
                names.append(last)  # (expression AS ?name): the last variable in the brackets
        else:
            last = token[1:]
            if depth == 0:
                names.append(last)
    return names
