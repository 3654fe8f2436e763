"""Corrections made in the TUI as a user makes them: keys, a dialog, then what every view shows."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from reader.library import Library
from reader.screens.article import ArticleScreen
from reader.screens.choice import ChoiceDialog
from reader.widgets.panes import PeoplePane, QuotesPane, SourcesPane
from tests.test_tui import open_seed, option_texts
from tests.tui_helpers import make_app, settle

KULAZHANKA = "Life is about leaps of faith"


async def correct_first_quote(pilot, name: str) -> ArticleScreen:  # type: ignore[no-untyped-def]
    """Open the sample article, select the first quote (Pavel Kulazhanka's), press c, type a name."""
    screen = await open_seed(pilot)
    await pilot.press("1")
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.press("tab", *name, "enter")  # from the list of people to the field for another name
    await settle(pilot)
    assert pilot.app.screen is screen
    return screen


def first_quote_line(screen: ArticleScreen) -> str:
    return option_texts(screen.query_one(QuotesPane))[0].splitlines()[0]


async def test_a_corrected_speaker_is_shown_after_a_restart_and_a_new_analyzer_version(
    sample_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await correct_first_quote(pilot, "Ivan Drozd")
        assert first_quote_line(screen) == "▍Ivan Drozd ✎"
        quote = screen.query_one(QuotesPane).quotes[0]
        assert quote.text.startswith(KULAZHANKA) and quote.corrected
        # the body colours the quote as the corrected speaker's, a colour of its own
        [mark] = [m for m in screen.quote_marks(screen.article) if m.start == quote.start]  # type: ignore[arg-type]
        assert mark.style.color is not None and mark.style.color.name == screen.colours["Ivan Drozd"]
        assert "Pavel Kulazhanka" not in screen.colours  # he has no quote left
        assert "Ivan Drozd ✎" in option_texts(screen.query_one(SourcesPane))[-1]

    monkeypatch.setattr("reader.analysis.ANALYZER_VERSION", "99.0")
    monkeypatch.setattr("reader.analysis.stored.ANALYZER_VERSION", "99.0")
    again = make_app(sample_store)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        assert screen.article is not None and screen.article.analysis is not None
        assert screen.article.analysis.version == "99.0"  # analysed afresh
        assert first_quote_line(screen) == "▍Ivan Drozd ✎"
        await pilot.press("u")  # undo
        await settle(pilot)
        assert first_quote_line(screen) == "▍Pavel Kulazhanka"
    assert len(Library.open(sample_store).corrections) == 0


async def test_search_finds_the_quote_under_the_corrected_name_and_the_bookmark_export_names_it(
    sample_store: Path,
) -> None:
    from reader.widgets.search_results import SearchResults

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'speaker:"pavel kulazhanka"')
        await pilot.pause(0.3)
        await settle(pilot)
        assert len(app.screen.query_one(SearchResults).hits) == 1  # the index exists before the correction
        await pilot.press("escape")
        await settle(pilot)
        await correct_first_quote(pilot, "Ivan Drozd")
        await pilot.press("0", "right_curly_bracket", "m")  # bookmark the paragraph of the quote
        await pilot.pause()
        await pilot.press(*"checked", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *'speaker:"ivan drozd"')
        await pilot.pause(0.3)
        await settle(pilot)
        hits = app.screen.query_one(SearchResults).hits
        assert [hit.title for hit in hits] == ["Hundreds Of Belarus Citizens Unite To Fight For Ukraine"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *'speaker:"pavel kulazhanka"')
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.screen.query_one(SearchResults).hits == []

    library = Library.open(sample_store)
    export = library.export_bookmarks("md").decode()
    assert "> Ukrainians have welcomed" in export and "Speaker: Ivan Drozd (corrected)" in export
    [row] = orjson.loads(library.export_bookmarks("json"))["bookmarks"]
    assert row["quotes"][0]["speaker"] == "Ivan Drozd" and row["quotes"][0]["corrected"] is True


def _with_low_confidence(store: Path, speaker: str) -> None:
    """The stored analysis says the analyzer is unsure who spoke one quote (as a newer analyzer does)."""
    raw = orjson.loads(store.read_bytes())
    for doc in raw["articles"].values():
        for quote in doc["analysis"]["quotes"]:
            if quote["speaker"] == speaker:
                quote["confidence"], quote["speaker_reason"] = "low", "previous-paragraph"
    store.write_bytes(orjson.dumps(raw))


async def test_uncertain_quotes_are_marked_and_stepped_through_then_corrected(sample_store: Path) -> None:
    _with_low_confidence(sample_store, "Aleksandr")
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        pane = screen.query_one(QuotesPane)
        lines = [text.splitlines()[0] for text in option_texts(pane)]
        assert "▍Aleksandr ?" in lines and "▍Pavel Kulazhanka" in lines
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert screen.focused is pane and pane.quote_at(pane.highlighted).speaker == "Aleksandr"  # type: ignore[union-attr]
        await pilot.press("c")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        labels = [label for _, label in dialog.choices]
        assert labels[:2] == [
            "Said by Vladimir Putin (Russian President)",
            "Said by Alexander Lukashenko (Belarusian leader)",
        ]
        await pilot.press("down", "down", "down", "enter")  # the fourth person: Pavel Latushko
        await settle(pilot)
        lines = [text.splitlines()[0] for text in option_texts(pane)]
        assert "▍Pavel Latushko ✎" in lines and not any(line.endswith("?") for line in lines)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "No uncertain attributions" in str(list(app._notifications)[-1].message)


async def test_a_person_marked_as_a_place_everywhere_leaves_people_and_can_be_undone(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        people = screen.query_one(PeoplePane)
        await pilot.press("2", "down", "down", "down", "down", "down")  # Hanna Liubakova, the sixth
        assert people.person_at(people.highlighted).name == "Hanna Liubakova"  # type: ignore[union-attr]
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "down", "tab", "space", "shift+tab", "enter")  # a place, in every article
        await settle(pilot)
        assert "Hanna Liubakova" not in [p.name for p in people.people]
        assert "Hanna Liubakova" not in [s.name for s in screen.query_one(SourcesPane).items]  # type: ignore[union-attr]
        [correction] = Library.open(screen.app.library.path).corrections.placed()
        assert correction.correction.everywhere and correction.correction.value == "place"
        await pilot.press("u")
        await settle(pilot)
        assert "Hanna Liubakova" in [p.name for p in people.people]


async def test_sources_can_be_removed_retyped_and_added(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        sources = screen.query_one(SourcesPane)
        await pilot.press("3")
        names = [getattr(item, "name", "") for item in sources.items]
        await pilot.press(*["down"] * names.index("Chatham House"), "c")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.choices[-2] == ("remove", "Not a source: remove it")
        await pilot.press("end", "up", "enter")
        await settle(pilot)
        assert "Chatham House" not in [getattr(item, "name", "") for item in sources.items]
        await pilot.press(*["up"] * names.index("Chatham House"), "c")  # the Washington Post's kind, at the top
        await pilot.pause()
        await pilot.press("down", "enter")  # outlet is its kind now: organization, then person
        await settle(pilot)
        assert option_texts(sources)[0].startswith("The Washington Post ✎  person")
        await pilot.press("c", "end", "enter")  # add another source
        await pilot.pause()
        await pilot.press(*"Nasha Niva", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the first kind: outlet
        await settle(pilot)
        assert any(text.startswith("Nasha Niva ✎  outlet") for text in option_texts(sources))


async def test_the_correction_keys_are_in_the_help_and_the_palette(sample_store: Path) -> None:
    import io
    import re

    from rich.console import Console

    from reader.screens.help import HelpScreen

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        commands = [command.title for command in app.get_system_commands(screen)]
        assert {"Correct", "Undo correction", "Next uncertain quote"} <= set(commands)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.keys_table)
        text = console.export_text()
        for key, description in (("c", "Correct"), ("u", "Undo correction"), ("!", "Next uncertain quote")):
            assert re.search(rf"^{re.escape(key)}\s+{description}\s", text, re.M), description
        assert "article.next-uncertain" in text


async def test_a_name_typed_straight_after_c_goes_into_the_dialog(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_seed(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("c", *"Ivan Drozd", "enter")  # no pause, no tab: as fast as a user types
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one(QuotesPane).quotes[0].speaker == "Ivan Drozd"


async def test_who_said_what_lists_a_corrected_quote_under_its_new_speaker_marked(sample_store: Path) -> None:
    from textual.widgets import OptionList

    from reader.screens.people import QuotesByScreen

    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await correct_first_quote(pilot, "Ivan Drozd")
        await pilot.press("w")  # the selected quote's speaker, across the library
        await settle(pilot)
        assert isinstance(app.screen, QuotesByScreen) and app.screen.person == "Ivan Drozd"
        [text] = option_texts(app.screen.query_one(OptionList))
        assert text.startswith(f"“{KULAZHANKA}") and "✎ corrected" in text


async def test_text_selected_in_the_body_becomes_a_source_cited_there(
    sample_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_seed(pilot)
        monkeypatch.setattr(screen, "get_selected_text", lambda: "Kastus Kalinouski Battalion")  # a mouse selection
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.value == "Kastus Kalinouski Battalion"
        await pilot.press("enter")  # the selected words are its name
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # group
        await settle(pilot)
        [added] = [
            s for s in screen.query_one(SourcesPane).items if getattr(s, "name", "") == "Kastus Kalinouski Battalion"
        ]
        assert added.kind == "group" and added.corrected  # type: ignore[union-attr]
        [(start, end)] = added.mentions  # type: ignore[union-attr]
        assert screen.article is not None and screen.article.body[start:end] == "Kastus Kalinouski Battalion"
