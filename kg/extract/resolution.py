"""Who a noun phrase names or refers to: an actor mention, a pronoun or a description resolved by
the salience model (`kg.extract.coref`), a group ("NATO representatives"), the members a group
noun enumerates, a person described by a title, a document's author, a pair ("both parties").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.actors import demonym_of, mention_at
from kg.extract.coref import SalienceModel, office_holder
from kg.extract.counterparts import counterpart
from kg.extract.groups import agent_noun, group_actor, groups_named, named_by_apposition
from kg.extract.members import enumerated
from kg.extract.parse_index import children
from kg.extract.statements import Actor
from kg.extract.subjects import full_name, reduced_name, subjects_of
from kg.extract.token_table import token_table
from kg.extract.vocabulary import Vocabulary

MAX_AUTHOR_DISTANCE = 3  # sentences over which "the text" still stands for the last document's author
PAIR_NOUNS = {"party", "side", "parties", "sides"}
PAIR_COUNT_NOUNS = {"country", "countries", "state", "states", "nation", "nations"}  # with "both"/"two"


class ActorResolver:
    """Resolves noun phrase heads to actors with the vocabulary's lexicon."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def _portfolio(self, token: Token) -> bool:
        """What a title holds office over, as the agent table names it ("Secretary of State",
        "Minister of Foreign Affairs"), not a person the title names ("Chief of Staff Aleh ...")."""
        if token.dep_ != "pobj":
            return False
        table = token_table(token.doc)
        words = [table.lower[t] for t in table.subtree(token.i) if table.dep[t] != "det"]
        return " ".join(words) in self.vocabulary.portfolios

    def actors(self, token: Token, sentence: int, salience: SalienceModel) -> list[Actor]:
        """The actors a noun phrase head names or refers to (two for "both parties")."""
        if token.pos_ == "ADJ" and demonym_of(token) in self.vocabulary.actors:
            return [self.vocabulary.actors[demonym_of(token)].actor]  # "the Russian invasion": Russia's
        mention = mention_at(token)
        if mention is not None:  # "The US, Russia, and Switzerland": a list the parser read as an apposition
            listed = [
                a
                for c in children(token)
                if c.dep_ == "appos" and any(x.dep_ == "cc" for x in children(c))
                for t in (c, *c.conjuncts)
                if (a := mentioned(t))
            ]
            if not listed and (person := _named_in_apposition(token, mention.actor, self.vocabulary.titles)):
                return [person]  # "The Latvian foreign minister, Edgars Rinkevics, criticised"
            return [in_full(mention.actor, salience, mention.start), *listed]
        lemma = token.lemma_.lower()
        pair_noun = (lemma in PAIR_NOUNS and any(c.lower_ in ("both", "the", "two") for c in children(token))) or (
            lemma in PAIR_COUNT_NOUNS and any(c.lower_ in ("both", "two") for c in children(token))
        )
        plural_pronoun = token.lower_ in ("they", "them") and bool(salience.recent_pair(sentence, 1))
        if lemma in self.vocabulary.designators or token.lower_ in self.vocabulary.designators:
            states = [demonym_of(t) for m in token.lefts for t in (m, *m.conjuncts) if demonym_of(t)]
            named = [self.vocabulary.actors[state].actor for state in dict.fromkeys(states)]
            if named:
                return named  # "the Turkish and Greek sides", "the Russian and Belarusian authorities"
        if (pair_noun or plural_pronoun) and (
            pair := salience.recent_pair(sentence, 2, token.i if pair_noun else None)
        ):
            return _principals(pair) if pair_noun else pair
        if token.pos_ == "PRON":
            found = salience.resolve_pronoun(token, sentence)
            return [found] if found else []
        listed = [a for t in enumerated(token) if (a := mentioned(t))]
        if listed:
            return listed  # "eight countries (Belarus, Russia, Armenia ...)", "countries including Jordan"
        of = [t for c in children(token) if c.dep_ == "prep" and c.lower_ == "of" for t in children(c)]
        if token.lemma_.lower() in self.vocabulary.titles:
            named = [
                a
                for c in children(token)
                if c.dep_ == "prep" and c.lower_ == "of"
                for t in children(c)
                if (a := mentioned(t)) and a.kind == "Person"
            ]
            if named:
                return named  # "Chief of General Staff Aleh Balakoneu"
            if (appositive := _named_in_apposition(token, None, self.vocabulary.titles)) is not None:
                return [appositive]  # "The minister, Edgars Rinkevics, said"
            if all(self._portfolio(t) for t in of) and (
                described := groups_named(token, self.vocabulary, placed=False)
            ):
                return described  # "Cairo's security chief", "the Iraqi leader", "the US Secretary of State"
        if (token.lower_ in self.vocabulary.partitives or token.pos_ == "NUM") and of:
            return [a for t in of if t.dep_ == "pobj" for a in self.actors(t, sentence, salience)]
        if token.lower_ in self.vocabulary.group_nouns:
            return groups_named(token, self.vocabulary)
        if (agent_word := agent_noun(token, self.vocabulary.agent_nouns)) is not None:
            if groups := groups_named(token, self.vocabulary):
                return groups  # "Palestinian youths", "Israeli army bulldozers"
            owners = [
                o
                for c in children(token)
                if c.dep_ == "poss" and c.pos_ == "PRON"
                for o in self.actors(c, sentence, salience)
            ]
            if owners:  # "Bosnian Serbs said their forces had completed ...": the forces of the Serbs
                code = self.vocabulary.agent_nouns[agent_word]
                return [group_actor(f"{token.text} of {owner.name}", owner, code) for owner in owners]
        if (peer := counterpart(token, self.vocabulary, lambda t: self.actors(t, sentence, salience))) is not None:
            return [peer]  # "Nausėda and his Latvian counterpart"
        people = token.tag_ == "NNS" and token.lemma_.lower() in self.vocabulary.person_nouns
        if people and (groups := groups_named(token, self.vocabulary)):
            return groups  # "Chinese analysts", "spies from Belarus": people an actor names (WordNet noun.person)
        if token.lemma_.lower() in self.vocabulary.documents:
            return self.authors(token, sentence, salience)
        found = salience.resolve_description(token, sentence, self.vocabulary.designators, self.vocabulary.titles)
        if found is None and token.pos_ == "PROPN":
            found = named_by_apposition(token, self.vocabulary.titles)
        if found is None:  # "Paludan, who ..." after "Rasmus Paludan"
            found = reduced_name(token, (item.actor for item in salience.seen if item.token < token.i))
        if found is None:
            found = office_holder(token, self.vocabulary.titles)
        return [found] if found else []

    def authors(self, document: Token, sentence: int, salience: SalienceModel) -> list[Actor]:
        """The actors a document stands for (the lexicon's `kg:documents`): its maker named by a
        "by" phrase ("the draft tabled by Ukraine"), a possessor ("Ukraine's draft") or the subject
        of the verb that issues it ("the General Staff issued a statement that deems ..."); else, for
        "the text", "the statement", the author of the document named last."""
        makers = [
            g
            for c in children(document)
            if c.dep_ == "acl"
            for agent in children(c)
            if agent.dep_ == "agent"
            for g in children(agent)
            if g.dep_ == "pobj"
        ] + [c for c in children(document) if c.dep_ == "poss"]
        if not makers and document.dep_ == "dobj" and document.head.pos_ == "VERB":
            makers = subjects_of(document.head)
        found = [a for t in makers if t.i != document.i for a in self.actors(t, sentence, salience)]
        if found or not any(c.lower_ in ("the", "this", "that") for c in children(document)):
            return found
        return salience.recent_authors(sentence, MAX_AUTHOR_DISTANCE)


