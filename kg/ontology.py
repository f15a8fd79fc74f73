"""Where the ontology folder is: the vocabularies, lexicons, CAMEO tables and SHACL shapes that
configure extraction and fill the store. It is `ontology/` at the top of the repository, the
folder to edit; a wheel carries a copy of it as `kg/ontology_data` (pyproject.toml maps that
package to `ontology/`), which an installed kg reads."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
INSTALLED_ONTOLOGY = PACKAGE_DIR / "ontology_data"
ONTOLOGY_DIR = INSTALLED_ONTOLOGY if INSTALLED_ONTOLOGY.is_dir() else PACKAGE_DIR.parent / "ontology"
