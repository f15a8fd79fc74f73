"""Statements from parsed segments: a spaCy component that turns clauses with actor subjects
into `Statement` records on `doc._.statements`.

A clause yields a statement when its subject resolves to an actor: a mention of one (directly
or as the modifier of a member noun: "NATO representatives", "a representative of the
Ministry of Defence"), or a pronoun or definite description resolved by the salience model in
`kg.extract.coref`. Objects resolve to an actor the same way, or become a theme noun phrase. The date
is the clause's own date expression, normalised against the segment's date (`kg.dates`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg import dates
from kg.extract.actors import mention_at
from kg.extract.addressees import addressees
from kg.extract.attribution import Attributions
from kg.extract.authors import TitleSpeakers
from kg.extract.clause_dates import SpeechDates, clause_date
from kg.extract.clauses import Clause, clauses
from kg.extract.companions import is_companion, with_companions
from kg.extract.compounds import participle_compounds
from kg.extract.coref import SalienceModel, office_holder
from kg.extract.demands import DEMAND, reported_demands
from kg.extract.directives import controlled_acts, directives
from kg.extract.events import EventCoder, load_coder
from kg.extract.groups import groups_named
from kg.extract.identity import canonical, home_state
from kg.extract.implicit_agents import ADJUNCT_PREPOSITIONS, implicit_agent_events
from kg.extract.implicit_passives import agentless_passives
from kg.extract.intransitive_events import aimed, intransitive_events
from kg.extract.main_event import main_event_rank
from kg.extract.nominal_events import metonymic_subjects, nominal_events
from kg.extract.noun_phrases import noun_phrase
from kg.extract.object_heads import numbered_members
from kg.extract.parse_index import parse_index, sentence_of
from kg.extract.performatives import performative_date
from kg.extract.predicative import predicative_events
from kg.extract.pronoun_themes import theme_antecedent
from kg.extract.resolution import ActorResolver, in_full
from kg.extract.responses import answered
from kg.extract.sentence_entities import SentenceEntities
from kg.extract.statements import Actor, Statement
from kg.extract.subjects import coordination_head, reduced_name, with_conjuncts
from kg.extract.support_verbs import absorbed, supported
from kg.extract.targets import target_of
from kg.extract.token_table import token_table
from kg.extract.unnamed_agents import UnnamedAgents, unnamed_agent_passives
from kg.extract.vocabulary import Vocabulary, load_vocabulary
from kg.identifiers import slug
from kg.read import Brief, Segment


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
    from kg.ontology import ONTOLOGY_DIR

    folder = Path(ontology_dir) if ontology_dir else ONTOLOGY_DIR
    return StatementExtractor(load_vocabulary(folder), load_coder(folder), nlp)


class StatementExtractor:
    def __init__(self, vocabulary: Vocabulary, coder: EventCoder, nlp: Language | None = None) -> None:
        self.vocabulary = vocabulary
        self.coder = coder
        self.title_speaker = TitleSpeakers(nlp, vocabulary.titles) if nlp is not None else None
        self.resolver = ActorResolver(vocabulary)
        self.unnamed = UnnamedAgents(vocabulary, coder)

    def __call__(self, doc: Doc) -> Doc:
        context: SegmentContext | None = doc._.context
        with parse_index(doc):  # the parse is final here (`kg.extract.parse_index`)
            doc._.statements = list(self._statements(doc, context)) if context else []
        return doc

    def _statements(self, doc: Doc, context: SegmentContext) -> Iterator[Statement]:
        salience = SalienceModel()
        seen: set[tuple[str, str, str, int]] = set()
        narrative_date: str | None = None  # the last date the text fixed: later clauses happen then
        speech, segment_date = SpeechDates(), context.segment.date
        home = home_state(m.actor for m in doc._.actor_mentions or ())  # completes bare body names
        author = self.title_speaker(context.segment.title) if self.title_speaker else None
        attributions = Attributions(doc, self.vocabulary, author)
        entities = SentenceEntities(doc)
        # the text the doc was made from (`extract`): `Doc.text` would join it from a new `Token`
        # per word (0.03 CPU s over the 200 briefs of /work/ref/c200), `Span.text` on each call
        written = context.segment.text
        table, covered = token_table(doc), {i for m in doc._.actor_mentions or () for i in range(m.start, m.end)}
        lower, pos, lemma = table.lower, table.pos, table.lemma
        groups, titles = self.vocabulary.group_nouns, self.vocabulary.titles
        for number, sentence in enumerate(doc.sents):
            sentence_entities = entities.within(sentence)
            # the words that may name an actor: a mention's, a group noun, a proper noun, a title
            naming = (
                i
                for i in range(sentence.start, sentence.end)
                if i in covered or lower[i] in groups or pos[i] == "PROPN" or lemma[i] in titles
            )
            for token in table.tokens(naming):
                mention = mention_at(token)
                if mention is not None and token.i == mention.end - 1:
                    named = in_full(mention.actor, salience, mention.start)
                    salience.observe(named, token.head if token.dep_ == "compound" else token, number)
                    if token.dep_ != "conj" and (partners := [m.actor for m in map(mention_at, token.conjuncts) if m]):
                        salience.named_pair(number, max(c.i for c in token.conjuncts), [named, *partners])
                elif mention is None and token.lower_ in self.vocabulary.group_nouns:
                    for group in groups_named(token, self.vocabulary):
                        salience.observe(group, token, number)
                elif mention is None and (named := reduced_name(token, (i.actor for i in salience.seen))):
                    salience.observe(named, token, number)  # "Paludan, who ... where he burned": he is Paludan
                elif mention is None and office_holder(token, self.vocabulary.titles) is not None:
                    for holder in self._actors(token, number, salience):  # "The Foreign Secretary ... She"
                        salience.observe(holder, token, number)
            sentence_dates: list[str] = []
            clause_sources = (
                *(clauses, reported_demands, nominal_events, implicit_agent_events, agentless_passives),
                *(directives, participle_compounds, predicative_events, unnamed_agent_passives, intransitive_events),
            )
            controlled = controlled_acts(sentence, self.vocabulary)  # "called on X to stop": X's act is no statement
            found = [
                with_companions(supported(c, self.vocabulary))  # "held talks with X", "along with X"
                for source in clause_sources
                for c in source(sentence, self.vocabulary)
                if c.predicate.i not in controlled
            ]
            taken = absorbed(found) | answered(found)
            found = [c for c in found if c.predicate.i not in taken]
            # the event a CAMEO coder codes first (`kg.extract.main_event`)
            for clause in sorted(found, key=lambda c: main_event_rank(c, self.vocabulary)):
                if clause.relation != DEMAND and attributions.is_frame(clause.predicate):
                    continue  # "X said that ...": what was said is the statement, X its source
                resolved = [(t, self._speaking(t, number, salience, attributions)) for t in clause.subjects]
                subjects = [a for _, actors in resolved for a in actors]
                if not subjects and (agents := metonymic_subjects(clause, self.vocabulary)):
                    resolved = [(t, self._speaking(t, number, salience, attributions)) for t in agents]
                    subjects = [a for _, actors in resolved for a in actors]  # "Indian actions are a threat"
                if not subjects and clause.implicit_agent:  # "Foreign agitators are referred to"
                    # the agent is none of its own clause's participants, and stands before its clause
                    patients = {m.actor.key for t in clause.objects if (m := mention_at(t)) is not None}
                    start = coordination_head(clause.predicate).left_edge.i
                    agent = salience.discourse_agent(start, number, patients)
                    subjects = [agent] if agent is not None else []
                    if agent is not None:
                        salience.observe_subject(agent, clause.predicate.i, number)
                if not subjects and (unnamed := self.unnamed.agent(clause)) is not None:
                    resolved, subjects = [], [unnamed]  # "a journalist was killed in Beirut" (unnamed_agents)
                if not subjects:
                    continue
                clause, source, act = self._attributed(clause, number, salience, attributions)
                for token, actors in resolved:
                    salience.refer(token, actors, number)
                objects = self._objects(clause, number, salience, subjects, attributions)
                reciprocal = clause.predicate.lemma_.lower() in self.vocabulary.reciprocals
                met = any(a is not None and t is not None and t.dep_ == "dobj" for _, a, t in objects)
                if len(subjects) > 1 and reciprocal and not met:
                    # "X and Y met (in Z)", "exchanged fire": each with the other; "X and Y met Z": each meets Z
                    objects = [(actor.name, actor, None) for actor in subjects]
                event = self.coder.code_clause(clause.predicate, clause.relation, clause.polarity, clause.modality)
                try:
                    date = clause_date(clause.predicate, sentence_entities, context.segment.date, narrative_date)
                except dates.OutOfCalendar:  # the clause dates itself, off the calendar: no date
                    date = None
                else:
                    if date:
                        sentence_dates.append(date)
                    date = date or performative_date(clause, event, context.segment.date)
                    if act is None:
                        date = date or narrative_date
                    else:  # what was said: dated by the saying
                        spoken = speech.date_of(
                            act, source, entities.within(sentence_of(act)), segment_date, narrative_date
                        )
                        date = date or spoken
                if any(t.lemma_.lower() in self.vocabulary.documents for t in clause.objects):
                    # "Ukraine tabled the draft (along with Georgia)": the text speaks for Ukraine
                    salience.authored(number, [a for t, actors in resolved if not is_companion(t) for a in actors])
                salience.coordinated(number, subjects)
                adverbial = clause.predicate.dep_ == "pobj" and clause.predicate.head.lower_ in ADJUNCT_PREPOSITIONS
                if (len(subjects) > 1 or any(actor for _, actor, _ in objects)) and not adverbial:
                    # the parties of the clause (not of an event in its adverbial) are "both", "they"
                    salience.pair(number, [*subjects, *(a for _, a, _ in objects if a is not None)])
                for subject in subjects:
                    for text, actor, token in objects:
                        if actor is not None and actor.key == subject.key:
                            continue
                        key = (subject.key, clause.relation, text.lower(), sentence.start)
                        if key in seen:
                            continue
                        seen.add(key)
                        described = partial(self._actors, sentence=number, salience=salience)
                        target = actor or target_of(clause.predicate, token, subject, self.vocabulary, described)
                        subject, actor, target, speaker = (
                            canonical(a, home, self.vocabulary) if a else None for a in (subject, actor, target, source)
                        )
                        if actor is not None and actor.key == subject.key:
                            continue  # two names of one actor ("the ministry's representatives met the ministry")
                        evidence = written[sentence.start_char : sentence.end_char].rstrip()
                        yield self._statement(
                            context, sentence, evidence, clause, event, subject, text, actor, date, target, speaker
                        )
            if sentence_dates:
                narrative_date = sentence_dates[0]

    def _statement(
        self,
        context: SegmentContext,
        sentence: Span,
        evidence: str,  # the sentence's text, without the white space after it
        clause: Clause,
        event: str | None,  # the clause's CAMEO code (`EventCoder.code_clause`)
        subject: Actor,
        text: str,
        actor: Actor | None,
        date: str | None,
        target: Actor | None = None,
        source: Actor | None = None,
    ) -> Statement:
        segment = context.segment
        start = segment.source_offset(sentence.start_char)
        end = segment.source_offset(sentence.start_char + len(evidence), end=True)
        subject = self._in_office(subject, date or segment.date)
        actor = self._in_office(actor, date or segment.date) if actor else None
        target = self._in_office(target, date or segment.date) if target else None
        source = self._in_office(source, date or segment.date) if source else None
        return Statement(
            doc=context.doc,
            segment=segment.number,
            subject=subject.name,
            relation=clause.relation,
            object=actor.name if actor else text,
            polarity=clause.polarity,  # type: ignore[arg-type]
            modality=clause.modality,  # type: ignore[arg-type]
            date=date,
            sentence=evidence,
            start=start,
            end=end,
            event=event if aimed(clause, target) else None,
            target=target.name if target else None,
            subject_actor=subject,
            object_actor=actor,
            target_actor=target,
            source=source.name if source else None,
            source_actor=source,
        )

    def _attributed(
        self, clause: Clause, sentence: int, salience: SalienceModel, attributions: Attributions
    ) -> tuple[Clause, Actor | None, Token | None]:
        """A clause inside what someone said: its source, modality reported unless the clause has
        its own ("said it was ready to send" stays intended), and the speech act."""
        if attributions.avows(clause.predicate, clause.objects):
            own = [a for t in clause.subjects for a in self._actors(t, sentence, salience)]
            return replace(clause, modality="intended"), (own[0] if own else None), None
        act = attributions.speech_act(clause.predicate)
        if act is None:
            return clause, None, None
        if attributions.by_the_author(act):  # "I stated that ...": the speaker the title names, if any
            author = attributions.author
            return (replace(clause, modality="reported"), author, act) if author else (clause, None, None)
        speakers = []
        spoken = attributions.sentence_of(act)  # the speaker is resolved where the speech verb stands
        for token in attributions.speakers(act):
            actors = self._actors(token, spoken, salience)
            salience.refer(token, actors, spoken)
            speakers.extend(actors)
        modality = clause.modality if clause.modality in ("intended", "possible") else "reported"
        return replace(clause, modality=modality), (speakers[0] if speakers else None), act

    def _speaking(
        self, token: Token, sentence: int, salience: SalienceModel, attributions: Attributions
    ) -> list[Actor]:
        """A quoted "we" is the speaker's state or body ("'We vetoed it,' the minister said"); a
        person whose state is unknown gives no subject (the person is not the "we")."""
        resolve = partial(self._actors, sentence=sentence, salience=salience)
        addressed = addressees(token, attributions, salience, sentence, resolve)
        if addressed is not None:
            return addressed  # a quoted "you"
        act = attributions.quoted_speech_act(token)
        if act is None:
            own = attributions.first_person(token)
            return [own] if own else self._actors(token, sentence, salience)
        speakers = [a for t in attributions.speakers(act) for a in self._actors(t, sentence, salience)]
        # a person's "we" is their state, when known; an organisation's is itself
        return [s.acts_for or s for s in speakers[:1] if s.acts_for or s.kind != "Person"]

    def _in_office(self, actor: Actor, date: str | None) -> Actor:
        """An office named by its title ("the Belarusian foreign minister") is whoever held it on
        the date; without a known holder, it stays a person named by the title."""
        office = self.vocabulary.offices.get(actor.key)
        if office is None:
            return actor
        holder = self.vocabulary.holder(office, date)
        if holder is not None:
            return replace(holder, role=actor.role)
        return replace(actor, key=f"actor/{slug(actor.name)}")

    def _actors(self, token: Token, sentence: int, salience: SalienceModel) -> list[Actor]:
        return self.resolver.actors(token, sentence, salience)

    def _objects(
        self, clause: Clause, sentence: int, salience: SalienceModel, subjects: list[Actor], attributions: Attributions
    ) -> list[tuple[str, Actor | None, Token | None]]:
        """(text, actor or None for a theme, the object's head token) for each object."""
        exclude = {a.key for a in subjects}
        if clause.object_text is not None:
            return [(clause.object_text, None, None)]
        result: list[tuple[str, Actor | None, Token | None]] = []
        for token in clause.objects:
            mention = mention_at(token)
            if mention is not None and mention.end - 1 == token.i:
                result.append((mention.actor.name, mention.actor, token))
            elif token.pos_ == "PRON" and (antecedent := theme_antecedent(token)) is not None:
                for noun in with_conjuncts([antecedent]):  # "adjourn the debate on the resolutions. He called them"
                    named = mention_at(noun)
                    found = [named.actor] if named else self._actors(noun, sentence, salience)
                    result.extend([(a.name, a, token) for a in found] or [(noun_phrase(noun), None, token)])
            elif token.pos_ == "PRON":
                actors = self._speaking(token, sentence, salience, attributions) if token.lower_ == "you" else []
                actors = actors or self._actors(token, sentence, salience)
                result.extend((actor.name, actor, token) for actor in actors)
            elif (state := salience.resolve_state_description(token, sentence, exclude)) is not None:
                result.append((state.name, state, token))  # "efforts of Russia to swallow this country"
            else:
                members = numbered_members(token)  # "resolutions 1559 and 1701": each resolution
                result.extend((text, None, token) for text in members or [noun_phrase(token)] if text)
        return result


def extract(nlp: Language, briefs: Iterable[Brief], batch_size: int = 16) -> Iterator[tuple[Brief, list[Statement]]]:
    """Stream briefs through the pipeline; yield each brief with its statements, in order."""

    def docs() -> Iterator[Doc]:
        for number, brief in enumerate(briefs):
            if not brief.segments:
                empty = nlp.make_doc("")
                empty.user_data["brief"] = (number, brief)
                yield empty
            for segment in brief.segments:
                doc = nlp.make_doc(segment.text)
                doc._.context = SegmentContext(brief.doc, segment)
                doc.user_data["brief"] = (number, brief)
                yield doc

    current: tuple[int, Brief] | None = None
    statements: list[Statement] = []
    for doc in nlp.pipe(docs(), batch_size=batch_size):
        numbered = doc.user_data["brief"]
        if current is not None and numbered[0] != current[0]:
            yield current[1], statements
            statements = []
        current = numbered
        statements.extend(doc._.statements)
    if current is not None:
        yield current[1], statements
