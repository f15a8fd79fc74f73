"""Extraction of brief files in this process or spread over worker processes (`kg build --jobs N`).

Workers get chunks of file paths and send back each file's briefs with their statements
(plain frozen dataclasses, so they pickle); results come back in file order, so `--jobs N`
writes exactly what `--jobs 1` writes. spaCy's own `nlp.pipe(n_process=...)` is not used: it
ships each Doc back with `Doc.to_bytes`, which keeps custom attributes only when msgpack can
serialise them (the statements on `doc._.statements` cannot), and it would parse in the
workers but extract in the parent. A brief's statements do not depend on which other briefs
share its spaCy batch (the parser and tagger score each doc on its own), which is what lets
any chunking give the same output.

Workers are started with `spawn` (never `fork`: the parent holds an open RocksDB store with
threads of its own), each loads the pipeline once, ignores SIGINT (the parent handles Ctrl-C
and terminates them), and exits by itself if the parent dies (SIGKILL leaves no orphans).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.extract import Statement, extract, load_pipeline
from kg.read import Brief, read_briefs

Extracted = list[tuple[Brief, list[Statement]]]  # one file's briefs (none if it was skipped)
CHUNK_FILES = 8  # files a worker takes at once: big enough for full spaCy batches
PARENT_CHECK_SECONDS = 1.0


def extract_files(files: list[Path], jobs: int = 1) -> Iterator[tuple[Path, Extracted]]:
    """Yield every file with its briefs and their statements, in the order of `files`."""
    if jobs <= 1 or len(files) <= 1:
        yield from _extract_here(files)
        return
    size = max(1, min(CHUNK_FILES, len(files) // (jobs * 4)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(min(jobs, len(chunks)), initializer=_start_worker, initargs=(os.getpid(),))
    try:
        for results in pool.imap(_extract_chunk, chunks):
            yield from results
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _extract_here(files: Iterable[Path]) -> Iterator[tuple[Path, Extracted]]:
    """Stream all files' briefs through one `nlp.pipe` and group the results by file."""
    files = list(files)
    results = extract(load_pipeline(), (brief for path in files for brief in read_briefs([path])))
    pending = iter(files)
    current: Path | None = None
    group: Extracted = []
    for brief, statements in results:
        if brief.path != current:
            if current is not None:
                yield current, group
            for path in pending:  # files before this brief's produced no brief
                if path == brief.path:
                    break
                yield path, []
            current, group = brief.path, []
        group.append((brief, statements))
    if current is not None:
        yield current, group
    for path in pending:
        yield path, []


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    load_pipeline()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _extract_chunk(files: list[Path]) -> list[tuple[Path, Extracted]]:
    return list(_extract_here(files))
