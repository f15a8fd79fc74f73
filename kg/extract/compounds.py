"""Agentive participle compounds: "Russia-occupied Crimea", "a Moscow-backed coup", "the US-led
coalition" give Russia -occupy-> Crimea, Russia -back-> coup, United States -lead-> coalition.

In a compound adjective of a noun and a past participle, the noun is the participle's agent and
the modified noun its patient ("man-made", "state-owned": Huddleston and Pullum 2002, ch. 19
§5.3, compound adjectives with a verbal base; Bauer 1983, 7.3). spaCy's English parse hangs the
noun on the participle as `npadvmod` (or `compound`) with a hyphen between them, and the
participle on the modified noun as `amod`. Only a first element that names an actor counts:
"state-owned", "battle-hardened" name none.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import mention_at
from kg.extract.clauses import Clause
from kg.extract.parse_index import sentence_of
from kg.extract.token_table import token_table

AGENT_DEPS = {"npadvmod", "compound", "nmod"}
# participles whose compound names a place or a relation, not an agent: "Vilnius-bound plane",
# "a Minsk-based think tank", "Moscow-born", "Kremlin-linked", "EU-related"
NOT_AGENTIVE = {
    "bound", "based", "born", "centred", "centered", "oriented", "focused", "linked", "related", "connected",
}  # fmt: skip


def participle_compounds(sentence: Span, _vocabulary: object = None) -> Iterator[Clause]:
    """A clause for each "Actor-participle noun" of the sentence."""
    table = token_table(sentence.doc)
    for token in table.tokens(
        i for i in range(sentence.start, sentence.end) if table.tag[i] == "VBN" and table.dep[i] == "amod"
    ):
        if token.tag_ != "VBN" or token.dep_ != "amod" or token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.lower_ in NOT_AGENTIVE:
            continue
        agent = hyphenated_agent(token)
        if agent is None:
            continue
        noun = token.head
        # the patient without the compound before it: "Moscow-backed coup" -> "coup"
        words = [t.text for t in token.doc[token.i + 1 : noun.i + 1] if not t.is_punct and t.dep_ != "det"]
        text = None if mention_at(noun) is not None else " ".join(words)
        yield Clause(token, token.lemma_.lower(), [agent], [noun], object_text=text)


def hyphenated_agent(participle: Token) -> Token | None:
    """The actor joined to the participle by a hyphen ("Moscow-backed"), or None."""
    hyphen = participle.doc[participle.i - 1] if participle.i > 0 else None
    if hyphen is None or hyphen.text != "-" or hyphen.i == sentence_of(participle).start:
        return None
    agent = participle.doc[hyphen.i - 1]
    if agent.head.i != participle.i or agent.dep_ not in AGENT_DEPS:
        return None
    mention = mention_at(agent)
    return agent if mention is not None and mention.end - 1 == agent.i else None
