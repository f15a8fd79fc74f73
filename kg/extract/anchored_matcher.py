"""spaCy's `Matcher` for token patterns whose first token is rare, run only where one may start.

spaCy's `Matcher` starts every pattern at every token of a doc and carries each start as a state
to the next token; a token's `IN` list costs it a Python predicate call, and a pattern whose first
token is any word (the actor ruler's demonym patterns) lives to the next token everywhere. The
actor ruler's eight patterns cost it about 3 µs a token (0.35 CPU s on 200 briefs of
`benchmarks/corpus.py`), a third of the ruler. The patterns it needs start at a demonym, a
state's name or a word of a title or body, a few tokens in a hundred.

This is the same algorithm (`find_matches` and `transition_states` in spacy/matcher/matcher.pyx,
spaCy 3.x: the states of each pattern's progress, advanced token by token, with the same
actions and so the same matches in the same order), over the token attributes it reads as
hashes (`Doc.to_array`), stepping only over the tokens where a state is alive or a pattern may
start. A state that starts elsewhere is rejected at its first token and never matches; dropping
it leaves the other states, and their order, as they were. A pattern's first token must be a
token that must be there (no `?` or `*`); an empty first token (`{}`) stands for the anchors the caller gives
(the doc's demonyms), which is the Matcher's any-token start with the matches kept that start
at an anchor. Token specs read `ORTH`, `LOWER`, `POS` and `LEMMA`, each a value or an `IN` list;
operators `?`, `*` and `+`. `tests/test_demonym_patterns.py` compares the matches, in order,
with spaCy's own `Matcher` on random docs.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Doc

ONE, ZERO_PLUS, ZERO_ONE = range(3)  # the quantifiers of spaCy's compiled patterns
# the actions of a state at a token (spaCy's `action_t`)
REJECT, MATCH, ADVANCE, RETRY, MATCH_EXTEND, RETRY_ADVANCE, RETRY_EXTEND, MATCH_REJECT, MATCH_DOUBLE = range(9)
OPERATORS = {"": (ONE,), "?": (ZERO_ONE,), "*": (ZERO_PLUS,), "+": (ONE, ZERO_PLUS)}  # as spaCy compiles them
COLUMNS = {"ORTH": 0, "LOWER": 1, "POS": 2, "LEMMA": 3}
ATTRIBUTES: list[int | str] = list(COLUMNS)  # `Doc.to_array`'s columns
ANCHOR = -1  # the column of the first token of a pattern that starts at an anchor

Test = tuple[int, frozenset[int]]  # a column, and the values the token may have there
Step = tuple[int, tuple[Test, ...]]  # a quantifier, and the tests a token must pass
State = tuple[int, int, int, int]  # pattern, step, start, length


def compile_pattern(pattern: list[dict[str, Any]]) -> tuple[Step, ...]:
    """A spaCy token pattern as steps: one per quantifier, each with its token's tests."""
    steps: list[Step] = []
    for position, spec in enumerate(pattern):
        tests = tuple(_test(name, value) for name, value in spec.items() if name != "OP")
        if position == 0:
            if OPERATORS[spec.get("OP", "")][0] != ONE:
                raise ValueError(f"a pattern's first token must be there: {spec}")
            tests = tests or ((ANCHOR, frozenset()),)
        steps.extend((quantifier, tests) for quantifier in OPERATORS[spec.get("OP", "")])
    return tuple(steps)


def _test(name: str, value: object) -> Test:
    values = value["IN"] if isinstance(value, dict) and list(value) == ["IN"] else [value]
    if name not in COLUMNS or not all(isinstance(one, str) for one in values):
        raise ValueError(f"a token spec this matcher does not read: {name}: {value!r}")
    return COLUMNS[name], frozenset(get_string_id(one) for one in values)  # type: ignore[arg-type]


