"""How `kg build --dask` shares briefs out among tasks (`kg.build.cluster._in_order`), against a
client that runs each task at once: consecutive briefs in tasks of up to eight, shared out
evenly when few are left, outcomes in the briefs' order, and a task whose workers kept dying
run again a brief at a time so that only the brief that kills them is left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from distributed import KilledWorker

from kg.build.cluster import BRIEFS_PER_TASK, WORKERS_DIED, _in_order
from kg.build.parallel import Outcome
from kg.read import Brief


class DoneTask:
    def __init__(self, outcomes: Callable[[], list[Outcome]]) -> None:
        self.outcomes = outcomes

    def result(self) -> list[Outcome]:
        return self.outcomes()


class InstantClient:
    """Runs a task when it is submitted; a task holding a brief named 'poison' dies."""

    def __init__(self) -> None:
        self.tasks: list[list[str]] = []

    def submit(self, function: object, batch: list[Brief], brief_timeout: float | None, pure: bool) -> DoneTask:
        self.tasks.append([brief.doc for brief in batch])

        def outcomes() -> list[Outcome]:
            if any(brief.doc == "poison" for brief in batch):
                raise KilledWorker("task", "worker", 3)
            return [Outcome(brief, seconds=1.0) for brief in batch]

        return DoneTask(outcomes)


def brief(doc: str) -> Brief:
    return Brief(doc, Path(f"{doc}.txt"), doc, None)


def run(items: list[Brief | Outcome], tasks: int) -> tuple[list[tuple[str, str | None]], list[list[str]]]:
    client = InstantClient()
    outcomes = list(_in_order(client, iter(items), tasks, None))  # type: ignore[arg-type]
    return [(outcome.brief.doc, outcome.failure) for outcome in outcomes], client.tasks


def test_a_short_corpus_goes_to_every_task_there_is_room_for() -> None:
    outcomes, tasks = run([brief(f"b{i}") for i in range(5)], tasks=4)
    assert tasks == [["b0", "b1"], ["b2"], ["b3"], ["b4"]]
    assert outcomes == [(f"b{i}", None) for i in range(5)]


def test_a_long_corpus_goes_in_tasks_of_eight_consecutive_briefs_and_comes_back_in_order() -> None:
    items: list[Brief | Outcome] = []
    for i in range(100):
        items.append(Outcome(brief(f"kept{i}")) if i % 25 == 24 else brief(f"b{i}"))
    outcomes, tasks = run(items, tasks=4)
    assert [doc for doc, _ in outcomes] == [item.brief.doc if isinstance(item, Outcome) else item.doc for item in items]
    assert all(not doc.startswith("kept") for task in tasks for doc in task)  # outcomes passed through
    assert max(len(task) for task in tasks) == BRIEFS_PER_TASK
    assert [len(task) for task in tasks[:3]] == [8, 8, 8]
    assert sum(len(task) for task in tasks) == 96
    flattened = [doc for task in tasks for doc in task]
    assert flattened == [f"b{i}" for i in range(100) if i % 25 != 24]


@pytest.mark.parametrize("position", [0, 3, 7])
def test_a_brief_that_kills_its_workers_is_left_out_alone(position: int) -> None:
    names = [f"b{i}" for i in range(8)]
    names[position] = "poison"
    outcomes, tasks = run([brief(name) for name in names], tasks=1)
    assert tasks[0] == names  # one task of eight, then each brief again in a task of its own
    assert tasks[1:] == [[name] for name in names]
    assert outcomes == [(name, WORKERS_DIED if name == "poison" else None) for name in names]
