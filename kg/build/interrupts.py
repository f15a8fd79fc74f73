"""Ctrl-C and SIGTERM remembered as well as raised, so that a build they reach never commits.

Python raises `KeyboardInterrupt` wherever the main thread is when the signal's handler runs,
between any two bytecodes. When that is inside a finalizer (an object's `__del__`, a generator
closed by the garbage collector), Python prints the exception as "ignored" and goes on, so a
build could finish, replace the previous output and exit 0 after a Ctrl-C (the `signal` module's
documentation, "Note on Signal Handlers and Exceptions", warns of exceptions raised by a handler
landing anywhere). So while a command runs (`interruptible`), the handler also records the
signal, and the build looks at the record at its commit point, just before it swaps its staging
folder in (`raise_if_interrupted`): an interrupted build never replaces the output.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)
_received: list[int] = []


@contextmanager
def interruptible() -> Iterator[None]:
    """Within: SIGINT and SIGTERM raise `KeyboardInterrupt` and are remembered (the previous
    handlers are put back on the way out). Only the main thread may set handlers."""
    _received.clear()
    previous = {number: signal.signal(number, _interrupt) for number in SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _received.clear()


def raise_if_interrupted() -> None:
    """Raise `KeyboardInterrupt` if a signal reached the command, even one whose exception was
    swallowed where it landed."""
    if _received:
        raise KeyboardInterrupt


def _interrupt(number: int, frame: FrameType | None) -> None:
    _received.append(number)
    raise KeyboardInterrupt
