"""The bookmarks screen: every bookmarked passage grouped by article, newest first."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.bookmarks import PlacedBookmark, group_by_article
from reader.screens.latest import deliver
from reader.widgets.key_footer import KeyFooter

STATUS_STYLE = {"anchored": "green", "moved": "yellow", "orphaned": "bold red"}


def bookmark_prompt(item: PlacedBookmark) -> Text:
    text = item.current_text or item.bookmark.text
    excerpt = text if len(text) <= 200 else text[:199] + "…"
    prompt = Text.assemble(
        ("  “", "dim"),
        (excerpt, "italic"),
        ("”", "dim"),
        "\n    ",
        (item.status, STATUS_STYLE.get(item.status, "")),
        (f"  {item.bookmark.created[:10]}", "dim"),
    )
    if item.bookmark.tags:
        prompt.append("  " + " ".join(f"#{tag}" for tag in item.bookmark.tags), style="cyan")
    if item.bookmark.note:
        prompt.append("\n    ")
        prompt.append(item.bookmark.note, style=Style(bold=True))
    return prompt


class BookmarksScreen(Screen[None]):
    AUTO_FOCUS = "#bookmarks-list"
    HELP_SECTION = "Bookmarks"
    HELP_ORDER = 40
    HELP_KEYS = (
        ("typing", "Filter by text, note or #tag; Down or Enter goes to the list, Esc clears"),
        ("enter", "Open the article at the passage"),
    )
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="bookmarks.back"),
        Binding(
            "slash", "filter", "Filter", key_display="/", tooltip="Filter by text, note or #tag", id="bookmarks.filter"
        ),
        Binding("e", "edit", "Edit", tooltip="Edit the note and tags", id="bookmarks.edit"),
        Binding("d", "delete", "Delete", tooltip="Delete the bookmark (u undoes)", id="bookmarks.delete"),
        Binding("u", "undo", "Undo", tooltip="Undo the last delete", id="bookmarks.undo"),
        Binding(
            "x",
            "export",
            "Export",
            tooltip="Export the listed bookmarks to a Markdown or JSON file",
            id="bookmarks.export",
        ),
        Binding("question_mark", "app.help", "Help", key_display="?", id="bookmarks.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[PlacedBookmark | None] = []  # None for the article headings
        self.deleted: list = []

    def compose(self) -> ComposeResult:
        yield Static(id="bookmarks-title", classes="title-bar")
        # Not selected on focus: a focus that arrives after keys typed ahead would have them replaced.
        yield Input(placeholder="Type to filter by text, note or #tag", id="bookmarks-filter", select_on_focus=False)
        yield OptionList(id="bookmarks-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="bookmarks", exit_on_error=False)
    def load(self, keep: str | None = None) -> None:
        query = self.query_one("#bookmarks-filter", Input).value
        items = self.app.library.bookmarks(query)
        total = len(self.app.library.bookmark_store)
        deliver(self.app, self.show, items, total, keep)

    def show(self, items: list[PlacedBookmark], total: int, keep: str | None) -> None:
        listing = self.query_one("#bookmarks-list", OptionList)
        listing.clear_options()
        self.items = []
        for article_id, title, group in group_by_article(items):
            heading = Text(title or f"(article {article_id} is gone)", style="bold underline")
            listing.add_option(Option(heading, disabled=True))
            self.items.append(None)
            for item in group:
                listing.add_option(Option(bookmark_prompt(item)))
                self.items.append(item)
        if not items:
            message = "No bookmark matches the filter" if total else "No bookmarks yet: press m on a passage"
            listing.add_option(Option(Text(message, style="dim italic"), disabled=True))
            self.items.append(None)
        orphans = sum(1 for item in items if item.status == "orphaned")
        title = Text.assemble(("Bookmarks", "bold"), f" · {len(items)} of {total}")
        if orphans:
            title.append(f" · {orphans} orphaned", style="bold red")
        self.query_one("#bookmarks-title", Static).update(title)
        index = next((i for i, item in enumerate(self.items) if item and item.id == keep), None)
        if index is None:
            index = next((i for i, item in enumerate(self.items) if item), None)
        if index is not None:
            listing.highlighted = index
        if self.focused is None:
            # At once, not later: a deferred focus would take keys typed into the filter meanwhile.
            self.set_focus(listing)

    @property
    def current(self) -> PlacedBookmark | None:
        index = self.query_one("#bookmarks-list", OptionList).highlighted
        return self.items[index] if index is not None and 0 <= index < len(self.items) else None

    # -- filter ----------------------------------------------------------------------------
    @on(Input.Changed, "#bookmarks-filter")
    def filter_changed(self) -> None:
        self.load()

    @on(Input.Submitted, "#bookmarks-filter")
    def filter_done(self) -> None:
        self.set_focus(self.query_one("#bookmarks-list"))

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#bookmarks-filter", Input))

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        """Typing a character that is not a key of this screen starts filtering."""
        filter_input = self.query_one("#bookmarks-filter", Input)
        if filter_input.has_focus:
            if event.key in ("escape", "down"):
                event.stop()
                if event.key == "escape":
                    filter_input.value = ""
                self.set_focus(self.query_one("#bookmarks-list"))
            return
        bound = {key for b in self.BINDINGS for key in b.key.split(",")}  # type: ignore[union-attr]
        if event.is_printable and event.character and event.key not in bound and event.character not in "jk":
            event.stop()
            # Focus now, not after the keys already queued: what is typed next belongs in the filter too.
            self.set_focus(filter_input)
            filter_input.insert_text_at_cursor(event.character)

    # -- actions ---------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#bookmarks-list")
    def open_bookmark(self) -> None:
        item = self.current
        if item is None:
            return
        if item.status == "orphaned" or item.start is None:
            self.notify("This passage is no longer in the article (orphaned); its text and note are kept.")
            return
        from reader.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(item.article_id, jump_to=(item.start, item.end or item.start)))

    def action_edit(self) -> None:
        item = self.current
        if item is None:
            return
        from reader.screens.dialogs import BookmarkDialog

        def done(answer: tuple[str, list[str]] | None) -> None:
            if answer is not None:
                note, tags = answer
                self.app.library.edit_bookmark(item.id, note=note, tags=tags)
                self.load(keep=item.id)

        self.app.push_screen(
            BookmarkDialog(item.bookmark.text, item.bookmark.note, item.bookmark.tags, title="Edit bookmark"), done
        )

    def action_delete(self) -> None:
        item = self.current
        if item is None:
            return
        self.deleted.append(self.app.library.delete_bookmark(item.id))
        self.notify("Bookmark deleted. Press u to undo.", timeout=5)
        self.load()

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo", timeout=2)
            return
        bookmark = self.deleted.pop()
        self.app.library.restore_bookmark(bookmark)
        self.notify("Bookmark restored", timeout=2)
        self.load(keep=bookmark.id)

    def action_export(self) -> None:
        from pathlib import Path

        from reader.locations import export_dir
        from reader.screens.dialogs import InputDialog

        def chosen(path: str | None) -> None:
            if not path:
                return
            target = Path(path).expanduser().absolute()
            fmt = "json" if target.suffix.lower() == ".json" else "md"
            try:
                from reader.storage import atomic_write_bytes

                query = self.query_one("#bookmarks-filter", Input).value
                atomic_write_bytes(target, self.app.library.export_bookmarks(fmt, query))
            except OSError as exc:
                self.notify(f"Could not write {target}: {exc.strerror or exc}", severity="error")
                return
            count = sum(1 for item in self.items if item is not None)
            self.notify(f"Exported {count} bookmark{'s' if count != 1 else ''} to {target}", timeout=8)

        self.app.push_screen(
            InputDialog(
                "Export the listed bookmarks",
                value=str(export_dir() / "bookmarks.md"),
                placeholder="a file path: .md for Markdown, .json for JSON",
                hint="Markdown is ready to paste into a report; JSON keeps everything.",
            ),
            chosen,
        )

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_screen_resume(self) -> None:
        current = self.current
        self.load(keep=current.id if current else None)
