"""Rule-based coreference: pronouns and definite descriptions to the most salient actor.

A simplified Lappin and Leass (1994) salience model: every actor mention in the segment gets a
score from its recency (halved per sentence of distance, as in their model) and its
grammatical role (subjects weigh more than objects, which weigh more than other mentions).
A pronoun or description takes the highest-scoring *compatible* antecedent that precedes it:
"he"/"she" need a person, "it"/"its" a state or organisation, "they"/"their" any non-person
actor; "the president"/"the minister" need a person whose role names that title; "the
authorities"/"the regime" need a state; "the foreign ministry" becomes that body of the most
salient state. Nothing compatible within the window gives None: no statement rather than a
wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.actors import mention_at
from kg.extract.parse_index import children
from kg.extract.statements import Actor
from kg.extract.token_table import token_table
from kg.identifiers import slug

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
ROLE_WEIGHT = {"subject": 80, "object": 50, "other": 30}
MAX_SENTENCE_DISTANCE = 4
COMPLEMENT_DEPS = ("dobj", "ccomp", "xcomp", "attr", "acomp")
# "this country", "that state": a demonstrative points back to a state named before (Lappin and
# Leass treat definite descriptions as anaphors of the most salient compatible antecedent)
STATE_NOUNS = {"country", "state", "nation", "republic"}


@dataclass(frozen=True)
class Salient:
    actor: Actor
    sentence: int
    token: int
    weight: int
    plural: bool  # mentioned by a plural noun: "the Americans", "NATO members"


class SalienceModel:
    """The actors seen so far in one segment, with their salience factors."""

    def __init__(self) -> None:
        self.seen: list[Salient] = []
        self._pair: tuple[int, list[Actor]] = (-99, [])
        self._coordinated: list[tuple[int, list[Actor]]] = []  # coordinated subjects, in text order
        self._authors: tuple[int, list[Actor]] = (-99, [])
        self._named_pairs: list[tuple[int, int, list[Actor]]] = []  # (sentence, last token, the two)

    def pair(self, sentence: int, actors: list[Actor]) -> None:
        """Remember the last clause with two parties: "Belarus and the US discussed ...",
        "Lukashenka received Eyyubov": the antecedent of "both parties", "they"."""
        unique = list({a.key: a for a in actors}.values())
        if len(unique) == 2:
            self._pair = (sentence, unique)

    def authored(self, sentence: int, authors: list[Actor]) -> None:
        """Remember who issued, tabled or adopted the last document named: the author that "the
        text", "the statement" stand for later."""
        if authors:
            self._authors = (sentence, authors)

    def recent_authors(self, sentence: int, window: int) -> list[Actor]:
        number, actors = self._authors
        return actors if 0 <= sentence - number <= window else []

    def named_pair(self, sentence: int, token: int, actors: list[Actor]) -> None:
        """Remember two actors coordinated in one noun phrase ("the rhetoric in Belarus and
        Ukraine", "relations between Minsk and Kyiv"), ending at `token`. A place stands for its
        state, as the GUIDELINE's metonymy reads a capital ("Kyiv" -> Ukraine)."""
        states = [a.acts_for if a.kind == "Place" and a.acts_for is not None else a for a in actors]
        unique = list({a.key: a for a in states}.values())
        if len(unique) == 2:
            self._named_pairs.append((sentence, token, unique))

    def recent_pair(self, sentence: int, window: int, before: int | None = None) -> list[Actor]:
        """The last two parties named before a phrase: named together in a noun phrase ("Despite
        the rhetoric in Belarus and Ukraine, both sides ..."; "Relations between Minsk and Kyiv are
        tense. Both sides ...") or in a clause with two parties, within `window` sentences before
        it or earlier in its own sentence; of both, the nearer, as Lappin and Leass weigh recency.
        Without `before` (for "they"), only a clause's two parties."""
        number, actors = self._pair
        clause_pair = (number, actors) if 0 < sentence - number <= window else (-99, [])
        if before is None:
            return clause_pair[1]  # "they" may be anything plural the phrase named ("the talks between ...")
        named = [
            (at, pair)
            for at, end, pair in self._named_pairs
            if 0 <= sentence - at <= window and (at < sentence or end < before)
        ]
        if named and named[-1][0] > clause_pair[0]:
            return named[-1][1]
        return clause_pair[1]

    def coordinated(self, sentence: int, subjects: list[Actor]) -> None:
        """Remember coordinated subjects ("Sweden and Finland applied ..."): whom a quoted "you"
        may address."""
        unique = list({a.key: a for a in subjects}.values())
        if len(unique) > 1:
            self._coordinated.append((sentence, unique))

    def addressed(self, before: int, sentence: int, exclude: set[str], window: int) -> list[Actor]:
        """The actors a quoted "you" addresses (`kg.extract.addressees`): the last coordinated
        subjects none of which is excluded (within `window` sentences), else the most salient
        state or organisation that is not excluded."""
        for number, pair in reversed(self._coordinated):
            if sentence - number > window:
                break
            if not any(a.key in exclude for a in pair):
                return pair
        found = self._best(before, sentence, lambda a: a.kind in ("Country", "Organisation") and a.key not in exclude)
        return [found] if found else []

    def refer(self, token: Token, actors: list[Actor], sentence: int) -> None:
        """A pronoun or description resolved to one actor is a mention of it: Lappin and Leass
        (1994) score an equivalence class by all its mentions, so "he said" keeps its speaker
        salient for the next "he" when no name was repeated."""
        named = mention_at(token) is not None
        if len(actors) == 1 and not named and not any(item.token == token.i for item in self.seen):
            self.observe(actors[0], token, sentence)

    def observe(self, actor: Actor, token: Token, sentence: int) -> None:
        role = (
            "subject"
            if token.dep_ in ("nsubj", "nsubjpass")
            else "object"
            if token.dep_ in ("dobj", "pobj")
            else "other"
        )
        self.seen.append(Salient(actor, sentence, token.i, ROLE_WEIGHT[role], token.tag_ in ("NNS", "NNPS")))

    def _best(
        self, before: int, sentence: int, compatible, plural: bool = False, bound: frozenset[int] = frozenset()
    ) -> Actor | None:
        scored: dict[str, tuple[float, Actor]] = {}
        for item in self.seen:
            if plural and not item.plural:
                continue
            distance = sentence - item.sentence
            if item.token >= before or distance > MAX_SENTENCE_DISTANCE or not compatible(item.actor):
                continue
            if item.token in bound:
                continue
            score = item.weight / (1 + distance)
            previous = scored.get(item.actor.key, (0.0, item.actor))[0]
            scored[item.actor.key] = (previous + score, item.actor)
        if not scored:
            return None
        return max(scored.values(), key=lambda pair: pair[0])[1]

    def discourse_agent(self, before: int, sentence: int, exclude: set[str]) -> Actor | None:
        """The state or organisation the discourse is about before a token, but for the excluded
        ones: the first subject of the nearest sentence with such a subject (the preferred centre
        of the utterance before, Grosz, Joshi and Weinstein 1995, "Centering", which ranks subjects
        first). Whom an agentless passive of referring or a subject gerund leaves implicit
        (`kg.extract.implicit_passives`)."""
        subjects = [
            item
            for item in self.seen
            if item.weight == ROLE_WEIGHT["subject"]
            and item.token < before
            and 0 <= sentence - item.sentence <= MAX_SENTENCE_DISTANCE
            and item.actor.kind in ("Country", "Organisation")
            and item.actor.key not in exclude
        ]
        if not subjects:
            return None
        nearest = max(item.sentence for item in subjects)
        return min((item for item in subjects if item.sentence == nearest), key=lambda item: item.token).actor

    def observe_subject(self, actor: Actor, token: int, sentence: int) -> None:
        """An implicit subject the discourse gave: a subject mention where its clause stands."""
        self.seen.append(Salient(actor, sentence, token, ROLE_WEIGHT["subject"], False))

    def resolve_pronoun(self, token: Token, sentence: int) -> Actor | None:
        word = token.lower_
        if _pleonastic(token):
            return None
        bound = _c_commanded(token)
        if word in PERSON_PRONOUNS:
            return self._best(token.i, sentence, lambda a: a.kind == "Person", bound=bound)
        if word in THING_PRONOUNS:
            return self._best(token.i, sentence, lambda a: a.kind in ("Country", "Organisation"), bound=bound)
        if word in PLURAL_PRONOUNS:  # number agreement first: "... without the Americans", so "they must"
            return self._best(token.i, sentence, _not_person, plural=True, bound=bound) or self._best(
                token.i, sentence, _not_person, bound=bound
            )
        return None

    def resolve_description(
        self, token: Token, sentence: int, designators: frozenset[str], titles: frozenset[str]
    ) -> Actor | None:
        """'the president', 'the authorities': a definite noun phrase without a name."""
        if not any(child.lower_ in ("the", "this", "these") for child in children(token)):
            return None
        noun = token.lemma_.lower()
        if noun in titles:
            # a person titled so in the text, else a person the vocabulary knows (its people carry a
            # code, no title): a name only the tagger found may be no person at all ("the LoC")
            titled = self._best(token.i, sentence, lambda a: a.kind == "Person" and noun in (a.role or "").lower())
            return titled or self._best(token.i, sentence, lambda a: a.kind == "Person" and not a.role and bool(a.code))
        if noun in designators or token.lower_ in designators:
            return self._best(token.i, sentence, lambda a: a.kind == "Country")
        return None

    def resolve_state_description(self, token: Token, sentence: int, exclude: set[str]) -> Actor | None:
        """'Russia seeks to swallow this country': the most salient state before the phrase that is
        not the clause's own subject (a description is not bound in its clause: Chomsky 1981,
        binding principle C; coreference with the subject takes a reflexive)."""
        if token.lemma_.lower() not in STATE_NOUNS:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in children(token)):
            return None
        return self._best(token.i, sentence, lambda a: a.kind == "Country" and a.key not in exclude)


