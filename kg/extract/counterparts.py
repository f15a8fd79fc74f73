"""'Nausėda and his Latvian counterpart', 'the minister met her Polish counterpart': the person who
holds, in the state a demonym names, the office the possessor holds.

"Counterpart" is a relational noun (Löbner 1985, functional nouns; Barker 1995, "Possessive
Descriptions"): its referent is fixed by its relatum, the possessor, and the modifier names the
state the office is in. Diplomatic news uses it for office holders meeting their peers ("the
foreign minister met his Polish counterpart"); the person is named by the possessor's title, or
by "counterpart" where that is unknown, and acts for the state.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.actors import demonym_of
from kg.extract.parse_index import children
from kg.extract.statements import Actor
from kg.extract.vocabulary import Vocabulary
from kg.identifiers import slug

COUNTERPART_NOUNS = {"counterpart", "opposite number"}


def counterpart(token: Token, vocabulary: Vocabulary, resolve: Callable[[Token], list[Actor]]) -> Actor | None:
    """The office holder a "<demonym> counterpart" names, or None (no demonym, no counterpart).
    `resolve` reads the possessor ("his": the person he is)."""
    if token.lemma_.lower() not in COUNTERPART_NOUNS:
        return None
    demonym = next((c for c in token.lefts if demonym_of(c) in vocabulary.actors), None)
    if demonym is None:
        return None
    state = vocabulary.actors[demonym_of(demonym)].actor
    owners = [a for c in children(token) if c.dep_ == "poss" for a in resolve(c)]
    role = next((a.role for a in owners if a.kind == "Person" and a.role), None) or token.text
    name = f"{demonym.text} {role.lower() if role[:1].isupper() and ' ' not in role else role}"
    return Actor(f"actor/{slug(name)}", name, "Person", acts_for=state, role=role)
