"""Terms of the facts file (`kg.graph.answer_facts`: a value and its kind) ordered as Oxigraph's
`ORDER BY` orders them, and written as its aggregates write them.

SPARQL 1.1 (section 15.1) orders unbound < blank nodes < IRIs < literals and leaves the order of
literals of unrelated types to the engine. Oxigraph (measured on pyoxigraph 0.5, and checked by
`tests/test_answers.py` against ORDER BY on every kind of term the named queries sort) orders
numbers by value, strings by their characters (code points) with a language-tagged string before
the plain one of the same text, and the dates of one column (`xsd:date`, `xsd:gYearMonth`,
`xsd:gYear`, four-digit years without a time zone) as their lexical forms, which for these is
their order in time, a year before its months and a month before its days.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from kg.graph.namespaces import XSD

Term = tuple[str, str] | None  # (value, kind): kind '' an IRI, '"' a plain string, '@en', or a datatype
NUMBERS = {XSD + name for name in ("integer", "decimal", "int", "long", "short", "nonNegativeInteger")}
DATES = {XSD + name for name in ("date", "gYearMonth", "gYear")}
INTEGER = XSD + "integer"
DECIMAL = XSD + "decimal"


@cache  # a few thousand distinct labels, dates and offsets make the keys of every row
def sort_key(term: Term) -> tuple[Any, ...]:
    """The place of `term` in an ascending ORDER BY."""
    if term is None:
        return (0,)
    value, kind = term
    if kind == "":
        return (1, value)
    if kind in NUMBERS:
        return (2, 0, Decimal(value))
    if kind == '"' or kind.startswith("@"):
        return (2, 1, value, 0 if kind.startswith("@") else 1, kind)
    if kind in DATES:
        return (2, 2, value)
    return (2, 3, kind, value)


def number(term: Term) -> Decimal | None:
    """A numeric literal's value (None for any other term)."""
    if term is None or term[1] not in NUMBERS:
        return None
    return Decimal(term[0])


def integer_term(value: int) -> Term:
    return str(value), INTEGER


def decimal_term(value: Decimal) -> Term:
    """A decimal as Oxigraph writes one: no exponent, no trailing zeros ("9.7", "-1", "0")."""
    text = format(value.normalize(), "f")
    return ("0" if text in ("-0", "0") else text), DECIMAL
