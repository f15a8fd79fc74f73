"""Identifiers for names in every script, and names that match however they were typed.

Before, `slug` kept only what NFKD left in ASCII, so every Cyrillic or Greek actor, theme and
brief became `x`: actors merged in silence and a folder of Cyrillic-named briefs kept one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.extract import extract, load_pipeline
from kg.graph import DEFAULT_BASE_IRI, KG, KnowledgeStore
from kg.graph.namespaces import DCTERMS
from kg.identifiers import slug
from kg.normalise import FoldedText, fold
from kg.read import parse_brief


# ---- slug --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Belarus", "belarus"),
        ("the European Union", "the-european-union"),
        ("Alexander Lukashenko", "alexander-lukashenko"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("Côte d’Ivoire", "cote-divoire"),  # the typographic apostrophe was always dropped
        ("U.S.-backed forces", "u-s-backed-forces"),
        ("—", "x"),
        ("", "x"),
    ],
)
def test_latin_names_keep_the_slugs_they_always_had(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_names_in_other_scripts_are_transliterated_with_a_hash_that_keeps_them_apart() -> None:
    # the values are fixed: an identifier must be the same in every build, on every machine
    assert slug("Лукашэнка") == "lukashenka-8763a6c1"
    assert slug("Ελλάδα") == "ellada-65873aed"
    assert slug("вильнюс") == "vilnyus-62a9fb3f"
    names = ["Лукашэнка", "Лукашенка", "Lukashenka", "Łukaszenka", "Lukaszenka", "Літва", "Латвія", "Мой", "Мои"]
    names += ["минск", "вильнюс", "Αθήνα", "北京", "€5 billion", "$5 billion", "🇧🇾", "🇺🇦"]
    slugs = [slug(name) for name in names]
    assert len(set(slugs)) == len(names), dict(zip(names, slugs, strict=True))
    assert all(s.isascii() and s == s.lower() and " " not in s for s in slugs)


def test_case_invisible_characters_and_width_do_not_make_another_name() -> None:
    assert slug("ЛУКАШЭНКА") == slug("Лукашэнка")
    assert slug("Луказ\u200bшэнка") != slug("Лукашэнка")  # a letter more is another name
    assert slug("Лука\u200bшэнка") == slug("Лука\u202eшэнка") == slug("Лукашэнка")
    assert slug("Bela\u200brus") == slug("Ｂｅｌａｒｕｓ") == slug("𝐁𝐞𝐥𝐚𝐫𝐮𝐬") == "belarus"


# ---- folding the text the extractor reads ------------------------------------------------------
def test_fold_drops_format_characters_and_plains_width_and_font_variants_only() -> None:
    assert fold("Bela\u200brus\u200d \u202eＭｉｎｓｋ\u3000𝔅\ufeff") == "Belarus Minsk 𝔅".replace("𝔅", "B")
    assert fold("ﬁnal … ½ x²") == "ﬁnal … ½ x²"  # other compatibility forms keep their length and form


def test_folded_positions_map_back_to_the_written_text() -> None:
    written = "ab\u200b\u200bcd\u200be"
    folded = FoldedText(written)
    assert folded.text == "abcde"
    assert [written[folded.written(i)] for i in range(5)] == list("abcde")
    assert list(folded.runs(0, 5)) == [(0, 0, 2), (2, 4, 2), (4, 7, 1)]
    assert list(folded.runs(2, 2)) == [(0, 4, 2)]


def statements_of(text: str) -> list:
    [(_, statements)] = extract(load_pipeline(), [parse_brief("names", text)])
    return statements


def test_a_name_with_invisible_characters_or_fullwidth_letters_is_its_vocabulary_actor() -> None:
    text = (
        "Border watch\n\nBela\u200brus criticised Po\u200dland over the new rules for lorries at the border.\n\n"
        "Ｌｉｔｈｕａｎｉａ proposed talks with \u202eLatvia on the transit of fertiliser to the port.\n"
    )
    statements = statements_of(text)
    assert [(s.subject_actor.key, s.relation, s.object_actor and s.object_actor.key) for s in statements] == [
        ("actor/belarus", "criticise", "actor/poland"),
        ("actor/lithuania", "propose", None),
    ]
    assert [s.subject_actor.code for s in statements] == ["BLR", "LTU"]
    for statement in statements:  # the offsets index the brief as written; the sentence is as read
        assert fold(text[statement.start : statement.end]) == statement.sentence
    assert text[statements[0].start : statements[0].end].startswith("Bela\u200brus criticised")
    assert statements[0].sentence.startswith("Belarus criticised Poland")


def test_cyrillic_actors_stay_distinct_actors() -> None:
    statements = statements_of(
        "Baltic notes\n\nLatvia criticised Літва over the new rules for lorries at the border.\n\n"
        "Лукашэнка criticised Poland over the arrest of two journalists in Grodno.\n\n"
        "Лукашенка met Вольга Караткевіч in Minsk to discuss the coming elections.\n"
    )
    pairs = {(s.subject_actor.key, s.object_actor.key if s.object_actor else s.object) for s in statements}
    assert pairs >= {
        ("actor/latvia", f"actor/{slug('Літва')}"),
        (f"actor/{slug('Лукашэнка')}", "actor/poland"),
        (f"actor/{slug('Лукашенка')}", f"actor/{slug('Вольга Караткевіч')}"),
    }
    names = {s.subject_actor.key: s.subject for s in statements}
    names.update({s.object_actor.key: s.object for s in statements if s.object_actor})
    assert len(names) == len(set(names.values())) == 6  # one key per name: none merged


# ---- a folder of briefs named in three scripts ------------------------------------------------
BRIEFS = {
    "минск.txt": "Minsk votes\n\nЛукашенка met Вольга Караткевіч in Minsk to discuss the coming elections.\n",
    "вильнюс.txt": "Vilnius answers\n\nLatvia criticised Літва over the new rules for lorries at the border.\n",
    "αθήνα.txt": "Athens and Ankara\n\nΜητσοτάκης criticised Turkey over the new border rules on Tuesday.\n",
    "Вільнюс-2.txt": "Vilnius again\n\nЛукашэнка criticised Poland over the arrest of two journalists in Grodno.\n",
    "vilnius.txt": "Vilnius in English\n\nLithuania proposed talks with Belarus on the transit of fertiliser.\n",
}


def test_a_folder_of_briefs_named_in_cyrillic_greek_and_latin_builds_every_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for name, text in BRIEFS.items():
        (folder / name).write_text(text, encoding="utf-8")
    output = tmp_path / "output"
    assert main(["build", str(folder), "-o", str(output), "--quiet"]) == 0
    assert "skipped" not in capsys.readouterr().err
    assert json.loads((output / "build.json").read_text())["briefs"] == len(BRIEFS)
    records = [json.loads(line) for line in (output / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == {Path(name).stem for name in BRIEFS}
    store = KnowledgeStore(output / "store", DEFAULT_BASE_IRI, read_only=True)
    rows = store.query(
        f"SELECT ?brief ?id WHERE {{ GRAPH ?brief {{ ?brief a <{KG}Brief> ; <{DCTERMS}identifier> ?id }} }}"
    )
    graphs = {str(row["id"].value): row["brief"].value for row in rows}
    assert graphs == {Path(name).stem: f"{DEFAULT_BASE_IRI}brief/{slug(Path(name).stem)}" for name in BRIEFS}
