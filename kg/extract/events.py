"""CAMEO event coding of statements, from verb-pattern dictionaries kept as data in `ontology/`.

A statement's relation (a verb lemma, with its particle: "call for") is looked up in two tables:
the project's `event_verbs.tsv` and PETRARCH2's patterns in `cameo_verbs.tsv`. A row gives a
code for the verb alone (empty `words`) or for the verb followed, in its clause, by given words
("send ... peacekeepers" -> 074; a prepositional phrase as a phrase: "( to sanctions )", see
`kg.extract.verb_patterns`); the row whose words all occur in their order and are the most
numerous wins, as PETRARCH's longest-pattern rule does, and of equally long rows the project's.
Then:

- a negated statement gets no code: CAMEO codes events that happened (Manual 1.1b3, ch. 2), and
  "did not attack" is not an attack; refusals have their own verbs ("refuse", "reject": 12x);
- except that a refusal in the future of cooperation ("will not accept refugees", "would not
  provide support") is a rejection (120), as CAMEO codes a refusal to cooperate (root 12);
- a statement only possible ("may attack", "could send") gets no code either: it is speculation,
  not an event (PETRARCH2's validation records expect no event from "might want ...");
- a verb without a pattern for its object (none, or only one for the verb alone) that only
  starts or stops an event ("suspended aid deliveries", "lifted the curfew": `aspect_verbs.tsv`)
  takes the code of the event its object names (`event_nouns.tsv`: aid -> 070 when started,
  162 when stopped);
- the verb "demand" keeps CAMEO's root 10 when PETRARCH2's patterns give the parallel appeal
  (02x: "demanded a meeting" is 106, not 026);
- an intended statement ("is ready to send peacekeepers") is coded as the intent, by the root of
  the event intended (`cameo_intents.tsv`: 07 -> 033 "Express intent to provide material aid").

The codes' names, Goldstein values, quad classes and PLOVER categories are in `cameo.ttl`, which
the store loads; statements carry only the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from kg.extract.directives import is_request
from kg.extract.parse_index import children
from kg.extract.token_table import token_table
from kg.extract.verb_patterns import (
    Following,
    Pattern,
    PatternIndex,
    index_patterns,
    match_end,
    may_match,
    parse_pattern,
    positions_of,
)
from kg.extract.vocabulary import load_vocabulary, table_rows

TABLES = ("event_verbs.tsv", "cameo_verbs.tsv")  # in order of precedence
FUTURE_AUXILIARIES = {"will", "'ll", "would", "shall"}
FRAME_NOUNS = {"start", "end", "beginning", "outset", "eve", "close", "conclusion", "sidelines", "margins", "wake"}
REJECTION = "120"  # CAMEO "Reject, not specified below"
APPEAL = "020"  # CAMEO "Make an appeal or request, not specified below"


@lru_cache(maxsize=4)
def load_coder(ontology_dir: Path) -> EventCoder:
    patterns: dict[str, list[tuple[str, str]]] = {}  # a verb -> its rows' words and codes
    for table in TABLES:
        for row in table_rows(ontology_dir / table):
            patterns.setdefault(row["verb"], []).append((row["words"], row["code"]))
    intents = {row["root"]: row["intent"] for row in table_rows(ontology_dir / "cameo_intents.tsv")}
    nouns = {
        noun: {"start": row["start"] or None, "stop": row["stop"] or None}
        for row in table_rows(ontology_dir / "event_nouns.tsv")
        for noun in row["noun"].split("|")
    }
    aspects = {row["verb"]: row["aspect"] for row in table_rows(ontology_dir / "aspect_verbs.tsv")}
    return EventCoder(patterns, intents, load_vocabulary(ontology_dir).cues["intended"], EventNouns(nouns, aspects))


@dataclass(frozen=True)
class EventNouns:
    """Codes by the object noun, for verbs that only start or stop the event it names."""

    codes: dict[str, dict[str, str | None]]  # noun -> aspect ("start" / "stop") -> code
    aspects: dict[str, str]  # verb -> aspect

    def code(self, predicate: Token, relation: str) -> str | None:
        aspect = self.aspects.get(relation) or self.aspects.get(relation.split()[0])
        if aspect is None:
            return None
        for obj in _event_objects(predicate):
            compounds = [c.lower_ for c in obj.lefts if c.dep_ in ("compound", "amod")]
            of = [f"{obj.lower_} of {p.lower_}" for c in children(obj) if c.lower_ == "of" for p in children(c)]
            for noun in (*of, " ".join([*compounds[-1:], obj.lower_]), obj.lower_, obj.lemma_.lower()):
                if noun in self.codes and (code := self.codes[noun][aspect]):
                    return code
        return None


def _event_objects(predicate: Token) -> list[Token]:
    """The nouns that may name the event an aspect verb starts or stops, in this order: its object
    ("imposed a blockade", "a state of siege"), the object of "in" after a verb of taking part
    ("were engaged in ethnic cleansing", as PETRARCH2's patterns read "ENGAGE IN ..."), and its
    passive subject ("talks were resumed")."""
    found = [c for c in children(predicate) if c.dep_ == "dobj"]
    found += [p for c in children(predicate) if c.dep_ == "prep" and c.lower_ == "in" for p in children(c)]
    return [t for t in found if t.dep_ in ("dobj", "pobj")] + [c for c in children(predicate) if c.dep_ == "nsubjpass"]


class EventCoder:
    """Codes statements with the verb patterns of the tables, each verb's parsed and indexed the
    first time it is coded (`pattern`): the tables hold 7,014 patterns of 1,416 verbs, whose
    parsing took 0.04-0.06 CPU s of every worker's start, while a brief codes a few dozen verbs."""

    def __init__(
        self,
        patterns: dict[str, list[tuple[str, str]]],
        intents: dict[str, str],
        intent_cues: frozenset[str],
        nouns: EventNouns,
    ) -> None:
        self.patterns = patterns  # a verb -> the words and code of each of its patterns, unparsed
        self.intents = intents
        self.intent_cues = intent_cues
        self.nouns = nouns
        self.indexes: dict[str, PatternIndex] = {}  # a verb's patterns, parsed, by their first words

    def code(self, predicate: Token, relation: str, polarity: str, modality: str) -> str | None:
        """The CAMEO code of a statement, or None when it is not a CAMEO event. `modality` is the
        statement's, or "intended" for a future ("will send") that CAMEO codes as a commitment."""
        if modality == "possible":
            return None
        pattern = self.pattern(relation, predicate)
        base = pattern.code if pattern is not None and pattern.words else None
        # an event noun is as specific as a one-word pattern: it beats the verb alone ("eased emergency measures")
        base = base or self.nouns.code(predicate, relation) or (pattern.code if pattern is not None else None)
        if polarity == "negative":
            cooperation = base is not None and "03" <= base[:2] <= "08"
            return REJECTION if cooperation and modality == "intended" else None
        if base is not None and relation == "demand" and base.startswith("02"):
            base = "10" + base[2:]  # CAMEO's appeals (02x) and demands (10x) run parallel: a demand is 10x
        if base is None or modality != "intended":
            return base
        return self.intents.get(base[:2], base)

    def code_clause(self, predicate: Token, relation: str, polarity: str, modality: str) -> str | None:
        """The code of a clause: of its own verb, or, when that verb is no CAMEO event, of the
        verb that controls it ("promised to continue aid" is a promise: 030)."""
        modality = "intended" if self._commits(predicate) else modality
        if is_request(predicate):  # "wants Russia to withdraw": a request to Russia (kg.extract.directives)
            return APPEAL if polarity == "positive" and modality != "possible" else None
        code = self.code(predicate, relation, polarity, modality)
        if code is None and predicate.dep_ == "xcomp" and polarity == "positive":
            head = predicate.head
            head_modality = "intended" if self._commits(head) else modality
            code = self.code(head, head.lemma_.lower(), polarity, head_modality)
        return code

    def _commits(self, predicate: Token) -> bool:
        """A future or an intent, even inside a report ("X is ready to send troops, Y said")."""
        controller = predicate.head if predicate.dep_ == "xcomp" else None
        return is_future(predicate) or (controller is not None and controller.lemma_.lower() in self.intent_cues)

    def pattern(self, relation: str, predicate: Token) -> Pattern | None:
        """The longest pattern of the relation whose words follow the predicate in their order
        (`kg.extract.verb_patterns`); of equally long ones, the one whose words end nearest the
        verb ("issued an ultimatum ... to halt attacks"). The words are read only for a relation
        with patterns."""
        verb = relation if self.patterns.get(relation) else relation.split()[0]
        if not self.patterns.get(verb):
            return None
        index = self.indexes.get(verb)
        if index is None:
            parsed = [parse_pattern(words, code) for words, code in self.patterns[verb]]
            index = self.indexes[verb] = index_patterns(parsed)
        best: tuple[int, int] | None = None
        found: Pattern | None = None
        following = following_words(predicate)
        positions = positions_of(following)
        for pattern in index.plausible(positions):
            if not may_match(pattern, positions):
                continue
            end = match_end(pattern, following, positions)
            if end is None:
                continue
            rank = (len(pattern.words), -(following[end].token.i if end >= 0 else 0))
            if best is None or rank > best:
                best, found = rank, pattern
        return found


def is_future(predicate: Token) -> bool:
    """ "will send", "would allow", "is to visit": a commitment, which CAMEO codes as intent
    (Manual 1.1b3, ch. 2: future statements are coded as intents, not as the event)."""
    aux = {c.lower_ for c in children(predicate) if c.dep_ in ("aux", "auxpass")}
    return bool(aux & FUTURE_AUXILIARIES)


def following_words(predicate: Token) -> list[Following]:
    """The words after a predicate in its clause, in order, each as written and as its lemma, in
    lower case. Phrases that only frame the event in time or place ("at the
    start of a regional trip", "on the sidelines of the summit") are left out: "made his remarks
    at the start of a trip" is no trip. Nor are the words of an adverbial clause ("declared a state
    of siege, arresting political opponents"): it is an event of its own, and PETRARCH2 matches a
    verb's patterns within its verb phrase, not in the clauses adjoined to it."""
    table = token_table(predicate.doc)
    frames = {
        t
        for prep in children(predicate)
        if prep.dep_ == "prep"
        for pobj in children(prep)
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in FRAME_NOUNS
        for t in table.subtree(prep.i)
    }
    adverbial = {t for child in children(predicate) if child.dep_ == "advcl" for t in table.subtree(child.i)}
    left_out = frames | adverbial
    doc, lower, lemma = predicate.doc, table.lower, table.lemma
    return [
        Following(frozenset((lower[t], lemma[t])), doc[t])
        for t in table.subtree(predicate.i)
        if t > predicate.i and t not in left_out
    ]
