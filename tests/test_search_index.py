"""The index is derived data: built on first search, rebuilt when missing, damaged, old or stale,
and kept in step with imports and deletions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from bench.corpus import make_article
from reader.library import Library
from reader.store import ArticleStore
from tests.search_corpus import build_library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib, _ = build_library(tmp_path / "lib" / "articles.json")
    return lib


def index_folder(library: Library) -> str:
    return orjson.loads(library.search_index.meta_path.read_bytes())["dir"]


def test_importing_does_not_build_the_index_the_first_search_does(library: Library) -> None:
    assert library.search_index.status() == "missing"
    assert library.search("zephyrquill").total == 2
    assert library.search_index.status() == "ok"


def test_a_deleted_index_is_rebuilt(library: Library) -> None:
    library.search("zephyrquill")
    import shutil

    shutil.rmtree(library.search_index.dir)
    assert library.search("zephyrquill").total == 2
    fresh = Library.open(library.path)
    shutil.rmtree(fresh.search_index.dir)
    assert fresh.search("zephyrquill").total == 2


@pytest.mark.parametrize("damage", ["meta-garbage", "meta-empty", "engine-files", "engine-meta"])
def test_a_corrupt_index_is_rebuilt(library: Library, damage: str) -> None:
    expected = {h.title for h in library.search("zephyrquill").hits}
    folder = library.search_index.dir / index_folder(library)
    if damage == "meta-garbage":
        library.search_index.meta_path.write_bytes(b"\x00not json{")
    elif damage == "meta-empty":
        library.search_index.meta_path.write_bytes(b"")
    elif damage == "engine-meta":
        (folder / "meta.json").write_text("{ broken")
    else:
        for file in folder.iterdir():
            if file.suffix in (".store", ".idx", ".term", ".pos"):
                data = bytearray(file.read_bytes())
                data[::7] = bytes(b ^ 0xFF for b in data[::7])
                file.write_bytes(bytes(data))
    reopened = Library.open(library.path)
    assert reopened.search_index.status() == "unusable"
    assert {h.title for h in reopened.search("zephyrquill").hits} == expected
    assert reopened.search_index.status() == "ok"


def test_an_index_of_an_old_version_is_rebuilt(library: Library) -> None:
    library.search("zephyrquill")
    before = index_folder(library)
    meta = orjson.loads(library.search_index.meta_path.read_bytes())
    library.search_index.meta_path.write_bytes(orjson.dumps({**meta, "version": 0}))
    reopened = Library.open(library.path)
    assert reopened.search("zephyrquill").total == 2
    assert index_folder(reopened) != before
    assert not (reopened.search_index.dir / before).exists()


def test_a_store_changed_by_another_process_is_noticed(library: Library) -> None:
    assert library.search("glimmerfen").total == 1
    store = ArticleStore(library.path)  # a writer that knows nothing of the index
    store.delete([h.id for h in library.search("glimmerfen").hits])
    store.close()
    assert library.search_index.status() == "stale"
    assert library.search("glimmerfen").total == 0


def test_imports_and_deletions_update_the_index_in_place(library: Library, tmp_path: Path) -> None:
    assert library.search("nightjar").total == 0
    folder = index_folder(library)
    from dataclasses import replace

    extra = make_article(999, seed=3)
    library.add([replace(extra, body=extra.body + "\n\nA nightjar called.")])
    assert [h.id for h in library.search("nightjar").hits] == [extra.id]
    text = tmp_path / "owl.txt"
    text.write_text("The Owl Report\n\nA nightjar and an owl were heard near the river at night.\n")
    report = library.import_sources([str(text)])
    assert report.added and library.search("nightjar").total == 2
    library.delete([extra.id])
    assert [h.title for h in library.search("nightjar").hits] == ["The Owl Report"]
    assert index_folder(library) == folder  # updated, not rebuilt
    assert library.search_index.status() == "ok"


def test_an_update_seen_by_a_second_library_on_the_same_store(library: Library) -> None:
    library.search("zephyrquill")
    other = Library.open(library.path)
    from dataclasses import replace

    extra = make_article(998, seed=3)
    other.add([replace(extra, title="Nightjar Season")])
    assert [h.title for h in library.search("title:nightjar").hits] == ["Nightjar Season"]


def test_reindex_rebuilds(library: Library) -> None:
    assert library.reindex() == len(library)
    assert library.search_index.status() == "ok"


def test_opening_the_library_does_not_load_the_engine(library: Library) -> None:
    code = (
        "import sys\nfrom reader.library import Library\n"
        f"lib = Library.open({str(library.path)!r})\nlib.articles()\n"
        "assert 'tantivy' not in sys.modules, 'tantivy imported'\n"
        "lib.search('zephyrquill')\nassert 'tantivy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
