"""Identifiers: the readable IRI segment (`slug`) made from a brief's id, an actor's or a theme's
name. Reading, extraction, the graph and the views all name things this way, so it sits below
them all."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """A readable IRI segment: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
