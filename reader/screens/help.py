"""The help screen: every key of the screen underneath and of the app, as the keymap has them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

INTRO = (
    "reader shows who is quoted saying what, who is mentioned and which sources are cited. "
    "Keys can be remapped in the [keys] table of the config file by binding id."
)


def _display_keys(app, binding: Binding) -> str:  # type: ignore[no-untyped-def]
    keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
    if binding.key_display and keys == binding.key:
        return binding.key_display
    return ", ".join(app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))


def binding_rows(app, screen: Screen) -> list[tuple[str, list[Binding]]]:  # type: ignore[no-untyped-def]
    """Groups of bindings: the screen's, then each widget class on it, then the app's."""
    groups: list[tuple[str, list[Binding]]] = []
    seen_classes: set[type] = set()
    screen_bindings = [b for b in screen._bindings.key_to_bindings.values() for b in b]
    groups.append((screen.__class__.__name__.replace("Screen", "") or "Screen", screen_bindings))
    for widget in screen.query("*"):
        cls = type(widget)
        if cls in seen_classes or not widget.BINDINGS or cls.__module__.startswith("textual."):
            continue
        seen_classes.add(cls)
        groups.append((cls.__name__, [b for b in widget.BINDINGS if isinstance(b, Binding)]))
    groups.append(("Everywhere", [b for b in app.BINDINGS if isinstance(b, Binding)]))
    return groups


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self.underneath = underneath

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(Text(INTRO, style="dim"))
            table = Table(box=None, show_header=False, pad_edge=False, expand=True)
            table.add_column(style="bold", no_wrap=True, min_width=14)
            table.add_column()
            table.add_column(style="dim", no_wrap=True)
            seen: set[tuple[str, str]] = set()
            for title, bindings in binding_rows(self.app, self.underneath):
                rows = []
                for binding in bindings:
                    description = binding.description or binding.action
                    keys = _display_keys(self.app, binding)
                    if (keys, description) in seen:
                        continue
                    seen.add((keys, description))
                    rows.append((keys, description, binding.id or ""))
                if rows:
                    table.add_row(Text(title, style="underline"), "", "")
                    for keys, description, binding_id in rows:
                        table.add_row(Text(keys), Text(description), Text(binding_id))
                    table.add_row("", "", "")
            self.keys_table = table
            yield Static(table, id="help-keys")
            yield Static(Text("Press Esc to close", style="dim italic"))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
