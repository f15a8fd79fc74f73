"""A worker never waits for the build between briefs: behind short briefs it already holds the
next ones (up to a short batch, which it parses together), and extracts them while the build is
still busy with the outcome before; behind a long brief it is given nothing, and a long brief
goes to an idle worker only (another worker may be free first); a brief it held behind one that
crashed it alone goes to the worker that replaces it, and briefs it was parsing together when it
crashed are each extracted again alone, so that only the one that crashes it is left out."""

from __future__ import annotations

from collections import deque
from multiprocessing import Pipe
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import pytest
from test_brief_limits import NORMAL, NORMAL_ROWS, ExitWhenUnpickled, long_brief

from kg.build.parallel import BATCH_BRIEFS, BATCH_BYTES, _Pool, _Waiting, _Worker
from kg.read import Brief, Segment, parse_brief


def idle_worker() -> tuple[_Worker, object]:
    """A ready worker without a process: what it is sent arrives at the returned end of a pipe."""
    worker = object.__new__(_Worker)
    worker.connection, far_end = Pipe()
    worker.ready, worker.tasks = True, deque()
    return worker, far_end


def test_short_briefs_go_behind_short_ones_in_a_batch_and_a_long_one_only_to_an_idle_worker() -> None:
    long, short, second, third, fourth = (
        parse_brief("long", long_brief(1500)),
        *(parse_brief(name, NORMAL) for name in ("short", "second", "third", "fourth")),
    )
    assert len(ForkingPickler.dumps(long)) > BATCH_BYTES
    pool = _Pool(2, None, None)
    (busy_long, long_end), (busy_short, short_end) = idle_worker(), idle_worker()
    pool.workers = [busy_long, busy_short]
    pool.waiting = deque(_Waiting(i, brief) for i, brief in enumerate([long, short, second, third]))
    pool._hand_out()
    assert [task.brief.doc for task in busy_long.tasks] == ["long"]
    assert [task.brief.doc for task in busy_short.tasks] == ["short", "second", "third"]
    assert busy_short.tasks[0].started is not None and busy_short.tasks[1].started is None  # it waits its turn
    assert [ForkingPickler.loads(short_end.recv_bytes()).doc for _ in range(3)] == ["short", "second", "third"]  # type: ignore[attr-defined]
    assert ForkingPickler.loads(long_end.recv_bytes()).doc == "long"  # type: ignore[attr-defined]
    pool.waiting = deque([_Waiting(4, long), _Waiting(5, fourth)])
    pool._hand_out()  # a long brief waits for an idle worker, and the briefs behind it wait their turn
    assert [task.brief.doc for task in busy_short.tasks] == ["short", "second", "third"]
    assert [w.brief.doc for w in pool.waiting] == ["long", "fourth"]


def test_a_batch_holds_at_most_its_number_of_briefs() -> None:
    pool = _Pool(1, None, None)
    worker, _far_end = idle_worker()
    pool.workers = [worker]
    pool.waiting = deque(_Waiting(i, parse_brief(f"b{i}", NORMAL)) for i in range(BATCH_BRIEFS + 3))
    pool._hand_out()
    assert len(worker.tasks) == BATCH_BRIEFS
    assert [w.index for w in pool.waiting] == [BATCH_BRIEFS, BATCH_BRIEFS + 1, BATCH_BRIEFS + 2]


@pytest.mark.timeout(300)
def test_a_worker_extracts_the_next_brief_while_the_build_holds_an_outcome() -> None:
    pool = _Pool(1, None, None)
    briefs = [parse_brief(name, NORMAL) for name in ("first", "second", "third")]
    outcomes = pool.run(iter(briefs))
    try:
        first = next(outcomes)  # the build now stores it, and does not ask for the next outcome
        worker = pool.workers[0]
        held = [task.brief.doc for task in worker.tasks]  # handed out together: some may be done
        assert not pool.waiting and sorted([*held, *(o.brief.doc for o in pool.finished.values())]) == [
            "second",
            "third",
        ]
        assert held == ["second", "third"][2 - len(held) :]
        assert not held or worker.connection.poll(120)  # the worker sends their statements meanwhile
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


@pytest.mark.timeout(300)
def test_briefs_parsed_with_one_that_crashes_the_worker_are_extracted_alone_and_kept() -> None:
    crashing = Brief("crashing", Path("crashing.txt"), "", None, (Segment(1, "", None, ExitWhenUnpickled()),))  # type: ignore[arg-type]
    pool = _Pool(1, None, None)
    pool.workers = [_Worker(pool.context)]
    try:
        while not pool.workers[0].ready:  # so that the first hand-out gives it all three together
            pool._wait()
        before, after = parse_brief("before", NORMAL), parse_brief("after", NORMAL)
        outcomes = list(pool.run(iter([before, crashing, after])))
    finally:
        pool.stop()
    assert [outcome.brief.doc for outcome in outcomes] == ["before", "crashing", "after"]
    assert [outcome.failure for outcome in outcomes] == [None, "the extractor crashed (exit code 3)", None]
    for outcome in (outcomes[0], outcomes[2]):
        assert [(s.subject, s.relation, s.object) for s in outcome.statements] == NORMAL_ROWS


@pytest.mark.timeout(300)
def test_a_brief_that_fails_in_a_batch_is_left_out_and_the_others_of_the_batch_kept() -> None:
    failing = Brief("failing", Path("failing.txt"), "", None, (Segment(1, "", None, 42),))  # type: ignore[arg-type]
    pool = _Pool(1, None, None)
    pool.workers = [_Worker(pool.context)]
    try:
        while not pool.workers[0].ready:  # so that the first hand-out gives it all three together
            pool._wait()
        outcomes = list(pool.run(iter([parse_brief("before", NORMAL), failing, parse_brief("after", NORMAL)])))
    finally:
        pool.stop()
    assert [outcome.brief.doc for outcome in outcomes] == ["before", "failing", "after"]
    assert outcomes[1].failure is not None and outcomes[1].failure.startswith("the extractor failed: ")
    for outcome in (outcomes[0], outcomes[2]):
        assert outcome.failure is None
        assert [(s.subject, s.relation, s.object) for s in outcome.statements] == NORMAL_ROWS
