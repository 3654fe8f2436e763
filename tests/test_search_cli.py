"""`reader search` and `reader reindex` as a user runs them, and who said what across the library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from reader.cli import main
from reader.library import Library
from tests.search_corpus import build_library


@pytest.fixture
def store(tmp_path: Path) -> Path:
    library, _ = build_library(tmp_path / "lib" / "articles.json")
    library.close()
    return library.path


def test_search_json_lists_ranked_hits(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", str(store), "search", "zephyrquill", "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    assert data["query"] == "zephyrquill" and data["total"] == 2
    for hit in data["hits"]:
        assert {"id", "title", "snippet", "score", "source", "published", "highlights", "offsets"} <= set(hit)
        assert [hit["snippet"][s:e].lower() for s, e in hit["highlights"]] == ["zephyrquill"]
    assert data["hits"][0]["score"] >= data["hits"][1]["score"]


def test_search_limit(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--store", str(store), "the", "--limit", "2", "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    assert len(data["hits"]) == 2 and data["total"] > 2


def test_search_prints_titles_and_snippets(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", str(store), "search", '"crimson lantern"']) == 0
    out = capsys.readouterr().out
    assert "1 article matches" in out and "crimson lantern" in out


def test_article_text_is_never_read_as_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "markup.txt"
    source.write_text("[bold]Tricky[/bold] title\n\nThe [red]zephyrquill[/red] text with [link=x]markup[/link].\n")
    store = tmp_path / "m.json"
    assert main(["--store", str(store), "import", "-q", str(source)]) == 0
    assert main(["--store", str(store), "search", "zephyrquill"]) == 0
    out = capsys.readouterr().out
    assert "[red]zephyrquill[/red]" in out and "[bold]Tricky[/bold]" in out


@pytest.mark.parametrize("query", ['"', "OR", "title:", "after:someday", "war OR"])
def test_bad_queries_fail_with_one_line(store: Path, query: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "reader", "--store", str(store), "search", query], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert run.stdout == "" and len(run.stderr.strip().splitlines()) == 1
    assert run.stderr.startswith("reader: error: search:") and "Traceback" not in run.stderr


def test_reindex(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", str(store), "reindex", "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    assert data["articles"] == len(Library.open(store))
    assert main(["--store", str(store), "reindex"]) == 0
    assert "Indexed" in capsys.readouterr().err


def test_searching_an_empty_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", str(tmp_path / "none.json"), "search", "anything", "--json"]) == 0
    assert orjson.loads(capsys.readouterr().out) == {"query": "anything", "total": 0, "hits": []}


def test_quotes_by_finds_every_quote_of_a_person(store: Path) -> None:
    library = Library.open(store)
    quotes = library.quotes_by("Wiremu Tanekaha")
    assert [q.text for q in quotes] == ["The nets are empty,"]
    assert library.quotes_by("tanekaha") == quotes  # an alias, any case
    article = library.require(quotes[0].article_id)
    assert article.body[quotes[0].start : quotes[0].end] == "The nets are empty,"
    assert library.quotes_by("Nobody Here") == []
    assert library.quotes_by("  ") == []


def test_quotes_by_counts_match_the_analyses(store: Path) -> None:
    library = Library.open(store)
    expected: dict[str, int] = {}
    for article in library.articles():
        for quote in article.analysis.quotes if article.analysis else ():
            if quote.speaker and not quote.scare:
                expected[quote.speaker] = expected.get(quote.speaker, 0) + 1
    name, count = max(expected.items(), key=lambda kv: kv[1])
    quotes = library.quotes_by(name)
    assert len(quotes) == count > 1
    assert {q.speaker for q in quotes} == {name}
    dates = [library.require(q.article_id).published for q in quotes]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_overview_ranks_most_quoted_people_and_cited_sources(store: Path) -> None:
    library = Library.open(store)
    overview = library.overview(limit=5)
    quotes: dict[str, int] = {}
    cited: dict[str, int] = {}
    for article in library.articles():
        assert article.analysis is not None
        for quote in article.analysis.quotes:
            if quote.speaker and not quote.scare:
                quotes[quote.speaker] = quotes.get(quote.speaker, 0) + 1
        for source in {s.name for s in article.analysis.sources}:
            cited[source] = cited.get(source, 0) + 1
    assert overview.articles == len(library)
    assert len(overview.people) == 5 and len(overview.sources) == 5
    assert [p.count for p in overview.people] == sorted(quotes.values(), reverse=True)[:5]
    assert all(quotes[p.name] == p.count for p in overview.people)
    assert [s.count for s in overview.sources] == sorted(cited.values(), reverse=True)[:5]
    assert overview.sources[0].kind in ("outlet", "organization")
    assert "Ostrava Ledger" not in {s.name for s in overview.sources}  # cited once only
