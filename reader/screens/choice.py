"""A small dialog to pick one of a few choices, optionally typing a value instead, with a check box.

Every correction of the analysis is one of these: the speaker of a quote (a person of the article,
a typed name, unknown), what a person is, what to do with a source.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True, slots=True)
class Choice:
    key: str  # the chosen option's key, or "typed" when a value was typed
    text: str = ""  # what was typed
    checked: bool = False  # the dialog's check box, when it has one


class ChoiceDialog(ModalScreen[Choice | None]):
    """Enter on an option (or on the typed value) returns it; Esc returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str]],
        *,
        passage: str = "",
        typed: str | None = None,
        value: str = "",
        checkbox: str | None = None,
        hint: str = "",
    ) -> None:
        """``choices`` are (key, label); ``typed`` is the placeholder of a field to type a value in."""
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.passage = passage
        self.typed = typed
        self.value = value
        self.checkbox = checkbox
        self.hint = hint or ("Enter chooses, Esc cancels." if choices else "Enter saves, Esc cancels.")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            if self.passage:
                excerpt = self.passage if len(self.passage) <= 200 else self.passage[:199] + "…"
                yield Label(Text(f"“{excerpt}”", style="italic"), classes="dialog-passage")
            if self.choices:
                yield OptionList(*(Option(Text(label), id=key) for key, label in self.choices), id="choices")
            if self.typed is not None:
                yield Input(value=self.value, placeholder=self.typed, id="typed", select_on_focus=False)
            if self.checkbox is not None:
                yield Checkbox(self.checkbox, id="check")
            yield Label(self.hint, classes="dialog-hint")

    def on_mount(self) -> None:
        if self.choices:
            options = self.query_one("#choices", OptionList)
            options.highlighted = 0
            options.focus()
        elif self.typed is not None:
            self.query_one("#typed", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing while the list has focus types the name: keys typed quickly after Tab, before the
        focus has moved, land in the field too, and Enter then saves what was typed."""
        if self.typed is None:
            return
        field = self.query_one("#typed", Input)
        if self.focused is field:
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            field.insert_text_at_cursor(event.character)
            field.focus()
        elif event.key == "enter" and field.value.strip():
            event.stop()
            event.prevent_default()
            self.dismiss(Choice("typed", field.value.strip(), self._checked()))

    def _checked(self) -> bool:
        return self.checkbox is not None and self.query_one("#check", Checkbox).value

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Choice(event.option.id or "", checked=self._checked()))

    @on(Input.Submitted, "#typed")
    def submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.dismiss(Choice("typed", text, self._checked()))

    def action_cancel(self) -> None:
        self.dismiss(None)
