"""The facts the named queries read, kept beside the store in a small SQLite file
(`answers.sqlite`), so that `kg query NAME` answers without joining the store at query time
(`kg.graph.answer_rows` computes each named query's rows from them).

Oxigraph joins a statement's row of who-did-what with about 17 index lookups (130 µs a row:
6,400 rows/s at 5,000 briefs) and sorts every row before the first (no top-k sort), so the
named queries cannot answer at click speed from the store. The facts here are what those joins
read, laid out once by the build:

- `statements`: one row per statement node (a node with `kg:inBrief` and a statement property),
  its properties and its sentence's text and offsets, as the statement's own brief graph gives
  them (statement and sentence nodes are named after their brief, so no other graph describes
  them);
- `nodes`: the labels, types, notations, quad classes, Goldstein values and identifiers of every
  other node (actors, themes, relations, briefs, CAMEO concepts, the vocabulary) as the union
  graph gives them: several briefs may describe one actor, so these are read from the union,
  and refreshed for every node a changed brief describes, before or after the change;
- `described`: the nodes each brief graph describes (a JSON list: what to refresh when the
  brief changes).

The build keeps the file up to date (`FactsWriter`): it reads the facts of every brief graph
from the quads it writes into the store; an incremental build starts from the previous build's
file and redoes only the changed briefs' statements and the nodes those briefs describe. The
file is a cache of the store and is only used when it belongs to the store beside it
(`open_answers`): its `stamp` names the store's files (RocksDB table files, manifest, its
IDENTITY), and the digest of the named queries' files it was made for; a store written by
another build, a SPARQL server, an edited query or data outside the shapes it reads
(`regular`) all mean the SPARQL runs instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.graph.namespaces import DCTERMS, KG, NIF, PROV, RDF, RDFS, SKOS, XSD
from kg.graph.nquads import Row
from kg.graph.queries import QUERY_DIR
from kg.graph.store import KnowledgeStore
from kg.sqlite_meta import read_meta

ANSWERS_FILE = "answers.sqlite"
FORMAT = "kg-answers-2"
XSD_INTEGER = XSD + "integer"
# four-digit years without a time zone (kg.graph.rdf): their text orders them as time does
DATE_TYPES = {XSD + "date", XSD + "gYearMonth", XSD + "gYear"}
# statement node property -> column (a statement has at most one of each in its brief graph)
STATEMENT_COLUMNS = {
    KG + "subject": "subject",
    KG + "relation": "relation",
    KG + "object": "object",
    KG + "polarity": "polarity",
    KG + "modality": "modality",
    KG + "eventCode": "event",
    KG + "source": "source",
    PROV + "wasDerivedFrom": "sentence",
    KG + "inBrief": "brief",
}
DATE = KG + "date"
SENTENCE_COLUMNS = {NIF + "anchorOf": "anchor", NIF + "beginIndex": "begin", NIF + "endIndex": "end"}
INTERNAL = KG + "segment"  # statements, sentences and segments carry it: nodes of one brief only
TYPE = RDF + "type"
STATEMENT_CLASS = KG + "Statement"
# node property -> short name (`nodes.pred`)
NODE_PREDICATES = {
    SKOS + "prefLabel": "pref",
    SKOS + "altLabel": "alt",
    RDFS + "label": "label",
    TYPE: "type",
    SKOS + "notation": "notation",
    KG + "quadClass": "quad",
    KG + "goldstein": "goldstein",
    DCTERMS + "identifier": "ident",
}
_NODE_ORDER = {predicate: order for order, predicate in enumerate(NODE_PREDICATES)}  # (`_node_rows`)
_NODE_SHORT = list(NODE_PREDICATES.values())
# cooperation-conflict's statements counted by pair, month and event code (`months`): SQLite groups
# them in 0.15 s at 5,000 briefs, too slow for every first page; kept per pair, they are redone
# for the pairs of the statements a build writes or drops
DATED_EVENTS = "WHERE event IS NOT NULL AND date IS NOT NULL AND subject IS NOT NULL AND object IS NOT NULL"
MONTHS = f"SELECT subject, object, substr(date, 1, 7), event, COUNT(*) FROM statements {DATED_EVENTS}"
MONTH_GROUPS = "subject, object, substr(date, 1, 7), event"
ACTOR_CLASSES = "SELECT ?kind WHERE { ?kind rdfs:subClassOf* kg:Actor }"
TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE statements (iri TEXT, graph TEXT, is_statement INT, subject TEXT, relation TEXT,
  object TEXT, polarity TEXT, modality TEXT, event TEXT, source TEXT, sentence TEXT, brief TEXT,
  date TEXT, date_type TEXT, anchor TEXT, "begin" INT, "end" INT);
CREATE TABLE nodes (iri TEXT, pred TEXT, value TEXT, kind TEXT);
CREATE TABLE described (graph TEXT PRIMARY KEY, nodes TEXT);
CREATE TABLE months (subject TEXT, object TEXT, month TEXT, event TEXT, count INT);
"""
INDEXES = """  -- made once the rows of a full build are in (faster than row by row)
CREATE INDEX statements_graph ON statements (graph);
CREATE INDEX statements_brief ON statements (brief);
CREATE INDEX statements_subject ON statements (subject, date, date_type, brief);
CREATE INDEX statements_relation ON statements (relation, brief);
CREATE INDEX statements_object ON statements (object, brief);
CREATE INDEX statements_event ON statements (event, date, date_type, brief);
CREATE INDEX statements_source ON statements (source, is_statement, brief);
CREATE INDEX statements_pair ON statements (subject, object, polarity);
CREATE INDEX statements_month ON statements (subject, object, date, event);
CREATE INDEX nodes_iri ON nodes (iri);
CREATE INDEX nodes_pred ON nodes (pred, value);
CREATE INDEX months_pair ON months (subject, object);
"""


