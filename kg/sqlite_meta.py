"""The `meta` table (key, value) that kg's SQLite side files keep beside their data: the answers
facts file (`kg.graph.answer_facts`) and the views cache (`kg.views.cache`), each of which says
there what format it is in and what it belongs to, so that a build reuses a previous file only
when it reads the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def read_meta(path: Path) -> dict[str, str] | None:
    """The file's `meta` table as a dict, read without writing anything; None when the file is
    missing or is not an SQLite file with such a table."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(db.execute("SELECT key, value FROM meta"))
        finally:
            db.close()
    except sqlite3.Error:
        return None
