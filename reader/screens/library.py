"""The library screen: every article with read and truncated marks, sorted by date, title, source or
quotes, optionally only the unread ones. The first page comes from the catalog before anything else
is read, so a library of 100k articles opens as fast as one of 100."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from reader.catalog import ORDERS, next_order, sort_rows
from reader.screens.latest import deliver
from reader.screens.library_search import SEARCH_DELAY, SearchingLibrary
from reader.storage import StoreError
from reader.userdata.counts import corrected_rows
from reader.widgets.article_list import ArticleList, Row, header_text
from reader.widgets.key_footer import KeyFooter
from reader.widgets.search_results import SearchResults

FIRST_PAGE = 200  # rows drawn before the whole list has been read
REST_DELAY = 0.05  # seconds after mounting: the first frame is drawn before the rest of the list and the footer
STALE_CHECKS = 2  # checks a changed store may stay without a fresh catalog (a writer updates it) before a rebuild


def rows_for(library, progress=None) -> list[Row]:  # type: ignore[no-untyped-def]
    """Every row of the library list, newest first; ``progress(bytes read, size)`` follows a full
    read of the store, when the catalog must be rebuilt first."""
    return corrected_rows(library, library.list_rows(progress=progress)) or []


def view_rows(rows: list[Row], order: str, unread_only: bool, only: set[str] | None = None) -> list[Row]:
    """What the list shows: the rows in the chosen order, only the unread ones when asked, only those
    of one feed (``only``, their ids) when one is chosen."""
    shown = rows if order == "date" else sort_rows(rows, order)
    if only is not None:
        shown = [row for row in shown if row.id in only]
    return [row for row in shown if not row.read] if unread_only else shown


def shown_path(path: Path) -> str:
    """A path as a title bar shows it: under the home folder as ``~/...``."""
    try:
        return str(Path("~") / path.absolute().relative_to(Path.home())) if path.is_absolute() else str(path)
    except ValueError:
        return str(path)


def _megabytes(path: Path) -> str:
    try:
        return f"{path.stat().st_size / 1e6:,.0f} MB"
    except OSError:
        return "size unknown"


class LibraryScreen(SearchingLibrary, Screen[None]):
    HELP_SECTION = "Library"
    HELP_ORDER = 10
    # In the order the footer needs them: what does not fit at the end is dropped first.
    BINDINGS = [
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            tooltip="Search the library as you type; Enter goes to the results, Esc clears",
            id="library.search",
        ),
        Binding(
            "s", "cycle_sort", "Sort", tooltip="Sort: newest first, by title, by source, most quotes", id="library.sort"
        ),
        Binding(
            "u", "toggle_unread", "Unread", tooltip="Only the unread articles / all of them", id="library.unread-only"
        ),
        Binding("r", "toggle_read", "Read", tooltip="Mark the article read / unread", id="library.toggle-read"),
        Binding("F", "app.feeds", "Feeds", tooltip="The followed feeds", id="library.feeds"),
        Binding("escape", "clear_search", "Clear search", show=False, id="library.clear-search"),
        Binding("q", "quit", "Quit", id="library.quit"),
        Binding(
            "D",
            "edit_details",
            "Details",
            tooltip="Edit details of the article: title, source, author, date, URL",
            id="library.edit-details",
        ),
        Binding("question_mark", "app.help", "Help", key_display="?", id="library.help"),
    ]

    rest_mounted = False

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", classes="title-bar")
        yield Static(id="library-header", classes="column-header")
        yield ArticleList(id="articles")
        yield Static(id="library-empty", classes="empty-state")

    async def mount_rest(self) -> None:
        """The hidden search box and results, and the footer, mounted once the list is on screen: the
        first frame does not wait for them (they take Textual about as long to build as the list)."""
        if self.rest_mounted:
            return
        self.rest_mounted = True
        search = Input(
            placeholder='Search: words, "a phrase", OR, -word, pre*, title: person: speaker: quote: after:',
            id="search",
            select_on_focus=False,
        )
        status, results = Static(id="search-status"), SearchResults(id="results")
        for widget in (search, status, results):
            widget.display = False
        await self.mount(search, status, before="#library-header")
        await self.mount(results, after="#articles")
        await self.mount(KeyFooter())
        self.refresh_bindings()  # the footer lists the keys once told they are known

    def on_mount(self) -> None:
        self.query_one("#library-title", Static).update(Text(f"reader · {self.app.library.path}"))
        self.query_one("#library-empty").display = False
        self.search_generation = 0
        self.search_timer = None
        self.order = "date"
        self.unread_only = False
        self.feed: tuple[str, str] | None = None  # (id, name) of the feed whose articles are listed
        self.feed_ids: set[str] | None = None
        self.all_rows: list[Row] = []
        self.complete = False  # False while only the first page is shown
        self.fingerprint: object = None
        self.stale_checks = 0
        # The first page straight from the catalog (a few ms, the store is not read), then everything.
        first = corrected_rows(self.app.library, self.app.library.cached_rows(limit=FIRST_PAGE))
        if first:
            self.show_rows(first, first, complete=False)
            # A worker reading 100k rows holds the GIL for a while: it starts once the first frame is out.
            self.set_timer(REST_DELAY, self.after_first_frame)
        else:
            if first is None:
                # No list yet (the store was changed by another program): it is built in a worker while
                # this screen takes keys; a big store shows how far the reading has come.
                self.show_listing(0, 0)
            self.load_rows()
            self.call_after_refresh(self.mount_rest)
        self.set_interval(2.0, self.check_for_changes)

    async def after_first_frame(self) -> None:
        self.load_rows()
        await self.mount_rest()

    def check_for_changes(self) -> None:
        """Another process (an import in a second terminal) changed the store: show it.

        A writer updates the catalog right after the store, so a stale catalog is given a few checks
        before this screen rebuilds it (a full read of the store)."""
        if not self.is_current or not self.complete:
            return
        if self.app.library.list_fingerprint() == self.fingerprint:
            self.stale_checks = 0
            return
        self.stale_checks += 1
        current = self.query_one(ArticleList).current
        self.load_rows(keep_id=current.id if current else None, rebuild=self.stale_checks > STALE_CHECKS)

    @work(thread=True, exclusive=True, group="library-rows", exit_on_error=False)
    def load_rows(self, keep_id: str | None = None, rebuild: bool = True) -> None:
        library = self.app.library
        fingerprint = library.list_fingerprint()

        def progress(done: int, size: int) -> None:
            self.app.call_from_thread(self.show_listing, done, size)

        try:
            rows = rows_for(library, progress) if rebuild else corrected_rows(library, library.cached_rows())
        except StoreError as exc:
            # The app cannot show a library it cannot read: out, with the reason, as the command line would.
            self.app.call_from_thread(self.app.fail, str(exc))
            return
        if rows is None or get_current_worker().is_cancelled:
            return  # the catalog is being updated by a writer: the next check tries again
        if self.feed is not None:
            self.feed_ids = library.feeds.article_ids(self.feed[0])
        view = view_rows(rows, self.order, self.unread_only, self.feed_ids)
        # Before the rows are shown, so that Enter then finds nothing running here: import what opening an
        # article needs, and collect garbage once with the rows in memory, which keeps Python's full
        # collections (each scans every row: 30 ms at 100k) rare while articles are opened.
        import gc

        import reader.bookmarks
        import reader.screens.article  # noqa: F401

        gc.collect()
        deliver(self.app, self.show_rows, rows, view, keep_id, fingerprint)

    def show_listing(self, done: int, size: int) -> None:
        """The list is being built from a full read of the store: how far it has come."""
        if self.all_rows:
            return
        self.show_title()
        self.query_one(ArticleList).display = False
        empty = self.query_one("#library-empty", Static)
        empty.display = True
        share = f"{done / size:.0%} of " if size else ""
        empty.update(
            Text.assemble(
                ("Listing the library…\n\n", "bold"),
                f"Reading {share}{self.app.library.path.name} ({_megabytes(self.app.library.path)}), once after it was "
                "changed by another program.\n\n",
                ("q quits, ? shows the keys.", "dim"),
            )
        )

    def show_rows(
        self,
        rows: list[Row],
        view: list[Row],
        keep_id: str | None = None,
        fingerprint: object = None,
        complete: bool = True,
    ) -> None:
        articles = self.query_one(ArticleList)
        if keep_id is None and articles.current is not None:
            keep_id = articles.current.id  # a cursor moved on the first page stays where it is
        self.all_rows, self.complete = rows, complete
        if complete:
            self.fingerprint, self.stale_checks = fingerprint, 0
        articles.set_rows(view, keep_id)
        empty = self.query_one("#library-empty", Static)
        searching = self.searching()
        empty.display = not view and not searching
        articles.display = bool(view) and not searching
        if not rows:
            empty.update(
                Text.assemble(
                    ("The library is empty.\n\n", "bold"),
                    "Add articles from a shell:\n\n",
                    (f"  reader import --store {self.app.library.path} FILE|DIR|URL\n\n", "bold"),
                    "Text, Markdown, HTML, JSON files and folders of them can be imported.",
                )
            )
        elif not view and self.feed is not None:
            empty.update(
                Text.assemble(
                    (f"No {'unread ' if self.unread_only else ''}articles from {self.feed[1]}.\n\n", "bold"),
                    "F shows the feeds (R refreshes them); Esc lists the whole library.",
                )
            )
        elif not view:
            empty.update(Text.assemble(("Every article has been read.\n\n", "bold"), "Press u to list them all."))
        self.show_title()
        self.refresh_header()
        box = next(self.query("#search").results(Input), None)
        if view and not searching and not (box is not None and box.display and box.has_focus):
            self.set_focus(articles)  # at once: a deferred focus would take keys typed into the search box

    def show_title(self) -> None:
        rows = self.all_rows
        order = ORDERS[self.order] + (" · unread only" if self.unread_only else "")
        if self.feed is not None:
            order = f"feed: {self.feed[1]} (Esc: all) · " + order
            if self.feed_ids is not None:
                rows = [row for row in rows if row.id in self.feed_ids]
        if self.complete:
            unread = sum(1 for row in rows if not row.read)
            counts = f"{len(rows)} article{'s' if len(rows) != 1 else ''} · {unread} unread"
        else:
            counts = "reading the list…"
        # One line: the counts and the order matter; the path, last, gives way (cut with …) on a narrow terminal.
        title = Text.assemble(
            ("reader", "bold"), f" · {counts} · {order} · ", (shown_path(self.app.library.path), "dim")
        )
        title.no_wrap, title.overflow = True, "ellipsis"
        self.query_one("#library-title", Static).update(title)

    @work(thread=True, exclusive=True, group="library-view", exit_on_error=False)
    def show_view(self) -> None:
        """Sort and filter off the UI thread (100k rows take a few tens of ms), then show the result."""
        rows = self.all_rows
        if self.feed is not None:
            self.feed_ids = self.app.library.feeds.article_ids(self.feed[0])
        view = view_rows(rows, self.order, self.unread_only, self.feed_ids)
        deliver(self.app, self._show_view, rows, view)

    def _show_view(self, rows: list[Row], view: list[Row]) -> None:
        if rows is not self.all_rows:
            return  # new rows arrived meanwhile, already shown in the current order
        current = self.query_one(ArticleList).current
        self.show_rows(rows, view, current.id if current else None, self.fingerprint, self.complete)

    def action_cycle_sort(self) -> None:
        self.order = next_order(self.order)
        self.show_title()
        self.show_view()

    def show_feed(self, feed_id: str | None, name: str = "") -> None:
        """List only the articles of one feed (None: the whole library again)."""
        self.feed = (feed_id, name) if feed_id else None
        self.feed_ids = None
        self.show_title()
        self.show_view()

    def action_toggle_unread(self) -> None:
        self.unread_only = not self.unread_only
        self.show_title()
        self.show_view()

    def refresh_header(self) -> None:
        width = self.query_one(ArticleList).scrollable_content_region.width or self.size.width
        self.query_one("#library-header", Static).update(header_text(width))

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_header)

    def on_screen_resume(self) -> None:
        current = self.query_one(ArticleList).current
        if current is not None and self.complete:
            # read flags changed while reading; the catalog is fresh unless the store changed
            self.load_rows(keep_id=current.id, rebuild=False)

    @on(ArticleList.Selected)
    def open_article(self, event: ArticleList.Selected) -> None:
        from reader.screens.article import ArticleScreen

        order = [row.id for row in self.query_one(ArticleList).rows]
        self.app.push_screen(ArticleScreen(event.row.id, order))

    def action_quit(self) -> None:
        self.app.exit(return_code=0)

    def action_edit_details(self) -> None:
        from reader.screens.details_dialog import DetailsDialog, save_details

        row = self.query_one(ArticleList).current
        article = self.app.library.get(row.id) if row is not None else None
        if article is None:
            return

        def save(changed: dict[str, str] | None) -> None:
            if changed and save_details(self, article.id, changed):
                self.load_rows(keep_id=article.id, rebuild=False)

        self.app.push_screen(DetailsDialog(article), save)

    def action_toggle_read(self) -> None:
        articles = self.query_one(ArticleList)
        row = articles.current
        if row is None:
            return
        self.app.library.mark_read(row.id, not row.read)
        changed = replace(row, read=not row.read)
        articles.update_row(changed)  # it stays listed (even when only unread ones are) until the view changes
        self.all_rows = [changed if r.id == row.id else r for r in self.all_rows]
        self.show_title()

    # -- search (the rest in SearchingLibrary; decorated handlers stay here, where Textual finds them)
    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        if self.search_timer is not None:
            self.search_timer.stop()
        self.search_generation += 1
        generation, query = self.search_generation, event.value
        self.search_timer = self.set_timer(SEARCH_DELAY, lambda: self.run_search(query, generation))

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        results = self.query_one(SearchResults)
        if results.display and results.hits:
            self.set_focus(results)

    @on(SearchResults.OptionSelected, "#results")
    def open_hit(self) -> None:
        from reader.screens.article import ArticleScreen

        listing = self.query_one(SearchResults)
        hit = listing.current
        if hit is None:
            return
        order = [h.id for h in listing.hits]
        self.app.push_screen(ArticleScreen(hit.id, order, hits=list(hit.offsets) or None))
