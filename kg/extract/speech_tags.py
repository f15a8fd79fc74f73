"""Speech tags: "..., the ministry said." names the speaker of the sentence it closes.

News style puts the attribution of a reported sentence in a tag after it, set off by a comma
("Russia moved tanks to the border, the ministry said."), inverted ("..., said the minister."),
or in the middle ("Russia, he said, is ready ..."): the AP Stylebook's "attribution" entry and
the reporting-clause positions of Quirk et al. (1985, A Comprehensive Grammar, 14.29-14.31).
A small parser often attaches such a tag inside the sentence (as a clause of the nearest noun),
so that the reported clause has no speech verb above it; the tag is found here on the surface:
a neutral speech verb with no complement of its own, its speaker a noun phrase between it and
the comma (or after it, inverted), and what it frames the rest of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.actors import mention_at
from kg.extract.parse_index import children
from kg.extract.token_table import token_table

NOUN_PHRASE_POS = {"DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART"}
NOUN_PHRASE_LINKS = {"of", "for", "'s", "’s", "-"}
MAX_SPEAKER_WORDS = 8
CONTENT_CHILDREN = {"ccomp", "xcomp", "mark"}
CLAUSE_OPENERS = {"SCONJ"}  # "When the talks ended, the minister said ..." frames nothing


@dataclass(frozen=True)
class SpeechTag:
    """A speech verb whose speaker (a noun phrase head) said tokens `spans` (start, end exclusive)."""

    verb: int
    speaker: int
    spans: tuple[tuple[int, int], ...]


def speech_tags(doc: Doc, verbs: frozenset[str]) -> list[SpeechTag]:
    """Every speech tag of the doc (at most one per sentence: the first that frames a clause).
    `verbs`: the lemmas of the neutral speech verbs."""
    found: list[SpeechTag] = []
    table = token_table(doc)
    pos, lemma = table.pos, table.lemma
    for sentence in doc.sents:
        speech = (i for i in range(sentence.start, sentence.end) if pos[i] in ("VERB", "AUX") and lemma[i] in verbs)
        for verb in table.tokens(speech):
            if not _bare(verb):
                continue
            tag = _tag_before(verb, sentence) or _tag_inverted(verb, sentence)
            if tag is not None:
                found.append(tag)
                break
    return found


def _bare(verb: Token) -> bool:
    """A speech verb with no complement clause of its own ("said that ...", "said: ..." frame
    their own content, which the parse hands over)."""
    if any(c.dep_ in CONTENT_CHILDREN for c in children(verb)):
        return False
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return following is None or following.text not in (":", "that")


def _tag_before(verb: Token, sentence: Span) -> SpeechTag | None:
    """'..., the ministry said (on Monday).' and 'X, he said, is ...': the speaker stands between
    a comma and the verb (an adverb may stand between: "he later said")."""
    position = verb.i - 1
    while position > sentence.start and verb.doc[position].pos_ == "ADV":
        position -= 1
    end = position + 1
    while position > sentence.start and _in_noun_phrase(verb.doc[position]):
        position -= 1
    words = end - position - 1
    comma = verb.doc[position]
    if comma.text != "," or not 0 < words <= MAX_SPEAKER_WORDS:
        return None
    after = _parenthetical_end(verb, sentence)
    speaker = _head(verb.doc[position + 1 : end])
    if speaker is None or (after is None and not _clause_before(sentence, comma.i)):
        return None
    spans = [(sentence.start, comma.i)]
    if after is not None:
        spans.append((after, sentence.end))
    return SpeechTag(verb.i, speaker.i, tuple(spans))


def _tag_inverted(verb: Token, sentence: Span) -> SpeechTag | None:
    """'..., said the minister.': the verb right after the comma, the speaker up to the end."""
    if verb.i - 1 <= sentence.start or verb.doc[verb.i - 1].text != ",":
        return None
    end = verb.i + 1
    while end < sentence.end and _in_noun_phrase(verb.doc[end]):
        end += 1
    words = end - verb.i - 1
    if not 0 < words <= MAX_SPEAKER_WORDS or not _clause_before(sentence, verb.i - 1):
        return None
    rest = [t for t in verb.doc[end : sentence.end] if not t.is_space]
    if rest and rest[0].text not in (".", ",", ";", "!"):
        return None
    speaker = _head(verb.doc[verb.i + 1 : end])
    return SpeechTag(verb.i, speaker.i, ((sentence.start, verb.i - 1),)) if speaker is not None else None


def _in_noun_phrase(token: Token) -> bool:
    return token.pos_ in NOUN_PHRASE_POS or token.lower_ in NOUN_PHRASE_LINKS


def _clause_before(sentence: Span, comma: int) -> bool:
    """What the tag frames is a main clause: it has a verb and does not open with a subordinator
    (a participle working as a preposition, "Following a meeting with X, ...", is no verb)."""
    before = [t for t in sentence.doc[sentence.start : comma] if not t.is_punct and not t.is_space]
    verbs = [t for t in before if t.pos_ in ("VERB", "AUX") and t.dep_ != "prep"]
    return bool(before) and before[0].pos_ not in CLAUSE_OPENERS and bool(verbs)


def _parenthetical_end(verb: Token, sentence: Span) -> int | None:
    """'Russia, he said, is ready ...': where the framed clause resumes after the tag, if it does
    (the words after the tag's comma hold a verb that is no participle of the tag's: "he said,
    adding that ..." resumes nothing)."""
    for token in verb.doc[verb.i + 1 : sentence.end]:
        if token.text == ",":
            rest = verb.doc[token.i + 1 : sentence.end]
            first = next((t for t in rest if not t.is_space), None)
            if first is None or first.tag_ == "VBG":
                return None
            return token.i + 1 if any(t.pos_ in ("VERB", "AUX") for t in rest) else None
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _head(phrase: Span) -> Token | None:
    """The speaker's head: the last word of an actor mention in the phrase, else the noun whose
    head lies outside it, else its last noun or pronoun."""
    for token in reversed(phrase):
        mention = mention_at(token)
        if mention is not None:
            return token.doc[mention.end - 1]
    nominal = [t for t in phrase if t.pos_ in ("NOUN", "PROPN", "PRON")]
    outside = [t for t in nominal if not phrase.start <= t.head.i < phrase.end]
    candidates = outside or nominal
    return candidates[-1] if candidates else None
