"""Bytes to brief text (`kg.read.decoding`) and HTML to text (`kg.read.html_text`), on texts written for it.

The Cyrillic texts are real sentences: a decoder that produced mojibake ("Ìèíñê" for "Минск")
fails these tests, since every one compares the decoded text with the original string.
"""

from __future__ import annotations

import codecs
import random

import pytest

from kg.read.decoding import NotText, decode
from kg.read.html_text import html_to_text, looks_like_html

RUSSIAN = (
    "Министр иностранных дел Беларуси Владимир Макей встретился с заместителем помощника "
    "госсекретаря США Майклом Карпентером.\nСтороны обсудили региональную безопасность.\n"
)
BELARUSIAN = "Міністр замежных спраў Беларусі Уладзімір Макей сустрэўся з намеснікам дзяржсакратара ЗША.\n"
ENGLISH = "Lukashenko met the delegation in Minsk on 12 March. The sides agreed to continue the dialogue.\n"
QUOTING_RUSSIAN = f"{ENGLISH}The slogan on the stage read «Беларусь — для жизни» in large letters.\n{ENGLISH}"
FRENCH = "Le Monde called Lukashenko's plan naïve; the café owners of Minsk were not asked.\n"


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        (RUSSIAN, "cp1251", "windows-1251"),
        (BELARUSIAN, "cp1251", "windows-1251"),
        (QUOTING_RUSSIAN, "cp1251", "windows-1251"),  # English with a Russian quote: mostly ASCII
        (RUSSIAN, "koi8_r", "KOI8-R"),
        (RUSSIAN, "cp866", "IBM866"),
    ],
)
def test_cyrillic_legacy_encodings_decode_to_the_original_text(text: str, codec: str, name: str) -> None:
    decoded = decode(text.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.notes) == (text, name, (f"decoded as {name}, not UTF-8",))


@pytest.mark.parametrize(
    ("codec", "name", "bom"),
    [
        ("utf_16", "UTF-16LE", "byte order mark"),  # Python writes a BOM, little-endian
        ("utf_16_le", "UTF-16LE", "no byte order mark"),
        ("utf_16_be", "UTF-16BE", "no byte order mark"),
        ("utf_32", "UTF-32LE", "byte order mark"),
        ("utf_32_be", "UTF-32BE", "no byte order mark"),
    ],
)
@pytest.mark.parametrize("text", [RUSSIAN, BELARUSIAN, QUOTING_RUSSIAN, ENGLISH])
def test_utf16_and_utf32_with_or_without_byte_order_mark(text: str, codec: str, name: str, bom: str) -> None:
    decoded = decode(text.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.notes) == (text, name, (f"decoded as {name} ({bom})",))


def test_utf8_with_bom_and_crlf_is_plain_text_with_newlines_and_no_note() -> None:
    data = codecs.BOM_UTF8 + RUSSIAN.replace("\n", "\r\n").encode("utf-8")
    assert decode(data) == decode(RUSSIAN.encode("utf-8"))
    assert (decode(data).text, decode(data).notes) == (RUSSIAN, ())
    # old Mac line ends, and CRLF in a legacy encoding, normalise the same way
    assert decode(RUSSIAN.replace("\n", "\r").encode("cp1251")).text == RUSSIAN
    assert decode(RUSSIAN.replace("\n", "\r\n").encode("utf-16")).text == RUSSIAN


def test_latin1_decodes_as_windows_1252_and_says_it_guessed() -> None:
    decoded = decode(FRENCH.encode("latin-1"))
    assert decoded.text == FRENCH
    assert decoded.encoding == "windows-1252 (Latin-1)"
    # windows-1250 reads "ï" as "ď": the same bytes make sense either way, so the note says so
    assert decoded.notes == (
        "decoded as windows-1252 (Latin-1), not UTF-8; a guess: windows-1250, windows-1257 would read it "
        "differently (save it as UTF-8 to be sure)",
    )


def test_a_word_too_short_to_tell_is_read_as_windows_1251_and_flagged_as_a_guess() -> None:
    decoded = decode("Минск".encode("cp1251"))
    assert decoded.text == "Минск"
    assert "a guess" in decoded.notes[0] and "save it as UTF-8" in decoded.notes[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \r\n\t\n", "empty"),
        (codecs.BOM_UTF8, "empty"),
        ("  \n".encode("utf-16"), "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document, not text"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive (or a .docx/.odt document), not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not text"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image, not text"),
        (b"{\\rtf1\\ansi Lukashenko met", "an RTF document, not text"),
        (random.Random(7).randbytes(4096), "binary content, not text"),
        (b"Lukashenko\x00met\x00the\x01delegation\x02", "binary content, not text"),
        (b"\x01\x02\x03 looks like text but is not " * 40, "binary content, not text"),
    ],
)
def test_what_is_not_text_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(NotText) as refused:
        decode(data)
    assert str(refused.value) == reason


def test_a_stray_control_character_does_not_make_a_brief_binary() -> None:
    text = ENGLISH * 20 + "\x1a"  # DOS end-of-file mark
    assert decode(text.encode("cp1251")).text == text
    assert decode(("Минск\x0c" + RUSSIAN * 5).encode("cp1251")).text == "Минск\x0c" + RUSSIAN * 5


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Minsk &amp; Vilnius trade accusations</title>
<style>p { color: red }</style><script>var teaser = "<p>Read more</p>";</script></head>
<body><nav><a href="/">Home</a> | <a href="/a">Analytics</a></nav>
<p>April 22, 2016</p>
<p>Lithuania has closed two of its six border crossings
   with <b>Belarus</b>, citing security concerns.</p>
<ul><li>Border guards will check every lorry heading for Belarus.<li>Minsk sent a note.</ul>
<pre>line one
   line two</pre>
<p>An unclosed <i>paragraph<br>and a line break
</body></html>"""


def test_html_is_reduced_to_one_line_per_block() -> None:
    assert looks_like_html(PAGE)
    assert html_to_text(PAGE).splitlines() == [
        "Minsk & Vilnius trade accusations",
        "Home | Analytics",
        "April 22, 2016",
        "Lithuania has closed two of its six border crossings with Belarus, citing security concerns.",
        "• Border guards will check every lorry heading for Belarus.",
        "• Minsk sent a note.",
        "line one",
        "line two",
        "An unclosed paragraph",
        "and a line break",
    ]


@pytest.mark.parametrize(
    "text",
    ["Lukashenko met <b>Putin</b> in Sochi.", "x < y and <p> is a tag", "  <!-- saved -->\n<div>not a page</div>"],
)
def test_text_that_merely_contains_tags_is_not_taken_for_a_page(text: str) -> None:
    assert not looks_like_html(text)


def test_a_saved_page_is_recognised_after_a_comment_or_without_doctype() -> None:
    assert looks_like_html("<!-- saved from url=(0042)https://example.org -->\n<html lang='en'>")
    assert looks_like_html("\n  <HTML><BODY>text</BODY></HTML>")
