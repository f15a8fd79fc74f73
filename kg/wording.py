"""Counts as the user reads them: "1 brief", "5 briefs", "0 statements"."""

from __future__ import annotations


def counted(number: object, noun: str) -> str:
    """`number` and `noun`, in the plural unless the number is one (the nouns kg counts, brief,
    statement, triple, take a plain -s)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
