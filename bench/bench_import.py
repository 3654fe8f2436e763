"""Import throughput: a generated corpus of news-like JSON articles imported into an empty library.

    python -m bench.bench_import                 # 10k articles of ~700 words, all cores
    python -m bench.bench_import --articles 1000 --workers 1
    python -m bench.bench_import --articles 1000 --into bench/corpora/100k/articles.json
    python -m bench.bench_import --articles 1000 --into bench/corpora/100k/articles.json --side-by-side

The corpus (quotes, named speakers, paragraphs) is generated in a temporary folder on each run, never
committed. Reported: articles per second for the whole import (reading, analysis, store writes),
the time of each stage, and a second import of the same files (everything unchanged).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FIRST = [
    "Ifan",
    "Bethan",
    "Sioned",
    "Gareth",
    "Eleri",
    "Delyth",
    "Tomos",
    "Marta",
    "Catrin",
    "Rhodri",
    "Emyr",
    "Alun",
    "Megan",
    "Non",
    "Owain",
    "Lowri",
]
LAST = [
    "Rowlands",
    "Harries",
    "Pryce",
    "Lloyd",
    "Jenkins",
    "Morgan",
    "Breck",
    "Quillon",
    "Owen",
    "Vaughan",
    "Lewis",
    "Tegid",
    "Rees",
    "Griffiths",
]
ROLES = [
    "councillor",
    "the harbour master",
    "a local shopkeeper",
    "the union organiser",
    "a spokesperson",
    "the coxswain",
]
OUTLETS = ["The Coastal Ledger", "Harbour Voice", "Island Times", "Western Gazette"]
WORDS = [
    "the",
    "council",
    "harbour",
    "ferry",
    "storm",
    "wall",
    "vote",
    "plan",
    "town",
    "island",
    "crews",
    "residents",
    "money",
    "winter",
    "summer",
    "boats",
    "school",
    "road",
    "market",
    "quay",
    "agency",
    "report",
    "board",
    "meeting",
    "families",
    "homes",
    "granite",
    "lifeboat",
    "station",
    "week",
    "decision",
    "cost",
    "funding",
    "repair",
    "levy",
    "moorings",
    "season",
    "deliveries",
    "stock",
    "talks",
    "result",
    "timetable",
    "sailings",
]
VERBS = ["said", "told the Ledger", "added", "explained", "warned"]


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def make_article(rng: random.Random, n: int, words: int) -> dict[str, object]:
    """One article of about ``words`` words: paragraphs of prose with quotes from named people."""
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    paragraphs: list[str] = []
    count = 0
    while count < words:
        if rng.random() < 0.4:
            who = rng.choice(people)
            quote = " ".join(_sentence(rng, 6, 14) for _ in range(rng.randint(1, 2)))
            text = f"“{quote}” {rng.choice(VERBS)} {who}, {rng.choice(ROLES)}. {_sentence(rng)}"
        else:
            text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.3:
                text += f" According to {rng.choice(people)}, {_sentence(rng).lower()}"
        paragraphs.append(text)
        count += len(text.split())
    return {
        "title": f"{_sentence(rng, 4, 9)[:-1]} ({n})",
        "body": "\n\n".join(paragraphs),
        "source": rng.choice(OUTLETS),
        "url": f"https://news.example.org/{n // 1000}/{n}",
        "published": f"2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
        "author": rng.choice(people),
    }


def write_corpus(folder: Path, articles: int, words: int, files: int) -> list[Path]:
    rng = random.Random(20240314)
    per_file = -(-articles // files)
    paths = []
    for index in range(files):
        start = index * per_file
        batch = [make_article(rng, n, words) for n in range(start, min(start + per_file, articles))]
        if not batch:
            break
        path = folder / f"articles-{index:03}.json"
        path.write_text(json.dumps(batch, ensure_ascii=False))
        paths.append(path)
    return paths


def timed_import(store: Path, sources: list[str], index: bool = True) -> tuple[float, dict[str, float], object]:
    """With ``index``, the search index exists before the import, so the import keeps it in step (as
    it does for a library that has been searched); the catalog is kept in step in any case."""
    from reader.library import Library

    library = Library.open(store)
    if index and not library.search_index.meta_path.exists():
        library.reindex()
    stages: dict[str, float] = {}
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int | None, label: str) -> None:
        stages[stage] = time.perf_counter() - started

    report = library.import_sources(sources, stage_progress=progress)
    return time.perf_counter() - started, stages, report


def breakdown(articles: int, words: int, files: int) -> int:
    """Where an import's time goes: the analyser's own throughput, and everything else."""
    from reader.analysis import ANALYZER_VERSION, analyze, stored
    from reader.importers import batch
    from reader.models import Analysis

    rng = random.Random(7)
    sample = [make_article(rng, n, words) for n in range(300)]
    started = time.perf_counter()
    for doc in sample:
        analyze(str(doc["body"]), str(doc["title"]), [])
    per = (time.perf_counter() - started) / len(sample)
    print(f"analysis alone: {per * 1000:.2f} ms per article: {1 / per:.0f}/s on one core, {2 / per:.0f}/s on two")
    stored.analyze = lambda body, title, links: Analysis(ANALYZER_VERSION)  # type: ignore[assignment]
    batch.worker_count = lambda: 1
    with tempfile.TemporaryDirectory(prefix="reader-bench-import-") as tmp:
        folder = Path(tmp)
        os.environ["READER_CACHE_DIR"] = str(folder / "cache")
        paths = write_corpus(folder, articles, words, files)
        elapsed, _, _ = timed_import(folder / "library.json", [str(p) for p in paths])
    print(
        f"everything else (reading, store, search index, catalog), one process: {elapsed:.1f} s for {articles}, "
        f"{articles / elapsed:.0f}/s"
    )
    return 0


def into_library(store: Path, articles: int, words: int) -> int:
    """Import ``articles`` new ones into a copy of an existing library, its list catalog and search index
    prepared first (as for a library in use): the time and the peak memory of the import alone."""
    import resource
    import shutil

    from reader.library import Library

    with tempfile.TemporaryDirectory(prefix="reader-bench-into-") as tmp:
        folder = Path(tmp)
        os.environ["READER_CACHE_DIR"] = str(folder / "cache")
        copy = folder / "library.json"
        shutil.copyfile(store, copy)
        started = time.perf_counter()
        library = Library.open(copy, lazy=True)
        library.prepare_list()
        library.reindex()
        print(f"prepared the copy's list catalog and search index in {time.perf_counter() - started:.1f} s")
        paths = write_corpus(folder, articles, words, 1)
        rng = random.Random(99)  # new titles and URLs, so that none is a duplicate of the library's
        batch = [make_article(rng, 10_000_000 + n, words) for n in range(articles)]
        paths[0].write_text(json.dumps(batch, ensure_ascii=False))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        elapsed, _, report = timed_import(copy, [str(paths[0])])
        peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, before)
        size = copy.stat().st_size
    print(
        f"{articles} articles into a library of {size / 1e6:,.0f} MB: {elapsed:.1f} s ({articles / elapsed:.0f}/s), "
        f"{len(report.added)} imported; peak memory of this process {peak / 1024:,.0f} MB"
    )
    return 0 if len(report.added) == articles else 1


# One import in a process of its own, so that its peak memory is that of the import alone.
IMPORT_CHILD = """
import json, resource, sys
from pathlib import Path
from bench.bench_import import timed_import
elapsed, _, report = timed_import(Path(sys.argv[1]), [sys.argv[2]])
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": elapsed, "added": len(report.added), "peak_kb": peak}))
"""
PREPARE_CHILD = """
import json, sys, time
from pathlib import Path
from reader.library import Library
from reader.store import ArticleStore
started = time.perf_counter()
split = ArticleStore(Path(sys.argv[1])).split() if sys.argv[2] == "shards" else False
split_s = time.perf_counter() - started
library = Library.open(Path(sys.argv[1]), lazy=True)
library.prepare_list()
library.reindex()
print(json.dumps({"split_s": split_s if split else None, "prepared_s": time.perf_counter() - started - split_s}))
"""


def _child(code: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    import subprocess

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=root, env=env)
    if out.returncode:
        raise RuntimeError(f"bench child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def copy_library(store: Path, target: Path, sharded: bool = True) -> None:
    """A copy of a library in either layout; ``sharded=False`` writes a library in shards as one file."""
    import shutil

    import orjson

    from reader import shards

    manifest = shards.read_manifest(store)
    if manifest is None:
        shutil.copyfile(store, target)
    elif sharded:
        shutil.copyfile(store, target)
        shutil.copytree(manifest.folder, shards.shard_dir(target))
    else:
        table = {key: doc for _, part in shards.iter_tables(manifest) for key, doc in part.items()}
        meta = {"schema": 1, "app": "reader", "articles": len(table)}
        target.write_bytes(orjson.dumps({"_meta": {"1": meta}, "articles": table}, option=orjson.OPT_INDENT_2))


def side_by_side(store: Path, articles: int, words: int, repeats: int) -> int:
    """The same new articles imported, in one session and one process each, into an empty library,
    into a copy of ``store`` in shards, and into a copy kept as one file (the layout before shards):
    times, their ratios to the empty library's, and each process's peak memory."""
    import statistics

    layouts = {"empty library": None, "shards": "shards", "one file": "single"}
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in layouts}
    with tempfile.TemporaryDirectory(prefix="reader-bench-side-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "READER_CACHE_DIR": str(folder / "cache")}
        single_env = {**env, "READER_SHARD_THRESHOLD": str(10**9)}  # never split: the layout before
        copies: dict[str, Path] = {}
        for name, layout in layouts.items():
            if layout is None:
                continue
            copies[name] = folder / name.replace(" ", "-") / "articles.json"
            copies[name].parent.mkdir()
            copy_library(store, copies[name], sharded=layout == "shards")
            prepared = _child(PREPARE_CHILD, [str(copies[name]), layout], single_env if layout == "single" else env)
            print(f"prepared the {name} copy: {prepared}", file=sys.stderr)
        for repeat in range(repeats):
            rng = random.Random(99 + repeat)  # new titles and URLs: none is a duplicate of the library's
            batch = folder / f"batch-{repeat}.json"
            batch.write_text(
                json.dumps([make_article(rng, 10_000_000 * (repeat + 1) + n, words) for n in range(articles)])
            )
            for name, layout in layouts.items():
                target = copies.get(name) or folder / f"empty-{repeat}" / "articles.json"
                run = _child(IMPORT_CHILD, [str(target), str(batch)], single_env if layout == "single" else env)
                results[name].append(run)
                print(f"  {name}: {run['seconds']:.2f} s, peak {run['peak_kb'] / 1024:,.0f} MB", file=sys.stderr)
        size = sum(p.stat().st_size for p in copies["shards"].parent.rglob("*.json"))
    empty = statistics.median(r["seconds"] for r in results["empty library"])
    print(
        f"{articles} new articles, {repeats} run(s) of each, interleaved; "
        f"copies of {store} ({size / 1e6:,.0f} MB in shards)"
    )
    print("| into | time (median) | runs | ratio of medians | ratio run by run (median) | peak memory (max) |")
    print("|---|---|---|---|---|---|")
    failed = False
    for name, runs in results.items():
        seconds = statistics.median(r["seconds"] for r in runs)
        listed = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        pairs = zip(runs, results["empty library"], strict=True)
        paired = statistics.median(r["seconds"] / e["seconds"] for r, e in pairs)
        peak = max(r["peak_kb"] for r in runs) / 1024
        failed = failed or any(r["added"] != articles for r in runs)
        print(f"| {name} | {seconds:.2f} s | {listed} s | {seconds / empty:.2f}x | {paired:.2f}x | {peak:,.0f} MB |")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_import", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=700, help="about this many words per article")
    parser.add_argument("--files", type=int, default=10, help="JSON files the corpus is split into")
    parser.add_argument("--workers", type=int, default=0, help="worker processes (default: all cores)")
    parser.add_argument("--no-index", action="store_true", help="no search index to keep in step")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="instead: the analyser alone on one core, then the import in one process with analysis left out",
    )
    parser.add_argument(
        "--into", type=Path, metavar="STORE", help="instead: import into a copy of this library (left as it is)"
    )
    parser.add_argument(
        "--side-by-side",
        action="store_true",
        help="with --into: the same import into an empty library, the copy in shards and the copy as one file",
    )
    parser.add_argument("--repeats", type=int, default=3, help="with --side-by-side: runs of each import")
    args = parser.parse_args(argv)

    from reader.analysis import ANALYZER_VERSION
    from reader.importers import batch

    if args.breakdown:
        return breakdown(args.articles, args.words, args.files)
    if args.into and args.side_by_side:
        return side_by_side(args.into, args.articles, args.words, args.repeats)
    if args.into:
        return into_library(args.into, args.articles, args.words)
    if args.workers:
        batch.worker_count = lambda: args.workers
    workers = batch.worker_count()
    with tempfile.TemporaryDirectory(prefix="reader-bench-import-") as tmp:
        folder = Path(tmp)
        os.environ["READER_CACHE_DIR"] = str(folder / "cache")  # the index and catalog go with the temp folder
        t0 = time.perf_counter()
        paths = write_corpus(folder, args.articles, args.words, args.files)
        generated = time.perf_counter() - t0
        sources = [str(p) for p in paths]
        store = folder / "library.json"
        elapsed, stages, report = timed_import(store, sources, not args.no_index)
        again, _, second = timed_import(store, sources, not args.no_index)
        size = store.stat().st_size
    read_s = stages.get("Reading", 0.0)
    print(
        f"python {platform.python_version()} on {os.cpu_count()} cores, {workers} worker processes, "
        f"analyzer {ANALYZER_VERSION}, search index {'not kept' if args.no_index else 'kept in step'}"
    )
    print(
        f"corpus: {args.articles} articles of ~{args.words} words in {len(paths)} JSON files "
        f"(generated in {generated:.1f} s)"
    )
    print(
        f"first import:  {elapsed:6.2f} s  {args.articles / elapsed:7.0f} articles/s  "
        f"(read+parse {read_s:.2f} s, analyse+store {elapsed - read_s:.2f} s; "
        f"{len(report.added)} imported, {len(report.failed)} failed; store {size / 1e6:.0f} MB)"
    )
    print(
        f"second import: {again:6.2f} s  {args.articles / again:7.0f} articles/s  ({len(second.unchanged)} unchanged)"
    )
    return 0 if not report.failed and len(report.added) == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