class AnchoredMatcher:
    """Named patterns, matched as spaCy's `Matcher` matches them, from their first tokens only."""

    def __init__(self, patterns: dict[str, list[dict[str, Any]]]) -> None:
        self.names = list(patterns)
        self.patterns = [compile_pattern(pattern) for pattern in patterns.values()]

    def __call__(self, doc: Doc, anchors: Collection[int]) -> list[tuple[str, int, int]]:
        """(pattern name, start, end) of every match, in the order spaCy's `Matcher` gives them."""
        rows: list[list[int]] = doc.to_array(ATTRIBUTES).tolist()
        anchored = frozenset(anchors)
        starting: dict[int, list[int]] = {}  # token -> the patterns whose first token it may be, in order
        for number, steps in enumerate(self.patterns):
            [(column, values), *others] = steps[0][1]
            first = anchored if column == ANCHOR else (i for i, row in enumerate(rows) if row[column] in values)
            for index in first:
                if not others or all(rows[index][c] in v for c, v in others):
                    starting.setdefault(index, []).append(number)
        pending = sorted(starting)
        found: list[tuple[int, int, int]] = []
        states: list[State] = []
        at = following = 0  # the token; the next start in `pending`
        while states or following < len(pending):
            if not states:
                at = pending[following]  # no state alive: on to the next start
            if following < len(pending) and pending[following] == at:
                states += [(number, 0, at, 0) for number in starting[at]]
                following += 1
            states = self._advance(states, rows[at], at in anchored, found)
            at += 1
            if at == len(rows):
                self._finish(states, found)
                break
        seen: set[tuple[int, int, int]] = set()
        matches = []
        for match in found:  # a match reached twice is one match; none is empty
            if match not in seen and match[2] > match[1]:
                seen.add(match)
                matches.append((self.names[match[0]], match[1], match[2]))
        return matches

    def _advance(
        self, states: list[State], row: list[int], anchor: bool, found: list[tuple[int, int, int]]
    ) -> list[State]:
        """The states after one token (`transition_states`): the ones that go on, then the ones
        it started (an optional token both taken and skipped), matches added to `found`."""
        going: list[State] = []
        started: list[State] = []
        for number, step, start, length in states:
            steps = self.patterns[number]
            action = _action(steps, step, row, anchor)
            while action in (RETRY, RETRY_ADVANCE, RETRY_EXTEND):
                if action == RETRY_EXTEND:
                    started.append((number, step, start, length + 1))
                elif action == RETRY_ADVANCE:
                    started.append((number, step + 1, start, length + 1))
                step += 1
                action = _action(steps, step, row, anchor)
            if action == ADVANCE:
                going.append((number, step + 1, start, length + 1))
            elif action == MATCH:
                found.append((number, start, start + length + 1))
            elif action == MATCH_DOUBLE:
                if length > 0:
                    found.append((number, start, start + length))
                found.append((number, start, start + length + 1))
            elif action == MATCH_REJECT:
                found.append((number, start, start + length))
            elif action == MATCH_EXTEND:
                found.append((number, start, start + length))
                going.append((number, step, start, length + 1))
        return going + started

    def _finish(self, states: list[State], found: list[tuple[int, int, int]]) -> None:
        """The matches of the states alive at the doc's end that need no more tokens (`finish_states`)."""
        for number, step, start, length in states:
            steps = self.patterns[number]
            while steps[step][0] in (ZERO_PLUS, ZERO_ONE):
                if step + 1 == len(steps):
                    found.append((number, start, start + length))
                    break
                step += 1


def _action(steps: tuple[Step, ...], step: int, row: list[int], anchor: bool) -> int:
    """What a state does at a token (`get_action`): by whether the token passes its step's tests,
    the step's quantifier, and whether the step is the pattern's last."""
    quantifier, tests = steps[step]
    passes = True
    for column, values in tests:
        if not (anchor if column == ANCHOR else row[column] in values):
            passes = False
            break
    final = step + 1 == len(steps)
    if quantifier == ONE:
        return (MATCH if final else ADVANCE) if passes else REJECT
    if quantifier == ZERO_PLUS:
        if passes:
            return MATCH_EXTEND if final else RETRY_EXTEND
        return MATCH_REJECT if final else RETRY
    if passes:
        return MATCH_DOUBLE if final else RETRY_ADVANCE
    return MATCH_REJECT if final else RETRY
