"""Property tests for the store and the state file: what is saved comes back equal, and no file on disk,
however strange, makes them (or the doctor) fail with anything but StoreError or change its bytes."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import orjson
from hypothesis import example, given
from hypothesis import strategies as st

from reader.doctor import run as doctor
from reader.importers.common import ImportError_, build_article
from reader.models import Analysis, Article, Person, Quote
from reader.storage import StoreError
from reader.store import ArticleStore
from reader.userstate import UserState
from tests.test_fuzz_importers import json_value, text


@st.composite
def articles(draw: st.DrawFn) -> Article:
    try:
        article = build_article(
            title=draw(text),
            body=draw(text),
            source=draw(text),
            url=draw(st.one_of(st.none(), text.map(lambda t: "https://example.org/" + t))),
            published=draw(st.one_of(st.none(), text)),
            authors=draw(st.lists(text, max_size=3)),
            meta=draw(st.dictionaries(st.text(max_size=10), json_value, max_size=3)),
        )
    except ImportError_:
        article = build_article(title="t", body="A body.")
    size = len(article.body)
    spans = st.tuples(st.integers(0, size), st.integers(0, size)).map(sorted).map(tuple)
    quotes = tuple(
        Quote(text=article.body[a:b], start=a, end=b, speaker=draw(st.one_of(st.none(), text)))
        for a, b in draw(st.lists(spans, max_size=3))
    )
    people = tuple(Person(name=draw(text), mentions=tuple(draw(st.lists(spans, max_size=3)))) for _ in range(2))
    article.analysis = draw(st.one_of(st.none(), st.just(Analysis(version="x", quotes=quotes, people=people))))
    return article


def json_safe(article: Article) -> bool:
    try:
        orjson.dumps(article.to_dict())
    except orjson.JSONEncodeError:  # text with surrogates cannot come from an importer
        return False
    return True


@given(st.lists(articles(), min_size=1, max_size=4))
def test_what_is_saved_comes_back_equal(batch: list[Article]) -> None:
    batch = [a for a in batch if json_safe(a)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.json"
        ArticleStore(path).upsert(batch)
        reopened = ArticleStore(path)
        first_seen = {a.id: a.imported_at for a in reversed(batch)}
        # the last of a repeated id wins, keeping the time it was first imported
        expected = {a.id: replace(a, imported_at=first_seen[a.id]) for a in batch}
        assert {a.id: a for a in reopened.all()} == expected
        again = reopened.upsert(batch)
        assert not again.added and set(again.unchanged) | set(again.updated) == set(expected)


on_disk = st.one_of(
    st.binary(max_size=200),
    json_value.map(orjson.dumps),
    st.dictionaries(
        st.sampled_from(["articles", "_meta", "reading", "bookmarks", "_default"]) | st.text(max_size=5),
        st.dictionaries(st.text(max_size=4), json_value, max_size=3) | json_value,
        max_size=4,
    ).map(orjson.dumps),
)


@given(on_disk)
@example(b'{"articles": {"1": {"id": "x", "title": 1, "body": []}}}')
@example(b'{"_meta": {"1": {"schema": true}}, "articles": {}}')
@example(b'{"_meta": [], "articles": {"x": {"id": "a", "title": "t", "body": "b", "analysis": {"quotes": 1}}}}')
def test_any_file_is_read_or_refused_and_never_changed(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "articles.json"
        state_path = Path(folder) / "articles.state.json"
        store_path.write_bytes(content)
        state_path.write_bytes(content)
        try:
            ArticleStore(store_path).all()
        except StoreError as exc:
            assert str(store_path) in str(exc)
        try:
            UserState(state_path).all_reading()
        except StoreError as exc:
            assert str(state_path) in str(exc)
        report = doctor(store_path)
        assert report.lines
        assert store_path.read_bytes() == content and state_path.read_bytes() == content
