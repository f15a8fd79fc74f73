"""The lines of a brief that has no paragraph of prose: a headline-style brief or a one-line lead.

The reader's body rule (eight words and a sentence end) protects a page's article from its
clutter; where nothing passes it, nothing needs protecting, and the brief is one of those the
rule was not made for: a news lead that lost its full stop, a wire headline ("Russia expels
two Estonian diplomats"), a one-sentence record of an event data set written as a file
(PETRARCH2's validation sentences, PLOVER's records). Headlines are sentences in telegraphic
style (Mårdh 1980, "Headlinese"; the grammar of news headlines omits articles and the copula but
keeps a subject and a finite verb), so such lines are read as the body, when they have the
length of a clause and are prose rather than labels: not a menu in capitals, no credit or
label prefix, no date alone, no link.
"""

from __future__ import annotations

import re

from kg.read.header_dates import find_header_date

MIN_HEADLINE_WORDS = 3
MAX_DATE_LINE_WORDS = 6  # "Published 9 March 2020 11:05": a date line, not a headline
LABEL = re.compile(r"^(image|photo|source|by|category|tags?|share|print|menu|home|read more)\b|:\s*$", re.I)
LINK = re.compile(r"https?://|www\.|\bread more\s*$", re.I)
WORD = re.compile(r"\S+")


def headline_lines(texts: list[str]) -> list[int]:
    """The indices of the lines read as the body of a brief whose lines are all short or lack
    their sentence end."""
    return [i for i, text in enumerate(texts) if is_headline(text)]


def is_headline(text: str) -> bool:
    """A line with the length of a clause, in words of prose, that is no label, link or date."""
    words = WORD.findall(text)
    if len(words) < MIN_HEADLINE_WORDS or LABEL.search(text) or LINK.search(text):
        return False
    if len(words) <= MAX_DATE_LINE_WORDS and find_header_date([text]):
        return False
    return any(character.islower() for character in text)  # not a menu in capitals
