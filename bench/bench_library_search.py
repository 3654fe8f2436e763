"""Search through a library as the app and `reader search` run it (``Library.search``: the tantivy
index plus the rows shown), on a real library file, so that one layout can be put beside another.

    python -m bench.bench_library_search --store bench/corpora/100k/articles.json --cache /tmp/c1
    python -m bench.bench_library_search --tree <checkout of an earlier revision> --store ... --cache /tmp/c2

The first search builds the index into ``--cache`` when it is missing (timed apart); then each
query of each kind runs ``--repeats`` times, and p50 / p95 per kind are printed in milliseconds.
Run two trees in turn on the same machine to compare them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

QUERIES = {
    "common": ["council", "minister", "said", "government"],
    "rare": ["zeppelin", "quarantine", "lighthouse", "orchard"],
    "phrase": ['"city council"', '"prime minister"'],
    "and": ["council AND budget", "minister AND election"],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_library_search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="the library's articles.json")
    parser.add_argument("--cache", type=Path, required=True, help="cache folder for its index (made if missing)")
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--tree", type=Path, help="search with the reader package of this checkout instead")
    args = parser.parse_args(argv)
    if args.tree is not None:
        import sys

        sys.path.insert(0, str(args.tree.resolve()))
    os.environ["READER_CACHE_DIR"] = str(args.cache)
    import reader
    from reader.library import Library

    print(f"reader from {Path(reader.__file__).parent.parent}")
    library = Library.open(args.store)
    started = time.perf_counter()
    library.search("council")
    print(f"first search (the index built if missing): {time.perf_counter() - started:.1f} s")
    for kind, queries in QUERIES.items():
        times = []
        for _ in range(args.repeats):
            for query in queries:
                started = time.perf_counter()
                library.search(query)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"{kind:7s} p50 {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
