"""The query language: what each piece of syntax means, and that no input crashes the search."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.search import QueryError, SearchError, parse
from reader.search.query import DateRange, Term
from tests.fuzz import examples
from tests.search_corpus import build_library


def test_words_phrases_fields_and_prefixes_are_read() -> None:
    query = parse('Kyiv "Peace Talks" title:War* person:"Pavel Kulažanka" -opinion')
    kyiv, talks, war, person = query.terms
    assert kyiv == Term(("kyiv",), None, False, "Kyiv")
    assert talks.words == ("peace", "talks") and talks.is_phrase
    assert war.field == "title" and war.prefix and war.words == ("war",)
    assert person.field == "person" and person.words == ("pavel", "kulazanka")
    assert [t.words for t in query.excluded] == [("opinion",)]  # type: ignore[union-attr]


def test_or_binds_tighter_than_and() -> None:
    query = parse("a b OR c d")
    assert [[c.words for c in group] for group in query.groups] == [  # type: ignore[union-attr]
        [("a",)],
        [("b",), ("c",)],
        [("d",)],
    ]


def test_dates_read_years_months_and_days() -> None:
    (group,) = parse("after:2024-03").groups
    assert group == (DateRange(start=__import__("datetime").date(2024, 3, 1), text="after:2024-03"),)
    assert parse("before:2024").groups[0][0].bounds() == (None, 1704067200)  # type: ignore[union-attr]


def test_words_with_inner_punctuation_become_phrases() -> None:
    (term,) = parse("covid-19").terms
    assert term.words == ("covid", "19")


def test_unknown_fields_are_searched_as_words() -> None:
    (term,) = parse("http://example.com").terms
    assert term.words == ("http", "example", "com") and term.field is None


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("title:", "'title:' needs a word"),
        ("title: war", "'title:' needs a word"),
        ('person:""', "'person:' needs a word"),
        ("OR", "'OR' needs a search term on each side"),
        ("war OR", "'OR' needs a search term on each side"),
        ("OR war", "'OR' needs a search term on each side"),
        ("war OR OR peace", "'OR' needs a search term on each side"),
        ("war OR -peace", "cannot be one side of OR"),
        ("NOT", "'NOT' needs a term"),
        ("after:soon", "is not a date"),
        ("before:2024-13-01", "not a real date"),
        ("after:", "'after:' needs a date"),
        ("", "nothing to search for"),
        ("- * !!", "nothing to search for"),
        ("x" * 1001, "too long"),
    ],
)
def test_malformed_queries_say_what_is_wrong(query: str, fragment: str) -> None:
    with pytest.raises(QueryError, match=fragment.replace("*", r"\*")):
        parse(query)


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory):
    import os

    os.environ["READER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    try:
        library, _ = build_library(Path(tmp_path_factory.mktemp("lib")) / "articles.json")
        library.search("warm up")
        yield library
    finally:
        del os.environ["READER_CACHE_DIR"]


QUERY_ALPHABET = st.sampled_from(
    [*'abcé Z"-*:()|&!?\\/\t\n\x00\u202eOR', "OR", "AND", "NOT", "title:", "after:", "quote:", "person:", "2024"]
)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=40), st.lists(QUERY_ALPHABET, max_size=12).map("".join)))
def test_no_query_crashes_the_search(corpus_library, text: str) -> None:
    try:
        results = corpus_library.search(text, limit=5)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    except SearchError:
        pytest.fail("the engine rejected a parsed query")
    assert results.total >= len(results.hits)
    for hit in results.hits:
        assert all(0 <= s < e <= len(hit.snippet) for s, e in hit.highlights)
