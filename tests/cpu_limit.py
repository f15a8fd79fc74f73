"""A limit on the CPU time of a block of code, for tests that must fail, not hang, when a loop
never ends (hypothesis' deadline is only checked after an example returns, and pytest-timeout
stops the whole test, after minutes, without saying which example hung).

It counts this process's user CPU time (`ITIMER_VIRTUAL`, signal SIGVTALRM), so it neither
meets pytest-timeout's wall-clock SIGALRM nor counts the time the machine spends on others'
work; a Python loop that spins is interrupted between two bytecodes.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class NoEnd(Exception):
    """The block used more CPU time than its limit: most likely a loop that never ends."""


@contextmanager
def cpu_limit(seconds: float, what: str) -> Iterator[None]:
    def stop(signum: int, frame: FrameType | None) -> None:
        raise NoEnd(f"{what} did not end within {seconds:g} CPU seconds")

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
