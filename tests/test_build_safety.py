"""Crash safety: a build that is killed, interrupted or locked out leaves the previous output as
it was, queryable; a swap cut short is finished by whoever comes next."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from kg.build import build, interruptible
from kg.build.lock import output_lock
from kg.build.output import read_manifest
from kg.build.staging import JOURNAL, STAGING_PREFIX, make_staging, recover, swap_in
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PRODUCTS = ("graph.ttl", "statements.jsonl", "build.json", "graph.html")


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished build of two seed briefs: the output every test here must leave intact."""
    source = tmp_path_factory.mktemp("two-briefs")
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, source)
    output = tmp_path_factory.mktemp("previous") / "output"
    assert main(["build", str(source), "-o", str(output), "--quiet"]) == 0
    return output


@pytest.fixture
def output(previous: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "output"
    shutil.copytree(previous, copy)
    return copy


@pytest.fixture(scope="module")
def many_briefs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds twelve times over (60 files): a build long enough to be stopped half-way, even
    on a fast machine (the tests stop it after its first brief, so its length costs nothing)."""
    source = tmp_path_factory.mktemp("many")
    for copy in range(12):
        for path in SEEDS.glob("*.txt"):
            shutil.copy(path, source / f"{copy}_{path.name}")
    return source


def snapshot(output: Path) -> dict[str, bytes]:
    return {name: (output / name).read_bytes() for name in PRODUCTS}


def who_did_what(output: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main(["query", "who-did-what", "-o", str(output), "--format", "json", "--limit", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def start_build(source: Path, output: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(source), "-o", str(output), "--full", *extra],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def wait_for_progress(build: subprocess.Popen[str], mark: str) -> str:
    """Read the build's progress bar until `mark` ("2/60") shows: it is then mid-extraction."""
    assert build.stderr is not None
    seen = ""
    while mark not in seen:
        char = build.stderr.read(1)
        assert char, f"the build ended before {mark}: {seen}"
        seen += char
    return seen


def test_sigkill_mid_build_leaves_previous_output_queryable(
    output: Path, many_briefs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, rows = snapshot(output), who_did_what(output, capsys)
    build = start_build(many_briefs, output, "--jobs", "2")
    wait_for_progress(build, "2/60")
    workers = psutil.Process(build.pid).children(recursive=True)
    assert len(workers) >= 2  # the spawn helper and the two extraction workers
    build.kill()
    build.wait()
    assert build.returncode == -signal.SIGKILL
    assert snapshot(output) == before
    assert who_did_what(output, capsys) == rows
    assert list(output.glob(STAGING_PREFIX + "*"))  # the killed build's half-written staging folder
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []  # workers exit by themselves when their parent dies
    # the lock died with the build: the next build runs, and clears the abandoned staging folder
    assert main(["build", str(SEEDS), "-o", str(output), "--quiet"]) == 0
    assert not list(output.glob(STAGING_PREFIX + "*"))
    assert read_manifest(output)["briefs"] == 5


def test_ctrl_c_mid_build_cleans_up_and_exits_130(output: Path, many_briefs: Path) -> None:
    before = snapshot(output)
    build = start_build(many_briefs, output)
    wait_for_progress(build, "1/60")
    build.send_signal(signal.SIGINT)
    _, err = build.communicate(timeout=60)
    assert build.returncode == 130, err  # (what the build said, to tell why when it is not)
    assert err.splitlines()[-1] == "kg: interrupted; the previous output is unchanged"
    assert "Traceback" not in err
    assert snapshot(output) == before
    assert not list(output.glob(STAGING_PREFIX + "*"))


def test_a_ctrl_c_that_a_finalizer_swallowed_still_keeps_the_previous_output(output: Path, tmp_path: Path) -> None:
    """Python prints a KeyboardInterrupt raised inside a finalizer as "ignored" and goes on: the
    build, told of the signal all the same, must not swap its products in."""
    before = snapshot(output)
    source = tmp_path / "briefs"
    source.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[2], source)

    def swallowing(*_: object) -> None:  # what a finalizer does with the signal's exception
        with contextlib.suppress(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)

    with interruptible(), pytest.raises(KeyboardInterrupt):
        build(source, output, progress=swallowing, full=True)
    assert snapshot(output) == before
    assert not list(output.glob(STAGING_PREFIX + "*"))


def test_second_build_is_refused_with_exit_75(output: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(output)
    with output_lock(output):  # a build in progress holds this
        code = main(["build", str(SEEDS), "-o", str(output), "--quiet"])
    assert code == 75
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"kg: error: {output} is locked by another build (pid {os.getpid()}, started ")
    assert err.endswith("); wait for it to finish and run again")
    assert "\n" not in err
    assert snapshot(output) == before


def test_locked_output_while_a_real_build_runs(
    output: Path, many_briefs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = start_build(many_briefs, output)
    wait_for_progress(build, "1/60")
    assert main(["build", str(SEEDS), "-o", str(output), "--quiet"]) == 75
    assert f"(pid {build.pid}, started " in capsys.readouterr().err
    running = build.poll() is None  # a loaded machine may let the build finish meanwhile
    build.terminate()  # SIGTERM: handled like Ctrl-C
    build.communicate(timeout=60)
    assert build.returncode == (130 if running else 0)
    assert not list(output.glob(STAGING_PREFIX + "*"))


def _stage(output: Path, names: tuple[str, ...]) -> Path:
    staging = make_staging(output)
    for name in names:
        (staging / name).write_text(f"new {name}")
    return staging


def test_a_swap_cut_short_is_rolled_forward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = ("a.txt", "b.txt", "c.txt")
    for name in names:
        (tmp_path / name).write_text(f"old {name}")
    staging = _stage(tmp_path, names)
    renames = 0
    original = Path.rename

    def dying_rename(self: Path, target: Path) -> Path:
        nonlocal renames
        renames += 1
        if renames == 4:  # a.txt swapped, b.txt moved aside, then the build dies
            raise SystemExit("killed")
        return original(self, target)

    monkeypatch.setattr(Path, "rename", dying_rename)
    with pytest.raises(SystemExit):
        swap_in(staging, tmp_path, list(names))
    monkeypatch.undo()
    assert not (tmp_path / "b.txt").exists() and (tmp_path / JOURNAL).is_file()
    recover(tmp_path)
    assert [(tmp_path / name).read_text() for name in names] == [f"new {name}" for name in names]
    assert not (tmp_path / JOURNAL).exists() and not staging.exists()


def test_readers_finish_an_interrupted_swap(output: Path) -> None:
    manifest = json.loads((output / "build.json").read_text())
    staging = _stage(output, ())
    (staging / "build.json").write_text(json.dumps({**manifest, "briefs": 99}))
    (output / JOURNAL).write_text(json.dumps({"staging": staging.name, "products": ["build.json"]}))
    (output / "build.json").rename(staging / "old-build.json")  # killed right after this rename
    assert read_manifest(output)["briefs"] == 99
    assert not (output / JOURNAL).exists()


def test_abandoned_staging_folders_are_removed_under_the_lock(tmp_path: Path) -> None:
    staging = _stage(tmp_path, ("graph.ttl",))
    (tmp_path / "graph.ttl").write_text("old")
    with output_lock(tmp_path):
        recover(tmp_path)
    assert not staging.exists() and (tmp_path / "graph.ttl").read_text() == "old"
