"""A doc's named entities, looked up by sentence.

spaCy's `Span.ents` builds a `Span` for every entity of the doc on each call, so asking it once
per clause costs time in the square of a segment's length (in a 20,000-character segment, a
third of the extractor's time went there). `SentenceEntities` makes the entities once and finds a
sentence's by binary search, with `Span.ents`' own rule (spacy/tokens/span.pyx): the entities
from the sentence's first token on, up to the first one that does not end inside it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span


class SentenceEntities:
    """The named entities of one doc, by sentence."""

    def __init__(self, doc: Doc) -> None:
        self.entities = list(doc.ents)
        self.starts = [ent.start for ent in self.entities]

    def within(self, sentence: Span) -> list[Span]:
        """What `sentence.ents` gives, in the same order."""
        found = []
        at = bisect_left(self.starts, sentence.start)
        while at < len(self.entities) and self.entities[at].end <= sentence.end:
            found.append(self.entities[at])
            at += 1
        return found
