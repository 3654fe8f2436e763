"""The help screen: a manual of every key, in sections per screen and pane, as the keymap has them.

The sections are read from the classes themselves, so a new screen, pane or binding falls into place
by being declared: a screen or widget of reader's with ``BINDINGS`` (or ``HELP_KEYS``, for keys it
handles without a binding) is a section named by its ``HELP_SECTION`` (else by its class name:
``FeedsScreen`` is "Feeds"), placed by its ``HELP_ORDER``. Classes that share a section name share
the section (the article body's scrolling keys are in "Article"). The screen underneath and its panes
come first, then the keys that work everywhere, then the rest of the manual.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

INTRO = (
    "reader shows who is quoted saying what, who is mentioned and which sources are cited. "
    "Keys can be remapped in the [keys] table of the config file by the binding id in the right column."
)
DEFAULT_ORDER = 50
EVERYWHERE = "Everywhere"


@dataclass
class Section:
    name: str
    order: int
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # keys, what they do, binding id


def _display_keys(app, binding: Binding) -> str:  # type: ignore[no-untyped-def]
    keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
    if binding.key_display and keys == binding.key:
        return binding.key_display
    return ", ".join(app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))


def section_name(cls: type) -> str:
    """The human name of a class's section: its ``HELP_SECTION``, else its name in words."""
    declared = cls.__dict__.get("HELP_SECTION")
    if declared:
        return str(declared)
    name = re.sub(r"(Screen|Pane|Widget|Dialog)$", "", cls.__name__) or cls.__name__
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()


def _own_bindings(cls: type) -> list[Binding]:
    return [b for b in cls.__dict__.get("BINDINGS", ()) if isinstance(b, Binding)]


def reader_classes() -> list[type]:
    """Every screen and widget class of reader's (the modules are imported when help opens)."""
    import reader.screens
    import reader.widgets

    for package in (reader.screens, reader.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found: list[type] = []
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                found.append(sub)
                pending.append(sub)
    return [c for c in found if c.__module__.startswith("reader.") and c.__name__ != "ReaderApp"]


def _rows_for(app, cls: type) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    rows = [(keys, text, "") for keys, text in cls.__dict__.get("HELP_KEYS", ())]
    for binding in _own_bindings(cls):
        if binding.action in ("app.help", "help"):
            continue  # one line for ?, under Everywhere
        text = binding.tooltip or binding.description or binding.action
        rows.append((_display_keys(app, binding), text, binding.id or ""))
    return rows


def help_sections(app, underneath: Screen) -> list[Section]:  # type: ignore[no-untyped-def]
    """The manual's sections: the screen underneath and its panes, everywhere, then the others."""
    sections: dict[str, Section] = {}

    def add(cls: type, order: int) -> None:
        if not cls.__module__.startswith("reader."):
            return  # Textual's own widgets (Input, Tabs) keep their usual keys
        rows = _rows_for(app, cls)
        if not rows:
            return
        name = section_name(cls)
        section = sections.setdefault(name, Section(name, cls.__dict__.get("HELP_ORDER", order)))
        seen = {(keys, text) for keys, text, _ in section.rows}
        section.rows += [row for row in rows if (row[0], row[1]) not in seen]

    add(type(underneath), -2)
    for widget in underneath.query("*"):
        add(type(widget), -2)
    current = set(sections)
    everywhere = sections.setdefault(EVERYWHERE, Section(EVERYWHERE, -1))
    for binding in app.BINDINGS:
        if isinstance(binding, Binding) and binding.description:
            everywhere.rows.append(
                (_display_keys(app, binding), binding.tooltip or binding.description, binding.id or "")
            )
    for cls in reader_classes():
        add(cls, DEFAULT_ORDER)
    ordered = sorted(sections.values(), key=lambda s: (s.name not in current, s.name != EVERYWHERE, s.order))
    return [s for s in ordered if s.rows]


class HelpScreen(ModalScreen[None]):
    """The manual of keys; it scrolls like every other view."""

    HELP_SECTION = "Help"
    HELP_ORDER = 95
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help.up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False, id="help.page-down"),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False, id="help.page-up"),
        Binding("g,home", "scroll('home')", "Top", show=False, id="help.top"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, id="help.bottom"),
    ]

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self.underneath = underneath
        self.sections: list[Section] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(Text(INTRO, style="dim"))
            table = Table(box=None, show_header=False, pad_edge=False, expand=True)
            table.add_column(style="bold", no_wrap=True, min_width=12, max_width=18)
            table.add_column(ratio=1)
            table.add_column(style="dim", no_wrap=True)
            self.sections = help_sections(self.app, self.underneath)
            for section in self.sections:
                table.add_row(Text(section.name, style="bold underline"), "", "")
                for keys, text, binding_id in section.rows:
                    table.add_row(Text(keys), Text(text), Text(binding_id))
                table.add_row("", "", "")
            self.keys_table = table
            yield Static(table, id="help-keys")
            yield Static(Text("j/k, space/b, g/G scroll · Esc closes", style="dim italic"))

    def action_scroll(self, how: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        {
            "down": box.scroll_down,
            "up": box.scroll_up,
            "page_down": box.scroll_page_down,
            "page_up": box.scroll_page_up,
            "home": box.scroll_home,
            "end": box.scroll_end,
        }[how](animate=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
