"""The whole graph's statements, kept out of `graph.html` in parts the page loads when it needs
them (`graph-data/`), so the page grows with the edges, not with the statements (it held every
statement's sentence for the evidence panel: 85 MB at 5,000 briefs).

- `evidence-K.js`: the statements of the edges whose key falls in part K, each with its sentence
  and highlights, for the panel that clicking an edge opens; an edge's statements are all in one
  part, so a click loads one file.
- `briefs-K.js`: for each brief of part K, the edges of its statements with their dates and
  counts, for the brief filter.

Each part is a script, `kgPart("NAME", DATA);`, which the page adds as a <script> element: a
page opened from the disk may load scripts beside it but may not fetch files. Parts are chosen by
a digest of the edge's (or brief's) key, their number a power of two that grows with the corpus
(about PART_STATEMENTS statements or PART_BRIEFS briefs a part), so an edit changes the parts of
its edges and its brief only; the others are linked from the previous build (`kg.views.reuse`).
The edges in the page carry what the other filters need: their statements' date periods with
counts, and the number of undated ones.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from kg.views.data import Statement, ViewData, local_name
from kg.views.evidence import find_marks
from kg.views.reuse import PageContent, PageFolder
from kg.views.style import event_text, tone

DATA_FOLDER = "graph-data"
PART_STATEMENTS, PART_BRIEFS = 2000, 100
EdgeKey = tuple[str, str, str, str, str, str]  # subject, object, relation, polarity, modality, event code


def edge_id(key: EdgeKey) -> str:
    """A key for the edge that stays the same across builds (edge numbers do not)."""
    return hashlib.blake2b(repr(key).encode(), digest_size=8).hexdigest()


def brief_id(iri: str) -> str:
    return local_name(iri)


def part_count(items: int, per_part: int) -> int:
    """The least power of two that keeps parts at about `per_part` items."""
    count = 1
    while count * per_part < items:
        count *= 2
    return count


def part_of(key: str, parts: int) -> int:
    return int(hashlib.blake2b(key.encode(), digest_size=8).hexdigest(), 16) % parts


def edge_dates(statements: Iterable[Statement]) -> tuple[list[list[object]], int]:
    """The dated statements' periods (first day, last day, how many), in order, and the number
    of undated ones: all the date filter needs."""
    periods: Counter[tuple[str, str]] = Counter()
    undated = 0
    for s in statements:
        if s.date:
            periods[s.period] += 1
        else:
            undated += 1
    return [[start, end, n] for (start, end), n in sorted(periods.items())], undated


def write_graph_data(
    data: ViewData,
    groups: dict[EdgeKey, list[int]],
    folder: Path,
    content: PageContent,
    reuse: tuple[Path, dict[str, str]] | None,
) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Write the parts; return the evidence part of each edge (by `edge_id`), the brief part of
    each brief (by `brief_id`) and the digests of the parts."""
    target = PageFolder(folder, DATA_FOLDER, *(reuse or (None, {})))
    evidence_parts = part_count(len(data.statements), PART_STATEMENTS)
    brief_parts = part_count(len(data.briefs), PART_BRIEFS)
    keys = {key: edge_id(key) for key in groups}
    edge_part = {key: part_of(key, evidence_parts) for key in keys.values()}
    brief_part = {brief_id(iri): part_of(brief_id(iri), brief_parts) for iri in data.briefs}
    by_part: dict[int, list[tuple[str, list[int]]]] = defaultdict(list)
    edge_of: list[str] = [""] * len(data.statements)
    for key, members in sorted(groups.items()):
        by_part[edge_part[keys[key]]].append((keys[key], members))
        for i in members:
            edge_of[i] = keys[key]
    for number, edges in sorted(by_part.items()):
        name = f"evidence-{number}"
        statements = [data.statements[i] for _, members in edges for i in members]
        if not target.unchanged(f"{DATA_FOLDER}/{name}.js", content.digest((name, evidence_parts), statements)):
            records = {key: [_record(data.statements[i], data) for i in members] for key, members in edges}
            target.write(f"{DATA_FOLDER}/{name}.js", _script(name, records))
    briefs: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, s in enumerate(data.statements):
        brief = brief_id(s.brief)
        briefs[brief_part[brief]][brief].append(i)
    for number, by_brief in sorted(briefs.items()):
        name = f"briefs-{number}"
        statements = [data.statements[i] for _, listed in sorted(by_brief.items()) for i in listed]
        if not target.unchanged(f"{DATA_FOLDER}/{name}.js", content.digest((name, brief_parts), statements)):
            of_brief: dict[str, list[list[object]]] = {}
            for brief, listed in sorted(by_brief.items()):
                counts = Counter((edge_of[i], *data.statements[i].period) for i in listed)
                of_brief[brief] = [[key, start, end, n] for (key, start, end), n in sorted(counts.items())]
            target.write(f"{DATA_FOLDER}/{name}.js", _script(name, of_brief))
    return edge_part, brief_part, target.finish()


def _record(s: Statement, data: ViewData) -> dict[str, object]:
    start, end = s.period
    return {
        "relation": s.relation,
        "theme": s.theme,
        "polarity": s.polarity,
        "modality": s.modality,
        "source": s.source,
        "date": s.date,
        "from": start,
        "to": end,
        "tone": tone(s),
        "event": event_text(s),
        "brief": brief_id(s.brief),
        "sentence": s.sentence,
        "marks": find_marks(s.sentence, data.nodes[s.subject], data.nodes[s.object]),
    }


def _script(name: str, payload: object) -> str:
    """A part as a script that hands its data to the page (JSON is JavaScript; U+2028 and U+2029
    are allowed in JavaScript strings since ES2019)."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return f"kgPart({json.dumps(name)},{text});\n"
