"""Incremental and parallel builds write exactly what a clean, single-process build writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.build.builder import build as run_build
from kg.build.incremental import SourceFile, plan_build
from kg.build.output import read_manifest
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SAME_BYTES = ("graph.ttl", "statements.jsonl", "graph.html", "index.html", "timeline.html")


def build(source: Path, output: Path, *extra: str) -> None:
    assert main(["build", str(source), "-o", str(output), "--quiet", *extra]) == 0


def trig(output: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> bytes:
    capsysbinary.readouterr()
    assert main(["export", "--format", "trig", "-o", str(output)]) == 0
    return capsysbinary.readouterr().out


@pytest.fixture(scope="module")
def clean_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("clean") / "output"
    build(ROOT / "seeds", output)
    return output


def test_incremental_build_after_edit_addition_and_deletion_equals_clean_build(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "briefs"
    source.mkdir()
    for path in SEEDS[:4]:
        shutil.copy(path, source)
    output = tmp_path / "incremental"
    build(source, output)
    before = read_manifest(output)

    edited = source / SEEDS[3].name  # a brief rewritten: a name changes, a paragraph goes
    text = edited.read_text(encoding="utf-8").replace("Lukashenka", "Lukashenko")
    edited.write_text(text.replace(text.split("\n\n")[-2], ""), encoding="utf-8")
    (source / SEEDS[1].name).unlink()  # a brief deleted
    shutil.copy(SEEDS[4], source)  # a brief added
    capsysbinary.readouterr()
    assert main(["build", str(source), "-o", str(output), "--quiet"]) == 0
    assert b"(1 changed, 1 added, 1 removed)" in capsysbinary.readouterr().out

    clean = tmp_path / "clean"
    build(source, clean, "--full")
    for name in SAME_BYTES:
        assert (output / name).read_bytes() == (clean / name).read_bytes(), name
    pages = sorted(path.name for path in (clean / "actors").iterdir())
    assert sorted(path.name for path in (output / "actors").iterdir()) == pages
    for name in pages:
        assert (output / "actors" / name).read_bytes() == (clean / "actors" / name).read_bytes(), name
    assert trig(output, capsysbinary) == trig(clean, capsysbinary)
    incremental, full = read_manifest(output), read_manifest(clean)
    assert incremental["changes"] == "1 changed, 1 added, 1 removed"
    for key in ("briefs", "statements", "triples", "sources", "fingerprint"):
        assert incremental[key] == full[key], key
    assert incremental["statements"] != before["statements"]
    docs = [doc for record in incremental["sources"] for doc in record["docs"]]  # type: ignore[union-attr]
    assert docs == [SEEDS[0].stem, SEEDS[2].stem, SEEDS[3].stem, SEEDS[4].stem]
    rows = [json.loads(line) for line in (output / "statements.jsonl").read_text().splitlines()]
    assert {row["doc"] for row in rows} == set(docs)
    assert not [row for row in rows if "Lukashenka" in row["sentence"] and row["doc"] == SEEDS[3].stem]


def test_an_unchanged_output_extracts_nothing(clean_seeds: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    shutil.copytree(clean_seeds, output)
    seen: list[tuple[int, int]] = []
    summary = run_build(ROOT / "seeds", output, progress=lambda done, total: seen.append((done, total)))
    assert seen == [] and summary.changes == "0 changed, 0 added, 0 removed"
    for name in SAME_BYTES:
        assert (output / name).read_bytes() == (clean_seeds / name).read_bytes(), name


def test_a_changed_fingerprint_means_a_full_build(
    clean_seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "output"
    shutil.copytree(clean_seeds, output)
    manifest = json.loads((output / "build.json").read_text())
    (output / "build.json").write_text(json.dumps({**manifest, "fingerprint": "from older code"}))
    capsys.readouterr()
    assert main(["build", str(ROOT / "seeds"), "-o", str(output), "--quiet"]) == 0
    assert capsys.readouterr().out.endswith("(full build)\n")
    assert (output / "graph.ttl").read_bytes() == (clean_seeds / "graph.ttl").read_bytes()


def test_plan_compares_hashes() -> None:
    previous = [
        SourceFile(SEEDS[0].name, "stale", (SEEDS[0].stem,), 3),
        SourceFile(SEEDS[1].name, "", (SEEDS[1].stem,), 2),
        SourceFile("gone.txt", "x", ("gone",), 1),
    ]
    plan = plan_build(SEEDS[:2] + SEEDS[3:4], ROOT / "seeds", previous)
    plan_hash = {record.path: record.sha256 for _, record in plan.files}
    previous[1] = SourceFile(SEEDS[1].name, plan_hash[SEEDS[1].name], (SEEDS[1].stem,), 2)
    plan = plan_build(SEEDS[:2] + SEEDS[3:4], ROOT / "seeds", previous)
    assert plan.extract == {SEEDS[0].name, SEEDS[3].name}
    assert set(plan.kept) == {SEEDS[1].name}
    assert plan.drop == ["gone"]
    assert plan.replaced == {SEEDS[0].name: previous[0]}
    assert (plan.changed, plan.added, plan.removed) == (1, 1, 1)


def test_jobs_2_writes_what_jobs_1_writes(
    clean_seeds: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    parallel = tmp_path / "parallel"
    build(ROOT / "seeds", parallel, "--jobs", "2")
    for name in SAME_BYTES:
        assert (parallel / name).read_bytes() == (clean_seeds / name).read_bytes(), name
    assert trig(parallel, capsysbinary) == trig(clean_seeds, capsysbinary)
    assert read_manifest(parallel)["sources"] == read_manifest(clean_seeds)["sources"]


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["build", "seeds", "--jobs", "0"])
    assert usage.value.code == 2
    assert "expected a whole number of at least 1, not '0'" in capsys.readouterr().err
