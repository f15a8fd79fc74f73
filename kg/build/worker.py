"""The worker side of `kg.build.parallel`: a spawned process that loads the spaCy pipeline once
and extracts the briefs the build sends it, answering with each brief's statements.

What the build sends is read by a thread as it comes (`_receive`), so neither end of the pipe
waits for the other. The briefs waiting when the worker turns to them are parsed together, as
one stream through `nlp.pipe` (`_extract_batch`): spaCy's trained components run on batches of
docs, and a brief of one segment parsed alone makes a batch of one. The regularity is spaCy's
own: `Language.pipe` minibatches its input (`batch_size`), and the parser and tagger compute
every batch's features as one matrix. Measured in one process on 200 briefs of the benchmark
corpus (`benchmarks/corpus.py`), the whole pipeline with the statement extractor: 32.5 and 34.4
CPU s a brief at a time against 25.0 and 24.9 in batches of 16 (a loaded machine; 3-7% on a
quiet one). The build only sends a worker several briefs when they are short
(`kg.build.parallel`), so a batch holds a few seconds of parsing at most. A batch's statements
are sent brief by brief in order, each brief's when its last segment is done; if the batch
raises, the briefs not yet answered are extracted again one at a time, so that the failure is
reported for the brief that caused it and the others are not lost.

A brief alone (a long one, or the only one waiting) is sent segment by segment as each is done,
so a long brief shows progress and no worker holds a huge brief's statements.

Once its pipeline is loaded and warmed up, the worker freezes what it holds (`gc.freeze`): the
model and the vocabulary's tables live as long as the process, and each full collection of
Python's cyclic garbage collector walked them again. In one process over the 200 briefs of
`/work/ref/c200`, the collector's time during extraction fell from 0.28-0.32 to 0.10-0.11 CPU s.
It freezes without collecting first: the collector's own young generations have run all along
the start, and a full collection there found 12 to 809 unreachable objects (those made since the
last young collection; kept frozen, they hold well under a MiB), for 0.05-0.08 CPU s of every
worker's start (a one-brief rebuild's worker).
"""

from __future__ import annotations

import ctypes
import gc
import os
import queue
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING

from kg.build.spacy_start import import_spacy
from kg.build.spool import pickled
from kg.read import Brief, parse_brief

if TYPE_CHECKING:
    from spacy.language import Language

# The segments of one brief that spaCy parses together. Each of its trained components takes a
# batch of this many docs, so a long brief's worker holds a few batches of 20,000-character docs
# (about 20 MB each as spaCy docs): measured on a 400 KB brief, 16 peaked at 1,014 MiB and 25 s
# of CPU, 4 at 419 MiB and 21 s. Most briefs are one segment, for which it changes nothing.
SEGMENTS_IN_FLIGHT = 4
# The segments of a batch of short briefs parsed together: spaCy's `nlp.pipe` default before 3.0
# and the benchmark's bare pipe; the build holds a worker's briefs to a few seconds of parsing.
BATCH_SEGMENTS = 16
PARENT_CHECK_SECONDS = 1.0
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h
# OpenBLAS (numpy's BLAS) starts a thread per core when it is loaded, and a thread it starts spins
# waiting for work before it sleeps: 0.05 CPU s of every worker's start on this project's two
# cores, for threads that never work, since the pipeline runs BLAS on one thread
# (`kg.extract.pipeline.numpy_matrix_products`). OpenBLAS reads how many to start from this.
OPENBLAS_THREADS = "OPENBLAS_NUM_THREADS"
KEPT_BLOCK_BYTES = 64 << 20  # blocks up to this size come from the heap, not a mapping of their own
KEPT_FREE_BYTES = 256 << 20  # free memory at the top of the heap kept up to this much

# A worker extracts this before it takes briefs: the first doc builds the components' lazy
# tables (2-3 s), which would otherwise count against the first brief's time limit.
WARM_UP = (
    "Warm-up\nMarch 3, 2016\n\nOn 2 March 2016, Lithuania expelled a Russian diplomat from Vilnius, "
    "and the Belarusian foreign minister said that Minsk would not accept the decision.\n"
)


