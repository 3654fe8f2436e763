"""The Textual application. Only this module, screens/ and widgets/ import Textual."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import partial

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from reader.config import Config, config_problems, load_settings, save_setting, theme_at_start
from reader.keynames import binding_ids, valid_key
from reader.library import Library
from reader.screens.feeds_refresh import RefreshingFeeds

PROGRESS_EVERY = 2.0  # seconds between two progress notifications of an import
HOLD_STEP = 0.002  # seconds between two looks at whether the keys typed ahead can go on
TERMINAL_CHECK_EVERY = 2.0  # seconds between two looks at whether the terminal is still there
QUIET_LOOKS = 3  # looks in a row with no message waiting before they go on
HOLD_LIMIT = 1.0  # seconds keys typed ahead wait at most for the screen to catch up


def terminal_fd() -> int | None:
    """The descriptor of the terminal the app runs on, or None (a pipe, a test harness, no termios)."""
    try:
        fd = sys.__stdin__.fileno() if sys.__stdin__ else -1
    except (ValueError, OSError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None


def terminal_gone(fd: int) -> bool:
    """Whether the terminal behind ``fd`` has hung up: its window was closed."""
    try:
        import termios
    except ImportError:  # not a POSIX system: nothing to look at
        return False
    try:
        termios.tcgetattr(fd)
    except (termios.error, OSError):
        return True
    return False


class ReaderApp(RefreshingFeeds, App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Every key, screen by screen", id="app.help"),
        Binding("B", "bookmarks", "Bookmarks", tooltip="Your bookmarked passages", id="app.bookmarks"),
        # shown in the library's footer
        Binding("F", "feeds", "Feeds", show=False, tooltip="The followed feeds", id="app.feeds"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, tooltip="The command palette", id="app.palette"),
        Binding("ctrl+q", "quit", "Quit", show=False, tooltip="Quit reader", id="app.quit"),
    ]

    def __init__(
        self, library: Library, config: Config | None = None, *, remember_theme: bool = True, first_run: bool = False
    ) -> None:
        """``first_run``: the library was just made from the bundled sample (a welcome says how to add to it)."""
        super().__init__()
        self.first_run = first_run
        self._welcome: Notification | None = None
        self.library = library
        self.config = config or Config()
        self.remember_theme = remember_theme
        self.exit_error: str | None = None  # printed by the command line once the screen is restored
        self.refreshing = False  # a feed refresh is under way (one at a time)
        self.refresh_status = ""  # its progress, shown by the Feeds view
        self._held_keys = []

    def fail(self, message: str) -> None:
        """End the app with status 1 and ``message`` as one line on stderr, as a failed command does."""
        self.exit_error = message
        self.exit(return_code=1)

    def on_mount(self) -> None:
        # The ids are read from the screens' sources: only when the config remaps keys at all.
        ids = binding_ids() if self.config.keys else frozenset()
        problems, keymap = config_problems(self.config, self.available_themes, ids, valid_key)
        theme = theme_at_start(self.config, load_settings(), self.available_themes)
        if theme:
            self.theme = theme
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(
                problem,
                title=f"In {self.config.path.name if self.config.path else 'the config'}",
                severity="warning",
                timeout=10,
            )
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # A terminal closed under a wrapper that keeps the hang-up to itself (`make run`, a script) would
        # leave the app polling a dead terminal at full speed; it quits instead, as on ctrl+q.
        fd = None if self.is_headless else terminal_fd()
        if fd is not None:
            self.set_interval(TERMINAL_CHECK_EVERY, partial(self._quit_if_terminal_gone, fd))
        if self.config.refresh_minutes:
            self.set_interval(self.config.refresh_minutes * 60, lambda: self.refresh_feeds(background=True))
        from reader.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())
        if self.first_run:
            self._welcome = Notification(
                "Your library starts with the bundled sample article. Add your own with ctrl+p Import… "
                "(a file, a folder or a URL), or from a shell: reader import FILE|DIR|URL. ? lists every key.",
                title="Welcome to reader",
                timeout=20,
            )
            self.post_message(Notify(self._welcome))

    def dismiss_welcome(self) -> None:
        """Take the first-run welcome down once an article opens: it would cover the text it is about."""
        if self._welcome is not None:
            # Textual's own Toast removes itself this way when clicked.
            self._unnotify(self._welcome)
            self._welcome = None

    def _quit_if_terminal_gone(self, fd: int) -> None:
        if terminal_gone(fd):
            self.exit()

    def _remember_theme(self, theme) -> None:  # type: ignore[no-untyped-def]
        if self.remember_theme:
            try:
                save_setting("theme", theme.name)
                save_setting("config_theme", self.config.theme)  # a later edit of the config wins again
            except OSError as exc:
                self.notify(f"Could not remember the theme: {exc}", severity="warning")

    # -- type-ahead --------------------------------------------------------------------------
    # A key is dispatched to the widget focused when the app reads it, but its binding runs only once
    # the key has bubbled back up, and what it opens (a screen, a dialog) is mounted later still. Keys
    # typed meanwhile would go to the old screen, or to a new one before it has focus. So after a key
    # that has a binding, the next keys wait until every widget on screen has handled its messages
    # (at most HOLD_LIMIT seconds), then go on in order. Typing into a text box is not held.
    _awaiting_key = False
    _held_keys: list[events.Key]
    _release_task: object = None  # the task that lets held keys go on (referenced so it is not collected)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._awaiting_key:
                self._held_keys.append(event)
                return
            if event.key in self.screen.active_bindings:
                self._awaiting_key = True
                import asyncio

                self._release_task = asyncio.get_running_loop().create_task(self._release_when_quiet())
        await super().on_event(event)

    def _quiet(self) -> bool:
        """Whether the app and every widget of the current screen have no message waiting."""
        pumps = [self, *self.screen.walk_children(with_self=True)]
        return all(p.message_queue_size == 0 for p in pumps)

    async def _release_when_quiet(self) -> None:
        """Let held keys go on once nothing has been waiting for a few looks in a row (a message being
        handled leaves the queues empty for a moment, the ones it posts fill them again)."""
        import asyncio

        waited, calm = 0.0, 0
        while waited < HOLD_LIMIT and calm < QUIET_LOOKS:
            await asyncio.sleep(HOLD_STEP)
            waited += HOLD_STEP
            calm = calm + 1 if self._quiet() else 0
        self.call_later(self._release_keys)

    async def _release_keys(self) -> None:
        self._awaiting_key = False
        held, self._held_keys = self._held_keys, []
        for index, key in enumerate(held):
            await self.on_event(key)
            if self._awaiting_key:  # a held key that has a binding holds the rest in turn
                self._held_keys = held[index + 1 :] + self._held_keys
                return

    def on_key(self, event: events.Key) -> None:
        """Type-ahead: a character typed while focus was still on its way (a screen or dialog just
        opened, Tab just pressed) reached no text box; it goes to the box that has the focus now.

        A text box stops every character it takes, so one that comes this far while a box is focused
        was aimed at a widget that had no focus yet or has lost it since."""
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character and focused.screen is self.screen:
            event.stop()
            focused.insert_text_at_cursor(event.character)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place that reports failed background work, as one readable line."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            message = error.args[0] if error is not None and error.args else str(error)
            self.notify(str(message), title="Something failed", severity="error", timeout=10)

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def action_bookmarks(self) -> None:
        from reader.screens.bookmarks import BookmarksScreen

        if not isinstance(self.screen, BookmarksScreen):
            self.push_screen(BookmarksScreen())

    def action_feeds(self) -> None:
        from reader.screens.feeds import FeedsScreen

        if not isinstance(self.screen, FeedsScreen):
            self.push_screen(FeedsScreen())

    def show_feed_articles(self, feed_id: str, name: str) -> None:
        """Back to the library list, showing only the articles of one feed."""
        from reader.screens.library import LibraryScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()
        if isinstance(self.screen, LibraryScreen):
            self.screen.show_feed(feed_id, name)

    def action_overview(self) -> None:
        from reader.screens.people import OverviewScreen

        self.push_screen(OverviewScreen())

    def action_import(self) -> None:
        from reader.screens.dialogs import InputDialog

        def chosen(source: str | None) -> None:
            if source:
                self.run_import([source])

        self.push_screen(
            InputDialog(
                "Import into the library",
                placeholder="a file, a folder or an http(s) URL",
                hint="Text, Markdown, HTML, JSON and feeds. Enter imports, Esc cancels.",
            ),
            chosen,
        )

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, sources: list[str]) -> None:
        """Import off the UI thread, with progress in a notification (files read, then articles
        analysed, every two seconds at most), then refresh the library."""
        import time
        from pathlib import Path

        shown = 0.0

        def progress(stage: str, done: int, total: int | None, label: str) -> None:
            nonlocal shown
            if time.monotonic() - shown < PROGRESS_EVERY and done != total:
                return
            shown = time.monotonic()
            counts = f"{done:,} of {total:,}" if total else f"{done:,}"
            self.call_from_thread(self.notify, f"Importing: {stage.lower()} {counts}", timeout=PROGRESS_EVERY + 0.5)

        expanded = [str(Path(s).expanduser()) if "://" not in s else s for s in sources]
        report = self.library.import_sources(expanded, stage_progress=progress)
        only_summary = f" ({len(report.partial)} only as the feed's summary)" if report.partial else ""
        summary = (
            f"{len(report.added)} imported{only_summary}, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.failed)} failed"
        )
        failures = "".join(f"\n{label}: {reason}" for label, reason in report.failed[:5])
        self.call_from_thread(
            self.notify, summary + failures, severity="error" if report.failed else "information", timeout=8
        )
        self.call_from_thread(self.refresh_library)

    def action_refresh_analyses(self) -> None:
        self.notify("Analysing again the articles an older analyzer version analysed…", timeout=3)
        self.run_refresh_analyses()

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_refresh_analyses(self) -> None:
        """What ``reader reindex`` does first, off the UI thread: quotes, people and sources of every
        article as the current analyzer finds them (on every core), the list refreshed after."""
        from reader.analysis import ANALYZER_VERSION

        count = self.library.refresh_analyses()
        if count:
            message = f"{count} article{'s' if count != 1 else ''} analysed again (analyzer {ANALYZER_VERSION})"
        else:
            message = f"Every analysis is current (analyzer {ANALYZER_VERSION})"
        self.call_from_thread(self.notify, message, timeout=6)
        if count:
            self.call_from_thread(self.refresh_library)

    def refresh_library(self) -> None:
        from reader.screens.library import LibraryScreen

        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.load_rows()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Each command once: Textual's own (without its key panel, which the help replaces), reader's,
        then the keys of the screen that are not already there, each with its key."""
        titles: set[str] = set()

        def once(command: SystemCommand) -> Iterable[SystemCommand]:
            if command.title not in titles:
                titles.add(command.title)
                yield command

        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield from once(command)
        yield from once(SystemCommand("Help", "Every key, screen by screen (?)", self.action_help))
        yield from once(
            SystemCommand("Bookmarks", "List, filter, edit and export bookmarked passages (B)", self.action_bookmarks)
        )
        yield from once(
            SystemCommand(
                "Library overview", "The most quoted people and most cited sources, as bars", self.action_overview
            )
        )
        yield from once(
            SystemCommand("Import…", "Import a file, a folder or a URL into the library", self.action_import)
        )
        yield from once(
            SystemCommand("Feeds", "The followed feeds: unread articles, last refresh, errors (F)", self.action_feeds)
        )
        yield from once(
            SystemCommand("Refresh feeds", "Fetch every followed feed and import its new articles", self.refresh_feeds)
        )
        yield from once(
            SystemCommand(
                "Redo outdated analyses",
                "Analyse again the articles an older version of the analyzer analysed",
                self.action_refresh_analyses,
            )
        )
        for binding in screen.BINDINGS:
            if not (isinstance(binding, Binding) and binding.description and binding.id):
                continue
            if not (binding.show or binding.tooltip):
                continue  # hidden keys without a tooltip (n, N, esc to clear) only make sense where they are
            if "help" in binding.id:
                continue
            keys = ", ".join(self.get_key_display(Binding(key, "")) for key in binding.key.split(","))
            action = binding.action
            yield from once(
                SystemCommand(
                    binding.description,
                    f"{binding.tooltip} ({binding.key_display or keys})"
                    if binding.tooltip
                    else f"Key: {binding.key_display or keys}",
                    lambda action=action, screen=screen: self.run_action(action, screen),
                )
            )
