"""A worker's start (`kg.build.worker.serve`): OpenBLAS, which numpy loads with spaCy, starts no
thread beyond the worker's own, since the pipeline runs BLAS on one thread and every idle OpenBLAS
thread spins for a while after it starts."""

from __future__ import annotations

import multiprocessing
import os

import psutil

from kg.build.worker import serve


def test_a_ready_worker_runs_only_its_own_threads() -> None:
    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe()
    worker = context.Process(target=serve, args=(there, os.getpid()), daemon=True)
    worker.start()
    try:
        assert here.poll(120) and here.recv() == ("ready",)
        # the main thread, the one that watches the build and the one that receives its briefs
        assert psutil.Process(worker.pid).num_threads() == 3
    finally:
        here.close()  # (the worker ends when the build's end of the pipe closes)
        worker.join(30)
    assert worker.exitcode == 0
