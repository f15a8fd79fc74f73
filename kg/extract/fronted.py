"""The subject after a fronted adverbial: "On 12 March in Tashkent, Belarus and Uzbekistan held
the fourth meeting", "In Brussels, Poland and Hungary blocked the sanctions".

An adverbial set off at the front of a clause by a comma precedes the subject (Quirk et al.
1985, §8.13 on initial adjuncts; Huddleston and Pullum 2002, ch. 1 §4.2: the canonical clause is
adjunct, subject, predicator): the noun phrase between that comma and the finite verb is the
subject. The small parser often reads a coordinated subject there as more conjuncts of the
adverbial's last noun ("in Tashkent, Belarus and Uzbekistan": three places) and leaves the verb
without a subject, or takes a noun inside the adverbial for it ("On Monday in Riga, Latvia and
Estonia agreed": "Riga" the subject). This component, run after the parser, hangs the phrase on
the verb as its subject and unlabels the noun the parser took for one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.extract.parse_index import children

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
VERB_PREFIX_DEPS = {"aux", "auxpass", "neg", "advmod"}
PHRASE_TAGS = {"NNP", "NNPS", "NN", "NNS", "DT", "JJ", "CC", ",", "SYM", "HYPH"}  # "SPLM/A", "Jean-Marie"
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
PREPOSITION, VERB = get_string_id("IN"), get_string_id("VERB")  # as `Doc.to_array` gives a fine and a coarse tag


@Language.component("fronted_adverbial_subjects")
def fronted_adverbial_subjects(doc: Doc) -> Doc:
    """Tags are read from the doc's arrays (`Doc.to_array`), a spaCy `Token` made only for the
    verbs of a sentence that starts with a preposition or subordinator."""
    rows = doc.to_array(["TAG", "POS"]).tolist()
    for sentence in doc.sents:
        if rows[sentence.start][0] != PREPOSITION:
            continue  # no fronted prepositional or subordinate adverbial
        for index in range(sentence.start, sentence.end):
            if rows[index][1] == VERB and _is_finite(verb := doc[index]):
                _repair(sentence, verb)
    return doc


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in children(verb)
    )


def _repair(sentence: Span, verb: Token) -> None:
    """Hang the phrase between the adverbial's comma and the verb on the verb as its subject."""
    end = verb.i - 1
    while end > sentence.start and verb.doc[end].head.i == verb.i and verb.doc[end].dep_ in VERB_PREFIX_DEPS:
        end -= 1
    start = end
    while start > sentence.start and verb.doc[start - 1].tag_ in PHRASE_TAGS and verb.doc[start - 1].text != ",":
        start -= 1
    phrase = verb.doc[start : end + 1]
    if start - 1 <= sentence.start or verb.doc[start - 1].text != "," or len(phrase) == 0:
        return
    if not any(t.tag_ in ("NNP", "NNPS", "NN", "NNS") for t in phrase) or phrase[0].tag_ == "CC":
        return
    roots = [t for t in phrase if not start <= t.head.i <= end]
    if len(roots) != 1 or roots[0].dep_ != "conj" or roots[0].head.i >= start:
        return  # only a phrase the parser made conjuncts of a noun before the comma
    subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS]
    if any(s.i >= start for s in subjects):
        return
    for wrong in subjects:
        wrong.dep_ = "dep"  # a noun inside the adverbial ("On Monday in Riga")
    roots[0].head = verb
    roots[0].dep_ = "nsubj"
