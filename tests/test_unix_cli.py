"""The command line behaves as Unix tools do: a closed pipe ends it quietly, --version, help on
every command, shell completion scripts."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from kg.cli import main, make_parser
from kg.graph.store import KnowledgeStore
from tests.output_fixture import output_from

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg.cli"]


@pytest.fixture(scope="module")
def output(small_store: KnowledgeStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return output_from(small_store, tmp_path_factory.mktemp("unix") / "output")


def first_line_then_close(command: list[str]) -> tuple[int, bytes, bytes]:
    """What `command | head -1` does: read one line, close the pipe, let the writer find out."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    line = process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    return process.wait(timeout=120), line, error


@pytest.mark.timeout(120)
def test_export_into_a_closed_pipe_ends_quietly(output: Path) -> None:
    code, line, error = first_line_then_close([*KG, "export", "--format", "nt", "-o", str(output)])
    assert line.startswith(b"<http")
    assert (code, error) == (0, b"")


@pytest.mark.timeout(120)
def test_query_into_a_closed_pipe_ends_quietly(output: Path) -> None:
    everything = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"  # the vocabulary too: far more than a pipe holds
    code, line, error = first_line_then_close([*KG, "query", everything, "--format", "nt", "-o", str(output)])
    assert line.startswith(b"<http")
    assert (code, error) == (0, b"")


@pytest.mark.timeout(180)
def test_extract_into_a_closed_pipe_ends_quietly() -> None:
    code, line, error = first_line_then_close([*KG, "extract", str(ROOT / "seeds")])
    assert line.startswith(b'{"doc": ')
    assert (code, error) == (0, b"")


def test_version_comes_from_the_package_metadata(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"kg {version('kg')}\n"


def test_every_command_has_help_and_a_description() -> None:
    parser = make_parser()
    [commands] = [a for a in parser._actions if a.dest == "command"]
    helps = {choice.dest: choice.help for choice in commands._choices_actions}
    assert set(helps) == set(commands.choices) >= {"build", "extract", "query", "export", "validate", "view", "serve"}
    for name, sub in commands.choices.items():
        assert helps[name], name
        assert sub.description and len(sub.description) > 40, name
        for action in sub._actions:
            assert action.help, f"kg {name} {action.option_strings or action.dest}"


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o"), ("zsh", "#compdef kg")])
def test_completion_scripts(shell: str, marker: str) -> None:
    done = subprocess.run([*KG, "--print-completion", shell], capture_output=True, text=True, check=True)
    assert marker in done.stdout
    for command in ("build", "query", "export", "validate", "serve"):
        assert command in done.stdout
