"""The parameters a named query declares, in a TOML file beside its `.rq` file (`theme.rq`,
`theme.toml`), and the checking of the values a user gives them.

Each table of the file is one parameter:

    [root]
    description = "a CAMEO root code, 01 to 20"
    type = "cameo-root"      # string (the default), integer, date, cameo-root, cameo-code or actor
    required = true          # or: default = "..."
    choices = ["01", "02"]   # optional: the allowed values

A missing, unknown or ill-typed value is a QueryUsageError naming every parameter, so a misspelt
`--param actr=...` can never run the query with the variable unbound and print "(0 rows)".
An `actor` parameter is given as any name or alias of the actor, in any case; its IRI is looked
up once (a small query over the labels) and written into the query, so the query joins on the
actor's node from the start instead of scanning every label with a FILTER (on 1,000 briefs, the
statements of one actor took 2.9 s found by label in the query, 0.3 s by IRI). A name shared by
several actors gives them all (a VALUES block).

Codes are written as CAMEO writes them: roots have two digits ("4" is root "04"; CAMEO
codebook 1.1b3, whose twenty roots run 01 to 20), and a longer code keeps its root's two digits.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.graph.paging import PagePlan, PartSolutions
from kg.graph.queries import bind, bind_nodes, load_query, named_queries
from kg.graph.sparql import QueryUsageError
from kg.graph.store import GraphStore

TYPES = ("string", "integer", "date", "cameo-root", "cameo-code", "actor")
PAGING = "paging"  # the table that says how the answer splits into parts (kg.graph.paging), no parameter
# an actor parameter's value is any of its names, in any case: looked up once, before the query
ACTOR_NAMES = """SELECT DISTINCT ?actor WHERE {
  ?actor skos:prefLabel|skos:altLabel ?name .
  FILTER(LCASE(STR(?name)) = LCASE(?given))
} ORDER BY ?actor"""
NO_ACTOR = "urn:kg:no-such-actor"  # what an actor parameter naming nobody is bound to: no rows
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    type: str = "string"
    required: bool = False
    default: str | None = None
    choices: tuple[str, ...] = ()

    def usage(self) -> str:
        """One line for `--help` and for errors."""
        need = "required" if self.required else f"default {self.default!r}" if self.default is not None else "optional"
        allowed = f"; one of {', '.join(self.choices)}" if self.choices else ""
        return f"{self.name} ({self.type}, {need}{allowed}): {self.description}"


def declared_parameters(query_file: Path) -> list[Parameter]:
    """The parameters declared beside `query_file` (none when it has no declaration file)."""
    declaration = query_file.with_suffix(".toml")
    if not declaration.is_file():
        return []
    tables = tomllib.loads(declaration.read_text(encoding="utf-8"))
    parameters = []
    for name, spec in tables.items():
        if name == PAGING:
            continue
        kind = spec.get("type", "string")
        if kind not in TYPES:
            raise ValueError(f"{declaration}: parameter {name} has type {kind!r}, not one of {', '.join(TYPES)}")
        default = spec.get("default")
        parameters.append(
            Parameter(
                name,
                spec.get("description", ""),
                kind,
                bool(spec.get("required", False)),
                None if default is None else str(default),
                tuple(str(c) for c in spec.get("choices", ())),
            )
        )
    return parameters


def check_parameters(query_name: str, declared: list[Parameter], given: dict[str, str]) -> dict[str, str]:
    """The values to bind: `given`, checked against `declared` and normalised, with defaults."""
    known = {p.name: p for p in declared}
    unknown = sorted(set(given) - set(known))
    if unknown:
        _fail(query_name, declared, f"unknown parameter {', '.join(unknown)}")
    values: dict[str, str] = {}
    for parameter in declared:
        if parameter.name in given:
            values[parameter.name] = _normalise(query_name, declared, parameter, given[parameter.name])
        elif parameter.default is not None:
            values[parameter.name] = parameter.default
        elif parameter.required:
            _fail(query_name, declared, f"missing parameter {parameter.name} (--param {parameter.name}=VALUE)")
    return values


def describe_parameters(declared: list[Parameter]) -> str:
    if not declared:
        return "  (none)"
    return "\n".join(f"  --param {p.usage()}" for p in declared)


def _normalise(query_name: str, declared: list[Parameter], parameter: Parameter, value: str) -> str:
    text = value.strip()
    problem = None
    if parameter.type == "integer":
        problem = None if re.fullmatch(r"-?\d+", text) else "a whole number"
    elif parameter.type == "date":
        problem = None if _DATE.fullmatch(text) else "a date: YYYY, YYYY-MM or YYYY-MM-DD"
    elif parameter.type == "cameo-root":
        text = text.zfill(2) if text.isdigit() and len(text) <= 2 else text
        problem = None if text.isdigit() and 1 <= int(text) <= 20 and len(text) == 2 else "a CAMEO root, 01 to 20"
    elif parameter.type == "cameo-code":
        text = text.zfill(2) if text.isdigit() and len(text) == 1 else text
        problem = None if re.fullmatch(r"(0[1-9]|1\d|20)\d{0,2}", text) else "a CAMEO code such as 04, 042 or 1041"
    elif not text:
        problem = "a non-empty text"
    if problem is None and parameter.choices and text not in parameter.choices:
        problem = f"one of {', '.join(parameter.choices)}"
    if problem:
        _fail(query_name, declared, f"parameter {parameter.name} must be {problem}, not {value!r}")
    return text


def _fail(query_name: str, declared: list[Parameter], problem: str) -> None:
    raise QueryUsageError(
        f"{query_name}: {problem}; its parameters: " + ("; ".join(p.usage() for p in declared) if declared else "none")
    )


def prepare_query(spec: str, given: dict[str, str], store: GraphStore) -> str:
    """The SPARQL to run for `spec` (a named query, an .rq file or SPARQL text) with the values
    `given`: a named query's are checked against its declaration first, and its actor
    parameters looked up in `store`."""
    return prepare_run(spec, given, store)[0]


def prepare_run(
    spec: str, given: dict[str, str], store: GraphStore, *, whole: bool = False
) -> tuple[str, Callable[[str], Any]]:
    """The SPARQL of `prepare_query` and what runs it: `store.query`, or for a named query that
    declares how its answer splits (`[paging]`) a runner that reads it part by part
    (`kg.graph.paging`), its keys query bound to the same values. The `whole` answer runs as one
    query: one evaluation and one sort cost less in all than the parts (who-did-what at 5,000
    briefs: 23 CPU s whole, 29-36 in parts), which only pay where a page is wanted."""
    queries = named_queries()
    if spec not in queries:
        return bind(load_query(spec), given), store.query
    declared = declared_parameters(queries[spec])
    values = check_parameters(spec, declared, given)
    actors = {p.name for p in declared if p.type == "actor" and p.name in values}
    nodes = {name: _actor_iris(store, values.pop(name)) for name in actors}
    query = bind(bind_nodes(load_query(spec), nodes), values)
    plan = None if whole else page_plan(queries[spec])
    if plan is None:
        return query, store.query
    keys, members = (bind(bind_nodes(text, nodes), values) if text else "" for text in (plan.keys, plan.members))
    return query, lambda sparql: PartSolutions(store.query, sparql, plan, keys, members)


def page_plan(query_file: Path) -> PagePlan | None:
    """How the answer of the query in `query_file` splits into parts (its `[paging]`), if it says."""
    declaration = query_file.with_suffix(".toml")
    if not declaration.is_file():
        return None
    table = tomllib.loads(declaration.read_text(encoding="utf-8")).get(PAGING)
    return None if table is None else PagePlan.from_table(table, str(declaration))


def check_query_spec(spec: str, given: dict[str, str]) -> None:
    """The usage errors of `prepare_query` (an unknown named query, a missing, unknown or
    ill-typed parameter), raised before any store is opened."""
    queries = named_queries()
    if spec in queries:
        check_parameters(spec, declared_parameters(queries[spec]), given)
    else:
        load_query(spec)


def _actor_iris(store: GraphStore, name: str) -> list[str]:
    found = store.query(bind(ACTOR_NAMES, {"given": name}))
    return [row["actor"].value for row in found] or [NO_ACTOR]  # type: ignore[index, union-attr]
