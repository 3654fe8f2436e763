"""How analysis time grows with the length of one article: quote-heavy, plain and one-paragraph text.

A reader must not hang on a very long article, so ``analyze()`` has to stay near-linear. Texts are
built from the gold articles' paragraphs, repeated with paragraphs kept. Run with
``python -m bench.bench_analysis_scaling [--sizes 10k,100k,1M] [--kinds quotes,plain] [--profile KIND:SIZE]``.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
QUOTE_MARKS = '"“”«»„'
KINDS = ("quotes", "plain", "articles", "oneline")
DEFAULT_SIZES = "10k,100k,400k,1M,10M"


def gold_paragraphs() -> list[str]:
    """Every paragraph of the gold articles, in file order."""
    from reader.importers.plaintext import parse_text

    paragraphs = []
    for path in sorted(GOLD.glob("*.txt")):
        body = parse_text(path.read_text(encoding="utf-8")).body
        paragraphs.extend(p for p in body.split("\n\n") if p.strip())
    return paragraphs


def make_text(kind: str, size: int) -> str:
    """About ``size`` characters of gold paragraphs, cut at a paragraph end (``oneline``: at a sentence)."""
    paragraphs = gold_paragraphs()
    if kind == "quotes":
        pool = [p for p in paragraphs if any(m in p for m in QUOTE_MARKS)]
    elif kind == "plain":
        pool = [p for p in paragraphs if not any(m in p for m in QUOTE_MARKS + "'‘’")]
    elif kind in ("articles", "oneline"):
        pool = paragraphs
    else:
        raise ValueError(f"unknown kind {kind!r}")
    joiner = " " if kind == "oneline" else "\n\n"
    parts: list[str] = []
    length = 0
    while length < size:
        for paragraph in pool:
            parts.append(paragraph)
            length += len(paragraph) + len(joiner)
            if length >= size:
                break
    return joiner.join(parts)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def _label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1_000}k"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_analysis_scaling", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"comma-separated sizes (default {DEFAULT_SIZES})")
    parser.add_argument("--kinds", default="quotes,plain", help=f"comma-separated, of {', '.join(KINDS)}")
    parser.add_argument("--profile", metavar="KIND:SIZE", help="profile one run instead and print the top functions")
    parser.add_argument("--limit", type=float, default=600, help="skip larger sizes once a run takes this many s")
    args = parser.parse_args(argv)
    from reader.analysis import analyze

    if args.profile:
        kind, _, size = args.profile.partition(":")
        text = make_text(kind, parse_size(size))
        profiler = cProfile.Profile()
        profiler.runcall(analyze, text)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| text | chars | paragraphs | quotes | people | seconds | µs per 1k chars |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind in args.kinds.split(","):
        for size in sizes:
            text = make_text(kind, size)
            start = time.perf_counter()
            analysis = analyze(text)
            seconds = time.perf_counter() - start
            row = (
                f"| {kind} {_label(size)} | {len(text):,} | {text.count(chr(10) * 2) + 1:,} | "
                f"{len(analysis.quotes):,} | {len(analysis.people):,} | {seconds:.2f} | "
                f"{seconds / len(text) * 1e9:.0f} |"
            )
            print(row, flush=True)
            if seconds > args.limit:
                print(f"| {kind}: larger sizes skipped (over {args.limit:.0f} s) | | | | | | |", flush=True)
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
