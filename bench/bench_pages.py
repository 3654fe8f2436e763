"""Saved web pages: reader's page import against ``trafilatura.extract`` alone, on the same pages,
side by side in one run, for speed and for the fidelity of the text.

    python -m bench.bench_pages --pages /path/to/readability/test/test-pages
    python -m bench.bench_pages --pages DIR --rounds 5 --json

The pages are real ones with an open licence, listed with their source, licence and the strings
the article must and must not contain in ``bench/pages.json``; they are read from a checkout of
the repository named there (not copied into this one). Each page folder holds ``source.html`` and
``expected.html`` (the article as a person marked it up: the reference text for F1).

Reported per page (best of the rounds of each page) and in all (best of the rounds of all pages,
the four measures taken in turn in each round): seconds for ``trafilatura.extract`` (the same options reader uses:
metadata, links, tables, no comments, no images), for ``reader.importers.html.parse`` (decoding,
extraction, canonical body, links, metadata) and for a whole ``reader import`` of the pages
(parsing, analysis, the store and index writes), as ratios to the extraction alone; and token F1
of each text against the reference, with the wanted strings found and the unwanted ones leaked.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

MANIFEST = Path(__file__).resolve().parent / "pages.json"
OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_links": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
}
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.casefold()))


def f1(found: str, reference: str) -> float:
    got, want = tokens(found), tokens(reference)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def reference_text(path: Path) -> str:
    import lxml.html

    return lxml.html.document_fromstring(path.read_text("utf-8")).text_content()


def xml_text(document: str) -> str:
    """The words of the article in trafilatura's XML output (its <main>), one block per line.

    The XML output is read rather than the text output, which writes links and tables as Markdown
    (URLs and pipes among the words): the extraction is the same either way."""
    from lxml import etree

    if not document:
        return ""
    main = etree.fromstring(document.encode("utf-8")).find("main")
    return "" if main is None else "\n".join(" ".join("".join(block.itertext()).split()) for block in main)


def timed(function: Any, rounds: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def run(pages_dir: Path, rounds: int) -> dict[str, Any]:
    import trafilatura

    from reader.importers import html

    manifest = json.loads(MANIFEST.read_text("utf-8"))
    rows = []
    sources = []
    for name, page in manifest["pages"].items():
        folder = pages_dir / name
        data = (folder / "source.html").read_bytes()
        sources.append((name, data))
        reference = reference_text(folder / "expected.html")
        # interleaved, best of ``rounds`` each, so both see the same machine load
        t_extract, extracted = timed(
            lambda data=data: trafilatura.extract(data, output_format="xml", **OPTIONS) or "", rounds
        )
        t_reader, articles = timed(lambda data=data, name=name: html.parse(data, f"{name}.html"), rounds)
        body = articles[0].body
        extracted = xml_text(extracted)
        rows.append(
            {
                "page": name,
                "kb": len(data) // 1024,
                "extract_s": t_extract,
                "reader_s": t_reader,
                "f1_extract": f1(extracted, reference),
                "f1_reader": f1(body, reference),
                "wanted": len(page["wanted"]),
                "wanted_reader": sum(w in body for w in page["wanted"]),
                "wanted_extract": sum(w in " ".join(extracted.split()) for w in page["wanted"]),
                "unwanted_reader": sum(u in body for u in page["unwanted"]),
                "unwanted_extract": sum(u in " ".join(extracted.split()) for u in page["unwanted"]),
            }
        )
    totals = side_by_side(pages_dir, sources, rounds)
    wall, cpu = totals["wall"], totals["cpu"]
    return {
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}",
        "rounds": rounds,
        "pages": rows,
        "extract_s": wall["extract"],
        "reader_parse_s": wall["parse"],
        "reader_import_s": wall["import"],
        "reader_import_one_process_s": wall["one_process"],
        "workers": _workers(),
        "parse_ratio": wall["parse"] / wall["extract"],
        "import_ratio": wall["import"] / wall["extract"],
        "import_one_process_ratio": wall["one_process"] / wall["extract"],
        "cpu_s": cpu,
        "cpu_parse_ratio": cpu["parse"] / cpu["extract"],
        "cpu_import_one_process_ratio": cpu["one_process"] / cpu["extract"],
        "f1_extract": statistics.mean(r["f1_extract"] for r in rows),
        "f1_reader": statistics.mean(r["f1_reader"] for r in rows),
    }


def side_by_side(pages_dir: Path, sources: list[tuple[str, bytes]], rounds: int) -> dict[str, dict[str, float]]:
    """Best of ``rounds`` for all the pages at once: the extraction alone, reader's parse, the whole
    import with its worker processes and in one process, the four taken in turn in each round so
    that all see the same load on a shared machine. Wall clock for each, and this process's CPU
    time for the three that run in it (steadier when other work competes for the cores)."""
    import trafilatura

    from reader.importers import html

    def extract_all() -> None:
        for _, data in sources:
            trafilatura.extract(data, output_format="xml", **OPTIONS)

    def parse_all() -> None:
        for name, data in sources:
            html.parse(data, f"{name}.html")

    wall = dict.fromkeys(("extract", "parse", "import", "one_process"), float("inf"))
    cpu = dict.fromkeys(("extract", "parse", "one_process"), float("inf"))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "pages"
        folder.mkdir()
        for name, _ in sources:
            shutil.copyfile(pages_dir / name / "source.html", folder / f"{name}.html")
        steps: list[tuple[str, Any]] = [
            ("extract", lambda store: extract_all()),
            ("parse", lambda store: parse_all()),
            ("import", lambda store: whole_import(folder, store)),
            ("one_process", lambda store: whole_import(folder, store, workers=1)),
        ]
        for round_ in range(rounds):
            for label, step in steps:
                store = Path(scratch) / f"library-{label}-{round_}" / "articles.json"
                start, start_cpu = time.perf_counter(), time.process_time()
                step(store)
                wall[label] = min(wall[label], time.perf_counter() - start)
                if label in cpu:
                    cpu[label] = min(cpu[label], time.process_time() - start_cpu)
    return {"wall": wall, "cpu": cpu}


def _workers() -> int:
    from reader.importers import batch

    return batch.worker_count()


def whole_import(folder: Path, store: Path, workers: int | None = None) -> None:
    """``reader import`` of the folder of pages (as a user's import of a folder) into an empty
    library at ``store``: parsing, analysis and the store write; with the import's own worker
    processes, or with ``workers=1`` all in this one process."""
    from reader.importers import batch
    from reader.library import Library

    default = batch.worker_count
    if workers is not None:
        batch.worker_count = lambda: workers  # type: ignore[assignment]
    try:
        report = Library.open(store).import_sources([str(folder)])
    finally:
        batch.worker_count = default  # type: ignore[assignment]
    if report.failed:
        print(f"failed: {report.failed}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, required=True, help="folder of page folders (source.html, expected.html)")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs of each (default 3)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.pages, args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(result["machine"], f"best of {result['rounds']}")
    print(
        f"{'page':<22}{'KB':>6}{'extract s':>11}{'reader s':>10}{'ratio':>7}{'F1 extr':>9}{'F1 rdr':>8}"
        "  wanted  unwanted"
    )
    for r in result["pages"]:
        print(
            f"{r['page']:<22}{r['kb']:>6}{r['extract_s']:>11.3f}{r['reader_s']:>10.3f}"
            f"{r['reader_s'] / r['extract_s']:>7.2f}{r['f1_extract']:>9.3f}{r['f1_reader']:>8.3f}"
            f"  {r['wanted_reader']}/{r['wanted']} ({r['wanted_extract']})"
            f"  {r['unwanted_reader']} ({r['unwanted_extract']})"
        )
    n = len(result["pages"])
    print(
        f"all {n} pages: extract {result['extract_s']:.2f} s ({n / result['extract_s']:.1f} pages/s), "
        f"reader parse {result['reader_parse_s']:.2f} s (x{result['parse_ratio']:.2f}), "
        f"whole import {result['reader_import_s']:.2f} s ({n / result['reader_import_s']:.1f} pages/s, "
        f"x{result['import_ratio']:.2f}, {result['workers']} workers), in one process "
        f"{result['reader_import_one_process_s']:.2f} s (x{result['import_one_process_ratio']:.2f}); "
        f"mean F1 extract {result['f1_extract']:.3f}, reader {result['f1_reader']:.3f}"
    )
    cpu = result["cpu_s"]
    print(
        f"CPU time of this process: extract {cpu['extract']:.2f} s, reader parse {cpu['parse']:.2f} s "
        f"(x{result['cpu_parse_ratio']:.2f}), whole import in one process {cpu['one_process']:.2f} s "
        f"(x{result['cpu_import_one_process_ratio']:.2f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
