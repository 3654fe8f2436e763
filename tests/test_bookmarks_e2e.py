"""A bookmark made in the TUI, followed through a restart, the CLI, an export and re-imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from tests.conftest import SEED_TXT
from tests.tui_helpers import make_app, settle


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "reader", *args, "--store", str(store)]
    return subprocess.run(command, capture_output=True, env=os.environ.copy(), timeout=120)


def reimport(store: Path, folder: Path, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / SEED_TXT.name).write_text(text, encoding="utf-8")  # same title and file name: same article
    result = cli(store, "import", str(folder / SEED_TXT.name))
    assert result.returncode == 0, result.stderr
    assert b"1 updated" in result.stderr


async def test_a_tui_bookmark_lasts_through_restart_export_and_reimports(sample_store: Path, tmp_path: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right_curly_bracket", "m")
        await pilot.pause()
        await pilot.press(*"why he fights", "enter")
        await settle(pilot)

    [listed] = orjson.loads(cli(sample_store, "bookmarks", "list", "--json").stdout)
    assert listed["note"] == "why he fights" and listed["status"] == "anchored"
    assert listed["text"].startswith("Ukrainians have welcomed substantial numbers")
    export = cli(sample_store, "bookmarks", "export", "--format", "md").stdout.decode()
    assert "why he fights" in export and "> Ukrainians have welcomed substantial numbers" in export

    seed = SEED_TXT.read_text(encoding="utf-8")
    title, rest = seed.split("\n", 1)
    head, counters, body = rest.split("\n\n", 2)
    added_on_top = "An editor's note opens the article now.\n\n"
    edited_body = body.replace("substantial numbers of foreigners", "large numbers of foreigners")
    reimport(sample_store, tmp_path / "v2", f"{title}\n{head}\n\n{counters}\n\n{added_on_top}{edited_body}")
    [moved] = orjson.loads(cli(sample_store, "bookmarks", "list", "--json").stdout)
    assert moved["status"] in ("anchored", "moved")
    assert moved["current_text"].startswith("Ukrainians have welcomed large numbers of foreigners")
    assert moved["note"] == "why he fights"

    paragraphs = edited_body.split("\n\n")
    without = "\n\n".join(p for p in paragraphs if not p.startswith("Ukrainians have welcomed"))
    reimport(sample_store, tmp_path / "v3", f"{title}\n{head}\n\n{counters}\n\n{without}")
    [orphan] = orjson.loads(cli(sample_store, "bookmarks", "list", "--json").stdout)
    assert orphan["status"] == "orphaned"
    assert orphan["text"].startswith("Ukrainians have welcomed substantial numbers")  # the words kept
    assert orphan["note"] == "why he fights"
