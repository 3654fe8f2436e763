"""The TUI at scale, measured as a user meets it: a real process in a pseudo-terminal.

    python -m bench.bench_tui --sizes 1000,10000 --repeats 5
    python -m bench.bench_tui --sizes 100000 --repeats 3 --shards --before main

For each library: time from process start to the first row of the list drawn (a warm start, the
catalog fresh; and one cold start, the catalog missing), to the whole list read, Enter -> the
article's body drawn, and the peak memory of the process (``wait4`` rusage). Next to it, in the
same session and by the same method, a bare Textual app that draws one line; and the in-process
cost of opening one article from the catalog against parsing the whole store (the naive way).

With ``--shards`` the sessions run on a copy of the corpus split into shards (made once beside it);
``--before REF`` still runs that revision on the corpus as one file, which is what it reads.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.library import LIST_IN_BACKGROUND_BYTES

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / "corpora"
SIZE = (120, 40)  # columns, lines
BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("bare textual app ready")


Bare().run()
"""


class Timeout(Exception):
    pass


class Terminal:
    """A child process on a pseudo-terminal, its output read as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path | None = None):
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: a terminal of a known size, then the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
                if cwd is not None:  # ``python -m`` looks in the current folder first
                    os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()

    def wait_for(self, marker: bytes, timeout: float = 120.0, since: int = 0) -> float:
        """Seconds from process start until ``marker`` appears in the output after byte ``since``."""
        deadline = time.monotonic() + timeout
        while marker not in self.output[since:]:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout(f"{marker!r} not drawn within {timeout:.0f} s")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.5))
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise Timeout(f"the process ended before {marker!r} was drawn")
                self.output += chunk
        return time.perf_counter() - self.started

    def press(self, keys: bytes) -> tuple[float, int]:
        """Send keys; returns the time sent and the output length then (to look for what follows)."""
        mark = len(self.output)
        os.write(self.fd, keys)
        return time.perf_counter(), mark

    def finish(self, quit_keys: bytes = b"\x11") -> int:
        """Quit, drain the output, reap the child: its peak resident memory in kB."""
        with contextlib.suppress(OSError):
            os.write(self.fd, quit_keys)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                try:
                    if not os.read(self.fd, 1 << 16):
                        break
                except OSError:
                    break
        else:
            os.kill(self.pid, 9)
        _, _, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        return usage.ru_maxrss


def child_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READER_", "TEXTUAL"))}
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        READER_CACHE_DIR=str(CORPORA / "cache"),
        READER_CONFIG=str(tmp / "config.toml"),
        READER_DATA_DIR=str(tmp / "data"),
    )
    return env


def bare_start(tmp: Path) -> tuple[float, int]:
    term = Terminal([sys.executable, "-c", BARE_APP], child_env(tmp))
    seconds = term.wait_for(b"bare textual app ready")
    return seconds, term.finish()


def first_screen_marker(title: str) -> bytes:
    """The start of a title as the list draws it (cut to stay within one cell run)."""
    return title[:24].encode()


def body_marker(body: str) -> bytes:
    """The first words of the body, before any quotation mark (marks split the text into styles)."""
    head = body.split("\n", 1)[0].split("“", 1)[0]
    return " ".join(head.split()[:4]).encode()


@dataclass
class Run:
    first_row: float
    whole_list: float
    open_article: float
    peak_kb: int


@dataclass
class SizeResult:
    articles: int
    before: Run | None = None
    bare: list[tuple[float, int]] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    cold: Run | None = None
    open_catalog_ms: float = 0.0
    open_naive_s: float | None = None
    rows_s: float = 0.0
    sort_ms: dict[str, float] = field(default_factory=dict)


def reader_run(
    store: Path, count: int, tmp: Path, first_title: str | None, body: str | None, code: Path | None = None
) -> Run:
    """One session: start, first row (or, cold, the whole list), Enter, body drawn, quit.

    ``code``: a checkout of another version of reader to run instead (``--before``)."""
    env = child_env(tmp)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    term = Terminal([sys.executable, "-m", "reader", "--store", str(store)], env, cwd=code)
    whole = f"{count} article".encode()
    if first_title:
        first = term.wait_for(first_screen_marker(first_title))
    elif store.stat().st_size >= LIST_IN_BACKGROUND_BYTES:  # cold, big: the app lists the store itself
        first = term.wait_for(b"Listing the library", timeout=600)
    else:  # cold, small: listed before the app starts
        first = term.wait_for(whole, timeout=600)
    whole_s = term.wait_for(whole, timeout=600)
    opened = 0.0
    if body:
        sent, mark = term.press(b"\r")
        term.wait_for(body_marker(body), since=mark)
        opened = time.perf_counter() - sent
    return Run(first, whole_s, opened, term.finish())


def in_process(store: Path, count: int, result: SizeResult, naive: bool) -> tuple[str, str]:
    """Library-level costs: rows, one open from the catalog, sorting; and the naive open (parse all)."""
    from reader.catalog import ORDERS
    from reader.library import Library
    from reader.screens.library import view_rows
    from reader.store import ArticleStore

    os.environ["READER_CACHE_DIR"] = str(CORPORA / "cache")
    library = Library.open(store, lazy=True)
    library.prepare_list()
    started = time.perf_counter()
    rows = library.list_rows()
    result.rows_s = time.perf_counter() - started
    middle = rows[len(rows) // 2].id
    times = []
    for row in rows[:: max(1, len(rows) // 20)][:20]:
        started = time.perf_counter()
        library.get(row.id)
        times.append((time.perf_counter() - started) * 1000)
    result.open_catalog_ms = statistics.median(times)
    for order in ORDERS:
        started = time.perf_counter()
        view_rows(rows, order, False)
        result.sort_ms[order] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    view_rows(rows, "date", True)
    result.sort_ms["unread only"] = (time.perf_counter() - started) * 1000
    if naive:
        started = time.perf_counter()
        ArticleStore(store).get(middle)
        result.open_naive_s = time.perf_counter() - started
    newest = library.get(rows[0].id)
    assert newest is not None
    return rows[0].title, newest.body


def bench_size(
    count: int, repeats: int, naive: bool, cold: bool, before: Path | None = None, sharded: bool = False
) -> SizeResult:
    from reader.library import Library

    store = sharded_store(count) if sharded else corpus_store(count)
    result = SizeResult(count)
    with tempfile.TemporaryDirectory(prefix="reader-bench-tui-") as name:
        tmp = Path(name)
        if cold:  # the catalog missing: the first start after the store was written by something else
            Library.open(store, lazy=True).catalog.remove()
            result.cold = reader_run(store, count, tmp, None, None)
            print(f"  {count:>7} cold start: whole list {result.cold.whole_list:.2f} s", file=sys.stderr)
        title, body = _child_in_process(store, count, result, naive)
        if before is not None:  # the same session with the version given by --before, once
            if sharded:  # its own copy of the corpus, listed first: a warm start, as the ones below
                prepare = "import sys; from reader.library import Library; "
                prepare += "Library.open(sys.argv[1], lazy=True).prepare_list()"
                subprocess.run([sys.executable, "-c", prepare, str(corpus_store(count))], cwd=before, check=True)
            result.before = reader_run(corpus_store(count), count, tmp, title, body, before)
            print(f"  {count:>7} before: first row {result.before.first_row:.2f} s", file=sys.stderr)
        for _ in range(repeats):
            result.bare.append(bare_start(tmp))
            result.warm.append(reader_run(store, count, tmp, title, body))
            run, (bare_s, _) = result.warm[-1], result.bare[-1]
            print(
                f"  {count:>7} bare {bare_s:.3f} s | reader first row {run.first_row:.3f} s, whole list "
                f"{run.whole_list:.3f} s, open {run.open_article * 1000:.0f} ms, peak {run.peak_kb / 1024:.0f} MB",
                file=sys.stderr,
            )
    return result


def _child_in_process(store: Path, count: int, result: SizeResult, naive: bool) -> tuple[str, str]:
    """In-process measures run in a forked child, so the bench's own memory never grows with the store."""
    import pickle

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            values = in_process(store, count, result, naive)
            payload = pickle.dumps((values, result))
        except BaseException as exc:  # reported by the parent
            payload = pickle.dumps(exc)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pickle.loads(pipe.read())
    os.waitpid(pid, 0)
    if isinstance(data, BaseException):
        raise data
    (title, body), child = data
    result.__dict__.update({k: v for k, v in child.__dict__.items() if k not in ("bare", "warm", "cold")})
    return title, body


