"""Search on a generated library with planted words: each operator returns exactly the right articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import Library
from reader.search import QueryError
from tests.search_corpus import build_library


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Library, dict[str, str]]:
    return build_library(tmp_path / "lib" / "articles.json")


def found(planted: tuple[Library, dict[str, str]], query: str) -> set[str]:
    library, labels = planted
    results = library.search(query, limit=100)
    assert results.total == len(results.hits)
    return {labels[hit.id] for hit in results.hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zephyrquill", {"word", "word+and"}),
        ("zephyrquill moonbrisk", {"word+and"}),
        ("moonbrisk zephyrquill", {"word+and"}),
        ('"crimson lantern"', {"phrase"}),
        ("crimson lantern", {"phrase", "phrase-reversed"}),
        ('"lantern crimson"', set()),
        ("moonbrisk OR glimmerfen", {"word+and", "or"}),
        ("zephyrquill OR glimmerfen OR crimson", {"word", "word+and", "or", "phrase", "phrase-reversed"}),
        ("zephyrquill -moonbrisk", {"word"}),
        ("zephyrquill NOT moonbrisk", {"word"}),
        ("zephyrq*", {"word", "word+and", "prefix-plural"}),
        ('"crimson lan*"', {"phrase"}),
        ("title:quillfeather", {"title"}),
        ("quillfeather", {"title", "title-in-body"}),
        ("source:ledger", {"source", "source-cited"}),
        ('source:"ostrava ledger"', {"source", "source-cited"}),
        ("person:tanekaha", {"person", "speaker"}),
        ('person:"wiremu tanekaha"', {"person", "speaker"}),
        ("tanekaha", {"person", "person-not-a-person", "speaker"}),
        ("speaker:tanekaha", {"speaker"}),
        ('speaker:"Wiremu Tanekaha"', {"speaker"}),
        ("quote:marmalade", {"quote"}),
        ("marmalade", {"quote", "quote-outside", "quote-scare"}),
        ("zephyrq* after:2020-06-01", {"word", "prefix-plural"}),
        ("zephyrq* before:2020-06-01", {"word+and"}),
        ("zephyrq* after:2020-06 before:2020-07", {"word"}),
        ("zephyrq* after:2021", {"prefix-plural"}),
        ("café müller łódź", {"accents"}),
        ("CAFE MULLER LODZ", {"accents"}),
        ("Cafe", {"accents", "ascii"}),
        ("cafÉ", {"accents", "ascii"}),
        ("title:Quillfeather OR zephyrquills", {"title", "prefix-plural"}),
    ],
)
def test_each_operator_finds_exactly_the_planted_articles(planted, query: str, expected: set[str]) -> None:
    assert found(planted, query) == expected


def test_dates_alone_list_matching_articles_newest_first(planted) -> None:
    library, labels = planted
    results = library.search("after:2020-05-31 before:2020-06-02", limit=50)
    ids = [labels[h.id] for h in results.hits]
    assert ids[:2] == ["word", "word+and"] and set(ids) >= {"word", "word+and"}
    dates = [h.published for h in results.hits]
    assert dates == sorted(dates, reverse=True)


def test_exclusion_alone_lists_everything_else(planted) -> None:
    _, labels = planted
    assert found(planted, "-zephyrquill") == set(labels.values()) - {"word", "word+and"}


def test_hits_carry_snippet_highlights_and_body_offsets(planted) -> None:
    library, _ = planted
    hit = library.search('"crimson lantern"').hits[0]
    article = library.get(hit.id)
    assert article is not None
    assert [article.body[s:e] for s, e in hit.offsets] == ["crimson lantern"]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["crimson lantern"]
    assert hit.title == article.title and hit.source == article.source and hit.published == article.published
    assert hit.first_offset == article.body.index("crimson lantern")
    accents = library.search("cafe muller").hits
    marked = {hit.snippet[s:e] for hit in accents for s, e in hit.highlights}
    assert marked == {"Café", "Müller", "cafe", "Muller"}


def test_quote_field_highlights_only_inside_quotes(planted) -> None:
    library, _ = planted
    (hit,) = library.search("quote:marmalade").hits
    article = library.get(hit.id)
    assert article is not None
    (start, end), *_ = hit.offsets
    assert article.body[start - 15 : end + 1].startswith("“We ran out of marmalade")


def test_title_matches_are_marked_in_the_title(planted) -> None:
    library, _ = planted
    hit = library.search("title:quillfeather").hits[0]
    assert [hit.title[s:e] for s, e in hit.title_highlights] == ["Quillfeather"]


def test_title_matches_rank_above_body_matches(planted) -> None:
    library, labels = planted
    assert [labels[h.id] for h in library.search("quillfeather").hits] == ["title", "title-in-body"]


def test_limit_caps_hits_but_total_counts_every_match(planted) -> None:
    library, _ = planted
    results = library.search("the", limit=3)
    assert len(results.hits) == 3 and results.total > 3


@pytest.mark.parametrize("query", ['"', "OR", "-", "title:", "zephyrquill OR", "after:yesterday", "   ", "!!!"])
def test_malformed_queries_raise_a_readable_error(planted, query: str) -> None:
    library, _ = planted
    with pytest.raises(QueryError) as info:
        library.search(query)
    message = str(info.value)
    assert message and "\n" not in message and "Traceback" not in message


def test_an_open_quote_reads_as_a_phrase_to_the_end(planted) -> None:
    library, labels = planted
    results = library.search('"crimson lantern')
    assert {labels[h.id] for h in results.hits} == {"phrase"}
    assert results.notes
