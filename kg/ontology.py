"""Where the ontology folder is: the vocabularies, lexicons, CAMEO tables and SHACL shapes
(`ontology/` at the top of the repository) that configure extraction and fill the store."""

from __future__ import annotations

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