def corpus_store(count: int) -> Path:
    """``bench/corpora/<n>k/articles.json``, generated once and reused (git-ignored) while the
    analyser's version is the one its analyses carry (else every article would be re-analysed)."""
    from reader.analysis import ANALYZER_VERSION

    store = CORPORA / label(count) / "articles.json"
    stamp = store.with_name("analyzer-version")
    if not store.exists() or not stamp.exists() or stamp.read_text().strip() != ANALYZER_VERSION:
        import subprocess

        from reader.storage import atomic_write_bytes

        print(f"  generating {count} articles -> {store}", file=sys.stderr)
        for old in store.parent.glob("articles.json*"):
            old.unlink()
        # In a process of its own: the 4 GB it takes at 100k must not stay in this one, whose forked
        # children would start with it (and report it as their peak memory).
        argv = [sys.executable, "-m", "bench.corpus", "--count", str(count), "--store", str(store)]
        subprocess.run(argv, cwd=ROOT, check=True)
        atomic_write_bytes(stamp, ANALYZER_VERSION.encode())
    return store


def sharded_store(count: int) -> Path:
    """``bench/corpora/<n>k-shards/articles.json``: the corpus split into shards, made once from it
    (in a process of its own, as the split parses the one file whole)."""
    import shutil
    import subprocess

    source = corpus_store(count)
    store = CORPORA / f"{label(count)}-shards" / "articles.json"
    stamp = store.with_name("made-from")
    made_from = str(source.stat().st_mtime_ns)
    if not store.exists() or not stamp.exists() or stamp.read_text() != made_from:
        shutil.rmtree(store.parent, ignore_errors=True)
        store.parent.mkdir(parents=True)
        shutil.copyfile(source, store)
        split = "import sys; from pathlib import Path; from reader.store import ArticleStore; "
        split += "ArticleStore(Path(sys.argv[1])).split()"
        subprocess.run([sys.executable, "-c", split, str(store)], cwd=ROOT, check=True)
        stamp.write_text(made_from)
    return store


