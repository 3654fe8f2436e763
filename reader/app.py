"""The Textual application. Only this module, screens/ and widgets/ import Textual."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.config import Config, load_settings, save_setting
from reader.library import Library


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.palette"),
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit"),
    ]

    def __init__(self, library: Library, config: Config | None = None, *, remember_theme: bool = True) -> None:
        super().__init__()
        self.library = library
        self.config = config or Config()
        self.remember_theme = remember_theme
        self.return_code_on_exit = 0

    def on_mount(self) -> None:
        theme = self.config.theme or load_settings().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        if self.config.keys:
            self.set_keymap(self.config.keys)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        from reader.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    def _remember_theme(self, theme) -> None:  # type: ignore[no-untyped-def]
        if self.remember_theme:
            try:
                save_setting("theme", theme.name)
            except OSError as exc:
                self.notify(f"Could not remember the theme: {exc}", severity="warning")

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Show every key of this screen", self.action_help)
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.description and binding.id and "help" not in binding.id:
                action = binding.action
                yield SystemCommand(
                    binding.description,
                    f"{binding.description} ({binding.key_display or binding.key})",
                    lambda action=action, screen=screen: self.run_action(action, screen),
                )
