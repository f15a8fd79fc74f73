"""A brief's statements are spooled between its worker and the store (`kg.build.spool`): what
goes in comes back, in order, as often as it is read, also once the spool has gone to disk."""

from __future__ import annotations

import pytest

import kg.build.spool
from kg.build.spool import StatementSpool, pickled
from kg.extract import Actor, Statement


def statement(number: int) -> Statement:
    subject = Actor("actor/belarus", "Belarus", "Country", code="BLR")
    return Statement(
        doc="digest",
        segment=1 + number // 100,
        subject="Belarus",
        relation="propose",
        object=f"talks in round {number}",
        polarity="positive",
        modality="asserted",
        date="2016-03-02",
        sentence=f"Belarus proposed talks in round {number}.",
        start=number * 40,
        end=number * 40 + 39,
        subject_actor=subject,
    )


@pytest.mark.parametrize("spool_bytes", [kg.build.spool.SPOOL_BYTES, 1000], ids=["in-memory", "on-disk"])
def test_a_spool_gives_back_every_statement_in_order(monkeypatch: pytest.MonkeyPatch, spool_bytes: int) -> None:
    monkeypatch.setattr(kg.build.spool, "SPOOL_BYTES", spool_bytes)
    batches = [[statement(n) for n in range(start, start + 100)] for start in (0, 100, 200)] + [[]]
    spool = StatementSpool()
    for batch in batches:
        spool.add(pickled(batch), len(batch))
    expected = [s for batch in batches for s in batch]
    assert len(spool) == 300
    assert list(spool) == expected
    first, second = iter(spool), iter(spool)  # two readings at once do not disturb each other
    assert [next(first) for _ in range(150)] == expected[:150]
    assert list(second) == expected and list(first) == expected[150:]
    assert spool.on_disk is (spool_bytes < 10_000)
    spool.close()


def test_an_empty_spool_is_empty() -> None:
    spool = StatementSpool()
    assert len(spool) == 0 and not spool and list(spool) == []
