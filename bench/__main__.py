"""``make bench``: reader at 1k, 10k and 100k articles, each figure next to a baseline measured in
the same session, written to docs/benchmarks.md.

    python -m bench                          # 1k, 10k, 100k (the 100k corpus takes minutes the first time)
    python -m bench --sizes 1000,10000       # a quicker run
    python -m bench --only tui,search        # some sections only
    python -m bench --only refresh           # feeds: 50 local feeds x 20 entries (no corpus needed)

Corpora are generated once into bench/corpora/ (git-ignored) and reused. Sections:
import (bench.bench_import, against one worker process), tui (bench.bench_tui: first screen,
open article, peak memory, against a bare Textual app and a naive whole-store read) and search
(bench.bench_search: tantivy against a naive scan) and refresh (bench.bench_refresh: 50 local feeds
of 20 entries, against a one-off import of the same feeds).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import bench_tui

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
SECTIONS = ("import", "tui", "search", "refresh")
IMPORT_LIMIT = 10_000  # importing 100k through the single-file store rewrites it 100 times: see the notes


def machine() -> str:
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"load average {load:.1f} when the run began"
    )


# -- import ------------------------------------------------------------------------------------
IMPORT_LINE = re.compile(r"first import:\s+([\d.]+) s\s+(\d+) articles/s.*\n.*second import:\s+([\d.]+) s\s+(\d+)")


def import_run(count: int, workers: int | None) -> tuple[float, float, float]:
    argv = [sys.executable, "-m", "bench.bench_import", "--articles", str(count), "--files", "10"]
    if workers:
        argv += ["--workers", str(workers)]
    out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    found = IMPORT_LINE.search(out)
    if not found:
        raise RuntimeError(f"unexpected output of bench_import:\n{out}")
    return float(found.group(1)), float(found.group(2)), float(found.group(4))


def bench_import(sizes: list[int], repeats: int) -> str:
    lines = [
        "| articles | first import (median) | articles/s | runs (articles/s) | second import, all unchanged "
        "| baseline: one process |",
        "|---|---|---|---|---|---|",
    ]
    for count in [s for s in sizes if s <= IMPORT_LIMIT]:
        runs = []
        for _ in range(repeats):
            runs.append(import_run(count, None))
            print(f"  import {count}: {runs[-1][1]:.0f} articles/s", file=sys.stderr)
        single = import_run(count, 1)
        print(f"  import {count}, one process: {single[1]:.0f} articles/s", file=sys.stderr)
        seconds = statistics.median(r[0] for r in runs)
        rates = ", ".join(f"{r[1]:.0f}" for r in runs)
        lines.append(
            f"| {count:,} | {seconds:.1f} s | **{count / seconds:.0f}** | {rates} "
            f"| {statistics.median(r[2] for r in runs):.0f}/s | {single[1]:.0f}/s |"
        )
    return "\n".join(lines)


# -- search ------------------------------------------------------------------------------------
def bench_search(sizes: list[int], repeats: int) -> str:
    from bench import bench_search as search

    rows: list[dict[str, object]] = []
    for count in sizes:
        rows += search.bench_size(count, ["tantivy", "naive"], repeats, 0)
    return search.markdown(rows)


# -- the document ------------------------------------------------------------------------------
def marked(name: str, text: str) -> str:
    return f"<!-- make bench: {name} (written by python -m bench) -->\n{text}\n<!-- make bench: end {name} -->"


def replace_block(doc: str, name: str, text: str) -> str:
    """Each section is replaced on its own, so ``--only tui`` leaves the other figures as they were."""
    begin, end = f"<!-- make bench: {name} ", f"<!-- make bench: end {name} -->"
    if begin in doc and end in doc:
        return doc[: doc.index(begin)] + marked(name, text) + doc[doc.index(end) + len(end) :]
    return doc.rstrip("\n") + "\n\n" + marked(name, text) + "\n"


INTRO = """## At scale: 1k, 10k and 100k articles (`make bench`)

```sh
make bench                                   # = python -m bench: 1k, 10k, 100k
python -m bench --sizes 1000,10000           # quicker
python -m bench --only tui --sizes 100000    # one section (the others keep their figures)
```

