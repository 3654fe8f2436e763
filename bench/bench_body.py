"""Very long articles in the TUI, measured as a user meets them: a real process in a pseudo-terminal.

    python -m bench.bench_body [--repeats 3] [--before REF] [--timeout 60]

Three articles, each alone in a library: the sample article, 100,000 one-line paragraphs, and 10 MB
of prose in ~26,000 paragraphs. For each: Enter on the list -> the body's first line drawn (and, in
process, how much of that is the body's own layout); G -> the last line drawn (G scrolls with
Textual's one-second animation, as it always has); the article's commonest long word pasted into
find (/) -> its count of matches drawn; and the peak memory of the process (``wait4`` rusage).
Beside them, by the same method, a bare Textual app that draws one line, and (``--before REF``) the
same session with the TUI of another git revision, given ``--timeout`` seconds to draw before it is
stopped.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.bench_tui import ROOT, Terminal, Timeout, bare_start, checkout, child_env
from bench.big_article import PLAIN, body, short_paragraphs, store_with

ARTICLES = {
    "100,000 paragraphs": lambda: short_paragraphs(100_000),
    "10 MB": lambda: body(10_000_000, PLAIN.strip()),
}


@dataclass
class Run:
    open_s: float | None  # Enter -> first body line; None: not drawn within the timeout
    end_s: float | None  # G -> last line
    find_s: float | None  # "/word" typed -> the count of its matches drawn
    peak_kb: int


def sample_body() -> str:
    from reader.library import Library

    return Library.open(ROOT / "data" / "articles.json").articles()[0].body


ARTICLES = {"the sample article (536 words)": sample_body, **ARTICLES}


def markers(text: str) -> tuple[bytes, bytes]:
    """Words of the first and of the last paragraph drawn in one run of cells, the last found nowhere
    before it (a number, in the generated articles)."""
    paragraphs = text.split("\n\n")
    first = paragraphs[0].split("“")[0].split()[:2]
    words = paragraphs[-1].split("”")[-1].split()
    last = next((w for w in reversed(words) if any(c.isdigit() for c in w)), " ".join(words[-2:]))
    return " ".join(first).encode(), last.encode()


def find_needle(text: str) -> tuple[str, int]:
    """The article's most frequent word of six letters or more, and how many matches find gives it."""
    import re
    from collections import Counter

    from reader.find import find_all

    word = Counter(re.findall(r"[a-z]{6,}", text[:200_000].lower())).most_common(1)[0][0]
    return word, len(find_all(text, word))


def layout_seconds(text: str, width: int = 64) -> float:
    """In process: the body's own work on opening, its paragraphs' offsets and its wrap at the width
    of a 120-column terminal's body (the best of three)."""
    from reader.text import paragraph_spans
    from reader.widgets.body_layout import BodyLayout

    times = []
    for _ in range(3):
        started = time.perf_counter()
        BodyLayout(text, paragraph_spans(text), width)
        times.append(time.perf_counter() - started)
    return min(times)


def session(store: Path, text: str, tmp: Path, timeout: float, code: Path | None = None) -> Run:
    env = child_env(tmp)
    env["READER_CACHE_DIR"] = str(tmp / "cache")
    if code is not None:
        env["PYTHONPATH"] = str(code)
    first, last = markers(text)
    term = Terminal([sys.executable, "-m", "reader", "--store", str(store)], env, cwd=code)
    term.wait_for(b"Big", timeout=120)  # the list, with the article's title
    opened = ended = found = None
    try:
        sent, mark = term.press(b"\r")
        term.wait_for(first, since=mark, timeout=timeout)
        opened = time.perf_counter() - sent
        sent, mark = term.press(b"G")
        term.wait_for(last, since=mark, timeout=timeout)
        ended = time.perf_counter() - sent
        needle, count = find_needle(text)
        term.press(b"/")
        time.sleep(0.5)
        # pasted, so that the count is drawn once, for the whole word (typed, a prefix may already have it)
        sent, mark = term.press(b"\x1b[200~" + needle.encode() + b"\x1b[201~")
        term.wait_for(f"/{count}".encode(), since=mark, timeout=timeout)
        found = time.perf_counter() - sent
    except Timeout:
        os.kill(term.pid, 9)
    return Run(opened, ended, found, term.finish())


def seconds(value: float | None, timeout: float) -> str:
    return f"{value:.2f} s" if value is not None else f"not drawn in {timeout:.0f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_body", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="sessions per article (medians reported)")
    parser.add_argument("--before", metavar="REF", help="also run the TUI of this git revision once per article")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a version is given to draw")
    args = parser.parse_args(argv)
    rows = [
        "| article | bare Textual app | reader: Enter -> first line | of it, the body's layout | G -> last line "
        "| find a word | peak memory |",
        "|---|---|---|---|---|---|---|",
    ]
    before_rows = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-body-") as name:
        tmp = Path(name)
        code = None
        if args.before:
            (tmp / "before").mkdir()
            code = checkout(args.before, tmp / "before")
        for label, make in ARTICLES.items():
            text = make()
            store = store_with(tmp / label.replace(" ", "_").replace(",", "") / "articles.json", text)
            bare, runs = [], []
            for _ in range(args.repeats):
                bare.append(bare_start(tmp)[0])
                runs.append(session(store, text, tmp, args.timeout))
                run = runs[-1]
                print(f"  {label}: {run}", file=sys.stderr)
            opens = [r.open_s for r in runs if r.open_s is not None]
            ends = [r.end_s for r in runs if r.end_s is not None]
            finds = [r.find_s for r in runs if r.find_s is not None]
            needle, count = find_needle(text)
            rows.append(
                f"| {label} | {statistics.median(bare):.2f} s "
                f"| {seconds(statistics.median(opens) if opens else None, args.timeout)} "
                f"| {layout_seconds(text) * 1000:.0f} ms "
                f"| {seconds(statistics.median(ends) if ends else None, args.timeout)} "
                f"| {seconds(statistics.median(finds) if finds else None, args.timeout)} ('{needle}', {count:,}) "
                f"| {statistics.median(r.peak_kb for r in runs) / 1024:,.0f} MB |"
            )
            if code is not None:
                run = session(store, text, tmp, args.timeout, code)
                print(f"  {label} before: open {run.open_s} s, peak {run.peak_kb // 1024} MB", file=sys.stderr)
                before_rows.append(
                    f"| {label} | {seconds(run.open_s, args.timeout)} | {seconds(run.end_s, args.timeout)} "
                    f"| {seconds(run.find_s, args.timeout)} "
                    f"| {run.peak_kb / 1024:,.0f} MB |"
                )
    print("\n".join(rows))
    if before_rows:
        print(f"\n| article | {args.before}: Enter -> first line | G -> last line | find a word | peak memory |")
        print("|---|---|---|---|---|")
        print("\n".join(before_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
