"""``reader correct`` and ``reader corrections``, run as a user runs them: exit codes, messages, output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

ARTICLE = "3deb08903082"  # the sample article


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reader", *args, "--store", str(store)]
    return subprocess.run(command, capture_output=True, text=True, env=os.environ.copy(), timeout=120)


def ok(store: Path, *args: str) -> str:
    result = cli(store, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def shown(store: Path) -> dict[str, object]:
    return orjson.loads(ok(store, "show", ARTICLE, "--json"))  # type: ignore[no-any-return]


def test_each_correction_shows_in_reader_show_marked_corrected(sample_store: Path) -> None:
    said = ok(sample_store, "correct", ARTICLE, "--quote", "three nights in prison", "--speaker", "Latushko")
    assert "speaker of “I only spent three nights" in said and "→ Pavel Latushko" in said
    ok(sample_store, "correct", ARTICLE, "--quote", "thousands", "--speech")
    ok(sample_store, "correct", ARTICLE, "--not-a-person", "Hanna Liubakova", "--as", "organization")
    ok(sample_store, "correct", ARTICLE, "--rename", "Aleksandr", "Aleksandr Zhuk")
    ok(sample_store, "correct", ARTICLE, "--role", "Vladimir Putin", "president of Russia")
    ok(sample_store, "correct", ARTICLE, "--merge", "Pavel Kulazhanka", "Pavel Latushko")  # a test, not a fact
    passage = "The Washington Post explains"
    ok(sample_store, "correct", ARTICLE, "--add-source", "Nasha Niva", "--kind", "outlet", "--passage", passage)
    ok(sample_store, "correct", ARTICLE, "--remove-source", "Chatham House")
    ok(sample_store, "correct", ARTICLE, "--source-kind", "the community of railway workers", "organization")

    data = shown(sample_store)
    quotes = {q["text"][:20]: q for q in data["quotes"]}  # type: ignore[attr-defined,index]
    assert quotes["I only spent three n"]["speaker"] == "Pavel Latushko" and quotes["I only spent three n"]["corrected"]
    assert quotes["thousands"]["scare"] is False and quotes["thousands"]["corrected"]
    assert quotes["Life is about leaps "]["speaker"] == "Pavel Latushko"  # merged into him
    people = {p["name"]: p for p in data["people"]}  # type: ignore[attr-defined,index]
    assert "Hanna Liubakova" not in people and "Pavel Kulazhanka" not in people and "Aleksandr" not in people
    assert people["Aleksandr Zhuk"]["corrected"] and people["Vladimir Putin"]["role"] == "president of Russia"
    assert "Pavel Kulazhanka" in people["Pavel Latushko"]["aliases"]
    sources = {s["name"]: s for s in data["sources"]}  # type: ignore[attr-defined,index]
    assert sources["Hanna Liubakova"]["kind"] == "organization" and sources["Nasha Niva"]["corrected"]
    assert sources["Nasha Niva"]["mentions"] and "Chatham House" not in sources
    assert sources["the community of railway workers"]["kind"] == "organization"
    assert "corrected" not in quotes["To me it is obvious "]  # untouched items stay as they were
    text = ok(sample_store, "show", ARTICLE)
    assert "Aleksandr Zhuk ✎" in text

    listed = orjson.loads(ok(sample_store, "corrections", "list", "--json"))
    assert [row["kind"] for row in listed] == [
        "speaker",
        "speech",
        "not-person",
        "rename",
        "role",
        "merge",
        "add-source",
        "remove-source",
        "source-kind",
    ]
    assert {row["status"] for row in listed} == {"anchored"} and listed[0]["quote"].startswith("I only spent")
    table = ok(sample_store, "corrections", "list")
    assert "anchored" in table and "Nasha Niva" in table


def test_undo_takes_back_one_correction_at_a_time(sample_store: Path) -> None:
    ok(sample_store, "correct", ARTICLE, "--quote", "three nights", "--unknown")
    ok(sample_store, "correct", ARTICLE, "--quote", "three nights", "--not-speech")
    assert "Undone" in ok(sample_store, "correct", ARTICLE, "--undo")
    [quote] = [q for q in shown(sample_store)["quotes"] if q["text"].startswith("I only")]  # type: ignore[attr-defined]
    assert quote["speaker"] is None and quote["scare"] is False
    ok(sample_store, "correct", ARTICLE, "--undo")
    [quote] = [q for q in shown(sample_store)["quotes"] if q["text"].startswith("I only")]  # type: ignore[attr-defined]
    assert quote["speaker"] == "Aleksandr" and "corrected" not in quote
    result = cli(sample_store, "correct", ARTICLE, "--undo")
    assert (
        result.returncode == 1 and result.stderr.strip() == f"reader: error: no correction to undo in article {ARTICLE}"
    )


def test_export_as_markdown_and_json_to_a_file(sample_store: Path, tmp_path: Path) -> None:
    ok(sample_store, "correct", ARTICLE, "--not-a-person", "Hanna Liubakova", "--everywhere")
    markdown = ok(sample_store, "corrections", "export")
    assert markdown.startswith("# Corrections") and "- Hanna Liubakova is not a person (everywhere)" in markdown
    target = tmp_path / "out" / "corrections.json"
    target.parent.mkdir()
    result = cli(sample_store, "corrections", "export", "--format", "json", "-o", str(target))
    assert result.returncode == 0 and "Exported 1 correction to" in result.stderr
    exported = orjson.loads(target.read_bytes())
    assert exported["count"] == 1 and exported["corrections"][0]["everywhere"] is True


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--quote", "Lukashenko", "--unknown"), 1, "“Lukashenko” is in 3 quotes; give more of it"),
        (("--quote", "words nobody wrote", "--unknown"), 1, "“words nobody wrote” is not in the article"),
        (("--quote", "Hundreds of Belarusians", "--unknown"), 1, "is in the article but in no quote"),
        (("--rename", "Nobody", "X"), 1, "no person 'Nobody' in this article (people: Vladimir Putin"),
        (("--remove-source", "The Times"), 1, "no source 'The Times' in this article"),
        (("--add-source", "X", "--kind", "outlet", "--passage", "not there"), 1, "the passage is not in article"),
        (("--quote", "three nights"), 2, "--quote needs one of --speaker NAME"),
        (("--speaker", "X", "--undo"), 2, "need --quote TEXT"),
        (("--add-source", "X"), 2, "--add-source needs --kind"),
        (("--rename", "Aleksandr", "X", "--everywhere"), 2, "--as and --everywhere go with --not-a-person"),
        (("--undo", "--rename", "A", "B"), 2, "not allowed with argument"),
        (("--add-source", "X", "--kind", "blog"), 2, "invalid choice: 'blog'"),
    ],
)
def test_mistakes_get_one_clear_line_and_the_right_exit_code(
    sample_store: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = cli(sample_store, "correct", ARTICLE, *args)
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1
    assert orjson.loads(ok(sample_store, "corrections", "list", "--json")) == []


def test_an_unknown_article_is_a_failure(sample_store: Path) -> None:
    result = cli(sample_store, "correct", "ffffffffffff", "--undo")
    assert result.returncode == 1 and "no article with id 'ffffffffffff'" in result.stderr
