"""Building the app for Pilot and snapshot tests on private copies of a library."""

from __future__ import annotations

from pathlib import Path

from reader.app import ReaderApp
from reader.config import Config
from reader.library import Library


def make_app(store: Path, config: Config | None = None) -> ReaderApp:
    return ReaderApp(Library.open(store), config or Config(), remember_theme=False)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for workers and the refreshes they trigger."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
