"""A parsed doc's tags, dependency labels, lemmas and words as lists of plain strings, one entry
per token, read once per doc, so that a pass over a sentence tests list entries, not tokens.

spaCy makes a new `Token` for each index asked for (`Doc.__getitem__`, `Span.__iter__`), and each
string attribute (`pos_`, `dep_`, `lemma_`) is a look-up in the vocabulary's string store. The
extractor's clause finders (`kg.extract.clauses` and the nine other sources of
`kg.extract.extractor`, `kg.extract.directives.controlled_acts`) and its salience pass each walk
every token of every sentence to find the few that can head their clause or name an actor: a
dozen such walks of each token. With the table a walk tests each index against the lists and
makes a `Token` only for a candidate (`TokenTable.tokens`); the candidate then goes through the
walk's own tests as before, so the walk's test of the lists only needs to hold for every token
those tests let through. Made for a doc of 326 tokens in about 0.2 ms, where the walks it
spares took about 4 ms. Inside `kg.extract.parse_index.parse_index(doc)` the table is made once
per doc; outside it (a test that calls a finder on its own), on each call.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Token

from kg.extract.parse_index import TABLE


@dataclass(frozen=True)
class TokenTable:
    """`Token.pos_`, `tag_`, `dep_`, `lemma_.lower()` and `lower_` of each token, by index."""

    doc: Doc
    pos: list[str]
    tag: list[str]
    dep: list[str]
    lemma: list[str]  # in lower case, as the finders compare lemmas
    lower: list[str]
    head: list[int]  # the index of the token's head (a root's own)
    # dependency labels -> the indices of the tokens with a child so labelled, once asked for
    governing: dict[frozenset[str], set[int]] = field(default_factory=dict)
    dependents: list[list[int]] = field(default_factory=list)  # each token's children, once asked for

    def tokens(self, indices: Iterable[int]) -> Iterator[Token]:
        """The tokens at the indices, in their order."""
        doc = self.doc
        for i in indices:
            yield doc[i]

    def governs(self, i: int, labels: frozenset[str]) -> bool:
        """Has token `i` a child with one of the dependency labels (what `any(c.dep_ in labels
        for c in token.children)` asks)?"""
        heads = self.governing.get(labels)
        if heads is None:
            pairs = enumerate(zip(self.dep, self.head, strict=True))
            heads = self.governing[labels] = {
                head for child, (label, head) in pairs if label in labels and head != child
            }
        return i in heads

    def subtree(self, i: int) -> list[int]:
        """The indices of token `i`'s subtree in `Token.subtree`'s order: each left child's subtree,
        the token, each right child's subtree. spaCy's property nests a generator per level of
        the tree and makes a `Token` for every word on the way; the verb patterns read the
        subtree of every coded predicate (`kg.extract.events.following_words`)."""
        if not self.dependents and self.head:
            self.dependents.extend([] for _ in self.head)
            for child, head in enumerate(self.head):
                if head != child:
                    self.dependents[head].append(child)
        found: list[int] = []
        self._walk(i, found)
        return found

    def _walk(self, i: int, found: list[int]) -> None:
        below = self.dependents[i]
        for child in below:
            if child < i:
                self._walk(child, found)
        found.append(i)
        for child in below:
            if child > i:
                self._walk(child, found)


def token_table(doc: Doc) -> TokenTable:
    """The doc's table: remembered inside `parse_index(doc)`, else made anew."""
    known: TokenTable | None = doc.user_data.get(TABLE)
    if known is None:
        known = _read(doc)
        if TABLE in doc.user_data:
            doc.user_data[TABLE] = known
    return known


def _read(doc: Doc) -> TokenTable:
    if len(doc) == 0:
        return TokenTable(doc, [], [], [], [], [], [])
    strings = doc.vocab.strings
    pos, tag, dep, lemma, lower = doc.to_array(["POS", "TAG", "DEP", "LEMMA", "LOWER"]).T.tolist()
    labels = {key: strings[key] for key in {*pos, *tag, *dep}}  # a few dozen tags and labels
    offsets = doc.to_array("HEAD").astype(numpy.int64)  # the head's offset from the token, as unsigned
    return TokenTable(
        doc,
        [labels[key] for key in pos],
        [labels[key] for key in tag],
        [labels[key] for key in dep],
        [strings[key].lower() for key in lemma],
        [strings[key] for key in lower],
        (offsets + numpy.arange(len(doc))).tolist(),
    )
