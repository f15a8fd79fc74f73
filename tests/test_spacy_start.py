"""A worker imports spaCy without its command line (`kg.build.spacy_start`)."""

import subprocess
import sys

CHECK = """
import sys
from kg.build.spacy_start import import_spacy
import_spacy()
import spacy
print("typer" in sys.modules, "spacy.cli" in sys.modules, hasattr(spacy, "cli"), callable(spacy.info))
from spacy import cli
print(hasattr(cli, "app"), "typer" in sys.modules)
"""


def test_spacy_is_imported_without_its_command_line_which_a_later_import_gets_whole() -> None:
    run = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[:2] == ["False False False True", "True True"]


def test_a_worker_imports_neither_the_store_nor_dateparser() -> None:
    """The worker's module and the pipeline leave out what a worker never uses at its start: the
    build's output names (`kg.build`), the store's modules behind them, and dateparser (`kg.dates`)."""
    check = (
        "import sys\nimport kg.build.worker, kg.extract.pipeline\n"
        "print(*(name in sys.modules for name in ('kg.build.output', 'kg.graph', 'dateparser')))\n"
        "from kg.build import reading\nprint('kg.graph' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[:2] == ["False False False", "True"]
