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

# a reader in a process of its own, as `kg query` is: it counts the builds it sees until told to stop
READER = """
import contextlib, io, json, sys
from pathlib import Path
from kg.cli import main

output, stop, triples = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
reads, failures = 0, []
while not stop.exists() or reads < 20:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["query", query, "-o", str(output), "--format", "json"])
    reads += 1
    if code != 0:
        failures.append(err.getvalue().strip())
    elif (n := int(json.loads(out.getvalue())[0]["n"])) != triples:
        failures.append(f"{n} triples, not {triples}")
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
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(output), str(stop), str(triples)], stdout=subprocess.PIPE, text=True
    )
    try:
        time.sleep(1.5)  # the reader's imports
        for number in range(SWAPS):
            swap_in(stage_copy(template, output, number), output, list(PRODUCTS))
            time.sleep(0.005)
    finally:
        stop.touch()
        result = json.loads(reader.communicate(timeout=60)[0])
    assert result["failures"] == [], result
    assert result["reads"] >= 50, result  # the reads overlapped the swaps
    assert json.loads((output / MANIFEST_FILE).read_text(encoding="utf-8"))["swap"] == SWAPS - 1


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
