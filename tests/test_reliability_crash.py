"""A short form of the kill test (``python -m bench.crash_test --runs 60`` is the full one)."""

from __future__ import annotations

from pathlib import Path

from bench.crash_test import COUNT_PROCESSES, crash_runs


def test_killed_imports_and_bookmark_saves_lose_nothing_and_leave_readable_files(tmp_path: Path) -> None:
    outcome = crash_runs(runs=10, seed=8, workdir=tmp_path)
    assert outcome.problems == []
    assert outcome.kills >= 10
    assert outcome.articles_confirmed > 0 and outcome.bookmarks_confirmed > 0
    assert outcome.unreadable == 0
    assert outcome.lost == 0
    if COUNT_PROCESSES:  # no worker process of a killed import is left running
        assert outcome.kills_with_workers > 0
        assert outcome.workers_left == 0
