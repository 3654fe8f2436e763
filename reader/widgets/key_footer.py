"""A footer that never cuts a key off: it shows what fits, the most needed keys first.

Which keys are most needed is read from the bindings themselves, so a new binding falls into place by
being declared: the focused widget's keys come first (they are about what is selected), then the
screen's in the order of its ``BINDINGS``, then the app's; ``?`` (every key, in the help) always
stays. Bindings that share a ``Binding.Group`` show as one entry (``[ ] Article``). When the
line is too narrow, entries are dropped from the least needed end, never cut in the middle.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTIONS = ("help", "app.help")
ENTRY_PADDING = 3  # a space before and after the key, one after the description
PALETTE_WIDTH = 15  # the command palette entry docked at the right: a border and "^p Commands"


@dataclass
class Entry:
    """One footer entry: one binding, or the bindings of one group shown together."""

    keys: list[str]
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        return cell_len(self.key_display) + cell_len(self.description) + ENTRY_PADDING


def fitting(entries: list[Entry], width: int) -> list[Entry]:
    """The entries that fit in ``width`` cells, dropping the least needed (the last) first; the help
    entry stays whatever happens. The order is kept."""
    kept = list(entries)
    helps = [e for e in kept if e.action in HELP_ACTIONS]
    while kept and sum(e.width for e in kept) > width:
        droppable = [e for e in kept if e not in helps]
        if not droppable:
            break
        kept.remove(droppable[-1])
    return kept


class KeyFooter(Footer):
    """Drop-in for Textual's Footer: the keys that fit, by need, and the command palette key."""

    def ranked_entries(self) -> list[Entry]:
        # Active bindings run from the focused widget up to the screen and the app: the order of need.
        # A key the focused widget binds without showing it (an option list's Enter) is shown with the
        # label the screen gives that key, if it gives one ("⏎ Open" on a list of quotes).
        screen_labels = {
            key: binding
            for key, bindings in self.screen._bindings.key_to_bindings.items()
            for binding in bindings
            if binding.show
        }
        shown = []
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if not binding.show and key in screen_labels:
                binding = screen_labels[key]
            if binding.show and binding.key != self.app.COMMAND_PALETTE_BINDING:
                shown.append((binding, enabled, tooltip))
        entries: list[Entry] = []
        by_action: set[str] = set()
        groups: dict[object, Entry] = {}
        for binding, enabled, tooltip in shown:
            if binding.action in by_action:
                continue  # two keys for one action (escape and q): the footer names the first
            by_action.add(binding.action)
            display = self.app.get_key_display(binding)
            if binding.group is not None and binding.group in groups:
                entry = groups[binding.group]
                entry.keys.append(binding.key)
                entry.key_display += f" {display}"
                continue
            entry = Entry(
                [binding.key],
                display,
                binding.group.description if binding.group is not None else binding.description,
                binding.action,
                enabled,
                tooltip or binding.tooltip or binding.description,
            )
            if binding.group is not None:
                groups[binding.group] = entry
            entries.append(entry)
        helps = [e for e in entries if e.action in HELP_ACTIONS]
        return [e for e in entries if e not in helps] + helps[:1]

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.size.width or self.app.size.width
        palette = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        for entry in fitting(self.ranked_entries(), width - (PALETTE_WIDTH if palette else 0)):
            yield FooterKey(
                entry.keys[0],
                entry.key_display,
                entry.description,
                entry.action,
                disabled=not entry.enabled,
                tooltip=entry.tooltip,
            ).data_bind(compact=Footer.compact)
        if palette:
            try:
                _node, binding, enabled, _tooltip = self.screen.active_bindings[self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                return
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)