def term_kind(term: object) -> tuple[str, str]:
    """A term as (value, kind): kind is '' for an IRI, '"' for a plain string, '@lang' for a
    language-tagged string, or the datatype IRI."""
    if isinstance(term, Literal):
        if term.language:
            return term.value, "@" + term.language
        datatype = term.datatype.value
        return term.value, '"' if datatype == XSD + "string" else datatype
    value = getattr(term, "value", None)  # (not `getattr(term, "value", str(term))`: str() for every IRI)
    return (str(term) if value is None else value), ""


def _name(term: Any) -> str:
    """A node's IRI (or blank node's id)."""
    return str(term.value)


def queries_digest() -> str:
    """A digest of the named queries' files: answers made for other queries are not used."""
    digest = hashlib.sha256()
    for path in sorted(QUERY_DIR.glob("*.*")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def store_stamp(store_dir: Path) -> str:
    """The store's files by name and size, and its RocksDB IDENTITY: another store, or this one
    written to since, has other files (its log files and lock aside)."""
    try:
        names = sorted(n for n in os.listdir(store_dir) if not n.startswith("LOG") and n != "LOCK")
        files = [(n, os.path.getsize(store_dir / n)) for n in names]
        identity = (store_dir / "IDENTITY").read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    return json.dumps([identity, files])


@dataclass
class _Facts:
    """Facts read from quads: statement rows, sentence facts, and who describes which node."""

    statements: dict[str, dict[str, object]] = field(default_factory=dict)
    sentences: dict[str, dict[str, object]] = field(default_factory=dict)
    internal: set[str] = field(default_factory=set)
    subjects: dict[str, set[str]] = field(default_factory=dict)  # graph -> subjects with node facts
    regular: bool = True

    def add(self, subject: str, predicate: str, value: str, kind: str, graph: str) -> None:
        """A quad's facts: its subject's and predicate's IRIs, its object's value and kind
        (`term_kind`), its graph's IRI."""
        if predicate == INTERNAL:
            self.internal.add(subject)
        elif predicate in STATEMENT_COLUMNS:
            self._set(self.statements, subject, STATEMENT_COLUMNS[predicate], value)
            self.statements[subject].setdefault("graph", graph)
        elif predicate == DATE:
            if kind not in DATE_TYPES:
                self.regular = False  # the answers order dates by their text, SQL's order too
            self._set(self.statements, subject, "date", value)
            self.statements[subject]["date_type"] = kind
        elif predicate in SENTENCE_COLUMNS:
            column = SENTENCE_COLUMNS[predicate]
            if column != "anchor" and kind != XSD_INTEGER:
                self.regular = False
            self._set(self.sentences, subject, column, value if column == "anchor" else int(value))
        if predicate == TYPE and value == STATEMENT_CLASS:
            self.statements.setdefault(subject, {})["is_statement"] = 1
        if predicate in NODE_PREDICATES:
            self.subjects.setdefault(graph, set()).add(subject)

    def _set(self, table: dict[str, dict[str, object]], node: str, column: str, value: object) -> None:
        row = table.setdefault(node, {})
        if column in row and row[column] != value:
            self.regular = False  # two values of one property: outside the shapes read here
        row[column] = value

    def statement_rows(self) -> Iterator[tuple[object, ...]]:
        for iri, row in self.statements.items():
            if "brief" not in row or not any(c in row for c in STATEMENT_COLUMNS.values() if c != "brief"):
                continue  # a sentence (in a brief, but no statement's property): no query's statement
            sentence = self.sentences.get(str(row.get("sentence")), {})
            yield (
                iri,
                row.get("graph"),
                row.get("is_statement", 0),
                *(row.get(c) for c in ("subject", "relation", "object", "polarity", "modality", "event", "source")),
                row.get("sentence"),
                row.get("brief"),
                row.get("date"),
                row.get("date_type"),
                sentence.get("anchor"),
                sentence.get("begin"),
                sentence.get("end"),
            )

    def described(self) -> dict[str, list[str]]:
        """Graph -> the nodes it describes (not its own statements, sentences and segments)."""
        return {
            graph: sorted(node for node in subjects - self.internal if node not in self.statements)
            for graph, subjects in self.subjects.items()
        }


class FactsWriter:
    """Writes the facts of a build's store into `path` as the build writes the store: every brief
    graph's quads pass through `tap` on their way into the store (`KnowledgeStore.watch`), so
    its statements and the nodes it describes are read from the quads in hand, not from the store
    (Python reads a quad of pyoxigraph's store in about 5 µs). An incremental build starts from
    the `previous` build's file, when that file belongs to the previous store beside it, and
    redoes only the briefs it writes or drops; otherwise every fact is written anew. `finish`
    reads the labels and types of the nodes the written briefs describe from the union graph
    (several briefs may describe one actor)."""

    def __init__(self, store: KnowledgeStore, path: Path, previous: Path | None) -> None:
        path.unlink(missing_ok=True)
        self.full = previous is None or not _usable_previous(previous)
        if not self.full:
            shutil.copyfile(previous, path)  # type: ignore[arg-type]
        self.db = sqlite3.connect(path)
        if self.full:
            self.db.executescript(TABLES)
        self.written: set[str] = set()
        self.touched: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()  # (subject, object) whose counts a month change
        self.regular = True
        store.watch(self.tap, self.tap_rows)

    def tap(self, quads: Iterator[Quad]) -> Iterator[Quad]:
        """The quads of one brief graph, passed on as they come, their facts kept."""
        facts, graph = _Facts(), ""
        add = facts.add
        for quad in quads:
            if not graph:
                graph = _name(quad.graph_name)
            add(_name(quad.subject), quad.predicate.value, *term_kind(quad.object), graph)
            yield quad
        if graph:
            self._replace(graph, facts)

    def tap_rows(self, graph: str, rows: Iterator[Row]) -> Iterator[Row]:
        """The rows of one brief graph (`kg.graph.rdf.brief_rows`), passed on as they come,
        their facts kept."""
        facts, seen = _Facts(), False
        add = facts.add
        for subject, predicate, value, kind in rows:
            add(subject, predicate, value, kind, graph)
            seen = True
            yield subject, predicate, value, kind
        if seen:
            self._replace(graph, facts)

    def _replace(self, graph: str, facts: _Facts) -> None:
        if not self.full or graph in self.written:
            self.pairs.update(
                self.db.execute(
                    f"SELECT DISTINCT subject, object FROM statements {DATED_EVENTS} AND graph = ?", (graph,)
                )
            )
            for (nodes,) in self.db.execute("SELECT nodes FROM described WHERE graph = ?", (graph,)):
                self.touched.update(json.loads(nodes))
            self.db.execute("DELETE FROM described WHERE graph = ?", (graph,))
            self.db.execute("DELETE FROM statements WHERE graph = ?", (graph,))
        self.db.executemany(f"INSERT INTO statements VALUES ({', '.join('?' * 17)})", facts.statement_rows())
        if not self.full:
            self.pairs.update(
                self.db.execute(
                    f"SELECT DISTINCT subject, object FROM statements {DATED_EVENTS} AND graph = ?", (graph,)
                )
            )
        described = facts.described()
        self.db.executemany("INSERT INTO described VALUES (?, ?)", ((g, json.dumps(n)) for g, n in described.items()))
        self.touched.update(node for nodes in described.values() for node in nodes)
        self.regular = self.regular and facts.regular
        self.written.add(graph)

    def finish(self, store: KnowledgeStore, changed: Iterable[str]) -> None:
        """Redo the `changed` graphs (dropped or replaced) that did not pass through `tap`, read
        the nodes' facts, index and close the file."""
        for graph in sorted(set(changed) - self.written):
            facts = _Facts()
            for quad in store.graph_quads(NamedNode(graph)):
                facts.add(_name(quad.subject), _name(quad.predicate), *term_kind(quad.object), graph)
            self._replace(graph, facts)
        if self.full:
            self.touched.update(_name(q.subject) for q in store.graph_quads(store.vocabulary_graph))
        for node in sorted(self.touched):
            if not self.full:
                self.db.execute("DELETE FROM nodes WHERE iri = ?", (node,))
            self.db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)", _node_rows(store, node))
        if self.full:
            self.db.executescript(INDEXES)
            self.db.execute(f"INSERT INTO months {MONTHS} GROUP BY {MONTH_GROUPS}")
            classes = sorted(row["kind"].value for row in store.query(ACTOR_CLASSES))  # type: ignore[index, union-attr]
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('actor_classes', ?)", (json.dumps(classes),))
        for pair in sorted(self.pairs):
            self.db.execute("DELETE FROM months WHERE subject = ? AND object = ?", pair)
            self.db.execute(f"INSERT INTO months {MONTHS} AND subject = ? AND object = ? GROUP BY {MONTH_GROUPS}", pair)
        if self.full or not self.regular:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('regular', ?)", ("1" if self.regular else "0",))
        self.db.commit()
        self.db.close()


