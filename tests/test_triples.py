"""The vocabulary's triple index (`kg.extract.triples`): what rdflib's Graph gave the vocabulary."""

from pathlib import Path

from kg.extract.triples import Triples

TURTLE = """
@prefix ex: <http://example.org/> .
<actor/a> ex:label "A"@en, "Alpha" ; ex:code "01"^^<http://www.w3.org/2001/XMLSchema#string> .
<actor/b> ex:label "B" ; ex:held [ ex:from "2001-02-03"^^<http://www.w3.org/2001/XMLSchema#date> ] .
"""
AGAIN = '@prefix ex: <http://example.org/> .\n<actor/a> ex:label "A"@en .\n'


def test_triples_read_turtle_as_strings_each_once_in_file_order(tmp_path: Path) -> None:
    (tmp_path / "v.ttl").write_text(TURTLE, encoding="utf-8")
    (tmp_path / "again.ttl").write_text(AGAIN, encoding="utf-8")
    graph = Triples([tmp_path / "v.ttl", tmp_path / "again.ttl"], "http://vocabulary.invalid/")
    a, b = "http://vocabulary.invalid/actor/a", "http://vocabulary.invalid/actor/b"
    label = "http://example.org/label"
    assert graph.objects(a, label) == ["A", "Alpha"]
    assert graph.value(a, "http://example.org/code") == "01"
    assert graph.value(a, "http://example.org/none") is None
    assert graph.subjects(label, "B") == [b]
    [(holder, term)] = list(graph.subject_objects("http://example.org/held"))
    assert holder == b and term.startswith("_:")
    assert graph.value(term, "http://example.org/from") == "2001-02-03"
