"""README examples run as written (from a copy of the checkout's sample, so nothing is changed)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def checkout_copy(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    shutil.copyfile(ROOT / "data" / "articles.json", tmp_path / "data" / "articles.json")
    shutil.copytree(ROOT / "tests" / "data" / "seed", tmp_path / "tests" / "data" / "seed")
    return tmp_path


def test_python_examples_run(tmp_path: Path) -> None:
    [example] = blocks("python")
    result = subprocess.run(
        [sys.executable, "-c", example], cwd=checkout_copy(tmp_path), capture_output=True, env=os.environ.copy()
    )
    assert result.returncode == 0, result.stderr
    assert b"Hundreds Of Belarus Citizens Unite To Fight For Ukraine" in result.stdout


def test_checkout_examples_run(tmp_path: Path) -> None:
    [example] = [b for b in blocks("sh") if ".venv/bin/reader" in b]
    folder = checkout_copy(tmp_path)
    for line in example.strip().splitlines():
        args = shlex.split(line)
        assert args[0] == ".venv/bin/reader"
        result = subprocess.run(
            [sys.executable, "-m", "reader", *args[1:]], cwd=folder, capture_output=True, env=os.environ.copy()
        )
        assert result.returncode == 0, (line, result.stderr)
        assert result.stdout.strip().startswith((b"{", b"["))
