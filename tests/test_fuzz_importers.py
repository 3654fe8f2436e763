"""Property tests for the plain-text and JSON importers: any bytes give articles or ImportError_, nothing else."""

from __future__ import annotations

import re

import orjson
from hypothesis import example, given
from hypothesis import strategies as st

from reader.importers import jsonfile, plaintext
from reader.importers.common import ImportError_
from reader.models import Article
from reader.text import normalize_body
from tests.test_fuzz_text import HOSTILE, hostile_text

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

text = st.one_of(st.text(), hostile_text)
json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**63), 2**64 - 1), st.floats(allow_nan=False, allow_infinity=False), text
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
    max_leaves=12,
)
KEYS = ["title", "body", "text", "content", "source", "url", "published", "date", "author", "authors", "links",
        "meta", "id", "articles", "_meta", "_default"]  # fmt: skip
article_object = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), text),
    st.one_of(json_value, text, st.sampled_from(["https://example.org/a", "javascript:alert(1)"])),
    max_size=8,
)
likely_article = st.fixed_dictionaries(
    {"body": st.one_of(text, st.text(min_size=1))},
    optional={key: st.one_of(json_value, text) for key in KEYS if key != "body"},
)
json_document = st.one_of(
    article_object, likely_article, st.lists(st.one_of(article_object, likely_article), max_size=4), json_value
)


def check_outcomes(outcomes: list[object]) -> None:
    """Every outcome is a clean article or an ImportError_ (importers may report a bad item alone)."""
    for outcome in outcomes:
        if isinstance(outcome, ImportError_):
            continue
        assert isinstance(outcome, Article)
        assert outcome.body and normalize_body(outcome.body) == outcome.body
        assert outcome.title and "\n" not in outcome.title
        for field in (outcome.title, outcome.body, outcome.source, *outcome.authors, outcome.published or ""):
            assert not CONTROL.search(field.replace("\n", ""))
        assert outcome.url is None or outcome.url.startswith(("http://", "https://"))
        orjson.dumps(outcome.to_dict())  # storable as it is


def parse_or_refuse(parse: object, data: bytes, origin: str) -> list[object]:
    try:
        return parse(data, origin)  # type: ignore[operator,no-any-return]
    except ImportError_:
        return []


@given(st.binary())
def test_plaintext_takes_any_bytes(data: bytes) -> None:
    check_outcomes(parse_or_refuse(plaintext.parse, data, "in.txt"))


@given(st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), max_size=30).map("".join))
@example("Title\n\n²\n\nA counter line of a superscript digit.")
@example("Title\n\n١٢\n\nArabic-Indic digits.")
def test_plaintext_takes_any_text(value: str) -> None:
    data = value.encode("utf-8", "surrogatepass")
    outcomes = parse_or_refuse(plaintext.parse, data, "in.txt")
    check_outcomes(outcomes)
    again = parse_or_refuse(plaintext.parse, data, "in.txt")
    assert [getattr(o, "id", None) for o in again] == [getattr(o, "id", None) for o in outcomes]  # stable ids


@given(st.binary())
def test_json_takes_any_bytes(data: bytes) -> None:
    check_outcomes(parse_or_refuse(jsonfile.parse, data, "in.json"))


@given(json_document)
@example({"body": "x", "authors": 1})
@example({"body": "x", "links": 1.0})
@example({"body": "x", "links": [1, {"url": 5}, {"url": "https://example.org", "text": 3}]})
@example({"body": "x", "meta": {"content_hash": 1}, "published": {"a": [1]}, "source": 0})
def test_json_takes_any_document(document: object) -> None:
    try:
        data = orjson.dumps(document)
    except orjson.JSONEncodeError:  # surrogates and other text JSON cannot hold
        return
    check_outcomes(parse_or_refuse(jsonfile.parse, data, "in.json"))


markup_bytes = st.lists(
    st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<a href='file:///etc/passwd'>", "</a>", "<script>", "# ",
                     "---\n", "title: x\n", "[link](javascript:alert(1))", "\n\n", "<h1>", "&amp;", "&#27;", "]]>"])
    | hostile_text,
    max_size=30,
).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))  # fmt: skip


@given(st.sampled_from(["text", "json", "html", "markdown"]), st.one_of(st.binary(), markup_bytes))
def test_every_local_kind_turns_any_bytes_into_items(kind: str, data: bytes) -> None:
    """The entry point import uses: an article or a one-line reason per item, never an exception."""
    from reader.importers import parse_bytes

    for item in parse_bytes(data, f"in.{kind}", kind):
        assert (item.article is None) != (item.error is None)
        if item.article is not None:
            check_outcomes([item.article])
        else:
            assert item.error and "\n" not in item.error
