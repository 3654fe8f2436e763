"""The Textual application. Only this module, screens/ and widgets/ import Textual."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.config import Config, load_settings, save_setting
from reader.library import Library

PROGRESS_EVERY = 2.0  # seconds between two progress notifications of an import


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("B", "bookmarks", "Bookmarks", id="app.bookmarks"),
        Binding("F", "feeds", "Feeds", show=False, id="app.feeds"),  # shown in the library's footer
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit"),
    ]

    def __init__(self, library: Library, config: Config | None = None, *, remember_theme: bool = True) -> None:
        super().__init__()
        self.library = library
        self.config = config or Config()
        self.remember_theme = remember_theme
        self.exit_error: str | None = None  # printed by the command line once the screen is restored
        self.refreshing = False  # a feed refresh is under way (one at a time)
        self.refresh_status = ""  # its progress, shown by the Feeds view

    def fail(self, message: str) -> None:
        """End the app with status 1 and ``message`` as one line on stderr, as a failed command does."""
        self.exit_error = message
        self.exit(return_code=1)

    def on_mount(self) -> None:
        theme = self.config.theme or load_settings().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        if self.config.keys:
            self.set_keymap(self.config.keys)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.config.refresh_minutes:
            self.set_interval(self.config.refresh_minutes * 60, lambda: self.refresh_feeds(background=True))
        from reader.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    def _remember_theme(self, theme) -> None:  # type: ignore[no-untyped-def]
        if self.remember_theme:
            try:
                save_setting("theme", theme.name)
            except OSError as exc:
                self.notify(f"Could not remember the theme: {exc}", severity="warning")

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

    def refresh_feeds(self, names: list[str] | None = None, background: bool = False) -> None:
        """Refresh every feed (or those named) in a worker, unless a refresh is already under way."""
        if self.refreshing:
            if not background:
                self.notify("A refresh is already under way", timeout=3)
            return
        if background and not self.library.feeds.all():
            return
        self.refreshing = True
        self._refresh_progress("Refreshing the feeds…")
        self.run_refresh_feeds(names or [], background)

    @work(thread=True, group="refresh", exit_on_error=False)
    def run_refresh_feeds(self, names: list[str], background: bool) -> None:
        """Fetch the feeds off the UI thread; progress goes to the Feeds view, the outcome to a notification."""
        import time

        shown = 0.0

        def progress(stage: str, done: int, total: int | None, label: str) -> None:
            nonlocal shown
            if time.monotonic() - shown < 0.2 and done != total:
                return
            shown = time.monotonic()
            counts = f"{done} of {total}" if total else f"{done}"
            detail = f" · {label}" if label and stage == "Fetching" else ""
            self.call_from_thread(self._refresh_progress, f"Refreshing: {stage.lower()} {counts}{detail}")

        try:
            report = self.library.feeds.refresh(names, progress=progress)
        finally:
            self.call_from_thread(self._refresh_finished)
        self.call_from_thread(self._refresh_done, report, background)

    def _refresh_progress(self, message: str) -> None:
        from reader.screens.feeds import FeedsScreen

        self.refresh_status = message
        for screen in self.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.show_status(message)

    def _refresh_finished(self) -> None:
        self.refreshing = False
        self._refresh_progress("")

    def _refresh_done(self, report, background: bool) -> None:  # type: ignore[no-untyped-def]
        from reader.screens.feeds import FeedsScreen

        arrived = [o for o in report.outcomes if o.added]
        if report.added:
            per_feed = ", ".join(f"{o.name} {o.added}" for o in arrived[:4])
            message = f"{report.added} new article{'s' if report.added != 1 else ''}: {per_feed}"
            if len(arrived) > 4:
                message += f" and {len(arrived) - 4} more feeds"
        else:
            message = f"No new articles ({len(report.outcomes)} feed{'s' if len(report.outcomes) != 1 else ''})"
        if report.updated:
            message += f"; {report.updated} updated"
        failures = "".join(f"\n{o.name or o.feed.name}: {o.error}" for o in report.failed[:4])
        if failures:
            message += f"\n{len(report.failed)} failed:{failures}"
        if not background or report.added or report.failed:
            severity = "warning" if report.failed else "information"
            # Feed names and errors come from the feeds: shown as text, never read as markup.
            self.notify(message, title="Feeds refreshed", severity=severity, timeout=8, markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.load()
        if report.added or report.updated:
            self.refresh_library()

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
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Show every key of this screen", self.action_help)
        yield SystemCommand("Bookmarks", "List, filter, edit and export bookmarked passages", self.action_bookmarks)
        yield SystemCommand(
            "Library overview", "The most quoted people and most cited sources, as bars", self.action_overview
        )
        yield SystemCommand("Import…", "Import a file, a folder or a URL into the library", self.action_import)
        yield SystemCommand("Feeds", "The followed feeds: unread articles, last refresh, errors", self.action_feeds)
        yield SystemCommand(
            "Refresh feeds", "Fetch every followed feed and import its new articles", self.refresh_feeds
        )
        yield SystemCommand(
            "Redo outdated analyses",
            "Analyse again the articles an older version of the analyzer analysed",
            self.action_refresh_analyses,
        )
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.description and binding.id and "help" not in binding.id:
                action = binding.action
                yield SystemCommand(
                    binding.description,
                    f"{binding.description} ({binding.key_display or binding.key})",
                    lambda action=action, screen=screen: self.run_action(action, screen),
                )
