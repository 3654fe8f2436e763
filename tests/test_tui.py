"""The TUI as a user drives it: keys pressed, then what the screen shows."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import OptionList, Static, Tabs

from reader.config import Config
from reader.screens.article import ArticleScreen
from reader.screens.help import HelpScreen
from reader.screens.library import LibraryScreen
from reader.widgets.article_body import ArticleBody
from reader.widgets.article_list import ArticleList
from tests.tui_helpers import make_app, settle


def option_texts(widget: OptionList) -> list[str]:
    """Each option as the plain text it shows (a wide console, so nothing wraps)."""
    from rich.console import Console

    console = Console(width=400, record=True, file=io.StringIO())
    texts = []
    for index in range(widget.option_count):
        console.print(widget.get_option_at_index(index).prompt)
        texts.append(console.export_text().rstrip("\n"))
    return texts


async def open_seed(pilot) -> ArticleScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


async def test_library_lists_the_seed_article(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert [row.title for row in articles.rows] == ["Hundreds Of Belarus Citizens Unite To Fight For Ukraine"]
        row = articles.rows[0]
        assert row.truncated and not row.read and row.quotes == 4


async def test_seed_article_panes_show_quotes_people_and_sources(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        quotes = "\n".join(option_texts(screen.query_one("#quotes", OptionList)))
        for speaker in ("Pavel Kulazhanka", "Aleksandr", "Pavel Latushko", "Hanna Liubakova"):
            assert speaker in quotes
        assert "Life is about leaps of faith" in quotes
        people = "\n".join(option_texts(screen.query_one("#people", OptionList)))
        assert "Hanna Liubakova" in people and "reporter" in people
        sources = "\n".join(option_texts(screen.query_one("#sources", OptionList)))
        assert "The Washington Post" in sources
        title = str(screen.query_one("#article-title", Static).render())
        assert "truncated" in title


async def test_number_keys_and_tab_move_focus_between_panes(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        assert isinstance(app.focused, ArticleBody)
        await pilot.press("2")
        assert app.focused is screen.query_one("#people")
        await pilot.press("3")
        assert app.focused is screen.query_one("#sources")
        await pilot.press("1")
        assert app.focused is screen.query_one("#quotes")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#people")
        await pilot.press("0")
        assert isinstance(app.focused, ArticleBody)


async def test_selecting_a_quote_scrolls_the_body_to_it_and_marks_it(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        body = screen.query_one(ArticleBody)
        assert body.scroll_offset.y == 0
        pane = screen.query_one("#quotes", OptionList)
        target = next(i for i, q in enumerate(pane.quotes) if q.speaker == "Hanna Liubakova")
        await pilot.press("1", *["down"] * target)  # Liubakova's quote, in the last paragraph
        await settle(pilot)
        quote = screen.query_one("#quotes").quote_at(pane.highlighted)
        assert quote.speaker == "Hanna Liubakova"
        assert body.scroll_offset.y > 0
        focus = body.mark_layers["focus"]
        assert [(m.start, m.end) for m in focus] == [(quote.start, quote.end)]
        # the line that holds the quote's start is on screen
        top, height = body.scroll_offset.y, body.scrollable_content_region.height
        assert top <= body.row_of(quote.start) < top + height
        assert quote.text.split()[0] in "\n".join(body.visible_lines())


async def test_enter_on_a_person_steps_through_their_mentions(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        people = screen.query_one("#people")
        await pilot.press("2")
        index = next(i for i, p in enumerate(people.people) if p.name == "Alexander Lukashenko")
        people.highlighted = index
        await pilot.press("enter")
        first = screen.mention_step["Alexander Lukashenko"]
        await pilot.press("enter")
        assert screen.mention_step["Alexander Lukashenko"] == first + 1
        current = screen.query_one(ArticleBody).mark_layers["focus"][-1]
        person = people.people[index]
        assert (current.start, current.end) == tuple(person.mentions[first + 1])


async def test_passage_cursor_moves_by_paragraph(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        body = screen.query_one(ArticleBody)
        assert body.cursor_paragraph == 0
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert body.cursor_paragraph == 2
        first, height = body.paragraph_rows(2)
        top = body.scroll_offset.y
        barred = [top + y for y, line in enumerate(body.visible_lines()) if line.lstrip().startswith("▌")]
        assert barred == list(range(first, first + height))  # the bar runs down paragraph 3 only
        await pilot.press("left_curly_bracket")
        assert body.cursor_paragraph == 1


async def test_q_goes_back_and_q_on_the_library_quits(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        row = app.screen.query_one(ArticleList).rows[0]
        assert row.read  # opening marks it read
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_reading_position_is_restored_when_reopened(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await pilot.press("G")
        await settle(pilot)
        saved_top = screen.query_one(ArticleBody).top_offset()
        assert saved_top > 0
        await pilot.press("q")
        await settle(pilot)
    app = make_app(sample_store)  # a restart
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await settle(pilot)
        assert screen.query_one(ArticleBody).top_offset() == saved_top


async def test_help_lists_the_keys_of_the_screen(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.keys_table)
        text = console.export_text()
        for words in ("next paragraph", "previous article", "Back to the library", "Quotes pane", "Page down"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)


async def test_keys_can_be_remapped_by_binding_id(sample_store: Path) -> None:
    app = make_app(sample_store, Config(keys={"article.next-paragraph": "x"}))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await pilot.press("x")
        assert screen.query_one(ArticleBody).cursor_paragraph == 1


async def test_narrow_terminal_shows_the_panes_as_tabs(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_seed(pilot)
        assert screen.has_class("-narrow")
        assert screen.query_one(Tabs).display
        visible = [name for name in ("quotes", "people", "sources") if screen.query_one(f"#{name}").display]
        assert visible == ["quotes"]
        await pilot.press("2")
        visible = [name for name in ("quotes", "people", "sources") if screen.query_one(f"#{name}").display]
        assert visible == ["people"]
        assert app.focused is screen.query_one("#people")


async def test_empty_library_says_how_to_import(empty_store: Path) -> None:
    app = make_app(empty_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        message = str(app.screen.query_one("#library-empty", Static).render())
        assert "empty" in message and "reader import" in message


async def test_hostile_markup_in_titles_and_bodies_is_shown_literally(tmp_path: Path) -> None:
    from reader.library import Library

    source = tmp_path / "hostile.txt"
    source.write_text(
        "[bold red]Loud[/] title [@click=app.quit]x[/]\n\n"
        "Body with [link=file:///etc/passwd]a link[/link] and \x1b]52;c;aGk=\x07 osc.\n",
        encoding="utf-8",
    )
    store = tmp_path / "lib.json"
    Library.open(store).import_sources([str(source)])
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        title = str(screen.query_one("#article-title", Static).render())
        assert "[bold red]Loud[/] title [@click=app.quit]x[/]" in title
        body_text = "\n".join(screen.query_one(ArticleBody).visible_lines())
        assert "[link=file:///etc/passwd]a link[/link]" in body_text
        assert "\x1b" not in body_text and "52;c" not in body_text


async def test_find_in_article_counts_and_steps_through_matches(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        body = screen.query_one(ArticleBody)
        expected = body.body.lower().count("lukashenko")
        assert expected > 3
        await pilot.press("slash")
        await pilot.press(*"LUKASHENKO")
        await settle(pilot)
        status = str(screen.query_one("#find-status", Static).render())
        assert status == f"1/{expected}"
        await pilot.press("enter")  # keep the matches, back to the body
        await pilot.press("n", "n")
        assert str(screen.query_one("#find-status", Static).render()) == f"3/{expected}"
        start, end = screen.matches[screen.match_index]
        assert body.body[start:end] == "Lukashenko"
        await pilot.press("N")
        assert str(screen.query_one("#find-status", Static).render()) == f"2/{expected}"
        await pilot.press("slash", "escape")
        assert "find" not in body.mark_layers
        assert not screen.query_one("#find-bar").display


async def test_import_from_the_palette_command_adds_to_the_library(
    sample_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.app

    monkeypatch.setattr(reader.app, "PROGRESS_EVERY", 60.0)  # notifications stay up until they are checked
    new = tmp_path / "new.txt"
    new.write_text("A freshly imported story\n\nIt has one paragraph.\n", encoding="utf-8")
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_import()
        await pilot.pause()
        await pilot.press(*str(new))
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        titles = [row.title for row in app.screen.query_one(ArticleList).rows]
        assert "A freshly imported story" in titles and len(titles) == 2
        shown = [str(n.message) for n in app._notifications]
        assert "Importing: analysing 1 of 1" in shown  # progress through the stages, then the summary
        assert any(message.startswith("1 imported") for message in shown)


async def test_library_refreshes_when_another_process_changes_the_store(sample_store: Path, tmp_path: Path) -> None:
    from reader.library import Library

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.screen.query_one(ArticleList).rows) == 1
        other = tmp_path / "other.txt"
        other.write_text("Written from a second terminal\n\nBody text here.\n", encoding="utf-8")
        Library.open(sample_store).import_sources([str(other)])  # a second writer
        for _ in range(50):  # the screen's own 2 s check may run meanwhile; either shows the change
            app.screen.check_for_changes()
            await settle(pilot)
            titles = [row.title for row in app.screen.query_one(ArticleList).rows]
            if "Written from a second terminal" in titles:
                break
            await asyncio.sleep(0.1)
        assert "Written from a second terminal" in titles


async def test_bookmark_made_with_m_survives_a_restart_and_is_listed(sample_store: Path) -> None:
    from reader.library import Library
    from reader.screens.bookmarks import BookmarksScreen

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await pilot.press("right_curly_bracket")  # the second paragraph
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Kulazhanka on leaps of faith")
        await pilot.press("tab", *"belarus quotes", "enter")
        await settle(pilot)
        assert "1 bookmark" in str(screen.query_one("#article-title", Static).render())
        second = screen.query_one(ArticleBody).spans[1]
        assert [(m.start, m.end) for m in screen.query_one(ArticleBody).mark_layers["bookmarks"]] == [second]
    [bookmark] = Library.open(sample_store).bookmarks()  # a restart
    assert bookmark.bookmark.note == "Kulazhanka on leaps of faith"
    assert bookmark.bookmark.tags == ("belarus", "quotes")
    assert bookmark.bookmark.text.startswith("Ukrainians have welcomed")
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert app.screen.current.id == bookmark.id
        await pilot.press("enter")  # jump to the passage
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        body = app.screen.query_one(ArticleBody)
        assert body.cursor_paragraph == 1
        assert [(m.start, m.end) for m in body.mark_layers["flash"]] == [second]


async def test_bookmarks_screen_filters_deletes_and_undoes(sample_store: Path) -> None:
    from reader.library import Library
    from reader.screens.bookmarks import BookmarksScreen

    library = Library.open(sample_store)
    [article] = library.articles()
    spans = article.body.split("\n\n")
    library.add_bookmark(article.id, 0, len(spans[0]), note="opening", tags=["context"])
    start = article.body.index(spans[2])
    library.add_bookmark(article.id, start, start + len(spans[2]), note="prison", tags=["testimony"])
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert len([i for i in screen.items if i]) == 2
        await pilot.press(*"#testimony")
        await settle(pilot)
        assert [i.bookmark.note for i in screen.items if i] == ["prison"]
        await pilot.press("enter", "d")  # back to the list, delete
        await settle(pilot)
        assert len(Library.open(sample_store).bookmarks()) == 1
        await pilot.press("u")
        await settle(pilot)
        assert len(Library.open(sample_store).bookmarks()) == 2


async def test_live_search_opens_the_article_at_its_hits(sample_store: Path, tmp_path: Path) -> None:
    from reader.library import Library
    from reader.widgets.search_results import SearchResults

    other = tmp_path / "other.txt"
    other.write_text("Harvest report\n\nFarmers in Kansas brought in wheat early.\n", encoding="utf-8")
    Library.open(sample_store).import_sources([str(other)])
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"railway partisans")
        await pilot.pause(0.3)
        await settle(pilot)
        screen = app.screen
        results = screen.query_one(SearchResults)
        assert results.display and not screen.query_one(ArticleList).display
        assert [hit.title for hit in results.hits] == ["Hundreds Of Belarus Citizens Unite To Fight For Ukraine"]
        assert "1 article matches" in str(screen.query_one("#search-status", Static).render())
        # a result that arrives for an older query is dropped
        screen.show_results(screen.search_generation - 1, "kansas", None, "")
        assert [hit.title for hit in results.hits] == ["Hundreds Of Belarus Citizens Unite To Fight For Ukraine"]
        await pilot.press("enter", "enter")  # to the results, then open
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        body = article.query_one(ArticleBody)
        marked = {body.body[a:b].lower() for a, b in article.matches}
        assert marked == {"railway", "partisans"}
        assert str(article.query_one("#find-status", Static).render()).startswith("1/")
        await pilot.press("escape")  # clears the hits first
        assert not article.matches and isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")  # clears the search
        assert app.screen.query_one(ArticleList).display


async def test_a_malformed_query_is_explained_not_crashed(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"title:")
        await pilot.pause(0.3)
        await settle(pilot)
        status = str(app.screen.query_one("#search-status", Static).render())
        assert status and "Traceback" not in status
        assert app.is_running


async def test_w_on_a_person_lists_their_quotes_across_the_library(sample_store: Path, tmp_path: Path) -> None:
    from reader.library import Library
    from reader.screens.people import QuotesByScreen

    second = tmp_path / "second.txt"
    second.write_text(
        "Exiles speak again\n\nPavel Latushko, a former Belarusian official, said: “We will return home soon.”\n",
        encoding="utf-8",
    )
    Library.open(sample_store).import_sources([str(second)])
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ArticleList).rows
        app.screen.query_one(ArticleList).cursor = next(i for i, r in enumerate(rows) if r.title.startswith("Hundreds"))
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        people = screen.query_one("#people")
        await pilot.press("2")
        people.highlighted = next(i for i, p in enumerate(people.people) if p.name == "Pavel Latushko")
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, QuotesByScreen)
        texts = sorted(hit.text for hit in app.screen.hits)
        assert len(texts) == 2
        assert texts[0].startswith("To me it is obvious") and texts[1] == "We will return home soon."
        assert "2 quotes in 2 articles" in str(app.screen.query_one("#quotes-by-title", Static).render())


async def test_overview_shows_most_quoted_people_as_bars(sample_store: Path) -> None:
    from reader.screens.people import OverviewScreen

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_overview()
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        text = "\n".join(option_texts(app.screen.query_one("#overview-list", OptionList)))
        assert "Most quoted people" in text and "Pavel Kulazhanka" in text and "█" in text
        assert "Most cited sources" in text and "The Washington Post" in text


async def test_the_chosen_theme_is_remembered_for_the_next_start(sample_store: Path) -> None:
    from reader.app import ReaderApp
    from reader.library import Library

    app = ReaderApp(Library.open(sample_store), Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "gruvbox"
        await settle(pilot)
    again = ReaderApp(Library.open(sample_store), Config())
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "gruvbox"


async def test_outdated_analyses_are_redone_from_the_palette(sample_store: Path) -> None:
    import json

    from reader.analysis import ANALYZER_VERSION
    from reader.library import Library

    raw = json.loads(sample_store.read_text(encoding="utf-8"))
    for doc in raw["articles"].values():
        doc["analysis"]["version"] = "0.9"  # as left by an older reader
        doc["analysis"]["quotes"] = []
    sample_store.write_text(json.dumps(raw), encoding="utf-8")
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ArticleList).rows[0].quotes == 0
        app.action_refresh_analyses()
        await settle(pilot)
        await settle(pilot)
        assert any("1 article analysed again" in str(n.message) for n in app._notifications)
        assert app.screen.query_one(ArticleList).rows[0].quotes > 0  # the list shows the fresh analysis
    article = Library.open(sample_store).articles()[0]
    assert article.analysis is not None and article.analysis.version == ANALYZER_VERSION
