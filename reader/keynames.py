"""What config.toml may name, known without starting the TUI: Textual's built-in themes, the binding
ids of reader's screens and widgets, and the names of keys.

``reader doctor`` checks the config with these; importing Textual (and every screen) only to learn
names would cost the command most of a second and break the rule that the core never imports it.
Tests hold each of them equal to what Textual and the app say at run time.
"""

from __future__ import annotations

import ast
import unicodedata
from functools import cache
from pathlib import Path

from reader.config import Config, config_problems

# textual.theme.BUILTIN_THEMES of the pinned Textual, in its order
THEMES = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "dracula",
    "tokyo-night",
    "monokai",
    "flexoki",
    "catppuccin-latte",
    "catppuccin-frappe",
    "catppuccin-macchiato",
    "solarized-light",
    "solarized-dark",
    "rose-pine",
    "rose-pine-moon",
    "rose-pine-dawn",
    "atom-one-dark",
    "atom-one-light",
    "ansi-dark",
    "ansi-light",
)

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# Keys that are not characters, as textual.keys.Keys names them (after any modifier).
NAMED_KEYS = frozenset(
    {
        "escape",
        "enter",
        "return",
        "tab",
        "space",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        "backslash",
        "underscore",
        "circumflex_accent",
        "right_square_bracket",
        "ctrl-at",
        *(f"f{n}" for n in range(1, 25)),
    }
)
# How Textual shortens the Unicode names of some characters (textual.keys.KEY_NAME_REPLACEMENTS).
NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
UI_SOURCES = ("app.py", "screens", "widgets")  # the only modules that declare bindings


def character_key(character: str) -> str:
    """The key name of a printable character as Textual gives it: ``?`` is ``question_mark``."""
    if character.isalnum():
        return character
    name = unicodedata.name(character, character).lower().replace("-", "_").replace(" ", "_")
    return NAME_REPLACEMENTS.get(name, name)


@cache
def key_names() -> frozenset[str]:
    return NAMED_KEYS | {character_key(chr(c)) for c in range(32, 127)}


def valid_key(key: str) -> bool:
    """Whether ``key`` (``ctrl+p``, ``f1``, ``question_mark``, ``x``) names a key Textual can bind."""
    *modifiers, name = key.split("+")
    if not name or not set(modifiers) <= MODIFIERS:
        return False
    return len(name) == 1 or name in key_names()


def _ids_in(source: str) -> set[str]:
    """The ``id=`` of every ``Binding(...)`` written in a module's source."""
    ids = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name != "Binding":
            continue
        for keyword in node.keywords:
            if keyword.arg == "id" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                ids.add(keyword.value.value)
    return ids


@cache
def binding_ids() -> frozenset[str]:
    """Every binding id of the app, its screens and widgets (what ``[keys]`` in the config can name),
    read from their source rather than by importing them."""
    root = Path(__file__).parent
    ids: set[str] = set()
    for part in UI_SOURCES:
        path = root / part
        for module in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            ids |= _ids_in(module.read_text(encoding="utf-8"))
    return frozenset(ids)


def config_warnings(config: Config) -> list[str]:
    """The config's mistakes (unknown theme, binding id or key), as ``reader doctor`` lists them."""
    return config_problems(config, THEMES, binding_ids() if config.keys else (), valid_key)[0]
