"""The library's title bar stays one line on a narrow terminal, its path under home shown as ~."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.conftest import SAMPLE_STORE
from tests.tui_helpers import make_app, settle


async def test_the_title_bar_is_one_line_at_80_columns_with_home_as_a_tilde(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    store = tmp_path / "Documents" / "research libraries" / "ukraine-and-belarus" / "articles.json"
    store.parent.mkdir(parents=True)
    shutil.copyfile(SAMPLE_STORE, store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        title = app.screen.query_one("#library-title", Static)
        assert title.size.height == 1
        text = str(title.content)
        assert text.startswith("reader · 1 article · 1 unread · newest first · ~/Documents/")
    wide = make_app(store)
    async with wide.run_test(size=(160, 24)) as pilot:
        await settle(pilot)
        text = str(wide.screen.query_one("#library-title", Static).content)
        assert text.endswith("· ~/Documents/research libraries/ukraine-and-belarus/articles.json")


async def test_the_first_start_on_the_sample_says_how_to_add_articles(isolated_dirs: Path) -> None:
    import argparse

    from reader.cli import _tui_app

    def welcomes(app) -> list[str]:  # type: ignore[no-untyped-def]
        return [str(n.message) for n in app._notifications if n.title == "Welcome to reader"]

    first = _tui_app(argparse.Namespace(store=None))  # no library yet: made from the bundled sample
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        [welcome] = welcomes(first)
        assert "ctrl+p Import…" in welcome and "reader import FILE|DIR|URL" in welcome
    first.library.close()
    again = _tui_app(argparse.Namespace(store=None))  # the library is there now
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert welcomes(again) == []
    again.library.close()