def _pleonastic(pronoun: Token) -> bool:
    """'It is stated that ...', 'it is likely that ...', 'it seems that ...': an "it" that refers to
    nothing but the clause after it (Lappin and Leass 1994, their pleonastic pronoun patterns: a
    passive cognitive verb, a modal adjective or "seem"/"appear" with a that- or to-clause)."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = pronoun.head
    clause = [c for c in children(head) if c.dep_ in ("ccomp", "xcomp") and c.i > pronoun.i]
    if pronoun.dep_ == "nsubjpass" or head.lemma_ in ("seem", "appear"):
        return bool(clause)
    complements = [c for c in children(head) if c.dep_ == "acomp"]
    return head.lemma_ == "be" and any(c.dep_ == "ccomp" for a in complements for c in children(a))


def _c_commanded(pronoun: Token) -> frozenset[int]:
    """The tokens a subject pronoun c-commands: its clause. Binding Principle C (Chomsky 1981,
    Lectures on Government and Binding; Reinhart 1983): a name is never coreferent with a pronoun
    that c-commands it, so "..., she said" is not someone named in what she said, nor "he" in
    "Commenting on Kirill's case, he said" Kirill (the participle's own subject is "he"). A finite
    adverbial clause before the subject is outside its reach (Reinhart: "If Russia captured the
    gap, it would ..." is Russia), and a possessive or object pronoun binds nothing here. A comment
    clause the parse hung on its host ("Russia, she said, will ...": Quirk et al. 1985, 15.54)
    c-commands the host."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return frozenset()
    clause = pronoun.head
    if clause.dep_ == "parataxis" and not any(c.dep_ in COMPLEMENT_DEPS for c in children(clause)):
        clause = clause.head  # a comment clause ("..., she said, ...") takes its host as complement
    table = token_table(pronoun.doc)
    free = {
        t
        for child in children(clause)
        if child.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(child))
        for t in table.subtree(child.i)
    }
    return frozenset(t for t in table.subtree(clause.i) if t not in free)


def office_holder(token: Token, titles: frozenset[str]) -> Actor | None:
    """'The Foreign Secretary stressed ...' with no one so titled or named before: a definite
    description of an office refers to its unique holder (Russell 1905; Löbner 1985, functional
    nouns), a person named by the title, as `_in_office` names an office without a known holder.
    Only a title that names one office ("Foreign Secretary", "Prime Minister") does: "the
    spokesman" or "the minister" alone names none."""
    if token.lemma_.lower() not in titles or not any(c.lower_ == "the" for c in children(token)):
        return None
    words = [t for t in token.lefts if t.dep_ == "compound"] + [token]
    if len(words) < 2:
        return None
    name = " ".join(t.text for t in words)
    return Actor(f"actor/{slug(name)}", name, "Person", role=name)


def _not_person(actor: Actor) -> bool:
    return actor.kind != "Person"
