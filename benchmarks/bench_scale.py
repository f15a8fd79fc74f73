"""Past one machine: extraction on Dask against the process pool, and the graph in a SPARQL server
against the embedded store (issue 19).

On one corpus (`benchmarks/corpus.py`), in one run, each a full `kg build` in a process of its
own: `--jobs 1`, `--jobs 2`, `--dask local:1`, `--dask local:2`, and `--jobs 2 --store URL`
against an `oxigraph serve` started here. It reports wall and CPU seconds (process tree; a
LocalCluster's workers are the build's children too), the speed-ups, whether every output is
byte-identical to `--jobs 1`, whether every named query answers the same rows (all of them,
`--limit 0`) from the server as from the embedded store, and the load average before and after
each build (on a shared machine the wall times mean little without it; CPU times stay
comparable). Then it measures the per-brief costs a bigger deployment is made of:
extraction (one worker), Dask's overhead per brief, the bytes sent and returned per brief, and a
brief's store write (in the build's batches: several briefs' graphs to one update request on the
server, to one bulk load in an embedded store), and projects what a cluster of `--nodes`
machines of `--cores` workers would do with `--project` briefs, naming the stage that saturates
first.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_build import QUERY_PARAMS, kg, run_measured  # noqa: E402
from corpus import make_corpus  # noqa: E402

from kg.build import read_stage  # noqa: E402
from kg.graph import KnowledgeStore, ServerStore, named_queries  # noqa: E402

SAME_FILES = ("statements.jsonl", "graph.ttl")
LINK_BYTES_PER_SECOND = 125e6  # 1 Gbit/s, the build machine's link to the cluster


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    binary = Path(sys.executable).parent / "oxigraph"
    command = [str(binary), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("oxigraph serve did not start")


def timed_build(corpus: Path, output: Path, *options: str) -> dict[str, object]:
    load_before = os.getloadavg()[0]
    measured = run_measured(kg("build", str(corpus), "-o", str(output), "--full", "-q", *options))
    manifest = json.loads((output / "build.json").read_text(encoding="utf-8"))
    return {
        "wall": measured.wall,
        "cpu": measured.cpu,
        "load": [load_before, os.getloadavg()[0]],
        "phases": manifest["phases"],
        "output": str(output),
    }


def same_rows(one: Path, other: Path) -> dict[str, int | None]:
    """Every named query's rows (all of them) from both outputs' stores: how many, if the same
    (None if they differ)."""
    rows: dict[str, int | None] = {}
    for name in named_queries():
        command = ["query", name, "--format", "json", "--limit", "0"]
        for param in QUERY_PARAMS.get(name, []):
            command += ["--param", param]
        answers = [
            subprocess.run(kg(*command, "-o", str(o)), capture_output=True, check=True).stdout for o in (one, other)
        ]
        rows[name] = len(json.loads(answers[0])) if answers[0] == answers[1] else None
    return rows


def transfer_bytes(corpus: Path, output: Path) -> tuple[float, float]:
    """Mean pickled bytes of a brief sent to a worker, and of its statements (as JSON lines,
    the size of what comes back) per brief."""
    files = sorted(corpus.glob("*.txt"))
    sent = [len(pickle.dumps(item)) for item in read_stage(files)]
    returned = (output / "statements.jsonl").stat().st_size
    return sum(sent) / len(sent), returned / len(files)


def store_writes(embedded: Path, url: str, work: Path) -> tuple[float, float, float]:
    """Seconds a brief's graph takes to write, mean over the corpus, in the build's batches: into
    a new embedded store, and onto the server; and the server's union refresh for all of them."""
    graphs = defaultdict(list)
    for quad in KnowledgeStore(embedded / "store", "", read_only=True).quads():
        if "/brief/" in quad.graph_name.value:
            graphs[quad.graph_name].append(quad)
    base = json.loads((embedded / "build.json").read_text(encoding="utf-8"))["base_iri"]
    local = KnowledgeStore(work / "write-test-store", base)
    local.start_bulk_load()  # as a full build writes it
    started = time.perf_counter()
    for graph, quads in graphs.items():
        local.put_brief(graph, quads)
    local.flush()
    embedded_seconds = (time.perf_counter() - started) / len(graphs)
    server = ServerStore(url, base)
    started = time.perf_counter()
    for graph, quads in graphs.items():
        server.put_brief(graph, quads)
    server.graphs()  # sends the last batch
    server_seconds = (time.perf_counter() - started) / len(graphs)
    started = time.perf_counter()
    server.flush()
    return embedded_seconds, server_seconds, time.perf_counter() - started


