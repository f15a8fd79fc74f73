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
- a paragraph that opens with a name standing alone on the line before it is an author blurb;
- a brief with no such paragraph (a headline-style brief, a one-line lead without its full
  stop) is read line by line where the lines are prose (`kg.read.headlines`).

Offsets: each segment's text is its paragraphs joined by blank lines, and `source_offset` maps
a character position in the segment back to the brief's text: the file's text as
`kg.read.sources.read_text` gives it (decoded, line breaks as "\n", HTML reduced to text). The reader
reads the brief folded (`kg.normalise.fold`: invisible format characters dropped, fullwidth and
font variants as plain letters), so that "Bela<U+200B>rus" and "Ｂｅｌａｒｕｓ" are Belarus; a
segment's text is folded, and the offsets step over what was dropped.

Long articles: spaCy refuses texts over `nlp.max_length` (a million characters), its memory grows
with the length of the docs in a batch, and the extractor's time grows faster than the length of
a doc; so an article longer than `MAX_SEGMENT_CHARS` comes as several segments with the same
number, cut between paragraphs (inside a paragraph only when one paragraph alone is too long:
after its last sentence end that fits, else at a space). 20,000 characters is longer than nearly
every brief (the seeds are 2-8,000), so pieces, which lose the coreference and narrative date
across the cut, are rare; a 20 MB brief is parsed as a thousand bounded docs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from kg.normalise import FoldedText
from kg.read.header_dates import find_header_date, header_year, leading_stamp
from kg.read.headlines import headline_lines
from kg.read.sources import brief_text

SEGMENT_BREAK = re.compile(r"^\s*(similar|related|more|recommended) (articles|posts|stories)\s*$", re.I)
FOOTER_START = re.compile(r"subscribe|successfully subscribed|newsletter", re.I)
TEASER_LINK = re.compile(r"\bread more\s*$", re.I)
BULLET = re.compile(r"^\s*[•\-*–·▪●]\s+")
SENTENCE_END = re.compile(r"[.!?…:\"”’)\]]\s*$")
NOT_A_TITLE = re.compile(r"^(image|photo|source|by|category|tags?)\b|:\s*$|\.(jpe?g|png|gif|webp)$", re.I)
SENTENCE_GAP = re.compile(r"[.!?…][\"”’)\]]*(?P<gap>\s+)")  # where a too long paragraph is cut
GAP = re.compile(r"(?P<gap>\s+)")
WORD = re.compile(r"\S+")
MIN_BODY_WORDS = 8
MAX_NAME_WORDS = 4  # an author's name on a line of its own (author blurbs)
PARAGRAPH_SEPARATOR = "\n\n"
MAX_SEGMENT_CHARS = 20_000


@dataclass(frozen=True)
class Segment:
    """One article of a brief: the main one (number 1) or one pasted below it (2, 3 ...); or a
    piece of one, when the article is longer than `MAX_SEGMENT_CHARS`."""

    number: int
    title: str
    date: str | None
    text: str
    # (offset in `text`, offset in the brief's file text, length) for each run of a paragraph
    # copied from the brief (one run, unless the brief holds characters `kg.normalise` drops)
    paragraphs: tuple[tuple[int, int, int], ...] = ()

    def source_offset(self, position: int, end: bool = False) -> int:
        """Map a character position in `text` to the brief's text: a start to where its
        character is, an end (`end=True`, exclusive) to right after the character before it.
        They differ where a dropped character lies between the two."""
        for start, source_start, length in self.paragraphs:
            if (start < position <= start + length) if end else (start <= position < start + length):
                return source_start + position - start
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
        """The number of words, counted up to one more than any rule asks about (so a line of
        20 MB costs no list of millions of words)."""
        return sum(1 for _ in islice(WORD.finditer(self.text), MIN_BODY_WORDS + 1))


def read_briefs(files: Iterable[Path]) -> Iterator[Brief]:
    """Yield the brief of each file (as `kg.read.sources.brief_files` lists them), one at a time."""
    for file in files:
        yield parse_brief(file.stem, brief_text(file), file)


def parse_brief(doc: str, text: str, path: Path | None = None, max_chars: int = MAX_SEGMENT_CHARS) -> Brief:
    """Split a brief's text into segments and keep each one's title, date and body; no
    segment's text is longer than `max_chars`. The brief is read folded (`kg.normalise`)."""
    folded = FoldedText(text)
    lines = _lines(folded.text)
    segments = [
        piece
        for number, chunk in enumerate(_split_segments(lines), start=1)
        for piece in _segment(number, chunk, max_chars, folded)
    ]
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


