"""Bad input to the command line: one line on stderr saying what is wrong, a non-zero exit, never a
traceback nor a screenful of usage."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_reader


def one_line_error(result, status: int) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return str(lines[0])


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("show", "3deb", "--bogus"), "reader show: error: unrecognized arguments: --bogus (see 'reader show --help')"),
        (("bookmarks", "list", "--bogus"), "reader bookmarks list: error: unrecognized arguments: --bogus"),
        (("bookmarks", "export", "--format", "xml"), "invalid choice: 'xml'"),
        (("correct", "3deb", "--rename", "Vladimir Putin"), "--rename: expected 2 arguments"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
    ],
)
def test_wrong_usage_is_one_line_that_says_where_the_usage_is(
    sample_store: Path, args: tuple[str, ...], said: str
) -> None:
    line = one_line_error(run_reader(sample_store, *args), 2)
    assert said in line and line.endswith("--help')")


def test_analysing_a_folder_says_it_cannot_be_read(sample_store: Path, tmp_path: Path) -> None:
    line = one_line_error(run_reader(sample_store, "analyze", str(tmp_path)), 1)
    assert line == f"reader: error: {tmp_path}: cannot read (Is a directory)"


def test_exporting_into_a_folder_asks_for_a_file_name(sample_store: Path, tmp_path: Path) -> None:
    for command in (("bookmarks", "export"), ("corrections", "export"), ("feeds", "export")):
        line = one_line_error(run_reader(sample_store, *command, "-o", str(tmp_path)), 1)
        assert line == f"reader: error: {tmp_path}: is a folder; give the name of a file to write in it"


def test_an_empty_speaker_is_refused_not_taken_as_unknown(sample_store: Path) -> None:
    result = run_reader(sample_store, "correct", "3deb", "--quote", "Life is about", "--speaker", " ")
    assert "--speaker needs a name" in one_line_error(result, 2)
    assert "0 corrections" in run_reader(sample_store, "corrections", "export", "--format", "md").stdout


def test_importing_a_folder_without_articles_says_so(sample_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "notes.dat").write_bytes(b"\x00\x01")
    result = run_reader(sample_store, "import", "--json", str(folder))
    assert result.returncode == 0
    assert one_line_error(result, 0) == (
        "reader: nothing to import: no text, Markdown, HTML or JSON file in what was given"
    )


def test_following_a_feed_file_says_how_to_import_it_instead(sample_store: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')
    line = one_line_error(run_reader(sample_store, "feeds", "add", str(feed)), 1)
    assert "is a file" in line and "'reader import FILE' imports a feed file's entries once" in line
