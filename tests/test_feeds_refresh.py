"""Refreshing followed feeds against a local HTTP server: new entries arrive unread, unchanged feeds
cost one conditional request, moves, removals, slow and dead feeds, full text, edits, big feeds."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reader.library import Library
from reader.userdata.subscriptions import PAGE_TRIES
from tests.feed_server import Site, article_page, full_items, rss, serve


@pytest.fixture
def site():
    with serve() as running:
        yield running


@pytest.fixture
def library(empty_store: Path) -> Library:
    return Library.open(empty_store)


def titles(library: Library) -> set[str]:
    return {a.title for a in library.articles()}


def stats_of(library: Library) -> dict[str, dict]:
    return {s.feed.name: s.to_dict() for s in library.feeds.stats()}


def test_new_entries_arrive_unread_with_their_feed_and_only_once(site: Site, library: Library) -> None:
    url = site.feed("/ledger.xml", rss("The Coastal Ledger", full_items(site.base, "ledger", 3)), etag='"v1"')
    library.feeds.add(url)
    report = library.feeds.refresh()
    assert report.ok and report.added == 3
    assert titles(library) == {"ledger story 1", "ledger story 2", "ledger story 3"}
    article = library.articles()[0]
    assert article.meta["feed"] == "The Coastal Ledger"  # the feed took its own title as name
    assert article.analysis is not None and article.analysis.quotes  # analysed as any import
    assert not any(library.is_read(a.id) for a in library.articles())
    assert library.search("feed:ledger breakwater").total == 3  # indexed, with the feed field
    stats = stats_of(library)["The Coastal Ledger"]
    assert (stats["articles"], stats["unread"], stats["status"], stats["last_error"]) == (3, 3, "ok", None)

    # The feed gains one entry: only that one is new; the others are not imported again.
    site.feed("/ledger.xml", rss("The Coastal Ledger", full_items(site.base, "ledger", 4)), etag='"v2"')
    again = library.feeds.refresh()
    assert again.added == 1 and again.updated == 0 and len(library.articles()) == 4


def test_a_second_refresh_answered_304_fetches_no_page(site: Site, library: Library) -> None:
    items = [{"title": f"Teaser {n}", "link": f"{site.base}/news/{n}.html", "summary": "Short teaser."} for n in (1, 2)]
    for n in (1, 2):
        site.page(f"/news/{n}.html", article_page(f"Teaser {n}", n))
    url = site.feed("/teasers.xml", rss("Teasers", items), etag='"abc"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    library.feeds.add(url)
    assert library.feeds.refresh().added == 2
    body = next(a for a in library.articles() if a.title == "Teaser 1").body
    assert "harbour wall" in body and "Short teaser" not in body  # the page's full text, not the summary
    pages_before = len(site.hits("/news/1.html")) + len(site.hits("/news/2.html"))
    assert pages_before == 2

    report = library.feeds.refresh()
    assert report.ok and report.added == 0 and report.outcomes[0].not_modified
    last = site.hits("/teasers.xml")[-1]
    assert last.headers.get("if-none-match") == '"abc"' and last.status == 304
    assert len(site.hits("/news/1.html")) + len(site.hits("/news/2.html")) == pages_before


def test_a_feed_moved_for_good_is_followed_and_its_address_updated(site: Site, library: Library) -> None:
    new = site.feed("/new/feed.xml", rss("Moved Times", full_items(site.base, "moved", 2)))
    old = site.redirect("/old/feed.xml", "/new/feed.xml", status=301)
    library.feeds.add(old, name="Moved Times")
    report = library.feeds.refresh()
    assert report.ok and report.added == 2 and report.outcomes[0].moved_to == new
    feed = library.feeds.find("Moved Times")
    assert feed.url == new and feed.moved_from == old
    library.feeds.refresh()
    assert len(site.hits("/old/feed.xml")) == 1  # the old address is not asked again


def test_a_temporary_redirect_does_not_move_the_subscription(site: Site, library: Library) -> None:
    site.feed("/today.xml", rss("Today", full_items(site.base, "today", 1)))
    old = site.redirect("/feed.xml", "/today.xml", status=302)
    library.feeds.add(old, name="Today")
    assert library.feeds.refresh().added == 1
    assert library.feeds.find("Today").url == old


def test_a_gone_feed_is_marked_and_left_alone_until_named(site: Site, library: Library) -> None:
    library.feeds.add(site.status("/closed.xml", 410), name="Closed")
    report = library.feeds.refresh()
    assert not report.ok and report.failed[0].gone
    assert "410" in (report.failed[0].error or "")
    assert stats_of(library)["Closed"]["status"] == "gone"
    again = library.feeds.refresh()
    assert again.outcomes == [] and again.skipped and "gone" in again.skipped[0][1]
    assert len(site.hits("/closed.xml")) == 1
    library.feeds.refresh(["Closed"])  # named: tried again
    assert len(site.hits("/closed.xml")) == 2


def test_a_slow_feed_and_a_dead_one_do_not_hold_up_the_others(site: Site, library: Library) -> None:
    library.feeds.add(site.feed("/slow.xml", rss("Slow", full_items(site.base, "slow", 1)), delay=5), name="Slow")
    library.feeds.add("http://127.0.0.1:9/dead.xml", name="Dead")  # the discard port: nothing listens
    for name in ("one", "two", "three"):
        library.feeds.add(site.feed(f"/{name}.xml", rss(name.title(), full_items(site.base, name, 2))), name=name)
    report = library.feeds.refresh(timeout=1.0)
    failed = {o.feed.name: o.error for o in report.failed}
    assert set(failed) == {"Slow", "Dead"}
    assert "timed out" in failed["Slow"] and "connect" in failed["Dead"]
    assert {o.feed.name: o.added for o in report.outcomes if not o.failed} == {"one": 2, "two": 2, "three": 2}
    assert len(library.articles()) == 6
    stats = stats_of(library)
    assert stats["Slow"]["status"] == "failing" and "timed out" in stats["Slow"]["last_error"]


def test_a_feed_that_keeps_failing_backs_off(site: Site, library: Library) -> None:
    library.feeds.add(site.status("/broken.xml", 500), name="Broken")
    library.feeds.refresh()
    assert library.feeds.find("Broken").retry_after is None  # one failure: tried again next time
    library.feeds.refresh()
    feed = library.feeds.find("Broken")
    assert feed.failures == 2 and feed.retry_after is not None
    report = library.feeds.refresh()
    assert report.outcomes == [] and "failed 2 times" in report.skipped[0][1]
    assert len(site.hits("/broken.xml")) == 2
    # It comes back: naming it refreshes it at once, and a success clears the failures.
    site.feed("/broken.xml", rss("Broken", full_items(site.base, "back", 1)))
    assert library.feeds.refresh(["Broken"]).added == 1
    feed = library.feeds.find("Broken")
    assert (feed.failures, feed.retry_after, feed.last_error) == (0, None, None)


def test_gzip_is_asked_for_and_understood(site: Site, library: Library) -> None:
    body = rss("Packed", full_items(site.base, "packed", 2))
    assert len(gzip.compress(body.encode())) < len(body)
    library.feeds.add(site.feed("/packed.xml", body, gzip=True))
    assert library.feeds.refresh().added == 2
    assert "gzip" in site.hits("/packed.xml")[0].headers["accept-encoding"]


def test_a_page_that_cannot_be_had_keeps_the_summary_marked_and_is_tried_again(site: Site, library: Library) -> None:
    link = f"{site.base}/news/late.html"
    summary = "Councillors approved a plan to rebuild the Victorian sea wall, the council said on Thursday."
    url = site.feed("/late.xml", rss("Late", [{"title": "Sea wall", "link": link, "summary": summary}]), etag='"1"')
    library.feeds.add(url)
    report = library.feeds.refresh()
    assert report.ok and report.added == 1
    article = library.articles()[0]
    assert article.body == summary and article.meta["summary_only"] is True
    assert "404" in article.meta["page_error"]

    # Still missing: tried again, nothing said to have changed.
    still = library.feeds.refresh()
    assert (still.added, still.updated) == (0, 0) and len(site.hits("/news/late.html")) == 2

    # The page appears; the feed is unchanged (304) but the page is tried again, the article updated in place.
    site.page("/news/late.html", article_page("Sea wall", 7))
    again = library.feeds.refresh()
    assert again.outcomes[0].not_modified and again.updated == 1 and again.added == 0
    updated = library.get(article.id)
    assert updated is not None and "harbour wall" in updated.body and not updated.meta.get("summary_only")
    assert len(library.articles()) == 1
    library.feeds.refresh()
    assert len(site.hits("/news/late.html")) == 3  # found: not fetched again


def test_a_page_that_never_comes_is_tried_a_few_times_then_left(site: Site, library: Library) -> None:
    link = f"{site.base}/news/never.html"
    items = [{"title": "Never", "link": link, "summary": "A teaser whose page is never there."}]
    library.feeds.add(site.feed("/never.xml", rss("Never", items), etag='"n"'))
    for _ in range(8):
        library.feeds.refresh()
    assert len(site.hits("/news/never.html")) == PAGE_TRIES
    assert len(library.articles()) == 1 and library.articles()[0].meta["summary_only"]


def test_full_text_never_and_always(site: Site, library: Library) -> None:
    link = f"{site.base}/news/page.html"
    site.page("/news/page.html", article_page("Page", 3))
    teaser = [{"title": "Teaser", "link": link, "summary": "A short teaser of the story about the harbour."}]
    library.feeds.add(site.feed("/never.xml", rss("Never", teaser)), name="Never", full_text="never")
    library.feeds.refresh()
    assert library.articles()[0].body.startswith("A short teaser")
    assert site.hits("/news/page.html") == []

    full = full_items(site.base, "full", 1)
    full[0]["link"] = link
    library.feeds.add(site.feed("/always.xml", rss("Always", full)), name="Always", full_text="always")
    library.feeds.refresh(["Always"])
    assert len(site.hits("/news/page.html")) == 1  # the entry had its text, the page was fetched anyway


def test_an_edited_entry_updates_its_article_in_place_and_its_bookmark_follows(site: Site, library: Library) -> None:
    items = full_items(site.base, "edit", 2)
    url = site.feed("/edit.xml", rss("Edits", items))
    library.feeds.add(url)
    library.feeds.refresh()
    article = next(a for a in library.articles() if a.title == "edit story 1")
    start = article.body.index("We cannot keep patching")
    bookmark = library.add_bookmark(article.id, start, start + len("We cannot keep patching"), note="key quote")
    library.mark_read(article.id)

    items[0]["content"] = "<p>Correction: the meeting was held on Tuesday.</p>" + items[0]["content"]
    site.feed("/edit.xml", rss("Edits", items))
    report = library.feeds.refresh()
    assert (report.added, report.updated) == (0, 1)
    edited = library.get(article.id)
    assert edited is not None and edited.body.startswith("Correction: the meeting")
    assert len(library.articles()) == 2
    placed = library.bookmark(bookmark.id)
    assert placed.status == "moved" and placed.current_text == "We cannot keep patching"
    assert library.is_read(article.id)  # reading state is the user's: an edit does not reset it


def test_a_feed_of_a_thousand_entries_refreshes_and_imports(site: Site, library: Library) -> None:
    library.feeds.add(site.feed("/big.xml", rss("Big", full_items(site.base, "big", 1000))))
    report = library.feeds.refresh()
    assert report.ok and report.added == 1000
    assert len(library.articles()) == 1000
    assert stats_of(library)["Big"]["unread"] == 1000
    assert library.feeds.refresh().added == 0  # every entry already seen: nothing imported again


def test_removing_a_feed_keeps_its_articles_unless_asked(site: Site, library: Library) -> None:
    library.feeds.add(site.feed("/a.xml", rss("A", full_items(site.base, "a", 2))), name="A")
    library.feeds.add(site.feed("/b.xml", rss("B", full_items(site.base, "b", 3))), name="B")
    library.feeds.refresh()
    removed, deleted = library.feeds.remove("A")
    assert removed.name == "A" and deleted == [] and len(library.articles()) == 5
    _, deleted = library.feeds.remove("b", delete_articles=True)
    assert len(deleted) == 3 and titles(library) == {"a story 1", "a story 2"}
    assert library.feeds.all() == []


def test_only_the_subscribed_host_may_be_local(site: Site, library: Library) -> None:
    """The feed's own host was named by the user; a page or a redirect leading to another local
    host (here ``localhost``, the same machine by another name) was not, and is refused."""
    elsewhere = site.base.replace("127.0.0.1", "localhost")
    site.page("/news/own.html", article_page("Own page", 1))
    site.page("/news/other.html", article_page("Other page", 2))
    items = [
        {"title": "Own page", "link": f"{site.base}/news/own.html", "summary": "A teaser on the feed's host."},
        {"title": "Other page", "link": f"{elsewhere}/news/other.html", "summary": "A teaser pointing elsewhere."},
    ]
    library.feeds.add(site.feed("/local.xml", rss("Local", items)), name="Local")
    library.feeds.add(site.redirect("/away.xml", f"{elsewhere}/local.xml"), name="Away")
    report = library.feeds.refresh()
    by_title = {a.title: a for a in library.articles()}
    assert "harbour wall" in by_title["Own page"].body
    other = by_title["Other page"]
    assert other.meta.get("summary_only") and "refused" in other.meta["page_error"]
    assert site.hits("/news/other.html") == []
    away = next(o for o in report.outcomes if o.feed.name == "Away")
    assert away.failed and "refused" in (away.error or "")


def test_the_overall_limit_ends_a_refresh_that_a_feed_holds_up(site: Site, library: Library) -> None:
    library.feeds.add(site.feed("/stuck.xml", rss("Stuck", full_items(site.base, "stuck", 1)), delay=4), name="Stuck")
    library.feeds.add(site.feed("/quick.xml", rss("Quick", full_items(site.base, "quick", 2))), name="Quick")
    report = library.feeds.refresh(limit=1.0)
    outcomes = {o.feed.name: o for o in report.outcomes}
    assert outcomes["Quick"].added == 2
    assert outcomes["Stuck"].failed and "timed out" in (outcomes["Stuck"].error or "")
    assert library.feeds.find("Stuck").status == "failing"


def test_entries_the_feed_dropped_keep_only_their_article_and_still_count(site: Site, library: Library) -> None:
    library.feeds.add(site.feed("/rolling.xml", rss("Rolling", full_items(site.base, "rolling", 3))), name="Rolling")
    library.feeds.refresh()
    site.feed("/rolling.xml", rss("Rolling", full_items(site.base, "rolling", 2, start=4)))
    assert library.feeds.refresh().added == 2
    feed = library.feeds.find("Rolling")
    assert len(feed.entries) == 2 and len(feed.archived) == 3
    assert stats_of(library)["Rolling"]["articles"] == 5
    # An old entry that comes back is the same article, not a second one.
    site.feed("/rolling.xml", rss("Rolling", full_items(site.base, "rolling", 3)))
    library.feeds.refresh()
    assert len(library.articles()) == 5 and stats_of(library)["Rolling"]["articles"] == 5


def test_a_feed_fetches_a_bounded_number_of_pages_per_refresh(site: Site, library: Library, monkeypatch) -> None:
    import reader.feeds.refresh as refresh

    monkeypatch.setattr(refresh, "MAX_PAGES_PER_FEED", 3)
    items = []
    for n in range(5):
        site.page(f"/p/{n}.html", article_page(f"Page {n}", n))
        items.append({"title": f"Teaser {n}", "link": f"{site.base}/p/{n}.html", "summary": f"Teaser number {n}."})
    library.feeds.add(site.feed("/many.xml", rss("Many", items)))
    report = library.feeds.refresh()
    assert report.added == 5
    fetched = sum(len(site.hits(f"/p/{n}.html")) for n in range(5))
    kept = [a for a in library.articles() if a.meta.get("summary_only")]
    assert fetched == 3 and len(kept) == 2 and "pages per refresh" in kept[0].meta["page_error"]
    library.feeds.refresh()  # the two left over are fetched the next time
    assert not any(a.meta.get("summary_only") for a in library.articles())


def test_a_feed_in_the_charset_its_server_names_is_read_in_it(site: Site, library: Library) -> None:
    body = rss("Gazeta Łódzka", full_items(site.base, "lodz", 1)).replace('encoding="UTF-8"', "")
    body = body.replace("lodz story 1", "Żółć na rynku w Łodzi")
    library.feeds.add(
        site.feed(
            "/latin2.xml", body.encode("iso-8859-2", "xmlcharrefreplace"), content_type="text/xml; charset=iso-8859-2"
        )
    )
    assert library.feeds.refresh().added == 1
    assert [a.title for a in library.articles()] == ["Żółć na rynku w Łodzi"]
    assert library.feeds.all()[0].name == "Gazeta Łódzka"


def test_a_missing_page_is_tried_again_at_its_link_not_at_the_entrys_guid(site: Site, library: Library) -> None:
    link = f"{site.base}/news/bridge.html"
    summary = "The council approved the new bridge on Monday, the mayor said."
    items = [{"title": "Bridge", "link": link, "guid": "bridge-1", "summary": summary}]
    library.feeds.add(site.feed("/bridge.xml", rss("Bridge", items), etag='"1"'))
    assert library.feeds.refresh().added == 1
    site.page("/news/bridge.html", article_page("Bridge", 7))
    again = library.feeds.refresh()  # the feed answers 304: the page is asked for from the stored article
    assert again.outcomes[0].not_modified and again.updated == 1
    [article] = library.articles()
    assert "harbour wall" in article.body and not article.meta.get("summary_only")
    assert not [r.path for r in site.requests if "bridge-1" in r.path]
