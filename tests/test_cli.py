"""The command line as scripts use it: JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.conftest import SEED_TXT


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, env=os.environ.copy(), timeout=120
    )


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("import", "list", "show", "analyze"):
        assert command in result.stdout.decode()


def test_list_json_has_the_documented_fields(sample_store: Path) -> None:
    result = run("list", "--store", str(sample_store), "--json")
    assert result.returncode == 0, result.stderr
    [row] = orjson.loads(result.stdout)
    assert set(row) >= {"id", "title", "source", "url", "published", "words", "quotes", "bookmarks"}
    assert row["title"] == "Hundreds Of Belarus Citizens Unite To Fight For Ukraine"
    assert row["words"] == 536


def test_show_json_puts_analysis_fields_at_the_top_level(sample_store: Path) -> None:
    [row] = orjson.loads(run("list", "--store", str(sample_store), "--json").stdout)
    result = run("show", row["id"], "--store", str(sample_store), "--json")
    assert result.returncode == 0, result.stderr
    data = orjson.loads(result.stdout)
    assert {"id", "title", "source", "url", "published", "body", "quotes", "people", "sources", "links"} <= set(data)
    assert data["body"].endswith("Liubakova added")
    quote = data["quotes"][0]
    assert data["body"][quote["start"] : quote["end"]] == quote["text"]


def test_show_by_id_prefix_renders_the_article(sample_store: Path) -> None:
    [row] = orjson.loads(run("list", "--store", str(sample_store), "--json").stdout)
    result = run("show", row["id"][:6], "--store", str(sample_store))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Hundreds Of Belarus Citizens Unite To Fight For Ukraine" in out
    assert "Quotes" in out and "truncated" in out


def test_analyze_json_contract_from_file_and_stdin(tmp_path: Path) -> None:
    from_file = run("analyze", str(SEED_TXT), "--json")
    assert from_file.returncode == 0, from_file.stderr
    data = orjson.loads(from_file.stdout)
    assert set(data) == {"title", "quotes", "people", "sources", "links"}
    assert data["title"] == "Hundreds Of Belarus Citizens Unite To Fight For Ukraine"
    for quote in data["quotes"]:
        assert set(quote) >= {"text", "start", "end", "speaker", "scare"}
    from_stdin = run("analyze", "-", "--json", stdin=SEED_TXT.read_bytes())
    assert orjson.loads(from_stdin.stdout) == data
    assert not list(tmp_path.iterdir())  # no store touched


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("show", "nosuchid"), "no article with id 'nosuchid'"),
        (("analyze", "/no/such/file.txt", "--json"), "/no/such/file.txt: cannot read"),
    ],
)
def test_failures_are_one_clear_line_and_status_1(sample_store: Path, args: tuple[str, ...], needle: str) -> None:
    result = run(*args, "--store", str(sample_store))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_corrupt_store_is_reported_and_left_as_it_is(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    store.write_bytes(b'{"articles": {"1": ')
    result = run("list", "--store", str(store))
    assert result.returncode == 1
    assert str(store) in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    assert store.read_bytes() == b'{"articles": {"1": '


def test_wrong_usage_exits_2() -> None:
    assert run("show").returncode == 2
    assert run("frobnicate").returncode == 2


def test_import_reports_each_bad_file_and_keeps_the_good(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("A good title\n\nA body that ends.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.json").write_text("[{", encoding="utf-8")
    store = tmp_path / "lib.json"
    result = run("import", "--store", str(store), str(folder))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "empty.txt" in err and "broken.json" in err and "Traceback" not in err
    titles = [row["title"] for row in orjson.loads(run("list", "--store", str(store), "--json").stdout)]
    assert titles == ["A good title"]


def test_a_broken_config_file_is_named_before_the_app_starts(sample_store: Path, isolated_dirs: Path) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[keys\n"app.help" = "f1"\n', encoding="utf-8")
    result = run("--store", str(sample_store))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert str(config) in err and "not valid TOML" in err and "Traceback" not in err


def test_reindex_redoes_analyses_made_by_an_older_analyzer(sample_store: Path) -> None:
    from reader.analysis import ANALYZER_VERSION

    raw = orjson.loads(sample_store.read_bytes())
    [doc] = raw["articles"].values()
    doc["analysis"]["version"] = "0.0-old"
    doc["analysis"]["quotes"] = []
    sample_store.write_bytes(orjson.dumps(raw))
    result = run("reindex", "--store", str(sample_store), "--json")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["reanalysed"] == 1
    [stored] = orjson.loads(sample_store.read_bytes())["articles"].values()
    assert stored["analysis"]["version"] == ANALYZER_VERSION
    assert len(stored["analysis"]["quotes"]) == 5
