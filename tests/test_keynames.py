"""The names a config may use, known to the core without Textual, are the ones Textual and the app use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader import keynames


def test_the_themes_are_textuals_built_in_ones() -> None:
    from textual.theme import BUILTIN_THEMES

    assert list(keynames.THEMES) == list(BUILTIN_THEMES)


def test_the_binding_ids_are_those_of_every_screen_and_widget() -> None:
    from textual.binding import Binding

    from reader.app import ReaderApp
    from reader.screens.help import reader_classes

    declared = {b.id for b in ReaderApp.BINDINGS if isinstance(b, Binding) and b.id}
    for cls in reader_classes():
        declared |= {b.id for b in cls.__dict__.get("BINDINGS", ()) if isinstance(b, Binding) and b.id}
    assert "library.quit" in declared and "app.help" in declared
    assert keynames.binding_ids() == declared


def test_the_key_names_are_textuals() -> None:
    from textual.keys import Keys, _character_to_key

    textual = {k.value.split("+")[-1] for k in Keys} | {_character_to_key(chr(c)) for c in range(32, 127)}
    pseudo = {name for name in textual if name.startswith("<")}  # <any>, <scroll-up>: not keys one presses
    words = {name for name in keynames.key_names() if len(name) > 1}  # a single character is always a key
    assert words == {name for name in textual - pseudo if len(name) > 1}
    for key in ("ctrl+p", "f1", "f24", "question_mark", "x", "shift+tab", "ctrl+shift+left", "space", "minus"):
        assert keynames.valid_key(key), key
    for key in ("ctrl+zz", "f25", "hyper+", "cmd+x", "questionmark", ""):
        assert not keynames.valid_key(key), key


def test_doctor_checks_a_config_with_theme_and_keys_without_starting_the_app(
    sample_store: Path, isolated_dirs: Path
) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('theme = "nord"\n[keys]\n"app.quit" = "ctrl+zz"\n"library.sort" = "o"\n', encoding="utf-8")
    code = (
        "import sys\nfrom reader.cli import main\n"
        f"status = main(['doctor', '--store', {str(sample_store)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print('textual loaded:', loaded[:3])\nsys.exit(status)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith("PROBLEM")]
    assert len(problems) == 1 and "'ctrl+zz' is not a key" in problems[0]
    assert "textual loaded: []" in result.stdout
