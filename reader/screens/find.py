"""Find in an article: the find bar, the match layer and n/N stepping, mixed into ArticleScreen.

Matches are offsets into the body (``reader.find``), so they are found across line wraps; a
library search opens an article with its hits loaded here as matches.
"""

from __future__ import annotations

import bisect

from rich.style import Style
from rich.text import Text
from textual.widgets import Input, Static

from reader.find import find_all
from reader.widgets.article_body import ArticleBody, Mark, SpanMarks

MATCH_STYLE = Style(bgcolor="#5f5f00", color="#ffffff")
CURRENT_MATCH_STYLE = Style(bgcolor="#d7af00", color="#000000", bold=True)


class FindInArticle:
    """Needs ``#find-bar`` (holding ``#find`` Input and ``#find-status``) and an ArticleBody on the screen."""

    matches: list[tuple[int, int]]
    match_index: int

    def action_find(self) -> None:
        bar = self.query_one("#find-bar")
        bar.display = True
        # Focus now, not after the queued keys: what is typed right after / belongs in the box.
        self.set_focus(self.query_one("#find", Input))  # type: ignore[attr-defined]

    # Handlers by name, not @on: a mixin's decorated handlers are not collected by Textual.
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "find":
            return
        body = self.query_one(ArticleBody)
        self.matches = find_all(body.body, event.value)
        self.match_index = bisect.bisect_left(self.matches, (body.top_offset(), 0)) if self.matches else -1
        if self.match_index >= len(self.matches):
            self.match_index = 0
        self.show_match(changed=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "find":
            return
        self.query_one(ArticleBody).focus()
        if not self.matches:
            self.clear_find()

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        find_open = self.query_one("#find-bar").display
        if event.key == "escape" and (self.focused is self.query_one("#find", Input) or (find_open and self.matches)):
            event.stop()
            event.prevent_default()
            self.clear_find()

    def clear_find(self) -> None:
        self.matches, self.match_index = [], -1
        find = self.query_one("#find", Input)
        with find.prevent(Input.Changed):
            find.value = ""
        self.query_one("#find-bar").display = False
        body = self.query_one(ArticleBody)
        body.clear_layer("find")
        body.clear_layer("find-current")
        body.focus()

    def action_find_next(self, step: int) -> None:
        if not self.matches:
            if self.query_one("#find", Input).value:
                self.notify("No matches", timeout=2)
            return
        self.match_index = (self.match_index + step) % len(self.matches)
        self.show_match()

    def show_match(self, changed: bool = False) -> None:
        """Mark the matches (again only when they ``changed``: there may be 100,000) and the current one."""
        body = self.query_one(ArticleBody)
        status = self.query_one("#find-status", Static)
        if not self.matches:
            body.clear_layer("find")
            body.clear_layer("find-current")
            query = self.query_one("#find", Input).value.strip()
            status.update(Text("no matches" if query else "", style="bold red"))
            return
        if changed or "find" not in body.mark_layers:
            body.set_layer("find", SpanMarks(self.matches, MATCH_STYLE))
        start, end = self.matches[self.match_index]
        body.set_layer("find-current", [Mark(start, end, CURRENT_MATCH_STYLE)])
        body.scroll_to_offset(start)
        status.update(Text(f"{self.match_index + 1}/{len(self.matches)}", style="bold"))
