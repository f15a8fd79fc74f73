"""Bad input through `kg build`: every case gives its one line (a note, a skipped file, or the
error), the right exit code, and a failed build leaves the previous output byte for byte as it was.

Unreadable files and folders are made with chmod, which does not stop root (CI runs as root):
those tests are skipped where a probe finds chmod does not stop this process, and the unreadable
file is also simulated by making reading it raise the PermissionError the operating system would.
(Run as root without the capability, they do run:
`setpriv --bounding-set -dac_override,-dac_read_search .venv/bin/python -m pytest ...`.)
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kg.cli import main
from kg.console import Console
from kg.read.sources import read_text

BORDER = "Lithuania has closed two of its six border crossings with Belarus, citing security concerns."
NOTE = "Minsk responded with a diplomatic note and promised to reconsider transit agreements with Vilnius."
QUOTE = "The Belarusian Foreign Ministry called the decision «недружественный шаг» and summoned the ambassador."
NAIVE = "The café owners of Vilnius said that Lithuania had been naïve about the retaliation."
BRIEF = f"Belarus and Lithuania argue over the border\nApril 22, 2016 18:58\n\n{BORDER}\n\n{NOTE}\n"


def _chmod_stops_reading() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("x")
        probe.chmod(0)
        try:
            probe.read_text()
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)
        return False


PERMISSIONS_BIND = _chmod_stops_reading()


def page(title: str, *paragraphs: str) -> str:
    return "\n\n".join([title, "April 22, 2016 18:58", *paragraphs]) + "\n"


def kg(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Run `kg ARGS`; its exit code and the lines it wrote to standard error."""
    code = main(list(args))
    return code, capsys.readouterr().err.splitlines()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output of an earlier good build, kept as the reference."""
    root = tmp_path_factory.mktemp("previous")
    (root / "brief.txt").write_text(BRIEF, encoding="utf-8")
    assert main(["build", str(root / "brief.txt"), "-o", str(root / "output"), "--quiet"]) == 0
    return root / "output"


@pytest.fixture
def output(previous: Path, tmp_path: Path) -> Path:
    """A copy of the previous output for a build to fail on."""
    return Path(shutil.copytree(previous, tmp_path / "output"))


def assert_untouched(output: Path, previous: Path) -> None:
    assert snapshot(output) == snapshot(previous)
    assert json.loads((output / "build.json").read_text())["briefs"] == 1


# ---- a build that cannot run: one line, exit 1, previous output untouched ---------------------
def test_missing_path(capsys, tmp_path: Path, output: Path, previous: Path) -> None:
    missing = tmp_path / "briefs" / "today.txt"
    assert kg(capsys, "build", str(missing), "-o", str(output)) == (
        1,
        [f"kg: error: {missing}: no such file or folder"],
    )
    assert_untouched(output, previous)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"\r\n   \r\n\t", "empty"),
        ("noise.txt", random.Random(1).randbytes(20_000), "binary content, not text"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "a PDF document, not text"),
        (
            "report.docx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml",
            "a ZIP archive (or a .docx/.odt document), not text",
        ),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(500), "a JPEG image, not text"),
        (
            "page.html",
            b"<html><head><title></title><script>x()</script></head><body> </body></html>",
            "an HTML page without text",
        ),
    ],
)
def test_a_single_file_that_is_not_a_brief(capsys, tmp_path, output, previous, name, data, reason) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    assert kg(capsys, "build", str(source), "-o", str(output)) == (1, [f"kg: error: {source}: not a brief: {reason}"])
    assert_untouched(output, previous)


def test_a_folder_where_every_file_is_skipped(capsys, tmp_path: Path, output: Path, previous: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "c-scan.txt").write_bytes(b"%PDF-1.4\n")
    assert kg(capsys, "build", str(folder), "-o", str(output)) == (
        1,
        [
            f"kg: {folder / 'a-empty.txt'}: skipped: empty",
            f"kg: {folder / 'b-photo.jpg'}: skipped: not a brief's file type (kg reads .txt .text .md .html .htm)",
            f"kg: {folder / 'c-scan.txt'}: skipped: a PDF document, not text",
            f"kg: error: {folder}: no briefs to build: every file was skipped",
        ],
    )
    assert_untouched(output, previous)


def test_a_folder_without_brief_files(capsys, tmp_path: Path, output: Path, previous: Path) -> None:
    folder = tmp_path / "briefs"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD.txt").write_text("hidden: passed over silently")
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")
    assert kg(capsys, "build", str(folder), "-o", str(output)) == (
        1,
        [
            f"kg: {folder / 'notes.odt'}: skipped: not a brief's file type (kg reads .txt .text .md .html .htm)",
            f"kg: error: {folder}: no briefs found (kg reads .txt .text .md .html .htm files)",
        ],
    )
    assert_untouched(output, previous)


def refuse(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, refused: Path) -> None:
    """Make `owner.name(path)` raise for `refused` the PermissionError the OS would raise."""
    original = getattr(owner, name)

    def refusing(path, *args):  # type: ignore[no-untyped-def]
        if Path(path) == refused:
            raise PermissionError(13, "Permission denied", str(path))
        return original(path, *args)

    monkeypatch.setattr(owner, name, refusing)


@pytest.mark.parametrize(
    ("locked", "owner", "name"),
    [
        ("b.txt", Path, "read_bytes"),  # a file
        # a folder: Path.rglob, used before, passed over it in silence and built without its briefs
        ("locked", os, "scandir"),
    ],
)
def test_an_unreadable_file_or_folder_stops_the_build(
    capsys, tmp_path, output, previous, monkeypatch, locked, owner, name
):
    """Simulated (chmod does not stop root): reading it raises what the OS would raise."""
    folder = tmp_path / "briefs"
    (folder / "locked").mkdir(parents=True)
    for brief in ("a.txt", "b.txt", "locked/c.txt"):
        (folder / brief).write_text(BRIEF)
    refuse(monkeypatch, owner, name, folder / locked)
    assert kg(capsys, "build", str(folder), "-o", str(output)) == (
        1,
        [f"kg: error: {folder / locked}: cannot read it: Permission denied"],
    )
    assert_untouched(output, previous)


@pytest.mark.skipif(not PERMISSIONS_BIND, reason="chmod does not stop this process (root)")
@pytest.mark.parametrize("locked", ["b.txt", "locked"])
def test_an_unreadable_file_or_folder_by_its_permissions(capsys, tmp_path, output, previous, locked) -> None:
    folder = tmp_path / "briefs"
    (folder / "locked").mkdir(parents=True)
    for brief in ("a.txt", "b.txt", "locked/c.txt"):
        (folder / brief).write_text(BRIEF)
    (folder / locked).chmod(0)
    try:
        code, err = kg(capsys, "build", str(folder), "-o", str(output))
    finally:
        (folder / locked).chmod(0o755)
    assert (code, err) == (1, [f"kg: error: {folder / locked}: cannot read it: Permission denied"])
    assert_untouched(output, previous)


def test_output_that_is_a_file(capsys, tmp_path: Path) -> None:
    (tmp_path / "brief.txt").write_text(BRIEF)
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"@prefix kg: <http://example.org/kg/> .\n")
    assert kg(capsys, "build", str(tmp_path / "brief.txt"), "-o", str(target)) == (
        1,
        [f"kg: error: cannot write to {target}: it is a file, not a folder"],
    )
    assert target.read_bytes() == b"@prefix kg: <http://example.org/kg/> .\n"


def test_output_below_a_file(capsys, tmp_path: Path) -> None:
    (tmp_path / "brief.txt").write_text(BRIEF)
    (tmp_path / "notes").write_text("a file, not a folder")
    target = tmp_path / "notes" / "output"
    assert kg(capsys, "build", str(tmp_path / "brief.txt"), "-o", str(target)) == (
        1,
        [f"kg: error: cannot write to {target}: Not a directory"],
    )
    assert (tmp_path / "notes").read_text() == "a file, not a folder"


@pytest.mark.skipif(not PERMISSIONS_BIND, reason="chmod does not stop this process (root)")
def test_output_folder_without_write_permission(capsys, tmp_path: Path, output: Path, previous: Path) -> None:
    (tmp_path / "brief.txt").write_text(BRIEF)
    output.chmod(0o555)
    try:
        code, err = kg(capsys, "build", str(tmp_path / "brief.txt"), "-o", str(output))
    finally:
        output.chmod(0o755)
    assert (code, err) == (1, [f"kg: error: cannot write to {output}: Permission denied"])
    assert_untouched(output, previous)


def test_debug_shows_the_traceback(capsys, tmp_path: Path, output: Path, previous: Path) -> None:
    missing = tmp_path / "missing"
    code, err = kg(capsys, "--debug", "build", str(missing), "-o", str(output))
    assert code == 1
    assert err[0] == "Traceback (most recent call last):"
    assert err[-1] == f"kg: error: {missing}: no such file or folder"
    assert any(line.startswith("kg.read.sources.SourceError: ") for line in err)
    assert_untouched(output, previous)


@pytest.mark.parametrize("command", [[], ["build"], ["extract"]])
def test_help_documents_exit_codes_and_what_is_read(capsys, command: list[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for line in ("  0    success", "  1    bad input or output", "  2    wrong usage", "  3    the graph does not"):
        assert line in text
    if command:
        assert ".txt .text .md .html .htm" in text and "skipped with one" in text


# ---- a build that reads what it can: one line per note or skipped file, exit 0 ------------------
FILES: dict[str, bytes] = {
    "a-utf8.txt": BRIEF.encode("utf-8"),
    "b-cp1251.txt": page("Minsk answers Vilnius", QUOTE, NOTE).replace("\n", "\r\n").encode("cp1251"),
    "c-utf16.txt": page("Minsk answers again", QUOTE).encode("utf-16"),
    "d-utf16-no-bom.text": page("Minsk and its note", QUOTE, BORDER).encode("utf-16-be"),
    "e-latin1.txt": page("Vilnius cafe owners", NAIVE, BORDER).encode("latin-1"),
    "f-bom-crlf.md": codecs.BOM_UTF8 + page("Border talks stall", NOTE, QUOTE).replace("\n", "\r\n").encode(),
    "g-page.html": (
        "<!doctype html><html><head><title>Border talks</title><style>p{}</style></head><body>"
        f"<nav>Home | Analytics</nav><p>April 22, 2016</p><p>{BORDER.replace('Belarus', '<b>Belarus</b>')}</p>"
        f"<p>{NOTE}</p></body></html>"
    ).encode(),
    "h-saved-page.txt": f"<html><body><h1>Saved from the web</h1><p>{NOTE}</p></body></html>".encode(),
    "i-empty.txt": b"",
    "j-photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
    "k-scan.txt": b"%PDF-1.4\n",
    "l-noise.htm": random.Random(2).randbytes(5000),
    "sub/a-utf8.md": BRIEF.encode(),  # the same brief id as a-utf8.txt
    ".hidden.txt": b"passed over",
}
READ = ["a-utf8.txt", "b-cp1251.txt", "c-utf16.txt", "d-utf16-no-bom.text", "e-latin1.txt", "f-bom-crlf.md"]
READ += ["g-page.html", "h-saved-page.txt"]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int, list[str]]:
    """One build of a folder with a file of every kind; its exit code and stderr, split at "\\n"."""
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "briefs"
    for name, data in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "m-link").symlink_to(folder / "sub", target_is_directory=True)
    output = folder / "output"  # inside the source: its own files (graph.html) are not briefs
    (output / "old").mkdir(parents=True)
    (output / "old" / "graph.html").write_text("<html><body><p>an old view</p></body></html>")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["build", str(folder), "-o", str(output)])
    return folder, output, code, err.getvalue().split("\n")


def test_mixed_folder_builds_with_one_line_per_note_or_skipped_file(mixed) -> None:
    folder, _, code, err = mixed
    notes = [line for line in err if line.startswith("kg: ")]
    assert code == 0
    assert notes == [
        f"kg: {folder / 'b-cp1251.txt'}: decoded as windows-1251, not UTF-8",
        f"kg: {folder / 'c-utf16.txt'}: decoded as UTF-16LE (byte order mark)",
        f"kg: {folder / 'd-utf16-no-bom.text'}: decoded as UTF-16BE (no byte order mark)",
        f"kg: {folder / 'e-latin1.txt'}: decoded as windows-1252 (Latin-1), not UTF-8; a guess: windows-1250, "
        "windows-1257 would read it differently (save it as UTF-8 to be sure)",
        f"kg: {folder / 'h-saved-page.txt'}: read as HTML: it is a saved web page",
        f"kg: {folder / 'i-empty.txt'}: skipped: empty",
        f"kg: {folder / 'j-photo.jpg'}: skipped: not a brief's file type (kg reads .txt .text .md .html .htm)",
        f"kg: {folder / 'k-scan.txt'}: skipped: a PDF document, not text",
        f"kg: {folder / 'l-noise.htm'}: skipped: binary content, not text",
        f"kg: {folder / 'm-link'}: skipped: a link to a folder (not followed)",
        f"kg: {folder / 'sub' / 'a-utf8.md'}: skipped: its brief id 'a-utf8' is taken by {folder / 'a-utf8.txt'} "
        "(rename one)",
    ]
    # the notes come before the progress bar, which is then redrawn in place ("\r") undisturbed;
    # the build's later stages follow it, a line each
    bar, *stages = [line for line in err if line and not line.startswith("kg: ")]
    assert stages == ["compacting the store ...", "writing graph.ttl ...", "writing the views ..."]
    assert bar.split("\r")[1:] == [f"briefs [{'#' * (30 * n // len(READ)):.<30}] {n}/{len(READ)}" for n in range(1, 9)]


def test_mixed_folder_reads_every_text_brief(mixed) -> None:
    _, output, _, _ = mixed
    assert json.loads((output / "build.json").read_text())["briefs"] == len(READ)
    records = [json.loads(line) for line in (output / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == {Path(name).stem for name in READ}
    sentences = {r["sentence"] for r in records}
    assert {BORDER, NOTE, QUOTE, NAIVE} <= sentences  # Cyrillic and accents decoded, HTML tags gone


def test_offsets_index_the_decoded_text_with_newlines_normalised(mixed) -> None:
    """`start`/`end` are offsets into the text as kg reads it: decoded, "\\r\\n" as "\\n", HTML as text."""
    folder, output, _, _ = mixed
    records = [json.loads(line) for line in (output / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    for name in READ:
        text = read_text(folder / name).text
        mine = [r for r in records if r["doc"] == Path(name).stem]
        assert mine, name
        for r in mine:
            assert text[r["start"] : r["end"]] == r["sentence"], (name, r)
    crlf = read_text(folder / "b-cp1251.txt").text
    assert "\r" not in crlf and crlf.startswith("Minsk answers Vilnius\n\n")


# ---- a 20 MB brief: read in bounded pieces, in bounded memory -----------------------------------
READ_IN_PIECES = """
import json, re, sys
from pathlib import Path
from kg.read.briefs import read_briefs
from kg.read.sources import brief_files, read_text

