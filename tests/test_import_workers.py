"""How an import hands files to its worker processes: the biggest first, results in order, and
workers that start with the analyser and the page extraction already loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from reader.importers import batch
from tests.conftest import ROOT


def _note_start(item: tuple[str, str]) -> str:
    """Appends the item's name to a log as a worker starts it (O_APPEND: one line each, in order)."""
    name, log = item
    with open(log, "a", encoding="utf-8") as file:
        file.write(name + "\n")
    return name


def test_the_biggest_file_is_handed_out_first_and_results_keep_their_order(tmp_path: Path) -> None:
    log = str(tmp_path / "started.log")
    names = ["a", "b", "c", "d", "e", "big"]
    sizes = [10, 20, 30, 40, 50, 5_000_000]
    with batch.WorkerPool(2) as pool:
        # the order the work goes to the workers' queue; which worker writes its log line first is
        # up to the scheduler, so the start log only shows that every file was worked on
        handed: list[str] = []
        hand_out = pool.map

        def recording(function, items, parallel=None):  # type: ignore[no-untyped-def]
            handed.extend(name for name, _ in items)
            return hand_out(function, items, parallel)

        pool.map = recording  # type: ignore[method-assign]
        results = list(pool.map_largest_first(_note_start, [(n, log) for n in names], sizes, parallel=True))
    assert results == names  # in the order given, whatever the order of the work
    assert handed == ["big", "e", "d", "c", "b", "a"]
    started = Path(log).read_text(encoding="utf-8").split()
    assert sorted(started) == sorted(names)


def test_one_process_imports_in_the_order_given(tmp_path: Path) -> None:
    log = str(tmp_path / "started.log")
    with batch.WorkerPool(1) as pool:
        results = list(pool.map_largest_first(_note_start, [("x", log), ("y", log)], [1, 9], parallel=True))
    assert results == ["x", "y"]
    assert Path(log).read_text(encoding="utf-8").split() == ["x", "y"]


# A fresh interpreter: which modules a worker has before it reads its first file.
PROBE = """
import sys
from pathlib import Path
from reader.importers import batch

def probe(path):
    return [("reader.analysis.people" in sys.modules, "trafilatura" in sys.modules)]

batch.load_and_analyse = probe
pages = sorted(Path(sys.argv[1]).glob("*.html"))
with batch.WorkerPool(2) as pool:
    seen = list(batch.read_items([sys.argv[1]], pool))
print(len(seen), all(a for a, _ in seen), all(t for _, t in seen))
"""


def test_forked_workers_start_with_the_analyser_and_the_extraction_loaded(tmp_path: Path, monkeypatch) -> None:
    for n in range(3):
        (tmp_path / f"page-{n}.html").write_text("<html><body><p>x</p></body></html>" + " " * 600_000)
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert out.stdout.split() == ["3", "True", "True"], out.stderr


def test_workers_of_a_threaded_process_come_from_a_server_that_preloads_them() -> None:
    """The app imports from a thread: its workers are forked from a server that imported the
    analyser and the extraction once, not spawned bare."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        context = batch._context()
    finally:
        stop.set()
        thread.join()
    assert context.get_start_method() == "forkserver"
    from multiprocessing import forkserver

    preloaded = forkserver._forkserver._preload_modules  # type: ignore[attr-defined]
    assert "reader.analysis.warm" in preloaded and "trafilatura" in preloaded
