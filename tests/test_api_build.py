"""kg.build_graph and kg.extract_statements from a fresh interpreter, with string paths (spaCy is loaded by the
calls, not by `import kg`); a brief in Russian is named, as kg build and kg extract name it. The briefs are
written for this test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BRIEF = """Poland and Lithuania

On 3 March 2024, Poland refused a dialogue with Belarus on border crossings, the Polish foreign ministry said in Warsaw.
"""
RUSSIAN = """Переговоры на границе

Министр иностранных дел Литвы заявил во вторник, что Вильнюс готов обсудить с Варшавой общие меры безопасности
на границе. По его словам, переговоры начнутся в следующем месяце в Брюсселе, а их итоги будут представлены
парламенту до конца года.
"""
SCRIPT = r"""
import json, sys
import kg
folder, output = sys.argv[1], sys.argv[2]
graph = kg.build_graph(folder, output)
graph.query("ASK { ?s ?p ?o }")  # imports kg.build and kg.extract, the subpackages
extracted = kg.extract_statements(folder)
again = kg.build_graph(folder, output)  # the functions are still there
print(json.dumps({
    "built": [[r["subject"], r["relation"], r["object"], r["date"]] for r in graph.query("who-did-what")],
    "extracted": [[s.subject, s.relation, s.object, s.modality, s.date] for s in extracted],
    "manifest": graph.manifest["briefs"],
    "again": again.manifest["briefs"],
}))
"""


@pytest.mark.timeout(300)
def test_build_and_extract_from_the_api_with_string_paths(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "warsaw.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "vilnius.txt").write_text(RUSSIAN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder), str(tmp_path / "output")],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["built"] == [["Poland", "refuse", "dialogue", "2024-03-03"]]
    assert result["extracted"] == [["Poland", "refuse", "dialogue", "reported", "2024-03-03"]]
    assert result["manifest"] == result["again"] == 2
    named = f"{folder / 'vilnius.txt'}: no text to read: it does not read as English (0% of its words are English"
    # named by the first build and by the extraction (the second build finds nothing changed)
    assert done.stderr.count(named) == 2
    assert done.stderr.count("it is written in Russian\n") == 2
    assert (tmp_path / "output" / "graph.html").is_file()


@pytest.mark.timeout(300)
def test_a_script_without_a_main_guard_and_one_read_from_stdin(tmp_path: Path) -> None:
    """The build's workers are spawned processes, which run the parent's main script again unless
    it is hidden from them: a script without `if __name__ == "__main__":` failed at its first
    worker, and so did one read from standard input."""
    (tmp_path / "warsaw.txt").write_text(BRIEF, encoding="utf-8")
    script = tmp_path / "notebook_export.py"
    script.write_text(
        "import kg\n"
        "graph = kg.build_graph('warsaw.txt', 'output')\n"
        "print(len(graph.statements()), len(kg.extract_statements('warsaw.txt')))\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "1 1\n"), done.stderr[-2000:]
    done = subprocess.run(
        [sys.executable, "-"],
        input="import kg\nprint(len(kg.extract_statements('warsaw.txt')))\n",
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "1\n"), done.stderr[-2000:]
