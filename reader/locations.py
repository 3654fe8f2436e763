"""Where reader keeps its files. Every path can be overridden so tests and scripts stay isolated.

- store: ``--store PATH``, else ``READER_STORE``, else ``<user data dir>/articles.json``
  (created from the bundled sample on first use).
- user state (bookmarks, notes, reading positions): beside the store, ``<stem>.state.json``.
- cache (search index): ``READER_CACHE_DIR``, else the platform cache dir, one folder per store.
- config: ``READER_CONFIG``, else ``<user config dir>/config.toml``.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "reader"
_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(os.environ.get("READER_DATA_DIR") or _dirs.user_data_dir)


def cache_root() -> Path:
    return Path(os.environ.get("READER_CACHE_DIR") or _dirs.user_cache_dir)


def config_path() -> Path:
    env = os.environ.get("READER_CONFIG")
    return Path(env) if env else Path(_dirs.user_config_dir) / "config.toml"


def settings_path() -> Path:
    """Choices the app remembers for the user (theme), kept apart from the hand-written config."""
    return config_path().with_name("settings.json")


def export_dir() -> Path:
    """Where exports are proposed: the user's documents folder if there is one, else home (never
    the current directory, which is often a checkout)."""
    documents = Path(_dirs.user_documents_dir)
    return documents if documents.is_dir() else Path.home()


def default_store_path() -> Path:
    return data_dir() / "articles.json"


def resolve_store(option: str | os.PathLike[str] | None = None) -> Path:
    """The store to use: the option, else READER_STORE, else the default in the data directory."""
    chosen = option or os.environ.get("READER_STORE")
    if chosen:
        return Path(chosen).expanduser()
    return default_store_path()


def state_path(store: Path) -> Path:
    """User state lives beside the store, in its own file, never inside the store."""
    return store.with_name(f"{store.stem}.state.json")


def lock_path(store: Path) -> Path:
    return store.with_name(f".{store.name}.lock")


def backup_path(store: Path) -> Path:
    return store.with_name(f"{store.name}.bak")


def cache_dir(store: Path) -> Path:
    """A cache folder of its own for each store, named by its resolved path."""
    key = hashlib.sha1(str(store.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_root() / f"{store.stem}-{key}"


def sample_store() -> Path:
    """The bundled sample library: package data in a wheel, ``data/articles.json`` in a checkout."""
    packaged = resources.files("reader") / "_sample" / "articles.json"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "articles.json"
