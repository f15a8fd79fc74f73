"""Whether a text is English, the only language the extractor reads, and if not, which language
it is, so that a brief in another language is named and counted rather than read into silence
(a Russian brief decodes well and yields no statement).

Two steps, cheapest first:

- English prose is recognised by its function words (Grefenstette 1995, "Comparing two
  language identification schemes"; the short-word method): the commonest words of a language
  are its function words, and they make up a large, stable share of any running text in it.
  The words in `ontology/function_words.tsv` are the 25 commonest of the Oxford English Corpus
  with the inflections of "be", "have" and "do"; they are about a third of the words of English
  news and commentary (36-48% on this project's development briefs) and almost absent from texts
  in other languages, whatever their script (a few per cent in French or German, none in
  Russian). A sample at or above MIN_ENGLISH_SHARE is English and costs nothing more.
- A text below it is named by Lingua (`lingua-language-detector`, offline: its n-gram models
  are in the wheel), which also keeps an English text whose words are mostly names and numbers
  (a list of headlines): only a text Lingua names as another language is not read.

A text is judged only when it has enough words (MIN_WORDS) for either step to mean something.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from kg.ontology import ONTOLOGY_DIR

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20  # fewer words than this: too few to judge
MIN_ENGLISH_SHARE = 0.12  # English prose has 30-50%, a headline list about 15%
SAMPLE_WORDS = 20_000  # a brief's first words are enough to tell its language
DETECTOR_SAMPLE_CHARS = 3_000  # Lingua is sure of a language long before this


@lru_cache(maxsize=1)
def function_words(ontology_dir: Path = ONTOLOGY_DIR) -> frozenset[str]:
    """The words of `function_words.tsv` (comment lines first, then the header `word`)."""
    lines = (ontology_dir / "function_words.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return frozenset(rows[1:])


def function_word_share(text: str) -> tuple[float, int]:
    """The share of English function words among the first `SAMPLE_WORDS` words of `text`,
    and the number of words counted."""
    found = [match.group().lower() for match in islice(WORD.finditer(text), SAMPLE_WORDS)]
    function = sum(map(function_words().__contains__, found))
    return (function / len(found) if found else 0.0), len(found)


def foreign_language(text: str) -> str | None:
    """The name of the language `text` is written in ("Russian") when it is not English; None
    for English, and for a text too short to tell."""
    share, words = function_word_share(text)
    if words < MIN_WORDS or share >= MIN_ENGLISH_SHARE:
        return None
    language = _detector().detect_language_of(text[:DETECTOR_SAMPLE_CHARS])
    if language is None or language.name == "ENGLISH":
        return None
    return str(language.name).title()


def not_english(text: str) -> str | None:
    """Why `text` is not English, naming its language, or None when it is (or is too short to
    tell)."""
    language = foreign_language(text)
    if language is None:
        return None
    share, _ = function_word_share(text)
    return (
        f"it does not read as English ({share:.0%} of its words are English function words, "
        f"English has 30-50%): it is written in {language}"
    )


@cache
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
