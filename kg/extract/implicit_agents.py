"""Events named by a noun whose agent the noun phrase leaves implicit, found where the sentence
puts it (implicit arguments of nominal predicates: Gerber and Chai 2010, "Beyond NomBank: A
Study of Implicit Arguments for Nominal Predicates", ACL; 2012, Computational Linguistics 38(4):
most implicit arguments of an event noun sit in its own sentence, most often as the subject of
the verb that governs it).

- Reciprocal participants: "negotiations between Kyiv and Moscow", "a conflict between NATO and
  Russia". A "between" phrase of a noun of a symmetric event names all its participants (Levin
  1993, class 36 "verbs of social interaction", whose nominalisations take "between X and Y";
  NomBank marks both as arguments): each does the event with the other, as `kg.extract.extractor`
  does for "X and Y met".
- Events the subject takes part in: "During a visit to New York, the minister met ...", "after
  talks with Ankara, Stockholm agreed ...". A temporal or circumstantial adverbial whose noun is
  an indefinite social-interaction or visiting event and names no agent of its own is the
  subject's own event: the adverbial is controlled by the subject of the clause it modifies,
  like a gerund in the same place ("after meeting Y, X ...": adjunct control, Williams 1980,
  "Predication"; Landau 2013, "Control in Generative Grammar", ch. 6). Only an indefinite event
  (no determiner, or "a"): "during the invasion" is an event known before and may be anyone's.
- Support verbs of stance: "U.S. officials reaffirmed support for the principle", "Minsk voiced
  opposition to the plan". A verb that states, renews or shows an attitude or commitment takes
  the noun naming it as its object, and its subject is the noun's first argument (Mel'čuk's
  lexical function Oper1, Mel'čuk 1996, "Lexical Functions"; NomBank's support verbs, Meyers et
  al. 2004): the subject does what the noun names to the noun's patient.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import mention_at
from kg.extract.clauses import Clause, modality_of, polarity_of
from kg.extract.nominal_events import agents_of, patients_of
from kg.extract.parse_index import children
from kg.extract.subjects import subjects_of, with_conjuncts
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

# prepositions of temporal and circumstantial adverbials that hold an event ("during a visit")
ADJUNCT_PREPOSITIONS = {"during", "after", "before", "following", "on", "at", "since"}
# nouns of proposing: the event they propose has not happened, and is the proposer's statement
# (as a directive's act is the speaker's: `kg.extract.directives`)
PROPOSAL_NOUNS = {"proposal", "offer", "suggestion", "idea", "initiative", "call", "demand", "request"}
# the prepositions of the partner or destination of a meeting or a visit ("with X", "to X")
PARTNER_PREPOSITIONS = ("with", "to")
# verbs of visiting, beside the reciprocal verbs of `kg:reciprocals` (Levin 1993, class 36)
VISIT_VERBS = {"visit", "tour"}
# support verbs that state, renew or show the attitude the noun names (Oper1)
# verbs of communication that state a stance ("extended the sanctions" continues them, "showed
# support" displays it: neither is here)
STANCE_SUPPORT_VERBS = {
    "express", "voice", "reaffirm", "reiterate", "restate", "confirm", "declare", "pledge", "signal",
}  # fmt: skip
# the prepositions of the stance's object ("concern over X" names what worries, not what is done to)
STANCE_NOUN_PREPOSITIONS = ("for", "to", "with", "against", "on")


def implicit_agent_events(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause for each event noun of the sentence whose agent stands outside its noun phrase."""
    table, nouns = token_table(sentence.doc), vocabulary.event_nouns
    for token in table.tokens(
        i for i in range(sentence.start, sentence.end) if table.pos[i] == "NOUN" and table.lemma[i] in nouns
    ):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in vocabulary.event_nouns:
            continue
        if mention_at(token) is not None or agents_of(token):
            continue
        yield from reciprocal_participants(token, vocabulary)
        yield from adjunct_event(token, vocabulary)
        yield from stance_support(token, vocabulary)


def reciprocal_participants(noun: Token, vocabulary: Vocabulary) -> Iterator[Clause]:
    """'negotiations between Kyiv and Moscow': Ukraine with Russia and Russia with Ukraine."""
    verb = vocabulary.event_nouns[noun.lemma_.lower()]
    if verb not in vocabulary.reciprocals:
        return
    participants = [
        g
        for c in children(noun)
        if c.dep_ == "prep" and c.lower_ == "between"
        for g in with_conjuncts([x for x in children(c) if x.dep_ == "pobj"])
    ]
    if len(participants) < 2 or not all(mention_at(p) is not None for p in participants):
        return
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in vocabulary.intent_nouns | PROPOSAL_NOUNS for t in noun.ancestors):
        return  # "a proposal to organise a meeting between X and Y": the proposer's act, not theirs
    governor = _governing_verb(noun)
    modality = modality_of(governor, vocabulary) if governor is not None else "asserted"
    for participant in participants:
        others = [p for p in participants if p.i != participant.i]
        yield Clause(noun, verb, [participant], others, modality=modality)


def adjunct_event(noun: Token, vocabulary: Vocabulary) -> Iterator[Clause]:
    """'During a visit to New York, the minister met ...': the minister visited New York."""
    verb = vocabulary.event_nouns[noun.lemma_.lower()]
    if verb not in vocabulary.reciprocals | VISIT_VERBS:
        return
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in ADJUNCT_PREPOSITIONS:
        return
    if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in children(noun)):
        return
    clause_verb = preposition.head
    if preposition.dep_ != "prep" or clause_verb.pos_ not in ("VERB", "AUX"):
        return
    subjects = subjects_of(clause_verb)
    objects = patients_of(noun, subjects, PARTNER_PREPOSITIONS)  # "a meeting in Brussels": a place, no partner
    if subjects and objects:
        objects = with_conjuncts([_named(o) for o in objects])
        yield Clause(noun, verb, subjects, objects, modality=modality_of(clause_verb, vocabulary))


def stance_support(noun: Token, vocabulary: Vocabulary) -> Iterator[Clause]:
    """'reaffirmed support for the principle': the subject supports the principle."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in STANCE_SUPPORT_VERBS:
        return
    subjects = subjects_of(verb)
    objects = patients_of(noun, subjects, STANCE_NOUN_PREPOSITIONS)
    if subjects and objects:
        yield Clause(
            noun,
            vocabulary.event_nouns[noun.lemma_.lower()],
            subjects,
            with_conjuncts(objects),
            polarity=polarity_of(verb, objects, vocabulary),
            modality=modality_of(verb, vocabulary),
        )


def _named(title: Token) -> Token:
    """'a meeting with the Minister of Foreign Affairs of Russia, Sergei Lavrov': the name in
    apposition to a title (as `appos`, or as a second object of the same preposition after a
    comma, as the parser often has it) is whom the title describes."""
    named = [c for c in children(title) if c.dep_ == "appos" and c.pos_ == "PROPN"]
    named += [
        c
        for c in children(title.head)
        if c.dep_ == "pobj" and c.i > title.i and c.pos_ == "PROPN" and title.doc[c.left_edge.i - 1].text == ","
    ]
    return named[0] if named else title


def _governing_verb(token: Token) -> Token | None:
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
