"""Text that must arrive whole: invisible word breaks dropped, hidden controls never glue words."""

from __future__ import annotations

from dataclasses import replace

from reader.importers.common import build_article
from reader.library import Library
from reader.text import clean_line, normalize_body


def test_soft_hyphens_and_zero_width_breaks_are_dropped_from_the_body() -> None:
    body = normalize_body("La réac\u00adtion du mi\u200bnistre fut im\u2060mé\ufeffdiate.")
    assert body == "La réaction du ministre fut immédiate."


def test_emoji_and_script_joiners_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert family in normalize_body(f"A family {family} and می\u200cخواهم.")
    assert "می\u200cخواهم" in normalize_body("می\u200cخواهم")


def test_a_right_to_left_override_between_words_leaves_a_space() -> None:
    assert normalize_body("abc\u202eevil") == "abc evil"
    assert clean_line("Breaking\u2066news\u2069 today") == "Breaking news today"
    assert normalize_body("a\x00b and c\x1fd") == "a b and c d"
    # at a word's edge the control goes without leaving two spaces
    assert normalize_body("one \u202etwo\u202c three") == "one two three"


def test_search_finds_words_broken_by_soft_hyphens_in_a_store_written_before(empty_store) -> None:
    library = Library.open(empty_store)
    article = build_article(title="Réaction", body="La réaction du ministre fut immédiate.", source="test")
    old = replace(article, body="La réac\u00adtion du mi\u00adnistre fut immédiate.")  # as stored before
    library.store.upsert([old])
    assert "\u00ad" in library.get(old.id).body
    hits = Library.open(empty_store).search("réaction")
    assert [hit.id for hit in hits.hits] == [old.id]
    assert Library.open(empty_store).search('"du ministre"').total == 1
