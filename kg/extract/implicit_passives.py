"""Agentless passives of verbs of referring, classifying and inviting, whose agent is the actor
the text is about: "Foreign agitators are referred to, but no specific country is mentioned"
after "the KGB has refrained from releasing specifics"; "The Polish side was invited to hold
negotiations" after "a representative of the Belarusian Defence Ministry held meetings".

The agent of a passive is left out when the discourse already gives it (Huddleston and Pullum
2002, ch. 16 §10.1: the agent is omitted as recoverable from the context or as unknown); a verb
that reports what someone wrote, said or proposed (mention, refer to, describe, classify,
invite: Levin 1993, classes 29.2 "characterize verbs" and 37 "verbs of communication") has as
its recoverable agent the body whose statement the text is reporting, the most salient
organisation or state before it (the discourse centre of Grosz, Joshi and Weinstein 1995,
"Centering"; the salience model of `kg.extract.coref`); implicit arguments of this kind are the
"definite null instantiations" of Ruppenhofer et al. 2010, SemEval task 10. A passive of another
verb ("was killed", "was sanctioned") has an agent the text may never name, and yields nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import Clause, modality_of, objects_of, polarity_of, relation_of
from kg.extract.parse_index import children
from kg.extract.subjects import PASSIVE_SUBJECT_DEPS, is_stative
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

# verbs that report how a body referred to, classed or addressed someone
REFERENCE_VERBS = {
    "mention", "refer", "name", "cite", "classify", "describe", "label", "characterise", "characterize",
    "designate", "term", "brand", "portray", "depict", "invite", "list", "identify",
}  # fmt: skip


def agentless_passives(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause, its agent left to the extractor's discourse model, for each agentless passive of
    a verb of referring, classifying or inviting."""
    table = token_table(sentence.doc)
    for verb in table.tokens(
        i for i in range(sentence.start, sentence.end) if table.tag[i] == "VBN" and table.lemma[i] in REFERENCE_VERBS
    ):
        if verb.tag_ != "VBN" or verb.lemma_.lower() not in REFERENCE_VERBS or is_stative(verb):
            continue
        if clause := subjectless_passive(verb, vocabulary, implicit_agent=True):
            yield clause


def subjectless_passive(verb: Token, vocabulary: Vocabulary, implicit_agent: bool = False) -> Clause | None:
    """The clause of a passive `verb` that names no agent ("are referred to", "has been killed"),
    without subjects, for a caller that finds its agent elsewhere; None when the verb has a "by"
    agent, no passive subject or no object."""
    dependents = children(verb)
    if not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in dependents) or any(c.dep_ == "agent" for c in dependents):
        return None
    objects = objects_of(verb)
    if not objects:
        return None
    return Clause(
        predicate=verb,
        relation=relation_of(verb),
        subjects=[],
        objects=objects,
        polarity=polarity_of(verb, objects, vocabulary),
        modality=modality_of(verb, vocabulary),
        implicit_agent=implicit_agent,
    )
