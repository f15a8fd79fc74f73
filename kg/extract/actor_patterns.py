"""The patterns that find actor mentions, built once from the actor vocabulary.

Two kinds, matched differently because they cost differently:

- the vocabulary's names (each actor's prefLabel and altLabels, as written or with the first
  word capitalised, as at a sentence start) are exact token sequences: spaCy's `PhraseMatcher`
  on ORTH finds all of them in one pass over the doc, whatever their number;
- the phrases made of a state's name or demonym and a word of the lexicon ("the Belarusian
  authorities", "Ministry of Defence of Belarus", "Poland's foreign minister", "Israeli
  soldiers") need per-token predicates (is the token a demonym, a state's name, an adjective, a
  noun with this lemma): a handful of token patterns in spaCy's `Matcher` syntax, one per shape,
  whose lexicon part is a run of lexicon words (`IN` lists) that is then checked to be one of the
  lexicon's phrases. One pattern per phrase would cost a state per phrase per token. They are
  matched as spaCy's `Matcher` matches them, but only from the tokens where one may start (a
  demonym, a state's name, a word of a title or body: `kg.extract.anchored_matcher`).

`ActorPatterns.matches` gives each span with the keys that matched it, in the order that decides
between them: the vocabulary's actors in their order, then an office, an agent group, the state
itself, a body (the order in which the patterns were once added to a single Matcher, whose last
match for the same tokens won).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.anchored_matcher import AnchoredMatcher
from kg.extract.vocabulary import Vocabulary

STATE_KEY = "state"
BODY_KEY = "body"
OFFICE_KEY = "office"
AGENT_KEY = "agent"
PATTERN_KEYS = (OFFICE_KEY, AGENT_KEY, STATE_KEY, BODY_KEY)  # later wins over earlier for the same tokens
POSSESSIVE = {"'s", "’s", "'", "’"}

Phrases = frozenset[tuple[str, ...]]
TokenPattern = dict[str, Any]  # one token of a spaCy Matcher pattern
PartFinder = Callable[[Doc, int, int], Iterator[tuple[int, int]]]  # where in a match the phrase may be


@dataclass(frozen=True)
class Shape:
    """One token pattern: the key it finds, and which tokens of a match must be a lexicon phrase."""

    key: str
    phrases: Phrases
    part: PartFinder


def _after_first(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """<demonym> <phrase>"""
    yield start + 1, end


def _after_first_and_adjective(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """<demonym> [<adjective>] <phrase>"""
    yield start + 1, end
    if end - start > 2 and doc[start + 1].pos_ == "ADJ":
        yield start + 2, end


def _after_possessive(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """<state> 's <phrase>"""
    yield start + 2, end


def _before_of_state(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """<phrase> of [the] <state>"""
    yield start, end - 3 if doc[end - 2].lower_ == "the" else end - 2


class ActorPatterns:
    """Finds the spans that name actors; which actor each is, `kg.extract.actors` decides."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary, state_words: list[str]) -> None:
        self.keys = [*vocabulary.actors, *PATTERN_KEYS]
        self.rank = {key: number for number, key in enumerate(self.keys)}
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, entry in vocabulary.actors.items():
            variants: set[tuple[str, ...]] = set()
            for label in entry.labels:
                words = [t.text for t in nlp.tokenizer(label)]
                variants |= {tuple(words), (words[0][:1].upper() + words[0][1:], *words[1:])}
            self.names.add(key, [Doc(nlp.vocab, words=list(words)) for words in sorted(variants)])

        def lowered(phrases: set[str]) -> Phrases:
            return frozenset(tuple(t.lower_ for t in nlp.tokenizer(phrase)) for phrase in phrases)

        titles = lowered({title for office in vocabulary.offices.values() for title in office.titles})
        bodies = lowered(set(vocabulary.bodies))
        designators = lowered(set(vocabulary.designators))
        # a demonym: a first token that is one of the doc's demonyms, which `matches` is given
        demonym: TokenPattern = {}
        state: TokenPattern = {"ORTH": {"IN": state_words}}
        possessive: TokenPattern = {"ORTH": {"IN": sorted(POSSESSIVE)}}
        of_the: list[TokenPattern] = [{"LOWER": "of"}, {"LOWER": "the", "OP": "?"}]

        def run(phrases: Phrases) -> TokenPattern:
            return {"LOWER": {"IN": sorted({word for phrase in phrases for word in phrase})}, "OP": "+"}

        self.shapes: dict[str, Shape] = {}
        shapes: dict[str, tuple[str, Phrases, PartFinder, list[TokenPattern]]] = {
            "office after demonym": (OFFICE_KEY, titles, _after_first, [demonym, run(titles)]),
            "office after state's": (OFFICE_KEY, titles, _after_possessive, [state, possessive, run(titles)]),
            "office of state": (OFFICE_KEY, titles, _before_of_state, [run(titles), *of_the, state]),
            "state designator": (STATE_KEY, designators, _after_first, [demonym, run(designators)]),
            "body after demonym": (
                BODY_KEY,
                bodies,
                _after_first_and_adjective,
                [demonym, {"POS": "ADJ", "OP": "?"}, run(bodies)],
            ),
            "body of state": (BODY_KEY, bodies, _before_of_state, [run(bodies), *of_the, state]),
            "body after state's": (BODY_KEY, bodies, _after_possessive, [state, possessive, run(bodies)]),
        }
        self.token_patterns: dict[str, list[TokenPattern]] = {}  # in spaCy's `Matcher` syntax
        for name, (key, phrases, part, pattern) in shapes.items():
            self.shapes[name] = Shape(key, phrases, part)
            self.token_patterns[name] = pattern
        agent_nouns = sorted(n for n in vocabulary.agent_nouns if " " not in n)
        agent: list[TokenPattern] = [demonym, {"POS": "ADJ", "OP": "*"}, {"LEMMA": {"IN": agent_nouns}, "POS": "NOUN"}]
        self.token_patterns[AGENT_KEY] = agent
        self.matcher = AnchoredMatcher(self.token_patterns)

    def matches(self, doc: Doc, demonyms: Collection[int]) -> list[tuple[int, int, list[str]]]:
        """Each matched span (start, end) with the keys that matched it, weakest first.
        `demonyms`: the indices of the doc's demonyms (the tokens that name a state's people)."""
        strings = doc.vocab.strings
        found: dict[tuple[int, int], set[str]] = {}
        for match_id, start, end in self.names(doc):
            found.setdefault((start, end), set()).add(strings[match_id])
        for name, start, end in self.matcher(doc, demonyms):
            shape = self.shapes.get(name)
            if shape is None or any(
                tuple(t.lower_ for t in doc[first:last]) in shape.phrases
                for first, last in shape.part(doc, start, end)
                if first < last
            ):
                found.setdefault((start, end), set()).add(shape.key if shape else name)
        return [(start, end, sorted(keys, key=self.rank.__getitem__)) for (start, end), keys in found.items()]
