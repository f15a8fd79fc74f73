"""Subjects the parse does not hand over: inherited through control, coordination and
adverbials; the antecedent of a relative pronoun; the controller of a complement that is the
matrix verb's object, not its subject; and a person named again by the surname alone.

Relative clauses (Huddleston and Pullum 2002, ch. 12; Universal Dependencies `acl:relcl`, spaCy's
`relcl`): in "the ministry, which announced ..." or "countries that signed ..." the relative
pronoun is the clause's subject (or object: "the sanctions that Minsk imposed") and stands for
the noun the clause modifies, its antecedent.

Object control (Rosenbaum 1967; Postal 1970): in "Tallinn accused Moscow of jamming signals",
"Kyiv blamed Moscow for shelling the plant" or "stopped Minsk from sending troops", the
understood subject of the gerund after of / for / from is the matrix verb's direct object
(Levin 1993, the judgement verbs of class 33 and the prevent verbs of class 67). "Of" and "from"
after a direct object mark such a complement ("suspected Minsk of", "barred Moscow from"); "for"
does only after a judgement verb ("shaped an image for promoting the idea" is the subject's
purpose). A gerund after other prepositions ("by shelling", "after meeting") is an adverbial of
the matrix subject's act and keeps that subject.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.parse_index import children, sentence_of
from kg.extract.statements import Actor

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
INHERITING_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acomp"}
# participles that state what their subject does, not what is done to it: "Israel is opposed to
# French mediation", "Serb forces were engaged in ethnic cleansing"
STATIVE_PARTICIPLES = {"oppose", "engage", "involve"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
# a participle modifying a noun is said of that noun ("a bill allowing referendums", "shelling
# targeting villages": Huddleston and Pullum 2002, ch. 14 §6.4), except after a noun of a plan or
# an attempt, whose aim is its holder's ("a strategy aiming to erode": FrameNet's Purpose,
# Attempt and Intentionally_act frames)
PLAN_NOUNS = {
    "strategy", "policy", "plan", "campaign", "effort", "attempt", "initiative", "approach", "tactic", "bid",
    "programme", "program", "course", "step", "move", "measure", "action", "project", "scheme", "agenda",
}  # fmt: skip
# "Belarus sustained its contacts with European countries seeking to benefit ...": a participle of
# seeking or trying is said of an agent with a purpose, which the parser often hangs on the
# nearest noun instead (a supplementive clause of the subject: Huddleston and Pullum 2002, ch. 14 §9)
PURPOSE_VERBS = {"seek", "try", "aim", "hope", "want", "intend", "strive", "attempt", "wish", "endeavour", "endeavor"}
# "seeks to solve problems using peacekeeping as a pretext": verbs of using take an agent as their
# subject (Levin 1993, class 105 "use verbs"), so their participle is the clause subject's act,
# not the noun's it follows
USE_VERBS = {"use", "employ", "exploit", "utilise", "utilize", "wield", "leverage"}
CONTROLLED_PREPOSITIONS = {"of", "for", "from"}
# conjuncts of result: a participle after them states what the clause before it brought about
RESULT_CONJUNCTS = {"thereby", "thus", "hence"}
RESULT_CONJUNCTS = {"thereby", "thus", "hence"}
# nouns of a directive or a permission, whose act is their recipient's (`recipient_controller`)
DIRECTIVE_NOUNS = {
    "mandate", "order", "instruction", "permission", "authorisation", "authorization", "licence", "license",
    "go-ahead", "approval", "consent", "clearance", "task", "assignment", "invitation", "request",
}  # fmt: skip
RECEIVING_VERBS = {"receive", "get", "obtain", "secure", "win", "gain", "accept", "have"}
# "in the interests of the West", "to Moscow's advantage": whom an act is good for
BENEFIT_NOUNS = {"interest", "interests", "benefit", "advantage", "favour", "favor"}
# nouns of an occasion or a means, whose infinitive is a purpose (`purpose_controller`)
OCCASION_NOUNS = {
    "event", "occasion", "opportunity", "chance", "pretext", "excuse", "platform", "instrument", "tool",
    "means", "way", "forum", "venue", "lever", "leverage", "vehicle",
}  # fmt: skip
# verbs of showing: their subject is evidence of something about an agent (`evidential_controller`)
EVIDENTIAL_VERBS = {
    "indicate", "show", "suggest", "demonstrate", "prove", "reveal", "confirm", "signal", "betray", "testify",
}  # fmt: skip
# Levin (1993) class 33, judgement verbs, as news English uses them of states
JUDGEMENT_VERBS = {
    "blame", "criticise", "criticize", "praise", "thank", "condemn", "punish", "reward", "fault", "commend",
    "censure", "denounce", "reproach", "rebuke", "penalise", "penalize", "forgive", "congratulate", "applaud",
    "sanction", "attack", "slam", "castigate",
}  # fmt: skip


def subjects_of(predicate: Token, depth: int = 0) -> list[Token]:
    """The subject heads of a predicate, inherited through control, coordination and adverbials."""
    if depth > 6:
        return []
    passive = [c for c in children(predicate) if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if passive:
        agents = [g for c in children(predicate) if c.dep_ == "agent" for g in children(c) if g.dep_ == "pobj"]
        # "Minsk is prompted to demonstrate": an agentless passive controls its complement
        return antecedents(with_conjuncts(agents or (passive if depth > 0 or is_stative(predicate) else [])))
    direct = [c for c in children(predicate) if c.dep_ in SUBJECT_DEPS]
    if direct:
        return antecedents(with_conjuncts(direct))
    if any(c.dep_ == "expl" for c in children(predicate)):
        return []  # "... and there is some dialogue": an existential's dummy subject is its own
    if predicate.pos_ == "ADJ":
        return subjects_of(predicate.head, depth + 1)
    if controller := purpose_controller(predicate, depth):
        return controller  # "regard the conference as an event to promote Minsk": they promote it
    if predicate.dep_ == "relcl" and predicate.head.pos_ in ("NOUN", "PROPN"):
        return [predicate.head]
    if predicate.dep_ == "acl" and predicate.tag_ == "VBN":
        return with_conjuncts(
            [g for c in children(predicate) if c.dep_ == "agent" for g in children(c) if g.dep_ == "pobj"]
        )
    if predicate.dep_ == "acl" and predicate.tag_ == "VBG":
        # "solve problems using X": hung on the verb's object, said of the verb's subject
        using = predicate.lemma_.lower() in USE_VERBS and predicate.head.dep_ == "dobj"
        purposeful = predicate.head.lemma_.lower() in PLAN_NOUNS or predicate.lemma_.lower() in PURPOSE_VERBS
        if not (purposeful or using):
            return [predicate.head]  # "sanctions targeting the Kremlin": the sanctions target it
        # "a strategy aiming to erode ...": the purpose is the clause subject's
        governor = _governing_verb(predicate.head)
        return subjects_of(governor, depth + 1) if governor is not None else []
    if (anchor := result_anchor(predicate)) is not None:
        return subjects_of(anchor, depth + 1)  # "Hungary raised the veto, thereby withholding 77 million euros"
    if _in_series(predicate):
        return subjects_of(predicate.head, depth + 1)  # "summoned the envoy, cancelled a visit and ..."
    if controller := object_controller(predicate):
        return controller  # "accused Moscow of jamming": the object is the gerund's subject
    if controller := recipient_controller(predicate):
        return controller  # "received a mandate to improve": the recipient improves
    if controller := evidential_controller(predicate) or beneficiary_controller(predicate):
        return controller  # "Equating X indicates that the regime ...", "Joining NATO would give Finland ..."
    if predicate.dep_ in INHERITING_DEPS or (predicate.dep_ == "pcomp" and predicate.head.dep_ == "prep"):
        head = next((t for t in predicate.ancestors if t.dep_ != "prep" and (_is_verbal(t) or t.dep_ == "ROOT")), None)
        if head is not None and _is_verbal(head):
            return subjects_of(head, depth + 1)
    return []


def _in_series(verb: Token) -> bool:
    """'Turkey summoned the envoy, cancelled a visit and condemned the event': the small parser
    leaves the middle verb of a series unlabelled (`dep`); a finite verb or participle after a
    comma, hung on another and without a subject of its own, is coordinated with it
    (coordinated clauses share their subject: Huddleston and Pullum 2002, ch. 15)."""
    head = verb.head
    return (
        verb.dep_ == "dep"
        and head.pos_ == "VERB"
        and {verb.tag_, head.tag_} <= {"VBD", "VBN", "VBZ", "VBP"}
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
    )


def _is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX", "ADJ")


def is_stative(predicate: Token) -> bool:
    return predicate.tag_ == "VBN" and predicate.lemma_.lower() in STATIVE_PARTICIPLES


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token, if any (`Token.ancestors` stops at the root)."""
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    for token in tokens:
        result.append(token)
        result.extend(t for t in token.conjuncts if t.i > token.i)
    return result


