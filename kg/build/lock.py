"""One build at a time per output folder: an exclusive advisory lock (`flock`) on `output/.lock`.

The kernel drops a `flock` when the process holding it ends, however it ends (SIGKILL
included), so a killed build never leaves a stale lock behind; the lock file itself stays and
is harmless. While it holds the lock, a build writes its process id and start time into the
file, so the build that is turned away can say who holds it.

Readers and the swap: a second lock, `output/.swap.lock`, is a readers-writer lock. Commands
that read a build's products (query, export, validate, view, serve's snapshot) hold it shared
while they read; a build holds it exclusively for the few renames of its swap, so a reader
never opens a product between two renames, nor a store whose files the swap moves away.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

LOCK_FILE = ".lock"
SWAP_LOCK_FILE = ".swap.lock"


class OutputLocked(Exception):
    """Another process is building into the same output folder."""


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold the output folder's build lock for the `with` block, or raise `OutputLocked` at once."""
    path = output / LOCK_FILE
    handle = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputLocked(
                f"{output} is locked by another build ({holder}); wait for it to finish and run again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
    finally:
        handle.close()  # closing the file releases the lock


@contextmanager
def read_lock(output: Path) -> Iterator[None]:
    """Hold the output's swap lock shared for the `with` block: no build swaps its products in
    meanwhile (waiting, at most, for a swap under way). An output this process cannot write,
    whose lock file is missing, is read unlocked: no build can swap into it either."""
    handle: IO[bytes]
    try:
        handle = (output / SWAP_LOCK_FILE).open("a+b")
    except OSError:
        try:
            handle = (output / SWAP_LOCK_FILE).open("rb")
        except OSError:
            yield
            return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield


@contextmanager
def swap_lock(output: Path, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the output's swap lock exclusively for the `with` block, once the readers that
    hold it have finished (`waiting` is called first if any do)."""
    with (output / SWAP_LOCK_FILE).open("a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
