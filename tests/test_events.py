"""Actor knowledge and CAMEO event coding: offices resolved by date, demonyms and metonyms,
codes that respect modality and polarity, and the cooperation/conflict query on a built graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extractor import extract
from kg.extract.pipeline import load_pipeline
from kg.extract.statements import Statement
from kg.graph.queries import bind, load_query, rows
from kg.graph.rdf import brief_graph, brief_quads
from kg.graph.store import KnowledgeStore
from kg.read.briefs import Brief, Segment

BASE = "http://example.org/kg/"


def statements(text: str, date: str = "2021-06-01") -> list[Statement]:
    brief = Brief("test", Path("test.txt"), "", date, (Segment(1, "", date, text),))
    return [s for _, found in extract(load_pipeline(), [brief]) for s in found]


@pytest.mark.parametrize(
    ("date", "holder"),
    [("2016-04-22", "Vladimir Makei"), ("2023-06-01", "Sergei Aleinik"), ("2011-05", "Sergei Martynov")],
)
def test_an_office_title_resolves_to_its_holder_on_the_brief_date(date: str, holder: str) -> None:
    [found] = statements("The Belarusian foreign minister met the Polish ambassador.", date)
    assert (found.subject, found.relation) == (holder, "meet")
    assert found.subject_actor.acts_for is not None and found.subject_actor.acts_for.name == "Belarus"
    assert found.subject_actor.code == "BLRGOV"


def test_the_same_title_names_two_presidents_across_a_change_of_office() -> None:
    before = statements("The president of Ukraine visited Warsaw.", "2018-03-01")
    after = statements("The president of Ukraine visited Warsaw.", "2020-03-01")
    assert [(s.subject, s.object) for s in before] == [("Petro Poroshenko", "Poland")]
    assert [(s.subject, s.object) for s in after] == [("Volodymyr Zelensky", "Poland")]


def test_capitals_and_demonyms_name_states_with_their_cameo_codes() -> None:
    [protest] = statements("Budapest protested to Minsk.")
    assert (protest.subject, protest.object, protest.event) == ("Hungary", "Belarus", "140")
    assert (protest.subject_actor.code, protest.object_actor.code) == ("HUN", "BLR")
    [shooting] = statements("Israeli soldiers shot a Palestinian youth.")
    assert shooting.subject == "Israeli soldiers"
    assert shooting.subject_actor.code == "ISRMIL"
    assert shooting.subject_actor.acts_for.name == "Israel"


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Belarus is ready to send peacekeepers to Ukraine.", "033"),  # intent to provide military protection
        ("Belarus will send peacekeepers to Ukraine.", "033"),  # a future is a commitment
        ("Belarus sent peacekeepers to Ukraine.", "074"),
        ("Poland refused dialogue with Minsk.", "120"),
        ("Russia attacked Ukraine.", "190"),
        ("Belarus did not attack Ukraine.", None),  # not coded as an attack
        ("Lithuania praised Poland.", "051"),
    ],
)
def test_event_codes_follow_modality_and_polarity(text: str, event: str | None) -> None:
    assert [s.event for s in statements(text)] == [event]


def test_cooperation_conflict_query_sums_goldstein_by_pair_and_month(tmp_path: Path) -> None:
    text = (
        "On 3 March 2021, Poland criticized Belarus. On 9 March 2021, Russia attacked Ukraine. "
        "On 12 March 2021, Lithuania praised Poland. On 5 April 2021, Poland criticized Belarus again."
    )
    brief = Brief("pairs", Path("pairs.txt"), "Pairs", "2021-04-30", (Segment(1, "Pairs", "2021-04-30", text),))
    store = KnowledgeStore(tmp_path / "store", BASE)
    store.load_vocabulary()
    for done, found in extract(load_pipeline(), [brief]):
        store.replace_graph(brief_graph(BASE, done.doc), brief_quads(done, found, BASE))
    store.refresh_union()
    header, body = rows(store.query(load_query("cooperation-conflict")))
    assert header[:5] == ["subject", "object", "month", "events", "goldsteinSum"]
    table = {tuple(row[:3]): (int(row[3]), float(row[4]), [int(n) for n in row[5:]]) for row in body}
    assert table == {
        ("Lithuania", "Poland", "2021-03"): (1, 3.4, [1, 0, 0, 0]),
        ("Poland", "Belarus", "2021-03"): (1, -2.0, [0, 0, 1, 0]),
        ("Poland", "Belarus", "2021-04"): (1, -2.0, [0, 0, 1, 0]),
        ("Russia", "Ukraine", "2021-03"): (1, -10.0, [0, 0, 0, 1]),
    }
    roots = rows(store.query(bind(load_query("events-by-root"), {"root": "11"})))[1]
    assert sorted(row[0] for row in roots) == ["111", "111"]