def antecedents(tokens: list[Token]) -> list[Token]:
    """Each token, or the noun its relative clause modifies (with the nouns coordinated with it:
    "Sweden and Finland, which applied") where it is a relative pronoun."""
    result: list[Token] = []
    for token in tokens:
        noun = antecedent(token)
        result.extend([token] if noun is None else with_conjuncts([noun]))
    return result


def antecedent(token: Token) -> Token | None:
    """'the ministry, which announced': the noun a relative pronoun stands for, or None."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.tag_ not in ("WDT", "WP"):
        return None
    clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = clause.head
    if token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and _disagrees(clause, noun) and noun.dep_ == "pobj":
        # "joint ventures in Azerbaijan, which manufacture trucks", "spies for the West who are
        # paid": the parser hangs the clause on the nearest noun; a present-tense verb (or its
        # auxiliary) agrees in number with its real antecedent
        above = noun.head.head
        return above if above.pos_ in ("NOUN", "PROPN") and not _disagrees(clause, above) else None
    return noun


def _disagrees(verb: Token, noun: Token) -> bool:
    """A present-tense verb and a noun of different number ("Azerbaijan ... manufacture")."""
    plural_noun = noun.tag_ in ("NNS", "NNPS")
    verb = next((c for c in children(verb) if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")), verb)
    return (verb.tag_ == "VBZ" and plural_noun) or (verb.tag_ == "VBP" and not plural_noun)


def object_controller(predicate: Token) -> list[Token]:
    """The direct object that controls a gerund complement ("accused Moscow of jamming"), or []."""
    if predicate.dep_ != "pcomp" or predicate.tag_ != "VBG":
        return []
    preposition = predicate.head
    if preposition.dep_ != "prep" or preposition.lower_ not in CONTROLLED_PREPOSITIONS:
        return []
    verb = preposition.head
    if verb.pos_ != "VERB" or (preposition.lower_ == "for" and verb.lemma_.lower() not in JUDGEMENT_VERBS):
        return []
    objects = [c for c in children(verb) if c.dep_ == "dobj" and c.i < preposition.i]
    return [t for o in objects for t in (o, *o.conjuncts)]


def recipient_controller(predicate: Token) -> list[Token]:
    """The recipient of a directive or permission noun controls its infinitive: "the ministry
    received a mandate to improve cooperation", "Kyiv got the go-ahead to strike" (Jackendoff and
    Culicover 2003, "The semantic basis of control in English", Language 79: the controller of a
    directive's or permission's act is its recipient). The recipient is the subject of a verb of
    receiving whose object the noun is, or the indirect object of a verb of giving."""
    noun = predicate.head
    if predicate.dep_ != "acl" or noun.lemma_.lower() not in DIRECTIVE_NOUNS or not _has_to(predicate):
        return []
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return []
    if verb.lemma_.lower() in RECEIVING_VERBS:
        return subjects_of(verb, 1)
    return with_conjuncts([c for c in children(verb) if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")])


def evidential_controller(predicate: Token) -> list[Token]:
    """A gerund subject of a verb of showing is controlled by the subject of what is shown:
    "Equating leaks with treason indicates that the regime takes the sanctions seriously" (Grinder
    1970, "Super Equi-NP Deletion", CLS 6: the controller of a subject gerund may sit in the
    clause its verb takes; an act shows something of its own agent)."""
    if predicate.dep_ != "csubj" or predicate.tag_ != "VBG":
        return []
    verb = predicate.head
    if verb.lemma_.lower() not in EVIDENTIAL_VERBS:
        return []
    shown = next((c for c in children(verb) if c.dep_ == "ccomp" and c.i > verb.i), None)
    subjects = [c for c in children(shown) if c.dep_ in SUBJECT_DEPS] if shown is not None else []
    return antecedents(with_conjuncts(subjects))


def result_anchor(participle: Token) -> Token | None:
    """'X told reporters that Hungary raised the veto, thereby withholding the money': a participle
    with "thereby" or "thus" states a result of the event just told (Quirk et al. 1985, A
    Comprehensive Grammar, 8.137: result conjuncts point back to the preceding clause), whichever
    clause the parser hung it on: the nearest verb before it whose subject is a noun phrase, not a
    relative pronoun. Its subject, its modality and its speaker are that verb's."""
    result = any(c.dep_ == "advmod" and c.lower_ in RESULT_CONJUNCTS for c in children(participle))
    if participle.tag_ != "VBG" or not result:
        return None
    for verb in reversed(participle.doc[sentence_of(participle).start : participle.i]):
        own = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS]
        if verb.pos_ in ("VERB", "AUX") and own:
            return verb
    return None


