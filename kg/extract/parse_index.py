"""A parsed doc's dependency children and sentences, each found once per doc by the components
that read the parse after it is final (the actor ruler, the statement extractor).

spaCy makes both again on every call: `Token.children` is a generator that walks the token's
whole subtree span, from its left edge to its right edge (`lefts` and `rights` in
spacy/tokens/token.pyx), making a new `Token` for each child; `Token.sent` walks the sentence
start flags both ways from the token and makes a new `Span` (about 3.5 µs a call). The clause
finders ask for the children of the same verbs and nouns again and again (a dozen finders, then
subjects, objects, modality, polarity, attribution, targets: about half a million calls on 150
briefs) and for the sentence of the same tokens to bound their walks. Inside `parse_index(doc)`
`children` and `sentence_of` remember what spaCy answered, token by token, and the doc's
sentences; outside it (a component before the parse is final, a title parsed for its speaker)
they ask spaCy. Either way the answers are spaCy's own, in spaCy's order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Span, Token

CHILDREN = "kg.children"  # Doc.user_data key: token index -> its children, left to right
SENTENCES = "kg.sentences"  # Doc.user_data key: token index -> its sentence, once asked for
TABLE = "kg.token_table"  # Doc.user_data key: the doc's `kg.extract.token_table.TokenTable`, once asked for


def children(token: Token) -> tuple[Token, ...]:
    """The token's syntactic children, left to right (what `Token.children` yields)."""
    known: dict[int, tuple[Token, ...]] | None = token.doc.user_data.get(CHILDREN)
    if known is None:
        return tuple(token.children)
    found = known.get(token.i)
    if found is None:
        found = known[token.i] = tuple(token.children)
    return found


def sentence_of(token: Token) -> Span:
    """The sentence the token stands in (what `Token.sent` gives)."""
    known: list[Span] | None = token.doc.user_data.get(SENTENCES)
    if known is None:
        return token.sent
    if not known:  # the first question: every token's sentence, in one pass over the sentences
        known.extend(sentence for sentence in token.doc.sents for _ in range(len(sentence)))
    return known[token.i]


@contextmanager
def parse_index(doc: Doc) -> Iterator[None]:
    """`children`, `sentence_of` and `kg.extract.token_table` remember their answers for the doc inside the block; its
    parse must not change there. The answers hold the doc's tokens, which hold the doc: they are
    dropped on the way out, so that the doc is freed when its last reference goes, not at the
    next cycle collection."""
    doc.user_data[CHILDREN], doc.user_data[SENTENCES], doc.user_data[TABLE] = {}, [], None
    try:
        yield
    finally:
        del doc.user_data[CHILDREN], doc.user_data[SENTENCES], doc.user_data[TABLE]
