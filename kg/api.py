"""The Python API (`import kg`): build a graph from briefs, open a built one, query it into rows,
a pandas DataFrame or an rdflib graph, read its statements and its networkx graph.

The functions are named `build_graph` and `extract_statements`, not `build` and `extract`: those
are the names of kg's subpackages (`kg.build`, `kg.extract`), and Python sets a subpackage as an
attribute of its parent when it is imported, which would replace a function of the same name.

Importing it is light: spaCy, pyoxigraph, networkx and pandas are imported by the calls that
need them, so `import kg` in a notebook costs milliseconds. Every path may be a `str` or a
`pathlib.Path`.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx
    import pandas
    import rdflib

    from kg.extract import Statement
    from kg.graph import Answer, GraphStore

PathLike = str | os.PathLike[str]
_log = logging.getLogger("kg.api")
DEFAULT_OUTPUT = "output"
DEFAULT_TIMEOUT = 30.0
_NUMBERS = {
    "http://www.w3.org/2001/XMLSchema#integer": int,
    "http://www.w3.org/2001/XMLSchema#int": int,
    "http://www.w3.org/2001/XMLSchema#long": int,
    "http://www.w3.org/2001/XMLSchema#decimal": float,
    "http://www.w3.org/2001/XMLSchema#double": float,
    "http://www.w3.org/2001/XMLSchema#float": float,
}


class KnowledgeGraph:
    """A built output folder, opened for reading (what `kg query`, `kg export` and the views read).

    >>> graph = kg.open("output")
    >>> graph.query("actor-timeline", actor="Lukashenka")[0]["relation"]
    'receive'
    """

    def __init__(self, output: PathLike = DEFAULT_OUTPUT) -> None:
        from kg.build import read_manifest

        self.path = Path(output)
        self.manifest: dict[str, object] = read_manifest(self.path)

    def __repr__(self) -> str:
        m = self.manifest
        from kg.wording import counted

        counts = f"{counted(m.get('briefs'), 'brief')}, {counted(m.get('statements'), 'statement')}"
        return f"<kg.KnowledgeGraph {self.path}: {counts}>"

    @contextmanager
    def reading(self) -> Iterator[GraphStore]:
        """The store (Oxigraph, read only, or the SPARQL server the build wrote to) for the `with`
        block: a build that finishes meanwhile waits for the block to end, so the block reads one
        build, whole. Every method below opens it for its own call, so a notebook never keeps a
        build waiting."""
        from kg.build import reading

        with reading(self.path) as built:
            yield built.store

    def query(
        self, query: str, *, timeout: float | None = DEFAULT_TIMEOUT, **params: object
    ) -> list[dict[str, Any]] | bool | rdflib.Graph:
        """Run SPARQL text, an `.rq` file or a named query (`"actor-timeline"`, with its
        parameters as keywords: `actor="Lukashenka"`). A SELECT gives a list of rows (dicts of
        variable to value: numbers as int or float, everything else as text, None when unbound),
        an ASK a bool, a CONSTRUCT or DESCRIBE an `rdflib.Graph`. The project's prefixes (kg:,
        skos:, actor: ...) are declared; errors are `kg.QueryError` with kg query's one line."""
        answer = self._evaluate(query, timeout, params)
        if answer.form == "ASK":
            return bool(answer.boolean)
        if answer.form in ("CONSTRUCT", "DESCRIBE"):
            import rdflib
            from pyoxigraph import RdfFormat, serialize

            text = serialize(answer.triples, format=RdfFormat.N_TRIPLES) or b""
            return rdflib.Graph().parse(data=text.decode(), format="nt")
        return [dict(zip(answer.variables, map(_python_value, row), strict=True)) for row in answer.rows]

    def dataframe(self, query: str, *, timeout: float | None = DEFAULT_TIMEOUT, **params: object) -> pandas.DataFrame:
        """A SELECT's rows as a pandas DataFrame, one column a variable (pandas is not a
        dependency of kg: `pip install pandas` first)."""
        try:
            import pandas
        except ImportError as error:
            raise ImportError("KnowledgeGraph.dataframe needs pandas: pip install pandas") from error
        from kg.graph import QueryError

        answer = self._evaluate(query, timeout, params)
        if answer.form != "SELECT":
            raise QueryError(
                f"a DataFrame holds the rows of a SELECT query, not of a{'n' * (answer.form == 'ASK')} {answer.form}"
            )
        return pandas.DataFrame([[_python_value(t) for t in row] for row in answer.rows], columns=answer.variables)

    def _evaluate(self, query: str, timeout: float | None, params: dict[str, object]) -> Answer:
        from kg.graph import evaluate, prepare_query

        with self.reading() as store:
            sparql = prepare_query(query, {k: str(v) for k, v in params.items()}, store)
            return evaluate(store.query, sparql, timeout)

    def statements(self) -> list[Statement]:
        """Every statement of the build, as `kg.Statement` dataclasses, in brief order (read from
        the build's statements.jsonl, written with the store)."""
        from kg.build import STATEMENTS_FILE

        return _read_statements(self.path / STATEMENTS_FILE)

    def network(self) -> networkx.MultiDiGraph:
        """The graph the views draw, as a networkx MultiDiGraph: nodes are actors and themes
        (keyed by IRI; label, type, cameo_code, statements), edges are statements (keyed by
        IRI; relation, polarity, modality, date, brief, sentence, event_code, goldstein,
        quad_class). `kg export --format graphml|gexf|csv` writes the same graph."""
        from kg.views import statement_graph

        with self.reading() as store:
            return statement_graph(store)

    def export(self, file: PathLike, format: str = "turtle") -> Path:
        """Write the graph as `kg export --format FORMAT -f FILE` does; return the path."""
        from kg.graph import FORMATS, export
        from kg.views import NETWORK_FORMATS, export_network

        target = Path(file)
        with self.reading() as store:
            if format in NETWORK_FORMATS:
                export_network(store, format, target, None)  # type: ignore[arg-type]
            elif format in FORMATS:
                export(store, format, target)
            else:
                raise ValueError(f"no export format {format!r}: {', '.join([*FORMATS, *NETWORK_FORMATS])}")
        return target


