"""Which state a nationality word names: the vocabulary's demonyms ("Belarusian", and its plural
"Palestinians"), and the forms it lacks, found by their stem.

The country tables give one demonym per state ("Argentinean", "Serbian", "Kirghiz"), while news
writes "Argentine", "Serb" and "Kyrgyz". A capitalised word that is no known demonym names the
state whose one-word name or demonym it shares a stem with: a common prefix of at least
`MIN_STEM` letters that leaves at most `MAX_TAIL` letters of the word over ("Serb" ~ "Serbia",
"Argentine" ~ "Argentina", "Kyrgyz" ~ "Kyrgyzstan", "Croats" ~ "Croatia"). The longest shared
prefix wins, then the shorter name. This is the suffix-stripping idea of stemmers (Porter 1980)
applied against a closed list; multi-word names take no part, so "Western" is not Western Sahara.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract.vocabulary import Vocabulary

MIN_STEM = 4
MAX_TAIL = 2
NATIONALITY_ENTITIES = frozenset(get_string_id(label) for label in ("NORP", "GPE"))
ADJECTIVE = get_string_id("ADJ")  # `Doc.to_array`'s coarse tag of an adjective


class Demonyms:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.exact: dict[str, str] = {}
        forms: dict[str, str] = {}
        for key, entry in sorted(vocabulary.actors.items()):
            if entry.actor.kind != "Country":
                continue
            for demonym in entry.demonyms:
                self.exact.setdefault(demonym, key)
                self.exact.setdefault(demonym.lower(), key)
            for form in (entry.actor.name, *entry.demonyms):  # not capitals: "Islamic" is not "Islamabad"
                if " " not in form and form.isalpha():
                    forms.setdefault(form.lower(), key)
        self._forms = sorted(forms.items(), key=lambda item: (len(item[0]), item[0]))
        self._found: dict[str, str | None] = {}
        self._exact_words = frozenset(get_string_id(word) for word in self.exact)

    def in_doc(self, doc: Doc) -> dict[int, str]:
        """Token index -> the key of the state of each demonym of a doc: a word listed as one, or
        a nationality word (a NORP or GPE entity, an adjective outside entities) that names a
        state. Read from the doc's arrays of word, tag and entity hashes (`Doc.to_array`): a
        spaCy `Token` made for each word cost more than the rest."""
        strings = doc.vocab.strings
        states: dict[int, str] = {}
        for index, (word, tag, entity) in enumerate(doc.to_array(["ORTH", "POS", "ENT_TYPE"]).tolist()):
            nationality = entity in NATIONALITY_ENTITIES or (tag == ADJECTIVE and not entity)
            if (word in self._exact_words or nationality) and (state := self.state_of(strings[word])):
                states[index] = state
        return states

    def state_of(self, word: str) -> str | None:
        """The key of the state a demonym names, exactly or (capitalised words only) by stem."""
        known = self.exact.get(word) or self.exact.get(word.removesuffix("s"))
        if known is not None or not (word[:1].isupper() and word.isalpha() and len(word) >= MIN_STEM):
            return known
        if word not in self._found:
            self._found[word] = self._by_stem(word.lower().removesuffix("s"))
        return self._found[word]

    def _by_stem(self, word: str) -> str | None:
        best: tuple[int, str] | None = None
        for form, key in self._forms:
            shared = _shared_prefix(word, form)
            if shared >= MIN_STEM and len(word) - shared <= MAX_TAIL and (best is None or shared > best[0]):
                best = (shared, key)
        return best[1] if best else None


def _shared_prefix(first: str, second: str) -> int:
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            return index
    return min(len(first), len(second))
