"""CAMEO verb patterns matched the way PETRARCH2 reads them: the words after the verb in the order
the pattern gives them, and a prepositional phrase as a phrase.

A pattern of `cameo_verbs.tsv` or `event_verbs.tsv` lists words that must follow the verb in its
verb phrase. TABARI's patterns, which PETRARCH2's dictionary inherits, are sequences: their words
match in the order written, other words may come between them (TABARI manual 0.8.4b2, ch. 5;
PETRARCH2 `docs/source/dictionaries.rst`: the verb patterns "follow the same syntax as TABARI
patterns"). PETRARCH2 matches them on the parse tree and marks prepositional phrases with
parentheses ("Nouns, noun phrases, and prepositional phrases are annotated", PETRARCH2 status note
of 2015): `AGREE - * (TO SANCTIONS) [163]` is agreeing to sanctions, a phrase headed by the
preposition "to"; "agreed to lift the sanctions" has the infinitive marker "to" and no such phrase,
and is no agreement to sanctions. In the tables a prepositional phrase stands between `(` and `)`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Token

PREPOSITION_DEPS = {"prep", "agent", "dative"}
Positions = dict[str, list[int]]  # a form -> the indices (ascending) of the following words that have it


@dataclass(frozen=True)
class Pattern:
    """The words of a pattern (each the set of its alternatives), the prepositional phrase each
    belongs to (0: none; the phrase's first word is its preposition), and the CAMEO code."""

    words: tuple[frozenset[str], ...]
    phrases: tuple[int, ...]
    code: str
    # each word's alternatives by their first word (None: an empty alternative, which stands
    # anywhere): a pattern none of one word's first words follows the verb cannot match (`may_match`)
    first_words: tuple[frozenset[str] | None, ...] = ()


class Following(NamedTuple):
    """A word after the verb: its forms (as written and its lemma, lower case) and its token (a
    named tuple: made for each word after each coded verb, in a third of a frozen dataclass's time)."""

    forms: frozenset[str]
    token: Token


def parse_pattern(words: str, code: str) -> Pattern:
    """A pattern from a table's `words` column ("( to armistice|truce )", "send peacekeepers")."""
    parsed: list[frozenset[str]] = []
    phrases: list[int] = []
    phrase = opened = 0
    for word in words.split():
        if word == "(":
            opened += 1
            phrase = opened
        elif word == ")":
            phrase = 0
        else:
            parsed.append(frozenset(alternative.replace("_", " ") for alternative in word.split("|")))
            phrases.append(phrase)
    firsts = tuple(
        None if any(not _words(a) for a in word) else frozenset(_words(a)[0] for a in word) for word in parsed
    )
    return Pattern(tuple(parsed), tuple(phrases), code, firsts)


def may_match(pattern: Pattern, positions: Positions) -> bool:
    """False when one of the pattern's words has no alternative whose first word is among the
    following words (`positions_of`): then `match_end` finds no place for it. A look-up per word,
    where `match_end` searches; most of a verb's patterns (dozens for "make") fail here."""
    return all(first is None or not first.isdisjoint(positions) for first in pattern.first_words)


@dataclass(frozen=True)
class PatternIndex:
    """A verb's patterns by the first words of their first word that has any (`may_match` rules
    out a pattern none of whose first words follows the verb): the patterns worth trying are
    found by a look-up of each following word, not by a test of each pattern. "make" has some
    60 patterns, a verb about 16 on average, of which `may_match` lets one or two through."""

    patterns: tuple[Pattern, ...]
    anywhere: tuple[int, ...]  # the patterns none of whose words has first words to look up
    by_word: dict[str, tuple[int, ...]]  # a first word -> the patterns it may start, ascending

    def plausible(self, positions: Positions) -> list[Pattern]:
        """The patterns that may match the following words, in their order."""
        found = set(self.anywhere)
        for form in positions:
            found.update(self.by_word.get(form, ()))
        return [self.patterns[number] for number in sorted(found)]


def index_patterns(patterns: list[Pattern]) -> PatternIndex:
    anywhere: list[int] = []
    by_word: dict[str, list[int]] = {}
    for number, pattern in enumerate(patterns):
        first = next((words for words in pattern.first_words if words is not None), None)
        if first is None:
            anywhere.append(number)
        for word in first or ():
            by_word.setdefault(word, []).append(number)
    return PatternIndex(tuple(patterns), tuple(anywhere), {w: tuple(n) for w, n in by_word.items()})


def positions_of(following: list[Following]) -> Positions:
    """Where each form stands among the following words: computed once for all the patterns of
    a verb, so that finding a word is a look-up, not a scan of the words (`_find`)."""
    positions: Positions = {}
    for at, word in enumerate(following):
        for form in word.forms:
            positions.setdefault(form, []).append(at)
    return positions


def match_end(pattern: Pattern, following: list[Following], positions: Positions | None = None) -> int | None:
    """Where the pattern's last word matched (an index into `following`), or None when it does not
    match: each word after the one before it, a prepositional phrase's preposition a preposition of
    the verb phrase and the phrase's other words inside it. `positions`: `positions_of(following)`,
    when the caller matches several patterns against the same words."""
    positions = positions_of(following) if positions is None else positions
    start, end = 0, -1
    index = 0
    while index < len(pattern.words):
        phrase = pattern.phrases[index]
        if phrase == 0:
            found = _find(pattern.words[index], following, positions, start, len(following))
            if found is None:
                return None
            end = found
            start, index = found + 1, index + 1
            continue
        members = [w for w, p in zip(pattern.words, pattern.phrases, strict=True) if p == phrase]
        found = _phrase(members, following, positions, start)
        if found is None:
            return None
        end = found
        start, index = found + 1, index + len(members)
    return end


def _phrase(members: list[frozenset[str]], following: list[Following], positions: Positions, start: int) -> int | None:
    """The end of the first prepositional phrase from `start` headed by the first member's
    preposition and holding the other members in order."""
    for at in range(start, len(following)):
        head = following[at].token
        if head.dep_ not in PREPOSITION_DEPS or not members[0] & following[at].forms:
            continue
        stop = next((i for i in range(at, len(following)) if following[i].token.i > head.right_edge.i), len(following))
        end: int | None = at
        for word in members[1:]:
            end = _find(word, following, positions, end + 1, stop) if end is not None else None
        if end is not None:
            return end
    return None


def _find(
    alternatives: frozenset[str], following: list[Following], positions: Positions, start: int, stop: int
) -> int | None:
    """The first place from `start` (before `stop`) where one of the alternatives stands; an
    alternative of several words ("cease fire") matches consecutive words. Returns its last index
    (of the alternatives standing at that place, the longest, as TABARI's and PETRARCH2's
    dictionaries prefer the longest match; then alphabetically, so that no run depends on the
    set's hash order)."""
    first: int | None = None
    for alternative in alternatives:
        at = _first_place(_words(alternative), following, positions, start, stop if first is None else first, stop)
        if at is not None:
            first = at
    if first is None:
        return None
    longest_first = sorted(map(_words, alternatives), key=lambda words: (-len(words), words))
    standing = (words for words in longest_first if _stands_at(words, following, first, stop))
    return first + len(next(standing)) - 1


def _first_place(
    words: tuple[str, ...], following: list[Following], positions: Positions, start: int, before: int, stop: int
) -> int | None:
    """The first index in [start, before) where `words` stand, ending before `stop`."""
    if not words:  # an empty alternative stands anywhere
        return start if start < before else None
    places = positions.get(words[0], ())
    for at in places[bisect_left(places, start) :]:
        if at >= before:
            return None
        if _stands_at(words, following, at, stop):
            return at
    return None


def _stands_at(words: tuple[str, ...], following: list[Following], at: int, stop: int) -> bool:
    last = at + len(words) - 1
    return last < stop and all(word in following[at + k].forms for k, word in enumerate(words))


@lru_cache(maxsize=4096)
def _words(alternative: str) -> tuple[str, ...]:
    return tuple(alternative.split())
