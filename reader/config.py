"""User configuration (hand-written TOML) and remembered settings (written by the app).

``config.toml``::

    theme = "gruvbox"            # optional: a built-in Textual theme
    refresh_minutes = 30         # optional: refresh the feeds this often while the app is open

    [keys]                       # binding id = "key[,key...]"
    "article.next-paragraph" = "ctrl+down"
    "app.help" = "f1"

    [fetch]
    allow_hosts = ["intranet.example", "192.168.1.20"]  # may be local or private addresses

Settings the app remembers (the theme picked from the palette) go to ``settings.json`` beside
it, so the user's own file is never rewritten.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from reader import locations
from reader.storage import atomic_write_bytes


class ConfigError(Exception):
    pass


@dataclass
class Config:
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    path: Path | None = None
    allow_hosts: list[str] = field(default_factory=list)
    refresh_minutes: float | None = None


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file is an empty config, a broken one a ConfigError."""
    path = path or locations.config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f'{path}: [keys] must map binding ids to key names, e.g. "app.help" = "f1"')
    theme = raw.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise ConfigError(f"{path}: theme must be a string")
    fetch = raw.get("fetch", {})
    allow_hosts = fetch.get("allow_hosts", []) if isinstance(fetch, dict) else None
    if not isinstance(allow_hosts, list) or not all(isinstance(h, str) for h in allow_hosts):
        raise ConfigError(f'{path}: [fetch] allow_hosts must be a list of host names, e.g. ["intranet.example"]')
    minutes = raw.get("refresh_minutes")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes < 1):
        raise ConfigError(f"{path}: refresh_minutes must be a number of minutes, 1 or more (e.g. refresh_minutes = 30)")
    return Config(
        keys=dict(keys),
        theme=theme,
        path=path,
        allow_hosts=list(allow_hosts),
        refresh_minutes=float(minutes) if minutes else None,
    )


def load_settings(path: Path | None = None) -> dict[str, Any]:
    path = path or locations.settings_path()
    try:
        value = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def save_setting(name: str, value: Any, path: Path | None = None) -> None:
    path = path or locations.settings_path()
    settings = load_settings(path)
    settings[name] = value
    atomic_write_bytes(path, orjson.dumps(settings, option=orjson.OPT_INDENT_2))


def config_problems(
    config: Config, themes: Iterable[str], binding_ids: Iterable[str], valid_key: Callable[[str], bool]
) -> tuple[list[str], dict[str, str]]:
    """Mistakes in the config, one line each, and the part of ``[keys]`` that can be used.

    A mistaken entry is left out, so the default it would replace stays in force (``ctrl+zz`` for
    ``app.quit`` must not leave the app without a key to quit)."""
    problems: list[str] = []
    themes = set(themes)
    if config.theme is not None and config.theme not in themes:
        problems.append(f"unknown theme {config.theme!r}; ctrl+p Theme lists the built-in ones")
    known = set(binding_ids)
    keymap: dict[str, str] = {}
    for binding_id, keys in config.keys.items():
        if binding_id not in known:
            problems.append(f"[keys] unknown binding id {binding_id!r} (? in the app lists them)")
            continue
        bad = [key.strip() for key in keys.split(",") if not valid_key(key.strip())]
        if bad:
            problems.append(f"[keys] {binding_id!r}: {', '.join(map(repr, bad))} is not a key; the default stays")
            continue
        keymap[binding_id] = keys
    return problems, keymap


def theme_at_start(config: Config, settings: dict[str, Any], themes: Iterable[str]) -> str | None:
    """The theme to start with: the most recent choice. A theme picked in the app (remembered in the
    settings with the config's theme as it was then) wins until the config's theme is changed."""
    themes = set(themes)
    picked = settings.get("theme")
    config_changed = config.theme is not None and config.theme != settings.get("config_theme")
    chosen = config.theme if config_changed or not picked else picked
    return chosen if chosen in themes else (picked if picked in themes else None)
