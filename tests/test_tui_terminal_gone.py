"""A terminal window closed under the app: the app quits rather than polling a dead terminal forever."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.app import terminal_gone

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a POSIX pseudo-terminal")


def test_a_pseudo_terminal_is_gone_once_its_window_side_is_closed() -> None:
    window, terminal = os.openpty()
    try:
        assert not terminal_gone(terminal)
        os.close(window)
        assert terminal_gone(terminal)
    finally:
        os.close(terminal)


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def test_the_app_quits_when_its_terminal_is_closed_and_the_hang_up_never_reaches_it(tmp_path: Path) -> None:
    # As under `make run`: the wrapper takes the hang-up signal, the app only finds its terminal dead.
    window, terminal = os.openpty()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "TERM": "xterm-256color"}
    env.pop("XDG_CONFIG_HOME", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "reader", "--store", str(tmp_path / "articles.json")],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
    )
    os.close(terminal)
    try:
        drawn = _read_until(window, b"article", 60)
        assert b"article" in drawn, drawn[-500:]
        os.close(window)
        window = -1
        app.wait(timeout=30)  # before the check, it spun on the dead terminal until killed
        assert app.returncode is not None
    finally:
        if window >= 0:
            os.close(window)
        if app.poll() is None:
            app.kill()
            app.wait()
