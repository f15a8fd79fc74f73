"""Named SPARQL queries (the `.rq` files beside this module) and result formatting.

A query is named by its file stem ("who-did-what"), given as a path to an `.rq` file, or
written inline. Parameters (`actor=Belarus`) are written into the query as literals, so a query
file stays plain SPARQL that runs anywhere once its variables are bound.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, QueryTriples, Triple

QUERY_DIR = Path(__file__).parent / "queries"


class QueryError(Exception):
    """A query that cannot be found or does not parse."""


def named_queries() -> dict[str, Path]:
    return {path.stem: path for path in sorted(QUERY_DIR.glob("*.rq"))}


def description(path: Path) -> str:
    """The first comment line of a query file."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return first.lstrip("# ").strip()


def load_query(spec: str) -> str:
    """A query from a name, a path to an .rq file, or SPARQL text."""
    queries = named_queries()
    if spec in queries:
        return queries[spec].read_text(encoding="utf-8")
    if spec.endswith(".rq"):
        path = Path(spec)
        if not path.is_file():
            raise QueryError(f"no query file {spec}")
        return path.read_text(encoding="utf-8")
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.I):
        return spec
    raise QueryError(f"'{spec}' is neither SPARQL, an .rq file nor a named query ({', '.join(queries)})")


def bind(query: str, params: dict[str, str]) -> str:
    """Bind parameters by writing them into the WHERE block as string literals, so that the
    query's FILTERs see constants (and `BIND("x" AS ?name)` where the SELECT also names the
    variable). Oxigraph plans a constant far better than a VALUES join at the top of the
    block: 4 to 10 times faster on the named queries over 1,000 briefs."""
    if not params:
        return query
    where = re.search(r"\bWHERE\s*\{", query, re.I)
    if where is None:
        raise QueryError("parameters need a query with a WHERE block")
    head, body = query[: where.end()], query[where.end() :]
    binds = []
    for name, value in params.items():
        literal = json.dumps(value, ensure_ascii=False)
        variable = re.compile(rf"[?$]{re.escape(name)}\b")
        body = variable.sub(literal.replace("\\", "\\\\"), body)
        if variable.search(head):
            binds.append(f"BIND({literal} AS ?{name})")
    return head + "".join(f"\n  {b}" for b in binds) + body


def _text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def rows(results: QuerySolutions) -> tuple[list[str], list[list[str]]]:
    variables = [v.value for v in results.variables]
    return variables, [[_text(solution[v]) for v in variables] for solution in results]


def format_results(results: QuerySolutions | QueryTriples | bool, fmt: str) -> str:
    """Render SELECT results as an aligned table, CSV or JSON; ASK as true/false; graphs as N-Triples."""
    if isinstance(results, bool):
        return json.dumps(results) if fmt == "json" else str(results).lower()
    if not isinstance(results, QuerySolutions):
        return "".join(f"{t} .\n" for t in results if isinstance(t, Triple))
    header, body = rows(results)
    if fmt == "json":
        return json.dumps([dict(zip(header, row, strict=True)) for row in body], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
        return buffer.getvalue()
    clipped = [[cell if len(cell) <= 60 else cell[:57] + "..." for cell in row] for row in body]
    widths = [max([len(h)] + [len(row[i]) for row in clipped]) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in clipped]
    lines.append(f"({len(body)} rows)")
    return "\n".join(lines) + "\n"