def report(r: dict[str, object], args: argparse.Namespace) -> str:
    runs: dict[str, dict[str, float]] = r["runs"]  # type: ignore[assignment]
    n = int(r["briefs"])  # type: ignore[call-overload]
    lines = [
        f"### {n:,} briefs on {os.cpu_count()} cores\n",
        "| build | wall s | CPU s | extract and store s | load before / after | byte-identical to --jobs 1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, run in runs.items():
        same = r["identical"][name]  # type: ignore[index]
        before, after = run["load"]  # type: ignore[misc]
        lines.append(
            f"| {name} | {run['wall']:.1f} | {run['cpu']:.1f} | {run['phases']['extract and store']:.1f} "  # type: ignore[index]
            f"| {before:.1f} / {after:.1f} | {'yes' if same else 'NO'} |"
        )
    w = {name: run["wall"] for name, run in runs.items()}
    cpu = {name: run["cpu"] for name, run in runs.items()}
    rows: dict[str, int | None] = r["same_rows"]  # type: ignore[assignment]
    answered = ", ".join(f"{query} {'DIFFERENT' if n is None else f'{n:,}'}" for query, n in rows.items())
    speedup = w["--dask local:1"] / w["--dask local:2"]
    against_pool = w["--dask local:2"] / w["--jobs 2"]
    lines += [
        "",
        f"- [{'x' if speedup >= 1.6 else ' '}] `--dask local:2` >= 1.6x `--dask local:1`: {speedup:.2f}x "
        f"(`--jobs 2` / `--jobs 1`: {w['--jobs 1'] / w['--jobs 2']:.2f}x)",
        f"- [{'x' if against_pool <= 1.10 else ' '}] `--dask local:2` within 10% of `--jobs 2`: "
        f"{100 * (against_pool - 1):+.1f}%",
        f"- [{'x' if all(r['identical'].values()) else ' '}] every output byte-identical to `--jobs 1`",  # type: ignore[union-attr]
        f"- [{'x' if None not in rows.values() else ' '}] the server build answers every named query with the "
        f"embedded store's rows ({answered}); "
        f"server build {w['--jobs 2 --store URL']:.1f} s against embedded {w['--jobs 2']:.1f} s "
        f"({w['--jobs 2 --store URL'] / w['--jobs 2']:.2f}x)",
        f"- CPU (process tree): `--dask local:2` / `--jobs 2` {cpu['--dask local:2'] / cpu['--jobs 2']:.2f}x, "
        f"`--dask local:1` / `--jobs 1` {cpu['--dask local:1'] / cpu['--jobs 1']:.2f}x",
    ]
    c: dict[str, float] = r["costs"]  # type: ignore[assignment]
    workers = args.nodes * args.cores
    extraction = args.project * c["extract_s"] / workers
    dask = args.project * c["dask_overhead_s"] / workers
    transfer = args.project * (c["sent_bytes"] + c["returned_bytes"]) / LINK_BYTES_PER_SECOND
    writes = args.project * c["server_write_s"]
    stages = {
        "extraction on the workers": extraction + dask,
        "transfer through the build machine's 1 Gbit/s link": transfer,
        "store writes (one build process, in batches)": writes,
    }
    first = max(stages, key=lambda k: stages[k])
    lines += [
        "",
        "| per-brief cost | measured |",
        "|---|---|",
        f"| extraction, one worker (`--jobs 1` extract and store, less the store write) | {c['extract_s']:.3f} s |",
        f"| Dask's overhead (`local:1` against `--jobs 1`) | {c['dask_overhead_s']:.3f} s |",
        f"| sent to a worker (pickled Brief) / returned (statements as JSON) | {c['sent_bytes']:,.0f} / "
        f"{c['returned_bytes']:,.0f} bytes |",
        "| store write, embedded (bulk load) / server (update request), in batches | "
        f"{c['embedded_write_s'] * 1000:.1f} / "
        f"{c['server_write_s'] * 1000:.1f} ms |",
        f"| server union refresh, all {n:,} briefs at once | {c['union_refresh_s']:.1f} s |",
        "",
        f"{args.project:,} briefs on {args.nodes} nodes x {args.cores} workers ({workers} extractors):",
        "",
    ]
    lines += [f"- {name}: {seconds / 60:.1f} min" for name, seconds in stages.items()]
    lines.append(f"- saturates first: {first}")
    return "\n".join(lines)


def bench(size: int, work: Path, args: argparse.Namespace) -> dict[str, object]:
    corpus = work / f"corpus-{size}"
    if not corpus.is_dir():
        make_corpus(size, corpus)
    runs: dict[str, dict[str, object]] = {}
    for name, options in (
        ("--jobs 1", ["--jobs", "1"]),
        ("--jobs 2", ["--jobs", "2"]),
        ("--dask local:1", ["--dask", "local:1"]),
        ("--dask local:2", ["--dask", "local:2"]),
    ):
        print(f"{size} briefs: kg build {name} ...", file=sys.stderr, flush=True)
        runs[name] = timed_build(corpus, work / f"out-{size}-{name.replace(' ', '').replace(':', '')}", *options)
    server, url = start_server(work / f"server-{size}")
    try:
        print(f"{size} briefs: kg build --jobs 2 --store {url} ...", file=sys.stderr, flush=True)
        runs["--jobs 2 --store URL"] = timed_build(corpus, work / f"out-{size}-server", "--jobs", "2", "--store", url)
        reference = Path(str(runs["--jobs 1"]["output"]))
        identical = {
            name: all((Path(str(run["output"])) / f).read_bytes() == (reference / f).read_bytes() for f in SAME_FILES)
            for name, run in runs.items()
        }
        rows = same_rows(Path(str(runs["--jobs 2"]["output"])), Path(str(runs["--jobs 2 --store URL"]["output"])))
        print(f"{size} briefs: store writes ...", file=sys.stderr, flush=True)
        write_server, write_work = start_server(work / f"write-server-{size}")
        try:
            embedded_write, server_write, union = store_writes(reference, write_work, work)
        finally:
            write_server.kill()
            write_server.wait()
    finally:
        server.kill()
        server.wait()
    sent, returned = transfer_bytes(corpus, reference)
    phase = {name: float(run["phases"]["extract and store"]) for name, run in runs.items()}  # type: ignore[index]
    costs = {
        "extract_s": phase["--jobs 1"] / size - embedded_write,
        "dask_overhead_s": max(0.0, (phase["--dask local:1"] - phase["--jobs 1"]) / size),
        "sent_bytes": sent,
        "returned_bytes": returned,
        "embedded_write_s": embedded_write,
        "server_write_s": server_write,
        "union_refresh_s": union,
    }
    for run in runs.values():
        del run["output"]
    return {"briefs": size, "runs": runs, "identical": identical, "same_rows": rows, "costs": costs}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--briefs", type=int, default=1000, metavar="N", help="corpus size (default: 1000)")
    parser.add_argument("--project", type=int, default=100_000, help="briefs of the projection (default: 100000)")
    parser.add_argument("--nodes", type=int, default=10, help="cluster machines of the projection (default: 10)")
    parser.add_argument("--cores", type=int, default=8, help="Dask workers per machine (default: 8)")
    parser.add_argument("--work", type=Path, help="folder for corpora and outputs (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    print(f"cores: {os.cpu_count()}, work folder: {work}", file=sys.stderr)
    try:
        result = bench(args.briefs, work, args)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(report(result, args))


if __name__ == "__main__":
    main()
