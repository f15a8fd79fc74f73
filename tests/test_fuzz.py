"""Property-based tests (hypothesis): random and adversarial input to the brief reader and the
extractor never raises, ends in time, and every offset kg writes points where it says.

Each example has a deadline (`DEADLINE`, wall clock, hypothesis' own check once it returns) and
the reader and the extractor run under a CPU-time limit of the same length (`cpu_limit`), which
stops a loop that never ends, so a hang fails its example instead of the whole suite. Besides
random characters, the extractor gets sentences of every shape a brief has (`sentence_shapes`).

Deterministic in CI: `derandomize=True` draws the same examples on every run (no example
database is kept). `KG_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py` searches harder.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from cpu_limit import cpu_limit
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sentence_shapes import text_of_shapes
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.normalise import fold
from kg.read.briefs import Brief, Segment, parse_brief, read_briefs
from kg.read.decoding import LINE_BREAK, SIGNATURES, NotText, decode
from kg.read.html_text import html_to_text
from kg.read.sources import SourceError, brief_files, read_text

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "60"))
# an example takes well under a second; a few seconds leave room for a slow CI machine
DEADLINE = float(os.environ.get("KG_FUZZ_DEADLINE", "5"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=DEADLINE),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module", autouse=True)
def pipeline() -> Language:
    """Loaded before the first example, whose deadline its seconds would otherwise spend."""
    return load_pipeline()


# ---- strategies: text that looks like briefs, and text that tries to break them --------------
ACTORS = ["Belarus", "Minsk", "Lukashenko", "Alexander Lukashenko", "Russia", "the Kremlin", "NATO", "Poland"]
ACTORS += ["the European Union", "Lithuania", "Vladimir Makei", "the Ministry of Defence", "they", "he", "both sides"]
VERBS = ["proposed", "refused", "met", "did not support", "may sanction", "plans to attack", "said", "criticised"]
OBJECTS = ["a meeting", "the talks", "Vilnius", "sanctions", "the border crossing", "peacekeepers", "it", "Moscow"]
PUNCTUATION = [".", ",", ";", "!", "?", "…", ":", " — ", " (", ")", "«", "»", "“", "”", "’s", '"', "'", "-"]
WHITESPACE = [
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "\x85",
    "\u3000",
]
CLUTTER = ["Similar articles", "Read more", "Subscribe to our newsletter", "• ", "- ", "Image: x_27022015.jpg"]
CLUTTER += ["April 22, 2016 18:58", "On 16 December", "last week", "Category:", "Jonas Petraitis", "\ufeff"]
ODD = [
    "\u200b",
    "\u0301",
    "ǅ",
    "ﬁ",
    "🇧🇾",
    "𝔅𝔢𝔩𝔞𝔯𝔲𝔰",
    "İ",
    "ß",
    "Ⅻ",
    "\u202e",
    "١٢",
    "Минск",
    "Łukaszenka",
    "<b>",
    "&amp;",
]
noise = st.sampled_from(PUNCTUATION + WHITESPACE + CLUTTER + ODD) | st.text(max_size=12)
sentence = st.builds(
    lambda s, v, o, tail: f"{s} {v} {o}{tail}",
    st.sampled_from(ACTORS),
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
    st.sampled_from([".", " on 3 March 2016.", " last year.", "…", "", " and Russia supported it.", "?"]),
)
# paragraphs of sentences with noise between them, under a header, separated by any line break
paragraph = st.builds(
    lambda parts, last: " ".join([*parts, last]),
    st.lists(st.one_of(sentence, sentence, noise), min_size=1, max_size=7),
    sentence,
)
separator = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r", "\n \n", "\u2029", "\x85", " "])
brief_like = st.lists(st.tuples(st.one_of(paragraph, paragraph, noise), separator), min_size=1, max_size=16).map(
    lambda parts: "Belarus and its neighbours\nApril 22, 2016\n\n" + "".join(p + s for p, s in parts)
)
briefs = st.one_of(brief_like, brief_like, brief_like, st.lists(noise, max_size=120).map("".join))
tag = st.sampled_from(["<p>", "</p>", "<li>", "<br/>", "<pre>", "</pre>", "<script>", "</script>", "<style>"])
tag |= st.sampled_from(["<svg>", "</svg>", "<title>", "</title>", "<!--", "-->", "<![CDATA[", "]]>", "<", ">"])
tag |= st.sampled_from(
    ["&amp;", "&#0;", "&#x110000;", "&#99999999999;", "&nbsp", "</div", "<a href='", "<!doctype html>"]
)
html = st.lists(tag | noise | sentence, max_size=80).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "latin-1"])


def assert_offsets_map_back(brief: Brief, text: str, max_chars: int) -> None:
    """Each run of a segment is the brief's text at its offset, folded (`kg.normalise`)."""
    for segment in brief.segments:
        assert 0 < len(segment.text) <= max_chars
        for start, source, length in segment.paragraphs:
            assert length > 0
            assert fold(text[source : source + length]) == segment.text[start : start + length]
            assert segment.source_offset(start) == source
            assert segment.source_offset(start + length, end=True) == source + length


def paragraph_extents(segment: Segment) -> list[tuple[int, int]]:
    """Where each paragraph of a segment lies in the brief: its runs (split where the reader
    dropped a character) follow each other without a gap in the segment's text."""
    extents: list[tuple[int, int]] = []
    end = -1
    for start, source, length in segment.paragraphs:
        if start == end:
            extents[-1] = (extents[-1][0], source + length)
        else:
            extents.append((source, source + length))
        end = start + length
    return extents


