"""One build at a time per output folder: an exclusive advisory lock (`flock`) on `output/.lock`.

The kernel drops a `flock` when the process holding it ends, however it ends (SIGKILL
included), so a killed build never leaves a stale lock behind; the lock file itself stays and
is harmless. While it holds the lock, a build writes its process id and start time into the
file, so the build that is turned away can say who holds it.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"


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
