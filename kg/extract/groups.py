"""Groups and people the text names by description: "NATO representatives", "separatists in
eastern Ukraine", "Russian-backed separatists", "a representative of the Defence Ministry"; and a
person the tagger missed, known by a title in apposition ("Vakulchik, head of the KGB").

A group is named as the text names it and acts for the actor it is named after, with that
actor's CAMEO code plus the agent code of its noun (PETRARCH2's agent nouns, CAMEO Manual 1.1b3
ch. 3: "Palestinian youths" -> PSE + CVL).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Span, Token

from kg.extract.actors import Mention, demonym_of, mention_at
from kg.extract.noun_phrases import noun_phrase
from kg.extract.parse_index import children
from kg.extract.statements import Actor
from kg.extract.vocabulary import Vocabulary
from kg.identifiers import slug

GROUP_PREPOSITIONS = {"of", "from", "in", "throughout", "across"}
LOCATING_PARTICIPLES = {"base", "locate", "station", "headquarter"}


def _state_modifying(noun: Token, vocabulary: Vocabulary) -> Mention | None:
    """A country named by a modifier of a place ("the Syrian Golan Heights" -> Syria)."""
    for child in (c for c in noun.lefts if c.dep_ in ("amod", "compound")):
        if demonym_of(child):
            return Mention(child.i, child.i + 1, vocabulary.actors[demonym_of(child)].actor)
        found = mention_at(child)
        if found is not None and found.actor.kind == "Country":
            return found
    return None


def groups_named(token: Token, vocabulary: Vocabulary, placed: bool = True) -> list[Actor]:
    """'a representative of the Defence Ministry' -> the ministry; 'NATO representatives',
    'EU and US delegations', 'separatists in eastern Ukraine' -> groups named as written (without
    `placed`, only by a modifier: "the Iraqi leader", not "the Secretary in the Ministry")."""
    for prep in _place_prepositions(token) if placed else ():
        for pobj in children(prep):
            found = mention_at(pobj) or _state_modifying(pobj, vocabulary)  # "inhabitants of the Syrian Golan Heights"
            if pobj.dep_ != "pobj" or found is None:
                continue
            if (
                prep.lower_ == "of"
                and found.actor.kind != "Country"
                and token.lemma_.lower() in ("representative", "delegation", "official")
            ):
                return [found.actor]
            start = pobj.left_edge.i
            while pobj.doc[start].dep_ == "det" and start < found.start:
                start += 1
            written = pobj.doc[start : pobj.i + 1].text  # "eastern Ukraine", "the Alliance"
            name = f"{noun_phrase(token, with_of=False)} {prep.lower_} {written}"
            return [group_actor(name, found.actor, _agent_code(token, vocabulary))]
    groups = []
    for child in token.lefts:
        # "Vietnamese-led forces", "Russian-backed separatists": the state modifies the participle
        led = [c for c in children(child) if c.dep_ == "npadvmod"] if child.tag_ == "VBN" else []
        # "US Predator attacks": the state modifies the compound that modifies the noun
        nested = [c for c in child.lefts if c.dep_ == "compound"] if child.dep_ == "compound" else []
        for modifier in (child, *child.conjuncts, *led, *nested):
            found = mention_at(modifier)
            if found is not None and modifier.dep_ in ("compound", "amod", "nmod", "poss", "conj", "npadvmod"):
                end = child.i + 1 if modifier in led else found.end  # "Russian-backed", not "Russian"
                name = _written(modifier.doc[found.start : end], token, modifier)
                groups.append(group_actor(name, found.actor, _agent_code(token, vocabulary)))
    named = [g for g in groups if g.acts_for is not None and g.acts_for.kind in ("Organisation", "Group")]
    if named:  # "Osama bin Laden's al-Qaeda network": the body named is the group, its owner no second one
        groups = [g for g in groups if g.acts_for is None or g.acts_for.kind != "Person"]
    return list({g.key: g for g in groups}.values())


def _written(name: Span, noun: Token, modifier: Token) -> str:
    """The group's words as written, from its actor's name to its noun, with the modifiers
    between them ("European Union member states", "non-State armed groups") but without the
    other conjuncts of a coordinated modifier ("EU and US delegations" -> "EU delegations", "US
    delegations"): a coordinated modifier distributes over the head noun (Huddleston and Pullum
    2002, ch. 15 §2.2)."""
    coordinated = {t.i for c in (modifier, *modifier.conjuncts) for t in c.subtree if t.i >= name.end}
    coordinated |= {c.i for c in children(modifier) if c.dep_ == "cc"}
    between = [t for t in noun.doc[name.end : noun.i] if t.i not in coordinated and not t.is_punct]
    words = [*name, *between, noun]
    return "".join(t.text_with_ws if t.i + 1 == n.i else f"{t.text} " for t, n in pairwise(words)) + noun.text


def _place_prepositions(token: Token) -> Iterator[Token]:
    """The prepositions that place a group: "separatists in eastern Ukraine", "students throughout
    Indonesia", and those of a participle that locates it ("a newspaper based in Beirut")."""
    for child in children(token):
        if child.dep_ == "prep" and child.lower_ in GROUP_PREPOSITIONS:
            yield child
        elif child.dep_ == "acl" and child.lemma_.lower() in LOCATING_PARTICIPLES:
            yield from (c for c in children(child) if c.dep_ == "prep" and c.lower_ == "in")


def _agent_code(token: Token, vocabulary: Vocabulary) -> str | None:
    return vocabulary.agent_nouns.get(agent_noun(token, vocabulary.agent_nouns) or "")


def agent_noun(token: Token, agent_nouns: dict[str, str]) -> str | None:
    """The agent noun a token is, by its lemma; a capitalised plural the tagger made a proper noun
    ("the Indian occupation Forces", "Border Guards"), which the lemmatiser leaves as written, by
    its regular singular (Quirk et al. 1985, 5.77: the plural in -s, -es)."""
    lemma = token.lemma_.lower()
    if lemma in agent_nouns:
        return lemma
    if token.tag_ != "NNPS":
        return None
    word = token.lower_
    return next((w for w in (word[:-1], word[:-2]) if word.endswith("s") and w in agent_nouns), None)


def group_actor(name: str, actor: Actor, agent: str | None) -> Actor:
    """A group named as the text names it, acting for the actor it is named after; its CAMEO code
    is that actor's, with the agent code of its noun ("Palestinian youths" -> PSE + CVL)."""
    code = actor.code[:3] + agent if actor.code and agent and len(actor.code) == 3 else actor.code
    return Actor(f"actor/{slug(name)}", name, "Group", acts_for=actor, code=code)


def named_by_apposition(token: Token, titles: frozenset[str]) -> Actor | None:
    """'Vakulchik, head of the Belarusian KGB, warned ...': a name the tagger missed, known to
    be a person's by an apposition that is a title."""
    for child in children(token):
        if child.dep_ == "appos" and child.lemma_.lower() in titles:
            start = min(t.i for t in token.subtree if t.dep_ == "compound" or t.i == token.i)
            name = token.doc[start : token.i + 1].text
            return Actor(f"actor/{slug(name)}", name, "Person", role=child.text)
    return None
