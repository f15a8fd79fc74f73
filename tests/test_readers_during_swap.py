"""Readers during a swap: `kg query` that runs while builds swap their products in sees the old
build or the new one, whole, never neither (before, 1 in 400 swaps made a reader fail with "no
build found" or a missing .sst file)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.build.output import MANIFEST_FILE, PRODUCTS, STORE_DIR, reading
from kg.build.staging import make_staging, swap_in
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SWAPS = 400

MIN_READS = 50  # reads while the swaps go on: the swapping goes on until the reader has made them

# a reader in a process of its own, as `kg query` is: it queries until told to stop, and writes
# how many reads it has made into `progress` after each
READER = """
import contextlib, io, json, sys
from pathlib import Path
from kg.cli import main

output, stop, progress, triples = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
reads, failures = 0, []
while not stop.exists():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["query", query, "-o", str(output), "--format", "json"])
    reads += 1
    if code != 0:
        failures.append(err.getvalue().strip())
    elif (n := int(json.loads(out.getvalue())[0]["n"])) != triples:
        failures.append(f"{n} triples, not {triples}")
    progress.write_text(str(reads))
print(json.dumps({"reads": reads, "failures": failures[:5], "failed": len(failures)}))
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("one-brief")
    shutil.copy(sorted((ROOT / "seeds").glob("*.txt"))[0], source)
    output = tmp_path_factory.mktemp("built") / "output"
    assert main(["build", str(source), "-o", str(output), "--quiet"]) == 0
    return output


def stage_copy(template: Path, output: Path, number: int) -> Path:
    """A staging folder holding the template build's products (hard links: the store's files
    are never written once made), its manifest numbered, as a build leaves it before its swap."""
    staging = make_staging(output)
    for name in PRODUCTS:
        if name == STORE_DIR:
            shutil.copytree(template / name, staging / name, copy_function=os.link)
        elif name == MANIFEST_FILE:
            manifest = json.loads((template / name).read_text(encoding="utf-8"))
            (staging / name).write_text(json.dumps({**manifest, "swap": number}), encoding="utf-8")
        else:
            os.link(template / name, staging / name)
    return staging


@pytest.mark.timeout(120)
def test_a_reader_during_400_swaps_never_fails(built: Path, tmp_path: Path) -> None:
    template = tmp_path / "template"
    shutil.copytree(built, template)
    output = tmp_path / "output"
    shutil.copytree(built, output)
    triples = json.loads((built / MANIFEST_FILE).read_text(encoding="utf-8"))["triples"]
    stop, progress = tmp_path / "stop", tmp_path / "progress"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(output), str(stop), str(progress), str(triples)],
        stdout=subprocess.PIPE,
        text=True,
    )
    swaps = 0
    try:
        while (swaps < SWAPS or reads_made(progress) < MIN_READS) and reader.poll() is None:
            swap_in(stage_copy(template, output, swaps), output, list(PRODUCTS))
            swaps += 1
            time.sleep(0.005)
    finally:
        stop.touch()
        result = json.loads(reader.communicate(timeout=60)[0])
    assert result["failures"] == [], result
    assert swaps >= SWAPS and result["reads"] >= MIN_READS, (swaps, result)
    assert json.loads((output / MANIFEST_FILE).read_text(encoding="utf-8"))["swap"] == swaps - 1


def reads_made(progress: Path) -> int:
    try:
        return int(progress.read_text())
    except (FileNotFoundError, ValueError):  # not written yet, or being written
        return 0


def test_a_swap_waits_for_a_reader_and_says_so(built: Path, tmp_path: Path) -> None:
    template = tmp_path / "template"
    shutil.copytree(built, template)
    output = tmp_path / "output"
    shutil.copytree(built, output)
    said: list[str] = []
    swapped = threading.Event()

    def swap() -> None:
        swap_in(stage_copy(template, output, 7), output, list(PRODUCTS), lambda: said.append("waiting"))
        swapped.set()

    with reading(output) as build:
        swapper = threading.Thread(target=swap)
        swapper.start()
        assert not swapped.wait(1.0)  # the reader's build stays in place while it reads
        assert said == ["waiting"]
        assert "swap" not in build.manifest
        assert len(build.store.triples()) == build.manifest["triples"]
    swapper.join(10)
    assert swapped.is_set()
    with reading(output) as build:
        assert build.manifest["swap"] == 7
