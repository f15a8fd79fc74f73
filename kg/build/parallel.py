"""Extraction in worker processes that the build owns: a time limit per brief, and a brief that
crashes the extractor caught at that brief.

The build reads every brief itself (`kg.build.reader`) and sends each `Brief` (its id and text; the
workers never open a file) to a worker process (`kg.build.worker`). Each worker loads the spaCy
pipeline once, parses the briefs it holds together, and sends back the statements of each brief,
segment by segment (a brief alone, as soon as each segment is found: a long brief shows progress,
and no worker holds a huge brief's statements), then says it is done. The build spools them
(`kg.build.spool`) without unpickling them, in memory for an ordinary brief and on disk for a
huge one, so it holds no more of any brief either. Outcomes are yielded in the order of the
briefs, so `--jobs N` writes exactly what `--jobs 1` writes; a worker never waits for the build,
it takes the next briefs while the build stores the previous ones (up to `LOOKAHEAD_PER_JOB`
briefs a worker ahead). A worker whose briefs are short is handed the next ones before it
finishes (`BATCH_BRIEFS`, `BATCH_BYTES`): it parses them as one batch, and it would otherwise
wait, brief after brief, while the build stores what it had just sent; a thread of the worker
reads the briefs sent, so neither end of the pipe can block the other.

A brief that takes longer than the time limit is stopped: its worker is killed (SIGKILL ends a
loop in C or in Python alike) and a new one started. A brief whose extraction raises, or whose
worker dies (a crash, the out-of-memory killer), is reported the same way; either way the brief
is left out and the others go on (briefs a worker crashed on while parsing them together are each
extracted again alone, to find the one that crashes it). This is why even `--jobs 1` extracts in a worker: only
another process can be stopped whatever it is doing. The limit counts from the moment a ready
worker (its pipeline loaded, a short text extracted to build its lazy tables) reaches the brief:
when it is handed the brief idle, or reports the brief before it done, so it measures the brief
alone (the first brief of a batch also the parsing of the batch, `BATCH_BYTES`: a few seconds).

Stopping cannot hang: the build ends its workers with SIGKILL and waits for each a few seconds
at most (`multiprocessing.Pool.terminate()` could block for ever on a worker that was idle when
SIGTERM reached the process group, holding the build's lock). Workers are started with `spawn`
(never `fork`: the build holds an open RocksDB store with threads of its own), ignore SIGINT
(the build stops them), and exit by themselves if the build is killed. spaCy's own
`nlp.pipe(n_process=...)` is not used: it returns Docs through `Doc.to_bytes`, which cannot
carry the statements the extractor attaches.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from multiprocessing.connection import wait
from multiprocessing.context import SpawnContext, SpawnProcess
from multiprocessing.reduction import ForkingPickler

from kg.build.limits import DEFAULT_BRIEF_TIMEOUT
from kg.build.spool import StatementSpool
from kg.build.worker import serve
from kg.extract import Statement
from kg.read import Brief

# A worker holds the brief it extracts and the next ones behind it, up to this many, while they
# add up to a short batch: it parses the briefs waiting when it turns to them together
# (`kg.build.worker`), and does not wait for the build between briefs. Handed out only when a
# worker finished, a brief waited for the build to store the outcome before: 1,000 briefs of the
# benchmark corpus, one worker, extraction and storing took 167.4 s of wall time under `--jobs 1`
# against 155.3 under `--dask local:1`, whose worker holds a task to start on. Behind a long brief
# nothing is queued, and a long one goes to an idle worker only: another worker may be free first.
BATCH_BRIEFS = 16
BATCH_BYTES = 100_000  # pickled: about 16,000 words, two or three seconds of parsing
LOOKAHEAD_PER_JOB = BATCH_BRIEFS + 4  # briefs read and handed out ahead of the one the build waits for
READ_AHEAD_BYTES = 1_000_000  # pickled: and read ahead of the workers while the waiting ones are shorter
JOIN_SECONDS = 5.0

Progress = Callable[[Brief, int, int], None]  # a brief, its segments done, its segments in all


@dataclass
class Outcome:
    """What became of one brief: its statements (a `StatementSpool` when a worker extracted
    it), or why it was left out of the build (`failure`), or why it had no text to extract
    from (`without_text`)."""

    brief: Brief
    statements: Iterable[Statement] = ()
    failure: str | None = None
    without_text: str | None = None
    seconds: float = 0.0  # how long its worker took (from the hand-over to the last message)


class ExtractorUnavailable(Exception):
    """The pipeline cannot start in a worker: no brief could be extracted."""


def extract_briefs(
    items: Iterable[Brief | Outcome],
    jobs: int = 1,
    brief_timeout: float | None = DEFAULT_BRIEF_TIMEOUT,
    progress: Progress | None = None,
) -> Iterator[Outcome]:
    """Yield an `Outcome` for every item, in order: each `Brief` extracted in one of `jobs`
    worker processes within `brief_timeout` seconds (None or 0: no limit), each `Outcome`
    (a brief the read stage already settled) passed through. The workers are killed when the
    iteration ends, however it ends (close the generator to end it early)."""
    pool = _Pool(max(1, jobs), brief_timeout or None, progress)
    try:
        yield from pool.run(iter(items))
    finally:
        pool.stop()


class Extractor:
    """One worker process that extracts the briefs it is given within a time limit each, for a
    caller that hands out briefs itself (a Dask worker, `kg.build.cluster`): its process is
    started and loads the pipeline once, and is replaced (as in `extract_briefs`) when a brief is
    stopped or crashes it. Not for use by two threads at once."""

    def __init__(self) -> None:
        self._pool = _Pool(1, None, None)
        self._pool.workers = [_Worker(self._pool.context)]  # loads the pipeline meanwhile

    def extract(self, briefs: Iterable[Brief], brief_timeout: float | None = DEFAULT_BRIEF_TIMEOUT) -> list[Outcome]:
        """The briefs' outcomes, in order, their statements still pickled (`PickledStatements`:
        the caller sends them on, and a spool, an open file, cannot be pickled). The worker is
        handed them as `extract_briefs` hands out a corpus, so short ones are parsed together."""
        self._pool.limit = brief_timeout or None
        return [
            replace(outcome, statements=outcome.statements.detached())
            if isinstance(outcome.statements, StatementSpool)
            else outcome
            for outcome in self._pool.run(iter(briefs))
        ]

    def stop(self) -> None:
        self._pool.stop()


@dataclass
class _Waiting:
    """A brief read and not yet sent to a worker."""

    index: int
    brief: Brief
    alone: bool = False  # parsed with others when a worker crashed: it goes to an idle worker alone

    @cached_property
    def data(self) -> memoryview:
        return ForkingPickler.dumps(self.brief)


@dataclass
class _Task:
    index: int
    brief: Brief
    size: int  # bytes sent
    alone: bool
    started: float | None  # None while it waits behind the worker's brief before it
    statements: StatementSpool = field(default_factory=StatementSpool)
    segments: int = 0


class _Worker:
    def __init__(self, context: SpawnContext) -> None:
        self.connection, child = context.Pipe()
        self.process: SpawnProcess = context.Process(target=serve, args=(child, os.getpid()), daemon=True)
        with _main_module_hidden():
            self.process.start()
        child.close()
        self.ready = False
        self.tasks: deque[_Task] = deque()  # the brief being extracted first

    def take(self, waiting: _Waiting) -> None:
        """Send the worker a brief, to extract after the ones it holds."""
        started = None if self.tasks else time.monotonic()
        self.tasks.append(_Task(waiting.index, waiting.brief, len(waiting.data), waiting.alone, started))
        self.connection.send_bytes(waiting.data)

    def may_take(self, waiting: _Waiting) -> bool:
        """Whether the worker may be sent this brief now: it is ready, and holds none, or fewer
        than `BATCH_BRIEFS` that with this one add up to `BATCH_BYTES` at most (none alone)."""
        if not self.ready or not self.tasks:
            return self.ready
        if waiting.alone or self.tasks[0].alone or len(self.tasks) >= BATCH_BRIEFS:
            return False
        return sum(task.size for task in self.tasks) + len(waiting.data) <= BATCH_BYTES

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(JOIN_SECONDS)
        self.connection.close()

    def death(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"the extractor crashed (killed by {signal.Signals(-code).name})"
        return f"the extractor crashed (exit code {code})"


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without the parent's `__main__`: `spawn` runs the parent's main script
    again in the child (as `__mp_main__`) unless the main module is hidden, which re-runs a user's
    script that calls `kg.build_graph` without an `if __name__ == "__main__":` guard (and fails:
    "an attempt has been made to start a new process before ... bootstrapping") and fails for a
    script read from standard input. The workers run kg's code only (`kg.build.worker.serve`,
    pickled by its module's name), so they need nothing from it. The spawn start method reads
    `sys.modules["__main__"]` while `start()` runs (`multiprocessing.spawn.get_preparation_data`)."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class _Pool:
    def __init__(self, jobs: int, brief_timeout: float | None, progress: Progress | None) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.jobs = jobs
        self.limit = brief_timeout
        self.progress = progress
        self.workers: list[_Worker] = []
        self.finished: dict[int, Outcome] = {}
        self.waiting: deque[_Waiting] = deque()  # read, not yet sent to a worker

    def run(self, items: Iterator[Brief | Outcome]) -> Iterator[Outcome]:
        """Yield the outcome of every item in order; the workers started by an earlier run of the
        same pool (which ended) are used again, with the pipeline they have loaded."""
        if not self.workers:
            self.workers = [_Worker(self.context) for _ in range(self.jobs)]
        self.waiting = deque()
        read = shown = 0  # items taken from `items`; outcomes yielded
        exhausted = False
        while True:
            while shown in self.finished:
                yield self.finished.pop(shown)
                shown += 1
            while not exhausted and read < shown + self.jobs * LOOKAHEAD_PER_JOB and self._may_read():
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Outcome):
                    self.finished[read] = item
                else:
                    self.waiting.append(_Waiting(read, item))
                read += item is not None
            if shown in self.finished:
                continue
            self._hand_out()
            if exhausted and not self.waiting and shown == read:
                return
            self._wait()

    def _may_read(self) -> bool:
        """Whether to read another brief: the ones read and not handed out are short enough to
        hold (a folder of huge briefs is read one brief ahead)."""
        return sum(len(waiting.data) for waiting in self.waiting) < READ_AHEAD_BYTES

    def _hand_out(self) -> None:
        """Send the waiting briefs in order, one to each worker that may take it in turn: first
        to the idle ones, then behind the short briefs the others hold."""
        while self.waiting and any(worker.may_take(self.waiting[0]) for worker in self.workers):
            for worker in self.workers:
                if self.waiting and worker.may_take(self.waiting[0]):
                    worker.take(self.waiting.popleft())

    def _wait(self) -> None:
        """Wait for a message, a worker's death or the next deadline, and act on what came."""
        starts = [task.started for w in self.workers if w.tasks and (task := w.tasks[0]).started]
        deadlines = [start + self.limit for start in starts if self.limit]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        watched: dict[object, _Worker] = {w.connection: w for w in self.workers}
        watched |= {w.process.sentinel: w for w in self.workers}
        for ready in wait(list(watched), timeout):  # type: ignore[arg-type]
            worker = watched[ready]
            if worker in self.workers:
                self._read(worker)
        now = time.monotonic()
        for worker in list(self.workers):
            started = worker.tasks[0].started if worker.tasks else None
            if self.limit and started and now - started > self.limit and not worker.connection.poll():
                self._replace(worker, f"stopped after {self.limit:g} s (--brief-timeout {self.limit:g})")

    def _read(self, worker: _Worker) -> None:
        """Take every message the worker has sent; replace it if it died."""
        try:
            while worker.connection.poll():
                self._handle(worker, worker.connection.recv())
        except (EOFError, OSError):
            pass
        if not worker.process.is_alive() and worker in self.workers:
            worker.process.join(JOIN_SECONDS)
            if not worker.ready:
                raise ExtractorUnavailable(f"the extractor could not start: {worker.death()}")
            self._replace(worker, worker.death(), crashed=True)

    def _handle(self, worker: _Worker, message: tuple[object, ...]) -> None:
        kind, *rest = message
        if kind == "ready":
            worker.ready = True
            return
        if kind == "broken":
            raise ExtractorUnavailable(f"the extractor could not start: {rest[0]}")
        assert worker.tasks, message
        task = worker.tasks[0]
        assert task.started is not None
        if kind == "segment":
            count, batch = rest
            task.statements.add(batch, count)  # type: ignore[arg-type]
            task.segments += 1
            if self.progress:
                self.progress(task.brief, task.segments, len(task.brief.segments))
            return
        worker.tasks.popleft()
        now = time.monotonic()
        if worker.tasks:  # the worker went straight on to it: its time counts from now
            worker.tasks[0].started = now
        seconds = now - task.started
        if kind == "done":
            self.finished[task.index] = Outcome(task.brief, task.statements, seconds=seconds)
        else:
            task.statements.close()
            failure = f"the extractor failed: {rest[0]}"
            self.finished[task.index] = Outcome(task.brief, failure=failure, seconds=seconds)

    def _replace(self, worker: _Worker, failure: str, crashed: bool = False) -> None:
        """Kill a worker and start another. Its brief, if any, fails with `failure`, and the
        ones it held behind go back to the front of the queue; but a worker that `crashed` holding
        several briefs may have been parsing them together, so they all go back, each to be
        extracted alone, and the one that crashes a worker alone fails."""
        worker.kill()
        for task in worker.tasks:
            task.statements.close()
        if crashed and len(worker.tasks) > 1:
            self.waiting.extendleft(_Waiting(task.index, task.brief, alone=True) for task in reversed(worker.tasks))
        elif worker.tasks:
            task, *behind = worker.tasks
            seconds = time.monotonic() - (task.started or time.monotonic())
            self.finished[task.index] = Outcome(task.brief, failure=failure, seconds=seconds)
            self.waiting.extendleft(_Waiting(queued.index, queued.brief) for queued in reversed(behind))
        self.workers[self.workers.index(worker)] = _Worker(self.context)

    def stop(self) -> None:
        """Kill every worker (idle or busy alike: none holds anything the build needs)."""
        for worker in self.workers:
            worker.kill()
        self.workers = []
