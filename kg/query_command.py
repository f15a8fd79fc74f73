"""`kg query`: its options, its help (with a named query's parameters for `kg query NAME --help`)
and its run: check, bind, evaluate under a time limit, and write the answer in a format that fits
its form (see kg/results.py)."""

from __future__ import annotations

import argparse
import io
import itertools
import sys
from typing import TYPE_CHECKING, BinaryIO

from kg.graph import (
    ALL_FORMATS,
    DEFAULT_TIMEOUT_SECONDS,
    MAX_NESTING,
    MAX_QUERY_CHARS,
    Answer,
    QueryUsageError,
    Rows,
    check_format,
    check_query_spec,
    declared_parameters,
    describe_parameters,
    description,
    named_queries,
    prepare_run,
    render,
    select_rows,
    sparql_prefixes,
    write_rows,
)

if TYPE_CHECKING:
    from kg.build import Reading

DEFAULT_LIMIT = 100

FORMS = f"""query forms and their formats (--format):
  SELECT               table (default), csv, tsv, json (a list of row objects), jsonl (one
                       object a line); the first 100 rows unless --limit says otherwise
                       (--offset N for the next page, --limit 0 for all)
  ASK                  table (prints true or false), json (SPARQL 1.1 results JSON)
  CONSTRUCT, DESCRIBE  table or turtle (Turtle), nt (N-Triples), jsonld or json (JSON-LD)
  SPARQL Update (INSERT, DELETE, ...) is refused: the briefs are the graph's source.

limits: a query longer than {MAX_QUERY_CHARS:,} characters or nested deeper than {MAX_NESTING}
brackets is refused before it runs; --timeout stops one that runs too long (exit 1)."""


def add_query_parser(commands: argparse._SubParsersAction, output_option: object, epilog: str) -> None:
    names = "\n".join(f"  {name:22} {description(path)}" for name, path in named_queries().items())
    query = commands.add_parser(
        "query",
        help="run a SPARQL query over the store",
        description="Run SPARQL over the built store (all briefs' graphs as one). The prefixes kg:, skos:,\n"
        "rdfs:, prov:, nif:, dcterms:, xsd: and actor:, relation:, theme: are declared for you.\n"
        "`kg query NAME --help` lists a named query's parameters.",
        epilog=f"named queries:\n{names}\n\n{FORMS}\n\n{epilog}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    query.add_argument("-h", "--help", action="store_true", help="show this help (or a named query's) and exit")
    query.add_argument("query", nargs="?", help="SPARQL text, a path to an .rq file, or a named query")
    query.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a named query's parameter, e.g. --param actor=Belarus (repeatable)",
    )
    query.add_argument(
        "--format", choices=ALL_FORMATS, default="table", help="output format (default: table; see below)"
    )
    query.add_argument(
        "--limit",
        type=_count,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"a SELECT's rows: at most N (default: {DEFAULT_LIMIT}; 0: all, written as they come)",
    )
    query.add_argument(
        "--offset", type=_count, default=0, metavar="N", help="a SELECT's rows: skip the first N (default: 0)"
    )
    query.add_argument(
        "--timeout",
        type=seconds_option,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"stop a query that runs longer (default: {DEFAULT_TIMEOUT_SECONDS:g}; 0: no limit)",
    )
    output_option(query)  # type: ignore[operator]
    query.set_defaults(query_parser=query)


def run_query(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.query_parser
    if args.help:
        sys.stdout.write(named_query_help(args.query) if args.query in named_queries() else parser.format_help())
        return 0
    if args.query is None:
        parser.error("the query is missing: SPARQL text, an .rq file or a named query")
    from kg.build import reading

    params = dict(_param(p) for p in args.param)
    check_query_spec(args.query, params)  # usage errors before the store is opened
    binary = getattr(sys.stdout, "buffer", None)  # a text stream in place of stdout (tests, notebooks) has none
    out = binary if binary is not None else io.BytesIO()
    with reading(args.output, args.store) as built:
        limit = args.limit or None
        answer: Rows | Answer | None = _precomputed(built, args, params, limit)
        if answer is None:
            sparql, run = prepare_run(args.query, params, built.store, whole=args.limit == 0)
            answer = select_rows(run, sparql, args.timeout or None, args.offset, limit)
        if isinstance(answer, Rows):
            check_format("SELECT", args.format)
            _write_page(answer, args, out)
        elif answer is not None:
            out.write(render(answer, args.format, sparql_prefixes(built.store.base_iri)))
    if binary is None:
        sys.stdout.write(out.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    sys.stdout.flush()
    return 0


def _precomputed(built: Reading, args: argparse.Namespace, params: dict[str, str], limit: int | None) -> Rows | None:
    """A named query's rows from the facts its build keeps beside the store (kg.graph.answers),
    if they belong to that store: the store is then never opened. None: run the SPARQL."""
    if built.folder is None or args.query not in named_queries():
        return None
    from kg.graph import precomputed_rows

    return precomputed_rows(built.folder, str(built.manifest["base_iri"]), args.query, params, args.offset, limit)


def _write_page(answer: Rows, args: argparse.Namespace, out: BinaryIO) -> None:
    """The rows of the page, then how to get the next one, if there is one: in the table's count
    line, or on stderr (where it never mixes with the data)."""
    if args.format != "table":
        written = write_rows(answer.variables, answer.rows, args.format, out, texts=answer.texts)
        if answer.more:
            out.flush()
            print(f"kg: {_more(args, written)}", file=sys.stderr)
        return
    rows = list(answer.rows)
    write_rows(answer.variables, iter(rows), "table", out, f"; {_more(args, len(rows))}" if answer.more else "")


def _more(args: argparse.Namespace, written: int) -> str:
    return (
        f"rows {args.offset + 1}-{args.offset + written} of more: --offset {args.offset + written} "
        "for the next page, --limit 0 for all"
    )


def named_query_help(name: str) -> str:
    path = named_queries()[name]
    lines = path.read_text(encoding="utf-8").splitlines()
    comment = " ".join(line.lstrip("# ").strip() for line in itertools.takewhile(lambda x: x.startswith("#"), lines))
    parameters = declared_parameters(path)
    example = " ".join(f"--param {p.name}=..." for p in parameters if p.required)
    return (
        f"usage: kg query {name} {example + ' ' if example else ''}[--format FORMAT] [--limit N] [--offset N] "
        f"[--timeout SECONDS] [-o OUTPUT]\n\n{comment}\n\nparameters:\n{describe_parameters(parameters)}\n\n"
        f"the query: {path}\n"
    )


def seconds_option(text: str) -> float:
    """A number of seconds for an option (--timeout, --brief-timeout): finite, 0 or more."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds (0 for no limit), not '{text}'")
    return seconds


def _count(text: str) -> int:
    """A number of rows for --limit and --offset: a whole number, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, not '{text}'")
    return int(text)


def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise QueryUsageError(f"--param takes NAME=VALUE, not '{text}'")
    return name, value
