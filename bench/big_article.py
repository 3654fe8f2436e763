"""How the cost of one article grows with its size: analysis (in process) and ``reader show`` (a subprocess).

    python -m bench.big_article [--show]

Two kinds of prose: quote-heavy (a quote and a named speaker in every few lines) and plain (no quotes,
no names). A cost that quadruples when the size doubles is quadratic: a big enough article hangs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUOTED = (
    "The council met on Tuesday. “We will build the bridge before winter,” said Ann Example, "
    "the mayor, adding that the budget was agreed. Critics called it a “vanity project”. "
) * 4
PLAIN = "the council met on tuesday and agreed the budget for the bridge before winter, said the mayor. " * 4


def body(size: int, paragraph: str) -> str:
    return "\n\n".join(f"{paragraph}{n}." for n in range(size // (len(paragraph) + 2) + 1))


def short_paragraphs(count: int) -> str:
    """A body of ``count`` one-line paragraphs; one in a hundred quotes someone."""
    return "\n\n".join(
        f"Paragraph {n}: “We need the bridge {n},” said Ann Example."
        if n % 100 == 0
        else f"Paragraph {n} of the minutes."
        for n in range(count)
    )


def store_with(path: Path, body: str, title: str = "Big") -> Path:
    """A store holding one article with ``body``, its quotes marked without running the analyser
    (tests and the TUI bench measure drawing, not analysis): every “...” said by Ann Example."""
    import re

    from reader.analysis import ANALYZER_VERSION
    from reader.models import Analysis, Article, Quote
    from reader.store import ArticleStore

    quotes = tuple(
        Quote(match.group(1), match.start(1), match.end(1), speaker="Ann Example", speaker_type="person")
        for match in re.finditer(r"“([^”]*)”", body)
    )
    article = Article(id="big", title=title, body=body, source="bench", analysis=Analysis(ANALYZER_VERSION, quotes))
    ArticleStore(path).upsert([article])
    return path


def time_analysis(size: int, paragraph: str) -> tuple[float, int]:
    from reader.analysis import analyze
    from reader.text import normalize_body

    text = normalize_body(body(size, paragraph))
    started = time.perf_counter()
    analysis = analyze(text, "Big")
    return time.perf_counter() - started, len(analysis.quotes)


def time_show(size: int, paragraph: str) -> float:
    """Wall time of ``reader show`` (rich rendering, output to a pipe) of one imported article."""
    with tempfile.TemporaryDirectory() as folder:
        source, store = Path(folder) / "big.txt", Path(folder) / "articles.json"
        source.write_text("Big\n\n" + body(size, paragraph) + "\n", encoding="utf-8")
        reader = [sys.executable, "-m", "reader"]
        subprocess.run([*reader, "import", "-q", "--store", str(store), str(source)], check=True)
        listed = subprocess.run([*reader, "list", "--json", "--store", str(store)], check=True, capture_output=True)
        article_id = listed.stdout.split(b'"id": "')[1].split(b'"')[0].decode()
        started = time.perf_counter()
        subprocess.run([*reader, "show", article_id, "--store", str(store)], check=True, capture_output=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="also time 'reader show' of a 10 MB plain article")
    args = parser.parse_args()
    print("| prose | characters | analysis | quotes |\n| --- | ---: | ---: | ---: |")
    for name, paragraph, sizes in (
        ("quote-heavy", QUOTED, (50_000, 100_000, 200_000, 400_000)),
        ("plain", PLAIN, (400_000, 1_600_000, 10_000_000)),
    ):
        for size in sizes:
            seconds, quotes = time_analysis(size, paragraph)
            print(f"| {name} | {size:,} | {seconds:.2f} s | {quotes:,} |", flush=True)
    if args.show:
        print(f"\n'reader show' of 10 MB of plain prose: {time_show(10_000_000, PLAIN):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
