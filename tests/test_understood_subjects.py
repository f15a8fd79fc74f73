"""Subjects that control understood elsewhere in the sentence (`kg.extract.subjects`,
`kg.extract.control`, `kg.extract.clauses`), on sentences written for these tests: the recipient
of a mandate, the agent a gerund subject gives evidence of, the subject of a copular adverbial,
"have to" and "need to", a verb of ceasing and what it presupposes, purpose infinitives on nouns
of occasion, participles of using."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_nominal_events import HEADER, triples  # one-sentence briefs through the extractor

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.read.briefs import parse_brief


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def statements(nlp: Language, sentence: str) -> list[tuple[str, str, str, str, str]]:
    brief = parse_brief("t", HEADER + sentence)
    [(_, found)] = list(extract(nlp, [brief]))
    return sorted((s.subject, s.relation, s.object, s.polarity, s.modality) for s in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Serbian defence ministry received a mandate from parliament to modernise the air force.",
            ("Serbian Defence ministry", "modernise", "air force"),
        ),
        ("Kyiv got the go-ahead from Washington to strike targets inside Russia.", ("Ukraine", "strike", "targets")),
        (
            "Azerbaijan quickly obtained permission to use Turkish airspace for the flights.",
            ("Azerbaijan", "use", "Turkish airspace"),
        ),
        (
            "Lithuania won approval from the European Commission to build a fence along the border.",
            ("Lithuania", "build", "fence"),
        ),
        ("Armenia accepted an invitation to attend the summit in Moscow.", ("Armenia", "attend", "summit")),
    ],
)
def test_the_recipient_of_a_mandate_does_what_it_allows(nlp: Language, sentence: str, expected: tuple) -> None:
    assert expected in triples(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Shelling the villages every night shows that Azerbaijan rejects the ceasefire.",
            [("Azerbaijan", "reject", "ceasefire"), ("Azerbaijan", "shell", "villages")],
        ),
        (
            "Expelling the diplomats indicates that Moscow wants a confrontation with London.",
            [("Russia", "expel", "diplomats"), ("Russia", "want", "confrontation")],
        ),
        (
            "Blocking the aid package suggests that Budapest opposes the war effort.",
            [("Hungary", "block", "aid package"), ("Hungary", "oppose", "war effort")],
        ),
        (
            "Closing the border demonstrates that Lithuania fears a provocation.",
            [("Lithuania", "close", "border"), ("Lithuania", "fear", "provocation")],
        ),
        (
            "Cutting gas supplies proves that Russia uses energy as a weapon.",
            [("Russia", "cut", "gas supplies"), ("Russia", "use", "energy")],
        ),
    ],
)
def test_a_gerund_subject_is_the_act_of_whom_it_shows_something(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Despite being a member of NATO, Turkey bought Russian air defence systems.",
            [("Turkey", "be", "member of NATO"), ("Turkey", "buy", "Russian air defence systems")],
        ),
        (
            "Though being Moscow's closest partner, Kazakhstan refused to recognise the occupied regions.",
            [("Kazakhstan", "be", "closest partner"), ("Kazakhstan", "refuse", "occupied regions")],
        ),
        (
            "After being the chair of the council, Slovakia became a critic of the sanctions.",
            [("Slovakia", "be", "chair of council"), ("Slovakia", "become", "critic of sanctions")],
        ),
        (
            "Being a neutral country, Switzerland hosted the peace summit.",
            [("Switzerland", "be", "neutral country"), ("Switzerland", "host", "peace summit")],
        ),
        (
            "As well as being an ally of Russia, Belarus is a member of the CSTO.",
            [("Belarus", "be", "ally of Russia"), ("Belarus", "be", "member of CSTO")],
        ),
    ],
)
def test_a_copular_adverbial_is_said_of_the_subject(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hungary will have to lift its veto on the aid package.",
            [("Hungary", "lift", "veto", "positive", "intended")],
        ),
        (
            "Moldova needs to strengthen its air defences.",
            [("Moldova", "strengthen", "air defences", "positive", "intended")],
        ),
        ("Georgia had to postpone the elections.", [("Georgia", "postpone", "elections", "positive", "intended")]),
        (
            "Poland does not have to accept the relocation quotas.",
            [("Poland", "accept", "relocation quotas", "negative", "intended")],
        ),
        ("Serbia needs Russian gas for the winter.", [("Serbia", "need", "Russian gas", "positive", "asserted")]),
    ],
)
def test_have_to_and_need_to_hand_the_clause_to_the_infinitive(nlp: Language, sentence: str, expected: list) -> None:
    assert statements(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "If Russia stops shelling the port, Ukraine will resume exports.",
            [
                ("Russia", "shell", "port", "positive", "asserted"),
                ("Russia", "stop", "port", "positive", "possible"),
                ("Ukraine", "resume", "exports", "positive", "possible"),
            ],
        ),
        (
            "Turkey has not stopped buying Russian oil.",
            [
                ("Turkey", "buy", "Russian oil", "positive", "asserted"),
                ("Turkey", "stop", "Russian oil", "negative", "asserted"),
            ],
        ),
        (
            "Hungary ceased blocking the sanctions package in December.",
            [
                ("Hungary", "block", "sanctions package", "positive", "asserted"),
                ("Hungary", "cease", "sanctions package", "positive", "asserted"),
            ],
        ),
        (  # no gerund: nothing presupposed beyond the stop itself
            "Armenia stopped the talks with Azerbaijan.",
            [("Armenia", "stop", "talks", "positive", "asserted")],
        ),
    ],
)
def test_a_verb_of_ceasing_presupposes_its_gerund(nlp: Language, sentence: str, expected: list) -> None:
    assert statements(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hungary used the summit as an opportunity to criticise Brussels.",
            [
                ("Hungary", "criticise", "European Union", "positive", "intended"),
                ("Hungary", "use", "summit", "positive", "asserted"),
            ],
        ),
        (
            "Kazakhstan sees the forum as a platform to attract foreign investment.",
            [
                ("Kazakhstan", "attract", "foreign investment", "positive", "intended"),
                ("Kazakhstan", "see", "forum", "positive", "asserted"),
            ],
        ),
        (
            "Azerbaijan used the ceasefire as a pretext to seize the corridor.",
            [
                ("Azerbaijan", "seize", "corridor", "positive", "intended"),
                ("Azerbaijan", "use", "ceasefire", "positive", "asserted"),
            ],
        ),
        (
            "Russia sees the crisis as a pretext to deploy troops in Belarus.",
            [
                ("Russia", "deploy", "troops", "positive", "intended"),
                ("Russia", "see", "crisis", "positive", "asserted"),
            ],
        ),
        (
            "Serbia regards the arms fair as a way to promote its defence industry.",
            [
                ("Serbia", "promote", "defence industry", "positive", "intended"),
                ("Serbia", "regard", "arms", "positive", "asserted"),
            ],
        ),
    ],
)
def test_a_purpose_infinitive_on_a_noun_of_occasion_is_the_subjects(
    nlp: Language, sentence: str, expected: list
) -> None:
    assert statements(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Armenian forces shelled the villages using heavy artillery.",
            [("Armenian forces", "shell", "villages"), ("Armenian forces", "use", "heavy artillery")],
        ),
        (
            "Russia fights a war of attrition using drones and artillery.",
            [("Russia", "fight", "war of attrition"), ("Russia", "use", "artillery"), ("Russia", "use", "drones")],
        ),
    ],
)
def test_a_participle_of_using_is_the_agents(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Sending more troops to the region means that NATO must respond.",  # no verb of showing: nobody's gerund
        "The new sanctions are a tool to weaken the Russian economy.",  # no actor holds the purpose
        "The government gave the army an order to secure the northern border.",  # no actor named
        "Despite being a frequent visitor, the envoy was refused entry.",  # nobody the parse names
        "The border closure, using barbed wire, angered residents.",  # no actor uses it
    ],
)
def test_no_understood_subject(nlp: Language, sentence: str) -> None:
    assert triples(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Serbia signed the gas deal with Russia, thus securing supplies for the winter.",
            [("Serbia", "secure", "supplies"), ("Serbia", "sign", "gas deal")],
        ),
        (
            "Turkey closed the straits to warships, thereby blocking the Russian fleet in the Black Sea.",
            [("Turkey", "block", "Russian fleet"), ("Turkey", "close", "straits")],
        ),
        (
            "The spokesman told reporters in Warsaw that Poland had closed the border, thereby cutting off the main "
            "trade route.",
            [("Poland", "close", "border"), ("Poland", "cut off", "main trade route")],
        ),
        (
            "Hungary vetoed the package last week, thereby delaying aid to Ukraine for months.",
            [("Hungary", "delay", "aid"), ("Hungary", "veto", "package")],
        ),
        (
            "Lithuania expelled the Russian ambassador, thus downgrading relations with Moscow.",
            [("Lithuania", "downgrade", "relations"), ("Lithuania", "expel", "Russian ambassador")],
        ),
    ],
)
def test_a_result_participle_is_done_by_the_subject_of_the_clause_before(
    nlp: Language, sentence: str, expected: list
) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Drawing Belarus into the war is in the interests of the West.", [("the West", "draw", "Belarus")]),
        ("Joining NATO would give Finland strong security guarantees.", [("Finland", "join", "NATO")]),
        (
            "Recognising the breakaway regions would bring Belarus new Western sanctions.",
            [("Belarus", "recognise", "breakaway regions")],
        ),
        ("Lifting the arms embargo is clearly in Serbia's interest.", [("Serbia", "lift", "arms embargo")]),
    ],
)
def test_a_subject_gerund_is_the_act_of_whom_it_serves(nlp: Language, sentence: str, expected: list) -> None:
    assert triples(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Armenia wants to end the blockade of the corridor. Reopening the border and restoring rail links would "
            "help the economy of the region.",
            [
                ("Armenia", "end", "blockade of corridor", "positive", "intended"),
                ("Armenia", "reopen", "border", "positive", "possible"),
                ("Armenia", "restore", "rail links", "positive", "possible"),
            ],
        ),
        (
            "Kazakhstan rarely criticises its neighbours in public. Condemning the invasion of Ukraine would anger "
            "Moscow.",
            [
                ("Kazakhstan", "condemn", "invasion of Ukraine", "positive", "possible"),
                ("Kazakhstan", "criticise", "neighbours", "positive", "asserted"),
            ],
        ),
    ],
)
def test_a_subject_gerund_serving_no_one_is_the_topics_act(nlp: Language, body: str, expected: list) -> None:
    assert statements(nlp, body) == expected


def test_a_subject_gerund_with_no_actor_before_it_gives_nothing(nlp: Language) -> None:
    body = "The weather in the region was cold all week. Holding new talks with the separatists would help."
    assert statements(nlp, body) == []
