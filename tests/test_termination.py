"""Every walk over a parse ends, whatever the sentence's shape.

spaCy makes a new `Token` object on every access, so `token.head is token` is never true, not
even at the root: a loop that climbs heads until it reaches the root by identity never ends
when the root is not what it looks for. Identity between spaCy objects is banned from `kg/`
(checked on the source), and each walk that used it is run here on a sentence written to reach
it, under a time limit so that a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
HEADER = "Baltic and Eastern European security weekly\nApril 22, 2016 18:58\n\n"
SECONDS = 30  # the pipeline loads in a few seconds; each sentence takes milliseconds


def identity_comparisons(source: str) -> list[str]:
    """`is` / `is not` comparisons whose right side is not None, True or False."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            for operator, right in zip(node.ops, node.comparators, strict=True):
                constant = isinstance(right, ast.Constant) and right.value in (None, True, False)
                if isinstance(operator, ast.Is | ast.IsNot) and not constant:
                    found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_the_check_finds_identity_between_objects() -> None:
    assert identity_comparisons("while token.head is not token:\n    pass\nx = y is None") == [
        "line 1: token.head is not token"
    ]


def test_no_identity_comparison_between_objects_in_the_package() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if (found := identity_comparisons(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, body: str) -> list[tuple[str, str, str, str, str | None]]:
    brief = parse_brief("t", HEADER + body)
    assert [s.text for s in brief.segments] == [body]
    [(_, found)] = list(extract(nlp, [brief]))
    return [(s.subject, s.relation, s.object, s.modality, s.date) for s in found]


@pytest.mark.timeout(SECONDS)
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a date in a copular sentence: the root is an auxiliary, no verb above the date
        (
            "On 12 May 2019, Warsaw was keen on closer ties with Kyiv and Vilnius.",
            [("Poland", "keen", "closer ties", "asserted", "2019-05-12")],
        ),
        # a date whose clause hangs from an adjective under a copula
        (
            "On 3 June 2018 Lithuania was also interested in attracting Polish investment to its ports.",
            [("Lithuania", "attract", "Polish investment", "intended", "2018-06-03")],
        ),
        # a verbless headline: the participle's governor is sought above a noun root
        ("A new Russian strategy aiming to erode Belarusian sovereignty and independence.", []),
        # a noun root with appositions and a year
        ("Belarus, a close ally of Moscow since 1994 and a member of the Collective Security Treaty Organisation.", []),
        # a noun root carrying a nominal event and a date
        (
            "In March 2017, Poland's readiness to send troops to Lithuania, according to the defence ministry.",
            [("Poland", "send", "troops", "intended", "2017-03")],
        ),
        # an adjective root (no copula) with a dated complement
        (
            "The Lithuanian government ready to expel Belarusian diplomats after the incident on 4 August 2021.",
            [("Lithuania", "expel", "Belarus", "intended", "2021-08-04")],
        ),
    ],
)
def test_walks_over_parses_end(nlp: Language, body: str, expected: list[tuple[str, str, str, str, str | None]]) -> None:
    assert statements(nlp, body) == expected
