"""Highlights mark exactly the words the index matched, whatever the case, accents or punctuation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.corpus import make_article
from reader.search.highlight import _folding, match_spans, token_spans
from reader.search.query import QueryError, parse
from reader.search.results import snippet
from tests.fuzz import examples

WORDS = ["cafe", "Café", "CAFÉ", "cafés", "Zürich", "zurich", "Łódź", "lodz", "İstanbul", "naïve", "ｃａｆｅ", "x_y"]
GLUE = [" ", "-", "’", "“", "”", ", ", ".\n\n", "_", "—", "'"]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), min_size=1, max_size=25),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
    st.booleans(),
    st.booleans(),
)
def test_fast_highlighting_agrees_with_the_index_tokenizer(pieces, query_words, quoted, prefix) -> None:
    text = "".join(word + glue for word, glue in pieces)
    query = " ".join(query_words)
    query = f'"{query}"' if quoted else query
    try:
        terms = parse(query + ("*" if prefix else "")).terms
    except QueryError:
        return
    assert not _folding()[2].search(text)
    assert match_spans(text, terms) == token_spans(text, terms)


def test_highlighting_agrees_on_generated_articles() -> None:
    queries = ["said", "inflation wages", '"rural districts"', "zur*", "kowalski OR tanaka", "sao paulo"]
    for index in range(40):
        body = make_article(index, seed=5).body
        for query in queries:
            terms = parse(query).terms
            assert match_spans(body, terms) == token_spans(body, terms), (index, query)


def test_letters_folding_to_two_are_found_through_the_tokenizer() -> None:
    (term,) = parse("strasse").terms
    text = "Die Straße und die STRASSE."
    assert [text[s:e] for s, e in match_spans(text, [term])] == ["Straße", "STRASSE"]


def test_snippet_marks_each_hit_within_its_text() -> None:
    body = ("filler words here " * 30) + "the zephyr came and the zephyr went " + ("more filler text " * 30)
    spans = match_spans(body, parse("zephyr").terms)
    text, marks = snippet(body, spans)
    assert [text[s:e] for s, e in marks] == ["zephyr", "zephyr"]
    assert text.startswith("…") and text.endswith("…") and len(text) <= 202
    assert "\n" not in snippet("a\n\nb zephyr", [(5, 11)])[0]
