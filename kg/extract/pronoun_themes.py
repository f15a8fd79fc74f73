"""What an object "them" stands for when it is a thing: "... proposed to adjourn the debate on all
country-specific resolutions. He called them a 'divisive exercise'" (the resolutions, not the
delegation named before them).

The salience model of `kg.extract.coref` knows actors only; an object pronoun whose nearest
antecedent candidate is a thing was resolved to the most salient actor instead. Recency and
number agreement are the strongest factors of pronoun resolution (Lappin and Leass 1994, the
sentence recency and agreement filters; Hobbs 1978 walks back to the nearest agreeing noun
phrase): the antecedent of an object "them" is the nearest plural noun before it (with the nouns
coordinated with it), in its own
sentence or the one before, outside its own clause's subject (a pronoun is free in its clause:
Chomsky 1981, binding principle B). The caller resolves that noun to an actor where it names
one, and keeps it as a theme where it does not.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.parse_index import children, sentence_of
from kg.extract.token_table import token_table

PLURAL_OBJECT_PRONOUNS = {"them"}
PLURAL_NOUN_TAGS = {"NNS", "NNPS"}


def theme_antecedent(pronoun: Token) -> Token | None:
    """The nearest plural noun before an object "them" (this sentence or the one before), or None."""
    if pronoun.lower_ not in PLURAL_OBJECT_PRONOUNS:
        return None
    sentence = sentence_of(pronoun)
    start = sentence.start
    if start > 0:
        start = sentence_of(pronoun.doc[start - 1]).start
    table = token_table(pronoun.doc)
    subject = {t for c in children(pronoun.head) if c.dep_ in ("nsubj", "nsubjpass") for t in table.subtree(c.i)}
    for index in range(pronoun.i - 1, start - 1, -1):
        token = pronoun.doc[index]
        if token.tag_ in PLURAL_NOUN_TAGS and token.i not in subject and token.dep_ != "compound":
            return _coordination(token)
    return None


def _coordination(noun: Token) -> Token:
    """The first conjunct of the coordination a noun ends ("love members of terrorist organizations
    and enemies of Islam ... and protect them": them is both): a plural pronoun takes a coordinated
    noun phrase as a whole for its antecedent (Quirk et al. 1985, 6.16; the caller takes the
    conjuncts with it)."""
    for _ in range(len(sentence_of(noun))):
        if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head
    return noun
