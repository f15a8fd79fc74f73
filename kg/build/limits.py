"""The build's default time limit, importable without the worker machinery (multiprocessing, the
extractor's types, the readers): every command's `--help` shows it, and `kg query` must not pay
for those imports."""

from __future__ import annotations

DEFAULT_BRIEF_TIMEOUT = 300.0  # seconds; the longest development brief takes about 5
