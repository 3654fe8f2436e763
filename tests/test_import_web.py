"""Importing from the web: pages, RSS and Atom feeds, OPML, served by a local HTTP server."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from reader.importers import collect
from reader.importers.fetch import Fetcher
from reader.library import Library
from reader.models import Article
from tests.import_server import serve

ROOT = Path(__file__).resolve().parent.parent
BOILERPLATE = (
    "Subscribe for £1 a week",  # navigation
    "Luxury cruises",  # ad blocks
    "Switch your energy supplier",
    "Hearing aids",
    "Advertisement",
    "Sponsored",
    "Share on",  # share bars
    "Tweet",
    "WhatsApp",
    "shares",
    "Related stories",  # related links
    "Storm floods Port Elwen harbour front",
    "Read more",
    "Most read",
    "You may also like",
    "All rights reserved",  # footers
    "Privacy policy",
    "Contact us",
    "cookies",
    "Sign up",  # newsletter box
    "Comments",
    "Log in",
    "Jobs near you",
)
SEA_WALL_OPENING = "Councillors in Port Elwen voted on Wednesday night to rebuild the town's Victorian sea wall"
SEA_WALL_ENDING = "“If it happens again, we will not reopen.”"


@pytest.fixture
def site():
    with serve() as (base, requests):
        yield base, requests


def by_title(library: Library) -> dict[str, Article]:
    return {a.title: a for a in library.articles()}


def assert_clean_body(article: Article) -> None:
    for phrase in BOILERPLATE:
        assert phrase not in article.body, f"{phrase!r} leaked into the body of {article.title!r}"
    assert "<" not in article.body and "](" not in article.body  # no markup
    assert "\n\n\n" not in article.body and article.body == article.body.strip()


def test_html_page_gives_text_metadata_and_links_without_boilerplate(site, empty_store):
    base, _ = site
    library = Library.open(empty_store)
    report = library.import_sources([f"{base}/news/2024/03/sea-wall.html"])
    assert report.ok and len(report.added) == 1
    article = library.articles()[0]
    assert article.title == "Harbour town votes to rebuild its sea wall"
    assert article.source == "The Coastal Ledger"
    assert article.authors == ["Marta Quillon"]
    assert article.published == "2024-03-14"
    assert article.url == f"{base}/news/2024/03/sea-wall.html"
    assert article.body.startswith(SEA_WALL_OPENING)
    assert article.body.endswith(SEA_WALL_ENDING)
    assert article.body.count("\n\n") == 5  # six paragraphs, one blank line between each
    assert_clean_body(article)
    links = {link.text: link for link in article.links}
    assert set(links) == {"council's published plan", "agency's flood risk assessment"}
    agency = links["agency's flood risk assessment"]
    assert agency.url == "https://agency.example.gov/reports/port-elwen-flood-risk"
    assert article.body[agency.start : agency.end] == "agency's flood risk assessment"
    plan = links["council's published plan"]
    assert plan.url == f"{base}/documents/sea-wall-plan.pdf"
    assert article.body[plan.start : plan.end] == "council's published plan"


def test_rss_feed_entries_become_articles_with_feed_source_and_dates(site, empty_store):
    base, requests = site
    library = Library.open(empty_store)
    report = library.import_sources([f"{base}/feeds/rss.xml"])
    assert report.ok, report.failed
    articles = by_title(library)
    assert set(articles) == {
        "Harbour town votes to rebuild its sea wall",
        "Ferry crews announce strike over rotas",
        "Harbour master retires after forty years",
    }
    for article in articles.values():
        assert article.source == "The Coastal Ledger: Local news"
        assert_clean_body(article)
    # A teaser entry is completed from its page; tracking parameters do not reach the URL.
    sea_wall = articles["Harbour town votes to rebuild its sea wall"]
    assert sea_wall.body.startswith(SEA_WALL_OPENING)
    assert sea_wall.url == f"{base}/news/2024/03/sea-wall.html"
    assert sea_wall.published == "2024-03-14T08:30:00Z"
    ferry = articles["Ferry crews announce strike over rotas"]
    assert "87 per cent of members" in ferry.body
    assert {link.text for link in ferry.links} == {"ballot result", "new summer timetable"}
    assert f"{base}/transport/gull-line-timetable-2024" in {link.url for link in ferry.links}
    # An entry carrying its full text is taken as it is: its page (which does not exist) is not fetched.
    master = articles["Harbour master retires after forty years"]
    assert master.body.startswith("Emyr Lewis, who has been Port Elwen's harbour master since 1984")
    assert master.published == "2024-03-20T09:00:00Z"
    assert not any("harbour-master" in path for path in requests)
    (link,) = master.links
    assert master.body[link.start : link.end] == "the minutes of the appointment meeting"


def test_atom_feed_entries_are_completed_from_their_pages(site, empty_store):
    base, _ = site
    library = Library.open(empty_store)
    report = library.import_sources([f"{base}/feeds/atom.xml"])
    assert report.ok, report.failed
    articles = by_title(library)
    lifeboat = articles["New lifeboat arrives after town raises £400,000"]
    assert lifeboat.source == "Harbour Voice"
    assert lifeboat.published == "2024-04-02T09:15:00Z"
    assert lifeboat.authors == ["Non Griffiths"]
    assert lifeboat.url == f"{base}/community/lifeboat.html"  # canonical, tracking parameter removed
    assert lifeboat.body.startswith("A new all-weather lifeboat sailed into Port Elwen harbour on Saturday")
    assert lifeboat.body.endswith("The boat will be named at a ceremony in June.")
    assert_clean_body(lifeboat)
    assert [link.text for link in lifeboat.links] == ["station's history", "how to volunteer"]
    assert "Ferry crews announce strike over rotas" in articles


def test_article_reached_through_feeds_and_directly_is_stored_once(site, empty_store):
    base, _ = site
    library = Library.open(empty_store)
    sources = [f"{base}/feeds/rss.xml", f"{base}/feeds/atom.xml", f"{base}/news/2024/03/sea-wall.html"]
    report = library.import_sources(sources)
    assert report.ok
    titles = [a.title for a in library.articles()]
    assert sorted(titles) == sorted(set(titles))
    assert len(titles) == 4  # sea wall, ferry strike (in both feeds), harbour master, lifeboat
    # Importing again, directly and through the OPML list of both feeds, changes nothing.
    again = library.import_sources([f"{base}/news/2024/03/sea-wall.html", f"{base}/feeds/subscriptions.opml"])
    assert again.ok and not again.added
    assert len(library.articles()) == 4


def test_opml_list_imports_every_feed(site, empty_store):
    base, _ = site
    library = Library.open(empty_store)
    report = library.import_sources([f"{base}/feeds/subscriptions.opml"])
    assert report.ok
    assert {a.source for a in library.articles()} == {"The Coastal Ledger: Local news", "Harbour Voice"}
    assert len(library.articles()) == 4


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nowhere.html", "HTTP 404"),
        ("/photo.png", "not text (content type image/png)"),
        ("/huge.html", "too large"),
        ("/huge-unannounced.html", "too large"),
    ],
)
def test_fetch_failures_say_why(site, path, reason):
    base, _ = site
    (item,) = list(collect([base + path]))
    assert item.article is None
    assert item.label == base + path
    assert item.error is not None and item.error.startswith(reason)


def test_redirects_are_followed_and_other_schemes_refused(site):
    base, _ = site
    (moved,) = list(collect([f"{base}/moved"]))
    assert moved.article is not None and moved.article.url == f"{base}/news/2024/03/sea-wall.html"
    (ftp,) = list(collect(["ftp://files.example.org/article.html"]))
    assert ftp.error == "unsupported URL scheme 'ftp' (only http and https)"


def test_cli_imports_good_files_and_names_each_bad_one(site, tmp_path):
    base, _ = site
    folder = tmp_path / "mixed"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.txt").write_text("Quay Street reopens\n\nThe road along the quay reopened on Monday.\n")
    (folder / "nested" / "good.md").write_text("# Regatta returns\n\nThe regatta returns in July after five years.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.html").write_bytes(random.Random(6).randbytes(4096).replace(b"\x00", b"\x01"))
    (folder / "broken.json").write_text('[{"title": "Half an article", "body": "Cut off')
    store = tmp_path / "library.json"
    missing = f"{base}/news/2024/03/no-such-story.html"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", "--store", str(store), str(folder), missing],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("reader: ")]
    assert f"reader: {folder / 'empty.txt'}: empty (no text)" in errors
    assert f"reader: {folder / 'noise.html'}: not text (binary data)" in errors
    assert any(line.startswith(f"reader: {folder / 'broken.json'}: invalid JSON") for line in errors)
    assert f"reader: {missing}: HTTP 404 Not Found" in errors
    assert len(errors) == 4
    assert "Traceback" not in result.stderr
    assert "2 imported, 0 updated, 0 unchanged, 4 failed" in result.stderr
    listing = subprocess.run(
        [sys.executable, "-m", "reader", "list", "--store", str(store), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert sorted(row["title"] for row in json.loads(listing.stdout)) == ["Quay Street reopens", "Regatta returns"]
    assert json.loads(store.read_text())["articles"]  # the store is whole, valid JSON


def test_feed_entries_whose_pages_fail_keep_their_summary_and_say_so(site, empty_store):
    base, _ = site
    library = Library.open(empty_store)
    report = library.import_sources([f"{base}/feeds/mixed.rss"])
    articles = by_title(library)
    assert set(articles) == {
        "New lifeboat arrives after town raises £400,000",
        "A story that was taken down",
        "A picture, not a page",
    }
    assert {a.source for a in articles.values()} == {"Island Times"}
    assert report.failed == []
    withdrawn = articles["A story that was taken down"]
    assert withdrawn.body == "This page no longer exists."
    assert withdrawn.meta["summary_only"] is True  # a later refresh can fill in the page
    assert withdrawn.meta["page_error"] == f"linked page {base}/news/2023/01/withdrawn.html: HTTP 404 Not Found"
    assert "summary_only" not in articles["New lifeboat arrives after town raises £400,000"].meta
    assert sorted(note for _, note in report.partial) == [
        f"kept the feed's summary (linked page {base}/news/2023/01/withdrawn.html: HTTP 404 Not Found)",
        f"kept the feed's summary (linked page {base}/photo.png: not text (content type image/png))",
    ]


def test_a_feed_is_recognised_by_its_content_whatever_the_server_calls_it(site):
    base, _ = site
    titles = {item.article.title for item in collect([f"{base}/feeds/atom-as-html"]) if item.article}
    assert titles == {"New lifeboat arrives after town raises £400,000", "Ferry crews announce strike over rotas"}


def test_a_server_that_does_not_answer_in_time_is_reported(site):
    base, _ = site
    short = httpx.Timeout(0.3)
    (item,) = list(collect([f"{base}/slow.html"], fetcher_factory=lambda: Fetcher(timeout=short)))
    assert item.error == "timed out"