def _segment(number: int, lines: list[_Line], max_chars: int, folded: FoldedText) -> Iterator[Segment]:
    first_body = next((i for i, line in enumerate(lines) if _is_body(line)), len(lines))
    footer = next(
        (i for i in range(first_body, len(lines)) if FOOTER_START.search(lines[i].text) and not _is_body(lines[i])),
        len(lines),
    )
    lines = lines[:footer]
    body = _drop_author_blurbs(_drop_teasers([line for line in lines if _is_body(line)]), lines)
    if not body:  # no paragraph of prose: a headline-style brief, a lead without its full stop
        body = [lines[i] for i in headline_lines([line.text for line in lines])]
    header = [line for line in lines if not body or line.offset < body[0].offset]
    date, stamp = _publication_date(lines, body)
    title = _title(header) or (BULLET.sub("", body[0].text)[stamp:] if body else "")
    paragraphs = []
    for number_in_body, line in enumerate(body):
        text = BULLET.sub("", line.text)
        text = text[stamp:] if number_in_body == 0 else text
        paragraphs.extend(_cut(text, line.offset + len(line.text) - len(text), max_chars))  # a suffix of the line
    for piece in _pack(paragraphs, max_chars):
        yield _join(number, title, date, piece, folded)


def _publication_date(lines: list[_Line], body: list[_Line]) -> tuple[str | None, int]:
    """The segment's date and the length of the stamp that leads its first paragraph (0 if
    none): the header's date, read in the lines above the first paragraph of prose (a bulleted
    title is no prose), else a stamp or wire dateline before the first sentence, which is cut
    off the paragraph (it is no part of the sentence), else a date on a line of its own before
    the second paragraph (a title asking a question ends like a sentence and reads as the first)."""
    prose = [line.offset for line in body if not BULLET.match(line.text)][:2]
    header = [line.text for line in lines if not prose or line.offset < prose[0]]
    stamped, stamp = leading_stamp(BULLET.sub("", body[0].text), header_year(header)) if body else (None, 0)
    below_title = [line.text for line in lines if not _is_body(line) and len(prose) > 1 and line.offset < prose[1]]
    return find_header_date(header) or stamped or find_header_date(below_title), stamp


def _cut(text: str, source: int, max_chars: int) -> Iterator[tuple[str, int]]:
    """A paragraph as (text, offset in the brief) pieces of at most `max_chars`."""
    start = 0
    while len(text) - start > max_chars:
        end, resume = _cut_point(text, start, start + max_chars)
        yield text[start:end], source + start
        start = resume
    yield text[start:], source + start


def _cut_point(text: str, start: int, limit: int) -> tuple[int, int]:
    """Where the piece from `start` ends and the next begins: at the whitespace after the last
    sentence end before `limit`, else at the last whitespace before it, else at `limit`."""
    for pattern in (SENTENCE_GAP, GAP):
        gaps = [m.start("gap") for m in pattern.finditer(text, start, limit + 1)]
        if gaps and gaps[-1] > start:
            return gaps[-1], GAP.match(text, gaps[-1]).end()  # type: ignore[union-attr]
    return limit, limit


def _pack(paragraphs: list[tuple[str, int]], max_chars: int) -> Iterator[list[tuple[str, int]]]:
    """Consecutive paragraphs in groups whose joined text fits in `max_chars`."""
    group: list[tuple[str, int]] = []
    length = 0
    for paragraph in paragraphs:
        added = len(paragraph[0]) + (len(PARAGRAPH_SEPARATOR) if group else 0)
        if group and length + added > max_chars:
            yield group
            group, length, added = [], 0, len(paragraph[0])
        group.append(paragraph)
        length += added
    if group:
        yield group


def _join(number: int, title: str, date: str | None, paragraphs: list[tuple[str, int]], folded: FoldedText) -> Segment:
    spans, position = [], 0
    for text, source in paragraphs:
        spans.extend((position + offset, written, length) for offset, written, length in folded.runs(source, len(text)))
        position += len(text) + len(PARAGRAPH_SEPARATOR)
    return Segment(number, title, date, PARAGRAPH_SEPARATOR.join(text for text, _ in paragraphs), tuple(spans))


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
    """Drop each paragraph that a later one starts with. The texts that start with a paragraph
    are found by binary search among the distinct texts, sorted, each with the last place it
    has, so a brief of 100,000 paragraphs (or of one paragraph 100,000 times) takes no longer
    than it must."""
    last: dict[str, int] = {line.text: i for i, line in enumerate(body)}
    texts = sorted(last)
    kept = []
    for i, line in enumerate(body):
        stem = line.text.rstrip(".… ").strip()
        at = bisect_left(texts, stem)
        while at < len(texts) and texts[at].startswith(stem) and last[texts[at]] <= i:
            at += 1
        if not (at < len(texts) and texts[at].startswith(stem)):
            kept.append(line)
    return kept


def _drop_author_blurbs(body: list[_Line], lines: list[_Line]) -> list[_Line]:
    """Drop each paragraph that opens with a name (two to four words) standing alone on a line."""
    names = {line.text for line in lines if 2 <= line.words <= MAX_NAME_WORDS and not SENTENCE_END.search(line.text)}
    return [line for line in body if not any(opening in names for opening in _openings(line.text))]


def _openings(text: str) -> Iterator[str]:
    """The first two to four words of a text, as written, each where a space follows them."""
    for count, word in enumerate(islice(WORD.finditer(text), MAX_NAME_WORDS), start=1):
        if count >= 2 and text.startswith(" ", word.end()):
            yield text[: word.end()]