def purpose_controller(predicate: Token, depth: int) -> list[Token]:
    """An infinitive on a noun of occasion or means ("an event to promote Minsk", "an opportunity
    to criticise Brussels", "a pretext to deploy troops") states a purpose, and a purpose is its
    holder's: the noun's possessor, else the subject of the clause that takes the noun (Jones 1991,
    "Purpose Clauses": the controller of a purpose infinitive is the matrix agent; Huddleston and
    Pullum 2002, ch. 12, infinitival relatives with a purpose reading)."""
    noun = predicate.head
    if predicate.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in OCCASION_NOUNS or not _has_to(predicate):
        return []
    if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in children(predicate)):
        return []
    owners = [c for c in children(noun) if c.dep_ == "poss"]
    if owners:
        return antecedents(with_conjuncts(owners))
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "attr", "pobj", "oprd") or governor.pos_ not in ("VERB", "AUX"):
        return []
    return subjects_of(governor, depth + 1)


def subject_gerund(predicate: Token) -> bool:
    """A gerund clause that is its verb's subject, with no subject of its own ("Holding talks in
    Minsk would pre-empt ...")."""
    own = any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or c.dep_ == "poss" for c in children(predicate))
    first = coordination_head(predicate)  # "holding talks ... and countering the threat"
    return first.dep_ == "csubj" and predicate.tag_ == "VBG" and first.tag_ == "VBG" and not own


