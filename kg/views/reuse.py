"""Pages a build does not render again: a folder of pages (`actors/`, `pairs/`) is written anew
beside the old one and swapped in whole (so no page of an actor or pair that has gone is left),
and a page whose content digest is the one the previous build recorded (`kg.views.cache`) is
hard-linked from the previous folder instead of rendered."""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
from collections.abc import Iterable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

from kg.views.data import EventCode, Statement, ViewData
from kg.views.render import write_page

# a statement's values but its event code, and an event code's, as tuples of strings and numbers
_TEXTS = attrgetter(*(f.name for f in fields(Statement) if f.name != "code"))
_CODE = attrgetter(*(f.name for f in fields(EventCode)))
_CodeValues = tuple[str, str, float | None, int | None, str]
MARSHAL_VERSION = 2  # the last without references, whose flags depend on the values' reference counts


class PageFolder:
    """`folder/name`, written as `folder/.name.new` and swapped in by `finish`. `previous` is the
    output folder of an earlier build and `digests` its pages' digests (relative path -> digest)."""

    def __init__(self, folder: Path, name: str, previous: Path | None, digests: dict[str, str]) -> None:
        self.folder, self.name = folder, name
        self.previous, self.before = previous, digests
        self.fresh = folder / f".{name}.new"
        self.digests: dict[str, str] = {}
        shutil.rmtree(self.fresh, ignore_errors=True)
        self.fresh.mkdir(parents=True)

    def unchanged(self, path: str, digest: str) -> bool:
        """Record `path`'s digest; True when the previous build's page had it and is linked."""
        self.digests[path] = digest
        if self.previous is None or self.before.get(path) != digest:
            return False
        # (joined as strings: pathlib's joins cost more than the link, for every page of a rebuild)
        return _link(os.path.join(self.previous, path), os.path.join(self.fresh, path.rpartition("/")[2]))

    def write(self, path: str, page: str | Iterable[str]) -> None:
        write_page(self.fresh / Path(path).name, page)

    def finish(self) -> dict[str, str]:
        """Swap the new folder in; return the digests of its pages."""
        target, old = self.folder / self.name, self.folder / f".{self.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        self.fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        return self.digests


class PageContent:
    """Digests of what a page shows: a head (what the page says of itself) and statements with
    what their items show of them (`statement_items`: the statement, the labels, names and pages
    of its subject and object, its brief's title). Each statement and node is written out once a
    build, however many pages show it."""

    def __init__(self, data: ViewData, pages: dict[str, str], digests: dict[str, bytes] | None = None) -> None:
        self.data, self.pages = data, pages
        self.statements: dict[str, bytes] = digests or {}  # (`digests`: of statements as the previous build had them)
        self.nodes: dict[str, bytes] = {}
        self.codes: dict[EventCode, _CodeValues] = {}

    def digest(self, head: object, statements: Iterable[Statement], nodes: Iterable[str] = ()) -> str:
        hashed = hashlib.blake2b(repr(head).encode(), digest_size=16)
        shown = set(nodes)
        known, update, add = self.statements.get, hashed.update, shown.add  # (a page a build, every statement shown)
        for s in statements:
            found = known(s.iri)
            update(self.statement(s) if found is None else found)
            add(s.subject)
            add(s.object)
        for node in sorted(shown):
            hashed.update(self.node(node))
        return hashed.hexdigest()

    def statement(self, s: Statement) -> bytes:
        """A digest of the statement's values and its brief's title (16 bytes: the text itself,
        kept for every statement, weighed 80 MB at 5,000 briefs), written by `marshal` (the
        values' `repr`, dataclasses' included, took 1.7 times as long: 0.17 CPU s for the 32,933
        statements of 1,000 briefs, every build)."""
        found = self.statements.get(s.iri)
        if found is None:
            brief = self.data.briefs.get(s.brief)
            values = (_TEXTS(s), self._code(s.code) if s.code else None, brief.title if brief else None)
            text = marshal.dumps(values, MARSHAL_VERSION)
            found = self.statements[s.iri] = hashlib.blake2b(text, digest_size=16).digest()
        return found

    def _code(self, code: EventCode) -> _CodeValues:
        found = self.codes.get(code)
        if found is None:
            found = self.codes[code] = _CODE(code)
        return found

    def node(self, iri: str) -> bytes:
        found = self.nodes.get(iri)
        if found is None:
            found = self.nodes[iri] = repr((self.data.nodes[iri], self.pages.get(iri))).encode()
        return found


def _link(source: str, destination: str) -> bool:
    """Hard-link an unchanged page (a copy where links are not possible); False if it is gone."""
    try:
        os.link(source, destination)
    except FileNotFoundError:
        return False
    except OSError:
        try:
            shutil.copyfile(source, destination)
        except OSError:
            return False
    return True
