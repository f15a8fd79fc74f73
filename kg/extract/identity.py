"""One node per actor: the names a brief gives one body, group or office become one actor.

Event data count actors, so one body written three ways is three actors unless the names are
brought to one canonical form, as PETRARCH2's actor dictionaries do by listing every variant of
a name under one code, and as CAMEO codes a state's bodies by the state and an agent code
(Manual 1.1b3, ch. 3):

- a state body's name is "<Demonym> <Body>" with the body in one word order and spelling:
  "Ministry of Defence of Belarus", "Belarus' Ministry of Defense" and "the Belarusian Defence
  Ministry" are all "Belarusian Defence Ministry"; "Ministry of Foreign Affairs" is "Foreign
  Ministry" (`canonical_body`);
- the members a body speaks through are the body: "Defence Ministry representatives", like
  "a representative of the Defence Ministry", are the ministry;
- a body named in the plural is the state or organisation it acts for: "the EU and US
  delegations" are the EU and the US (several delegations are not the one delegation a text
  may name later, and one node per body forbids a second "US delegations" node beside it: the
  state is what CAMEO codes for its bodies, Manual 1.1b3 ch. 3);
- a bare ministry's name ("the Foreign Ministry") is the ministry of the state the text is
  about: the state its actor mentions name most (`home_state`), as a reader completes it;
- "Rumor has it that ...", "Word has it": the hearsay formula's subject is no actor
  (`is_hearsay_subject`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.parse_index import children
from kg.extract.statements import Actor
from kg.extract.vocabulary import Vocabulary
from kg.identifiers import slug

MEMBER_NOUNS = frozenset(
    {"representative", "official", "spokesman", "spokeswoman", "spokesperson", "officer", "member"}
)
SPELLING = {"defense": "defence"}
MINISTRY_OF = re.compile(r"^ministry of (?:the )?(\w+)(?: affairs)?$")


def canonical_body(body: str) -> str:
    """ "Ministry of Defense" -> "Defence Ministry", "ministry of foreign affairs" -> "Foreign
    Ministry"; other bodies keep their words, in British spelling ("Defense Ministry")."""
    words = [SPELLING.get(w.lower(), w) for w in body.split()]
    lowered = " ".join(w.lower() for w in words)
    found = MINISTRY_OF.match(lowered)
    if found:
        return f"{found[1].title()} Ministry"
    return " ".join(w.title() if w.lower() != w or w in SPELLING.values() else w for w in words)


def home_state(actors: Iterable[Actor]) -> Actor | None:
    """The state a text is about: the one its actor mentions name (or act for) most often."""
    counts: Counter[str] = Counter()
    states: dict[str, Actor] = {}
    for actor in actors:
        state = actor if actor.kind == "Country" else actor.acts_for
        if state is not None and state.kind == "Country":
            counts[state.key] += 1
            states[state.key] = state
    return states[counts.most_common(1)[0][0]] if counts else None


def canonical(actor: Actor, home: Actor | None, vocabulary: Vocabulary) -> Actor:
    """The one actor a name stands for (see the module's rules)."""
    patron = actor.acts_for
    words = actor.name.split()
    if patron is None or len(words) < 2:
        return _completed(actor, home, vocabulary)
    member = _singular(words[-1]).lower() in MEMBER_NOUNS
    if patron.kind == "Organisation" and member and actor.name.startswith(patron.name):
        return patron  # "Belarusian Defence Ministry representatives"
    singular = _singular(words[-1])
    if singular != words[-1] and singular.lower() in vocabulary.bodies:
        return patron  # "US delegations", "EU delegations"
    return actor


def _completed(actor: Actor, home: Actor | None, vocabulary: Vocabulary) -> Actor:
    """A bare ministry's name completed with the state the text is about ("the Foreign Ministry")."""
    bare = actor.name.removeprefix("the ")
    if actor.kind != "Organisation" or actor.code is not None or home is None:
        return actor
    if bare.lower() not in vocabulary.bodies or "ministry" not in bare.lower().split():
        return actor
    demonym = vocabulary.demonym_of(home.key) or home.name
    return _body(demonym, canonical_body(bare), home, vocabulary)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _body(written_state: str, body: str, state: Actor, vocabulary: Vocabulary) -> Actor:
    """A body of a state, named and coded as `kg.extract.actors` names a body it matches."""
    name = f"{written_state} {body}"
    agent = vocabulary.agent_nouns.get(body.split()[-1].lower(), "GOV")
    code = f"{state.code}{agent}" if state.code and len(state.code) == 3 else state.code  # IGOs keep theirs
    return Actor(f"actor/{slug(name)}", name, "Organisation", acts_for=state, code=code)


def is_hearsay_subject(token: Token) -> bool:
    """'Rumor has it that ...': the subject of "have" with the object "it" and a clause."""
    head = token.head
    return (
        token.dep_ == "nsubj"
        and head.lemma_.lower() == "have"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in children(head))
        and any(c.dep_ in ("ccomp", "advcl") or c.lower_ == "that" for c in head.subtree if c.i > token.i)
    )
