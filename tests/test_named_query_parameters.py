"""Named queries declare their parameters beside their .rq files; a missing, unknown or ill-typed
value is wrong usage (exit 2) naming every parameter, never an empty answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.cli import main
from kg.graph.queries import named_queries
from kg.graph.query_params import Parameter, check_parameters, declared_parameters
from kg.graph.sparql import QueryUsageError
from kg.graph.store import KnowledgeStore
from tests.output_fixture import output_from

ACTOR_USAGE = "actor (actor, required): the actor: its name or any alias, in any case"


@pytest.fixture(scope="module")
def output(view_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return output_from(view_store, tmp_path_factory.mktemp("params") / "output")


def run(output: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["query", *args, "-o", str(output)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_named_query_declares_its_parameters_and_uses_them() -> None:
    for name, path in named_queries().items():
        assert path.with_suffix(".toml").is_file(), f"{name} has no declaration of its parameters"
        text = path.read_text(encoding="utf-8")
        for parameter in declared_parameters(path):
            assert re.search(rf"[?$]{parameter.name}\b", text), f"{name} declares {parameter.name} but never uses it"
            assert parameter.description


def test_a_missing_parameter_is_an_error_listing_the_parameters(output: Path, capsys) -> None:
    code, out, err = run(output, capsys, "actor-timeline")
    assert (code, out) == (2, "")
    assert err.startswith(
        f"kg: error: actor-timeline: missing parameter actor (--param actor=VALUE); its parameters: {ACTOR_USAGE}"
    )
    assert err.count("\n") == 1


def test_an_unknown_parameter_is_an_error(output: Path, capsys) -> None:
    code, _, err = run(output, capsys, "actor-timeline", "--param", "actr=Lukashenko")
    assert code == 2
    assert err.startswith(f"kg: error: actor-timeline: unknown parameter actr; its parameters: {ACTOR_USAGE}")


def test_an_ill_typed_parameter_is_an_error(output: Path, capsys) -> None:
    code, _, err = run(output, capsys, "events-by-root", "--param", "root=expel")
    assert code == 2
    assert err.startswith("kg: error: events-by-root: parameter root must be a CAMEO root, 01 to 20, not 'expel'")
    code, _, err = run(output, capsys, "events-by-root", "--param", "root=21")
    assert code == 2
    code, _, err = run(output, capsys, "who-did-what", "--param", "actor=x")
    assert (code, err) == (2, "kg: error: who-did-what: unknown parameter actor; its parameters: none\n")


def test_a_cameo_root_is_normalised_to_two_digits(output: Path, capsys) -> None:
    padded = run(output, capsys, "events-by-root", "--param", "root=04", "--format", "csv")
    short = run(output, capsys, "events-by-root", "--param", "root=4", "--format", "csv")
    assert short == padded
    assert short[1].splitlines()[1:] == ["042,Make a visit,European Union,meet,Lithuania,2024-06-20,brief-c"]


def test_named_query_help_lists_its_parameters(output: Path, capsys) -> None:
    code, out, _ = run(output, capsys, "actor-timeline", "--help")
    assert code == 0
    assert out.startswith("usage: kg query actor-timeline --param actor=... [--format FORMAT]")
    assert f"parameters:\n  --param {ACTOR_USAGE}" in out
    code, out, _ = run(output, capsys, "--help")
    assert code == 0
    assert "named queries:" in out and "kg query NAME --help" in out


def test_defaults_and_allowed_values() -> None:
    declared = [
        Parameter("tone", "the tone", choices=("positive", "negative"), default="positive"),
        Parameter("since", "first date", type="date"),
        Parameter("limit", "how many", type="integer", default="10"),
        Parameter("code", "an event code", type="cameo-code"),
    ]
    assert check_parameters("q", declared, {}) == {"tone": "positive", "limit": "10"}
    assert check_parameters("q", declared, {"since": "2024-03", "code": "4", "limit": "3"}) == {
        "tone": "positive",
        "since": "2024-03",
        "limit": "3",
        "code": "04",
    }
    for bad in ({"tone": "neutral"}, {"since": "March 2024"}, {"limit": "ten"}, {"code": "99"}):
        with pytest.raises(QueryUsageError, match="its parameters: tone"):
            check_parameters("q", declared, bad)
