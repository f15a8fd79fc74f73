"""SPARQL as the standard has it, checked before it reaches the engine and run under a time limit.

- **Forms**: the four query forms of SPARQL 1.1 (section 16: SELECT, ASK, CONSTRUCT, DESCRIBE)
  are read from the first keyword after the prologue (BASE and PREFIX declarations). A SPARQL
  Update (INSERT, DELETE, LOAD, CLEAR, ...; SPARQL 1.1 Update section 3) is refused with its own
  message, and a first word that is neither (`SELEC ...`) is a syntax error at the user's line.
- **Limits**: Oxigraph parses and evaluates a query by recursive descent, so a query nested deep
  enough overflows the thread's stack and kills the process (about 2,000 nested groups: "fatal
  runtime error: stack overflow" in `kg serve`, exit 139 in `kg query`). A query nested deeper
  than MAX_NESTING brackets, or longer than MAX_QUERY_CHARS, is refused here with one line.
  Hand-written and generated analytical queries stay far below both (the named queries nest 4 deep).
- **Line numbers**: the project's prefixes are handed to the parser as a map, never prepended
  as text, so a syntax error names the line and column of the user's own query.
- **Time**: Oxigraph cannot cancel a running query from Python, so `evaluate` runs it in a
  daemon thread and gives up waiting after the timeout; the command that asked then exits,
  which ends the thread.
"""

from __future__ import annotations

import itertools
import queue
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import QueryBoolean, QuerySolutions, Triple

MAX_QUERY_CHARS = 256_000
MAX_NESTING = 64
DEFAULT_TIMEOUT_SECONDS = 30.0
SYNTAX_MESSAGE_CHARS = 160
STREAM_CHUNKS = 8  # chunks of 512 rows the query thread reads ahead of the writer

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

# What the prologue and the form keyword cannot contain: strings (long and short), comments and
# IRIs. Masked with blanks of the same length (newlines kept), so positions stay the user's.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|#[^\n]*"
    r"|<[^<>\"{}|^`\\\s]*>"
)
_PROLOGUE = re.compile(r"\s*(?:(?:BASE\s*|PREFIX\s+[\w.-]*:\s*)\s*)*", re.I)
_WORD = re.compile(r"[A-Za-z]+")
_ERROR_AT = re.compile(r"^error at (\d+):(\d+): ?")


class QueryError(Exception):
    """A query that cannot be found, does not parse or cannot be run; one line for the user."""


class QueryRefused(QueryError):
    """A query refused before it reaches the engine: too large, nested too deep, or an update."""


class QueryUsageError(QueryError):
    """Wrong usage (exit 2): an unknown named query, a missing, unknown or ill-typed parameter,
    or an output format that does not fit the query's form."""


class QueryTimeout(QueryError):
    """A query that ran past its time limit."""


@dataclass
class Answer:
    """The result of one query, read whole: the rows of a SELECT, the truth of an ASK, or the
    triples of a CONSTRUCT or DESCRIBE."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)


def mask(query: str) -> str:
    """The query with strings, comments and IRIs blanked (same length, newlines kept)."""
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), query)


def nesting_depth(query: str) -> int:
    """The deepest nesting of (), {} and [] outside strings, comments and IRIs."""
    depth = deepest = 0
    for char in mask(query):
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth = max(depth - 1, 0)
    return deepest


def check_limits(query: str) -> None:
    """QueryRefused for a query (or update) longer than MAX_QUERY_CHARS or nested deeper than
    MAX_NESTING brackets."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryRefused(
            f"the query is {len(query):,} characters long; kg runs queries of at most {MAX_QUERY_CHARS:,}"
        )
    depth = nesting_depth(query)
    if depth > MAX_NESTING:
        raise QueryRefused(
            f"the query nests brackets {depth} deep; kg runs queries nested at most {MAX_NESTING} deep "
            "(deeper ones can crash the SPARQL engine)"
        )


def check_query(query: str) -> str:
    """The form of a query (SELECT, ASK, CONSTRUCT or DESCRIBE), once it is within the limits;
    QueryRefused for an update or a query past the limits, QueryError for an unknown form."""
    check_limits(query)
    masked = mask(query)
    prologue = _PROLOGUE.match(masked)
    start = prologue.end() if prologue else 0
    word = _WORD.match(masked, start)
    keyword = word.group().upper() if word else ""
    if keyword in QUERY_FORMS:
        return keyword
    if keyword in UPDATE_KEYWORDS:
        raise QueryRefused(
            f"'{word.group() if word else keyword}' starts a SPARQL Update: kg query only reads the graph "
            "(the briefs are its source; kg serve --allow-updates changes only the server's copy)"
        )
    line, column = _position(query, start)
    found = f"'{word.group()}'" if word else repr(masked[start : start + 10].strip() or "the end of the query")
    raise QueryError(
        f"the query does not parse: line {line}, column {column}: expected SELECT, ASK, CONSTRUCT or DESCRIBE, "
        f"found {found}"
    )


