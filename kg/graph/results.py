"""Query answers written in the formats that fit their form.

| form                 | formats (the first is the default, `table`)                                  |
| -------------------- | ---------------------------------------------------------------------------- |
| SELECT               | table (aligned, long cells clipped), csv, tsv, json (a list of row objects)  |
| ASK                  | table (`true`/`false`), json (SPARQL 1.1 Query Results JSON)                 |
| CONSTRUCT, DESCRIBE  | table or turtle (Turtle with the project's prefixes), nt, jsonld or json     |

CSV and TSV cells hold the terms' plain values (an IRI's text, a literal's lexical form), the
form spreadsheet and network tools read; a tab or line break inside a TSV cell is written as
`\\t` / `\\n`, as the IANA text/tab-separated-values registration requires one line a record.
"""

from __future__ import annotations

import csv
import io
import json

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, serialize

from kg.graph.jsonld import write_compact_jsonld
from kg.graph.sparql import Answer, QueryUsageError

FORMATS = {
    "SELECT": ("table", "csv", "tsv", "json"),
    "ASK": ("table", "json"),
    "CONSTRUCT": ("table", "turtle", "nt", "jsonld", "json"),
    "DESCRIBE": ("table", "turtle", "nt", "jsonld", "json"),
}
ALL_FORMATS = ("table", "csv", "tsv", "json", "turtle", "nt", "jsonld")
_GRAPH_FORMATS = {
    "table": RdfFormat.TURTLE,
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "json": RdfFormat.JSON_LD,
}
CELL_WIDTH = 60


def term_text(term: object) -> str:
    """A term's plain value: an IRI's text, a literal's lexical form, `_:id` for a blank node."""
    if term is None:
        return ""
    if isinstance(term, Literal | NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def render(answer: Answer, fmt: str, prefixes: dict[str, str]) -> bytes:
    """The answer in `fmt`; QueryUsageError when `fmt` does not fit the answer's form."""
    if fmt not in FORMATS[answer.form]:
        raise QueryUsageError(
            f"--format {fmt} does not fit a{'n' if answer.form == 'ASK' else ''} {answer.form} query: "
            f"use {', '.join(FORMATS[answer.form])}"
        )
    if answer.form == "ASK":
        truth = bool(answer.boolean)
        if fmt == "json":
            return _boolean_json(truth)
        return f"{str(truth).lower()}\n".encode()
    if answer.form in ("CONSTRUCT", "DESCRIBE"):
        rdf_format = _GRAPH_FORMATS[fmt]
        if rdf_format == RdfFormat.JSON_LD:
            buffer = io.BytesIO()
            write_compact_jsonld(sorted(answer.triples, key=lambda t: str(t.subject)), prefixes, buffer)
            return buffer.getvalue()
        used = None if rdf_format == RdfFormat.N_TRIPLES else prefixes
        return serialize(answer.triples, format=rdf_format, prefixes=used) or b""
    cells = [[term_text(term) for term in row] for row in answer.rows]
    if fmt == "json":
        records = [dict(zip(answer.variables, row, strict=True)) for row in cells]
        return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode()
    if fmt in ("csv", "tsv"):
        return _delimited(answer.variables, cells, fmt).encode()
    return _table(answer.variables, cells).encode()


def _boolean_json(truth: bool) -> bytes:
    """SPARQL 1.1 Query Results JSON of an ASK: `{"head": {}, "boolean": true}` (section 3.2)."""
    return (json.dumps({"head": {}, "boolean": truth}) + "\n").encode()


def _delimited(header: list[str], cells: list[list[str]], fmt: str) -> str:
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(cells)
        return buffer.getvalue()
    escape = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\"})
    lines = ["\t".join(header)] + ["\t".join(cell.translate(escape) for cell in row) for row in cells]
    return "\n".join(lines) + "\n"


def _table(header: list[str], cells: list[list[str]]) -> str:
    clipped = [[c if len(c) <= CELL_WIDTH else c[: CELL_WIDTH - 3] + "..." for c in row] for row in cells]
    widths = [max([len(h)] + [len(row[i]) for row in clipped]) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in clipped]
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines) + "\n"
