"""Themes as analysts write them: a noun phrase's head with its modifiers, without determiners
and quantifiers ("all the new border crossings" -> "new border crossings"), with an "of"
complement ("lack of economic growth")."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from kg.extract.parse_index import children

QUANTIFIERS = {
    "several", "any", "some", "many", "few", "various", "such", "much", "more", "most", "all", "both", "no",
    "other", "own",
}  # fmt: skip


def _unbound_punct(token: Token) -> bool:
    """Punctuation, but for a hyphen inside a word ("non-state", "long-standing")."""
    inside = token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.is_punct and not (token.text == "-" and inside)


def noun_phrase(token: Token, with_of: bool = True) -> str:
    """A theme: the head noun with its modifiers, without determiners and quantifiers, plus an
    'of' complement ("lack of economic growth")."""
    left = [
        c
        for c in token.lefts
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod") and c.lower_ not in QUANTIFIERS
    ]
    start = min((c.left_edge.i for c in left), default=token.i)
    words = [
        t
        for t in token.doc[start : token.i + 1]
        if t.dep_ not in ("det", "poss", "predet", "case") and t.lower_ not in QUANTIFIERS and not _unbound_punct(t)
    ]
    # a hyphen binds its neighbours ("non-state"); elsewhere the kept words are spaced
    text = "".join(t.text + ("" if n.i == t.i + 1 and not t.whitespace_ else " ") for t, n in pairwise(words))
    text += words[-1].text if words else ""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and after.dep_ == "nummod" and after.head.i == token.i:
        text += f" {after.text}"  # "resolution 1701", "Protocol 2"
    if with_of:
        for prep in children(token):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in children(prep):
                    if pobj.dep_ == "pobj":
                        text += " of " + noun_phrase(pobj, with_of=False)
                        break
    return text
