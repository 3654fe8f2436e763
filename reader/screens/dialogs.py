"""Small modal dialogs that return their answer with ``dismiss``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class InputDialog(ModalScreen[str | None]):
    """Ask for one line of text; Enter returns it, Esc returns None."""

    HELP_SECTION = "Dialogs"
    HELP_ORDER = 90
    HELP_KEYS = (("enter", "Confirm (save, import, export)"), ("tab, shift+tab", "Next / previous field"))
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, placeholder: str = "", value: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.placeholder = placeholder
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="dialog-input", select_on_focus=False)
            if self.hint:
                yield Label(self.hint, classes="dialog-hint")

    @on(Input.Submitted, "#dialog-input")
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class BookmarkDialog(ModalScreen[tuple[str, list[str]] | None]):
    """Note and tags for a bookmark. Enter saves (from either field), Esc cancels."""

    HELP_SECTION = "Dialogs"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, passage: str, note: str = "", tags: tuple[str, ...] = (), title: str = "Bookmark") -> None:
        super().__init__()
        self.passage = passage
        self.note = note
        self.tags = tags
        self.title_text = title

    def compose(self) -> ComposeResult:
        from rich.text import Text

        excerpt = self.passage if len(self.passage) <= 240 else self.passage[:239] + "…"
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(Text(f"“{excerpt}”", style="italic"), classes="dialog-passage")
            yield Input(value=self.note, placeholder="Note (optional)", id="bookmark-note", select_on_focus=False)
            yield Input(
                value=" ".join(self.tags),
                placeholder="Tags, separated by spaces or commas",
                id="bookmark-tags",
                select_on_focus=False,  # keys typed right after Tab are kept, not replaced by the next
            )
            yield Label("Enter saves, Esc cancels.", classes="dialog-hint")

    @on(Input.Submitted)
    def submitted(self) -> None:
        note = self.query_one("#bookmark-note", Input).value.strip()
        raw_tags = self.query_one("#bookmark-tags", Input).value.replace(",", " ")
        self.dismiss((note, [tag.lstrip("#") for tag in raw_tags.split() if tag.lstrip("#")]))

    def action_cancel(self) -> None:
        self.dismiss(None)
