"""CAMEO verb patterns read as PETRARCH2 reads them (words in order, prepositional phrases as
phrases), wishes for another's act coded as appeals, objects before a bare weekday, and titles
with their portfolio ("the US Secretary of State"). The sentences are written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.extract.events import load_coder
from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.extract.statements import Statement
from kg.extract.verb_patterns import Following, index_patterns, match_end, may_match, parse_pattern, positions_of
from kg.ontology import ONTOLOGY_DIR
from kg.read.briefs import Brief, Segment


def statements(text: str, date: str = "2021-06-01") -> list[Statement]:
    brief = Brief("test", Path("test.txt"), "", date, (Segment(1, "", date, text),))
    return [s for _, found in extract(load_pipeline(), [brief]) for s in found]


def first(text: str) -> tuple[str, str, str, str | None]:
    found = statements(text)[0]
    return found.subject, found.relation, found.object, found.event


def code_of(actor: object) -> str | None:
    return getattr(actor, "code", None) or getattr(getattr(actor, "acts_for", None), "code", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "( to sanctions )" is a phrase headed by the preposition: an infinitive's "to" is not it
        ("Norway agreed to lift the curfew in the north.", ("Norway", "agree", "curfew", "030")),
        ("Denmark agreed to sanctions against Syria.", ("Denmark", "agree", "sanctions", "163")),
        ("Kenya agreed to the proposal of Uganda.", ("Kenya", "agree", "proposal of Uganda", "030")),
        ("Chile agreed on the importance of the treaty.", ("Chile", "agree", "importance of treaty", "019")),
        # "lift ban ( on trade )": the ban, then the phrase on trade; "the trade ban" has them reversed
        ("Japan lifted the ban on trade with Iran.", ("Japan", "lift", "ban", "085")),
        ("Japan lifted the trade ban.", ("Japan", "lift", "trade ban", "081")),
    ],
)
def test_verb_patterns_match_in_order_and_by_phrase(text: str, expected: tuple[str, ...]) -> None:
    assert first(text) == expected


def following(text: str, verb: str) -> list[Following]:
    doc = load_pipeline()(text)
    predicate = next(t for t in doc if t.lower_ == verb)
    return [Following(frozenset((t.lower_, t.lemma_.lower())), t) for t in doc if t.i > predicate.i]


def test_a_pattern_word_out_of_order_does_not_match() -> None:
    pattern = parse_pattern("troops border", "0000")
    assert match_end(pattern, following("Chad moved troops to the border.", "moved")) is not None
    assert match_end(pattern, following("Chad moved the border troops.", "moved")) is None


def test_a_phrase_of_several_words_matches_consecutive_words() -> None:
    pattern = parse_pattern("( to cease_fire|truce )", "0000")
    assert match_end(pattern, following("Both sides agreed to a cease fire.", "agreed")) is not None
    assert match_end(pattern, following("Both sides agreed to cease the fire.", "agreed")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spain wants Morocco to reopen the border.", [("Spain", "want", "Morocco", "020")]),
        ("Germany wants Poland to accept more refugees.", [("Germany", "want", "Poland", "020")]),
        # a wish not granted: no appeal, and the wished act is no statement either
        ("Italy did not want Libya to close the port.", [("Italy", "want", "Libya", None)]),
        # no one is asked
        ("Ukraine wished the negotiations to fail.", [("Ukraine", "wish", "negotiations", None)]),
    ],
)
def test_a_wish_for_another_actors_act_is_an_appeal_to_it(text: str, expected: list[tuple[str, ...]]) -> None:
    assert [(s.subject, s.relation, s.object, s.event) for s in statements(text)] == expected


def test_wanting_to_act_oneself_is_still_an_intent() -> None:
    assert first("Greece wants to accept more refugees.") == ("Greece", "accept", "refugees", "0333")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Argentine foreign minister met with President Gabriel Boric Thursday.", "Gabriel Boric"),
        ("Peru's defence minister visited Brazilian President Lula da Silva Wednesday in Brasilia.", "Lula da Silva"),
        ("The Polish president met Angela Merkel Friday in Berlin.", "Angela Merkel"),
    ],
)
def test_a_name_before_a_bare_weekday_is_the_object(text: str, expected: str) -> None:
    assert statements(text)[0].object == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The US Secretary of Defense visited Estonia.", "USA"),
        ("The US Secretary of State met the Israeli prime minister.", "USA"),
        ("The Italian Minister of the Interior criticised Tunisia.", "ITAGOV"),
    ],
)
def test_a_title_with_its_portfolio_acts_for_the_state_named(text: str, code: str) -> None:
    assert code_of(statements(text)[0].subject_actor) == code


def test_a_person_named_after_a_title_is_no_portfolio() -> None:
    found = statements("A Chilean delegation headed by Navy Chief of Staff Ramon Ortiz Vega visited Lima.")
    assert all(s.subject != "Navy Chief" for s in found)


def _scanned_end(words: list[frozenset[str]], following: list[Following]) -> int | None:
    """Where a pattern without prepositional phrases ends, found by scanning every place for
    every alternative in turn (what `match_end` did before it looked words up)."""
    start, end = 0, -1
    for alternatives in words:
        found = next(
            (
                at + len(alternative.split()) - 1
                for at in range(start, len(following))
                for alternative in alternatives
                if at + len(alternative.split()) <= len(following)
                and all(part in following[at + k].forms for k, part in enumerate(alternative.split()))
            ),
            None,
        )
        if found is None:
            return None
        start, end = found + 1, found
    return end


def test_looked_up_pattern_words_end_where_a_scan_ends() -> None:
    rng = random.Random(18)
    vocabulary = ["cease", "fire", "aid", "send", "troops", "to", "a"]
    for _ in range(3000):
        forms = [frozenset(rng.sample(vocabulary, rng.randint(1, 2))) for _ in range(rng.randint(0, 9))]
        following = [Following(word, None) for word in forms]  # type: ignore[arg-type]  # no phrase: no token read
        text = " ".join(
            "|".join(rng.choice(["cease fire", "fire", *vocabulary]) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 3))
        )
        pattern = parse_pattern(text, "000")
        assert match_end(pattern, following) == _scanned_end(list(pattern.words), following), (text, forms)


def test_a_pattern_ruled_out_by_its_first_words_does_not_match() -> None:
    rng = random.Random(19)
    vocabulary = ["cease", "fire", "aid", "send", "troops", "to", "a"]
    ruled_out = 0
    for _ in range(3000):
        forms = [frozenset(rng.sample(vocabulary, rng.randint(1, 2))) for _ in range(rng.randint(0, 9))]
        following = [Following(word, None) for word in forms]  # type: ignore[arg-type]  # no phrase: no token read
        text = " ".join(
            "|".join(rng.choice(["cease_fire", "fire", "_", *vocabulary]) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 3))
        )
        pattern = parse_pattern(text, "000")
        if not may_match(pattern, positions_of(following)):
            ruled_out += 1
            assert match_end(pattern, following) is None, (text, forms)
    assert ruled_out > 500


@pytest.mark.parametrize("words", ["cease|cease_fire", "cease_fire|cease"])
def test_of_alternatives_standing_at_one_place_the_longest_ends_the_match(words: str) -> None:
    """'cease' and 'cease fire' both stand at 'cease': the match ends after 'fire' whatever the
    order of the alternatives (a set's order changes from one process to the next)."""
    words_after = following("Both sides agreed to cease fire at dawn.", "agreed")
    end = match_end(parse_pattern(f"{words} dawn", "0000"), words_after)
    longest = match_end(parse_pattern(f"{words}", "0000"), words_after)
    assert end is not None and longest is not None
    assert words_after[longest].token.text == "fire"


def test_the_index_of_a_verbs_patterns_leaves_out_only_what_may_match_rules_out() -> None:
    """`PatternIndex.plausible` gives, in their order, every pattern `may_match` lets through."""
    rng = random.Random(7)
    vocabulary = ["to", "the", "aid", "talks", "with", "peace", "cease", "fire", "troops", "send"]
    patterns = [parse_pattern(" ".join(rng.sample(vocabulary, rng.randint(0, 3))), str(n)) for n in range(200)]
    index = index_patterns(patterns)
    for _ in range(300):
        following = [Following(frozenset({w}), None) for w in rng.sample(vocabulary, rng.randint(0, 5))]  # type: ignore[arg-type]
        positions = positions_of(following)
        kept = index.plausible(positions)
        assert [p for p in patterns if may_match(p, positions)] == [p for p in kept if may_match(p, positions)]
        assert all(p in kept for p in patterns if may_match(p, positions))


def test_a_verbs_patterns_are_parsed_when_it_is_first_coded() -> None:
    """The coder holds the tables' rows (`kg.extract.events.EventCoder`) and parses a verb's the
    first time a statement of that verb is coded, in the tables' order."""
    coder = load_coder(ONTOLOGY_DIR)
    assert len(coder.patterns) > 1000 and all(isinstance(row, tuple) for row in coder.patterns["send"])
    doc = load_pipeline()("Norway sent peacekeepers to the border.")
    predicate = next(t for t in doc if t.lower_ == "sent")
    coder.indexes.pop("send", None)
    found = coder.pattern("send", predicate)
    assert found is not None and found.code == "074"
    assert coder.indexes["send"].patterns == tuple(parse_pattern(w, c) for w, c in coder.patterns["send"])
