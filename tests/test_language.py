"""A brief the extractor cannot read (not English) is named with its language, counted as a brief
without text to read, and never read into silence. Sentences are written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import read_manifest
from kg.cli import main
from kg.read import foreign_language, not_english

RUSSIAN = (
    "Министр иностранных дел Литвы заявил во вторник, что Вильнюс готов обсудить с Варшавой общие меры "
    "безопасности на границе. По его словам, переговоры начнутся в следующем месяце в Брюсселе, а их итоги "
    "будут представлены парламенту до конца года."
)
GERMAN = (
    "Die litauische Regierung erklärte am Dienstag, sie sei bereit, mit Polen gemeinsame Maßnahmen zur "
    "Sicherung der Grenze zu besprechen. Die Gespräche sollen im nächsten Monat in Brüssel beginnen."
)
ENGLISH = (
    "Lithuania's foreign minister said on Tuesday that Vilnius was ready to discuss joint border security "
    "measures with Warsaw. The talks will begin next month in Brussels, and their results will be presented "
    "to parliament before the end of the year."
)
# headlines: names and content words, few function words; Lingua keeps it English
HEADLINES = "\n".join(
    [
        "Minsk says no new talks with Vilnius",
        "Sanctions: what comes next for potash trade",
        "Interview: foreign minister of Lithuania",
        "Lukashenka meets Putin in Sochi",
        "NATO exercise ends near Belarusian border",
        "EU extends sanctions against Belarusian officials",
    ]
)


def test_languages_are_named() -> None:
    assert foreign_language(RUSSIAN) == "Russian"
    assert foreign_language(GERMAN) == "German"
    assert foreign_language(ENGLISH) is None
    assert foreign_language(HEADLINES) is None
    assert foreign_language("Минск, 5 марта") is None  # too short to tell: read


def test_the_reason_names_the_language() -> None:
    assert not_english(RUSSIAN) == (
        "it does not read as English (0% of its words are English function words, English has 30-50%): "
        "it is written in Russian"
    )


@pytest.mark.timeout(300)
def test_a_russian_brief_in_a_folder_is_named_and_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "vilnius.txt").write_text(RUSSIAN, encoding="windows-1251")
    (folder / "warsaw.txt").write_text(ENGLISH, encoding="utf-8")
    output = tmp_path / "output"
    assert main(["build", str(folder), "-o", str(output), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert f"kg: {folder / 'vilnius.txt'}: no text to read: it does not read as English (0% " in captured.err
    assert "it is written in Russian\n" in captured.err
    assert captured.out.rstrip().endswith("; 1 without body text")
    manifest = read_manifest(output)
    assert [b["path"] for b in manifest["briefs_without_text"]] == ["vilnius.txt"]
    assert manifest["briefs_without_text"][0]["reason"].endswith("it is written in Russian")
