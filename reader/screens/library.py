"""The library screen: every article, newest first, with read and truncated marks."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from reader.widgets.article_list import ArticleList, Row, header_text
from reader.widgets.search_results import SearchResults

SEARCH_DELAY = 0.15  # seconds of quiet typing before a search runs
SEARCH_LIMIT = 50


def rows_for(library) -> list[Row]:  # type: ignore[no-untyped-def]
    read = library.read_flags()
    rows = []
    for article in library.articles():
        summary = article.summary()
        rows.append(
            Row(
                id=article.id,
                title=article.title,
                source=article.source,
                date=(article.published or "")[:10],
                words=summary["words"],
                quotes=summary["quotes"],
                read=read.get(article.id, False),
                truncated=article.truncated,
            )
        )
    return rows


class LibraryScreen(Screen[None]):
    BINDINGS = [
        Binding("q", "quit", "Quit", id="library.quit"),
        Binding("r", "toggle_read", "Read/unread", id="library.toggle-read"),
        Binding("slash", "search", "Search", key_display="/", id="library.search"),
        Binding("escape", "clear_search", "Clear search", show=False, id="library.clear-search"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="library.help"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", classes="title-bar")
        yield Input(
            placeholder='Search: words, "a phrase", OR, -word, pre*, title: person: speaker: quote: after:', id="search"
        )
        yield Static(id="search-status")
        yield Static(id="library-header", classes="column-header")
        yield ArticleList(id="articles")
        yield SearchResults(id="results")
        yield Static(id="library-empty", classes="empty-state")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#library-title", Static).update(Text(f"reader · {self.app.library.path}"))
        self.query_one("#library-empty").display = False
        for hidden in ("#search", "#search-status", "#results"):
            self.query_one(hidden).display = False
        self.search_generation = 0
        self.search_timer = None
        self.load_rows()
        self.set_interval(2.0, self.check_for_changes)

    def check_for_changes(self) -> None:
        """Another process (an import in a second terminal) changed the store: show it."""
        if self.is_current and self.app.library.store.changed_on_disk():
            current = self.query_one(ArticleList).current
            self.load_rows(keep_id=current.id if current else None)

    @work(thread=True, exclusive=True, group="library-rows", exit_on_error=False)
    def load_rows(self, keep_id: str | None = None) -> None:
        rows = rows_for(self.app.library)
        self.app.call_from_thread(self.show_rows, rows, keep_id)

    def show_rows(self, rows: list[Row], keep_id: str | None = None) -> None:
        articles = self.query_one(ArticleList)
        articles.set_rows(rows, keep_id)
        empty = self.query_one("#library-empty", Static)
        searching = self.query_one("#search", Input).display and bool(self.query_one("#search", Input).value.strip())
        empty.display = not rows and not searching
        articles.display = bool(rows) and not searching
        if not rows:
            empty.update(
                Text.assemble(
                    ("The library is empty.\n\n", "bold"),
                    "Add articles from a shell:\n\n",
                    (f"  reader import --store {self.app.library.path} FILE|DIR|URL\n\n", "bold"),
                    "Text, Markdown, HTML, JSON files and folders of them can be imported.",
                )
            )
        unread = sum(1 for row in rows if not row.read)
        self.query_one("#library-title", Static).update(
            Text.assemble(
                ("reader", "bold"),
                f" · {len(rows)} article{'s' if len(rows) != 1 else ''} · {unread} unread · ",
                (str(self.app.library.path), "dim"),
            )
        )
        self.refresh_header()
        if rows and not searching:
            articles.focus()

    def refresh_header(self) -> None:
        width = self.query_one(ArticleList).scrollable_content_region.width or self.size.width
        self.query_one("#library-header", Static).update(header_text(width))

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_header)

    def on_screen_resume(self) -> None:
        current = self.query_one(ArticleList).current
        if current is not None:
            self.load_rows(keep_id=current.id)

    @on(ArticleList.Selected)
    def open_article(self, event: ArticleList.Selected) -> None:
        from reader.screens.article import ArticleScreen

        order = [row.id for row in self.query_one(ArticleList).rows]
        self.app.push_screen(ArticleScreen(event.row.id, order))

    def action_quit(self) -> None:
        self.app.exit(return_code=0)

    def action_toggle_read(self) -> None:
        articles = self.query_one(ArticleList)
        row = articles.current
        if row is None:
            return
        self.app.library.mark_read(row.id, not row.read)
        from dataclasses import replace

        articles.update_row(replace(row, read=not row.read))

    # -- search --------------------------------------------------------------------------
    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        self.query_one("#search-status").display = True
        box.focus()

    def action_clear_search(self) -> None:
        box = self.query_one("#search", Input)
        if not box.display:
            return
        self.search_generation += 1  # results still on their way are now stale
        with box.prevent(Input.Changed):
            box.value = ""
        for widget in ("#search", "#search-status", "#results"):
            self.query_one(widget).display = False
        has_rows = bool(self.query_one(ArticleList).rows)
        self.query_one(ArticleList).display = has_rows
        self.query_one("#library-header").display = True
        self.query_one(ArticleList).focus()

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
            results.focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, generation: int) -> None:
        from reader.search import QueryError, SearchError

        if not query.strip():
            self.app.call_from_thread(self.show_results, generation, query, None, "")
            return
        try:
            results = self.app.library.search(query, limit=SEARCH_LIMIT)
            error = ""
        except (QueryError, SearchError) as exc:
            results, error = None, str(exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, generation, query, results, error)

    def show_results(self, generation: int, query: str, results, error: str) -> None:  # type: ignore[no-untyped-def]
        if generation != self.search_generation:
            return  # a newer query has been typed since: never show stale results
        status = self.query_one("#search-status", Static)
        listing = self.query_one(SearchResults)
        searching = bool(query.strip())
        self.query_one(ArticleList).display = not searching and bool(self.query_one(ArticleList).rows)
        self.query_one("#library-header").display = not searching
        listing.display = searching
        if error:
            status.update(Text(error, style="bold red"))
            listing.show_hits([])
            return
        if results is None:
            status.update(Text("Type to search the whole library; Enter goes to the results, Esc clears.", style="dim"))
            listing.show_hits([])
            return
        shown = len(results.hits)
        summary = f"{results.total} article{'s' if results.total != 1 else ''} match"
        if results.total > shown:
            summary += f" · best {shown} shown"
        for note in results.notes:
            summary += f" · {note}"
        status.update(Text(summary, style="bold" if results.total else "bold red"))
        listing.show_hits(results.hits)

    @on(SearchResults.OptionSelected, "#results")
    def open_hit(self) -> None:
        from reader.screens.article import ArticleScreen

        listing = self.query_one(SearchResults)
        hit = listing.current
        if hit is None:
            return
        order = [h.id for h in listing.hits]
        self.app.push_screen(ArticleScreen(hit.id, order, hits=list(hit.offsets) or None))
