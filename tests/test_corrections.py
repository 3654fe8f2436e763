"""Corrections of the analysis: laid over it everywhere, kept through restarts, re-analysis and
re-imports, orphaned (never lost) when their quote is gone."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from reader.library import Library
from reader.models import Analysis, Person, Quote, Source
from reader.userdata.actions import CorrectionError
from reader.userdata.apply import apply_corrections
from reader.userdata.corrections import NOT_PERSON, SPEAKER, Correction
from tests.conftest import SEED_TXT

ALEKSANDR = "I only spent three nights in prison"
LATUSHKO = "To me it is obvious why Lukashenko"


def _library(store: Path) -> Library:
    return Library.open(store)


def _article_id(library: Library) -> str:
    return library.articles()[0].id


def _quote(library: Library, article_id: str, text: str) -> Quote:
    article = library.require(article_id)
    assert article.analysis is not None
    [quote] = [q for q in article.analysis.quotes if text in q.text]
    return quote


def _seed_parts() -> tuple[str, str]:
    seed = SEED_TXT.read_text(encoding="utf-8")
    title, rest = seed.split("\n", 1)
    head, counters, body = rest.split("\n\n", 2)
    return f"{title}\n{head}\n\n{counters}\n\n", body


def _reimport(library: Library, folder: Path, body: str) -> None:
    header, _ = _seed_parts()
    folder.mkdir()
    (folder / SEED_TXT.name).write_text(header + body, encoding="utf-8")  # same title and name: same article
    report = library.import_sources([str(folder / SEED_TXT.name)])
    assert report.updated and not report.failed


# -- the one function that applies them -------------------------------------------------------------
BODY = "Ann Lee said: “We will win.” The school Roosevelt High said “no comment”, Ann added."
ANALYSIS = Analysis(
    version="x",
    quotes=(
        Quote("We will win.", BODY.index("We"), BODY.index("We") + 12, speaker="Ann Lee", confidence="high"),
        Quote(
            "no comment",
            BODY.index("no comment"),
            BODY.index("no comment") + 10,
            speaker="Roosevelt High",
            confidence="low",
        ),
    ),
    people=(
        Person("Ann Lee", ("Ann",), None, ((0, 7), (BODY.index("Ann added"), BODY.index("Ann added") + 3))),
        Person("Roosevelt High", (), None, ((BODY.index("Roosevelt"), BODY.index("Roosevelt") + 14),)),
    ),
    sources=(Source("Ann Lee", "person"), Source("Roosevelt High", "person")),
)


def _correction(kind: str, n: int, **fields: object) -> Correction:
    return Correction(id=f"c{n}", kind=kind, article_id="a", article_title="t", created=f"2026-01-0{n}", **fields)  # type: ignore[arg-type]


def test_nothing_to_apply_gives_the_analysis_back_unchanged() -> None:
    assert apply_corrections(ANALYSIS, BODY, []).analysis is ANALYSIS


def test_not_a_person_as_an_organisation_moves_it_out_of_people_and_into_organisations() -> None:
    applied = apply_corrections(
        ANALYSIS, BODY, [_correction(NOT_PERSON, 1, subject="Roosevelt High", value="organization")]
    )
    analysis = applied.analysis
    assert [p.name for p in analysis.people] == ["Ann Lee"]
    school = next(s for s in analysis.sources if s.name == "Roosevelt High")
    assert school.kind == "organization" and school.corrected
    quote = analysis.quotes[1]
    assert quote.speaker == "Roosevelt High" and quote.speaker_type == "organization" and quote.corrected
    assert not analysis.quotes[0].corrected and applied.status == {"c1": "anchored"}


def test_corrections_apply_in_the_order_they_were_made() -> None:
    from reader.anchoring import make_anchor

    first = ANALYSIS.quotes[0]
    corrections = [
        _correction(SPEAKER, 1, anchor=make_anchor(BODY, first.start, first.end), value="Bo Chen"),
        _correction("rename", 2, subject="Bo Chen", value="Bo Chen-Li"),
        _correction("role", 3, subject="Bo Chen-Li", value="coach"),
    ]
    analysis = apply_corrections(ANALYSIS, BODY, corrections).analysis
    assert analysis.quotes[0].speaker == "Bo Chen-Li" and analysis.quotes[0].confidence == "high"
    added = next(p for p in analysis.people if p.name == "Bo Chen-Li")
    assert added.role == "coach" and added.corrected and "Bo Chen" in added.aliases
    assert any(s.name == "Bo Chen-Li" and s.kind == "person" for s in analysis.sources)
    assert analysis.quotes[0].to_dict()["corrected"] is True


def test_a_merge_keeps_one_person_with_both_names_and_every_mention() -> None:
    analysis = apply_corrections(
        ANALYSIS, BODY, [_correction("merge", 1, subject="Roosevelt High", value="Ann")]
    ).analysis
    [person] = analysis.people
    assert person.name == "Ann Lee" and "Roosevelt High" in person.aliases and len(person.mentions) == 3
    assert {q.speaker for q in analysis.quotes} == {"Ann Lee"}
    assert [s.name for s in analysis.sources] == ["Ann Lee"]


# -- through the library -----------------------------------------------------------------------------
def test_a_speaker_correction_lasts_through_a_restart_and_is_marked(sample_store: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    quote = _quote(library, article_id, ALEKSANDR)
    assert quote.speaker == "Aleksandr"
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "latushko")  # surname, any case
    library.close()

    again = _library(sample_store)
    corrected = _quote(again, article_id, ALEKSANDR)
    assert corrected.speaker == "Pavel Latushko" and corrected.corrected
    assert not _quote(again, article_id, LATUSHKO).corrected
    [listed] = again.corrections.placed()
    assert listed.status == "anchored" and listed.to_dict()["quote"].startswith(ALEKSANDR)


def test_a_correction_survives_a_new_analyzer_version(sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    quote = _quote(library, article_id, ALEKSANDR)
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "A. Petrov")
    monkeypatch.setattr("reader.analysis.ANALYZER_VERSION", "99.0")
    monkeypatch.setattr("reader.analysis.stored.ANALYZER_VERSION", "99.0")
    fresh = _library(sample_store)
    article = fresh.require(article_id)
    assert article.analysis is not None and article.analysis.version == "99.0"
    assert _quote(fresh, article_id, ALEKSANDR).speaker == "A. Petrov"
    assert fresh.refresh_analyses() == 1  # stored anew by the new analyzer: the correction is untouched
    assert _quote(_library(sample_store), article_id, ALEKSANDR).speaker == "A. Petrov"


def test_a_correction_follows_its_quote_through_an_edited_reimport_and_is_orphaned_when_it_goes(
    sample_store: Path, tmp_path: Path
) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    quote = _quote(library, article_id, ALEKSANDR)
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "A. Petrov")
    _, body = _seed_parts()
    edited = "An editor's note opens the article now.\n\n" + body.replace("three nights", "3 nights")
    _reimport(library, tmp_path / "v2", edited)
    moved = _quote(library, article_id, "I only spent 3 nights")
    assert moved.speaker == "A. Petrov" and moved.corrected
    assert [p.status for p in library.corrections.placed()] == ["moved"]

    without = "\n\n".join(p for p in edited.split("\n\n") if "3 nights" not in p)
    _reimport(library, tmp_path / "v3", without)
    [orphan] = library.corrections.placed()
    assert orphan.status == "orphaned"
    assert orphan.correction.value == "A. Petrov" and orphan.correction.anchor is not None
    assert orphan.correction.anchor.exact.startswith(ALEKSANDR)  # the words are kept
    assert "A. Petrov" not in {q.speaker for q in library.require(article_id).analysis.quotes}  # type: ignore[union-attr]


def test_search_who_said_what_and_the_overview_use_the_corrected_speaker(sample_store: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    assert library.search("speaker:aleksandr").total == 1  # the index is built before the correction
    quote = _quote(library, article_id, ALEKSANDR)
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "Ivan Drozd")
    assert library.search('speaker:"ivan drozd"').total == 1
    assert library.search('person:"ivan drozd"').total == 1
    assert library.search("speaker:aleksandr").total == 0
    other = _library(sample_store)  # another process reads the index as it is on disk
    assert other.search('speaker:"ivan drozd"').total == 1
    assert [hit.text[:35] for hit in other.quotes_by("Ivan Drozd")] == [ALEKSANDR]
    assert "Ivan Drozd" in [count.name for count in other.overview().people]


def test_an_exported_bookmark_names_the_corrected_speaker(sample_store: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    quote = _quote(library, article_id, ALEKSANDR)
    library.add_bookmark(article_id, quote.start, quote.end, note="check")
    assert "Speaker: Aleksandr\n" in library.export_bookmarks("md").decode()
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "Ivan Drozd")
    assert "Speaker: Ivan Drozd (corrected)" in library.export_bookmarks("md").decode()
    [row] = orjson.loads(library.export_bookmarks("json"))["bookmarks"]
    assert row["quotes"] == [{"text": quote.text, "speaker": "Ivan Drozd", "corrected": True}]


def test_not_a_person_everywhere_applies_to_articles_imported_later(sample_store: Path, tmp_path: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    library.corrections.not_a_person(article_id, "Hanna Liubakova", everywhere=True)
    assert "Hanna Liubakova" not in [p.name for p in library.require(article_id).analysis.people]  # type: ignore[union-attr]
    new = tmp_path / "new.txt"
    new.write_text(
        "Railway sabotage reported\n\nHanna Liubakova, a journalist, wrote about it. "
        "“The trains stopped,” Hanna Liubakova said on Monday.\n",
        encoding="utf-8",
    )
    [added] = library.import_sources([str(new)]).added
    stored = library._stored(added)
    assert stored is not None and "Hanna Liubakova" in [p.name for p in stored.analysis.people]  # type: ignore[union-attr]
    shown = library.require(added)
    assert "Hanna Liubakova" not in [p.name for p in shown.analysis.people]  # type: ignore[union-attr]
    assert library.search('person:"hanna liubakova"').total == 0
    assert [p.status for p in library.corrections.placed()] == ["anchored"]


def test_undo_takes_back_the_newest_correction_and_restores_the_one_it_replaced(sample_store: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    quote = _quote(library, article_id, ALEKSANDR)
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "First Guess")
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "Second Guess")
    assert len(library.corrections) == 1
    assert _quote(library, article_id, ALEKSANDR).speaker == "Second Guess"
    undone = library.corrections.undo(article_id)
    assert undone is not None and undone.value == "Second Guess"
    assert _quote(library, article_id, ALEKSANDR).speaker == "First Guess"
    library.corrections.undo(article_id)
    assert _quote(library, article_id, ALEKSANDR).speaker == "Aleksandr"
    assert library.corrections.undo(article_id) is None


def test_reported_speech_and_sources_can_be_corrected(sample_store: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    term = _quote(library, article_id, "thousands")
    assert term.scare is True  # a quoted term, as the analyzer reads it
    library.corrections.set_speech(article_id, (term.start, term.end), speech=True)
    library.corrections.add_source(article_id, "Nasha Niva", "outlet")
    library.corrections.remove_source(article_id, "Chatham House")
    library.corrections.source_kind(article_id, "the community of railway workers", "organization")
    analysis = library.require(article_id).analysis
    assert analysis is not None
    assert _quote(library, article_id, "thousands").scare is False
    assert library.search("quote:thousands").total == 1
    kinds = {s.name: (s.kind, s.corrected) for s in analysis.sources}
    assert kinds["Nasha Niva"] == ("outlet", True) and "Chatham House" not in kinds
    assert kinds["the community of railway workers"] == ("organization", True)
    assert library.search('source:"nasha niva"').total == 1


def test_mistakes_are_refused_with_a_reason(sample_store: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    with pytest.raises(CorrectionError, match="not in the article"):
        library.corrections.find_quote(article_id, "words nobody wrote")
    with pytest.raises(CorrectionError, match="is in 3 quotes"):
        library.corrections.find_quote(article_id, "Lukashenko")
    with pytest.raises(CorrectionError, match="no person 'Nobody'"):
        library.corrections.rename(article_id, "Nobody", "Somebody")
    with pytest.raises(CorrectionError, match="kind is one of"):
        library.corrections.add_source(article_id, "X", "blog")
    assert len(library.corrections) == 0


def test_doctor_counts_corrections_and_orphans(sample_store: Path, tmp_path: Path) -> None:
    from reader.doctor import run

    library = _library(sample_store)
    article_id = _article_id(library)
    assert not any("corrections" in text for _, text in run(sample_store).lines)
    quote = _quote(library, article_id, ALEKSANDR)
    library.corrections.set_speaker(article_id, (quote.start, quote.end), "A. Petrov")
    library.corrections.remove_source(article_id, "Chatham House")
    assert ("ok", "corrections: 2 kept") in run(sample_store).lines
    _, body = _seed_parts()
    _reimport(library, tmp_path / "v2", "\n\n".join(p for p in body.split("\n\n") if ALEKSANDR not in p))
    report = run(sample_store)
    assert ("ok", "corrections: 2 kept, 1 orphaned (their quote or person is no longer in the article)") in report.lines


def test_the_python_api_and_reader_list_count_corrected_quotes(sample_store: Path) -> None:
    library = _library(sample_store)
    article_id = _article_id(library)
    [row] = library.summaries()
    assert row["quotes"] == 4
    term = _quote(library, article_id, "thousands")
    library.corrections.set_speech(article_id, (term.start, term.end), speech=True)
    [row] = library.summaries()
    assert row["quotes"] == 5
    [article] = library.articles()
    assert any(q.corrected for q in article.analysis.quotes)  # type: ignore[union-attr]


def test_the_index_notices_corrections_it_was_not_told_about(sample_store: Path) -> None:
    """A correction written by a process that could not update the index (busy, killed) is still searched."""
    from reader.anchoring import make_anchor
    from reader.userdata.corrections import Corrections

    library = _library(sample_store)
    article_id = _article_id(library)
    assert library.search("speaker:aleksandr").total == 1
    quote = _quote(library, article_id, ALEKSANDR)
    article = library.require(article_id)
    anchor = make_anchor(article.body, quote.start, quote.end)
    Corrections(library.state).add(SPEAKER, article_id, article.title, anchor=anchor, value="Ivan Drozd")
    assert library.search("speaker:aleksandr").total == 0
    assert _library(sample_store).search('speaker:"ivan drozd"').total == 1
    assert library.search_index.status() == "ok"
