"""Whether a text is English, the only language the extractor reads.

Stopword-based language identification (Grefenstette 1995, "Comparing two language
identification schemes"; the short-word method): the commonest words of a language are its
function words, and they make up a large, stable share of any running text in it. The words
in `ontology/function_words.tsv` are the 25 commonest of the Oxford English Corpus with the
inflections of "be", "have" and "do"; they are about a third of the words of English news and commentary (36-48% on this
project's development briefs) and almost absent from texts in other languages, whatever their
script (a few per cent in French or German, none in Russian). A text is judged only when it
has enough words for the share to mean something.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.ontology import ONTOLOGY_DIR

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 40  # fewer words than this: too few to judge
MIN_ENGLISH_SHARE = 0.12  # English prose has 30-50%, a headline list about 15%
SAMPLE_WORDS = 20_000  # a brief's first words are enough to tell its language


@lru_cache(maxsize=1)
def function_words(ontology_dir: Path = ONTOLOGY_DIR) -> frozenset[str]:
    """The words of `function_words.tsv` (comment lines first, then the header `word`)."""
    lines = (ontology_dir / "function_words.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return frozenset(rows[1:])


def function_word_share(text: str) -> tuple[float, int]:
    """The share of English function words among the first `SAMPLE_WORDS` words of `text`,
    and the number of words counted."""
    known = function_words()
    words = 0
    function = 0
    for match in WORD.finditer(text):
        words += 1
        function += match.group().lower() in known
        if words >= SAMPLE_WORDS:
            break
    return (function / words if words else 0.0), words


def not_english(text: str) -> str | None:
    """Why `text` is not English, or None when it is (or is too short to tell)."""
    share, words = function_word_share(text)
    if words < MIN_WORDS or share >= MIN_ENGLISH_SHARE:
        return None
    return f"it does not read as English ({share:.0%} of its words are English function words, English has 30-50%)"
