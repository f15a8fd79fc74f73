"""People and bodies by name: PETRARCH2's country dictionary as a table (`ontology/known_actors.tsv`).

An actor the vocabulary lacks and whose description names no state ("President Bush",
"President Laurent Gbagbo ... in Abidjan") is coded as PETRARCH2's actor dictionaries code it:
by its name, or by its title and name as the dictionary lists them ("PRESIDENT BUSH"), and acts
for the state of the code's first block. The dictionary codes a person by the government role
it held (`scripts/import_petrarch_actors.py`); names that two states' entries share are not in
the table. A name of two words or more that is one edit from exactly one entry, in one word of
at least `MIN_MISSPELT_LENGTH` letters, is that entry: news copy transliterates and misspells
names ("Francois Mitterand"), as the project reads misspelt state names (`kg.extract.actors`;
OSA distance, rapidfuzz).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.tokens import Span

from kg.extract.statements import Actor
from kg.extract.vocabulary import Vocabulary, table_rows
from kg.identifiers import slug

MIN_MISSPELT_LENGTH = 6  # letters of the misspelt word


def initials(name: str) -> str:
    """The first letter of each word: the dictionary's 20,340 names are filed by theirs at every
    worker's start (a list, not a generator, to join: 0.017 -> 0.011 CPU s)."""
    return "".join([word[0] for word in name.split()])


@lru_cache(maxsize=4)
def load_known_actors(ontology_dir: Path) -> dict[str, str]:
    """Upper-case name -> CAMEO code."""
    return {row["name"]: row["code"] for row in table_rows(ontology_dir / "known_actors.tsv")}


class KnownActors:
    def __init__(self, codes: dict[str, str], vocabulary: Vocabulary) -> None:
        self.codes = codes
        self.by_initials: dict[str, list[str]] = {}
        for name in codes:
            self.by_initials.setdefault(initials(name), []).append(name)
        self.states = {
            entry.actor.code: entry.actor
            for entry in vocabulary.actors.values()
            if entry.actor.kind == "Country" and entry.actor.code and len(entry.actor.code) == 3
        }
        self._misspellings: dict[str, str | None] = {}  # a name -> the code `_misspelt` found for it

    def coded(self, actor: Actor) -> Actor:
        """The actor with the code and state the dictionary gives its name, or as it was."""
        names = [f"{actor.role} {actor.name}", actor.name] if actor.role else [actor.name]
        keys = [" ".join(n.upper().split()) for n in names]
        code = next((self.codes[key] for key in keys if key in self.codes), None) or self._misspelt(keys[-1])
        state = self.states.get(code[:3]) if code else None
        if state is None:  # unknown, or coded for a state of the past ("USRBLR": Soviet Belarus)
            return actor
        return replace(actor, code=code, acts_for=actor.acts_for or state)

    def with_noun_after(self, name: Span) -> tuple[Span, Actor] | None:
        """A name and the noun after it, where the dictionary lists the two as one actor: "the
        Bush administration" (USAGOV), "the Assad regime" (SYRGOV). The tagger names only the
        person; PETRARCH2 matches the longest phrase its dictionary lists (Norris et al. 2017),
        and the government named after its leader is the state's government, not the person."""
        doc = name.doc
        if name.end >= len(doc) or doc[name.end].pos_ not in ("NOUN", "PROPN"):
            return None
        written = f"{name.text} {doc[name.end].text}"
        code = self.codes.get(" ".join(written.upper().split()))
        state = self.states.get(code[:3]) if code else None
        if state is None:
            return None
        actor = Actor(f"actor/{slug(written)}", written, "Organisation", acts_for=state, code=code)
        return doc[name.start : name.end + 1], actor

    def _misspelt(self, key: str) -> str | None:
        """The code of the one entry whose name `key` misspells by one edit in one word of
        `MIN_MISSPELT_LENGTH` letters or more, the other words as written, if exactly one.
        Remembered by name: the same names come back brief after brief, and each look-up
        compares the name with every entry of its initials (40 µs)."""
        if key not in self._misspellings:
            self._misspellings[key] = self._closest(key)
        return self._misspellings[key]

    def _closest(self, key: str) -> str | None:
        words = key.split()
        if len(words) < 2 or not any(len(w) >= MIN_MISSPELT_LENGTH for w in words):
            return None
        candidates = [
            name
            for name in self.by_initials.get(initials(key), [])
            if all(a == b or len(a) >= MIN_MISSPELT_LENGTH for a, b in zip(words, name.split(), strict=True))
        ]
        found = process.extract(key, candidates, scorer=OSA.distance, score_cutoff=1, limit=2)
        return self.codes[found[0][0]] if len(found) == 1 else None
