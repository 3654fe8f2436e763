"""The bundled sample travels in the wheel: an installed reader creates its library from it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT, SAMPLE_STORE


def test_an_installed_wheel_creates_the_default_library_from_its_sample(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = wheels.glob("reader-*.whl")
    assert "reader/_sample/articles.json" in zipfile.ZipFile(wheel).namelist()
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    data = tmp_path / "user-data"
    env = {**os.environ, "PYTHONPATH": str(target), "READER_DATA_DIR": str(data)}
    env.pop("READER_STORE", None)
    code = "import sys, reader, reader.cli; print(reader.__file__); sys.exit(reader.cli.main(['list', '--json']))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith(str(target))  # the installed copy ran, not the checkout
    assert b"Hundreds Of Belarus Citizens Unite To Fight For Ukraine" in result.stdout
    assert (data / "articles.json").read_bytes() == SAMPLE_STORE.read_bytes()
