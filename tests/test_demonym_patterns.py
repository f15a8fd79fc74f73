"""The actor ruler's token patterns that start with a demonym match any first token and keep the
matches that start at one of the doc's demonyms (`ActorPatterns.matches`): the same matches as
a Matcher whose first token reads the demonym from an extension attribute, as they were found
before, on invented sentences with demonyms before titles, bodies, designators, adjectives and
agent nouns, and words that look like demonyms and are none."""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from kg.extract.actors import DEMONYMS
from kg.extract.pipeline import load_pipeline

TEXT = (
    "The Belarusian foreign minister met Polish officials and the Lithuanian Defence Ministry, "
    "while the Russian side and Ukrainian authorities said Israeli soldiers and young Hungarian "
    "border guards had left. Russian is spoken there; the Serb community and Estonian national "
    "parliament spoke to the German chancellor of the day, not to Swedish fish or a Chinese wall."
)
EXTENSION = "kg_test_demonym"


def test_the_demonym_patterns_match_as_with_an_extension_predicate() -> None:
    nlp = load_pipeline()
    patterns = nlp.get_pipe("actor_ruler").patterns
    doc: Doc = nlp(TEXT)
    demonyms: dict[int, str] = doc.user_data[DEMONYMS]
    if not Token.has_extension(EXTENSION):
        Token.set_extension(EXTENSION, default="")
    for index, state in demonyms.items():
        doc[index]._.set(EXTENSION, state)
    extension = Matcher(nlp.vocab)
    for name in sorted(patterns.after_demonym):
        [pattern] = patterns.matcher.get(name)[1]
        extension.add(name, [[{"_": {EXTENSION: {"NOT_IN": [""]}}}, *pattern[1:]]])
    strings = nlp.vocab.strings
    expected = {(strings[key], start, end) for key, start, end in extension(doc)}
    found = {
        (strings[key], start, end)
        for key, start, end in patterns.matcher(doc)
        if strings[key] in patterns.after_demonym and start in demonyms
    }
    assert found == expected
    assert {name for name, *_ in expected} == patterns.after_demonym  # the text reaches every shape
    assert len(demonyms) >= 10
