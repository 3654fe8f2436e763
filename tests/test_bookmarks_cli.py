"""``reader bookmarks``: what a user sees from the command line, through re-imports and restarts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.importers.plaintext import parse_text
from tests.conftest import ROOT, SEED_TXT

SEED = SEED_TXT.read_text(encoding="utf-8")
TITLE = SEED.split("\n", 1)[0].strip()
BODY = parse_text(SEED).body
PARAGRAPHS = BODY.split("\n\n")
MARKED = PARAGRAPHS[0]  # holds "... Lukashenko has backed Putin, but there is widespread opposition ..."


class Reader:
    """Runs ``reader --store STORE ...`` in-process and keeps what it printed."""

    def __init__(self, store: Path, capsys: pytest.CaptureFixture[str]):
        self.store, self.capsys = store, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--store", str(self.store), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str) -> object:
        code, out, err = self(*args)
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Reader:
    return Reader(tmp_path / "lib" / "articles.json", capsys)


def write_article(path: Path, body: str) -> None:
    path.write_text(f"{TITLE}\n\n{body}\n", encoding="utf-8")


def test_bookmark_lives_through_reimports_and_restarts(reader: Reader, tmp_path: Path) -> None:
    source = tmp_path / "belarus.txt"
    write_article(source, BODY)
    assert reader("import", "-q", str(source))[0] == 0
    [row] = reader.json("list", "--json")
    article_id = row["id"]
    assert row["bookmarks"] == 0

    code, out, err = reader(
        "bookmarks", "add", article_id[:6], "--text", MARKED, "--note", "opposition at home", "--tag", "belarus"
    )
    assert code == 0, err
    assert "Bookmarked" in out
    [mark] = reader.json("bookmarks", "list", "--json")
    assert {k: mark[k] for k in ("article_id", "article_title", "text", "note", "tags", "status")} == {
        "article_id": article_id,
        "article_title": TITLE,
        "text": MARKED,
        "note": "opposition at home",
        "tags": ["belarus"],
        "status": "anchored",
    }
    assert set(mark) >= {"id", "article_id", "article_title", "text", "note", "tags", "created", "status"}
    assert reader.json("list", "--json")[0]["bookmarks"] == 1

    out_file = tmp_path / "report" / "bookmarks.md"
    assert reader("bookmarks", "export", "--format", "md", "-o", str(out_file), "--parents")[0] == 0
    markdown = out_file.read_text(encoding="utf-8")
    assert f"## {TITLE}" in markdown
    assert f"> {MARKED}" in markdown
    assert "**Note:** opposition at home" in markdown and "#belarus" in markdown

    # re-import: a paragraph added on top, a word changed inside the bookmarked paragraph
    changed = MARKED.replace("widespread", "broad")
    write_article(source, "Editor's note: updated with new figures.\n\n" + BODY.replace(MARKED, changed))
    assert reader("import", "-q", str(source))[0] == 0
    assert len(reader.json("list", "--json")) == 1
    [mark] = reader.json("bookmarks", "list", "--json")
    assert mark["status"] in ("anchored", "moved")
    assert mark["current_text"] == changed
    code, out, _ = reader("bookmarks", "export", "--format", "md")
    assert f"> {changed}" in out

    # the paragraph removed entirely: orphaned, still listed, still exported
    write_article(source, "\n\n".join(PARAGRAPHS[1:]))
    assert reader("import", "-q", str(source))[0] == 0
    [mark] = reader.json("bookmarks", "list", "--json")  # each command opens the library anew
    assert (mark["status"], mark["text"], mark["note"]) == ("orphaned", MARKED, "opposition at home")
    code, out, _ = reader("bookmarks", "list")
    assert code == 0 and "orphaned" in out
    code, out, _ = reader("bookmarks", "export", "--format", "md")
    orphans = out.split("## Orphaned passages", 1)[1]
    assert f"> {MARKED}" in orphans and "opposition at home" in orphans

    exported = reader.json("bookmarks", "export", "--format", "json")
    [full] = exported["bookmarks"]
    assert full["status"] == "orphaned" and full["article"]["title"] == TITLE
    assert full["selector"][0]["type"] == "TextQuoteSelector" and full["selector"][0]["exact"] == MARKED

    assert reader("bookmarks", "delete", mark["id"])[0] == 0
    assert reader.json("bookmarks", "list", "--json") == []


@pytest.fixture
def with_article(reader: Reader, tmp_path: Path) -> str:
    source = tmp_path / "belarus.txt"
    write_article(source, BODY)
    reader("import", "-q", str(source))
    return str(reader.json("list", "--json")[0]["id"])


def test_passage_not_found_is_one_clear_line(reader: Reader, with_article: str) -> None:
    code, out, err = reader("bookmarks", "add", with_article, "--text", "words that are not in the article")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not in article" in err and "Traceback" not in err
    code, _, err = reader("bookmarks", "add", with_article, "--text", "the")
    assert code == 1 and "occurs" in err
    code, _, err = reader("bookmarks", "add", "ffffffffffff", "--text", "the")
    assert code == 1 and "no article" in err


def test_typed_passage_is_found_despite_plain_quotes_and_spacing(reader: Reader, with_article: str) -> None:
    code, _, err = reader("bookmarks", "add", with_article, "--text", "Vladimir  Putin's recent invasion")
    assert code == 0, err
    [mark] = reader.json("bookmarks", "list", "--json")
    assert mark["text"] == "Vladimir Putin’s recent invasion"


def test_export_to_an_unwritable_place_fails_cleanly(reader: Reader, with_article: str, tmp_path: Path) -> None:
    reader("bookmarks", "add", with_article, "--text", "Kastus Kalinouski Battalion")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for target in (blocker / "out.md", tmp_path):
        code, out, err = reader("bookmarks", "export", "--format", "json", "-o", str(target))
        assert code == 1 and out == ""
        assert err.startswith("reader: error: ") and err.count("\n") == 1
    assert blocker.read_text() == "x"


def test_state_that_cannot_be_written_fails_cleanly(
    reader: Reader, with_article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: bytes, **_: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("reader.storage.atomic_write_bytes", refuse)
    code, out, err = reader("bookmarks", "add", with_article, "--text", "Kastus Kalinouski Battalion")
    assert code == 1 and out == ""
    assert err.startswith("reader: error: ") and "state.json: cannot write (Permission denied)" in err
    assert err.count("\n") == 1
    monkeypatch.undo()
    assert reader.json("bookmarks", "list", "--json") == []


def test_notes_cannot_put_escapes_on_the_terminal(reader: Reader, with_article: str) -> None:
    note = "see \x1b]8;;http://evil\x07this\x1b]8;;\x07 \x1b[2J\x1b[31mred\x9b1m"
    reader(
        "bookmarks", "add", with_article, "--text", "Kastus Kalinouski Battalion", "--note", note, "--tag", "ok\x1b[1m"
    )
    for args in (("list",), ("list", "--json"), ("export", "--format", "md"), ("export", "--format", "json")):
        code, out, _ = reader("bookmarks", *args)
        assert code == 0
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
        assert "red" in out
    [mark] = reader.json("bookmarks", "list", "--json")
    assert mark["note"] == "see this red" and mark["tags"] == ["ok"]


def test_edit_delete_and_errors(reader: Reader, with_article: str) -> None:
    reader("bookmarks", "add", with_article, "--text", "Kastus Kalinouski Battalion", "--tag", "units")
    [mark] = reader.json("bookmarks", "list", "--json")
    assert reader("bookmarks", "edit", mark["id"], "--note", "a battalion", "--tag", "a", "--tag", "b")[0] == 0
    [edited] = reader.json("bookmarks", "list", "--json")
    assert (edited["note"], edited["tags"]) == ("a battalion", ["a", "b"])
    assert reader.json("bookmarks", "list", "--json", "--filter", "#b")[0]["id"] == mark["id"]
    assert reader.json("bookmarks", "list", "--json", "--filter", "#units") == []
    code, _, err = reader("bookmarks", "delete", "0000000")
    assert code == 1 and "no bookmark" in err
    code, _, err = reader("bookmarks", "edit", mark["id"])
    assert code == 1 and "nothing to change" in err
    with pytest.raises(SystemExit) as usage:
        main(["bookmarks"])
    assert usage.value.code == 2


def test_bookmark_commands_do_not_load_textual(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    script = (
        "import sys; from reader.cli import main; "
        f"code = main(['--store', {str(store)!r}, 'bookmarks', 'list', '--json']); "
        "assert 'textual' not in sys.modules; sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
