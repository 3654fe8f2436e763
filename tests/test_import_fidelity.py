"""Every article arrives whole: feed entries of every shape, titles as text, lists once each,
pages in any declared encoding, and the smaller losses seen on real feeds and saved pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.importers import ImportItem, collect
from reader.importers.common import ImportError_
from reader.importers.feeds import parse_feed
from reader.importers.html import extract
from reader.library import Library

PROSE = "The harbour board met on Tuesday to discuss the new quay and the fishing fleet. " * 12


def rss(items: str, channel_title: str = "Harbour Voice", encoding: str = "utf-8") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>{channel_title}</title>{items}</channel></rss>"
    ).encode(encoding if encoding != "iso-8859-1" else "latin-1")


def feed_items(tmp_path: Path, data: bytes, name: str = "feed.xml") -> list[ImportItem]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(collect([str(path)]))


def page(body: str, head: str = "<title>A page</title>", doctype: str = "<!DOCTYPE html>") -> str:
    return f"{doctype}<html><head>{head}</head><body><article><h1>A page</h1>{body}</article></body></html>"


# 1 -------------------------------------------------------------------------------------------
def test_entries_of_plain_text_or_inline_html_become_articles(tmp_path):
    plain = "Plain text about the quay, " * 20 + "and the end."
    inline = 'The ferry <a href="https://example.org/ferry">timetable</a> changes <b>today</b>, ' * 15
    data = rss(
        f"<item><title>Plain</title><guid>1</guid><description>{plain}</description></item>"
        f"<item><title>Inline</title><guid>2</guid><description><![CDATA[{inline}]]></description></item>"
        "<item><title>Short</title><guid>3</guid><description>Quay shut.</description></item>"
    )
    items = {item.label: item for item in feed_items(tmp_path, data)}
    assert all(item.article for item in items.values()), {k: v.error for k, v in items.items()}
    assert items["Plain"].article.body == plain
    inline_body = items["Inline"].article.body
    assert inline_body.startswith("The ferry timetable changes today, The ferry") and "<" not in inline_body
    assert items["Inline"].article.links[0].url == "https://example.org/ferry"
    assert items["Inline"].article.links[0].text == "timetable"
    assert items["Short"].article.body == "Quay shut."


# 4 -------------------------------------------------------------------------------------------
def test_titles_authors_and_feed_names_are_stored_as_text(tmp_path):
    data = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b'<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <a href="x">test</a></div></title>'
        b'<entry><id>1</id><title type="html">'
        b"&lt;b&gt;Breaking&lt;/b&gt; Q&amp;amp;A with &lt;i&gt;Smith&lt;/i&gt;</title>"
        b"<author><name>&lt;b&gt;Ann&lt;/b&gt; Lee</name></author>"
        b'<content type="html">&lt;p&gt;' + PROSE.encode() + b"&lt;/p&gt;</content></entry>"
        b'<entry><id>2</id><title type="text">Why 3 &lt; 4 matters</title><content type="text">'
        + PROSE.encode()
        + b"</content></entry></feed>"
    )
    items = feed_items(tmp_path, data, "feed.atom")
    titles = [item.article.title for item in items]
    assert titles == ["Breaking Q&A with Smith", "Why 3 < 4 matters"]
    assert items[0].article.authors == ["Ann Lee"]
    assert {item.article.source for item in items} == {"Example test"}


# 6 -------------------------------------------------------------------------------------------
def test_nested_list_items_come_out_once_each_in_order(tmp_path):
    nested = (
        "<ul><li>Morning<ul><li>Small groups (30 mins)</li><li>Plenary <a href='https://e.org/p'>notes</a></li>"
        "</ul></li><li>Afternoon</li></ul>"
    )
    article = extract(page(f"<p>{PROSE}</p>{nested}<p>{PROSE}</p>").encode(), origin="plan.html")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[1:5] == ["Morning", "Small groups (30 mins)", "Plenary notes", "Afternoon"]
    assert article.body.count("Small groups (30 mins)") == 1
    assert [link.url for link in article.links] == ["https://e.org/p"]


# 7 -------------------------------------------------------------------------------------------
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. " * 20


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (page(f"<p>{CZECH}</p>", '<meta charset="windows-1250"><title>A page</title>').encode("cp1250"), None),
        (page(f"<p>{CZECH}</p>").encode("cp1250"), "windows-1250"),  # said by the HTTP header
        (page(f"<p>{CZECH}</p>", doctype='<?xml version="1.0" encoding="iso-8859-2"?>').encode("iso-8859-2"), None),
    ],
)
def test_pages_in_declared_encodings_are_read(data, declared):
    article = extract(data, origin="cz.html", declared_charset=declared)
    assert CZECH.strip() in article.body


def test_a_page_in_an_encoding_declared_nowhere_is_detected():
    russian = "Городской совет проголосовал за восстановление старой набережной в среду вечером. " * 12
    article = extract(page(f"<p>{russian}</p>").encode("cp1251"), origin="ru.html")
    assert russian.strip() in article.body


def test_a_page_in_a_legacy_encoding_imports_from_a_file(tmp_path):
    path = tmp_path / "cz.html"
    path.write_bytes(page(f"<p>{CZECH}</p>", '<meta charset="windows-1250"><title>Czech</title>').encode("cp1250"))
    (item,) = list(collect([str(path)]))
    assert item.article is not None and "žluťoučký" in item.article.body


# 8 -------------------------------------------------------------------------------------------
def test_different_entries_without_letters_are_not_merged(tmp_path, empty_store):
    data = rss(
        "<item><title>Cheers</title><guid>a</guid><description>🎉🎉</description></item>"
        "<item><title>Thumbs</title><guid>b</guid><description>👍</description></item>"
    )
    path = tmp_path / "emoji.xml"
    path.write_bytes(data)
    library = Library.open(empty_store)
    report = library.import_sources([str(path)])
    assert len(report.added) == 2
    assert sorted(a.title for a in library.articles()) == ["Cheers", "Thumbs"]


# 9 -------------------------------------------------------------------------------------------
def test_a_cdf_channel_is_named_as_such():
    cdf = b'<?xml version="1.0"?><CHANNEL HREF="http://example.org/"><TITLE>Old channel</TITLE></CHANNEL>'
    with pytest.raises(ImportError_, match="a CDF channel"):
        parse_feed(cdf, "old.cdf")


def test_a_page_whose_doctype_has_an_internal_subset_keeps_its_title():
    doctype = '<!DOCTYPE html [ <!ENTITY site "Harbour"> ]>'
    head = "<head><title>Quay plans approved</title></head>"
    html = f"{doctype}<html>{head}<body><article><p>{PROSE}</p></article></body></html>"
    article = extract(html.encode(), origin="q.html")
    assert article.title == "Quay plans approved"


def test_a_c1_control_byte_in_a_feed_is_not_a_paragraph_break(tmp_path):
    text = "The storm closed the quay\x85 boats stayed in. " * 20
    data = rss(
        f"<item><title>Storm</title><guid>1</guid><description>{text}</description></item>", encoding="iso-8859-1"
    )
    (item,) = feed_items(tmp_path, data)
    assert "\n" not in item.article.body
    assert "the quay… boats" in item.article.body


def test_bylines_are_cleaned_and_non_names_dropped(tmp_path):
    data = rss(
        "<item><title>One</title><guid>1</guid><author>View all posts by Daniel Lemire</author>"
        f"<description>{PROSE}</description></item>"
        f"<item><title>Two</title><guid>2</guid><author>Autor</author><description>{PROSE} Two.</description></item>"
    )
    items = feed_items(tmp_path, data)
    assert [item.article.authors for item in items] == [["Daniel Lemire"], []]


def test_an_entry_keeps_the_date_it_gives_in_its_own_time_zone(tmp_path):
    data = rss(
        "<item><title>Late</title><guid>1</guid><pubDate>Sun, 19 Jan 2020 20:00:00 -0800</pubDate>"
        f"<description>{PROSE}</description></item>"
    )
    (item,) = feed_items(tmp_path, data)
    assert item.article.published is not None and item.article.published.startswith("2020-01-19")


def test_a_saved_page_without_a_site_name_takes_its_host_as_source():
    saved = "<!-- saved from url=(0044)https://www.harbourvoice.example/news/quay -->" + page(f"<p>{PROSE}</p>")
    article = extract(saved.encode(), origin="/home/me/Downloads/quay.html")
    assert article.source == "harbourvoice.example"
    assert article.url == "https://www.harbourvoice.example/news/quay"


# 10 ------------------------------------------------------------------------------------------
def test_blocks_inside_a_list_item_stay_apart_and_skip_links_are_not_text():
    items = "".join(
        f"<li><h3>Tool {n}</h3><p>Develop and debug your pages with tool number {n}.</p></li>" for n in range(4)
    )
    skip = '<p><a href="#content">Jump to navigation</a></p>'
    article = extract(page(f"{skip}<p>{PROSE}</p><ul>{items}</ul>").encode(), origin="tools.html")
    assert "Jump to navigation" not in article.body
    assert "Tool 2Develop" not in article.body
    assert "Tool 2 Develop and debug your pages with tool number 2." in article.body.split("\n\n")


def test_a_feed_whose_charset_only_the_server_names_is_read_in_it():
    from tests.import_server import serve

    with serve() as (base, _):
        (item,) = list(collect([f"{base}/feeds/cp1251.rss"]))
    assert item.article is not None, item.error
    assert item.article.source == "Вести"
    assert "Городской совет проголосовал" in item.article.body


def test_a_feed_file_in_an_encoding_it_does_not_declare_is_detected(tmp_path):
    text = "Городской совет проголосовал за восстановление набережной. " * 12
    data = rss(f"<item><title>Совет</title><guid>1</guid><description>{text}</description></item>", "Вести")
    (item,) = feed_items(tmp_path, data.decode().replace(' encoding="utf-8"', "").encode("cp1251"))
    assert item.article is not None and item.article.source == "Вести"
    assert text.strip() in item.article.body
