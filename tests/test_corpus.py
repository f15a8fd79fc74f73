"""Every brief and sentence the project and ../shared hold is extracted within a time limit.

The items: the seed briefs, the development briefs of ../shared/eval/briefs, and the sentences
of the public event-data sets under ../shared/benchmarks (the PLOVER records, PETRARCH2's
validation suite and its real-sentence set), each sentence as a brief of its own (its dateline,
a blank line, the sentence, as benchmarks/bench_event_coding.py writes them). They go through
the build's extraction stage (`kg.build.extract_briefs`: one worker, one pipeline for all) with
the brief limit as the per-item limit, and the test fails on the first item that goes over its
limit or makes the extractor fail. How many items ran and the five slowest, with their times, are
printed at the end of pytest's report (the `figures` section).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import Outcome, extract_briefs, read_stage
from kg.read import Brief, brief_files, parse_brief

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BRIEF_SECONDS = 30.0  # each development brief in under 30 s (issue 20)
SENTENCE_SECONDS = 10.0  # a sentence takes milliseconds; ten seconds is a hang
SENTENCE_SETS = (
    "benchmarks/plover_gsr/plover_gsr_cameo.jsonl",
    "benchmarks/petrarch2/validation.jsonl",
    "benchmarks/petrarch2/petr2_gsr_validation.jsonl",
)


def sentence_briefs(path: Path) -> Iterator[Brief]:
    with path.open(encoding="utf-8") as lines:
        for number, record in enumerate(map(json.loads, lines)):
            date = record["date"] if "-" in record["date"] else f"{record['date'][:4]}-{record['date'][4:6]}-01"
            text = f"{date}\n\n{record['text_normalized'].strip()}\n"
            yield parse_brief(f"{path.stem}-{number:04d}", text, path.with_name(f"{path.stem}-{number:04d}.txt"))


def brief_folders_files(*folders: Path) -> list[Path]:
    """The brief files of the folders, each content once (the seeds are development briefs too)."""
    seen: set[str] = set()
    files = []
    for folder in folders:
        for path in brief_files(folder):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                files.append(path)
    return files


def check_within_limits(
    items: list[Brief | Outcome], limit_of: dict[str, float], figures: list[str], name: str
) -> list[Outcome]:
    """Extract every item; fail on the first over its limit or failed. Returns the outcomes;
    the count and the five slowest go into `figures`."""
    outcomes = []
    for outcome in extract_briefs(items, jobs=1, brief_timeout=max(limit_of.values())):
        doc = outcome.brief.doc
        assert outcome.failure is None, f"{doc}: {outcome.failure}"
        assert outcome.seconds <= limit_of[doc], f"{doc}: {outcome.seconds:.1f} s, over {limit_of[doc]:g} s"
        outcomes.append(outcome)
    slowest = sorted(outcomes, key=lambda o: -o.seconds)[:5]
    extracted = sum(1 for o in outcomes if o.without_text is None)
    figures.append(f"{name}: {len(outcomes)} items ({extracted} extracted), the slowest five:")
    figures.extend(f"  {outcome.seconds:6.2f} s  {outcome.brief.doc}" for outcome in slowest)
    return outcomes


@pytest.mark.timeout(600)
def test_seed_briefs_within_the_limit(figures: list[str]) -> None:
    items = list(read_stage(brief_files(ROOT / "seeds")))
    outcomes = check_within_limits(items, {item_doc(i): BRIEF_SECONDS for i in items}, figures, "seed briefs")
    assert len(outcomes) == 5 and all(o.statements for o in outcomes)


@pytest.mark.timeout(900)
def test_every_development_brief_and_benchmark_sentence_within_its_limit(figures: list[str]) -> None:
    if not (SHARED / "eval" / "briefs").is_dir():
        pytest.skip("../shared is absent: the development briefs and the PLOVER and PETRARCH2 sentences live there")
    briefs = list(read_stage(brief_folders_files(ROOT / "seeds", SHARED / "eval" / "briefs")))
    sentences = [brief for name in SENTENCE_SETS for brief in sentence_briefs(SHARED / name)]
    limits = {item_doc(i): BRIEF_SECONDS for i in briefs} | {b.doc: SENTENCE_SECONDS for b in sentences}
    outcomes = check_within_limits([*briefs, *sentences], limits, figures, "corpus test")
    assert len(outcomes) == len(briefs) + len(sentences) >= 21 + 684


def item_doc(item: Brief | Outcome) -> str:
    return item.brief.doc if isinstance(item, Outcome) else item.doc
