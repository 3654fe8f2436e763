"""Refreshing followed feeds: 50 local feeds of 20 entries each (1,000 generated news articles of
650-900 words, full text in the feed) served on 127.0.0.1, fetched and imported by ``reader refresh``
in a fresh library; then the same refresh again, every feed answering 304 Not Modified. The baseline,
in the same session: ``reader import`` of the same 50 feed URLs, the one-off import that existed before.

    python -m bench.bench_refresh                 # 3 runs of each, medians
    python -m bench --only refresh                # the same, written to docs/benchmarks.md

Each run is its own process with its own data and cache folders; time is wall time from start to exit,
memory the process's peak resident set (``wait4`` rusage).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

from bench.corpus import generate
from tests.feed_server import Site, rss, serve

ROOT = Path(__file__).resolve().parent.parent
NOTES = """`bench.bench_refresh`: 50 feeds of 20 entries each (1,000 generated news articles of 650-900 words,
the whole text in each entry) served on 127.0.0.1, subscribed from an OPML list and fetched by `reader
refresh` into an empty library (fetching, reading the entries, analysis, store and catalog writes, the
subscriptions' record); then `reader refresh` again, every feed answering 304 Not Modified. The
baseline, run alternately in the same session: `reader import` of the same 50 feed URLs, the one-off
import that existed before subscriptions. Each run is its own process with fresh data and cache
folders: wall time from start to exit, peak resident memory from `wait4` rusage, medians. No search
index exists yet in these libraries (one is built on the first search), for both. The refresh
fetches eight feeds at once where the import reads them one after another; in both, analysing and
saving the articles takes most of the time (about 70% of a refresh, profiled in one process)."""
FEEDS = 50
ENTRIES = 20


def publish(site: Site, feeds: int = FEEDS, entries: int = ENTRIES) -> list[str]:
    """Serve ``feeds`` feeds of ``entries`` generated articles each; their URLs."""
    articles = list(generate(feeds * entries, seed=16))
    urls = []
    for number in range(feeds):
        items = []
        for offset, article in enumerate(articles[number * entries : (number + 1) * entries]):
            index = number * entries + offset
            items.append(
                {
                    "title": article.title,
                    "link": f"{site.base}/outlet-{number}/{index}.html",
                    "content": "".join(f"<p>{escape(p)}</p>" for p in article.body.split("\n\n")),
                    "date": time.strftime("%a, %d %b %Y 08:00:00 GMT", time.strptime(article.published, "%Y-%m-%d")),
                }
            )
        urls.append(site.feed(f"/outlet-{number}/feed.xml", rss(f"Outlet {number}", items), etag=f'"{number}"'))
    return urls


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one ``reader`` process, which must succeed."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *argv], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(
            f"reader {' '.join(argv[:3])} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def one_run(urls: list[str]) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-refresh-") as folder:
        home = Path(folder)
        env = {
            **os.environ,
            "READER_DATA_DIR": str(home / "data"),
            "READER_CACHE_DIR": str(home / "cache"),
            "READER_CONFIG": str(home / "config.toml"),
        }
        opml = home / "feeds.opml"
        outlines = "".join(f'<outline text="Outlet {i}" xmlUrl="{u}"/>' for i, u in enumerate(urls))
        opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
        refresh_store, import_store = str(home / "refresh" / "articles.json"), str(home / "import" / "articles.json")
        subprocess.run(
            [sys.executable, "-m", "reader", "--store", refresh_store, "feeds", "import", str(opml)],
            env=env,
            check=True,
            capture_output=True,
        )
        return {
            "import": timed(["--store", import_store, "import", "-q", *urls], env),
            "refresh": timed(["--store", refresh_store, "refresh", "-q"], env),
            "again": timed(["--store", refresh_store, "refresh", "-q"], env),
        }


def run(repeats: int = 3) -> list[dict[str, tuple[float, float]]]:
    runs = []
    with serve() as site:
        urls = publish(site)
        for number in range(repeats):
            runs.append(one_run(urls))
            figures = ", ".join(f"{k} {v[0]:.1f} s" for k, v in runs[-1].items())
            print(f"  refresh run {number + 1}: {figures}", file=sys.stderr)
    return runs


def markdown(runs: list[dict[str, tuple[float, float]]]) -> str:
    def median(key: str, part: int) -> float:
        return statistics.median(r[key][part] for r in runs)

    articles = FEEDS * ENTRIES
    lines = [
        f"| {FEEDS} feeds x {ENTRIES} entries ({articles:,} articles) | time (median of {len(runs)}) | articles/s "
        "| runs | peak memory | against the baseline |",
        "|---|---|---|---|---|---|",
    ]
    base = median("import", 0)
    for key, label in (
        ("import", "baseline: `reader import` of the 50 feed URLs"),
        ("refresh", "`reader refresh`, first (every entry new)"),
        ("again", "`reader refresh` again (every feed 304)"),
    ):
        seconds = median(key, 0)
        rate = f"{articles / seconds:.0f}" if key != "again" else "-"
        times = ", ".join(f"{r[key][0]:.1f}" for r in runs)
        lines.append(
            f"| {label} | {seconds:.2f} s | {rate} | {times} | {median(key, 1):.0f} MB | {seconds / base:.2f}x |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_refresh", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(markdown(run(args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
