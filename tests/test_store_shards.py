"""A big library in shards: the split on first write past the threshold, writes that touch only
their shard, a damaged shard mended on its own, and a list built from the shards' summaries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from reader import doctor, shards
from reader.importers.common import build_article
from reader.library import Library
from reader.models import Article
from reader.store import ArticleStore
from tests.conftest import ROOT


def article(n: int, body: str = "") -> Article:
    return build_article(title=f"Story {n}", body=body or f"What happened on day {n}. Words about it.", source="desk")


@pytest.fixture
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Libraries of more than 4 articles are sharded, 3 articles a shard."""
    monkeypatch.setenv("READER_SHARD_THRESHOLD", "4")
    monkeypatch.setenv("READER_SHARD_SIZE", "3")


def files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.usefixtures("small_shards")
def test_a_small_library_stays_one_file_and_a_big_one_is_split_on_its_next_write(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    store = ArticleStore(path)
    store.upsert([article(n) for n in range(4)])
    assert not store.sharded and not shards.shard_dir(path).exists()
    store.upsert([article(n) for n in range(4, 8)])
    assert store.sharded
    manifest = shards.read_manifest(path)
    assert manifest is not None and sorted(manifest.shards) == ["s0000", "s0001", "s0002"]
    assert not (tmp_path / "articles.json.single.bak").exists()  # removed once the shards read back whole
    reopened = ArticleStore(path)
    assert sorted(a.title for a in reopened.all()) == sorted(f"Story {n}" for n in range(8))
    assert reopened.get(article(6).id).title == "Story 6"


@pytest.mark.usefixtures("small_shards")
def test_a_crash_in_the_middle_of_the_split_leaves_the_single_file_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "articles.json"
    ArticleStore(path).upsert([article(n) for n in range(4)])
    before = path.read_bytes()

    def killed(self: shards.Writer) -> None:
        raise KeyboardInterrupt  # as a kill would: shards written, the manifest not yet

    monkeypatch.setattr(shards.Writer, "commit", killed)
    with pytest.raises(KeyboardInterrupt):
        ArticleStore(path).upsert([article(4), article(5)])
    assert path.read_bytes() == before
    assert shards.orphans(shards.Manifest(path))  # the shards of the split that did not commit
    assert sorted(a.title for a in ArticleStore(path).all()) == [f"Story {n}" for n in range(4)]
    monkeypatch.undo()
    monkeypatch.setenv("READER_SHARD_THRESHOLD", "4")
    monkeypatch.setenv("READER_SHARD_SIZE", "3")
    ArticleStore(path).upsert([article(4), article(5)])
    manifest = shards.read_manifest(path)
    assert manifest is not None and manifest.count == 6
    assert not shards.orphans(manifest)  # the next write removed what the killed one left


@pytest.mark.usefixtures("small_shards")
def test_a_write_rewrites_only_the_shard_it_changes_and_the_manifest(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    store = ArticleStore(path)
    store.upsert([article(n) for n in range(9)])  # keys 1-9: shards s0000, s0001, s0002
    folder = shards.shard_dir(path)
    before, manifest_before = files(folder), path.stat().st_ino
    store.upsert([article(4, "A corrected account of day four.")])  # key 5, in s0001
    after = files(folder)
    assert path.stat().st_ino != manifest_before
    unchanged = {name for name in before if after.get(name) == before[name]}
    assert {n for n in unchanged if n.startswith(("s0000", "s0002"))} == {
        n for n in before if n.startswith(("s0000", "s0002"))
    }
    assert not any(name.startswith("s0001.g") for name in unchanged)
    assert "s0001.json.bak" in after  # the version replaced is the shard's backup
    assert ArticleStore(path).get(article(4).id).body == "A corrected account of day four."
    store.delete([article(0).id])
    assert all(files(folder).get(n) == after[n] for n in after if n.startswith(("s0001.g", "s0002")))


@pytest.mark.usefixtures("small_shards")
def test_doctor_mends_a_damaged_shard_from_its_backup_and_leaves_the_others(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    store = ArticleStore(path)
    store.upsert([article(n) for n in range(6)])
    store.upsert([article(n) for n in range(6, 9)])
    store.upsert([article(2, "Day two, told again.")])  # s0000 rewritten: its backup holds all three
    manifest = shards.read_manifest(path)
    assert manifest is not None
    damaged = shards.shard_dir(path) / manifest.shards["s0000"].file
    damaged.write_bytes(damaged.read_bytes()[:-300])  # cut short inside its last article
    others = {
        name: (shards.shard_dir(path) / s.file).read_bytes() for name, s in manifest.shards.items() if name != "s0000"
    }
    with pytest.raises(Exception, match="doctor"):
        ArticleStore(path).all()
    assert not doctor.run(path).healthy
    report = doctor.run(path, repair=True)
    assert report.healthy, report.lines
    assert any(status == "fixed" and "shard s0000" in text for status, text in report.lines)
    titles = sorted(a.title for a in ArticleStore(path).all())
    assert titles == sorted(f"Story {n}" for n in range(9))
    after = shards.read_manifest(path)
    assert after is not None
    assert {
        n: (shards.shard_dir(path) / s.file).read_bytes() for n, s in after.shards.items() if n != "s0000"
    } == others
    assert list(shards.shard_dir(path).glob(f"{damaged.name}.corrupt-*"))  # the damaged file kept aside


@pytest.mark.usefixtures("small_shards")
def test_doctor_asks_before_a_repair_that_would_lose_an_article(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    ArticleStore(path).upsert([article(n) for n in range(7)])  # s0002 holds key 7 only, no backup
    manifest = shards.read_manifest(path)
    assert manifest is not None
    shard = shards.shard_dir(path) / manifest.shards["s0002"].file
    shard.write_bytes(b'{\n  "_meta": {')
    refused = doctor.run(path, repair=True)
    assert not refused.healthy and any("would lose 1 article" in text for _, text in refused.lines)
    assert shard.read_bytes() == b'{\n  "_meta": {'  # left as it is
    agreed = doctor.run(path, repair=True, confirm=lambda label, lost: True)
    assert agreed.healthy
    assert len(ArticleStore(path)) == 6


@pytest.mark.usefixtures("small_shards")
def test_the_list_of_a_sharded_library_is_built_from_its_summaries(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    ArticleStore(path).upsert([article(n) for n in range(8)])
    library = Library(path)
    rows = library.list_rows()
    assert sorted(r.title for r in rows) == sorted(f"Story {n}" for n in range(8))
    assert library.catalog.documents() is None  # the list only: documents come from the shards
    opened = library.require(article(5).id)
    assert opened.body == article(5).body
    # the shard read to open it went into the catalog: its neighbour opens from there
    library.close()  # waits for the catalog to have them
    fresh, doc = library.catalog.document(article(4).id)
    assert fresh and doc is not None and doc["body"] == article(4).body
    assert library.catalog.document(article(0).id) == (False, None)  # another shard: not read yet
    assert library.search("happened").total == 8


def test_another_process_writing_a_sharded_library_changes_its_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_SHARD_THRESHOLD", "0")
    monkeypatch.setenv("READER_SHARD_SIZE", "2")
    path = tmp_path / "articles.json"
    library = Library(path)
    library.add([article(n) for n in range(3)])
    seen = library.list_fingerprint()
    assert len(library.list_rows()) == 3
    new = tmp_path / "new.txt"
    new.write_text("Late news\n\nSomething happened late.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", "-q", "--store", str(path), str(new)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert library.list_fingerprint() != seen
    assert "Late news" in {r.title for r in library.list_rows()}


@pytest.mark.usefixtures("small_shards")
def test_importing_into_a_sharded_library_folds_duplicates_onto_stored_articles(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    library = Library(path)
    library.add([article(n) for n in range(6)])
    assert library.store.sharded
    copy = tmp_path / "copy.txt"
    copy.write_text(f"Another title\n\n{article(3).body}\n", encoding="utf-8")  # same text, another title
    report = library.import_sources([str(copy)])
    assert not report.added and len(library) == 6


@pytest.mark.usefixtures("small_shards")
def test_doctor_rebuilds_a_damaged_manifest_from_the_shards(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    ArticleStore(path).upsert([article(n) for n in range(8)])
    path.write_bytes(path.read_bytes()[:200])  # the manifest cut short
    with pytest.raises(Exception, match="doctor"):
        ArticleStore(path).all()
    assert not doctor.run(path).healthy
    report = doctor.run(path, repair=True)
    assert report.healthy, report.lines
    assert sorted(a.title for a in ArticleStore(path).all()) == sorted(f"Story {n}" for n in range(8))
    assert list(tmp_path.glob("articles.json.corrupt-*"))
    ArticleStore(path).upsert([article(8)])  # and it takes writes again
    assert len(ArticleStore(path)) == 9


@pytest.mark.usefixtures("small_shards")
@pytest.mark.parametrize("cut", [5, 200])
def test_a_manifest_cut_anywhere_is_rebuilt_from_the_shards_not_taken_for_a_single_file(
    tmp_path: Path, cut: int
) -> None:
    path = tmp_path / "articles.json"
    ArticleStore(path).upsert([article(n) for n in range(8)])
    path.write_bytes(path.read_bytes()[:cut])
    assert doctor.run(path, repair=True).healthy
    assert sorted(a.title for a in ArticleStore(path).all()) == sorted(f"Story {n}" for n in range(8))


def test_a_writer_in_shards_never_trusts_its_cached_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_SHARD_THRESHOLD", "0")
    monkeypatch.setenv("READER_SHARD_SIZE", "2")
    path = tmp_path / "articles.json"
    first, second = ArticleStore(path), ArticleStore(path)
    first.upsert([article(1)])
    second.upsert([article(2)])
    # The first store's manifest now looks current (as after inode reuse within one mtime tick).
    first.shards._seen = shards.read_manifest(path).stamp  # type: ignore[union-attr]
    first.upsert([article(3)])
    assert sorted(a.title for a in ArticleStore(path).all()) == ["Story 1", "Story 2", "Story 3"]


def test_the_sample_and_small_libraries_stay_one_plain_file(sample_store: Path) -> None:
    library = Library(sample_store)
    library.add([article(n) for n in range(20)])
    assert not library.store.sharded and not shards.shard_dir(sample_store).exists()
    raw = orjson.loads(sample_store.read_bytes())
    assert set(raw) == {"_meta", "articles"} and len(raw["articles"]) == len(library)


@pytest.mark.usefixtures("small_shards")
def test_doctor_takes_a_damaged_shards_articles_from_the_catalog_when_it_has_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    library = Library(path)
    library.add([article(n) for n in range(8)])  # the write that splits it: no shard has a backup yet
    manifest = shards.read_manifest(path)
    assert manifest is not None and not list(shards.shard_dir(path).glob("*.bak"))
    damaged = shards.shard_dir(path) / manifest.shards["s0001"].file
    damaged.write_bytes(damaged.read_bytes()[:100])
    report = doctor.run(path, repair=True)
    assert report.healthy, report.lines
    assert len(ArticleStore(path)) == 8
