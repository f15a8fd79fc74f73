"""Extraction in worker processes that the build owns: a time limit per brief, and a brief that
crashes the extractor caught at that brief.

The build reads every brief itself (`kg.build.reader`) and sends each `Brief` (its id and text; the
workers never open a file) to a worker process. Each worker loads the spaCy pipeline once,
takes one brief at a time, and sends back the statements of each segment as soon as they are
found (so a long brief shows progress, and no worker holds a huge brief's statements), then
says it is done. The build spools them (`kg.build.spool`) without unpickling them, in memory for
an ordinary brief and on disk for a huge one, so it holds no more of any brief either. Outcomes
are yielded in the order of the briefs, so `--jobs N` writes exactly what `--jobs 1` writes; a
worker never waits for the build, it takes the next brief while the build stores the previous
ones (up to `LOOKAHEAD_PER_JOB` briefs a worker ahead). A worker whose brief is short is handed
its next one before it finishes (`BRIEFS_PER_WORKER`): otherwise it would wait, brief after
brief, while the build stores what it had just sent; a thread of the worker reads the briefs
sent, so neither end of the pipe can block the other.

A brief that takes longer than the time limit is stopped: its worker is killed (SIGKILL ends a
loop in C or in Python alike) and a new one started. A brief whose extraction raises, or whose
worker dies (a crash, the out-of-memory killer), is reported the same way; either way the brief
is left out and the others go on. This is why even `--jobs 1` extracts in a worker: only
another process can be stopped whatever it is doing. The limit counts from the moment a ready
worker (its pipeline loaded, a short text extracted to build its lazy tables) reaches the brief:
when it is handed the brief idle, or reports the brief before it done, so it measures the brief
alone.

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
import queue
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnContext, SpawnProcess
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING

from kg.build.limits import DEFAULT_BRIEF_TIMEOUT
from kg.build.spool import StatementSpool, pickled
from kg.extract import Statement
from kg.read import Brief, parse_brief

if TYPE_CHECKING:
    from spacy.language import Language

LOOKAHEAD_PER_JOB = 4  # briefs read and handed out ahead of the one the build waits for
# A worker holds the brief it extracts and, behind a short one, the next. Handed out only when a
# worker finished, a brief waited for the build to store the outcome before: 1,000 briefs of the
# benchmark corpus, one worker, extraction and storing took 167.4 s of wall time under `--jobs 1`
# against 155.3 under `--dask local:1`, whose worker holds a task to start on. Behind a long brief
# nothing is queued: another worker may be free before it ends.
BRIEFS_PER_WORKER = 2
SHORT_BRIEF_BYTES = 50_000  # pickled: about 10,000 words, a few seconds of extraction
# The segments of one brief that spaCy parses together. Each of its trained components takes a
# batch of this many docs, so a long brief's worker holds a few batches of 20,000-character docs
# (about 20 MB each as spaCy docs): measured on a 400 KB brief, 16 peaked at 1,014 MiB and 25 s
# of CPU, 4 at 419 MiB and 21 s. Most briefs are one segment, for which it changes nothing.
SEGMENTS_IN_FLIGHT = 4
PARENT_CHECK_SECONDS = 1.0
JOIN_SECONDS = 5.0

# A worker extracts this before it takes briefs: the first doc builds the components' lazy
# tables (2-3 s), which would otherwise count against the first brief's time limit.
WARM_UP = (
    "Warm-up\nMarch 3, 2016\n\nOn 2 March 2016, Lithuania expelled a Russian diplomat from Vilnius, "
    "and the Belarusian foreign minister said that Minsk would not accept the decision.\n"
)

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
    """One worker process that extracts one brief at a time within a time limit, for a caller
    that hands out briefs itself (a Dask worker, `kg.build.cluster`): its process is started and
    loads the pipeline once, and is replaced (as in `extract_briefs`) when a brief is stopped or
    crashes it. Not for use by two threads at once."""

    def __init__(self) -> None:
        self._pool = _Pool(1, None, None)
        self._pool.workers = [_Worker(self._pool.context)]  # loads the pipeline meanwhile

    def extract(self, brief: Brief, brief_timeout: float | None = DEFAULT_BRIEF_TIMEOUT) -> Outcome:
        """The brief's outcome, its statements still pickled (`PickledStatements`: the caller
        sends them on, and a spool, an open file, cannot be pickled)."""
        self._pool.limit = brief_timeout or None
        outcome = next(self._pool.run(iter([brief])))
        if isinstance(outcome.statements, StatementSpool):
            return replace(outcome, statements=outcome.statements.detached())
        return outcome

    def stop(self) -> None:
        self._pool.stop()


@dataclass
class _Task:
    index: int
    brief: Brief
    size: int  # bytes sent
    started: float | None  # None while it waits behind the worker's brief before it
    statements: StatementSpool = field(default_factory=StatementSpool)
    segments: int = 0


class _Worker:
    def __init__(self, context: SpawnContext) -> None:
        self.connection, child = context.Pipe()
        self.process: SpawnProcess = context.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        with _main_module_hidden():
            self.process.start()
        child.close()
        self.ready = False
        self.tasks: deque[_Task] = deque()  # the brief being extracted first

    def take(self, index: int, brief: Brief) -> None:
        """Send the worker a brief, to extract after the ones it holds."""
        data = ForkingPickler.dumps(brief)
        started = None if self.tasks else time.monotonic()
        self.tasks.append(_Task(index, brief, len(data), started))
        self.connection.send_bytes(data)

    def may_take(self) -> bool:
        """Whether the worker may be sent a brief now: it is ready, and holds none or a short one."""
        if not self.ready or len(self.tasks) >= BRIEFS_PER_WORKER:
            return False
        return not self.tasks or self.tasks[-1].size <= SHORT_BRIEF_BYTES

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
    script read from standard input. The workers run kg's code only (`_serve`, pickled by its
    module's name), so they need nothing from it. The spawn start method reads
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
        self.waiting: deque[tuple[int, Brief]] = deque()  # read, not yet sent to a worker

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
            while not exhausted and read < shown + self.jobs * LOOKAHEAD_PER_JOB:
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Outcome):
                    self.finished[read] = item
                else:
                    self.waiting.append((read, item))
                read += item is not None
            if shown in self.finished:
                continue
            self._hand_out()
            if exhausted and not self.waiting and shown == read:
                return
            self._wait()

    def _hand_out(self) -> None:
        """Send the waiting briefs in order: first one to every idle worker, then one more to
        each whose brief is short."""
        for _ in range(BRIEFS_PER_WORKER):
            for worker in self.workers:
                if self.waiting and worker.may_take():
                    worker.take(*self.waiting.popleft())

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
            self._replace(worker, worker.death())

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

    def _replace(self, worker: _Worker, failure: str) -> None:
        """Kill a worker (its brief, if any, fails with `failure`; the one it held behind goes
        back to the front of the queue) and start another."""
        worker.kill()
        if worker.tasks:
            task, *behind = worker.tasks
            task.statements.close()
            seconds = time.monotonic() - (task.started or time.monotonic())
            self.finished[task.index] = Outcome(task.brief, failure=failure, seconds=seconds)
            self.waiting.extendleft((queued.index, queued.brief) for queued in reversed(behind))
        self.workers[self.workers.index(worker)] = _Worker(self.context)

    def stop(self) -> None:
        """Kill every worker (idle or busy alike: none holds anything the build needs)."""
        for worker in self.workers:
            worker.kill()
        self.workers = []


def _serve(connection: Connection, parent: int) -> None:
    """A worker: load the pipeline, then extract each brief sent until None comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    from kg.extract import extract, load_pipeline  # spaCy: only workers load it, never the build

    try:
        nlp = load_pipeline()
        list(extract(nlp, [parse_brief("warm-up", WARM_UP)]))
    except Exception as error:
        _send(connection, ("broken", _describe(error)))
        return
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(connection, inbox), daemon=True).start()
    try:
        _send(connection, ("ready",))
        while (data := inbox.get()) is not None and (brief := ForkingPickler.loads(data)) is not None:
            _extract_one(nlp, brief, connection)
    except _BuildGone:  # nobody to answer
        return


