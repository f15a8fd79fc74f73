"""The date of a performative: a speech act told in the simple present by the body that speaks.

"The Council condemns ...", "the Allies call on Belarus to ...", "we stand in solidarity with
...": in a statement or press release, a speech act in the simple present is performed by
uttering it (Austin 1962, "How to Do Things with Words": explicit performatives take the simple
present), so it happens at the document's time; TimeML relates such events to the document
creation time (TempEval's event-DCT task: present-tense events OVERLAP the DCT). Only verbal
events count, CAMEO's verbal cooperation and verbal conflict (roots 01-05, 10-13: statements,
appeals, intents, consultations, praise; demands, disapproval, rejection, threats), and only
asserted ones with no auxiliary: "Belarus is building a base" or "may condemn" are not
performed by being said.
"""

from __future__ import annotations

from functools import cache

from kg.extract.clauses import Clause
from kg.extract.parse_index import children
from kg.extract.vocabulary import table_rows
from kg.ontology import ONTOLOGY_DIR

VERBAL_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13"}
SIMPLE_PRESENT = {"VBZ", "VBP"}


def performative_date(clause: Clause, event_code: str | None, segment_date: str | None) -> str | None:
    """The segment's date for a speech act performed in the simple present, else None."""
    predicate = clause.predicate
    if segment_date is None or len(segment_date) != 10 or event_code is None or event_code[:2] not in VERBAL_ROOTS:
        return None
    if predicate.tag_ not in SIMPLE_PRESENT or clause.modality != "asserted" or clause.relation not in performatives():
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in children(predicate)):
        return None
    return segment_date


@cache
def performatives() -> frozenset[str]:
    """The speech-act verbs of `ontology/performative_verbs.tsv`."""
    return frozenset(row["verb"] for row in table_rows(ONTOLOGY_DIR / "performative_verbs.tsv"))
