"""Where the subject and the object stand in a statement's evidence sentence, to highlight them.

The store keeps the sentence but not the mention offsets, so the views look for the node's names:
its labels, aliases and demonyms from the vocabulary ("Minsk", "the Belarusian authorities"),
and for a person the surname alone ("President Lukashenko"), the form briefs use after the first
mention. Names match case-insensitively on word boundaries, allowing a plural or possessive
ending ("sanctions", "Belarus'"); all-capital acronyms ("US", "EU") match only as written, so "us"
is never taken for the United States. Longer names win over shorter ones they contain. A subject
found only through a pronoun ("he proposed") is not highlighted: nothing in the sentence names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from markupsafe import Markup, escape

from kg.views.data import Node

Mark = tuple[int, int, str]  # start, end, role ("subject" or "object")
SUFFIX = r"(?:'s|’s|'|’|es|s)?"
MIN_SURNAME = 4


def mention_names(node: Node) -> tuple[str, ...]:
    names = set(node.names)
    if node.kind == "Person" and " " in node.label:
        surname = node.label.rsplit(" ", 1)[1]
        if len(surname) >= MIN_SURNAME:
            names.add(surname)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def _pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for name in names:
        if not name.strip():
            continue
        escaped = re.escape(name)
        parts.append(escaped if name.isupper() else f"(?i:{escaped}{SUFFIX})")
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


@lru_cache(maxsize=65536)
def find_marks(sentence: str, subject: Node, obj: Node) -> tuple[Mark, ...]:
    """Non-overlapping spans of the subject's and the object's names, in order (cached: every
    page that shows a statement asks)."""
    found: list[Mark] = []
    for role, node in (("subject", subject), ("object", obj)):
        pattern = _pattern(mention_names(node))
        if pattern is None:
            continue
        for match in pattern.finditer(sentence):
            found.append((match.start(), match.end(), role))
    return tuple(_without_overlaps(found))


def _without_overlaps(marks: Iterable[Mark]) -> list[Mark]:
    """Longest first, then earliest: each character is highlighted for one role at most."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m[0] - m[1], m[0])):
        if all(mark[1] <= other[0] or mark[0] >= other[1] for other in kept):
            kept.append(mark)
    return sorted(kept)


@lru_cache(maxsize=16384)
def highlighted(sentence: str, marks: tuple[Mark, ...]) -> Markup:
    """The sentence as HTML: every piece escaped, the marks wrapped in <mark class="ROLE"> (cached:
    a statement is listed on its subject's page, its object's and the timeline's)."""
    pieces: list[str] = []
    position = 0
    for start, end, role in marks:
        pieces.append(escape(sentence[position:start]))
        pieces.append(f'<mark class="{escape(role)}">{escape(sentence[start:end])}</mark>')
        position = end
    pieces.append(escape(sentence[position:]))
    return Markup("".join(pieces))
