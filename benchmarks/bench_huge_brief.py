"""One huge brief: time and peak memory of `kg build` on a single brief of N MB.

    .venv/bin/python benchmarks/bench_huge_brief.py --mb 50     # the issue's case (an hour or more)
    .venv/bin/python benchmarks/bench_huge_brief.py --mb 1      # a quick look (a few minutes)

The brief is the seed briefs' body paragraphs drawn at random (fixed seed), each opened by its
number ("Item 12."), under one header until it is N MB long, so it has the seeds' vocabulary,
sentence lengths and actors. The build runs in a process of its own (`--brief-timeout 0`: no
limit), and the RSS of its whole process tree (the build and its extraction worker) is sampled
every `SAMPLE_SECONDS`. Printed: the peak of the sum, of the largest process and of the build
process itself, the wall time and the CPU time of the build and its worker,
the progress updates the build printed while inside the brief (they must move), and what the
build wrote.
Target (issue 20): under 2 GB resident whatever the size of the brief.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SECONDS = 0.5
TARGET_MIB = 2048


def seed_paragraphs() -> list[str]:
    from kg.read import brief_files, read_briefs

    briefs = read_briefs(brief_files(ROOT / "seeds"))
    return [paragraph for brief in briefs for segment in brief.segments for paragraph in segment.text.split("\n\n")]


def write_brief(path: Path, megabytes: float, seed: int = 7) -> int:
    """Write a brief of about `megabytes` MB (10^6 bytes) to `path`; return its size in bytes."""
    paragraphs = seed_paragraphs()
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    size = 0
    with path.open("w", encoding="utf-8") as out:
        header = "A very long brief on Belarus and its neighbours\n\nMarch 3, 2016 09:00\n\n"
        out.write(header)
        size += len(header.encode())
        number = 0
        while size < target:
            number += 1  # a numbered opening keeps paragraphs distinct (the reader drops repeats as teasers)
            paragraph = f"Item {number}. {rng.choice(paragraphs)}\n\n"
            out.write(paragraph)
            size += len(paragraph.encode())
    return size


class TreeMemory:
    """Samples the resident memory of a process and its descendants in a thread."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak_total = 0
        self.peak_single = 0
        self.peak_build = 0  # the build process itself (store, statements.jsonl, views)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
                sizes = [_rss(process) for process in processes]
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_single = max(self.peak_single, max(sizes, default=0))
                self.peak_build = max(self.peak_build, sizes[0])
            except psutil.Error:
                pass
            time.sleep(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except psutil.Error:  # it ended between the listing and the reading
        return 0


def _children_cpu() -> float:
    """User and system CPU seconds of the ended children waited for (the build and, as the build
    waits for its workers, theirs): on a shared machine what stays comparable, unlike wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(megabytes: float, work: Path) -> dict[str, object]:
    source = work / "briefs"
    source.mkdir()
    size = write_brief(source / "huge.txt", megabytes)
    output = work / "output"
    command = [sys.executable, "-m", "kg.cli", "build", str(source), "-o", str(output), "--brief-timeout", "0"]
    started = time.perf_counter()
    cpu_before = _children_cpu()
    build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(build.pid)
    out, err = build.communicate()
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    memory.stop()
    if build.returncode != 0:
        raise SystemExit(f"kg build failed ({build.returncode}): {err.strip()[-500:]}")
    manifest = json.loads((output / "build.json").read_text(encoding="utf-8"))
    return {
        "megabytes": round(size / 1_000_000, 2),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "peak_rss_tree_mib": memory.peak_total // 2**20,
        "peak_rss_largest_process_mib": memory.peak_single // 2**20,
        "peak_rss_build_process_mib": memory.peak_build // 2**20,
        "progress_updates_within_the_brief": err.count(" of "),
        "statements": manifest["statements"],
        "triples": manifest["triples"],
        "phases": manifest["phases"],
        "summary": out.strip(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="size of the brief in MB (default: 50)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-huge-") as folder:
        figures = measure(args.mb, Path(folder))
    for name, value in figures.items():
        print(f"{name}: {value}")
    met = figures["peak_rss_tree_mib"] < TARGET_MIB  # type: ignore[operator]
    print(f"target: peak RSS under {TARGET_MIB} MiB: {'met' if met else 'NOT met'}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
