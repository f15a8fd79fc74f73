"""The read stage of a build: each brief file to a `Brief` to extract, or to an `Outcome` that
says why there is nothing to extract from it.

The build reads every file itself, in file order, and hands the extraction stage `Brief`
objects only (text and id; `kg.build.parallel`'s workers never open a file). A file that can no
longer be read (removed or changed since it was listed) is left out of the build, named, like
a brief that fails in extraction; a brief that yields no body text (every line read as a title,
heading or page clutter) or whose text is not English (`kg.read.language`) is kept as a brief
without statements, and named with the reason, never dropped in silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.build.parallel import Outcome
from kg.read import Brief, SourceError, brief_text, not_english, parse_brief

NO_BODY = "no body text: every line was read as a title, heading, caption or page clutter"


def read_stage(files: Iterable[Path]) -> Iterator[Brief | Outcome]:
    """A `Brief` for each file with text to extract, else its `Outcome`, one file at a time."""
    for path in files:
        try:
            text = brief_text(path)
        except SourceError as error:
            yield Outcome(Brief(path.stem, path, "", None), failure=str(error).removeprefix(f"{path}: "))
            continue
        brief = parse_brief(path.stem, text, path)
        if not brief.segments:
            yield Outcome(brief, without_text=NO_BODY)
        elif reason := not_english("\n".join(segment.text for segment in brief.segments[:3])):
            yield Outcome(brief, without_text=f"no text to read: {reason}")
        else:
            yield brief
