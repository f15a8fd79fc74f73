"""Events named by a noun whose actor the noun phrase states: "Minsk's pressure on Vilnius",
"the Russian invasion of Ukraine", "US sanctions against Venezuela", "Belarus' proposal to send
peacekeepers" give a clause whose relation is the verb the noun derives from.

Nominalisations inherit their verb's argument structure (Grimshaw 1990, "Argument Structure";
the NomBank annotation of Meyers et al. 2004 marks the same roles):
- the agent is a prenominal possessor ("Minsk's"), a nationality adjective or an actor's name
  in the compound ("the Polish blockade", "US sanctions": Grimshaw's argument-adjectives), or a
  "by" phrase ("the blockade of the border by Poland");
- the patient or target is an "of" phrase (once the agent is given elsewhere, "of" marks the
  patient: "the Polish blockade of the border"), or a phrase with the preposition the verb's
  own object takes: against, on, into, with, to, for, in ("pressure on", "sanctions against");
- an intent noun's infinitive states what the agent intends ("Russia's attempts to swallow
  Belarus"; the lexicon's `kg:IntentNoun`s);
- a "from" phrase with an actor is the agent too (NomBank's ARG0 of communication and transfer
  nouns: "statements from India", "support from Russia", "pressure from Moscow");
- an agent stated by a "by" or "from" phrase makes the event a statement even without an
  object ("the escalation by Indian forces", "provocations by Belarus"): the phrase exists to
  name who acts (NomBank annotates the ARG0 alone), and the event noun is the object, as the
  GUIDELINE lists "X -escalate-> escalation"; a possessor or adjective alone does not ("their
  decision", "Russian actions" name no act done to anything);
- a response a verb of causing draws "from" an actor is aimed at what caused it ("the march
  prompted a rebuke from China": `kg.extract.responses`);
- a participle of change in degree on the noun ("reduced support from Russia") is the agent's
  act on the event.
Which nouns are eventive, and their verbs, come from WordNet 3.1 (`ontology/noun_verbs.tsv`,
`scripts/import_wordnet.py`), with the lexicon's curated nominalisations first. A noun without
an explicit actor yields nothing: the phrase alone does not say who did it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import mention_at
from kg.extract.clauses import (
    ADVERBIAL_NOUNS,
    POSSESSIVE_MARKS,
    Clause,
    complement_clause,
    forms,
    objects_of,
)
from kg.extract.noun_phrases import noun_phrase
from kg.extract.parse_index import children
from kg.extract.responses import responders, stimuli
from kg.extract.subjects import SUBJECT_DEPS, coordination_head, with_conjuncts
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

# prepositions that take a nominalisation's patient or target, in order of preference
OBJECT_PREPOSITIONS = ("against", "on", "into", "with", "of", "to", "for", "in", "over", "about")
# verbs of change in degree (Levin 1993, classes 45.4 and 45.6): as a participle on an event noun
# with an agent ("reduced financial support from Russia", "increased pressure by Moscow") they
# name what the agent did to the event
DEGREE_VERBS = {
    "reduce", "increase", "cut", "decrease", "expand", "boost", "raise", "lower", "diminish", "intensify",
    "strengthen", "weaken", "extend", "curtail", "scale", "slash", "double", "triple", "tighten", "ease",
}  # fmt: skip
NOT_AN_OBJECT = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


def nominal_events(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """A clause for each eventive noun of the sentence with an explicit agent and an object."""
    table, nouns = token_table(sentence.doc), vocabulary.event_nouns
    for token in table.tokens(
        i for i in range(sentence.start, sentence.end) if table.pos[i] == "NOUN" and table.lemma[i] in nouns
    ):
        noun = token.lemma_.lower()
        if token.pos_ != "NOUN" or noun not in vocabulary.event_nouns or mention_at(token) is not None:
            continue
        if noun in ADVERBIAL_NOUNS:
            continue  # "in his interview to X", "in terms of": the phrase frames another clause
        complement = next((c for c in children(token) if _complement(c)), None)
        infinitive = complement is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(complement))
        agents = agents_of(token) or responders(token) or (controllers_of(token) if infinitive else [])
        if not agents:
            continue
        degree = next((c for c in token.lefts if c.dep_ == "amod" and forms(c) & DEGREE_VERBS), None)
        if degree is not None and degree.tag_ in ("VBN", "JJ"):  # "reduced support from Russia": Russia reduced it
            text = noun_phrase(token).replace(f"{degree.text} ", "", 1)
            yield Clause(degree, min(forms(degree) & DEGREE_VERBS), agents, [token], object_text=text)
            continue
        if complement is not None and noun in vocabulary.intent_nouns:
            yield from complement_clause(complement, agents, token, vocabulary)
            continue
        # "refusal to be involved in the war": a passive complement's object is no other than the noun
        objects = [o for o in objects_of(complement) if o.i != token.i] if complement is not None else []
        objects = objects or patients_of(token, agents) or (patients_of(complement, agents) if complement else [])
        objects = objects or stimuli(token, agents)  # "the march prompted a rebuke from China": China rebuked it
        if not objects and not any(a.head.lower_ in ("by", "from") for a in agents):
            continue
        objects = objects or [token]  # "escalation by X": the event itself (NomBank: an ARG0 alone)
        modality = "intended" if noun in vocabulary.intent_nouns else "asserted"
        if any(c.tag_ == "VBN" and forms(c) & vocabulary.cues["intended"] for c in token.lefts if c.dep_ == "amod"):
            modality = "intended"  # "a planned visit by X": what was planned has not yet happened
        if any(c.lower_ in vocabulary.cues["possible"] for c in children(token) if c.dep_ == "amod"):
            modality = "possible"
        first = coordination_head(token)
        if first.head.lower_ == "of" and first.head.head.lemma_.lower() in vocabulary.cues["possible"]:
            modality = "possible"  # "the risk of escalation by Belarus": it has not happened
        yield Clause(token, vocabulary.event_nouns[noun], agents, objects, modality=modality)


def _complement(child: Token) -> bool:
    """A noun's verbal complement ("proposal to send", "refusal to be involved"); not a relative
    clause with a subject of its own ("support from Moscow, which has resisted sanctions": what
    Moscow resisted is no object of the support)."""
    own_subject = child.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS for c in children(child))
    return child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and not own_subject


def event_agents(token: Token, vocabulary: Vocabulary) -> list[Token]:
    """The agents an event noun names ("Indian actions", "exchanges of fire by X and Y"), or []
    where the token is no event noun or names none."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in vocabulary.event_nouns or mention_at(token) is not None:
        return []
    return [] if token.lemma_.lower() in ADVERBIAL_NOUNS else agents_of(token)


