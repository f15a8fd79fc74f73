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
from functools import lru_cache

import regex

INVISIBLE = regex.compile(r"\p{Cf}+")
VARIANTS = r"\p{Decomposition_Type=Wide}\p{Decomposition_Type=Narrow}\p{Decomposition_Type=Font}"
VARIANT = regex.compile(f"[{VARIANTS}]")
FOLDED = regex.compile(rf"[\p{{Cf}}{VARIANTS}]")  # any character that `fold` changes


@lru_cache(maxsize=4096)
def _plain(character: str) -> str:
    """The character a width or font variant stands for (one, by Unicode's decomposition)."""
    plain = unicodedata.normalize("NFKC", character)
    return plain if len(plain) == 1 else character


def fold(text: str) -> str:
    """`text` without format characters, its width and font variants as plain characters."""
    if not FOLDED.search(text):
        return text  # nearly every text: no copy
    return VARIANT.sub(lambda m: _plain(m.group()), INVISIBLE.sub("", text))


class FoldedText:
    """A text folded (`fold`), with the way back from a position in the folded text to the
    position of the same character in the text as written."""

    def __init__(self, written: str) -> None:
        self.text = fold(written)
        # for each dropped character, in order, the position in the folded text it stood before
        self._gaps = array("q")  # 8 bytes each (not an int object's 28) for a text full of them
        dropped = 0
        for match in INVISIBLE.finditer(written):
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
