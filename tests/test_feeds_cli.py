"""``reader feeds ...`` and ``reader refresh`` as a user runs them (subprocess), against a local server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.feeds.opml import read_outlines
from reader.importers.common import ImportError_
from tests.feed_server import Site, full_items, rss, serve


@pytest.fixture
def site():
    with serve() as running:
        yield running


def reader(store: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--store", str(store), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "COLUMNS": "160"},
        timeout=120,
    )


def test_add_refresh_list_and_show_know_the_feed(site: Site, empty_store: Path) -> None:
    url = site.feed("/ledger.xml", rss("The Coastal Ledger", full_items(site.base, "ledger", 2)))
    added = reader(empty_store, "feeds", "add", url, "--name", "Ledger")
    assert added.returncode == 0, added.stderr
    assert "Subscribed" in added.stdout and "'Ledger'" in added.stdout
    before = json.loads(reader(empty_store, "feeds", "list", "--json").stdout)
    assert [(f["name"], f["url"], f["articles"], f["last_refresh"], f["status"]) for f in before] == [
        ("Ledger", url, 0, None, "new")
    ]

    refreshed = reader(empty_store, "refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert "2 new, 0 updated from 1 feed" in refreshed.stderr

    listed = json.loads(reader(empty_store, "feeds", "list", "--json").stdout)[0]
    assert (listed["articles"], listed["unread"], listed["last_error"]) == (2, 2, None)
    assert listed["last_refresh"]
    rows = json.loads(reader(empty_store, "list", "--json").stdout)
    assert {row["feed"] for row in rows} == {"Ledger"}
    shown = json.loads(reader(empty_store, "show", rows[0]["id"], "--json").stdout)
    assert shown["feed"] == "Ledger"
    table = reader(empty_store, "feeds", "list").stdout
    assert "Ledger" in table and url in table and "ok" in table


def test_refresh_prints_one_line_per_failing_feed_and_exits_1(site: Site, empty_store: Path) -> None:
    good = site.feed("/good.xml", rss("Good", full_items(site.base, "good", 1)))
    for args in (
        (good, "--name", "Good"),
        (site.status("/missing.xml", 404), "--name", "Missing"),
        (site.feed("/page.xml", "<html><body>not a feed</body></html>", content_type="text/html"), "--name", "Page"),
    ):
        assert reader(empty_store, "feeds", "add", *args).returncode == 0
    result = reader(empty_store, "refresh")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("reader: ")]
    assert sorted(errors)[0].startswith("reader: Missing: HTTP 404")
    assert sorted(errors)[1].startswith("reader: Page: not a feed")
    assert len(errors) == 2 and "Traceback" not in result.stderr
    assert "1 new" in result.stderr
    named = reader(empty_store, "refresh", "Good", "--json")  # only the one named
    assert named.returncode == 0
    outcome = json.loads(named.stdout)
    assert [(f["feed"], f["status"], f["added"]) for f in outcome["feeds"]] == [("Good", "ok", 0)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("feeds", "add", "ftp://example.org/feed"), "is not an http(s) URL"),
        (("feeds", "remove", "nothing"), "no feed named 'nothing'"),
        (("refresh",), "no feeds to refresh"),
        (("feeds", "import", "/nonexistent.opml"), "cannot read"),
        (("refresh", "--jobs", "0"), "--jobs must be more than 0"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(empty_store: Path, args: tuple[str, ...], message: str) -> None:
    result = reader(empty_store, *args)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_the_same_feed_twice_is_refused(empty_store: Path) -> None:
    assert reader(empty_store, "feeds", "add", "https://example.org/feed.xml").returncode == 0
    again = reader(empty_store, "feeds", "add", "https://example.org/feed.xml")
    assert again.returncode == 1 and "already subscribed" in again.stderr


def test_opml_round_trip(tmp_path: Path, empty_store: Path) -> None:
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        """<?xml version="1.0"?>
<opml version="1.0"><head><title>From another reader</title></head><body>
  <outline text="News">
    <outline text="The Coastal Ledger" type="rss" xmlUrl="https://ledger.example.org/rss.xml"/>
    <outline title="Agence &amp; Co" text="ignored" type="rss" xmlUrl="https://agence.example.org/atom"/>
  </outline>
  <outline text="Bare" xmlUrl="http://bare.example.org/feed"/>
  <outline text="Not a feed" htmlUrl="https://example.org/"/>
