"""Identifiers: the readable IRI segment (`slug`) made from a brief's id, an actor's or a theme's
name. Reading, extraction, the graph and the views all name things this way, so it sits below
them all."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from typing import Any

from kg.normalise import fold


@cache
def name_part() -> Any:
    """What a name's hash is made of: runs of letters, marks, digits and symbols (the regex
    module, imported when a name first needs it: names in Latin letters never do)."""
    import regex

    return regex.compile(r"[\p{L}\p{M}\p{N}\p{S}]+")


def slug(text: str) -> str:
    """A readable IRI segment: ASCII, lower case, words joined by hyphens; the same for the
    same name in every build, different for different names in any script.

    A name in Latin letters loses only its accents ("Côte d'Ivoire" -> cote-d-ivoire). A name
    with letters, digits or symbols that have no ASCII decomposition (Cyrillic, Greek, "Ł")
    is transliterated (`anyascii`) and ends with a hash of its letters, digits and symbols, so
    names that transliterate alike stay apart ("Лукашэнка" -> lukashenka-<hash>, "Lukashenka"
    -> lukashenka). Invisible and width variants do not count (`kg.normalise.fold`), nor does case;
    diacritics outside Latin do, since they make letters of their own there (й and и, ў and у).
    """
    decomposed = unicodedata.normalize("NFKD", fold(text))
    if not any(not c.isascii() and unicodedata.category(c)[0] in "LNS" for c in decomposed):
        return _hyphenated(decomposed.encode("ascii", "ignore").decode()) or "x"
    composed = unicodedata.normalize("NFC", unicodedata.normalize("NFC", decomposed).casefold())
    digest = hashlib.blake2s("-".join(name_part().findall(composed)).encode(), digest_size=4).hexdigest()
    from anyascii import anyascii  # (names in Latin letters never need it: 0.013 CPU s to import)

    readable = _hyphenated(anyascii(composed).replace("'", ""))  # "Вильнюс" is vil'nyus
    return f"{readable}-{digest}" if readable else digest


def _hyphenated(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