def _node_rows(store: KnowledgeStore, node: str) -> list[tuple[str, ...]]:
    """A node's rows of `nodes`: its values of each of `NODE_PREDICATES` in the union graph, in
    that order, each predicate's in the store's order. Read in one pass over the node's triples,
    not one lookup a predicate: 1,268 nodes of /work/ref/c200 in 0.04 CPU s instead of 0.08."""
    found = [
        (_NODE_ORDER[predicate], quad.object)
        for quad in store.pattern(NamedNode(node), None, None, DefaultGraph())
        if (predicate := quad.predicate.value) in NODE_PREDICATES
    ]
    found.sort(key=lambda item: item[0])  # (stable: each predicate's values stay in the store's order)
    return [(node, _NODE_SHORT[order], *term_kind(obj)) for order, obj in found]


def stamp_answers(path: Path, store_dir: Path, base_iri: str) -> None:
    """Mark the file as made for the store in `store_dir` (once that store is closed and will no
    longer change) and for the named queries of this code."""
    if not path.is_file():
        return
    with closing_db(path) as db:
        meta = {"format": FORMAT, "stamp": store_stamp(store_dir), "queries": queries_digest(), "base_iri": base_iri}
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())


def open_answers(output: Path, base_iri: str) -> sqlite3.Connection | None:
    """The facts file of the build in `output`, read-only, if it belongs to the store there and
    to the named queries of this code; None otherwise (the SPARQL runs)."""
    path = output / ANSWERS_FILE
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(db.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        return None
    expected = {"format": FORMAT, "regular": "1", "base_iri": base_iri}
    if any(meta.get(k) != v for k, v in expected.items()) or meta.get("stamp") != store_stamp(output / "store"):
        db.close()
        return None
    if meta.get("queries") != queries_digest():
        db.close()
        return None
    return db


@contextmanager
def closing_db(path: Path) -> Iterator[sqlite3.Connection]:
    """An SQLite connection, committed (unless the block fails) and closed after the block."""
    db = sqlite3.connect(path)
    try:
        with db:
            yield db
    finally:
        db.close()


def _usable_previous(previous: Path) -> bool:
    """The previous build's file, when it is of this format and belongs to the store beside it."""
    meta = read_meta(previous)
    if meta is None or meta.get("format") != FORMAT or meta.get("regular") != "1":
        return False
    return meta.get("stamp") == store_stamp(previous.parent / "store")
