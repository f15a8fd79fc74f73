"""The event-coding benchmark's code path on a few records: brief files, one kg build, SPARQL
(the figures themselves come from a full run of benchmarks/bench_event_coding.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT.parent / "shared" / "benchmarks"

pytestmark = pytest.mark.skipif(
    not (SETS / "plover_gsr").is_dir(), reason="../shared/benchmarks is not beside the repository"
)


@pytest.mark.timeout(300)
def test_the_event_benchmark_builds_the_records_and_reads_their_events(capfd: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_event_coding
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert bench_event_coding.main(["--benchmarks", str(SETS), "--limit", "8", "--show-misses"]) == 0
    printed = capfd.readouterr().out
    assert "built " in printed and ": 16 briefs" in printed  # one build over the records of both sets
    assert printed.count("| records | 8 |") == 2
    # "Portugal will support Turkey's efforts ...": the dyad of the main event is Portugal -> Turkey
    assert "PLOVER-GSR01-AGREE-0008" not in printed
    assert "| dyad accuracy (source and target country) |" in printed