def metonymic_subjects(clause: Clause, vocabulary: Vocabulary) -> list[Token]:
    """The agents of the events that are a clause's subjects: "Indian actions are a serious
    threat", "exchanges of fire by X are in violation of Y", "Minsk's decision angered Kyiv"
    say what the agent's act does, and analysts credit the agent (the event stands for its
    agent: metonymy of the act for the actor, Lakoff and Johnson 1980, ch. 8; CAMEO codes such
    sentences to the agent). Only where the subject names no actor itself."""
    if clause.relation == "be":
        return []  # "Minsk's proposal is an image-making undertaking" describes the proposal, not Minsk
    return [a for s in clause.subjects if s.i != clause.predicate.i for a in event_agents(s, vocabulary)]


def agents_of(noun: Token) -> list[Token]:
    """The noun's agent: its possessor (a pronoun where `_bound_here`), an actor's adjective or
    name before it, a "by" phrase."""
    agents = [c for c in children(noun) if is_possessor(c) and (c.pos_ != "PRON" or _bound_here(c, noun))]
    agents += [
        c
        for c in noun.lefts
        if c.dep_ in ("amod", "compound") and not is_possessor(c) and mention_at(c) is not None and c.i < noun.i
    ]
    agents += with_conjuncts(
        [g for c in children(noun) if c.dep_ == "prep" and c.lower_ == "by" for g in children(c) if g.dep_ == "pobj"]
    )
    agents += with_conjuncts(
        [
            g
            for c in children(noun)
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in children(c)
            if g.dep_ == "pobj" and mention_at(g) is not None
        ]
    )
    if not agents and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        # "escalation and provocation by Belarus": a phrase after the last conjunct belongs to
        # every conjunct (Huddleston and Pullum 2002, ch. 15 §4.4), though the parser hangs it
        # on the first
        agents = [a for a in agents_of(noun.head) if a.head.lower_ in ("by", "from") and a.i > noun.i]
    return agents


