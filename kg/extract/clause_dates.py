"""The date of a clause: the date expression attached to its predicate, resolved against the
segment's date and the narrative date (`kg.dates`, `kg.extract.relative_dates`).

What someone said is dated by the saying, unless it names its own time: TimeML links a reported
event to its REPORTING event (Pustejovsky et al. 2003, SLINKs of evidential verbs), and the
reporting event is what the text dates ("Sweden should not expect support, the president said
on Monday": Monday). A speech act with no date of its own told in the present tense ("the
ministry says", "Pakistan maintains") happens at the document's time (TempEval's event-DCT
relation: a present-tense event OVERLAPs the document creation time); one told in the past
happens when the speaker's last dated statement did, else when the narrative is.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg import dates
from kg.extract.parse_index import children, sentence_of
from kg.extract.relative_dates import resolve_deictic, resolve_relative
from kg.extract.statements import Actor

PRESENT_TENSE = {"VBZ", "VBP"}


def clause_date(predicate: Token, entities: list[Span], anchor: str | None, narrative: str | None) -> str | None:
    """The date expression attached nearest to the predicate (itself, then the verbs above it),
    else the sentence's only date if no other clause holds it. "Three days later" and "the same
    day" count from the narrative date, other expressions from the segment's date (`anchor`).
    `entities`: the sentence's named entities."""
    # a date before a noun dates that noun's event ("a 2016 coup attempt"), not the clause
    candidates = [ent for ent in entities if ent.label_ == "DATE" and not _attributive(ent)]
    if not candidates:
        return None  # most sentences name no date: no walk up from the predicate
    levels = [predicate, *predicate.ancestors]
    governed = sorted(
        (ent for ent in candidates if _governing_predicate(ent.root) in levels),
        key=lambda ent: levels.index(_governing_predicate(ent.root)),
    )
    # the sentence's only date, unless another clause's verb holds it ("as he revealed in an
    # interview on 31 March, he stated that they must ...": the interview's date, not theirs)
    only = [
        ent
        for ent in candidates
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(_governing_predicate(ent.root)))
    ]
    for ent in governed or (only if len(candidates) == 1 else []):
        past = predicate.tag_ in ("VBD", "VBN")
        resolved = (
            resolve_deictic(ent.text, anchor)
            or resolve_relative(
                ent.text,
                narrative if narrative and len(narrative) == 10 else anchor,
                future=_is_future(predicate),
            )
            or dates.resolve_in_narrative(ent.text, anchor, narrative, past=past)
        )
        if resolved:
            return resolved
    return None


class SpeechDates:
    """The dates of one segment's speech acts, with each speaker's last dated one: news names the
    day of a speaker's statement once ("..., Erdogan said on Monday") and later adds more of it
    ("Erdogan also said"), said on that day (the AP Stylebook's attribution practice: the day
    is given with the first attribution)."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}  # speaker's key -> the date of their last dated speech act

    def date_of(
        self, act: Token, speaker: Actor | None, entities: list[Span], anchor: str | None, narrative: str | None
    ) -> str | None:
        """The date of a speech act: its own date expression ("said on Monday"), else the
        document's date for a speech verb in the present tense ("says", "maintains"), else the
        date of the speaker's last dated speech act, else the narrative date. `entities`: the
        named entities of the sentence the act stands in."""
        try:
            own = clause_date(act, entities, anchor, narrative) if act.pos_ in ("VERB", "AUX") else None
        except dates.OutOfCalendar:
            own = None
        if own:
            if speaker is not None:
                self.last[speaker.key] = own
            return own
        if act.tag_ in PRESENT_TENSE and not any(c.dep_ in ("aux", "auxpass") for c in children(act)):
            return anchor
        return (self.last.get(speaker.key) if speaker is not None else None) or narrative


def _is_future(predicate: Token) -> bool:
    """A clause told in the future tense ("will meet", "is to meet", "is going to meet")."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "to") for c in children(predicate))


def _attributive(date: Span) -> bool:
    """A date that modifies a noun it stands before ("a 2016 coup attempt", "the 2003 Ceasefire
    Understanding"): an attributive modifier belongs to the noun phrase (Huddleston and Pullum
    2002, ch. 5 §14), not to the clause around it."""
    head = date.root.head
    return date.root.dep_ in ("compound", "nummod", "amod") and head.pos_ in ("NOUN", "PROPN") and date.end <= head.i


def _governing_predicate(token: Token) -> Token:
    """The token itself if it is a verb, else the nearest verb above it, else the sentence's root."""
    if token.pos_ == "VERB":
        return token
    return next((t for t in token.ancestors if t.pos_ == "VERB"), sentence_of(token).root)
