"""A newcomer's first day in the app: help, footers, palette, type-ahead, no dead ends, config."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from reader.app import ReaderApp
from reader.config import Config
from reader.library import Library
from reader.screens.article import ArticleScreen
from reader.screens.help import HelpScreen
from tests.tui_helpers import burst, make_app, settle


def table_text(table, width: int = 160) -> str:  # type: ignore[no-untyped-def]
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text()


def footer_entries(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The footer's entries that are wholly on screen, as (key, label)."""
    width = app.size.width
    return [
        (key.key_display, key.description)
        for key in app.screen.query(FooterKey)
        if key.region.width and key.region.right <= width
    ]


async def open_seed(pilot) -> ArticleScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ArticleScreen)
    return pilot.app.screen


async def test_the_first_run_welcome_shows_in_the_library_and_goes_when_an_article_opens(sample_store: Path) -> None:
    app = ReaderApp(Library.open(sample_store), Config(), remember_theme=False, first_run=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [n.title for n in app._notifications] == ["Welcome to reader"]
        await open_seed(pilot)
        assert not app.screen.query("Toast")  # nothing covers the article's text
        assert not list(app._notifications)


# -- 3. help that reads like a manual ------------------------------------------------------------
async def test_help_has_a_section_per_screen_and_pane_with_human_names(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        names = [section.name for section in app.screen.sections]
        # The screen underneath and its panes first, then what works everywhere, then the rest.
        assert names[:5] == ["Article", "Quotes pane", "People pane", "Sources & Links pane", "Everywhere"]
        for name in ("Library", "Bookmarks", "Who said what", "Dialogs"):
            assert name in names
        assert names.index("Library") < names.index("Bookmarks") < names.index("Dialogs")
        text = table_text(app.screen.keys_table)
        for class_name in ("ArticleBody", "QuotesBy", "QuotesPane", "ArticleList", "Tabs"):
            assert class_name not in text
        people = next(s for s in app.screen.sections if s.name == "People pane")
        assert any("next mention" in what for _, what, _ in people.rows)


async def test_help_scrolls_with_the_reading_keys(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0
        await pilot.press("j", "j")
        assert box.scroll_y == 2
        await pilot.press("k")
        assert box.scroll_y == 1
        await pilot.press("G")
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        assert box.scroll_y == 0
        await pilot.press("space")
        assert box.scroll_y > 5
        await pilot.press("b")
        assert box.scroll_y == 0
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)


# -- 4. footers are never cut off ----------------------------------------------------------------
@pytest.mark.parametrize("width", [80, 120])
async def test_the_article_footer_shows_the_keys_a_reader_needs_at_80_and_120_columns(
    sample_store: Path, width: int
) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(width, 30)) as pilot:
        await open_seed(pilot)
        await pilot.pause(0.1)
        entries = footer_entries(app)
        labels = [label for _, label in entries]
        for label in ("Back", "Bookmark", "Who said", "Find", "Panes", "Help"):
            assert label in labels, (width, labels)
        assert ("m", "Bookmark") in entries and ("w", "Who said") in entries
        assert len(entries) == len(app.screen.query(FooterKey)), "an entry runs past the right edge"


@pytest.mark.parametrize("width", [80, 120])
async def test_every_screen_footer_fits(sample_store: Path, width: int) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        library = [label for _, label in footer_entries(app)]
        assert {"Open", "Search", "Sort", "Help"} <= set(library)
        await pilot.press("B")
        await settle(pilot)
        await pilot.pause(0.1)
        bookmarks = [label for _, label in footer_entries(app)]
        assert {"Back", "Filter", "Edit", "Delete", "Export", "Help"} <= set(bookmarks)
        assert len(footer_entries(app)) == len(app.screen.query(FooterKey))


# -- 5. the palette lists each command once -----------------------------------------------------
async def test_the_palette_lists_each_command_once(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        commands = list(app.get_system_commands(screen))
        titles = [command.title for command in commands]
        assert len(titles) == len(set(titles)), titles
        assert "Keys" not in titles and "Help" in titles
        assert not any("(" in title for title in titles)  # no "Back (escape,q)" beside "Back"
        back = next(command for command in commands if command.title == "Back")
        assert "esc" in back.help and back.help != back.title
        library_titles = [c.title for c in app.get_system_commands(app.screen_stack[1])]
        assert library_titles.count("Quit") == 1


# -- 1. type-ahead is never lost -----------------------------------------------------------------
async def test_note_tab_tags_typed_at_once_in_the_bookmark_dialog_land_in_their_fields(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await burst(pilot, "m", *"check this", "tab", *"ukraine rail", "enter")
        [item] = app.library.bookmarks()
        assert item.bookmark.note == "check this"
        assert item.bookmark.tags == ("ukraine", "rail")


async def test_a_filter_typed_right_after_opening_bookmarks_is_the_filter(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await burst(pilot, "B", "#", *"ukraine")
        assert app.screen.query_one("#bookmarks-filter", Input).value == "#ukraine"  # u, k, e are screen keys too


async def test_down_in_the_bookmarks_filter_moves_to_the_list(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await burst(pilot, "m", *"first", "enter")
        await burst(pilot, "B", "slash", *"fir", "down", "e")
        assert app.screen.query_one("#bookmark-note", Input).value == "first"  # e edits the listed bookmark


async def test_keys_typed_as_the_article_opens_reach_it(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "enter", "slash", *"Lukashenko", "enter", "n")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.query_one("#find", Input).value == "Lukashenko"
        assert len(screen.matches) == 6 and screen.match_index == 1


# -- 2. no dead ends ------------------------------------------------------------------------------
async def test_enter_on_a_quote_in_who_said_what_opens_the_article_at_that_quote(sample_store: Path) -> None:
    from reader.screens.people import QuotesByScreen
    from reader.widgets.article_body import ArticleBody

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await pilot.press("1", "down", "w")  # the second quote: Aleksandr's
        await settle(pilot)
        assert isinstance(app.screen, QuotesByScreen)
        [hit] = app.screen.hits
        await pilot.press("enter")
        await settle(pilot)
        opened = app.screen
        assert isinstance(opened, ArticleScreen) and opened is not screen
        body = opened.query_one(ArticleBody)
        assert body.paragraph_at(hit.start) == body.cursor_paragraph
        assert body.scroll_y > 0  # scrolled down to the quote, in the third paragraph


async def test_overview_rows_open_who_said_what_or_a_library_search(sample_store: Path) -> None:
    from textual.widgets import OptionList

    from reader.screens.library import LibraryScreen
    from reader.screens.people import OverviewScreen, QuotesByScreen

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_overview()
        await settle(pilot)
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        listing = overview.query_one("#overview-list", OptionList)
        speaker = listing.highlighted
        assert speaker is not None and overview.rows[speaker][0] == "speaker"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuotesByScreen) and app.screen.person == overview.rows[speaker][1].name
        await pilot.press("escape")
        await settle(pilot)
        outlet = next(i for i, row in enumerate(overview.rows) if row and row[1].name == "The Washington Post")
        listing.highlighted = outlet
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#search", Input).value == '"The Washington Post"'
        results = app.screen.query_one("#results")
        assert [hit.title for hit in results.hits] == ["Hundreds Of Belarus Citizens Unite To Fight For Ukraine"]
        app.action_overview()
        await settle(pilot)
        person = next(i for i, row in enumerate(app.screen.rows) if row and row[1].kind == "person")
        app.screen.query_one("#overview-list", OptionList).highlighted = person
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#search", Input).value.startswith('person:"')


# -- 6. config mistakes are reported, not swallowed ------------------------------------------
async def test_config_mistakes_are_warned_about_and_the_defaults_stay(sample_store: Path) -> None:
    from reader.config import Config

    config = Config(
        theme="no-such-theme",
        keys={"library.quit": "ctrl+zz", "library.nothing": "x", "library.sort": "o"},
        path=Path("config.toml"),
    )
    app = make_app(sample_store, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        messages = [n.message for n in app._notifications]
        assert any("unknown theme 'no-such-theme'" in m for m in messages), messages
        assert any("unknown binding id 'library.nothing'" in m for m in messages), messages
        assert any("'ctrl+zz' is not a key" in m for m in messages), messages
        assert all("\n" not in m for m in messages)
        labels = footer_entries(app)
        assert ("q", "Quit") in labels and ("o", "Sort") in labels  # the valid remap applies, the bad one not
        await pilot.press("q")
    assert app.return_code == 0


def test_doctor_lists_the_config_mistakes(sample_store: Path, isolated_dirs: Path) -> None:
    import subprocess
    import sys

    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('theme = "nope"\n[keys]\n"app.quit" = "ctrl+zz"\n"article.nothing" = "x"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "doctor", "--store", str(sample_store)], capture_output=True, text=True
    )
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if line.startswith("PROBLEM")]
    assert len(problems) == 3
    assert "unknown theme 'nope'" in problems[0] and "'ctrl+zz' is not a key" in problems[1]
    assert "unknown binding id 'article.nothing'" in problems[2]


async def test_a_theme_picked_in_the_app_wins_over_the_config_until_the_config_changes(sample_store: Path) -> None:
    from reader.app import ReaderApp
    from reader.config import Config
    from reader.library import Library

    async def theme_at_start(config: Config, pick: str | None = None) -> str:
        app = ReaderApp(Library.open(sample_store), config)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            started = app.theme
            if pick:
                app.theme = pick  # as the palette's Theme command does
                await settle(pilot)
        return started

    assert await theme_at_start(Config(theme="gruvbox"), pick="nord") == "gruvbox"
    assert await theme_at_start(Config(theme="gruvbox")) == "nord"  # the most recent choice
    assert await theme_at_start(Config(theme="dracula")) == "dracula"  # the config was edited since


# -- 10. actions report what happened ------------------------------------------------------
@pytest.fixture
def linked_store(tmp_path: Path) -> Path:
    from reader.library import Library

    text = tmp_path / "linked.txt"
    text.write_text("Report out\n\nThe full report is at https://example.org/report for all to read.\n", "utf-8")
    store = tmp_path / "linked" / "articles.json"
    Library.open(store).import_sources([str(text)])
    return store


async def test_o_with_no_browser_says_so_and_offers_to_copy(
    linked_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    def no_browser(*args: object) -> None:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = make_app(linked_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await pilot.press("3", "o")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("No web browser" in m and "y" in m for m in messages), messages
        assert not any(m.startswith("Opening") for m in messages)
        await pilot.press("y")
        await settle(pilot)
        assert any(m == "Copied https://example.org/report" for m in (n.message for n in app._notifications))


async def test_export_proposes_a_folder_of_the_user_and_reports_the_absolute_path(
    sample_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import locations

    monkeypatch.chdir(tmp_path)
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seed(pilot)
        await burst(pilot, "m", *"keep", "enter", "B", "x")
        box = app.screen.query_one("#dialog-input", Input)
        proposed = Path(box.value)
        assert proposed.is_absolute() and proposed.parent == locations.export_dir()
        assert proposed.parent != tmp_path  # not the current directory
        box.value = "out/report.md"
        (tmp_path / "out").mkdir()
        await pilot.press("enter")
        await settle(pilot)
        written = tmp_path / "out" / "report.md"
        assert "keep" in written.read_text(encoding="utf-8")
        assert any(f"Exported 1 bookmark to {written}" == n.message for n in app._notifications)


def test_cli_export_prints_the_absolute_path(sample_store: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    run = [sys.executable, "-m", "reader"]
    added = subprocess.run(
        [*run, "bookmarks", "add", "3deb", "--store", str(sample_store), "--text", "Life is about leaps of faith"],
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    result = subprocess.run(
        [*run, "bookmarks", "export", "--store", str(sample_store), "-o", "marks.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert f"to {tmp_path / 'marks.md'}" in result.stderr


# -- 11. readable in every built-in theme --------------------------------------------------
def test_speaker_colours_reach_wcag_contrast_on_every_built_in_theme() -> None:
    from textual.app import App
    from textual.theme import BUILTIN_THEMES

    from reader.models import Quote
    from reader.widgets.contrast import contrast
    from reader.widgets.panes import speaker_colours

    quotes = tuple(Quote(text="x", start=i, end=i + 1, speaker=f"Speaker {i}") for i in range(10))
    app = App()
    for name, theme in BUILTIN_THEMES.items():
        background = theme.background or app.get_theme_variable_defaults().get("background") or "#000000"
        if not background.startswith("#"):
            background = "#000000" if theme.dark else "#ffffff"  # ANSI: the terminal's own
        colours = speaker_colours(quotes, background)
        assert len(colours) == 11
        for speaker, colour in colours.items():
            assert contrast(colour, background) >= 4.5, (name, speaker, colour, background)


@pytest.mark.parametrize("theme", ["textual-light", "solarized-light", "catppuccin-latte", "gruvbox", "nord"])
async def test_the_article_uses_readable_speaker_colours_and_visible_borders(sample_store: Path, theme: str) -> None:
    from reader.config import Config
    from reader.widgets.contrast import contrast

    app = make_app(sample_store, Config(theme=theme))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        background = app.screen.styles.background
        for colour in screen.colours.values():
            assert contrast(colour, background.hex[:7]) >= 4.5, (theme, colour)
        border = screen.query_one("#people").styles.border_top[1]
        seen = background.blend(border, border.a)
        assert contrast(seen.hex[:7], background.hex[:7]) >= 2.5, (theme, seen)


# -- 12. panes sized by their content ------------------------------------------------------
async def test_panes_take_the_height_their_items_need(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await settle(pilot)
        quotes, people, sources = (screen.query_one(f"#{name}") for name in ("quotes", "people", "sources"))
        # Sources & Links holds a few short items: no empty rows below them ...
        assert sources.outer_size.height == sources.virtual_size.height + 2
        # ... and the space goes to the panes that scroll: none of them is smaller than a pane shown whole.
        assert quotes.virtual_size.height > quotes.outer_size.height - 2
        assert quotes.outer_size.height > sources.outer_size.height
        assert people.outer_size.height >= sources.outer_size.height
        total = sum(p.outer_size.height for p in (quotes, people, sources))
        assert total == screen.query_one("#panes").content_region.height


async def test_an_empty_pane_shrinks_to_its_title_and_one_line(linked_store: Path) -> None:
    app = make_app(linked_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await settle(pilot)
        quotes, people, sources = (screen.query_one(f"#{name}") for name in ("quotes", "people", "sources"))
        assert quotes.outer_size.height == 3 and people.outer_size.height == 3
        assert "No quotes" in str(quotes.get_option_at_index(0).prompt)
        assert sources.outer_size.height == screen.query_one("#panes").content_region.height - 6


# -- 7. details the import could not know ---------------------------------------------------
async def test_edit_details_dialog_sets_source_and_date_shown_in_the_article_and_the_list(sample_store: Path) -> None:
    from textual.widgets import Static

    from reader.screens.details_dialog import DetailsDialog
    from reader.widgets.article_list import ArticleList

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        await burst(pilot, "D")
        assert isinstance(app.screen, DetailsDialog)
        assert app.screen.query_one("#details-source", Input).value == "000_a14d585e98ce9933.txt"
        await burst(pilot, "tab", "ctrl+u", *"The Washington Post", "tab", "tab", *"2022-03-04", "enter")
        assert app.screen is screen
        title = str(screen.query_one("#article-title", Static).render())
        assert "The Washington Post · 2022-03-04" in title
        await pilot.press("escape")
        await settle(pilot)
        [row] = app.screen.query_one(ArticleList).rows
        assert (row.source, row.date) == ("The Washington Post", "2022-03-04")
        await burst(pilot, "D", *"!", "tab", "tab", "tab", "ctrl+u", *"March", "enter")
        assert isinstance(app.screen, DetailsDialog)  # a malformed date is refused, the dialog stays
        assert any("YYYY-MM-DD" in n.message for n in app._notifications)


# -- README and help agree -------------------------------------------------------------------
def test_every_key_in_the_help_is_in_the_readme_keys_table() -> None:
    import re
    import unicodedata

    from textual.binding import Binding
    from textual.keys import _get_unicode_name_from_key

    from reader.app import ReaderApp
    from reader.screens.help import reader_classes, section_name
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Keys", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`([^`]+)`", table))
    names = {"escape": "esc", "slash": "/", "pageup": "b", "pagedown": "space", "home": "g", "end": "G"}
    names |= {"up": "k", "down": "j"}

    def shown(key: str) -> str:
        key = key.strip()
        if key in names:
            return names[key]
        try:
            return unicodedata.lookup(_get_unicode_name_from_key(key))
        except KeyError:
            return key

    missing = []
    for cls in [ReaderApp, *reader_classes()]:
        for binding in cls.__dict__.get("BINDINGS", ()):
            if not isinstance(binding, Binding) or binding.action in ("app.help", "dismiss", "command_palette"):
                continue
            keys = {shown(k) for k in binding.key.split(",")}
            if not keys & documented:
                missing.append(f"{section_name(cls)}: {binding.key} ({binding.description})")
    assert not missing, missing


# -- further frictions -----------------------------------------------------------------------
async def test_down_in_the_library_search_box_goes_to_the_results(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "slash", *"belarus")
        await pilot.pause(0.3)
        await settle(pilot)
        await burst(pilot, "down", "x")
        assert app.screen.query_one("#search", Input).value == "belarus"  # x did not land in the box
        assert app.focused is app.screen.query_one("#results")


async def test_who_said_what_and_the_overview_say_that_enter_opens(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seed(pilot)
        await pilot.press("1", "w")
        await settle(pilot)
        assert ("⏎", "Open") in footer_entries(app)
        app.action_overview()
        await settle(pilot)
        assert ("⏎", "Open") in footer_entries(app)


async def test_the_bookmarks_title_is_above_the_filter(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        title, box = app.screen.query_one("#bookmarks-title"), app.screen.query_one("#bookmarks-filter")
        assert title.region.y < box.region.y
