"""Statements from parsed segments: a spaCy component that turns clauses with actor subjects
into `Statement` records on `doc._.statements`.

A clause yields a statement when its subject resolves to an actor: a mention of one (directly
or as the modifier of a member noun: "NATO representatives", "a representative of the
Ministry of Defence"), or a pronoun or definite description resolved by the salience model in
`kg.coref`. Objects resolve to an actor the same way, or become a theme noun phrase. The date
is the clause's own date expression, normalised against the segment's date (`kg.dates`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg import dates
from kg.actors import mention_at
from kg.briefs import Brief, Segment
from kg.clauses import Clause, clauses, noun_phrase
from kg.coref import SalienceModel
from kg.rdf import slug
from kg.statements import Actor, Statement
from kg.vocabulary import Vocabulary, load_vocabulary

MEMBER_NOUNS = {
    "representative", "representatives", "delegation", "delegations", "official", "officials", "diplomat",
    "diplomats", "envoy", "leadership", "leaders", "troops", "military", "attaches", "attachés", "members",
}
GENERIC_NOUNS = {"parties", "sides", "countries", "states"}


@dataclass(frozen=True)
class SegmentContext:
    """What the extractor needs to know about the text a doc was made from."""

    doc: str
    segment: Segment


if not Doc.has_extension("context"):
    Doc.set_extension("context", default=None)
if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)


@Language.factory("statement_extractor", default_config={"ontology_dir": None})
def create_statement_extractor(nlp: Language, name: str, ontology_dir: str | None) -> StatementExtractor:
    from kg.store import ONTOLOGY_DIR

    return StatementExtractor(load_vocabulary(Path(ontology_dir) if ontology_dir else ONTOLOGY_DIR))


class StatementExtractor:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def __call__(self, doc: Doc) -> Doc:
        context: SegmentContext | None = doc._.context
        doc._.statements = list(self._statements(doc, context)) if context else []
        return doc

    def _statements(self, doc: Doc, context: SegmentContext) -> Iterator[Statement]:
        salience = SalienceModel()
        seen: set[tuple[str, str, str, int]] = set()
        for number, sentence in enumerate(doc.sents):
            for clause in clauses(sentence, self.vocabulary):
                subjects = [a for t in clause.subjects if (a := self._actor(t, number, salience)) is not None]
                if not subjects:
                    continue
                objects = self._objects(clause, number, salience)
                date = self._date(clause, sentence, context.segment.date)
                for subject in subjects:
                    for text, actor in objects:
                        if actor is not None and actor.key == subject.key:
                            continue
                        key = (subject.key, clause.relation, text.lower(), sentence.start)
                        if key in seen:
                            continue
                        seen.add(key)
                        yield self._statement(context, sentence, clause, subject, text, actor, date)
            for token in sentence:
                mention = mention_at(token)
                if mention is not None and token.i == mention.end - 1:
                    salience.observe(mention.actor, token.head if token.dep_ == "compound" else token, number)

    def _statement(
        self, context: SegmentContext, sentence: Span, clause: Clause, subject: Actor, text: str, actor: Actor | None, date: str | None
    ) -> Statement:
        segment = context.segment
        start = segment.source_offset(sentence.start_char)
        end = start + len(sentence.text)
        return Statement(
            doc=context.doc,
            segment=segment.number,
            subject=subject.name,
            relation=clause.relation,
            object=actor.name if actor else text,
            polarity=clause.polarity,  # type: ignore[arg-type]
            modality=clause.modality,  # type: ignore[arg-type]
            date=date,
            sentence=sentence.text,
            start=start,
            end=end,
            subject_actor=subject,
            object_actor=actor,
        )

    def _actor(self, token: Token, sentence: int, salience: SalienceModel) -> Actor | None:
        """The actor a noun phrase head names or refers to, if any."""
        mention = mention_at(token)
        if mention is not None:
            return mention.actor
        if token.pos_ == "PRON":
            return salience.resolve_pronoun(token, sentence)
        if token.lower_ in MEMBER_NOUNS or token.lemma_.lower() in MEMBER_NOUNS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    for pobj in child.children:
                        found = mention_at(pobj)
                        if pobj.dep_ == "pobj" and found is not None:
                            if child.lower_ == "of" and token.lower_ in ("representative", "representatives", "delegation"):
                                return found.actor
                            return _member_group(found.actor, token)
            for child in token.lefts:
                found = mention_at(child)
                if found is not None and child.dep_ in ("compound", "amod", "nmod", "poss"):
                    return _member_group(found.actor, token)
        return salience.resolve_description(token, sentence, self.vocabulary.designators, self.vocabulary.titles)

    def _objects(self, clause: Clause, sentence: int, salience: SalienceModel) -> list[tuple[str, Actor | None]]:
        if clause.object_text is not None:
            return [(clause.object_text, None)]
        result: list[tuple[str, Actor | None]] = []
        for token in clause.objects:
            mention = mention_at(token)
            if mention is not None and mention.end - 1 == token.i:
                result.append((mention.actor.name, mention.actor))
            elif token.pos_ == "PRON":
                actor = salience.resolve_pronoun(token, sentence)
                if actor is not None:
                    result.append((actor.name, actor))
            else:
                text = noun_phrase(token)
                if text:
                    result.append((text, None))
        return result

    def _date(self, clause: Clause, sentence: Span, anchor: str | None) -> str | None:
        """The date expression attached to the clause's predicate (or its chain), else the
        sentence's only date when the predicate is the sentence's main verb."""
        predicate = clause.predicate
        candidates = [ent for ent in sentence.ents if ent.label_ == "DATE"]
        governed = [ent for ent in candidates if _governing_predicate(ent.root) in {predicate, *predicate.ancestors}]
        for ent in governed or (candidates if len(candidates) == 1 else []):
            resolved = dates.resolve(ent.text, anchor)
            if resolved:
                return resolved
        return None


def _governing_predicate(token: Token) -> Token:
    while token.head is not token and token.pos_ not in ("VERB",):
        token = token.head
    return token


def _member_group(actor: Actor, noun: Token) -> Actor:
    """'NATO representatives', 'EU delegations': members named after the actor they act for."""
    name = f"{actor.name} {noun.text}"
    return Actor(f"actor/{slug(name)}", name, "Group", acts_for=actor.key)


def extract(nlp: Language, briefs: Iterable[Brief], batch_size: int = 16) -> Iterator[tuple[Brief, list[Statement]]]:
    """Stream briefs through the pipeline; yield each brief with its statements, in order."""
    def docs() -> Iterator[Doc]:
        for brief in briefs:
            if not brief.segments:
                empty = nlp.make_doc("")
                empty.user_data["brief"] = brief
                yield empty
            for segment in brief.segments:
                doc = nlp.make_doc(segment.text)
                doc._.context = SegmentContext(brief.doc, segment)
                doc.user_data["brief"] = brief
                yield doc

    current: Brief | None = None
    statements: list[Statement] = []
    for doc in nlp.pipe(docs(), batch_size=batch_size):
        brief = doc.user_data["brief"]
        if current is not None and brief is not current:
            yield current, statements
            statements = []
        current = brief
        statements.extend(doc._.statements)
    if current is not None:
        yield current, statements
