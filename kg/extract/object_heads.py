"""Which word heads a verb's object where the parse puts the head elsewhere: a phrasal verb's
particle read as a preposition ("voted down the bill"), a quantifier or number before an
of-phrase ("sent some of its tanks").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from kg.extract.parse_index import children, sentence_of
from kg.extract.vocabulary import table_rows
from kg.ontology import ONTOLOGY_DIR

# adverbial particles of English phrasal verbs (Quirk et al. 1985, 16.3-16.4: up, down, off, out,
# back, over, away), which the small parser often reads as prepositions before a noun phrase
PARTICLES = {"up", "down", "off", "out", "back", "over", "away"}


def stray_particle(predicate: Token) -> Token | None:
    """'voted down the bill', 'shut down the embassy': a particle right after its verb that the
    parser took for a preposition heading the object. In a phrasal verb the particle can stand
    before the object as well as after it (Quirk et al. 1985, 16.4: "voted the bill down"), which a
    preposition cannot; which verb-particle pairs are phrasal verbs is CAMEO's verb dictionary's
    (`ontology/cameo_verbs.tsv`: "vote down", "step up", "shoot down")."""
    if predicate.i + 1 >= len(predicate.doc):
        return None
    following = predicate.doc[predicate.i + 1]
    if following.dep_ != "prep" or following.head.i != predicate.i or following.lower_ not in PARTICLES:
        return None
    if f"{predicate.lemma_.lower()} {following.lower_}" not in phrasal_verbs():
        return None
    return following if any(c.dep_ == "pobj" for c in children(following)) else None


@cache
def phrasal_verbs() -> frozenset[str]:
    """The verb-particle pairs of CAMEO's verb dictionary ("vote down", "step up")."""
    rows = table_rows(ONTOLOGY_DIR / "cameo_verbs.tsv")
    return frozenset(row["verb"] for row in rows if row["verb"].split(" ")[-1] in PARTICLES)


# fused-head quantifiers and fractions of a partitive ("some of its tanks", "half of the promised
# howitzers", "two of the diplomats": Huddleston and Pullum 2002, ch. 5 §9.2, partitive
# fused heads, whose of-phrase names the set the part is taken from)
PARTITIVE_HEADS = {
    "some", "many", "most", "all", "several", "few", "any", "both", "each", "none", "much", "part", "half",
    "third", "quarter", "majority", "bulk", "rest", "remainder", "dozens", "hundreds", "thousands",
}  # fmt: skip


def partitive_whole(token: Token) -> Token:
    """The noun of the of-phrase that a partitive head takes its part from ("withdrew most of its
    troops": troops; "expelled two of the diplomats": diplomats), else the token itself: what
    was done is done to members of that set, and the set is what an analyst lists."""
    if token.lower_ not in PARTITIVE_HEADS and token.pos_ != "NUM":
        return token
    of = [g for c in children(token) if c.dep_ == "prep" and c.lower_ == "of" for g in children(c) if g.dep_ == "pobj"]
    return of[0] if of else token


def numbered_members(noun: Token) -> list[str]:
    """'Security Council resolutions 1559 and 1701', 'Articles 5 and 6': a plural noun followed by
    coordinated numbers names each member by its number (a numbered set: Huddleston and Pullum
    2002, ch. 5 §13, proper names of the form noun + numeral); each is an object of its own,
    written in the singular ("Security Council resolution 1559"). [] where the noun is not so."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if (
        noun.tag_ not in ("NNS", "NNPS")
        or following is None
        or following.pos_ != "NUM"
        or sentence_of(following) != sentence_of(noun)
    ):
        return []
    numbers = [t for t in (following, *following.conjuncts) if t.pos_ == "NUM" and t.i >= following.i]
    if len(numbers) < 2:
        return []
    start = min((c.left_edge.i for c in noun.lefts if c.dep_ in ("compound", "amod")), default=noun.i)
    singular = noun.lemma_ if noun.lemma_ != noun.text else noun.text.removesuffix("s")  # "Articles"
    words = [t.text for t in noun.doc[start : noun.i]] + [singular]
    return [" ".join([*words, number.text]) for number in sorted(numbers, key=lambda t: t.i)]
