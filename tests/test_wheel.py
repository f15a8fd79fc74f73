"""A wheel installs a working kg (issue 14). The wheel is built from a copy of this checkout
(`pip wheel`, no network: the test environment's setuptools), installed into a fresh virtual
environment, and its `kg` builds the seeds with the ontology the wheel carries
(`kg/ontology_data`, the top-level `ontology/` folder). The fresh environment takes kg's
dependencies from the test environment's site-packages through a .pth file written after kg is
installed; its own site-packages comes first, so `kg` is the wheel's."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.timeout(600)
def test_a_wheel_in_a_fresh_venv_builds_the_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source"
    shutil.copytree(ROOT / "kg", source / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "ontology", source / "ontology")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    run(*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist", source, cwd=tmp_path)
    [wheel] = (tmp_path / "dist").glob("kg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        packed = set(archive.namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "kg").rglob("*.py")}
    ontology = {
        f"kg/ontology_data/{p.relative_to(ROOT / 'ontology').as_posix()}" for p in (ROOT / "ontology").rglob("*")
    }
    assert (modules | ontology) - packed == set()  # every module (a new subpackage must be listed) and vocabulary

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(*pip, "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    [site] = (venv / "lib").glob("python3*/site-packages")
    (site / "kg-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    assert run(python, "-c", "import kg.ontology; print(kg.ontology.ONTOLOGY_DIR)", cwd=tmp_path).strip() == str(
        site / "kg" / "ontology_data"
    )

    output = tmp_path / "output"
    run(venv / "bin" / "kg", "build", ROOT / "seeds", "-o", output, cwd=tmp_path)
    assert main(["extract", str(ROOT / "seeds"), "--format", "jsonl"]) == 0
    assert (output / "statements.jsonl").read_text(encoding="utf-8") == capsys.readouterr().out
    assert (output / "graph.ttl").is_file()
