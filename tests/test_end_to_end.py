"""The whole path on the seed briefs: kg build, then query, export, validate and view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from kg.cli import main
from kg.extract.places import load_places
from kg.ontology import ONTOLOGY_DIR

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("build") / "output"
    assert main(["build", str(SEEDS), "-o", str(output), "--quiet"]) == 0
    return output


def query_json(output: Path, query: str, capsys: pytest.CaptureFixture[str], *params: str) -> list[dict[str, str]]:
    args = ["query", query, "-o", str(output), "--format", "json", "--limit", "0"]
    for param in params:
        args += ["--param", param]
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def test_build_writes_every_product(built: Path) -> None:
    for name in ("graph.ttl", "statements.jsonl", "graph.html", "build.json"):
        assert (built / name).is_file(), name
    assert (built / "store").is_dir()
    manifest = json.loads((built / "build.json").read_text())
    assert manifest["briefs"] == 5
    lines = (built / "statements.jsonl").read_text().splitlines()
    assert len(lines) == manifest["statements"] > 50
    record = json.loads(lines[0])
    assert set(record) == {
        "doc",
        "segment",
        "subject",
        "relation",
        "object",
        "polarity",
        "modality",
        "date",
        "sentence",
        "start",
        "end",
        "event",
        "target",
        "source",
    }


def test_statement_offsets_point_at_the_sentence_in_the_brief(built: Path) -> None:
    for line in (built / "statements.jsonl").read_text().splitlines():
        record = json.loads(line)
        text = (SEEDS / f"{record['doc']}.txt").read_text(encoding="utf-8")
        assert text[record["start"] : record["end"]] == record["sentence"]


def test_who_did_what_covers_every_brief(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = query_json(built, "who-did-what", capsys)
    assert {row["brief"] for row in rows} == {path.stem for path in SEEDS.glob("*.txt")}
    defence = [
        row
        for row in rows
        if row["brief"] == "004_8a7d9df607a01cc2"
        and row["subject"] == "Belarusian Defence Ministry"
        and row["relation"] == "confirm"
    ]
    assert defence and defence[0]["object"] == "commitment"
    assert defence[0]["date"] == "2021-12-16"
    assert defence[0]["sentence"].startswith("On December 16, the representative of the Ministry of Defence of Belarus")


def test_actor_timeline_accepts_an_alias_and_orders_by_date(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = query_json(built, "actor-timeline", capsys, "actor=Lukashenka")
    dated = [row["date"] for row in rows if row["date"]]
    assert dated == sorted(dated) and dated
    assert {"relation": "receive", "object": "Eric Rubin", "date": "2015-02-27"}.items() <= rows[0].items()


def test_pair_counts_and_evidence(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = query_json(built, "pair-counts", capsys)
    assert {"subject": "Vladimir Makei", "object": "Michael Carpenter", "statements": "1", "negative": "0"} in pairs
    evidence = query_json(built, "evidence", capsys, "relation=meet")
    makei = [row for row in evidence if row["subject"] == "Vladimir Makei"]
    assert makei[0]["sentence"].startswith("On September 20th, 2016, during a visit to New York")


def test_turtle_parses_back_to_the_same_triples(built: Path) -> None:
    turtle = built / "graph.ttl"
    store = pyoxigraph.Store()
    store.load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    graph = rdflib.Graph().parse(turtle, format="turtle")
    manifest = json.loads((built / "build.json").read_text())
    assert len(store) == len(graph) == manifest["triples"]


def test_two_builds_give_identical_turtle(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert main(["build", str(SEEDS), "-o", str(again), "--quiet"]) == 0
    assert (again / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_export_formats(built: Path, tmp_path: Path) -> None:
    for fmt, parse_as in (("nt", "nt"), ("jsonld", "json-ld"), ("turtle", "turtle")):
        target = tmp_path / f"graph.{fmt}"
        assert main(["export", "--format", fmt, "-f", str(target), "-o", str(built)]) == 0
        assert (
            len(rdflib.Graph().parse(target, format=parse_as))
            == json.loads((built / "build.json").read_text())["triples"]
        )


def test_validate_reports_conformance(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "-o", str(built)]) == 0
    assert "conforms" in capsys.readouterr().out


def test_view_is_rebuilt_from_the_store(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (built / "graph.html").unlink()
    assert main(["view", "-o", str(built)]) == 0
    assert Path(capsys.readouterr().out.strip()) == (built / "index.html").resolve()
    assert "Eric Rubin" in (built / "graph.html").read_text(encoding="utf-8")
    assert "Eric Rubin" in (built / "actors" / "eric-rubin.html").read_text(encoding="utf-8")


def test_errors_are_one_line_with_nonzero_exit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "missing"), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == f"kg: error: {tmp_path / 'missing'}: no such file or folder"
    assert main(["query", "who-did-what", "-o", str(tmp_path / "nothing")]) == 1
    assert "no build found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["frobnicate"])
    assert usage.value.code == 2


def test_who_claims_what_lists_statements_by_their_source(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = query_json(built, "who-claims-what", capsys)
    assert rows and all(row["source"] for row in rows)
    send = [row for row in rows if row["brief"] == "000_72903afcf27c2c8c" and row["relation"] == "send"]
    assert [(r["source"], r["subject"], r["object"], r["modality"]) for r in send] == [
        ("Alexander Lukashenko", "Alexander Lukashenko", "Belarusian peacekeepers", "intended")
    ]
    assert send[0]["sentence"].startswith("In an interview with Euronews, President Lukashenko said")


def test_the_seeds_name_each_actor_once(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One node per actor on the seeds: the ministry's three names, the delegation's two, no city
    as a person, no 'Rumor'; and 40% of the statements or more have an actor as target.

    Issue 16's acceptance asks for these in so many words: "several EU and US delegations" may
    not become a "US delegations" node beside "US delegation" (a plural body may be coded as the
    state it acts for, "United States", which the development gold also accepts, but never as a
    second node for the same body)."""
    query = (
        "SELECT DISTINCT ?name ?kind WHERE { ?s kg:subject|kg:object|kg:target ?a . "
        "?a skos:prefLabel ?name ; a ?kind . FILTER(lang(?name) = 'en') }"
    )
    actors = {(row["name"], row["kind"].rsplit("#", 1)[1]) for row in query_json(built, query, capsys)}
    names = {name for name, _ in actors}
    assert [n for n in names if "Defence" in n or "Ministry of Defence" in n] == ["Belarusian Defence Ministry"]
    assert sorted(n for n in names if n.startswith("US delegation")) == ["US delegation"]
    assert ("Klaipeda", "Place") in actors and not any(n == "Klaipeda" for n, kind in actors if kind == "Person")
    places = load_places(ONTOLOGY_DIR)  # no place of the gazetteer is a Person, whatever its name
    assert not [n for n, kind in actors if kind == "Person" and n in places]
    assert not any(n.startswith("Rumo") for n in names)
    records = [json.loads(line) for line in (built / "statements.jsonl").read_text().splitlines()]
    assert sum(1 for r in records if r["target"]) >= 0.4 * len(records)


def test_the_readme_shows_what_the_seeds_build_gives(built: Path) -> None:
    """The README's build lines are real output: its statement and triple counts are the seeds'
    build of today, so a change to the extractor that forgets the README fails here."""
    summary = json.loads((built / "build.json").read_text())
    readme = (ROOT / "README.md").read_text()
    shown = re.findall(r"built output: 5 briefs, (\d+) statements, (\d+) triples", readme)
    assert shown, "the README shows no build line"
    assert set(shown) == {(str(summary["statements"]), str(summary["triples"]))}