def controllers_of(noun: Token) -> list[Token]:
    """An actor in the of-phrase of a noun with an infinitive: "efforts of Russia to swallow",
    "the refusal of Minsk to take part". The of-phrase controls the infinitive's subject, as a
    possessor would (control nominals; Grimshaw 1990), so it is the agent, not the patient."""
    return [
        g
        for c in children(noun)
        if c.dep_ == "prep"
        and c.lower_ == "of"
        and c.i < next(x.i for x in children(noun) if x.dep_ in ("acl", "relcl"))
        for g in children(c)
        if g.dep_ == "pobj" and mention_at(g) is not None
    ]


def _bound_here(pronoun: Token, noun: Token) -> bool:
    """Whether a possessive pronoun can be the noun's agent: on a subject ("Their decision was"),
    or a singular one in an adverbial ("during his meeting with X": the clause's subject, which
    number agreement singles out); not on a verb's object, where it repeats the verb's subject
    ("voiced his proposal"), nor a plural one in an adverbial ("supports Ukraine and Moldova in
    their integration"), whose antecedent is often a coordination."""
    while noun.dep_ == "conj":  # "his statements ... and his refusal to allow": as the first conjunct
        noun = noun.head
    if noun.dep_ in SUBJECT_DEPS:
        return True
    return noun.dep_ == "pobj" and pronoun.lower_ in ("his", "her", "its")


def patients_of(noun: Token, agents: list[Token], prepositions: tuple[str, ...] = OBJECT_PREPOSITIONS) -> list[Token]:
    """The object of the first preposition, in `OBJECT_PREPOSITIONS` order, that takes one;
    dates and amounts are no objects ("the vote in November")."""
    indices = {agent.i for agent in agents}
    # "a visit by the Swedish minister to Ankara": the parser hangs the phrase after a "by" agent on
    # the agent, whose name takes no such complement; it is the event's (as after a support verb's noun)
    # (or on the verb the noun is the object of, right after the noun phrase: "cancelled a visit by
    # X to Ankara")
    by = [a for a in agents if a.head.lower_ == "by"]
    hung = [c for a in by for c in children(a) if c.i > a.i]
    if by and noun.dep_ == "dobj":
        hung += [c for c in children(noun.head) if c.i == noun.right_edge.i + 1]
    candidates = [
        (prepositions.index(c.lower_), g)
        for c in (*children(noun), *hung)
        if c.dep_ in ("prep", "dative") and c.lower_ in prepositions
        for g in children(c)
        if g.dep_ == "pobj"
        and g.i not in indices
        and g.ent_type_ not in NOT_AN_OBJECT
        and g.lemma_.lower() not in ADVERBIAL_NOUNS  # "efforts in this regard"
    ]
    return [min(candidates, key=lambda pair: (pair[0], pair[1].i))[1]] if candidates else []


def is_possessor(token: Token) -> bool:
    """'Belarus’ proposal': the parser labels the possessor `poss`, or `nmod` before the mark."""
    if token.dep_ == "poss":
        return True
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("nmod", "compound") and following is not None and following.text in POSSESSIVE_MARKS
