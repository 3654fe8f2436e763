"""Plain-text import of the seed layout and the bundled sample built from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from reader.importers.common import ImportError_
from reader.importers.plaintext import parse_text
from reader.library import Library
from reader.text import normalize_body, strip_controls
from tests.conftest import SAMPLE_STORE, SEED_EXPECTED, SEED_TXT


def test_seed_import_separates_title_counters_and_body() -> None:
    article = parse_text(SEED_TXT.read_text(encoding="utf-8"), source=SEED_TXT.name)
    expected = orjson.loads(SEED_EXPECTED.read_bytes())
    assert article.title == expected["title"]
    assert article.meta["counters"] == expected["counters"] == [0, 1246]
    assert article.body.startswith("Hundreds of Belarusians have joined the fight")
    assert article.body.endswith("Luckily,” Liubakova added")
    assert "1246" not in article.body.split("\n\n")[0][:20]
    assert article.body == expected["text"]
    assert article.truncated is True
    assert len(article.body.split("\n\n")) == 4


def test_typographic_characters_are_kept_and_controls_removed() -> None:
    text = "Title\x07\n\nShe said: “it’s fine…” — \x1b[31mred\x1b[0m\x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07.\r\n"
    article = parse_text(text)
    assert article.title == "Title"
    assert article.body == "She said: “it’s fine…” — redlink."
    assert article.truncated is False


def test_whitespace_and_line_endings_are_normalised() -> None:
    body = normalize_body("  One\r\nline  wrapped\r\n\r\n\r\n\tTwo\u00a0 words \n")
    assert body == "One line wrapped\n\nTwo words"


def test_escape_sequences_of_every_kind_are_removed() -> None:
    hostile = "a\x1b[2Jb\x1b]0;title\x1b\\c\x9b31md\x1bPdcs\x1b\\e\u202ef\x1b]unterminated"
    assert strip_controls(hostile) == "abcde f"  # the override stood between two words


def test_empty_input_is_refused() -> None:
    with pytest.raises(ImportError_):
        parse_text("\n\n  \n")
    with pytest.raises(ImportError_):
        parse_text("Only a title\n\n")


def test_bundled_sample_equals_a_fresh_import(tmp_path: Path) -> None:
    store = tmp_path / "fresh.json"
    subprocess.run(
        [sys.executable, "-m", "reader", "import", "-q", "--store", str(store), str(SEED_TXT)],
        check=True,
        env={"SOURCE_DATE_EPOCH": "1795564800", "PATH": "/usr/bin:/bin"},
    )
    assert store.read_bytes() == SAMPLE_STORE.read_bytes(), "run 'make sample' to rebuild data/articles.json"


def test_sample_library_opens_with_the_seed_article() -> None:
    library = Library.open(SAMPLE_STORE)
    [article] = library.articles()
    assert article.title == "Hundreds Of Belarus Citizens Unite To Fight For Ukraine"
    assert article.analysis is not None and article.analysis.quotes


def test_default_store_is_created_from_the_sample_on_first_run(isolated_dirs: Path) -> None:
    library = Library.open()
    assert library.path == isolated_dirs / "data" / "articles.json"
    assert library.path.read_bytes() == SAMPLE_STORE.read_bytes()
    assert len(library) == 1
