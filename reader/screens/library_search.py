"""Searching the library from its screen, mixed into LibraryScreen: the search box opened by /, the
query run in a worker as the user types, the results in place of the list, Esc back to the list.

Textual does not collect a mixin's ``@on`` handlers, so the three that react to the box and the
results stay on the screen and call in here.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from reader.widgets.article_list import ArticleList
from reader.widgets.search_results import SearchResults

SEARCH_DELAY = 0.15  # seconds of quiet typing before a search runs
SEARCH_LIMIT = 50


class SearchingLibrary:
    """Needs the library screen: ``#search`` Input, ``#search-status``, the ArticleList and SearchResults."""

    search_generation: int

    def searching(self) -> bool:
        """Whether the search box is open with a query in it (then the results replace the list)."""
        boxes = self.query("#search").results(Input)
        box = next(boxes, None)
        return box is not None and box.display and bool(box.value.strip())

    async def action_search(self) -> None:
        await self.mount_rest()
        box = self.query_one("#search", Input)
        box.display = True
        self.query_one("#search-status").display = True
        # Focus now, not after the keys already queued: what is typed right after / is the query.
        self.set_focus(box)

    async def search_for(self, query: str) -> None:
        """Open the search box with ``query`` in it and search (the overview's rows lead here)."""
        await self.action_search()
        box = self.query_one("#search", Input)
        box.value = query
        box.cursor_position = len(query)

    def action_clear_search(self) -> None:
        box = next(self.query("#search").results(Input), None)
        if box is None or not box.display:
            if self.feed is not None:
                self.show_feed(None)  # Esc after a feed's articles: the whole library again
            return
        self.search_generation += 1  # results still on their way are now stale
        with box.prevent(Input.Changed):
            box.value = ""
        for widget in ("#search", "#search-status", "#results"):
            self.query_one(widget).display = False
        has_rows = bool(self.query_one(ArticleList).rows)
        self.query_one(ArticleList).display = has_rows
        self.query_one("#library-header").display = True
        self.set_focus(self.query_one(ArticleList))

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        """Down in the search box goes to the results, as Enter does (and as in the bookmarks filter)."""
        box = next(self.query("#search").results(Input), None)
        if event.key == "down" and box is not None and box.has_focus:
            event.stop()
            self.search_submitted()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, generation: int) -> None:
        from reader.search import QueryError, SearchError

        if not query.strip():
            self.app.call_from_thread(self.show_results, generation, query, None, "")
            return
        if self.app.library.search_index.status() != "ok":
            # The first search of a library (or one changed elsewhere) builds the index: say so.
            message = "Building the search index (first search, or the library changed); results follow…"
            self.app.call_from_thread(self.show_searching, generation, message)
        try:
            results = self.app.library.search(query, limit=SEARCH_LIMIT)
            error = ""
        except (QueryError, SearchError) as exc:
            results, error = None, str(exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, generation, query, results, error)

    def show_searching(self, generation: int, message: str) -> None:
        if generation == self.search_generation:
            self.query_one("#search-status", Static).update(Text(message, style="italic"))

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
        summary = f"{results.total} article{'s match' if results.total != 1 else ' matches'}"
        if results.total > shown:
            summary += f" · best {shown} shown"
        for note in results.notes:
            summary += f" · {note}"
        status.update(Text(summary, style="bold" if results.total else "bold red"))
        listing.show_hits(results.hits)
