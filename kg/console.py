"""What a command tells the user on standard error while it runs: a progress bar, and one line
for each note that kg's modules log (a file skipped, a file decoded as windows-1251).

The bar is redrawn in place with a carriage return; a note that arrives while the bar is shown
clears the bar's line, takes it, and the bar is drawn again below it, so neither garbles the
other (in a terminal or in a log file alike).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

BAR_WIDTH = 30


class Console:
    def __init__(self) -> None:
        self._bar = ""  # the unfinished bar line on screen, "" when none

    def progress(self, done: int, total: int, detail: str = "") -> None:
        """`done` of `total` briefs; `detail` says how far the one under way is."""
        filled = BAR_WIDTH * done // max(total, 1)
        shown = len(self._bar)
        self._bar = f"briefs [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        if detail:
            self._bar += f" ({detail})"
        sys.stderr.write(f"\r{self._bar.ljust(shown)}")  # spaces rub out what a longer line left
        if done >= total:
            sys.stderr.write("\n")
            self._bar = ""
        sys.stderr.flush()

    def note(self, line: str) -> None:
        clear = f"\r{' ' * len(self._bar)}\r" if self._bar else ""
        sys.stderr.write(f"{clear}{line}\n{self._bar}")
        sys.stderr.flush()

    def last(self, line: str) -> None:
        """The command's last word (an error, an interruption): the bar is not drawn again."""
        self._bar, bar = "", self._bar
        sys.stderr.write(f"\r{' ' * len(bar)}\r{line}\n" if bar else f"{line}\n")
        sys.stderr.flush()


class _NoteHandler(logging.Handler):
    def __init__(self, console: Console) -> None:
        super().__init__(logging.INFO)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        self.console.note(f"kg: {record.getMessage()}")


@contextmanager
def reporting(logger: str = "kg") -> Iterator[Console]:
    """A console that shows the notes logged under `logger` while the block runs."""
    console = Console()
    handler = _NoteHandler(console)
    log = logging.getLogger(logger)
    level = log.level
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        yield console
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
