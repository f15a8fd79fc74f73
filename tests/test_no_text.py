"""No silent loss: a brief with nothing to extract from is named with the reason and counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import read_manifest
from kg.cli import main
from kg.read import not_english

ENGLISH = (
    "The ministry said on Monday that the talks with the delegation had been postponed until the "
    "end of the month, and that it would not comment on the reasons for the delay before the "
    "government has met. Officials in the capital were more candid: the two sides do not agree "
    "on the text of the declaration, and neither is ready to give way on the question of the border."
)
GERMAN = (
    "Das Ministerium teilte am Montag mit, dass die Gespräche mit der Delegation bis zum Ende des "
    "Monats verschoben worden seien und dass es sich zu den Gründen der Verzögerung nicht äußern "
    "werde, bevor die Regierung zusammengetreten sei. Beamte in der Hauptstadt waren offener: die "
    "beiden Seiten sind sich über den Text der Erklärung nicht einig, und keine ist bereit nachzugeben."
)
FRENCH = (
    "Le ministère a indiqué lundi que les pourparlers avec la délégation avaient été reportés à la "
    "fin du mois et qu'il ne commenterait pas les raisons de ce retard avant la réunion du "
    "gouvernement. Les responsables de la capitale étaient plus francs : les deux parties ne sont "
    "pas d'accord sur le texte de la déclaration, et aucune n'est prête à céder sur la frontière."
)
RUSSIAN = (
    "Министерство сообщило в понедельник, что переговоры с делегацией отложены до конца месяца и "
    "что оно не будет комментировать причины задержки до заседания правительства. Чиновники в "
    "столице были откровеннее: стороны не согласны с текстом декларации, и ни одна из них не готова "
    "уступить в вопросе о границе, а сроки новой встречи пока не определены и не обсуждались."
)
CRITICISED = "Poland criticised the new Belarusian nuclear power plant near the Lithuanian border."
HEADLINES = "\n".join(
    [
        "Belarus and Poland: the border question",
        "Minsk says no to new talks with Vilnius",
        "Sanctions: what comes next for the potash trade",
        "Interview with the foreign minister of Lithuania",
        "Opinion: a new security order in the east",
        "Analysis of the week in the region",
        "Read more",
    ]
)
# a page of navigation, labels, a date and links only: the reader reads a brief of headlines line
# by line (kg.read.headlines), but none of these lines is a statement's sentence
CLUTTER = "HOME\nNEWS\nANALYSIS\nCategory: Analysis\nMarch 3, 2016\nRead more\nImage: photo_03032016.jpg\n"


@pytest.mark.parametrize("text", [GERMAN, FRENCH, RUSSIAN], ids=["German", "French", "Russian"])
def test_other_languages_do_not_read_as_english(text: str) -> None:
    reason = not_english(text)
    assert reason is not None and reason.startswith("it does not read as English (")


@pytest.mark.parametrize("text", [ENGLISH, HEADLINES, "Das ist gut."], ids=["prose", "headlines", "too-short"])
def test_english_and_short_texts_are_read(text: str) -> None:
    assert not_english(text) is None


@pytest.mark.timeout(300)
def test_briefs_without_body_text_are_named_and_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a_english.txt").write_text(
        f"Border talks postponed\nMarch 3, 2016\n\n{ENGLISH}\n\n{CRITICISED}\n", encoding="utf-8"
    )
    (folder / "b_clutter.txt").write_text(CLUTTER, encoding="utf-8")
    (folder / "c_russian.txt").write_text(f"Переговоры отложены\n3 марта 2016\n\n{RUSSIAN}\n", encoding="utf-8")
    output = tmp_path / "output"
    assert main(["build", str(folder), "-o", str(output), "--quiet"]) == 0
    captured = capsys.readouterr()
    no_body = "no body text: every line was read as a title, heading, caption or page clutter"
    assert f"kg: {folder / 'b_clutter.txt'}: {no_body}\n" in captured.err
    assert f"kg: {folder / 'c_russian.txt'}: no text to read: it does not read as English (0% " in captured.err
    assert captured.out.rstrip().endswith("(full build); 2 without body text")
    manifest = read_manifest(output)
    assert manifest["briefs"] == 3 and manifest["without_text"] == 2
    assert [(b["path"], b["reason"].split(":")[0]) for b in manifest["briefs_without_text"]] == [
        ("b_clutter.txt", "no body text"),
        ("c_russian.txt", "no text to read"),
    ]
    docs = {json.loads(line)["doc"] for line in (output / "statements.jsonl").read_text().splitlines()}
    assert docs == {"a_english"}
