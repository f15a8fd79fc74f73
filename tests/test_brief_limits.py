"""One brief never stops a corpus: a brief over `--brief-timeout`, or one that makes the
extractor fail or crash, is named and left out while the others are built (exit code 4); a
brief that fails keeps its previous graph, marked stale, in an incremental or a full build;
SIGTERM to the process group of a parallel build ends it within seconds, with idle or busy
workers, and frees the lock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from test_build_safety import wait_for_progress

from kg.build import extract_briefs, output_lock, read_manifest
from kg.cli import main
from kg.read import Brief, Segment, parse_brief

STATES = ("Belarus", "Poland", "Lithuania", "Latvia", "Ukraine", "Estonia", "Russia", "Germany")
NORMAL = (
    "Weekly note on the border\nMarch 3, 2016\n\n"
    "On 2 March 2016, Lithuania expelled a Russian diplomat from Vilnius after a spy scandal.\n\n"
    "Poland criticised the new Belarusian nuclear power plant near the Lithuanian border.\n"
)
NORMAL_ROWS = [
    ("Lithuania", "expel", "Russian diplomat"),
    ("Poland", "criticise", "new Belarusian nuclear power plant"),
]


def long_brief(sentences: int = 3000) -> str:
    """A brief of `sentences` sentences (about 140 characters each): tens of seconds of work."""
    lines = ["Regional security digest", "March 3, 2016", ""]
    for i in range(sentences):
        a, b = STATES[i % 8], STATES[(i * 3 + 1) % 8]
        lines.append(f"On {1 + i % 28} March 2016, {a} proposed new talks with {b} in round {i}.")
        lines.extend([""] if i % 5 == 4 else [])
    return "\n".join(lines) + "\n"


def long_brief_with_a_short_first_article() -> str:
    """A long brief whose first segment is a short article (pasted articles follow a "Similar
    articles" line): its progress shows within a second or two of the worker starting on it."""
    return NORMAL + "\nSimilar articles\n\n" + long_brief()


def run_kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300)


