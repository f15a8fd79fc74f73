"""The `kg` command: build a knowledge graph from briefs, then query, export, validate and view it."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

from kg.build import OutputLocked, interruptible
from kg.console import Console, reporting
from kg.graph import DEFAULT_BASE_IRI, DEFAULT_TIMEOUT_SECONDS, QueryUsageError
from kg.query_command import add_query_parser, run_query, seconds_option

EXIT_CODES = """exit codes:
  0    success (files that are not briefs were skipped with one line each on stderr)
  1    bad input or output: missing path, unreadable file, no brief to read, output folder
       not writable, no build found, bad query; one line on stderr (--debug: the traceback)
  2    wrong usage: unknown command or option, unknown named query, a missing, unknown or
       ill-typed query parameter, a --format that does not fit the query
  3    the graph does not conform to the SHACL shapes (kg validate)
  4    partial (kg build, kg extract): everything else was built or printed, but briefs that
       took longer than --brief-timeout or made the extractor fail were left out, each
       named on stderr and in build.json (each keeps the graph the previous build
       gave it, marked stale); the next build tries them again
  75   the output is locked: another build is writing it (kg build); try again when it ends
  130  interrupted (Ctrl-C or SIGTERM); the previous output is unchanged
  A reader that closes the pipe early (kg extract ... | head) ends kg quietly with 0."""

EXPORT_FORMATS = """formats (--format):
  turtle   Turtle of the union graph with the project's prefixes (default)
  nt       N-Triples
  jsonld   JSON-LD, compacted: an @context of the project's prefixes and an @graph
  trig     TriG: one named graph per brief
  graphml  the actor graph for Gephi, Cytoscape, yEd (networkx's GraphML writer)
  gexf     the actor graph as GEXF 1.2 (Gephi's own format)
  csv      the actor graph as a Gephi spreadsheet pair: -f names a folder that gets
           nodes.csv (Id,Label,...) and edges.csv (Source,Target,...)"""

SOURCES = """which files are read:
  SOURCE is one file (read whatever its name), or a folder searched recursively for
  .txt .text .md .html .htm files; hidden files and folders and the output folder are
  passed over. Other files, and empty, binary or non-text files, are skipped with one
  line each. Text in UTF-8 (with or without BOM), UTF-16/32, windows-1251, KOI8-R and
  other Cyrillic and Latin encodings is detected, with a note when it was not UTF-8;
  HTML is reduced to its text. Statement offsets index that text (decoded, line breaks
  as \\n, HTML as text)."""

DEFAULT_OUTPUT = Path("output")
PARTIAL = 4  # exit code: some briefs were left out


def _store_option(parser: argparse.ArgumentParser, writes: bool = False) -> None:
    parser.add_argument(
        "--store",
        metavar="URL",
        help="write the graph to this SPARQL 1.1 server (Graph Store Protocol) instead of output/store"
        if writes
        else "read the graph from this SPARQL 1.1 server (default: the store the build wrote to); "
        "credentials from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc",
    )


def _output_and_store_options(parser: argparse.ArgumentParser) -> None:
    _output_option(parser)
    _store_option(parser)


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="the build's output folder (default: output/)"
    )


def _brief_timeout_option(parser: argparse.ArgumentParser) -> None:
    from kg.build import DEFAULT_BRIEF_TIMEOUT

    parser.add_argument(
        "--brief-timeout",
        type=seconds_option,
        default=DEFAULT_BRIEF_TIMEOUT,
        metavar="SECONDS",
        help=f"stop a brief whose extraction takes longer and leave it out, naming it; exit code 4 "
        f"(default: {DEFAULT_BRIEF_TIMEOUT:g}; 0: no limit)",
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn analytical briefs into a knowledge graph of who does what to whom, "
        "with the sentence each statement came from; query it with SPARQL, export it, view it.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    parser.add_argument(
        "--print-completion",
        choices=("bash", "zsh", "tcsh"),
        action=_Completion,
        help="print a bash or zsh completion script (see README)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="extract statements from briefs and build the graph",
        description="Read the briefs under SOURCE, extract statements, and write output/store\n"
        "(the RDF store), statements.jsonl, graph.ttl and the views (index.html, graph.html,\n"
        "timeline.html, pairs/, actors/).\n\n"
        "On an output built before, only new and changed briefs are extracted again (by\n"
        "content hash) and deleted ones are dropped: the result is the same as a full build's.\n"
        "A build writes into a staging folder and swaps it in at the end, so an interrupted or\n"
        "killed build leaves the previous output as it was. One build at a time per output.",
        epilog=f"{SOURCES}\n\n{EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("source", type=Path, help="a brief file or a folder of briefs")
    _output_option(build)
    build.add_argument(
        "--base-iri", default=DEFAULT_BASE_IRI, help=f"base IRI of the graph's nodes (default: {DEFAULT_BASE_IRI})"
    )
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    workers = build.add_mutually_exclusive_group()
    workers.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="extract in N processes (default: 1; the output is the same for any N)",
    )
    workers.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786), or on a "
        "LocalCluster of N worker processes started for the build (local:N); needs pip install 'kg[dask]'",
    )
    build.add_argument(
        "--full", action="store_true", help="extract every brief again, even if the output is up to date"
    )
    _brief_timeout_option(build)
    _store_option(build, writes=True)

    extract = commands.add_parser(
        "extract",
        help="print the statements of briefs (no store is written)",
        description="Extract statements from a brief or a folder of briefs and print them.",
        epilog=f"{SOURCES}\n\n{EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("path", type=Path, help="a brief file or a folder of briefs")
    extract.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format (default: jsonl)")
    _brief_timeout_option(extract)

    add_query_parser(commands, _output_and_store_options, EXIT_CODES)

    export = commands.add_parser(
        "export",
        help="write the graph as Turtle, N-Triples, JSON-LD, TriG, or for network tools",
        description="Write the built graph to standard output or a file (-f), read from the store.",
        epilog=f"{EXPORT_FORMATS}\n\n{EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "--format",
        choices=("turtle", "nt", "jsonld", "trig", "graphml", "gexf", "csv"),
        default="turtle",
        help="what to write (default: turtle; see below)",
    )
    export.add_argument(
        "-f", "--file", type=Path, help="write to this file (csv: this folder) instead of standard output"
    )
    _output_and_store_options(export)

    validate = commands.add_parser(
        "validate",
        help="check the graph against ontology/shapes.ttl (SHACL)",
        description="Check the built graph against the SHACL shapes of ontology/shapes.ttl (pySHACL):\n"
        "every statement has one subject, relation, object, polarity and modality, dates are\n"
        "xsd dates, every statement comes from a sentence with offsets. Prints the violations\n"
        "and exits with 3 when the graph does not conform.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _output_and_store_options(validate)

    view = commands.add_parser(
        "view",
        help="rebuild the HTML views from the store and print the start page's path",
        description="Rewrite index.html, graph.html, timeline.html, pairs/ and actors/ from the store.",
    )
    _output_and_store_options(view)
    view.add_argument("--open", action="store_true", help="also open it in the default browser")

    serve = commands.add_parser(
        "serve",
        help="answer SPARQL over HTTP (SPARQL 1.1 Protocol), read only",
        description="Serve the built store as a SPARQL 1.1 Protocol endpoint (Oxigraph's server):\n"
        "GET or POST queries to http://HOST:PORT/query. Read only unless --allow-updates.\n"
        "The default graph is the union of all briefs' graphs; queries declare their own\n"
        "prefixes (kg: is <https://w3id.org/briefkg/ontology#>). A new build into the same\n"
        "output is picked up within seconds. Queries nested too deep or too long for the\n"
        "engine are refused (HTTP 400), one running past --timeout is stopped. Ctrl-C stops.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _output_option(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=_positive, default=7878, help="port to listen on (default: 7878)")
    serve.add_argument(
        "--allow-updates",
        action="store_true",
        help="accept SPARQL Update; changes go to the server's copy only, lost when it stops or a new build lands",
    )
    serve.add_argument(
        "--timeout",
        type=seconds_option,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"stop a query that runs longer, in whole seconds (default: {DEFAULT_TIMEOUT_SECONDS:g}; 0: no limit)",
    )
    return parser


def run(args: argparse.Namespace, console: Console) -> int:
    if args.command == "build":
        from kg.build import build

        summary = build(
            args.source,
            args.output,
            args.base_iri,
            progress=None if args.quiet else console.progress,
            jobs=args.jobs,
            full=args.full,
            status=None if args.quiet else _status,
            brief_timeout=args.brief_timeout,
            dask=args.dask,
            store_url=args.store,
        )
        print(f"built {args.output}: {summary.line()}")
        return PARTIAL if summary.left_out else 0
    if args.command == "extract":
        return _extract(args.path, args.format, args.brief_timeout)
    from kg.build import reading

    if args.command == "query":
        return run_query(args)
    if args.command == "export":
        return _export(args.output, args.format, args.file, args.store)
    if args.command == "validate":
        from kg.graph import validate_store

        with reading(args.output, args.store) as built:
            report = validate_store(built.store)
        if report.conforms:
            print("conforms: the graph satisfies ontology/shapes.ttl")
            return 0
        print(report.text)
        print(f"does not conform: {report.violations} violation(s)")
        return 3
    if args.command == "serve":
        from kg.serve import Endpoint, serve

        try:
            endpoint = Endpoint(args.host, args.port)
            serve(args.output, endpoint, allow_updates=args.allow_updates, timeout=args.timeout or None)
        except KeyboardInterrupt:
            print("kg: stopped serving", file=sys.stderr)
        return 0
    if args.command == "view":
        from kg.views import INDEX_PAGE, write_views

        with reading(args.output, args.store) as built:
            args.output.mkdir(parents=True, exist_ok=True)
            write_views(built.store, args.output)
        path = args.output / INDEX_PAGE
        print(path.resolve())
        if args.open:
            import webbrowser

            webbrowser.open(path.resolve().as_uri())
        return 0
    raise AssertionError(args.command)


def _export(output: Path, fmt: str, file: Path | None, store_url: str | None) -> int:
    from kg.build import reading
    from kg.graph import export
    from kg.views import NETWORK_FORMATS, export_network

    with reading(output, store_url) as built:
        if fmt in NETWORK_FORMATS:
            written = export_network(built.store, fmt, file, sys.stdout.buffer)
        else:
            export(built.store, fmt, file or sys.stdout.buffer)
            written = [file] if file else []
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


class _Version(argparse.Action):
    """--version, reading the installed package's metadata only when asked (importlib.metadata
    costs more to import than everything else `kg query` needs)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"kg {_version()}")
        parser.exit()