def arbitrary_gerund(predicate: Token) -> bool:
    """'Mixing sports and politics is unacceptable', 'deploying people to Kyiv was extremely risky':
    a subject gerund of an evaluative predicate is said of anyone (arbitrary PRO: Chomsky 1981,
    Lectures on Government and Binding; Epstein 1984, "Quantifier-PRO and the LF representation of
    PRO_arb"), and names no one's act."""
    matrix = coordination_head(predicate).head
    return matrix.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in children(matrix))


def coordination_head(token: Token) -> Token:
    """The first conjunct of the coordination a token ends, or the token itself."""
    return next((t for t in (token, *token.ancestors) if t.dep_ != "conj"), token)


def beneficiary_controller(predicate: Token) -> list[Token]:
    """The one a subject gerund's act is good or bad for controls it: "Joining NATO would give
    Finland guarantees", "Drawing Belarus into the war is in the interests of the West" (Kuno
    1975, "Super Equi-NP Deletion is a pseudo-transformation", NELS 5; Landau 2013, ch. 6: the
    controller of a non-obligatory subject gerund is the matrix clause's experiencer or
    beneficiary): an indirect object, the object of "for" or "to", the holder of the interests."""
    if not subject_gerund(predicate):
        return []
    matrix = predicate.head
    found = [c for c in children(matrix) if c.dep_ == "dative"]
    for preposition in (c for c in children(matrix) if c.dep_ == "prep"):
        for noun in (g for g in children(preposition) if g.dep_ == "pobj"):
            if preposition.lower_ in ("for", "to") and noun.pos_ in ("PROPN", "NOUN"):
                found.append(noun)
            elif noun.lemma_.lower() in BENEFIT_NOUNS:
                found += [c for c in children(noun) if c.dep_ == "poss"]
                found += [g for c in children(noun) if c.dep_ == "prep" and c.lower_ == "of" for g in children(c)]
    return antecedents(with_conjuncts([t for t in found if t.dep_ in ("dative", "pobj", "poss")]))


def borrowed_subject(predicate: Token) -> Token | None:
    """The verb whose subject a participle or infinitive on a noun takes (`recipient_controller`,
    a participle of using): the verb that takes the noun as its object."""
    noun = predicate.head
    if predicate.dep_ != "acl" or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    using = predicate.tag_ == "VBG" and predicate.lemma_.lower() in USE_VERBS
    mandated = predicate.tag_ == "VB" and noun.lemma_.lower() in DIRECTIVE_NOUNS
    return noun.head if using or mandated else None


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))


def reduced_name(token: Token, seen: Iterable[Actor]) -> Actor | None:
    """'Rasmus Paludan ... Paludan, who also has Swedish citizenship': a proper noun equal to the
    surname of exactly one person named in full earlier (news style names a person in full
    once, then by surname: AP Stylebook, "names")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    return full_name(token.text, seen)


def full_name(surname: str, seen: Iterable[Actor]) -> Actor | None:
    """The one person named in full earlier whose surname this is, if exactly one."""
    people = {a.key: a for a in seen if a.kind == "Person" and " " in a.name and a.name.rsplit(" ", 1)[1] == surname}
    return next(iter(people.values())) if len(people) == 1 else None


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def weekday_named(token: Token) -> Token:
    """'met with Syrian President Bashar Assad Tuesday': wire style drops the "on" before a weekday
    (AP Stylebook, "days of the week"), and the parser reads the name before it as a compound of the
    day; the name is the phrase's head, the day only dates the clause."""
    if token.lower_ not in WEEKDAYS:
        return token
    return next(
        (c for c in children(token) if c.dep_ == "compound" and c.i == token.i - 1 and c.pos_ == "PROPN"), token
    )
