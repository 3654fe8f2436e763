"""Kill test: SIGKILL imports and bookmark saves at random moments, then check nothing was lost.

    python -m bench.crash_test --runs 60
    python -m bench.crash_test --runs 60 --shards     # a library in shards, split during the runs

Each run starts two children on one library: one imports articles through ``Library.import_sources``,
the other saves bookmark-like entries and reading positions in the user state. A child prints a line
after each save that returned. The parent kills both at random moments with SIGKILL and then checks
that every file (store, state and every generation of their backups) is readable, that every
article and entry a child reported saved is there, and (on Linux) that no process the killed child
started, such as the import's worker processes, is still running 5 s later. The library grows from run to run, so
later saves take longer and more kills land in the middle of one.

With ``--shards`` the library is kept in shards of a few articles (``READER_SHARD_SIZE``), and every
third run starts again from a one-file library just past the threshold, so that its first save
splits it into shards: kills land in the middle of the split too (counted when the library is found
still one file with shards written beside it, or split with the one file still kept aside).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_VOCABULARY = """council minister river harbour budget school winter vote report station market village court
doctor bridge police museum festival storm border election hospital farmer union mayor"""
WORDS = tuple(_VOCABULARY.split())
COUNT_PROCESSES = Path("/proc/self/environ").exists()  # processes left behind are counted on Linux
PROCESS_MARK = "READER_CRASH_TEST_CHILD"
WORKER_GRACE = 5.0  # seconds the workers of a killed child have to notice and end


# -- children ----------------------------------------------------------------------------------
def _unsafe_writes() -> None:
    """The control experiment: plain in-place writes instead of atomic ones, to show what the test catches."""
    import reader.storage

    def write_in_place(path: Path, data: bytes, *, backup: Path | None = None) -> None:
        with open(path, "wb") as handle:
            for start in range(0, len(data), 65536):
                handle.write(data[start : start + 65536])

    reader.storage.atomic_write_bytes = write_in_place  # type: ignore[assignment]


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _article_text(rng: random.Random, title: str) -> str:
    paragraphs = []
    for _ in range(rng.randint(2, 5)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(30, 80))]
        words[3] = f"“{words[3]}"
        words[9] = f"{words[9]},” said Ann Example"
        paragraphs.append(" ".join(words).capitalize() + ".")
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def child_import(store: Path, tag: str, seed: int) -> None:
    import reader.importers.batch
    from reader.library import Library

    # Every batch of two or more files goes through worker processes, so that kills land while they
    # run and the parent can count those left behind.
    reader.importers.batch.PARALLEL_MIN = reader.importers.batch.PARALLEL_MIN_BYTES = 0

    rng = random.Random(seed)
    inbox = Path(tempfile.mkdtemp(prefix=f"inbox-{tag}-", dir=store.parent.parent))
    library = Library(store)
    for batch in range(10_000):
        files = []
        for n in range(rng.randint(1, 4)):
            path = inbox / f"{batch}-{n}.txt"
            path.write_text(_article_text(rng, f"{tag} story {batch}-{n}"), encoding="utf-8")
            files.append(str(path))
        _say("saving")
        report = library.import_sources(files)
        for article_id in report.added + report.updated + report.unchanged:
            _say(f"article {article_id}")


def child_state(store: Path, tag: str, seed: int) -> None:
    from reader.library import Library

    rng = random.Random(seed)
    library = Library(store)
    for n in range(100_000):
        entry_id = f"{tag}-{n}"
        entry = {
            "id": entry_id,
            "article_id": f"{rng.getrandbits(48):012x}",
            "start": n,
            "end": n + 20,
            "text": " ".join(rng.choice(WORDS) for _ in range(8)),
            "note": " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 30))),
            "created": time.time(),
        }
        _say("saving")
        library.state.update_table("bookmarks", lambda table, e=entry: table.__setitem__(e["id"], e))
        _say(f"bookmark {entry_id}")
        if n % 3 == 0:
            library.save_position(entry["article_id"], n)


# -- parent ------------------------------------------------------------------------------------
@dataclass
class Outcome:
    runs: int = 0
    kills: int = 0  # children that were still running when SIGKILL reached them
    kills_during_save: int = 0  # ... whose last word was "saving": killed between starting a save and reporting it
    articles_confirmed: int = 0
    bookmarks_confirmed: int = 0
    unreadable: int = 0
    lost_articles: int = 0
    lost_bookmarks: int = 0
    temp_leftovers: int = 0
    kills_with_workers: int = 0  # kills of the import child while it had worker processes
    workers_left: int = 0  # processes of a killed child still running 5 s after the kill (must be 0)
    splits: int = 0  # runs that began with a one-file library past the threshold (--shards)
    kills_during_split: int = 0  # ... where a kill left the split under way (before or after its commit)
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return self.lost_articles + self.lost_bookmarks

    @property
    def ok(self) -> bool:
        return self.unreadable == 0 and self.lost == 0 and self.workers_left == 0


class Child:
    """A child process whose complete output lines are collected as they arrive."""

    def __init__(self, mode: str, store: Path, tag: str, seed: int, env: dict[str, str], unsafe: bool = False):
        command = [sys.executable, "-m", "bench.crash_test", "--child", mode, "--store", str(store)]
        command += ["--tag", tag, "--seed", str(seed)] + (["--unsafe-writes"] if unsafe else [])
        # Every process this child starts inherits the mark, so those left after its death can be found.
        self.mark = f"{PROCESS_MARK}={os.getpid()}-{tag}"
        env = {**env, PROCESS_MARK: self.mark.split("=", 1)[1]}
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.mode = mode
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            if raw.endswith(b"\n"):  # a line cut by the kill was never reported
                self.lines.append(raw.decode().rstrip("\n"))

    def descendants(self) -> list[int]:
        """Running processes started by this child (found by the mark they inherit), itself excepted."""
        return [pid for pid in marked_processes(self.mark) if pid != self.process.pid]

    def kill(self) -> tuple[bool, bool]:
        """SIGKILL; (was it still running, was it inside a save)."""
        alive = self.process.poll() is None
        saving = bool(self.lines) and self.lines[-1] == "saving"
        if alive:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self._reader.join(timeout=10)
        return alive, alive and saving

    def confirmed(self, kind: str) -> set[str]:
        return {line.split(" ", 1)[1] for line in self.lines if line.startswith(kind + " ")}

    def errors(self) -> str:
        assert self.process.stderr is not None
        return self.process.stderr.read().decode(errors="replace").strip()


def marked_processes(mark: str) -> list[int]:
    """Running (not zombie) processes whose environment holds ``mark``; Linux only (/proc)."""
    found = []
    needle = mark.encode() + b"\0"
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle not in (entry / "environ").read_bytes() + b"\0":
                continue
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
        except (OSError, IndexError):
            continue
        found.append(int(entry.name))
    return found


def left_behind(child: Child) -> int:
    """Processes of a killed child still running after ``WORKER_GRACE``; they are then killed."""
    deadline = time.monotonic() + WORKER_GRACE
    while (left := child.descendants()) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return len(left)


def check_files(store: Path) -> list[str]:
    """Every file a user would need, readable and well-formed; a list of what is not. A library in
    shards: its manifest, every shard it names (against its digest and summary) and their backups."""
    from reader import locations, shards
    from reader.backups import generations
    from reader.doctor import inspect_state, inspect_store
    from reader.shard_doctor import shard_problem
    from reader.storage import StoreError

    state = locations.state_path(store)
    problems = []
    found = [inspect_state(state)]
    if shards.is_sharded(store):
        try:
            manifest = shards.read_manifest(store)
        except StoreError as exc:
            return [f"{store.name}: {exc}"]
        assert manifest is not None
        problems += [f"{s.file}: {p}" for s in manifest.shards.values() if (p := shard_problem(manifest, s))]
        found += [inspect_store(p, "shard backup") for p in sorted(manifest.folder.glob("*.json.bak"))]
        found += [inspect_store(p, "library backup") for p in store.parent.glob(f"{store.name}.single.bak*")]
    else:
        found.append(inspect_store(store))
    found += [inspect_store(p, "library backup") for p in generations(store, locations.backup_path(store))]
    found += [inspect_state(p, "user state backup") for p in generations(state, state.with_name(f"{state.name}.bak"))]
    return problems + [f"{f.path.name}: {f.error or 'malformed articles'}" for f in found if f.exists and not f.clean]


SHARD_THRESHOLD = 3000  # --shards: articles past which a library is split (the template holds one more)
SHARD_SIZE = 40


def one_file_template(folder: Path, count: int) -> tuple[Path, set[str]]:
    """A one-file library of ``count`` articles, copied into place before each split run."""
    from reader.importers.common import build_article
    from reader.store import ArticleStore

    path = folder / "template" / "articles.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    articles = []
    for n in range(count):
        text = _article_text(rng, f"template story {n}")
        articles.append(build_article(title=f"template story {n}", body=text.split("\n\n", 1)[1], source="t"))
    ArticleStore(path).upsert(articles)
    return path, {a.id for a in articles}


def split_under_way(store: Path) -> bool:
    """Whether a kill interrupted a split: shards written beside the one file, or the one file still kept."""
    from reader import shards

    if shards.is_sharded(store):
        return any(store.parent.glob(f"{store.name}.single.bak*"))
    return bool(shards.orphans(shards.Manifest(store)))


def crash_runs(
    runs: int,
    seed: int = 0,
    workdir: Path | None = None,
    verbose: bool = False,
    unsafe: bool = False,
    sharded: bool = False,
) -> Outcome:
    from reader import locations
    from reader.store import ArticleStore
    from reader.userstate import UserState

    rng = random.Random(seed)
    root = Path(workdir or tempfile.mkdtemp(prefix="reader-crash-"))
    store = root / "library" / "articles.json"
    store.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "READER_CACHE_DIR": str(root / "cache"), "READER_DATA_DIR": str(root / "data")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    template: tuple[Path, set[str]] | None = None
    if sharded:
        os.environ["READER_SHARD_THRESHOLD"] = str(10**9)  # the template stays one file
        template = one_file_template(root, SHARD_THRESHOLD + 1)
        env.update(READER_SHARD_THRESHOLD=str(SHARD_THRESHOLD), READER_SHARD_SIZE=str(SHARD_SIZE))
        os.environ.update(READER_SHARD_THRESHOLD=str(SHARD_THRESHOLD), READER_SHARD_SIZE=str(SHARD_SIZE))
    outcome = Outcome()
    articles: set[str] = set()
    bookmarks: set[str] = set()
    started = time.monotonic()
    for run in range(runs):
        splitting = template is not None and run % 3 == 0
        if template is not None and splitting:  # from a one-file library again: the next save splits it
            for path in [store, *store.parent.glob(f"{store.name}.*"), store.with_name(f".{store.name}.lock")]:
                if path.is_file() and path != locations.state_path(store):
                    path.unlink()
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(store.with_name(f"{store.stem}.d"))
            shutil.copyfile(template[0], store)
            articles = set(template[1])
            outcome.splits += 1
        children = [
            Child("import", store, f"r{run}i", rng.getrandbits(32), env, unsafe),
            Child("state", store, f"r{run}s", rng.getrandbits(32), env, unsafe),
        ]
        moments = sorted((rng.uniform(0.3, 2.5), child) for child in children)  # each child its own moment
        begin = time.monotonic()
        for moment, child in sorted(moments, key=lambda m: m[0]):
            time.sleep(max(0.0, begin + moment - time.monotonic()))
            had_workers = COUNT_PROCESSES and bool(child.descendants())
            alive, saving = child.kill()
            outcome.kills += alive
            outcome.kills_during_save += saving
            outcome.kills_with_workers += alive and had_workers
            if COUNT_PROCESSES:
                left = left_behind(child)
                outcome.workers_left += left
                if left:
                    outcome.problems.append(f"run {run}: {left} process(es) of the killed {child.mode} child still ran")
            if not alive and child.process.returncode != -signal.SIGKILL:
                outcome.problems.append(f"run {run}: a child ended by itself: {child.errors()[-300:]}")
        articles |= children[0].confirmed("article")
        bookmarks |= children[1].confirmed("bookmark")
        outcome.runs += 1
        outcome.kills_during_split += splitting and split_under_way(store)

        broken = check_files(store)
        outcome.unreadable += len(broken)
        outcome.problems += [f"run {run}: unreadable {b}" for b in broken]
        if broken:  # the control experiment: count, then start again from empty files
            for path in store.parent.iterdir():
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            articles.clear()
            bookmarks.clear()
            continue
        stored = set(ArticleStore(store).ids()) if store.exists() else set()
        state_path = locations.state_path(store)
        saved = set(UserState(state_path).read_table("bookmarks")) if state_path.exists() else set()
        lost_a, lost_b = articles - stored, bookmarks - saved
        if lost_a or lost_b:
            outcome.problems.append(f"run {run}: lost {len(lost_a)} articles, {len(lost_b)} bookmarks")
        outcome.lost_articles, outcome.lost_bookmarks = len(lost_a), len(lost_b)
        if verbose:
            print(
                f"run {run + 1}/{runs}: {len(stored)} articles, {len(saved)} bookmarks, "
                f"kills {outcome.kills} ({outcome.kills_during_save} during a save, "
                f"{outcome.kills_during_split} during a split), "
                f"unreadable {outcome.unreadable}, lost {outcome.lost}",
                file=sys.stderr,
            )
    outcome.articles_confirmed, outcome.bookmarks_confirmed = len(articles), len(bookmarks)
    outcome.temp_leftovers = len(list(store.parent.glob(".*.tmp")))
    outcome.seconds = round(time.monotonic() - started, 1)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crash_test", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=60, help="runs; each kills two children (default 60)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, help="where the library is built (default: a new temp dir)")
    parser.add_argument("--child", choices=("import", "state"), help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tag", help=argparse.SUPPRESS)
    parser.add_argument("-q", "--quiet", action="store_true")
    parser.add_argument("--shards", action="store_true", help="a library in shards, split again every third run")
    parser.add_argument(
        "--unsafe-writes", action="store_true", help="control experiment: children write files in place, not atomically"
    )
    args = parser.parse_args(argv)
    if args.child:
        if args.unsafe_writes:
            _unsafe_writes()
        (child_import if args.child == "import" else child_state)(args.store, args.tag, args.seed)
        return 0
    outcome = crash_runs(
        args.runs, args.seed, args.workdir, verbose=not args.quiet, unsafe=args.unsafe_writes, sharded=args.shards
    )
    for problem in outcome.problems[:20]:
        print(problem, file=sys.stderr)
    summary = {k: v for k, v in asdict(outcome).items() if k != "problems"}
    summary["lost"] = outcome.lost
    print(" ".join(f"{k}={v}" for k, v in summary.items()))
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())
