"""Who "you" is in a quotation: "If you love terrorists ..., we advise you to ...," Erdogan said.

The second person refers to the addressee of the utterance (Huddleston and Pullum 2002, ch. 17
§2.1; Levinson 1983, ch. 2 on person deixis), as the quoted first person refers to the speaker
(`kg.extract.attribution`). The addressee is the one the speech verb names ("told Sweden",
"said to the Finns"); else, as a reader takes it, the actors the text was just talking about
other than the speaker and the speaker's state: the last coordinated subjects ("Sweden and
Finland applied ...": "your countries"), else the most salient other state or organisation. A
"you" outside quotation marks is generic ("if you look at the map") and no one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.attribution import Attributions
from kg.extract.coref import SalienceModel
from kg.extract.parse_index import children
from kg.extract.statements import Actor

SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves"}
PAIR_WINDOW = 2  # sentences back to the last coordinated subjects


def addressees(
    token: Token,
    attributions: Attributions,
    salience: SalienceModel,
    sentence: int,
    resolve: Callable[[Token], list[Actor]],
) -> list[Actor] | None:
    """The actors a quoted "you" stands for; None where the token is no quoted second person."""
    if token.lower_ not in SECOND_PERSON:
        return None
    act = next((token.doc[q.verb] for q in attributions.quotations if q.start <= token.i < q.end), None)
    if act is None:
        return None
    speakers = [a for t in attributions.speakers(act) for a in resolve(t)]
    named = [a for t in _named_addressees(act) for a in resolve(t)]
    if named:
        return named
    exclude = {a.key for a in speakers} | {a.acts_for.key for a in speakers if a.acts_for is not None}
    return salience.addressed(token.i, sentence, exclude, PAIR_WINDOW)


def _named_addressees(act: Token) -> list[Token]:
    """'told Sweden', 'said to the Finns': the addressee a speech verb names."""
    found = [c for c in children(act) if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")]
    found += [
        p for c in children(act) if c.dep_ == "prep" and c.lower_ == "to" for p in children(c) if p.dep_ == "pobj"
    ]
    return found