</body></opml>""",
        encoding="utf-8",
    )
    imported = reader(empty_store, "feeds", "import", str(opml))
    assert imported.returncode == 0 and "Subscribed to 3 feeds" in imported.stdout
    again = reader(empty_store, "feeds", "import", str(opml))
    assert "Subscribed to 0 feeds" in again.stdout and "3 already subscribed" in again.stdout

    out = tmp_path / "out.opml"
    exported = reader(empty_store, "feeds", "export", "-o", str(out))
    assert exported.returncode == 0 and "Exported 3 feeds" in exported.stderr
    expected = {
        ("https://ledger.example.org/rss.xml", "The Coastal Ledger"),
        ("https://agence.example.org/atom", "Agence & Co"),
        ("http://bare.example.org/feed", "Bare"),
    }
    assert set(read_outlines(out.read_bytes())) == expected
    # The exported file subscribes another library to the same feeds, under the same names.
    other = tmp_path / "other" / "articles.json"
    assert reader(other, "feeds", "import", str(out)).returncode == 0
    names = {(f["url"], f["name"]) for f in json.loads(reader(other, "feeds", "list", "--json").stdout)}
    assert names == expected
    assert reader(empty_store, "feeds", "export").stdout.startswith("<?xml")


@pytest.mark.parametrize("external", [False, True])
def test_opml_that_declares_entities_is_refused(tmp_path: Path, empty_store: Path, external: bool) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "' + "&a;" * 10 + '"><!ENTITY c "' + "&b;" * 10 + '">'
    if external:
        entities += '<!ENTITY ext SYSTEM "file:///etc/passwd">'
    bomb = tmp_path / "bomb.opml"
    bomb.write_text(
        f'<?xml version="1.0"?><!DOCTYPE opml [{entities}]><opml version="2.0"><body>'
        f'<outline text="&c;{"&ext;" if external else ""}" xmlUrl="https://example.org/feed"/></body></opml>'
    )
    with pytest.raises(ImportError_):
        read_outlines(bomb.read_bytes())
    result = reader(empty_store, "feeds", "import", str(bomb))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert json.loads(reader(empty_store, "feeds", "list", "--json").stdout) == []


def test_a_summary_kept_for_a_missing_page_is_said_so(site: Site, empty_store: Path) -> None:
    teaser = [{"title": "Sea wall vote", "link": f"{site.base}/gone.html", "summary": "Councillors voted on the wall."}]
    assert reader(empty_store, "feeds", "add", site.feed("/teaser.xml", rss("Teasers", teaser))).returncode == 0
    refreshed = reader(empty_store, "refresh")
    assert refreshed.returncode == 0 and "1 only as the feed's summary" in refreshed.stderr
    [row] = json.loads(reader(empty_store, "list", "--json").stdout)
    shown = reader(empty_store, "show", row["id"]).stdout
    assert "Councillors voted on the wall." in shown and "Only the feed's summary" in shown and "404" in shown


def test_refresh_shows_a_progress_bar_on_a_terminal(site: Site, empty_store: Path) -> None:
    import pty

    for n in range(3):
        url = site.feed(f"/f{n}.xml", rss(f"Feed {n}", full_items(site.base, f"f{n}", 2)), delay=0.3)
        assert reader(empty_store, "feeds", "add", url).returncode == 0
    master, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--store", str(empty_store), "refresh"],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm-256color"},
    )
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=120) == 0
    os.close(master)
    assert b"Fetching" in seen and b"6 new, 0 updated from 3 feeds" in seen
