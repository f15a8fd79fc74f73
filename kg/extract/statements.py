"""The statement record: one clause of a brief, as the extractor emits it and score.py reads it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

Polarity = Literal["positive", "negative"]
Modality = Literal["asserted", "reported", "intended", "possible"]
ActorKind = Literal["Country", "Organisation", "Person", "Group", "Place"]


@dataclass(frozen=True)
class Actor:
    """A canonical actor: `key` is its IRI path under the base ("actor/belarus")."""

    key: str
    name: str
    kind: ActorKind
    acts_for: Actor | None = None
    role: str | None = None
    code: str | None = None  # CAMEO actor code: "BLR", "BLRMIL", "IGOWSTNAT"


@dataclass(frozen=True)
class Statement:
    """Subject -relation-> object, with polarity, modality, date, source and the sentence it came from.

    `start` and `end` are character offsets of the sentence in the brief's file text; `sentence`
    is that text as the extractor read it (`kg.normalise.fold`: the same, unless the brief holds
    invisible format characters or fullwidth letters).
    The JSON form (`to_json`) has the fields score.py reads, plus the sentence, the event code and
    the target actor's name (None when the event is aimed at no actor).
    """

    doc: str
    segment: int
    subject: str
    relation: str
    object: str
    polarity: Polarity
    modality: Modality
    date: str | None
    sentence: str
    start: int
    end: int
    event: str | None = None  # CAMEO event code, see kg.extract.events
    target: str | None = None  # the actor the event is aimed at: the object, or its owner or recipient (targets)
    source: str | None = None  # who said so, for a statement inside what someone said (attribution)
    subject_actor: Actor = field(compare=False, repr=False, default=None)  # type: ignore[assignment]
    object_actor: Actor | None = field(compare=False, repr=False, default=None)
    target_actor: Actor | None = field(compare=False, repr=False, default=None)
    source_actor: Actor | None = field(compare=False, repr=False, default=None)

    def to_json(self) -> dict[str, object]:
        """The JSON fields in declaration order, without the actors (read field by field:
        `dataclasses.asdict` deep-copies the actors first, which took most of the time a build
        spends writing statements.jsonl)."""
        return {name: getattr(self, name) for name in JSON_FIELDS}


JSON_FIELDS = tuple(f.name for f in fields(Statement) if not f.name.endswith("_actor"))
