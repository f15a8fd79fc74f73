"""HTML pages to the plain text kg reads: one line per block, the way a browser lays it out.

A brief saved from a browser as HTML becomes the text its "save as text" would give, so the
layout heuristics of `kg.read.briefs` apply unchanged: every block element (paragraph, heading, list
item, table cell, <br>) ends a line, list items get a bullet, whitespace inside a block
collapses to one space (<pre> keeps its line breaks), and character references are resolved.
Scripts, styles, templates, embedded SVG and the like are dropped; the <title> is the first
line. The stdlib parser is lenient: unclosed and stray tags never raise.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = (
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th title tr ul"
)
# not shown by a browser; the rest of <head> is void elements (meta, link) or these
HIDDEN_TAGS = "script style noscript template svg math select object iframe canvas"
BLOCKS, HIDDEN = frozenset(BLOCK_TAGS.split()), frozenset(HIDDEN_TAGS.split())
WHITESPACE = re.compile(r"\s+")
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Whether a text file is in fact a saved web page: it opens with a doctype or <html>."""
    return bool(HTML_START.match(text[:4096]))


def html_to_text(html: str) -> str:
    """The text of an HTML page, one line per block."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden: list[str] = []  # the open hidden elements, innermost last
        self.pre = 0  # depth of open <pre> elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden.append(tag)
        elif tag in BLOCKS:
            self._end_line()
            if tag == "li":
                self.line.append("• ")
            self.pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.hidden:
            while self.hidden.pop() != tag:
                pass
        elif tag in BLOCKS:
            self._end_line()
            self.pre -= tag == "pre" and self.pre > 0

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.pre:
            self.line.append(data)
            return
        first, *rest = data.split("\n")
        self.line.append(first)
        for line in rest:
            self._end_line()
            self.line.append(line)

    def _end_line(self) -> None:
        line = WHITESPACE.sub(" ", "".join(self.line)).strip()
        if line and line != "•":
            self.lines.append(line)
        self.line = []

    def text(self) -> str:
        self._end_line()
        return "\n".join(self.lines) + "\n"
