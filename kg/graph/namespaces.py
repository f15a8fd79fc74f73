"""IRIs of the vocabularies the graph uses, and the prefixes every export declares."""

from __future__ import annotations

from pyoxigraph import NamedNode

KG = "https://w3id.org/briefkg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DCTERMS = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"
CAMEO = "https://w3id.org/briefkg/cameo/"

DEFAULT_BASE_IRI = "http://example.org/kg/"

PREFIXES = {
    "kg": KG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "nif": NIF,
    "dcterms": DCTERMS,
    "owl": OWL,
    "cameo": CAMEO,
}


def term(namespace: str, name: str) -> NamedNode:
    return NamedNode(namespace + name)


def sparql_prefixes(base_iri: str) -> dict[str, str]:
    """The prefixes every query may use: the vocabularies, plus `actor:`, `relation:` ... under
    the base. Handed to the SPARQL parser as a map, never prepended as text, so that syntax errors
    name the lines of the user's own query."""
    under_base = ("actor", "relation", "theme", "brief", "statement", "sentence")
    return {**PREFIXES, **{p: f"{base_iri}{p}/" for p in under_base}}
