"""Worker processes of an import end when the process that started them is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="processes are found through /proc")

# Starts a pool whose workers block, prints their pids, then waits for results that never come.
OWNER = """
import sys, threading, time
import reader.importers.batch as batch
if sys.argv[1] == "watcher":
    batch.PR_SET_PDEATHSIG = 0  # not an option prctl knows: only the watching thread is left
if sys.argv[1] == "threaded":  # as in the app, which imports from a thread: workers come from a fork server
    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
pool = batch.WorkerPool(2)
results = pool.map(time.sleep, [600.0] * 4, parallel=True)
time.sleep(0.5)
print(" ".join(str(pid) for pid in pool._executor._processes), flush=True)
list(results)
"""


def alive(pid: int) -> bool:
    """Running (a zombie, killed and not yet reaped, does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def survivors(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [pid for pid in pids if alive(pid)]
        if not left:
            return []
        time.sleep(0.05)
    return [pid for pid in pids if alive(pid)]


@pytest.mark.parametrize("how", ["kernel", "watcher", "threaded"])
def test_workers_end_when_their_parent_is_killed(tmp_path: Path, how: str) -> None:
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, how],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert owner.stdout is not None
        pids = [int(pid) for pid in owner.stdout.readline().split()]
        assert len(pids) == 2 and all(alive(pid) for pid in pids)
        owner.send_signal(signal.SIGKILL)
        # No wait() yet: a parent killed but not reaped is what a caller reading its output sees.
        left = survivors(pids, 10.0)
        assert left == [], f"workers {left} outlived their parent"
        # and so the caller reading the output to its end is not held up
        assert owner.stdout.read() == b""
    finally:
        owner.kill()
        owner.wait()
        for pid in pids if "pids" in locals() else []:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
