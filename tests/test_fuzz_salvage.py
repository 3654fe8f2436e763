"""Property tests for salvage: whatever the damage, what it gives back is exactly what was saved."""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.recovery import is_article
from reader.salvage import salvage_file
from reader.store import ArticleStore
from reader.userstate import UserState
from tests.fuzz import examples
from tests.test_fuzz_store import articles


@settings(max_examples=examples(60))
@given(
    batch=st.lists(articles(), min_size=1, max_size=6, unique_by=lambda a: a.id),
    where=st.floats(0, 1),
    length=st.integers(0, 200),
    cut=st.booleans(),
)
def test_salvage_gives_back_only_entries_as_saved(batch: list, where: float, length: int, cut: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.json"
        ArticleStore(path).upsert(batch)
        data = path.read_bytes()
        saved = orjson.loads(data)["articles"]
        at = int(where * len(data))
        # Cut short at any byte, or overwritten there with bytes no JSON text may hold.
        damaged = data[:at] if cut else data[:at] + b"\x00" * length + data[at + length :]
        path.write_bytes(damaged)
        found = salvage_file(path, ("articles", is_article))
        for key, doc in (found.tables.get("articles") or {}).items():
            assert doc == saved[key]
        untouched = [key for key in saved if _whole_in(key, data, at, length, cut)]
        assert set(untouched) <= set(found.tables.get("articles") or {})


def _whole_in(key: str, data: bytes, at: int, length: int, cut: bool) -> bool:
    """Whether the entry under ``key`` lies entirely outside the damaged bytes."""
    start = data.index(b'\n    "' + key.encode() + b'": {', data.index(b'\n  "articles": {'))
    end = data.index(b"\n    }", start) + 6
    return end <= at if cut else (end <= at or start >= at + length)


NOT_JSON = bytes.maketrans(b"\t\n\r", b"\x00\x01\x02")
bookmark = st.fixed_dictionaries(
    {"id": st.text(max_size=8), "article_id": st.text(max_size=8), "note": st.text(max_size=40)},
    optional={"tags": st.lists(st.text(max_size=5), max_size=3)},
)
reading = st.fixed_dictionaries({"read": st.booleans()}, optional={"position": st.integers(0, 10**6)})


@settings(max_examples=examples(60))
@given(
    marks=st.dictionaries(st.text(min_size=1, max_size=8), bookmark, max_size=6),
    positions=st.dictionaries(st.text(min_size=1, max_size=8), reading, max_size=6),
    where=st.floats(0, 1),
    length=st.integers(0, 200),
    # control bytes no JSON text holds raw: damage that stays valid JSON cannot be told from text
    junk=st.binary(min_size=1, max_size=8).map(lambda b: bytes(c % 32 for c in b).translate(NOT_JSON)),
)
def test_state_entries_are_never_put_in_another_table(
    marks: dict, positions: dict, where: float, length: int, junk: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.state.json"
        state = UserState(path)
        state.update_table("bookmarks", lambda table: table.update(marks))
        state.update_table("reading", lambda table: table.update(positions))
        data = path.read_bytes()
        saved = orjson.loads(data)
        at = int(where * len(data))
        path.write_bytes(data[:at] + (junk * length)[:length] + data[at + length :])
        found = salvage_file(path)
        for name, table in found.tables.items():
            for key, value in table.items():
                assert name in saved and value == saved[name][key]
