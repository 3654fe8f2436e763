"""Very long articles in the app: 100,000 paragraphs or 10 MB draw, scroll, find and bookmark."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from bench.big_article import PLAIN, body, short_paragraphs, store_with
from reader.screens.article import ArticleScreen
from reader.widgets.article_body import ArticleBody
from reader.widgets.panes import speaker_colours
from tests.tui_helpers import make_app, settle

BIG = {
    "100k paragraphs": lambda: short_paragraphs(100_000),
    "10 MB": lambda: body(10_000_000, PLAIN.strip()),
}


async def open_article(pilot) -> tuple[ArticleScreen, ArticleBody]:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    return screen, screen.query_one(ArticleBody)


@contextlib.asynccontextmanager
async def opened(store: Path) -> AsyncIterator[tuple[Pilot, ArticleScreen, ArticleBody]]:  # type: ignore[type-arg]
    """The app on ``store`` in a 120x40 terminal, the first article opened."""
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, body = await open_article(pilot)
        yield pilot, screen, body


def on_screen(body: ArticleBody) -> str:
    return "\n".join(body.visible_lines())


def shown(paragraph: str) -> str:
    """What of a paragraph is sure to be on one line: all of it if short, else its last word."""
    return paragraph if len(paragraph) < 60 else paragraph.split()[-1]


@pytest.mark.parametrize("kind", BIG)
async def test_a_very_long_article_draws_scrolls_finds_and_bookmarks(tmp_path: Path, kind: str) -> None:
    from reader.library import Library

    text = BIG[kind]()
    store = store_with(tmp_path / "library" / "articles.json", text)
    paragraphs = text.split("\n\n")
    async with opened(store) as (pilot, screen, body):
        assert shown(paragraphs[0]) in on_screen(body)  # the first lines are drawn

        await pilot.press("G")
        await settle(pilot)
        assert shown(paragraphs[-1]) in on_screen(body)
        assert shown(paragraphs[0]) not in on_screen(body)
        await pilot.press("g", "j", "j", "space")
        await settle(pilot)
        assert body.scroll_offset.y > 0 and shown(paragraphs[-1]) not in on_screen(body)

        # find a phrase near the end: one match, counted, scrolled to, marked
        needle = " ".join(paragraphs[-2].split()[-3:])
        await pilot.press("slash", *needle)
        await settle(pilot)
        assert str(screen.query_one("#find-status", Static).render()) == f"1/{text.count(needle)}"
        start, end = screen.matches[screen.match_index]
        assert text[start:end] == needle
        top, height = body.scroll_offset.y, body.scrollable_content_region.height
        assert top <= body.row_of(start) < top + height
        await pilot.press("enter")

        # the passage cursor steps, and its paragraph is bookmarked
        await pilot.press("g", "right_curly_bracket", "right_curly_bracket", "m")
        await pilot.pause()
        await pilot.press(*"deep note", "enter")
        await settle(pilot)
        assert "1 bookmark" in str(screen.query_one("#article-title", Static).render())
    [bookmark] = Library.open(store).bookmarks()
    assert bookmark.bookmark.text == paragraphs[2] and bookmark.bookmark.note == "deep note"


async def test_quotes_deep_in_a_long_article_are_coloured_by_speaker(tmp_path: Path) -> None:
    text = short_paragraphs(100_000)
    store = store_with(tmp_path / "library" / "articles.json", text)
    async with opened(store) as (pilot, screen, body):
        quote = screen.article.analysis.quotes[-1]  # type: ignore[union-attr]
        body.scroll_to_offset(quote.start)
        await settle(pilot)
        colour = speaker_colours(screen.article.analysis.quotes)[quote.speaker]  # type: ignore[union-attr]
        row = body.row_of(quote.start) - body.scroll_offset.y
        styled = [seg for seg in body.render_line(row) if seg.text.strip() and seg.style and seg.style.color]
        quoted = [seg.text for seg in styled if seg.style.color.triplet.hex == colour.lower()]  # type: ignore[union-attr]
        assert "".join(quoted) == quote.text


async def test_stepping_to_another_article_leaves_no_marks_of_the_one_before(tmp_path: Path) -> None:
    from reader.library import Library

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Bridge news\n\nThe bridge opened. The bridge closed.\n", encoding="utf-8")
    second.write_text("Other news\n\nNothing about rivers here at all.\n", encoding="utf-8")
    store = tmp_path / "library" / "articles.json"
    Library.open(store).import_sources([str(first), str(second)])
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _, body = await open_article(pilot)
        target = "bridge" if "bridge" in body.body else "rivers"
        await pilot.press("slash", *target, "enter")
        assert "find" in body.mark_layers
        await pilot.press("right_square_bracket")  # the other article
        await settle(pilot)
        assert target not in body.body
        assert "find" not in body.mark_layers and "find-current" not in body.mark_layers


async def test_a_resize_rewraps_the_body_and_keeps_the_reading_place(tmp_path: Path) -> None:
    text = short_paragraphs(100_000).replace(" of the minutes.", " of the minutes, " + "read aloud " * 12 + "end.")
    store = store_with(tmp_path / "library" / "articles.json", text)
    async with opened(store) as (pilot, _, body):
        body.scroll_to_offset(text.index("Paragraph 50001 "), center=False)
        await settle(pilot)
        assert on_screen(body).lstrip().startswith("Paragraph 50001 ")
        rows_wide = body.virtual_size.height
        await pilot.resize_terminal(100, 30)  # panes beside: a narrower body
        await settle(pilot)
        assert body.virtual_size.height > rows_wide  # narrower: more lines
        assert on_screen(body).lstrip().startswith("Paragraph 50001 ")
        assert all(len(line.rstrip()) <= body.scrollable_content_region.width for line in body.visible_lines())


async def test_selected_words_are_what_m_bookmarks(sample_store: Path) -> None:
    from textual.geometry import Offset
    from textual.selection import Selection

    from reader.library import Library

    async with opened(sample_store) as (pilot, screen, body):
        first, _ = body.paragraph_rows(1)
        # the first 24 characters of the second paragraph, as a mouse drag selects them
        screen.selections = {body: Selection(Offset(0, first), Offset(24, first))}
        await pilot.pause()
        start = body.spans[1][0]
        assert screen.get_selected_text() == body.body[start : start + 24]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"picked", "enter")
        await settle(pilot)
    [bookmark] = Library.open(sample_store).bookmarks()
    assert bookmark.bookmark.text == body.body[start : start + 24].strip()


async def test_the_match_counter_fits_a_hundred_thousand_matches(tmp_path: Path) -> None:
    store = store_with(tmp_path / "library" / "articles.json", short_paragraphs(100_000))
    async with opened(store) as (pilot, screen, _):
        await pilot.press("slash", *"paragraph", "enter", "N")  # in every paragraph; back from the first: the last
        await settle(pilot)
        status = screen.query_one("#find-status", Static)
        assert str(status.render()) == "100000/100000"
        assert status.content_region.width >= len("100000/100000")  # drawn whole, not cut


async def test_after_g_the_passage_cursor_steps_from_what_is_on_screen(tmp_path: Path) -> None:
    from reader.library import Library

    text = short_paragraphs(100_000)
    store = store_with(tmp_path / "library" / "articles.json", text)
    async with opened(store) as (pilot, screen, body):
        await pilot.press("G")
        await settle(pilot)
        await pilot.press("right_curly_bracket")  # the cursor is on the first paragraph, far above
        await settle(pilot)
        top, height = body.scroll_offset.y, body.scrollable_content_region.height
        first, _ = body.paragraph_rows(body.cursor_paragraph)
        assert body.cursor_paragraph > 99_000 and top <= first < top + height
        await pilot.press("right_curly_bracket", "m")  # from there it steps as usual
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert "1 bookmark" in str(screen.query_one("#article-title", Static).render())
    [bookmark] = Library.open(store).bookmarks()
    assert bookmark.bookmark.text == text.split("\n\n")[body.cursor_paragraph]