def open_output(output: PathLike = DEFAULT_OUTPUT) -> KnowledgeGraph:
    """Open a built output folder (`kg.open("output")`)."""
    return KnowledgeGraph(output)


def build_graph(
    source: PathLike,
    output: PathLike = DEFAULT_OUTPUT,
    *,
    jobs: int = 1,
    full: bool = False,
    base_iri: str | None = None,
) -> KnowledgeGraph:
    """Build (or incrementally rebuild) the graph of the briefs under `source` into `output`,
    as `kg build` does, and open it. Notes on skipped files go to stderr."""
    from kg.build import build as run_build
    from kg.graph import DEFAULT_BASE_IRI

    run_build(Path(source), Path(output), base_iri or DEFAULT_BASE_IRI, jobs=jobs, full=full)
    return KnowledgeGraph(output)


def extract_statements(path: PathLike, *, brief_timeout: float | None = None) -> list[Statement]:
    """The statements of a brief or a folder of briefs, as `kg extract` prints them (nothing
    is written), read and extracted as a build does: a brief without body text or not in
    English, one over `brief_timeout` seconds (default: kg build's) and one that fails are
    named on stderr (the `kg.api` logger) and give no statement. Extraction runs in a worker
    process that loads spaCy's pipeline (a few seconds a call)."""
    from kg.build import DEFAULT_BRIEF_TIMEOUT, extract_briefs, read_stage
    from kg.read import brief_files

    limit = DEFAULT_BRIEF_TIMEOUT if brief_timeout is None else brief_timeout
    statements: list[Statement] = []
    for outcome in extract_briefs(read_stage(brief_files(Path(path))), 1, limit):
        if outcome.failure:
            _log.warning("%s: left out: %s", outcome.brief.path, outcome.failure)
        elif outcome.without_text:
            _log.warning("%s: %s", outcome.brief.path, outcome.without_text)
        statements.extend(outcome.statements)
    return statements


def _read_statements(path: Path) -> list[Statement]:
    from kg.extract import Statement

    names = {f.name for f in fields(Statement) if not f.name.endswith("_actor")}
    with path.open(encoding="utf-8") as lines:
        return [
            Statement(**{k: v for k, v in json.loads(line).items() if k in names}) for line in lines if line.strip()
        ]


def _python_value(term: object) -> Any:
    from pyoxigraph import BlankNode, Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        convert = _NUMBERS.get(term.datatype.value)
        if convert is not None:
            try:
                return convert(term.value)
            except ValueError:
                return term.value
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value  # type: ignore[attr-defined]
