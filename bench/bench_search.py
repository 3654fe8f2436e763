"""Search benchmark: index build time and query latency (top 20 with snippets) of the tantivy index
the library uses, against SQLite FTS5 and a naive in-memory scan, on generated corpora.

    python -m bench.bench_search --sizes 1000,10000,100000

Indexes are built straight from generated ``Article`` objects (the store path costs the same
tantivy work plus reading the TinyDB file, which is measured by the library benchmarks). Numbers
go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gc
import heapq
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bench.corpus import _RARE as RARE
from bench.corpus import generate
from reader.models import Article
from reader.search import SearchIndex


def _all_of(query: str) -> tuple[str, str, list[tuple[str, str]]]:
    words = query.split()
    return query, " AND ".join(words), [("all", w) for w in words]


# category -> [(reader query, FTS5 query, naive needles [(field, lowercase text)])]
Naive = list[tuple[str, str]]
QUERIES: dict[str, list[tuple[str, str, Naive]]] = {
    "common": [
        ("said", "said", [("all", "said")]),
        ("inflation", "inflation", [("all", "inflation")]),
        ("officials", "officials", [("all", "officials")]),
        ("coalition", "coalition", [("all", "coalition")]),
    ],
    "rare": [(word, word, [("all", word.lower())]) for word in (RARE[10], RARE[1000], RARE[2000], RARE[3000])],
    "phrase": [
        ('"rural districts"', '"rural districts"', [("all", "rural districts")]),
        ('"patience has limits"', '"patience has limits"', [("all", "patience has limits")]),
        ('"central bank"', '"central bank"', [("all", "central bank")]),
        ('"summer recess"', '"summer recess"', [("all", "summer recess")]),
    ],
    "AND": [_all_of(q) for q in ("inflation wages", "drought crops kyiv", "vaccines nurses lisbon", "reuters troops")],
    "field": [
        ("title:inflation", "title:inflation", [("title", "inflation")]),
        ("speaker:kowalski", "speakers:kowalski", [("speakers", "kowalski")]),
        ("person:tanaka", "people:tanaka", [("people", "tanaka")]),
        ("quote:patience", "quotes:patience", [("quotes", "patience")]),
    ],
}


def _fields(article: Article) -> dict[str, str]:
    analysis = article.analysis
    quotes = [q for q in analysis.quotes if not q.scare] if analysis else []
    return {
        "title": article.title,
        "body": article.body,
        "people": " | ".join(n for p in analysis.people for n in (p.name, *p.aliases)) if analysis else "",
        "speakers": " | ".join(q.speaker or "" for q in quotes),
        "quotes": " | ".join(q.text for q in quotes),
    }


class NaiveScan:
    """What a reader without an index does: lower-cased texts in memory, substring tests on each."""

    def __init__(self, articles: Iterable[Article]):
        self.rows = []
        for article in articles:
            f = _fields(article)
            self.rows.append(
                (
                    article.id,
                    article.title,
                    {
                        "all": (f["title"] + "\n" + f["body"]).lower().encode(),
                        "title": f["title"].lower().encode(),
                        "people": f["people"].lower().encode(),
                        "speakers": f["speakers"].lower().encode(),
                        "quotes": f["quotes"].lower().encode(),
                    },
                )
            )

    def search(self, needles: Naive, limit: int = 20) -> tuple[int, list[tuple[str, str, str]]]:
        wanted = [(field, text.encode()) for field, text in needles]
        scored = []
        for index, (_, _, texts) in enumerate(self.rows):
            score = 0
            for field, needle in wanted:
                count = texts[field].count(needle)
                if not count:
                    break
                score += count
            else:
                scored.append((score, index))
        top = heapq.nlargest(limit, scored)
        hits = []
        for _, index in top:
            article_id, title, texts = self.rows[index]
            text = texts["all"]
            at = max(0, text.find(wanted[0][1]) - 60) if wanted[0][0] == "all" else 0
            hits.append((article_id, title, text[at : at + 200].decode("utf-8", "replace")))
        return len(scored), hits


class Fts5:
    """SQLite FTS5 with accents folded, bm25 ranking and snippets: the other engine considered."""

    def __init__(self, path: Path, articles: Iterable[Article]):
        self.db = sqlite3.connect(path)
        self.db.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, people, speakers, quotes, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        with self.db:
            self.db.executemany(
                "INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?)",
                ((a.id, *_fields(a).values()) for a in articles),
            )
            self.db.execute("INSERT INTO fts(fts) VALUES ('optimize')")

    def search(self, query: str, limit: int = 20) -> tuple[int, list[tuple[str, str, str]]]:
        total = self.db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (query,)).fetchone()[0]
        rows = self.db.execute(
            "SELECT id, title, snippet(fts, 2, '[', ']', '…', 30) FROM fts WHERE fts MATCH ? "
            "ORDER BY bm25(fts, 0, 2.0, 1.0) LIMIT ?",
            (query, limit),
        ).fetchall()
        return total, rows


def _timed(run: Callable[[], object], repeats: int) -> list[float]:
    run()  # warm up: first use of a query loads its terms
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def bench_size(count: int, engines: list[str], repeats: int, seed: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    try:
        started = time.perf_counter()
        articles = list(generate(count, seed))
        print(f"  {count:>7} generated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        built: dict[str, tuple[float, int]] = {}
        runners: dict[str, Callable[[tuple[str, str, Naive]], object]] = {}
        if "tantivy" in engines:
            index = SearchIndex(work / "none.json", work / "cache", load=tuple)
            started = time.perf_counter()
            index.rebuild(articles)
            built["tantivy"] = (time.perf_counter() - started, _size(index.dir))
            runners["tantivy"] = lambda q: index.search(q[0], limit=20)
            started = time.perf_counter()  # what the app pays on its first search: open the index, then query
            SearchIndex(work / "none.json", work / "cache", load=tuple).search("said officials")
            first = (time.perf_counter() - started) * 1000
            print(f"  {count:>7} tantivy  open + first search {first:.1f} ms", file=sys.stderr)
        if "fts5" in engines:
            started = time.perf_counter()
            fts = Fts5(work / "fts.db", articles)
            built["fts5"] = (time.perf_counter() - started, (work / "fts.db").stat().st_size)
            runners["fts5"] = lambda q: fts.search(q[1], limit=20)
        if "naive" in engines:
            started = time.perf_counter()
            naive = NaiveScan(articles)
            built["naive"] = (time.perf_counter() - started, 0)
            runners["naive"] = lambda q: naive.search(q[2], limit=20)
        del articles
        for engine, (seconds, size) in built.items():
            print(f"  {count:>7} {engine:<8} build {seconds:7.1f} s  {size / 1e6:8.1f} MB", file=sys.stderr)
        gc.collect()
        for category, queries in QUERIES.items():
            for engine, run in runners.items():
                slow = engine == "naive" and count >= 50_000
                times: list[float] = []
                for query in queries:
                    times += _timed(lambda q=query, r=run: r(q), max(3, repeats // 5) if slow else repeats)
                total = index.search(queries[0][0], limit=1).total if "tantivy" in engines else None
                rows.append(
                    {
                        "articles": count,
                        "engine": engine,
                        "category": category,
                        "p50": _pct(times, 50),
                        "p95": _pct(times, 95),
                        "build_s": built[engine][0],
                        "size_mb": built[engine][1] / 1e6,
                        "example": queries[0][0],
                        "matches": total,
                    }
                )
                print(
                    f"  {count:>7} {engine:<8} {category:<7} p50 {rows[-1]['p50']:8.2f} ms  "
                    f"p95 {rows[-1]['p95']:8.2f} ms",
                    file=sys.stderr,
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def markdown(rows: list[dict[str, object]]) -> str:
    sizes = sorted({int(r["articles"]) for r in rows})  # type: ignore[call-overload]
    engines = [e for e in ("tantivy", "fts5", "naive") if any(r["engine"] == e for r in rows)]
    lines = ["| articles | engine | build | index size | " + " | ".join(f"{c} p50 / p95" for c in QUERIES) + " |"]
    lines.append("|" + "---|" * (4 + len(QUERIES)))
    for size in sizes:
        for engine in engines:
            mine = {r["category"]: r for r in rows if r["articles"] == size and r["engine"] == engine}
            if not mine:
                continue
            first = next(iter(mine.values()))
            build = f"{first['build_s']:.1f} s"
            disk = f"{first['size_mb']:.0f} MB" if engine != "naive" else "(memory)"
            cells = [f"{mine[c]['p50']:.1f} / {mine[c]['p95']:.1f}" for c in QUERIES]
            lines.append(f"| {size:,} | {engine} | {build} | {disk} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--engines", default="tantivy,fts5,naive", help="tantivy, fts5, naive (default: all)")
    parser.add_argument("--repeats", type=int, default=25, help="timed runs of each query (default 25)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, got {args.sizes!r}")
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(engines) - {"tantivy", "fts5", "naive"}
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(sorted(unknown))}")
    rows: list[dict[str, object]] = []
    for size in sizes:
        rows += bench_size(size, engines, args.repeats, args.seed)
    print(markdown(rows))
    print()
    for size in sizes:
        ratio = []
        for category in QUERIES:
            tan = [r for r in rows if r["articles"] == size and r["engine"] == "tantivy" and r["category"] == category]
            nai = [r for r in rows if r["articles"] == size and r["engine"] == "naive" and r["category"] == category]
            if tan and nai:
                ratio.append(f"{category} {float(nai[0]['p50']) / float(tan[0]['p50']):.1f}x")  # type: ignore[arg-type]
        if ratio:
            print(f"{size:,} articles, naive p50 / tantivy p50: " + ", ".join(ratio))
    return 0


if __name__ == "__main__":
    sys.exit(main())
