"""The look of both screens at a wide and a narrow size (SVG snapshots, Textual pinned)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_STORE
from tests.tui_helpers import make_app

SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def relative_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample at a relative path, so the title bar reads the same on every machine."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "library").mkdir()
    shutil.copyfile(SAMPLE_STORE, tmp_path / "library" / "articles.json")
    return Path("library/articles.json")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_screen(snap_compare, relative_store: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(relative_store), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_article_screen(snap_compare, relative_store: Path, size: tuple[int, int]) -> None:
    async def open_article(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")  # the first quote highlighted in the body
        await pilot.pause()

    assert snap_compare(make_app(relative_store), terminal_size=size, run_before=open_article)
