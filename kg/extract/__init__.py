"""Extraction: `Brief`s to `Statement`s. The spaCy pipeline (`pipeline`) with the project's
components: actors (`actors`, `affiliation`, `demonyms`, `coref`), clauses and demands
(`clauses`, `subjects`, `demands`), who said what (`attribution`), CAMEO event codes
(`events`), all configured from `ontology/` (`vocabulary`); `extractor` turns parsed segments
into statements. It reads no files but the
ontology's: briefs come in as `Brief`s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.statements import Actor, ActorKind, Statement
from kg.lazy import lazy_names

if TYPE_CHECKING:
    from kg.extract.extractor import extract
    from kg.extract.pipeline import load_pipeline

__all__ = ["Actor", "ActorKind", "Statement", "extract", "load_pipeline"]
__getattr__ = lazy_names(__name__, {"extract": "extractor", "load_pipeline": "pipeline"})
