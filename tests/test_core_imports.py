"""The core never imports Textual: the CLI and scripts must not pay for the UI."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "reader",
    "reader.models",
    "reader.text",
    "reader.storage",
    "reader.store",
    "reader.userstate",
    "reader.library",
    "reader.catalog",
    "reader.locations",
    "reader.config",
    "reader.keynames",
    "reader.analysis",
    "reader.importers",
    "reader.cli",
    "reader.render",
]


def test_core_modules_do_not_import_textual() -> None:
    code = "import sys\n" + "".join(f"import {m}\n" for m in CORE)
    code += "from reader import Library\n"
    code += "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_command_modules_do_not_import_one_another_in_a_circle() -> None:
    """Each command module stands on the shared helpers alone; only ``reader.cli`` gathers them."""
    for module in ("reader.cli_bookmarks", "reader.cli_corrections", "reader.cli_feeds", "reader.cli_common"):
        code = f"import sys\nimport {module}\nassert 'reader.cli' not in sys.modules, '{module} imports reader.cli'\n"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
