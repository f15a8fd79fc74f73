"""One written form for characters that only look different, so that names match however they
were typed or pasted.

Two kinds of characters make a name that reads the same compare unequal:

- format characters (Unicode general category Cf): zero-width space and joiners (U+200B-U+200D),
  soft hyphens, byte order marks, bidirectional controls (U+202A-U+202E, U+2066-U+2069). They
  are invisible (Unicode's Default_Ignorable_Code_Point, which UTS #39 and IDNA's mapping drop
  before comparing identifiers), so a web page can hide one inside "Bela<U+200B>rus";
- width and font variants: fullwidth and halfwidth forms (U+FF01-U+FFEE, the ideographic
  space) and mathematical letters (U+1D400...), the compatibility decompositions that
  Unicode tags <wide>, <narrow> and <font>: "Ｂｅｌａｒｕｓ" and "𝐁𝐞𝐥𝐚𝐫𝐮𝐬" are "Belarus".

`fold` drops the first and replaces the second by the character they decompose to (one for
one: the offsets of the other characters move only by what was dropped). The other
compatibility forms (ligatures, ellipses, superscripts, fractions) are left as written: the
tokenizer reads them, and folding them would change the length of text it splits into
sentences.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

VARIANTS = r"\p{Decomposition_Type=Wide}\p{Decomposition_Type=Narrow}\p{Decomposition_Type=Font}"


@cache
def patterns() -> tuple[Any, Any, Any]:
    """The format characters (a run of them), the width and font variants, and any character
    that `fold` changes, by the regex module's Unicode properties (imported when first needed:
    0.04-0.06 CPU s, which a build's own process spares when every brief and name it folds is
    `plain`)."""
    import regex

    return regex.compile(r"\p{Cf}+"), regex.compile(f"[{VARIANTS}]"), regex.compile(rf"[\p{{Cf}}{VARIANTS}]")


def plain(text: str) -> bool:
    """Whether `text` holds only characters `fold` leaves alone, known without the regex module:
    below U+0600 but the soft hyphen (U+00AD, a format character), and the quotes, dashes and
    other General Punctuation U+2010-U+2027 and U+2030-U+205E (the format characters of that block
    lie outside those). No width or font variant is among them (a test checks every one)."""
    return text.isascii() or all(
        (c < "\u0600" and c != "\xad") or "\u2010" <= c <= "\u2027" or "\u2030" <= c <= "\u205e" for c in set(text)
    )


@lru_cache(maxsize=4096)
def _plain(character: str) -> str:
    """The character a width or font variant stands for (one, by Unicode's decomposition)."""
    plain = unicodedata.normalize("NFKC", character)
    return plain if len(plain) == 1 else character


def fold(text: str) -> str:
    """`text` without format characters, its width and font variants as plain characters."""
    if plain(text):
        return text  # nearly every text: no copy
    invisible, variant, folded = patterns()
    if not folded.search(text):
        return text
    return variant.sub(lambda m: _plain(m.group()), invisible.sub("", text))


class FoldedText:
    """A text folded (`fold`), with the way back from a position in the folded text to the
    position of the same character in the text as written."""

    def __init__(self, written: str) -> None:
        self.text = fold(written)
        # for each dropped character, in order, the position in the folded text it stood before
        self._gaps = array("q")  # 8 bytes each (not an int object's 28) for a text full of them
        dropped = 0
        for match in () if plain(written) else patterns()[0].finditer(written):
            for _ in range(match.end() - match.start()):
                self._gaps.append(match.start() - dropped)
            dropped += match.end() - match.start()

    def written(self, position: int) -> int:
        """Where the character at `position` of the folded text is in the written text
        (characters dropped right before it come before it)."""
        return position + bisect_right(self._gaps, position)

    def runs(self, start: int, length: int) -> Iterator[tuple[int, int, int]]:
        """The folded text's `start`..`start + length` as (offset from `start`, offset in the
        written text, length) runs, each copied from the written text up to `fold`'s
        replacements: one run unless a dropped character lies inside."""
        offset = 0
        at = bisect_right(self._gaps, start)
        while at < len(self._gaps) and self._gaps[at] < start + length:
            gap = self._gaps[at]
            yield offset, self.written(start + offset), gap - start - offset
            offset = gap - start
            while at < len(self._gaps) and self._gaps[at] == gap:
                at += 1
        yield offset, self.written(start + offset), length - offset
