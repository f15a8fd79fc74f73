"""Files on disk to brief text: which files a build reads, and the text of each.

A build reads one file, or every file under a folder whose name ends in one of
`BRIEF_SUFFIXES` (any case), in path order. Hidden files and folders (a name starting with
".") and the build's own output folder are passed over silently; every other file that is not
read is reported as one line on the `kg.read.sources` logger, naming the file and the reason: not a
brief's file type, not a regular file, a link to a folder (not followed), empty, binary or not
text, or a brief id already taken (two files named `a.txt` and `a.html` would write the same
graph). A file or folder that exists but cannot be read (permissions, I/O error) stops the build
instead: skipping it would silently drop briefs from the graph.

`.html`/`.htm` files, and text files that are in fact saved web pages, are reduced to their
text (`kg.read.html_text`); everything is decoded by `kg.read.decoding`, whose notes ("decoded as
windows-1251") are logged once per file as well.

`brief_files` reads each file once to judge it, before a build starts (so every line comes
before the progress bar, and a build fails before any work when a file cannot be read);
`kg.read.briefs.read_briefs` reads it again when its turn comes, so a folder is never in memory whole.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

from kg.read.decoding import Decoded, NotText, decode
from kg.read.html_text import html_to_text, looks_like_html

BRIEF_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

log = logging.getLogger(__name__)


class SourceError(Exception):
    """A source a build cannot use at all: missing, unreadable, or without any brief."""


def brief_files(source: Path, exclude: Path | None = None) -> list[Path]:
    """The brief files of SOURCE (a file, or a folder searched recursively) that a build
    reads, in order; `exclude` is a folder to pass over (the build's output)."""
    if not source.exists():
        raise SourceError(f"{source}: no such file or folder")
    if source.is_dir():
        return _folder_briefs(source, exclude)
    if not source.is_file():
        raise SourceError(f"{source}: not a regular file")
    try:
        _log_notes(source, read_text(source))
    except NotText as reason:
        raise SourceError(f"{source}: not a brief: {reason}") from None
    return [source]


def read_text(path: Path) -> Decoded:
    """A brief file's text, decoded, HTML reduced to text. Raises `SourceError` when the file
    cannot be read and `NotText` when its content is not a brief's text."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read it: {error.strerror or error}") from error
    decoded = decode(data)
    html_file = path.suffix.lower() in HTML_SUFFIXES
    if not (html_file or looks_like_html(decoded.text)):
        return decoded
    text = html_to_text(decoded.text)
    if not text.strip():
        raise NotText("an HTML page without text")
    notes = decoded.notes if html_file else (*decoded.notes, "read as HTML: it is a saved web page")
    return replace(decoded, text=text, notes=notes)


def brief_text(path: Path) -> str:
    """The text of a file that `brief_files` listed (which has logged its notes already)."""
    try:
        return read_text(path).text
    except NotText as reason:
        raise SourceError(f"{path}: not a brief: {reason}") from None


def _folder_briefs(folder: Path, exclude: Path | None) -> list[Path]:
    """The briefs below `folder`, with one line for each other visible file, in path order."""
    from kg.identifiers import slug  # a brief's IRI is made from the slug of its id (the file stem)

    files: list[Path] = []
    ids: dict[str, Path] = {}
    typed = 0  # files with a brief's suffix
    for path in _walk(folder, exclude):
        if path.is_dir():
            log.warning("%s: skipped: a link to a folder (not followed)", path)
            continue
        if path.suffix.lower() not in BRIEF_SUFFIXES:
            log.warning("%s: skipped: not a brief's file type (kg reads %s)", path, " ".join(BRIEF_SUFFIXES))
            continue
        typed += 1
        if not path.is_file():
            log.warning("%s: skipped: not a regular file", path)
            continue
        try:
            decoded = read_text(path)
        except NotText as reason:
            log.warning("%s: skipped: %s", path, reason)
            continue
        if (taken := ids.setdefault(slug(path.stem), path)) != path:
            log.warning("%s: skipped: its brief id '%s' is taken by %s (rename one)", path, path.stem, taken)
            continue
        _log_notes(path, decoded)
        files.append(path)
    if not typed:
        raise SourceError(f"{folder}: no briefs found (kg reads {' '.join(BRIEF_SUFFIXES)} files)")
    if not files:
        raise SourceError(f"{folder}: no briefs to build: every file was skipped")
    return files


def _walk(folder: Path, exclude: Path | None) -> list[Path]:
    """The visible files below `folder`, and links to folders (not followed: a link loop would
    never end), in path order, none below `exclude`. A folder that cannot be listed stops the
    build (`Path.rglob` would pass over it in silence)."""
    excluded = exclude.resolve() if exclude else None

    def fail(error: OSError) -> None:
        raise SourceError(f"{error.filename}: cannot read it: {error.strerror or error}") from error

    found: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=fail):
        if excluded and Path(root).resolve().is_relative_to(excluded):
            folders.clear()
            continue
        visible = [name for name in folders if not name.startswith(".")]
        links = [name for name in visible if (Path(root) / name).is_symlink()]
        found.extend(Path(root) / name for name in [*names, *links] if not name.startswith("."))
        folders[:] = [name for name in visible if name not in links]
    return sorted(found)


def _log_notes(path: Path, decoded: Decoded) -> None:
    for note in decoded.notes:
        log.info("%s: %s", path, note)