def _named_in_apposition(token: Token, described: Actor | None, titles: frozenset[str]) -> Actor | None:
    """'The Latvian foreign minister, Edgars Rinkevics, ...': a person described by a title whose
    name follows in apposition is the person named (an appositive identifies the head's referent:
    Huddleston and Pullum 2002, ch. 15 §5; UD `appos`). The small model often tags such a name
    ORG; after a title it is a person's."""
    if token.lemma_.lower() not in titles:
        return None
    for child in children(token):
        named = mentioned(child) if child.dep_ == "appos" and child.pos_ == "PROPN" else None
        if named is not None and named.kind in ("Person", "Organisation"):
            acts_for = named.acts_for or (described.acts_for if described else None)
            return replace(named, kind="Person", acts_for=acts_for, role=named.role or token.text)
    return None


def in_full(actor: Actor, salience: SalienceModel, before: int) -> Actor:
    """A person named by the surname alone ("Lund" after "Rasmus Lund") is the person named in full,
    with the title this mention gives ("Minister Szijjarto": "the minister" may refer to him later)."""
    if actor.kind != "Person" or " " in actor.name:
        return actor
    full = full_name(actor.name, (i.actor for i in salience.seen if i.token < before))
    if full is None:
        return actor
    return replace(full, role=full.role or actor.role)


def mentioned(token: Token) -> Actor | None:
    mention = mention_at(token)
    return mention.actor if mention is not None else None


def _principals(pair: list[Actor]) -> list[Actor]:
    """'Both sides', 'the parties': the principals of the pair last named, a group standing for
    the state it acts for ("Minsk reported 17,000 Ukrainian servicemen ... Both sides": Belarus
    and Ukraine); a side or party is a principal of a dispute, as CAMEO codes the state for its
    forces (Manual 1.1b3, ch. 3)."""
    principals = [a.acts_for if a.kind == "Group" and a.acts_for is not None else a for a in pair]
    return list({a.key: a for a in principals}.values()) if len({a.key for a in principals}) == 2 else pair
