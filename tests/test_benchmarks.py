"""The build benchmark's code path on a 20-brief corpus: it runs and prints its tables (nothing
is timed here; the figures themselves are read from a real run of benchmarks/bench_build.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kg.graph import named_queries

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.timeout(900)  # about 2 minutes on a quiet machine; 7 at a load of 14 on 2 cores
def test_the_build_benchmark_runs_on_a_small_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import bench_build
    finally:
        sys.path.remove(str(BENCHMARKS))
    figures = tmp_path / "figures.json"
    arguments = ["--briefs", "20", "3", "--build-only", "3", "--query-runs", "1", "--work", str(tmp_path)]
    bench_build.main([*arguments, "--json", str(figures)])
    printed = capsys.readouterr().out

    result, built = json.loads(figures.read_text())
    assert built["briefs"] == 3 and "bare_cpu" not in built  # a --build-only size: the build and the queries
    assert built["build_cpu"] > 0 and built["build_rss_mib"] > 0
    assert built["queries"]["who-did-what"]["in_process_wall_ms"] > 0
    assert f"`kg build --full` only: {built['statements']:,} statements" in printed
    assert result["briefs"] == 20
    assert result["statements"] == result["extract_statements"] > 0  # kg extract and kg build agree
    assert result["bare_cpu"] > 0 and result["extract_cpu"] > 0 and result["build_cpu"] > 0
    assert result["bare_numpy_blas_cpu"] > 0
    assert f"| 20 | {result['bare_cpu']:.1f} | {result['bare_numpy_blas_cpu']:.1f} |" in printed
    assert set(result["queries"]) == {*named_queries(), bench_build.STREAMED, bench_build.START}
    queries = result["queries"]
    assert queries[bench_build.START]["rows"] == 1  # the process start: one constant row
    assert queries["who-did-what (all, streamed)"]["rows"] >= queries["who-did-what"]["rows"] == 100  # a page
    assert f"| 20 | {result['words']:,} | {result['segments']:,} | {result['statements']:,} |" in printed
    for name, query in result["queries"].items():
        assert f"| {name} | {query['rows']:,} |" in printed
        assert query["in_process_wall_ms"] > 0 and query["in_process_cpu_ms"] > 0
    assert "- [" in printed and "extraction >= 0.85 of bare nlp.pipe (CPU) at 20" in printed


@pytest.mark.timeout(600)
def test_the_scale_benchmark_runs_on_a_few_briefs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import bench_scale
    finally:
        sys.path.remove(str(BENCHMARKS))
    figures = tmp_path / "figures.json"
    bench_scale.main(["--briefs", "3", "--work", str(tmp_path), "--json", str(figures)])
    printed = capsys.readouterr().out

    result = json.loads(figures.read_text())
    assert result["briefs"] == 3
    assert set(result["runs"]) == {"--jobs 1", "--jobs 2", "--dask local:1", "--dask local:2", "--jobs 2 --store URL"}
    assert all(result["identical"].values())
    assert set(result["same_rows"]) == set(named_queries()) and None not in result["same_rows"].values()
    assert result["same_rows"]["who-did-what"] > 0
    assert all(len(run["load"]) == 2 for run in result["runs"].values())
    costs = result["costs"]
    assert costs["sent_bytes"] > 1000 and costs["returned_bytes"] > 100
    assert costs["server_write_s"] > 0 and costs["embedded_write_s"] > 0
    assert "- [x] every output byte-identical to `--jobs 1`" in printed
    assert "saturates first: " in printed
