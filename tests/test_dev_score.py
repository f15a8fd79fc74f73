"""The extractor's score on the development gold set may not silently drop.

The gold set and its scorer live in `../shared/eval/` beside the repository (as on CI); the
floor is the score reached when it was last raised, minus 0.02 of slack.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.briefs import read_briefs
from kg.extract import extract
from kg.pipeline import load_pipeline
from kg.sources import brief_files

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
F1_FLOOR = 0.776 - 0.02
PRECISION_FLOOR = 0.55
RECALL_FLOOR = 0.55

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="../shared/eval is not beside the repository")


def test_development_gold_score_does_not_drop() -> None:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    briefs = read_briefs(brief_files(ROOT / "seeds"))
    rows = [s.to_json() for _, found in extract(load_pipeline(), briefs) for s in found]
    result = scorer.score(scorer.load_gold([str(EVAL / "gold")]), rows)
    micro, attributes = result["micro"], result["attributes"]
    assert micro["f1"] >= F1_FLOOR, micro
    assert micro["precision"] >= PRECISION_FLOOR and micro["recall"] >= RECALL_FLOOR, micro
    assert attributes["polarity"] >= 0.95 and attributes["modality"] >= 0.80, attributes
