"""Who speaks in a brief's first person: the speaker its title names.

Official statements and speech transcripts name their speaker in the title ("Remarks by Foreign
Minister X at ...", "Statement of the Ministry of Foreign Affairs on ...", "UN Secretary-General's
remarks to the Security Council"): the genre's heading convention (UN, NATO and ministry press
offices title their releases so). The body's "I" and "we" outside quotation marks are then that
speaker, as the GUIDELINE's Attribution rule has it ("a press release's or a speaker's 'we' is the
body or state that speaks"), and what "I stated that ..." says is sourced to it. A title without a
speech noun, or whose speaker names no known actor, names no one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.actors import mention_at
from kg.extract.parse_index import children
from kg.extract.remembered_lemmas import stock_lemmatizer
from kg.extract.statements import Actor
from kg.identifiers import slug

SPEECH_NOUNS = frozenset(
    {"remark", "remarks", "statement", "speech", "address", "declaration", "communique", "communiqué", "message"}
)
SPEAKER_PREPOSITIONS = ("by", "of", "from")


class TitleSpeakers:
    """The speaker of each title, parsed by the pipeline's components before the extractor (the
    titles of one brief at a time are kept: its segments share one). A title none of whose words
    can be a speech noun names no speaker and is not parsed (most titles: a parse costs what a
    short segment's does)."""

    def __init__(self, nlp: Language, titles: frozenset[str]) -> None:
        self.nlp = nlp
        self.titles = titles
        self.known: dict[str, Actor | None] = {}
        self.speech_words = speech_words(nlp)

    def __call__(self, title: str) -> Actor | None:
        if not title:
            return None
        if title not in self.known:
            doc = self.nlp.make_doc(title)
            speaker = None
            if self.speech_words is None or any(token.lower_ in self.speech_words for token in doc):
                for name, process in self.nlp.pipeline:
                    if name != "statement_extractor":
                        doc = process(doc)
                speaker = title_speaker(doc, self.titles)
            self.known = {title: speaker}
        return self.known[title]


def speech_words(nlp: Language) -> frozenset[str] | None:
    """Every word (in lower case) that is a speech noun or has one for its lemma; None (any
    word may) without a rule lemmatizer. spaCy's rule lemmatizer (the pipeline's) gives a word's
    lemma as the word itself, a form its exception table lists, or the word with a suffix `old`
    replaced by `new`: a word of lemma L that ends in `new` is then L less `new`, plus `old`
    ("speeches", "messaged")."""
    lemmatizer = stock_lemmatizer(nlp)
    if lemmatizer is None or lemmatizer.mode != "rule":
        return None
    lookups = lemmatizer.lookups
    rules = [(old, new) for table in lookups.get_table("lemma_rules", {}).values() for old, new in table]
    words = {noun[: len(noun) - len(new)] + old for noun in SPEECH_NOUNS for old, new in rules if noun.endswith(new)}
    exceptions = lookups.get_table("lemma_exc", {}).values()
    words |= {form for table in exceptions for form, lemmas in table.items() if SPEECH_NOUNS.intersection(lemmas)}
    return frozenset(words | SPEECH_NOUNS)


def title_speaker(title: Doc, titles: frozenset[str]) -> Actor | None:
    """The speaker a title's speech noun names: its possessor, or the object of "by"/"of"."""
    for token in title:
        if token.lower_ not in SPEECH_NOUNS and token.lemma_.lower() not in SPEECH_NOUNS:
            continue
        speakers = [c for c in children(token) if c.dep_ == "poss"]
        speakers += [
            p
            for c in children(token)
            if c.dep_ == "prep" and c.lower_ in SPEAKER_PREPOSITIONS
            for p in children(c)
            if p.dep_ == "pobj"
        ]
        for head in speakers:
            actor = _named(head, titles)
            if actor is not None:
                return actor
    return None


def _named(head: Token, titles: frozenset[str]) -> Actor | None:
    """The actor a noun phrase names: a mention covering its head, else the phrase as written
    when it holds a mention it belongs to ("UN Secretary-General": an office of the UN)."""
    mention = mention_at(head)
    if mention is not None:  # "the Ministry of Foreign Affairs of Ukraine": one mention around the head
        return mention.actor
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "case")]
    inside = next((m for t in words if (m := mention_at(t)) is not None), None)
    if inside is None or not words:
        return None
    name = head.doc[words[0].i : head.i + 1].text
    titled = any(t.lower_ in titles or t.lemma_.lower() in titles for t in words)
    return Actor(f"actor/{slug(name)}", name, "Person" if titled else "Organisation", acts_for=inside.actor)