def rows(output: Path) -> list[tuple[str, str, str]]:
    lines = (output / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    return [(r["subject"], r["relation"], r["object"]) for r in map(json.loads, lines)]


def stored_briefs(output: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    query = "SELECT DISTINCT ?id WHERE { ?s kg:inBrief ?b . ?b dcterms:identifier ?id } ORDER BY ?id"
    assert main(["query", query, "-o", str(output), "--format", "csv", "--limit", "0"]) == 0
    return capsys.readouterr().out.split()[1:]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with a brief too long for two seconds (first) and a short one."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a_long.txt").write_text(long_brief(), encoding="utf-8")
    (folder / "b_normal.txt").write_text(NORMAL, encoding="utf-8")
    return folder


@pytest.mark.timeout(300)
def test_a_brief_over_the_time_limit_is_left_out_and_the_rest_built(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "output"
    result = run_kg("build", str(mixed), "-o", str(output), "--brief-timeout", "2")
    assert result.returncode == 4, result.stderr
    assert f"kg: {mixed / 'a_long.txt'}: left out of this build: stopped after 2 s (--brief-timeout 2)" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(f"built {output}: 1 brief, 2 statements, ")
    assert result.stdout.rstrip().endswith("; 1 left out (partial build, see above)")
    assert rows(output) == NORMAL_ROWS
    assert stored_briefs(output, capsys) == ["b_normal"]
    manifest = read_manifest(output)
    assert manifest["left_out"] == 1
    assert manifest["left_out_briefs"] == [
        {"path": "a_long.txt", "reason": "stopped after 2 s (--brief-timeout 2)", "previous_graph_kept": False}
    ]
    assert [s["path"] for s in manifest["sources"]] == ["b_normal.txt"]  # the next build tries it again


@pytest.mark.timeout(300)
def test_a_changed_brief_that_fails_keeps_its_previous_graph_marked_stale(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_text = (mixed / "a_long.txt").read_text(encoding="utf-8")
    (mixed / "a_long.txt").write_text(long_brief(2), encoding="utf-8")
    output = tmp_path / "output"
    assert main(["build", str(mixed), "-o", str(output), "--quiet"]) == 0
    before = rows(output)
    assert before[:2] == [("Belarus", "propose", "new talks"), ("Poland", "propose", "new talks")]
    (mixed / "a_long.txt").write_text(long_text, encoding="utf-8")
    assert main(["build", str(mixed), "-o", str(output), "--quiet", "--brief-timeout", "2"]) == 4
    assert "a_long.txt: left out of this build: stopped after 2 s" in capsys.readouterr().err
    assert rows(output) == before  # the previous statements of the failed brief stay
    assert stored_briefs(output, capsys) == ["a_long", "b_normal"]
    manifest = read_manifest(output)
    [stale] = [s for s in manifest["sources"] if s["path"] == "a_long.txt"]
    assert stale["stale"] is True and stale["statements"] == 2
    assert manifest["left_out_briefs"][0]["previous_graph_kept"] is True
    # the brief's previous text back: its graph is up to date again, nothing is left out
    (mixed / "a_long.txt").write_text(long_brief(2), encoding="utf-8")
    assert main(["build", str(mixed), "-o", str(output), "--quiet", "--brief-timeout", "2"]) == 0
    assert all("stale" not in s for s in read_manifest(output)["sources"])


@pytest.mark.timeout(300)
def test_a_brief_that_fails_in_a_full_build_keeps_its_previous_graph_marked_stale(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full build (--full here; new code or vocabulary does the same) starts from an empty
    store: the failed brief's graph and lines come from the previous output."""
    long_text = (mixed / "a_long.txt").read_text(encoding="utf-8")
    (mixed / "a_long.txt").write_text(long_brief(2), encoding="utf-8")
    output = tmp_path / "output"
    assert main(["build", str(mixed), "-o", str(output), "--quiet"]) == 0
    before, triples = rows(output), read_manifest(output)["triples"]
    (mixed / "a_long.txt").write_text(long_text, encoding="utf-8")
    assert main(["build", str(mixed), "-o", str(output), "--quiet", "--full", "--brief-timeout", "2"]) == 4
    assert "a_long.txt: left out of this build: stopped after 2 s" in capsys.readouterr().err
    assert rows(output) == before
    assert stored_briefs(output, capsys) == ["a_long", "b_normal"]
    manifest = read_manifest(output)
    assert manifest["changes"] == "full build" and manifest["statements"] == 4 and manifest["triples"] == triples
    assert [(s["path"], s["statements"], s.get("stale", False)) for s in manifest["sources"]] == [
        ("a_long.txt", 2, True),
        ("b_normal.txt", 2, False),
    ]
    assert manifest["left_out_briefs"][0]["previous_graph_kept"] is True
    # under another base IRI the previous graph would join nothing: it is not kept
    base = "https://example.org/other/"
    assert main(["build", str(mixed), "-o", str(output), "--quiet", "--base-iri", base, "--brief-timeout", "2"]) == 4
    assert rows(output) == NORMAL_ROWS
    assert read_manifest(output)["left_out_briefs"][0]["previous_graph_kept"] is False


@pytest.mark.timeout(300)
def test_kg_extract_names_the_brief_it_left_out(mixed: Path) -> None:
    result = run_kg("extract", str(mixed), "--brief-timeout", "2")
    assert result.returncode == 4
    assert f"kg: {mixed / 'a_long.txt'}: left out: stopped after 2 s (--brief-timeout 2)" in result.stderr
    assert "Traceback" not in result.stderr
    assert [(r["subject"], r["relation"], r["object"]) for r in map(json.loads, result.stdout.splitlines())] == (
        NORMAL_ROWS
    )


class ExitWhenUnpickled:
    """Stands in for a segment's text; the worker that receives it dies at once (exit code 3),
    as a worker does that segfaults or meets the out-of-memory killer."""

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return os._exit, (3,)


@pytest.mark.timeout(300)
def test_a_brief_that_fails_or_crashes_the_extractor_is_left_out_and_the_rest_extracted() -> None:
    normal = parse_brief("normal", NORMAL)
    failing = Brief("failing", Path("failing.txt"), "", None, (Segment(1, "", None, 42),))  # type: ignore[arg-type]
    crashing = Brief("crashing", Path("crashing.txt"), "", None, (Segment(1, "", None, ExitWhenUnpickled()),))  # type: ignore[arg-type]
    outcomes = list(extract_briefs([failing, normal, crashing, normal], jobs=2, brief_timeout=None))
    assert [o.brief.doc for o in outcomes] == ["failing", "normal", "crashing", "normal"]
    assert outcomes[0].failure is not None and outcomes[0].failure.startswith("the extractor failed: ")
    assert outcomes[2].failure == "the extractor crashed (exit code 3)"
    for outcome in outcomes[1::2]:
        assert outcome.failure is None
        assert [(s.subject, s.relation, s.object) for s in outcome.statements] == NORMAL_ROWS


def start_build(source: Path, output: Path) -> subprocess.Popen[str]:
    """A `--jobs 2` build in a process group of its own (as a service manager starts it)."""
    command = [sys.executable, "-m", "kg.cli", "build", str(source), "-o", str(output), "--jobs", "2", "--full"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("second", ["b_normal.txt", "c_long.txt"], ids=["one-worker-idle", "both-busy"])
def test_sigterm_to_the_process_group_ends_a_parallel_build(mixed: Path, tmp_path: Path, second: str) -> None:
    """With b_normal.txt, the worker that extracted it (in milliseconds) is idle while the other
    works on a_long.txt; with c_long.txt both are busy."""
    (mixed / "a_long.txt").write_text(long_brief_with_a_short_first_article(), encoding="utf-8")
    (mixed / "b_normal.txt").unlink()
    (mixed / second).write_text(NORMAL if second == "b_normal.txt" else long_brief(), encoding="utf-8")
    output = tmp_path / "output"
    build = start_build(mixed, output)
    wait_for_progress(build, "a_long.txt: segment 1 of")  # both workers have the pipeline; one brief is done
    workers = psutil.Process(build.pid).children(recursive=True)
    assert len(workers) >= 2
    started = time.monotonic()
    os.killpg(build.pid, signal.SIGTERM)
    build.wait(timeout=30)
    stopped = time.monotonic() - started
    print(f"\nSIGTERM to the group ({second}): exited after {stopped:.2f} s")
    assert stopped < 5, f"took {stopped:.1f} s"
    assert build.returncode == 130
    assert build.stderr is not None and "Traceback" not in build.stderr.read()
    _, alive = psutil.wait_procs(workers, timeout=5)
    assert alive == []
    with output_lock(output):  # raises OutputLocked if anything still held it
        pass
