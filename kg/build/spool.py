"""A brief's statements on their way from its worker to the store: spooled, so that the build
holds little of any one brief in memory, whatever the brief's size.

A worker sends each segment's statements as soon as it has them, already pickled; the build
appends those bytes, without unpickling them, to the brief's spool: in memory up to
`SPOOL_BYTES` (nearly every brief) and in an unnamed temporary file beyond. When the brief is
done, the build reads its statements back one segment's batch at a time into the store and
statements.jsonl. A 50 MB brief's 370,000 statements, as Python objects, took about as many
kilobytes each in the build; spooled they take a page or two of a file each, and a segment's
worth of memory.
"""

from __future__ import annotations

import io
import os
import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from kg.extract import Statement

SPOOL_BYTES = 8 * 2**20  # a spool this large goes to disk (a brief of 300 KB or so)


def pickled(statements: list[Statement]) -> bytes:
    """One batch of statements as a worker sends it."""
    return pickle.dumps(statements, protocol=pickle.HIGHEST_PROTOCOL)


class StatementSpool:
    """The statements of one brief, appended batch by batch (`add`), read back in order as
    often as needed (each iteration reads from the start)."""

    def __init__(self) -> None:
        # (an `io.BytesIO`, not a `tempfile.SpooledTemporaryFile`: Ctrl-C landing while the latter's
        # `__init__` runs in Python left an object whose `__del__` printed a traceback at exit)
        self._file: BinaryIO = io.BytesIO()
        self._count = 0

    def add(self, batch: bytes, count: int) -> None:
        """Append a batch `pickled` from `count` statements; past `SPOOL_BYTES`, on disk."""
        end = self._file.seek(0, os.SEEK_END)
        if isinstance(self._file, io.BytesIO) and end + len(batch) > SPOOL_BYTES:
            self._file = _on_disk(self._file)
        self._file.write(batch)
        self._count += count

    @property
    def on_disk(self) -> bool:
        return not isinstance(self._file, io.BytesIO)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Statement]:
        end = self._file.seek(0, os.SEEK_END)
        position = 0
        while position < end:
            self._file.seek(position)
            batch: list[Statement] = pickle.load(self._file)
            position = self._file.tell()
            yield from batch

    def detached(self) -> PickledStatements:
        """The spool's bytes as they are, in a value that can be pickled (the spool is closed)."""
        self._file.seek(0)
        statements = PickledStatements(self._file.read(), self._count)
        self.close()
        return statements

    def close(self) -> None:
        self._file.close()


def _on_disk(memory: io.BytesIO) -> BinaryIO:
    """The spool's bytes moved to an unnamed temporary file (its end the file's position)."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 (the spool's own, closed by `close`)
    file.write(memory.getbuffer())
    memory.close()
    return file


@dataclass(frozen=True)
class PickledStatements:
    """A brief's statements as its worker pickled them, batch after batch, in one bytes object:
    what a Dask worker sends back (`kg.build.cluster`). An open spool cannot be pickled, and
    unpickling the statements in the Dask worker only to have Dask pickle them again for the
    trip cost that worker 5-10 ms of CPU a brief; bytes cross as they are."""

    data: bytes
    count: int

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Statement]:
        stream = io.BytesIO(self.data)
        while stream.tell() < len(self.data):
            yield from pickle.load(stream)
