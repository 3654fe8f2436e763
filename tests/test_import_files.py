"""Importing local files: Markdown, JSON arrays, another reader library, saved pages, stdin; dedupe."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.importers import ImportItem, collect
from reader.importers.common import ImportError_, content_hash
from reader.importers.markdown import parse_markdown
from reader.library import Library
from reader.text import normalize_body
from tests.fuzz import examples

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "tests" / "data" / "import" / "files"
SITE = ROOT / "tests" / "data" / "import" / "site"


def items(*sources: Path | str) -> list[ImportItem]:
    return list(collect([str(s) for s in sources]))


def test_markdown_front_matter_gives_metadata_and_the_body_loses_its_markup():
    (item,) = items(FILES / "quarry-reopens.md")
    article = item.article
    assert article is not None
    assert article.title == "Granite quarry reopens after thirty years"
    assert article.source == "The Coastal Ledger"
    assert article.url == "https://ledger.example.org/news/2024/02/granite-quarry"
    assert article.published == "2024-02-09"
    assert article.authors == ["Marta Quillon"]
    assert article.body.startswith("The Carreg Las quarry above Port Elwen will reopen in the summer, thirty years")
    for markup in ("**", "*Aberhafren*", "[", "](", "<div", "> Residents", "![", "- Blasting", "quarry.jpg", "---"):
        assert markup not in article.body
    assert "This HTML block must not reach the body" not in article.body
    paragraphs = article.body.split("\n\n")
    assert "Blasting will be limited to weekday mornings." in paragraphs
    assert paragraphs[-1] == "Residents can comment until 1 March."
    links = {link.text: link for link in article.links}
    assert links["twenty-five people"].url == "https://ledger.example.org/jobs/quarry"
    report = links["report to the council"]  # a reference-style link
    assert report.url == "https://council.example.gov/planning/2024/quarry-report"
    assert article.body[report.start : report.end] == "report to the council"


def test_markdown_title_is_the_first_top_heading_when_there_is_no_front_matter():
    (item,) = items(FILES / "harbour-notes.md")
    article = item.article
    assert article is not None
    assert article.title == "Notes from the harbour board meeting"
    assert article.source == "harbour-notes.md"
    assert article.body.split("\n\n") == [
        "Some text before the heading.",
        "The board agreed to dredge the inner harbour in October, with the spoil taken to the reclamation "
        "site at Traeth Coch. Mooring fees will rise by four per cent.",
        "Next meeting",
        "The next meeting is on 12 May at 7pm in the Institute.",
    ]
    (link,) = article.links
    assert (link.url, article.body[link.start : link.end]) == ("https://maps.example.org/traeth-coch", "Traeth Coch")


def test_json_array_bad_items_fail_alone(empty_store):
    library = Library.open(empty_store)
    report = library.import_sources([str(FILES / "articles.json")])
    assert sorted(a.title for a in library.articles()) == [
        "Lifeboat Inn changes hands",
        "School choir to sing at the national festival",
    ]
    label = str(FILES / "articles.json")
    assert report.failed == [(label, "item 2: no body, text or content"), (label, "item 3: not an object")]
    choir = next(a for a in library.articles() if a.title.startswith("School choir"))
    assert choir.url == "https://voice.example.org/community/school-choir"
    assert choir.authors == ["Non Griffiths"]
    assert choir.body.split("\n\n")[1] == "“They sang like they meant every word,” said adjudicator Megan Rees."


def test_another_reader_library_imports_whole(tmp_path, empty_store):
    first = Library.open(tmp_path / "first.json")
    first.import_sources([str(FILES)])
    originals = {a.id: a for a in first.articles()}
    assert len(originals) == 4
    second = Library.open(empty_store)
    report = second.import_sources([str(tmp_path / "first.json")])
    assert report.ok and len(report.added) == 4
    copies = {a.id: a for a in second.articles()}
    assert set(copies) == set(originals)
    for article_id, original in originals.items():
        copy = copies[article_id]
        assert (copy.title, copy.body, copy.source, copy.url, copy.published) == (
            original.title,
            original.body,
            original.source,
            original.url,
            original.published,
        )
        assert copy.links == original.links


def test_saved_page_file_uses_its_canonical_url(tmp_path, empty_store):
    page = (SITE / "news" / "2024" / "03" / "sea-wall.html").read_text()
    saved = tmp_path / "Harbour town votes.html"
    saved.write_text(page.replace("{{BASE}}", "https://ledger.example.org"))
    library = Library.open(empty_store)
    assert library.import_sources([str(saved)]).ok
    (article,) = library.articles()
    assert article.url == "https://ledger.example.org/news/2024/03/sea-wall.html"
    assert article.source == "The Coastal Ledger"
    assert "Luxury cruises" not in article.body and "Related stories" not in article.body


def test_a_page_without_an_article_is_reported(tmp_path):
    page = tmp_path / "front.html"
    page.write_text(
        "<html><head><title>Home | The Coastal Ledger</title></head><body>"
        '<nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>'
        "<footer><p>© 2024 The Coastal Ledger. All rights reserved.</p></footer></body></html>"
    )
    (item,) = items(page)
    assert item.error == "no article text found"


def test_a_short_page_with_a_real_paragraph_still_imports(tmp_path):
    page = tmp_path / "brief.html"
    page.write_text(
        "<html><head><title>Road closed</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<h1>Road closed</h1><p>Quay Street will be closed to traffic on Sunday morning for the harbour "
        "fun run, the council said on Friday.</p></article><footer>© 2024</footer></body></html>"
    )
    (item,) = items(page)
    assert item.article is not None
    assert item.article.body == (
        "Quay Street will be closed to traffic on Sunday morning for the harbour fun run, the council said on Friday."
    )


def test_same_text_in_two_files_is_stored_once(tmp_path, empty_store):
    text = "Quay Street reopens\n\nThe road along the quay reopened on Monday, a week early.\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("the quay", "the  Quay\n").replace("early.", "early!"))
    library = Library.open(empty_store)
    report = library.import_sources([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert len(report.added) == 1 and len(report.unchanged) == 1
    assert len(library.articles()) == 1
    # A later import of yet another copy finds it in the store.
    shutil.copyfile(tmp_path / "a.txt", tmp_path / "c.txt")
    report = library.import_sources([str(tmp_path / "c.txt")])
    assert not report.added and len(library.articles()) == 1


def test_importing_again_updates_in_place(tmp_path, empty_store):
    story = tmp_path / "story.txt"
    story.write_text("Ferry timetable changes\n\nSailings move to the hour from April.\n")
    library = Library.open(empty_store)
    (first_id,) = library.import_sources([str(story)]).added
    assert library.import_sources([str(story)]).unchanged == [first_id]
    story.write_text("Ferry timetable changes\n\nSailings move to the hour from May, not April.\n")
    report = library.import_sources([str(story)])
    assert report.updated == [first_id]
    (article,) = library.articles()
    assert article.id == first_id and "from May" in article.body


def test_directories_are_walked_recursively_skipping_hidden_and_other_files(tmp_path):
    (tmp_path / "deep" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "deep" / "deeper" / "one.md").write_text("# One\n\nThe first story.\n")
    (tmp_path / "deep" / "two.txt").write_text("Two\n\nThe second story.\n")
    (tmp_path / ".git" / "three.txt").write_text("Three\n\nHidden.\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert sorted(i.article.title for i in items(tmp_path) if i.article) == ["One", "Two"]
    (named,) = items(tmp_path / "photo.jpg")
    assert named.error == "unsupported file type '.jpg'"


def test_stdin_is_read_with_a_dash(tmp_path):
    store = tmp_path / "library.json"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", "--store", str(store), "-"],
        input="# Piped in\n\nA story that came through a pipe.\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "1 imported, 0 updated, 0 unchanged, 0 failed" in result.stderr
    docs = json.loads(store.read_text())["articles"].values()
    assert [doc["title"] for doc in docs] == ["Piped in"]


def test_control_characters_and_escapes_never_reach_the_article(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Calm \x1b[31mred\x1b[0m title</title></head><body><article>"
        + "<p>A paragraph with a bell \x07 and an escape \x1b]8;;http://evil\x07link\x1b]8;;\x07 in it, "
        + "long enough to count as the main text of the page for the extractor to keep it.</p>" * 3
        + "</article></body></html>"
    )
    (item,) = items(page)
    assert item.article is not None
    for field in (item.article.title, item.article.body):
        assert "\x1b" not in field and "\x07" not in field
    assert item.article.title == "Calm red title"


@settings(max_examples=examples(150), deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_markdown_of_any_text_gives_a_canonical_body_or_a_clear_error(text):
    try:
        article = parse_markdown(text, "any.md")
    except ImportError_ as exc:
        assert str(exc).startswith("empty")
        return
    assert article.body and normalize_body(article.body) == article.body
    assert not any(ord(ch) < 32 and ch != "\n" for ch in article.body + article.title)
    for link in article.links:
        if link.start is not None:
            assert article.body[link.start : link.end] == link.text


@settings(max_examples=examples(100), deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12).filter(
            lambda w: w.upper().casefold() == w.casefold()  # letters whose capital folds back (not ı)
        ),
        min_size=1,
        max_size=30,
    )
)
def test_the_content_hash_ignores_spacing_case_and_punctuation(words):
    plain = " ".join(words)
    noisy = "\n\n".join(f"  {w.upper()}, " if i % 2 else f"“{w}”…" for i, w in enumerate(words))
    assert content_hash(plain) == content_hash(noisy)
