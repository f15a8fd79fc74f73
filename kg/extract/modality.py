"""Modality that no governing cue word carries: conditions, questions and hedging adverbs.

- A clause inside the antecedent of a conditional ("if Moscow stops blocking ...") or heading
  its consequent ("... Serbia would lose ...") states a possibility, not a fact: conditionals
  are epistemic modality (Palmer 2001, *Mood and Modality*, 8.1), and TimeML relates both
  clauses by a conditional SLINK, not as facts (Saurí et al. 2006, FactBank: "uncertain").
- A question asks whether something holds; it asserts nothing (Palmer 2001, 3.2.3: the
  interrogative is non-assertive).
- A hedging adverb ("allegedly", "reportedly") reports what unnamed others say: `reported`,
  with no source (GUIDELINE, Attribution: "reportedly" names no one).
- The aim of an intent noun ("efforts in shaping its image") is intended (`aim_of_intent`).
The cue words are data: `kg:Conditional` and `kg:Hedge` in `ontology/lexicon.ttl`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.parse_index import children, sentence_of
from kg.extract.vocabulary import Vocabulary


def marked_modality(predicate: Token, chain: list[Token], vocabulary: Vocabulary) -> str | None:
    """`possible` for a conditional or a question, `reported` for a hedged clause, else None."""
    if _conditional(predicate, chain, vocabulary.cues["conditional"]):
        return "possible"
    if _is_question(sentence_of(predicate)):
        return "possible"
    hedges = vocabulary.cues["hedge"]
    if any(c.dep_ == "advmod" and c.lower_ in hedges for t in chain for c in children(t)):
        return "reported"
    return None


def _is_question(sentence: Span) -> bool:
    """Does the sentence's text end with "?", trailing whitespace aside? Read from its last
    words, not from the text of the whole sentence, which spaCy joins anew on every call."""
    for token in reversed(sentence):
        written = (token.text if token.i == sentence.end - 1 else token.text_with_ws).rstrip()
        if written:
            return written.endswith("?")
    return False


def _conditional(predicate: Token, chain: list[Token], marks: frozenset[str]) -> bool:
    """In an if-clause (any verb above the predicate is one), or heading a clause that has one."""
    for token in (predicate, *predicate.ancestors):
        if token.dep_ == "advcl" and _marked(token, marks):
            return True
    return any(c.dep_ == "advcl" and _marked(c, marks) for t in chain for c in children(t))


def _marked(clause: Token, marks: frozenset[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in children(clause))


def aim_of_intent(predicate: Token, chain: list[Token], intent_nouns: frozenset[str]) -> bool:
    """'her efforts in shaping its image', 'made attempts at forging ties': a gerund after the
    preposition of an intent noun is the aim of the intent, not yet achieved (FrameNet's
    Attempt and Purpose frames: the Goal of "effort", "attempt", "bid", "plan"). The parser hangs
    the prepositional phrase on the noun or on the verb right after the noun (its most frequent
    attachment error)."""
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in intent_nouns for t in chain[1:]):
        return True
    preposition = predicate.head
    if predicate.dep_ != "pcomp" or preposition.dep_ != "prep" or preposition.i == 0:
        return False
    before = predicate.doc[preposition.i - 1]
    return before.lemma_.lower() in intent_nouns and before.dep_ == "dobj" and before.head.i == preposition.head.i
