"""SHACL validation of the store against `ontology/shapes.ttl` (pySHACL, with RDFS inference
so that a kg:Country is a kg:Actor)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, serialize
from pyshacl import validate as shacl_validate
from rdflib import Graph

from kg.graph.store import GraphStore
from kg.ontology import ONTOLOGY_DIR


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: int
    text: str


def validate_graph(data: Graph, shapes_path: Path = ONTOLOGY_DIR / "shapes.ttl") -> ValidationReport:
    shapes = Graph().parse(shapes_path, format="turtle")
    ontology = Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, _report, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    violations = str(text).count("Constraint Violation")
    return ValidationReport(bool(conforms), violations, str(text))


def validate_store(store: GraphStore) -> ValidationReport:
    data = Graph().parse(data=serialize(store.triples(), format=RdfFormat.N_TRIPLES), format="nt")
    return validate_graph(data)
