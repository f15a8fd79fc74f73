"""Benchmark corpora: briefs made by rearranging the seed briefs' paragraphs.

Brief `i` of a corpus gets a header (a title and a date, in the form the seeds' headers use)
and 5 to 15 body paragraphs drawn from all seed segments, in a random order, so a corpus has
the seeds' vocabulary, sentence lengths and actors but no two briefs alike. The same size and
seed always give the same files.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from kg.read import brief_files, read_briefs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 5, 15


def seed_paragraphs(seeds: Path = SEEDS) -> tuple[list[str], list[str]]:
    """The body paragraphs and the titles of the seed briefs."""
    paragraphs: list[str] = []
    titles: list[str] = []
    for brief in read_briefs(brief_files(seeds)):
        titles.append(brief.title)
        for segment in brief.segments:
            paragraphs.extend(segment.text.split("\n\n"))
    return paragraphs, titles


def brief_text(number: int, paragraphs: list[str], titles: list[str], rng: random.Random) -> str:
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
    body = rng.sample(paragraphs, rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS))
    title = f"Brief {number}: {rng.choice(titles)}"
    header = f"{title}\n\nCategory status:\n{day:%B} {day.day}, {day.year} 09:00\n"
    return header + "\n" + "\n\n".join(body) + "\n"


def make_corpus(size: int, folder: Path, seed: int = 7) -> list[Path]:
    """Write `size` briefs into `folder` (made if missing); return their paths."""
    paragraphs, titles = seed_paragraphs()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(size):
        path = folder / f"brief_{number:05d}.txt"
        path.write_text(brief_text(number, paragraphs, titles, rng), encoding="utf-8")
    return brief_files(folder)


def edit_one(path: Path) -> None:
    """Change one brief the way an analyst would: drop its last paragraph."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text.rsplit("\n\n", 1)[0] + "\n", encoding="utf-8")
