"""Events whose agent the text does not name, coded with the state where they happened as source.

News reports violence and arrests without naming who acted: "a journalist has been killed in
a car bomb explosion in Beirut", "a roadside bombing near Samarra killed one soldier", "three
servicemen were killed by an improvised explosive device outside Basra", "a missionary was
arrested in Lebanon". CAMEO codes such events all the same, by where they took place:

- violence (roots 18-20: assault, fight, mass violence) by an agent nobody names, an agentless
  passive or a weapon, blast or attack as its cause, is the act of unidentified armed forces of
  the state where it happened: the state's code with CAMEO's agent code UAF, "Unidentified Armed
  Forces" (Manual 1.1b3, ch. 3, agent codes), as the PLOVER gold records code "a roadside bombing
  near the town of Samarra killed one U.S. soldier" (IRQUAF -> USAMIL);
- an act only a state's authorities perform, done to someone without naming who (roots 09,
  investigate, and 17, coerce: "was arrested in Lebanon", "has been put under investigation in
  Italy"), is the act of the state where it was done, as the PLOVER records code them (LBN,
  ITA), and as the gold guideline resolves "the Lebanese authorities" to the state.

The place is the first state, city or nationality named in a phrase of location ("in", "near",
"outside (of)", "at") on the verb, on its prepositional object, or on the cause ("the Iraqi city
of Basra"). An event with a
named agent, a person as its subject ("protesters attacked ..."; who they are is for the
resolver), a thing done to no one ("missiles were launched"), a relative clause ("a coup that
overthrows the president", which describes the coup) or without a place has no unnamed agent.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import demonym_of, mention_at
from kg.extract.clauses import Clause
from kg.extract.events import EventCoder
from kg.extract.implicit_passives import REFERENCE_VERBS, subjectless_passive
from kg.extract.parse_index import children
from kg.extract.statements import Actor
from kg.extract.subjects import PASSIVE_SUBJECT_DEPS
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary
from kg.identifiers import slug

VIOLENCE_ROOTS = ("18", "19", "20")
STATE_ACT_ROOTS = ("09", "17")
LOCATIVE_PREPOSITIONS = ("in", "near", "outside", "at", "inside", "around")
UNIDENTIFIED_ARMED_FORCES = "UAF"
PASSIVE_SUBJECTS = frozenset(PASSIVE_SUBJECT_DEPS)


def unnamed_agent_passives(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause without subjects for each passive verb that names no agent ("a journalist has
    been killed in Beirut"); the extractor gives it an unnamed agent (`UnnamedAgents`) or drops it.
    Verbs of referring are `kg.extract.implicit_passives`' (their agent is the discourse's)."""
    table = token_table(sentence.doc)  # a passive verb governs a passive subject (`subjectless_passive`)
    pos, lemma = table.pos, table.lemma
    passives = [
        i for i in range(sentence.start, sentence.end) if pos[i] == "VERB" and table.governs(i, PASSIVE_SUBJECTS)
    ]
    for verb in table.tokens(i for i in passives if lemma[i] not in REFERENCE_VERBS):
        if verb.pos_ != "VERB" or verb.lemma_.lower() in REFERENCE_VERBS:
            continue
        if clause := subjectless_passive(verb, vocabulary):
            yield clause


class UnnamedAgents:
    """The unnamed agent of a clause whose subjects name no actor, from its CAMEO code and place."""

    def __init__(self, vocabulary: Vocabulary, coder: EventCoder) -> None:
        self.vocabulary = vocabulary
        self.coder = coder
        self.states = {
            entry.actor.code: entry.actor
            for entry in vocabulary.actors.values()
            if entry.actor.kind == "Country" and entry.actor.code and len(entry.actor.code) == 3
        }

    def agent(self, clause: Clause) -> Actor | None:
        if any(self._names_someone(s) for s in clause.subjects) or not clause.objects:
            return None
        if not self._people(clause.objects[0]) or clause.predicate.dep_ == "relcl":
            return None  # "missiles were launched", "discussion was confined"; "a coup that overthrows"
        code = self.coder.code_clause(clause.predicate, clause.relation, clause.polarity, clause.modality)
        if code is None:
            return None
        violence = code.startswith(VIOLENCE_ROOTS)
        if not violence and not (code.startswith(STATE_ACT_ROOTS) and not clause.subjects):
            return None
        state = self._place(clause)
        if state is None:
            return None
        if not violence:
            return state
        name = f"unidentified armed forces in {state.name}"
        return Actor(f"actor/{slug(name)}", name, "Group", code=f"{state.code}{UNIDENTIFIED_ARMED_FORCES}")

    def _names_someone(self, subject: Token) -> bool:
        """A subject that names or describes who acted: a name, a pronoun, people ("gunmen",
        "protesters"), a cause with its author ("a Moscow-backed coup"); not a cause alone ("a
        roadside bombing", "an improvised explosive device")."""
        authors = [t for t in subject.subtree if t.i < subject.i and mention_at(t) is not None]
        return subject.pos_ != "NOUN" or bool(authors) or self._people(subject)

    def _people(self, token: Token) -> bool:
        """An actor, or a noun that names people (WordNet's noun.person, the agent and group nouns)."""
        noun = token.lemma_.lower()
        return (
            mention_at(token) is not None
            or noun in self.vocabulary.person_nouns
            or noun in self.vocabulary.agent_nouns
            or noun in self.vocabulary.group_nouns
        )

    def _place(self, clause: Clause) -> Actor | None:
        """The state of the first place named in a phrase of location on the verb or its causes."""
        for head in (clause.predicate, *clause.subjects):
            for prep in _locative_phrases(head):
                for token in prep.subtree:
                    state = self._state_at(token)
                    if state is not None:
                        return state
        return None

    def _state_at(self, token: Token) -> Actor | None:
        if demonym_of(token):
            return self.vocabulary.actors[demonym_of(token)].actor
        mention = mention_at(token)
        if mention is None or mention.actor.kind not in ("Country", "Place") or not mention.actor.code:
            return None
        return self.states.get(mention.actor.code[:3])


def _locative_phrases(head: Token) -> Iterator[Token]:
    """The phrases of location on a word, or on the object of its other prepositions ("put under
    investigation in Italy", where the parser hangs the place on the noun)."""
    for prep in children(head):
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in LOCATIVE_PREPOSITIONS:
            yield prep
            continue
        for pobj in children(prep):
            yield from (p for p in children(pobj) if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPOSITIONS)
