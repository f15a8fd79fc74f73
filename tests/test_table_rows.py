"""`ontology/` tables read as `csv.DictReader` reads them, tab-delimited, split at their tabs
when no field can be quoted (`kg.extract.vocabulary.table_rows`)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.extract.vocabulary import table_rows
from kg.ontology import ONTOLOGY_DIR


def dict_reader(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.mark.parametrize(
    "text",
    [
        "verb\tcode\nsend\t070\n",
        '# a comment with "quotes"\nverb\twords\tcode\nsend\t\t070\n\nask\tfor aid\t020\n',
        "verb\tcode\nsend\t070\textra\tmore\nask\n\t\n",  # rows longer and shorter than the header
        'verb\tcode\n"send\tnow"\t070\n',  # a quoted field holds a tab
        "\nverb\tcode\nsend\t070\n",  # an empty first line
        "noun\n\nsoldier\n",
        "",
    ],
)
def test_rows_are_csvs(tmp_path: Path, text: str) -> None:
    path = tmp_path / "table.tsv"
    path.write_text(text, encoding="utf-8")
    assert list(table_rows(path)) == dict_reader(path)


def test_the_ontologys_tables_are_read_as_csv_reads_them() -> None:
    tables = sorted(ONTOLOGY_DIR.glob("*.tsv"))
    assert len(tables) > 10
    for path in tables:
        assert list(table_rows(path)) == dict_reader(path), path.name
