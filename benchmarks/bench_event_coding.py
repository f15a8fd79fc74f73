"""Event coding measured on public event-data test sets (prints tables; not a timed test).

    .venv/bin/python benchmarks/bench_event_coding.py [--benchmarks ../shared/benchmarks] [--show-misses]

1. PLOVER gold-standard records (`plover_gsr/plover_gsr_cameo.jsonl`, 322 human-coded sentences
   from the CAMEO manual's examples, CC BY-SA 4.0 Open Event Data Alliance). Each record codes one
   event; the system's event for a record is its first coded statement in sentence order, the
   main clause first (`primary_event`). Scored, as the set's README advises, on the country block
   of the source actor, the PLOVER category, and the CAMEO root on the 188 records with a
   recovered CAMEO code. The records use PLOVER 0.5b1, which follows the CAMEO roots one to one
   (`PLOVER_05_BY_ROOT`; the set's README: 178 of its 188 recovered CAMEO codes agree with their
   record's category by root), with root 08 split between CONCEDE (081-083: easing sanctions,
   dissent, accepting reform) and RETREAT (084-087: returns, international involvement,
   de-escalation), as its records are, and with 181 (abduct) and 191 (blockade) under COERCE, as
   the set's README notes the records code them. The 2021 mapping in `ontology/cameo.ttl` moved codes
   between categories as well as renaming them (163 to COERCE, 19x to ASSAULT); its score, with
   the renamed categories mapped back (`PLOVER_2021_TO_05`), is printed beside for comparison.
2. PETRARCH2's real-sentence validation set (`petrarch2/petr2_gsr_validation.jsonl`, 78 sentences,
   MIT). Records with `evaluate` false are skipped, as its README says. An expected event agrees on
   the root when any coded statement of the sentence has the same CAMEO root, and on the dyad when
   one has the same source and target country blocks; false events are the coded statements on
   the records that expect none.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from kg.briefs import Brief, Segment
from kg.extract import extract
from kg.namespaces import KG, SKOS
from kg.pipeline import load_pipeline
from kg.statements import Actor, Statement
from kg.store import ONTOLOGY_DIR

PLOVER_2021_TO_05 = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
PLOVER_05_BY_ROOT = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "FIGHT",
}
RETREAT_CODES = ("084", "085", "086", "087")
COERCE_CODES = ("181", "191")  # abduct, blockade: COERCE in PLOVER 0.5b1 (the set's README)
# The PLOVER set's README: nation-states were re-edited to ISO-3166 alpha-3. Three records keep the
# CAMEO manual's older codes (Italy ITL, Japan JAP, Vietnam VTN), and CAMEO's own code for
# Timor-Leste (TMP) is not the ISO one (TLS): source countries are compared as ISO codes.
ISO_OF_CAMEO = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "TMP": "TLS"}
INTERNATIONAL = ("IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT")


@dataclass(frozen=True)
class Coded:
    source: str | None
    target: str | None
    code: str
    statement: Statement


def plover_categories() -> dict[str, str]:
    found: dict[str, str] = {}
    notations: dict[str, str] = {}
    for triple in parse(path=str(ONTOLOGY_DIR / "cameo.ttl"), format=RdfFormat.TURTLE):
        if triple.predicate.value == f"{KG}ploverCategory":
            found[triple.subject.value] = triple.object.value
        elif triple.predicate.value == f"{SKOS}notation":
            notations[triple.subject.value] = triple.object.value
    return {notations[node]: category for node, category in found.items()}


def plover_05(code: str) -> str | None:
    """The PLOVER 0.5b1 category of a CAMEO code."""
    if code.startswith(COERCE_CODES):
        return "COERCE"
    return "RETREAT" if code.startswith(RETREAT_CODES) else PLOVER_05_BY_ROOT.get(code[:2])


def plover_2021_renamed(code: str, categories: dict[str, str]) -> str | None:
    category = categories.get(code) or categories.get(code[:3]) or categories.get(code[:2])
    if category is None:
        return None
    if code.startswith("09"):
        return "INVESTIGATE"
    if category == "ASSAULT" and code[:2] in ("19", "20"):
        return "FIGHT"
    return PLOVER_2021_TO_05.get(category, category)


def country(actor: Actor | None) -> str | None:
    """The first block of an actor's CAMEO code (`ISRMIL` -> ISR; `IGOUNO` -> IGO)."""
    while actor is not None and actor.code is None:
        actor = actor.acts_for
    return actor.code[:3] if actor is not None and actor.code else None


def iso(code: str | None) -> str | None:
    return ISO_OF_CAMEO.get(code, code) if code else code


