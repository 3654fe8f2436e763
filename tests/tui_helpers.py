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


async def burst(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Keys as a fast typist or a paste sends them: all queued at once, as the terminal driver queues
    what it reads in one go, with no pause for the app to catch up in between (``pilot.press``
    waits for the app to go idle after each key, which hides type-ahead bugs)."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    driver = pilot.app._driver
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        original = REPLACED_KEYS.get(key, key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    from textual.worker import WorkerCancelled

    for _ in range(3):  # keys typed ahead may start a screen's exclusive worker again, cancelling the first
        try:
            await settle(pilot)
            return
        except WorkerCancelled:
            await pilot.pause()
    await settle(pilot)
