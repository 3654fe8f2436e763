"""Fetches a feed must not make, fetches that never end, reads that never end, and sources that
must not sink the others (a local HTTP server on 127.0.0.1 plays every part)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.importers import collect
from reader.importers.fetch import Fetcher
from reader.importers.guard import AddressPolicy, Refused
from reader.library import Library
from tests.import_server import serve

ROOT = Path(__file__).resolve().parent.parent
TEASER = "A short teaser about the harbour."


@pytest.fixture
def site():
    with serve() as (base, requests):
        yield base, requests


def feed_file(tmp_path: Path, links: list[str], name: str = "local.xml") -> Path:
    items = "".join(
        f"<item><title>Item {i}</title><link>{link}</link><guid>g{i}</guid>"
        f"<description>{TEASER} ({i})</description></item>"
        for i, link in enumerate(links)
    )
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>{items}</channel></rss>')
    return path


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=ROOT, timeout=120, **kwargs
    )


# -- addresses a feed may not send reader to ---------------------------------------------------
def test_a_local_feed_cannot_make_reader_fetch_a_loopback_page(site, tmp_path, empty_store):
    base, requests = site
    feed = feed_file(tmp_path, [f"{base}/news/2024/03/sea-wall.html"])
    report = Library.open(empty_store).import_sources([str(feed)])
    assert requests == []  # nothing was asked of the local server
    (article,) = Library.open(empty_store).articles()
    assert article.body == f"{TEASER} (0)" and article.meta["summary_only"] is True
    ((_, note),) = report.partial
    assert "refused: 127.0.0.1 is a loopback address" in note


def test_the_import_line_says_which_articles_are_only_a_summary(site, tmp_path):
    base, _ = site
    feed = feed_file(tmp_path, [f"{base}/news/2024/03/sea-wall.html", f"{base}/nowhere.html"])
    result = run_cli("import", "--store", str(tmp_path / "library.json"), str(feed))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("reader: Item 0: kept the feed's summary (linked page ") for line in lines)
    assert "2 imported (2 only as the feed's summary), 0 updated, 0 unchanged, 0 failed" in result.stderr


def test_a_host_allowed_in_the_config_is_fetched(site, tmp_path, empty_store, isolated_dirs):
    base, requests = site
    config = Path(os.environ["READER_CONFIG"])
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[fetch]\nallow_hosts = ["127.0.0.1"]\n')
    feed = feed_file(tmp_path, [f"{base}/news/2024/03/sea-wall.html"])
    report = Library.open(empty_store).import_sources([str(feed)])
    assert requests == ["/news/2024/03/sea-wall.html"] and report.partial == []
    (article,) = Library.open(empty_store).articles()
    assert "sea wall" in article.body and "summary_only" not in article.meta


def test_a_redirect_to_a_host_the_user_did_not_name_is_refused_after_resolving_it(site):
    base, requests = site
    (item,) = list(collect([f"{base}/to-localhost"]))
    assert item.article is None
    assert item.error is not None and item.error.startswith("refused: localhost (")
    assert "loopback address" in item.error
    assert requests == ["/to-localhost"]


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://224.0.0.1/",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
        "file:///etc/passwd",
    ],
)
def test_private_link_local_multicast_and_other_schemes_are_refused(url):
    with pytest.raises(Refused):
        AddressPolicy().check_url(url)


def test_names_that_resolve_to_private_addresses_are_refused_unless_named():
    with pytest.raises(Refused, match="loopback"):
        AddressPolicy().addresses("localhost", 80)
    assert AddressPolicy(["localhost"]).addresses("localhost", 80)


# -- one bad source never sinks the others ------------------------------------------------------
def test_a_redirect_to_javascript_is_one_line_and_the_other_sources_import(site, tmp_path):
    base, _ = site
    note = tmp_path / "note.txt"
    note.write_text("Harbour note\n\nThe quay reopened on Monday.\n")
    store = tmp_path / "library.json"
    result = run_cli("import", "--store", str(store), f"{base}/to-javascript", str(note))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("reader: ")]
    assert len(errors) == 1 and errors[0].startswith(f"reader: {base}/to-javascript: ")
    assert "1 imported" in result.stderr


def test_an_opml_list_that_lists_itself_is_read_once(site):
    base, requests = site
    items = list(collect([f"{base}/feeds/self.opml"]))
    assert requests.count("/feeds/self.opml") == 1
    assert requests.count("/feeds/rss.xml") == 1
    assert items and all(item.article is not None for item in items), [i.error for i in items if i.error]


def test_opml_lists_nested_without_end_stop_at_the_depth_limit(site):
    base, requests = site
    # each list names another address, so only the depth limit ends the chain
    items = list(collect([f"{base}/deep/0.opml"]))
    assert requests == ["/deep/0.opml", "/deep/1.opml", "/deep/2.opml", "/deep/3.opml"]
    (item,) = items
    assert item.error == "not read: OPML lists nested more than 3 deep"


def test_an_empty_argument_is_refused_not_read_as_the_current_folder(tmp_path):
    (tmp_path / "here.txt").write_text("Here\n\nA file in the current folder.\n")
    store = tmp_path / "library.json"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", "--store", str(store), ""],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "reader: '': empty argument (not a file, folder or URL)" in result.stderr
    assert "0 imported" in result.stderr


def test_a_file_name_that_is_not_utf8_is_one_line_and_its_article_imports(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_bytes(b"Cafe reopens\n\nThe cafe on the quay reopened.\n")
    (folder / os.fsdecode(b"bad\xff.txt")).write_bytes(b"")
    store = tmp_path / "library.json"
    result = run_cli("import", "--store", str(store), "--json", str(folder))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # the empty one failed
    assert f"reader: {folder}/bad\\xff.txt: empty (no text)" in result.stderr
    report = json.loads(result.stdout)
    assert len(report["added"]) == 1
    listed = json.loads(run_cli("list", "--store", str(store), "--json").stdout)
    assert [row["title"] for row in listed] == ["Cafe reopens"]


# -- every fetch has a total deadline; a feed's pages have a cap --------------------------------
@pytest.mark.parametrize("path", ["/drip.html", "/drip-headers"])
def test_a_server_dripping_a_byte_at_a_time_is_timed_out_by_the_total_deadline(site, path):
    base, _ = site
    (item,) = list(collect([base + path], fetcher_factory=lambda: Fetcher(deadline=1.5)))
    assert item.error == "timed out"


def test_a_feed_keeps_what_arrived_when_its_pages_are_slow(site, tmp_path, monkeypatch):
    base, _ = site
    monkeypatch.setattr("reader.importers.FEED_PAGES_SECONDS", 3.0)
    links = [f"{base}/drip.html", f"{base}/news/2024/03/sea-wall.html"]
    feed = feed_file(tmp_path, links)
    items = list(collect([str(feed), *links[1:]], fetcher_factory=lambda: Fetcher(allow_hosts=["127.0.0.1"])))
    by_link = {item.article.url: item for item in items if item.article}
    slow = by_link[f"{base}/drip.html"]
    assert slow.article.meta["summary_only"] and slow.note and "timed out" in slow.note
    assert "summary_only" not in by_link[f"{base}/news/2024/03/sea-wall.html"].article.meta


def test_one_feed_fetches_at_most_its_cap_of_pages(site, tmp_path, monkeypatch):
    base, requests = site
    monkeypatch.setattr("reader.importers.MAX_PAGES_PER_FEED", 5)
    feed = feed_file(tmp_path, [f"{base}/bulk/{n}.html" for n in range(12)])
    items = list(collect([str(feed)], fetcher_factory=lambda: Fetcher(allow_hosts=["127.0.0.1"])))
    assert len(requests) == 5
    assert len([i for i in items if i.article is not None]) == 12  # the rest keep their summaries
    assert len([i for i in items if i.note and "not fetched (a feed may fetch 5 pages)" in i.note]) == 7


# -- reads that never end ------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["device", "symlink", "fifo"])
def test_devices_and_pipes_are_refused_without_reading_them(tmp_path, kind):
    if kind == "device":
        target = "/dev/zero"
    elif kind == "symlink":
        target = str(tmp_path / "zero.txt")
        os.symlink("/dev/zero", target)
    else:
        target = str(tmp_path / "pipe.txt")
        os.mkfifo(target)
    store = tmp_path / "library.json"
    result = run_cli("import", "--store", str(store), target)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"reader: {target}: not a regular file" in result.stderr
    analyzed = run_cli("analyze", target)
    assert analyzed.returncode == 1 and "Traceback" not in analyzed.stderr
    assert analyzed.stderr.startswith(f"reader: error: {target}: not a regular file")


def test_endless_standard_input_is_read_up_to_the_cap(tmp_path):
    store = tmp_path / "library.json"
    with open("/dev/zero", "rb") as zero:
        result = run_cli("import", "--store", str(store), "-", stdin=zero)
    assert result.returncode == 1
    assert "reader: stdin: too large (standard input is read up to 50 MB" in result.stderr
    with open("/dev/zero", "rb") as zero:
        analyzed = run_cli("analyze", "-", stdin=zero)
    assert analyzed.returncode == 1 and "too large" in analyzed.stderr
