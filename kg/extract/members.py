"""The members a group noun enumerates: "eight countries (Belarus, Russia, Armenia ...) supported",
"Arab countries including Saudi Arabia, Jordan and Kuwait denounced", "NATO members such as
Poland and Lithuania condemned".

An appositive or an exemplifying phrase names the referents of the noun it is attached to
(Huddleston and Pullum 2002, ch. 15 §5 on appositives; "including" and "such as" introduce
members of the set the head noun denotes, Quirk et al. 1985, §17.77): what the group does, each
member named does. Analysts list the members ("Conjunctions are split", the gold guideline).

The small parser often breaks a long list ("Belarus, Russia, Armenia" with "Russia" hung on
"Belarus" as a noun-phrase adverbial), so every name inside the appositive or the exemplifying
phrase that stands as an item of the list counts, not only the parser's conjuncts.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.parse_index import children, sentence_of

# dependencies an item of a list takes in the small model's parses of enumerations
LIST_ITEM_DEPS = {"appos", "conj", "npadvmod", "pobj"}


def enumerated(noun: Token) -> list[Token]:
    """The heads of the items an enumeration attached to a noun lists, in text order ([] if none)."""
    lists = [c for c in children(noun) if c.dep_ == "appos" or _exemplifies(c)]
    return sorted(
        (t for c in lists for t in c.subtree if t.dep_ in LIST_ITEM_DEPS and _in_list(t, c)),
        key=lambda t: t.i,
    )


def _exemplifies(child: Token) -> bool:
    """'including X', 'such as X' (a preposition attached to the noun)."""
    if child.dep_ != "prep":
        return False
    return child.lower_ == "including" or (child.lower_ == "as" and any(c.lower_ == "such" for c in children(child)))


def _in_list(token: Token, top: Token) -> bool:
    """Is the token an item of the list under `top`: reached from it through list items only
    (not a noun inside an item: "Belarus, the host of the talks")?"""
    for _ in range(len(sentence_of(token))):  # climbs one head a step: never more than the sentence has
        if token.i == top.i:
            return True
        if token.dep_ not in LIST_ITEM_DEPS:
            return False
        token = token.head
    return False
