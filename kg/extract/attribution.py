"""Attribution: who said what a clause says (the GUIDELINE's Attribution rule).

A neutral speech act ("said", "stated", "noted", "told reporters", "according to") frames what
was said and is no event of its own: TimeML's REPORTING class (Pustejovsky et al. 2003, "say,
report, tell, explain, state": events "of a person declaring something") and CAMEO's practice
of coding the reported event, not the reporting (Manual 1.1b3, 1.2: the source of a statement
is who made it). The clauses inside what was said keep their own subject and gain a `source`,
the speaker. A speech act aimed at an actor or taking a stance (accuse, warn, condemn, urge ...:
the CAMEO roots 11-13 and 10) is an event of its own, and what it says is sourced the same way.

What was said is found three ways:
- the clause is the complement of a speech verb (`ccomp`, `parataxis`: "X said (that) ...",
  "..., the minister said, ..."), or the gerund of a stance verb's "of" ("accused Minsk of
  organising"), at any depth of clauses below it;
- "according to X" modifies the clause or a verb above it;
- the clause stands inside a quotation whose speaker a speech verb names beside it ("'...,' X
  said", "X said: '...'"), the convention of news style guides (AP: the attribution follows the
  first quoted sentence and covers the paragraph's quotation);
- the clause follows a speech verb's colon ("He stated that:"): the list items after it, or
  without a list the next sentence (a colon announces what follows: Chicago Manual 6.63);
- the clause modifies the object of a speech verb ("declared its readiness to increase",
  "expressed interest in joining"): the intent the speaker voiced, as is the speech act itself;
- the clause is the infinitive of a neutral speech verb ("claims to have uncovered a plot");
- the clause is an event named by a noun that is a neutral speech verb's object ("confirmed
  Minsk's commitment to the treaty", "announced the withdrawal of its troops"): what the speaker
  reports, as TimeML's REPORTING events take an event argument (Pustejovsky et al. 2003);
- the clause stands in a sentence a speech tag closes ("..., the ministry said."), where the
  parse did not hand the tag's verb the clause (`kg.extract.speech_tags`);
- the clause is the content of a speech noun with its speaker ("Lukashenka's statements that he
  would not allow ..."): a noun whose verb (WordNet's derivational link) is a speech verb;
- a complementizer "that" clause the parse hung on a noun below a speech verb ("told a meeting
  of the council that Hungary raised the veto") is still that verb's content: a relative clause
  has a relative pronoun in it, a content clause the complementizer (Huddleston and Pullum 2002,
  ch. 12).
The speech verbs are data: `kg:Reported` (neutral) and `kg:Stance` cues in `ontology/lexicon.ttl`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.actors import mention_at
from kg.extract.nominal_events import agents_of
from kg.extract.parse_index import children, sentence_of
from kg.extract.speech_tags import speech_tags
from kg.extract.statements import Actor
from kg.extract.subjects import SUBJECT_DEPS, result_anchor, subjects_of
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

DOUBLE_QUOTES = {'"', "“", "”", "«", "»", "„"}
OPENING_QUOTES = {"“", "«", "„"}
CLOSING_QUOTES = {"”", "»"}
CONTENT_DEPS = ("ccomp", "parataxis")
NOMINAL_DEPS = ("acl", "relcl", "appos")
DEMONSTRATIVES = {"that", "this", "it"}
FIRST_PERSON = {"we", "us", "our", "ours", "ourselves"}
ADDRESSEE_OBJECTS = {"that", "this", "it", "so", "what"}


@dataclass(frozen=True)
class Quotation:
    """Tokens `start`..`end` (exclusive) stand between quotation marks; `verb` names its speaker."""

    start: int
    end: int
    verb: int


class Attributions:
    """The speech acts of one doc: which speech verb, if any, frames each clause."""

    def __init__(self, doc: Doc, vocabulary: Vocabulary, author: Actor | None = None) -> None:
        self.vocabulary = vocabulary
        self.author = author  # who speaks in the text's own first person (`kg.extract.authors`)
        self._sentences = {sentence.start: number for number, sentence in enumerate(doc.sents)}
        self.neutral = vocabulary.cues["reported"]
        self.stance = vocabulary.cues["stance"] | vocabulary.cues["avowal"]
        self.avowals = vocabulary.cues["reported"] | vocabulary.cues["avowal"]
        self.speech = self.neutral | self.stance  # made once: a union is a new set on every call
        additive = vocabulary.cues["additive"]
        self.quotations = _quotations(doc, self._is_speech_verb) + _announced(doc, self._is_speech_verb, additive)
        tags = speech_tags(doc, self.neutral)
        self.quotations += [Quotation(start, end, tag.verb) for tag in tags for start, end in tag.spans]
        self.tag_speakers = {tag.verb: doc[tag.speaker] for tag in tags}

    def _is_neutral_verb(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.neutral

    def _is_speech_noun(self, noun: Token) -> bool:
        """'statement', 'claim', 'announcement': a noun naming a speech act (its verb, by WordNet's
        derivational link, is a speech verb) with its speaker named (a possessor or "by")."""
        verb = self.vocabulary.event_nouns.get(noun.lemma_.lower())
        return noun.pos_ == "NOUN" and verb in self.speech and bool(self._noun_speakers(noun))

    @staticmethod
    def _noun_speakers(noun: Token) -> list[Token]:
        owners = [c for c in children(noun) if c.dep_ == "poss"]
        agents = [g for c in children(noun) if c.dep_ == "prep" and c.lower_ == "by" for g in children(c)]
        return [t for o in owners + agents if o.dep_ in ("poss", "pobj") for t in (o, *o.conjuncts)]

    def _is_speech_verb(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.speech

    def _has_speaker(self, verb: Token) -> bool:
        """'That said, ...' is a discourse marker: its subject is a demonstrative, not a speaker."""
        speakers = subjects_of(verb)
        return not speakers or not all(s.lower_ in DEMONSTRATIVES for s in speakers)

    def _is_intent(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.vocabulary.intent_nouns or lemma in self.vocabulary.cues["intended"]

    def is_frame(self, predicate: Token) -> bool:
        """A neutral speech act whose object is what was said: no statement of its own ("X said
        that ...", "X told reporters that ...", "'...,' X told journalists", "X stated that:");
        told to an actor ("told Putin that ...") it is aimed at that actor and stays one."""
        if predicate.pos_ == "NOUN":  # "Putin's claim that ...": what was claimed is the statement
            verb = self.vocabulary.event_nouns.get(predicate.lemma_.lower())
            content = any(c.dep_ in NOMINAL_DEPS and _complementized(c) for c in children(predicate))
            return verb in self.neutral and content and self._is_speech_noun(predicate)
        if predicate.lemma_.lower() not in self.neutral:
            return False
        dependents = children(predicate)
        if any(c.dep_ in ("dobj", "dative") and mention_at(c) is not None for c in dependents):
            return False  # "told Putin that ...": aimed at an actor, a statement of its own
        if any(c.dep_ == "dobj" and c.lemma_.lower() in self.vocabulary.event_nouns and _owned(c) for c in dependents):
            return False  # "reiterated its demand that Israel ...": the speaker's own act (main_event)
        if any(c.dep_ in CONTENT_DEPS for c in dependents):
            return True
        if predicate.dep_ == "parataxis" and self._parenthetical(predicate.head) == predicate:
            return True  # "Poland, the minister said, will close ..."
        hung = (t.head for t in predicate.subtree if t.dep_ in NOMINAL_DEPS and _complementized(t))
        if any(self._hung_on(noun) == predicate for noun in hung):
            return True  # "told a meeting of the council that ...": the content hung on a noun
        if any(c.dep_ == "dobj" and c.lower_ in ADDRESSEE_OBJECTS for c in dependents):
            return True
        return any(q.verb == predicate.i for q in self.quotations)

    def speech_act(self, predicate: Token) -> Token | None:
        """The speech verb (or the "according to" phrase's object) that frames a clause."""
        predicate = result_anchor(predicate) or predicate  # "said Hungary raised the veto, thereby withholding"
        below = predicate
        for token in (predicate, *predicate.ancestors):
            if token.i != predicate.i:
                if below.dep_ in NOMINAL_DEPS and self._is_speech_noun(token) and _complementized(below):
                    return token  # "Lukashenka's statements that he would not allow ..."
                if below.dep_ in NOMINAL_DEPS and _complementized(below) and (act := self._hung_on(token)):
                    return act  # "told a meeting of the council that Hungary raised the veto"
                if below.dep_ in NOMINAL_DEPS and not self._is_intent(token) and not _relative(below):
                    break  # "evidence that X fought": a noun's content is nobody's speech
                if below.dep_ in CONTENT_DEPS and self._is_speech_verb(token) and self._has_speaker(token):
                    return token
                if below.dep_ == "xcomp" and token.lemma_.lower() in self.neutral:
                    return token  # "claims to have uncovered a plot"
                if below.dep_ == "dobj" and self._is_intent(below) and self._is_speech_verb(token):
                    return token  # "declared its readiness to increase", "expressed interest in joining"
                if below.i == predicate.i and below.pos_ == "NOUN" and below.dep_ == "dobj" and self._reports(token):
                    if not agents_of(below):
                        return None  # "reaffirmed support for X": the speaker's own stance, no report
                    return token  # "confirmed Minsk's commitment to ...": a named event, reported
                if (
                    below.dep_ == "prep"
                    and below.lower_ == "of"
                    and token.lemma_.lower() in self.stance
                    and any(c.dep_ == "pcomp" for c in children(below))
                ):
                    return token  # "accused Minsk of organising the crossings"
            according = _according_to(token)
            if according is not None:
                return according
            tag = self._parenthetical(token)
            if tag is not None:
                return tag
            below = token
        for quotation in self.quotations:
            if quotation.start <= predicate.i < quotation.end:
                return predicate.doc[quotation.verb]
        return None

    def _parenthetical(self, clause: Token) -> Token | None:
        """'Poland, the minister said, will close ...', '..., he said.': a neutral speech verb the
        parse hung on the clause it frames (as `parataxis`), with a speaker and no content of its own."""
        for child in children(clause):
            if (
                child.dep_ == "parataxis"
                and self._is_neutral_verb(child)
                and self._has_speaker(child)
                and subjects_of(child)
                and not any(c.dep_ in (*CONTENT_DEPS, "xcomp") for c in children(child))
            ):
                return child
        return None

    def _reports(self, verb: Token) -> bool:
        """A neutral speech verb with a speaker: what it names as its object is what was said."""
        return self._is_neutral_verb(verb) and self._has_speaker(verb) and bool(subjects_of(verb))

    def _hung_on(self, noun: Token) -> Token | None:
        """The speech verb a noun depends on through objects and prepositions alone ("told a
        meeting of the council"), whose content the parse hung on the noun; a noun that takes a
        content clause itself ("his demand that Russia withdraw", "its readiness") keeps it."""
        if self._is_intent(noun) or self.vocabulary.event_nouns.get(noun.lemma_.lower()) in self.speech:
            return None
        for token in noun.ancestors:
            if token.pos_ in ("VERB", "AUX"):
                speaks = self._is_speech_verb(token) and self._has_speaker(token)
                return token if speaks and not any(c.dep_ in CONTENT_DEPS for c in children(token)) else None
            if token.dep_ not in ("dobj", "pobj", "prep", "dative"):
                return None
        return None

    def avows(self, predicate: Token, objects: list[Token]) -> bool:
        """A speech act voicing the speaker's own intent ("expressed interest in joining",
        "declared its readiness"): the speaker is its own source, and the statement intended."""
        return predicate.lemma_.lower() in self.avowals and any(self._is_intent(o) for o in objects)

    def speakers(self, act: Token) -> list[Token]:
        """Who performs a speech act: the subject of the verb, or the object of "according to"."""
        if act.i in self.tag_speakers:
            return [self.tag_speakers[act.i]]
        if act.dep_ == "pobj":
            return [act, *act.conjuncts]
        if act.pos_ == "NOUN":
            return self._noun_speakers(act)
        return subjects_of(act)

    def by_the_author(self, act: Token) -> bool:
        """'we explain how ...' outside quotation marks: the brief's own voice, no one's report."""
        speakers = self.speakers(act)
        return bool(speakers) and all(s.lower_ in FIRST_PERSON | {"i"} for s in speakers) and not self._quoted(act)

    def _quoted(self, token: Token) -> bool:
        return any(q.start <= token.i < q.end for q in self.quotations)

    def sentence_of(self, token: Token) -> int:
        """The number of the sentence a token stands in (as the extractor counts them)."""
        return self._sentences[sentence_of(token).start]

    def first_person(self, token: Token) -> Actor | None:
        """'I briefed the Council', 'we condemn' outside quotation marks: the text's author, if known."""
        if self.author is None or token.lower_ not in FIRST_PERSON | {"i", "me", "my"} or self._quoted(token):
            return None
        return self.author

    def quoted_speech_act(self, token: Token) -> Token | None:
        """The speech verb of the quotation a first-person pronoun stands in ("'We vetoed it,'
        the minister said": "we" is the minister's state)."""
        if token.lower_ not in FIRST_PERSON:
            return None
        for quotation in self.quotations:
            if quotation.start <= token.i < quotation.end:
                return token.doc[quotation.verb]
        return None


def _complementized(clause: Token) -> bool:
    """A clause opened by the complementizer "that" (a content clause), not by a relative pronoun."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in children(clause))


def _relative(clause: Token) -> bool:
    """A relative clause ("states that have shipped arms", "Belarus, which hosts ..."): it tells
    more of a noun inside what was said and is said with it (a relative clause belongs to the
    noun phrase it modifies, Huddleston and Pullum 2002, ch. 12 §1), unlike a noun's content clause."""
    return clause.dep_ == "relcl" and not _complementized(clause)


def _according_to(token: Token) -> Token | None:
    """'according to the ministry' on a verb: the ministry."""
    for child in children(token):
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in children(child):
                for pobj in children(to):
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def _quotation_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans between double quotation marks (curly ones pair by shape, straight ones in
    turn), each within one paragraph."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    # the words from the token table: quotation marks and white space are their own lower case,
    # and a token is followed by one space at most (spaCy's `whitespace_`): more is a token
    for i, mark in enumerate(token_table(doc).lower):
        if mark in DOUBLE_QUOTES:
            if opened is None and mark not in CLOSING_QUOTES:
                opened = i
            elif opened is not None and mark not in OPENING_QUOTES:
                spans.append((opened + 1, i))
                opened = None
            elif mark in OPENING_QUOTES:
                opened = i  # an opening mark left unclosed: the quotation restarts
        if "\n\n" in mark and mark.isspace():
            opened = None  # a quotation does not run over a paragraph break
    return spans


def _quotations(doc: Doc, is_speech_verb: Callable[[Token], bool]) -> list[Quotation]:
    """Quotations holding a clause of their own, with the speech verb outside them in the
    sentence that closes them ("...,' X said") or in the sentence that opens them ("X said: '..."),
    else the speaker of the paragraph's previous quotation."""
    found: list[Quotation] = []
    for start, end in _quotation_spans(doc):
        inside = doc[start:end]
        if not any(t.dep_ in SUBJECT_DEPS for t in inside):
            continue  # a quoted phrase ("called it 'an occupying power'"), not quoted speech
        verb = _verb_outside(sentence_of(doc[end - 1]) if end > start else inside, start, end, is_speech_verb)
        if verb is None and start > 0:
            verb = _verb_outside(sentence_of(doc[start - 1]), start, end, is_speech_verb)
        if verb is None and found and "\n\n" not in doc[found[-1].end : start].text:
            verb = doc[found[-1].verb]  # a later quotation of the same paragraph: the same speaker
        if verb is not None:
            found.append(Quotation(start, end, verb.i))
    return found


def _announced(doc: Doc, is_speech_verb: Callable[[Token], bool], additive: frozenset[str]) -> list[Quotation]:
    """What a speech verb's colon announces: the paragraph after "He stated that:", the list items
    after it (paragraphs that follow a ";" or start in lower case), and a paragraph after them that
    an additive connective opens ("In addition, Minsk has always ...")."""
    found: list[Quotation] = []
    sentences = list(doc.sents)
    for number, sentence in enumerate(sentences[:-1]):
        last = next((t for t in reversed(sentence) if not t.is_space), None)
        if last is None or last.text != ":":
            continue
        speech = [t for t in sentence if is_speech_verb(t) and subjects_of(t)]
        verb = next((t for t in speech if not any(c.dep_ == "ccomp" for c in children(t))), None)
        if verb is None:
            continue
        following = sentences[number + 1]
        end = following.end
        for before, later in zip(sentences[number + 1 :], sentences[number + 2 :], strict=False):
            if not _continues(before, later, additive):
                break
            end = later.end
        found.append(Quotation(following.start, end, verb.i))
    return found


def _continues(before: Span, later: Span, additive: frozenset[str]) -> bool:
    """Does `later` go on with what `before` began: the same paragraph, the next list item, or a
    paragraph an additive connective opens?"""
    if "\n\n" not in before.doc[before.end - 1 : later.start].text_with_ws:
        return True
    last = before.text.rstrip()
    opening = later.text.lstrip().lower()
    connective = any(opening.startswith(f"{cue},") or opening.startswith(f"{cue} ") for cue in additive)
    return last.endswith((";", ",")) or later.text[:1].islower() or connective


def _verb_outside(sentence: Span, start: int, end: int, is_speech_verb: Callable[[Token], bool]) -> Token | None:
    for token in sentence:
        if (token.i < start - 1 or token.i > end) and is_speech_verb(token) and subjects_of(token):
            return token
    return None


def _owned(noun: Token) -> bool:
    """An object with a possessive ("its demand", "his call"): the act it names is the speaker's."""
    return any(c.dep_ == "poss" for c in children(noun))
