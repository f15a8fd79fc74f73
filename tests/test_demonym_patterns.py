"""The actor ruler's token patterns are matched by `kg.extract.anchored_matcher` only from the
tokens where one may start: the same matches, in the same order, as spaCy's own `Matcher` with
the same patterns (whose demonym patterns match any first token, and keep the matches that start
at one of the doc's demonyms), on invented sentences with demonyms before titles, bodies,
designators, adjectives and agent nouns, and words that look like demonyms and are none; and on
random docs with patterns that use every operator."""

from __future__ import annotations

import random
from typing import Any

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.actors import DEMONYMS
from kg.extract.anchored_matcher import AnchoredMatcher
from kg.extract.pipeline import load_pipeline

TEXT = (
    "The Belarusian foreign minister met Polish officials and the Lithuanian Defence Ministry, "
    "while the Russian side and Ukrainian authorities said Israeli soldiers and young Hungarian "
    "border guards had left. Russian is spoken there; the Serb community and Estonian national "
    "parliament spoke to the German chancellor of the day, not to Swedish fish or a Chinese wall. "
    "The Minister of Foreign Affairs of the Republic of Belarus and Poland's foreign minister met "
    "the Ministry of Defence of Ukraine and Russia's defence ministry."
)


def spacy_matches(
    vocab: Vocab, patterns: dict[str, list[dict[str, Any]]], doc: Doc, anchors: set[int]
) -> list[tuple[str, int, int]]:
    """What spaCy's `Matcher` finds, a pattern with an empty first token kept where it starts at an anchor."""
    matcher = Matcher(vocab)
    for name, pattern in patterns.items():
        matcher.add(name, [pattern])
    found = [(vocab.strings[key], start, end) for key, start, end in matcher(doc)]
    return [(name, start, end) for name, start, end in found if patterns[name][0] or start in anchors]


def test_the_actor_patterns_match_as_spacy_matches_them() -> None:
    nlp = load_pipeline()
    patterns = nlp.get_pipe("actor_ruler").patterns
    doc: Doc = nlp(TEXT)
    demonyms: dict[int, str] = doc.user_data[DEMONYMS]
    expected = spacy_matches(nlp.vocab, patterns.token_patterns, doc, set(demonyms))
    assert patterns.matcher(doc, demonyms) == expected
    assert {name for name, *_ in expected} == set(patterns.token_patterns)  # the text reaches every pattern
    assert len(demonyms) >= 10


WORDS = ["a", "b", "c", "of", "the", "X"]
RANDOM_PATTERNS: dict[str, list[dict[str, Any]]] = {
    "anchored run": [{}, {"LOWER": {"IN": ["a", "b"]}, "OP": "+"}],
    "anchored optional": [{}, {"POS": "ADJ", "OP": "?"}, {"LOWER": {"IN": ["b", "c"]}, "OP": "+"}],
    "anchored any number": [{}, {"POS": "ADJ", "OP": "*"}, {"LEMMA": {"IN": ["c", "x"]}, "POS": "NOUN"}],
    "run then of the": [
        {"LOWER": {"IN": ["a", "b", "of"]}, "OP": "+"},
        {"LOWER": "of"},
        {"LOWER": "the", "OP": "?"},
        {"ORTH": "X"},
    ],
    "word then optional last": [{"ORTH": {"IN": ["X", "a"]}}, {"ORTH": "b", "OP": "?"}],
    "word then any last": [{"LOWER": "c"}, {"OP": "*"}],
    "two tests": [
        {"ORTH": "a", "POS": "NOUN"},
        {"LOWER": {"IN": ["b", "the"]}},
        {"ORTH": {"IN": ["X", "c"]}, "OP": "*"},
    ],
}


@pytest.mark.parametrize("seed", range(4))
def test_random_docs_match_as_spacy_matches_them(seed: int) -> None:
    rng = random.Random(seed)
    vocab = Vocab()
    matcher = AnchoredMatcher(RANDOM_PATTERNS)
    for _ in range(300):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(0, 14))]
        tags = [rng.choice(["ADJ", "NOUN", "PROPN"]) for _ in words]
        doc = Doc(vocab, words=words, pos=tags, lemmas=[w.lower() for w in words])
        anchors = {i for i in range(len(words)) if rng.random() < 0.3}
        assert matcher(doc, anchors) == spacy_matches(vocab, RANDOM_PATTERNS, doc, anchors), (words, tags, anchors)


def test_a_pattern_must_start_with_a_token_that_is_there() -> None:
    with pytest.raises(ValueError, match="first token"):
        AnchoredMatcher({"optional start": [{"ORTH": "a", "OP": "?"}, {"ORTH": "b"}]})
