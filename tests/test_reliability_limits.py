"""Numbers given on the command line are checked before anything runs: one line, exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import Library
from tests.search_corpus import build_library


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library, _ = build_library(tmp_path_factory.mktemp("limits") / "articles.json")
    library.close()
    return library.path


@pytest.mark.parametrize("limit", ["0", "-1", "4294967296", "99999999999999999999", "ten", ""])
def test_a_search_limit_out_of_range_is_one_usage_line(store: Path, limit: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "reader", "--store", str(store), "search", "the", "--limit", limit],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    errors = [line for line in run.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "--limit" in errors[0] and "1 to 1,000,000" in errors[0]
    assert "Traceback" not in run.stderr and "panicked" not in run.stderr and run.stdout == ""


@pytest.mark.parametrize("limit", [0, 2, 2**32, 10**20])
def test_the_library_takes_any_limit_without_crashing(store: Path, limit: int) -> None:
    """Scripts call ``Library.search`` directly: the engine never sees a limit it cannot take."""
    results = Library.open(store).search("the", limit=limit)
    assert len(results.hits) == min(limit, results.total)
    assert results.total > 2
