"""Query parameters are written into the WHERE block as SPARQL string literals."""

from __future__ import annotations

import pytest

from kg.graph.queries import QueryError, bind
from kg.graph.results import render
from kg.graph.sparql import evaluate
from kg.graph.store import KnowledgeStore


def test_parameters_become_literals_in_the_where_block() -> None:
    query = "SELECT ?x WHERE { ?x ?p ?actor . FILTER(LCASE(?actors) = LCASE(?actor)) }"
    assert bind(query, {"actor": 'Lu"ka\\'}) == (
        'SELECT ?x WHERE { ?x ?p "Lu\\"ka\\\\" . FILTER(LCASE(?actors) = LCASE("Lu\\"ka\\\\")) }'
    )


def test_a_projected_parameter_is_bound_too() -> None:
    assert bind("SELECT ?actor WHERE { ?a ?p $actor }", {"actor": "Minsk"}) == (
        'SELECT ?actor WHERE { BIND("Minsk" AS ?actor) ?a ?p "Minsk" }'
    )


def test_parameters_need_a_where_block() -> None:
    assert bind("ASK { ?a ?b ?c }", {}) == "ASK { ?a ?b ?c }"
    with pytest.raises(QueryError, match="parameters need a query with a WHERE block"):
        bind("ASK { ?a ?b ?c }", {"actor": "x"})


def test_an_ask_query_answers_true_or_false(small_store: KnowledgeStore) -> None:
    """pyoxigraph answers ASK with a QueryBoolean, which is no bool: `kg query` stopped on it."""
    yes = evaluate(small_store.query, "ASK { ?statement kg:relation ?relation }")
    no = evaluate(small_store.query, "ASK { <urn:kg:nothing> ?p ?o }")
    assert render(yes, "table", {}) == b"true\n"
    assert render(no, "json", {}) == b'{"head": {}, "boolean": false}\n'