Corpora: `bench/corpora/<n>k/articles.json`, written once by `python -m bench.corpus --count N --store PATH`
(news-like articles of ~770 words with quotes, speakers and sources, 11.4 kB each in the store: 1.1 GB at
100k) and reused. Other jobs may share the machine, so the figures are medians of repeated runs, each
next to its baseline measured in the same session."""

TUI_NOTES = """A real `reader --store PATH` process in a 120x40 pseudo-terminal (`bench/bench_tui.py`, stdlib `pty`):
time from process start until the newest article's title is drawn, and the same for a bare Textual app
that draws one line (the floor of any Textual first screen), the two started alternately; until the title
bar counts the whole list; from Enter until the first words of the article's body are drawn; the
process's peak resident memory (`wait4` rusage; the session holds the whole list and one open article).
Medians of the warm starts (the catalog fresh)."""

TUI_NOTES_2 = """Cold start: the catalog missing (as after a store written by another program), so the store is
streamed once into a new catalog: before the app starts for a store under 20 MB (1k), by the app
itself for a bigger one, which is on screen at once with the reading's progress ("app on screen":
until "Listing the library" is drawn; "whole list": until the title bar counts every article).
In-process: the whole list read from the catalog; one article opened from the catalog (median of
20) against the naive way (parse the whole store, as the TUI did before the catalog); sorting and
filtering every row (done in a worker; the catalog serves the rows newest first, so that order costs
nothing). With `--before REF`, the same session is run once with the TUI of that revision (the whole
store read before the first frame)."""


def write_doc(parts: dict[str, str], sizes: list[int], started: float) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    text = replace_block(text, "intro", INTRO)
    run = f"`python -m bench --sizes {','.join(map(str, sizes))}`, {machine()}, {(time.time() - started) / 60:.0f} min."
    if "tui" in parts:
        text = replace_block(
            text,
            "tui",
            f"### The TUI: first screen, opening an article, memory\n\n{TUI_NOTES}\n\n{run}\n\n"
            f"{parts['tui']}\n\n{TUI_NOTES_2}",
        )
    if "search" in parts:
        text = replace_block(
            text,
            "search",
            "### Search at scale\n\n`bench.bench_search` on the generated articles: tantivy (what `reader search` "
            "and the TUI use) against a naive in-memory scan, top 20 with snippets, milliseconds p50 / p95; the "
            "queries are those of the Search section above (four per kind, 25 timed runs each).\n\n"
            f"{run}\n\n{parts['search']}",
        )
    if "refresh" in parts:
        from bench.bench_refresh import NOTES

        command = f"`python -m bench --only refresh`, {machine()}."
        text = replace_block(text, "refresh", f"### Refreshing feeds\n\n{NOTES}\n\n{command}\n\n{parts['refresh']}")
    if "import" in parts:
        text = replace_block(
            text,
            "import",
            "### Import at scale\n\n`bench.bench_import`: JSON files of news-like articles imported into an empty "
            "library (reading, deduplication, analysis, store writes, search index, catalog); the baseline is "
            f"the same import in one process (`--workers 1`).\n\n{run}\n\n{parts['import']}",
        )
    from reader.storage import atomic_write_bytes

    atomic_write_bytes(DOC, text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="library sizes, comma-separated")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections: import, tui, search, refresh")
    parser.add_argument("--refresh-repeats", type=int, default=3, help="runs of the feed refresh")
    parser.add_argument("--repeats", type=int, default=5, help="warm TUI starts per size")
    parser.add_argument("--import-repeats", type=int, default=3, help="imports per size")
    parser.add_argument("--search-repeats", type=int, default=25, help="timed runs of each query")
    parser.add_argument("--before", metavar="REF", help="also run the TUI of this git revision once per size")
    parser.add_argument("--no-doc", action="store_true", help="print, do not update docs/benchmarks.md")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, got {args.sizes!r}")
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    if set(only) - set(SECTIONS):
        parser.error(f"--only takes {', '.join(SECTIONS)}")
    started = time.time()
    print(f"reader benchmarks: {machine()}", file=sys.stderr)
    if set(only) & {"tui", "search", "import"}:
        for count in sizes:
            bench_tui.corpus_store(count)
    parts: dict[str, str] = {}
    if "tui" in only:
        parts["tui"] = bench_tui.markdown(bench_tui.run(sizes, args.repeats, before=args.before))
        print(parts["tui"])
    if "search" in only:
        parts["search"] = bench_search(sizes, args.search_repeats)
        print(parts["search"])
    if "import" in only:
        parts["import"] = bench_import(sizes, args.import_repeats)
        print(parts["import"])
    if "refresh" in only:
        from bench import bench_refresh

        parts["refresh"] = bench_refresh.markdown(bench_refresh.run(args.refresh_repeats))
        print(parts["refresh"])
    if not args.no_doc:
        write_doc(parts, sizes, started)
        print(f"updated {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
