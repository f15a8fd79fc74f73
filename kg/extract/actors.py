"""Actor mentions: a spaCy component that finds the actors of a text, configured from data.

Patterns come from the actor vocabulary in `ontology/` (prefLabel and altLabel of each actor,
matched with their case, or capitalised at a sentence start) and from its lexicon:

- demonym + state designator ("the Belarusian authorities", "the Polish side") -> the state;
- demonym + state body ("Belarusian Defence Ministry"), body + "of" + state ("Ministry of
  Defence of Belarus") and state's + body ("Ukraine's Foreign Ministry") -> a body with its own
  name that acts for the state (the convention of CAMEO's `BLRGOV`/`BLRMIL` agent codes);
- demonym + office title ("the Belarusian foreign minister"), state's + title and title + "of" +
  state -> the office, which the extractor resolves to its holder on the statement's date;
- demonym + agent noun ("Israeli soldiers", "Hungarian officials": PETRARCH2's agent nouns) -> a
  group coded as the state's agent (`ISRMIL`), acting for the state when the agent is part of it;
- named entities the vocabulary lacks (PERSON, ORG, NORP, GPE) become actors under their own
  surface form, persons without their title ("Foreign Minister Vladimir Makei" -> Vladimir
  Makei, role "Foreign Minister"); a NORP that is a demonym ("Palestinians") is coded as its state.

Entities the vocabulary lacks are checked against two tables before their NER label is trusted:
the cities of GeoNames (`kg.extract.places`: a city is a Place, never a Person or a Country) and
the people and bodies of PETRARCH2's country dictionary (`kg.extract.known_actors`).

Actors carry CAMEO actor codes: the vocabulary's (`BLR`, `IGOWSTNAT`), or the state's code with
the agent code of a body or group (`BLRMIL` for "the Belarusian army", Manual 1.1b3 ch. 3).

A one-word place name the vocabulary lacks, one edit (PETRARCH2's Phoenix dictionaries list such
misspellings by hand: "AFGANISTAN", "AFGHANSITAN") from a state's one-word name and with the
same first letter, is that state ("Ethopia", "Quatar", "Phillippines"); names shorter than five
letters are too close to others ("Iran", "Iraq") to guess.

Overlapping matches keep the longest (spaCy's `filter_spans`). The mentions are in
`doc._.actor_mentions` and, for display, in `doc.spans["actors"]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.actor_patterns import AGENT_KEY, OFFICE_KEY, POSSESSIVE, STATE_KEY, ActorPatterns
from kg.extract.affiliation import STATE_AGENTS, affiliated, patron_of, residence, sole_state
from kg.extract.demonyms import Demonyms
from kg.extract.identity import canonical_body, is_hearsay_subject
from kg.extract.known_actors import KnownActors, load_known_actors
from kg.extract.parse_index import parse_index
from kg.extract.places import Gazetteer, load_places
from kg.extract.statements import Actor, ActorKind
from kg.extract.vocabulary import Vocabulary, load_vocabulary
from kg.identifiers import slug

ENTITY_KINDS: dict[str, ActorKind] = {"PERSON": "Person", "ORG": "Organisation", "NORP": "Group", "GPE": "Country"}
MIN_MISSPELT_LENGTH = 5
PROPER_NOUN = get_string_id("PROPN")  # `Doc.to_array`'s coarse tag of a proper noun


@dataclass(frozen=True)
class Mention:
    """An actor named by the tokens `start`..`end` of a doc."""

    start: int
    end: int
    actor: Actor


if not Doc.has_extension("actor_mentions"):
    Doc.set_extension("actor_mentions", default=None)
# What the extractor looks up for nearly every token, kept in `Doc.user_data` under these keys: a
# spaCy extension attribute costs an object and a few lookups per read (2.5 µs against 0.2 µs).
MENTION_INDEX = "kg.actor_mention_index"  # token index -> the mention covering it
DEMONYMS = "kg.demonyms"  # token index -> the key of the state the demonym there names


def mention_at(token: Token) -> Mention | None:
    """The actor mention that covers a token, if any (mentions do not overlap)."""
    index: dict[int, Mention] | None = token.doc.user_data.get(MENTION_INDEX)
    return index.get(token.i) if index is not None else None


def demonym_of(token: Token) -> str:
    """The key of the state a demonym names ("Belarusian", "Poles"), or ""."""
    states: dict[int, str] | None = token.doc.user_data.get(DEMONYMS)
    return states.get(token.i, "") if states is not None else ""


@Language.factory("actor_ruler", default_config={"ontology_dir": None})
def create_actor_ruler(nlp: Language, name: str, ontology_dir: str | None) -> ActorRuler:
    from kg.ontology import ONTOLOGY_DIR

    folder = Path(ontology_dir) if ontology_dir else ONTOLOGY_DIR
    return ActorRuler(nlp, load_vocabulary(folder), load_places(folder), load_known_actors(folder))


class ActorRuler:
    """Finds actor mentions with the patterns `kg.extract.actor_patterns` builds from the vocabulary."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary, places: dict[str, str], known: dict[str, str]) -> None:
        self.vocabulary = vocabulary
        self.known = KnownActors(known, vocabulary)
        self.demonyms = Demonyms(vocabulary)
        self.gazetteer = Gazetteer(places, vocabulary)
        # one-word names of states ("Belarus", "Minsk", "Kremlin"), for "Ministry of Defence of Belarus"
        self._state_name = {
            label: key
            for key, entry in vocabulary.actors.items()
            if entry.actor.kind == "Country"
            for label in entry.labels
            if " " not in label
        }
        state_words = sorted(self._state_name)
        self.patterns = ActorPatterns(nlp, vocabulary, state_words)
        # the names a misspelling may stand for, by initial, and the answers found so far
        self._names_by_initial: dict[str, list[str]] = {}
        for label in state_words:
            if len(label) >= MIN_MISSPELT_LENGTH:
                self._names_by_initial.setdefault(label[:1], []).append(label)
        self._misspelt: dict[str, str | None] = {}
        # words of a multi-word title: "Deputy State Secretary", "First Deputy Prime Minister"
        self._title_words = vocabulary.titles | {"of", "foreign", "defence", "defense", "state", "first"}

    def __call__(self, doc: Doc) -> Doc:
        with parse_index(doc):  # the parse is final here (`kg.extract.parse_index`)
            return self._find(doc)

    def _find(self, doc: Doc) -> Doc:
        states = doc.user_data[DEMONYMS] = self.demonyms.in_doc(doc)
        spans: list[Span] = []
        actors: dict[tuple[int, int], Actor] = {}
        for start, end, keys in self.patterns.matches(doc, states):
            span = doc[start:end]
            for key in keys:  # the strongest key that names an actor decides
                actor = self._actor(key, span)
                if actor is not None:
                    spans.append(span)
                    actors[(start, end)] = actor
        strings = doc.vocab.strings
        for index, (word, tag, entity) in enumerate(doc.to_array(["ORTH", "POS", "ENT_TYPE"]).tolist()):
            if tag != PROPER_NOUN:
                continue
            found: Actor | None = None
            if index not in states and (misspelt := self._state_misspelt(strings[word])):
                found = self.vocabulary.actors[misspelt].actor
            elif (
                not entity and strings[word] in self.gazetteer.places
            ):  # a city the model did not tag: "the port of Odesa"
                found = self.gazetteer.place(doc[index : index + 1], "")
            if found is not None:
                spans.append(doc[index : index + 1])
                actors[(index, index + 1)] = found
        for ent in doc.ents:
            if ent.label_ in ENTITY_KINDS:
                entity = self._entity(ent)
                if entity is not None:
                    span, actor = self.known.with_noun_after(entity[0]) or entity
                    spans.append(span)
                    actors.setdefault((span.start, span.end), actor)
        kept = filter_spans(spans)
        mentions = [Mention(s.start, s.end, self._with_role(actors[(s.start, s.end)], s)) for s in kept]
        by_token = {i: m.actor for m in mentions for i in range(m.start, m.end)}
        # coded actors named inside a longer name: "Kenya" in "the Kenya Anti-Corruption Commission"
        kept_spans = {(m.start, m.end) for m in mentions}
        inner = {
            i: actor
            for (start, end), actor in actors.items()
            if actor.code is not None and (start, end) not in kept_spans
            for i in range(start, end)
        }
        doc._.actor_mentions = [self._affiliated(m, doc, by_token, inner) for m in mentions]
        doc.user_data[MENTION_INDEX] = {i: m for m in doc._.actor_mentions for i in range(m.start, m.end)}
        doc.spans["actors"] = [Span(doc, m.start, m.end, label=m.actor.kind) for m in doc._.actor_mentions]
        return doc

    def _affiliated(self, mention: Mention, doc: Doc, by_token: dict[int, Actor], inner: dict[int, Actor]) -> Mention:
        """An actor outside the vocabulary, coded by the state or IGO its modifiers name (`kg.extract.affiliation`)."""
        actor = mention.actor
        people = actor.kind == "Group" and actor.code is not None and len(actor.code) == 3
        if not people and (actor.code is not None or actor.key in self.vocabulary.actors):
            return mention  # coded already (most mentions: no need for the words around it)

        def named_at(token: Token) -> Actor | None:
            found = by_token.get(token.i)
            return found if found is not None and found.code else inner.get(token.i)

        def state_at(token: Token) -> Actor | None:
            if demonym_of(token):
                return self.vocabulary.actors[demonym_of(token)].actor
            found = named_at(token)
            return found if found is not None and found.kind == "Country" and found.code else None

        def coded_at(token: Token) -> Actor | None:
            found = named_at(token)
            return found if found is not None and found.code is not None else state_at(token)

        span = doc[mention.start : mention.end]
        if people:
            found = residence(span, state_at)
            if found is not None:
                home, place = found
                name = f"{place.text} {actor.name}" if place.i < span.start else f"{actor.name} in {home.name}"
                return replace(mention, actor=Actor(f"actor/{slug(name)}", name, "Group", code=home.code))
        if actor.code is not None or actor.key in self.vocabulary.actors:
            return mention
        patron = patron_of(span, coded_at)  # what the text says first, then the dictionary ("President Bush")
        if patron is None and (known := self.known.coded(actor)).code is not None:
            return replace(mention, actor=known)
        if patron is None and (actor.kind != "Person" or actor.role):
            patron = sole_state(span.sent, span, state_at, person=actor.kind == "Person")
        if patron is None:
            return mention
        noun = span.root.lemma_.lower() if actor.kind == "Group" else span[-1].lower_
        return replace(mention, actor=affiliated(actor, patron, self.vocabulary.agent_nouns.get(noun)))

    def _state_in(self, span: Span) -> str | None:
        for token in span:
            if demonym_of(token):
                return demonym_of(token)
        return next((self._state_name[t.text] for t in span if t.text in self._state_name), None)

    def _actor(self, key: str, span: Span) -> Actor | None:
        if key in self.vocabulary.actors:
            return self.vocabulary.actors[key].actor
        state = self._state_in(span)
        if state is None:
            return None
        if key == STATE_KEY:
            return self.vocabulary.actors[state].actor
        if key == OFFICE_KEY:
            return self._office(state, span)
        if key == AGENT_KEY:
            return self._agent(state, span)
        return self._body(state, span)

    def _office(self, state: str, span: Span) -> Actor | None:
        """An office named by its title: a placeholder keyed by the office, which the extractor
        replaces by the holder on the statement's date. A name after the title is the person."""
        following = span.doc[span.end] if span.end < len(span.doc) else None
        if following is not None and following.pos_ == "PROPN":
            return None
        title = self._title_in(state, span)
        office = self.vocabulary.office(state, title)
        if office is None:
            return None
        country = self.vocabulary.actors[state].actor
        demonym = self.vocabulary.demonym_of(state) or country.name
        code = f"{country.code}GOV" if country.code else None
        return Actor(office.key, f"{demonym} {title}", "Person", acts_for=country, role=title, code=code)

    def _title_in(self, state: str, span: Span) -> str:
        """The title a span names, without its state: "Poland's foreign minister" -> "foreign minister"."""
        state_words = {w.lower() for label in self.vocabulary.actors[state].labels for w in label.split()}
        words = [t.lower_ for t in span if t.text not in POSSESSIVE and not demonym_of(t)]
        words = [w for w in words if w not in state_words]
        while words and words[-1] in ("of", "the"):
            words.pop()
        return " ".join(words)

    def _agent(self, state: str, span: Span) -> Actor | None:
        """A sector of a state or its society: "Israeli soldiers" -> ISRMIL, for Israel."""
        if self.vocabulary.office(state, self._title_in(state, span)) is not None:
            return None  # an office: see `_office`
        head = span[-1]
        if head.lower_ in self.vocabulary.titles and span.end < len(span.doc) and span.doc[span.end].pos_ == "PROPN":
            return None  # "Belarusian President Lukashenko": the person is the actor
        nouns = self.vocabulary.agent_nouns
        agent = nouns[head.lemma_.lower()] if head.lemma_.lower() in nouns else nouns[head.lower_]
        country = self.vocabulary.actors[state].actor
        name = re.sub(r"\s+", " ", span.text)
        code = f"{country.code}{agent}" if country.code else None
        acts_for = country if agent in STATE_AGENTS else None
        return Actor(f"actor/{slug(name)}", name, "Group", acts_for=acts_for, code=code)

    def _body(self, state: str, span: Span) -> Actor:
        """Name a state body "<Demonym> <Body>": "Ministry of Defence of Belarus" and
        "Belarus' Ministry of Defence" both become "Belarusian Ministry of Defence"."""
        written = next(  # "US delegation" stays; "Ukraine's ministry" becomes the Ukrainian one
            (
                t.text
                for t in span
                if demonym_of(t) == state and not (t.i + 1 < span.end and t.nbor().text in POSSESSIVE)
            ),
            None,
        )
        demonym = written or self.vocabulary.demonym_of(state) or self.vocabulary.actors[state].actor.name
        state_words = {w for label in self.vocabulary.actors[state].labels for w in label.split()}
        body_words = [t.text for t in span if t.text not in POSSESSIVE and not demonym_of(t)]
        while body_words and (body_words[-1] in state_words or body_words[-1].lower() in ("of", "the")):
            body_words.pop()
        while body_words and body_words[0] in state_words:
            body_words.pop(0)
        body = canonical_body(" ".join(body_words))
        name = f"{demonym} {body}"
        country = self.vocabulary.actors[state].actor
        agent = self.vocabulary.agent_nouns.get(body_words[-1].lower() if body_words else "", "GOV")
        code = f"{country.code}{agent}" if country.code else None
        return Actor(f"actor/{slug(name)}", name, "Organisation", acts_for=country, code=code)

    def _entity(self, ent: Span) -> tuple[Span, Actor] | None:
        label = ent.label_
        tokens = list(ent)
        strip = self.vocabulary.titles if label != "PERSON" else self._title_words
        while tokens and (
            tokens[0].lower_ in ("the", "of")
            or tokens[0].lower_ in strip
            or (label == "PERSON" and demonym_of(tokens[0]))
        ):
            tokens.pop(0)
        while tokens and tokens[-1].text in POSSESSIVE:
            tokens.pop()
        texts = [t.text for t in tokens]
        if "(" in texts and ")" not in texts:
            tokens = tokens[: texts.index("(")]  # "Umma (Nation) party": the name, not a half gloss
            texts = texts[: len(tokens)]
        if not tokens or not any(text[:1].isupper() for text in texts):
            return None
        if len(tokens) == 1 and is_hearsay_subject(tokens[0]):
            return None  # "Rumor has it that ..."
        span = ent.doc[tokens[0].i : tokens[-1].i + 1]
        if " ".join(texts) in self.gazetteer.places:  # a city: never a Person or a Country
            place = self.gazetteer.place(span, label)
            if place is not None:
                return span, place
        kind = ENTITY_KINDS[label]
        if kind == "Person" and span[-1].tag_ == "NNPS":
            kind = "Group"  # "Bosnian Serbs", which the small model tags PERSON: a person's name is not plural
        before = ent.doc[span.start - 1] if span.start > 0 else None
        if kind == "Organisation" and before is not None and before.lower_ in self.vocabulary.titles:
            kind = "Person"  # "Vice-President Moody Awori", which the small model tags ORG
        name = re.sub(r"\s+", " ", span.text)
        state = self.demonyms.state_of(name) if " " not in name else self.demonyms.exact.get(name)  # "Sri Lankan"
        if state and kind == "Country":
            kind = "Group"  # a demonym the model tags GPE ("Sri Lankan") names the state's people
        if state and kind == "Group" and span[-1].tag_ == "NNPS" and _after_the(span):
            return span, self.vocabulary.actors[state].actor  # "the Russians provide arms": Russia
        code = self.vocabulary.actors[state].actor.code if state and kind == "Group" else None
        return span, Actor(_actor_key(name), name, kind, code=code)

    def _state_misspelt(self, name: str) -> str | None:
        """The key of the state whose one-word name `name` misspells by one edit, if any."""
        if len(name) < MIN_MISSPELT_LENGTH or not name.istitle() or name in self._state_name:
            return None
        if name not in self._misspelt:
            candidates = self._names_by_initial.get(name[:1], [])
            found = process.extractOne(name, candidates, scorer=OSA.distance, score_cutoff=1)
            self._misspelt[name] = self._state_name[found[0]] if found else None
        return self._misspelt[name]

    def _with_role(self, actor: Actor, span: Span) -> Actor:
        """Keep the title before a person's name as its role ("Foreign Minister"); a demonym or a
        state's name before the title ("Serbian President X", "Qatar's emir, X") says which
        state the person acts for, when the vocabulary does not."""
        if actor.kind != "Person":
            return actor
        title: list[str] = []
        index = span.start - 1
        while index >= 0:
            word = span.doc[index]
            if word.text == "," and index > 0 and span.doc[index - 1].lower_ in self.vocabulary.titles:
                index -= 1  # "Qatar's emir, Sheikh Hamad": the title stands in apposition
                continue
            if word.lower_ not in self._title_words:
                break
            title.insert(0, word.text)
            index -= 1
        while title and title[0].lower() == "of":
            title.pop(0)
        if title and actor.acts_for is None:
            state = self._state_before(span.doc, index)
            if state is not None:
                country = self.vocabulary.actors[state].actor
                code = f"{country.code}GOV" if country.code else None
                actor = replace(actor, acts_for=country, code=code)
        return replace(actor, role=" ".join(title)) if title else actor

    def _state_before(self, doc: Doc, index: int) -> str | None:
        """The state named by the demonym at `index`, or by "<State>'s" ending there."""
        if index < 0:
            return None
        token = doc[index]
        if demonym_of(token):
            return demonym_of(token)
        if token.text in POSSESSIVE and index > 0:
            name = doc[index - 1].text
            return self._state_name.get(name) or self._state_misspelt(name)
        return None


@lru_cache(maxsize=100_000)
def _actor_key(name: str) -> str:
    """The key of an actor named by an entity: names recur brief after brief, and `slug` costs 5 µs."""
    return f"actor/{slug(name)}"


def _after_the(span: Span) -> bool:
    """A people named in the plural with the definite article ("the Russians", "the Poles") is, in
    analysts' prose, its state: the metonymy the gold guideline lists ("the Americans" ->
    United States), as CAMEO codes "the Russians" RUS (Manual 1.1b3, ch. 3, nationalities); not
    when the text places them ("the Albanians of southern Serbia": a group where it lives)."""
    placed = span.end < len(span.doc) and span.doc[span.end].lower_ in ("of", "in")
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the" and not placed
