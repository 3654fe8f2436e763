"""The library list counts quotes as the user corrected them, in the app and in ``reader list``."""

from __future__ import annotations

from pathlib import Path

import orjson

from reader.screens.choice import ChoiceDialog
from reader.widgets.article_list import ArticleList
from tests.conftest import run_reader
from tests.test_tui import open_seed
from tests.tui_helpers import make_app, settle

KULAZHANKA = "Life is about leaps of faith"


def listed_quotes(store: Path) -> int:
    result = run_reader(store, "list", "--json")
    assert result.returncode == 0, result.stderr
    [row] = orjson.loads(result.stdout)
    return int(row["quotes"])


async def test_a_quote_marked_not_a_quote_is_not_counted_in_the_list(sample_store: Path) -> None:
    before = listed_quotes(sample_store)
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ArticleList).rows[0].quotes == before
        await open_seed(pilot)
        await pilot.press("1", "c")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("end", "enter")  # the last choice: not reported speech, a quoted term
        await settle(pilot)
        await pilot.press("escape")  # back to the library
        await settle(pilot)
        assert app.screen.query_one(ArticleList).rows[0].quotes == before - 1
    assert listed_quotes(sample_store) == before - 1  # the command line says the same

    again = make_app(sample_store)  # the first page, straight from the catalog, counts it too
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.screen.query_one(ArticleList).rows[0].quotes == before - 1
        await open_seed(pilot)
        await pilot.press("u")  # undo: counted again
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert again.screen.query_one(ArticleList).rows[0].quotes == before
    assert listed_quotes(sample_store) == before


def test_the_list_sorted_by_quotes_uses_the_corrected_counts(sample_store: Path, tmp_path: Path) -> None:
    from reader.library import Library
    from reader.userdata.counts import corrected_rows

    library = Library.open(sample_store)
    [article] = library.articles()
    quote = next(q for q in article.analysis.quotes if q.text.startswith(KULAZHANKA))  # type: ignore[union-attr]
    library.corrections.set_speech(article.id, (quote.start, quote.end), speech=False)
    [row] = corrected_rows(library, library.list_rows()) or []
    assert row.quotes == listed_quotes(sample_store) == sum(1 for q in article.analysis.quotes if not q.scare) - 1  # type: ignore[union-attr]


def test_the_kind_that_changes_the_count_is_the_reported_speech_correction() -> None:
    from reader.userdata.corrections import SPEECH
    from reader.userdata.counts import COUNTED_KINDS

    assert COUNTED_KINDS == (SPEECH,)
