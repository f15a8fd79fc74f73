"""SHACL shapes catch broken graphs."""

from __future__ import annotations

from rdflib import Graph

from kg.graph.validate import validate_graph

PREFIXES = """
@prefix kg: <https://w3id.org/briefkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ex: <http://example.org/kg/> .
"""

GOOD = (
    PREFIXES
    + """
ex:brief a kg:Brief ; dcterms:identifier "b" ; dcterms:title "A brief" .
ex:belarus a kg:Country ; skos:prefLabel "Belarus"@en .
ex:dialogue a kg:Theme ; rdfs:label "dialogue" .
ex:refuse a kg:Relation ; rdfs:label "refuse" .
ex:sentence a kg:Sentence ; nif:anchorOf "Belarus refuses dialogue." ; nif:beginIndex 0 ; nif:endIndex 25 ;
    kg:inBrief ex:brief .
ex:st a kg:Statement ; kg:subject ex:belarus ; kg:relation ex:refuse ; kg:object ex:dialogue ;
    kg:polarity kg:Positive ; kg:modality kg:Asserted ; prov:wasDerivedFrom ex:sentence ;
    kg:inBrief ex:brief ; kg:segment 1 .
"""
)


def test_a_well_formed_statement_conforms() -> None:
    report = validate_graph(Graph().parse(data=GOOD, format="turtle"))
    assert report.conforms, report.text


def test_a_statement_without_subject_and_with_a_bad_modality_is_reported() -> None:
    broken = GOOD.replace("kg:subject ex:belarus ;", "").replace("kg:modality kg:Asserted", "kg:modality kg:Certain")
    report = validate_graph(Graph().parse(data=broken, format="turtle"))
    assert not report.conforms
    assert report.violations == 2
    assert "kg:subject" in report.text or "ontology#subject" in report.text


def test_a_theme_as_subject_is_reported() -> None:
    broken = GOOD.replace("kg:subject ex:belarus", "kg:subject ex:dialogue")
    report = validate_graph(Graph().parse(data=broken, format="turtle"))
    assert not report.conforms and report.violations == 1