def _receive(connection: Connection, inbox: queue.SimpleQueue[bytes | None]) -> None:
    """Read what the build sends as it comes (still pickled: a brief that cannot be unpickled
    fails when its turn comes, not the one being extracted), so that the build never waits to
    send a brief while the worker extracts; None when the build has gone."""
    try:
        while True:
            inbox.put(connection.recv_bytes())
    except (EOFError, OSError):
        inbox.put(None)


class _BuildGone(Exception):
    """The build's end of the pipe is closed."""


def _send(connection: Connection, message: tuple[object, ...]) -> None:
    try:
        connection.send(message)
    except OSError as error:
        raise _BuildGone from error


def _extract_one(nlp: Language, brief: Brief, connection: Connection) -> None:
    """Send the statements of each segment of `brief`, then "done", or why it failed."""
    from kg.extract import extract

    try:
        pieces = (replace(brief, segments=(segment,)) for segment in brief.segments)
        for _, statements in extract(nlp, pieces, batch_size=SEGMENTS_IN_FLIGHT):
            _send(connection, ("segment", len(statements), pickled(statements)))
    except _BuildGone:
        raise
    except Exception as error:  # any other failure is the brief's: the worker goes on
        _send(connection, ("failed", _describe(error)))
    else:
        _send(connection, ("done",))


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