def label(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def markdown(results: list[SizeResult]) -> str:
    lines = [
        "| articles | store | bare Textual app | reader: first row drawn | ratio | whole list read "
        "| open article (Enter -> body) | peak memory |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        store = corpus_store(r.articles).stat().st_size / 1e6
        bare = median([b for b, _ in r.bare])
        first = median([w.first_row for w in r.warm])
        lines.append(
            f"| {r.articles:,} | {store:,.0f} MB | {bare:.2f} s | {first:.2f} s | {first / bare:.2f}x "
            f"| {median([w.whole_list for w in r.warm]):.2f} s "
            f"| {median([w.open_article for w in r.warm]) * 1000:.0f} ms "
            f"| {median([w.peak_kb for w in r.warm]) / 1024:.0f} MB |"
        )
    if any(r.before for r in results):
        lines += ["", "| articles | the TUI before the catalog: first row drawn | open article | peak memory |"]
        lines.append("|---|---|---|---|")
        for r in results:
            if r.before:
                b = r.before
                opened = b.open_article * 1000
                lines.append(f"| {r.articles:,} | {b.first_row:.2f} s | {opened:.0f} ms | {b.peak_kb / 1024:,.0f} MB |")
    lines += [
        "",
        "| articles | cold start (no catalog): app on screen | whole list | its peak memory | rows from the catalog "
        "| open one article: catalog / naive (parse the store) | sort by date / title / source / quotes "
        "| unread only |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        cold = (
            f"{r.cold.first_row:.2f} s | {r.cold.whole_list:.1f} s | {r.cold.peak_kb / 1024:,.0f} MB"
            if r.cold
            else "- | - | -"
        )
        naive = f"{r.open_naive_s:.2f} s" if r.open_naive_s is not None else "-"
        sorts = " / ".join(f"{r.sort_ms[o]:.0f}" for o in ("date", "title", "source", "quotes"))
        lines.append(
            f"| {r.articles:,} | {cold} | {r.rows_s * 1000:.0f} ms | {r.open_catalog_ms:.1f} ms / {naive} "
            f"| {sorts} ms | {r.sort_ms['unread only']:.0f} ms |"
        )
    return "\n".join(lines)


def run(
    sizes: list[int],
    repeats: int,
    naive: bool = True,
    cold: bool = True,
    before: str | None = None,
    sharded: bool = False,
) -> list[SizeResult]:
    os.environ["READER_CACHE_DIR"] = str(CORPORA / "cache")  # the catalogs the child processes use
    with tempfile.TemporaryDirectory(prefix="reader-bench-before-") as name:
        code = checkout(before, Path(name)) if before else None
        return [bench_size(count, repeats, naive, cold, code, sharded) for count in sizes]


def checkout(ref: str, folder: Path) -> Path:
    """The ``reader`` package as it was at git ``ref``, to run the same session with it."""
    import subprocess

    archive = subprocess.run(["git", "archive", ref, "reader"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_tui", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="library sizes, comma-separated")
    parser.add_argument("--repeats", type=int, default=5, help="warm starts per size (medians reported)")
    parser.add_argument("--no-cold", action="store_true", help="skip the start without a catalog")
    parser.add_argument("--no-naive", action="store_true", help="skip opening an article by parsing the store")
    parser.add_argument("--before", metavar="REF", help="also run the TUI of this git revision once per size")
    parser.add_argument("--shards", action="store_true", help="run on a copy of the corpus split into shards")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.replace("_", "").split(",") if s.strip()]
    print(markdown(run(sizes, args.repeats, not args.no_naive, not args.no_cold, args.before, args.shards)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
