"""The named queries that count (pair-counts, cooperation-conflict) answered from the facts
file: counted per pair of nodes (and month) in SQL, then labelled and summed by label as their
`.rq` files do (`kg.graph.answers` says how the answers are checked)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from kg.graph.answer_order import Term, decimal_term, integer_term, number
from kg.graph.answer_reader import Facts, sorted_rows
from kg.graph.namespaces import KG

NEGATIVE = KG + "Negative"


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
        sorted_rows(
            ((integer_term(-count), subject, obj), (subject, obj, integer_term(count), integer_term(negatives)))
            for (subject, obj), (count, negatives) in labelled.items()
        )
    )


def cooperation_conflict(facts: Facts, values: dict[str, Any]) -> Iterator[tuple[Term, ...]]:
    counted = facts.db.execute("SELECT subject, object, month, event, count FROM months").fetchall()
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
        sorted_rows(
            (
                (subject, obj, month),
                (subject, obj, month, integer_term(sums[0]), decimal_term(sums[1]), *map(integer_term, sums[2:])),
            )
            for (subject, obj, month), sums in labelled.items()
        )
    )
