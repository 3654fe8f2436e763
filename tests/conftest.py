"""Shared fixtures. Every test runs with its own data, cache and config directories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "tests" / "data" / "seed"
SEED_TXT = SEED_DIR / "000_a14d585e98ce9933.txt"
SEED_EXPECTED = SEED_DIR / "000_a14d585e98ce9933.expected.json"
SAMPLE_STORE = ROOT / "data" / "articles.json"

# Property tests: a quick run by default, READER_FUZZ=long for the long run reported in docs/reliability.md.
# A test that sets max_examples itself is not lengthened by the long profile.
# The quick profile is derandomized so that a run in CI is reproducible; the long run explores.
settings.register_profile("quick", deadline=None, derandomize=True)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("long" if os.environ.get("READER_FUZZ") == "long" else "quick")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("READER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("READER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("READER_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.delenv("READER_STORE", raising=False)
    return home


@pytest.fixture
def sample_store(tmp_path: Path) -> Path:
    """A private copy of the bundled sample library."""
    target = tmp_path / "library" / "articles.json"
    target.parent.mkdir()
    shutil.copyfile(SAMPLE_STORE, target)
    return target


@pytest.fixture(params=["single file", "shards"])
def layout(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a store contract test on both layouts: one file, and shards of two articles from the first write."""
    if request.param == "shards":
        monkeypatch.setenv("READER_SHARD_THRESHOLD", "0")
        monkeypatch.setenv("READER_SHARD_SIZE", "2")
    return str(request.param)


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    return tmp_path / "empty" / "articles.json"


def run_reader(store: Path, *args: str, **options: object) -> subprocess.CompletedProcess[str]:
    """``reader --store STORE ARGS...`` in a subprocess, as a user runs it; its output as text."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "reader", "--store", str(store), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        **options,
    )
