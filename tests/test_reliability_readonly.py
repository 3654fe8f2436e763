"""Folders reader cannot write: every command says what really happened, in one line.

Root ignores permissions, so as root the commands run as the unprivileged user ``nobody``
(``setpriv``); the folders are made reachable by that user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import ArticleStore
from tests.conftest import ROOT, SAMPLE_STORE

AS_ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")
pytestmark = pytest.mark.skipif(AS_ROOT and not SETPRIV, reason="as root, needs setpriv to drop privileges")


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder every user can reach (pytest's own are private to their owner)."""
    path = Path(tempfile.mkdtemp(prefix="reader-ro-"))
    path.chmod(0o777)
    yield path
    for sub in path.rglob("*"):
        if sub.is_dir():
            sub.chmod(0o755)
    shutil.rmtree(path, ignore_errors=True)


def unprivileged(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    prefix = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"] if AS_ROOT and SETPRIV else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def one_line(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    return lines[0]


def library(folder: Path) -> tuple[Path, dict[str, str]]:
    store = folder / "lib" / "articles.json"
    store.parent.mkdir()
    shutil.copy(SAMPLE_STORE, store)
    env = {**os.environ, "READER_CACHE_DIR": str(folder / "cache"), "READER_DATA_DIR": str(folder / "data")}
    env["READER_CONFIG"] = str(folder / "config.toml")
    for path in (store.parent, folder / "cache"):
        path.mkdir(exist_ok=True)
        path.chmod(0o777)
    store.chmod(0o666)
    return store, env


def freeze(path: Path) -> None:
    """Make a folder and everything under it read-only."""
    for sub in [path, *path.rglob("*")]:
        sub.chmod(0o555 if sub.is_dir() else 0o444)


def test_reindex_in_a_read_only_cache_is_one_line(folder: Path) -> None:
    store, env = library(folder)
    assert unprivileged("--store", str(store), "search", "the", env=env).returncode == 0  # an index exists
    freeze(folder / "cache")
    error = one_line(unprivileged("--store", str(store), "reindex", env=env))
    assert "cannot write the search index" in error and "Permission denied" in error


def test_doctor_repair_says_when_the_index_could_not_be_removed(folder: Path) -> None:
    store, env = library(folder)
    assert unprivileged("--store", str(store), "search", "the", env=env).returncode == 0
    index = next((folder / "cache").iterdir())
    freeze(folder / "cache")
    run = unprivileged("--store", str(store), "doctor", "--repair", env=env)
    assert run.returncode == 1, run.stdout
    assert "FIXED  search index" not in run.stdout and "removed" not in run.stdout
    assert "cannot remove" in run.stdout and "healthy" not in run.stdout.splitlines()[-1]
    assert index.exists()


def test_a_failed_import_into_a_read_only_folder_says_what_the_library_holds(folder: Path) -> None:
    store, env = library(folder)
    held = len(ArticleStore(store))
    new = folder / "new.txt"
    new.write_text("A new one\n\nWith a body of words.\n", encoding="utf-8")
    new.chmod(0o644)
    freeze(store.parent)
    error = one_line(unprivileged("--store", str(store), "import", "-q", str(new), env=env))
    plural = "article" if held == 1 else "articles"
    assert f"the library is whole and holds {held} {plural} (0 saved by this import" in error
    assert len(ArticleStore(store)) == held
