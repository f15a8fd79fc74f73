"""Read analytical briefs (plain-text copies of think-tank web pages) into typed records.

A brief page is a header (navigation, category, title, date, image credits), the article body,
page clutter (newsletter boxes, "Read more" teasers, author blurbs) and sometimes further
articles pasted below a "Similar articles" line. The reader keeps the prose and drops the rest
with layout heuristics that hold for web pages in general rather than for one site:

- a body paragraph is a line of at least eight words that ends like a sentence (or is a bullet
  item); titles, captions, sub-headings and navigation rarely do (the same cue boilerplate
  removers such as jusText use: short, punctuation-less blocks are "bad" blocks);
- a paragraph that a later paragraph starts with (minus a trailing ellipsis) is a teaser;
- a line ending in "Read more" is a link to another article;
- everything after a newsletter sign-up line is the page footer;
- a paragraph that opens with a name standing alone on the line before it is an author blurb.

Offsets: each segment's text is its paragraphs joined by blank lines, and `source_offset` maps
a character position in the segment back to the brief's file text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.dates import find_header_date

SEGMENT_BREAK = re.compile(r"^\s*(similar|related|more|recommended) (articles|posts|stories)\s*$", re.I)
FOOTER_START = re.compile(r"subscribe|successfully subscribed|newsletter", re.I)
TEASER_LINK = re.compile(r"\bread more\s*$", re.I)
BULLET = re.compile(r"^\s*[•\-*–·▪●]\s+")
SENTENCE_END = re.compile(r"[.!?…:\"”’)\]]\s*$")
NOT_A_TITLE = re.compile(r"^(image|photo|source|by|category|tags?)\b|:\s*$|\.(jpe?g|png|gif|webp)$", re.I)
MIN_BODY_WORDS = 8
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Segment:
    """One article of a brief: the main one (number 1) or one pasted below it (2, 3 ...)."""

    number: int
    title: str
    date: str | None
    text: str
    # (offset in `text`, offset in the brief's file text, length) for each paragraph
    paragraphs: tuple[tuple[int, int, int], ...] = ()

    def source_offset(self, position: int) -> int:
        """Map a character position in `text` to the brief's file text."""
        for start, source_start, length in self.paragraphs:
            if start <= position <= start + length:
                return source_start + position - start
        return position


@dataclass(frozen=True)
class Brief:
    """A brief: its id (the file stem), the main article's title and date, and its segments."""

    doc: str
    path: Path
    title: str
    date: str | None
    segments: tuple[Segment, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Line:
    text: str
    offset: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_briefs(path: Path) -> Iterator[Brief]:
    """Yield the briefs of one `.txt` file, or of every `.txt` file below a folder, by name."""
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    for file in files:
        yield parse_brief(file.stem, file.read_text(encoding="utf-8"), file)


def parse_brief(doc: str, text: str, path: Path | None = None) -> Brief:
    """Split a brief's text into segments and keep each one's title, date and body."""
    lines = _lines(text)
    segments = [_segment(number, chunk) for number, chunk in enumerate(_split_segments(lines), start=1)]
    segments = [s for s in segments if s.text]
    main = segments[0] if segments else Segment(1, "", None, "")
    return Brief(doc, path or Path(doc), main.title, main.date, tuple(segments))


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lines.append(_Line(stripped, offset + raw.index(stripped)))
        offset += len(raw)
    return lines


def _split_segments(lines: list[_Line]) -> list[list[_Line]]:
    chunks: list[list[_Line]] = [[]]
    for line in lines:
        if SEGMENT_BREAK.match(line.text):
            chunks.append([])
        else:
            chunks[-1].append(line)
    return chunks


def _is_body(line: _Line) -> bool:
    if line.words < MIN_BODY_WORDS or TEASER_LINK.search(line.text):
        return False
    return bool(SENTENCE_END.search(line.text) or BULLET.match(line.text))


def _segment(number: int, lines: list[_Line]) -> Segment:
    first_body = next((i for i, line in enumerate(lines) if _is_body(line)), len(lines))
    footer = next(
        (i for i in range(first_body, len(lines)) if FOOTER_START.search(lines[i].text) and not _is_body(lines[i])),
        len(lines),
    )
    lines = lines[:footer]
    body = _drop_author_blurbs(_drop_teasers([line for line in lines if _is_body(line)]), lines)
    header = [line for line in lines if not body or line.offset < body[0].offset]
    title = _title(header)
    date = find_header_date([line.text for line in header])
    paragraphs, parts, position = [], [], 0
    for line in body:
        text = BULLET.sub("", line.text)
        source = line.offset + line.text.index(text)
        paragraphs.append((position, source, len(text)))
        parts.append(text)
        position += len(text) + len(PARAGRAPH_SEPARATOR)
    return Segment(number, title, date, PARAGRAPH_SEPARATOR.join(parts), tuple(paragraphs))


def _title(header: list[_Line]) -> str:
    """The longest header line that is not a date, a credit or a label: titles are the
    longest non-sentence line of a page header; navigation and categories are shorter."""
    candidates = [
        line.text
        for line in header
        if line.words >= 3
        and not _is_body(line)
        and not NOT_A_TITLE.search(line.text)
        and not find_header_date([line.text])
    ]
    return max(candidates, key=len, default="")


def _drop_teasers(body: list[_Line]) -> list[_Line]:
    kept = []
    for i, line in enumerate(body):
        stem = line.text.rstrip(".… ").strip()
        if any(later.text.startswith(stem) for later in body[i + 1 :]):
            continue
        kept.append(line)
    return kept


def _drop_author_blurbs(body: list[_Line], lines: list[_Line]) -> list[_Line]:
    short_lines = {line.text for line in lines if line.words <= 4 and not SENTENCE_END.search(line.text)}
    return [
        line
        for line in body
        if not any(line.text.startswith(name + " ") and len(name.split()) >= 2 for name in short_lines)
    ]