# ---- the reader --------------------------------------------------------------------------------
@FUZZ
@given(st.binary(max_size=3000) | st.builds(lambda text, enc: text.encode(enc, "replace"), briefs, encodings))
def test_decoding_any_bytes_gives_text_or_says_why_not(data: bytes) -> None:
    try:
        decoded = decode(data)
    except NotText as reason:
        assert str(reason)
        return
    assert decoded.text.strip() and "\r" not in decoded.text and "\x00" not in decoded.text


printable = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t "), min_size=1)


@FUZZ
@given(printable, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_decodes_to_itself(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if not text.strip() or any(data.startswith(signature) for signature, _ in SIGNATURES):
        return
    expected = LINE_BREAK.sub("\n", text)
    if encoding == "utf-8":
        expected = expected.removeprefix("\ufeff")  # a leading U+FEFF in UTF-8 is a BOM
    assert decode(data).text == expected


cyrillic_brief = st.lists(
    st.sampled_from(["Минск", "Беларусь", "заявил", "встреча", "Лукашэнка", "ў", "і", "Єва", "«", "»", "—"])
    | st.sampled_from(ACTORS + VERBS + PUNCTUATION + [" ", "\n", "\r\n"]),
    min_size=30,
    max_size=120,
).map(" ".join)


@FUZZ
@given(cyrillic_brief, st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]))
def test_cyrillic_and_english_in_utf16_without_bom_decode_to_themselves(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == LINE_BREAK.sub("\n", text)


@FUZZ
@given(html)
def test_html_to_text_never_raises(page: str) -> None:
    for line in html_to_text(page).splitlines():
        assert line == line.strip()


@FUZZ
@given(briefs | html, st.integers(min_value=12, max_value=400))
def test_parse_brief_never_raises_and_its_offsets_map_back(text: str, max_chars: int) -> None:
    text = LINE_BREAK.sub("\n", text)
    with cpu_limit(DEADLINE, "reading the brief"):
        brief = parse_brief("fuzz", text, max_chars=max_chars)
    assert_offsets_map_back(brief, text, max_chars)


@FUZZ
@given(st.binary(max_size=2000) | st.builds(lambda text, enc: text.encode(enc, "replace"), briefs | html, encodings))
def test_any_file_is_read_as_a_brief_or_refused_with_one_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("brief.txt", "brief.html"):
            path = Path(folder) / name
            path.write_bytes(data)
            try:
                files = brief_files(path)
            except SourceError as error:
                assert str(error).startswith(f"{path}: not a brief: ") and "\n" not in str(error)
                continue
            [brief] = read_briefs(files)
            assert_offsets_map_back(brief, read_text(path).text, 20_000)


# ---- the extractor -----------------------------------------------------------------------------
@FUZZ
@given(briefs, st.sampled_from([60, 200, 20_000]))
def test_extractor_never_raises_and_statement_offsets_point_at_their_sentence(text: str, max_chars: int) -> None:
    text = LINE_BREAK.sub("\n", text)
    with cpu_limit(DEADLINE, "reading and extracting the brief"):
        brief = parse_brief("fuzz", text, max_chars=max_chars)
        [(_, statements)] = extract(load_pipeline(), [brief])
    for statement in statements:
        assert statement.sentence and statement.sentence == statement.sentence.rstrip()
        assert 0 <= statement.start < statement.end <= len(text)
        assert fold(text[statement.start : statement.end]) == statement.sentence
        segments = [s for s in brief.segments if s.number == statement.segment]
        assert any(
            start <= statement.start and statement.end <= end for s in segments for start, end in paragraph_extents(s)
        ), "a sentence lies inside one paragraph of its segment"


CALENDAR_VALUE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?")


@settings(FUZZ, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # shrinking a hang costs DEADLINE a try
@given(text_of_shapes, st.sampled_from([None, "2016-04-22", "2016-04", "2016"]))
def test_extraction_of_every_sentence_shape_ends_in_time_and_points_where_it_says(
    text: str, anchor: str | None
) -> None:
    """Verbless, copular, passive, interrogative and fragment sentences, headlines, bullets,
    quotations, parentheses and long sentences, with dates and numbers, handed to the extractor
    as one segment (none dropped by the reader), dated or not (relative dates count from it)."""
    segment = Segment(1, "Shapes", anchor, text, ((0, 0, len(text)),))
    brief = Brief("shapes", Path("shapes.txt"), "Shapes", anchor, (segment,))
    with cpu_limit(DEADLINE, "extracting the sentences"):
        [(_, statements)] = extract(load_pipeline(), [brief])
    for statement in statements:
        assert statement.subject and statement.relation and statement.object
        assert 0 <= statement.start < statement.end <= len(text)
        assert text[statement.start : statement.end] == statement.sentence
        assert statement.date is None or CALENDAR_VALUE.fullmatch(statement.date), statement.date
        if statement.date and len(statement.date) == 10:
            assert date.fromisoformat(statement.date)


# ---- shapes that made the reader quadratic: each must take about as long as its length --------
SENTENCE = "Belarus proposed new talks on border security with Lithuania and Poland."
PATHOLOGICAL = {
    "a million spaces inside a paragraph's first words": "Title\n\nJonas " + " " * 1_000_000 + f"Petraitis: {SENTENCE}",
    "one paragraph 20,000 times (each a teaser of the next)": "Title\n\n" + f"{SENTENCE}\n\n" * 20_000,
    "30,000 different paragraphs": "Title\n\n" + "".join(f"In round {n}, {SENTENCE}\n\n" for n in range(30_000)),
    "a line of a million characters without a space": "Title\n\n" + "x" * 1_000_000 + ".\n",
    "a line of a million sentence ends": "Title\n\n" + "Belarus. " * 120_000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_shapes_are_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    brief = parse_brief("big", text)
    assert time.perf_counter() - started < 20  # ~1 s here; quadratic would be hours
    assert_offsets_map_back(brief, text, 20_000)
