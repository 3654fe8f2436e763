"""How fast and how well bookmarks re-anchor in long articles.

    .venv/bin/python bench/anchoring.py [--trials N]

Articles are built from the seed article's words (a small vocabulary, so chance matches are more
likely than in real prose). Times are per ``reanchor`` call, without the library's cache.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.anchoring import ORPHANED, Anchor, make_anchor, reanchor  # noqa: E402
from reader.bookmarks import BOOKMARKS, Bookmark  # noqa: E402
from reader.importers.plaintext import parse_text  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.models import Article, make_article_id  # noqa: E402

SEED = ROOT / "tests" / "data" / "seed" / "000_a14d585e98ce9933.txt"


def article(words: int, rng: random.Random) -> list[str]:
    vocabulary = parse_text(SEED.read_text(encoding="utf-8")).body.split()
    paragraphs, left = [], words
    while left > 0:
        size = min(left, rng.randint(40, 120))
        paragraphs.append(" ".join(rng.choice(vocabulary) for _ in range(size)))
        left -= size
    return paragraphs


def passage(paragraphs: list[str], chars: int, rng: random.Random) -> tuple[int, int, int]:
    """(paragraph index, start, end) of a passage of about ``chars`` characters inside one paragraph,
    or spanning paragraphs when it is longer than they are."""
    index = rng.randrange(2, len(paragraphs) - 2)
    offset = sum(len(p) + 2 for p in paragraphs[:index])
    text = "\n\n".join(paragraphs)
    start = offset + rng.randrange(0, max(1, len(paragraphs[index]) - min(chars, len(paragraphs[index]))))
    return index, start, min(len(text), start + chars)


def change_a_word(text: str, rng: random.Random) -> str:
    """Replace one whole word inside the passage (not the first or last, which may be cut)."""
    words = text.split(" ")
    at = rng.randrange(1, len(words) - 1) if len(words) > 2 else 0
    words[at] = "Nevertheless" if words[at] != "Nevertheless" else "However"
    return " ".join(words)


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, max(times) * 1000


def run(trials: int) -> None:
    rng = random.Random(2024)
    print(f"{'words':>6} {'passage':>8} {'case':<22} {'median ms':>10} {'max ms':>8}")
    for words in (1_000, 10_000, 50_000):
        paragraphs = article(words, rng)
        body = "\n\n".join(paragraphs)
        for chars in (100, 600, 3000):
            _, start, end = passage(paragraphs, chars, rng)
            anchor = make_anchor(body, start, end)
            top = "An editor's note added on top.\n\n" + body
            edited = top.replace(anchor.exact, change_a_word(anchor.exact, rng), 1)
            gone = body[: anchor.start] + body[anchor.end :]
            for case, text in (
                ("unchanged", body),
                ("paragraph on top", top),
                ("word changed + top", edited),
                ("passage deleted", gone),
            ):
                median, worst = timed(lambda text=text, anchor=anchor: reanchor(anchor, text), 5)
                print(f"{words:>6} {chars:>8} {case:<22} {median:>10.2f} {worst:>8.2f}")
    quality(trials, rng)


def quality(trials: int, rng: random.Random) -> None:
    """Word changed inside the passage: found with its new text? Passage deleted: orphaned?"""
    paragraphs = article(10_000, rng)
    body = "\n\n".join(paragraphs)
    print(f"\nquality on a 10,000-word article, {trials} passages per length")
    print(f"{'passage':>8} {'changed word: found exactly':>28} {'deleted: orphaned':>18}")
    for chars in (30, 100, 600):
        found = orphaned = 0
        for _ in range(trials):
            _, start, end = passage(paragraphs, chars, rng)
            anchor: Anchor = make_anchor(body, start, end)
            changed = change_a_word(anchor.exact, rng)
            edited = body[: anchor.start] + changed + body[anchor.end :]
            placement = reanchor(anchor, edited)
            if placement.placed and edited[placement.start : placement.end] == changed.strip():
                found += 1
            gone = body[: anchor.start] + body[anchor.end :]
            if reanchor(anchor, gone).status == ORPHANED:
                orphaned += 1
        print(f"{chars:>8} {found / trials:>28.0%} {orphaned / trials:>18.0%}")


def listing(articles: int = 200, bookmarks: int = 2000) -> None:
    """``reader bookmarks list --json`` (a whole process) after every article was re-imported with edits."""
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "articles.json"
        made = []
        for n in range(articles):
            body = "\n\n".join(article(1_000, rng))
            made.append(Article(id=make_article_id(None, f"Article {n}", "bench"), title=f"Article {n}", body=body))
        library = Library.open(store)
        library.add(made)
        table = {}
        for n in range(bookmarks):
            item = made[n % articles]
            start = rng.randrange(0, len(item.body) - 300)
            anchor = make_anchor(item.body, start, start + 200)
            bookmark = Bookmark(f"{n:012x}", item.id, item.title, anchor, created=f"2024-01-01T00:00:00.{n:06d}Z")
            table[bookmark.id] = bookmark.to_dict()
        library.state.update_table(BOOKMARKS, lambda t: t.update(table))
        library.add(
            Article(id=a.id, title=a.title, body="A note on top.\n\n" + a.body.replace(" the ", " a ", 3)) for a in made
        )
        library.close()
        command = [sys.executable, "-m", "reader", "--store", str(store), "bookmarks", "list", "--json"]
        times = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        print(
            f"\nreader bookmarks list --json, {bookmarks} bookmarks in {articles} edited 1,000-word articles: "
            f"median {statistics.median(times):.2f} s of 3 runs"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    run(parser.parse_args().trials)
    listing()