def serve(connection: Connection, parent: int) -> None:
    """A worker: load the pipeline, then extract the briefs sent, those waiting together,
    until the build says no more (None) or goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _keep_freed_memory()
    os.environ[OPENBLAS_THREADS] = "1"  # before numpy is imported (with spaCy), which starts OpenBLAS
    import_spacy()  # without its command line (`kg.build.spacy_start`)
    from kg.extract import extract, load_pipeline  # spaCy: only workers load it, never the build

    try:
        nlp = load_pipeline()
        list(extract(nlp, [parse_brief("warm-up", WARM_UP)]))
    except Exception as error:
        _send(connection, ("broken", _describe(error)))
        return
    gc.freeze()
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(connection, inbox), daemon=True).start()
    try:
        _send(connection, ("ready",))
        while briefs := _waiting(inbox):
            if len(briefs) == 1:
                _extract_one(nlp, briefs[0], connection)
            else:
                _extract_batch(nlp, briefs, connection)
    except _BuildGone:  # nobody to answer
        return


def _keep_freed_memory() -> None:
    """Have glibc's malloc keep what the parser frees for the next batch. By default it returns
    a freed block of over 128 KB to the system (a block that large is mapped on its own, and the
    top of the heap is trimmed), so every batch's arrays fault their pages in again: on 80 briefs
    parsed in batches of 16, 27,757 minor page faults and 0.2 s of system time, none once these
    thresholds are raised (glibc's `mallopt`, documented in mallopt(3); ignored elsewhere)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, KEPT_BLOCK_BYTES)
        libc.mallopt(M_TRIM_THRESHOLD, KEPT_FREE_BYTES)
    except (OSError, AttributeError):  # not glibc
        return


def _waiting(inbox: queue.SimpleQueue[bytes | None]) -> list[Brief]:
    """The next brief sent (waiting for it) and every one sent after it that is already there;
    none when the build has said it sends no more. A brief is unpickled when its turn comes: one
    that cannot be ends the worker, which the build reports for the brief it was extracting."""
    briefs: list[Brief] = []
    data = inbox.get()
    while data is not None and (brief := ForkingPickler.loads(data)) is not None:
        briefs.append(brief)
        try:
            data = inbox.get_nowait()
        except queue.Empty:
            return briefs
    inbox.put(None)  # the end, seen again by the next call
    return briefs


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
        for _, statements in extract(nlp, _pieces(brief), batch_size=SEGMENTS_IN_FLIGHT):
            _send(connection, ("segment", len(statements), pickled(statements)))
    except _BuildGone:
        raise
    except Exception as error:  # any other failure is the brief's: the worker goes on
        _send(connection, ("failed", _describe(error)))
    else:
        _send(connection, ("done",))


def _extract_batch(nlp: Language, briefs: list[Brief], connection: Connection) -> None:
    """Parse the segments of `briefs` as one stream; send each brief's statements, segment by
    segment, and "done" when its last segment is done. If the stream raises, extract the briefs
    not yet answered one at a time (`_extract_one`)."""
    from kg.extract import extract

    answered = 0
    try:
        found = extract(nlp, (piece for brief in briefs for piece in _pieces(brief)), batch_size=BATCH_SEGMENTS)
        for brief in briefs:
            segments = [statements for _, statements in islice(found, len(brief.segments))]
            for statements in segments:
                _send(connection, ("segment", len(statements), pickled(statements)))
            _send(connection, ("done",))
            answered += 1
    except _BuildGone:
        raise
    except Exception:  # whose failure it is shows when each is extracted alone
        for brief in briefs[answered:]:
            _extract_one(nlp, brief, connection)


def _pieces(brief: Brief) -> Iterator[Brief]:
    """The brief's segments, each as a brief of its own (what `extract` yields one by one)."""
    return (replace(brief, segments=(segment,)) for segment in brief.segments)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
