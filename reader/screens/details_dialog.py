"""The "Edit details" dialog: an article's title, source, author, date and URL as the user knows them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label

from reader.details import FIELDS, DetailsError, clean
from reader.models import Article

LABELS = {"title": "Title", "source": "Source", "author": "Author", "published": "Date", "url": "URL"}
HINTS = {
    "source": "the outlet or publisher",
    "author": "the author",
    "published": "YYYY-MM-DD (empty: no date)",
    "url": "https://…",
}


def current_values(article: Article) -> dict[str, str]:
    return {
        "title": article.title,
        "source": article.source,
        "author": ", ".join(article.authors),
        "published": (article.published or "")[:10],
        "url": article.url or "",
    }


class DetailsDialog(ModalScreen[dict[str, str] | None]):
    """Returns the fields that changed (cleaned), or None when cancelled or nothing changed."""

    HELP_SECTION = "Dialogs"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.before = current_values(article)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Edit details", classes="dialog-title")
            for field in FIELDS:  # one line each: the dialog fits 80x24
                with Horizontal(classes="details-row"):
                    yield Label(LABELS[field], classes="dialog-label")
                    yield Input(
                        value=self.before[field],
                        placeholder=HINTS.get(field, ""),
                        id=f"details-{field}",
                        select_on_focus=False,
                        compact=True,
                    )
            yield Label("Tab moves, Enter saves, Esc cancels. Kept over re-imports.", classes="dialog-hint")

    @on(Input.Submitted)
    def save(self) -> None:
        changed: dict[str, str] = {}
        for field in FIELDS:
            value = self.query_one(f"#details-{field}", Input).value
            try:
                value = clean(field, value)
            except DetailsError as exc:
                self.notify(str(exc), severity="error", timeout=6)
                self.set_focus(self.query_one(f"#details-{field}", Input))
                return
            if value != self.before[field]:
                changed[field] = value
        self.dismiss(changed or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def save_details(screen: Screen, article_id: str, changed: dict[str, str]) -> bool:  # type: ignore[type-arg]
    """Save details from the dialog, saying what happened; False when they could not be saved."""
    from reader.details import DetailsError

    try:
        screen.app.library.edit_details(article_id, **changed)  # type: ignore[attr-defined]
    except (DetailsError, OSError) as exc:
        screen.notify(f"Could not save the details: {exc}", severity="error")
        return False
    screen.notify(f"Details saved: {', '.join(changed)}", timeout=3)
    return True
