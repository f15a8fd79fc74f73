"""spaCy's attribute ruler with its patterns looked up, not tried: the same annotations as the
model's own `attribute_ruler` (coarse tags, morphology and lemma exceptions from fine tags and
words), at a sixth of its cost.

The stock component hands its 179 patterns to a `Matcher`, which tries every pattern at every
token: the tag map's 56 one-token patterns `{"TAG": ...}` and 120 word exceptions cost a
predicate check each, about 10% of the stock pipeline's CPU time, more than its tagger. Here each
pattern is filed under one value its first token must have (a word, a fine tag or a
dependency label, given exactly or as an `IN` list), so a token is checked against the few
patterns filed under its own values (and the patterns whose first token names none, e.g. a
`REGEX`); the patterns a token's values start are remembered, since words recur. The matches
are then applied as the stock component applies them: all matched on the doc as it came,
sorted by pattern number so that later rules win, by the stock component's own
`set_annotations`. A pattern with an operator or a predicate this index does not read raises
`UnindexablePattern`, and the pipeline keeps the stock component (`kg.extract.pipeline`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

ATTRIBUTES: list[int | str] = ["LOWER", "TAG", "DEP", "IS_SPACE"]  # what patterns read: `Doc.to_array`'s columns
COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
INDEXED = ("LOWER", "TAG", "DEP")  # the attributes a pattern may be filed under, most selective first
Test = Callable[[int], bool]
REMEMBERED_TOKENS = 100_000  # distinct (word, tag, dependency, space) values whose patterns are kept


@dataclass(frozen=True)
class _Pattern:
    number: int  # the stock ruler's pattern (attribute set) number: later numbers win
    tests: tuple[tuple[tuple[int, Test], ...], ...]  # per token: (column, test of its value)


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
        self.stock = stock
        strings: StringStore = stock.vocab.strings
        self.match_ids = [strings.add(str(number)) for number in range(len(stock.attrs))]
        self.by_value: dict[tuple[int, int], list[_Pattern]] = {}  # (column, value) -> patterns
        self.everywhere: list[_Pattern] = []  # patterns whose first token names no indexed value
        self._starting: dict[tuple[int, ...], tuple[_Pattern, ...]] = {}  # a token's values -> its patterns
        for number in range(len(stock.attrs)):
            _, token_patterns = stock.matcher.get(str(number))
            for token_pattern in token_patterns:
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
        self.stock.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(pattern number, match id, start, end) of every match, in the stock ruler's order."""
        rows = [tuple(row) for row in doc.to_array(ATTRIBUTES).tolist()]
        found: set[tuple[int, int, int]] = set()
        for start, row in enumerate(rows):
            starting = self._starting.get(row)
            if starting is None:
                if len(self._starting) >= REMEMBERED_TOKENS:
                    self._starting.clear()
                starting = self._starting[row] = self._patterns_starting(row)
            for pattern in starting:
                end = start + len(pattern.tests)
                if end <= len(rows) and all(
                    test(rows[start + offset][column])
                    for offset, tests in enumerate(pattern.tests[1:], 1)
                    for column, test in tests
                ):
                    found.add((pattern.number, start, end))
        return [(number, self.match_ids[number], start, end) for number, start, end in sorted(found)]

    def _patterns_starting(self, row: tuple[int, ...]) -> tuple[_Pattern, ...]:
        """The patterns whose first token's tests a token with these column values passes."""
        lower, tag, dep, _ = row
        by_value = self.by_value
        candidates = [*by_value.get((0, lower), ()), *by_value.get((1, tag), ()), *by_value.get((2, dep), ())]
        return tuple(p for p in [*candidates, *self.everywhere] if all(test(row[c]) for c, test in p.tests[0]))


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