def coded(nlp, records: list[dict], text_field: str, date_of) -> Iterator[tuple[dict, list[Coded]]]:
    briefs = (
        Brief(r["id"], Path(r["id"]), "", date_of(r), (Segment(1, "", date_of(r), r[text_field].strip()),))
        for r in records
    )
    for record, (_, statements) in zip(records, extract(nlp, briefs), strict=True):
        events = [Coded(country(s.subject_actor), country(s.object_actor), s.event, s) for s in statements if s.event]
        yield record, events


def primary_event(events: list[Coded]) -> Coded | None:
    """The event a one-event coder reports: the first with a known source, preferring events that
    are not bare statements (CAMEO 01: "said") over reports of them."""
    known = [e for e in events if e.source]
    substantive = [e for e in known if not e.code.startswith("01")]
    return (substantive or known or [None])[0]


def bench_plover(nlp, folder: Path, show_misses: bool) -> dict[str, float]:
    records = [json.loads(line) for line in (folder / "plover_gsr/plover_gsr_cameo.jsonl").open(encoding="utf-8")]
    categories = plover_categories()
    source_hits = category_hits = category_2021_hits = root_hits = root_total = 0
    for record, events in coded(nlp, records, "text_normalized", lambda r: "2000-01-01"):
        event = primary_event(events)
        sources = {iso(a["code"][:3]) for a in record["source_actors"]}
        source_ok = event is not None and iso(event.source) in sources
        category_ok = event is not None and plover_05(event.code) == record["event"]
        source_hits += source_ok
        category_hits += category_ok
        category_2021_hits += event is not None and plover_2021_renamed(event.code, categories) == record["event"]
        if record["cameo_code_matched"]:
            root_total += 1
            root_ok = event is not None and event.code[:2] == record["cameo_code_matched"][:2]
            root_hits += root_ok
        if show_misses and not (source_ok and category_ok):
            got = f"{event.source} {event.code} {event.statement.relation!r}" if event else "nothing"
            print(f"  miss {record['id']}: want {sorted(sources)} {record['event']}, got {got}: {record['text'][:110]}")
    return {
        "records": len(records),
        "source country accuracy": source_hits / len(records),
        "PLOVER category accuracy": category_hits / len(records),
        "PLOVER category accuracy, 2021 mapping renamed": category_2021_hits / len(records),
        "CAMEO root accuracy": root_hits / root_total,
        "records with a CAMEO code": root_total,
    }


def bench_petrarch(nlp, folder: Path, show_misses: bool) -> dict[str, float]:
    lines = (folder / "petrarch2/petr2_gsr_validation.jsonl").open(encoding="utf-8")
    records = [r for r in map(json.loads, lines) if r.get("evaluate", True)]
    expected = root_hits = dyad_hits = false_events = 0
    no_event_records = 0
    for record, events in coded(
        nlp, records, "text_normalized", lambda r: f"{r['date'][:4]}-{r['date'][4:6]}-{r['date'][6:8]}"
    ):
        if record["expect_no_events"] or not record["expected"]:
            no_event_records += 1
            false_events += len(events)
            if show_misses and events:
                print(f"  false {record['id']}: {[(e.source, e.code, e.statement.relation) for e in events]}")
            continue
        for want in record["expected"]:
            expected += 1
            root_ok = any(e.code[:2] == want["code"][:2] for e in events)
            dyad_ok = any(e.source == want["source"][:3] and e.target == want["target"][:3] for e in events)
            root_hits += root_ok
            dyad_hits += dyad_ok
            if show_misses and not root_ok:
                got = [(e.source, e.target, e.code, e.statement.relation) for e in events]
                print(f"  miss {record['id']}: want {want}, got {got}: {record['text_normalized'][:100]}")
    return {
        "records": len(records),
        "expected events": expected,
        "root agreement": root_hits / expected,
        "dyad agreement": dyad_hits / expected,
        "records expecting no event": no_event_records,
        "events on them": false_events,
    }


def table(title: str, figures: dict[str, float]) -> str:
    rows = [
        f"| {name} | {value:.3f} |" if isinstance(value, float) else f"| {name} | {value} |"
        for name, value in figures.items()
    ]
    return "\n".join([f"\n{title}\n", "| measure | value |", "| --- | --- |", *rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--benchmarks", type=Path, default=Path("../shared/benchmarks"), help="the benchmarks folder")
    parser.add_argument("--show-misses", action="store_true", help="print each record the system gets wrong")
    args = parser.parse_args()
    if not (args.benchmarks / "plover_gsr").is_dir():
        print(f"{args.benchmarks}: not a benchmarks folder (no plover_gsr/)", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    print(
        table(
            "PLOVER gold-standard records (CAMEO manual examples)", bench_plover(nlp, args.benchmarks, args.show_misses)
        )
    )
    print(table("PETRARCH2 real-sentence validation set", bench_petrarch(nlp, args.benchmarks, args.show_misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
