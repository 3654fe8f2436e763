"""Quotation marks told from marks that only look like them (invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _quotes(body: str) -> list[str]:
    return [q.text for q in analyze(body).quotes if not q.scare]


@pytest.mark.parametrize("height", ["6'5\"", "5' 11\"", '6’2"'])
def test_a_heights_inch_mark_pairs_with_no_quotation_mark(height: str) -> None:
    body = f'The {height} forward scored twice. "We won," Tomas Brenner said.'
    assert _quotes(body) == ["We won,"]
    assert analyze(body).quotes[0].speaker == "Tomas Brenner"


def test_a_quote_ending_in_a_number_still_closes() -> None:
    body = 'He recalled "the year 2019" and "we will win again," Tomas Brenner said.'
    assert [q.text for q in analyze(body).quotes] == ["the year 2019", "we will win again,"]