class _Completion(argparse.Action):
    """--print-completion SHELL: shtab's completion script, shtab imported only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, _: object, shell: object, *__: object) -> None:
        import shtab

        print(shtab.complete(parser, str(shell)))
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _status(message: str) -> None:
    print(f"{message} ...", file=sys.stderr, flush=True)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not '{text}'")
    return int(text)


def _extract(path: Path, fmt: str, brief_timeout: float) -> int:
    import logging

    from kg.build import extract_briefs, read_stage
    from kg.read import brief_files

    log = logging.getLogger("kg.extract")
    code = 0
    for outcome in extract_briefs(read_stage(brief_files(path)), 1, brief_timeout):
        if outcome.failure:
            log.warning("%s: left out: %s", outcome.brief.path, outcome.failure)
            code = PARTIAL
        elif outcome.without_text:
            log.warning("%s: %s", outcome.brief.path, outcome.without_text)
        for s in outcome.statements:
            if fmt == "jsonl":
                print(json.dumps(s.to_json(), ensure_ascii=False), flush=True)
            else:
                print(
                    f"{s.doc[:12]:12} {s.subject[:28]:28} {s.relation[:16]:16} {s.object[:32]:32} "
                    f"{s.polarity[:3]} {s.modality[:8]:8} {s.date or '':10}",
                    flush=True,
                )
    return code


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    with interruptible(), reporting() as console:
        try:
            return run(args, console)
        except KeyboardInterrupt:
            console.last("kg: interrupted; the previous output is unchanged")
            return 130
        except OutputLocked as error:
            console.last(f"kg: error: {error}")
            return 75
        except QueryUsageError as error:
            console.last(f"kg: error: {error}")
            return 2
        except BrokenPipeError:
            return _reader_went_away()
        except Exception as error:  # one line for the user; --debug for the traceback
            if args.debug:
                traceback.print_exc()
            console.last(f"kg: error: {error}")
            return 1


def _reader_went_away() -> int:
    """The reader of standard output closed it (`kg extract ... | head`): end quietly with 0, as
    `head` asked for no more. Standard output is pointed at /dev/null so that Python's own flush
    at exit does not fail again (the recipe of Python's signal module documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
