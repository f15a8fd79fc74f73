"""Texts of `plain` characters are folded without the regex module (`kg.normalise`): none of
those characters is one `fold` changes, by the regex module's own Unicode properties."""

from __future__ import annotations

import subprocess
import sys

from kg.normalise import fold, patterns, plain

PLAIN = [chr(c) for c in (*range(0x600), *range(0x2010, 0x2028), *range(0x2030, 0x205F)) if c != 0xAD]


def test_no_plain_character_is_one_fold_changes() -> None:
    changed = patterns()[2]
    assert plain("".join(PLAIN))
    assert [c for c in PLAIN if changed.search(c)] == []


def test_a_text_with_any_other_character_is_folded_by_the_properties() -> None:
    for text in ("Bela\u200brus", "Bela\xadrus", "\uff22elarus", "\U0001d401elarus", "Беларусь\u2060"):
        assert not plain(text)
    assert fold("Bela\u200brus \uff22elarus") == "Belarus Belarus"
    assert fold("Minsk – “Belarus”") == "Minsk – “Belarus”"


def test_a_build_process_folding_plain_text_does_not_import_the_regex_module() -> None:
    check = (
        "import sys, kg.build.builder, kg.build.reader\n"
        "from kg.identifiers import slug\n"
        "from kg.normalise import FoldedText\n"
        "slug('Côte d’Ivoire'); FoldedText('Minsk – “Belarus” said on Monday…')\n"
        "print('regex' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