def peak_kb():  # this process's own high-water mark (ru_maxrss would include its parent's, from before exec)
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text())[1])

path = Path(sys.argv[1])
before = peak_kb()
[brief] = read_briefs(brief_files(path))
peak = peak_kb()
text = read_text(path).text
mapped = all(
    text[source : source + length] == s.text[start : start + length]
    for s in brief.segments[::50]
    for start, source, length in s.paragraphs
)
print(json.dumps({
    "pieces": len(brief.segments),
    "longest": max(len(s.text) for s in brief.segments),
    "characters": sum(length for s in brief.segments for _, _, length in s.paragraphs),
    "mapped": mapped,
    "grew_mb": (peak - before) / 1024,
}))
"""


def big_brief(size: int, long_paragraph: int = 0) -> tuple[str, int]:
    """A brief of about `size` characters: numbered paragraphs of varied length, the 50th
    `long_paragraph` sentences long; and the number of characters in its body."""
    paragraphs, total, n = [], 0, 0
    while total < size:
        sentence = f"In round {n}, Belarus proposed new talks on border security with Lithuania."
        paragraph = " ".join([sentence] * (long_paragraph if n == 50 else 1 + n % 7))
        paragraphs.append(paragraph)
        total, n = total + len(paragraph) + 2, n + 1
    return "Belarus and Lithuania argue over the border\nApril 22, 2016\n\n" + "\n\n".join(paragraphs), total


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="peak memory is read from /proc")
def test_a_20_mb_brief_is_read_in_bounded_pieces_in_bounded_memory(tmp_path: Path) -> None:
    """Measured in a fresh process, so the peak is the reader's own: 20 MB of text takes ~4x
    its size while it is read (lines, paragraphs, pieces), and no piece, hence no spaCy doc,
    is longer than MAX_SEGMENT_CHARS."""
    from kg.read.briefs import MAX_SEGMENT_CHARS

    text, body = big_brief(20_000_000, long_paragraph=4000)  # 300,000 characters without a break
    source = tmp_path / "big.txt"
    source.write_text(text, encoding="utf-8")
    assert source.stat().st_size > 20_000_000
    run = subprocess.run([sys.executable, "-c", READ_IN_PIECES, str(source)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["longest"] <= MAX_SEGMENT_CHARS and result["pieces"] >= 20_000_000 // MAX_SEGMENT_CHARS
    assert result["mapped"]
    # every character of every paragraph is in some piece, less the spaces where long ones were cut
    assert body - 2 * len(text.split("\n\n")) - 300_000 // MAX_SEGMENT_CHARS <= result["characters"] <= body
    assert result["grew_mb"] < 10 * 20, result


def test_no_spacy_doc_is_longer_than_a_piece(monkeypatch) -> None:
    """With spaCy's limit set to the piece size, a brief 40 times longer extracts without error
    (make_doc raises E088 on any longer doc), and offsets in later pieces still map back."""
    from kg.extract.extractor import extract
    from kg.extract.pipeline import load_pipeline
    from kg.read.briefs import parse_brief

    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 400)
    text, _ = big_brief(16_000)
    brief = parse_brief("long", text, max_chars=400)
    assert len(brief.segments) >= 40
    [(_, statements)] = extract(nlp, [brief])
    assert len({s.start for s in statements}) > 40
    for statement in statements:
        assert text[statement.start : statement.end] == statement.sentence


def test_a_note_during_the_progress_bar_takes_the_bars_line_and_the_bar_is_redrawn(capsys) -> None:
    console = Console()
    console.progress(1, 4)
    console.note("kg: b.txt: decoded as windows-1251, not UTF-8")
    console.progress(2, 4)
    console.note("kg: c.txt: skipped: empty")  # a note on a line of its own, not glued to the bar
    console.progress(4, 4)
    console.note("kg: error: after the bar")
    bar1, bar2, bar4 = (f"briefs [{'#' * (30 * n // 4):.<30}] {n}/4" for n in (1, 2, 4))
    blank = " " * len(bar1)
    assert capsys.readouterr().err == (
        f"\r{bar1}\r{blank}\rkg: b.txt: decoded as windows-1251, not UTF-8\n{bar1}"
        f"\r{bar2}\r{blank}\rkg: c.txt: skipped: empty\n{bar2}"
        f"\r{bar4}\nkg: error: after the bar\n"
    )
