"""Extraction on a Dask cluster (`kg build --dask tcp://HOST:8786` or `--dask local:N`): the same
stage as `kg.build.parallel`'s worker pool, run by the workers of a `dask.distributed` cluster.

The build reads every brief itself (`kg.build.reader`) and submits its `Brief`s (their ids and
texts; workers never open a file) in tasks of up to `BRIEFS_PER_TASK` consecutive briefs, fewer
when the briefs left to share out are fewer than that for every task a worker may hold. Each
task costs Dask messages between the build, the scheduler and a worker, and CPU in each of them:
at one brief a task, on 2 cores, that CPU came out of the extraction (300 briefs, `--dask
local:2`: 11.0 CPU s more than `--jobs 2` outside the extractors, 37 ms a brief; in tasks of
eight, 1.9 s, mostly the workers' start, with the same extractors' CPU). Dask's documentation
gives the same remedy for a scheduler's per-task cost: "manually batching many operations into
fewer functions" ("Stages of Computation", docs.dask.org).

A `WorkerPlugin` gives every Dask worker one `Extractor`: a process of its own that loads the
spaCy pipeline once and extracts a task's briefs, each within `--brief-timeout` (short ones parsed
together, as under `--jobs`), killed and replaced when a brief overruns or crashes it, exactly as
under `--jobs` (a Dask task runs in a thread,
which nothing can stop in the middle of a loop in C; a process can be killed). Outcomes are
yielded in the order of the briefs, so the output is byte-identical to `--jobs 1`; every worker
thread holds up to `TASKS_PER_THREAD` tasks, one to start on when it finishes the other.

A Dask worker that dies (its machine lost, its process killed) has its tasks rescheduled on
other workers by the scheduler itself, up to `distributed.scheduler.allowed-failures` times (3
by default); a task whose workers died that often (`KilledWorker`) is run again a brief a task,
and a brief whose own task dies as often is left out and named, like one that overran its time
limit. Because the extractor is a child process, Dask workers must not run as daemonic processes
(`DASK_DISTRIBUTED__WORKER__DAEMON=False`; `local:N` sets it).

Dask is an optional extra (`pip install 'kg[dask]'`): it is imported only here, only when
`--dask` is given.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from kg.build.limits import DEFAULT_BRIEF_TIMEOUT
from kg.build.output import BuildError
from kg.build.parallel import Extractor, Outcome
from kg.read import Brief

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL_PREFIX = "local:"
PLUGIN_NAME = "kg-extractor"
NOT_INSTALLED = "--dask needs Dask: pip install 'kg[dask]'"
# A local cluster's settings (Dask's configuration reference, distributed.yaml): non-daemonic
# workers (see above); no statistical profiler sampling each worker's threads every 10 ms; no
# work stealing (each task is one brief, handed out a few at a time: nothing to rebalance); the
# event loops' blocking check every second rather than every 20 ms, the system monitor every 5 s
# rather than 0.5 s. Measured on 2 workers, 100 briefs: the profiler cost each worker 0.7 s of
# CPU; idle, the build process spent 36 ms of CPU a second and each worker 18, now 8 and 2. On a
# machine whose cores all extract, that CPU comes out of the extraction.
LOCAL_CONFIG = {
    "distributed.worker.daemon": False,
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
# Dask's nanny starts every worker with MALLOC_TRIM_THRESHOLD_=65536 (`distributed.nanny.
# pre-spawn-environ`, so that glibc hands freed memory back to the system at once and the worker's
# memory monitor sees it: Dask's "Worker Memory Management", automatically trim memory), and the
# extractor process inherits the worker's environment. A spaCy pipeline frees and allocates many
# small arrays per doc; trimming at 64 KB made it spend 15-20% more CPU (100 briefs, `--jobs 1`
# with and without the variable: 17.5 and 18.9 s against 20.5 and 21.6 s), which was most of
# what `--dask` cost over `--jobs`. Nothing watches the extractor's memory (it is not the
# worker's), so it runs with glibc's default threshold. The worker's own allocator was set up when
# it started and keeps trimming.
MEMORY_TRIMMING = "MALLOC_TRIM_THRESHOLD_"
WORKERS_DIED = "the Dask workers extracting it died (distributed.scheduler.allowed-failures)"
BRIEFS_PER_TASK = 8
TASKS_PER_THREAD = 2  # each worker thread has a task to start on when it finishes one
DAEMONIC = (
    "the Dask workers run as daemonic processes, which cannot start kg's extractor process: "
    "start them with DASK_DISTRIBUTED__WORKER__DAEMON=False"
)


def extract_on_dask(
    items: Iterable[Brief | Outcome],
    address: str,
    brief_timeout: float | None = DEFAULT_BRIEF_TIMEOUT,
) -> Iterator[Outcome]:
    """Yield an `Outcome` for every item, in order: each `Brief` extracted by a worker of the
    Dask cluster at `address` (`tcp://HOST:PORT`, or `local:N` for a `LocalCluster` of N worker
    processes started here and stopped at the end), each `Outcome` passed through."""
    with ExitStack() as stack:
        client = _connect(address, stack)
        try:
            client.register_plugin(_ExtractorPlugin(), name=PLUGIN_NAME)
        except RuntimeError as error:
            raise BuildError(f"the Dask workers cannot extract: {error}") from error
        tasks = max(1, sum(client.nthreads().values())) * TASKS_PER_THREAD
        yield from _in_order(client, iter(items), tasks, brief_timeout)


def _in_order(
    client: Client, items: Iterator[Brief | Outcome], tasks: int, brief_timeout: float | None
) -> Iterator[Outcome]:
    """Yield every item's outcome in order, with up to `tasks` tasks in flight, each of up to
    `BRIEFS_PER_TASK` consecutive briefs. Up to that many briefs a task are read ahead and shared
    out evenly, so a short corpus, or a long one's last briefs, still go to every worker."""
    read_ahead: deque[Brief | Outcome] = deque()  # read, not yet submitted
    in_flight: deque[tuple[list[Brief], Future] | Outcome] = deque()  # submitted, in order
    briefs_read_ahead = running = 0

    def read() -> None:
        nonlocal briefs_read_ahead
        while briefs_read_ahead < tasks * BRIEFS_PER_TASK and (item := next(items, None)) is not None:
            read_ahead.append(item)
            briefs_read_ahead += isinstance(item, Brief)

    while True:
        read()
        while read_ahead and (running < tasks or isinstance(read_ahead[0], Outcome)):
            first = read_ahead.popleft()
            if isinstance(first, Outcome):
                in_flight.append(first)
                continue
            batch = [first]
            size = min(BRIEFS_PER_TASK, -(-briefs_read_ahead // tasks))
            while read_ahead and isinstance(read_ahead[0], Brief) and len(batch) < size:
                batch.append(read_ahead.popleft())  # type: ignore[arg-type]
            briefs_read_ahead -= len(batch)
            in_flight.append((batch, client.submit(_extract_on_worker, batch, brief_timeout, pure=False)))
            running += 1
            read()
        if not in_flight:
            return
        head = in_flight.popleft()
        if isinstance(head, Outcome):
            yield head
        else:
            running -= 1
            yield from _outcomes(client, *head, brief_timeout)


def _connect(address: str, stack: ExitStack) -> Client:
    """A client of the cluster at `address`, closed (with a local cluster) when `stack` unwinds."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise BuildError(NOT_INSTALLED) from error
    if address.startswith(LOCAL_PREFIX):
        workers = address.removeprefix(LOCAL_PREFIX)
        if not workers.isdigit() or int(workers) < 1:
            raise BuildError(f"--dask local:N takes a number of workers of at least 1, not '{address}'")
        with dask.config.set(LOCAL_CONFIG):
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=int(workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    memory_limit=0,  # the extractor process is not the worker's: nothing to watch
                    silence_logs=logging.ERROR,
                )
            )
        return stack.enter_context(Client(cluster))
    try:
        return stack.enter_context(Client(address, timeout="20s"))
    except OSError as error:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {error}") from error


def _outcomes(client: Client, batch: list[Brief], future: Future, brief_timeout: float | None) -> list[Outcome]:
    """The outcomes a task returned. If the workers running it kept dying, each of its briefs
    runs again in a task of its own, and a brief whose own task dies as often is left out."""
    from distributed import KilledWorker

    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker:
        if len(batch) == 1:
            return [Outcome(batch[0], failure=WORKERS_DIED)]
        alone = [client.submit(_extract_on_worker, [brief], brief_timeout, pure=False) for brief in batch]
        return [
            outcome
            for brief, task in zip(batch, alone, strict=True)
            for outcome in _outcomes(client, [brief], task, brief_timeout)
        ]


def _extract_on_worker(batch: list[Brief], brief_timeout: float | None) -> list[Outcome]:
    """A Dask task: extract a few briefs with this worker's `Extractor` (short ones parsed together)."""
    from distributed import get_worker

    plugin: _ExtractorPlugin = get_worker().plugins[PLUGIN_NAME]  # type: ignore[assignment]
    return plugin.extract(batch, brief_timeout)


def _plugin_base() -> type[Any]:
    try:
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:  # the class is defined even without Dask; using it needs Dask
        return object
    return WorkerPlugin


class _ExtractorPlugin(_plugin_base()):  # type: ignore[misc]
    """Gives a Dask worker its extractor process (started when the worker takes the plugin,
    stopped when the worker closes). Registered once per cluster: a later build on the same
    cluster finds the pipeline loaded."""

    idempotent = True

    def setup(self, worker: object) -> None:
        if multiprocessing.current_process().daemon:
            raise RuntimeError(DAEMONIC)
        os.environ.pop(MEMORY_TRIMMING, None)  # for the extractor processes this worker starts
        self._extractor = Extractor()
        self._lock = threading.Lock()  # a worker of several threads runs one brief at a time

    def extract(self, briefs: list[Brief], brief_timeout: float | None) -> list[Outcome]:
        with self._lock:
            return self._extractor.extract(briefs, brief_timeout)

    def teardown(self, worker: object) -> None:
        self._extractor.stop()
