"""Refreshing the followed feeds from anywhere in the app, mixed into ReaderApp: one refresh at a time
in a worker (asked for by the Feeds view, the palette or the ``refresh_minutes`` timer), its progress
shown by the Feeds view, what arrived told in a notification, the library list reloaded after."""

from __future__ import annotations

from textual import work


class RefreshingFeeds:
    """Needs the app: ``library``, ``refreshing`` and ``refresh_status``, ``notify`` and the screen stack."""

    refreshing: bool
    refresh_status: str

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
        if report.summary_only:
            message += f"; {report.summary_only} only as the feed's summary (the page could not be had)"
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
