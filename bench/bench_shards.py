"""Where a library should go into shards: the cost of one write as the library grows, in each layout.

    python -m bench.bench_shards --sizes 1000,2500,5000,10000,20000

For each size, a library of that many generated articles (``bench.corpus``) is written once as one
file and once in shards, then each takes the same write of 100 new articles (``ArticleStore.upsert``:
read, change, write, as an import's save does), and each is read whole once (``ArticleStore.all``:
what ``reader list`` and re-analysis do, the one thing shards make dearer). Medians of three.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def measure(count: int, repeats: int) -> dict[str, float]:
    from bench.corpus import generate
    from reader.store import ArticleStore

    articles = list(generate(count + 100 * repeats, seed=5))
    library, extra = articles[:count], articles[count:]
    found: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="reader-bench-shards-") as tmp:
        for layout, threshold in (("one file", 10**9), ("shards", 0)):
            os.environ["READER_SHARD_THRESHOLD"] = str(threshold)
            path = Path(tmp) / layout.replace(" ", "-") / "articles.json"
            path.parent.mkdir()
            ArticleStore(path).upsert(library)
            writes, reads = [], []
            for n in range(repeats):
                batch = extra[n * 100 : (n + 1) * 100]
                writes.append(timed(lambda b=batch, p=path: ArticleStore(p).upsert(b)))  # a store opened anew
                reads.append(timed(lambda p=path: ArticleStore(p).all()))
            found[f"{layout} write"] = statistics.median(writes)
            found[f"{layout} read"] = statistics.median(reads)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_shards", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2500,5000,10000,20000")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print("| articles | write of 100: one file | in shards | read whole: one file | in shards |")
    print("|---|---|---|---|---|")
    for count in [int(s) for s in args.sizes.split(",") if s.strip()]:
        r = measure(count, args.repeats)
        print(
            f"| {count:,} | {r['one file write']:.2f} s | {r['shards write']:.2f} s "
            f"| {r['one file read']:.2f} s | {r['shards read']:.2f} s |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
