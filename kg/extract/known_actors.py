"""People and bodies by name: PETRARCH2's country dictionary as a table (`ontology/known_actors.tsv`).

An actor the vocabulary lacks and whose description names no state ("President Bush",
"President Laurent Gbagbo ... in Abidjan") is coded as PETRARCH2's actor dictionaries code it:
by its name, or by its title and name as the dictionary lists them ("PRESIDENT BUSH"), and acts
for the state of the code's first block. The dictionary codes a person by the government role
it held (`scripts/import_petrarch_actors.py`); names that two states' entries share are not in
the table.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from kg.extract.statements import Actor
from kg.extract.vocabulary import Vocabulary, table_rows


@lru_cache(maxsize=4)
def load_known_actors(ontology_dir: Path) -> dict[str, str]:
    """Upper-case name -> CAMEO code."""
    return {row["name"]: row["code"] for row in table_rows(ontology_dir / "known_actors.tsv")}


class KnownActors:
    def __init__(self, codes: dict[str, str], vocabulary: Vocabulary) -> None:
        self.codes = codes
        self.states = {
            entry.actor.code: entry.actor
            for entry in vocabulary.actors.values()
            if entry.actor.kind == "Country" and entry.actor.code and len(entry.actor.code) == 3
        }

    def coded(self, actor: Actor) -> Actor:
        """The actor with the code and state the dictionary gives its name, or as it was."""
        names = [f"{actor.role} {actor.name}", actor.name] if actor.role else [actor.name]
        code = next((self.codes[key] for n in names if (key := " ".join(n.upper().split())) in self.codes), None)
        state = self.states.get(code[:3]) if code else None
        if state is None:  # unknown, or coded for a state of the past ("USRBLR": Soviet Belarus)
            return actor
        return replace(actor, code=code, acts_for=actor.acts_for or state)
