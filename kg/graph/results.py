"""Query answers written in the formats that fit their form.

| form                 | formats (the first is the default, `table`)                                  |
| -------------------- | ---------------------------------------------------------------------------- |
| SELECT               | table (aligned, long cells clipped), csv, tsv, json (a list of row objects), |
|                      | jsonl (one row object a line)                                                |
| ASK                  | table (`true`/`false`), json (SPARQL 1.1 Query Results JSON)                 |
| CONSTRUCT, DESCRIBE  | table or turtle (Turtle with the project's prefixes), nt, jsonld or json     |

A SELECT's rows are written as they come from the engine (`write_rows`), never all held at once,
except for the table, whose columns are as wide as their widest cell.

CSV and TSV cells hold the terms' plain values (an IRI's text, a literal's lexical form), the
form spreadsheet and network tools read; a tab or line break inside a TSV cell is written as
`\\t` / `\\n`, as the IANA text/tab-separated-values registration requires one line a record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, BinaryIO

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, serialize

from kg.graph.jsonld import write_compact_jsonld
from kg.graph.sparql import Answer, QueryUsageError

FORMATS = {
    "SELECT": ("table", "csv", "tsv", "json", "jsonl"),
    "ASK": ("table", "json"),
    "CONSTRUCT": ("table", "turtle", "nt", "jsonld", "json"),
    "DESCRIBE": ("table", "turtle", "nt", "jsonld", "json"),
}
ALL_FORMATS = ("table", "csv", "tsv", "json", "jsonl", "turtle", "nt", "jsonld")
_GRAPH_FORMATS = {
    "table": RdfFormat.TURTLE,
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "json": RdfFormat.JSON_LD,
}
CELL_WIDTH = 60
BLOCK_ROWS = 1024  # CSV and TSV rows encoded and written at a time


def term_text(term: object) -> str:
    """A term's plain value: an IRI's text, a literal's lexical form, `_:id` for a blank node
    (a text as it is: the named queries' answers from facts, `kg.graph.answers`, are texts)."""
    if isinstance(term, str):
        return term
    if term is None:
        return ""
    if isinstance(term, Literal | NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def render(answer: Answer, fmt: str, prefixes: dict[str, str]) -> bytes:
    """The answer in `fmt`; QueryUsageError when `fmt` does not fit the answer's form."""
    check_format(answer.form, fmt)
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
    buffer = io.BytesIO()
    write_rows(answer.variables, iter(answer.rows), fmt, buffer)
    return buffer.getvalue()


def check_format(form: str, fmt: str) -> None:
    """QueryUsageError when `fmt` does not fit a query of `form`."""
    if fmt not in FORMATS[form]:
        raise QueryUsageError(
            f"--format {fmt} does not fit a{'n' if form == 'ASK' else ''} {form} query: use {', '.join(FORMATS[form])}"
        )


def write_rows(
    variables: list[str], rows: Iterator[Any], fmt: str, stream: BinaryIO, footer: str = "", *, texts: bool = False
) -> int:
    """Write a SELECT's rows in `fmt` as they come (the table: once all have come); return how
    many. `footer` ends the table's count line ("(100 rows; more: ...)"); `texts`: the rows'
    cells are texts already, not terms."""
    cells = rows if texts else ([term if isinstance(term, str) else term_text(term) for term in row] for row in rows)
    count = 0
    if fmt == "table":
        kept = list(cells)
        stream.write(_table(variables, kept, footer).encode())
        return len(kept)
    if fmt in ("csv", "tsv"):
        # a block of rows at a time: one encode and one write a block, not a row (and the rows
        # that came before a failure are written too)
        lines = _csv_lines if fmt == "csv" and len(variables) > 1 else _delimited_writer(fmt)
        block: list[Sequence[str]] = [variables]
        try:
            for row in cells:
                block.append(row)
                count += 1
                if len(block) >= BLOCK_ROWS:
                    stream.write(lines(block).encode("utf-8"))
                    block = []
        finally:
            stream.write(lines(block).encode("utf-8"))
        return count
    if fmt == "jsonl":
        for row in cells:
            stream.write((json.dumps(dict(zip(variables, row, strict=True)), ensure_ascii=False) + "\n").encode())
            count += 1
        return count
    # json: the bytes of json.dumps(list_of_records, indent=1), one record at a time
    for row in cells:
        record = json.dumps(dict(zip(variables, row, strict=True)), ensure_ascii=False, indent=1)
        stream.write((("[\n " if count == 0 else ",\n ") + record.replace("\n", "\n ")).encode())
        count += 1
    stream.write(b"\n]\n" if count else b"[]\n")
    return count


def _boolean_json(truth: bool) -> bytes:
    """SPARQL 1.1 Query Results JSON of an ASK: `{"head": {}, "boolean": true}` (section 3.2)."""
    return (json.dumps({"head": {}, "boolean": truth}) + "\n").encode()


def _delimited_writer(fmt: str) -> Callable[[list[Sequence[str]]], str]:
    """The text of records: CSV (RFC 4180 quoting, Python's `csv` module) or TSV (tabs and
    breaks escaped)."""
    if fmt == "csv":
        return _csv_module_lines
    escape = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\"})
    return lambda rows: "".join("\t".join(cell.translate(escape) for cell in row) + "\n" for row in rows)


def _csv_module_lines(rows: list[Sequence[str]]) -> str:
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue()


def _csv_lines(rows: list[Sequence[str]]) -> str:
    """The CSV text of records of two cells or more, as Python's `csv` module writes them
    (`csv.writer(lineterminator="\n")`, minimal quoting: a cell with a comma, a double quote or a
    line break is quoted, its quotes doubled) in a fifth of the time its writer takes: the
    writer looks at every character in turn, `str` methods scan a cell in C. A block with a
    carriage return is left to the module (whether it quotes one depends on Python's version);
    so is a record of one empty cell, which it writes as `""`."""
    text = "".join([",".join([_csv_cell(cell) for cell in row]) + "\n" for row in rows])
    return _csv_module_lines(rows) if "\r" in text else text


def _csv_cell(cell: str) -> str:
    if '"' in cell:
        return '"' + cell.replace('"', '""') + '"'
    if "," in cell or "\n" in cell:
        return '"' + cell + '"'
    return cell


def _table(header: list[str], cells: list[list[str]], footer: str = "") -> str:
    clipped = [[c if len(c) <= CELL_WIDTH else c[: CELL_WIDTH - 3] + "..." for c in row] for row in cells]
    widths = [max([len(h)] + [len(row[i]) for row in clipped]) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in clipped]
    lines.append(f"({len(cells)} rows{footer})")
    return "\n".join(lines) + "\n"
