"""The token table (`kg.extract.token_table`) holds spaCy's own answers for each token: its tags,
dependency label, lemma and word in lower case, and which labels its children have; inside the
parse index it is made once per doc and dropped after the block. On the invented paragraphs of
`tests/test_parse_index.py`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.parse_index import TABLE, parse_index
from kg.extract.token_table import token_table
from tests.test_parse_index import BODY, HEADER, nlp, parsed

__all__ = ["nlp"]  # the module's pipeline fixture


def test_the_table_answers_as_spacy(nlp: Language) -> None:
    for text in (BODY, HEADER + BODY, "Minsk protested.", ""):
        doc = parsed(nlp, text)
        table = token_table(doc)
        assert table.pos == [t.pos_ for t in doc] and table.tag == [t.tag_ for t in doc]
        assert table.dep == [t.dep_ for t in doc] and table.lower == [t.lower_ for t in doc]
        assert table.lemma == [t.lemma_.lower() for t in doc] and table.head == [t.head.i for t in doc]
        labels = {c.dep_ for t in doc for c in t.children} | {"nsubjpass", "ROOT"}
        for token in doc:
            for label in labels:
                assert table.governs(token.i, frozenset({label})) == any(c.dep_ == label for c in token.children)
        if len(doc) > 3:
            assert list(table.tokens([3, 1])) == [doc[3], doc[1]]


def test_the_table_is_made_once_inside_the_index(nlp: Language) -> None:
    doc = parsed(nlp, BODY)
    assert token_table(doc) is not token_table(doc)  # outside the block: made on each call
    with parse_index(doc):
        assert token_table(doc) is token_table(doc)
    assert TABLE not in doc.user_data  # the table holds the doc: dropped with the block


def test_a_subtree_is_read_in_spacys_order(nlp: Language) -> None:
    # a non-projective tree (the arcs 0 -> 2 and 3 -> 1 cross): spaCy's order is not the words'
    crossing = Doc(nlp.vocab, words=["a", "b", "c", "d"], heads=[2, 3, 2, 0], deps=["dep", "dep", "ROOT", "dep"])
    assert [t.i for t in crossing[2].subtree] == [0, 1, 3, 2]
    for doc in (parsed(nlp, BODY), parsed(nlp, HEADER + BODY), crossing):
        table = token_table(doc)
        for token in doc:
            assert table.subtree(token.i) == [t.i for t in token.subtree]
