"""The state or international organisation that an actor outside the vocabulary belongs to, read
from the words that modify its mention.

A person, organisation or group the vocabulary does not know has no CAMEO code of its own; event
data codes it by the country or IGO its description names (CAMEO Manual 1.1b3, ch. 3: "the
actor's nationality is coded first"). That country is found, nearest first, among:

- the demonyms, states and organisations inside the name ("the Nigerian Union of Teachers", "the
  Kenya Anti-Corruption Commission", "the United Nations Emergency Relief Coordinator");
- the modifiers of its head, and theirs in turn: compounds, adjectives, possessives and
  appositions ("Pakistan President Zia-ul-Haq", "Iraqi Kurds", "Israel's Cabinet",
  "Kenzo Oshima, the United Nations Emergency Relief Coordinator");
- the objects of "of", "in" and "from" on the head ("King Hassan of Morocco", "security forces in Guinea");
- the same around the noun a name stands in apposition to ("Iran's religious leader Ayatollah
  Khomeini", "a member of the Syrian parliament, Mohammed Mamoun").

A titled person whose description names no state ("President Yoweri Museveni") is taken to
hold office in the one state the sentence names, if it names exactly one ("... banned Ugandan
opposition candidates"): the focus-country heuristic of news geoparsers (CLIFF's "focus"
country; Leetaru 2012), narrowed to a sentence. An organisation or group is taken to belong
to the one state the sentence names outside what it acts on ("Angry activists from the Fatah
Party staged rallies in the Gaza Strip"). States named as targets, as other clauses' subjects or
inside the subjects of the clauses above ("..., a spokeswoman for the U.S. embassy said") never
count.

The actor then carries that code, with the agent code of its title or noun (`SDNGOV` for a
president, `ISRJUD` for a court); a titled person also acts for the state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.parse_index import children, sentence_of
from kg.extract.statements import Actor

MODIFIERS = {"amod", "compound", "nmod", "poss", "appos"}
PLACE_PREPOSITIONS = {"of", "in", "from"}
TARGET_PREPOSITIONS = {"against", "on", "upon", "with", "toward", "towards", "over"}
STATE_AGENTS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}  # sectors that act for the state itself
MAX_DEPTH = 3


def patron_of(span: Span, coded_at: Callable[[Token], Actor | None]) -> Actor | None:
    """The nearest coded actor (state or IGO) that the words around a mention name."""
    inside = {token.i for token in span}
    for token in span:
        if token.i != span.root.i and (found := coded_at(token)):
            return found
    described = [span.root]
    if span.root.dep_ == "appos":  # "Iran's religious leader Ayatollah Khomeini", "a member of X, Mamoun"
        described.append(span.root.head)
    for head in described:
        for token in _modifiers(head, inside | {span.root.head.i}):
            if (found := coded_at(token)) is not None:
                return found
    return None


def sole_state(
    sentence: Span, outside: Span, state_at: Callable[[Token], Actor | None], person: bool = True
) -> Actor | None:
    """The one country a sentence names outside a span, or None when it names none or several.
    A country that is the object of a verb or of a preposition of a target ("threatened action
    against Russia", "controls Afghanistan") is a target, not the actor's home, and
    does not count."""
    objects = set() if person else _object_words(outside.root)
    # the subjects of the clauses above the actor's, and all they name: "..., a spokeswoman for
    # the U.S. embassy said"
    above = set(outside.root.ancestors)
    others = {
        t.i
        for subject in sentence
        if subject.dep_ in ("nsubj", "nsubjpass")
        and subject.head in above
        and not subject.left_edge.i <= outside.root.i <= subject.right_edge.i
        for t in subject.subtree
    }
    states = {
        found.key: found
        for token in sentence
        if not outside.start <= token.i < outside.end
        and not _is_target(token)
        and token.i not in objects
        and token.i not in others
        and (found := state_at(token)) is not None
    }
    return next(iter(states.values())) if len(states) == 1 else None


def _object_words(subject: Token) -> set[int]:
    """The words of what the verb of `subject` acts on: a group is not of the state it
    acts on ("the ILO demanded that Israel ease restrictions on Palestinian workers")."""
    for _ in range(len(sentence_of(subject))):  # each step climbs one head: never more than the sentence has
        if subject.dep_ not in ("pobj", "prep", "compound", "amod", "nmod", "appos", "poss"):
            break
        subject = subject.head  # "Members of the Association ...": the subject is the members
    verb = subject.head if subject.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return set()
    return {t.i for c in children(verb) if c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for t in c.subtree}


def _is_target(token: Token) -> bool:
    if token.dep_ in ("dobj", "dative", "nsubj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in TARGET_PREPOSITIONS


def residence(span: Span, state_at: Callable[[Token], Actor | None]) -> tuple[Actor, Token] | None:
    """The state a people named by its demonym lives in, when the text places it elsewhere:
    "Bosnian Serbs", "the Albanians of southern Serbia", "ethnic Albanians in south Serbia",
    "ethnic Albanians demonstrated in Serbia". CAMEO codes an ethnic group by the country where it is located
    (Manual 1.1b3, ch. 3, ethnic groups), not by the state its name recalls. Returns the state
    and the word that names it."""
    head = span.root
    places = [c for c in head.lefts if c.dep_ in ("amod", "compound")]  # "Bosnian Serbs", "Iraqi Kurds"
    places += [c for p in children(head) if p.dep_ == "prep" and p.lower_ in ("in", "of") for c in children(p)]
    if any(c.lower_ == "ethnic" for c in head.lefts) and head.dep_ in ("nsubj", "nsubjpass"):
        places += [c for p in children(head.head) if p.dep_ == "prep" and p.lower_ == "in" for c in children(p)]
    own = state_at(head)
    for place in (p for p in places if p.dep_ in ("pobj", "amod", "compound")):
        found = state_at(place)
        if found is not None and (own is None or found.key != own.key):
            return found, place
    return None


def affiliated(actor: Actor, patron: Actor, agent: str | None) -> Actor:
    """An actor coded by its patron: a country's code with the actor's agent code, or the IGO's."""
    if patron.code is None:
        return actor
    if actor.kind == "Person" and actor.role:
        agent = "GOV"
    country = patron.kind == "Country" and len(patron.code) == 3
    code = patron.code + (agent or "") if country else patron.code
    acts_for = patron if country and ((actor.kind == "Person" and actor.role) or agent in STATE_AGENTS) else None
    return replace(actor, code=code, acts_for=actor.acts_for or acts_for)


def _modifiers(head: Token, inside: set[int]) -> Iterator[Token]:
    """The tokens that modify `head`, breadth first, to `MAX_DEPTH` links away."""
    level = [head]
    for _ in range(MAX_DEPTH):
        following: list[Token] = []
        for token in level:
            for child in children(token):
                if child.dep_ in MODIFIERS:
                    following.append(child)
                elif child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
                    following.extend(c for c in children(child) if c.dep_ == "pobj")
        yield from (token for token in following if token.i not in inside)
        level = following