def syntax_message(error: SyntaxError) -> str:
    """Oxigraph's 'error at LINE:COLUMN: ...' in the words kg uses."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else "syntax error"
    at = _ERROR_AT.match(text)
    if at:
        text = f"line {at.group(1)}, column {at.group(2)}: {text[at.end() :]}"
    if len(text) > SYNTAX_MESSAGE_CHARS:  # Oxigraph may list every token it expected
        text = text[: SYNTAX_MESSAGE_CHARS - 3].rsplit(",", 1)[0] + " ..."
    return f"the query does not parse: {text}"


def evaluate(run: Any, query: str, timeout: float | None = DEFAULT_TIMEOUT_SECONDS) -> Answer:
    """Check `query`, run it with `run` (a callable such as `KnowledgeStore.query`) and read the
    whole answer, giving up after `timeout` seconds (None: no limit)."""
    form = check_query(query)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["answer"] = _read(form, run(query))
        except BaseException as error:  # handed to the waiting thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeout(f"the query ran past its time limit of {timeout:g} s (--timeout SECONDS sets it)")
    if "error" in outcome:
        error = outcome["error"]
        if isinstance(error, SyntaxError):
            raise QueryError(syntax_message(error)) from error
        raise error
    return outcome["answer"]


@dataclass
class Rows:
    """The rows of a SELECT as they come: `variables`, then `rows` (an iterator of lists of
    terms, read from the engine as the consumer asks for them), and whether rows were left
    beyond the page once `rows` is exhausted (`more`)."""

    variables: list[str]
    rows: Iterator[Any]
    more: bool = False
    texts: bool = False  # each row's cells are texts already (the answers from facts), not terms


def select_rows(
    run: Any, query: str, timeout: float | None, offset: int = 0, limit: int | None = None
) -> Rows | Answer:
    """Run a query; a SELECT's rows from `offset` on, at most `limit` (None: all), streamed:
    a thread reads the engine's solutions into a small queue, so memory holds a few chunks of
    rows however many the query gives, and the reading stops once the page is full. `timeout`
    counts from the start to the last row (the waiting consumer gives up; the thread is a
    daemon and ends with the command). Other forms are read whole (`evaluate`)."""
    form = check_query(query)
    if form != "SELECT":
        return evaluate(run, query, timeout)
    deadline = None if timeout is None else time.monotonic() + timeout
    chunks: queue.Queue[Any] = queue.Queue(maxsize=STREAM_CHUNKS)
    stop = threading.Event()

    def put(item: Any) -> None:
        """Hand an item over, unless the consumer has stopped (then the thread just ends)."""
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def work() -> None:
        try:
            solutions = run(query)
            variables = [v.value for v in solutions.variables]
            put(variables)
            wanted = None if limit is None else limit + 1  # one more tells whether the page is the last
            page = itertools.islice(solutions, offset, None if wanted is None else offset + wanted)
            while not stop.is_set() and (chunk := [[s[v] for v in variables] for s in itertools.islice(page, 512)]):
                put(chunk)
            put(None)
        except BaseException as error:  # handed to the waiting thread
            put(error)

    threading.Thread(target=work, name="kg-query", daemon=True).start()
    variables = _take(chunks, deadline, timeout)
    result = Rows(variables, iter(()))

    def rows() -> Iterator[list[Any]]:
        given = 0
        try:
            while (chunk := _take(chunks, deadline, timeout)) is not None:
                for row in chunk:
                    if limit is not None and given == limit:
                        result.more = True
                        return
                    given += 1
                    yield row
        finally:
            stop.set()

    result.rows = rows()
    return result


def _take(chunks: queue.Queue[Any], deadline: float | None, timeout: float | None) -> Any:
    try:
        item = chunks.get(timeout=None if deadline is None else max(deadline - time.monotonic(), 0.001))
    except queue.Empty:
        raise QueryTimeout(f"the query ran past its time limit of {timeout:g} s (--timeout SECONDS sets it)") from None
    if isinstance(item, BaseException):
        if isinstance(item, SyntaxError):
            raise QueryError(syntax_message(item)) from item
        raise item
    return item


def _read(form: str, results: Any) -> Answer:
    if isinstance(results, QuerySolutions):
        variables = [v.value for v in results.variables]
        return Answer(form, variables, [[solution[v] for v in variables] for solution in results])
    if isinstance(results, QueryBoolean | bool):
        return Answer(form, boolean=bool(results))
    return Answer(form, triples=list(results))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
