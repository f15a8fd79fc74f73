"""Extraction on a Dask cluster (`kg build --dask tcp://HOST:8786` or `--dask local:N`): the same
stage as `kg.build.parallel`'s worker pool, run by the workers of a `dask.distributed` cluster.

The build reads every brief itself (`kg.build.reader`) and submits each `Brief` (its id and
text; workers never open a file) as one task. A `WorkerPlugin` gives every Dask worker one
`Extractor`: a process of its own that loads the spaCy pipeline once and extracts a brief at a
time within `--brief-timeout`, killed and replaced when a brief overruns or crashes it, exactly
as under `--jobs` (a Dask task runs in a thread, which nothing can stop in the middle of a loop
in C; a process can be killed). Outcomes are yielded in the order of the briefs, so the output is
byte-identical to `--jobs 1`; tasks are submitted up to `LOOKAHEAD_PER_JOB` briefs a worker
thread ahead of the one the build waits for.

A Dask worker that dies (its machine lost, its process killed) has its tasks rescheduled on
other workers by the scheduler itself, up to `distributed.scheduler.allowed-failures` times (3 by
default); a brief whose workers died that often (`KilledWorker`) is left out and named, like one
that overran its time limit. Because the extractor is a child process, Dask workers must not run
as daemonic processes (`DASK_DISTRIBUTED__WORKER__DAEMON=False`; `local:N` sets it).

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
from kg.build.parallel import LOOKAHEAD_PER_JOB, Extractor, Outcome
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
        window = max(1, sum(client.nthreads().values())) * LOOKAHEAD_PER_JOB
        pending: deque[tuple[Brief, Future] | Outcome] = deque()
        briefs = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                item = next(briefs, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Outcome):
                    pending.append(item)
                else:
                    pending.append((item, client.submit(_extract_on_worker, item, brief_timeout, pure=False)))
            if not pending:
                return
            head = pending.popleft()
            yield head if isinstance(head, Outcome) else _outcome(*head)


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


def _outcome(brief: Brief, future: Future) -> Outcome:
    """The outcome a task returned, or, if the workers running it kept dying, a left-out brief."""
    from distributed import KilledWorker

    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker:
        return Outcome(brief, failure="the Dask workers extracting it died (distributed.scheduler.allowed-failures)")


def _extract_on_worker(brief: Brief, brief_timeout: float | None) -> Outcome:
    """A Dask task: extract one brief with this worker's `Extractor`."""
    from distributed import get_worker

    plugin: _ExtractorPlugin = get_worker().plugins[PLUGIN_NAME]  # type: ignore[assignment]
    return plugin.extract(brief, brief_timeout)


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

    def extract(self, brief: Brief, brief_timeout: float | None) -> Outcome:
        with self._lock:
            return self._extractor.extract(brief, brief_timeout)

    def teardown(self, worker: object) -> None:
        self._extractor.stop()
