"""Bytes of a brief file to text: which encoding, and whether it is text at all.

Briefs come from many sources: UTF-8 mostly, but Belarusian and Russian sources still send
windows-1251 (and KOI8-R or IBM866 from older systems), Western ones windows-1252 (what
"Latin-1" means in practice: browsers decode a page labelled ISO-8859-1 as windows-1252, per
the WHATWG Encoding Standard), and Windows editors save "Unicode" as UTF-16. The order of the
checks:

1. A file that starts with a known binary signature (PDF, ZIP/DOCX, PNG, ...: the leading bytes
   by which file(1) and the WHATWG MIME Sniffing Standard know them) is not text, and says what
   it is.
2. A byte order mark decides: UTF-8 (the mark is dropped, no note), UTF-16 or UTF-32.
3. NUL or other control bytes (more than plain text ever has) mean UTF-16 or UTF-32 without a
   mark, or binary content: charset-normalizer tries the UTF-16/32 byte orders, else not text.
4. Bytes that decode as UTF-8 are UTF-8: text in other encodings is almost never valid UTF-8 by
   chance (the reason UTF-8 detection needs no statistics).
5. Otherwise charset-normalizer chooses among `LEGACY_ENCODINGS`, the single-byte encodings of
   these sources. It picks the decoding with the least "mess" and the most coherent language;
   left to try every code page it mistakes an English brief quoting Russian in windows-1251
   for windows-1257, hence the short list (without x-mac-cyrillic, which reads lower-case
   windows-1251 alike and so tied with it on every short Russian quote). When candidates tie
   but read the bytes differently (short texts; English with a few accented letters), the
   earliest in the list wins and the note says it is a guess: a wrong guess never passes
   silently.

The text is returned with the byte order mark dropped and every line break ("\\r\\n", "\\r")
as "\\n", as Python's universal newlines give it: all offsets kg writes (statement `start` and
`end`, `Segment.source_offset`) are into this text, not into the file's bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

# codec -> the name a note shows; the order breaks ties between equally good candidates
LEGACY_ENCODINGS = {
    "cp1251": "windows-1251",  # Russian, Belarusian, Ukrainian on Windows and the web
    "koi8_r": "KOI8-R",  # Russian mail and older Unix sites
    "koi8_u": "KOI8-U",  # Ukrainian and Belarusian letters in KOI8
    "cp866": "IBM866",  # DOS Cyrillic
    "iso8859_5": "ISO-8859-5",
    "cp1252": "windows-1252 (Latin-1)",
    "cp1250": "windows-1250",  # Polish, Czech
    "cp1257": "windows-1257",  # Lithuanian, Latvian
}
UNICODE_WITHOUT_BOM = {
    "utf_16_le": "UTF-16LE",
    "utf_16_be": "UTF-16BE",
    "utf_32_le": "UTF-32LE",
    "utf_32_be": "UTF-32BE",
}
BYTE_ORDER_MARKS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf_32_le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf_32_be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf_8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf_16_le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf_16_be", "UTF-16BE"),
)
SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (OLE) document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b\x08", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
# C0 controls other than tab and the line/page breaks, DEL, and the C1 controls
CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f]")
CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1b\x7f]")
MAX_CONTROL_SHARE = 0.01  # a stray form feed or DOS end-of-file mark is fine; binary has far more
LINE_BREAK = re.compile(r"\r\n?")
BINARY = "binary content, not text"


class NotText(Exception):
    """The bytes are not a text kg can read; the message says why, in a few words."""


@dataclass(frozen=True)
class Decoded:
    """A file's text (line breaks as "\\n", no byte order mark), its encoding, and notes for
    the user (how the text was read, when that was not plain UTF-8)."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode a brief file's bytes, or raise `NotText` saying why they are not a brief."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise NotText(f"{kind}, not text")
    decoded = _decode(data)
    text = LINE_BREAK.sub("\n", decoded.text)
    if not text.strip():
        raise NotText("empty")
    if "\x00" in text or len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise NotText(BINARY)
    return replace(decoded, text=text)


def _decode(data: bytes) -> Decoded:
    for mark, codec, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data[len(mark) :].decode(codec)
            except UnicodeDecodeError as error:
                raise NotText(f"not valid {name} after its byte order mark") from error
            return Decoded(text, name, () if codec == "utf_8" else (f"decoded as {name} (byte order mark)",))
    if len(CONTROL_BYTES.findall(data)) > MAX_CONTROL_SHARE * len(data):
        return _unicode_without_bom(data)
    try:
        return Decoded(data.decode("utf_8"), "UTF-8")
    except UnicodeDecodeError:
        return _legacy(data)


def _unicode_without_bom(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # (only for files that are not UTF-8: 0.02 CPU s to import)

    best = from_bytes(data, cp_isolation=list(UNICODE_WITHOUT_BOM)).best()
    if best is None:
        raise NotText(BINARY)
    name = UNICODE_WITHOUT_BOM[best.encoding]
    return Decoded(str(best), name, (f"decoded as {name} (no byte order mark)",))


def _legacy(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not matches:
        raise NotText("not text in UTF-8, UTF-16 or any encoding kg knows")
    first = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (first.chaos, first.coherence)]
    # each match stands for every codec that reads the bytes as the same text
    ranked = sorted(tied, key=lambda m: min(_rank(c) for c in m.could_be_from_charset))
    best, others = ranked[0], ranked[1:]
    name = _name(best.could_be_from_charset)
    note = f"decoded as {name}, not UTF-8"
    if others:
        alternatives = ", ".join(_name(m.could_be_from_charset) for m in others)
        note += f"; a guess: {alternatives} would read it differently (save it as UTF-8 to be sure)"
    return Decoded(str(best), name, (note,))


def _rank(codec: str) -> int:
    return list(LEGACY_ENCODINGS).index(codec)


def _name(codecs_: list[str]) -> str:
    """The name of the most likely of several codecs that read the bytes alike."""
    return LEGACY_ENCODINGS[min(codecs_, key=_rank)]
