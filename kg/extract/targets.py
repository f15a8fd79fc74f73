"""Target actors: at whom a statement's event is aimed, when its object is a theme.

Event data are dyads: CAMEO codes a source actor, an event and a target actor, and when the
verb's object is not an actor the target is the actor the object belongs to or is aimed at
(CAMEO Manual 1.1b3, ch. 2, "the target is the recipient of the action"; PETRARCH2 looks for
the target in the noun phrases of the verb phrase, after the verb). "Portugal will support
Turkey's efforts to join the EC" is Portugal -> Turkey, not Portugal -> efforts. The candidates,
best first, follow the places English gives a recipient or an owner of a theme:

- the object's possessor: "Turkey's efforts", "Ukraine's initiative";
- the object's modifiers, a demonym or a name: "the Ukrainian proposal", "a U.N. resolution";
- the object noun's complement: "support for the PLO", "sanctions against Belarus",
  "pressure on Lithuania", "talks with Poland", "the withdrawal from Lebanon" is no recipient
  ("from" is left out), "the sovereignty of Ukraine" is ("of" last);
- the verb's own recipient: a ditransitive's indirect object ("gave Tanzania a grant"), the
  addressee of a speech act ("said to Putin", "told Putin") or a prepositional complement
  ("imposed sanctions on Belarus", "appealed to the UN");
- else the first actor named in the object's phrase, then in the verb's non-finite complements
  ("is willing to send material to help defend Saudi Arabia"), never crossing into a clause with
  a subject of its own (of a relative clause in the object's phrase, only its subject), as
  PETRARCH2 takes the first actor of the verb phrase.

The subject itself is never its own target ("Belarus continued its policy" has none), nor are the
event's other agents ("support from Moscow and Beijing": neither is the other's target).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from kg.extract.actors import demonym_of, mention_at
from kg.extract.clauses import POSSESSIVE_MARKS
from kg.extract.parse_index import children, sentence_of
from kg.extract.statements import Actor
from kg.extract.subjects import SUBJECT_DEPS
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

NOUN_PREPOSITIONS = ("against", "on", "upon", "for", "with", "to", "toward", "towards", "at", "over", "of")
VERB_PREPOSITIONS = ("against", "on", "upon", "to", "toward", "towards", "with", "for", "at", "over")
MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")
RELATIVE_TAGS = ("WDT", "WP", "WP$")  # "which", "who", "whose": the antecedent itself
NONFINITE_DEPS = ("xcomp", "advcl", "acl", "relcl", "prep", "pobj", "pcomp", "dobj", "conj", "appos")


def target_of(
    predicate: Token,
    obj: Token | None,
    subject: Actor,
    vocabulary: Vocabulary,
    described: Callable[[Token], list[Actor]],
) -> Actor | None:
    """The first candidate (`target_candidates`) that names an actor other than the subject. A
    demonym is its state ("the Ukrainian proposal": Ukraine); a noun is resolved by `described`
    (the extractor's reading of groups, pronouns and descriptions). The subject's own state may
    be the target: CAMEO codes domestic events with the state as target ("Sudan's government
    lifted the state of emergency in Darfur" is SDNGOV -> SDN)."""
    table = token_table(predicate.doc)
    agents = {t for c in children(predicate) if _agent(predicate, c) for t in table.subtree(c.i)}
    # a token named again (the object's phrase is in the verb's) names no one new: it is skipped,
    # as the resolver reads the salience model and changes nothing
    tried: set[int] = set()
    for token in target_candidates(predicate, obj):
        if token.i in agents or token.i in tried:
            continue
        tried.add(token.i)
        mention = mention_at(token)
        if demonym_of(token) and (mention is None or mention.end - mention.start == 1):
            found = [vocabulary.actors[demonym_of(token)].actor]
        elif mention is not None:
            found = [mention.actor]
        elif token.pos_ in ("NOUN", "PROPN", "PRON"):
            found = described(token)
        else:
            found = []
        for actor in found:
            if actor.key != subject.key:
                return actor
    return None


def target_candidates(predicate: Token, obj: Token | None) -> Iterator[Token]:
    """Tokens that may name the target of a clause with this predicate and object, best first."""
    if obj is not None:
        yield from (c for c in children(obj) if _owns(c))
        yield from (c for c in obj.lefts if c.dep_ in MODIFIER_DEPS)
        yield from _complements(obj, NOUN_PREPOSITIONS)
    yield from (c for c in children(predicate) if c.dep_ == "dative" and c.pos_ != "ADP")
    yield from _complements(predicate, VERB_PREPOSITIONS, after=predicate.i)
    if obj is not None:
        yield from _own_phrase(obj)
    yield from _nonfinite_phrase(predicate)


def _owns(token: Token) -> bool:
    """A possessor: `poss`, or a name the parser attached before a possessive mark."""
    if token.dep_ == "poss":
        return True
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("nmod", "compound") and following is not None and following.text in POSSESSIVE_MARKS


def _complements(head: Token, prepositions: tuple[str, ...], after: int = -1) -> Iterator[Token]:
    """The objects of the head's prepositions, in the order of `prepositions` (and their conjuncts)."""
    preps = [c for c in children(head) if c.dep_ in ("prep", "dative") and c.lower_ in prepositions and c.i > after]
    preps.sort(key=lambda p: prepositions.index(p.lower_))
    for prep in preps:
        for pobj in children(prep):
            if pobj.dep_ == "pobj":
                yield pobj
                yield from pobj.conjuncts


def _own_phrase(head: Token) -> Iterator[Token]:
    """The words of a noun's phrase, left to right; of a relative clause in it, only its subject.
    The subject names the thing's author, as a possessor would ("the plan, which Russia proposed",
    Russia's plan); what the relative clause's verb acts on is another event's ("support from
    Moscow and Beijing, which have resisted a harder line on Iran" is not aimed at Iran). A
    content clause stays whole ("its demand that Burundi's government negotiate": Burundi)."""
    found: list[Token] = []
    pending = list(children(head))
    for _ in range(len(sentence_of(head))):  # each step takes one token off the list: bounded by the sentence
        if not pending:
            break
        token = pending.pop()
        if token.dep_ == "relcl":
            pending.extend(c for c in children(token) if c.dep_ in SUBJECT_DEPS and c.tag_ not in RELATIVE_TAGS)
            continue
        found.append(token)
        pending.extend(children(token))
    yield from sorted(found, key=lambda t: t.i)


def _nonfinite_phrase(predicate: Token) -> Iterator[Token]:
    """The tokens after the predicate in its phrase, left to right, leaving out clauses that have
    a subject of their own ("..., officials said") and anything before the predicate."""
    pending = [c for c in children(predicate) if c.i > predicate.i and c.dep_ in NONFINITE_DEPS]
    found: list[Token] = []
    for _ in range(len(sentence_of(predicate))):  # each step takes one token off the list: bounded by the sentence
        if not pending:
            break
        token = pending.pop()
        if any(c.dep_ in SUBJECT_DEPS for c in children(token)) and token.pos_ in ("VERB", "AUX"):
            continue
        found.append(token)
        pending.extend(c for c in children(token) if c.dep_ in (*NONFINITE_DEPS, *MODIFIER_DEPS, "poss"))
    yield from sorted(found, key=lambda t: t.i)


def _agent(predicate: Token, child: Token) -> bool:
    """The phrase that names who acts: a passive's "by", an event noun's "by" or "from" ("support
    from Moscow and Beijing"): the event's agents, who are its subjects, not each other's targets."""
    return child.dep_ == "agent" or (
        predicate.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ in ("by", "from")
    )
