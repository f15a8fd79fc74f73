"""Crash-safe replacement of a build's products in the output folder.

A build writes everything into a staging folder inside the output (`.building-*`, on the same
file system, so moves are atomic renames) and swaps the finished products in at the end. The
swap is a handful of renames; so that a build killed half-way through them cannot leave a mix
of old and new products, it is journalled first (the write-ahead idea of database recovery):
`.swap.json` names the staging folder and the products, is written atomically once every
product is complete, and is removed after the last rename. Whoever next takes the build lock
finds a journal left by a killed build and rolls the swap forward (each step can be repeated),
then deletes staging folders that no journal names: those are builds killed before their swap,
whose previous output was never touched.

The renames happen under the output's swap lock held exclusively (`kg.build.lock.swap_lock`),
which readers hold shared: a reader sees the products of the old build or of the new one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from kg.build.lock import swap_lock

STAGING_PREFIX = ".building-"
JOURNAL = ".swap.json"


def make_staging(output: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=output))


def swap_in(staging: Path, output: Path, products: list[str], waiting: Callable[[], None] | None = None) -> None:
    """Move the products from `staging` into `output`, each replacing the old one, then drop
    `staging` (with the old products, now inside it). Readers of the old products are waited
    for (`waiting` is called if there are any)."""
    journal = output / JOURNAL
    temporary = output / (JOURNAL + ".tmp")
    temporary.write_text(json.dumps({"staging": staging.name, "products": products}), encoding="utf-8")
    with swap_lock(output, waiting):
        os.replace(temporary, journal)
        _roll_forward(staging, output, products)
        journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)


def _roll_forward(staging: Path, output: Path, products: list[str]) -> None:
    for name in products:
        new, old = staging / name, output / name
        if not new.exists() and not new.is_symlink():
            continue  # moved already
        if old.exists() or old.is_symlink():
            old.rename(staging / f"old-{name}")
        new.rename(old)


def recover(output: Path) -> None:
    """Finish a swap that a killed build left half-done, and delete abandoned staging folders.
    Call with the build lock held."""
    journal = output / JOURNAL
    if journal.is_file():
        entry = json.loads(journal.read_text(encoding="utf-8"))
        staging = output / entry["staging"]
        with swap_lock(output):
            if staging.is_dir():
                _roll_forward(staging, output, list(entry["products"]))
            journal.unlink()
    (output / (JOURNAL + ".tmp")).unlink(missing_ok=True)
    for stale in output.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
