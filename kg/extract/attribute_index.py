"""spaCy's attribute ruler with its patterns looked up, not tried: the same annotations as the
model's own `attribute_ruler` (coarse tags, morphology and lemma exceptions from fine tags and
words), at a fraction of its cost.

The stock component hands its 179 patterns to a `Matcher`, which tries every pattern at every
token: the tag map's 56 one-token patterns `{"TAG": ...}` and 120 word exceptions cost a
predicate check each, about 10% of the stock pipeline's CPU time, more than its tagger. Here each
pattern is filed under one value its first token must have (a word, a fine tag or a
dependency label, given exactly or as an `IN` list), so a token is checked against the few
patterns filed under its own values (and the patterns whose first token names none, e.g. a
`REGEX`); what the patterns a token's values start do is remembered, since words recur.

The matches are applied as the stock component applies them, all matched on the doc as it came,
a later pattern (by number, then start and end: the stock ruler's order) winning an attribute of
the token it writes, but written to the doc at once (`Doc.from_array`) with no `Span` made per
match: the stock `set_annotations` made one for every token of the doc, since every token
matches a tag pattern (0.22 CPU s on the 200 briefs of `/work/ref/c200`, against 0.26 for the
matching before the writes were remembered). A pattern with an operator or a predicate this
index does not read, or that writes an attribute other than those of `WRITTEN`, raises
`UnindexablePattern`, and the pipeline keeps the stock component (`kg.extract.pipeline`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d  # spaCy's type of `Doc.from_array`'s array

ATTRIBUTES: list[int | str] = ["LOWER", "TAG", "DEP", "IS_SPACE"]  # what patterns read: `Doc.to_array`'s columns
COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
INDEXED = ("LOWER", "TAG", "DEP")  # the attributes a pattern may be filed under, most selective first
# What patterns may write, by spaCy's attribute ids: `Doc.from_array` sets each on the token as
# the stock `set_token_attrs` does (which also sets lexical attributes on the word's lexeme, and
# these are none).
WRITTEN: dict[str, int] = {"LEMMA": 73, "POS": 74, "TAG": 75, "DEP": 76, "MORPH": 453}
Test = Callable[[int], bool]
Match = tuple[int, int, int]  # pattern number, start, end: the stock ruler's order
REMEMBERED_TOKENS = 100_000  # distinct (word, tag, dependency, space) values whose patterns are kept


@dataclass(frozen=True)
class _Pattern:
    number: int  # the stock ruler's pattern (attribute set) number: later numbers win
    tests: tuple[tuple[tuple[int, Test], ...], ...]  # per token: (column, test of its value)


@dataclass(frozen=True)
class _Start:
    """What the patterns that a token's values start do: the one-token patterns' numbers and, per
    attribute they write, the last one's value and number; the longer patterns, to be checked on
    the tokens after it."""

    numbers: tuple[int, ...]
    writes: tuple[tuple[int, int, int], ...]  # (column of `WRITTEN`, value, pattern number)
    longer: tuple[_Pattern, ...]


class UnindexablePattern(ValueError):
    """A pattern this index does not read (an operator, a predicate other than IN, NOT_IN and REGEX)."""


@Language.factory("indexed_attribute_ruler")
def create_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """The pipeline's `attribute_ruler`, indexed (add it next to that one, then remove that one)."""
    stock = nlp.get_pipe("attribute_ruler")
    if not isinstance(stock, AttributeRuler):
        raise UnindexablePattern(f"the attribute_ruler is a {type(stock).__name__}")
    return IndexedAttributeRuler(stock)


