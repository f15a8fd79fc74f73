"""Clauses over a dependency parse (spaCy's ClearNLP-style labels): who does what to what.

Each predicate (a verb, or an adjective after a copula: "is dependent on") gives a clause:
- subject: its `nsubj`, or the `agent` of a passive ("was invited by"); a predicate without
  one inherits it along `xcomp` (control: "seeks to oust"), `conj` (shared subject),
  purpose/means adverbials ("by showing", "to receive") and `relcl` (the modified noun);
- relation: the lemma, with its particle ("speed up") and a light-verb object merged ("take
  part"); a control verb that carries modality ("seek", "is ready", "is unlikely") hands the
  relation to its complement, as do aspectual verbs ("continues adhering");
- object: `dobj` (or the passive subject), else a predicative `attr`, else the first
  prepositional object; coordinated subjects and objects give one clause each;
- polarity: a `neg` dependent (or "never", "no longer", "fail to") on the predicate or on the
  verbs it hands its relation up to; a "no" determiner on the object;
- modality: cue lemmas from the lexicon on the governing chain (intended, possible) and modal
  auxiliaries; what someone said is made `reported` by `kg.extract.attribution`.
This follows the clause-based open information extraction of ClausIE (Del Corro and Gemulla,
2013), reduced to the clause types analysts' statements take.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract.control import passive_controller, passively_controlled, presupposed
from kg.extract.modality import aim_of_intent, marked_modality
from kg.extract.object_heads import partitive_whole, stray_particle
from kg.extract.parse_index import children, sentence_of
from kg.extract.subjects import (
    JUDGEMENT_VERBS,
    OCCASION_NOUNS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    antecedents,
    arbitrary_gerund,
    borrowed_subject,
    coordination_head,
    is_stative,
    result_anchor,
    subject_gerund,
    subjects_of,
    weekday_named,
    with_conjuncts,
)
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

# verbs of a stance toward another's act: "supported efforts to commemorate", "blocked attempts to
# adjourn" are someone else's efforts (Levin 1993: admire verbs, class 31.2; prevent verbs, 67)
STANCE_VERBS = {
    "support", "back", "welcome", "endorse", "appreciate", "respect", "value", "tolerate", "oppose", "deplore",
    "resent", "block", "hinder", "impede", "obstruct", "prevent", "thwart", "undermine", "frustrate", "foil",
}  # fmt: skip
ASPECTUAL = {"continue", "keep", "start", "begin", "resume", "go on"}
HANDING_UP = ("intended", "possible", "negative")  # the modality cues of a control verb that hands its relation up
# "have to", "need to": verbs that work as modal auxiliaries of necessity (Huddleston and Pullum
# 2002, ch. 3 §2.5.4, "have to" and "need" among the quasi-modals): the infinitive is the clause
SEMI_MODALS = {"have", "need"}
NO_CLAUSE_DEPS = ("amod", "compound", "aux", "auxpass")  # a verb as a modifier or an auxiliary heads no clause
HYPOTHETICAL_MODALS = {"would", "could", "might"}  # the conditional mood of an unreal act
# complex-intransitive verbs taking an adjective as predicative complement (Huddleston and Pullum
# 2002, ch. 4 §5.1: be, become, remain, stay, get, grow, seem, appear, look, feel)
COPULAS = {"be", "become", "remain", "stay", "get", "grow", "seem", "appear", "look", "feel"}
LIKE_COPULAS = {"look", "seem", "sound", "feel", "appear"}
# inherent reflexives ("distance itself from", "align itself with"): the pronoun names no participant
# of its own (Huddleston and Pullum 2002, ch. 17 §3.2), the verb's prepositional phrase does
REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself", "yourselves"}
LIGHT_VERBS = {"take", "make"}  # "take part", "make note"; "suspended part of the programme" is not light
LIGHT_VERB_OBJECTS = {"part", "advantage", "place", "note", "care", "account", "steps", "action"}
ADVERBIAL_PREPOSITIONS = {
    "after", "before", "during", "since", "until", "amid", "despite", "throughout", "as", "like", "unlike",
    "besides", "due", "because", "regardless", "by", "via", "through", "without",
}  # fmt: skip
ADVERBIAL_NOUNS = {
    "addition", "terms", "order", "fact", "tandem", "mind", "time", "way", "case", "context", "interview",
    "utmost", "reality", "view", "light", "result", "part", "level", "regard",
}  # fmt: skip
OBJECT_PREPOSITION_PRIORITY = (
    "with", "to", "on", "in", "for", "against", "about", "into", "at", "towards", "toward", "from",
)  # fmt: skip


@dataclass
class Clause:
    predicate: Token
    relation: str
    subjects: list[Token]
    objects: list[Token] = field(default_factory=list)
    object_text: str | None = None
    polarity: str = "positive"
    modality: str = "asserted"
    # no subject in the sentence: the discourse gives it (an agentless passive of referring, a
    # subject gerund: `kg.extract.implicit_passives`, `kg.extract.subjects.subject_gerund`)
    implicit_agent: bool = False


def is_predicate(token: Token) -> bool:
    if token.pos_ == "VERB" and token.dep_ not in NO_CLAUSE_DEPS:
        return True
    if (
        token.lemma_ == "be"
        and (token.dep_ in ("ROOT", "conj", "ccomp") or (token.tag_ == "VBG" and token.dep_ in ("pcomp", "advcl")))
        and any(c.dep_ == "attr" for c in children(token))
    ):
        return True  # "Despite being Moscow's only ally, Lukashenko ...": the adverbial's subject is his
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_ in COPULAS


def copular_relation(adjective: Token) -> str:
    """'is dependent on' -> "dependent"; another copula keeps its verb: "becomes involved in" ->
    "become involved", "remain vigilant against" -> "remain vigilant"."""
    copula = adjective.head.lemma_.lower()
    return relation_of(adjective) if copula == "be" else f"{copula} {relation_of(adjective)}"


def relation_of(predicate: Token) -> str:
    words = [predicate.lemma_.lower()]
    words += [c.lower_ for c in children(predicate) if c.dep_ == "prt"]
    if (particle := stray_particle(predicate)) is not None:
        words.append(particle.lower_)
    return " ".join(words)


def objects_of(predicate: Token) -> list[Token]:
    """Object heads: direct object (or passive subject), predicative, else a prepositional object."""
    dependents = children(predicate)
    if predicate.dep_ == "acl" and predicate.tag_ == "VBN":
        return [predicate.head]
    if is_stative(predicate) and not any(c.dep_ == "agent" for c in dependents):
        return objects_of_prepositions(predicate)
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in dependents):
        return antecedents(with_conjuncts([c for c in dependents if c.dep_ in PASSIVE_SUBJECT_DEPS]))
    direct = [
        c
        for c in dependents
        if c.dep_ in ("dobj", "attr", "oprd", "dative") and c.lower_ not in ("it", "what", *REFLEXIVES)
    ]  # "distanced itself from the Kremlin": an inherent reflexive is no participant; the Kremlin is
    if not direct and (particle := stray_particle(predicate)) is not None:
        direct = [c for c in children(particle) if c.dep_ == "pobj"]  # "voted down the bill": the bill
    direct = direct or [weekday_named(c) for c in dependents if c.dep_ == "npadvmod" and weekday_named(c) != c]
    if direct:
        return antecedents(with_conjuncts([partitive_whole(direct[0])]))
    return objects_of_prepositions(predicate)


def chain_up(predicate: Token) -> list[Token]:
    """The predicate and the control/copula heads above it ("is ready to send" -> send, ready, is)."""
    chain = [predicate]
    token = predicate
    for _ in range(len(sentence_of(predicate))):  # each step climbs one head: never more than the sentence has
        if token.dep_ in ("xcomp", "acomp"):
            token = token.head
        elif token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ != "by":
            token = token.head.head  # "interested in attracting", "interest in participating"
        else:
            break
        chain.append(token)
    return chain


def forms(token: Token) -> set[str]:
    """The lemma and the plain inflection-stripped forms of a word: the small model's
    lemmatiser slips on some verbs ("hopes" -> "hop"), and cue lists name the dictionary form."""
    word = token.lower_
    found = {token.lemma_.lower(), word}
    for suffix, replacement in (("s", ""), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            found.add(word[: -len(suffix)] + replacement)
    return found


def hands_up(token: Token, vocabulary: Vocabulary) -> bool:
    """Does this control verb give its relation to its complement? (modality cues, aspectuals)."""
    lemma = token.lemma_.lower()
    if lemma in vocabulary.cues["reported"] and any(c.dep_ == "ccomp" for c in children(token)):
        return not any(c.dep_ == "dobj" for c in children(token))
    if lemma in vocabulary.cues["reported"] and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in children(token)):
        return True  # "claims to have uncovered": what is claimed is the statement (kg.extract.attribution)
    if lemma in SEMI_MODALS and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in children(token)):
        return True  # "will have to earn the right": "have to" is a modal of necessity
    if not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in children(token)):
        return False
    found = forms(token)  # a cue of one of the kinds (no union of the cue sets made on each call)
    return any(not found.isdisjoint(cues) for cues in (*(vocabulary.cues[k] for k in HANDING_UP), ASPECTUAL))


def modality_of(predicate: Token, vocabulary: Vocabulary) -> str:
    if (
        predicate.dep_ == "conj"
        and predicate.head.pos_ == "VERB"
        and not any(c.dep_ in SUBJECT_DEPS for c in children(predicate))
    ):
        return modality_of(predicate.head, vocabulary)  # "trying to take advantage ... and repeating"
    if (governor := borrowed_subject(predicate)) is not None:
        # "received a mandate to improve", "seeks to solve problems using X": the act is as sure as
        # the clause it takes its subject from, and a mandate's act has not happened yet
        inherited = modality_of(governor, vocabulary)
        return "intended" if inherited == "asserted" and predicate.tag_ == "VB" else inherited
    if subject_gerund(predicate) and any(
        c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in children(coordination_head(predicate).head)
    ):
        return "possible"  # "Joining NATO would give Finland ...": a hypothetical act (Palmer 2001, 9.2)
    if (anchor := result_anchor(predicate)) is not None:
        return modality_of(anchor, vocabulary)  # "raised the veto, thereby withholding": as the veto
    chain = chain_up(predicate)
    if (marked := marked_modality(predicate, chain, vocabulary)) is not None:
        return marked  # "if Moscow stops blocking ...", "Do they take orders?", "allegedly"
    lemmas = [form for t in chain[1:] for form in forms(t)]
    modals = [c.lemma_.lower() for t in chain for c in children(t) if c.dep_ in ("aux", "advmod")]
    if any(word in vocabulary.cues["intended"] for word in lemmas) or any(t.lemma_ in SEMI_MODALS for t in chain[1:]):
        return "intended"  # "is ready to send"; "has to close the border": not done yet, the subject's to do
    if aim_of_intent(predicate, chain, vocabulary.intent_nouns):
        return "intended"
    if any(any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in children(t)) for t in chain[1:]):
        # "was invited to" is intended, "is widely assumed to" possible
        return "possible" if any(m in vocabulary.cues["possible"] for m in modals + lemmas) else "intended"
    if _is_purpose(predicate) or (predicate.dep_ in ("acl", "relcl") and predicate.head.lemma_ in OCCASION_NOUNS):
        return "intended"  # "so as to receive aid", "an opportunity to criticise Brussels"
    if any(word in vocabulary.cues["possible"] for word in lemmas + modals):
        return "possible"
    return "asserted"


def _is_purpose(predicate: Token) -> bool:
    """'... so as to receive aid', '... in order to separate': an infinitive of purpose."""
    if predicate.dep_ not in ("advcl", "xcomp") or predicate.head.pos_ != "VERB":
        return False
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in children(predicate))
    return has_to and predicate.dep_ == "advcl"


def polarity_of(predicate: Token, objects: list[Token], vocabulary: Vocabulary) -> str:
    for token in chain_up(predicate):
        for child in children(token):
            if child.dep_ == "neg" or child.lower_ in ("never",):
                return "negative"
            if child.lower_ == "longer" and any(g.lower_ == "no" for g in children(child)):
                return "negative"
        if token.i != predicate.i and token.lemma_.lower() in vocabulary.cues["negative"]:
            return "negative"
    if any(c.lower_ == "no" and c.dep_ == "det" for o in objects for c in children(o)):
        return "negative"
    return "positive"


def clauses(sentence: Span, vocabulary: Vocabulary) -> Iterator[Clause]:
    """Every clause of a sentence whose predicate has a subject and an object, or that is
    reciprocal ("X and Y met": `kg.extract.extractor` makes each subject the other's object)."""
    table = token_table(sentence.doc)
    pos, dep, lemma = table.pos, table.dep, table.lemma
    predicates = (  # what `is_predicate` can accept: a verb of a clause, "be", an adjective after a copula
        i
        for i in range(sentence.start, sentence.end)
        if (pos[i] == "VERB" and dep[i] not in NO_CLAUSE_DEPS)
        or lemma[i] == "be"
        or (pos[i], dep[i]) == ("ADJ", "acomp")
    )
    for token in table.tokens(predicates):
        if not is_predicate(token) or hands_up(token, vocabulary):
            continue
        if token.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in children(token)):
            continue
        if passive_controller(token, vocabulary):
            continue  # "Minsk is prompted to demonstrate": Minsk's act is the statement
        if (
            token.dep_ == "xcomp"
            and token.head.pos_ == "VERB"
            and not hands_up(token.head, vocabulary)
            and not passively_controlled(token, vocabulary)
            and not presupposed(token)
        ):
            continue  # "refused to mediate": the matrix verb's clause carries it
        subjects = subjects_of(token)
        # "Holding talks in Minsk would pre-empt ...": the discourse gives the subject
        topical = not subjects and subject_gerund(token) and not arbitrary_gerund(token)
        if not (subjects or topical):
            continue
        if token.lemma_ == "be" and subjects and subjects[0].lower_ in ("it", "this", "that", "there"):
            continue
        objects = objects_of(token) or shared_objects(token)
        relation = "be" if token.lemma_ == "be" else relation_of(token)
        if token.dep_ == "acomp":
            relation = copular_relation(token)
        object_text = None
        # "made attempts to return": the subject's own intent; "support Turkey's efforts to join" is not
        intent = next(
            (
                o
                for o in objects
                if o.lemma_.lower() in vocabulary.intent_nouns
                and not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in children(o))
                and token.lemma_.lower() not in STANCE_VERBS | JUDGEMENT_VERBS
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children(o))  # "efforts of Russia to"
            ),
            None,
        )
        if intent is not None:
            complement = next((c for c in children(intent) if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
            if complement is not None:
                # "made attempts to return to X", "declared its readiness to increase Y"
                yield from complement_clause(complement, subjects, token, vocabulary)
                continue
        if not objects:
            clausal = next((c for c in children(token) if c.dep_ == "ccomp"), None)
            if clausal is not None:
                objects = [
                    c for c in children(clausal) if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and c.pos_ != "PRON"
                ]
        light = [
            o
            for o in objects
            if token.lemma_.lower() in LIGHT_VERBS
            and o.lemma_.lower() in LIGHT_VERB_OBJECTS
            and not any(c.dep_ == "det" for c in children(o))
        ]
        if light:
            relation = f"{relation} {light[0].text}"
            objects = objects_of_prepositions(light[0]) or objects_of_prepositions(token)
        if not objects:
            complement = next((c for c in children(token) if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if complement is not None:
                inner = objects_of(complement)
                if inner:
                    objects = inner
                else:
                    object_text = complement.lemma_
            elif token.lemma_.lower() not in vocabulary.reciprocals:
                continue  # a reciprocal verb's object is its other subjects ("X and Y met")
        yield Clause(
            predicate=token,
            relation=relation,
            subjects=subjects,
            objects=objects,
            object_text=object_text,
            polarity="positive" if presupposed(token) else polarity_of(token, objects, vocabulary),
            modality="asserted" if presupposed(token) else modality_of(token, vocabulary),
            implicit_agent=topical,
        )


def shared_objects(verb: Token) -> list[Token]:
    """'Estonia condemned and rejected the ultimatum': a verb coordinated with the next one before
    their object shares it (right node raising, Huddleston and Pullum 2002, ch. 15 §4.4: the
    delayed right constituent belongs to every conjunct). Only where nothing but "and"/"or" and
    adverbs stands between the verbs, and the first verb has no argument of its own."""
    if any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "attr", "dative") for c in children(verb)):
        return []
    following = next((c for c in children(verb) if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if following is None:
        return []
    between = verb.doc[verb.i + 1 : following.i]
    if not any(t.dep_ == "cc" for t in between) or any(t.dep_ not in ("cc", "advmod", "punct") for t in between):
        return []
    return objects_of(following)


def objects_of_prepositions(token: Token) -> list[Token]:
    """The object of the first argument-like preposition after the predicate ("met with X",
    "participated in Y"); fronted and temporal phrases ("In an interview", "after talks") are
    adverbials, not arguments."""
    preps = [
        c
        for c in children(token)
        if c.dep_ == "prep" and c.i > token.i and (c.lower_ not in ADVERBIAL_PREPOSITIONS or _predicative_like(c))
    ]
    preps.sort(
        key=lambda p: OBJECT_PREPOSITION_PRIORITY.index(p.lower_) if p.lower_ in OBJECT_PREPOSITION_PRIORITY else 99
    )
    for prep in preps:
        for pobj in map(weekday_named, children(prep)):  # "met with President Assad Tuesday": Assad
            if (
                pobj.dep_ in ("pobj", "compound")
                and pobj.ent_type_ not in ("DATE", "TIME")
                and pobj.lemma_.lower() not in ADVERBIAL_NOUNS
            ):
                return with_conjuncts([pobj])
    return []


def _predicative_like(preposition: Token) -> bool:
    """'Belarus may look like a sideshow': after "look", "seem", "sound" or "feel" a like-phrase
    is the predicative complement (Huddleston and Pullum 2002, ch. 4 §5.1), not an adverbial."""
    return preposition.lower_ == "like" and preposition.head.lemma_.lower() in LIKE_COPULAS


def complement_clause(
    complement: Token, subjects: list[Token], governor: Token, vocabulary: Vocabulary
) -> Iterator[Clause]:
    objects = objects_of(complement)
    if not objects:
        return
    yield Clause(
        predicate=complement,
        relation=relation_of(complement),
        subjects=subjects,
        objects=objects,
        polarity=polarity_of(governor, objects, vocabulary),
        modality="intended",
    )


POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
