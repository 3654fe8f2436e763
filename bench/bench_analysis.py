"""Analysis speed: articles per second over the gold articles, plus import and first-call cost.

Run with ``python -m bench.bench_analysis [--rounds N]``; figures go in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"


def _articles() -> list[tuple[str, str]]:
    from reader.importers.plaintext import parse_text

    articles = []
    for path in sorted(GOLD.glob("*.txt")):
        article = parse_text(path.read_text(encoding="utf-8"))
        articles.append((article.body, article.title))
    return articles


def _import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import reader.analysis; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        for _ in range(5)
    ]
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_analysis", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="passes over the gold articles (default 30)")
    args = parser.parse_args(argv)
    import_s = _import_seconds()
    from reader.analysis import analyze

    articles = _articles()
    words = sum(len(body.split()) for body, _ in articles)
    start = time.perf_counter()
    analyze(*articles[0])
    first_ms = (time.perf_counter() - start) * 1000
    per_round = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for body, title in articles:
            analyze(body, title)
        per_round.append(time.perf_counter() - start)
    best, median = min(per_round), statistics.median(per_round)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"corpus: {len(articles)} gold articles, {words} words ({words // len(articles)} per article)")
    print(f"import reader.analysis: {import_s * 1000:.0f} ms (median of 5 fresh interpreters)")
    print(f"first analyze() call: {first_ms:.1f} ms")
    print(f"median: {len(articles) / median:.0f} articles/s ({median / len(articles) * 1000:.2f} ms per article)")
    print(f"best:   {len(articles) / best:.0f} articles/s ({best / len(articles) * 1000:.2f} ms per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