class IndexedAttributeRuler:
    """Applies the stock `AttributeRuler`'s patterns, each looked up by its first token's value."""

    def __init__(self, stock: AttributeRuler) -> None:
        strings: StringStore = stock.vocab.strings
        self.match_ids = [strings.add(str(number)) for number in range(len(stock.attrs))]
        self.by_value: dict[tuple[int, int], list[_Pattern]] = {}  # (column, value) -> patterns
        self.everywhere: list[_Pattern] = []  # patterns whose first token names no indexed value
        self._starting: dict[tuple[int, ...], _Start] = {}  # a token's values -> what its patterns do
        columns = list(WRITTEN.values())
        self.writes: list[tuple[tuple[int, int], ...]] = []  # per pattern: (column of `WRITTEN`, value)
        self.targets: list[int] = list(stock.indices)  # per pattern: which of its tokens it writes
        for number, attrs in enumerate(stock.attrs):
            if not set(attrs) <= set(columns):
                raise UnindexablePattern(f"pattern {number} writes {sorted(attrs)}")
            self.writes.append(tuple((columns.index(name), value) for name, value in attrs.items()))
            _, token_patterns = stock.matcher.get(str(number))
            for token_pattern in token_patterns:
                if not -len(token_pattern) <= stock.indices[number] < len(token_pattern):
                    raise UnindexablePattern(f"pattern {number} writes outside its tokens")
                pattern = _Pattern(number, tuple(_token_tests(spec, strings) for spec in token_pattern))
                self._file(pattern, token_pattern[0], strings)

    def _file(self, pattern: _Pattern, first: dict, strings: StringStore) -> None:
        """File a pattern under each value its first token may have of the first attribute in
        `INDEXED` it names exactly, or in an `IN` list; else with the patterns tried everywhere."""
        for name in INDEXED:
            value = first.get(name)
            if isinstance(value, str):
                values = [value]
            elif isinstance(value, dict) and list(value) == ["IN"]:
                values = value["IN"]
            else:
                continue
            for one in values:
                self.by_value.setdefault((COLUMNS[name], strings.add(one)), []).append(pattern)
            return
        self.everywhere.append(pattern)

    def __call__(self, doc: Doc) -> Doc:
        """Write what the patterns matched on the doc as it came, a later match winning."""
        if not len(doc):
            return doc
        rows = _rows(doc)
        starts = [self._start(row) for row in rows]
        columns: list[int | str] = list(WRITTEN)
        values = doc.to_array(columns).tolist()  # what each token has, then what is written
        for written, start in zip(values, starts, strict=True):
            for column, value, _ in start.writes:
                written[column] = value
        winners: dict[tuple[int, int], Match] = {}  # (token, column) -> the longer match that wrote it
        for match in self._longer(rows, starts):  # it wins where it comes after the token's own patterns
            number, first, end = match
            target = self.targets[number] + (first if self.targets[number] >= 0 else end)
            own = {column: (number, target, target + 1) for column, _, number in starts[target].writes}
            for column, value in self.writes[number]:
                rival = winners.get((target, column), own.get(column))
                if rival is None or match > rival:
                    winners[(target, column)] = match
                    values[target][column] = value
        doc.from_array(columns, cast("Ints2d", numpy.array(values, dtype=numpy.uint64)))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(pattern number, match id, start, end) of every match, in the stock ruler's order."""
        rows = _rows(doc)
        starts = [self._start(row) for row in rows]
        found = {(number, token, token + 1) for token, start in enumerate(starts) for number in start.numbers}
        found.update(self._longer(rows, starts))
        return [(number, self.match_ids[number], start, end) for number, start, end in sorted(found)]

    def _longer(self, rows: list[tuple[int, ...]], starts: list[_Start]) -> list[Match]:
        """The matches of the patterns of two tokens or more."""
        return [
            (pattern.number, first, first + len(pattern.tests))
            for first, start in enumerate(starts)
            for pattern in start.longer
            if first + len(pattern.tests) <= len(rows)
            and all(
                test(rows[first + offset][column])
                for offset, tests in enumerate(pattern.tests[1:], 1)
                for column, test in tests
            )
        ]

    def _start(self, row: tuple[int, ...]) -> _Start:
        """What the patterns do whose first token's tests a token with these column values passes."""
        known = self._starting.get(row)
        if known is not None:
            return known
        if len(self._starting) >= REMEMBERED_TOKENS:
            self._starting.clear()
        lower, tag, dep, _ = row
        by_value = self.by_value
        candidates = [*by_value.get((0, lower), ()), *by_value.get((1, tag), ()), *by_value.get((2, dep), ())]
        passing = [p for p in [*candidates, *self.everywhere] if all(test(row[c]) for c, test in p.tests[0])]
        numbers = sorted({p.number for p in passing if len(p.tests) == 1})
        last = {column: (value, number) for number in numbers for column, value in self.writes[number]}
        writes = tuple((column, value, number) for column, (value, number) in last.items())
        longer = tuple(p for p in passing if len(p.tests) > 1)
        self._starting[row] = start = _Start(tuple(numbers), writes, longer)
        return start


def _rows(doc: Doc) -> list[tuple[int, ...]]:
    """Each token's values of the attributes patterns read (as hashes, or 0/1)."""
    return [tuple(row) for row in doc.to_array(ATTRIBUTES).tolist()]


def _token_tests(spec: dict, strings: StringStore) -> tuple[tuple[int, Test], ...]:
    """The tests of one token's pattern, each on the value (a string's hash, or 0/1) of a column."""
    if not set(spec) <= set(COLUMNS):
        raise UnindexablePattern(str(spec))
    return tuple((COLUMNS[name], _test(name, value, strings)) for name, value in spec.items())


def _test(name: str, value: object, strings: StringStore) -> Test:
    """The Matcher's test of one attribute: equality, `IN` or `NOT_IN` a list, or a `REGEX` search."""
    hashed, text_of = strings.add, strings.__getitem__
    if isinstance(value, bool) or (isinstance(value, str) and name != "IS_SPACE"):
        expected = int(value) if isinstance(value, bool) else hashed(value)
        return lambda found: found == expected
    if isinstance(value, dict) and len(value) == 1:
        ((predicate, argument),) = value.items()
        if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
            listed = frozenset(hashed(one) for one in argument)
            return (lambda found: found in listed) if predicate == "IN" else (lambda found: found not in listed)
        if predicate == "REGEX" and isinstance(argument, str):
            search = re.compile(argument).search
            return lambda found: search(text_of(found)) is not None
    raise UnindexablePattern(f"{name}: {value!r}")
