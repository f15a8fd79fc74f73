"""A worker never waits for the build between briefs: behind a short brief it already holds the
next one, and extracts it while the build is still busy with the outcome before; behind a long
brief it is given nothing (another worker may be free first); a brief it held behind one that
crashed it goes to the worker that replaces it."""

from __future__ import annotations

from collections import deque
from multiprocessing import Pipe
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import pytest
from test_brief_limits import NORMAL, NORMAL_ROWS, ExitWhenUnpickled, long_brief

from kg.build.parallel import SHORT_BRIEF_BYTES, _Pool, _Worker
from kg.read import Brief, Segment, parse_brief


def idle_worker() -> tuple[_Worker, object]:
    """A ready worker without a process: what it is sent arrives at the returned end of a pipe."""
    worker = object.__new__(_Worker)
    worker.connection, far_end = Pipe()
    worker.ready, worker.tasks = True, deque()
    return worker, far_end


def test_the_next_brief_goes_behind_a_short_one_and_never_behind_a_long_one() -> None:
    long, short, second, third = (
        parse_brief("long", long_brief(1000)),
        parse_brief("short", NORMAL),
        parse_brief("second", NORMAL),
        parse_brief("third", NORMAL),
    )
    assert len(ForkingPickler.dumps(long)) > SHORT_BRIEF_BYTES >= len(ForkingPickler.dumps(short))
    pool = _Pool(2, None, None)
    (busy_long, long_end), (busy_short, short_end) = idle_worker(), idle_worker()
    pool.workers = [busy_long, busy_short]
    pool.waiting = deque(enumerate([long, short, second, third]))
    pool._hand_out()
    assert [task.brief.doc for task in busy_long.tasks] == ["long"]
    assert [task.brief.doc for task in busy_short.tasks] == ["short", "second"]
    assert busy_short.tasks[0].started is not None and busy_short.tasks[1].started is None  # it waits its turn
    assert [brief.doc for _, brief in pool.waiting] == ["third"]
    assert [ForkingPickler.loads(short_end.recv_bytes()).doc for _ in range(2)] == ["short", "second"]  # type: ignore[attr-defined]
    assert ForkingPickler.loads(long_end.recv_bytes()).doc == "long"  # type: ignore[attr-defined]


@pytest.mark.timeout(300)
def test_a_worker_extracts_the_next_brief_while_the_build_holds_an_outcome() -> None:
    pool = _Pool(1, None, None)
    briefs = [parse_brief(name, NORMAL) for name in ("first", "second", "third")]
    outcomes = pool.run(iter(briefs))
    try:
        first = next(outcomes)  # the build now stores it, and does not ask for the next outcome
        worker = pool.workers[0]
        assert [task.brief.doc for task in worker.tasks] == ["second"]
        assert worker.connection.poll(120)  # the worker sends the second brief's statements meanwhile
        rest = list(outcomes)
    finally:
        pool.stop()
    assert [outcome.brief.doc for outcome in [first, *rest]] == ["first", "second", "third"]
    for outcome in [first, *rest]:
        assert [(s.subject, s.relation, s.object) for s in outcome.statements] == NORMAL_ROWS


@pytest.mark.timeout(300)
def test_the_brief_held_behind_one_that_crashes_the_worker_is_extracted_by_the_next() -> None:
    crashing = Brief("crashing", Path("crashing.txt"), "", None, (Segment(1, "", None, ExitWhenUnpickled()),))  # type: ignore[arg-type]
    pool = _Pool(1, None, None)
    try:
        outcomes = list(pool.run(iter([crashing, parse_brief("normal", NORMAL)])))
    finally:
        pool.stop()
    assert outcomes[0].failure == "the extractor crashed (exit code 3)"
    assert outcomes[1].failure is None
    assert [(s.subject, s.relation, s.object) for s in outcomes[1].statements] == NORMAL_ROWS
